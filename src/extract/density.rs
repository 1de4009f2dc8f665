//! The text-level evidence of extraction, shared by the HTML extractor and the markdown rules that find the article
//! in a whole-page dump (`N004`): how text is counted, what a paragraph is, and the link-density thresholds.

/// A block of fewer characters (not whitespace) than this is not a paragraph: a label, a date, a button. Readability
/// counts 25 characters as the least text worth scoring a paragraph by (its `innerText.length < 25` test).
pub const MIN_PARAGRAPH: u32 = 25;

/// A paragraph's link text is less than one part in this many of its text; more, and it is links with words
/// around them. One third is where jusText draws its link-density line for good paragraphs (`max_link_density`
/// 0.2 to 0.33) and Readability its 0.33 for blocks of no class weight.
pub const PARAGRAPH_LINK_PARTS: u32 = 3;

/// A list, table or other container inside the article whose link density is above this is a link list
/// (navigation, related stories), unless it is a large part of the article: Readability's `_cleanConditionally`
/// drops a block over 0.5 whatever its class weight.
pub const LINK_LIST_DENSITY: f32 = 0.5;

/// A paragraph whose link density is above this is a link with a few words around it (`Read more: …`); higher
/// than [`LINK_LIST_DENSITY`] because a real paragraph may quote a long link title. A `<blockquote>` is read as a
/// paragraph here: sites set their "see also" teasers in one (`<blockquote><b>See also:</b> <a>…</a></blockquote>`),
/// while a quotation, an embedded post among them, is mostly its own words.
pub const LINK_PARAGRAPH_DENSITY: f32 = 0.6;

/// A heading whose link density is above this is a teaser's title, not a section of the article (the link-list
/// line, [`LINK_LIST_DENSITY`], applied to a heading's text).
pub const LINK_HEADING_DENSITY: f32 = 0.5;

/// A link list holding at least this share of the article's text is kept: it is more likely the article (a link
/// collection, a table of contents); 0.3 as Readability keeps a block whose link density is below 0.5 when its
/// weight is high, here measured on the text instead of class names.
pub const LINK_LIST_MAX_SHARE: f32 = 0.3;

/// Furniture found by markup alone (a tag, a role, a class name) is kept when it holds at least this share of the
/// page's paragraph text: the markup is then more likely a mislabelled wrapper than furniture. Issue 12's "never let
/// a name alone remove a block that holds most of the page's prose"; 0.4 keeps the articles whose wrapper carries
/// a layout class such as `with-sidebar`.
pub const FURNITURE_GUARD: f32 = 0.4;

/// A block beside the article's container continues it when it has more than this many characters and a link
/// density below [`CONTINUATION_LINK_DENSITY`]: Readability's sibling test (`nodeLength > 80 && linkDensity <
/// 0.25`).
pub const CONTINUATION_MIN_CHARS: u32 = 80;

/// See [`CONTINUATION_MIN_CHARS`].
pub const CONTINUATION_LINK_DENSITY: f32 = 0.25;

/// A paragraph earns one point per this many characters, up to [`MAX_LENGTH_POINTS`], on top of one per
/// punctuation mark (Readability: `Math.min(Math.floor(length / 100), 3)`).
pub const CHARS_PER_LENGTH_POINT: f32 = 100.0;

/// See [`CHARS_PER_LENGTH_POINT`].
pub const MAX_LENGTH_POINTS: f32 = 3.0;

/// A block is prose when at least this share of its text is in paragraphs (and it passes the continuation test,
/// [`CONTINUATION_MIN_CHARS`]): a lead, an intro, a fact box's sentences, as opposed to a date, a row of buttons
/// or a list of links. Half, so that a heading or a caption beside the paragraphs does not count against them.
pub const PROSE_PARAGRAPH_SHARE: f32 = 0.5;

/// Whether a block of `text` characters, `links` of them in links and `good` in paragraphs, is prose: what a
/// weak sign in the markup (a `teaser` class, a `<header>`) must not drop. It is Readability's test for a
/// sibling that continues the article, on the paragraphs the block holds.
pub fn is_prose(text: u32, links: u32, good: u32) -> bool {
    good > CONTINUATION_MIN_CHARS
        && link_density(text, links) < CONTINUATION_LINK_DENSITY
        && good as f32 >= PROSE_PARAGRAPH_SHARE * text as f32
}

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
    if text.is_ascii() {
        return count_ascii(text.as_bytes());
    }
    let mut chars = 0u32;
    let mut punct = 0u32;
    // A byte at a time: a character is counted at its first byte, and only the first bytes that may start a white
    // space or a punctuation mark outside ASCII are decoded.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match BYTE_CLASS[usize::from(b)] {
            Byte::Space => {}
            Byte::Text => chars += 1,
            Byte::Punct => {
                chars += 1;
                punct += 1;
            }
            Byte::Lead => {
                let c = text[i..]
                    .chars()
                    .next()
                    .expect("a lead byte starts a character");
                if !c.is_whitespace() {
                    chars += 1;
                    punct += u32::from(matches!(
                        c,
                        '，' | '、' | '。' | '！' | '？' | '；' | '،' | '؟' | '।'
                    ));
                }
            }
        }
    }
    (chars, punct)
}

/// [`count`] of ASCII text, where every byte is a character: the bytes that are white space and those that are
/// punctuation marks are counted by comparisons alone (no table), in runs of at most 255 bytes whose counts fit in
/// a byte, which the compiler turns into vector instructions. Most text pieces of most pages are ASCII.
fn count_ascii(bytes: &[u8]) -> (u32, u32) {
    let (mut space, mut punct) = (0u32, 0u32);
    for run in bytes.chunks(usize::from(u8::MAX)) {
        let (mut s, mut p) = (0u8, 0u8);
        for &b in run {
            s += u8::from(b == b' ' || (b'\t'..=b'\r').contains(&b));
            p += u8::from(matches!(b, b',' | b'.' | b';' | b'!' | b'?'));
        }
        space += u32::from(s);
        punct += u32::from(p);
    }
    (bytes.len() as u32 - space, punct)
}

/// What a byte of UTF-8 is to [`count`].
#[derive(Clone, Copy)]
enum Byte {
    /// ASCII white space (the vertical tab too), or a byte that goes on a character.
    Space,
    /// A character that is neither white space nor a punctuation mark, or the first byte of one.
    Text,
    /// `,` `.` `;` `!` `?`.
    Punct,
    /// The first byte of a character that may be white space (U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000)
    /// or a punctuation mark of another script (U+060C, U+061F, U+0964, U+3001, U+3002, U+FF01 to U+FF1F).
    Lead,
}

const BYTE_CLASS: [Byte; 256] = {
    let mut class = [Byte::Text; 256];
    let mut b = 0;
    while b < 256 {
        class[b] = match b as u8 {
            b'\t'..=b'\r' | b' ' | 0x80..=0xBF => Byte::Space,
            b',' | b'.' | b';' | b'!' | b'?' => Byte::Punct,
            0xC2 | 0xD8 | 0xE0 | 0xE1 | 0xE2 | 0xE3 | 0xEF => Byte::Lead,
            _ => Byte::Text,
        };
        b += 1;
    }
    class
};

/// The content score of a paragraph, as Readability gives it and the HTML extractor sums over containers: one,
/// plus one per punctuation mark, plus one per hundred characters (at most three), less its share of link text.
pub fn paragraph_score(text: u32, punct: u32, links: u32) -> f32 {
    (1.0 + punct as f32 + (text as f32 / CHARS_PER_LENGTH_POINT).min(MAX_LENGTH_POINTS))
        * (1.0 - link_density(text, links)).max(0.0)
}

/// The fewest letters of words before a paragraph's first link for [`is_sentence_around_links`]: a subject and a
/// verb (`First, install`, `The founder faces`); a label is a word or two (`Via`, `See`).
pub const SENTENCE_LEAD_MIN_LETTERS: usize = 10;

/// Whether a paragraph that is mostly link text is a sentence whose links are part of it, by its text `before` its
/// first link and `after` its last one: it opens with words of its own that do not end in a label's mark (a colon,
/// a guillemet, a dash, an arrow, a bar: `Read more: …`, `À lire aussi » …`), at least
/// [`SENTENCE_LEAD_MIN_LETTERS`] letters of them, and ends with a sentence end after its last link
/// (`The Tallinn-born founder faces [a charge of conspiracy to export restricted machine parts].`). A teaser's
/// line has no sentence around its title.
pub fn is_sentence_around_links(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    let after = after
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', '«', ')', ']']);
    before.chars().filter(|c| c.is_alphabetic()).count() >= SENTENCE_LEAD_MIN_LETTERS
        && !before.ends_with([':', '»', '«', '>', '|', '-', '–', '—', '→', '›', '：'])
        && after.ends_with(SENTENCE_ENDS)
}

/// The marks that end a sentence, in Latin and in CJK scripts.
pub const SENTENCE_ENDS: [char; 6] = ['.', '!', '?', '。', '！', '？'];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_skips_whitespace_and_finds_punctuation_in_any_script() {
        assert_eq!(count(" a, b. "), (4, 2));
        assert_eq!(count("文，字。"), (4, 2));
    }

    #[test]
    fn count_reads_every_character_as_its_definition() {
        // The definition: characters that are not white space, and those of them in the list of punctuation marks.
        let by_char = |text: &str| {
            let kept = text.chars().filter(|c| !c.is_whitespace());
            let marks = [
                ',', '.', ';', '!', '?', '，', '、', '。', '！', '？', '；', '،', '؟', '।',
            ];
            let punct = kept.clone().filter(|c| marks.contains(c)).count();
            (kept.count() as u32, punct as u32)
        };
        let mut all = String::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let one = c.to_string();
            assert_eq!(count(&one), by_char(&one), "{c:?} U+{:04X}", c as u32);
            all.push(c);
            all.push('a');
        }
        assert_eq!(count(&all), by_char(&all));
        // ASCII text longer than the runs its bytes are counted in.
        let ascii: String = (0..1000u32)
            .map(|i| char::from_u32(i % 128).expect("ASCII"))
            .collect();
        assert_eq!(count(&ascii), by_char(&ascii));
    }

    #[test]
    fn a_paragraph_is_long_and_mostly_not_links() {
        assert!(is_paragraph(30, 9));
        assert!(!is_paragraph(30, 10));
        assert!(!is_paragraph(24, 0));
    }
}
