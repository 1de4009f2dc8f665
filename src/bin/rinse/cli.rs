//! The command line, declared with clap derive. A flag's first doc line is its short help.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, Subcommand, ValueEnum};

use rinse::config::CleanConfig;
use rinse::rules::RuleSelection;

const EXIT_CODES: &str = "\
Exit status:
  0  success
  1  `check` found stale or missing output, or a rule example failed
  2  an error happened (an input could not be read or cleaned, an input folder with no document, bad rule
     file, bad usage)
  130  interrupted by Ctrl-C (`clean` stops after the documents in progress; the files written are complete)";

/// Turn saved or fetched web pages and scraped markdown into clean markdown with metadata.
#[derive(Debug, Parser)]
#[command(name = "rinse", version, about, after_help = EXIT_CODES, propagate_version = true)]
pub struct Args {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand takes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct GlobalArgs {
    /// Use this configuration file instead of the nearest `rinse.toml`.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Use no configuration file, only flags and defaults.
    #[arg(long, global = true)]
    pub no_config: bool,
    /// Print nothing on stderr but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print warnings (such as pages where no article was found) and skipped files.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// When to colour diffs on stdout.
    ///
    /// `auto` colours a terminal; NO_COLOR (set and not empty) turns colour off, then FORCE_COLOR (set and not
    /// empty) or CLICOLOR_FORCE (set and not 0) turn it on in a pipe or a CI log. `always` and `never` win over
    /// every variable. Example: `FORCE_COLOR=1 rinse check --diff | less -R`.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Clean pages and documents into markdown (or text, or JSON) with metadata.
    ///
    /// With no INPUT, cleans the project's raw/ into clean/ (folders named by the nearest rinse.toml).
    ///
    /// Example: rinse clean -o out/ saved-pages/
    Clean(CleanArgs),
    /// List, explain and test the cleanup rules.
    ///
    /// Example: rinse rules explain B001
    Rules(RulesArgs),
    /// Fetch pages into raw/ (or DIR): politely, with retries, re-fetching conditionally.
    ///
    /// Each page goes to `DIR/<host>/<the URL's path>`, `.html` added unless it ends in it (a folder URL gives
    /// `…/index.html`), with a .json sidecar (url, final_url, status, content_type, charset, etag, last_modified,
    /// fetched_at, sha256, size).
    ///
    /// Example: `rinse fetch --sitemap https://example.org/sitemap.xml -o raw/`
    Fetch(FetchArgs),
    /// Check that clean/ is what raw/ and the rules give now; validate the rule files and run their examples.
    ///
    /// Writes nothing. Exit 1 when a file in clean/ is stale, missing or has no raw source, or a rule example
    /// fails; 2 on errors (an unreadable input, an invalid rule file).
    ///
    /// Example: rinse check --diff --output-format github
    Check(CheckArgs),
    /// Show what cleanup did to one document: its raw text against the cleaned body.
    ///
    /// For an HTML page the raw text is what the page shows (its whole body); for markdown, the file's body. Each
    /// hunk names the rules that made it, `extract` for the parts of a page that are not its article.
    ///
    /// Example: rinse diff --rule B001 raw/report.html
    Diff(DiffArgs),
    /// Print the shell completion script for SHELL, generated from this command line.
    ///
    /// Example (bash): rinse completions bash > ~/.local/share/bash-completion/completions/rinse
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, rinse(1), in roff, generated from this command line.
    ///
    /// Example: rinse man > ~/.local/share/man/man1/rinse.1 (then `man rinse`)
    Man,
}

/// Arguments of `rinse rules`.
#[derive(Debug, Clone, clap::Args)]
pub struct RulesArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: RulesCommand,
}

/// The subcommands of `rinse rules`.
#[derive(Debug, Clone, Subcommand)]
pub enum RulesCommand {
    /// List every rule: code, name, origin and whether it runs.
    List,
    /// Print the documentation of a built-in rule.
    Explain {
        /// The rule's code (`B001`) or name (`page-break-split`).
        code: String,
    },
    /// Run the examples of the rule files; exit 1 with a diff when one fails.
    Test {
        /// A rule file or a folder of them [default: the project's rules folder].
        path: Option<PathBuf>,
    },
}

/// Arguments of `rinse check`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CheckArgs {
    /// The folder of raw inputs [default: the project's raw/].
    #[arg(long, value_name = "DIR")]
    pub raw: Option<PathBuf>,
    /// The folder of committed outputs [default: the project's clean/].
    #[arg(long, value_name = "DIR")]
    pub clean: Option<PathBuf>,
    /// Also print the unified diff of each stale file (committed against expected).
    #[arg(long)]
    pub diff: bool,
    /// How findings are printed.
    ///
    /// `github` prints workflow commands (`::error file=…,line=…::…`) that annotate a pull request.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = CheckFormat::Text)]
    pub output_format: CheckFormat,
}

/// How `rinse check` prints its findings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One line per finding.
    #[default]
    Text,
    /// One JSON object with every finding and the counts.
    Json,
    /// GitHub Actions workflow commands.
    Github,
}

/// Arguments of `rinse diff`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DiffArgs {
    /// The document: an HTML page or a markdown file (`-` for stdin).
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// Show changed words inline (`[-old-]{+new+}`) instead of removed and added lines.
    #[arg(long)]
    pub word: bool,
    /// Print, per rule, the number of edits, characters removed and lines joined, instead of the diff.
    #[arg(long, conflicts_with = "word")]
    pub stat: bool,
    /// Only the hunks that this rule took part in (a code, a prefix such as `B`, or `extract`).
    #[arg(long, value_name = "CODE")]
    pub rule: Option<String>,
    /// Write a self-contained side-by-side HTML report to FILE (`-` for stdout) instead of the diff.
    ///
    /// Example: rinse diff --html report.html raw/page.html
    #[arg(long, value_name = "FILE", conflicts_with_all = ["word", "stat"])]
    pub html: Option<PathBuf>,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Never.
    Never,
    /// Always, whatever NO_COLOR says.
    Always,
    /// On a terminal, or where FORCE_COLOR or CLICOLOR_FORCE ask for it; never when NO_COLOR is set.
    #[default]
    Auto,
}

/// Arguments of `rinse clean`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct CleanArgs {
    /// Files, folders (walked recursively in sorted order) or `-` for stdin.
    ///
    /// Folders yield every .html .htm .xhtml .md .markdown .txt .pdf file, each also as .gz, and the WARC
    /// (.warc, .warc.gz) and JSONL (.jsonl) files, whose documents are cleaned one by one. Other files are
    /// skipped and counted (`-v` lists them); a folder that yields no document is a warning and exit 2.
    /// An http(s) URL is fetched and cleaned (see `rinse fetch`).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write each result to `DIR/<path relative to the input folder>`, with the format's extension.
    ///
    /// With one input file (or `-`, or a URL), a path ending in the format's extension names the output file
    /// itself: `rinse clean -o new.md page.html`. Without it (or with `-o -`), a single file or stdin is written to
    /// stdout.
    /// Temporary files an interrupted run left in DIR (`.rinse-XXXXXX.tmp`, unmodified for 5 minutes) are removed.
    #[arg(short, long, value_name = "DIR|FILE")]
    pub out: Option<PathBuf>,
    /// The settings `[clean]` in `rinse.toml` also holds: format, input format, jobs, images.
    #[command(flatten)]
    pub config: CleanConfig,
    /// Clean only shard K of N (1 <= K <= N): a stable hash of each document's URL, or of its path when it has
    /// none, picks its shard, so N workers given the same inputs cover them exactly once.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<rinse::read::Shard>,
    /// Also store the pages of URL inputs in raw/, as `rinse fetch` does.
    #[arg(long)]
    pub save: bool,
    /// Let results replace the inputs they come from (with --out naming the inputs' own folder).
    ///
    /// Without it, an output that would replace an input is an error before any work: `rinse clean -o d d` on
    /// markdown files in d/ would otherwise overwrite them. Example: `rinse clean --in-place -o notes notes`.
    #[arg(long)]
    pub in_place: bool,
    /// Remove the outputs of the output folder whose input is gone, when rinse wrote them.
    ///
    /// After the run, each file of the output folder (with the format's extension) that no input makes any more
    /// is removed if it names its own source: `source:` in the front matter (or the JSON `source`) maps back to
    /// that very file. Files written by hand or moved since, and plain text (which names no source), are kept
    /// with a warning. Needs input folders (the default raw/ is one) and no --shard; nothing is pruned when an
    /// input could not be listed. Example: `git rm raw/old.html && rinse clean --prune && rinse check`.
    #[arg(long)]
    pub prune: bool,
    /// The built-in rules to run, as `[rules]` in `rinse.toml` selects them.
    #[command(flatten)]
    pub rules: RuleSelection,
}

/// Arguments of `rinse fetch`.
#[derive(Debug, Clone, clap::Args)]
pub struct FetchArgs {
    /// Pages to fetch (http or https).
    #[arg(value_name = "URL")]
    pub urls: Vec<String>,
    /// Also fetch the URLs listed in FILE, one per line (`-` for stdin; blank lines and `#` comments skipped).
    #[arg(long = "urls", value_name = "FILE")]
    pub url_file: Option<PathBuf>,
    /// Also fetch every page a sitemap or sitemap index lists (gzipped too).
    ///
    /// Sitemaps are read as the fetch queue drains, so the pages of the first sitemap of an index are fetched
    /// while the next one is read, and memory does not hold the list of pages. An index leads to at most 1000
    /// sitemaps; a sitemap that cannot be read is one error line and the run goes on (exit 2 at the end).
    #[arg(long, value_name = "URL")]
    pub sitemap: Vec<String>,
    /// Store pages under DIR [default: the project's raw/].
    ///
    /// Temporary files an interrupted run left in DIR (`.rinse-XXXXXX.tmp`, unmodified for 5 minutes) are
    /// removed.
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Requests in flight at most.
    #[arg(short, long, value_name = "N", default_value_t = 8)]
    pub jobs: usize,
    /// Requests in flight per host at most (0: no per-host limit).
    #[arg(long, value_name = "N", default_value_t = 2)]
    pub per_host: usize,
    /// Minimum time between the starts of two requests to one host.
    ///
    /// A number of seconds or a duration such as 250ms.
    #[arg(long, value_name = "DURATION", default_value = "0.5s", value_parser = parse_duration)]
    pub delay: Duration,
    /// Time allowed for one request, body included.
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Time allowed to connect.
    #[arg(long, value_name = "DURATION", default_value = "10s", value_parser = parse_duration)]
    pub connect_timeout: Duration,
    /// Further attempts after a connection error, a timeout, 408, 429 or 5xx.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub retries: u32,
    /// Wait before the first retry; it doubles with each further one, with random jitter.
    #[arg(long, value_name = "DURATION", default_value = "1s", value_parser = parse_duration)]
    pub backoff: Duration,
    /// Longest wait before a retry; a server asking for longer (Retry-After) fails the URL at once.
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = parse_duration)]
    pub max_retry_wait: Duration,
    /// Largest body accepted (after decompression); a larger one is an error and nothing is written.
    ///
    /// Bytes, or with a unit: 50MB, 512KiB.
    #[arg(long, value_name = "SIZE", default_value = "50MB", value_parser = rinse::config::parse_size)]
    pub max_size: u64,
    /// Most redirects followed for one URL.
    ///
    /// Only http and https locations are followed: a redirect to `file:`, `ftp:` or another scheme fails the URL.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub max_redirects: usize,
    /// User-Agent header (default: `rinse/<version> (+<project url>)`).
    #[arg(long, value_name = "TEXT")]
    pub user_agent: Option<String>,
    /// Fetch pages that robots.txt disallows.
    #[arg(long)]
    pub ignore_robots: bool,
    /// Keep responses of any content type, not only HTML.
    #[arg(long)]
    pub accept_any: bool,
    /// Fetch in full even when a copy is on disk (no conditional request, no --max-age).
    ///
    /// Without it, a copy on disk whose bytes no longer match the sha256 in its sidecar is fetched in full too.
    #[arg(long, conflicts_with = "max_age")]
    pub refresh: bool,
    /// Skip pages whose copy on disk was fetched less than DURATION ago (such as 12h or 7d).
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub max_age: Option<Duration>,
}

/// Reads a duration: a number with a unit `ms`, `s`, `m`, `h`, `d` or `w` (a bare number is seconds), or several
/// of them in a row: `0.5`, `250ms`, `1h30m`, `7d`.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("empty duration".to_string());
    }
    if let Ok(secs) = text.parse::<f64>() {
        return Duration::try_from_secs_f64(secs).map_err(|err| err.to_string());
    }
    let mut total = 0.0_f64;
    let mut rest = text;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let unit_len = rest[number_len..]
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len() - number_len);
        let number: f64 = rest[..number_len]
            .parse()
            .map_err(|_| format!("`{text}` is not a duration such as 30s, 10m, 2h or 7d"))?;
        let unit = rest[number_len..number_len + unit_len].trim();
        let scale = match unit {
            "ms" => 0.001,
            "s" | "sec" | "secs" => 1.0,
            "m" | "min" | "mins" => 60.0,
            "h" => 3600.0,
            "d" => 86_400.0,
            "w" => 604_800.0,
            _ => {
                return Err(format!(
                    "`{text}`: unknown unit `{unit}` (use ms, s, m, h, d or w)"
                ))
            }
        };
        total += number * scale;
        rest = &rest[number_len + unit_len..];
    }
    Duration::try_from_secs_f64(total).map_err(|err| err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_duration_reads_units() {
        assert_eq!(parse_duration("0.5"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("7d"), Ok(Duration::from_secs(7 * 86_400)));
        assert!(parse_duration("3 fortnights").is_err());
    }

    #[test]
    fn parse_size_reads_units() {
        use rinse::config::parse_size;
        assert_eq!(parse_size("50MB"), Ok(50_000_000));
        assert_eq!(parse_size("1KiB"), Ok(1024));
        assert_eq!(parse_size("300"), Ok(300));
        assert!(parse_size("lots").is_err());
    }
}
