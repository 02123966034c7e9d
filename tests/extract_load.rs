//! The map and load steps apart (#20): `unkg extract` writes N-Quads with no
//! store, `unkg load` makes the store from them, and the two give the store
//! `unkg build` gives for the same files (its sorted dump, fingerprint
//! literals aside). Bad input costs only its own record, in both steps.

mod common;

use common::{build, copy_samples, dump_without_fingerprints, extract, first_difference, load, query, samples, shared};
use std::collections::HashSet;
use std::path::Path;

fn assert_same_store(built: &Path, loaded: &Path) {
    let (a, b) = (dump_without_fingerprints(built), dump_without_fingerprints(loaded));
    assert!(a == b, "build and extract+load differ: {}", first_difference(&a, &b));
}

/// The source files of the speeches in the store.
fn speeches(store: &Path) -> HashSet<String> {
    query(store, "SELECT ?f WHERE { ?s a unkg:Speech ; unkg:sourceFile ?f }").into_iter().map(|r| r["f"].clone()).collect()
}

#[test]
fn extract_then_load_gives_the_store_build_gives() {
    let dir = tempfile::tempdir().unwrap();
    let input = samples();
    let (code, err) = build(&dir.path().join("built"), &[&input]);
    assert_eq!(code, 0, "{err}");
    let (code, err) = extract(&dir.path().join("nq"), &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("5 speeches from 5 files, 0 failed"), "{err}");
    // Nothing of a store in the map step's output.
    let names: Vec<String> =
        std::fs::read_dir(dir.path().join("nq")).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert_eq!(names, vec!["part-00000.nq".to_owned()]);
    let (code, err) = load(&dir.path().join("loaded"), &[&dir.path().join("nq")]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("5 speeches from 1 files (5 added, 0 replaced, 0 unchanged)"), "{err}");
    assert_same_store(&dir.path().join("built"), &dir.path().join("loaded"));
    // The search index is made, as by build.
    assert!(dir.path().join("loaded/unkg-search").is_dir());
}

#[test]
fn load_replaces_changed_speeches_and_skips_unchanged_ones() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let store = dir.path().join("store");
    assert_eq!(extract(&dir.path().join("nq1"), &[&input]).0, 0);
    assert_eq!(load(&store, &[&dir.path().join("nq1")]).0, 0);
    let (code, err) = load(&store, &[&dir.path().join("nq1")]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("(0 added, 0 replaced, 5 unchanged)"), "{err}");
    // A speech now for another state: its graph is replaced whole, and the
    // corpus graph keeps only what some speech links to.
    let changed = input.join("000_eb8c3d89eb49a159.txt");
    let text = std::fs::read_to_string(&changed).unwrap().replacen("(Kazakhstan)", "(France)", 1);
    std::fs::write(&changed, text).unwrap();
    assert_eq!(extract(&dir.path().join("nq2"), &[&input]).0, 0);
    let (code, err) = load(&store, &[&dir.path().join("nq2")]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("(0 added, 1 replaced, 4 unchanged)"), "{err}");
    let (code, err) = build(&dir.path().join("built"), &[&input]);
    assert_eq!(code, 0, "{err}");
    assert_same_store(&dir.path().join("built"), &store);
}

#[test]
fn bad_records_cost_only_themselves_in_both_steps() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    std::fs::write(input.join("binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01").unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    // Over the default --max-file-size of 20M.
    std::fs::write(input.join("huge.txt"), vec![b'a'; 30 << 20]).unwrap();
    // Not UTF-8: read as Windows-1252, with a warning.
    std::fs::write(input.join("cp1252.txt"), b"Mr. Michon (France): C\xF4te d\x92Ivoire and the Security Council.").unwrap();
    let nq = dir.path().join("nq");
    let (code, err) = extract(&nq, &[&input]);
    assert_eq!(code, 1, "{err}");
    for expected in [
        "binary.txt:3: expected text, found a NUL byte (binary file?)",
        "empty.txt:1: expected a speech, found an empty file",
        "huge.txt: the file is 31457280 bytes, over the maximum file size of 20971520",
        "warning: ",
    ] {
        assert!(err.contains(expected), "{expected:?} not in:\n{err}");
    }
    assert!(err.contains("6 speeches from 9 files, 3 failed"), "{err}");
    let part = std::fs::read_to_string(nq.join("part-00000.nq")).unwrap();
    assert!(part.contains("# unkg error: ") && part.contains("binary.txt:3:"), "the failures are not in the output");
    // The load says what the map step left out, and loads all the rest.
    let store = dir.path().join("store");
    let (code, err) = load(&store, &[&nq]);
    assert_eq!(code, 1, "{err}");
    for expected in ["error: ", "binary.txt:3:", "empty.txt:1:", "huge.txt:", "cp1252.txt"] {
        assert!(err.contains(expected), "{expected:?} not in:\n{err}");
    }
    assert!(err.contains("6 speeches from 1 files (6 added"), "{err}");
    assert_eq!(speeches(&store).len(), 6);
    assert!(speeches(&store).contains("cp1252.txt"));
}

#[test]
fn a_line_that_is_no_n_quads_costs_itself() {
    let dir = tempfile::tempdir().unwrap();
    let nq = dir.path().join("nq");
    assert_eq!(extract(&nq, &[&samples()]).0, 0);
    let mut text = std::fs::read_to_string(nq.join("part-00000.nq")).unwrap();
    text.insert_str(0, "this is no quad\n");
    std::fs::write(nq.join("part-00000.nq"), text).unwrap();
    let (code, err) = load(&dir.path().join("store"), &[&nq]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("part-00000.nq:1: expected an N-Quads line"), "{err}");
    assert!(err.contains("5 speeches from 1 files (5 added"), "{err}");
}

#[test]
fn extract_refuses_a_folder_with_part_files() {
    let dir = tempfile::tempdir().unwrap();
    let nq = dir.path().join("nq");
    assert_eq!(extract(&nq, &[&samples()]).0, 0);
    let (code, err) = extract(&nq, &[&samples()]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("holds part files already"), "{err}");
}

/// A real corpus, with its metadata tables found beside the speeches: the
/// Security Council's debates of 2020.
#[test]
fn extract_then_load_gives_the_store_build_gives_on_unsc_2020() {
    let Some(corpus) = shared("corpus/unsc-2020") else { return };
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = build(&dir.path().join("built"), &[&corpus]);
    assert!(code <= 1, "{err}");
    let (code_extract, err) = extract(&dir.path().join("nq"), &[&corpus]);
    assert_eq!(code_extract, code, "{err}");
    let (code_load, err) = load(&dir.path().join("loaded"), &[&dir.path().join("nq")]);
    assert_eq!(code_load, code, "{err}");
    assert_same_store(&dir.path().join("built"), &dir.path().join("loaded"));
}

#[test]
fn files_the_plan_refuses_are_told_to_the_load_too() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::copy(input.join("000_eb8c3d89eb49a159.txt"), other.join("000_eb8c3d89eb49a159.txt")).unwrap();
    let nq = dir.path().join("nq");
    let (code, err) = extract(&nq, &[&input, &other]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("speech id \"000_eb8c3d89eb49a159\" is already taken"), "{err}");
    let (code, err) = load(&dir.path().join("store"), &[&nq]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("is already taken"), "{err}");
    assert!(err.contains("5 speeches from 1 files (5 added"), "{err}");
}
