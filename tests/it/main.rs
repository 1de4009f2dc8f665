//! Integration tests of the `rinse` binary, one module per topic in a single test binary.

mod bad_input;
mod browser;
mod check;
mod cli;
mod corpus;
mod diff;
mod fetch;
mod fuzz;
mod harness;
mod hostile;
#[cfg(unix)]
mod interrupt;
mod metadata;
mod packaging;
mod pages;
mod pdf;
mod props;
mod readme;
mod rules;
mod server;
mod streams;
