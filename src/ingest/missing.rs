//! Speeches whose files are gone: a build knows the folders it was given,
//! so a speech of the store whose file was under one of them and is no
//! longer there leaves the store, as it would be absent from a fresh build.

use crate::store::StoredSpeech;
use oxigraph::model::NamedNode;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The speech graphs of `stored` that this build must remove: not among
/// `present` (the graphs of the files found), and built from a file under
/// one of the folders in `inputs`. A speech from elsewhere (another folder
/// built into the same store in turn) stays.
pub(super) fn missing(
    stored: &BTreeMap<NamedNode, StoredSpeech>,
    present: &BTreeSet<NamedNode>,
    inputs: &[PathBuf],
) -> Vec<NamedNode> {
    let folders: Vec<Folder> = inputs.iter().filter(|p| p.is_dir()).map(|p| Folder::new(p)).collect();
    stored
        .iter()
        .filter(|(graph, _)| !present.contains(*graph))
        .filter(|(_, speech)| speech.path.as_deref().is_some_and(|path| folders.iter().any(|f| f.holds(path))))
        .map(|(graph, _)| graph.clone())
        .collect()
}

/// A folder given to the build, spelled three ways so that `in`, `./in`
/// and a link to it are one folder.
struct Folder {
    lexical: PathBuf,
    absolute: Option<PathBuf>,
    real: Option<PathBuf>,
}

impl Folder {
    fn new(path: &Path) -> Folder {
        Folder { lexical: lexical(path), absolute: std::path::absolute(path).ok().map(|p| lexical(&p)), real: std::fs::canonicalize(path).ok() }
    }

    /// Whether the file at `path` (as an earlier build named it; it may be
    /// gone now) is under this folder.
    fn holds(&self, path: &Path) -> bool {
        lexical(path).starts_with(&self.lexical)
            || self.absolute.as_ref().is_some_and(|a| std::path::absolute(path).is_ok_and(|p| lexical(&p).starts_with(a)))
            || self.real.as_ref().is_some_and(|r| real_even_if_gone(path).is_some_and(|p| p.starts_with(r)))
    }
}

/// `path` without its `.` components.
fn lexical(path: &Path) -> PathBuf {
    path.components().filter(|c| !matches!(c, std::path::Component::CurDir)).collect()
}

/// The real path of `path`'s nearest existing ancestor, with the rest of
/// `path` after it: where a file that is gone was.
fn real_even_if_gone(path: &Path) -> Option<PathBuf> {
    let mut rest = Vec::new();
    let mut at = path;
    loop {
        if let Ok(real) = std::fs::canonicalize(at) {
            return Some(rest.iter().rev().fold(real, |p, part| p.join(part)));
        }
        rest.push(at.file_name()?.to_owned());
        at = at.parent()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(path: &str) -> StoredSpeech {
        StoredSpeech { path: Some(PathBuf::from(path)), content_hash: None }
    }

    #[test]
    fn only_speeches_under_a_given_folder_are_missing() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let folder = dir.path().join("in");
        std::fs::create_dir_all(folder.join("sub")).expect("folders");
        let graph = |id: &str| crate::rdf::iri::speech_graph(id);
        let mut store = BTreeMap::new();
        store.insert(graph("gone"), stored(&folder.join("sub/gone.txt").to_string_lossy()));
        store.insert(graph("here"), stored(&folder.join("here.txt").to_string_lossy()));
        store.insert(graph("elsewhere"), stored(&dir.path().join("other/elsewhere.txt").to_string_lossy()));
        store.insert(graph("dotted"), stored(&format!("{}/./in/dotted.txt", dir.path().display())));
        let present: BTreeSet<NamedNode> = [graph("here")].into_iter().collect();
        let found = missing(&store, &present, &[folder.clone()]);
        assert_eq!(found, [graph("dotted"), graph("gone")]);
        assert!(missing(&store, &present, &[folder.join("sub/gone.txt")]).is_empty(), "a file is no folder");
    }
}
