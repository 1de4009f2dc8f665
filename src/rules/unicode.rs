//! W005 `unnormalized-unicode`: lines not in Unicode normalization form C.

use unicode_normalization::{is_nfc, UnicodeNormalization};

use super::body::{lines, Body};
use super::Rule;
use crate::document::Edit;

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

    fn check(&self, body: &Body<'_>) -> Vec<Edit> {
        lines(body.text)
            .filter(|(_, line)| !is_nfc(line))
            .map(|(start, line)| {
                Edit::replace(start..start + line.len(), line.nfc().collect::<String>())
            })
            .collect()
    }
}
