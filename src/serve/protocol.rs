//! The SPARQL 1.1 Protocol: queries by GET and POST, the dataset from
//! `default-graph-uri`/`named-graph-uri`, the service description, and
//! updates only where the server was started to accept them.

use super::http::{self, HttpError, HttpResult, Params};
use super::negotiate::{self, Out};
use super::{url_params, write, App};
use crate::rdf::vocab::{ID, PREFIXES, RDF};
use oxhttp::model::{Body, Method, Request, StatusCode};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Triple};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};

const SD: &str = "http://www.w3.org/ns/sparql-service-description#";
const FORMATS: &str = "http://www.w3.org/ns/formats/";

/// `/sparql` (and `/query`): runs a query, applies an update, or describes
/// the service when asked for nothing.
pub(crate) fn endpoint(app: &App, request: &mut Request<Body>) -> HttpResult {
    let mut params = url_params(request);
    let method = request.method().clone();
    let (query, update) = if method == Method::GET || method == Method::HEAD {
        (params.one("query")?, params.one("update")?)
    } else if method == Method::POST {
        match http::content_type(request).as_deref() {
            Some("application/sparql-query") => {
                if params.has("query") {
                    return Err(HttpError::new(400, "the query is both in the URL and in the body; give it once"));
                }
                (Some(utf8(http::body(request, app.opts.max_body)?)?), None)
            }
            Some("application/sparql-update") => {
                if !app.opts.allow_update {
                    return Err(http::read_only());
                }
                (None, Some(utf8(http::body(request, app.opts.max_body)?)?))
            }
            Some("application/x-www-form-urlencoded") => {
                let body = http::body(request, app.opts.max_body)?;
                params.extend(Params::parse(&body));
                (params.one("query")?, params.one("update")?)
            }
            Some(other) => {
                return Err(HttpError::new(
                    415,
                    format!("Content-Type {other} is not a SPARQL request: use application/sparql-query, application/sparql-update or application/x-www-form-urlencoded"),
                ))
            }
            None => return Err(HttpError::new(400, "a POST needs a Content-Type")),
        }
    } else {
        return Err(HttpError::new(405, format!("{method} is not part of the SPARQL protocol: use GET or POST")));
    };
    match (query, update) {
        (Some(_), Some(_)) => Err(HttpError::new(400, "give either query or update, not both")),
        (Some(q), None) => run_query(app, request, &params, &q),
        (None, Some(_)) if !app.opts.allow_update => Err(http::read_only()),
        (None, Some(_)) if method != Method::POST => Err(HttpError::new(400, "updates must be sent with POST")),
        (None, Some(u)) => run_update(app, &u),
        (None, None) if method == Method::POST => Err(HttpError::new(400, "the request holds no query")),
        (None, None) => service_description(app, request, &params),
    }
}

/// `/update`: refused on a read-only server, else the same as `/sparql`.
pub(crate) fn update_endpoint(app: &App, request: &mut Request<Body>) -> HttpResult {
    if !app.opts.allow_update {
        return Err(http::read_only());
    }
    endpoint(app, request)
}

fn utf8(bytes: Vec<u8>) -> Result<String, HttpError> {
    String::from_utf8(bytes).map_err(|e| HttpError::new(400, format!("the request body is not UTF-8: {e}")))
}

/// unkg's usual prefixes, predeclared as `unkg query` does.
fn evaluator() -> Result<SparqlEvaluator, HttpError> {
    let mut evaluator = SparqlEvaluator::new();
    for (prefix, namespace) in PREFIXES.iter().chain(&[("id", ID)]) {
        evaluator = evaluator.with_prefix(*prefix, *namespace).map_err(|e| HttpError::new(500, e.to_string()))?;
    }
    Ok(evaluator)
}

fn graph_iris(values: Vec<String>, param: &str) -> Result<Vec<NamedNode>, HttpError> {
    values
        .into_iter()
        .map(|v| NamedNode::new(&v).map_err(|e| HttpError::new(400, format!("{param}={v}: {e}"))))
        .collect()
}

fn run_query(app: &App, request: &Request<Body>, params: &Params, query: &str) -> HttpResult {
    let token = CancellationToken::new();
    let mut prepared = match evaluator()?.with_cancellation_token(token.clone()).parse_query(query) {
        Ok(p) => p,
        Err(e) => {
            // An update sent as a query is still an update attempt.
            if evaluator()?.parse_update(query).is_ok() {
                return Err(if app.opts.allow_update {
                    HttpError::new(400, "this is an update: send it as update=, or POST it as application/sparql-update")
                } else {
                    http::read_only()
                });
            }
            return Err(HttpError::new(400, format!("syntax error: {e}")));
        }
    };
    let default = graph_iris(params.all("default-graph-uri"), "default-graph-uri")?;
    let named = graph_iris(params.all("named-graph-uri"), "named-graph-uri")?;
    if !default.is_empty() || !named.is_empty() {
        // The protocol's dataset replaces the query's own (FROM, FROM NAMED).
        let dataset = prepared.dataset_mut();
        dataset.set_default_graph(default.into_iter().map(GraphName::from).collect());
        dataset.set_available_named_graphs(named.into_iter().map(NamedOrBlankNode::from).collect());
    } else if prepared.dataset().is_default_dataset() {
        prepared.dataset_mut().set_default_graph_as_union();
    }
    let format = params.one("format")?.or(params.one("output")?);
    let accept = http::accept(request);
    // Negotiated before evaluation; which one applies depends on the answer.
    let as_results = negotiate::choose(negotiate::RESULTS, format.as_deref(), accept.as_deref());
    let as_graph = negotiate::choose(negotiate::GRAPH, format.as_deref(), accept.as_deref());
    // The evaluator only looks at the token while it reads the store, so a
    // query busy joining in memory would not stop: the answer is awaited
    // with a deadline, and the token stops the work as soon as it can.
    let store = app.store.store().clone();
    let worker_token = token.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("unkg query".into())
        .spawn(move || {
            let _ = tx.send(evaluate(&store, prepared, as_results, as_graph, &worker_token));
        })
        .map_err(|e| HttpError::new(503, format!("no thread for the query: {e}")))?;
    let limit = app.opts.timeout;
    match rx.recv_timeout(limit) {
        Ok(Ok((out, body))) => Ok(http::negotiated(out.media_type(), body)),
        Ok(Err(e)) => Err(e),
        Err(_) => {
            token.cancel();
            Err(HttpError::new(503, format!("the query ran past the time limit of {} s and was stopped", limit.as_secs_f64())))
        }
    }
}

/// Runs the query and writes the answer in the negotiated format.
fn evaluate(
    store: &oxigraph::store::Store,
    prepared: oxigraph::sparql::PreparedSparqlQuery,
    as_results: Result<Out, HttpError>,
    as_graph: Result<Out, HttpError>,
    token: &CancellationToken,
) -> Result<(Out, Vec<u8>), HttpError> {
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
    let io = |e: std::io::Error| HttpError::new(500, format!("writing the results failed: {e}"));
    let results = prepared.on_store(store).execute().map_err(|e| failed(&e))?;
    match results {
        QueryResults::Solutions(solutions) => {
            let out = as_results?;
            let Out::Results(f) = out else { return Err(HttpError::new(500, "not a results format")) };
            let mut buf = Vec::new();
            let mut writer = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(&mut buf, solutions.variables().to_vec())
                .map_err(io)?;
            for solution in solutions {
                writer.serialize(&solution.map_err(|e| failed(&e))?).map_err(io)?;
            }
            writer.finish().map_err(io)?;
            Ok((out, buf))
        }
        QueryResults::Boolean(value) => {
            let out = as_results?;
            let Out::Results(f) = out else { return Err(HttpError::new(500, "not a results format")) };
            let mut buf = Vec::new();
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut buf, value).map_err(io)?;
            Ok((out, buf))
        }
        QueryResults::Graph(triples) => {
            let out = as_graph?;
            let Out::Rdf(f) = out else { return Err(HttpError::new(500, "not an RDF format")) };
            let triples = triples.collect::<Result<Vec<Triple>, _>>().map_err(|e| failed(&e))?;
            Ok((out, write::rdf_bytes(f, &triples)?))
        }
    }
}

fn run_update(app: &App, update: &str) -> HttpResult {
    let prepared = evaluator()?.parse_update(update).map_err(|e| HttpError::new(400, format!("syntax error: {e}")))?;
    prepared
        .on_store(app.store.store())
        .execute()
        .map_err(|e| HttpError::new(500, format!("update failed: {e}")))?;
    Ok(http::empty(StatusCode::NO_CONTENT))
}

/// The SPARQL 1.1 Service Description of this endpoint.
fn service_description(app: &App, request: &Request<Body>, params: &Params) -> HttpResult {
    let out = negotiate::choose(negotiate::RESOURCE, params.one("format")?.as_deref(), http::accept(request).as_deref())?;
    if out == Out::Html {
        return Ok(http::negotiated(out.media_type(), super::html::query_form(app).into_bytes()));
    }
    let endpoint = app.public("sparql");
    let service = write::node(&format!("{endpoint}#service"));
    let sd = |local: &str| write::node(&format!("{SD}{local}"));
    let mut t = vec![
        Triple::new(service.clone(), write::node(&format!("{RDF}type")), sd("Service")),
        Triple::new(service.clone(), sd("endpoint"), write::node(&endpoint)),
        Triple::new(service.clone(), sd("supportedLanguage"), sd("SPARQL11Query")),
        Triple::new(service.clone(), sd("feature"), sd("UnionDefaultGraph")),
        Triple::new(service.clone(), sd("defaultDataset"), write::node(&app.public("void#dataset"))),
    ];
    if app.opts.allow_update {
        t.push(Triple::new(service.clone(), sd("supportedLanguage"), sd("SPARQL11Update")));
    }
    for f in ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML"] {
        t.push(Triple::new(service.clone(), sd("resultFormat"), write::node(&format!("{FORMATS}{f}"))));
    }
    write::respond_rdf(out, &t)
}
