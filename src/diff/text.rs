//! Diffs as text: unified diffs (by line or by word) whose hunk headers name the rules, and the per-rule counts of
//! `--stat`.

use std::fmt::Write as _;
use std::ops::Range;

use similar::DiffTag;

use super::words::WordSpan;
use super::{rule_matches, Comparison, Hunk, RuleStat};

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
