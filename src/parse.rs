//! Parsing: text to an HTML tree (html5ever through scraper). Later stages walk the tree iteratively, so deeply
//! nested pages cannot overflow the stack. html5ever's tree builder checks element scope by walking the stack of
//! open elements, which is quadratic in the nesting depth; a page nested 100 000 deep would take minutes. Like
//! browsers (Chromium caps the DOM depth at 512), rinse flattens nesting beyond [`MAX_DEPTH`] before parsing.

use std::borrow::Cow;

use scraper::Html;

/// The deepest element nesting kept; tags that would open deeper elements (and their end tags) are dropped.
pub const MAX_DEPTH: usize = 512;

/// Parses a whole HTML document.
pub fn parse(text: &str) -> Html {
    Html::parse_document(&limit_depth(text, MAX_DEPTH))
}

/// Elements whose end tag is forbidden or optional: they do not reliably add a level of nesting.
const NON_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "colgroup", "rt", "rp", "html", "head", "body", "caption",
];

/// Elements whose content is raw text: no tags inside.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Drops start and end tags that nest deeper than `max_depth`, found with a light tag scanner. Returns the text
/// unchanged (borrowed) when no element nests that deep, which is every real page.
pub fn limit_depth(text: &str, max_depth: usize) -> Cow<'_, str> {
    let mut depth = 0usize;
    let mut too_deep = false;
    for tag in Tags::new(text).filter(|t| !t.self_closing) {
        if tag.end {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > max_depth {
                too_deep = true;
                break;
            }
        }
    }
    if !too_deep {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut depth = 0usize;
    // Depths of the start tags that were dropped, so that their end tags go too.
    let mut dropped = 0usize;
    for tag in Tags::new(text).filter(|t| !t.self_closing) {
        let drop = if tag.end {
            if dropped > 0 {
                dropped -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= max_depth {
            dropped += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            out.push_str(&text[last..tag.range.start]);
            last = tag.range.end;
        }
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

/// A tag found by the scanner.
struct Tag {
    range: std::ops::Range<usize>,
    end: bool,
    /// A void element, a self-closed tag, or one whose end tag is optional: it does not count as nesting.
    self_closing: bool,
}

/// A forgiving scanner over the tags of an HTML text: skips comments, doctype, and raw-text element content.
struct Tags<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Tags<'a> {
    fn new(text: &'a str) -> Self {
        Tags {
            text,
            bytes: text.as_bytes(),
            at: 0,
        }
    }
}

impl Iterator for Tags<'_> {
    type Item = Tag;

    fn next(&mut self) -> Option<Tag> {
        loop {
            let start = self.at + memchr(b'<', &self.bytes[self.at..])?;
            let rest = &self.bytes[start + 1..];
            if rest.starts_with(b"!--") {
                self.at = find(self.bytes, start + 4, b"-->").map_or(self.bytes.len(), |e| e + 3);
                continue;
            }
            if rest.first().is_some_and(|b| *b == b'!' || *b == b'?') {
                self.at = memchr(b'>', rest).map_or(self.bytes.len(), |e| start + 1 + e + 1);
                continue;
            }
            let end_tag = rest.first() == Some(&b'/');
            let name_start = start + 1 + usize::from(end_tag);
            let name_len = self.bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
                .count();
            if name_len == 0 || !self.bytes[name_start].is_ascii_alphabetic() {
                self.at = start + 1;
                continue;
            }
            let close = tag_end(self.bytes, name_start + name_len);
            let name = self.text[name_start..name_start + name_len].to_ascii_lowercase();
            self.at = close;
            let self_closed = close >= 2 && self.bytes[close - 2] == b'/';
            if !end_tag && RAW_TEXT.contains(&name.as_str()) {
                let needle = format!("</{name}");
                let lower_rest = self.text[close..].to_ascii_lowercase();
                self.at = lower_rest
                    .find(&needle)
                    .map_or(self.bytes.len(), |e| close + e);
                return Some(Tag {
                    range: start..close,
                    end: false,
                    self_closing: true,
                });
            }
            return Some(Tag {
                range: start..close,
                end: end_tag,
                self_closing: self_closed || NON_NESTING.contains(&name.as_str()),
            });
        }
    }
}

/// The offset just past the `>` closing a tag whose attributes start at `from`, honouring quoted values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes[from..].iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return from + i + 1,
            None => {}
        }
    }
    bytes.len()
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes[from..]
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let page = "<html><body><div><p>a<p>b<ul><li>x<li>y</ul><!-- <div><div> --><script>if (a<b) {}</script></div>";
        assert!(matches!(limit_depth(page, 3), Cow::Borrowed(_)));
    }

    #[test]
    fn nesting_beyond_the_limit_is_flattened() {
        let page = format!("{}<p>deep</p>{}", "<div>".repeat(10), "</div>".repeat(10));
        let limited = limit_depth(&page, 4);
        assert_eq!(
            limited,
            format!("{}<p>deep</p>{}", "<div>".repeat(4), "</div>".repeat(4))
        );
    }

    #[test]
    fn quoted_angle_brackets_do_not_end_a_tag() {
        let page = "<div title=\"a > b\"><div>x</div></div>";
        assert!(matches!(limit_depth(page, 2), Cow::Borrowed(_)));
    }
}
