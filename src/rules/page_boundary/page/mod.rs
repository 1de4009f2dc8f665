//! Page-boundary evidence shared by the `B` rules: which blocks are page furniture (by shape, by repetition, by
//! position) and where a paragraph was cut by a page break. This file holds the analysis ([`analyse`]) and what it
//! finds ([`Pages`]); the evidence it weighs is in the files beside it, from the shapes of one line up.

mod facts;
mod furniture;
mod joins;
mod masthead;
mod near;
mod page_number;
mod shapes;
mod unclosed;
mod words;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::function_words::Language;
use crate::metadata::header::plain;
use crate::rules::body::{BlockKind, Body, Ending};
use facts::MIN_MID_CLAUSE_WORDS;
pub(crate) use facts::{LineFacts, TextFacts};
use furniture::{
    addressed_page_numbers, after_open_paragraph, at_page_boundary, beside_page_number,
    between_prose, footer_above_page_number, headed_page_numbers, is_short_line, lines_on_top,
    median_page_spacing, recurring_furniture, shared_part_on_top, spacing_bounds, Distances,
    MIN_PROSE_BEFORE_WORDS, MIN_RUNNING_COPIES,
};
use joins::{
    candidate, ends_in_sentences, running_text, stops_mid_clause, Reading, NOUN_CASE_LOWER_SHARE,
};
use masthead::Masthead;
use near::{near_lists, Copies, NearKey};
use page_number::{first_number, strong_shape, url_line};
use shapes::{holds_link, numbered_header};
pub(crate) use words::WordAnswers;
use words::{named_in_text, Words};

/// When two candidate splits share a second half, an outer first half this short is a label above the text (a
/// site name), not a paragraph.
const MAX_LABEL_WORDS: usize = 6;

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
    analyse_checking(body, texts, language, masthead, None, line_facts, answers).0
}

/// [`analyse`], and whether the analysis under `other`, another masthead, finds the same: each question the
/// analysis asks of the masthead (whether a line repeats it, names the publisher or a section it lists, shares a
/// part with it) is asked of `other` too, until one is answered otherwise. An analysis that gets the same answers
/// from both goes the same way under both, to the same end: the cleanup of paged text, whose output is cleaned
/// again under the masthead its front matter names, learns so whether the analysis of its last pass holds there
/// too. Always `false` without `other`.
pub(crate) fn analyse_checking(
    body: &Body<'_>,
    texts: &[Rc<TextFacts>],
    language: &dyn Fn() -> Option<Language>,
    masthead: &[String],
    other: Option<&[String]>,
    line_facts: &dyn Fn(&str) -> Rc<LineFacts>,
    answers: &RefCell<WordAnswers>,
) -> (Pages, bool) {
    let n = body.blocks.len();
    let short: Vec<bool> = (0..n).map(|i| is_short_line(body, i)).collect();
    let (closed, closed_running) = ends_in_sentences(body, texts);
    // The lines above the first paragraph of running text: the masthead, the title.
    let top = lines_on_top(body, &short);
    let top_blocks = top.len();
    let words = Words::new(body).carrying(texts, answers.take());
    let reading = Reading {
        language,
        closed,
        closed_running,
        top_blocks,
        texts,
        words: &words,
    };
    let other_heads = other.map(|other| heads_under(top.clone(), other));
    let heads = heads_under(top, masthead);
    let masthead = Mastheads {
        read: Masthead::new(&heads, body.text),
        other: other_heads
            .as_ref()
            .map(|heads| (Masthead::new(heads, body.text), heads.as_slice())),
        differs: Cell::new(other.is_none()),
    };
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
                        && (masthead.ask(|m| m.repeated_by(body.block_text(i), f))
                            // The boundary first: its tests read the blocks around, the site's reads the
                            // document's links.
                            || (boundary[i]
                                && (after_open_paragraph(body, i, &short)
                                    || beside_page_number(body, i, &short))
                                && masthead.ask(|m| m.names_linked_site(body.block_text(i), f)))
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
    let shares_part_on_top = |family: &[usize]| {
        masthead.ask_lines(&heads, |heads| {
            shared_part_on_top(heads, top_blocks, family, &templates)
        })
    };
    let recurring = recurring_furniture(
        body,
        &facts,
        &copies,
        &near,
        &boundary,
        &short,
        &shares_part_on_top,
        &distances,
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
    // corroborated, as for a line naming a linked site, or where another part names the publisher (the masthead,
    // the name its address spells: `The Published Reporter – Technology – 2`): furniture, but no evidence of a
    // split between the lines around it (a subheading above it, `Title` / `| 4 |` / `Site / Section / 5`, is no
    // first half).
    let numbered = |i: usize, text: &str| {
        numbered_header(text)
            && ((boundary[i]
                && (after_open_paragraph(body, i, &short) || beside_page_number(body, i, &short)))
                || ((boundary[i] || body.blocks[i].kind == BlockKind::Paragraph)
                    && i >= top_blocks
                    && facts[i]
                        .as_ref()
                        .is_some_and(|f| masthead.ask(|m| m.names_publisher(text, f)))))
    };
    let headed = headed_page_numbers(body, top_blocks, &boundary, &shaped, &facts);
    // A one-word line at a page boundary naming a section that the menu above the text lists (`Politics` under
    // `Home | World | Politics`): the section's name printed at the head of a page, even where it stands once.
    // It is no evidence of a split between the lines around it: a menu's word may stand under a paragraph's end.
    let listed_section = |i: usize, text: &str| {
        boundary[i]
            && i >= top_blocks
            && facts[i]
                .as_ref()
                .is_some_and(|f| masthead.ask(|m| m.names_section(text, f)))
    };
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
                || listed_section(i, text)
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
    (Pages { breaks, furniture }, !masthead.differs.get())
}

/// The lines the analysis reads as the masthead: `heads`, the lines above the first paragraph, and `masthead`, what
/// the header printed above the text. A title on top in emphasis or as a heading (`**The Title**`) is printed below
/// without its marks (`The Title…`): the lines are kept both ways, after the blocks on top (whose places come
/// first).
fn heads_under(mut heads: Vec<String>, masthead: &[String]) -> Vec<String> {
    heads.extend_from_slice(masthead);
    let bare: Vec<String> = heads
        .iter()
        .map(|line| plain(line))
        .filter(|line| !line.is_empty() && !heads.contains(line))
        .collect();
    heads.extend(bare);
    heads
}

/// The masthead an analysis reads, and the other one whose answers it compares with its own
/// ([`analyse_checking`]).
struct Mastheads<'a> {
    /// The masthead read.
    read: Masthead<'a>,
    /// The other one, with its lines.
    other: Option<(Masthead<'a>, &'a [String])>,
    /// Whether the other answered a question otherwise (or there is none): it is asked no more.
    differs: Cell<bool>,
}

impl Mastheads<'_> {
    /// The answer of the masthead read to `question`, and the other's compared with it.
    fn ask(&self, question: impl Fn(&Masthead<'_>) -> bool) -> bool {
        let answer = question(&self.read);
        if let Some((other, _)) = self.other.as_ref().filter(|_| !self.differs.get()) {
            self.differs.set(question(other) != answer);
        }
        answer
    }

    /// The answer to `question` about the lines of the masthead read, `lines`, and the other's compared with it.
    fn ask_lines(&self, lines: &[String], question: impl Fn(&[String]) -> bool) -> bool {
        let answer = question(lines);
        if let Some((_, other)) = self.other.as_ref().filter(|_| !self.differs.get()) {
            self.differs.set(question(other) != answer);
        }
        answer
    }
}
/// The lines above the first paragraph of running text of `body` (as [`analyse`] reads them, lowercased) that
/// another rule takes away in this pass, from the first block on while `taken` holds: what a whole-page dump printed
/// above its article (a site name, a section over a menu), which a running header repeats, for the analysis of the
/// passes that read the article without them.
pub(crate) fn lines_taken_on_top(body: &Body<'_>, taken: impl Fn(usize) -> bool) -> Vec<String> {
    let run = (0..body.blocks.len()).take_while(|&k| taken(k)).count();
    // The first paragraph of running text comes after a few blocks (a menu's list is one): the blocks are read
    // from the top, a few more each round, rather than the word counts of the whole page made.
    let mut read = run.min(FIRST_BLOCKS_READ);
    while read > 0 {
        let top = Body::parse(&body.text[..body.blocks[read - 1].range.end]);
        let short: Vec<bool> = (0..read).map(|i| is_short_line(&top, i)).collect();
        let prose = (0..read).find(|&k| !short[k] && top.words(k) >= MIN_PROSE_BEFORE_WORDS);
        if prose.is_some() || read == run {
            return (0..prose.unwrap_or(read))
                .map(|k| top.block_text(k).to_lowercase())
                .collect();
        }
        read = run.min(read * 4);
    }
    Vec::new()
}

/// How many blocks from the top [`lines_taken_on_top`] reads first.
const FIRST_BLOCKS_READ: usize = 16;

/// Near copies (the same line with one part changed, see [`near_copies`]) of a line that make it a running
/// header: two others, three lines in all, since a changed part is weaker evidence than an exact copy.
const MIN_NEAR_COPIES: usize = 2;
/// One-word section names (in one case) found as furniture before another one-word label in that case at a page
/// boundary counts as one: one found could be a heading the document repeats; two are its habit.
const MIN_ONE_WORD_FURNITURE: usize = 2;

/// For each short line, the other short lines that differ from it in exactly one part, the parts being what
/// separators (`|`, `·`, `—`, `–`, `/`, `•`, `::`, `»`) divide: `Politics | National Review` and
/// `Science | National Review`. Commas are no separators here: they divide the items of list lines.
/// `facts` are those of the short lines (see [`LineFacts`]).
pub(super) fn near_copies(facts: &[Option<Rc<LineFacts>>]) -> Vec<Vec<usize>> {
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

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn analyse(body: &Body<'_>) -> Pages {
        analyse_under(body, &[])
    }

    /// [`super::analyse`] of a body whose header gave `masthead` to metadata.
    pub(super) fn analyse_under(body: &Body<'_>, masthead: &[String]) -> Pages {
        super::analyse(
            body,
            &TextFacts::fresh(body),
            &|| super::super::function_words::guess(body.text),
            masthead,
            &|text| Rc::new(LineFacts::of(text)),
            &RefCell::default(),
        )
    }

    #[test]
    fn an_analysis_that_another_masthead_answers_alike_is_the_analysis_under_it() {
        // A header holding a page number between two references is furniture only under the masthead that names
        // it: checked against that masthead, the analysis without it says it would differ; against one that names
        // nothing in the text, that it would not, and it is the analysis under that one.
        let text = format!(
            "{}\n\n\\[4\\] [Notes](https://example.org/notes)\n\nThe Forum Weekly | 3\n\n\
             \\[5\\] [More](https://example.org/more)\n\n{}\n",
            prose("first", 600),
            prose("second", 600)
        );
        let body = Body::parse(&text);
        let checked = |other: &[String]| {
            super::analyse_checking(
                &body,
                &TextFacts::fresh(&body),
                &|| super::super::function_words::guess(body.text),
                &[],
                Some(other),
                &|text| Rc::new(LineFacts::of(text)),
                &RefCell::default(),
            )
        };
        let naming = ["the forum weekly".to_string()];
        let (pages, same) = checked(&naming);
        assert!(!same);
        assert_eq!(pages, analyse(&body));
        assert_ne!(pages, analyse_under(&body, &naming));
        let other = ["the daily planet".to_string(), "planet.example".to_string()];
        let (pages, same) = checked(&other);
        assert!(same);
        assert_eq!(pages, analyse_under(&body, &other));
    }

    #[test]
    fn lines_on_top_taken_away_are_kept_from_the_first_block_on() {
        let text = format!("Site Name\n\nSection\n\n{}\n", prose("first", 300));
        let body = Body::parse(&text);
        assert_eq!(
            super::lines_taken_on_top(&body, |_| true),
            ["site name", "section"]
        );
        assert_eq!(super::lines_taken_on_top(&body, |k| k == 0), ["site name"]);
        assert!(super::lines_taken_on_top(&body, |k| k == 1).is_empty());
    }

    /// The texts of `blocks` of `body`, in order.
    pub(super) fn texts_of(body: &Body<'_>, blocks: &[usize]) -> Vec<String> {
        blocks
            .iter()
            .map(|&i| body.block_text(i).to_string())
            .collect()
    }

    /// A paragraph of running text of about `chars` characters, ending in a sentence end.
    pub(super) fn prose(seed: &str, chars: usize) -> String {
        let sentence = format!(
            "The {seed} committee met again on a rainy morning and agreed on nothing at all. "
        );
        sentence
            .repeat(chars / sentence.len() + 1)
            .trim_end()
            .to_string()
    }

    /// Three paragraphs of running text of `chars` characters each, `lines` between them.
    pub(super) fn three_paragraphs(lines: [&str; 2], chars: [usize; 3]) -> String {
        format!(
            "{}\n\n{}\n\n{}\n\n{}\n\n{}\n",
            prose("first", chars[0]),
            lines[0],
            prose("second", chars[1]),
            lines[1],
            prose("third", chars[2])
        )
    }

    /// A page of `lines` short lines, no running text.
    pub(super) fn short_lines(seed: &str, lines: usize) -> String {
        (0..lines)
            .map(|k| format!("Diagnosis and repair of the {seed} system, part {k}"))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}
