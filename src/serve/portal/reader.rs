//! The speech reader: the HTML of `/id/speech/...`. The whole text with
//! every mention the store has marked (`data-entity`), coloured by the
//! entity's kind and linked to it; who spoke, for whom, where and when;
//! the speech's events; the speeches before and after it in its meeting.

use super::{entry_link, esc, kind_class, layout, portal};
use crate::rdf::vocab::{class, dcterms, itsrdf, nif, prop, prov, rdf, rdfs, schema};
use crate::search::Index;
use crate::serve::http::HttpError;
use crate::serve::resource::Description;
use crate::serve::App;
use oxigraph::model::{NamedNodeRef, NamedOrBlankNode, Term, Triple};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Whether `d` describes a speech.
pub(crate) fn is_speech(d: &Description) -> bool {
    d.outgoing.iter().any(|x| x.predicate == rdf::TYPE && matches!(&x.object, Term::NamedNode(n) if *n == class::SPEECH))
}

/// One mention of the speech, in characters of its text.
struct Span {
    iri: String,
    begin: usize,
    end: usize,
    entity: Option<String>,
}

fn value(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

fn first<'t>(triples: impl IntoIterator<Item = &'t Triple>, p: NamedNodeRef<'_>) -> Option<String> {
    triples.into_iter().find(|t| t.predicate == p).map(|t| value(&t.object))
}

/// The reader page of the speech `d`.
pub(crate) fn page(app: &App, d: &Description) -> Result<String, HttpError> {
    let index = portal(app).index()?;
    let iri = d.iri.as_str();
    let title = first(&d.outgoing, rdfs::LABEL).unwrap_or_else(|| iri.rsplit('/').next().unwrap_or(iri).to_owned());
    let text = first(&d.outgoing, nif::IS_STRING).unwrap_or_default();

    // The speech's parts, by subject: its mentions and its events.
    let mut parts: BTreeMap<String, Vec<&Triple>> = BTreeMap::new();
    for t in &d.parts {
        if let NamedOrBlankNode::NamedNode(s) = &t.subject {
            parts.entry(s.as_str().to_owned()).or_default().push(t);
        }
    }
    let get = |ts: &[&Triple], p: NamedNodeRef<'_>| first(ts.iter().copied(), p);
    let mut spans = Vec::new();
    let mut events = Vec::new();
    for (s, ts) in &parts {
        let is_event = ts.iter().any(|t| t.predicate == rdf::TYPE && matches!(&t.object, Term::NamedNode(n) if *n == class::EVENT));
        if is_event {
            events.push((s.clone(), ts.clone()));
            continue;
        }
        let (Some(b), Some(e)) = (get(ts, nif::BEGIN_INDEX), get(ts, nif::END_INDEX)) else { continue };
        let (Ok(begin), Ok(end)) = (b.parse::<usize>(), e.parse::<usize>()) else { continue };
        let entity = get(ts, itsrdf::TA_IDENT_REF);
        // Besides mentions of entities and dates, the speech's parts include
        // the evidence of its acts (whole sentences): those are not marked.
        if entity.is_none() && get(ts, prop::DATE_VALUE).is_none() {
            continue;
        }
        spans.push(Span { iri: s.clone(), begin, end, entity });
    }

    let mut body = format!("<article class=\"speech\"><h1>{}</h1>", esc(&title));
    body.push_str(&facts(app, index, d));
    body.push_str(&neighbours(app, index, iri));
    body.push_str(&legend(&spans, index));
    let _ = write!(body, "<div class=\"text\" id=\"text\">{}</div>", marked(app, index, &text, spans));
    if !events.is_empty() {
        let _ = write!(body, "<h2>Events in this speech ({})</h2><ul class=\"events\">", events.len());
        for (_, ts) in &events {
            let label = get(ts, rdfs::LABEL).unwrap_or_default();
            let place = get(ts, schema::LOCATION).map(|p| link(app, index, &p)).unwrap_or_default();
            let date = get(ts, schema::START_DATE).map(|d| format!(" · {}", esc(&d))).unwrap_or_default();
            let evidence = get(ts, prov::WAS_DERIVED_FROM)
                .and_then(|m| m.split_once('#').map(|(_, f)| format!(" · <a href=\"#{}\">in the text</a>", esc(f))))
                .unwrap_or_default();
            let _ = write!(body, "<li>{} · {place}{date}{evidence}</li>", esc(&label));
        }
        body.push_str("</ul>");
    }
    body.push_str(
        "<p class=\"muted\">Every triple of this speech: <a href=\"?format=turtle\">Turtle</a> · <a href=\"?format=jsonld\">JSON-LD</a> · \
         <a href=\"?format=ntriples\">N-Triples</a></p></article>",
    );
    Ok(layout(app, &title, &body, &[]))
}

/// A link to `iri`, coloured when the index knows it.
fn link(app: &App, index: &Index, iri: &str) -> String {
    match index.entry_of(iri) {
        Some(i) => entry_link(app, index, i),
        None => format!("<a href=\"{}\">{}</a>", esc(&app.href(iri)), esc(iri.rsplit('/').next().unwrap_or(iri))),
    }
}

/// Speaker, state, role, meeting, date and language.
fn facts(app: &App, index: &Index, d: &Description) -> String {
    let o = &d.outgoing;
    let mut rows: Vec<(&str, String)> = Vec::new();
    let name = [first(o, prop::SPEAKER_HONORIFIC), first(o, prop::SPEAKER_NAME)].into_iter().flatten().collect::<Vec<_>>().join(" ");
    match first(o, prop::SPEAKER) {
        Some(p) => rows.push(("Speaker", format!("{} <span class=\"muted\">{}</span>", link(app, index, &p), esc(&name)))),
        None if !name.is_empty() => rows.push(("Speaker", esc(&name))),
        None => {}
    }
    if let Some(s) = first(o, prop::SPEAKS_FOR) {
        rows.push(("For", link(app, index, &s)));
    }
    if let Some(r) = first(o, prop::SPEAKER_ROLE) {
        rows.push(("Role", esc(r.rsplit('#').next().unwrap_or(&r))));
    }
    if let Some(m) = first(o, prop::MEETING) {
        rows.push(("Meeting", link(app, index, &m)));
    }
    if let Some(date) = first(o, dcterms::DATE) {
        rows.push(("Date", esc(&date)));
    } else if let Some(y) = index.entry_of(d.iri.as_str()).and_then(|i| index.speech_row(i)).and_then(|r| index.speech(r).year) {
        rows.push(("Year", y.to_string()));
    }
    if let Some(l) = first(o, prop::LANGUAGE_SPOKEN) {
        rows.push(("Language", esc(&l)));
    }
    let mut out = String::from("<dl class=\"facts\">");
    for (k, v) in rows {
        let _ = write!(out, "<dt>{k}</dt><dd>{v}</dd>");
    }
    out.push_str("</dl>");
    out
}

/// Links to the speeches before and after this one in its meeting.
fn neighbours(app: &App, index: &Index, iri: &str) -> String {
    let Some(row) = index.entry_of(iri).and_then(|i| index.speech_row(i)) else { return String::new() };
    let Some(list) = index.speech(row).meeting.and_then(|m| index.meeting_speeches.get(&m)) else { return String::new() };
    let Some(at) = list.iter().position(|&r| r == row) else { return String::new() };
    let speech_link = |r: u32, rel: &str, arrow: &str| {
        let e = index.entry(index.speech(r).entry);
        format!("<a rel=\"{rel}\" href=\"{}\">{arrow} {}</a>", esc(&app.href(&e.iri)), esc(&e.label))
    };
    let prev = at.checked_sub(1).and_then(|i| list.get(i)).map(|&r| speech_link(r, "prev", "←")).unwrap_or_default();
    let next = list.get(at + 1).map(|&r| speech_link(r, "next", "→")).unwrap_or_default();
    format!("<p class=\"pager\"><span>{prev}</span> <span class=\"muted\">speech {} of {} in the meeting</span> <span>{next}</span></p>", at + 1, list.len())
}

/// The kinds marked in the text, with their colours and counts.
fn legend(spans: &[Span], index: &Index) -> String {
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for s in spans.iter().filter_map(|s| s.entity.as_deref()) {
        let kind = index.entry_of(s).map_or("Other".to_owned(), |i| index.entry(i).kind.clone());
        *kinds.entry(kind).or_insert(0) += 1;
    }
    let marked: usize = kinds.values().sum();
    let mut out = format!("<p class=\"legend\">{marked} mentions marked: ");
    for (k, n) in kinds {
        let _ = write!(out, "<span class=\"badge {}\">{} {n}</span> ", kind_class(&k), esc(&k));
    }
    out.push_str("</p>");
    out
}

/// The text with every mention marked. Mentions never cross in a built
/// store, but a span that starts inside another and ends after it is cut
/// at the outer one's end, so that the HTML stays well nested and each
/// mention keeps its one element.
fn marked(app: &App, index: &Index, text: &str, mut spans: Vec<Span>) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    spans.sort_by(|a, b| a.begin.cmp(&b.begin).then(b.end.cmp(&a.end)));
    let mut out = String::with_capacity(text.len() * 2);
    let mut open: Vec<(usize, &str)> = Vec::new(); // end and closing tag of each open element
    let mut at = 0;
    let emit = |out: &mut String, from: usize, to: usize| {
        let piece: String = chars[from.min(n)..to.min(n)].iter().collect();
        out.push_str(&esc(&piece));
    };
    for s in spans {
        let begin = s.begin.min(n);
        // Close what ends before this one starts.
        while let Some(&(end, tag)) = open.last() {
            if end > begin {
                break;
            }
            emit(&mut out, at, end);
            at = end;
            out.push_str(tag);
            open.pop();
        }
        emit(&mut out, at, begin);
        at = begin;
        let end = open.last().map_or(s.end, |&(outer, _)| s.end.min(outer)).clamp(begin, n);
        let id = s.iri.split_once('#').map(|(_, f)| f).unwrap_or("");
        match &s.entity {
            Some(e) => {
                let kind = index.entry_of(e).map_or("other".to_owned(), |i| index.entry(i).kind.clone());
                let label = index.entry_of(e).map_or(e.as_str(), |i| index.entry(i).label.as_str());
                let _ = write!(
                    out,
                    "<a class=\"m {}\" id=\"{}\" data-entity=\"{}\" href=\"{}\" title=\"{}\">",
                    kind_class(&kind),
                    esc(id),
                    esc(&app.published(e)),
                    esc(&app.href(e)),
                    esc(&format!("{label} ({kind})"))
                );
            }
            None => {
                let _ = write!(out, "<span class=\"m date\" id=\"{}\">", esc(id));
            }
        }
        open.push((end, if s.entity.is_some() { "</a>" } else { "</span>" }));
    }
    while let Some((end, tag)) = open.pop() {
        emit(&mut out, at, end);
        at = end;
        out.push_str(tag);
    }
    emit(&mut out, at, n);
    out
}
