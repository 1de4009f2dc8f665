//! Parsing: text to an HTML tree (html5ever's tree builder into scraper's tree, fed by `tokenizer.rs`), after a
//! prescan (`prescan.rs`) that cuts what no stage reads, caps the nesting and bounds the markup, with a light tag
//! scanner (`tags.rs`) that follows html5ever's tokenizer.
//!
//! Later stages walk the tree iteratively, so deeply nested pages cannot overflow the stack.

mod prescan;
mod tags;
mod tokenizer;

pub use prescan::{is_unread_attribute, strip_hidden, tree_budget, Lean};
pub(crate) use tags::contains_ignore_case;

use scraper::Html;

use std::borrow::Cow;
use std::ops::Range;

use prescan::{limit_depth, limit_markup};

/// The deepest element nesting kept; tags that would open deeper elements (and their end tags) are dropped.
pub const MAX_DEPTH: usize = 512;

/// Parses a whole HTML document.
pub fn parse(text: &str) -> Html {
    parse_with(text, &|_| false)
}

/// Parses a whole HTML document, keeping the unread attributes (see [`is_unread_attribute`]) that `keep` names:
/// those a user rule's selector mentions.
pub fn parse_with(text: &str, keep: &dyn Fn(&[u8]) -> bool) -> Html {
    parse_page(text, keep).html
}

/// A parsed page, and what the scanner learnt of its markup on the way.
pub struct Page {
    /// The tree.
    pub html: Html,
    /// Whether the tree may hold a `<base>` element. When not, there is no need to look for one.
    pub may_have_base: bool,
    /// The content of the page's `<script type="text/template">` elements, as ranges of the text parsed (the tree
    /// holds them empty, as every script but JSON-LD): the markup a page's own script may write as its article.
    pub templates: Vec<Range<usize>>,
}

/// Parses a whole HTML document like [`parse_with`], and tells whether it may hold a `<base>` element.
pub fn parse_page(text: &str, keep: &dyn Fn(&[u8]) -> bool) -> Page {
    let mut lean = strip_hidden(text, keep);
    let budget = tree_budget(text.len());
    if lean.cost > budget {
        lean.text = Cow::Owned(limit_markup(&lean.text, budget));
    }
    let html = if lean.depth > MAX_DEPTH {
        tokenizer::parse_document(&limit_depth(&lean.text, MAX_DEPTH))
    } else {
        tokenizer::parse_document(&lean.text)
    };
    Page {
        html,
        may_have_base: lean.may_have_base,
        templates: lean.templates,
    }
}
