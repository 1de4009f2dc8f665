//! W002 `blank-lines`: blank lines at the start, more than one in a row, and anything but one newline at the end.

use crate::document::Edit;
use crate::rules::body::{is_blank, lines};
use crate::rules::{Context, Rule};

/// Extra blank lines (see [`Rule::doc`]).
pub(crate) struct BlankLines;

impl Rule for BlankLines {
    fn code(&self) -> &'static str {
        "W002"
    }

    fn name(&self) -> &'static str {
        "blank-lines"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
Blank lines before the first text, runs of two or more blank lines (one is kept), and a missing or repeated
final newline: the body ends in exactly one newline, or is empty.

## Example
raw: `One.` / `` / `` / `` / `Two.`
clean: `One.` / `` / `Two.`

## Safety
Safe: blank lines inside fenced code are kept."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        let text = body.text;
        let Some(first) = body.blocks.first() else {
            return if text.is_empty() {
                Vec::new()
            } else {
                vec![Edit::delete(0..text.len())]
            };
        };
        let mut edits = Vec::new();
        let first_line_start = text[..first.range.start].rfind('\n').map_or(0, |i| i + 1);
        if first_line_start > 0 {
            edits.push(Edit::delete(0..first_line_start));
        }
        for pair in body.blocks.windows(2) {
            let gap_start = pair[0].range.end;
            let next_line_start = text[..pair[1].range.start].rfind('\n').map_or(0, |i| i + 1);
            let gap = &text[gap_start..next_line_start];
            // The gap is "\n" + blank lines; keep "\n\n" when blank lines were there.
            let blank_lines = lines(gap).skip(1).filter(|(_, l)| is_blank(l)).count();
            if blank_lines > 1 {
                let keep_end = gap_start + 1 + gap[1..].find('\n').map_or(0, |i| i + 1);
                edits.push(Edit::delete(keep_end..next_line_start));
            }
        }
        let last_end = body.blocks.last().map_or(0, |b| b.range.end);
        let tail = &text[last_end..];
        if tail != "\n" {
            edits.push(Edit::replace(last_end..text.len(), "\n"));
        }
        edits
    }
}
