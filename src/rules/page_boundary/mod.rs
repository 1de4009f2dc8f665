//! `B` rules, page boundaries: a paragraph split by a page break (`B001`), a word hyphenated across it (`B002`),
//! page furniture (`B003`), the hard-wrapped lines of paged text (`B004`); and the evidence they share.

pub(super) mod function_words;
pub(super) mod hard_wrap;
pub(super) mod hyphen_split;
pub(super) mod page;
pub(super) mod page_break_split;
pub(super) mod page_furniture;
pub(super) mod paged;
