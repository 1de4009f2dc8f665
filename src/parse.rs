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

/// How a tag name affects nesting.
#[derive(PartialEq, Eq)]
enum NameKind {
    /// Opens a level of nesting until its end tag.
    Nesting,
    /// Its end tag is forbidden or optional: it does not reliably add a level of nesting.
    NonNesting,
    /// Its content is raw text: no tags inside.
    RawText,
}

fn name_kind(name: &[u8]) -> NameKind {
    let mut lower = [0u8; 10];
    if name.len() > lower.len() {
        return NameKind::Nesting;
    }
    for (slot, b) in lower.iter_mut().zip(name) {
        *slot = b.to_ascii_lowercase();
    }
    match &lower[..name.len()] {
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"param" | b"source" | b"track" | b"wbr" | b"p" | b"li" | b"dt" | b"dd"
        | b"option" | b"optgroup" | b"tr" | b"td" | b"th" | b"thead" | b"tbody" | b"tfoot"
        | b"colgroup" | b"rt" | b"rp" | b"html" | b"head" | b"body" | b"caption" => {
            NameKind::NonNesting
        }
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed"
        | b"noframes" | b"plaintext" => NameKind::RawText,
        _ => NameKind::Nesting,
    }
}

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
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Tags<'a> {
    fn new(text: &'a str) -> Self {
        Tags {
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
            let name = &self.bytes[name_start..name_start + name_len];
            let kind = name_kind(name);
            self.at = close;
            let self_closed = close >= 2 && self.bytes[close - 2] == b'/';
            if !end_tag && kind == NameKind::RawText {
                self.at = raw_text_end(self.bytes, close, name);
                return Some(Tag {
                    range: start..close,
                    end: false,
                    self_closing: true,
                });
            }
            return Some(Tag {
                range: start..close,
                end: end_tag,
                self_closing: self_closed || kind != NameKind::Nesting,
            });
        }
    }
}

/// The offset of the end tag `</name` closing a raw-text element whose content starts at `from` (or the end).
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(i) = memchr(b'<', &bytes[at..]) {
        let candidate = at + i;
        let rest = &bytes[candidate + 1..];
        if rest.first() == Some(&b'/')
            && rest.len() > name.len()
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return candidate;
        }
        at = candidate + 1;
    }
    bytes.len()
}

/// The offset just past the `>` closing a tag whose attributes start at `from`, honouring quoted values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(i) = memchr::memchr3(b'>', b'"', b'\'', &bytes[at..]) {
        let hit = at + i;
        match bytes[hit] {
            b'>' => return hit + 1,
            quote => match memchr::memchr(quote, &bytes[hit + 1..]) {
                Some(close) => at = hit + 1 + close + 1,
                None => return bytes.len(),
            },
        }
    }
    bytes.len()
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    memchr::memchr(needle, haystack)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(&bytes[from..], needle).map(|p| from + p)
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
