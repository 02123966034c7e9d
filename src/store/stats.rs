//! What a store holds: speeches, meetings, delegates, states, and triples by
//! kind of named graph.

use super::KgStore;
use crate::error::Result;
use crate::rdf::vocab::{class, prop, schema, GRAPH};
use oxigraph::model::{GraphName, Term};
use std::collections::BTreeMap;

/// Counts describing a store.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Speeches loaded.
    pub speeches: u64,
    /// Meetings the speeches were given at.
    pub meetings: u64,
    /// Distinct speakers.
    pub delegates: u64,
    /// States spoken for or mentioned.
    pub states: u64,
    /// Mentions of entities.
    pub mentions: u64,
    /// Distinct entities mentioned.
    pub entities_mentioned: u64,
    /// Quads in all graphs.
    pub triples: u64,
    /// Quads by kind of named graph (`speech`, `reference`, `ontology`).
    pub triples_by_graph_kind: BTreeMap<String, u64>,
    /// Named graphs by kind.
    pub graphs_by_kind: BTreeMap<String, u64>,
}

/// Computes the [`Stats`] of `store`.
pub fn stats(store: &KgStore) -> Result<Stats> {
    let count = |query: &str| -> Result<u64> {
        // Over the union of the named graphs, as `unkg query` counts.
        if let Some(row) = store.select(crate::query::prepare(query, "unkg stats")?, "unkg stats")?.next() {
            if let Some(Term::Literal(n)) = row?.get("n") {
                return Ok(n.value().parse().unwrap_or(0));
            }
        }
        Ok(0)
    };
    // A term displays as `<iri>`, ready for SPARQL text.
    let mut stats = Stats {
        speeches: count(&format!("SELECT (COUNT(?s) AS ?n) WHERE {{ ?s a {} }}", class::SPEECH))?,
        meetings: count(&format!("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?s {} ?m }}", prop::MEETING))?,
        delegates: count(&format!("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?s {} ?p }}", prop::SPEAKER))?,
        states: count(&format!(
            "SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE {{ ?s a {} . {{ ?s {} ?st }} UNION {{ ?s {} ?st }} ?st a {} }}",
            class::SPEECH,
            prop::SPEAKS_FOR,
            schema::MENTIONS,
            class::STATE
        ))?,
        mentions: count(&format!("SELECT (COUNT(?m) AS ?n) WHERE {{ ?m {} ?x }}", prop::EXTRACTOR))?,
        entities_mentioned: count(&format!("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?s {} ?e }}", schema::MENTIONS))?,
        ..Stats::default()
    };
    for graph in store.named_graphs() {
        let graph = graph?;
        *stats.graphs_by_kind.entry(kind_of(&graph.to_string()).to_owned()).or_default() += 1;
    }
    for quad in store.all_quads() {
        let quad = quad?;
        let kind = match &quad.graph_name {
            GraphName::NamedNode(g) => kind_of(g.as_str()),
            _ => "default",
        };
        stats.triples += 1;
        *stats.triples_by_graph_kind.entry(kind.to_owned()).or_default() += 1;
    }
    Ok(stats)
}

/// `speech` for `<.../graph/speech/X>` (angle brackets allowed).
fn kind_of(graph: &str) -> &str {
    let graph = graph.trim_start_matches('<');
    graph.strip_prefix(GRAPH).and_then(|rest| rest.split(['/', '>']).next()).unwrap_or("other")
}
