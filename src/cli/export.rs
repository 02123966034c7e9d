//! `unkg export`: the store as standard RDF.

use crate::error::{Context, Result};
use crate::export::{dump, DumpFormat};
use crate::store::KgStore;
use std::path::PathBuf;

/// Arguments of `unkg export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The store's folder.
    #[arg(long)]
    pub store: PathBuf,
    /// The RDF serialisation.
    #[arg(long, value_enum, default_value = "nquads")]
    pub format: DumpFormat,
    /// Only this named graph (its IRI).
    #[arg(long)]
    pub graph: Option<String>,
    /// Write here instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Write the VoID description of the dataset (Turtle) instead of the data.
    #[arg(long, conflicts_with = "graph")]
    pub void: bool,
}

/// Writes the dump.
pub fn run(args: Args) -> Result<i32> {
    let store = KgStore::open_read_only(&args.store)?;
    let mut out = super::output(args.output.as_deref())?;
    if args.void {
        crate::serve::void::write_void(&store, &mut out)?;
    } else {
        dump(&store, args.format, args.graph.as_deref(), &mut out)?;
    }
    out.flush().writing(args.output.unwrap_or_else(|| "<stdout>".into()))?;
    Ok(0)
}

use std::io::Write;
