//! The `rinse` binary: the command line on top of the library. Parse the arguments, run the command, map the
//! outcome to an exit code; only this binary touches the terminal.

mod cli;
mod commands;
mod report;

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
}

impl Status {
    /// The process exit code for this status.
    pub fn code(self) -> u8 {
        match self {
            Status::Success => 0,
            Status::Failure => 1,
            Status::Error => 2,
        }
    }
}

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match commands::run(args) {
        Ok(status) => ExitCode::from(status.code()),
        Err(err) => {
            report::error(&format!("{err:#}"));
            ExitCode::from(Status::Error.code())
        }
    }
}
