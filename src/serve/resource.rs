//! Dereferencing: `GET /id/...` returns what the store says about the IRI
//! `{base}id/...`, as RDF or as an HTML page, whichever the client prefers.

use super::http::{self, HttpError, HttpResult};
use super::negotiate::{self, Out};
use super::{url_params, write, App, CANONICAL_BASE};
use crate::rdf::vocab::{FOAF, ITSRDF, NIF, OWL, RDFS, SCHEMA, SKOS};
use oxhttp::model::{Body, Request};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Term, TermRef, Triple};
use oxigraph::sparql::QueryResults;
use std::collections::HashSet;

/// Most triples pointing at a resource that a description lists: a state
/// is the object of thousands in a large store.
const MAX_INCOMING: usize = 1000;
/// Most mentions (with their quotes) a description lists.
const MAX_MENTIONS: usize = 500;

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
    let d = describe(app, node)?;
    if d.outgoing.is_empty() && d.incoming.is_empty() && d.mentions.is_empty() {
        return Err(HttpError::new(404, format!("the store says nothing about <{iri}>")));
    }
    if out == Out::Html {
        return super::portal::resource_html(app, request, &d);
    }
    write::respond_rdf(out, &publish(app, &d))
}

/// The description's triples as published: the mentions listed with their
/// speech and quote, IRIs moved to `--base`.
fn publish(app: &App, d: &Description) -> Vec<Triple> {
    let mut triples: Vec<Triple> = d.outgoing.iter().chain(&d.parts).chain(&d.incoming).cloned().collect();
    let (ident, context, anchor) = (iri(ITSRDF, "taIdentRef"), iri(NIF, "referenceContext"), iri(NIF, "anchorOf"));
    for m in &d.mentions {
        let mention = write::node(&m.mention);
        triples.push(Triple::new(mention.clone(), ident.clone(), d.iri.clone()));
        triples.push(Triple::new(mention.clone(), context.clone(), write::node(&m.speech)));
        triples.push(Triple::new(mention, anchor.clone(), oxigraph::model::Literal::new_simple_literal(&m.quote)));
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
        out.push(Triple::new(write::node(&published), iri(OWL, "sameAs"), d.iri.clone()));
    }
    out
}

fn iri(ns: &str, local: &str) -> NamedNode {
    write::node(&format!("{ns}{local}"))
}

fn distinct(into: &mut Vec<Triple>, seen: &mut HashSet<Triple>, t: Triple) {
    if seen.insert(t.clone()) {
        into.push(t);
    }
}

/// Gathers the description of `node`.
pub(crate) fn describe(app: &App, node: NamedNode) -> Result<Description, HttpError> {
    let store = app.store.store();
    let err = |e: &dyn std::fmt::Display| HttpError::new(500, format!("reading the store failed: {e}"));
    let mut seen = HashSet::new();
    let mut outgoing = Vec::new();
    for q in store.quads_for_pattern(Some(node.as_ref().into()), None, None, None) {
        distinct(&mut outgoing, &mut seen, Triple::from(q.map_err(|e| err(&e))?));
    }
    outgoing.sort_by_cached_key(|t| (t.predicate.to_string(), t.object.to_string()));
    // A speech's mentions are `speech#char=b,e`: a browser never sends the
    // fragment, so the speech's page has to carry them.
    let (context, ident, about) = (iri(NIF, "referenceContext"), iri(ITSRDF, "taIdentRef"), iri(SCHEMA, "about"));
    let mut part_nodes: Vec<NamedOrBlankNode> = Vec::new();
    for q in store.quads_for_pattern(None, Some(context.as_ref()), Some(node.as_ref().into()), None) {
        part_nodes.push(q.map_err(|e| err(&e))?.subject);
    }
    for t in &outgoing {
        if t.predicate == about {
            if let Term::NamedNode(n) = &t.object {
                part_nodes.push(n.clone().into());
            }
        }
    }
    let mut parts = Vec::new();
    for p in &part_nodes {
        for q in store.quads_for_pattern(Some(p.as_ref()), None, None, None) {
            distinct(&mut parts, &mut seen, Triple::from(q.map_err(|e| err(&e))?));
        }
    }
    let mut incoming = Vec::new();
    for q in store.quads_for_pattern(None, None, Some(node.as_ref().into()), None) {
        let t = Triple::from(q.map_err(|e| err(&e))?);
        if t.predicate == ident || t.predicate == context {
            continue;
        }
        distinct(&mut incoming, &mut seen, t);
        if incoming.len() >= MAX_INCOMING {
            break;
        }
    }
    let mention_total = store.quads_for_pattern(None, Some(ident.as_ref()), Some(node.as_ref().into()), None).count();
    let mentions = if mention_total == 0 { Vec::new() } else { mentions(app, &node)? };
    Ok(Description { iri: node, outgoing, parts, incoming, mentions, mention_total })
}

/// The mentions of `node`, each with its speech and the text around it.
fn mentions(app: &App, node: &NamedNode) -> Result<Vec<MentionRow>, HttpError> {
    // The context is cut here rather than with SUBSTR in the query: that
    // would walk a whole speech text for every mention, kept or not.
    let query = format!(
        "SELECT ?speech ?slabel ?m ?q ?b ?e WHERE {{
           ?m itsrdf:taIdentRef {node} ; nif:referenceContext ?speech ; nif:anchorOf ?q ;
              nif:beginIndex ?b ; nif:endIndex ?e .
           OPTIONAL {{ ?speech rdfs:label ?slabel }}
         }} ORDER BY ?speech ?b LIMIT {MAX_MENTIONS}"
    );
    let failed = |e: &dyn std::fmt::Display| HttpError::new(500, format!("listing mentions failed: {e}"));
    let prepared = crate::query::prepare(&query, "<mentions>").map_err(|e| failed(&e))?;
    let results = prepared.on_store(app.store.store()).execute().map_err(|e| failed(&e))?;
    let store = app.store.store();
    let is_string = iri(NIF, "isString");
    let mut texts: std::collections::HashMap<String, Vec<char>> = std::collections::HashMap::new();
    let mut rows = Vec::new();
    if let QueryResults::Solutions(solutions) = results {
        for s in solutions {
            let s = s.map_err(|e| failed(&e))?;
            let text = |v: &str| match s.get(v) {
                Some(Term::Literal(l)) => l.value().to_owned(),
                Some(Term::NamedNode(n)) => n.as_str().to_owned(),
                _ => String::new(),
            };
            let speech = text("speech");
            let chars = texts.entry(speech.clone()).or_insert_with(|| {
                NamedNodeRef::new(&speech)
                    .ok()
                    .and_then(|n| {
                        store.quads_for_pattern(Some(n.into()), Some(is_string.as_ref()), None, None).flatten().find_map(|q| match q.object {
                            Term::Literal(l) => Some(l.value().chars().collect()),
                            _ => None,
                        })
                    })
                    .unwrap_or_default()
            });
            let (b, e) = (text("b").parse::<usize>().unwrap_or(0), text("e").parse::<usize>().unwrap_or(0));
            let (b, e) = (b.min(chars.len()), e.min(chars.len()).max(b.min(chars.len())));
            rows.push(MentionRow {
                speech_label: Some(text("slabel")).filter(|l| !l.is_empty()),
                mention: text("m"),
                quote: text("q"),
                before: chars[b.saturating_sub(80)..b].iter().collect(),
                after: chars[e..(e + 80).min(chars.len())].iter().collect(),
                speech,
            });
        }
    }
    Ok(rows)
}

/// A readable name for `iri`: its preferred label, label or name.
pub(crate) fn label(app: &App, iri: &str) -> Option<String> {
    let node = NamedNodeRef::new(iri).ok()?;
    let store = app.store.store();
    for (ns, local) in [(SKOS, "prefLabel"), (RDFS, "label"), (FOAF, "name")] {
        let p = write::node(&format!("{ns}{local}"));
        for q in store.quads_for_pattern(Some(node.into()), Some(p.as_ref()), None, None).flatten() {
            if let TermRef::Literal(l) = q.object.as_ref() {
                return Some(l.value().to_owned());
            }
        }
    }
    None
}

/// A fixed Turtle document (the ontology, the shapes) in the format asked.
pub(crate) fn static_rdf(app: &App, request: &Request<Body>, ttl: &str, title: &str) -> HttpResult {
    let params = url_params(request);
    let out = negotiate::choose(negotiate::RESOURCE, params.one("format")?.as_deref(), http::accept(request).as_deref())?;
    static_rdf_with(out, app, ttl, title)
}

/// The Turtle document `ttl` as `out`.
pub(crate) fn static_rdf_with(out: Out, app: &App, ttl: &str, title: &str) -> HttpResult {
    match out {
        Out::Rdf(RdfFormat::Turtle) => Ok(http::negotiated(out.media_type(), ttl.as_bytes().to_vec())),
        Out::Html => Ok(http::negotiated(out.media_type(), super::html::turtle_page(app, title, ttl).into_bytes())),
        _ => {
            let triples = RdfParser::from_format(RdfFormat::Turtle)
                .for_slice(ttl.as_bytes())
                .map(|q| q.map(Triple::from))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| HttpError::new(500, format!("{title}: {e}")))?;
            write::respond_rdf(out, &triples)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::canonical_path;

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
