// cairo draws Dive's PNG and PDF figures and measures their text (DejaVu Sans through fontconfig).
#include <cairo.h>
#include <cairo-pdf.h>
