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

/// Whether every character of `text` is below U+0300, where the combining marks start, or punctuation of
/// U+2010..=U+205F (dashes, quotes, bullets, the ellipsis): such text is always in NFC, without the per-character
/// lookups of [`is_nfc`]. Characters below U+0300 have UTF-8 bytes all below 0xCC, the lead byte of U+0300; the
/// punctuation is `E2 80 90..=BF` and `E2 81 80..=9F`. None of it decomposes, combines or composes with what
/// precedes it (U+2000 and U+2001, which decompose, are left out).
fn always_nfc(text: &str) -> bool {
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
        let punctuation = b == 0xE2
            && matches!(
                (bytes.get(at + 1).copied(), bytes.get(at + 2).copied()),
                (Some(0x80), Some(0x90..=0xBF)) | (Some(0x81), Some(0x80..=0x9F))
            );
        if !punctuation {
            return false;
        }
        at += 3;
    }
    true
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
    fn text_below_the_combining_marks_is_nfc_without_a_look() {
        assert!(always_nfc("Café, naïve, \u{2ff}"));
        assert!(always_nfc("“quoted” — a – b… • ‹x› \u{2010}\u{205f}"));
        assert!(!always_nfc("e\u{300}"));
        assert!(!always_nfc("“e\u{301}”"));
        assert!(!always_nfc("\u{2000}\u{2001}"));
        assert!(!always_nfc("\u{2060}"));
        assert!(!always_nfc("日本"));
        for c in [
            '\u{0}', '\u{7f}', '\u{80}', '\u{2ff}', '\u{2010}', '\u{205f}',
        ] {
            assert!(is_nfc(&c.to_string()));
        }
    }
}
