//! Line alignment: the line diff both sides are compared with, and the alignment of an HTML page's whole text with
//! the article's, which maps article offsets to page offsets and locates what extraction dropped.

use std::ops::Range;

use similar::{Algorithm, DiffTag, TextDiff};

use super::attribution::Footprint;
use super::EXTRACT;

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

    /// Every page range extraction left out or rendered differently, labelled `extract`.
    pub(super) fn extract_prints(&self) -> Vec<Footprint> {
        self.ops
            .iter()
            .filter(|(tag, _, _)| *tag != DiffTag::Equal)
            .map(|(_, old, _)| Footprint {
                rule: EXTRACT.to_string(),
                range: old.clone(),
            })
            .collect()
    }

    pub(super) fn removed_chars(&self, page: &str, article: &str) -> usize {
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
