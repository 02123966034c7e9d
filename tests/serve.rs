//! `unkg serve`, queried by clients nobody here wrote: curl for every
//! content type, Python's SPARQLWrapper and rdflib, and a load test.

mod common;

use common::{build, query, samples, unkg};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `unkg serve`, killed when dropped (also when a test panics).
struct Server {
    child: Child,
    port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}/{path}", self.port)
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("bind a free port").local_addr().expect("local address").port()
}

/// Starts `unkg serve` on `store` with the base IRI pointing at itself.
fn serve(store: &Path, extra: &[&str]) -> Server {
    let port = free_port();
    let child = Command::new(assert_cmd::cargo::cargo_bin("unkg"))
        .args(["serve", "--store"])
        .arg(store)
        .args(["--bind", &format!("127.0.0.1:{port}"), "--base", &format!("http://127.0.0.1:{port}/")])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start unkg serve");
    let mut server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = server.child.try_wait() {
            panic!("unkg serve exited early: {status}");
        }
        assert!(Instant::now() < deadline, "unkg serve did not listen within 30 s");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

fn sample_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&samples()]);
    assert_eq!(code, 0, "{err}");
    (dir, store)
}

/// What curl got: status, Content-Type, body, headers.
struct Got {
    status: u16,
    content_type: String,
    body: String,
    headers: String,
}

fn curl(args: &[&str]) -> Got {
    let dir = tempfile::tempdir().expect("temp dir");
    let headers = dir.path().join("headers");
    let out = Command::new("curl")
        .args(["-s", "-S", "--max-time", "60", "-D"])
        .arg(&headers)
        .args(["-w", "\n<<<%{http_code} %{content_type}"])
        .args(args)
        .output()
        .expect("run curl (is it installed?)");
    assert!(out.status.success(), "curl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, tail) = text.rsplit_once("\n<<<").expect("curl's trailer");
    let (status, ct) = tail.split_once(' ').unwrap_or((tail, ""));
    Got {
        status: status.parse().expect("status code"),
        content_type: ct.to_owned(),
        body: body.to_owned(),
        headers: std::fs::read_to_string(headers).unwrap_or_default().to_ascii_lowercase(),
    }
}

fn get(url: &str, accept: &str) -> Got {
    curl(&["-H", &format!("Accept: {accept}"), url])
}

const SPEECHES: &str = "SELECT ?s ?label WHERE { ?s a unkg:Speech ; rdfs:label ?label } ORDER BY ?s";

fn query_url(s: &Server, q: &str) -> String {
    let encoded: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
    s.url(&format!("sparql?query={encoded}"))
}

#[test]
fn sparql_protocol_in_every_results_format() {
    let (_dir, store) = sample_store();
    let s = serve(&store, &[]);
    let url = query_url(&s, SPEECHES);

    let json = get(&url, "application/sparql-results+json");
    assert_eq!(json.status, 200, "{}", json.body);
    assert!(json.content_type.starts_with("application/sparql-results+json"), "{}", json.content_type);
    let v: serde_json::Value = serde_json::from_str(&json.body).expect("SPARQL JSON");
    let rows = v["results"]["bindings"].as_array().expect("bindings");
    assert_eq!(rows.len(), 5);
    assert_eq!(v["head"]["vars"], serde_json::json!(["s", "label"]));

    let xml = get(&url, "application/sparql-results+xml");
    assert_eq!(xml.status, 200);
    assert!(xml.content_type.starts_with("application/sparql-results+xml"));
    assert_eq!(xml.body.matches("<result>").count(), 5, "{}", xml.body);

    let csv = get(&url, "text/csv");
    assert!(csv.content_type.starts_with("text/csv"));
    assert!(csv.body.starts_with("s,label\r\n"), "{}", csv.body);
    assert_eq!(csv.body.trim_end().lines().count(), 6);

    let tsv = get(&url, "text/tab-separated-values");
    assert!(tsv.content_type.starts_with("text/tab-separated-values"));
    assert!(tsv.body.starts_with("?s\t?label\n"), "{}", tsv.body);

    // The format parameter wins over Accept.
    let by_param = get(&format!("{url}&format=csv"), "application/sparql-results+json");
    assert!(by_param.content_type.starts_with("text/csv"), "{}", by_param.content_type);
    assert_eq!(by_param.body, csv.body);

    // POST, both ways, gives the same answer as GET.
    let direct = curl(&["-H", "Accept: text/csv", "-H", "Content-Type: application/sparql-query", "--data-binary", SPEECHES, &s.url("sparql")]);
    assert_eq!((direct.status, &direct.body), (200, &csv.body));
    let form = curl(&["-H", "Accept: text/csv", "--data-urlencode", &format!("query={SPEECHES}"), &s.url("sparql")]);
    assert_eq!((form.status, &form.body), (200, &csv.body));

    let ask = get(&query_url(&s, "ASK { ?m nif:referenceContext ?s }"), "application/sparql-results+json");
    assert_eq!(ask.status, 200);
    assert!(ask.body.contains("\"boolean\":true"), "{}", ask.body);

    // The protocol's dataset: only the ontology graph as default graph.
    let count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    let ontology = "https://w3id.org/unkg/graph/ontology";
    let in_ontology = get(&format!("{}&default-graph-uri={}", query_url(&s, count), ontology), "text/csv");
    let expected = query(&store, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ontology}> {{ ?s ?p ?o }} }}"));
    assert_eq!(in_ontology.body.trim_end().lines().nth(1), Some(expected[0]["n"].as_str()), "{}", in_ontology.body);
    let named = get(
        &format!("{}&named-graph-uri={}", query_url(&s, "SELECT ?g WHERE { GRAPH ?g { } }"), ontology),
        "text/csv",
    );
    assert_eq!(named.body.trim_end().lines().collect::<Vec<_>>(), ["g", ontology], "{}", named.body);
}

#[test]
fn graphs_in_every_rdf_format() {
    let (_dir, store) = sample_store();
    let s = serve(&store, &[]);
    let url = query_url(&s, "CONSTRUCT { ?s a unkg:Speech ; rdfs:label ?l } WHERE { ?s a unkg:Speech ; rdfs:label ?l }");
    for (accept, media, probe) in [
        ("text/turtle", "text/turtle", "unkg:Speech"),
        ("application/n-triples", "application/n-triples", "<https://w3id.org/unkg/ontology#Speech> ."),
        ("application/ld+json", "application/ld+json", "\"@id\""),
        ("application/rdf+xml", "application/rdf+xml", "rdf:RDF"),
    ] {
        let got = get(&url, accept);
        assert_eq!(got.status, 200, "{accept}: {}", got.body);
        assert!(got.content_type.starts_with(media), "{accept}: {}", got.content_type);
        assert!(got.body.contains(probe), "{accept}: {}", got.body);
    }
    let nt = get(&url, "application/n-triples");
    assert_eq!(nt.body.lines().filter(|l| !l.is_empty()).count(), 10);
    // The service description at the endpoint.
    let sd = get(&s.url("sparql"), "text/turtle");
    assert_eq!(sd.status, 200);
    assert!(sd.body.contains("http://www.w3.org/ns/sparql-service-description#"), "{}", sd.body);
    assert!(sd.body.contains(&s.url("sparql")), "{}", sd.body);
}

#[test]
fn errors_read_only_limits_and_cors() {
    let (_dir, store) = sample_store();
    let s = serve(&store, &["--max-body", "2000", "--timeout", "1"]);

    let bad = get(&query_url(&s, "SELECT * WHERE { ?s ?p }"), "application/sparql-results+json");
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("syntax error") && bad.body.contains("1:"), "{}", bad.body);

    let insert = "INSERT DATA { <http://example.org/a> <http://example.org/b> \"c\" }";
    let update = curl(&["-H", "Content-Type: application/sparql-update", "--data-binary", insert, &s.url("sparql")]);
    assert_eq!(update.status, 403, "{}", update.body);
    assert!(update.body.contains("read-only"), "{}", update.body);
    let form = curl(&["--data-urlencode", &format!("update={insert}"), &s.url("sparql")]);
    assert_eq!(form.status, 403);
    let disguised = curl(&["--data-urlencode", &format!("query={insert}"), &s.url("sparql")]);
    assert_eq!(disguised.status, 403);
    assert_eq!(curl(&["--data-urlencode", &format!("update={insert}"), &s.url("update")]).status, 403);
    assert_eq!(curl(&["-X", "PUT", "--data-binary", "<a:b> <a:c> <a:d> .", &s.url("store?graph=a:g")]).status, 403);
    assert!(query(&store, "SELECT ?p WHERE { <http://example.org/a> ?p ?o }").is_empty(), "the update went through");

    let big = format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(3000));
    let too_big = curl(&["-H", "Content-Type: application/sparql-query", "--data-binary", &big, &s.url("sparql")]);
    assert_eq!(too_big.status, 413, "{}", too_big.body);

    assert_eq!(get(&query_url(&s, SPEECHES), "image/png").status, 406);
    assert_eq!(get(&s.url("nothing/here"), "*/*").status, 404);

    let started = Instant::now();
    let slow = get(&query_url(&s, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"), "text/csv");
    assert_eq!(slow.status, 503, "{}", slow.body);
    assert!(slow.body.contains("time limit"), "{}", slow.body);
    assert!(started.elapsed() < Duration::from_secs(15), "the timeout did not stop the query");

    let preflight = curl(&[
        "-X", "OPTIONS", "-H", "Origin: http://yasgui.example", "-H", "Access-Control-Request-Method: POST",
        "-H", "Access-Control-Request-Headers: content-type", &s.url("sparql"),
    ]);
    assert_eq!(preflight.status, 204);
    assert!(preflight.headers.contains("access-control-allow-origin: *"), "{}", preflight.headers);
    // No Access-Control-Allow-Methods: oxhttp 0.3 never writes that header;
    // browsers then allow the safelisted GET, HEAD and POST, all that is needed.
    assert!(preflight.headers.contains("access-control-allow-headers: content-type"), "{}", preflight.headers);
    let cors = curl(&["-H", "Origin: http://yasgui.example", &query_url(&s, SPEECHES)]);
    assert!(cors.headers.contains("access-control-allow-origin: *"), "{}", cors.headers);
}

#[test]
fn updates_only_with_the_flag() {
    let (_dir, store) = sample_store();
    let s = serve(&store, &["--allow-update"]);
    let insert = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/a> <http://example.org/b> \"c\" } }";
    let done = curl(&["-H", "Content-Type: application/sparql-update", "--data-binary", insert, &s.url("sparql")]);
    assert_eq!(done.status, 204, "{}", done.body);
    let ask = get(&query_url(&s, "ASK { <http://example.org/a> ?p \"c\" }"), "application/sparql-results+json");
    assert!(ask.body.contains("\"boolean\":true"), "{}", ask.body);
}

#[test]
fn every_speech_and_entity_dereferences() {
    let (_dir, store) = sample_store();
    let s = serve(&store, &[]);
    let base = s.url("");
    let iris: Vec<String> = query(
        &store,
        "SELECT DISTINCT ?x WHERE { { ?x a unkg:Speech } UNION { ?m itsrdf:taIdentRef ?x } UNION { ?x a unkg:Meeting } }",
    )
    .into_iter()
    .map(|r| r["x"].clone())
    .collect();
    assert!(iris.len() > 50, "{}", iris.len());
    // One curl for all of them (a config file: thousands of addresses),
    // status and address per line.
    let config = tempfile::NamedTempFile::new().expect("temp file");
    let mut lines = String::from("silent\nwrite-out = \"%{http_code} %{url_effective}\\n\"\n");
    for iri in &iris {
        let path = iri.strip_prefix("https://w3id.org/unkg/").expect("minted under the base");
        lines.push_str(&format!("url = \"{base}{path}\"\noutput = \"/dev/null\"\n"));
    }
    std::fs::write(config.path(), lines).expect("write curl config");
    let out = Command::new("curl").arg("--config").arg(config.path()).output().expect("run curl");
    let lines = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(lines.lines().count(), iris.len(), "{}", String::from_utf8_lossy(&out.stderr));
    for line in lines.lines() {
        assert!(line.starts_with("200 "), "{line}");
    }

    // A speech: its mentions travel with it, under the published base.
    let speech = iris.iter().find(|i| i.contains("/id/speech/")).expect("a speech").clone();
    let speech_url = format!("{base}{}", speech.strip_prefix("https://w3id.org/unkg/").unwrap_or(&speech));
    let ttl = get(&speech_url, "text/turtle");
    assert!(ttl.content_type.starts_with("text/turtle"));
    assert!(ttl.body.contains("nif:anchorOf") && ttl.body.contains(&format!("<{speech_url}#char=")), "{}", ttl.body);
    let nt = get(&speech_url, "application/n-triples");
    assert!(nt.content_type.starts_with("application/n-triples"));
    let same_as = format!("<{speech_url}> <http://www.w3.org/2002/07/owl#sameAs> <{speech}> .");
    assert!(nt.body.lines().any(|l| l == same_as), "{same_as} missing");
    let jsonld = get(&speech_url, "application/ld+json");
    assert!(jsonld.content_type.starts_with("application/ld+json"));
    serde_json::from_str::<serde_json::Value>(&jsonld.body).expect("JSON-LD is JSON");

    // A browser gets a page: label, type, links, the quotes.
    let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    let page = get(&s.url("id/state/KAZ"), browser);
    assert_eq!(page.status, 200);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.body.contains("<h1>Kazakhstan</h1>"), "{}", page.body);
    assert!(page.body.contains("Mentioned in speeches"), "{}", page.body);
    assert!(page.body.contains("<mark>"), "{}", page.body);
    assert!(page.body.contains("href=\"/id/speech/"), "{}", page.body);
    assert!(page.body.contains("http://www.wikidata.org/entity/Q232"), "{}", page.body);
    let vary = get(&s.url("id/state/FRA"), "text/turtle");
    assert!(vary.headers.contains("vary: accept"), "{}", vary.headers);

    assert_eq!(get(&s.url("id/state/XXX"), "text/turtle").status, 404);
    let onto = get(&s.url("ontology"), "text/turtle");
    assert!(onto.body.contains("unkg:Speech a owl:Class"), "{}", onto.status);
    let shapes = get(&s.url("shapes"), "application/n-triples");
    assert!(shapes.body.contains("<http://www.w3.org/ns/shacl#NodeShape>"));
}

#[test]
fn void_and_graph_store_protocol() {
    let (_dir, store) = sample_store();
    let s = serve(&store, &[]);
    let void = get(&s.url("void"), "text/turtle");
    assert_eq!(void.status, 200);
    let stats = unkg().args(["stats", "--json", "--store"]).arg(&store).output().expect("unkg stats");
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).expect("stats JSON");
    for probe in [
        "void:Dataset".to_owned(),
        format!("void:sparqlEndpoint <{}>", s.url("sparql")),
        format!("void:triples {}", stats["triples"]),
        "void:class unkg:State".to_owned(),
        "void:Linkset".to_owned(),
        "void:linkPredicate owl:sameAs".to_owned(),
        "void:vocabulary nif:".to_owned(),
    ] {
        assert!(void.body.contains(&probe), "{probe} missing in\n{}", void.body);
    }
    let exported = unkg().args(["export", "--void", "--store"]).arg(&store).output().expect("unkg export --void");
    assert!(exported.status.success(), "{}", String::from_utf8_lossy(&exported.stderr));
    let exported = String::from_utf8_lossy(&exported.stdout);
    assert!(exported.contains("void:sparqlEndpoint <https://w3id.org/unkg/sparql>"), "{exported}");

    let reference = "https://w3id.org/unkg/graph/reference";
    let nt = get(&s.url(&format!("store?graph={reference}")), "application/n-triples");
    assert_eq!(nt.status, 200);
    let n = query(&store, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{reference}> {{ ?s ?p ?o }} }}"));
    assert_eq!(nt.body.lines().filter(|l| !l.is_empty()).count().to_string(), n[0]["n"]);
    assert_eq!(get(&s.url("store?graph=https://w3id.org/unkg/graph/none"), "text/turtle").status, 404);
    let by_path = get(&s.url("graph/ontology"), "text/turtle");
    assert_eq!(by_path.status, 200);
    let all = get(&s.url("store"), "application/n-quads");
    assert_eq!(all.body.lines().filter(|l| !l.is_empty()).count().to_string(), stats["triples"].to_string());
}

/// `$UNKG_PYTHON`, or the usual venv, or None with the reason printed.
fn python() -> Option<PathBuf> {
    let p = std::env::var_os("UNKG_PYTHON").map(PathBuf::from).or_else(|| {
        let home = std::env::var_os("HOME")?;
        let venv = Path::new(&home).join(".cache/unkg/venv/bin/python");
        venv.exists().then_some(venv)
    });
    if p.is_none() {
        println!("skipped: no Python with rdflib and SPARQLWrapper (set UNKG_PYTHON)");
    }
    p
}

#[test]
fn python_clients_read_the_endpoint_and_the_resources() {
    let Some(py) = python() else { return };
    let (_dir, store) = sample_store();
    let s = serve(&store, &[]);
    let script = r#"
import sys, rdflib
from SPARQLWrapper import SPARQLWrapper, JSON, CSV
from rdflib.plugins.stores.sparqlstore import SPARQLStore
base = sys.argv[1]
w = SPARQLWrapper(base + "sparql")
w.setQuery("PREFIX unkg: <https://w3id.org/unkg/ontology#> SELECT ?s WHERE { ?s a unkg:Speech }")
w.setReturnFormat(JSON)
print("wrapper", len(w.query().convert()["results"]["bindings"]))
w.setMethod("POST")
print("wrapper-post", len(w.query().convert()["results"]["bindings"]))
g = rdflib.Graph(store=SPARQLStore(base + "sparql"))
rows = list(g.query("SELECT (COUNT(?m) AS ?n) WHERE { ?m <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext> ?s }"))
print("sparqlstore", int(rows[0][0]))
counts = []
for fmt, media in [("turtle", "text/turtle"), ("json-ld", "application/ld+json"), ("nt", "application/n-triples"), ("xml", "application/rdf+xml")]:
    d = rdflib.Graph()
    d.parse(base + "id/state/KAZ", format=fmt)
    counts.append(len(d))
print("resource", *counts)
"#;
    let out = Command::new(&py).arg("-c").arg(script).arg(s.url("")).output().expect("run python");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    let mentions = query(&store, "SELECT (COUNT(?m) AS ?n) WHERE { ?m nif:referenceContext ?s }");
    assert!(text.contains("wrapper 5\n") && text.contains("wrapper-post 5\n"), "{text}");
    assert!(text.contains(&format!("sparqlstore {}\n", mentions[0]["n"])), "{text}");
    let counts: Vec<&str> = text.lines().find_map(|l| l.strip_prefix("resource ")).expect("resource line").split(' ').collect();
    assert!(counts.iter().all(|c| *c == counts[0]) && counts[0] != "0", "same triples in every format: {counts:?}");
}

#[test]
fn load_test_has_no_failed_request() {
    let (_dir, store) = sample_store();
    let s = serve(&store, &[]);
    let py = python().unwrap_or_else(|| PathBuf::from("python3"));
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/serve_load.py");
    let out = Command::new(py)
        .arg(script)
        .args(["--url", &s.url(""), "--requests", "400", "--concurrency", "8"])
        .output()
        .expect("run bench/serve_load.py");
    let text = String::from_utf8_lossy(&out.stdout);
    println!("{text}");
    assert!(out.status.success(), "{text}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("400 requests, 8 concurrent, 0 failed"), "{text}");
}

#[test]
fn service_clauses_traversal_and_malformed_requests_are_refused() {
    use std::io::{Read, Write};
    let (_dir, store) = sample_store();
    let s = serve(&store, &[]);

    // A listener on a loopback port that a SERVICE clause names: the
    // endpoint must answer without ever connecting to it.
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a listener");
    listener.set_nonblocking(true).expect("a non-blocking listener");
    let target = format!("http://127.0.0.1:{}/sparql", listener.local_addr().expect("its address").port());
    let q = format!("SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}");
    let refused = get(&query_url(&s, &q), "application/sparql-results+json");
    assert!((400..500).contains(&refused.status), "SERVICE answered {}: {}", refused.status, refused.body);
    let silent = format!("SELECT * WHERE {{ SERVICE SILENT <{target}> {{ ?s ?p ?o }} }}");
    get(&query_url(&s, &silent), "application/sparql-results+json");
    std::thread::sleep(Duration::from_millis(200));
    assert!(listener.accept().is_err(), "the endpoint connected to the SERVICE's address");

    // Paths that climb out of /id/ never reach a file.
    for path in ["id/../Cargo.toml", "id/%2e%2e/%2e%2e/Cargo.toml", "id/..%2f..%2fCargo.toml", "id/%2F..%2F..%2Fetc%2Fpasswd"] {
        let got = curl(&["--path-as-is", "-H", "Accept: text/turtle", &s.url(path)]);
        assert!((400..500).contains(&got.status), "{path}: {} {}", got.status, got.body);
        assert!(!got.body.contains("[package]") && !got.body.contains("root:"), "{path} read a file: {}", got.body);
    }

    // Bytes that are no HTTP request get a 400, and the server stays up.
    for garbage in ["GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/9.9\r\n\r\n", "\0\x01\x02\r\n\r\n"] {
        let mut stream = TcpStream::connect(("127.0.0.1", s.port)).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(10))).expect("a read timeout");
        stream.write_all(garbage.as_bytes()).expect("send");
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        assert!(answer.starts_with("HTTP/1.1 400") || answer.starts_with("HTTP/1.1 505"), "{garbage:?} got {answer:?}");
    }
    assert_eq!(get(&query_url(&s, SPEECHES), "text/csv").status, 200, "the server went down");
}

/// Processor time (clock ticks) used so far by the processes `pid` started:
/// the query workers of a server.
fn children_cpu(pid: u32) -> (Vec<u32>, u64) {
    let mut kids = Vec::new();
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).expect("the server's threads").flatten() {
        let list = std::fs::read_to_string(task.path().join("children")).unwrap_or_default();
        kids.extend(list.split_whitespace().filter_map(|k| k.parse::<u32>().ok()));
    }
    let ticks = kids
        .iter()
        .filter_map(|k| std::fs::read_to_string(format!("/proc/{k}/stat")).ok())
        .map(|stat| {
            // Fields after the command's closing parenthesis; utime and stime
            // are the 14th and 15th of the whole line.
            let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
            let f: Vec<u64> = rest.split_whitespace().filter_map(|x| x.parse().ok()).collect();
            f.get(10).copied().unwrap_or(0) + f.get(11).copied().unwrap_or(0)
        })
        .sum();
    (kids, ticks)
}

#[test]
fn a_query_past_its_limits_is_stopped_for_good() {
    if !Path::new("/proc/self/task").exists() {
        println!("skipped: no /proc here to watch the query workers with");
        return;
    }
    let (_dir, store) = sample_store();
    let s = serve(
        &store,
        &["--timeout", "5", "--query-workers", "1", "--max-query-memory", "200M", "--max-result-bytes", "4K"],
    );
    let pid = s.child.id();
    let numbers = (0..1000).map(|i| i.to_string()).collect::<Vec<_>>().join(" ");
    // No store access at all: oxigraph's cancellation token is never looked
    // at, so only killing the process stops this.
    let product = format!("SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?a {{ {numbers} }} VALUES ?b {{ {numbers} }} VALUES ?c {{ {numbers} }} }}");
    let (before, _) = children_cpu(pid);
    assert_eq!(before.len(), 1, "one query worker expected: {before:?}");
    let started = Instant::now();
    let slow = curl(&["-H", "Accept: text/csv", "--data-urlencode", &format!("query={product}"), &s.url("sparql")]);
    assert_eq!(slow.status, 503, "{}", slow.body);
    assert!(slow.body.contains("time limit"), "{}", slow.body);
    assert!(started.elapsed() < Duration::from_secs(15), "the answer came after {:?}", started.elapsed());
    std::thread::sleep(Duration::from_millis(500));
    let (after, ticks) = children_cpu(pid);
    std::thread::sleep(Duration::from_secs(1));
    let (_, later) = children_cpu(pid);
    assert!(!after.contains(&before[0]), "the worker of the stopped query still runs: {after:?}");
    assert!(later - ticks < 30, "the query workers used {} ticks in the second after the stop", later - ticks);

    // A query whose working memory passes the limit.
    let groups = "SELECT ?a ?b (COUNT(*) AS ?n) WHERE { ?a ?p ?o . ?b ?q ?r } GROUP BY ?a ?b LIMIT 1";
    let hungry = curl(&["--data-urlencode", &format!("query={groups}"), &s.url("sparql")]);
    assert_eq!(hungry.status, 422, "{}", hungry.body);
    assert!(hungry.body.contains("--max-query-memory"), "{}", hungry.body);

    // An answer larger than the limit, as results and as a graph.
    let all = curl(&["-H", "Accept: text/csv", "--data-urlencode", "query=SELECT * WHERE { ?s ?p ?o }", &s.url("sparql")]);
    assert_eq!(all.status, 422, "{}", all.body);
    assert!(all.body.contains("--max-result-bytes"), "{}", all.body);
    let graph = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1000";
    assert_eq!(curl(&["-H", "Accept: text/turtle", "--data-urlencode", &format!("query={graph}"), &s.url("sparql")]).status, 422);

    // And the server goes on answering, from a fresh worker.
    let fine = get(&query_url(&s, "SELECT ?s WHERE { ?s a unkg:Speech } LIMIT 2"), "text/csv");
    assert_eq!(fine.status, 200, "{}", fine.body);
    assert_eq!(fine.body.lines().count(), 3, "{}", fine.body);
}

#[test]
fn oversized_headers_are_refused_and_the_server_stays_up() {
    use std::io::{Read, Write};
    let (_dir, store) = sample_store();
    let s = serve(&store, &[]);
    for request in [
        format!("GET /sparql HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n", "a".repeat(64 * 1024)),
        format!("GET /sparql HTTP/1.1\r\nHost: x\r\n{}\r\n", "X-Many: b\r\n".repeat(5000)),
        format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "c".repeat(64 * 1024)),
    ] {
        let mut stream = TcpStream::connect(("127.0.0.1", s.port)).expect("connect");
        stream.set_read_timeout(Some(Duration::from_secs(10))).expect("a read timeout");
        let _ = stream.write_all(request.as_bytes());
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        assert!(answer.starts_with("HTTP/1.1 4") || answer.is_empty(), "{} bytes of header got {answer:?}", request.len());
    }
    assert_eq!(get(&query_url(&s, SPEECHES), "text/csv").status, 200, "the server went down");
}

/// Sends `data` on a fresh connection and reads until the server closes it.
fn raw(port: u16, data: &[u8]) -> String {
    use std::io::{Read, Write};
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    // Only a guard against a hung test: every answer here closes at once.
    stream.set_read_timeout(Some(Duration::from_secs(120))).expect("a read timeout");
    stream.write_all(data).expect("send");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

#[test]
fn nested_queries_huge_and_missing_bodies_are_refused_and_the_server_stays_up() {
    let (_dir, store) = sample_store();
    let s = serve(&store, &[]);
    for depth in [900, 4000] {
        let q = format!("ASK {}{}", "{".repeat(depth), "}".repeat(depth));
        let got = curl(&["-H", "Content-Type: application/sparql-query", "--data-binary", &q, &s.url("sparql")]);
        assert_eq!(got.status, 400, "{depth} braces: {}", got.body);
        assert!(got.body.contains("nested") && got.body.contains("128"), "{}", got.body);
    }
    let got = get(&query_url(&s, &format!("ASK {}{}", "{".repeat(900), "}".repeat(900))), "text/csv");
    assert_eq!(got.status, 400, "{}", got.body);
    // Flat chains pass the check and parse on the query stack.
    let chain = format!("SELECT (1{} AS ?x) {{}}", "+1".repeat(2000));
    let got = curl(&["-H", "Accept: text/csv", "--data-urlencode", &format!("query={chain}"), &s.url("sparql")]);
    assert_eq!(got.status, 200, "{}", got.body);
    assert_eq!(got.body.lines().nth(1), Some("2001"), "{}", got.body);

    let head = "POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: ";
    let huge = raw(s.port, format!("{head}10000000000\r\n\r\n").as_bytes());
    assert!(huge.starts_with("HTTP/1.1 413"), "{huge}");
    assert!(huge.contains("--max-body"), "{huge}");
    let missing = raw(s.port, format!("{head}100\r\n\r\nASK").as_bytes());
    assert!(missing.starts_with("HTTP/1.1 408"), "{missing}");
    assert_eq!(get(&query_url(&s, SPEECHES), "text/csv").status, 200, "the server went down");
}

#[test]
fn slow_and_idle_connections_do_not_keep_a_client_out() {
    use std::io::Write;
    let (_dir, store) = sample_store();
    // Two requests answered at once, so 8 connections kept open: the 40
    // below fill that five times over.
    let s = serve(&store, &["--max-connections", "2"]);
    let mut hogs = Vec::new();
    for i in 0..40 {
        let mut stream = TcpStream::connect(("127.0.0.1", s.port)).expect("connect");
        if i % 2 == 0 {
            // Half a request head, never finished.
            stream.write_all(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n").expect("send");
        }
        hogs.push(stream);
    }
    // The oldest waiting connections were closed to make room, so this one
    // is answered, and not with 503.
    for _ in 0..3 {
        let got = get(&query_url(&s, SPEECHES), "text/csv");
        assert_eq!(got.status, 200, "{}", got.body);
    }
    drop(hogs);
}

#[test]
fn pipelined_requests_are_answered_in_order_with_security_headers() {
    let (_dir, store) = sample_store();
    let s = serve(&store, &[]);
    let ask = |q: &str, close: bool| {
        let encoded: String = form_urlencoded::byte_serialize(q.as_bytes()).collect();
        let last = if close { "Connection: close\r\n" } else { "" };
        format!("GET /sparql?query={encoded} HTTP/1.1\r\nHost: x\r\nAccept: text/csv\r\n{last}\r\n")
    };
    let requests = [ask("ASK {}", false), ask("SELECT (1 AS ?one) {}", false), ask("SELECT (2 AS ?two) {}", false), ask("ASK { FILTER(false) }", true)];
    let answer = raw(s.port, requests.concat().as_bytes());
    assert_eq!(answer.matches("HTTP/1.1 200").count(), 4, "{answer}");
    let order: Vec<usize> = ["\r\n\r\ntrue", "\r\n\r\none", "\r\n\r\ntwo", "\r\n\r\nfalse"]
        .iter()
        .map(|b| answer.find(b).unwrap_or_else(|| panic!("{b:?} missing from {answer}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "answers out of order: {answer}");

    for path in ["sparql", "void", "ontology", "shapes", "", "search?q=France"] {
        let got = get(&s.url(path), "text/html");
        assert_eq!(got.status, 200, "/{path}: {}", got.body);
        assert!(got.content_type.starts_with("text/html"), "/{path}: {}", got.content_type);
        assert!(got.headers.contains("content-security-policy: default-src 'self'"), "/{path}: {}", got.headers);
        assert!(got.headers.contains("x-content-type-options: nosniff"), "/{path}: {}", got.headers);
    }
    let missing = get(&s.url("nothing-here"), "text/html");
    assert_eq!(missing.status, 404);
    assert!(missing.headers.contains("x-content-type-options: nosniff"), "{}", missing.headers);
    // HEAD tells the length GET would send, without the body.
    let head = curl(&["-I", &s.url("ontology")]);
    let get_len = curl(&[&s.url("ontology")]).body.len();
    assert!(head.headers.contains(&format!("content-length: {get_len}")), "{}", head.headers);
}

#[test]
fn dumps_stream_the_same_bytes_as_the_export() {
    let (dir, store) = sample_store();
    let s = serve(&store, &[]);
    let export = |args: &[&str]| {
        let out = unkg().arg("export").arg("--store").arg(&store).args(args).output().expect("run unkg export");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let fetch = |url: &str, accept: &str| {
        let file = dir.path().join("dump");
        let out = Command::new("curl")
            .args(["-s", "-S", "--fail", "-o"])
            .arg(&file)
            .args(["-H", &format!("Accept: {accept}"), url])
            .output()
            .expect("run curl");
        assert!(out.status.success(), "{url}: {}", String::from_utf8_lossy(&out.stderr));
        std::fs::read_to_string(&file).expect("the dump")
    };
    let all = fetch(&s.url("store"), "application/n-quads");
    assert!(all.lines().count() > 1000, "{} lines", all.lines().count());
    assert_eq!(all, export(&[]));
    assert_eq!(fetch(&s.url("store?default"), "application/n-triples"), export(&["--format", "ntriples"]));
    let reference = "https://w3id.org/unkg/graph/reference";
    let encoded: String = form_urlencoded::byte_serialize(reference.as_bytes()).collect();
    assert_eq!(
        fetch(&s.url(&format!("store?graph={encoded}")), "text/turtle"),
        export(&["--format", "turtle", "--graph", reference])
    );
}

#[test]
fn options_out_of_range_are_refused_with_the_reason() {
    let (_dir, store) = sample_store();
    for (option, value) in [("--timeout", "1e20"), ("--timeout", "1e19"), ("--timeout", "0"), ("--timeout", "NaN"), ("--max-connections", "0"), ("--query-workers", "100000")] {
        let out = unkg().arg("serve").arg("--store").arg(&store).args([option, value]).output().expect("run unkg serve");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{option} {value}: {err}");
        assert!(err.contains(option) && !err.contains("panicked"), "{option} {value}: {err}");
    }
}
