// What the CPU offers, found once at load time (CKernels.c), for the kernels that pick
// a vector path at run time. Private to CKernels.
#ifndef CFLAB_CPUFEATURES_H
#define CFLAB_CPUFEATURES_H

#if defined(__x86_64__)
/// 1 when the CPU has AVX, 0 when not, -1 before detection ran.
extern int cf_has_avx;
#endif

#endif
