//! Command glue: each subcommand's arguments turned into library calls, with errors reported as they happen.

mod check;
mod clean;
mod diff;
mod fetch;
mod packaging;
mod rules;

use anyhow::Result;

use crate::cli::{Args, Command};
use crate::report::Verbosity;
use crate::Status;
use rinse::config::Project;

/// Runs the command the arguments name.
pub fn run(args: Args) -> Result<Status> {
    let verbosity = if args.global.quiet {
        Verbosity::Quiet
    } else if args.global.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    // Loaded only by the commands that use it: no configuration file can stop `completions` or `man`.
    let project = || {
        if args.global.no_config {
            Project::without_config()
        } else {
            Project::load(args.global.config.as_deref())
        }
    };
    match &args.command {
        Command::Clean(clean_args) => clean::run(&project()?, clean_args, verbosity),
        Command::Rules(rules_args) => rules::run(&project()?, rules_args),
        Command::Fetch(fetch_args) => fetch::run(&project()?, fetch_args, verbosity),
        Command::Check(check_args) => {
            check::run(&project()?, check_args, verbosity, args.global.color)
        }
        Command::Diff(diff_args) => diff::run(&project()?, diff_args, verbosity, args.global.color),
        Command::Completions { shell } => packaging::completions(*shell),
        Command::Man => packaging::man(),
    }
}

/// The threads documents are cleaned on: `jobs` of them, or one per core.
fn worker_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool> {
    use anyhow::Context;
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .context("starting the worker threads")
}

/// Removes the temporary files a killed run left in the output folder `dir` (see
/// [`rinse::write::remove_stale_temps`]), naming each with `-v`.
fn remove_stale_temps(dir: &std::path::Path, verbosity: Verbosity) {
    for path in rinse::write::remove_stale_temps(dir) {
        crate::report::warning(
            verbosity,
            &format!(
                "{}: removed a temporary file left by an interrupted run",
                path.display()
            ),
        );
    }
}
