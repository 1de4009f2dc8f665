//! `rinse rules`: list the rules, explain one, run the examples of the rule files.

use std::fmt::Write as _;

use anyhow::{bail, Context, Result};

use crate::cli::{RulesArgs, RulesCommand};
use crate::report;
use crate::Status;
use rinse::config::{CleanConfig, Project, Settings};
use rinse::diff::{self, Comparison, Style};
use rinse::examples;
use rinse::extract::Reason;
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

/// Prints a built-in rule's doc, or what one of extraction's labels in `rinse diff` (`extract/comments`) means.
fn explain(code: &str) -> Result<Status> {
    let text = if let Some(reason) = Reason::ALL.iter().find(|r| r.label() == code) {
        format!(
            "# {code}\n\nExtraction left the block out of the article: {}.\n",
            reason.doc()
        )
    } else {
        let Some((code, name, doc)) = RuleSet::explain(code) else {
            bail!(
                "no built-in rule `{code}`\nhint: `rinse rules list` shows the codes; extraction's labels are {}",
                Reason::ALL.map(Reason::label).join(", ")
            );
        };
        format!("# {code} {name}\n\n{doc}\n")
    };
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
        // The same diff as `rinse check --diff` shows for a failing example; the FAIL line names the example.
        out.push_str(&diff::unified(
            &Comparison::plain(&outcome.expected, &outcome.actual),
            ("expected", "actual"),
            Style::default(),
            None,
        ));
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
