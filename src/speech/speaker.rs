//! Who gave a speech: from the header, the metadata tables and the file name,
//! the header winning where they disagree.

use super::header::Header;
use crate::corpus::{Layout, SpeechMeta};

/// Looks up the names speakers give for the states and organisations they
/// speak for; implemented by [`crate::reference::Reference`].
pub trait Directory: Sync {
    /// The ISO 3166-1 alpha-3 code of the state called `name`, if it is one.
    fn state_code(&self, name: &str) -> Option<String>;
    /// The key of the organisation called `name` (name or acronym).
    fn organisation_key(&self, name: &str) -> Option<String>;
    /// Whether the state `alpha3` sat on the Security Council in `year`.
    fn council_member(&self, alpha3: &str, year: u16) -> bool;
    /// Who held the UN office `office` (Secretary-General, ...) in `year`.
    fn office_holder(&self, _office: &str, _year: u16) -> Option<String> {
        None
    }
    /// The state that held the Council's presidency in `month` of `year`.
    fn presidency(&self, _year: u16, _month: u8) -> Option<String> {
        None
    }
}

/// The part a speaker plays in the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The President of the Security Council, presiding.
    President,
    /// A member of the Security Council.
    CouncilMember,
    /// A state or organisation invited to take part (rule 37 or 39).
    InvitedSpeaker,
    /// An official of the United Nations (Secretary-General, envoys, briefers).
    UnOfficial,
    /// A delegation's speaker in the General Assembly's General Debate.
    GeneralDebateSpeaker,
}

/// The person who spoke and whom they spoke for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Speaker {
    /// `Mr.`, `Ms.`, `Dame`, ... as printed or given by the metadata.
    pub honorific: Option<String>,
    /// The name as printed ("Geng Shuang"), or as the metadata gives it.
    pub name: Option<String>,
    /// An office held, where printed or given ("President", "Secretary-General").
    pub office: Option<String>,
    /// The state spoken for: ISO 3166-1 alpha-3.
    pub state: Option<String>,
    /// The organisation spoken for: its gazetteer key (`UN`, `EU`), or a slug
    /// of its name where only the metadata names it.
    pub organisation: Option<String>,
    /// The organisation's name, where no gazetteer knows it.
    pub organisation_name: Option<String>,
    /// The speaker's part in the meeting, where it can be known.
    pub role: Option<Role>,
}

/// Identifies the speaker of a speech. Disagreements and names that match
/// nothing known are reported in `warnings`.
pub fn identify_speaker(
    header: Option<&Header>,
    meta: &SpeechMeta,
    layout: &Layout,
    directory: &dyn Directory,
    warnings: &mut Vec<String>,
) -> Speaker {
    let mut speaker = Speaker::default();
    if let Some(h) = header {
        speaker.honorific = h.honorific.clone();
        speaker.name = h.name.clone();
        speaker.office = h.office.clone();
        if let Some(aff) = &h.affiliation {
            resolve_affiliation(aff, directory, &mut speaker);
            if speaker.state.is_none() && speaker.organisation.is_none() {
                warnings.push(format!("header: speaker's affiliation {aff:?} is no known state or organisation"));
            }
        }
    }
    if speaker.name.is_none() {
        if let Some(printed) = &meta.speaker {
            // "Mr. Pham Binh Minh/Mr. Dang": the presidency changed hands; the
            // last named is the one who presided over the record's end.
            let last = printed.rsplit('/').next().unwrap_or(printed).trim();
            let (honorific, name) = split_name(last);
            if speaker.honorific.is_none() {
                speaker.honorific = honorific;
            }
            match name.strip_prefix("The ") {
                // The table names an office ("The Secretary-General") as the speaker.
                Some(office) => {
                    speaker.office.get_or_insert_with(|| office.to_owned());
                }
                None => speaker.name = Some(name).filter(|n| !n.is_empty()),
            }
        }
    }
    let meta_for = meta.country.as_deref().map(|c| {
        let mut s = Speaker::default();
        resolve_affiliation(c, directory, &mut s);
        (c, s.state, s.organisation)
    });
    if let Layout::Ungdc { iso3: code, .. } = layout {
        // A General Debate file is named by the code of whoever spoke, which
        // says more than the table's country name: that may be a historical
        // name ("Yugoslavia") or plainly wrong ("Austria" for AUS).
        if let Some(state) = directory.state_code(code).filter(|s| s == code) {
            speaker.state = Some(state);
        } else if let Some(org) = directory.organisation_key(code) {
            speaker.organisation = Some(org);
        }
        if let Some((printed, state, org)) = &meta_for {
            let contradicts = match (state, org) {
                (Some(s), _) => speaker.state.as_ref() != Some(s),
                (None, Some(o)) => speaker.organisation.as_ref() != Some(o),
                (None, None) => false,
            };
            if speaker.state.is_none() && speaker.organisation.is_none() {
                speaker.state = state.clone();
                speaker.organisation = org.clone();
            } else if contradicts {
                let at = meta.country_source.as_ref().map(|(p, l)| format!("{}:{l}", p.display())).unwrap_or_default();
                warnings.push(format!("metadata ({at}) names {printed:?}, but the file's code is {code}: trusting the code"));
            }
        }
    }
    let by_header = speaker.state.is_some() || speaker.organisation.is_some();
    match (&meta_for, by_header) {
        _ if matches!(layout, Layout::Ungdc { .. }) => {}
        (Some((printed, state, org)), true) => {
            if (state.is_some() || org.is_some()) && (state != &speaker.state || org != &speaker.organisation) {
                warnings.push(format!(
                    "metadata says the speaker spoke for {printed:?} but the header says {:?}: trusting the header",
                    header.and_then(|h| h.affiliation.as_deref()).unwrap_or("")
                ));
            }
        }
        (Some((printed, state, org)), false) => {
            speaker.state = state.clone();
            speaker.organisation = org.clone();
            if state.is_none() && org.is_none() {
                if looks_like_organisation(printed) {
                    // Civil-society briefers speak for bodies no gazetteer
                    // lists: the table's name is the best there is.
                    // The key the text's extractors give the same name
                    // (crate::names::slug, without the article), so that
                    // header, metadata and text name one organisation.
                    speaker.organisation = Some(crate::names::slug(crate::names::strip_the(printed)));
                    speaker.organisation_name = Some((*printed).to_owned());
                } else {
                    warnings.push(format!("metadata: speaker's country {printed:?} is no known state or organisation"));
                }
            }
        }
        (None, _) => {}
    }
    if let Layout::Ungdc { .. } = layout {
        if speaker.office.is_none() {
            speaker.office = meta.post.clone();
        }
    }
    if let Some(office @ ("Secretary-General" | "Deputy Secretary-General")) = speaker.office.as_deref() {
        speaker.organisation.get_or_insert_with(|| "UN".to_owned());
        // "The Secretary-General:" names an office; the year names the person.
        if speaker.name.is_none() {
            speaker.name = year_of(meta, layout).and_then(|y| directory.office_holder(office, y));
        }
    }
    speaker.role = role(&speaker, header, meta, layout, directory);
    // "The President:" speaks for the state holding the presidency, which
    // the date tells where the metadata does not.
    if speaker.role == Some(Role::President) && speaker.state.is_none() && speaker.organisation.is_none() {
        let month = meta.date.as_deref().and_then(|d| Some((d.get(..4)?.parse().ok()?, d.get(5..7)?.parse().ok()?)));
        speaker.state = month.and_then(|(y, m)| directory.presidency(y, m));
    }
    speaker
}

/// Whether a metadata "country" that matched nothing names an organisation,
/// rather than being a slip of the table ("spoke in French", "Individual").
fn looks_like_organisation(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && !name.to_lowercase().starts_with("spoke")
        && name.chars().all(|c| c.is_alphanumeric() || " '-(),.&".contains(c))
}

fn resolve_affiliation(name: &str, directory: &dyn Directory, speaker: &mut Speaker) {
    let name = crate::names::strip_the(name.trim());
    if let Some(code) = directory.state_code(name) {
        speaker.state = Some(code);
    } else if let Some(key) = directory.organisation_key(name) {
        speaker.organisation = Some(key);
    }
}

/// The speech's year, from the file name or the metadata's date.
fn year_of(meta: &SpeechMeta, layout: &Layout) -> Option<u16> {
    match layout {
        Layout::Unsc { year, .. } | Layout::Ungdc { year, .. } => Some(*year),
        Layout::Plain => meta.date.as_deref().and_then(|d| d.get(..4)?.parse().ok()),
    }
}

fn role(speaker: &Speaker, header: Option<&Header>, meta: &SpeechMeta, layout: &Layout, dir: &dyn Directory) -> Option<Role> {
    let year = match layout {
        Layout::Unsc { year, .. } => *year,
        Layout::Ungdc { .. } => return Some(Role::GeneralDebateSpeaker),
        Layout::Plain => meta.date.as_deref().and_then(|d| d.get(..4)?.parse().ok()).unwrap_or(0),
    };
    let presiding = header.and_then(|h| h.office.as_deref()) == Some("President")
        || meta.participant_type.as_deref() == Some("The President");
    if presiding {
        return Some(Role::President);
    }
    if speaker.organisation.as_deref() == Some("UN") {
        return Some(Role::UnOfficial);
    }
    match (meta.participant_type.as_deref(), &speaker.state) {
        (Some("Mentioned"), _) => Some(Role::CouncilMember),
        (_, Some(state)) if year > 0 && dir.council_member(state, year) => Some(Role::CouncilMember),
        (Some("Guest"), _) => Some(Role::InvitedSpeaker),
        (_, Some(_)) if year > 0 => Some(Role::InvitedSpeaker),
        _ if speaker.organisation.is_some() => Some(Role::InvitedSpeaker),
        _ => None,
    }
}

/// `Mr. Zhang Jun` as (`Mr.`, `Zhang Jun`).
fn split_name(printed: &str) -> (Option<String>, String) {
    const TITLES: &[&str] = &["Mr.", "Mrs.", "Ms.", "Miss", "Dame", "Sir", "Dr.", "Mr", "Ms", "Mrs"];
    for t in TITLES {
        if let Some(rest) = printed.strip_prefix(t).filter(|r| r.starts_with(' ')) {
            return (Some((*t).to_owned()), rest.trim().to_owned());
        }
    }
    (None, printed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::speech::parse_header;

    struct Fake;
    impl Directory for Fake {
        fn state_code(&self, name: &str) -> Option<String> {
            match name {
                "Kazakhstan" => Some("KAZ".into()),
                "Viet Nam" => Some("VNM".into()),
                "Norway" => Some("NOR".into()),
                "Austria" => Some("AUT".into()),
                "AUS" | "Australia" => Some("AUS".into()),
                _ => None,
            }
        }
        fn organisation_key(&self, name: &str) -> Option<String> {
            match name {
                "UN" | "United Nations" => Some("UN".into()),
                "EU" | "European Union" => Some("EU".into()),
                _ => None,
            }
        }
        fn council_member(&self, alpha3: &str, year: u16) -> bool {
            alpha3 == "VNM" && year == 2020
        }
    }

    fn unsc() -> Layout {
        Layout::of(std::path::Path::new("UNSC_2020_SPV.8699_spch001.txt"))
    }

    #[test]
    fn the_president_speaks_for_the_presidency_in_the_metadata() {
        let h = parse_header("The President: I now give the floor").unwrap();
        let meta = SpeechMeta {
            speaker: Some("Mr. Pham Binh Minh/Mr. Dang".into()),
            participant_type: Some("The President".into()),
            country: Some("Viet Nam".into()),
            ..SpeechMeta::default()
        };
        let mut w = Vec::new();
        let s = identify_speaker(Some(&h), &meta, &unsc(), &Fake, &mut w);
        assert_eq!((s.honorific.as_deref(), s.name.as_deref()), (Some("Mr."), Some("Dang")));
        assert_eq!((s.state.as_deref(), s.role), (Some("VNM"), Some(Role::President)));
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn header_wins_over_metadata_with_a_warning() {
        let h = parse_header("Ms. Juul (Norway): I have the honour").unwrap();
        let meta = SpeechMeta { country: Some("Kazakhstan".into()), ..SpeechMeta::default() };
        let mut w = Vec::new();
        let s = identify_speaker(Some(&h), &meta, &unsc(), &Fake, &mut w);
        assert_eq!((s.state.as_deref(), s.role), (Some("NOR"), Some(Role::InvitedSpeaker)));
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("trusting the header"));
    }

    #[test]
    fn written_statements_take_the_speaker_from_the_metadata() {
        let meta = SpeechMeta {
            speaker: Some("Rosemary DiCarlo".into()),
            participant_type: Some("Guest".into()),
            country: Some("UN".into()),
            ..SpeechMeta::default()
        };
        let mut w = Vec::new();
        let s = identify_speaker(None, &meta, &unsc(), &Fake, &mut w);
        assert_eq!((s.name.as_deref(), s.organisation.as_deref()), (Some("Rosemary DiCarlo"), Some("UN")));
        assert_eq!(s.role, Some(Role::UnOfficial));
        let meta = SpeechMeta { country: Some("spoke in French".into()), ..SpeechMeta::default() };
        identify_speaker(None, &meta, &unsc(), &Fake, &mut w);
        assert!(w[0].contains("spoke in French"), "{w:?}");
        let meta = SpeechMeta { country: Some("Fondasyon Je Klere (FJKL)".into()), ..SpeechMeta::default() };
        let s = identify_speaker(None, &meta, &unsc(), &Fake, &mut w);
        assert_eq!(s.organisation.as_deref(), Some("fondasyon-je-klere-fjkl"));
        assert_eq!(s.organisation_name.as_deref(), Some("Fondasyon Je Klere (FJKL)"));
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn general_debate_speakers_speak_for_the_file_code() {
        let gd = |code: &str| Layout::Ungdc { iso3: code.into(), session: 15, year: 1960 };
        let meta = SpeechMeta {
            speaker: Some("Mr. MENZIES".into()),
            country: Some("Austria".into()),
            country_source: Some(("Speakers_by_session.csv".into(), 7040)),
            ..SpeechMeta::default()
        };
        let mut warnings = Vec::new();
        let s = identify_speaker(None, &meta, &gd("AUS"), &Fake, &mut warnings);
        assert_eq!((s.state.as_deref(), s.name.as_deref()), (Some("AUS"), Some("MENZIES")));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("Speakers_by_session.csv:7040") && warnings[0].contains("trusting the code"));
        let meta = SpeechMeta { speaker: Some("Mr. Charles Michel".into()), country: Some("European Union".into()), ..SpeechMeta::default() };
        let mut warnings = Vec::new();
        let s = identify_speaker(None, &meta, &gd("EU"), &Fake, &mut warnings);
        assert_eq!((s.state, s.organisation.as_deref()), (None, Some("EU")));
        assert_eq!(s.role, Some(Role::GeneralDebateSpeaker));
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}
