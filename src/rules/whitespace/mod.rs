//! `W` rules, whitespace and characters: trailing whitespace (`W001`), blank lines (`W002`), invisible characters
//! (`W003`), no-break spaces (`W004`), text not in Unicode NFC (`W005`).

pub(super) mod blank_lines;
pub(super) mod invisible_chars;
pub(super) mod no_break_space;
pub(super) mod trailing_whitespace;
pub(super) mod unicode;
