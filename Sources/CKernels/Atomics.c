#include "CAtomics.h"

#include <stdatomic.h>

long cf_atomic_load(const long *value) {
    return atomic_load_explicit((const _Atomic long *)value, memory_order_acquire);
}

void cf_atomic_store(long *value, long new_value) {
    atomic_store_explicit((_Atomic long *)value, new_value, memory_order_release);
}

long cf_atomic_add(long *value, long delta) {
    return atomic_fetch_add_explicit((_Atomic long *)value, delta, memory_order_acq_rel) + delta;
}

void cf_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}
