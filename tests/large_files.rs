//! Files that are no ordinary speech: one far too long, one long enough to be
//! read in windows, UTF-16 and byte-order marks. Each loads or fails alone.

mod common;

use common::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The samples' words run together on one line, repeated until `bytes`
/// long: a concatenated dump, as mis-exported PDFs make them.
fn one_line_dump(bytes: usize) -> String {
    let words: Vec<String> = std::fs::read_dir(samples())
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    // No header: the first 240 characters hold no colon.
    let once = format!("{} {}", "This record joins several statements as they were exported.".repeat(5), words.join(" "));
    let mut text = String::with_capacity(bytes + once.len());
    while text.len() < bytes {
        text.push_str(&once);
        text.push(' ');
    }
    text
}

fn files_in(dir: &Path) -> HashMap<String, PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect()
}

#[test]
fn a_file_over_the_size_limit_is_refused_and_costs_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    std::fs::write(input.join("dump.txt"), one_line_dump(60 << 20)).unwrap();
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("dump.txt: the file is 629"), "names the file and its size: {err}");
    assert!(err.contains("over the --max-file-size of 20971520"), "names the option: {err}");
    assert!(err.contains("5 speeches from 6 files (5 added, 0 replaced, 0 unchanged, 0 moved), 1 failed"), "{err}");
    assert_eq!(query(&store, "speakers.rq").len(), 5, "every good speech loads");
}

#[test]
fn a_long_file_is_read_window_by_window_with_exact_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    // Over four windows of 256 KiB, on one line, and one copy of what it repeats.
    let (dump, once) = (one_line_dump(1_100_000), one_line_dump(1));
    std::fs::write(input.join("dump.txt"), &dump).unwrap();
    std::fs::write(input.join("once.txt"), &once).unwrap();
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("7 speeches from 7 files (7 added"), "{err}");
    assert!(check_mention_offsets(&store, &files_in(&input)) > 1000);
    let states = |file: &str| -> usize {
        let rows = query(
            &store,
            &format!(
                "SELECT (COUNT(?m) AS ?n) WHERE {{ ?s unkg:sourceFile \"{file}\" . \
                 ?m nif:referenceContext ?s ; itsrdf:taIdentRef ?e . ?e a unkg:State }}"
            ),
        );
        rows[0]["n"].parse().unwrap()
    };
    let copies = dump.len() / once.len();
    let (found, per_copy) = (states("dump.txt"), states("once.txt"));
    assert!(per_copy > 10, "{per_copy}");
    // A name cut by a window's edge may be lost, no more.
    assert!(found <= per_copy * copies && found + 5 >= per_copy * copies, "{found} state mentions, {per_copy} per copy");
    // The fingerprint, written last, marks it whole: nothing to redo.
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 added, 0 replaced, 7 unchanged"), "{err}");
}

#[test]
fn utf16_and_byte_order_marks_are_text() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let sample = input.join("003_b70b41d151435293.txt");
    let text = std::fs::read_to_string(&sample).unwrap();
    std::fs::remove_file(&sample).unwrap();
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        le.extend(unit.to_le_bytes());
        be.extend(unit.to_be_bytes());
    }
    std::fs::write(input.join("utf16le.txt"), le).unwrap();
    std::fs::write(input.join("utf16be.txt"), be).unwrap();
    std::fs::write(input.join("bom.txt"), [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat()).unwrap();
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("7 speeches from 7 files"), "{err}");
    assert!(err.contains("utf16le.txt:1: UTF-16 (little-endian)"), "{err}");
    assert!(err.contains("utf16be.txt:1: UTF-16 (big-endian)"), "{err}");
    assert!(!err.contains("bom.txt"), "a UTF-8 byte-order mark is no problem: {err}");
    let speakers = query(&store, "speakers.rq");
    for file in ["utf16le.txt", "utf16be.txt", "bom.txt"] {
        let row = speakers.iter().find(|r| r["file"] == file).unwrap_or_else(|| panic!("{file} has its speaker"));
        assert_eq!((row["name"].as_str(), row["state_code"].as_str()), ("Aitimova", "KAZ"));
    }
    assert!(check_mention_offsets(&store, &files_in(&input)) > 100);
    // The three copies of one speech quote the same mentions at the same offsets.
    let spans = query(
        &store,
        "SELECT ?file (COUNT(?m) AS ?n) (SUM(?b) AS ?sum) WHERE { ?s unkg:sourceFile ?file . \
         ?m nif:referenceContext ?s ; nif:beginIndex ?b } GROUP BY ?file",
    );
    let of = |f: &str| spans.iter().find(|r| r["file"] == f).map(|r| (r["n"].clone(), r["sum"].clone()));
    assert_eq!(of("utf16le.txt"), of("bom.txt"));
    assert_eq!(of("utf16be.txt"), of("bom.txt"));
}

#[test]
fn a_speech_left_half_written_is_written_again_whole() {
    use oxigraph::model::{GraphNameRef, Literal, NamedNode, Quad};
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    std::fs::write(input.join("dump.txt"), one_line_dump(600_000)).unwrap();
    let store_dir = dir.path().join("store");
    assert_eq!(build(&store_dir, &[&input]).0, 0);
    let whole = nquads(&store_dir);
    // What an interrupted load leaves: part of the speech, no fingerprint,
    // and something the whole speech does not have.
    {
        let store = unkg::store::KgStore::open(&store_dir).unwrap();
        let graph = NamedNode::new("https://w3id.org/unkg/graph/speech/dump").unwrap();
        let fingerprint = NamedNode::new("https://w3id.org/unkg/ontology#buildFingerprint").unwrap();
        let gone: Vec<Quad> = store
            .quads(None, Some(fingerprint.as_ref()), None, Some(GraphNameRef::NamedNode(graph.as_ref())))
            .map(Result::unwrap)
            .collect();
        assert_eq!(gone.len(), 1);
        store.remove(&gone[0]).unwrap();
        let stray = NamedNode::new("https://w3id.org/unkg/id/speech/dump#char=0,1").unwrap();
        let comment = NamedNode::new("http://www.w3.org/2000/01/rdf-schema#comment").unwrap();
        store.insert(&Quad::new(stray, comment, Literal::new_simple_literal("stray"), graph)).unwrap();
    }
    let (code, err) = build(&store_dir, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("1 added, 0 replaced, 5 unchanged"), "{err}");
    assert_eq!(nquads(&store_dir), whole, "the speech is whole again, with nothing left of the broken one");
}
