//! GraphML network views of the store, for Gephi, Cytoscape, yEd and
//! networkx (`unkg graphml`).
//!
//! A view reads what it needs from the store ([`source`]), builds a
//! petgraph network ([`model`], [`views`], [`triples`]), which is put in a
//! fixed order and measured ([`metrics`]) and written ([`graphml`]). The
//! same store and options always give the same bytes.

mod acts;
pub mod filter;
pub mod metrics;
pub mod model;
pub mod source;
pub mod triples;
pub mod views;
pub mod votes;
pub mod graphml;

pub use filter::Filter;

use crate::error::{Context, Error, Result};
use crate::store::KgStore;
use std::io::Write;

/// The networks `unkg graphml` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum View {
    /// Every entity, speech and meeting node and every link between
    /// resources; literals as attributes, mentions as weighted edges.
    Full,
    /// Entities linked to the speeches and meetings that mention them.
    Mentions,
    /// Entities only, linked when speeches mention both (weight: speeches).
    CoMention,
    /// States to the resolutions their speeches cite (weight: speeches).
    Citations,
    /// Delegates to the states they speak for and the meetings they speak at.
    Delegates,
    /// States and organisations to what their speeches thank, condemn,
    /// call on, ...: the act's kind on each edge (weight: speeches).
    Acts,
    /// The graph a SPARQL CONSTRUCT query (`--query FILE`) returns.
    Construct,
}

impl View {
    /// The view's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            View::Full => "full",
            View::Mentions => "mentions",
            View::CoMention => "co-mention",
            View::Citations => "citations",
            View::Delegates => "delegates",
            View::Acts => "acts",
            View::Construct => "construct",
        }
    }
}

/// What to export.
#[derive(Debug, Clone)]
pub struct Options {
    /// The view.
    pub view: View,
    /// What to keep.
    pub filter: Filter,
    /// The CONSTRUCT query and where it came from, for the `construct` view.
    pub query: Option<(String, String)>,
}

/// Size of what was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Nodes written.
    pub nodes: usize,
    /// Edges written.
    pub edges: usize,
}

/// Builds the view asked for from `store` and writes it as GraphML to `out`.
pub fn export(store: &KgStore, options: &Options, out: &mut dyn Write) -> Result<Summary> {
    let src = source::Source::new(store);
    let f = &options.filter;
    let mut net = match options.view {
        View::Full => triples::full(&src, f)?,
        View::Mentions => views::mentions(&src, f)?,
        View::CoMention => views::co_mention(&src, f)?,
        View::Citations => views::citations(&src, f)?,
        View::Delegates => views::delegates(&src, f)?,
        View::Acts => acts::acts(&src, f)?,
        View::Construct => {
            let Some((query, origin)) = &options.query else {
                return Err(Error::usage("the construct view needs --query FILE"));
            };
            let mut net = triples::construct(&src, query, origin)?;
            if !f.types.is_empty() {
                net.retain_nodes(|n| f.keeps(&[], &n.kind));
            }
            net
        }
    };
    if let Some(min) = f.min_weight {
        net.prune(min);
    }
    views::flag_entities(&mut net);
    let mut net = net.canonical();
    metrics::compute(&mut net);
    let description = describe(options);
    graphml::write(&net, &description, out).writing("<output>")?;
    Ok(Summary { nodes: net.graph.node_count(), edges: net.graph.edge_count() })
}

/// The graph's description: the view and filters, so a file says what it is.
fn describe(options: &Options) -> String {
    let f = &options.filter;
    let mut parts = vec![format!("unkg graphml --view {}", options.view.name())];
    if let Some(d) = &f.from {
        parts.push(format!("--from {d}"));
    }
    if let Some(d) = &f.to {
        parts.push(format!("--to {d}"));
    }
    if let Some(t) = &f.topic {
        parts.push(format!("--topic {t:?}"));
    }
    if !f.types.is_empty() {
        parts.push(format!("--type {}", f.types.join(",")));
    }
    if let Some(w) = f.min_weight {
        parts.push(format!("--min-weight {w}"));
    }
    if let Some((_, origin)) = &options.query {
        parts.push(format!("--query {origin}"));
    }
    parts.join(" ")
}
