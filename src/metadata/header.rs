//! Header lines of scraped markdown: the site name, title, byline and date lines a scraper leaves before the
//! body, read into metadata and cut from the body.

use crate::document::Metadata;

/// Reads the header lines at the start of `body`. Returns the metadata they give and the byte offset where the
/// body proper starts (0 when there is no header).
pub fn read(body: &str, known: &Metadata) -> (Metadata, usize) {
    let _ = known;
    let _ = body;
    (Metadata::default(), 0)
}
