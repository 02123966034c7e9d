//! The counts kept in the store: the summaries each graph was written with
//! (see [`crate::rdf::summary`]), added up. The corpus graph, which every
//! speech adds to, is summarised at the end of each build that changed it
//! ([`KgStore::summarise_corpus`]). A graph without a summary (the corpus
//! graph while a build runs or after one was killed; a graph a SPARQL
//! update made; a store built before summaries) is counted quad by quad,
//! so the totals are those of the whole store whatever wrote it.

use super::KgStore;
use crate::error::Result;
use crate::rdf::summary::{GraphSummary, SummaryBuilder};
use crate::rdf::vocab::{class, prop, rdf, GRAPH};
use crate::rdf::iri;
use oxigraph::model::{GraphName, GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::{BTreeMap, BTreeSet};

/// The summaries of a store's named graphs added up, and what they do not
/// tell: the default graph's size, and graphs and quads by kind of graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Totals {
    /// Every named graph's summary merged ([`GraphSummary::merge`]).
    pub named: GraphSummary,
    /// Quads in the default graph (none in a store unkg built).
    pub default_quads: u64,
    /// Quads by kind of named graph (`speech`, `corpus`, ...).
    pub quads_by_kind: BTreeMap<String, u64>,
    /// Named graphs by kind.
    pub graphs_by_kind: BTreeMap<String, u64>,
    /// Subjects typed `unkg:State` in any named graph.
    pub states: BTreeSet<String>,
    /// Named graphs that had no summary and were counted quad by quad.
    pub counted_graphs: u64,
}

impl KgStore {
    /// The [`Totals`] of the store: reads each graph's summary, and counts
    /// the quads of the graphs that have none (a few thousand on a corpus
    /// store: the corpus graph alone).
    pub fn totals(&self) -> Result<Totals> {
        // A graph holds one summary; one with two (a graph a SPARQL update
        // merged into) is counted quad by quad.
        let mut summaries: BTreeMap<NamedNode, Option<GraphSummary>> = BTreeMap::new();
        for quad in self.quads(None, Some(prop::GRAPH_SUMMARY), None, None) {
            let quad = quad?;
            let (GraphName::NamedNode(graph), Term::Literal(text)) = (quad.graph_name, quad.object) else { continue };
            let summary = GraphSummary::from_literal_short(text.value());
            summaries.entry(graph).and_modify(|s| *s = None).or_insert(summary);
        }
        let mut totals = Totals::default();
        let mut summarised = BTreeSet::new();
        // Merged with their IRIs short, expanded once at the end.
        let mut short = GraphSummary::default();
        for (graph, summary) in summaries {
            let Some(summary) = summary else { continue };
            *totals.quads_by_kind.entry(kind_of(graph.as_str()).to_owned()).or_default() += summary.quads;
            short.merge(summary);
            summarised.insert(graph);
        }
        totals.named = short.expanded();
        self.count_the_rest(&summarised, &mut totals)?;
        Ok(totals)
    }

    /// Removes the corpus graph's summary, which a build that writes to
    /// the corpus graph makes stale: until [`KgStore::summarise_corpus`]
    /// writes it again (a build killed in between leaves none), the totals
    /// count that graph quad by quad.
    pub fn forget_corpus_summary(&self) -> Result<()> {
        let corpus = iri::corpus_graph();
        let old: Vec<Quad> =
            self.quads(None, Some(prop::GRAPH_SUMMARY), None, Some(GraphNameRef::NamedNode(corpus.as_ref()))).collect::<Result<_>>()?;
        self.remove_quads(&old)?;
        Ok(())
    }

    /// Whether the corpus graph has its summary.
    pub fn has_corpus_summary(&self) -> Result<bool> {
        let corpus = iri::corpus_graph();
        Ok(self.quads(None, Some(prop::GRAPH_SUMMARY), None, Some(GraphNameRef::NamedNode(corpus.as_ref()))).next().transpose()?.is_some())
    }

    /// Counts the corpus graph and writes its summary into it, replacing
    /// any: the end of a build, once the corpus graph is final. A graph
    /// every speech adds to has no part to write its summary with, so it
    /// is counted whole, once per build instead of once per `unkg stats`.
    pub fn summarise_corpus(&self) -> Result<()> {
        self.forget_corpus_summary()?;
        let corpus = iri::corpus_graph();
        let mut builder = SummaryBuilder::default();
        for quad in self.quads(None, None, None, Some(GraphNameRef::NamedNode(corpus.as_ref()))) {
            builder.add(&quad?);
        }
        self.insert(&builder.finish_quad(&corpus, &corpus))
    }

    /// The number of quads of each speech graph that has a summary: what
    /// replacing it would cost, read from the summaries' `quads` alone.
    pub fn speech_sizes(&self) -> Result<BTreeMap<NamedNode, u64>> {
        /// The one field read: the rest of a summary is skipped unparsed.
        #[derive(serde::Deserialize)]
        struct Size {
            quads: u64,
        }
        let mut sizes = BTreeMap::new();
        for quad in self.quads(None, Some(prop::GRAPH_SUMMARY), None, None) {
            let quad = quad?;
            let (GraphName::NamedNode(graph), Term::Literal(text)) = (quad.graph_name, quad.object) else { continue };
            if let (true, Ok(size)) = (crate::rdf::iri::is_speech_graph(&graph), serde_json::from_str::<Size>(text.value())) {
                sizes.insert(graph, size.quads);
            }
        }
        Ok(sizes)
    }

    /// Counts the named graphs not in `summarised` quad by quad, the default
    /// graph's quads, the graphs by kind and the typed states.
    fn count_the_rest(&self, summarised: &BTreeSet<NamedNode>, totals: &mut Totals) -> Result<()> {
        for graph in self.named_graphs() {
            let graph = graph?;
            let kind = match &graph {
                NamedOrBlankNode::NamedNode(g) => kind_of(g.as_str()),
                NamedOrBlankNode::BlankNode(_) => "other",
            };
            *totals.graphs_by_kind.entry(kind.to_owned()).or_default() += 1;
            if matches!(&graph, NamedOrBlankNode::NamedNode(g) if summarised.contains(g)) {
                continue;
            }
            let mut builder = SummaryBuilder::default();
            for quad in self.quads(None, None, None, Some(graph.as_ref().into())) {
                builder.add(&quad?);
            }
            let summary = builder.counted();
            *totals.quads_by_kind.entry(kind.to_owned()).or_default() += summary.quads;
            totals.named.merge(summary);
            totals.counted_graphs += 1;
        }
        for quad in self.quads(None, None, None, Some(GraphNameRef::DefaultGraph)) {
            quad?;
            totals.default_quads += 1;
        }
        for quad in self.quads(None, Some(rdf::TYPE), Some(class::STATE.into()), None) {
            let quad = quad?;
            if let (false, NamedOrBlankNode::NamedNode(state)) = (quad.graph_name.is_default_graph(), quad.subject) {
                totals.states.insert(state.into_string());
            }
        }
        Ok(())
    }
}

/// `speech` for `<.../graph/speech/X>` (angle brackets allowed); `other`
/// for a graph not under unkg's graphs.
pub(super) fn kind_of(graph: &str) -> &str {
    let graph = graph.trim_start_matches('<');
    graph.strip_prefix(GRAPH).and_then(|rest| rest.split(['/', '>']).next()).unwrap_or("other")
}
