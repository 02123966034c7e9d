//! Runs one SPARQL query against the store and writes its answer in the
//! negotiated format, within a limit on the answer's size. The same code
//! serves a query worker process ([`super::workers`]) and, on a server that
//! accepts updates, the server itself.

use super::http::HttpError;
use super::negotiate::{self, Out};
use super::write;
use crate::rdf::vocab::{ID, PREFIXES};
use crate::store::KgStore;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Triple};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{CancellationToken, PreparedSparqlQuery, QueryEvaluationError, QueryResults, SparqlEvaluator};
use serde::{Deserialize, Serialize};
use std::io::Write;

/// A query as the protocol handler understood it: everything needed to
/// answer it, in a form that crosses a process boundary.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct QueryJob {
    /// The query text.
    pub(crate) query: String,
    /// `default-graph-uri` values (replace the query's own dataset).
    pub(crate) default_graphs: Vec<String>,
    /// `named-graph-uri` values.
    pub(crate) named_graphs: Vec<String>,
    /// The `format` (or `output`) parameter.
    pub(crate) format: Option<String>,
    /// The Accept header.
    pub(crate) accept: Option<String>,
    /// Largest answer written, in bytes.
    pub(crate) max_result_bytes: u64,
}

/// unkg's usual prefixes, predeclared as `unkg query` does.
pub(crate) fn evaluator() -> Result<SparqlEvaluator, HttpError> {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, namespace) in PREFIXES.iter().chain(&[("id", ID)]) {
        evaluator = evaluator.with_prefix(*prefix, *namespace).map_err(|e| HttpError::new(500, e.to_string()))?;
    }
    Ok(evaluator)
}

/// Parses the job's query with its dataset applied; 400 on a syntax error or
/// a bad graph IRI.
pub(crate) fn prepare(job: &QueryJob, token: &CancellationToken) -> Result<PreparedSparqlQuery, HttpError> {
    let mut prepared = evaluator()?
        .with_cancellation_token(token.clone())
        .parse_query(&job.query)
        .map_err(|e| HttpError::new(400, format!("syntax error: {e}")))?;
    let default = graph_iris(&job.default_graphs, "default-graph-uri")?;
    let named = graph_iris(&job.named_graphs, "named-graph-uri")?;
    if !default.is_empty() || !named.is_empty() {
        // The protocol's dataset replaces the query's own (FROM, FROM NAMED).
        let dataset = prepared.dataset_mut();
        dataset.set_default_graph(default.into_iter().map(GraphName::from).collect());
        dataset.set_available_named_graphs(named.into_iter().map(NamedOrBlankNode::from).collect());
    } else if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    Ok(prepared)
}

fn graph_iris(values: &[String], param: &str) -> Result<Vec<NamedNode>, HttpError> {
    values
        .iter()
        .map(|v| NamedNode::new(v).map_err(|e| HttpError::new(400, format!("{param}={v}: {e}"))))
        .collect()
}

/// Answers `job` from `store`: the media type and the bytes to send.
pub(crate) fn answer(store: &KgStore, job: &QueryJob, token: &CancellationToken) -> Result<(&'static str, Vec<u8>), HttpError> {
    let prepared = prepare(job, token)?;
    // Negotiated before evaluation; which one applies depends on the answer.
    let as_results = negotiate::choose(negotiate::RESULTS, job.format.as_deref(), job.accept.as_deref());
    let as_graph = negotiate::choose(negotiate::GRAPH, job.format.as_deref(), job.accept.as_deref());
    let limit = job.max_result_bytes;
    let failed = |e: &QueryEvaluationError| {
        if token.is_cancelled() {
            HttpError::new(503, "the query ran past the time limit and was stopped")
        } else if let QueryEvaluationError::UnsupportedService(name) = e {
            // Never fetched: an endpoint that queried other addresses for its
            // clients would reach, for them, whatever it can reach.
            HttpError::new(400, format!("SERVICE {name} is refused: this endpoint answers from its own store only"))
        } else {
            HttpError::new(500, format!("query evaluation failed: {e}"))
        }
    };
    let io = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::FileTooLarge {
            too_large(limit)
        } else {
            HttpError::new(500, format!("writing the results failed: {e}"))
        }
    };
    let mut buf = Bounded { bytes: Vec::new(), limit };
    let out = match store.execute(prepared).map_err(|e| failed(&e))? {
        QueryResults::Solutions(solutions) => {
            let out = as_results?;
            let Out::Results(f) = out else { return Err(HttpError::new(500, "not a results format")) };
            let mut writer = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(&mut buf, solutions.variables().to_vec())
                .map_err(io)?;
            for solution in solutions {
                writer.serialize(&solution.map_err(|e| failed(&e))?).map_err(io)?;
            }
            writer.finish().map_err(io)?;
            out
        }
        QueryResults::Boolean(value) => {
            let out = as_results?;
            let Out::Results(f) = out else { return Err(HttpError::new(500, "not a results format")) };
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut buf, value).map_err(io)?;
            out
        }
        QueryResults::Graph(triples) => {
            let out = as_graph?;
            let Out::Rdf(f) = out else { return Err(HttpError::new(500, "not an RDF format")) };
            let triples = triples.collect::<Result<Vec<Triple>, _>>().map_err(|e| failed(&e))?;
            let bytes = write::rdf_bytes(f, &triples)?;
            if bytes.len() as u64 > limit {
                return Err(too_large(limit));
            }
            buf.bytes = bytes;
            out
        }
    };
    Ok((out.media_type(), buf.bytes))
}

fn too_large(limit: u64) -> HttpError {
    HttpError::new(
        422,
        format!("the answer is larger than the limit of {limit} bytes (see --max-result-bytes): add a LIMIT, or page with OFFSET"),
    )
}

/// An in-memory answer that refuses to grow past `limit` bytes, so that a
/// query selecting the whole store cannot take the server's memory with it.
struct Bounded {
    bytes: Vec<u8>,
    limit: u64,
}

impl Write for Bounded {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if (self.bytes.len() + data.len()) as u64 > self.limit {
            return Err(std::io::Error::new(std::io::ErrorKind::FileTooLarge, "answer size limit"));
        }
        self.bytes.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
