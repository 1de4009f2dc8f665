//! Escaping: what makes text read back as the same text in markdown, in a line, at the start of a line, in an
//! image's alt text and in a code span's fence.

/// Whether `c` may be markdown syntax in running text: the characters [`escapes`] decides on.
pub(super) fn is_syntax(c: char) -> bool {
    matches!(
        c,
        '\\' | '*' | '`' | '[' | ']' | '|' | '~' | '<' | '_' | '&' | '#'
    )
}

/// Whether the syntax character `c` (see [`is_syntax`]) needs a backslash, given the character written before it
/// and the one that follows it in the text.
pub(super) fn escapes(c: char, before: Option<char>, after: Option<char>) -> bool {
    match c {
        // `1_000` and `snake_case` are no emphasis.
        '_' => {
            !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
        }
        // Only an entity (`&amp;`, `&#38;`) is read as one.
        '&' => after.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
        // Only at the start of a word can `#` open a heading.
        '#' => before.is_none_or(|b| b == ' ' || b == '\n'),
        _ => true,
    }
}

/// Escapes what would open a block at the start of a line: headings, quotes, list markers, setext underlines.
pub(super) fn escape_line_start(line: &str, out: &mut String) {
    let bytes = line.as_bytes();
    match bytes.first() {
        Some(b'#' | b'>' | b'-' | b'+' | b'=') => out.push('\\'),
        Some(b'0'..=b'9') => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits <= 9 && matches!(bytes.get(digits), Some(b'.' | b')')) {
                out.push_str(&line[..digits]);
                out.push('\\');
                out.push_str(&line[digits..]);
                return;
            }
        }
        _ => {}
    }
    out.push_str(line);
}

/// An image's alt text on one line, with what would end or mark up the `![…]` escaped.
pub(super) fn escape_alt(alt: &str) -> String {
    let mut escaped = String::new();
    for c in alt.chars() {
        if c.is_whitespace() {
            if !escaped.ends_with(' ') && !escaped.is_empty() {
                escaped.push(' ');
            }
            continue;
        }
        if matches!(c, '\\' | '[' | ']' | '*' | '_' | '`' | '|' | '<') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// The longest run of `c` in `text`: a code fence is one longer than the longest run of backticks it holds.
pub(super) fn longest_run(text: &str, c: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for ch in text.chars() {
        if ch == c {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn underscores_inside_words_stay_plain() {
        assert!(!escapes('_', Some('1'), Some('0')));
        assert!(escapes('_', Some(' '), Some('u')));
        assert!(escapes('_', Some('u'), None));
    }

    #[test]
    fn a_hash_is_escaped_only_where_a_heading_could_open() {
        assert!(escapes('#', None, Some(' ')));
        assert!(!escapes('#', Some('C'), None));
    }

    #[test]
    fn line_starts_that_open_blocks_are_escaped() {
        for (line, escaped) in [
            ("# x", "\\# x"),
            ("- x", "\\- x"),
            ("12. x", "12\\. x"),
            ("1234567890. x", "1234567890. x"),
            ("plain", "plain"),
        ] {
            let mut out = String::new();
            escape_line_start(line, &mut out);
            assert_eq!(out, escaped);
        }
    }

    #[test]
    fn alt_text_is_one_escaped_line() {
        assert_eq!(escape_alt("a [b]\n  c_d "), "a \\[b\\] c\\_d ");
    }
}
