//! The `unkg` binary: parses the command line and reports errors.

use clap::Parser;

// The build moves millions of small allocations (terms, quads, index keys)
// between threads; glibc's allocator serialises much of that, mimalloc
// does not.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = unkg::cli::Cli::parse();
    match unkg::cli::run(cli) {
        Ok(code) => std::process::exit(code),
        // The reader of our output closed it: it has what it wanted.
        Err(e) if e.is_broken_pipe() => std::process::exit(0),
        Err(e) => {
            eprintln!("unkg: {e}");
            std::process::exit(e.exit_code() as i32);
        }
    }
}
