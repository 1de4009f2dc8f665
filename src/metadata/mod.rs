//! Metadata: title, authors, dates, site, URLs, language and description, from an HTML page's markup and visible
//! byline, or from the front matter and header lines of a markdown input.

pub mod front_matter;

use scraper::Html;

use crate::document::Metadata;

/// Reads the metadata of an HTML page. `url` is the page's URL when known from outside (fetch sidecar).
pub fn from_html(html: &Html, url: Option<&str>) -> Metadata {
    let _ = html;
    Metadata {
        url: url.map(str::to_string),
        ..Metadata::default()
    }
}

/// Reads the metadata of a markdown input: its front matter, and the header lines of a scraped document (site
/// name, title, byline, date) before the body. Returns the metadata and the byte offset where the body starts.
pub fn from_markdown(text: &str) -> (Metadata, usize) {
    match front_matter::split(text) {
        Some((meta, start)) => (meta, start),
        None => (Metadata::default(), 0),
    }
}

/// The ISO 639-1 code of the language of `text`, when the detector is confident.
pub fn detect_language(text: &str) -> Option<String> {
    let info = whatlang::detect(text)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    Some(code.to_string())
}
