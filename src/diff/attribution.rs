//! Attribution: the edits of every pass replayed onto the raw text, so that each change is placed in the raw text's
//! coordinates with the rule that made it (footprints), and the per-rule counts.

use std::ops::Range;

use crate::document::{EditLog, LoggedEdit};

use super::RuleStat;

/// A change located in the left side: which rule, where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Footprint {
    pub(super) rule: String,
    pub(super) range: Range<usize>,
}

/// Footprints sorted by start, with the running maximum of their ends, for interval queries.
#[derive(Debug, Clone, Default)]
pub(super) struct Footprints {
    prints: Vec<Footprint>,
    /// The position of each footprint in the order the changes were made.
    seq: Vec<usize>,
    max_end: Vec<usize>,
    /// Rule names in order of first appearance, to order labels.
    order: Vec<String>,
}

impl Footprints {
    pub(super) fn new(prints: Vec<Footprint>) -> Footprints {
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
    pub(super) fn rules_at(&self, range: Range<usize>) -> Vec<String> {
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
    pub(super) fn main_rule(&self, range: Range<usize>) -> Option<&str> {
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
pub(super) fn replay(raw: &str, edits: &EditLog) -> (Vec<Footprint>, Vec<RuleStat>) {
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
        let mut batch: Vec<LoggedEdit<'_>> = edits.iter().filter(|e| e.pass == pass).collect();
        batch.sort_by_key(|e| (e.range.start, e.range.end));
        let index = PieceIndex::new(&pieces);
        let mut next_pieces = Vec::with_capacity(pieces.len() + batch.len() * 2);
        let mut next_text = String::with_capacity(text.len());
        let mut cursor = 0;
        for edit in batch {
            let stat = stat_for(&mut stats, edit.rule);
            stat.edits += 1;
            let range = edit.range.clone();
            // The log keeps what an edit put in; what it removed is its range of this pass's text.
            let before = match text.get(range.clone()) {
                Some(before) if range.start >= cursor => before,
                _ => continue,
            };
            stat.removed += before
                .chars()
                .count()
                .saturating_sub(edit.inserted.chars().count());
            stat.joined += joined_lines(&text, range.clone(), edit.inserted);
            if before == edit.inserted {
                continue;
            }
            let footprint = index
                .to_raw(&pieces, range.start, true)
                .unwrap_or(raw.len())
                ..index.to_raw(&pieces, range.end, false).unwrap_or(raw.len());
            let footprint = footprint.start.min(footprint.end)..footprint.end.max(footprint.start);
            index.slice(&pieces, cursor..range.start, &mut next_pieces);
            next_text.push_str(&text[cursor..range.start]);
            if !edit.inserted.is_empty() {
                next_pieces.push(Piece {
                    len: edit.inserted.len(),
                    origin: Origin::Inserted(footprint.clone()),
                });
                next_text.push_str(edit.inserted);
            }
            // A rule that tells its edits apart has each one labelled with its reason: `N004 (after the article)`.
            let rule = match edit.reason {
                Some(reason) => format!("{} ({reason})", edit.rule),
                None => edit.rule.to_string(),
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

pub(super) fn stat_for<'a>(stats: &'a mut Vec<RuleStat>, rule: &str) -> &'a mut RuleStat {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_newlines_is_one_line_break() {
        assert_eq!(line_breaks("a\n\n\nb"), 1);
        assert_eq!(line_breaks("a\nb\n"), 2);
    }
}
