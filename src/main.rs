//! The `unkg` binary: parses the command line and reports errors.

use clap::Parser;

fn main() {
    let cli = unkg::cli::Cli::parse();
    match unkg::cli::run(cli) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("unkg: {e}");
            std::process::exit(2);
        }
    }
}
