//! The integration tests, one binary split by topic.

mod props;
mod rules;
