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
    // One pass with the prescan inline, where it can be sure to cut as the prescan does; else two.
    tokenizer::parse_page(text, keep).unwrap_or_else(|_| parse_in_two_passes(text, keep))
}

/// Parses a page the two-pass way: the prescan's text first ([`strip_hidden`]), then its tree.
fn parse_in_two_passes(text: &str, keep: &dyn Fn(&[u8]) -> bool) -> Page {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tokenizer::tests::{pieces, written};

    /// The page as parsed in one pass and in two, written out; `None` for the one pass when it gave up.
    fn both(page: &str, keep: &dyn Fn(&[u8]) -> bool) -> (Option<String>, String) {
        let show = |page: &Page| {
            format!(
                "{}\nbase {}\ntemplates {:?}",
                written(&page.html),
                page.may_have_base,
                page.templates
            )
        };
        let one = tokenizer::parse_page(page, keep).ok().map(|p| show(&p));
        (one, show(&parse_in_two_passes(page, keep)))
    }

    #[test]
    fn one_pass_parses_as_two_on_common_markup() {
        for page in [
            "<html>\n  <head>\n    <title>T</title>\n    <link rel=stylesheet href=a.css>\n  </head>\n  <body>\n    <p class=x data-x=1>a &amp; b</p>\n  </body>\n</html>\n",
            "\u{feff}  <p>bom</p>  <script>var a = 1;</script>\n\n<style>p{}</style>\n <noscript><img src=x></noscript>",
            "<div>\n    <p>a  b  </p>  \r\n  <p>\tc</p>\n</div><pre>  x  </pre>  <p>  y  </p>",
            "<SCRIPT TYPE='Text/Template'><p>Post</p></script><script type=application/ld+json>{}</script>",
            "<svg viewBox='0 0 1 1'><path d='M0'/></svg> <!-- c -->  <p> x </p> <!x> </ y> </> z",
            "<p title=\"a\"data-x=1 class=k/data-y=2 TARGET=_blank onclick='a()' = x>x</p><a href=x data-q=>y</a>",
        ] {
            let (one, two) = both(page, &|_| false);
            assert_eq!(one.as_deref(), Some(two.as_str()), "{page:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The one pass builds the tree of the two, or gives up.
        #[test]
        fn one_pass_parses_as_two(
            picks in proptest::collection::vec(0..pieces().len(), 0..40),
            keep_class in proptest::bool::ANY,
        ) {
            let pieces = pieces();
            let page: String = picks.iter().map(|&i| pieces[i]).collect();
            let keep = |name: &[u8]| keep_class && name == b"data-x";
            let (one, two) = both(&page, &keep);
            if let Some(one) = one {
                proptest::prop_assert_eq!(one, two, "{:?}", page);
            }
        }
    }
}
