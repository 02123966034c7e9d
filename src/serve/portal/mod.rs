//! The research portal: pages for people who never write SPARQL, served
//! from the same store, read-only (issue #11).
//!
//! Every page is rendered on the server with [`esc`] for everything that
//! comes from the speeches; the few scripts are bundled files
//! ([`assets`]) fed through `data-` attributes and JSON blocks, so that
//! the Content-Security-Policy can forbid inline scripts. What the pages
//! count over comes from the search index ([`crate::search`]), built once
//! per store state, so that no page runs an unbounded query.

pub(crate) mod assets;
mod editor;
pub(crate) mod entity;
mod home;
mod network;
pub(crate) mod reader;
mod search;
mod svg;

use super::html::esc;
use super::http::{HttpError, HttpResult};
use super::resource::Description;
use super::App;
use crate::search::Index;
use oxhttp::model::{Body, HeaderValue, Request, Response};
use std::sync::OnceLock;

/// The policy every portal page is sent with: scripts only from this
/// server's bundled files, no plugins, no framing. Styles may be inline:
/// the editor and the network library set them from script.
pub(crate) const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// What the portal keeps for the life of the server.
pub(crate) struct Portal {
    index: Result<Index, String>,
    networks: network::Cache,
}

static PORTAL: OnceLock<Portal> = OnceLock::new();

/// The portal's state for `app`'s store, built on first use.
pub(crate) fn portal(app: &App) -> &'static Portal {
    PORTAL.get_or_init(|| {
        let started = std::time::Instant::now();
        let index = Index::open_or_build(&app.store).map_err(|e| e.to_string());
        match &index {
            Ok(i) => eprintln!(
                "unkg: search index of {} resources ready in {:.1} s",
                i.data.entries.len(),
                started.elapsed().as_secs_f64()
            ),
            Err(e) => eprintln!("warning: no search index: {e}"),
        }
        Portal { index, networks: network::Cache::default() }
    })
}

/// Builds the portal's index before the first request, so that no visitor
/// waits for it, and the default networks in the background.
pub(crate) fn warm(app: &std::sync::Arc<App>) {
    portal(app);
    let app = app.clone();
    std::thread::spawn(move || network::prepare_defaults(&app));
}

impl Portal {
    /// The search index, or 503 when it could not be built.
    pub(crate) fn index(&self) -> Result<&Index, HttpError> {
        self.index.as_ref().map_err(|e| HttpError::new(503, format!("the search index is unavailable: {e}")))
    }
}

/// Whether `path` is one of the portal's pages.
pub(crate) fn handles(path: &str) -> bool {
    matches!(path, "" | "index.html" | "search" | "network" | "network.json" | "network.graphml" | "editor") || path.starts_with("assets/")
}

/// Answers `path`, one of the portal's pages (see [`handles`]).
pub(crate) fn respond(app: &App, request: &Request<Body>, path: &str) -> HttpResult {
    match path {
        "" | "index.html" => home::page(app),
        "search" => search::respond(app, request),
        "network" => network::page(app, request),
        "network.json" => network::json(app, request),
        "network.graphml" => network::graphml(app, request),
        "editor" => editor::page(app),
        p => assets::respond(p.strip_prefix("assets/").unwrap_or(p)),
    }
}

/// The HTML of a resource page: a speech in the reader, anything else as
/// its description with the portal's sections added.
/// The description lists a few mentions and does not count them: the
/// index has the count.
/// `window`: the characters of a speech's text the description was read for.
pub(crate) fn resource_html(app: &App, request: &Request<Body>, mut d: Description, window: Option<(usize, usize)>) -> HttpResult {
    let params = super::url_params(request);
    if let Some(i) = portal(app).index().ok().and_then(|index| index.entry_of(d.iri.as_str()).map(|i| index.entry(i).mentions)) {
        d.mention_total = d.mention_total.max(i as usize);
    }
    let html = if reader::is_speech(&d) { reader::page(app, &d, window)? } else { entity::page(app, &params, &d)? };
    Ok(html_response(html))
}

/// An HTML page with the portal's security headers.
pub(crate) fn html_response(html: String) -> Response<Body> {
    let mut r = super::http::negotiated("text/html; charset=utf-8", html.into_bytes());
    secure(&mut r);
    r
}

/// Adds the Content-Security-Policy and its companions to `r`.
pub(crate) fn secure(r: &mut Response<Body>) {
    let h = r.headers_mut();
    h.insert("content-security-policy", HeaderValue::from_static(CSP));
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    h.insert("referrer-policy", HeaderValue::from_static("same-origin"));
}

/// A JSON answer.
pub(crate) fn json_response(value: &serde_json::Value) -> Response<Body> {
    let mut r = super::http::negotiated("application/json", value.to_string().into_bytes());
    secure(&mut r);
    r
}

/// A whole portal page around `body`; `scripts` are bundled asset names.
pub(crate) fn layout(app: &App, title: &str, body: &str, scripts: &[&str]) -> String {
    let root = esc(&app.base_path);
    let mut tags = String::new();
    for s in scripts {
        tags.push_str(&format!("<script src=\"{root}assets/{}\" defer></script>", esc(s)));
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{t} - unkg</title>\
         <link rel=\"stylesheet\" href=\"{root}assets/portal.css\">{tags}</head><body>\n{nav}\n<main>{body}</main>\n\
         <footer>unkg · read-only · <a href=\"{root}sparql\">SPARQL endpoint</a> · <a href=\"{root}void\">VoID</a> · \
         <a href=\"{root}ontology\">ontology</a> · <a href=\"{root}shapes\">shapes</a> · <a href=\"{root}store\">dump</a></footer></body></html>\n",
        t = esc(title),
        nav = nav(app, ""),
    )
}

/// The bar at the top of every page: home, the search box, the views.
pub(crate) fn nav(app: &App, query: &str) -> String {
    let root = esc(&app.base_path);
    format!(
        "<header class=\"bar\"><a class=\"brand\" href=\"{root}\">unkg</a>\
         <form action=\"{root}search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" value=\"{q}\" \
         placeholder=\"Search states, people, resolutions, speeches…\" aria-label=\"Search\"></form>\
         <nav><a href=\"{root}search\">Search</a> <a href=\"{root}network\">Network</a> <a href=\"{root}editor\">Query</a></nav></header>",
        q = esc(query)
    )
}

/// The colour class of an entity kind, shared by marks, badges and nodes.
pub(crate) fn kind_class(kind: &str) -> String {
    format!("k-{}", kind.to_ascii_lowercase())
}

/// A link to the indexed entry `i`, with its kind's colour.
pub(crate) fn entry_link(app: &App, index: &Index, i: u32) -> String {
    let e = index.entry(i);
    format!("<a class=\"{}\" href=\"{}\">{}</a>", kind_class(&e.kind), esc(&app.href(&e.iri)), esc(&e.label))
}

/// A numeric query parameter, bounded to `max`; 400 when it is not a number.
pub(crate) fn bounded(params: &super::http::Params, name: &str, default: usize, max: usize) -> Result<usize, HttpError> {
    match params.one(name)? {
        None => Ok(default),
        Some(v) if v.trim().is_empty() => Ok(default),
        Some(v) => v
            .trim()
            .parse::<usize>()
            .map(|n| n.min(max))
            .map_err(|_| HttpError::new(400, format!("{name}={v}: expected a whole number"))),
    }
}
