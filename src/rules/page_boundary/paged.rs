//! Paged text (pdftotext output, print-to-text, a PDF's text layer): the page furniture found by repetition across
//! pages and by position next to the page break, and for every gap between two body lines whether it is a hard
//! wrap, a paragraph end or a page break inside a paragraph. `B001`, `B003` and `B004` turn the plan into edits.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use super::hyphen_split::hyphen_judge;
use crate::document::{Edit, TextLayout};
use crate::rules::body::{self, ending, is_list_marker, Ending};

/// How many non-blank lines at the top and at the bottom of a page can hold a running header or footer: the
/// browser prints two lines at each end, and reading order can put one body line (a `MENU` button) among them.
const ZONE_LINES: usize = 4;
/// The longest line taken for a running header or footer, in characters.
const MAX_FURNITURE_CHARS: usize = 250;
/// A line that would have fitted the next word within this share of the measure ended its paragraph by choice.
const FIT_SHARE: f32 = 0.97;
/// Font sizes further apart than this ratio are two kinds of text (a heading and its paragraph).
const SIZE_CHANGE: f32 = 1.15;
/// Lines this far around a line (same page, no blank line between) give its measure.
const MEASURE_WINDOW: usize = 8;
/// A local measure is trusted when this many other lines of the window reach [`RIGHT_EDGE`] of it: a right margin.
const EDGE_LINES: usize = 2;
/// The share of the measure a line must reach to count as touching the right margin.
const RIGHT_EDGE: f32 = 0.85;
/// A local measure narrower than this share of the document's measure needs a right margin to be trusted.
const NARROW_MEASURE: f32 = 0.8;
/// The document's measure is this percentile of its line widths: the width of a full line, past the short last
/// lines of paragraphs, and not the odd overlong line (a URL, a table row).
const MEASURE_PERCENTILE: usize = 90;
/// A line on this many pages (or all of them, when fewer) is running furniture: two is enough in a short document.
const MIN_RUNNING_COPIES: usize = 2;
/// From this many pages on, a line must repeat on [`LONG_DOCUMENT_COPIES`] pages: in a long document two pages can
/// share a line of text by chance (a section title at the top of both).
const LONG_DOCUMENT_PAGES: usize = 6;
/// See [`LONG_DOCUMENT_PAGES`].
const LONG_DOCUMENT_COPIES: usize = 3;
/// The lines at each end of a page where the browser prints its header and footer, the only place where a line
/// seen once is taken for furniture by its shape.
const PRINTED_EDGE_LINES: usize = 2;
/// The label of a page counter (`Page 3`, `Seite 3 von 9`, `стр. 3`) is one word of at most this many letters.
const MAX_COUNTER_LABEL_CHARS: usize = 8;
/// A printed date stamp (`12/3/26, 9:41 AM`) has at least this many digits (a date and a time)…
const MIN_DATE_STAMP_DIGITS: usize = 4;
/// …and no more letters than `AM` or `PM`.
const MAX_DATE_STAMP_LETTERS: usize = 2;

/// Which rule an edit of the plan belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum By {
    /// `B001`: a paragraph rejoined across a page break (the furniture between goes with the gap).
    PageBreak,
    /// `B003`: furniture dropped where a paragraph ends anyway, or at the top or bottom of the document.
    Furniture,
    /// `B004`: a hard wrap undone, or a paragraph end made a blank line.
    HardWrap,
}

/// The edits that turn paged text into markdown paragraphs, each attributed to its rule. They never overlap.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// The edits, in text order: a range and what replaces it. A replacement is one of a few constant strings, an
    /// [`Edit`] is made of it only when its rule asks (one per line of a paged document, each otherwise copied twice).
    pub edits: Vec<(By, Range<usize>, &'static str)>,
}

impl Plan {
    /// The edits of one rule.
    pub fn edits_by(&self, by: By) -> Vec<Edit> {
        self.edits
            .iter()
            .filter(|(b, _, _)| *b == by)
            .map(|(_, range, with)| Edit::replace(range.clone(), *with))
            .collect()
    }

    /// Whether an edit of `by` is planned.
    #[cfg(test)]
    fn any_by(&self, by: By) -> bool {
        self.edits.iter().any(|(b, _, _)| *b == by)
    }

    /// Adds an edit of `by`.
    fn push(&mut self, by: By, range: Range<usize>, with: &'static str) {
        self.edits.push((by, range, with));
    }
}

/// What the running header and footer of a printed page tell about it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Printed {
    /// The running title.
    pub title: Option<String>,
    /// The printed URL, unless it was elided (`…`).
    pub url: Option<String>,
}

/// The title and URL that the running header and footer of paged text print.
pub fn printed_metadata(text: &str) -> Printed {
    furniture(text).printed()
}

/// The running headers and footers of paged text, with the lines they were found in, which [`plan`] takes over
/// when given.
pub(crate) fn furniture(text: &str) -> Found {
    let split = Lines::split(text);
    let furniture = find_furniture(&split);
    Found {
        lines: split.lines,
        furniture,
    }
}

/// The lines of a paged text and its furniture ([`furniture`]): the reading of the printed metadata, which the
/// first pass's [`plan`] of the same text takes over instead of reading the text again.
#[derive(Debug)]
pub(crate) struct Found {
    lines: Vec<Line>,
    furniture: Furniture,
}

impl Found {
    /// The title and URL its furniture prints.
    pub fn printed(&self) -> Printed {
        self.furniture.printed()
    }
}

/// The lines of a paged text, each with the page it is on, found in one reading of the text.
struct Lines<'a> {
    text: &'a str,
    lines: Vec<Line>,
}

/// One line of the text: where its content starts (after form feeds and indentation) and ends (before trailing
/// white space), and the page it is on. Its text is a slice of the whole, never a copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Line {
    start: usize,
    end: usize,
    page: usize,
}

impl<'a> Lines<'a> {
    /// Splits `text` at its newlines; each form feed at the start of a line starts a page.
    fn split(text: &'a str) -> Lines<'a> {
        // Counted first: a document of many short lines would otherwise hold up to twice the room it needs.
        let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
        let mut page = 0;
        for (line_start, content) in body::lines(text) {
            let feeds = content.bytes().take_while(|&b| b == b'\x0c').count();
            page += feeds;
            let rest = &content[feeds..];
            let trimmed_start = rest.trim_start();
            let start = line_start + feeds + (rest.len() - trimmed_start.len());
            lines.push(Line {
                start,
                end: start + trimmed_start.trim_end().len(),
                page,
            });
        }
        Lines { text, lines }
    }

    /// The text of line `i`, trimmed.
    fn text(&self, i: usize) -> &'a str {
        let line = self.lines[i];
        &self.text[line.start..line.end]
    }

    /// How many pages the lines are on.
    fn pages(&self) -> usize {
        self.lines.last().map_or(0, |l| l.page + 1)
    }
}

/// What a line is, once the furniture is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Blank,
    Body,
    Furniture,
}

/// Plans the repair of paged text.
pub(crate) fn plan(text: &str, layout: Option<&TextLayout>, found: Option<Found>) -> Plan {
    // The lines and the furniture of `text` found before (by `furniture`, for the printed metadata) are what they
    // are.
    let (split, found) = match found {
        Some(Found { lines, furniture }) => (Lines { text, lines }, Some(furniture)),
        None => (Lines::split(text), None),
    };
    #[cfg(debug_assertions)]
    if let Some(found) = &found {
        assert_eq!(
            split.lines,
            Lines::split(text).lines,
            "the lines read before differ"
        );
        assert_eq!(
            *found,
            find_furniture(&split),
            "the furniture found before differs"
        );
    }
    let furniture = found.unwrap_or_else(|| find_furniture(&split));
    let lines = &split.lines;
    let mut roles: Vec<Role> = lines
        .iter()
        .map(|l| {
            if l.start == l.end {
                Role::Blank
            } else {
                Role::Body
            }
        })
        .collect();
    for (role, _) in roles.iter_mut().zip(&furniture.lines).filter(|(_, &f)| f) {
        *role = Role::Furniture;
    }
    let mut plan = Plan::default();
    // A body line whose end is the printed URL: pdftotext removed a line-end hyphen and glued the footer to it.
    let glued: HashMap<usize, usize> = furniture.glued.iter().copied().collect();
    let body: Vec<usize> = (0..lines.len())
        .filter(|&i| roles[i] == Role::Body)
        .collect();
    let widths: Vec<f32> = (0..lines.len()).map(|i| width(split.text(i))).collect();
    let doc_measure = document_measure(&body, &widths);
    let measure =
        |i: usize, across: bool| local_measure(lines, &roles, &widths, i, doc_measure, across);

    // The document's head and tail: furniture before the first and after the last body line.
    let first_start = body.first().map_or(text.len(), |&i| lines[i].start);
    if lines
        .iter()
        .take_while(|l| l.start < first_start)
        .enumerate()
        .any(|(i, _)| roles[i] == Role::Furniture)
    {
        plan.push(By::Furniture, 0..first_start, "");
    }
    // Built on the first line-end hyphen only: it reads the whole document's vocabulary.
    let judge = std::cell::OnceCell::new();
    for pair in body.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (la, lb) = (&lines[a], &lines[b]);
        let end = glued.get(&a).copied().unwrap_or(la.end);
        let has_furniture = roles[a + 1..b].contains(&Role::Furniture) || glued.contains_key(&a);
        let new_page = la.page != lb.page;
        let blank = roles[a + 1..b].contains(&Role::Blank);
        let a_text = &text[la.start..end];
        let b_text = split.text(b);
        let (by, joiner) = if has_furniture || new_page {
            let m = measure(a, true);
            let fit = Fit::of(layout, a, b, widths[a], m, b_text).across(layout, a, b);
            match continues_across(a_text, b_text, fit, glued.contains_key(&a)) {
                Some(joiner) => (By::PageBreak, Some(joiner)),
                None if has_furniture => (By::Furniture, None),
                None => (By::HardWrap, None),
            }
        } else if !blank {
            let fit = Fit::of(layout, a, b, widths[a], measure(a, false), b_text);
            (By::HardWrap, wraps(a_text, b_text, fit))
        } else {
            continue;
        };
        let mut start = end;
        let with = match joiner {
            None => "\n\n",
            Some(_) if a_text.ends_with(['-', '‐']) && sentence_end(a_text) == Ending::Hyphen => {
                // A line-end hyphen: kept for a compound, dropped for a hyphenated word.
                let judge = judge.get_or_init(|| hyphen_judge(text));
                let hyphen = a_text.char_indices().next_back().map_or(0, |(at, _)| at);
                if !judge(&a_text[..hyphen], b_text) {
                    start = la.start + hyphen;
                }
                ""
            }
            Some(joiner) => joiner,
        };
        if text[start..lb.start] != *with {
            plan.push(by, start..lb.start, with);
        }
    }
    if let Some(&last) = body.last() {
        let end = glued.get(&last).copied().unwrap_or(lines[last].end);
        if roles[last + 1..].contains(&Role::Furniture) || glued.contains_key(&last) {
            plan.push(By::Furniture, end..text.len(), "\n");
        }
    } else if furniture.lines.contains(&true) {
        plan.push(By::Furniture, 0..text.len(), "");
    }
    plan.edits.sort_by_key(|(_, range, _)| range.start);
    plan
}

/// The furniture of a document.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Furniture {
    /// Whether each line is furniture.
    lines: Vec<bool>,
    /// Body lines ending in a glued footer: `(line, where the glued part starts)`.
    glued: Vec<(usize, usize)>,
    title: Option<String>,
    url: Option<String>,
}

impl Furniture {
    /// The title and URL it prints.
    pub fn printed(&self) -> Printed {
        Printed {
            title: self.title.clone(),
            url: self.url.clone(),
        }
    }
}

/// Finds the running headers and footers: lines in the top or bottom zone of a page whose template (digits
/// masked, so that page numbers and times may change) recurs in the zones of other pages, and, on a document
/// of one page, lines shaped like a page counter, a print date stamp or a bare URL next to the page's edge.
///
/// Each distinct template is kept once, with the number of pages it is on; a line holds only its template's
/// index, so that a document of many small pages costs a few words a line.
fn find_furniture(lines: &Lines<'_>) -> Furniture {
    let pages = lines.pages();
    // The non-blank lines in order, and where each page's start among them: page `p` holds
    // `nonblank[page_starts[p]..page_starts[p + 1]]`.
    let mut page_starts: Vec<usize> = vec![0; pages + 1];
    for l in lines.lines.iter().filter(|l| l.start < l.end) {
        page_starts[l.page + 1] += 1;
    }
    for p in 0..pages {
        page_starts[p + 1] += page_starts[p];
    }
    let mut nonblank: Vec<usize> = Vec::with_capacity(page_starts[pages]);
    nonblank.extend((0..lines.lines.len()).filter(|&i| lines.lines[i].start < lines.lines[i].end));
    let page = |p: usize| &nonblank[page_starts[p]..page_starts[p + 1]];
    // The template of each zone line short enough to be furniture, as an index into `copies`: per template, the
    // last page it was seen on and on how many pages it stands.
    let mut template_ids: HashMap<String, u32> = HashMap::default();
    let mut copies: Vec<(usize, usize)> = Vec::new();
    let mut template_of: Vec<u32> = vec![NO_TEMPLATE; nonblank.len()];
    let mut key = String::new();
    for (p, &first) in page_starts[..pages].iter().enumerate() {
        for pos in zone(page(p).len()) {
            let t = lines.text(nonblank[first + pos]);
            if t.len() > MAX_FURNITURE_CHARS && t.chars().nth(MAX_FURNITURE_CHARS).is_some() {
                continue;
            }
            template_into(t, &mut key);
            let id = match template_ids.get(key.as_str()) {
                Some(&id) => id,
                // Four billion templates would not fit in memory first: the index always fits.
                None => match u32::try_from(copies.len()) {
                    Ok(id) if id != NO_TEMPLATE => {
                        template_ids.insert(key.clone(), id);
                        copies.push((usize::MAX, 0));
                        id
                    }
                    _ => continue,
                },
            };
            let (last, on) = &mut copies[id as usize];
            if *last != p {
                *last = p;
                *on += 1;
            }
            template_of[first + pos] = id;
        }
    }
    drop(template_ids);
    let needed = if pages >= LONG_DOCUMENT_PAGES {
        LONG_DOCUMENT_COPIES
    } else {
        MIN_RUNNING_COPIES
    };
    let mut found = Furniture {
        lines: vec![false; lines.lines.len()],
        ..Furniture::default()
    };
    let mut urls: Vec<&str> = Vec::new();
    for (p, &first) in page_starts[..pages].iter().enumerate() {
        let ids = page(p);
        for pos in zone(ids.len()) {
            let id = template_of[first + pos];
            if id == NO_TEMPLATE {
                continue;
            }
            let (i, on) = (ids[pos], copies[id as usize].1);
            let repeated = pages >= MIN_RUNNING_COPIES && on >= needed.min(pages);
            let alone = on == 1 || pages == 1;
            let shaped = alone && is_edge_line(pos, ids.len()) && furniture_shape(lines.text(i));
            if (repeated || shaped) && !found.lines[i] {
                found.lines[i] = true;
                if is_url(lines.text(i)) {
                    urls.push(lines.text(i));
                }
            }
        }
    }
    // The running title: a repeated header line that is neither a date stamp, a URL nor a counter.
    for i in (0..found.lines.len()).filter(|&i| found.lines[i]) {
        let t = lines.text(i);
        if is_url(t) {
            if found.url.is_none() && !t.contains('…') {
                found.url = Some(t.to_string());
            }
        } else if found.title.is_none()
            && !furniture_shape(t)
            && !t.chars().all(|c| !c.is_alphabetic())
        {
            found.title = Some(t.to_string());
        }
    }
    // Footer text glued to the end of a body line in the bottom zone.
    urls.sort_unstable();
    urls.dedup();
    if urls.is_empty() {
        return found;
    }
    for p in 0..pages {
        let ids = page(p);
        for pos in zone(ids.len()) {
            let i = ids[pos];
            if found.lines[i] {
                continue;
            }
            let t = lines.text(i);
            if let Some(url) = urls.iter().find(|u| t.len() > u.len() && t.ends_with(**u)) {
                found.glued.push((i, lines.lines[i].end - url.len()));
            }
        }
    }
    found
}

/// The index of [`find_furniture`] for a line that has no template.
const NO_TEMPLATE: u32 = u32::MAX;

/// The positions, among the `n` non-blank lines of a page, of its top and bottom zones: the first and the last
/// [`ZONE_LINES`], in order (all of them on a page of few lines).
fn zone(n: usize) -> impl Iterator<Item = usize> {
    (0..n).filter(move |&k| k < ZONE_LINES || k + ZONE_LINES >= n)
}

/// Whether the line at position `pos` among the `n` non-blank lines of its page is one of the first or last
/// [`PRINTED_EDGE_LINES`].
fn is_edge_line(pos: usize, n: usize) -> bool {
    pos < PRINTED_EDGE_LINES || pos + PRINTED_EDGE_LINES >= n
}

/// A line's template: ASCII digit runs masked, white space collapsed.
fn template(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    template_into(text, &mut out);
    out
}

/// [`template`] written into `out`, which is cleared first: one buffer serves every line.
fn template_into(text: &str, out: &mut String) {
    out.clear();
    let mut last_digit = false;
    let mut last_space = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('0');
            }
            last_digit = true;
            last_space = false;
        } else if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
            last_digit = false;
        } else {
            out.push(c);
            last_digit = false;
            last_space = false;
        }
    }
}

/// A page counter (`3`, `- 3 -`, `3/10`, `Page 3 of 10`), a print date stamp (`12/2/26, 1:17 PM`) or a bare URL.
fn furniture_shape(text: &str) -> bool {
    is_url(text) || is_counter(text) || is_date_stamp(text)
}

fn is_url(text: &str) -> bool {
    let t = text.trim();
    !t.contains(' ')
        && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www."))
}

fn is_counter(text: &str) -> bool {
    let t = template(text.trim());
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace());
    if t == "0" || t == "0/0" || t == "0 / 0" {
        return true;
    }
    let lower = t.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    matches!(words.as_slice(), [_, "0"] | [_, "0", _, "0"])
        && words[0].chars().all(char::is_alphabetic)
        && words[0].chars().count() <= MAX_COUNTER_LABEL_CHARS
}

fn is_date_stamp(text: &str) -> bool {
    let t = template(text.trim());
    // `M/D/YY, H:MM AM` and its 24-hour and dotted or dashed cousins.
    let digits_and_seps = t
        .chars()
        .all(|c| matches!(c, '0' | '/' | '.' | '-' | ',' | ':' | ' ') || c.is_alphabetic());
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    digits_and_seps
        && t.contains(':')
        && t.matches('0').count() >= MIN_DATE_STAMP_DIGITS
        && letters <= MAX_DATE_STAMP_LETTERS
}

/// The display width of a line: East Asian wide characters count two.
fn width(text: &str) -> f32 {
    // A line of ASCII (most lines of most documents, 65% of the bytes of the printed dev set) is as wide as it is
    // long: one test of its bytes, a word at a time, instead of one test a byte below.
    if text.is_ascii() && text.len() < 1 << f32::MANTISSA_DIGITS {
        return text.len() as f32;
    }
    // Every wide character (U+1100 to U+FFE6) is written in three bytes starting with one from 0xE1 to 0xEF, which
    // starts a character wherever it stands: only the characters starting with such a byte are decoded, and a line
    // without one is as wide as it has characters.
    let wide = text
        .bytes()
        .enumerate()
        .filter(|&(at, b)| {
            (0xE1..=0xEF).contains(&b) && text[at..].chars().next().is_some_and(is_wide)
        })
        .count();
    let units = text.chars().count() + wide;
    // Below 2^24 a sum of ones and twos in f32 is exact, so this is the width summed a character at a time.
    if units < 1 << f32::MANTISSA_DIGITS {
        return units as f32;
    }
    let mut w = 0.0;
    for c in text.chars() {
        w += if is_wide(c) { 2.0 } else { 1.0 };
    }
    w
}

fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{115f}' | '\u{2e80}'..='\u{303e}' | '\u{3041}'..='\u{33ff}' | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}' | '\u{a000}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7a3}' | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff60}' | '\u{ffe0}'..='\u{ffe6}')
}

/// The document's measure: the [`MEASURE_PERCENTILE`]th percentile of its body line widths.
fn document_measure(body: &[usize], widths: &[f32]) -> f32 {
    let mut w: Vec<f32> = body.iter().map(|&i| widths[i]).collect();
    if w.is_empty() {
        return 0.0;
    }
    w.sort_by(f32::total_cmp);
    w[(w.len() * MEASURE_PERCENTILE / 100).min(w.len() - 1)]
}

/// The measure of line `i`: the widest body line around it on its page, trusted when other lines reach the same
/// right margin or when it is about as wide as the document's measure; else the document's measure. Across a page
/// break (`across`), a widest line past any full line of the document (the document's measure over [`RIGHT_EDGE`])
/// that no other line comes near is no margin either: two lines that pdftotext ran together would make the full
/// line before the break look short, and end its paragraph there. A line `i` wider than the document's measure
/// keeps the window's: it is no body line filled to the margin (a caption run together with its credit).
fn local_measure(
    lines: &[Line],
    roles: &[Role],
    widths: &[f32],
    i: usize,
    doc: f32,
    across: bool,
) -> f32 {
    let page = lines[i].page;
    let near = |j: usize| lines[j].page == page && roles[j] == Role::Body;
    let lo = i.saturating_sub(MEASURE_WINDOW);
    let hi = (i + MEASURE_WINDOW + 1).min(lines.len());
    // The widths of the window's body lines, gathered once on the stack and read twice: the plan asks this of
    // every gap between two body lines.
    let mut around = [0.0f32; 2 * MEASURE_WINDOW + 1];
    let mut n = 0;
    for j in (lo..hi).filter(|&j| near(j)) {
        around[n] = widths[j];
        n += 1;
    }
    let around = &around[..n];
    let max = around.iter().copied().fold(0.0, f32::max);
    let at_edge = around.iter().filter(|&&w| w >= RIGHT_EDGE * max).count();
    let overlong = across && max > doc / RIGHT_EDGE && widths[i] <= doc;
    if at_edge > EDGE_LINES || (max >= NARROW_MEASURE * doc && !overlong) {
        max.max(1.0)
    } else {
        doc.max(1.0)
    }
}

/// The joiner when line `b` continues line `a` inside a page (a hard wrap), `None` when `a` ends its paragraph.
fn wraps(a: &str, b: &str, fit: Fit) -> Option<&'static str> {
    if starts_block(b) || fit.size_changes {
        return None;
    }
    let fits = fit.fits;
    let joiner = joiner(a, b);
    let open = matches!(sentence_end(a), Ending::Open | Ending::Hyphen);
    let lower = b.chars().next().is_some_and(char::is_lowercase);
    if !fits {
        // The next word would not have fitted: a wrap, unless a sentence ends and a capital starts a new one in a
        // line that stops visibly short of the margin.
        return Some(joiner);
    }
    if open && lower {
        return Some(joiner);
    }
    None
}

/// The joiner when body line `b` continues `a` across a page break or furniture, `None` when the paragraph ends.
fn continues_across(a: &str, b: &str, fit: Fit, glued: bool) -> Option<&'static str> {
    if glued {
        // pdftotext glues the footer only to a line it dehyphenated: the word goes on.
        return Some("");
    }
    if starts_block(b) || fit.size_changes {
        return None;
    }
    // A link split by the page: a PDF's text layer writes each line's part of it as a link to the same target
    // (`… declared a [state of](https://…)` / `[emergency](https://…) over …`).
    if let (Some(end), Some(start)) = (link_target_at_end(a), link_target_at_start(b)) {
        if end == start {
            return Some(joiner(a, b));
        }
    }
    let joiner = joiner(a, b);
    let lower = b.chars().next().is_some_and(char::is_lowercase);
    let cjk = joiner.is_empty();
    match sentence_end(a) {
        Ending::Open | Ending::Hyphen => {
            let full = !fit.fits;
            (lower || full || cjk).then_some(joiner)
        }
        _ => None,
    }
}

/// The target of the markdown link that ends `text` (`… a [state of](https://x.org/e)` gives `https://x.org/e`).
fn link_target_at_end(text: &str) -> Option<&str> {
    let inner = text.strip_suffix(')')?;
    let at = inner.rfind("](")?;
    let target = &inner[at + 2..];
    (text[..at].contains('[') && !target.is_empty() && !target.contains(char::is_whitespace))
        .then_some(target)
}

/// The target of the markdown link that opens `text` (`[emergency](https://x.org/e) over` gives `https://x.org/e`).
fn link_target_at_start(text: &str) -> Option<&str> {
    let rest = text.strip_prefix('[')?;
    let close = rest.find("](")?;
    let target = &rest[close + 2..];
    target.find(')').map(|end| &target[..end])
}

/// What the widths (or a PDF's positions) tell about the end of a line and the next one.
#[derive(Debug, Clone, Copy)]
struct Fit {
    /// The next line's first word would have fitted on the line: it ended by choice.
    fits: bool,
    /// The font size changes between the lines (a heading and its text): never one paragraph.
    size_changes: bool,
}

impl Fit {
    /// From the layout of line `a` when known, else from its width in characters against `measure`.
    fn of(
        layout: Option<&TextLayout>,
        a: usize,
        b: usize,
        a_width: f32,
        measure: f32,
        b_text: &str,
    ) -> Fit {
        let by_width = a_width + 1.0 + width(first_word(b_text)) <= FIT_SHARE * measure;
        let line = |i: usize| layout.and_then(|l| l.lines.get(i));
        let (Some(la), Some(lb)) = (line(a), line(b)) else {
            return Fit {
                fits: by_width,
                size_changes: false,
            };
        };
        let (sa, sb) = (la.size.max(0.1), lb.size.max(0.1));
        Fit {
            fits: la.fits_next_word.unwrap_or(by_width),
            size_changes: sa.max(sb) / sa.min(sb) > SIZE_CHANGE,
        }
    }

    /// Across a page break or a running footer: the layout's `fits_next_word` of `a` is about the line printed
    /// after it on its page (the footer, whose first word is a URL or a page counter), so whether `b`'s first word
    /// would have fitted is read from the room left on `a` and the width of that word.
    fn across(self, layout: Option<&TextLayout>, a: usize, b: usize) -> Fit {
        let line = |i: usize| layout.and_then(|l| l.lines.get(i));
        match (line(a), line(b)) {
            (Some(la), Some(lb)) if lb.first_word > 0.0 => Fit {
                fits: lb.first_word <= la.room,
                ..self
            },
            _ => self,
        }
    }
}

/// How a line ends, where a comma before a closing quote leaves the sentence open (`"…like that," she said`).
fn sentence_end(text: &str) -> Ending {
    let core = text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']']);
    if core.len() < text.len() && core.ends_with(',') {
        return Ending::Open;
    }
    ending(text)
}

/// Whether a line opens a block of its own: a list item or a bullet.
fn starts_block(text: &str) -> bool {
    is_list_marker(text) || text.starts_with(['•', '◦', '▪', '●', '■', '►', '‣'])
}

/// `""` between two CJK characters, else `" "`.
fn joiner(a: &str, b: &str) -> &'static str {
    let last = a.chars().next_back();
    let first = b.chars().next();
    match (last, first) {
        (Some(x), Some(y)) if is_wide(x) && is_wide(y) => "",
        _ => " ",
    }
}

fn first_word(text: &str) -> &str {
    let first = text.chars().next();
    if first.is_some_and(is_wide) {
        return &text[..first.map_or(0, char::len_utf8)];
    }
    text.split_whitespace().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::LineLayout;

    fn apply(text: &str) -> String {
        let plan = plan(text, None, None);
        let edits: Vec<Edit> = plan
            .edits
            .iter()
            .map(|(_, range, with)| Edit::replace(range.clone(), *with))
            .collect();
        Edit::apply_all(text, &edits)
    }

    #[test]
    fn width_counts_wide_characters_twice_as_a_sum_of_characters_would() {
        for text in [
            "",
            "plain ASCII line",
            "naïve café “quoted” – dash",
            "日本語の文章です",
            "한국어 text",
            "𝒜 emoji 🙂",
            // The edges of the wide ranges, whose characters start with bytes 0xE1 and 0xEF.
            "ＡＢＣ fullwidth ｶﾀｶﾅ halfwidth",
            "\u{10ff}\u{1100}\u{115f}\u{1160}\u{ffe6}\u{ffe7}\u{e000}",
        ] {
            let summed = text
                .chars()
                .fold(0.0f32, |w, c| w + if is_wide(c) { 2.0 } else { 1.0 });
            assert_eq!(width(text), summed, "{text:?}");
        }
        assert_eq!(width("日本"), 4.0);
    }

    #[test]
    fn an_overlong_line_near_a_page_break_does_not_make_the_full_line_before_it_short() {
        // The third line is two lines run together: without it, the last line of the page is as full as its
        // neighbours, and its open end (`the`) goes on past the break before a capital.
        let text = "The board met on a grey morning to weigh the plan once more,\n\
            and the members who had read it spoke first, one after another\n\
            with notes that ran on and on as the typist had joined two of the lines together into one long line,\n\
            while the chair listened and kept the time with a small clock\n\
            that stood on the table between the papers and the water jug,\n\
            until the last of them had spoken and the vote fell to the\n\
            \u{c}Council, which would meet again soon.\n\
            Nobody expected the second meeting to be any shorter now,\n\
            since the plan had grown with every draft that was sent round\n\
            and each member had a page of questions of their own to ask\n\
            before anyone would agree to put the matter to a final vote.\n";
        let out = apply(text);
        assert!(out.contains("the vote fell to the Council, which"), "{out}");
        assert!(out.contains("meet again soon.\n\nNobody expected"), "{out}");
    }

    #[test]
    fn hard_wraps_are_undone_and_short_lines_end_paragraphs() {
        let text = "The first paragraph runs over two lines of the page and its\nsecond line is short.\nA new paragraph starts here and goes on for a while longer\nthan one line.\n";
        assert_eq!(
            apply(text),
            "The first paragraph runs over two lines of the page and its second line is short.\n\nA new paragraph starts here and goes on for a while longer than one line.\n"
        );
    }

    #[test]
    fn running_header_and_counter_go_and_the_split_paragraph_joins() {
        let text = "12/2/26, 1:17 PM\nA Title\nbody text that is long enough to be a line of the page body\nand goes on to the bottom of this page where it stops mid\nhttps://example.com/a\n1/2\n\u{c}12/2/26, 1:17 PM\nA Title\nsentence and ends here.\nhttps://example.com/a\n2/2\n";
        let printed = printed_metadata(text);
        assert_eq!(printed.title.as_deref(), Some("A Title"));
        assert_eq!(printed.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(
            apply(text),
            "body text that is long enough to be a line of the page body and goes on to the bottom of this page where it stops mid sentence and ends here.\n"
        );
    }

    #[test]
    fn across_a_footer_the_next_pages_first_word_is_measured_against_the_room_left() {
        // A PDF's last body line of a page is followed by the footer, whose first word its `fits_next_word` reads:
        // the next body line's own first word decides whether the line ended by choice.
        let text = "12/2/26, 1:17 PM\nA Title\nbody text that is long enough to be a line of the page body\nand goes on to the bottom of this page with the noun after the\nhttps://example.com/a\n1/2\n\u{c}12/2/26, 1:17 PM\nA Title\nBottom. It ends here.\nhttps://example.com/a\n2/2\n";
        let layout = |room: f32| TextLayout {
            lines: (0..11)
                .map(|i| LineLayout {
                    fits_next_word: Some(true),
                    size: 10.0,
                    room: if i == 3 { room } else { 0.0 },
                    first_word: 40.0,
                })
                .collect(),
        };
        let joined = |room: f32| plan(text, Some(&layout(room)), None).any_by(By::PageBreak);
        assert!(joined(20.0), "no room for `Bottom.`: the paragraph goes on");
        assert!(!joined(100.0), "room for it: the line ended by choice");
    }

    #[test]
    fn a_link_split_by_the_page_is_read_by_its_text() {
        let text = "12/2/26, 1:17 PM\nA Title\nbody text that is long enough to be a line of the page body, and wider than the one that ends this page\nand it goes on with a [state of](https://x.org/e)\nhttps://example.com/a\n1/2\n\u{c}12/2/26, 1:17 PM\nA Title\n[emergency](https://x.org/e) over the rest.\nhttps://example.com/a\n2/2\n";
        assert_eq!(
            apply(text),
            "body text that is long enough to be a line of the page body, and wider than the one that ends this page and it goes on with a [state of](https://x.org/e) [emergency](https://x.org/e) over the rest.\n"
        );
        // Two links to other targets are two links (`Votes` / `[mike](…/posts/1)` stays apart).
        assert_eq!(
            apply(&text.replace("[emergency](https://x.org/e)", "[emergency](https://x.org/f)")),
            "body text that is long enough to be a line of the page body, and wider than the one that ends this page and it goes on with a [state of](https://x.org/e)\n\n[emergency](https://x.org/f) over the rest.\n"
        );
        assert_eq!(link_target_at_end("a [b](c) d"), None);
        assert_eq!(link_target_at_end("see (this)"), None);
        assert_eq!(link_target_at_start("[note] text"), None);
    }

    #[test]
    fn cjk_lines_join_without_a_space() {
        assert_eq!(
            apply("日本語の文章がここで折り返されて\n次の行に続きます。\n"),
            "日本語の文章がここで折り返されて次の行に続きます。\n"
        );
    }

    #[test]
    fn counters_and_stamps_have_furniture_shape() {
        for t in [
            "3",
            "- 3 -",
            "3/10",
            "Page 3 of 10",
            "12/2/26, 1:17 PM",
            "https://x.org/a",
        ] {
            assert!(furniture_shape(t), "{t}");
        }
        for t in ["Top 10 lists", "In 2024, prices rose", "3 cups of flour"] {
            assert!(!furniture_shape(t), "{t}");
        }
    }
}
