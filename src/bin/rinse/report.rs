//! Messages on stderr, the progress bar, and data on stdout: the only module besides `main` that touches the
//! terminal (the library never prints).

use std::io::{IsTerminal, Write};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use rinse::error::Error;
use rinse::read::Input;

use crate::cli::ColorChoice;

/// How chatty a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Verbosity {
    /// Only errors.
    Quiet,
    /// Errors, the summary and the progress bar.
    #[default]
    Normal,
    /// Also warnings and skipped files.
    Verbose,
}

/// Prints an error line: `rinse: <message>`, each line of it cut to a readable length (see [`cut_long_lines`]).
pub fn error(message: &str) {
    eprintln!("rinse: {}", cut_long_lines(message));
}

/// Prints a warning line, shown with `-v` only.
pub fn warning(verbosity: Verbosity, message: &str) {
    if verbosity == Verbosity::Verbose {
        eprintln!("rinse: warning: {}", cut_long_lines(message));
    }
}

/// How many characters of a message line are kept at its start and at its end when it is cut.
const KEPT_HEAD: usize = 200;
const KEPT_TAIL: usize = 200;

/// `message` with each line longer than [`KEPT_HEAD`] + [`KEPT_TAIL`] characters cut in the middle: a 4 KB URL or
/// path (or a 30 KB selector) would bury the error. The start names the file or URL, the end holds the reason.
fn cut_long_lines(message: &str) -> std::borrow::Cow<'_, str> {
    let long = |line: &str| {
        line.len() > KEPT_HEAD + KEPT_TAIL && line.chars().nth(KEPT_HEAD + KEPT_TAIL).is_some()
    };
    if !message.lines().any(long) {
        return message.into();
    }
    let lines: Vec<String> = message
        .lines()
        .map(|line| {
            if !long(line) {
                return line.to_string();
            }
            let chars = line.chars().count();
            let head: String = line.chars().take(KEPT_HEAD).collect();
            let tail: String = line.chars().skip(chars - KEPT_TAIL).collect();
            format!(
                "{head}…({} characters cut)…{tail}",
                chars - KEPT_HEAD - KEPT_TAIL
            )
        })
        .collect();
    lines.join("\n").into()
}

/// Prints a warning at every verbosity, `-q` included: for a warning that the exit code reports too (an input
/// folder with nothing to clean).
pub fn alert(message: &str) {
    eprintln!("rinse: warning: {message}");
}

/// Prints an informational line (a summary), hidden by `-q`.
pub fn info(verbosity: Verbosity, message: &str) {
    if verbosity != Verbosity::Quiet {
        eprintln!("{message}");
    }
}

/// Writes data to stdout. A closed pipe (`rinse … | head`) is reported as `Ok(false)`: stop quietly.
pub fn stdout(bytes: &[u8]) -> std::io::Result<bool> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(true),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(err) => Err(err),
    }
}

/// A progress bar on stderr, drawn only when stderr is a terminal, there is more than one item, and the run is
/// not quiet; otherwise a hidden bar that costs nothing (so never in a pipe or a CI log). It shows the count, the
/// time elapsed, an estimate of the time left and the rate: `[####    ] 152/1830 0:12 eta 2:13 12.6/s`.
pub fn progress(total: usize, verbosity: Verbosity) -> ProgressBar {
    if total <= 1 || verbosity == Verbosity::Quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template(
            "[{bar:40}] {pos}/{len} {clock} eta {eta_clock} {rate} {wide_msg}",
        )
        .expect("the progress template is valid")
        .progress_chars("#> ")
        .with_key(
            "clock",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&clock(state.elapsed()));
            },
        )
        .with_key(
            "eta_clock",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&clock(state.eta()));
            },
        )
        .with_key(
            "rate",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&rate(state.per_sec()));
            },
        ),
    );
    bar
}

/// A duration as `m:ss`, or `h:mm:ss` past an hour.
fn clock(duration: std::time::Duration) -> String {
    let secs = duration.as_secs();
    match secs / 3600 {
        0 => format!("{}:{:02}", secs / 60, secs % 60),
        hours => format!("{hours}:{:02}:{:02}", secs / 60 % 60, secs % 60),
    }
}

/// Documents per second with at most one decimal: `12.6/s`, `1234/s` (no decimal past 100).
fn rate(per_sec: f64) -> String {
    if !per_sec.is_finite() {
        return "-/s".to_string();
    }
    if per_sec >= 100.0 {
        format!("{per_sec:.0}/s")
    } else {
        format!("{per_sec:.1}/s")
    }
}

/// Prints an error above the progress bar.
pub fn error_with(bar: &ProgressBar, message: &str) {
    bar.suspend(|| error(message));
}

/// Prints a warning above the progress bar.
pub fn warning_with(bar: &ProgressBar, verbosity: Verbosity, message: &str) {
    if verbosity == Verbosity::Verbose {
        bar.suspend(|| warning(verbosity, message));
    }
}

/// Whether to colour stdout: `--color always|never`; else not with `NO_COLOR` (no-color.org), yes with
/// `FORCE_COLOR` (force-color.org) or `CLICOLOR_FORCE` (bixense.com/clicolors), else on a terminal.
pub fn use_color(choice: ColorChoice) -> bool {
    let var = |name: &str| std::env::var(name).ok();
    color_wanted(
        choice,
        var("NO_COLOR").as_deref(),
        var("FORCE_COLOR").as_deref(),
        var("CLICOLOR_FORCE").as_deref(),
        std::io::stdout().is_terminal(),
    )
}

/// The decision of [`use_color`] from the flag, the variables' values and whether stdout is a terminal.
fn color_wanted(
    choice: ColorChoice,
    no_color: Option<&str>,
    force_color: Option<&str>,
    clicolor_force: Option<&str>,
    terminal: bool,
) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if no_color.is_some_and(|v| !v.is_empty()) => false,
        ColorChoice::Auto => {
            force_color.is_some_and(|v| !v.is_empty())
                || clicolor_force.is_some_and(|v| !v.is_empty() && v != "0")
                || terminal
        }
    }
}

/// `<name>: <reason>`: how every command reports a document that failed, its name first (a path, `<stdin>`,
/// `crawl.warc.gz@1234`, `in.jsonl:7`, a URL). The reason comes without the name (see [`Error::reason`]).
pub fn document_error(name: &str, reason: &str) -> String {
    format!("{name}: {reason}")
}

/// [`document_error`] for an input file or stdin and the library's error about it.
pub fn input_error(input: &Input, err: &Error) -> String {
    document_error(&input.display(), &err.reason())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_long_lines_keeps_both_ends_of_a_long_line() {
        let url = format!("https://x.org/{}", "a".repeat(4000));
        let message = format!("{url}: HTTP 404 Not Found\nhint: check the URL");
        let cut = cut_long_lines(&message);
        let first = cut.lines().next().expect("a line");
        assert!(first.starts_with("https://x.org/aaa"), "{first}");
        assert!(first.ends_with("aaa: HTTP 404 Not Found"), "{first}");
        assert!(first.contains("characters cut"), "{first}");
        assert!(first.chars().count() < 500, "{first}");
        assert_eq!(cut.lines().nth(1), Some("hint: check the URL"));
        assert_eq!(cut_long_lines("short: reason"), "short: reason");
    }

    #[test]
    fn rate_has_at_most_one_decimal() {
        assert_eq!(rate(12.6349), "12.6/s");
        assert_eq!(rate(0.04), "0.0/s");
        assert_eq!(rate(1234.56), "1235/s");
        assert_eq!(rate(f64::INFINITY), "-/s");
    }

    #[test]
    fn clock_shows_minutes_and_hours() {
        assert_eq!(clock(std::time::Duration::from_secs(72)), "1:12");
        assert_eq!(clock(std::time::Duration::from_secs(3723)), "1:02:03");
    }

    #[test]
    fn color_flag_wins_then_no_color_then_force() {
        use ColorChoice::{Always, Auto, Never};
        assert!(color_wanted(Always, Some("1"), None, None, false));
        assert!(!color_wanted(Never, None, Some("1"), None, true));
        assert!(!color_wanted(Auto, Some("1"), Some("1"), None, true));
        assert!(color_wanted(Auto, Some(""), Some("1"), None, false));
        assert!(color_wanted(Auto, None, None, Some("1"), false));
        assert!(!color_wanted(Auto, None, None, Some("0"), false));
        assert!(!color_wanted(Auto, None, Some(""), None, false));
        assert!(color_wanted(Auto, None, None, None, true));
        assert!(!color_wanted(Auto, None, None, None, false));
    }
}
