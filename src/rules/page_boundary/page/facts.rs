//! What the text of a line or a block alone tells the analysis ([`LineFacts`], [`TextFacts`]), found when first asked
//! and kept by the engine between the passes over a document.

use std::cell::OnceCell;
use std::rc::Rc;

use super::near::{template, NearKeys};
use super::page_number::{
    bare_page_number, copyright_line, dated_domain, page_number, strong_shape, url_line,
};
use super::shapes::{
    header_parts, header_shape, is_label, last_sentence, names_something, one_word_label,
    sentence_inside, split_parts, text_like,
};
use super::unclosed::opened;
use crate::rules::body::{word_count, Body};

/// A first half this short could be a heading or a label that happens to end on a function word (`Where to`):
/// mid-clause evidence counts only from this many words on.
pub(super) const MIN_MID_CLAUSE_WORDS: usize = 4;

/// What the text of a short line alone tells the analysis: whether it has the shape of furniture, and its
/// template. A text tells the same in every pass, so the engine keeps these between the passes over a document.
#[derive(Debug)]
pub(crate) struct LineFacts {
    /// Whether the text has the shape of page furniture: a page number or counter ([`page_number`]), a URL
    /// ([`url_line`]), a print time stamp ([`strong_shape`]) or a copyright line with a year ([`copyright_line`]).
    pub shaped: bool,
    /// Whether the text has that shape as a page number only ([`page_number`], no other shape of furniture).
    pub numbered: bool,
    /// [`template`] of the text.
    pub template: String,
    /// [`header_shape`] of the text, found when first asked.
    header: OnceCell<bool>,
    /// [`is_label`] of the text, found when first asked.
    label: OnceCell<bool>,
    /// [`NearKeys::of`] the template, found when first asked.
    near_keys: OnceCell<NearKeys>,
    /// [`text_like`] of the text, found when first asked.
    text_like: OnceCell<bool>,
    /// [`one_word_label`] of the text, found when first asked.
    one_word: OnceCell<bool>,
    /// [`strong_shape`] of the text, found when first asked.
    strong: OnceCell<bool>,
    /// [`url_line`] of the text trimmed, found when first asked.
    url: OnceCell<bool>,
    /// [`dated_domain`] of the text, found when first asked.
    dated_domain: OnceCell<bool>,
    /// [`bare_page_number`] of the text trimmed, found when first asked.
    counter: OnceCell<bool>,
    /// The text lowercased, with what [`Masthead::repeated_by`] looks for in it, found when first asked.
    ///
    /// [`Masthead::repeated_by`]: super::masthead::Masthead::repeated_by
    lowered: OnceCell<Lowered>,
}

/// A short line lowercased, with the parts of it that [`Masthead::repeated_by`] looks up: the same in every pass,
/// whatever the masthead.
///
/// [`Masthead::repeated_by`]: super::masthead::Masthead::repeated_by
#[derive(Debug)]
pub(super) struct Lowered {
    /// The text, trimmed and lowercased.
    pub(super) line: String,
    /// Its [`header_parts`] that name something, as ranges of `line`.
    pub(super) parts: Vec<std::ops::Range<usize>>,
    /// Where a title cut short by `…` ends in `line` (white space before the `…` left out), when the cut keeps
    /// [`MIN_CUT_TITLE_WORDS`].
    pub(super) cut: Option<usize>,
}

impl Lowered {
    fn of(text: &str) -> Lowered {
        let line = text.trim().to_lowercase();
        let parts = header_parts(&line)
            .filter(|p| names_something(p))
            .map(|p| {
                let start = p.as_ptr() as usize - line.as_ptr() as usize;
                start..start + p.len()
            })
            .collect();
        let cut = line
            .strip_suffix('…')
            .or_else(|| line.strip_suffix("..."))
            .map(str::trim_end)
            .filter(|cut| word_count(cut) >= MIN_CUT_TITLE_WORDS)
            .map(str::len);
        Lowered { line, parts, cut }
    }
}

impl LineFacts {
    /// The facts of `text`.
    pub fn of(text: &str) -> LineFacts {
        let t = text.trim();
        let numbered = page_number(t);
        // The other shapes of [`furniture_shape`], asked once.
        let other = url_line(t) || strong_shape(t) || copyright_line(t);
        LineFacts {
            shaped: numbered || other,
            numbered: numbered && !other,
            template: template(text),
            header: OnceCell::new(),
            label: OnceCell::new(),
            near_keys: OnceCell::new(),
            text_like: OnceCell::new(),
            one_word: OnceCell::new(),
            strong: OnceCell::new(),
            url: OnceCell::new(),
            dated_domain: OnceCell::new(),
            counter: OnceCell::new(),
            lowered: OnceCell::new(),
        }
    }

    /// [`header_shape`] of `text`, the text these are the facts of.
    pub(super) fn header(&self, text: &str) -> bool {
        *self.header.get_or_init(|| header_shape(text))
    }

    /// [`is_label`] of `text`, the text these are the facts of.
    pub(super) fn label(&self, text: &str) -> bool {
        *self.label.get_or_init(|| is_label(text))
    }

    /// [`text_like`] of `text`, the text these are the facts of.
    pub(super) fn text_like(&self, text: &str) -> bool {
        *self.text_like.get_or_init(|| text_like(text))
    }

    /// [`NearKeys::of`] the template.
    pub(super) fn near_keys(&self) -> &NearKeys {
        self.near_keys.get_or_init(|| NearKeys::of(&self.template))
    }

    /// [`one_word_label`] of `text`, the text these are the facts of.
    pub(super) fn one_word(&self, text: &str) -> bool {
        *self.one_word.get_or_init(|| one_word_label(text))
    }

    /// [`strong_shape`] of `text`, the text these are the facts of.
    pub(super) fn strong(&self, text: &str) -> bool {
        *self.strong.get_or_init(|| strong_shape(text))
    }

    /// [`url_line`] of `text` trimmed, the text these are the facts of.
    pub(super) fn url(&self, text: &str) -> bool {
        *self.url.get_or_init(|| url_line(text.trim()))
    }

    /// [`dated_domain`] of `text`, the text these are the facts of.
    pub(super) fn dated_domain(&self, text: &str) -> bool {
        *self.dated_domain.get_or_init(|| dated_domain(text))
    }

    /// [`bare_page_number`] of `text` trimmed, the text these are the facts of.
    pub(super) fn counter(&self, text: &str) -> bool {
        *self.counter.get_or_init(|| bare_page_number(text.trim()))
    }

    /// `text` lowercased, the text these are the facts of (see [`Lowered`]).
    pub(super) fn lowered(&self, text: &str) -> &Lowered {
        self.lowered.get_or_init(|| Lowered::of(text))
    }
}

/// What a block's text alone tells the tests of a first half (and of the nearer of two first halves), each found
/// when first asked: the same in every pass, so the engine keeps these per distinct block text between the passes
/// over a document, as it keeps the [`LineFacts`] of short lines. Each of these reads the whole text, and a later
/// pass asks them again of the paragraphs its edits left as they were.
#[derive(Debug, Default)]
pub(crate) struct TextFacts {
    /// [`opened`] of the text.
    opened: OnceCell<bool>,
    /// The lower-case and the cased words of the text ([`case_counts`]).
    cases: OnceCell<(usize, usize)>,
    /// Whether the last sentence of the text has [`MIN_MID_CLAUSE_WORDS`] words or more.
    long_last: OnceCell<bool>,
    /// [`sentence_inside`] of the text.
    inside: OnceCell<bool>,
    /// Whether the text holds two parts between separators ([`split_parts`]).
    parted: OnceCell<bool>,
}

impl TextFacts {
    /// Facts not yet found for each block of `body`: for an analysis that keeps nothing between passes.
    pub fn fresh(body: &Body<'_>) -> Vec<Rc<TextFacts>> {
        (0..body.blocks.len())
            .map(|_| Rc::new(TextFacts::default()))
            .collect()
    }

    /// [`opened`] of `text`, the text these are the facts of.
    pub(super) fn opened(&self, text: &str) -> bool {
        *self.opened.get_or_init(|| opened(text))
    }

    /// Whether most cased words of `text` (the text these are the facts of) start in lowercase: running text
    /// rather than a title.
    pub(super) fn mostly_lowercase(&self, text: &str) -> bool {
        self.lowercase_share(text, MOSTLY_LOWER_SHARE)
    }

    /// Whether more than `share` (numerator, denominator) of the words of `text` (the text these are the facts
    /// of) that start with a cased letter start in lower case.
    pub(super) fn lowercase_share(&self, text: &str, share: (usize, usize)) -> bool {
        let (lower, cased) = *self.cases.get_or_init(|| case_counts(text));
        cased > 0 && lower * share.1 > cased * share.0
    }

    /// Whether the last sentence of `text` (the text these are the facts of) has [`MIN_MID_CLAUSE_WORDS`] words.
    pub(super) fn long_last_sentence(&self, text: &str) -> bool {
        *self
            .long_last
            .get_or_init(|| word_count(last_sentence(text)) >= MIN_MID_CLAUSE_WORDS)
    }

    /// [`sentence_inside`] of `text`, the text these are the facts of.
    pub(super) fn sentence_inside(&self, text: &str) -> bool {
        *self.inside.get_or_init(|| sentence_inside(text))
    }

    /// Whether `text` (the text these are the facts of) holds two parts between separators.
    pub(super) fn parted(&self, text: &str) -> bool {
        *self
            .parted
            .get_or_init(|| split_parts(text).nth(1).is_some())
    }
}

/// The share of words that start in lower case (numerator, denominator) over which a line reads as running text
/// rather than a title: most of its cased words.
pub(super) const MOSTLY_LOWER_SHARE: (usize, usize) = (1, 2);

/// The words of `text` that start with a lower-case letter, and those that start with a cased one (their first
/// letter decides).
fn case_counts(text: &str) -> (usize, usize) {
    let (mut lower, mut cased) = (0, 0);
    for word in text.split_whitespace() {
        if let Some(c) = word.chars().find(|c| c.is_alphabetic()) {
            if c.is_lowercase() {
                lower += 1;
                cased += 1;
            } else if c.is_uppercase() {
                cased += 1;
            }
        }
    }
    (lower, cased)
}

/// The words a title cut short by `…` keeps at least, for [`Masthead::repeated_by`].
///
/// [`Masthead::repeated_by`]: super::masthead::Masthead::repeated_by
const MIN_CUT_TITLE_WORDS: usize = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lowered_line_holds_the_parts_that_name_something_and_a_title_cut_short() {
        let lowered = Lowered::of("  Express.co.UK — Opinion, Politics | 3 ");
        let parts: Vec<&str> = lowered
            .parts
            .iter()
            .map(|part| &lowered.line[part.clone()])
            .collect();
        assert_eq!(parts, ["express.co.uk", "opinion", "politics"]);
        assert_eq!(lowered.cut, None);
        let cut = Lowered::of("Erinnerung an die Opfer …");
        assert_eq!(
            cut.cut.map(|end| &cut.line[..end]),
            Some("erinnerung an die opfer")
        );
        assert_eq!(Lowered::of("Opfer...").cut, None);
    }
}
