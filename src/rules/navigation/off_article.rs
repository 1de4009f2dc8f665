//! N003 `off-article-text`: the rest of a printed page around its article (menus, sidebars, related links,
//! footers), in paged text, where no HTML structure is left to extract the article from.

use std::borrow::Cow;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::document::Edit;
use crate::extract::density::PARAGRAPH_LINK_PARTS;
use crate::rules::body::Body;
use crate::rules::{Context, Rule};

/// Text of a printed page before and after its article (see [`Rule::doc`]).
pub(crate) struct OffArticleText;

/// A block this long (in characters) with a sentence end in it reads as article prose.
const MIN_PROSE_CHARS: usize = 80;
/// Prose blocks at most this many blocks apart belong to one stretch of text.
const MAX_GAP: usize = 12;

impl Rule for OffArticleText {
    fn code(&self) -> &'static str {
        "N003"
    }

    fn trims(&self) -> bool {
        true
    }

    fn name(&self) -> &'static str {
        "off-article-text"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
A printed page (a PDF, `pdftotext` output) holds the whole page: the site's menu one item per line, sidebars,
related links and the footer around the article, and no markup is left to tell them apart. The article is the
longest stretch of prose: paragraphs of some length that contain a sentence end (one followed by footnote
markers counts, `instantly.[6]`, `Tower.[9][10]`, as a wiki prints its references) and are mostly not link text
(a PDF's links are markdown links; their addresses are not counted), at most a few short blocks apart. A sentence
end may be closed by a quote or bracket of any language (`anzuvertrauen.“`, `»…gesagt.«`). What comes before the
stretch (but the one block right above it, a headline or a byline) and after it goes.

## Example
raw: `Home` / `News` / `Sport` / `The council met on Monday and agreed to the plan, after a long debate.` / …
/ `© 2024 The Daily` / `Privacy`
clean: `The council met on Monday and agreed to the plan, after a long debate.` / …

## Safety
Only paged text is touched, after its lines became paragraphs. Short closing lines of an article (a signature,
a one-line postscript) and a second stretch of prose shorter than the first (a long comment thread loses to
the article, a short article to a longer sidebar) can be removed."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        // Paged text is looked at once its lines are paragraphs: after the first pass, or from the start when the
        // first pass has nothing to repair.
        let lines_pending = cx.paged_plan().is_some_and(|plan| !plan.edits.is_empty());
        if !cx.is_paged_source() || lines_pending {
            return Vec::new();
        }
        let Some((first, last)) = article_span(body) else {
            return Vec::new();
        };
        let mut edits = Vec::new();
        let start = body.blocks[first].range.start;
        if start > 0 {
            edits.push(Edit::delete(0..start));
        }
        let end = body.blocks[last].range.end;
        if body.text[end..].trim() != "" {
            edits.push(Edit::replace(end..body.text.len(), "\n"));
        }
        edits
    }
}

/// The first and last block of the article: the prose stretch with the most prose characters, and the block right
/// above it.
fn article_span(body: &Body<'_>) -> Option<(usize, usize)> {
    let prose: Vec<(usize, usize)> = (0..body.blocks.len())
        .filter_map(|i| {
            let block = body.block_text(i);
            // Fewer bytes than that are fewer characters (link addresses only add bytes): not counted.
            if block.len() < MIN_PROSE_CHARS {
                return None;
            }
            let (text, link_chars) = shown_text(block);
            let chars = text.chars().count();
            let prose = chars >= MIN_PROSE_CHARS
                && has_sentence_end(&text)
                && link_chars * (PARAGRAPH_LINK_PARTS as usize) < chars;
            prose.then_some((i, chars))
        })
        .collect();
    let mut best: Option<(usize, usize, usize)> = None;
    let mut at = 0;
    while at < prose.len() {
        let mut end = at;
        let mut total = prose[at].1;
        while end + 1 < prose.len() && prose[end + 1].0 - prose[end].0 <= MAX_GAP {
            end += 1;
            total += prose[end].1;
        }
        if best.is_none_or(|(_, _, t)| total > t) {
            best = Some((prose[at].0, prose[end].0, total));
        }
        at = end + 1;
    }
    best.map(|(first, last, _)| (first.saturating_sub(1), last))
}

/// The text a reader sees in a block, link addresses left out (a PDF's link annotations are markdown links), and
/// how many of its characters are link text: a teaser's title with its address is a link, not prose.
fn shown_text(block: &str) -> (Cow<'_, str>, usize) {
    if !block.contains("](") {
        return (Cow::Borrowed(block), 0);
    }
    let mut text = String::with_capacity(block.len());
    let mut link_chars = 0;
    let mut depth = 0usize;
    for event in Parser::new(block) {
        match event {
            Event::Start(Tag::Link { .. }) => depth += 1,
            Event::End(TagEnd::Link) => depth = depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => {
                if depth > 0 {
                    link_chars += t.chars().count();
                }
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => text.push('\n'),
            _ => {}
        }
    }
    (Cow::Owned(text), link_chars)
}

/// The quotes and brackets that may close a sentence after its end punctuation, in the languages' styles
/// (`said.”`, `gesagt.“`, `gesagt.«`, `dit.»`, `言った。」`).
const CLOSING_MARKS: &[char] = &[
    '"', '”', '“', '’', '‘', '»', '«', '›', '‹', '」', '』', ')', '\'',
];

/// Whether a sentence ends inside `text`: terminal punctuation (maybe closed by a quote or bracket, and followed by
/// footnote markers, `instantly.[6]`, `Tower.[9][10]`, as a wiki prints its references) before white space or at
/// the end.
fn has_sentence_end(text: &str) -> bool {
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '…') {
            while chars.peek().is_some_and(|c| CLOSING_MARKS.contains(c)) {
                chars.next();
            }
            skip_footnote_markers(&mut chars);
            if chars.peek().is_none_or(|c| c.is_whitespace()) || matches!(c, '。' | '！' | '？')
            {
                return true;
            }
        }
    }
    false
}

/// The most characters a footnote marker holds between its brackets (`[6]`, `[12]`, `[a]`, `[note 3]` is longer:
/// a bracket of words is text).
const MAX_FOOTNOTE_CHARS: usize = 3;

/// Skips the footnote markers that follow a sentence end (`[6]`, `[9][10]`): letters or digits, at most
/// [`MAX_FOOTNOTE_CHARS`], in square brackets. A bracket that is no marker is left where it starts, so that the
/// sentence end before it does not count.
fn skip_footnote_markers(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while chars.peek() == Some(&'[') {
        let mut ahead = chars.clone();
        ahead.next();
        let inner = ahead.by_ref().take_while(|c| *c != ']').collect::<String>();
        let marker = (1..=MAX_FOOTNOTE_CHARS).contains(&inner.chars().count())
            && inner.chars().all(char::is_alphanumeric);
        // `take_while` ate the `]`: a marker ends there, with no `]` the bracket is open text.
        if !marker || chars.clone().skip(1).nth(inner.chars().count()) != Some(']') {
            return;
        }
        *chars = ahead;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_end_before_footnote_markers_ends_a_sentence() {
        assert!(has_sentence_end(
            "the cursed flames evaporated the water instantly.[6]"
        ));
        assert!(has_sentence_end(
            "during the Battle of the Astronomy Tower.[9][10]\n2 May, 1998"
        ));
        // A bracket of words or a link after the full stop is text, not a marker.
        assert!(!has_sentence_end("as shown in part 3.[note one] and"));
        assert!(!has_sentence_end(
            "see section 2.[the link](https://example.org) and"
        ));
        assert!(!has_sentence_end("an open bracket.[6 and"));
    }

    #[test]
    fn a_sentence_end_closed_by_a_german_or_french_quote_ends_a_sentence() {
        assert!(has_sentence_end(
            "dass die Gestaltung multinationalen Konzernen anzuvertrauen.“"
        ));
        assert!(has_sentence_end("Er sagte: »Wir kommen wieder.«"));
        assert!(!has_sentence_end("Er sagte: „Wir kommen wieder“ und"));
    }
}
