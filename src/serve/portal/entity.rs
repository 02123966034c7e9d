//! Entity pages: the description the endpoint has always shown, with the
//! portal's sections added: mentions per year, the speeches that mention
//! it (filtered by year and speaker's state, a page at a time), the speech
//! acts directed at it (who thanked, condemned, called on it), the
//! entities most often mentioned with it and a small network around it.

use super::{bounded, entry_link, esc, kind_class, portal, svg};
use crate::search::Index;
use crate::serve::http::{HttpError, Params};
use crate::serve::resource::Description;
use crate::serve::App;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

/// Speeches listed per page, co-mentioned entities listed, and nodes
/// around the entity in its network picture.
const PER_PAGE: usize = 25;
const CO_MENTIONED: usize = 20;
const STAR: usize = 12;
/// Per kind of act directed at an entity: the newest acts listed, and the
/// states or organisations performing it most often. The counts cover
/// them all; the lists stay this short however many there are (the UN is
/// thanked in thousands of speeches).
const ACTS_LISTED: usize = 10;
const ACTS_TOP_AGENTS: usize = 8;

/// The page of the resource `d`.
pub(crate) fn page(app: &App, params: &Params, d: &Description) -> Result<String, HttpError> {
    let extra = match portal(app).index().ok().and_then(|index| index.entry_of(d.iri.as_str()).map(|i| (index, i))) {
        Some((index, i)) => sections(app, params, index, i)?,
        None => String::new(),
    };
    Ok(crate::serve::html::resource_page(app, d, &extra))
}

/// The sections about entry `i`.
fn sections(app: &App, params: &Params, index: &Index, i: u32) -> Result<String, HttpError> {
    let mut out = String::new();
    let e = index.entry(i);
    if let Some(list) = index.meeting_speeches.get(&i) {
        let _ = write!(out, "<section><h2>Speeches at this meeting ({})</h2><ol>", list.len());
        for &r in list.iter().take(500) {
            let _ = write!(out, "<li>{}</li>", entry_link(app, index, index.speech(r).entry));
        }
        out.push_str("</ol></section>");
    }
    let postings = &index.data.postings[i as usize];
    if postings.is_empty() {
        out.push_str(&acts(app, index, i));
        return Ok(out);
    }
    let _ = write!(out, "<p class=\"badge {}\">{} · {} mentions in {} speeches</p>", kind_class(&e.kind), esc(&e.kind), e.mentions, e.speeches);

    // Mentions per year.
    let mut years: BTreeMap<i32, u64> = BTreeMap::new();
    for &(r, n) in postings {
        if let Some(y) = index.speech(r).year {
            *years.entry(y).or_insert(0) += u64::from(n);
        }
    }
    if let (Some(&lo), Some(&hi)) = (years.keys().next(), years.keys().next_back()) {
        // Every year of the span, so that gaps show as gaps.
        let bars: Vec<(String, u64)> = (lo..=hi).map(|y| (y.to_string(), years.get(&y).copied().unwrap_or(0))).collect();
        let base = format!("{}?", app.href(&e.iri));
        let href = move |y: &str| format!("{base}year={y}#speeches");
        let _ = write!(out, "<section><h2>Mentions per year</h2>{}</section>", svg::bar_chart(&bars, Some(&href)));
    }

    out.push_str(&speeches(app, params, index, i)?);
    out.push_str(&acts(app, index, i));

    // Co-mentioned entities, by speeches in common.
    let mut with: HashMap<u32, u64> = HashMap::new();
    for &(r, _) in postings {
        for &other in &index.speech(r).entities {
            if other != i {
                *with.entry(other).or_insert(0) += 1;
            }
        }
    }
    let mut with: Vec<(u32, u64)> = with.into_iter().collect();
    with.sort_by_key(|&(o, n)| (std::cmp::Reverse(n), o));
    with.truncate(CO_MENTIONED);
    if !with.is_empty() {
        out.push_str("<section class=\"columns\"><div><h2>Most often mentioned with it</h2><ol class=\"ranked\">");
        for &(o, n) in &with {
            let _ = write!(out, "<li>{} <span class=\"muted\">in {n} speeches</span></li>", entry_link(app, index, o));
        }
        out.push_str("</ol></div><div><h2>Network around it</h2>");
        let max = with.first().map_or(1, |w| w.1).max(1) as f64;
        let dot = |j: u32, size: f64| {
            let x = index.entry(j);
            svg::Dot { label: x.label.clone(), href: app.href(&x.iri), class: kind_class(&x.kind), size }
        };
        let around: Vec<(svg::Dot, f64)> = with.iter().take(STAR).map(|&(o, n)| (dot(o, n as f64 / max), n as f64 / max)).collect();
        out.push_str(&svg::star(&dot(i, 1.0), &around));
        let _ = write!(
            out,
            "<p class=\"muted\">Edges: speeches mentioning both. <a href=\"{}network?view=co-mention&amp;focus={}\">Explore the co-mention network</a></p></div></section>",
            esc(&app.base_path),
            esc(&super::search::urlencode(&e.iri))
        );
    }
    Ok(out)
}

/// The speeches mentioning entry `i`, newest first, filtered by `year`
/// and `state` (the entry IRI of the state spoken for), `page` at a time.
fn speeches(app: &App, params: &Params, index: &Index, i: u32) -> Result<String, HttpError> {
    let year = params.one("year")?.and_then(|y| y.trim().parse::<i32>().ok());
    let state = params.one("state")?.filter(|s| !s.is_empty()).and_then(|s| index.entry_of(&s));
    let page = bounded(params, "page", 1, 100_000)?.max(1);
    let postings = &index.data.postings[i as usize];
    let mut states: HashMap<u32, usize> = HashMap::new();
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    let mut rows: Vec<(u32, u32)> = Vec::new();
    for &(r, n) in postings {
        let s = index.speech(r);
        if let Some(st) = s.state {
            *states.entry(st).or_insert(0) += 1;
        }
        if let Some(y) = s.year {
            *years.entry(y).or_insert(0) += 1;
        }
        if year.is_none_or(|y| s.year == Some(y)) && state.is_none_or(|st| s.state == Some(st)) {
            rows.push((r, n));
        }
    }
    rows.sort_by_key(|&(r, n)| (std::cmp::Reverse(index.speech(r).year), std::cmp::Reverse(n), r));
    let pages = rows.len().div_ceil(PER_PAGE).max(1);
    let page = page.min(pages);
    let mut out = format!("<section id=\"speeches\"><h2>Speeches that mention it ({})</h2>", rows.len());
    // The filters: a plain GET form, no script needed.
    let _ = write!(out, "<form method=\"get\" action=\"#speeches\" class=\"filters\"><label>Year <select name=\"year\"><option value=\"\">all</option>");
    for (y, n) in years.iter().rev() {
        let _ = write!(out, "<option value=\"{y}\"{}>{y} ({n})</option>", if Some(*y) == year { " selected" } else { "" });
    }
    out.push_str("</select></label> <label>Speaker's state <select name=\"state\"><option value=\"\">all</option>");
    let mut states: Vec<(u32, usize)> = states.into_iter().collect();
    states.sort_by(|a, b| index.entry(a.0).label.cmp(&index.entry(b.0).label));
    for (st, n) in states.iter().take(400) {
        let x = index.entry(*st);
        let _ = write!(out, "<option value=\"{}\"{}>{} ({n})</option>", esc(&x.iri), if Some(*st) == state { " selected" } else { "" }, esc(&x.label));
    }
    out.push_str("</select></label> <button>Filter</button></form><ol class=\"speeches\">");
    for &(r, n) in rows.iter().skip((page - 1) * PER_PAGE).take(PER_PAGE) {
        let s = index.speech(r);
        let _ = write!(
            out,
            "<li>{} <span class=\"muted\">{} · {n} mention{}</span></li>",
            entry_link(app, index, s.entry),
            s.year.map(|y| y.to_string()).unwrap_or_default(),
            if n == 1 { "" } else { "s" }
        );
    }
    out.push_str("</ol>");
    if pages > 1 {
        let mut q = String::new();
        if let Some(y) = year {
            q.push_str(&format!("year={y}&"));
        }
        if let Some(st) = state {
            q.push_str(&format!("state={}&", super::search::urlencode(&index.entry(st).iri)));
        }
        out.push_str("<p class=\"pager\">");
        if page > 1 {
            let _ = write!(out, "<a rel=\"prev\" href=\"?{}page={}#speeches\">← newer</a> ", esc(&q), page - 1);
        }
        let _ = write!(out, "<span class=\"muted\">page {page} of {pages}</span>");
        if page < pages {
            let _ = write!(out, " <a rel=\"next\" href=\"?{}page={}#speeches\">older →</a>", esc(&q), page + 1);
        }
        out.push_str("</p>");
    }
    out.push_str("</section>");
    Ok(out)
}

/// How a page names the acts of `kind` directed at it.
fn act_heading(kind: &str) -> String {
    match kind {
        "thank" => "Thanked".to_owned(),
        "congratulate" => "Congratulated".to_owned(),
        "welcome" => "Welcomed".to_owned(),
        "condemn" => "Condemned".to_owned(),
        "condole" => "Offered condolences".to_owned(),
        "call" => "Called on or for".to_owned(),
        "support" => "Supported".to_owned(),
        "concern" => "A concern".to_owned(),
        other => format!("Acts of kind \u{201c}{other}\u{201d}"),
    }
}

/// The section "Acts directed at X": per kind, how many speeches perform
/// it, who does so most often and the newest of them, each with the
/// speaker's state or organisation and a link to the speech. Read from the
/// index, so the page costs the same for the UN as for a small state.
fn acts(app: &App, index: &Index, i: u32) -> String {
    let Some(rows) = index.data.acts.get(i as usize).filter(|r| !r.is_empty()) else { return String::new() };
    let e = index.entry(i);
    // Rows are sorted by kind: one group per run.
    let mut groups: Vec<&[crate::search::ActRow]> = Vec::new();
    let mut rest: &[crate::search::ActRow] = rows;
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|a| a.kind == first.kind).count();
        let (group, tail) = rest.split_at(n);
        groups.push(group);
        rest = tail;
    }
    // The most frequent kinds first.
    groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
    let mut out = format!(
        "<section id=\"acts\"><h2>Acts directed at {} ({})</h2><p class=\"muted\">Speech acts whose target is {0}, \
         one per speech and kind; by the state or organisation the speaker spoke for.</p><div class=\"act-groups\">",
        esc(&e.label),
        rows.len()
    );
    for group in groups {
        let kind = index.data.act_kinds.get(group[0].kind as usize).map_or("act", String::as_str);
        let who = |a: &crate::search::ActRow| a.agent.or(index.speech(a.speech).state);
        let mut by: HashMap<u32, usize> = HashMap::new();
        for a in group {
            if let Some(w) = who(a) {
                *by.entry(w).or_insert(0) += 1;
            }
        }
        let mut by: Vec<(u32, usize)> = by.into_iter().collect();
        by.sort_by_key(|&(w, n)| (std::cmp::Reverse(n), w));
        let _ = write!(
            out,
            "<div class=\"act-group\" data-act-kind=\"{k}\" data-acts=\"{n}\"><h3><span class=\"act-kind {c}\">{k}</span> {h} \
             <span class=\"muted\">in {n} speech{s}</span></h3>",
            k = esc(kind),
            c = super::reader::act_class(kind),
            h = esc(&act_heading(kind)),
            n = group.len(),
            s = if group.len() == 1 { "" } else { "es" }
        );
        if by.len() > 1 {
            out.push_str("<p class=\"act-top\"><span class=\"muted\">Most often by</span> ");
            let top: Vec<String> =
                by.iter().take(ACTS_TOP_AGENTS).map(|&(w, n)| format!("{} <span class=\"muted\">{n}</span>", entry_link(app, index, w))).collect();
            out.push_str(&top.join(" · "));
            out.push_str("</p>");
        }
        let mut newest: Vec<&crate::search::ActRow> = group.iter().collect();
        newest.sort_by_key(|a| (std::cmp::Reverse(index.speech(a.speech).year), std::cmp::Reverse(a.speech)));
        out.push_str("<ol class=\"acts-at\">");
        for a in newest.iter().take(ACTS_LISTED) {
            let speech = index.speech(a.speech);
            let agent = who(a).map_or_else(|| "<span class=\"muted\">unknown speaker</span>".to_owned(), |w| entry_link(app, index, w));
            let year = speech.year.map(|y| format!(" <span class=\"muted\">{y}</span>")).unwrap_or_default();
            let _ = write!(out, "<li data-act-kind=\"{}\">{agent} · {}{year}</li>", esc(kind), entry_link(app, index, speech.entry));
        }
        out.push_str("</ol>");
        if group.len() > ACTS_LISTED {
            let _ = write!(out, "<p class=\"muted\">and {} more, older</p>", group.len() - ACTS_LISTED);
        }
        out.push_str("</div>");
    }
    out.push_str("</div></section>");
    out
}
