//! `unkg graphml`: network views of the store as GraphML.

use crate::error::{Context, Error, Result};
use crate::network::{export, Filter, Options, View};
use crate::store::KgStore;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `unkg graphml`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store's folder.
    #[arg(long)]
    pub store: PathBuf,
    /// Which network to write.
    #[arg(long, value_enum)]
    pub view: View,
    /// The SPARQL CONSTRUCT query of the construct view (`-` for standard input).
    #[arg(long)]
    pub query: Option<PathBuf>,
    /// Keep speeches (and meetings) from this date on: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long)]
    pub from: Option<String>,
    /// Keep speeches (and meetings) up to this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long)]
    pub to: Option<String>,
    /// Entity classes to keep, comma-separated: state, organisation, person,
    /// delegate, resolution, document, place (and, in the full view,
    /// speech, meeting, event).
    #[arg(long = "type", value_delimiter = ',')]
    pub types: Vec<String>,
    /// Drop edges lighter than this, and the nodes this leaves alone.
    #[arg(long)]
    pub min_weight: Option<f64>,
    /// Keep speeches at meetings whose topic contains this (any case).
    #[arg(long)]
    pub topic: Option<String>,
    /// Write here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// Writes the view and says how big it is on standard error.
pub fn run(args: Args) -> Result<i32> {
    let filter = Filter::parse(args.from.as_deref(), args.to.as_deref(), args.topic.as_deref(), &args.types, args.min_weight)?;
    let query = match (&args.query, args.view) {
        (None, View::Construct) => return Err(Error::usage("--view construct needs --query FILE (a SPARQL CONSTRUCT query)")),
        (Some(_), v) if v != View::Construct => return Err(Error::usage("--query only goes with --view construct")),
        (Some(p), _) if p.as_os_str() == "-" => {
            let mut q = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut q).at("<stdin>")?;
            Some((q, "<stdin>".to_owned()))
        }
        (Some(p), _) => Some((std::fs::read_to_string(p).at(p)?, p.display().to_string())),
        (None, _) => None,
    };
    let store = KgStore::open_read_only(&args.store)?;
    let started = std::time::Instant::now();
    let mut out = super::output(args.output.as_deref())?;
    let summary = export(&store, &Options { view: args.view, filter, query }, &mut out)?;
    let target = args.output.clone().unwrap_or_else(|| "<stdout>".into());
    out.flush().writing(&target)?;
    eprintln!(
        "{}: {} nodes, {} edges written to {} in {:.2} s",
        args.view.name(),
        summary.nodes,
        summary.edges,
        target.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(0)
}
