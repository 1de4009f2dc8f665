//! Parsing: text to an HTML tree (html5ever through scraper). Later stages walk the tree iteratively, so deeply
//! nested pages cannot overflow the stack.

use scraper::Html;

/// Parses a whole HTML document.
pub fn parse(text: &str) -> Html {
    Html::parse_document(text)
}
