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

/// A one-shot HTTP endpoint on loopback: answers the first request with
/// `answer` (or never, when it is `None`) and hands back what it received.
fn fake_endpoint(answer: Option<&'static str>) -> (u16, std::thread::JoinHandle<String>) {
    use std::io::{Read, Write};
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let handle = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().expect("accept");
        stream.set_read_timeout(Some(Duration::from_secs(5))).expect("timeout");
        let mut got = Vec::new();
        let mut buf = [0; 65536];
        // The whole request, as its Content-Length says: a client cut off
        // while it sends sees a broken pipe, not the answer.
        let complete = |got: &[u8]| {
            let Some(end) = got.windows(4).position(|w| w == b"\r\n\r\n") else { return false };
            let head = String::from_utf8_lossy(&got[..end]).to_ascii_lowercase();
            let length = head.lines().find_map(|l| l.strip_prefix("content-length:")).and_then(|v| v.trim().parse::<usize>().ok());
            got.len() >= end + 4 + length.unwrap_or(0)
        };
        while !complete(&got) {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            }
        }
        match answer {
            Some(a) => {
                let _ = stream.write_all(a.as_bytes());
            }
            // Silent: hold the connection until the client gives up.
            None => {
                let _ = stream.read_to_end(&mut Vec::new());
            }
        }
        String::from_utf8_lossy(&got).into_owned()
    });
    (port, handle)
}

fn sample_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    (dir, store)
}

const REFERENCE: &str = "https://w3id.org/unkg/graph/reference";

#[test]
fn push_authenticates_and_never_shows_a_password() {
    let (_dir, store) = sample_store();
    let (port, got) = fake_endpoint(Some("HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
    let out = unkg()
        .args(["push", "--store"])
        .arg(&store)
        .args(["--endpoint", &format!("http://127.0.0.1:{port}/store"), "--graph", REFERENCE, "--user", "dba"])
        .env("UNKG_PUSH_PASSWORD", "open sesame")
        .output()
        .expect("run unkg push");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let request = got.join().expect("the endpoint's thread").to_ascii_lowercase();
    // "dba:open sesame" in base64.
    assert!(request.contains("authorization: basic zgjhom9wzw4gc2vzyw1l"), "{request}");

    // A password in the URL is refused, and not repeated.
    let out = unkg()
        .args(["push", "--store"])
        .arg(&store)
        .args(["--endpoint", "http://dba:s3cret@127.0.0.1:9/store"])
        .output()
        .expect("run unkg push");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("UNKG_PUSH_PASSWORD") && !err.contains("s3cret") && !err.contains("dba"), "{err}");
    // --user without the password in the environment.
    let out = unkg().args(["push", "--store"]).arg(&store).args(["--endpoint", "http://127.0.0.1:9/store", "--user", "dba"]).env_remove("UNKG_PUSH_PASSWORD").output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UNKG_PUSH_PASSWORD"));
}

#[test]
fn push_reports_refusals_and_silence_briefly() {
    let (_dir, store) = sample_store();
    let page = "HTTP/1.1 401 Unauthorized\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n\
                <!DOCTYPE html><html><head><title>401 Unauthorized</title></head><body><h1>Unauthorized</h1><p>Access denied.</p></body></html>";
    let (port, _got) = fake_endpoint(Some(page));
    let out = unkg()
        .args(["push", "--store"])
        .arg(&store)
        .args(["--endpoint", &format!("http://127.0.0.1:{port}/store"), "--graph", REFERENCE])
        .output()
        .expect("run unkg push");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "{err}");
    assert!(err.contains("401 Unauthorized") && err.contains("--user") && !err.contains("<html>"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");

    let (port, _got) = fake_endpoint(None);
    let out = unkg()
        .args(["push", "--store"])
        .arg(&store)
        .args(["--endpoint", &format!("http://127.0.0.1:{port}/store"), "--graph", REFERENCE, "--timeout", "1"])
        .output()
        .expect("run unkg push");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("timed out after 1 s"), "{err}");
    assert!(!err.contains("os error"), "{err}");
}
