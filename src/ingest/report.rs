//! What a build did, and every problem it met, each with file and line.

use crate::error::{Diagnostic, Error};
use std::path::Path;
use std::time::Duration;

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
    /// Speeches whose file was renamed or moved, same bytes under a new
    /// name: one graph removed and one added.
    pub moved: usize,
    /// Speeches removed: their files are gone from the folders given (or
    /// can no longer be read).
    pub removed: usize,
    /// Quads removed: the graphs of replaced and removed speeches, and what
    /// the corpus graph described for them only.
    pub removed_quads: u64,
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
    /// Whether the build wrote a new store beside the old one and swapped
    /// it in, instead of replacing graph by graph (see `way`).
    pub aside: bool,
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
        self.added + self.replaced + self.unchanged + self.moved
    }

    /// The one-line summary.
    pub fn summary(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        format!(
            "{} speeches from {} files ({} added, {} replaced, {} unchanged, {} moved), {} failed, {} removed; {} \
             quads loaded {}; {} warnings, {} errors; {:.2} MB in {:.2} s",
            self.speeches(),
            self.files,
            self.added,
            self.replaced,
            self.unchanged,
            self.moved,
            self.failed,
            self.removed,
            self.quads,
            if self.aside { "into a new store, swapped in" } else { "in place" },
            self.warnings.len(),
            self.errors.len(),
            self.bytes as f64 / 1e6,
            secs
        )
    }
}
