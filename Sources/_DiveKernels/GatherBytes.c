#include "DiveKernels.h"
#include "BuildChoice.h"

// Rows are picked at random from a dataset larger than the caches, so each row is a trip to
// memory; asking for the rows a few steps ahead overlaps those trips with the conversion.
enum { prefetchDistance = 3, cacheLine = 64 };

DIVE_INLINE void dive_gather_bytes_body(float *restrict output, const uint8_t *restrict source,
                                        const ptrdiff_t *restrict rows, size_t count, size_t rowLength,
                                        float divisor) {
    for (size_t r = 0; r < count; r++) {
        if (r + prefetchDistance < count) {
            const uint8_t *ahead = source + rows[r + prefetchDistance] * rowLength;
            for (size_t offset = 0; offset < rowLength; offset += cacheLine) __builtin_prefetch(ahead + offset);
        }
        const uint8_t *row = source + rows[r] * rowLength;
        float *out = output + r * rowLength;
        for (size_t j = 0; j < rowLength; j++) out[j] = (float)row[j] / divisor;
    }
}

DIVE_KERNEL(dive_gather_bytes,
            (float *restrict output, const uint8_t *restrict source, const ptrdiff_t *restrict rows, size_t count,
             size_t rowLength, float divisor),
            (output, source, rows, count, rowLength, divisor))
