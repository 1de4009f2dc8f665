//! News and market tickers told by their shape, whatever their names: a run of one-line items built alike, each
//! opening with a time of day, in a box of its own above the article's prose (issue 12, class 1: a ticker taken
//! for the article, or kept over it). Themes name tickers in every language or not at all (`newsticker`,
//! `live-strip`, generated names); the clock in front of each item is written alike everywhere.

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use crate::dom::{self, is_block, walk};

use super::density;
use super::stats::Stats;
use super::teasers::{live_alike, prose_before, MIN_ARTICLE_CHARS};

/// A ticker runs through at least this many items: the stories or prices of the last hours, a dozen or more on
/// most sites. Fewer stamped lines are as likely an article's short timeline, which its position rules out too (see
/// [`tickers`]).
const TICKER_MIN_ITEMS: usize = 5;

/// An item of a ticker holds at most this many characters (not white space): a time, and a headline or a price cut
/// to one line ("14:17 If you only need one of the two kettles, the corner shop has the best price. It is…"), as a
/// teaser's line is at most `ending::STORY_ITEM_MAX_CHARS`. A longer item is a paragraph of its own (a live blog's
/// entry).
const TICKER_ITEM_MAX_CHARS: u32 = 200;

/// Besides its items, a ticker's box holds at most this many characters: its label ("Breaking", "Newsticker",
/// "Na żywo"). More, and the box around the items is a part of the page with text of its own, left in place.
const TICKER_LABEL_MAX_CHARS: u32 = 40;

/// The tags of a ticker's items.
const ITEM_TAGS: &[&str] = &["li", "div", "p"];

/// The boxes of the tickers under `body`: a block whose children hold a run of at least [`TICKER_MIN_ITEMS`] items
/// built alike (the same tag and class, see [`built_alike`]), each a line stamped with a time ([`is_stamped_line`]),
/// when the block stands beside no paragraph of prose (an article's timeline stands among its paragraphs) and at
/// least [`MIN_ARTICLE_CHARS`] of the page's paragraph text comes after it, more than before it (the ticker runs above
/// the article; a live blog whose main text is its entries keeps them). Each box is the block, or the box around it
/// that adds only a label ([`TICKER_LABEL_MAX_CHARS`]). Readability and trafilatura leave such a block out for its
/// link density or its class; here half the items may be unlinked and the names generated, and the clocks say it.
/// It can be wrong on a page that opens with a schedule of the day in a box of its own over the story about it.
///
/// [`built_alike`]: super::teasers::built_alike
pub(crate) fn tickers(body: NodeRef<'_, Node>, stats: &Stats) -> Vec<NodeId> {
    let total = stats.get(body.id()).good;
    let mut found = Vec::new();
    walk(body, |node| {
        if node.value().as_element().is_none() || stats.dropped.contains(node.id()) {
            return false;
        }
        let Some(groups) = live_alike(node, ITEM_TAGS, TICKER_MIN_ITEMS, stats) else {
            return true;
        };
        let run_text: u32 = groups
            .values()
            .filter(|units| {
                units.len() >= TICKER_MIN_ITEMS && units.iter().all(|u| is_stamped_line(*u, stats))
            })
            .flat_map(|units| units.iter().map(|u| stats.get(u.id()).text))
            .sum();
        // The run is the block's text, all but a few labels (a heading over it, an ad slot among its items).
        if run_text == 0 || run_text.saturating_mul(2) < stats.get(node.id()).text {
            return true;
        }
        let before = prose_before(body, node, stats);
        let after = total
            .saturating_sub(before)
            .saturating_sub(stats.get(node.id()).good);
        if after < MIN_ARTICLE_CHARS || after <= before || beside_paragraphs(node, stats) {
            return true;
        }
        found.push(labelled_box(node, body, stats));
        false
    });
    found
}

/// Whether an item is one line stamped with a time: at most [`TICKER_ITEM_MAX_CHARS`] characters, no block inside
/// it, and its first text a time (inside a `<time>` element, or written as a clock: see [`starts_with_clock`]).
fn is_stamped_line(item: NodeRef<'_, Node>, stats: &Stats) -> bool {
    if stats.get(item.id()).text > TICKER_ITEM_MAX_CHARS
        || item
            .descendants()
            .skip(1)
            .any(|d| d.value().as_element().is_some_and(|e| is_block(e.name())))
    {
        return false;
    }
    let Some(first) = item.descendants().find(|d| {
        d.value().as_text().is_some_and(|t| !t.trim().is_empty())
            && !d.ancestors().take_while(|a| a.id() != item.id()).any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| dom::is_hidden(e.name()))
            })
    }) else {
        return false;
    };
    let in_time = first
        .ancestors()
        .take_while(|a| a.id() != item.id())
        .any(|a| a.value().as_element().is_some_and(|e| e.name() == "time"));
    in_time
        || first
            .value()
            .as_text()
            .is_some_and(|t| starts_with_clock(t))
}

/// Whether a text opens with a time of day or a day of the month as a clock writes it: one or two digits, a colon
/// or a full stop, two digits, and no digit after them ("14:17", "9.05 Uhr", "07.11." for a date).
fn starts_with_clock(text: &str) -> bool {
    let bytes = text.trim_start().as_bytes();
    let hours = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if !(1..=2).contains(&hours) {
        return false;
    }
    let rest = &bytes[hours..];
    matches!(rest, [b':' | b'.', m1, m2, ..] if m1.is_ascii_digit() && m2.is_ascii_digit())
        && !rest.get(3).is_some_and(u8::is_ascii_digit)
}

/// Whether a sibling of `block` is a paragraph of prose (its own text a paragraph by [`density::is_paragraph`], of
/// at least `density::CONTINUATION_MIN_CHARS` with punctuation): the block stands in a run of paragraphs, where an
/// article's timeline stands, not in a box of its own.
fn beside_paragraphs(block: NodeRef<'_, Node>, stats: &Stats) -> bool {
    block
        .prev_siblings()
        .chain(block.next_siblings())
        .filter(|s| s.value().is_element() && !stats.dropped.contains(s.id()))
        .any(|s| {
            let m = stats.get(s.id());
            m.inline > density::CONTINUATION_MIN_CHARS
                && m.punct > 0
                && density::is_paragraph(m.inline, m.inline_links)
        })
}

/// The block, or its largest ancestor below `body` that adds at most [`TICKER_LABEL_MAX_CHARS`] characters to it.
fn labelled_box(block: NodeRef<'_, Node>, body: NodeRef<'_, Node>, stats: &Stats) -> NodeId {
    let text = stats.get(block.id()).text;
    let mut found = block.id();
    for ancestor in block.ancestors() {
        if ancestor.id() == body.id()
            || stats.get(ancestor.id()).text > text.saturating_add(TICKER_LABEL_MAX_CHARS)
        {
            break;
        }
        found = ancestor.id();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::starts_with_clock;
    use crate::extract::Reason;

    /// A sentence of the article, repeated to make its paragraphs.
    const STORY: &str = "The article text itself, with commas, clauses, and sentences that end. ";

    /// The kept text of `page`'s article, and whether extraction gave any block the reason `Ticker`.
    fn extracted(page: &str) -> (String, bool) {
        crate::extract::tests::extracted(page, Reason::Ticker)
    }

    /// `n` list items, each a time (`<time>` when `tagged`) and a headline cut to a line, every other one linked.
    fn items(n: usize, tagged: bool) -> String {
        (0..n)
            .map(|i| {
                let time = format!("{:02}:{:02}", 8 + i % 12, (i * 7) % 60);
                let time = if tagged {
                    format!("<time>{time}</time>")
                } else {
                    time
                };
                let headline =
                    "The minister said the plan would go ahead despite the protests, and then…";
                if i % 2 == 0 {
                    format!("<li>{time} <a href='/news/{i}'>{headline}</a></li>")
                } else {
                    format!("<li>{time} {headline}</li>")
                }
            })
            .collect()
    }

    #[test]
    fn clocks_open_the_text() {
        assert!(starts_with_clock("14:17 Breaking"));
        assert!(starts_with_clock(" 9.05 Uhr"));
        assert!(!starts_with_clock("2024 was a year"));
        assert!(!starts_with_clock("14:175"));
        assert!(!starts_with_clock("Breaking 14:17"));
    }

    #[test]
    fn ticker_above_the_article_is_left_out() {
        for tagged in [true, false] {
            let page = format!(
                "<body><section class='zx1'><span>Breaking</span><ul class='q'>{}</ul></section>\
                 <div class='a1'><h1>Title</h1><p>{p}</p><p>{p}</p><p>{p}</p></div></body>",
                items(20, tagged),
                p = STORY.repeat(3)
            );
            let (text, ticker) = extracted(&page);
            assert!(text.contains("The article text"), "{text}");
            assert!(!text.contains("The minister said"), "{text}");
            assert!(!text.contains("Breaking"), "{text}");
            assert!(ticker);
        }
    }

    #[test]
    fn timelines_and_live_blogs_stay() {
        // The article's own timeline, among its paragraphs.
        let page = format!(
            "<body><div class='a1'><p>{p}</p><ul>{}</ul><p>{p}</p><p>{p}</p></div></body>",
            items(6, true),
            p = STORY.repeat(3)
        );
        let (text, ticker) = extracted(&page);
        assert!(text.contains("The minister said") && !ticker, "{text}");
        // A live blog: its entries are the page's main text.
        let page = format!(
            "<body><h1>Live</h1><ul class='q'>{}</ul><p>{}</p></body>",
            items(20, true),
            STORY
        );
        let (text, ticker) = extracted(&page);
        assert!(text.contains("The minister said") && !ticker, "{text}");
    }
}
