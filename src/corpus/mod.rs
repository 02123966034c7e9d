//! The corpus: finding speech files, decoding them, recognising their layout
//! and the metadata tables that describe them.

mod decode;
mod discover;
mod layout;
mod metadata;
mod tables;

pub use decode::{decode, Decoded, TextEncoding};
pub use discover::{discover, Discovered};
pub use layout::{Layout, MeetingRecord};
pub use metadata::{is_table, MetaIndex, SpeechMeta};
