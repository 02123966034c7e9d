//! A short, deterministic fuzz run of every target (`unkg::fuzz`): each seed
//! once, then a fixed number of mutated inputs from a fixed random seed, so
//! that CI fails the same way on every machine and never on the clock.
//!
//! `UNKG_FUZZ_ITERS=N` changes the number of mutated inputs per target;
//! `UNKG_FUZZ_SECS=S` runs each target for S seconds instead (the README's
//! long run, and CI's minute per target); `UNKG_FUZZ_SEED=N` mutates from
//! another random seed, so that such runs explore new inputs each time (the
//! seed is printed, to replay a failure). Inputs that break a property are written to
//! `$CARGO_TARGET_TMPDIR/fuzz-crashes/` and named in the failure; fixed,
//! they belong in `tests/fuzz_seeds/regressions/`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use unkg::extract::Extractors;
use unkg::fuzz::mutate::Dictionary;
use unkg::fuzz::{mutate, Rng, Target, TARGETS};
use unkg::pipeline::Pipeline;
use unkg::reference::Reference;

/// Mutated inputs per target in CI: about a minute for all
/// targets on two cores (the README has the measured figures).
const ITERS: u64 = 40_000;

fn seeds(dictionary: Dictionary) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dirs: Vec<PathBuf> = match dictionary {
        Dictionary::Speech => vec![root.join("tests/fuzz_seeds"), root.join("data/speeches")],
        Dictionary::Table => vec![root.join("tests/fuzz_seeds/tables")],
    };
    let mut files: Vec<PathBuf> = dirs.iter().chain([&root.join("tests/fuzz_seeds/regressions")]).flat_map(|d| {
        std::fs::read_dir(d).unwrap_or_else(|e| panic!("{}: {e}", d.display())).map(|e| e.expect("a seed").path())
    })
    .filter(|p| p.is_file())
    .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).collect()
}

fn run(target: &Target) {
    let seeds = seeds(target.dictionary);
    let iters = std::env::var("UNKG_FUZZ_ITERS").ok().and_then(|v| v.parse().ok()).unwrap_or(ITERS);
    let budget = std::env::var("UNKG_FUZZ_SECS").ok().and_then(|v| v.parse().ok()).map(Duration::from_secs);
    let crashes = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-crashes");
    let seed: u64 = std::env::var("UNKG_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    let mut rng = Rng::new(
        0x756e_6b67 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ target.name.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)),
    );
    // Built once for every input, as a long-running driver would.
    let reference = Reference::bundled();
    let extractors = Extractors::new(reference.gazetteer());
    let pipeline = Pipeline::new(&reference, &extractors);
    let started = Instant::now();
    let mut failed = Vec::new();
    let mut executions = 0u64;
    let mut try_input = |input: &[u8], failed: &mut Vec<PathBuf>| {
        executions += 1;
        if catch_unwind(AssertUnwindSafe(|| (target.run)(&pipeline, input))).is_err() {
            std::fs::create_dir_all(&crashes).expect("a folder for crashing inputs");
            let path = crashes.join(format!("{}-{}.bin", target.name, executions));
            std::fs::write(&path, input).expect("save the crashing input");
            failed.push(path);
        }
    };
    for seed in &seeds {
        try_input(seed, &mut failed);
    }
    let mut i = 0u64;
    while budget.map_or(i < iters, |b| started.elapsed() < b) {
        let seed = &seeds[rng.below(seeds.len())];
        let other = &seeds[rng.below(seeds.len())];
        let input = mutate(&mut rng, seed, other, target.dictionary);
        try_input(&input, &mut failed);
        i += 1;
        // One bug tends to break many inputs: a handful tell enough.
        if failed.len() >= 10 {
            break;
        }
    }
    println!(
        "fuzz {} (UNKG_FUZZ_SEED={seed}): {executions} executions ({} seeds) in {:.1} s, {} failures",
        target.name,
        seeds.len(),
        started.elapsed().as_secs_f64(),
        failed.len()
    );
    assert!(failed.is_empty(), "{} inputs broke {}: {failed:?}", failed.len(), target.name);
}

fn target(name: &str) -> &'static Target {
    TARGETS.iter().find(|t| t.name == name).expect("a target of that name")
}

#[test]
fn fuzz_decode() {
    run(target("decode"));
}

#[test]
fn fuzz_normalize() {
    run(target("normalize"));
}

#[test]
fn fuzz_header() {
    run(target("header"));
}

#[test]
fn fuzz_metadata() {
    run(target("metadata"));
}

#[test]
fn fuzz_extract() {
    run(target("extract"));
}

#[test]
fn fuzz_speech_quads() {
    run(target("speech_quads"));
}

#[test]
fn every_target_has_its_test() {
    let names: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
    assert_eq!(names, ["decode", "normalize", "header", "metadata", "extract", "speech_quads"]);
}
