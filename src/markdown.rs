//! Rendering: the article's subtrees of the parsed page to markdown, walking scraper's tree iteratively so that
//! deeply nested pages cannot overflow the stack.

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};
use url::Url;

use crate::extract::{self, walk_with_close, Article, Step};

/// How to render.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderOptions<'a> {
    /// The URL relative links are resolved against (`<base href>` wins over it).
    pub base_url: Option<&'a Url>,
    /// Keep images as `![alt](src)`.
    pub images: bool,
}

/// Renders the article as markdown: blocks separated by one blank line, ending in one newline (empty when there
/// is no article).
pub fn render(html: &Html, article: &Article, options: &RenderOptions<'_>) -> String {
    let mut writer = Writer::new(article, options);
    for root in &article.roots {
        if let Some(node) = html.tree.get(*root) {
            writer.tables = table_shapes(node);
            writer.walk(node);
            writer.flush();
            writer.containers.clear();
            writer.stable = 0;
            writer.frames.clear();
            writer.lists.clear();
            writer.items.clear();
        }
    }
    let mut out = writer.out;
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// What the renderer knows of a table before rendering it: whether it holds another table, and its widest row.
#[derive(Debug, Default, Clone, Copy)]
struct TableShape {
    nested: bool,
    columns: usize,
    rows: usize,
}

impl TableShape {
    /// A table that lays out a page rather than holding data is rendered as a sequence of blocks.
    fn is_layout(&self) -> bool {
        self.nested || self.columns < 2 || self.rows < 1
    }
}

/// Measures every table under `root` in one pass.
fn table_shapes(root: NodeRef<'_, Node>) -> HashMap<NodeId, TableShape> {
    let mut shapes: HashMap<NodeId, TableShape> = HashMap::new();
    let mut open: Vec<NodeId> = Vec::new();
    let mut cells: Vec<usize> = Vec::new();
    for edge in root.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                let Some(element) = node.value().as_element() else {
                    continue;
                };
                match element.name() {
                    "table" => {
                        if let Some(outer) = open.last() {
                            shapes.entry(*outer).or_default().nested = true;
                        }
                        open.push(node.id());
                        shapes.entry(node.id()).or_default();
                    }
                    "tr" => {
                        if let Some(table) = open.last() {
                            shapes.entry(*table).or_default().rows += 1;
                        }
                        cells.push(0);
                    }
                    "td" | "th" => {
                        let span = colspan(element);
                        if let Some(count) = cells.last_mut() {
                            *count += span;
                        }
                    }
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                let Some(element) = node.value().as_element() else {
                    continue;
                };
                match element.name() {
                    "table" => {
                        open.pop();
                    }
                    "tr" => {
                        let count = cells.pop().unwrap_or(0);
                        if let Some(table) = open.last() {
                            let shape = shapes.entry(*table).or_default();
                            shape.columns = shape.columns.max(count);
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    shapes
}

fn colspan(element: &scraper::node::Element) -> usize {
    element
        .attr("colspan")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, 64)
}

/// The longest item a tight list holds: longer items read as paragraphs, so their list keeps blank lines.
const TIGHT_ITEM_CHARS: usize = 200;

/// What a list being written knows of its items, to make it tight when they all are single short blocks.
#[derive(Debug, Default)]
struct ListLayout {
    /// Whether every item so far is at most one short single-line block.
    tight: bool,
    /// Whether an item of this list has written a block.
    started: bool,
    /// Where `out` holds the blank line before each later item's first block.
    separators: Vec<usize>,
}

/// What a list item being written knows of its blocks.
#[derive(Debug, Default)]
struct ItemLayout {
    /// How many blocks it has written, those of nested lists included.
    blocks: usize,
    /// Whether its blocks are all short single lines.
    short: bool,
    /// Where `out` holds the blank line before its first block.
    separator: Option<usize>,
}

/// A block container the current line sits in.
#[derive(Debug, Clone)]
enum Container {
    Quote,
    Item {
        indent: usize,
        marker: Option<String>,
    },
}

/// What an open element needs when it closes.
#[derive(Debug)]
enum Frame {
    /// Nothing to do.
    Plain,
    /// A block element: flush the paragraph.
    Block,
    /// A heading of this level.
    Heading(usize),
    /// Emphasis or a link: wrap the text from this offset of the paragraph buffer.
    Span { start: usize, kind: SpanKind },
    /// Inline code from this offset.
    Code { start: usize },
    /// A preformatted block.
    Pre { language: Option<String> },
    /// A list: its kind and the next number.
    List { ordered: bool, next: u64 },
    /// A list item (its container was pushed).
    Item,
    /// A blockquote (its container was pushed).
    Quote,
    /// A data table being collected.
    Table(TableRows),
    /// A row of a data table.
    Row,
    /// A cell of a data table, with the paragraph buffer's offset where its text starts.
    Cell { start: usize, span: usize },
}

#[derive(Debug)]
enum SpanKind {
    Emphasis(&'static str),
    Link(Option<String>),
}

#[derive(Debug, Default)]
struct TableRows {
    rows: Vec<Vec<String>>,
    header: bool,
}

struct Writer<'a> {
    article: &'a Article,
    options: &'a RenderOptions<'a>,
    out: String,
    /// The paragraph being built: escaped inline markdown on one line, except hard breaks (`\` + newline).
    inline: String,
    containers: Vec<Container>,
    /// How many of `containers` have stayed open since the last block was written: a blank line between two
    /// blocks carries only their prefixes.
    stable: usize,
    frames: Vec<Frame>,
    tables: HashMap<NodeId, TableShape>,
    /// The lists being written, innermost last.
    lists: Vec<ListLayout>,
    /// The list items being written, innermost last.
    items: Vec<ItemLayout>,
    /// Depth of `pre` elements: text is kept verbatim.
    pre: usize,
    /// Depth of inline `code` elements: text is not escaped.
    code: usize,
    /// Depth of data-table cells: blocks become spaces.
    cell: usize,
    /// Depth of links: nested links become text.
    link: usize,
    /// Depth of headings: hard breaks become spaces.
    heading: usize,
}

impl<'a> Writer<'a> {
    fn new(article: &'a Article, options: &'a RenderOptions<'a>) -> Self {
        Writer {
            article,
            options,
            out: String::new(),
            inline: String::new(),
            containers: Vec::new(),
            stable: 0,
            frames: Vec::new(),
            tables: HashMap::new(),
            lists: Vec::new(),
            items: Vec::new(),
            pre: 0,
            code: 0,
            cell: 0,
            link: 0,
            heading: 0,
        }
    }

    /// Walks the subtree of `root` without recursion, closing every element whose children were walked.
    fn walk(&mut self, root: NodeRef<'_, Node>) {
        walk_with_close(root, |step| match step {
            Step::Open(node) => self.open(node),
            Step::Close(node) => {
                self.close(node);
                true
            }
        });
    }

    /// Handles the start of a node. Returns whether its children are walked (and `close` will be called).
    fn open(&mut self, node: NodeRef<'_, Node>) -> bool {
        match node.value() {
            Node::Text(text) => {
                self.text(text);
                false
            }
            Node::Element(element) => {
                if self.article.skip.contains(node.id()) || extract::is_never_content(element) {
                    return false;
                }
                let frame = self.open_element(node, element);
                match frame {
                    Some(frame) => {
                        self.frames.push(frame);
                        true
                    }
                    None => false,
                }
            }
            Node::Document | Node::Fragment => {
                self.frames.push(Frame::Plain);
                true
            }
            _ => false,
        }
    }

    fn open_element(
        &mut self,
        node: NodeRef<'_, Node>,
        element: &scraper::node::Element,
    ) -> Option<Frame> {
        let name = element.name();
        if self.pre > 0 {
            if name == "br" {
                self.inline.push('\n');
                return None;
            }
            return Some(Frame::Plain);
        }
        if self.cell > 0 {
            return Some(self.open_in_cell(node, element));
        }
        let frame = match name {
            "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "aside"
            | "nav" | "address" | "figure" | "figcaption" | "details" | "summary" | "center"
            | "dl" | "dt" | "dd" | "body" | "html" | "fieldset" | "legend" | "hgroup"
            | "caption" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "form" | "menu"
            | "dialog" | "search" => {
                self.flush();
                Frame::Block
            }
            "table" => {
                self.flush();
                let layout = self
                    .tables
                    .get(&node.id())
                    .is_none_or(|shape| shape.is_layout());
                if layout {
                    Frame::Block
                } else {
                    self.cell += 1;
                    Frame::Table(TableRows::default())
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                self.heading += 1;
                let level = usize::from(name.as_bytes()[1] - b'0');
                Frame::Heading(level)
            }
            "ul" | "ol" => {
                self.flush();
                let ordered = name == "ol";
                let start = element
                    .attr("start")
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .unwrap_or(1)
                    .min(999_999_999);
                self.lists.push(ListLayout {
                    tight: true,
                    ..ListLayout::default()
                });
                Frame::List {
                    ordered,
                    next: start,
                }
            }
            "li" => {
                self.flush();
                let marker = self.next_marker(element);
                let indent = marker.len();
                self.containers.push(Container::Item {
                    indent,
                    marker: Some(marker),
                });
                self.items.push(ItemLayout {
                    short: true,
                    ..ItemLayout::default()
                });
                Frame::Item
            }
            "blockquote" => {
                self.flush();
                self.containers.push(Container::Quote);
                Frame::Quote
            }
            "pre" | "listing" | "xmp" | "plaintext" => {
                self.flush();
                self.pre += 1;
                Frame::Pre {
                    language: code_language(node),
                }
            }
            "hr" => {
                self.flush();
                self.emit_block("---");
                return None;
            }
            "br" => {
                if self.heading > 0 {
                    self.push_space();
                } else {
                    let trimmed = self.inline.trim_end_matches(' ').len();
                    self.inline.truncate(trimmed);
                    if self.inline.ends_with("\\\n") && !self.in_span() {
                        // Two line breaks in a row are how many pages separate paragraphs: a paragraph break.
                        // One stays a line break (a poem, an address).
                        self.inline.truncate(self.inline.len() - 2);
                        self.flush();
                    } else if !self.inline.is_empty() && !self.inline.ends_with('\n') {
                        self.inline.push_str("\\\n");
                    }
                }
                return None;
            }
            "img" => {
                self.image(element);
                return None;
            }
            "code" | "kbd" | "samp" | "tt" => {
                self.code += 1;
                Frame::Code {
                    start: self.inline.len(),
                }
            }
            "em" | "i" | "cite" | "dfn" | "var" => Frame::Span {
                start: self.inline.len(),
                kind: SpanKind::Emphasis("*"),
            },
            "strong" | "b" => Frame::Span {
                start: self.inline.len(),
                kind: SpanKind::Emphasis("**"),
            },
            "a" => {
                self.link += 1;
                Frame::Span {
                    start: self.inline.len(),
                    kind: SpanKind::Link(self.link_target(element)),
                }
            }
            _ => Frame::Plain,
        };
        Some(frame)
    }

    /// Inside a data-table cell only inline markup survives; rows and cells are collected.
    fn open_in_cell(&mut self, node: NodeRef<'_, Node>, element: &scraper::node::Element) -> Frame {
        let _ = node;
        match element.name() {
            "tr" => {
                if let Some(table) = self.current_table() {
                    table.rows.push(Vec::new());
                }
                Frame::Row
            }
            "td" | "th" => {
                if element.name() == "th" {
                    if let Some(table) = self.current_table() {
                        if table.rows.len() <= 1 {
                            table.header = true;
                        }
                    }
                }
                self.push_space();
                Frame::Cell {
                    start: self.inline.len(),
                    span: colspan(element),
                }
            }
            "br" | "p" | "div" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
            | "blockquote" | "pre" | "dt" | "dd" => {
                self.push_space();
                Frame::Plain
            }
            "img" => {
                self.image(element);
                Frame::Plain
            }
            "code" | "kbd" | "samp" | "tt" => {
                self.code += 1;
                Frame::Code {
                    start: self.inline.len(),
                }
            }
            "em" | "i" => Frame::Span {
                start: self.inline.len(),
                kind: SpanKind::Emphasis("*"),
            },
            "strong" | "b" => Frame::Span {
                start: self.inline.len(),
                kind: SpanKind::Emphasis("**"),
            },
            "a" => {
                self.link += 1;
                Frame::Span {
                    start: self.inline.len(),
                    kind: SpanKind::Link(self.link_target(element)),
                }
            }
            _ => Frame::Plain,
        }
    }

    /// Whether an inline element is open whose markup wraps text from an offset of the paragraph: ending the
    /// paragraph inside it would misplace that markup.
    fn in_span(&self) -> bool {
        self.frames
            .iter()
            .any(|frame| matches!(frame, Frame::Span { .. } | Frame::Code { .. }))
    }

    fn current_table(&mut self) -> Option<&mut TableRows> {
        self.frames.iter_mut().rev().find_map(|frame| match frame {
            Frame::Table(rows) => Some(rows),
            _ => None,
        })
    }

    /// Handles the end of an element whose `open` returned true.
    fn close(&mut self, node: NodeRef<'_, Node>) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        match frame {
            Frame::Plain => {}
            Frame::Block => {
                if self.cell > 0 {
                    self.push_space();
                } else {
                    self.flush();
                }
            }
            Frame::Heading(level) => {
                self.heading = self.heading.saturating_sub(1);
                let text = std::mem::take(&mut self.inline);
                let text = text.trim();
                if !text.is_empty() {
                    let mut line = "#".repeat(level);
                    line.push(' ');
                    line.push_str(text);
                    self.emit_block(&line);
                }
            }
            Frame::Span { start, kind } => {
                let next_is_word = node
                    .next_sibling()
                    .and_then(|n| {
                        n.value()
                            .as_text()
                            .map(|t| t.starts_with(char::is_alphanumeric))
                    })
                    .unwrap_or(false);
                self.close_span(start, kind, next_is_word);
            }
            Frame::Code { start } => {
                self.code = self.code.saturating_sub(1);
                self.close_code(start);
            }
            Frame::Pre { language } => {
                self.pre = self.pre.saturating_sub(1);
                if self.pre == 0 {
                    let text = std::mem::take(&mut self.inline);
                    self.emit_code_block(&text, language.as_deref());
                }
            }
            Frame::List { .. } => {
                self.flush();
                self.close_list();
            }
            Frame::Item => {
                self.flush();
                self.containers.pop();
                self.stable = self.stable.min(self.containers.len());
                self.close_item();
            }
            Frame::Quote => {
                self.flush();
                self.containers.pop();
                self.stable = self.stable.min(self.containers.len());
            }
            Frame::Table(rows) => {
                self.cell = self.cell.saturating_sub(1);
                self.inline.clear();
                self.emit_table(rows);
            }
            Frame::Row => {}
            Frame::Cell { start, span } => {
                let start = start.min(self.inline.len());
                let text = self.inline.split_off(start);
                let text = text.replace("\\\n", " ").trim().to_string();
                self.inline.clear();
                if let Some(table) = self.current_table() {
                    if table.rows.is_empty() {
                        table.rows.push(Vec::new());
                    }
                    if let Some(row) = table.rows.last_mut() {
                        row.push(text);
                        for _ in 1..span {
                            row.push(String::new());
                        }
                    }
                }
            }
        }
    }

    /// Records in its list how an item was written.
    fn close_item(&mut self) {
        let Some(item) = self.items.pop() else {
            return;
        };
        let Some(list) = self.lists.last_mut() else {
            return;
        };
        if item.blocks == 0 {
            return;
        }
        list.tight &= item.blocks == 1 && item.short;
        if list.started {
            list.separators.extend(item.separator);
        }
        list.started = true;
    }

    /// Makes a list tight when every item is a single short block: the blank lines between its items go.
    fn close_list(&mut self) {
        let Some(list) = self.lists.pop() else {
            return;
        };
        if !list.tight {
            return;
        }
        // From the last so that the earlier offsets stay valid; each separator is `\n` + blank line + `\n`.
        for &at in list.separators.iter().rev() {
            if let Some(end) = self.out[at + 1..].find('\n') {
                self.out.replace_range(at + 1..at + 2 + end, "");
            }
        }
    }

    /// The marker of the next item of the innermost list.
    fn next_marker(&mut self, element: &scraper::node::Element) -> String {
        let list = self.frames.iter_mut().rev().find_map(|frame| match frame {
            Frame::List { ordered, next } => Some((ordered, next)),
            _ => None,
        });
        match list {
            Some((true, next)) => {
                if let Some(value) = element
                    .attr("value")
                    .and_then(|v| v.trim().parse::<u64>().ok())
                {
                    *next = value.min(999_999_999);
                }
                let marker = format!("{next}. ");
                *next += 1;
                marker
            }
            _ => "- ".to_string(),
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            self.inline.push_str(text);
            return;
        }
        let verbatim = self.code > 0;
        // Plain characters are copied in runs; only white space and markdown syntax are handled one by one.
        let mut run = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            let special = if verbatim {
                c == '|' && self.cell > 0
            } else {
                matches!(
                    c,
                    '\\' | '*' | '`' | '[' | ']' | '|' | '~' | '<' | '_' | '&' | '#'
                )
            };
            if !special && !c.is_whitespace() {
                continue;
            }
            self.inline.push_str(&text[run..at]);
            run = at + c.len_utf8();
            if c.is_whitespace() {
                self.push_space();
                continue;
            }
            if verbatim {
                self.inline.push('\\');
                self.inline.push(c);
                continue;
            }
            match c {
                '_' => {
                    let before = self.inline.chars().next_back();
                    let after = chars.peek().map(|&(_, next)| next);
                    let intraword = before.is_some_and(char::is_alphanumeric)
                        && after.is_some_and(char::is_alphanumeric);
                    if !intraword {
                        self.inline.push('\\');
                    }
                }
                '&' => {
                    if chars
                        .peek()
                        .is_some_and(|&(_, n)| n.is_ascii_alphanumeric() || n == '#')
                    {
                        self.inline.push('\\');
                    }
                }
                '#' => {
                    let before = self.inline.chars().next_back();
                    if before.is_none_or(|b| b == ' ' || b == '\n') {
                        self.inline.push('\\');
                    }
                }
                _ => self.inline.push('\\'),
            }
            self.inline.push(c);
        }
        self.inline.push_str(&text[run..]);
    }

    /// Appends one space unless the paragraph is empty or already ends in whitespace.
    fn push_space(&mut self) {
        if !self.inline.is_empty() && !self.inline.ends_with([' ', '\n']) {
            self.inline.push(' ');
        }
    }

    fn close_span(&mut self, start: usize, kind: SpanKind, next_is_word: bool) {
        let start = start.min(self.inline.len());
        let tail = self.inline.split_off(start);
        let lead = tail.starts_with(' ');
        let trail = tail.ends_with(' ');
        let inner = tail.trim_matches(|c: char| c == ' ' || c == '\n');
        let inner = inner.strip_suffix('\\').unwrap_or(inner).trim_end();
        if lead {
            self.push_space();
        }
        match kind {
            SpanKind::Emphasis(marker) => {
                // A marker between punctuation and a letter is not read as emphasis (`**‘a’**b`): leave
                // those plain.
                let before_word = self
                    .inline
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let opens = inner.chars().next().is_some_and(char::is_alphanumeric) || !before_word;
                let closes =
                    inner.chars().next_back().is_some_and(char::is_alphanumeric) || !next_is_word;
                let has_word = inner.chars().any(char::is_alphanumeric);
                if has_word && opens && closes && self.heading == 0 && !inner.contains('\n') {
                    self.inline.push_str(marker);
                    self.inline.push_str(inner);
                    self.inline.push_str(marker);
                } else {
                    self.inline.push_str(inner);
                }
            }
            SpanKind::Link(target) => {
                self.link = self.link.saturating_sub(1);
                match target {
                    Some(url) if !inner.is_empty() && self.link == 0 && !has_link(inner) => {
                        self.inline.push('[');
                        self.inline.push_str(inner);
                        self.inline.push_str("](");
                        self.inline.push_str(&url);
                        self.inline.push(')');
                    }
                    _ => self.inline.push_str(inner),
                }
            }
        }
        if trail {
            self.push_space();
        }
    }

    fn close_code(&mut self, start: usize) {
        let start = start.min(self.inline.len());
        let tail = self.inline.split_off(start);
        let lead = tail.starts_with(' ');
        let trail = tail.ends_with(' ');
        let inner = tail.trim();
        if lead {
            self.push_space();
        }
        if !inner.is_empty() {
            if self.code > 0 {
                self.inline.push_str(inner);
            } else {
                let run = longest_run(inner, '`');
                let fence = "`".repeat(run + 1);
                let pad = inner.starts_with('`') || inner.ends_with('`');
                self.inline.push_str(&fence);
                if pad {
                    self.inline.push(' ');
                }
                self.inline.push_str(inner);
                if pad {
                    self.inline.push(' ');
                }
                self.inline.push_str(&fence);
            }
        }
        if trail {
            self.push_space();
        }
    }

    fn image(&mut self, element: &scraper::node::Element) {
        if !self.options.images {
            return;
        }
        let Some(src) = element
            .attr("src")
            .or_else(|| element.attr("data-src"))
            .map(str::trim)
            .filter(|s| !s.is_empty() && !s.starts_with("data:"))
        else {
            return;
        };
        let Some(url) = self.resolve(src) else {
            return;
        };
        let alt = element.attr("alt").unwrap_or("").trim();
        let mut escaped = String::new();
        for c in alt.chars() {
            if c.is_whitespace() {
                if !escaped.ends_with(' ') && !escaped.is_empty() {
                    escaped.push(' ');
                }
                continue;
            }
            if matches!(c, '\\' | '[' | ']' | '*' | '_' | '`' | '|' | '<') {
                escaped.push('\\');
            }
            escaped.push(c);
        }
        self.push_space();
        self.inline.push_str("![");
        self.inline.push_str(escaped.trim_end());
        self.inline.push_str("](");
        self.inline.push_str(&url);
        self.inline.push(')');
    }

    /// The markdown target of a link, or `None` when it leads nowhere (`#…`, empty, `javascript:`).
    fn link_target(&self, element: &scraper::node::Element) -> Option<String> {
        let href = element.attr("href")?.trim();
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
        self.resolve(href)
    }

    /// `href` made absolute against the base URL, written so markdown reads it back whole.
    fn resolve(&self, href: &str) -> Option<String> {
        let url = match self.options.base_url {
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

    /// Ends the current paragraph.
    fn flush(&mut self) {
        if self.inline.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.inline);
        let text = text.trim_matches(|c: char| c == ' ' || c == '\n');
        let text = text.strip_suffix('\\').unwrap_or(text).trim_end();
        if text.is_empty() {
            return;
        }
        let mut paragraph = String::with_capacity(text.len() + 8);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                paragraph.push('\n');
            }
            let line = line.trim_start();
            escape_line_start(line, &mut paragraph);
        }
        self.emit_block(&paragraph);
    }

    fn emit_code_block(&mut self, text: &str, language: Option<&str>) {
        let text = text.strip_prefix('\n').unwrap_or(text);
        let text = text.trim_end();
        if text.trim().is_empty() {
            return;
        }
        let run = longest_run(text, '`').max(2);
        let fence = "`".repeat(run + 1);
        let mut block = String::with_capacity(text.len() + 16);
        block.push_str(&fence);
        if let Some(language) = language {
            block.push_str(language);
        }
        block.push('\n');
        for line in text.lines() {
            block.push_str(line.trim_end());
            block.push('\n');
        }
        block.push_str(&fence);
        self.emit_block(&block);
    }

    fn emit_table(&mut self, table: TableRows) {
        let rows: Vec<Vec<String>> = table
            .rows
            .into_iter()
            .filter(|row| row.iter().any(|cell| !cell.is_empty()))
            .collect();
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        if rows.is_empty() || columns == 0 {
            return;
        }
        let mut block = String::new();
        let line = |row: &[String], block: &mut String| {
            block.push('|');
            for i in 0..columns {
                let cell = row.get(i).map(String::as_str).unwrap_or("");
                block.push(' ');
                block.push_str(cell);
                if !cell.is_empty() {
                    block.push(' ');
                }
                block.push('|');
            }
        };
        let mut rows = rows.into_iter();
        let _ = table.header;
        if let Some(first) = rows.next() {
            line(&first, &mut block);
            block.push('\n');
            block.push('|');
            for _ in 0..columns {
                block.push_str(" --- |");
            }
        }
        for row in rows {
            block.push('\n');
            line(&row, &mut block);
        }
        self.emit_block(&block);
    }

    /// Writes a block, each line behind the prefixes of its containers, one blank line after the previous one.
    fn emit_block(&mut self, block: &str) {
        let separator = (!self.out.is_empty()).then_some(self.out.len());
        let short = !block.contains('\n') && block.chars().count() <= TIGHT_ITEM_CHARS;
        for item in &mut self.items {
            if item.blocks == 0 {
                item.separator = separator;
            }
            item.blocks += 1;
            item.short &= short;
        }
        if !self.out.is_empty() {
            let blank = blank_prefix(&self.containers[..self.stable.min(self.containers.len())]);
            self.out.push('\n');
            self.out.push_str(&blank);
            self.out.push('\n');
        }
        for (i, line) in block.split('\n').enumerate() {
            if i > 0 {
                self.out.push('\n');
            }
            let prefix = self.prefix(i == 0);
            if line.is_empty() {
                self.out.push_str(prefix.trim_end());
            } else {
                self.out.push_str(&prefix);
                self.out.push_str(line.trim_end());
            }
        }
        self.stable = self.containers.len();
    }

    /// The prefix of a line: `> ` per quote, the item's marker on its first line, else its indent.
    fn prefix(&mut self, first_line: bool) -> String {
        let mut prefix = String::new();
        for container in &mut self.containers {
            match container {
                Container::Quote => prefix.push_str("> "),
                Container::Item { indent, marker } => {
                    if first_line {
                        if let Some(marker) = marker.take() {
                            prefix.push_str(&marker);
                            continue;
                        }
                    }
                    prefix.extend(std::iter::repeat_n(' ', *indent));
                }
            }
        }
        prefix
    }
}

/// The prefix of a blank line inside `containers`: `>` per quote behind list indents, no trailing space.
fn blank_prefix(containers: &[Container]) -> String {
    let mut prefix = String::new();
    for container in containers {
        match container {
            Container::Quote => prefix.push_str("> "),
            Container::Item { indent, .. } => prefix.extend(std::iter::repeat_n(' ', *indent)),
        }
    }
    prefix.trim_end().to_string()
}

/// Escapes what would open a block at the start of a line: headings, quotes, list markers, setext underlines.
fn escape_line_start(line: &str, out: &mut String) {
    let bytes = line.as_bytes();
    match bytes.first() {
        Some(b'#' | b'>' | b'-' | b'+' | b'=') => out.push('\\'),
        Some(b'0'..=b'9') => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits <= 9 && matches!(bytes.get(digits), Some(b'.' | b')')) {
                out.push_str(&line[..digits]);
                out.push('\\');
                out.push_str(&line[digits..]);
                return;
            }
        }
        _ => {}
    }
    out.push_str(line);
}

/// Whether already-rendered inline markdown holds a link (links cannot nest).
fn has_link(inner: &str) -> bool {
    inner.contains("](")
}

fn longest_run(text: &str, c: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for ch in text.chars() {
        if ch == c {
            run += 1;
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// The language of a code block from its class (`language-rust`, `lang-rust`), on `pre` or its `code` child.
fn code_language(pre: NodeRef<'_, Node>) -> Option<String> {
    let own = pre.value().as_element();
    let child = pre
        .children()
        .filter_map(|c| c.value().as_element())
        .find(|e| e.name() == "code");
    for element in [own, child].into_iter().flatten() {
        for class in element.classes() {
            let name = class
                .strip_prefix("language-")
                .or_else(|| class.strip_prefix("lang-"));
            if let Some(name) = name {
                let clean: String = name
                    .chars()
                    .filter(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '#' | '.' | '-')
                    })
                    .collect();
                if !clean.is_empty() {
                    return Some(clean);
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{extract, ExtractOptions};

    fn md(body: &str) -> String {
        md_with(body, false)
    }

    fn md_with(body: &str, images: bool) -> String {
        let html = Html::parse_document(&format!("<html><body>{body}</body></html>"));
        let article = Article::whole_body(&html);
        let base = Url::parse("https://example.com/dir/page.html").ok();
        render(
            &html,
            &article,
            &RenderOptions {
                base_url: base.as_ref(),
                images,
            },
        )
    }

    #[test]
    fn paragraphs_are_separated_by_one_blank_line() {
        assert_eq!(md("<p>one\n two</p><p>three</p>"), "one two\n\nthree\n");
    }

    #[test]
    fn headings_get_hashes() {
        assert_eq!(md("<h2>Sub <em>x</em></h2><p>t</p>"), "## Sub x\n\nt\n");
    }

    #[test]
    fn special_characters_are_escaped() {
        assert_eq!(
            md("<p>a *b* [c](d) x|y 1_000 _u_</p><p># not a heading</p><p>1. not a list</p>"),
            "a \\*b\\* \\[c\\](d) x\\|y 1_000 \\_u\\_\n\n\\# not a heading\n\n1\\. not a list\n"
        );
    }

    #[test]
    fn links_are_made_absolute_and_dead_links_become_text() {
        assert_eq!(
            md("<p><a href='../x'>rel</a> <a href='#top'>top</a> <a href='javascript:void(0)'>js</a> <a>none</a> <a href=''>empty</a></p>"),
            "[rel](https://example.com/x) top js none empty\n"
        );
    }

    #[test]
    fn emphasis_next_to_punctuation_and_letters_stays_plain() {
        assert_eq!(md("<p><b>‘a’</b>b <i>c.</i> d</p>"), "‘a’b *c.* d\n");
    }

    #[test]
    fn emphasis_moves_spaces_outside() {
        assert_eq!(md("<p>a<b> bold </b>c <i></i>d</p>"), "a **bold** c d\n");
    }

    #[test]
    fn nested_lists_keep_start_numbers() {
        assert_eq!(
            md("<ol start='3'><li>three<ul><li>sub</li></ul></li><li>four</li></ol>"),
            "3. three\n\n   - sub\n\n4. four\n"
        );
    }

    #[test]
    fn lists_of_single_short_items_are_tight() {
        assert_eq!(
            md("<p>Menu</p><ul><li>Home</li><li></li><li><a href='/n'>News</a></li></ul><p>after</p>"),
            "Menu\n\n- Home\n- [News](https://example.com/n)\n\nafter\n"
        );
        assert_eq!(
            md("<blockquote><ol><li><p>a</p></li><li>b</li></ol></blockquote>"),
            "> 1. a\n> 2. b\n"
        );
        assert_eq!(
            md("<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>"),
            "- a\n\n  - b\n  - c\n\n- d\n",
            "an item with a nested list is two blocks: the outer list stays loose"
        );
    }

    #[test]
    fn lists_with_paragraph_items_stay_loose() {
        let long = "word ".repeat(50);
        assert_eq!(
            md(&format!("<ul><li>{long}</li><li>b</li></ul>")),
            format!("- {}\n\n- b\n", long.trim_end())
        );
        assert_eq!(
            md("<ul><li><p>a</p><p>b</p></li><li>c</li></ul>"),
            "- a\n\n  b\n\n- c\n"
        );
    }

    #[test]
    fn blockquotes_prefix_every_line() {
        assert_eq!(
            md("<blockquote><p>a</p><p>b</p></blockquote><p>c</p>"),
            "> a\n>\n> b\n\nc\n"
        );
    }

    #[test]
    fn a_quote_after_a_list_is_one_blank_line_apart() {
        assert_eq!(
            md("<ul><li>a</li></ul><blockquote>q</blockquote><blockquote>r</blockquote>"),
            "- a\n\n> q\n\n> r\n"
        );
    }

    #[test]
    fn code_blocks_are_fenced_with_language() {
        assert_eq!(
            md("<pre><code class='language-rust'>fn a() {\n  *b\n}\n</code></pre>"),
            "```rust\nfn a() {\n  *b\n}\n```\n"
        );
        assert_eq!(md("<p>call <code>a*b`c</code></p>"), "call ``a*b`c``\n");
    }

    #[test]
    fn tables_without_th_use_first_row_as_header() {
        assert_eq!(
            md("<table><tr><td>a|b</td><td>c</td></tr><tr><td>1</td><td><b>2</b></td></tr></table>"),
            "| a\\|b | c |\n| --- | --- |\n| 1 | **2** |\n"
        );
    }

    #[test]
    fn layout_tables_become_blocks() {
        assert_eq!(
            md("<table><tr><td><p>one</p></td></tr><tr><td>two</td></tr></table>"),
            "one\n\ntwo\n"
        );
    }

    #[test]
    fn line_breaks_and_rules() {
        assert_eq!(md("<p>a<br>b</p><hr><p>c</p>"), "a\\\nb\n\n---\n\nc\n");
    }

    #[test]
    fn two_line_breaks_are_a_paragraph_break() {
        assert_eq!(
            md("<div>one<br><br>two<br>\n <br><br>three<br>four</div>"),
            "one\n\ntwo\n\nthree\\\nfour\n"
        );
        assert_eq!(md("<p>a<br><br></p><p>b</p>"), "a\n\nb\n");
        assert_eq!(
            md("<p><b>a<br><br>b</b> c</p>"),
            "a\\\nb c\n",
            "a break inside emphasis stays a line break"
        );
    }

    #[test]
    fn images_only_when_asked() {
        assert_eq!(md("<p>x <img src='i.png' alt='pic'></p>"), "x\n");
        assert_eq!(
            md_with("<p>x <img src='i.png' alt='pic'></p>", true),
            "x ![pic](https://example.com/dir/i.png)\n"
        );
    }

    #[test]
    fn scripts_never_leak() {
        assert_eq!(md("<p>a<script>var x = 1;</script></p>"), "a\n");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 10_000;
        let body = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(md(&body), "deep\n");
    }

    #[test]
    fn extract_entry_is_compatible() {
        let html = Html::parse_document("<p>x</p>");
        let article = extract(&html, &ExtractOptions::default());
        let _ = render(&html, &article, &RenderOptions::default());
    }
}
