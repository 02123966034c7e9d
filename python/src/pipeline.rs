//! `Pipeline` (one speech at a time: N-Quads, mentions, acts) and `Mapper`
//! (a cluster's map step: many speeches into one output, the corpus
//! graph's shared quads once).

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use self_cell::self_cell;
use std::path::{Path, PathBuf};
use unkg::corpus::{Layout, MetaIndex, SpeechMeta};
use unkg::error::Diagnostic;
use unkg::extract::Extractors;
use unkg::map::{read_speech, Mapped, NQuadsWriter};
use unkg::records::{records, ActRecord, MentionRecord};
use unkg::reference::Reference;

self_cell!(
    /// The bundled reference data and the extractors built over its
    /// gazetteer, which borrow it: one value for Python to own.
    struct Loaded {
        owner: Reference,
        #[covariant]
        dependent: Extractors,
    }
);

/// The speech pipeline over the bundled reference data and the given
/// metadata tables.
#[pyclass(module = "unkg._unkg", frozen)]
pub struct Pipeline {
    loaded: Loaded,
    index: MetaIndex,
    /// Where tables given as bytes were written to be read; removed with
    /// the pipeline.
    _tables: Option<tempfile::TempDir>,
    warnings: Vec<String>,
    max_file_size: u64,
}

#[pymethods]
impl Pipeline {
    /// `metadata`: tables as paths, or as `(name, bytes)` pairs (what a
    /// Spark driver broadcasts), read in order (a later row overrides an
    /// earlier one). Rows that cannot be read are `warnings`; a table that
    /// cannot be read at all raises `UnkgError`.
    #[new]
    #[pyo3(signature = (metadata = Vec::new(), max_file_size = 20 << 20))]
    fn new(py: Python<'_>, metadata: Vec<Bound<'_, PyAny>>, max_file_size: u64) -> PyResult<Self> {
        let mut tables = Vec::new();
        let mut dir = None;
        for (i, item) in metadata.iter().enumerate() {
            if let Ok((name, data)) = item.extract::<(PathBuf, Vec<u8>)>() {
                let dir = match &mut dir {
                    Some(dir) => dir,
                    None => dir.insert(tempfile::tempdir().map_err(crate::error)?),
                };
                // The table's own name, which tells its kind; a folder each,
                // since two tables may share a name.
                let file = name.file_name().map_or_else(|| PathBuf::from("table.tsv"), PathBuf::from);
                let path = dir.path().join(i.to_string()).join(file);
                std::fs::create_dir_all(path.parent().unwrap_or(dir.path())).map_err(crate::error)?;
                std::fs::write(&path, data).map_err(crate::error)?;
                tables.push(path);
            } else {
                tables.push(item.extract::<PathBuf>()?);
            }
        }
        py.detach(|| {
            let mut index = MetaIndex::default();
            let mut warnings = Vec::new();
            for table in &tables {
                let problems = index.load_table(table).map_err(crate::error)?;
                warnings.extend(problems.iter().map(ToString::to_string));
            }
            let loaded = Loaded::new(Reference::bundled(), |reference| Extractors::new(reference.gazetteer()));
            Ok(Pipeline { loaded, index, _tables: dir, warnings, max_file_size })
        })
    }

    /// Problems with single rows of the metadata tables.
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.warnings.clone()
    }

    /// Files larger than this many bytes are refused.
    #[getter]
    fn max_file_size(&self) -> u64 {
        self.max_file_size
    }

    /// The bytes of the speech file `path`; raises `UnkgError` when it is
    /// over `max_file_size` or cannot be read.
    fn read<'py>(&self, py: Python<'py>, path: PathBuf) -> PyResult<Bound<'py, PyBytes>> {
        let bytes = py.detach(|| read_speech(&path, self.max_file_size)).map_err(crate::error)?;
        Ok(PyBytes::new(py, &bytes))
    }

    /// The speech `data`, the file `name` (which tells its corpus layout,
    /// its identifier and its metadata), as N-Quads; warnings are comments
    /// (`# unkg warning: ...`). Raises `UnkgError` when it is no speech.
    fn extract(&self, py: Python<'_>, name: PathBuf, data: &[u8]) -> PyResult<String> {
        py.detach(|| {
            let mut writer = NQuadsWriter::new(Vec::new(), "<memory>");
            let mapped = writer.speech(&self.core(), &name, data, self.meta(&name)).map_err(crate::error)?;
            if let Mapped::Failed(problem) = mapped {
                return Err(crate::error(problem));
            }
            let text = writer.finish().map_err(crate::error)?;
            Ok(String::from_utf8_lossy(&text).into_owned())
        })
    }

    /// The speech's mentions of entities, a dict each (`speech`, `entity`,
    /// `type`, `label`, `begin`, `end`, `quote`, `extractor`,
    /// `confidence`), in the order of the text.
    fn mentions<'py>(&self, py: Python<'py>, name: PathBuf, data: &[u8]) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let found = py.detach(|| records(&self.core(), &name, data, self.meta(&name))).map_err(crate::error)?;
        found.mentions().iter().map(|m| mention(py, m)).collect()
    }

    /// The speech's acts, a dict per act and sentence (`speech`, `act`,
    /// `kind`, `agent`, `target`, `begin`, `end`, `quote`), in the order of
    /// the text.
    fn acts<'py>(&self, py: Python<'py>, name: PathBuf, data: &[u8]) -> PyResult<Vec<Bound<'py, PyDict>>> {
        let found = py.detach(|| records(&self.core(), &name, data, self.meta(&name))).map_err(crate::error)?;
        found.acts().iter().map(|a| act(py, a)).collect()
    }

    /// A mapper writing many speeches into one output.
    fn mapper(slf: Py<Self>) -> Mapper {
        Mapper { pipeline: slf, writer: NQuadsWriter::new(Vec::new(), "<memory>") }
    }
}

impl Pipeline {
    fn core(&self) -> unkg::pipeline::Pipeline<'_> {
        unkg::pipeline::Pipeline::new(self.loaded.borrow_owner(), self.loaded.borrow_dependent())
    }

    fn meta(&self, name: &Path) -> SpeechMeta {
        self.index.for_file(name, &Layout::of(name))
    }
}

/// Many speeches into one output, as a part file of `unkg extract`: what
/// several speeches share is written once per mapper.
#[pyclass(module = "unkg._unkg")]
pub struct Mapper {
    pipeline: Py<Pipeline>,
    writer: NQuadsWriter<Vec<u8>>,
}

#[pymethods]
impl Mapper {
    /// Reads the speech file `path` (refused over `max_file_size`) and maps
    /// it as the file `name`. Never raises for bad input: returns
    /// `(nquads, warnings, error)`, where a failed speech has no quads, an
    /// error `file:line: what`, and its `# unkg error:` comment as text.
    #[pyo3(signature = (path, name = None))]
    fn map_file(&mut self, py: Python<'_>, path: PathBuf, name: Option<PathBuf>) -> PyResult<(String, Vec<String>, Option<String>)> {
        let pipeline = self.pipeline.get();
        let name = name.unwrap_or_else(|| path.clone());
        let writer = &mut self.writer;
        py.detach(|| {
            let mapped = match read_speech(&path, pipeline.max_file_size) {
                Ok(bytes) => writer.speech(&pipeline.core(), &name, &bytes, pipeline.meta(&name)),
                Err(e) => {
                    // Told by the name the speech goes by, not where it was read.
                    let mut problem = Diagnostic::from_error(&name, e);
                    if problem.path == path {
                        problem.path = name.clone();
                    }
                    writer.failed(&problem).map(|()| Mapped::Failed(problem))
                }
            };
            take(writer, mapped)
        })
    }

    /// Maps the speech `data` as the file `name`, as `map_file` does.
    fn map_bytes(&mut self, py: Python<'_>, name: PathBuf, data: &[u8]) -> PyResult<(String, Vec<String>, Option<String>)> {
        let pipeline = self.pipeline.get();
        let writer = &mut self.writer;
        py.detach(|| {
            let mapped = if data.len() as u64 > pipeline.max_file_size {
                let problem = Diagnostic::new(
                    &name,
                    0,
                    format!("the file is {} bytes, over the maximum file size of {}: no speech is that long", data.len(), pipeline.max_file_size),
                );
                writer.failed(&problem).map(|()| Mapped::Failed(problem))
            } else {
                writer.speech(&pipeline.core(), &name, data, pipeline.meta(&name))
            };
            take(writer, mapped)
        })
    }

    /// Quads written so far (the corpus graph's counted once).
    #[getter]
    fn quads(&self) -> u64 {
        self.writer.quads()
    }
}

/// What the writer wrote for the last speech, with its outcome.
fn take(writer: &mut NQuadsWriter<Vec<u8>>, mapped: unkg::error::Result<Mapped>) -> PyResult<(String, Vec<String>, Option<String>)> {
    let mapped = mapped.map_err(crate::error)?;
    let text = String::from_utf8_lossy(&std::mem::take(writer.output_mut())).into_owned();
    Ok(match mapped {
        Mapped::Written { warnings, .. } => (text, warnings.iter().map(ToString::to_string).collect(), None),
        Mapped::Failed(problem) => (text, Vec::new(), Some(problem.to_string())),
    })
}

fn mention<'py>(py: Python<'py>, m: &MentionRecord) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("speech", &m.speech)?;
    d.set_item("entity", &m.entity)?;
    d.set_item("type", &m.r#type)?;
    d.set_item("label", &m.label)?;
    d.set_item("begin", m.begin)?;
    d.set_item("end", m.end)?;
    d.set_item("quote", &m.quote)?;
    d.set_item("extractor", &m.extractor)?;
    // Two decimals, as the store has it.
    d.set_item("confidence", (f64::from(m.confidence) * 100.0).round() / 100.0)?;
    Ok(d)
}

fn act<'py>(py: Python<'py>, a: &ActRecord) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("speech", &a.speech)?;
    d.set_item("act", &a.act)?;
    d.set_item("kind", &a.kind)?;
    d.set_item("agent", &a.agent)?;
    d.set_item("target", &a.target)?;
    d.set_item("begin", a.begin)?;
    d.set_item("end", a.end)?;
    d.set_item("quote", &a.quote)?;
    Ok(d)
}
