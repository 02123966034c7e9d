//! `GET /`: the search box with the kinds of things there are to find,
//! and the corpus at a glance.

use super::{entry_link, esc, kind_class, layout, portal, svg};
use crate::search::Index;
use crate::serve::http::HttpResult;
use crate::serve::App;
use std::collections::BTreeMap;
use std::fmt::Write;

/// How many of the most mentioned entities and most active states the page lists.
const TOP: usize = 15;

/// The home page.
pub(crate) fn page(app: &App) -> HttpResult {
    let index = portal(app).index()?;
    let root = esc(&app.base_path);
    let mut body = format!(
        "<section class=\"hero\"><h1>What was said at the UN</h1>\
         <p>{} speeches, {} meetings and the states, organisations, people, places and resolutions they mention, \
         every claim one click from the words that support it.</p>\
         <form action=\"{root}search\" method=\"get\" class=\"big-search\"><input type=\"search\" name=\"q\" autofocus \
         placeholder=\"Try Kazakhstan, Côte d'Ivoire, resolution 2334, climate…\" aria-label=\"Search\"><button>Search</button></form>",
        index.data.speeches.len(),
        count_kind(index, "Meeting"),
    );
    body.push_str(&facets(app, index));
    body.push_str("</section>");
    let per_year = speeches_per_year(index);
    let _ = write!(body, "<section><h2>Speeches per year</h2>{}</section>", svg::bar_chart(&per_year, None));
    body.push_str("<div class=\"columns\">");
    let _ = write!(body, "<section><h2>Most mentioned</h2>{}</section>", top_entities(app, index));
    let _ = write!(body, "<section><h2>States and organisations speaking most</h2>{}</section>", top_speakers(app, index));
    body.push_str("</div>");
    Ok(super::html_response(layout(app, "unkg research portal", &body, &[])))
}

fn count_kind(index: &Index, kind: &str) -> usize {
    index.data.entries.iter().filter(|e| e.kind == kind).count()
}

/// A link per kind to the search over all of that kind, with its count.
fn facets(app: &App, index: &Index) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &index.data.entries {
        *counts.entry(e.kind.as_str()).or_insert(0) += 1;
    }
    let mut out = String::from("<p class=\"facets\">");
    for (kind, n) in counts {
        let _ = write!(
            out,
            "<a class=\"badge {}\" href=\"{}search?type={}\">{} <b>{n}</b></a> ",
            kind_class(kind),
            esc(&app.base_path),
            esc(kind),
            esc(kind)
        );
    }
    out.push_str("</p>");
    out
}

fn speeches_per_year(index: &Index) -> Vec<(String, u64)> {
    let mut years: BTreeMap<i32, u64> = BTreeMap::new();
    for s in &index.data.speeches {
        if let Some(y) = s.year {
            *years.entry(y).or_insert(0) += 1;
        }
    }
    years.into_iter().map(|(y, n)| (y.to_string(), n)).collect()
}

fn top_entities(app: &App, index: &Index) -> String {
    let mut list: Vec<u32> = (0..index.data.entries.len() as u32).filter(|&i| index.entry(i).mentions > 0).collect();
    list.sort_by_key(|&i| std::cmp::Reverse(index.entry(i).mentions));
    let mut out = String::from("<ol class=\"ranked\">");
    for i in list.into_iter().take(TOP) {
        let e = index.entry(i);
        let _ = write!(out, "<li>{} <span class=\"muted\">{} mentions in {} speeches</span></li>", entry_link(app, index, i), e.mentions, e.speeches);
    }
    out.push_str("</ol>");
    out
}

fn top_speakers(app: &App, index: &Index) -> String {
    let mut by: BTreeMap<u32, u64> = BTreeMap::new();
    for s in &index.data.speeches {
        if let Some(st) = s.state {
            *by.entry(st).or_insert(0) += 1;
        }
    }
    let states = by.len();
    let mut list: Vec<(u32, u64)> = by.into_iter().collect();
    list.sort_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
    let mut out = format!("<p class=\"muted\">{states} states and organisations speak in this corpus.</p><ol class=\"ranked\">");
    for (i, n) in list.into_iter().take(TOP) {
        let _ = write!(out, "<li>{} <span class=\"muted\">{n} speeches</span></li>", entry_link(app, index, i));
    }
    out.push_str("</ol>");
    out
}
