#ifndef CFLAB_CPREFETCH_H
#define CFLAB_CPREFETCH_H

/// Hints the CPU to fetch the cache line holding `address` for reading and writing.
/// Random-order embedding updates are latency-bound; prefetching the next rows hides it.
static inline void cf_prefetch(const void *address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address, 1, 3);
#endif
}

#endif
