//! The speech reader: the HTML of `/id/speech/...`. The whole text with
//! every mention the store has marked (`data-entity`), coloured by the
//! entity's kind and linked to it, and the evidence sentence of every
//! speech act highlighted (`data-act`, `data-act-kind`,
//! `data-act-target`); who spoke, for whom, where and when; the speech's
//! acts and events; the speeches before and after it in its meeting.

use super::{entry_link, esc, kind_class, layout, portal};
use crate::rdf::vocab::{class, dcterms, itsrdf, nif, prop, prov, rdf, rdfs, schema};
use crate::search::Index;
use crate::serve::http::HttpError;
use crate::serve::resource::{Description, READER_PART};
use crate::serve::App;
use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Whether `d` describes a speech.
pub(crate) fn is_speech(d: &Description) -> bool {
    d.outgoing.iter().any(|x| x.predicate == rdf::TYPE && matches!(&x.object, Term::NamedNode(n) if *n == class::SPEECH))
}

/// Acts read per speech at most: a speech has tens; the bound only keeps
/// a damaged store from making a page of millions.
const MAX_ACTS: usize = 5_000;

/// One marked stretch of the speech, in characters of its text.
struct Span {
    iri: String,
    begin: usize,
    end: usize,
    what: Mark,
}

/// What a [`Span`] marks.
enum Mark {
    /// A mention of the entity (IRI as stored).
    Entity(String),
    /// A date.
    Date,
    /// An act's evidence sentence: the index into the speech's acts, and
    /// for the sentence's outermost mark, which alone is drawn and carries
    /// the anchor, its badge (the sentence's acts, a few targets each) and
    /// title (all of them; the marks inside have none, so that hovering
    /// anywhere in the sentence shows it).
    Act { act: usize, outer: Option<(String, String)> },
}

/// One speech act of the speech, as the store has it.
struct Act {
    /// The act's IRI.
    iri: String,
    /// `thank`, `condemn`, ...
    kind: String,
    /// What it is directed at (IRIs as stored), if anything.
    targets: Vec<String>,
    /// Its evidence sentences, in characters, in text order.
    evidence: Vec<(usize, usize)>,
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
/// `window`: the characters of the text shown, as the description was read
/// (see [`super::super::resource::Limits::window`]).
pub(crate) fn page(app: &App, d: &Description, window: Option<(usize, usize)>) -> Result<String, HttpError> {
    let index = portal(app).index()?;
    let iri = d.iri.as_str();
    let title = first(&d.outgoing, rdfs::LABEL).unwrap_or_else(|| iri.rsplit('/').next().unwrap_or(iri).to_owned());
    let whole = first(&d.outgoing, nif::IS_STRING).unwrap_or_default();
    // A long speech is shown a part at a time: its text, and its marks
    // shifted to the part's first character.
    let length = whole.chars().count();
    let (from, to) = window.unwrap_or((0, length));
    let (from, to) = (from.min(length), to.min(length));
    let text: String = if from == 0 && to == length { whole } else { whole.chars().skip(from).take(to - from).collect() };
    let shown = |(b, e): (usize, usize)| (b >= from && b < to).then(|| (b - from, e.min(to) - from));

    // The speech's parts, by subject: its mentions and its events.
    let mut parts: BTreeMap<String, Vec<&Triple>> = BTreeMap::new();
    for t in &d.parts {
        if let NamedOrBlankNode::NamedNode(s) = &t.subject {
            parts.entry(s.as_str().to_owned()).or_default().push(t);
        }
    }
    let get = |ts: &[&Triple], p: NamedNodeRef<'_>| first(ts.iter().copied(), p);
    let span_of = |node: &str| -> Option<(usize, usize)> {
        let ts = parts.get(node)?;
        shown((get(ts, nif::BEGIN_INDEX)?.parse().ok()?, get(ts, nif::END_INDEX)?.parse().ok()?))
    };
    let acts = speech_acts(app, d, &span_of)?;
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
        let Some((begin, end)) = shown((begin, end)) else { continue };
        let entity = get(ts, itsrdf::TA_IDENT_REF);
        // Besides mentions of entities and dates, the speech's parts include
        // the evidence of its acts (whole sentences): those are not marked.
        // They are marked from the acts below.
        let what = match entity {
            Some(e) => Mark::Entity(e),
            None if get(ts, prop::DATE_VALUE).is_some() => Mark::Date,
            None => continue,
        };
        spans.push(Span { iri: s.clone(), begin, end, what });
    }
    let target_label = |t: &str| match index.entry_of(t) {
        Some(i) => index.entry(i).label.clone(),
        // An event of this speech: its own label ("attack in Kabul").
        None => parts.get(t).and_then(|ts| get(ts, rdfs::LABEL)).unwrap_or_else(|| t.rsplit('/').next().unwrap_or(t).to_owned()),
    };
    spans.extend(act_spans(&acts, &target_label));

    let mut body = format!("<article class=\"speech\"><h1>{}</h1>", esc(&title));
    body.push_str(&facts(app, index, d));
    body.push_str(&neighbours(app, index, iri));
    body.push_str(&legend(&spans, index, acts.len()));
    let pager = pager(app, iri, from, to, length);
    body.push_str(&pager);
    let _ = write!(body, "<div class=\"text\" id=\"text\">{}</div>", marked(app, index, &text, spans, &acts));
    body.push_str(&pager);
    body.push_str(&act_list(app, index, &acts, &target_label));
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

/// The kinds marked in the text, with their colours and counts, and how
/// many acts the speech performs.
fn legend(spans: &[Span], index: &Index, acts: usize) -> String {
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for s in spans {
        let Mark::Entity(e) = &s.what else { continue };
        let kind = index.entry_of(e).map_or("Other".to_owned(), |i| index.entry(i).kind.clone());
        *kinds.entry(kind).or_insert(0) += 1;
    }
    let marked: usize = kinds.values().sum();
    let mut out = format!("<p class=\"legend\">{marked} mentions marked: ");
    for (k, n) in kinds {
        let _ = write!(out, "<span class=\"badge {}\">{} {n}</span> ", kind_class(&k), esc(&k));
    }
    if acts > 0 {
        let _ = write!(out, " · <a class=\"badge act-badge\" href=\"#acts\">{acts} speech act{}</a>", if acts == 1 { "" } else { "s" });
    }
    out.push_str("</p>");
    out
}

/// The speech's acts: every object of its `unkg:performs`, with its kind,
/// targets and evidence sentences, whose spans `span_of` finds among the
/// speech's parts. In order of their first sentence.
fn speech_acts(app: &App, d: &Description, span_of: &dyn Fn(&str) -> Option<(usize, usize)>) -> Result<Vec<Act>, HttpError> {
    let err = |e: &dyn std::fmt::Display| HttpError::new(500, format!("reading the store failed: {e}"));
    let mut acts = Vec::new();
    for t in d.outgoing.iter().filter(|t| t.predicate == prop::PERFORMS).take(MAX_ACTS) {
        let Term::NamedNode(node) = &t.object else { continue };
        let mut act = Act { iri: node.as_str().to_owned(), kind: String::new(), targets: Vec::new(), evidence: Vec::new() };
        let subject: &NamedNode = node;
        for q in app.store.quads(Some(subject.as_ref().into()), None, None, None) {
            let q = q.map_err(|e| err(&e))?;
            match (q.predicate.as_ref(), &q.object) {
                (p, Term::Literal(l)) if p == prop::ACT_KIND => act.kind = l.value().to_owned(),
                (p, Term::NamedNode(n)) if p == schema::OBJECT => act.targets.push(n.as_str().to_owned()),
                (p, Term::NamedNode(n)) if p == prop::EVIDENCE => act.evidence.extend(span_of(n.as_str())),
                _ => {}
            }
        }
        act.targets.sort();
        act.targets.dedup();
        act.evidence.sort_unstable();
        act.evidence.dedup();
        if act.kind.is_empty() {
            act.kind = "act".to_owned();
        }
        acts.push(act);
    }
    // In the order of the text; within a sentence in the order the writer
    // numbered them (`act/2` before `act/10`), which follows the sentence.
    let number = |a: &Act| a.iri.rsplit('/').next().and_then(|n| n.parse::<usize>().ok());
    acts.sort_by(|a, b| a.evidence.first().cmp(&b.evidence.first()).then_with(|| number(a).cmp(&number(b))).then_with(|| a.iri.cmp(&b.iri)));
    Ok(acts)
}

/// An act's kind as a class name: `act-thank`. Kinds come from the store,
/// so anything but letters is dropped rather than trusted into a class.
pub(super) fn act_class(kind: &str) -> String {
    let k: String = kind.chars().filter(char::is_ascii_alphabetic).collect::<String>().to_ascii_lowercase();
    format!("act-{k}")
}

/// Targets named in a sentence's badge per kind; the rest are counted
/// ("and 40 more"): one sentence may call on forty states.
const BADGE_TARGETS: usize = 3;

/// What the acts `list` of one sentence say, by kind in their order:
/// "thank → Kazakhstan · call → Egypt, Fiji and 2 more", or "call" for a
/// kind without target. With `limit`, at most that many targets per kind.
fn sentence_summary(acts: &[Act], list: &[usize], target_label: &dyn Fn(&str) -> String, limit: Option<usize>) -> String {
    let mut kinds: Vec<(&str, Vec<String>)> = Vec::new();
    for &i in list {
        let Some(a) = acts.get(i) else { continue };
        let at = match kinds.iter().position(|(k, _)| *k == a.kind) {
            Some(at) => at,
            None => {
                kinds.push((&a.kind, Vec::new()));
                kinds.len() - 1
            }
        };
        kinds[at].1.extend(a.targets.iter().map(|t| target_label(t)));
    }
    let parts: Vec<String> = kinds
        .into_iter()
        .map(|(kind, targets)| {
            if targets.is_empty() {
                return kind.to_owned();
            }
            let shown = limit.unwrap_or(usize::MAX).min(targets.len());
            let mut named = targets[..shown].join(", ");
            if shown < targets.len() {
                named.push_str(&format!(" and {} more", targets.len() - shown));
            }
            format!("{kind} → {named}")
        })
        .collect();
    parts.join(" · ")
}

/// The anchor of an evidence sentence in the text.
fn sentence_id(begin: usize, end: usize) -> String {
    format!("act-{begin}-{end}")
}

/// One mark per act and evidence sentence. The marks of one sentence nest
/// (the same span, in the acts' order): the outermost carries the
/// sentence's anchor and a badge naming all its acts, so that the sentence
/// is highlighted once and every act keeps its own element.
fn act_spans(acts: &[Act], target_label: &dyn Fn(&str) -> String) -> Vec<Span> {
    let mut by_sentence: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, a) in acts.iter().enumerate() {
        for &span in &a.evidence {
            by_sentence.entry(span).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for ((begin, end), list) in by_sentence {
        let (badge, title) = (sentence_summary(acts, &list, target_label, Some(BADGE_TARGETS)), sentence_summary(acts, &list, target_label, None));
        for (n, &i) in list.iter().enumerate() {
            let what = if n == 0 { Mark::Act { act: i, outer: Some((badge.clone(), title.clone())) } } else { Mark::Act { act: i, outer: None } };
            out.push(Span { iri: sentence_id(begin, end), begin, end, what });
        }
    }
    out
}

/// The list of the speech's acts under its text: kind, target linked to
/// its page, and links to the sentences that perform it.
fn act_list(app: &App, index: &Index, acts: &[Act], target_label: &dyn Fn(&str) -> String) -> String {
    if acts.is_empty() {
        return String::new();
    }
    let mut out = format!("<h2 id=\"acts\">Acts in this speech ({})</h2><ul class=\"acts\">", acts.len());
    for a in acts {
        let targets: Vec<String> = a
            .targets
            .iter()
            .map(|t| match index.entry_of(t) {
                Some(i) => entry_link(app, index, i),
                None => format!("<a href=\"{}\">{}</a>", esc(&app.href(t)), esc(&target_label(t))),
            })
            .collect();
        let target = if targets.is_empty() { String::new() } else { format!(" → {}", targets.join(", ")) };
        let places: Vec<String> = a
            .evidence
            .iter()
            .enumerate()
            .map(|(n, &(b, e))| format!("<a href=\"#{}\">{}</a>", sentence_id(b, e), if n == 0 { "in the text".to_owned() } else { (n + 1).to_string() }))
            .collect();
        let _ = write!(
            out,
            "<li data-act=\"{}\"><span class=\"act-kind {}\">{}</span>{target}{}{}</li>",
            esc(&app.published(&a.iri)),
            act_class(&a.kind),
            esc(&a.kind),
            if places.is_empty() { "" } else { " · " },
            places.join(" ")
        );
    }
    out.push_str("</ul>");
    out
}

/// The text with every mention and act marked. Mentions never cross in a
/// built store, but a span that starts inside another and ends after it
/// is cut at the outer one's end, so that the HTML stays well nested and
/// each mark keeps its one element. An act's sentence wraps the mentions
/// inside it: at the same start the longer span opens first, and at the
/// same span the sentence.
fn marked(app: &App, index: &Index, text: &str, mut spans: Vec<Span>, acts: &[Act]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let is_mention = |s: &Span| !matches!(s.what, Mark::Act { .. });
    spans.sort_by(|a, b| a.begin.cmp(&b.begin).then(b.end.cmp(&a.end)).then(is_mention(a).cmp(&is_mention(b))));
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
        let tag = match &s.what {
            Mark::Entity(e) => {
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
                "</a>"
            }
            Mark::Date => {
                let _ = write!(out, "<span class=\"m date\" id=\"{}\">", esc(id));
                "</span>"
            }
            Mark::Act { act, outer } => {
                let Some(a) = acts.get(*act) else { continue };
                // Only the outermost mark of a sentence is drawn and
                // anchored; the ones inside it carry their act's data.
                let (class, anchor) = match outer {
                    Some((badge, title)) => (
                        format!("act {}", act_class(&a.kind)),
                        format!(" id=\"{}\" data-badge=\"{}\" title=\"{}\"", esc(&s.iri), esc(badge), esc(title)),
                    ),
                    None => ("act inner".to_owned(), String::new()),
                };
                let _ = write!(
                    out,
                    "<span class=\"{class}\"{anchor} data-act=\"{}\" data-act-kind=\"{}\" data-act-target=\"{}\">",
                    esc(&app.published(&a.iri)),
                    esc(&a.kind),
                    esc(&a.targets.iter().map(|t| app.published(t)).collect::<Vec<_>>().join(" "))
                );
                "</span>"
            }
        };
        open.push((end, tag));
    }
    while let Some((end, tag)) = open.pop() {
        emit(&mut out, at, end);
        at = end;
        out.push_str(tag);
    }
    emit(&mut out, at, n);
    out
}

/// Links to the other parts of a speech longer than one part; empty for
/// one shown whole.
fn pager(app: &App, iri: &str, from: usize, to: usize, length: usize) -> String {
    if from == 0 && to == length {
        return String::new();
    }
    let part = from / READER_PART;
    let parts = length.div_ceil(READER_PART).max(1);
    let href = |n: usize| esc(&format!("{}?part={n}", app.href(iri)));
    if from >= length {
        return format!("<p class=\"pager\">There is no part {}: this speech has {parts} parts. <a href=\"{}\">The first part</a></p>", part + 1, href(0));
    }
    let mut nav = format!(
        "<p class=\"pager\">This speech is {length} characters long: shown, characters {} to {to}, part {} of {parts}.",
        from + 1,
        part + 1
    );
    if part > 0 {
        let _ = write!(nav, " <a href=\"{}\" rel=\"prev\">Previous part</a>", href(part - 1));
    }
    if to < length {
        let _ = write!(nav, " <a href=\"{}\" rel=\"next\">Next part</a>", href(part + 1));
    }
    nav.push_str("</p>");
    nav
}
