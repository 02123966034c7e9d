//! Helpers shared by the integration tests: run the real binary, read CSV.

#![allow(dead_code)]

use assert_cmd::Command;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The `unkg` binary built by cargo.
pub fn unkg() -> Command {
    Command::cargo_bin("unkg").expect("the unkg binary")
}

/// The bundled sample speeches.
pub fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/speeches")
}

/// A copy of the sample speeches in `dir/in`, to change at will.
pub fn copy_samples(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir(&input).expect("create the input folder");
    for entry in std::fs::read_dir(samples()).expect("read the samples") {
        let p = entry.expect("a sample").path();
        std::fs::copy(&p, input.join(p.file_name().expect("a file name"))).expect("copy a sample");
    }
    input
}

/// Builds `input` into a fresh store `name` beside it and dumps it.
pub fn fresh_dump(input: &Path, name: &str) -> Vec<u8> {
    let store = input.parent().expect("a parent").join(name);
    let (code, err) = build(&store, &[input]);
    assert_eq!(code, 0, "{err}");
    let dump = nquads(&store);
    std::fs::remove_dir_all(&store).expect("remove the fresh store");
    dump
}

/// `../shared`, or None with a printed reason.
pub fn shared(what: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(what);
    if dir.exists() {
        Some(dir)
    } else {
        println!("skipped: {} is absent (the shared corpus is not on this machine)", dir.display());
        None
    }
}

/// Builds `store` from `paths`; returns (exit code, stderr).
pub fn build(store: &Path, paths: &[&Path]) -> (i32, String) {
    let out = unkg().arg("build").arg("--store").arg(store).args(paths).output().expect("run unkg build");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Runs a query (a file under `queries/`, or text) and parses the CSV answer.
pub fn query(store: &Path, query: &str) -> Vec<HashMap<String, String>> {
    let mut cmd = unkg();
    cmd.arg("query").arg("--store").arg(store).arg("--format").arg("csv");
    if query.ends_with(".rq") {
        cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("queries").join(query));
    } else {
        cmd.arg("-e").arg(query);
    }
    let out = cmd.output().expect("run unkg query");
    assert!(out.status.success(), "query failed: {}", String::from_utf8_lossy(&out.stderr));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().expect("csv header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("csv row");
            headers.iter().zip(r.iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect()
        })
        .collect()
}

/// Dumps the store as N-Quads.
pub fn nquads(store: &Path) -> Vec<u8> {
    let out = unkg().args(["export", "--format", "nquads", "--store"]).arg(store).output().expect("run unkg export");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// Checks that every mention's quote is the text at its offsets in the
/// original file (decoded as unkg decodes it); returns how many were checked.
pub fn check_mention_offsets(store: &Path, files: &HashMap<String, PathBuf>) -> usize {
    let rows = query(
        store,
        "SELECT ?file ?begin ?end ?quote WHERE { ?s unkg:sourceFile ?file . \
         ?m nif:referenceContext ?s ; nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?quote }",
    );
    let mut texts: HashMap<String, Vec<char>> = HashMap::new();
    for row in &rows {
        let file = &row["file"];
        let chars = texts.entry(file.clone()).or_insert_with(|| {
            let bytes = std::fs::read(&files[file]).expect("read speech");
            unkg::corpus::decode(&bytes).text.chars().collect()
        });
        let (b, e): (usize, usize) = (row["begin"].parse().unwrap(), row["end"].parse().unwrap());
        let at: String = chars[b..e].iter().collect();
        assert_eq!(at, row["quote"], "{file} [{b},{e})");
    }
    rows.len()
}

/// The store's N-Quads dump, sorted, without the build fingerprints: what
/// must be the same however the store was made (`build`, or `extract` then
/// `load`, or the Spark job then `load`).
pub fn dump_without_fingerprints(store: &Path) -> Vec<String> {
    let dump = String::from_utf8(nquads(store)).expect("an N-Quads dump is UTF-8");
    let mut lines: Vec<String> =
        dump.lines().filter(|l| !l.contains("<https://w3id.org/unkg/ontology#buildFingerprint>")).map(str::to_owned).collect();
    lines.sort();
    lines
}

/// Runs `unkg extract --output out paths`; returns (exit code, stderr).
pub fn extract(out: &Path, paths: &[&Path]) -> (i32, String) {
    let output = unkg().arg("extract").arg("--output").arg(out).args(paths).output().expect("run unkg extract");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Runs `unkg load --store store paths`; returns (exit code, stderr).
pub fn load(store: &Path, paths: &[&Path]) -> (i32, String) {
    let output = unkg().arg("load").arg("--store").arg(store).args(paths).output().expect("run unkg load");
    (output.status.code().unwrap_or(-1), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Where two sorted dumps differ first, for an assertion's message.
pub fn first_difference(a: &[String], b: &[String]) -> String {
    let only_a: Vec<&String> = a.iter().filter(|l| b.binary_search(l).is_err()).take(5).collect();
    let only_b: Vec<&String> = b.iter().filter(|l| a.binary_search(l).is_err()).take(5).collect();
    format!("{} and {} lines; only in the first: {only_a:#?}; only in the second: {only_b:#?}", a.len(), b.len())
}

/// A speech of at least `bytes` bytes made of the samples' words under one
/// header: long enough to be windowed, or to kill a load in its midst.
#[allow(dead_code)]
pub fn long_speech(bytes: usize) -> String {
    let words: String = std::fs::read_dir(samples())
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut long = String::from("Mr. Umarov (Kazakhstan): ");
    let mut n = 0;
    while long.len() < bytes {
        n += 1;
        long.push_str(&format!("\n\nPart {n}. {words}"));
    }
    long
}

