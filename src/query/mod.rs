//! Running SPARQL against a store and writing the answer in the format asked.

mod error;
pub mod guard;
mod table;

pub use error::QueryError;

use crate::error::{Error, Result};
use crate::rdf::vocab::{ID, PREFIXES};
use crate::store::KgStore;
use oxigraph::io::{JsonLdProfileSet, RdfFormat, RdfSerializer};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use std::collections::HashSet;
use std::io::Write;

/// Output formats of `unkg query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// An aligned table for reading (SELECT, ASK); Turtle for graphs.
    Table,
    /// SPARQL 1.1 CSV results.
    Csv,
    /// SPARQL 1.1 TSV results.
    Tsv,
    /// SPARQL 1.1 JSON results.
    Json,
    /// SPARQL 1.1 XML results.
    Xml,
    /// Turtle (CONSTRUCT, DESCRIBE).
    Turtle,
    /// N-Triples (CONSTRUCT, DESCRIBE).
    Ntriples,
    /// JSON-LD (CONSTRUCT, DESCRIBE).
    Jsonld,
}

/// Parses `query` with unkg's usual prefixes predeclared and the union of all
/// named graphs as the default graph.
pub fn prepare(query: &str, origin: &str) -> Result<oxigraph::sparql::PreparedSparqlQuery> {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, namespace) in PREFIXES.iter().chain(&[("id", ID)]) {
        evaluator = evaluator
            .with_prefix(*prefix, *namespace)
            .map_err(|e| query_error(origin, &e))?;
    }
    let mut prepared = evaluator
        .parse_query(query)
        .map_err(|e| query_error(origin, &format_args!("syntax error: {e}")))?;
    // A query naming its own dataset (FROM, FROM NAMED) keeps it.
    if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    Ok(prepared)
}

/// Runs `query` (from `origin`, for messages) on `store` and writes the
/// answer to `out` in `format`. With `explain`, returns the evaluated plan
/// with the rows and time of each step.
pub fn run(
    store: &KgStore,
    query: &str,
    origin: &str,
    format: Format,
    explain: bool,
    out: &mut dyn Write,
) -> Result<Option<String>> {
    let prepared = prepare(query, origin)?;
    let (results, explanation) = if explain {
        let (results, explanation) = store.evaluate_explained(prepared, origin);
        (results, Some(explanation))
    } else {
        (store.evaluate(prepared, origin), None)
    };
    write_results(results?, origin, format, out)?;
    Ok(explanation)
}

fn write_results(results: QueryResults<'_>, origin: &str, format: Format, out: &mut dyn Write) -> Result<()> {
    let io = |e: std::io::Error| Error::output("<output>", e);
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            match results_format(format) {
                None => {
                    let rows = solutions.collect::<Result<Vec<_>, _>>().map_err(|e| query_error(origin, &e))?;
                    table::write(out, &variables, &rows).map_err(io)?;
                }
                Some(f) => {
                    let mut writer = QueryResultsSerializer::from_format(f)
                        .serialize_solutions_to_writer(out, variables)
                        .map_err(io)?;
                    for solution in solutions {
                        let solution = solution.map_err(|e| query_error(origin, &e))?;
                        writer.serialize(&solution).map_err(io)?;
                    }
                    writer.finish().map_err(io)?;
                }
            }
        }
        QueryResults::Boolean(value) => match results_format(format) {
            None => writeln!(out, "{value}").map_err(io)?,
            Some(f) => {
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(out, value).map_err(io)?;
            }
        },
        QueryResults::Graph(triples) => {
            let rdf_format = match format {
                Format::Ntriples => RdfFormat::NTriples,
                Format::Jsonld => RdfFormat::JsonLd { profile: JsonLdProfileSet::empty() },
                _ => RdfFormat::Turtle,
            };
            let mut serializer = RdfSerializer::from_format(rdf_format);
            if rdf_format == RdfFormat::Turtle {
                // No prefix for resources: their paths hold slashes, which
                // Turtle's prefixed names would have to escape.
                for (prefix, namespace) in PREFIXES {
                    serializer = serializer.with_prefix(*prefix, *namespace).map_err(|e| query_error(origin, &e))?;
                }
            }
            let mut writer = serializer.for_writer(out);
            // The default graph is the union of the named graphs, in which
            // the same triple may stand several times: a graph has it once.
            let mut seen = HashSet::new();
            for triple in triples {
                let triple = triple.map_err(|e| query_error(origin, &e))?;
                if seen.insert(triple.clone()) {
                    writer.serialize_triple(&triple).map_err(io)?;
                }
            }
            writer.finish().map_err(io)?;
        }
    }
    Ok(())
}

/// An error of the query from `origin`.
fn query_error(origin: &str, e: &dyn std::fmt::Display) -> Error {
    QueryError::new(origin, e).into()
}

fn results_format(format: Format) -> Option<QueryResultsFormat> {
    match format {
        Format::Csv => Some(QueryResultsFormat::Csv),
        Format::Tsv => Some(QueryResultsFormat::Tsv),
        Format::Json => Some(QueryResultsFormat::Json),
        Format::Xml => Some(QueryResultsFormat::Xml),
        _ => None,
    }
}
