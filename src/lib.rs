//! rinse: turn saved or fetched web pages and scraped markdown into clean markdown with metadata.
//!
//! The pipeline, one module per stage: [`read`] → [`decode`] → [`parse`] → [`metadata`] → [`extract`] →
//! [`markdown`] → [`rules`] (cleanup) → [`emit`]. Only [`pipeline`] knows the order of the stages.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod cli;
pub mod config;
pub mod decode;
pub mod diff;
pub mod document;
pub mod emit;
pub mod error;
pub mod extract;
pub mod fetch;
pub mod markdown;
pub mod metadata;
pub mod parse;
pub mod pipeline;
pub mod read;
pub mod report;
pub mod rules;
pub mod write;

mod commands;

pub use document::{Cleaned, Edit, Metadata};
pub use error::{Error, Result};
pub use read::kind::InputKind;

/// How a command ended, mapped to the process exit code by `main`.
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

/// Runs the command the arguments name.
pub fn run(args: cli::Args) -> anyhow::Result<Status> {
    commands::run(args)
}
