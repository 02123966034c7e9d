//! Reading what the views need out of the store, one predicate at a time:
//! a scan of the predicate index is much faster than a SPARQL join over
//! the union of thousands of named graphs, and the views join in Rust.

use super::filter::Filter;
use crate::error::{Error, Result};
use crate::rdf::vocab::class::local as class;
use crate::rdf::vocab::{dcterms, itsrdf, nif, owl, prop, rdfs, schema, skos, UNKG};
use crate::store::KgStore;
use oxigraph::model::{NamedNodeRef, Term};
use std::collections::{BTreeSet, HashMap};

/// The classes that become nodes, most specific first: a node typed both
/// Delegate and Person is a Delegate, a Resolution is not called a Document.
pub const NODE_CLASSES: &[&str] = &[
    class::SPEECH,
    class::MEETING,
    class::RESOLUTION,
    class::DOCUMENT,
    class::STATE,
    class::ORGANISATION,
    class::PLACE,
    class::DELEGATE,
    class::PERSON,
    class::ATTACK,
    class::GATHERING,
    class::EVENT,
];

/// The classes a speech can mention.
pub const ENTITY_CLASSES: &[&str] =
    &[class::STATE, class::ORGANISATION, class::PERSON, class::RESOLUTION, class::DOCUMENT, class::PLACE];

/// One speech, with what the views join on.
#[derive(Debug, Clone)]
pub struct Speech {
    /// The speech's IRI.
    pub iri: String,
    /// Its date, where known.
    pub date: Option<String>,
    /// The meeting's IRI.
    pub meeting: Option<String>,
    /// The speaker's IRI.
    pub speaker: Option<String>,
    /// The state or organisation spoken for.
    pub principal: Option<String>,
}

/// Read access to a store for the views, with the store's path for errors.
pub struct Source<'a> {
    store: &'a KgStore,
}

impl<'a> Source<'a> {
    /// Reads from `store`.
    pub fn new(store: &'a KgStore) -> Self {
        Source { store }
    }

    /// The underlying store.
    pub fn store(&self) -> &KgStore {
        self.store
    }

    /// Runs a SELECT query and calls `f` with each row's terms, in the
    /// order of `vars`. SPARQL rather than a scan of quads: the evaluator
    /// drops duplicate rows (a triple repeated in many speech graphs) while
    /// terms are still numbers, so far fewer strings are decoded.
    pub fn select(&self, query: &str, vars: &[&str], mut f: impl FnMut(&[Option<&Term>])) -> Result<()> {
        let origin = "unkg graphml";
        // The queries are generated: an error shows which.
        let with_query = |e: Error| match e {
            Error::Query(e) => Error::Query(e.with_text(query)),
            other => other,
        };
        let rows = self.store.select(crate::query::prepare(query, origin)?, origin).map_err(with_query)?;
        for solution in rows {
            let solution = solution.map_err(with_query)?;
            let row: Vec<Option<&Term>> = vars.iter().map(|v| solution.get(*v)).collect();
            f(&row);
        }
        Ok(())
    }

    /// Calls `f(subject, object)` for every distinct triple with `predicate`.
    pub fn scan(&self, predicate: NamedNodeRef<'_>, mut f: impl FnMut(&str, &Term)) -> Result<()> {
        let query = format!("SELECT DISTINCT ?s ?o WHERE {{ ?s {predicate} ?o }}");
        self.select(&query, &["s", "o"], |row| {
            if let [Some(s), Some(o)] = row {
                f(&term_text(s), o);
            }
        })
    }

    /// Subject to object IRIs (or literal values) of `predicate`, deduplicated
    /// and sorted, so that "the first value" is the same every run.
    pub fn map(&self, predicate: NamedNodeRef<'_>) -> Result<HashMap<String, BTreeSet<String>>> {
        let mut out: HashMap<String, BTreeSet<String>> = HashMap::new();
        self.scan(predicate, |s, o| {
            out.entry(s.to_owned()).or_default().insert(term_text(o));
        })?;
        Ok(out)
    }

    /// Every subject typed with one of the node classes, with its most
    /// specific class.
    pub fn types(&self) -> Result<HashMap<String, &'static str>> {
        let values: Vec<String> = NODE_CLASSES.iter().map(|c| format!("<{UNKG}{c}>")).collect();
        let query = format!("SELECT DISTINCT ?s ?t WHERE {{ VALUES ?t {{ {} }} ?s a ?t }}", values.join(" "));
        let mut out: HashMap<String, &'static str> = HashMap::new();
        let rank = |c: &str| NODE_CLASSES.iter().position(|x| *x == c);
        self.select(&query, &["s", "t"], |row| {
            let [Some(Term::NamedNode(s)), Some(Term::NamedNode(t))] = row else { return };
            let Some(r) = t.as_str().strip_prefix(UNKG).and_then(rank) else { return };
            let slot = out.entry(s.as_str().to_owned()).or_insert(NODE_CLASSES[r]);
            if rank(slot).is_some_and(|old| r < old) {
                *slot = NODE_CLASSES[r];
            }
        })?;
        Ok(out)
    }

    /// The speeches passing `filter`, sorted by IRI.
    pub fn speeches(&self, filter: &Filter) -> Result<Vec<Speech>> {
        let types = self.class_members(class::SPEECH)?;
        let dates = self.map(dcterms::DATE)?;
        let meetings = self.map(prop::MEETING)?;
        let speakers = self.map(prop::SPEAKER)?;
        let principals = self.map(prop::SPEAKS_FOR)?;
        let topics = if filter.topic.is_some() { self.map(prop::TOPIC)? } else { HashMap::new() };
        let first = |m: &HashMap<String, BTreeSet<String>>, k: &str| m.get(k).and_then(|v| v.iter().next().cloned());
        let mut out = Vec::new();
        for iri in types {
            let meeting = first(&meetings, &iri);
            let s = Speech {
                // A General Debate speech is dated by its session's year only.
                date: first(&dates, &iri).or_else(|| meeting.as_deref().and_then(|m| first(&dates, m))),
                meeting,
                speaker: first(&speakers, &iri),
                principal: first(&principals, &iri),
                iri,
            };
            if !filter.date_ok(s.date.as_deref()) {
                continue;
            }
            if filter.topic.is_some() {
                let t = s.meeting.as_ref().and_then(|m| topics.get(m));
                if !t.is_some_and(|t| t.iter().any(|t| filter.topic_ok(t))) {
                    continue;
                }
            }
            out.push(s);
        }
        Ok(out)
    }

    /// The IRIs typed `unkg:<local>`, sorted.
    pub fn class_members(&self, local: &str) -> Result<BTreeSet<String>> {
        let mut out = BTreeSet::new();
        self.select(&format!("SELECT DISTINCT ?s WHERE {{ ?s a <{UNKG}{local}> }}"), &["s"], |row| {
            if let [Some(Term::NamedNode(s))] = row {
                out.insert(s.as_str().to_owned());
            }
        })?;
        Ok(out)
    }

    /// Speech to the entities it mentions (`schema:mentions`), deduplicated.
    pub fn mentioned(&self) -> Result<HashMap<String, BTreeSet<String>>> {
        self.map(schema::MENTIONS)
    }

    /// (speech, entity) to the number of mention spans: the weight of the
    /// collapsed mention nodes.
    pub fn mention_spans(&self) -> Result<HashMap<(String, String), u64>> {
        let mut context: HashMap<String, String> = HashMap::new();
        self.scan(nif::REFERENCE_CONTEXT, |m, s| {
            context.insert(m.to_owned(), term_text(s));
        })?;
        let mut out: HashMap<(String, String), u64> = HashMap::new();
        self.scan(itsrdf::TA_IDENT_REF, |m, e| {
            if let Some(speech) = context.get(m) {
                *out.entry((speech.clone(), term_text(e))).or_default() += 1;
            }
        })?;
        Ok(out)
    }

    /// Labels, codes and links of resources, for node attributes. The
    /// reads are independent and decoding strings is what costs, so they
    /// run in parallel.
    pub fn catalog(&self) -> Result<Catalog> {
        use rayon::prelude::*;
        let predicates = [
            skos::PREF_LABEL,
            rdfs::LABEL,
            prop::ALPHA3,
            prop::RESOLUTION_NUMBER,
            prop::SYMBOL,
            owl::SAME_AS,
            dcterms::DATE,
            prop::TOPIC,
        ];
        let (types, maps) = rayon::join(|| self.types(), || predicates.par_iter().map(|p| self.map(*p)).collect::<Result<Vec<_>>>());
        let mut maps = maps?.into_iter();
        let mut next = || maps.next().unwrap_or_default();
        Ok(Catalog {
            types: types?,
            pref: next(),
            label: next(),
            iso3: next(),
            number: next(),
            symbol: next(),
            wikidata: next(),
            date: next(),
            topic: next(),
        })
    }
}

/// What the store says about each resource that a view shows as a node.
pub struct Catalog {
    /// Most specific node class.
    pub types: HashMap<String, &'static str>,
    pref: HashMap<String, BTreeSet<String>>,
    label: HashMap<String, BTreeSet<String>>,
    iso3: HashMap<String, BTreeSet<String>>,
    number: HashMap<String, BTreeSet<String>>,
    symbol: HashMap<String, BTreeSet<String>>,
    wikidata: HashMap<String, BTreeSet<String>>,
    date: HashMap<String, BTreeSet<String>>,
    topic: HashMap<String, BTreeSet<String>>,
}

fn first<'m>(m: &'m HashMap<String, BTreeSet<String>>, k: &str) -> Option<&'m String> {
    m.get(k).and_then(|v| v.iter().next())
}

impl Catalog {
    /// The class of `iri`, or "Resource".
    pub fn kind(&self, iri: &str) -> &'static str {
        self.types.get(iri).copied().unwrap_or("Resource")
    }

    /// What to call `iri`: its preferred label, else its label, else the
    /// end of the IRI.
    pub fn label(&self, iri: &str) -> String {
        first(&self.pref, iri)
            .or_else(|| first(&self.label, iri))
            .cloned()
            .unwrap_or_else(|| local_name(iri).to_owned())
    }

    /// The resource's own date (a speech's, a meeting's, a resolution's adoption).
    pub fn date(&self, iri: &str) -> Option<&String> {
        first(&self.date, iri)
    }

    /// Fills the code attributes of `node` that the store has.
    pub fn describe(&self, node: &mut super::model::Node) {
        use super::model::Value;
        let iri = node.id.clone();
        if let Some(v) = first(&self.iso3, &iri) {
            node.attrs.insert("iso3".into(), Value::Str(v.clone()));
        }
        if let Some(n) = first(&self.number, &iri).and_then(|v| v.parse::<i64>().ok()) {
            node.attrs.insert("resolution_number".into(), Value::Int(n));
        }
        if let Some(v) = first(&self.symbol, &iri) {
            node.attrs.insert("symbol".into(), Value::Str(v.clone()));
        }
        if let Some(v) = self.wikidata.get(&iri).and_then(|v| v.iter().find(|v| v.contains("wikidata.org"))) {
            node.attrs.insert("wikidata".into(), Value::Str(local_name(v).to_owned()));
        }
        if let Some(d) = first(&self.date, &iri) {
            node.attrs.insert("date".into(), Value::Str(d.clone()));
            if node.kind == class::RESOLUTION {
                if let Some(y) = d.get(..4).and_then(|y| y.parse::<i64>().ok()) {
                    node.attrs.insert("adoption_year".into(), Value::Int(y));
                }
            }
        }
        if let Some(t) = self.topic.get(&iri) {
            let t: Vec<&str> = t.iter().map(String::as_str).collect();
            node.attrs.insert("topic".into(), Value::Str(t.join(" | ")));
        }
    }
}

/// An IRI's or literal's text.
pub fn term_text(t: &Term) -> String {
    match t {
        Term::NamedNode(n) => n.as_str().to_owned(),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    }
}

/// What follows the last `/` or `#` of an IRI.
pub fn local_name(iri: &str) -> &str {
    iri.rsplit(['/', '#']).next().unwrap_or(iri)
}
