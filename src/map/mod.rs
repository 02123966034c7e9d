//! The map step: speech files in, N-Quads out, with no store.
//!
//! `unkg extract` and the Python binding (and through it a Spark job) run
//! speeches through the same [`Pipeline`](crate::pipeline::Pipeline) as
//! `unkg build`, but write the quads as N-Quads text instead of loading
//! them; `unkg load` then makes the store. [`plan`] finds the speech files
//! and their metadata as a build does; [`NQuadsWriter`] writes whole
//! speeches, the corpus graph's shared quads once per output, and each
//! speech that failed or warned as a comment naming its file, so that the
//! output of a cluster says what it left out and `unkg load` can report it.

mod nquads;
mod plan;

pub use nquads::{Mapped, NQuadsWriter, ERROR_COMMENT, WARNING_COMMENT};
pub use plan::{plan, read_speech, Job, Plan};
