//! W005 `unnormalized-unicode`: lines not in Unicode normalization form C.

use unicode_normalization::{is_nfc, UnicodeNormalization};

use crate::document::Edit;
use crate::rules::body::lines;
use crate::rules::{by_segments, Context, Rule, Segment};

/// Text not in NFC (see [`Rule::doc`]).
pub(crate) struct UnnormalizedUnicode;

impl Rule for UnnormalizedUnicode {
    fn code(&self) -> &'static str {
        "W005"
    }

    fn name(&self) -> &'static str {
        "unnormalized-unicode"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
Text in a decomposed Unicode form (`e` + combining acute) rewritten in normalization form C (`é`), so the same
word is always the same bytes.

## Example
raw: `Cafe\\u{301}`
clean: `Café`

## Safety
Safe: NFC changes bytes, never what a reader sees."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        by_segments(self, &cx.body)
    }

    fn segment_local(&self) -> bool {
        true
    }

    fn check_segment(&self, segment: &Segment<'_>) -> Vec<Edit> {
        // Most segments hold no byte that could start a character to compose: then no line of them does.
        if always_nfc(segment.text) {
            return Vec::new();
        }
        lines(segment.text)
            .filter(|(_, line)| !always_nfc(line) && !is_nfc(line))
            .map(|(start, line)| {
                Edit::replace(start..start + line.len(), line.nfc().collect::<String>())
            })
            .collect()
    }
}

/// Whether every character of `text` is below U+0300, where the combining marks start, or one of
/// [`composes_with_nothing`]: such text is always in NFC, without the per-character lookups of [`is_nfc`].
/// Characters below U+0300 have UTF-8 bytes all below 0xCC, the lead byte of U+0300; a byte from 0xCC on leads a
/// character of two or three bytes that is looked up by its ranges, and one of four bytes is left to [`is_nfc`].
fn always_nfc(text: &str) -> bool {
    // Most segments of most texts are ASCII, which the standard library tells a word at a time, faster than the
    // walk below.
    if text.is_ascii() {
        return true;
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        // Eight ASCII bytes at a time (no high bit), none of which reaches 0xCC.
        if bytes
            .get(at..at + 8)
            .is_some_and(|eight| word(eight) & HIGH_BITS == 0)
        {
            at += 8;
            continue;
        }
        if b < 0xCC {
            at += 1;
            continue;
        }
        // A byte from 0xCC on leads a character (continuation bytes are below 0xC0), so `at` is a character boundary.
        let len = match b {
            0xCC..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => return false,
        };
        if !text[at..].chars().next().is_some_and(composes_with_nothing) {
            return false;
        }
        at += len;
    }
    true
}

/// Characters from U+0300 on that are in NFC whatever stands around them (NFC quick check Yes, combining class 0:
/// none decomposes, none is reordered, none composes with what precedes it), in the scripts whose text is mostly
/// such characters: Cyrillic (without its combining marks U+0483..=U+0489), punctuation of U+2010..=U+205F (dashes,
/// quotes, bullets, the ellipsis; U+2000 and U+2001, which decompose, are left out), CJK symbols, kana (without the
/// combining sound marks U+3099 and U+309A and the tone marks U+302A..=U+302F), the CJK ideographs of the basic
/// block and extension A, and Hangul syllables. A text of Russian, Chinese, Japanese or Korean is then told NFC as
/// Latin text is; the test below checks every character of the ranges against the normalization tables.
fn composes_with_nothing(c: char) -> bool {
    matches!(
        c,
        '\u{0400}'..='\u{0482}'
            | '\u{048A}'..='\u{052F}'
            | '\u{2010}'..='\u{205F}'
            | '\u{3000}'..='\u{3029}'
            | '\u{3030}'..='\u{3098}'
            | '\u{309B}'..='\u{30FF}'
            | '\u{3400}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7A3}'
    )
}

/// The high bit of each byte of a word of eight bytes.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Eight bytes as one word, the first byte lowest.
pub(crate) fn word(eight: &[u8]) -> u64 {
    u64::from_le_bytes(eight.try_into().expect("a slice of eight bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_that_compose_with_nothing_are_nfc_starters() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        for c in ('\u{300}'..=char::MAX).filter(|&c| composes_with_nothing(c)) {
            assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
        // What the byte scan accepts is what the ranges accept.
        for c in ('\u{300}'..=char::MAX).filter(|&c| c.len_utf8() < 4) {
            assert_eq!(
                always_nfc(&c.to_string()),
                composes_with_nothing(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn text_below_the_combining_marks_is_nfc_without_a_look() {
        assert!(always_nfc("Café, naïve, \u{2ff}"));
        assert!(always_nfc("“quoted” — a – b… • ‹x› \u{2010}\u{205f}"));
        assert!(!always_nfc("e\u{300}"));
        assert!(!always_nfc("“e\u{301}”"));
        assert!(!always_nfc("\u{2000}\u{2001}"));
        assert!(!always_nfc("\u{2060}"));
        assert!(always_nfc("日本語のテキスト、한국어, русский текст"));
        assert!(!always_nfc("\u{3099}"));
        assert!(!always_nfc("и\u{483}"));
        assert!(!always_nfc("\u{f900}"));
        assert!(!always_nfc("\u{1d15e}"));
        for c in [
            '\u{0}', '\u{7f}', '\u{80}', '\u{2ff}', '\u{2010}', '\u{205f}',
        ] {
            assert!(is_nfc(&c.to_string()));
        }
    }
}
