//! Fuzzy linking: a name found by pattern that misspells a gazetteer
//! organisation's name ("Office of Counter-Terrorsim") is that
//! organisation.

use std::collections::HashMap;

use crate::extract::{Extractor, Mention};
use crate::gazetteer::Gazetteer;
use crate::names::{bounded_distance, fold_spelling};

/// Shortest name that fuzzy linking considers: shorter names differ by one
/// letter from other real names too often ("Bank" / "Band").
pub const FUZZY_MIN_LEN: usize = 14;

/// Every long organisation form of a gazetteer, folded, by length; built
/// once per gazetteer and shared.
pub struct FuzzyLinker {
    by_len: HashMap<usize, Vec<LongForm>>,
    /// Key and label of each organisation, by gazetteer index.
    targets: Vec<(String, String)>,
}

/// A folded gazetteer form with its letter counts.
struct LongForm {
    chars: Vec<char>,
    bag: [u8; 38],
    org: u32,
}

/// Letter counts (a-z, 0-9, space, other): the counts of two strings
/// differ by at most twice their edit distance, a cheap filter before it.
fn letter_bag(chars: &[char]) -> [u8; 38] {
    let mut bag = [0u8; 38];
    for &c in chars {
        let k = match c {
            'a'..='z' => c as usize - 'a' as usize,
            '0'..='9' => 26 + c as usize - '0' as usize,
            ' ' => 36,
            _ => 37,
        };
        bag[k] = bag[k].saturating_add(1);
    }
    bag
}

impl FuzzyLinker {
    /// The forms of every organisation of `g`.
    pub fn new(g: &Gazetteer) -> Self {
        let mut by_len: HashMap<usize, Vec<LongForm>> = HashMap::new();
        for (i, o) in g.organisations.iter().enumerate() {
            for f in std::iter::once(&o.label).chain(&o.aliases) {
                let chars: Vec<char> = fold_spelling(f).chars().collect();
                if chars.len() >= FUZZY_MIN_LEN {
                    let bag = letter_bag(&chars);
                    by_len.entry(chars.len()).or_default().push(LongForm { chars, bag, org: i as u32 });
                }
            }
        }
        let targets = g.organisations.iter().map(|o| (o.key.clone(), o.label.clone())).collect();
        FuzzyLinker { by_len, targets }
    }

    /// Links a name found by pattern to the gazetteer organisation it
    /// misspells ("Office of Counter-Terrorsim" -> UNOCT): one edit per
    /// twelve letters, two at most, for names of [`FUZZY_MIN_LEN`] letters
    /// or more, and the same first letter. Exact names never reach here;
    /// the gazetteer found them.
    pub fn link(&self, m: &mut Mention) {
        let folded: Vec<char> = fold_spelling(&m.label).chars().collect();
        if folded.len() < FUZZY_MIN_LEN {
            return;
        }
        let max = (folded.len() / 12).clamp(1, 2);
        let bag = letter_bag(&folded);
        let mut best: Option<(usize, u32)> = None;
        for len in folded.len().saturating_sub(max)..=folded.len() + max {
            for f in self.by_len.get(&len).into_iter().flatten() {
                if f.chars.first() != folded.first() {
                    continue;
                }
                let bag_diff: usize = bag.iter().zip(&f.bag).map(|(a, b)| a.abs_diff(*b) as usize).sum();
                if bag_diff > 2 * max {
                    continue;
                }
                if let Some(d) = bounded_distance(&folded, &f.chars, max) {
                    if best.is_none_or(|(bd, _)| d < bd) {
                        best = Some((d, f.org));
                    }
                }
            }
        }
        let Some((d, i)) = best else { return };
        let Some((key, label)) = self.targets.get(i as usize) else { return };
        m.key = key.clone();
        m.label = label.clone();
        m.extractor = Extractor::Fuzzy;
        // Each edit makes it less likely that the names are one.
        m.confidence = if d == 0 { 0.9 } else { 0.8 - 0.05 * d as f32 };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelled_gazetteer_names_link_to_the_gazetteer() {
        let g = crate::gazetteer::gazetteer();
        let linker = FuzzyLinker::new(g);
        let mut f = crate::extract::organisations::by_pattern(
            "support for the efforts of the Office of Counter-Terrorsim to establish",
            |_, _| false,
        );
        assert_eq!(f.len(), 1, "{f:?}");
        linker.link(&mut f[0]);
        assert_eq!(Some(f[0].key.as_str()), g.organisation("UNOCT").map(|o| o.key.as_str()));
        assert_eq!(f[0].extractor, Extractor::Fuzzy);
    }
}
