//! `rinse clean`: inputs found (files, folders, stdin, WARC records, JSONL lines), sharded, cleaned in parallel by
//! the batch runner, and written in input order.

use std::io::BufReader;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::{Map, Value};

use crate::cli::CleanArgs;
use crate::report::{self, Verbosity};
use crate::Status;
use rinse::batch;
use rinse::config::Project;
use rinse::document::Cleaned;
use rinse::emit::{self, Format};
use rinse::error::Error;
use rinse::pipeline::{self, Options, RawDocument};
use rinse::read::jsonl::JsonlReader;
use rinse::read::kind::{
    container_format, container_stem, is_container_name, InputFormat, InputKind,
};
use rinse::read::warc::{WarcItem, WarcReader};
use rinse::read::{self, Input, OutputPlan, Shard};
use rinse::write::{check_inside, write_atomic};

/// Runs `rinse clean`.
pub fn run(project: &Project, args: &CleanArgs, verbosity: Verbosity) -> Result<Status> {
    let settings = project.settings(&args.config, &args.rules);
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
    let containers = settings
        .input_format
        .is_some_and(|f| f.document_kind().is_none())
        || input_args
            .iter()
            .any(|p| is_container_name(&p.to_string_lossy()));
    if out.is_none() && settings.format != Format::Jsonl {
        if let Some(folder) = input_args.iter().find(|p| p.is_dir()) {
            bail!(
                "{} is a folder: name an output folder\nhint: rinse clean -o OUT {}",
                folder.display(),
                folder.display()
            );
        }
        if input_args.len() > 1 || containers {
            bail!("several documents need an output folder\nhint: rinse clean -o OUT …, or --format jsonl");
        }
    }

    // Found before any work, so that a refused run has changed nothing.
    let (inputs, discover_errors) = read::discover(
        &input_args
            .iter()
            .filter(|p| !p.to_str().is_some_and(rinse::fetch::is_url))
            .cloned()
            .collect::<Vec<_>>(),
    );
    match &out {
        Some(out) if !args.in_place => {
            let replaced = read::replaced_inputs(&inputs, out, settings.format.extension());
            if let Some(first) = replaced.first() {
                bail!(
                    "{}: is an input, and cleaning would replace it{}\nhint: name another output folder, or pass --in-place to replace the inputs",
                    first.display(),
                    match replaced.len() {
                        1 => String::new(),
                        n => format!(" (and {} more inputs)", n - 1),
                    }
                );
            }
        }
        None if args.in_place => {
            bail!("--in-place needs --out: the folder whose inputs the results may replace")
        }
        _ => {}
    }

    let rules = project.rules(&settings)?;
    let options = settings.options(&rules);
    let pool = super::worker_pool(settings.jobs)?;

    // URL inputs are fetched and cleaned on their own, before the files (see `commands::fetch`).
    let urls: Vec<PathBuf> = input_args
        .into_iter()
        .filter(|p| p.to_str().is_some_and(rinse::fetch::is_url))
        .collect();
    let mut url_tally = Tally::default();
    if !urls.is_empty() {
        let (cleaned, unchanged, errors) = super::fetch::clean_urls(
            project,
            &urls,
            args.save,
            out.as_deref(),
            settings.format,
            &options,
            verbosity,
        )?;
        url_tally.cleaned += cleaned;
        url_tally.unchanged += unchanged;
        url_tally.errors += errors;
    }

    let mut run = Run {
        format: settings.format,
        out: out.clone(),
        verbosity,
        tally: url_tally,
        stdout_closed: false,
    };
    for err in &discover_errors {
        report::error(&err.to_string());
        run.tally.errors += 1;
    }
    let jobs = Jobs::new(inputs, settings.input_format, args.shard);
    let bar = report::progress(if out.is_some() { jobs.files_hint() } else { 0 }, verbosity);
    run.process(jobs, &options, &bar, &pool)?;
    bar.finish_and_clear();
    if out.is_some() {
        report::info(verbosity, &run.tally.summary());
    } else if run.tally.skipped > 0 {
        report::warning(
            verbosity,
            &format!("skipped {} non-HTML records", run.tally.skipped),
        );
    }
    Ok(if run.tally.errors > 0 {
        Status::Error
    } else {
        Status::Success
    })
}

/// Counts for the closing summary.
#[derive(Debug, Default)]
struct Tally {
    cleaned: usize,
    unchanged: usize,
    skipped: usize,
    errors: usize,
}

impl Tally {
    fn summary(&self) -> String {
        let mut text = format!(
            "cleaned {}, unchanged {}, errors {}",
            self.cleaned, self.unchanged, self.errors
        );
        if self.skipped > 0 {
            text.push_str(&format!(", skipped {} (not HTML)", self.skipped));
        }
        text
    }
}

/// One document to clean, or a problem found while reading a container.
enum Job {
    /// A file or stdin holding one document.
    File(Input),
    /// A document read out of a container (WARC record, JSONL line).
    Doc {
        /// Shown in messages: `crawl.warc.gz@1234`, `in.jsonl:7`.
        display: String,
        /// Path of the output under `--out`, without extension.
        stem: String,
        doc: RawDocument,
        extra: Map<String, Value>,
    },
    /// A record or line that could not be read.
    Failed {
        display: String,
        reason: String,
        extra: Map<String, Value>,
    },
    /// A WARC record that is not an HTML page.
    Skipped { display: String, reason: String },
}

/// The jobs of a run, produced lazily from the inputs in order.
struct Jobs {
    inputs: std::vec::IntoIter<Input>,
    format: Option<InputFormat>,
    shard: Option<Shard>,
    current: Option<Box<dyn Iterator<Item = Job> + Send>>,
    files: usize,
}

impl Jobs {
    fn new(inputs: Vec<Input>, format: Option<InputFormat>, shard: Option<Shard>) -> Self {
        let files = inputs.len();
        Jobs {
            inputs: inputs.into_iter(),
            format,
            shard,
            current: None,
            files,
        }
    }

    /// The number of inputs, for the progress bar (a container counts once per document inside, unknown ahead).
    fn files_hint(&self) -> usize {
        self.files
    }

    fn container(&self, input: &Input) -> Option<InputFormat> {
        match self.format {
            Some(f @ (InputFormat::Jsonl | InputFormat::Warc)) => Some(f),
            Some(_) => None,
            None => container_format(&input.relative),
        }
    }

    fn keep(&self, job: &Job) -> bool {
        let Some(shard) = self.shard else { return true };
        match job {
            Job::File(input) => shard.contains(&input.relative),
            Job::Doc { doc, display, .. } => shard.contains(doc.url.as_deref().unwrap_or(display)),
            Job::Failed { display, .. } | Job::Skipped { display, .. } => shard.contains(display),
        }
    }
}

impl Iterator for Jobs {
    type Item = Job;

    fn next(&mut self) -> Option<Job> {
        loop {
            if let Some(current) = &mut self.current {
                match current.next() {
                    Some(job) if self.keep(&job) => return Some(job),
                    Some(_) => continue,
                    None => self.current = None,
                }
            }
            let input = self.inputs.next()?;
            match self.container(&input) {
                Some(InputFormat::Warc) => self.current = Some(warc_jobs(input)),
                Some(InputFormat::Jsonl) => self.current = Some(jsonl_jobs(input)),
                _ => {
                    let job = Job::File(input);
                    if self.keep(&job) {
                        return Some(job);
                    }
                }
            }
        }
    }
}

/// The documents of a WARC file.
fn warc_jobs(input: Input) -> Box<dyn Iterator<Item = Job> + Send> {
    let base = container_stem(&input.relative);
    let relative = input.relative.clone();
    let reader = match &input.path {
        Some(path) => {
            WarcReader::open(path).map(|r| Box::new(r) as Box<dyn Iterator<Item = WarcItem> + Send>)
        }
        None => WarcReader::new(std::io::stdin(), Path::new("<stdin>"))
            .map(|r| Box::new(r) as Box<dyn Iterator<Item = WarcItem> + Send>),
    };
    let reader = match reader {
        Ok(reader) => reader,
        Err(err) => {
            let job = Job::Failed {
                display: input.display(),
                reason: err.chain(),
                extra: Map::new(),
            };
            return Box::new(std::iter::once(job));
        }
    };
    let mut ordinal = 0usize;
    Box::new(reader.map(move |item| match item {
        WarcItem::Page(page) => {
            ordinal += 1;
            let display = format!("{relative}@{}", page.offset);
            Job::Doc {
                stem: format!("{base}/{ordinal:06}"),
                doc: RawDocument {
                    bytes: page.body,
                    source: display.clone(),
                    kind_hint: Some(InputKind::Html),
                    url: page.url,
                    charset: page.charset,
                    fetched: page.date,
                },
                display,
                extra: Map::new(),
            }
        }
        WarcItem::Skipped { offset, reason } => Job::Skipped {
            display: format!("{relative}@{offset}"),
            reason,
        },
        WarcItem::Corrupt { offset, reason } => Job::Failed {
            display: format!("{relative}@{offset}"),
            reason,
            extra: Map::new(),
        },
    }))
}

/// The documents of a JSONL file or stream.
fn jsonl_jobs(input: Input) -> Box<dyn Iterator<Item = Job> + Send> {
    let base = container_stem(&input.relative);
    let relative = input.relative.clone();
    let lines: Box<dyn Iterator<Item = _> + Send> = match &input.path {
        None => Box::new(JsonlReader::new(BufReader::new(std::io::stdin()))),
        Some(path) if path.to_string_lossy().ends_with(".gz") => match std::fs::File::open(path) {
            Ok(file) => Box::new(JsonlReader::new(BufReader::new(
                flate2::read::MultiGzDecoder::new(file),
            ))),
            Err(source) => return failed_open(&input, path, source),
        },
        Some(path) => match std::fs::File::open(path) {
            Ok(file) => Box::new(JsonlReader::new(BufReader::new(file))),
            Err(source) => return failed_open(&input, path, source),
        },
    };
    Box::new(lines.map(move |line| {
        let display = format!("{relative}:{}", line.number);
        match line.document {
            Ok(doc) => Job::Doc {
                stem: format!("{base}/{:06}", line.number),
                doc: RawDocument {
                    bytes: doc.content.into_bytes(),
                    source: display.clone(),
                    kind_hint: Some(doc.kind),
                    url: doc.url,
                    charset: None,
                    fetched: None,
                },
                display,
                extra: doc.extra,
            },
            Err((reason, extra)) => Job::Failed {
                display,
                reason,
                extra,
            },
        }
    }))
}

fn failed_open(
    input: &Input,
    path: &Path,
    source: std::io::Error,
) -> Box<dyn Iterator<Item = Job> + Send> {
    let err = Error::Read {
        path: path.to_path_buf(),
        source,
    };
    Box::new(std::iter::once(Job::Failed {
        display: input.display(),
        reason: err.chain(),
        extra: Map::new(),
    }))
}

/// The outcome of one job.
enum Outcome {
    Done {
        display: String,
        doc: Box<Cleaned>,
        rendered: String,
        written: Option<bool>,
    },
    Failed {
        display: String,
        reason: String,
        rendered: Option<String>,
    },
    Skipped {
        display: String,
        reason: String,
    },
    /// A job refused before it ran: its output path was another's.
    Refused(String),
}

/// The state of a run: where results go and what happened so far.
struct Run {
    format: Format,
    out: Option<PathBuf>,
    verbosity: Verbosity,
    tally: Tally,
    stdout_closed: bool,
}

impl Run {
    /// Cleans the jobs on the pool's threads (see [`batch::run`]) and reports them in input order, each output
    /// path claimed as its job is taken from the stream.
    fn process(
        &mut self,
        jobs: Jobs,
        options: &Options<'_>,
        bar: &indicatif::ProgressBar,
        pool: &rayon::ThreadPool,
    ) -> Result<()> {
        let format = self.format;
        let mut outputs = self
            .out
            .as_deref()
            .map(|out| OutputPlan::new(out, format.extension()));
        let planned = jobs.map(|job| plan(job, outputs.as_mut()));
        batch::run(
            pool,
            planned,
            |planned| match planned {
                Ok((job, target)) => {
                    let outcome = run_job(job, target.as_deref(), format, options);
                    bar.inc(1);
                    outcome
                }
                Err(refusal) => Outcome::Refused(refusal),
            },
            |outcome| {
                self.report(outcome, bar)?;
                Ok(if self.stdout_closed {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                })
            },
        )
    }

    fn report(&mut self, outcome: Outcome, bar: &indicatif::ProgressBar) -> Result<()> {
        match outcome {
            Outcome::Done {
                display,
                doc,
                rendered,
                written,
            } => {
                for warning in &doc.warnings {
                    report::warning_with(bar, self.verbosity, &format!("{display}: {warning}"));
                }
                match written {
                    Some(true) => self.tally.cleaned += 1,
                    Some(false) => self.tally.unchanged += 1,
                    None => {
                        self.tally.cleaned += 1;
                        self.emit(&rendered)?;
                    }
                }
            }
            Outcome::Failed {
                display,
                reason,
                rendered,
            } => {
                report::error_with(bar, &format!("{display}: {reason}"));
                self.tally.errors += 1;
                if let (Some(line), None) = (rendered, &self.out) {
                    self.emit(&line)?;
                }
            }
            Outcome::Refused(message) => {
                report::error_with(bar, &message);
                self.tally.errors += 1;
            }
            Outcome::Skipped { display, reason } => {
                report::warning_with(
                    bar,
                    self.verbosity,
                    &format!("{display}: skipped: {reason}"),
                );
                self.tally.skipped += 1;
            }
        }
        Ok(())
    }

    fn emit(&mut self, text: &str) -> Result<()> {
        if !report::stdout(text.as_bytes()).context("writing to stdout")? {
            self.stdout_closed = true;
        }
        Ok(())
    }
}

/// Picks the output path of a job under `--out`. A path outside the folder, or a second job for one path, is
/// refused with the message to report.
fn plan(job: Job, outputs: Option<&mut OutputPlan>) -> Result<(Job, Option<PathBuf>), String> {
    let Some(outputs) = outputs else {
        return Ok((job, None));
    };
    let (target, shown) = match &job {
        Job::File(input) => (outputs.path_of(&input.relative), input.display()),
        Job::Doc { stem, display, .. } => (outputs.path_of_stem(stem), display.clone()),
        Job::Failed { .. } | Job::Skipped { .. } => return Ok((job, None)),
    };
    if let Err(err) = check_inside(outputs.folder(), &target) {
        return Err(format!("{shown}: {err}"));
    }
    let target = outputs
        .claim(target, PathBuf::from(shown))
        .map_err(|clash| clash.to_string())?;
    Ok((job, Some(target)))
}

/// Cleans one job and, with `--out`, writes its result.
fn run_job(job: Job, target: Option<&Path>, format: Format, options: &Options<'_>) -> Outcome {
    let (display, result, extra) = match job {
        Job::File(input) => {
            let display = input.display();
            (
                display,
                pipeline::load(&input).and_then(|doc| pipeline::clean(&doc, options)),
                Map::new(),
            )
        }
        Job::Doc {
            display,
            doc,
            extra,
            ..
        } => (display, pipeline::clean(&doc, options), extra),
        Job::Failed {
            display,
            reason,
            extra,
        } => {
            let rendered = (format == Format::Jsonl).then(|| error_line(&display, &reason, extra));
            return Outcome::Failed {
                display,
                reason,
                rendered,
            };
        }
        Job::Skipped { display, reason } => return Outcome::Skipped { display, reason },
    };
    let doc = match result {
        Ok(doc) => doc,
        Err(err) => {
            let reason = err.chain();
            let reason = reason
                .strip_prefix(&format!("{display}: "))
                .map(str::to_string)
                .unwrap_or(reason);
            let rendered = (format == Format::Jsonl).then(|| error_line(&display, &reason, extra));
            return Outcome::Failed {
                display,
                reason,
                rendered,
            };
        }
    };
    let rendered = if extra.is_empty() || !matches!(format, Format::Json | Format::Jsonl) {
        emit::render(&doc, format)
    } else {
        render_with_extra(&doc, format, extra)
    };
    let written = match target {
        Some(path) => match write_atomic(path, rendered.as_bytes()) {
            Ok(written) => Some(written),
            Err(err) => {
                return Outcome::Failed {
                    display,
                    reason: err.chain(),
                    rendered: None,
                }
            }
        },
        None => None,
    };
    Outcome::Done {
        display,
        doc: Box::new(doc),
        rendered: if written.is_some() {
            String::new()
        } else {
            rendered
        },
        written,
    }
}

/// The JSON object of a document with the input line's other fields added at the top level, where they do not
/// clash with rinse's own keys.
fn render_with_extra(doc: &Cleaned, format: Format, extra: Map<String, Value>) -> String {
    let mut value = emit::json_object(doc);
    if let Value::Object(map) = &mut value {
        for (key, field) in extra {
            map.entry(key).or_insert(field);
        }
    }
    let mut text = if format == Format::Jsonl {
        serde_json::to_string(&value)
    } else {
        serde_json::to_string_pretty(&value)
    }
    .expect("a JSON value always serializes");
    text.push('\n');
    text
}

/// The JSONL line of a document that failed: `{"source", "error", …its other fields}`.
fn error_line(display: &str, reason: &str, extra: Map<String, Value>) -> String {
    let mut map = Map::new();
    map.insert("source".to_string(), Value::String(display.to_string()));
    map.insert("error".to_string(), Value::String(reason.to_string()));
    for (key, field) in extra {
        map.entry(key).or_insert(field);
    }
    let mut text =
        serde_json::to_string(&Value::Object(map)).expect("a JSON value always serializes");
    text.push('\n');
    text
}
