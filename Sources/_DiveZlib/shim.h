// zlib (Debian: zlib1g-dev): gzip for the IDX files, deflate for PNG.
#include <zlib.h>
