//! The text-level evidence of extraction, shared by the HTML extractor and the markdown rules that find the article
//! in a whole-page dump (`N003`): how text is counted, what a paragraph is, and the link-density thresholds.

/// A block of fewer characters (not whitespace) than this is not a paragraph.
pub const MIN_PARAGRAPH: u32 = 25;

/// A paragraph's link text is less than one part in this many of its text; more, and it is links with words
/// around them.
pub const PARAGRAPH_LINK_PARTS: u32 = 3;

/// A list, table or other container inside the article whose link density is above this is a link list
/// (navigation, related stories), unless it is a large part of the article.
pub const LINK_LIST_DENSITY: f32 = 0.5;

/// A paragraph whose link density is above this is a link with a few words around it (`Read more: …`).
pub const LINK_PARAGRAPH_DENSITY: f32 = 0.6;

/// A heading whose link density is above this is a teaser's title, not a section of the article.
pub const LINK_HEADING_DENSITY: f32 = 0.5;

/// A link list holding at least this share of the article's text is kept: it is more likely the article.
pub const LINK_LIST_MAX_SHARE: f32 = 0.3;

/// Whether a block's own text is a paragraph: long enough, and mostly not links.
pub fn is_paragraph(text: u32, links: u32) -> bool {
    text >= MIN_PARAGRAPH && links.saturating_mul(PARAGRAPH_LINK_PARTS) < text
}

/// The share of a block's text that is link text (0 for an empty block).
pub fn link_density(text: u32, links: u32) -> f32 {
    links as f32 / text.max(1) as f32
}

/// The characters of `text` that are not whitespace, and the punctuation marks among them (commas and sentence
/// ends, in any script): the two counts every text measure is made of.
pub fn count(text: &str) -> (u32, u32) {
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

/// The content score of a paragraph, as Readability gives it and the HTML extractor sums over containers: one,
/// plus one per punctuation mark, plus one per hundred characters (at most three), less its share of link text.
pub fn paragraph_score(text: u32, punct: u32, links: u32) -> f32 {
    (1.0 + punct as f32 + (text as f32 / 100.0).min(3.0))
        * (1.0 - link_density(text, links)).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_skips_whitespace_and_finds_punctuation_in_any_script() {
        assert_eq!(count(" a, b. "), (4, 2));
        assert_eq!(count("文，字。"), (4, 2));
    }

    #[test]
    fn a_paragraph_is_long_and_mostly_not_links() {
        assert!(is_paragraph(30, 9));
        assert!(!is_paragraph(30, 10));
        assert!(!is_paragraph(24, 0));
    }
}
