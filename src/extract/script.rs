//! Articles a page holds only in script data: a JSON-LD `articleBody`, or the markup of a `<script
//! type="text/template">` that the page's own script writes into the document (Blogger's post bodies). Taken when
//! what the visible markup yields is a small part of it and it is about the page's title (issue 12, class 1).

use scraper::{Html, Node};
use serde_json::Value;

use crate::dom::{self, walk};

use super::{extract, Article, ExtractOptions};

/// An article read from a page's script data: its own tree, and the article found in it.
pub struct ScriptArticle {
    /// The parsed script data.
    pub html: Html,
    /// The article inside it.
    pub article: Article,
}

/// Script data replaces the visible article only when it holds at least this many times its text: a visible
/// extraction that found the article is longer than a third of any copy of it, and one that found a subscription
/// box or a blog's tagline over an article it cannot see is a few percent of it. trafilatura's fallback comparison
/// takes the other extractor's result when it is much longer (`len(text2) > 2 * len(text1)` and more); three
/// times, as script data may carry a longer version of an article shown in part (a teaser over a paywall).
const SCRIPT_RATIO: usize = 3;

/// Script data shorter than this (characters that are not whitespace) is not an article: a template of a widget,
/// a one-line summary. About four of Readability's paragraphs of 25 characters would not do; 500 is two short
/// paragraphs of news.
const SCRIPT_MIN_CHARS: usize = 500;

/// Title words shorter than this are not looked for in the script's text (articles and prepositions, numbers).
const TITLE_WORD_MIN_CHARS: usize = 4;

/// The share of the title's words the script's text must contain: the script is about the page, not a template of
/// its consent dialog or comment form (which no title describes).
const TITLE_WORD_SHARE: f32 = 0.5;

/// The article that `page`'s script data holds, when the visible `article` is weak beside it (see
/// `SCRIPT_RATIO`) and the data is about the page's `title`. `templates` are the contents of the page's
/// `<script type="text/template">` elements (the parser cuts script content, so the caller reads them from the
/// page's text); JSON-LD is read from the tree.
pub fn script_article(
    page: &Html,
    article: &Article,
    templates: &[&str],
    title: Option<&str>,
) -> Option<ScriptArticle> {
    let shown = article_chars(page, article);
    let mut best: Option<(usize, ScriptArticle)> = None;
    let sources = article_bodies(page)
        .into_iter()
        .chain(templates.iter().map(|t| (*t).to_string()));
    for source in sources {
        // A source has no more characters of text than bytes: most are too short to be parsed at all.
        if source.len() < SCRIPT_MIN_CHARS.max(SCRIPT_RATIO * shown) {
            continue;
        }
        let html = crate::parse::parse(&source);
        let article = extract(&html, &ExtractOptions::default());
        let chars = article_chars(&html, &article);
        if chars < SCRIPT_MIN_CHARS
            || chars < SCRIPT_RATIO * shown
            || best.as_ref().is_some_and(|(b, _)| *b >= chars)
            || !is_about(&html, &article, title)
        {
            continue;
        }
        best = Some((chars, ScriptArticle { html, article }));
    }
    best.map(|(_, found)| found)
}

/// The `articleBody` strings of the page's JSON-LD blocks, as HTML: markup as it is, plain text as one paragraph a
/// line.
fn article_bodies(page: &Html) -> Vec<String> {
    let mut bodies = Vec::new();
    walk(page.tree.root(), |node| {
        let Some(element) = node.value().as_element() else {
            return true;
        };
        if element.name() != "script" {
            return true;
        }
        if dom::attr(element, "type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) {
            let json: String = node
                .children()
                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                .collect();
            if let Ok(value) = serde_json::from_str::<Value>(&json) {
                find_bodies(&value, &mut bodies);
            }
        }
        false
    });
    bodies.into_iter().map(|b| as_html(&b)).collect()
}

/// Collects every `articleBody` string under `value`, `@graph` arrays and nested nodes included.
fn find_bodies(value: &Value, out: &mut Vec<String>) {
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    match v {
                        Value::String(s) if key == "articleBody" => out.push(s.clone()),
                        _ => stack.push(v),
                    }
                }
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
}

/// An `articleBody` as HTML: some sites put the article's markup there, most its plain text, one paragraph a line.
fn as_html(body: &str) -> String {
    let lower = body.to_ascii_lowercase();
    if lower.contains("</p>") || lower.contains("<br") {
        return body.to_string();
    }
    let mut html = String::with_capacity(body.len() + 64);
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        html.push_str("<p>");
        for c in line.chars() {
            match c {
                '<' => html.push_str("&lt;"),
                '>' => html.push_str("&gt;"),
                '&' => html.push_str("&amp;"),
                c => html.push(c),
            }
        }
        html.push_str("</p>\n");
    }
    html
}

/// The characters (not whitespace) of the text an article keeps.
fn article_chars(html: &Html, article: &Article) -> usize {
    let mut chars = 0;
    for root in &article.roots {
        let Some(node) = html.tree.get(*root) else {
            continue;
        };
        walk(node, |n| {
            if article.skip.contains(n.id()) {
                return false;
            }
            if let Node::Text(text) = n.value() {
                chars += text.chars().filter(|c| !c.is_whitespace()).count();
            }
            true
        });
    }
    chars
}

/// Whether the article's text holds at least [`TITLE_WORD_SHARE`] of the title's words (of
/// [`TITLE_WORD_MIN_CHARS`] or more), case ignored; true without a title or without such words.
fn is_about(html: &Html, article: &Article, title: Option<&str>) -> bool {
    let Some(title) = title else {
        return true;
    };
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= TITLE_WORD_MIN_CHARS)
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return true;
    }
    let mut text = String::new();
    for root in &article.roots {
        if let Some(node) = html.tree.get(*root) {
            walk(node, |n| {
                if article.skip.contains(n.id()) {
                    return false;
                }
                if let Node::Text(t) = n.value() {
                    text.push_str(&t.to_lowercase());
                    text.push(' ');
                }
                true
            });
        }
    }
    let found = words.iter().filter(|w| text.contains(w.as_str())).count();
    found as f32 >= TITLE_WORD_SHARE * words.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARA: &str =
        "The committee met on Tuesday, and the minister said the plan would go ahead. ";

    fn visible(page: &str) -> (Html, Article) {
        let html = Html::parse_document(page);
        let article = extract(&html, &ExtractOptions::default());
        (html, article)
    }

    #[test]
    fn json_ld_article_body_replaces_a_weak_visible_article() {
        let body = format!("Minister backs the harbour plan. {}", PARA.repeat(10));
        let page = format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","articleBody":{}}}</script></head>
            <body><div class="box"><p>Subscribe to our newsletter for the latest news, every morning.</p></div></body></html>"#,
            serde_json::to_string(&body).expect("a string serialises")
        );
        let (html, article) = visible(&page);
        let found = script_article(&html, &article, &[], Some("Minister backs harbour plan"))
            .expect("the JSON-LD body is taken");
        assert!(article_chars(&found.html, &found.article) > 500);
    }

    #[test]
    fn template_about_another_subject_is_not_taken() {
        let consent = format!(
            "<div><p>We use cookies on our website, some of them essential. {}</p></div>",
            PARA.repeat(10)
        );
        let (html, article) =
            visible("<body><p>A short visible text of the page, with a comma.</p></body>");
        assert!(
            script_article(&html, &article, &[&consent], Some("Harbour works begin")).is_none()
        );
    }

    #[test]
    fn visible_article_of_fair_length_is_kept() {
        let page = format!(
            "<body><div><p>{p}</p><p>{p}</p></div></body>",
            p = PARA.repeat(4)
        );
        let (html, article) = visible(&page);
        let template = format!("<p>{}</p>", PARA.repeat(12));
        assert!(script_article(&html, &article, &[&template], Some("The committee met")).is_none());
    }
}
