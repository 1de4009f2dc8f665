//! The other way to find the article in a whole-page markdown dump (issue 19), kept to measure it against `N003`:
//! render the markdown to HTML block by block (pulldown-cmark's events), run the HTML extractor on it, and write
//! what it keeps as markdown.
//!
//! Usage: `cargo run --example markdown_via_html -- OUT_DIR FILE.md...` (one `OUT_DIR/<stem>.md` per input), then
//! score OUT_DIR with `aeb_score.py --markdown`.

use std::path::Path;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use rinse::extract::{extract, ExtractOptions};
use rinse::markdown::{render, RenderOptions};
use scraper::Html;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: OUT_DIR FILE.md..."))?;
    std::fs::create_dir_all(&out)?;
    for path in args {
        let text = std::fs::read_to_string(&path)?;
        let html = Html::parse_document(&to_html(&text));
        let article = extract(&html, &ExtractOptions::default());
        let markdown = render(
            &html,
            &article,
            &RenderOptions {
                base_url: None,
                images: false,
            },
        );
        let stem = Path::new(&path)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("out");
        std::fs::write(Path::new(&out).join(format!("{stem}.md")), markdown)?;
    }
    Ok(())
}

/// The markdown as an HTML page: each block its element, links and emphasis kept, raw HTML left out.
fn to_html(text: &str) -> String {
    let mut html = String::from("<html><body>");
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(tag) => html.push_str(&open(&tag)),
            Event::End(tag) => html.push_str(close(tag)),
            Event::Text(t) | Event::Code(t) => escape(&mut html, &t),
            Event::SoftBreak => html.push('\n'),
            Event::HardBreak => html.push_str("<br>"),
            Event::Rule => html.push_str("<hr>"),
            _ => {}
        }
    }
    html.push_str("</body></html>");
    html
}

fn open(tag: &Tag<'_>) -> String {
    match tag {
        Tag::Paragraph => "<p>".into(),
        Tag::Heading { level, .. } => format!("<{level}>"),
        Tag::BlockQuote(_) => "<blockquote>".into(),
        Tag::CodeBlock(_) => "<pre>".into(),
        Tag::List(Some(_)) => "<ol>".into(),
        Tag::List(None) => "<ul>".into(),
        Tag::Item => "<li>".into(),
        Tag::Table(_) => "<table>".into(),
        Tag::TableHead => "<thead><tr>".into(),
        Tag::TableRow => "<tr>".into(),
        Tag::TableCell => "<td>".into(),
        Tag::Emphasis => "<em>".into(),
        Tag::Strong => "<strong>".into(),
        Tag::Link { dest_url, .. } => {
            let mut a = String::from("<a href=\"");
            escape(&mut a, dest_url);
            a.push_str("\">");
            a
        }
        Tag::Image { .. } => "<span hidden>".into(),
        _ => String::new(),
    }
}

fn close(tag: TagEnd) -> &'static str {
    match tag {
        TagEnd::Paragraph => "</p>",
        TagEnd::Heading(level) => match level as usize {
            1 => "</h1>",
            2 => "</h2>",
            3 => "</h3>",
            4 => "</h4>",
            5 => "</h5>",
            _ => "</h6>",
        },
        TagEnd::BlockQuote(_) => "</blockquote>",
        TagEnd::CodeBlock => "</pre>",
        TagEnd::List(true) => "</ol>",
        TagEnd::List(false) => "</ul>",
        TagEnd::Item => "</li>",
        TagEnd::Table => "</table>",
        TagEnd::TableHead => "</tr></thead>",
        TagEnd::TableRow => "</tr>",
        TagEnd::TableCell => "</td>",
        TagEnd::Emphasis => "</em>",
        TagEnd::Strong => "</strong>",
        TagEnd::Link => "</a>",
        TagEnd::Image => "</span>",
        _ => "",
    }
}

fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}
