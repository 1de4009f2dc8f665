//! `rinse clean`: inputs found (files, folders, stdin, WARC records, JSONL lines), sharded, cleaned in parallel by
//! the batch runner, and written in input order.

use std::collections::HashSet;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::{Map, Value};

use crate::cli::CleanArgs;
use crate::interrupt::Interrupt;
use crate::report::{self, Verbosity};
use crate::Status;
use rinse::batch;
use rinse::config::Project;
use rinse::document::Cleaned;
use rinse::emit::{self, Format};
use rinse::fetch::{self, Fetcher, Settings, Target};
use rinse::pipeline::{self, Options};
use rinse::prune::{self, Pruned};
use rinse::read::documents::{Documents, Item};
use rinse::read::kind::{container_stem, is_container_name};
use rinse::read::{self, OutputPlan};
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
    // `-o -` is stdout, as `-` is stdin: the same as no `-o` (never a folder named `-`).
    let out = out.filter(|out| out.as_os_str() != "-");
    if settings.format == Format::Jsonl && out.is_some() {
        bail!("--format jsonl writes one stream to stdout; it cannot be combined with --out");
    }
    let containers = settings
        .input_format
        .is_some_and(|f| f.document_kind().is_none())
        || input_args
            .iter()
            .any(|p| is_container_name(&p.to_string_lossy()));
    // `-o page.md` with one input document names the output file itself; otherwise `-o` is a folder, which an
    // existing file cannot be: refused here, before any work, rather than once per document.
    let out_file = out
        .as_deref()
        .filter(|out| names_output_file(out, &input_args, containers, settings.format))
        .map(Path::to_path_buf);
    if let (Some(out), None) = (&out, &out_file) {
        if out.exists() && !out.is_dir() {
            let ext = settings.format.extension();
            bail!(
                "{}: is a file, and -o names an output folder here\nhint: with one input file, -o FILE.{ext} writes it to FILE.{ext}; otherwise name a folder",
                out.display()
            );
        }
    }
    if args.prune {
        check_prune(args, &input_args, out.as_deref(), out_file.is_some())?;
    }
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
    let found = read::survey(
        &input_args
            .iter()
            .filter(|p| !p.to_str().is_some_and(fetch::is_url))
            .cloned()
            .collect::<Vec<_>>(),
    );
    match &out {
        Some(out) if !args.in_place && out_file.is_some() => {
            let same = |path: &Path| path.canonicalize().ok();
            if found
                .inputs
                .iter()
                .filter_map(|input| input.path.as_deref())
                .any(|input| same(input).is_some() && same(input) == same(out))
            {
                bail!(
                    "{}: is the input, and cleaning would replace it\nhint: name another output file, or pass --in-place to replace the input",
                    out.display()
                );
            }
        }
        Some(out) if !args.in_place => {
            let replaced = read::replaced_inputs(&found.inputs, out, settings.format.extension());
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
    let mut options = settings.options(&rules);
    // Text output shows no metadata: the language detector need not run.
    let shows_metadata = settings.format != Format::Text;
    options.resolve_language = shows_metadata;
    options.language = shows_metadata;
    if let (Some(out), None) = (&out, &out_file) {
        super::remove_stale_temps(out, verbosity);
    }
    let pool = super::worker_pool(settings.jobs)?;

    // URL inputs are fetched first, all at once (the fetcher bounds its concurrency per host), then cleaned in
    // the batch ahead of the files.
    let urls: Vec<PathBuf> = input_args
        .into_iter()
        .filter(|p| p.to_str().is_some_and(fetch::is_url))
        .collect();
    let mut run = Run {
        interrupt: Interrupt::watch(),
        format: settings.format,
        out: out.clone(),
        out_file,
        verbosity,
        tally: Tally::default(),
        stdout_closed: false,
    };
    let url_items = if urls.is_empty() {
        Vec::new()
    } else {
        fetch_urls(project, &urls, args.save, &mut run.tally)?
    };
    for err in &found.errors {
        report::error(&err.to_string());
        run.tally.errors += 1;
    }
    for skip in &found.skipped {
        report::warning(
            verbosity,
            &format!("{}: skipped: {}", skip.path.display(), skip.reason),
        );
    }
    run.tally.skipped_files = found.skipped.len();
    for folder in &found.empty_folders {
        report::alert(&empty_folder_message(folder, &found.skipped, verbosity));
    }
    let expected = match &out {
        Some(out) if args.prune => Some(expected_outputs(&found.inputs, out, settings.format)),
        _ => None,
    };
    let files = found.inputs.len();
    let total = (!containers).then_some(files + url_items.len());
    let items = url_items.into_iter().chain(
        Documents::new(found.inputs, settings.input_format, args.shard).max_size(settings.max_size),
    );
    let bar = report::progress(if out.is_some() { files } else { 0 }, verbosity);
    run.process(items, &options, &bar, &pool)?;
    bar.finish_and_clear();
    if run.interrupt.requested() {
        let tally = &run.tally;
        let done = tally.cleaned + tally.unchanged + tally.errors + tally.skipped;
        report::error(&format!(
            "interrupted after {done}{} documents{}",
            total.map(|n| format!(" of {n}")).unwrap_or_default(),
            if out.is_some() {
                "; the files written are complete"
            } else {
                ""
            }
        ));
        return Ok(Status::Interrupted);
    }
    if let (Some(out), Some((expected, containers))) = (&out, &expected) {
        if !found.errors.is_empty() || !found.empty_folders.is_empty() {
            report::alert("not pruning: with inputs missing, their outputs would look orphaned");
        } else {
            run.prune(out, expected, containers)?;
        }
    }
    if out.is_some() {
        report::info(verbosity, &run.tally.summary());
    } else if run.tally.skipped > 0 {
        report::warning(
            verbosity,
            &format!("skipped {} non-HTML records", run.tally.skipped),
        );
    }
    Ok(if run.tally.errors > 0 || !found.empty_folders.is_empty() {
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
    /// Files of the walked folders that are not documents.
    skipped_files: usize,
    /// Outputs removed by `--prune`.
    pruned: usize,
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
        match self.skipped_files {
            0 => {}
            1 => text.push_str(", skipped 1 file rinse does not read"),
            n => text.push_str(&format!(", skipped {n} files rinse does not read")),
        }
        if self.pruned > 0 {
            text.push_str(&format!(", pruned {}", self.pruned));
        }
        text
    }
}

/// Refuses `--prune` where it could remove outputs that still have an input: it needs an output folder and input
/// folders (with files as INPUT, the folder's other outputs cannot be told from orphans), and all of them (no
/// `--shard`).
fn check_prune(
    args: &CleanArgs,
    inputs: &[PathBuf],
    out: Option<&Path>,
    out_file: bool,
) -> Result<()> {
    if out.is_none() || out_file {
        bail!("--prune needs an output folder: it removes the outputs there whose input is gone");
    }
    if let Some(input) = inputs.iter().find(|p| !p.is_dir()) {
        bail!(
            "--prune takes input folders only, and {} is not one\nhint: with single files, rinse cannot tell which other outputs still have an input",
            input.display()
        );
    }
    if args.shard.is_some() {
        bail!("--prune cannot be combined with --shard: one shard would remove the outputs of the others");
    }
    Ok(())
}

/// The outputs under `out` that the inputs make, and the folders of their WARC and JSONL files (whose records'
/// outputs are not known before reading them): what `--prune` leaves alone.
fn expected_outputs(
    inputs: &[rinse::read::Input],
    out: &Path,
    format: Format,
) -> (HashSet<PathBuf>, Vec<PathBuf>) {
    let (containers, files): (Vec<_>, Vec<_>) = inputs
        .iter()
        .partition(|input| is_container_name(&input.relative));
    (
        files
            .iter()
            .map(|input| read::output_path(out, &input.relative, format.extension()))
            .collect(),
        containers
            .iter()
            .map(|input| out.join(container_stem(&input.relative)))
            .collect(),
    )
}

/// The warning for an INPUT folder that yielded no document: what was looked for, and why nothing matched.
fn empty_folder_message(
    folder: &Path,
    skipped: &[read::SkippedFile],
    verbosity: Verbosity,
) -> String {
    let others = skipped
        .iter()
        .filter(|skip| skip.path.starts_with(folder))
        .count();
    let hint = match (others, verbosity) {
        (0, _) => "the folder holds no files".to_string(),
        (n, Verbosity::Verbose) => format!("{n} files of other kinds were skipped (listed above)"),
        (1, _) => "1 file of another kind was skipped (-v lists it)".to_string(),
        (n, _) => format!("{n} files of other kinds were skipped (-v lists them)"),
    };
    format!(
        "{}: no document to clean (looked for {})\nhint: {hint}",
        folder.display(),
        read::document_kinds()
    )
}

/// Fetches the URL inputs of `rinse clean`, in memory or into raw/ with `--save`, as items of the batch. URLs
/// that do not parse are reported here.
fn fetch_urls(
    project: &Project,
    args: &[PathBuf],
    save: bool,
    tally: &mut Tally,
) -> Result<Vec<Item>> {
    let texts: Vec<String> = args
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let (urls, errors) = fetch::parse_urls(&texts);
    for err in &errors {
        report::error(&err.to_string());
        tally.errors += 1;
    }
    let fetcher = Fetcher::new(Settings::default())?;
    let raw = project.raw_dir();
    let target = if save {
        Target::Folder {
            dir: &raw,
            keep_bodies: true,
        }
    } else {
        Target::Memory
    };
    let outcomes = fetcher.fetch(&urls, target, &|_, _| {});
    Ok(urls
        .iter()
        .zip(outcomes)
        .map(|(url, outcome)| {
            let display = url.to_string();
            match fetch::document(url, outcome) {
                Ok(doc) => Item::Record {
                    stem: read::output_stem(&doc.source).to_string(),
                    doc,
                    display,
                    extra: Map::new(),
                },
                Err(err) => Item::Failed {
                    reason: err.reason(),
                    display,
                    extra: Map::new(),
                },
            }
        })
        .collect())
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
    /// A job not run: Ctrl-C came first.
    Interrupted,
}

/// The state of a run: where results go and what happened so far.
struct Run {
    interrupt: Interrupt,
    format: Format,
    out: Option<PathBuf>,
    /// The file `-o` names for the single input document (`-o page.md`), instead of a folder.
    out_file: Option<PathBuf>,
    verbosity: Verbosity,
    tally: Tally,
    stdout_closed: bool,
}

impl Run {
    /// Cleans the jobs on the pool's threads (see [`batch::run`]) and reports them in input order, each output
    /// path claimed as its job is taken from the stream.
    fn process(
        &mut self,
        jobs: impl Iterator<Item = Item>,
        options: &Options<'_>,
        bar: &indicatif::ProgressBar,
        pool: &rayon::ThreadPool,
    ) -> Result<()> {
        let format = self.format;
        let interrupt = self.interrupt.clone();
        let mut outputs = self
            .out
            .as_deref()
            .map(|out| OutputPlan::new(out, format.extension()));
        let out_file = self.out_file.clone();
        let planned = jobs.map(|job| match &out_file {
            Some(file) => Ok(plan_file(job, file)),
            None => plan(job, outputs.as_mut()),
        });
        batch::run(
            pool,
            planned,
            |planned| match planned {
                // The window holds jobs taken but not started; after Ctrl-C they are let go unrun.
                _ if interrupt.requested() => Outcome::Interrupted,
                Ok((job, target)) => {
                    let outcome = run_job(job, target.as_deref(), format, options);
                    bar.inc(1);
                    outcome
                }
                Err(refusal) => Outcome::Refused(refusal),
            },
            |outcome| {
                self.report(outcome, bar)?;
                Ok(if self.stdout_closed || self.interrupt.requested() {
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
                report::error_with(bar, &report::document_error(&display, &reason));
                self.tally.errors += 1;
                if let (Some(line), None) = (rendered, &self.out) {
                    self.emit(&line)?;
                }
            }
            Outcome::Refused(message) => {
                report::error_with(bar, &message);
                self.tally.errors += 1;
            }
            Outcome::Interrupted => {}
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

    /// Removes the outputs under `out` that no input makes any more and that rinse wrote (see [`prune::prune`]).
    fn prune(
        &mut self,
        out: &Path,
        expected: &HashSet<PathBuf>,
        containers: &[PathBuf],
    ) -> Result<()> {
        let expected: HashSet<&Path> = expected.iter().map(PathBuf::as_path).collect();
        let orphans = prune::orphans(out, self.format.extension(), &expected)
            .into_iter()
            .filter(|path| !containers.iter().any(|dir| path.starts_with(dir)));
        for orphan in orphans {
            match prune::prune(out, &orphan, self.format) {
                Ok(Pruned::Removed { source }) => {
                    self.tally.pruned += 1;
                    report::info(
                        self.verbosity,
                        &format!("pruned {} (its source {source} is gone)", orphan.display()),
                    );
                }
                Ok(Pruned::Kept(reason)) => {
                    report::alert(&format!("{}: not pruned: {reason}", orphan.display()));
                }
                Err(err) => {
                    report::error(&err.chain());
                    self.tally.errors += 1;
                }
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
fn plan(job: Item, outputs: Option<&mut OutputPlan>) -> Result<(Item, Option<PathBuf>), String> {
    let Some(outputs) = outputs else {
        return Ok((job, None));
    };
    let (target, shown) = match &job {
        Item::File(input) => (outputs.path_of(&input.relative), input.display()),
        Item::Record { stem, display, .. } => (outputs.path_of_stem(stem), display.clone()),
        Item::Failed { .. } | Item::Skipped { .. } => return Ok((job, None)),
    };
    if let Err(err) = check_inside(outputs.folder(), &target) {
        return Err(report::document_error(&shown, &err.chain()));
    }
    let target = outputs
        .claim(target, PathBuf::from(shown))
        .map_err(|clash| clash.to_string())?;
    Ok((job, Some(target)))
}

/// The job of a run whose one document goes to the file `-o` names.
fn plan_file(job: Item, file: &Path) -> (Item, Option<PathBuf>) {
    match job {
        Item::File(_) | Item::Record { .. } => (job, Some(file.to_path_buf())),
        Item::Failed { .. } | Item::Skipped { .. } => (job, None),
    }
}

/// Whether `-o OUT` names the output file rather than a folder: one input that is one document (a file, `-` or a
/// URL; not a WARC or JSONL file), and OUT ends in the format's extension and is not an existing folder.
fn names_output_file(out: &Path, inputs: &[PathBuf], containers: bool, format: Format) -> bool {
    let [input] = inputs else {
        return false;
    };
    let one_document =
        input.as_os_str() == "-" || input.to_str().is_some_and(fetch::is_url) || input.is_file();
    let extension = out.extension().and_then(|e| e.to_str());
    let matches = extension.is_some_and(|e| {
        e.eq_ignore_ascii_case(format.extension())
            || (format == Format::Md && e.eq_ignore_ascii_case("markdown"))
    });
    one_document && !containers && matches && !out.is_dir()
}

/// Cleans one job and, with `--out`, writes its result.
fn run_job(job: Item, target: Option<&Path>, format: Format, options: &Options<'_>) -> Outcome {
    let (display, result, extra) = match job {
        Item::File(input) => {
            let display = input.display();
            (
                display,
                pipeline::load(&input, options.max_size)
                    .and_then(|doc| pipeline::clean(&doc, options)),
                Map::new(),
            )
        }
        Item::Record {
            display,
            doc,
            extra,
            ..
        } => (display, pipeline::clean(&doc, options), extra),
        Item::Failed {
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
        Item::Skipped { display, reason } => return Outcome::Skipped { display, reason },
    };
    let doc = match result {
        Ok(doc) => doc,
        Err(err) => {
            let reason = err.reason();
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

/// The JSON object of a document with the input line's other fields added at the top level, after rinse's own
/// keys and where they do not clash with them.
fn render_with_extra(doc: &Cleaned, format: Format, extra: Map<String, Value>) -> String {
    emit::json_document(doc, &extra, format)
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
