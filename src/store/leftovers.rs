//! What earlier writers left in a store's folder, removed by the next one.
//!
//! oxigraph's bulk loader sorts each batch into a `bulk-*.sst` file in the
//! store's folder and deletes it once RocksDB has taken it in: a build
//! killed in between leaves such files (tens of MB each), which nothing
//! reads and no later load reuses. RocksDB renames its info log to
//! `LOG.old.*` each time a writer opens the store: one more file per build,
//! kept forever. The search index (`unkg-search/`) is written as
//! `.NAME.tmp` files renamed into place: a reader killed while writing it
//! leaves one. Only a writer holding both locks may remove them, since
//! until then another process's load may still be using its files.

use crate::error::{Context, Result};
use std::path::Path;

/// Whether `name` is a file a finished writer no longer needs.
fn is_leftover(name: &str) -> bool {
    (name.starts_with("bulk-") && name.ends_with(".sst")) || name.starts_with("LOG.old.")
}

/// Whether `name`, in the search index's folder, is a file half written.
fn is_half_written(name: &str) -> bool {
    name.starts_with('.') && name.ends_with(".tmp")
}

/// Removes the leftovers in `store`; returns how many went. Called by the
/// writer that holds the store, before it loads anything.
pub(super) fn remove(store: &Path) -> Result<usize> {
    let search = store.join("unkg-search");
    Ok(remove_in(store, is_leftover)? + if search.is_dir() { remove_in(&search, is_half_written)? } else { 0 })
}

/// Removes the files of `dir` whose names `leftover` accepts.
fn remove_in(dir: &Path, leftover: fn(&str) -> bool) -> Result<usize> {
    let mut removed = 0;
    for entry in std::fs::read_dir(dir).at(dir)? {
        let entry = entry.at(dir)?;
        let name = entry.file_name();
        if name.to_str().is_some_and(leftover) && entry.file_type().at(entry.path())?.is_file() {
            std::fs::remove_file(entry.path()).at(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::{is_half_written, is_leftover};

    #[test]
    fn only_the_loaders_and_the_old_logs_are_leftovers() {
        assert!(is_leftover("bulk-132325334756170916814733069602819199033.sst"));
        assert!(is_leftover("LOG.old.1796681812452649"));
        for kept in ["000010.sst", "LOG", "CURRENT", "MANIFEST-000029", "OPTIONS-000024", "unkg.lock", "bulk-notes.txt"] {
            assert!(!is_leftover(kept), "{kept}");
        }
        assert!(is_half_written(".keys.fst.tmp") && !is_half_written("keys.fst"));
    }
}
