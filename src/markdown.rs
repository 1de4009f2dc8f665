//! Rendering: the article's subtrees of the parsed page to markdown.

use scraper::{ElementRef, Html};
use url::Url;

use crate::extract::Article;

/// How to render.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderOptions<'a> {
    /// The URL relative links are resolved against (`<base href>` wins over it).
    pub base_url: Option<&'a Url>,
    /// Keep images as `![alt](src)`.
    pub images: bool,
}

/// Renders the article as markdown: blocks separated by one blank line, ending in one newline (empty when there
/// is no article).
pub fn render(html: &Html, article: &Article, options: &RenderOptions<'_>) -> String {
    let _ = options;
    let mut out = String::new();
    for root in &article.roots {
        if let Some(element) = html.tree.get(*root).and_then(ElementRef::wrap) {
            for text in element.text() {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() {
                    out.push_str(&text);
                    out.push_str("\n\n");
                }
            }
        }
    }
    if out.ends_with("\n\n") {
        out.pop();
    }
    out
}
