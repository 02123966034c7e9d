//! Whole speeches as N-Quads text: one output (a part file, a string) per
//! writer, each speech's quads together and in the pipeline's order, the
//! corpus graph's shared quads once.

use crate::corpus::SpeechMeta;
use crate::error::{Context, Diagnostic, Result};
use crate::pipeline::{fingerprint, Pipeline};
use crate::rdf::iri;
use oxrdf::{GraphName, Quad};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// How a speech that could not be mapped is told in the output: a comment
/// (which every N-Quads reader skips) followed by `path:line: reason`.
/// `unkg load` reports such lines as the errors of the map step.
pub const ERROR_COMMENT: &str = "# unkg error: ";

/// How a speech's warning is told in the output, as for [`ERROR_COMMENT`].
pub const WARNING_COMMENT: &str = "# unkg warning: ";

/// What became of one speech.
#[derive(Debug)]
pub enum Mapped {
    /// Its quads were written.
    Written {
        /// How many (the corpus graph's quads written before not counted).
        quads: u64,
        /// Its warnings, each `path:line: what`.
        warnings: Vec<Diagnostic>,
    },
    /// It is no speech (empty, binary, too big, unreadable): nothing of it
    /// was written but the error's comment.
    Failed(Diagnostic),
}

/// Writes speeches as N-Quads to one output.
pub struct NQuadsWriter<W: Write> {
    out: W,
    /// The output's name, for its write errors.
    name: PathBuf,
    /// The corpus graph's quads written so far: what several speeches share
    /// (a meeting, a speaker) is written once per output.
    shared: HashSet<Quad>,
    quads: u64,
}

impl<W: Write> NQuadsWriter<W> {
    /// A writer to `out`, called `name` in its errors (a file's path,
    /// `<memory>`).
    pub fn new(out: W, name: impl Into<PathBuf>) -> Self {
        NQuadsWriter { out, name: name.into(), shared: HashSet::new(), quads: 0 }
    }

    /// Runs the speech file `path`, whose bytes are `bytes`, through
    /// `pipeline` and writes its quads (the last its fingerprint, the same
    /// as `unkg build` records). A speech that is none is written as an
    /// [`ERROR_COMMENT`]; fails only when the output does.
    pub fn speech(&mut self, pipeline: &Pipeline<'_>, path: &Path, bytes: &[u8], meta: SpeechMeta) -> Result<Mapped> {
        let fingerprint = fingerprint(bytes, &meta);
        let speech = match pipeline.read(path, bytes, meta) {
            Ok(speech) => speech,
            Err(e) => {
                let problem = Diagnostic::from_error(path, e);
                self.failed(&problem)?;
                return Ok(Mapped::Failed(problem));
            }
        };
        let before = self.quads;
        let warnings = pipeline.write(speech, &fingerprint, |part| self.write_quads(part.into_quads()))?;
        for w in &warnings {
            self.comment(WARNING_COMMENT, w)?;
        }
        Ok(Mapped::Written { quads: self.quads - before, warnings })
    }

    /// Records in the output that a speech failed before it reached the
    /// pipeline (unreadable, too big).
    pub fn failed(&mut self, problem: &Diagnostic) -> Result<()> {
        self.comment(ERROR_COMMENT, problem)
    }

    /// Writes `quads`, leaving out the corpus graph's that this output has
    /// already.
    fn write_quads(&mut self, quads: Vec<Quad>) -> Result<()> {
        for quad in quads {
            let shared = matches!(&quad.graph_name, GraphName::NamedNode(g) if *g == iri::corpus_graph());
            if shared && !self.shared.insert(quad.clone()) {
                continue;
            }
            writeln!(self.out, "{quad} .").writing(&self.name)?;
            self.quads += 1;
        }
        Ok(())
    }

    /// One comment line: newlines in a message would end it early.
    fn comment(&mut self, prefix: &str, problem: &Diagnostic) -> Result<()> {
        let text = problem.to_string().replace(['\r', '\n'], " ");
        writeln!(self.out, "{prefix}{text}").writing(&self.name)
    }

    /// The output: a caller writing to memory takes what is written
    /// speech by speech (`std::mem::take`), keeping the writer, which
    /// remembers the corpus graph's quads it wrote.
    pub fn output_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Quads written so far.
    pub fn quads(&self) -> u64 {
        self.quads
    }

    /// Flushes the output and returns it.
    pub fn finish(mut self) -> Result<W> {
        self.out.flush().writing(&self.name)?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractors;
    use crate::reference::Reference;

    #[test]
    fn writes_shared_quads_once_and_failures_as_comments() {
        let reference = Reference::for_tests();
        let extractors = Extractors::new(reference.gazetteer());
        let pipeline = Pipeline::new(reference, &extractors);
        let mut writer = NQuadsWriter::new(Vec::new(), "<memory>");
        let text = b"Mr. Sadykov (Kazakhstan): I thank the Secretary-General. Kazakhstan supports resolution 2334 (2016).";
        let meta = SpeechMeta::default();
        for name in ["UNSC_2020_SPV.8699_spch001.txt", "UNSC_2020_SPV.8699_spch002.txt"] {
            let mapped = writer.speech(&pipeline, Path::new(name), text, meta.clone()).unwrap();
            assert!(matches!(mapped, Mapped::Written { quads, .. } if quads > 0), "{mapped:?}");
        }
        let binary = writer.speech(&pipeline, Path::new("binary.txt"), b"a\0b", meta).unwrap();
        assert!(matches!(binary, Mapped::Failed(_)), "{binary:?}");
        let text = String::from_utf8(writer.finish().unwrap()).unwrap();
        let corpus = format!("{} .", iri::corpus_graph());
        let shared: Vec<&str> = text.lines().filter(|l| l.ends_with(&corpus)).collect();
        let unique: HashSet<&&str> = shared.iter().collect();
        assert!(!shared.is_empty() && shared.len() == unique.len(), "{shared:?}");
        assert!(text.contains("# unkg error: binary.txt:1: expected text, found a NUL byte"), "{text}");
        let parsed = text.lines().filter(|l| !l.starts_with('#')).count();
        assert!(parsed > 20, "{text}");
    }
}
