//! `rinse clean`: inputs found, cleaned in parallel, written in input order.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use rayon::prelude::*;

use crate::cli::{CleanArgs, Format};
use crate::config::Project;
use crate::document::Cleaned;
use crate::emit;
use crate::error::Error;
use crate::pipeline::{self, Options, RawDocument};
use crate::read::{self, Input, Sidecar};
use crate::report::{self, Verbosity};
use crate::rules::RuleSet;
use crate::Status;

/// How many documents are cleaned between two in-order flushes, per worker: bounds memory on huge batches.
const CHUNK_PER_JOB: usize = 32;

/// Runs `rinse clean`.
pub fn run(project: &Project, args: &CleanArgs, verbosity: Verbosity) -> Result<Status> {
    let settings = project.clean_settings(args);
    let (input_args, out) = if args.inputs.is_empty() {
        let raw = project.raw_dir();
        if !raw.is_dir() {
            bail!(
                "no INPUT given and no raw folder at {}\nhint: pass files or folders, or run in a project with raw/",
                raw.display()
            );
        }
        (
            vec![raw],
            Some(args.out.clone().unwrap_or_else(|| project.clean_dir())),
        )
    } else {
        (args.inputs.clone(), args.out.clone())
    };
    if settings.format == Format::Jsonl && out.is_some() {
        bail!("--format jsonl writes one stream to stdout; it cannot be combined with --out");
    }
    if out.is_none() && settings.format != Format::Jsonl {
        let folder = input_args.iter().find(|p| p.is_dir());
        if let Some(folder) = folder {
            bail!(
                "{} is a folder: name an output folder\nhint: rinse clean -o OUT {}",
                folder.display(),
                folder.display()
            );
        }
        if input_args.len() > 1 {
            bail!("several inputs need an output folder\nhint: rinse clean -o OUT …, or --format jsonl");
        }
    }

    let rules = RuleSet::load(&with_rule_flags(project, args))?;
    let options = Options {
        rules: &rules,
        input_format: settings.input_format,
        images: settings.images,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(settings.jobs.unwrap_or(0))
        .build()
        .context("starting the worker threads")?;

    let (inputs, discover_errors) = read::discover(&input_args);
    let mut tally = Tally::default();
    for err in &discover_errors {
        report::error(&err.to_string());
        tally.errors += 1;
    }

    let status = match &out {
        Some(out) => {
            let (planned, clash_errors) =
                read::plan_outputs(inputs, out, settings.format.extension());
            for err in &clash_errors {
                report::error(&err.to_string());
                tally.errors += 1;
            }
            pool.install(|| to_folder(&planned, settings.format, &options, verbosity, &mut tally));
            if verbosity != Verbosity::Quiet {
                report::info(verbosity, &tally.summary());
            }
            Status::Success
        }
        None => {
            pool.install(|| to_stdout(&inputs, settings.format, &options, verbosity, &mut tally))?
        }
    };
    if tally.errors > 0 {
        Ok(Status::Error)
    } else {
        Ok(status)
    }
}

/// The project with `--select`/`--ignore` laid over its `[rules]` table.
fn with_rule_flags(project: &Project, args: &CleanArgs) -> Project {
    let mut project = project.clone();
    if let Some(select) = &args.select {
        project.file.rules.select = Some(select.clone());
    }
    project
        .file
        .rules
        .ignore
        .extend(args.ignore.iter().cloned());
    project
}

/// Counts for the closing summary.
#[derive(Debug, Default)]
struct Tally {
    cleaned: usize,
    unchanged: usize,
    errors: usize,
}

impl Tally {
    fn summary(&self) -> String {
        format!(
            "cleaned {}, unchanged {}, errors {}",
            self.cleaned, self.unchanged, self.errors
        )
    }
}

fn to_folder(
    planned: &[(Input, PathBuf)],
    format: Format,
    options: &Options<'_>,
    verbosity: Verbosity,
    tally: &mut Tally,
) {
    let bar = report::progress(planned.len(), verbosity);
    let chunk = CHUNK_PER_JOB * rayon::current_num_threads();
    for batch in planned.chunks(chunk.max(1)) {
        let outcomes: Vec<_> = batch
            .par_iter()
            .map(|(input, target)| {
                let outcome = clean_input(input, options).and_then(|doc| {
                    let text = emit::render(&doc, format);
                    let written = emit::write_atomic(target, text.as_bytes())?;
                    Ok((doc, written))
                });
                bar.inc(1);
                outcome
            })
            .collect();
        for ((input, _), outcome) in batch.iter().zip(outcomes) {
            match outcome {
                Ok((doc, written)) => {
                    for warning in &doc.warnings {
                        report::warning_with(
                            &bar,
                            verbosity,
                            &format!("{}: {warning}", input.display()),
                        );
                    }
                    if written {
                        tally.cleaned += 1;
                    } else {
                        tally.unchanged += 1;
                    }
                }
                Err(err) => {
                    report::error_with(&bar, &message(input, &err));
                    tally.errors += 1;
                }
            }
        }
    }
    bar.finish_and_clear();
}

fn to_stdout(
    inputs: &[Input],
    format: Format,
    options: &Options<'_>,
    verbosity: Verbosity,
    tally: &mut Tally,
) -> Result<Status> {
    let chunk = CHUNK_PER_JOB * rayon::current_num_threads();
    for batch in inputs.chunks(chunk.max(1)) {
        let outcomes: Vec<_> = batch
            .par_iter()
            .map(|input| clean_input(input, options).map(|doc| (emit::render(&doc, format), doc)))
            .collect();
        for (input, outcome) in batch.iter().zip(outcomes) {
            match outcome {
                Ok((text, doc)) => {
                    for warning in &doc.warnings {
                        report::warning(verbosity, &format!("{}: {warning}", input.display()));
                    }
                    if !report::stdout(text.as_bytes()).context("writing to stdout")? {
                        return Ok(Status::Success);
                    }
                    tally.cleaned += 1;
                }
                Err(err) => {
                    report::error(&message(input, &err));
                    tally.errors += 1;
                }
            }
        }
    }
    Ok(Status::Success)
}

/// Reads and cleans one input.
pub(crate) fn clean_input(input: &Input, options: &Options<'_>) -> Result<Cleaned, Error> {
    let bytes = read::read(input)?;
    let sidecar = match &input.path {
        Some(path) => Sidecar::load(path)?,
        None => None,
    };
    let doc = RawDocument {
        bytes,
        source: input.relative.clone(),
        kind_hint: input.kind_from_extension(),
        url: sidecar
            .as_ref()
            .and_then(|s| s.page_url())
            .map(str::to_string),
        charset: sidecar.and_then(|s| s.charset),
    };
    pipeline::clean(&doc, options)
}

/// `<path>: <reason>`, without repeating the path when the error already names it.
fn message(input: &Input, err: &Error) -> String {
    let mut text = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    let shown = input.display();
    if text.starts_with(&shown) || text.contains(&format!(" {shown}")) {
        text
    } else {
        format!("{shown}: {text}")
    }
}
