//! What a build did, and every problem it met, each with file and line.

use crate::error::Error;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One warning or error, tied to a place in an input file.
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

/// The outcome of a build.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Speech files found.
    pub files: usize,
    /// Speeches new to the store.
    pub added: usize,
    /// Speeches whose graph was replaced because the file, its metadata or
    /// unkg changed.
    pub replaced: usize,
    /// Speeches skipped because nothing changed.
    pub unchanged: usize,
    /// Files that could not be loaded (see `errors`).
    pub failed: usize,
    /// Bytes of speech text read.
    pub bytes: u64,
    /// Quads loaded.
    pub quads: u64,
    /// Problems that did not stop a speech from loading.
    pub warnings: Vec<Diagnostic>,
    /// Problems that kept a file out of the store.
    pub errors: Vec<Diagnostic>,
    /// Wall time.
    pub elapsed: Duration,
}

impl Report {
    /// Records problems met in metadata tables as warnings: a bad row costs
    /// that row, nothing else.
    pub fn warn_all(&mut self, problems: Vec<Error>) {
        for e in problems {
            self.warnings.push(Diagnostic::from_error(Path::new(""), e));
        }
    }

    /// Speeches now in the store from this build's inputs.
    pub fn speeches(&self) -> usize {
        self.added + self.replaced + self.unchanged
    }

    /// The one-line summary.
    pub fn summary(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        format!(
            "{} speeches from {} files ({} added, {} replaced, {} unchanged), {} failed; {} quads loaded; \
             {} warnings, {} errors; {:.2} MB in {:.2} s",
            self.speeches(),
            self.files,
            self.added,
            self.replaced,
            self.unchanged,
            self.failed,
            self.quads,
            self.warnings.len(),
            self.errors.len(),
            self.bytes as f64 / 1e6,
            secs
        )
    }
}
