//! Integration tests, one binary split by topic.

mod browser;
mod check;
mod diff;
