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
Lines a printed or paginated copy adds at each page boundary: page numbers and counters, running headers and
footers, print stamps, the page address, copyright lines. Recognised by evidence (shape, repetition, position),
not by a list of strings, so it works in any language.

## Example
raw: `The first paragraph ends here.` / `Seite 2 von 5` / `The second one starts here.`
clean: `The first paragraph ends here.` / `The second one starts here.`

## Evidence
- Shape, next to running text: a page number or counter in any language (a short line with one or two plain
  numbers: `12`, `- 4 -`, `[3]`, `p. 3`, `Seite 3 von 9`; not one that ends a sentence on a word, `Mars within
  20 years.`, nor one that ends a sentence on its number and holds a word no page label holds, `Riverside flyby in
  1997.` (wrong on a page label in a language the list lacks, printed with a full stop after its number), nor a
  decimal, `Score 4.5 out of 5`, nor a number with what it counts after it, `3 eggs`, `1 tsp cinnamon`, a label
  or abbreviation after the number aside: `3 S.`, `12 | Site`; and not a label whose number goes down from copy
  to copy, `Meal 1` … `Meal 3`, `Meal 1`, or that the document's sentences name, `Wi-Fi 6`:
  page numbers count up and are no words of the text), the page address with a counter in any brackets
  (`https://example.com/a (2/3)`), a date with a time of day at either end of the line (a browser print), a
  copyright line with a year.
- Repetition at page boundaries: a short line standing between paragraphs of running text (with at most two
  other short lines) whose copies, page numbers masked, stand at two page boundaries or more, at least a page
  of text (1000 characters) apart (from four copies on, half of the gaps between them reach a page and none is
  shorter than half a page: a page ending a chapter or holding a figure holds less text; a copy that stands inside
  a sentence cut in two, where only a page boundary puts a line, may close a page shorter still), and that has the
  shape of a header (parts between separators such as `|`, `·`, `—`, `/`; a year; a title cut short by `…`;
  capitals only; a domain name; a section name of one capitalised word, `Kultur`), or stands every time between
  paragraphs that end in sentence ends. Lines that differ in one part (`Politics | National Review`,
  `Science | National Review`) count as copies when one of them stands after a sentence cut mid-way, where no
  heading stands, or when the part they share also stands above the text (the masthead).
- Repetition that marks pages itself, anywhere (in lists and tables too): copies of a header-shaped line, or
  lines differing in one part, half a page (500 characters) apart or more, whose one number part grows from
  copy to copy (`Site / Politics / 3` ... `Site / Science / 5`; a line with a link counts nothing), or that
  stand every time beside a page number (`Blatt 2` / `Sport | Site`, and a section name of one capitalised
  word: `(2)` / `Politics`); never a line holding a link. Without a header's shape, copies that stand beside a
  page number every time, one of them at a page boundary in running text (`Continued on page 2` ...
  `Continued on page 3`).
- Copies of a label (page numbers masked) that stand right beside a page number every time, half a page apart
  or more, the page numbers in one style and growing from copy to copy, wherever they stand (in a list too):
  `Continued overleaf` / `(2)` … `Continued overleaf` / `(3)`. Closer copies too when each names the page after
  the one beside it (`Continuation on page 2` / `– 1 –` … `Continuation on page 3` / `– 2 –`).
- The document's own furniture by its kind: once section names of one capitalised word are found as furniture
  twice (between the halves of a split, or by repetition), another one-word label in the same case at a page
  boundary is one too where the document's pages put a boundary: as far from the boundary before it as the
  median spacing of the furniture found, within a quarter, and no nearer to the next (each one found counts as
  the boundary before the next). One such name found between the halves of a split is enough where it gives
  the document's pages their length: another one-word label in that case (not in capitals) at a page boundary,
  the only one a page from the furniture found, whose page holds as much text, within a quarter, as the page
  before the first of the two (from the document's first line). A line differing in one part from a line found in a header's shape, or from two
  lines found (`Politics | Site` after `Sport | Site`), at a page boundary a page or more away from the furniture
  found, is one too (section names change from page to page, so each may stand once).
- A footer that stands once: a label right above a page number, right below a paragraph of running text cut
  mid-sentence, in a document that ends its paragraphs with sentence ends (no heading stands after a cut
  sentence). Where the paragraph after the page number starts in lowercase, only a label of at most five words
  starting with a capital (`… the smallest of` / `Please turn over` / `2 | 3` / `its members …`; the cut
  paragraph above may then be as short as four words, the last of a page): a longer line or one in lowercase
  there could be the first half of a split itself, a paragraph cut by the page right under a heading. Below a paragraph that ends a sentence, only a label that names a domain (`Printed on
  31.01.2022 from example.com` / `p. 1`): a heading or the short first half of a split could stand there too.
- One copy is enough, for a label in a header's shape below the first paragraph of running text, next to
  running text or between the halves of a cut sentence, when it repeats the masthead above the text: a part of
  it between separators or commas is a whole part of a line above the first paragraph (`Express.co.uk —
  Opinion` under `EXPRESS.CO.UK`, `Forbes, November 18, 2019` under `Title « Forbes`), or spells in its letters
  and digits, an article of at most three letters before it or not, the name of a domain named there (`The St
  Kitts Nevis Observer, April 28, 2022` under `thestkittsnevisobserver.com`), or it is the start of one cut
  short by `…` (a short document has a single page boundary; a line on top in emphasis or as a heading,
  `**Title**`, is compared without its marks as well); a part that ends the line may end on the
  name's own `!` (`Sport | Liberté!` under `Liberté!`, as `Yahoo!` does), where no sentence ends inside it. A
  name in brackets closing the line is a part of it, and a header's shape of its own (`Royal Visit Ends
  (Example News)` under `EXAMPLE NEWS`: a subheading names no site); the lines above the text keep their own
  brackets whole (a title's `(ePA)` names no site). A short paragraph of the text that closes on the site's
  name in brackets, as a source, can be taken for one. The site name, the title and the domain of the address
  that a markdown document's header or front matter gives count as lines above the text: the header reader
  takes them into metadata before the cleanup (`2 · Example Journal` under a header naming the site `Example
  Journal`, or a title line signed with it, `Title :: Example Journal`; `example.com, May 2, 2020` in a document
  whose `url` is on `example.com`), and so
  do the lines above the article of a whole-page dump that `N004` takes in the first pass (the site's name over
  its menu), and the sites its links lead to, named in a part of their own with or without `www.` (`example.com — Title
  of the story` in an article linking to `https://www.example.com/…`; not a piece of an address the line
  holds), where a page boundary is corroborated: the paragraph above stops mid-sentence, or a page number stands
  beside the line. An article links to its own site, but a caption or a source line names a linked site too.
- One copy is enough, too, for a section name of one capitalised word at a page boundary in running text when a
  line above the first paragraph lists it: a menu of three items or more of at most three words each (link
  texts, or parts between separators or other marks: `Home | World | Politics`, `[Home](/) ⟩
  [Politik](/politik/)`, `Start ¦ Politik ¦ Wissen`), or a line of that one word alone (the section's name over
  the title). A page prints the section it belongs to at its head, and a word the menu lists is the menu's; a
  subheading names what its part of the text speaks of, which a menu seldom lists word for word (it can be wrong
  there: a part headed `Recipes` on a site whose menu lists `Recipes`). It is taken as furniture only, not as
  evidence that the lines around it are the halves of a split.
- A header holding its page number in a part of its own, at one end behind a spaced separator (`Site /
  Section / 3`, `3 · Site`), standing once at a page boundary in running text where the boundary is
  corroborated: the paragraph above stops mid-sentence, or a page number stands beside it, or another part of it
  names the publisher: a whole part of a line above the text (`The Paradigm – Sports – 2` under `The Paradigm`),
  or the name that the address of a site the document links to, or names above the text, spells in its letters
  and digits, an article of at most three letters before it or not (`The Published Reporter – Technology – 2` in
  an article linking to `publishedreporter.com`, `Eishockey NEWS / Panorama / 3` under `eishockeynews.de`). A
  header naming the publisher so needs no page boundary seen by position: a paragraph of its own between any
  blocks (references, short lines, not inside a list) is enough (`[4] …` / `FORUM NAME | 3` / `[5] …`
  under `FORUM NAME`), as a subheading holds no page number beside the publisher's name. Its
  name part holds no word in lower case longer than three letters (`Zeit für Kultur / 3`, not `He scored – 3`).
  It is taken as furniture only, not as evidence that the lines around it are the halves of a split.
- A header standing once right above or below a page number (at most 1000, so no year) at a page boundary in
  running text, the two taken together: a label in a header's shape whose words are a name's (`Page 1/3` / `A
  Title Cut Short…`, `(2)` / `THE DAILY NEWS`, `Example Journal, April 9, 2018` / `Page 2 / 4`) or that names a
  domain (`#1` / `example.es — El título`); not a clause, a line holding a colon or emphasis, a line with a part
  that the text below names (a subheading speaks of what follows it: `PAGE 1` / `Windows` over `The Windows
  downloads …`), nor a line in capitals where the document writes another line in capitals under its first
  paragraph. A one-word label beside a page number counts only where another page number has one in the same
  case on the same side (`PAGE 1` / `Sports` … `PAGE 2` / `Business`): a section name keeps its place.
- A line already found between the two halves of a split paragraph, wherever it repeats.
- An address line that repeats, or that stands after a sentence cut mid-way, or beside a page number at a page
  boundary in running text (`Source: https://example.com/a` / `page 2 of 3`).
- A footer naming the page's address (an address with a scheme or a path, or one after a label: `Source:
  https://example.com/a`, `https://example.org/2021/05/story.html`; or a label holding a domain name and a date:
  `Printed on 31.01.2022 from example.com`, `Downloaded from example.com on December 1, 2016`; or a label of
  at most three words beside a domain name in a part of its own: `Druckversion – example.de`), a header
  holding its page number as above (`3 · Example Journal`), or a label holding one number, the number of the page
  beside it plus one (a footer pointing to the next page: `Continued on page 2` / `Pg. 1`, `weiter auf S. 3` /
  `– Seite 2 –`), right above or
  below a bare page counter (digits and separators, `2/5`, `- 4 -`, or with the word for page and its
  abbreviations in the languages known: `page 2 of 3`, `Página 3 de 9`, `стр. 3`), the two alone between longer
  blocks (a run of at most three short lines; a short line that ends a sentence is a paragraph of the text and
  bounds the run), wherever they stand: after a paragraph ending on a colon, above a list item or a quote, below
  a table, between the short paragraphs of a news story. A number beside another word (`Figure 3`, `Step 2`), a domain alone on
  its line (`Booking.com`) and a domain beside a number that is no date (`Node.js 18`, `Founded in 2004 as
  Amazon.com`) are no part of such a pair. The two shapes vouch for each other; they are taken as furniture only, not as
  evidence that the lines around them are the halves of a split.

## Safety
A dateline of the text in a header's shape that names the site's own name or domain (`The Example Observer, May
2, 2020` in a page of `exampleobserver.com`) goes as a header where it stands once next to running text.
It can be wrong on headings that repeat in a header's shape a page or more apart (`Day 1 – Arrival`,
`Day 2 – Lisbon`, when the shared part also stands above the text; `Lisbon | 2`, `Porto | 3` half a page
apart; a one-word heading such as `Video` repeated between paragraphs a page apart; a one-word label repeated
beside numbers that are no page numbers, `(1)` / `Answer`), on a subheading in a header's shape that names the
site or starts like the title, on a heading with a number in a part of its own (`Lisbon | 2`) right after a paragraph cut mid-sentence or
beside a number alone, on a subheading in a header's shape whose words are a name's, or naming a domain, right
beside a page number at the top or foot of a page (`2` / `The Long Road North` over text that never names it),
on one-word subheadings that stand on the same side of two page numbers, on a subheading or a source line in a header's shape naming a site the text
links to (`Politics | example.com`, `Source: Reuters | reuters.com`) right after a paragraph cut mid-sentence
or beside a number alone, on a short real paragraph shaped like a page number (`Top 10`) next to prose, on
a lone address line after a paragraph without end punctuation or right beside a number alone (a reference
`Source: https://…` beside a list numbered on lines of their own), on a label
repeated beside numbers in a list that is no page number (`Continued` / `2` ... `Continued` / `3`), on a one-word
subheading in the case of the document's section names that happens to stand a page's length (within a quarter)
below its furniture (or, the only one-word label a page from the one section name found, where the pages before it
are as long), and on a
heading placed right after a paragraph that lacks its end punctuation (or a heading naming a domain after one
that ends a sentence) and right before a number alone. An address footer and a page counter side by side go
wherever they stand, so a pair of the text's own in those shapes goes too: a source with a full address beside a
bare number on its own line (a list of sources numbered on lines of their own, `1` / `Source: https://…`, where
no longer run of short lines shows the list), a line naming a domain with a date beside a rank
(`Launched on 1 May 2004 as example.com` / `1`), a short label beside a site's name beside a rank in a list
whose other lines end sentences (`Hotels – example.com` / `1` between sentences), a label naming the number
after a bare number right beside it (`Figure 3` / `2`, `Round 2` / `1` in a list of short lines). A page counter
labelled in a language whose word for page is not known stays beside an address footer unless a page boundary is
seen by position. A heading holding a number in a part of its own beside the name of a site the article links
to or names on top (`Reuters – Markets – 2` between whole paragraphs of an article linking to `reuters.com`)
goes as a running header."
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
