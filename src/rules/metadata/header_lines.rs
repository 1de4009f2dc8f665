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

A header without a title (a running header's date over the page: `Site, November 19, 2019`) does not end the
reading: the lines under it are read for the headline's own header, which fills what is still unknown.
A known title (from front matter or a header read before the cleanup) repeated at the top is taken out too,
compared after normalising: case (`ß` folded to `ss`, as capitals write it: `BUSS- UND ORDNUNGSGELD`),
punctuation, emphasis, a link around it, a site name before or after it (`Title | Site`, `site.com: Title`),
under at most two short lines without
end punctuation (a breadcrumb) or the site's name, which may end on a dot, named by the title's line after a
separator (`U.S.` / `Title | U.S.`: it fills the site, for the running headers below that repeat it; else the
name holding a letter that signs the title's line fills it, `Title :: Site`; not a date, `Title - 02.11.2021`),
with the byline and date lines right under it (80 characters at most each). Byline and date lines are read in
several languages: `By`, `Author:`, `Autor:`, `Publié par`, `Ein Beitrag von`, `Escrito por`; `Updated`,
`Last updated on`, `Stand:`, `Aktualisiert:`, `Publié le`, `Publicado el`, `Opublikowano`, before a date whose
month is named in English, German, French, Spanish, Portuguese, Italian, Dutch, Indonesian, Polish or Russian.
Without any known title, a lone line of 3 to 25 words over running text is the title when it ends without a
sentence end and the text under it repeats 40% of its longer words (a headline names what the lead tells; a
site name of a few plain words after its last separator, `Title - Site`, need not be repeated), or, signed so
with a site name (not a quote), when the text under it ends a sentence and holds six words or more, in any
language (`Pitkät illat tekevät meistä uneliaampia :: Pohjan Uutiset`, whose inflected words the lead need not
repeat; `Title « Site` too, when no `»` closes the guillemet). The lead under a signed headline may stand under up
to three short lines (eight words at most each, none signed with a site itself: a byline, a date, a reading time),
which stay. A line parted twice by the same separator with a word or two between and after (`Politics · World ·
Business`) is a menu, and a last part
without a letter (`Site – Section – 1`) a page number: neither signs a headline. A short line over a headline
that names it after a separator (`Site` / `Title - Site`) is the site name over the title, whatever stands under
them. A headline in bold (`**Title**`) is read as one without the bold, and a line set whole in bold on top of the
document is a headline by its shape, as one signed with a site name is (its lead need not repeat its words), but
not under a byline or a date already cut: there it is a subheading or a dateline (`**Bern, 17.08.2007 - Rede von
…**` under `Autor: …` and a date), and only the lead repeating its words makes it the title; nor is one that holds
a date (a dateline) or stands right over a list (the list's heading: `**What's new in 2.26?**` over its items).

## Safety
With front matter, only the lines up to its title repeated; never the whole body. A first line that restates
the lead (a kicker, a one-line summary) can be taken for the title, and a first line whose last part after a
` - ` is a short phrase the lead does not repeat can be taken for a headline with its site name, also over a
short first sentence; so can a first line in bold that opens the text (a lead set in bold without a full stop).
It runs once after the cleanup passes, not in them. A first paragraph that looks like a
byline or a date line (`By the river, 1 May 2020`) can be taken for one."
    }

    fn stage(&self) -> Stage {
        Stage::Metadata
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        find(cx.body.text, &Metadata::default())
            .map(|(_, range)| Edit::delete(range))
            .into_iter()
            .collect()
    }
}

/// The header lines at the top of `body`, as the metadata they hold and the range they take: `None` when there
/// are none, or when they would be the whole body. With a title already `known` (front matter, a header read
/// before the cleanup), only the lines up to the title repeated are header lines; without one, what is known
/// came from a header that had none (a running header's date over the page), and the top of the body is read
/// afresh for the headline's own header.
pub(crate) fn find(body: &str, known: &Metadata) -> Option<(Metadata, Range<usize>)> {
    let (header, start) = if known.title.is_none() {
        // Authors, a date or a site known without a title came from a header cut above this body.
        let below = !known.authors.is_empty() || known.date.is_some() || known.site.is_some();
        if below {
            metadata::from_markdown_below_header(body)
        } else {
            metadata::from_markdown(body)
        }
    } else {
        metadata::header::read(body, known)
    };
    (start > 0 && start < body.len()).then_some((header, 0..start))
}
