//! Emitting: a cleaned document as markdown with YAML front matter, plain text, or JSON.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::document::{overflow_cells, Cleaned, Metadata};
use crate::metadata::front_matter;

/// Output formats of `rinse clean`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown with YAML front matter (`markdown` is accepted too, as `--input-format` spells it).
    #[default]
    #[value(alias = "markdown")]
    #[serde(alias = "markdown")]
    Md,
    /// Plain text: one block per paragraph, heading, list item or table row; no markup, no URLs.
    Text,
    /// One JSON object per document: {"source", "metadata", "markdown", "text"}.
    Json,
    /// The same objects, one per line, as a single stream on stdout.
    Jsonl,
}

impl Format {
    /// The extension of an output file in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Text => "txt",
            Format::Json | Format::Jsonl => "json",
        }
    }
}

/// Renders a cleaned document in `format` (`jsonl` gives one line without its newline... plus the newline).
pub fn render(doc: &Cleaned, format: Format) -> String {
    match format {
        Format::Md => {
            let mut out = front_matter::render(&doc.metadata);
            out.push_str(&doc.markdown);
            out
        }
        Format::Text => to_text(&doc.markdown),
        Format::Json | Format::Jsonl => json_document(doc, &serde_json::Map::new(), format),
    }
}

/// The JSON object of a document as `--format json` (pretty) or `jsonl` (one line) writes it, with its newline:
/// `source`, `metadata` (keys in the front matter's order), `markdown`, `text`, `stats`, then the fields of
/// `extra` (an input line's other fields) that are neither one of these keys nor `error`, sorted by key.
pub fn json_document(
    doc: &Cleaned,
    extra: &serde_json::Map<String, serde_json::Value>,
    format: Format,
) -> String {
    let text = to_text(&doc.markdown);
    let extra: serde_json::Map<String, serde_json::Value> = extra
        .iter()
        // `error` marks a failed line in rinse's JSONL output: an input field of that name would make a success
        // look like a failure.
        .filter(|(key, _)| !JSON_KEYS.contains(&key.as_str()) && key.as_str() != "error")
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    let object = JsonDocument {
        source: &doc.metadata.source,
        metadata: &doc.metadata,
        markdown: &doc.markdown,
        stats: Stats::of(&text),
        text: &text,
        extra,
    };
    let mut out = if format == Format::Jsonl {
        serde_json::to_string(&object)
    } else {
        serde_json::to_string_pretty(&object)
    }
    .expect("strings, numbers and JSON values always serialize");
    out.push('\n');
    out
}

/// The keys of a JSON document, in their order.
pub const JSON_KEYS: [&str; 5] = ["source", "metadata", "markdown", "text", "stats"];

/// A document as JSON: the fields serialize in this order.
#[derive(serde::Serialize)]
struct JsonDocument<'a> {
    source: &'a Option<String>,
    metadata: &'a Metadata,
    markdown: &'a str,
    text: &'a str,
    stats: Stats,
    #[serde(flatten)]
    extra: serde_json::Map<String, serde_json::Value>,
}

/// The size of a body, measured on its plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Characters (Unicode scalar values) of the text, the blank lines between blocks included.
    pub characters: usize,
    /// White-space separated words of the text.
    pub words: usize,
    /// Blocks of the text: paragraphs, headings, list items, table rows and code blocks.
    pub paragraphs: usize,
}

impl Stats {
    /// The stats of a plain text as [`to_text`] writes it.
    pub fn of(text: &str) -> Stats {
        Stats {
            characters: text.chars().count(),
            words: text.split_whitespace().count(),
            paragraphs: text.split("\n\n").filter(|b| !b.trim().is_empty()).count(),
        }
    }
}

/// The JSON object of a document as a value: `{"source", "metadata", "markdown", "text", "stats"}` (a value's keys
/// are sorted; [`json_document`] writes them in their documented order).
pub fn json_object(doc: &Cleaned) -> serde_json::Value {
    serde_json::json!({
        "source": doc.metadata.source,
        "metadata": doc.metadata,
        "markdown": doc.markdown,
        "text": to_text(&doc.markdown),
        "stats": Stats::of(&to_text(&doc.markdown)),
    })
}

/// The plain text of a markdown body: each paragraph, heading, list item, table row and code block is one block,
/// blocks separated by one blank line; no markup, no URLs, no images.
pub fn to_text(markdown: &str) -> String {
    // The blocks are written into the text as they end, each after a blank line but the first: a block is never
    // empty, so the text is empty until the first one.
    let mut blocks = String::with_capacity(markdown.len());
    let mut current = String::new();
    let mut in_code = false;
    let mut in_image = 0usize;
    let mut cells_in_row = 0usize;
    let flush = |current: &mut String, blocks: &mut String| {
        push_block(blocks, current.trim());
        current.clear();
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // The start of the table row open: its cells past the header's count are read from the source as it ends.
    let mut row_start = None;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(Tag::TableRow) => {
                flush(&mut current, &mut blocks);
                cells_in_row = 0;
                row_start = Some(range.start);
            }
            Event::End(TagEnd::TableRow) => {
                let overflow = row_start
                    .take()
                    .and_then(|start| overflow_cells(&markdown[start..], cells_in_row));
                if let Some(table) = overflow {
                    push_overflow(&table, options, &mut current);
                }
                flush(&mut current, &mut blocks);
            }
            Event::Start(tag) => match tag {
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::Item
                | Tag::TableHead
                | Tag::BlockQuote(_)
                | Tag::List(_) => {
                    flush(&mut current, &mut blocks);
                    cells_in_row = 0;
                }
                Tag::CodeBlock(_) => {
                    flush(&mut current, &mut blocks);
                    in_code = true;
                }
                Tag::TableCell => {
                    if cells_in_row > 0 {
                        current.push('\t');
                    }
                    cells_in_row += 1;
                }
                Tag::Image { .. } => in_image += 1,
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableHead
                | TagEnd::BlockQuote(_)
                | TagEnd::List(_) => flush(&mut current, &mut blocks),
                TagEnd::CodeBlock => {
                    in_code = false;
                    push_code(&current, &mut blocks);
                    current.clear();
                }
                TagEnd::Image => in_image = in_image.saturating_sub(1),
                _ => {}
            },
            Event::Text(text) | Event::Code(text) if in_image == 0 => {
                if in_code {
                    current.push_str(&text);
                } else {
                    push_collapsed(&mut current, &text);
                }
            }
            Event::SoftBreak if in_image == 0 => push_collapsed(&mut current, " "),
            Event::HardBreak if in_image == 0 => {
                let trimmed = current.trim_end().len();
                current.truncate(trimmed);
                current.push('\n');
            }
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    if !blocks.is_empty() {
        blocks.push('\n');
    }
    blocks
}

/// Appends the text of the cells a table row holds past its header's count (see [`overflow_cells`]), each after a
/// tab as the row's other cells: the parser drops them, and their text is the page's (a converter's layout table).
fn push_overflow(table: &str, options: Options, current: &mut String) {
    let mut in_image = 0usize;
    for event in Parser::new_ext(table, options) {
        match event {
            Event::Start(Tag::TableCell) => current.push('\t'),
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(text) | Event::Code(text) if in_image == 0 => {
                push_collapsed(current, &text)
            }
            _ => {}
        }
    }
}

/// Appends a block to the blocks written so far, one blank line after them; an empty block is no block.
fn push_block(blocks: &mut String, block: &str) {
    if block.is_empty() {
        return;
    }
    if !blocks.is_empty() {
        blocks.push_str("\n\n");
    }
    blocks.push_str(block);
}

/// Adds a code block's lines as one block, with their indentation but without the white space that plain text does
/// not show: at the ends of lines, and blank lines at the block's ends or more than one in a row (blocks are one
/// blank line apart). So the text reads back line for line as the plain text it is (see
/// [`crate::markdown::from_plain_text`]).
fn push_code(code: &str, blocks: &mut String) {
    let mut text = String::with_capacity(code.len());
    let mut blank = false;
    for line in code.lines().map(str::trim_end) {
        if line.is_empty() {
            blank = !text.is_empty();
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank { "\n\n" } else { "\n" });
        }
        text.push_str(line);
        blank = false;
    }
    push_block(blocks, &text);
}

/// Appends text with runs of whitespace collapsed to one space.
fn push_collapsed(out: &mut String, text: &str) {
    // Byte by byte: ASCII white space is one byte, and the other white space characters start with one of four
    // lead bytes, so most bytes are told apart without decoding a character.
    let bytes = text.as_bytes();
    let (mut word, mut i) = (0, 0);
    while i < bytes.len() {
        let len = match bytes[i] {
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' => 1,
            0xc2 | 0xe1 | 0xe2 | 0xe3 => text[i..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
            _ => 0,
        };
        // A single space after a word is written as it stands: the word is pushed with the next run that is not
        // one (the space would be pushed after it anyway, the word ending in no white space).
        if len == 0 || (bytes[i] == b' ' && word < i && bytes[i - 1] != b' ') {
            i += 1;
            continue;
        }
        out.push_str(&text[word..i]);
        if !out.ends_with([' ', '\n']) && !out.is_empty() {
            out.push(' ');
        }
        i += len;
        word = i;
    }
    out.push_str(&text[word..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn to_text_makes_one_block_per_item_and_row() {
        let md = "# Head\n\nSome *em* and [a link](http://x.y).\n\n- one\n- two\n  1. nested\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(
            to_text(md),
            "Head\n\nSome em and a link.\n\none\n\ntwo\n\nnested\n\na\tb\n\n1\t2\n"
        );
    }

    #[test]
    fn to_text_keeps_the_cells_a_row_holds_past_the_header() {
        // A layout table: one empty header cell, the article in the cells the parser drops. Rows that fit the
        // header are read as before, and a row in a quote too.
        let md = "|  |\n| --- |\n| a | *b* [c](x)![img](y.png) | d\\|e |\n| f |\n\n> | g |\n> |---|\n> | h | i |\n";
        assert_eq!(to_text(md), "a\tb c\td|e\n\nf\n\ng\n\nh\ti\n");
    }

    #[test]
    fn push_collapsed_makes_one_space_of_each_run_of_white_space() {
        // The words between white space characters, each run of them one space (none after a space or a line
        // break already written, none at the start).
        let reference = |out: &mut String, text: &str| {
            for (i, word) in text.split(char::is_whitespace).enumerate() {
                if i > 0 && !out.ends_with([' ', '\n']) && !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        };
        for (start, text) in [
            ("", " a  b\t\nc "),
            ("x\n", "\u{a0}é\u{3000}字\u{2009}\u{85}z\u{200b}"),
            ("y", "\u{1680}\u{205f}\u{202f}\u{2028}  ü"),
            ("", ""),
            ("z ", "\u{b}\u{c}"),
            ("w", "one two  three \u{a0}four \tfive é six "),
            (" ", " x y"),
        ] {
            let (mut fast, mut slow) = (start.to_string(), start.to_string());
            push_collapsed(&mut fast, text);
            reference(&mut slow, text);
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn to_text_keeps_code_lines_without_the_white_space_text_does_not_show() {
        assert_eq!(
            to_text("```\n\n  \nx = 1   \n   \n\n\n  y\n\n```\n"),
            "x = 1\n\n  y\n"
        );
    }

    #[test]
    fn to_text_keeps_code_lines() {
        assert_eq!(
            to_text("```rust\nfn a() {}\n  b\n```\n"),
            "fn a() {}\n  b\n"
        );
    }

    #[test]
    fn json_keys_come_in_their_documented_order() {
        let doc = Cleaned {
            metadata: Metadata {
                title: Some("T".into()),
                source: Some("a.html".into()),
                language: Some("en".into()),
                pages: Some(2),
                ..Metadata::default()
            },
            markdown: "# Head\n\nTwo words.\n".into(),
            ..Cleaned::default()
        };
        let mut extra = serde_json::Map::new();
        extra.insert("id".into(), 7.into());
        extra.insert("text".into(), "clash".into());
        assert_eq!(
            json_document(&doc, &extra, Format::Jsonl),
            concat!(
                r#"{"source":"a.html","metadata":{"title":"T","language":"en","pages":2,"source":"a.html"},"#,
                r##""markdown":"# Head\n\nTwo words.\n","text":"Head\n\nTwo words.\n","##,
                r#""stats":{"characters":17,"words":3,"paragraphs":2},"id":7}"#,
                "\n"
            )
        );
    }
}
