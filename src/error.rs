//! The crate's errors: one type per concern, gathered in [`Error`], which
//! says where each failure happened and which exit code it gives.
//!
//! Reading files: [`IoError`] (the operating system refused a path) and
//! [`InputError`] (a line is not what was expected). The store, queries,
//! shapes and remote endpoints have theirs in their modules
//! ([`StoreError`], [`QueryError`], [`ShapeError`], [`PushError`]); the
//! command line's is [`UsageError`]; without the `store` feature only the
//! input, usage and JSON kinds exist. [`Context`] names the file of an I/O
//! error at the call (`std::fs::read(p).at(p)?`, `out.flush().writing(p)?`).

#[cfg(feature = "store")]
pub use crate::push::PushError;
#[cfg(feature = "store")]
pub use crate::query::QueryError;
#[cfg(feature = "store")]
pub use crate::store::StoreError;
#[cfg(feature = "store")]
pub use crate::validate::ShapeError;

use std::fmt;
use std::path::{Path, PathBuf};

/// Everything that can go wrong in unkg.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error(transparent)]
    Io(#[from] IoError),
    /// A line of an input file is not what was expected.
    #[error(transparent)]
    Input(#[from] InputError),
    /// The store is missing, busy or failed.
    #[cfg(feature = "store")]
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A SPARQL query failed to parse or evaluate.
    #[cfg(feature = "store")]
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A shapes graph asks for what `unkg validate` cannot check.
    #[cfg(feature = "store")]
    #[error(transparent)]
    Shape(#[from] ShapeError),
    /// A remote endpoint refused or could not be reached.
    #[cfg(feature = "store")]
    #[error(transparent)]
    Push(#[from] PushError),
    /// The command line asks for something that cannot be done.
    #[error(transparent)]
    Usage(#[from] UsageError),
    /// JSON output could not be written.
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The search index could not be built.
    #[cfg(feature = "store")]
    #[error("building the search index: {0}")]
    SearchIndex(#[from] fst::Error),
}

/// A file or folder the operating system would not read or write.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct IoError {
    /// The file concerned (or a description such as `<stdout>`).
    pub path: PathBuf,
    /// Whether it failed while writing output (else while reading input).
    pub writing: bool,
    /// What the operating system said.
    pub source: std::io::Error,
}

/// A line of an input file that is not what was expected.
#[derive(Debug, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct InputError {
    /// The file concerned.
    pub path: PathBuf,
    /// One-based line number (0 where the whole file is concerned).
    pub line: u64,
    /// What was expected and what was found.
    pub message: String,
}

/// An argument, or a combination of them, that cannot be acted on.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// How the process ends, by what failed; the README lists the codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// The input could not be read: files, lines, data tables (1, as for a
    /// build in which some files failed).
    Input = 1,
    /// The request cannot be done as asked: arguments, a query, shapes.
    Usage = 2,
    /// The store is missing, in use by a writer or reader, or failed.
    Store = 3,
    /// A remote endpoint refused or could not be reached.
    Remote = 4,
    /// Output could not be written.
    Output = 5,
}

impl Error {
    /// An I/O error reading `path`.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        IoError { path: path.into(), writing: false, source }.into()
    }

    /// An I/O error writing output to `path`.
    pub fn output(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        IoError { path: path.into(), writing: true, source }.into()
    }

    /// A problem at `path:line`.
    pub fn input(path: impl Into<PathBuf>, line: u64, message: impl Into<String>) -> Self {
        InputError { path: path.into(), line, message: message.into() }.into()
    }

    /// A request that cannot be done as asked.
    pub fn usage(message: impl Into<String>) -> Self {
        UsageError(message.into()).into()
    }

    /// A failure of the store in `path`.
    #[cfg(feature = "store")]
    pub fn store(path: impl Into<PathBuf>, err: impl std::fmt::Display) -> Self {
        StoreError::failed(path, err).into()
    }

    /// The file and line this error concerns, where it concerns one.
    pub fn location(&self) -> Option<(&Path, u64)> {
        match self {
            Error::Io(e) => Some((&e.path, 0)),
            Error::Input(e) => Some((&e.path, e.line)),
            _ => None,
        }
    }

    /// The exit code this error ends the process with.
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::Io(e) if e.writing => ExitCode::Output,
            Error::Io(_) | Error::Input(_) => ExitCode::Input,
            Error::Usage(_) => ExitCode::Usage,
            Error::Json(_) => ExitCode::Output,
            #[cfg(feature = "store")]
            Error::Query(_) | Error::Shape(_) => ExitCode::Usage,
            #[cfg(feature = "store")]
            Error::Store(_) => ExitCode::Store,
            #[cfg(feature = "store")]
            Error::Push(_) => ExitCode::Remote,
            #[cfg(feature = "store")]
            Error::SearchIndex(_) => ExitCode::Output,
        }
    }

    /// Whether this is a write to a pipe whose reader has gone, as in
    /// `unkg query ... | head -1`: the reader took all it wanted, so the
    /// command did not fail.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if e.source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

/// Names the file an error concerns, at the call that met it.
pub trait Context<T> {
    /// The I/O error, if any, as one reading `path`.
    fn at(self, path: impl AsRef<Path>) -> Result<T>;
    /// The I/O error, if any, as one writing output to `path`.
    fn writing(self, path: impl AsRef<Path>) -> Result<T>;
}

impl<T> Context<T> for std::io::Result<T> {
    fn at(self, path: impl AsRef<Path>) -> Result<T> {
        self.map_err(|source| Error::io(path.as_ref(), source))
    }

    fn writing(self, path: impl AsRef<Path>) -> Result<T> {
        self.map_err(|source| Error::output(path.as_ref(), source))
    }
}

/// One warning or error, tied to a place in an input file: what a build
/// reports, and what checks of the bundled tables report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file concerned.
    pub path: PathBuf,
    /// One-based line (0 when the problem concerns the whole file).
    pub line: u64,
    /// What was expected and what was found.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic at `path:line`.
    pub fn new(path: &Path, line: u64, message: impl Into<String>) -> Self {
        Diagnostic { path: path.to_path_buf(), line, message: message.into() }
    }

    /// The diagnostic for `error`, met while reading `path`.
    pub fn from_error(path: &Path, error: Error) -> Self {
        match error {
            Error::Input(e) => Diagnostic { path: e.path, line: e.line, message: e.message },
            Error::Io(e) => Diagnostic { path: e.path, line: 0, message: e.source.to_string() },
            other => Diagnostic { path: path.to_path_buf(), line: 0, message: other.to_string() },
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.as_os_str().is_empty() {
            write!(f, "{}", self.message)
        } else if self.line > 0 {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        } else {
            write!(f, "{}: {}", self.path.display(), self.message)
        }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_say_where_and_how_the_process_ends() {
        let e = std::fs::read("/nonexistent/unkg").at("/nonexistent/unkg").unwrap_err();
        assert!(e.to_string().starts_with("/nonexistent/unkg: "), "{e}");
        assert_eq!(e.exit_code(), ExitCode::Input);
        let e = Error::input("speeches.tsv", 7, "expected 5 columns, found 4");
        assert_eq!(e.to_string(), "speeches.tsv:7: expected 5 columns, found 4");
        assert_eq!(e.location(), Some((Path::new("speeches.tsv"), 7)));
        assert_eq!(Error::usage("--from 2020 is after --to 2019").exit_code(), ExitCode::Usage);
        #[cfg(feature = "store")]
        assert_eq!(Error::store("s", "damaged").exit_code(), ExitCode::Store);
        let pipe = Error::output("<stdout>", std::io::Error::from(std::io::ErrorKind::BrokenPipe));
        assert!(pipe.is_broken_pipe());
        assert_eq!(pipe.exit_code(), ExitCode::Output);
    }
}
