//! Boilerplate signals: elements that are never content (scripts, hidden elements), elements whose tag or ARIA
//! role marks them as page furniture, and class or id names that name furniture (menus, share bars, comments).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
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
    if is_never_tag(element.name()) {
        return true;
    }
    let mut hidden = false;
    for (key, value) in element.attrs() {
        match key {
            "hidden" => hidden = true,
            "style" => hidden |= style_hides(value),
            _ => {}
        }
    }
    hidden
}

/// The signal an element's own markup gives, before its content is known.
pub fn signal(element: &Element) -> Signal {
    let name = element.name();
    if is_never_tag(name) {
        return Signal::Never;
    }
    let (mut class, mut id, mut role, mut itemprop, mut href) = ("", "", "", "", "");
    for (key, value) in element.attrs() {
        match key {
            "class" => class = value,
            "id" => id = value,
            "role" => role = value,
            "itemprop" => itemprop = value,
            "href" => href = value,
            "hidden" => return Signal::Never,
            "style" if style_hides(value) => return Signal::Never,
            _ => {}
        }
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return Signal::None;
    }
    if matches!(
        name,
        "nav" | "aside" | "footer" | "header" | "form" | "menu"
    ) {
        return Signal::Furniture;
    }
    let role = role.trim();
    if !role.is_empty()
        && [
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
    let itemprop = itemprop.trim();
    if !itemprop.is_empty()
        && METADATA_PROPS
            .iter()
            .any(|p| itemprop.eq_ignore_ascii_case(p))
    {
        return Signal::Furniture;
    }
    if is_hidden_class(class) {
        return Signal::Furniture;
    }
    // Links are named for where they lead, not for what they are; only in-page links (skip links, back to top)
    // are judged by their names.
    let judged = name != "a" || href.trim_start().starts_with('#');
    if judged && names_furniture(class, id) {
        return Signal::Furniture;
    }
    Signal::None
}

fn is_never_tag(name: &str) -> bool {
    matches!(
        name,
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
    )
}

/// Whether an inline style hides the element (`display:none`, `visibility:hidden`).
fn style_hides(style: &str) -> bool {
    // Most styles mention neither word: check cheaply before normalising.
    let lower_has = |word: &str| {
        style
            .as_bytes()
            .windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
    };
    if style.len() > 400 || !(lower_has("none") || lower_has("hidden")) {
        return false;
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
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
fn is_hidden_class(class: &str) -> bool {
    class.split_ascii_whitespace().any(|token| {
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
        .any(|h| token.eq_ignore_ascii_case(h))
    })
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
    "skip-to",
    "back-to-top",
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
    "ad",
    "ads",
    "adv",
    "nav",
    "navbar",
    "menu",
    "footer",
    "header",
    "banner",
    "meta",
    "tag",
    "print",
    "teaser",
    "more",
    "util",
    "tools",
    "rating",
    "login",
    "follow",
    "donate",
    "author",
    "head",
    "date",
    "dateline",
    "timestamp",
    "published",
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

/// What a class or id pattern means.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Naming {
    /// Furniture wherever it appears.
    Part,
    /// Furniture as a whole word.
    Word,
    /// Content: outweighs furniture.
    Content,
}

/// One automaton for every class and id pattern, matched case-insensitively in a single pass per attribute.
static NAMES: LazyLock<(AhoCorasick, Vec<Naming>)> = LazyLock::new(|| {
    let mut patterns: Vec<&str> = Vec::new();
    let mut kinds = Vec::new();
    for (list, kind) in [
        (FURNITURE_PARTS, Naming::Part),
        (FURNITURE_WORDS, Naming::Word),
        (CONTENT_PARTS, Naming::Content),
    ] {
        patterns.extend_from_slice(list);
        kinds.extend(std::iter::repeat_n(kind, list.len()));
    }
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&patterns)
        .expect("the class-name patterns are plain literals");
    (automaton, kinds)
});

/// A class attribute longer than this is theme state on a wrapper (WordPress puts `single-post has-comments
/// category-…` on `<body>` and the post), not a component's name, and is not read for furniture words.
const MAX_COMPONENT_CLASS_LEN: usize = 160;

fn names_furniture(class: &str, id: &str) -> bool {
    if class.is_empty() && id.is_empty() {
        return false;
    }
    if class.len() > MAX_COMPONENT_CLASS_LEN {
        return false;
    }
    let (automaton, kinds) = &*NAMES;
    let mut furniture = false;
    for name in [class, id] {
        let bytes = name.as_bytes();
        for found in automaton.find_overlapping_iter(name) {
            match kinds[found.pattern().as_usize()] {
                Naming::Content => return false,
                Naming::Part => furniture = true,
                Naming::Word => {
                    let before = found
                        .start()
                        .checked_sub(1)
                        .and_then(|i| bytes.get(i))
                        .is_none_or(|b| !b.is_ascii_alphanumeric());
                    let after = bytes
                        .get(found.end())
                        .is_none_or(|b| !b.is_ascii_alphanumeric());
                    furniture |= before && after;
                }
            }
        }
    }
    furniture
}

/// What a content or furniture word in a candidate's class or id adds to or takes from its score: Readability's
/// `getClassWeight` uses 25 for each of class and id, about the score of five good paragraphs.
const CLASS_WEIGHT: f32 = 25.0;

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
            weight += CLASS_WEIGHT;
        }
        if [
            "comment", "footer", "sidebar", "related", "share", "social", "promo", "widget", "nav",
            "menu", "ad-", "banner",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            weight -= CLASS_WEIGHT;
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
