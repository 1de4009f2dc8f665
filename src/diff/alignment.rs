//! Line alignment: the line diff both sides are compared with, and the alignment of an HTML page's whole text with
//! the article's, which maps article offsets to page offsets and locates what extraction dropped.

use std::ops::Range;

use similar::{Algorithm, DiffTag, TextDiff};

use super::attribution::{stat_for, Footprint};
use super::{PageText, RuleStat, EXTRACT};

/// The line diff of two texts. Patience anchors on lines that occur once on each side, so the blank lines between
/// paragraphs do not pair up across a change; its fallback, similar's Myers, bounds its work on hard inputs, so a
/// 1 MB page stays fast.
pub(super) fn line_diff<'a>(old: &'a str, new: &'a str) -> TextDiff<'a, 'a, str> {
    TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_lines(old, new)
}

/// The byte offset where each token starts, plus the total length: index `i..j` of tokens is bytes
/// `starts[i]..starts[j]`.
pub(super) fn line_starts<'a>(tokens: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut starts = vec![0];
    let mut at = 0;
    for token in tokens {
        at += token.len();
        starts.push(at);
    }
    starts
}

/// The line alignment of an HTML page's whole text with the article's text: maps article offsets to page
/// offsets, and locates what extraction dropped.
pub(super) struct Alignment {
    /// Per line op: (tag, page byte range, article byte range), in order.
    ops: Vec<(DiffTag, Range<usize>, Range<usize>)>,
}

impl Alignment {
    pub(super) fn new(page: &str, article: &str) -> Alignment {
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

    /// Every page range extraction left out or rendered differently, labelled with the reason of the drop
    /// (`extract/navigation`; [`EXTRACT`] when the page gives none), and a row of counts per label, by label: a
    /// run of lines with one label is one dropped block, and of the characters an operation removes, each block
    /// counts its share.
    pub(super) fn extract_prints(
        &self,
        page: &PageText,
        article: &str,
    ) -> (Vec<Footprint>, Vec<RuleStat>) {
        let mut prints: Vec<Footprint> = Vec::new();
        let mut stats: Vec<RuleStat> = Vec::new();
        for (tag, old, new) in self.ops.iter().filter(|(tag, _, _)| *tag != DiffTag::Equal) {
            let old_chars = page.text[old.clone()].chars().count();
            let removed = old_chars.saturating_sub(article[new.clone()].chars().count());
            let first = prints.len();
            let mut start = old.start;
            // Blank lines go with the block before them; those that lead the operation, with the first block.
            let mut blank_start = None;
            for line in page.text[old.clone()].split_inclusive('\n') {
                let range = start..start + line.len();
                start = range.end;
                if line.trim().is_empty() {
                    match prints[first..].last_mut() {
                        Some(last) => last.range.end = range.end,
                        None => {
                            blank_start.get_or_insert(range.start);
                        }
                    }
                    continue;
                }
                let label = page.label_at(range.start).unwrap_or(EXTRACT);
                let range = blank_start.take().unwrap_or(range.start)..range.end;
                match prints[first..].last_mut() {
                    Some(last) if last.rule == label => last.range.end = range.end,
                    _ => prints.push(Footprint {
                        rule: label.to_string(),
                        range,
                    }),
                }
            }
            if let Some(start) = blank_start {
                prints.push(Footprint {
                    rule: EXTRACT.to_string(),
                    range: start..old.end,
                });
            }
            for print in &prints[first..] {
                let chars = page.text[print.range.clone()].chars().count();
                let stat = stat_for(&mut stats, &print.rule);
                stat.edits += 1;
                stat.removed += match tag {
                    DiffTag::Delete => chars,
                    _ => removed * chars / old_chars.max(1),
                };
            }
        }
        stats.sort_by(|a, b| a.rule.cmp(&b.rule));
        (prints, stats)
    }

    /// An article range in page coordinates: exact inside unchanged lines, widened to the whole changed block
    /// otherwise.
    pub(super) fn to_old(&self, range: Range<usize>) -> Range<usize> {
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
