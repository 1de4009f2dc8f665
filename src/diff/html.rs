//! The side-by-side HTML report of `rinse diff --html`: one self-contained file (no scripts, no external
//! resources), raw text left and cleaned text right, removed and inserted words marked and coloured by rule.
//!
//! It stays light on a 1 MB page: one element per changed word run and one row per hunk, and unchanged runs
//! between hunks folded into a `<details>` the browser does not lay out until opened.

use std::fmt::Write as _;
use std::ops::Range;

use similar::DiffTag;

use super::{
    is_extract, word_spans, Comparison, Hunk, WordSpan, CONTEXT, MAX_WORD_DIFF, UNATTRIBUTED,
};

/// The names shown in the report.
#[derive(Debug, Clone, Copy)]
pub struct Labels<'a> {
    /// The document (its path).
    pub title: &'a str,
    /// The left pane's heading.
    pub left: &'a str,
    /// The right pane's heading.
    pub right: &'a str,
}

/// Colours of rules, in the order rules appear in the legend; extraction's labels (`extract/…`) always get the grey.
const PALETTE: &[&str] = &[
    "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#e377c2", "#8c564b",
    "#bcbd22",
];
const EXTRACT_COLOR: &str = "#7f7f7f";
const MUTED_COLOR: &str = "#b0b0b0";

/// The report. With `rule`, only that rule's changes are coloured; the others are greyed out.
pub fn report(comparison: &Comparison, labels: &Labels<'_>, rule: Option<&str>) -> String {
    let hunks = comparison.hunks(CONTEXT);
    let legend = Legend::new(comparison, &hunks);
    let mut out = String::with_capacity(comparison.left.len() + comparison.right.len() + 8192);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>rinse diff: {}</title>", escape(labels.title));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    for (i, entry) in legend.entries.iter().enumerate() {
        let _ = writeln!(
            out,
            ".c{i}{{--c:{}}}",
            if is_extract(&entry.rule) {
                EXTRACT_COLOR
            } else if rule.is_some_and(|r| !super::rule_matches(&entry.rule, r)) {
                MUTED_COLOR
            } else {
                entry.color
            }
        );
    }
    out.push_str("</style>\n</head>\n<body>\n<header>\n");
    let _ = writeln!(
        out,
        "<h1>rinse diff <code>{}</code></h1>",
        escape(labels.title)
    );
    write_legend(&mut out, &legend, &hunks, rule);
    out.push_str("</header>\n<main id=\"panes\">\n");
    let _ = writeln!(
        out,
        "<div class=\"row head\"><div class=\"lab\"></div><div id=\"raw-pane\" class=\"pane-head\">{}</div>\
         <div id=\"clean-pane\" class=\"pane-head\">{}</div></div>",
        escape(labels.left),
        escape(labels.right)
    );
    let (mut line, mut byte) = (0, 0);
    for (n, hunk) in hunks.iter().enumerate() {
        let old = hunk.old_lines();
        let start = hunk.ops.first().map_or(byte, |op| op.old_bytes.start);
        write_fold(&mut out, &comparison.left[byte..start], old.start - line);
        write_hunk(&mut out, comparison, hunk, n, &legend);
        line = old.end;
        byte = hunk.ops.last().map_or(start, |op| op.old_bytes.end);
    }
    let tail = &comparison.left[byte..];
    write_fold(&mut out, tail, tail.split_inclusive('\n').count());
    if hunks.is_empty() {
        out.push_str("<p class=\"none\">No changes.</p>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

const STYLE: &str = "\
:root{color-scheme:light;font-family:system-ui,sans-serif;font-size:14px}
body{margin:0;background:#fff;color:#222}
header{padding:12px 16px;border-bottom:1px solid #ddd}
h1{font-size:18px;margin:0 0 8px;overflow-wrap:anywhere}
h1 code{font-weight:normal}
#legend{display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center}
#legend table{border-collapse:collapse}
#legend td,#legend th{padding:2px 8px;text-align:right;font-variant-numeric:tabular-nums}
#legend td:first-child,#legend th:first-child{text-align:left}
.sw{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px;\
background:var(--c)}
.keys{color:#555}
.keys del,.keys ins{--c:#555}
main{padding:0 0 40px}
.row{display:grid;grid-template-columns:7em 1fr 1fr;border-bottom:1px solid #eee}
.row>pre,.row>div{margin:0;padding:4px 8px;min-width:0}
.head{position:sticky;top:0;background:#f6f6f6;font-weight:600;z-index:1;border-bottom:1px solid #ccc}
.pane-head{overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere;font:12.5px/1.45 ui-monospace,monospace}
.row>pre+pre{border-left:1px solid #eee}
.lab{font:12px ui-monospace,monospace;color:#444;overflow-wrap:anywhere}
.lab a{color:inherit;text-decoration:none}
.lab span{display:block;border-left:4px solid var(--c);padding-left:4px;margin-bottom:2px}
.ch{background:#fcfcfc}
.ch,details.row{content-visibility:auto;contain-intrinsic-size:auto 80px}
del{background:color-mix(in srgb,var(--c) 22%,white);text-decoration:line-through;\
text-decoration-color:var(--c);border-bottom:2px solid var(--c)}
ins{background:color-mix(in srgb,var(--c) 22%,white);text-decoration:none;border-bottom:2px solid var(--c)}
details.row{display:block}
details.row>summary{padding:3px 8px 3px calc(7em + 8px);color:#777;cursor:pointer;font-size:12px;background:#fafafa}
details.row>div{display:grid;grid-template-columns:7em 1fr 1fr}
details.row pre{color:#666}
.none{padding:16px}
";

/// The rules in the order the legend lists them, with their colours and counts.
struct Legend<'a> {
    entries: Vec<Entry<'a>>,
}

struct Entry<'a> {
    rule: String,
    color: &'a str,
    edits: Option<usize>,
    removed: Option<usize>,
    joined: Option<usize>,
}

impl<'a> Legend<'a> {
    fn new(comparison: &Comparison, hunks: &[Hunk]) -> Legend<'a> {
        let mut entries: Vec<Entry<'a>> = Vec::new();
        let mut push = |rule: &str, stat: Option<&super::RuleStat>| {
            if entries.iter().any(|e| e.rule == rule) {
                return;
            }
            let color =
                PALETTE[entries.iter().filter(|e| !is_extract(&e.rule)).count() % PALETTE.len()];
            entries.push(Entry {
                rule: rule.to_string(),
                color: if rule == UNATTRIBUTED {
                    MUTED_COLOR
                } else {
                    color
                },
                edits: stat.map(|s| s.edits),
                removed: stat.map(|s| s.removed),
                joined: stat.map(|s| s.joined),
            });
        };
        for stat in &comparison.stats {
            push(&stat.rule, Some(stat));
        }
        for hunk in hunks {
            for rule in &hunk.rules {
                push(rule, None);
            }
        }
        Legend { entries }
    }

    /// The CSS class of a rule's colour.
    fn class(&self, rule: Option<&str>) -> String {
        let index = rule.and_then(|rule| self.entries.iter().position(|e| e.rule == rule));
        match index {
            Some(i) => format!("c{i}"),
            None => "cu".to_string(),
        }
    }
}

fn write_legend(out: &mut String, legend: &Legend<'_>, hunks: &[Hunk], rule: Option<&str>) {
    out.push_str(
        "<section id=\"legend\">\n<table>\n<thead><tr><th>rule</th><th>hunks</th><th>edits</th>",
    );
    out.push_str("<th>chars removed</th><th>lines joined</th></tr></thead>\n<tbody>\n");
    let cell = |n: Option<usize>| n.map_or_else(|| "–".to_string(), |n| n.to_string());
    for (i, entry) in legend.entries.iter().enumerate() {
        let hunk_count = hunks
            .iter()
            .filter(|h| h.rules.contains(&entry.rule))
            .count();
        let _ = writeln!(
            out,
            "<tr class=\"c{i}\"><td><span class=\"sw\"></span>{}</td><td>{hunk_count}</td><td>{}</td>\
             <td>{}</td><td>{}</td></tr>",
            escape(&entry.rule),
            cell(entry.edits),
            cell(entry.removed),
            cell(entry.joined)
        );
    }
    if legend.entries.is_empty() {
        out.push_str("<tr><td colspan=\"5\">no rule changed this document</td></tr>\n");
    }
    out.push_str("</tbody>\n</table>\n<p class=\"keys\">");
    out.push_str(
        "<del>removed</del> on the left, <ins>inserted</ins> on the right, coloured by rule",
    );
    if let Some(rule) = rule {
        let _ = write!(out, "; only <code>{}</code> in colour", escape(rule));
    }
    let _ = write!(
        out,
        "; {} hunk{}",
        hunks.len(),
        if hunks.len() == 1 { "" } else { "s" }
    );
    out.push_str("</p>\n</section>\n");
}

/// An unchanged run of `lines` lines, folded.
fn write_fold(out: &mut String, text: &str, lines: usize) {
    if text.is_empty() {
        return;
    }
    let escaped = escape(text);
    let _ = writeln!(
        out,
        "<details class=\"row\"><summary>{lines} unchanged line{}</summary><div><div class=\"lab\"></div>\
         <pre>{escaped}</pre><pre>{escaped}</pre></div></details>",
        if lines == 1 { "" } else { "s" }
    );
}

/// A hunk as one row; a hunk too big to word-diff at once as one row per line operation, so that the browser can
/// skip laying out the rows off screen.
fn write_hunk(
    out: &mut String,
    comparison: &Comparison,
    hunk: &Hunk,
    n: usize,
    legend: &Legend<'_>,
) {
    let mut label = format!(
        "<a href=\"#h{}\">@@ {}</a>",
        n + 1,
        hunk.old_lines().start + 1
    );
    for rule in &hunk.rules {
        let _ = write!(
            label,
            "<span class=\"{}\">{}</span>",
            legend.class(Some(rule)),
            escape(rule)
        );
    }
    let pieces: Vec<(Range<usize>, Range<usize>, Vec<WordSpan>)> =
        if hunk.old_bytes().len() + hunk.new_bytes().len() <= MAX_WORD_DIFF {
            vec![(
                hunk.old_bytes(),
                hunk.new_bytes(),
                hunk.word_spans(&comparison.left, &comparison.right),
            )]
        } else {
            hunk.ops
                .iter()
                .map(|op| {
                    let spans = if op.tag == DiffTag::Equal {
                        vec![WordSpan {
                            tag: DiffTag::Equal,
                            old: 0..op.old_bytes.len(),
                            new: 0..op.new_bytes.len(),
                        }]
                    } else {
                        word_spans(
                            &comparison.left[op.old_bytes.clone()],
                            &comparison.right[op.new_bytes.clone()],
                        )
                    };
                    (op.old_bytes.clone(), op.new_bytes.clone(), spans)
                })
                .collect()
        };
    let fallback = hunk.rules.first().map(String::as_str);
    let mut rows = Rows {
        out,
        label: Some((n + 1, label)),
        left: String::new(),
        right: String::new(),
        left_open: false,
        right_open: false,
    };
    for (old_base, new_base, spans) in pieces {
        let old = &comparison.left[old_base.clone()];
        let new = &comparison.right[new_base];
        // An insert right after a delete replaces it: both are the same rule's doing.
        let mut deleted: Option<Range<usize>> = None;
        for span in spans {
            let old_text = &old[span.old.clone()];
            let new_text = &new[span.new.clone()];
            let mut absolute = old_base.start + span.old.start..old_base.start + span.old.end;
            match span.tag {
                DiffTag::Delete => deleted = Some(absolute.clone()),
                DiffTag::Insert => {
                    if let Some(replaced) = deleted.take().filter(|d| d.end == absolute.start) {
                        absolute = replaced;
                    }
                }
                _ => deleted = None,
            }
            let (tag, text) = match span.tag {
                DiffTag::Equal => {
                    rows.push_equal(old_text, new_text);
                    continue;
                }
                DiffTag::Delete => ("del", old_text),
                _ => ("ins", new_text),
            };
            let class = legend.class(comparison.main_rule(absolute.clone()).or(fallback));
            let rules = comparison.rules_at(absolute);
            let side = if tag == "del" {
                rows.left_open = !text.ends_with('\n');
                &mut rows.left
            } else {
                rows.right_open = !text.ends_with('\n');
                &mut rows.right
            };
            let _ = write!(
                side,
                "<{tag} class=\"{class}\" title=\"{}\">{}</{tag}>",
                escape(&rules.join(" ")),
                escape(text)
            );
        }
        rows.flush();
    }
    rows.flush();
}

/// The rows of one hunk: a new row starts at each blank line that both sides share (the row's border stands for
/// it), so that paragraphs line up side by side and the browser can skip the rows off screen.
struct Rows<'a> {
    out: &'a mut String,
    /// The hunk's number and label, for its first row.
    label: Option<(usize, String)>,
    left: String,
    right: String,
    /// Whether the left side's text so far ends inside a line.
    left_open: bool,
    /// Whether the right side's text so far ends inside a line.
    right_open: bool,
}

impl Rows<'_> {
    fn push_equal(&mut self, old: &str, new: &str) {
        if old != new {
            self.left.push_str(&escape(old));
            self.right.push_str(&escape(new));
            self.left_open = !old.ends_with('\n');
            self.right_open = !new.ends_with('\n');
            return;
        }
        // Both sides at the start of a line (after a block only one side has): the shared text starts a new row.
        if !self.left_open && !self.right_open {
            self.flush();
        }
        let open = !old.ends_with('\n');
        self.left_open = open;
        self.right_open = open;
        let mut rest = old;
        while let Some(at) = rest.find("\n\n") {
            let end = at + rest[at..].len() - rest[at..].trim_start_matches('\n').len();
            // The row's border stands for the blank lines between the two paragraphs.
            let part = escape(&rest[..at + 1]);
            self.left.push_str(&part);
            self.right.push_str(&part);
            self.flush();
            rest = &rest[end..];
        }
        let part = escape(rest);
        self.left.push_str(&part);
        self.right.push_str(&part);
    }

    fn flush(&mut self) {
        self.left_open = false;
        self.right_open = false;
        if self.left.is_empty() && self.right.is_empty() {
            return;
        }
        match self.label.take() {
            Some((n, label)) => {
                let _ = write!(
                    self.out,
                    "<div class=\"row ch\" id=\"h{n}\"><div class=\"lab\">{label}</div>"
                );
            }
            None => self
                .out
                .push_str("<div class=\"row ch\"><div class=\"lab\"></div>"),
        }
        let _ = writeln!(
            self.out,
            "<pre>{}</pre><pre>{}</pre></div>",
            std::mem::take(&mut self.left),
            std::mem::take(&mut self.right)
        );
    }
}

/// Text escaped for HTML content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{AppliedEdit, Cleaned};

    fn sample() -> Comparison {
        let raw = "keep <this>\nBack to top\nmore\n";
        let doc = Cleaned {
            raw_body: raw.to_string(),
            markdown: "keep <this>\nmore\n".to_string(),
            edits: [AppliedEdit {
                rule: "N001".into(),
                pass: 0,
                range: 12..24,
                before: "Back to top\n".into(),
                after: String::new(),
                reason: None,
            }]
            .into_iter()
            .collect(),
            ..Cleaned::default()
        };
        Comparison::new(&doc, None)
    }

    const LABELS: Labels<'static> = Labels {
        title: "a.md",
        left: "raw",
        right: "clean",
    };

    #[test]
    fn report_has_both_panes_the_legend_and_the_rule_mark() {
        let page = report(&sample(), &LABELS, None);
        assert!(page.contains("id=\"raw-pane\"") && page.contains("id=\"clean-pane\""));
        assert!(page.contains("id=\"legend\""));
        assert!(
            page.contains("<del class=\"c0\" title=\"N001\">Back to top\n</del>"),
            "{page}"
        );
        assert!(page.contains("keep &lt;this&gt;"));
    }

    #[test]
    fn report_has_no_script_or_external_resource() {
        let page = report(&sample(), &LABELS, None);
        assert!(
            !page.contains("<script") && !page.contains("http"),
            "{page}"
        );
    }
}
