//! The edit log: every edit the cleanup passes applied, held in a few bytes per edit whatever their number, and
//! replayed on the body before cleanup to give each edit the text it removed.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::AppliedEdit;

/// The edits the cleanup rules applied to a body, in the order they were applied (pass by pass, in text order
/// within a pass).
///
/// A pass can make one edit every few bytes (`[x](#)` links, non-breaking spaces), so an edit costs no allocation:
/// its rule and reason are indices into tables of the names seen, its numbers are varints in one byte buffer, and
/// the text it put in is a slice of one shared string. The text it removed is not kept: it is the edit's range of
/// the text its pass was given, which [`EditLog::applied`] rebuilds by replaying the log on the body before cleanup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditLog {
    /// The rule names seen (`L001`, `<file stem>/<id>`), each once, in order of first edit.
    rules: Vec<Box<str>>,
    /// Where each rule name is in `rules`.
    rule_index: FxHashMap<Box<str>, u32>,
    /// The reasons seen, each once.
    reasons: Vec<&'static str>,
    /// Per edit, as varints: rule, reason (0 for none, else its index + 1), pass, start (zigzag difference from
    /// the previous edit's start), removed length, inserted length.
    entries: Vec<u8>,
    /// The inserted texts, one after another.
    inserted: String,
    /// The number of edits.
    len: usize,
    /// The pass of the last edit.
    last_pass: Option<usize>,
    /// The start of the last edit.
    last_start: usize,
}

/// One edit of an [`EditLog`], as read back from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedEdit<'a> {
    /// The rule's code (`L001`) or, for a user rule, `<file stem>/<id>`.
    pub rule: &'a str,
    /// The cleanup pass (0-based) in which it was applied.
    pub pass: usize,
    /// Where it applied, in the text as it was before this pass.
    pub range: Range<usize>,
    /// The text it put in.
    pub inserted: &'a str,
    /// Why, when the rule tells its edits apart.
    pub reason: Option<&'static str>,
}

impl EditLog {
    /// An empty log.
    pub fn new() -> EditLog {
        EditLog::default()
    }

    /// Records that `rule` replaced `range` of the text of pass `pass` by `inserted`.
    pub fn push(
        &mut self,
        rule: &str,
        pass: usize,
        range: Range<usize>,
        inserted: &str,
        reason: Option<&'static str>,
    ) {
        let rule = match self.rule_index.get(rule) {
            Some(&at) => at,
            None => {
                let at = u32::try_from(self.rules.len())
                    .expect("fewer than 2^32 rules: each is a rule file entry");
                self.rules.push(rule.into());
                self.rule_index.insert(rule.into(), at);
                at
            }
        };
        let reason = match reason {
            None => 0,
            Some(reason) => match self.reasons.iter().position(|r| *r == reason) {
                Some(at) => at + 1,
                None => {
                    self.reasons.push(reason);
                    self.reasons.len()
                }
            },
        };
        // A text holds at most isize::MAX bytes, so the difference of two offsets fits an i64.
        let step = range.start as i64 - self.last_start as i64;
        for value in [
            rule as u64,
            reason as u64,
            pass as u64,
            zigzag(step),
            range.len() as u64,
            inserted.len() as u64,
        ] {
            put(&mut self.entries, value);
        }
        self.inserted.push_str(inserted);
        self.len += 1;
        self.last_pass = Some(pass);
        self.last_start = range.start;
    }

    /// The number of edits.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no edit was applied.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The pass after the last one that applied an edit (0 for an empty log): where edits made after these go.
    pub fn next_pass(&self) -> usize {
        self.last_pass.map_or(0, |pass| pass + 1)
    }

    /// The edits, in the order they were applied.
    pub fn iter(&self) -> LoggedEdits<'_> {
        LoggedEdits {
            log: self,
            at: 0,
            inserted: 0,
            start: 0,
        }
    }

    /// Appends the edits of `other`, their passes moved on by `passes`: the log of a cleanup run on the text this
    /// log's edits produced.
    pub fn append(&mut self, other: &EditLog, passes: usize) {
        for edit in other.iter() {
            self.push(
                edit.rule,
                edit.pass + passes,
                edit.range,
                edit.inserted,
                edit.reason,
            );
        }
    }

    /// Every edit with the text it removed, found by replaying the log on `raw`, the text the first pass was given.
    /// An edit whose range does not lie in the text of its pass (a log that does not belong to `raw`) is given
    /// with nothing removed and leaves the text as it was.
    pub fn applied(&self, raw: &str) -> Vec<AppliedEdit> {
        let mut out = Vec::with_capacity(self.len);
        let mut text = raw.to_string();
        let mut next = String::new();
        let mut cursor = 0;
        let mut pass = None;
        for edit in self.iter() {
            if pass != Some(edit.pass) {
                if pass.is_some() {
                    next.push_str(&text[cursor..]);
                    std::mem::swap(&mut text, &mut next);
                    next.clear();
                }
                cursor = 0;
                pass = Some(edit.pass);
            }
            let fits = edit.range.start >= cursor && text.get(edit.range.clone()).is_some();
            let before = if fits {
                next.push_str(&text[cursor..edit.range.start]);
                next.push_str(edit.inserted);
                cursor = edit.range.end;
                text[edit.range.clone()].to_string()
            } else {
                String::new()
            };
            out.push(AppliedEdit {
                rule: edit.rule.to_string(),
                pass: edit.pass,
                range: edit.range,
                before,
                after: edit.inserted.to_string(),
                reason: edit.reason,
            });
        }
        out
    }
}

/// The edits of an [`EditLog`] in order.
#[derive(Debug, Clone)]
pub struct LoggedEdits<'a> {
    log: &'a EditLog,
    /// The next byte of the entries.
    at: usize,
    /// The next byte of the inserted texts.
    inserted: usize,
    /// The start of the previous edit.
    start: usize,
}

impl<'a> Iterator for LoggedEdits<'a> {
    type Item = LoggedEdit<'a>;

    fn next(&mut self) -> Option<LoggedEdit<'a>> {
        let log = self.log;
        if self.at == log.entries.len() {
            return None;
        }
        let mut next = || take(&log.entries, &mut self.at);
        let rule = next() as usize;
        let reason = next() as usize;
        let pass = next() as usize;
        let start = (self.start as i64 + unzigzag(next())) as usize;
        let removed = next() as usize;
        let inserted = next() as usize;
        self.start = start;
        let text = &log.inserted[self.inserted..self.inserted + inserted];
        self.inserted += inserted;
        Some(LoggedEdit {
            rule: &log.rules[rule],
            pass,
            range: start..start + removed,
            inserted: text,
            reason: reason.checked_sub(1).map(|at| log.reasons[at]),
        })
    }
}

impl<'a> IntoIterator for &'a EditLog {
    type Item = LoggedEdit<'a>;
    type IntoIter = LoggedEdits<'a>;

    fn into_iter(self) -> LoggedEdits<'a> {
        self.iter()
    }
}

impl FromIterator<AppliedEdit> for EditLog {
    fn from_iter<I: IntoIterator<Item = AppliedEdit>>(edits: I) -> EditLog {
        let mut log = EditLog::new();
        for edit in edits {
            log.push(&edit.rule, edit.pass, edit.range, &edit.after, edit.reason);
        }
        log
    }
}

/// Appends `value` as a varint: seven bits a byte, low bits first, the high bit set on every byte but the last.
fn put(bytes: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        bytes.push((value as u8) | 0x80);
        value >>= 7;
    }
    bytes.push(value as u8);
}

/// Reads the varint at `*at` and moves past it.
fn take(bytes: &[u8], at: &mut usize) -> u64 {
    let mut value = 0;
    let mut shift = 0;
    loop {
        let byte = bytes[*at];
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return value;
        }
        shift += 7;
    }
}

/// A signed number as an unsigned one, small when it is near zero either way.
fn zigzag(value: i64) -> u64 {
    ((value << 1) ^ (value >> 63)) as u64
}

/// The inverse of [`zigzag`].
fn unzigzag(value: u64) -> i64 {
    (value >> 1) as i64 ^ -((value & 1) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit<'a>(
        rule: &'a str,
        pass: usize,
        range: Range<usize>,
        inserted: &'a str,
    ) -> LoggedEdit<'a> {
        LoggedEdit {
            rule,
            pass,
            range,
            inserted,
            reason: None,
        }
    }

    #[test]
    fn edits_read_back_as_pushed() {
        let mut log = EditLog::new();
        log.push("L001", 0, 4..13, "here", None);
        log.push("N004", 0, 2..3, "", Some("after the article"));
        log.push("L001", 1, 1_000_000..1_000_200, "x", None);
        log.push("20-site/back-to-top", 1, 0..0, "\n", None);
        let edits: Vec<LoggedEdit<'_>> = log.iter().collect();
        assert_eq!(edits.len(), log.len());
        assert_eq!(edits[0], edit("L001", 0, 4..13, "here"));
        assert_eq!(edits[1].reason, Some("after the article"));
        assert_eq!(edits[1].range, 2..3);
        assert_eq!(edits[2], edit("L001", 1, 1_000_000..1_000_200, "x"));
        assert_eq!(edits[3], edit("20-site/back-to-top", 1, 0..0, "\n"));
        assert_eq!(log.next_pass(), 2);
    }

    #[test]
    fn varints_round_trip_at_their_edges() {
        for value in [
            0,
            1,
            127,
            128,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut bytes = Vec::new();
            put(&mut bytes, value);
            let mut at = 0;
            assert_eq!(take(&bytes, &mut at), value);
            assert_eq!(at, bytes.len());
        }
        for value in [0, 1, -1, 63, -64, i64::MAX, i64::MIN] {
            assert_eq!(unzigzag(zigzag(value)), value);
        }
    }

    #[test]
    fn an_edit_costs_a_few_bytes_and_no_allocation() {
        // One placeholder link every 25 bytes of a 4 MB body, the shape that made the old log 224 bytes an edit.
        let mut log = EditLog::new();
        for i in 0..160_000 {
            log.push("L001", 0, i * 25..i * 25 + 14, "published", None);
        }
        let bytes = log.entries.capacity() + log.inserted.capacity();
        assert!(
            bytes < 160_000 * (8 + 2 * "published".len()),
            "{bytes} bytes"
        );
    }

    #[test]
    fn replay_gives_each_edit_the_text_it_removed() {
        let raw = "See [here](#) and [there](#).\n\n\n";
        let mut log = EditLog::new();
        log.push("L001", 0, 4..13, "here", None);
        log.push("L001", 0, 18..28, "there", None);
        // Pass 1 sees `See here and there.\n\n\n`.
        log.push("W002", 1, 20..22, "", None);
        let applied = log.applied(raw);
        let removed: Vec<&str> = applied.iter().map(|e| e.before.as_str()).collect();
        assert_eq!(removed, ["[here](#)", "[there](#)", "\n\n"]);
        assert_eq!(applied[2].pass, 1);
    }

    #[test]
    fn an_edit_outside_its_text_removes_nothing() {
        let mut log = EditLog::new();
        log.push("X001", 0, 10..20, "", None);
        let applied = log.applied("abc\n");
        assert_eq!(applied[0].before, "");
    }

    #[test]
    fn appended_logs_follow_on_in_passes() {
        let mut first = EditLog::new();
        first.push("L001", 0, 0..1, "", None);
        let mut second = EditLog::new();
        second.push("W002", 0, 3..4, "", None);
        let passes = first.next_pass() + 1;
        first.append(&second, passes);
        let passes: Vec<usize> = first.iter().map(|e| e.pass).collect();
        assert_eq!(passes, [0, 2]);
    }
}
