//! Word diffs: the changed words of two texts, a changed phrase read as one change.

use std::ops::Range;

use similar::{DiffTag, TextDiff};

use super::alignment::line_starts;
use super::MAX_WORD_DIFF;

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
pub(super) fn push_span(
    spans: &mut Vec<WordSpan>,
    tag: DiffTag,
    old: Range<usize>,
    new: Range<usize>,
) {
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
