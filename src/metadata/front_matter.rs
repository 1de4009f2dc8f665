//! YAML front matter, read and written in one place. Reading ([`split`]) takes a markdown input's front matter
//! event by event with yaml-rust2 and merges it into the metadata, so that cleaning a cleaned file changes nothing.
//! Keys rinse does not know are kept, in order, as values that writing ([`render`]) puts back as quoted YAML, never
//! as the text they were written in. No alias is expanded and no tag but YAML's core ones is accepted: a key
//! holding one is dropped, with a note that the pipeline turns into a warning. The round trip is tested here.

use std::collections::HashSet;

use yaml_rust2::parser::Tag;
use yaml_rust2::parser::{Event, Parser};
use yaml_rust2::scanner::TScalarStyle;
use yaml_rust2::Yaml;

use crate::document::{FrontValue, Metadata};

/// Lists and maps nested deeper than this in one value make the key dropped.
const MAX_DEPTH: usize = 32;

/// A reason or value shown in a note is cut to this many characters.
const MAX_SHOWN: usize = 60;

/// Notes kept for one document; the rest are counted.
const MAX_NOTES: usize = 5;

/// Splits a leading `---` front matter block off `text`. Returns the metadata it holds and the byte offset where
/// the rest of the document starts; `None` when `text` has no front matter or it is not a valid YAML mapping.
/// Keys that had to be dropped are listed in the metadata's `notes`.
pub fn split(text: &str) -> Option<(Metadata, usize)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let mut offset = first_end + 1;
    let body_start;
    let yaml_end;
    loop {
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let line = text[offset..line_end].trim_end();
        if line == "---" || line == "..." {
            yaml_end = offset;
            body_start = (line_end + 1).min(text.len());
            break;
        }
        if line_end >= text.len() {
            return None;
        }
        offset = line_end + 1;
    }
    let (pairs, mut notes) = mapping(&text[first_end + 1..yaml_end])?;
    let mut meta = Metadata::default();
    let mut seen = HashSet::new();
    for (key, value) in pairs {
        if !seen.insert(key.clone()) {
            continue;
        }
        let known = match key.as_str() {
            "title" => Some(&mut meta.title),
            "date" => Some(&mut meta.date),
            "modified" => Some(&mut meta.modified),
            "site" => Some(&mut meta.site),
            "url" => Some(&mut meta.url),
            "canonical" => Some(&mut meta.canonical),
            "language" => Some(&mut meta.language),
            "description" => Some(&mut meta.description),
            "source" => Some(&mut meta.source),
            "fetched" => Some(&mut meta.fetched),
            _ => None,
        };
        let result = match (known, key.as_str()) {
            (Some(slot), _) => scalar(&value).map(|text| *slot = text),
            (None, "authors" | "author") => list(&value).map(|names| meta.authors = names),
            (None, "pages") => scalar(&value).map(|p| meta.pages = p.and_then(|p| p.parse().ok())),
            (None, _) => value_of(&value).map(|v| meta.extra.push((key.clone(), v))),
        };
        if let Err(reason) = result {
            notes.push(format!(
                "front matter key `{}` {reason}; dropped",
                shown(&key)
            ));
        }
    }
    if notes.len() > MAX_NOTES {
        let more = notes.len() - MAX_NOTES;
        notes.truncate(MAX_NOTES);
        notes.push(format!("and {more} more front matter keys dropped"));
    }
    meta.notes = notes;
    Some((meta, body_start))
}

/// A YAML node as the parser gave it, before rinse interprets it.
enum Node {
    /// A scalar and whether it was plain (unquoted), which makes `3`, `true` and `~` typed.
    Scalar(String, bool),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
    /// Something rinse refuses to carry: an alias, a foreign tag, too deep a nesting.
    Refused(String),
}

/// Top-level keys and their values, in order.
type Pairs = Vec<(String, Node)>;

/// A list or map being read.
enum Frame {
    Seq(Vec<Node>, Option<String>),
    Map(Vec<(Node, Node)>, Option<Node>, Option<String>),
}

/// The top-level `(key, value)` pairs of every document in `yaml`, in order, and notes on what was odd; `None`
/// when it is not valid YAML or its first document is not a mapping.
fn mapping(yaml: &str) -> Option<(Pairs, Vec<String>)> {
    let mut parser = Parser::new_from_str(yaml);
    let mut stack: Vec<Frame> = Vec::new();
    let mut documents: Vec<Node> = Vec::new();
    loop {
        let (event, _) = parser.next_token().ok()?;
        let node = match event {
            Event::StreamEnd => break,
            Event::Nothing | Event::StreamStart | Event::DocumentStart | Event::DocumentEnd => {
                continue
            }
            Event::Alias(_) => {
                Node::Refused("uses a YAML alias, which rinse does not expand".to_string())
            }
            Event::Scalar(value, style, _, tag) => match refused_tag(tag.as_ref()) {
                Some(reason) => Node::Refused(reason),
                None => Node::Scalar(value, style == TScalarStyle::Plain),
            },
            Event::SequenceStart(_, tag) => {
                let refused = nesting(&stack).or_else(|| refused_tag(tag.as_ref()));
                stack.push(Frame::Seq(Vec::new(), refused));
                continue;
            }
            Event::MappingStart(_, tag) => {
                let refused = nesting(&stack).or_else(|| refused_tag(tag.as_ref()));
                stack.push(Frame::Map(Vec::new(), None, refused));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop()? {
                Frame::Seq(_, Some(reason)) | Frame::Map(_, _, Some(reason)) => {
                    Node::Refused(reason)
                }
                Frame::Seq(items, None) => Node::Seq(items),
                Frame::Map(pairs, _, None) => Node::Map(pairs),
            },
        };
        match stack.last_mut() {
            None => documents.push(node),
            Some(Frame::Seq(items, _)) => items.push(node),
            Some(Frame::Map(pairs, pending, _)) => match pending.take() {
                None => *pending = Some(node),
                Some(key) => pairs.push((key, node)),
            },
        }
    }
    let mut notes = Vec::new();
    let mut pairs = Vec::new();
    let count = documents.len();
    for (i, document) in documents.into_iter().enumerate() {
        match document {
            Node::Map(map) => {
                for (key, value) in map {
                    match key {
                        Node::Scalar(key, _) => pairs.push((key.trim().to_string(), value)),
                        _ => notes.push("front matter key that is not text; dropped".to_string()),
                    }
                }
            }
            Node::Scalar(text, true) if text.is_empty() => {}
            _ if i == 0 => return None,
            _ => notes.push(format!(
                "front matter document {} is not a mapping; dropped",
                i + 1
            )),
        }
    }
    if count > 1 {
        notes.push(format!(
            "front matter holds {count} YAML documents (a `---` line inside it); read as one"
        ));
    }
    Some((pairs, notes))
}

/// Why a list or map opened at this depth is refused, if it is.
fn nesting(stack: &[Frame]) -> Option<String> {
    (stack.len() > MAX_DEPTH).then(|| format!("is nested deeper than {MAX_DEPTH} levels"))
}

/// Why a tag is refused: anything but YAML's core types (`!!str`, `!!int`…), such as `!!python/object/apply` or
/// `!custom`, which a loader could act on.
fn refused_tag(tag: Option<&Tag>) -> Option<String> {
    let tag = tag?;
    let core = tag.handle == "tag:yaml.org,2002:"
        && matches!(
            tag.suffix.as_str(),
            "str" | "int" | "float" | "bool" | "null" | "seq" | "map"
        );
    if core {
        return None;
    }
    let written = if tag.handle == "tag:yaml.org,2002:" {
        format!("!!{}", tag.suffix)
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    };
    Some(format!("has the YAML tag `{}`", shown(&written)))
}

/// The text of a scalar value; `None` for a null or empty one.
fn scalar(node: &Node) -> Result<Option<String>, String> {
    match node {
        Node::Scalar(text, plain) => {
            if *plain && matches!(Yaml::from_str(text), Yaml::Null) {
                return Ok(None);
            }
            let text = text.trim();
            Ok((!text.is_empty()).then(|| text.to_string()))
        }
        Node::Refused(reason) => Err(reason.clone()),
        Node::Seq(_) | Node::Map(_) => Err("is not a single value".to_string()),
    }
}

/// A list of texts, or one text as a list of one.
fn list(node: &Node) -> Result<Vec<String>, String> {
    match node {
        Node::Seq(items) => {
            let mut out = Vec::new();
            for item in items {
                out.extend(scalar(item)?);
            }
            Ok(out)
        }
        other => Ok(scalar(other)?.into_iter().collect()),
    }
}

/// A value to carry through, or why it cannot be. Its nesting is bounded: deeper lists and maps were refused
/// while parsing.
fn value_of(node: &Node) -> Result<FrontValue, String> {
    Ok(match node {
        Node::Scalar(text, true) => match Yaml::from_str(text) {
            Yaml::Integer(_) | Yaml::Real(_) | Yaml::Boolean(_) | Yaml::Null => {
                FrontValue::Plain(text.clone())
            }
            _ => FrontValue::Text(text.clone()),
        },
        Node::Scalar(text, false) => FrontValue::Text(text.clone()),
        Node::Seq(items) => FrontValue::List(items.iter().map(value_of).collect::<Result<_, _>>()?),
        Node::Map(pairs) => {
            let mut out: Vec<(String, FrontValue)> = Vec::with_capacity(pairs.len());
            let mut seen = HashSet::new();
            for (key, value) in pairs {
                let Node::Scalar(key, _) = key else {
                    return Err("holds a key that is not text".to_string());
                };
                // The first of a repeated key wins, as at the top level: a YAML loader refuses a mapping that
                // repeats one, so writing both would make front matter no loader reads.
                if seen.insert(key.as_str()) {
                    out.push((key.clone(), value_of(value)?));
                }
            }
            FrontValue::Map(out)
        }
        Node::Refused(reason) => return Err(reason.clone()),
    })
}

/// Text cut to [`MAX_SHOWN`] characters for a note.
fn shown(text: &str) -> String {
    match text.char_indices().nth(MAX_SHOWN) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// The YAML front matter of `meta`, between `---` lines, as `rinse clean` writes it and [`split`] reads it back: known keys in their fixed order, then the unknown keys
/// of an input's own front matter, rewritten from their values (never copied as text): every text is
/// double-quoted, lists and maps are written in flow style, and a key that is not a plain word is quoted too. A
/// safe YAML loader reads the block as one mapping.
pub fn render(meta: &Metadata) -> String {
    fn scalar(out: &mut String, key: &str, value: &Option<String>) {
        if let Some(value) = value {
            out.push_str(key);
            out.push_str(": ");
            out.push_str(&yaml_quote(value));
            out.push('\n');
        }
    }
    let mut out = String::from("---\n");
    scalar(&mut out, "title", &meta.title);
    if !meta.authors.is_empty() {
        out.push_str("authors:\n");
        for author in &meta.authors {
            out.push_str("  - ");
            out.push_str(&yaml_quote(author));
            out.push('\n');
        }
    }
    scalar(&mut out, "date", &meta.date);
    scalar(&mut out, "modified", &meta.modified);
    scalar(&mut out, "site", &meta.site);
    scalar(&mut out, "url", &meta.url);
    scalar(&mut out, "canonical", &meta.canonical);
    scalar(&mut out, "language", &meta.language);
    scalar(&mut out, "description", &meta.description);
    if let Some(pages) = meta.pages {
        out.push_str(&format!("pages: {pages}\n"));
    }
    scalar(&mut out, "source", &meta.source);
    scalar(&mut out, "fetched", &meta.fetched);
    for (key, value) in &meta.extra {
        out.push_str(&yaml_key(key));
        out.push_str(": ");
        yaml_value(&mut out, value);
        out.push('\n');
    }
    out.push_str("---\n");
    out
}

/// A mapping key: as it is when it is a plain word that no YAML version reads as anything but text, else quoted.
fn yaml_key(key: &str) -> String {
    let word = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let typed = matches!(
        key.to_ascii_lowercase().as_str(),
        "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null"
    );
    if word && !typed {
        key.to_string()
    } else {
        yaml_quote(key)
    }
}

/// A front matter value in flow style: texts quoted, numbers, booleans and nulls as written.
fn yaml_value(out: &mut String, value: &FrontValue) {
    match value {
        FrontValue::Plain(text) => out.push_str(text),
        FrontValue::Text(text) => out.push_str(&yaml_quote(text)),
        FrontValue::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                yaml_value(out, item);
            }
            out.push(']');
        }
        FrontValue::Map(pairs) => {
            out.push('{');
            for (i, (key, item)) in pairs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&yaml_quote(key));
                out.push_str(": ");
                yaml_value(out, item);
            }
            out.push('}');
        }
    }
}

/// A YAML double-quoted scalar: backslash, quote, control and line-separator characters escaped.
pub fn yaml_quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control()
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                ) =>
            {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The `source` of a markdown output's front matter, as [`render`] writes it: a top-level `source: "…"`.
pub fn written_source(text: &str) -> Option<String> {
    let body = text.strip_prefix("---\n")?;
    let end = body.find("\n---\n")?;
    body[..end]
        .lines()
        .find_map(|line| line.strip_prefix("source: "))
        // emit's YAML double-quoted scalars use JSON's escapes.
        .and_then(|quoted| serde_json::from_str(quoted).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_and_keeps_unknown_keys() {
        let text = "---\ntitle: \"A: b\"\nauthors:\n  - \"X\"\n  - Y\ntags: [a, 2]\n---\n\nBody\n";
        let (meta, start) = split(text).unwrap();
        assert_eq!(meta.title.as_deref(), Some("A: b"));
        assert_eq!(meta.authors, vec!["X", "Y"]);
        assert_eq!(
            meta.extra,
            vec![(
                "tags".to_string(),
                FrontValue::List(vec![
                    FrontValue::Text("a".to_string()),
                    FrontValue::Plain("2".to_string())
                ])
            )]
        );
        assert_eq!(&text[start..], "\nBody\n");
        assert!(meta.notes.is_empty());
    }

    #[test]
    fn no_front_matter() {
        assert!(split("Title\n\n---\n").is_none());
        assert!(split("---\nunterminated: yes\n").is_none());
        assert!(split("---\nJust a sentence.\n---\nBody\n").is_none());
    }

    #[test]
    fn tags_and_aliases_are_dropped_with_a_note() {
        let text =
            "---\ntitle: T\nrun: !!python/object/apply:os.system [\"ls\"]\nmine: !custom x\n\
                    base: &b [1, 2]\ncopy: *b\nkept: yes\n---\nBody\n";
        let (meta, _) = split(text).unwrap();
        let keys: Vec<&str> = meta.extra.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["base", "kept"]);
        assert_eq!(meta.notes.len(), 3, "{:?}", meta.notes);
        assert!(
            meta.notes[0].contains("!!python/object/apply"),
            "{:?}",
            meta.notes
        );
    }

    #[test]
    fn a_second_document_is_read_into_the_first() {
        let text = "---\ntitle: T\n--- #x\nlater: 1\n---\nBody\n";
        let (meta, start) = split(text).unwrap();
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(
            meta.extra,
            vec![("later".to_string(), FrontValue::Plain("1".to_string()))]
        );
        assert_eq!(&text[start..], "Body\n");
        assert_eq!(meta.notes.len(), 1, "{:?}", meta.notes);
    }

    #[test]
    fn alias_bomb_is_not_expanded() {
        let mut yaml = String::from("---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..30 {
            let prev = format!("*a{}", i - 1);
            yaml.push_str(&format!("a{i}: &a{i} [{}]\n", vec![prev; 10].join(", ")));
        }
        yaml.push_str("---\nBody\n");
        let (meta, _) = split(&yaml).unwrap();
        assert_eq!(meta.extra.len(), 1, "only the key without an alias is kept");
        assert_eq!(meta.notes.len(), MAX_NOTES + 1, "{:?}", meta.notes);
    }

    #[test]
    fn many_keys_are_read_in_linear_time() {
        let mut yaml = String::from("---\n");
        for i in 0..100_000 {
            yaml.push_str(&format!("key{i}: value {i}\n"));
        }
        yaml.push_str("---\nBody\n");
        let (meta, _) = split(&yaml).unwrap();
        assert_eq!(meta.extra.len(), 100_000);
    }

    #[test]
    fn written_source_reads_the_quoted_value() {
        let text = "---\ntitle: \"T\"\nsource: \"a/b \\\"c\\\".html\"\n---\nBody\n";
        assert_eq!(written_source(text).as_deref(), Some("a/b \"c\".html"));
        assert_eq!(written_source("# Notes\n\nsource: \"a.html\"\n"), None);
    }

    /// What `rinse clean` writes, read back, is what it wrote from: known keys, authors, pages, and kept keys
    /// of every shape, with the characters YAML would misread.
    #[test]
    fn written_front_matter_reads_back_the_same() {
        let meta = Metadata {
            title: Some("A: \"quoted\" # not a comment\nsecond line".into()),
            authors: vec!["Ann O'Neil".into(), "- dash".into()],
            date: Some("2022-10-24".into()),
            modified: Some("2022-10-25T08:00:00Z".into()),
            site: Some("yes".into()),
            url: Some("https://example.com/a?b=c&d#e".into()),
            canonical: Some("https://example.com/a".into()),
            language: Some("en".into()),
            description: Some(
                "tab\there, back\\slash, \u{2028} separator, [brackets], {braces}".into(),
            ),
            pages: Some(12),
            source: Some("raw/a \"b\".html".into()),
            fetched: Some("2026-12-03T01:00:00Z".into()),
            extra: vec![
                (
                    "tags".into(),
                    FrontValue::List(vec![
                        FrontValue::Text("a\n---".into()),
                        FrontValue::Plain("2".into()),
                    ]),
                ),
                ("yes".into(), FrontValue::Plain("true".into())),
                (
                    "a: b".into(),
                    FrontValue::Map(vec![
                        ("k".into(), FrontValue::Plain("~".into())),
                        ("n".into(), FrontValue::List(vec![])),
                    ]),
                ),
                ("weight".into(), FrontValue::Plain("1.5".into())),
            ],
            notes: Vec::new(),
        };
        let written = render(&meta);
        let text = format!("{written}Body\n");
        let (read, start) = split(&text).expect("the written front matter reads back");
        assert_eq!(read, meta, "{written}");
        assert_eq!(&text[start..], "Body\n");
        assert_eq!(render(&read), written);
        assert_eq!(written_source(&text), meta.source);
    }

    #[test]
    fn yaml_quote_escapes() {
        assert_eq!(yaml_quote("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
        assert_eq!(yaml_quote("x\u{2028}"), "\"x\\u2028\"");
    }

    #[test]
    fn front_matter_quotes_kept_keys_and_values() {
        let meta = Metadata {
            extra: vec![
                (
                    "tags".into(),
                    FrontValue::List(vec![FrontValue::Text("a\n---".into())]),
                ),
                ("yes".into(), FrontValue::Plain("3".into())),
                (
                    "a: b".into(),
                    FrontValue::Map(vec![("k".into(), FrontValue::Plain("~".into()))]),
                ),
            ],
            ..Metadata::default()
        };
        assert_eq!(
            render(&meta),
            "---\ntags: [\"a\\n---\"]\n\"yes\": 3\n\"a: b\": {\"k\": ~}\n---\n"
        );
    }

    #[test]
    fn front_matter_orders_keys() {
        let meta = Metadata {
            title: Some("T: x".into()),
            authors: vec!["A".into()],
            source: Some("a.html".into()),
            date: Some("2022-10-24".into()),
            ..Metadata::default()
        };
        assert_eq!(
            render(&meta),
            "---\ntitle: \"T: x\"\nauthors:\n  - \"A\"\ndate: \"2022-10-24\"\nsource: \"a.html\"\n---\n"
        );
    }
}
