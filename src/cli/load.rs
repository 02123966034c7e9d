//! `unkg load`: the N-Quads files of `unkg extract` (or its Spark job) into
//! a store.

use crate::error::Result;
use crate::load::load;
use std::path::PathBuf;

/// Arguments of `unkg load`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store's folder (created if missing).
    #[arg(long)]
    pub store: PathBuf,
    /// N-Quads files, or folders searched for `*.nq` and `part-*` files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Loads, makes the search index, prints every problem (the map step's
/// included) and the summary; exit code 1 if a speech is missing from the
/// store because the map step or the load could not take it.
pub fn run(args: Args) -> Result<i32> {
    let report = load(&args.store, &args.paths)?;
    super::make_search_index(&args.store);
    Ok(super::finish(&report.warnings, &report.errors, &report.summary()))
}
