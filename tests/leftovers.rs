//! A killed build leaves nothing the next writer keeps, and a refused
//! build writes nothing at all.

mod common;

use common::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// The store's files, each with its size and time of change.
fn listing(store: &Path) -> BTreeMap<String, (u64, SystemTime)> {
    std::fs::read_dir(store)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| {
            let meta = e.metadata().unwrap();
            (e.file_name().to_string_lossy().into_owned(), (meta.len(), meta.modified().unwrap()))
        })
        .collect()
}

fn leftovers(store: &Path) -> Vec<String> {
    listing(store).into_keys().filter(|n| n.starts_with("bulk-") || n.starts_with("LOG.old")).collect()
}

#[test]
fn files_of_killed_builds_are_removed_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    // A speech of several megabytes: long enough a load to kill in its midst.
    let long = long_speech(4 << 20);
    std::fs::write(input.join("long.txt"), long).unwrap();
    let store = dir.path().join("store");
    let mut left = 0;
    for _ in 0..3 {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unkg"))
            .args(["build", "--quiet", "--store"])
            .arg(&store)
            .arg(&input)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Killed as soon as the loader has written a file of its own.
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(120) {
            if store.is_dir() && listing(&store).keys().any(|n| n.starts_with("bulk-")) {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        child.kill().unwrap(); // SIGKILL: nothing of unkg's runs after it
        child.wait().unwrap();
        left = left.max(leftovers(&store).len());
    }
    assert!(left > 0, "no killed build left a file: the test killed none in its load");
    println!("the killed builds left up to {left} file(s)");
    let (code, err) = build(&store, &[&input]);
    assert_eq!(code, 0, "{err}");
    assert!(leftovers(&store).is_empty(), "left behind: {:?}", leftovers(&store));
    // And what the killed builds wrote is no part of the result.
    let fresh = dir.path().join("fresh");
    assert_eq!(build(&fresh, &[&input]).0, 0);
    assert!(nquads(&store) == nquads(&fresh), "the store differs from a fresh build");
}

#[test]
fn a_build_refused_while_readers_read_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    assert_eq!(build(&store, &[&samples()]).0, 0);
    let reader = unkg::store::KgStore::open_read_only(&store).unwrap();
    let before = listing(&store);
    // Times of change are coarse on some file systems: let one tick pass.
    std::thread::sleep(Duration::from_millis(50));
    for _ in 0..2 {
        let (code, err) = build(&store, &[&samples()]);
        assert_eq!(code, 3, "{err}");
        assert!(err.contains("open for reading"), "{err}");
    }
    assert_eq!(listing(&store), before, "a refused build changed the store's folder");
    drop(reader);
}
