//! Expands the paths given on the command line into speech files.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Every `.txt` file at or below `paths`, sorted, each once.
///
/// Files named explicitly are taken whatever their extension; folders are
/// searched recursively for `.txt` files, leaving out the corpora's own
/// `README*.txt`, which describe a corpus and are no speech.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
        if meta.is_dir() {
            walk(path, &mut files)?;
        } else {
            files.push(path.clone());
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        let path = entry.path();
        // Follows symbolic links, so that a folder of links to corpus parts works.
        let meta = std::fs::metadata(&path).map_err(|e| Error::io(&path, e))?;
        if meta.is_dir() {
            walk(&path, files)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) && !is_readme(&path) {
            files.push(path);
        }
    }
    Ok(())
}

fn is_readme(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.to_ascii_uppercase().starts_with("README"))
}
