//! `unkg graphml`: every view read back with networkx's GraphML reader,
//! its node and edge counts compared with SPARQL counts of the same thing.

mod common;

use common::{build, query, samples, shared, unkg};
use std::path::{Path, PathBuf};

/// The Python with networkx: `$UNKG_PYTHON`, else the CI venv, else none
/// (with the reason printed).
fn python() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("UNKG_PYTHON") {
        return Some(PathBuf::from(p));
    }
    let venv = std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/unkg/venv/bin/python"));
    match venv {
        Some(p) if p.exists() => Some(p),
        _ => {
            println!("skipped: no UNKG_PYTHON and no ~/.cache/unkg/venv (networkx is needed to read GraphML back)");
            None
        }
    }
}

/// Reads `file` with networkx and reports counts, attribute types and how
/// far our PageRank is from networkx's, as JSON.
const READER: &str = r#"
import json, sys
import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python
G = nx.read_graphml(sys.argv[1])
types = {}
for _, d in G.nodes(data=True):
    for k, v in d.items():
        types.setdefault(k, set()).add(type(v).__name__)
for e in G.edges(data=True):
    for k, v in e[2].items():
        types.setdefault("edge:" + k, set()).add(type(v).__name__)
pr = _pagerank_python(G, weight="weight", tol=1e-12, max_iter=1000) if len(G) else {}
diff = max((abs(pr[n] - d["pagerank"]) for n, d in G.nodes(data=True)), default=0.0)
labels = {}
for a, b, d in G.edges(data=True):
    labels[d["label"]] = labels.get(d["label"], 0) + 1
weights = {}
if len(sys.argv) > 2:
    for a, b, d in G.edges(data=True):
        weights[a + " " + b] = d["weight"]
degree_ok = all(G.degree(n) == d["degree"] for n, d in G.nodes(data=True))
print(json.dumps({
    "nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "directed": G.is_directed(),
    "types": {k: sorted(v) for k, v in types.items()}, "pagerank_diff": diff, "edge_labels": labels,
    "weights": weights, "degree_ok": degree_ok,
    "node_labels": {n: d.get("label") for n, d in G.nodes(data=True)} if len(sys.argv) > 2 else {},
}))
"#;

fn read_back(py: &Path, file: &Path, with_weights: bool) -> serde_json::Value {
    let mut cmd = std::process::Command::new(py);
    cmd.arg("-c").arg(READER).arg(file);
    if with_weights {
        cmd.arg("weights");
    }
    let out = cmd.output().expect("run python");
    assert!(out.status.success(), "networkx could not read {}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("reader's JSON")
}

/// Runs `unkg graphml` with `args` into `file`; panics with stderr on failure.
fn graphml(store: &Path, file: &Path, args: &[&str]) {
    let out = unkg().arg("graphml").arg("--store").arg(store).args(args).arg("-o").arg(file).output().expect("run unkg graphml");
    assert!(out.status.success(), "unkg graphml {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A SPARQL count (`?n`).
fn count(store: &Path, q: &str) -> u64 {
    let rows = query(store, q);
    rows[0]["n"].parse().expect("a count")
}

const ENTITY: &str = "unkg:State, unkg:Organisation, unkg:Person, unkg:Resolution, unkg:Document, unkg:Place";
const MENTIONS_ENTITY: &str = "unkg:State, unkg:Organisation, unkg:Person, unkg:Resolution, unkg:Place";

/// What each view should hold, counted in SPARQL, with the filter pattern
/// `speech` restricting the speeches (`?s`).
struct Expected {
    nodes: u64,
    edges: u64,
}

fn expected_co_mention(store: &Path, speech: &str) -> Expected {
    let nodes = count(
        store,
        &format!("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?s a unkg:Speech ; schema:mentions ?e . {speech} ?e a ?t FILTER(?t IN ({ENTITY})) }}"),
    );
    let edges = count(
        store,
        &format!(
            "SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?a ?b WHERE {{ ?s a unkg:Speech ; schema:mentions ?a, ?b . {speech} \
             ?a a ?ta . ?b a ?tb . FILTER(?ta IN ({ENTITY}) && ?tb IN ({ENTITY}) && STR(?a) < STR(?b)) }} }}"
        ),
    );
    Expected { nodes, edges }
}

fn check(py: &Path, store: &Path, dir: &Path, name: &str, args: &[&str], want: Expected) -> serde_json::Value {
    let file = dir.join(format!("{name}.graphml"));
    graphml(store, &file, args);
    let got = read_back(py, &file, false);
    assert_eq!(got["nodes"], want.nodes, "{name}: nodes (SPARQL says {})", want.nodes);
    assert_eq!(got["edges"], want.edges, "{name}: edges (SPARQL says {})", want.edges);
    assert!(got["pagerank_diff"].as_f64().unwrap_or(1.0) < 1e-6, "{name}: PageRank differs from networkx's: {}", got["pagerank_diff"]);
    assert_eq!(got["degree_ok"], true, "{name}: degree differs from networkx's");
    // Numbers arrive as numbers, flags as booleans.
    for (key, ty) in [("degree", "int"), ("pagerank", "float"), ("weighted_degree", "float"), ("community", "int"), ("entity", "bool"), ("edge:weight", "float")] {
        if want.nodes > 0 && (want.edges > 0 || !key.starts_with("edge:")) {
            assert_eq!(got["types"][key], serde_json::json!([ty]), "{name}: {key} read as {}", got["types"][key]);
        }
    }
    got
}

/// Every view of the sample speeches, counted both ways.
fn check_all_views(py: &Path, store: &Path, dir: &Path) {
    let co = check(py, store, dir, "co-mention", &["--view", "co-mention"], expected_co_mention(store, ""));
    assert_eq!(co["directed"], false, "co-mention is undirected");

    let ent = |v: &str| format!("{v} a ?t FILTER(?t IN ({MENTIONS_ENTITY}))");
    let entities = count(store, &format!("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?s a unkg:Speech ; schema:mentions ?e . {} }}", ent("?e")));
    let speeches = count(store, &format!("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a unkg:Speech ; schema:mentions ?e . {} }}", ent("?e")));
    let meetings = count(store, &format!("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?s a unkg:Speech ; unkg:meeting ?m ; schema:mentions ?e . {} }}", ent("?e")));
    let speech_entity = count(store, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?e WHERE {{ ?s a unkg:Speech ; schema:mentions ?e . {} }} }}", ent("?e")));
    let meeting_entity = count(store, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?m ?e WHERE {{ ?s a unkg:Speech ; unkg:meeting ?m ; schema:mentions ?e . {} }} }}", ent("?e")));
    let at_meeting = count(store, &format!("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a unkg:Speech ; unkg:meeting ?m ; schema:mentions ?e . {} }}", ent("?e")));
    let got = check(py, store, dir, "mentions", &["--view", "mentions"], Expected { nodes: entities + speeches + meetings, edges: speech_entity + meeting_entity + at_meeting });
    assert_eq!(got["edge_labels"]["meeting"].as_u64().unwrap_or(0), at_meeting, "every speech links to its meeting");

    let cite = "?s a unkg:Speech ; unkg:speaksFor ?st ; schema:mentions ?r . ?st a unkg:State . ?r a unkg:Resolution .";
    let states = count(store, &format!("SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE {{ {cite} }}"));
    let resolutions = count(store, &format!("SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE {{ {cite} }}"));
    let pairs = count(store, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?st ?r WHERE {{ {cite} }} }}"));
    check(py, store, dir, "citations", &["--view", "citations"], Expected { nodes: states + resolutions, edges: pairs });

    let speakers = count(store, "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s a unkg:Speech ; unkg:speaker ?p }");
    let principals = count(store, "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?s a unkg:Speech ; unkg:speaker ?p ; unkg:speaksFor ?w . ?w a ?t FILTER(?t IN (unkg:State, unkg:Organisation)) }");
    let at = count(store, "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?s a unkg:Speech ; unkg:speaker ?p ; unkg:meeting ?m }");
    let speaks_for = count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?p ?w WHERE { ?s a unkg:Speech ; unkg:speaker ?p ; unkg:speaksFor ?w . ?w a ?t FILTER(?t IN (unkg:State, unkg:Organisation)) } }");
    let speaks_at = count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?p ?m WHERE { ?s a unkg:Speech ; unkg:speaker ?p ; unkg:meeting ?m } }");
    check(py, store, dir, "delegates", &["--view", "delegates"], Expected { nodes: speakers + principals + at, edges: speaks_for + speaks_at });

    // acts: principals to what their speeches thank, condemn, ...: one edge
    // per (principal, kind, target).
    let acts = format!(
        "?s a unkg:Speech ; unkg:speaksFor ?p ; unkg:performs ?a . ?a unkg:actKind ?k ; schema:object ?t . \
         ?t a ?tt FILTER(?tt IN ({ENTITY}, unkg:Attack) && ?t != ?p) ?p a ?pt FILTER(?pt IN ({ENTITY}))"
    );
    let nodes = count(store, &format!("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ {{ {acts} BIND(?p AS ?x) }} UNION {{ {acts} BIND(?t AS ?x) }} }}"));
    let edges = count(store, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?p ?k ?t WHERE {{ {acts} }} }}"));
    assert!(edges > 0, "the samples thank, welcome and condemn");
    let got = check(py, store, dir, "acts", &["--view", "acts"], Expected { nodes, edges });
    assert!(got["edge_labels"]["thank"].as_u64().unwrap_or(0) > 0, "kinds label the edges: {}", got["edge_labels"]);

    // full: every typed resource; its mentions edges are the speech-entity pairs.
    let classes = "unkg:Speech, unkg:Meeting, unkg:Resolution, unkg:Document, unkg:State, unkg:Organisation, unkg:Place, unkg:Delegate, unkg:Person, unkg:Attack, unkg:Gathering, unkg:Event";
    let nodes = count(store, &format!("SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a ?t FILTER(?t IN ({classes})) }}"));
    let file = dir.join("full.graphml");
    graphml(store, &file, &["--view", "full"]);
    let got = read_back(py, &file, false);
    assert_eq!(got["nodes"], nodes, "full: nodes");
    let pairs = count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?e WHERE { ?m nif:referenceContext ?s ; itsrdf:taIdentRef ?e } }");
    assert_eq!(got["edge_labels"]["mentions"], pairs, "full: mentions edges");
    let speaks_for = count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?w WHERE { ?s unkg:speaksFor ?w } }");
    assert_eq!(got["edge_labels"]["unkg:speaksFor"], speaks_for, "full: speaksFor edges");

    // construct: who speaks for whom, with labels.
    let q = dir.join("speaks-for.rq");
    std::fs::write(&q, "CONSTRUCT { ?s unkg:speaksFor ?w . ?w skos:prefLabel ?l } WHERE { ?s a unkg:Speech ; unkg:speaksFor ?w . ?w skos:prefLabel ?l }").unwrap();
    let ends = count(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { { ?x unkg:speaksFor ?w . ?w skos:prefLabel ?l } UNION { ?s unkg:speaksFor ?x . ?x skos:prefLabel ?l } }");
    let links = count(store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?w WHERE { ?s a unkg:Speech ; unkg:speaksFor ?w . ?w skos:prefLabel ?l } }");
    check(py, store, dir, "construct", &["--view", "construct", "--query", q.to_str().unwrap()], Expected { nodes: ends, edges: links });
}

#[test]
fn every_view_of_the_samples_reads_back_in_networkx_with_sparql_counts() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&samples()]);
    assert_eq!(code, 0, "{err}");
    check_all_views(&py, &store, dir.path());
}

#[test]
fn co_mention_weights_are_speech_counts() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    let file = dir.path().join("co.graphml");
    graphml(&store, &file, &["--view", "co-mention"]);
    let got = read_back(&py, &file, true);
    let rows = query(
        &store,
        &format!(
            "SELECT ?a ?b (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a unkg:Speech ; schema:mentions ?a, ?b . ?a a ?ta . ?b a ?tb . \
             FILTER(?ta IN ({ENTITY}) && ?tb IN ({ENTITY}) && STR(?a) < STR(?b)) }} GROUP BY ?a ?b"
        ),
    );
    assert!(!rows.is_empty());
    for row in &rows {
        let key = format!("{} {}", row["a"], row["b"]);
        let w = got["weights"][&key].as_f64().unwrap_or_else(|| panic!("no edge {key}"));
        assert_eq!(w, row["n"].parse::<f64>().unwrap(), "{key}");
    }
}

#[test]
fn output_is_byte_identical_from_run_to_run() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    for view in ["co-mention", "mentions", "full", "delegates"] {
        let (a, b) = (dir.path().join("a.graphml"), dir.path().join("b.graphml"));
        graphml(&store, &a, &["--view", view]);
        graphml(&store, &b, &["--view", view]);
        let (a, b) = (std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
        assert!(a.len() > 1000, "{view}: a real file");
        assert!(a == b, "{view}: two runs differ");
    }
}

#[test]
fn text_is_escaped_and_characters_xml_forbids_are_dropped() {
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    let q = dir.path().join("odd.rq");
    std::fs::write(&q, "CONSTRUCT { <urn:x:a> rdfs:label \"a <b> & \\\"c\\\" \\u0001d\\u000Be\" ; <urn:x:p> <urn:x:b&c> } WHERE {}").unwrap();
    let file = dir.path().join("odd.graphml");
    graphml(&store, &file, &["--view", "construct", "--query", q.to_str().unwrap()]);
    let got = read_back(&py, &file, true);
    assert_eq!(got["node_labels"]["urn:x:a"], "a <b> & \"c\" de");
    assert_eq!(got["edges"], 1);
    assert!(got["weights"].get("urn:x:a urn:x:b&c").is_some(), "{}", got["weights"]);
}

#[test]
fn bad_options_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    for (args, says) in [
        (vec!["--view", "construct"], "--query"),
        (vec!["--view", "co-mention", "--type", "country"], "unknown class"),
        (vec!["--view", "co-mention", "--from", "March"], "YYYY"),
        (vec!["--view", "co-mention", "--query", "x.rq"], "construct"),
    ] {
        let out = unkg().arg("graphml").arg("--store").arg(&store).args(&args).output().unwrap();
        assert!(!out.status.success(), "{args:?} was accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

/// The whole of 2020, and the filters, against SPARQL.
#[test]
fn unsc_2020_views_and_filters_match_sparql() {
    let Some(corpus) = shared("corpus/unsc-2020") else { return };
    let Some(py) = python() else { return };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&corpus]);
    assert_eq!(code, 0, "{err}");
    check_all_views(&py, &store, dir.path());

    // --from/--to keep the speeches dated in range.
    let range = "?s dcterms:date ?d FILTER(STR(?d) >= \"2020-03-01\" && STR(?d) <= \"2020-06-30\")";
    let want = expected_co_mention(&store, &format!("{range} ."));
    let got = check(&py, &store, dir.path(), "spring", &["--view", "co-mention", "--from", "2020-03", "--to", "2020-06"], want);
    assert!(got["nodes"].as_u64().unwrap() > 100);

    // --topic keeps speeches at meetings whose topic contains the text.
    // oxigraph joins a pair query with a topic filter slowly: SPARQL gives
    // the (speech, entity) rows and the pairs are counted here.
    let rows = query(
        &store,
        &format!(
            "SELECT DISTINCT ?s ?e WHERE {{ ?mt unkg:topic ?topic FILTER(CONTAINS(LCASE(?topic), \"syria\")) \
             ?s unkg:meeting ?mt ; a unkg:Speech ; schema:mentions ?e . ?e a ?t FILTER(?t IN ({ENTITY})) }}"
        ),
    );
    let mut by_speech: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for r in &rows {
        by_speech.entry(r["s"].as_str()).or_default().push(r["e"].as_str());
    }
    let entities: std::collections::BTreeSet<&str> = rows.iter().map(|r| r["e"].as_str()).collect();
    let mut pairs = std::collections::BTreeSet::new();
    for es in by_speech.values_mut() {
        es.sort();
        es.dedup();
        for (i, a) in es.iter().enumerate() {
            for b in &es[i + 1..] {
                pairs.insert((*a, *b));
            }
        }
    }
    let want = Expected { nodes: entities.len() as u64, edges: pairs.len() as u64 };
    let got = check(&py, &store, dir.path(), "syria", &["--view", "co-mention", "--topic", "Syria"], want);
    assert!(got["nodes"].as_u64().unwrap() > 10);

    // --type keeps the classes asked for.
    let states = count(&store, "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?s a unkg:Speech ; schema:mentions ?e . ?e a unkg:State }");
    let pairs = count(&store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?b WHERE { ?s a unkg:Speech ; schema:mentions ?a, ?b . ?a a unkg:State . ?b a unkg:State FILTER(STR(?a) < STR(?b)) } }");
    check(&py, &store, dir.path(), "states", &["--view", "co-mention", "--type", "state"], Expected { nodes: states, edges: pairs });

    // --min-weight keeps the pairs mentioned together often enough.
    let heavy = count(&store, "SELECT (COUNT(*) AS ?n) WHERE { { SELECT ?a ?b (COUNT(DISTINCT ?s) AS ?w) WHERE { ?s a unkg:Speech ; schema:mentions ?a, ?b . ?a a unkg:State . ?b a unkg:State FILTER(STR(?a) < STR(?b)) } GROUP BY ?a ?b } FILTER(?w >= 50) }");
    let file = dir.path().join("heavy.graphml");
    graphml(&store, &file, &["--view", "co-mention", "--type", "state", "--min-weight", "50"]);
    let got = read_back(&py, &file, false);
    assert_eq!(got["edges"], heavy, "--min-weight 50 edges");
    assert!(heavy > 0);
}
