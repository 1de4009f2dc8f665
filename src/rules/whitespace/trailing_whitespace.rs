//! W001 `trailing-whitespace`: spaces and tabs at the end of a line.

use crate::document::Edit;
use crate::rules::body::{lines, BlockKind};
use crate::rules::{by_segments, Context, Rule, Segment};

/// Whitespace at a line end (see [`Rule::doc`]).
pub(crate) struct TrailingWhitespace;

impl Rule for TrailingWhitespace {
    fn code(&self) -> &'static str {
        "W001"
    }

    fn name(&self) -> &'static str {
        "trailing-whitespace"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
Spaces, tabs, no-break spaces and carriage returns at the end of a line, and lines that hold only whitespace.

## Example
raw: `A sentence.   `
clean: `A sentence.`

## Safety
Safe, except that a markdown hard line break (two spaces at a line end) becomes a soft one. Fenced code is
left alone."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        by_segments(self, &cx.body)
    }

    fn segment_local(&self) -> bool {
        true
    }

    fn check_segment(&self, segment: &Segment<'_>) -> Vec<Edit> {
        // Fenced code keeps its white space: every line of a code block of more than one line.
        if matches!(segment.block, Some((BlockKind::Code, lines)) if lines > 1) {
            return Vec::new();
        }
        lines(segment.text)
            .filter_map(|(start, line)| {
                let kept = line.trim_end().len();
                (kept < line.len()).then(|| Edit::delete(start + kept..start + line.len()))
            })
            .collect()
    }
}
