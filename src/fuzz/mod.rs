//! Fuzzing support: the properties every reader of outside bytes must keep,
//! a small seeded mutator, and one target per reader.
//!
//! The same targets run in `cargo test --release` (`tests/fuzz.rs`, a fixed
//! number of mutated inputs from fixed seeds, so that CI is deterministic)
//! and in longer runs (`UNKG_FUZZ_SECS`). They live in the library, not in
//! the tests, so that any other driver (cargo-fuzz, AFL) calls the very same
//! checks.

pub mod check;
pub mod mutate;
pub mod targets;

pub use mutate::{mutate, Rng};
pub use targets::{Target, TARGETS};
