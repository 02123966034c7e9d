//! `unkg stats`: what a store holds.

use crate::error::Result;
use crate::store::{recount, stats, KgStore};
use std::path::PathBuf;

/// Arguments of `unkg stats`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store's folder.
    #[arg(long)]
    pub store: PathBuf,
    /// JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Count every quad afresh instead of adding up the counts the build
    /// kept (the same figures, read from the whole store: minutes on a
    /// large one).
    #[arg(long)]
    pub recount: bool,
}

/// Prints the counts.
pub fn run(args: Args) -> Result<i32> {
    let store = KgStore::open_read_only(&args.store)?;
    let s = if args.recount { recount(&store)? } else { stats(&store)? };
    if args.json {
        let text = serde_json::to_string_pretty(&s)?;
        println!("{text}");
        return Ok(0);
    }
    let lines = [
        ("speeches", s.speeches),
        ("meetings", s.meetings),
        ("delegates", s.delegates),
        ("states", s.states),
        ("mentions", s.mentions),
        ("entities mentioned", s.entities_mentioned),
        ("triples", s.triples),
    ];
    for (what, n) in lines {
        println!("{what:<28}{n:>12}");
    }
    for (kind, n) in &s.triples_by_graph_kind {
        let graphs = s.graphs_by_kind.get(kind).copied().unwrap_or(0);
        println!("{:<28}{n:>12}", format!("  in {graphs} {kind} graph{}", if graphs == 1 { "" } else { "s" }));
    }
    Ok(0)
}
