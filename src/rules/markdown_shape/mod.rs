//! `M` rules, markdown shape: headings left with nothing under them at the end of the body (`M001`).

pub(super) mod trailing_heading;
