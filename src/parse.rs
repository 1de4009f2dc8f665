//! Parsing: text to an HTML tree (html5ever through scraper).
//!
//! Two passes of a light tag scanner prepare the text first:
//!
//! - **Hidden content is cut.** Script, style, noscript and inline SVG content is never article text, and on news
//!   pages it is two thirds of the bytes: tokenizing it was a third of html5ever's time. The scanner drops the content
//!   of those elements and keeps the elements themselves (and JSON-LD scripts whole, which metadata reads), so the
//!   tree is the one html5ever would build with those elements emptied. Where the scanner could disagree with
//!   html5ever about where such an element ends (script comment escapes, HTML breaking out of SVG, CDATA, MathML),
//!   it stops cutting and leaves the rest of the page as it is.
//! - **Unread attributes are cut.** `data-*`, `srcset`, `sizes` and `on*` handlers ([`is_unread_attribute`]) are
//!   another tenth of the markup, and html5ever copies attribute values a character at a time. The scanner drops
//!   them from start tags unless a user rule's selector names them ([`parse_with`]), and only where the cut cannot
//!   join the text before and after it into another token.
//! - **Indentation is collapsed.** White space that starts or ends the text between two tags is a tenth of the
//!   markup left, and html5ever makes two text tokens of each `\n    `. Each such run is cut to one character (a
//!   line break if it holds one), which no stage can tell apart, except where white space is content: from the
//!   first `<pre>` or `<listing>` on, nothing is collapsed.
//! - **Nesting is capped.** html5ever's tree builder checks element scope by walking the stack of open elements,
//!   which is quadratic in the nesting depth; a page nested 100 000 deep would take minutes. Like browsers (Chromium
//!   caps the DOM depth at 512), rinse flattens nesting beyond [`MAX_DEPTH`] before parsing.
//!
//! Later stages walk the tree iteratively, so deeply nested pages cannot overflow the stack.

use std::borrow::Cow;
use std::ops::Range;

use scraper::Html;

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
}

/// Parses a whole HTML document like [`parse_with`], and tells whether it may hold a `<base>` element.
pub fn parse_page(text: &str, keep: &dyn Fn(&[u8]) -> bool) -> Page {
    let lean = strip_hidden(text, keep);
    let html = if lean.depth > MAX_DEPTH {
        Html::parse_document(&limit_depth(&lean.text, MAX_DEPTH))
    } else {
        Html::parse_document(&lean.text)
    };
    Page {
        html,
        may_have_base: lean.may_have_base,
    }
}

/// A page's text as html5ever gets it (see [`strip_hidden`]).
pub struct Lean<'a> {
    /// The text, with hidden content, unread attributes and indentation cut.
    pub text: Cow<'a, str>,
    /// Its deepest element nesting.
    pub depth: usize,
    /// Whether it has a `<base>` start tag, or the scanner lost step with html5ever somewhere.
    pub may_have_base: bool,
}

/// What the scanner needs to know about a tag name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NameKind {
    /// Opens a level of nesting until its end tag.
    Nesting,
    /// Its end tag is forbidden or optional: it does not reliably add a level of nesting.
    NonNesting,
    /// Raw text or RCDATA content that rinse keeps (`title`, `textarea`, `iframe`…): no tags inside.
    RawText,
    /// Raw text whose content is cut (`style`, `noscript`).
    HiddenRawText,
    /// A script: raw text, cut unless it is JSON-LD.
    Script,
    /// Everything after it is text.
    Plaintext,
    /// Inline SVG, whose content is cut when its end is certain.
    Svg,
    /// MathML: foreign content with its own rules, where cutting stops.
    Math,
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
        b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed" | b"noframes" => NameKind::RawText,
        b"style" | b"noscript" => NameKind::HiddenRawText,
        b"script" => NameKind::Script,
        b"plaintext" => NameKind::Plaintext,
        b"svg" => NameKind::Svg,
        b"math" => NameKind::Math,
        _ => NameKind::Nesting,
    }
}

/// Start tags that make html5ever leave SVG content and go back to HTML (the "breakout" list of the HTML standard).
fn breaks_out_of_foreign_content(name: &[u8]) -> bool {
    const NAMES: &[&[u8]] = &[
        b"b",
        b"big",
        b"blockquote",
        b"body",
        b"br",
        b"center",
        b"code",
        b"dd",
        b"div",
        b"dl",
        b"dt",
        b"em",
        b"embed",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"head",
        b"hr",
        b"i",
        b"img",
        b"li",
        b"listing",
        b"menu",
        b"meta",
        b"nobr",
        b"ol",
        b"p",
        b"pre",
        b"ruby",
        b"s",
        b"small",
        b"span",
        b"strong",
        b"strike",
        b"sub",
        b"sup",
        b"table",
        b"tt",
        b"u",
        b"ul",
        b"var",
        b"font",
    ];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Attributes that no stage of rinse reads and that are a tenth of a news page's markup: `data-*` (but `data-src`, a
/// lazy image's source, and `data-testid`, a byline hint), `srcset`, `sizes`, and `on*` event handlers. Lower-case
/// names.
pub fn is_unread_attribute(name: &[u8]) -> bool {
    (name.starts_with(b"data-") && name != b"data-src" && name != b"data-testid")
        || name == b"srcset"
        || name == b"sizes"
        || (name.starts_with(b"on") && name.len() > 2)
}

/// Cuts the content of hidden elements, the unread attributes of start tags (except those `keep` names) and the
/// indentation between tags (see the module documentation), and measures the deepest nesting of the result (see
/// [`MAX_DEPTH`]).
pub fn strip_hidden<'a>(text: &'a str, keep: &dyn Fn(&[u8]) -> bool) -> Lean<'a> {
    let bytes = text.as_bytes();
    let mut cuts: Vec<Range<usize>> = Vec::new();
    let mut lower = Vec::new();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    // Cleared where the scanner could stop agreeing with html5ever; the scan goes on for the depth alone.
    let mut cutting = true;
    let mut tags = Tags::new(text);
    tags.attributes = Some(Vec::new());
    // Whether white space may still be collapsed: not from the first `<pre>` or `<listing>` on, where it is
    // content.
    let mut collapsing = true;
    let mut base = false;
    loop {
        // The text before the tag starts where the scanner stood.
        let text_start = tags.at;
        let Some(tag) = tags.next() else {
            break;
        };
        let name = tag.name(bytes);
        base |= !tag.end && name.eq_ignore_ascii_case(b"base");
        if collapsing && cutting {
            collapse_space(bytes, text_start..tag.range.start, &mut cuts);
            collapsing = tag.end
                || !(name.eq_ignore_ascii_case(b"pre") || name.eq_ignore_ascii_case(b"listing"));
        }
        if let Some(found) = tags.attributes.as_mut() {
            if cutting && !tag.end {
                for attribute in found.iter() {
                    // Most attributes are `class`, `href`, `id`, `src`: rejected by their first letter.
                    if !matches!(bytes[attribute.name.start] | 0x20, b'd' | b'o' | b's') {
                        continue;
                    }
                    lower.clear();
                    lower.extend(
                        bytes[attribute.name.clone()]
                            .iter()
                            .map(u8::to_ascii_lowercase),
                    );
                    if is_unread_attribute(&lower) && !keep(&lower) {
                        cuts.push(attribute.cut.clone());
                    }
                }
            }
            found.clear();
        }
        if tag.kind == NameKind::Nesting && !tag.self_closed {
            if tag.end {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
            continue;
        }
        if tag.end || !cutting {
            continue;
        }
        match tag.kind {
            NameKind::HiddenRawText => cuts.extend(tag.content),
            NameKind::Script => {
                let Some(content) = tag.content else { continue };
                let body = &bytes[content.clone()];
                if memchr::memmem::find(body, b"<!--").is_some()
                    && contains_ignore_case(body, b"<script")
                {
                    // A comment-escaped `<script>` inside a script: html5ever may read past the first `</script>`.
                    cutting = false;
                } else if !is_json_ld(&bytes[tag.range.clone()]) {
                    cuts.push(content);
                }
            }
            NameKind::Svg if !tag.self_closed => match svg_content(bytes, tag.range.end) {
                Some(content) => {
                    tags.at = content.end;
                    cuts.push(content);
                }
                None => cutting = false,
            },
            NameKind::Math | NameKind::Plaintext => cutting = false,
            _ => {}
        }
    }
    let lean = |text| Lean {
        text,
        depth: deepest,
        may_have_base: base || !cutting,
    };
    if cuts.is_empty() {
        return lean(Cow::Borrowed(text));
    }
    let kept = text.len() - cuts.iter().map(|c| c.len()).sum::<usize>();
    let mut out = String::with_capacity(kept);
    let mut last = 0;
    for cut in cuts {
        out.push_str(&text[last..cut.start]);
        last = cut.end;
    }
    out.push_str(&text[last..]);
    lean(Cow::Owned(out))
}

/// Cuts the runs of white space that start and end `bytes[range]`, the text between two tags, down to one
/// character each: a line break if the run holds one, else its first character. Indentation between tags is a
/// tenth of a page's markup; white space inside text is left as it is.
fn collapse_space(bytes: &[u8], range: Range<usize>, cuts: &mut Vec<Range<usize>>) {
    let text = &bytes[range.clone()];
    let lead = text.iter().take_while(|b| is_space(**b)).count();
    collapse_run(bytes, range.start..range.start + lead, cuts);
    if lead < text.len() {
        let trail = text.iter().rev().take_while(|b| is_space(**b)).count();
        collapse_run(bytes, range.end - trail..range.end, cuts);
    }
}

/// Cuts the white space `bytes[run]` down to one character (see [`collapse_space`]).
fn collapse_run(bytes: &[u8], run: Range<usize>, cuts: &mut Vec<Range<usize>>) {
    if run.len() < 2 {
        return;
    }
    let space = &bytes[run.clone()];
    let keep = run.start
        + memchr::memchr(b'\n', space)
            .or_else(|| memchr::memchr(b'\r', space))
            .unwrap_or(0);
    for cut in [run.start..keep, keep + 1..run.end] {
        if !cut.is_empty() {
            cuts.push(cut);
        }
    }
}

/// Whether a `<script …>` start tag declares JSON-LD.
fn is_json_ld(start_tag: &[u8]) -> bool {
    contains_ignore_case(start_tag, b"ld+json")
}

/// Whether `needle` occurs in `haystack`, ASCII case ignored.
pub(crate) fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty()
        || haystack
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

/// The content of an `<svg>` element whose start tag ends at `from`, when its end is certain: every end tag inside
/// closes an element opened inside, and nothing makes html5ever leave SVG (HTML start tags, `</p>`, `</br>`, MathML,
/// CDATA).
fn svg_content(bytes: &[u8], from: usize) -> Option<Range<usize>> {
    let tags = Tags {
        bytes,
        at: from,
        foreign: true,
        attributes: None,
    };
    // The elements open inside the SVG, the `<svg>` itself first.
    let mut open: Vec<&[u8]> = vec![b"svg"];
    for tag in tags {
        let name = tag.name(bytes);
        if tag.end {
            let at = open.iter().rposition(|n| n.eq_ignore_ascii_case(name))?;
            if name.eq_ignore_ascii_case(b"p") || name.eq_ignore_ascii_case(b"br") {
                return None;
            }
            open.truncate(at);
            if open.is_empty() {
                let content = from..tag.range.start;
                return memchr::memmem::find(&bytes[content.clone()], b"<![CDATA[")
                    .is_none()
                    .then_some(content);
            }
            continue;
        }
        if breaks_out_of_foreign_content(name) || tag.kind == NameKind::Math {
            return None;
        }
        if tag.self_closed {
            continue;
        }
        // `title`, `desc` and `foreignObject` hold HTML, where `<script>` is raw text again: accept them only as
        // plain text up to their end tag (`<title>Share</title>`, the common case).
        if [&b"title"[..], b"desc", b"foreignobject"]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name))
        {
            let next = tag.range.end + memchr::memchr(b'<', &bytes[tag.range.end..])?;
            if !is_end_tag_at(bytes, next, name) {
                return None;
            }
        }
        open.push(name);
    }
    None
}

/// Drops start and end tags that nest deeper than `max_depth`, for a text that [`strip_hidden`] found nesting
/// deeper (no real page does).
fn limit_depth(text: &str, max_depth: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut depth = 0usize;
    // Depths of the start tags that were dropped, so that their end tags go too.
    let mut dropped = 0usize;
    for tag in Tags::new(text).filter(|t| t.kind == NameKind::Nesting && !t.self_closed) {
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
    out
}

/// A tag found by the scanner.
#[derive(Debug)]
struct Tag {
    /// From `<` to just past `>`.
    range: Range<usize>,
    /// Where the name starts.
    name_start: usize,
    name_len: usize,
    end: bool,
    /// Written `<x/>`.
    self_closed: bool,
    kind: NameKind,
    /// For a raw-text start tag: its content, up to the end tag (or the end of the text).
    content: Option<Range<usize>>,
}

impl Tag {
    fn name<'a>(&self, bytes: &'a [u8]) -> &'a [u8] {
        &bytes[self.name_start..self.name_start + self.name_len]
    }
}

/// A scanner over the tags of an HTML text that follows html5ever's tokenizer where it decides what is a tag: it
/// skips comments (`<!-->` and `--!>` included), bogus comments (`<!x>`, `<?x>`, `</ x>`), and raw-text content,
/// honours quotes only where an attribute value starts, and takes a tag name up to whitespace, `/` or `>`.
struct Tags<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Inside SVG, where raw-text elements do not exist and every tag is markup.
    foreign: bool,
    /// When set, receives the attributes of each tag found (cleared by the caller).
    attributes: Option<Vec<Attribute>>,
}

/// An attribute found by the scanner.
#[derive(Debug, Clone)]
struct Attribute {
    /// Its name.
    name: Range<usize>,
    /// What to cut to remove it: the white space or `/` before it, its name, and its value.
    cut: Range<usize>,
}

impl<'a> Tags<'a> {
    fn new(text: &'a str) -> Self {
        Tags {
            bytes: text.as_bytes(),
            at: 0,
            foreign: false,
            attributes: None,
        }
    }
}

impl Iterator for Tags<'_> {
    type Item = Tag;

    fn next(&mut self) -> Option<Tag> {
        let bytes = self.bytes;
        loop {
            let start = self.at + memchr::memchr(b'<', bytes.get(self.at..)?)?;
            let rest = &bytes[start + 1..];
            if rest.starts_with(b"!--") {
                self.at = comment_end(bytes, start + 4);
                continue;
            }
            let end = rest.first() == Some(&b'/');
            let name_start = start + 1 + usize::from(end);
            match bytes.get(name_start) {
                Some(b) if b.is_ascii_alphabetic() => {}
                // `</>` is dropped; `<!…>`, `<?…>` and `</…>` without a name are bogus comments up to `>`.
                Some(b'>') if end => {
                    self.at = name_start + 1;
                    continue;
                }
                Some(b'!' | b'?') if !end => {
                    self.at = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| start + 1 + e + 1);
                    continue;
                }
                Some(_) if end => {
                    self.at = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| start + 1 + e + 1);
                    continue;
                }
                // A lone `<` is text.
                _ => {
                    self.at = start + 1;
                    continue;
                }
            }
            let name_len = bytes[name_start..]
                .iter()
                .take_while(|b| !is(**b, SPACE | SLASH_OR_GT))
                .count();
            let (close, self_closed) =
                tag_end(bytes, name_start + name_len, self.attributes.as_mut());
            let name = &bytes[name_start..name_start + name_len];
            let kind = name_kind(name);
            self.at = close;
            let mut tag = Tag {
                range: start..close,
                name_start,
                name_len,
                end,
                self_closed,
                kind,
                content: None,
            };
            let raw = matches!(
                kind,
                NameKind::RawText | NameKind::HiddenRawText | NameKind::Script
            );
            if raw && !end && !self.foreign {
                let content_end = raw_text_end(bytes, close, name);
                tag.content = Some(close..content_end);
                self.at = content_end;
            }
            return Some(tag);
        }
    }
}

fn is_space(b: u8) -> bool {
    BYTE_CLASS[usize::from(b)] & SPACE != 0
}

/// White space as the tokenizer knows it.
const SPACE: u8 = 1;
/// `/` and `>`: end a tag name and an attribute name.
const SLASH_OR_GT: u8 = 2;
/// `=`: ends an attribute name.
const EQUALS: u8 = 4;

/// What each byte is to the tag scanner, looked up once per byte in its inner loops.
static BYTE_CLASS: [u8; 256] = {
    let mut class = [0u8; 256];
    class[b' ' as usize] = SPACE;
    class[b'\t' as usize] = SPACE;
    class[b'\n' as usize] = SPACE;
    class[b'\r' as usize] = SPACE;
    class[0x0c] = SPACE;
    class[b'/' as usize] = SLASH_OR_GT;
    class[b'>' as usize] = SLASH_OR_GT;
    class[b'=' as usize] = EQUALS;
    class
};

/// Whether `b` is in one of the classes of `mask`.
fn is(b: u8, mask: u8) -> bool {
    BYTE_CLASS[usize::from(b)] & mask != 0
}

/// The offset just past a comment whose text starts at `from` (just after `<!--`), as html5ever ends it: `<!-->` and
/// `<!--->` are empty comments, and both `-->` and `--!>` close one.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let rest = &bytes[from.min(bytes.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'-', &rest[at..]) {
        let dash = at + i;
        let after = &rest[dash..];
        if after.starts_with(b"-->") {
            return from + dash + 3;
        }
        if after.starts_with(b"--!>") {
            return from + dash + 4;
        }
        at = dash + 1;
    }
    bytes.len()
}

/// The offset of the end tag `</name` (followed by whitespace, `/` or `>`) closing a raw-text element whose content
/// starts at `from`, or the end of the text.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(i) = memchr::memmem::find(&bytes[at..], b"</") {
        let candidate = at + i;
        if is_end_tag_at(bytes, candidate, name) {
            return candidate;
        }
        at = candidate + 2;
    }
    bytes.len()
}

/// Whether `</name` followed by whitespace, `/` or `>` starts at `at` (ASCII case ignored).
fn is_end_tag_at(bytes: &[u8], at: usize, name: &[u8]) -> bool {
    let after = at + 2;
    bytes[at..].starts_with(b"</")
        && bytes.len() > after + name.len()
        && bytes[after..after + name.len()].eq_ignore_ascii_case(name)
        && (matches!(bytes[after + name.len()], b'/' | b'>') || is_space(bytes[after + name.len()]))
}

/// The offset just past the `>` closing a tag whose attributes start at `from`, following html5ever's attribute
/// states: a quote opens a value only right after `=`; an unquoted value runs to whitespace or `>`. Pushes the
/// attributes to `found` when given. Also tells whether the tag is self-closed: `/` right before `>`, outside a value.
fn tag_end(bytes: &[u8], from: usize, mut found: Option<&mut Vec<Attribute>>) -> (usize, bool) {
    let n = bytes.len();
    let mut i = from;
    // The previous attribute ended with a quoted value, after which a name may follow with nothing between.
    let mut after_quote = false;
    loop {
        let run = i;
        while i < n && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= n {
            return (n, false);
        }
        if bytes[i] == b'>' {
            return (i + 1, i > run && bytes[i - 1] == b'/');
        }
        // An attribute name; its first character may be `=`.
        let name_start = i;
        i += 1;
        while i < n && !is(bytes[i], SPACE | SLASH_OR_GT | EQUALS) {
            i += 1;
        }
        let name_end = i;
        let mut end = i;
        let follows_quote = after_quote && run == name_start;
        after_quote = false;
        while i < n && is_space(bytes[i]) {
            i += 1;
        }
        if i < n && bytes[i] == b'=' {
            i += 1;
            while i < n && is_space(bytes[i]) {
                i += 1;
            }
            if i >= n {
                return (n, false);
            }
            match bytes[i] {
                quote @ (b'"' | b'\'') => match memchr::memchr(quote, &bytes[i + 1..]) {
                    Some(close) => {
                        i += 1 + close + 1;
                        after_quote = true;
                    }
                    None => return (n, false),
                },
                b'>' => return (i + 1, false),
                _ => {
                    while i < n && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                }
            }
            end = i;
        }
        // Cutting must not join what comes before to what comes after: either nothing separated the attribute
        // from a quoted value before it, or white space or `>` follows it (`/` would extend an unquoted value).
        // Nor may an `=` come next, which would give a value to a name before.
        let separated = (follows_quote
            || bytes.get(end).is_some_and(|b| is_space(*b) || *b == b'>'))
            && bytes[end..].iter().find(|b| !is_space(**b)) != Some(&b'=');
        if let Some(found) = found.as_deref_mut().filter(|_| separated) {
            found.push(Attribute {
                name: name_start..name_end,
                cut: run..end,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(page: &str) -> String {
        strip_hidden(page, &|_| false).text.into_owned()
    }

    #[test]
    fn indentation_between_tags_is_collapsed_but_not_after_pre() {
        assert_eq!(
            stripped("<div>\n    <p>a  b  </p>  \r\n  <p>\tc</p>\n</div>"),
            "<div>\n<p>a  b </p>\n<p>\tc</p>\n</div>"
        );
        let code = "<p>x</p>  <pre>  a\n\n  b</pre>\n\n<p>  y</p>";
        assert_eq!(
            stripped(code),
            "<p>x</p> <pre>  a\n\n  b</pre>\n\n<p>  y</p>"
        );
    }

    #[test]
    fn ordinary_pages_are_untouched_by_the_depth_limit() {
        let page = "<html><body><div><p>a<p>b<ul><li>x<li>y</ul><!-- <div><div> --><script>if (a<b) {}</script></div>";
        assert!(strip_hidden(page, &|_| true).depth <= 3);
    }

    #[test]
    fn nesting_beyond_the_limit_is_flattened() {
        let page = format!("{}<p>deep</p>{}", "<div>".repeat(10), "</div>".repeat(10));
        assert_eq!(strip_hidden(&page, &|_| true).depth, 10);
        let limited = limit_depth(&page, 4);
        assert_eq!(
            limited,
            format!("{}<p>deep</p>{}", "<div>".repeat(4), "</div>".repeat(4))
        );
    }

    #[test]
    fn quoted_angle_brackets_do_not_end_a_tag() {
        let page = "<div title=\"a > b\"><div>x</div></div>";
        assert!(strip_hidden(page, &|_| true).depth <= 2);
    }

    #[test]
    fn hidden_content_is_cut_and_json_ld_kept() {
        let page = concat!(
            "<head><style>p{}</style><script type='application/ld+json'>{\"a\":1}</script>",
            "<script>if (a<b) x()</script></head><body><noscript><img src=x></noscript>",
            "<p>text</p><svg viewBox='0 0 1 1'><path d='M0'/><g><svg></svg></g></svg><p>more</p></body>"
        );
        assert_eq!(
            stripped(page),
            concat!(
                "<head><style></style><script type='application/ld+json'>{\"a\":1}</script>",
                "<script></script></head><body><noscript></noscript>",
                "<p>text</p><svg viewBox='0 0 1 1'></svg><p>more</p></body>"
            )
        );
    }

    #[test]
    fn a_raw_text_end_tag_needs_a_delimiter() {
        assert_eq!(
            stripped("<style>a</styles>b</style >c"),
            "<style></style >c"
        );
    }

    #[test]
    fn cutting_stops_where_html5ever_could_read_differently() {
        for page in [
            "<script><!--<script>x</script>y--></script><style>z</style>",
            "<svg><p>breakout</p></svg><style>z</style>",
            "<svg><![CDATA[x]]></svg><style>z</style>",
            "<math><mi>x</mi></math><style>z</style>",
        ] {
            assert!(stripped(page).ends_with("<style>z</style>"), "{page}");
        }
    }

    #[test]
    fn comments_end_where_html5ever_ends_them() {
        assert_eq!(stripped("<!--><style>a</style>"), "<!--><style></style>");
        assert_eq!(
            stripped("<!-- x --!><style>a</style>"),
            "<!-- x --!><style></style>"
        );
        assert_eq!(
            stripped("<!-- <style> -->a</style>"),
            "<!-- <style> -->a</style>"
        );
    }

    #[test]
    fn quotes_count_only_at_the_start_of_a_value() {
        assert_eq!(
            stripped("<p class=a\"b><style>x</style>\""),
            "<p class=a\"b><style></style>\""
        );
        assert_eq!(stripped("</ x><style>y</style>"), "</ x><style></style>");
    }

    /// The tree of a page with its hidden content cut equals html5ever's tree of the whole page with the children of
    /// those elements removed.
    #[test]
    fn cutting_matches_html5ever_on_tricky_markup() {
        let pages = [
            "<p>a<script>document.write('</scr' + 'ipt>')</script>b</p>",
            "<div title='<script>'>x</div><script>y</script>",
            "<svg><style>.a{}</style><script>x</script><title>t</title></svg><p>after</p>",
            "<table><tr><td><style>x</style>cell</td></tr></table>",
            "<p>1 < 2 <script/>still script</script> 3</p>",
            "<a href=x/><style>q</style>",
            "<SCRIPT>X</SCRIPT ><StYlE>y</sTyLe>z",
            "<noscript><p>no</p></noscript><p>yes</p>",
            "<svg><svg/><svg><path/></svg></svg>tail",
        ];
        for page in pages {
            assert_eq!(
                without_hidden(parse(page)),
                render_without_hidden(page),
                "{page}"
            );
        }
    }

    fn render_without_hidden(page: &str) -> String {
        without_hidden(Html::parse_document(page))
    }

    /// html5ever's tree with the children of hidden elements and the unread attributes removed, written out with
    /// attributes in order, and with each run of white space in text shown as one character (a line break or a
    /// space), except inside `<pre>`, `<listing>` and `<textarea>`, where the text is shown as it is.
    fn without_hidden(html: Html) -> String {
        use ego_tree::iter::Edge;
        use scraper::Node;
        let mut out = String::new();
        let mut hidden_depth = 0usize;
        let mut verbatim_depth = 0usize;
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => {
                    if hidden_depth > 0 {
                        hidden_depth += 1;
                        continue;
                    }
                    match node.value() {
                        Node::Element(e) => {
                            let mut attrs: Vec<String> = e
                                .attrs()
                                .filter(|(name, _)| !is_unread_attribute(name.as_bytes()))
                                .map(|(name, value)| format!(" {name}={value:?}"))
                                .collect();
                            attrs.sort();
                            out.push_str(&format!("<{:?}{}>", e.name, attrs.concat()));
                            if matches!(e.name(), "pre" | "listing" | "textarea") {
                                verbatim_depth += 1;
                            }
                            let hides = matches!(e.name(), "style" | "noscript" | "svg")
                                || (e.name() == "script"
                                    && !e.attr("type").is_some_and(|t| t.contains("ld+json")));
                            if hides {
                                hidden_depth = 1;
                            }
                        }
                        Node::Text(t) if verbatim_depth > 0 => out.push_str(&format!("{:?}", &**t)),
                        Node::Text(t) => out.push_str(&format!("{:?}", one_space_per_run(t))),
                        Node::Comment(c) => out.push_str(&format!("<!--{:?}-->", &**c)),
                        other => out.push_str(&format!("{other:?}")),
                    }
                }
                Edge::Close(node) => {
                    if hidden_depth > 1 {
                        hidden_depth -= 1;
                        continue;
                    }
                    hidden_depth = 0;
                    if let Node::Element(e) = node.value() {
                        out.push_str(&format!("</{}>", e.name()));
                        if matches!(e.name(), "pre" | "listing" | "textarea") {
                            verbatim_depth -= 1;
                        }
                    }
                }
            }
        }
        out
    }

    /// `text` with each run of white space replaced by a line break if it holds one, else by a space.
    fn one_space_per_run(text: &str) -> String {
        let mut out = String::new();
        let mut run = String::new();
        for c in text.chars().chain(['x']) {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                run.push(c);
                continue;
            }
            if !run.is_empty() {
                out.push(if run.contains(['\n', '\r']) {
                    '\n'
                } else {
                    ' '
                });
                run.clear();
            }
            out.push(c);
        }
        out.pop();
        out
    }

    /// Pieces of markup chosen to trip a scanner that disagrees with html5ever.
    const PIECES: &[&str] = &[
        "<script>",
        "</script>",
        "</script ",
        "<script type=application/ld+json>",
        "<style>",
        "</style>",
        "<noscript>",
        "</noscript>",
        "<svg>",
        "</svg>",
        "<svg/>",
        "<math>",
        "<p>",
        "</p>",
        "<div class=",
        "\"",
        "'",
        "=",
        ">",
        "<",
        "</",
        "<!--",
        "-->",
        "--!>",
        "<!",
        "<?",
        "<![CDATA[",
        "]]>",
        "x",
        " ",
        "/",
        "<b>",
        "<title>",
        "</title>",
        "<textarea>",
        "<table>",
        "<td>",
        "<template>",
        "</template>",
        "<select>",
        "<plaintext>",
        "<a href=x/>",
        "&lt;",
        "<desc>",
        "<foreignObject>",
        "</div>",
        "<div>",
        "</br>",
        "<SVG>",
        "</svg >",
        "<iframe>",
        "<g>",
        "</g>",
        "<font color=red>",
        " data-x=1",
        " onclick='a()'",
        " srcset=\"a 1x\"",
        " data-src=z",
        " class=k",
        "/data-y",
        " DATA-Z = 'q'",
        " sizes",
        "\t",
        "<img",
        "<svg data-q=2",
        "<pre>",
        "</pre>",
        "<listing>",
        "\n",
        "  \n\t ",
        "\r\n  ",
        "<base href=b>",
        "<BASE",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Cutting changes nothing but the content of hidden elements.
        #[test]
        fn cutting_only_empties_hidden_elements(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40)
        ) {
            let page: String = picks.iter().map(|&i| PIECES[i]).collect();
            proptest::prop_assert_eq!(without_hidden(parse(&page)), render_without_hidden(&page), "{}", page);
            let parsed = parse_page(&page, &|_| false);
            let has_base = parsed
                .html
                .root_element()
                .descendants()
                .any(|n| n.value().as_element().is_some_and(|e| e.name() == "base"));
            proptest::prop_assert!(parsed.may_have_base || !has_base, "{}", page);
        }
    }
}
