//! The `rinse` binary: parse the arguments, run, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = rinse::cli::Args::parse();
    match rinse::run(args) {
        Ok(status) => ExitCode::from(status.code()),
        Err(err) => {
            rinse::report::error(&format!("{err:#}"));
            ExitCode::from(rinse::Status::Error.code())
        }
    }
}
