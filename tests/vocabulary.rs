//! Every term is written once, in `src/rdf/vocab.rs`: no IRI literal
//! elsewhere in `src/`, and no unkg term the ontology does not declare.

use std::path::{Path, PathBuf};

/// Files that may still hold IRI literals, each with why.
const ALLOWED: &[(&str, &str)] = &[
    // The vocabulary itself: the one place terms are written.
    ("src/rdf/vocab.rs", "the vocabulary"),
    // GraphML's XML namespace and schema location: not RDF terms.
    ("src/network/graphml.rs", "GraphML's XML namespace"),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The IRIs written in a line's string literals: `http://` or `https://`
/// followed by something (a bare scheme, as in a check that a URL is one,
/// names no term, nor does an address built from a value, `http://{bind}/`).
fn iri_literals(line: &str) -> Vec<String> {
    let code = line.trim_start();
    // Documentation and comments may show an IRI to the reader.
    if code.starts_with("//") {
        return Vec::new();
    }
    let mut found = Vec::new();
    for scheme in ["http://", "https://"] {
        let mut rest = code;
        while let Some(at) = rest.find(scheme) {
            let after = &rest[at + scheme.len()..];
            if after.chars().next().is_some_and(|c| c != '"' && c != '{' && !c.is_whitespace()) {
                found.push(format!("{scheme}{}", after.split(['"', ' ', '>']).next().unwrap_or("")));
            }
            rest = after;
        }
    }
    found
}

#[test]
fn no_iri_literal_outside_the_vocabulary() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut offences = Vec::new();
    for file in &files {
        let rel = file.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if ALLOWED.iter().any(|(allowed, _)| *allowed == rel) {
            continue;
        }
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            // Unit tests pin the IRIs the code mints, which is their point.
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            for iri in iri_literals(line) {
                offences.push(format!("{rel}:{}: {iri}", n + 1));
            }
        }
    }
    assert!(offences.is_empty(), "IRIs outside src/rdf/vocab.rs (use its constants):\n{}", offences.join("\n"));
}

#[test]
fn the_scanner_finds_iris_and_skips_comments() {
    assert_eq!(iri_literals(r#"let p = "https://schema.org/url";"#), ["https://schema.org/url"]);
    assert_eq!(iri_literals(r#"format!("?s <http://x.org/a#b> ?o")"#), ["http://x.org/a#b"]);
    assert!(iri_literals(r#"/// `https://w3id.org/unkg/id/`"#).is_empty());
    assert!(iri_literals(r#"url.starts_with("http://") || url.starts_with("https://")"#).is_empty());
    assert!(iri_literals(r#"eprintln!("listening at http://{bind}/sparql")"#).is_empty());
}

/// Every `unkg:` IRI the vocabulary's constants, the extractors and the
/// speaker roles write is declared in `ontology/unkg.ttl` (the in-crate
/// test of `rdf::vocab` checks labels and comments too).
#[test]
fn every_unkg_term_is_declared_in_the_ontology() {
    use oxigraph::model::vocab::rdf;
    use unkg::rdf::vocab::{class, council, individual, prop, UNKG};
    let store = oxigraph::store::Store::new().unwrap();
    store.load_from_slice(oxigraph::io::RdfFormat::Turtle, unkg::rdf::ONTOLOGY_TTL).unwrap();
    let terms = class::ALL.iter().chain(prop::ALL).chain(individual::ALL).chain(council::ALL);
    let mut undeclared = Vec::new();
    for term in terms {
        assert!(term.as_str().starts_with(UNKG), "{term}");
        if store.quads_for_pattern(Some((*term).into()), Some(rdf::TYPE), None, None).next().is_none() {
            undeclared.push(term.to_string());
        }
    }
    assert!(undeclared.is_empty(), "not declared in ontology/unkg.ttl: {undeclared:?}");
}

/// Every extractor a mention names is an individual of the ontology, with
/// a label and a comment.
#[test]
fn every_extractor_is_declared_in_the_ontology() {
    use oxigraph::model::vocab::{rdf, rdfs};
    use unkg::extract::Extractor;
    use unkg::rdf::vocab::class;
    let store = oxigraph::store::Store::new().unwrap();
    store.load_from_slice(oxigraph::io::RdfFormat::Turtle, unkg::rdf::ONTOLOGY_TTL).unwrap();
    for extractor in Extractor::ALL {
        let iri = extractor.iri();
        let has = |p, o: Option<oxigraph::model::TermRef<'_>>| store.quads_for_pattern(Some(iri.as_ref().into()), Some(p), o, None).next().is_some();
        assert!(has(rdf::TYPE, Some(class::EXTRACTOR.into())), "{iri} is not declared a unkg:Extractor");
        assert!(has(rdfs::LABEL, None) && has(rdfs::COMMENT, None), "{iri} has no label or comment");
    }
}
