// zlib (Debian: zlib1g-dev): gzip for the IDX files.
#include <zlib.h>
