//! The integration tests, one binary split by topic.

mod browser;
mod check;
mod diff;
mod props;
mod rules;
