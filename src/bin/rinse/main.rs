//! The `rinse` binary: the command line on top of the library. Parse the arguments, run the command, map the
//! outcome to an exit code; only this binary touches the terminal.

mod cli;
mod commands;
mod interrupt;
mod report;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// How a command ended, mapped to the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything worked: exit 0.
    Success,
    /// A check found a difference (stale output, failing rule example): exit 1.
    Failure,
    /// An error happened (bad input, unreadable file, invalid rule file): exit 2.
    Error,
    /// Ctrl-C stopped the run: exit 130, as a shell reports a process ended by SIGINT.
    Interrupted,
}

impl Status {
    /// The process exit code for this status.
    pub fn code(self) -> u8 {
        match self {
            Status::Success => 0,
            Status::Failure => 1,
            Status::Error => 2,
            Status::Interrupted => 130,
        }
    }
}

#[allow(
    dead_code,
    reason = "the rinse-cli library compiles this file too (cli/Cargo.toml), and calls `run`, not `main`"
)]
fn main() -> ExitCode {
    ExitCode::from(run(std::env::args_os()))
}

/// Runs the command line on `args` (the program name first) and returns the exit code: `rinse` itself, for the
/// binary and for any program that runs it in its own process (the Python package's `rinse` command).
pub fn run<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let code = match cli::Args::try_parse_from(args) {
        // `--help` and `--version` come here too, with the code 0.
        Err(err) => {
            let _ = err.print();
            u8::try_from(err.exit_code()).unwrap_or(Status::Error.code())
        }
        Ok(args) => match commands::run(args) {
            Ok(status) => status.code(),
            Err(err) => {
                report::error(&format!("{err:#}"));
                Status::Error.code()
            }
        },
    };
    // A host process does not flush Rust's stdout when it exits, as a Rust `main` does.
    let _ = std::io::stdout().flush();
    code
}
