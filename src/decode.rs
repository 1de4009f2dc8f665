//! Decoding: bytes to text. A byte order mark wins, then the charset the HTTP header declared (from the fetch
//! sidecar), then a `<meta charset>` in the page, then UTF-8 when the bytes are valid UTF-8, then chardetng's guess.
//! Binary data is refused here, before any parser sees it.

use std::borrow::Cow;

use encoding_rs::Encoding;

use crate::error::{Error, Result};
use crate::read::kind::InputKind;

/// How far into a page the `<meta charset>` prescan looks (the HTML spec says 1024 bytes; real pages put long
/// comments and scripts first, so look further).
const PRESCAN_BYTES: usize = 8192;

/// Decodes `bytes` as text. `declared` is a charset from outside the document (an HTTP header). Valid UTF-8
/// without NUL bytes, most pages, is borrowed rather than copied.
pub fn decode<'a>(
    bytes: &'a [u8],
    kind: InputKind,
    declared: Option<&str>,
) -> Result<Cow<'a, str>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(strip_nul(text));
    }
    check_binary(bytes)?;
    let encoding = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| match kind {
            InputKind::Html => prescan_meta_charset(bytes),
            InputKind::Markdown | InputKind::Text | InputKind::PagedText | InputKind::Pdf => None,
        })
        .map(|e| e.output_encoding());
    // Validated once: most pages are UTF-8, and then the text is a plain copy of the bytes.
    let utf8 = std::str::from_utf8(bytes).ok();
    let encoding = match encoding {
        // UTF-16 declared in a meta tag of an ASCII-compatible document is a lie; valid UTF-8 wins over a
        // declaration of UTF-8's most common impostors only when the declaration cannot be right.
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => encoding_rs::UTF_8,
        Some(e) => e,
        None if utf8.is_some() => encoding_rs::UTF_8,
        None => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            detector.guess(None, chardetng::Utf8Detection::Allow)
        }
    };
    if let (Some(text), true) = (utf8, encoding == encoding_rs::UTF_8) {
        return Ok(strip_nul(Cow::Borrowed(text)));
    }
    let (text, _, _) = encoding.decode(bytes);
    Ok(strip_nul(text))
}

/// NUL bytes inside text carry no meaning and break downstream tools; drop them.
fn strip_nul(text: Cow<'_, str>) -> Cow<'_, str> {
    if memchr::memchr(0, text.as_bytes()).is_some() {
        Cow::Owned(text.replace('\0', ""))
    } else {
        text
    }
}

/// Refuses data that is not text: known binary signatures, or many control bytes near the start.
fn check_binary(bytes: &[u8]) -> Result<()> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive"),
        (b"\x7fELF", "an executable"),
        (b"\x1f\x8b", "gzip data (name the file .gz)"),
        (b"\x28\xb5\x2f\xfd", "zstd data"),
        (b"BZh", "bzip2 data"),
    ];
    for (magic, what) in SIGNATURES {
        if bytes.starts_with(magic) {
            return Err(Error::Binary {
                reason: (*what).to_string(),
            });
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    // Counted in runs of at most 255 bytes whose count fits in a byte, by comparisons alone: the compiler turns
    // them into vector instructions (every input is looked at here, most of them at 8 KiB).
    let control: usize = head
        .chunks(usize::from(u8::MAX))
        .map(|run| {
            let mut n = 0u8;
            for &b in run {
                n += u8::from(
                    (b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r' && b != 0x0c) || b == 0x7f,
                );
            }
            usize::from(n)
        })
        .sum();
    if control * 10 > head.len() {
        return Err(Error::Binary {
            reason: format!("{control} control bytes in the first {} bytes", head.len()),
        });
    }
    Ok(())
}

/// Finds `<meta charset=…>` or `<meta http-equiv=content-type content="…charset=…">` near the start of a page.
fn prescan_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(pos) = find(tag, b"charset") {
            let rest = &tag[pos + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|&b| {
                        matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace()
                    })
                    .unwrap_or(rest.len());
                if let Some(encoding) = Encoding::for_label(&rest[..len]) {
                    return Some(encoding);
                }
            }
        }
        from = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_decodes_windows_1252() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>";
        let text = decode(page, InputKind::Html, None).unwrap();
        assert!(text.contains("caf\u{e9}"), "{text}");
    }

    #[test]
    fn http_equiv_charset_is_read() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>\x93\xfa\x96\x7b</p>";
        let text = decode(page, InputKind::Html, None).unwrap();
        assert!(text.contains("日本"), "{text}");
    }

    #[test]
    fn declared_charset_wins_over_meta() {
        let page = b"<meta charset=utf-8><p>caf\xe9</p>";
        let text = decode(page, InputKind::Html, Some("iso-8859-1")).unwrap();
        assert!(text.contains("caf\u{e9}"), "{text}");
    }

    #[test]
    fn bom_wins() {
        let text = decode(b"\xef\xbb\xbfhello", InputKind::Markdown, Some("latin1")).unwrap();
        assert_eq!(text, "hello");
    }

    #[test]
    fn invalid_utf8_is_guessed_not_refused() {
        let text = decode(
            b"Gr\xfc\xdfe aus M\xfcnchen, sch\xf6ne Stra\xdfe",
            InputKind::Markdown,
            None,
        )
        .unwrap();
        assert!(text.contains("Grüße"), "{text}");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(
            decode(b"%PDF-1.7 ...", InputKind::Html, None),
            Err(Error::Binary { .. })
        ));
        assert!(matches!(
            decode(&[0u8, 1, 2, 3, 4, 5, 6, 7], InputKind::Html, None),
            Err(Error::Binary { .. })
        ));
        assert!(matches!(
            decode(b"  \n", InputKind::Html, None),
            Err(Error::Empty)
        ));
    }

    #[test]
    fn a_few_nul_bytes_are_dropped() {
        let text = decode(b"hello\0 world, this is text", InputKind::Markdown, None).unwrap();
        assert_eq!(text, "hello world, this is text");
    }
}
