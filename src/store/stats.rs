//! What a store holds: speeches, meetings, delegates, states, and triples by
//! kind of named graph.

use super::KgStore;
use crate::error::{Error, Result};
use crate::rdf::vocab::{class, prop, GRAPH, UNKG};
use oxigraph::model::{GraphName, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
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
        let mut prepared = SparqlEvaluator::new().parse_query(query).map_err(|e| Error::store(store.path(), e))?;
        prepared.dataset_mut().set_default_graph_as_union();
        let results = prepared.on_store(store.store()).execute().map_err(|e| Error::store(store.path(), e))?;
        if let QueryResults::Solutions(mut rows) = results {
            if let Some(row) = rows.next() {
                let row = row.map_err(|e| Error::store(store.path(), e))?;
                if let Some(Term::Literal(n)) = row.get("n") {
                    return Ok(n.value().parse().unwrap_or(0));
                }
            }
        }
        Ok(0)
    };
    let u = |local: &str| format!("<{UNKG}{local}>");
    let mut stats = Stats {
        speeches: count(&format!("SELECT (COUNT(?s) AS ?n) WHERE {{ ?s a {} }}", u(class::SPEECH)))?,
        meetings: count(&format!("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?s {} ?m }}", u(prop::MEETING)))?,
        delegates: count(&format!("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?s {} ?p }}", u(prop::SPEAKER)))?,
        states: count(&format!(
            "SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE {{ ?s a {} . {{ ?s {} ?st }} UNION {{ ?s <https://schema.org/mentions> ?st }} ?st a {} }}",
            u(class::SPEECH),
            u(prop::SPEAKS_FOR),
            u(class::STATE)
        ))?,
        mentions: count(&format!("SELECT (COUNT(?m) AS ?n) WHERE {{ ?m {} ?x }}", u(prop::EXTRACTOR)))?,
        entities_mentioned: count("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?s <https://schema.org/mentions> ?e }")?,
        ..Stats::default()
    };
    for graph in store.store().named_graphs() {
        let graph = graph.map_err(|e| Error::store(store.path(), e))?;
        *stats.graphs_by_kind.entry(kind_of(&graph.to_string()).to_owned()).or_default() += 1;
    }
    for quad in store.store().iter() {
        let quad = quad.map_err(|e| Error::store(store.path(), e))?;
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
