//! `rinse check`: recompute every output from raw/ with the current rules and compare it with clean/ (stale,
//! missing and orphan files), validate the rule files and run their examples. Writes nothing.

use std::collections::HashSet;
use std::convert::Infallible;
use std::fmt::Write as _;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde::Serialize;

use crate::cli::{CheckArgs, CheckFormat, ColorChoice};
use crate::report::{self, Verbosity};
use crate::Status;
use rinse::batch;
use rinse::config::{CleanConfig, Project};
use rinse::diff::{self, Comparison, Style};
use rinse::emit::{self, Format};
use rinse::examples;
use rinse::pipeline::{self, Options};
use rinse::prune;
use rinse::read::kind::{container_stem, is_container_name};
use rinse::read::{self, Input};
use rinse::rules::{RuleSelection, RuleSet};

/// Runs `rinse check`.
pub fn run(
    project: &Project,
    args: &CheckArgs,
    verbosity: Verbosity,
    color: ColorChoice,
) -> Result<Status> {
    let settings = project.settings(&CleanConfig::default(), &RuleSelection::default());
    if settings.format == Format::Jsonl {
        bail!("the configured format jsonl writes one stream, not a clean/ folder: rinse check compares folders\nhint: set [clean] format to md, text or json");
    }
    let raw_dir = args.raw.clone().unwrap_or_else(|| project.raw_dir());
    let clean_dir = args.clean.clone().unwrap_or_else(|| project.clean_dir());
    if !raw_dir.is_dir() {
        bail!(
            "no raw folder at {}\nhint: pass --raw DIR, or run in a project with raw/",
            raw_dir.display()
        );
    }
    let rules = project.rules(&settings)?;
    let options = settings.options(&rules);
    let pool = super::worker_pool(settings.jobs)?;

    let diff_style = (args.diff).then(|| Style {
        color: args.output_format == CheckFormat::Text && report::use_color(color),
        word: false,
    });
    let mut tally = Tally::default();
    let mut findings = example_findings(&rules, &options, diff_style);
    tally.failing_examples = findings.len();

    let (inputs, discover_errors) = read::discover(std::slice::from_ref(&raw_dir));
    for err in &discover_errors {
        report::error(&err.to_string());
        tally.errors += 1;
    }
    // WARC and JSONL files hold many documents each; their outputs are not compared yet, only kept from being
    // called orphans.
    let (containers, inputs): (Vec<Input>, Vec<Input>) = inputs
        .into_iter()
        .partition(|input| is_container_name(&input.relative));
    let container_dirs: Vec<PathBuf> = containers
        .iter()
        .map(|input| clean_dir.join(container_stem(&input.relative)))
        .collect();
    for input in &containers {
        report::warning(
            verbosity,
            &format!(
                "{}: not checked: a WARC or JSONL file holds many documents",
                input.display()
            ),
        );
    }
    tally.skipped = containers.len();
    let extension = settings.format.extension();
    let (planned, clash_errors) = read::plan_outputs(inputs, &clean_dir, extension);
    for err in &clash_errors {
        report::error(&err.to_string());
        tally.errors += 1;
    }
    let check = Compare {
        format: settings.format,
        options: &options,
        diff: diff_style,
    };
    check.all(&planned, &pool, verbosity, &mut tally, &mut findings);

    let expected: HashSet<&Path> = planned.iter().map(|(_, target)| target.as_path()).collect();
    let orphans = prune::orphans(&clean_dir, extension, &expected)
        .into_iter()
        .filter(|path| !container_dirs.iter().any(|dir| path.starts_with(dir)));
    for orphan in orphans {
        tally.orphans += 1;
        let path = orphan.display().to_string();
        findings.push(Finding {
            kind: Kind::Orphan,
            message: format!(
                "{path} has no source in {}: delete it, or restore its raw file",
                folder_name(&raw_dir)
            ),
            path,
            source: None,
            line: None,
            diff: None,
        });
    }
    findings.sort_by(|a, b| a.path.cmp(&b.path).then(a.line.cmp(&b.line)));

    let out = match args.output_format {
        CheckFormat::Text => text(&findings),
        CheckFormat::Github => github(&findings),
        CheckFormat::Json => json(&findings, &tally),
    };
    if !out.is_empty() && !report::stdout(out.as_bytes()).context("writing to stdout")? {
        return Ok(Status::Success);
    }
    report::info(verbosity, &tally.summary());
    if tally.stale + tally.missing > 0 {
        let clean_shown = folder_name(&clean_dir);
        let command = if args.raw.is_some() || args.clean.is_some() {
            format!(
                "rinse clean -o {} {}",
                clean_dir.display(),
                raw_dir.display()
            )
        } else {
            "rinse clean".to_string()
        };
        report::error(&format!(
            "{clean_shown} is stale: run `{command}` and commit {clean_shown}"
        ));
    } else if tally.orphans > 0 {
        report::error(&format!(
            "{} has files no raw input makes: delete them or restore their sources\nhint: `rinse clean --prune` removes the ones rinse wrote",
            folder_name(&clean_dir)
        ));
    }
    if tally.failing_examples > 0 {
        report::error(&format!(
            "{} failed: fix the rule or its example",
            plural(tally.failing_examples, "rule example")
        ));
    }
    Ok(if tally.errors > 0 {
        Status::Error
    } else if findings.is_empty() {
        Status::Success
    } else {
        Status::Failure
    })
}

/// Runs the examples of the rule files; each failing one is a finding, with `--diff` the expected body against
/// the one the pipeline made.
fn example_findings(rules: &RuleSet, options: &Options<'_>, diff: Option<Style>) -> Vec<Finding> {
    examples::run(rules, options)
        .into_iter()
        .filter(|outcome| !outcome.passed)
        .map(|outcome| {
            let path = outcome.file.display().to_string();
            let diff = diff.map(|style| {
                diff::unified(
                    &Comparison::plain(&outcome.expected, &outcome.actual),
                    (
                        &format!("{path}:{} (expected)", outcome.line),
                        &format!("{path}:{} (actual)", outcome.line),
                    ),
                    style,
                    None,
                )
            });
            Finding {
                kind: Kind::FailingExample,
                message: format!(
                    "the example of {} does not give its `clean` text",
                    outcome.rule
                ),
                path,
                source: None,
                line: Some(outcome.line),
                diff,
            }
        })
        .collect()
}

/// A problem `rinse check` reports.
#[derive(Debug, Clone, Serialize)]
struct Finding {
    kind: Kind,
    /// The file to fix: the file in clean/, or the rule file.
    path: String,
    /// The raw input a stale or missing file comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<String>,
    /// The first line that differs, or the line of a rule example.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    message: String,
    /// With `--diff`: the committed file against what it should be.
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
enum Kind {
    Stale,
    Missing,
    Orphan,
    #[allow(
        dead_code,
        reason = "made by example_findings once rule examples run, see TODO(#5)"
    )]
    FailingExample,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Stale => "stale",
            Kind::Missing => "missing",
            Kind::Orphan => "orphan",
            Kind::FailingExample => "failing example",
        }
    }
}

/// Counts for the closing summary and the JSON output.
#[derive(Debug, Default, Serialize)]
struct Tally {
    checked: usize,
    up_to_date: usize,
    stale: usize,
    missing: usize,
    orphans: usize,
    failing_examples: usize,
    errors: usize,
    /// WARC and JSONL files, not checked.
    skipped: usize,
}

impl Tally {
    fn summary(&self) -> String {
        format!(
            "checked {}: {} up to date, {} stale, {} missing, {}, {}, {}",
            self.checked,
            self.up_to_date,
            self.stale,
            self.missing,
            plural(self.orphans, "orphan"),
            plural(self.failing_examples, "failing example"),
            plural(self.errors, "error")
        ) + &if self.skipped > 0 {
            format!(", {} skipped (WARC or JSONL)", self.skipped)
        } else {
            String::new()
        }
    }
}

/// `1 orphan`, `2 orphans`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The comparison of every planned output with the file in clean/.
struct Compare<'a> {
    format: Format,
    options: &'a Options<'a>,
    diff: Option<Style>,
}

enum Outcome {
    UpToDate,
    Stale { line: usize, diff: Option<String> },
    Missing,
}

impl Compare<'_> {
    /// Compares every planned output on the pool's threads (see [`batch::run`]), recording the outcomes in order.
    fn all<'a>(
        &self,
        planned: &'a [(Input, PathBuf)],
        pool: &rayon::ThreadPool,
        verbosity: Verbosity,
        tally: &mut Tally,
        findings: &mut Vec<Finding>,
    ) {
        let bar = report::progress(planned.len(), verbosity);
        let compare = |planned: &'a (Input, PathBuf)| {
            let outcome = self.one(&planned.0, &planned.1);
            bar.inc(1);
            (planned, outcome)
        };
        let record = |((input, target), outcome): (&(Input, PathBuf), Result<Outcome, String>)| {
            tally.checked += 1;
            let path = target.display().to_string();
            let source = Some(input.display());
            match outcome {
                Ok(Outcome::UpToDate) => tally.up_to_date += 1,
                Ok(Outcome::Stale { line, diff }) => {
                    tally.stale += 1;
                    findings.push(Finding {
                        kind: Kind::Stale,
                        message: format!(
                            "{path} is stale: cleaning {} gives a different result from line {line}",
                            input.display()
                        ),
                        path,
                        source,
                        line: Some(line),
                        diff,
                    });
                }
                Ok(Outcome::Missing) => {
                    tally.missing += 1;
                    findings.push(Finding {
                        kind: Kind::Missing,
                        message: format!("{path} is missing: {} has no output", input.display()),
                        path,
                        source,
                        line: None,
                        diff: None,
                    });
                }
                Err(err) => {
                    report::error_with(&bar, &err);
                    tally.errors += 1;
                }
            }
            Ok::<_, Infallible>(ControlFlow::Continue(()))
        };
        let Ok(()) = batch::run(pool, planned.iter(), compare, record);
        bar.finish_and_clear();
    }

    fn one(&self, input: &Input, target: &Path) -> Result<Outcome, String> {
        let doc = pipeline::load(input, self.options.max_size)
            .and_then(|raw| pipeline::clean(&raw, self.options))
            .map_err(|err| report::input_error(input, &err))?;
        let expected = emit::render(&doc, self.format);
        let committed = match std::fs::read(target) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Outcome::Missing),
            Err(err) => {
                return Err(format!(
                    "failed to read {}: {}",
                    target.display(),
                    read::io_reason(&err)
                ))
            }
        };
        if committed == expected.as_bytes() {
            return Ok(Outcome::UpToDate);
        }
        let committed = String::from_utf8_lossy(&committed);
        let line = first_different_line(&committed, &expected);
        let diff = self.diff.map(|style| {
            let shown = target.display().to_string();
            diff::unified(
                &Comparison::plain(&committed, &expected),
                (
                    &format!("{shown} (committed)"),
                    &format!("{shown} (from {})", input.display()),
                ),
                style,
                None,
            )
        });
        Ok(Outcome::Stale { line, diff })
    }
}

/// The 1-based number of the first line where two texts differ.
fn first_different_line(a: &str, b: &str) -> usize {
    let mut a_lines = a.split_inclusive('\n');
    let mut b_lines = b.split_inclusive('\n');
    let mut line = 1;
    loop {
        match (a_lines.next(), b_lines.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            _ => return line,
        }
    }
}

/// A folder as shown in the closing hint: `clean/`.
fn folder_name(dir: &Path) -> String {
    let shown = dir.display().to_string();
    if shown.ends_with('/') {
        shown
    } else {
        format!("{shown}/")
    }
}

/// One line per finding, each stale file's diff after its line.
fn text(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let _ = write!(out, "{}: {}", finding.kind.label(), finding.path);
        match (finding.kind, &finding.source) {
            (Kind::FailingExample, _) => {
                let _ = write!(out, ":{}: {}", finding.line.unwrap_or(1), finding.message);
            }
            (Kind::Orphan, _) => out.push_str(" (no raw source)"),
            (_, Some(source)) => {
                let _ = write!(out, " (from {source})");
            }
            _ => {}
        }
        out.push('\n');
        if let Some(diff) = &finding.diff {
            out.push_str(diff);
        }
    }
    out
}

/// GitHub Actions workflow commands: an `::error` per finding, diffs folded into groups.
fn github(findings: &[Finding]) -> String {
    let mut out = String::new();
    for finding in findings {
        let _ = write!(out, "::error file={}", github_property(&finding.path));
        if let Some(line) = finding.line {
            let _ = write!(out, ",line={line}");
        }
        let _ = writeln!(
            out,
            ",title={}::{}",
            github_property(&format!("rinse check: {}", finding.kind.label())),
            github_data(&finding.message)
        );
        if let Some(diff) = &finding.diff {
            let _ = writeln!(out, "::group::diff {}", github_data(&finding.path));
            out.push_str(diff);
            out.push_str("::endgroup::\n");
        }
    }
    out
}

/// A workflow command's message, escaped as the runner expects.
fn github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value, escaped as the runner expects.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One JSON object: the findings and the counts.
fn json(findings: &[Finding], tally: &Tally) -> String {
    let mut out = serde_json::to_string_pretty(&serde_json::json!({
        "findings": findings,
        "summary": tally,
    }))
    .expect("findings and counts always serialize");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_different_line_counts_from_one() {
        assert_eq!(first_different_line("a\nb\nc\n", "a\nb\nx\n"), 3);
        assert_eq!(first_different_line("a\n", "a\nb\n"), 2);
    }

    #[test]
    fn github_commands_escape_their_properties_and_message() {
        let finding = Finding {
            kind: Kind::Stale,
            path: "clean/a,b.md".into(),
            source: None,
            line: Some(4),
            message: "100% stale\nreally".into(),
            diff: None,
        };
        assert_eq!(
            github(&[finding]),
            "::error file=clean/a%2Cb.md,line=4,title=rinse check%3A stale::100%25 stale%0Areally\n"
        );
    }
}
