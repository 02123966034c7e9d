//! The SPARQL 1.1 Protocol: queries by GET and POST, the dataset from
//! `default-graph-uri`/`named-graph-uri`, the service description, and
//! updates only where the server was started to accept them.

use super::http::{self, HttpError, HttpResult, Params};
use super::evaluate::{self, evaluator, QueryJob};
use super::negotiate::{self, Out};
use super::{url_params, write, App};
use crate::query::guard;
use crate::rdf::vocab::{formats, rdf, sd};
use oxhttp::model::{Body, Method, Request, StatusCode};
use oxigraph::model::Triple;
use oxigraph::sparql::CancellationToken;


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

/// Refuses a query nested too deep for the parser (see
/// [`crate::query::guard`]), then runs `parse` on a thread whose stack
/// holds any query that passed.
fn guarded<T: Send>(text: &str, parse: impl FnOnce() -> T + Send) -> Result<T, HttpError> {
    guard::check_nesting(text).map_err(|e| HttpError::new(400, e.to_string()))?;
    guard::on_query_stack(parse).map_err(|e| HttpError::new(500, e.to_string()))
}

fn run_query(app: &App, request: &Request<Body>, params: &Params, query: &str) -> HttpResult {
    let parsed = guarded(query, || -> Result<_, HttpError> {
        Ok(match evaluator()?.parse_query(query) {
            Ok(_) => Ok(()),
            Err(e) => Err((e.to_string(), evaluator()?.parse_update(query).is_ok())),
        })
    })??;
    if let Err((e, is_update)) = parsed {
        // An update sent as a query is still an update attempt.
        if is_update {
            return Err(if app.opts.allow_update {
                HttpError::new(400, "this is an update: send it as update=, or POST it as application/sparql-update")
            } else {
                http::read_only()
            });
        }
        return Err(HttpError::new(400, format!("syntax error: {e}")));
    }
    let job = QueryJob {
        query: query.to_owned(),
        default_graphs: params.all("default-graph-uri"),
        named_graphs: params.all("named-graph-uri"),
        format: params.one("format")?.or(params.one("output")?),
        accept: http::accept(request),
        max_result_bytes: app.opts.max_result_bytes,
    };
    let (media, body) = match &app.workers {
        Some(pool) => pool.run(&job)?,
        None => in_process(app, job)?,
    };
    Ok(http::negotiated(&media, body))
}

/// Answers on a thread of this process, for a server that accepts updates
/// (its queries must see its own writes, which a worker's read-only view of
/// the store would not). The evaluator looks at the token only while it
/// reads the store, so a query busy joining in memory stops late.
fn in_process(app: &App, job: QueryJob) -> Result<(String, Vec<u8>), HttpError> {
    let token = CancellationToken::new();
    let store = std::sync::Arc::clone(&app.store);
    let worker_token = token.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("unkg query".into())
        .stack_size(guard::QUERY_STACK)
        .spawn(move || {
            let _ = tx.send(evaluate::answer(&store, &job, &worker_token).map(|(m, b)| (m.to_owned(), b)));
        })
        .map_err(|e| HttpError::new(503, format!("no thread for the query: {e}")))?;
    let limit = app.opts.timeout;
    match rx.recv_timeout(limit) {
        Ok(answer) => answer,
        Err(_) => {
            token.cancel();
            Err(HttpError::new(503, format!("the query ran past the time limit of {} s and was stopped", limit.as_secs_f64())))
        }
    }
}

fn run_update(app: &App, update: &str) -> HttpResult {
    let prepared = guarded(update, || evaluator()?.parse_update(update).map_err(|e| HttpError::new(400, format!("syntax error: {e}"))))??;
    app.store.update(prepared).map_err(|e| HttpError::new(500, format!("update failed: {e}")))?;
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
    let mut t = vec![
        Triple::new(service.clone(), rdf::TYPE, sd::SERVICE),
        Triple::new(service.clone(), sd::ENDPOINT, write::node(&endpoint)),
        Triple::new(service.clone(), sd::SUPPORTED_LANGUAGE, sd::SPARQL11_QUERY),
        Triple::new(service.clone(), sd::FEATURE, sd::UNION_DEFAULT_GRAPH),
        Triple::new(service.clone(), sd::DEFAULT_DATASET, write::node(&app.public("void#dataset"))),
    ];
    if app.opts.allow_update {
        t.push(Triple::new(service.clone(), sd::SUPPORTED_LANGUAGE, sd::SPARQL11_UPDATE));
    }
    let results = [formats::SPARQL_RESULTS_JSON, formats::SPARQL_RESULTS_XML, formats::SPARQL_RESULTS_CSV, formats::SPARQL_RESULTS_TSV];
    for f in results.into_iter().chain([formats::TURTLE, formats::N_TRIPLES, formats::JSON_LD, formats::RDF_XML]) {
        t.push(Triple::new(service.clone(), sd::RESULT_FORMAT, f));
    }
    write::respond_rdf(out, &t)
}
