//! The words a document writes, and how ([`Words`]): asked of the whole text by the tests of a split, read in the text
//! or in an index of it, and kept between analyses ([`WordAnswers`]).

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;
use std::sync::LazyLock;

use memchr::memmem;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::super::function_words::TwoByteTable;
use super::facts::TextFacts;
use crate::rules::body::Body;

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
pub(super) struct Words<'a> {
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
    ///
    /// [`last_word`]: super::joins::last_word
    tails: HashSet<(&'a str, &'a str)>,
}

impl<'a> Words<'a> {
    pub(super) fn new(body: &'a Body<'a>) -> Words<'a> {
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
    pub(super) fn carrying(self, texts: &'a [Rc<TextFacts>], kept: WordAnswers) -> Words<'a> {
        Words {
            texts,
            kept,
            ..self
        }
    }

    /// What this analysis found, for the next one: its answers, and those kept that still hold (a yes whose block
    /// text is still there).
    pub(super) fn take_answers(&self) -> WordAnswers {
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
    /// punctuation, as a whole word (`said Megan Holloway`, `sollen alle Ärzte`), in one of its blocks. Such
    /// words are names, and nouns in a language that capitalises them; one at the start of a paragraph says
    /// nothing of a sentence starting there.
    pub(super) fn as_name(&self, word: &str) -> bool {
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
    /// `health.northfield.example.org` in a link's target does not make `Northfield` a common word.
    pub(super) fn in_lower_case(&self, word: &str) -> bool {
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
    pub(super) fn together(&self, last: &str, next: &str) -> bool {
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
/// target (`](https://www.health.northfield.example.org/…)`, `](/world/…)`), a URL (`https://…`) or a bare `www.` name. An
/// address is no text: its words (`northfield`, the slug's `of`) say nothing of how the text writes them, and a name
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

/// Whether `text` stands in `document` as words of a longer line (not inside a longer word or number, and not as
/// a line of its own).
pub(super) fn named_in_text(document: &str, text: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::joins::first_word;
    use super::*;

    #[test]
    fn alphanumeric_tells_every_character_as_the_standard_library_does() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
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
        let text = "said Megan Holloway, a microbiologist.\n\nWith MEGAN and Megan-Jo; \"Holloway\" \
                    met\u{a0}Ärzte and anna’s Anna’s Ann.\n\nlower\n\nHolloway said so in Hollowayville \
                    of Hollo.\n\n- item one\n- item Two\n\nit is Two-thirds of Z ÄrzteX Megan\n";
        let body = Body::parse(text);
        let names = names_inside(&body);
        let mut words: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
            .filter(|w| !w.is_empty())
            .collect();
        words.extend(["", "Hollo", "Hollowayvill", "Megan-", "Ann", "X", "Anna"]);
        let (read, index) = (Words::new(&body), Words::indexed(&body));
        read.scans_left.set(usize::MAX);
        for word in words {
            assert_eq!(index.as_name(word), names.contains(word), "{word:?}");
            assert_eq!(read.as_name(word), names.contains(word), "{word:?}");
        }
        assert!(index.as_name("Ärzte") && index.as_name("Two-thirds"));
        assert!(!index.as_name("Holloway") || names.contains("Holloway"));
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
        let first = Body::parse("said Megan Holloway on Wall Street.\n\nLast of all.\n\nthe end\n");
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
        let text = "said Megan Holloway, a co-op’s Wall Street (New York) 3.5 Court\nWall\nStreet met\u{a0}Ärzte \
                    U.S. Army and i\u{307}stanbul or İzmir; e.g. Fed\tChair x-Ray.\n\nlast Last İstanbul - Dash \
                    it’s It’s İ\n\n(see Supreme) Court, of the Court Justice\n\nby [Northfield Health](https://www.health.\
                    northfield.example.org/listing_of_vitamins) as www.newswire.example.com/x_and_y or \
                    <https://tvnews.example.net/on_air> Tvnews\n";
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
        assert!(!indexed.together("Court", "Wall") && !indexed.together("Holloway", "a"));
        assert!(indexed.in_lower_case("Last") && indexed.in_lower_case("İstanbul"));
        // The words of an address are not read: a name linked to its site is no common word.
        for name in ["Northfield", "Vitamins", "Newswire", "Tvnews", "Air"] {
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
}
