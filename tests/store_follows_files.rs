//! A build knows the files it was given: after deletions, renames, moves
//! and edits, the store equals a fresh build of the same folder, quad for
//! quad, long speeches read in windows included.

mod common;

use common::*;
use std::path::Path;

/// Says which lines differ, where two dumps do.
fn assert_same(incremental: &[u8], fresh: &[u8], after: &str) {
    if incremental != fresh {
        let (a, b) = (String::from_utf8_lossy(incremental), String::from_utf8_lossy(fresh));
        let stale: Vec<&str> = a.lines().filter(|l| !b.contains(l)).take(5).collect();
        let lacking: Vec<&str> = b.lines().filter(|l| !a.contains(l)).take(5).collect();
        panic!("after {after}, the store differs from a fresh build:\nonly in the store: {stale:#?}\nonly in the fresh build: {lacking:#?}");
    }
}

fn speeches(store: &Path) -> usize {
    query(store, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a unkg:Speech }")[0]["n"].parse().expect("a count")
}

#[test]
fn a_deleted_file_takes_its_speech_with_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&input]).0, 0);
    std::fs::remove_file(input.join("004_b358dbdd33e14572.txt")).unwrap();
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("4 speeches from 4 files (0 added, 0 replaced, 4 unchanged, 0 moved), 0 failed, 1 removed"), "{err}");
    assert_eq!(speeches(&store), 4);
    assert_same(&nquads(&store), &fresh_dump(&input, "fresh"), "a deletion");
}

#[test]
fn a_renamed_file_is_a_move_and_an_edited_one_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&input]).0, 0);
    std::fs::rename(input.join("003_b70b41d151435293.txt"), input.join("renamed.txt")).unwrap();
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("5 speeches from 5 files (0 added, 0 replaced, 4 unchanged, 1 moved), 0 failed, 0 removed"), "{err}");
    assert_eq!(speeches(&store), 5);
    assert_same(&nquads(&store), &fresh_dump(&input, "fresh"), "a rename");

    // Renamed and changed: no longer the same bytes, so one out and one in.
    let text = std::fs::read_to_string(input.join("renamed.txt")).unwrap();
    std::fs::remove_file(input.join("renamed.txt")).unwrap();
    std::fs::write(input.join("renamed-again.txt"), text.replacen("Kazakhstan", "Kyrgyzstan", 2)).unwrap();
    // And one moved into a subfolder under its own name: the graph records
    // where its file is.
    std::fs::create_dir(input.join("sub")).unwrap();
    std::fs::rename(input.join("000_eb8c3d89eb49a159.txt"), input.join("sub/000_eb8c3d89eb49a159.txt")).unwrap();
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("(1 added, 1 replaced, 3 unchanged, 0 moved), 0 failed, 1 removed"), "{err}");
    assert_same(&nquads(&store), &fresh_dump(&input, "fresh"), "a rename with an edit and a move");
}

#[test]
fn keep_missing_keeps_what_other_folders_built() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::rename(input.join("004_b358dbdd33e14572.txt"), other.join("004_b358dbdd33e14572.txt")).unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&input]).0, 0);
    // Another folder built into the same store: nothing of the first is
    // under it, so nothing of the first goes.
    let (code, err) = build(&store, &[&other]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 removed"), "{err}");
    assert_eq!(speeches(&store), 5);
    // A file gone from a folder built in turns: kept when asked.
    std::fs::remove_file(input.join("000_eb8c3d89eb49a159.txt")).unwrap();
    let out = unkg().args(["build", "--keep-missing", "--store"]).arg(&store).arg(&input).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && err.contains("0 removed"), "{err}");
    assert_eq!(speeches(&store), 5);
    let (_, err) = build(&store, &[&input]);
    assert!(err.contains("1 removed"), "{err}");
    assert_eq!(speeches(&store), 4);
}

#[test]
fn a_file_that_no_longer_reads_leaves_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&input]).0, 0);
    std::fs::write(input.join("002_d4c329a390a28c7b.txt"), "  \n").unwrap();
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("1 failed, 1 removed"), "{err}");
    let fresh = dir.path().join("fresh");
    build(&fresh, &[&input]);
    assert_same(&nquads(&store), &nquads(&fresh), "a file emptied");
}

#[test]
fn a_rebuilt_long_speech_equals_a_fresh_build_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    // Over the 256 KiB window: read and written in parts.
    let long = long_speech(600 << 10);
    std::fs::write(input.join("long.txt"), &long).unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&input]).0, 0);
    // Text inserted early moves every later mention and window edge.
    let edited = long.replacen("Part 2.", "Part 2. The Secretary-General, Mr. Antonio Guterres, visited Mali and Niger.", 1);
    std::fs::write(input.join("long.txt"), edited).unwrap();
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 added, 1 replaced, 5 unchanged"), "{err}");
    assert_same(&nquads(&store), &fresh_dump(&input, "fresh"), "a long speech edited");
    // And cut to a third: quads that only the longer text had are gone.
    std::fs::write(input.join("long.txt"), &long[..long.len() / 3]).unwrap();
    assert_eq!(build(&store, &[&input]).0, 0);
    assert_same(&nquads(&store), &fresh_dump(&input, "fresh"), "a long speech cut");
}

#[test]
fn council_speeches_deleted_renamed_and_edited_equal_a_fresh_build() {
    // A meeting's worth of the Council's speeches with their tables: they
    // share meetings, speakers and entities in the corpus graph.
    let Some(corpus) = shared("corpus/unsc-2020") else { return };
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("unsc");
    std::fs::create_dir_all(input.join("speeches")).unwrap();
    for table in ["meta_speeches_2020.tsv", "meta_meetings_2020.tsv"] {
        std::fs::copy(corpus.join(table), input.join(table)).unwrap();
    }
    let mut names: Vec<_> = std::fs::read_dir(corpus.join("speeches")).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    for name in &names[1500..1560] {
        std::fs::copy(corpus.join("speeches").join(name), input.join("speeches").join(name)).unwrap();
    }
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&input]).0, 0);
    let file = |i: usize| input.join("speeches").join(&names[1500 + i]);
    for i in [3, 17, 40] {
        std::fs::remove_file(file(i)).unwrap();
    }
    std::fs::rename(file(20), input.join("speeches/renamed.txt")).unwrap();
    let bytes = std::fs::read(file(30)).unwrap();
    std::fs::write(file(30), &bytes[..bytes.len() / 3]).unwrap();
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("3 removed"), "{err}");
    assert_same(&nquads(&store), &fresh_dump(&input, "fresh"), "deletions, a rename and an edit");
}
