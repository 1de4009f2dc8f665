//! Integration tests of the `rinse` binary, one module per topic in a single test binary.

mod bad_input;
mod cli;
mod corpus;
mod fetch;
mod harness;
mod metadata;
mod props;
mod rules;
mod server;
mod streams;
