//! W003 `invisible-chars`: soft hyphens, zero-width spaces, word joiners and stray byte order marks.

use crate::document::Edit;
use crate::rules::{Context, Rule};

/// Invisible characters (see [`Rule::doc`]).
pub(crate) struct InvisibleChars;

const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

impl Rule for InvisibleChars {
    fn code(&self) -> &'static str {
        "W003"
    }

    fn name(&self) -> &'static str {
        "invisible-chars"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
Characters that print as nothing but break search and comparison: the soft hyphen (U+00AD), the zero-width
space (U+200B), the word joiner (U+2060) and the byte order mark (U+FEFF) inside the text.

## Example
raw: `con\\u{ad}sole`
clean: `console`

## Safety
Safe. Zero-width joiners and non-joiners (U+200C, U+200D) are kept: scripts and emoji need them."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        // All four start with a byte above ASCII; most text has none.
        if body.text.is_ascii() {
            return Vec::new();
        }
        body.text
            .char_indices()
            .filter(|(_, c)| !c.is_ascii() && INVISIBLE.contains(c))
            .map(|(i, c)| Edit::delete(i..i + c.len_utf8()))
            .collect()
    }
}
