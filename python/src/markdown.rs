//! Markdown for `extract`: links turned into their text, as trafilatura writes markdown without `include_links`,
//! and tables left out, as it does without `include_tables`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The markdown with every link replaced by its text as written (`[the *text*](url)` → `the *text*`); an
/// autolink keeps its address as text.
pub fn strip_links(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out = String::with_capacity(markdown.len());
    let mut copied = 0;
    // The link being read: its whole source range, and the source range of its content so far.
    let mut link: Option<(std::ops::Range<usize>, Option<std::ops::Range<usize>>)> = None;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        match (&event, &mut link) {
            (Event::Start(Tag::Link { .. }), None) => link = Some((range, None)),
            (Event::End(TagEnd::Link), Some((outer, inner))) => {
                out.push_str(&markdown[copied..outer.start]);
                let text = match inner {
                    Some(inner) => &markdown[inner.clone()],
                    // An autolink's address is its only text.
                    None => markdown[outer.clone()]
                        .trim_start_matches('<')
                        .trim_end_matches('>'),
                };
                out.push_str(text);
                copied = outer.end;
                link = None;
            }
            (_, Some((_, inner))) => {
                let inner = inner.get_or_insert(range.clone());
                inner.start = inner.start.min(range.start);
                inner.end = inner.end.max(range.end);
            }
            _ => {}
        }
    }
    out.push_str(&markdown[copied..]);
    out
}

/// The markdown without its tables (and the blank line after each).
pub fn strip_tables(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out = String::with_capacity(markdown.len());
    let mut copied = 0;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        if let Event::Start(Tag::Table(_)) = event {
            out.push_str(&markdown[copied..range.start]);
            copied = range.end;
            let rest = &markdown[copied..];
            copied += rest.len() - rest.trim_start_matches('\n').len();
        }
    }
    out.push_str(&markdown[copied..]);
    out
}
