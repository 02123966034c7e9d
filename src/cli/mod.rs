//! The `unkg` command line: one module per subcommand.
//!
//! Without the feature `store` (`--no-default-features --features cli`)
//! only `extract` is there: the map step, for machines that cannot build
//! RocksDB.

#[cfg(feature = "store")]
mod build;
#[cfg(feature = "store")]
mod export;
mod extract;
#[cfg(feature = "store")]
mod graphml;
#[cfg(feature = "store")]
mod load;
#[cfg(feature = "store")]
mod query;
#[cfg(feature = "store")]
mod push;
#[cfg(feature = "store")]
mod query_worker;
#[cfg(feature = "store")]
mod serve;
#[cfg(feature = "store")]
mod stats;
#[cfg(feature = "store")]
mod validate;

use crate::error::Result;
use clap::{Parser, Subcommand};

/// Turn UN speeches into a linked-data knowledge graph, and query it.
#[derive(Debug, Parser)]
#[command(name = "unkg", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build or update a store from speech files and folders.
    #[cfg(feature = "store")]
    Build(build::Args),
    /// Write the quads of speech files as N-Quads files, with no store (the
    /// map step; `unkg load` makes the store).
    Extract(extract::Args),
    /// Load N-Quads files written by `unkg extract` (or its Spark job) into
    /// a store.
    #[cfg(feature = "store")]
    Load(load::Args),
    /// Run a SPARQL query against a store.
    #[cfg(feature = "store")]
    Query(query::Args),
    /// Dump the store (or one named graph) as standard RDF.
    #[cfg(feature = "store")]
    Export(export::Args),
    /// Count what a store holds.
    #[cfg(feature = "store")]
    Stats(stats::Args),
    /// Write a network view of the store as GraphML (Gephi, Cytoscape, yEd, networkx).
    #[cfg(feature = "store")]
    Graphml(graphml::Args),
    /// Serve a store: SPARQL endpoint, dereferenceable IRIs, VoID.
    #[cfg(feature = "store")]
    Serve(serve::Args),
    /// Check a store against SHACL shapes (by default ontology/shapes.ttl).
    #[cfg(feature = "store")]
    Validate(validate::Args),
    /// Send the named graphs to a SPARQL 1.1 Graph Store Protocol endpoint.
    #[cfg(feature = "store")]
    Push(push::Args),
    /// Answer queries from standard input: the process `unkg serve` runs
    /// each client query in.
    #[cfg(feature = "store")]
    #[command(hide = true)]
    QueryWorker(query_worker::Args),
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        #[cfg(feature = "store")]
        Command::Build(args) => build::run(args),
        Command::Extract(args) => extract::run(args),
        #[cfg(feature = "store")]
        Command::Load(args) => load::run(args),
        #[cfg(feature = "store")]
        Command::Query(args) => query::run(args),
        #[cfg(feature = "store")]
        Command::Export(args) => export::run(args),
        #[cfg(feature = "store")]
        Command::Stats(args) => stats::run(args),
        #[cfg(feature = "store")]
        Command::Graphml(args) => graphml::run(args),
        #[cfg(feature = "store")]
        Command::Serve(args) => serve::run(args),
        #[cfg(feature = "store")]
        Command::Validate(args) => validate::run(args),
        #[cfg(feature = "store")]
        Command::Push(args) => push::run(args),
        #[cfg(feature = "store")]
        Command::QueryWorker(args) => query_worker::run(args),
    }
}

/// Prints what a build or a load warns of, its errors and its summary, and
/// gives its exit code: 1 when a speech could not be taken.
fn finish(warnings: &[impl std::fmt::Display], errors: &[impl std::fmt::Display], summary: &str) -> i32 {
    for w in warnings {
        eprintln!("warning: {w}");
    }
    for e in errors {
        eprintln!("error: {e}");
    }
    eprintln!("{summary}");
    i32::from(!errors.is_empty())
}

/// Makes the portal's search index of the store in `store` now, so that
/// `unkg serve` starts at once; says so where it cannot.
#[cfg(feature = "store")]
fn make_search_index(store: &std::path::Path) {
    match crate::store::KgStore::open_read_only(store).and_then(|store| crate::search::Index::open_or_build(&store)) {
        Ok(_) => {}
        Err(e) => eprintln!("warning: the search index was not made (serve will make it): {e}"),
    }
}

/// Standard output, or the file `path`, buffered.
#[cfg(feature = "store")]
pub(crate) fn output(path: Option<&std::path::Path>) -> Result<Box<dyn std::io::Write>> {
    use crate::error::Context;
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).writing(p)?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}

/// Reads a size such as `20M`, `512K`, `1G` or `1048576` (bytes; the
/// suffixes count in powers of 1024).
pub(crate) fn parse_size(text: &str) -> Result<u64, String> {
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

/// Longest time an option may give, a day: past it a limit means nothing,
/// and deadlines computed from it could overflow the clock.
#[cfg(feature = "store")]
pub(crate) const MAX_SECONDS: f64 = 86_400.0;

/// Reads a duration in seconds such as `30` or `2.5`, more than zero and at
/// most [`MAX_SECONDS`].
#[cfg(feature = "store")]
pub(crate) fn parse_seconds(text: &str) -> Result<std::time::Duration, String> {
    let seconds: f64 = text.trim().parse().map_err(|_| format!("expected a number of seconds such as 30 or 2.5, found {text:?}"))?;
    if !(seconds > 0.0 && seconds <= MAX_SECONDS) {
        return Err(format!("{text}: give more than 0 and at most {MAX_SECONDS} seconds (a day)"));
    }
    // Within the range checked above, which a Duration holds.
    std::time::Duration::try_from_secs_f64(seconds).map_err(|e| format!("{text}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    #[cfg(feature = "store")]
    fn reads_seconds_in_their_range() {
        use super::parse_seconds;
        assert_eq!(parse_seconds("30"), Ok(std::time::Duration::from_secs(30)));
        assert_eq!(parse_seconds("0.5"), Ok(std::time::Duration::from_millis(500)));
        for bad in ["0", "-1", "1e20", "1e19", "NaN", "inf", "86401", "ten"] {
            assert!(parse_seconds(bad).is_err(), "{bad}");
        }
    }

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
