//! A VoID description of the store: size, entities per class, triples per
//! property, the vocabularies used, the links to Wikidata, and where the
//! SPARQL endpoint and the dumps are. Served at `/void`; also written by
//! `unkg export --void`.

use super::http::{self, HttpError, HttpResult};
use super::negotiate;
use super::{url_params, write, App, CANONICAL_BASE};
use crate::error::{Context, Error, Result};
use crate::rdf::vocab::{dcterms, formats, owl, rdf, void, ID, PREFIXES, WIKIDATA, WIKIDATA_ENTITY};
use crate::store::KgStore;
use oxhttp::model::{Body, Request};
use oxigraph::io::RdfFormat;
use oxigraph::model::{Literal, NamedNode, Term, Triple};
use std::collections::BTreeSet;

fn select(store: &KgStore, query: &str) -> Result<Vec<Vec<Option<Term>>>> {
    let mut rows = Vec::new();
    for s in store.select(crate::query::prepare(query, "<void>")?, "<void>")? {
        let s = s?;
        rows.push(s.values().to_vec());
    }
    Ok(rows)
}

fn count(term: &Option<Term>) -> i64 {
    match term {
        Some(Term::Literal(l)) => l.value().parse().unwrap_or(0),
        _ => 0,
    }
}

/// What the VoID description counts.
struct Counts {
    /// Quads in the store.
    quads: u64,
    /// Distinct typed subjects under unkg's IRIs.
    entities: u64,
    /// Distinct subjects per class, in the order of the classes' IRIs.
    classes: Vec<(NamedNode, u64)>,
    /// Quads per property over the named graphs, in the order of the IRIs.
    properties: Vec<(NamedNode, u64)>,
    /// `owl:sameAs` links to Wikidata.
    links: u64,
}

impl Counts {
    /// The counts the build kept ([`KgStore::totals`]): no more reading
    /// than the graphs' summaries.
    fn kept(store: &KgStore) -> Result<Counts> {
        let totals = store.totals()?;
        let named = |map: &std::collections::BTreeMap<String, u64>| -> Vec<(NamedNode, u64)> {
            map.iter().filter(|(_, n)| **n > 0).map(|(iri, n)| (NamedNode::new_unchecked(iri.as_str()), *n)).collect()
        };
        Ok(Counts {
            quads: totals.named.quads + totals.default_quads,
            entities: totals.named.entities,
            classes: named(&totals.named.classes),
            properties: named(&totals.named.properties),
            links: totals.named.wikidata_links,
        })
    }

    /// The counts by SPARQL over every quad: for a store that SPARQL
    /// updates may have changed since its build.
    fn counted(store: &KgStore) -> Result<Counts> {
        let pairs = |rows: Vec<Vec<Option<Term>>>| -> Vec<(NamedNode, u64)> {
            rows.iter()
                .filter_map(|row| match row.first() {
                    Some(Some(Term::NamedNode(iri))) => Some((iri.clone(), row.get(1).map_or(0, count) as u64)),
                    _ => None,
                })
                .collect()
        };
        let first = |rows: Vec<Vec<Option<Term>>>| rows.first().and_then(|r| r.first()).map_or(0, count) as u64;
        Ok(Counts {
            quads: store.len()? as u64,
            entities: first(select(store, &format!("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?c FILTER(STRSTARTS(STR(?s), \"{ID}\")) }}"))?),
            classes: pairs(select(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c")?),
            properties: pairs(select(store, "SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p ORDER BY ?p")?),
            links: first(select(
                store,
                &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s {} ?o FILTER(STRSTARTS(STR(?o), \"{WIKIDATA_ENTITY}\")) }} }}", owl::SAME_AS),
            )?),
        })
    }
}

/// The VoID triples of `store`, published under `base` (ends with `/`):
/// the dataset is `{base}void#dataset`, the endpoint `{base}sparql`. The
/// counts are those the build kept, or, with `counted`, counted afresh
/// over every quad (a store that accepts SPARQL updates).
pub fn void_triples(store: &KgStore, base: &str, counted: bool) -> Result<Vec<Triple>> {
    let n = |iri: &str| NamedNode::new_unchecked(iri);
    let ds = n(&format!("{base}void#dataset"));
    let int = |i: i64| Literal::from(i);
    let mut t = vec![
        Triple::new(ds.clone(), rdf::TYPE, void::DATASET),
        Triple::new(ds.clone(), dcterms::TITLE, Literal::new_language_tagged_literal_unchecked("unkg: UN speeches knowledge graph", "en")),
        Triple::new(
            ds.clone(),
            dcterms::DESCRIPTION,
            Literal::new_language_tagged_literal_unchecked(
                "Speeches at UN meetings: who spoke for whom at which meeting, and every state, organisation, person, resolution, document, place and event each speech mentions, with the quoted characters.",
                "en",
            ),
        ),
        Triple::new(ds.clone(), void::SPARQL_ENDPOINT, n(&format!("{base}sparql"))),
        Triple::new(ds.clone(), void::DATA_DUMP, n(&format!("{base}store"))),
        Triple::new(ds.clone(), void::URI_SPACE, Literal::new_simple_literal(format!("{base}id/"))),
        Triple::new(ds.clone(), void::ROOT_RESOURCE, n(&format!("{base}ontology"))),
    ];
    for f in [formats::TURTLE, formats::N_TRIPLES, formats::N_QUADS, formats::JSON_LD, formats::RDF_XML, formats::TRIG] {
        t.push(Triple::new(ds.clone(), void::FEATURE, f));
    }
    let counts = if counted { Counts::counted(store)? } else { Counts::kept(store)? };
    t.push(Triple::new(ds.clone(), void::TRIPLES, int(counts.quads as i64)));
    t.push(Triple::new(ds.clone(), void::ENTITIES, int(counts.entities as i64)));

    let mut namespaces = BTreeSet::new();
    let mut note = |iri: &str| {
        if let Some((_, ns)) = PREFIXES.iter().find(|(_, ns)| iri.starts_with(ns)) {
            namespaces.insert(*ns);
        }
    };
    t.push(Triple::new(ds.clone(), void::CLASSES, int(counts.classes.len() as i64)));
    for (i, (c, entities)) in counts.classes.iter().enumerate() {
        note(c.as_str());
        let part = n(&format!("{base}void#class-{}", i + 1));
        t.push(Triple::new(ds.clone(), void::CLASS_PARTITION, part.clone()));
        t.push(Triple::new(part.clone(), void::CLASS, c.clone()));
        t.push(Triple::new(part, void::ENTITIES, int(*entities as i64)));
    }
    t.push(Triple::new(ds.clone(), void::PROPERTIES, int(counts.properties.len() as i64)));
    for (i, (p, triples)) in counts.properties.iter().enumerate() {
        note(p.as_str());
        let part = n(&format!("{base}void#property-{}", i + 1));
        t.push(Triple::new(ds.clone(), void::PROPERTY_PARTITION, part.clone()));
        t.push(Triple::new(part.clone(), void::PROPERTY, p.clone()));
        t.push(Triple::new(part, void::TRIPLES, int(*triples as i64)));
    }
    for ns in namespaces {
        t.push(Triple::new(ds.clone(), void::VOCABULARY, n(ns)));
    }

    let linkset = n(&format!("{base}void#wikidata-links"));
    t.push(Triple::new(ds.clone(), void::SUBSET, linkset.clone()));
    t.push(Triple::new(linkset.clone(), rdf::TYPE, void::LINKSET));
    t.push(Triple::new(linkset.clone(), void::LINK_PREDICATE, owl::SAME_AS));
    t.push(Triple::new(linkset.clone(), void::SUBJECTS_TARGET, ds.clone()));
    t.push(Triple::new(linkset.clone(), void::OBJECTS_TARGET, WIKIDATA));
    t.push(Triple::new(linkset, void::TRIPLES, int(counts.links as i64)));
    Ok(t)
}

/// Writes the VoID description of `store` as Turtle, for the canonical base.
pub fn write_void(store: &KgStore, out: &mut dyn std::io::Write) -> Result<()> {
    let triples = void_triples(store, CANONICAL_BASE, false)?;
    let bytes = write::rdf_bytes(RdfFormat::Turtle, &triples).map_err(|e| Error::output("<output>", std::io::Error::other(e.message().to_owned())))?;
    out.write_all(&bytes).writing("<output>")
}

/// `GET /void`.
pub(crate) fn respond(app: &App, request: &Request<Body>) -> HttpResult {
    let params = url_params(request);
    let out = negotiate::choose(negotiate::RESOURCE, params.one("format")?.as_deref(), http::accept(request).as_deref())?;
    let compute = || -> Result<Vec<u8>, HttpError> {
        let triples = void_triples(&app.store, &app.opts.base, app.opts.allow_update).map_err(|e| HttpError::new(500, format!("VoID: {e}")))?;
        write::rdf_bytes(RdfFormat::Turtle, &triples)
    };
    // A read-only store never changes: count once.
    let ttl = if app.opts.allow_update {
        compute()?
    } else {
        match app.void_cache.get() {
            Some(t) => t.clone(),
            None => {
                let t = compute()?;
                let _ = app.void_cache.set(t.clone());
                t
            }
        }
    };
    let text = String::from_utf8_lossy(&ttl).into_owned();
    super::documents::static_rdf_with(out, app, &text, "VoID description")
}
