//! The extraction builds without the store (#20): `cargo build
//! --no-default-features --lib` compiles the pipeline and everything under
//! it with no oxigraph, RocksDB or C++ toolchain, which is what a Python
//! wheel or a cluster's map step needs. The rest of `cargo test` tests the
//! default build; this tests the other one, so that a stage that starts
//! needing the store fails here instead of in a binding's build.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// The crates of the dependency tree without the store, with `args` (the
/// features) added, and the tree as printed.
fn lean_tree(args: &[&str]) -> (BTreeSet<String>, String) {
    let out = cargo()
        .args(["tree", "--no-default-features"])
        .args(args)
        .args(["--edges", "normal,build", "--prefix", "none", "--format", "{p}"])
        .output()
        .expect("run cargo tree");
    let tree = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&out.stderr));
    let crates = tree.lines().filter_map(|l| l.split_whitespace().next()).map(str::to_owned).collect();
    (crates, tree)
}

/// `cargo check --no-default-features` with `args`, warnings as errors,
/// in a target folder of its own: the build running this test holds the
/// lock of its own, and the check's artifacts stay warm for the next run.
fn lean_check(args: &[&str]) {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-store");
    let out = cargo()
        .args(["check", "--no-default-features"])
        .args(args)
        .args(["--message-format", "short", "--target-dir"])
        .arg(&target)
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .expect("run cargo check");
    assert!(
        out.status.success(),
        "cargo check --no-default-features {} failed:\n{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Nothing of the store is in the dependency tree without the feature.
#[test]
fn the_lean_build_depends_on_no_store() {
    let (crates, tree) = lean_tree(&[]);
    assert!(crates.contains("oxrdf") && crates.contains("regex"), "the tree lacks the extraction's crates: {crates:?}");
    for heavy in ["oxigraph", "oxrocksdb-sys", "bindgen", "clang-sys", "cc", "oxhttp"] {
        assert!(!crates.contains(heavy), "{heavy} is in the build without the store feature:\n{tree}");
    }
}

/// The library compiles without the feature, warnings included (a gate
/// that leaves an import or a function unused shows as one).
#[test]
fn the_lean_build_compiles() {
    lean_check(&["--lib"]);
}

/// The command line builds without the store too, with `unkg extract`
/// alone (the map step on machines with no C++ toolchain), and with nothing
/// of the store in its tree.
#[test]
fn the_map_step_command_line_builds_without_the_store() {
    let (crates, tree) = lean_tree(&["--features", "cli"]);
    assert!(crates.contains("clap"), "the tree lacks the command line: {crates:?}");
    for heavy in ["oxigraph", "oxrocksdb-sys", "bindgen", "clang-sys", "oxhttp"] {
        assert!(!crates.contains(heavy), "{heavy} is in the command line without the store feature:\n{tree}");
    }
    lean_check(&["--features", "cli", "--bins"]);
}
