//! W003 `invisible-chars`: soft hyphens, zero-width spaces, word joiners, stray byte order marks and control
//! characters.

use super::unicode::{word, HIGH_BITS};
use crate::document::Edit;
use crate::rules::{by_segments, Context, Rule, Segment};

/// Invisible characters (see [`Rule::doc`]).
pub(crate) struct InvisibleChars;

/// The characters of no width that W003 removes: soft hyphen, zero-width space, word joiner, byte order mark.
pub(crate) const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];

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
        by_segments(self, &cx.body)
    }

    fn segment_local(&self) -> bool {
        true
    }

    fn check_segment(&self, segment: &Segment<'_>) -> Vec<Edit> {
        let bytes = segment.text.as_bytes();
        // Read as bytes: every character it removes starts with an ASCII control byte or with 0xC2, 0xE2 or 0xEF,
        // none of which continues a UTF-8 sequence, so the text is not decoded.
        let mut edits = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            // Eight bytes at a time: printable ASCII, none of which it removes, are passed over; any other word
            // (most hold a line end, or a character outside ASCII) is read byte by byte, and the next word starts
            // after it, so that each byte is read once.
            let end = (i + 8).min(bytes.len());
            if end == i + 8 && printable_ascii(&bytes[i..end]) {
                i = end;
                continue;
            }
            for at in i..end {
                let len = match bytes[at] {
                    0xC2 | 0xE2 | 0xEF => invisible_len(&bytes[at..]),
                    b if b.is_ascii() && is_control(char::from(b)) => 1,
                    _ => 0,
                };
                if len > 0 {
                    edits.push(Edit::delete(at..at + len));
                }
            }
            i = end;
        }
        edits
    }
}

/// Whether eight bytes are printable ASCII: no high bit, no byte below a space, no DEL (the tests for a byte
/// below n and for a zero byte of Bit Twiddling Hacks, exact as tests for any such byte).
fn printable_ascii(eight: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let w = word(eight);
    let below_space = w.wrapping_sub(ONES * 0x20) & !w;
    let del = w ^ (ONES * 0x7F);
    let is_del = del.wrapping_sub(ONES) & !del;
    (w | below_space | is_del) & HIGH_BITS == 0
}

/// The length in bytes of the character `rest` starts with (at a 0xC2, 0xE2 or 0xEF lead byte) when it is
/// [`INVISIBLE`] or a C1 control character (U+0080 to U+009F), else 0.
fn invisible_len(rest: &[u8]) -> usize {
    let len = if rest[0] == 0xC2 { 2 } else { 3 };
    let c = rest
        .get(..len)
        .and_then(|head| std::str::from_utf8(head).ok())
        .and_then(|head| head.chars().next());
    match c {
        Some(c) if is_control(c) || INVISIBLE.contains(&c) => len,
        _ => 0,
    }
}

/// A control character that carries no text: not a tab, line feed, carriage return or form feed (page breaks of
/// paged text), which the other rules read.
fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_ascii_is_told_eight_bytes_at_a_time() {
        for (i, case) in (0u8..=255)
            .map(|b| [b'a', b'b', b'c', b'd', b'e', b'f', b'g', b])
            .enumerate()
        {
            let b = case[7];
            let printable = (0x20..0x7f).contains(&b);
            assert_eq!(printable_ascii(&case), printable, "byte {i:#x}");
            let mut first = case;
            first.swap(0, 7);
            assert_eq!(printable_ascii(&first), printable, "byte {i:#x} first");
        }
    }

    #[test]
    fn byte_scan_finds_what_a_char_scan_finds() {
        // The edits of the rule, and the characters a scan of every character finds.
        let both = |text: &str| {
            let by_chars: Vec<_> = text
                .char_indices()
                .filter(|(_, c)| is_control(*c) || INVISIBLE.contains(c))
                .map(|(i, c)| i..i + c.len_utf8())
                .collect();
            let by_bytes: Vec<_> = InvisibleChars
                .check(&Context::markdown(text))
                .into_iter()
                .map(|edit| edit.range)
                .collect();
            (by_bytes, by_chars)
        };
        let text = "a\u{ad}b\u{200b}c\u{2060}d\u{feff}e\u{1}f\u{7f}g\u{85}h\u{9f}i\u{a0}j\u{2019}k\u{200d}l\tm\u{c}n\u{ffff}o€";
        let (by_bytes, by_chars) = both(text);
        assert_eq!(by_bytes, by_chars);
        assert_eq!(by_bytes.len(), 8);
        // Lines of printable ASCII between them, at every offset into a word of eight bytes.
        for shift in 0..8 {
            let text = format!(
                "{}\n{text}\r\nline two\u{1}\n\u{ad}\n{}\u{7f}",
                "x".repeat(shift),
                "y".repeat(8 - shift)
            );
            let (by_bytes, by_chars) = both(&text);
            assert_eq!(by_bytes, by_chars, "{text:?}");
        }
    }
}
