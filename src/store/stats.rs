//! What a store holds: speeches, meetings, delegates, states, and triples by
//! kind of named graph: added up from the counts kept in the store, or
//! counted afresh.

use super::KgStore;
use crate::error::Result;
use super::kept::kind_of;
use crate::rdf::vocab::{class, prop, schema};
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

/// The [`Stats`] of `store`, from the counts each graph was written with
/// ([`KgStore::totals`]): the store's size does not matter, only its
/// number of graphs.
pub fn stats(store: &KgStore) -> Result<Stats> {
    let totals = store.totals()?;
    let named = &totals.named;
    let mut triples_by_graph_kind = totals.quads_by_kind.clone();
    if totals.default_quads > 0 {
        triples_by_graph_kind.insert("default".to_owned(), totals.default_quads);
    }
    Ok(Stats {
        speeches: named.classes.get(class::SPEECH.as_str()).copied().unwrap_or(0),
        meetings: named.meetings.len() as u64,
        delegates: named.speakers.len() as u64,
        states: named.spoken_of.intersection(&totals.states).count() as u64,
        mentions: named.mentions,
        entities_mentioned: named.mentioned.len() as u64,
        triples: named.quads + totals.default_quads,
        triples_by_graph_kind,
        graphs_by_kind: totals.graphs_by_kind,
    })
}

/// The [`Stats`] of `store` counted afresh by SPARQL over every quad: what
/// [`stats`] must equal (`unkg stats --recount`), at the cost of reading
/// the whole store.
pub fn recount(store: &KgStore) -> Result<Stats> {
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

