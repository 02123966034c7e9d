//! The map step on Spark (#20): `python -m unkg.spark` in local mode
//! (`local[2]`) over the samples and bad files, then `unkg load`, gives the
//! store `unkg build` gives for the same files (sorted dump, fingerprint
//! literals aside); bad records fail alone, named with their reason in the
//! job's output. Skips, saying why, without java, or where pyspark or
//! maturin cannot be installed.

mod common;

use common::{build, copy_samples, dump_without_fingerprints, first_difference, load};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The venv with pyspark and maturin (`UNKG_SPARK_VENV`, which `.ci/run`
/// keeps warm, or `~/.cache/unkg/venv-spark`, made if missing), with the
/// checkout installed afresh; None, saying why, where it cannot be had.
fn spark_venv() -> Option<PathBuf> {
    let venv = match std::env::var_os("UNKG_SPARK_VENV") {
        Some(v) => PathBuf::from(v),
        None => Path::new(&std::env::var_os("HOME")?).join(".cache/unkg/venv-spark"),
    };
    if !venv.join("bin/python").exists() {
        let made = Command::new("python3").args(["-m", "venv"]).arg(&venv).status();
        if !made.is_ok_and(|s| s.success()) {
            println!("skipped: python3 -m venv {} failed", venv.display());
            return None;
        }
    }
    let has = |module: &str| {
        Command::new(venv.join("bin/python")).args(["-c", &format!("import {module}")]).output().is_ok_and(|o| o.status.success())
    };
    if !(has("pyspark") && has("maturin")) {
        let installed = Command::new(venv.join("bin/pip")).args(["install", "-q", "pyspark>=3.4", "maturin>=1.5,<2"]).status();
        if !installed.is_ok_and(|s| s.success()) {
            println!("skipped: pyspark or maturin could not be installed into {}", venv.display());
            return None;
        }
    }
    // The checkout as it is now, built by cargo in a folder of its own.
    let mut path = std::ffi::OsString::from(venv.join("bin"));
    path.push(":");
    path.push(std::env::var_os("PATH").unwrap_or_default());
    let target = venv.parent().map(|p| p.join("target-py")).unwrap_or_else(|| venv.join("target"));
    let out = Command::new(venv.join("bin/pip"))
        .args(["install", "-q", "--no-build-isolation", "--force-reinstall", "--no-deps", "."])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("CARGO_TARGET_DIR", target)
        .env("PATH", path)
        .output()
        .expect("run pip install .");
    assert!(out.status.success(), "pip install . failed:\n{}", String::from_utf8_lossy(&out.stderr));
    Some(venv)
}

#[test]
fn the_spark_job_then_load_gives_the_store_build_gives() {
    if !Command::new("java").arg("-version").output().is_ok_and(|o| o.status.success()) {
        println!("skipped: no java (Spark needs it; .ci/run installs openjdk-17-jre-headless)");
        return;
    }
    let Some(venv) = spark_venv() else { return };
    let dir = tempfile::tempdir().unwrap();
    let input = copy_samples(dir.path());
    std::fs::write(input.join("binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01").unwrap();
    std::fs::write(input.join("huge.txt"), vec![b'a'; 30 << 20]).unwrap();
    std::fs::write(input.join("cp1252.txt"), b"Mr. Michon (France): C\xF4te d\x92Ivoire and the Security Council.").unwrap();

    let out = Command::new(venv.join("bin/python"))
        .args(["-m", "unkg.spark", "--master", "local[2]", "--input"])
        .arg(&input)
        .arg("--output")
        .arg(dir.path().join("nq"))
        .current_dir(dir.path())
        .output()
        .expect("run python -m unkg.spark");
    let err = String::from_utf8_lossy(&out.stderr);
    // The bad records failed, each with its path and reason; the job did not.
    assert_eq!(out.status.code(), Some(1), "{err}");
    for expected in [
        "error: ",
        "binary.txt:3: expected text, found a NUL byte (binary file?)",
        "huge.txt: the file is 31457280 bytes, over the maximum file size of 20971520",
        "cp1252.txt:1: not valid UTF-8: read as Windows-1252",
        "6 speeches from 8 files, 2 failed; 2 part files",
    ] {
        assert!(err.contains(expected), "{expected:?} not in:\n{err}");
    }
    assert!(dir.path().join("nq/_SUCCESS").exists(), "the job did not finish:\n{err}");

    let (code, err) = load(&dir.path().join("loaded"), &[&dir.path().join("nq")]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("binary.txt:3:") && err.contains("huge.txt:"), "load does not report the job's failures:\n{err}");
    let (code, err) = build(&dir.path().join("built"), &[&input]);
    assert_eq!(code, 1, "{err}");
    let (a, b) = (dump_without_fingerprints(&dir.path().join("built")), dump_without_fingerprints(&dir.path().join("loaded")));
    assert!(a == b, "build and the Spark job + load differ: {}", first_difference(&a, &b));
}
