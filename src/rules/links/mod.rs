//! `L` rules, links: links that lead nowhere (`L001`).

pub(super) mod link_placeholder;

// The moved files name the engine's items as `super::…` until the next commit.
use super::{body, Rule};
