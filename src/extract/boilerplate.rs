//! Boilerplate signals: elements that are never content (scripts, hidden elements), elements whose tag or ARIA
//! role marks them as page furniture, and class or id names that name furniture (menus, share bars, comments).

use scraper::node::Element;

/// How strongly an element's markup says it is not article content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Signal {
    /// Nothing says so.
    None,
    /// Its tag, role or class names page furniture; kept only when it holds most of the page's text.
    Furniture,
    /// Never content: scripts, styles, hidden elements, form controls.
    Never,
}

/// Whether an element can never hold article text (scripts, styles, templates, form controls, hidden elements).
pub fn is_never_content(element: &Element) -> bool {
    matches!(
        element.name(),
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "svg"
            | "canvas"
            | "object"
            | "embed"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "dialog"
            | "audio"
            | "video"
            | "map"
    ) || is_hidden(element)
}

/// The signal an element's own markup gives, before its content is known.
pub fn signal(element: &Element) -> Signal {
    if is_never_content(element) {
        return Signal::Never;
    }
    let name = element.name();
    if matches!(name, "html" | "body" | "main" | "article") {
        return Signal::None;
    }
    if matches!(
        name,
        "nav" | "aside" | "footer" | "header" | "form" | "menu"
    ) {
        return Signal::Furniture;
    }
    if let Some(role) = element.attr("role") {
        let role = role.trim();
        if [
            "navigation",
            "banner",
            "contentinfo",
            "complementary",
            "search",
            "menu",
            "menubar",
            "dialog",
            "alertdialog",
        ]
        .iter()
        .any(|r| role.eq_ignore_ascii_case(r))
        {
            return Signal::Furniture;
        }
    }
    if let Some(prop) = element.attr("itemprop") {
        if METADATA_PROPS
            .iter()
            .any(|p| prop.trim().eq_ignore_ascii_case(p))
        {
            return Signal::Furniture;
        }
    }
    if is_hidden_class(element) {
        return Signal::Furniture;
    }
    if name != "a" && names_furniture(element) {
        return Signal::Furniture;
    }
    Signal::None
}

/// Microdata properties that carry page metadata (shown in bylines or hidden), never the article's text.
const METADATA_PROPS: &[&str] = &[
    "author",
    "datePublished",
    "dateModified",
    "dateCreated",
    "publisher",
    "image",
    "logo",
    "url",
    "thumbnailUrl",
    "mainEntityOfPage",
];

/// Class names that CSS frameworks use to hide an element (`hide`, `hidden`, `d-none`, screen-reader-only text).
fn is_hidden_class(element: &Element) -> bool {
    element.classes().any(|class| {
        [
            "hide",
            "hidden",
            "d-none",
            "is-hidden",
            "visually-hidden",
            "visuallyhidden",
            "sr-only",
            "screen-reader-text",
        ]
        .iter()
        .any(|h| class.eq_ignore_ascii_case(h))
    })
}

/// Whether the element is hidden by its own markup (`hidden`, `display:none`, `visibility:hidden`).
fn is_hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some() {
        return true;
    }
    if let Some(style) = element.attr("style") {
        if style.len() < 400 {
            let compact: String = style
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect();
            if compact.contains("display:none") || compact.contains("visibility:hidden") {
                return true;
            }
        }
    }
    false
}

/// Words in class or id names that mark page furniture wherever they appear in the name.
const FURNITURE_PARTS: &[&str] = &[
    "breadcrumb",
    "cookie",
    "newsletter",
    "subscribe",
    "signup",
    "social",
    "sharing",
    "share",
    "related",
    "comment",
    "advert",
    "sidebar",
    "masthead",
    "promo",
    "popup",
    "modal",
    "disqus",
    "recirc",
    "taboola",
    "outbrain",
    "paywall",
    "byline",
    "author-bio",
    "authorbio",
    "skip-link",
    "skiplink",
    "toolbar",
    "sponsor",
    "newsfeed",
    "most-popular",
    "mostpopular",
    "trending",
    "read-more",
    "readmore",
    "see-also",
    "widget",
    "pagination",
    "pager",
    "footnote-back",
    "tags",
    "caption",
    "credit",
    "gdpr",
    "consent",
];

/// Whole words (split at `-`, `_`, spaces, case changes ignored) in class or id names that mark furniture.
const FURNITURE_WORDS: &[&str] = &[
    "ad", "ads", "adv", "nav", "navbar", "menu", "footer", "header", "banner", "meta", "tag",
    "print", "teaser", "more", "util", "tools", "rating", "login", "follow", "donate", "author",
];

/// Class or id parts that mark content; they outweigh a furniture word in the same name.
const CONTENT_PARTS: &[&str] = &[
    "article-body",
    "articlebody",
    "article-content",
    "post-content",
    "entry-content",
    "story-body",
    "main-content",
];

fn names_furniture(element: &Element) -> bool {
    let class = element.attr("class").unwrap_or("");
    let id = element.attr("id").unwrap_or("");
    if class.is_empty() && id.is_empty() {
        return false;
    }
    // Long class lists are typically theme state on wrappers (`single-post has-comments`), not a component name.
    if class.len() > 160 {
        return false;
    }
    for name in [class, id] {
        if name.is_empty() {
            continue;
        }
        let lower = name.to_ascii_lowercase();
        if CONTENT_PARTS.iter().any(|part| lower.contains(part)) {
            return false;
        }
    }
    [class, id].into_iter().any(|name| {
        let lower = name.to_ascii_lowercase();
        FURNITURE_PARTS.iter().any(|part| lower.contains(part))
            || lower
                .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|word| FURNITURE_WORDS.contains(&word))
    })
}

/// A class weight in the style of Readability: positive when names suggest content, negative for furniture.
pub fn class_weight(element: &Element) -> f32 {
    let mut weight = 0.0;
    for name in [element.attr("class"), element.attr("id")]
        .into_iter()
        .flatten()
    {
        let lower = name.to_ascii_lowercase();
        if [
            "article", "content", "entry", "post", "story", "body", "text", "main",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            weight += 25.0;
        }
        if [
            "comment", "footer", "sidebar", "related", "share", "social", "promo", "widget", "nav",
            "menu", "ad-", "banner",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            weight -= 25.0;
        }
    }
    weight
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn first(html: &str, selector: &str) -> Signal {
        let doc = Html::parse_document(html);
        let sel = Selector::parse(selector).expect("test selector is valid");
        let element = doc.select(&sel).next().expect("element is present");
        signal(element.value())
    }

    #[test]
    fn share_bar_class_is_furniture() {
        assert_eq!(
            first("<div class='post-share-bar'>x</div>", "div"),
            Signal::Furniture
        );
    }

    #[test]
    fn article_body_class_is_not_furniture() {
        assert_eq!(
            first("<div class='article-body has-comments'>x</div>", "div"),
            Signal::None
        );
    }

    #[test]
    fn hidden_style_is_never_content() {
        assert_eq!(first("<p style='display: none'>x</p>", "p"), Signal::Never);
    }

    #[test]
    fn navigation_role_is_furniture() {
        assert_eq!(
            first("<div role='navigation'>x</div>", "div"),
            Signal::Furniture
        );
    }
}
