//! The whole path on the bundled samples, through the real binary.

mod common;

use common::*;
use std::collections::HashMap;
use std::path::PathBuf;

#[test]
fn every_sample_speech_has_its_speaker_and_state() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&samples()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("5 speeches from 5 files"), "{err}");
    let rows = query(&store, "speakers.rq");
    let got: Vec<(String, String, String, String)> = rows
        .iter()
        .map(|r| (r["file"].clone(), r["honorific"].clone(), r["name"].clone(), r["state_code"].clone()))
        .collect();
    let want = [
        ("000_eb8c3d89eb49a159.txt", "Mr.", "Sadykov", "KAZ"),
        ("001_eadf400dcecc39c9.txt", "Mr.", "Umarov", "KAZ"),
        ("002_d4c329a390a28c7b.txt", "Mr.", "Umarov", "KAZ"),
        ("003_b70b41d151435293.txt", "Mrs.", "Aitimova", "KAZ"),
        ("004_b358dbdd33e14572.txt", "Mr.", "Sadykov", "KAZ"),
    ];
    let want: Vec<(String, String, String, String)> =
        want.iter().map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn rebuilding_is_idempotent_and_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert_eq!(build(&a, &[&samples()]).0, 0);
    let first = nquads(&a);
    let (code, err) = build(&a, &[&samples()]);
    assert_eq!(code, 0);
    assert!(err.contains("0 added, 0 replaced, 5 unchanged"), "{err}");
    assert_eq!(nquads(&a), first, "a second build changed the store");
    assert_eq!(build(&b, &[&samples()]).0, 0);
    assert_eq!(nquads(&b), first, "two builds of the same input differ");
    assert!(!first.windows(2).any(|w| w == b"_:"), "no blank nodes");
}

/// Builds a copy of the samples, rewrites `003_...txt` with `edit` and
/// builds again, which must succeed; returns the folder holding it all, the
/// input folder, the store and what the second build printed.
fn build_then_change_003(edit: impl FnOnce(String) -> String) -> (tempfile::TempDir, PathBuf, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&input]).0, 0);
    let file = input.join("003_b70b41d151435293.txt");
    std::fs::write(&file, edit(std::fs::read_to_string(&file).unwrap())).unwrap();
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    (dir, input, store, err)
}

#[test]
fn a_changed_file_replaces_exactly_its_graph() {
    let (_dir, _input, store, err) =
        build_then_change_003(|text| format!("{text}\nWe also welcome the delegation of Kyrgyzstan.\n"));
    assert!(err.contains("0 added, 1 replaced, 4 unchanged"), "{err}");
    let speeches = query(&store, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a unkg:Speech }");
    assert_eq!(speeches[0]["n"], "5");
    let hashes = query(
        &store,
        "SELECT (COUNT(?h) AS ?n) WHERE { ?s unkg:sourceFile \"003_b70b41d151435293.txt\" ; unkg:contentHash ?h }",
    );
    assert_eq!(hashes[0]["n"], "1", "the old graph is gone");
    let kgz = query(
        &store,
        "SELECT ?s WHERE { ?s unkg:sourceFile \"003_b70b41d151435293.txt\" ; schema:mentions <https://w3id.org/unkg/id/state/KGZ> }",
    );
    assert_eq!(kgz.len(), 1, "the new text is in the store");
}

#[test]
fn the_union_of_all_graphs_repeats_no_triple() {
    // Two samples share a speaker and every speech shares states with the
    // reference graph: each description must stand once, or counts over the
    // default graph (the union) multiply.
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    let all = query(&store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    let distinct = query(&store, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }");
    assert_eq!(all[0]["n"], distinct[0]["n"]);
    let umarov = query(&store, "SELECT ?name WHERE { ?s unkg:speakerName \"Umarov\" ; unkg:speaker/foaf:name ?name }");
    assert_eq!(umarov.len(), 2, "two speeches, one name each: {umarov:?}");
}

#[test]
fn an_incremental_build_ends_where_a_fresh_one_does() {
    // Another speaker: Mrs. Aitimova gave no other speech, so nothing may
    // describe her any more.
    let (dir, input, store, err) =
        build_then_change_003(|text| text.replacen("Mrs. Aitimova (Kazakhstan)", "Mr. Tileuberdi (Kazakhstan)", 1));
    assert!(err.contains("1 replaced"), "{err}");
    let fresh = dir.path().join("fresh");
    assert_eq!(build(&fresh, &[&input]).0, 0);
    let lines = |store: &std::path::Path| {
        let mut l: Vec<String> = String::from_utf8(nquads(store)).unwrap().lines().map(str::to_owned).collect();
        l.sort();
        l
    };
    let (updated, expected) = (lines(&store), lines(&fresh));
    let stale: Vec<&String> = updated.iter().filter(|l| !expected.contains(l)).collect();
    let missing: Vec<&String> = expected.iter().filter(|l| !updated.contains(l)).collect();
    assert!(stale.is_empty() && missing.is_empty(), "stale {stale:#?}\nmissing {missing:#?}");
    assert!(!updated.iter().any(|l| l.contains("Aitimova")));
}

#[test]
fn every_export_format_parses_back() {
    use oxigraph::io::{RdfFormat, RdfParser};
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    let quads = RdfParser::from_format(RdfFormat::NQuads).for_slice(&nquads(&store)).count();
    assert!(quads > 1000, "{quads} quads");
    for (name, format) in [
        ("nquads", RdfFormat::NQuads),
        ("trig", RdfFormat::TriG),
        ("turtle", RdfFormat::Turtle),
        ("ntriples", RdfFormat::NTriples),
        ("rdfxml", RdfFormat::RdfXml),
        ("jsonld", RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() }),
    ] {
        let out = unkg().args(["export", "--format", name, "--store"]).arg(&store).output().unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let parsed: Result<Vec<_>, _> = RdfParser::from_format(format).for_slice(&out.stdout).collect();
        let parsed = parsed.unwrap_or_else(|e| panic!("{name} does not parse back: {e}"));
        if format.supports_datasets() {
            assert_eq!(parsed.len(), quads, "{name} holds every quad");
        } else {
            assert!(parsed.len() > 1000 && parsed.len() <= quads, "{name}: {} triples", parsed.len());
        }
    }
}

#[test]
fn every_mention_quotes_the_original_text_at_its_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    let files: HashMap<String, PathBuf> = std::fs::read_dir(samples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    let checked = check_mention_offsets(&store, &files);
    assert!(checked > 100, "only {checked} mentions");
}

#[test]
fn bad_files_are_reported_and_cost_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::copy(samples().join("000_eb8c3d89eb49a159.txt"), input.join("good.txt")).unwrap();
    std::fs::write(input.join("empty.txt"), "  \n").unwrap();
    std::fs::write(input.join("binary.txt"), b"Mr. X (France): ok\n\0\x01\x02").unwrap();
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("empty.txt:1: expected a speech, found an empty file"), "{err}");
    assert!(err.contains("binary.txt:2: expected text, found a NUL byte"), "{err}");
    let rows = query(&store, "SELECT ?f WHERE { ?s a unkg:Speech ; unkg:sourceFile ?f }");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["f"], "good.txt");
}

#[test]
fn query_errors_show_where() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    let out = unkg().arg("query").arg("--store").arg(&store).args(["-e", "SELECT ?x WHERE { ?x ?y }"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("syntax error") && err.contains("1:"), "{err}");
    let out = unkg().args(["query", "--store", "/nonexistent/store", "-e", "ASK {}"]).output().unwrap();
    assert_eq!(out.status.code(), Some(3), "a missing store is a store error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no unkg store here"));
}

#[test]
fn every_canned_query_runs_on_the_sample_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    let queries = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut names: Vec<String> = std::fs::read_dir(&queries)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rq"))
        .collect();
    names.sort();
    assert!(names.len() >= 11, "{names:?}");
    for name in names {
        let text = std::fs::read_to_string(queries.join(&name)).unwrap();
        assert!(text.starts_with("# "), "{name} opens with a comment saying its question");
        query(&store, &name);
    }
    assert!(query(&store, "mentions.rq").len() > 50);
    let states = query(&store, "SELECT ?c WHERE { ?s unkg:sourceFile \"000_eb8c3d89eb49a159.txt\" ; schema:mentions ?e . ?e unkg:iso3166Alpha3 ?c }");
    let codes: Vec<&str> = states.iter().map(|r| r["c"].as_str()).collect();
    for c in ["KAZ", "IRN", "SYR", "IRQ", "AFG"] {
        assert!(codes.contains(&c), "{c} not among {codes:?}");
    }
}

#[test]
fn sample_speeches_acts_are_typed_targeted_and_traced() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    let rows = query(&store, "acts.rq");
    let kinds = ["thank", "congratulate", "welcome", "condemn", "condole", "call", "support", "concern"];
    assert!(rows.iter().all(|r| kinds.contains(&r["kind"].as_str())), "{rows:?}");
    let has = |file: &str, kind: &str, test: &dyn Fn(&HashMap<String, String>) -> bool| {
        rows.iter().any(|r| r["file"].starts_with(file) && r["kind"] == kind && test(r))
    };
    let ends = |r: &HashMap<String, String>, class: &str| r["target_type"].ends_with(class);
    // "I thank the Bolivian presidency ..., and Secretary-General Guterres for his report (S/2017/467)"
    assert!(has("000_", "thank", &|r| r["target_code"] == "BOL"), "thank BOL");
    assert!(has("000_", "thank", &|r| ends(r, "Person") && r["target_label"].contains("Guterres")), "thank Guterres");
    assert!(!has("000_", "thank", &|r| ends(r, "Document")), "the report thanked for is no second act");
    // "Kazakhstan condemns terrorism in all its forms": an act with no target.
    assert!(has("000_", "condemn", &|r| r["target_type"].is_empty()), "condemn -");
    // "the Kabul and Jalalabad attacks" are condemned as attack events.
    assert!(has("001_", "condemn", &|r| ends(r, "Attack") && r["target_label"] == "Kabul"), "condemn attack@Kabul");
    assert!(has("004_", "welcome", &|r| r["target_code"] == "2370"), "welcome 2370");
    // Nazarbayev "called for unity": reported, not the speaker's act.
    assert!(!has("000_", "call", &|r| ends(r, "Person")), "a reported call");
    // Every act is traced to the sentence that performs it, quoted exactly.
    let evidence = query(
        &store,
        "SELECT ?quote WHERE { ?s unkg:sourceFile \"000_eb8c3d89eb49a159.txt\" ; unkg:performs ?a . \
         ?a unkg:actKind \"condemn\" ; unkg:evidence ?e . ?e nif:anchorOf ?quote }",
    );
    assert!(evidence.iter().any(|r| r["quote"].starts_with("Kazakhstan condemns terrorism in all its forms")), "{evidence:?}");
    let untraced = query(&store, "SELECT (COUNT(?a) AS ?n) WHERE { ?a unkg:actKind ?k FILTER NOT EXISTS { ?a unkg:evidence/nif:anchorOf ?q } }");
    assert_eq!(untraced[0]["n"], "0");
}

#[test]
fn a_second_writer_is_told_the_store_is_busy_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    let before = nquads(&store);
    // This process holds the store as a build does, RocksDB's lock with it.
    let writer = unkg::store::KgStore::open(&store).unwrap();
    let (code, err) = build(&store, &[&samples()]);
    assert_eq!(code, 3, "a busy store: {err}");
    assert!(err.contains(&format!("store {}", store.display())), "names the store: {err}");
    assert!(err.contains("another `unkg build` is writing to this store"), "{err}");
    drop(writer);
    assert_eq!(nquads(&store), before, "the store is as it was");
}

/// `unkg query` on `store`: exit code and standard error.
fn query_status(store: &std::path::Path) -> (i32, String) {
    let out = unkg()
        .args(["query", "--store"])
        .arg(store)
        .args(["-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s a unkg:Speech }"])
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn readers_and_a_build_keep_out_of_each_others_way() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    let before = nquads(&store);

    // While a build writes, a reader would see part of it: it is told so.
    let writer = unkg::store::KgStore::open(&store).unwrap();
    let (code, err) = query_status(&store);
    assert_eq!(code, 3, "a busy store: {err}");
    assert!(err.contains(&format!("store {}", store.display())) && err.contains("being written"), "{err}");
    drop(writer);
    assert_eq!(query_status(&store).0, 0, "the store is free again");

    // While anybody reads, a build would change files under the reader.
    let reader = unkg::store::KgStore::open_read_only(&store).unwrap();
    assert_eq!(query_status(&store).0, 0, "readers share the store");
    let (code, err) = build(&store, &[&samples(), &dir.path().join("nothing-else")]);
    assert_eq!(code, 3, "a busy store: {err}");
    assert!(err.contains(&format!("store {}", store.display())) && err.contains("open for reading"), "{err}");
    drop(reader);
    assert_eq!(nquads(&store), before, "the refused build changed nothing");
}

#[test]
fn a_reader_that_stops_early_is_no_failure() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    // As `unkg query ... | head -1` does: the reader goes before the answer
    // is written (the pipe is closed before the process has started).
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unkg"))
        .args(["query", "--store"])
        .arg(&store)
        .args(["--format", "tsv", "-e", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn deeply_nested_queries_are_refused_and_long_chains_answered() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    let nested = format!("ASK {}{}", "{".repeat(4000), "}".repeat(4000));
    let out = unkg().arg("query").arg("--store").arg(&store).args(["-e", &nested]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("nested 129 deep") && err.contains("at most 128"), "{err}");
    // 20,000 additions overflowed the main thread's 8 MiB stack.
    let chain = format!("SELECT (1{} AS ?x) {{}}", "+1".repeat(20_000));
    let out = unkg().arg("query").arg("--store").arg(&store).args(["--format", "csv", "-e", &chain]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().nth(1), Some("20001"));
}
