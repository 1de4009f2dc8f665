//! Function words per language: the articles, prepositions, conjunctions and determiners after which no sentence
//! ends, and a guess of a document's language from how many of its words are among them.
//!
//! The lists are data, one file per language in `languages/`: closed classes, short and stable, chosen for
//! precision. A word that can also end a clause (an English particle such as `in` or `up`, a German separable
//! prefix such as `an` or `mit`, a pronoun such as `her`) is left out, so that a line ending on a listed word is cut
//! mid-clause in any text of that language.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::metadata::language::is_unspaced_script;

/// A language the lists cover, by its ISO 639-1 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Language(usize);

impl Language {
    /// Whether no sentence of this language ends on `word` (compared in lower case).
    pub fn never_final(self, word: &str) -> bool {
        listed(&self.lists().never_final, word)
    }

    /// Whether a sentence of this language seldom ends on `word`: auxiliaries, particles, pronouns and adverbs that
    /// can close a clause (`Who we are`, `Log in`, `Er kommt an`) but mostly do not. Weaker evidence than
    /// [`Language::never_final`], for use together with other evidence.
    pub fn seldom_final(self, word: &str) -> bool {
        listed(&self.lists().seldom_final, word)
    }

    /// Whether a line ending on `before last` stops inside a noun phrase, in a language that writes its nouns
    /// with a capital (German, whose file lists `noun-determiners`): an article or a determiner and a lower-case
    /// word with an adjective's ending (`eine ökumenische`, `dem lebensweltlichen`) wait for the noun, which would
    /// be capitalised. The few words that stand for a noun in lower case (`die anderen`, `die meisten`) are left
    /// out.
    pub fn awaits_noun(self, before: &str, last: &str) -> bool {
        let lists = self.lists();
        if lists.noun_determiners.is_empty() || !last.chars().next().is_some_and(char::is_lowercase)
        {
            return false;
        }
        let last = last.to_lowercase();
        lists
            .noun_determiners
            .contains(before.to_lowercase().as_str())
            && last.chars().all(|c| c.is_alphabetic() || c == '-')
            && lists
                .adjective_endings
                .iter()
                .any(|ending| last.ends_with(ending.as_str()))
            && !self.stands_for_noun(&last)
    }

    /// Whether `lower`, a lower-case word, is one of the few that stand for a noun after an article (`die anderen`,
    /// `die meisten`): a stem of the file's `noun-pronoun-stems` alone or with an adjective's ending. The whole word
    /// must be the stem and its ending: a longer word that opens with a stem is another word (`eingeschlagenen`,
    /// `gleichzeitigen`, `selbstständige`), an adjective that waits for its noun like any other.
    fn stands_for_noun(self, lower: &str) -> bool {
        let lists = self.lists();
        lists.noun_pronoun_stems.iter().any(|stem| {
            lower.strip_prefix(stem.as_str()).is_some_and(|ending| {
                ending.is_empty() || lists.adjective_endings.iter().any(|e| e == ending)
            })
        })
    }

    /// Whether the language writes its nouns with a capital (its file lists `noun-determiners`): there a capital
    /// after a line end is no evidence of a sentence start.
    pub fn capitalises_nouns(self) -> bool {
        !self.lists().noun_determiners.is_empty()
    }

    /// Whether the language's file says it writes its compounds with a hyphen or apart, not closed into one word
    /// (`hyphenates-compounds`, set for French, Spanish, Portuguese and Italian).
    pub fn hyphenates_compounds(self) -> bool {
        self.lists().hyphenates_compounds
    }

    /// Like [`Language::awaits_noun`], weaker: a lower-case word with an adjective's ending after a word that
    /// seldom ends a sentence (`an weiteren`, `zu kindlicher`) or, with an ending that no verb has, after one that
    /// never does (`in neuer`), or one of at least
    /// [`MIN_LONE_ADJECTIVE_CHARS`] letters with an ending that no verb has (`angesichts schwacher`,
    /// `öffentlich-rechtliche`), unless the file lists it among the adverbs with such an ending (`außerdem`).
    pub fn awaits_noun_loosely(self, before: &str, last: &str) -> bool {
        let lists = self.lists();
        if self.awaits_noun(before, last) {
            return true;
        }
        if !self.capitalises_nouns()
            || !last.chars().next().is_some_and(char::is_lowercase)
            || !last.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            return false;
        }
        let last = last.to_lowercase();
        let ends = |endings: &[String]| endings.iter().any(|e| last.ends_with(e.as_str()));
        if self.stands_for_noun(&last) || lists.adverbs.contains(last.as_str()) {
            return false;
        }
        // After a word that never ends a sentence, only an ending that no verb has (`in neuer`): a conjunction
        // stands before a verb too (`und warten`).
        (self.seldom_final(before) && ends(&lists.adjective_endings))
            || self.awaits_noun_after_function_word(before, &last)
            || (last.chars().count() >= MIN_LONE_ADJECTIVE_CHARS
                && ends(&lists.lone_adjective_endings))
    }

    /// Whether a line ending on `before last` stops inside a noun phrase without an article, in a language that
    /// writes its nouns with a capital: a lower-case word with an ending that no verb has after a word that never
    /// ends a sentence (`für positive`, `mit neuer`), or with any adjective's ending after a preposition of the
    /// file's `prepositions` (`zwischen verschiedenen`, `bei kleinen`: a verb follows a conjunction, `und warten`,
    /// but never a preposition), unless the file lists it among the adverbs with such an ending (`und außerdem`,
    /// `von oben`) or it stands for a noun (`und andere`, `mit anderen`). As strong as [`Language::awaits_noun`]: no
    /// German sentence ends on a preposition or a conjunction and an adjective.
    pub fn awaits_noun_after_function_word(self, before: &str, last: &str) -> bool {
        let lists = self.lists();
        if !self.capitalises_nouns()
            || !last.chars().next().is_some_and(char::is_lowercase)
            || !last.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            return false;
        }
        let last = last.to_lowercase();
        let ends = |endings: &[String]| endings.iter().any(|e| last.ends_with(e.as_str()));
        ((self.never_final(before) && ends(&lists.lone_adjective_endings))
            || (listed(&lists.prepositions, before) && ends(&lists.adjective_endings)))
            && !self.stands_for_noun(&last)
            && !lists.adverbs.contains(last.as_str())
    }

    /// Whether `last`, a lower-case word of at least [`MIN_LONE_ADJECTIVE_CHARS`] letters, is a present participle
    /// with an adjective's ending (`werdenden`, `aufzuführenden`), in a language whose file lists the stem ending
    /// that marks one (`participle-stem`, German `end`): such a participle stands before its noun, after any word
    /// (one standing alone has no ending, `laufend`; one standing for a noun is capitalised, `die Reisenden`).
    /// Verbs whose stem ends so (`verwenden`, `senden`, `beenden`) and other words that end so are listed apart, and
    /// the participles that stand for a noun in lower case (`die folgenden`) are left out.
    pub fn attributive_participle(self, last: &str) -> bool {
        let lists = self.lists();
        if lists.participle_stem.is_empty()
            || last.chars().count() < MIN_LONE_ADJECTIVE_CHARS
            || !last.chars().all(|c| c.is_lowercase() || c == '-')
        {
            return false;
        }
        lists.adjective_endings.iter().any(|ending| {
            last.strip_suffix(ending.as_str())
                .is_some_and(|stem| stem.ends_with(lists.participle_stem.as_str()))
        }) && !lists
            .participle_lookalikes
            .iter()
            .any(|word| last.ends_with(word.as_str()))
            && !self.stands_for_noun(last)
    }

    /// Whether `word` is a preposition of the file's `prepositions` (listed for a language that writes its nouns
    /// with a capital; elsewhere the prepositions after which no sentence ends are among [`Language::never_final`]).
    pub fn preposition(self, word: &str) -> bool {
        listed(&self.lists().prepositions, word)
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        FILES[self.0].0
    }

    fn lists(self) -> &'static Lists {
        &LISTS[self.0]
    }
}

/// The language files, by ISO 639-1 code. On a tie the language listed first wins the guess.
static FILES: &[(&str, &str)] = &[
    ("en", include_str!("languages/en.toml")),
    ("de", include_str!("languages/de.toml")),
    ("fr", include_str!("languages/fr.toml")),
    ("es", include_str!("languages/es.toml")),
    ("pt", include_str!("languages/pt.toml")),
    ("it", include_str!("languages/it.toml")),
    ("nl", include_str!("languages/nl.toml")),
    ("pl", include_str!("languages/pl.toml")),
    ("ru", include_str!("languages/ru.toml")),
    ("id", include_str!("languages/id.toml")),
];

/// One language file (`languages/<code>.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Lists {
    /// Words after which no sentence ends.
    never_final: FxHashSet<String>,
    /// Words after which a sentence seldom ends.
    seldom_final: FxHashSet<String>,
    /// In a language that capitalises its nouns: the articles and determiners that an adjective and a noun follow.
    #[serde(default)]
    noun_determiners: FxHashSet<String>,
    /// The endings of an inflected adjective, which waits for its noun.
    #[serde(default)]
    adjective_endings: Vec<String>,
    /// In a language that capitalises its nouns: the prepositions, after which a word with an adjective's ending
    /// waits for its noun.
    #[serde(default)]
    prepositions: FxHashSet<String>,
    /// Stems of lower-case words that stand for a noun after an article.
    #[serde(default)]
    noun_pronoun_stems: Vec<String>,
    /// The adjective endings that no verb form has, which mark an adjective without an article before it.
    #[serde(default)]
    lone_adjective_endings: Vec<String>,
    /// The ending of a verb stem that marks a present participle (German `end`), empty where none is listed.
    #[serde(default)]
    participle_stem: String,
    /// Words that end like a participle and are none (`verwenden`, `senden`), matched as word endings.
    #[serde(default)]
    participle_lookalikes: Vec<String>,
    /// Adverbs and other words that end like an adjective but end clauses (`außerdem`, `wieder`).
    #[serde(default)]
    adverbs: FxHashSet<String>,
    /// Whether the language writes its compounds of two words with a hyphen or apart (`enseignant-chercheur`,
    /// `agrícola-ganadera`), not closed into one word (German `Zeitpunkt`): there a hyphenation point seldom
    /// leaves a whole word of the language before it.
    #[serde(default)]
    hyphenates_compounds: bool,
}

/// Whether `list` holds `word` (compared in lower case, `’` read as `'`), or the word an elision ends in (`c’est`,
/// `l'autre`: a clitic of one or two letters and an apostrophe before it), which is the word that stands last in
/// the clause.
fn listed(list: &FxHashSet<String>, word: &str) -> bool {
    let mut lower = word.to_lowercase();
    if lower.contains('’') {
        lower = lower.replace('’', "'");
    }
    if list.contains(lower.as_str()) {
        return true;
    }
    let Some((clitic, rest)) = lower.split_once('\'') else {
        return false;
    };
    (1..=MAX_CLITIC_CHARS).contains(&clitic.chars().count())
        && clitic.chars().all(char::is_alphabetic)
        && rest.chars().nth(1).is_some()
        && list.contains(rest)
}

/// The longest clitic an elision leaves before its apostrophe (`qu'`, `c’`, `l'`); longer words before an apostrophe
/// are contractions of their own (`don't`, `jusqu'à`).
const MAX_CLITIC_CHARS: usize = 2;

/// The parsed language files, in the order of [`FILES`].
static LISTS: LazyLock<Vec<Lists>> = LazyLock::new(|| {
    FILES
        .iter()
        .map(|(_, file)| {
            toml::from_str(file).expect("the language files are checked by the tests and built in")
        })
        .collect()
});

/// A lower-case word with an adjective's ending and no article before it is taken for an adjective from this many
/// letters on: shorter ones are mostly adverbs and particles (`hier`, `immer`, `gerne`).
const MIN_LONE_ADJECTIVE_CHARS: usize = 7;

/// The longest token looked up, in bytes.
const MAX_WORD_BYTES: usize = 12;

/// Fewer hits than this and a text is too short, or in a language the lists do not cover, to guess.
const MIN_HITS: usize = 4;

/// How many function words of each language a text holds, in the order of the lists.
pub(crate) type Hits = [usize; LANGUAGES];

/// The number of languages the lists cover.
const LANGUAGES: usize = FILES.len();

/// The language whose function words are the most frequent in `text`, if it has enough of them.
pub(crate) fn guess(text: &str) -> Option<Language> {
    best(&hits(text))
}

/// The function words of `text`, counted per language. Words never span white space, so the hits of a text are
/// the sum of the hits of its lines or blocks: a block that did not change need not be counted again.
pub(crate) fn hits(text: &str) -> Hits {
    read(text).hits
}

/// What one reading of a block's text tells: its word count and its function words.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reading {
    /// The number of words, as [`body::word_count`](crate::rules::body::word_count) counts them.
    pub words: usize,
    /// The function words per language, as [`hits`] counts them.
    pub hits: Hits,
}

/// Reads `text` once, byte by byte: the runs of white space part its words (plus one word per two characters of
/// scripts written without spaces), the runs of letters and apostrophes (`'`, `’`) are the tokens looked up as
/// function words. The two counts were two readings of every block of a document; the language needs both.
/// Every block of a document is read once (the first reading of a markdown dump costs more than its parse): a run
/// of ASCII bytes of one class (letters, white space, the rest: digits, punctuation, the addresses of links) is
/// read in a loop of its own, one table load a byte, since within it nothing but the position changes.
pub(crate) fn read(text: &str) -> Reading {
    let bytes = text.as_bytes();
    let (shapes, index): (&[u16; 128], &AsciiIndex) = (&SHAPES, &ASCII_INDEX);
    let mut hits = [0usize; LANGUAGES];
    let mut lowered = String::new();
    let (mut words, mut unspaced, mut in_word) = (0usize, 0usize, false);
    // The token being read: where it starts, and whether it is all ASCII so far.
    let mut token: Option<(usize, bool)> = None;
    // Counts a token that ends at `end`.
    let mut end_token = |from: usize, end: usize, ascii: bool, hits: &mut Hits| {
        count_token(text, from..end, ascii, (shapes, index), hits, &mut lowered);
    };
    // The end of the run of bytes of class `class` from `at`.
    let run_end = |mut at: usize, class: u8| {
        while at < bytes.len() && BYTE_CLASS[usize::from(bytes[at])] == class {
            at += 1;
        }
        at
    };
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        let class = BYTE_CLASS[usize::from(b)];
        if class == LETTER {
            // A run of ASCII letters, read without the rest of the tests.
            words += usize::from(!in_word);
            in_word = true;
            token.get_or_insert((at, true));
            at = run_end(at + 1, LETTER);
            continue;
        }
        if class != NON_ASCII {
            if let Some((from, ascii)) = token.take() {
                end_token(from, at, ascii, &mut hits);
            }
            // A run of white space ends the word; a run of other ASCII bytes is part of one (and ends a token).
            let space = class == SPACE;
            words += usize::from(!space && !in_word);
            in_word = !space;
            at = run_end(at + 1, class);
            continue;
        }
        let (space, letter, len) = if b <= 0xdf {
            // Two bytes (Latin, Greek, Cyrillic, Hebrew, Arabic letters): told by a table.
            let code = (usize::from(b & 0x1f) << 6) | usize::from(bytes[at + 1] & 0x3f);
            let letter = TWO_BYTE_LETTERS.has(code);
            (code == 0x85 || code == 0xa0, letter, 2)
        } else {
            let c = text[at..]
                .chars()
                .next()
                .expect("`at` is at a character boundary");
            unspaced += usize::from(is_unspaced_script(c));
            (
                c.is_whitespace(),
                c.is_alphabetic() || c == '’',
                c.len_utf8(),
            )
        };
        words += usize::from(!space && !in_word);
        in_word = !space;
        if letter {
            token.get_or_insert((at, false)).1 = false;
        } else if let Some((from, ascii)) = token.take() {
            end_token(from, at, ascii, &mut hits);
        }
        at += len;
    }
    if let Some((from, ascii)) = token {
        end_token(from, bytes.len(), ascii, &mut hits);
    }
    Reading {
        words: words + unspaced / 2,
        hits,
    }
}

/// Counts the token `text[range]` (all ASCII when `ascii`) for [`read`]: a short ASCII word is looked up as a
/// number in the [`AsciiIndex`], a longer one only when a listed word has its first letter and its length
/// (`shapes`, [`SHAPES`]), a word outside ASCII by [`look_up`]. Inlined in the loop of [`read`], where it runs once
/// a word.
#[inline(always)]
fn count_token(
    text: &str,
    range: std::ops::Range<usize>,
    ascii: bool,
    (shapes, index): (&[u16; 128], &AsciiIndex),
    hits: &mut Hits,
    lowered: &mut String,
) {
    let (from, end) = (range.start, range.end);
    let bytes = text.as_bytes();
    let len = end - from;
    if !ascii {
        look_up(&text[from..end], false, hits, lowered);
    } else if len <= ASCII_KEY_BYTES {
        // A short ASCII word is looked up as a number, lowered on the way: read as eight bytes at once where the
        // text has them.
        let key = match bytes.get(from..from + ASCII_KEY_BYTES) {
            Some(eight) => {
                let raw = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
                (raw | u64::from_le_bytes([LOWER_BIT; ASCII_KEY_BYTES]))
                    & (u64::MAX >> (8 * (ASCII_KEY_BYTES - len)))
            }
            None => ascii_key(&bytes[from..end]),
        };
        if let Some(mask) = index.get(key) {
            add(hits, mask);
        }
    } else if len <= MAX_WORD_BYTES
        // A longer one only when a listed word has its first letter and its length.
        && shapes[usize::from(bytes[from].to_ascii_lowercase())] & (1 << len) != 0
    {
        look_up(&text[from..end], true, hits, lowered);
    }
}

/// The class in [`BYTE_CLASS`] of an ASCII byte that is neither a letter, `'` nor white space: a digit, a
/// punctuation mark, a control character.
const OTHER: u8 = 0;
/// The class in [`BYTE_CLASS`] of an ASCII letter or `'`, which tokens are made of.
const LETTER: u8 = 1;
/// The class in [`BYTE_CLASS`] of ASCII white space, which parts words.
const SPACE: u8 = 2;
/// The class in [`BYTE_CLASS`] of every byte outside ASCII: a character of several bytes, decoded.
const NON_ASCII: u8 = 3;

/// The class of each byte for [`read`]: [`OTHER`], [`LETTER`], [`SPACE`] or [`NON_ASCII`].
static BYTE_CLASS: [u8; 256] = {
    let mut class = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if c.is_ascii_alphabetic() || c == b'\'' {
            LETTER
        } else if c == b' ' || (c >= b'\t' && c <= b'\r') {
            SPACE
        } else {
            OTHER
        };
        b += 1;
    }
    class
};

/// Counts `token` (a run of letters and apostrophes, all ASCII when `ascii`) if it is a listed word; [`read`]
/// looks ASCII words of up to [`ASCII_KEY_BYTES`] up in [`ASCII_INDEX`] itself. `lowered` is room for lowering a
/// word outside ASCII.
fn look_up(token: &str, ascii: bool, hits: &mut Hits, lowered: &mut String) {
    if token.len() > MAX_WORD_BYTES {
        return;
    }
    // Most words are lowercase already: only the others are copied, an ASCII one on the stack.
    let mut bytes = [0u8; MAX_WORD_BYTES];
    let word = if token.bytes().all(|b| b.is_ascii_lowercase()) {
        token
    } else if ascii {
        let lower = &mut bytes[..token.len()];
        lower.copy_from_slice(token.as_bytes());
        lower.make_ascii_lowercase();
        std::str::from_utf8(lower).expect("ASCII lowered is ASCII")
    } else {
        // Character by character, as `char::to_lowercase` lowers each; an ASCII letter without its tables.
        lowered.clear();
        for c in token.chars() {
            if c.is_ascii() {
                lowered.push(c.to_ascii_lowercase());
            } else {
                lowered.extend(c.to_lowercase());
            }
        }
        lowered.as_str()
    };
    if let Some(&mask) = INDEX.get(word) {
        add(hits, mask);
    }
}

/// Counts a hit for each language of `mask`.
fn add(hits: &mut Hits, mask: u16) {
    let mut rest = mask;
    while rest != 0 {
        hits[rest.trailing_zeros() as usize] += 1;
        rest &= rest - 1;
    }
}

/// The longest ASCII word looked up as a number ([`ascii_key`]).
const ASCII_KEY_BYTES: usize = 8;

/// The bit that lowers an ASCII letter when set, and leaves `'` as it is.
const LOWER_BIT: u8 = 0x20;

/// An ASCII word of letters and apostrophes, up to [`ASCII_KEY_BYTES`], lowered and packed into a number (zero
/// bytes after it, [`LOWER_BIT`] set in each byte of it).
fn ascii_key(word: &[u8]) -> u64 {
    let mut key = [0u8; ASCII_KEY_BYTES];
    for (k, b) in key.iter_mut().zip(word) {
        *k = b | LOWER_BIT;
    }
    u64::from_le_bytes(key)
}

/// The listed words of ASCII letters and apostrophes up to [`ASCII_KEY_BYTES`], by [`ascii_key`]: most function
/// words, found without hashing and comparing a string.
static ASCII_INDEX: LazyLock<AsciiIndex> = LazyLock::new(|| {
    let mut index = AsciiIndex {
        slots: vec![(0, 0); 1 << ASCII_INDEX_BITS].into_boxed_slice(),
    };
    let words = INDEX.iter().filter(|(word, _)| {
        word.len() <= ASCII_KEY_BYTES && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'')
    });
    for (word, &mask) in words {
        index.insert(ascii_key(word.as_bytes()), mask);
    }
    index
});

/// The slots of [`AsciiIndex`] are `1 << ASCII_INDEX_BITS`: room for at least four times the words of every list.
const ASCII_INDEX_BITS: u32 = 12;

/// A table of [`ascii_key`]s and their language masks, open-addressed: a key's slot is its product with an odd
/// constant (its top bits), or the next free one. Every word of a document is a lookup, and most end at the
/// first slot, with no string hashed or compared.
#[derive(Debug)]
struct AsciiIndex {
    /// `(key, mask)`, or `(0, 0)` for a free slot: no key is 0, since no word is empty.
    slots: Box<[(u64, u16)]>,
}

impl AsciiIndex {
    /// The mask of `key`, if it is listed.
    fn get(&self, key: u64) -> Option<u16> {
        let mut at = Self::slot(key);
        loop {
            let (k, mask) = self.slots[at];
            if k == key {
                return Some(mask);
            }
            if k == 0 {
                return None;
            }
            at = (at + 1) % self.slots.len();
        }
    }

    /// Puts `key` in the first free slot from its own.
    fn insert(&mut self, key: u64, mask: u16) {
        let mut at = Self::slot(key);
        while self.slots[at].0 != 0 {
            at = (at + 1) % self.slots.len();
        }
        self.slots[at] = (key, mask);
    }

    /// The slot a key is looked for from.
    fn slot(key: u64) -> usize {
        usize::try_from(key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - ASCII_INDEX_BITS))
            .expect("a slot has ASCII_INDEX_BITS bits")
    }
}

/// Which characters of two bytes in UTF-8 (U+0080 to U+07FF) are alphabetic: [`read`] reads every character of a
/// document.
static TWO_BYTE_LETTERS: LazyLock<TwoByteTable> =
    LazyLock::new(|| TwoByteTable::of(char::is_alphabetic));

/// A property of the characters of two bytes in UTF-8 (U+0080 to U+07FF: Latin, Greek, Cyrillic, Hebrew, Arabic),
/// a bit each: the standard library's Unicode lookups cost about 300 instructions a character outside ASCII
/// (callgrind), a table one load.
pub(super) struct TwoByteTable([u64; 30]);

impl TwoByteTable {
    /// The table of `property`.
    pub(super) fn of(property: fn(char) -> bool) -> TwoByteTable {
        let mut bits = [0u64; 30];
        for code in 0x80u32..0x800 {
            if char::from_u32(code).is_some_and(property) {
                let k = (code - 0x80) as usize;
                bits[k / 64] |= 1 << (k % 64);
            }
        }
        TwoByteTable(bits)
    }

    /// Whether the character `code` (U+0080 to U+07FF) has the property.
    pub(super) fn has(&self, code: usize) -> bool {
        let k = code - 0x80;
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// The language with the most hits, if it has enough of them (the first listed on a tie).
pub(crate) fn best(hits: &Hits) -> Option<Language> {
    let (best, &count) = hits
        .iter()
        .enumerate()
        .max_by_key(|(i, n)| (**n, usize::MAX - i))?;
    (count >= MIN_HITS).then_some(Language(best))
}

/// Every listed word and the languages (a bit each) that list it, looked up for every word of a document: a hash
/// for short keys.
static INDEX: LazyLock<FxHashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut index: FxHashMap<&'static str, u16> = FxHashMap::default();
    for (i, lists) in LISTS.iter().enumerate() {
        for word in &lists.never_final {
            *index.entry(word.as_str()).or_default() |= 1 << i;
        }
    }
    index
});

/// For each ASCII byte, the lengths (a bit each) of the listed words that start with it: most words of a text are
/// not listed, and this tells so for many of them without a lookup.
static SHAPES: LazyLock<[u16; 128]> = LazyLock::new(|| {
    let mut shapes = [0u16; 128];
    for word in INDEX.keys() {
        let first = word.as_bytes()[0];
        if first.is_ascii() && word.len() <= MAX_WORD_BYTES {
            shapes[usize::from(first)] |= 1 << word.len();
        }
    }
    shapes
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_files_parse_and_list_lowercase_words() {
        const { assert!(LANGUAGES <= 16, "a language is a bit of a u16 mask") };
        for (lists, (code, _)) in LISTS.iter().zip(FILES) {
            for word in lists.never_final.iter().chain(&lists.seldom_final) {
                assert_eq!(word, &word.to_lowercase(), "{code}: {word}");
                assert!(!word.is_empty() && !word.contains(' '), "{code}: {word}");
            }
            assert!(!lists.never_final.is_empty(), "{code}");
        }
    }

    #[test]
    fn language_is_guessed_from_its_function_words() {
        let de = "Die Regierung hat in der Nacht einen Plan für die Stadt und das Land vorgelegt.";
        assert_eq!(guess(de).map(Language::code), Some("de"));
        let en = "The plan for the city and the country was presented at night by the government.";
        assert_eq!(guess(en).map(Language::code), Some("en"));
        let fr = "Le plan de la ville et du pays a été présenté dans la nuit par le gouvernement.";
        assert_eq!(guess(fr).map(Language::code), Some("fr"));
        assert_eq!(guess("日本語の文章です。"), None);
    }

    #[test]
    fn an_elided_word_is_looked_up_after_its_clitic() {
        let fr = guess(
            "Le plan de la ville et du pays a été présenté dans la nuit par le gouvernement.",
        )
        .expect("French is guessed");
        assert!(fr.seldom_final("c’est"));
        assert!(fr.never_final("l’"));
        assert!(!fr.never_final("l’hebdomadaire"));
        assert!(!fr.seldom_final("jusqu’à"));
    }

    #[test]
    fn never_final_words_are_per_language() {
        let de = guess("Die Regierung hat in der Nacht einen Plan für die Stadt und das Land.")
            .expect("German is guessed");
        assert!(de.never_final("der"));
        assert!(de.never_final("Die"));
        // A separable prefix ends German clauses (`Er kommt morgen an.`).
        assert!(!de.never_final("an"));
        let en = guess("The plan for the city and the country was presented at night.")
            .expect("English is guessed");
        assert!(en.never_final("the"));
        assert!(!en.never_final("die"));
        assert!(!en.never_final("up"));
        assert!(en.seldom_final("up"));
    }

    #[test]
    fn german_articles_and_adjectives_await_their_noun() {
        let de = guess("Die Regierung hat in der Nacht einen Plan für die Stadt und das Land.")
            .expect("German is guessed");
        assert!(de.awaits_noun("eine", "ökumenische"));
        assert!(de.awaits_noun("dem", "lebensweltlichen"));
        assert!(!de.awaits_noun("die", "anderen"));
        assert!(!de.awaits_noun("die", "Stadt"));
        assert!(!de.awaits_noun("von", "oben"));
        // A stem of a word that stands for a noun opens longer words too, adjectives like any other.
        assert!(de.awaits_noun("den", "eingeschlagenen"));
        assert!(de.awaits_noun("die", "gleichzeitigen"));
        assert!(!de.awaits_noun("die", "gleichen"));
        // A preposition fused with an article is an article; `am` opens a superlative too.
        assert!(de.awaits_noun("im", "echten"));
        assert!(!de.awaits_noun("am", "besten"));
        let en = guess("The plan for the city and the country was presented at night.")
            .expect("English is guessed");
        assert!(!en.awaits_noun("the", "blue"));
    }

    #[test]
    fn german_adjectives_await_their_noun_without_an_article() {
        let de = guess("Die Regierung hat in der Nacht einen Plan für die Stadt und das Land.")
            .expect("German is guessed");
        assert!(de.capitalises_nouns());
        assert!(de.awaits_noun_loosely("angesichts", "schwacher"));
        assert!(de.awaits_noun_loosely("an", "weiteren"));
        assert!(de.awaits_noun_loosely("in", "neuer"));
        // A verb ends a clause; an adverb with an adjective's ending too.
        assert!(!de.awaits_noun_loosely("und", "warten"));
        assert!(!de.awaits_noun_loosely("es", "trotzdem"));
        assert!(!de.awaits_noun_loosely("es", "hier"));
        // After a preposition or a conjunction, an ending that no verb has is as strong as an article.
        assert!(de.awaits_noun_after_function_word("für", "positive"));
        assert!(de.awaits_noun_after_function_word("in", "neuer"));
        assert!(!de.awaits_noun_after_function_word("und", "warten"));
        assert!(!de.awaits_noun_after_function_word("und", "andere"));
        assert!(!de.awaits_noun_after_function_word("und", "außerdem"));
        assert!(!de.awaits_noun_after_function_word("schon", "positive"));
        // After a preposition, where no verb stands, the ending of an infinitive is an adjective's too; not an
        // adverb's, nor a pronoun's that stands for a noun.
        assert!(de.awaits_noun_after_function_word("zwischen", "verschiedenen"));
        assert!(de.awaits_noun_after_function_word("bei", "kleinen"));
        assert!(!de.awaits_noun_after_function_word("oder", "verschiedenen"));
        assert!(!de.awaits_noun_after_function_word("von", "oben"));
        assert!(!de.awaits_noun_after_function_word("mit", "anderen"));
        // A present participle with an ending stands before its noun; a verb whose stem ends so ends a clause.
        assert!(de.attributive_participle("werdenden"));
        assert!(de.attributive_participle("aufzuführenden"));
        assert!(!de.attributive_participle("verwenden"));
        assert!(!de.attributive_participle("beenden"));
        assert!(!de.attributive_participle("laufend"));
        assert!(!de.attributive_participle("folgenden"));
        assert!(!de.attributive_participle("zehntausenden"));
        let en = guess("The plan for the city and the country was presented at night.")
            .expect("English is guessed");
        assert!(!en.capitalises_nouns());
        assert!(!en.awaits_noun_loosely("the", "blue"));
        assert!(!en.attributive_participle("pretending"));
    }

    #[test]
    fn the_ascii_index_has_room_and_finds_every_short_word() {
        let short: Vec<(&str, u16)> = INDEX
            .iter()
            .filter(|(w, _)| {
                w.len() <= ASCII_KEY_BYTES
                    && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'')
            })
            .map(|(w, &m)| (*w, m))
            .collect();
        assert!(
            short.len() * 4 <= 1 << ASCII_INDEX_BITS,
            "{} words",
            short.len()
        );
        for (word, mask) in short {
            assert_eq!(
                ASCII_INDEX.get(ascii_key(word.as_bytes())),
                Some(mask),
                "{word}"
            );
        }
        assert_eq!(ASCII_INDEX.get(ascii_key(b"zzzz")), None);
    }

    #[test]
    fn one_reading_counts_words_and_function_words() {
        // The definitions: words are the runs of other characters than white space (plus half the characters of
        // scripts without spaces), tokens the runs of letters and apostrophes, looked up lowered.
        let reference = |text: &str| {
            let mut hits = [0usize; LANGUAGES];
            let tokens = text
                .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
                .filter(|t| !t.is_empty() && t.len() <= MAX_WORD_BYTES);
            for token in tokens {
                let lowered: String = token.chars().flat_map(char::to_lowercase).collect();
                if let Some(&mask) = INDEX.get(lowered.as_str()) {
                    add(&mut hits, mask);
                }
            }
            (crate::rules::body::word_count(text), hits)
        };
        let mut texts = vec![
            String::new(),
            "a".into(),
            " The cat's  toy—l’été, naïve 日本語の文章 ÆØÅ x2y '' ".into(),
            "end".into(),
            "ß\u{301}é1z".into(),
            "Die Regierung hat in der Nacht\u{a0}einen Plan für\u{85}die Stadt\u{3000}und das Land.".into(),
            "DER der Der dEr 'the' THE’S l'autre L’AUTRE über ÜBER für Für entre ENTRE между".into(),
            "Ｔｈｅ ｆｏｒ ΑΝΑ и И ไทย ภาษา 漢字 かな\u{2003}x\ty\rz\x0bw\x0cv".into(),
            "a'b ’’x’ überlanges-wort-hier andthesewordsarelong AND OR but\n\nnor".into(),
            // Runs of digits, punctuation and white space between the words, as links and numbers make them.
            "[the](https://www.example.com/of-the_and?x=1&y=2#und) 123,456.78 --- ...the... \t \n\n, of".into(),
            "1the2 of3 (and) *the* **und**der 'the'' ''' 'été' and.\u{a0}.and und—und 42".into(),
        ];
        // Every word of every list, alone and between other characters, in three cases.
        for word in INDEX.keys() {
            texts.push(format!("{word} x{}y-{word}’ {}", word.to_uppercase(), word));
        }
        for text in &texts {
            let reading = read(text);
            assert_eq!((reading.words, reading.hits), reference(text), "{text:?}");
        }
    }

    #[test]
    fn every_listed_word_is_a_hit_in_any_case() {
        let tokenised = |w: &str| {
            w.len() <= MAX_WORD_BYTES
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        };
        for (word, &mask) in INDEX.iter().filter(|(w, _)| tokenised(w)) {
            let mut chars = word.chars();
            let title: String = chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            for form in [word.to_string(), word.to_uppercase(), title] {
                let counted = hits(&format!("1 {form} 2"));
                // An upper-case form that lowers to another word (`İ`) is not the listed word.
                if form.to_lowercase() != *word {
                    continue;
                }
                for (i, n) in counted.iter().enumerate() {
                    assert_eq!(*n, usize::from(mask & (1 << i) != 0), "{form:?}");
                }
            }
        }
    }

    #[test]
    fn hits_add_up_over_lines() {
        let text = "Die Regierung hat in der Nacht\n\neinen Plan für die Stadt vorgelegt.";
        let (a, b) = text.split_once("\n\n").expect("two blocks");
        let sum: Vec<usize> = hits(a).iter().zip(hits(b)).map(|(x, y)| x + y).collect();
        assert_eq!(sum, hits(text));
    }
}
