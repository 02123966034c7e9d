//! The `unkg` command line: one module per subcommand.

mod build;
mod export;
mod graphml;
mod query;
mod push;
mod query_worker;
mod serve;
mod stats;
mod validate;

use crate::error::{Context, Result};
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
    Build(build::Args),
    /// Run a SPARQL query against a store.
    Query(query::Args),
    /// Dump the store (or one named graph) as standard RDF.
    Export(export::Args),
    /// Count what a store holds.
    Stats(stats::Args),
    /// Write a network view of the store as GraphML (Gephi, Cytoscape, yEd, networkx).
    Graphml(graphml::Args),
    /// Serve a store: SPARQL endpoint, dereferenceable IRIs, VoID.
    Serve(serve::Args),
    /// Check a store against SHACL shapes (by default ontology/shapes.ttl).
    Validate(validate::Args),
    /// Send the named graphs to a SPARQL 1.1 Graph Store Protocol endpoint.
    Push(push::Args),
    /// Answer queries from standard input: the process `unkg serve` runs
    /// each client query in.
    #[command(hide = true)]
    QueryWorker(query_worker::Args),
}

/// Runs the command line; returns the process exit code.
pub fn run(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Build(args) => build::run(args),
        Command::Query(args) => query::run(args),
        Command::Export(args) => export::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Graphml(args) => graphml::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Validate(args) => validate::run(args),
        Command::Push(args) => push::run(args),
        Command::QueryWorker(args) => query_worker::run(args),
    }
}

/// Standard output, or the file `path`, buffered.
pub(crate) fn output(path: Option<&std::path::Path>) -> Result<Box<dyn std::io::Write>> {
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
