//! W001 `trailing-whitespace`: spaces and tabs at the end of a line.

use crate::document::Edit;
use crate::rules::body::{lines, BlockKind};
use crate::rules::{Context, Rule};

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
        let body = &cx.body;
        // Blocks and lines both come in text order: walk the code blocks beside the lines (testing every block
        // for every line took minutes on a few megabytes of short fenced blocks).
        let mut code = body
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Code && b.lines > 1)
            .map(|b| b.range.clone())
            .peekable();
        lines(body.text)
            .filter(|(start, _)| {
                while code.next_if(|r| r.end <= *start).is_some() {}
                !code.peek().is_some_and(|r| r.contains(start))
            })
            .filter_map(|(start, line)| {
                let kept = line.trim_end().len();
                (kept < line.len()).then(|| Edit::delete(start + kept..start + line.len()))
            })
            .collect()
    }
}
