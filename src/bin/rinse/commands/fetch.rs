//! `rinse fetch`: URLs gathered from the arguments, `--urls` and `--sitemap`, fetched into raw/, a summary at the
//! end; and the URL inputs of `rinse clean`, fetched and cleaned in one go.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{bail, Context, Result};
use url::Url;

use crate::cli::FetchArgs;
use crate::report::{self, Verbosity};
use crate::Status;
use rinse::config::Project;
use rinse::emit::{self, Format};
use rinse::error::Error;
use rinse::fetch::{self, storage, Fetcher, Outcome, Settings, Target};
use rinse::pipeline::{self, Options, RawDocument};
use rinse::read::kind::{kind_from_name, InputKind};
use rinse::read::{self, Sidecar};
use rinse::write::write_inside;

/// Runs `rinse fetch`.
pub fn run(project: &Project, args: &FetchArgs, verbosity: Verbosity) -> Result<Status> {
    let fetcher = Fetcher::new(settings(args))?;
    let mut failed = 0usize;
    let mut texts = args.urls.clone();
    if let Some(file) = &args.url_file {
        texts.extend(read_url_list(file)?);
    }
    for sitemap in &args.sitemap {
        let (urls, errors) = fetcher.sitemap_urls(sitemap);
        for err in &errors {
            report::error(&err.to_string());
        }
        failed += errors.len();
        texts.extend(urls);
    }
    let (urls, errors) = parse_urls(&texts);
    for err in &errors {
        report::error(&err.to_string());
    }
    failed += errors.len();
    if urls.is_empty() && failed == 0 {
        bail!("no URL to fetch\nhint: rinse fetch URL…, --urls FILE or --sitemap URL");
    }
    let dir = args.out.clone().unwrap_or_else(|| project.raw_dir());

    let bar = report::progress(urls.len(), verbosity);
    let bytes = AtomicU64::new(0);
    let errors_so_far = AtomicU64::new(failed as u64);
    let on_done = |url: &Url, outcome: &Outcome| {
        match outcome {
            Outcome::Fetched { size, .. } => {
                bytes.fetch_add(*size, Ordering::Relaxed);
            }
            Outcome::Failed(err) => {
                errors_so_far.fetch_add(1, Ordering::Relaxed);
                report::error_with(&bar, &err.to_string());
            }
            Outcome::Disallowed => {
                if verbosity != Verbosity::Quiet {
                    bar.suspend(|| {
                        report::info(
                            verbosity,
                            &format!("rinse: {url}: skipped: robots.txt disallows it"),
                        )
                    });
                }
            }
            Outcome::NotModified { .. } | Outcome::Fresh { .. } => {}
        }
        bar.inc(1);
        bar.set_message(format!(
            "{}, {} errors",
            human_bytes(bytes.load(Ordering::Relaxed)),
            errors_so_far.load(Ordering::Relaxed)
        ));
    };
    let outcomes = fetcher.fetch(
        &urls,
        Target::Folder {
            dir: &dir,
            keep_bodies: false,
        },
        &on_done,
    );
    bar.finish_and_clear();

    let mut tally = Tally {
        failed,
        ..Tally::default()
    };
    for outcome in &outcomes {
        match outcome {
            Outcome::Fetched { changed: true, .. } => tally.fetched += 1,
            Outcome::Fetched { changed: false, .. } | Outcome::NotModified { .. } => {
                tally.unchanged += 1
            }
            Outcome::Fresh { .. } => tally.recent += 1,
            Outcome::Disallowed => tally.disallowed += 1,
            Outcome::Failed(_) => tally.failed += 1,
        }
    }
    report::info(verbosity, &tally.summary());
    Ok(if tally.failed > 0 {
        Status::Error
    } else {
        Status::Success
    })
}

/// Fetches and cleans the URL inputs of `rinse clean`: in memory, or through raw/ with `--save`. Each result goes
/// to stdout, or to `out/<host>/<name>.<ext>`. Returns the number cleaned, unchanged and failed; failures are
/// reported here.
pub(super) fn clean_urls(
    project: &Project,
    args: &[PathBuf],
    save: bool,
    out: Option<&Path>,
    format: Format,
    options: &Options<'_>,
    verbosity: Verbosity,
) -> Result<(usize, usize, usize)> {
    let texts: Vec<String> = args
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let (urls, errors) = parse_urls(&texts);
    let mut failed = errors.len();
    for err in &errors {
        report::error(&err.to_string());
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
    let (mut cleaned, mut unchanged) = (0, 0);
    for (url, outcome) in urls.iter().zip(outcomes) {
        let doc = match raw_document(url, outcome) {
            Ok(doc) => doc,
            Err(err) => {
                report::error(&err.to_string());
                failed += 1;
                continue;
            }
        };
        let result = match pipeline::clean(&doc, options) {
            Ok(result) => result,
            Err(err) => {
                report::error(&format!("{url}: {err}"));
                failed += 1;
                continue;
            }
        };
        for warning in &result.warnings {
            report::warning(verbosity, &format!("{url}: {warning}"));
        }
        let text = emit::render(&result, format);
        match out {
            Some(out) => {
                let path = read::output_path(out, &doc.source, format.extension());
                match write_inside(out, &path, text.as_bytes()) {
                    Ok(true) => cleaned += 1,
                    Ok(false) => unchanged += 1,
                    Err(err) => {
                        report::error(&err.to_string());
                        failed += 1;
                    }
                }
            }
            None => {
                if !report::stdout(text.as_bytes()).context("writing to stdout")? {
                    break;
                }
                cleaned += 1;
            }
        }
    }
    Ok((cleaned, unchanged, failed))
}

/// The document to clean from a URL's outcome: the body in memory, or the copy on disk with its sidecar.
fn raw_document(url: &Url, outcome: Outcome) -> Result<RawDocument, Error> {
    let stem = storage::page_stem(url);
    match outcome {
        Outcome::Fetched { page, .. } => {
            let extension = storage::extension_for(page.content_type.as_deref());
            let fetched = page.sidecar().fetched_at;
            Ok(RawDocument {
                bytes: page.body,
                source: format!("{stem}.{extension}"),
                kind_hint: kind_from_name(&format!("x.{extension}")),
                fetched,
                url: Some(page.final_url),
                charset: page.charset,
            })
        }
        Outcome::NotModified { path } | Outcome::Fresh { path } => {
            let bytes = std::fs::read(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            let sidecar = Sidecar::load(&path)?.unwrap_or_default();
            Ok(RawDocument {
                bytes,
                source: format!("{stem}.html"),
                kind_hint: Some(InputKind::Html),
                url: sidecar
                    .page_url()
                    .map(str::to_string)
                    .or_else(|| Some(url.to_string())),
                charset: sidecar.charset,
                fetched: sidecar.fetched_at,
            })
        }
        Outcome::Disallowed => Err(Error::Fetch {
            url: url.to_string(),
            reason: "robots.txt disallows it; --save with `rinse fetch --ignore-robots` overrides"
                .to_string(),
        }),
        Outcome::Failed(err) => Err(err),
    }
}

/// The fetch settings the flags ask for.
fn settings(args: &FetchArgs) -> Settings {
    Settings {
        jobs: args.jobs.max(1),
        per_host: args.per_host,
        delay: args.delay,
        connect_timeout: args.connect_timeout,
        timeout: args.timeout,
        max_size: args.max_size,
        max_redirects: args.max_redirects,
        retries: args.retries,
        backoff: args.backoff,
        max_retry_wait: args.max_retry_wait,
        user_agent: args
            .user_agent
            .clone()
            .unwrap_or_else(fetch::default_user_agent),
        robots: !args.ignore_robots,
        accept_any: args.accept_any,
        refresh: args.refresh,
        max_age: args.max_age,
    }
}

/// Parses URLs, dropping repeats (after the fragment is removed), in order.
fn parse_urls(texts: &[String]) -> (Vec<Url>, Vec<Error>) {
    let mut seen = HashSet::new();
    let mut urls = Vec::new();
    let mut errors = Vec::new();
    for text in texts {
        match fetch::parse_url(text) {
            Ok(url) => {
                if seen.insert(url.as_str().to_string()) {
                    urls.push(url);
                }
            }
            Err(err) => errors.push(err),
        }
    }
    (urls, errors)
}

/// Reads a URL list: one per line, blank lines and `#` comments skipped; `-` is stdin.
fn read_url_list(path: &Path) -> Result<Vec<String>> {
    let text = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading URLs from stdin")?;
        text
    } else {
        std::fs::read_to_string(path)
            .with_context(|| format!("reading URLs from {}", path.display()))?
    };
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// Counts for the closing summary.
#[derive(Debug, Default)]
struct Tally {
    fetched: usize,
    unchanged: usize,
    recent: usize,
    disallowed: usize,
    failed: usize,
}

impl Tally {
    fn summary(&self) -> String {
        let recent = if self.recent > 0 {
            format!(", recent (--max-age) {}", self.recent)
        } else {
            String::new()
        };
        format!(
            "fetched {}, unchanged {}{recent}, skipped by robots.txt {}, failed {}",
            self.fetched, self.unchanged, self.disallowed, self.failed
        )
    }
}

fn human_bytes(bytes: u64) -> String {
    const UNITS: &[&str] = &["B", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}
