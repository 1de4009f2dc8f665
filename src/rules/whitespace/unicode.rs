//! W005 `unnormalized-unicode`: lines not in Unicode normalization form C.

use unicode_normalization::{is_nfc, UnicodeNormalization};

use crate::document::Edit;
use crate::rules::body::lines;
use crate::rules::{Context, Rule};

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
        let body = &cx.body;
        lines(body.text)
            .filter(|(_, line)| !below_combining_marks(line) && !is_nfc(line))
            .map(|(start, line)| {
                Edit::replace(start..start + line.len(), line.nfc().collect::<String>())
            })
            .collect()
    }
}

/// Whether every character of `text` is below U+0300, where the combining marks start: such text is always in NFC.
/// Their UTF-8 bytes are all below 0xCC, the lead byte of U+0300.
fn below_combining_marks(text: &str) -> bool {
    text.bytes().all(|b| b < 0xCC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_below_the_combining_marks_is_nfc_without_a_look() {
        assert!(below_combining_marks("Café, naïve, \u{2ff}"));
        assert!(!below_combining_marks("e\u{300}"));
        assert!(!below_combining_marks("“quoted”"));
        for c in ['\u{0}', '\u{7f}', '\u{80}', '\u{2ff}'] {
            assert!(is_nfc(&c.to_string()));
        }
    }
}
