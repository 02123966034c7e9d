//! Text normalisation: turns a decoded speech into the clean text the
//! extractors read, keeping a map back to the original characters.

mod normalize;

pub use normalize::{normalize, NormalizedText};

mod windows;

pub use windows::windows;
