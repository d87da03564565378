#include "CMemory.h"

#if defined(__linux__)
#include <stdint.h>
#include <sys/mman.h>

#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25
#endif

long cf_advise_huge_pages(void *base, unsigned long bytes) {
    const uintptr_t huge = 2UL << 20;
    uintptr_t start = ((uintptr_t)base + huge - 1) & ~(huge - 1);
    uintptr_t end = ((uintptr_t)base + bytes) & ~(huge - 1);
    if (end <= start) return 0;
    if (madvise((void *)start, end - start, MADV_HUGEPAGE) != 0) return 0;
    // Back what is already there with huge pages now (Linux 6.1+); older kernels leave it to khugepaged.
    (void)madvise((void *)start, end - start, MADV_COLLAPSE);
    return (long)(end - start);
}
#else
long cf_advise_huge_pages(void *base, unsigned long bytes) {
    (void)base;
    (void)bytes;
    return 0;
}
#endif
