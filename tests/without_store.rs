//! The extraction builds without the store (#20): `cargo build
//! --no-default-features --lib` compiles the pipeline and everything under
//! it with no oxigraph, RocksDB or C++ toolchain, which is what a Python
//! wheel or a cluster's map step needs. The rest of `cargo test` tests the
//! default build; this tests the other one, so that a stage that starts
//! needing the store fails here instead of in a binding's build.

use std::path::Path;
use std::process::Command;

fn cargo() -> Command {
    let mut cmd = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Nothing of the store is in the dependency tree without the feature.
#[test]
fn the_lean_build_depends_on_no_store() {
    let out = cargo()
        .args(["tree", "--no-default-features", "--edges", "normal,build", "--prefix", "none", "--format", "{p}"])
        .output()
        .expect("run cargo tree");
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&out.stderr));
    let crates: Vec<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(crates.contains(&"oxrdf") && crates.contains(&"regex"), "the tree lacks the extraction's crates: {crates:?}");
    for heavy in ["oxigraph", "oxrocksdb-sys", "bindgen", "clang-sys", "cc", "oxhttp"] {
        assert!(!crates.contains(&heavy), "{heavy} is in the build without the store feature:\n{tree}");
    }
}

/// The library compiles without the feature, warnings included (a gate
/// that leaves an import or a function unused shows as one).
#[test]
fn the_lean_build_compiles() {
    // A target folder of its own: the build running this test holds the lock
    // of its own, and the check's artifacts stay warm for the next run.
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-store");
    let out = cargo()
        .args(["check", "--no-default-features", "--lib", "--message-format", "short", "--target-dir"])
        .arg(&target)
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .expect("run cargo check");
    assert!(
        out.status.success(),
        "cargo check --no-default-features --lib failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The command line builds without the store too, with `unkg extract`
/// alone (the map step on machines with no C++ toolchain), and with nothing
/// of the store in its tree.
#[test]
fn the_map_step_command_line_builds_without_the_store() {
    let out = cargo()
        .args(["tree", "--no-default-features", "--features", "cli", "--edges", "normal,build", "--prefix", "none", "--format", "{p}"])
        .output()
        .expect("run cargo tree");
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "cargo tree failed: {}", String::from_utf8_lossy(&out.stderr));
    let crates: Vec<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(crates.contains(&"clap"), "the tree lacks the command line: {crates:?}");
    for heavy in ["oxigraph", "oxrocksdb-sys", "bindgen", "clang-sys", "oxhttp"] {
        assert!(!crates.contains(&heavy), "{heavy} is in the command line without the store feature:\n{tree}");
    }
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-store");
    let out = cargo()
        .args(["check", "--no-default-features", "--features", "cli", "--bins", "--message-format", "short", "--target-dir"])
        .arg(&target)
        .env("RUSTFLAGS", "-D warnings")
        .output()
        .expect("run cargo check");
    assert!(
        out.status.success(),
        "cargo check --no-default-features --features cli --bins failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
