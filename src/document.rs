//! The types every stage shares: a page's metadata, the kind of an input, the edits cleanup rules make, and the
//! cleaned document the pipeline hands to the emitter; and the cells of a markdown table row that a parser drops
//! ([`overflow_cells`]), which the emitter and the page read both take in.

use std::ops::Range;

use serde::Serialize;

mod edit_log;
mod table_row;

pub use edit_log::{EditLog, LoggedEdit, LoggedEdits};
pub use table_row::overflow_cells;

/// What rinse knows about a document. Every field is optional; unknown fields are left out of the output.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// The headline as the page displays it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The people (or agencies) in the byline.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Published: `YYYY-MM-DD`, or RFC 3339 when the time is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Last modified, same format as `date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// The publication's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// The URL the page was fetched from (sidecar, WARC record) or declares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The page's own `<link rel=canonical>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// ISO 639-1 code of the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The page's summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The number of pages of a paged document (a PDF).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// The input path relative to the input root.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// When the page was fetched, from the fetch sidecar or the WARC record (never the clock of the run).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fetched: Option<String>,
    /// Front matter keys of a markdown input that rinse does not know, kept as `(key, value)` in their original
    /// order so that cleaning a cleaned file changes nothing; written back as quoted YAML.
    #[serde(skip)]
    pub extra: Vec<(String, FrontValue)>,
    /// What had to be dropped while reading the metadata (front matter keys with a YAML tag or alias), for the
    /// pipeline to report as warnings.
    #[serde(skip)]
    pub notes: Vec<String>,
}

/// A front matter value rinse does not interpret, carried from a markdown input to its output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrontValue {
    /// A number, boolean or null, as written (`3`, `1.5`, `true`, `~`).
    Plain(String),
    /// Text.
    Text(String),
    /// A list.
    List(Vec<FrontValue>),
    /// A mapping with text keys, in order.
    Map(Vec<(String, FrontValue)>),
}

impl Metadata {
    /// Fills every field of `self` that is unknown with the value from `other`.
    pub fn fill_from(&mut self, other: Metadata) {
        fn fill(slot: &mut Option<String>, value: Option<String>) {
            if slot.is_none() {
                *slot = value;
            }
        }
        fill(&mut self.title, other.title);
        if self.authors.is_empty() {
            self.authors = other.authors;
        }
        fill(&mut self.date, other.date);
        fill(&mut self.modified, other.modified);
        fill(&mut self.site, other.site);
        fill(&mut self.url, other.url);
        fill(&mut self.canonical, other.canonical);
        if self.pages.is_none() {
            self.pages = other.pages;
        }
        fill(&mut self.language, other.language);
        fill(&mut self.description, other.description);
        fill(&mut self.source, other.source);
        fill(&mut self.fetched, other.fetched);
        if !other.extra.is_empty() {
            let known: std::collections::HashSet<String> =
                self.extra.iter().map(|(k, _)| k.clone()).collect();
            self.extra
                .extend(other.extra.into_iter().filter(|(k, _)| !known.contains(k)));
        }
        self.notes.extend(other.notes);
    }
}

/// What a paged document's layout tells about each line of its text (one entry per line, blank lines included),
/// for the rules that repair paged text: known for a PDF, unknown for plain paged text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextLayout {
    /// The lines, in the order of the text.
    pub lines: Vec<LineLayout>,
}

/// What the positions tell about one line.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineLayout {
    /// Whether the next line's first word would have fitted on this line before the right edge of the lines around
    /// it (then the line ended by choice: a paragraph end); `None` for the last line of a page or a blank line.
    pub fits_next_word: Option<bool>,
    /// The font size in points (0 for a blank line).
    pub size: f32,
    /// The room left on the line before that right edge, less a space, in points (0 for a blank line): the next
    /// body line after a page break or a running footer fits there when its [`LineLayout::first_word`] does.
    pub room: f32,
    /// The width of the line's first word, in points (0 for a blank line).
    pub first_word: f32,
}

/// One change a cleanup rule wants to make to the markdown body: replace `range` (byte offsets) by `replacement`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Byte range in the text the rule was given.
    pub range: Range<usize>,
    /// The text that replaces it.
    pub replacement: String,
    /// Why, when the rule tells its edits apart (`N004`: `after the article`), shown by `rinse diff`.
    pub reason: Option<&'static str>,
}

impl Edit {
    /// An edit that deletes `range`.
    pub fn delete(range: Range<usize>) -> Self {
        Self {
            range,
            replacement: String::new(),
            reason: None,
        }
    }

    /// An edit that replaces `range` with `replacement`.
    pub fn replace(range: Range<usize>, replacement: impl Into<String>) -> Self {
        Self {
            range,
            replacement: replacement.into(),
            reason: None,
        }
    }

    /// The same edit with the reason `rinse diff` shows for it.
    pub fn because(self, reason: &'static str) -> Self {
        Self {
            reason: Some(reason),
            ..self
        }
    }

    /// `text` with the `edits` made: in order of position, none overlapping another, each in `text`'s offsets.
    pub(crate) fn apply_all<'e>(text: &str, edits: impl IntoIterator<Item = &'e Edit>) -> String {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        for edit in edits {
            out.push_str(&text[at..edit.range.start]);
            out.push_str(&edit.replacement);
            at = edit.range.end;
        }
        out.push_str(&text[at..]);
        out
    }
}

/// An edit that was applied, with the rule that made it and the text it replaced, in the coordinates of the text
/// of the pass that applied it: what [`EditLog::applied`] reads back from a log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppliedEdit {
    /// The rule's code (`L001`) or, for a user rule, `<file stem>/<id>`.
    pub rule: String,
    /// The cleanup pass (0-based) in which it was applied.
    pub pass: usize,
    /// Where it applied, in the text as it was before this pass.
    pub range: Range<usize>,
    /// The text it removed.
    pub before: String,
    /// The text it put in.
    pub after: String,
    /// Why, when the rule tells its edits apart.
    pub reason: Option<&'static str>,
}

/// A cleaned document: what the emitter writes.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    /// The metadata, front matter keys in order.
    pub metadata: Metadata,
    /// The markdown body before any cleanup rule ran (rendered from HTML, or the markdown input's body).
    pub raw_body: String,
    /// The cleaned markdown body, ending in exactly one newline (or empty).
    pub markdown: String,
    /// Every edit the cleanup rules applied, in order.
    pub edits: EditLog,
    /// Things worth telling with `-v`, such as "no article found".
    pub warnings: Vec<String>,
    /// What decides the language of an HTML page whose language was left to be decided when asked
    /// (`pipeline::Options::resolve_language` off): then `metadata.language` is `None` until
    /// `pipeline::resolve_language` decides it from these clues, as the pipeline would have.
    pub language_clues: Option<LanguageClues>,
}

/// What decides the language of an HTML page ([`LanguageClues::resolve`], in `metadata/language.rs`): the language
/// it declares and the start of its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LanguageClues {
    /// The two-letter code the page declares (`<html lang>`, `og:locale`, ...), when it declares one.
    pub declared: Option<String>,
    /// The start of the page's text that the detector reads.
    pub sample: String,
    /// Whether the whole text holds enough letters to contradict a declaration.
    pub enough_letters: bool,
}
