//! The tag scanner: the tags of an HTML text as html5ever's tokenizer finds them, their names classified for the
//! prescan ([`super::prescan`]).

use std::ops::Range;

/// Whether `needle` occurs in `haystack`, ASCII case ignored.
pub(crate) fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    // Only where the first byte stands, in either case.
    memchr::memchr2_iter(
        first.to_ascii_lowercase(),
        first.to_ascii_uppercase(),
        haystack,
    )
    .any(|at| {
        haystack
            .get(at + 1..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(rest))
    })
}

/// What the scanner needs to know about a tag name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NameKind {
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

pub(super) fn name_kind(name: &[u8]) -> NameKind {
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

/// A tag found by the scanner.
#[derive(Debug)]
pub(super) struct Tag {
    /// From `<` to just past `>`.
    pub(super) range: Range<usize>,
    /// Where the name starts.
    name_start: usize,
    name_len: usize,
    pub(super) end: bool,
    /// Written `<x/>`.
    pub(super) self_closed: bool,
    pub(super) kind: NameKind,
    /// For a raw-text start tag: its content, up to the end tag (or the end of the text).
    pub(super) content: Option<Range<usize>>,
    /// How many attributes it has.
    pub(super) attributes: usize,
}

impl Tag {
    pub(super) fn name<'a>(&self, bytes: &'a [u8]) -> &'a [u8] {
        &bytes[self.name_start..self.name_start + self.name_len]
    }
}

/// A scanner over the tags of an HTML text that follows html5ever's tokenizer where it decides what is a tag: it
/// skips comments (`<!-->` and `--!>` included), bogus comments (`<!x>`, `<?x>`, `</ x>`), and raw-text content,
/// honours quotes only where an attribute value starts, and takes a tag name up to whitespace, `/` or `>`.
pub(super) struct Tags<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
    /// Inside SVG, where raw-text elements do not exist and every tag is markup.
    pub(super) foreign: bool,
    /// When set, receives the attributes of each tag found that may be unread ones (see [`tag_end`]; cleared by the
    /// caller).
    pub(super) attributes: Option<Vec<Attribute>>,
    /// When set, receives the comments skipped before each tag found, `<!x>` and `</ x>` included (each a comment
    /// node to html5ever; cleared by the caller).
    pub(super) comments: Option<Vec<Range<usize>>>,
}

/// An attribute found by the scanner.
#[derive(Debug, Clone)]
pub(super) struct Attribute {
    /// Its name.
    pub(super) name: Range<usize>,
    /// What to cut to remove it: the white space or `/` before it, its name, and its value.
    pub(super) cut: Range<usize>,
}

impl<'a> Tags<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Tags {
            bytes: text.as_bytes(),
            at: 0,
            foreign: false,
            attributes: None,
            comments: None,
        }
    }

    /// Records the comment from `start` to where the scanner now stands.
    fn skipped(&mut self, start: usize) {
        if let Some(comments) = self.comments.as_mut() {
            comments.push(start..self.at);
        }
    }
}

impl Iterator for Tags<'_> {
    type Item = Tag;

    fn next(&mut self) -> Option<Tag> {
        let bytes = self.bytes;
        let (start, end, name_start) = self.tag_start()?;
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| !is(**b, SPACE | SLASH_OR_GT))
            .count();
        let name = &bytes[name_start..name_start + name_len];
        let every = name.eq_ignore_ascii_case(b"link");
        let (close, self_closed, attributes) = tag_end(
            bytes,
            name_start + name_len,
            self.attributes.as_mut(),
            every,
        );
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
            attributes,
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
        Some(tag)
    }
}

impl Tags<'_> {
    /// Finds the next tag, skipping comments and text: where its `<` is, whether it is an end tag, and where its
    /// name starts. The scanner stands at the `<`.
    fn tag_start(&mut self) -> Option<(usize, bool, usize)> {
        let bytes = self.bytes;
        loop {
            let start = self.at + memchr::memchr(b'<', bytes.get(self.at..)?)?;
            self.at = start;
            let rest = &bytes[start + 1..];
            if rest.starts_with(b"!--") {
                self.at = comment_end(bytes, start + 4);
                self.skipped(start);
                continue;
            }
            let end = rest.first() == Some(&b'/');
            let name_start = start + 1 + usize::from(end);
            match bytes.get(name_start) {
                Some(b) if b.is_ascii_alphabetic() => return Some((start, end, name_start)),
                // `</>` is dropped; `<!…>`, `<?…>` and `</…>` without a name are bogus comments up to `>`.
                Some(b'>') if end => self.at = name_start + 1,
                Some(b'!' | b'?') if !end => {
                    self.at = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| start + 1 + e + 1);
                    self.skipped(start);
                }
                Some(_) if end => {
                    self.at = memchr::memchr(b'>', rest).map_or(bytes.len(), |e| start + 1 + e + 1);
                    self.skipped(start);
                }
                // A lone `<` is text.
                _ => self.at = start + 1,
            }
        }
    }
}

/// Whether the scanner finds a tag in `bytes` from `at` on, in the data state.
pub(super) fn tag_ahead(bytes: &[u8], at: usize) -> bool {
    let mut tags = Tags {
        bytes,
        at,
        foreign: false,
        attributes: None,
        comments: None,
    };
    tags.tag_start().is_some()
}

pub(super) fn is_space(b: u8) -> bool {
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
pub(super) fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
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
pub(super) fn is_end_tag_at(bytes: &[u8], at: usize, name: &[u8]) -> bool {
    let after = at + 2;
    bytes[at..].starts_with(b"</")
        && bytes.len() > after + name.len()
        && bytes[after..after + name.len()].eq_ignore_ascii_case(name)
        && (matches!(bytes[after + name.len()], b'/' | b'>') || is_space(bytes[after + name.len()]))
}

/// The most attributes of one tag that [`tag_end`] pushes: the others of a tag with thousands stay (and count in
/// [`super::Lean::cost`]), so that the scanner's own memory stays bounded.
pub(super) const MAX_FOUND: usize = 256;

/// The offset just past the `>` closing a tag whose attributes start at `from`, following html5ever's attribute
/// states: a quote opens a value only right after `=`; an unquoted value runs to whitespace or `>`. Pushes to
/// `found`, when given, the attributes that can be cut and are unread ones ([`super::is_unread_attribute`]), or
/// `every` one that can be cut, at most [`MAX_FOUND`] of them. Also tells whether the tag is self-closed (`/` right
/// before `>`, outside a value) and how many attributes it has.
fn tag_end(
    bytes: &[u8],
    from: usize,
    mut found: Option<&mut Vec<Attribute>>,
    every: bool,
) -> (usize, bool, usize) {
    let n = bytes.len();
    let mut i = from;
    let mut count = 0;
    // The previous attribute ended with a quoted value, after which a name may follow with nothing between.
    let mut after_quote = false;
    loop {
        let run = i;
        while i < n && (is_space(bytes[i]) || bytes[i] == b'/') {
            i += 1;
        }
        if i >= n {
            return (n, false, count);
        }
        if bytes[i] == b'>' {
            return (i + 1, i > run && bytes[i - 1] == b'/', count);
        }
        count += 1;
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
                return (n, false, count);
            }
            match bytes[i] {
                quote @ (b'"' | b'\'') => match memchr::memchr(quote, &bytes[i + 1..]) {
                    Some(close) => {
                        i += 1 + close + 1;
                        after_quote = true;
                    }
                    None => return (n, false, count),
                },
                b'>' => return (i + 1, false, count),
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
        if let Some(found) = found.as_deref_mut().filter(|f| {
            separated
                && f.len() < MAX_FOUND
                && (every || super::is_unread_attribute(&bytes[name_start..name_end]))
        }) {
            found.push(Attribute {
                name: name_start..name_end,
                cut: run..end,
            });
        }
    }
}
