//! The crate's error type: every failure says where it happened.

use std::path::PathBuf;

/// Everything that can go wrong in unkg, with the file (and line) it concerns.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A line of an input file is not what was expected.
    #[error("{path}:{line}: {message}")]
    Input {
        /// The file concerned.
        path: PathBuf,
        /// One-based line number.
        line: u64,
        /// What was expected and what was found.
        message: String,
    },
    /// The oxigraph store failed.
    #[error("store {path}: {message}")]
    Store {
        /// The store's folder.
        path: PathBuf,
        /// The storage layer's message.
        message: String,
    },
    /// A SPARQL query failed to parse or evaluate.
    #[error("{origin}: {message}")]
    Query {
        /// Where the query came from (file name or `-e`).
        origin: String,
        /// The parser's or evaluator's message, with the position.
        message: String,
    },
    /// The user asked for something that cannot be done.
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// An I/O error on `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    /// A store error on the store in `path`.
    pub fn store(path: impl Into<PathBuf>, err: impl std::fmt::Display) -> Self {
        let message = err.to_string();
        // oxigraph 0.5's error for a store another process holds (RocksDB's
        // lock) points into static memory it then frees on drop, which kills
        // the process; an error is rare and small, so it is kept, not dropped.
        std::mem::forget(err);
        let message = if message.contains("lock") {
            format!("{message} (another `unkg build` is writing to this store: wait for it to finish)")
        } else {
            message
        };
        Error::Store { path: path.into(), message }
    }

    /// Whether this is a write to a pipe whose reader has gone, as in
    /// `unkg query ... | head -1`: the reader took all it wanted, so the
    /// command did not fail.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
