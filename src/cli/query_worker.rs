//! `unkg query-worker` (hidden): the process `unkg serve` runs client
//! queries in, so that a query past its limits can be stopped by killing it.

use crate::error::Result;
use std::path::PathBuf;

/// Arguments of `unkg query-worker`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store's folder, opened read-only.
    #[arg(long)]
    pub store: PathBuf,
}

/// Answers queries from standard input until it closes.
pub fn run(args: Args) -> Result<i32> {
    crate::serve::worker_main(&args.store)?;
    Ok(0)
}
