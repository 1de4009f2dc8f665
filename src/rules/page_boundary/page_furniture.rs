//! B003 `page-furniture`: page numbers, running headers and footers left between two real paragraphs.

use super::paged::By;
use crate::document::Edit;
use crate::rules::body::removal_range;
use crate::rules::{Context, Rule};

/// Page furniture at a boundary between real paragraphs (see [`Rule::doc`]).
pub(crate) struct PageFurniture;

impl Rule for PageFurniture {
    fn code(&self) -> &'static str {
        "B003"
    }

    fn name(&self) -> &'static str {
        "page-furniture"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
Lines a printed or paginated copy adds at each page boundary: page numbers and counters (`12`, `- 4 -`,
`Page 3 of 9`, `3/9`), a browser-print header with its time stamp, the page URL with a counter, a copyright
line with a year, and any line that repeats a line already found between the halves of a split paragraph.
Recognised by evidence (shape, repetition, position), not by a list of strings, so it works in any language.

## Example
raw: `The first paragraph ends here.` / `Page 2 of 5` / `The second one starts here.`
clean: `The first paragraph ends here.` / `The second one starts here.`

## Safety
A page-number or URL shape counts only on a single short line next to running text, or when it repeats. A
short real paragraph shaped like a page number (`Top 10`) next to prose can be removed."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        if let Some(plan) = cx.paged_plan() {
            return plan.edits_by(By::Furniture);
        }
        cx.pages()
            .furniture
            .iter()
            .map(|&i| Edit::delete(removal_range(body, i)))
            .collect()
    }
}
