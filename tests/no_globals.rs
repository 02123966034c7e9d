//! No stage reaches a global for reference data: the gazetteers, the
//! speakers' directory, the Council's tables and the decisions come in as
//! one `Reference` value (`src/reference.rs`). This test reads `src/`
//! (test code aside) and fails on what would bring a global back: a static
//! that holds anything but a compiled constant, a function that hands out a
//! `'static` borrow of data, a table of `data/` embedded outside the
//! modules the `Reference` is built by, or a name of the accessors that
//! were removed.

use std::path::{Path, PathBuf};

/// Types a static may have: compiled constants (patterns, automata over
/// word lists written in the source, a formatted constant), the allocator,
/// and the server's state for the store it serves, which is no reference
/// data.
const STATIC_TYPES: &[&str] = &["LazyLock<Regex>", "LazyLock<AhoCorasick>", "LazyLock<String>", "mimalloc::MiMalloc", "OnceLock<Portal>"];

/// Functions that may return a `'static` borrow of something other than a
/// string: the server's state (see [`STATIC_TYPES`]).
const STATIC_ACCESSORS: &[&str] = &["fn portal("];

/// The files that embed tables of `data/`: the `Reference` is built from
/// them, and nothing else parses the tables.
const TABLE_FILES: &[&str] = &["gazetteer/embedded.rs", "link/council.rs", "decisions/mod.rs"];

/// Accessors of the globals that were removed, and their directory.
const REMOVED: &[&str] = &["GazetteerDirectory", "gazetteer::gazetteer(", "thread_local!", "lazy_static!", "OnceCell<"];

/// Every problem in the source `text` of `file` (a path relative to `src/`).
fn problems(file: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let at = || format!("src/{file}:{}: {}", n + 1, line.trim());
        let code = line.split("//").next().unwrap_or("");
        let trimmed = code.trim_start();
        let declaration = trimmed.strip_prefix("pub(crate) ").or_else(|| trimmed.strip_prefix("pub ")).unwrap_or(trimmed);
        if let Some(rest) = declaration.strip_prefix("static ") {
            let ty = rest.split_once(':').map(|(_, t)| t.split('=').next().unwrap_or("").trim()).unwrap_or("");
            let ty = ty.trim_start_matches("std::sync::");
            if !STATIC_TYPES.contains(&ty) {
                out.push(format!("{}: a static of type {ty:?} (reference data belongs in the Reference value)", at()));
            }
        }
        if let Some((signature, ret)) = code.split_once("->") {
            if signature.contains("fn ") && !STATIC_ACCESSORS.iter().any(|f| signature.contains(f)) {
                for (i, _) in ret.match_indices("&'static ") {
                    let after = &ret[i + "&'static ".len()..];
                    if !after.starts_with("str") {
                        out.push(format!("{}: returns a 'static borrow of data (pass the Reference instead)", at()));
                    }
                }
            }
        }
        if code.contains("include_str!(\"../") && code.contains("data/") && !TABLE_FILES.contains(&file) {
            out.push(format!("{}: a table of data/ embedded outside the Reference's modules", at()));
        }
        for name in REMOVED {
            if code.contains(name) {
                out.push(format!("{}: {name} (pass the Reference instead)", at()));
            }
        }
    }
    out
}

/// `text` with its `#[cfg(test)]` items blanked (so that lines keep their
/// numbers), and the files of the test modules it declares (`#[cfg(test)]
/// mod tests;`), which are test code whole. Items end at the closing brace
/// indented as their attribute, as the sources are laid out.
fn without_tests(path: &Path, text: &str) -> (String, Vec<PathBuf>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut keep = vec![true; lines.len()];
    let mut test_files = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim() != "#[cfg(test)]" {
            i += 1;
            continue;
        }
        let indent = &lines[i][..lines[i].len() - lines[i].trim_start().len()];
        let start = i;
        // Further attributes and doc comments belong to the same item.
        i += 1;
        while i < lines.len() && (lines[i].trim_start().starts_with("#[") || lines[i].trim_start().starts_with("///")) {
            i += 1;
        }
        let item = lines.get(i).map_or("", |l| l.trim());
        let opened = item.matches('{').count();
        if item.ends_with(';') {
            if let Some(name) = item.trim_start_matches("pub(crate) ").strip_prefix("mod ").and_then(|m| m.strip_suffix(';')) {
                test_files.extend(module_files(path, name));
            }
        } else if opened == 0 || opened != item.matches('}').count() {
            // Up to the closing brace at the attribute's indentation.
            while i < lines.len() && !lines[i].strip_prefix(indent).is_some_and(|rest| rest.starts_with('}')) {
                i += 1;
            }
        }
        for k in keep.iter_mut().take((i + 1).min(lines.len())).skip(start) {
            *k = false;
        }
        i += 1;
    }
    let kept = lines.iter().zip(&keep).map(|(l, k)| if *k { *l } else { "" }).collect::<Vec<_>>().join("\n");
    (kept, test_files)
}

/// Where the module `name` declared in `path` may live.
fn module_files(path: &Path, name: &str) -> Vec<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new(""));
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let base = if matches!(stem, "mod" | "lib" | "main") { dir.to_path_buf() } else { dir.join(stem) };
    vec![base.join(format!("{name}.rs")), base.join(name).join("mod.rs")]
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_stage_reaches_a_global_for_reference_data() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut sources = Vec::new();
    let mut test_files = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let (kept, tests) = without_tests(path, &text);
        test_files.extend(tests);
        sources.push((path, kept));
    }
    let mut found = Vec::new();
    for (path, kept) in &sources {
        if test_files.contains(path) {
            continue;
        }
        let file = path.strip_prefix(&src).expect("under src/").to_string_lossy().replace('\\', "/");
        found.extend(problems(&file, kept));
    }
    assert!(found.is_empty(), "reference data reached as a global:\n{}", found.join("\n"));
    assert!(sources.len() > 50 && test_files.len() >= 2, "the walk missed the sources");
}

/// The check finds each thing it forbids, and test code is left to tests.
#[test]
fn the_check_finds_what_it_forbids() {
    let source = r#"
use std::sync::LazyLock;
static NAMES: LazyLock<Vec<String>> = LazyLock::new(Vec::new);
static PATTERN: LazyLock<Regex> = LazyLock::new(|| Regex::new("x").unwrap());
pub fn council() -> &'static [CouncilTerm] { todo!() }
fn label() -> &'static str { "" }
const CSV: &str = include_str!("../../data/votes.csv");
fn f() { let d = GazetteerDirectory; }

#[cfg(test)]
mod tests {
    static FOR_TESTS: LazyLock<Vec<String>> = LazyLock::new(Vec::new);
}
"#;
    let (kept, _) = without_tests(Path::new("src/rdf/x.rs"), source);
    let found = problems("rdf/x.rs", &kept);
    let lines: Vec<&str> = found.iter().map(|p| p.split(": ").next().unwrap_or("")).collect();
    assert_eq!(lines, ["src/rdf/x.rs:3", "src/rdf/x.rs:5", "src/rdf/x.rs:7", "src/rdf/x.rs:8"], "{found:#?}");
}
