//! `D` rules, metadata: lines of the body that are the document's metadata (`D001`).

pub(super) mod header_lines;
