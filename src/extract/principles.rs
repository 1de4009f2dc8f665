//! The text principles main-content extraction rests on, apart from any markup: what a paragraph is, when a block
//! is a list of links, how much prose a name alone may drop. The HTML extractor measures its blocks with these;
//! a block scorer for other inputs (scraped markdown) imports the same ones, so that both judge text alike.
//!
//! Every value here is a share of characters that are not whitespace (so that languages without spaces between
//! words measure like the others), and every one comes with where the idea comes from.

/// A block of fewer characters than this is not a paragraph: a label, a date, a button, a caption line.
/// Readability counts 25 characters as the least text worth scoring a paragraph by (its `-25` length test);
/// kept on the 61 AEB dev pages, where lowering it let bylines and datelines score.
pub const MIN_PARAGRAPH_CHARS: u32 = 25;

/// A paragraph is mostly not links: below this share of link text. A sentence with a few links in it stays a
/// paragraph; a line of links separated by a few words (a menu, "Read more: …") does not. One third is where
/// jusText draws its "link density" line for good paragraphs (`max_link_density` 0.2–0.33) and Readability its
/// `0.33` for low-weight nodes.
pub const PARAGRAPH_MAX_LINK_SHARE: f32 = 1.0 / 3.0;

/// A list or container whose text is more than this share of links is a list of links (menus, tag clouds,
/// "related stories"), whatever its tag: Readability's `_cleanConditionally` drops a block with a link density
/// over 0.5 when its class weight is not positive.
pub const LINK_LIST_SHARE: f32 = 0.5;

/// A paragraph element whose text is more than this share of links is one link with a few words around it (a
/// teaser, "Read also: …"): higher than [`LINK_LIST_SHARE`] because a real paragraph may quote a long link title.
pub const LINK_PARAGRAPH_SHARE: f32 = 0.6;

/// A link-list block inside the article is dropped only while it holds less than this share of the article's
/// text: a page that is mostly links (a link collection, a table of contents) keeps them.
pub const LINK_LIST_MAX_ARTICLE_SHARE: f32 = 0.3;

/// Furniture found by markup alone (a tag, a role, a class name) is kept when it holds at least this share of the
/// page's paragraph text: the markup is then more likely a mislabelled wrapper than furniture. The issue-12 rule
/// "never let a name alone remove a block that holds most of the page's prose"; 0.4 kept the AEB dev pages whose
/// article sits in a `with-sidebar` layout wrapper.
pub const FURNITURE_GUARD_SHARE: f32 = 0.4;

/// A block next to the article's container continues it when it has more than this many characters of text and
/// less than [`CONTINUATION_MAX_LINK_SHARE`] of links (Readability's sibling test: `nodeLength > 80 && linkDensity
/// < 0.25`).
pub const CONTINUATION_MIN_CHARS: u32 = 80;

/// See [`CONTINUATION_MIN_CHARS`].
pub const CONTINUATION_MAX_LINK_SHARE: f32 = 0.25;

/// The share of `links` in `text` (0 for no text).
pub fn link_share(links: u32, text: u32) -> f32 {
    links as f32 / text.max(1) as f32
}

/// Whether a block of `chars` characters with `link_chars` of them in links is a paragraph: long enough, and
/// mostly not links.
pub fn is_paragraph(chars: u32, link_chars: u32) -> bool {
    chars >= MIN_PARAGRAPH_CHARS && (link_chars as f32) < PARAGRAPH_MAX_LINK_SHARE * chars as f32
}

/// Characters that are not whitespace, and the punctuation marks among them that end or divide sentences, in any
/// script: commas and full stops are what Readability counts a paragraph's worth by, and they hold in every
/// language with punctuation (CJK, Arabic and Devanagari marks included).
pub fn count_text(text: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut punct = 0u32;
    if text.is_ascii() {
        for b in text.bytes() {
            if !b.is_ascii_whitespace() && b != 0x0b {
                chars += 1;
                punct += u32::from(matches!(b, b',' | b'.' | b';' | b'!' | b'?'));
            }
        }
        return (chars, punct);
    }
    for c in text.chars() {
        if c.is_whitespace() {
            continue;
        }
        chars += 1;
        if matches!(
            c,
            ',' | '.' | ';' | '!' | '?' | '，' | '、' | '。' | '！' | '？' | '；' | '،' | '؟' | '।'
        ) {
            punct += 1;
        }
    }
    (chars, punct)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_text_skips_whitespace_and_counts_punctuation_in_any_script() {
        assert_eq!(count_text("a, b.\n c"), (5, 2));
        assert_eq!(count_text("日本語、テスト。"), (8, 2));
    }

    #[test]
    fn paragraph_is_long_and_mostly_not_links() {
        assert!(is_paragraph(60, 10));
        assert!(!is_paragraph(60, 30));
        assert!(!is_paragraph(20, 0));
    }
}
