//! A VoID description of the store: size, entities per class, triples per
//! property, the vocabularies used, the links to Wikidata, and where the
//! SPARQL endpoint and the dumps are. Served at `/void`; also written by
//! `unkg export --void`.

use super::http::{self, HttpError, HttpResult};
use super::negotiate;
use super::{url_params, write, App, CANONICAL_BASE};
use crate::error::{Error, Result};
use crate::rdf::vocab::{DCTERMS, ID, OWL, PREFIXES, RDF};
use crate::store::KgStore;
use oxhttp::model::{Body, Request};
use oxigraph::io::RdfFormat;
use oxigraph::model::{Literal, NamedNode, Term, Triple};
use oxigraph::sparql::QueryResults;
use std::collections::BTreeSet;

const VOID: &str = "http://rdfs.org/ns/void#";
const WIKIDATA: &str = "http://www.wikidata.org/entity/";

fn select(store: &KgStore, query: &str) -> Result<Vec<Vec<Option<Term>>>> {
    let err = |e: &dyn std::fmt::Display| Error::Query { origin: "<void>".into(), message: e.to_string() };
    let results = crate::query::prepare(query, "<void>")?.on_store(store.store()).execute().map_err(|e| err(&e))?;
    let mut rows = Vec::new();
    if let QueryResults::Solutions(solutions) = results {
        let n = solutions.variables().len();
        for s in solutions {
            let s = s.map_err(|e| err(&e))?;
            rows.push((0..n).map(|i| s.get(i).cloned()).collect());
        }
    }
    Ok(rows)
}

fn count(term: &Option<Term>) -> i64 {
    match term {
        Some(Term::Literal(l)) => l.value().parse().unwrap_or(0),
        _ => 0,
    }
}

/// The VoID triples of `store`, published under `base` (ends with `/`):
/// the dataset is `{base}void#dataset`, the endpoint `{base}sparql`.
pub fn void_triples(store: &KgStore, base: &str) -> Result<Vec<Triple>> {
    let n = |iri: &str| NamedNode::new_unchecked(iri);
    let v = |local: &str| n(&format!("{VOID}{local}"));
    let ds = n(&format!("{base}void#dataset"));
    let int = |i: i64| Literal::from(i);
    let mut t = vec![
        Triple::new(ds.clone(), n(&format!("{RDF}type")), v("Dataset")),
        Triple::new(ds.clone(), n(&format!("{DCTERMS}title")), Literal::new_language_tagged_literal_unchecked("unkg: UN speeches knowledge graph", "en")),
        Triple::new(
            ds.clone(),
            n(&format!("{DCTERMS}description")),
            Literal::new_language_tagged_literal_unchecked(
                "Speeches at UN meetings: who spoke for whom at which meeting, and every state, organisation, person, resolution, document, place and event each speech mentions, with the quoted characters.",
                "en",
            ),
        ),
        Triple::new(ds.clone(), v("sparqlEndpoint"), n(&format!("{base}sparql"))),
        Triple::new(ds.clone(), v("dataDump"), n(&format!("{base}store"))),
        Triple::new(ds.clone(), v("uriSpace"), Literal::new_simple_literal(format!("{base}id/"))),
        Triple::new(ds.clone(), v("rootResource"), n(&format!("{base}ontology"))),
    ];
    for f in ["Turtle", "N-Triples", "N-Quads", "JSON-LD", "RDF_XML", "TriG"] {
        t.push(Triple::new(ds.clone(), v("feature"), n(&format!("http://www.w3.org/ns/formats/{f}"))));
    }
    let quads = store.store().len().map_err(|e| Error::store(store.path(), e))?;
    t.push(Triple::new(ds.clone(), v("triples"), int(quads as i64)));
    let entities = select(store, &format!("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a ?c FILTER(STRSTARTS(STR(?s), \"{ID}\")) }}"))?;
    t.push(Triple::new(ds.clone(), v("entities"), int(entities.first().map_or(0, |r| count(&r[0])))));

    let mut namespaces = BTreeSet::new();
    let mut note = |iri: &str| {
        if let Some((_, ns)) = PREFIXES.iter().find(|(_, ns)| iri.starts_with(ns)) {
            namespaces.insert(*ns);
        }
    };
    let classes = select(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c")?;
    t.push(Triple::new(ds.clone(), v("classes"), int(classes.len() as i64)));
    for (i, row) in classes.iter().enumerate() {
        let Some(Term::NamedNode(c)) = &row[0] else { continue };
        note(c.as_str());
        let part = n(&format!("{base}void#class-{}", i + 1));
        t.push(Triple::new(ds.clone(), v("classPartition"), part.clone()));
        t.push(Triple::new(part.clone(), v("class"), c.clone()));
        t.push(Triple::new(part, v("entities"), int(count(&row[1]))));
    }
    let properties = select(store, "SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p ORDER BY ?p")?;
    t.push(Triple::new(ds.clone(), v("properties"), int(properties.len() as i64)));
    for (i, row) in properties.iter().enumerate() {
        let Some(Term::NamedNode(p)) = &row[0] else { continue };
        note(p.as_str());
        let part = n(&format!("{base}void#property-{}", i + 1));
        t.push(Triple::new(ds.clone(), v("propertyPartition"), part.clone()));
        t.push(Triple::new(part.clone(), v("property"), p.clone()));
        t.push(Triple::new(part, v("triples"), int(count(&row[1]))));
    }
    for ns in namespaces {
        t.push(Triple::new(ds.clone(), v("vocabulary"), n(ns)));
    }

    let links = select(
        store,
        &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s owl:sameAs ?o FILTER(STRSTARTS(STR(?o), \"{WIKIDATA}\")) }} }}"),
    )?;
    let linkset = n(&format!("{base}void#wikidata-links"));
    t.push(Triple::new(ds.clone(), v("subset"), linkset.clone()));
    t.push(Triple::new(linkset.clone(), n(&format!("{RDF}type")), v("Linkset")));
    t.push(Triple::new(linkset.clone(), v("linkPredicate"), n(&format!("{OWL}sameAs"))));
    t.push(Triple::new(linkset.clone(), v("subjectsTarget"), ds.clone()));
    t.push(Triple::new(linkset.clone(), v("objectsTarget"), n("http://www.wikidata.org/")));
    t.push(Triple::new(linkset, v("triples"), int(links.first().map_or(0, |r| count(&r[0])))));
    Ok(t)
}

/// Writes the VoID description of `store` as Turtle, for the canonical base.
pub fn write_void(store: &KgStore, out: &mut dyn std::io::Write) -> Result<()> {
    let triples = void_triples(store, CANONICAL_BASE)?;
    let bytes = write::rdf_bytes(RdfFormat::Turtle, &triples).map_err(|e| Error::Usage(e.message().to_owned()))?;
    out.write_all(&bytes).map_err(|e| Error::io("<output>", e))
}

/// `GET /void`.
pub(crate) fn respond(app: &App, request: &Request<Body>) -> HttpResult {
    let params = url_params(request);
    let out = negotiate::choose(negotiate::RESOURCE, params.one("format")?.as_deref(), http::accept(request).as_deref())?;
    let compute = || -> Result<Vec<u8>, HttpError> {
        let triples = void_triples(&app.store, &app.opts.base).map_err(|e| HttpError::new(500, format!("VoID: {e}")))?;
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
    super::resource::static_rdf_with(out, app, &text, "VoID description")
}
