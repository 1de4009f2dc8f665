//! One pass over a parsed page that gathers every metadata signal: meta tags, `<title>`, canonical link, JSON-LD
//! text, `<h1>` headings with the text that follows them, `<time>` elements, byline- and date-like elements,
//! and a sample of paragraph text for language detection.

use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};

use super::title::normalize;
use crate::dom::{self, is_inline, Class};

/// Longest text kept for one captured element.
const CAPTURE_LIMIT: usize = 400;
/// Text nodes kept after each `<h1>`.
const WINDOW_NODES: usize = 40;
/// Captures open at once, at most.
const MAX_OPEN: usize = 64;
/// Text nodes kept before each `<h1>`.
const BEFORE_NODES: usize = 12;
/// Characters of paragraph text kept for language detection.
const SAMPLE_LIMIT: usize = 2000;
/// Text nodes kept after a headline in an `<h2>` … `<h6>`: its byline and date follow it at once, and a lower
/// heading starts its text sooner than an `<h1>` with its kicker, teaser and picture credits (a book's release date
/// in a review's facts is no publication date).
const SUB_WINDOW_NODES: usize = 8;
/// Headlines in `<h2>` … `<h6>` kept, at most: a page has one headline, and a few teasers of the same story.
const MAX_SUBHEADINGS: usize = 4;
/// Image `alt` texts kept, at most: the site's logo stands in the page's header, among its first images.
const MAX_ALTS: usize = 32;
/// Longest `alt` text kept: a logo's names the site in a few words, a photo's describes a scene.
const ALT_LIMIT: usize = 120;
/// Copyright lines kept, at most, and the longest kept of each: the owner's name follows the mark and its years.
const MAX_COPYRIGHTS: usize = 8;
const COPYRIGHT_LIMIT: usize = 160;

/// A page's metadata signals, in document order.
#[derive(Debug, Default)]
pub struct Signals {
    /// `<html lang>`.
    pub lang: Option<String>,
    /// Meta tags as `(lower-case name, property, itemprop or http-equiv, content)`.
    pub metas: Vec<(String, String)>,
    /// The first `<title>`.
    pub title: Option<String>,
    /// `<link rel=canonical href>`.
    pub canonical: Option<String>,
    /// The text of each JSON-LD script.
    pub jsonld: Vec<String>,
    /// The `<h1>` headings.
    pub headings: Vec<Heading>,
    /// The `<h2>` … `<h6>` headings whose text a metadata title (`<title>`, `og:title`, `twitter:title`) holds: the
    /// headline of a page that sets it in no `<h1>` (at most four).
    pub subheadings: Vec<Heading>,
    /// `<time>` elements.
    pub times: Vec<TimeTag>,
    /// Elements whose class, id, rel or itemprop names an author or byline.
    pub bylines: Vec<Captured>,
    /// Elements whose class or id names a date.
    pub dates: Vec<Captured>,
    /// Paragraph text, for language detection.
    pub paragraphs: String,
    /// Any visible text, for language detection when a page has few paragraphs.
    pub text: String,
    /// The `alt` texts of the first images (whitespace collapsed, non-empty), where a site's logo names it.
    pub alts: Vec<String>,
    /// Copyright lines: the text from a `©` or the word `copyright` to the end of its block (whitespace collapsed),
    /// where the owner names itself (`© 2014-2021 Example Media. All rights reserved.`).
    pub copyrights: Vec<String>,
}

/// An `<h1>` and the short texts that follow it in the document.
#[derive(Debug, Default, Clone)]
pub struct Heading {
    /// The heading's text, whitespace collapsed.
    pub text: String,
    /// Its lines, whitespace collapsed, when a line break or a block inside it splits it (a headline over a byline
    /// or under a kicker); empty for a heading of one line.
    pub lines: Vec<String>,
    /// The text nodes after it (trimmed, non-empty), in order; a `<time datetime>` counts as its datetime.
    pub after: Vec<String>,
    /// The text nodes just before it, nearest first.
    pub before: Vec<String>,
}

/// A `<time>` element.
#[derive(Debug, Default, Clone)]
pub struct TimeTag {
    /// Its `datetime` attribute.
    pub datetime: Option<String>,
    /// Its text.
    pub text: String,
    /// Its class and itemprop, lower-cased.
    pub hint: String,
}

/// The text of an element picked by its attributes.
#[derive(Debug, Default, Clone)]
pub struct Captured {
    /// The matching attribute values, lower-cased.
    pub hint: String,
    /// Its text, whitespace collapsed.
    pub text: String,
    /// Whether its text was longer than the capture limit.
    pub long: bool,
    /// Whether it is an `<a>` element or inside one.
    pub link: bool,
    /// Link target, for `<a>` elements.
    pub href: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    Title,
    Heading,
    /// An `<h2>` … `<h6>`, with the count of text nodes seen before it.
    Subheading(usize),
    JsonLd,
    Byline(usize),
    Date(usize),
    Time(usize),
    Paragraph,
}

/// Whether an element is a ruby annotation (`<rt>`, `<rp>`): a reading aid printed above the text, not text.
fn is_ruby_annotation(name: &str) -> bool {
    matches!(name, "rt" | "rp")
}

/// Whether an element is part of a ruby (the base text and its annotations), which runs inside its line: no break
/// before or after it.
fn is_ruby(name: &str) -> bool {
    matches!(name, "ruby" | "rb" | "rtc") || is_ruby_annotation(name)
}

/// Walks the page once and gathers its signals.
pub fn scan(html: &Html) -> Signals {
    let mut signals = Signals::default();
    let mut open: Vec<(ego_tree::NodeId, Slot, String)> = Vec::new();
    let mut hidden = 0usize;
    let mut hidden_ids: Vec<ego_tree::NodeId> = Vec::new();
    // Elements a hiding class keeps off the screen (screen-reader text): a heading among them is not displayed. A
    // hidden part of a displayed heading stays, as a screen reader's `: ` between a kicker and its headline does.
    let mut concealed: Vec<ego_tree::NodeId> = Vec::new();
    let mut link_depth = 0usize;
    // Forms and reader items (a review, a comment) open now, and the ones closed, whose signals may be another
    // text's (see `Scope`).
    let mut scopes: Vec<Scope> = Vec::new();
    let mut closed: Vec<Scope> = Vec::new();
    let mut windows: Vec<usize> = Vec::new();
    let mut sub_windows: Vec<usize> = Vec::new();
    let mut texts_seen = 0usize;
    let mut metadata_titles: Option<Vec<String>> = None;
    let mut pending_before: Option<Vec<String>> = None;
    let mut boundary = false;
    let mut recent: std::collections::VecDeque<&str> = std::collections::VecDeque::new();
    let mut copyright: Option<String> = None;
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if dom::class(name) == Class::Code || is_ruby_annotation(name) {
                        if name == "script"
                            && dom::attr(el, "type")
                                .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                        {
                            open.push((node.id(), Slot::JsonLd, String::new()));
                        }
                        hidden += 1;
                        hidden_ids.push(node.id());
                        continue;
                    }
                    if name == "a" {
                        link_depth += 1;
                    }
                    if dom::attr(el, "class").is_some_and(dom::is_hidden_class) {
                        concealed.push(node.id());
                    }
                    if let Some(kind) = scope_kind(el) {
                        scopes.push(Scope {
                            id: node.id(),
                            kind,
                            holds_heading: false,
                            bylines: signals.bylines.len()..signals.bylines.len(),
                            metas: signals.metas.len()..signals.metas.len(),
                        });
                    }
                    if name == "h1" && concealed.is_empty() {
                        for scope in &mut scopes {
                            scope.holds_heading = true;
                        }
                        pending_before = Some(recent.iter().rev().map(|t| one_line(t)).collect());
                    }
                    if name == "time" {
                        if let Some(datetime) =
                            dom::attr(el, "datetime").filter(|d| !d.trim().is_empty())
                        {
                            push_window(
                                &mut signals.headings,
                                &mut windows,
                                datetime.trim(),
                                WINDOW_NODES,
                            );
                            push_window(
                                &mut signals.subheadings,
                                &mut sub_windows,
                                datetime.trim(),
                                SUB_WINDOW_NODES,
                            );
                        }
                    }
                    boundary |= !is_inline(name) && !is_ruby(name);
                    if matches!(name, "h2" | "h3" | "h4" | "h5" | "h6")
                        && signals.subheadings.len() < MAX_SUBHEADINGS
                        && concealed.is_empty()
                    {
                        open.push((node.id(), Slot::Subheading(texts_seen), String::new()));
                    }
                    open_element(
                        &mut signals,
                        &mut open,
                        node.id(),
                        el,
                        link_depth > 0,
                        !concealed.is_empty(),
                    );
                    // Captures nested without end (100 000 nested `<div class=date>`) would make every text
                    // node quadratic; the innermost ones beyond the limit are not captured.
                    open.truncate(MAX_OPEN);
                }
                Node::Text(text) => {
                    let text: &str = text;
                    if hidden > 0 {
                        if let Some((_, Slot::JsonLd, buf)) = open.last_mut() {
                            buf.push_str(text);
                        }
                        continue;
                    }
                    let trimmed = text.trim();
                    if trimmed.is_empty() {
                        boundary |= !text.is_empty();
                        continue;
                    }
                    let break_before = boundary;
                    boundary = false;
                    copyright_line(
                        &mut signals.copyrights,
                        &mut copyright,
                        trimmed,
                        break_before,
                    );
                    for (_, slot, buf) in open.iter_mut() {
                        if *slot == Slot::Paragraph
                            && signals.paragraphs.len() + buf.len() > SAMPLE_LIMIT
                        {
                            continue;
                        }
                        if buf.len() <= CAPTURE_LIMIT * 4
                            || matches!(slot, Slot::Heading | Slot::Title)
                        {
                            push_collapsed(buf, text, break_before);
                        }
                    }
                    if signals.text.len() < SAMPLE_LIMIT {
                        push_collapsed(&mut signals.text, text, true);
                    }
                    if !windows.is_empty() {
                        push_window(
                            &mut signals.headings,
                            &mut windows,
                            &one_line(trimmed),
                            WINDOW_NODES,
                        );
                    }
                    if !sub_windows.is_empty() {
                        push_window(
                            &mut signals.subheadings,
                            &mut sub_windows,
                            &one_line(trimmed),
                            SUB_WINDOW_NODES,
                        );
                    }
                    texts_seen += 1;
                    if recent.len() == BEFORE_NODES {
                        recent.pop_front();
                    }
                    recent.push_back(trimmed);
                }
                _ => {}
            },
            Edge::Close(node) => {
                if hidden_ids.last() == Some(&node.id()) {
                    hidden_ids.pop();
                    hidden -= 1;
                }
                if concealed.last() == Some(&node.id()) {
                    concealed.pop();
                }
                if let Node::Element(el) = node.value() {
                    if el.name() == "a" {
                        link_depth = link_depth.saturating_sub(1);
                    }
                    if scopes.last().is_some_and(|s| s.id == node.id()) {
                        if let Some(mut scope) = scopes.pop() {
                            scope.bylines.end = signals.bylines.len();
                            scope.metas.end = signals.metas.len();
                            closed.push(scope);
                        }
                    }
                    boundary |= !is_inline(el.name()) && !is_ruby(el.name());
                }
                while open.last().is_some_and(|(id, _, _)| *id == node.id()) {
                    let Some((_, slot, buf)) = open.pop() else {
                        break;
                    };
                    if slot == Slot::Heading {
                        let lines: Vec<String> = buf
                            .lines()
                            .map(one_line)
                            .filter(|l| !l.is_empty())
                            .collect();
                        signals.headings.push(Heading {
                            text: one_line(&buf),
                            lines: if lines.len() > 1 { lines } else { Vec::new() },
                            after: Vec::new(),
                            before: pending_before.take().unwrap_or_default(),
                        });
                        windows.push(signals.headings.len() - 1);
                        continue;
                    }
                    if let Slot::Subheading(seen) = slot {
                        let text = one_line(&buf);
                        let titles = metadata_titles.get_or_insert_with(|| titles_of(&signals));
                        let key = normalize(&text);
                        // Most of the title: a section heading can be a word of it ("News").
                        let headline = |t: &String| t.contains(&key) && key.len() * 2 >= t.len();
                        if !key.is_empty() && titles.iter().any(headline) {
                            // The texts before it, nearest first, without its own.
                            let own = texts_seen - seen;
                            let before =
                                recent.iter().rev().skip(own).map(|t| one_line(t)).collect();
                            signals.subheadings.push(Heading {
                                text,
                                before,
                                ..Heading::default()
                            });
                            sub_windows.push(signals.subheadings.len() - 1);
                        }
                        continue;
                    }
                    close_slot(&mut signals, slot, buf);
                }
            }
        }
    }
    signals.copyrights.extend(copyright);
    drop_others(&mut signals, &closed);
    signals
}

/// Follows the copyright line open in `line` over the text node `text`: a block boundary before it ends the line
/// (kept in `lines`), a `©` or the word `copyright` (any case) starts one from that mark.
fn copyright_line(
    lines: &mut Vec<String>,
    line: &mut Option<String>,
    text: &str,
    break_before: bool,
) {
    if break_before {
        lines.extend(line.take());
    }
    if let Some(line) = line {
        if line.len() < COPYRIGHT_LIMIT {
            line.push(' ');
            line.push_str(&one_line(text));
        }
        return;
    }
    if lines.len() >= MAX_COPYRIGHTS {
        return;
    }
    let start = text.find('©').or_else(|| {
        text.as_bytes()
            .windows(9)
            .position(|w| w.eq_ignore_ascii_case(b"copyright"))
    });
    if let Some(start) = start {
        *line = Some(one_line(&text[start..]));
    }
}

/// The page's metadata titles (`<title>`, `og:title`, `twitter:title`), normalized: the head, which holds them,
/// is read before the body's headings.
fn titles_of(signals: &Signals) -> Vec<String> {
    let metas = signals
        .metas
        .iter()
        .filter(|(k, _)| k == "og:title" || k == "twitter:title")
        .map(|(_, v)| v.as_str());
    signals
        .title
        .as_deref()
        .into_iter()
        .chain(metas)
        .map(normalize)
        .filter(|t| !t.is_empty())
        .collect()
}

/// Reader items a page lists, at least, for them to be the readers' rather than the page's own: a review page's
/// own review is one item, the reviews of a product or a holiday home come in a list.
const READER_ITEMS_MIN: usize = 2;

/// A part of the page whose signals can be another text's than the page's own, and what was read inside it.
struct Scope {
    id: ego_tree::NodeId,
    kind: ScopeKind,
    /// Whether an `<h1>` opened inside it.
    holds_heading: bool,
    /// The bylines and the meta values read inside it.
    bylines: std::ops::Range<usize>,
    metas: std::ops::Range<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    /// A `<form>`: its author field is the reader's to fill in (a comment form's `<label class=author>Name</label>`).
    Form,
    /// A microdata item a reader wrote about the page's item (`itemprop=review`, `comment`, an answer): its
    /// `datePublished` and `author` are the reader's.
    ReaderItem,
}

fn scope_kind(el: &Element) -> Option<ScopeKind> {
    if el.name() == "form" {
        return Some(ScopeKind::Form);
    }
    let prop = dom::attr(el, "itemprop")?;
    let readers = prop
        .split_ascii_whitespace()
        .any(|p| READER_PROPS.iter().any(|r| p.eq_ignore_ascii_case(r)));
    readers.then_some(ScopeKind::ReaderItem)
}

/// The microdata properties that hold what readers wrote about the page's item (schema.org's `review`, `comment`
/// and a question's answers).
const READER_PROPS: [&str; 6] = [
    "review",
    "reviews",
    "comment",
    "comments",
    "suggestedAnswer",
    "acceptedAnswer",
];

/// Drops the signals read inside forms and reader items that are not the page's own. A page whose headline is
/// inside one is all inside it (ASP.NET pages put the whole body in one `<form>`; a review page is one Review), so
/// only a part that does not hold the page's `<h1>` is dropped, and only on a page that has one; reader items only
/// when the page lists [`READER_ITEMS_MIN`] of them.
fn drop_others(signals: &mut Signals, closed: &[Scope]) {
    if signals.headings.is_empty() {
        return;
    }
    let readers = closed
        .iter()
        .filter(|s| s.kind == ScopeKind::ReaderItem && !s.holds_heading)
        .count();
    let mut bylines: Vec<std::ops::Range<usize>> = Vec::new();
    let mut metas: Vec<std::ops::Range<usize>> = Vec::new();
    for scope in closed.iter().filter(|s| !s.holds_heading) {
        match scope.kind {
            ScopeKind::Form => bylines.push(scope.bylines.clone()),
            ScopeKind::ReaderItem if readers >= READER_ITEMS_MIN => {
                bylines.push(scope.bylines.clone());
                metas.push(scope.metas.clone());
            }
            ScopeKind::ReaderItem => {}
        }
    }
    remove_ranges(&mut signals.bylines, bylines);
    remove_ranges(&mut signals.metas, metas);
}

/// Removes the items in `ranges` (nested or apart) from `items`.
fn remove_ranges<T>(items: &mut Vec<T>, ranges: Vec<std::ops::Range<usize>>) {
    if ranges.is_empty() {
        return;
    }
    let mut keep = vec![true; items.len()];
    for range in ranges {
        for k in &mut keep[range] {
            *k = false;
        }
    }
    let mut keep = keep.into_iter();
    items.retain(|_| keep.next().unwrap_or(true));
}

fn open_element(
    signals: &mut Signals,
    open: &mut Vec<(ego_tree::NodeId, Slot, String)>,
    id: ego_tree::NodeId,
    el: &Element,
    in_link: bool,
    concealed: bool,
) {
    match el.name() {
        "html" if signals.lang.is_none() => {
            signals.lang = dom::attr(el, "lang")
                .or_else(|| dom::attr(el, "xml:lang"))
                .map(str::to_string);
        }
        "meta" => {
            // One look at the attributes (`attr` would hash each name it looks for).
            let mut content = None;
            let mut keys: [Option<&str>; 4] = [None; 4];
            for (name, value) in el.attrs() {
                // html5ever keeps the first of repeated attributes, so each name comes once.
                match name {
                    "content" => content = Some(value),
                    "property" => keys[0] = Some(value),
                    "name" => keys[1] = Some(value),
                    "itemprop" => keys[2] = Some(value),
                    "http-equiv" => keys[3] = Some(value),
                    _ => {}
                }
            }
            if let Some(content) = content {
                for k in keys.into_iter().flatten() {
                    signals
                        .metas
                        .push((k.trim().to_ascii_lowercase(), content.trim().to_string()));
                }
            }
            return;
        }
        "title" if signals.title.is_none() => open.push((id, Slot::Title, String::new())),
        "link" => {
            let rel = dom::attr(el, "rel").unwrap_or_default();
            if rel.eq_ignore_ascii_case("canonical") && signals.canonical.is_none() {
                signals.canonical = dom::attr(el, "href").map(|h| h.trim().to_string());
            }
            return;
        }
        // A heading kept off the screen (a screen reader's `Headline | Site`) is not the headline as displayed.
        "h1" if !concealed => open.push((id, Slot::Heading, String::new())),
        "img" => {
            if let Some(alt) = dom::attr(el, "alt").filter(|a| a.len() <= ALT_LIMIT) {
                let alt = one_line(alt);
                if !alt.is_empty() && signals.alts.len() < MAX_ALTS {
                    signals.alts.push(alt);
                }
            }
        }
        "p" => open.push((id, Slot::Paragraph, String::new())),
        "time" => {
            signals.times.push(TimeTag {
                datetime: dom::attr(el, "datetime").map(str::to_string),
                text: String::new(),
                hint: hint(el, &["class", "itemprop", "pubdate"]),
            });
            open.push((id, Slot::Time(signals.times.len() - 1), String::new()));
        }
        _ => {}
    }
    // One look at the attributes: most elements have none of interest, and no allocation is made for them.
    let mut byline = false;
    let mut dated = false;
    let mut date_prop = None;
    for (name, value) in el.attrs() {
        if !matches!(name, "class" | "id" | "rel" | "itemprop" | "data-testid") {
            continue;
        }
        let (is_byline, is_date) = keywords(value.as_bytes());
        byline |= is_byline;
        dated |= is_date;
        if name == "itemprop" && is_date {
            date_prop = Some(value.to_ascii_lowercase());
        }
    }
    if let Some(prop) = date_prop {
        if let Some(value) = dom::attr(el, "content").or_else(|| dom::attr(el, "datetime")) {
            signals.metas.push((prop, value.trim().to_string()));
        }
    }
    if !byline && !dated {
        return;
    }
    let attrs = hint(el, &["class", "id", "rel", "itemprop", "data-testid"]);
    if byline {
        signals.bylines.push(Captured {
            hint: attrs.clone(),
            link: in_link || el.name() == "a",
            href: dom::attr(el, "href").map(str::to_string),
            ..Captured::default()
        });
        open.push((id, Slot::Byline(signals.bylines.len() - 1), String::new()));
    }
    if dated {
        signals.dates.push(Captured {
            hint: attrs,
            ..Captured::default()
        });
        open.push((id, Slot::Date(signals.dates.len() - 1), String::new()));
    }
}

/// Attribute words that mark a byline.
const BYLINE_WORDS: [&[u8]; 5] = [b"author", b"byline", b"byl", b"writer", b"contributor"];
/// The word for author in German, Spanish, Italian, Portuguese, Polish and the Nordic languages, which marks a byline
/// too (`node-autor_name`). Only as a whole word: inside one it is part of another (`has-autoresize`), and before a
/// hyphen it is a taxonomy term's prefix, which WordPress gives every teaser of a writer's posts (`autor-anna-berg`).
const AUTHOR_WORDS: [&[u8]; 8] = [
    b"autor", b"autorin", b"autoren", b"autore", b"autori", b"autora", b"autores", b"autorka",
];
/// Attribute words that mark a displayed date.
const DATE_WORDS: [&[u8]; 5] = [b"date", b"time", b"publish", b"posted", b"dateline"];

/// Whether an attribute value holds a byline word and a date word, ASCII case-insensitively. One pass over the
/// bytes: this runs on every class and id of the page.
fn keywords(value: &[u8]) -> (bool, bool) {
    let (mut byline, mut date) = (false, false);
    for i in 0..value.len() {
        let first = value[i].to_ascii_lowercase();
        if !matches!(first, b'a' | b'b' | b'w' | b'c' | b'd' | b't' | b'p') {
            continue;
        }
        let rest = &value[i..];
        let starts =
            |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
        byline |= BYLINE_WORDS.iter().any(|w| w[0] == first && starts(w))
            || (first == b'a' && (i == 0 || !value[i - 1].is_ascii_alphabetic()) && {
                let word = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                AUTHOR_WORDS
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(&rest[..word]))
                    && rest.get(word) != Some(&b'-')
            });
        date |= DATE_WORDS.iter().any(|w| w[0] == first && starts(w));
    }
    (byline, date)
}

fn push_window(headings: &mut [Heading], windows: &mut Vec<usize>, text: &str, limit: usize) {
    windows.retain(|&i| {
        let heading = &mut headings[i];
        heading.after.push(text.to_string());
        heading.after.len() < limit
    });
}

fn close_slot(signals: &mut Signals, slot: Slot, buf: String) {
    let long = buf.len() > CAPTURE_LIMIT;
    match slot {
        Slot::Title => signals.title = Some(one_line(&buf)),
        Slot::JsonLd => signals.jsonld.push(buf),
        Slot::Heading | Slot::Subheading(_) => {}
        Slot::Paragraph => {
            if signals.paragraphs.len() < SAMPLE_LIMIT {
                signals.paragraphs.push_str(buf.trim());
                signals.paragraphs.push('\n');
            }
        }
        Slot::Time(i) => signals.times[i].text = buf.trim().to_string(),
        Slot::Byline(i) => {
            signals.bylines[i].text = buf.trim().to_string();
            signals.bylines[i].long = long;
        }
        Slot::Date(i) => {
            signals.dates[i].text = buf.trim().to_string();
            signals.dates[i].long = long;
        }
    }
}

/// The words of `text` joined by single spaces.
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn hint(el: &Element, keys: &[&str]) -> String {
    let mut out = String::new();
    for key in keys {
        if let Some(value) = dom::attr(el, key) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&value.to_ascii_lowercase());
        }
    }
    out
}

/// Appends text with runs of whitespace collapsed to one space, and a line break when a block boundary
/// (`break_before`) separates it from the text before.
fn push_collapsed(out: &mut String, text: &str, break_before: bool) {
    let space_before = text.starts_with(char::is_whitespace);
    for (i, word) in text.split_whitespace().enumerate() {
        if i == 0 && break_before && !out.is_empty() {
            let trimmed = out.trim_end_matches(' ').len();
            out.truncate(trimmed);
            out.push('\n');
        } else if !out.is_empty() && !out.ends_with([' ', '\n']) && (i > 0 || space_before) {
            out.push(' ');
        }
        out.push_str(word);
    }
    if text.ends_with(char::is_whitespace) && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeply_nested_captures_stay_bounded() {
        let depth = 3_000;
        let page = format!(
            "<html><body>{}<p>x</p>{}</body></html>",
            "<div class=\"date\">".repeat(depth),
            "</div>".repeat(depth)
        );
        let s = scan(&Html::parse_document(&page));
        assert_eq!(s.dates.len(), depth);
        assert_eq!(s.dates[0].text, "x");
        assert_eq!(s.text, "x");
    }

    #[test]
    fn a_heading_kept_off_the_screen_is_no_headline() {
        let s = scan(&Html::parse_document(
            r#"<h1 class="sr-only">Ferry timetable changes | Harbour Post</h1>
            <div class="visually-hidden"><h1>Harbour Post</h1></div>
            <h1>Ferries<span class="visually-hidden">: </span>New timetable</h1>"#,
        ));
        let headings: Vec<&str> = s.headings.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(headings, ["Ferries: New timetable"]);
    }

    #[test]
    fn ruby_annotations_are_no_text() {
        let s = scan(&Html::parse_document(
            "<h1><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>を</h1>",
        ));
        assert_eq!(s.headings[0].text, "子どもへの体罰を");
    }

    #[test]
    fn an_author_named_in_another_language_marks_a_byline() {
        let html = Html::parse_document(
            r#"<body><h1>T</h1><p class="node-autor_name">Ana Ruiz</p><div class="has-autoresize">Big</div><li class="post autor-eva-roth">A teaser</li>
            <span class="autorin">Eva Roth</span></body>"#,
        );
        let s = scan(&html);
        let bylines: Vec<&str> = s.bylines.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(bylines, ["Ana Ruiz", "Eva Roth"]);
    }

    #[test]
    fn a_form_s_author_field_is_no_byline() {
        let html = Html::parse_document(
            r#"<body><h1>T</h1><div class="byline">By Jane Doe</div><form><p class="row-author">
            <label class="author-label">Name</label><input name="author"></p></form></body>"#,
        );
        let s = scan(&html);
        let bylines: Vec<&str> = s.bylines.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(bylines, ["By Jane Doe"]);
        // A form that holds the headline holds the whole page (ASP.NET): its byline is the page's.
        let html = Html::parse_document(
            r#"<body><form id="main"><h1>T</h1><div class="byline">By Jane Doe</div></form></body>"#,
        );
        let s = scan(&html);
        let bylines: Vec<&str> = s.bylines.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(bylines, ["By Jane Doe"]);
    }

    #[test]
    fn listed_reviews_dates_are_the_readers() {
        let review = |day: &str| {
            format!(
                r#"<div itemprop="review" itemscope itemtype="http://schema.org/Review"><meta
                itemprop="datePublished" content="{day}"><span itemprop="author">Kim</span> liked it.</div>"#
            )
        };
        let page = format!(
            "<body><h1>Holiday home</h1><p>Four rooms.</p>{}{}</body>",
            review("2018-05-23"),
            review("2017-10-17")
        );
        let s = scan(&Html::parse_document(&page));
        assert!(!s.metas.iter().any(|(k, _)| k == "datepublished"));
        // A review that holds the headline is the page's own.
        let page = r#"<body><article itemprop="review"><h1>A film</h1>
            <meta itemprop="datePublished" content="2019-11-18"></article></body>"#;
        let s = scan(&Html::parse_document(page));
        assert!(s
            .metas
            .iter()
            .any(|(k, v)| k == "datepublished" && v == "2019-11-18"));
    }

    #[test]
    fn gathers_signals_in_one_pass() {
        let html = Html::parse_document(
            r#"<html lang="en-US"><head><title>T - Site</title><meta property="og:site_name" content="Site">
            <link rel="canonical" href="https://x.org/2019/11/18/t/">
            <script type="application/ld+json">{"@type":"NewsArticle"}</script><script>var x;</script></head>
            <body><h1>The <em>Title</em></h1><div class="byline">By <a rel="author">Jane Doe</a></div>
            <time datetime="2019-11-18T10:00:00Z">Nov 18</time><p>Body text.</p></body></html>"#,
        );
        let s = scan(&html);
        assert_eq!(s.lang.as_deref(), Some("en-US"));
        assert_eq!(s.title.as_deref(), Some("T - Site"));
        assert_eq!(
            s.metas,
            vec![("og:site_name".to_string(), "Site".to_string())]
        );
        assert_eq!(s.canonical.as_deref(), Some("https://x.org/2019/11/18/t/"));
        assert_eq!(s.jsonld, vec![r#"{"@type":"NewsArticle"}"#.to_string()]);
        assert_eq!(s.headings[0].text, "The Title");
        assert_eq!(
            s.headings[0].after[..2],
            ["By".to_string(), "Jane Doe".to_string()]
        );
        assert_eq!(s.bylines[0].text, "By Jane Doe");
        assert_eq!(s.times[0].datetime.as_deref(), Some("2019-11-18T10:00:00Z"));
        assert_eq!(s.paragraphs, "Body text.\n");
    }
}
