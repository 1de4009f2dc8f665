//! The prescan: the text of a page prepared for html5ever by the tag scanner ([`super::tags`]).
//!
//! Its cuts are made inside the tokenizer's one pass ([`Inline`]) where they are certain to be the same; elsewhere
//! two passes of the tag scanner prepare the text first:
//!
//! - **Hidden content is cut.** Script, style, noscript and inline SVG content is never article text, and on news
//!   pages it is two thirds of the bytes: tokenizing it was a third of html5ever's time. The scanner drops the content
//!   of those elements and keeps the elements themselves (and JSON-LD scripts whole, which metadata reads), so the
//!   tree is the one html5ever would build with those elements emptied. Where the scanner could disagree with
//!   html5ever about where such an element ends (script comment escapes, HTML breaking out of SVG, CDATA, MathML),
//!   it stops cutting and leaves the rest of the page as it is.
//! - **Unread attributes are cut.** Those no stage reads ([`is_unread_attribute`]: `data-*`, `srcset`, `on*`
//!   handlers, `target`, `aria-*`…, and all those of a `<link>` but a canonical one) are another sixth of the
//!   markup, and html5ever copies attribute values a character at a time. The scanner drops
//!   them from start tags unless a user rule's selector names them ([`super::parse_with`]), and only where the cut cannot
//!   join the text before and after it into another token.
//! - **Indentation is collapsed.** White space that starts or ends the text between two tags is a tenth of the
//!   markup left, and html5ever makes two text tokens of each `\n    `. Each such run is cut to one character (a
//!   line break if it holds one), which no stage can tell apart, except where white space is content: from the
//!   first `<pre>` or `<listing>` on, nothing is collapsed.
//! - **Nesting is capped.** html5ever's tree builder checks element scope by walking the stack of open elements,
//!   which is quadratic in the nesting depth; a page nested 100 000 deep would take minutes. Like browsers (Chromium
//!   caps the DOM depth at 512), rinse flattens nesting beyond [`super::MAX_DEPTH`] before parsing.
//! - **Markup is bounded.** A node of the tree costs about 160 bytes by the time the page is markdown, and markup
//!   can make one every three bytes (`<p>`, `<br>`): 10 million `<br>` took 1.5 GiB. The scanner estimates what the
//!   tree of the text will cost ([`Lean::cost`]); past [`tree_budget`] (4 bytes a byte of input plus 40 MiB, far
//!   above any real page), the markup beyond the budget is dropped and its text kept: start tags go (block ones
//!   leave a space, so words stay apart), and so do comments and the content of raw-text elements; end tags stay.

use std::borrow::Cow;
use std::ops::Range;

use super::tags::{
    contains_ignore_case, is_end_tag_at, is_space, name_kind, raw_text_end, tag_ahead, NameKind,
    Tags, MAX_FOUND,
};

/// What one node of the tree costs, in bytes, by the time the page is markdown (measured on pages of `<br>`, `<p>`,
/// `<div></div>`, spans and comments: 150 to 175 bytes).
const NODE_COST: usize = 160;

/// What one attribute of an element costs, in bytes (measured: 48).
const ATTRIBUTE_COST: usize = 48;

/// The estimated tree cost ([`Lean::cost`]) beyond which the markup of a text of `len` bytes is dropped: 4 bytes a
/// byte plus 40 MiB, so that with the text itself, its copies and the markdown the whole run stays within 8 bytes a
/// byte plus 64 MiB. A real page needs a tenth of it: 1.5 MB of news page is about 30 000 nodes, 5 MB of budget.
pub fn tree_budget(len: usize) -> usize {
    len.saturating_mul(4).saturating_add(40 << 20)
}

/// A page's text as html5ever gets it (see [`strip_hidden`]).
pub struct Lean<'a> {
    /// The text, with hidden content, unread attributes and indentation cut.
    pub text: Cow<'a, str>,
    /// Its deepest element nesting.
    pub depth: usize,
    /// Whether it has a `<base>` start tag, or the scanner lost step with html5ever somewhere.
    pub may_have_base: bool,
    /// What its tree will cost, in bytes, estimated from its markup (see [`tree_budget`]).
    pub cost: usize,
    /// The content of the page's `<script type="text/template">` elements, as ranges of the text given to
    /// [`strip_hidden`] (the cut text has none: it empties scripts). Found in the same scan, so that the article a
    /// page writes from a template (see [`crate::extract::script_article`]) costs no second scan of the page.
    pub templates: Vec<Range<usize>>,
}

/// Whether no stage of rinse reads an attribute (ASCII case-insensitively). The unread ones are a sixth of a news
/// page's markup once hidden content is gone (`data-*`, `srcset`, `on*` handlers, `target`, `aria-*`, `width`,
/// `loading`…), and html5ever copies attribute values a character at a time. Read are those of extraction and the
/// metadata scan (`class`, `id`, `role`, `itemprop`, `href`, `rel`, `hidden`, `style`, `aria-modal`,
/// `data-testid`, `pubdate`, meta tags' `name`, `property`, `http-equiv` and `content`, `datetime`, `lang`,
/// `type`, an image's `alt` and `title` for its caption), of rendering (`src`, `data-src`, a lazy image's source,
/// `alt`, `start`, `value`, `colspan`), and those
/// that change the tree html5ever builds (a declarative shadow root's `template` attributes, MathML's `encoding`,
/// `<font>`'s `color`, `face` and `size`, which end SVG content, and `charset`). A new read of an attribute must
/// add it here, or the prescan cuts it before parsing.
pub fn is_unread_attribute(name: &[u8]) -> bool {
    // Called on every attribute of the page: a match on the lower-cased name, no longer than the longest read one.
    let mut buffer = [0u8; 24];
    let Some(lower) = buffer.get_mut(..name.len()) else {
        return true;
    };
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    !matches!(
        &*lower,
        // Extraction and the metadata scan.
        b"class"
            | b"id"
            | b"role"
            | b"itemprop"
            | b"href"
            | b"rel"
            | b"target"
            | b"hidden"
            | b"style"
            | b"aria-modal"
            | b"data-testid"
            | b"pubdate"
            | b"name"
            | b"property"
            | b"http-equiv"
            | b"content"
            | b"datetime"
            | b"lang"
            | b"xml:lang"
            | b"type"
            // Rendering.
            | b"src"
            | b"data-src"
            | b"alt"
            | b"title"
            | b"start"
            | b"value"
            | b"colspan"
            // What changes the tree html5ever builds.
            | b"shadowrootmode"
            | b"shadowrootdelegatesfocus"
            | b"shadowrootclonable"
            | b"shadowrootserializable"
            | b"encoding"
            | b"color"
            | b"face"
            | b"size"
            | b"charset"
    )
}

/// Whether a `<link>` start tag (its bytes) is read: only a canonical link is (its `rel` and `href`), and it is kept
/// whole; any other's attributes (style sheets, preloads, icons: a twentieth of a news page's markup) are all cut. A
/// character reference could spell `canonical` otherwise: such a tag is kept whole too.
pub(super) fn is_read_link(tag: &[u8]) -> bool {
    contains_ignore_case(tag, b"canonical") || tag.contains(&b'&')
}

/// Cuts the content of hidden elements, the unread attributes of start tags (except those `keep` names) and the
/// indentation between tags (see the module documentation), and measures the deepest nesting of the result (see
/// [`super::MAX_DEPTH`]).
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
    tags.comments = Some(Vec::new());
    let mut estimate = Estimate::default();
    // Whether white space may still be collapsed: not from the first `<pre>` or `<listing>` on, where it is
    // content.
    let mut collapsing = true;
    let mut base = false;
    let mut templates = Vec::new();
    loop {
        // The text before the tag starts where the scanner stood.
        let text_start = tags.at;
        let Some(tag) = tags.next() else {
            break;
        };
        let name = tag.name(bytes);
        base |= !tag.end && name.eq_ignore_ascii_case(b"base");
        let comments = tags.comments.as_mut().map_or(0, |found| {
            let n = found.len();
            found.clear();
            n
        });
        let mut attributes = tag.attributes;
        if collapsing && cutting {
            collapse_space(bytes, text_start..tag.range.start, &mut cuts);
            collapsing = tag.end
                || !(name.eq_ignore_ascii_case(b"pre") || name.eq_ignore_ascii_case(b"listing"));
        }
        if let Some(found) = tags.attributes.as_mut() {
            if cutting && !tag.end {
                // The scanner gives the unread attributes, and all those of a link, read or not. A read link is
                // kept whole: the word that makes it read may stand in an attribute that would be cut (html5ever
                // reads `<link a='x'<b= rel=canonical>` as one attribute `<b` whose value holds it).
                let link = name.eq_ignore_ascii_case(b"link");
                let read_link = link && is_read_link(&bytes[tag.range.clone()]);
                let unread_link = link && !read_link;
                for attribute in found.iter() {
                    lower.clear();
                    lower.extend(
                        bytes[attribute.name.clone()]
                            .iter()
                            .map(u8::to_ascii_lowercase),
                    );
                    if !read_link && (unread_link || is_unread_attribute(&lower)) && !keep(&lower) {
                        match cuts.last_mut() {
                            Some(last) if last.end == attribute.cut.start => {
                                last.end = attribute.cut.end
                            }
                            _ => cuts.push(attribute.cut.clone()),
                        }
                        attributes -= 1;
                    }
                }
            }
            found.clear();
        }
        estimate.add(
            tag.end,
            name,
            attributes,
            text_start < tag.range.start,
            comments,
        );
        if tag.kind == NameKind::Nesting && !tag.self_closed {
            if tag.end {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                deepest = deepest.max(depth);
            }
            continue;
        }
        if tag.kind == NameKind::Script && !tag.end {
            if let Some(content) = tag.content.clone() {
                if contains_ignore_case(&bytes[tag.range.clone()], b"text/template") {
                    templates.push(content);
                }
            }
        }
        if tag.end || !cutting {
            continue;
        }
        match tag.kind {
            NameKind::HiddenRawText => cuts.extend(tag.content),
            NameKind::Script => {
                let Some(content) = tag.content else { continue };
                let body = &bytes[content.clone()];
                if escapes_script(body) {
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
        cost: estimate.cost,
        templates,
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

/// The prescan's decisions made inside the tokenizer's single pass over the page ([`super::tokenizer`]): the same
/// cuts as [`strip_hidden`] (hidden content, unread attributes, indentation), fed piece by piece as the tokenizer
/// reads them, without a second scan of the page nor a copy of its text. Where [`strip_hidden`] would stop cutting
/// (MathML, `<plaintext>`, an SVG whose end is uncertain, a comment-escaped script), where the tree builder and the
/// tag scanner could read the markup apart (raw text the builder does not ask for, markup the fast path leaves to
/// html5ever), and where the depth or the tree's cost comes near its bound, it gives up ([`Bail`]) and the page
/// is parsed the two-pass way, so that the tree is always the one of the prescanned text.
pub(super) struct Inline<'k> {
    keep: &'k dyn Fn(&[u8]) -> bool,
    /// Whether white space may still be collapsed (see [`strip_hidden`]).
    collapsing: bool,
    depth: usize,
    estimate: Estimate,
    /// The estimated tree cost past which the two-pass way decides: [`ONE_PASS_COST`], or half the tree budget of
    /// a smaller page.
    bail_cost: usize,
    /// Whether a `<base>` start tag was seen.
    pub(super) base: bool,
    /// The content of the `<script type="text/template">` elements, as ranges of the text with its byte order mark.
    pub(super) templates: Vec<Range<usize>>,
    /// Where the text between two tags that the tokenizer is in started (after a tag, or a raw-text content).
    segment: usize,
    /// The comments in it (see [`Estimate::add`]).
    comments: usize,
    /// How many bytes of byte order mark the tokenizer dropped before the text it reads.
    bom: usize,
}

/// The most tree (estimated, see [`tree_budget`]) the one pass builds before it leaves the page to the two-pass way.
/// What it built is then thrown away, and the two-pass way builds its own: this bounds what the lost tree adds to
/// the memory of a page of dense markup (2 bytes a byte plus 20 MiB, half the tree budget, added 68 MB to 8 MB of
/// `<!---->`). A real page needs less: 1.5 MB of news page is about 5 MB.
const ONE_PASS_COST: usize = 8 << 20;

/// The inline prescan gives up: the page goes the two-pass way.
#[derive(Debug)]
pub(super) struct Bail;

/// What the tokenizer does after a start tag, as the prescan decided.
pub(super) enum AfterTag {
    /// Reads on as the tree builder asked.
    Read,
    /// Skips the content of a hidden element up to `usize` (its end tag), as the text of the raw-text element the
    /// tree builder asked for: empty.
    Cut(usize),
    /// Skips an SVG's content up to `usize` (its end tag).
    Skip(usize),
}

impl<'k> Inline<'k> {
    /// The prescan of a text of `len` bytes (its byte order mark of `bom` bytes included), keeping the unread
    /// attributes that `keep` names.
    pub(super) fn new(keep: &'k dyn Fn(&[u8]) -> bool, len: usize, bom: usize) -> Self {
        Inline {
            keep,
            collapsing: true,
            depth: 0,
            estimate: Estimate::default(),
            bail_cost: ONE_PASS_COST.min(tree_budget(len) / 2),
            base: false,
            templates: Vec::new(),
            segment: 0,
            comments: 0,
            bom,
        }
    }

    /// The runs of white space to collapse in the text `piece` of `bytes` (as [`collapse_space`] would): the one
    /// that starts it, when it starts the text between two tags, and the one that ends it, when a tag follows.
    /// Each is given when it is two bytes or more, with the byte kept of it.
    pub(super) fn runs(
        &self,
        bytes: &[u8],
        piece: Range<usize>,
    ) -> [Option<(Range<usize>, u8)>; 2] {
        let mut runs = [None, None];
        if !self.collapsing {
            return runs;
        }
        let text = &bytes[piece.clone()];
        let at = piece.end;
        let tag_follows = bytes.get(at) == Some(&b'<')
            && match bytes.get(at + 1) {
                Some(b'/') => bytes.get(at + 2).is_some_and(u8::is_ascii_alphabetic),
                Some(b) => b.is_ascii_alphabetic(),
                None => false,
            };
        // The text before the first tag is not collapsed after a byte order mark that the tokenizer dropped, and
        // the text after the last tag is not collapsed at all.
        let starts = piece.start == self.segment && !(self.bom > 0 && piece.start == 0);
        let lead = if starts
            && text.first().is_some_and(|b| is_space(*b))
            && (tag_follows || tag_ahead(bytes, at))
        {
            text.iter().take_while(|b| is_space(**b)).count()
        } else {
            0
        };
        let trail = if tag_follows && lead < text.len() {
            text.iter().rev().take_while(|b| is_space(**b)).count()
        } else {
            0
        };
        let run = |range: Range<usize>| {
            (range.len() >= 2).then(|| {
                let space = &bytes[range.clone()];
                (range, space[kept_at(space)])
            })
        };
        runs[0] = run(piece.start..piece.start + lead);
        runs[1] = run(piece.end - trail..piece.end);
        runs
    }

    /// A comment (`<!--…-->`, `<!…>`, `<?…>`, `</ …>`) in the text between two tags. The tree cost counts it at
    /// the next tag, but the comments before it count now: a million of them between two tags would otherwise
    /// all be built before the cost is looked at.
    pub(super) fn comment(&mut self) -> Result<(), Bail> {
        self.comments += 1;
        let cost = self
            .estimate
            .cost
            .saturating_add(self.comments.saturating_mul(NODE_COST));
        if cost > self.bail_cost {
            return Err(Bail);
        }
        Ok(())
    }

    /// Whether an attribute `name` that the tag scanner finds in a start tag (an unread one, or any of a link that
    /// is not read) is cut: unless `keep` names it.
    pub(super) fn cuts_attribute(&self, name: &[u8]) -> bool {
        let mut buffer = [0u8; 64];
        match buffer.get_mut(..name.len()) {
            Some(lower) => {
                lower.copy_from_slice(name);
                lower.make_ascii_lowercase();
                !(self.keep)(lower)
            }
            None => !(self.keep)(&name.to_ascii_lowercase()),
        }
    }

    /// Takes the tag `bytes[tag]` with the name `name` that the tokenizer read (`end` for an end tag,
    /// `self_closing`, `kept` attributes after the cuts, `raw` when the tree builder asked for its content as raw
    /// text), and tells what to do after it. `Err` where the two-pass way must decide.
    #[allow(clippy::too_many_arguments, reason = "the facts of one tag")]
    pub(super) fn tag(
        &mut self,
        bytes: &[u8],
        tag: Range<usize>,
        name: &[u8],
        end: bool,
        self_closing: bool,
        kept: usize,
        raw: bool,
    ) -> Result<AfterTag, Bail> {
        let kind = name_kind(name);
        self.base |= !end && name.eq_ignore_ascii_case(b"base");
        if self.collapsing && !end {
            self.collapsing =
                !(name.eq_ignore_ascii_case(b"pre") || name.eq_ignore_ascii_case(b"listing"));
        }
        let text_before = tag.start > self.segment || (self.bom > 0 && self.segment == 0);
        self.estimate
            .add(end, name, kept, text_before, self.comments);
        self.comments = 0;
        self.segment = tag.end;
        if self.estimate.cost > self.bail_cost {
            return Err(Bail);
        }
        let scanned_raw = !end
            && matches!(
                kind,
                NameKind::RawText | NameKind::HiddenRawText | NameKind::Script
            );
        if scanned_raw != raw {
            return Err(Bail);
        }
        if kind == NameKind::Nesting && !self_closing {
            if end {
                self.depth = self.depth.saturating_sub(1);
            } else {
                self.depth += 1;
                if self.depth > super::MAX_DEPTH / 2 {
                    return Err(Bail);
                }
            }
            return Ok(AfterTag::Read);
        }
        if end {
            return Ok(AfterTag::Read);
        }
        let start_tag = &bytes[tag.clone()];
        match kind {
            NameKind::RawText | NameKind::HiddenRawText | NameKind::Script => {
                let content_end = raw_text_end(bytes, tag.end, name);
                if content_end == bytes.len() {
                    return Err(Bail);
                }
                self.segment = content_end;
                let content = tag.end..content_end;
                if kind == NameKind::RawText {
                    return Ok(AfterTag::Read);
                }
                if kind == NameKind::HiddenRawText {
                    return Ok(AfterTag::Cut(content_end));
                }
                if contains_ignore_case(start_tag, b"text/template") {
                    self.templates
                        .push(content.start + self.bom..content.end + self.bom);
                }
                let body = &bytes[content];
                if escapes_script(body) {
                    return Err(Bail);
                }
                if is_json_ld(start_tag) {
                    Ok(AfterTag::Read)
                } else {
                    Ok(AfterTag::Cut(content_end))
                }
            }
            NameKind::Svg if !self_closing => {
                let content = svg_content(bytes, tag.end).ok_or(Bail)?;
                self.segment = content.end;
                Ok(AfterTag::Skip(content.end))
            }
            NameKind::Math | NameKind::Plaintext => Err(Bail),
            _ => Ok(AfterTag::Read),
        }
    }

    /// Whether the tag scanner would find at most [`MAX_FOUND`] attributes to cut in a tag with `cuttable` such.
    pub(super) fn finds_all(cuttable: usize) -> bool {
        cuttable <= MAX_FOUND
    }
}

/// The running estimate of what the tree of a text will cost, in bytes, fed tag by tag (see [`tree_budget`]).
#[derive(Default)]
struct Estimate {
    cost: usize,
    /// The formatting elements (`<b>`, `<a>`, `<font>`…) opened and not closed by their end tag, by name.
    open: [usize; FORMATTING.len()],
    /// What rebuilding them costs, by name: a nested node and its attributes each.
    open_cost: [usize; FORMATTING.len()],
    /// How many there are.
    open_total: usize,
    /// What rebuilding them all costs.
    rebuild_cost: usize,
}

/// The formatting elements of the HTML standard: html5ever keeps them in a list and rebuilds those that another
/// tag closed before the next text or element (`<b><p>x</p>y` makes a second `<b>` around `y`).
const FORMATTING: [&[u8]; 14] = [
    b"a", b"b", b"big", b"code", b"em", b"font", b"i", b"nobr", b"s", b"small", b"strike",
    b"strong", b"tt", b"u",
];

impl Estimate {
    /// Adds a tag with `attributes` attributes kept, the text before it (`text_before`: one node, whatever its
    /// length) and the `comments` comments in that text. A start tag makes an element; of end tags only `</p>` and
    /// `</br>` do (an empty `<p>` and a `<br>`). Any other tag may close elements, after which html5ever rebuilds
    /// each formatting element still open: unclosed formatting elements cost one node each per such tag, so that
    /// `<b c=1>…<b c=50>` followed by `<p>x` a million times (50 million elements from 4 MB) is counted as such.
    /// The end tag of a formatting element counts one node for the clone its adoption may make.
    fn add(
        &mut self,
        end: bool,
        name: &[u8],
        attributes: usize,
        text_before: bool,
        comments: usize,
    ) {
        let nodes = comments + usize::from(text_before) + usize::from(makes_element(end, name));
        let attributes = if end { 0 } else { attributes };
        let mut cost = nodes * NODE_COST + attributes.saturating_mul(ATTRIBUTE_COST);
        match formatting(name) {
            Some(i) if end => {
                cost += NODE_COST;
                // Which one closes is not tracked: take the average of the name's.
                if let Some(one) = self.open_cost[i].checked_div(self.open[i]) {
                    self.open[i] -= 1;
                    self.open_cost[i] -= one;
                    self.open_total -= 1;
                    self.rebuild_cost -= one;
                }
            }
            // A second `<a>` or `<nobr>` closes the first one.
            Some(i) if self.open[i] == 0 || !matches!(i, 0 | 7) => {
                // A rebuilt element nests in the one rebuilt before it: measured at twice the cost of a node.
                let one = 2 * NODE_COST + attributes.saturating_mul(ATTRIBUTE_COST);
                self.open[i] += 1;
                self.open_cost[i] = self.open_cost[i].saturating_add(one);
                self.open_total += 1;
                self.rebuild_cost = self.rebuild_cost.saturating_add(one);
            }
            Some(_) => {}
            None => cost = cost.saturating_add(self.rebuild_cost),
        }
        self.cost = self.cost.saturating_add(cost);
    }
}

/// Which of the [`FORMATTING`] elements `name` (in any case) names, by its index there. Asked of every tag: one
/// match on the lower-cased name instead of fourteen comparisons.
fn formatting(name: &[u8]) -> Option<usize> {
    let mut buffer = [0u8; 6];
    let lower = buffer.get_mut(..name.len())?;
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    let i = match &*lower {
        b"a" => 0,
        b"b" => 1,
        b"big" => 2,
        b"code" => 3,
        b"em" => 4,
        b"font" => 5,
        b"i" => 6,
        b"nobr" => 7,
        b"s" => 8,
        b"small" => 9,
        b"strike" => 10,
        b"strong" => 11,
        b"tt" => 12,
        b"u" => 13,
        _ => return None,
    };
    debug_assert!(FORMATTING[i].eq_ignore_ascii_case(name));
    Some(i)
}

/// Whether html5ever makes an element of a tag: any start tag, and of end tags `</p>` and `</br>`.
fn makes_element(end: bool, name: &[u8]) -> bool {
    !end || name.eq_ignore_ascii_case(b"p") || name.eq_ignore_ascii_case(b"br")
}

/// Drops the markup of `text` beyond `budget` bytes of estimated tree cost (see [`Estimate`]), keeping its text:
/// each start tag after that point goes, a block one leaving a space so that the words on either side stay apart,
/// and so do comments and the content of raw-text elements (`<title>`, `<textarea>`, scripts…), which would be
/// markup once their tags are gone. End tags stay (they make no node, and close what was open at the cut), but for
/// `</p>` and `</br>`, and but for those of other than formatting elements while a formatting element is open
/// (each could make html5ever rebuild it). For a text that [`strip_hidden`] found over [`tree_budget`] (no real page is).
pub(super) fn limit_markup(text: &str, budget: usize) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut estimate = Estimate::default();
    let mut tags = Tags::new(text);
    tags.comments = Some(Vec::new());
    loop {
        let text_start = tags.at;
        let Some(tag) = tags.next() else {
            break;
        };
        let name = tag.name(bytes);
        let comments = tags
            .comments
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default();
        estimate.add(
            tag.end,
            name,
            tag.attributes,
            text_start < tag.range.start,
            comments.len(),
        );
        if estimate.cost <= budget {
            continue;
        }
        for comment in comments {
            out.push_str(&text[last..comment.start]);
            last = comment.end;
        }
        // End tags make no node (but `</p>` and `</br>`), and keeping them closes what was open at the cut.
        let is_formatting = formatting(name).is_some();
        if tag.end && !makes_element(tag.end, name) && (is_formatting || estimate.open_total == 0) {
            continue;
        }
        out.push_str(&text[last..tag.range.start]);
        if !is_phrasing(name) {
            out.push(' ');
        }
        last = tag.content.map_or(tag.range.end, |content| content.end);
    }
    // Comments after the last tag.
    for comment in tags.comments.unwrap_or_default() {
        if estimate.cost > budget {
            out.push_str(&text[last..comment.start]);
            last = comment.end;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// Elements that sit inside a line of text (`<a>`, `<b>`, `<span>`…): dropping their tags joins nothing apart.
fn is_phrasing(name: &[u8]) -> bool {
    const NAMES: &[&[u8]] = &[
        b"a", b"abbr", b"b", b"bdi", b"bdo", b"big", b"cite", b"code", b"data", b"dfn", b"em",
        b"font", b"i", b"kbd", b"mark", b"nobr", b"q", b"s", b"samp", b"small", b"span", b"strike",
        b"strong", b"sub", b"sup", b"time", b"tt", b"u", b"var", b"wbr",
    ];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
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

/// Where the character kept of a run of white space stands: its first line feed, else its first carriage return,
/// else its first byte.
fn kept_at(space: &[u8]) -> usize {
    memchr::memchr(b'\n', space)
        .or_else(|| memchr::memchr(b'\r', space))
        .unwrap_or(0)
}

/// Cuts the white space `bytes[run]` down to one character (see [`collapse_space`]).
fn collapse_run(bytes: &[u8], run: Range<usize>, cuts: &mut Vec<Range<usize>>) {
    if run.len() < 2 {
        return;
    }
    let keep = run.start + kept_at(&bytes[run.clone()]);
    for cut in [run.start..keep, keep + 1..run.end] {
        if !cut.is_empty() {
            cuts.push(cut);
        }
    }
}

/// Whether a script's content holds a comment-escaped `<script>`: html5ever may then read past the first
/// `</script>`, so the script's end is not known here.
fn escapes_script(body: &[u8]) -> bool {
    memchr::memmem::find(body, b"<!--").is_some() && contains_ignore_case(body, b"<script")
}

/// Whether a `<script …>` start tag declares JSON-LD.
fn is_json_ld(start_tag: &[u8]) -> bool {
    contains_ignore_case(start_tag, b"ld+json")
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
        comments: None,
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

/// Drops start and end tags that nest deeper than `max_depth`, for a text that [`strip_hidden`] found nesting
/// deeper (no real page does).
pub(super) fn limit_depth(text: &str, max_depth: usize) -> String {
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

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::parse::{parse, parse_page};
    use scraper::Html;

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
    fn markup_cost_counts_nodes_and_kept_attributes() {
        assert_eq!(strip_hidden("<br><br>", &|_| false).cost, 2 * NODE_COST);
        // `a`, its text, the comment, the clone `</a>` may make, and the empty paragraph `</p>` makes.
        assert_eq!(
            strip_hidden("<a>x<!-- c --></a></p>", &|_| false).cost,
            5 * NODE_COST
        );
        // `data-x` is cut before parsing, `class` and `id` stay.
        assert_eq!(
            strip_hidden("<i data-x=1 class id=2>", &|_| false).cost,
            NODE_COST + 2 * ATTRIBUTE_COST
        );
    }

    #[test]
    fn one_pass_gives_up_on_comments_between_two_tags_as_they_come() {
        // A page of 80 MB: half its tree budget is far above what the one pass builds.
        let keep = |_: &[u8]| false;
        let mut inline = Inline::new(&keep, 80 << 20, 0);
        let mut comments = 0;
        while inline.comment().is_ok() {
            comments += 1;
        }
        assert_eq!(comments, ONE_PASS_COST / NODE_COST);
    }

    #[test]
    fn markup_beyond_the_budget_is_dropped_and_its_text_kept() {
        let page =
            "<p>a</p><p>b<!-- x --></p><div><a href=x>c</a> d<title>t<b></title><!----></div>";
        assert_eq!(
            limit_markup(page, 3 * NODE_COST),
            "<p>a</p> b  c</a> d </title></div>"
        );
        // A link open at the cut is closed by its end tag.
        let links = "<a href=/x>x</a> ".repeat(3);
        assert_eq!(
            limit_markup(&links, 5 * NODE_COST + 2 * ATTRIBUTE_COST),
            "<a href=/x>x</a> <a href=/x>x</a> x</a> "
        );
    }

    #[test]
    fn unclosed_formatting_elements_count_at_each_tag_that_may_close_them() {
        // `b`, `i`, then each `<div>` and `</div>` may make html5ever rebuild both, at twice a node each.
        assert_eq!(
            strip_hidden("<b><i><div>x</div><div>x</div>", &|_| false).cost,
            22 * NODE_COST
        );
        // Closed ones do not: b, text, `</b>` (for its adoption's clone), div, `</div>` and its text.
        assert_eq!(
            strip_hidden("<b>x</b><div>y</div>", &|_| false).cost,
            5 * NODE_COST
        );
    }

    /// Formatting elements that html5ever rebuilds after every paragraph: 20 000 paragraphs of 4 bytes would make a
    /// million elements.
    #[test]
    fn rebuilt_formatting_elements_stay_within_the_budget() {
        let open: String = (0..50).map(|i| format!("<div><b c={i}></div>")).collect();
        let page = format!("{open}{}", "<p>x".repeat(20_000));
        let nodes = parse(&page).tree.nodes().count();
        assert!(
            nodes * NODE_COST <= tree_budget(page.len()) + 64 * NODE_COST,
            "{nodes} nodes"
        );
    }

    /// Ten thousand `<br>` per megabyte of budget: the tree of 400 000 stays within it.
    #[test]
    fn a_tree_stays_within_its_budget() {
        let page = "<br>".repeat(400_000);
        let nodes = parse(&page).tree.nodes().count();
        assert!(
            nodes * NODE_COST <= tree_budget(page.len()) + 8 * NODE_COST,
            "{nodes} nodes"
        );
    }

    #[test]
    fn attributes_are_read_by_name_in_any_case() {
        assert!(!is_unread_attribute(b"Class") && !is_unread_attribute(b"data-src"));
        assert!(is_unread_attribute(b"ONCLICK") && is_unread_attribute(b"data-x"));
        assert!(is_unread_attribute(b"a-name-longer-than-any-read-one"));
    }

    /// The prescan cuts an attribute before parsing unless the read list names it: every `attr("…")` and
    /// `dom::attr(element, "…")` of the library must be there (the `attrs()` loops of extraction and the metadata
    /// scan are listed by hand).
    #[test]
    fn every_attribute_the_code_reads_is_kept() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut folders = vec![std::path::PathBuf::from(root)];
        let mut read = 0;
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("src/ is readable") {
                let path = entry.expect("src/ is readable").path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "rs") {
                    continue;
                }
                let code = std::fs::read_to_string(&path).expect("a source file is text");
                for (at, _) in code.match_indices("attr(") {
                    // `element.attr("name")`, or `dom::attr(element, "name")`.
                    let rest = &code[at + 5..];
                    let rest = match rest.strip_prefix('"') {
                        Some(rest) => rest,
                        None => match rest.split_once(", \"") {
                            Some((arg, rest))
                                if arg.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') =>
                            {
                                rest
                            }
                            _ => continue,
                        },
                    };
                    let name = &rest[..rest.find('"').expect("a closed string")];
                    // Names only: this test's own doc has `attr("…")`.
                    if name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'-' || b == b':')
                    {
                        assert!(
                            !is_unread_attribute(name.as_bytes()),
                            "{}: {name}",
                            path.display()
                        );
                        read += 1;
                    }
                }
            }
        }
        assert!(read > 10, "found {read} reads");
    }

    #[test]
    fn template_scripts_are_found_and_others_are_not() {
        let page =
            "<script>var a = '<p>x</p>';</script><SCRIPT TYPE='Text/Template'><p>Post</p></script>\
                    <script type=\"application/ld+json\">{}</script>";
        let lean = strip_hidden(page, &|_| true);
        let templates: Vec<&str> = lean.templates.iter().map(|r| &page[r.clone()]).collect();
        assert_eq!(templates, vec!["<p>Post</p>"]);
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
                "<p>text</p><svg></svg><p>more</p></body>"
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
            "<head><link rel=stylesheet href=a.css><LINK REL=Canonical href=/c><link rel=&#99;anonical href=/r></head>",
            "<p title=t aria-label='a b' class=k TARGET=_blank>x</p>",
            "<script></script><link data-src=z onclick='a()'<!--= rel=Canonical<script type=application/ld+json>",
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
                            // A link is read only when it is canonical: the others' attributes are all cut.
                            let unread_link = e.name() == "link"
                                && !e.attrs().any(|(name, value)| {
                                    contains_ignore_case(name.as_bytes(), b"canonical")
                                        || contains_ignore_case(value.as_bytes(), b"canonical")
                                });
                            let mut attrs: Vec<String> = e
                                .attrs()
                                .filter(|(name, _)| {
                                    !unread_link && !is_unread_attribute(name.as_bytes())
                                })
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
    pub(in crate::parse) const PIECES: &[&str] = &[
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
        "<link",
        "<LINK rel=stylesheet href=s>",
        " rel=Canonical",
        " title=t",
        " aria-label='x y'",
        " TARGET=_blank",
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
