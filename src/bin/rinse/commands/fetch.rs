//! `rinse fetch`: URLs gathered from the arguments, `--urls` and `--sitemap`, fetched into raw/, a summary at the
//! end.

use std::path::Path;

use anyhow::{bail, Context, Result};

use crate::cli::FetchArgs;
use crate::report::{self, Verbosity};
use crate::Status;
use rinse::config::Project;
use rinse::fetch::{self, Event, Fetcher, Outcome, Settings, Target, UrlLines};

/// Runs `rinse fetch`.
pub fn run(project: &Project, args: &FetchArgs, verbosity: Verbosity) -> Result<Status> {
    let fetcher = Fetcher::new(settings(args))?;
    if args.urls.is_empty() && args.url_file.is_none() && args.sitemap.is_empty() {
        bail!(NO_URL);
    }
    // The `--urls` list is read as the fetch queue drains, never held whole.
    let listed_file = match &args.url_file {
        Some(path) => Some(url_list(path)?),
        None => None,
    };
    let mut texts = args
        .urls
        .iter()
        .cloned()
        .map(Ok)
        .chain(listed_file.into_iter().flatten());
    let dir = args.out.clone().unwrap_or_else(|| project.raw_dir());
    super::remove_stale_temps(&dir, verbosity);

    // Sitemap pages are fetched while the next sitemap is read, so the bar's length grows as they are found; a
    // sitemap counts as two here so that one sitemap alone shows the bar.
    let bar = report::progress(args.urls.len() + args.sitemap.len() * 2, verbosity);
    let mut tally = Tally::default();
    let mut bytes = 0u64;
    // Each outcome is counted and dropped as it comes, so memory does not grow with the number of URLs.
    let mut on_event = |event: Event<'_>| {
        let (url, outcome, found) = match event {
            Event::Done {
                url,
                outcome,
                found,
            } => (url, outcome, found),
            Event::Error(err) => {
                tally.failed += 1;
                report::error_with(&bar, &err.to_string());
                return;
            }
        };
        tally.found = found;
        match outcome {
            Outcome::Fetched { size, changed, .. } => {
                bytes += size;
                if changed {
                    tally.fetched += 1;
                } else {
                    tally.unchanged += 1;
                }
            }
            Outcome::NotModified { .. } => tally.unchanged += 1,
            Outcome::Fresh { .. } => tally.recent += 1,
            Outcome::Failed(err) => {
                tally.failed += 1;
                report::error_with(&bar, &err.to_string());
            }
            Outcome::Disallowed => {
                tally.disallowed += 1;
                if verbosity != Verbosity::Quiet {
                    bar.suspend(|| {
                        report::info(
                            verbosity,
                            &format!("rinse: {url}: skipped: robots.txt disallows it"),
                        )
                    });
                }
            }
        }
        bar.set_length(found as u64);
        bar.inc(1);
        bar.set_message(format!("{}, {} errors", human_bytes(bytes), tally.failed));
    };
    fetcher.fetch_sources(
        &mut texts,
        &args.sitemap,
        Target::Folder {
            dir: &dir,
            keep_bodies: false,
        },
        &mut on_event,
    );
    bar.finish_and_clear();

    if tally.found == 0 && tally.failed == 0 {
        bail!(NO_URL);
    }
    report::info(verbosity, &tally.summary());
    Ok(if tally.failed > 0 {
        Status::Error
    } else {
        Status::Success
    })
}

const NO_URL: &str = "no URL to fetch\nhint: rinse fetch URL…, --urls FILE or --sitemap URL";

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

/// The URLs of a list file, one per line (blank lines and `#` comments skipped), read as they are needed; `-` is
/// stdin.
fn url_list(path: &Path) -> Result<Box<dyn Iterator<Item = rinse::Result<String>>>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(UrlLines::new(
            std::io::stdin().lock(),
            path.into(),
        )));
    }
    let file = std::fs::File::open(path)
        .with_context(|| format!("reading URLs from {}", path.display()))?;
    Ok(Box::new(UrlLines::new(
        std::io::BufReader::new(file),
        path.into(),
    )))
}

/// Counts for the closing summary.
#[derive(Debug, Default)]
struct Tally {
    /// Distinct URLs found (listed, and in the sitemaps).
    found: usize,
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
