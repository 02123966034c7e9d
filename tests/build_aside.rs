//! A build that replaces most of a store writes a new one beside it and
//! swaps it in; one that replaces little goes graph by graph. Killed at any
//! moment (`kill -9`), a build aside leaves the old store or the new one,
//! which opens and equals a clean build, and the next build finishes it.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Appends a sentence to every speech of `input`: every fingerprint changes.
fn touch_all(input: &Path) {
    for entry in std::fs::read_dir(input).unwrap() {
        let path = entry.unwrap().path();
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str("\nWe thank France for its support.\n");
        std::fs::write(&path, text).unwrap();
    }
}

/// The folder a build aside of `store` writes in.
fn sibling(store: &Path) -> PathBuf {
    store.with_file_name(format!(".{}.unkg-aside", store.file_name().unwrap().to_string_lossy()))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn every_speech_changed_goes_aside_and_one_changed_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("quads loaded in place;"), "{err}");

    touch_all(&input);
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("(0 added, 5 replaced, 0 unchanged, 0 moved)"), "{err}");
    assert!(err.contains("quads loaded into a new store, swapped in;"), "{err}");
    assert!(!sibling(&store).exists(), "the old store is deleted");
    assert_eq!(nquads(&store), fresh_dump(&input, "clean"), "the store swapped in equals a clean build");

    // The shortest speech: well under a quarter of the store.
    let one = input.join("003_b70b41d151435293.txt");
    let mut text = std::fs::read_to_string(&one).unwrap();
    text.push_str("\nWe thank Germany.\n");
    std::fs::write(&one, text).unwrap();
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("(0 added, 1 replaced, 4 unchanged, 0 moved)"), "{err}");
    assert!(err.contains("quads loaded in place;"), "{err}");
    assert_eq!(nquads(&store), fresh_dump(&input, "clean"));
}

#[test]
fn a_store_holding_speeches_of_other_folders_is_never_built_aside() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::rename(input.join("004_b358dbdd33e14572.txt"), other.join("004_b358dbdd33e14572.txt")).unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&input]).0, 0);
    assert_eq!(build(&store, &[&other]).0, 0);
    touch_all(&input);
    let out = unkg().arg("build").arg("--keep-missing").arg("--store").arg(&store).arg(&input).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("(0 added, 4 replaced, 0 unchanged, 0 moved)") && err.contains("quads loaded in place;"), "{err}");
    let n = &query(&store, "SELECT (COUNT(?s) AS ?n) WHERE { ?s a unkg:Speech }")[0]["n"];
    assert_eq!(n, "5", "the other folder's speech stays");
}

#[test]
fn a_build_aside_killed_at_any_moment_leaves_the_old_store_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let pristine = dir.path().join("pristine");
    assert_eq!(build(&pristine, &[&input]).0, 0);
    let old = nquads(&pristine);
    touch_all(&input);
    let new = fresh_dump(&input, "clean");
    assert_ne!(old, new);

    // How long a build aside takes here, to spread the kills over it.
    let store = dir.path().join("store");
    copy_dir(&pristine, &store);
    let started = Instant::now();
    let (code, err) = build(&store, &[&input]);
    assert!(code == 0 && err.contains("swapped in"), "{err}");
    let whole = started.elapsed();
    std::fs::remove_dir_all(&store).unwrap();

    let (mut olds, mut news) = (0, 0);
    // Spread over the build, and thicker at its end, where the swap is.
    for fraction in [0.1, 0.25, 0.4, 0.55, 0.7, 0.8, 0.88, 0.94, 0.98, 1.02] {
        copy_dir(&pristine, &store);
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("unkg"))
            .arg("build")
            .arg("--quiet")
            .arg("--store")
            .arg(&store)
            .arg(&input)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_secs_f64(whole.as_secs_f64() * fraction));
        // SIGKILL: no destructor, no flush.
        let _ = child.kill();
        child.wait().unwrap();

        let dump = nquads(&store);
        if dump == old {
            olds += 1;
        } else if dump == new {
            news += 1;
        } else {
            panic!("killed at {fraction} of the build, the store is neither the old one nor the new one");
        }
        let (code, err) = build(&store, &[&input]);
        assert_eq!(code, 0, "after a kill at {fraction}: {err}");
        assert_eq!(nquads(&store), new, "the build after a kill at {fraction} equals a clean build");
        assert!(!sibling(&store).exists(), "the build after a kill at {fraction} leaves no folder beside the store");
        std::fs::remove_dir_all(&store).unwrap();
    }
    println!("killed builds left the old store {olds} times and the new one {news} times");
}

#[test]
fn the_states_a_swap_passes_through_open_as_the_old_store_or_the_new_one() {
    // A kill lands between two system calls: before the exchange (the new
    // store whole beside the old) or after it (the old store beside the new).
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    let old_store = dir.path().join("old");
    assert_eq!(build(&old_store, &[&input]).0, 0);
    let old = nquads(&old_store);
    touch_all(&input);
    let new_store = dir.path().join("new");
    assert_eq!(build(&new_store, &[&input]).0, 0);
    let new = nquads(&new_store);

    for exchanged in [false, true] {
        let store = dir.path().join(format!("store-{exchanged}"));
        let (here, beside) = if exchanged { (&new_store, &old_store) } else { (&old_store, &new_store) };
        copy_dir(here, &store);
        copy_dir(beside, &sibling(&store));
        assert_eq!(&nquads(&store), if exchanged { &new } else { &old }, "the store opens as it was (exchanged: {exchanged})");
        let (code, err) = build(&store, &[&input]);
        assert_eq!(code, 0, "{err}");
        assert!(!sibling(&store).exists(), "the next writer removes the folder beside the store (exchanged: {exchanged})");
        assert_eq!(nquads(&store), new);
    }
}
