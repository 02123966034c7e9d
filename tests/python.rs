//! The Python binding (#20): `pip install .` from the checkout into a fresh
//! venv, then `python/tests/check_binding.py` compares what it gives with
//! the command line's output on the samples (mentions against
//! `mentions.rq`, N-Quads against `unkg extract`, bad input) and opens the
//! store `unkg build` made with pyoxigraph. Skips, saying why, where Python
//! or maturin cannot be had.

mod common;

use common::{build, extract, samples, unkg};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A venv under `~/.cache/unkg`, made afresh, with maturin (and pyoxigraph
/// where it can be had); None, saying why, where that cannot be done.
fn fresh_venv(name: &str) -> Option<PathBuf> {
    let Some(home) = std::env::var_os("HOME") else {
        println!("skipped: HOME is not set, so there is no ~/.cache/unkg for the venv");
        return None;
    };
    let venv = Path::new(&home).join(".cache/unkg").join(name);
    let _ = std::fs::remove_dir_all(&venv);
    let python = std::env::var_os("UNKG_PYTHON3").unwrap_or_else(|| "python3".into());
    match Command::new(&python).args(["-m", "venv"]).arg(&venv).output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            println!("skipped: python3 -m venv failed: {}", String::from_utf8_lossy(&out.stderr));
            return None;
        }
        Err(e) => {
            println!("skipped: no python3 ({e})");
            return None;
        }
    }
    let pip = |args: &[&str]| Command::new(venv.join("bin/pip")).args(["install", "-q"]).args(args).output();
    match pip(&["maturin>=1.5,<2"]) {
        Ok(out) if out.status.success() => {}
        Ok(out) => {
            println!("skipped: maturin could not be installed: {}", String::from_utf8_lossy(&out.stderr));
            return None;
        }
        Err(e) => {
            println!("skipped: pip did not run: {e}");
            return None;
        }
    }
    if !pip(&["pyoxigraph>=0.5"]).is_ok_and(|out| out.status.success()) {
        println!("note: pyoxigraph could not be installed; its check will skip");
    }
    Some(venv)
}

/// `pip install .` from the checkout: maturin builds the binding with
/// cargo, in a target folder of its own under `~/.cache/unkg` (the build
/// running this test holds its own).
fn pip_install_checkout(venv: &Path) {
    let target = venv.parent().expect("the venv is in ~/.cache/unkg").join("target-py");
    // The venv's maturin, as if it were activated.
    let mut path = std::ffi::OsString::from(venv.join("bin"));
    path.push(":");
    path.push(std::env::var_os("PATH").unwrap_or_default());
    let out = Command::new(venv.join("bin/pip"))
        .args(["install", "-q", "--no-build-isolation", "."])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("CARGO_TARGET_DIR", &target)
        .env("PATH", path)
        .output()
        .expect("run pip install .");
    assert!(out.status.success(), "pip install . failed:\n{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

#[test]
fn the_binding_gives_what_the_command_line_gives() {
    let Some(venv) = fresh_venv("venv-binding") else { return };
    pip_install_checkout(&venv);
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let (code, err) = build(&store, &[&samples()]);
    assert_eq!(code, 0, "{err}");
    let mentions = dir.path().join("mentions.csv");
    let out = unkg()
        .args(["query", "--format", "csv", "--store"])
        .arg(&store)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("queries/mentions.rq"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::write(&mentions, out.stdout).unwrap();
    let (code, err) = extract(&dir.path().join("nq"), &[&samples()]);
    assert_eq!(code, 0, "{err}");
    let out = Command::new(venv.join("bin/python"))
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("python/tests/check_binding.py"))
        .arg(samples())
        .arg(&mentions)
        .arg(dir.path().join("nq/part-00000.nq"))
        .arg(&store)
        .output()
        .expect("run check_binding.py");
    let report = String::from_utf8_lossy(&out.stdout);
    println!("{report}");
    assert!(out.status.success(), "check_binding.py failed:\n{report}{}", String::from_utf8_lossy(&out.stderr));
}
