//! Sorting and deduplicating more lines than memory should hold: runs of
//! at most a fixed number of bytes are sorted in memory and spilled to
//! temporary files, then merged. The union of a store's graphs, each
//! triple once and in a fixed order, so costs one run of memory, whatever
//! the store's size.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Bytes of lines sorted in memory at once (the strings themselves; the
/// process holds about twice that with their bookkeeping).
pub const RUN_BYTES: usize = 64 << 20;

/// Lines sorted and without repeats, spilled to files in `dir` when they
/// pass `run_bytes`. Lines must not contain a line break.
pub struct SortedLines {
    dir: PathBuf,
    run_bytes: usize,
    run: Vec<String>,
    run_len: usize,
    spilled: Vec<Spill>,
}

/// A sorted run on disk, removed when dropped.
struct Spill {
    path: PathBuf,
}

impl Drop for Spill {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

impl SortedLines {
    /// An empty sorter spilling into `dir` past `run_bytes` bytes.
    pub fn new(dir: &Path, run_bytes: usize) -> Self {
        SortedLines { dir: dir.to_path_buf(), run_bytes, run: Vec::new(), run_len: 0, spilled: Vec::new() }
    }

    /// Adds one line.
    pub fn push(&mut self, line: String) -> std::io::Result<()> {
        self.run_len += line.len();
        self.run.push(line);
        if self.run_len >= self.run_bytes {
            self.spill()?;
        }
        Ok(())
    }

    fn sort_run(&mut self) {
        self.run.sort_unstable();
        self.run.dedup();
    }

    fn spill(&mut self) -> std::io::Result<()> {
        self.sort_run();
        let (spill, file) = self.new_spill()?;
        let mut out = BufWriter::new(file);
        for line in self.run.drain(..) {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        out.flush()?;
        self.run_len = 0;
        self.spilled.push(spill);
        Ok(())
    }

    /// A new file in the spill folder: named by this process and a number,
    /// the next free one, since other sorters may spill there too.
    fn new_spill(&self) -> std::io::Result<(Spill, File)> {
        let mut n = self.spilled.len();
        loop {
            let path = self.dir.join(format!(".unkg-sort-{}-{n}", std::process::id()));
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => return Ok((Spill { path }, file)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => n += 1,
                Err(e) => return Err(e),
            }
        }
    }

    /// Every line once, in byte order.
    pub fn finish(mut self) -> std::io::Result<Merged> {
        self.sort_run();
        let mut sources: Vec<Source> = Vec::new();
        let mut files = Vec::new();
        for spill in std::mem::take(&mut self.spilled) {
            sources.push(Source::File(BufReader::new(File::open(&spill.path)?)));
            files.push(spill);
        }
        sources.push(Source::Memory(std::mem::take(&mut self.run).into_iter()));
        let mut merged = Merged { sources, heap: BinaryHeap::new(), last: None, _files: files };
        for i in 0..merged.sources.len() {
            merged.refill(i)?;
        }
        Ok(merged)
    }
}

enum Source {
    File(BufReader<File>),
    Memory(std::vec::IntoIter<String>),
}

impl Source {
    fn next_line(&mut self) -> std::io::Result<Option<String>> {
        match self {
            Source::Memory(lines) => Ok(lines.next()),
            Source::File(reader) => {
                let mut line = String::new();
                if reader.read_line(&mut line)? == 0 {
                    return Ok(None);
                }
                if line.ends_with('\n') {
                    line.pop();
                }
                Ok(Some(line))
            }
        }
    }
}

/// The merge of sorted runs: an iterator over the lines, each once.
pub struct Merged {
    sources: Vec<Source>,
    heap: BinaryHeap<Reverse<(String, usize)>>,
    last: Option<String>,
    _files: Vec<Spill>,
}

impl Merged {
    fn refill(&mut self, source: usize) -> std::io::Result<()> {
        if let Some(line) = self.sources[source].next_line()? {
            self.heap.push(Reverse((line, source)));
        }
        Ok(())
    }
}

impl Iterator for Merged {
    type Item = std::io::Result<String>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Reverse((line, source)) = self.heap.pop()?;
            if let Err(e) = self.refill(source) {
                return Some(Err(e));
            }
            if self.last.as_ref() != Some(&line) {
                self.last = Some(line.clone());
                return Some(Ok(line));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilled_runs_merge_sorted_and_unique() {
        let dir = tempfile::tempdir().expect("temp dir");
        // Runs of about 40 bytes: many spills, repeats across them.
        let mut sorter = SortedLines::new(dir.path(), 40);
        let words: Vec<String> = (0..500).map(|i| format!("w{:03}", (i * 37) % 211)).collect();
        for w in &words {
            sorter.push(w.clone()).expect("push");
        }
        let merged: Vec<String> = sorter.finish().expect("merge").collect::<Result<_, _>>().expect("lines");
        let mut expected = words.clone();
        expected.sort();
        expected.dedup();
        assert_eq!(merged, expected);
        // Every spill file is gone once the merge is dropped.
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    }

    #[test]
    fn small_inputs_never_touch_the_disk() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut sorter = SortedLines::new(dir.path(), RUN_BYTES);
        for w in ["b", "a", "b"] {
            sorter.push(w.to_owned()).expect("push");
        }
        let merged = sorter.finish().expect("merge");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
        assert_eq!(merged.collect::<Result<Vec<_>, _>>().expect("lines"), ["a", "b"]);
    }
}
