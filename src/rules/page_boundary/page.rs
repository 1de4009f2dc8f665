//! Page-boundary evidence shared by the `B` rules: which blocks are page furniture (by shape, by repetition, by
//! position) and where a paragraph was cut by a page break.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;
use std::sync::LazyLock;

use memchr::memmem;
use regex::Regex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::function_words::{Language, TwoByteTable};
use crate::rules::body::{ending, leading_char, word_count, BlockKind, Body, Ending};

/// The longest line that can be a running header or footer.
const MAX_FURNITURE_CHARS: usize = 200;
/// The most words a running header or footer has (a title and a site name, a date, a page counter); a longer
/// line is a sentence of the text.
const MAX_FURNITURE_WORDS: usize = 24;
/// The most furniture blocks between the two halves of a split.
const MAX_BETWEEN: usize = 4;
/// A first half this short could be a heading or a label that happens to end on a function word (`Where to`):
/// mid-clause evidence counts only from this many words on.
const MIN_MID_CLAUSE_WORDS: usize = 4;
/// A paragraph of this many words is running text, whose ending tells whether the document ends its paragraphs
/// with sentence ends.
const MIN_RUNNING_WORDS: usize = 8;
/// A second half starting with a capital must be a paragraph in its own right: this many words, or a sentence end.
const MIN_CAPITAL_CONTINUATION_WORDS: usize = 12;
/// A document "ends its paragraphs with sentences" when at most one long paragraph in this many (plus one) ends
/// without punctuation before a capital. Only there is an open end evidence of a cut: recipes, job ads and lists
/// end their lines without punctuation everywhere.
const OPEN_END_SHARE: usize = 8;
/// A first half shorter than this is a label or a heading (`Read more`, `Related:`) even when it ends open.
const MIN_FIRST_HALF_WORDS: usize = 3;
/// A first half ending on a comma needs a word more: a comma also ends the items of a short list line.
const MIN_COMMA_FIRST_HALF_WORDS: usize = 4;
/// A second half of one word is a page number's label or a stray word of the layout, not the rest of a sentence.
const MIN_SECOND_HALF_WORDS: usize = 2;
/// When two candidate splits share a second half, an outer first half this short is a label above the text (a
/// site name), not a paragraph.
const MAX_LABEL_WORDS: usize = 6;
/// Without a known language, a last word of one or two lower-case letters is a function word (`in`, `of`, `на`,
/// `de`) in almost every language written with spaces; longer words need the language's own list.
const MAX_FUNCTION_WORD_CHARS: usize = 2;

/// A paragraph cut by a page break: block `prev` is continued by block `next`; the blocks in between are furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Break {
    /// The first half.
    pub prev: usize,
    /// The second half.
    pub next: usize,
    /// How the halves are joined.
    pub join: Join,
}

/// How the two halves of a split are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Join {
    /// Mid-sentence: one space.
    Space,
    /// Ends in a hyphen attached to a word: decided by `B002`.
    Hyphen,
}

/// What the page-boundary analysis found in a body.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Pages {
    /// The splits, in order.
    pub breaks: Vec<Break>,
    /// Blocks that are page furniture outside a split (at a boundary between real paragraphs).
    pub furniture: Vec<usize>,
}

impl Pages {
    /// The splits joined as `join`, in order, without one that starts inside the one before (a candidate nested in
    /// another, or crossing it): the engine would leave its edit for the next pass, where the analysis reads the
    /// joined text again, so it is not proposed at all and the edits of one rule never overlap.
    pub fn splits(&self, join: Join) -> impl Iterator<Item = &Break> {
        let mut free_from = 0;
        self.breaks.iter().filter(move |b| {
            let free = b.join == join && b.prev >= free_from;
            if free {
                free_from = b.next;
            }
            free
        })
    }
}

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
    lowered: OnceCell<Lowered>,
}

/// A short line lowercased, with the parts of it that [`Masthead::repeated_by`] looks up: the same in every pass,
/// whatever the masthead.
#[derive(Debug)]
struct Lowered {
    /// The text, trimmed and lowercased.
    line: String,
    /// Its [`masthead_parts`] that name something, as ranges of `line`.
    parts: Vec<std::ops::Range<usize>>,
    /// Where a title cut short by `…` ends in `line` (white space before the `…` left out), when the cut keeps
    /// [`MIN_CUT_TITLE_WORDS`].
    cut: Option<usize>,
}

impl Lowered {
    fn of(text: &str) -> Lowered {
        let line = text.trim().to_lowercase();
        let parts = masthead_parts(&line)
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
    fn header(&self, text: &str) -> bool {
        *self.header.get_or_init(|| header_shape(text))
    }

    /// [`is_label`] of `text`, the text these are the facts of.
    fn label(&self, text: &str) -> bool {
        *self.label.get_or_init(|| is_label(text))
    }

    /// [`text_like`] of `text`, the text these are the facts of.
    fn text_like(&self, text: &str) -> bool {
        *self.text_like.get_or_init(|| text_like(text))
    }

    /// [`NearKeys::of`] the template.
    fn near_keys(&self) -> &NearKeys {
        self.near_keys.get_or_init(|| NearKeys::of(&self.template))
    }

    /// [`one_word_label`] of `text`, the text these are the facts of.
    fn one_word(&self, text: &str) -> bool {
        *self.one_word.get_or_init(|| one_word_label(text))
    }

    /// [`strong_shape`] of `text`, the text these are the facts of.
    fn strong(&self, text: &str) -> bool {
        *self.strong.get_or_init(|| strong_shape(text))
    }

    /// [`url_line`] of `text` trimmed, the text these are the facts of.
    fn url(&self, text: &str) -> bool {
        *self.url.get_or_init(|| url_line(text.trim()))
    }

    /// [`dated_domain`] of `text`, the text these are the facts of.
    fn dated_domain(&self, text: &str) -> bool {
        *self.dated_domain.get_or_init(|| dated_domain(text))
    }

    /// [`bare_page_number`] of `text` trimmed, the text these are the facts of.
    fn counter(&self, text: &str) -> bool {
        *self.counter.get_or_init(|| bare_page_number(text.trim()))
    }

    /// `text` lowercased, the text these are the facts of (see [`Lowered`]).
    fn lowered(&self, text: &str) -> &Lowered {
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
    fn opened(&self, text: &str) -> bool {
        *self.opened.get_or_init(|| opened(text))
    }

    /// Whether most cased words of `text` (the text these are the facts of) start in lowercase: running text
    /// rather than a title.
    fn mostly_lowercase(&self, text: &str) -> bool {
        self.lowercase_share(text, MOSTLY_LOWER_SHARE)
    }

    /// Whether more than `share` (numerator, denominator) of the words of `text` (the text these are the facts
    /// of) that start with a cased letter start in lower case.
    fn lowercase_share(&self, text: &str, share: (usize, usize)) -> bool {
        let (lower, cased) = *self.cases.get_or_init(|| case_counts(text));
        cased > 0 && lower * share.1 > cased * share.0
    }

    /// Whether the last sentence of `text` (the text these are the facts of) has [`MIN_MID_CLAUSE_WORDS`] words.
    fn long_last_sentence(&self, text: &str) -> bool {
        *self
            .long_last
            .get_or_init(|| word_count(last_sentence(text)) >= MIN_MID_CLAUSE_WORDS)
    }

    /// [`sentence_inside`] of `text`, the text these are the facts of.
    fn sentence_inside(&self, text: &str) -> bool {
        *self.inside.get_or_init(|| sentence_inside(text))
    }

    /// Whether `text` (the text these are the facts of) holds two parts between separators.
    fn parted(&self, text: &str) -> bool {
        *self
            .parted
            .get_or_init(|| split_parts(text).nth(1).is_some())
    }
}

/// Finds the splits and the furniture of a body, whose language (from its function words) `language` gives: it is
/// asked only where a first half and a second half starting with a capital need it, and may be worked out then.
/// `masthead` holds what the document's header printed above the text before the reader took it into metadata
/// (lowercased), read with the lines above the first paragraph. `texts` holds the [`TextFacts`] of each block
/// ([`TextFacts::fresh`], or those kept from an earlier pass), `line_facts` gives the [`LineFacts`] of a short
/// line's text (`LineFacts::of`, or a copy kept from an earlier pass). `answers` holds what an earlier analysis of
/// the document found of its words ([`WordAnswers`], empty for none), and takes what this one finds.
pub(crate) fn analyse(
    body: &Body<'_>,
    texts: &[Rc<TextFacts>],
    language: &dyn Fn() -> Option<Language>,
    masthead: &[String],
    line_facts: &dyn Fn(&str) -> Rc<LineFacts>,
    answers: &RefCell<WordAnswers>,
) -> Pages {
    let n = body.blocks.len();
    let short: Vec<bool> = (0..n).map(|i| is_short_line(body, i)).collect();
    let (closed, closed_running) = ends_in_sentences(body, texts);
    // The lines above the first paragraph of running text: the masthead, the title.
    let mut heads = lines_on_top(body, &short);
    let top_blocks = heads.len();
    let words = Words::new(body).carrying(texts, answers.take());
    let reading = Reading {
        language,
        closed,
        closed_running,
        top_blocks,
        texts,
        words: &words,
    };
    heads.extend_from_slice(masthead);
    let masthead = Masthead::new(&heads, body.text);
    let facts: Vec<Option<Rc<LineFacts>>> = (0..n)
        .map(|i| short[i].then(|| line_facts(body.block_text(i))))
        .collect();
    // A line under the text that repeats the masthead in a header's shape is a running header even where it
    // stands once (a short document has a single page boundary), and so has the shape of furniture.
    // So does a line naming a site the document links to, where a page boundary is corroborated (the paragraph
    // above cut mid-sentence, a page number beside it), and a footer printed above a page number after a
    // paragraph cut mid-sentence, even where they stand once.
    let templates: Vec<Option<&str>> = facts
        .iter()
        .map(|f| f.as_ref().map(|f| f.template.as_str()))
        .collect();
    let copies = Copies::of(&templates);
    let copies_of = |i: usize| copies.of_block(i);
    // Page numbers count up through a document: a label whose number goes down from copy to copy (`Meal 1`,
    // `Meal 2`, then `Meal 1` again over each day of a plan) heads parts of the text, in any language. So does a
    // label and number that the text itself names (`Wi-Fi 6` over a section whose sentences speak of `Wi-Fi 6`).
    let counts_up = |i: usize| {
        let numbers = copies_of(i)
            .iter()
            .filter(|&&j| facts[j].as_ref().is_some_and(|f| f.numbered))
            .filter_map(|&j| first_number(body.block_text(j)));
        numbers.clone().zip(numbers.skip(1)).all(|(a, b)| a <= b)
    };
    let page_number_here = |i: usize| {
        let text = body.block_text(i).trim();
        !text.chars().any(char::is_alphabetic) || (counts_up(i) && !named_in_text(body.text, text))
    };
    // Where a page boundary may fall (asked of every short line, once).
    let boundary: Vec<bool> = (0..n)
        .map(|i| short[i] && at_page_boundary(body, i, &short))
        .collect();
    let shaped: Vec<bool> = facts
        .iter()
        .enumerate()
        .map(|(i, f)| {
            f.as_ref().is_some_and(|f| {
                (f.shaped && (!f.numbered || page_number_here(i)))
                    || (i >= top_blocks
                        && (masthead.repeated_by(body.block_text(i), f)
                            // The boundary first: its tests read the blocks around, the site's reads the
                            // document's links.
                            || (boundary[i]
                                && (after_open_paragraph(body, i, &short)
                                    || beside_page_number(body, i, &short))
                                && masthead.names_linked_site(body.block_text(i), f))
                            || (closed && footer_above_page_number(body, i, &short))))
            })
        })
        .collect();
    // Running headers and footers repeat from page to page, with their page numbers masked, or with one part that
    // changes (a section name, a date) beside one that stays (the site name).
    let near = near_copies(&facts);
    let repeated =
        |i: usize| copies_of(i).len() >= MIN_RUNNING_COPIES || near[i].len() >= MIN_NEAR_COPIES;
    let distances = Distances::new(body);
    let recurring = recurring_furniture(
        body, &templates, &facts, &copies, &near, &boundary, &short, &heads, top_blocks, &distances,
    );

    // Candidate continuations, found without the "the paragraph ends somewhere" condition.
    let mut candidates: Vec<Option<Break>> = vec![None; n];
    for (i, slot) in candidates.iter_mut().enumerate() {
        *slot = candidate(body, i, &reading, &short, &facts, &shaped, &repeated);
    }
    // A split paragraph ends in a sentence end: follow the chain of continuations to its last block.
    let mut chain_ends = vec![false; n];
    for i in (0..n).rev() {
        chain_ends[i] =
            body.ending(i) == Ending::Terminal || candidates[i].is_some_and(|b| chain_ends[b.next]);
    }
    // Two candidates share a second half when a short line between is itself open-ended. The inner one (the
    // nearer first half) is the split when it reads as text, and the outer one could not run on past it: a short
    // line itself (a site name above the text), or no running text (a heading, a title), or the inner one flows
    // into the second half (nothing between, or it stops mid-clause): text is read in order, and a paragraph
    // cut by a page break goes on at the next line that is not furniture. Otherwise (a long paragraph above a
    // footer without a shape, `Please turn over` / `2`) the outer one is the split, and so when it ends in a
    // hyphen.
    let mut breaks: Vec<Break> = Vec::new();
    for b in candidates
        .into_iter()
        .flatten()
        .filter(|b| chain_ends[b.next])
    {
        if let Some(last) = breaks.last_mut().filter(|last| last.next == b.next) {
            let (outer, inner) = (last.prev, b.prev);
            let inner_text = body.block_text(inner);
            // A short line has its facts (`facts` is `Some` exactly where `short` is true).
            let header = || facts[inner].as_ref().is_some_and(|f| f.header(inner_text));
            let (inner_facts, outer_facts) = (&*texts[inner], &*texts[outer]);
            // The outer one takes the lines between as furniture: running text is never taken so, even where a
            // link's address gives it a header's shape (a year, a domain, a slash in `[the results are
            // in](https://…/2019-…)`).
            let inner_is_text = !shaped[inner]
                && !repeated(inner)
                && (inner_facts.mostly_lowercase(inner_text)
                    || (inner_facts.lowercase_share(inner_text, NOUN_CASE_LOWER_SHARE)
                        && language().is_some_and(Language::capitalises_nouns)))
                && (!header()
                    || running_text(inner_text, inner_facts, body.words(inner), language));
            let outer_is_label = body.words(outer) <= MAX_LABEL_WORDS;
            let outer_is_heading = || {
                !running_text(
                    body.block_text(outer),
                    outer_facts,
                    body.words(outer),
                    language,
                )
            };
            // The nearer one flows into the second half, and the farther one does not stop mid-clause (else a
            // second clean would join the farther one to the joined block: not idempotent).
            let inner_flows = || {
                body.words(inner) >= MIN_MID_CLAUSE_WORDS
                    && (b.next == inner + 1 || stops_mid_clause(inner_text, inner_facts, language))
                    && !stops_mid_clause(body.block_text(outer), outer_facts, language)
            };
            // Nor does a label run on past a line of more words than a label that no shape, repetition or
            // header's shape (parts between separators: `Dare to Play 3 / October (…)`) makes furniture
            // (`Krankenstandsvertretung als Karrierestart` / `Ihre Ausbildung erhielt sie im Internat Schloss
            // Marquartstein in Oberbayern` / `1 / 2` / `und im …`, a German line whose nouns leave it short of the
            // lower-case share of text): taking that line as furniture would lose it, where leaving the label alone
            // leaves at worst a split. Not when the label stops mid-clause (a second clean would join it).
            let inner_outruns_label = || {
                body.words(inner) > MAX_LABEL_WORDS
                    && !shaped[inner]
                    && !repeated(inner)
                    && !header()
                    && !stops_mid_clause(body.block_text(outer), outer_facts, language)
            };
            // Nor does any first half run on past a nearer one that is running text (eight words or more, mostly
            // lower case, its last sentence no short line of its own): a footer without a shape is a short line,
            // and taking a sentence as one (`… several standards have been developed over the years,` / `— 6 / 11
            // —` / `which form …`, under a heading below a paragraph left open) would lose it with the heading
            // above it. Not when the farther one stops mid-clause (a second clean would join it).
            let inner_runs = || {
                running_text(inner_text, inner_facts, body.words(inner), language)
                    && !stops_mid_clause(body.block_text(outer), outer_facts, language)
            };
            if last.join == Join::Space
                && ((inner_is_text
                    && (outer_is_label || outer_is_heading() || inner_flows() || inner_runs()))
                    || (outer_is_label && inner_outruns_label()))
            {
                *last = b;
            }
            continue;
        }
        breaks.push(b);
    }

    // Furniture found between the halves of a split anchors its template: the same line elsewhere is furniture too.
    let mut inside = HashSet::default();
    let mut anchored = HashSet::default();
    for b in &breaks {
        inside.extend(b.prev + 1..b.next);
        anchored.extend(templates[b.prev + 1..b.next].iter().flatten().copied());
    }
    // A short line has its facts: what its text alone tells is asked of it once.
    let strong = |i: usize, text: &str| {
        facts[i]
            .as_ref()
            .map_or_else(|| strong_shape(text), |f| f.strong(text))
    };
    let url = |i: usize, text: &str| {
        facts[i]
            .as_ref()
            .map_or_else(|| url_line(text.trim()), |f| f.url(text))
    };
    // What the document's own furniture looks like, from the lines found between the halves of a split or by
    // repetition: a section name of one capitalised word there makes the document's other one-word labels at page
    // boundaries furniture (the section name changes from page to page, so each may stand once), and a header
    // there makes its near copies (one part changed) at page boundaries furniture.
    // A running header keeps its style from page to page: a section name in capitals (`SPORT`, or the site's
    // name, `APPLEINSIDER`) says nothing of one-word subheadings (`Keyboard`), so the case is compared too.
    let sure = |k: usize| inside.contains(&k) || recurring[k];
    let one_word_style = |k: usize| {
        let text = body.block_text(k).trim();
        facts[k]
            .as_ref()
            .filter(|f| f.one_word(text))
            .map(|_| text.chars().all(char::is_uppercase))
    };
    let sure_lines: Vec<usize> = (0..n).filter(|&k| short[k] && sure(k)).collect();
    let found_in_style = |capitals: bool| {
        sure_lines
            .iter()
            .filter(|&&k| one_word_style(k) == Some(capitals))
            .nth(MIN_ONE_WORD_FURNITURE - 1)
            .is_some()
    };
    let (found_plain, found_capitals) = (found_in_style(false), found_in_style(true));
    // Furniture stands once a page: a line closer than a page to the furniture found is part of the text (a
    // subheading, `Conclusion`, a few paragraphs below a section name found between the halves of a split).
    let a_page_from_furniture = |i: usize| {
        let at = sure_lines.partition_point(|&k| k < i);
        let before = at.checked_sub(1).map(|j| sure_lines[j]);
        let after = sure_lines.get(at).copied();
        before.is_none_or(|k| distances.a_page_apart(&[k, i]))
            && after.is_none_or(|k| distances.a_page_apart(&[i, k]))
    };
    // A near copy (one part changed) of a header found as furniture, in a header's shape, or of two lines found.
    let near_furniture = |i: usize| {
        let found = || near[i].iter().filter(|&&k| sure(k)).count() >= MIN_NEAR_COPIES;
        near[i].iter().any(|&k| {
            sure(k)
                && facts[k]
                    .as_ref()
                    .is_some_and(|f| f.header(body.block_text(k)))
        }) || found()
    };
    // A one-word label in the case of the section names found stands where the document's own pages put a
    // boundary: as far from the boundary before it as its pages are long (the median spacing of the furniture
    // found), within [`PAGE_SPACING_TOLERANCE`], and no nearer than that to the one after it. A subheading
    // (`Conclusion`) mid-page, or a second one-word line soon after the first, is text. Taken in order, each one
    // found is the boundary before the next.
    // A short document has two or three pages: one section name found between the halves of a cut sentence (a
    // page boundary by where it stands, not a heading the text repeats) is the document's furniture, but one
    // gives no spacing of its pages. Another one-word label in its case at a page boundary is one too when it is
    // the only such label a page from the furniture found, and it cuts the text as pages do: the page between
    // the two holds as much text as the one before the first of them (from the document's first line), within
    // [`PAGE_SPACING_TOLERANCE`]. A one-word subheading is seldom alone in a document and seldom stands there.
    // Section names in capitals are left to the spacing of two found: a name in capitals may be the site's.
    let lone_section_name = || -> Option<usize> {
        let found = sure_lines
            .iter()
            .copied()
            .find(|&k| one_word_style(k) == Some(false))?;
        if found_plain || !inside.contains(&found) {
            return None;
        }
        let mut candidates = (top_blocks..n).filter(|&i| {
            boundary[i]
                && !sure(i)
                && one_word_style(i) == Some(false)
                && facts[i].as_ref().is_some_and(|f| {
                    let text = body.block_text(i);
                    !holds_link(text) && f.label(text)
                })
                && a_page_from_furniture(i)
        });
        let i = candidates.next()?;
        if candidates.next().is_some() {
            return None;
        }
        let (first, second) = (i.min(found), i.max(found));
        let (low, high) = spacing_bounds(distances.chars_between(0, first));
        (low..=high)
            .contains(&distances.chars_between(first, second))
            .then_some(i)
    };
    let section_name: Vec<bool> = {
        let page = median_page_spacing(&sure_lines, &distances);
        let mut out = vec![false; n];
        let mut last: Option<usize> = None;
        let mut next_sure = 0;
        for (i, slot) in out.iter_mut().enumerate() {
            while next_sure < sure_lines.len() && sure_lines[next_sure] <= i {
                last = last.max(Some(sure_lines[next_sure]));
                next_sure += 1;
            }
            let Some(page) = page else { break };
            let Some(f) = facts[i].as_ref() else { continue };
            let text = body.block_text(i);
            let in_style = one_word_style(i).is_some_and(|capitals| {
                if capitals {
                    found_capitals
                } else {
                    found_plain
                }
            });
            if sure(i) || !boundary[i] || !in_style || holds_link(text) || !f.label(text) {
                continue;
            }
            let (low, high) = spacing_bounds(page);
            let after_ok =
                last.is_none_or(|k| (low..=high).contains(&distances.chars_between(k, i)));
            let before = sure_lines.get(next_sure).copied();
            let before_ok = before.is_none_or(|k| {
                let d = distances.chars_between(i, k);
                if last.is_none() {
                    (low..=high).contains(&d)
                } else {
                    d >= low
                }
            });
            if after_ok && before_ok {
                *slot = true;
                last = Some(i);
            }
        }
        if let Some(i) = lone_section_name() {
            out[i] = true;
        }
        out
    };
    let like_furniture = |i: usize, text: &str| {
        let Some(f) = facts[i].as_ref() else {
            return false;
        };
        section_name[i]
            || (boundary[i]
                && !holds_link(text)
                && f.label(text)
                && near_furniture(i)
                && a_page_from_furniture(i))
    };
    // A footer naming the page's address right beside a page number: the two vouch for each other. They are no
    // evidence of a split between the lines around them (a subheading above them is no first half).
    let addressed = addressed_page_numbers(body, &short, &facts);
    // A header holding its page number in a part of its own (`Site / Section / 3`) where a page boundary is
    // corroborated, as for a line naming a linked site: furniture, but no evidence of a split between the lines
    // around it (a subheading above it, `Title` / `| 4 |` / `Site / Section / 5`, is no first half).
    let numbered = |i: usize, text: &str| {
        boundary[i]
            && numbered_header(text)
            && (after_open_paragraph(body, i, &short) || beside_page_number(body, i, &short))
    };
    let headed = headed_page_numbers(body, top_blocks, &boundary, &shaped, &facts);
    let furniture = (0..n)
        .filter(|i| !inside.contains(i) && short[*i])
        .filter(|&i| {
            let text = body.block_text(i);
            templates[i].is_some_and(|t| anchored.contains(t))
                || headed[i]
                || (shaped[i] && strong(i, text))
                || recurring[i]
                || addressed[i]
                || numbered(i, text)
                || like_furniture(i, text)
                || (shaped[i]
                    && url(i, text)
                    && (repeated(i)
                        || (boundary[i]
                            && (after_open_paragraph(body, i, &short)
                                || beside_page_number(body, i, &short)))))
                || (shaped[i] && !url(i, text) && (repeated(i) || between_prose(body, i, &shaped)))
        })
        .collect();
    *answers.borrow_mut() = words.take_answers();
    Pages { breaks, furniture }
}

/// For each block, whether it is one of a pair at a page boundary: a page number and a header right beside it. A
/// page number between paragraphs of running text marks where a page ends, and the line right above or below it
/// is that page's foot or the next one's head. A header there is furniture even where it stands once (a short
/// document has one or two page boundaries, and its furniture may show on one of them only), and the two vouch for
/// each other: the page number alone may have no prose beside it to show where it stands. But a page may as well
/// end before a subheading, so the line must read as a header and not as one:
/// - a label in a header's shape ([`header_shape`]: parts between separators, a year, a title cut short,
///   capitals, a domain) whose words are a name's ([`name_word`]: `Page 1/3` / `A Title Cut Short…`, `(2)` /
///   `THE DAILY NEWS`, `Example Journal, April 9, 2018` / `Page 2 / 4`), or that names a domain (`#1` /
///   `example.es — El título`); no clause (`Instead it turns` / `Page 1 of 3`), no colon (`Date: 21.02.2020`) and
///   no emphasis, which are the text's own; nor capitals where the document writes another line in capitals
///   (`(3)` / `USING HONEY` in a recipe whose subheadings are all in capitals);
/// - a subheading names what the text below it speaks of, a header the site or the section: a line with a part
///   named in the text after it (`PAGE 1` / `Windows` over `The Windows downloads …`, `(8)` / `Vivy – Example
///   Insurance` over a paragraph on `Vivy`) is left;
/// - a one-word label (`PAGE 1` / `Sports`) is a subheading as often as a section name: it counts only where
///   another page number has one in the same case on the same side ([`MIN_RUNNING_COPIES`] in all), as a section
///   name changes from page to page but keeps its place.
///
/// A page number that is a year (`May 2020` / `Date: …`) marks no page: its number is at most [`MAX_PAGES`].
/// `top_blocks`, `shaped` and `facts` are those of [`analyse`]; `boundary` tells the short lines at a page boundary
/// ([`at_page_boundary`]).
fn headed_page_numbers(
    body: &Body<'_>,
    top_blocks: usize,
    boundary: &[bool],
    shaped: &[bool],
    facts: &[Option<Rc<LineFacts>>],
) -> Vec<bool> {
    let n = body.blocks.len();
    let mut out = vec![false; n];
    let page_number_at = |k: usize| {
        boundary[k]
            && shaped[k]
            && facts[k].as_ref().is_some_and(|f| f.numbered)
            && first_number(body.block_text(k)).is_some_and(|p| p <= MAX_PAGES)
    };
    // Another line in capitals under the text's first paragraph (not a copy of this one) shows the document's
    // own subheadings in that style; a title in capitals above the text does not.
    let capitals_lines: Vec<&str> = (top_blocks..n)
        .filter(|&k| facts[k].is_some())
        .map(|k| body.block_text(k).trim())
        .filter(|t| in_capitals(t))
        .collect();
    let capitals_of_text =
        |text: &str| in_capitals(text) && capitals_lines.iter().any(|&other| other != text);
    let named_below = |i: usize, text: &str| {
        let below = &body.text[body.blocks[i].range.end..];
        split_parts(text)
            .map(str::trim)
            .filter(|p| names_something(p))
            .any(|p| named_in_text(below, p))
    };
    // One-word labels beside a page number: (below it, in capitals, the label, the page number).
    let mut one_word: Vec<(bool, bool, usize, usize)> = Vec::new();
    for i in (0..n).filter(|&i| boundary[i] && !shaped[i]) {
        let Some(f) = facts[i].as_ref() else { continue };
        let text = body.block_text(i).trim();
        if holds_link(text)
            || !f.label(text)
            || text.contains(':')
            || text.starts_with(['*', '_'])
            || named_below(i, text)
            || capitals_of_text(text)
        {
            continue;
        }
        for (below, k) in [(true, i.checked_sub(1)), (false, Some(i + 1))] {
            let Some(k) = k.filter(|&k| k < n && page_number_at(k)) else {
                continue;
            };
            if f.one_word(text) {
                let capitals = text.chars().all(char::is_uppercase);
                one_word.push((below, capitals, i, k));
            } else if f.header(text)
                && (holds_domain(text) || text.split_whitespace().all(name_word))
            {
                out[i] = true;
                out[k] = true;
            }
        }
    }
    for &(below, capitals, i, k) in &one_word {
        let alike = one_word
            .iter()
            .filter(|&&(b, c, j, _)| b == below && c == capitals && j != i)
            .count();
        if alike + 1 >= MIN_RUNNING_COPIES {
            out[i] = true;
            out[k] = true;
        }
    }
    out
}

/// A continuation of paragraph `i` after at most [`MAX_BETWEEN`] furniture lines, if its shape allows one.
fn candidate(
    body: &Body<'_>,
    i: usize,
    reading: &Reading<'_>,
    short: &[bool],
    facts: &[Option<Rc<LineFacts>>],
    shaped: &[bool],
    repeated: &dyn Fn(usize) -> bool,
) -> Option<Break> {
    let language = reading.language;
    let block = &body.blocks[i];
    // A short line that repeats is a running header, not the first half of a paragraph.
    if block.kind != BlockKind::Paragraph || shaped[i] || (short[i] && repeated(i)) {
        return None;
    }
    let text = body.block_text(i);
    let facts_i = &*reading.texts[i];
    // A first half that holds a sentence end inside is running text of several sentences: right above its second
    // half, it reads the document's style where such paragraphs end, not where its headings and labels (one
    // sentence each) do. Across furniture, which a page of comments or teasers also prints between its items, it
    // reads the style of all paragraphs.
    let closed_running = reading.closed_running && facts_i.sentence_inside(text);
    // A quote closed right after a word or a comma (`“isolated and unrelated”`, `goods,"`) ends no sentence: the
    // sentence goes on where the next paragraph starts in lower case.
    let quote_open = body.ending(i) == Ending::Terminal && quote_closed_mid_sentence(text);
    // A dash standing alone after a word (`that I would do it --`) breaks a sentence off or opens an aside: the
    // sentence goes on where the next paragraph starts in lower case.
    let dash = body.ending(i) == Ending::Dash && dash_after_space(text);
    let join = match body.ending(i) {
        Ending::Open => Join::Space,
        Ending::Hyphen => Join::Hyphen,
        _ if quote_open || dash => Join::Space,
        _ => return None,
    };
    // A comma inside the closing quote of a short line ends a list item too (`"Salt, pepper, oil,"`).
    if body.words(i) < MIN_FIRST_HALF_WORDS
        || without_closing_quotes(text).ends_with(',') && body.words(i) < MIN_COMMA_FIRST_HALF_WORDS
    {
        return None;
    }
    // What the first half tells, read once and only when a second half starting with a capital asks.
    let told = OnceCell::new();
    let evidence = || {
        *told.get_or_init(|| {
            let last = last_word(text);
            (
                stops_mid_clause(text, facts_i, language),
                language().is_some_and(|l| l.seldom_final(last)),
            )
        })
    };
    // The lines between are short lines, whose facts hold whether they read as labels or as one word.
    let label = |b: usize| {
        let text = body.block_text(b);
        facts[b]
            .as_ref()
            .map_or_else(|| is_label(text), |f| f.label(text))
    };
    let one_word = |b: usize| {
        let text = body.block_text(b);
        facts[b]
            .as_ref()
            .map_or_else(|| one_word_label(text), |f| f.one_word(text))
    };
    // A line cut in parts by separators (`June 7, 2018 | Site`, `Title – Section – 2`) has the shape of a running
    // header, whatever it repeats.
    let parted = |b: usize| reading.texts[b].parted(body.block_text(b));
    let mut between = Vec::new();
    for k in i + 1..body.blocks.len().min(i + 2 + MAX_BETWEEN) {
        let next = &body.blocks[k];
        let next_text = body.block_text(k);
        if next.kind == BlockKind::Paragraph && !shaped[k] && body.words(k) >= MIN_SECOND_HALF_WORDS
        {
            let closed = reading.closed || (closed_running && between.is_empty());
            // A dash (dialogue) or a quote opens a new paragraph; only a letter or a digit continues one, a dash
            // before a lower-case word (`find no benefit` / `— and some even assert …`: dialogue opens with a
            // capital), or a quoted word after a first half that stops mid-clause (`described as` /
            // `“paradigmatic”`).
            let first = leading_char(next_text).unwrap_or('"');
            let quoted = next_text
                .trim_start()
                .strip_prefix(['"', '“', '„', '«', '‘', '\''])
                .and_then(leading_char);
            // Evidence that the first half stops mid-clause, strongest first. Without furniture between the
            // halves only the strong kinds count, on a first half too long to be a heading; furniture between is
            // evidence of its own, so weaker kinds add up with it.
            let comma = text.trim_end().ends_with(',');
            let furniture_between = between.iter().all(|&b: &usize| shaped[b] || repeated(b));
            // A page number (or another line of furniture shape) marks the page boundary; the labels beside
            // it in the same run (a running header without punctuation) go with it.
            let marked = between.iter().any(|&b: &usize| shaped[b])
                && between
                    .iter()
                    .all(|&b: &usize| shaped[b] || repeated(b) || label(b));
            let long_first = body.words(i) >= MIN_MID_CLAUSE_WORDS;
            // A line on top cut in parts by a separator (`Title « Site`, `Title | Site`, `Title :: Site`) is a
            // headline with its site name: its last part names the site, and a separator read as a quote mark
            // (`«`) or a name at its end says nothing of a sentence going on. Right above the lead or a date line,
            // with nothing between, it starts no paragraph that a capital continues.
            let headline = || i < reading.top_blocks && facts_i.parted(text);
            // A first half of many words below the lines on top is no heading even as one sentence (a
            // title above the text may be a long one), unless it holds parts between separators (a
            // teaser: `SECTION — August 13, 2015, 11:32 am Title of another story`).
            let long_sentence = || {
                i >= reading.top_blocks
                    && body.words(i) >= MIN_LONG_SENTENCE_WORDS
                    && !facts_i.parted(text)
            };
            let continues = match join {
                // After a dash only a lower-case word goes on with the sentence (`do it --` / `and I just …`); a
                // capital may start the next one after a sentence broken off.
                Join::Space if dash => long_first && first.is_lowercase(),
                // After a quote closed mid-sentence only a lower-case word goes on with it (a capital may start
                // the next sentence after a quoted title or a quote that ends one), and only across furniture by
                // shape or repetition: a heading in quotes above a short first half (`„… partner UE”` / `Charles
                // Michel napisał na Twitterze,` / `że …`) must not take its second half.
                // A comma inside the closing quote (`… in our reception area,”` / `Hasib said …`) says the
                // sentence goes on to the quote's speaker, often a name: a capital continues it as one continues a
                // first half ending on a comma, a paragraph of its own after a first half too long for a heading,
                // and with nothing between only in a document that ends its paragraphs with sentences.
                Join::Space if quote_open => {
                    let long = !short[k] || body.words(k) >= MIN_CAPITAL_CONTINUATION_WORDS;
                    let sentence = body.ending(k) == Ending::Terminal;
                    let comma_quote = || without_closing_quotes(text).ends_with(',');
                    furniture_between
                        && (first.is_lowercase()
                            || (first.is_alphanumeric()
                                && long_first
                                && (long || sentence)
                                && (!between.is_empty() || (closed && long && sentence))
                                && comma_quote()))
                }
                // `Eva-` / `Marie`, `mid-` / `2020s`: a capital or a digit after a hyphen, but a short open line
                // there is a running header.
                Join::Hyphen => {
                    first.is_lowercase()
                        || (first.is_alphanumeric()
                            && (!short[k] || body.ending(k) == Ending::Terminal))
                }
                Join::Space if first.is_lowercase() || dash_before_lowercase(next_text) => true,
                // A capital (a name, "I", an acronym, a German noun) or a digit: the case of the next word is no
                // evidence either way, the first half is. It continues where the first half plainly stops
                // mid-clause, or seldom ends and page furniture stands between. Either way the second half is a
                // paragraph of its own that ends a sentence.
                Join::Space if first.is_alphanumeric() => {
                    let next_word = first_word(next_text);
                    // The evidence of the first half is read only where the rest leaves it a say.
                    // Emphasis opened in the first half and closed in the second (`spoke to *Woman’s` / `p. 2` /
                    // `Weekly* about …`) spans the cut: markdown emphasis never crosses paragraphs.
                    let strong = || evidence().0 || emphasis_across(text, next_text);
                    let seldom = || evidence().1;
                    let sentence = body.ending(k) == Ending::Terminal;
                    let long = !short[k] || body.words(k) >= MIN_CAPITAL_CONTINUATION_WORDS;
                    let running = || {
                        closed
                            && open_before_capital(
                                text,
                                facts_i,
                                body.words(i),
                                next_text,
                                language,
                            )
                    };
                    // The weakest evidence asks the most of the rest: a second half that is a paragraph ending a
                    // sentence, and furniture between by its shape, not by repetition alone.
                    let shaped_between = between.iter().all(|&b| shaped[b]);
                    // A word the document writes with a capital inside its sentences (a name, a German noun)
                    // starts no sentence by its capital, after a first half that holds a sentence end or is one
                    // long sentence (a heading or a teaser is one short sentence without its end).
                    let name = || {
                        closed
                            && reading.words.as_name(next_word)
                            && running_text(text, facts_i, body.words(i), language)
                            && (facts_i.sentence_inside(text) || long_sentence())
                            && language().is_none_or(|l| {
                                !l.never_final(next_word) && !l.seldom_final(next_word)
                            })
                    };
                    // Weak evidence continues only a cut between two words: not after a bracket, a link or an
                    // image (a photo credit, `Click To Tweet`, a caption), not before a footnote mark or emphasis
                    // (an italic note under a caption). A link opening the second half is read by its words: a
                    // name linked to its page (`as noted by registered dietitian` / `[Trista Best](…). “You …`)
                    // goes on with the sentence as the plain name would, after a first half that holds a sentence
                    // end; a subheading is one sentence, long or not, and a paragraph under it may open on a
                    // linked name (`Focus on what really matters in the near future of your business` / `[Plan &
                    // Grow BIG](…) helps …`). `linked` says whether the first half may go on in a link: where it
                    // holds a sentence end, or where it also stops on a word after which sentences seldom end
                    // (below) and is one long sentence (`… to function, as noted by` / `[Harvard Medical
                    // School](…). …`): a subheading is short, and one ending on a particle (`What we are working
                    // on`) holds no more than a label's words.
                    let plain_seam = |linked: bool| {
                        let opens_on = |t: &str| t.trim_start().starts_with(char::is_alphanumeric);
                        text.trim_end().ends_with(char::is_alphanumeric)
                            && (opens_on(next_text)
                                || (link_text(next_text).is_some_and(opens_on) && linked))
                    };
                    let sentence_inside = || facts_i.sentence_inside(text);
                    // Running text that holds a sentence end, or is one long sentence below the first paragraph
                    // of running text (which may be a deck without its period under the title), stops on a word
                    // before a capitalised word that the document never writes in lower case: a name or a noun
                    // goes on with the sentence, a common word (`Last week`, `We use`) would start one. A word of
                    // one letter before any apostrophe (English `I`, `I'm`) has its capital everywhere: its case
                    // says nothing.
                    let never_lower = || {
                        next_word
                            .split(['\'', '’'])
                            .next()
                            .is_some_and(|stem| stem.chars().nth(1).is_some())
                            && !reading.words.in_lower_case(next_word)
                    };
                    let cut_alone = || {
                        closed
                            && cut_on_word(
                                text,
                                facts_i,
                                body.words(i),
                                i > reading.top_blocks && long_sentence(),
                                next_text,
                                language,
                            )
                            && never_lower()
                    };
                    // A word after which sentences seldom end (`in`, `through`, `by`, an auxiliary) right before
                    // such a capitalised word, a name or a month (`took effect in` / `July 2018, …`), in any
                    // document: the first half need not be running text, nor the document end its paragraphs with
                    // sentences. The seldom-final word is half of the evidence, the name the other half: a heading
                    // ending on a particle (`What we are working on`) is followed by a sentence that opens on a
                    // common word (`We`, `Our`, `The`), which the document writes in lower case elsewhere. Not in a
                    // language that writes its nouns with a capital, whose clauses end on separable prefixes (`sieht
                    // … aus` / `Doch …`) before any capitalised word. A capitalised word that is itself seldom final (an
                    // auxiliary: `May`, `Will`) is a name only before a number (`through` / `May 2017.`): an auxiliary
                    // or a conjunction opening a sentence (`While …`) is followed by a word.
                    let seldom_before_name = || {
                        seldom()
                            && next_word.starts_with(char::is_uppercase)
                            && language().is_some_and(|l| {
                                !l.capitalises_nouns()
                                    && !l.never_final(next_word)
                                    && (!l.seldom_final(next_word)
                                        || second_word_a_number(next_text))
                            })
                            && never_lower()
                    };
                    // The document writes the two words at the cut side by side elsewhere (`Emmanuel` / `Macron`
                    // where `Emmanuel Macron` stands in another paragraph, `Supreme` / `Court`): the join makes a
                    // phrase of the text's own, in any language, which a heading and the paragraph below it seldom
                    // make by chance.
                    let phrase = || reading.words.together(last_word(text), next_word);
                    // Running text that stops a word or two into a sentence opened by a function word (`… des Landes
                    // Niedersachsen. Auf` / `Grundlage des § 3 …`, `… were in India. The Lancet` / `Commission on
                    // …`): no sentence ends there.
                    let begun = || closed && sentence_begun(text, next_text, language);
                    // Running text that holds a sentence end and stops on a comma, before a capitalised word that is
                    // no function word and that the document never writes in lower case (`you get unlimited password
                    // management,` / `Dark Web Monitoring, and secure VPN.`): the list or the clause goes on with a
                    // name. A longer second half needs no more than the comma (below); a short one could be a label.
                    // A number goes on so too (`przyjęta przy 578 głosach „za”,` / `51 - „przeciw” i 68 …`, a count
                    // in a list of counts): it is no function word and has no case, in any language.
                    let comma_before_name = || {
                        let opening = next_text.trim_start();
                        (opening.starts_with(char::is_numeric)
                            || (opening.starts_with(char::is_uppercase)
                                && language().is_none_or(|l| {
                                    !l.never_final(next_word) && !l.seldom_final(next_word)
                                })
                                && never_lower()))
                            && running_text(text, facts_i, body.words(i), language)
                            && facts_i.sentence_inside(text)
                    };
                    if between.is_empty() {
                        long_first
                            && !headline()
                            && (((long || sentence) && strong())
                                || (sentence
                                    && plain_seam(sentence_inside() || long_sentence())
                                    && seldom_before_name())
                                || (comma && closed && sentence && (long || comma_before_name()))
                                || (sentence
                                    && plain_seam(sentence_inside())
                                    && (running() || name() || cut_alone() || phrase() || begun())))
                    } else {
                        let cut = || {
                            closed
                                && cut_on_word(
                                    text,
                                    facts_i,
                                    body.words(i),
                                    long_sentence(),
                                    next_text,
                                    language,
                                )
                        };
                        // No heading stands after a sentence cut mid-way: after running text below the lines on
                        // top that plainly stops mid-clause, one section name between the halves (one capitalised
                        // word: `sold in the` / `Politics` / `United States …`) or one line cut in parts by
                        // separators, a running header printed once (`the Salon, the` / `June 7, 2018 | Site` /
                        // `CPD Policy Blog …`, `den eingeschlagenen` / `Wissen | Site` / `Weg …`), is furniture
                        // too, beside furniture by shape or repetition. A longer line of words could be the rest
                        // of the sentence (a caption's second line, `at the` / `Ecuador Embassy in London`); more
                        // lines without a shape are a block of their own; a title on top may stop on a separator
                        // read as a quote mark (`Title « Site`) above a byline or a date.
                        let section = || {
                            let mut unmarked =
                                between.iter().filter(|&&b| !shaped[b] && !repeated(b));
                            i >= reading.top_blocks
                                && unmarked.clone().all(|&b| one_word(b) || parted(b))
                                && unmarked.nth(1).is_none()
                                && running_text(text, facts_i, body.words(i), language)
                        };
                        (long || sentence)
                            && ((furniture_between
                                && (comma
                                    || strong()
                                    || seldom()
                                    || (shaped_between && running())
                                    || name()
                                    || phrase()
                                    || begun()))
                                || (strong() && section())
                                || (marked && (cut() || phrase())))
                    }
                }
                // A quote opening the second half (`described as` / `“paradigmatic”`) continues on the
                // evidence a capital needs: with nothing between, a plain mid-clause stop, or, in a document whose
                // paragraphs end with sentences, before a paragraph ending a sentence, a comma after a first half
                // too long for a list item (`you may be thinking,` / `“What about …`) or running text stopping on
                // a word after which sentences seldom end (`fame through violence in` / `“Joker” has swept …`)
                // that holds a sentence end or is one long sentence: a subheading is one short sentence, and may
                // end on such a word (`Der Regen gibt Energie und Tempo vor` / `«Rain» aber …`).
                Join::Space => {
                    let long = !short[k] || body.words(k) >= MIN_CAPITAL_CONTINUATION_WORDS;
                    let sentence = body.ending(k) == Ending::Terminal;
                    let evidence = || {
                        let (strong, seldom) = evidence();
                        if between.is_empty() {
                            strong
                                || (closed
                                    && sentence
                                    && ((comma && long)
                                        || (seldom
                                            && running_text(
                                                text,
                                                facts_i,
                                                body.words(i),
                                                language,
                                            )
                                            && (facts_i.sentence_inside(text) || long_sentence()))))
                        } else {
                            furniture_between && (strong || seldom || comma)
                        }
                    };
                    // A quoted word in lower case (`jak okiwała` / `“libków” i …`) goes on as a word in lower case
                    // does, after a first half too long for a label: a paragraph of its own opens a quote with a
                    // capital. A word with a capital inside (`“iPhone”`) is a name.
                    let lower_quoted = || {
                        quoted.is_some_and(char::is_lowercase)
                            && !first_word(next_text).contains(char::is_uppercase)
                    };
                    (quoted.is_some_and(char::is_alphanumeric)
                        && long_first
                        && !(between.is_empty() && headline())
                        && (long || sentence)
                        && evidence())
                        || (long_first && furniture_between && lower_quoted())
                }
            };
            if continues {
                return Some(Break {
                    prev: i,
                    next: k,
                    join,
                });
            }
        }
        if !short[k] || next.kind != BlockKind::Paragraph {
            return None;
        }
        // A short line has its facts: whether it reads as text is asked of each of its texts once.
        let text_like = || {
            facts[k]
                .as_ref()
                .map_or_else(|| text_like(next_text), |f| f.text_like(next_text))
        };
        // A line that closes a markdown link opened above it (`* [![](photo.jpg)` / `Title of a story](/story)`)
        // is the rest of that link's text, not furniture, however often its words repeat: taking it out would
        // leave the link open and run the text below into it.
        if matches!(body.ending(k), Ending::Colon | Ending::Hyphen)
            || (!shaped[k] && !repeated(k) && text_like())
            || closes_link_opened_before(next_text)
        {
            return None;
        }
        between.push(k);
    }
    None
}

/// Whether emphasis opened in `first` is closed in `second`: the last run of `*` in `first` opens (after a space or
/// a bracket, before a word) and is the odd one of the runs of its length there, and the first run of that length
/// in `second` closes (after a word, not before one) and is the odd one there too. A paragraph holds its emphasis
/// whole, so a span across two is a paragraph cut in two, in any language.
fn emphasis_across(first: &str, second: &str) -> bool {
    let (first, second) = (first.trim_end(), second.trim_start());
    let runs = |text: &str| -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let bytes = text.as_bytes();
        let mut at = 0;
        while let Some(found) = memchr::memchr(b'*', &bytes[at..]) {
            let start = at + found;
            let len = bytes[start..].iter().take_while(|&&b| b == b'*').count();
            runs.push((start, len));
            at = start + len;
        }
        runs
    };
    let (before, after) = (runs(first), runs(second));
    let Some(&(start, len)) = before.last() else {
        return false;
    };
    let opens = first[..start]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "([\"“„«‘".contains(c))
        && first[start + len..].starts_with(char::is_alphanumeric);
    let Some(&(close, _)) = after.iter().find(|&&(_, l)| l == len) else {
        return false;
    };
    let closes = second[..close].ends_with(|c: char| !c.is_whitespace())
        && !second[close + len..].starts_with(char::is_alphanumeric);
    let odd = |runs: &[(usize, usize)]| runs.iter().filter(|&&(_, l)| l == len).count() % 2 == 1;
    opens && closes && odd(&before) && odd(&after)
}

/// The text of the markdown link that opens `text` (`[Trista Best](https://…). “You …` gives `Trista Best`), or
/// `None` when `text` opens otherwise: an image (`![…](…)`), a footnote mark (`[^1]`) or a bracket without a link
/// target (`[Editor's note: …]`) is no word of the sentence.
fn link_text(text: &str) -> Option<&str> {
    let inner = text.trim_start().strip_prefix('[')?;
    let close = inner.find(']')?;
    inner[close + 1..]
        .starts_with('(')
        .then_some(&inner[..close])
}

/// Whether `text` ends on a quote mark closed right after a word or a comma, with no sentence end inside the quote
/// (`… is “isolated and unrelated”`, `… of goods,"`, `„Hilfe“`, `„Fall ‚ohne Folgen‘“`): [`ending`] reads every
/// closing quote as the end of a sentence, since a quoted title may end a paragraph, but the sentence around the
/// quote has not ended. A word may end on an apostrophe inside the quote (`“the workers’”`).
fn quote_closed_mid_sentence(text: &str) -> bool {
    let t = text.trim_end();
    let core = without_closing_quotes(t);
    let word_end = |c: char| c.is_alphanumeric() || c == ',';
    core.len() < t.len()
        && (core.ends_with(word_end)
            || core
                .strip_suffix(['’', '\''])
                .is_some_and(|word| word.ends_with(char::is_alphanumeric)))
}

/// `text` (white space at its end aside) without the quote marks that close quotes at its end. `"`, `”`, `»` and,
/// as German prints them, `“` and `«` close a quote wherever they end a text after a word. The single marks double
/// as apostrophes (`the workers’`, `the players'`), so `’`, `'` and the German `‘` close one only where the text
/// opens a quote with their opening mark at the start of a word (`‘` or `’`, `'`, `‚`) that is still open.
fn without_closing_quotes(text: &str) -> &str {
    let mut core = text.trim_end();
    while let Some(c) = core.chars().next_back() {
        let rest = &core[..core.len() - c.len_utf8()];
        let closes = match c {
            '"' | '”' | '»' | '“' | '«' => true,
            '’' => single_quote_open(rest, &['‘', '’'], '’'),
            '\'' => single_quote_open(rest, &['\''], '\''),
            '‘' => single_quote_open(rest, &['‚'], '‘'),
            _ => false,
        };
        if !closes {
            break;
        }
        core = rest;
    }
    core
}

/// Whether `text` leaves a quote open that one of `openers` opened at the start of a word (after a space, a bracket
/// or another quote mark, before a letter or a digit) and no `closer` closed at the end of a word. A mark between two
/// letters (`it’s`, `don't`) is an apostrophe, which neither opens nor closes.
fn single_quote_open(text: &str, openers: &[char], closer: char) -> bool {
    let mut open = false;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        if openers.contains(&c)
            && prev.is_none_or(|p| p.is_whitespace() || "([\"“„«»—–".contains(p))
            && next.is_some_and(char::is_alphanumeric)
        {
            open = true;
        } else if c == closer
            && prev.is_some_and(|p| !p.is_whitespace())
            && next.is_none_or(|n| !n.is_alphanumeric())
        {
            open = false;
        }
        prev = Some(c);
    }
    open
}

/// Whether `text` opens with a dash and a space before a lower-case word (`— and some even assert …`, `– was für
/// manche …`): the rest of a sentence after a parenthesis or an aside, which no paragraph opens with. A line of
/// dialogue opens with a dash before a capital (`— Yes, he said.`), a list item with a dash and no more.
fn dash_before_lowercase(text: &str) -> bool {
    text.trim_start()
        .strip_prefix(['—', '–'])
        .and_then(|t| t.strip_prefix(' '))
        .and_then(leading_char)
        .is_some_and(char::is_lowercase)
}

/// Whether `text` ends on a dash that stands alone after white space (`do it --`, `so —`), not on one attached to
/// a word or to a character that is no white space (`langfri\u{200b}-`, a hyphen behind an invisible character).
fn dash_after_space(text: &str) -> bool {
    let t = text.trim_end();
    let before = t.trim_end_matches(['-', '‐', '—', '–']);
    before.len() < t.len() && before.ends_with(char::is_whitespace)
}

/// Whether the second word of `text` is a number (`May 2017`, `June 5`): a month or a name before a date, not an
/// auxiliary, which a verb follows.
fn second_word_a_number(text: &str) -> bool {
    text.split_whitespace()
        .nth(1)
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
}

/// What the whole document tells about how its paragraphs end, for finding where one was cut.
struct Reading<'r> {
    /// The language of its function words, worked out when first asked.
    language: &'r dyn Fn() -> Option<Language>,
    /// Whether it ends its paragraphs with sentence ends ([`ends_in_sentences`]).
    closed: bool,
    /// Whether it ends with sentence ends its paragraphs that hold a sentence end inside ([`ends_in_sentences`]).
    closed_running: bool,
    /// How many blocks stand above its first paragraph of running text (the masthead, the title).
    top_blocks: usize,
    /// What the text of each block tells alone.
    texts: &'r [Rc<TextFacts>],
    /// Which words it writes, and how.
    words: &'r Words<'r>,
}

/// The whole words a document writes, and how: which of them it writes with a capital inside a sentence, in lower
/// case, or side by side with another on one line. The first [`SCANS_BEFORE_INDEX`] questions of an analysis are
/// answered by reading the text where the word stands (a byte searcher, fast); after them, by an index of the whole
/// text made once and shared by the rest of the analysis. Reading the whole text again for every boundary made a
/// document of many short open paragraphs quadratic (every boundary asks, up to ten passes); indexing every
/// document costs more than the few questions most of them ask. The index answers as the reading does, a first
/// half's last word that ends on punctuation (`Court,`) included; a word it cannot answer alone (one holding a
/// character that is no part of a word, such as the combining dot that `İ` gets in lower case) is read in the text
/// after the index has said that it may stand there.
///
/// A later pass over the document asks mostly what the earlier one asked, of blocks mostly as they were: the
/// answers are kept from analysis to analysis ([`WordAnswers`]) with the blocks they hold for, and each answer is
/// the same over any blocks of the same texts, since it is true when one block says so.
struct Words<'a> {
    body: &'a Body<'a>,
    /// How many more questions are answered by reading the text before the index is made (see
    /// [`SCAN_BYTES_BEFORE_INDEX`]).
    scans_left: Cell<usize>,
    index: OnceCell<WordIndex<'a>>,
    /// The [`TextFacts`] of each block, which name its text in the [`WordAnswers`]; empty when nothing is kept.
    texts: &'a [Rc<TextFacts>],
    /// The answers of an earlier analysis, over its blocks.
    kept: WordAnswers,
    /// The blocks of this body whose texts the earlier analysis did not read, found when first needed.
    added: OnceCell<Vec<usize>>,
    /// The texts of this body ([`text_id`]), found when first needed.
    present: OnceCell<HashSet<usize>>,
    /// The answers of this analysis.
    found: RefCell<HashMap<Asked, Found>>,
}

/// What an analysis found of a document's words ([`Words`]), for the next analysis of the same document: the
/// answers, and the block texts they hold for. A block text is named by its [`TextFacts`], which the memo of the
/// passes keeps one of per distinct text.
#[derive(Debug, Default)]
pub(crate) struct WordAnswers {
    /// The facts of each block text read (kept alive, so that no other text takes the address that names it).
    blocks: HashMap<usize, Rc<TextFacts>>,
    /// The answers.
    answers: HashMap<Asked, Found>,
}

/// A question asked of [`Words`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Asked {
    /// [`Words::as_name`].
    Name(Box<str>),
    /// [`Words::in_lower_case`], with the word lowercased.
    Lower(Box<str>),
    /// [`Words::together`].
    Together(Box<str>, Box<str>),
}

/// An answer of [`Words`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// Yes, in the block whose text is named (when the index, which names none, did not answer).
    Yes(Option<usize>),
    /// No block says so.
    No,
}

/// The name of a block's text in the [`WordAnswers`]: the address of its [`TextFacts`].
fn text_id(facts: &Rc<TextFacts>) -> usize {
    Rc::as_ptr(facts) as usize
}

/// The questions of one analysis that [`Words`] answers by reading the text before it indexes the text. Measured
/// with callgrind on the paged-text dev set (release build): indexing every analysis that asks anything cost 535.5
/// M -> 788.2 M instructions, about fifty times what reading the text for one question costs, and few analyses ask
/// more than a few dozen questions. So a document pays at most this many readings of its text beside one index.
const SCANS_BEFORE_INDEX: usize = 64;

/// The bytes that the readings of [`SCANS_BEFORE_INDEX`] may read in all before [`Words`] indexes the text: 64
/// readings of a 64 KiB text, longer than any article of the dev sets. A longer text gets fewer readings (a text of
/// 20 MB none: each reading costs as much as the index), so the readings cost at most this much per analysis.
const SCAN_BYTES_BEFORE_INDEX: usize = SCANS_BEFORE_INDEX << 16;

/// What [`Words`] keeps of a document's text.
#[derive(Default)]
struct WordIndex<'a> {
    /// Every whole word: a longest run of letters, digits, hyphens and apostrophes (what [`whole_word`] bounds).
    all: HashSet<&'a str>,
    /// The words starting with a capital that stand after white space after a lower-case letter.
    names: HashSet<&'a str>,
    /// Each word that stands after spaces or tabs on its line, with the whole word that ends the text before the
    /// spaces (empty when that text ends on punctuation).
    pairs: HashSet<(&'a str, &'a str)>,
    /// The same, with the end of the text before the spaces that is no whole word (`Court,`, `3.5`): each tail of
    /// the text's last run of non-white-space characters that opens on a letter or a digit after a character that
    /// is no part of a word, as [`last_word`] gives a first half's last word.
    tails: HashSet<(&'a str, &'a str)>,
}

impl<'a> Words<'a> {
    fn new(body: &'a Body<'a>) -> Words<'a> {
        let scans = SCANS_BEFORE_INDEX.min(SCAN_BYTES_BEFORE_INDEX / body.text.len().max(1));
        Words {
            body,
            scans_left: Cell::new(scans),
            index: OnceCell::new(),
            texts: &[],
            kept: WordAnswers::default(),
            added: OnceCell::new(),
            present: OnceCell::new(),
            found: RefCell::new(HashMap::default()),
        }
    }

    /// These words, answering from `kept` (what an earlier analysis found) where it holds for this body, whose
    /// blocks have the facts `texts`.
    fn carrying(self, texts: &'a [Rc<TextFacts>], kept: WordAnswers) -> Words<'a> {
        Words {
            texts,
            kept,
            ..self
        }
    }

    /// What this analysis found, for the next one: its answers, and those kept that still hold (a yes whose block
    /// text is still there).
    fn take_answers(&self) -> WordAnswers {
        let mut answers = self.found.take();
        let present = self.present.get();
        for (asked, &found) in &self.kept.answers {
            if let Found::Yes(Some(id)) = found {
                if present.is_some_and(|p| p.contains(&id)) {
                    answers.entry(asked.clone()).or_insert(found);
                }
            }
        }
        // A yes without its block (from the index) is not kept: the next body may lack that block.
        answers.retain(|_, found| *found != Found::Yes(None));
        // Only a no needs the blocks it holds for: the next analysis reads again the blocks it did not.
        let blocks = if answers.values().any(|&found| found == Found::No) {
            self.texts
                .iter()
                .map(|t| (text_id(t), Rc::clone(t)))
                .collect()
        } else {
            HashMap::default()
        };
        WordAnswers { blocks, answers }
    }

    /// The answer to `asked`: found in this analysis, or kept from the earlier one where it holds for this body
    /// (a yes whose block text is still there; a no, unless a block text that analysis did not read says yes, in
    /// `scan`), or else found by `ask` over the whole body. `scan` reads the blocks given and returns one that
    /// says yes; `ask` answers over every block: `None` for no, the block that says yes when it read the text.
    fn answer(
        &self,
        asked: Asked,
        scan: impl Fn(&mut dyn Iterator<Item = usize>) -> Option<usize>,
        ask: impl FnOnce() -> Option<Option<usize>>,
    ) -> bool {
        if let Some(&found) = self.found.borrow().get(&asked) {
            return found != Found::No;
        }
        let named = |b: usize| self.texts.get(b).map(text_id);
        let found = match self.kept.answers.get(&asked) {
            Some(&Found::Yes(Some(id))) if self.present().contains(&id) => Found::Yes(Some(id)),
            Some(Found::No) => {
                let added = self.added.get_or_init(|| {
                    (0..self.texts.len())
                        .filter(|&b| !self.kept.blocks.contains_key(&text_id(&self.texts[b])))
                        .collect()
                });
                scan(&mut added.iter().copied()).map_or(Found::No, |b| Found::Yes(named(b)))
            }
            _ => ask().map_or(Found::No, |b| Found::Yes(b.and_then(named))),
        };
        self.found.borrow_mut().insert(asked, found);
        found != Found::No
    }

    /// The texts of this body ([`text_id`]).
    fn present(&self) -> &HashSet<usize> {
        self.present
            .get_or_init(|| self.texts.iter().map(text_id).collect())
    }

    /// Words whose questions are all answered by the index.
    #[cfg(test)]
    fn indexed(body: &'a Body<'a>) -> Words<'a> {
        let words = Words::new(body);
        words.scans_left.set(0);
        words
    }

    /// The index, once the questions read in the text are used up (then made if not yet made).
    fn index(&self) -> Option<&WordIndex<'a>> {
        if self.index.get().is_none() {
            let left = self.scans_left.get();
            if left > 0 {
                self.scans_left.set(left - 1);
                return None;
            }
        }
        Some(self.index.get_or_init(|| {
            let mut index = WordIndex::default();
            for b in 0..self.body.blocks.len() {
                let text = self.body.block_text(b);
                let mut start = None;
                // Where the run of characters that are no white space holding the word starts.
                let mut run = 0;
                // A character that is no part of a word after the text ends the last word.
                for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
                    match (word_char(c), start) {
                        (true, None) => start = Some(at),
                        (false, Some(s)) => {
                            // A word inside an address is no word of the text (see `in_address`); it never
                            // opens its run, so it is neither a name nor half of a phrase either.
                            if !in_address(&text[run..s]) {
                                index.add(text, s, at);
                            }
                            start = None;
                        }
                        _ => {}
                    }
                    if c.is_whitespace() {
                        run = at + c.len_utf8();
                    }
                }
            }
            index
        }))
    }

    /// Whether the document writes `word` with a capital inside a sentence: right after a lower-case word and no
    /// punctuation, as a whole word (`said Megan Baldridge`, `sollen alle Ärzte`), in one of its blocks. Such
    /// words are names, and nouns in a language that capitalises them; one at the start of a paragraph says
    /// nothing of a sentence starting there.
    fn as_name(&self, word: &str) -> bool {
        if !word.starts_with(char::is_uppercase) {
            return false;
        }
        let scan = |blocks: &mut dyn Iterator<Item = usize>| {
            as_name_in(self.body, Blocks::Some(blocks), word)
        };
        self.answer(Asked::Name(word.into()), scan, || match self.index() {
            Some(index) if is_word(word) => index.names.contains(word).then_some(None),
            Some(index) if !index.may_stand(word) => None,
            _ => as_name_in(self.body, Blocks::All, word).map(Some),
        })
    }

    /// Whether the document writes `word` (capitalised; false for a word without capitals) in lower case
    /// somewhere, as a whole word: a common word (`last`, `we`), which a capital at the start of a paragraph marks
    /// as the start of a sentence, not a name or a noun going on with one. Addresses are not read ([`in_address`]):
    /// `health.harvard.edu` in a link's target does not make `Harvard` a common word.
    fn in_lower_case(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        if lower == word {
            return false;
        }
        let scan = |blocks: &mut dyn Iterator<Item = usize>| {
            in_lower_case_in(self.body, Blocks::Some(blocks), &lower)
        };
        self.answer(Asked::Lower(lower.as_str().into()), scan, || {
            match self.index() {
                Some(index) if is_word(&lower) => {
                    index.all.contains(lower.as_str()).then_some(None)
                }
                Some(index) if !index.may_stand(&lower) => None,
                _ => in_lower_case_in(self.body, Blocks::All, &lower).map(Some),
            }
        })
    }

    /// Whether the document writes `last` and `next` side by side as whole words on one line, spaces between
    /// them, in one of its blocks (`Emmanuel Macron`, `Supreme Court`): the phrase that joining a first half ending
    /// on `last` to a second half opening on `next` would make stands elsewhere in the text. Two words a line end
    /// apart are no phrase: the lines of a menu or a list stand one above the other in one block of paged text.
    fn together(&self, last: &str, next: &str) -> bool {
        if last.is_empty() || next.is_empty() {
            return false;
        }
        // The text before the spaces ends with `last`, so the word that ends it is the one that ends `last`.
        let key = (trailing_word(last), next);
        let scan = |blocks: &mut dyn Iterator<Item = usize>| {
            together_in(self.body, Blocks::Some(blocks), last, next)
        };
        let asked = Asked::Together(last.into(), next.into());
        self.answer(asked, scan, || match self.index() {
            Some(index) if is_word(last) && is_word(next) => {
                index.pairs.contains(&key).then_some(None)
            }
            Some(index) if is_word(next) && last.starts_with(char::is_alphanumeric) => {
                index.tails.contains(&(last, next)).then_some(None)
            }
            _ => together_in(self.body, Blocks::All, last, next).map(Some),
        })
    }
}

impl<'a> WordIndex<'a> {
    /// Whether `text`, standing as a whole word that holds a character that is no part of a word, may stand in the
    /// document: there it opens with a whole word, the word characters that open `text`.
    fn may_stand(&self, text: &str) -> bool {
        let lead = leading_word(text);
        lead.is_empty() || self.all.contains(lead)
    }

    /// Adds the whole word `text[s..e]`.
    fn add(&mut self, text: &'a str, s: usize, e: usize) {
        let word = &text[s..e];
        self.all.insert(word);
        if word.starts_with(char::is_uppercase) {
            let before = text[..s].trim_end();
            if before.len() < s && before.ends_with(char::is_lowercase) {
                self.names.insert(word);
            }
        }
        let before = text[..s].trim_end_matches(PHRASE_SPACES);
        if !before.is_empty() && before.len() < s {
            self.pairs.insert((trailing_word(before), word));
            let run = before.rsplit(char::is_whitespace).next().unwrap_or(before);
            let mut after_word_char = false;
            for (at, c) in run.char_indices() {
                if alphanumeric(c) && !after_word_char && !is_word(&run[at..]) {
                    self.tails.insert((&run[at..], word));
                }
                after_word_char = word_char(c);
            }
        }
    }
}

/// What stands between the two words of a phrase on one line: spaces, tabs, no-break spaces.
const PHRASE_SPACES: [char; 3] = [' ', '\t', '\u{a0}'];

/// Whether `c` is part of a word for [`whole_word`]: a letter, a digit, a hyphen or an apostrophe.
fn word_char(c: char) -> bool {
    alphanumeric(c) || matches!(c, '-' | '\'' | '’')
}

/// [`char::is_alphanumeric`], with the characters of one and two bytes in UTF-8 told by a table: the word index
/// reads every character of a long text in each pass, and in a text of Cyrillic letters (a Russian article of the
/// printed dev set) the standard library's lookup of each letter was a fifth of a 2 MB run.
fn alphanumeric(c: char) -> bool {
    match u32::from(c) {
        0..0x80 => c.is_ascii_alphanumeric(),
        code @ 0x80..0x800 => TWO_BYTE_ALPHANUMERIC.has(code as usize),
        _ => c.is_alphanumeric(),
    }
}

/// Which characters of two bytes in UTF-8 are letters or digits ([`alphanumeric`]).
static TWO_BYTE_ALPHANUMERIC: LazyLock<TwoByteTable> =
    LazyLock::new(|| TwoByteTable::of(char::is_alphanumeric));

/// Whether `text` is one whole word and nothing more (not empty).
fn is_word(text: &str) -> bool {
    !text.is_empty() && text.chars().all(word_char)
}

/// The word characters that open `text` (empty when it opens on another character).
fn leading_word(text: &str) -> &str {
    &text[..text.len() - text.trim_start_matches(word_char).len()]
}

/// The word characters that end `text` (empty when it ends on another character).
fn trailing_word(text: &str) -> &str {
    &text[text.trim_end_matches(word_char).len()..]
}

/// [`Words::as_name`], read in the text of `blocks` where `word` stands: the first block that says yes.
fn as_name_in(body: &Body<'_>, blocks: Blocks<'_>, word: &str) -> Option<usize> {
    first_block_holding(body, blocks, word, |text, at| {
        // The word stands here whole, after white space (`first_word` of what follows is it).
        let before = text[..at].trim_end();
        whole_word(text, at, word.len())
            && before.len() < at
            && before.ends_with(char::is_lowercase)
    })
}

/// The first of `blocks` that writes `lower` as a whole word, read in the text where it stands
/// ([`Words::in_lower_case`]).
fn in_lower_case_in(body: &Body<'_>, blocks: Blocks<'_>, lower: &str) -> Option<usize> {
    first_block_holding(body, blocks, lower, |text, at| {
        whole_word(text, at, lower.len()) && !in_address(run_before(text, at))
    })
}

/// The blocks a word question reads: all of a body's, or some (those an earlier analysis did not read).
enum Blocks<'i> {
    /// Every block, in order.
    All,
    /// These, in order.
    Some(&'i mut dyn Iterator<Item = usize>),
}

/// The first of `blocks` (in order) where `needle` stands at a byte `at` of its text for which `holds(text, at)`,
/// the matches of each block found as `memmem::Finder::find_iter` finds them in its text. Every block is read by
/// one searcher over the body's text from the first block to the last, not one search a block: a question costs a
/// reading of the text, not a setup per block (callgrind: a searcher started per block and per question was some 4%
/// of paged text, whose documents hold thousands of short blocks). The answer is the same: the needle holds no
/// white space (it is a word), and the blocks of a body are parted by line breaks, so no match starts in one block
/// and ends in another or between two, and the matches of the whole text that lie in a block are those of its own
/// text, leftmost first and without overlaps. Should a match lie across the start or the end of a block all the
/// same, the blocks are read one by one.
fn first_block_holding(
    body: &Body<'_>,
    blocks: Blocks<'_>,
    needle: &str,
    holds: impl Fn(&str, usize) -> bool,
) -> Option<usize> {
    let finder = memmem::Finder::new(needle);
    let one_by_one = |blocks: &mut dyn Iterator<Item = usize>| {
        Iterator::find(&mut &mut *blocks, |&i| {
            let text = body.block_text(i);
            finder.find_iter(text.as_bytes()).any(|at| holds(text, at))
        })
    };
    let blocks = match blocks {
        Blocks::Some(blocks) => return one_by_one(blocks),
        Blocks::All => &body.blocks,
    };
    let (span, _) = body.span()?;
    let mut b = 0;
    for at in finder.find_iter(&body.text.as_bytes()[span.clone()]) {
        let (start, end) = (span.start + at, span.start + at + needle.len());
        // The first block that ends with the match or after it (the span ends with the last block).
        while blocks[b].range.end < end {
            b += 1;
        }
        let range = &blocks[b].range;
        if start >= range.start {
            if holds(body.block_text(b), start - range.start) {
                return Some(b);
            }
            continue;
        }
        let after_last = b
            .checked_sub(1)
            .is_none_or(|p| blocks[p].range.end <= start);
        if end > range.start || !after_last {
            return one_by_one(&mut (0..blocks.len()));
        }
    }
    None
}

/// Whether `run`, the characters before a word since the last white space, puts the word inside an address: a link's
/// target (`](https://www.health.harvard.edu/…)`, `](/world/…)`), a URL (`https://…`) or a bare `www.` name. An
/// address is no text: its words (`harvard`, the slug's `of`) say nothing of how the text writes them, and a name
/// linked to its site would otherwise read as a word the document writes in lower case.
fn in_address(run: &str) -> bool {
    [&b"]("[..], b"://", b"www."]
        .iter()
        .any(|mark| memmem::find(run.as_bytes(), mark).is_some())
}

/// The characters of `text` before byte `at` since the last white space.
fn run_before(text: &str, at: usize) -> &str {
    let before = &text[..at];
    &before[before.trim_end_matches(|c: char| !c.is_whitespace()).len()..]
}

/// [`Words::together`], read in the text of `blocks` where `next` stands: the first block that says yes.
fn together_in(body: &Body<'_>, blocks: Blocks<'_>, last: &str, next: &str) -> Option<usize> {
    first_block_holding(body, blocks, next, |text, at| {
        let before = text[..at].trim_end_matches(PHRASE_SPACES);
        before.len() < at
            && whole_word(text, at, next.len())
            && before.ends_with(last)
            && whole_word(text, before.len() - last.len(), last.len())
    })
}

/// Whether the `len` bytes of `text` from `at` are a whole word: no letter, digit, hyphen or apostrophe right
/// before or after them.
fn whole_word(text: &str, at: usize, len: usize) -> bool {
    !text[..at].chars().next_back().is_some_and(word_char)
        && !text[at + len..].chars().next().is_some_and(word_char)
}

/// Whether `text` (of `words` words) is running text: long, mostly lowercase, its last sentence not a short line
/// of its own. In a language that writes its nouns with a capital (`language`), two words in five in lower case
/// are enough: a German sentence capitalises its nouns, a heading rarely runs to that many words.
/// `facts` are the [`TextFacts`] of `text`.
fn running_text(
    text: &str,
    facts: &TextFacts,
    words: usize,
    language: &dyn Fn() -> Option<Language>,
) -> bool {
    words >= MIN_RUNNING_WORDS
        && facts.long_last_sentence(text)
        && (facts.mostly_lowercase(text)
            || (facts.lowercase_share(text, NOUN_CASE_LOWER_SHARE)
                && language().is_some_and(Language::capitalises_nouns)))
}

/// The share of lower-case words (numerator, denominator) over which running text in a language that capitalises
/// its nouns reads as text.
const NOUN_CASE_LOWER_SHARE: (usize, usize) = (2, 5);

/// Whether a line reads as text rather than as a header or a footer: it ends a sentence, or holds a sentence end
/// followed by another sentence.
fn text_like(text: &str) -> bool {
    let t = text.trim();
    ending(t) == Ending::Terminal || sentence_inside(t)
}

/// Whether a sentence ends inside `text` and another starts: two lower-case letters, `.`, `!` or `?`, white space, an
/// upper-case letter (maybe after emphasis or a quote mark).
fn sentence_inside(text: &str) -> bool {
    sentence_starts(text).next().is_some()
}

/// The text of the last sentence of `text` (all of it when no sentence ends inside it).
fn last_sentence(text: &str) -> &str {
    &text[sentence_starts(text).next_back().unwrap_or(0)..]
}

/// Where the sentences after the first start in `text`, by the shape of [`sentence_inside`], in order from either
/// end. The sentence ends are found by a byte searcher: `.`, `!` and `?` are ASCII, so no byte of another character
/// is one, and only the two characters before each are read (most of a paragraph is no sentence end; reading it
/// character by character cost more than any other part of the page analysis, issue 19).
fn sentence_starts(text: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()).filter_map(move |i| {
        let mut before = text[..i].chars().rev();
        let after_word = before.next().is_some_and(char::is_lowercase)
            && before.next().is_some_and(char::is_lowercase);
        if !after_word {
            return None;
        }
        // The next sentence may open with emphasis or a quote (`from? *Cindy, SC*`).
        let rest = &text[i + 1..];
        let start = rest.len() - rest.trim_start().len();
        let opening = rest[start..].trim_start_matches(['*', '_', '"', '“', '„', '«', '‘', '(']);
        (start > 0 && opening.starts_with(char::is_uppercase)).then_some(i + 1 + start)
    })
}

/// Whether a first half stops mid-clause: on a word after which no sentence of the document's language ends (an
/// article, a preposition, a conjunction, a determiner), inside a German noun phrase (`eine ökumenische`, `für
/// positive`), or inside an open quote or bracket.
/// Without a known language, only one- and two-letter lower-case words count (`in`, `of`, `на`, `de`): they are
/// function words in almost every language written with spaces.
/// `facts` are the [`TextFacts`] of `text`.
fn stops_mid_clause(
    text: &str,
    facts: &TextFacts,
    language: &dyn Fn() -> Option<Language>,
) -> bool {
    let t = text.trim_end();
    if facts.opened(text) {
        return true;
    }
    let last = last_word(t);
    match language() {
        Some(language) => {
            let before = last_word(&t[..t.len() - last.len()]);
            language.never_final(last)
                || language.awaits_noun(before, last)
                || language.awaits_noun_after_function_word(before, last)
        }
        None => {
            (1..=MAX_FUNCTION_WORD_CHARS).contains(&last.chars().count())
                && last.chars().all(char::is_lowercase)
        }
    }
}

/// Whether `text` (white space at its end aside) stops mid-clause in any language: inside an open quote or bracket
/// ([`unclosed`]), on a conjunction written as a sign (`Olive &` / `Herb`), or before a quote's speaker
/// ([`awaits_speaker`]).
fn opened(text: &str) -> bool {
    let t = text.trim_end();
    unclosed(t) || [" &", " +"].iter().any(|sign| t.ends_with(sign)) || awaits_speaker(t)
}

/// Whether `text` ends on the start of a quote's attribution: a quote closed with a comma, then at most
/// [`MAX_ATTRIBUTION_WORDS`] words and no end punctuation (`… there,” said` / `Megan Baldridge`, `„…“, sagte` /
/// `Müller`, `« … », a déclaré` / `Macron`). A comma at the close of a quote says the sentence goes on, in any
/// language that sets quotes apart with a comma.
fn awaits_speaker(text: &str) -> bool {
    let Some(at) = attribution_start(text) else {
        return false;
    };
    let tail = text[at..].trim_start_matches(|c: char| c == ',' || QUOTE_CLOSERS.contains(&c));
    let words = word_count(tail);
    (1..=MAX_ATTRIBUTION_WORDS).contains(&words)
        && tail.starts_with(char::is_whitespace)
        && !tail.contains([
            '"', '”', '“', '„', '«', '»', '(', ')', '.', '!', '?', ':', ';', ',',
        ])
}

/// The marks that close a quote, in the languages whose quotes [`awaits_speaker`] reads.
const QUOTE_CLOSERS: [char; 6] = ['"', '”', '’', '»', '«', '“'];

/// Where the attribution after a quote closed with a comma starts: after the last comma that a closing quote mark
/// follows (`,”`) or precedes (`”,`). Every such pair holds a comma, so only the commas are read, from the end (at
/// one comma, the pair after it ends later than the pair before it), not every character of the text.
fn attribution_start(text: &str) -> Option<usize> {
    memchr::memrchr_iter(b',', text.as_bytes()).find_map(|comma| {
        if text[comma + 1..].starts_with(QUOTE_CLOSERS) {
            Some(comma + 1)
        } else {
            text[..comma].ends_with(QUOTE_CLOSERS).then_some(comma)
        }
    })
}

/// The most words between a quote closed with a comma and the end of a first half that still wait for the speaker
/// (`,” said` / `Megan`, `,” she told` / `Reuters`).
const MAX_ATTRIBUTION_WORDS: usize = 3;

/// Whether running text (`words` words, mostly lowercase, its last sentence not a short line of its own) that ends
/// without punctuation stops mid-clause before `next`, which starts with a capital, by evidence weaker than
/// [`stops_mid_clause`] that needs a document whose paragraphs end with sentence ends:
/// - in a language that writes only names with a capital, a name in progress: the last word is capitalised and
///   follows a word or a comma, so it starts no sentence and is no site name after a separator, in a first half of
///   twelve words or more or holding a comma, which a heading seldom does (`said Bruce` / `Bagley`, `in the San` /
///   `Diego`, not `… | CNBC`, not `Le trésorier du Modem`);
/// - a word after which a sentence seldom ends (`in` / `Japan`, `sollen alle` / `Ärzte`), also at the end of a last
///   sentence of [`MIN_BEGUN_CLAUSE_WORDS`] words or more in a paragraph otherwise running text (`… Egal, ob bei` /
///   `Transfers`);
/// - in a language that writes its nouns with a capital, an adjective waiting for its noun (`angesichts schwacher`
///   / `Konsumwerte`, `an weiteren` / `Neuerungen`).
///
/// The second half must not start with a function word (`The`, `El`, `From`): a capitalised function word starts
/// a sentence, a name or a noun continues one.
fn open_before_capital(
    text: &str,
    facts: &TextFacts,
    words: usize,
    next: &str,
    language: &dyn Fn() -> Option<Language>,
) -> bool {
    // A heading or a label above the text is short, or ends a longer paragraph as a short sentence of its own
    // (`… on the train? A Twitter Thread`).
    // A short last sentence that stops on a word after which sentences seldom end is a clause begun, not a label
    // (`… Egal, ob bei` / `Transfers …`, `… It’s possible that` / `U.S. consumers …`): a label ends on its name.
    let clause_begun = || {
        words >= MIN_RUNNING_WORDS
            && facts.mostly_lowercase(text)
            && word_count(last_sentence(text)) >= MIN_BEGUN_CLAUSE_WORDS
            && language().is_some_and(|l| l.seldom_final(last_word(text.trim_end())))
    };
    if !running_text(text, facts, words, language) && !clause_begun() {
        return false;
    }
    // A number opens a list item (`171. What …`); a name or a noun starts with a letter.
    let next_word = first_word(next);
    if !next_word.starts_with(char::is_uppercase) {
        return false;
    }
    let t = text.trim_end();
    let last = last_word(t);
    let before = t[..t.len() - last.len()].trim_end();
    let Some(language) = language() else {
        return false;
    };
    if language.never_final(next_word) || language.seldom_final(next_word) {
        return false;
    }
    // A label or a heading ending on a name (`Le trésorier du Modem`) is short and holds no comma.
    let name = !language.capitalises_nouns()
        && (words >= MIN_LONG_SENTENCE_WORDS || text.contains(','))
        && last.starts_with(char::is_uppercase)
        && before.ends_with(|c: char| c.is_alphanumeric() || c == ',');
    name || language.seldom_final(last) || language.awaits_noun_loosely(last_word(before), last)
}

/// The words a short last sentence of running text has at least when it stops on a word after which sentences seldom
/// end, for [`open_before_capital`] to read it as a clause begun: a subject, a verb or a conjunction, and that word
/// (`Egal, ob bei`, `It’s possible that`). Two words are as often a label's (`Follow us`, `Read more`); the last
/// sentence of running text has [`MIN_MID_CLAUSE_WORDS`] words otherwise.
const MIN_BEGUN_CLAUSE_WORDS: usize = 3;

/// Whether running text (`words` words, mostly lowercase, its last sentence not a short line of its own) that holds a
/// sentence end, or is one long sentence below the lines on top (`long_sentence`: [`MIN_LONG_SENTENCE_WORDS`] words or
/// more; a heading is one short sentence), stops on a word without punctuation before `next`, which starts with a
/// capitalised word that is no function word of the language (a name, an acronym, a German noun; a function word would
/// start a sentence). The first half ends on the word, not on a link or a bracket (`[Title](https://…)`, a title above
/// the text). The last word is a lower-case one, or, in a language that writes its nouns with a capital, a noun after a
/// lower-case word (`nach nur einer halben Stunde` / `Satz eins.`): a capital there tells nothing of how the sentence
/// goes on. Evidence of a cut only in a document whose paragraphs end with sentence ends, beside a page number, or
/// with nothing between the halves when the document never writes the capitalised word in lower case.
fn cut_on_word(
    text: &str,
    facts: &TextFacts,
    words: usize,
    long_sentence: bool,
    next: &str,
    language: &dyn Fn() -> Option<Language>,
) -> bool {
    let next_word = first_word(next);
    let t = text.trim_end();
    let last = last_word(t);
    let before = t[..t.len() - last.len()].trim_end();
    let noun = || {
        language().is_some_and(Language::capitalises_nouns)
            && last.starts_with(char::is_uppercase)
            && before.ends_with(char::is_lowercase)
            && last_word(before).starts_with(char::is_lowercase)
    };
    running_text(text, facts, words, language)
        && (facts.sentence_inside(text) || long_sentence)
        && t.ends_with(char::is_alphanumeric)
        && (last.starts_with(char::is_lowercase) || noun())
        && next_word.starts_with(char::is_uppercase)
        && language().is_none_or(|l| !l.never_final(next_word) && !l.seldom_final(next_word))
}

/// Whether running text stops a sentence just begun, before `next`, which starts with a capitalised word that is no
/// function word (a name, a noun): `text` holds a sentence end, the text up to its last sentence is running text,
/// and the last sentence is at most [`MAX_BEGUN_WORDS`] words that end on a word and open on a function word of the
/// document's language (an article, a preposition, a particle: `… Niedersachsen. Auf` / `Grundlage des § 3 …`, `…
/// in India. The Lancet` / `Commission on pollution …`). A label added under a paragraph opens on a content word
/// (`Enjoy`) or runs longer (`A Twitter Thread`); a sentence of a paragraph ends on its punctuation.
fn sentence_begun(text: &str, next: &str, language: &dyn Fn() -> Option<Language>) -> bool {
    let t = text.trim_end();
    let Some(start) = sentence_starts(t).next_back() else {
        return false;
    };
    let (before, fragment) = t.split_at(start);
    let (opener, next_word) = (first_word(fragment), first_word(next));
    t.ends_with(char::is_alphanumeric)
        && word_count(fragment) <= MAX_BEGUN_WORDS
        && next_word.starts_with(char::is_uppercase)
        && running_text(before, &TextFacts::default(), word_count(before), language)
        && language().is_some_and(|l| {
            (l.never_final(opener) || l.seldom_final(opener))
                && !l.never_final(next_word)
                && !l.seldom_final(next_word)
        })
}

/// The most words of a sentence begun at the end of a first half that [`sentence_begun`] reads as cut: an article
/// and a name (`The Lancet`); a label of a few words added under a paragraph may open on a function word too (`A
/// Twitter Thread`).
const MAX_BEGUN_WORDS: usize = 2;

/// A first half of this many words below the lines on top is running text even when it is one sentence without a
/// comma: a heading is shorter (a title above the text may be longer).
const MIN_LONG_SENTENCE_WORDS: usize = 12;

/// The first word of `text`, without the punctuation or markup before it.
fn first_word(text: &str) -> &str {
    let t = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = t
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .unwrap_or(t.len());
    &t[..end]
}

/// The last word of `text` without the punctuation or markup before it.
fn last_word(text: &str) -> &str {
    text.split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// Whether the document ends its paragraphs with sentence ends: few long paragraphs end open before a block that
/// starts with a capital (an open end before a lower-case start is a split, not a style). The first answer reads
/// every long paragraph; the second only those that hold a sentence end inside (running text of several
/// sentences), so that headings and labels of one sentence without its period (`Your eyes may thank you if you
/// take a multivitamin every day`), which some documents print as plain paragraphs, do not hide how their running
/// text ends. Lines of an interview (`Q: Favorite books`, [`opens_on_label`]) are not counted, and an open end
/// counts only before a plain paragraph: before a heading, a bold line or a labelled line it is a caption or a
/// question, which a split never leaves (a heading does not continue a sentence). `texts` holds the [`TextFacts`] of each block, which keep whether a sentence ends inside it.
fn ends_in_sentences(body: &Body<'_>, texts: &[Rc<TextFacts>]) -> (bool, bool) {
    let (mut long, mut open) = (0, 0);
    let (mut long_running, mut open_running) = (0, 0);
    for (i, block) in body.blocks.iter().enumerate() {
        if block.kind != BlockKind::Paragraph
            || body.words(i) < MIN_RUNNING_WORDS
            || opens_on_label(body.block_text(i))
        {
            continue;
        }
        let next_upper = body.blocks.get(i + 1).is_some_and(|next| {
            next.kind == BlockKind::Paragraph
                && !opens_on_label(body.block_text(i + 1))
                && !body.block_text(i + 1).trim_start().starts_with("**")
                && leading_char(body.block_text(i + 1)).is_some_and(|c| !c.is_lowercase())
        });
        let open_here = usize::from(body.ending(i) == Ending::Open && next_upper);
        long += 1;
        open += open_here;
        if texts[i].sentence_inside(body.block_text(i)) {
            long_running += 1;
            open_running += open_here;
        }
    }
    (
        open <= 1 + long / OPEN_END_SHARE,
        open_running <= 1 + long_running / OPEN_END_SHARE,
    )
}

/// Whether a paragraph opens on a label closed by a colon (`Q:`, `A:`, `Frage:`, `**Interviewer:**`): a line of
/// an interview or a labelled note, which ends as its speaker talks, not as running text does. A label is one word
/// of at most [`MAX_LABEL_CHARS`] characters.
fn opens_on_label(text: &str) -> bool {
    let word = text.trim_start().trim_start_matches(['*', '_']);
    word.split_whitespace().next().is_some_and(|w| {
        let w = w.trim_end_matches(['*', '_']);
        w.strip_suffix(':').is_some_and(|label| {
            !label.is_empty()
                && label.chars().count() <= MAX_LABEL_CHARS
                && label.chars().all(char::is_alphabetic)
        })
    })
}

/// The most characters of a label opening an interview line: a speaker's initial (`Q`), a role (`Interviewer`) or
/// a surname (`Schneider`); a longer first word before a colon is more likely a word of a sentence.
const MAX_LABEL_CHARS: usize = 12;

/// Whether `text` leaves a quote or a bracket open: `(as in`, `“the`, `„die`, `« les`. Straight double quotes
/// count by parity; `“` closes a German `„` and opens an English quote; guillemets pointing inwards (`»die«`, as
/// German prints them) are read the other way round.
fn unclosed(text: &str) -> bool {
    // Without a bracket or a quote mark (`“„«»‹›` all start with byte 0xC2 or 0xE2) nothing is open.
    if !text
        .bytes()
        .any(|b| matches!(b, b'(' | b'[' | b'"' | 0xC2 | 0xE2))
    {
        return false;
    }
    // A lone `»` closes a French quote opened in an earlier paragraph: only a pair tells the direction.
    let inward = matches!((text.find('»'), text.find('«')), (Some(a), Some(b)) if a < b);
    let mut open: Vec<char> = Vec::new();
    let mut straight = false;
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(read) = chars.next() {
        let next = chars.peek().copied();
        let c = match read {
            '»' if inward => '«',
            '«' if inward => '»',
            '›' if inward => '‹',
            '‹' if inward => '›',
            c => c,
        };
        match c {
            '(' | '[' | '„' | '«' | '‹' => open.push(c),
            '“' if open.last() == Some(&'„') => {
                open.pop();
            }
            '“' => open.push(c),
            // A straight quote opens after a space or a bracket and before a word; elsewhere it closes one, or it
            // is an inch or a second mark (`65"`) and closes nothing.
            '"' if opens_quote(prev, next) => straight = true,
            '"' => straight = false,
            ')' | ']' | '”' | '»' | '›' => {
                let opener = match c {
                    ')' => &['('][..],
                    ']' => &['['][..],
                    '”' => &['“', '„'][..],
                    _ => &['«', '‹'][..],
                };
                if let Some(at) = open.iter().rposition(|o| opener.contains(o)) {
                    open.truncate(at);
                }
            }
            _ => {}
        }
        prev = Some(read);
    }
    straight || !open.is_empty()
}

/// Whether `text` closes a markdown link whose `[` stands before it: a `](` outside every bracket `text` opens.
fn closes_link_opened_before(text: &str) -> bool {
    let bytes = text.as_bytes();
    if memmem::find(bytes, b"](").is_none() {
        return false;
    }
    let mut depth = 0usize;
    for (at, &b) in bytes.iter().enumerate() {
        match b {
            b'[' => depth += 1,
            b']' if depth > 0 => depth -= 1,
            b']' if bytes.get(at + 1) == Some(&b'(') => return true,
            _ => {}
        }
    }
    false
}

fn opens_quote(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '['))
        && next.is_some_and(char::is_alphanumeric)
}

/// The share of words that start in lower case (numerator, denominator) over which a line reads as running text
/// rather than a title: most of its cased words.
const MOSTLY_LOWER_SHARE: (usize, usize) = (1, 2);

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

/// A single-line paragraph short enough to be a header, a footer or a page number.
fn is_short_line(body: &Body<'_>, i: usize) -> bool {
    let block = &body.blocks[i];
    if block.kind != BlockKind::Paragraph || block.lines != 1 {
        return false;
    }
    let text = body.block_text(i).trim();
    // At most that many characters: the count stops after it (a paragraph is one line of paged text). White space
    // around the text changes no word count: the block's own is the one counted once for all rules.
    body.words(i) <= MAX_FURNITURE_WORDS
        && (text.len() <= MAX_FURNITURE_CHARS || text.chars().nth(MAX_FURNITURE_CHARS).is_none())
}

/// A furniture line between two paragraphs of running text (not inside a table, a list or a run of short lines).
fn between_prose(body: &Body<'_>, i: usize, shaped: &[bool]) -> bool {
    let prose = |k: usize| {
        body.blocks[k].kind == BlockKind::Paragraph && body.words(k) >= MIN_RUNNING_WORDS
    };
    let n = body.blocks.len();
    let before = (i.saturating_sub(MAX_BETWEEN)..i)
        .rev()
        .find(|&k| !shaped[k]);
    let after = (i + 1..n.min(i + 1 + MAX_BETWEEN)).find(|&k| !shaped[k]);
    before.is_some_and(prose) || after.is_some_and(prose)
}

/// The words a paragraph before a page boundary has at least: running text, not a heading or a list item.
const MIN_PROSE_BEFORE_WORDS: usize = 12;
/// The words a paragraph after a page boundary has at least (the rest of a cut sentence can be short).
const MIN_PROSE_AFTER_WORDS: usize = 6;
/// Copies of a line that must stand at page boundaries before it counts as a running header or footer. Two is
/// enough: a short document has only two or three pages.
const MIN_RUNNING_COPIES: usize = 2;
/// Near copies (the same line with one part changed, see [`near_copies`]) of a line that make it a running
/// header: two others, three lines in all, since a changed part is weaker evidence than an exact copy.
const MIN_NEAR_COPIES: usize = 2;
/// A line in capitals is a header only from this many letters on: shorter ones are initials, units and roman
/// numerals of the text (`UK`, `KG`, `IV`).
const MIN_CAPITALS_LETTERS: usize = 3;
/// A part of a header that names something (a site, a section) has this many letters at least: fewer is a
/// number's label or an abbreviation (`p.`, `No`).
const MIN_NAME_LETTERS: usize = 3;
/// The most short lines a page boundary holds: a footer, a page number and a header. A longer run of short lines
/// is a list, a table or a block of facts, whose repeated labels are no furniture.
const MAX_FURNITURE_RUN: usize = 3;
/// The least text a printed page holds, in characters. Copies of a line closer together than this are part of
/// the text (a `Get it at Walmart` under each deal), not furniture printed once a page.
const MIN_PAGE_CHARS: usize = 1000;
/// One-word section names (in one case) found as furniture before another one-word label in that case at a page
/// boundary counts as one: one found could be a heading the document repeats; two are its habit.
const MIN_ONE_WORD_FURNITURE: usize = 2;
/// How far (a share of the median spacing of the furniture found) a section name may stand from where the
/// document's pages put the next boundary. Printed pages of one layout hold about as much text each; a quarter
/// allows for a page ending a chapter or holding a figure, and keeps out a subheading mid-page (half a page off).
const PAGE_SPACING_TOLERANCE: f64 = 0.25;

/// The least and most characters between two page boundaries whose pages are `page` characters long (see
/// [`PAGE_SPACING_TOLERANCE`]).
fn spacing_bounds(page: usize) -> (usize, usize) {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "a page's characters, far below 2^52, rounded"
    )]
    let off = (page as f64 * PAGE_SPACING_TOLERANCE).round() as usize;
    (page.saturating_sub(off), page + off)
}

/// The median number of characters between the page boundaries of `sure` (furniture lines, in order): lines
/// closer than [`MIN_PAGE_CHARS`] stand at one boundary (a footer, a header). `None` without two boundaries.
fn median_page_spacing(sure: &[usize], distances: &Distances<'_, '_>) -> Option<usize> {
    let mut gaps: Vec<usize> = sure
        .windows(2)
        .map(|w| distances.chars_between(w[0], w[1]))
        .filter(|&d| d >= MIN_PAGE_CHARS)
        .collect();
    gaps.sort_unstable();
    gaps.get(gaps.len() / 2).copied()
}

/// Whether short line `i` stands where a page boundary falls in running text: in a run of at most
/// [`MAX_FURNITURE_RUN`] short lines after a paragraph of running text (maybe cut mid-sentence) and before another.
fn at_page_boundary(body: &Body<'_>, i: usize, short: &[bool]) -> bool {
    let n = body.blocks.len();
    // Looking further than a run's length is no use: a longer run is no page boundary (and a document of short
    // lines only would cost the square of its length).
    let before = (i.saturating_sub(MAX_FURNITURE_RUN)..i)
        .rev()
        .find(|&k| !short[k]);
    let after = (i + 1..(i + 1 + MAX_FURNITURE_RUN).min(n)).find(|&k| !short[k]);
    let (Some(before), Some(after)) = (before, after) else {
        return false;
    };
    if after - before - 1 > MAX_FURNITURE_RUN {
        return false;
    }
    // A page boundary falls in running text, and in a long list item or quote as well.
    let paragraph = |k: usize, words: usize| {
        matches!(
            body.blocks[k].kind,
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote
        ) && body.words(k) >= words
    };
    paragraph(before, MIN_PROSE_BEFORE_WORDS)
        && body.ending(before) != Ending::Colon
        && paragraph(after, MIN_PROSE_AFTER_WORDS)
}

/// Whether short line `i` is a footer: a label holding no link, right above a page number, right below a paragraph
/// of running text cut mid-sentence (no end punctuation), with a paragraph after the page number. No heading
/// stands after a sentence cut mid-way, so the line belongs to the page, not to the text: `Continued on page 2`,
/// `Fortsetzung nächste Seite`, `Printed on 31.01.2022 from example.com`. After a paragraph that ends a sentence,
/// only a label that names a domain is one (`Gedruckt am 31.01.2022 von example.de` / `S. 1`): a heading or the
/// short first half of a split could stand there too, and a year or a separator is no evidence against either.
/// Asked only of a document that ends its paragraphs with sentence ends, where an open end is a cut and not a
/// style. Where the paragraph after the page number starts in lowercase, the line could be the first half of a
/// split itself (`How to grow it: FAQs` / `The answers below will help you have a clear` / `p. 3` / `and simple
/// picture …`), unless it is a short label starting with a capital below a paragraph cut mid-sentence (`… the
/// smallest of` / `Please turn over` / `2 | 3` / `its members …`): the cut sentence goes on after the page
/// number, and a paragraph cut so short after a heading is rare. There the paragraph above may be as short as the
/// last words of a sentence that a page's foot cut.
fn footer_above_page_number(body: &Body<'_>, i: usize, short: &[bool]) -> bool {
    let n = body.blocks.len();
    if i == 0 || i + 2 >= n || !short[i + 1] {
        return false;
    }
    let text = body.block_text(i);
    let paragraph = |k: usize| body.blocks[k].kind == BlockKind::Paragraph;
    let lower_after = leading_char(body.block_text(i + 2)).is_some_and(char::is_lowercase);
    // A label over the rest of a cut sentence: short, starting with a capital, below a cut.
    let footer_in_cut = lower_after
        && matches!(body.ending(i - 1), Ending::Open | Ending::Hyphen)
        && body.words(i) <= MAX_FOOTER_LABEL_WORDS
        && leading_char(text).is_some_and(char::is_uppercase);
    let min_above = if footer_in_cut {
        MIN_MID_CLAUSE_WORDS
    } else {
        MIN_RUNNING_WORDS
    };
    paragraph(i - 1)
        && body.words(i - 1) >= min_above
        && match body.ending(i - 1) {
            Ending::Open | Ending::Hyphen => true,
            // After a sentence end a heading could stand at the foot of a page, or the short first half of a
            // paragraph cut by the page break (`In 2019 the company said`); a line naming a domain does neither.
            Ending::Terminal => holds_domain(text),
            _ => false,
        }
        && page_number(body.block_text(i + 1).trim())
        && paragraph(i + 2)
        && body.words(i + 2) >= MIN_PROSE_AFTER_WORDS
        && (!lower_after || footer_in_cut)
        && !holds_link(text)
        && is_label(text)
}

/// The most words of a footer label over the rest of a sentence cut by its page (`Please turn over`, `Continued
/// on the next page`, `Fortsetzung auf der nächsten Seite`): the first half of a paragraph cut right after a
/// heading is as short only when the page ends a few words into it.
const MAX_FOOTER_LABEL_WORDS: usize = 5;

/// For each block, whether it is one of a pair of short lines: a footer naming the page's address
/// ([`url_line`]: `Source: https://example.com/a`; [`dated_domain`]: `Printed on 31.01.2022 from example.com`;
/// [`labelled_domain`]: `Druckversion – example.de`), or a header holding its page number ([`numbered_header`]:
/// `3 · Example Journal`), and a page number right above or below it. Two shapes of
/// furniture side by side vouch for each other wherever they stand (after a short paragraph, a list item, a table
/// or a quote, where no page boundary is seen by position), when they stand alone between longer blocks: in a run
/// of at most [`MAX_FURNITURE_RUN`] short lines, as a page boundary holds. A longer run is a list of sites and
/// their ranks, or the lines on top of the document. A short line that reads as text (it ends a sentence, `Four
/// teams will join the field.`, or holds one) is a paragraph of the text, neither a list item beside a rank nor a
/// label on top: it bounds the run as a longer block does, so that a pair between the short paragraphs of a news
/// story counts. `facts` are those of the short lines.
fn addressed_page_numbers(
    body: &Body<'_>,
    short: &[bool],
    facts: &[Option<Rc<LineFacts>>],
) -> Vec<bool> {
    let n = body.blocks.len();
    let mut out = vec![false; n];
    // Whether a short line is a bare page number: a fact of its text, kept from pass to pass.
    let number = |k: usize| {
        facts[k]
            .as_ref()
            .is_some_and(|f| short[k] && f.counter(body.block_text(k)))
    };
    // Whether a block is a line of a run of short lines: one that does not read as text.
    let listed = |k: usize| {
        facts[k]
            .as_ref()
            .is_some_and(|f| short[k] && !f.text_like(body.block_text(k)))
    };
    for i in 0..n {
        let Some(f) = facts[i].as_ref().filter(|_| short[i]) else {
            continue;
        };
        // The page number beside it first: most short lines have none, and the address is read only then.
        let beside = [i.checked_sub(1), Some(i + 1)].map(|k| {
            k.filter(|&k| {
                k < n
                    && short[k]
                    && number(k)
                    && short_run_within(&listed, n, i.min(k), i.max(k), MAX_FURNITURE_RUN)
            })
        });
        if beside.iter().all(Option::is_none) {
            continue;
        }
        let text = body.block_text(i);
        let address = (f.url(text) && page_address(text.trim()))
            || f.dated_domain(text)
            || labelled_domain(text)
            || numbered_header(text);
        if !address || holds_link(text) {
            continue;
        }
        out[i] = true;
        for k in beside.into_iter().flatten() {
            out[k] = true;
        }
    }
    out
}

/// Whether the run of lines holding blocks `first..=last` (of `n` blocks) has at most `max` lines, the lines
/// around them that `listed` takes counted in. The run is read no further than `max` lines on either side.
fn short_run_within(
    listed: &dyn Fn(usize) -> bool,
    n: usize,
    first: usize,
    last: usize,
    max: usize,
) -> bool {
    let inside = last - first + 1;
    let before = (first.saturating_sub(max)..first)
        .rev()
        .take_while(|&k| listed(k))
        .count();
    let after = (last + 1..n.min(last + 1 + max))
        .take_while(|&k| listed(k))
        .count();
    inside + before + after <= max
}

/// Whether `text` is a label that names a site in a part of its own, as a print footer does (`Druckversion –
/// example.de`, `Version imprimable – example.fr`): two parts between separators, one a bare domain name, the
/// other a label of at most [`MAX_DOMAIN_LABEL_WORDS`] words without a digit. A domain alone on its line
/// (`Booking.com`) is as often a site named in the text; a line holding an address (whose slashes separators
/// would cut), a sentence end or a link is no such footer.
fn labelled_domain(text: &str) -> bool {
    let t = text.trim();
    if t.contains("://") {
        return false;
    }
    let mut parts = split_parts(t);
    let (Some(first), Some(second), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let domain = |part: &str| is_domain(part.strip_prefix("www.").unwrap_or(part));
    let label = |part: &str| {
        names_something(part)
            && word_count(part) <= MAX_DOMAIN_LABEL_WORDS
            && !part.bytes().any(|b| b.is_ascii_digit())
            && !domain(part)
    };
    ((domain(first) && label(second)) || (label(first) && domain(second))) && is_label(t)
}

/// The most words of the label beside a site's name in a print footer (`Druckversion`, `Version imprimable`,
/// `Versión para imprimir`): more are a sentence or a title naming the site.
const MAX_DOMAIN_LABEL_WORDS: usize = 3;

/// Whether `text` is a label that names a domain beside a date, as a browser or an archive prints it under a page
/// (`Printed on 31.01.2022 from example.com`, `Downloaded from example.com on December 1, 2016`): a print stamp,
/// not a sentence of the text. Another number is the text's own: a version (`Node.js 18`), a year alone
/// (`Founded in 2004 as Amazon.com`).
fn dated_domain(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        && holds_domain(text)
        && is_label(text)
        && holds_date(text)
}

/// Whether `text` holds a date in any language: digits and separators in a date's order (`31.01.2022`,
/// `12/3/26`, `2022-01-31`), or a four-digit year beside a day's number (`December 1, 2016`, `1 décembre 2016`).
fn holds_date(text: &str) -> bool {
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b([0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2})\b")
            .expect("the date pattern is valid")
    });
    let runs = || {
        text.split(|c: char| !c.is_ascii_digit())
            .filter(|run| !run.is_empty())
    };
    let year = runs().any(|run| run.len() == 4 && (run.starts_with("19") || run.starts_with("20")));
    let day =
        runs().any(|run| run.len() <= 2 && run.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d)));
    (year && day) || NUMERIC.is_match(text)
}

/// The words a bare page counter holds beside its numbers (split at anything not a letter, lowercased): `page`
/// and its abbreviations and the word between a page and the count, in the languages whose print footers we
/// know (a list of words, not of lines: `Page 3 of 9`, `S. 3`, `стр. 3 из 9`, `Página 3 de 9`). A number beside
/// any other word names a thing of the text (`Figure 3`, `Table 2`, `Step 2`, `Chapter 4`).
const PAGE_WORDS: &[&str] = &[
    "page",
    "pages",
    "pg",
    "p",
    "pp",
    "of",
    "seite",
    "s",
    "von",
    "blatt",
    "página",
    "pág",
    "pagina",
    "pag",
    "de",
    "di",
    "sur",
    "strona",
    "str",
    "z",
    "ze",
    "страница",
    "стр",
    "с",
    "из",
    "sida",
    "av",
    "side",
    "af",
    "blz",
    "van",
    "sivu",
    "oldal",
    "sayfa",
    "σελίδα",
    "σελ",
    "από",
    "trang",
    "halaman",
    "hal",
    "dari",
    "stránka",
    "strana",
    "ページ",
    "页",
    "頁",
    "第",
    "페이지",
];

/// Whether `text` is a page number that is only a counter: digits and separators (`3`, `- 3 -`, `3/10`), with
/// [`PAGE_WORDS`] at most (`Page 3`, `page 2 of 3`). [`page_number`] takes any short label (`Seite 3 von 9` in
/// a language no list holds); beside an address footer, where no page boundary is seen by position, a caption
/// (`Figure 3` over `Source: https://…`) must not pass for one.
fn bare_page_number(text: &str) -> bool {
    page_number(text)
        && text
            .split(|c: char| !c.is_alphabetic())
            .filter(|word| !word.is_empty())
            .all(|word| PAGE_WORDS.contains(&word.to_lowercase().as_str()))
}

/// Whether `text`, an [`url_line`], names a page's address as a footer does: after a label (`Source:
/// example.com/a`), or with a scheme or a path (`https://example.com`, `example.com/a`). A domain alone on its
/// line (`Booking.com`) is as often a site named in the text, in a list of sites with their ranks.
fn page_address(text: &str) -> bool {
    let labelled = split_at_colon(text).is_some_and(|(label, _)| {
        word_count(label) <= MAX_URL_LABEL_WORDS && !label.contains("://")
    });
    labelled
        || text
            .split_whitespace()
            .next()
            .is_some_and(|first| first.contains('/'))
}

/// Whether line `i` stands inside a sentence cut in two: the paragraph right above it stops mid-sentence and the
/// one right below goes on in lower case. Only a page boundary puts a line there.
fn inside_cut_sentence(body: &Body<'_>, i: usize) -> bool {
    let paragraph = |k: usize| body.blocks[k].kind == BlockKind::Paragraph;
    i > 0
        && i + 1 < body.blocks.len()
        && paragraph(i - 1)
        && paragraph(i + 1)
        && matches!(body.ending(i - 1), Ending::Open | Ending::Hyphen)
        && body
            .block_text(i + 1)
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase)
}

/// Whether short line `i` stands after a paragraph cut mid-sentence: no heading or label stands there.
fn after_open_paragraph(body: &Body<'_>, i: usize, short: &[bool]) -> bool {
    (i.saturating_sub(MAX_BETWEEN + 1)..i)
        .rev()
        .find(|&k| !short[k])
        .is_some_and(|k| matches!(body.ending(k), Ending::Open | Ending::Hyphen))
}

/// Whether a line has the shape of a running header or footer: parts between separators (`Site | Section`, `Site · 4`),
/// a year (`Forbes, November 18, 2019`), a title cut short (`…`), capitals only, or a domain name. A number alone is no
/// such shape: list lines start with quantities (`1 cup spinach, …`).
fn header_shape(text: &str) -> bool {
    let t = text.trim();
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(19|20)[0-9]{2}\b").expect("the year pattern is valid"));
    // Lowering the case changes no separator, so the parts are counted on the line as it is. A year needs four
    // digits: a line with fewer is not searched.
    split_parts(t).nth(1).is_some()
        || (t.bytes().filter(u8::is_ascii_digit).nth(3).is_some() && YEAR.is_match(t))
        || t.ends_with('…')
        || t.ends_with("...")
        || in_capitals(t)
        || holds_domain(t)
}

/// Whether the letters of `text` are capitals only, [`MIN_CAPITALS_LETTERS`] of them at least.
fn in_capitals(text: &str) -> bool {
    let mut letters = text.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(MIN_CAPITALS_LETTERS - 1).is_some() && letters.all(char::is_uppercase)
}

/// Whether a word of `text` is a domain name (`example.com`), punctuation around it aside. A word without a dot
/// holds no domain: only the others are trimmed and read.
fn holds_domain(text: &str) -> bool {
    text.split_whitespace()
        .any(|w| w.contains('.') && is_domain(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// A line that repeats is a running header when every copy of it stands between two long paragraphs of running
/// text that end in sentence ends, where no heading or label would stand.
fn between_long_prose(body: &Body<'_>, copies: &[usize]) -> bool {
    let long_prose = |k: usize| {
        body.blocks[k].kind == BlockKind::Paragraph
            && body.words(k) >= MIN_PROSE_BEFORE_WORDS
            && body.ending(k) == Ending::Terminal
    };
    copies
        .iter()
        .all(|&k| k > 0 && k + 1 < body.blocks.len() && long_prose(k - 1) && long_prose(k + 1))
}

/// How many characters of a body's text stand between its blocks, counted once for all the questions of an
/// analysis instead of once a question (each copy of a running header asks about its copies).
struct Distances<'b, 'a> {
    body: &'b Body<'a>,
    /// For block `k`, the characters before its start (`2k`) and before its end (`2k + 1`); `None` when the
    /// blocks do not follow one another.
    chars: OnceCell<Option<Vec<usize>>>,
}

impl<'b, 'a> Distances<'b, 'a> {
    fn new(body: &'b Body<'a>) -> Distances<'b, 'a> {
        Distances {
            body,
            chars: OnceCell::new(),
        }
    }

    /// Whether blocks `at` (in order) stand at least a page of text apart.
    fn a_page_apart(&self, at: &[usize]) -> bool {
        self.chars_apart(at, MIN_PAGE_CHARS)
    }

    /// Whether blocks `at` (in order, the copies of a running header) stand as printed pages put them: the gap
    /// that half of the gaps between them reach or pass (the lower median) is a page of text
    /// ([`MIN_PAGE_CHARS`]) or more, and no gap is shorter than half a page. Two or three copies must all stand a
    /// page apart; from four copies on, a page shorter than the others (one ending a chapter, one holding a
    /// figure) no longer hides the document's habit, while copies closer than half a page are still the text's
    /// own (a `Get it at Walmart` under each deal).
    ///
    /// A copy standing `inside` a cut sentence marks a page boundary by where it stands, so the page that ends
    /// there may be as short as it is (a figure or a table took the rest of it): the half-page floor is not asked
    /// of the gap before it. Headings and a line repeated under each item of the text stand between sentences.
    fn pages_apart(&self, at: &[usize], inside: impl Fn(usize) -> bool) -> bool {
        let gaps: Vec<usize> = at
            .windows(2)
            .map(|w| self.chars_between(w[0], w[1]))
            .collect();
        if gaps
            .iter()
            .zip(&at[1..])
            .any(|(&gap, &k)| gap < MIN_PAGE_CHARS / 2 && !inside(k))
        {
            return false;
        }
        let mut gaps = gaps;
        gaps.sort_unstable();
        gaps.get(gaps.len().saturating_sub(1) / 2)
            .is_some_and(|&gap| gap >= MIN_PAGE_CHARS)
    }

    /// The characters of text between the end of block `a` and the start of block `b` (after it).
    fn chars_between(&self, a: usize, b: usize) -> usize {
        let body = self.body;
        match self.chars.get_or_init(|| char_offsets(body)) {
            Some(offsets) => offsets[2 * b].saturating_sub(offsets[2 * a + 1]),
            None => body
                .text
                .get(body.blocks[a].range.end..body.blocks[b].range.start)
                .map_or(0, |t| t.chars().count()),
        }
    }

    /// Whether blocks `at` (in order) stand at least `chars` characters of text apart.
    fn chars_apart(&self, at: &[usize], chars: usize) -> bool {
        let body = self.body;
        match self.chars.get_or_init(|| char_offsets(body)) {
            Some(offsets) => at
                .windows(2)
                .all(|w| offsets[2 * w[1]] - offsets[2 * w[0] + 1] >= chars),
            None => at.windows(2).all(|w| {
                let text = &body.text[body.blocks[w[0]].range.end..body.blocks[w[1]].range.start];
                text.chars().count() >= chars
            }),
        }
    }
}

/// The characters of `body`'s text before the start and before the end of each block (see [`Distances`]), or
/// `None` when a block starts before the one before it ends.
fn char_offsets(body: &Body<'_>) -> Option<Vec<usize>> {
    let mut offsets = Vec::with_capacity(2 * body.blocks.len());
    let (mut byte, mut chars) = (0, 0);
    for block in &body.blocks {
        for at in [block.range.start, block.range.end] {
            if at < byte {
                return None;
            }
            chars += body.text[byte..at].chars().count();
            byte = at;
            offsets.push(chars);
        }
    }
    Some(offsets)
}

/// A number this large is no page number.
const MAX_PAGES: u32 = 1000;
/// A page number line holds at most this many digits (`Page 123 of 456` has six); more are a date, a phone
/// number or a figure of the text.
const MAX_PAGE_NUMBER_DIGITS: usize = 8;
/// A page number line has at most this many words (`Page 3 of 9` has four, `- 4 -` three).
const MAX_PAGE_NUMBER_WORDS: usize = 5;
/// The letters of a page number line: its label in any language (`Page`, `Seite … von`, `стр.`), never a sentence.
const MAX_PAGE_NUMBER_LETTERS: usize = 16;
/// A page label written after the number is an abbreviation of this many letters at most (`3 S.`, `4 Bl.`).
const MAX_ABBREVIATION_LETTERS: usize = 3;
/// A label before an address in a footer (`Source:`, `Page URL:`) has at most this many words.
const MAX_URL_LABEL_WORDS: usize = 2;
/// A copyright footer is a short line (`© 2019 Site. All rights reserved.`); a longer one with a year is a
/// sentence of the text about rights.
const MAX_COPYRIGHT_WORDS: usize = 16;

/// The most lines a family of near copies has: one a page in a long document. A larger family is a list whose
/// items share a part (and listing every member beside every other would cost the square of its size).
const MAX_NEAR_COPIES: usize = 100;

/// For each short line, the other short lines that differ from it in exactly one part, the parts being what
/// separators (`|`, `·`, `—`, `–`, `/`, `•`, `::`, `»`) divide: `Politics | National Review` and
/// `Science | National Review`. Commas are no separators here: they divide the items of list lines.
/// `facts` are those of the short lines (see [`LineFacts`]).
fn near_copies(facts: &[Option<Rc<LineFacts>>]) -> Vec<Vec<usize>> {
    let mut groups: HashMap<NearKey<'_>, Vec<usize>> = HashMap::default();
    for (i, f) in facts.iter().enumerate() {
        let Some(f) = f else { continue };
        let keys = f.near_keys();
        for &(hash, blank) in &keys.keys {
            let key = NearKey {
                hash,
                template: &f.template,
                keys,
                blank,
            };
            groups.entry(key).or_default().push(i);
        }
    }
    near_lists(groups.values(), facts.len())
}

/// For each of `n` lines, the other members of the groups it is in (groups of 2 to [`MAX_NEAR_COPIES`] lines), in
/// order.
fn near_lists<'a>(groups: impl Iterator<Item = &'a Vec<usize>>, n: usize) -> Vec<Vec<usize>> {
    let mut near = vec![Vec::new(); n];
    for members in groups.filter(|m| (2..=MAX_NEAR_COPIES).contains(&m.len())) {
        for &i in members {
            near[i].extend(members.iter().copied().filter(|&k| k != i));
        }
    }
    for others in &mut near {
        others.sort_unstable();
        others.dedup();
    }
    near
}

/// The keys under which a line meets its near copies (see [`near_copies`]): for each part that may change, the
/// parts of the line with that one blanked, each part followed by `\u{1}` and the blanked one written `\u{0}`
/// ([`NearKeys::bytes`]). A key is kept as its hash and the part it blanks, not written out: a menu line of
/// dozens of parts has as many keys, each as long as the line (callgrind: writing them out and hashing them was
/// some 2% of a markdown dump's instructions), while the hashes of all of them take one reading of the line; the
/// bytes of two keys are compared only where their hashes are equal.
#[derive(Debug, Default)]
struct NearKeys {
    /// The parts of the template (see [`split_parts`]), as ranges of it.
    parts: Vec<std::ops::Range<usize>>,
    /// For each key, its hash (see [`NearKeys::of`]) and the part it blanks.
    keys: Vec<(u64, usize)>,
}

/// The base of the polynomial hash of the bytes of a near key (see [`NearKeys::of`]): an odd number, so that
/// its powers never vanish modulo 2^64; a prime with its bits spread (FNV's 64-bit prime).
const NEAR_KEY_BASE: u64 = 0x0000_0100_0000_01b3;

impl NearKeys {
    /// The near keys of a line with the template `template`. The hash of a key is `Σ b_i · B^(n-1-i)` modulo 2^64
    /// over its `n` bytes `b_i` (`B` [`NEAR_KEY_BASE`]): the hash of two byte strings one after the other is the
    /// hash of the first times `B` to the length of the second, plus the hash of the second, so the hash of every
    /// key comes from the hashes of the parts before and after the blanked one.
    fn of(template: &str) -> NearKeys {
        // Most short lines are one part: they have none.
        if split_parts(template).nth(1).is_none() {
            return NearKeys::default();
        }
        let parts = parts(template);
        // The parts that stay must name something (a site, a title), not only a number or a date: counted once a
        // part, not once a part for each part that may change (a menu line has dozens).
        let named: Vec<bool> = parts
            .iter()
            .map(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= MIN_NAME_LETTERS)
            .collect();
        let all_named = named.iter().filter(|&&n| n).count();
        // Each part with its `\u{1}` after it: its hash and `B` to its length.
        let pieces: Vec<(u64, u64)> = parts
            .iter()
            .map(|p| {
                p.bytes()
                    .chain(std::iter::once(1))
                    .fold((0u64, 1u64), |(hash, power), b| {
                        (
                            hash.wrapping_mul(NEAR_KEY_BASE).wrapping_add(u64::from(b)),
                            power.wrapping_mul(NEAR_KEY_BASE),
                        )
                    })
            })
            .collect();
        // The hashes of the parts after each one (and `B` to their length), from the last.
        let mut after = vec![(0u64, 1u64); parts.len() + 1];
        for k in (0..parts.len()).rev() {
            let (hash, power) = pieces[k];
            let (rest, rest_power) = after[k + 1];
            after[k] = (
                hash.wrapping_mul(rest_power).wrapping_add(rest),
                power.wrapping_mul(rest_power),
            );
        }
        // The blanked part, `\u{0}\u{1}`: hash 1, two bytes.
        let (blank_hash, blank_power) = (1u64, NEAR_KEY_BASE.wrapping_mul(NEAR_KEY_BASE));
        let mut keys = Vec::new();
        let mut before = 0u64;
        for (j, &is_named) in named.iter().enumerate() {
            let stays_named = all_named > usize::from(is_named);
            if stays_named {
                let (rest, rest_power) = after[j + 1];
                let through_blank = before.wrapping_mul(blank_power).wrapping_add(blank_hash);
                keys.push((through_blank.wrapping_mul(rest_power).wrapping_add(rest), j));
            }
            let (hash, power) = pieces[j];
            before = before.wrapping_mul(power).wrapping_add(hash);
        }
        let base = template.as_ptr() as usize;
        let parts = parts
            .iter()
            .map(|p| {
                let start = p.as_ptr() as usize - base;
                start..start + p.len()
            })
            .collect();
        NearKeys { parts, keys }
    }

    /// The bytes of the key of `template` (the template these are the keys of) that blanks part `blank`.
    fn bytes<'k>(&'k self, template: &'k str, blank: usize) -> impl Iterator<Item = u8> + 'k {
        self.parts.iter().enumerate().flat_map(move |(k, range)| {
            let part: &[u8] = if k == blank {
                &[0]
            } else {
                &template.as_bytes()[range.clone()]
            };
            part.iter().copied().chain(std::iter::once(1))
        })
    }
}

/// A near key of a short line in [`near_copies`]: hashed by its hash, equal to another when their bytes are.
struct NearKey<'f> {
    hash: u64,
    /// The template of the line.
    template: &'f str,
    /// Its near keys.
    keys: &'f NearKeys,
    /// The part this key blanks.
    blank: usize,
}

impl NearKey<'_> {
    /// The bytes of the key.
    fn bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.keys.bytes(self.template, self.blank)
    }
}

impl std::hash::Hash for NearKey<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

impl PartialEq for NearKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.bytes().eq(other.bytes())
    }
}

impl Eq for NearKey<'_> {}

/// The parts of a line between separators, trimmed; empty parts dropped.
fn parts(template: &str) -> Vec<&str> {
    split_parts(template).collect()
}

/// The parts of [`parts`], one by one: the text between separators, which are [`SEPARATORS`], ` - ` and `::`.
/// One scan from left to right cuts where the first separator starts (none of them shares a character with
/// another).
fn split_parts(template: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(template);
    std::iter::from_fn(move || {
        let text = rest?;
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let cut = match bytes[at] {
                b' ' if bytes[at + 1..].starts_with(b"- ") => 3,
                b':' if bytes.get(at + 1) == Some(&b':') => 2,
                b'|' | b'/' => 1,
                // The other separators are not ASCII: only a character starting with a byte that one of them
                // starts with is decoded.
                0xC2 | 0xE2 => {
                    let c = text[at..]
                        .chars()
                        .next()
                        .expect("`at` is at a character boundary");
                    if SEPARATORS.contains(&c) {
                        c.len_utf8()
                    } else {
                        0
                    }
                }
                _ => 0,
            };
            if cut > 0 {
                rest = Some(&text[at + cut..]);
                return Some(&text[..at]);
            }
            at += 1;
        }
        rest = None;
        Some(text)
    })
    .map(str::trim)
    .filter(|p| !p.is_empty())
}

/// The characters that divide the parts of a header (see [`split_parts`]).
const SEPARATORS: [char; 11] = ['|', '·', '—', '–', '/', '•', '»', '«', '\u{2023}', '❯', '⟩'];

/// The short lines of each template (see [`template`]), in order: the copies of a line, page numbers masked, as
/// one slice of a list that holds every template's lines one template after the other. A list per template would
/// be an allocation per distinct line and per pass.
struct Copies {
    /// For each block, the index of its template among the distinct ones, in the order they first stand;
    /// [`Copies::NONE`] for a block without a template (not a short line).
    group: Vec<usize>,
    /// Where the lines of each template start in `lines`, and where the last one's end.
    starts: Vec<usize>,
    /// The lines of each template, template after template, each in order.
    lines: Vec<usize>,
}

impl Copies {
    /// The group of a block without a template.
    const NONE: usize = usize::MAX;

    /// The copies of each of `templates` (those of the blocks of a body, `None` for a block that is no short line).
    fn of(templates: &[Option<&str>]) -> Copies {
        let mut ids: HashMap<&str, usize> = HashMap::default();
        let mut sizes: Vec<usize> = Vec::new();
        let group: Vec<usize> = templates
            .iter()
            .map(|t| {
                t.map_or(Copies::NONE, |t| {
                    let id = *ids.entry(t).or_insert(sizes.len());
                    if id == sizes.len() {
                        sizes.push(0);
                    }
                    sizes[id] += 1;
                    id
                })
            })
            .collect();
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut total = 0;
        for size in &sizes {
            starts.push(total);
            total += size;
        }
        starts.push(total);
        // Each block goes to the next free place of its template's stretch, in block order.
        let mut next = starts.clone();
        let mut lines = vec![0; total];
        for (i, &g) in group.iter().enumerate() {
            if g != Copies::NONE {
                lines[next[g]] = i;
                next[g] += 1;
            }
        }
        Copies {
            group,
            starts,
            lines,
        }
    }

    /// The lines with the template of block `i`, `i` among them, in order (none for a block without one).
    fn of_block(&self, i: usize) -> &[usize] {
        match self.group[i] {
            Copies::NONE => &[],
            g => &self.lines[self.starts[g]..self.starts[g + 1]],
        }
    }
}

/// Short lines that are running headers or footers by repetition: a line whose copies (page numbers masked)
/// stand at [`MIN_RUNNING_COPIES`] page boundaries or more, or a line differing in one part from lines that do,
/// when one copy at least stands after a paragraph cut mid-sentence, where no heading stands. A label or a
/// sentence (`Read more:`, `It ended.`) is neither.
#[expect(
    clippy::too_many_arguments,
    reason = "the per-line vectors of one analysis, computed once in `analyse`"
)]
fn recurring_furniture(
    body: &Body<'_>,
    templates: &[Option<&str>],
    facts: &[Option<Rc<LineFacts>>],
    copies: &Copies,
    near: &[Vec<usize>],
    boundary: &[bool],
    short: &[bool],
    top: &[String],
    top_blocks: usize,
    distances: &Distances<'_, '_>,
) -> Vec<bool> {
    let n = body.blocks.len();
    // Short lines have their facts: what their text alone tells is kept between passes.
    let label = |i: usize| match &facts[i] {
        Some(f) => f.label(body.block_text(i)),
        None => is_label(body.block_text(i)),
    };
    let header = |i: usize| match &facts[i] {
        Some(f) => f.header(body.block_text(i)),
        None => header_shape(body.block_text(i)),
    };
    let one_word = |i: usize| match &facts[i] {
        Some(f) => f.one_word(body.block_text(i)),
        None => one_word_label(body.block_text(i)),
    };
    // Copies of a line holding a link (an image, a linked teaser) must all stand a page apart: the document's
    // pages vouch for a short one only among header-shaped labels.
    let at_boundaries = |group: &[usize], linked: bool| {
        let at: Vec<usize> = group.iter().copied().filter(|&k| boundary[k]).collect();
        at.len() >= MIN_RUNNING_COPIES
            && if linked {
                distances.a_page_apart(&at)
            } else {
                distances.pages_apart(&at, |k| inside_cut_sentence(body, k))
            }
    };
    // Whether the copies of a template stand at page boundaries, and every one between paragraphs of running
    // text: worked out once a template, since every copy asks.
    let groups = copies.starts.len() - 1;
    let mut exact_found: Vec<Option<(bool, bool)>> = vec![None; groups];
    // Whether the copies of a template mark page boundaries themselves (`paged` below): once a template too.
    let paged_found: RefCell<Vec<Option<bool>>> = RefCell::new(vec![None; groups]);
    // Whether the copies of a template stand beside counted page numbers (`beside_counted` below): once a template.
    let counted_found: RefCell<Vec<Option<bool>>> = RefCell::new(vec![None; groups]);
    let mut out = vec![false; n];
    for i in 0..n {
        let template = copies.group[i];
        if template == Copies::NONE {
            continue;
        }
        // Each way below needs two lines at least, copies or near copies: a line seen once is none, whatever its
        // shape, which is not asked of it.
        let exact = copies.of_block(i);
        let alone = exact.len() < MIN_RUNNING_COPIES;
        if !short[i] || (alone && near[i].is_empty()) || !label(i) {
            continue;
        }
        // A template keeps the `](` of a link: its copies all hold one or none.
        let linked = holds_link(body.block_text(i));
        let (at_pages, between) = *exact_found[template].get_or_insert_with(|| {
            let at_pages = at_boundaries(exact, linked);
            let between =
                at_pages && exact.iter().all(|&k| boundary[k]) && between_long_prose(body, exact);
            (at_pages, between)
        });
        // Copies a page apart at page boundaries, in the shape of a header or of a section name (one capitalised
        // word: `Kultur`), are furniture, and so are their copies elsewhere (after a heading, before a list);
        // without that shape, every copy must stand between two paragraphs of running text.
        if at_pages && (between || header(i) || one_word(i)) {
            out[i] = true;
            continue;
        }
        // Lines that differ in one part (a section name) are furniture when one copy stands where no heading
        // does, after a paragraph cut mid-sentence, or when the part they share names the publication the
        // document opens with (its masthead or title above the text).
        let mut family: Vec<usize> = near[i].iter().copied().chain([i]).collect();
        family.sort_unstable();
        // Copies that count the pages (`Site / Section / 3`, `SITE | 4`), or that stand beside a page number
        // wherever they repeat, mark page boundaries themselves, in lists and tables too: no heading repeats
        // so, in the shape of a header. That evidence is strong enough for pages half as long (a page of a list
        // holds less text). A line holding a link is an item of the text (a recipe's ingredient beside `Eat every
        // 2–3 hours`), not a header.
        let paged = |group: &[usize]| {
            group.len() >= MIN_RUNNING_COPIES
                && distances.chars_apart(group, MIN_PAGE_CHARS / 2)
                && (counts_pages(body, group)
                    || group.iter().all(|&k| beside_page_number(body, k, short)))
        };
        let paged_exact = || {
            if let Some(known) = paged_found.borrow()[template] {
                return known;
            }
            let found = paged(exact);
            paged_found.borrow_mut()[template] = Some(found);
            found
        };
        let text = body.block_text(i);
        // Without a header's shape, copies that stand beside a page number every time, one of them at a page
        // boundary between running text, are furniture too (`Continued on page 2`, `Continued on page 3`).
        let beside_at_boundaries =
            || !holds_link(text) && paged_exact() && exact.iter().any(|&k| boundary[k]);
        // Copies that stand beside page numbers counting up from copy to copy mark the pages themselves, half a
        // page apart, wherever they stand (in lists too): `Continued overleaf` / `(2)` … `(3)`,
        // `Continued on page 2` / `-1-` … `Continued on page 3` / `-2-`.
        let beside_counted = || {
            if holds_link(text) {
                return false;
            }
            if let Some(known) = counted_found.borrow()[template] {
                return known;
            }
            // A footer naming the next page beside every page number (`Fortsetzung auf Seite 2` / `– Seite 1 –`)
            // marks the pages on its own, however short they are.
            let found = beside_counted_pages(body, exact, short)
                && (distances.chars_apart(exact, MIN_PAGE_CHARS / 2)
                    || names_next_pages(body, exact, short));
            counted_found.borrow_mut()[template] = Some(found);
            found
        };
        out[i] = (at_boundaries(&family, linked)
            && (family.iter().any(|&k| after_open_paragraph(body, k, short))
                || shared_part_on_top(top, top_blocks, &family, templates)))
            || ((header(i) || one_word(i))
                && !holds_link(text)
                && (paged_exact() || paged(&family)))
            || beside_at_boundaries()
            || beside_counted();
    }
    out
}

/// Whether each line of `group` (in order, two at least) stands right beside a page number (the line before or
/// after it), the page numbers all in one style (the same line with digits masked: `(2)`, `(3)`) and their first
/// numbers growing from copy to copy. A footer stands right above its page's number, a header right below it; a
/// number further off, or numbers in several styles, are figures of a list or a table (`3 Lj.`, `Eat every 2–3
/// hours`).
fn beside_counted_pages(body: &Body<'_>, group: &[usize], short: &[bool]) -> bool {
    let n = body.blocks.len();
    let number_at = |k: usize| {
        if k >= n || !short[k] {
            return None;
        }
        let text = body.block_text(k).trim();
        page_number(text)
            .then(|| Some((first_number(text)?, template(text))))
            .flatten()
    };
    // The one after first: a footer above the page number is the commoner shape.
    let number_beside =
        |i: usize| number_at(i + 1).or_else(|| i.checked_sub(1).and_then(number_at));
    let mut last: Option<(u32, String)> = None;
    group.len() >= MIN_RUNNING_COPIES
        && group.iter().all(|&k| {
            let Some((number, style)) = number_beside(k) else {
                return false;
            };
            let counts = last
                .as_ref()
                .is_none_or(|(last, last_style)| number > *last && style == *last_style);
            last = Some((number, style));
            counts
        })
}

/// Whether each line of `group` holds one number, one more than the page number right beside it (the line after
/// it, else the one before): a footer pointing to the next page (`Continued on page 2` / `1`, `Fortsetzung auf
/// Seite 3` / `– Seite 2 –`). Asked of copies that [`beside_counted_pages`] found, whose page numbers count up;
/// a heading or a list item naming the number after the one beside it at every copy is not seen in text.
fn names_next_pages(body: &Body<'_>, group: &[usize], short: &[bool]) -> bool {
    let n = body.blocks.len();
    let numbers = |k: usize| {
        let text = body.block_text(k);
        let runs = text
            .split(|c: char| !c.is_ascii_digit())
            .filter(|d| !d.is_empty())
            .count();
        (first_number(text), runs == 1)
    };
    let page_at = |k: usize| {
        (k < n && short[k] && page_number(body.block_text(k).trim()))
            .then(|| numbers(k).0)
            .flatten()
    };
    group.iter().all(|&k| {
        let page = page_at(k + 1).or_else(|| k.checked_sub(1).and_then(page_at));
        match (numbers(k), page) {
            ((Some(own), true), Some(page)) => page.checked_add(1) == Some(own),
            _ => false,
        }
    })
}

/// Whether a line is one capitalised word of letters (`Politics`, `Kultur`): a section name in a running header,
/// when its copies stand beside page numbers, or at page boundaries a page apart.
fn one_word_label(text: &str) -> bool {
    let t = text.trim();
    !t.contains(char::is_whitespace)
        && t.starts_with(char::is_uppercase)
        && t.chars().all(char::is_alphabetic)
        && names_something(t)
}

/// Whether the lines of `group` (in order) count pages: each has one part that is a number alone, below
/// [`MAX_PAGES`], and the numbers grow from line to line. A line holding a link is no header (the numbers of
/// its address grow too).
fn counts_pages(body: &Body<'_>, group: &[usize]) -> bool {
    let mut last = None;
    for &k in group {
        let text = body.block_text(k);
        if holds_link(text) {
            return false;
        }
        let mut numbers = parts(text)
            .into_iter()
            .filter_map(|p| p.parse::<u32>().ok().filter(|&n| n < MAX_PAGES));
        let (Some(number), None) = (numbers.next(), numbers.next()) else {
            return false;
        };
        if last.is_some_and(|last| number <= last) {
            return false;
        }
        last = Some(number);
    }
    true
}

/// Whether short line `i` stands in a run of short lines that holds a page number (`Blatt 3`, `- 4 -`).
fn beside_page_number(body: &Body<'_>, i: usize, short: &[bool]) -> bool {
    let n = body.blocks.len();
    let holds = |k: usize| page_number(body.block_text(k).trim());
    (i.saturating_sub(MAX_FURNITURE_RUN - 1)..i)
        .rev()
        .take_while(|&k| short[k])
        .any(holds)
        || (i + 1..n.min(i + MAX_FURNITURE_RUN))
            .take_while(|&k| short[k])
            .any(holds)
}

/// The lines above the document's first paragraph of running text (its masthead, its title), lowercased.
fn lines_on_top(body: &Body<'_>, short: &[bool]) -> Vec<String> {
    let first_prose = (0..body.blocks.len())
        .find(|&k| !short[k] && body.words(k) >= MIN_PROSE_BEFORE_WORDS)
        .unwrap_or(0);
    (0..first_prose)
        .map(|k| body.block_text(k).to_lowercase())
        .collect()
}

/// Whether a part that all lines of `family` share, of three letters or more, is found in `top`, the lines
/// above the document's first paragraph of running text (other than the family's own; the first `top_blocks` are
/// blocks of the body, the others what the header reader took into metadata).
fn shared_part_on_top(
    top: &[String],
    top_blocks: usize,
    family: &[usize],
    templates: &[Option<&str>],
) -> bool {
    let top: Vec<&String> = top
        .iter()
        .enumerate()
        .filter(|(k, _)| !(*k < top_blocks && family.contains(k)))
        .map(|(_, line)| line)
        .collect();
    let Some(first) = templates[family[0]] else {
        return false;
    };
    parts(first)
        .into_iter()
        .filter(|part| part.chars().filter(|c| c.is_alphabetic()).count() >= MIN_NAME_LETTERS)
        .filter(|part| {
            family
                .iter()
                .all(|&k| templates[k].is_some_and(|t| parts(t).contains(part)))
        })
        .any(|part| top.iter().any(|line| line.contains(part)))
}

/// The masthead printed above the text (the site name, the title with the site's name beside it) and the sites
/// the document links to, for finding the running header that repeats them.
struct Masthead<'a> {
    /// The lines above the first paragraph of running text, lowercased.
    lines: &'a [String],
    /// Their parts between separators or commas that name something.
    parts: HashSet<&'a str>,
    /// The document's text, whose links lead to the sites.
    text: &'a str,
    /// The sites the document links to ([`linked_sites`]), found when first asked: only a line at a page boundary
    /// corroborated asks, and a page of links has thousands.
    sites: OnceCell<HashSet<String>>,
}

impl<'a> Masthead<'a> {
    /// The masthead of `lines`, the lines above the text of the document `text`.
    fn new(lines: &'a [String], text: &'a str) -> Masthead<'a> {
        let parts = lines
            .iter()
            .flat_map(|t| masthead_parts(t))
            .filter(|p| names_something(p))
            .collect();
        Masthead {
            lines,
            parts,
            text,
            sites: OnceCell::new(),
        }
    }

    /// The sites the document links to.
    fn sites(&self) -> &HashSet<String> {
        self.sites
            .get_or_init(|| linked_sites(self.text).into_iter().collect())
    }

    /// Whether `line` is a label in a header's shape, holding no link, that repeats the masthead: a part of it
    /// between separators or commas is a whole part of a line above the text (`Express.co.uk — Opinion` under
    /// `EXPRESS.CO.UK`, `Forbes, November 18, 2019` under `Title « Forbes`), or it is the start of one cut short
    /// (`Erinnerung an die Opfer…` under `Erinnerung an die Opfer der NS-Verbrechen – Bundesrat`). A line that
    /// ends on such a part reads as a label though the part ends on a sentence's mark: a site's name may end on
    /// one (`Sport | Liberté!` under `Liberté!`, as `Yahoo!` does), and the masthead prints it so.
    /// `facts` are the [`LineFacts`] of `line`.
    fn repeated_by(&self, line: &str, facts: &LineFacts) -> bool {
        if self.lines.is_empty() || holds_link(line) {
            return false;
        }
        // What the line holds is looked up before its shape is asked (its lowercased parts are kept from pass to
        // pass).
        let lowered = facts.lowered(line);
        let ends_on_masthead_name = || {
            lowered.parts.last().is_some_and(|part| {
                part.end == lowered.line.len() && self.parts.contains(&lowered.line[part.clone()])
            }) && !sentence_inside(line.trim())
        };
        if !facts.label(line) && !ends_on_masthead_name() {
            return false;
        }
        let repeats = lowered
            .parts
            .iter()
            .any(|part| self.parts.contains(&lowered.line[part.clone()]))
            // One word cut short could start any line; two are the start of a title.
            || lowered.cut.is_some_and(|end| {
                let cut = &lowered.line[..end];
                self.lines
                    .iter()
                    .any(|t| t.len() > cut.len() && t.starts_with(cut))
            });
        repeats && facts.header(line)
    }

    /// Whether `line` is a label in a header's shape, holding no link, that names a site the document links to in
    /// a part of its own (`example.com — Title`, `Politics | www.example.com`), not as a piece of an address the
    /// line holds (`from https://example.com/a`, which separators cut at its slashes). Weaker than
    /// [`Masthead::repeated_by`]: a caption or a source line names a linked site too (`Source: Reuters |
    /// reuters.com`), so the caller asks for a page boundary beside it as well.
    fn names_linked_site(&self, line: &str, facts: &LineFacts) -> bool {
        if holds_link(line) || !facts.label(line) {
            return false;
        }
        let lowered = facts.lowered(line);
        !lowered.line.contains("://")
            && lowered.parts.iter().any(|part| {
                let part = &lowered.line[part.clone()];
                self.sites()
                    .contains(part.strip_prefix("www.").unwrap_or(part))
            })
            && facts.header(line)
    }
}

/// The sites a document's links lead to: the host names of their addresses, lowercased, `www.` left out
/// (`[…](https://www.example.com/a)` gives `example.com`), in the order first linked. An article links to its own
/// site, so a header-shaped line below the text that names one of them in a part of its own (`example.com — Title
/// of the story`, `Politics | example.com`) repeats the publisher's name as a running header does, whatever the
/// language. One byte searcher over the text for `](http`, once an analysis.
fn linked_sites(text: &str) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::default();
    let mut sites = Vec::new();
    for at in memmem::find_iter(text.as_bytes(), b"](http") {
        let address = &text[at + 2..];
        let Some(rest) = address
            .strip_prefix("https://")
            .or_else(|| address.strip_prefix("http://"))
        else {
            continue;
        };
        let end = rest
            .find(|c: char| matches!(c, '/' | ')' | '?' | '#' | ':' | '"') || c.is_whitespace())
            .unwrap_or(rest.len());
        let host = rest[..end].to_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host);
        if is_domain(host) && seen.insert(host.to_string()) {
            sites.push(host.to_string());
        }
    }
    sites
}

/// Whether `text` holds a markdown link or image (`](`): such a line is an item of the text, not a header. One
/// byte searcher, not a substring searcher set up for each line.
fn holds_link(text: &str) -> bool {
    // Each `]` is found by a byte searcher and the byte after it read: a substring searcher set up for each line
    // costs more than most lines take to read.
    let bytes = text.as_bytes();
    memchr::memchr_iter(b']', bytes).any(|at| bytes.get(at + 1) == Some(&b'('))
}

/// Whether a part of a header names something (a site, a section): it has [`MIN_NAME_LETTERS`] letters or more.
fn names_something(part: &str) -> bool {
    part.chars()
        .filter(|c| c.is_alphabetic())
        .nth(MIN_NAME_LETTERS - 1)
        .is_some()
}

/// The digits a page number inside a running header has at most (`Site / Section / 3`): a printed document of
/// a thousand pages or more is rare, and four digits are as often a year (`Olympics · 2024`).
const MAX_HEADER_PAGE_DIGITS: usize = 3;
/// The letters a word in lower case has at most inside the name a running header holds (`Zeit für Kultur`, `The
/// Times of India`, `Le Monde de l’éducation` hold `für`, `of`, `de`): the function words of a title, which
/// are short in the languages of the word lists. A longer word in lower case (`He scored – 3`) reads as a
/// clause, not as a name.
const MAX_LOWER_NAME_WORD_LETTERS: usize = 3;

/// Whether a short line is a running header holding its page number: a number alone at one end, set apart by a
/// spaced separator, and a part naming something (`Site / Section / 3`, `3 · Site`, `Site – 12`); no link and no
/// sentence. A fraction (`1/2 cup sugar`) has no spaces around its slash. A heading of that shape (`Lisbon | 2`)
/// looks alike, so the line is furniture only where a page boundary is corroborated.
fn numbered_header(text: &str) -> bool {
    let t = text.trim();
    let page = |p: &str| {
        (1..=MAX_HEADER_PAGE_DIGITS).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && !p.starts_with('0')
    };
    // `rest` is the line without the number, starting (or ending) with the separator.
    let separated = |rest: &str, at_start: bool| {
        let c = if at_start {
            rest.chars().next()
        } else {
            rest.chars().next_back()
        };
        let named =
            rest.trim_matches(|c: char| c == '-' || SEPARATORS.contains(&c) || c.is_whitespace());
        c.is_some_and(|c| c == '-' || SEPARATORS.contains(&c))
            && split_parts(named).any(names_something)
            && named.split_whitespace().all(name_word)
    };
    let at_end = t
        .rsplit_once(' ')
        .is_some_and(|(rest, number)| page(number) && separated(rest.trim_end(), false));
    let at_start = t
        .split_once(' ')
        .is_some_and(|(number, rest)| page(number) && separated(rest.trim_start(), true));
    (at_end || at_start) && !holds_link(t) && is_label(t)
}

/// Whether a word can stand in the name a running header holds: it opens with a capital, a digit or a mark
/// (`Panorama`, `BMZ`, `·`), it is an address (`example.com`), or it is a short function word in lower case (see
/// [`MAX_LOWER_NAME_WORD_LETTERS`]). Scripts without case pass: no case is no evidence of a clause.
fn name_word(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    !word
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase)
        || word.contains('.') && is_domain(word.trim_matches(|c: char| !c.is_alphanumeric()))
        || letters <= MAX_LOWER_NAME_WORD_LETTERS
}

/// Whether a short line reads as a label, not a sentence: no sentence inside, no sentence end or colon at its end
/// (a title cut short by `…` aside). A label (`Read more:`) or a sentence (`It ended.`) is no header.
fn is_label(text: &str) -> bool {
    let t = text.trim();
    let truncated = t.ends_with('…') || t.ends_with("...");
    // The end is read first: most lines of text end a sentence, and a sentence inside is sought by reading all.
    (truncated || !matches!(ending(t), Ending::Terminal | Ending::Colon)) && !sentence_inside(t)
}

/// The words a title cut short by `…` keeps at least, for [`Masthead::repeated_by`].
const MIN_CUT_TITLE_WORDS: usize = 2;

/// The parts of a line for [`Masthead`]: those of [`split_parts`], divided at commas too (a date beside
/// the site name).
fn masthead_parts(line: &str) -> impl Iterator<Item = &str> {
    split_parts(line)
        .flat_map(|p| p.split(", "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
}

/// A line's shape with its numbers blanked, for finding running headers that repeat with a changing page number.
fn template(text: &str) -> String {
    let text = text.trim();
    // Most lines are ASCII: read by bytes, without decoding characters or encoding them again.
    if text.is_ascii() {
        let mut out = Vec::with_capacity(text.len());
        let mut last_digit = false;
        for &b in text.as_bytes() {
            if b.is_ascii_digit() {
                if !last_digit {
                    out.push(b'#');
                }
                last_digit = true;
            } else {
                last_digit = false;
                out.push(b.to_ascii_lowercase());
            }
        }
        return String::from_utf8(out).expect("ASCII bytes lowered are ASCII");
    }
    let mut out = String::with_capacity(text.len());
    let mut last_digit = false;
    let mut push = |c: char| {
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('#');
            }
            last_digit = true;
        } else {
            last_digit = false;
            out.push(c);
        }
    };
    for c in text.chars() {
        // Character by character (not `str::to_lowercase`, which lowers a final sigma by its context).
        if c.is_ascii() {
            push(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut push);
        }
    }
    out
}

/// Whether a line has the shape of page furniture ([`LineFacts::shaped`], which asks its parts once).
#[cfg(test)]
fn furniture_shape(text: &str) -> bool {
    let t = text.trim();
    page_number(t) || url_line(t) || strong_shape(t) || copyright_line(t)
}

/// Shapes that are furniture wherever they stand: a URL with a page counter, a browser-print time stamp.
fn strong_shape(text: &str) -> bool {
    // A date with a time of day, where a browser prints it: at either end of the line, the page title beside it.
    static STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(^|\s)[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}(,?\s+|T)[0-9]{1,2}:[0-9]{2}(\s?[AaPp]\.?[Mm]\.?)?(\s|$)",
        )
        .expect("the time stamp pattern is valid")
    });
    let t = text.trim();
    let bytes = t.as_bytes();
    // Both shapes hold a digit (a time of day, a page counter): a line without one, as most lines of text are, is
    // told so by one reading of its bytes.
    if !bytes.iter().any(u8::is_ascii_digit) {
        return false;
    }
    // The time of day is digits around a colon: a line without them is not searched. The colons are found by a
    // byte searcher, and the bytes around each read.
    let stamp = memchr::memchr_iter(b':', bytes).any(|at| {
        at > 0
            && bytes[at - 1].is_ascii_digit()
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
    }) && STAMP
        .find(t)
        .is_some_and(|m| m.start() == 0 || m.end() == t.len());
    stamp || counted_url(t)
}

/// The page's address with a page counter after it, in any brackets: `https://example.com/a 2/7`,
/// `example.com/a (2/3)`, `https://example.com/a — 1 of 2`.
fn counted_url(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let rest = text[first.len()..].trim();
    is_address(first) && !rest.is_empty() && page_number(rest)
}

/// A URL or a domain name.
fn is_address(word: &str) -> bool {
    word.starts_with("http://")
        || word.starts_with("https://")
        || word.starts_with("www.")
        || is_domain(word)
}

/// A page number in any language: `12`, `- 4 -`, `3/9`, `Page 3`, `Page 3 of 9`, `Seite 3 von 9`, `стр. 3`.
fn page_number(text: &str) -> bool {
    // The cheap tests first, which a line of text mostly fails: no digit (a digit is one byte, never part of
    // another character, and most lines of text have none: counted a byte at a time, with no characters decoded),
    // a comma or a colon, more words than a page number line has. Each one alone says no, so their order changes
    // no answer.
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    if digits == 0
        || digits > MAX_PAGE_NUMBER_DIGITS
        || memchr::memchr2(b':', b',', text.as_bytes()).is_some()
        || text.split_whitespace().nth(MAX_PAGE_NUMBER_WORDS).is_some()
    {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let numbers = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .count();
    let numeric_words_are_plain = words
        .iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .all(|w| {
            w.chars()
                .all(|c| c.is_ascii_digit() || "/-–—|.()[]#".contains(c))
        });
    (1..=2).contains(&numbers)
        && letters <= MAX_PAGE_NUMBER_LETTERS
        && numeric_words_are_plain
        && !words.iter().any(|w| is_decimal(w))
        && label_stands_where_a_page_label_does(&words)
        && !ends_sentence_on_word(text)
}

/// Whether `text` stands in `document` as words of a longer line (not inside a longer word or number, and not as
/// a line of its own).
fn named_in_text(document: &str, text: &str) -> bool {
    let word_char = |at: Option<char>| at.is_some_and(char::is_alphanumeric);
    memchr::memmem::find_iter(document.as_bytes(), text.as_bytes()).any(|at| {
        let (before, after) = (&document[..at], &document[at + text.len()..]);
        let before_line = before.trim_end_matches([' ', '\t']);
        let after_line = after.trim_start_matches([' ', '\t', '\r']);
        let own_line = (before_line.is_empty() || before_line.ends_with('\n'))
            && (after_line.is_empty() || after_line.starts_with('\n'));
        let in_a_word = word_char(before.chars().next_back()) || word_char(after.chars().next());
        !(own_line || in_a_word)
    })
}

/// The first number of a line (`3` of `Page 3 of 9`), if it fits a `u32`.
fn first_number(text: &str) -> Option<u32> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let digits = &text[start..];
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse().ok()
}

/// Whether `word` is a decimal number (`4.5`, `2,5` never reaches here): a score or a measure, never a page.
fn is_decimal(word: &str) -> bool {
    word.as_bytes()
        .windows(3)
        .any(|w| w[1] == b'.' && w[0].is_ascii_digit() && w[2].is_ascii_digit())
}

/// Whether the words of a page number line that are not numbers stand where a page number's label does: before
/// the number (`Page 3`, `стр. 3`), between two numbers (`3 of 9`, `Seite 3 von 9`), after a separator (`12 |
/// Site`), or as an abbreviation after it (`3 S.`). A word after the only number is what it counts (`3 eggs`, `1
/// tsp cinnamon`, `30 minutes before bed`): a line of the text (an ingredient, a step), in any language.
fn label_stands_where_a_page_label_does(words: &[&str]) -> bool {
    let is_number = |w: &&str| w.chars().any(|c| c.is_ascii_digit());
    let Some(last) = words.iter().rposition(is_number) else {
        return true;
    };
    let mut after = words[last + 1..].iter();
    match after.next() {
        None => true,
        Some(w) if !w.chars().any(char::is_alphabetic) => true,
        Some(w) => is_abbreviation(w) && after.next().is_none(),
    }
}

/// A short abbreviation with its full stop (`S.`, `pp.`, `Bl.`): a page label written after the number.
fn is_abbreviation(word: &str) -> bool {
    word.strip_suffix('.').is_some_and(|w| {
        (1..=MAX_ABBREVIATION_LETTERS).contains(&w.chars().count())
            && w.chars().all(char::is_alphabetic)
    })
}

/// Whether `text` ends a sentence right after a word of [`MIN_NAME_LETTERS`] letters or more (`within 20
/// years."`): a short sentence of the text, not a label around a page number, which ends on the number or on an
/// abbreviation (`p. 3`, `Seite 3 von 9`, `3 S.`).
fn ends_sentence_on_word(text: &str) -> bool {
    let core = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '»', '“', '‘', '«', ')', ']', '*', '_']);
    let Some(rest) = core.strip_suffix(['.', '!', '?', '…']) else {
        return false;
    };
    let word = rest
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    word.chars().nth(MIN_NAME_LETTERS - 1).is_some()
}

/// A line that is only a URL or a domain name (maybe with a page counter).
fn url_line(text: &str) -> bool {
    // An address holds a dot (`www.`, a domain) or a colon (`http://`): a line without either, as most lines of
    // text are, is told so by one byte searcher.
    if memchr::memchr2(b'.', b':', text.as_bytes()).is_none() {
        return false;
    }
    // A label before the address (`Source: https://…`, `URL: …`) is part of the footer.
    let text = match split_at_colon(text) {
        Some((label, rest))
            if word_count(label) <= MAX_URL_LABEL_WORDS && !label.contains("://") =>
        {
            rest.trim()
        }
        _ => text,
    };
    let first = text.split_whitespace().next().unwrap_or("");
    let rest = text[first.len()..].trim();
    is_address(first) && (rest.is_empty() || page_number(rest))
}

/// `text` split at its first `: ` (as `str::split_once` splits it), the colon found by a byte searcher: a substring
/// searcher set up for each short line costs more than the line takes to read.
fn split_at_colon(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b':', bytes)
        .find(|&at| bytes.get(at + 1) == Some(&b' '))
        .map(|at| (&text[..at], &text[at + 2..]))
}

/// A bare domain name: dot-separated labels of letters, digits and hyphens, the last one of two letters or more.
fn is_domain(text: &str) -> bool {
    let Some((rest, top)) = text.rsplit_once('.') else {
        return false;
    };
    top.chars().nth(1).is_some()
        && top.chars().all(char::is_alphabetic)
        && rest
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// Whether `text` holds `©`, `(c)` or `(C)`. `©` is the bytes C2 A9 in UTF-8, and C2 starts no other character
/// that way: each `(` and each C2 byte is read with the bytes after it, found by one byte searcher.
fn copyright_mark(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'(', 0xC2, bytes).any(|at| {
        matches!(
            &bytes[at..],
            [b'(', b'c' | b'C', b')', ..] | [0xC2, 0xA9, ..]
        )
    })
}

/// A copyright line with a year: `© 2019 Site. All rights reserved.`
fn copyright_line(text: &str) -> bool {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(1[89]|20)[0-9][0-9]\b").expect("the year pattern is valid")
    });
    copyright_mark(text) && YEAR.is_match(text) && word_count(text) <= MAX_COPYRIGHT_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interview_lines_open_on_a_label() {
        for line in [
            "Q: Favorite technology purchase in the last 5 years",
            "A: Bob Marley, Bruno Mars, Drake, The Eagles",
            "**Frage:** Wie geht es weiter mit dem Projekt",
            "Interviewer: so what happened next",
        ] {
            assert!(opens_on_label(line), "{line}");
        }
        for line in [
            "We are moving subscription access to the next level: with",
            "Anno 1800 bringt zudem eine Vielzahl an weiteren",
            "12: a number is no speaker",
            "Thisisaverylongword: a first word longer than a label",
        ] {
            assert!(!opens_on_label(line), "{line}");
        }
    }

    #[test]
    fn near_copies_by_hashed_keys_are_those_of_the_written_keys() {
        // The keys written out, as strings, grouped by a map of strings: what the hashes stand for.
        let written = |template: &str| -> Vec<String> {
            let parts = parts(template);
            if parts.len() < 2 {
                return Vec::new();
            }
            let named: Vec<bool> = parts
                .iter()
                .map(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= MIN_NAME_LETTERS)
                .collect();
            let all_named = named.iter().filter(|&&n| n).count();
            (0..parts.len())
                .filter(|&j| all_named > usize::from(named[j]))
                .map(|j| {
                    let mut key = String::new();
                    for (k, part) in parts.iter().enumerate() {
                        key.push_str(if k == j { "\u{0}" } else { part });
                        key.push('\u{1}');
                    }
                    key
                })
                .collect()
        };
        let reference = |facts: &[Option<Rc<LineFacts>>]| {
            let mut groups: HashMap<String, Vec<usize>> = HashMap::default();
            for (i, f) in facts.iter().enumerate() {
                for key in f.as_ref().map_or(Vec::new(), |f| written(&f.template)) {
                    groups.entry(key).or_default().push(i);
                }
            }
            near_lists(groups.values(), facts.len())
        };
        let lines = [
            "Politics | National Review",
            "Science | National Review",
            "Sport | National Review",
            "National Review | Page 3",
            "National Review | Page 4",
            "Home · News · Sport · Weather · Culture",
            "Home · News · Sport · Travel · Culture",
            "Home · News — Sport · Weather · Culture",
            "A single line",
            "12 | 34",
            "ab | cd | ef",
            "ab | cd | eg",
            // A part holding the bytes that join and blank the parts of a key: the same key as the line after it,
            // written out, though the parts differ.
            "Alpha\u{1}Beta | Gamma",
            "Alpha | Beta | Zeta",
            "Alpha | Beta\u{1}\u{0} | Omega",
            "Été | Über uns — Kontakt",
            "Été | Über uns — Impressum",
        ];
        let facts: Vec<Option<Rc<LineFacts>>> = lines
            .iter()
            .map(|line| Some(Rc::new(LineFacts::of(line))))
            .chain([None])
            .collect();
        let near = near_copies(&facts);
        assert_eq!(near, reference(&facts));
        // The line with a joining byte in a part meets the three-part line under the key both write the same.
        assert_eq!(near[12], vec![13]);
        assert!(near[0].contains(&1) && near[5].contains(&6));
    }

    #[test]
    fn template_masks_numbers_and_lowers_ascii_as_other_text() {
        assert_eq!(
            template("  Page 12 of 30 | The Courier "),
            "page # of # | the courier"
        );
        // The ASCII lines, read by bytes, come out as the others, read by characters.
        assert_eq!(template("Seite 3 — KÖLN"), "seite # — köln");
        assert_eq!(template("ΟΔΟΣ 7"), "οδοσ #");
    }

    #[test]
    fn alphanumeric_tells_every_character_as_the_standard_library_does() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn analyse(body: &Body<'_>) -> Pages {
        analyse_under(body, &[])
    }

    /// [`super::analyse`] of a body whose header gave `masthead` to metadata.
    fn analyse_under(body: &Body<'_>, masthead: &[String]) -> Pages {
        super::analyse(
            body,
            &TextFacts::fresh(body),
            &|| super::super::function_words::guess(body.text),
            masthead,
            &|text| Rc::new(LineFacts::of(text)),
            &RefCell::default(),
        )
    }

    /// Every word written with a capital right after a lower-case word, read word by word: what
    /// [`Words::as_name`] answers for one word.
    fn names_inside(body: &Body<'_>) -> HashSet<String> {
        let mut names = HashSet::default();
        for i in 0..body.blocks.len() {
            let mut words = body.block_text(i).split_whitespace();
            let Some(mut before) = words.next() else {
                continue;
            };
            for word in words {
                if before.ends_with(char::is_lowercase) && word.starts_with(char::is_uppercase) {
                    names.insert(first_word(word).to_string());
                }
                before = word;
            }
        }
        names
    }

    #[test]
    fn a_name_is_found_where_it_stands_as_word_by_word() {
        let text = "said Megan Baldridge, a microbiologist.\n\nWith MEGAN and Megan-Jo; \"Baldridge\" \
                    met\u{a0}Ärzte and anna’s Anna’s Ann.\n\nlower\n\nBaldridge said so in Baldridgeville \
                    of Bald.\n\n- item one\n- item Two\n\nit is Two-thirds of Z ÄrzteX Megan\n";
        let body = Body::parse(text);
        let names = names_inside(&body);
        let mut words: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
            .filter(|w| !w.is_empty())
            .collect();
        words.extend(["", "Bald", "Baldridgevill", "Megan-", "Ann", "X", "Anna"]);
        let (read, index) = (Words::new(&body), Words::indexed(&body));
        read.scans_left.set(usize::MAX);
        for word in words {
            assert_eq!(index.as_name(word), names.contains(word), "{word:?}");
            assert_eq!(read.as_name(word), names.contains(word), "{word:?}");
        }
        assert!(index.as_name("Ärzte") && index.as_name("Two-thirds"));
        assert!(!index.as_name("Baldridge") || names.contains("Baldridge"));
    }

    #[test]
    fn kept_word_answers_hold_for_the_next_body_as_fresh_ones_do() {
        // One set of facts per distinct text, as the memo of the passes keeps them.
        let mut memo: HashMap<String, Rc<TextFacts>> = HashMap::default();
        let mut texts = |body: &Body<'_>| -> Vec<Rc<TextFacts>> {
            (0..body.blocks.len())
                .map(|i| Rc::clone(memo.entry(body.block_text(i).to_string()).or_default()))
                .collect()
        };
        let asked = |words: &Words<'_>| {
            [
                words.as_name("Megan"),
                words.as_name("Court"),
                words.in_lower_case("Last"),
                words.in_lower_case("Street"),
                // Said yes by a block of every body: kept.
                words.in_lower_case("End"),
                words.together("Wall", "Street"),
                words.together("Supreme", "Court"),
            ]
        };
        // The second body loses the block that said yes to some questions and gains one that says yes to others
        // (a no kept is asked again of that block alone).
        let first =
            Body::parse("said Megan Baldridge on Wall Street.\n\nLast of all.\n\nthe end\n");
        let second = Body::parse(
            "Last of all.\n\nthe end\n\nthe Supreme Court met last year on a street.\n",
        );
        let kept = RefCell::new(WordAnswers::default());
        for body in [&first, &second, &first] {
            let facts = texts(body);
            let words = Words::new(body).carrying(&facts, kept.take());
            let fresh = Words::new(body);
            assert_eq!(asked(&words), asked(&fresh));
            *kept.borrow_mut() = words.take_answers();
        }
        assert_eq!(
            asked(&Words::new(&second)),
            [false, true, true, true, true, false, true]
        );
    }

    #[test]
    fn the_word_index_answers_as_reading_the_text_does() {
        // Words of one letter, with hyphens and apostrophes, after punctuation, across a line end, a no-break space
        // and a tab; `İ` lower-cases with a combining dot, which is no word character.
        let text = "said Megan Baldridge, a co-op’s Wall Street (New York) 3.5 Court\nWall\nStreet met\u{a0}Ärzte \
                    U.S. Army and i\u{307}stanbul or İzmir; e.g. Fed\tChair x-Ray.\n\nlast Last İstanbul - Dash \
                    it’s It’s İ\n\n(see Supreme) Court, of the Court Justice\n\nby [Harvard Health](https://www.health.\
                    harvard.edu/listing_of_vitamins) as www.reuters.com/x_and_y or <https://cnbc.com/on_air> Cnbc\n";
        let body = Body::parse(text);
        let mut words: Vec<&str> = text.split_whitespace().collect();
        words.extend(
            text.split(|c: char| !word_char(c))
                .filter(|w| !w.is_empty()),
        );
        words.extend([
            "",
            "3.5",
            "U.S",
            "(see",
            "York)",
            "Court,",
            "e.g",
            "i\u{307}stanbul",
        ]);
        let (read, indexed) = (Words::new(&body), Words::indexed(&body));
        read.scans_left.set(usize::MAX);
        let mut pairs = 0;
        for &last in &words {
            assert_eq!(indexed.as_name(last), read.as_name(last), "{last:?}");
            assert_eq!(
                indexed.in_lower_case(last),
                read.in_lower_case(last),
                "{last:?}"
            );
            for &next in &words {
                let together = indexed.together(last, next);
                assert_eq!(together, read.together(last, next), "{last:?} {next:?}");
                pairs += usize::from(together);
            }
        }
        assert!(read.index.get().is_none());
        // The phrases are found, on one line only.
        assert!(indexed.together("Wall", "Street") && indexed.together("Fed", "Chair"));
        assert!(indexed.together("3.5", "Court") && indexed.together("Court,", "of"));
        assert!(!indexed.together("Court", "Wall") && !indexed.together("Baldridge", "a"));
        assert!(indexed.in_lower_case("Last") && indexed.in_lower_case("İstanbul"));
        // The words of an address are not read: a name linked to its site is no common word.
        for name in ["Harvard", "Vitamins", "Reuters", "Cnbc", "Air"] {
            assert!(!indexed.in_lower_case(name), "{name:?}");
        }
        assert!(pairs > 20, "{pairs}");
    }

    #[test]
    fn a_word_read_in_the_whole_text_is_found_in_the_block_that_reading_each_block_finds() {
        // Blocks of every kind, with markup and white space between them and at their edges, and words standing
        // at the start and the end of a block, in the markup between blocks, and in several blocks.
        let texts = [
            "# Title Word\nWord said the Word\n\n- item Word\n- said Word\n\n> quoted Word said\n> Word\n",
            "Word\n\n  Word indented said Word\n\n1. first Word\n2.Word second\n\n[Word]: https://word.example\n",
            "| Word | said |\n|---|---|\n| Word | Word |\n\n    code Word said\n\n<!-- Word -->\n\nsaid Word.",
            "a\u{a0}Word, said\tWord; x-Word it’s Word\n\n***\n\nWord-Word Word’s said Word\n",
        ];
        for text in texts {
            let body = Body::parse(text);
            let n = body.blocks.len();
            let mut words: Vec<&str> = text.split(|c: char| !word_char(c)).collect();
            words.extend(text.split_whitespace());
            words.retain(|w| !w.is_empty());
            for &word in &words {
                let each = || 0..n;
                assert_eq!(
                    as_name_in(&body, Blocks::All, word),
                    as_name_in(&body, Blocks::Some(&mut each()), word),
                    "{text:?} {word:?}"
                );
                assert_eq!(
                    in_lower_case_in(&body, Blocks::All, word),
                    in_lower_case_in(&body, Blocks::Some(&mut each()), word),
                    "{text:?} {word:?}"
                );
                for &last in &words {
                    assert_eq!(
                        together_in(&body, Blocks::All, last, word),
                        together_in(&body, Blocks::Some(&mut each()), last, word),
                        "{text:?} {last:?} {word:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn parts_are_cut_at_every_separator_in_one_scan() {
        let by_steps = |template: &str| -> Vec<String> {
            template
                .split(SEPARATORS)
                .flat_map(|p| p.split(" - "))
                .flat_map(|p| p.split("::"))
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(String::from)
                .collect()
        };
        for template in [
            "",
            " ",
            "politics | national review",
            "a - b - - c",
            " - - ",
            "a:::b::::c",
            "site · 4 — section – x/y • z » w « v \u{2023} u ❯ t ⟩ s",
            "é·ü|ß—",
            "-- a --b - c-d ::e: :f",
            "x - ",
            "::",
            "ab\u{a0}- cd",
            "日本 · 東京 | 大阪",
            "«a» ‹b› “c” ©d",
        ] {
            let parts: Vec<String> = split_parts(template).map(String::from).collect();
            assert_eq!(parts, by_steps(template), "{template:?}");
        }
    }

    #[test]
    fn domains_and_sentences_are_told_by_their_shape() {
        for domain in [
            "example.com",
            "news.bbc.co.uk",
            "xn--bcher-kva.de",
            "пример.рф",
        ] {
            assert!(is_domain(domain), "{domain}");
        }
        for other in [
            "example",
            "example.c",
            "a..com",
            "v2.0",
            "e.g.",
            "example.com1",
        ] {
            assert!(!is_domain(other), "{other}");
        }
        assert!(sentence_inside("It ended there. Then came the rain"));
        assert!(sentence_inside("он ушёл.  Она"));
        assert!(!sentence_inside("Dr. Smith and U.S. Army"));
        assert!(!sentence_inside("it ended there."));
    }

    #[test]
    fn page_numbers_of_many_styles_have_furniture_shape() {
        for line in [
            "12",
            "- 4 -",
            "3/9",
            "Page 3",
            "Page 3 of 9",
            "Seite 3 von 9",
            "стр. 3 из 9",
            "— 4 —",
            "[3]",
            "p. 3",
            "3 S.",
            "12 | Example",
            "3 of 9",
            "페이지 3",
            "https://example.com/a/b 2/7",
            "2019-11-19T10:32 Example News",
            "12/3/26, 9:41 AM Example News",
            "© 2019 Example News. All rights reserved.",
        ] {
            assert!(furniture_shape(line), "{line}");
        }
        for line in [
            "1 Kyle Busch 5040 5 1 17 27",
            "1 Orange, 2 tsp.",
            "3 eggs",
            "1 tsp cinnamon",
            "30 minutes before bed",
            "Score 4.5 out of 5",
            "© Reuters",
            "Mars within 20 years.\"",
            "Q: 12",
            "12/3/26, 9: 41 AM Example News",
        ] {
            assert!(!furniture_shape(line), "{line}");
        }
    }

    #[test]
    fn split_across_a_page_number_is_found() {
        let body = Body::parse("It was just a year\n\n3\n\nafter the war ended.\n");
        let pages = analyse(&body);
        assert_eq!(
            pages.breaks,
            [Break {
                prev: 0,
                next: 2,
                join: Join::Space
            }]
        );
    }

    #[test]
    fn a_quote_closed_with_a_comma_waits_for_its_speaker() {
        assert!(awaits_speaker("“They were there,” said"));
        assert!(awaits_speaker("„Wir sind da“, sagte die"));
        assert!(awaits_speaker("\"It works,\" she told"));
        assert!(!awaits_speaker(
            "“They were there,” said the dean of the school of law"
        ));
        assert!(!awaits_speaker("“They were there.” She left"));
        assert!(!awaits_speaker("he called it a day, and left"));
    }

    #[test]
    fn a_quote_closed_after_a_word_ends_no_sentence() {
        assert!(quote_closed_mid_sentence(
            "the case is “isolated and unrelated”"
        ));
        assert!(quote_closed_mid_sentence("on a wide range of goods,\""));
        // Single marks close a quote they opened, nested or alone, in English and German.
        assert!(quote_closed_mid_sentence(
            "he called it \"the 'final offer'\""
        ));
        assert!(quote_closed_mid_sentence(
            "he called it “the ‘final offer’”"
        ));
        assert!(quote_closed_mid_sentence(
            "sie sprach von einem „Fall ‚ohne Folgen‘“"
        ));
        assert!(quote_closed_mid_sentence("he spoke of ’the real deal’"));
        // A word may end on an apostrophe inside the quote.
        assert!(quote_closed_mid_sentence("he spoke of “the workers’”"));
        // An apostrophe closes no quote.
        assert!(!quote_closed_mid_sentence("the pay of the workers’"));
        assert!(!quote_closed_mid_sentence("the pay of the players'"));
        assert!(!quote_closed_mid_sentence(
            "it’s what ‘they said’ of the workers’"
        ));
        assert!(!quote_closed_mid_sentence("the case is “closed.”"));
        assert!(!quote_closed_mid_sentence("the case is closed"));
    }

    #[test]
    fn only_closing_quotes_are_trimmed() {
        assert_eq!(
            without_closing_quotes("\"Salt, pepper, oil,\" "),
            "\"Salt, pepper, oil,"
        );
        assert_eq!(
            without_closing_quotes("'Salt, pepper, oil,'"),
            "'Salt, pepper, oil,"
        );
        assert_eq!(without_closing_quotes("the players'"), "the players'");
        assert_eq!(
            without_closing_quotes("don't say 'no' to the workers’"),
            "don't say 'no' to the workers’"
        );
    }

    #[test]
    fn open_quotes_and_brackets_are_found() {
        assert!(unclosed("he called it “the best"));
        assert!(unclosed("sie nannte es „die beste"));
        assert!(unclosed("(as seen in"));
        assert!(unclosed("sie nannte es »die beste« und »die"));
        assert!(!unclosed("qu’il a dit » et"));
        assert!(!unclosed("sie nannte es »die beste« und"));
        assert!(!unclosed("sie nannte es „die beste“ und"));
        assert!(!unclosed("he called it “the best” and (rightly) so"));
        assert!(!unclosed("a 65\" TV and a 15\" laptop with"));
        assert!(unclosed("he called it \"the best"));
    }

    #[test]
    fn capital_after_a_function_word_continues() {
        let body = Body::parse(
            "Die Regierung hat in der Nacht den Plan für die Stadt und das Land mit der\n\nOpposition abgestimmt, wie es am Morgen aus dem Rathaus der Stadt hieß.\n",
        );
        assert_eq!(analyse(&body).breaks.len(), 1);
        let heading = Body::parse(
            "Die Regierung hat in der Nacht den Plan für die Stadt vorgelegt.\n\nAktuelle Lage in der Stadt\n\nOpposition und Regierung stimmten ab, wie es hieß.\n",
        );
        assert!(analyse(&heading).breaks.is_empty());
    }

    #[test]
    fn capital_after_a_preposition_and_an_adjective_continues() {
        // A document whose paragraphs end open (a list of tips): the noun phrase left open is the evidence.
        let tips = "Holzspielzeug ist robust und hält viele Jahre lang im Kinderzimmer\n\n\
                    Stoffpuppen sind weich und eignen sich schon für die Kleinsten im Haus\n\n\
                    Bausteine aus Buche fördern die Feinmotorik und das Verständnis für Formen";
        let text = |end: &str| {
            format!(
                "{tips}\n\nKleine Erfolge wie das erste selbst gebaute Haus stärken Kinder und sorgen schon im Babyalter {end}\n\nLernerfolge. Montessori Spielzeug ist auf der ganzen Welt bekannt.\n"
            )
        };
        assert_eq!(analyse(&Body::parse(&text("für positive"))).breaks.len(), 1);
        // A verb after a conjunction ends a clause.
        assert!(analyse(&Body::parse(&text("für Spiele und warten")))
            .breaks
            .is_empty());
    }

    #[test]
    fn a_line_closing_a_link_opened_above_it_is_no_furniture() {
        // A dump's related list under a paragraph cut short: each item a picture link whose text, a story's title
        // cut in parts by a colon, closes the link on the line below. The item above is open (`[`) and the title
        // has a running header's parts, but taking the title out would run the article's next paragraph into the
        // open link.
        let text = "This came after the port authority said the dockers inside the container terminal at the \
                    harbour had no choice but to come out and negotiate. The strike began peacefully in June and \
                    was sparked by pro\n\n### Related articles\n\n* [![](https://example.org/img/1.jpg)\n\n  \
                    Harbour unrest: Dockers send a defiant warning to the owners](/news/1/harbour-unrest)\n\
                    * [![](https://example.org/img/2.jpg)\n\n  Harbour strike: 800 dockers stay out for a third \
                    week](/news/2/harbour-strike)\n\nMany of the dockers wore masks to hide who they were from \
                    the cameras.\n";
        let body = Body::parse(text);
        assert!(
            analyse(&body).breaks.is_empty(),
            "{:?}",
            analyse(&body).breaks
        );
        assert!(closes_link_opened_before("  Harbour strike](/news/2)"));
        assert!(!closes_link_opened_before("[Harbour strike](/news/2)"));
        assert!(!closes_link_opened_before("Page 2 [of 3]"));
    }

    #[test]
    fn capital_continues_across_a_parted_line_after_a_plain_mid_clause_stop() {
        let text = |between: &str| {
            format!(
                "{}\n\nIt went to the Strategists Hub, the Salon, the\n\n{between}\n\nCPD Policy Blog or the Journal of the centre.\n\n{}\n",
                prose("first", 600),
                prose("second", 600)
            )
        };
        let body_text = text("June 7, 2018 | Shabka");
        let body = Body::parse(&body_text);
        let pages = analyse(&body);
        assert_eq!(pages.breaks.len(), 1);
        // A line of words without separators could be the rest of the sentence.
        assert!(analyse(&Body::parse(&text("Policy Hub and Salon")))
            .breaks
            .is_empty());
    }

    #[test]
    fn capital_after_a_short_clause_begun_on_a_seldom_final_word_continues() {
        // `prime` in lower case elsewhere: the capital says nothing, the clause begun does.
        let closed = "The council met on Tuesday to discuss the budget. Most members agreed on the prime plan.";
        let text = |end: &str| {
            format!(
                "{closed}\n\nThe tariffs will raise the price of steel for the firms of the region. {end}\n\nPrime Minister Carney will change the rules next year, after the talks.\n"
            )
        };
        assert_eq!(
            analyse(&Body::parse(&text("It’s possible that")))
                .breaks
                .len(),
            1
        );
        // Two words are as often a label's.
        assert!(analyse(&Body::parse(&text("Read on"))).breaks.is_empty());
    }

    #[test]
    fn a_subject_pronoun_opens_a_sentence_after_a_seldom_final_word() {
        let text = "The talks went on for hours, and the plan for the harbour was finally signed by\n\nThey met again on Friday to sign the rest of the plan for the city.\n";
        assert!(analyse(&Body::parse(text)).breaks.is_empty());
    }

    #[test]
    fn capital_of_a_name_after_a_seldom_final_word_continues() {
        // One sentence, no running text, in a document whose paragraphs end open: the word after which sentences
        // seldom end and the name the document never writes in lower case are the evidence.
        let body = Body::parse(
            "The new tariffs on steel and on the parts of the machines took effect in\n\nJuly 2018, as the ministry said in a note to the firms of the region.\n\nA list of the goods\n\nThe full list is in the annex of the note.\n",
        );
        assert_eq!(analyse(&body).breaks.len(), 1);
        // A heading ending on a particle above a sentence that opens on a common word: the document writes `our`
        // in lower case elsewhere.
        let heading = Body::parse(
            "What we are working on\n\nOur team builds tools for the people who write, and our users tell us what matters to them.\n",
        );
        assert!(analyse(&heading).breaks.is_empty());
    }

    #[test]
    fn capital_after_a_name_or_an_adjective_in_progress_continues() {
        let closed =
            "The council met on Tuesday to discuss the budget. Most members agreed on the plan.";
        let name = format!(
            "{closed}\n\nThe plan is fair and certainly reasonable, said Bruce\n\nBagley, a professor of public finance who advised the council, after the meeting.\n"
        );
        assert_eq!(analyse(&Body::parse(&name)).breaks.len(), 1);
        // A site name after a separator, a short heading, a short last sentence are no names in progress.
        for first in [
            "Emirates inks a large order for thirty jets and will expand its fleet | CNBC",
            "Save hundreds on the new MacBook Pro",
            "What can you do if you witness it on the train? A Twitter Thread",
        ] {
            let text = format!(
                "{closed}\n\n{first}\n\nUpdated rules apply to every passenger of the airline and to every train in the region, he said.\n"
            );
            assert!(analyse(&Body::parse(&text)).breaks.is_empty(), "{first}");
        }
        let de = "Der Rat hat am Dienstag über den Haushalt beraten. Die meisten Mitglieder stimmten dem Plan zu.\n\nOb diese Zahl nach Ansicht der Händler angesichts schwacher\n\nKonsumwerte im September noch erreicht wird, ist in der Stadt noch offen.\n";
        assert_eq!(analyse(&Body::parse(de)).breaks.len(), 1);
    }

    #[test]
    fn capital_of_a_name_the_text_writes_inside_sentences_continues() {
        let closed = "The council met on Tuesday with Megan Baldridge to discuss the budget. Most members agreed.";
        let cut = "The plan is fair. Nobody on the council could say what it will cost, wrote";
        let next = "Megan Baldridge in her report on the budget of the city for next year.";
        let text = format!("{closed}\n\n{cut}\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
        // Without the name inside a sentence elsewhere, a capitalised word that the text never writes in lower
        // case still continues such a first half; one that it writes in lower case may start a sentence, and so
        // may any capital after a first half of one sentence (a heading).
        let other = "The council met on Tuesday. Most members agreed.";
        let unknown = format!("{other}\n\n{cut}\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&unknown)).breaks.len(), 1);
        let common = format!(
            "{other}\n\n{cut}\n\nMembers of the council did not answer the questions of the press after it.\n"
        );
        assert!(analyse(&Body::parse(&common)).breaks.is_empty());
        let heading = format!(
            "{closed}\n\nNobody on the council could say what it will cost, wrote\n\n{next}\n"
        );
        assert!(analyse(&Body::parse(&heading)).breaks.is_empty());
    }

    #[test]
    fn running_text_between_two_first_halves_is_never_taken_as_furniture() {
        // The link's address gives the nearer first half a header's shape (a year, a domain, slashes); it is
        // running text all the same, and the split, not a line between the outer first half and the second.
        let lines = [
            "[APPLE](https://example.org/c/apple)\n[Adam Clark Estes](https://example.org/ace)\n[Monday 5:30PM](https://example.org/story) • [Filed to: INNOVATION](https://example.org/tag)\n84.1K 108 2",
            "Photo: [iFixit](https://www.ifixit.com/Teardown/2019)",
            "The big teardown is done, and [the results are in](https://www.ifixit.com/Teardown/MacBook+Pro+16-Inch+2019+Teardown/128106). The new laptop is a heck of a lot",
            "like the old one, save for a few meaningful throwback features. Yes, I mean throwback",
            "as in retro, as in the maker actually took retired features from old laptops and reused them.",
        ];
        let text = format!("{}\n", lines.join("\n\n"));
        let body = Body::parse(&text);
        let pages = analyse(&body);
        assert!(
            pages.breaks.iter().all(|b| b.prev != 0),
            "{:?}",
            pages.breaks
        );
        assert!(pages.breaks.iter().any(|b| b.prev == 2 && b.next == 3));
    }

    #[test]
    fn running_text_reads_its_style_past_headings_of_one_sentence() {
        // Headings printed as plain paragraphs, one sentence each without its period, above paragraphs that end
        // with sentences: the document's running text ends its paragraphs with sentences all the same.
        let mut text = String::new();
        for topic in ["your eyes", "your stomach", "your skin", "your sleep"] {
            text.push_str(&format!(
                "Your doctor may have something to say about {topic} if you take vitamins\n\n\
                 Vitamins help in many ways. They are no cure for {topic}, though, and nobody should expect one.\n\n"
            ));
        }
        let cut = "They help a little. There is one thing that taking them will do for you, as noted by dietitian";
        let rest = "Trista Bell in her report on the diets of the region for the coming years.";
        let split = format!("{text}{cut}\n\n{rest}\n");
        assert_eq!(analyse(&Body::parse(&split)).breaks.len(), 1);
        // A first half of one sentence reads the style of all paragraphs, headings included.
        let one = "There is one thing that taking them will do for you, as noted by dietitian";
        let heading = format!("{text}{one}\n\n{rest}\n");
        assert!(analyse(&Body::parse(&heading)).breaks.is_empty());
    }

    #[test]
    fn capital_of_a_linked_name_continues_as_the_plain_name() {
        let other = "The council met on Tuesday. Most members agreed.";
        let cut = "The plan is fair. Nobody on the council could say what it will cost, wrote";
        let rest = "in her report on the budget of the city for next year.";
        let linked =
            format!("{other}\n\n{cut}\n\n[Megan Baldridge](https://example.org/mb) {rest}\n");
        assert_eq!(analyse(&Body::parse(&linked)).breaks.len(), 1);
        // After one long sentence (a subheading) a linked name may open a paragraph.
        let heading =
            "Nobody on the council could say what the new plan for the city will cost, wrote";
        let text =
            format!("{other}\n\n{heading}\n\n[Megan Baldridge](https://example.org/mb) {rest}\n");
        assert!(analyse(&Body::parse(&text)).breaks.is_empty());
        // An image or a footnote mark is no word of the sentence.
        for opener in ["![Megan Baldridge](mb.jpg)", "[^1] Megan Baldridge"] {
            let text = format!("{other}\n\n{cut}\n\n{opener} {rest}\n");
            assert!(analyse(&Body::parse(&text)).breaks.is_empty(), "{opener}");
        }
    }

    #[test]
    fn emphasis_across_the_cut_is_told_by_both_halves() {
        assert!(emphasis_across(
            "the singer spoke to *Woman’s",
            "Weekly* about her tale."
        ));
        assert!(emphasis_across(
            "as *Le* said in **The New",
            "York Times** and *Le* again."
        ));
        assert!(!emphasis_across(
            "as *Le Point* wrote",
            "Weekly* about her tale."
        ));
        assert!(!emphasis_across(
            "the singer spoke to *Woman’s",
            "*Weekly* about her tale."
        ));
        assert!(!emphasis_across(
            "a list of items *",
            "Weekly* about her tale."
        ));
        assert!(!emphasis_across(
            "the singer spoke to *Woman’s",
            "Weekly about her tale."
        ));
    }

    #[test]
    fn a_line_longer_than_a_label_under_it_is_no_furniture() {
        let body = Body::parse(
            "Tobisch starb nach langer Krankheit im Heim. Das teilte die Organisation mit.\n\nKrankenstandsvertretung als Karrierestart\n\nIhre Ausbildung erhielt sie im Internat Schloss Marquartstein in Oberbayern\n\n1 / 2\n\nund im Wiener Sacre Coeur. Ihre Leidenschaft führte sie nach Wien.\n",
        );
        let breaks = analyse(&body).breaks;
        assert_eq!(breaks.len(), 1);
        assert_eq!((breaks[0].prev, breaks[0].next), (2, 4));
    }

    #[test]
    fn month_after_a_seldom_final_word_continues_before_its_year() {
        // `May` is an auxiliary too, but one followed by a number is a month.
        let body = Body::parse(
            "The lights went out on seventeen nights in the old town, from February 2016 through\n\nMay 2017. On one of those nights the whole street went dark.\n",
        );
        assert_eq!(analyse(&body).breaks.len(), 1);
        // A conjunction that seldom ends a sentence, opening one after a title in capitals, is followed by a word.
        let title = Body::parse(
            "IN THE LONG INTERVIEW, THE TRUTH COMES OUT\n\nWhile the town spent the weekend at the fair, the mayor was busy with the budget.\n",
        );
        assert!(analyse(&title).breaks.is_empty());
    }

    #[test]
    fn lower_case_after_a_dash_or_inside_a_quote_continues() {
        let other = "The council met on Tuesday. Most members agreed.";
        for (cut, rest) in [
            (
                "I told them that I would do it --",
                "and I just did not want to wait any longer for the council.",
            ),
            (
                "The left will boast of how well it outplayed",
                "“liberals” and saved the money for the city.",
            ),
        ] {
            let text = format!("{other}\n\n{cut}\n\n{rest}\n");
            assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1, "{cut}");
        }
        // A capital after the dash may start the next sentence; a hyphen behind an invisible character is no dash
        // standing alone; a quoted word with a capital inside is a name.
        for (cut, rest) in [
            ("I told them that I would do it --", "And I did not wait."),
            (
                "I told them that I would do it\u{200b}-",
                "and I did not wait.",
            ),
            (
                "The left will boast of how well it outplayed",
                "“iPhone” makers and saved the money for the city.",
            ),
        ] {
            let text = format!("{other}\n\n{cut}\n\n{rest}\n");
            assert!(analyse(&Body::parse(&text)).breaks.is_empty(), "{cut}");
        }
    }

    #[test]
    fn comma_before_a_short_name_continues_in_running_text() {
        let other = "The council met on Tuesday. Most members agreed on the budget for the year.";
        let cut = "The plan is fair. With the new card you get unlimited parking, free buses,";
        let text = format!("{other}\n\n{cut}\n\nRiver Ferry Pass and more.\n");
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
        // A common word the document writes in lower case elsewhere starts a sentence.
        let text = format!("{other}\n\n{cut}\n\nMembers ride for free.\n");
        assert!(analyse(&Body::parse(&text)).breaks.is_empty());
    }

    #[test]
    fn quote_after_a_comma_or_a_seldom_final_word_continues() {
        let other = "The council met on Tuesday. Most members agreed.";
        let rest = "“Nobody will pay for it but the city,” was how the mayor put it to the council last night.";
        for cut in [
            "The plan is fair. Nobody on the council knew what the mayor meant when she told them,",
            "The plan is fair. Nobody on the council knew what the mayor meant with the words set out in",
        ] {
            let text = format!("{other}\n\n{cut}\n\n{rest}\n");
            assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1, "{cut}");
        }
        // A first half ending on a word after which a sentence may end is left alone.
        let done =
            "The plan is fair. Nobody on the council knew what the mayor meant when she spoke";
        let text = format!("{other}\n\n{done}\n\n{rest}\n");
        assert!(analyse(&Body::parse(&text)).breaks.is_empty());
    }

    #[test]
    fn capital_continues_a_phrase_the_text_writes_elsewhere() {
        // A short first half ending on a name (no sentence end inside, too short for a name in progress), in a
        // language without lists: only the phrase `Emmanuel Macron` elsewhere tells that it goes on.
        let closed =
            "Pa ghjente di u paese, Emmanuel Macron hè vinutu in Bastia. Parlò cù i sindaci.";
        let cut = "Per a prima volta, Emmanuel";
        let next = "Macron hè statu pigliatu à l'impruvisu da a dumanda di i sindaci.";
        let text = format!("{closed}\n\n{cut}\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
        // The same across a page number; the words apart (or only across a line end) are no phrase.
        let page = format!("{closed}\n\n{cut}\n\n— 2 —\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&page)).breaks.len(), 1);
        for other in [
            "Pa ghjente di u paese, Emmanuel hè vinutu in Bastia. Macron parlò cù i sindaci.",
            "Pa ghjente di u paese, Emmanuel\n\nMacron hè vinutu in Bastia. Parlò cù i sindaci.",
            "Pa ghjente di u paese, Emmanuel\nMacron hè vinutu in Bastia. Parlò cù i sindaci.",
            "Pa ghjente di u paese, Emmanuel Macronu hè vinutu in Bastia. Parlò cù i sindaci.",
        ] {
            let text = format!("{other}\n\n{cut}\n\n{next}\n");
            let body = Body::parse(&text);
            let pages = analyse(&body);
            let joined = |b: &Break| body.block_text(b.prev).trim() == cut;
            assert!(!pages.breaks.iter().any(joined), "{other}");
        }
    }

    #[test]
    fn capital_continues_a_sentence_begun_on_a_function_word() {
        let closed =
            "The council met on Tuesday to discuss the budget. Most members agreed on the plan.";
        let next =
            "Commission on pollution and health found that the city had done too little, it said.";
        let said = "Most deaths from pollution were in India and China, it said.";
        // A label under a paragraph opens on a content word, or runs to three words.
        for (end, joins) in [
            ("The Lancet", true),
            ("Enjoy", false),
            ("A Twitter Thread", false),
        ] {
            let text = format!("{closed}\n\n{said} {end}\n\n{next}\n");
            assert_eq!(
                analyse(&Body::parse(&text)).breaks.len(),
                usize::from(joins),
                "{end}"
            );
        }
        let de_closed = "Der Rat hat am Dienstag über den Haushalt beraten. Die meisten Mitglieder stimmten zu.";
        let de_cut =
            "Das Gericht hatte keine Bedenken gegen die Verordnung des Landes Niedersachsen. Auf";
        let de_next =
            "Grundlage der Verordnung habe der Landkreis das Tragen von Masken vorgeschrieben.";
        let de = format!("{de_closed}\n\n{de_cut}\n\n{de_next}\n");
        assert_eq!(analyse(&Body::parse(&de)).breaks.len(), 1);
    }

    #[test]
    fn capital_after_a_content_word_continues_beside_a_page_number() {
        let closed =
            "The council met on Tuesday to discuss the budget. Most members agreed on the plan.";
        let cut = "The plan is fair. Nobody on the council had spoken with the auditor or the whistleblower";
        let next = "Congress asked for the report of the city, the auditor said on Monday.";
        let text = format!("{closed}\n\n{cut}\n\nNews | The Courier\n\npage 2 of 6\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
        // Without the page number the label could be a heading; a heading (one sentence) above a page number
        // stays apart too.
        let label = format!("{closed}\n\n{cut}\n\nNews | The Courier\n\n{next}\n");
        assert!(analyse(&Body::parse(&label)).breaks.is_empty());
        let heading = format!(
            "{closed}\n\nNobody on the council had spoken with the whistleblower\n\npage 2 of 6\n\n{next}\n"
        );
        assert!(analyse(&Body::parse(&heading)).breaks.is_empty());
    }

    #[test]
    fn lines_of_the_text_shaped_like_page_numbers_stay() {
        let intro = "The recipe is simple, and it tells the story of a long summer in the orchard.";
        let outro =
            "Put it all in a pot and boil it until it is a thick jam, then pour it in jars.";
        // What a number counts comes after it (an ingredient, a step); a decimal is a score.
        for line in [
            "1 tsp cinnamon",
            "3 eggs",
            "30 minutes before bed",
            "Score 4.5 out of 5",
        ] {
            let text = format!("{intro}\n\n{line}\n\n{outro}\n");
            assert!(analyse(&Body::parse(&text)).furniture.is_empty(), "{line}");
        }
        // A label whose number goes down again heads parts of the text (a plan of meals for each day).
        let day = "Breakfast comes first, with fruit and a cup of tea to start the day well.\n\nMeal 1\n\nA salad with tomatoes and cheese, and a glass of water with it.\n\nMeal 2\n\nBeef and peppers with rice, and olives on the side of the plate.\n\n";
        let text = format!("{intro}\n\n{day}{day}{outro}\n");
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
        // A label and number that the text speaks of is a heading.
        let text = format!(
            "{intro}\n\nWi-Fi 6\n\nThe new machine has no Wi-Fi 6, which is a pity for a laptop of this price.\n"
        );
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
        // Page numbers count up, and the same page number may stand twice (a header and a footer).
        let text = format!("{intro}\n\nPage 2 of 3\n\n{outro}\n\nPage 2 of 3\n\n{intro}\n\nPage 3 of 3\n\n{outro}\n");
        assert_eq!(analyse(&Body::parse(&text)).furniture.len(), 3);
    }

    #[test]
    fn long_sentence_or_noun_cut_beside_a_page_number_continues() {
        let closed =
            "The council met on Tuesday to discuss the budget. Most members agreed on the plan.";
        // One sentence of twelve words or more is running text, not a heading; not on top of the document, where a
        // title may run as long, nor with parts between separators (a teaser).
        let long = "Nobody on the council had spoken with the auditor or the whistleblower";
        let next = "Congress asked for the report of the city, the auditor said on Monday.";
        let text = format!("{closed}\n\n{long}\n\npage 2 of 6\n\n{next}\n");
        assert_eq!(analyse(&Body::parse(&text)).breaks.len(), 1);
        let on_top = format!("{long}\n\npage 2 of 6\n\n{next} {closed}\n");
        assert!(analyse(&Body::parse(&on_top)).breaks.is_empty());
        let teaser = text.replace("Nobody on the council", "NEWS — Nobody on the council");
        assert!(analyse(&Body::parse(&teaser)).breaks.is_empty());
        // German writes its nouns with a capital: a noun after a lower-case word ends no sentence by its case.
        let de_closed = "Der Rat hat am Dienstag über den Haushalt beraten. Die meisten Mitglieder stimmten dem Plan zu.";
        let de = format!(
            "{de_closed}\n\nDer Rat tagte lange. Zverev sicherte sich nach nur einer halben Stunde\n\n- 2 -\n\n\
             Satz eins. Im zweiten Durchgang bot der Gegner mehr Widerstand.\n"
        );
        assert_eq!(analyse(&Body::parse(&de)).breaks.len(), 1);
        // A noun after a capitalised word may end a label (`im Internat Schloss`); one sentence shorter than that
        // may be a heading.
        for first in [
            "Der Rat tagte lange. Die Ausbildung erhielt sie im Internat Schloss",
            "Zverev sicherte sich nach nur einer halben Stunde",
        ] {
            let text = de.replace(
                "Der Rat tagte lange. Zverev sicherte sich nach nur einer halben Stunde",
                first,
            );
            assert!(analyse(&Body::parse(&text)).breaks.is_empty(), "{first}");
        }
    }

    #[test]
    fn last_sentence_starts_after_emphasis_or_a_quote() {
        assert_eq!(
            last_sentence("where do they come from? *Cindy, SC*"),
            "*Cindy, SC*"
        );
        assert_eq!(last_sentence("it ended. “Then it"), "“Then it");
        assert_eq!(last_sentence("no end here"), "no end here");
    }

    #[test]
    fn sentence_starts_read_the_two_letters_before_each_end() {
        let text = "ça va. Très bien! ok.. no?  «Oui» e.g. X ends.";
        let starts: Vec<usize> = sentence_starts(text).collect();
        assert_eq!(
            starts
                .iter()
                .map(|&s| text[s..].chars().take(2).collect::<String>())
                .collect::<Vec<_>>(),
            ["Tr", "«O"]
        );
        assert_eq!(sentence_starts(text).next_back(), starts.last().copied());
    }

    /// The texts of `blocks` of `body`, in order.
    fn texts_of(body: &Body<'_>, blocks: &[usize]) -> Vec<String> {
        blocks
            .iter()
            .map(|&i| body.block_text(i).to_string())
            .collect()
    }

    /// A paragraph of running text of about `chars` characters, ending in a sentence end.
    fn prose(seed: &str, chars: usize) -> String {
        let sentence = format!(
            "The {seed} committee met again on a rainy morning and agreed on nothing at all. "
        );
        sentence
            .repeat(chars / sentence.len() + 1)
            .trim_end()
            .to_string()
    }

    #[test]
    fn running_headers_that_change_one_part_are_furniture() {
        let text = format!(
            "{}\n\nPolitics | The Courier\n\n{}\n\nScience | The Courier\n\n{}\n",
            prose("first", 1200),
            prose("second", 1200),
            prose("third", 1200)
        );
        let body = Body::parse(&text);
        // Neither copy stands after a cut sentence, and nothing above the text names the courier.
        assert!(analyse(&body).furniture.is_empty());
        let with_masthead = format!("The Courier\n\n{text}");
        let body = Body::parse(&with_masthead);
        assert_eq!(analyse(&body).furniture, [2, 4]);
    }

    #[test]
    fn one_header_repeating_the_masthead_is_furniture() {
        let text = format!(
            "{}\n\nScience | Northern Courier\n\n{}\n\nFood | Travel\n\n{}\n\nThe rainy committee…\n\n{}\n",
            prose("first", 300),
            prose("second", 300),
            prose("third", 300),
            prose("fourth", 300)
        );
        // Alone, neither line repeats: they could be headings.
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
        let with_masthead = format!(
            "NORTHERN COURIER\n\nThe rainy committee meets again | Northern Courier\n\n{text}"
        );
        assert_eq!(analyse(&Body::parse(&with_masthead)).furniture, [3, 7]);
        // Between the halves of a cut sentence, such a line is no first half of a split: the sentence, cut after a
        // quote closed mid-sentence, goes on across it.
        let split = format!(
            "Courier.com\n\n{}\n\nThe chair said the deadline was “not a real one”\n\nCourier.com — Opinion\n\n\
             to anyone who had read the rules of the house.\n",
            prose("first", 300)
        );
        let pages = analyse(&Body::parse(&split));
        assert_eq!(
            pages.breaks,
            [Break {
                prev: 2,
                next: 4,
                join: Join::Space
            }]
        );
        assert!(pages.furniture.is_empty());
    }

    #[test]
    fn a_header_beside_a_page_number_is_furniture_where_it_stands_once() {
        let found = |text: &str| {
            let body = Body::parse(text);
            texts_of(&body, &analyse(&body).furniture)
        };
        let page = |line: &str| {
            format!(
                "{}\n\nPage 1/3\n\n{line}\n\nVivy keeps the records. {}\n",
                prose("first", 300),
                prose("second", 300)
            )
        };
        for header in [
            "The Daily Example, April 9, 2018",
            "THE DAILY EXAMPLE",
            "example.es — El título",
            "A Title Cut Short…",
        ] {
            assert_eq!(found(&page(header)), ["Page 1/3", header], "{header}");
        }
        // A subheading: the text below speaks of it, a clause, a label and its value, emphasis, a single word.
        for subheading in [
            "Vivy – The Example Insurance",
            "Instead the board turns «Rain»",
            "Date: 21.02.2020",
            "**The Daily Example 2018**",
            "Sports",
        ] {
            assert_eq!(found(&page(subheading)), ["Page 1/3"], "{subheading}");
        }
        // A header in capitals where the document writes its subheadings so.
        let capitals = format!(
            "{}\n\nTHE OUTCOME\n\n{}\n",
            page("THE DAILY EXAMPLE"),
            prose("third", 300)
        );
        assert_eq!(found(&capitals), ["Page 1/3"]);
        // A year is no page number.
        let header = "The Daily Example, April 9, 2018";
        let year = page(header).replace("Page 1/3", "May 2020");
        assert!(!found(&year).iter().any(|line| line == header), "{year}");
        // One-word labels on the same side of two page numbers are section names.
        let two = format!(
            "{}\n\nPage 2/3\n\nBusiness\n\n{}\n",
            page("Sports"),
            prose("third", 300)
        );
        assert_eq!(found(&two), ["Page 1/3", "Sports", "Page 2/3", "Business"]);
    }

    #[test]
    fn the_only_one_word_label_where_a_split_puts_the_pages_is_a_section_name() {
        // `Health` stands inside a cut sentence: a page boundary, and the document's kind of furniture (taken with
        // the join, so not listed as furniture itself).
        let text = |first: usize, second: usize, between: &str| {
            format!(
                "A rainy committee\n\n{}\n\n{between}{}\n\n{} and the chair said that the\n\nHealth\n\n\
                 deadline was not a real one at all.\n\n{}\n",
                prose("first", first),
                prose("second", 300),
                prose("third", second),
                prose("fourth", 300)
            )
        };
        let found = |text: &str| {
            let body = Body::parse(text);
            let pages = analyse(&body);
            assert_eq!(pages.breaks.len(), 1, "{text}");
            texts_of(&body, &pages.furniture)
        };
        // Two pages of about as much text each.
        assert_eq!(found(&text(1100, 800, "Science\n\n")), ["Science"]);
        // A page much shorter than the one before it: a subheading.
        assert!(found(&text(2400, 800, "Science\n\n")).is_empty());
        // Two such labels: which of them stands at the boundary is not known.
        let notes = prose("notes", 100);
        let two = text(1300, 800, &format!("Science\n\n{notes}\n\nMethods\n\n"));
        assert!(found(&two).is_empty());
        assert_eq!(found(&two.replace("\n\nMethods", "")), ["Science"]);
    }

    #[test]
    fn a_header_ending_on_the_mastheads_exclaimed_name_is_furniture() {
        let text = format!(
            "{}\n\nSport | Hurra!\n\n{}\n",
            prose("first", 300),
            prose("second", 300)
        );
        // Alone, the line ends on an exclamation mark, as a sentence does.
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
        // Above the text, the site's name ends on it (`Yahoo!`): the mark is the name's, the line a header.
        let with_masthead = format!("Hurra!\n\n{text}");
        assert_eq!(analyse(&Body::parse(&with_masthead)).furniture, [2]);
        // Not a sentence that happens to end on the name.
        let sentence = with_masthead.replace("Sport | Hurra!", "We all shouted. Then | Hurra!");
        assert!(analyse(&Body::parse(&sentence)).furniture.is_empty());
    }

    #[test]
    fn a_header_repeating_the_site_taken_into_metadata_is_furniture() {
        let text = format!(
            "{}\n\n· 1 ·\n\n2 · The Northern Evening Courier\n\n{}\n",
            prose("first", 300),
            prose("second", 300)
        );
        // Alone, the line holds its page number beside a page number, and the two vouch for each other. Measured:
        // no heading of that shape (`2 · Name`, `Name / 3`) stands in the truths of the evaluation sets
        // (pagebreak, AEB, trafeval, printed, the scraped dumps), though it could.
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2]);
        // The header above the text named the site, and the reader took it into metadata.
        let site = ["the northern evening courier".to_string()];
        assert_eq!(analyse_under(&Body::parse(&text), &site).furniture, [1, 2]);
        // The title cut short repeats it too.
        let cut = text.replace("2 · The Northern Evening Courier", "The rainy committee…");
        let title = ["the rainy committee meets again".to_string()];
        assert_eq!(analyse_under(&Body::parse(&cut), &title).furniture, [1, 2]);
    }

    /// Three paragraphs of running text of `chars` characters each, `lines` between them.
    fn three_paragraphs(lines: [&str; 2], chars: [usize; 3]) -> String {
        format!(
            "{}\n\n{}\n\n{}\n\n{}\n\n{}\n",
            prose("first", chars[0]),
            lines[0],
            prose("second", chars[1]),
            lines[1],
            prose("third", chars[2])
        )
    }

    #[test]
    fn repeated_header_with_a_page_number_is_furniture_a_page_apart_only() {
        let text = three_paragraphs(["The Courier · 2", "The Courier · 3"], [1200, 1200, 300]);
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 3]);
        let close = three_paragraphs(
            [
                "Get it at Walmart for $238.99",
                "Get it at Walmart for $249.95",
            ],
            [300, 300, 300],
        );
        assert!(analyse(&Body::parse(&close)).furniture.is_empty());
    }

    /// A page of `lines` short lines, no running text.
    fn short_lines(seed: &str, lines: usize) -> String {
        (0..lines)
            .map(|k| format!("Diagnosis and repair of the {seed} system, part {k}"))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn headers_that_count_pages_are_furniture_among_short_lines() {
        let page = |seed| short_lines(seed, 14);
        let text = format!(
            "{}\n\nTHE VOCATIONAL SCHOOL | 2\n\n{}\n\nTHE VOCATIONAL SCHOOL | 3\n\n{}\n",
            page("first"),
            page("second"),
            page("third")
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [14, 29]);
        // Numbers that do not grow count no pages.
        let text = text.replace("| 2", "| 4");
        assert!(analyse(&Body::parse(&text)).furniture.is_empty());
    }

    #[test]
    fn headers_beside_page_numbers_are_furniture_among_short_lines() {
        let page = |seed| short_lines(seed, 14);
        let text = format!(
            "{}\n\nSheet 1\n\nSport | The Courier\n\n{}\n\nPolitics | The Courier\n\nSheet 2\n\n{}\n",
            page("first"),
            page("second"),
            page("third")
        );
        let furniture = analyse(&Body::parse(&text)).furniture;
        assert!(
            furniture.contains(&15) && furniture.contains(&30),
            "{furniture:?}"
        );
        // A line holding a link is an item of the text.
        let linked = text.replace("Sport |", "[Sport](https://example.com/sport) |");
        let furniture = analyse(&Body::parse(&linked)).furniture;
        assert!(!furniture.contains(&15), "{furniture:?}");
        // So does a section name of one capitalised word (`Politics`), and neither without the page number.
        let one_word = text
            .replace("Sport | The Courier", "Politics")
            .replace("Politics | The Courier", "Politics");
        for (text, beside) in [(one_word.clone(), true), (text, false), (one_word, false)] {
            let text = if beside {
                text
            } else {
                text.replace("Sheet 2", "Last words")
            };
            let furniture = analyse(&Body::parse(&text)).furniture;
            assert_eq!(
                furniture.contains(&15) && furniture.contains(&30),
                beside,
                "{furniture:?}"
            );
        }
    }

    #[test]
    fn footer_above_a_page_number_after_a_cut_sentence_is_furniture() {
        let closed = prose("first", 300);
        let cut =
            "The committee had agreed on nothing at all that morning, and the chair said that";
        let text = format!(
            "{closed}\n\n{cut}\n\nContinued on the next page\n\n- 2 -\n\nNobody will know before the vote, said Anna.\n"
        );
        let pages = analyse(&Body::parse(&text));
        assert_eq!(pages.breaks.len(), 1);
        assert_eq!(pages.breaks[0].next, 4);
        // After a sentence end it could be a heading at the foot of a page; before a lower-case start the first
        // half of a split.
        let ended = text.replace("said that", "said so.");
        let pages = analyse(&Body::parse(&ended));
        assert!(
            pages.breaks.is_empty() && pages.furniture == [3],
            "{pages:?}"
        );
        // Before a lower-case start, the cut sentence above goes on there (issue 13): the line between is no
        // piece of it, a page holding a few words, but the footer of the page that cut it.
        // Whether block 2 goes: as furniture, or between the halves of a split.
        let taken = |text: &str| {
            let pages = analyse(&Body::parse(text));
            pages.furniture.contains(&2) || pages.breaks.iter().any(|b| b.prev < 2 && 2 < b.next)
        };
        let lower = text.replace("Nobody", "nobody");
        let pages = analyse(&Body::parse(&lower));
        assert!(
            pages.breaks.len() == 1 && pages.breaks[0].prev == 1 && pages.breaks[0].next == 4,
            "{pages:?}"
        );
        // A longer line there is the first half of a paragraph under a heading, cut by the page.
        let heading = lower
            .replace(cut, "How to Grow a Lemon Tree from Seed: FAQs")
            .replace(
                "Continued on the next page",
                "The answers below will also help you have a clear",
            );
        assert!(!taken(&heading));
        // The paragraph above may be only the last words of a page.
        let short_cut = lower.replace(
            "The committee had agreed on nothing at all that morning, and the chair said that",
            "and the chair said that",
        );
        assert!(taken(&short_cut));
        // A line in lower case there could be that piece, and is not taken.
        let piece = lower.replace("Continued on the next page", "continued on the next page");
        assert!(!taken(&piece));
        // After a sentence end, the line before a lower-case start could be the first half of a split.
        let ended_lower = ended.replace("Nobody", "nobody");
        assert!(!taken(&ended_lower));
        // A label in a footer's shape (a domain name, a date) is a footer after a sentence end too.
        let printed = ended.replace(
            "Continued on the next page",
            "Printed on 31.01.2022 from example.com",
        );
        assert_eq!(analyse(&Body::parse(&printed)).furniture, [2, 3]);
        // A year alone is no footer's shape there: the short first half of a split holds one as well.
        let year = ended.replace(
            "Continued on the next page",
            "Then the chair of the council said in 2019",
        );
        assert_eq!(analyse(&Body::parse(&year)).furniture, [3]);
    }

    #[test]
    fn address_beside_a_page_number_at_a_page_boundary_is_furniture() {
        let text = format!(
            "{}\n\nSource: https://example.com/news/the-committee\n\n- 2 -\n\n{}\n",
            prose("first", 300),
            prose("second", 300)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2]);
        // Without the page number it is the text's own reference.
        let alone = text.replace("- 2 -\n\n", "");
        assert!(analyse(&Body::parse(&alone)).furniture.is_empty());
    }

    #[test]
    fn address_beside_a_page_number_is_furniture_where_no_boundary_is_seen() {
        // After a paragraph that ends on a colon and above a list item: no page boundary by position, but an
        // address footer and a page number side by side vouch for each other.
        let text = format!(
            "{} The figures:\n\nSource: https://example.com/news/the-committee\n\npage 2 of 3\n\n- {}\n",
            prose("first", 300),
            prose("second", 300)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2]);
        let printed = text.replace(
            "Source: https://example.com/news/the-committee",
            "Printed on 31.01.2022 from example.com",
        );
        assert_eq!(analyse(&Body::parse(&printed)).furniture, [1, 2]);
        // A domain without a number is a line of the text (`Read it on example.com`); a ranking of sites is a run
        // of short lines longer than a page boundary holds.
        let plain = printed.replace(
            "Printed on 31.01.2022 from example.com",
            "Read it on example.com",
        );
        assert!(!analyse(&Body::parse(&plain)).furniture.contains(&1));
        let ranked = format!(
            "{} The ranking:\n\n1\n\nLaunched in 2019 as example.com\n\n2\n\nLaunched in 2018 as example.org\n\n- {}\n",
            prose("first", 300),
            prose("second", 300)
        );
        let furniture = analyse(&Body::parse(&ranked)).furniture;
        assert!(
            !furniture.contains(&2) && !furniture.contains(&4),
            "{furniture:?}"
        );
    }

    #[test]
    fn address_beside_a_page_number_needs_a_bare_counter_a_full_address_and_a_date() {
        let between = |lines: &str| {
            format!(
                "{} The figures:\n\n{lines}\n\n{}\n",
                prose("first", 300),
                prose("second", 300)
            )
        };
        // A browser's print footer (the page's address, the page counter) is furniture where it stands.
        let printed = between("https://www.example.org/2021/05/story.html\n\n2/5");
        assert_eq!(analyse(&Body::parse(&printed)).furniture, [1, 2]);
        // A caption and its source are the text's: a number beside another word is no page number.
        for caption in ["Figure 3", "Table 2", "Chart 1"] {
            let text = between(&format!(
                "{caption}\n\nSource: https://ourworldindata.org/co2"
            ));
            let furniture = analyse(&Body::parse(&text)).furniture;
            assert!(!furniture.contains(&2), "{caption}: {furniture:?}");
        }
        // A site named alone beside its rank, and a domain beside a number that is no date, are the text's.
        for pair in [
            "1\n\nBooking.com",
            "2\n\nExpedia.com",
            "1\n\nFounded in 2004 as Amazon.com",
        ] {
            let text = between(pair);
            let furniture = analyse(&Body::parse(&text)).furniture;
            assert!(!furniture.contains(&2), "{pair}: {furniture:?}");
        }
        assert!(holds_date(
            "Downloaded from example.com on December 1, 2016"
        ));
        assert!(holds_date("Imprimé depuis example.fr le 1 décembre 2016"));
        assert!(holds_date("Printed 12/3/26 from example.com"));
        assert!(!holds_date("Founded in 2004 as Amazon.com") && !dated_domain("Node.js 18"));
        assert!(
            bare_page_number("Página 3 de 9")
                && bare_page_number("стр. 3")
                && bare_page_number("- 4 -")
        );
        assert!(!bare_page_number("Figure 3") && !bare_page_number("Step 2"));
    }

    #[test]
    fn address_beside_a_page_number_between_short_sentences_is_furniture() {
        // A news story of short paragraphs: the lines that end sentences are text, not a run of listed lines.
        let text = format!(
            "{}\n\nThe assembly resumed from its recess on Tuesday.\n\nSource: https://example.com/news/a\n\n\
             ~ 1 ~\n\nThe details of the session were shared on the site.\n\n{}\n",
            prose("first", 300),
            prose("second", 300)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [2, 3]);
        // A run of four lines that are no sentences is a list (sites and their ranks): the address is its own.
        let listed = text
            .replace("on Tuesday.", "on Tuesday")
            .replace("on the site.", "on the site");
        let furniture = analyse(&Body::parse(&listed)).furniture;
        assert!(!furniture.contains(&2), "{furniture:?}");
    }

    #[test]
    fn labelled_site_beside_a_page_number_is_furniture() {
        let between = |lines: &str| {
            format!(
                "{} The figures:\n\n{lines}\n\n{}\n",
                prose("first", 300),
                prose("second", 300)
            )
        };
        for footer in [
            "Druckversion – example.de",
            "Version imprimable – www.example.fr",
        ] {
            let text = between(&format!("{footer}\n\n— 4 / 6 —"));
            assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2], "{footer}");
        }
        // A title naming a site, a number in the label, an address cut at its slashes: the text's own.
        for line in [
            "How we built the new search engine – example.com",
            "Top 10 – example.com",
            "New apps https://t.co/abc by @someone pic.twitter.com/xyz",
        ] {
            assert!(!labelled_domain(line), "{line}");
        }
        assert!(labelled_domain("example.es / Versión para imprimir"));
    }

    #[test]
    fn header_copies_with_one_short_page_between_are_furniture_from_four_copies() {
        let pages = |lengths: &[usize]| {
            let mut text = prose("page", lengths[0]);
            for (k, &chars) in lengths[1..].iter().enumerate() {
                text.push_str(&format!(
                    "\n\nThe Courier | Politics\n\n{}",
                    prose(&format!("p{k}"), chars)
                ));
            }
            text + "\n"
        };
        // A page of 700 characters among pages of 1200: the document's habit holds from four copies on.
        let text = pages(&[1200, 1200, 700, 1200, 300]);
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 3, 5, 7]);
        // With three copies every page counts; copies half a page apart are the text's own.
        let three = pages(&[1200, 700, 1200, 300]);
        assert!(analyse(&Body::parse(&three)).furniture.is_empty());
        let close = pages(&[1200, 1200, 400, 1200, 300]);
        assert!(analyse(&Body::parse(&close)).furniture.is_empty());
        // Unless the copy closing the short page stands inside a sentence cut in two: a page boundary is there,
        // and the copy goes as the line between the two halves of the split.
        let header = "\n\nThe Courier | Politics\n\n";
        let cut = format!(
            "{}{header}{}{header}{} And the{header}meeting went on. {}{header}{}\n",
            prose("page", 1200),
            prose("p0", 1200),
            prose("p1", 400),
            prose("p2", 1200),
            prose("p3", 300)
        );
        let pages = analyse(&Body::parse(&cut));
        assert_eq!(pages.furniture, [1, 3, 7]);
        assert!(pages.breaks.iter().any(|b| (b.prev, b.next) == (4, 6)));
    }

    #[test]
    fn header_naming_a_linked_site_is_furniture_where_it_stands_once() {
        // Between two whole paragraphs, beside a page number: a page boundary stands there.
        let text = format!(
            "{} See [the report](https://www.example.com/report).\n\nexample.com — The committee met again\n\n4\n\n{}\n",
            prose("first", 600),
            prose("second", 600)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2]);
        let site = text.replace(
            "example.com — The committee met again",
            "Politics | www.Example.com",
        );
        assert_eq!(analyse(&Body::parse(&site)).furniture, [1, 2]);
        // Without a page number, after a whole paragraph, a source line naming a linked site is the text's.
        let whole = text.replace("\n\n4\n\n", "\n\n").replace(
            "example.com — The committee met again",
            "Source: Reuters | example.com",
        );
        assert!(analyse(&Body::parse(&whole)).furniture.is_empty());
        // After a paragraph cut mid-sentence, the header stands between the two halves of a split.
        let cut = whole.replace(
            "(https://www.example.com/report).",
            "(https://www.example.com/report) and the",
        );
        let pages = analyse(&Body::parse(&cut));
        assert_eq!(
            pages
                .breaks
                .iter()
                .map(|b| (b.prev, b.next))
                .collect::<Vec<_>>(),
            [(0, 2)]
        );
    }

    #[test]
    fn footers_naming_the_next_page_are_furniture_on_short_pages() {
        let text = format!(
            "{}\n\nContinuation on page 2\n\n– 1 –\n\n{}\n\nContinuation on page 3\n\n– 2 –\n\n{}\n",
            prose("first", 300),
            prose("second", 300),
            prose("third", 300)
        );
        // Copies this close are no page apart; the number they name, one after the page number beside them, is
        // what marks them.
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2, 4, 5]);
        // Lines naming the page beside them, not the next one, are left to the evidence of page length.
        let same = text
            .replace("on page 2", "on page 1")
            .replace("on page 3", "on page 2");
        assert!(!analyse(&Body::parse(&same)).furniture.contains(&1));
    }

    #[test]
    fn headers_holding_their_page_number_are_told_by_their_shape() {
        assert!(numbered_header("Schweizer Jäger Online / Panorama / 3"));
        assert!(numbered_header("3 · Washington Examiner"));
        assert!(numbered_header("Example Times – 12"));
        assert!(!numbered_header("1/2 cup sugar, sifted"));
        assert!(!numbered_header("Olympics · 2024"));
        assert!(!numbered_header("2 / 3"));
        assert!(!numbered_header("He scored – 3"));
        assert!(!numbered_header("The vote ended 3."));
        // A step of a numbered list: `flour` reads as a clause, not as a name.
        assert!(!numbered_header("3 · Sift the flour"));
    }

    #[test]
    fn a_header_holding_its_page_number_is_furniture_where_a_boundary_is_corroborated() {
        // Between two whole paragraphs, beside a page number: a page boundary stands there.
        let text = format!(
            "{}\n\nExample Hunter Online / Panorama / 3\n\n4\n\n{}\n",
            prose("first", 600),
            prose("second", 600)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2]);
        // Without a page number, after a whole paragraph and before a list, a heading of that shape is the text's.
        let whole = text.replace("\n\n4\n\nThe second", "\n\n- The second");
        assert!(analyse(&Body::parse(&whole)).furniture.is_empty());
    }

    #[test]
    fn a_header_holding_its_page_number_beside_a_page_number_is_furniture_between_short_paragraphs()
    {
        // Short sentences follow, so no page boundary is seen by position: the page number and the header
        // vouch for each other, as an address footer and a page number do.
        let text = format!(
            "{}\n\n2 / 3\n\n3 · The Northern Courier\n\nThe vote will come in May.\n\n\
             Nobody could say what the chair would do next.\n\nIt rained all day.\n\n{}\n",
            prose("first", 600),
            prose("second", 600)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2]);
    }

    #[test]
    fn linked_sites_are_hosts_without_www() {
        let text =
            "[a](https://www.Example.com/a) [b](http://news.example.org:8080/x) [c](/local) \
                    [d](https://www.example.com) [e](mailto:x@example.net) [f](https://localhost/)";
        assert_eq!(linked_sites(text), ["example.com", "news.example.org"]);
    }

    #[test]
    fn section_name_repeated_at_page_boundaries_is_furniture() {
        let text = three_paragraphs(["Kultur", "Kultur"], [1200, 1200, 300]);
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 3]);
        // Less than a page apart, the word is a heading of the text.
        let close = three_paragraphs(["Kultur", "Kultur"], [300, 300, 300]);
        assert!(analyse(&Body::parse(&close)).furniture.is_empty());
    }

    #[test]
    fn section_names_change_where_the_document_prints_them_as_furniture() {
        let text = format!(
            "{}\n\nKultur\n\n{}\n\nKultur\n\n{}\n\nPolitik\n\n{}\n",
            prose("first", 1200),
            prose("second", 1200),
            prose("third", 1200),
            prose("fourth", 300)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 3, 5]);
        // Less than a page below the furniture found it is a subheading; a running header in capitals says
        // nothing of a subheading in another case; one section name found is no habit of the document.
        let close = text.replace(&prose("third", 1200), &prose("third", 300));
        assert_eq!(analyse(&Body::parse(&close)).furniture, [1, 3]);
        let capitals = text.replace("Kultur", "KULTUR");
        assert_eq!(analyse(&Body::parse(&capitals)).furniture, [1, 3]);
        let once = text.replacen("Kultur", "Sport", 1);
        assert!(analyse(&Body::parse(&once)).furniture.is_empty());
        // A header with one part changed, where its copies are furniture.
        let parts = text
            .replace("Kultur", "Sport | The Courier")
            .replace("Politik", "Politics | The Courier");
        assert_eq!(analyse(&Body::parse(&parts)).furniture, [1, 3, 5]);
    }

    #[test]
    fn subheadings_mid_page_stay_where_section_names_are_furniture() {
        // Section names found 3000 characters apart: a `Conclusion` in their case half a page below one is a
        // subheading, and so is a second one-word line soon after a section name that stands where a page ends.
        let text = format!(
            "{}\n\nKultur\n\n{}\n\nConclusion\n\n{}\n\nKultur\n\n{}\n\nPolitik\n\n{}\n\nResults\n\n{}\n",
            prose("first", 3000),
            prose("second", 1500),
            prose("third", 1500),
            prose("fourth", 3000),
            prose("fifth", 200),
            prose("sixth", 600)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 5, 7]);
    }

    #[test]
    fn one_word_style_reads_the_trimmed_line() {
        let text = format!(
            "{}\n\nKULTUR\r\n\n{}\n\n  KULTUR\n\n{}\n\nPOLITIK\n\n{}\n",
            prose("first", 1200),
            prose("second", 1200),
            prose("third", 1200),
            prose("fourth", 300)
        );
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 3, 5]);
    }

    #[test]
    fn footers_beside_counting_page_numbers_are_furniture_in_lists() {
        let item = |seed| format!("- {}", prose(seed, 600));
        let text = format!(
            "{}\n\nContinued overleaf\n\n(2)\n\n**Notes**\n\nby the editors\n\n{}\n\nContinued overleaf\n\n(3)\n\n**More notes**\n\nby the editors\n\n{}\n",
            item("first"),
            item("second"),
            item("third")
        );
        let furniture = analyse(&Body::parse(&text)).furniture;
        assert!(
            furniture.contains(&1) && furniture.contains(&6),
            "{furniture:?}"
        );
        // Numbers that do not grow, in two styles, or a line away count no pages.
        for other in [
            text.replace("(3)", "(1)"),
            text.replace("(3)", "- 3 -"),
            text.replace("\n\n(2)", "\n\nSee below\n\n(2)"),
        ] {
            let furniture = analyse(&Body::parse(&other)).furniture;
            assert!(!furniture.contains(&1), "{other}: {furniture:?}");
        }
    }

    #[test]
    fn label_repeated_beside_page_numbers_is_furniture() {
        let text = format!(
            "{}\n\nStory continues on page 2\n\n#1\n\n{}\n\nIt rained.\n\nWhy this?\n\nStory continues on page 3\n\n#2\n\n{}\n",
            prose("first", 600),
            prose("second", 600),
            prose("third", 600)
        );
        // The second copy has three short lines above the page's text: no page boundary by position alone.
        assert_eq!(analyse(&Body::parse(&text)).furniture, [1, 2, 6, 7]);
    }

    #[test]
    fn marks_found_by_bytes_are_those_the_string_searches_find() {
        // What each answered before it read bytes: every character from the end, `split_once`, `contains`.
        let by_chars = |text: &str| {
            text.char_indices().rev().find_map(|(i, c)| {
                let after = &text[i + c.len_utf8()..];
                let closed = (c == ',' && after.starts_with(QUOTE_CLOSERS))
                    || (QUOTE_CLOSERS.contains(&c) && after.starts_with(','));
                closed.then_some(i + c.len_utf8())
            })
        };
        let lines = [
            "“We were there,” said",
            "„Wir waren da“, sagte",
            "« Nous étions là », a déclaré",
            "one, two,” said, he",
            "”,”,",
            ",",
            ",”",
            "a ,”b",
            "no quote, here",
            "(c) 2019 Site",
            "© 2019 Site. All rights reserved.",
            "Copyright (C) 2019",
            "(c 2019",
            "Ã© 2019 Â",
            "Source: https://example.com/a",
            "Page URL:https://example.com",
            "a: b: c",
            "12:30",
            ": ",
            "Page 3",
        ];
        for line in lines {
            assert_eq!(attribution_start(line), by_chars(line), "{line}");
            assert_eq!(split_at_colon(line), line.split_once(": "), "{line}");
            assert_eq!(
                copyright_mark(line),
                line.contains('©') || line.contains("(c)") || line.contains("(C)"),
                "{line}"
            );
        }
    }

    #[test]
    fn copies_list_the_lines_of_each_template_in_order() {
        let templates = [
            Some("a"),
            None,
            Some("b"),
            Some("a"),
            Some("c"),
            Some("b"),
            Some("a"),
        ];
        let copies = Copies::of(&templates);
        assert_eq!(copies.of_block(0), [0, 3, 6]);
        assert_eq!(copies.of_block(6), [0, 3, 6]);
        assert_eq!(copies.of_block(1), [] as [usize; 0]);
        assert_eq!(copies.of_block(2), [2, 5]);
        assert_eq!(copies.of_block(4), [4]);
        assert_eq!(copies.starts.len(), 4, "three templates");
    }

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

    #[test]
    fn question_and_answer_stay_apart() {
        let body = Body::parse("What do you plan?\n\nwe plan more.\n");
        assert!(analyse(&body).breaks.is_empty());
    }

    #[test]
    fn a_headline_with_its_site_name_starts_no_paragraph() {
        // `«` between a title and its site name is a separator, no quote left open; a name ends the line.
        for text in [
            "La fin des trottinettes en libre-service à Montréal « Le Devoir\n\nEn raison du taux élevé de \
             délinquance chez les utilisateurs des trottinettes en libre-service, l’administration de Valérie Plante a \
             décidé de ne pas autoriser ces véhicules dans les rues de la ville en 2020.\n",
            "Microsoft moves to erase its carbon footprint from the atmosphere :: Vancouver Sun\n\nMicrosoft Corp \
             said on Thursday it aims to remove more carbon from the environment than it emits by 2030, and to erase \
             all of its emissions since it was founded in 1975 by the middle of the century.\n",
        ] {
            assert!(analyse(&Body::parse(text)).breaks.is_empty(), "{text}");
        }
        // Below the first paragraph of running text, the same line cut by a page break goes on.
        let text = "The council met on Tuesday and voted on the plan, which the mayor had put forward in May.\n\n\
             Its members said the line would serve the « northern\n\nSuburbs » and the airport, as promised.\n";
        assert_eq!(analyse(&Body::parse(text)).breaks.len(), 1);
    }
}
