//! rinse: turn saved or fetched web pages and scraped markdown into clean markdown with metadata.
//!
//! The pipeline, one module per stage: [`read`] → [`decode`] → [`parse`] → [`metadata`] → [`extract`] →
//! [`markdown`] → [`rules`] (cleanup) → [`emit`]. Only [`pipeline`] knows the order of the stages.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod batch;
pub mod config;
pub mod decode;
pub mod diff;
pub mod document;
pub mod dom;
pub mod emit;
pub mod error;
pub mod examples;
pub mod extract;
pub mod fetch;
pub mod markdown;
pub mod metadata;
pub mod parse;
pub mod pipeline;
pub mod prune;
pub mod read;
pub mod rules;
pub mod write;

pub use document::{Cleaned, Edit, Metadata};
pub use error::{Error, Result};
pub use read::kind::InputKind;
