//! B001 `page-break-split`: a paragraph cut in two by a page boundary, rejoined with one space.

use super::body::{content_end, Body};
use super::page::Join;
use super::paged::By;
use super::Rule;
use crate::document::Edit;

/// A paragraph cut in mid-sentence by a page boundary (see [`Rule::doc`]).
pub(crate) struct PageBreakSplit;

impl Rule for PageBreakSplit {
    fn code(&self) -> &'static str {
        "B001"
    }

    fn name(&self) -> &'static str {
        "page-break-split"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
A paragraph cut in two by a page boundary: a gap in mid-sentence, maybe with page furniture (a page number, a
running header or footer) between the halves. The halves are joined with one space and the furniture goes.

## Example
raw: `the committee agreed to` / `— 12 —` / `extend the deadline.`
clean: `the committee agreed to extend the deadline.`

## Safety
Joins only when the first half is running text that ends without sentence or colon punctuation, the second
half starts in lowercase, and the paragraph the halves make ends in a sentence end somewhere. A capital start
is joined only with furniture between the halves and a first half ending in a lowercase word or a comma.
Headings, list items, quotes, tables and code are never joined. It can be wrong on a real paragraph that
stops mid-phrase followed by one that starts in lowercase."
    }

    fn check(&self, body: &Body<'_>) -> Vec<Edit> {
        if let Some(plan) = body.paged_plan() {
            return plan.edits_by(By::PageBreak);
        }
        body.pages()
            .breaks
            .iter()
            .filter(|b| b.join == Join::Space)
            .map(|b| {
                let start = content_end(body, b.prev);
                Edit::replace(start..body.blocks[b.next].range.start, " ")
            })
            .collect()
    }
}
