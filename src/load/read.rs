//! Reading the map step's N-Quads files: the files under the inputs, their
//! quads in order, and the problems the map step wrote as comments.

use crate::error::{Context, Diagnostic, Error, Result};
use crate::map::{ERROR_COMMENT, WARNING_COMMENT};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Lines parsed at once: enough that parsing costs little per line, few
/// enough that a part file never is in memory whole.
const CHUNK_BYTES: usize = 1 << 20;

/// Problems met while reading: the map step's, told in its comments, and
/// lines that are no N-Quads.
#[derive(Debug, Default)]
pub struct Problems {
    /// Speeches the map step could not map, and lines that are no N-Quads.
    pub errors: Vec<Diagnostic>,
    /// The map step's warnings.
    pub warnings: Vec<Diagnostic>,
}

/// The N-Quads files at or below `inputs`, sorted, each once: files named
/// explicitly whatever their name, and in folders every `*.nq` file and
/// every `part-*` file (Spark names its output `part-00000`), leaving out
/// hidden files and Spark's own (`.part-00000.crc`, `_SUCCESS`). Entries
/// that cannot be read are errors.
pub fn find(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let (mut files, mut errors) = (Vec::new(), Vec::new());
    for input in inputs {
        match std::fs::metadata(input) {
            Ok(m) if m.is_dir() => walk(input, &mut files, &mut errors),
            Ok(_) => files.push(input.clone()),
            Err(e) => errors.push(Diagnostic::from_error(input, Error::io(input, e))),
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<Diagnostic>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return errors.push(Diagnostic::from_error(dir, Error::io(dir, e))),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with('_') {
            continue;
        }
        if path.is_dir() {
            walk(&path, files, errors);
        } else if name.ends_with(".nq") || (name.starts_with("part-") && !name.ends_with(".crc")) {
            files.push(path);
        }
    }
}

/// Gives every quad of the N-Quads file `path`, in order, to `each`; a line
/// that is no N-Quads is an error of its own (`path:line`), and the map
/// step's comments become errors and warnings. Fails when the file cannot
/// be read or `each` fails.
pub fn read(path: &Path, problems: &mut Problems, mut each: impl FnMut(Quad) -> Result<()>) -> Result<()> {
    let mut reader = std::io::BufReader::new(std::fs::File::open(path).at(path)?);
    let (mut chunk, mut line, mut first) = (Vec::new(), 0u64, 1u64);
    loop {
        let start = chunk.len();
        let read = reader.read_until(b'\n', &mut chunk).at(path)?;
        if read > 0 {
            line += 1;
            comment(&chunk[start..], problems);
        }
        if read == 0 || chunk.len() >= CHUNK_BYTES {
            parse(path, &chunk, first, problems, &mut each)?;
            chunk.clear();
            first = line + 1;
        }
        if read == 0 {
            return Ok(());
        }
    }
}

/// Records the map step's comment on `line`, if it is one.
fn comment(line: &[u8], problems: &mut Problems) {
    let Some(text) = line.strip_prefix(b"# unkg ") else { return };
    let text = String::from_utf8_lossy(text);
    let text = text.trim_end();
    let told = |prefix: &str| text.strip_prefix(prefix.trim_start_matches("# unkg ")).map(|m| Diagnostic::new(Path::new(""), 0, m));
    if let Some(error) = told(ERROR_COMMENT) {
        problems.errors.push(error);
    } else if let Some(warning) = told(WARNING_COMMENT) {
        problems.warnings.push(warning);
    }
}

/// Parses whole lines, the first of them line `first` of `path`.
fn parse(path: &Path, chunk: &[u8], first: u64, problems: &mut Problems, each: &mut impl FnMut(Quad) -> Result<()>) -> Result<()> {
    for quad in RdfParser::from_format(RdfFormat::NQuads).for_slice(chunk) {
        match quad {
            Ok(quad) => each(quad)?,
            Err(e) => {
                let line = e.location().map_or(0, |l| first + l.start.line);
                problems.errors.push(Diagnostic::new(path, line, format!("expected an N-Quads line: {e}")));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quads_comments_and_bad_lines_with_their_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("part-00000");
        let text = "<http://a> <http://b> \"c\" <http://g> .\n\
                    # unkg error: in/binary.txt:2: expected text, found a NUL byte (binary file?)\n\
                    # unkg warning: in/a.txt:1: something\n\
                    # any other comment\n\
                    <http://a> <http://b> oops .\n\
                    <http://a> <http://b> <http://d> <http://g> .\n";
        std::fs::write(&path, text).unwrap();
        let mut problems = Problems::default();
        let mut quads = Vec::new();
        read(&path, &mut problems, |q| {
            quads.push(q);
            Ok(())
        })
        .unwrap();
        assert_eq!(quads.len(), 2);
        assert_eq!(problems.warnings.len(), 1);
        assert_eq!(problems.errors.len(), 2, "{:?}", problems.errors);
        assert_eq!(problems.errors[0].to_string(), "in/binary.txt:2: expected text, found a NUL byte (binary file?)");
        assert_eq!(problems.errors[1].line, 5, "{}", problems.errors[1]);
        std::fs::write(dir.path().join("_SUCCESS"), "").unwrap();
        std::fs::write(dir.path().join(".part-00000.crc"), "").unwrap();
        std::fs::write(dir.path().join("b.nq"), "").unwrap();
        let (files, errors) = find(&[dir.path().to_path_buf()]);
        assert!(errors.is_empty());
        assert_eq!(files, vec![dir.path().join("b.nq"), path]);
    }
}
