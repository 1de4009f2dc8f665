//! D001 `header-lines`: the header lines of a scraped document (site name, title, byline, date) that the cleanup
//! passes uncovered at the top of its body, taken out of the body into the metadata.

use std::ops::Range;

use crate::document::{Edit, Metadata};
use crate::metadata;
use crate::rules::{Context, Rule, Stage};

/// Header lines at the top of a cleaned markdown body (see [`Rule::doc`]).
pub(crate) struct HeaderLines;

impl Rule for HeaderLines {
    fn code(&self) -> &'static str {
        "D001"
    }

    fn name(&self) -> &'static str {
        "header-lines"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
The header of a scraped document (a site-name line, the title, a byline such as `By X` or `written by X`, a
date line) left at the top of the body once the cleanup passes removed what hid it, such as a skip link or a
menu above it. The lines leave the body and fill the metadata fields that are still unknown; the passes then
run again on the rest.

## Example
raw: `Skip to content` / `# Parsing CSV in Rust` / `March 5, 2024` / `Most data still travels as CSV.`
clean: `Most data still travels as CSV.`, with `title: \"Parsing CSV in Rust\"` and `date: \"2024-03-05\"` in the
front matter (`N001` removes the skip link, then `D001` the header).

## Safety
Markdown inputs without front matter only (a document with front matter had its header read with it), and
never the whole body. It runs once after the cleanup passes, not in them. A first paragraph that looks like a
byline or a date line (`By the river, 1 May 2020`) can be taken for one."
    }

    fn stage(&self) -> Stage {
        Stage::Metadata
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        find(cx.body.text)
            .map(|(_, range)| Edit::delete(range))
            .into_iter()
            .collect()
    }
}

/// The header lines at the top of `body`, as the metadata they hold and the range they take: `None` when there
/// are none, or when they would be the whole body.
pub(crate) fn find(body: &str) -> Option<(Metadata, Range<usize>)> {
    let (header, start) = metadata::from_markdown(body);
    (start > 0 && start < body.len()).then_some((header, 0..start))
}
