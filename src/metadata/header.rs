//! Header lines of scraped markdown: the site name, title, byline and date lines a scraper leaves before the
//! body, read into metadata and cut from the body.
//!
//! Conservative by design: without front matter, a header is only recognised when it holds a byline or a date
//! line (or is a lone `# Title` heading, or a lone headline whose words the lead repeats) within its first few
//! short lines. With front matter that gives a title, author, date, site or `source` (rinse writes `source` into
//! every output, so its own outputs say so), only the lines up to one that repeats the known title are cut, so
//! cleaning a cleaned file changes nothing.

use std::sync::LazyLock;

use super::{
    byline, date,
    pattern::Pattern,
    title::{normalized_chars, SEPARATORS},
};
use crate::document::Metadata;

/// Non-blank lines looked at for a header.
const MAX_HEADER_LINES: usize = 6;
/// A header line longer than this is body text.
const MAX_LINE_CHARS: usize = 200;
/// The words a lone headline has: fewer is a label, more is a sentence of the text.
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 3..=25;
/// A headline ending in a question mark has at most this many words; a longer question is the text's own.
const MAX_QUESTION_WORDS: usize = 15;
/// The words the paragraph under a lone headline has at least: running text, not another label.
const MIN_LEAD_WORDS: usize = 15;
/// The share of a lone headline's longer words (four letters or more) that the text under it repeats: a headline
/// names what the lead tells, a first line of the text does not restate the next one.
const MIN_HEADLINE_ECHO: f64 = 0.4;
/// The bytes of text under a lone headline in which its words are looked for.
const ECHO_WINDOW: usize = 2000;
/// The most words of a masthead that the headline under it names after a separator (`You Had Me At Gardening`).
const MAX_NAMED_SITE_WORDS: usize = 6;
/// The most words of a site name after a separator at the end of a lone headline (`Title - Two For Fashion`),
/// which the text under it need not repeat.
const MAX_SUFFIX_WORDS: usize = 5;
/// The longest byline or date line taken with a known title repeated above it.
const MAX_BYLINE_CHARS: usize = 80;
/// The short lines a known title may stand under (a breadcrumb, a menu the cleanup rules left).
const MAX_LINES_ABOVE_TITLE: usize = 2;

/// Reads the header lines at the start of `body`. Returns the metadata they give and the byte offset where the
/// body proper starts (0 when there is no header).
pub fn read(body: &str, known: &Metadata) -> (Metadata, usize) {
    read_header(body, known, Place::Top)
}

/// Reads the header lines under a header already cut that gave no title (a byline and a date, a running header's
/// date). A line set whole in strong emphasis there is a subheading or a dateline over the text (`**Bern,
/// 17.08.2007 - Rede von …**` under `Autor: …` and a date) more often than the headline, which stands over the
/// byline: only the lead's echo of its words or a site's signature make it the title.
pub fn read_below(body: &str, known: &Metadata) -> (Metadata, usize) {
    read_header(body, known, Place::BelowHeader)
}

/// Where the lines read stand: on top of the document, or under a header already cut.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Top,
    BelowHeader,
}

fn read_header(body: &str, known: &Metadata, place: Place) -> (Metadata, usize) {
    let lines = first_lines(body);
    let has_known = known.title.is_some()
        || !known.authors.is_empty()
        || known.date.is_some()
        || known.site.is_some()
        || known.source.is_some();
    if has_known {
        return repeated(body, &lines, known);
    }
    let mut meta = Metadata::default();
    let kinds: Vec<Kind> = lines.iter().map(|l| classify(l.text)).collect();
    let last_marker = kinds
        .iter()
        .rposition(|k| matches!(k, Kind::Byline(_) | Kind::Date(_)));
    let Some(last_marker) = last_marker else {
        // A lone `# Title` heading opening the document is its title.
        if let Some(first) = lines.first() {
            if let Some(heading) = atx_h1(first.text) {
                meta.title = Some(heading.to_string());
                return (meta, skip_blank(body, first.end));
            }
        }
        let (meta, start) = masthead_and_headline(body, &lines, &kinds);
        if start > 0 {
            return (meta, start);
        }
        return lone_headline(body, &lines, place);
    };
    let first_marker = kinds
        .iter()
        .position(|k| matches!(k, Kind::Byline(_) | Kind::Date(_)))
        .unwrap_or(last_marker);
    let texts = &kinds[..first_marker];
    if texts.len() > 2
        || kinds[first_marker..=last_marker]
            .iter()
            .any(|k| matches!(k, Kind::Text | Kind::Body))
        || texts.iter().any(|k| matches!(k, Kind::Body))
    {
        return (meta, 0);
    }
    let text_lines: Vec<String> = lines[..first_marker]
        .iter()
        .map(|l| plain(l.text))
        .collect();
    if text_lines.iter().any(|t| is_navigation(t)) {
        return (meta, 0);
    }
    let words = |t: &str| t.split_whitespace().count();
    match text_lines.as_slice() {
        [site, title] if words(site) <= 5 && words(title) > words(site) => {
            meta.title = Some(super::title::strip_site(title, &[site]));
            meta.site = Some(site.clone());
        }
        // A name alone under the title, before the date: a byline without "By".
        [title, name] if words(title) >= 3 && words(name) <= 4 && byline::is_name(name) => {
            meta.title = Some(title.clone());
            meta.authors = vec![name.clone()];
        }
        [_, _] => return (Metadata::default(), 0),
        [title] if words(title) >= 4 => meta.title = Some(title.clone()),
        // One short line over a date is the masthead more often than a headline.
        [site] => meta.site = Some(site.clone()),
        _ => {}
    }
    for kind in &kinds[first_marker..=last_marker] {
        match kind {
            Kind::Byline(names) if meta.authors.is_empty() => meta.authors = names.clone(),
            Kind::Date(day) if meta.date.is_none() => meta.date = Some(day.clone()),
            _ => {}
        }
    }
    (meta, skip_blank(body, lines[last_marker].end))
}

/// Without a byline or date: a masthead of at most three words over a headline, each its own paragraph and
/// neither ending in punctuation, over running text, are the site and the title. Anything looser is left alone.
fn masthead_and_headline(body: &str, lines: &[Line<'_>], kinds: &[Kind]) -> (Metadata, usize) {
    let [site, title, next, ..] = lines else {
        return (Metadata::default(), 0);
    };
    let (site_text, title_text, next_text) =
        (plain(site.text), plain(title.text), plain(next.text));
    let words = |t: &str| t.split_whitespace().count();
    let bare = |t: &str| !t.ends_with(['.', '!', '?', ':', ';', ',', '"', '\u{201d}']);
    let own_paragraph = |from: usize, to: usize| body[from..to].matches('\n').count() >= 2;
    // A headline that names the line above it after a separator (`Title - Site` under `Site`) says by itself
    // that the two are the masthead and the title, whatever follows them.
    let names_site = words(&site_text) <= MAX_NAMED_SITE_WORDS
        && super::title::strip_site(&title_text, &[&site_text]) != title_text.trim();
    let fits = kinds.first() == Some(&Kind::Text)
        && kinds.get(1) == Some(&Kind::Text)
        && (words(&site_text) <= 3 || names_site)
        && (4..=25).contains(&words(&title_text))
        && bare(&site_text)
        && bare(&title_text)
        && !is_navigation(&site_text)
        && !is_navigation(&title_text)
        && (names_site || kinds.get(2) == Some(&Kind::Body) || words(&next_text) >= 15)
        && own_paragraph(site.end, title.end)
        && own_paragraph(title.end, next.end);
    if !fits {
        return (Metadata::default(), 0);
    }
    let meta = Metadata {
        title: Some(super::title::strip_site(&title_text, &[&site_text])),
        site: Some(site_text),
        ..Metadata::default()
    };
    (meta, skip_blank(body, title.end))
}

/// Without a byline, a date or a masthead: one line of a few words over running text is the headline when it is
/// its own paragraph, ends without a sentence end, and the text under it repeats most of its longer words, or when
/// it is signed with a site name after a separator (`Title :: Site`) over a lead that ends a sentence, maybe under a
/// few short lines (a byline, a date). The evidence holds in any language written with spaces; it can take a first
/// line that restates the lead (a kicker) for a headline.
fn lone_headline(body: &str, lines: &[Line<'_>], place: Place) -> (Metadata, usize) {
    let [title, next, ..] = lines else {
        return (Metadata::default(), 0);
    };
    let trimmed = title.text.trim_start();
    if trimmed.starts_with(['-', '+', '>', '|', '`', '!'])
        || (trimmed.starts_with('*') && !trimmed.starts_with("**"))
        || body[title.end..next.end].matches('\n').count() < 2
    {
        return (Metadata::default(), 0);
    }
    let text = unlinked(title.text);
    let words = text.split_whitespace().count();
    let question = text.ends_with('?') && words > MAX_QUESTION_WORDS;
    let lead = plain(next.text);
    if !HEADLINE_WORDS.contains(&words)
        || question
        || text.ends_with(['.', ':', ';', ','])
        || is_navigation(&text)
    {
        return (Metadata::default(), 0);
    }
    // A headline signed with its site after a separator (`Title :: Site`, `Title – Site`; no quote, which a
    // headline's second part can be) is one by its shape, in any language: its words need not come back in the
    // lead (an inflecting language changes them), and the lead under it may be one short sentence.
    let lead_words = lead.split_whitespace().count();
    let headline = without_suffix(&text);
    let quotes = [
        '"', '\'', '\u{201c}', '\u{201d}', '\u{201e}', '\u{2018}', '\u{2019}', '«', '»',
    ];
    let rest = &text[headline.len()..];
    let site = rest
        .strip_prefix(GUILLEMET_SEPARATOR)
        .unwrap_or(rest)
        .trim_start_matches(|c: char| !c.is_alphanumeric() && !quotes.contains(&c));
    // A headline by its shape has its lead in the next few lines: the first of running text (or one sentence of
    // some words), under short lines only (a byline, a date, a comment count, a share button the cleanup left).
    let lead_below = || {
        for line in lines[1..].iter().take(MAX_LINES_TO_LEAD) {
            let line = plain(line.text);
            let words = line.split_whitespace().count();
            if words >= MIN_LEAD_WORDS || (ends_sentence(&line) && words >= MIN_SIGNED_LEAD_WORDS) {
                return Some(line);
            }
            // A longer line is text of its own; one signed with a site itself is the headline, and the line
            // above it a running header or a breadcrumb (`Sie sind hier: Home – Panorama`); links are a menu's.
            if words > MAX_WORDS_ABOVE_LEAD
                || without_suffix(&line).len() < line.len()
                || line.contains("](")
            {
                return None;
            }
        }
        None
    };
    // A headline set whole in strong emphasis (`**Title**`, a page's headline as some converters write it) on top
    // of the document is one by its shape too: a subheading stands under a title, and a lead sentence in bold ends
    // on its full stop. Under a byline or a date it is a subheading or a dateline (see [`read_below`]), and so is
    // a line in bold that holds a date itself (`**Musterstadt, 17.08.2007 - Rede von …**`): a headline names no day. A
    // line in bold right over a list heads the list (`**What's new in 2.26?**` over its items), not the page.
    let next_line = next.text.trim_start();
    let over_list = (next_line.starts_with(['-', '*', '+'])
        && next_line[1..].starts_with(char::is_whitespace))
        || next_line
            .split_once(['.', ')'])
            .is_some_and(|(number, rest)| {
                !number.is_empty()
                    && number.bytes().all(|b| b.is_ascii_digit())
                    && rest.starts_with(' ')
            });
    let strong = place == Place::Top
        && !over_list
        && trimmed
            .strip_prefix("**")
            .and_then(|t| t.trim_end().strip_suffix("**"))
            .is_some_and(|t| !t.contains("**"))
        && date::parse(&text).is_none();
    let signed =
        ((headline.len() < text.len() && !site.starts_with(quotes) && !site.ends_with(quotes))
            || prefixed(&text)
            || strong)
            && lead_below().is_some();
    if lead_words < MIN_LEAD_WORDS && !signed {
        return (Metadata::default(), 0);
    }
    let mut end = (title.end + ECHO_WINDOW).min(body.len());
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    let lead = body[title.end..end].to_lowercase();
    let long: Vec<String> = without_suffix(&text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect();
    let echoed = long.iter().filter(|w| lead.contains(w.as_str())).count();
    let echo = long.len() >= 2 && (echoed as f64) >= MIN_HEADLINE_ECHO * long.len() as f64;
    if !echo && !signed {
        return (Metadata::default(), 0);
    }
    let meta = Metadata {
        title: Some(text),
        ..Metadata::default()
    };
    (meta, skip_blank(body, title.end))
}

/// Whether a headline opens on a site name or a kicker before a colon (`National Review: The Impeachment Clock`,
/// `Kommentar: Warum wir mehr Mut brauchen`): a part of at most [`MAX_PREFIX_WORDS`] words without a sentence end
/// or a digit, then at least [`HEADLINE_WORDS`]' least words. Either way the line is a headline by its shape.
fn prefixed(text: &str) -> bool {
    text.split_once(": ").is_some_and(|(prefix, rest)| {
        (1..=MAX_PREFIX_WORDS).contains(&prefix.split_whitespace().count())
            // A sentence end (a domain's dot is none: `wday.ru`), a quote or a link is text, not a name.
            && !prefix.contains(['!', '?', '"', '(', '['])
            && !prefix.contains(". ")
            && !prefix.ends_with('.')
            && !prefix.chars().any(|c| c.is_ascii_digit())
            && !prefix.contains(':')
            && rest
                .split_whitespace()
                .filter(|word| word.chars().any(char::is_alphanumeric))
                .count()
                >= *HEADLINE_WORDS.start()
            // A breadcrumb parts its items with a mark that is no word (`You are here: Home ❯ World`, `Start ::
            // Sport`); a headline's marks are dashes, quotes, ampersands and a colon set apart (`Titre : suite`).
            && !text.split_whitespace().any(|word| {
                word != ":"
                    && !word.chars().any(char::is_alphanumeric)
                    && !word.chars().all(|c| "-–—&\"'«»“”„‘’".contains(c))
            })
    })
}

/// The most words of a site name or a kicker before a headline's colon: site names are a few words
/// ([`MAX_SITE_WORDS`] after a separator), and a kicker (`Kommentar`, `Analysis`) one or two.
const MAX_PREFIX_WORDS: usize = 4;

/// A guillemet between spaces that no closing guillemet follows separates a headline from its site name (`Title «
/// Site`, as some blogs print their titles); with its closing mark after it (`Title: « Quote »`) it opens a quote.
const GUILLEMET_SEPARATOR: &str = " « ";

/// The fewest words of a lead that ends a sentence under a headline signed with its site.
const MIN_SIGNED_LEAD_WORDS: usize = 6;
/// The most words of each item of a menu or breadcrumb after its first (`Home / Technology / Health`).
const MAX_MENU_ITEM_WORDS: usize = 2;
/// The lines under a headline in which its lead is looked for: the short lines a header puts between them (a
/// byline, a date, a reading time) are two or three.
const MAX_LINES_TO_LEAD: usize = 4;
/// The most words of a line between a headline and its lead (`Par Pétition soutenue par un Super contributeur`,
/// `Updated Mar. 3, 2020 at 6:35 a.m.`); a longer line is text of its own.
const MAX_WORDS_ABOVE_LEAD: usize = 8;

/// Whether `text` ends a sentence: `.`, `!`, `?` or `…`, maybe inside a closing quote or bracket.
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\u{201d}', '\u{2019}', '»', ')', '*', '_'])
        .ends_with(['.', '!', '?', '…'])
}

/// A headline without what follows its last separator when that is a few plain words, as a site name is
/// (`Title - Site`, `Title :: Site`; not a time, a page number, a link or an address), and at least
/// [`HEADLINE_WORDS`]' least stand before it.
fn without_suffix(text: &str) -> &str {
    SEPARATORS
        .iter()
        .copied()
        .chain([GUILLEMET_SEPARATOR])
        // The same separator twice, with a word or two between and after, parts a menu or a breadcrumb (`Politics ·
        // World · Business`, `Site – Section – 1`), not a headline from its site (`Die Strohtasche – das Must-have
        // für den Sommer – Zwei Für Mode`).
        .filter(|sep| {
            let mut parts = text.split(sep).skip(1);
            parts.clone().count() < 2
                || parts.any(|part| part.split_whitespace().count() > MAX_MENU_ITEM_WORDS)
        })
        .filter_map(|sep| {
            text.rsplit_once(sep)
                .filter(|(_, tail)| sep != GUILLEMET_SEPARATOR || !tail.contains('»'))
        })
        .filter(|(head, tail)| {
            tail.split_whitespace().count() <= MAX_SUFFIX_WORDS
                && tail.chars().any(char::is_alphabetic)
                && !tail.contains(['[', ']', '(', ')', '/', ':'])
                && head.split_whitespace().count() >= *HEADLINE_WORDS.start()
                // A label over a breadcrumb's first item (`You are here: Home – World`) is no headline.
                && head.rsplit_once(": ").is_none_or(|(label, item)| {
                    label.split_whitespace().count() > MAX_PREFIX_WORDS
                        || item.split_whitespace().count() > MAX_MENU_ITEM_WORDS
                })
        })
        .map(|(head, _)| head)
        .max_by_key(|head| head.len())
        .unwrap_or(text)
}

/// With a known title: cuts the lines up to one that repeats the title (the HTML pipeline drops that heading
/// too), and nothing else. The repeat is compared after normalising (case, punctuation, emphasis, a link around
/// it, a site name before or after it: `Title | Site`, `site.com: Title`); it may stand under
/// [`MAX_LINES_ABOVE_TITLE`] short lines without end punctuation, or ending on a dot where the title's line names
/// that line after a separator (`U.S.` / `Title | U.S.`), which is then the site's name; else the name the title's
/// line signs it with after a separator (`Title :: Site`) is the site's. A body that merely starts
/// with the site name or a byline is left as it is, so that cleaning the output of an HTML page again changes
/// nothing.
fn repeated(body: &str, lines: &[Line<'_>], known: &Metadata) -> (Metadata, usize) {
    let Some(title) = known.title.as_deref() else {
        return (Metadata::default(), 0);
    };
    // The site's name over the title, which the title's line names after a separator (`Site` / `Title - Site`).
    let mut site = None;
    // Folded once for the lines compared with it.
    let folded_title = folded(title);
    for (k, line) in lines.iter().enumerate().take(MAX_LINES_ABOVE_TITLE + 1) {
        let text = unlinked(line.text);
        if same_title(&text, title, &folded_title) {
            // A byline and a date right under the title repeated belong to the same header; the site's name above
            // it is kept as the site's, else the name the title's line signs it with (`Title :: Site`), for the
            // running headers below that repeat it.
            let site = site.or_else(|| {
                site_sides(&text)
                    .into_iter()
                    .find(|&(rest, site)| folds_to(rest, &folded_title) && names_site(site))
                    .map(|(_, site)| site.to_string())
            });
            let mut meta = Metadata {
                site,
                ..Metadata::default()
            };
            let mut end = line.end;
            for next in &lines[k + 1..] {
                // A longer line that opens with `By` is the text's own (`by the firm … Last week, …`).
                if plain(next.text).chars().count() > MAX_BYLINE_CHARS {
                    break;
                }
                match classify(next.text) {
                    Kind::Byline(names) if meta.authors.is_empty() => meta.authors = names,
                    Kind::Date(day) if meta.date.is_none() => meta.date = Some(day),
                    _ => break,
                }
                end = next.end;
            }
            return (meta, skip_blank(body, end));
        }
        let short = text.split_whitespace().count() <= 12 && classify(line.text) != Kind::Body;
        // A site name over the title that names it after a separator may end on a dot of its own (`U.S.` over
        // `Title | U.S.`, `Example e.V.` over `Title – Example e.V.`).
        let named = names_site(&text)
            && lines.get(k + 1).is_some_and(|next| {
                let next = unlinked(next.text);
                same_title(&next, title, &folded_title) && {
                    let name = folded(&text);
                    site_sides(&next)
                        .iter()
                        .any(|&(_, site)| folds_to(site, &name))
                }
            });
        if k == MAX_LINES_ABOVE_TITLE
            || !short
            || (text.ends_with(['.', '!', '?', ';', ',']) && !named)
        {
            break;
        }
        site = named.then(|| plain(line.text));
    }
    (Metadata::default(), 0)
}

/// Whether `text` can be a site's name beside a title: it holds a letter (a date beside a title, `Title -
/// 02.11.2021`, names no site).
fn names_site(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
}

/// Whether a line repeats a title: the same letters and digits, maybe with a site name before or after it (a
/// part of at most [`MAX_SITE_WORDS`] words beyond a separator), on either side. Compared after [`folded`];
/// `title_n` is [`folded`] of `title`.
fn same_title(line: &str, title: &str, title_n: &str) -> bool {
    if title_n.is_empty() || folded_chars(line).next().is_none() {
        return false;
    }
    // The line and the parts beside a separator are folded only as far as they agree with the other side: most
    // differ in their first letters, and the line may be a long paragraph (one of paged text) with many
    // separators.
    folds_to(line, title_n)
        || without_site(line).iter().any(|t| folds_to(t, title_n))
        || without_site(title)
            .iter()
            .any(|t| folded_chars(t).eq(folded_chars(line)))
}

/// [`normalize`](super::title::normalize), with the case folding of `ß` that lowering alone lacks: a title in
/// capitals writes it `SS` (`BUSS- UND ORDNUNGSGELD` for `Buß- und Ordnungsgeld`), which lowers to `ss`.
fn folded(text: &str) -> String {
    folded_chars(text).collect()
}

/// Whether [`folded`] of `text` is `folded`, read only as far as the two agree.
fn folds_to(text: &str, folded: &str) -> bool {
    folded_chars(text).eq(folded.chars())
}

/// The characters of [`folded`], one by one: [`normalized_chars`], each `ß` as `ss`.
fn folded_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    normalized_chars(text).flat_map(|c| {
        let (first, second) = if c == 'ß' {
            ('s', Some('s'))
        } else {
            (c, None)
        };
        std::iter::once(first).chain(second)
    })
}

/// The words a site name has at most, beside a title.
const MAX_SITE_WORDS: usize = 6;

/// The characters of which every separator of [`without_site`] holds one.
const SEPARATOR_MARKS: [char; 9] = ['|', '-', '–', '—', ':', '·', '»', '/', '«'];

/// A title without a site name before or after it: the other side of each separator, when that side is short.
fn without_site(text: &str) -> Vec<&str> {
    site_sides(text)
        .into_iter()
        .map(|(title, _)| title)
        .collect()
}

/// The two sides of each separator in `text` whose one side is short enough to be a site name: (the other side,
/// that side), trimmed (see [`beside_site`]).
fn site_sides(text: &str) -> Vec<(&str, &str)> {
    // Every separator holds one of these characters: only the separators that hold a mark the line holds are
    // searched for (most lines hold none, or a hyphen and a colon). Each mark is looked for on its own, a search
    // that reads the bytes many at a time, rather than every character of a long line compared with each mark.
    let held = SEPARATOR_MARKS.map(|mark| text.contains(mark));
    if !held.contains(&true) {
        return Vec::new();
    }
    let may_hold = |sep: &str| {
        SEPARATOR_MARKS
            .iter()
            .zip(held)
            .any(|(&mark, held)| held && sep.contains(mark))
    };
    beside_site(text, separators().filter(|sep| may_hold(sep)))
}

/// Every separator [`without_site`] looks for: the title's, a colon and an opening guillemet.
fn separators() -> impl Iterator<Item = &'static str> {
    SEPARATORS.iter().copied().chain([": ", " « "])
}

/// The two sides of each of `separators` in `text`, when one side is short enough to be a site name (at most
/// [`MAX_SITE_WORDS`] words; counted no further than one word past them: a long part is no site name however
/// long): (the other side, that side), trimmed, for the last and for the first separator of each kind (a separator
/// further in is the title's own, `Title - Part 49 – Subtitle`: the site stands at an end).
fn beside_site(text: &str, separators: impl Iterator<Item = &'static str>) -> Vec<(&str, &str)> {
    let site = |part: &str| {
        (1..=MAX_SITE_WORDS).contains(&part.split_whitespace().take(MAX_SITE_WORDS + 1).count())
    };
    let mut out = Vec::new();
    for sep in separators {
        if let Some((head, tail)) = text.rsplit_once(sep) {
            if site(tail) {
                out.push((head.trim(), tail.trim()));
            }
        }
        if let Some((head, tail)) = text.split_once(sep) {
            if site(head) {
                out.push((tail.trim(), head.trim()));
            }
        }
    }
    out
}

/// The text of a line without heading marks, emphasis and a link around it (`[Title](https://…)`).
fn unlinked(line: &str) -> String {
    let text = plain(line);
    if let Some(inner) = text.strip_prefix('[') {
        if let Some((label, rest)) = inner.split_once("](") {
            if rest.ends_with(')') && !rest.contains(' ') {
                return plain(label);
            }
        }
    }
    text
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Byline(Vec<String>),
    Date(String),
    /// A short line: a site name or a title.
    Text,
    /// Anything that cannot be a header line.
    Body,
}

/// A line that is a byline: its lead-in, then a name. `by` as a word: `Bye` and `Byzantium` open no byline. The same
/// in other languages: `Publié par`, `Ein Beitrag von`, `Escrito por`, `Autor:`.
const BYLINE_LINE: &str = r"(?i)^(?:(?:written|posted|story|words|text)\s+by\b|by\b|authors?\s*:|(?:geschrieben|verfasst|ein\s+beitrag)\s+von\b|(?:publié|écrit|rédigé)\s+par\b|(?:escrito|publicado|redactado)\s+por\b|(?:scritto|pubblicato)\s+da\b|(?:autor|autorin|auteur|autore|autora|autorka|автор)\s*:)\s*\S";

fn classify(line: &str) -> Kind {
    static BYLINE: LazyLock<Pattern> =
        LazyLock::new(|| Pattern::new(BYLINE_LINE).expect("byline line pattern is valid"));
    static DATE_LEAD: LazyLock<Pattern> = LazyLock::new(|| {
        // The same in other languages: `Stand:`, `Aktualisiert am`, `Publié le`, `Publicado el`, `Opublikowano`.
        Pattern::new(r"(?i)^(?:(?:last\s+)?(?:published|posted|date|updated)|stand|datum|aktualisiert|veröffentlicht|publié|mis\s+à\s+jour|publicado|actualizado|pubblicato|aggiornato|opublikowano|zaktualizowano)?\s*(?:on|am|le|el|il)?\s*:?\s*")
            .expect("date lead pattern is valid")
    });
    let text = plain(line);
    // Rules (`---`, `***`) and other lines without a word, such as an unreadable front matter fence, are no
    // header lines.
    if !text.chars().any(char::is_alphanumeric) || text.chars().count() > MAX_LINE_CHARS {
        return Kind::Body;
    }
    let trimmed = line.trim_start();
    // A line in bold (`**Title**`) is emphasis, not a list item.
    let bold = trimmed.starts_with("**");
    if trimmed.starts_with(['-', '*', '+', '>', '|', '`', '!', '['])
        && !bold
        && atx_h1(line).is_none()
    {
        return Kind::Body;
    }
    if may_open_byline(&text) && BYLINE.is_match(&text) {
        let names = byline::names(&text, &[]);
        if !names.is_empty() {
            return Kind::Byline(names);
        }
    }
    // A date has digits (date::parse reads none without): a line without one is not stripped of its lead.
    if text.bytes().any(|b| b.is_ascii_digit()) {
        let rest = DATE_LEAD.without_first(&text);
        if rest.chars().count() <= 40 {
            if let Some(stamp) = date::parse(&rest) {
                return Kind::Date(stamp.day());
            }
        }
    }
    let words = text.split_whitespace().count();
    if text.ends_with('.') && words > 12 {
        return Kind::Body;
    }
    Kind::Text
}

/// Whether `text` may match `classify`'s byline pattern, by its first character: every lead-in the pattern knows
/// starts with one of `a b e g p r s t v w` (in either case), `é` or `а`. An ASCII character that is none of those
/// letters starts none (no other ASCII letter folds to one of them, and `ſ` and the rest are not ASCII), and the
/// pattern, run by the Pike VM, is not run on the line.
fn may_open_byline(text: &str) -> bool {
    text.chars().next().is_some_and(|c| {
        !c.is_ascii()
            || matches!(
                c.to_ascii_lowercase(),
                'a' | 'b' | 'e' | 'g' | 'p' | 'r' | 's' | 't' | 'v' | 'w'
            )
    })
}

/// Breadcrumbs, menus and skip links: a header with one of these is left alone.
fn is_navigation(text: &str) -> bool {
    let lower = text.to_lowercase();
    text.contains(['›', '»', '>'])
        || text.matches(" | ").count() >= 2
        || lower.starts_with("skip to")
}

/// The text of a line without heading marks and emphasis.
pub(crate) fn plain(line: &str) -> String {
    let text = atx_h1(line).unwrap_or(line.trim());
    let text = text.trim_start_matches('#').trim();
    text.trim_matches(['*', '_']).trim().to_string()
}

fn atx_h1(line: &str) -> Option<&str> {
    let heading = line
        .trim()
        .strip_prefix("# ")?
        .trim()
        .trim_end_matches('#')
        .trim();
    (!heading.is_empty()).then_some(heading)
}

struct Line<'a> {
    text: &'a str,
    /// Byte offset just past the line's newline.
    end: usize,
}

/// The first non-blank lines of `body`.
fn first_lines(body: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    while offset < body.len() && out.len() < MAX_HEADER_LINES {
        let end = body[offset..]
            .find('\n')
            .map_or(body.len(), |i| offset + i + 1);
        let text = body[offset..end].trim_end_matches(['\n', '\r']);
        if !text.trim().is_empty() {
            out.push(Line { text, end });
        }
        offset = end;
    }
    out
}

/// The offset of the first non-blank line at or after `offset`.
fn skip_blank(body: &str, mut offset: usize) -> usize {
    while offset < body.len() {
        let end = body[offset..]
            .find('\n')
            .map_or(body.len(), |i| offset + i + 1);
        if !body[offset..end].trim().is_empty() {
            break;
        }
        offset = end;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_the_byline_pattern_matches_may_open_a_byline() {
        let byline = Pattern::new(BYLINE_LINE).expect("valid");
        let leads = [
            "written by",
            "posted by",
            "story by",
            "words by",
            "text by",
            "by",
            "author:",
            "authors:",
            "geschrieben von",
            "verfasst von",
            "ein beitrag von",
            "publié par",
            "écrit par",
            "rédigé par",
            "escrito por",
            "publicado por",
            "redactado por",
            "scritto da",
            "pubblicato da",
            "autor:",
            "autorin:",
            "auteur:",
            "autore:",
            "autora:",
            "autorka:",
            "автор:",
        ];
        for lead in leads {
            for text in [
                format!("{lead} Anna"),
                format!("{} Anna", lead.to_uppercase()),
            ] {
                assert!(byline.is_match(&text) && may_open_byline(&text), "{text}");
            }
        }
        // Every other first character that the pattern takes: none in ASCII.
        for b in 0..=0x7f_u8 {
            let c = char::from(b);
            for lead in leads {
                let text = format!(
                    "{c}{} Anna",
                    &lead[lead.char_indices().nth(1).map_or(lead.len(), |(i, _)| i)..]
                );
                if byline.is_match(&text) {
                    assert!(may_open_byline(&text), "{text}");
                }
            }
        }
        assert!(
            !may_open_byline("Home") && !may_open_byline("") && may_open_byline("ſtory by Anna")
        );
    }

    #[test]
    fn every_separator_holds_a_mark_that_without_site_looks_for() {
        for sep in separators() {
            assert!(sep.contains(SEPARATOR_MARKS), "{sep:?}");
        }
        assert!(without_site("A Title Without Any Site Name").is_empty());
        assert_eq!(without_site("A Title » Site"), ["A Title", "Site"]);
        // A part of many words is no site name, however many.
        let long = format!("{}| Site", "word ".repeat(50));
        assert_eq!(without_site(&long), ["word ".repeat(50).trim()]);
    }

    #[test]
    fn a_line_repeats_a_title_as_their_whole_foldings_compare() {
        // The line is folded only as far as it agrees with the title: the answer is that of comparing both whole.
        let whole = |line: &str, title: &str| {
            let (line_n, title_n) = (folded(line), folded(title));
            !line_n.is_empty()
                && !title_n.is_empty()
                && (line_n == title_n
                    || without_site(line).iter().any(|t| folded(t) == title_n)
                    || without_site(title).iter().any(|t| folded(t) == line_n))
        };
        let title = "Buß- und Ordnungsgeld | Example";
        for line in [
            "BUSS- UND ORDNUNGSGELD",
            "Buß- und Ordnungsgeld",
            "Buß- und Ordnungsgeld – Example News",
            "Example: Buß und Ordnungsgeld",
            "Buß- und Ordnungsgeld, and a long paragraph that goes on | with a separator – and more",
            "",
            "—",
            "Example",
        ] {
            for title in [title, "Buß- und Ordnungsgeld", "", "Example | Buß- und Ordnungsgeld"] {
                assert_eq!(
                    same_title(line, title, &folded(title)),
                    whole(line, title),
                    "{line:?} / {title:?}"
                );
            }
        }
    }

    #[test]
    fn without_site_searches_only_the_separators_whose_marks_a_line_holds() {
        // Every separator searched for, in order, as the marks only leave out those that cannot be there.
        fn every(text: &str) -> Vec<(&str, &str)> {
            beside_site(text, separators())
        }
        for text in [
            "",
            "A Title Without Any Site Name",
            "A Title » Site",
            "Site :: A Long Title – With a Dash - and a Hyphen",
            "« Citation » : Le Monde",
            "News | World | Business: Title / Section · Site — Name",
            "a-b:c/d|e",
            " - - - ",
            "Title: Subtitle: More",
        ] {
            assert_eq!(site_sides(text), every(text), "{text:?}");
        }
    }

    #[test]
    fn folds_to_tells_what_comparing_folded_texts_tells() {
        let texts = [
            "Straße – Die ZEIT",
            "STRASSE",
            "strasse",
            "GROẞE Pläne!",
            "große plane",
            "İstanbul: Şehir",
            "i̇stanbulşehir",
            "Ελληνικά Νέα",
            "ελληνικανεα",
            "",
            "  ...  ",
            "Title 2024 (Update)",
            "title2024update",
            "title2024updat",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(
                    folds_to(a, &folded(b)),
                    folded(a) == folded(b),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn known_title_repeated_under_a_site_name_that_ends_on_a_dot() {
        let known = Metadata {
            title: Some("Parasite scores upset at SAG awards".to_string()),
            ..Metadata::default()
        };
        let body = "U.S.\n\nParasite scores upset at SAG awards | U.S.\n\nJanuary 19, 2020\n\nThe film won.\n";
        let (meta, start) = read(body, &known);
        assert_eq!(&body[start..], "The film won.\n");
        assert_eq!(meta.date.as_deref(), Some("2020-01-19"));
        // The name over the title is the site's: the running headers below repeat it.
        assert_eq!(meta.site.as_deref(), Some("U.S."));
        // A sentence over the title is no site name: it is left, and so is the title.
        let body = "It rained.\n\nParasite scores upset at SAG awards | U.S.\n\nThe film won.\n";
        assert_eq!(read(body, &known).1, 0);
    }

    #[test]
    fn known_title_signed_with_a_site_name_fills_the_site() {
        let known = Metadata {
            title: Some("Web analytics are leaking".to_string()),
            ..Metadata::default()
        };
        let body = "Web analytics are leaking :: Example Blog\n\nThe cameras recognise me.\n";
        let (meta, start) = read(body, &known);
        assert_eq!(&body[start..], "The cameras recognise me.\n");
        assert_eq!(meta.site.as_deref(), Some("Example Blog"));
        // A date beside the title, or over it, names no site.
        let body =
            "02.11.2021\n\nWeb analytics are leaking - 02.11.2021\n\nThe cameras recognise me.\n";
        let (meta, start) = read(body, &known);
        assert_eq!(&body[start..], "The cameras recognise me.\n");
        assert_eq!(meta.site, None);
    }

    const SEED_HEAD: &str = "\n\n\n\nStruggle-La-Lucha.org\n\nChina and Cuba: A relationship of solidarity, friendship and \
        cooperation\n\nwritten by Friends of Socialist China\nOctober 24, 2022\n\n\n\nWe are very pleased to publish \
        below an interview.\n";

    #[test]
    fn scraped_header_becomes_metadata() {
        let (meta, start) = read(SEED_HEAD, &Metadata::default());
        assert_eq!(
            meta.title.as_deref(),
            Some("China and Cuba: A relationship of solidarity, friendship and cooperation")
        );
        assert_eq!(meta.authors, vec!["Friends of Socialist China"]);
        assert_eq!(meta.date.as_deref(), Some("2022-10-24"));
        assert_eq!(meta.site.as_deref(), Some("Struggle-La-Lucha.org"));
        assert_eq!(
            &SEED_HEAD[start..],
            "We are very pleased to publish below an interview.\n"
        );
    }

    #[test]
    fn known_title_repeated_takes_the_byline_and_date_under_it() {
        let known = Metadata {
            title: Some("Der lange Marsch ins Digitale".to_string()),
            ..Metadata::default()
        };
        let body = "Der lange Marsch ins Digitale\n\nAktualisiert: 31. Oktober 2023, 21:48 Uhr\n\nEin Beitrag von \
            Stefan Wagner\n\nIn der Luftfahrt geht es wieder bergauf.\n";
        let (meta, start) = read(body, &known);
        assert_eq!(meta.authors, vec!["Stefan Wagner"]);
        assert_eq!(meta.date.as_deref(), Some("2023-10-31"));
        assert_eq!(&body[start..], "In der Luftfahrt geht es wieder bergauf.\n");
        // A long line that opens with `by` is the text's own.
        let body = format!(
            "Der lange Marsch ins Digitale\n\nby the firm that {} said so.\n\nMore text.\n",
            "wrote the report last week and ".repeat(3)
        );
        let (meta, start) = read(&body, &known);
        assert!(meta.authors.is_empty());
        assert!(body[start..].starts_with("by the firm"));
    }

    #[test]
    fn masthead_over_headline_over_prose_is_site_and_title() {
        let body = "CircuitDesk\n\nInvestigators look into the company and its former chief\n\n(Wirepress) — The state attorney general is looking into the company, two people who know of the inquiry said.\n";
        let (meta, start) = read(body, &Metadata::default());
        assert_eq!(meta.site.as_deref(), Some("CircuitDesk"));
        assert_eq!(
            meta.title.as_deref(),
            Some("Investigators look into the company and its former chief")
        );
        assert!(body[start..].starts_with("(Wirepress)"));
        let short = "Intro\n\nA heading of some words\n\nShort text.\n";
        assert_eq!(read(short, &Metadata::default()).1, 0);
    }

    #[test]
    fn first_paragraph_is_never_eaten() {
        let body = "A short opening line\n\nAnother line of the story that goes on.\n";
        assert_eq!(read(body, &Metadata::default()).1, 0);
    }

    #[test]
    fn known_title_is_the_only_line_cut() {
        let known = Metadata {
            title: Some("The Title".into()),
            site: Some("Site".into()),
            ..Metadata::default()
        };
        assert_eq!(read("# The Title\n\nBody.\n", &known).1, 13);
        assert_eq!(read("Site\n\nBody.\n", &known).1, 0);
        assert_eq!(read("Body first.\n\nThe Title\n", &known).1, 0);
    }

    #[test]
    fn issue_17_words_starting_with_by_are_no_byline() {
        assert_eq!(classify("Bye"), Kind::Text);
        assert_eq!(classify("Byzantium rises"), Kind::Text);
        assert!(matches!(classify("By Jane Doe"), Kind::Byline(_)));
    }

    #[test]
    fn issue_17_rinse_output_has_no_header_to_read() {
        let known = Metadata {
            source: Some("x.html".into()),
            ..Metadata::default()
        };
        assert_eq!(read("Daily\n\nBy Jane Doe\n\nText of it.\n", &known).1, 0);
    }

    #[test]
    fn known_title_with_a_site_name_under_a_breadcrumb_is_cut() {
        let known = Metadata {
            title: Some("Fans Fear Her Weight Loss".into()),
            ..Metadata::default()
        };
        let body =
            "You are here: Home > Health\n\nsite.com: Fans fear her WEIGHT loss\n\nThe text.\n";
        assert_eq!(&body[read(body, &known).1..], "The text.\n");
        let linked = "[Fans Fear Her Weight Loss | Site](https://site.com/a)\n\nThe text.\n";
        assert_eq!(&linked[read(linked, &known).1..], "The text.\n");
        let other = "A sentence first.\n\nFans Fear Her Weight Loss\n\nThe text.\n";
        assert_eq!(read(other, &known).1, 0);
    }

    #[test]
    fn known_title_in_capitals_is_cut() {
        let known = |title: &str| Metadata {
            title: Some(title.into()),
            ..Metadata::default()
        };
        // Capitals write `ß` as `SS`.
        let capitals = "BUSS- UND ORDNUNGSGELD GEGEN ANWALT\n\nDer Text.\n";
        let (_, start) = read(capitals, &known("Buß- und Ordnungsgeld gegen Anwalt"));
        assert_eq!(&capitals[start..], "Der Text.\n");
    }

    #[test]
    fn lone_headline_repeated_by_the_lead_is_the_title() {
        let body = "Norland drops Vesper fraud investigation\n\nProsecutors in Norland have dropped an \
            investigation into a fraud allegation made against Tomas Vesper in 2012, they said today.\n";
        let (meta, start) = read(body, &Metadata::default());
        assert_eq!(
            meta.title.as_deref(),
            Some("Norland drops Vesper fraud investigation")
        );
        assert!(body[start..].starts_with("Prosecutors"));
        // A first line the text does not restate is part of the text.
        let kicker = "Rita Moss had a big night out\n\nProsecutors in Norland have dropped an \
            investigation into a fraud allegation made against Tomas Vesper in 2012, they said today.\n";
        assert_eq!(read(kicker, &Metadata::default()).1, 0);
    }

    #[test]
    fn lone_headline_signed_with_its_site_is_the_title() {
        // Inflected words do not come back in the lead, and the lead is one short sentence.
        let body =
            "Pitkät illat tekevät meistä uneliaampia :: Pohjan Uutiset\n\nVuodenaikojen vaihtuminen \
            vaikuttaa mielialaan lähes kaikilla suomalaisilla.\n\nToinen kappale.\n";
        let (meta, start) = read(body, &Metadata::default());
        assert_eq!(
            meta.title.as_deref(),
            Some("Pitkät illat tekevät meistä uneliaampia :: Pohjan Uutiset")
        );
        assert!(body[start..].starts_with("Vuodenaikojen"));
        // A quote after the separator is the headline's second part, not a site.
        let quoted =
            "Third case of measles in Ostland as worry grows – ‘The fever is coming’\n\nA third \
            child was found with a rash and a sore throat.\n";
        assert_eq!(read(quoted, &Metadata::default()).1, 0);
        // A guillemet that nothing closes separates the site name; one closed after it opens a quote.
        let guillemet =
            "La fin des vélos en libre-service à Lyonnet « Le Courrier\n\nEn raison du taux \
            élevé de délinquance, la Ville interdit ces véhicules.\n";
        let (meta, start) = read(guillemet, &Metadata::default());
        assert_eq!(
            meta.title.as_deref(),
            Some("La fin des vélos en libre-service à Lyonnet « Le Courrier")
        );
        assert!(guillemet[start..].starts_with("En raison"));
        let quoted =
            "Le maire de Lyonnet répond aux critiques « Nous avons écouté »\n\nLe maire a \
            parlé mardi.\n";
        assert_eq!(read(quoted, &Metadata::default()).1, 0);
        // Without a separator the lead must repeat the headline.
        let unsigned =
            "Pitkät illat tekevät meistä uneliaampia\n\nVuodenaikojen vaihtuminen vaikuttaa \
            mielialaan lähes kaikilla suomalaisilla.\n";
        assert_eq!(read(unsigned, &Metadata::default()).1, 0);
    }

    #[test]
    fn lone_headline_in_strong_emphasis_is_the_title_on_top_only() {
        let body =
            "**Pitkät illat tekevät meistä uneliaampia**\n\nVuodenaikojen vaihtuminen vaikuttaa \
            mielialaan lähes kaikilla suomalaisilla.\n\nToinen kappale.\n";
        let (meta, start) = read(body, &Metadata::default());
        assert_eq!(
            meta.title.as_deref(),
            Some("Pitkät illat tekevät meistä uneliaampia")
        );
        assert!(body[start..].starts_with("Vuodenaikojen"));
        // Under a byline and a date cut already, a line in bold is a subheading or a dateline over the text.
        assert_eq!(read_below(body, &Metadata::default()).1, 0);
        // A line in bold holding a date is a dateline over the lead, not a headline.
        let dateline = "**Musterstadt, 17.08.2007 - Rede von Erika Muster beim Städtetag**\n\n\
            Vuodenaikojen vaihtuminen vaikuttaa mielialaan lähes kaikilla suomalaisilla.\n";
        assert_eq!(read(dateline, &Metadata::default()).1, 0);
        // A line in bold over a list heads the list.
        let list = "**What is new in the September pack?**\n\n-   New tasks for the game\n-   More questions \
            for your opponent\n\nVuodenaikojen vaihtuminen vaikuttaa mielialaan lähes kaikilla suomalaisilla.\n";
        assert_eq!(read(list, &Metadata::default()).1, 0);
        // A lead repeating its words still makes it the title there.
        let echoed = "**Norland drops Vesper fraud investigation**\n\nProsecutors in Norland have dropped an \
            investigation into a fraud allegation made against Tomas Vesper in 2012, they said today.\n";
        assert!(read_below(echoed, &Metadata::default()).1 > 0);
    }

    #[test]
    fn signed_headline_over_short_lines_is_the_title() {
        let body = "The Future of Phone Design Is Backwards – Gadgetly\n\nNora Quill Hayes, Staff Writer\n\n\
                    The big repair shop teardown is over, and the findings are out.\n\nMore text.\n";
        let (meta, start) = read(body, &Metadata::default());
        assert_eq!(
            meta.title.as_deref(),
            Some("The Future of Phone Design Is Backwards – Gadgetly")
        );
        assert!(body[start..].starts_with("Nora Quill Hayes"));
        // A long line between them is text of its own: the first line is no headline by its shape.
        let long =
            "Photos of the week - Lumen Images\n\nSome of the pictures our photographers took \
                    on their travels this week\n\nThe first one is from Lagos.\n";
        assert_eq!(read(long, &Metadata::default()).1, 0);
        // A running header with its page number, a breadcrumb over a signed headline: not the title.
        let running = "Example News – Culture – 1\n\nNewsletters\n\nexample.com\n\nThe lead of the story ends here.\n";
        assert_eq!(read(running, &Metadata::default()).1, 0);
        let crumbs =
            "Sie sind hier: Home – Panorama\n\nInterview mit Sonja Weidmann | example.net\n\n\
             Die deutsche Autorin hat die Krise verarbeitet.\n";
        let (meta, _) = read(crumbs, &Metadata::default());
        assert_ne!(
            meta.title.as_deref(),
            Some("Sie sind hier: Home – Panorama")
        );
        // The same separator twice parts a menu, not a headline from its site.
        let menu = "Politics · World · Business · Science\n\nThe protesters left the campus on Sunday night.\n";
        assert_eq!(read(menu, &Metadata::default()).1, 0);
    }

    #[test]
    fn headline_under_a_site_or_kicker_and_a_colon_is_the_title() {
        let lead =
            "\n\nTime is not on his side, and the inquiry has run for a year.\n\nMore text.\n";
        for title in [
            "National Review: The Impeachment Clock",
            "wday.ru: Мастера вкуса по версии редакции",
            "Kommentar: Warum wir mehr Mut brauchen",
        ] {
            let body = format!("{title}{lead}");
            let (meta, start) = read(&body, &Metadata::default());
            assert_eq!(meta.title.as_deref(), Some(title));
            assert!(body[start..].starts_with("Time is not"));
        }
        // A breadcrumb after a label, a label over a name, a sentence before the colon: no headline.
        for line in [
            "You are here: Home – World",
            "Sie sind hier: Startseite ⟩ Sport ⟩ Politik",
            "Start :: Sport :: Politik",
            "Von: Max Mustermann",
            "He said it again. Then: nothing more happened",
        ] {
            let body = format!("{line}{lead}");
            assert_eq!(read(&body, &Metadata::default()).0.title, None, "{line}");
        }
        // A headline whose last words follow a colon is no label over a breadcrumb.
        let report = "Rory Blake frustrated with his partner amid feud: report :: Example News";
        let body = format!("{report}{lead}");
        assert_eq!(
            read(&body, &Metadata::default()).0.title.as_deref(),
            Some(report)
        );
    }

    #[test]
    fn unreadable_front_matter_is_no_header() {
        let body = "---\ntitle: [unclosed\ndate: 2020-01-01\n---\n\nText.\n";
        assert_eq!(read(body, &Metadata::default()).1, 0);
    }

    #[test]
    fn navigation_lines_leave_the_header_alone() {
        let body =
            "Home › Business\n\nnytimes.com\n\n2019-11-18\n\nWhen the advisers met, they agreed.\n";
        assert_eq!(read(body, &Metadata::default()).1, 0);
    }

    #[test]
    fn name_under_the_title_is_the_author() {
        let body = "How This Bedding Gave Him Lung Trouble\n\nBrent Y. Lowe\n\n2019-11-18\n\nThe song begins.\n";
        let (meta, start) = read(body, &Metadata::default());
        assert_eq!(
            meta.title.as_deref(),
            Some("How This Bedding Gave Him Lung Trouble")
        );
        assert_eq!(meta.authors, vec!["Brent Y. Lowe"]);
        assert_eq!(&body[start..], "The song begins.\n");
    }

    #[test]
    fn short_line_over_a_date_is_the_site() {
        let body = "pv magazine International\n\n2019-11-20\n\nThe ministry has unveiled a plan.\n";
        let (meta, _) = read(body, &Metadata::default());
        assert_eq!(meta.site.as_deref(), Some("pv magazine International"));
        assert_eq!(meta.title, None);
    }
}
