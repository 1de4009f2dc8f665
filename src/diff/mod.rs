//! What cleanup did to one document: the raw text against the cleaned body as unified or word diffs whose hunks
//! name the rules that made them, and per-rule counts. The side-by-side HTML report lives in [`html`].

pub mod html;

use std::fmt::Write as _;
use std::ops::Range;

use similar::{Algorithm, DiffOp, DiffTag, TextDiff};

use crate::document::{AppliedEdit, Cleaned};

/// The label of the changes extraction made: the parts of an HTML page's text that are not in the article.
pub const EXTRACT: &str = "extract";

/// The label of a change no recorded edit explains (normalisation the rule engine does outside its rules).
pub const UNATTRIBUTED: &str = "unattributed";

/// Texts longer than this (bytes, both sides together) are not word-diffed at once: a hunk is then diffed line
/// operation by line operation, and a single operation shown whole. similar's Myers bounds its work, so up to
/// this size a word diff takes about a second even on a pathological pair (1 MB against its words reversed: 6 s).
const MAX_WORD_DIFF: usize = 4 << 20;

/// One document's two sides, the raw text and the cleaned body, with where each rule changed the raw text.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// The raw text: for an HTML page, the text of its whole `<body>`; for markdown, the file's body.
    pub left: String,
    /// The cleaned body.
    pub right: String,
    /// Per-rule counts, `extract` first, then by code.
    pub stats: Vec<RuleStat>,
    footprints: Footprints,
    /// Whether rules are behind the right side, so that a change no edit explains is worth pointing out.
    attributed: bool,
}

/// What one rule (or extraction) did to a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RuleStat {
    /// The rule's code, `<file stem>/<id>` for a user rule, or `extract`.
    pub rule: String,
    /// The number of edits it applied (for `extract`, the number of dropped blocks).
    pub edits: usize,
    /// Characters removed: for each edit, how many fewer characters it left than it replaced.
    pub removed: usize,
    /// Line breaks removed between two pieces of text that both stay.
    pub joined: usize,
}

impl Comparison {
    /// The comparison of a cleaned document with its raw text. `page_text` is, for an HTML page, the text of its
    /// whole body rendered like the article (see [`crate::pipeline::page_text`]); `None` for markdown, whose raw
    /// text is the body before cleanup.
    pub fn new(cleaned: &Cleaned, page_text: Option<String>) -> Comparison {
        let (rule_prints, mut stats) = replay(&cleaned.raw_body, &cleaned.edits);
        stats.sort_by(|a, b| a.rule.cmp(&b.rule));
        let (left, prints) = match page_text {
            None => (cleaned.raw_body.clone(), rule_prints),
            Some(page) => {
                let alignment = Alignment::new(&page, &cleaned.raw_body);
                let mut prints = alignment.extract_prints();
                let extract = RuleStat {
                    rule: EXTRACT.to_string(),
                    edits: prints.len(),
                    removed: alignment.removed_chars(&page, &cleaned.raw_body),
                    joined: 0,
                };
                if extract.edits > 0 {
                    stats.insert(0, extract);
                }
                prints.extend(rule_prints.into_iter().map(|p| Footprint {
                    range: alignment.to_old(p.range),
                    rule: p.rule,
                }));
                (page, prints)
            }
        };
        Comparison {
            left,
            right: cleaned.markdown.clone(),
            stats,
            footprints: Footprints::new(prints),
            attributed: true,
        }
    }

    /// A comparison of two texts with no rules behind it (`rinse check --diff`: what is in clean/ against what
    /// should be).
    pub fn plain(left: &str, right: &str) -> Comparison {
        Comparison {
            left: left.to_string(),
            right: right.to_string(),
            ..Comparison::default()
        }
    }

    /// Whether the two sides are equal.
    pub fn is_unchanged(&self) -> bool {
        self.left == self.right
    }

    /// The rules (and `extract`) that touched `range` of the left side, in order of first appearance; a change no
    /// edit explains gets [`UNATTRIBUTED`] when the comparison has rules behind it.
    pub fn rules_at(&self, range: Range<usize>) -> Vec<String> {
        self.footprints.rules_at(range)
    }

    /// The rule that changed most of `range` of the left side (on a tie, the one that changed it last), to colour a
    /// change by.
    pub fn main_rule(&self, range: Range<usize>) -> Option<&str> {
        self.footprints.main_rule(range)
    }

    /// The line-level hunks with `context` lines around each change, each labelled with its rules.
    pub fn hunks(&self, context: usize) -> Vec<Hunk> {
        let diff = line_diff(&self.left, &self.right);
        let old_starts = line_starts(diff.iter_old_slices());
        let new_starts = line_starts(diff.iter_new_slices());
        diff.grouped_ops(context)
            .into_iter()
            .map(|ops| {
                let ops: Vec<LineOp> = ops
                    .iter()
                    .map(|op| LineOp::new(op, &old_starts, &new_starts))
                    .collect();
                let mut rules: Vec<String> = Vec::new();
                for op in ops.iter().filter(|op| op.tag != DiffTag::Equal) {
                    for rule in self.rules_at(op.old_bytes.clone()) {
                        if !rules.contains(&rule) {
                            rules.push(rule);
                        }
                    }
                }
                if rules.is_empty() && self.attributed {
                    rules.push(UNATTRIBUTED.to_string());
                }
                Hunk { ops, rules }
            })
            .collect()
    }
}

/// A run of changed lines with its context.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hunk {
    /// The line operations, context included.
    pub ops: Vec<LineOp>,
    /// The rules that made the changes, in order of first appearance (empty for a plain comparison).
    pub rules: Vec<String>,
}

impl Hunk {
    /// The lines of the left side the hunk covers.
    pub fn old_lines(&self) -> Range<usize> {
        let start = self.ops.first().map_or(0, |op| op.old_lines.start);
        let end = self.ops.last().map_or(0, |op| op.old_lines.end);
        start..end
    }

    /// The lines of the right side the hunk covers.
    pub fn new_lines(&self) -> Range<usize> {
        let start = self.ops.first().map_or(0, |op| op.new_lines.start);
        let end = self.ops.last().map_or(0, |op| op.new_lines.end);
        start..end
    }

    /// The bytes of the left side the hunk covers.
    pub fn old_bytes(&self) -> Range<usize> {
        let start = self.ops.first().map_or(0, |op| op.old_bytes.start);
        let end = self.ops.last().map_or(0, |op| op.old_bytes.end);
        start..end
    }

    /// The bytes of the right side the hunk covers.
    pub fn new_bytes(&self) -> Range<usize> {
        let start = self.ops.first().map_or(0, |op| op.new_bytes.start);
        let end = self.ops.last().map_or(0, |op| op.new_bytes.end);
        start..end
    }

    /// The word-level diff of the hunk, byte ranges relative to [`Hunk::old_bytes`] and [`Hunk::new_bytes`]. The
    /// whole hunk is diffed at once, so that a change across lines (two lines joined) reads as one; a hunk too
    /// big for that is diffed line operation by line operation.
    pub fn word_spans(&self, left: &str, right: &str) -> Vec<WordSpan> {
        let old = self.old_bytes();
        let new = self.new_bytes();
        if old.len() + new.len() <= MAX_WORD_DIFF {
            return word_spans(&left[old], &right[new]);
        }
        let mut spans = Vec::new();
        for op in &self.ops {
            let old_at = op.old_bytes.start - old.start;
            let new_at = op.new_bytes.start - new.start;
            if op.tag == DiffTag::Equal {
                push_span(
                    &mut spans,
                    DiffTag::Equal,
                    old_at..old_at + op.old_bytes.len(),
                    new_at..new_at + op.new_bytes.len(),
                );
                continue;
            }
            let inner = word_spans(&left[op.old_bytes.clone()], &right[op.new_bytes.clone()]);
            for span in inner {
                push_span(
                    &mut spans,
                    span.tag,
                    old_at + span.old.start..old_at + span.old.end,
                    new_at + span.new.start..new_at + span.new.end,
                );
            }
        }
        spans
    }

    /// Whether one of the hunk's rules is `rule` or starts with it (`B` selects every B rule).
    pub fn has_rule(&self, rule: &str) -> bool {
        self.rules.iter().any(|r| rule_matches(r, rule))
    }
}

/// Whether the rule `code` is selected by `selector`: equal, or a prefix of it (`B`, `B00`, `20-docs`).
pub fn rule_matches(code: &str, selector: &str) -> bool {
    code.starts_with(selector)
}

/// One line operation with its line and byte ranges on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineOp {
    /// Equal, delete, insert or replace.
    pub tag: DiffTag,
    /// Line indices on the left side.
    pub old_lines: Range<usize>,
    /// Line indices on the right side.
    pub new_lines: Range<usize>,
    /// Byte range on the left side.
    pub old_bytes: Range<usize>,
    /// Byte range on the right side.
    pub new_bytes: Range<usize>,
}

impl LineOp {
    fn new(op: &DiffOp, old_starts: &[usize], new_starts: &[usize]) -> LineOp {
        let old_lines = op.old_range();
        let new_lines = op.new_range();
        LineOp {
            tag: op.tag(),
            old_bytes: old_starts[old_lines.start]..old_starts[old_lines.end],
            new_bytes: new_starts[new_lines.start]..new_starts[new_lines.end],
            old_lines,
            new_lines,
        }
    }
}

/// A piece of a word-level diff, with byte ranges relative to the texts given to [`word_spans`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordSpan {
    /// Equal, delete or insert (a replacement is a delete followed by an insert).
    pub tag: DiffTag,
    /// Byte range in the old text (empty for an insert).
    pub old: Range<usize>,
    /// Byte range in the new text (empty for a delete).
    pub new: Range<usize>,
}

/// The word-level diff of two texts. Whitespace between two changes joins them, so that a changed phrase reads as
/// one change; texts longer than 4 MiB together come back as one delete and one insert.
pub fn word_spans(old: &str, new: &str) -> Vec<WordSpan> {
    let mut spans: Vec<WordSpan> = Vec::new();
    if old.len() + new.len() > MAX_WORD_DIFF {
        push_whole(&mut spans, old, new);
        return spans;
    }
    let diff = TextDiff::from_words(old, new);
    let old_starts = line_starts(diff.iter_old_slices());
    let new_starts = line_starts(diff.iter_new_slices());
    for op in diff.ops() {
        let old_range = old_starts[op.old_range().start]..old_starts[op.old_range().end];
        let new_range = new_starts[op.new_range().start]..new_starts[op.new_range().end];
        match op.tag() {
            DiffTag::Equal => push_span(&mut spans, DiffTag::Equal, old_range, new_range),
            DiffTag::Delete => push_span(&mut spans, DiffTag::Delete, old_range, new_range),
            DiffTag::Insert => push_span(&mut spans, DiffTag::Insert, old_range, new_range),
            DiffTag::Replace => {
                push_span(
                    &mut spans,
                    DiffTag::Delete,
                    old_range.clone(),
                    new_range.start..new_range.start,
                );
                push_span(
                    &mut spans,
                    DiffTag::Insert,
                    old_range.end..old_range.end,
                    new_range,
                );
            }
        }
    }
    absorb_whitespace(&mut spans, old);
    spans
}

fn push_whole(spans: &mut Vec<WordSpan>, old: &str, new: &str) {
    if !old.is_empty() {
        spans.push(WordSpan {
            tag: DiffTag::Delete,
            old: 0..old.len(),
            new: 0..0,
        });
    }
    if !new.is_empty() {
        spans.push(WordSpan {
            tag: DiffTag::Insert,
            old: old.len()..old.len(),
            new: 0..new.len(),
        });
    }
}

/// Appends a span, merging it into the last one when both have the same tag.
fn push_span(spans: &mut Vec<WordSpan>, tag: DiffTag, old: Range<usize>, new: Range<usize>) {
    if old.is_empty() && new.is_empty() {
        return;
    }
    if let Some(last) = spans.last_mut() {
        if last.tag == tag && last.old.end == old.start && last.new.end == new.start {
            last.old.end = old.end;
            last.new.end = new.end;
            return;
        }
    }
    spans.push(WordSpan { tag, old, new });
}

/// Folds an equal run of whitespace between two changes into them: `[-a-]{+b+} [-c-]{+d+}` reads better as
/// `[-a c-]{+b d+}`.
fn absorb_whitespace(spans: &mut Vec<WordSpan>, old: &str) {
    let mut out: Vec<WordSpan> = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        let span = &spans[i];
        let between_changes = span.tag == DiffTag::Equal
            && i > 0
            && i + 1 < spans.len()
            && old[span.old.clone()].trim().is_empty();
        if !between_changes {
            out.push(span.clone());
            i += 1;
            continue;
        }
        // Split the changes around the whitespace into their deletes and inserts, then put the whitespace on both.
        let mut deleted = span.old.clone();
        let mut inserted = span.new.clone();
        let mut j = i + 1;
        while j < spans.len() && spans[j].tag != DiffTag::Equal {
            match spans[j].tag {
                DiffTag::Delete => deleted.end = spans[j].old.end,
                _ => inserted.end = spans[j].new.end,
            }
            j += 1;
        }
        let mut previous_delete = None;
        let mut previous_insert = None;
        while let Some(last) = out.last() {
            match last.tag {
                DiffTag::Delete if previous_delete.is_none() => previous_delete = out.pop(),
                DiffTag::Insert if previous_insert.is_none() => previous_insert = out.pop(),
                _ => break,
            }
        }
        if let Some(previous) = previous_delete {
            deleted.start = previous.old.start;
        }
        if let Some(previous) = previous_insert {
            inserted.start = previous.new.start;
        }
        let deleted_new = inserted.start..inserted.start;
        let inserted_old = deleted.end..deleted.end;
        push_span(&mut out, DiffTag::Delete, deleted, deleted_new);
        push_span(&mut out, DiffTag::Insert, inserted_old, inserted);
        i = j;
    }
    *spans = out;
}

/// How [`unified`] prints.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// ANSI colours.
    pub color: bool,
    /// Word-level changes inline (`[-old-]{+new+}`) instead of removed and added lines.
    pub word: bool,
}

/// Context lines around each change.
pub const CONTEXT: usize = 3;

/// A unified diff of the comparison, each hunk header followed by the rules that made it; `rule` keeps only the
/// hunks that rule took part in. Empty when nothing changed (or nothing the rule did).
pub fn unified(
    comparison: &Comparison,
    labels: (&str, &str),
    style: Style,
    rule: Option<&str>,
) -> String {
    let hunks: Vec<Hunk> = comparison
        .hunks(CONTEXT)
        .into_iter()
        .filter(|hunk| rule.is_none_or(|r| hunk.has_rule(r)))
        .collect();
    let mut out = String::new();
    if hunks.is_empty() {
        return out;
    }
    let paint = Paint(style.color);
    let _ = writeln!(out, "{}", paint.bold(&format!("--- {}", labels.0)));
    let _ = writeln!(out, "{}", paint.bold(&format!("+++ {}", labels.1)));
    for hunk in &hunks {
        let header = format!(
            "@@ -{} +{} @@",
            range_text(hunk.old_lines()),
            range_text(hunk.new_lines())
        );
        out.push_str(&paint.cyan(&header));
        if !hunk.rules.is_empty() {
            out.push(' ');
            out.push_str(&paint.yellow(&hunk.rules.join(" ")));
        }
        out.push('\n');
        if style.word {
            let old = &comparison.left[hunk.old_bytes()];
            let new = &comparison.right[hunk.new_bytes()];
            push_words(
                &mut out,
                old,
                new,
                &hunk.word_spans(&comparison.left, &comparison.right),
                paint,
            );
            continue;
        }
        for op in &hunk.ops {
            let old = &comparison.left[op.old_bytes.clone()];
            let new = &comparison.right[op.new_bytes.clone()];
            match op.tag {
                DiffTag::Equal => push_lines(&mut out, ' ', old, None),
                _ => {
                    push_lines(&mut out, '-', old, paint.red_code());
                    push_lines(&mut out, '+', new, paint.green_code());
                }
            }
        }
    }
    out
}

/// `--stat`: one row per rule with its edits, characters removed and lines joined.
pub fn stat(comparison: &Comparison, rule: Option<&str>) -> String {
    let rows: Vec<&RuleStat> = comparison
        .stats
        .iter()
        .filter(|s| rule.is_none_or(|r| rule_matches(&s.rule, r)))
        .collect();
    let width = rows
        .iter()
        .map(|s| s.rule.len())
        .chain(std::iter::once("total".len()))
        .max()
        .unwrap_or(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<width$}  {:>7}  {:>9}  {:>7}",
        "rule", "edits", "removed", "joined"
    );
    for s in &rows {
        let _ = writeln!(
            out,
            "{:<width$}  {:>7}  {:>9}  {:>7}",
            s.rule, s.edits, s.removed, s.joined
        );
    }
    let total = |f: fn(&RuleStat) -> usize| rows.iter().map(|s| f(s)).sum::<usize>();
    let _ = writeln!(
        out,
        "{:<width$}  {:>7}  {:>9}  {:>7}",
        "total",
        total(|s| s.edits),
        total(|s| s.removed),
        total(|s| s.joined)
    );
    out
}

/// `a,b` in a hunk header: 1-based start and count (the line before an empty range, as GNU diff does).
fn range_text(lines: Range<usize>) -> String {
    let len = lines.len();
    let start = if len == 0 {
        lines.start
    } else {
        lines.start + 1
    };
    if len == 1 {
        start.to_string()
    } else {
        format!("{start},{len}")
    }
}

fn push_lines(out: &mut String, prefix: char, text: &str, color: Option<&str>) {
    for line in text.split_inclusive('\n') {
        if let Some(code) = color {
            out.push_str(code);
        }
        out.push(prefix);
        out.push_str(line.strip_suffix('\n').unwrap_or(line));
        if color.is_some() {
            out.push_str(RESET);
        }
        out.push('\n');
        if !line.ends_with('\n') {
            out.push_str("\\ No newline at end of file\n");
        }
    }
}

fn push_words(out: &mut String, old: &str, new: &str, spans: &[WordSpan], paint: Paint) {
    for span in spans {
        let span = span.clone();
        match span.tag {
            DiffTag::Delete => out.push_str(&paint.red(&format!("[-{}-]", &old[span.old]))),
            DiffTag::Insert => out.push_str(&paint.green(&format!("{{+{}+}}", &new[span.new]))),
            _ => out.push_str(&old[span.old]),
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
}

const RESET: &str = "\x1b[0m";

/// ANSI colouring, or none.
#[derive(Debug, Clone, Copy)]
struct Paint(bool);

impl Paint {
    fn wrap(self, code: &str, text: &str) -> String {
        if self.0 {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
    fn bold(self, text: &str) -> String {
        self.wrap("\x1b[1m", text)
    }
    fn cyan(self, text: &str) -> String {
        self.wrap("\x1b[36m", text)
    }
    fn yellow(self, text: &str) -> String {
        self.wrap("\x1b[33m", text)
    }
    fn red(self, text: &str) -> String {
        self.wrap("\x1b[31m", text)
    }
    fn green(self, text: &str) -> String {
        self.wrap("\x1b[32m", text)
    }
    fn red_code(self) -> Option<&'static str> {
        self.0.then_some("\x1b[31m")
    }
    fn green_code(self) -> Option<&'static str> {
        self.0.then_some("\x1b[32m")
    }
}

/// The line diff of two texts. Patience anchors on lines that occur once on each side, so the blank lines between
/// paragraphs do not pair up across a change; its fallback, similar's Myers, bounds its work on hard inputs, so a
/// 1 MB page stays fast.
fn line_diff<'a>(old: &'a str, new: &'a str) -> TextDiff<'a, 'a, str> {
    TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_lines(old, new)
}

/// The byte offset where each token starts, plus the total length: index `i..j` of tokens is bytes
/// `starts[i]..starts[j]`.
fn line_starts<'a>(tokens: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut starts = vec![0];
    let mut at = 0;
    for token in tokens {
        at += token.len();
        starts.push(at);
    }
    starts
}

/// A change located in the left side: which rule, where.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Footprint {
    rule: String,
    range: Range<usize>,
}

/// Footprints sorted by start, with the running maximum of their ends, for interval queries.
#[derive(Debug, Clone, Default)]
struct Footprints {
    prints: Vec<Footprint>,
    /// The position of each footprint in the order the changes were made.
    seq: Vec<usize>,
    max_end: Vec<usize>,
    /// Rule names in order of first appearance, to order labels.
    order: Vec<String>,
}

impl Footprints {
    fn new(prints: Vec<Footprint>) -> Footprints {
        let mut order: Vec<String> = Vec::new();
        for print in &prints {
            if !order.contains(&print.rule) {
                order.push(print.rule.clone());
            }
        }
        // Remember the order the changes were made in: a later one wins a tie in `main_rule`.
        let mut prints: Vec<(usize, Footprint)> = prints.into_iter().enumerate().collect();
        prints.sort_by_key(|(_, p)| (p.range.start, p.range.end));
        let (seq, prints): (Vec<usize>, Vec<Footprint>) = prints.into_iter().unzip();
        let mut max_end = Vec::with_capacity(prints.len());
        let mut running = 0;
        for print in &prints {
            running = running.max(print.range.end);
            max_end.push(running);
        }
        Footprints {
            prints,
            seq,
            max_end,
            order,
        }
    }

    /// Rules whose footprint meets `range`: overlapping when both are non-empty, touching when either is empty
    /// (an insertion sits between two characters).
    fn rules_at(&self, range: Range<usize>) -> Vec<String> {
        let mut found: Vec<&str> = Vec::new();
        for i in self.meeting(&range) {
            let rule = self.prints[i].rule.as_str();
            if !found.contains(&rule) {
                found.push(rule);
            }
        }
        self.order
            .iter()
            .filter(|rule| found.contains(&rule.as_str()))
            .cloned()
            .collect()
    }

    /// The rule that changed most of `range`; on a tie, the one that changed it last.
    fn main_rule(&self, range: Range<usize>) -> Option<&str> {
        self.meeting(&range)
            .max_by_key(|&i| {
                let print = &self.prints[i].range;
                let overlap = print
                    .end
                    .min(range.end)
                    .saturating_sub(print.start.max(range.start));
                (overlap, self.seq[i])
            })
            .map(|i| self.prints[i].rule.as_str())
    }

    /// Indices of the footprints that meet `range`.
    fn meeting<'a>(&'a self, range: &'a Range<usize>) -> impl Iterator<Item = usize> + 'a {
        let upper = self.prints.partition_point(|p| p.range.start <= range.end);
        (0..upper)
            .rev()
            .take_while(move |&i| self.max_end[i] >= range.start)
            .filter(move |&i| {
                let print = &self.prints[i].range;
                if print.is_empty() || range.is_empty() {
                    print.start <= range.end && range.start <= print.end
                } else {
                    print.start < range.end && range.start < print.end
                }
            })
    }
}

/// Replays the edits on the raw body, pass by pass, tracking where each piece of the current text came from, to
/// place every edit in the raw body's coordinates; counts each rule's work on the way. An edit that does not fit
/// the text it claims to change is counted but not placed.
fn replay(raw: &str, edits: &[AppliedEdit]) -> (Vec<Footprint>, Vec<RuleStat>) {
    let mut stats: Vec<RuleStat> = Vec::new();
    let mut prints = Vec::new();
    let mut text = raw.to_string();
    let mut pieces = vec![Piece {
        len: raw.len(),
        origin: Origin::Raw(0),
    }];
    let mut passes: Vec<usize> = edits.iter().map(|e| e.pass).collect();
    passes.sort_unstable();
    passes.dedup();
    for pass in passes {
        let mut batch: Vec<&AppliedEdit> = edits.iter().filter(|e| e.pass == pass).collect();
        batch.sort_by_key(|e| (e.range.start, e.range.end));
        let index = PieceIndex::new(&pieces);
        let mut next_pieces = Vec::with_capacity(pieces.len() + batch.len() * 2);
        let mut next_text = String::with_capacity(text.len());
        let mut cursor = 0;
        for edit in batch {
            let stat = stat_for(&mut stats, &edit.rule);
            stat.edits += 1;
            stat.removed += edit
                .before
                .chars()
                .count()
                .saturating_sub(edit.after.chars().count());
            let range = edit.range.clone();
            let fits = range.start >= cursor
                && range.end <= text.len()
                && text.get(range.clone()) == Some(edit.before.as_str());
            if !fits {
                continue;
            }
            stat.joined += joined_lines(&text, range.clone(), &edit.after);
            if edit.before == edit.after {
                continue;
            }
            let footprint = index
                .to_raw(&pieces, range.start, true)
                .unwrap_or(raw.len())
                ..index.to_raw(&pieces, range.end, false).unwrap_or(raw.len());
            let footprint = footprint.start.min(footprint.end)..footprint.end.max(footprint.start);
            index.slice(&pieces, cursor..range.start, &mut next_pieces);
            next_text.push_str(&text[cursor..range.start]);
            if !edit.after.is_empty() {
                next_pieces.push(Piece {
                    len: edit.after.len(),
                    origin: Origin::Inserted(footprint.clone()),
                });
                next_text.push_str(&edit.after);
            }
            // A rule that tells its edits apart has each one labelled with its reason: `N004 (after the article)`.
            let rule = match edit.reason {
                Some(reason) => format!("{} ({reason})", edit.rule),
                None => edit.rule.clone(),
            };
            prints.push(Footprint {
                rule,
                range: footprint,
            });
            cursor = range.end;
        }
        index.slice(&pieces, cursor..text.len(), &mut next_pieces);
        next_text.push_str(&text[cursor..]);
        pieces = next_pieces;
        text = next_text;
    }
    (prints, stats)
}

fn stat_for<'a>(stats: &'a mut Vec<RuleStat>, rule: &str) -> &'a mut RuleStat {
    let at = match stats.iter().position(|s| s.rule == rule) {
        Some(at) => at,
        None => {
            stats.push(RuleStat {
                rule: rule.to_string(),
                ..RuleStat::default()
            });
            stats.len() - 1
        }
    };
    &mut stats[at]
}

/// Line breaks an edit removes between text that stays, a run of blank lines counting as one break: none when it
/// removes whole lines.
fn joined_lines(text: &str, range: Range<usize>, after: &str) -> usize {
    let before = &text[range.clone()];
    let removed = line_breaks(before).saturating_sub(line_breaks(after));
    let starts_line = range.start == 0 || text[..range.start].ends_with('\n');
    let ends_line = range.end == text.len() || text[..range.end].ends_with('\n');
    if starts_line && ends_line {
        0
    } else {
        removed
    }
}

/// The number of runs of newlines in `text`.
fn line_breaks(text: &str) -> usize {
    text.split('\n')
        .skip(1)
        .filter(|after_newline| !after_newline.is_empty())
        .count()
        + usize::from(text.ends_with('\n'))
}

/// A run of the current text during replay: `len` bytes, from the raw body or put in by an edit.
#[derive(Debug, Clone)]
struct Piece {
    len: usize,
    origin: Origin,
}

#[derive(Debug, Clone)]
enum Origin {
    /// Bytes of the raw body starting here.
    Raw(usize),
    /// Text an edit put in, in place of this range of the raw body.
    Inserted(Range<usize>),
}

/// The start offset of every piece, for binary search.
struct PieceIndex {
    starts: Vec<usize>,
    total: usize,
}

impl PieceIndex {
    fn new(pieces: &[Piece]) -> PieceIndex {
        let mut starts = Vec::with_capacity(pieces.len());
        let mut at = 0;
        for piece in pieces {
            starts.push(at);
            at += piece.len;
        }
        PieceIndex { starts, total: at }
    }

    /// The raw offset of `pos` in the current text. At a boundary between pieces, `start` looks at the piece that
    /// follows and `!start` at the one that precedes.
    fn to_raw(&self, pieces: &[Piece], pos: usize, start: bool) -> Option<usize> {
        if pieces.is_empty() {
            return None;
        }
        let i = if start && pos < self.total {
            self.starts.partition_point(|&s| s <= pos) - 1
        } else {
            self.starts.partition_point(|&s| s < pos).max(1) - 1
        };
        let piece = &pieces[i];
        Some(match &piece.origin {
            Origin::Raw(raw) => raw + (pos - self.starts[i]).min(piece.len),
            Origin::Inserted(range) if start => range.start,
            Origin::Inserted(range) => range.end,
        })
    }

    /// Copies the pieces covering `range` of the current text, splitting the ones cut at either end.
    fn slice(&self, pieces: &[Piece], range: Range<usize>, out: &mut Vec<Piece>) {
        if range.is_empty() {
            return;
        }
        let first = self.starts.partition_point(|&s| s <= range.start) - 1;
        for (i, piece) in pieces.iter().enumerate().skip(first) {
            let start = self.starts[i];
            if start >= range.end {
                break;
            }
            let from = range.start.max(start);
            let to = range.end.min(start + piece.len);
            if from >= to {
                continue;
            }
            let origin = match &piece.origin {
                Origin::Raw(raw) => Origin::Raw(raw + (from - start)),
                Origin::Inserted(r) => Origin::Inserted(r.clone()),
            };
            out.push(Piece {
                len: to - from,
                origin,
            });
        }
    }
}

/// The line alignment of an HTML page's whole text with the article's text: maps article offsets to page
/// offsets, and locates what extraction dropped.
struct Alignment {
    /// Per line op: (tag, page byte range, article byte range), in order.
    ops: Vec<(DiffTag, Range<usize>, Range<usize>)>,
}

impl Alignment {
    fn new(page: &str, article: &str) -> Alignment {
        let diff = line_diff(page, article);
        let old_starts = line_starts(diff.iter_old_slices());
        let new_starts = line_starts(diff.iter_new_slices());
        let ops = diff
            .ops()
            .iter()
            .map(|op| {
                let old = op.old_range();
                let new = op.new_range();
                (
                    op.tag(),
                    old_starts[old.start]..old_starts[old.end],
                    new_starts[new.start]..new_starts[new.end],
                )
            })
            .collect();
        Alignment { ops }
    }

    /// Every page range extraction left out or rendered differently, labelled `extract`.
    fn extract_prints(&self) -> Vec<Footprint> {
        self.ops
            .iter()
            .filter(|(tag, _, _)| *tag != DiffTag::Equal)
            .map(|(_, old, _)| Footprint {
                rule: EXTRACT.to_string(),
                range: old.clone(),
            })
            .collect()
    }

    fn removed_chars(&self, page: &str, article: &str) -> usize {
        self.ops
            .iter()
            .filter(|(tag, _, _)| *tag != DiffTag::Equal)
            .map(|(_, old, new)| {
                page[old.clone()]
                    .chars()
                    .count()
                    .saturating_sub(article[new.clone()].chars().count())
            })
            .sum()
    }

    /// An article range in page coordinates: exact inside unchanged lines, widened to the whole changed block
    /// otherwise.
    fn to_old(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map(range.start, true);
        let end = self.map(range.end, false);
        start.min(end)..end.max(start)
    }

    fn map(&self, pos: usize, start: bool) -> usize {
        let upper = self.ops.partition_point(|(_, _, new)| new.start <= pos);
        let candidates = upper.saturating_sub(2)..(upper + 1).min(self.ops.len());
        for i in candidates.clone() {
            let (tag, old, new) = &self.ops[i];
            if *tag == DiffTag::Equal && new.start <= pos && pos <= new.end {
                return old.start + (pos - new.start);
            }
        }
        for i in candidates {
            let (_, old, new) = &self.ops[i];
            if new.start <= pos && pos <= new.end {
                return if start { old.start } else { old.end };
            }
        }
        self.ops.last().map_or(0, |(_, old, _)| old.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(rule: &str, pass: usize, range: Range<usize>, text: &str, after: &str) -> AppliedEdit {
        AppliedEdit {
            rule: rule.to_string(),
            pass,
            before: text[range.clone()].to_string(),
            range,
            after: after.to_string(),
            reason: None,
        }
    }

    fn cleaned(raw: &str, markdown: &str, edits: Vec<AppliedEdit>) -> Cleaned {
        Cleaned {
            raw_body: raw.to_string(),
            markdown: markdown.to_string(),
            edits,
            ..Cleaned::default()
        }
    }

    #[test]
    fn hunk_is_labelled_with_the_rule_that_made_it() {
        let raw = "one\ntwo\n\nBack to top\n\nthree\nfour\nfive\nsix\nseven\neight\nnine\n";
        let clean = "one\ntwo\n\nthree\nfour\nfive\nsix\nseven\neight\nnine\n";
        let doc = cleaned(raw, clean, vec![edit("N001", 0, 9..22, raw, "")]);
        let comparison = Comparison::new(&doc, None);
        let hunks = comparison.hunks(1);
        assert_eq!(hunks.len(), 1);
        assert_eq!(hunks[0].rules, vec!["N001"]);
    }

    #[test]
    fn separate_hunks_name_separate_rules() {
        let raw = "a-\nb\n1\n2\n3\n4\n5\n6\n7\n8\nfoo  bar\n";
        let clean = "ab\n1\n2\n3\n4\n5\n6\n7\n8\nfoo bar\n";
        let doc = cleaned(
            raw,
            clean,
            vec![
                edit("B002", 0, 1..3, raw, ""),
                edit("W001", 0, 23..25, raw, " "),
            ],
        );
        let hunks = Comparison::new(&doc, None).hunks(1);
        let rules: Vec<_> = hunks.iter().map(|h| h.rules.clone()).collect();
        assert_eq!(rules, vec![vec!["B002"], vec!["W001"]]);
    }

    #[test]
    fn later_pass_edit_is_placed_in_raw_coordinates() {
        // Pass 0 deletes the first line; pass 1 then edits text that sat on line 12 of the raw body.
        let raw = "junk\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\nend  here\n";
        let after_pass0 = &raw[5..];
        let clean = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\nend here\n";
        let at = after_pass0.find("  ").unwrap();
        let doc = cleaned(
            raw,
            clean,
            vec![
                edit("N002", 0, 0..5, raw, ""),
                edit("W001", 1, at..at + 2, after_pass0, " "),
            ],
        );
        let hunks = Comparison::new(&doc, None).hunks(0);
        let rules: Vec<_> = hunks.iter().map(|h| h.rules.clone()).collect();
        assert_eq!(rules, vec![vec!["N002"], vec!["W001"]]);
    }

    #[test]
    fn edit_of_inserted_text_is_placed_where_the_insertion_was() {
        let raw = "x\nkeep\nab\n";
        let pass1_text = "x\nkeep\na--b\n";
        let clean = "x\nkeep\na-b\n";
        let doc = cleaned(
            raw,
            clean,
            vec![
                edit("M001", 0, 8..8, raw, "--"),
                edit("W003", 1, 8..10, pass1_text, "-"),
            ],
        );
        let comparison = Comparison::new(&doc, None);
        assert_eq!(comparison.rules_at(7..10), vec!["M001", "W003"]);
        assert_eq!(comparison.rules_at(0..2), Vec::<String>::new());
    }

    #[test]
    fn change_without_an_edit_is_unattributed() {
        let raw = "a\n\n\nx\ny\nb  c\n";
        let clean = "a\n\nx\ny\nb c\n";
        let at = raw.find("  ").unwrap();
        let doc = cleaned(raw, clean, vec![edit("W001", 0, at..at + 2, raw, " ")]);
        let hunks = Comparison::new(&doc, None).hunks(0);
        let rules: Vec<_> = hunks.iter().map(|h| h.rules.clone()).collect();
        assert!(rules.contains(&vec![UNATTRIBUTED.to_string()]), "{rules:?}");
    }

    #[test]
    fn page_text_dropped_by_extraction_is_labelled_extract() {
        let page = "Menu\n\nHome\n\nTitle text\n\nBody  one\n\nKeep\n\nFooter\n";
        let raw = "Title text\n\nBody  one\n\nKeep\n";
        let clean = "Title text\n\nBody one\n\nKeep\n";
        let at = raw.find("  ").unwrap();
        let doc = cleaned(raw, clean, vec![edit("W001", 0, at..at + 2, raw, " ")]);
        let comparison = Comparison::new(&doc, Some(page.to_string()));
        let rules: Vec<_> = comparison
            .hunks(0)
            .iter()
            .map(|h| h.rules.clone())
            .collect();
        assert_eq!(
            rules,
            vec![vec!["extract"], vec!["W001"], vec!["extract"]],
            "{:?}",
            comparison.hunks(0)
        );
        assert_eq!(comparison.stats[0].rule, "extract");
        assert_eq!(comparison.stats[0].edits, 2);
    }

    #[test]
    fn unified_diff_names_rules_in_the_header() {
        let raw = "keep\nBack to top\n";
        let clean = "keep\n";
        let doc = cleaned(raw, clean, vec![edit("N001", 0, 5..17, raw, "")]);
        let text = unified(
            &Comparison::new(&doc, None),
            ("raw", "clean"),
            Style::default(),
            None,
        );
        assert_eq!(
            text,
            "--- raw\n+++ clean\n@@ -1,2 +1 @@ N001\n keep\n-Back to top\n"
        );
    }

    #[test]
    fn rule_filter_keeps_only_that_rules_hunks() {
        let raw = "a-\nb\n1\n2\n3\n4\n5\n6\n7\n8\nfoo  bar\n";
        let clean = "ab\n1\n2\n3\n4\n5\n6\n7\n8\nfoo bar\n";
        let doc = cleaned(
            raw,
            clean,
            vec![
                edit("B002", 0, 1..3, raw, ""),
                edit("W001", 0, 23..25, raw, " "),
            ],
        );
        let text = unified(
            &Comparison::new(&doc, None),
            ("raw", "clean"),
            Style::default(),
            Some("W"),
        );
        assert!(text.contains("W001") && !text.contains("B002"), "{text}");
    }

    #[test]
    fn word_diff_marks_changed_words_inline() {
        let doc = cleaned("the quick  fox\n", "the quick fox\n", Vec::new());
        let style = Style {
            word: true,
            color: false,
        };
        let text = unified(&Comparison::new(&doc, None), ("a", "b"), style, None);
        assert!(text.ends_with("the quick[-  -]{+ +}fox\n"), "{text}");
    }

    #[test]
    fn word_spans_join_a_changed_phrase() {
        let spans = word_spans("a b c d", "a x y d");
        let tags: Vec<_> = spans.iter().map(|s| s.tag).collect();
        assert_eq!(
            tags,
            vec![
                DiffTag::Equal,
                DiffTag::Delete,
                DiffTag::Insert,
                DiffTag::Equal
            ]
        );
        assert_eq!(&"a b c d"[spans[1].old.clone()], "b c");
        assert_eq!(&"a x y d"[spans[2].new.clone()], "x y");
    }

    #[test]
    fn stat_counts_edits_removed_characters_and_joined_lines() {
        let raw = "infor-\nmation here\nBack to top\n";
        let doc = cleaned(
            raw,
            "information here\n",
            vec![
                edit("B002", 0, 5..7, raw, ""),
                edit("N001", 0, 19..31, raw, ""),
            ],
        );
        let comparison = Comparison::new(&doc, None);
        assert_eq!(
            comparison.stats,
            vec![
                RuleStat {
                    rule: "B002".into(),
                    edits: 1,
                    removed: 2,
                    joined: 1
                },
                RuleStat {
                    rule: "N001".into(),
                    edits: 1,
                    removed: 12,
                    joined: 0
                },
            ]
        );
    }

    #[test]
    fn a_run_of_blank_lines_counts_as_one_join() {
        let raw = "the committee agreed to\n\n— 12 —\n\nextend the deadline.\n";
        let at = raw.find("\n\n").unwrap();
        let end = raw.find("extend").unwrap();
        let doc = cleaned(
            raw,
            "the committee agreed to extend the deadline.\n",
            vec![edit("B001", 0, at..end, raw, " ")],
        );
        assert_eq!(Comparison::new(&doc, None).stats[0].joined, 2);
        assert_eq!(line_breaks("a\n\n\nb"), 1);
    }

    #[test]
    fn edit_that_does_not_fit_is_counted_but_not_placed() {
        let doc = cleaned(
            "abc\n",
            "abc\n",
            vec![AppliedEdit {
                rule: "X001".into(),
                pass: 0,
                range: 10..20,
                before: "zz".into(),
                after: String::new(),
                reason: None,
            }],
        );
        let comparison = Comparison::new(&doc, None);
        assert_eq!(comparison.stats[0].edits, 1);
        assert!(comparison.hunks(3).is_empty());
    }

    #[test]
    fn missing_final_newline_is_marked() {
        let text = unified(
            &Comparison::plain("a\n", "a\nb"),
            ("x", "y"),
            Style::default(),
            None,
        );
        assert!(
            text.ends_with("+b\n\\ No newline at end of file\n"),
            "{text}"
        );
    }
}
