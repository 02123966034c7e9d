//! The network view: the GraphML views (co-mention, citations, delegates)
//! in the browser, with the command line's filters. The network is built
//! by the same code as `unkg graphml`, bounded to the heaviest nodes,
//! measured (PageRank, communities) and kept per filter set for the life
//! of the server; the page draws it with cytoscape.js from
//! `network.json`, and `network.graphml` downloads the very same network.

use super::{bounded, esc, layout, portal};
use crate::network::model::{Network, Value};
use crate::network::{graphml, metrics, source::Source, views, Filter};
use crate::serve::http::{self, HttpError, HttpResult, Params};
use crate::serve::{url_params, App};
use oxhttp::model::{Body, Request};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Nodes drawn unless asked otherwise, and the most ever drawn: beyond a
/// few hundred a force layout is a hairball and the page slows down.
const DEFAULT_TOP: usize = 100;
const MAX_TOP: usize = 400;
/// Edges per node drawn when no minimum weight is given.
const EDGES_PER_NODE: usize = 3;
/// Networks kept; the oldest goes first.
const CACHED: usize = 32;

/// Networks already built, by their filters, and those being built.
#[derive(Default)]
pub(crate) struct Cache {
    built: Mutex<Vec<(String, Arc<Built>)>>,
    /// Builds under way, by their filters: a request for one of them waits
    /// for it instead of building it again on the same cores.
    building: Mutex<HashMap<String, Arc<Pending>>>,
}

/// At most this many networks are built at once, each on a thread of its
/// own; a request for yet another gets 503 at once. Building keeps a core
/// busy: two, so that one slow build (or the defaults built at start) does
/// not hold up every other view.
const MAX_BUILDS: usize = 2;

/// How long a request waits for its network; past it the client gets 503
/// while the build goes on, and a later request finds it built.
pub(crate) const NETWORK_WAIT: Duration = Duration::from_secs(20);

/// A build under way and, once it ends, its outcome (status and message
/// on failure).
#[derive(Default)]
struct Pending {
    outcome: Mutex<Option<Result<Arc<Built>, (u16, String)>>>,
    ended: Condvar,
}

struct Built {
    net: Network,
    description: String,
    /// The lightest edge kept, given or chosen.
    min_weight: f64,
}

/// What a network request asks for, with defaults filled in.
#[derive(Clone)]
struct Spec {
    view: &'static str,
    from: Option<String>,
    to: Option<String>,
    types: Vec<String>,
    /// The lightest edge kept; `None`: the lightest of the heaviest
    /// [`EDGES_PER_NODE`] edges per node drawn, so that a dense year is not
    /// a hairball (and its communities show).
    min_weight: Option<f64>,
    top: usize,
    focus: Option<String>,
}

impl Spec {
    fn parse(app: &App, params: &Params) -> Result<Spec, HttpError> {
        let view = match params.one("view")?.as_deref().unwrap_or("co-mention") {
            "co-mention" | "" => "co-mention",
            "citations" => "citations",
            "delegates" => "delegates",
            other => return Err(HttpError::new(400, format!("view={other}: expected co-mention, citations or delegates"))),
        };
        let text = |name: &str| -> Result<Option<String>, HttpError> { Ok(params.one(name)?.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())) };
        let mut from = text("from")?;
        let to = text("to")?;
        let focus = text("focus")?;
        // The whole General Debate's co-mention network takes half a minute:
        // by default the page shows the latest year, which takes a blink.
        if from.is_none() && to.is_none() && focus.is_none() && !params.has("from") {
            from = latest_year(app).map(|y| y.to_string());
        }
        let types: Vec<String> = text("type")?.map(|t| t.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()).unwrap_or_default();
        let min_weight = match text("min-weight")? {
            None => None,
            Some(w) => Some(w.parse::<f64>().ok().filter(|w| w.is_finite() && *w >= 0.0).ok_or_else(|| HttpError::new(400, format!("min-weight={w}: expected a number")))?),
        };
        let top = bounded(params, "top", DEFAULT_TOP, MAX_TOP)?.max(1);
        Ok(Spec { view, from, to, types, min_weight, top, focus })
    }

    fn key(&self) -> String {
        format!("{}|{:?}|{:?}|{}|{:?}|{}|{:?}", self.view, self.from, self.to, self.types.join(","), self.min_weight, self.top, self.focus)
    }

    /// The query string that asks for this network.
    fn query(&self) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("view", self.view);
        q.append_pair("from", self.from.as_deref().unwrap_or(""));
        if let Some(t) = &self.to {
            q.append_pair("to", t);
        }
        if !self.types.is_empty() {
            q.append_pair("type", &self.types.join(","));
        }
        if let Some(w) = self.min_weight {
            q.append_pair("min-weight", &w.to_string());
        }
        q.append_pair("top", &self.top.to_string());
        if let Some(f) = &self.focus {
            q.append_pair("focus", f);
        }
        q.finish()
    }
}

/// Builds the network each view's page starts with, so that the first
/// visitor does not wait for it (the co-mention view of a General Debate
/// year takes seconds).
pub(crate) fn prepare_defaults(app: &App) {
    for view in ["co-mention", "citations", "delegates"] {
        let params = Params::parse(format!("view={view}").as_bytes());
        // At start nobody waits: as long as it takes.
        if let Err(e) = Spec::parse(app, &params).and_then(|spec| network_within(app, &spec, Duration::from_secs(3600))) {
            eprintln!("warning: the default {view} network could not be built: {}", e.message());
        }
    }
}

fn latest_year(app: &App) -> Option<i32> {
    portal(app).index().ok()?.data.speeches.iter().filter_map(|s| s.year).max()
}

/// The network `spec` asks for, built once, waiting for it at most
/// [`NETWORK_WAIT`].
fn network(app: &App, spec: &Spec) -> Result<Arc<Built>, HttpError> {
    network_within(app, spec, NETWORK_WAIT)
}

/// The network `spec` asks for: from the cache, or from a build (started
/// here, or already under way for the same filters) that ends within
/// `wait`; 503 when it does not, or when another build is under way.
fn network_within(app: &App, spec: &Spec, wait: Duration) -> Result<Arc<Built>, HttpError> {
    let cache: &'static Cache = &portal(app).networks;
    let key = spec.key();
    let cached = || cache.built.lock().ok().and_then(|c| c.iter().find(|(k, _)| *k == key).map(|(_, b)| b.clone()));
    if let Some(hit) = cached() {
        return Ok(hit);
    }
    let pending = {
        let mut building = cache.building.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        // Built between the look above and this lock.
        if let Some(hit) = cached() {
            return Ok(hit);
        }
        match building.get(&key) {
            Some(p) => Arc::clone(p),
            None if building.len() >= MAX_BUILDS => {
                return Err(HttpError::new(
                    503,
                    "the server is building another network (a large one takes a minute or two): try again shortly",
                ))
            }
            None => {
                let p = Arc::new(Pending::default());
                start_build(cache, Arc::clone(&app.store), spec.clone(), key.clone(), Arc::clone(&p))?;
                building.insert(key.clone(), Arc::clone(&p));
                p
            }
        }
    };
    let deadline = Instant::now() + wait;
    let mut outcome = pending.outcome.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    while outcome.is_none() {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(HttpError::new(
                503,
                format!(
                    "this network takes longer than {} s to build; it is still being built and will be ready shortly: reload in a minute",
                    wait.as_secs()
                ),
            ));
        }
        outcome = pending.ended.wait_timeout(outcome, left).unwrap_or_else(std::sync::PoisonError::into_inner).0;
    }
    match outcome.as_ref() {
        Some(Ok(built)) => Ok(Arc::clone(built)),
        Some(Err((status, message))) => Err(HttpError::new(*status, message.clone())),
        None => Err(HttpError::new(500, "the network's build ended without an outcome")),
    }
}

/// Builds the network of `spec` on a thread of its own, which outlives the
/// request that started it: its network is cached for the next one. Called
/// with the map of builds locked: the thread's last step, taking itself off
/// that map, waits until the caller has put it there.
fn start_build(cache: &'static Cache, store: Arc<crate::store::KgStore>, spec: Spec, key: String, pending: Arc<Pending>) -> Result<(), HttpError> {
    let spawned = std::thread::Builder::new().name("unkg network".into()).spawn(move || {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build(&store, &spec)))
            .unwrap_or_else(|panic| Err(HttpError::new(500, format!("building the network failed: {}", crate::query::guard::panic_message(&*panic)))))
            .map(Arc::new)
            .map_err(|e| (e.status(), e.message().to_owned()));
        if let Ok(built) = &outcome {
            if let Ok(mut c) = cache.built.lock() {
                c.push((key.clone(), Arc::clone(built)));
                if c.len() > CACHED {
                    c.remove(0);
                }
            }
        }
        *pending.outcome.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(outcome);
        pending.ended.notify_all();
        cache.building.lock().unwrap_or_else(std::sync::PoisonError::into_inner).remove(&key);
    });
    spawned.map(drop).map_err(|e| HttpError::new(503, format!("no thread to build the network: {e}")))
}

fn build(store: &crate::store::KgStore, spec: &Spec) -> Result<Built, HttpError> {
    let bad = |e: crate::error::Error| HttpError::new(400, e.to_string());
    let filter = Filter::parse(spec.from.as_deref(), spec.to.as_deref(), None, &spec.types, spec.min_weight).map_err(bad)?;
    let src = Source::new(store);
    let failed = |e: crate::error::Error| HttpError::new(500, format!("building the network failed: {e}"));
    let mut net = match spec.view {
        "citations" => views::citations(&src, &filter),
        "delegates" => views::delegates(&src, &filter),
        _ => views::co_mention(&src, &filter),
    }
    .map_err(failed)?;
    if let Some(w) = spec.min_weight {
        net.prune(w);
    }
    views::flag_entities(&mut net);
    if let Some(focus) = spec.focus.as_deref().and_then(|f| net.find(f)) {
        let mut keep: HashSet<String> = net.graph.neighbors_undirected(focus).map(|n| net.graph[n].id.clone()).collect();
        keep.insert(net.graph[focus].id.clone());
        net.retain_nodes(|n| keep.contains(&n.id));
    }
    // The heaviest nodes: by speeches where the view counts them, else by
    // the weight of their edges.
    let mut strength: HashMap<usize, f64> = HashMap::new();
    for e in net.graph.edge_indices() {
        if let Some((a, b)) = net.graph.edge_endpoints(e) {
            *strength.entry(a.index()).or_insert(0.0) += net.graph[e].weight;
            *strength.entry(b.index()).or_insert(0.0) += net.graph[e].weight;
        }
    }
    let mut order: Vec<(f64, f64, String)> = net
        .graph
        .node_indices()
        .map(|n| (net.graph[n].speeches.unwrap_or(0) as f64, strength.get(&n.index()).copied().unwrap_or(0.0), net.graph[n].id.clone()))
        .collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    let keep: HashSet<String> = order.into_iter().take(spec.top).map(|o| o.2).collect();
    net.retain_nodes(|n| keep.contains(&n.id));
    let min_weight = match spec.min_weight {
        Some(w) => w,
        None => {
            let mut weights: Vec<f64> = net.graph.edge_indices().map(|e| net.graph[e].weight).collect();
            weights.sort_by(|a, b| b.total_cmp(a));
            let w = weights.get(EDGES_PER_NODE * spec.top.min(net.graph.node_count())).copied().map_or(1.0, |w| w + 1.0);
            net.prune(w);
            w
        }
    };
    let mut net = net.canonical();
    metrics::compute(&mut net);
    let description = format!("unkg portal network: {} (min-weight {min_weight})", spec.query());
    Ok(Built { net, description, min_weight })
}

fn number(v: Option<&Value>) -> f64 {
    match v {
        Some(Value::Double(d)) => *d,
        Some(Value::Int(i)) => *i as f64,
        _ => 0.0,
    }
}

/// `GET /network.json`: nodes with PageRank and community, weighted edges.
pub(crate) fn json(app: &App, request: &Request<Body>) -> HttpResult {
    let spec = Spec::parse(app, &url_params(request))?;
    let built = network(app, &spec)?;
    let g = &built.net.graph;
    let nodes: Vec<serde_json::Value> = g
        .node_indices()
        .map(|n| {
            let x = &g[n];
            json!({
                "id": app.published(&x.id), "label": x.label, "kind": x.kind, "href": app.href(&x.id),
                "speeches": x.speeches, "pagerank": number(x.attrs.get("pagerank")),
                "community": number(x.attrs.get("community")) as i64,
            })
        })
        .collect();
    let edges: Vec<serde_json::Value> = g
        .edge_indices()
        .filter_map(|e| {
            let (a, b) = g.edge_endpoints(e)?;
            Some(json!({ "source": app.published(&g[a].id), "target": app.published(&g[b].id), "weight": g[e].weight, "label": g[e].label }))
        })
        .collect();
    Ok(super::json_response(&json!({ "description": built.description, "min_weight": built.min_weight, "directed": built.net.directed, "nodes": nodes, "edges": edges })))
}

/// `GET /network.graphml`: the network drawn, as GraphML.
pub(crate) fn graphml(app: &App, request: &Request<Body>) -> HttpResult {
    let spec = Spec::parse(app, &url_params(request))?;
    let built = network(app, &spec)?;
    let mut out = Vec::new();
    graphml::write(&built.net, &built.description, &mut out).map_err(|e| HttpError::new(500, format!("writing GraphML failed: {e}")))?;
    let mut r = http::ok("application/graphml+xml", out);
    if let Ok(v) = oxhttp::model::HeaderValue::from_str(&format!("attachment; filename=\"unkg-{}.graphml\"", spec.view)) {
        r.headers_mut().insert("content-disposition", v);
    }
    super::secure(&mut r);
    Ok(r)
}

/// `GET /network`: the filters as a form and the drawing.
pub(crate) fn page(app: &App, request: &Request<Body>) -> HttpResult {
    let spec = Spec::parse(app, &url_params(request))?;
    let root = esc(&app.base_path);
    let mut body = String::from("<h1>Network</h1><form method=\"get\" class=\"filters\">");
    body.push_str("<label>View <select name=\"view\">");
    for v in ["co-mention", "citations", "delegates"] {
        let _ = write!(body, "<option{}>{v}</option>", if v == spec.view { " selected" } else { "" });
    }
    let _ = write!(
        body,
        "</select></label> <label>From <input name=\"from\" size=\"10\" value=\"{}\" placeholder=\"YYYY[-MM[-DD]]\"></label> \
         <label>To <input name=\"to\" size=\"10\" value=\"{}\" placeholder=\"YYYY[-MM[-DD]]\"></label> \
         <label>Types <input name=\"type\" size=\"18\" value=\"{}\" placeholder=\"state,organisation\"></label> \
         <label>Min weight <input name=\"min-weight\" size=\"4\" value=\"{}\" placeholder=\"{}\"></label> \
         <label>Nodes <input name=\"top\" size=\"4\" value=\"{}\"></label>{} <button>Draw</button></form>",
        esc(spec.from.as_deref().unwrap_or("")),
        esc(spec.to.as_deref().unwrap_or("")),
        esc(&spec.types.join(",")),
        spec.min_weight.map(|w| w.to_string()).unwrap_or_default(),
        "auto",
        spec.top,
        spec.focus.as_deref().map(|f| format!("<input type=\"hidden\" name=\"focus\" value=\"{}\">", esc(f))).unwrap_or_default()
    );
    let q = spec.query();
    let _ = write!(
        body,
        "<p class=\"muted\">Node size: PageRank; colour: community; edge width: weight. Click a node to open its page. <span id=\"network-info\"></span> \
         <a href=\"{root}network.graphml?{}\" download>Download this network as GraphML</a> · <a href=\"{root}network.json?{}\">as JSON</a></p>\
         <div id=\"network\" class=\"network\" data-src=\"{root}network.json?{}\"><p class=\"muted\" id=\"network-status\">Loading the network…</p></div>",
        esc(&q),
        esc(&q),
        esc(&q)
    );
    Ok(super::html_response(layout(app, "Network", &body, &["vendor/cytoscape.min.js", "portal/network.js"])))
}
