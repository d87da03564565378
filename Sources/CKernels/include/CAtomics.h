#ifndef CFLAB_CATOMICS_H
#define CFLAB_CATOMICS_H

/// The few atomic operations `WorkerTeam` (CFModels) hands work over with: a load with
/// acquire order, a store and an add with release order, and a spin-wait hint.
long cf_atomic_load(const long *value);
void cf_atomic_store(long *value, long new_value);
/// Adds `delta` and returns the new value (acquire and release order).
long cf_atomic_add(long *value, long delta);
/// Tells the CPU the thread is spinning (`pause` on x86-64, `yield` on arm64).
void cf_spin_pause(void);

#endif
