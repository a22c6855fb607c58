//! The `vietdoc` command line.

mod cli;

use clap::Parser;

/// mimalloc: the pipeline makes many small short-lived allocations per
/// token; glibc's allocator spent 10-15 % of repair time on them.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option: how long freed memory waits before it
/// goes back to the system (`-1`: never; the `MIMALLOC_PURGE_DELAY`
/// environment variable still overrides): its place in mimalloc.h's
/// `mi_option_e`, for which the crate names no constant.
#[cfg(feature = "mimalloc")]
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    // A run allocates and frees the same large buffers document after
    // document; memory handed back to the system is faulted in and zeroed
    // again for the next one (about 2 300 page faults and 5 % of the time
    // of repairing the held-out scans in one process). Keeping it costs no
    // more than the run's peak, which the process holds anyway.
    #[cfg(feature = "mimalloc")]
    // SAFETY: sets an option's default before any thread but this one
    // exists; mimalloc reads options with no other precondition.
    unsafe {
        libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, -1);
    }
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => std::process::exit(code),
        // The reader of our output went away (`vietdoc … | head`): not an
        // error of ours, so stop quietly, as other command-line tools do.
        Err(err) if is_broken_pipe(&err) => std::process::exit(0),
        Err(err) => {
            eprintln!("vietdoc: error: {err:#}");
            std::process::exit(2);
        }
    }
}

/// Is `err` (or an error it wraps) a write to a closed pipe?
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
