//! Inline markup: which elements mark up their text (one table, the same in paragraphs and in table cells), the
//! text of a paragraph with its white space collapsed and its syntax escaped, and emphasis, code, links and images
//! wrapped around the text they hold.

use url::Url;

use super::escape::{escape_alt, escapes, is_syntax, longest_run};
use crate::dom;

/// What an inline element becomes in markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Markup {
    /// A code span.
    Code,
    /// Emphasis with this marker (`*` or `**`).
    Emphasis(&'static str),
    /// A link.
    Link,
    /// An image (kept when asked).
    Image,
}

/// The markup of an inline element, or `None` for an element that does not mark up its text. Paragraphs and
/// data-table cells share it: `cite`, `dfn` and `var` are emphasised in both, as browsers show them in italics.
pub(super) fn markup(name: &str) -> Option<Markup> {
    match name {
        "code" | "kbd" | "samp" | "tt" => Some(Markup::Code),
        "em" | "i" | "cite" | "dfn" | "var" => Some(Markup::Emphasis("*")),
        "strong" | "b" => Some(Markup::Emphasis("**")),
        "a" => Some(Markup::Link),
        "img" => Some(Markup::Image),
        _ => None,
    }
}

/// An open span of markup that wraps the text written after it.
#[derive(Debug)]
pub(super) enum SpanKind {
    Emphasis(&'static str),
    /// A link and its target, `None` when it leads nowhere.
    Link(Option<String>),
}

/// Appends `text` to the paragraph: each white space character as one space (see [`push_space`]), markdown syntax
/// escaped. In code (`verbatim`) nothing is escaped but `|` inside a table cell.
pub(super) fn push_text(paragraph: &mut String, text: &str, verbatim: bool, in_cell: bool) {
    // Plain characters are copied in runs; only white space and markdown syntax are handled one by one.
    let mut run = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let special = if verbatim {
            c == '|' && in_cell
        } else {
            is_syntax(c)
        };
        if !special && !c.is_whitespace() {
            continue;
        }
        paragraph.push_str(&text[run..at]);
        run = at + c.len_utf8();
        if c.is_whitespace() {
            push_space(paragraph);
            continue;
        }
        if verbatim
            || escapes(
                c,
                paragraph.chars().next_back(),
                chars.peek().map(|&(_, next)| next),
            )
        {
            paragraph.push('\\');
        }
        paragraph.push(c);
    }
    paragraph.push_str(&text[run..]);
}

/// Appends one space unless the paragraph is empty or already ends in whitespace.
pub(super) fn push_space(paragraph: &mut String) {
    if !paragraph.is_empty() && !paragraph.ends_with([' ', '\n']) {
        paragraph.push(' ');
    }
}

/// Wraps the paragraph's text from `start` in the span's markup, spaces moved outside. Emphasis is dropped in a
/// heading, and a link inside another link (`nested_link`) or around one stays text.
pub(super) fn close_span(
    paragraph: &mut String,
    start: usize,
    kind: SpanKind,
    next_is_word: bool,
    in_heading: bool,
    nested_link: bool,
) {
    let start = start.min(paragraph.len());
    let tail = paragraph.split_off(start);
    let lead = tail.starts_with(' ');
    let trail = tail.ends_with(' ');
    let inner = tail.trim_matches(|c: char| c == ' ' || c == '\n');
    let inner = inner.strip_suffix('\\').unwrap_or(inner).trim_end();
    if lead {
        push_space(paragraph);
    }
    match kind {
        SpanKind::Emphasis(marker) => {
            // A marker between punctuation and a letter is not read as emphasis (`**‘a’**b`): leave
            // those plain.
            let before_word = paragraph
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let opens = inner.chars().next().is_some_and(char::is_alphanumeric) || !before_word;
            let closes =
                inner.chars().next_back().is_some_and(char::is_alphanumeric) || !next_is_word;
            let has_word = inner.chars().any(char::is_alphanumeric);
            if has_word && opens && closes && !in_heading && !inner.contains('\n') {
                paragraph.push_str(marker);
                paragraph.push_str(inner);
                paragraph.push_str(marker);
            } else {
                paragraph.push_str(inner);
            }
        }
        SpanKind::Link(target) => match target {
            Some(url) if !inner.is_empty() && !nested_link && !has_link(inner) => {
                paragraph.push('[');
                paragraph.push_str(inner);
                paragraph.push_str("](");
                paragraph.push_str(&url);
                paragraph.push(')');
            }
            _ => paragraph.push_str(inner),
        },
    }
    if trail {
        push_space(paragraph);
    }
}

/// Whether already-rendered inline markdown holds a link (links cannot nest).
fn has_link(inner: &str) -> bool {
    inner.contains("](")
}

/// Wraps the paragraph's text from `start` in a code span fenced by enough backticks; inside another code span
/// (`nested`) the text stays as it is.
pub(super) fn close_code(paragraph: &mut String, start: usize, nested: bool) {
    let start = start.min(paragraph.len());
    let tail = paragraph.split_off(start);
    let lead = tail.starts_with(' ');
    let trail = tail.ends_with(' ');
    let inner = tail.trim();
    if lead {
        push_space(paragraph);
    }
    if !inner.is_empty() {
        if nested {
            paragraph.push_str(inner);
        } else {
            let run = longest_run(inner, '`');
            let fence = "`".repeat(run + 1);
            let pad = inner.starts_with('`') || inner.ends_with('`');
            paragraph.push_str(&fence);
            if pad {
                paragraph.push(' ');
            }
            paragraph.push_str(inner);
            if pad {
                paragraph.push(' ');
            }
            paragraph.push_str(&fence);
        }
    }
    if trail {
        push_space(paragraph);
    }
}

/// Appends `![alt](src)` for an image with a source (`src`, else a lazy image's `data-src`; not a `data:` URL).
pub(super) fn push_image(
    paragraph: &mut String,
    element: &scraper::node::Element,
    base: Option<&Url>,
) {
    let Some(src) = dom::attr(element, "src")
        .or_else(|| dom::attr(element, "data-src"))
        .map(str::trim)
        .filter(|s| !s.is_empty() && !s.starts_with("data:"))
    else {
        return;
    };
    let Some(url) = resolve(src, base) else {
        return;
    };
    let alt = escape_alt(dom::attr(element, "alt").unwrap_or("").trim());
    push_space(paragraph);
    paragraph.push_str("![");
    paragraph.push_str(alt.trim_end());
    paragraph.push_str("](");
    paragraph.push_str(&url);
    paragraph.push(')');
}

/// The markdown target of a link, or `None` when it leads nowhere (`#…`, empty, `javascript:`).
pub(super) fn link_target(element: &scraper::node::Element, base: Option<&Url>) -> Option<String> {
    let href = dom::attr(element, "href")?.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let lower = href
        .get(..11)
        .unwrap_or(href)
        .to_ascii_lowercase()
        .replace(['\t', '\n', '\r'], "");
    if lower.starts_with("javascript:") || lower.starts_with("data:") {
        return None;
    }
    resolve(href, base)
}

/// `href` made absolute against the base URL, written so markdown reads it back whole.
fn resolve(href: &str, base: Option<&Url>) -> Option<String> {
    let url = match base {
        Some(base) => base.join(href).map(String::from).ok(),
        None => Url::parse(href).map(String::from).ok(),
    };
    let url = url.unwrap_or_else(|| href.replace(' ', "%20"));
    let url = url.replace(['<', '>', '\n', '\r'], "");
    if url.is_empty() {
        return None;
    }
    if url.contains(['(', ')', ' ']) {
        Some(format!("<{url}>"))
    } else {
        Some(url)
    }
}
