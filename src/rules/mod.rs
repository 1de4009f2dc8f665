//! Cleanup rules: every change rinse makes to a markdown body is an [`Edit`] returned by a named rule, applied by
//! the engine here in passes until no rule has anything left to change.

mod body;
mod links;
mod markdown_shape;
mod metadata;
mod navigation;
mod page_boundary;
pub mod rule_file;
mod whitespace;

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::rc::Rc;

use rustc_hash::FxHashMap;
use scraper::Selector;

use crate::document::{Edit, EditLog, Metadata, TextLayout};
use crate::error::{Error, Result};

pub(crate) use body::{Body, Segment};
use navigation::page_chrome::Chunks;
use page_boundary::function_words::{self, Hits, Language, Reading};
use page_boundary::page::{self, LineFacts, Pages, TextFacts, WordAnswers};
use page_boundary::paged::{self, Plan};
pub use page_boundary::paged::{printed_metadata, Printed};

/// `[rules]` in `rinse.toml` and the `--select`/`--ignore` flags of `rinse clean`: which built-in rules run, by code
/// or prefix (`B`, `B00`, `B001`, or `ALL`), the way ruff selects.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, clap::Args)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleSelection {
    /// Run only these built-in rules: codes or prefixes, comma-separated (replaces `[rules] select`).
    ///
    /// Example: --select B,L001 runs the page-boundary rules and the placeholder rule.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    pub select: Option<Vec<String>>,
    /// Do not run these built-in rules: codes or prefixes, comma-separated (added to `[rules] ignore`).
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    #[serde(default)]
    pub ignore: Vec<String>,
}

/// The code of the rule that takes the header lines of a scraped document out of its body (`D001`).
pub const HEADER_LINES: &str = "D001";

/// The code of the rule that finds the page around the article in a whole-page dump (`N004`).
const PAGE_CHROME: &str = "N004";

/// More passes than this and cleanup fails with [`Error::NoConvergence`]. A pass in which only the rules that trim
/// the top and the bottom (`Rule::trims`) cut, and the text got shorter, is not counted: such passes cannot undo
/// each other, and two of those rules can take a long footer in turns, each uncovering what the other takes next
/// (`N002` a teaser, `N003` the short line above it, `N002` the teaser above that ...). They are bounded by
/// [`MAX_CUT_PASSES`].
pub const MAX_PASSES: usize = 10;

/// More passes in which only the trimming rules cut than this (beside the [`MAX_PASSES`] counted ones), and cleanup
/// fails with [`Error::NoConvergence`]: they are bounded anyway, each makes the text shorter, but a pass reads the
/// whole text again.
pub const MAX_CUT_PASSES: usize = 100;

/// The cleanup may make the body at most this many times its size before cleanup, plus [`GROWTH_SLACK`] bytes;
/// past it, it fails with [`Error::RuleGrowth`] naming the rule that grew it most.
pub const MAX_GROWTH: usize = 2;

/// What a short body may grow by beyond [`MAX_GROWTH`] times its size.
pub const GROWTH_SLACK: usize = 4096;

/// Where a document comes from, for scoping user rules.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scope<'a> {
    /// The page's URL, when known.
    pub url: Option<&'a str>,
    /// The input path relative to the input root.
    pub source: &'a str,
    /// Paged text (form feeds between pages, hard-wrapped lines): the first cleanup pass repairs its pages, lines
    /// and paragraphs (`B001`, `B003`, `B004`); later passes see the markdown paragraphs it made.
    pub paged: bool,
    /// What the layout of paged text tells about its lines (a PDF's positions), for its first pass.
    pub layout: Option<&'a TextLayout>,
    /// Whether the body is an article rinse extracted from an HTML page and rendered, rather than markdown another
    /// tool wrote: the rules that find the article in a whole page (`N004`) have nothing to do there.
    pub extracted: bool,
    /// Plain text (`--input-format text`): its lines as written, with no markup to judge by. Only the whitespace and
    /// character rules (`W`) and the user's rule files run: the other built-ins tell boilerplate by its links,
    /// lists and headings, and on bare lines they would take rinse's own `--format text` output apart again.
    pub plain: bool,
    /// What the document's header printed above the text and the reader took into metadata before the cleanup
    /// (its site name, its title), lowercased: the page-boundary analysis reads them with the lines above the
    /// first paragraph, for the running header that repeats them.
    pub masthead: &'a [String],
}

/// The HTML-stage rules that apply to one page.
#[derive(Debug, Default)]
pub struct HtmlRules<'a> {
    /// Selectors of elements to drop before extraction.
    pub remove: Vec<Selector>,
    /// A selector for the main content, overriding extraction.
    pub main: Option<&'a Selector>,
}

/// Where in the pipeline a built-in rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// In the cleanup passes over the markdown body, until no rule has anything left to change.
    Text,
    /// Once after the cleanup passes of a markdown input: lines of the body that are metadata leave it (`D001`).
    Metadata,
}

/// Whether a rule may change meaning; unsafe rules are off unless selected by their full code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Safety {
    /// Changes form, not meaning.
    Safe,
    /// May change meaning.
    Unsafe,
}

/// A built-in text rule: finds one kind of defect and returns the edits that repair it, never mutating.
pub(crate) trait Rule: Send + Sync {
    /// The stable code, a family letter and three digits (`B001`).
    fn code(&self) -> &'static str;
    /// The kebab-case name of the defect (`page-break-split`).
    fn name(&self) -> &'static str;
    /// What it repairs, an example, and when it could be wrong (markdown), shown by `rinse rules explain`.
    fn doc(&self) -> &'static str;
    /// Whether it may change meaning.
    fn safety(&self) -> Safety {
        Safety::Safe
    }
    /// Whether it also runs on an article rinse extracted from HTML (see [`Scope::extracted`]).
    fn after_extraction(&self) -> bool {
        true
    }
    /// Where in the pipeline it runs.
    fn stage(&self) -> Stage {
        Stage::Text
    }
    /// The edits that repair the body of this pass. They must not overlap one another.
    fn check(&self, cx: &Context<'_>) -> Vec<Edit>;
    /// Whether the rule reads the body one [`Segment`] at a time (a line, a character, a block), each on its own
    /// text: then it answers [`Rule::check_segment`], its `check` is [`by_segments`], and the engine asks it only
    /// for the segments an earlier pass changed.
    fn segment_local(&self) -> bool {
        false
    }
    /// For a [`Rule::segment_local`] rule: the edits that repair `segment`, in the segment's own offsets. They must
    /// depend on the segment's text and block shape alone.
    fn check_segment(&self, _segment: &Segment<'_>) -> Vec<Edit> {
        Vec::new()
    }
    /// Whether the rule only takes blocks off the top and the bottom of the body (the navigation above the text,
    /// the trailer under it, the page around it): a cut of one such rule brings other blocks to the top or the
    /// bottom, which the next pass may cut again. The engine then runs these rules alone until they cut no more
    /// ([`RuleSet::clean_in`]), and the other rules (the page-boundary analysis of every block among them) read
    /// the text again once the cuts are done, not after each.
    fn trims(&self) -> bool {
        false
    }
}

/// The edits of a [`Rule::segment_local`] rule over a whole body: its edits in each segment, in order.
pub(crate) fn by_segments(rule: &dyn Rule, body: &Body<'_>) -> Vec<Edit> {
    let mut edits = Vec::new();
    for segment in body.segments() {
        edits.extend(rule.check_segment(&segment).into_iter().map(|mut edit| {
            edit.range = edit.range.start + segment.start..edit.range.end + segment.start;
            edit
        }));
    }
    edits
}

/// What the rules of one cleanup pass look at: the body as blocks, and the analyses that several rules share, each
/// computed at most once per pass and only when a rule asks for it. The body itself knows nothing of them.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    /// The text of this pass, as blocks.
    pub body: Body<'a>,
    /// The page-boundary analysis of a markdown body, for the `B` rules.
    pages: OnceCell<Pages>,
    /// The masthead under which that analysis finds the same as under [`Context::masthead`], when the analysis
    /// checked one ([`Memo::next_masthead`]).
    pages_also_under: RefCell<Option<Vec<String>>>,
    /// The language of the body's function words, for the page-boundary analysis.
    language: OnceCell<Option<Language>>,
    /// For paged text in its first pass: the repair plan of [`paged`], for `B001`, `B003`, `B004`.
    paged: Option<OnceCell<Plan>>,
    /// The layout of paged text, when known.
    layout: Option<&'a TextLayout>,
    /// Whether the body came from paged text (in any pass).
    paged_source: bool,
    /// Whether the page analysis checks the masthead of the cleanup to come ([`Memo::next_masthead`]): not in the
    /// first pass over the markdown that the pages of paged text made, whose text the markdown rules still cut (a
    /// menu, a trailer) in every printed document, so that its analysis is never the last.
    checks_next_masthead: bool,
    /// [`Scope::masthead`].
    masthead: &'a [String],
    /// What earlier passes over the same document learnt about its blocks, when there are passes.
    memo: Option<&'a Memo>,
}

/// The analyses of a pass that read its blocks and the text between them, and nothing else: the page-boundary
/// analysis, the language, the word counts. A pass whose edits changed only the white space before the first block
/// or after the last (a missing final newline, `W002`) leaves them as they were, and the next pass takes them over.
#[derive(Debug, Default)]
pub(crate) struct Analyses {
    /// The splits and the furniture.
    pages: Option<Pages>,
    /// The masthead under which those are found too, besides the one they were found under.
    pages_also_under: Option<Vec<String>>,
    /// The language of the function words.
    language: Option<Option<Language>>,
    /// The word count of each block.
    words: Option<Vec<usize>>,
}

/// What the passes over one document learn about its blocks from their text alone, kept from pass to pass: a pass
/// changes a few blocks, and the blocks it leaves as they were are not read again in the next one. The pipeline
/// keeps one for all the cleanups of a document ([`RuleSet::clean_in`]): the header rounds of markdown, and the
/// output of paged text cleaned again as markdown, read the blocks the first cleanup read.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    /// How the last cleanup ended: a cleanup that starts from its text (the output of paged text cleaned again)
    /// takes over what its last pass found.
    last: RefCell<Option<Ending>>,
    /// The word count and the function words of each block text seen, read together once per text, and what else
    /// its text alone tells the page-boundary analysis ([`TextFacts`], found as it asks).
    blocks: RefCell<FxHashMap<Box<str>, BlockFacts>>,
    /// The [`LineFacts`] of each short line text seen by the page-boundary analysis.
    lines: RefCell<FxHashMap<Box<str>, Rc<LineFacts>>>,
    /// What the last page-boundary analysis found of the document's words, over the block texts it read: the
    /// next one asks mostly the same of mostly the same blocks.
    words: RefCell<WordAnswers>,
    /// What `N004` read in the chunks of the last pass's text.
    chrome: RefCell<Chunks>,
    /// The answers of the line rules to each [`Question`] about a line's text, per distinct text seen.
    answers: RefCell<FxHashMap<Box<str>, [Answer; QUESTIONS]>>,
    /// The lines and the running headers and footers of the paged text whose printed metadata was read
    /// ([`Memo::printed`]), and that text, for the first pass over it to take over.
    furniture: RefCell<Option<(Box<str>, paged::Found)>>,
    /// The masthead the next cleanup of the document reads, when it is known: the output of paged text is cleaned
    /// again as markdown under the masthead its front matter names (its title, the domain of its address). The
    /// page analyses of the cleanup before check whether that masthead would change what they find
    /// ([`page::analyse_checking`]); where it would not, the next cleanup takes over the analysis of the last pass
    /// instead of making it again.
    next_masthead: RefCell<Option<Vec<String>>>,
}

/// What the [`Memo`] keeps of a block's text: its reading and its [`TextFacts`].
type BlockFacts = (Reading, Rc<TextFacts>);

/// A question a line rule asks of a block's text alone, whatever stands around it: the rules that read the top
/// and the bottom lines of a body (`N001`, `N002`) ask it again of the same lines in every pass, and their tests
/// (menus, share rows, cookie notices) read every word. The [`Memo`] keeps each answer per distinct text.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Question {
    /// `N001`: whether a line above the article is navigation (a menu, a label, a cookie notice).
    Navigation,
    /// `N001`: whether a paragraph's text reads as running text.
    Prose,
    /// `N002`: whether a line has a trailer's shape (a share row, a menu, a copyright line).
    Trailer,
}

/// The number of [`Question`]s.
const QUESTIONS: usize = 3;

/// An answer kept in the [`Memo`]: unknown until asked.
type Answer = Option<bool>;

/// The longest text whose answers the [`Memo`] keeps: a longer line is no line of navigation or trailer (those are
/// short), and a copy of it per pass would cost more than its answer.
const MAX_ANSWERED_BYTES: usize = 4096;

/// The last pass of a cleanup, kept for the next cleanup of the same document.
#[derive(Debug)]
struct Ending {
    /// The text it read (and left as it was).
    text: Box<str>,
    /// Its analyses.
    analyses: Analyses,
    /// What its segment-local rules found in its segments, with the text as the stretch its (no) edits left.
    carried: Carried,
    /// The codes of those rules, in order.
    rules: Vec<&'static str>,
    /// The masthead its page analysis read.
    masthead: Vec<String>,
}

impl Memo {
    /// How the last cleanup ended, when it ended with `text` and its segment-local rules were `rules`. Its page
    /// analysis is kept only when it read `masthead` too: the masthead is evidence of furniture.
    fn ending_of(&self, text: &str, rules: &[&'static str], masthead: &[String]) -> Option<Ending> {
        let mut last = self.last.borrow_mut();
        if !last
            .as_ref()
            .is_some_and(|end| *end.text == *text && end.rules == rules)
        {
            return None;
        }
        let mut end = last.take()?;
        if end.masthead != masthead && end.analyses.pages_also_under.as_deref() != Some(masthead) {
            end.analyses.pages = None;
        }
        Some(end)
    }

    /// Tells the page analyses of the cleanups to come that the cleanup after them reads `masthead`
    /// ([`Memo::next_masthead`]); `None` when that is not known.
    pub(crate) fn expect_masthead(&self, masthead: Option<Vec<String>>) {
        *self.next_masthead.borrow_mut() = masthead;
    }

    /// The word count and the function words of `block`, read once per distinct text.
    fn reading(&self, block: &str) -> Reading {
        self.block(block).0
    }

    /// The word count of `block`: its reading's when the memo holds one, else counted, without reading its function
    /// words or keeping the text.
    fn words(&self, block: &str) -> usize {
        match self.blocks.borrow().get(block) {
            Some((reading, _)) => reading.words,
            None => body::word_count(block),
        }
    }

    /// The word count and the function words of `block`, read once per distinct text, and its [`TextFacts`], kept
    /// as the analyses of the passes find them.
    fn block(&self, block: &str) -> BlockFacts {
        if let Some((reading, facts)) = self.blocks.borrow().get(block) {
            return (*reading, Rc::clone(facts));
        }
        let known = (function_words::read(block), Rc::default());
        self.blocks
            .borrow_mut()
            .insert(block.into(), (known.0, Rc::clone(&known.1)));
        known
    }

    /// The title and URL that the running header and footer of paged text print ([`printed_metadata`]), found with
    /// its lines and its furniture, which the first pass of its cleanup takes over instead of finding them again.
    pub fn printed(&self, text: &str) -> Printed {
        let furniture = paged::furniture(text);
        let printed = furniture.printed();
        // A copy of the text tells the first pass that it reads the same; a huge text is read again instead.
        if text.len() <= CARRY_LIMIT {
            *self.furniture.borrow_mut() = Some((text.into(), furniture));
        }
        printed
    }

    /// The answer to `question` about `text`, found by `ask` once per distinct text (up to
    /// [`MAX_ANSWERED_BYTES`]).
    fn answer(&self, question: Question, text: &str, ask: impl Fn(&str) -> bool) -> bool {
        if text.len() > MAX_ANSWERED_BYTES {
            return ask(text);
        }
        let known = self
            .answers
            .borrow()
            .get(text)
            .and_then(|answers| answers[question as usize]);
        if let Some(known) = known {
            // A kept answer is what the question asked afresh would answer.
            debug_assert_eq!(known, ask(text), "a kept answer to {question:?} differs");
            return known;
        }
        let answer = ask(text);
        let mut answers = self.answers.borrow_mut();
        if let Some(answers) = answers.get_mut(text) {
            answers[question as usize] = Some(answer);
        } else {
            let mut new = [None; QUESTIONS];
            new[question as usize] = Some(answer);
            answers.insert(text.into(), new);
        }
        answer
    }

    /// The [`LineFacts`] of a short line's text, found once per distinct text.
    fn line(&self, text: &str) -> Rc<LineFacts> {
        if let Some(known) = self.lines.borrow().get(text) {
            return Rc::clone(known);
        }
        let known = Rc::new(LineFacts::of(text));
        self.lines
            .borrow_mut()
            .insert(text.into(), Rc::clone(&known));
        known
    }
}

impl<'a> Context<'a> {
    /// The context of a markdown body.
    pub fn markdown(text: &'a str) -> Context<'a> {
        Context {
            body: Body::parse(text),
            pages: OnceCell::new(),
            pages_also_under: RefCell::new(None),
            language: OnceCell::new(),
            paged: None,
            layout: None,
            paged_source: false,
            checks_next_masthead: false,
            masthead: &[],
            memo: None,
        }
    }

    /// The context of pass `pass` over `text`: paged text is paged only in the first pass, which turns it into
    /// markdown paragraphs that later passes repair with the markdown rules plus those for paged documents. `memo`
    /// carries what the earlier passes over the document learnt.
    pub fn of_pass(
        text: &'a str,
        scope: &Scope<'a>,
        pass: usize,
        memo: Option<&'a Memo>,
    ) -> Context<'a> {
        let first_paged = scope.paged && pass == 0;
        Context {
            paged: first_paged.then(OnceCell::new),
            layout: scope.layout.filter(|_| first_paged),
            paged_source: scope.paged,
            checks_next_masthead: !scope.paged || pass > 1,
            masthead: scope.masthead,
            memo,
            ..Context::markdown(text)
        }
    }

    /// This context with the analyses of an earlier pass over the same blocks (see [`Analyses`]).
    fn with_analyses(self, analyses: Analyses) -> Context<'a> {
        if let Some(words) = analyses.words {
            self.body.know_words(|| words);
        }
        let cx = Context {
            pages: analyses.pages.map_or_else(OnceCell::new, OnceCell::from),
            pages_also_under: RefCell::new(analyses.pages_also_under),
            language: analyses.language.map_or_else(OnceCell::new, OnceCell::from),
            ..self
        };
        // What an earlier pass found over the same blocks is what this one would find afresh.
        #[cfg(debug_assertions)]
        {
            let fresh = Context {
                masthead: cx.masthead,
                ..Context::markdown(cx.body.text)
            };
            if let Some(language) = cx.language.get() {
                assert_eq!(*language, fresh.language(), "a carried language differs");
            }
            if let Some(pages) = cx.pages.get() {
                assert_eq!(pages, fresh.pages(), "a carried page analysis differs");
            }
        }
        cx
    }

    /// The analyses this pass made, for the next pass when it reads the same blocks.
    fn into_analyses(self) -> Analyses {
        Analyses {
            pages: self.pages.into_inner(),
            pages_also_under: self.pages_also_under.into_inner(),
            language: self.language.into_inner(),
            words: self.body.into_words(),
        }
    }

    /// What `N004` read in the last pass, for it to read again only the chunks whose text changed; `None` outside
    /// the passes of the engine.
    pub fn chrome_chunks(&self) -> Option<&RefCell<Chunks>> {
        self.memo.map(|memo| &memo.chrome)
    }

    /// The answer to `question` about `text` (a block's text), found by `ask`: kept per distinct text from pass to
    /// pass and from cleanup to cleanup of a document, when there are passes.
    pub fn answer(&self, question: Question, text: &str, ask: impl Fn(&str) -> bool) -> bool {
        match self.memo {
            Some(memo) => memo.answer(question, text, ask),
            None => ask(text),
        }
    }

    /// Whether the body came from paged text.
    pub fn is_paged_source(&self) -> bool {
        self.paged_source
    }

    /// Whether this is the first pass over paged text, the one that reads the pages as printed.
    pub fn is_paged_plan_pass(&self) -> bool {
        self.paged.is_some()
    }

    /// The repair plan when this is paged text in its first pass.
    pub fn paged_plan(&self) -> Option<&Plan> {
        self.paged.as_ref().map(|cell| {
            cell.get_or_init(|| {
                let text = self.body.text;
                let found = self.memo.and_then(|memo| {
                    let kept = memo.furniture.borrow_mut().take();
                    kept.filter(|(read, _)| **read == *text)
                        .map(|(_, furniture)| furniture)
                });
                paged::plan(text, self.layout, found)
            })
        })
    }

    /// The splits and the furniture of a markdown body. Without a memo the language is worked out only if the
    /// analysis asks; with one, it comes with the readings of the blocks.
    pub fn pages(&self) -> &Pages {
        self.pages.get_or_init(|| {
            #[cfg(test)]
            tests::ANALYSES.with(|n| n.set(n.get() + 1));
            let language = || self.language();
            let Some(memo) = self.memo else {
                let texts = TextFacts::fresh(&self.body);
                return page::analyse(
                    &self.body,
                    &texts,
                    &language,
                    self.masthead,
                    &|text| Rc::new(LineFacts::of(text)),
                    &RefCell::default(),
                );
            };
            // The readings (word counts and function words) of the blocks seen in earlier passes are kept, and
            // what else their texts told the analysis of those passes.
            let mut hits = Hits::default();
            let (words, texts): (Vec<usize>, Vec<Rc<TextFacts>>) = (0..self.body.blocks.len())
                .map(|i| {
                    let (reading, facts) = memo.block(self.body.block_text(i));
                    for (sum, n) in hits.iter_mut().zip(reading.hits) {
                        *sum += n;
                    }
                    (reading.words, facts)
                })
                .unzip();
            self.body.know_words(|| words);
            // The readings hold the function words too, and the language is their sum (as `language` sums them):
            // set here, it costs no second lookup of every block in the memo when the analysis asks for it.
            let _ = self.language.set(function_words::best(&hits));
            // The masthead of the cleanup to come, when it is another.
            let next = memo.next_masthead.borrow();
            let other = next
                .as_deref()
                .filter(|next| self.checks_next_masthead && *next != self.masthead);
            let (pages, same) = page::analyse_checking(
                &self.body,
                &texts,
                &language,
                self.masthead,
                other,
                &|text| memo.line(text),
                &memo.words,
            );
            if same {
                *self.pages_also_under.borrow_mut() = other.map(<[String]>::to_vec);
            }
            drop(next);
            // What the memo kept from earlier passes and cleanups tells what a fresh reading would, and so does a
            // language worked out before the analysis.
            #[cfg(debug_assertions)]
            {
                let fresh = Context::markdown(self.body.text);
                let texts = TextFacts::fresh(&fresh.body);
                assert_eq!(
                    pages,
                    page::analyse(
                        &fresh.body,
                        &texts,
                        &|| fresh.language(),
                        self.masthead,
                        &|text| Rc::new(LineFacts::of(text)),
                        &RefCell::default(),
                    ),
                    "the page analysis from the memo differs from a fresh one"
                );
            }
            pages
        })
    }

    /// The language the body's function words tell, if they tell one: summed over its blocks (words never span
    /// the blank lines between them), each block counted once per document.
    pub fn language(&self) -> Option<Language> {
        *self.language.get_or_init(|| {
            let mut total = Hits::default();
            let mut words = Vec::new();
            for i in 0..self.body.blocks.len() {
                let text = self.body.block_text(i);
                let hits = match self.memo {
                    Some(memo) => {
                        let reading = memo.reading(text);
                        words.push(reading.words);
                        reading.hits
                    }
                    None => function_words::hits(text),
                };
                for (sum, n) in total.iter_mut().zip(hits) {
                    *sum += n;
                }
            }
            // The word counts came with the function words: the body need not count them again.
            if self.memo.is_some() {
                self.body.know_words(|| words);
            }
            function_words::best(&total)
        })
    }
}

/// The code table, in the order the engine consults the rules: when two edits overlap in a pass, the earlier
/// rule's edit is applied and the other rule looks again in the next pass.
static BUILTINS: &[&dyn Rule] = &[
    &page_boundary::page_break_split::PageBreakSplit,
    &page_boundary::hyphen_split::HyphenSplit,
    &page_boundary::page_furniture::PageFurniture,
    &page_boundary::hard_wrap::HardWrap,
    // The page around the article before the line rules, which then find only what it left: were one of their
    // edits to take part of what follows the article, the rest would be judged again on another page.
    &navigation::page_chrome::PageChrome,
    &navigation::nav_lines::NavLines,
    &navigation::trailer_lines::TrailerLines,
    &navigation::off_article::OffArticleText,
    &links::link_placeholder::LinkPlaceholder,
    &markdown_shape::trailing_heading::TrailingHeading,
    &whitespace::invisible_chars::InvisibleChars,
    &whitespace::no_break_space::NoBreakSpace,
    &whitespace::unicode::UnnormalizedUnicode,
    &whitespace::trailing_whitespace::TrailingWhitespace,
    &whitespace::blank_lines::BlankLines,
    &metadata::header_lines::HeaderLines,
];

/// Retired codes and the codes that replaced them, so old `select`/`ignore` entries keep working.
static REDIRECTS: &[(&str, &str)] = &[];

/// One row of `rinse rules list`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleInfo {
    /// The code (`B001`) or, for a user rule, `<file stem>/<id>`.
    pub code: String,
    /// The name (`page-break-split`) or, for a user rule, its kind (`replace`, `drop-line`, `remove`, `main`).
    pub name: String,
    /// `built-in` or the rule file's path.
    pub origin: String,
    /// Whether it runs.
    pub enabled: bool,
}

/// The built-in and user rules in force for a run.
#[derive(Debug, Default)]
pub struct RuleSet {
    enabled: Vec<bool>,
    files: Vec<rule_file::RuleFile>,
}

impl RuleSet {
    /// Whether a selector of a user rule names `attribute` (ASCII case ignored): the parser keeps such attributes
    /// even where rinse itself reads none (see [`crate::parse`]).
    pub fn selectors_mention(&self, attribute: &[u8]) -> bool {
        self.files.iter().any(|file| {
            file.remove
                .iter()
                .chain(&file.main)
                .any(|rule| crate::parse::contains_ignore_case(rule.source.as_bytes(), attribute))
        })
    }

    /// The built-in rules with their default selection and no user rules.
    pub fn builtin() -> RuleSet {
        RuleSet {
            enabled: BUILTINS
                .iter()
                .map(|r| r.safety() == Safety::Safe)
                .collect(),
            files: Vec::new(),
        }
    }

    /// The built-ins `selection` enables and the user rules of `rules`: a folder of `*.toml` files or one file.
    /// An entry of the selection that matches no rule is an error naming `origin`, where it was written.
    pub fn load(selection: &RuleSelection, origin: &Path, rules: &Path) -> Result<RuleSet> {
        let enabled = select(selection, origin)?;
        let files = rule_file::load_dir(rules)?;
        Ok(RuleSet { enabled, files })
    }

    /// The built-ins `selection` enables, with no user rules: for a program that reads no rules folder.
    pub fn selected(selection: &RuleSelection, origin: &Path) -> Result<RuleSet> {
        Ok(RuleSet {
            enabled: select(selection, origin)?,
            files: Vec::new(),
        })
    }

    /// A rule set with these built-ins enabled and the given user rule files.
    pub fn with_files(files: Vec<rule_file::RuleFile>) -> RuleSet {
        RuleSet {
            files,
            ..RuleSet::builtin()
        }
    }

    /// The user rule files, in the order they apply.
    pub fn files(&self) -> &[rule_file::RuleFile] {
        &self.files
    }

    /// Every rule, built-in then user rules, for `rinse rules list`.
    pub fn list(&self) -> Vec<RuleInfo> {
        let mut rows: Vec<RuleInfo> = BUILTINS
            .iter()
            .zip(&self.enabled)
            .map(|(rule, &enabled)| RuleInfo {
                code: rule.code().to_string(),
                name: rule.name().to_string(),
                origin: "built-in".to_string(),
                enabled,
            })
            .collect();
        rows.sort_by(|a, b| a.code.cmp(&b.code));
        for file in &self.files {
            rows.extend(file.list());
        }
        rows
    }

    /// The documentation of a built-in rule, by code or name: `(code, name, doc)`.
    pub fn explain(code: &str) -> Option<(&'static str, &'static str, &'static str)> {
        let code = REDIRECTS
            .iter()
            .find(|(old, _)| old.eq_ignore_ascii_case(code))
            .map_or(code, |(_, new)| new);
        BUILTINS
            .iter()
            .find(|r| r.code().eq_ignore_ascii_case(code) || r.name() == code)
            .map(|r| (r.code(), r.name(), r.doc()))
    }

    /// The HTML-stage rules for a page.
    pub fn html_rules(&self, scope: &Scope<'_>) -> HtmlRules<'_> {
        let mut rules = HtmlRules::default();
        for file in self.files.iter().filter(|f| f.applies(scope)) {
            rules
                .remove
                .extend(file.remove.iter().map(|r| r.selector.clone()));
            if let Some(main) = &file.main {
                rules.main = Some(&main.selector);
            }
        }
        rules
    }

    /// The edits each rule in force proposes for `text` in one pass, before overlaps are resolved: for tests
    /// (a rule's own edits never overlap) and for tools that show what a rule would do.
    pub fn proposals(&self, text: &str, scope: &Scope<'_>) -> Vec<(String, Vec<Edit>)> {
        let cx = Context::of_pass(text, scope, 0, None);
        let mut proposals = Vec::new();
        for file in self.files.iter().filter(|f| f.applies(scope)) {
            proposals.extend(file.check(&cx.body));
        }
        for (rule, _) in BUILTINS
            .iter()
            .zip(&self.enabled)
            .filter(|(rule, &on)| on && (rule.after_extraction() || !scope.extracted))
        {
            proposals.push((rule.code().to_string(), rule.check(&cx)));
        }
        proposals
    }

    /// `D001` when it is enabled: the header lines at the top of a cleaned markdown body, as the metadata they
    /// hold and the range they take. The pipeline applies it once after the cleanup passes.
    pub fn header_lines(&self, body: &str, known: &Metadata) -> Option<(Metadata, Range<usize>)> {
        let on = BUILTINS
            .iter()
            .zip(&self.enabled)
            .any(|(rule, &on)| on && rule.code() == HEADER_LINES);
        if on {
            metadata::header_lines::find(body, known)
        } else {
            None
        }
    }

    /// Cleans a markdown body in passes of the text-stage rules. Returns the cleaned text and the edits that made
    /// it.
    pub fn clean(&self, body: &str, scope: &Scope<'_>) -> Result<(String, EditLog)> {
        self.clean_in(body, scope, &Memo::default())
    }

    /// [`RuleSet::clean`] with what earlier cleanups of the same document learnt about its blocks, in `memo`,
    /// which keeps what this one learns. Past [`CARRY_LIMIT`] the cleanup keeps its own, dropped at its end.
    pub(crate) fn clean_in(
        &self,
        body: &str,
        scope: &Scope<'_>,
        shared: &Memo,
    ) -> Result<(String, EditLog)> {
        let builtins: Vec<&dyn Rule> = BUILTINS
            .iter()
            .zip(&self.enabled)
            .filter(|(rule, &on)| {
                on && rule.stage() == Stage::Text
                    && (rule.after_extraction() || !scope.extracted)
                    && (!scope.plain || rule.code().starts_with('W'))
            })
            .map(|(rule, _)| *rule)
            .collect();
        let files: Vec<&rule_file::RuleFile> =
            self.files.iter().filter(|f| f.applies(scope)).collect();
        let local: Vec<&dyn Rule> = builtins
            .iter()
            .copied()
            .filter(|rule| rule.segment_local())
            .collect();
        // The first pass reads the body as given: a copy is made only by the first edits.
        let mut text = Cow::Borrowed(body);
        let mut applied = EditLog::new();
        let mut pass = 0;
        let mut carried = Carried::default();
        // What the segments carry costs memory per segment: a huge body reads every segment again instead, and
        // keeps no memo past its cleanup.
        let carry = body.len() <= CARRY_LIMIT;
        let own = (!carry).then(Memo::default);
        let memo = own.as_ref().unwrap_or(shared);
        let codes: Vec<&'static str> = local.iter().map(|rule| rule.code()).collect();
        // The rules that trim the body, and whether this pass runs them alone: after a pass that trimmed it, they
        // trim what their cuts brought to the top and the bottom, pass after pass, before the others read it again.
        let trimmers: Vec<&dyn Rule> = builtins
            .iter()
            .copied()
            .filter(|rule| rule.trims())
            .collect();
        let mut trimming = false;
        // The passes in which only the trimming rules cut and the text got shorter (not counted in MAX_PASSES).
        let mut cuts = 0;
        let mut analyses = Analyses::default();
        // A text the last cleanup of the document ended with: its last pass is this one's last pass.
        if let Some(end) = memo.ending_of(body, &codes, scope.masthead) {
            analyses = end.analyses;
            carried = end.carried;
        }
        // The masthead with the lines `N004` took above the article in the first pass (see below).
        let mut masthead: Option<Vec<String>> = None;
        loop {
            let mut cx = Context::of_pass(&text, scope, pass, Some(memo));
            if let Some(masthead) = &masthead {
                cx.masthead = masthead;
            }
            // Whether the user rules and the trimming rules found nothing in this text already.
            let mut trimmed = false;
            if trimming {
                // The word counts the trimming rules read are those the memo keeps for the last pass's blocks; a
                // block it holds no reading of is counted alone (a trimming pass may cut it).
                cx.body.know_words(|| {
                    (0..cx.body.blocks.len())
                        .map(|i| memo.words(cx.body.block_text(i)))
                        .collect()
                });
                let mut acceptor = Acceptor::new(&text);
                // The user rules first, as in every pass.
                for file in &files {
                    for (rule, edits) in file.check(&cx.body) {
                        acceptor.add(rule, edits);
                    }
                }
                for rule in &trimmers {
                    acceptor.add(rule.code().to_string(), rule.check(&cx));
                }
                let accepted = acceptor.finish();
                // Trimmed to the end: this pass goes on with every other rule, on the same text. The pass after
                // an edit of a user rule, which may stand anywhere, runs every rule too.
                trimming =
                    !accepted.edits.is_empty() && accepted.made_by(&trimmers).all(|trims| trims);
                if !accepted.edits.is_empty() {
                    drop(cx);
                    if trimming && shrinks(&accepted) && cuts < MAX_CUT_PASSES {
                        cuts += 1;
                    } else if pass - cuts == MAX_PASSES {
                        return Err(no_convergence(&accepted));
                    }
                    check_growth(body.len(), text.len(), &accepted)?;
                    // What the last pass of every rule carries is kept, its stretches followed through the cuts.
                    carried.stretches = compose_stretches(
                        &carried.stretches,
                        &unchanged_stretches(text.len(), &accepted.edits),
                    );
                    text = Cow::Owned(apply(&text, pass, accepted, &mut applied));
                    pass += 1;
                    continue;
                }
                trimmed = true;
            }
            if carried.same_blocks(&cx.body) {
                cx = cx.with_analyses(std::mem::take(&mut analyses));
            }
            let mut acceptor = Acceptor::new(&text);
            // User rules first: they encode what a person knows about a site, built-ins then tidy up. The first
            // pass over paged text is the exception: it reads the pages as printed (hard wraps, page breaks, the
            // running headers and footers between them) and writes markdown, and a user rule that took a footer
            // line there first would hide the page boundary from it; user rules, written for lines of markdown,
            // read what it wrote from the next pass on.
            let plan_pass = cx.is_paged_plan_pass();
            if !plan_pass && !trimmed {
                for file in &files {
                    for (rule, edits) in file.check(&cx.body) {
                        acceptor.add(rule, edits);
                    }
                }
            }
            // The segment-local rules come after the rules that read the whole body (`N004` takes the page around
            // the article in the first pass over a dump, most of its bytes): they read only the segments that the
            // edits accepted before them leave, since an edit of theirs anywhere else would be left out.
            let mut local_edits: Option<std::vec::IntoIter<Vec<Edit>>> = None;
            // The first pass over a markdown dump: `N004` reads the page around the article before the rules that
            // read the whole body, and when it takes some it is the only one of them in the pass. The page-boundary
            // analysis and the line rules read the article from the next pass on, not the menus and footers around
            // it, which took most of a dump's instructions (and are not the document's pages: a line that repeats
            // only in its menus is no running header).
            // The lines it takes above the article stay evidence, as the masthead: what the page printed above
            // its text, which a running header repeats.
            let mut chrome = None;
            let mut above = None;
            if pass == 0 && !plan_pass {
                if let Some(rule) = builtins.iter().find(|rule| rule.code() == PAGE_CHROME) {
                    let edits = rule.check(&cx);
                    // Its edits that the user rules' edits leave free.
                    let taken: Vec<Range<usize>> = edits
                        .iter()
                        .map(|edit| edit.range.clone())
                        .filter(|range| acceptor.free(range.clone()))
                        .collect();
                    if !taken.is_empty() {
                        let body = &cx.body;
                        let lines = page::lines_taken_on_top(body, |k| {
                            covered(&taken, body.blocks[k].range.clone())
                        });
                        above = Some([scope.masthead, &lines].concat());
                        chrome = Some(edits);
                    }
                }
            }
            let chrome_first = chrome.is_some();
            for rule in builtins.iter().filter(|rule| !(trimmed && rule.trims())) {
                // Past the carry limit, a segment-local rule's own `check` reads every segment.
                let edits = if chrome_first && !rule.segment_local() {
                    if rule.code() == PAGE_CHROME {
                        chrome.take().unwrap_or_default()
                    } else {
                        Vec::new()
                    }
                } else if carry && rule.segment_local() {
                    local_edits
                        .get_or_insert_with(|| {
                            carried
                                .check(&cx.body, &local, |range| acceptor.covers(range))
                                .into_iter()
                        })
                        .next()
                        .expect("one list of edits per segment-local rule")
                } else {
                    rule.check(&cx)
                };
                acceptor.add(rule.code().to_string(), edits);
            }
            carried.span = cx.body.span();
            analyses = cx.into_analyses();
            if above.is_some() {
                masthead = above;
            }
            let accepted = acceptor.finish();
            carried.stretches = unchanged_stretches(text.len(), &accepted.edits);
            if accepted.edits.is_empty() && plan_pass && !files.is_empty() {
                // The user rules have not read this text yet.
                pass += 1;
                continue;
            }
            if accepted.edits.is_empty() {
                // An analysis under the lines `N004` took is not what a cleanup of the same text finds afresh.
                if masthead.is_some() {
                    analyses.pages = None;
                }
                if carry {
                    *memo.last.borrow_mut() = Some(Ending {
                        text: Box::from(&*text),
                        analyses,
                        carried,
                        rules: codes,
                        // The masthead of the analysis kept: `N004` took no lines above the article.
                        masthead: scope.masthead.to_vec(),
                    });
                }
                return Ok((text.into_owned(), applied));
            }
            if pass - cuts == MAX_PASSES {
                return Err(no_convergence(&accepted));
            }
            check_growth(body.len(), text.len(), &accepted)?;
            // The first pass over paged text reads its pages, and the next one its markdown whole: trimming
            // starts after that.
            trimming = !plan_pass && accepted.made_by(&trimmers).any(|trims| trims);
            text = Cow::Owned(apply(&text, pass, accepted, &mut applied));
            pass += 1;
        }
    }
}

/// Whether the ranges `taken` (in order, not overlapping) cover all of `range` (not empty).
fn covered(taken: &[Range<usize>], range: Range<usize>) -> bool {
    let mut at = range.start;
    let from = taken.partition_point(|t| t.end <= at);
    for t in &taken[from..] {
        if t.start > at || at >= range.end {
            break;
        }
        at = t.end;
    }
    at >= range.end && !range.is_empty()
}

/// Whether the `accepted` edits make the text shorter.
fn shrinks(accepted: &Accepted) -> bool {
    let removed: usize = accepted.edits.iter().map(|(_, e)| e.range.len()).sum();
    let added: usize = accepted
        .edits
        .iter()
        .map(|(_, e)| e.replacement.len())
        .sum();
    added < removed
}

/// The error of a cleanup whose pass [`MAX_PASSES`] still made the `accepted` edits, naming their rules.
fn no_convergence(accepted: &Accepted) -> Error {
    let mut rules: Vec<String> = accepted
        .edits
        .iter()
        .map(|(rule, _)| accepted.rule(*rule).to_string())
        .collect();
    rules.sort();
    rules.dedup();
    Error::NoConvergence {
        passes: MAX_PASSES,
        rules: rules.join(", "),
    }
}

/// The largest body whose segments carry what the segment-local rules found in them from pass to pass
/// ([`Carried`]): about 100 bytes a segment, which on a body of short blocks (a menu, one link a line) is several
/// times the text; past this the rules read every segment in every pass.
const CARRY_LIMIT: usize = 1 << 20;

/// What the segment-local rules (see [`Rule::segment_local`]) found in the segments of the last pass, carried to
/// the next pass for the segments its edits left as they were: a pass changes a few blocks, and the rules read
/// only those again. A segment of the same text has the same edits, in its own offsets.
#[derive(Debug, Default)]
struct Carried {
    /// The segments of the last pass, in order.
    segments: Vec<CarriedSegment>,
    /// Where the last pass's blocks started and ended, and how many there were.
    span: Option<(Range<usize>, usize)>,
    /// The stretches of the last pass's text that its edits left as they were, in order: their start in that text,
    /// their start in this one, their length.
    stretches: Vec<(usize, usize, usize)>,
}

/// A segment of the last pass and what the segment-local rules found in it.
#[derive(Debug)]
struct CarriedSegment {
    /// Where it started.
    start: usize,
    /// Its length.
    len: usize,
    /// Its block's kind and line count.
    block: Option<(body::BlockKind, usize)>,
    /// Each rule's edits, in the segment's own offsets; empty when no rule has one ([`found_in`]).
    edits: Vec<Vec<Edit>>,
}

/// The edits of each of `rules` in `segment`, in the segment's own offsets, or none at all when no rule has one: most
/// segments hold none, and an empty list takes no room.
fn found_in(rules: &[&dyn Rule], segment: &Segment<'_>) -> Vec<Vec<Edit>> {
    let mut found = Vec::new();
    for (k, rule) in rules.iter().enumerate() {
        let edits = rule.check_segment(segment);
        if !edits.is_empty() {
            if found.is_empty() {
                found.resize_with(rules.len(), Vec::new);
            }
            found[k] = edits;
        }
    }
    found
}

impl Carried {
    /// The edits of each of `rules` on `body`, in the order of `rules`: carried for a segment whose text the last
    /// pass left as it was, found for the others; what was found is kept for the next pass. A segment whose range
    /// `taken` says the edits of earlier rules take whole is not read: no edit of these rules there would be
    /// accepted, and the segment is gone in the next pass.
    fn check(
        &mut self,
        body: &Body<'_>,
        rules: &[&dyn Rule],
        taken: impl Fn(Range<usize>) -> bool,
    ) -> Vec<Vec<Edit>> {
        let mut edits: Vec<Vec<Edit>> = vec![Vec::new(); rules.len()];
        let mut previous = std::mem::take(&mut self.segments);
        let mut kept = Vec::new();
        // An empty segment (no blank line before the first block) holds no edit.
        for segment in body.segments().into_iter().filter(|s| !s.text.is_empty()) {
            if taken(segment.start..segment.start + segment.text.len()) {
                continue;
            }
            let found = self
                .old_start(segment.start, segment.text.len())
                .and_then(|old| previous.binary_search_by_key(&old, |s| s.start).ok())
                .filter(|&k| {
                    previous[k].len == segment.text.len() && previous[k].block == segment.block
                })
                .map(|k| std::mem::take(&mut previous[k].edits))
                .unwrap_or_else(|| found_in(rules, &segment));
            for (all, own) in edits.iter_mut().zip(&found) {
                all.extend(own.iter().map(|edit| Edit {
                    range: edit.range.start + segment.start..edit.range.end + segment.start,
                    replacement: edit.replacement.clone(),
                    reason: edit.reason,
                }));
            }
            kept.push(CarriedSegment {
                start: segment.start,
                len: segment.text.len(),
                block: segment.block,
                edits: found,
            });
        }
        self.segments = kept;
        edits
    }

    /// Whether `body` has the blocks of the last pass, and the same text between them: its edits changed nothing
    /// from the start of the first block to the end of the last (a text of the same blocks parses the same).
    fn same_blocks(&self, body: &Body<'_>) -> bool {
        match (&self.span, body.span()) {
            (Some((old, blocks)), Some((new, now))) => {
                *blocks == now
                    && old.len() == new.len()
                    && self.old_start(new.start, new.len()) == Some(old.start)
            }
            _ => false,
        }
    }

    /// Where the text at `start..start + len` of this pass stood in the last pass's text, when the last pass's
    /// edits left all of it as it was.
    fn old_start(&self, start: usize, len: usize) -> Option<usize> {
        let k = self
            .stretches
            .partition_point(|s| s.1 <= start)
            .checked_sub(1)?;
        let (old, new, stretch) = self.stretches[k];
        (start + len <= new + stretch).then(|| old + (start - new))
    }
}

/// The stretches of a text of `len` bytes that the `accepted` edits (sorted, not overlapping) leave as they are:
/// their start before the edits, their start after them, their length.
fn unchanged_stretches(len: usize, accepted: &[(usize, Edit)]) -> Vec<(usize, usize, usize)> {
    let mut stretches = Vec::with_capacity(accepted.len() + 1);
    let (mut old, mut shift) = (0usize, 0isize);
    for (_, edit) in accepted {
        if edit.range.start > old {
            let new = (old as isize + shift) as usize;
            stretches.push((old, new, edit.range.start - old));
        }
        shift += edit.replacement.len() as isize - edit.range.len() as isize;
        old = edit.range.end;
    }
    if len > old {
        stretches.push((old, (old as isize + shift) as usize, len - old));
    }
    stretches
}

/// The stretches of [`unchanged_stretches`] over two passes: `first` those the first left (its text to the next),
/// `then` those the second left (the next text to the last), in order; the result, those both left (the first
/// pass's text to the last), in the same form.
fn compose_stretches(
    first: &[(usize, usize, usize)],
    then: &[(usize, usize, usize)],
) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::with_capacity(first.len() + then.len());
    let mut k = 0;
    for &(old, mid, len) in first {
        // The stretches of `then` before this one end before it starts.
        while k < then.len() && then[k].0 + then[k].2 <= mid {
            k += 1;
        }
        let mut j = k;
        while j < then.len() && then[j].0 < mid + len {
            let (from, to, n) = then[j];
            let start = from.max(mid);
            let end = (from + n).min(mid + len);
            if start < end {
                let piece = (old + (start - mid), to + (start - from), end - start);
                match out.last_mut() {
                    Some(last) if last.0 + last.2 == piece.0 && last.1 + last.2 == piece.1 => {
                        last.2 += piece.2
                    }
                    _ => out.push(piece),
                }
            }
            j += 1;
        }
    }
    out
}

/// Refuses a pass whose edits would take the body (now `now` bytes, `before` before cleanup) past [`MAX_GROWTH`],
/// naming the rule that adds the most; checked before the text is built.
fn check_growth(before: usize, now: usize, accepted: &Accepted) -> Result<()> {
    let delta = |edit: &Edit| edit.replacement.len() as isize - edit.range.len() as isize;
    let after = now as isize
        + accepted
            .edits
            .iter()
            .map(|(_, edit)| delta(edit))
            .sum::<isize>();
    let limit = before
        .saturating_mul(MAX_GROWTH)
        .saturating_add(GROWTH_SLACK);
    if after <= limit as isize {
        return Ok(());
    }
    // Only now, for the message: which rule adds the most.
    let mut growth: BTreeMap<&str, isize> = BTreeMap::new();
    for (rule, edit) in &accepted.edits {
        *growth.entry(accepted.rule(*rule)).or_default() += delta(edit);
    }
    let rule = growth
        .iter()
        .max_by_key(|(rule, delta)| (**delta, std::cmp::Reverse(**rule)))
        .map(|(rule, _)| rule.to_string())
        .unwrap_or_default();
    Err(Error::RuleGrowth {
        rule,
        from: before,
        to: after.max(0) as usize,
        times: MAX_GROWTH,
    })
}

/// The edits of one pass, each with the index of its rule in `rules`: a rule's name is held once, not once per
/// edit (a body of 300,000 placeholder links has as many edits, issue 17).
#[derive(Debug, Default)]
struct Accepted {
    /// The names of the rules that proposed edits, in the order they did.
    rules: Vec<String>,
    /// The edits, sorted by position, not overlapping.
    edits: Vec<(usize, Edit)>,
}

impl Accepted {
    /// The name of the rule that made an edit of [`Accepted::edits`].
    fn rule(&self, index: usize) -> &str {
        &self.rules[index]
    }

    /// Whether each edit, in order, is an edit of one of `rules`.
    fn made_by<'s>(&'s self, rules: &'s [&dyn Rule]) -> impl Iterator<Item = bool> + 's {
        self.edits
            .iter()
            .map(|(rule, _)| rules.iter().any(|r| r.code() == self.rule(*rule)))
    }
}

/// Picks the edits of one pass, rule by rule in the order the engine consults them: no-op edits dropped, and an edit
/// overlapping one already accepted (from an earlier rule, or earlier in the same rule) left for the next pass.
#[derive(Debug)]
struct Acceptor<'t> {
    /// The text of the pass.
    text: &'t str,
    /// start -> end of every accepted edit; accepted edits never overlap, so only the nearest one before can.
    taken: BTreeMap<usize, usize>,
    /// What [`Acceptor::finish`] sorts into [`Accepted`].
    accepted: Accepted,
}

impl<'t> Acceptor<'t> {
    fn new(text: &'t str) -> Acceptor<'t> {
        Acceptor {
            text,
            taken: BTreeMap::new(),
            accepted: Accepted::default(),
        }
    }

    /// Whether an edit of `range` would overlap none accepted so far.
    fn free(&self, range: Range<usize>) -> bool {
        // Past the end of every edit taken, an edit overlaps none; at it, only an insertion (or an edit touching
        // one) does. The edit taken last in the text ends last (they never overlap, and an insertion at another's
        // end starts after it), so it alone tells, without a look into the others: most edits of a rule come in
        // order, each where the one before ends (`N004`'s thousands on a dump).
        if self.taken.last_key_value().is_none_or(|(&start, &end)| {
            range.start > end || (range.start == end && !range.is_empty() && start != end)
        }) {
            return true;
        }
        let overlaps = |(&s, &e): (&usize, &usize)| {
            if range.start == range.end || s == e {
                // An insertion conflicts with anything touching its point.
                range.start <= e && s <= range.end
            } else {
                range.start < e && s < range.end
            }
        };
        let before = self.taken.range(..range.start).next_back();
        !(before.is_some_and(overlaps) || self.taken.range(range.start..=range.end).any(overlaps))
    }

    /// Takes the edits `rule` proposes that are not no-ops and overlap none accepted before.
    fn add(&mut self, rule: String, edits: Vec<Edit>) {
        let index = self.accepted.rules.len();
        self.accepted.rules.push(rule);
        // Sized for the rule that proposes the most, which most edits of a big pass come from (on a body of links,
        // one per link), rather than doubled past them; the rules propose overlapping edits, so not their sum.
        if self.accepted.edits.capacity() < edits.len() {
            self.accepted
                .edits
                .reserve_exact(edits.len() - self.accepted.edits.len());
        }
        for edit in edits {
            let range = edit.range.clone();
            let valid = range.start <= range.end
                && range.end <= self.text.len()
                && self.text.is_char_boundary(range.start)
                && self.text.is_char_boundary(range.end);
            if !valid || self.text[range.clone()] == edit.replacement {
                continue;
            }
            if !self.free(range.clone()) {
                continue;
            }
            self.taken.insert(range.start, range.end);
            self.accepted.edits.push((index, edit));
        }
    }

    /// Whether the edits accepted so far leave no byte of `range` (not empty) as it is: then every edit a later
    /// rule proposes inside it, an insertion at its end included, overlaps one of them and is left out, and the
    /// later rules need not look there.
    fn covers(&self, range: Range<usize>) -> bool {
        let mut at = range.start;
        while at < range.end {
            match self.taken.range(..=at).next_back() {
                Some((_, &end)) if end > at => at = end,
                _ => return false,
            }
        }
        true
    }

    /// The accepted edits, sorted by position.
    fn finish(mut self) -> Accepted {
        self.accepted
            .edits
            .sort_by_key(|(_, e)| (e.range.start, e.range.end));
        self.accepted
    }
}

fn apply(text: &str, pass: usize, accepted: Accepted, log: &mut EditLog) -> String {
    let edits = accepted.edits.iter().map(|(rule, edit)| {
        log.push(
            accepted.rule(*rule),
            pass,
            edit.range.clone(),
            &edit.replacement,
            edit.reason,
        );
        edit
    });
    Edit::apply_all(text, edits)
}

/// Whether a `select`/`ignore` entry (a code, a prefix or `ALL`) names at least one built-in rule.
pub fn matches_a_rule(entry: &str) -> bool {
    BUILTINS.iter().any(|r| matches(entry, r.code()))
}

/// Which built-ins run: ruff-style `select`/`ignore` by code prefix (`ALL`, `B`, `B00`, `B001`). The most specific
/// matching entry wins; on a tie `ignore` wins. Unsafe rules need their full code in `select`.
fn select(selection: &RuleSelection, config: &Path) -> Result<Vec<bool>> {
    let default = ["ALL".to_string()];
    let selected = selection.select.as_deref().unwrap_or(&default);
    for entry in selected.iter().chain(&selection.ignore) {
        if !matches_a_rule(entry) {
            // A configuration file names its table; a flag (`--select`) is named as the origin itself.
            let table = if config.extension().is_some() {
                "[rules]: "
            } else {
                ""
            };
            return Err(Error::Config {
                path: config.to_path_buf(),
                message: format!(
                    "{table}`{entry}` matches no rule\nhint: `rinse rules list` shows the codes"
                ),
            });
        }
    }
    let best = |entries: &[String], code: &str| {
        entries
            .iter()
            .filter(|e| matches(e, code))
            .map(|e| if e == "ALL" { 0 } else { e.len() })
            .max()
    };
    Ok(BUILTINS
        .iter()
        .map(|rule| {
            let code = rule.code();
            let on = match (best(selected, code), best(&selection.ignore, code)) {
                (Some(s), Some(i)) => s > i,
                (Some(_), None) => true,
                _ => false,
            };
            let explicit = selected.iter().any(|e| e.eq_ignore_ascii_case(code));
            on && (rule.safety() == Safety::Safe || explicit)
        })
        .collect())
}

fn matches(entry: &str, code: &str) -> bool {
    let entry = REDIRECTS
        .iter()
        .find(|(old, _)| old.eq_ignore_ascii_case(entry))
        .map_or(entry, |(_, new)| new);
    entry == "ALL"
        || (!entry.is_empty()
            && code
                .to_ascii_uppercase()
                .starts_with(&entry.to_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        /// How many page-boundary analyses this thread's cleanups made.
        pub(super) static ANALYSES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    fn clean(text: &str) -> String {
        RuleSet::builtin()
            .clean(text, &Scope::default())
            .expect("cleanup converges")
            .0
    }

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(
            clean("\n\nOne\u{a0}two is a sentence.  \n\n\n\nthree\u{ad}four.\n\n\n"),
            "One two is a sentence.\n\nthreefour.\n"
        );
    }

    #[test]
    fn untouched_lines_come_out_byte_for_byte() {
        let text = "# A heading\n\nSome *text* with a [real link](https://example.com/).\n\n- item one\n- item two\n";
        assert_eq!(clean(text), text);
    }

    #[test]
    fn edits_are_attributed_to_their_rule() {
        let raw = "See [here](#) now.\n";
        let (_, log) = RuleSet::builtin()
            .clean(raw, &Scope::default())
            .expect("cleanup converges");
        let edits = log.applied(raw);
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].rule, "L001");
        assert_eq!(edits[0].before, "[here](#)");
        assert_eq!(edits[0].after, "here");
    }

    #[test]
    fn a_cleanup_of_the_text_the_last_one_ended_with_is_as_a_fresh_one() {
        let page = "The committee met on Monday and it agreed to\nthe plan.  \n\n- 3 -\n";
        let raw = format!("{page}\x0c{page}\x0c{page}");
        let paged = Scope {
            paged: true,
            ..Scope::default()
        };
        let rules = RuleSet::builtin();
        let memo = Memo::default();
        let (once, _) = rules
            .clean_in(&raw, &paged, &memo)
            .expect("cleanup converges");
        let extracted = Scope {
            extracted: true,
            ..Scope::default()
        };
        let ended = memo.last.borrow().as_ref().map(|end| end.text.to_string());
        assert_eq!(
            ended.as_deref(),
            Some(once.as_str()),
            "the last pass is known"
        );
        let fresh = rules.clean(&once, &extracted).expect("cleanup converges");
        let shared = rules
            .clean_in(&once, &extracted, &memo)
            .expect("cleanup converges");
        assert_eq!(shared, fresh);
    }

    /// Paged text under more menu lines than `N001` looks at above the text, with a page break inside its paragraph.
    fn menu_over_a_page_break() -> String {
        let menu: String = (0..12).map(|i| format!("Section{i}\n\n")).collect();
        format!(
            "{menu}Menu\n\nThe council met on Monday and agreed to the plan after a long debate about the\n\
            costs of the new bridge.\n\n- 3 -\n\x0cThe members said that the work on the new bridge would \
            start in the spring of\nnext year.\n"
        )
    }

    #[test]
    fn a_cleanup_under_the_masthead_the_last_one_checked_takes_over_its_analysis() {
        // Paged text whose first markdown pass cuts the menu above the text: the passes after it check the masthead.
        let raw = menu_over_a_page_break();
        let paged = Scope {
            paged: true,
            ..Scope::default()
        };
        let rules = RuleSet::builtin();
        let memo = Memo::default();
        let masthead = ["the daily planet".to_string(), "planet.example".to_string()];
        memo.expect_masthead(Some(masthead.to_vec()));
        let (once, _) = rules
            .clean_in(&raw, &paged, &memo)
            .expect("cleanup converges");
        memo.expect_masthead(None);
        // The masthead names nothing in the text: the analysis of the last pass holds under it.
        let kept = memo.last.borrow().as_ref().map(|end| {
            (
                end.analyses.pages.is_some(),
                end.analyses.pages_also_under.clone(),
            )
        });
        assert_eq!(kept, Some((true, Some(masthead.to_vec()))));
        let extracted = Scope {
            extracted: true,
            masthead: &masthead,
            ..Scope::default()
        };
        let fresh = rules.clean(&once, &extracted).expect("cleanup converges");
        let shared = rules
            .clean_in(&once, &extracted, &memo)
            .expect("cleanup converges");
        assert_eq!(shared, fresh);
    }

    #[test]
    fn a_cleanup_under_another_masthead_analyses_the_pages_again() {
        // A header holding a page number between two references is furniture only when the masthead names it:
        // the page analysis of a cleanup without that masthead is not the one a cleanup under it makes.
        let prose = |seed: &str| {
            format!(
                "The {seed} committee met again on a rainy morning and agreed on nothing at all. "
            )
            .repeat(8)
        };
        let text = format!(
            "{}\n\n\\[4\\] [Notes](https://example.org/notes)\n\nThe Forum Weekly | 3\n\n\
             \\[5\\] [More](https://example.org/more)\n\n{}\n",
            prose("first").trim_end(),
            prose("second").trim_end()
        );
        let rules = RuleSet::builtin();
        let memo = Memo::default();
        let (bare, _) = rules
            .clean_in(&text, &Scope::default(), &memo)
            .expect("cleanup converges");
        assert_eq!(bare, text);
        let masthead = ["the forum weekly".to_string()];
        let named = Scope {
            masthead: &masthead,
            ..Scope::default()
        };
        let fresh = rules.clean(&text, &named).expect("cleanup converges");
        assert!(!fresh.0.contains("| 3"), "{}", fresh.0);
        let shared = rules
            .clean_in(&text, &named, &memo)
            .expect("cleanup converges");
        assert_eq!(shared, fresh);
    }

    #[test]
    fn word_counts_of_blocks_the_memo_has_not_read_keep_nothing() {
        let memo = Memo::default();
        // A block the memo has not read is counted, and its text is not kept (a trimming pass may cut it).
        assert_eq!(memo.words("one two, three"), 3);
        assert!(memo.blocks.borrow().is_empty());
        // A block it has read gives its reading's count, the same.
        let (reading, _) = memo.block("one two, three");
        assert_eq!(reading.words, 3);
        assert_eq!(memo.words("one two, three"), 3);
        for text in [
            "",
            "日本語の文章です",
            "It’s “quoted” — naïve café.",
            "a\u{a0}b\tc",
        ] {
            assert_eq!(
                memo.words(text),
                function_words::read(text).words,
                "{text:?}"
            );
        }
    }

    #[test]
    fn block_facts_kept_between_passes_follow_the_block_text() {
        // The same document in two passes: the first half ends inside an open bracket, then the bracket is closed.
        // Only the open one stops mid-clause, so a fact kept for the place rather than for the text would join both.
        let page = |first: &str| {
            format!(
                "{first}\n\n- 3 -\n\nParis was where the members of the committee met again that year.\n"
            )
        };
        let open =
            page("The members of the committee said that they would meet again soon (as planned");
        let closed =
            page("The members of the committee said that they would meet again soon (as planned)");
        let memo = Memo::default();
        let splits = |text: &str, memo: Option<&Memo>| {
            Context::of_pass(text, &Scope::default(), 1, memo)
                .pages()
                .breaks
                .len()
        };
        assert_eq!(splits(&open, None), 1);
        assert_eq!(splits(&closed, None), 0);
        for text in [&open, &closed, &open, &closed] {
            assert_eq!(splits(text, Some(&memo)), splits(text, None), "{text}");
        }
        // The facts are kept per text: asked again, a text gets the ones found before.
        let block = "(as planned";
        assert!(Rc::ptr_eq(&memo.block(block).1, &memo.block(block).1));
        assert!(!Rc::ptr_eq(
            &memo.block(block).1,
            &memo.block("(as planned)").1
        ));
    }

    #[test]
    fn cuts_that_bring_more_to_cut_to_the_top_are_made_before_the_other_rules_read_again() {
        // More menu lines than `N001` looks at above the text: `N003` takes the page above the article but the
        // label right above it, which `N001` then takes in a pass of the trimming rules alone.
        let raw = menu_over_a_page_break();
        let paged = Scope {
            paged: true,
            ..Scope::default()
        };
        ANALYSES.with(|n| n.set(0));
        let (text, log) = RuleSet::builtin()
            .clean(&raw, &paged)
            .expect("cleanup converges");
        assert_eq!(
            text,
            "The council met on Monday and agreed to the plan after a long debate about the costs of the new \
            bridge.\n\nThe members said that the work on the new bridge would start in the spring of next year.\n"
        );
        let edits = log.applied(&raw);
        let cuts: Vec<(&str, usize)> = edits
            .iter()
            .filter(|e| e.rule.starts_with('N'))
            .map(|e| (e.rule.as_str(), e.pass))
            .collect();
        // The first pass reads the pages, the second its paragraphs and the page around them.
        assert_eq!(cuts, [("N003", 1), ("N001", 2)], "{edits:?}");
        // The analysis read the text the first cut was made on, and the text after the last cut: not the text
        // between the cuts.
        assert_eq!(ANALYSES.with(|n| n.get()), 2);
    }

    #[test]
    fn stretches_follow_two_passes() {
        // `abcdefghij`: the first pass takes `cd`, the second the `g` of `abefghij`.
        let first = unchanged_stretches(10, &[(0, Edit::delete(2..4))]);
        let then = unchanged_stretches(8, &[(0, Edit::delete(4..5))]);
        assert_eq!(first, [(0, 0, 2), (4, 2, 6)]);
        assert_eq!(then, [(0, 0, 4), (5, 4, 3)]);
        assert_eq!(
            compose_stretches(&first, &then),
            [(0, 0, 2), (4, 2, 2), (7, 4, 3)]
        );
        // What one pass left whole stays whole; nothing left, nothing carried.
        assert_eq!(compose_stretches(&first, &[(0, 0, 8)]), first);
        assert!(compose_stretches(&first, &[]).is_empty());
    }

    #[test]
    fn an_edit_is_free_exactly_when_it_overlaps_no_edit_taken() {
        // Edits in order, each where the one before ends, insertions among them and edits out of order: the quick
        // answer past the last end is the one a look at every edit taken gives.
        let text = "x".repeat(64);
        let overlaps = |a: &Range<usize>, b: &Range<usize>| {
            if a.is_empty() || b.is_empty() {
                a.start <= b.end && b.start <= a.end
            } else {
                a.start < b.end && b.start < a.end
            }
        };
        let mut seed = 7u64;
        for _ in 0..200 {
            let mut acceptor = Acceptor::new(&text);
            let mut taken: Vec<Range<usize>> = Vec::new();
            let mut at = 0;
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let pick = (seed >> 33) as usize;
                // Mostly right where the last edit ended, now and then an insertion or a jump back.
                let start = match pick % 5 {
                    0 => pick % 60,
                    _ => at,
                };
                let len = if pick.is_multiple_of(7) {
                    0
                } else {
                    1 + pick % 4
                };
                let range = start.min(60)..(start + len).min(64);
                let expected = !taken.iter().any(|t| overlaps(t, &range));
                assert_eq!(
                    acceptor.free(range.clone()),
                    expected,
                    "{range:?} after {taken:?}"
                );
                acceptor.add("A".to_string(), vec![Edit::replace(range.clone(), "y")]);
                if expected {
                    taken.push(range.clone());
                    at = range.end;
                }
            }
        }
    }

    #[test]
    fn accepted_edits_cover_a_range_only_without_a_gap() {
        let text = "one two three four\n";
        let mut acceptor = Acceptor::new(text);
        acceptor.add(
            "A".to_string(),
            vec![Edit::delete(0..4), Edit::delete(4..8)],
        );
        acceptor.add("B".to_string(), vec![Edit::delete(14..18)]);
        assert!(acceptor.covers(0..8));
        assert!(acceptor.covers(2..6));
        assert!(!acceptor.covers(0..9), "byte 8 is left as it is");
        assert!(!acceptor.covers(10..16));
        assert!(acceptor.covers(14..18));
        // An edit of a later rule inside a covered range is left out, an insertion at its end too.
        acceptor.add(
            "C".to_string(),
            vec![
                Edit::delete(5..6),
                Edit::replace(8..8, "x"),
                Edit::delete(9..10),
            ],
        );
        let accepted = acceptor.finish();
        let ranges: Vec<_> = accepted
            .edits
            .iter()
            .map(|(_, e)| e.range.clone())
            .collect();
        assert_eq!(ranges, [0..4, 4..8, 9..10, 14..18]);
    }

    #[test]
    fn segment_local_rules_skip_segments_taken_whole() {
        let text = "Menu  \n\nThe text.  \n";
        let body = Body::parse(text);
        let rules: [&dyn Rule; 1] = [&whitespace::trailing_whitespace::TrailingWhitespace];
        let mut carried = Carried::default();
        let all = carried.check(&body, &rules, |_| false);
        assert_eq!(all[0].len(), 2, "both lines end in spaces: {all:?}");
        let mut carried = Carried::default();
        let menu = 0..text.find('\n').expect("a line");
        let rest = carried.check(&body, &rules, |range| range == menu);
        let ranges: Vec<_> = rest[0].iter().map(|e| e.range.clone()).collect();
        assert_eq!(ranges, [all[0][1].range.clone()]);
        assert!(
            carried.segments.iter().all(|s| s.start != 0),
            "a segment taken whole is not carried"
        );
    }

    /// A whole-page dump: a menu and the site's name above the article, a running header between its paragraphs
    /// that repeats the site's name, a footer below.
    fn dump_with_running_header() -> String {
        let p = "The committee met again on a rainy morning in the old town hall and agreed on nothing at all, as it \
                 had done for years before.";
        format!(
            "[Home](/home/) » [Culture](/culture/) » [Sport](/sport/)\n\nGOOD NEWS DAILY\n\n\
             [The committee agreed on nothing at all this year](https://example.org/the-committee-agreed/)\n\n\
             12 December 2022\n\n{p}\n\n{p} {p}\n\n{p} {p} {p}\n\n12.12.2022 | Good News Daily\n\n\
             {p} {p} {p}\n\n{p}\n\nSign up for our daily newsletter\n\nBack to top\n"
        )
    }

    #[test]
    fn page_chrome_goes_alone_in_the_first_pass_over_a_dump() {
        let raw = dump_with_running_header();
        let (out, log) = RuleSet::builtin()
            .clean(&raw, &Scope::default())
            .expect("cleanup converges");
        let edits = log.applied(&raw);
        assert!(
            edits.iter().any(|e| e.rule == "N004" && e.pass == 0),
            "{edits:?}"
        );
        assert!(
            edits.iter().all(|e| e.pass > 0 || e.rule == "N004"),
            "only N004 and the segment-local rules edit the first pass: {edits:?}"
        );
        // The site's name went with the page above the article, and still tells the running header that repeats
        // it: furniture.
        assert!(!out.contains("Good News Daily"), "{out}");
        assert!(
            edits
                .iter()
                .any(|e| e.rule == "B003" && e.before.contains("Good News Daily")),
            "{edits:?}"
        );
    }

    #[test]
    fn ranges_cover_a_block_only_without_a_gap() {
        let taken = [0..4, 4..8, 10..12];
        assert!(covered(&taken, 0..8));
        assert!(covered(&taken, 5..7));
        assert!(!covered(&taken, 6..11), "bytes 8 and 9 are left");
        assert!(covered(&taken, 10..12));
        assert!(!covered(&taken, 12..13));
        assert!(!covered(&[], 0..1));
    }

    #[test]
    fn trimming_rules_that_take_a_footer_in_turns_converge() {
        // The teasers below a printed article (reduced from a printed page): N002 takes a teaser (a title and its
        // cut excerpt) whose reading time stops it, and N003 takes that reading time, left below the article,
        // uncovering the teaser above for N002: more passes than MAX_PASSES, each of them cutting.
        let raw =
            "L’économie bleue constitue l’un des piliers de l’économie du futur, compte tenu de\n\
ses ric…\n\
4 min lues\n\
Economie de la mer: potentiel en déclin\n\
L’économie bleue occupe une place de choix à l’avenir, compte tenu des différentes\n\
activit…\n\
20 min lues\n\
Charger plus par Chokri GHARBI\n\
Les quantités de dattes exportées au gouvernorat de Tozeur ont atteint 12140\n\
tonnes depuis…\n\
2 min lues\n\
Kébili : Trois cas d’hépatite (A) enregistrés dans une école\n\
Trois cas d’hépatite (A) ont été enregistrés, la semaine dernière, à l’école primaire de\n\
«…\n\
2 min lues\n\
Kasserine : Saisie de 19 plaques de résine de cannabis\n\
Les unités de la garde nationale à Kasserine ont effectué, mardi, une perquisition au\n\
domi…\n\
19/02/2020\n\
1 min lues\n";
        let paged = Scope {
            paged: true,
            ..Scope::default()
        };
        let (clean, log) = RuleSet::builtin()
            .clean(raw, &paged)
            .expect("passes that only cut are not counted");
        let edits = log.applied(raw);
        assert!(edits.iter().any(|e| e.pass >= MAX_PASSES), "{clean}");
        assert!(!clean.contains("Kasserine"), "{clean}");
    }

    #[test]
    fn a_rule_that_feeds_itself_does_not_converge() {
        let err = growing_rules().clean("x\n", &Scope::default()).unwrap_err();
        assert!(matches!(err, Error::NoConvergence { .. }), "{err}");
        assert!(err.to_string().contains("loop/grow"), "{err}");
    }

    /// A rule file whose one rule feeds itself: every `x` becomes `xx`.
    fn growing_rules() -> RuleSet {
        let file = rule_file::parse(
            Path::new("loop.toml"),
            "[[replace]]\nid = \"grow\"\npattern = 'x'\nwith = 'xx'\n",
        )
        .expect("a valid rule file");
        RuleSet::with_files(vec![file])
    }

    #[test]
    fn the_last_state_of_a_cleanup_that_does_not_converge_is_no_fixed_point() {
        // Why a cleanup that does not converge is an error (the file is not written, exit 2) rather than its last
        // state written with the rules still editing frozen: the rules that were frozen run again on that state
        // when it is cleaned a second time, and edit it, so clean(clean(x)) != clean(x).
        let rules = growing_rules();
        assert!(rules.clean("x\n", &Scope::default()).is_err());
        // What `MAX_PASSES` passes made of `x`, each doubling it: the state a frozen cleanup would write.
        let last = format!("{}\n", "x".repeat(1 << MAX_PASSES));
        // Cleaning it again does not give it back: the rule edits it (past the growth bound, an error too).
        let again = rules.clean(&last, &Scope::default());
        assert!(!matches!(&again, Ok((out, _)) if *out == last));
    }

    #[test]
    fn select_and_ignore_by_prefix() {
        let selection = RuleSelection {
            select: Some(vec!["W".to_string(), "B001".to_string()]),
            ignore: vec!["W00".to_string(), "W002".to_string()],
        };
        let enabled = select(&selection, Path::new("rinse.toml")).expect("valid selection");
        let on: Vec<&str> = BUILTINS
            .iter()
            .zip(enabled)
            .filter(|(_, on)| *on)
            .map(|(r, _)| r.code())
            .collect();
        assert_eq!(on, ["B001"]);
    }

    #[test]
    fn unknown_selector_is_an_error() {
        let selection = RuleSelection {
            select: Some(vec!["Z9".to_string()]),
            ignore: Vec::new(),
        };
        assert!(select(&selection, Path::new("rinse.toml")).is_err());
    }
}
