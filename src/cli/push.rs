//! `unkg push`: copy the store's named graphs to a Graph Store Protocol endpoint.

use crate::error::Result;
use crate::push::push;
use crate::store::KgStore;
use std::path::PathBuf;
use std::time::Duration;

/// Arguments of `unkg push`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store's folder.
    #[arg(long)]
    pub store: PathBuf,
    /// The SPARQL 1.1 Graph Store Protocol endpoint, e.g.
    /// http://localhost:7878/store for `oxigraph serve`.
    #[arg(long)]
    pub endpoint: String,
    /// Only this named graph (repeatable); all of them by default.
    #[arg(long)]
    pub graph: Vec<String>,
    /// Longest one graph's transfer may take, in seconds.
    #[arg(long, default_value_t = 300)]
    pub timeout: u64,
    /// No line per graph.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Pushes; prints one line per graph and a summary.
pub fn run(args: Args) -> Result<i32> {
    let store = KgStore::open_read_only(&args.store)?;
    let quiet = args.quiet;
    let report = push(&store, &args.endpoint, &args.graph, Duration::from_secs(args.timeout), |g, n| {
        if !quiet {
            eprintln!("{g}: {n} triples");
        }
    })?;
    eprintln!("pushed {} graphs, {} triples to {}", report.graphs, report.triples, args.endpoint);
    Ok(0)
}
