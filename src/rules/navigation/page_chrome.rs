//! N004 `page-chrome`: a whole web page dumped as markdown, with menus, share rows, related links and footers
//! around the article; the blocks outside the article are found with the HTML extractor's text evidence.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::hash::Hasher;
use std::ops::Range;

use memchr::memmem::Finder;
use pulldown_cmark::{BrokenLink, CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use rustc_hash::{FxHashMap as HashMap, FxHasher};
use unicase::UniCase;

use crate::document::{overflow_cells, Edit};
use crate::extract::density::{
    self, LINK_HEADING_DENSITY, LINK_LIST_DENSITY, LINK_LIST_MAX_SHARE, LINK_PARAGRAPH_DENSITY,
};
use crate::rules::{body, Context, Rule};

/// The page around the article in a whole-page markdown dump (see [`Rule::doc`]).
pub(crate) struct PageChrome;

impl Rule for PageChrome {
    fn code(&self) -> &'static str {
        "N004"
    }

    fn name(&self) -> &'static str {
        "page-chrome"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
A whole web page converted to markdown (by html2text, markdownify, pandoc, turndown and the scrapers built on
them): menus as lists of links, share rows, cookie notices, `Related` link lists and footers around the article.
The markdown is read with pulldown-cmark into blocks (every paragraph, heading, table, and each list item's own
text, at any depth; an indented code block holding markdown links is the markdown a converter indented, read as
such), and each block is measured as the HTML extractor measures an element: its text, its link text and its
punctuation (`extract::density`). A paragraph scores as Readability scores it; a block of links and a
short line count against. The article is the run of blocks with the largest score, or, when the page has a
level-1 heading (its title, on most pages), the best run after it if that holds at least half as much, or
whatever it holds where the best run is a notice that closes the page: below it, past more page chrome than it
weighs, with fewer than two blocks of links below it or nothing below it but its buttons (at most three blocks,
none of them text that weighs for an article: `[Accept](…)`, `[Privacy policy](…)`), while the run under the
title follows it with no block of links between them (a cookie consent that the dump writes after the footer). The run
ends above a fall that what follows does not make up for: where, past a point, it falls by as much as two blocks
of links weigh, through at least one block of links (not a field), and what follows the bottom of the fall adds
back less than half of what the run holds above it (a comment thread, an author box or a newsletter form below
the share row and the `Related` list; a second part of the article past a teaser box holds more). The cut is
followed to where it comes to rest, in the same pass: the text it leaves is read again, and where that ends
above a fall once more (a comment thread, each comment under a linked date and over a reply link: cut below its
last comment, the thread ends on the fall above it), the cut moves up there; where it does not come to rest
within 64 cuts, the run is taken whole. A form is never the article, as the HTML extractor drops `<form>`: the run
ends above the first of two labels of required fields (short paragraphs without links that end in a literal
asterisk, `Name *` / `E-Mail *`, at most three blocks apart) and the notes right above them (at most two short
paragraphs without links: `Required fields are marked *`), where what the run holds from there on adds back less
than half of what it holds above (a comment form and the sidebar past it; a fall before the form is judged on the
whole run). Blocks
before and after the article are dropped, and inside it link lists, link paragraphs and linked headings, with the
thresholds the HTML extractor prunes with, and the headings over nothing kept (a heading whose section, down to
the next heading of its level, was pruned or is empty: `### Share this:` over its row of links); where neither side is cut (markdown that is an article already, with no
page chrome around it), only those beside its best run of paragraphs are, not those between its paragraphs (a
`Print` or `View on map` link of its own); and so where a page holds at most three blocks of page chrome in
all (a row of teasers under the article, a breadcrumb; a page dump has dozens, and link paragraphs inside its
article are teasers and share rows as often). Rows of data are neither chrome nor pruned: a table flattened into
lines or a list (a standings table, an ingredient list) whose short lines mostly hold numbers outside their links
and whose text is mostly not links; its links are cells. Nor is a field: a paragraph of a short label in bold
ending with a colon and one link showing a name of a few words (`**Website:** [Name](…)`), a fact of the
article. A link that shows its own address (a list of references; an address cut short in the middle,
`http://example.org/docume ... ve.de.html`, shows it too) counts as link text but not as evidence of page chrome,
and a paragraph of such links inside the article is kept: the references the text cites. `rinse diff` names each dropped block's reason. In the first pass over a dump it goes
first and alone (with the rules that read one segment at a time): the rules that read the whole body read the
article from the next pass on, not the page around it, and the lines it took above the article stay the
masthead that `B003` reads. It does not run on an article rinse extracted from HTML,
nor on paged text (a PDF, printed text), whose article `N003` finds.

## Example
raw: `* [Home](/)` / `* [World](/world)` / `The article, a paragraph of running text.` /
`## Related` / `* [Another story](/a)` / `* [A third one](/b)`
clean: `The article, a paragraph of running text.`

## Safety
It acts only where it finds page chrome: a side of the article is cut only when it holds at least two blocks of
links (markdown links, not addresses written out), so markdown that is already an article, with a link or two of
its own, is left as it is. On a page with little chrome, a teaser link between the article's paragraphs
(`[Another story](…)`) is kept. On a page, a comment thread or a block of teasers that outweighs a short article can
be kept, and a short closing line of the article between large link lists can be lost; a last part of the
article that holds less than half of what is above it, below a box of links, is lost with what follows it, and
a heading whose section is only links is dropped with them; so is what follows a form of two fields or more
marked as required, unless it outweighs what is above. A list of links whose
lines carry numbers outside the links (teasers with a date written beside them) and that is mostly not links
is read as data and kept, and so is a row of one link behind a bold label (`**Share:** [Facebook](…)`), and a
paragraph of links that is a sentence, as the HTML extractor keeps it: words of its own before its first link
(or running text cut mid-sentence right above it, where a page break fell before the links) and a sentence end
after its last one, or no sentence end after its last link and the paragraph right below going on in lower case
(a page break fell after the links: `[Cannabis use disorder](…)` / `is where …`). It can keep a teaser written as a sentence (`See how they voted on [the bill](…).`)."
    }

    fn after_extraction(&self) -> bool {
        false
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        // Paged text (a PDF's text layer, with its links; printed text) is N003's: a printed page's lines are not
        // markdown blocks, and an article set as many lines with few blank ones between them would score as one
        // short paragraph against each block of a menu.
        if cx.is_paged_source() {
            return Vec::new();
        }
        let body = &cx.body;
        // Page chrome is made of markdown links, and every link needs a `]` (`[text](…)`, `[text][ref]`) or a `<`
        // (`<https://…>`): text without either has none, and is not read.
        if !body.text.bytes().any(|b| b == b']' || b == b'<') {
            return Vec::new();
        }
        // Units start on lines of their own (see [`Reader::open`]): a text of one line is at most one unit, fewer
        // than the blocks of links page chrome needs, and is not read (pulldown-cmark would hold some 25 bytes
        // for every byte of a one-line dump of links, issue 17).
        if !has_lines(body.text, MIN_CHROME) {
            return Vec::new();
        }
        let page = match cx.chrome_chunks() {
            Some(chunks) => read_cached(body.text, &mut chunks.borrow_mut()),
            None => read(body.text),
        };
        let Some(found) = article(&page, body.text, Fall::Find) else {
            return Vec::new();
        };
        if found.fell {
            return settled(&page, body.text, &found);
        }
        chrome_edits(&page, body.text, &found)
    }
}

/// The edits of an article that ends above a fall (`found`), followed to where the cut comes to rest: the text a
/// cut leaves is read again, and where it ends its article above a fall once more, the cut moves up there, until
/// the text left would not be cut again (see [`fall_end`]: cutting what followed a fall leaves the part above it
/// ending on its own last fall). In a comment thread, each comment under a linked date and over a reply link, a
/// cut per pass would peel off one comment at a time; this cut takes the thread in one. Past [`MAX_FALLS`] cuts
/// the run is taken as it is, without the fall.
fn settled(page: &Page, text: &str, found: &Article) -> Vec<Edit> {
    let mut edits = chrome_edits(page, text, found);
    for _ in 0..MAX_FALLS {
        let left = Edit::apply_all(text, &edits);
        let again = read(&left);
        let next = article(&again, &left, Fall::Find).filter(|next| next.fell);
        let Some(next) = next else {
            return edits;
        };
        // Where the text left is cut again, as a unit of the page.
        let Some(unit) = again
            .units
            .get(next.end)
            .and_then(|unit| unedited_offset(&edits, unit.start))
            .and_then(|at| page.units.binary_search_by_key(&at, |u| u.start).ok())
        else {
            break;
        };
        match article(page, text, Fall::At(unit)) {
            Some(cut) if cut.fell => edits = chrome_edits(page, text, &cut),
            _ => break,
        }
    }
    article(page, text, Fall::Not).map_or_else(Vec::new, |found| chrome_edits(page, text, &found))
}

/// The most cuts [`settled`] follows an article's end through (each reads the text left again); a thread of
/// comments takes one per comment.
const MAX_FALLS: usize = 64;

/// Where the byte `at` of the text the `edits` (in order) leave is in the text they were made on.
fn unedited_offset(edits: &[Edit], at: usize) -> Option<usize> {
    let mut shift = 0isize;
    for edit in edits {
        let start = edit.range.start as isize - shift;
        if start > at as isize {
            break;
        }
        shift += edit.range.len() as isize - edit.replacement.len() as isize;
    }
    usize::try_from(at as isize + shift).ok()
}

/// Whether the article's run ends above a fall (see [`article`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fall {
    /// Above the fall [`fall_end`] finds.
    Find,
    /// Above the unit given (where the text a cut leaves ends above a fall, see [`settled`]).
    At(usize),
    /// Where Kadane's run ends.
    Not,
}

/// The edits that drop what is not the `article` of the `page` read from `text`.
fn chrome_edits(page: &Page, text: &str, article: &Article) -> Vec<Edit> {
    let units = &page.units;
    // One edit per block, each its own lines: the blank lines between the article and what follows it are left
    // to the whitespace rules, since were an edit that took them applied while another rule's edit held back
    // a later block for the next pass, that block would be glued to the article's last paragraph.
    let mut edits = Vec::new();
    // The paragraph kept right before the unit read, for a sentence a page break cut before its links.
    let mut kept_paragraph: Option<(usize, Range<usize>)> = None;
    for (i, unit) in units.iter().enumerate() {
        let end = units.get(i + 1).map_or(text.len(), |next| next.start);
        let reason = if i < article.start {
            Some(BEFORE)
        } else if i >= article.end {
            Some(AFTER)
        } else {
            article.pruned(i)
        };
        if let Some(reason) = reason {
            let block = &text[unit.start..end];
            // A label in bold and one link (`**Website:** [Name](…)`) is a field of the article, not a row of
            // links; a sentence whose links are part of it is the article's text, as the HTML extractor
            // keeps it; both are kept inside the article.
            let before = kept_paragraph
                .as_ref()
                .filter(|(k, _)| k + 1 == i)
                .map(|(_, range)| &text[range.clone()]);
            let below = units
                .get(i + 1)
                .filter(|next| next.kind == Kind::Paragraph)
                .map(|next| {
                    let end = units.get(i + 2).map_or(text.len(), |u| u.start);
                    &text[next.start..end]
                });
            if reason == LINK_PARAGRAPH
                && (is_field(block) || is_sentence_around_links(block, before, below))
            {
                kept_paragraph = Some((i, unit.start..end));
                continue;
            }
            edits.push(Edit::delete(unit.start..end).because(reason));
        } else if unit.kind == Kind::Paragraph {
            kept_paragraph = Some((i, unit.start..end));
        }
    }
    edits
}

const BEFORE: &str = "before the article";
const AFTER: &str = "after the article";
const LINK_LIST: &str = "link list";
const LINK_PARAGRAPH: &str = "link paragraph";
const LINK_HEADING: &str = "linked heading";
const EMPTY_HEADING: &str = "heading over nothing kept";

/// What a block is, as pulldown-cmark reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    Heading,
    /// A list item's text, or a paragraph in a list item.
    Item,
    Quote,
    Table,
    Code,
    Html,
    Rule,
}

/// One unit the article is judged by: a leaf block or a list item's own text.
#[derive(Debug, Clone, Copy)]
struct Unit {
    /// The start of its first line.
    start: usize,
    kind: Kind,
    /// Characters of text that are not whitespace (image descriptions and link targets left out).
    text: u32,
    /// Those of them inside links that lead somewhere (not `#`, empty or `javascript:`).
    links: u32,
    /// Punctuation marks in the text.
    punct: u32,
    /// Whether it holds a link in markdown's syntax (written-out addresses aside).
    marked: bool,
    /// Whether one of those links names where it goes rather than showing its address: evidence of a web page.
    named: bool,
    /// Its level when it is a heading (a level-1 heading is the article's title on most pages), 0 otherwise.
    level: u8,
    /// Whether its text outside links and images holds a digit, asked only while it is shorter than a row
    /// ([`MAX_ROW`]): a longer unit is no row whatever it holds (see [`data_rows`]).
    digits: bool,
    /// Whether it is a row of data: a short line among sibling lines that hold numbers and are mostly not links
    /// (a table flattened into lines, an ingredient list), whose links are cells, not navigation.
    data: bool,
}

impl Unit {
    /// A unit that starts at byte `start`, with nothing counted yet.
    fn new(start: usize, kind: Kind) -> Unit {
        Unit {
            start,
            kind,
            text: 0,
            links: 0,
            punct: 0,
            marked: false,
            named: false,
            level: 0,
            digits: false,
            data: false,
        }
    }

    /// Counts `text`, link text when `in_link`.
    fn add(&mut self, text: &str, in_link: bool) {
        let (chars, punct) = density::count(text);
        self.text += chars;
        if in_link {
            self.links += chars;
            self.punct += punct;
            self.marked = true;
            // A link that shows its own address is a reference the text cites (`[1] [https://…](https://…)`),
            // as an address written out is: a menu names where its links go.
            self.named |= urls(text).0 < chars;
        } else {
            // Of ASCII characters only the ten digits are numeric: the bytes are read first.
            if !self.digits && self.text < MAX_ROW {
                self.digits = text.bytes().any(|b| b.is_ascii_digit())
                    || (!text.is_ascii() && text.chars().any(char::is_numeric));
            }
            // A web address written out is a link a reader follows, and its dots end no sentence.
            let (url_chars, url_punct) = urls(text);
            self.links += url_chars;
            self.punct += punct - url_punct;
        }
    }

    /// Forgets whether a unit as long as a row or longer holds a digit: [`Unit::add`] stops asking once it is that
    /// long, and what it found by then depends on where its text was cut into events.
    fn settle(&mut self) {
        self.digits &= self.text < MAX_ROW;
    }

    /// Counts the text of an indented code block. Code does not hold markdown links: one that does is markdown the
    /// converter indented (a menu nested in a definition list), and is read as markdown, links and all. Other
    /// code is text.
    fn add_indented(&mut self, code: &str) {
        let mut read = Unit {
            text: 0,
            links: 0,
            punct: 0,
            marked: false,
            named: false,
            ..*self
        };
        if code.contains("](") {
            let mut inline = Inline::default();
            for event in Parser::new(code) {
                if let Some((t, in_link)) = inline.text(&event) {
                    read.add(t, in_link);
                }
            }
        }
        if read.marked {
            self.digits |= read.digits;
            self.text += read.text;
            self.links += read.links;
            self.punct += read.punct;
            self.marked = true;
            self.named |= read.named;
        } else {
            self.add(code, false);
        }
    }

    fn density(&self) -> f32 {
        density::link_density(self.text, self.links)
    }

    /// Running text: a paragraph (or a list item or quote) by the HTML extractor's measure.
    fn is_prose(&self) -> bool {
        matches!(self.kind, Kind::Paragraph | Kind::Item | Kind::Quote)
            && density::is_paragraph(self.text, self.links)
    }

    /// Page chrome wherever it stands: mostly link text, and not a row of data.
    fn is_chrome(&self) -> bool {
        self.links > 0 && self.density() > LINK_LIST_DENSITY && !self.data
    }

    /// Evidence that the text is a web page with its chrome: chrome made of markdown links that name where they
    /// go. An address on a line of its own (a credit, `www.example.com`, a list of references) is not enough.
    fn is_page_chrome(&self) -> bool {
        self.named && self.is_chrome()
    }

    /// What the block adds to the evidence that the article is here: a paragraph's Readability score, and against
    /// it, link text and short lines.
    fn weight(&self) -> f32 {
        if self.is_prose() {
            return density::paragraph_score(self.text, self.punct, self.links);
        }
        // A table's rows neither make the article nor end it: a table inside it is bridged.
        if self.data {
            return 0.0;
        }
        match self.kind {
            Kind::Rule | Kind::Html | Kind::Code | Kind::Table if !self.is_chrome() => 0.0,
            Kind::Heading if self.links == 0 => 0.0,
            _ if self.is_chrome() => -CHROME_WEIGHT,
            _ => -SHORT_WEIGHT,
        }
    }
}

/// What a block of links weighs against the article, in the units of Readability's paragraph score: as much as a
/// short paragraph with three commas, so that a menu or a row of teaser links ends the article's run.
const CHROME_WEIGHT: f32 = 4.0;
/// What a short line that is not a link weighs against the article (a label, a date, `Advertisement`): as much
/// as the bare fact of a paragraph, so that a few of them inside the article are bridged by its text.
const SHORT_WEIGHT: f32 = 1.0;

/// The article: units `start..end`, and what is pruned inside it.
struct Article {
    start: usize,
    end: usize,
    pruned: Vec<Option<&'static str>>,
    /// Whether its run ends above a fall (see [`fall_end`]), short of where Kadane's run ends.
    fell: bool,
}

impl Article {
    fn pruned(&self, i: usize) -> Option<&'static str> {
        self.pruned
            .get(i.wrapping_sub(self.start))
            .copied()
            .flatten()
    }
}

/// Finds the article among the units: the run with the largest sum of weights (Kadane's maximum subarray, as body
/// text extraction finds the page's main text between its markup). `None` when there is nothing to drop.
fn article(page: &Page, text: &str, fall: Fall) -> Option<Article> {
    let units = &page.units;
    // Markdown without blocks of links is an article already, not a page.
    if chrome_count(units) < MIN_CHROME {
        return None;
    }
    let weights: Vec<f32> = units.iter().map(Unit::weight).collect();
    let (best, mut best_range) = max_run(&weights);
    // The article follows its title: of the runs that start after a level-1 heading, the best is taken when it
    // holds most of what the best run anywhere holds (a long comment thread or a legal notice can outweigh a
    // short article), or when the best run is a notice that closes the page (see [`closes_page`]).
    let titled = units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.level == 1)
        .take(MAX_TITLES)
        .filter_map(|(h, _)| run_from(&weights, h + 1).map(|(sum, run)| (sum, run, h)))
        .max_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((sum, range, title)) = titled {
        if sum >= TITLED_SHARE * best || closes_page(units, title, &range, &best_range, best) {
            best_range = range;
        }
    }
    if best_range.is_empty() {
        return None;
    }
    // A form is never the article (the HTML extractor drops `<form>` as page furniture): the run ends above one,
    // or above a fall before it, judged on the whole run (what follows the form adds back to what a fall leaves,
    // as it did before: a comment thread over its form, a second part of the article over a sign-up form).
    let form = form_start(units, text, &weights, best_range.clone());
    // The article ends above a fall past page chrome that what follows does not make up for (see [`fall_end`]),
    // where that cuts the page below it.
    let mut fell = false;
    let end = match fall {
        Fall::Find => fall_end(&weights, units, text, best_range.clone()),
        Fall::At(end) => Some(end).filter(|&end| end > best_range.start && end < best_range.end),
        Fall::Not => None,
    };
    if let Some(end) = end {
        if end < form.unwrap_or(usize::MAX) && chrome_count(&units[end..]) >= MIN_CHROME {
            best_range.end = end;
            fell = true;
        }
    }
    if let Some(form) = form {
        best_range.end = best_range.end.min(form);
    }
    // The article starts and ends between list items, never inside one: dropping an item's first line and keeping
    // its continuation would turn the continuation into a code block, and the next pass would read a new page. An
    // item the run starts or ends in is kept whole when it weighs for the article, and left out when it weighs
    // against it (a share panel nested in one item, whose last line happens to be a sentence).
    let weighs_for = |item: &Range<usize>| weights[item.clone()].iter().sum::<f32>() > 0.0;
    if let Some(item) = &page.items[best_range.start] {
        best_range.start = if weighs_for(item) || item.end >= best_range.end {
            item.start
        } else {
            item.end
        };
    }
    if let Some(item) = &page.items[best_range.end - 1] {
        best_range.end = if weighs_for(item) || item.start <= best_range.start {
            item.end
        } else {
            item.start
        };
    }
    // Only a side where there is page chrome is cut: an article with a few short lines around it is left alone.
    let start = if chrome_count(&units[..best_range.start]) >= MIN_CHROME {
        best_range.start
    } else {
        0
    };
    let end = if chrome_count(&units[best_range.end..]) >= MIN_CHROME {
        best_range.end
    } else {
        units.len()
    };
    let mut pruned = prune(page, start..end);
    // A page with little chrome in all (a row of links under the article, a breadcrumb) is an article with a few
    // links around it: the link paragraphs between the paragraphs of its best run are its own too (`Print`, `More on
    // the cycle path`), as where no side is cut. A page dump has menus, share rows and teasers by the dozen, and
    // the link paragraphs inside its article are teasers and share rows as often (`SUBSCRIBE`, `[167 comments]`).
    if chrome_count(units) <= MAX_LIGHT_CHROME {
        let first = best_range.clone().find(|&i| units[i].is_prose());
        let last = best_range.clone().rev().find(|&i| units[i].is_prose());
        if let (Some(first), Some(last)) = (first, last) {
            for i in first + 1..last {
                if pruned[i - start] == Some(LINK_PARAGRAPH) {
                    pruned[i - start] = None;
                }
            }
        }
    }
    if start > 0 || end < units.len() {
        prune_headings(units, start..end, &mut pruned);
    }
    // Markdown with no page chrome on either side is an article already, not a page dump: the link paragraphs and
    // lists between its paragraphs (inside the best run) are its own (a `Print` or `View on map` link, a
    // reference), which the HTML extractor kept when it wrote them; only those beside the run, which weigh
    // against the article, are pruned (a `Read more` row under its last paragraph).
    if start == 0 && end == units.len() {
        pruned[best_range].fill(None);
        if pruned.iter().all(Option::is_none) {
            return None;
        }
    }
    Some(Article {
        start,
        end,
        pruned,
        fell,
    })
}

/// Where the article's run ends above a fall: the end of its first part when, past that point, the run falls by
/// [`FALL`] or more through at least one block of page chrome (a block of links that is not a field), and what
/// follows the bottom of the fall adds back less than [`TITLED_SHARE`] of what the part above it holds. Kadane's
/// run bridges any fall that what follows makes up for, and a comment thread, an author box or a newsletter form
/// of sentences below the share row and the `Related` list outweighs it; a page's article is above them, and a
/// second part that holds half as much as the first is the article's too (a teaser box between its sections).
/// Of the points that qualify, the last: the article is cut as little as the evidence allows. `None` when none
/// does.
fn fall_end(weights: &[f32], units: &[Unit], text: &str, run: Range<usize>) -> Option<usize> {
    // sums[k]: the run's weight from its start through unit run.start + k.
    let sums: Vec<f32> = weights[run.clone()]
        .iter()
        .scan(0.0f32, |sum, w| {
            *sum += w;
            Some(*sum)
        })
        .collect();
    let last = *sums.last()?;
    // The lowest sum from k on, and where it is.
    let mut low: Vec<(f32, usize)> = sums.iter().copied().zip(0..).collect();
    for k in (0..low.len().saturating_sub(1)).rev() {
        if low[k + 1].0 < low[k].0 {
            low[k] = low[k + 1];
        }
    }
    let is_barrier = |i: usize| units[i].is_chrome() && !is_field(unit_source(units, text, i));
    let mut peak = f32::MIN;
    let mut end = None;
    for (k, &sum) in sums.iter().enumerate() {
        if sum <= peak {
            continue;
        }
        peak = sum;
        let Some(&(bottom, at)) = low.get(k + 1) else {
            break;
        };
        if peak - bottom >= FALL
            && last - bottom < TITLED_SHARE * peak
            && (run.start + k + 1..=run.start + at).any(is_barrier)
        {
            end = Some(run.start + k + 1);
        }
    }
    end
}

/// The source of unit `i` of `units` read from `text`: from its start to the next unit's, or to the end.
fn unit_source<'t>(units: &[Unit], text: &'t str, i: usize) -> &'t str {
    let end = units.get(i + 1).map_or(text.len(), |next| next.start);
    &text[units[i].start..end]
}

/// Where the article's run ends above a form: the first of two fields marked as required (see [`is_required_field`])
/// at most [`FORM_GAP`] units apart, moved up over the notes right above it (at most [`FORM_NOTES`] short paragraphs
/// without links, `Your email address will not be published. Required fields are marked *`), when what the run holds
/// from there on adds back less than [`TITLED_SHARE`] of what it holds above. A comment form, a newsletter sign-up
/// or a contact form in the dump is its labels, each over the input the converter dropped (`Name *`, `E-Mail *`):
/// the asterisk marks a required field in any language, and an article marks no two short lines of its own so.
/// What follows the form (the sidebars, the footer) is not the article either, unless it outweighs what is above.
fn form_start(units: &[Unit], text: &str, weights: &[f32], run: Range<usize>) -> Option<usize> {
    let mut last_field: Option<usize> = None;
    let mut first = None;
    for i in run.clone() {
        if !is_required_field(&units[i], unit_source(units, text, i)) {
            continue;
        }
        if let Some(last) = last_field.filter(|&last| i - last <= FORM_GAP) {
            first = Some(last);
            break;
        }
        last_field = Some(i);
    }
    let mut start = first?;
    while start > run.start + 1 && first? - start < FORM_NOTES {
        let above = &units[start - 1];
        if above.kind != Kind::Paragraph
            || above.links > 0
            || above.text > density::CONTINUATION_MIN_CHARS
        {
            break;
        }
        start -= 1;
    }
    let above: f32 = weights[run.start..start].iter().sum();
    let below: f32 = weights[start..run.end].iter().sum();
    (start > run.start && below < TITLED_SHARE * above).then_some(start)
}

/// The most units between two fields of one form (see [`form_start`]): a field not required (`Website`) between
/// two required ones, or a label and its mark that a converter wrote as paragraphs of their own (`Name` / `\*`).
const FORM_GAP: usize = 3;

/// The most notes above a form's first field that go with it (see [`form_start`]): the note on what is required
/// and what is published, and a label without the mark.
const FORM_NOTES: usize = 2;

/// Whether a unit is the label of a required field of a form: a paragraph of at most [`MAX_LABEL`] characters,
/// without links, that ends in a literal asterisk (`Name *`, `E-Mail*`, a lone `\*`), the one asterisk of its
/// source unless escaped, so that it is no emphasis.
fn is_required_field(unit: &Unit, block: &str) -> bool {
    let source = block.trim_end();
    unit.kind == Kind::Paragraph
        && unit.links == 0
        && unit.text as usize <= MAX_LABEL
        && (source.ends_with("\\*")
            || (source.ends_with('*') && source.bytes().filter(|&b| b == b'*').count() == 1))
}

/// The fall that ends the article's run (see [`fall_end`]): the weight of two blocks of links, the fewest that
/// make a side of the article page chrome.
const FALL: f32 = MIN_CHROME as f32 * CHROME_WEIGHT;

/// Inside the article (units `article`), a heading whose section (the units below it up to the next heading of
/// its level or a higher one, or the article's end) holds nothing that is kept: the title of a share row, a
/// `Related` list or a teaser box pruned below it (`### Share this:`), or of nothing at all (`## More on this`
/// over the next heading of its level). The HTML extractor drops such a box with its title. Headings are read
/// from the last up, so a heading over headings pruned so goes too.
fn prune_headings(units: &[Unit], article: Range<usize>, pruned: &mut [Option<&'static str>]) {
    let is_heading = |u: &Unit| u.kind == Kind::Heading && u.level > 0;
    for h in article.clone().rev() {
        let level = units[h].level;
        if !is_heading(&units[h]) || pruned[h - article.start].is_some() {
            continue;
        }
        let end = (h + 1..article.end)
            .find(|&i| is_heading(&units[i]) && units[i].level <= level)
            .unwrap_or(article.end);
        if pruned[h + 1 - article.start..end - article.start]
            .iter()
            .all(Option::is_some)
        {
            pruned[h - article.start] = Some(EMPTY_HEADING);
        }
    }
}

/// The fewest blocks of links that make a side of the article page chrome: one is a link the article gives.
const MIN_CHROME: usize = 2;

/// The most blocks of page chrome a page has in all for the link paragraphs between the paragraphs of its article
/// to be the article's own (see [`article`]): a row of teasers under the text and a breadcrumb on top; a page
/// dump has dozens.
const MAX_LIGHT_CHROME: usize = 3;

/// Whether `text` has at least `n` lines before its final line breaks, counting `\n` line ends only, as
/// [`Reader::open`] finds a unit's line. A unit starts on a line no other unit starts on, so a text of fewer lines
/// has fewer units.
fn has_lines(text: &str, n: usize) -> bool {
    let text = text.trim_end_matches('\n');
    n <= 1
        || memchr::memchr_iter(b'\n', text.as_bytes())
            .nth(n - 2)
            .is_some()
}

fn chrome_count(units: &[Unit]) -> usize {
    units.iter().filter(|u| u.is_page_chrome()).count()
}

/// Whether the best run anywhere (`best`, of weight `weight`) is a notice that closes the page rather than the
/// article, which the run `titled` under the title `title` holds: the best run lies below that one, past more
/// page chrome than it weighs (the footer, the sidebars), and ends the page (fewer than two blocks of links
/// below it, or nothing below it but its buttons: at most [`MAX_BUTTONS`] blocks, none of them text that weighs
/// for an article, `[Accept](…)` / `[Privacy policy](…)`), while the titled run follows its title with no block
/// of links between them (a byline, a date, an image). A cookie consent or a dialog that a dump writes after the
/// footer holds paragraphs of text, often more than a short article.
fn closes_page(
    units: &[Unit],
    title: usize,
    titled: &Range<usize>,
    best: &Range<usize>,
    weight: f32,
) -> bool {
    let below = &units[best.end..];
    let ends_page = chrome_count(below) < MIN_CHROME
        || (below.len() <= MAX_BUTTONS && below.iter().all(|u| u.weight() < 0.0));
    best.start >= titled.end
        && ends_page
        && chrome_count(&units[titled.end..best.start]) as f32 * CHROME_WEIGHT > weight
        && !units[title + 1..titled.start]
            .iter()
            .any(Unit::is_page_chrome)
}

/// The most blocks below a notice that closes the page that are its buttons (accept, settings, the privacy
/// policy), not page chrome below it (see [`closes_page`]).
const MAX_BUTTONS: usize = 3;

/// The most level-1 headings tried as the article's title.
const MAX_TITLES: usize = 8;

/// The share of the best run's weight that the run after a title must reach to be taken instead.
const TITLED_SHARE: f32 = 0.5;

/// The run with the largest sum of weights (Kadane's maximum subarray) and its sum; empty when no weight is
/// positive.
fn max_run(weights: &[f32]) -> (f32, Range<usize>) {
    let (mut best, mut best_range) = (0.0f32, 0..0);
    let (mut sum, mut from) = (0.0f32, 0);
    for (i, w) in weights.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            from = i;
        }
        sum += w;
        if sum > best {
            best = sum;
            best_range = from..i + 1;
        }
    }
    (best, best_range)
}

/// The run that starts at the first unit of positive weight from `from` on and ends where its sum is largest.
fn run_from(weights: &[f32], from: usize) -> Option<(f32, Range<usize>)> {
    let start = from + weights.get(from..)?.iter().position(|w| *w > 0.0)?;
    let (mut sum, mut best, mut end) = (0.0f32, 0.0f32, start);
    for (i, w) in weights.iter().enumerate().skip(start) {
        sum += w;
        if sum > best {
            best = sum;
            end = i + 1;
        }
    }
    Some((best, start..end))
}

/// Inside the article (units `article`), what the HTML extractor prunes inside its container: link lists that are
/// a small part of it, paragraphs and headings that are mostly links.
fn prune(page: &Page, article: Range<usize>) -> Vec<Option<&'static str>> {
    let units = &page.units[article.clone()];
    let total: u32 = units.iter().map(|u| u.text).sum();
    let mut pruned: Vec<Option<&'static str>> = units
        .iter()
        .map(|unit| match unit.kind {
            _ if unit.data => None,
            // A paragraph whose links show their own addresses is a reference the text cites (`\\[1\\]
            // [https://…](https://…)`), as an address written out is, not a row of links naming where they go.
            Kind::Paragraph | Kind::Code
                if unit.marked && unit.named && unit.density() > LINK_PARAGRAPH_DENSITY =>
            {
                Some(LINK_PARAGRAPH)
            }
            Kind::Heading if unit.marked && unit.density() > LINK_HEADING_DENSITY => {
                Some(LINK_HEADING)
            }
            _ => None,
        })
        .collect();
    // Lists come in order of their start, outer before inner: an inner list of a dropped one is already gone.
    for list in &page.lists {
        let from = list.start.max(article.start);
        let to = list.end.min(article.end);
        if from >= to || pruned[from - article.start].is_some_and(|r| r == LINK_LIST) {
            continue;
        }
        let held = &page.units[from..to];
        let text: u32 = held.iter().map(|u| u.text).sum();
        let links: u32 = held.iter().map(|u| u.links).sum();
        if held.iter().any(|u| u.marked)
            && density::link_density(text, links) > LINK_LIST_DENSITY
            && (text as f32) < LINK_LIST_MAX_SHARE * total as f32
        {
            pruned[from - article.start..to - article.start].fill(Some(LINK_LIST));
        }
    }
    pruned
}

/// A page read as units, and where its lists are.
struct Page {
    units: Vec<Unit>,
    /// Every list, at any depth, as the range of units it holds, in order of their start.
    lists: Vec<Range<usize>>,
    /// For every unit, the units of the outermost list item that holds it, if any.
    items: Vec<Option<Range<usize>>>,
}

/// The link and image nesting of a stream of markdown events, and what its text counts as.
#[derive(Default)]
struct Inline {
    link_depth: usize,
    image_depth: usize,
}

impl Inline {
    /// Follows `event`; for text outside images, returns it and whether it is the text of a link that leads
    /// somewhere.
    fn text<'e>(&mut self, event: &'e Event<'_>) -> Option<(&'e str, bool)> {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.link_depth += usize::from(leads_somewhere(dest_url));
            }
            Event::End(TagEnd::Link) => self.link_depth = self.link_depth.saturating_sub(1),
            Event::Start(Tag::Image { .. }) => self.image_depth += 1,
            Event::End(TagEnd::Image) => self.image_depth = self.image_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if self.image_depth == 0 => {
                return Some((t, self.link_depth > 0));
            }
            _ => {}
        }
        None
    }
}

/// Reads `text` into units with their measures: every leaf block (paragraph, heading, table, code, HTML) and
/// every list item's own text, at any depth, so that a page the converter nested in one list item is still read
/// block by block.
fn read(text: &str) -> Page {
    read_in_segments(text, PARSE_BYTES)
}

/// [`read`] parses a text in segments of about this size (see [`segments`]): pulldown-cmark holds the tree of all it
/// parses at once, some 40 bytes for every byte of a list of links, so a 1 MiB segment of a 4 MB list took 41 MB
/// (issue 17).
const PARSE_BYTES: usize = 1 << 18;

/// What [`read`] found in the chunks of a text, by chunk text, kept from one pass to the next: a pass changes a few
/// blocks, and the next reads only the chunks whose text changed (see [`read_cached`]).
#[derive(Debug, Default)]
pub(crate) struct Chunks {
    /// The chunks of the last text read, by the hash of their text ([`text_hash`]), each with its text: a chunk's
    /// text is hashed once a pass, and compared once with the text kept under its hash.
    last: HashMap<u64, (Box<str>, Chunk)>,
}

/// The hash a chunk's text is kept under in [`Chunks`].
fn text_hash(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// What a chunk of a text reads as, in its own offsets and unit indices, before the page-wide marks of
/// [`Reader::finish`].
#[derive(Debug)]
struct Chunk {
    units: Vec<Unit>,
    lists: Vec<Range<usize>>,
    items: Vec<Range<usize>>,
    /// Whether a fenced code block or an HTML block runs past its last line that is not blank (see [`Survey::runs_on`]):
    /// then the chunk cannot end there.
    runs_on: bool,
}

/// [`read`], chunk by chunk, taking over what `chunks` holds for a chunk of the same text and keeping what this
/// text's chunks read for the next call. A text is cut where [`segments`] can cut it, at every block start at the
/// top level after a blank line (so that an edit leaves the chunks around it as they were) where no code or HTML
/// block runs on. The page read is the same as [`read`]'s; texts over [`SEGMENT_BYTES`] and texts with link
/// reference definitions (a chunk could use a label defined in another) are read by [`read`].
fn read_cached(text: &str, chunks: &mut Chunks) -> Page {
    // `memmem` looks for the two bytes some ten times faster than `str::contains`, which took some 8,000
    // instructions a pass over a dump.
    if text.len() > SEGMENT_BYTES || memchr::memmem::find(text.as_bytes(), b"]:").is_some() {
        chunks.last.clear();
        return read(text);
    }
    let mut previous = std::mem::take(&mut chunks.last);
    let current = &mut chunks.last;
    let mut reader = Reader::new(text);
    let empty_line = Finder::new(b"\n\n");
    let mut start = 0;
    // A chunk whose hash another chunk of this text is kept under (a collision): read, and not kept.
    let mut spare = None;
    while start < text.len() {
        let mut end = chunk_start_after(text, start + 1, &empty_line);
        let key = loop {
            let part = &text[start..end];
            let (key, runs_on) = take_over(part, current, &mut previous, &mut spare);
            if !runs_on || end == text.len() {
                break key;
            }
            end = chunk_start_after(text, end + 1, &empty_line);
        };
        let chunk = match &spare {
            Some(chunk) => chunk,
            None => &current[&key].1,
        };
        let base = reader.units.len();
        reader.units.extend(chunk.units.iter().map(|unit| Unit {
            start: unit.start + start,
            ..*unit
        }));
        let shift = |range: &Range<usize>| range.start + base..range.end + base;
        reader.lists.extend(chunk.lists.iter().map(shift));
        reader.items.extend(chunk.items.iter().map(shift));
        start = end;
    }
    reader.finish()
}

/// Finds the chunk `part` in `current` (read already in this text), else takes it over from `previous` (the last
/// text's) or reads it, and keeps it in `current`; returns the hash it is kept under and whether a code or HTML
/// block runs on past its end. Where another text is kept under the same hash, the chunk read is left in `spare`.
fn take_over(
    part: &str,
    current: &mut HashMap<u64, (Box<str>, Chunk)>,
    previous: &mut HashMap<u64, (Box<str>, Chunk)>,
    spare: &mut Option<Chunk>,
) -> (u64, bool) {
    let key = text_hash(part);
    *spare = None;
    let runs_on = match current.entry(key) {
        Entry::Occupied(kept) if *kept.get().0 == *part => kept.get().1.runs_on,
        Entry::Occupied(_) => spare.insert(read_chunk(part)).runs_on,
        Entry::Vacant(slot) => {
            let (text, chunk) = match previous.remove(&key) {
                Some((text, chunk)) if *text == *part => (text, chunk),
                _ => (part.into(), read_chunk(part)),
            };
            slot.insert((text, chunk)).1.runs_on
        }
    };
    (key, runs_on)
}

/// The first line at or after byte `from` that [`next_cut`] would find after an empty line (blank lines
/// of white space are not looked for: fewer cuts, each as good), or the end of the text.
fn chunk_start_after(text: &str, from: usize, empty_line: &Finder<'_>) -> usize {
    let bytes = text.as_bytes();
    let mut at = from.saturating_sub(2);
    while let Some(i) = empty_line.find(&bytes[at..]) {
        let line = at + i + 2;
        if line >= from && starts_block(&text[line..]) {
            return line;
        }
        at += i + 1;
    }
    text.len()
}

/// Reads one chunk of a text, and whether a code or HTML block runs on past its end.
fn read_chunk(part: &str) -> Chunk {
    match plain_paragraph(part) {
        Some(unit) => Chunk {
            units: vec![unit],
            lists: Vec::new(),
            items: Vec::new(),
            runs_on: false,
        },
        None => simple_chunk(part).unwrap_or_else(|| parse_chunk(part)),
    }
}

/// [`read_chunk`] by pulldown-cmark's events.
fn parse_chunk(part: &str) -> Chunk {
    let mut reader = Reader::new(part);
    let last_line_end = last_line_end(part);
    let mut runs_on = false;
    for (event, at) in Parser::new_ext(part, OPTIONS).into_offset_iter() {
        runs_on |= matches!(event, Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock))
            && at.end > last_line_end;
        reader.event(event, at.start);
    }
    Chunk {
        units: reader.units,
        lists: reader.lists,
        items: reader.items,
        runs_on,
    }
}

/// The unit of a chunk that is one paragraph of plain text, read without pulldown-cmark: every line starts with a
/// letter, so that it starts no block and interrupts none (a heading, a list item, a quote, a fence, HTML, a
/// thematic break, a setext underline, a table's delimiter row, a reference definition), and the chunk holds none
/// of the bytes at which pulldown-cmark's inline parse looks for markup (`` ` `` `\` `&` `*` `_` `[` `]` `<` `!`
/// `|`, a carriage return, NUL), nor a line of white space before its blank lines (which would end the paragraph
/// and open another). Then pulldown-cmark reads it as one paragraph whose text events are its lines, each without
/// its line end and the spaces before it, and a text's counts add up over pieces cut at white space: the unit is
/// the unit of the whole text. Most chunks of a dump hold a link and are read by pulldown-cmark (the plain ones
/// are some 15% of the bytes of the dev dumps).
fn plain_paragraph(part: &str) -> Option<Unit> {
    const MARKUP: [bool; 256] = byte_set(b"`\\&*_[]<!|\r\0");
    let text = part.trim_end_matches('\n');
    if text.is_empty() || text.bytes().any(|b| MARKUP[usize::from(b)]) {
        return None;
    }
    let starts_letter = |line: &str| line.chars().next().is_some_and(char::is_alphabetic);
    // Every line's first character: the text's, and the one after each line end (found by `memchr`).
    if !starts_letter(text)
        || !memchr::memchr_iter(b'\n', text.as_bytes()).all(|end| starts_letter(&text[end + 1..]))
    {
        return None;
    }
    let mut unit = Unit::new(0, Kind::Paragraph);
    unit.add(text, false);
    Some(unit)
}

/// The units of a chunk made only of the shapes most of a dump is made of, read without pulldown-cmark: ATX
/// headings (`## Title`, and `###` with no text), at the margin, in a list item or opening one, thematic breaks
/// (`---`, `* * *`) at the margin, paragraphs, with a setext underline (`===`, `---`) at the top level or without,
/// and lists of bullet items (`* [Home](/)`, `  - Sections`, `* * [Sub](/s)`), nested at any depth, whose first
/// line holds text, a heading or another such item one to four spaces after the marker (see [`bullet`]), with
/// paragraphs after a blank line inside their items; every line of text starts with a character that starts
/// no block (see [`starts_text`]), and its inline content is text, emphasis, backslash escapes, and links and images
/// of the plainest syntax (see [`plain_inlines`]).
///
/// Then every block starts on its own line, and which block a line starts or goes on follows from the line, the
/// lists open and whether the line before it is blank, as pulldown-cmark reads it (CommonMark's container
/// rules). A line indented as far as the content of an open item, or further, is inside it (the items' content
/// columns grow with depth, so the innermost such item holds it); a bullet item at most three columns further in
/// than that goes on the list open there when it has the same marker, and else starts a list there, which ends
/// the lists inside it. An item with text interrupts a paragraph, and so does a heading, which ends the lists
/// inside the item that holds it (every list at the margin, where no item's content starts). A line of text after
/// a line of text goes on its paragraph whatever its indentation (a lazy line, or a continuation line); after a
/// blank line it starts a paragraph in the item that holds it (ending the lists inside that item), or at the top
/// level, which ends every list. A line of `-` or `=` after a paragraph's line at the top level is its underline
/// and makes it a heading, and a thematic break is one only after a blank line or a heading, where it underlines
/// nothing, and ends every list. A bullet, a heading or a paragraph four columns or more into the item that holds
/// it (indented code), a tab before a line's text, a thematic break after text, and any other line (an ordered
/// item, an empty item, a quote, a fence, HTML, a table) leave the chunk to pulldown-cmark.
fn simple_chunk(part: &str) -> Option<Chunk> {
    let mut read = SimpleRead::default();
    for (start, line) in body::lines(part) {
        read.line(start, line)?;
    }
    Some(read.finish())
}

/// What [`simple_chunk`] knows between two lines.
#[derive(Default)]
struct SimpleRead {
    units: Vec<Unit>,
    lists: Vec<Range<usize>>,
    items: Vec<Range<usize>>,
    /// The lists open, the outermost first.
    open_lists: Vec<OpenList>,
    /// The first unit of the outermost item open.
    item_start: usize,
    /// The kind of the unit whose text the line before is (a paragraph or an item), which a line of text goes on.
    open: Option<Kind>,
    /// The emphasis delimiters of the last unit's text waiting for a closer: emphasis goes on over line ends.
    emphasis: Emphasis,
    /// Whether the first line of the paragraph open holds a `|`: a line under it may make it a table's head.
    table_head: bool,
    /// Whether the line before is blank.
    after_blank: bool,
}

/// A list open while [`simple_chunk`] reads.
#[derive(Debug, Clone, Copy)]
struct OpenList {
    marker: u8,
    /// The column of the content of its last item: a line indented as far or further is inside that item.
    content: usize,
    /// Its place in the chunk's lists.
    index: usize,
}

impl SimpleRead {
    /// Reads one line, without its line end, that starts at byte `start`; `None` leaves the chunk to pulldown-cmark.
    fn line(&mut self, start: usize, line: &str) -> Option<()> {
        let blank = line.bytes().all(|b| b == b' ' || b == b'\t');
        let after_blank = std::mem::replace(&mut self.after_blank, blank);
        if blank {
            self.open = None;
            return Some(());
        }
        let lead = line.bytes().take_while(|&b| b == b' ').count();
        let rest = &line[lead..];
        if rest.starts_with('\t') {
            return None;
        }
        // The lists whose items hold the line, and the column where the content of the innermost of them starts.
        let depth = self
            .open_lists
            .iter()
            .take_while(|list| list.content <= lead)
            .count();
        let column = depth
            .checked_sub(1)
            .map_or(0, |d| self.open_lists[d].content);
        if rest.starts_with('#') && lead - column <= MAX_ITEM_INDENT {
            let (level, text) = atx_heading(rest)?;
            self.close_lists(depth);
            let mut unit = Unit::new(start, Kind::Heading);
            unit.level = level as u8;
            self.begin(unit);
            self.open = None;
            return self.inlines(text);
        }
        if lead == 0 && self.open == Some(Kind::Paragraph) && is_setext_underline(rest) {
            // A line of `-` under cells is a table's delimiter row.
            if self.table_head {
                return None;
            }
            // The paragraph is a heading's text.
            let heading = self.units.last_mut()?;
            heading.kind = Kind::Heading;
            heading.level = if rest.starts_with('=') { 1 } else { 2 };
            self.open = None;
            return Some(());
        }
        if lead == 0 && is_thematic_break(rest) {
            if self.open.is_some() {
                return None;
            }
            self.close_lists(0);
            self.begin(Unit::new(start, Kind::Rule));
            return Some(());
        }
        if bullet(rest).is_some() {
            if lead - column > MAX_ITEM_INDENT {
                return None;
            }
            return self.items(start, lead, rest, depth);
        }
        if !starts_text(rest) {
            return None;
        }
        if self.open.is_none() {
            // A paragraph in an item right after a heading: in a tight list it has no events of its own, and its
            // text would go on the heading's unit.
            if lead - column > MAX_ITEM_INDENT || (depth > 0 && !after_blank) {
                return None;
            }
            self.close_lists(depth);
            let kind = if depth == 0 {
                Kind::Paragraph
            } else {
                Kind::Item
            };
            self.begin(Unit::new(start, kind));
            self.open = Some(kind);
            self.table_head = rest.contains('|');
        }
        self.inlines(rest)
    }

    /// Reads a line that opens with a bullet item, `rest` from its marker on, `lead` columns in, in the lists
    /// `..depth`: the item, the items that open right after its marker on the same line (`* * [Sub](/s)`, a list
    /// in the item), and the heading (`- ## Title`) or the text that follows the last of them. The items of one
    /// line are one unit, and a heading that opens an item is that unit's text, a title when of level 1, as
    /// [`Reader`] reads them.
    fn items(
        &mut self,
        start: usize,
        mut lead: usize,
        mut rest: &str,
        mut depth: usize,
    ) -> Option<()> {
        while let Some((marker, width)) = bullet(rest) {
            // Marks and spaces alone make a thematic break, not items (at the margin, read before).
            if is_thematic_break(rest) {
                return None;
            }
            let same = self
                .open_lists
                .get(depth)
                .is_some_and(|list| list.marker == marker);
            if same {
                // A new item of the list: the items in the one before end, and so does the one before when it is
                // an item of the outermost list.
                self.close_lists(depth + 1);
                if depth == 0 {
                    self.items.push(self.item_start..self.units.len());
                }
            } else {
                self.close_lists(depth);
            }
            if depth == 0 {
                self.item_start = self.units.len();
            }
            let content = lead + width;
            if same {
                self.open_lists[depth].content = content;
            } else {
                self.open_lists.push(OpenList {
                    marker,
                    content,
                    index: self.lists.len(),
                });
                self.lists.push(self.units.len()..self.units.len());
            }
            if self.units.last().is_none_or(|unit| unit.start != start) {
                self.begin(Unit::new(start, Kind::Item));
            }
            depth += 1;
            lead = content;
            rest = &rest[width..];
        }
        if rest.starts_with('#') {
            let (level, text) = atx_heading(rest)?;
            self.units.last_mut()?.level = level as u8;
            self.open = None;
            return self.inlines(text);
        }
        if !starts_text(rest) {
            return None;
        }
        self.open = Some(Kind::Item);
        self.inlines(rest)
    }

    /// Starts `unit`, after the emphasis delimiters of the unit before that closed nothing turn to its text.
    fn begin(&mut self, unit: Unit) {
        self.settle_emphasis();
        self.units.push(unit);
    }

    fn settle_emphasis(&mut self) {
        let left = self.emphasis.finish();
        if let Some(unit) = self.units.last_mut() {
            left.add_to(unit, false);
        }
    }

    /// Counts one line's inline content into the last unit.
    fn inlines(&mut self, line: &str) -> Option<()> {
        plain_inlines(line, self.units.last_mut()?, &mut self.emphasis)
    }

    /// Ends the lists from the one at `depth` in (every list at 0, which ends the outermost item).
    fn close_lists(&mut self, depth: usize) {
        if depth >= self.open_lists.len() {
            return;
        }
        for list in self.open_lists.drain(depth..) {
            self.lists[list.index].end = self.units.len();
        }
        if depth == 0 {
            self.items.push(self.item_start..self.units.len());
        }
    }

    fn finish(mut self) -> Chunk {
        self.settle_emphasis();
        self.close_lists(0);
        Chunk {
            units: self.units,
            lists: self.lists,
            items: self.items,
            runs_on: false,
        }
    }
}

/// The most columns a list item's marker, or a paragraph after a blank line, stands further in than the content of
/// the item that holds it (or the margin): four or more make an indented code block, or text of the paragraph
/// before it.
const MAX_ITEM_INDENT: usize = 3;

/// Whether a line is a setext heading's underline of three or more `=` or `-` and nothing else.
fn is_setext_underline(line: &str) -> bool {
    let bytes = line.as_bytes();
    bytes.len() >= 3 && matches!(bytes[0], b'=' | b'-') && bytes.iter().all(|&b| b == bytes[0])
}

/// Whether a line that starts at the margin is a thematic break: three or more `-`, `*` or `_`, the same, with
/// spaces or tabs between them and after them and nothing else.
fn is_thematic_break(line: &str) -> bool {
    let bytes = line.as_bytes();
    let Some(&mark @ (b'-' | b'*' | b'_')) = bytes.first() else {
        return false;
    };
    let mut marks = 0;
    for &b in bytes {
        match b {
            b' ' | b'\t' => {}
            _ if b == mark => marks += 1,
            _ => return false,
        }
    }
    marks >= 3
}

/// The marker of a line, after its indentation, that starts a bullet item with content on the line, and the width
/// of the marker and the spaces after it: `-`, `+` or `*`, then one to [`MAX_MARKER_SPACES`] spaces and a
/// character that is not white space, where the item's content starts. Five spaces or more would make the content
/// indented code, and a tab counts to a tab stop: both are left to pulldown-cmark, as an empty item is.
fn bullet(line: &str) -> Option<(u8, usize)> {
    let bytes = line.as_bytes();
    let marker = *bytes.first()?;
    if !matches!(marker, b'-' | b'+' | b'*') {
        return None;
    }
    let spaces = bytes[1..].iter().take_while(|&&b| b == b' ').count();
    let content = bytes.get(1 + spaces)?;
    ((1..=MAX_MARKER_SPACES).contains(&spaces) && !content.is_ascii_whitespace())
        .then_some((marker, 1 + spaces))
}

/// The most spaces between a list item's marker and its content (CommonMark's list items, rule 1): with more, the
/// content starts one space after the marker, as indented code.
const MAX_MARKER_SPACES: usize = 4;

/// The level and the text of an ATX heading of the plainest shape, `rest` from its first `#` on: one to six `#`,
/// then nothing but spaces (an empty heading) or a space and the text, without a closing sequence of `#` (which is
/// not the heading's text). Any other line that starts with `#` is left to pulldown-cmark.
fn atx_heading(rest: &str) -> Option<(usize, &str)> {
    let level = rest.bytes().take_while(|&b| b == b'#').count();
    if level > 6 {
        return None;
    }
    let after = &rest[level..];
    if after.bytes().all(|b| b == b' ') {
        return Some((level, ""));
    }
    let text = after.strip_prefix(' ')?.trim_start_matches([' ', '\t']);
    let shown = text.trim_end_matches([' ', '\t']);
    (!shown.ends_with('#')).then_some((level, text))
}

/// Whether a line's text (after its indentation) starts no block and interrupts none: it starts with a letter, a
/// character outside ASCII that is not white space, a `[`, a `![`, a quote or a `(`, or with digits not followed
/// by `.` or `)` (an ordered item needs one of them after its number); or with a `*`, `_`, `-` or `+` followed by
/// a character that is not white space, on a line that holds a character other than those marks, `:`, `|`, `=`
/// and white space (`**Note:**`, `_Title_`, `-x`): a bullet needs white space after its mark, and a thematic break,
/// a setext underline and a table's delimiter row hold nothing else.
fn starts_text(line: &str) -> bool {
    let Some(first) = line.chars().next() else {
        return false;
    };
    if first.is_ascii_digit() {
        return !line
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(['.', ')']);
    }
    if matches!(first, '*' | '_' | '-' | '+') {
        return line[1..].starts_with(|c: char| !c.is_whitespace())
            && line.contains(|c: char| {
                !matches!(c, '*' | '-' | '+' | '_' | ':' | '|' | '=') && !c.is_whitespace()
            });
    }
    first.is_ascii_alphabetic()
        || (!first.is_ascii() && !first.is_whitespace())
        || matches!(first, '[' | '"' | '\'' | '(')
        || line.starts_with("![")
}

/// Counts the inline content of one line into `unit` as pulldown-cmark's events would, when it is text, emphasis,
/// backslash escapes, and inline links and images of the plainest syntax (see [`plain_link`]) and nothing else: no
/// byte at which pulldown-cmark looks for other markup (`` ` `` `<`, a `[` or `]` outside a link, CR, NUL, a
/// backslash before a backtick or at the line's end), and no `&` that may start an entity (see [`may_be_entity`]).
/// A text event ends where a link or an image starts or ends, at a backslash that escapes a punctuation mark (the
/// next starts at the mark), and at every run of `*` or `_` that may open or close emphasis (see [`flanking`]);
/// the delimiters of a run that pair with others (see [`Emphasis`]) are markup, the others text, so that the
/// unit's text is counted in the same pieces by the same [`Unit::add`]. The runs outside links pair in `emphasis`,
/// which goes on over the unit's lines; a link's text pairs its own.
fn plain_inlines(line: &str, unit: &mut Unit, emphasis: &mut Emphasis) -> Option<()> {
    inline_text(line, 0..line.len(), None, unit, emphasis)
}

/// Counts `line[range]` as [`plain_inlines`] does: the content of the line when `link` is `None`, else the text of
/// a link (that leads somewhere when `link` is `Some(true)`), which holds images but no link.
fn inline_text(
    line: &str,
    range: Range<usize>,
    link: Option<bool>,
    unit: &mut Unit,
    emphasis: &mut Emphasis,
) -> Option<()> {
    let in_link = link == Some(true);
    let bytes = line.as_bytes();
    let mut text = range.start;
    let mut i = range.start;
    while i < range.end {
        let b = bytes[i];
        if b == b'!' && bytes.get(i + 1) == Some(&b'[') {
            let end = plain_image(line, i)?;
            add_text(unit, &line[text..i], in_link);
            i = end;
            text = end;
        } else if b == b'[' && link.is_none() {
            let (end, shown, leads) = plain_link(line, i)?;
            add_text(unit, &line[text..i], false);
            let mut own = Emphasis::default();
            inline_text(line, shown, Some(leads), unit, &mut own)?;
            own.finish().add_to(unit, leads);
            i = end;
            text = end;
        } else if b == b'*' || b == b'_' {
            let run = bytes[i..range.end].iter().take_while(|&&c| c == b).count();
            let (open, close) = flanking(line, i, run)?;
            if open || close {
                add_text(unit, &line[text..i], in_link);
                emphasis.run(b, run, open, close).add_to(unit, in_link);
                text = i + run;
            }
            i += run;
        } else if b == b'&' {
            if may_be_entity(&bytes[i + 1..]) {
                return None;
            }
            i += 1;
        } else if b == b'\\' {
            match escape(bytes, i)? {
                2 => {
                    add_text(unit, &line[text..i], in_link);
                    text = i + 1;
                    i += 2;
                }
                _ => i += 1,
            }
        } else if INLINE_MARKUP[usize::from(b)] {
            return None;
        } else {
            // Plain text up to the next byte one of the tests above reads: one table load a byte.
            i += 1;
            while i < range.end && !INLINE_TESTED[usize::from(bytes[i])] {
                i += 1;
            }
        }
    }
    add_text(unit, &line[text..range.end], in_link);
    Some(())
}

/// What the backslash at byte `i` takes: 2 when it escapes the ASCII punctuation mark after it, which is text then
/// (pulldown-cmark starts a text event at it), 1 when it is text itself (before anything else); `None` before a
/// backtick (which may still open a code span) or at the end of a line (a hard break).
fn escape(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i + 1) {
        None | Some(b'`' | b'\n' | b'\r') => None,
        Some(c) if c.is_ascii_punctuation() => Some(2),
        Some(_) => Some(1),
    }
}

/// The bytes of inline markup that [`plain_inlines`] leaves to pulldown-cmark, in text and in a link's text or an
/// image's alt: brackets outside a plain link or image, and what may hide a `]` or make it text (a code span,
/// inline HTML or an autolink). `*` and `_` open emphasis, `&` an entity and `\\` an escape only in some places,
/// told apart where they stand; a `|` is text outside a table, and no table is read (its delimiter row is no
/// line [`simple_chunk`] reads, but for a setext underline, taken only under a line without `|`).
const INLINE_MARKUP: [bool; 256] = byte_set(b"`<[]\r\0");

/// The bytes at which [`inline_text`] does more than read on: those of [`INLINE_MARKUP`], and `!` (an image),
/// `*` and `_` (emphasis), `&` (an entity) and a backslash (an escape). Every byte of a line's text is read, and most are
/// none of these.
const INLINE_TESTED: [bool; 256] = byte_set(b"`<[]\r\0!*_&\\");

/// A table of `bytes`: `true` at each of them.
const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        set[bytes[i] as usize] = true;
        i += 1;
    }
    set
}

/// Whether the bytes after a `&` may make it an entity, which pulldown-cmark reads as the character it stands for,
/// in a text event of its own: `#`, an `x`, letters and digits, and a `;`. A `&` before anything else is text.
fn may_be_entity(after: &[u8]) -> bool {
    let name = after
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'#'))
        .unwrap_or(after.len());
    name > 0 && after.get(name) == Some(&b';')
}

/// Whether the run of `len` delimiters (`*` or `_`) at byte `i` of `line` may open emphasis and may close it, as
/// pulldown-cmark tells (CommonMark's left- and right-flanking runs, `_` not inside a word): by the characters before
/// and after it, the start and the end of the line counting as white space. `None` when one of them is outside
/// ASCII and neither white space nor a letter or a digit (whether it is punctuation is left to pulldown-cmark).
fn flanking(line: &str, i: usize, len: usize) -> Option<(bool, bool)> {
    #[derive(PartialEq, Eq)]
    enum Side {
        Space,
        Punct,
        Other,
    }
    let side = |c: Option<char>| match c {
        None => Some(Side::Space),
        Some(c) if c.is_whitespace() => Some(Side::Space),
        Some(c) if c.is_ascii_punctuation() => Some(Side::Punct),
        Some(c) if c.is_ascii() || (c.is_alphanumeric() && !is_letter_symbol(c)) => {
            Some(Side::Other)
        }
        Some(_) => None,
    };
    let star = line.as_bytes()[i] == b'*';
    let before = side(line[..i].chars().next_back())?;
    let after = side(line[i + len..].chars().next())?;
    let open = after != Side::Space && ((star && after != Side::Punct) || before != Side::Other);
    let close = before != Side::Space && ((star && before != Side::Punct) || after != Side::Other);
    Some((open, close))
}

/// Whether `c` is a circled or squared Latin letter (`Ⓐ`, `🅰`): alphabetic to Rust (Other_Alphabetic) but a symbol
/// (category So) that pulldown-cmark's table counts as punctuation, so [`flanking`] leaves it to pulldown-cmark.
fn is_letter_symbol(c: char) -> bool {
    matches!(c, '\u{24B6}'..='\u{24E9}' | '\u{1F130}'..='\u{1F189}')
}

/// The emphasis delimiters of one run of inline content waiting for a closer, paired as pulldown-cmark pairs them
/// (its `InlineStack`, CommonMark's "process emphasis" with the rule of three): a run that may close takes the
/// delimiters of the nearest run before it that may open, with the same character, that it may pair with, and
/// the runs between them turn to text; what a closer leaves is pushed when it may open, else text; what is left at
/// the end is text. The lower bounds are pulldown-cmark's, where a closer of a kind found no opener before.
#[derive(Debug, Default)]
struct Emphasis {
    stack: Vec<Delimiters>,
    lower_bounds: [usize; 9],
}

/// Delimiters of a run that may open emphasis, not yet paired.
#[derive(Debug, Clone, Copy)]
struct Delimiters {
    /// How many are left.
    count: usize,
    /// The length of the run they come from.
    run: usize,
    mark: u8,
    /// Whether the run may close too.
    both: bool,
}

/// Delimiters turned to text, by character.
#[derive(Debug, Default, Clone, Copy)]
struct Stranded {
    stars: usize,
    underscores: usize,
}

impl Stranded {
    fn add(&mut self, mark: u8, count: usize) {
        if mark == b'*' {
            self.stars += count;
        } else {
            self.underscores += count;
        }
    }

    /// Counts them into `unit` as the text events pulldown-cmark gives for them, one per delimiter.
    fn add_to(self, unit: &mut Unit, in_link: bool) {
        const STARS: &str = "****************************************************************";
        const UNDERSCORES: &str =
            "________________________________________________________________";
        for (mut count, marks) in [(self.stars, STARS), (self.underscores, UNDERSCORES)] {
            while count > 0 {
                let n = count.min(marks.len());
                unit.add(&marks[..n], in_link);
                count -= n;
            }
        }
    }
}

impl Emphasis {
    /// Indices into the lower bounds, as pulldown-cmark's `InlineStack` has them.
    const UNDERSCORE_NOT_BOTH: usize = 0;
    const ASTERISK_NOT_BOTH: usize = 1;
    const ASTERISK_BASE: usize = 2;
    const UNDERSCORE_BASE: usize = 6;

    /// Follows a run of `len` delimiters `mark` that may open and may close as told; returns the delimiters that
    /// turned to text.
    fn run(&mut self, mark: u8, len: usize, open: bool, close: bool) -> Stranded {
        let both = open && close;
        let mut count = len;
        let mut text = Stranded::default();
        if close {
            while let Some(opener) = self.find_match(mark, len, both, &mut text) {
                let paired = count.min(opener.count);
                if opener.count > paired {
                    self.stack.push(Delimiters {
                        count: opener.count - paired,
                        ..opener
                    });
                }
                count -= paired;
                if count == 0 {
                    break;
                }
            }
        }
        if count > 0 {
            if open {
                self.stack.push(Delimiters {
                    count,
                    run: len,
                    mark,
                    both,
                });
            } else {
                text.add(mark, count);
            }
        }
        text
    }

    /// The delimiters left at the end, all text; the stack starts afresh.
    fn finish(&mut self) -> Stranded {
        let mut text = Stranded::default();
        for left in self.stack.drain(..) {
            text.add(left.mark, left.count);
        }
        self.lower_bounds = [0; 9];
        text
    }

    fn find_match(
        &mut self,
        mark: u8,
        run: usize,
        both: bool,
        text: &mut Stranded,
    ) -> Option<Delimiters> {
        let lower = self.stack.len().min(self.lower_bound(mark, run, both));
        let found = self.stack[lower..].iter().rposition(|opener| {
            opener.mark == mark
                && ((!both && !opener.both)
                    || !(run + opener.run).is_multiple_of(3)
                    || run.is_multiple_of(3))
        });
        let Some(at) = found.map(|at| at + lower) else {
            self.set_lower_bound(mark, run, both, self.stack.len());
            return None;
        };
        let opener = self.stack[at];
        for between in &self.stack[at + 1..] {
            text.add(between.mark, between.count);
        }
        self.stack.truncate(at);
        for bound in &mut self.lower_bounds {
            *bound = (*bound).min(at);
        }
        Some(opener)
    }

    fn lower_bound(&self, mark: u8, run: usize, both: bool) -> usize {
        let (base, not_both) = Self::bounds(mark);
        let mod3 = self.lower_bounds[base + run % 3];
        if both {
            mod3
        } else {
            mod3.min(self.lower_bounds[not_both])
        }
    }

    fn set_lower_bound(&mut self, mark: u8, run: usize, both: bool, bound: usize) {
        let (base, not_both) = Self::bounds(mark);
        self.lower_bounds[base + run % 3] = bound;
        if !both {
            self.lower_bounds[not_both] = bound;
        }
    }

    fn bounds(mark: u8) -> (usize, usize) {
        if mark == b'_' {
            (Self::UNDERSCORE_BASE, Self::UNDERSCORE_NOT_BOTH)
        } else {
            (Self::ASTERISK_BASE, Self::ASTERISK_NOT_BOTH)
        }
    }
}

/// Counts a text event of `text` into `unit`, as [`Reader::event`] does; pulldown-cmark gives no event for an
/// empty text (a link's text of white space is one, and makes a unit hold a link).
fn add_text(unit: &mut Unit, text: &str, in_link: bool) {
    if !text.is_empty() {
        unit.add(text, in_link);
    }
}

/// The link of the plainest syntax at byte `i` of `line` (a `[`): `[text](dest)`, whose text holds images of the
/// plainest syntax (see [`plain_image`]) and no other brackets, nor anything that may hide one (see
/// [`label_end`]), and whose destination is plain (see [`plain_destination`]). Returns where it ends, where its text
/// is in `line` and whether the link leads somewhere.
fn plain_link(line: &str, i: usize) -> Option<(usize, Range<usize>, bool)> {
    let bytes = line.as_bytes();
    let mut at = i + 1;
    let close = loop {
        at = label_end(bytes, at)?;
        if bytes[at] == b']' {
            break at;
        }
        // A `!` before a `[`: an image in the link's text.
        at = plain_image(line, at)?;
    };
    let (dest, end) = plain_destination(line, close + 1)?;
    Some((end, i + 1..close, leads_to(dest)?))
}

/// Where the image of the plainest syntax at byte `i` of `line` (`![alt](src)`) ends: its alt holds no brackets, nor
/// anything that may hide one (see [`label_end`]), and its source is plain (see [`plain_destination`]). Its alt text
/// is not counted ([`Inline::text`]).
fn plain_image(line: &str, i: usize) -> Option<usize> {
    let bytes = line.as_bytes();
    let close = label_end(bytes, i + 2)?;
    if bytes[close] != b']' {
        return None;
    }
    let (_, end) = plain_destination(line, close + 1)?;
    Some(end)
}

/// The first `]`, or `!` before a `[`, from byte `from` on, in a link's text or an image's alt: `None` when inline
/// markup that could open a bracket or hide one comes first (see [`INLINE_MARKUP`]). A backslash escape is skipped
/// (an escaped `]` closes nothing); one that [`escape`] leaves to pulldown-cmark is markup.
fn label_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        match *bytes.get(at)? {
            b']' => return Some(at),
            b'!' if bytes.get(at + 1) == Some(&b'[') => return Some(at),
            b'\\' => at += escape(bytes, at)?,
            b if INLINE_MARKUP[usize::from(b)] => return None,
            _ => at += 1,
        }
    }
}

/// The destination of an inline link that starts with the `(` at byte `at`, and where the link ends: `(dest)` or
/// `(dest "title")` (one space, a title without `"` or `\`), the destination without spaces, control characters,
/// brackets, quotes, `<`, `>`, `\` or `` ` `` (which could end it elsewhere, be a title, or open a code span
/// over it).
fn plain_destination(line: &str, at: usize) -> Option<(&str, usize)> {
    let bytes = line.as_bytes();
    if bytes.get(at) != Some(&b'(') {
        return None;
    }
    let from = at + 1;
    // Most bytes of a destination are none of those asked about: one table load a byte up to the first that is.
    let j = from
        + bytes[from..]
            .iter()
            .position(|&b| DESTINATION_ENDS[usize::from(b)])?;
    match bytes[j] {
        b')' => Some((&line[from..j], j + 1)),
        b' ' => {
            let title = &bytes[j + 1..];
            if j == from || title.first() != Some(&b'"') {
                return None;
            }
            let close = 1 + title[1..].iter().position(|&b| b == b'"' || b == b'\\')?;
            let closed = title[close] == b'"' && title.get(close + 1) == Some(&b')');
            closed.then_some((&line[from..j], j + 1 + close + 2))
        }
        _ => None,
    }
}

/// The bytes that end a destination in [`plain_destination`]: `)`, a space before a title, and those it leaves to
/// pulldown-cmark (control characters, brackets, quotes, `<`, `>`, `\\`, `` ` ``).
const DESTINATION_ENDS: [bool; 256] = {
    let mut set = byte_set(b"() <>\\\"'`[]\x7f");
    let mut b = 0;
    while b < 0x20 {
        set[b] = true;
        b += 1;
    }
    set
};

/// Whether a link to `dest` leads somewhere ([`leads_somewhere`]) as pulldown-cmark gives `dest`, with its entities
/// read: a `&` may start one, so a destination with a `&` is taken only when the ASCII before it already tells
/// (not empty, not `#`, not the start of `javascript:`), and its entities change nothing that is asked.
fn leads_to(dest: &str) -> Option<bool> {
    if let Some(amp) = dest.find('&') {
        let before = dest[..amp].to_ascii_lowercase();
        if !before.is_ascii()
            || before.is_empty()
            || before == "#"
            || (before.len() < 11 && "javascript:".starts_with(&before))
        {
            return None;
        }
    }
    Some(leads_somewhere(dest))
}

/// A text longer than this is read by [`read`] alone, without keeping its chunks for the next pass (see
/// [`read_cached`]): the chunks would hold a copy of the text.
const SEGMENT_BYTES: usize = 1 << 20;

/// The markdown options of the page read.
const OPTIONS: Options = Options::ENABLE_TABLES;

/// [`read`], parsing the text in segments of about `segment` bytes; the units are the same whatever the size.
fn read_in_segments(text: &str, segment: usize) -> Page {
    let mut reader = Reader::new(text);
    let (segments, definitions) = segments(text, segment);
    // The ends of a list and of the items and lists around it, held back until another event: when they end a
    // segment and the next segment goes on inside them, the ends of the containers it goes on in are dropped, and
    // those stay open as in the whole text.
    let mut ends = Vec::new();
    for Segment { range, join } in &segments {
        let range = range.clone();
        let closed = ends.len().saturating_sub(join.open());
        for end in ends.drain(..).take(closed) {
            reader.event(Event::End(end), range.start);
        }
        let prefix = join.prefix().len();
        let source = join.source(&text[range.clone()]);
        // Follows an event at `at` of `source`.
        let mut follow = |event: Event<'_>, at: Range<usize>| {
            // The prefix's lists and items stand for the containers the segment goes on in: of them, only the
            // ends of the lists and of the items that go on into the segment are read (not its empty items).
            let goes_on = match event {
                Event::End(TagEnd::List(_)) => true,
                Event::End(TagEnd::Item) => at.end > prefix,
                _ => false,
            };
            if at.start < prefix && !goes_on {
                return;
            }
            let at = range.start + at.start.saturating_sub(prefix);
            match event {
                Event::End(end @ TagEnd::List(_)) => ends.push(end),
                Event::End(end @ TagEnd::Item) if !ends.is_empty() => ends.push(end),
                event => {
                    for end in ends.drain(..) {
                        reader.event(Event::End(end), at);
                    }
                    reader.event(event, at);
                }
            }
        };
        match Hollow::find(text, &range, &source, prefix, segment) {
            None => {
                let parser = Parser::new_with_broken_link_callback(
                    &source,
                    OPTIONS,
                    Some(|link| resolve(&definitions, link)),
                );
                for (event, at) in parser.into_offset_iter() {
                    follow(event, at);
                }
            }
            Some(hollow) => {
                // The rest of the segment, with the run taken out, then the run's pieces where it stood.
                let (main, join) = hollow.main(text, &range, &source, prefix);
                let shift = hollow.run.len();
                let moved = |at: usize| if at >= join { at + shift } else { at };
                // The pieces' places in `text`, as places in `source`.
                let in_source = |at: Range<usize>| {
                    at.start + prefix - range.start..at.end + prefix - range.start
                };
                let mut pieces = Some(&hollow);
                let parser = Parser::new_with_broken_link_callback(
                    &main,
                    OPTIONS,
                    Some(|link| resolve(&definitions, link)),
                );
                // The pieces go before the first event at or after the join, or at the end.
                for item in parser.into_offset_iter().map(Some).chain([None]) {
                    if item.as_ref().is_none_or(|(_, at)| at.start >= join) {
                        if let Some(hollow) = pieces.take() {
                            hollow
                                .read(text, &definitions, |event, at| follow(event, in_source(at)));
                        }
                    }
                    if let Some((event, at)) = item {
                        follow(event, moved(at.start)..moved(at.end));
                    }
                }
            }
        }
    }
    for end in ends {
        reader.event(Event::End(end), text.len());
    }
    reader.finish()
}

/// The link a reference names that the parse of a segment did not find: one defined in another segment, as the
/// whole text would find it.
fn resolve<'a>(
    definitions: &Definitions,
    link: BrokenLink<'a>,
) -> Option<(CowStr<'a>, CowStr<'a>)> {
    if definitions.is_empty() {
        return None;
    }
    definitions
        .get(&UniCase::new(link.reference.to_string()))
        .map(|(dest, title)| (CowStr::from(dest.clone()), CowStr::from(title.clone())))
}

/// A run of lines inside one paragraph of a segment that [`read_in_segments`] parses apart from the rest of the
/// segment, in pieces of about a segment's size: pulldown-cmark holds the tree of all it parses at once, some 20
/// bytes for every byte of a paragraph of links, and a list item holding one paragraph of 4 MB could not be cut
/// between blocks (83 MB, issue 17).
///
/// The run is read apart only where no inline construct can cross its edges or the cuts between its pieces, so that
/// every line reads as in the whole paragraph: every line of it, and the line after it, is plain (see [`is_plain`])
/// after the same quote marks as the line before it (see [`quote_marks`]) and leaves nothing open (see [`InlineScan`]),
/// from the last blank line before it on; the lines of its block up to the run's end hold no `]:` (a link reference
/// definition's title could run on into the run, and a piece would read a definition in it as one); and a parse of the
/// segment without the run shows a line break inside a paragraph between the line before the run and the line after it,
/// or a paragraph or an inline construct that holds both (see [`holds_lines`]). Then in the whole text the run's lines
/// are continuation lines of that paragraph (a plain line interrupts no paragraph, and a lazy one closes no container),
/// so the segment without them has the same blocks, and the paragraph's inline content is the run's lines read one
/// piece after the other.
///
/// A paragraph whose lines leave emphasis, code spans, inline HTML or links open across line ends has no such run,
/// and pulldown-cmark would hold the tree of all of it. Past [`OVERSIZED_RUN`] bytes of plain lines it is read in
/// pieces all the same, cut at line ends outside every code span (see [`code_spans_over_lines`]): the blocks are
/// the same (the proof above does not need the inline scan), the rest of each piece pairs its backticks as the
/// paragraph does, and another construct that crosses a cut between two pieces reads as text on both sides, which
/// changes a few characters of link text or punctuation in a unit of over a megabyte.
struct Hollow {
    /// The run, in bytes of the text: from the start of its first line to the start of the line after its last.
    run: Range<usize>,
    /// Where each piece starts, the first at the run's start.
    pieces: Vec<usize>,
    /// How many bytes of quote marks every line of the run starts with (see [`quote_marks`]).
    quote: usize,
}

impl Hollow {
    /// The longest run in the segment `range` of `text` (parsed as `source`, behind a prefix of `prefix` bytes) that
    /// may be read apart, when it is at least `piece` bytes long and the segment is longer than that; a run of plain
    /// lines that leaves something open is taken when it is at least [`OVERSIZED_RUN`] bytes long.
    fn find(
        text: &str,
        range: &Range<usize>,
        source: &str,
        prefix: usize,
        piece: usize,
    ) -> Option<Hollow> {
        let part = &text[range.clone()];
        if part.len() <= piece {
            return None;
        }
        let mut scan = InlineScan::default();
        // The best run, where the lines of its block start (after the last blank line before it), and the quote
        // marks its lines start with.
        let (mut best, mut best_block, mut best_quote) = (0..0, range.start, 0);
        let mut run = RunStart::default();
        // The same for plain lines, whatever they leave open.
        let (mut plain_best, mut plain_block, mut plain_quote) = (0..0, range.start, 0);
        let mut plain_run = RunStart::default();
        let mut block = range.start;
        let mut at = range.start;
        for line in md_lines(part) {
            let start = at;
            at += line.len();
            if is_blank(line) {
                (scan, run, plain_run) = Default::default();
                block = at;
                continue;
            }
            let (quote, content) = quote_marks(line);
            let plain = is_plain(content);
            if plain {
                if let Some(from) = plain_run.follow(quote) {
                    if start - from > plain_best.len() {
                        (plain_best, plain_block, plain_quote) = (from..start, block, quote.len());
                    }
                }
                plain_run.begin(at, quote);
            } else {
                plain_run = RunStart::default();
            }
            let clean_before = scan.is_clean();
            scan.line(content);
            if !(clean_before && plain) {
                run = RunStart::default();
                continue;
            }
            // This line may follow the run: the run so far ends at its start.
            if let Some(from) = run.follow(quote) {
                if start - from > best.len() {
                    (best, best_block, best_quote) = (from..start, block, quote.len());
                }
            }
            // The run starts on the line after this one: this one stays, the paragraph's line before the run.
            if scan.is_clean() {
                run.begin(at, quote);
            } else {
                run = RunStart::default();
            }
        }
        // The code spans that go on over a line end, in the order they start: an oversized run is cut only at a line
        // start outside them, where the rest of the paragraph pairs its backticks as it does alone.
        let mut spans = Vec::new();
        if best.len() < piece {
            if plain_best.len() < piece.max(OVERSIZED_RUN) {
                return None;
            }
            (best, best_block, best_quote) = (plain_best, plain_block, plain_quote);
            let rest = &text[best.end..range.end];
            let end = md_lines(rest)
                .scan(best.end, |at, line| {
                    let start = *at;
                    *at += line.len();
                    Some((start, line))
                })
                .find(|(_, line)| is_blank(line))
                .map_or(range.end, |(start, _)| start);
            spans = code_spans_over_lines(text, best_block, end);
        }
        // A link reference definition whose title could run on into the run starts after the last blank line
        // before it (a title holds no blank line), and one inside the run would start a piece's paragraph.
        if text[best_block..best.end].contains("]:") {
            return None;
        }
        let mut spans = spans.into_iter().peekable();
        let mut outside = |at: usize| {
            while spans.next_if(|span| span.end <= at).is_some() {}
            spans.peek().is_none_or(|span| span.start >= at)
        };
        // The run's edges too: the line starts of the run outside every code span, where there are some.
        let starts: Vec<usize> = md_lines(&text[best.clone()])
            .scan(best.start, |at, line| {
                let start = *at;
                *at += line.len();
                Some(start)
            })
            .chain([best.end])
            .filter(|&at| outside(at))
            .collect();
        if let (Some(&first), Some(&last)) = (starts.first(), starts.last()) {
            if first < last {
                best = first..last;
            }
        }
        let mut pieces = vec![best.start];
        let mut at = best.start;
        let mut cuts = starts.iter().copied().peekable();
        for line in md_lines(&text[best.clone()]) {
            let last = pieces[pieces.len() - 1];
            // A code span over more than OVERSIZED_RUN is cut all the same.
            let outside = cuts.next_if_eq(&at).is_some();
            if at - last >= piece && (outside || at - last >= OVERSIZED_RUN) {
                pieces.push(at);
            }
            at += line.len();
        }
        let hollow = Hollow {
            run: best,
            pieces,
            quote: best_quote,
        };
        let (main, join) = hollow.main(text, range, source, prefix);
        // A line break inside a paragraph (or a heading) right before the join: a list item's paragraph has no
        // events of its own in a tight list. Or a paragraph, or an inline construct, that holds the line before the
        // join and goes on past it: the two lines are one paragraph's although a construct (a tag, a code span)
        // crosses the line break between them and hides it, and inline content is a paragraph's (or a heading's:
        // a setext heading's lines are a paragraph's until its underline), also in a tight item.
        let mut broken = false;
        for (event, at) in Parser::new_ext(&main, OPTIONS).into_offset_iter() {
            if at.start >= join {
                return broken.then_some(hollow);
            }
            if at.end > join && holds_lines(&event) {
                return Some(hollow);
            }
            broken = matches!(event, Event::SoftBreak | Event::HardBreak);
        }
        None
    }

    /// The segment's source without the run, and where the run stood in it.
    fn main(
        &self,
        text: &str,
        range: &Range<usize>,
        source: &str,
        prefix: usize,
    ) -> (String, usize) {
        let join = prefix + self.run.start - range.start;
        let mut main = String::with_capacity(source.len() - self.run.len());
        main.push_str(&source[..join]);
        main.push_str(&text[self.run.end..range.end]);
        (main, join)
    }

    /// Parses the run piece by piece, each from its first line's text (its indentation left out), and gives `follow`
    /// every inline event with its place in `text`.
    fn read(
        &self,
        text: &str,
        definitions: &Definitions,
        mut follow: impl FnMut(Event<'_>, Range<usize>),
    ) {
        let ends = self.pieces.iter().skip(1).copied().chain([self.run.end]);
        for (start, end) in self.pieces.iter().copied().zip(ends) {
            let piece = self.unquoted(&text[start..end]);
            let lead = piece.len() - piece.trim_start_matches(' ').len();
            let start = start + lead;
            let parser = Parser::new_with_broken_link_callback(
                &piece[lead..],
                OPTIONS,
                Some(|link| resolve(definitions, link)),
            );
            for (event, at) in parser.into_offset_iter() {
                // A piece of plain lines is one paragraph, whose lines go on the paragraph of the segment (which
                // has no events of its own in a tight list item): only its inline content is read.
                if !matches!(
                    event,
                    Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                ) {
                    follow(event, start + at.start..start + at.end);
                }
            }
        }
    }

    /// A piece of the run as its paragraph holds it: the quote marks every line starts with (see [`quote_marks`])
    /// turned into spaces, which keeps the piece's offsets those of the text and its lines those of the paragraph
    /// (a paragraph's line reads the same after any spaces).
    fn unquoted<'p>(&self, piece: &'p str) -> Cow<'p, str> {
        if self.quote == 0 {
            return Cow::Borrowed(piece);
        }
        let mut unquoted = String::with_capacity(piece.len());
        for line in md_lines(piece) {
            let (marks, rest) = line.split_at(self.quote);
            unquoted.extend(std::iter::repeat_n(' ', marks.len()));
            unquoted.push_str(rest);
        }
        Cow::Owned(unquoted)
    }
}

/// The code spans of the paragraph text `text[from..to]` that go on over a line end, in the order they start, as
/// CommonMark pairs backtick strings: outside a code span a backslash makes the character after it text, a backtick
/// too, and a string of backticks opens a code span that closes at the next string of the same length (inside it a
/// backslash is text), or is text when no such string follows. Raw HTML and autolinks, which take a backtick they
/// hold before a code span could, are not followed.
fn code_spans_over_lines(text: &str, from: usize, to: usize) -> Vec<Range<usize>> {
    let bytes = &text.as_bytes()[..to];
    let string_end = |at: usize| at + bytes[at..].iter().take_while(|&&b| b == b'`').count();
    // Where every string of backticks starts, by its length.
    let mut strings: HashMap<usize, Vec<usize>> = HashMap::default();
    let mut at = from;
    while let Some(i) = memchr::memchr(b'`', &bytes[at..]) {
        let end = string_end(at + i);
        strings.entry(end - at - i).or_default().push(at + i);
        at = end;
    }
    // For each length, the first string not yet passed.
    let mut next: HashMap<usize, usize> = HashMap::default();
    let mut spans = Vec::new();
    let mut at = from;
    while let Some(i) = memchr::memchr2(b'`', b'\\', &bytes[at..]) {
        let open = at + i;
        if bytes[open] == b'\\' {
            at = (open + 2).min(bytes.len());
            continue;
        }
        let len = string_end(open) - open;
        let close = strings.get(&len).and_then(|starts| {
            let cursor = next.entry(len).or_default();
            while starts.get(*cursor).is_some_and(|&start| start <= open) {
                *cursor += 1;
            }
            starts.get(*cursor).copied()
        });
        at = match close {
            Some(close) => {
                if memchr::memchr(b'\n', &bytes[open..close]).is_some() {
                    spans.push(open..close + len);
                }
                close + len
            }
            None => open + len,
        };
    }
    spans
}

/// Whether an event that starts before a line end and goes on past it shows that the lines around the line end are
/// one paragraph's: a paragraph, or inline content (a code span, inline HTML, emphasis, a link), which only a
/// paragraph or a heading holds, and of these only a paragraph (a setext heading's lines until its underline) goes
/// on over a line end.
fn holds_lines(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::Start(
            Tag::Paragraph
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. }
        ) | Event::Code(_)
            | Event::InlineHtml(_)
    )
}

/// Where a run of a paragraph's lines that [`Hollow::find`] follows starts, and the quote marks (see
/// [`quote_marks`]) of the paragraph's line before it, which every line of the run and the line after it start with:
/// that one joins the paragraph in the parse without the run shows that every mark of it continues a quote around
/// the paragraph.
#[derive(Debug, Default, Clone, Copy)]
struct RunStart<'l> {
    /// The start of the run's first line.
    from: Option<usize>,
    quote: &'l str,
}

impl<'l> RunStart<'l> {
    /// The start of the run when the next line, whose quote marks are `quote`, may follow it.
    fn follow(&mut self, quote: &'l str) -> Option<usize> {
        if self.quote != quote {
            *self = RunStart::default();
        }
        self.from
    }

    /// A run starts after the line that ends at `at`, with `quote`, unless one goes on.
    fn begin(&mut self, at: usize, quote: &'l str) {
        if self.from.is_none() {
            *self = RunStart {
                from: Some(at),
                quote,
            };
        }
    }
}

/// The quote marks a line starts with, when it starts with some, and the rest of the line: the spaces and `>`
/// before its first other character, when the first `>` follows at most three spaces and every other one at most
/// four after the `>` before it. Such a line that joins a paragraph (a run's line after it, in the parse without
/// the run: [`Hollow::find`]) has every `>` taken by a quote around the paragraph: the quotes and list items
/// around it take from the line's start spaces and `>` (a quote up to three spaces, its `>` and one space after
/// it, an item its indentation), and wherever they stop, the next `>` follows at most three spaces and would open
/// a quote, which interrupts a paragraph, and which no lazy line starts. The same marks before another line take
/// the same, in the same containers: what follows them is the line as the paragraph holds it, and a plain one
/// (see [`is_plain`]) goes on with the paragraph. A line without a `>` there has no marks; its spaces are the
/// rest's.
fn quote_marks(line: &str) -> (&str, &str) {
    let lead = line.bytes().take_while(|&b| b == b' ' || b == b'>').count();
    let mut after = 0;
    for (n, (i, _)) in line[..lead].match_indices('>').enumerate() {
        // Marks that are not all taken so: no run holds the line (it starts with `>`, after spaces).
        if i - after > if n == 0 { 3 } else { 4 } {
            return ("", line);
        }
        after = i + 1;
    }
    line.split_at(lead * usize::from(after > 0))
}

/// A run of a paragraph's plain lines this long is read in pieces even where an inline construct crosses a line
/// end (see [`Hollow`]): pulldown-cmark holds some 30 bytes for every byte of a paragraph it parses whole, and no
/// paragraph of a page comes near a megabyte.
const OVERSIZED_RUN: usize = 1 << 20;

/// Whether a line may be a continuation line that [`Hollow`] reads apart: one that starts no block that could
/// interrupt a paragraph or be read instead of one (a heading, a list item, a quote, a fence, HTML, a thematic
/// break, a setext underline, a table's delimiter row), so that, at the start of a piece, it starts a paragraph.
/// After spaces it starts with
/// - a letter, a `[`, a quote, a `(` or any character outside ASCII: no block starts so;
/// - digits not followed by `.` or `)` (`2019 was`): an ordered list item needs one of them after its number;
/// - a `*`, `-`, `+` or `_` followed by a character that is not white space (`*x* and`, `-x`), on a line that
///   holds a character other than those marks, `:`, `|`, `=` and white space: a bullet needs white space after its
///   mark, and a thematic break, a setext underline and a delimiter row hold nothing else.
fn is_plain(line: &str) -> bool {
    let text = line.trim_start_matches(' ');
    let Some(first) = text.chars().next() else {
        return false;
    };
    if first.is_ascii_alphabetic() || matches!(first, '[' | '"' | '\'' | '(') || !first.is_ascii() {
        return true;
    }
    if first.is_ascii_digit() {
        let after = text.trim_start_matches(|c: char| c.is_ascii_digit());
        return !after.starts_with(['.', ')']);
    }
    matches!(first, '*' | '-' | '+' | '_')
        && text[1..].starts_with(|c: char| !c.is_whitespace())
        && text.contains(|c: char| {
            !matches!(c, '*' | '-' | '+' | '_' | ':' | '|' | '=') && !c.is_whitespace()
        })
}

/// What may be open at the end of a line of a paragraph, read from the last blank line before it on (from before
/// the paragraph's start, which only adds to what may be open): link and image openers not yet closed by a `]`,
/// or anything this scan does not follow.
///
/// A line with code spans, emphasis or inline HTML leaves nothing open when, parsed alone, every `` ` ``, `*`, `_`
/// and `<` of it is taken by one of them (none is left in its text). Then in the paragraph, where the lines before
/// it left nothing open, it reads as alone: a code span closes at the first backtick string of its length after it,
/// which is on the line; an HTML tag or autolink ends where its grammar ends, on the line; and emphasis pairs each
/// closer with an opener before it that is still open, and the lines before left none open, so each closer of the
/// line takes the opener it takes alone, and no opener of the line is left for a later closer.
#[derive(Debug, Default, Clone, Copy)]
struct InlineScan {
    /// `[` and `![` openers on the stack: every `]` takes the last one off, whether or not it makes a link.
    depth: usize,
    /// A character of a construct that may span lines and that this scan does not follow (a backslash escape or
    /// hard break, `~`, a tab, or a code span, emphasis or inline HTML that is not closed on its line), a link
    /// destination that does not close on its line or holds what could open one, or a line ending in `]` (a
    /// reference label could follow).
    tainted: bool,
}

impl InlineScan {
    fn is_clean(&self) -> bool {
        self.depth == 0 && !self.tainted
    }

    /// Follows one line.
    fn line(&mut self, line: &str) {
        let content = line.trim_end_matches(['\n', '\r', ' ']).as_bytes();
        if content.last() == Some(&b']') {
            self.tainted = true;
        }
        let mut spans = false;
        let mut i = 0;
        while i < content.len() && !self.tainted {
            match content[i] {
                b'\\' | b'~' | b'\t' => self.tainted = true,
                b'`' | b'<' | b'*' | b'_' => spans = true,
                b'[' => self.depth += 1,
                b']' => {
                    self.depth = self.depth.saturating_sub(1);
                    if content.get(i + 1) == Some(&b'(') {
                        // A destination without spaces, quotes or brackets that closes on the line.
                        let rest = &content[i + 2..];
                        match rest.iter().position(|&b| {
                            matches!(b, b')' | b' ' | b'(' | b'"' | b'\'' | b'[' | b']')
                        }) {
                            Some(j) if rest[j] == b')' => i += 2 + j,
                            _ => self.tainted = true,
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if spans && !self.tainted && !closes_its_spans(line) {
            self.tainted = true;
        }
    }
}

/// Whether a line, parsed alone, is one paragraph that leaves no `` ` ``, `*`, `_` or `<` in its text: every one
/// opens or closes a code span, emphasis, inline HTML or an autolink of the line (see [`InlineScan`]). A line read
/// as another block alone (an HTML block, a heading) may be inline text in the paragraph: it is not told. A list
/// item's marker left in a paragraph as text (`-`, `+`, `1.`, `*` and a space) opens nothing.
fn closes_its_spans(line: &str) -> bool {
    let line = line.trim_matches([' ', '\n', '\r']);
    Parser::new_ext(line, OPTIONS).all(|event| match event {
        Event::Text(text) => !text.contains(['`', '*', '_', '<']),
        Event::Start(tag) => matches!(
            tag,
            Tag::Paragraph
                | Tag::List(_)
                | Tag::Item
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::SoftBreak
        | Event::HardBreak => true,
        _ => false,
    })
}

/// A part of a text parsed on its own (see [`segments`]).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    range: Range<usize>,
    join: Join,
}

/// How a segment starts: where every block before it is closed, between two items of a top-level list that
/// the segment before it ends in (see [`item_join`]), or between two items of a list nested, at any depth, in the
/// last item of such a list (see [`stack_join`]).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Join {
    Closed,
    /// Among the items of a list with this marker (the bullet, or the delimiter after an item's number), which
    /// is loose or tight as the whole list is.
    Items {
        marker: u8,
        loose: bool,
    },
    /// Among the items of the last of these lists, each nested in the last item of the one before it, from a
    /// top-level list on; every item that holds the next list has its content one space after its marker, at
    /// the column of the prefix's empty item.
    Stack(Box<[Level]>),
}

/// One list of a [`Join::Stack`]: the marker of its items, how wide it is (a bullet 1, `1.` 2, `10.` 3), and, for
/// the last list, whether it is loose (`None` for the lists that hold it: the segment holds none of their own
/// content, see [`stack_join`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Level {
    marker: u8,
    width: usize,
    loose: Option<bool>,
}

impl Join {
    /// What a segment is parsed with in front of it: after a cut between items, an empty item of the list, and a
    /// blank line when the list is loose, so that pulldown-cmark reads the segment's items as items of the list
    /// it goes on with, loose or tight as the whole list; after a cut between nested items, an empty item of
    /// every list of the stack, each at the column of the content of the one before, and a blank line when the
    /// last list is loose.
    fn prefix(&self) -> Cow<'static, str> {
        match self {
            Join::Closed => Cow::Borrowed(""),
            Join::Items { marker, loose } => {
                let blank = if *loose { "\n" } else { "" };
                Cow::Owned(format!("{}\n{blank}", item_text(*marker, 1)))
            }
            Join::Stack(levels) => {
                let mut prefix = String::new();
                let mut column = 0;
                for level in levels.iter() {
                    prefix.push_str(&format!(
                        "{:column$}{}\n",
                        "",
                        item_text(level.marker, level.width)
                    ));
                    column += level.width + 1;
                }
                if levels.last().is_some_and(|level| level.loose == Some(true)) {
                    prefix.push('\n');
                }
                Cow::Owned(prefix)
            }
        }
    }

    /// The top-level list a segment goes on with: its marker, and whether it is loose, when that is known.
    fn list(&self) -> Option<(u8, bool)> {
        match self {
            Join::Closed => None,
            Join::Items { marker, loose } => Some((*marker, *loose)),
            Join::Stack(levels) => {
                let top = levels.first()?;
                Some((top.marker, top.loose?))
            }
        }
    }

    /// The lists a segment goes on in, from the top level on.
    fn levels(&self) -> Cow<'_, [Level]> {
        match self {
            Join::Closed => Cow::Borrowed(&[]),
            Join::Items { marker, loose } => Cow::Owned(vec![Level {
                marker: *marker,
                width: 1 + usize::from(matches!(marker, b'.' | b')')),
                loose: Some(*loose),
            }]),
            Join::Stack(levels) => Cow::Borrowed(levels),
        }
    }

    /// How many containers that a segment's prefix opens the segment goes on in: the ends of so many held back
    /// at the end of the segment before are dropped (every list, and every item but the last list's).
    fn open(&self) -> usize {
        match self {
            Join::Closed => 0,
            Join::Items { .. } => 1,
            Join::Stack(levels) => (2 * levels.len()).saturating_sub(1),
        }
    }

    /// The text a segment `part` is parsed as: its prefix and itself.
    fn source<'p>(&self, part: &'p str) -> Cow<'p, str> {
        match self.prefix() {
            Cow::Borrowed("") => Cow::Borrowed(part),
            prefix => Cow::Owned(format!("{prefix}{part}")),
        }
    }
}

/// The marker of an empty list item with `marker` and `width`: a bullet, or the number 1 written with as many
/// digits as the item it stands for (`01.`), so that its content starts at the same column.
fn item_text(marker: u8, width: usize) -> String {
    match marker {
        b'.' | b')' => format!(
            "{:0>digits$}{}",
            1,
            marker as char,
            digits = width.saturating_sub(1).max(1)
        ),
        b'+' => "+".to_string(),
        b'*' => "*".to_string(),
        _ => "-".to_string(),
    }
}

/// The link reference definitions of a text read in segments, by label (the first definition of a label wins).
type Definitions = HashMap<UniCase<String>, (String, String)>;

/// The segments a text is parsed in, with the link reference definitions of all of them. A text up to `segment`
/// bytes is one. A longer one is cut at least `segment` bytes on, before the first line that starts a block at
/// the top level after a blank line (not indented, not a list item: every list, quote and indented code block is
/// closed there), or that starts an item of a top-level list which a parse of the segment shows to hold every
/// line before it (see [`item_join`]), or, tried first, an item of a list nested at any depth in such a list's
/// last item (see [`stack_join`]), where no fenced code block or HTML block of the segment runs on (else
/// the segment grows). A link, a code span or a reference definition never crosses either: a block start after a
/// blank line ends every paragraph, and a list item closes the item before it. A label defined in two segments
/// (the first definition wins over the whole text, the one of its own segment within one) makes the whole text
/// one segment.
fn segments(text: &str, segment: usize) -> (Vec<Segment>, Definitions) {
    let whole = || {
        let whole = Segment {
            range: 0..text.len(),
            join: Join::Closed,
        };
        (vec![whole], Definitions::default())
    };
    if text.len() <= segment {
        return whole();
    }
    let mut segments = Vec::new();
    let mut definitions = Definitions::default();
    let (mut start, mut join, mut want) = (0, Join::Closed, segment);
    let mut tight = TightEnd::default();
    let mut inside = InsideEnd::default();
    while start < text.len() {
        let cut = next_cut(text, start + want);
        let end = cut.map_or(text.len(), |(at, _)| at);
        // A cut between nested items before it is tried first; when it does not join, the cut after it.
        let mut nested = None;
        let mut from = start + want;
        for _ in 0..NESTED_TRIES {
            let Some((at, marker, indent)) = next_nested_cut(text, from, end) else {
                break;
            };
            let cut = Cut {
                text,
                start,
                end: at,
                marker,
                indent,
                segment,
            };
            if let Some(tried) = try_cut(&cut, &join, &mut tight, &mut inside) {
                nested = Some((at, tried));
                break;
            }
            from = at + 1;
        }
        let (end, (next, found)) = match nested {
            Some(nested) => nested,
            None => {
                let cut = Cut {
                    text,
                    start,
                    end,
                    marker: cut.and_then(|(_, marker)| marker).unwrap_or(0),
                    indent: 0,
                    segment,
                };
                match try_cut(&cut, &join, &mut tight, &mut inside) {
                    Some(tried) => (end, tried),
                    None => {
                        want *= 2;
                        continue;
                    }
                }
            }
        };
        for (label, def) in found {
            if definitions.insert(label, def).is_some() {
                return whole();
            }
        }
        segments.push(Segment {
            range: start..end,
            join: std::mem::replace(&mut join, next),
        });
        start = end;
        want = segment;
    }
    (segments, definitions)
}

/// How many places between nested items [`segments`] tries before the next cut at the top level: each try parses
/// the segment.
const NESTED_TRIES: usize = 3;

/// The link reference definitions of a segment, as a parse of it finds them.
type Found = Vec<(UniCase<String>, (String, String))>;

/// How the segment after `cut` starts, and the link reference definitions of the segment before it: `None` when
/// the text cannot be cut there. A cut before a line that starts an item (`cut.marker` is not 0) must join (see
/// [`item_join`] and [`stack_join`]); no fenced code block or HTML block may run on over any cut.
fn try_cut(
    cut: &Cut<'_>,
    join: &Join,
    tight: &mut TightEnd,
    inside: &mut InsideEnd,
) -> Option<(Join, Found)> {
    let (text, end) = (cut.text, cut.end);
    let part = &text[cut.start..end];
    let item = cut.marker != 0;
    let defines = part.contains("]:");
    // Only a backtick or tilde fence, or a `<`, opens a block that a blank line does not end.
    let may_run_on = end < text.len() && part.contains(['`', '~', '<']);
    let mut found = Vec::new();
    let mut next = Join::Closed;
    if defines || may_run_on || item {
        let source = join.source(part);
        // A long run of one paragraph is left out of the parse (see [`Hollow`]): it holds no block, and the
        // paragraph's line before it holds what the survey reads of the paragraph.
        let prefix = join.prefix().len();
        let (main, at_run, shift) =
            match Hollow::find(text, &(cut.start..end), &source, prefix, cut.segment) {
                Some(hollow) => {
                    let (main, at_run) = hollow.main(text, &(cut.start..end), &source, prefix);
                    (Cow::Owned(main), at_run, hollow.run.len())
                }
                None => (Cow::Borrowed(&*source), usize::MAX, 0),
            };
        let moved = |at: usize| if at >= at_run { at + shift } else { at };
        let parser = Parser::new_ext(&main, OPTIONS);
        for (label, def) in parser.reference_definitions().iter() {
            let title = def.title.as_deref().unwrap_or_default();
            let def = (def.dest.to_string(), title.to_string());
            found.push((UniCase::new(label.to_string()), def));
        }
        let events = parser
            .into_offset_iter()
            .map(|(event, at)| (event, moved(at.start)..moved(at.end)));
        let survey = survey(events, &source);
        if item {
            next = if cut.indent == 0 {
                item_join(cut, join, &survey, tight)?
            } else {
                stack_join(cut, join, &survey, &source, inside)?
            };
        }
        if may_run_on && survey.runs_on {
            return None;
        }
    }
    Some((next, found))
}

/// What a parse of a segment tells about where it may end.
#[derive(Debug, Default)]
struct Survey {
    /// Whether a fenced code block or an HTML block runs past the segment's last line that is not blank: cut off
    /// by the end of the segment, it would go on in the whole text.
    runs_on: bool,
    /// The segment's last block at the top level, when it is a list and nothing follows it.
    last_list: Option<ListSurvey>,
    /// The blocks open at the segment's end, from the top level on: its last block, the last block in that, and
    /// so on (lists and their last items, when they are).
    chain: Vec<ListSurvey>,
}

/// A block as a parse of its segment reads it: for a list, what its items hold.
#[derive(Debug, Clone, Copy)]
struct ListSurvey {
    kind: Open,
    /// Where it starts in the text parsed (its prefix included).
    start: usize,
    /// Whether its items hold inline content of their own, as a tight list's items hold their text.
    inline: bool,
    /// Whether its items hold paragraphs, as a loose list's items hold their text.
    paragraphs: bool,
}

/// What kind of block a [`ListSurvey`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    List,
    Item,
    Other,
}

/// Reads a parse of a segment `source` for [`Survey`].
fn survey<'a>(events: impl Iterator<Item = (Event<'a>, Range<usize>)>, source: &str) -> Survey {
    let last_line_end = last_line_end(source);
    let mut runs_on = false;
    // The blocks open, and those the last run of ends closed (innermost first): at the end of the text, every
    // block open there.
    let mut open: Vec<ListSurvey> = Vec::new();
    let mut closed: Vec<ListSurvey> = Vec::new();
    let mut ending = false;
    for (event, at) in events {
        runs_on |= matches!(event, Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock))
            && at.end > last_line_end;
        if let Event::End(_) = event {
            if !ending {
                closed.clear();
                ending = true;
            }
            closed.extend(open.pop());
            continue;
        }
        ending = false;
        // What the innermost item holds of its own is its list's.
        let held = match &event {
            Event::Start(Tag::Paragraph) => Some(false),
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. },
            ) => Some(true),
            Event::Start(_) | Event::Rule => None,
            _ => Some(true),
        };
        if let (Some(inline), [.., list, item]) = (held, open.as_mut_slice()) {
            if list.kind == Open::List && item.kind == Open::Item {
                list.inline |= inline;
                list.paragraphs |= !inline;
            }
        }
        if let Event::Start(tag) = event {
            let kind = match tag {
                Tag::List(_) => Open::List,
                Tag::Item => Open::Item,
                _ => Open::Other,
            };
            open.push(ListSurvey {
                kind,
                start: at.start,
                inline: false,
                paragraphs: false,
            });
        }
    }
    if !ending {
        closed.clear();
    }
    closed.reverse();
    Survey {
        runs_on,
        last_list: closed
            .first()
            .copied()
            .filter(|list| list.kind == Open::List),
        chain: closed,
    }
}

/// A place to cut a text: before the line at `end` that starts an item with `marker` at the top level, after a
/// segment that starts at `start`.
struct Cut<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    marker: u8,
    /// The indentation of the item's line: 0 at the top level, else the item is nested (see [`stack_join`]).
    indent: usize,
    /// The size of a segment: a run of a paragraph this long is left out of a parse (see [`Hollow`]).
    segment: usize,
}

/// How the segment after `cut` starts, when the cut falls between two items of one list, the segment's last block
/// (`survey`, of the segment as parsed after `join`), and the segment after it can be read as that list's items:
/// `None` when it cannot. The list must be the segment's last block at the top level, with the marker of the
/// item after the cut, and no fenced code or HTML block may run on. The next segment's prefix then makes it
/// loose or tight as the whole list: loose when a blank line separates two of its items (before the cut, or in
/// it as the parse's paragraphs show), and the items before the cut must then hold no text that a tight list's
/// items hold; tight when it has no blank line from its start to its end (the lines after the cut are read up to
/// the first blank line, and the line after that must end the list).
fn item_join(cut: &Cut<'_>, join: &Join, survey: &Survey, tight: &mut TightEnd) -> Option<Join> {
    let list = survey.last_list.filter(|_| !survey.runs_on)?;
    let prefix = join.prefix().len();
    // The list's marker, and where it starts: in this segment, or in one before (then the join says how).
    let (marker, from, before) = match join.list() {
        Some((marker, loose)) if list.start < prefix => (marker, cut.start, Some(loose)),
        _ => {
            let at = cut.start + list.start.checked_sub(prefix)?;
            (item_marker(&cut.text[at..], 3)?.0, at, None)
        }
    };
    if marker != cut.marker {
        return None;
    }
    let part = &cut.text[cut.start..cut.end];
    let loose =
        before == Some(true) || md_lines(part).last().is_some_and(is_blank) || list.paragraphs;
    let joins = if loose {
        before != Some(false) && !list.inline
    } else {
        !md_lines(&cut.text[from..cut.end]).any(is_blank) && tight.holds(cut.text, cut.end, marker)
    };
    joins.then_some(Join::Items { marker, loose })
}

/// How the segment after `cut` starts, when the cut falls between two items of a list nested in the last item of
/// a list, itself nested so up to a top-level list that is the segment's last block (`survey`, of the segment as
/// parsed after `join` as `source`), and the segment after it can be read as that list's items: `None` when it
/// cannot. Every item that holds the next list of the stack must have its content one space after its marker
/// (the column of the prefix's empty item), with the next list's items at that column; the item after the cut
/// must be one of the list's (its marker, at most three columns further in, and before the content of the item
/// before it). Every line after the cut must stay in the list (see [`InsideEnd`]) until a blank line and a line
/// that closes every list, or the end: then the segment holds no content of the lists around it, whether they
/// are loose or tight does not change how it reads, and nothing after the cut makes them loose. The list itself
/// is loose when a blank line separates two of its items before the cut (as a parse shows, or as the join before
/// says) or at it, and its items before the cut must then hold no text that a tight list's items hold; it is
/// tight when it has no blank line from its start to its end.
fn stack_join(
    cut: &Cut<'_>,
    join: &Join,
    survey: &Survey,
    source: &str,
    inside: &mut InsideEnd,
) -> Option<Join> {
    if survey.runs_on {
        return None;
    }
    let prefix = join.prefix().len();
    let before = join.levels();
    let mut levels = Vec::new();
    // The column of the content of the item that holds the list of this level.
    let mut column = 0;
    for (level, pair) in survey.chain.chunks(2).enumerate() {
        let [list, item] = pair else {
            return None;
        };
        if list.kind != Open::List || item.kind != Open::Item {
            return None;
        }
        // The item's marker, its width, where the marker stands and where its content starts.
        let (marker, width, lead, content) = if item.start < prefix {
            let Level { marker, width, .. } = *before.get(level)?;
            (marker, width, column, column + width + 1)
        } else {
            let line = line_at(source, item.start);
            let lead = line.bytes().take_while(|&b| b == b' ').count();
            let (marker, width) = item_marker(&line[lead..], 0)?;
            (marker, width, lead, lead + content_column(&line[lead..])?)
        };
        if list.start < prefix && before.get(level).is_none_or(|l| l.marker != marker) {
            return None;
        }
        if cut.indent >= content {
            // The cut is further in: this item holds the next list, and is written as the prefix's empty item.
            if lead != column || content != column + width + 1 {
                return None;
            }
            levels.push(Level {
                marker,
                width,
                loose: None,
            });
            column = content;
            continue;
        }
        // The cut is between two items of this list.
        if level == 0 || !(column..=column + 3).contains(&lead) {
            return None;
        }
        if cut.indent > column + 3 || cut.marker != marker {
            return None;
        }
        let part = &cut.text[cut.start..cut.end];
        let from_prefix = list.start < prefix;
        // A list the segment goes on with: the join before says whether it is loose.
        let known = if from_prefix {
            Some(before.get(level)?.loose?)
        } else {
            None
        };
        let after_blank = md_lines(part).last().is_some_and(is_blank);
        let loose = known == Some(true) || list.paragraphs || after_blank;
        if loose && list.inline {
            return None;
        }
        if !loose {
            // Tight: no blank line from its start to the cut (one it started before was tight there).
            let from = if from_prefix {
                cut.start
            } else {
                cut.start + list.start - prefix
            };
            if md_lines(&cut.text[from..cut.end]).any(is_blank) {
                return None;
            }
        }
        if !inside.holds(cut.text, cut.end, column, marker, loose) {
            return None;
        }
        levels.push(Level {
            marker,
            width,
            loose: Some(loose),
        });
        return Some(Join::Stack(levels.into()));
    }
    None
}

/// The deepest column a nested item is cut at: the prefix holds an empty item for every list around it.
const MAX_STACK_INDENT: usize = 64;

/// Whether the lines from a cut between two items of a nested list stay in that list until every list is closed,
/// as [`InsideEnd::holds`] found it last: for a cut from `from` to `until`, the answer is the same.
#[derive(Debug, Default)]
struct InsideEnd {
    from: usize,
    until: usize,
    column: usize,
    marker: u8,
    loose: bool,
    holds: bool,
}

impl InsideEnd {
    /// Whether, from the item at byte `at` of `text` on, every line stays in the list whose items with `marker`
    /// stand at `column` (up to three further in): it is blank, inside an item (indented at least to the item's
    /// content), or an item of the list with text one to four spaces after its marker, until a blank line and a
    /// line that starts a block at the top level (see [`starts_block`]), which closes every list, or the end. A
    /// tight list (`loose` false) allows no blank line before that one.
    fn holds(&mut self, text: &str, at: usize, column: usize, marker: u8, loose: bool) -> bool {
        let same = (self.column, self.marker, self.loose) == (column, marker, loose);
        if same && self.from <= at && at < self.until {
            return self.holds;
        }
        let (mut line_at, mut blank, mut content) = (at, false, usize::MAX);
        let mut holds = true;
        for line in md_lines(&text[at..]) {
            let start = line_at;
            line_at += line.len();
            if is_blank(line) {
                blank = true;
                continue;
            }
            let lead = line.bytes().take_while(|&b| b == b' ').count();
            if line[lead..].starts_with('\t') {
                (holds, line_at) = (false, start);
                break;
            }
            if blank && starts_block(line) {
                line_at = start;
                break;
            }
            if (blank && !loose)
                || (lead < content && !self.item(line, lead, column, marker, &mut content))
            {
                (holds, line_at) = (false, start);
                break;
            }
            blank = false;
        }
        *self = InsideEnd {
            from: at,
            until: line_at.max(at + 1),
            column,
            marker,
            loose,
            holds,
        };
        holds
    }

    /// Whether `line`, indented by `lead`, starts an item of the list at `column` with `marker`; its content column
    /// goes to `content`.
    fn item(
        &self,
        line: &str,
        lead: usize,
        column: usize,
        marker: u8,
        content: &mut usize,
    ) -> bool {
        if !(column..=column + 3).contains(&lead) || starts_item(&line[lead..]) != Some(marker) {
            return false;
        }
        match content_column(&line[lead..]) {
            Some(c) => {
                *content = lead + c;
                true
            }
            None => false,
        }
    }
}

/// The line of `text` that byte `at` falls in.
fn line_at(text: &str, at: usize) -> &str {
    let start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    md_lines(&text[start..]).next().unwrap_or_default()
}

/// The column of the content of the list item that `line` starts at the top level, when it is plain: spaces
/// only, and text after the marker (an item with an empty first line, or indented code after its marker, is
/// none).
fn content_column(line: &str) -> Option<usize> {
    let (_, end) = item_marker(line, 3)?;
    let rest = &line[end..];
    let spaces = rest.bytes().take_while(|&b| b == b' ').count();
    let text = rest[spaces..].trim_end_matches(['\n', '\r']);
    let plain = (1..=4).contains(&spaces) && !text.is_empty() && !text.starts_with('\t');
    plain.then_some(end + spaces)
}

/// Whether a list ends with no blank line from an item on, as [`TightEnd::holds`] found it last: from `from` to
/// the first blank line at `blank`, every cut in between has the same answer.
#[derive(Debug, Default)]
struct TightEnd {
    from: usize,
    blank: usize,
    marker: u8,
    holds: bool,
}

impl TightEnd {
    /// Whether the list whose item with `marker` starts at byte `at` of `text` has no blank line from there to its
    /// end: the lines up to the first blank one, and the first line after the blank ones neither indented (which
    /// would go on with an item) nor an item with the list's marker (which would go on with the list).
    fn holds(&mut self, text: &str, at: usize, marker: u8) -> bool {
        if !(self.from <= at && at < self.blank && self.marker == marker) {
            let mut line_at = at;
            let mut lines = md_lines(&text[at..]);
            let mut blank = text.len();
            let mut holds = true;
            for line in lines.by_ref() {
                if is_blank(line) {
                    blank = line_at;
                    break;
                }
                line_at += line.len();
            }
            if let Some(line) = lines.find(|line| !is_blank(line)) {
                holds = !line.starts_with(|c: char| c.is_ascii_whitespace())
                    && item_marker(line, 0).is_none_or(|(m, _)| m != marker);
            }
            *self = TightEnd {
                from: at,
                blank,
                marker,
                holds,
            };
        }
        self.holds
    }
}

/// The lines of `text` as markdown reads them, each with its line end (`\n`, `\r\n` or `\r`).
fn md_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let end = memchr::memchr2(b'\n', b'\r', bytes).map_or(rest.len(), |i| {
            i + 1 + usize::from(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n'))
        });
        let (line, tail) = rest.split_at(end);
        rest = tail;
        Some(line)
    })
}

/// Whether a line is blank as markdown reads it: nothing but spaces, tabs, vertical tabs and form feeds.
fn is_blank(line: &str) -> bool {
    line.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r'))
}

/// The end of the last line of `part` that is not blank, with its newline.
fn last_line_end(part: &str) -> usize {
    let content = part.trim_end_matches([' ', '\t', '\r', '\n']).len();
    part[content..]
        .find('\n')
        .map_or(part.len(), |i| content + i + 1)
}

/// The first place at or after byte `from` to cut a text: a line that starts a block at the top level after a
/// blank line (not blank, not indented, and not a list item, so that every container before it is closed), or a
/// line that starts a list item at the top level, with the item's marker.
fn next_cut(text: &str, from: usize) -> Option<(usize, Option<u8>)> {
    let from = from.min(text.len());
    let mut at = memchr::memrchr(b'\n', &text.as_bytes()[..from]).map_or(0, |i| i + 1);
    let mut after_blank = false;
    for line in text[at..].split_inclusive('\n') {
        if at >= from {
            if after_blank && starts_block(line) {
                return Some((at, None));
            }
            if let Some(marker) = starts_item(line) {
                return Some((at, Some(marker)));
            }
        }
        after_blank = line
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
        at += line.len();
    }
    None
}

/// The first line at or after byte `from` and before `until` that starts a list item with text after one to
/// [`MAX_STACK_INDENT`] spaces (as [`starts_item`] reads it), with the item's marker and indentation: where a
/// nested list may be cut (see [`stack_join`]). The line before it that is not blank must be indented as far or
/// further, as the content of the item before it is: the first item of a list, after the line of the item that
/// holds it, is no place to cut.
fn next_nested_cut(text: &str, from: usize, until: usize) -> Option<(usize, u8, usize)> {
    let from = from.min(until);
    let mut at = memchr::memrchr(b'\n', &text.as_bytes()[..from]).map_or(0, |i| i + 1);
    let mut before = 0;
    for line in text[at..until].split_inclusive('\n') {
        let indent = line.bytes().take_while(|&b| b == b' ').count();
        if at >= from && (1..=MAX_STACK_INDENT).contains(&indent) && before >= indent {
            if let Some(marker) = starts_item(&line[indent..]) {
                return Some((at, marker, indent));
            }
        }
        if !is_blank(line) {
            before = indent;
        }
        at += line.len();
    }
    None
}

/// Whether a line that follows a blank line starts a block at the top level: not blank, not indented and not a
/// list item, so that every container before it is closed.
fn starts_block(line: &str) -> bool {
    !line.is_empty()
        && !line.starts_with(|c: char| {
            c.is_ascii_whitespace() || c.is_ascii_digit() || matches!(c, '-' | '+' | '*')
        })
}

/// The marker of a list item with text that `line` starts at the top level (not indented): a line that is a
/// thematic break (`- - -`, `***`) or an item without text on its first line (which cannot end a paragraph) is
/// none.
fn starts_item(line: &str) -> Option<u8> {
    let (marker, end) = item_marker(line, 0)?;
    let thematic = matches!(marker, b'-' | b'*')
        && line.bytes().all(|b| b == marker || b.is_ascii_whitespace());
    (!thematic && !is_blank(&line[end..])).then_some(marker)
}

/// The marker of the list item that `line` starts after at most `indent` spaces, and the end of the marker: a
/// bullet (`-`, `+`, `*`), or the delimiter (`.`, `)`) after the one to nine digits of an ordered item, when a
/// space, a tab or the line's end follows it.
fn item_marker(line: &str, indent: usize) -> Option<(u8, usize)> {
    let bytes = line.as_bytes();
    let lead = bytes.iter().take_while(|&&b| b == b' ').count();
    if lead > indent {
        return None;
    }
    let digits = bytes[lead..]
        .iter()
        .take(10)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let (marker, end) = match (digits, bytes.get(lead + digits)) {
        (0, Some(&b @ (b'-' | b'+' | b'*'))) => (b, lead + 1),
        (1..=9, Some(&b @ (b'.' | b')'))) => (b, lead + digits + 1),
        _ => return None,
    };
    matches!(bytes.get(end), None | Some(b' ' | b'\t' | b'\r' | b'\n')).then_some((marker, end))
}

/// What [`read`] knows between two events.
struct Reader<'t> {
    text: &'t str,
    units: Vec<Unit>,
    lists: Vec<Range<usize>>,
    open_lists: Vec<usize>,
    /// The depth of list items, and the first unit of the outermost one open.
    item_depth: usize,
    item_start: usize,
    items: Vec<Range<usize>>,
    leaf_depth: usize,
    quote_depth: usize,
    inline: Inline,
    /// Whether an indented code block is open, and its text: a converter indents the content of an element it
    /// writes no markdown for (markdownify's definition lists), which markdown then reads as code.
    indented_code: bool,
    code: String,
    /// The start of the table body row open and the cells read of it: the cells past the header's count, which
    /// the parser drops, are read from the source as it ends (see [`overflow_cells`]).
    row_start: Option<usize>,
    row_cells: usize,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Reader<'t> {
        Reader {
            text,
            units: Vec::new(),
            lists: Vec::new(),
            open_lists: Vec::new(),
            item_depth: 0,
            item_start: 0,
            items: Vec::new(),
            leaf_depth: 0,
            quote_depth: 0,
            inline: Inline::default(),
            indented_code: false,
            code: String::new(),
            row_start: None,
            row_cells: 0,
        }
    }

    /// Follows one event, found at byte `at` of the text.
    fn event(&mut self, event: Event<'_>, at: usize) {
        if let (true, Event::Text(t)) = (self.indented_code, &event) {
            // Read once the block ends, as markdown.
            self.code.push_str(t);
            return;
        }
        if let Some((t, in_link)) = self.inline.text(&event) {
            if let Some(unit) = self.units.last_mut() {
                unit.add(t, in_link);
            }
            return;
        }
        match event {
            Event::Start(tag) => match tag {
                Tag::List(_) => {
                    self.open_lists.push(self.lists.len());
                    self.lists.push(self.units.len()..self.units.len());
                }
                Tag::Item => {
                    if self.leaf_depth == 0 {
                        self.open(Kind::Item, at);
                    }
                    if self.item_depth == 0 {
                        self.item_start = self.units.len().saturating_sub(1);
                    }
                    self.item_depth += 1;
                }
                Tag::BlockQuote(_) => self.quote_depth += 1,
                Tag::TableRow => {
                    self.row_start = Some(at);
                    self.row_cells = 0;
                }
                Tag::TableCell => self.row_cells += 1,
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Table(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock => {
                    if self.leaf_depth == 0 {
                        let kind = match tag {
                            Tag::Heading { .. } => Kind::Heading,
                            Tag::Table(_) => Kind::Table,
                            Tag::CodeBlock(_) => Kind::Code,
                            Tag::HtmlBlock => Kind::Html,
                            _ if self.quote_depth > 0 => Kind::Quote,
                            _ if !self.open_lists.is_empty() => Kind::Item,
                            _ => Kind::Paragraph,
                        };
                        self.open(kind, at);
                        if let (Tag::Heading { level, .. }, Some(unit)) =
                            (&tag, self.units.last_mut())
                        {
                            unit.level = *level as u8;
                        }
                        self.indented_code = matches!(tag, Tag::CodeBlock(CodeBlockKind::Indented));
                    }
                    self.leaf_depth += 1;
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::List(_) => {
                    if let Some(i) = self.open_lists.pop() {
                        self.lists[i].end = self.units.len();
                    }
                }
                TagEnd::Item => {
                    self.item_depth = self.item_depth.saturating_sub(1);
                    if self.item_depth == 0 {
                        self.items.push(self.item_start..self.units.len());
                    }
                }
                TagEnd::BlockQuote(_) => self.quote_depth = self.quote_depth.saturating_sub(1),
                TagEnd::TableRow => self.overflow_cells(),
                TagEnd::CodeBlock if self.indented_code => {
                    self.indented_code = false;
                    self.leaf_depth = self.leaf_depth.saturating_sub(1);
                    if let Some(unit) = self.units.last_mut() {
                        unit.add_indented(&self.code);
                    }
                    self.code.clear();
                }
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Table
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock => self.leaf_depth = self.leaf_depth.saturating_sub(1),
                _ => {}
            },
            Event::Rule if self.leaf_depth == 0 => self.open(Kind::Rule, at),
            _ => {}
        }
    }

    /// Counts the text of the cells the table row that ends holds past its header's count into the table's unit:
    /// a converter's layout table holds the article in them.
    fn overflow_cells(&mut self) {
        let Some(table) = self
            .row_start
            .take()
            .and_then(|start| overflow_cells(self.text.get(start..)?, self.row_cells))
        else {
            return;
        };
        let Some(unit) = self.units.last_mut() else {
            return;
        };
        let mut inline = Inline::default();
        for event in Parser::new_ext(&table, OPTIONS) {
            if let Some((t, in_link)) = inline.text(&event) {
                unit.add(t, in_link);
            }
        }
    }

    /// Starts a unit for a block that starts at byte `at`.
    fn open(&mut self, kind: Kind, at: usize) {
        let text = self.text;
        // Blocks come in order: the line start is found between the last unit's start and `at`.
        let from = self.units.last().map_or(0, |u| u.start.min(at));
        let start = text[from..at].rfind('\n').map_or(from, |i| from + i + 1);
        // Two blocks that start on one line (`* text`, `> # heading`) are one unit: removal goes by whole lines.
        if self.units.last().is_some_and(|last| last.start == start) {
            return;
        }
        self.units.push(Unit::new(start, kind));
    }

    /// The page read.
    fn finish(mut self) -> Page {
        for unit in &mut self.units {
            unit.settle();
        }
        broken_links(self.text, &mut self.units);
        data_rows(&mut self.units, &self.lists);
        let mut item_of = vec![None; self.units.len()];
        for item in self.items {
            for slot in &mut item_of[item.clone()] {
                *slot = Some(item.clone());
            }
        }
        Page {
            units: self.units,
            lists: self.lists,
            items: item_of,
        }
    }
}

/// The fewest rows that make a table or a list of data.
const MIN_ROWS: usize = 3;

/// The longest line that is a row of data, in characters (not whitespace): a row is shorter than the paragraphs that
/// continue an article (the HTML extractor's [`density::CONTINUATION_MIN_CHARS`]).
const MAX_ROW: u32 = density::CONTINUATION_MIN_CHARS;

/// Marks the rows of data: a table flattened into lines, or a list, whose lines are mostly short ones holding
/// numbers outside their links (a standings table, an ingredient list, a timetable) and whose text is mostly not
/// links. Its links are cells of the rows (a name, an ingredient), not navigation: a menu, a share row or a list of
/// teasers is mostly links, and the numbers it shows are in its links' text (`iOS 13`, a date in a title). The
/// rows are siblings: the items of one list (the innermost), or consecutive paragraphs outside lists.
fn data_rows(units: &mut [Unit], lists: &[Range<usize>]) {
    let is_row =
        |u: &Unit| matches!(u.kind, Kind::Paragraph | Kind::Item) && u.digits && u.text < MAX_ROW;
    // The innermost list of every unit: lists come outer before inner. A list's group is its place in `lists`.
    let mut group_of = vec![None; units.len()];
    for (i, list) in lists.iter().enumerate() {
        group_of[list.clone()].fill(Some(i));
    }
    // The groups' sums, each run of paragraphs outside lists a group after the lists' (a unit outside lists that is
    // no such row ends the run), made as the units are read: a list of the members of every group took an
    // allocation a group.
    let mut groups = vec![RowGroup::default(); lists.len()];
    let mut run = None;
    for (i, unit) in units.iter().enumerate() {
        let group = match group_of[i] {
            Some(list) => list,
            None if unit.kind == Kind::Paragraph && is_row(unit) => *run.get_or_insert_with(|| {
                groups.push(RowGroup::default());
                groups.len() - 1
            }),
            None => {
                run = None;
                continue;
            }
        };
        group_of[i] = Some(group);
        let sums = &mut groups[group];
        sums.units += 1;
        sums.rows += usize::from(is_row(unit));
        sums.text += unit.text;
        sums.links += unit.links;
    }
    for (i, group) in group_of.into_iter().enumerate() {
        let Some(group) = group else {
            continue;
        };
        let sums = &groups[group];
        if sums.rows >= MIN_ROWS
            && 2 * sums.rows >= sums.units
            && density::link_density(sums.text, sums.links) <= LINK_LIST_DENSITY
        {
            units[i].data = !units[i].is_prose();
        }
    }
}

/// What [`data_rows`] sums over a group of sibling units.
#[derive(Debug, Clone, Copy, Default)]
struct RowGroup {
    units: usize,
    rows: usize,
    text: u32,
    links: u32,
}

/// The most blocks an anchor around block elements holds (a teaser: image, title, summary, date).
const MAX_BROKEN_LINK: usize = 8;

/// Marks the text of links the converter broke across blocks as link text: an anchor around block elements comes
/// out as a line `[` (or `[` and the start of its text), the blocks, and a line with `](target)`, which markdown no
/// longer reads as one link.
fn broken_links(text: &str, units: &mut [Unit]) {
    let n = units.len();
    let lines: Vec<&str> = (0..n).map(|i| unit_source(units, text, i).trim()).collect();
    let closer = |from: usize| {
        (from + 1..n.min(from + 1 + MAX_BROKEN_LINK)).find(|&j| lines[j].contains("]("))
    };
    let mut i = 0;
    while i < n {
        // The opening line is `[`, or `[` and the first line of the link's text (`[Email` / `Share by email](…)`).
        let opener = lines[i].trim_start_matches(['*', '-', '+', ' ']);
        if !opener.starts_with('[') || opener.contains(']') {
            i += 1;
            continue;
        }
        // Follow the chain: `](first)[` closes one link and opens the next.
        let mut end = None;
        let mut at = i;
        while let Some(close) = closer(at) {
            end = Some(close);
            at = close;
            if !lines[close].ends_with('[') {
                break;
            }
        }
        let Some(end) = end else {
            i += 1;
            continue;
        };
        for unit in &mut units[i..=end] {
            unit.links = unit.text;
            unit.marked = true;
            unit.named = true;
        }
        i = end + 1;
    }
}

/// The characters and punctuation marks of the web addresses written out in `text` (`https://…`, `www.…`).
fn urls(text: &str) -> (u32, u32) {
    // `://` holds a `:` and `www.` a `.`: most link texts and words have neither.
    if !has_address(text) {
        return (0, 0);
    }
    // An address cut short in the middle (`http://example.org/docume ... ve.de.html`, as forums show a long one)
    // is shown whole: the ellipsis after an address and the word after the ellipsis count with it.
    let mut shown = (0, 0);
    let mut last = Shown::No;
    for word in text.split_whitespace() {
        last = if word.contains("://") || word.starts_with("www.") {
            Shown::Address
        } else if last == Shown::Address && matches!(word, "..." | "…") {
            Shown::Ellipsis
        } else if last == Shown::Ellipsis {
            Shown::Tail
        } else {
            Shown::No
        };
        if last != Shown::No {
            let (c, p) = density::count(word);
            shown = (shown.0 + c, shown.1 + p);
        }
    }
    shown
}

/// Whether `text` holds a `://` or a `www.`, found at their `:` and `.` in one pass: most link texts and words have
/// neither (a search for each string would build its searcher for every piece of text).
fn has_address(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b':', b'.', bytes).any(|i| {
        if bytes[i] == b':' {
            bytes[i + 1..].starts_with(b"//")
        } else {
            bytes[..i].ends_with(b"www")
        }
    })
}

/// What a word of a link text is to [`urls`]: part of an address shown, or not.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    No,
    Address,
    /// The ellipsis right after an address.
    Ellipsis,
    /// The word right after that ellipsis: the address's end.
    Tail,
}

/// The words of its own in lower case that a paragraph opening on one link holds after it at least, to read as a
/// sentence that a page break cut (see [`is_sentence_around_links`]): one word could be a share row's label.
const MIN_WORDS_AFTER_LINK: usize = 2;

/// The longest label of a field, in characters.
const MAX_LABEL: usize = 40;
/// The most words the link of a field shows: it names a place, a site or a document. A headline is longer
/// (`**Related:** [A whole headline of another story](…)` is a teaser).
const MAX_NAME_WORDS: usize = 5;

/// Whether a paragraph of links is a sentence whose links are part of it ([`density::is_sentence_around_links`]:
/// words of its own before its first link, a sentence end after its last one). A paragraph that opens on its
/// first link takes the words before it from the paragraph kept right above it (`above`) when that one is
/// running text cut mid-sentence: at least a paragraph's worth of text ([`density::MIN_PARAGRAPH`]) ending on a
/// word or a comma, where a page break cut `… who are pulling for` / `[Name](…), [Name](…) and [Name](…).` in
/// two. A label above a teaser is too short for that; a menu or a teaser's title has no sentence end after it.
/// Nor does one whose sentence a page break cut below its links: no sentence end after its last link, and the
/// paragraph right below it (`below`) goes on in lower case, a paragraph's worth of text (`Rosa Pell, [an
/// expert in farming](…)` / `at the Department of …`, `[Clay soil compaction](…)` / `is where the ground's …`):
/// what follows a teaser's title or a menu opens a sentence of its own.
///
/// Nor one whose single link opens a sentence that goes on after it in lower case (at least
/// [`MIN_WORDS_AFTER_LINK`] words, no sentence end) right above a paragraph's worth of text, whatever its case:
/// the page break fell after those words (`[Votre critique](…) du livre` / `The Scramble for Europe de …`).
fn is_sentence_around_links(block: &str, above: Option<&str>, below: Option<&str>) -> bool {
    let mut before = String::new();
    let mut after = String::new();
    let mut links = 0;
    let mut depth = 0;
    for event in Parser::new(block.trim()) {
        match event {
            Event::Start(Tag::Link { .. }) => {
                if depth == 0 {
                    links += 1;
                    after.clear();
                }
                depth += 1;
            }
            Event::End(TagEnd::Link) => depth -= 1,
            Event::Text(t) | Event::Code(t) if depth == 0 => {
                let side = if links == 0 { &mut before } else { &mut after };
                side.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak if depth == 0 => {
                let side = if links == 0 { &mut before } else { &mut after };
                side.push(' ');
            }
            _ => {}
        }
    }
    if links == 0 {
        return false;
    }
    let running_below = |lower: bool| {
        below.map(str::trim_start).is_some_and(|below| {
            (!lower || below.starts_with(char::is_lowercase))
                && density::count(below).0 >= density::MIN_PARAGRAPH
        })
    };
    let open_after = !after.trim_end().ends_with(density::SENTENCE_ENDS);
    if open_after && running_below(true) {
        return true;
    }
    // One link whose sentence goes on after it in words of its own in lower case, with no sentence end, over a
    // paragraph of running text: a page break cut the sentence after those words, whatever the case of the next
    // one (`[Your review](…) of the book` / `The Scramble for Europe argues …`, a title). A menu or a teaser
    // names where its links go, and words in lower case after them open no sentence of their own.
    if links == 1
        && open_after
        && after.trim_start().starts_with(char::is_lowercase)
        && after.split_whitespace().count() >= MIN_WORDS_AFTER_LINK
        && running_below(false)
    {
        return true;
    }
    if before.trim().is_empty() {
        let Some(above) = above.map(str::trim_end) else {
            return false;
        };
        let cut = above.ends_with(|c: char| c.is_alphabetic() || c == ',');
        if !cut || density::count(above).0 < density::MIN_PARAGRAPH {
            return false;
        }
        return density::is_sentence_around_links(above, &after);
    }
    density::is_sentence_around_links(&before, &after)
}

/// Whether `block` is a field: a short label in bold that ends with a colon (`**Website:**` or `**Website**:`)
/// followed by one link that names something in a few words, and nothing else. Articles list facts that way (an
/// address, a map, a home page); a row of page chrome holds several links, or links without a label, and a teaser
/// behind a label (`**Read more:**`) shows a headline.
fn is_field(block: &str) -> bool {
    let mut label = String::new();
    let mut strong = 0;
    let mut links = 0;
    let mut depth = 0;
    let mut named = String::new();
    for event in Parser::new(block.trim()) {
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Strong) if links == 0 && depth == 0 => strong += 1,
            Event::End(TagEnd::Strong) if links == 0 && depth == 0 => {}
            Event::Text(t) if links == 0 && depth == 0 && strong == 1 => label.push_str(&t),
            Event::Start(Tag::Link { .. }) if depth == 0 => {
                links += 1;
                depth += 1;
            }
            Event::End(TagEnd::Link) => depth -= 1,
            Event::Text(t) | Event::Code(t) if depth > 0 => named.push_str(&t),
            _ if depth > 0 => {}
            _ => return false,
        }
    }
    let label = label.trim();
    strong == 1
        && links == 1
        && label.ends_with(':')
        && label.len() > 1
        && label.chars().count() <= MAX_LABEL
        && named.split_whitespace().count() <= MAX_NAME_WORDS
}

/// Whether a link leads somewhere: not a placeholder (`#`, empty, `javascript:`), which is text that lost its link.
fn leads_somewhere(dest: &str) -> bool {
    const JAVASCRIPT: &str = "javascript:";
    let dest = dest.trim();
    // Compared without a lower-case copy: every link of a page is asked.
    !(dest.is_empty()
        || dest == "#"
        || dest
            .as_bytes()
            .get(..JAVASCRIPT.len())
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case(JAVASCRIPT.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks that could end or run on at a segment's end: fences and HTML blocks over blank lines, loose lists,
    /// quotes, link reference definitions before and after their use, links broken over blocks.
    const PIECES: &[&str] = &[
        "Home | News | About\n\n",
        "|  |\n| --- |\n| a | [b](/b) 1 | c |\n\n> |  |\n> |---|\n> | d | e |\n\n",
        "[Share](#)\n\n",
        "* [Home](/)\n* [World](/world)\n\n",
        "- a\n\n- b\n\n",
        "1. one\n\n   continued [x](/x)\n\n",
        "```\ncode\n\n[x](/y)\n```\n\n",
        "```\nunclosed [x](/y)\n\n",
        "~~~\nx\n\n~~~\n\n",
        "<!--\ncomment\n\nstill [x](/a)\n-->\n\n",
        "<script>\nvar a;\n\n[b](/b)\n</script>\n\n",
        "<div>\nhtml [x](/z)\n\n",
        "> quote [a](/b)\n\n> another\n\n",
        "    indented [x](/y)\n\n",
        "[ref link][r1] and [r2] and [r3]\n\n",
        "[r1]: https://example.com/one\n\n",
        "[R2]: #\n\n",
        "[r3]: /first\n\n[r3]: /second\n\n",
        "| a | b |\n|---|---|\n| [1](/x) | 2 |\n\n",
        "# Title\n\n",
        "[\n\nTeaser text\n\n](/story)\n\n",
        "* [A](/a)\n\n  nested para [B](/b)\n\n",
        "  \n\nLine\r\n\r\nCRLF [c](/c)\r\n\r\n",
        "©é [x](/é) ünï\n\n",
        // Lists cut between their items: tight and loose, ordered, nested, items that open with a heading, a
        // fence or nothing, a change of marker, a thematic break, a link over two items.
        "- [a](/a) `[b](c)`\n- [r1] and [c][r2]\n",
        "* x\n\n* [y](/y)\n\n",
        "1. [one](/1)\n2. two\n",
        "1) a\n\n2) b `]`\n\n",
        "- # head [h](/h)\n  para\n- next\n",
        "-\n  foo [f](/f)\n- bar\n",
        "- a\n  - [b](/b)\n\n  c\n- d\n",
        "- ```\n  [x](/y)\n\n  ```\n- after\n",
        "+ a\n- b\n* c\n",
        "- a\n- - -\n- b\n",
        "- [l](/l\n- x)\n",
        // Nested lists cut between their items: bullets and ordered at the column of the item's content, a
        // deeper list, a change of marker, a rule after the list, a lazy line, a loose list, content further in, a
        // table in a nested item.
        "- [x](#)\n  - [y](/y)\n  - z `]`\n",
        "1. a\n   1. [b](/b)\n   2) c\n   3) d\n",
        "* a\n  + b\n    - [c](/c)\n  + d\n  - e\n",
        "- a\n  - b\n  ***\n  - [c](/c\nlazy)\n",
        "- a\n  - b\n\n  - [c](/c)\n",
        "-   a\n    - [b](/b)\n    - c\n   - d\n",
        "- a\n  - b\n    | x | y |\n    |---|---|\n  - [c](/c) | d |\n",
        // Lists nested deeper, loose or tight: a loose list in one item, a list two levels down, loose and tight,
        // a paragraph after a nested list (the list around it turns loose), a wide ordered marker.
        "- a\n  - [b](/b)\n\n  - c `]`\n\n  - [d][r1]\n",
        "- a\n  - b\n    - [c](/c)\n    - d `[`\n    - e\n",
        "* a\n  * b\n    * [c](/c)\n\n    * d\n\n    * [e][r2]\n",
        "- a\n  - b\n\n  c [x](/x)\n- d\n",
        "10. a\n    - [b](/b)\n    - c\n",
    ];

    #[test]
    fn segments_read_as_the_whole_text() {
        let show = |page: &Page| format!("{:?} {:?} {:?}", page.units, page.lists, page.items);
        let mut read_apart = 0;
        for a in PIECES {
            for b in PIECES {
                for c in PIECES {
                    let text = format!("{a}{b}{c}{PROSE}\n");
                    // Every block start after a blank line is a place to cut at a segment size of one byte.
                    let (segments, _) = segments(&text, 1);
                    read_apart += usize::from(segments.len() > 1);
                    assert_eq!(
                        show(&read_in_segments(&text, 1)),
                        show(&read_in_segments(&text, text.len())),
                        "{text:?} in {segments:?}"
                    );
                }
            }
        }
        assert!(read_apart > PIECES.len().pow(3) / 2, "{read_apart}");
    }

    /// Paragraphs of several lines, and whether their inner lines are read apart (see [`Hollow`]): plain lines, in
    /// a tight and a loose item, lazy lines in a quote or an item, a hard break, a setext heading, code spans,
    /// emphasis and HTML closed on their lines; and lines kept in the parse: a link, code span, emphasis, HTML, a
    /// destination or a title over a line end, an opener left open on its line, a line that is an HTML block
    /// alone, a reference label after a `]`, an escape, lines of a fence, of indented code, of an HTML block and
    /// of a table.
    const PARAGRAPHS: &[(&str, bool)] = &[
        (
            "Intro [a](/a) one\n[b](/b) two\nthree [c](/c)\nfour\n\n",
            true,
        ),
        (
            "- [x](#)\n  [y](/y) word\n  [y](/y) word\n  [z](/z) end\n",
            true,
        ),
        (
            "* [x](#)\n\n  [y](/y) word\n  [y](/y) word\n  last\n\n* b\n",
            true,
        ),
        ("> q [a](/a)\nlazy [b](/b)\nline\nend\n\n", true),
        ("a\nb ![i](/i.png) [c](/c)\nc\nd\n\n", true),
        ("a [b [c](/c) d](/e) f\ng\nh\ni\n\n", true),
        ("a  \nb\nc\nd\n\n", true),
        ("x\n1. b\nc\nd\ne\n\n", true),
        ("a\nb\nc\nd\n===\n\n", true),
        (
            "Intro *a* `b` <b>c</b> [d](/d)\ne **e** _f_ `x`g\nh <http://x.org>\ni\n\n",
            true,
        ),
        (
            "- [x](#) *a*\n  [y](/y) `w` d\n  [y](/y) _w_\n  [z](/z) end\n",
            true,
        ),
        ("«a» [b](/b)\n\"c\" d\n(e) [f](/f)\n'g' h\nÉ i\n\n", true),
        ("- [x](#)\n  \"y\" [y](/y)\n  (z) word\n  Ü end\n", true),
        (
            "a [b](/b)\n2019 c\n*d* e\n-f g\n+h [i](/i)\n_j_ k\n\n",
            true,
        ),
        ("- [x](#)\n  2019 [y](/y)\n  *z* word\n  -w end\n", true),
        // Quotes: at the top level, nested, in an item, after a lazy line, behind a paragraph it interrupts.
        (
            "> [x](#)\n> [y](/y) word\n> [y](/y) `w`\n> [z](/z) end\n\n",
            true,
        ),
        (">> a [x](/x)\n> > b\n> > c\n> > d\n\n", true),
        ("> > a [x](/x)\n> > b\n> > c\n> > d\n\n", true),
        (
            "- [x](#)\n  > q [a](/a)\n  > *b* c\n  > 2019 d\n  > e\n",
            true,
        ),
        ("> a\nb [b](/b)\n> c\n> d\n> e\n\n", true),
        ("a\n> b\n> c [c](/c)\n> d\n> e\n\n", true),
        // Quote marks that no run holds: a quote's code (five spaces after `>`), indented code, a blank line in
        // the quote, marks that differ from line to line, a line that starts a block.
        (">     > a\n>     > b\n>     > c\n>     > d\n\n", false),
        ("    > a\n    > b\n    > c\n    > d\n\n", false),
        ("> a\n> b\n>\n> c\n> d\n\n", false),
        ("> a\n>b\n> c\n>d\n\n", false),
        ("> a\n> - b\n> # c\n> d\n\n", false),
        ("a\n2. b\n2) c\n* d\n- e\n\n", false),
        ("a [r] x\nb\nc\nd\n\n[r]: /r 't\nu'\n\n", true),
        ("[r]: /r 't\na\nb\nc'\nd\n\n", false),
        ("a\nb\n[r]: /r\nc\nd\n\n", false),
        ("a\n--\n*-*\n-|-\n+:|\n\n", false),
        ("a [b\nc\nd](/e) f\ng\n\n", false),
        ("a *b* *c\nd\ne* f\ng\n\n", false),
        ("a `b` `c\nd\ne` f\ng\n\n", false),
        ("a\n    <!-- b\nc -->\nd\ne\nf\n\n", false),
        ("a snake_case *b\nc\nd\ne\n\n", false),
        ("a *b\nc\nd* e\nf\ng\n\n", false),
        ("a `b\nc\nd` e\nf\ng\n\n", false),
        ("a <span\nc\nd> e\nf\ng\n\n", false),
        ("a [b](\n/c) d\ne\nf\ng\n\n", false),
        ("a [b](/c 't\nu') d\ne\nf\n\n", false),
        ("a [b]\n[c] d\ne\nf\n\n", false),
        ("a\\\nb\nc\nd\n\n", false),
        ("```\nx\ny [a](/a)\nz\nw\n```\n\n", false),
        ("    code\n    x [a](/a)\n    y\n    z\n\n", false),
        ("<div>\nx\ny\nz\n</div>\n\n", false),
        ("a | b\n--|--\nc\nd\ne\n\n", false),
    ];

    #[test]
    fn a_paragraph_is_read_in_pieces_only_where_no_inline_crosses() {
        let show = |page: &Page| format!("{:?} {:?} {:?}", page.units, page.lists, page.items);
        for (paragraph, apart) in PARAGRAPHS {
            let whole = 0..paragraph.len();
            let hollow = Hollow::find(paragraph, &whole, paragraph, 0, 1);
            assert_eq!(hollow.is_some(), *apart, "{paragraph:?}");
            for a in PIECES {
                for c in PIECES {
                    let text = format!("{a}{paragraph}{c}{PROSE}\n");
                    assert_eq!(
                        show(&read_in_segments(&text, 1)),
                        show(&read_in_segments(&text, text.len())),
                        "{text:?}"
                    );
                }
            }
        }
        // One item holding a long paragraph, then another item: read in pieces, before and after the cut.
        let lines = "  [y](/y) word\n".repeat(200);
        for text in [
            format!("- [x](#)\n{lines}- [z](/z)\n\n{PROSE}\n"),
            format!("{PROSE}\n\n[x](#)\n{lines}\n[z](/z)\n"),
        ] {
            let range = 0..text.len();
            assert!(Hollow::find(&text, &range, &text, 0, 200).is_some_and(|h| h.pieces.len() > 5));
            assert_eq!(
                show(&read_in_segments(&text, 200)),
                show(&read_in_segments(&text, text.len())),
                "{text}"
            );
        }
    }

    #[test]
    fn quote_marks_are_those_every_quote_takes() {
        for (line, marks) in [
            ("> a", "> "),
            (">a", ">"),
            ("   > > a", "   > > "),
            (">    >  a", ">    >  "),
            ("  >>   a", "  >>   "),
            ("a > b", ""),
            ("  a", ""),
            ("    > a", ""),
            (">     > a", ""),
            ("> >     > a", ""),
        ] {
            let (found, rest) = quote_marks(line);
            assert_eq!(found, marks, "{line:?}");
            // The marks taken are all of them: what is left starts with the line's text.
            assert!(
                found.is_empty() || !rest.starts_with([' ', '>']),
                "{line:?}"
            );
        }
    }

    #[test]
    fn a_plain_line_starts_no_block() {
        for line in [
            "2019 was", "3D print", "*x* y", "-x", "+x", "_x_ y", "**b** c", "  -x |", "Word",
            "«a»",
        ] {
            assert!(is_plain(line), "{line:?}");
        }
        let blocks = [
            "",
            "  ",
            "2. b",
            "2) b",
            "10.",
            "1.5 million",
            "* b",
            "- b",
            "+ b",
            "-",
            "*",
            "---",
            "***",
            "* * *",
            "___",
            "--",
            "-|-",
            "--- | ---",
            "-:|:-",
            "*\tx",
            "# h",
            "> q",
            "<div>",
            "```",
            "~~~",
            "|a|",
            "=",
        ];
        for line in blocks {
            assert!(!is_plain(line), "{line:?}");
        }
    }

    #[test]
    fn a_plain_paragraph_reads_as_pulldown_cmark_reads_it() {
        let lines = [
            "Plain words, a sentence. And more; twice?",
            "word 2019 and 3.5 percent",
            "see https://example.com/a.b and www.example.org. or ftp://x",
            "Ünïcode ☃ text, 文字。，and ٣ or Ⅻ",
            "tab\tinside and trailing spaces  ",
            "nbsp\u{a0}inside\u{2003}and\u{85}more\u{b}vt\u{c}ff",
            "x > y, a=b, \"quoted\" 'single' # hash - dash 1. one",
            "ends with a dash -",
            "x",
        ];
        let mut plain = 0;
        for a in lines {
            for b in lines {
                for end in ["", "\n", "\n\n\n"] {
                    for part in [
                        format!("{a}{end}"),
                        format!("{a}\n{b}{end}"),
                        format!("{a}\n{b}\n{a}{end}"),
                    ] {
                        let Some(unit) = plain_paragraph(&part) else {
                            continue;
                        };
                        plain += 1;
                        let fast = Chunk {
                            units: vec![unit],
                            lists: Vec::new(),
                            items: Vec::new(),
                            runs_on: false,
                        };
                        assert_eq!(
                            show_chunk(&fast),
                            show_chunk(&parse_chunk(&part)),
                            "{part:?}"
                        );
                    }
                }
            }
        }
        assert_eq!(plain, lines.len() * lines.len() * 9);
        // Lines that start or interrupt a block, blank lines of spaces, markup, line ends other than `\n`.
        for part in [
            "  indented",
            "1. item",
            "# head",
            "a\n===",
            "a\n---",
            "a\n\nb",
            "a\n  \n",
            "a\n  b",
            "x & y",
            "a *b*",
            "a_b",
            "[a]",
            "a](b",
            "a <b>",
            "a `b`",
            "a\\b",
            "a ! b",
            "a | b",
            "a\r\nb",
            "a\rb",
            "a\0b",
            "",
            "\n\n",
            "2 words",
            "\u{3000}ideographic space",
        ] {
            assert!(plain_paragraph(part).is_none(), "{part:?}");
        }
    }

    /// Lines of the shapes [`simple_chunk`] reads, and of shapes beside them that it leaves to pulldown-cmark.
    const SIMPLE_LINES: &[&str] = &[
        "Plain words, a sentence; and more?",
        "word 2019 and 3.5 percent (2019) x!",
        "see https://example.com/a.b and www.example.org. or ftp://x",
        "Ünïcode ☃ 文字。 ٣ Ⅻ «quoted» É",
        "\"Quoted\" 'single' (paren) > gt # hash = eq - dash + plus",
        "tab\tinside, nbsp\u{a0}x and trailing  ",
        "[Home](/) and [World](https://example.com/w \"The World\")",
        "[](https://example.com/) [x](#) [y]() [z](javascript:void)",
        "[a](/x?a=1&b=2) [b](#&x) [c](JavaScript&#58;x) [d](&#35;) [e](https://a.b/_c_/*d*)",
        "![](/img.png) ![Alt text](/a.png \"t\") text",
        "[![Logo](/logo.png)](/) [![x](/x.png \"t\")](#)",
        "[https://a.b/c](https://a.b/c) [www.example.com](http://www.example.com) [see www.a.com](/a)",
        "visit www.a.com!now [Wow!](/w) ![x](y)z [!x](/x)",
        "2019 was a year [y](/y)",
        "Ünï [ïü](/ü) [a](/\u{3000}x) [b](/é) [c](/x \"t (a) & b\")",
        "[a b  c](/x)  [ x ](/y) [y](/y)(z)",
        "[ ![i](/i) ](/x) and [  ](/y) [ ](/z)",
        "Setext text [s](/s)",
        "# Title [x](/x)",
        "## Sub 2019",
        "###### Six ![i](/i)",
        "- [C](/c) more",
        "* [A](/a)",
        "  * [B](https://b.example/b)",
        "+ item text",
        "   - three",
        "* 2019 item",
        "---",
        "=====",
        "--",
        "***",
        "___",
        "",
        "   ",
        "####### seven",
        "# closing #",
        "#nospace",
        "#  two spaces",
        "#",
        "* * *",
        "- - -",
        "*   spaced",
        "* 1. nested",
        "1. item",
        "2) item",
        "    indented",
        "===",
        "> quote",
        "a *b* c",
        "a_b",
        "x & y",
        "`code` and [a](/b`c)",
        "<b>x</b>",
        "a | b",
        "[a] b",
        "a]b",
        "[a](b",
        "[a](<b>) [c](/d)",
        "[ ](/x) [\u{a0}](/y)",
        "[a]( /x)",
        "[a](/x \"t\" )",
        "[a](/x  \"t\")",
        "[a](/x(y))",
        "x~y",
        "a\\b",
        "\u{3000}ideographic",
        "a\r",
        "```",
        "[a]: /def",
        "[a](/x\t)",
    ];

    /// A chunk as [`Reader::finish`] takes it over, to compare.
    fn show_chunk(chunk: &Chunk) -> String {
        let Chunk {
            units,
            lists,
            items,
            runs_on,
        } = chunk;
        let mut units = units.clone();
        units.iter_mut().for_each(Unit::settle);
        format!("{units:?} {lists:?} {items:?} {runs_on}")
    }

    #[test]
    fn a_simple_chunk_reads_as_pulldown_cmark_reads_it() {
        let mut simple = 0;
        let lines = SIMPLE_LINES;
        for a in lines {
            for b in lines {
                for c in lines {
                    let part = format!("{a}\n{b}\n{c}\n");
                    if let Some(chunk) = simple_chunk(&part) {
                        simple += 1;
                        assert_eq!(
                            show_chunk(&chunk),
                            show_chunk(&parse_chunk(&part)),
                            "{part:?}"
                        );
                    }
                }
            }
        }
        // Every line of the first 30 shapes, alone or after any other of them, is read.
        assert!(simple > 30 * 30 * 30 / 2, "{simple}");
        for part in [
            "Text\n***\n",
            "* a\n===\n",
            "Text\n==\n",
            "* a\n---\n",
            "# a #\n",
            "[a]\n",
            "a](b)\n",
        ] {
            assert!(simple_chunk(part).is_none(), "{part:?}");
        }
        for part in [
            "Setext text [s](/s)\n=====\n",
            "[ ![i](/i) ](/x) and [  ](/y)\n",
            "##  Two spaces  \n",
            "* [A](/a)\nlazy\n\n\n* [B](/b)\n# Title\n---\n  - [C](/c)\n",
            "* a\n  * b\n",
            "* a\n- b\n",
        ] {
            assert!(simple_chunk(part).is_some(), "{part:?}");
        }
    }

    /// Lines of nested lists, paragraphs inside items, emphasis and `&`, and shapes beside them that [`simple_chunk`]
    /// leaves to pulldown-cmark.
    const NESTED_LINES: &[&str] = &[
        "Ⓐ_x_ *Ⓑ*y 🅰*z*",
        "* [Home](/) and *em*",
        "  * [Nested](/n) **strong**",
        "    * [Deeper](https://d.example/d) _x_",
        "  - [Other marker](/o)",
        " - one space in",
        "   + three in",
        "  continued text [c](/c)",
        "   Three spaces *open",
        "closing* and **bold** text",
        "**Note:** The bundle & [Hulu](/h) & more",
        "_Title_ and *em* and __strong__ and ***both*** and ____",
        "a*b*c x**y** snake_case_word a * b _ c",
        "**unclosed *half** _x* *y_ **a*",
        "*a **b** c* and **a *b* c** ***a** b*",
        "[**Watch Video**](/v)[__Email](/e) [ _i_ ](/i) [*](/s) [_a_b_](#)",
        "[a & b](/x) & c &, &c &# x&y",
        "see https://a.b/_c_/x_y and www.a_b.com/*x* _www.c.com_",
        "*https://a.b/c* __www.x.com__ *x*www.y.com",
        "Ünï**cøde**_x_ 文字**字** ٣*٤*",
        "-x and +y -- --x __init__",
        "*** text ***",
        "* * *",
        "- - -",
        "_ _ _  ",
        "* **Build:** text *em*",
        "+ plus item _u_",
        "1. ordered",
        "      * six in",
        "    Four spaces text",
        "\t* tab item",
        "  *   * ",
        "**",
        "****",
        "“**quoted**” — *x*",
        "x &amp; y",
        "&#35; hash",
        "R&D; z",
        "Cells | [x](/x) | y *z*",
        "  ## Heading in an item [h](/h)",
        "    ### Deeper heading",
        "# Title \\*not em\\* and \\_x\\_",
        "a\\[b\\] c\\\\d \\a \\* [x\\]y](/x) ![a\\]b](/i) https://a.b/c\\_d",
        "[ ![x]() Play Now  ](https://example.com/p) [![F](/f.png)Facebook](/fb \"F\")",
        "[a *b ![i](/i) c* d](/l) [![i](/i) _x_ ![j](/j)](#)",
        "[\\![x](/y)](/z) \\`code\\` end\\",
        "  *   * [Nested on one line](/n)",
        "* * [Item in item](/i)",
        "* ## Heading opens an item [h](/h)",
        "- # Title item *em*",
        "* + - [Three deep](/t) text",
        "*  two spaces [x](/x)",
        "  +    four spaces _u_",
        "*     five spaces",
        "* ###",
        "###",
        "## ",
        "#",
        "  * - - -",
        "* > quote",
        "* #nospace",
        "  *  ## two, then a heading ##",
        "* * ## Deep heading",
        "* *",
        "a |",
        "---|---",
        "| a | b |",
        "",
        "  ",
    ];

    #[test]
    fn nested_lists_and_emphasis_read_as_pulldown_cmark_reads_them() {
        let check = |part: &str| {
            let chunk = simple_chunk(part)?;
            assert_eq!(
                show_chunk(&chunk),
                show_chunk(&parse_chunk(part)),
                "{part:?}"
            );
            Some(())
        };
        let mut simple = 0;
        for a in NESTED_LINES {
            for b in NESTED_LINES {
                for c in NESTED_LINES {
                    simple += usize::from(check(&format!("{a}\n{b}\n{c}\n")).is_some());
                }
            }
            for b in SIMPLE_LINES {
                simple += usize::from(check(&format!("{a}\n{b}\n")).is_some());
                simple += usize::from(check(&format!("{b}\n{a}\n")).is_some());
            }
        }
        assert!(simple > NESTED_LINES.len().pow(3) / 4, "{simple}");
        for part in [
            "* a\n  * b\n    * c\n  * d\n* e\n",
            "  * a\n* b\n\n  * c\n\n  d\n\ne\n",
            "- a\n\n  para *x*\n  - b\n- c\n",
            "**a\nb** and *c\nd*\n",
            "[**a**](/a) & [_b_](/b)\n",
            "* * *\n- - -\n",
            "* a\n  ## h *x*\n  * b\n",
            "* a\n  ## h\n\n  para\n",
            "[ ![x]() Play Now  ](/p) a\\*b\\_c [d\\]](/d)\n",
            "* * [Item in item](/i)\n  * [Next](/n)\n* [Out](/o)\n",
            "* ## Heading opens an item [h](/h)\n- # Title\n\n  para\n",
            "*  two spaces [x](/x)\n   * in it\n  *    four spaces\n",
            "###\n## \nText\n#\n* ###\n",
            "* + - [Three deep](/t)\n    - [Deeper](/d)\n      * x\n",
        ] {
            assert!(simple_chunk(part).is_some(), "{part:?}");
            check(part);
        }
        for part in [
            "* a\n      * b\n",
            "* a\n\n      b\n",
            "x &amp; y\n",
            "“**a**”\n",
            "1. a\n",
            "\t* a\n",
            "* a\n  ## h\n  para\n",
            "*     five spaces\n",
            "* > quote\n",
            "  * - - -\n",
            "* *\n",
            "* #nospace\n",
        ] {
            assert!(simple_chunk(part).is_none(), "{part:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn longer_simple_chunks_read_as_pulldown_cmark_reads_them(
            picks in proptest::collection::vec(0..SIMPLE_LINES.len(), 1..12),
            blank_end in proptest::bool::ANY,
        ) {
            let mut part: String = picks.iter().map(|&i| format!("{}\n", SIMPLE_LINES[i])).collect();
            if blank_end {
                part.push('\n');
            }
            if let Some(chunk) = simple_chunk(&part) {
                proptest::prop_assert_eq!(show_chunk(&chunk), show_chunk(&parse_chunk(&part)), "{:?}", part);
            }
        }

        #[test]
        fn nested_simple_chunks_read_as_pulldown_cmark_reads_them(
            picks in proptest::collection::vec(
                (proptest::bool::ANY, 0..NESTED_LINES.len().max(SIMPLE_LINES.len())),
                1..16,
            ),
        ) {
            let part: String = picks
                .iter()
                .map(|&(nested, i)| {
                    let lines = if nested { NESTED_LINES } else { SIMPLE_LINES };
                    format!("{}\n", lines[i % lines.len()])
                })
                .collect();
            if let Some(chunk) = simple_chunk(&part) {
                proptest::prop_assert_eq!(show_chunk(&chunk), show_chunk(&parse_chunk(&part)), "{:?}", part);
            }
        }
    }

    #[test]
    fn an_oversized_paragraph_with_spans_over_line_ends_is_read_in_pieces() {
        // Emphasis, a code span and a tag each open on one line and closed on the next: no line leaves nothing
        // open, so no run is read apart until the paragraph passes OVERSIZED_RUN (issue 17).
        // Then lines that start with a year or a mark and each end inside a tag, so that no line break shows at
        // any join: the paragraph around the join says the lines are one paragraph's.
        for (lines, intro) in [
            ("[y](/y) *word and\nmore* and `code\nspan` word, <b\nclass=\"x\">z</b>\n", "Intro paragraph.\n"),
            ("2019 was *open and `code` [y](/y) <b\nclass=\"y\">z</b> close* and\n*x* was *open <b\nclass=\"y\">z</b> and\n", ""),
            // The same in a tight list item, whose paragraph has no events of its own: the tag that crosses the
            // line end shows the join. And in a quote.
            ("  word *open and `code` [y](/y) <b\n  class=\"y\">z</b> close* and more\n", "- Intro item\n"),
            ("> word *open and `code` [y](/y) <b\n> class=\"y\">z</b> close* and more\n", "> Intro\n"),
        ] {
            oversized_paragraph_read_in_pieces(lines, intro);
        }
    }

    #[test]
    fn an_oversized_paragraph_is_cut_outside_its_code_spans() {
        // Code spans of one and two backticks over line ends, the rest closed on its line: a piece that started
        // inside a span would pair its backticks otherwise, and read link text as code (README, Limits).
        for (lines, intro) in [
            (
                "[y](/y) word `code\nspan` more ``a ` b\nc`` and [z](/z), then\n",
                "Intro paragraph.\n",
            ),
            (
                "> [y](/y) word `code\n> span` more ``a ` b\n> c`` and [z](/z), then\n",
                "> Intro\n",
            ),
        ] {
            let text = oversized_paragraph(lines, intro);
            let show = |page: &Page| format!("{:?} {:?} {:?}", page.units, page.lists, page.items);
            assert_eq!(
                show(&read(&text)),
                show(&read_in_segments(&text, text.len()))
            );
        }
        let spans = |text: &str| {
            let spans = code_spans_over_lines(text, 0, text.len());
            spans
                .into_iter()
                .map(|s| (s.start, s.end))
                .collect::<Vec<_>>()
        };
        assert_eq!(spans("a `b\nc` d"), [(2, 7)]);
        assert_eq!(spans("a \\`b\nc` d `e`"), []);
        assert_eq!(spans("a ``b\nc` d``"), [(2, 12)]);
        assert_eq!(spans("a `b\nc`` d"), []);
        assert_eq!(spans("`a` `b\\`\n`"), []);
    }

    /// A paragraph of `lines` over [`OVERSIZED_RUN`] after `intro`, between paragraphs of links, which
    /// [`Hollow::find`] reads in pieces.
    fn oversized_paragraph(lines: &str, intro: &str) -> String {
        let text = format!(
            "[a](/a)\n\n[b](/b)\n\n{intro}{}\n[c](/c)\n\n[d](/d)\n",
            lines.repeat(OVERSIZED_RUN / lines.len() + 2)
        );
        let range = 0..text.len();
        let hollow = Hollow::find(&text, &range, &text, 0, PARSE_BYTES);
        assert!(hollow.is_some_and(|h| h.pieces.len() >= OVERSIZED_RUN / PARSE_BYTES));
        text
    }

    fn oversized_paragraph_read_in_pieces(lines: &str, intro: &str) {
        let small = format!("{intro}{}", lines.repeat(20));
        let range = 0..small.len();
        assert!(Hollow::find(&small, &range, &small, 0, 1).is_none());
        let text = oversized_paragraph(lines, intro);
        // The same blocks; in the paragraph, only what crosses a cut between pieces reads otherwise.
        let (apart, whole) = (read(&text), read_in_segments(&text, text.len()));
        let blocks = |page: &Page| {
            let units: Vec<_> = page
                .units
                .iter()
                .map(|u| (u.start, u.kind, u.marked, u.named))
                .collect();
            format!("{units:?} {:?} {:?}", page.lists, page.items)
        };
        assert_eq!(blocks(&apart), blocks(&whole));
        for (a, w) in apart.units.iter().zip(&whole.units) {
            for (a, w) in [(a.text, w.text), (a.links, w.links), (a.punct, w.punct)] {
                assert!(a.abs_diff(w) <= w / 1000, "{a} against {w}");
            }
        }
    }

    #[test]
    fn a_long_list_is_read_in_segments_cut_between_its_items() {
        let show = |page: &Page| format!("{:?} {:?} {:?}", page.units, page.lists, page.items);
        // Items with links, reference links and code spans holding brackets, nested items, in lists that are
        // tight, loose, ordered, and loose only from an item on; then a definition the references use.
        let item = |i: usize| {
            format!("[Item {i}](/{i}) and [ref][r] with `[x](y)` and `]`\n    - [nested](/n) `[`\n")
        };
        // Items at depth 2 or 3, tight or loose, each with a list of its own.
        let deep = |depth: usize, loose: bool| -> String {
            let pad = "  ".repeat(depth - 1);
            let head: String = (0..depth - 1)
                .map(|d| format!("{}- [level {d}](/{d})\n", "  ".repeat(d)))
                .collect();
            let blank = if loose { "\n" } else { "" };
            let items: String = (0..40)
                .map(|i| {
                    format!(
                        "{pad}- {}{blank}",
                        item(i).replace("\n    ", &format!("\n{pad}    "))
                    )
                })
                .collect();
            format!("{head}{items}")
        };
        let tight: String = (0..40).map(|i| format!("- {}", item(i))).collect();
        let loose: String = (0..40).map(|i| format!("* {}\n", item(i))).collect();
        let ordered: String = (1..40).map(|i| format!("{i}) {}", item(i))).collect();
        let late = format!("{tight}\n{tight}");
        // One item holding a nested list, at the column of its content.
        let nested = |marker: &str, nested: &str| -> String {
            let items: String = (0..40).map(|i| format!("{nested} {}", item(i))).collect();
            format!("{marker} [one](/1)\n{items}")
        };
        let lists = [
            tight,
            loose,
            ordered,
            late,
            nested("-", "  -"),
            nested("1.", "   -"),
            deep(2, false),
            deep(2, true),
            deep(3, false),
            deep(3, true),
        ];
        for list in lists {
            let text = format!("{PROSE}\n\n{list}\n{PROSE}\n\n[r]: /reference\n");
            let (segments, _) = segments(&text, 200);
            let between = segments.iter().filter(|s| s.join != Join::Closed).count();
            assert!(between > 5, "{between} of {segments:?}");
            assert_eq!(
                show(&read_in_segments(&text, 200)),
                show(&read_in_segments(&text, text.len())),
                "{text}"
            );
        }
    }

    #[test]
    fn a_text_has_no_more_units_than_lines() {
        // What lets `check` skip a one-line text: every unit starts on a line of its own.
        let one_line = [
            "- - [a](/x) [b](/y)",
            "> - [a](/x)\n\n\n",
            "* [a](/a)\r\r* [b](/b)\r\r# [c](/c)\n",
            "<div>[a](/a)</div>",
            "[a](/a) [b](/b) | [c](/c)",
        ];
        for text in one_line {
            assert!(!has_lines(text, 2), "{text:?}");
            assert!(read(text).units.len() <= 1, "{text:?}");
        }
        for a in PIECES {
            for b in PIECES {
                let text = format!("{a}{b}");
                let lines = (1..=text.len()).take_while(|&n| has_lines(&text, n)).last();
                assert!(read(&text).units.len() <= lines.unwrap_or(0), "{text:?}");
            }
        }
        assert!(has_lines("a\nb", 2) && has_lines("a\n\nb\n\n", 3));
        assert!(!has_lines("a\n\nb\n\n", 4));
    }

    #[test]
    fn chunks_read_as_the_whole_text_and_are_taken_over() {
        let show = |page: &Page| format!("{:?} {:?} {:?}", page.units, page.lists, page.items);
        // Kept from text to text, as from pass to pass: a chunk of the same text is taken over.
        let mut chunks = Chunks::default();
        let mut chunked = 0;
        // A text with link reference definitions is read whole.
        let pieces: Vec<&str> = PIECES
            .iter()
            .copied()
            .filter(|p| !p.contains("]:"))
            .collect();
        for a in &pieces {
            for b in &pieces {
                for c in &pieces {
                    let text = format!("{a}{b}{PROSE}\n\n{c}{PROSE}\n\n{a}{PROSE}\n");
                    chunked += usize::from(
                        chunk_start_after(&text, 1, &Finder::new(b"\n\n")) < text.len(),
                    );
                    assert_eq!(
                        show(&read_cached(&text, &mut chunks)),
                        show(&read(&text)),
                        "{text:?}"
                    );
                }
            }
        }
        assert!(chunked > pieces.len().pow(3) / 2, "{chunked}");
    }

    #[test]
    fn a_chunk_kept_under_its_hash_with_another_text_is_read_again() {
        let show = |page: &Page| format!("{:?} {:?} {:?}", page.units, page.lists, page.items);
        let text = format!("{PROSE}\n\n* [Home](/)\n* [News](/news)\n\n{PROSE}\n");
        let mut chunks = Chunks::default();
        let fresh = show(&read_cached(&text, &mut chunks));
        assert_eq!(fresh, show(&read(&text)));
        // Every hash kept with another text, as if each had collided with a chunk of the last text.
        for (kept, _) in chunks.last.values_mut() {
            *kept = "other".into();
        }
        assert_eq!(show(&read_cached(&text, &mut chunks)), fresh);
        // A hash kept with another chunk of the same text: the chunk is read into `spare`.
        let menu = "* [Home](/)\n* [News](/news)\n";
        let mut current = HashMap::default();
        current.insert(text_hash(menu), ("other".into(), read_chunk(PROSE)));
        let mut spare = None;
        let (key, runs_on) = take_over(menu, &mut current, &mut HashMap::default(), &mut spare);
        assert_eq!((key, runs_on), (text_hash(menu), false));
        assert_eq!(
            format!("{:?}", spare.map(|chunk| chunk.units)),
            format!("{:?}", Some(read_chunk(menu).units))
        );
    }

    #[test]
    fn a_fence_over_a_blank_line_stays_in_one_segment() {
        let text = "Intro [a](/a)\n\n```\ncode\n\nmore code\n```\n\nAfter [b](/b)\n";
        let (segments, _) = segments(text, 1);
        let ranges: Vec<Range<usize>> = segments.into_iter().map(|s| s.range).collect();
        assert_eq!(ranges, [0..15, 15..40, 40..text.len()]);
    }

    const PROSE: &str =
        "A sentence of the article, long enough to be a paragraph, with a comma and an end.";

    fn menu(n: usize) -> String {
        (0..n)
            .map(|i| format!("* [Section {i}](https://example.com/{i})\n"))
            .collect()
    }

    fn reasons(text: &str) -> Vec<(String, &'static str)> {
        PageChrome
            .check(&Context::markdown(text))
            .into_iter()
            .map(|e| (text[e.range].trim().to_string(), e.reason.unwrap_or("")))
            .collect()
    }

    #[test]
    fn menus_around_the_article_are_dropped_with_their_reason() {
        let text = format!("{}\n{PROSE}\n\n{PROSE}\n\n{}", menu(3), menu(2));
        let found = reasons(&text);
        assert_eq!(found.len(), 5, "{found:?}");
        assert!(found[..3].iter().all(|(_, r)| *r == BEFORE), "{found:?}");
        assert!(found[3..].iter().all(|(_, r)| *r == AFTER), "{found:?}");
    }

    #[test]
    fn an_article_without_page_chrome_is_left_alone() {
        let text = format!("Short label\n\n{PROSE}\n\n- [One link](https://example.com/)\n\n{PROSE}\n\nwww.example.com\n");
        assert!(reasons(&text).is_empty());
    }

    #[test]
    fn the_run_after_the_title_wins_over_a_longer_run_elsewhere() {
        let long = format!("{PROSE}\n\n").repeat(3);
        let text = format!(
            "{}\n# The title\n\n{long}{}\n{long}{long}",
            menu(3),
            menu(10)
        );
        let kept: String = {
            let mut kept = text.clone();
            let mut edits = PageChrome.check(&Context::markdown(&text));
            edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
            for e in edits {
                kept.replace_range(e.range, "");
            }
            kept
        };
        assert_eq!(kept.matches(PROSE).count(), 3, "{kept}");
    }

    #[test]
    fn the_article_ends_above_a_fall_past_chrome_that_what_follows_does_not_make_up_for() {
        const COMMENT: &str =
            "A reader's comment, long enough to be a paragraph, with a comma and an end.";
        let comments = format!("{COMMENT}\n\n").repeat(4);
        // Twelve paragraphs, a share row, four comments: the comments weigh more than the row, less than half the
        // text.
        let article = format!("{PROSE}\n\n").repeat(12);
        let text = format!("{}\n{article}{}\n{comments}{}", menu(3), menu(3), menu(3));
        let found = reasons(&text);
        let comment_reasons: Vec<_> = found.iter().filter(|(t, _)| t == COMMENT).collect();
        assert_eq!(comment_reasons.len(), 4, "{found:?}");
        assert!(
            comment_reasons.iter().all(|(_, r)| *r == AFTER),
            "{found:?}"
        );
        assert!(!found.iter().any(|(t, _)| t == PROSE), "{found:?}");
        // A second part that holds half as much as the first is the article's, past the row.
        let first = format!("{PROSE}\n\n").repeat(6);
        let text = format!("{}\n{first}{}\n{comments}{}", menu(3), menu(3), menu(3));
        assert!(!reasons(&text).iter().any(|(t, _)| t == COMMENT));
        // A fall of short lines that are not links is bridged: a list of labels is no page chrome.
        let labels = "Label\n\n".repeat(12);
        let text = format!("{}\n{article}{labels}{comments}{}", menu(3), menu(3));
        assert!(!reasons(&text).iter().any(|(t, _)| t == COMMENT));
    }

    #[test]
    fn the_article_ends_above_a_form_of_required_fields() {
        const SIDEBAR: &str =
            "Welcome to the blog, a paragraph about its author, with a comma and an end.";
        let article = format!("{PROSE}\n\n").repeat(12);
        let sidebar = format!("{SIDEBAR}\n\n").repeat(3);
        let note = "Your email address will not be published. Required fields are marked *";
        let form = format!(
            "## Leave a comment\n\n{note}\n\nComment *\n\nName *\n\nEmail *\n\nWebsite\n\n"
        );
        let text = format!("{}\n{article}{form}{sidebar}{}", menu(3), menu(3));
        let cut = chrome_cut(&text);
        assert_eq!(cut.matches(PROSE).count(), 12, "{cut}");
        for gone in ["Leave a comment", note, "Name *", "Website", SIDEBAR] {
            assert!(!cut.contains(gone), "{gone}: {cut}");
        }
        // A converter that writes each mark as a paragraph of its own (`Name` / `\*`).
        let split = "Name\n\n\\*\n\nEmail\n\n\\*\n\n";
        let text = format!("{}\n{article}{split}{sidebar}{}", menu(3), menu(3));
        assert!(!chrome_cut(&text).contains(SIDEBAR));
        // One marked line is a footnote's mark, and emphasis is no mark: the sidebar is bridged as before.
        for lines in ["Price 10 €*\n\n", "*Name*\n\n*Email*\n\n"] {
            let text = format!("{}\n{article}{lines}{sidebar}{}", menu(3), menu(3));
            assert!(chrome_cut(&text).contains(SIDEBAR), "{lines}");
        }
    }

    /// The text with `N004`'s edits made.
    fn chrome_cut(text: &str) -> String {
        Edit::apply_all(text, &PageChrome.check(&Context::markdown(text)))
    }

    #[test]
    fn the_fall_the_article_ends_above_is_a_fixed_point_in_a_thread() {
        // A thread of comments, each a name, a linked date, its text and a reply link: every comment falls by two
        // links' weight and makes up for it, and the thread outweighs the article. Cut below its last comment, the
        // thread ends a comment higher, and the fall above that one is what the text ends on.
        let words = [PROSE; 4].join(" ");
        let comment = |i: usize| {
            format!(
                "{i}. **Reader {i}**\n\n    says:\n\n    [{i} May](https://example.com/c{i})\n\n    {words}\n\n    [Reply](https://example.com/r{i})\n\n"
            )
        };
        let thread: String = (1..=12).map(comment).collect();
        let article = format!("{PROSE}\n\n").repeat(12);
        let text = format!(
            "{}\n# Title\n\n{article}{}\n{thread}{}",
            menu(3),
            menu(3),
            menu(3)
        );
        let once = chrome_cut(&text);
        assert_ne!(once, text);
        assert_eq!(chrome_cut(&once), once);
        // The cut comes to rest in one pass, below the first comment: the article falls into it by less than two
        // links' weight (the row of links between them is pruned).
        assert!(once.contains("Reader 1**"), "{once}");
        assert!(
            (2..=12).all(|i| !once.contains(&format!("Reader {i}**"))),
            "{once}"
        );
    }

    #[test]
    fn a_notice_that_closes_the_page_below_its_footer_is_not_the_article() {
        const NOTICE: &str =
            "We use cookies to measure the visits, and partners of ours may read them too.";
        let notice = format!("{NOTICE}\n\n").repeat(8);
        let article = format!("{PROSE}\n\n").repeat(2);
        let text = format!(
            "{}\n# Title\n\nBy an author\n\n{article}{}\n{notice}",
            menu(3),
            menu(30)
        );
        let found = reasons(&text);
        assert!(!found.iter().any(|(t, _)| t == PROSE), "{found:?}");
        assert_eq!(
            found.iter().filter(|(t, _)| t == NOTICE).count(),
            8,
            "{found:?}"
        );
        // A run under the title past a menu is no article next to its title: the run below is kept.
        let text = format!(
            "{}\n# Title\n\n{}\n{article}{}\n{notice}",
            menu(3),
            menu(3),
            menu(30)
        );
        assert!(!reasons(&text).iter().any(|(t, _)| t == NOTICE));
        // Its buttons below it (two blocks of links) do not keep it: the notice ends the page over them.
        let buttons = "[Privacy policy](https://example.com/privacy)\n\n[Accept](https://example.com/#accept)\n";
        let page = |below: &str| {
            format!(
                "{}\n# Title\n\nBy an author\n\n{article}{}\n{notice}{below}",
                menu(3),
                menu(30)
            )
        };
        let found = reasons(&page(buttons));
        assert!(!found.iter().any(|(t, _)| t == PROSE), "{found:?}");
        assert_eq!(
            found.iter().filter(|(t, _)| t == NOTICE).count(),
            8,
            "{found:?}"
        );
        // More blocks of links than a notice's buttons below it are page chrome: the notice does not end the page.
        assert!(!reasons(&page(&menu(4))).iter().any(|(t, _)| t == NOTICE));
    }

    #[test]
    fn a_heading_over_nothing_kept_goes_with_what_was_pruned_below_it() {
        let three = format!("{PROSE}\n\n").repeat(3);
        let text = format!(
            "{}\n# The title\n\n{three}### Share this:\n\n{}\n## Two\n\n{three}## Next\n\n## Last\n\n{three}{}",
            menu(3),
            menu(2),
            menu(3)
        );
        let found = reasons(&text);
        let heading = |h: &str| found.iter().find(|(t, _)| t == h).map(|(_, r)| *r);
        assert_eq!(heading("### Share this:"), Some(EMPTY_HEADING), "{found:?}");
        assert_eq!(heading("## Next"), Some(EMPTY_HEADING), "{found:?}");
        assert_eq!(heading("## Last"), None, "{found:?}");
        assert_ne!(heading("# The title"), Some(EMPTY_HEADING), "{found:?}");
        assert!(!found.iter().any(|(t, _)| t == PROSE), "{found:?}");
    }

    #[test]
    fn a_link_broken_across_blocks_is_link_text() {
        let page =
            read("[\n\n**A teaser title that is long enough**\n\n](https://example.com/a)\n");
        assert!(page.units.iter().all(|u| u.links == u.text && u.marked));
    }

    #[test]
    fn the_article_never_starts_inside_a_list_item() {
        let text = format!(
            "{}\n* [\n\n    A teaser, long enough to be read as a paragraph, with commas, and an end.\n\n    {PROSE}\n\n{PROSE}\n",
            menu(3)
        );
        let page = read(&text);
        let article = article(&page, &text, Fall::Find).expect("the menu is dropped");
        assert!(page.items[article.start]
            .as_ref()
            .is_none_or(|item| item.start == article.start));
    }

    #[test]
    fn an_indented_menu_is_links_and_indented_code_is_not_chrome() {
        let page = read(&format!(
            "{PROSE}\n\n    [Home](/)\n    [World](/world/)\n\n{PROSE}\n\n    let x = a[1](2);\n"
        ));
        let code: Vec<&Unit> = page.units.iter().filter(|u| u.kind == Kind::Code).collect();
        assert_eq!(code.len(), 2);
        assert!(
            code[0].marked && code[0].links == code[0].text,
            "{:?}",
            code[0]
        );
        // Code that happens to hold link syntax is still mostly text.
        assert!(!code[1].is_chrome(), "{:?}", code[1]);
    }

    #[test]
    fn a_table_of_numbers_with_linked_cells_stays() {
        let rows: String = (1..=6)
            .map(|i| {
                if i % 3 == 0 {
                    format!("{i} [Driver {i}](https://example.com/{i}) {}\n\n", 100 - i)
                } else {
                    format!("{i} Driver {i} {} 0 1\n\n", 100 - i)
                }
            })
            .collect();
        let text = format!("{}\n{PROSE}\n\n{rows}{PROSE}\n\n{}", menu(3), menu(3));
        let page = read(&text);
        assert!(page
            .units
            .iter()
            .filter(|u| u.links > 0 && u.digits)
            .all(|u| u.data));
        let found = reasons(&text);
        assert!(
            found.iter().all(|(t, _)| !t.contains("Driver")),
            "{found:?}"
        );
        assert_eq!(found.len(), 6, "{found:?}");
    }

    #[test]
    fn the_cells_a_row_holds_past_the_header_are_read() {
        // A converter's layout table: an empty header cell, the menu and the article in the cells the parser drops.
        let text = format!("|  |\n| --- |\n| [Home](/) | {PROSE} | [About](/a) |\n| x |\n");
        let page = read(&text);
        assert_eq!(page.units.len(), 1);
        let (table, prose) = (&page.units[0], read(PROSE).units[0]);
        assert_eq!(table.kind, Kind::Table);
        assert_eq!(table.text, prose.text + 1 + 9);
        assert_eq!(table.links, prose.links + 9);
    }

    #[test]
    fn numbers_inside_links_make_no_data() {
        let page = read("* [iOS 13 guide](/a)\n* [iPhone 11 review](/b)\n* [Top 10 apps](/c)\n");
        assert!(page.units.iter().all(|u| !u.digits && !u.data));
    }

    #[test]
    fn links_showing_their_address_are_no_evidence_of_a_page() {
        let refs: String = (1..=4)
            .map(|i| format!("\\[{i}\\] [https://example.org/{i}](https://example.org/{i})\n\n"))
            .collect();
        let text = format!("{PROSE}\n\n{PROSE}\n\n{refs}");
        assert!(reasons(&text).is_empty());
    }

    #[test]
    fn references_showing_their_address_inside_the_article_stay() {
        // A page with its chrome, whose article cites its sources as addresses: the references are its text.
        let refs: String = (1..=3)
            .map(|i| format!("\\[{i}\\] [https://example.org/{i}](https://example.org/{i})\n\n"))
            .collect();
        let prose = |n: usize| format!("{PROSE}\n\n").repeat(n);
        let text = format!(
            "{}\n{}{refs}{}[https://example.org/more](https://example.org/more)\n\n{}{}",
            menu(3),
            prose(4),
            prose(2),
            prose(2),
            menu(2)
        );
        let found = reasons(&text);
        assert_eq!(found.len(), 5, "{found:?}");
        assert!(
            found.iter().all(|(t, _)| !t.contains("example.org")),
            "{found:?}"
        );
    }

    #[test]
    fn link_paragraphs_between_the_paragraphs_of_an_article_without_chrome_stay() {
        // Markdown that is an article already (no menu above it, no link list below it): a `Print` link or a
        // download link between its paragraphs is its own, as the HTML extractor kept it.
        let text = format!(
            "{PROSE}\n\n[Print](https://example.org/print/11467)\n\n{PROSE}\n\n*[Picture (jpeg, 1MB)](https://example.org/a.jpg)*\n\n{PROSE}\n"
        );
        assert!(reasons(&text).is_empty(), "{:?}", reasons(&text));
        // Beside its last paragraph a row of links weighs against the article, and goes.
        let trailer = format!("{text}\n- [Another story](https://example.org/b)\n");
        let found = reasons(&trailer);
        assert!(
            found.len() == 1 && found[0].0.contains("Another story"),
            "{found:?}"
        );
    }

    #[test]
    fn link_paragraphs_between_the_paragraphs_of_an_article_with_little_chrome_stay() {
        // A row of two teasers under the article: its side goes, but a page with three blocks of links in all (the
        // `Print` link among them) is an article with a few links around it, and its own link between its
        // paragraphs stays.
        let article = format!(
            "{PROSE}\n\n[Print](https://example.org/print/11467)\n\n{PROSE}\n\n{PROSE}\n\n"
        );
        let text = format!("{article}{}", menu(2));
        let found = reasons(&text);
        assert!(
            found.len() == 2 && found.iter().all(|(_, r)| *r == AFTER),
            "{found:?}"
        );
        // A page dump, with a menu above the article too: a link paragraph inside it is chrome as often.
        let dump = format!("{}\n{text}", menu(4));
        let found = reasons(&dump);
        assert!(
            found
                .iter()
                .any(|(t, r)| t.starts_with("[Print]") && *r == LINK_PARAGRAPH),
            "{found:?}"
        );
    }

    #[test]
    fn an_address_cut_short_in_the_middle_shows_its_address() {
        // Forums show a long address cut short by an ellipsis: the link still shows where it goes.
        assert_eq!(
            urls("http://www.example.org/docume ... ve.de.html").0,
            density::count("http://www.example.org/docume ... ve.de.html").0
        );
        assert_eq!(
            urls("www.example.org/a … b.html").0,
            density::count("www.example.org/a … b.html").0
        );
        // An ellipsis after a name is no part of an address.
        assert_eq!(urls("Read more ... here").0, 0);
    }

    #[test]
    fn an_item_the_article_starts_in_is_left_out_when_it_weighs_against() {
        let text = format!(
            "{}\n* [Share](#share)\n\n  Email\n\n  Print\n\n  Copy\n\n  These are links that open in a new window, it says.\n\n{PROSE}\n\n{PROSE}\n",
            menu(3)
        );
        let page = read(&text);
        let article = article(&page, &text, Fall::Find).expect("the menu is dropped");
        assert_eq!(page.units[article.start].kind, Kind::Paragraph);
    }

    #[test]
    fn a_bold_label_and_one_link_is_a_field_of_the_article() {
        let text = format!(
            "{}\n{PROSE}\n\n{PROSE}\n\n**Map:** [Open the map](https://maps.example/a)\n\n{PROSE}\n\n{PROSE}\n\n{}",
            menu(3),
            menu(2)
        );
        let found = reasons(&text);
        assert_eq!(found.len(), 5, "{found:?}");
        assert!(
            found.iter().all(|(t, _)| !t.starts_with("**Map")),
            "{found:?}"
        );
        assert!(is_field("**Website**: [Name](https://example.com/)"));
        assert!(!is_field("**Website:** [A](/a) [B](/b)"));
        assert!(!is_field("**Website** [A](/a)"));
        assert!(!is_field("See **this:** [A](/a)"));
        assert!(!is_field("**Website:** [A](/a) and more"));
        assert!(!is_field(
            "**Related:** [Six words of another story here](/story)"
        ));
    }

    #[test]
    fn a_sentence_around_its_links_is_the_article_s() {
        let names = "[Elizabeth Warren](https://example.com/w), [Bernie Sanders](https://example.com/s) and \
                     [Pete Buttigieg](https://example.com/b).";
        // Cut by a page break before its links, after running text; whole, with its words before the links.
        let cut = "Most of the voters we met on Saturday said they had not made up their minds, and were pulling for";
        for middle in [
            format!("{cut}\n\n{names}"),
            format!("Voters are pulling for {names}"),
        ] {
            let text = format!(
                "{}\n{PROSE}\n\n{middle}\n\n{PROSE}\n\n{PROSE}\n\n{}",
                menu(3),
                menu(2)
            );
            let found = reasons(&text);
            assert!(
                found.iter().all(|(t, _)| !t.contains("Warren")),
                "{found:?}"
            );
        }
        // A teaser's title after a label, a row of links after a sentence end, a label of a few words: dropped.
        let above = Some("The vote is on Saturday.");
        assert!(!is_sentence_around_links(
            "Read more: [The whole story of the vote](/a).",
            None,
            None
        ));
        assert!(!is_sentence_around_links(names, above, None));
        assert!(!is_sentence_around_links(
            names,
            Some("Related stories"),
            None
        ));
        assert!(!is_sentence_around_links(
            "[The whole story of the vote](/a)",
            Some(cut),
            None
        ));
        assert!(is_sentence_around_links(names, Some(cut), None));
    }

    #[test]
    fn a_paragraph_of_links_whose_sentence_goes_on_below_is_kept() {
        let rest = "at the Department of Soil Studies at the University of Eastmoor, who had no part in the survey.";
        // Cut by a page break after its links, the sentence going on in lower case: kept inside the article.
        for links in [
            "Rosa Pell, [an expert in farming and water quality](https://example.org/a)",
            "[Clay soil compaction](https://example.org/b)",
        ] {
            let text = format!(
                "{}\n{PROSE}\n\n{links}\n\n{rest}\n\n{PROSE}\n\n{PROSE}\n\n{}",
                menu(3),
                menu(2)
            );
            let found = reasons(&text);
            assert!(
                found
                    .iter()
                    .all(|(t, _)| !t.contains("https://example.org/")),
                "{found:?}"
            );
            assert!(is_sentence_around_links(links, None, Some(rest)));
        }
        // A teaser's title ending in a sentence end, or one above a paragraph of its own, or above a short line:
        // page chrome.
        let title = "[The whole story of the vote](/a)";
        assert!(!is_sentence_around_links(
            "[The whole story of the vote.](/a).",
            None,
            Some(rest)
        ));
        assert!(!is_sentence_around_links(
            title,
            None,
            Some("The vote is on Saturday, and the polls open at eight in the morning.")
        ));
        assert!(!is_sentence_around_links(title, None, Some("and more")));
    }

    #[test]
    fn a_link_whose_sentence_goes_on_in_lower_case_over_a_page_break_is_kept() {
        let below = "The Scramble for Europe by Stephen Smith rests on the idea that the share of people who leave \
                     stays the same as the population grows.";
        // One link, its sentence going on in words of its own, cut before a paragraph opening on a title.
        let review = "[Your review](https://example.org/review) of the book";
        let text = format!(
            "{}\n{PROSE}\n\n{review}\n\n{below}\n\n{PROSE}\n\n{PROSE}\n\n{}",
            menu(3),
            menu(2)
        );
        let found = reasons(&text);
        assert!(
            found.iter().all(|(t, _)| !t.contains("Your review")),
            "{found:?}"
        );
        assert!(is_sentence_around_links(review, None, Some(below)));
        // One word after the link, a word in capitals, two links, a sentence end, or a short line below: chrome.
        for links in [
            "[Your review](/r) here",
            "[Your review](/r) Of The Book",
            "[Share](/s) and [Print](/p) this page",
            "[Your review](/r) of the book.",
        ] {
            assert!(
                !is_sentence_around_links(links, None, Some(below)),
                "{links}"
            );
        }
        assert!(!is_sentence_around_links(
            review,
            None,
            Some("Related stories")
        ));
    }

    #[test]
    fn an_address_is_found_at_its_colon_or_dot() {
        for text in [
            "https://example.org/",
            "see www.example.org",
            "a: b. c",
            "www",
            ":/",
            "",
            "x.www.y",
            "é://",
        ] {
            assert_eq!(
                has_address(text),
                text.contains("://") || text.contains("www."),
                "{text:?}"
            );
        }
    }

    #[test]
    fn placeholders_are_not_links() {
        assert!(!leads_somewhere("#"));
        assert!(!leads_somewhere(" javascript:void(0)"));
        assert!(!leads_somewhere("JavaScript:void(0)"));
        assert!(leads_somewhere("javascript"));
        assert!(leads_somewhere("#main"));
        assert!(leads_somewhere("https://example.com/"));
    }
}
