//! JSONL input: one document per line, `{"url", "html"}` or `{"url", "markdown"}`, read lazily so that a stream of
//! any size is cleaned in bounded memory. The line's other fields travel with it to the output.

use std::io::{BufRead, Read};

use serde_json::{Map, Value};

use super::kind::InputKind;
use super::{over_cap, DEFAULT_MAX_SIZE};

/// One line of a JSONL input.
#[derive(Debug)]
pub struct JsonlLine {
    /// 1-based line number.
    pub number: usize,
    /// The document, or why the line is not one (with the fields that could be read).
    pub document: Result<JsonlDoc, (String, Map<String, Value>)>,
}

/// A document read from a JSONL line.
#[derive(Debug)]
pub struct JsonlDoc {
    /// The `url` field.
    pub url: Option<String>,
    /// The `html` or `markdown` field.
    pub content: String,
    /// Which of the two it was.
    pub kind: InputKind,
    /// Every other field, in input order, copied to the output.
    pub extra: Map<String, Value>,
}

/// Reads a JSONL stream line by line; blank lines are skipped.
pub struct JsonlReader<R: BufRead> {
    input: R,
    number: usize,
    done: bool,
    max_line: u64,
}

impl<R: BufRead> JsonlReader<R> {
    /// Reads from `input`, refusing lines over [`DEFAULT_MAX_SIZE`] bytes.
    pub fn new(input: R) -> Self {
        JsonlReader {
            input,
            number: 0,
            done: false,
            max_line: DEFAULT_MAX_SIZE,
        }
    }

    /// Refuses lines longer than `max_line` bytes (`--max-size`), without reading them into memory whole.
    pub fn max_line(mut self, max_line: u64) -> Self {
        self.max_line = max_line;
        self
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = JsonlLine;

    fn next(&mut self) -> Option<JsonlLine> {
        while !self.done {
            let mut buf = Vec::new();
            // One byte over the cap, and one for the newline.
            let read = Read::take(&mut self.input, self.max_line.saturating_add(2))
                .read_until(b'\n', &mut buf);
            self.number += 1;
            match read {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) if buf.strip_suffix(b"\n").unwrap_or(&buf).len() as u64 > self.max_line => {
                    // Skip the rest of the over-long line.
                    let mut rest = Vec::new();
                    while !buf.ends_with(b"\n") {
                        rest.clear();
                        match Read::take(&mut self.input, 1 << 20).read_until(b'\n', &mut rest) {
                            Ok(0) | Err(_) => break,
                            Ok(_) => buf = rest.clone(),
                        }
                    }
                    return Some(JsonlLine {
                        number: self.number,
                        document: Err((over_cap(self.max_line), Map::new())),
                    });
                }
                Ok(_) => {
                    if buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
                    let line = line.strip_suffix(b"\r").unwrap_or(line);
                    // A byte order mark some editors and exporters put at the start of the file.
                    let line = match self.number {
                        1 => line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line),
                        _ => line,
                    };
                    return Some(JsonlLine {
                        number: self.number,
                        document: parse_line(line),
                    });
                }
                Err(err) => {
                    self.done = true;
                    return Some(JsonlLine {
                        number: self.number,
                        document: Err((format!("read error: {err}"), Map::new())),
                    });
                }
            }
        }
        None
    }
}

/// Parses one line into a document.
pub fn parse_line(bytes: &[u8]) -> Result<JsonlDoc, (String, Map<String, Value>)> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|err| (format!("invalid JSON: {err}"), Map::new()))?;
    let Value::Object(mut map) = value else {
        return Err(("the line is not a JSON object".to_string(), Map::new()));
    };
    let url = match map.remove("url") {
        Some(Value::String(url)) => Some(url),
        Some(Value::Null) | None => None,
        Some(_) => return Err(("`url` is not a string".to_string(), map)),
    };
    let (kind, content) = match (map.remove("html"), map.remove("markdown")) {
        (Some(Value::String(html)), None) => (InputKind::Html, html),
        (None, Some(Value::String(md))) => (InputKind::Markdown, md),
        (Some(_), Some(_)) => {
            return Err(("the line has both `html` and `markdown`".to_string(), map))
        }
        (None, None) => {
            return Err((
                "the line has neither `html` nor `markdown`".to_string(),
                map,
            ))
        }
        _ => return Err(("`html` or `markdown` is not a string".to_string(), map)),
    };
    Ok(JsonlDoc {
        url,
        content,
        kind,
        extra: map,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_17_byte_order_mark_on_the_first_line_is_skipped() {
        let input = "\u{feff}{\"html\": \"<p>x</p>\"}\n{\"html\": \"<p>y</p>\"}\n";
        let lines: Vec<JsonlLine> = JsonlReader::new(input.as_bytes()).collect();
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.document.is_ok()), "{lines:?}");
    }

    #[test]
    fn lines_become_documents_with_their_other_fields() {
        let input = b"{\"id\": 7, \"url\": \"https://a/\", \"html\": \"<p>x</p>\"}\n\n{\"markdown\": \"# t\"}\nnot json\n{\"id\": 9}\n";
        let lines: Vec<_> = JsonlReader::new(input.as_slice()).collect();
        assert_eq!(lines.len(), 4);
        let first = lines[0].document.as_ref().unwrap();
        assert_eq!(first.url.as_deref(), Some("https://a/"));
        assert_eq!(first.kind, InputKind::Html);
        assert_eq!(first.extra["id"], 7);
        assert_eq!(lines[1].number, 3);
        assert!(lines[2]
            .document
            .as_ref()
            .unwrap_err()
            .0
            .starts_with("invalid JSON"));
        let (reason, fields) = lines[3].document.as_ref().unwrap_err();
        assert!(reason.contains("neither"));
        assert_eq!(fields["id"], 9);
    }
}
