//! `unkg validate` on the sample store, and pyshacl (a SHACL engine nobody
//! here wrote) agreeing with it, on unkg's shapes and on shapes made to fail.

mod common;

use common::{build, samples, unkg};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn sample_store(dir: &Path) -> PathBuf {
    let store = dir.join("store");
    let (code, err) = build(&store, &[&samples()]);
    assert_eq!(code, 0, "{err}");
    store
}

const FAILING: &str = r#"
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix unkg: <https://w3id.org/unkg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .

<urn:test:Speech> a sh:NodeShape ; sh:targetClass unkg:Speech ;
    sh:property [ sh:path unkg:meeting ; sh:minCount 1 ] ,
                [ sh:path unkg:speaksFor ; sh:class unkg:Organisation ] ,
                [ sh:path unkg:speaker ; sh:nodeKind sh:Literal ] .
<urn:test:Mention> a sh:NodeShape ; sh:targetSubjectsOf nif:referenceContext ;
    sh:property [ sh:path nif:beginIndex ; sh:datatype xsd:nonNegativeInteger ] ,
                [ sh:path nif:anchorOf ; sh:pattern "^[A-M]" ] .
<urn:test:Entity> a sh:NodeShape ; sh:targetObjectsOf itsrdf:taIdentRef ; sh:pattern "/state/" ;
    sh:property [ sh:path [ sh:inversePath schema:mentions ] ; sh:maxCount 1 ] .
<urn:test:France> a sh:NodeShape ; sh:targetNode <https://w3id.org/unkg/id/state/FRA> ;
    sh:property [ sh:path skos:prefLabel ; sh:hasValue "Frankreich" ] .
"#;

/// (focus, path, component) of each violation unkg reports.
fn unkg_results(store: &Path, shapes: &Path) -> (bool, BTreeSet<(String, String, String)>) {
    let out = unkg().args(["validate", "--format", "json", "--store"]).arg(store).arg("--shapes").arg(shapes).output().expect("run unkg validate");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    let conforms = report["conforms"].as_bool().expect("conforms");
    assert_eq!(out.status.code(), Some(if conforms { 0 } else { 1 }));
    let rows = report["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|v| {
            let s = |k: &str| v[k].as_str().unwrap_or("").to_owned();
            (s("focus"), s("path"), s("component"))
        })
        .collect();
    (conforms, rows)
}

#[test]
fn the_sample_store_conforms_to_unkgs_shapes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = sample_store(dir.path());
    let out = unkg().args(["validate", "--store"]).arg(&store).output().expect("run unkg validate");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{}\n{err}", String::from_utf8_lossy(&out.stdout));
    assert!(err.contains(": conforms: 0 violations"), "{err}");
}

#[test]
fn violations_are_found_and_reported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = sample_store(dir.path());
    let shapes = dir.path().join("failing.ttl");
    std::fs::write(&shapes, FAILING).expect("write shapes");
    let (conforms, rows) = unkg_results(&store, &shapes);
    assert!(!conforms);
    let count = |c: &str| rows.iter().filter(|r| r.2.ends_with(c)).count();
    assert_eq!(count("MinCountConstraintComponent"), 5, "no sample speech has a meeting");
    assert!(count("DatatypeConstraintComponent") > 100);
    for c in ["Class", "NodeKind", "Pattern", "MaxCount", "HasValue"] {
        assert!(count(&format!("{c}ConstraintComponent")) > 0, "{c}: {rows:?}");
    }
    let turtle = unkg().args(["validate", "--format", "turtle", "--store"]).arg(&store).arg("--shapes").arg(&shapes).output().expect("run");
    assert!(String::from_utf8_lossy(&turtle.stdout).contains("sh:conforms false"));
    // Shapes outside the supported subset are refused, not half checked.
    let closed = dir.path().join("closed.ttl");
    std::fs::write(&closed, "@prefix sh: <http://www.w3.org/ns/shacl#> .\n<urn:s> sh:targetNode <urn:x> ; sh:closed true .\n").expect("write");
    let out = unkg().args(["validate", "--store"]).arg(&store).arg("--shapes").arg(&closed).output().expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sh:closed is not supported"));
}

fn python() -> Option<PathBuf> {
    let p = std::env::var_os("UNKG_PYTHON").map(PathBuf::from).or_else(|| {
        let venv = Path::new(&std::env::var_os("HOME")?).join(".cache/unkg/venv/bin/python");
        venv.exists().then_some(venv)
    });
    if p.is_none() {
        println!("skipped: no Python with pyshacl (set UNKG_PYTHON)");
    }
    p
}

const PYSHACL: &str = r#"
import sys, json, rdflib
from pyshacl import validate
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
data = rdflib.Graph().parse(sys.argv[1], format="turtle")
out = {}
for name in sys.argv[2:]:
    shapes = rdflib.Graph().parse(name, format="turtle")
    conforms, report, _ = validate(data, shacl_graph=shapes, inference="none")
    rows = set()
    for r in report.subjects(rdflib.RDF.type, SH.ValidationResult):
        path = report.value(r, SH.resultPath)
        if isinstance(path, rdflib.BNode):
            path = "^" + str(report.value(path, SH.inversePath))
        rows.add((str(report.value(r, SH.focusNode)), "" if path is None else str(path), str(report.value(r, SH.sourceConstraintComponent))))
    out[name] = {"conforms": conforms, "results": sorted(rows)}
print(json.dumps(out))
"#;

#[test]
fn pyshacl_agrees() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let store = sample_store(dir.path());
    let data = dir.path().join("data.ttl");
    let out = unkg().args(["export", "--format", "turtle", "--store"]).arg(&store).arg("-o").arg(&data).output().expect("export");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let failing = dir.path().join("failing.ttl");
    std::fs::write(&failing, FAILING).expect("write shapes");
    let ours = Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology/shapes.ttl");
    let out = Command::new(py).arg("-c").arg(PYSHACL).arg(&data).arg(&ours).arg(&failing).output().expect("run pyshacl");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let theirs: serde_json::Value = serde_json::from_slice(&out.stdout).expect("pyshacl JSON");
    for shapes in [&ours, &failing] {
        let t = &theirs[shapes.to_string_lossy().as_ref()];
        let their_rows: BTreeSet<(String, String, String)> = t["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| (r[0].as_str().unwrap_or("").to_owned(), r[1].as_str().unwrap_or("").to_owned(), r[2].as_str().unwrap_or("").to_owned()))
            .collect();
        let (conforms, our_rows) = unkg_results(&store, shapes);
        assert_eq!(Some(conforms), t["conforms"].as_bool(), "{}", shapes.display());
        let only_ours: Vec<_> = our_rows.difference(&their_rows).take(5).collect();
        let only_theirs: Vec<_> = their_rows.difference(&our_rows).take(5).collect();
        assert!(only_ours.is_empty() && only_theirs.is_empty(), "{}: only unkg {only_ours:?}; only pyshacl {only_theirs:?}", shapes.display());
    }
}
