//! Dereferencing: `GET /id/...` returns what the store says about the IRI
//! `{base}id/...`, as RDF or as an HTML page, whichever the client prefers.

use super::http::{self, HttpError, HttpResult};
use super::negotiate::{self, Out};
use super::{url_params, write, App, CANONICAL_BASE};
use crate::rdf::vocab::{foaf, itsrdf, nif, owl, rdfs, schema, skos};
use oxhttp::model::{Body, Request};
use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef, Triple};
use std::collections::HashSet;

/// Most triples pointing at a resource that a description lists: a state
/// is the object of thousands in a large store.
const MAX_INCOMING: usize = 1000;
/// Most mentions (with their quotes) a description lists.
const MAX_MENTIONS: usize = 500;

/// How much of a resource's neighbourhood a description gathers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    /// Most triples pointing at the resource.
    pub(crate) incoming: usize,
    /// Most mentions quoted.
    pub(crate) mentions: usize,
    /// Whether to count every mention: a scan of all of them (140 000 for
    /// the UN), which the portal's pages take from the search index instead.
    pub(crate) count: bool,
    /// Only the parts (mentions, sentences) starting in these characters of
    /// a speech's text, by their `#char=b,e`: the reader shows a long
    /// speech a part at a time, and reads only that part's marks.
    pub(crate) window: Option<(usize, usize)>,
}

/// Characters of a speech the reader shows at once. Speeches are rarely
/// longer (the longest of the General Debate: 90,000); a file of 19 MB is
/// read a part at a time instead of costing seconds and a gigabyte.
pub(crate) const READER_PART: usize = 200_000;

/// The characters `b,e` of a part's IRI (`speech#char=b,e`).
pub(crate) fn char_span(iri: &str) -> Option<(usize, usize)> {
    let (b, e) = iri.rsplit_once("#char=")?.1.split_once(',')?;
    Some((b.parse().ok()?, e.parse().ok()?))
}

/// What the RDF descriptions list.
const FULL: Limits = Limits { incoming: MAX_INCOMING, mentions: MAX_MENTIONS, count: true, window: None };
/// What a page for people lists: the portal pages through the rest.
const PAGE: Limits = Limits { incoming: 200, mentions: 40, count: false, window: None };

/// One place a speech mentions the resource.
pub(crate) struct MentionRow {
    pub(crate) speech: String,
    pub(crate) speech_label: Option<String>,
    pub(crate) mention: String,
    pub(crate) quote: String,
    pub(crate) before: String,
    pub(crate) after: String,
}

/// What the store says about one resource.
pub(crate) struct Description {
    /// The IRI as stored.
    pub(crate) iri: NamedNode,
    /// Triples with the resource as subject.
    pub(crate) outgoing: Vec<Triple>,
    /// Triples of the resource's parts: a speech's mentions and events.
    pub(crate) parts: Vec<Triple>,
    /// Triples with the resource as object (mentions aside), at most [`MAX_INCOMING`].
    pub(crate) incoming: Vec<Triple>,
    /// Where speeches mention it, at most [`MAX_MENTIONS`].
    pub(crate) mentions: Vec<MentionRow>,
    /// How many mentions there are in all.
    pub(crate) mention_total: usize,
}

/// A request path as the IRI path unkg mints: each segment decoded, then
/// encoded as [`crate::rdf::iri::segment`] does, so that `c%C3%B4te`,
/// `côte`, `ja'afari` and `ja%27afari` all find their resource.
pub(crate) fn canonical_path(path: &str) -> String {
    path.split('/')
        .map(|seg| {
            let decoded: Vec<u8> = percent_decode(seg);
            crate::rdf::iri::segment(&String::from_utf8_lossy(&decoded))
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn percent_decode(s: &str) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// `GET /id/...`.
pub(crate) fn respond(app: &App, request: &Request<Body>, path: &str) -> HttpResult {
    let iri = format!("{CANONICAL_BASE}{}", canonical_path(path));
    let node = NamedNode::new(&iri).map_err(|e| HttpError::new(400, format!("{path}: not an IRI path: {e}")))?;
    let params = url_params(request);
    let out = negotiate::choose(negotiate::RESOURCE, params.one("format")?.as_deref(), http::accept(request).as_deref())?;
    let limits = if out == Out::Html {
        // The reader's part of a long speech (0 for every other resource).
        let part = super::portal::bounded(&params, "part", 0, usize::MAX / READER_PART - 1)?;
        Limits { window: Some((part * READER_PART, (part + 1) * READER_PART)), ..PAGE }
    } else {
        FULL
    };
    let d = describe(app, node, limits)?;
    if d.outgoing.is_empty() && d.incoming.is_empty() && d.mentions.is_empty() {
        return Err(HttpError::new(404, format!("the store says nothing about <{iri}>")));
    }
    if out == Out::Html {
        return super::portal::resource_html(app, request, d, limits.window);
    }
    write::respond_rdf(out, &publish(app, &d))
}

/// The description's triples as published: the mentions listed with their
/// speech and quote, IRIs moved to `--base`.
fn publish(app: &App, d: &Description) -> Vec<Triple> {
    let mut triples: Vec<Triple> = d.outgoing.iter().chain(&d.parts).chain(&d.incoming).cloned().collect();
    for m in &d.mentions {
        let mention = write::node(&m.mention);
        triples.push(Triple::new(mention.clone(), itsrdf::TA_IDENT_REF, d.iri.clone()));
        triples.push(Triple::new(mention.clone(), nif::REFERENCE_CONTEXT, write::node(&m.speech)));
        triples.push(Triple::new(mention, nif::ANCHOR_OF, oxigraph::model::Literal::new_simple_literal(&m.quote)));
    }
    let moved = |n: &NamedNode| write::node(&app.published(n.as_str()));
    let mut out: Vec<Triple> = triples
        .into_iter()
        .map(|t| {
            let subject = match t.subject {
                NamedOrBlankNode::NamedNode(n) => NamedOrBlankNode::NamedNode(moved(&n)),
                other => other,
            };
            let object = match t.object {
                Term::NamedNode(n) => Term::NamedNode(moved(&n)),
                other => other,
            };
            Triple::new(subject, t.predicate, object)
        })
        .collect();
    let published = app.published(d.iri.as_str());
    if published != d.iri.as_str() {
        out.push(Triple::new(write::node(&published), owl::SAME_AS, d.iri.clone()));
    }
    out
}

fn distinct(into: &mut Vec<Triple>, seen: &mut HashSet<Triple>, t: Triple) {
    if seen.insert(t.clone()) {
        into.push(t);
    }
}

/// Gathers the description of `node`.
pub(crate) fn describe(app: &App, node: NamedNode, limits: Limits) -> Result<Description, HttpError> {
    let store = &app.store;
    let err = |e: &dyn std::fmt::Display| HttpError::new(500, format!("reading the store failed: {e}"));
    let mut seen = HashSet::new();
    let mut outgoing = Vec::new();
    for q in store.quads(Some(node.as_ref().into()), None, None, None) {
        distinct(&mut outgoing, &mut seen, Triple::from(q.map_err(|e| err(&e))?));
    }
    outgoing.sort_by_cached_key(|t| (t.predicate.to_string(), t.object.to_string()));
    // A speech's mentions are `speech#char=b,e`: a browser never sends the
    // fragment, so the speech's page has to carry them.
    let (context, ident) = (nif::REFERENCE_CONTEXT, itsrdf::TA_IDENT_REF);
    let mut part_nodes: Vec<NamedOrBlankNode> = Vec::new();
    for q in store.quads(None, Some(context), Some(node.as_ref().into()), None) {
        part_nodes.push(q.map_err(|e| err(&e))?.subject);
    }
    for t in &outgoing {
        if t.predicate == schema::ABOUT {
            if let Term::NamedNode(n) = &t.object {
                part_nodes.push(n.clone().into());
            }
        }
    }
    if let Some((from, to)) = limits.window {
        part_nodes.retain(|p| match p {
            NamedOrBlankNode::NamedNode(n) => char_span(n.as_str()).is_none_or(|(b, _)| b >= from && b < to),
            NamedOrBlankNode::BlankNode(_) => true,
        });
    }
    let mut parts = Vec::new();
    for p in &part_nodes {
        for q in store.quads(Some(p.as_ref()), None, None, None) {
            distinct(&mut parts, &mut seen, Triple::from(q.map_err(|e| err(&e))?));
        }
    }
    let mut incoming = Vec::new();
    for q in store.quads(None, None, Some(node.as_ref().into()), None) {
        let t = Triple::from(q.map_err(|e| err(&e))?);
        if t.predicate == ident || t.predicate == context {
            continue;
        }
        distinct(&mut incoming, &mut seen, t);
        if incoming.len() >= limits.incoming {
            break;
        }
    }
    let (mention_total, mentions) = if limits.count {
        let total = store.quads(None, Some(ident), Some(node.as_ref().into()), None).count();
        (total, if total == 0 { Vec::new() } else { mentions(app, &node, limits.mentions)? })
    } else {
        let rows = mentions(app, &node, limits.mentions)?;
        (rows.len(), rows)
    };
    Ok(Description { iri: node, outgoing, parts, incoming, mentions, mention_total })
}

/// The mentions of `node`, each with its speech and the text around it.
fn mentions(app: &App, node: &NamedNode, max: usize) -> Result<Vec<MentionRow>, HttpError> {
    // The first mentions in the index's order (by mention IRI, which is
    // `speech#char=b,e`), each looked up by its own few triples: bounded
    // work however often the entity is mentioned, where a sorted SPARQL
    // join would first gather all of them (140 000 for the UN).
    let store = &app.store;
    let failed = |e: &dyn std::fmt::Display| HttpError::new(500, format!("listing mentions failed: {e}"));
    let object = |s: NamedOrBlankNode, p: NamedNodeRef<'_>| -> Option<Term> {
        store.quads(Some(s.as_ref()), Some(p), None, None).flatten().next().map(|q| q.object)
    };
    let text = |t: Option<Term>| match t {
        Some(Term::Literal(l)) => l.value().to_owned(),
        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
        _ => String::new(),
    };
    let mut found = Vec::new();
    for q in store.quads(None, Some(itsrdf::TA_IDENT_REF), Some(node.as_ref().into()), None) {
        let q = q.map_err(|e| failed(&e))?;
        let m = q.subject;
        let Some(Term::NamedNode(speech)) = object(m.clone(), nif::REFERENCE_CONTEXT) else { continue };
        let b = text(object(m.clone(), nif::BEGIN_INDEX)).parse::<usize>().unwrap_or(0);
        let e = text(object(m.clone(), nif::END_INDEX)).parse::<usize>().unwrap_or(0);
        let quote = text(object(m.clone(), nif::ANCHOR_OF));
        found.push((speech, b, e, quote, m));
        if found.len() >= max {
            break;
        }
    }
    found.sort_by(|x, y| (x.0.as_str(), x.1).cmp(&(y.0.as_str(), y.1)));
    let mut texts: std::collections::HashMap<NamedNode, (Vec<char>, String)> = std::collections::HashMap::new();
    let mut rows = Vec::new();
    for (speech, b, e, quote, m) in found {
        let (chars, label) = texts.entry(speech.clone()).or_insert_with(|| {
            let s: NamedOrBlankNode = speech.clone().into();
            (text(object(s.clone(), nif::IS_STRING)).chars().collect(), text(object(s, rdfs::LABEL)))
        });
        let (b, e) = (b.min(chars.len()), e.min(chars.len()).max(b.min(chars.len())));
        rows.push(MentionRow {
            speech_label: Some(label.clone()).filter(|l| !l.is_empty()),
            mention: match m {
                NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
                other => other.to_string(),
            },
            quote,
            before: chars[b.saturating_sub(80)..b].iter().collect(),
            after: chars[e..(e + 80).min(chars.len())].iter().collect(),
            speech: speech.as_str().to_owned(),
        });
    }
    Ok(rows)
}

/// A readable name for `iri`: its preferred label, label or name.
pub(crate) fn label(app: &App, iri: &str) -> Option<String> {
    let node = NamedNodeRef::new(iri).ok()?;
    for p in [skos::PREF_LABEL, rdfs::LABEL, foaf::NAME] {
        for q in app.store.quads(Some(node.into()), Some(p), None, None).flatten() {
            if let TermRef::Literal(l) = q.object.as_ref() {
                return Some(l.value().to_owned());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{canonical_path, char_span};

    #[test]
    fn parts_know_their_characters() {
        assert_eq!(char_span("https://w3id.org/unkg/id/speech/x#char=10,25"), Some((10, 25)));
        assert_eq!(char_span("https://w3id.org/unkg/id/speech/x/event/1"), None);
        assert_eq!(char_span("https://w3id.org/unkg/id/speech/x#char=a,2"), None);
    }

    #[test]
    fn request_paths_find_minted_iris() {
        assert_eq!(canonical_path("id/place/c%C3%B4te"), "id/place/côte");
        assert_eq!(canonical_path("id/person/ja'afari"), "id/person/ja%27afari");
        assert_eq!(canonical_path("id/person/ja%27afari"), "id/person/ja%27afari");
        assert_eq!(canonical_path("id/speech/FIN%2078"), "id/speech/FIN%2078");
        assert_eq!(canonical_path("id/speech/x/event/1"), "id/speech/x/event/1");
        assert_eq!(canonical_path("id/x/100%"), "id/x/100%25");
    }
}
