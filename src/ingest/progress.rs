//! A progress bar on a terminal; nothing in a pipe or with `--quiet`.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Progress of a build, counted in files, with bytes and rate.
pub struct Progress {
    bar: ProgressBar,
    bytes: std::cell::Cell<u64>,
}

impl Progress {
    /// A bar for `files` files; hidden unless stderr is a terminal.
    pub fn new(files: u64, quiet: bool) -> Self {
        let bar = ProgressBar::new(files);
        if quiet || !std::io::stderr().is_terminal() {
            bar.set_draw_target(ProgressDrawTarget::hidden());
        }
        let style = ProgressStyle::with_template(
            "{bar:30} {pos}/{len} files {msg} {per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Progress { bar, bytes: std::cell::Cell::new(0) }
    }

    /// One more file done, of `bytes` bytes.
    pub fn advance(&self, bytes: u64) {
        self.bytes.set(self.bytes.get() + bytes);
        self.bar.set_message(self.megabytes());
        self.bar.inc(1);
    }

    /// Says that the files are done and the store is being compacted.
    pub fn compacting(&self) {
        self.bar.set_message(format!("{}, compacting the store", self.megabytes()));
        self.bar.tick();
    }

    fn megabytes(&self) -> String {
        format!("{:.1} MB", self.bytes.get() as f64 / 1e6)
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
