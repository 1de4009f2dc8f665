//! W003 `invisible-chars`: soft hyphens, zero-width spaces, word joiners, stray byte order marks and control
//! characters.

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
space (U+200B), the word joiner (U+2060) and the byte order mark (U+FEFF) inside the text; and control
characters (U+0001 to U+001F but tab, line feed, carriage return and form feed; U+007F; U+0080 to U+009F),
which also make the output look like binary data to the tools that read it, rinse included.

## Example
raw: `con\\u{ad}sole`
clean: `console`

## Safety
Safe. Zero-width joiners and non-joiners (U+200C, U+200D) are kept: scripts and emoji need them."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        // Most text has neither a byte above ASCII nor a control byte: one pass over the bytes tells.
        if !body
            .text
            .bytes()
            .any(|b| !b.is_ascii() || is_control(char::from(b)))
        {
            return Vec::new();
        }
        body.text
            .char_indices()
            .filter(|(_, c)| is_control(*c) || (!c.is_ascii() && INVISIBLE.contains(c)))
            .map(|(i, c)| Edit::delete(i..i + c.len_utf8()))
            .collect()
    }
}

/// A control character that carries no text: not a tab, line feed, carriage return or form feed (page breaks of
/// paged text), which the other rules read.
fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')
}
