//! The lines above the article that repeat its metadata: a date line ("Posted on October 27, 2015 by Admin",
//! "24.01.2022 11:38"), a byline ("Authors: Jane Doe (foreign desk)") or the site's name between the headline and
//! the first paragraph, whose date, author or site the page's metadata already holds; the front matter carries them.

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use crate::dom::{is_block, walk, NodeSet};
use crate::metadata::date::{self, Stamp};
use crate::metadata::title;

use super::ending::Measure;
use super::reason::Reason;

/// A metadata line holds at most this many characters that are not whitespace: a date with a time and a zone and
/// an author with a role ("Published March 14th, 2021 - 16:05 GMT", "Autori: Ilze Bērziņa (ABC Ziņu dienesta
/// ārzemju ziņu redaktore)"); a longer block is the article's text. D001 reads byline and date lines of at most
/// 80 characters with the spaces for the same reason.
const MAX_LINE_CHARS: u32 = 70;

/// At most this many blocks above the first paragraph are read: a kicker, the headline, a subtitle, a picture's
/// caption, the byline and the date line; further down a short block is the article's own.
const MAX_LEADING_BLOCKS: usize = 6;

/// A date line names the metadata's day, or the day next to it: a time in UTC can fall on the day before or after
/// the one the page shows in its own time zone.
const MAX_DAYS_APART: i64 = 1;

/// What the page's metadata found, which a line above the article may repeat.
#[derive(Debug, Default, Clone, Copy)]
pub struct Known<'a> {
    /// The publication date, as the front matter writes it (`2019-11-18`, RFC 3339).
    pub date: Option<&'a str>,
    /// The authors' names.
    pub authors: &'a [String],
    /// The site's name (`og:site_name`, the publisher, the domain: what the front matter's `site` holds).
    pub site: Option<&'a str>,
}

/// The blocks above the first paragraph of the article (`roots`) that repeat the metadata's date, an author's
/// name or the site's name (see [`is_metadata_line`]), with [`Reason::Metadata`]. A block is an element of block class with no block
/// inside it (`<p>`, a `<div>` of spans and `<time>`, a heading); the first one of more than [`MAX_LINE_CHARS`]
/// characters is the first paragraph, and the search ends there, or after [`MAX_LEADING_BLOCKS`] blocks.
pub(crate) fn metadata_lines(
    html: &Html,
    roots: &[NodeId],
    measure: Measure<'_>,
    skip: &NodeSet,
    known: &Known<'_>,
) -> Vec<(NodeId, Reason)> {
    let day = known.date.and_then(date::parse);
    let authors: Vec<&str> = known
        .authors
        .iter()
        .map(|a| a.trim())
        .filter(|a| a.chars().count() >= MIN_NAME_CHARS)
        .collect();
    // A line that is the site's name and nothing else, compared as site names are (`title::normalize`: "daheim
    // Solar." is the site "daheim Solar"), is the masthead or the "source" line over the story (`日本経済新聞 電子版`
    // under "情報元"), never a sentence of it, so the sentence end that keeps other short lines does not count here.
    let site = known
        .site
        .map(title::normalize)
        .filter(|s| s.chars().count() >= MIN_NAME_CHARS);
    if day.is_none() && authors.is_empty() && site.is_none() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut seen = 0;
    for root in roots.iter().filter_map(|id| html.tree.get(*id)) {
        for block in leading_blocks(root, skip) {
            let (text, _) = measure(block.id());
            if text > MAX_LINE_CHARS || seen == MAX_LEADING_BLOCKS {
                return found;
            }
            seen += 1;
            let text = text_of(block, skip);
            if is_metadata_line(&text, day, &authors)
                || site.as_deref() == Some(&title::normalize(&text))
            {
                found.push((block.id(), Reason::Metadata));
            }
        }
    }
    found
}

/// An author's name is matched when it has at least this many characters: an initial or a one-letter handle is in
/// any line.
const MIN_NAME_CHARS: usize = 3;

pub(super) use super::density::SENTENCE_ENDS;

/// Whether a short line repeats the metadata: it names the metadata's day (within [`MAX_DAYS_APART`]) as
/// `metadata::date` reads a displayed date, is a time of day on a dated page (see [`is_time_line`]), or holds an
/// author's name, and it does not end a sentence (a short lead
/// that tells when or who: "On May 1, 2020, the council voted."). A line that names a date the metadata does not
/// hold (an event's date, a kicker "Review of 2019") stays.
fn is_metadata_line(text: &str, day: Option<Stamp>, authors: &[&str]) -> bool {
    let text = text.trim();
    if text.is_empty() || text.ends_with(SENTENCE_ENDS) {
        return false;
    }
    let same_day = day.is_some_and(|day| {
        date::parse(text)
            .is_some_and(|line| (line.day_number() - day.day_number()).abs() <= MAX_DAYS_APART)
    });
    same_day
        || (day.is_some() && is_time_line(text))
        || authors.iter().any(|name| text.contains(name))
}

/// A line that gives the time of publication says at most this many words: the time and a word or two for the day
/// ("Šodien, 17:40", "Heute, 10:12 Uhr", "Today 9:05").
const MAX_TIME_LINE_WORDS: usize = 3;

/// Whether a line is a time of day (`17:40`) with at most [`MAX_TIME_LINE_WORDS`] words and no other number: the
/// time a dated page was published, the day written as a word ("today") that no date reading takes.
fn is_time_line(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() > MAX_TIME_LINE_WORDS {
        return false;
    }
    let is_time = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_ascii_digit());
        word.split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
        })
    };
    let times = words.iter().filter(|w| is_time(w)).count();
    let numbers = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_numeric()))
        .count();
    times == 1 && numbers == 1
}

/// The blocks inside `root` in document order (see [`metadata_lines`]), with text kept.
fn leading_blocks<'a>(root: NodeRef<'a, Node>, skip: &NodeSet) -> Vec<NodeRef<'a, Node>> {
    let mut blocks = Vec::new();
    walk(root, |n| {
        let Some(element) = n.value().as_element() else {
            return false;
        };
        if skip.contains(n.id()) || blocks.len() > MAX_LEADING_BLOCKS {
            return false;
        }
        // A root may be a line of its own: the scoring joins the byline above the article's container to it.
        if (n.id() == root.id() || is_block(element.name())) && !has_block_inside(n, skip) {
            if !text_of(n, skip).is_empty() {
                blocks.push(n);
            }
            return false;
        }
        true
    });
    blocks
}

/// Whether an element holds a block element (not dropped) below it.
fn has_block_inside(node: NodeRef<'_, Node>, skip: &NodeSet) -> bool {
    let mut found = false;
    walk(node, |n| {
        if found || skip.contains(n.id()) {
            return false;
        }
        if n.id() != node.id() && n.value().as_element().is_some_and(|e| is_block(e.name())) {
            found = true;
        }
        !found
    });
    found
}

/// The text of a block, what `skip` drops left out, words joined by single spaces.
pub(super) fn text_of(block: NodeRef<'_, Node>, skip: &NodeSet) -> String {
    let mut text = String::new();
    walk(block, |n| {
        if skip.contains(n.id()) {
            return false;
        }
        if let Some(t) = n.value().as_text() {
            text.push_str(t);
        }
        true
    });
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_line_of_the_metadata_day_is_a_metadata_line() {
        let day = date::parse("2021-03-14T16:05:39Z");
        assert!(is_metadata_line(
            "Published March 14th, 2021 - 16:05 GMT",
            day,
            &[]
        ));
        assert!(is_metadata_line("15.03.2021 11:38", day, &[]));
        assert!(!is_metadata_line("February 24, 2021", day, &[]));
        assert!(is_metadata_line("Šodien, 17:40", day, &[]));
        assert!(!is_metadata_line("Šodien, 17:40", None, &[]));
        assert!(!is_metadata_line("Kick-off 17:40, gate 3", day, &[]));
        assert!(!is_metadata_line(
            "On March 14, 2021, the council voted.",
            day,
            &[]
        ));
    }

    #[test]
    fn line_naming_an_author_is_a_metadata_line() {
        assert!(is_metadata_line(
            "Autori: Ilze Bērziņa (ABC Ziņu dienesta ārzemju ziņu redaktore)",
            None,
            &["Ilze Bērziņa"]
        ));
        assert!(!is_metadata_line(
            "A kicker over the headline",
            None,
            &["Ilze Bērziņa"]
        ));
    }
}
