//! The store is exactly a function of its input: the same files built in
//! several processes, each with its own hash seeds, give byte-identical
//! dumps. Hash maps draw their seeds per process, so an output that
//! depended on a map's iteration order would differ between these builds
//! (as persons::back_references once did on the Sori-Coulibaly text).

use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds: enough for an order that changes with the seed to show (the
/// repro differed in about one build in two).
const BUILDS: usize = 6;

/// The text of #22's repro: "Sori" and "Sori-Coulibaly" both claim the
/// last mention.
const SORI: &str = "Mr. Clay (United Kingdom): I thank Ms. Rosine Sori-Coulibaly for her briefing. The Council \
                    visited Guinea-Bissau, where it met Ms. Sori- Coulibaly. We thank Ms. Sori- Coulibaly for her \
                    presence. Let me start by thanking Special Representative of the Secretary- General \
                    Sori-Coulibaly and Ambassador Filho.\n";

fn unkg() -> Command {
    Command::new(env!("CARGO_BIN_EXE_unkg"))
}

/// Builds `input` into a fresh store under `dir` and dumps it as N-Quads.
fn build_and_dump(input: &Path, dir: &Path, n: usize) -> Vec<u8> {
    let store = dir.join(format!("store-{n}"));
    let out = unkg().args(["build", "--quiet", "--store"]).arg(&store).arg(input).output().expect("run unkg build");
    assert!(out.status.success(), "build {n}: {}", String::from_utf8_lossy(&out.stderr));
    let out = unkg().args(["export", "--format", "nquads", "--store"]).arg(&store).output().expect("run unkg export");
    assert!(out.status.success(), "export {n}: {}", String::from_utf8_lossy(&out.stderr));
    std::fs::remove_dir_all(&store).expect("remove the store");
    out.stdout
}

/// Builds `input` [`BUILDS`] times and says where the first dump that
/// differs from the first build's differs.
fn assert_same_dumps(input: &Path, dir: &Path) {
    let first = build_and_dump(input, dir, 0);
    assert!(!first.is_empty());
    for n in 1..BUILDS {
        let dump = build_and_dump(input, dir, n);
        if dump != first {
            let (a, b) = (String::from_utf8_lossy(&first), String::from_utf8_lossy(&dump));
            let only_first: Vec<&str> = a.lines().filter(|l| !b.contains(l)).take(5).collect();
            let only_this: Vec<&str> = b.lines().filter(|l| !a.contains(l)).take(5).collect();
            panic!("build {n} of {} differs from build 0:\nonly in 0: {only_first:#?}\nonly in {n}: {only_this:#?}", input.display());
        }
    }
}

#[test]
fn the_sori_coulibaly_repro_gives_one_dump_in_every_process() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("a folder");
    std::fs::write(input.join("sori.txt"), SORI).expect("the repro");
    assert_same_dumps(&input, dir.path());
}

/// A speech of `bytes` bytes or more, made of the bundled samples' words
/// and the repro, each copy numbered so that no two paragraphs are alike.
fn long_speech(bytes: usize) -> String {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/speeches");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&samples).expect("the samples").map(|e| e.expect("a sample").path()).collect();
    files.sort();
    let bodies: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).expect("a sample").split_once(':').map_or(String::new(), |(_, b)| b.to_owned()))
        .collect();
    let mut text = String::from("Mr. Umarov (Kazakhstan): ");
    let mut n = 0;
    while text.len() < bytes {
        n += 1;
        text.push_str(&format!("\n\nPart {n}. "));
        text.push_str(&bodies[n % bodies.len()]);
        text.push_str(SORI.split_once(": ").map_or(SORI, |(_, b)| b));
    }
    text
}

#[test]
fn long_speeches_read_in_windows_give_one_dump_in_every_process() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let input = dir.path().join("in");
    std::fs::create_dir(&input).expect("a folder");
    // Over the 256 KiB window, so that each is extracted in parts.
    for (name, bytes) in [("long-a.txt", 300 << 10), ("long-b.txt", 700 << 10)] {
        std::fs::write(input.join(name), long_speech(bytes)).expect("a long speech");
    }
    assert_same_dumps(&input, dir.path());
}

#[test]
fn long_speeches_of_the_shared_corpus_give_one_dump_in_every_process() {
    // Real text, OCR damage included: the General Debate's session 60 run
    // together into files of about 600 KB, and its eight longest speeches
    // with their table.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/ungdc");
    if !corpus.exists() {
        println!("skipped: {} is absent (the shared corpus is not on this machine)", corpus.display());
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path().join("ungdc");
    let session = root.join("TXT/Session 60 - 2005");
    std::fs::create_dir_all(&session).expect("a folder");
    std::fs::copy(corpus.join("Speakers_by_session.csv"), root.join("Speakers_by_session.csv")).expect("the table");
    let mut speeches: Vec<(u64, PathBuf)> = std::fs::read_dir(corpus.join("TXT/Session 60 - 2005"))
        .expect("session 60")
        .map(|e| e.expect("a speech").path())
        .map(|p| (std::fs::metadata(&p).map_or(0, |m| m.len()), p))
        .collect();
    speeches.sort();
    for (_, p) in speeches.iter().rev().take(8) {
        std::fs::copy(p, session.join(p.file_name().expect("a name"))).expect("copy a speech");
    }
    let (mut joined, mut part) = (Vec::new(), 0);
    for (_, p) in &speeches {
        joined.extend(std::fs::read(p).expect("a speech"));
        joined.extend(b"\n\n");
        if joined.len() > 600_000 {
            part += 1;
            std::fs::write(root.join(format!("session-60-part-{part}.txt")), std::mem::take(&mut joined)).expect("a long file");
        }
    }
    assert!(part >= 2, "session 60 makes {part} long files");
    assert_same_dumps(&root, dir.path());
}
