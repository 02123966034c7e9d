//! The store's errors: missing, busy, or failed underneath.

use std::path::{Path, PathBuf};

/// What went wrong with the store in [`StoreError::path`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreProblem {
    /// No unkg store in the folder.
    Missing,
    /// Another process writes it, or reads it while we would write.
    Busy,
    /// The storage layer failed.
    Failed,
}

/// A store that could not be opened, read or written.
#[derive(Debug, thiserror::Error)]
#[error("store {}: {message}", path.display())]
pub struct StoreError {
    /// The store's folder.
    pub path: PathBuf,
    /// Which kind of failure.
    pub problem: StoreProblem,
    /// What to tell the user.
    pub message: String,
}

impl StoreError {
    /// A failure of the storage layer; RocksDB's lock is told as `Busy`.
    pub fn failed(path: impl Into<PathBuf>, err: impl std::fmt::Display) -> Self {
        let message = err.to_string();
        // oxigraph 0.5's error for a store another process holds (RocksDB's
        // lock) points into static memory it then frees on drop, which kills
        // the process; an error is rare and small, so it is kept, not dropped.
        std::mem::forget(err);
        if message.contains("lock") {
            let message = format!("{message} (another `unkg build` is writing to this store: wait for it to finish)");
            return StoreError { path: path.into(), problem: StoreProblem::Busy, message };
        }
        StoreError { path: path.into(), problem: StoreProblem::Failed, message }
    }

    /// No store in `path`.
    pub fn missing(path: &Path) -> Self {
        let message = format!("no unkg store here (build one with `unkg build --store {} PATH...`)", path.display());
        StoreError { path: path.to_path_buf(), problem: StoreProblem::Missing, message }
    }

    /// The store is in use by another process, as `message` says.
    pub fn busy(path: &Path, message: &str) -> Self {
        StoreError { path: path.to_path_buf(), problem: StoreProblem::Busy, message: message.to_owned() }
    }
}
