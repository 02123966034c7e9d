//! `unkg build`: speech files in, an up-to-date store out.

use crate::build::{build, BuildOptions};
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
    #[arg(long, value_name = "SIZE", default_value = "20M", value_parser = parse_size)]
    pub max_file_size: u64,
    /// Speech files, or folders searched for .txt files.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

/// Builds, prints every problem and the summary; exit code 1 if a file
/// could not be loaded (all others are loaded all the same).
pub fn run(args: Args) -> Result<i32> {
    let options =
        BuildOptions { store: args.store, inputs: args.paths, meta: args.meta, quiet: args.quiet, max_file_size: args.max_file_size };
    let report = build(&options)?;
    // The portal's search index, made now so that `unkg serve` starts at once.
    match crate::store::KgStore::open_read_only(&options.store).and_then(|store| crate::search::Index::open_or_build(&store)) {
        Ok(_) => {}
        Err(e) => eprintln!("warning: the search index was not made (serve will make it): {e}"),
    }
    for w in &report.warnings {
        eprintln!("warning: {w}");
    }
    for e in &report.errors {
        eprintln!("error: {e}");
    }
    eprintln!("{}", report.summary());
    Ok(if report.errors.is_empty() { 0 } else { 1 })
}

/// Reads a size such as `20M`, `512K`, `1G` or `1048576` (bytes; the
/// suffixes count in powers of 1024).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&text[..i], c.to_ascii_uppercase()),
        _ => (text, 'B'),
    };
    let shift = match unit {
        'B' => 0,
        'K' => 10,
        'M' => 20,
        'G' => 30,
        _ => return Err(format!("expected a size such as 20M, 512K or 1048576, found {text:?}")),
    };
    digits
        .trim()
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("expected a size such as 20M, 512K or 1048576, found {text:?}"))
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn reads_sizes() {
        assert_eq!(parse_size("20M"), Ok(20 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_size("1G"), Ok(1 << 30));
        assert!(parse_size("lots").is_err());
        assert!(parse_size("20X").is_err());
        assert!(parse_size("99999999999999999999G").is_err());
    }
}
