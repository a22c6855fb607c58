//! The `vietdoc` command line.

mod cli;

use clap::Parser;

/// mimalloc: the pipeline makes many small short-lived allocations per
/// token; glibc's allocator spent 10-15 % of repair time on them.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => std::process::exit(code),
        Err(err) => {
            eprintln!("vietdoc: error: {err:#}");
            std::process::exit(2);
        }
    }
}
