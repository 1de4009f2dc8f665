//! The evidence of `B003`: where the page boundaries are (page numbers, the spacing of pages, prose cut around them),
//! and which short lines recur there as running headers and footers ([`recurring_furniture`]).

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use super::facts::{LineFacts, MIN_MID_CLAUSE_WORDS};
use super::joins::{MAX_BETWEEN, MIN_RUNNING_WORDS};
use super::near::{parts, template, Copies};
use super::page_number::{first_number, labelled_domain, page_address, page_number};
use super::shapes::{
    header_shape, holds_domain, holds_link, in_capitals, is_label, name_word, names_something,
    numbered_header, one_word_label, split_parts, MIN_NAME_LETTERS,
};
use super::words::named_in_text;
use crate::rules::body::{leading_char, BlockKind, Body, Ending};

/// The longest line that can be a running header or footer.
const MAX_FURNITURE_CHARS: usize = 200;
/// The most words a running header or footer has (a title and a site name, a date, a page counter); a longer
/// line is a sentence of the text.
const MAX_FURNITURE_WORDS: usize = 24;

/// For each block, whether it is one of a pair at a page boundary: a page number and a header right beside it. A
/// page number between paragraphs of running text marks where a page ends, and the line right above or below it
/// is that page's foot or the next one's head. A header there is furniture even where it stands once (a short
/// document has one or two page boundaries, and its furniture may show on one of them only), and the two vouch for
/// each other: the page number alone may have no prose beside it to show where it stands. But a page may as well
/// end before a subheading, so the line must read as a header and not as one:
/// - a label in a header's shape ([`header_shape`]: parts between separators, a year, a title cut short,
///   capitals, a domain) whose words are a name's ([`name_word`]: `Page 1/3` / `A Title Cut Short…`, `(2)` /
///   `THE DAILY NEWS`, `Example Journal, April 9, 2018` / `Page 2 / 4`), or that names a domain (`#1` /
///   `example.es — El título`); no clause (`Instead it turns` / `Page 1 of 3`), no colon (`Date: 21.02.2020`) and
///   no emphasis, which are the text's own; nor capitals where the document writes another line in capitals
///   (`(3)` / `USING HONEY` in a recipe whose subheadings are all in capitals);
/// - a subheading names what the text below it speaks of, a header the site or the section: a line with a part
///   named in the text after it (`PAGE 1` / `Windows` over `The Windows downloads …`, `(8)` / `Vivy – Example
///   Insurance` over a paragraph on `Vivy`) is left;
/// - a one-word label (`PAGE 1` / `Sports`) is a subheading as often as a section name: it counts only where
///   another page number has one in the same case on the same side ([`MIN_RUNNING_COPIES`] in all), as a section
///   name changes from page to page but keeps its place.
///
/// A page number that is a year (`May 2020` / `Date: …`) marks no page: its number is at most [`MAX_PAGES`].
/// `top_blocks`, `shaped` and `facts` are those of [`analyse`]; `boundary` tells the short lines at a page boundary
/// ([`at_page_boundary`]).
///
/// [`analyse`]: super::analyse
pub(super) fn headed_page_numbers(
    body: &Body<'_>,
    top_blocks: usize,
    boundary: &[bool],
    shaped: &[bool],
    facts: &[Option<Rc<LineFacts>>],
) -> Vec<bool> {
    let n = body.blocks.len();
    let mut out = vec![false; n];
    let page_number_at = |k: usize| {
        boundary[k]
            && shaped[k]
            && facts[k].as_ref().is_some_and(|f| f.numbered)
            && first_number(body.block_text(k)).is_some_and(|p| p <= MAX_PAGES)
    };
    // Another line in capitals under the text's first paragraph (not a copy of this one) shows the document's
    // own subheadings in that style; a title in capitals above the text does not.
    let capitals_lines: Vec<&str> = (top_blocks..n)
        .filter(|&k| facts[k].is_some())
        .map(|k| body.block_text(k).trim())
        .filter(|t| in_capitals(t))
        .collect();
    let capitals_of_text =
        |text: &str| in_capitals(text) && capitals_lines.iter().any(|&other| other != text);
    let named_below = |i: usize, text: &str| {
        let below = &body.text[body.blocks[i].range.end..];
        split_parts(text)
            .map(str::trim)
            .filter(|p| names_something(p))
            .any(|p| named_in_text(below, p))
    };
    // One-word labels beside a page number: (below it, in capitals, the label, the page number).
    let mut one_word: Vec<(bool, bool, usize, usize)> = Vec::new();
    for i in (0..n).filter(|&i| boundary[i] && !shaped[i]) {
        let Some(f) = facts[i].as_ref() else { continue };
        let text = body.block_text(i).trim();
        if holds_link(text)
            || !f.label(text)
            || text.contains(':')
            || text.starts_with(['*', '_'])
            || named_below(i, text)
            || capitals_of_text(text)
        {
            continue;
        }
        for (below, k) in [(true, i.checked_sub(1)), (false, Some(i + 1))] {
            let Some(k) = k.filter(|&k| k < n && page_number_at(k)) else {
                continue;
            };
            if f.one_word(text) {
                let capitals = text.chars().all(char::is_uppercase);
                one_word.push((below, capitals, i, k));
            } else if f.header(text)
                && (holds_domain(text) || text.split_whitespace().all(name_word))
            {
                out[i] = true;
                out[k] = true;
            }
        }
    }
    for &(below, capitals, i, k) in &one_word {
        let alike = one_word
            .iter()
            .filter(|&&(b, c, j, _)| b == below && c == capitals && j != i)
            .count();
        if alike + 1 >= MIN_RUNNING_COPIES {
            out[i] = true;
            out[k] = true;
        }
    }
    out
}

/// A single-line paragraph short enough to be a header, a footer or a page number.
pub(super) fn is_short_line(body: &Body<'_>, i: usize) -> bool {
    let block = &body.blocks[i];
    if block.kind != BlockKind::Paragraph || block.lines != 1 {
        return false;
    }
    let text = body.block_text(i).trim();
    // At most that many characters: the count stops after it (a paragraph is one line of paged text). White space
    // around the text changes no word count: the block's own is the one counted once for all rules.
    body.words(i) <= MAX_FURNITURE_WORDS
        && (text.len() <= MAX_FURNITURE_CHARS || text.chars().nth(MAX_FURNITURE_CHARS).is_none())
}

/// A furniture line between two paragraphs of running text (not inside a table, a list or a run of short lines).
pub(super) fn between_prose(body: &Body<'_>, i: usize, shaped: &[bool]) -> bool {
    let prose = |k: usize| {
        body.blocks[k].kind == BlockKind::Paragraph && body.words(k) >= MIN_RUNNING_WORDS
    };
    let n = body.blocks.len();
    let before = (i.saturating_sub(MAX_BETWEEN)..i)
        .rev()
        .find(|&k| !shaped[k]);
    let after = (i + 1..n.min(i + 1 + MAX_BETWEEN)).find(|&k| !shaped[k]);
    before.is_some_and(prose) || after.is_some_and(prose)
}

/// The words a paragraph before a page boundary has at least: running text, not a heading or a list item.
pub(super) const MIN_PROSE_BEFORE_WORDS: usize = 12;
/// The words a paragraph after a page boundary has at least (the rest of a cut sentence can be short).
const MIN_PROSE_AFTER_WORDS: usize = 6;
/// Copies of a line that must stand at page boundaries before it counts as a running header or footer. Two is
/// enough: a short document has only two or three pages.
pub(super) const MIN_RUNNING_COPIES: usize = 2;
/// The most short lines a page boundary holds: a footer, a page number and a header. A longer run of short lines
/// is a list, a table or a block of facts, whose repeated labels are no furniture.
const MAX_FURNITURE_RUN: usize = 3;
/// The least text a printed page holds, in characters. Copies of a line closer together than this are part of
/// the text (a `Get it at Shopwell` under each deal), not furniture printed once a page.
const MIN_PAGE_CHARS: usize = 1000;
/// How far (a share of the median spacing of the furniture found) a section name may stand from where the
/// document's pages put the next boundary. Printed pages of one layout hold about as much text each; a quarter
/// allows for a page ending a chapter or holding a figure, and keeps out a subheading mid-page (half a page off).
const PAGE_SPACING_TOLERANCE: f64 = 0.25;

/// The least and most characters between two page boundaries whose pages are `page` characters long (see
/// [`PAGE_SPACING_TOLERANCE`]).
pub(super) fn spacing_bounds(page: usize) -> (usize, usize) {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "a page's characters, far below 2^52, rounded"
    )]
    let off = (page as f64 * PAGE_SPACING_TOLERANCE).round() as usize;
    (page.saturating_sub(off), page + off)
}

/// The median number of characters between the page boundaries of `sure` (furniture lines, in order): lines
/// closer than [`MIN_PAGE_CHARS`] stand at one boundary (a footer, a header). `None` without two boundaries.
pub(super) fn median_page_spacing(sure: &[usize], distances: &Distances<'_, '_>) -> Option<usize> {
    let mut gaps: Vec<usize> = sure
        .windows(2)
        .map(|w| distances.chars_between(w[0], w[1]))
        .filter(|&d| d >= MIN_PAGE_CHARS)
        .collect();
    gaps.sort_unstable();
    gaps.get(gaps.len() / 2).copied()
}

/// Whether short line `i` stands where a page boundary falls in running text: in a run of at most
/// [`MAX_FURNITURE_RUN`] short lines after a paragraph of running text (maybe cut mid-sentence) and before another.
pub(super) fn at_page_boundary(body: &Body<'_>, i: usize, short: &[bool]) -> bool {
    let n = body.blocks.len();
    // Looking further than a run's length is no use: a longer run is no page boundary (and a document of short
    // lines only would cost the square of its length).
    let before = (i.saturating_sub(MAX_FURNITURE_RUN)..i)
        .rev()
        .find(|&k| !short[k]);
    let after = (i + 1..(i + 1 + MAX_FURNITURE_RUN).min(n)).find(|&k| !short[k]);
    let (Some(before), Some(after)) = (before, after) else {
        return false;
    };
    if after - before - 1 > MAX_FURNITURE_RUN {
        return false;
    }
    // A page boundary falls in running text, and in a long list item or quote as well.
    let paragraph = |k: usize, words: usize| {
        matches!(
            body.blocks[k].kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote
        ) && body.words(k) >= words
    };
    paragraph(before, MIN_PROSE_BEFORE_WORDS)
        && body.ending(before) != Ending::Colon
        && paragraph(after, MIN_PROSE_AFTER_WORDS)
}

/// Whether short line `i` is a footer: a label holding no link, right above a page number, right below a paragraph
/// of running text cut mid-sentence (no end punctuation), with a paragraph after the page number. No heading
/// stands after a sentence cut mid-way, so the line belongs to the page, not to the text: `Continued on page 2`,
/// `Fortsetzung nächste Seite`, `Printed on 31.01.2022 from example.com`. After a paragraph that ends a sentence,
/// only a label that names a domain is one (`Gedruckt am 31.01.2022 von example.de` / `S. 1`): a heading or the
/// short first half of a split could stand there too, and a year or a separator is no evidence against either.
/// Asked only of a document that ends its paragraphs with sentence ends, where an open end is a cut and not a
/// style. Where the paragraph after the page number starts in lowercase, the line could be the first half of a
/// split itself (`How to grow it: FAQs` / `The answers below will help you have a clear` / `p. 3` / `and simple
/// picture …`), unless it is a short label starting with a capital below a paragraph cut mid-sentence (`… the
/// smallest of` / `Please turn over` / `2 | 3` / `its members …`): the cut sentence goes on after the page
/// number, and a paragraph cut so short after a heading is rare. There the paragraph above may be as short as the
/// last words of a sentence that a page's foot cut.
pub(super) fn footer_above_page_number(body: &Body<'_>, i: usize, short: &[bool]) -> bool {
    let n = body.blocks.len();
    if i == 0 || i + 2 >= n || !short[i + 1] {
        return false;
    }
    let text = body.block_text(i);
    let paragraph = |k: usize| body.blocks[k].kind == BlockKind::Paragraph;
    let lower_after = leading_char(body.block_text(i + 2)).is_some_and(char::is_lowercase);
    // A label over the rest of a cut sentence: short, starting with a capital, below a cut.
    let footer_in_cut = lower_after
        && matches!(body.ending(i - 1), Ending::Open | Ending::Hyphen)
        && body.words(i) <= MAX_FOOTER_LABEL_WORDS
        && leading_char(text).is_some_and(char::is_uppercase);
    let min_above = if footer_in_cut {
        MIN_MID_CLAUSE_WORDS
    } else {
        MIN_RUNNING_WORDS
    };
    paragraph(i - 1)
        && body.words(i - 1) >= min_above
        && match body.ending(i - 1) {
            Ending::Open | Ending::Hyphen => true,
            // After a sentence end a heading could stand at the foot of a page, or the short first half of a
            // paragraph cut by the page break (`In 2019 the company said`); a line naming a domain does neither.
            Ending::Terminal => holds_domain(text),
            _ => false,
        }
        && page_number(body.block_text(i + 1).trim())
        && paragraph(i + 2)
        && body.words(i + 2) >= MIN_PROSE_AFTER_WORDS
        && (!lower_after || footer_in_cut)
        && !holds_link(text)
        && is_label(text)
}

/// The most words of a footer label over the rest of a sentence cut by its page (`Please turn over`, `Continued
/// on the next page`, `Fortsetzung auf der nächsten Seite`): the first half of a paragraph cut right after a
/// heading is as short only when the page ends a few words into it.
const MAX_FOOTER_LABEL_WORDS: usize = 5;

/// For each block, whether it is one of a pair of short lines: a footer naming the page's address
/// ([`url_line`]: `Source: https://example.com/a`; [`dated_domain`]: `Printed on 31.01.2022 from example.com`;
/// [`labelled_domain`]: `Druckversion – example.de`), a header holding its page number ([`numbered_header`]:
/// `3 · Example Journal`), or a label naming the next page ([`names_next_pages`]: `Continued on page 2` above
/// `Pg. 1`), and a page number right above or below it. Two shapes of
/// furniture side by side vouch for each other wherever they stand (after a short paragraph, a list item, a table
/// or a quote, where no page boundary is seen by position), when they stand alone between longer blocks: in a run
/// of at most [`MAX_FURNITURE_RUN`] short lines, as a page boundary holds. A longer run is a list of sites and
/// their ranks, or the lines on top of the document. A short line that reads as text (it ends a sentence, `Four
/// teams will join the field.`, or holds one) is a paragraph of the text, neither a list item beside a rank nor a
/// label on top: it bounds the run as a longer block does, so that a pair between the short paragraphs of a news
/// story counts. `facts` are those of the short lines.
///
/// [`url_line`]: super::page_number::url_line
/// [`dated_domain`]: super::page_number::dated_domain
pub(super) fn addressed_page_numbers(
    body: &Body<'_>,
    short: &[bool],
    facts: &[Option<Rc<LineFacts>>],
) -> Vec<bool> {
    let n = body.blocks.len();
    let mut out = vec![false; n];
    // Whether a short line is a bare page number: a fact of its text, kept from pass to pass.
    let number = |k: usize| {
        facts[k]
            .as_ref()
            .is_some_and(|f| short[k] && f.counter(body.block_text(k)))
    };
    // Whether a block is a line of a run of short lines: one that does not read as text.
    let listed = |k: usize| {
        facts[k]
            .as_ref()
            .is_some_and(|f| short[k] && !f.text_like(body.block_text(k)))
    };
    for i in 0..n {
        let Some(f) = facts[i].as_ref().filter(|_| short[i]) else {
            continue;
        };
        // The page number beside it first: most short lines have none, and the address is read only then.
        let beside = [i.checked_sub(1), Some(i + 1)].map(|k| {
            k.filter(|&k| {
                k < n
                    && short[k]
                    && number(k)
                    && short_run_within(&listed, n, i.min(k), i.max(k), MAX_FURNITURE_RUN)
            })
        });
        if beside.iter().all(Option::is_none) {
            continue;
        }
        let text = body.block_text(i);
        // A label naming the page after the number beside it (`Continued on page 2` / `Pg. 1`, `weiter auf S. 3`
        // / `– Seite 2 –`) points from one page to the next, in any language: a caption or a list item naming
        // the number after a bare number right beside it is not seen. The number ends the label as a word of its
        // own, as a page reference does; a number inside a title (`Apple AirPods 2 with charging case`), glued
        // to a word (`of4`) or after a sentence (`… möglich wird. [3]`, a note's mark) is no page.
        let names_next_page = || {
            let words = text.split_whitespace();
            words.clone().count() <= MAX_NEXT_PAGE_LABEL_WORDS
                && words
                    .clone()
                    .next_back()
                    .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
                && words
                    .rev()
                    .nth(1)
                    .is_some_and(|w| w.contains(char::is_alphabetic))
                && is_label(text)
                && names_next_pages(body, &[i], short)
        };
        let address = (f.url(text) && page_address(text.trim()))
            || f.dated_domain(text)
            || labelled_domain(text)
            || numbered_header(text)
            || names_next_page();
        if !address || holds_link(text) {
            continue;
        }
        out[i] = true;
        for k in beside.into_iter().flatten() {
            out[k] = true;
        }
    }
    out
}

/// The most words of a label naming the next page (`Continued on page 2`, `Fortsetzung auf der nächsten Seite 2`).
const MAX_NEXT_PAGE_LABEL_WORDS: usize = 6;

/// Whether the run of lines holding blocks `first..=last` (of `n` blocks) has at most `max` lines, the lines
/// around them that `listed` takes counted in. The run is read no further than `max` lines on either side.
fn short_run_within(
    listed: &dyn Fn(usize) -> bool,
    n: usize,
    first: usize,
    last: usize,
    max: usize,
) -> bool {
    let inside = last - first + 1;
    let before = (first.saturating_sub(max)..first)
        .rev()
        .take_while(|&k| listed(k))
        .count();
    let after = (last + 1..n.min(last + 1 + max))
        .take_while(|&k| listed(k))
        .count();
    inside + before + after <= max
}

/// Whether line `i` stands inside a sentence cut in two: the paragraph right above it stops mid-sentence and the
/// one right below goes on in lower case. Only a page boundary puts a line there.
fn inside_cut_sentence(body: &Body<'_>, i: usize) -> bool {
    let paragraph = |k: usize| body.blocks[k].kind == BlockKind::Paragraph;
    i > 0
        && i + 1 < body.blocks.len()
        && paragraph(i - 1)
        && paragraph(i + 1)
        && matches!(body.ending(i - 1), Ending::Open | Ending::Hyphen)
        && body
            .block_text(i + 1)
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// Whether short line `i` stands after a paragraph cut mid-sentence: no heading or label stands there.
pub(super) fn after_open_paragraph(body: &Body<'_>, i: usize, short: &[bool]) -> bool {
    (i.saturating_sub(MAX_BETWEEN + 1)..i)
        .rev()
        .find(|&k| !short[k])
        .is_some_and(|k| matches!(body.ending(k), Ending::Open | Ending::Hyphen))
}

/// A line that repeats is a running header when every copy of it stands between two long paragraphs of running
/// text that end in sentence ends, where no heading or label would stand.
fn between_long_prose(body: &Body<'_>, copies: &[usize]) -> bool {
    let long_prose = |k: usize| {
        body.blocks[k].kind == BlockKind::Paragraph
            && body.words(k) >= MIN_PROSE_BEFORE_WORDS
            && body.ending(k) == Ending::Terminal
    };
    copies
        .iter()
        .all(|&k| k > 0 && k + 1 < body.blocks.len() && long_prose(k - 1) && long_prose(k + 1))
}

/// How many characters of a body's text stand between its blocks, counted once for all the questions of an
/// analysis instead of once a question (each copy of a running header asks about its copies).
pub(super) struct Distances<'b, 'a> {
    body: &'b Body<'a>,
    /// For block `k`, the characters before its start (`2k`) and before its end (`2k + 1`); `None` when the
    /// blocks do not follow one another.
    chars: OnceCell<Option<Vec<usize>>>,
}

impl<'b, 'a> Distances<'b, 'a> {
    pub(super) fn new(body: &'b Body<'a>) -> Distances<'b, 'a> {
        Distances {
            body,
            chars: OnceCell::new(),
        }
    }

    /// Whether blocks `at` (in order) stand at least a page of text apart.
    pub(super) fn a_page_apart(&self, at: &[usize]) -> bool {
        self.chars_apart(at, MIN_PAGE_CHARS)
    }

    /// Whether blocks `at` (in order, the copies of a running header) stand as printed pages put them: the gap
    /// that half of the gaps between them reach or pass (the lower median) is a page of text
    /// ([`MIN_PAGE_CHARS`]) or more, and no gap is shorter than half a page. Two or three copies must all stand a
    /// page apart; from four copies on, a page shorter than the others (one ending a chapter, one holding a
    /// figure) no longer hides the document's habit, while copies closer than half a page are still the text's
    /// own (a `Get it at Shopwell` under each deal).
    ///
    /// A copy standing `inside` a cut sentence marks a page boundary by where it stands, so the page that ends
    /// there may be as short as it is (a figure or a table took the rest of it): the half-page floor is not asked
    /// of the gap before it. Headings and a line repeated under each item of the text stand between sentences.
    fn pages_apart(&self, at: &[usize], inside: impl Fn(usize) -> bool) -> bool {
        let gaps: Vec<usize> = at
            .windows(2)
            .map(|w| self.chars_between(w[0], w[1]))
            .collect();
        if gaps
            .iter()
            .zip(&at[1..])
            .any(|(&gap, &k)| gap < MIN_PAGE_CHARS / 2 && !inside(k))
        {
            return false;
        }
        let mut gaps = gaps;
        gaps.sort_unstable();
        gaps.get(gaps.len().saturating_sub(1) / 2)
            .is_some_and(|&gap| gap >= MIN_PAGE_CHARS)
    }

    /// The characters of text between the end of block `a` and the start of block `b` (after it).
    pub(super) fn chars_between(&self, a: usize, b: usize) -> usize {
        let body = self.body;
        match self.chars.get_or_init(|| char_offsets(body)) {
            Some(offsets) => offsets[2 * b].saturating_sub(offsets[2 * a + 1]),
            None => body
                .text
                .get(body.blocks[a].range.end..body.blocks[b].range.start)
                .map_or(0, |t| t.chars().count()),
        }
    }

    /// Whether blocks `at` (in order) stand at least `chars` characters of text apart.
    fn chars_apart(&self, at: &[usize], chars: usize) -> bool {
        let body = self.body;
        match self.chars.get_or_init(|| char_offsets(body)) {
            Some(offsets) => at
                .windows(2)
                .all(|w| offsets[2 * w[1]] - offsets[2 * w[0] + 1] >= chars),
            None => at.windows(2).all(|w| {
                let text = &body.text[body.blocks[w[0]].range.end..body.blocks[w[1]].range.start];
                text.chars().count() >= chars
            }),
        }
    }
}

/// The characters of `body`'s text before the start and before the end of each block (see [`Distances`]), or
/// `None` when a block starts before the one before it ends.
fn char_offsets(body: &Body<'_>) -> Option<Vec<usize>> {
    let mut offsets = Vec::with_capacity(2 * body.blocks.len());
    let (mut byte, mut chars) = (0, 0);
    for block in &body.blocks {
        for at in [block.range.start, block.range.end] {
            if at < byte {
                return None;
            }
            chars += body.text[byte..at].chars().count();
            byte = at;
            offsets.push(chars);
        }
    }
    Some(offsets)
}

/// A number this large is no page number.
const MAX_PAGES: u32 = 1000;

/// Short lines that are running headers or footers by repetition: a line whose copies (page numbers masked)
/// stand at [`MIN_RUNNING_COPIES`] page boundaries or more, or a line differing in one part from lines that do,
/// when one copy at least stands after a paragraph cut mid-sentence, where no heading stands, or when
/// `shares_part_on_top` says a part they all share is printed above the text ([`shared_part_on_top`]). A label or a
/// sentence (`Read more:`, `It ended.`) is neither.
#[expect(
    clippy::too_many_arguments,
    reason = "the per-line vectors of one analysis, computed once in `analyse`"
)]
pub(super) fn recurring_furniture(
    body: &Body<'_>,
    facts: &[Option<Rc<LineFacts>>],
    copies: &Copies,
    near: &[Vec<usize>],
    boundary: &[bool],
    short: &[bool],
    shares_part_on_top: &dyn Fn(&[usize]) -> bool,
    distances: &Distances<'_, '_>,
) -> Vec<bool> {
    let n = body.blocks.len();
    // Short lines have their facts: what their text alone tells is kept between passes.
    let label = |i: usize| match &facts[i] {
        Some(f) => f.label(body.block_text(i)),
        None => is_label(body.block_text(i)),
    };
    let header = |i: usize| match &facts[i] {
        Some(f) => f.header(body.block_text(i)),
        None => header_shape(body.block_text(i)),
    };
    let one_word = |i: usize| match &facts[i] {
        Some(f) => f.one_word(body.block_text(i)),
        None => one_word_label(body.block_text(i)),
    };
    // Copies of a line holding a link (an image, a linked teaser) must all stand a page apart: the document's
    // pages vouch for a short one only among header-shaped labels.
    let at_boundaries = |group: &[usize], linked: bool| {
        let at: Vec<usize> = group.iter().copied().filter(|&k| boundary[k]).collect();
        at.len() >= MIN_RUNNING_COPIES
            && if linked {
                distances.a_page_apart(&at)
            } else {
                distances.pages_apart(&at, |k| inside_cut_sentence(body, k))
            }
    };
    // Whether the copies of a template stand at page boundaries, and every one between paragraphs of running
    // text: worked out once a template, since every copy asks.
    let groups = copies.starts.len() - 1;
    let mut exact_found: Vec<Option<(bool, bool)>> = vec![None; groups];
    // Whether the copies of a template mark page boundaries themselves (`paged` below): once a template too.
    let paged_found: RefCell<Vec<Option<bool>>> = RefCell::new(vec![None; groups]);
    // Whether the copies of a template stand beside counted page numbers (`beside_counted` below): once a template.
    let counted_found: RefCell<Vec<Option<bool>>> = RefCell::new(vec![None; groups]);
    let mut out = vec![false; n];
    for i in 0..n {
        let template = copies.group[i];
        if template == Copies::NONE {
            continue;
        }
        // Each way below needs two lines at least, copies or near copies: a line seen once is none, whatever its
        // shape, which is not asked of it.
        let exact = copies.of_block(i);
        let alone = exact.len() < MIN_RUNNING_COPIES;
        if !short[i] || (alone && near[i].is_empty()) || !label(i) {
            continue;
        }
        // A template keeps the `](` of a link: its copies all hold one or none.
        let linked = holds_link(body.block_text(i));
        let (at_pages, between) = *exact_found[template].get_or_insert_with(|| {
            let at_pages = at_boundaries(exact, linked);
            let between =
                at_pages && exact.iter().all(|&k| boundary[k]) && between_long_prose(body, exact);
            (at_pages, between)
        });
        // Copies a page apart at page boundaries, in the shape of a header or of a section name (one capitalised
        // word: `Kultur`), are furniture, and so are their copies elsewhere (after a heading, before a list);
        // without that shape, every copy must stand between two paragraphs of running text.
        if at_pages && (between || header(i) || one_word(i)) {
            out[i] = true;
            continue;
        }
        // Lines that differ in one part (a section name) are furniture when one copy stands where no heading
        // does, after a paragraph cut mid-sentence, or when the part they share names the publication the
        // document opens with (its masthead or title above the text).
        let mut family: Vec<usize> = near[i].iter().copied().chain([i]).collect();
        family.sort_unstable();
        // Copies that count the pages (`Site / Section / 3`, `SITE | 4`), or that stand beside a page number
        // wherever they repeat, mark page boundaries themselves, in lists and tables too: no heading repeats
        // so, in the shape of a header. That evidence is strong enough for pages half as long (a page of a list
        // holds less text). A line holding a link is an item of the text (a recipe's ingredient beside `Eat every
        // 2–3 hours`), not a header.
        let paged = |group: &[usize]| {
            group.len() >= MIN_RUNNING_COPIES
                && distances.chars_apart(group, MIN_PAGE_CHARS / 2)
                && (counts_pages(body, group)
                    || group.iter().all(|&k| beside_page_number(body, k, short)))
        };
        let paged_exact = || {
            if let Some(known) = paged_found.borrow()[template] {
                return known;
            }
            let found = paged(exact);
            paged_found.borrow_mut()[template] = Some(found);
            found
        };
        let text = body.block_text(i);
        // Without a header's shape, copies that stand beside a page number every time, one of them at a page
        // boundary between running text, are furniture too (`Continued on page 2`, `Continued on page 3`).
        let beside_at_boundaries =
            || !holds_link(text) && paged_exact() && exact.iter().any(|&k| boundary[k]);
        // Copies that stand beside page numbers counting up from copy to copy mark the pages themselves, half a
        // page apart, wherever they stand (in lists too): `Continued overleaf` / `(2)` … `(3)`,
        // `Continued on page 2` / `-1-` … `Continued on page 3` / `-2-`.
        let beside_counted = || {
            if holds_link(text) {
                return false;
            }
            if let Some(known) = counted_found.borrow()[template] {
                return known;
            }
            // A footer naming the next page beside every page number (`Fortsetzung auf Seite 2` / `– Seite 1 –`)
            // marks the pages on its own, however short they are.
            let found = beside_counted_pages(body, exact, short)
                && (distances.chars_apart(exact, MIN_PAGE_CHARS / 2)
                    || names_next_pages(body, exact, short));
            counted_found.borrow_mut()[template] = Some(found);
            found
        };
        out[i] = (at_boundaries(&family, linked)
            && (family.iter().any(|&k| after_open_paragraph(body, k, short))
                || shares_part_on_top(&family)))
            || ((header(i) || one_word(i))
                && !holds_link(text)
                && (paged_exact() || paged(&family)))
            || beside_at_boundaries()
            || beside_counted();
    }
    out
}

/// Whether each line of `group` (in order, two at least) stands right beside a page number (the line before or
/// after it), the page numbers all in one style (the same line with digits masked: `(2)`, `(3)`) and their first
/// numbers growing from copy to copy. A footer stands right above its page's number, a header right below it; a
/// number further off, or numbers in several styles, are figures of a list or a table (`3 Lj.`, `Eat every 2–3
/// hours`).
fn beside_counted_pages(body: &Body<'_>, group: &[usize], short: &[bool]) -> bool {
    let n = body.blocks.len();
    let number_at = |k: usize| {
        if k >= n || !short[k] {
            return None;
        }
        let text = body.block_text(k).trim();
        page_number(text)
            .then(|| Some((first_number(text)?, template(text))))
            .flatten()
    };
    // The one after first: a footer above the page number is the commoner shape.
    let number_beside =
        |i: usize| number_at(i + 1).or_else(|| i.checked_sub(1).and_then(number_at));
    let mut last: Option<(u32, String)> = None;
    group.len() >= MIN_RUNNING_COPIES
        && group.iter().all(|&k| {
            let Some((number, style)) = number_beside(k) else {
                return false;
            };
            let counts = last
                .as_ref()
                .is_none_or(|(last, last_style)| number > *last && style == *last_style);
            last = Some((number, style));
            counts
        })
}

/// Whether each line of `group` holds one number, one more than the page number right beside it (the line after
/// it, else the one before): a footer pointing to the next page (`Continued on page 2` / `1`, `Fortsetzung auf
/// Seite 3` / `– Seite 2 –`). Asked of copies that [`beside_counted_pages`] found, whose page numbers count up;
/// a heading or a list item naming the number after the one beside it at every copy is not seen in text.
fn names_next_pages(body: &Body<'_>, group: &[usize], short: &[bool]) -> bool {
    let n = body.blocks.len();
    let numbers = |k: usize| {
        let text = body.block_text(k);
        let runs = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|d| !d.is_empty())
            .count();
        (first_number(text), runs == 1)
    };
    let page_at = |k: usize| {
        (k < n && short[k] && page_number(body.block_text(k).trim()))
            .then(|| numbers(k).0)
            .flatten()
    };
    group.iter().all(|&k| {
        let page = page_at(k + 1).or_else(|| k.checked_sub(1).and_then(page_at));
        match (numbers(k), page) {
            ((Some(own), true), Some(page)) => page.checked_add(1) == Some(own),
            _ => false,
        }
    })
}

/// Whether the lines of `group` (in order) count pages: each has one part that is a number alone, below
/// [`MAX_PAGES`], and the numbers grow from line to line. A line holding a link is no header (the numbers of
/// its address grow too).
fn counts_pages(body: &Body<'_>, group: &[usize]) -> bool {
    let mut last = None;
    for &k in group {
        let text = body.block_text(k);
        if holds_link(text) {
            return false;
        }
        let mut numbers = parts(text)
            .into_iter()
            .filter_map(|p| p.parse::<u32>().ok().filter(|&n| n < MAX_PAGES));
        let (Some(number), None) = (numbers.next(), numbers.next()) else {
            return false;
        };
        if last.is_some_and(|last| number <= last) {
            return false;
        }
        last = Some(number);
    }
    true
}

/// Whether short line `i` stands in a run of short lines that holds a page number (`Blatt 3`, `- 4 -`).
pub(super) fn beside_page_number(body: &Body<'_>, i: usize, short: &[bool]) -> bool {
    let n = body.blocks.len();
    let holds = |k: usize| page_number(body.block_text(k).trim());
    (i.saturating_sub(MAX_FURNITURE_RUN - 1)..i)
        .rev()
        .take_while(|&k| short[k])
        .any(holds)
        || (i + 1..n.min(i + MAX_FURNITURE_RUN))
            .take_while(|&k| short[k])
            .any(holds)
}

/// The lines above the document's first paragraph of running text (its masthead, its title), lowercased.
pub(super) fn lines_on_top(body: &Body<'_>, short: &[bool]) -> Vec<String> {
    let first_prose = (0..body.blocks.len())
        .find(|&k| !short[k] && body.words(k) >= MIN_PROSE_BEFORE_WORDS)
        .unwrap_or(0);
    (0..first_prose)
        .map(|k| body.block_text(k).to_lowercase())
        .collect()
}

/// Whether a part that all lines of `family` share, of three letters or more, is found in `top`, the lines
/// above the document's first paragraph of running text (other than the family's own; the first `top_blocks` are
/// blocks of the body, the others what the header reader took into metadata).
pub(super) fn shared_part_on_top(
    top: &[String],
    top_blocks: usize,
    family: &[usize],
    templates: &[Option<&str>],
) -> bool {
    let top: Vec<&String> = top
        .iter()
        .enumerate()
        .filter(|(k, _)| !(*k < top_blocks && family.contains(k)))
        .map(|(_, line)| line)
        .collect();
    let Some(first) = templates[family[0]] else {
        return false;
    };
    parts(first)
        .into_iter()
        .filter(|part| part.chars().filter(|c| c.is_alphabetic()).count() >= MIN_NAME_LETTERS)
        .filter(|part| {
            family
                .iter()
                .all(|&k| templates[k].is_some_and(|t| parts(t).contains(part)))
        })
        .any(|part| top.iter().any(|line| line.contains(part)))
}

#[cfg(test)]
mod tests {
    use super::super::page_number::{bare_page_number, dated_domain, holds_date};
    use super::super::tests::{analyse, prose, short_lines, texts_of, three_paragraphs};
    use super::*;

    #[test]
    fn running_headers_that_change_one_part_are_furniture() {
        let text = format!(
            "{}\n\nPolitics | The Courier\n\n{}\n\nScience | The Courier\n\n{}\n",
            prose("first", 1200),
            prose("second", 1200),
            prose("third", 1200)
        );
        let body = Body::parse(&text);
        // Neither copy stands after a cut sentence, and nothing above the text names the courier.
        assert!(analyse(&body).furniture.is_empty());
        let with_masthead = format!("The Courier\n\n{text}");
        let body = Body::parse(&with_masthead);
        assert_eq!(analyse(&body).furniture, [2, 4]);
    }

    #[test]
    fn a_header_beside_a_page_number_is_furniture_where_it_stands_once() {
        let found = |text: &str| {
            let body = Body::parse(text);
            texts_of(&body, &analyse(&body).furniture)
        };
        let page = |line: &str| {
            format!(
                "{}\n\nPage 1/3\n\n{line}\n\nVivy keeps the records. {}\n",
                prose("first", 300),
                prose("second", 300)
            )
        };
        for header in [
            "The Daily Example, April 9, 2018",
            "THE DAILY EXAMPLE",
            "example.es — El título",
            "A Title Cut Short…",
        ] {
            assert_eq!(found(&page(header)), ["Page 1/3", header], "{header}");
        }
        // A subheading: the text below speaks of it, a clause, a label and its value, emphasis, a single word.
        for subheading in [
            "Vivy – The Example Insurance",
            "Instead the board turns «Rain»",
            "Date: 21.02.2020",
            "**The Daily Example 2018**",
            "Sports",
        ] {
            assert_eq!(found(&page(subheading)), ["Page 1/3"], "{subheading}");
        }
        // A header in capitals where the document writes its subheadings so.
        let capitals = format!(
            "{}\n\nTHE OUTCOME\n\n{}\n",
            page("THE DAILY EXAMPLE"),
            prose("third", 300)
        );
        assert_eq!(found(&capitals), ["Page 1/3"]);
        // A year is no page number.
        let header = "The Daily Example, April 9, 2018";
        let year = page(header).replace("Page 1/3", "May 2020");
        assert!(!found(&year).iter().any(|line| line == header), "{year}");
        // One-word labels on the same side of two page numbers are section names.
        let two = format!(
            "{}\n\nPage 2/3\n\nBusiness\n\n{}\n",
            page("Sports"),
            prose("third", 300)
        );
        assert_eq!(found(&two), ["Page 1/3", "Sports", "Page 2/3", "Business"]);
    }

    #[test]
    fn the_only_one_word_label_where_a_split_puts_the_pages_is_a_section_name() {
        // `Health` stands inside a cut sentence: a page boundary, and the document's kind of furniture (taken with
        // the join, so not listed as furniture itself).
        let text = |first: usize, second: usize, between: &str| {
            format!(
                "A rainy committee\n\n{}\n\n{between}{}\n\n{} and the chair said that the\n\nHealth\n\n\
                 deadline was not a real one at all.\n\n{}\n",
                prose("first", first),
                prose("second", 300),
                prose("third", second),
                prose("fourth", 300)
            )
        };
        let found = |text: &str| {
            let body = Body::parse(text);
            let pages = analyse(&body);
            assert_eq!(pages.breaks.len(), 1, "{text}");
            texts_of(&body, &pages.furniture)
        };
        // Two pages of about as much text each.
        assert_eq!(found(&text(1100, 800, "Science\n\n")), ["Science"]);
        // A page much shorter than the one before it: a subheading.
        assert!(found(&text(2400, 800, "Science\n\n")).is_empty());
        // Two such labels: which of them stands at the boundary is not known.
        let notes = prose("notes", 100);
        let two = text(1300, 800, &format!("Science\n\n{notes}\n\nMethods\n\n"));
        assert!(found(&two).is_empty());
        assert_eq!(found(&two.replace("\n\nMethods", "")), ["Science"]);
    }

    #[test]
    fn repeated_header_with_a_page_number_is_furniture_a_page_apart_only() {
        let text = three_paragraphs(["The Courier · 2", "The Courier · 3"], [1200, 1200, 300]);
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 3]);
        let close = three_paragraphs(
            [
                "Get it at Shopwell for $238.99",
                "Get it at Shopwell for $249.95",
            ],
            [300, 300, 300],
        );
        assert!(analyse(&Body::parse(&close)).furniture.is_empty());
    }

    #[test]
    fn headers_that_count_pages_are_furniture_among_short_lines() {
        let page = |seed| short_lines(seed, 14);
        let text = format!(
            "{}\n\nTHE VOCATIONAL SCHOOL | 2\n\n{}\n\nTHE VOCATIONAL SCHOOL | 3\n\n{}\n",
            page("first"),
            page("second"),
            page("third")
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [14, 29]);
        // Numbers that do not grow count no pages.
        let text = text.replace("| 2", "| 4");
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
    }

    #[test]
    fn headers_beside_page_numbers_are_furniture_among_short_lines() {
        let page = |seed| short_lines(seed, 14);
        let text = format!(
            "{}\n\nSheet 1\n\nSport | The Courier\n\n{}\n\nPolitics | The Courier\n\nSheet 2\n\n{}\n",
            page("first"),
            page("second"),
            page("third")
        );
        let furniture = analyse(&Body::parse(&text)).furniture;
        assert!(
            furniture.contains(&15) && furniture.contains(&30),
            "{furniture:?}"
        );
        // A line holding a link is an item of the text.
        let linked = text.replace("Sport |", "[Sport](https://example.com/sport) |");
        let furniture = analyse(&Body::parse(&linked)).furniture;
        assert!(!furniture.contains(&15), "{furniture:?}");
        // So does a section name of one capitalised word (`Politics`), and neither without the page number.
        let one_word = text
            .replace("Sport | The Courier", "Politics")
            .replace("Politics | The Courier", "Politics");
        for (text, beside) in [(one_word.clone(), true), (text, false), (one_word, false)] {
            let text = if beside {
                text
            } else {
                text.replace("Sheet 2", "Last words")
            };
            let furniture = analyse(&Body::parse(&text)).furniture;
            assert_eq!(
                furniture.contains(&15) && furniture.contains(&30),
                beside,
                "{furniture:?}"
            );
        }
    }

    #[test]
    fn footer_above_a_page_number_after_a_cut_sentence_is_furniture() {
        let closed = prose("first", 300);
        let cut =
            "The committee had agreed on nothing at all that morning, and the chair said that";
        let text = format!(
            "{closed}\n\n{cut}\n\nContinued on the next page\n\n- 2 -\n\nNobody will know before the vote, said Anna.\n"
        );
        let pages = analyse(&Body::parse(&text));
        assert_eq!(pages.breaks.len(), 1);
        assert_eq!(pages.breaks[0].next, 4);
        // After a sentence end it could be a heading at the foot of a page; before a lower-case start the first
        // half of a split.
        let ended = text.replace("said that", "said so.");
        let pages = analyse(&Body::parse(&ended));
        assert!(
            pages.breaks.is_empty() && pages.furniture == [3],
            "{pages:?}"
        );
        // Before a lower-case start, the cut sentence above goes on there (issue 13): the line between is no
        // piece of it, a page holding a few words, but the footer of the page that cut it.
        // Whether block 2 goes: as furniture, or between the halves of a split.
        let taken = |text: &str| {
            let pages = analyse(&Body::parse(text));
            pages.furniture.contains(&2) || pages.breaks.iter().any(|b| b.prev < 2 && 2 < b.next)
        };
        let lower = text.replace("Nobody", "nobody");
        let pages = analyse(&Body::parse(&lower));
        assert!(
            pages.breaks.len() == 1 && pages.breaks[0].prev == 1 && pages.breaks[0].next == 4,
            "{pages:?}"
        );
        // A longer line there is the first half of a paragraph under a heading, cut by the page.
        let heading = lower
            .replace(cut, "How to Grow a Lemon Tree from Seed: FAQs")
            .replace(
                "Continued on the next page",
                "The answers below will also help you have a clear",
            );
        assert!(!taken(&heading));
        // The paragraph above may be only the last words of a page.
        let short_cut = lower.replace(
            "The committee had agreed on nothing at all that morning, and the chair said that",
            "and the chair said that",
        );
        assert!(taken(&short_cut));
        // A line in lower case there could be that piece, and is not taken.
        let piece = lower.replace("Continued on the next page", "continued on the next page");
        assert!(!taken(&piece));
        // After a sentence end, the line before a lower-case start could be the first half of a split.
        let ended_lower = ended.replace("Nobody", "nobody");
        assert!(!taken(&ended_lower));
        // A label in a footer's shape (a domain name, a date) is a footer after a sentence end too.
        let printed = ended.replace(
            "Continued on the next page",
            "Printed on 31.01.2022 from example.com",
        );
        assert_eq!(analyse(&Body::parse(&printed)).furniture, [2, 3]);
        // A year alone is no footer's shape there: the short first half of a split holds one as well.
        let year = ended.replace(
            "Continued on the next page",
            "Then the chair of the council said in 2019",
        );
        assert_eq!(analyse(&Body::parse(&year)).furniture, [3]);
    }

    #[test]
    fn address_beside_a_page_number_at_a_page_boundary_is_furniture() {
        let text = format!(
            "{}\n\nSource: https://example.com/news/the-committee\n\n- 2 -\n\n{}\n",
            prose("first", 300),
            prose("second", 300)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2]);
        // Without the page number it is the text's own reference.
        let alone = text.replace("- 2 -\n\n", "");
        assert!(analyse(&Body::parse(&alone)).furniture.is_empty());
    }

    #[test]
    fn label_naming_the_next_page_beside_a_page_number_is_furniture_where_it_stands_once() {
        // Among short labelled lines, where no page boundary is seen by position: the footer points to page 2,
        // the number beside it says 1, and the two vouch for each other.
        let text =
            "Setting:\n\nTwo coastal regions.\n\nContinued on page 2\n\nPg. 1\n\nParticipants:\n\n\
                    Adults aged 40 to 65 years living in the survey region during 2003 to 2016.\n";
        assert_eq!(analyse(&Body::parse(text)).furniture, [2, 3]);
        // A label naming another number than the next page's is a line of the text.
        let other = text.replace("Continued on page 2", "Continued on page 5");
        assert!(analyse(&Body::parse(&other)).furniture.is_empty());
        // So is a title holding the number inside, or a line glued to it.
        for line in ["Nimbo SoundBuds 2 with wireless charging case", "of2"] {
            let title = text.replace("Continued on page 2", line);
            assert!(
                !analyse(&Body::parse(&title)).furniture.contains(&2),
                "{line}"
            );
        }
    }

    #[test]
    fn address_beside_a_page_number_is_furniture_where_no_boundary_is_seen() {
        // After a paragraph that ends on a colon and above a list item: no page boundary by position, but an
        // address footer and a page number side by side vouch for each other.
        let text = format!(
            "{} The figures:\n\nSource: https://example.com/news/the-committee\n\npage 2 of 3\n\n- {}\n",
            prose("first", 300),
            prose("second", 300)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2]);
        let printed = text.replace(
            "Source: https://example.com/news/the-committee",
            "Printed on 31.01.2022 from example.com",
        );
        assert_eq!(analyse(&Body::parse(&printed)).furniture, [1, 2]);
        // A domain without a number is a line of the text (`Read it on example.com`); a ranking of sites is a run
        // of short lines longer than a page boundary holds.
        let plain = printed.replace(
            "Printed on 31.01.2022 from example.com",
            "Read it on example.com",
        );
        assert!(!analyse(&Body::parse(&plain)).furniture.contains(&1));
        let ranked = format!(
            "{} The ranking:\n\n1\n\nLaunched in 2019 as example.com\n\n2\n\nLaunched in 2018 as example.org\n\n- {}\n",
            prose("first", 300),
            prose("second", 300)
        );
        let furniture = analyse(&Body::parse(&ranked)).furniture;
        assert!(
            !furniture.contains(&2) && !furniture.contains(&4),
            "{furniture:?}"
        );
    }

    #[test]
    fn address_beside_a_page_number_needs_a_bare_counter_a_full_address_and_a_date() {
        let between = |lines: &str| {
            format!(
                "{} The figures:\n\n{lines}\n\n{}\n",
                prose("first", 300),
                prose("second", 300)
            )
        };
        // A browser's print footer (the page's address, the page counter) is furniture where it stands.
        let printed = between("https://www.example.org/2021/05/story.html\n\n2/5");
        assert_eq!(analyse(&Body::parse(&printed)).furniture, [1, 2]);
        // A caption and its source are the text's: a number beside another word is no page number.
        for caption in ["Figure 3", "Table 2", "Chart 1"] {
            let text = between(&format!(
                "{caption}\n\nSource: https://ourworldindata.org/co2"
            ));
            let furniture = analyse(&Body::parse(&text)).furniture;
            assert!(!furniture.contains(&2), "{caption}: {furniture:?}");
        }
        // A site named alone beside its rank, and a domain beside a number that is no date, are the text's.
        for pair in [
            "1\n\nBooking.com",
            "2\n\nExpedia.com",
            "1\n\nFounded in 2004 as Amazon.com",
        ] {
            let text = between(pair);
            let furniture = analyse(&Body::parse(&text)).furniture;
            assert!(!furniture.contains(&2), "{pair}: {furniture:?}");
        }
        assert!(holds_date(
            "Downloaded from example.com on December 1, 2016"
        ));
        assert!(holds_date("Imprimé depuis example.fr le 1 décembre 2016"));
        assert!(holds_date("Printed 12/3/26 from example.com"));
        assert!(!holds_date("Founded in 2004 as Amazon.com") && !dated_domain("Node.js 18"));
        assert!(
            bare_page_number("Página 3 de 9")
                && bare_page_number("стр. 3")
                && bare_page_number("- 4 -")
        );
        assert!(!bare_page_number("Figure 3") && !bare_page_number("Step 2"));
    }

    #[test]
    fn address_beside_a_page_number_between_short_sentences_is_furniture() {
        // A news story of short paragraphs: the lines that end sentences are text, not a run of listed lines.
        let text = format!(
            "{}\n\nThe assembly resumed from its recess on Tuesday.\n\nSource: https://example.com/news/a\n\n\
             ~ 1 ~\n\nThe details of the session were shared on the site.\n\n{}\n",
            prose("first", 300),
            prose("second", 300)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [2, 3]);
        // A run of four lines that are no sentences is a list (sites and their ranks): the address is its own.
        let listed = text
            .replace("on Tuesday.", "on Tuesday")
            .replace("on the site.", "on the site");
        let furniture = analyse(&Body::parse(&listed)).furniture;
        assert!(!furniture.contains(&2), "{furniture:?}");
    }

    #[test]
    fn labelled_site_beside_a_page_number_is_furniture() {
        let between = |lines: &str| {
            format!(
                "{} The figures:\n\n{lines}\n\n{}\n",
                prose("first", 300),
                prose("second", 300)
            )
        };
        for footer in [
            "Druckversion – example.de",
            "Version imprimable – www.example.fr",
        ] {
            let text = between(&format!("{footer}\n\n— 4 / 6 —"));
            assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2], "{footer}");
        }
        // A title naming a site, a number in the label, an address cut at its slashes: the text's own.
        for line in [
            "How we built the new search engine – example.com",
            "Top 10 – example.com",
            "New apps https://t.co/abc by @someone pic.twitter.com/xyz",
        ] {
            assert!(!labelled_domain(line), "{line}");
        }
        assert!(labelled_domain("example.es / Versión para imprimir"));
    }

    #[test]
    fn header_copies_with_one_short_page_between_are_furniture_from_four_copies() {
        let pages = |lengths: &[usize]| {
            let mut text = prose("page", lengths[0]);
            for (k, &chars) in lengths[1..].iter().enumerate() {
                text.push_str(&format!(
                    "\n\nThe Courier | Politics\n\n{}",
                    prose(&format!("p{k}"), chars)
                ));
            }
            text + "\n"
        };
        // A page of 700 characters among pages of 1200: the document's habit holds from four copies on.
        let text = pages(&[1200, 1200, 700, 1200, 300]);
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 3, 5, 7]);
        // With three copies every page counts; copies half a page apart are the text's own.
        let three = pages(&[1200, 700, 1200, 300]);
        assert!(analyse(&Body::parse(&three)).furniture.is_empty());
        let close = pages(&[1200, 1200, 400, 1200, 300]);
        assert!(analyse(&Body::parse(&close)).furniture.is_empty());
        // Unless the copy closing the short page stands inside a sentence cut in two: a page boundary is there,
        // and the copy goes as the line between the two halves of the split.
        let header = "\n\nThe Courier | Politics\n\n";
        let cut = format!(
            "{}{header}{}{header}{} And the{header}meeting went on. {}{header}{}\n",
            prose("page", 1200),
            prose("p0", 1200),
            prose("p1", 400),
            prose("p2", 1200),
            prose("p3", 300)
        );
        let pages = analyse(&Body::parse(&cut));
        assert_eq!(pages.furniture, [1, 3, 7]);
        assert!(pages.breaks.iter().any(|b| (b.prev, b.next) == (4, 6)));
    }

    #[test]
    fn footers_naming_the_next_page_are_furniture_on_short_pages() {
        let text = format!(
            "{}\n\nContinuation on page 2\n\n– 1 –\n\n{}\n\nContinuation on page 3\n\n– 2 –\n\n{}\n",
            prose("first", 300),
            prose("second", 300),
            prose("third", 300)
        );
        // Copies this close are no page apart; the number they name, one after the page number beside them, is
        // what marks them.
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2, 4, 5]);
        // Lines naming the page beside them, not the next one, are left to the evidence of page length.
        let same = text
            .replace("on page 2", "on page 1")
            .replace("on page 3", "on page 2");
        assert!(!analyse(&Body::parse(&same)).furniture.contains(&1));
    }

    #[test]
    fn a_header_holding_its_page_number_is_furniture_where_a_boundary_is_corroborated() {
        // Between two whole paragraphs, beside a page number: a page boundary stands there.
        let text = format!(
            "{}\n\nExample Hunter Online / Panorama / 3\n\n4\n\n{}\n",
            prose("first", 600),
            prose("second", 600)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2]);
        // Without a page number, after a whole paragraph and before a list, a heading of that shape is the text's.
        let whole = text.replace("\n\n4\n\nThe second", "\n\n- The second");
        assert!(analyse(&Body::parse(&whole)).furniture.is_empty());
    }

    #[test]
    fn a_header_holding_its_page_number_and_the_publishers_name_is_furniture_between_whole_paragraphs(
    ) {
        // Between two paragraphs that end in sentence ends, no page number beside it: the name the site's address
        // spells (the site the article links to) tells a running header.
        let text = |header: &str| {
            format!(
                "{} See [the report](https://www.publishedreporter.com/a).\n\n{header}\n\n{}\n",
                prose("first", 600),
                prose("second", 600)
            )
        };
        for header in [
            "The Published Reporter – Technology – 2",
            "Published Reporter / Technology / 2",
        ] {
            let body = text(header);
            assert_eq!(analyse(&Body::parse(&body)).furniture, [1], "{header}");
        }
        // Another name, or the publisher's name without a page number, may be a heading of the text.
        for header in [
            "Reporter Digest – Technology – 2",
            "The Published Reporter – Technology",
        ] {
            let body = text(header);
            assert!(
                analyse(&Body::parse(&body)).furniture.is_empty(),
                "{header}"
            );
        }
    }

    #[test]
    fn a_header_holding_its_page_number_and_the_masthead_is_furniture_between_any_blocks() {
        // Between two references of a list, where no page boundary is seen by position: the masthead above the
        // text and a page number in a part of its own tell a running header.
        let text = |header: &str| {
            format!(
                "The Forum Weekly\n\n{}\n\n\\[4\\] [Notes](https://example.org/notes)\n\n{header}\n\n\
                 \\[5\\] [More](https://example.org/more)\n\n{}\n",
                prose("first", 600),
                prose("second", 600)
            )
        };
        let body = text("The Forum Weekly | 3");
        assert_eq!(analyse(&Body::parse(&body)).furniture, [3]);
        // Without its page number, or under another masthead, it may be a heading of the text.
        for header in ["The Forum Weekly", "The Other Weekly | 3"] {
            let body = text(header);
            assert!(
                analyse(&Body::parse(&body)).furniture.is_empty(),
                "{header}"
            );
        }
    }

    #[test]
    fn a_header_holding_its_page_number_beside_a_page_number_is_furniture_between_short_paragraphs()
    {
        // Short sentences follow, so no page boundary is seen by position: the page number and the header
        // vouch for each other, as an address footer and a page number do.
        let text = format!(
            "{}\n\n2 / 3\n\n3 · The Northern Courier\n\nThe vote will come in May.\n\n\
             Nobody could say what the chair would do next.\n\nIt rained all day.\n\n{}\n",
            prose("first", 600),
            prose("second", 600)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2]);
    }

    #[test]
    fn section_name_repeated_at_page_boundaries_is_furniture() {
        let text = three_paragraphs(["Kultur", "Kultur"], [1200, 1200, 300]);
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 3]);
        // Less than a page apart, the word is a heading of the text.
        let close = three_paragraphs(["Kultur", "Kultur"], [300, 300, 300]);
        assert!(analyse(&Body::parse(&close)).furniture.is_empty());
    }

    #[test]
    fn section_names_change_where_the_document_prints_them_as_furniture() {
        let text = format!(
            "{}\n\nKultur\n\n{}\n\nKultur\n\n{}\n\nPolitik\n\n{}\n",
            prose("first", 1200),
            prose("second", 1200),
            prose("third", 1200),
            prose("fourth", 300)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 3, 5]);
        // Less than a page below the furniture found it is a subheading; a running header in capitals says
        // nothing of a subheading in another case; one section name found is no habit of the document.
        let close = text.replace(&prose("third", 1200), &prose("third", 300));
        assert_eq!(analyse(&Body::parse(&close)).furniture, [1, 3]);
        let capitals = text.replace("Kultur", "KULTUR");
        assert_eq!(analyse(&Body::parse(&capitals)).furniture, [1, 3]);
        let once = text.replacen("Kultur", "Sport", 1);
        assert!(analyse(&Body::parse(&once)).furniture.is_empty());
        // A header with one part changed, where its copies are furniture.
        let parts = text
            .replace("Kultur", "Sport | The Courier")
            .replace("Politik", "Politics | The Courier");
        assert_eq!(analyse(&Body::parse(&parts)).furniture, [1, 3, 5]);
    }

    #[test]
    fn subheadings_mid_page_stay_where_section_names_are_furniture() {
        // Section names found 3000 characters apart: a `Conclusion` in their case half a page below one is a
        // subheading, and so is a second one-word line soon after a section name that stands where a page ends.
        let text = format!(
            "{}\n\nKultur\n\n{}\n\nConclusion\n\n{}\n\nKultur\n\n{}\n\nPolitik\n\n{}\n\nResults\n\n{}\n",
            prose("first", 3000),
            prose("second", 1500),
            prose("third", 1500),
            prose("fourth", 3000),
            prose("fifth", 200),
            prose("sixth", 600)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 5, 7]);
    }

    #[test]
    fn one_word_style_reads_the_trimmed_line() {
        let text = format!(
            "{}\n\nKULTUR\r\n\n{}\n\n  KULTUR\n\n{}\n\nPOLITIK\n\n{}\n",
            prose("first", 1200),
            prose("second", 1200),
            prose("third", 1200),
            prose("fourth", 300)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 3, 5]);
    }

    #[test]
    fn footers_beside_counting_page_numbers_are_furniture_in_lists() {
        let item = |seed| format!("- {}", prose(seed, 600));
        let text = format!(
            "{}\n\nContinued overleaf\n\n(2)\n\n**Notes**\n\nby the editors\n\n{}\n\nContinued overleaf\n\n(3)\n\n**More notes**\n\nby the editors\n\n{}\n",
            item("first"),
            item("second"),
            item("third")
        );
        let furniture = analyse(&Body::parse(&text)).furniture;
        assert!(
            furniture.contains(&1) && furniture.contains(&6),
            "{furniture:?}"
        );
        // Numbers that do not grow, in two styles, or a line away count no pages.
        for other in [
            text.replace("(3)", "(1)"),
            text.replace("(3)", "- 3 -"),
            text.replace("\n\n(2)", "\n\nSee below\n\n(2)"),
        ] {
            let furniture = analyse(&Body::parse(&other)).furniture;
            assert!(!furniture.contains(&1), "{other}: {furniture:?}");
        }
    }

    #[test]
    fn label_repeated_beside_page_numbers_is_furniture() {
        let text = format!(
            "{}\n\nStory continues on page 2\n\n#1\n\n{}\n\nIt rained.\n\nWhy this?\n\nStory continues on page 3\n\n#2\n\n{}\n",
            prose("first", 600),
            prose("second", 600),
            prose("third", 600)
        );
        // The second copy has three short lines above the page's text: no page boundary by position alone.
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2, 6, 7]);
    }
}
