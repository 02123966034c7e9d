//! Which speech files to map, with their metadata: what a build plans
//! before it looks at its store, and the tables a cluster's driver sends to
//! its workers.

use crate::corpus::{discover, is_table, Layout, MetaIndex, SpeechMeta};
use crate::error::{Diagnostic, Error, Result};
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

/// One speech file to map.
#[derive(Debug, Clone)]
pub struct Job {
    /// The file, as found from the inputs (the speech's `unkg:sourcePath`).
    pub path: PathBuf,
    /// The speech's identifier: the file's name without extension.
    pub id: String,
    /// What the metadata tables say of it.
    pub meta: SpeechMeta,
    /// Its size in bytes when planned (0 if it could not be looked at; it
    /// then fails when read).
    pub size: u64,
}

/// What [`plan`] found.
#[derive(Debug, Default)]
pub struct Plan {
    /// Speech files found.
    pub files: usize,
    /// The files to map, sorted, each speech identifier once.
    pub jobs: Vec<Job>,
    /// The metadata tables read, in the order they were read (a later row
    /// overrides an earlier one): a cluster's workers load the same tables
    /// in the same order and give each speech the same metadata.
    pub tables: Vec<PathBuf>,
    /// Entries that could not be looked at and files whose identifier is
    /// taken: each costs itself.
    pub errors: Vec<Diagnostic>,
    /// Metadata rows that could not be read.
    pub warnings: Vec<Diagnostic>,
}

/// Finds the speech files at or below `inputs` and their metadata: the
/// tables in `meta`, then those beside each file or up to two folders
/// above it, as `unkg build` does. Two files with one identifier (file
/// name without extension) would be one speech: the second is an error.
pub fn plan(inputs: &[PathBuf], meta: &[PathBuf]) -> Plan {
    let found = discover(inputs);
    let mut plan = Plan { files: found.files.len(), ..Plan::default() };
    for problem in found.problems {
        let path = problem.location().map(|(path, _)| path.to_path_buf()).unwrap_or_default();
        plan.errors.push(Diagnostic::from_error(&path, problem));
    }
    plan.tables = tables(meta, &found.files);
    let mut index = MetaIndex::default();
    for table in &plan.tables {
        let problems = index.load_table(table).unwrap_or_else(|e| vec![e]);
        plan.warnings.extend(problems.into_iter().map(|e| Diagnostic::from_error(Path::new(""), e)));
    }
    let mut owners: HashMap<String, PathBuf> = HashMap::new();
    for file in found.files {
        let id = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if let Some(first) = owners.get(&id) {
            let message = format!("speech id {id:?} is already taken by {}: rename one of the files", first.display());
            plan.errors.push(Diagnostic::new(&file, 1, message));
            continue;
        }
        owners.insert(id.clone(), file.clone());
        let meta = index.for_file(&file, &Layout::of(&file));
        let size = std::fs::metadata(&file).map_or(0, |m| m.len());
        plan.jobs.push(Job { path: file, id, meta, size });
    }
    plan
}

/// The tables `meta` names, then those found beside `files` in the order a
/// build loads them: per file, its folder and two above, each folder once,
/// its tables sorted by name. Each table once (by its real path).
fn tables(meta: &[PathBuf], files: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut add = |table: PathBuf, out: &mut Vec<PathBuf>| {
        if seen.insert(std::fs::canonicalize(&table).unwrap_or_else(|_| table.clone())) {
            out.push(table);
        }
    };
    for table in meta {
        add(table.clone(), &mut out);
    }
    let mut searched = HashSet::new();
    for file in files {
        for dir in file.ancestors().skip(1).take(3) {
            let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
            if !searched.insert(dir.to_path_buf()) {
                continue;
            }
            let Ok(entries) = std::fs::read_dir(dir) else { continue };
            let mut found: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(is_table))
                .collect();
            found.sort();
            for table in found {
                add(table, &mut out);
            }
        }
    }
    out
}

/// The bytes of the speech file `path`, refused when over `max_size` bytes
/// (no speech is that long; reading it would cost about 20 bytes of memory
/// per byte).
pub fn read_speech(path: &Path, max_size: u64) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    // Read one byte past the limit: a file that grew since it was listed is
    // refused all the same, never read whole.
    let mut bytes = Vec::new();
    file.take(max_size.saturating_add(1)).read_to_end(&mut bytes).map_err(|e| Error::io(path, e))?;
    if bytes.len() as u64 > max_size {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(too_big(path, size, max_size));
    }
    Ok(bytes)
}

/// The error for a speech file of `size` bytes, over `max_size`.
pub(crate) fn too_big(path: &Path, size: u64, max_size: u64) -> Error {
    Error::input(
        path,
        0,
        format!(
            "the file is {size} bytes, over the maximum file size of {max_size}: no speech is that long (raise \
             --max-file-size to load it all the same)"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_files_over_the_limit_by_name_and_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, vec![b'a'; 100]).unwrap();
        assert_eq!(read_speech(&path, 100).unwrap().len(), 100);
        let e = read_speech(&path, 99).unwrap_err().to_string();
        assert!(e.contains("big.txt") && e.contains("100 bytes") && e.contains("99"), "{e}");
    }

    #[test]
    fn finds_tables_once_in_the_order_a_build_reads_them() {
        let dir = tempfile::tempdir().unwrap();
        let speeches = dir.path().join("corpus/speeches");
        std::fs::create_dir_all(&speeches).unwrap();
        std::fs::write(dir.path().join("corpus/meta_meetings_2020.tsv"), "basename\tdate\ttopic\n").unwrap();
        std::fs::write(speeches.join("meta_speeches_2020.tsv"), "filename\tspeaker\n").unwrap();
        std::fs::write(speeches.join("UNSC_2020_SPV.8699_spch001.txt"), "The President: Hello.").unwrap();
        std::fs::write(speeches.join("UNSC_2020_SPV.8699_spch002.txt"), "The President: Hello.").unwrap();
        let given = speeches.join("meta_speeches_2020.tsv");
        let plan = plan(&[speeches.clone()], &[given.clone()]);
        assert_eq!(plan.tables, vec![given, dir.path().join("corpus/meta_meetings_2020.tsv")]);
        assert_eq!(plan.jobs.len(), 2);
        assert_eq!(plan.jobs[0].id, "UNSC_2020_SPV.8699_spch001");
    }
}
