//! `plan`: the speech files under some paths and the metadata tables that
//! describe them, as `unkg build` finds them; a Spark driver's first step.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::path::PathBuf;

/// The speech files at or below `paths` (files, or folders searched for
/// `.txt` files), sorted, each speech identifier once, and the metadata
/// tables `meta` names or found beside them, in the order a build reads
/// them; with the problems met (`errors`: entries that cannot be read,
/// identifiers taken twice; `warnings`: table rows that cannot be read).
/// A dict of lists of strings: `files`, `sizes` (bytes, as listed),
/// `tables`, `errors`, `warnings`.
#[pyfunction]
#[pyo3(signature = (paths, meta = Vec::new()))]
pub fn plan<'py>(py: Python<'py>, paths: Vec<PathBuf>, meta: Vec<PathBuf>) -> PyResult<Bound<'py, PyDict>> {
    let plan = unkg::map::plan(&paths, &meta);
    let text = |p: &std::path::Path| p.to_string_lossy().into_owned();
    let out = PyDict::new(py);
    out.set_item("files", plan.jobs.iter().map(|j| text(&j.path)).collect::<Vec<_>>())?;
    out.set_item("sizes", plan.jobs.iter().map(|j| j.size).collect::<Vec<_>>())?;
    out.set_item("tables", plan.tables.iter().map(|t| text(t)).collect::<Vec<_>>())?;
    out.set_item("errors", plan.errors.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    out.set_item("warnings", plan.warnings.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    Ok(out)
}
