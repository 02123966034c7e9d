//! `unkg build`: speech files in, an up-to-date store out.

use crate::ingest::{build, BuildOptions};
use crate::error::Result;
use std::path::PathBuf;

/// Arguments of `unkg build`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store's folder (created if missing).
    #[arg(long)]
    pub store: PathBuf,
    /// Metadata tables to use besides those found beside the speeches
    /// (meta_speeches_*.tsv, meta_meetings_*.tsv, Speakers_by_session.csv).
    #[arg(long)]
    pub meta: Vec<PathBuf>,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Refuse speech files larger than this (bytes, or with a K, M or G
    /// suffix); a refused file is an error that costs only that file.
    #[arg(long, value_name = "SIZE", default_value = "20M", value_parser = super::parse_size)]
    pub max_file_size: u64,
    /// Keep the speeches of files gone from the folders given (by default a
    /// build removes them, so that the store holds what the folders hold):
    /// for a store built from several folders in turns.
    #[arg(long)]
    pub keep_missing: bool,
    /// Speech files, or folders searched for .txt files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Builds, prints every problem and the summary; exit code 1 if a file
/// could not be loaded (all others are loaded all the same).
pub fn run(args: Args) -> Result<i32> {
    let options = BuildOptions {
        store: args.store,
        inputs: args.paths,
        meta: args.meta,
        quiet: args.quiet,
        max_file_size: args.max_file_size,
        keep_missing: args.keep_missing,
    };
    let report = build(&options)?;
    super::make_search_index(&options.store);
    Ok(super::finish(&report.warnings, &report.errors, &report.summary()))
}

