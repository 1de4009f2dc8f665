//! `L` rules, links: links that lead nowhere (`L001`).

pub(super) mod link_placeholder;
