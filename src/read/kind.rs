//! What kind of document an input is: forced by `--input-format`, named by its file name, or sniffed from its
//! content; and the names of the files that hold many documents (WARC, JSONL).

use std::path::Path;

/// How an input is read: parsed as an HTML page, edited in place as markdown, kept line for line as plain text, or
/// repaired as paged text (`.txt` is markdown unless form feeds start its pages; plain text only when forced).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    /// An HTML page: metadata and the main content are extracted, then rendered as markdown.
    Html,
    /// Markdown or text that another scraper produced (`.md`, `.txt`): cleaned in place by every rule.
    Markdown,
    /// Plain text, when `--input-format text` says so: every line kept as written, nothing in it read as markup.
    Text,
    /// Paged plain text: form feeds between pages, one line per printed line (`pdftotext` output, print-to-text).
    #[value(name = "paged-text")]
    #[serde(rename = "paged-text")]
    PagedText,
    /// A PDF: its text layer is read as paged text, with what the positions tell about each line.
    Pdf,
}

/// How `rinse clean` reads its inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// An HTML page.
    Html,
    /// Markdown or text that another scraper produced, cleaned in place by every rule (`.md` and `.txt` files).
    Markdown,
    /// Plain text, every line kept as written (rinse's own `--format text` output reads back unchanged).
    Text,
    /// Paged plain text (form feeds between pages, hard-wrapped lines), as `pdftotext` writes it.
    #[value(name = "paged-text")]
    #[serde(rename = "paged-text")]
    PagedText,
    /// A PDF document.
    Pdf,
    /// One JSON document per line.
    Jsonl,
    /// A WARC file (also gzipped).
    Warc,
}

impl InputFormat {
    /// The document kind it forces, for the formats that hold one document.
    pub fn document_kind(self) -> Option<InputKind> {
        match self {
            InputFormat::Html => Some(InputKind::Html),
            InputFormat::Markdown => Some(InputKind::Markdown),
            InputFormat::Text => Some(InputKind::Text),
            InputFormat::PagedText => Some(InputKind::PagedText),
            InputFormat::Pdf => Some(InputKind::Pdf),
            InputFormat::Jsonl | InputFormat::Warc => None,
        }
    }
}

/// The input kind a file name's extension names, if any (`.gz` looked through).
pub fn kind_from_name(name: &str) -> Option<InputKind> {
    let name = name.strip_suffix(".gz").unwrap_or(name);
    let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" | "xhtml" => Some(InputKind::Html),
        // Scrapers write `.txt` as often as `.md`, with the same damage to repair (links, page-break splits,
        // navigation lines): every rule cleans it. Plain text read line for line is asked for by name.
        "md" | "markdown" | "txt" => Some(InputKind::Markdown),
        "pdf" => Some(InputKind::Pdf),
        _ => None,
    }
}

/// Whether a path names a file that holds many documents (WARC, JSONL).
pub fn is_container_name(name: &str) -> bool {
    container_format(name).is_some()
}

/// The container a file name names: WARC for `.warc` and `.warc.gz`, JSONL for `.jsonl`.
pub fn container_format(name: &str) -> Option<InputFormat> {
    if is_warc_name(name) {
        Some(InputFormat::Warc)
    } else if name.to_ascii_lowercase().ends_with(".jsonl") {
        Some(InputFormat::Jsonl)
    } else {
        None
    }
}

/// `a/crawl.warc.gz` → `a/crawl`; `-` → `stdin`.
pub fn container_stem(relative: &str) -> String {
    if relative == "-" {
        return "stdin".to_string();
    }
    let mut name = relative.strip_suffix(".gz").unwrap_or(relative);
    for ext in [".warc", ".jsonl", ".WARC", ".JSONL"] {
        name = name.strip_suffix(ext).unwrap_or(name);
    }
    name.to_string()
}

/// Whether a file name is a WARC file.
pub fn is_warc_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".warc") || lower.ends_with(".warc.gz")
}

/// Whether bytes are a PDF: `%PDF-` within the first kilobyte, where readers look for it.
pub fn is_pdf(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// The kind a document is read as: the forced input format, else a PDF by its content, else the kind its name
/// gives, else its content's; markdown (a `.txt` file too) with form feeds at line starts is paged text unless a
/// format was forced.
pub fn resolve(forced: Option<InputKind>, from_name: Option<InputKind>, bytes: &[u8]) -> InputKind {
    if let Some(kind) = forced {
        return kind;
    }
    if is_pdf(bytes) {
        return InputKind::Pdf;
    }
    match from_name.unwrap_or_else(|| sniff(bytes)) {
        InputKind::Markdown if is_paged(bytes) => InputKind::PagedText,
        kind => kind,
    }
}

/// Whether text reads as paged text: a form feed starts a line (a page) after the first.
pub fn is_paged(bytes: &[u8]) -> bool {
    memchr::memchr_iter(b'\x0c', bytes).any(|at| at > 0 && bytes[at - 1] == b'\n')
}

/// Guesses the kind of a document without a telling extension: HTML when it opens with markup.
pub fn sniff(bytes: &[u8]) -> InputKind {
    let head = &bytes[..bytes.len().min(2048)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let start = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let opens_with_markup = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<?xml",
        "<!--",
        "<meta",
        "<div",
        "<p>",
        "<article",
    ]
    .iter()
    .any(|tag| start.starts_with(tag));
    if opens_with_markup || head.contains("<html") || head.contains("<body") {
        InputKind::Html
    } else {
        InputKind::Markdown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_from_name_looks_through_gz() {
        assert_eq!(kind_from_name("x.HTML.gz"), Some(InputKind::Html));
        assert_eq!(kind_from_name("x.txt"), Some(InputKind::Markdown));
        assert_eq!(kind_from_name("x.md"), Some(InputKind::Markdown));
        assert_eq!(kind_from_name("x.pdf"), Some(InputKind::Pdf));
    }

    #[test]
    fn containers_are_named_by_their_extension() {
        assert_eq!(container_format("a/crawl.WARC.gz"), Some(InputFormat::Warc));
        assert_eq!(container_format("in.jsonl"), Some(InputFormat::Jsonl));
        assert_eq!(container_format("page.html"), None);
        assert_eq!(container_stem("a/crawl.warc.gz"), "a/crawl");
        assert_eq!(container_stem("-"), "stdin");
    }

    #[test]
    fn form_feeds_at_line_starts_make_paged_text_unless_forced() {
        let paged = b"Page one\n\x0cPage two\n";
        assert_eq!(
            resolve(None, Some(InputKind::Markdown), paged),
            InputKind::PagedText
        );
        assert_eq!(resolve(None, None, b"x\x0cy\n"), InputKind::Markdown);
        let forced = Some(InputKind::Markdown);
        assert_eq!(resolve(forced, None, paged), InputKind::Markdown);
        assert_eq!(resolve(None, Some(InputKind::Html), paged), InputKind::Html);
        assert_eq!(
            resolve(Some(InputKind::Text), None, b"x\n"),
            InputKind::Text
        );
    }

    #[test]
    fn sniff_tells_html_from_markdown() {
        assert_eq!(sniff(b"  <!DOCTYPE html><p>x"), InputKind::Html);
        assert_eq!(
            sniff(b"# Title\n\nText with <b>bold</b>"),
            InputKind::Markdown
        );
    }
}
