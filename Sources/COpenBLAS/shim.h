#ifndef CFLAB_COPENBLAS_SHIM_H
#define CFLAB_COPENBLAS_SHIM_H
#include <cblas.h>
#include <lapacke.h>
#endif
