//! Sitemaps (sitemaps.org): a `<urlset>` lists pages, a `<sitemapindex>` lists more sitemaps; a plain-text sitemap
//! lists one URL per line. Gzipped sitemaps are unpacked by the caller.

/// Elements nested deeper than this make a sitemap invalid: the XML parser recurses (20 000 levels overflowed the
/// stack and aborted the whole run), and a real sitemap nests three deep.
const MAX_DEPTH: usize = 64;

/// What one sitemap document lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sitemap {
    /// Page URLs.
    Pages(Vec<String>),
    /// URLs of further sitemaps.
    Index(Vec<String>),
}

/// Parses a sitemap: XML `<urlset>` or `<sitemapindex>` (namespaces ignored), or plain text with one absolute URL
/// per line.
pub fn parse(bytes: &[u8]) -> std::result::Result<Sitemap, String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_string())?;
    let text = text.trim_start_matches('\u{feff}').trim();
    if !text.starts_with('<') {
        return plain_text(text);
    }
    check_depth(text)?;
    let doc = roxmltree::Document::parse(text).map_err(|err| format!("invalid XML: {err}"))?;
    let root = doc.root_element();
    let (child, into): (&str, fn(Vec<String>) -> Sitemap) = match root.tag_name().name() {
        "urlset" => ("url", Sitemap::Pages),
        "sitemapindex" => ("sitemap", Sitemap::Index),
        other => {
            return Err(format!(
                "the root element is <{other}>, not <urlset> or <sitemapindex>"
            ))
        }
    };
    let locs = root
        .children()
        .filter(|n| n.is_element() && n.tag_name().name() == child)
        .filter_map(|entry| {
            entry
                .children()
                .find(|n| n.is_element() && n.tag_name().name() == "loc")
        })
        .filter_map(|loc| loc.text())
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    Ok(into(locs))
}

/// Refuses XML whose elements nest deeper than [`MAX_DEPTH`], counting start and end tags in one pass (comments,
/// CDATA, declarations and processing instructions skipped).
fn check_depth(text: &str) -> std::result::Result<(), String> {
    let bytes = text.as_bytes();
    let end_of = |from: usize, close: &[u8]| {
        memchr::memmem::find(&bytes[from..], close)
            .map_or(bytes.len(), |at| from + at + close.len())
    };
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found;
        let rest = &bytes[start..];
        at = if rest.starts_with(b"<!--") {
            end_of(start, b"-->")
        } else if rest.starts_with(b"<![CDATA[") {
            end_of(start, b"]]>")
        } else if rest.starts_with(b"<?") || rest.starts_with(b"<!") {
            end_of(start, b">")
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            end_of(start, b">")
        } else {
            let end = end_of(start, b">");
            if bytes.get(end.saturating_sub(2)) != Some(&b'/') {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(format!("elements nested deeper than {MAX_DEPTH} levels"));
                }
            }
            end
        };
    }
    Ok(())
}

fn plain_text(text: &str) -> std::result::Result<Sitemap, String> {
    let urls: Vec<String> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if urls
        .iter()
        .all(|u| u.starts_with("http://") || u.starts_with("https://"))
    {
        Ok(Sitemap::Pages(urls))
    } else {
        Err("neither XML nor a list of URLs".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_17_deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!(
            "<urlset>{}{}</urlset>",
            "<a>".repeat(20_000),
            "</a>".repeat(20_000)
        );
        let err = parse(deep.as_bytes()).expect_err("too deep");
        assert!(err.contains("nested deeper"), "{err}");
        let fine = "<urlset><!-- <a><a> --><url><loc>https://x.org/</loc><x/></url></urlset>";
        assert_eq!(
            parse(fine.as_bytes()),
            Ok(Sitemap::Pages(vec!["https://x.org/".into()]))
        );
    }

    #[test]
    fn urlset_lists_pages() {
        let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc> https://x.org/a </loc><lastmod>2024-01-01</lastmod></url>
  <url><loc>https://x.org/b?x=1&amp;y=2</loc></url>
</urlset>"#;
        assert_eq!(
            parse(xml),
            Ok(Sitemap::Pages(vec![
                "https://x.org/a".into(),
                "https://x.org/b?x=1&y=2".into()
            ]))
        );
    }

    #[test]
    fn sitemapindex_lists_sitemaps() {
        let xml = br#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://x.org/s1.xml.gz</loc></sitemap></sitemapindex>"#;
        assert_eq!(
            parse(xml),
            Ok(Sitemap::Index(vec!["https://x.org/s1.xml.gz".into()]))
        );
    }

    #[test]
    fn plain_text_sitemap_lists_pages() {
        assert_eq!(
            parse(b"https://x.org/a\nhttps://x.org/b\n"),
            Ok(Sitemap::Pages(vec![
                "https://x.org/a".into(),
                "https://x.org/b".into()
            ]))
        );
    }

    #[test]
    fn html_is_not_a_sitemap() {
        assert!(parse(b"<html><body>hi</body></html>").is_err());
    }
}
