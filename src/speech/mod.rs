//! Speech parsing: from a decoded file and its metadata to a [`Speech`] that
//! knows who spoke, for whom, in which meeting and in which language.

mod header;
mod speaker;

pub use header::{parse_header, Header};
pub use speaker::{identify_speaker, Directory, Role, Speaker};

use crate::corpus::{decode, Decoded, Layout, SpeechMeta};
use crate::error::Diagnostic;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// One speech, parsed and identified, ready for the extractors.
#[derive(Debug, Clone)]
pub struct Speech {
    /// Stable identifier: the file name without extension.
    pub id: String,
    /// The file as found.
    pub path: PathBuf,
    /// The file's name, as the canned queries report it.
    pub file_name: String,
    /// The decoded text, exactly as in the file (offsets refer to it).
    pub text: String,
    /// `sha256:` and the hex SHA-256 of the file's bytes.
    pub content_hash: String,
    /// What the file name says.
    pub layout: Layout,
    /// What the metadata tables say.
    pub meta: SpeechMeta,
    /// The header line, where the speech has one.
    pub header: Option<Header>,
    /// Who spoke, for whom, in which role.
    pub speaker: Speaker,
    /// The language spoken ("French"), from the header; unknown for
    /// speeches without one.
    pub language: Option<String>,
    /// Character offset where the speech's own words begin (after the header).
    pub body_start: usize,
    /// Problems worth telling the user about, each at its file and line;
    /// none stops the speech.
    pub warnings: Vec<Diagnostic>,
}

impl Speech {
    /// Parses a speech from the bytes of the file at `path`.
    pub fn parse(path: PathBuf, bytes: &[u8], meta: SpeechMeta, directory: &dyn Directory) -> Speech {
        Speech::from_decoded(path, bytes, decode(bytes), meta, directory)
    }

    /// Parses a speech from `decoded`, the text of `bytes`, the file at
    /// `path`: for callers that checked the text before parsing it.
    pub fn from_decoded(path: PathBuf, bytes: &[u8], decoded: Decoded, meta: SpeechMeta, directory: &dyn Directory) -> Speech {
        let mut warnings: Vec<Diagnostic> =
            decoded.encoding.warning().map(|w| Diagnostic::new(&path, decoded.line, w)).into_iter().collect();
        let layout = Layout::of(&path);
        let header = parse_header(&decoded.text);
        // The speaker is the header's, on line 1, or the metadata's, whose
        // warnings name their table's line themselves.
        let mut about_speaker = Vec::new();
        let speaker = identify_speaker(header.as_ref(), &meta, &layout, directory, &mut about_speaker);
        warnings.extend(about_speaker.into_iter().map(|w| Diagnostic::new(&path, 1, w)));
        let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let id = path.file_stem().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // Records note "(spoke in French)" for every language but English:
        // a header without that note introduces a speech given in English.
        let language = header.as_ref().map(|h| h.language.clone().unwrap_or_else(|| "English".to_owned()));
        let body_start = header.as_ref().map_or(0, |h| h.body_start);
        Speech {
            id,
            path,
            file_name,
            text: decoded.text,
            content_hash: format!("sha256:{:x}", Sha256::digest(bytes)),
            layout,
            meta,
            header,
            speaker,
            language,
            body_start,
            warnings,
        }
    }

    /// The speech's own words, after the header.
    pub fn body(&self) -> &str {
        let byte = self.text.char_indices().nth(self.body_start).map_or(self.text.len(), |(b, _)| b);
        &self.text[byte..]
    }

    /// The meeting's date as `YYYY-MM-DD`, where the metadata gives it.
    pub fn date(&self) -> Option<&str> {
        self.meta.date.as_deref()
    }

    /// The year the speech was given, from the metadata or the file name.
    pub fn year(&self) -> Option<u16> {
        match &self.layout {
            Layout::Unsc { year, .. } | Layout::Ungdc { year, .. } => Some(*year),
            Layout::Plain => self.date().and_then(|d| d.get(..4)).and_then(|y| y.parse().ok()),
        }
    }
}
