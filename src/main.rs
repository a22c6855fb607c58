//! The `vietdoc` command line.

mod cli;

use clap::Parser;

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
