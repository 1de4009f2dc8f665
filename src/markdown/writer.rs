//! The writer: walks the article's subtrees and writes blocks (paragraphs, headings, lists, quotes, code blocks,
//! tables) one blank line apart, each line behind the prefixes of the containers it sits in.

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use super::escape::{escape_line_start, longest_run};
use super::inline::{self, Markup, SpanKind};
use super::table::{self, TableRows, TableShape};
use super::RenderOptions;
use crate::dom::{self, walk_with_close, Step};
use crate::extract::{self, Article};

/// The longest item a tight list holds: longer items read as paragraphs, so their list keeps blank lines.
const TIGHT_ITEM_CHARS: usize = 200;

/// Lists and quotes nested deeper than this are written at this depth. Each level adds its prefix to every line
/// inside it, so the output grew with the square of the nesting: 500 levels of `<blockquote>` made each 13-byte
/// `<blockquote>d` a kilobyte of `> `, and 0.5 MB of `<ul><li>x` 28 MB of indents (issue 17).
const MAX_CONTAINERS: usize = 16;

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

/// The state of a rendering: the markdown written so far and what the open elements need.
pub(super) struct Writer<'a> {
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
    pub(super) fn new(article: &'a Article, options: &'a RenderOptions<'a>) -> Self {
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

    /// Writes one subtree of the article, its tables measured first; the blocks it leaves open end with it.
    pub(super) fn write_root(&mut self, root: NodeRef<'_, Node>) {
        self.tables = table::table_shapes(root);
        self.walk(root);
        self.flush();
        self.containers.clear();
        self.stable = 0;
        self.frames.clear();
        self.lists.clear();
        self.items.clear();
    }

    /// The markdown written, ending in one newline (empty when nothing was written).
    pub(super) fn finish(self) -> String {
        let mut out = self.out;
        if !out.is_empty() {
            out.push('\n');
        }
        out
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
        if let Some(markup) = inline::markup(name) {
            return self.open_inline(element, markup);
        }
        if self.cell > 0 {
            return Some(self.open_in_cell(element));
        }
        let frame = match name {
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
                let start = dom::attr(element, "start")
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
            "li" | "blockquote" if self.containers.len() >= MAX_CONTAINERS => {
                self.flush();
                Frame::Block
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
            // Blocks without markdown of their own (`div`, `section`, table parts of a layout table…).
            name if dom::is_block(name) => {
                self.flush();
                Frame::Block
            }
            _ => Frame::Plain,
        };
        Some(frame)
    }

    /// Opens an element that marks up its text, in a paragraph or a table cell alike. An image is written at once.
    fn open_inline(&mut self, element: &scraper::node::Element, markup: Markup) -> Option<Frame> {
        let start = self.inline.len();
        match markup {
            Markup::Code => {
                self.code += 1;
                Some(Frame::Code { start })
            }
            Markup::Emphasis(marker) => Some(Frame::Span {
                start,
                kind: SpanKind::Emphasis(marker),
            }),
            Markup::Link => {
                self.link += 1;
                Some(Frame::Span {
                    start,
                    kind: SpanKind::Link(inline::link_target(element, self.options.base_url)),
                })
            }
            Markup::Image => {
                if self.options.images {
                    inline::push_image(&mut self.inline, element, self.options.base_url);
                }
                None
            }
        }
    }

    /// Inside a data-table cell only inline markup survives (see [`Self::open_inline`]); rows and cells are
    /// collected.
    fn open_in_cell(&mut self, element: &scraper::node::Element) -> Frame {
        match element.name() {
            "tr" => {
                if let Some(table) = self.current_table() {
                    table.rows.push(Vec::new());
                }
                Frame::Row
            }
            "td" | "th" => {
                self.push_space();
                Frame::Cell {
                    start: self.inline.len(),
                    span: table::colspan(element),
                }
            }
            // A cell is one line: a line break or a block inside it becomes a space, before the block and
            // after it, as the reader sees them on separate lines.
            "br" => {
                self.push_space();
                Frame::Plain
            }
            name if dom::is_block(name) => {
                self.push_space();
                Frame::Block
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
                if matches!(kind, SpanKind::Link(_)) {
                    self.link = self.link.saturating_sub(1);
                }
                inline::close_span(
                    &mut self.inline,
                    start,
                    kind,
                    next_is_word,
                    self.heading > 0,
                    self.link > 0,
                );
            }
            Frame::Code { start } => {
                self.code = self.code.saturating_sub(1);
                inline::close_code(&mut self.inline, start, self.code > 0);
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
                if let Some(block) = rows.into_block() {
                    self.emit_block(&block);
                }
            }
            Frame::Row => {}
            Frame::Cell { start, span } => {
                let start = start.min(self.inline.len());
                let text = self.inline.split_off(start);
                let text = text.replace("\\\n", " ").trim().to_string();
                self.inline.clear();
                if let Some(table) = self.current_table() {
                    table.push_cell(text, span);
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
                if let Some(value) =
                    dom::attr(element, "value").and_then(|v| v.trim().parse::<u64>().ok())
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
        inline::push_text(&mut self.inline, text, self.code > 0, self.cell > 0);
    }

    /// Appends one space to the paragraph unless it is empty or already ends in whitespace.
    fn push_space(&mut self) {
        inline::push_space(&mut self.inline);
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
