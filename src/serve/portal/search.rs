//! `GET /search?q=TEXT[&type=KIND][&limit=N][&offset=N]`: the index's
//! answer as a page for browsers or as JSON for programs.

use super::{bounded, entry_link, esc, kind_class, layout, nav, portal};
use crate::serve::http::{self, HttpResult};
use crate::serve::negotiate::{self, Out};
use crate::serve::{url_params, App};
use oxhttp::model::{Body, Request};
use oxigraph::sparql::results::QueryResultsFormat;
use serde_json::json;
use std::fmt::Write;

/// Results per page unless asked otherwise, and the most ever returned.
const DEFAULT_LIMIT: usize = 20;
const MAX_LIMIT: usize = 200;

const OFFERS: &[(&str, &str, Out)] = &[
    ("text/html", "html", Out::Html),
    ("application/xhtml+xml", "", Out::Html),
    ("application/json", "json", Out::Results(QueryResultsFormat::Json)),
];

/// Answers a search.
pub(crate) fn respond(app: &App, request: &Request<Body>) -> HttpResult {
    let params = url_params(request);
    let q = params.one("q")?.unwrap_or_default();
    let kind = params.one("type")?.filter(|t| !t.trim().is_empty());
    let limit = bounded(&params, "limit", DEFAULT_LIMIT, MAX_LIMIT)?.max(1);
    let offset = bounded(&params, "offset", 0, 10_000)?;
    let out = negotiate::choose(OFFERS, params.one("format")?.as_deref(), http::accept(request).as_deref())?;
    let index = portal(app).index()?;
    let hits = index.search(&q, kind.as_deref(), offset + limit);
    let page: Vec<u32> = hits.results.iter().skip(offset).copied().collect();
    if out != Out::Html {
        let results: Vec<serde_json::Value> = page
            .iter()
            .map(|&i| {
                let e = index.entry(i);
                json!({ "iri": app.published(&e.iri), "label": e.label, "type": e.kind, "speeches": e.speeches, "mentions": e.mentions })
            })
            .collect();
        return Ok(super::json_response(&serde_json::Value::Array(results)));
    }
    let root = esc(&app.base_path);
    let mut body = String::from("<h1>Search</h1>");
    let _ = write!(
        body,
        "<form action=\"{root}search\" method=\"get\" class=\"big-search\"><input type=\"search\" name=\"q\" value=\"{}\" aria-label=\"Search\">{}<button>Search</button></form>",
        esc(&q),
        kind.as_deref().map(|k| format!("<input type=\"hidden\" name=\"type\" value=\"{}\">", esc(k))).unwrap_or_default()
    );
    let link = |k: Option<&str>| {
        let mut s = format!("{}search?q={}", app.base_path, urlencode(&q));
        if let Some(k) = k {
            s.push_str(&format!("&type={}", urlencode(k)));
        }
        s
    };
    body.push_str("<p class=\"facets\">");
    let all: usize = hits.facets.iter().map(|f| f.1).sum();
    let _ = write!(body, "<a class=\"badge{}\" href=\"{}\">All <b>{all}</b></a> ", if kind.is_none() { " on" } else { "" }, esc(&link(None)));
    for (k, n) in &hits.facets {
        let on = kind.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(k));
        let _ = write!(body, "<a class=\"badge {}{}\" href=\"{}\">{} <b>{n}</b></a> ", kind_class(k), if on { " on" } else { "" }, esc(&link(Some(k))), esc(k));
    }
    body.push_str("</p>");
    if page.is_empty() {
        let _ = write!(body, "<p>Nothing found for “{}”.</p>", esc(&q));
    } else {
        let _ = write!(body, "<p class=\"muted\">{} results{}</p><ol class=\"results\" start=\"{}\">", hits.total, if q.is_empty() { String::new() } else { format!(" for “{}”", esc(&q)) }, offset + 1);
        for &i in &page {
            let e = index.entry(i);
            let aliases: Vec<&str> = e.aliases.iter().take(4).map(String::as_str).collect();
            let _ = write!(
                body,
                "<li data-iri=\"{}\">{} <span class=\"badge {}\">{}</span> <span class=\"muted\">{} mentions · {} speeches</span>{}</li>",
                esc(&app.published(&e.iri)),
                entry_link(app, index, i),
                kind_class(&e.kind),
                esc(&e.kind),
                e.mentions,
                e.speeches,
                if aliases.is_empty() { String::new() } else { format!("<br><small class=\"muted\">also {}</small>", esc(&aliases.join(" · "))) }
            );
        }
        body.push_str("</ol>");
        if hits.total > offset + limit {
            let mut next = link(kind.as_deref());
            next.push_str(&format!("&offset={}&limit={limit}", offset + limit));
            let _ = write!(body, "<p><a rel=\"next\" href=\"{}\">Next {limit} →</a></p>", esc(&next));
        }
    }
    let mut html = layout(app, &format!("Search {q}"), &body, &[]);
    // The bar's box repeats the query.
    html = html.replacen(&nav(app, ""), &nav(app, &q), 1);
    Ok(super::html_response(html))
}

/// `text` for a query string.
pub(crate) fn urlencode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}
