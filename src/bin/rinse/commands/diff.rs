//! `rinse diff`: what cleanup did to one document, as a coloured unified or word diff, per-rule counts, or a
//! side-by-side HTML report.

use anyhow::{anyhow, bail, Context, Result};

use crate::cli::{ColorChoice, DiffArgs};
use crate::report::{self, Verbosity};
use crate::Status;
use rinse::config::{CleanConfig, Project};
use rinse::diff::{self, html, Comparison, Style};
use rinse::pipeline;
use rinse::read;
use rinse::read::kind::InputKind;
use rinse::rules::RuleSelection;
use rinse::write::write_atomic;

/// Runs `rinse diff`.
pub fn run(
    project: &Project,
    args: &DiffArgs,
    verbosity: Verbosity,
    color: ColorChoice,
) -> Result<Status> {
    let settings = project.settings(&CleanConfig::default(), &RuleSelection::default());
    let rules = project.rules(&settings)?;
    let options = settings.options(&rules);
    let (inputs, errors) = read::discover(std::slice::from_ref(&args.input));
    if let Some(err) = errors.into_iter().next() {
        return Err(anyhow!(err));
    }
    let [input] = inputs.as_slice() else {
        bail!(
            "{} is a folder: rinse diff shows one document\nhint: rinse check --diff compares a whole folder",
            args.input.display()
        );
    };
    let raw = pipeline::load(input, options.max_size)
        .map_err(|err| anyhow!(report::input_error(input, &err)))?;
    let cleaned =
        pipeline::clean(&raw, &options).map_err(|err| anyhow!(report::input_error(input, &err)))?;
    let page = pipeline::page_text(&raw, &options)
        .map_err(|err| anyhow!(report::input_error(input, &err)))?;
    let kind = if page.is_some() {
        InputKind::Html
    } else {
        InputKind::Markdown
    };
    let comparison = Comparison::new(&cleaned, page);
    let shown = input.display();
    let left_label = match kind {
        InputKind::Html => format!("{shown} (page text)"),
        InputKind::Markdown | InputKind::Text | InputKind::PagedText | InputKind::Pdf => {
            format!("{shown} (raw body)")
        }
    };
    let right_label = format!("{shown} (cleaned)");

    if let Some(target) = &args.html {
        let report = html::report(
            &comparison,
            &html::Labels {
                title: &shown,
                left: &left_label,
                right: &right_label,
            },
            args.rule.as_deref(),
        );
        if target.as_os_str() == "-" {
            report::stdout(report.as_bytes()).context("writing to stdout")?;
        } else {
            write_atomic(target, report.as_bytes())?;
            report::info(verbosity, &format!("wrote {}", target.display()));
        }
        return Ok(Status::Success);
    }

    let text = if args.stat {
        diff::stat(&comparison, args.rule.as_deref())
    } else {
        let style = Style {
            color: report::use_color(color),
            word: args.word,
        };
        diff::unified(
            &comparison,
            (&left_label, &right_label),
            style,
            args.rule.as_deref(),
        )
    };
    if text.is_empty() {
        let message = match &args.rule {
            Some(rule) => format!("{shown}: no changes by rule {rule}"),
            None => format!("{shown}: no changes"),
        };
        report::info(verbosity, &message);
        return Ok(Status::Success);
    }
    report::stdout(text.as_bytes()).context("writing to stdout")?;
    Ok(Status::Success)
}
