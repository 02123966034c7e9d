//! `unkg._unkg`: the extension module under the `unkg` Python package
//! (`python/unkg/__init__.py`, which resolves paths and texts and documents
//! the API). It runs speeches through unkg's one [`Pipeline`](unkg::pipeline::Pipeline),
//! over the reference data bundled in the crate, as `unkg build` does.

mod pipeline;
mod plan;

use pyo3::prelude::*;

pyo3::create_exception!(_unkg, UnkgError, pyo3::exceptions::PyValueError, "Input that is no speech, or a metadata table that cannot be read: the message says `file:line: what was expected`.");

/// The module: `Pipeline`, `Mapper`, `plan`, `UnkgError`, `BUILD_ID`.
#[pymodule]
fn _unkg(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<pipeline::Pipeline>()?;
    m.add_class::<pipeline::Mapper>()?;
    m.add_function(wrap_pyfunction!(plan::plan, m)?)?;
    m.add("UnkgError", m.py().get_type::<UnkgError>())?;
    m.add("BUILD_ID", unkg::pipeline::BUILD_ID)?;
    Ok(())
}

/// An unkg error as the Python exception, its message `file:line: what`.
pub(crate) fn error(e: impl std::fmt::Display) -> PyErr {
    UnkgError::new_err(e.to_string())
}
