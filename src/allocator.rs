//! The allocator's settings, for the binary and the benches (which include
//! this file by path, so they measure what the command runs).

/// mimalloc's `purge_delay` option: how long freed memory waits before it
/// goes back to the system (`-1`: never). Its place in mimalloc.h's
/// `mi_option_e`, for which the crate names no constant.
#[cfg(feature = "mimalloc")]
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Keeps the memory a run frees instead of handing it back to the system.
///
/// A run allocates and frees the same large buffers document after
/// document; memory handed back is faulted in and zeroed again for the
/// next one (about 2 300 page faults and 5 % of the time of repairing the
/// held-out scans in one process). Keeping it costs no more than the run's
/// peak, which the process holds anyway. The `MIMALLOC_PURGE_DELAY`
/// environment variable still overrides it. Call it before starting other
/// threads; without the `mimalloc` feature it does nothing.
pub fn keep_freed_memory() {
    #[cfg(feature = "mimalloc")]
    // SAFETY: sets an option's default; mimalloc reads its options with no
    // other precondition, and no other thread is setting them.
    unsafe {
        libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, -1);
    }
}
