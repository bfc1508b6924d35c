// oneDNN's C interface (Debian: libdnnl-dev), plus the two calls of its OpenMP runtime (libgomp,
// which Debian's oneDNN is built with) that set and read the thread count of its products.
#include <oneapi/dnnl/dnnl.h>

void omp_set_num_threads(int count);
int omp_get_max_threads(void);
