//! What cleanup did to one document: the raw text against the cleaned body as unified or word diffs whose hunks
//! name the rules that made them, and per-rule counts. Where each change came from is worked out in
//! `attribution.rs` (edits replayed onto the raw text) and `alignment.rs` (line alignment, and the page text against
//! the article); `words.rs` diffs words, `text.rs` prints diffs and counts, and the side-by-side HTML report lives
//! in [`html`].

mod alignment;
mod attribution;
pub mod html;
mod page;
mod text;
mod words;

pub use page::PageText;

use std::ops::Range;

use similar::{DiffOp, DiffTag};

use crate::document::Cleaned;
use alignment::{line_diff, line_starts, Alignment};
use attribution::{replay, Footprint, Footprints};
pub use text::{stat, unified, Style, CONTEXT};
use words::push_span;
pub use words::{word_spans, WordSpan};

/// The label of the changes extraction made: the parts of an HTML page's text that are not in the article.
pub const EXTRACT: &str = "extract";

/// Whether `rule` labels a change of extraction: [`EXTRACT`], or `extract/<reason>` (`extract/navigation`).
pub fn is_extract(rule: &str) -> bool {
    rule.strip_prefix(EXTRACT)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

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
    /// The comparison of a cleaned document with its raw text. `page` is, for an HTML page, the text of its whole
    /// body rendered like the article, with the reasons of extraction's drops (see
    /// [`crate::pipeline::page_text`]); `None` for markdown, whose raw text is the body before cleanup.
    pub fn new(cleaned: &Cleaned, page: Option<PageText>) -> Comparison {
        let (rule_prints, mut stats) = replay(&cleaned.raw_body, &cleaned.edits);
        stats.sort_by(|a, b| a.rule.cmp(&b.rule));
        let (left, prints) = match page {
            None => (cleaned.raw_body.clone(), rule_prints),
            Some(page) => {
                let alignment = Alignment::new(&page.text, &cleaned.raw_body);
                let (mut prints, extract_stats) =
                    alignment.extract_prints(&page, &cleaned.raw_body);
                stats.splice(0..0, extract_stats);
                prints.extend(rule_prints.into_iter().map(|p| Footprint {
                    range: alignment.to_old(p.range),
                    rule: p.rule,
                }));
                (page.text, prints)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::AppliedEdit;

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
            edits: edits.into_iter().collect(),
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

    /// A page's text, its article's raw body with a double space, and the cleaned body W001 made of it.
    const PAGE: &str = "Menu\n\nHome\n\nTitle text\n\nBody  one\n\nKeep\n\nFooter\n";
    const PAGE_RAW: &str = "Title text\n\nBody  one\n\nKeep\n";

    /// The rules of each hunk of the page's comparison.
    fn page_hunk_rules(page: PageText) -> (Comparison, Vec<Vec<String>>) {
        let at = PAGE_RAW.find("  ").unwrap();
        let edits = vec![edit("W001", 0, at..at + 2, PAGE_RAW, " ")];
        let doc = cleaned(PAGE_RAW, "Title text\n\nBody one\n\nKeep\n", edits);
        let comparison = Comparison::new(&doc, Some(page));
        let rules = comparison
            .hunks(0)
            .iter()
            .map(|h| h.rules.clone())
            .collect();
        (comparison, rules)
    }

    #[test]
    fn page_text_dropped_by_extraction_is_labelled_extract() {
        let (comparison, rules) = page_hunk_rules(PageText::new(PAGE.to_string()));
        assert_eq!(rules, vec![vec!["extract"], vec!["W001"], vec!["extract"]]);
        assert_eq!(comparison.stats[0].rule, "extract");
        assert_eq!(comparison.stats[0].edits, 2);
    }

    #[test]
    fn page_text_dropped_by_extraction_is_labelled_with_the_reason() {
        let (comparison, rules) = page_hunk_rules(PageText::labelled(
            PAGE.to_string(),
            &[("extract/navigation", "- Menu\n- Home\n".to_string())],
            PAGE_RAW,
            "extract/outside-article",
        ));
        assert_eq!(
            rules,
            vec![
                vec!["extract/navigation"],
                vec!["W001"],
                vec!["extract/outside-article"]
            ]
        );
        let labels: Vec<_> = comparison.stats.iter().map(|s| s.rule.as_str()).collect();
        assert_eq!(
            labels,
            ["extract/navigation", "extract/outside-article", "W001"]
        );
        assert_eq!(comparison.stats[0].edits, 1, "the menu is one block");
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
