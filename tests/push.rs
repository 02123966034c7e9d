//! `unkg push` into a real Graph Store Protocol endpoint: `oxigraph serve`
//! from the oxigraph-cli crate, then that server queried and compared with
//! the local store.

mod common;

use common::{build, query, samples, unkg};
use std::collections::BTreeMap;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `oxigraph serve`, killed when dropped.
struct Oxigraph(Child);

impl Drop for Oxigraph {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `$UNKG_OXIGRAPH`, or where .ci/run installs it, or None with the reason.
fn oxigraph() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("UNKG_OXIGRAPH") {
        return Some(PathBuf::from(p));
    }
    let default = Path::new(&std::env::var_os("HOME")?).join(".cache/unkg/oxigraph-cli/bin/oxigraph");
    if default.exists() {
        Some(default)
    } else {
        println!("skipped: no oxigraph server (set UNKG_OXIGRAPH, or `cargo install oxigraph-cli --root ~/.cache/unkg/oxigraph-cli`)");
        None
    }
}

fn start(bin: &Path, dir: &Path) -> (Oxigraph, u16) {
    let port = TcpListener::bind("127.0.0.1:0").expect("free port").local_addr().expect("address").port();
    let child = Command::new(bin)
        .args(["serve", "--location"])
        .arg(dir)
        .args(["--bind", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start oxigraph serve");
    let mut server = Oxigraph(child);
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = server.0.try_wait() {
            panic!("oxigraph serve exited: {status}");
        }
        assert!(Instant::now() < deadline, "oxigraph serve did not listen within 30 s");
        std::thread::sleep(Duration::from_millis(50));
    }
    (server, port)
}

const PER_GRAPH: &str = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";

/// Triples per named graph on the oxigraph server, by curl.
fn remote_counts(port: u16) -> BTreeMap<String, String> {
    let out = Command::new("curl")
        .args(["-s", "-S", "-H", "Accept: text/csv", "--data-urlencode", &format!("query={PER_GRAPH}")])
        .arg(format!("http://127.0.0.1:{port}/query"))
        .output()
        .expect("run curl");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader.records().map(|r| r.expect("csv row")).map(|r| (r[0].to_owned(), r[1].to_owned())).collect()
}

#[test]
fn push_replaces_every_named_graph_on_a_real_endpoint() {
    let Some(bin) = oxigraph() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&samples()]);
    assert_eq!(code, 0, "{err}");
    let (_server, port) = start(&bin, &dir.path().join("remote"));
    let local: BTreeMap<String, String> = query(&store, PER_GRAPH).into_iter().map(|r| (r["g"].clone(), r["n"].clone())).collect();
    assert!(local.len() >= 7, "{local:?}");

    let endpoint = format!("http://127.0.0.1:{port}/store");
    for round in 0..2 {
        // The second round must replace, not add.
        let out = unkg().args(["push", "--store"]).arg(&store).args(["--endpoint", &endpoint]).output().expect("run unkg push");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "round {round}: {err}");
        assert!(err.contains(&format!("pushed {} graphs", local.len())), "{err}");
        assert_eq!(remote_counts(port), local, "round {round}");
    }

    // One speech graph, triple for triple.
    let graph = local.keys().find(|g| g.contains("/graph/speech/")).expect("a speech graph").clone();
    let remote = Command::new("curl")
        .args(["-s", "-S", "-H", "Accept: application/n-triples", "-G", "--data-urlencode", &format!("graph={graph}")])
        .arg(&endpoint)
        .output()
        .expect("curl");
    let ours = unkg().args(["export", "--format", "ntriples", "--graph", &graph, "--store"]).arg(&store).output().expect("export");
    let sorted = |b: &[u8]| {
        let mut l: Vec<String> = String::from_utf8_lossy(b).lines().filter(|l| !l.is_empty()).map(str::to_owned).collect();
        l.sort();
        l
    };
    assert_eq!(sorted(&remote.stdout), sorted(&ours.stdout));

    // A refused PUT is an error with the endpoint's answer.
    let out = unkg().args(["push", "--store"]).arg(&store).args(["--endpoint", &format!("http://127.0.0.1:{port}/nothing")]).output().expect("run");
    assert_eq!(out.status.code(), Some(4), "a refusing endpoint is a remote error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("answered"), "{}", String::from_utf8_lossy(&out.stderr));
}
