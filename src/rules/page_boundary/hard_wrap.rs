//! B004 `hard-wrap`: the lines of paged text (pdftotext output, a PDF's text layer) made paragraphs again.

use super::paged::By;
use crate::document::Edit;
use crate::rules::{Context, Rule};

/// Hard-wrapped lines of paged text (see [`Rule::doc`]).
pub(crate) struct HardWrap;

impl Rule for HardWrap {
    fn code(&self) -> &'static str {
        "B004"
    }

    fn name(&self) -> &'static str {
        "hard-wrap"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
Paged text (a PDF's text layer, `pdftotext` output, print-to-text: form feeds between pages) has one line per
printed line, and most paragraphs end with a single newline, exactly like a wrap. Each wrap is undone (one
space; none between two CJK characters; a line-end hyphen is kept for a compound and dropped for a hyphenated
word, by the evidence `B002` uses), and each paragraph end becomes a blank line, so every paragraph is one line
of markdown. Lists and headings stay blocks of their own.

## Example
raw: `The committee agreed to extend the` / `deadline by a month.` / `Members voted on Friday.`
clean: `The committee agreed to extend the deadline by a month.` / (blank line) / `Members voted on Friday.`

## Safety
A line ends its paragraph when the first word of the next line would have fitted on it: its width is set
against the page's own measure (the widest lines around it, when they share a right margin, else the
document's). A line that stops short but runs on mid-sentence into a lowercase line is joined. A paragraph
that happens to end at the right margin is joined to the next one; a narrow column without a clear right
margin keeps its lines. Only paged text is touched: markdown and HTML input never."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        cx.paged_plan()
            .map(|plan| plan.edits_by(By::HardWrap))
            .unwrap_or_default()
    }
}
