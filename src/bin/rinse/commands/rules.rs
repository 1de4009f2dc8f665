//! `rinse rules`: list the rules, explain one, run the examples of the rule files.

use std::fmt::Write as _;

use anyhow::{bail, Context, Result};

use crate::cli::{RulesArgs, RulesCommand};
use crate::report;
use crate::Status;
use rinse::config::{CleanConfig, Project, Settings};
use rinse::examples;
use rinse::rules::{RuleSelection, RuleSet};

/// Runs `rinse rules`.
pub fn run(project: &Project, args: &RulesArgs) -> Result<Status> {
    match &args.command {
        RulesCommand::List => list(project),
        RulesCommand::Explain { code } => explain(code),
        RulesCommand::Test { path } => {
            let path = path.clone().unwrap_or_else(|| project.rules_dir());
            test(project, &path)
        }
    }
}

fn list(project: &Project) -> Result<Status> {
    let rules = project.rules(&settings(project))?;
    let rows = rules.list();
    let width = rows.iter().map(|r| r.code.len()).max().unwrap_or(4).max(4);
    let name_width = rows.iter().map(|r| r.name.len()).max().unwrap_or(4).max(4);
    let mut out = format!(
        "{:width$}  {:name_width$}  {:7}  ORIGIN\n",
        "CODE", "NAME", "ENABLED"
    );
    for row in rows {
        let enabled = if row.enabled { "yes" } else { "no" };
        let _ = writeln!(
            out,
            "{:width$}  {:name_width$}  {:7}  {}",
            row.code, row.name, enabled, row.origin
        );
    }
    report::stdout(out.as_bytes()).context("writing to stdout")?;
    Ok(Status::Success)
}

fn explain(code: &str) -> Result<Status> {
    let Some((code, name, doc)) = RuleSet::explain(code) else {
        bail!("no built-in rule `{code}`\nhint: `rinse rules list` shows the codes");
    };
    let text = format!("# {code} {name}\n\n{doc}\n");
    report::stdout(text.as_bytes()).context("writing to stdout")?;
    Ok(Status::Success)
}

fn test(project: &Project, path: &std::path::Path) -> Result<Status> {
    // The examples run with the settings `rinse check` runs them with.
    let settings = settings(project);
    let rules = settings.rules(path)?;
    let options = settings.options(&rules);
    let outcomes = examples::run(&rules, &options);
    let mut out = String::new();
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    for outcome in outcomes.iter().filter(|o| !o.passed) {
        let _ = writeln!(
            out,
            "FAIL {}:{} ({})",
            outcome.file.display(),
            outcome.line,
            outcome.rule
        );
        out.push_str(&line_diff(&outcome.expected, &outcome.actual));
        out.push('\n');
    }
    let _ = writeln!(out, "{} passed, {} failed", outcomes.len() - failed, failed);
    report::stdout(out.as_bytes()).context("writing to stdout")?;
    Ok(if failed > 0 {
        Status::Failure
    } else {
        Status::Success
    })
}

/// The settings of the project, without flags.
fn settings(project: &Project) -> Settings {
    project.settings(&CleanConfig::default(), &RuleSelection::default())
}

/// A minimal line diff: lines only in `expected` as `-`, lines only in `actual` as `+`, in order.
fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    // Longest common subsequence table; examples are small.
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = String::from("--- expected\n+++ actual\n");
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            let _ = writeln!(out, " {}", a[i]);
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            let _ = writeln!(out, "+{}", b[j]);
            j += 1;
        } else {
            let _ = writeln!(out, "-{}", a[i]);
            i += 1;
        }
    }
    out
}
