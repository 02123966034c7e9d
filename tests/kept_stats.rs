//! The counts `unkg stats` and VoID show are kept by the build and added
//! up: after speeches are added, changed and removed they equal those of a
//! clean build of the same files, and a count of every quad.

mod common;

use common::*;
use std::path::Path;

/// `unkg stats --json`, with `--recount` or not.
fn stats(store: &Path, recount: bool) -> serde_json::Value {
    let mut cmd = unkg();
    cmd.arg("stats").arg("--json").arg("--store").arg(store);
    if recount {
        cmd.arg("--recount");
    }
    let out = cmd.output().expect("run unkg stats");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stats as JSON")
}

/// The VoID description from the kept counts and counted afresh.
fn voids(store: &Path) -> (Vec<String>, Vec<String>) {
    let store = unkg::store::KgStore::open_read_only(store).expect("open the store");
    let lines = |counted| {
        let mut lines: Vec<String> = unkg::serve::void::void_triples(&store, "http://localhost/", counted)
            .expect("VoID")
            .iter()
            .map(ToString::to_string)
            .collect();
        lines.sort();
        lines
    };
    (lines(false), lines(true))
}

/// Stats kept equal stats counted, VoID too; returns the stats.
fn kept_equals_counted(store: &Path, after: &str) -> serde_json::Value {
    let kept = stats(store, false);
    assert_eq!(kept, stats(store, true), "after {after}, the kept stats differ from a count");
    let (kept_void, counted_void) = voids(store);
    assert_eq!(kept_void, counted_void, "after {after}, the kept VoID differs from a count");
    kept
}

fn fresh_stats(input: &Path) -> serde_json::Value {
    let store = input.parent().expect("a parent").join("fresh");
    let (code, err) = build(&store, &[input]);
    assert_eq!(code, 0, "{err}");
    let stats = kept_equals_counted(&store, "a fresh build");
    std::fs::remove_dir_all(&store).expect("remove the fresh store");
    stats
}

#[test]
fn stats_after_additions_changes_and_removals_equal_a_clean_build_and_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let store = dir.path().join("store");
    let parked = dir.path().join("parked.txt");
    std::fs::rename(input.join("002_d4c329a390a28c7b.txt"), &parked).unwrap();
    assert_eq!(build(&store, &[&input]).0, 0);
    let first = kept_equals_counted(&store, "the first build");
    assert_eq!(first["speeches"], 4);

    // An addition, a change that adds a mention, a removal, in turns.
    std::fs::rename(&parked, input.join("002_d4c329a390a28c7b.txt")).unwrap();
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    let added = kept_equals_counted(&store, "an addition");
    assert_eq!(added, fresh_stats(&input), "after an addition");
    assert_ne!(added, first);

    let changed = input.join("001_eadf400dcecc39c9.txt");
    let mut text = std::fs::read_to_string(&changed).unwrap();
    text.push_str("\nWe also thank France and the United Kingdom for their support.\n");
    std::fs::write(&changed, text).unwrap();
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    let after_change = kept_equals_counted(&store, "a change");
    assert_eq!(after_change, fresh_stats(&input), "after a change");
    assert_ne!(after_change["mentions"], added["mentions"]);

    std::fs::remove_file(input.join("004_b358dbdd33e14572.txt")).unwrap();
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    let removed = kept_equals_counted(&store, "a removal");
    assert_eq!(removed, fresh_stats(&input), "after a removal");
    assert_eq!(removed["speeches"], 4);
}

#[test]
fn a_graph_without_a_summary_is_counted() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&input]).0, 0);
    {
        // What a SPARQL update could leave: a graph unkg did not write.
        let writer = unkg::store::KgStore::open(&store).expect("open for writing");
        let graph = unkg::rdf::iri::speech_graph("added-by-hand");
        let node = unkg::rdf::iri::speech("added-by-hand");
        let quad = oxigraph::model::Quad::new(node, unkg::rdf::vocab::rdf::TYPE, unkg::rdf::vocab::class::SPEECH, graph);
        writer.insert(&quad).expect("insert");
    }
    let stats = kept_equals_counted(&store, "a graph added by hand");
    assert_eq!(stats["speeches"], 6);
}
