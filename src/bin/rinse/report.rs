//! Messages on stderr, the progress bar, and data on stdout: the only module besides `main` that touches the
//! terminal (the library never prints).

use std::io::{IsTerminal, Write};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
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

/// Prints an error line: `rinse: <message>`.
pub fn error(message: &str) {
    eprintln!("rinse: {message}");
}

/// Prints a warning line, shown with `-v` only.
pub fn warning(verbosity: Verbosity, message: &str) {
    if verbosity == Verbosity::Verbose {
        eprintln!("rinse: warning: {message}");
    }
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
/// not quiet; otherwise a hidden bar that costs nothing.
pub fn progress(total: usize, verbosity: Verbosity) -> ProgressBar {
    if total <= 1 || verbosity == Verbosity::Quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {wide_msg}")
            .expect("the progress template is valid"),
    );
    bar
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

/// Whether to colour stdout: `--color`, else a terminal without `NO_COLOR` (see no-color.org).
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// `<path>: <reason>`, without repeating the path when the error already names it.
pub fn message(input: &Input, err: &Error) -> String {
    let text = err.chain();
    let shown = input.display();
    if text.starts_with(&shown) || text.contains(&format!(" {shown}")) {
        text
    } else {
        format!("{shown}: {text}")
    }
}
