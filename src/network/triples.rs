//! Triples to a network, for the `full` and `construct` views: resources
//! become nodes, links between them edges, literals node attributes.

use super::filter::Filter;
use super::model::{Network, Value};
use super::source::{local_name, Source, NODE_CLASSES};
use crate::error::{Error, Result};
use crate::rdf::vocab::class::local as class;
use crate::rdf::vocab::{dcterms, nif, owl, prop, rdf, schema, skos, rdfs, xsd, ID, PREFIXES, UNKG};
use oxigraph::model::{Literal, NamedNodeRef, NamedOrBlankNode, Term};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Predicates whose values would swamp a network file: the speech's whole
/// text (it stays one query away in the store) and build bookkeeping.
const SKIPPED: &[NamedNodeRef<'static>] = &[nif::IS_STRING, prop::BUILD_FINGERPRINT, prop::CORPUS_SHARE];

/// Attribute names shared with the other views, so that a column means the
/// same thing whichever view a file came from.
fn attribute_name(predicate: &str) -> String {
    if predicate == prop::ALPHA3.as_str() {
        "iso3".into()
    } else if predicate == prop::RESOLUTION_NUMBER.as_str() {
        "resolution_number".into()
    } else if predicate == owl::SAME_AS.as_str() {
        "wikidata".into()
    } else if predicate == dcterms::DATE.as_str() {
        "date".into()
    } else {
        local_name(predicate).to_owned()
    }
}

/// `unkg:speaksFor` for `https://w3id.org/unkg/ontology#speaksFor`.
fn short(iri: &str) -> String {
    for (prefix, ns) in PREFIXES.iter().chain(&[("id", ID)]) {
        if let Some(rest) = iri.strip_prefix(ns) {
            return format!("{prefix}:{rest}");
        }
    }
    iri.to_owned()
}

/// Collects nodes, edges and literal values, then types the attributes.
struct Builder {
    net: Network,
    literals: HashMap<(String, String), BTreeSet<LiteralValue>>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct LiteralValue {
    text: String,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Int,
    Double,
    Bool,
    Text,
}

fn literal_value(l: &Literal) -> LiteralValue {
    const INTEGERS: &[NamedNodeRef<'static>] = &[
        xsd::INTEGER, xsd::INT, xsd::LONG, xsd::SHORT, xsd::NON_NEGATIVE_INTEGER, xsd::POSITIVE_INTEGER,
        xsd::NEGATIVE_INTEGER, xsd::NON_POSITIVE_INTEGER, xsd::UNSIGNED_INT, xsd::UNSIGNED_LONG,
    ];
    let dt = l.datatype();
    let kind = if INTEGERS.contains(&dt) {
        Kind::Int
    } else if [xsd::DOUBLE, xsd::FLOAT, xsd::DECIMAL].contains(&dt) {
        Kind::Double
    } else if dt == xsd::BOOLEAN {
        Kind::Bool
    } else {
        Kind::Text
    };
    LiteralValue { text: l.value().to_owned(), kind }
}

impl Builder {
    fn new(directed: bool) -> Self {
        Builder { net: Network::new(directed), literals: HashMap::new() }
    }

    fn literal(&mut self, subject: &str, predicate: &str, value: LiteralValue) {
        self.literals.entry((subject.to_owned(), attribute_name(predicate))).or_default().insert(value);
    }

    /// Turns collected literals into attributes: one value keeps its type,
    /// several are joined with ` | ` as text (GraphML has no lists).
    fn finish(mut self) -> Network {
        let mut by_name: BTreeMap<String, Vec<(String, Vec<LiteralValue>)>> = BTreeMap::new();
        for ((s, name), values) in self.literals {
            by_name.entry(name).or_default().push((s, values.into_iter().collect()));
        }
        for (name, rows) in by_name {
            // A column has one type: numbers only if every value is one.
            let kinds: BTreeSet<Kind> = rows.iter().flat_map(|(_, v)| v.iter().map(|v| v.kind)).collect();
            let single = rows.iter().all(|(_, v)| v.len() == 1);
            let column = match (kinds.len(), kinds.iter().next(), single) {
                (1, Some(Kind::Int), true) => Kind::Int,
                (1, Some(Kind::Double), true) => Kind::Double,
                (1, Some(Kind::Bool), true) => Kind::Bool,
                _ if single && kinds.iter().all(|k| matches!(k, Kind::Int | Kind::Double)) => Kind::Double,
                _ => Kind::Text,
            };
            let name = if matches!(name.as_str(), "label" | "type" | "id") { format!("{name}_") } else { name };
            for (s, values) in rows {
                let Some(ix) = self.net.find(&s) else { continue };
                let first = &values[0].text;
                let value = match column {
                    Kind::Int => first.trim().parse().map(Value::Int).ok(),
                    Kind::Double => first.trim().parse().map(Value::Double).ok(),
                    Kind::Bool => Some(Value::Bool(matches!(first.trim(), "true" | "1"))),
                    Kind::Text => None,
                };
                let value = value.unwrap_or_else(|| {
                    let texts: Vec<&str> = values.iter().map(|v| v.text.as_str()).collect();
                    Value::Str(texts.join(" | "))
                });
                self.net.graph[ix].attrs.insert(name.clone(), value);
            }
        }
        self.net
    }
}

/// `full`: every typed resource (speeches, meetings, persons, states,
/// organisations, places, resolutions, documents, events), every link
/// between two of them, literals as attributes, and mentions collapsed into
/// `mentions` edges from speech to entity weighted by mention spans.
pub fn full(src: &Source, filter: &Filter) -> Result<Network> {
    let types = src.types()?;
    let speeches = src.speeches(filter)?;
    let kept_speeches: BTreeSet<&str> = speeches.iter().map(|s| s.iri.as_str()).collect();
    let catalog = src.catalog()?;
    let topics = if filter.topic.is_some() { src.map(prop::TOPIC)? } else { HashMap::new() };
    let about = src.map(schema::ABOUT)?;
    // Events belong to the speech that describes them.
    let mut event_owner: HashMap<&str, &str> = HashMap::new();
    for (speech, events) in &about {
        for e in events {
            event_owner.insert(e.as_str(), speech.as_str());
        }
    }
    let mut b = Builder::new(true);
    let mut nodes: Vec<(&String, &&str)> = types.iter().collect();
    nodes.sort();
    for (iri, kind) in nodes {
        let keep = match *kind {
            k if k == class::SPEECH => kept_speeches.contains(iri.as_str()),
            k if k == class::MEETING => {
                filter.date_ok(catalog.date(iri).map(String::as_str))
                    && (filter.topic.is_none() || topics.get(iri).is_some_and(|t| t.iter().any(|t| filter.topic_ok(t))))
            }
            k if k == class::EVENT || k == class::ATTACK || k == class::GATHERING => {
                event_owner.get(iri.as_str()).is_some_and(|s| kept_speeches.contains(s))
            }
            _ => true,
        };
        if keep && filter.keeps(NODE_CLASSES, kind) {
            let ix = b.net.node(iri, kind, &catalog.label(iri));
            if let Some(d) = catalog.date(iri) {
                if *kind == class::SPEECH || *kind == class::MEETING {
                    b.net.graph[ix].dates.see(d);
                }
            }
        }
    }
    let ids: Vec<String> = b.net.graph.node_weights().map(|n| n.id.clone()).collect();
    for id in &ids {
        let s = NamedNodeRef::new(id).map_err(|e| Error::store(src.store().path(), e))?;
        let mut seen = std::collections::HashSet::new();
        for quad in src.store().quads(Some(s.into()), None, None, None) {
            let quad = quad?;
            let predicate = quad.predicate.as_ref();
            if predicate == rdf::TYPE
                || predicate == schema::MENTIONS
                || SKIPPED.contains(&predicate)
                || !seen.insert((quad.predicate.clone(), quad.object.clone()))
            {
                continue;
            }
            object(&mut b, id, predicate.as_str(), &quad.object, false);
        }
    }
    // Mentions collapse into weighted edges, and count towards the entity.
    let spans = src.mention_spans()?;
    let mut spans: Vec<((String, String), u64)> = spans.into_iter().collect();
    spans.sort();
    for ((speech, entity), n) in spans {
        let (Some(sx), Some(ex)) = (b.net.find(&speech), b.net.find(&entity)) else { continue };
        let date = b.net.graph[sx].dates.first.clone();
        let e = b.net.edge(sx, ex, "mentions");
        e.weight += n as f64;
        if let Some(d) = &date {
            e.dates.see(d);
        }
        let node = &mut b.net.graph[ex];
        node.speeches = Some(node.speeches.unwrap_or(0) + 1);
        if let Some(d) = &date {
            node.dates.see(d);
        }
    }
    Ok(b.finish())
}

/// Adds what `subject predicate object` says: an edge to a node, an
/// attribute otherwise. With `open`, any IRI object becomes a node.
fn object(b: &mut Builder, subject: &str, predicate: &str, object: &Term, open: bool) {
    match object {
        Term::Literal(l) => b.literal(subject, predicate, literal_value(l)),
        Term::NamedNode(n) => {
            let target = n.as_str();
            let is_wikidata = wikidata_link(predicate, target);
            let tx = if is_wikidata { None } else { b.net.find(target) };
            let tx = match tx {
                Some(tx) => Some(tx),
                None if open && !is_wikidata => Some(b.net.node(target, "Resource", local_name(target))),
                None => None,
            };
            match (b.net.find(subject), tx) {
                (Some(sx), Some(tx)) => b.net.edge(sx, tx, &short(predicate)).weight = 1.0,
                _ => {
                    // A link out of the graph (Wikidata, undocs.org, a speaker
                    // role) is a property of the node, by its short name.
                    let text = if is_wikidata { local_name(target).to_owned() } else { short(target) };
                    b.literal(subject, predicate, LiteralValue { text, kind: Kind::Text });
                }
            }
        }
        other => {
            let text = other.to_string();
            b.literal(subject, predicate, LiteralValue { text, kind: Kind::Text });
        }
    }
}

/// `construct`: the graph a SPARQL CONSTRUCT query returns. Subjects and
/// IRI objects become nodes, `rdf:type` their type, literals attributes.
pub fn construct(src: &Source, query: &str, origin: &str) -> Result<Network> {
    let prepared = crate::query::prepare(query, origin)?;
    let Some(mut triples) = src.store().construct(prepared, origin)? else {
        return Err(Error::usage(format!("{origin}: the construct view needs a CONSTRUCT (or DESCRIBE) query")));
    };
    // In text order, so that blank nodes and first values come out the same.
    triples.sort_by_cached_key(|t| t.to_string());
    triples.dedup();
    let rdf_type = rdf::TYPE.as_str();
    // Types first: a node's type is its most specific unkg class, else the
    // short name of any class it has.
    let mut kinds: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for t in &triples {
        if t.predicate.as_str() == rdf_type {
            if let Term::NamedNode(c) = &t.object {
                kinds.entry(subject_text(&t.subject)).or_default().push(c.as_str().to_owned());
            }
        }
    }
    let kind_of = |s: &str| -> String {
        let Some(cs) = kinds.get(s) else { return "Resource".into() };
        for local in NODE_CLASSES {
            if cs.iter().any(|c| c.strip_prefix(UNKG) == Some(local)) {
                return (*local).to_owned();
            }
        }
        cs.iter().map(|c| short(c)).min().unwrap_or_else(|| "Resource".into())
    };
    // Labels: the preferred label, else rdfs:label; the first in order.
    let label_props = [skos::PREF_LABEL.as_str(), rdfs::LABEL.as_str()];
    let mut labels: BTreeMap<String, (usize, String)> = BTreeMap::new();
    for t in &triples {
        if let (Some(rank), Term::Literal(l)) = (label_props.iter().position(|x| *x == t.predicate.as_str()), &t.object) {
            let candidate = (rank, l.value().to_owned());
            let slot = labels.entry(subject_text(&t.subject)).or_insert_with(|| candidate.clone());
            if candidate < *slot {
                *slot = candidate;
            }
        }
    }
    let mut b = Builder::new(true);
    let add = |b: &mut Builder, id: &str| {
        if b.net.find(id).is_none() {
            let label = labels.get(id).map(|l| l.1.clone()).unwrap_or_else(|| local_name(id).to_owned());
            b.net.node(id, &kind_of(id), &label);
        }
    };
    for t in &triples {
        add(&mut b, &subject_text(&t.subject));
        match &t.object {
            Term::NamedNode(n) if t.predicate.as_str() != rdf_type && !wikidata_link(t.predicate.as_str(), n.as_str()) => {
                add(&mut b, n.as_str())
            }
            Term::BlankNode(n) => add(&mut b, &n.to_string()),
            _ => {}
        }
    }
    for t in &triples {
        let s = subject_text(&t.subject);
        let p = t.predicate.as_str();
        if p == rdf_type {
            continue;
        }
        match &t.object {
            Term::NamedNode(_) | Term::Literal(_) => object(&mut b, &s, p, &t.object, true),
            other => {
                if let (Some(sx), Some(ox)) = (b.net.find(&s), b.net.find(&other.to_string())) {
                    b.net.edge(sx, ox, &short(p)).weight = 1.0;
                }
            }
        }
    }
    Ok(b.finish())
}

/// Whether the triple links to Wikidata: an identifier, not a node.
fn wikidata_link(predicate: &str, target: &str) -> bool {
    predicate == owl::SAME_AS.as_str() && target.contains("wikidata.org/")
}

fn subject_text(s: &NamedOrBlankNode) -> String {
    match s {
        NamedOrBlankNode::NamedNode(n) => n.as_str().to_owned(),
        other => other.to_string(),
    }
}
