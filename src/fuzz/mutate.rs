//! A small, deterministic mutator: the same seed gives the same inputs on
//! every machine, which is what lets CI fuzz without flakiness.

/// SplitMix64: tiny, fast and well-spread; cryptographic strength is of no
/// use here, reproducibility is.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator started at `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

/// Byte strings that the readers give meaning to: line breaks and hyphens
/// (normalisation), header parts, citation and date shapes, names, broken
/// encodings, and characters whose case mapping changes their length (a
/// classic source of byte-offset bugs).
const TOKENS: &[&[u8]] = &[
    b"\r\n", b"\n\n", b"\n", b"-\n", b"-\r\n", b"  ", b"\t", b"\0", b"\r", b" ", b".", b". ", b":", b"(", b")", b",",
    b"\"", b"'", b";", b"/",
    "\u{FEFF}".as_bytes(), "\u{00AD}".as_bytes(), "\u{2019}".as_bytes(), "\u{201C}".as_bytes(), "\u{00A0}".as_bytes(),
    "\u{202F}".as_bytes(), "\u{2009}".as_bytes(), "\u{02BC}".as_bytes(), "é".as_bytes(), "\u{1D518}".as_bytes(),
    "\u{FFFD}".as_bytes(), "\u{0301}".as_bytes(), "\u{0130}".as_bytes(), "\u{1E9E}".as_bytes(), "\u{FB01}".as_bytes(),
    "\u{03A3}".as_bytes(), "\u{2028}".as_bytes(), "\u{0085}".as_bytes(), "\u{3000}".as_bytes(),
    b"\xFF", b"\xC3", b"\xE2\x80", b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF", b"\x92", b"\x96",
    b"Mr. ", b"Ms. ", b"The President: ", b"The Secretary-General: ", b"(spoke in French)", b"(spoke in ",
    b"(France)", b"(European Union)", b"Mr. Nebenzia (Russian Federation): ",
    b"resolution 2253 (2015)", b"resolutions 1267 (1999) and 1989 (2011)", b"resolution ", b"S/2017/467",
    b"A/RES/75/1", b"S/PRST/2020/1", b"7 June", b"on 7 June 2017", b"last month", b"last year", b"in 2019",
    b"10 January 2020", b"United Nations", b"Security Council", b"the Council", b"Islamic State in Iraq and the Levant (ISIL)",
    b"the terrorist attack that took place in Tehran on 7 June", b"a conference in Geneva", b"C\xC3\xB4te d'Ivoire",
    b"Secretary-General Guterres", b"President Putin", b"Counter-\nTerrorism", b"terror-\nism", b"Province of ",
    b"the Committee established pursuant to resolution 2140 (2014)", b"Democratic Republic of the Congo", b"(DRC)",
];

/// Tokens for metadata tables: separators, quotes and the column names
/// unkg looks for.
const TABLE_TOKENS: &[&[u8]] = &[
    b"\t", b",", b"\"", b"\"\"", b"\n", b"\r\n", b"\r", b"filename", b"speaker", b"basename", b"topic", b"date",
    b"country", b"ISO Code", b"Session", b"Year", b"30 March 2020", b"2020-03-30", b"\xEF\xBB\xBF", b"\0", b"\xFF",
    b"UNSC_2020_SPV.8746_spch002.txt", b"UNSC_2020_SPV.8746", b"FRA",
];

/// Which dictionary the mutator splices in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dictionary {
    /// Speech text.
    Speech,
    /// Metadata tables.
    Table,
}

/// A mutated copy of `seed`: perhaps a stretch of it (the front half the
/// time, so that headers survive), then one to eight edits, some splicing in
/// pieces of `other` or of the dictionary.
pub fn mutate(rng: &mut Rng, seed: &[u8], other: &[u8], dictionary: Dictionary) -> Vec<u8> {
    let tokens = match dictionary {
        Dictionary::Speech => TOKENS,
        Dictionary::Table => TABLE_TOKENS,
    };
    // Whole speeches are slow to extract; most bugs show in a few KB.
    let mut data = if seed.len() > 4096 && rng.below(4) != 0 {
        let len = 256 + rng.below(3840);
        let start = if rng.below(2) == 0 { 0 } else { rng.below(seed.len() - len) };
        seed[start..start + len].to_vec()
    } else {
        seed.to_vec()
    };
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(data.len() + 1);
        match rng.below(9) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] = rng.next_u64() as u8;
            }
            2 => {
                let n = 1 + rng.below(4);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next_u64() as u8).collect();
                data.splice(at..at, bytes);
            }
            3 if !data.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(data.len());
                data.drain(at.min(end)..end);
            }
            4 if !data.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(data.len());
                let piece = data[at.min(end)..end].to_vec();
                let to = rng.below(data.len() + 1);
                data.splice(to..to, piece);
            }
            5 if !other.is_empty() => {
                let from = rng.below(other.len());
                let end = (from + 1 + rng.below(256)).min(other.len());
                data.splice(at..at, other[from..end].iter().copied());
            }
            6 => {
                // Repeats stress the paths that handle runs (spaces, breaks).
                let token = tokens[rng.below(tokens.len())];
                let times = 1 + rng.below(3) * rng.below(40);
                data.splice(at..at, token.iter().copied().cycle().take(token.len() * times));
            }
            _ => {
                let token = tokens[rng.below(tokens.len())];
                data.splice(at..at, token.iter().copied());
            }
        }
    }
    data
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_inputs() {
        let run = || {
            let mut rng = Rng::new(42);
            (0..50).map(|_| mutate(&mut rng, b"Mr. X (France): text", b"other", Dictionary::Speech)).collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
    }
}
