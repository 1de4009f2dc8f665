//! What packagers install beside the binary, generated from the clap definitions so that they cannot drift from
//! the command line: shell completions (`rinse completions SHELL`) and the manual page (`rinse man`).

use anyhow::{Context, Result};
use clap::CommandFactory;

use crate::cli::Args;
use crate::report;
use crate::Status;

/// Prints the completion script for `shell`.
pub fn completions(shell: clap_complete::Shell) -> Result<Status> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Args::command(), "rinse", &mut script);
    report::stdout(&script).context("writing to stdout")?;
    Ok(Status::Success)
}

/// Prints rinse(1) in roff.
pub fn man() -> Result<Status> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Args::command())
        .render(&mut page)
        .context("rendering the manual page")?;
    // clap_mangen titles the `after_help` text EXTRA; in rinse it is the exit codes, which man pages title so.
    let page = String::from_utf8_lossy(&page).replace(".SH EXTRA\n", ".SH \"EXIT STATUS\"\n");
    report::stdout(page.as_bytes()).context("writing to stdout")?;
    Ok(Status::Success)
}
