//! The `vietdoc` command line.

mod allocator;
mod cli;

use clap::Parser;

/// mimalloc: the pipeline makes many small short-lived allocations per
/// token; glibc's allocator spent 10-15 % of repair time on them.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    allocator::keep_freed_memory();
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
