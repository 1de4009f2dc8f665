//! The tokenizer: the lean text of a page cut into html5ever's tokens, handed straight to its tree builder.
//!
//! html5ever's own tokenizer reads a character at a time through a queue of buffers, and was two thirds of the
//! parse. This one reads bytes and hands html5ever's tree builder the same tokens for the common markup: text (with
//! `&name;` and `&#n;` references), start and end tags with their attributes, and the content of raw-text elements
//! (scripts, styles, titles), and plain comments. Anything else (other comments, doctypes, a reference without its `;`, a NUL, CDATA, a
//! script holding `<!--`, markup cut by the end of the text) goes to html5ever's tokenizer, one token at a time or
//! for the rest of the text, so that the tree is always the one html5ever builds; the tests compare the two.
//!
//! It reads the page itself, not the prescan's text: the prescan's cuts are made as it goes ([`Inline`]), which
//! spares a second scan of the page and a copy of its text. Where the prescan cannot be sure to cut as it would
//! in its own pass, and wherever the fast path would hand markup to html5ever's tokenizer, it gives up and the page
//! is parsed from the prescan's text ([`parse_document`]); the tests compare the two trees.

use std::cell::Cell;

use html5ever::interface::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::{RawKind, State};
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink as _};
use html5ever::{ns, Attribute, LocalName, QualName};
use scraper::{Html, HtmlTreeSink};

use super::prescan::{is_read_link, is_unread_attribute, AfterTag, Bail, Inline};
use super::tags::{is_space, raw_text_end};

/// The line number handed with every token: the tree builder only passes it on to the sink, which ignores it.
const LINE: u64 = 1;

type Builder = TreeBuilder<ego_tree::NodeId, HtmlTreeSink>;

/// Parses a whole document into the tree `Html::parse_document` builds of it.
pub(super) fn parse_document(text: &str) -> Html {
    let Ok(html) = parse(text, None) else {
        unreachable!("only the inline prescan gives up")
    };
    html
}

/// Parses a whole page in one pass with the prescan's cuts made inline ([`Inline`]): the tree that
/// [`parse_document`] builds of the text [`super::strip_hidden`] makes of it, with the `<base>` and templates the
/// prescan finds. `Err` where the two-pass way must decide.
pub(super) fn parse_page(text: &str, keep: &dyn Fn(&[u8]) -> bool) -> Result<super::Page, Bail> {
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut inline = Inline::new(keep, text.len(), bom);
    let html = parse(text, Some(&mut inline))?;
    Ok(super::Page {
        html,
        may_have_base: inline.base,
        templates: std::mem::take(&mut inline.templates),
    })
}

/// Parses a whole document, with the prescan inline when `inline` is given.
fn parse(text: &str, inline: Option<&mut Inline<'_>>) -> Result<Html, Bail> {
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts::default(),
    );
    // html5ever drops a byte order mark that starts the text.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        input: StrTendril::from_slice(text),
        builder: &builder,
        at: 0,
        inline,
    };
    reader.run()?;
    let _ = builder.process_token(Token::EOFToken, LINE);
    builder.end();
    Ok(builder.sink.finish())
}

/// The tokenizer's place in the text.
struct Reader<'a, 'i, 'k> {
    text: &'a str,
    bytes: &'a [u8],
    /// The text as one tendril, which text and attribute values are cut from without a copy.
    input: StrTendril,
    builder: &'a Builder,
    at: usize,
    /// The prescan, when it is made inline.
    inline: Option<&'i mut Inline<'k>>,
}

/// What the tree builder asked the tokenizer to read next, after a start tag.
enum Next {
    Data,
    /// The data state after a `</script>` or a tag naming an encoding, where html5ever's tokenizer returns to its
    /// driver, and the next call drops a byte order mark that stands first (`discard_bom` holds for every call).
    Resume,
    Raw(RawKind),
    Plaintext,
}

/// Markup the fast path leaves to html5ever's tokenizer.
struct Odd;

impl Reader<'_, '_, '_> {
    /// Reads the text in the data state up to its end.
    fn run(&mut self) -> Result<(), Bail> {
        let len = self.bytes.len();
        while self.at < len {
            let start = self.at;
            let end = self.text_end(start);
            if start < end {
                self.text_piece(start..end)?;
                self.at = end;
                continue;
            }
            // A `<` that opens markup.
            let next = match self.bytes.get(start + 1) {
                Some(b'!' | b'?') => {
                    if let Some(inline) = self.inline.as_mut() {
                        inline.comment()?;
                    }
                    if let Some(end) = self.comment(start) {
                        self.at = end;
                        continue;
                    }
                    let Some(end) = self.declaration_end(start) else {
                        return self.rest(start, State::Data, None);
                    };
                    self.html5ever(start..end);
                    self.at = end;
                    continue;
                }
                Some(b'/')
                    if !self
                        .bytes
                        .get(start + 2)
                        .is_some_and(u8::is_ascii_alphabetic) =>
                {
                    // `</>` is dropped; `</` before anything else but a letter is a bogus comment to the next `>`.
                    let Some(gt) = memchr::memchr(b'>', &self.bytes[start..]) else {
                        return self.rest(start, State::Data, None);
                    };
                    if let Some(inline) = self.inline.as_mut().filter(|_| gt > 2) {
                        inline.comment()?;
                    }
                    self.html5ever(start..start + gt + 1);
                    self.at = start + gt + 1;
                    continue;
                }
                _ => match self.tag(start)? {
                    Some(next) => next,
                    None => return self.rest(start, State::Data, None),
                },
            };
            match next {
                (_, _, AfterTag::Skip(to)) => self.at = to,
                (Next::Raw(_), _, AfterTag::Cut(to)) => {
                    // The content of a hidden element, cut: the tree builder gets it empty.
                    self.emit(self.slice(self.at..self.at));
                    self.at = to;
                }
                (_, _, AfterTag::Cut(_)) => return Err(Bail),
                (Next::Data, _, AfterTag::Read) => {}
                (Next::Resume, _, AfterTag::Read) => {
                    if self.text[self.at..].starts_with('\u{feff}') {
                        self.at += '\u{feff}'.len_utf8();
                    }
                }
                (Next::Raw(kind), name, AfterTag::Read) => {
                    if !self.raw(kind, &name)? {
                        return Ok(());
                    }
                }
                (Next::Plaintext, _, AfterTag::Read) => {
                    return self.rest(self.at, State::Plaintext, None);
                }
            }
        }
        Ok(())
    }

    /// Emits the text `range` between two pieces of markup, the white space that the prescan collapses collapsed.
    fn text_piece(&self, range: std::ops::Range<usize>) -> Result<(), Bail> {
        let Some(inline) = self.inline.as_deref() else {
            if self.text(range.clone(), true).is_err() {
                self.html5ever(range);
            }
            return Ok(());
        };
        let [lead, trail] = inline.runs(self.bytes, range.clone());
        if lead.is_none() && trail.is_none() {
            return self.text(range, true).map_err(|Odd| Bail);
        }
        // The text as the prescan leaves it, each run cut to the one byte it keeps: the same token.
        let mut out = StrTendril::new();
        let mut middle = range;
        if let Some((run, kept)) = lead {
            out.push_char(space_char(kept));
            middle.start = run.end;
        }
        if let Some((run, _)) = &trail {
            middle.end = run.start;
        }
        self.decode(middle, true, false, &mut out)
            .map_err(|Odd| Bail)?;
        if let Some((_, kept)) = trail {
            out.push_char(space_char(kept));
        }
        self.emit(out);
        Ok(())
    }

    /// Hands the rest of the text from `from` to html5ever's tokenizer (see [`Reader::html5ever_rest`]), unless the
    /// prescan is inline: it gives up there.
    fn rest(
        &mut self,
        from: usize,
        state: State,
        last_tag: Option<&LocalName>,
    ) -> Result<(), Bail> {
        if self.inline.is_some() {
            return Err(Bail);
        }
        self.html5ever_rest(from, state, last_tag);
        Ok(())
    }

    /// Where the text that starts at `from` ends: at the next `<` that opens markup (a letter, `!`, `/` or `?`
    /// after it), or at the end.
    fn text_end(&self, from: usize) -> usize {
        let mut at = from;
        while let Some(lt) = memchr::memchr(b'<', &self.bytes[at..]) {
            let lt = at + lt;
            match self.bytes.get(lt + 1) {
                Some(b) if b.is_ascii_alphabetic() || matches!(b, b'!' | b'/' | b'?') => return lt,
                // A `<` at the very end is text too.
                _ => at = lt + 1,
            }
        }
        self.bytes.len()
    }

    /// Where a `<!…>` or `<?…>` that starts at `at` ends, or `None` when it runs to the end of the text or is
    /// CDATA (which html5ever reads by the tree's namespace).
    fn declaration_end(&self, at: usize) -> Option<usize> {
        let rest = &self.bytes[at..];
        if rest.starts_with(b"<!--") {
            // `<!-->` and `<!--->` end at once; otherwise the first `-->` or `--!>`.
            let dashes = memchr::memmem::find(&rest[2..], b"-->").map(|i| 2 + i + 3);
            // A `--!>` ends the comment first only when it stands before that `-->` ends: no need to look on.
            let bang = memchr::memmem::find(&rest[4..dashes.unwrap_or(rest.len()).max(4)], b"--!>")
                .map(|i| 4 + i + 4);
            return match (dashes, bang) {
                (Some(a), Some(b)) => Some(at + a.min(b)),
                (Some(a), None) | (None, Some(a)) => Some(at + a),
                (None, None) => None,
            };
        }
        if rest.starts_with(b"<![CDATA[") {
            return None;
        }
        // A doctype or a bogus comment: both end at the first `>`.
        memchr::memchr(b'>', rest).map(|gt| at + gt + 1)
    }

    /// Hands the tree builder the comment that starts at `at` when it is a plain one (`<!--`, text that starts
    /// with neither `>` nor `-` and holds neither `--!` nor a NUL, then `-->`), and returns where it ends.
    fn comment(&self, at: usize) -> Option<usize> {
        let body = at + 4;
        if !self.bytes[at..].starts_with(b"<!--")
            || matches!(self.bytes.get(body), None | Some(b'>' | b'-'))
        {
            return None;
        }
        let close = body + memchr::memmem::find(&self.bytes[body..], b"-->")?;
        let content = &self.bytes[body..close];
        if memchr::memmem::find(content, b"--!").is_some()
            || memchr::memchr(b'\0', content).is_some()
        {
            return None;
        }
        let data = if memchr::memchr(b'\r', content).is_none() {
            self.slice(body..close)
        } else {
            let mut out = StrTendril::new();
            self.decode(body..close, false, false, &mut out).ok()?;
            out
        };
        let _ = self.builder.process_token(Token::CommentToken(data), LINE);
        Some(close + 3)
    }

    /// Emits the text `range` as character tokens, its character references read when `refs` (data and RCDATA).
    /// `Err` when it holds what the fast path leaves to html5ever: a NUL or a reference other than a complete
    /// `&name;` or a plain `&#n;`.
    fn text(&self, range: std::ops::Range<usize>, refs: bool) -> Result<(), Odd> {
        let chunk = &self.bytes[range.clone()];
        let special = if refs {
            memchr::memchr3(b'&', b'\r', b'\0', chunk)
        } else {
            memchr::memchr2(b'\r', b'\0', chunk)
        };
        if special.is_none() {
            self.emit(self.slice(range));
            return Ok(());
        }
        let mut out = StrTendril::new();
        self.decode(range, refs, false, &mut out)?;
        if !out.is_empty() {
            self.emit(out);
        }
        Ok(())
    }

    /// Appends the text `range` to `out`, line breaks normalised and references read when `refs`.
    fn decode(
        &self,
        range: std::ops::Range<usize>,
        refs: bool,
        attribute: bool,
        out: &mut StrTendril,
    ) -> Result<(), Odd> {
        let mut at = range.start;
        let mut last = at;
        while at < range.end {
            match self.bytes[at] {
                b'\0' => return Err(Odd),
                b'\r' => {
                    out.push_slice(&self.text[last..at]);
                    out.push_char('\n');
                    at += 1;
                    if self.bytes.get(at) == Some(&b'\n') && at < range.end {
                        at += 1;
                    }
                    last = at;
                }
                b'&' if refs => {
                    out.push_slice(&self.text[last..at]);
                    at = self.reference(at, range.end, attribute, out)?;
                    last = at;
                }
                _ => at += 1,
            }
        }
        out.push_slice(&self.text[last..range.end]);
        Ok(())
    }

    /// Reads the character reference at `at` (its `&`) into `out` and returns where it ends. An `&` before
    /// anything but a letter, a digit or `#` is itself.
    fn reference(
        &self,
        at: usize,
        end: usize,
        attribute: bool,
        out: &mut StrTendril,
    ) -> Result<usize, Odd> {
        let bytes = &self.bytes[..end];
        match bytes.get(at + 1) {
            Some(b'#') => {
                let (digits, radix) = match bytes.get(at + 2) {
                    Some(b'x' | b'X') => (at + 3, 16),
                    _ => (at + 2, 10),
                };
                let len = bytes[digits..]
                    .iter()
                    .take_while(|b| (**b as char).is_digit(radix))
                    .count();
                if len == 0 || len > 6 || bytes.get(digits + len) != Some(&b';') {
                    return Err(Odd);
                }
                let value = u32::from_str_radix(&self.text[digits..digits + len], radix)
                    .map_err(|_| Odd)?;
                out.push_char(plain_char(value).ok_or(Odd)?);
                Ok(digits + len + 1)
            }
            Some(b) if b.is_ascii_alphanumeric() => {
                let len = bytes[at + 1..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
                let name = &self.text[at + 1..at + 1 + len];
                if bytes.get(at + 1 + len) == Some(&b';') {
                    if let Some(chars) = entity(&self.text[at + 1..at + 2 + len]) {
                        push_entity(out, chars)?;
                        return Ok(at + 2 + len);
                    }
                }
                // No `name;`: the longest name without `;` that starts the letters (`&copy2024`), the rest text.
                let Some((k, chars)) = (1..=len).rev().find_map(|k| Some((k, entity(&name[..k])?)))
                else {
                    out.push_slice(&self.text[at..at + 1 + len]);
                    return Ok(at + 1 + len);
                };
                let after = bytes.get(at + 1 + k).or(self.bytes.get(at + 1 + k));
                if attribute && after.is_some_and(|b| *b == b'=' || b.is_ascii_alphanumeric()) {
                    // In an attribute such a name is no reference (`?a=1&copy=2`).
                    out.push_slice(&self.text[at..at + 1 + k]);
                } else {
                    push_entity(out, chars)?;
                }
                Ok(at + 1 + k)
            }
            Some(_) => {
                out.push_char('&');
                Ok(at + 1)
            }
            // An `&` at the end of the text: html5ever waits for more.
            None if end == self.bytes.len() => Err(Odd),
            // The character after the piece (`<`, a quote, white space or `>`) is no part of a reference.
            None => {
                out.push_char('&');
                Ok(at + 1)
            }
        }
    }

    /// A piece of the input, shared rather than copied.
    fn slice(&self, range: std::ops::Range<usize>) -> StrTendril {
        self.input
            .subtendril(range.start as u32, (range.end - range.start) as u32)
    }

    fn emit(&self, text: StrTendril) {
        let _ = self
            .builder
            .process_token(Token::CharacterTokens(text), LINE);
    }

    /// Reads the start or end tag at `at` (its `<`, before a letter or `/` and a letter), hands it to the tree
    /// builder, and returns what to read next with the tag's name, and what the inline prescan decided. `None`
    /// when the tag runs to the end of the text.
    fn tag(&mut self, at: usize) -> Result<Option<(Next, LocalName, AfterTag)>, Bail> {
        let bytes = self.bytes;
        let end_tag = bytes[at + 1] == b'/';
        let mut i = at + if end_tag { 2 } else { 1 };
        let mut odd = false;
        let name_start = i;
        while i < bytes.len()
            && !matches!(
                bytes[i],
                b'\t' | b'\n' | b'\x0c' | b' ' | b'/' | b'>' | b'\r' | b'\0'
            )
        {
            i += 1;
        }
        let raw_name = &bytes[name_start..i];
        let name = lower(&self.text[name_start..i]);
        let mut attrs: Vec<Attribute> = Vec::new();
        let mut duplicate = false;
        let mut self_closing = false;
        // The inline prescan's view of the attributes (see `prescan::Inline`): how many there are, how many the
        // tag scanner would find to cut, and those of a link, whose cut waits for the whole tag.
        let link = self.inline.is_some() && !end_tag && raw_name.eq_ignore_ascii_case(b"link");
        let mut count = 0usize;
        let mut cut = 0usize;
        let mut cuttable = 0usize;
        let mut deferred: Vec<(&str, StrTendril, bool)> = Vec::new();
        // Where the white space or `/` before the next attribute started, and whether the one before ended on a
        // quoted value.
        let mut run = i;
        let mut after_quote = false;
        // The states after the name: before an attribute name, until `>`.
        loop {
            let Some(&b) = bytes.get(i) else {
                return Ok(None);
            };
            match b {
                b'\t' | b'\n' | b'\x0c' | b' ' => i += 1,
                b'\r' | b'\0' => {
                    odd = true;
                    i += 1;
                }
                b'>' => {
                    i += 1;
                    break;
                }
                b'/' => {
                    i += 1;
                    if bytes.get(i) == Some(&b'>') {
                        self_closing = true;
                        i += 1;
                        break;
                    }
                }
                _ => {
                    // An attribute name: its first character may be anything (even `=`), then up to white space,
                    // `/`, `>` or `=`.
                    count += 1;
                    let attr_start = i;
                    let follows_quote = after_quote && run == attr_start;
                    after_quote = false;
                    i += 1;
                    while i < bytes.len()
                        && !matches!(
                            bytes[i],
                            b'\t' | b'\n' | b'\x0c' | b' ' | b'/' | b'>' | b'='
                        )
                    {
                        odd |= matches!(bytes[i], b'\r' | b'\0');
                        i += 1;
                    }
                    let attr_name = &self.text[attr_start..i];
                    while i < bytes.len() && matches!(bytes[i], b'\t' | b'\n' | b'\x0c' | b' ') {
                        i += 1;
                    }
                    let mut attr_end = attr_start + attr_name.len();
                    let mut value_ends_tag = false;
                    let mut value_range = None;
                    if bytes.get(i) == Some(&b'=') {
                        i += 1;
                        while i < bytes.len()
                            && matches!(bytes[i], b'\t' | b'\n' | b'\x0c' | b' ' | b'\r')
                        {
                            odd |= bytes[i] == b'\r';
                            i += 1;
                        }
                        let Some(&first) = bytes.get(i) else {
                            return Ok(None);
                        };
                        let range = match first {
                            quote @ (b'"' | b'\'') => {
                                let Some(close) = memchr::memchr(quote, &bytes[i + 1..]) else {
                                    return Ok(None);
                                };
                                let range = i + 1..i + 1 + close;
                                i = range.end + 1;
                                after_quote = true;
                                range
                            }
                            // `>` right after `=`: no value.
                            b'>' => i..i,
                            _ => {
                                let start = i;
                                while i < bytes.len()
                                    && !matches!(
                                        bytes[i],
                                        b'\t' | b'\n' | b'\x0c' | b' ' | b'>' | b'\r'
                                    )
                                {
                                    i += 1;
                                }
                                start..i
                            }
                        };
                        attr_end = i;
                        // The tag scanner never cuts an attribute whose `=` the `>` of the tag follows.
                        value_ends_tag = first == b'>';
                        value_range = Some(range);
                    }
                    run = i;
                    if odd {
                        continue;
                    }
                    // The value, its references read (`Err` for one the fast path leaves to html5ever).
                    let value = |reader: &Self| match value_range.clone() {
                        Some(range) => reader.value(range),
                        None => Ok(StrTendril::new()),
                    };
                    let Some(inline) = self.inline.as_ref().filter(|_| !end_tag) else {
                        match value(self) {
                            Ok(value) => {
                                push_attribute(&mut attrs, &mut duplicate, attr_name, value)
                            }
                            Err(Odd) => odd = true,
                        }
                        continue;
                    };
                    // Cutting must not join what comes before to what comes after (as the tag scanner decides).
                    let separated = !value_ends_tag
                        && (follows_quote
                            || bytes
                                .get(attr_end)
                                .is_some_and(|&b| is_space(b) || b == b'>'))
                        && bytes[attr_end..].iter().find(|b| !is_space(**b)) != Some(&b'=');
                    let name_bytes = attr_name.as_bytes();
                    let found = separated && (link || is_unread_attribute(name_bytes));
                    cuttable += usize::from(found);
                    if !link && found && inline.cuts_attribute(name_bytes) {
                        cut += 1;
                        continue;
                    }
                    let Ok(value) = value(self) else {
                        odd = true;
                        continue;
                    };
                    if link {
                        deferred.push((attr_name, value, found));
                    } else {
                        push_attribute(&mut attrs, &mut duplicate, attr_name, value);
                    }
                }
            }
        }
        self.at = i;
        let name = LocalName::from(&*name);
        if odd {
            if self.inline.is_some() {
                return Err(Bail);
            }
            let fwd = self.html5ever(at..i);
            return Ok(Some((fwd, name, AfterTag::Read)));
        }
        if let Some(inline) = self.inline.as_ref().filter(|_| !end_tag) {
            if !Inline::finds_all(cuttable) {
                return Err(Bail);
            }
            if link {
                let read_link = is_read_link(&bytes[at..i]);
                for (attr_name, value, found) in deferred {
                    if found && !read_link && inline.cuts_attribute(attr_name.as_bytes()) {
                        cut += 1;
                        continue;
                    }
                    push_attribute(&mut attrs, &mut duplicate, attr_name, value);
                }
            }
        }
        let tag = Tag {
            kind: if end_tag {
                TagKind::EndTag
            } else {
                TagKind::StartTag
            },
            name: name.clone(),
            self_closing,
            attrs,
            had_duplicate_attributes: duplicate,
        };
        let next = next_of(&self.builder.process_token(Token::TagToken(tag), LINE));
        let after = match self.inline.as_mut() {
            None => AfterTag::Read,
            Some(inline) => inline.tag(
                bytes,
                at..i,
                raw_name,
                end_tag,
                self_closing,
                count - cut,
                matches!(next, Next::Raw(_)),
            )?,
        };
        Ok(Some((next, name, after)))
    }

    /// An attribute value, its references read.
    fn value(&self, range: std::ops::Range<usize>) -> Result<StrTendril, Odd> {
        let chunk = &self.bytes[range.clone()];
        if memchr::memchr3(b'&', b'\r', b'\0', chunk).is_none() {
            return Ok(self.slice(range));
        }
        let mut out = StrTendril::new();
        self.decode(range, true, true, &mut out)?;
        Ok(out)
    }

    /// Reads the content of a raw-text element (`name`, read as `kind`) up to its end tag, and returns whether to
    /// go on (false when html5ever read the rest of the text).
    fn raw(&mut self, kind: RawKind, name: &LocalName) -> Result<bool, Bail> {
        let start = self.at;
        let Some(end) = self.raw_end(start, name) else {
            self.rest(start, State::RawData(kind), Some(name))?;
            return Ok(false);
        };
        let content = &self.bytes[start..end];
        let fast = match kind {
            RawKind::Rcdata => self.text(start..end, true).is_ok(),
            RawKind::Rawtext => self.text(start..end, false).is_ok(),
            // `<!--` inside a script may hide its end tag from the tokenizer.
            RawKind::ScriptData => {
                memchr::memmem::find(content, b"<!--").is_none()
                    && self.text(start..end, false).is_ok()
            }
            RawKind::ScriptDataEscaped(_) => false,
        };
        if !fast {
            self.rest(start, State::RawData(kind), Some(name))?;
            return Ok(false);
        }
        self.at = end;
        Ok(true)
    }

    /// Where the end tag of the raw-text element `name` whose content starts at `from` begins: `</`, the name in
    /// any case, then white space, `/` or `>`.
    fn raw_end(&self, from: usize, name: &LocalName) -> Option<usize> {
        let end = raw_text_end(self.bytes, from, name.as_bytes());
        (end < self.bytes.len()).then_some(end)
    }

    /// Hands the markup `range` (whole tokens, read in the data state) to html5ever's tokenizer, and returns what
    /// the tree builder asked to read next.
    fn html5ever(&self, range: std::ops::Range<usize>) -> Next {
        let sink = Forward {
            builder: self.builder,
            next: Cell::new(None),
        };
        run_html5ever(&sink, self.slice(range), State::Data, None);
        sink.next.take().unwrap_or(Next::Data)
    }

    /// Hands the rest of the text from `from` to html5ever's tokenizer, started in `state` (after a start tag
    /// `last_tag` for raw text).
    fn html5ever_rest(&mut self, from: usize, state: State, last_tag: Option<&LocalName>) {
        let sink = Forward {
            builder: self.builder,
            next: Cell::new(None),
        };
        let end = self.bytes.len();
        run_html5ever(&sink, self.slice(from..end), state, last_tag);
        self.at = end;
    }
}

/// Runs html5ever's tokenizer over `input` to its end, into `sink`.
fn run_html5ever(
    sink: &Forward<'_>,
    input: StrTendril,
    state: State,
    last_tag: Option<&LocalName>,
) {
    if input.is_empty() {
        return;
    }
    let tokenizer = Tokenizer::new(
        sink,
        TokenizerOpts {
            initial_state: Some(state),
            last_start_tag_name: last_tag.map(|n| n.to_string()),
            // html5ever drops a byte order mark first in the input of each call but the first when the driver
            // resumes (see `Next::Resume`); the first is text here.
            discard_bom: !input.starts_with('\u{feff}'),
            ..TokenizerOpts::default()
        },
    );
    let queue = BufferQueue::default();
    queue.push_back(input);
    while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
    tokenizer.end();
}

/// The tree builder behind html5ever's tokenizer for a piece of the text: the end of the piece is not the end of
/// the document, and what the builder asked for last is kept for the fast path.
struct Forward<'a> {
    builder: &'a Builder,
    next: Cell<Option<Next>>,
}

impl TokenSink for &Forward<'_> {
    type Handle = ego_tree::NodeId;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<Self::Handle> {
        if matches!(token, Token::EOFToken) {
            return TokenSinkResult::Continue;
        }
        let result = self.builder.process_token(token, line);
        self.next.set(Some(next_of(&result)));
        result
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// What the tree builder's answer to a start tag asks to read next.
fn next_of(result: &TokenSinkResult<ego_tree::NodeId>) -> Next {
    match result {
        TokenSinkResult::RawData(kind) => Next::Raw(*kind),
        TokenSinkResult::Plaintext => Next::Plaintext,
        TokenSinkResult::Script(_) | TokenSinkResult::EncodingIndicator(_) => Next::Resume,
        TokenSinkResult::Continue => Next::Data,
    }
}

/// The character a byte of white space is read as (a lone carriage return is a line break).
fn space_char(b: u8) -> char {
    if b == b'\r' {
        '\n'
    } else {
        char::from(b)
    }
}

/// Adds the attribute `name` (as written) to a tag's, unless the tag has one of that name already.
fn push_attribute(attrs: &mut Vec<Attribute>, duplicate: &mut bool, name: &str, value: StrTendril) {
    let name = LocalName::from(&*lower(name));
    if attrs.iter().any(|a| a.name.local == name) {
        *duplicate = true;
    } else {
        attrs.push(Attribute {
            name: QualName::new(None, ns!(), name),
            value,
        });
    }
}

/// A name with its ASCII capitals lowered, as html5ever lowers tag and attribute names.
fn lower(name: &str) -> std::borrow::Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(name.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

/// The character of a numeric reference whose value html5ever takes as it is (no replacement, no parse error).
fn plain_char(value: u32) -> Option<char> {
    let plain = matches!(value, 0x09 | 0x0A | 0x0C | 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFDCF | 0xFDF0..=0x10FFFF)
        && value & 0xFFFE != 0xFFFE;
    plain.then(|| char::from_u32(value)).flatten()
}

/// The characters of a full entity name (`amp;`, or `amp` of the few that may go without `;`).
fn entity(name: &str) -> Option<(u32, u32)> {
    html5ever::data::NAMED_ENTITIES
        .get(name)
        .copied()
        .filter(|&(first, _)| first != 0)
}

fn push_entity(out: &mut StrTendril, (first, second): (u32, u32)) -> Result<(), Odd> {
    out.push_char(char::from_u32(first).ok_or(Odd)?);
    if second != 0 {
        out.push_char(char::from_u32(second).ok_or(Odd)?);
    }
    Ok(())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Every node of a tree in document order, with its attributes in order, and the document's quirks mode.
    pub(in crate::parse) fn written(html: &Html) -> String {
        use ego_tree::iter::Edge;
        let mut out = format!("{:?}\n", html.quirks_mode);
        for edge in html.tree.root().traverse() {
            match edge {
                Edge::Open(node) => match node.value() {
                    scraper::Node::Element(e) => {
                        out.push_str(&format!("<{:?}", e.name));
                        for (name, value) in e.attrs() {
                            out.push_str(&format!(" {name:?}={value:?}"));
                        }
                        out.push('>');
                    }
                    other => out.push_str(&format!("{other:?}")),
                },
                Edge::Close(_) => out.push_str("</>"),
            }
        }
        out
    }

    fn same_tree(page: &str) -> Result<(), String> {
        let ours = written(&parse_document(page));
        let theirs = written(&Html::parse_document(page));
        if ours == theirs {
            Ok(())
        } else {
            Err(format!("{page:?}\nours:   {ours}\ntheirs: {theirs}"))
        }
    }

    #[test]
    fn common_markup_makes_html5evers_tree() {
        for page in [
            "<!DOCTYPE html><html><head><title>A &amp; B</title></head><body><p class=x>a&nbsp;b</p></body></html>",
            "<p title='a&amp;b' data-x=\"&#39;q&#x27;\" href=/a?x=1&y=2&copy=3&copy;>x &copy2024 &notit; &#128; &</p>",
            "<script>if (a < b && c) {}</script><style>p{}</style><textarea>a&lt;b</textarea>",
            "a\r\nb\rc<p\r\nclass=a>\r\n</p><!-- c -->",
            "<div a=1 A=2 b><br/><img src=x /></div ><p/ x>",
            "<pre>\n\nx</pre><listing>\r\ny</listing><textarea>\nz</textarea>",
            "<table><tr><td>x<p>y</table>z <3 < a",
            "<svg><![CDATA[x]]></svg><math><mi>y</mi></math><plaintext><b>",
            "<script><!--<script>x</script>y--></script>after",
            "\u{feff}<p>bom</p>",
            "<title>unclosed",
            "<p>x</p><a href='unclosed",
            "<!-- a -- b --><!--x---><!--a<!--b--><!---c--><!--d--!>e-->\r\n<!--\r\n-->",
            // html5ever drops a byte order mark right after `</script>`, where its tokenizer returns to the driver.
            "<script></script <b>\u{feff}",
        ] {
            same_tree(page).unwrap();
        }
    }

    /// Pieces of markup, beyond the prescan's, chosen to find where the fast path and html5ever's tokenizer could
    /// part: references, line breaks, NULs, comments, doctypes, duplicate attributes, byte order marks.
    const MORE: &[&str] = &[
        "-",
        "</b>",
        "</textarea>",
        "<xmp>",
        "<tr>",
        "&",
        "&amp;",
        "&amp",
        "&lt",
        "&copy2",
        "&notit;",
        "&#",
        "&#39;",
        "&#x27;",
        "&#0;",
        "&#128;",
        "&#x110000;",
        "&#65",
        "&x",
        ";",
        "#",
        "\r",
        "\r\n",
        "\0",
        "<!DOCTYPE html>",
        "<!doctype html public \"-//W3C//DTD HTML 4.01//EN\">",
        "<!-->",
        "<!--->",
        "<br/>",
        "a=b",
        " A=1",
        " a=2",
        "é",
        "<É>",
        "</x y=1>",
        "\u{feff}",
        "<body>",
        "<head>",
        "<html>",
        "<li>",
    ];

    pub(in crate::parse) fn pieces() -> Vec<&'static str> {
        crate::parse::prescan::tests::PIECES
            .iter()
            .chain(MORE)
            .copied()
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The tree built from this tokenizer's tokens is html5ever's tree of the same text.
        #[test]
        fn tree_equals_html5evers(picks in proptest::collection::vec(0..pieces().len(), 0..40)) {
            let pieces = pieces();
            let page: String = picks.iter().map(|&i| pieces[i]).collect();
            if let Err(message) = same_tree(&page) {
                proptest::prop_assert!(false, "{}", message);
            }
        }
    }
}
