//! The `unkg` command line: one module per subcommand.

mod build;
mod export;
mod graphml;
mod query;
mod push;
mod serve;
mod stats;
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
    }
}

/// Standard output, or the file `path`, buffered.
pub(crate) fn output(path: Option<&std::path::Path>) -> Result<Box<dyn std::io::Write>> {
    Ok(match path {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).map_err(|e| crate::error::Error::io(p, e))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    })
}
