//! Expands the paths given on the command line into speech files.

use crate::error::Error;
use std::path::{Path, PathBuf};

/// What [`discover`] found: the speech files, and the entries it could not
/// look at, each an error naming its path.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Every speech file, sorted, each once.
    pub files: Vec<PathBuf>,
    /// Paths that could not be read or followed; none stops the others.
    pub problems: Vec<Error>,
}

/// Every `.txt` file at or below `paths`, sorted, each once.
///
/// Files named explicitly are taken whatever their extension; folders are
/// searched recursively for `.txt` files, leaving out the corpora's own
/// `README*.txt`, which describe a corpus and are no speech. An entry that
/// cannot be read (a folder without permission, a dangling link, a link
/// loop, a FIFO that would block the build) is reported and skipped: one bad
/// entry must not cost the rest of a corpus.
pub fn discover(paths: &[PathBuf]) -> Discovered {
    let mut found = Discovered::default();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &mut Vec::new(), &mut found),
            Ok(meta) if meta.is_file() => found.files.push(path.clone()),
            Ok(_) => found.problems.push(not_a_file(path)),
            Err(e) => found.problems.push(Error::io(path, e)),
        }
    }
    found.files.sort();
    found.files.dedup();
    found
}

/// Walks `dir`; `ancestors` are the real paths of the folders above it, so
/// that a link back to one of them is reported instead of followed forever.
fn walk(dir: &Path, ancestors: &mut Vec<PathBuf>, found: &mut Discovered) {
    let real = match std::fs::canonicalize(dir) {
        Ok(r) => r,
        Err(e) => return found.problems.push(Error::io(dir, e)),
    };
    if ancestors.contains(&real) {
        let message = format!("a symbolic link loop: this folder is {}, already being read: not followed", real.display());
        return found.problems.push(Error::input(dir, 0, message));
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return found.problems.push(Error::io(dir, e)),
    };
    ancestors.push(real);
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => found.problems.push(Error::io(dir, e)),
        }
    }
    for path in paths {
        let speech_name = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) && !is_readme(&path);
        // Follows symbolic links, so that a folder of links to corpus parts works.
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk(&path, ancestors, found),
            Ok(meta) if meta.is_file() && speech_name => found.files.push(path),
            Ok(meta) if !meta.is_file() && speech_name => found.problems.push(not_a_file(&path)),
            Ok(_) => {}
            // Only a would-be speech is worth an error; a broken link named
            // `notes.md` is no concern of unkg's.
            Err(e) if speech_name => found.problems.push(Error::io(&path, e)),
            Err(_) => {}
        }
    }
    ancestors.pop();
}

/// A FIFO, socket or device: reading it could block the build forever.
fn not_a_file(path: &Path) -> Error {
    Error::input(path, 0, "expected a file or folder, found a FIFO, socket or device: skipped")
}

fn is_readme(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.to_ascii_uppercase().starts_with("README"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn reports_loops_and_dangling_links_and_goes_on() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let input = dir.path().join("in");
        std::fs::create_dir_all(input.join("sub")).expect("folders");
        std::fs::write(input.join("sub/a.txt"), "Mr. X (France): text").expect("a speech");
        std::os::unix::fs::symlink("..", input.join("sub/up")).expect("a loop");
        std::os::unix::fs::symlink("missing.txt", input.join("gone.txt")).expect("a dangling link");
        std::os::unix::fs::symlink("missing.md", input.join("gone.md")).expect("a dangling link");
        let found = discover(&[input.clone(), dir.path().join("absent")]);
        assert_eq!(found.files, [input.join("sub/a.txt")]);
        let problems: Vec<String> = found.problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("sub/up") && p.contains("symbolic link loop")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("gone.txt")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("absent")), "{problems:?}");
    }
}
