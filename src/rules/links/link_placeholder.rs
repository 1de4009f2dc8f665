//! L001 `link-placeholder`: links that go nowhere (`[x](#)`, `[x]()`, `[x](javascript:…)`), reduced to their text.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::document::Edit;
use crate::rules::body::BlockKind;
use crate::rules::{by_segments, Context, Rule, Segment};

/// A link whose target is a placeholder (see [`Rule::doc`]).
pub(crate) struct LinkPlaceholder;

/// A markdown inline link whose target may hold one level of parentheses (`javascript:void(0)`).
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"!?\[[^\[\]\n]*\]\(\s*(?:[^()\s]|\([^()\s]*\))*\s*\)")
        .expect("the link pattern is valid")
});

impl Rule for LinkPlaceholder {
    fn code(&self) -> &'static str {
        "L001"
    }

    fn name(&self) -> &'static str {
        "link-placeholder"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
A link whose target goes nowhere: `#` or a fragment, an empty target, or `javascript:`. Its text stays, the
link markup goes. Real links are kept byte for byte.

## Example
raw: `conducted by People's Daily and [published](#) in Chinese`
clean: `conducted by People's Daily and published in Chinese`

## Safety
Safe: the text is kept. A link to an anchor of the same page (`[see below](#notes)`) loses its target too,
which is what a cleaned copy wants. Images and code are left alone."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        by_segments(self, &cx.body)
    }

    fn segment_local(&self) -> bool {
        true
    }

    fn check_segment(&self, segment: &Segment<'_>) -> Vec<Edit> {
        let mut edits = Vec::new();
        // Links are looked for in blocks other than code (a block ends at the end of its line).
        if !matches!(segment.block, Some((kind, _)) if kind != BlockKind::Code) {
            return edits;
        }
        let text = segment.text;
        if !placeholder_possible(text) {
            return edits;
        }
        let code = code_spans(text);
        let mut next_code = 0;
        // Matches are found without capture groups (much cheaper); the label and target are read back from
        // the match: the label holds no brackets, so the first `]` ends it.
        for whole in LINK.find_iter(text) {
            let link = whole.as_str();
            if link.starts_with('!') {
                continue;
            }
            let Some(close) = link.find(']') else {
                continue;
            };
            let label = &link[1..close];
            // A bracket after an odd number of backslashes is text (`\[x\](#)`, what the writer makes of
            // literal brackets), and so is link syntax that a code span starts or ends in; a code span
            // wholly inside the label (`[the `except` block](#)`) is the label's own markup.
            while code
                .get(next_code)
                .is_some_and(|span| span.end <= whole.start())
            {
                next_code += 1;
            }
            let label_range = whole.start() + 1..whole.start() + 1 + label.len();
            let in_code = code[next_code..]
                .iter()
                .take_while(|span| span.start < whole.end())
                .any(|span| span.start < label_range.start || span.end > label_range.end);
            if in_code || escaped(&text[..whole.start()]) || escaped(label) {
                continue;
            }
            let target = link[close + 2..link.len() - 1].trim();
            let placeholder = target.is_empty()
                || target.starts_with('#')
                || target.to_ascii_lowercase().starts_with("javascript:");
            if placeholder {
                edits.push(Edit::replace(whole.range(), label));
            }
        }
        edits
    }
}

/// Whether `text` may hold a placeholder link: a link's target starts right after the first `](` of the link
/// (its label holds no bracket), and a placeholder's target, white space trimmed, is empty (`)` follows), an anchor
/// (`#`) or a script (`j`, `J`). Most links of a page go somewhere: without such a `](` the links are not looked for.
fn placeholder_possible(text: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), b"](").any(|at| {
        text[at + 2..]
            .trim_start()
            .starts_with([')', '#', 'j', 'J'])
    })
}

/// Whether the character after `before` is escaped: `before` ends in an odd number of backslashes.
fn escaped(before: &str) -> bool {
    before.bytes().rev().take_while(|&b| b == b'\\').count() % 2 == 1
}

/// The byte ranges of a block's inline code spans, in order: a run of backticks up to the next run of as many
/// (CommonMark); a run that no such run closes is text. Linear: each run length keeps a cursor into its runs.
fn code_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == b'`') {
        let start = i + at;
        let len = bytes[start..].iter().take_while(|&&b| b == b'`').count();
        runs.push((start, len));
        i = start + len;
    }
    let mut by_len: HashMap<usize, (Vec<usize>, usize)> = HashMap::new();
    for (k, &(_, len)) in runs.iter().enumerate() {
        by_len.entry(len).or_default().0.push(k);
    }
    let mut spans = Vec::new();
    let mut k = 0;
    while k < runs.len() {
        let (start, len) = runs[k];
        let (same, cursor) = by_len
            .get_mut(&len)
            .expect("every run is listed by its length");
        while *cursor < same.len() && same[*cursor] <= k {
            *cursor += 1;
        }
        match same.get(*cursor) {
            Some(&close) if !escaped(&text[..start]) => {
                let (at, len) = runs[close];
                spans.push(start..at + len);
                k = close + 1;
            }
            _ => k += 1,
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_looked_for_only_behind_a_target_that_could_be_one() {
        assert!(placeholder_possible("see [here](#) now"));
        assert!(placeholder_possible("see [here]( ) now"));
        assert!(placeholder_possible("[x](\u{a0}#top)"));
        assert!(placeholder_possible("[x](JavaScript:void(0))"));
        assert!(!placeholder_possible(
            "[x](https://example.com/) and [y](/path)"
        ));
        assert!(!placeholder_possible("no link at all"));
    }

    #[test]
    fn code_spans_pair_runs_of_equal_length() {
        let text = "a `b` c ``d ` e`` f `g";
        let spans: Vec<&str> = code_spans(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(spans, ["`b`", "``d ` e``"]);
    }

    #[test]
    fn escaped_counts_backslashes() {
        assert!(escaped("a\\"));
        assert!(!escaped("a\\\\"));
        assert!(!escaped("a"));
    }
}
