//! Where fetched pages live: `DIR/<host>/<path of the URL>` (`.html` added unless the path ends in it) beside a
//! `<name>.json` sidecar, names that are
//! stable, readable, collision-safe and confined to the output folder whatever the URL holds, and the UTC
//! timestamps the sidecar records.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use url::Url;

use crate::error::{Error, Result};
use crate::read::Sidecar;
use crate::write::{check_inside, write_atomic};

/// The longest path segment kept as it is; longer ones are shortened and marked with a hash.
const MAX_PLAIN_SEGMENT: usize = 100;

/// The longest page name: past it, the rest of the URL's path goes into one marked segment, so that a URL with
/// thousands of segments still makes a path the file system accepts.
const MAX_STEM: usize = 400;

/// Names Windows reserves for devices, whatever the extension (`nul.html` is the device too).
const RESERVED_NAMES: &[&str] = &[
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The readable part of a marked segment is cut to this many bytes.
const MAX_SLUG: usize = 60;

/// Extensions that a folder segment may not end in, or it could clash with a page or sidecar file.
const FILE_EXTENSIONS: &[&str] = &[
    ".html",
    ".htm",
    ".xhtml",
    ".json",
    ".md",
    ".markdown",
    ".txt",
    ".gz",
    ".pdf",
    ".xml",
    ".bin",
];

/// The name of a URL's page under the output folder, `/`-separated and without extension:
/// `<host>/<path segments>`.
///
/// Each path segment made only of `A-Z a-z 0-9 . _ ~ @ + -` (not starting with `.`) is kept as it is; any other
/// segment becomes `<slug>=<hash>`, and `=` never appears in a kept segment, so two marked URLs never share a name.
/// A path ending in `/` ends in `index`, the query string goes into the last segment's hash, and the fragment is
/// ignored: `https://x.org/a/b?id=2` → `x.org/a/b=1f…`. See [`page_name`] for the extension and the one case
/// where two URLs share a file.
///
/// No segment, the host's included, can leave the folder or name a device: `.` and `..` (which a URL's host can
/// be, through a proxy), separators, NUL, a leading dot, a trailing dot and Windows' reserved names (`con`, `nul`…)
/// are all marked, and the whole name is kept under `MAX_STEM` bytes.
pub fn page_stem(url: &Url) -> String {
    let mut stem = host_dir(url);
    let path = url.path();
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        stem.push('/');
        let name = if i < last {
            folder_segment(segment)
        } else {
            file_segment(segment, url.query())
        };
        // Room is kept after each folder for one marked name (at most `MAX_SLUG` + 11 bytes).
        let room = if i < last { MAX_SLUG + 12 } else { 0 };
        if stem.len() + name.len() + room > MAX_STEM {
            // Too deep: the rest of the path (and the query) becomes one marked file name.
            let rest = segments[i..].join("/");
            let what = match url.query() {
                Some(query) => format!("{rest}?{query}"),
                None => rest.clone(),
            };
            stem.push_str(&marked(&rest, &what));
            break;
        }
        stem.push_str(&name);
    }
    stem
}

/// The file of a page with this extension (without the dot) under `dir` (see [`page_name`]).
pub fn page_path(dir: &Path, url: &Url, extension: &str) -> PathBuf {
    dir.join(page_name(url, extension))
}

/// The name of a URL's page under the output folder, with the extension of its type (`html`, `pdf`…): the
/// [`page_stem`] plus `.<extension>`, except for an HTML page whose URL's file name ends in `.html`, kept as it is.
/// So `https://x.org/articles/paradigm.html` → `x.org/articles/paradigm.html`, `…/articles/paradigm` →
/// `…/articles/paradigm.html` and the folder `…/articles/` → `…/articles/index.html`.
///
/// Collisions: URLs that differ only by `.html` (`/a/x` and `/a/x.html`) or a folder and its index page (`/a/`,
/// `/a/index` and `/a/index.html`) share one file, as servers nearly always serve one page under them; the
/// sidecar records which URL the file holds, and a re-fetch of another of them is a full fetch. Other types keep
/// the extension added after the URL's name (`/paper.pdf` → `paper.pdf.pdf`), so that `/paper` and `/paper.pdf`,
/// often an article and its PDF, never share a sidecar or a cleaned output. Any other two URLs get two files (a
/// query or an unusual character marks the name with a hash of the URL).
pub fn page_name(url: &Url, extension: &str) -> String {
    let stem = page_stem(url);
    let last = stem.rsplit('/').next().unwrap_or(&stem);
    if extension == "html" && !last.contains('=') && last.ends_with(".html") {
        stem
    } else {
        format!("{stem}.{extension}")
    }
}

/// The extension a page is stored under, from its media type: `html` for HTML (and unknown types), `txt`, `md`,
/// `xml`, `pdf`, otherwise `bin`.
pub fn extension_for(content_type: Option<&str>) -> &'static str {
    let mime = content_type
        .and_then(|c| c.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase())
        .unwrap_or_default();
    match mime.as_str() {
        "" | "text/html" | "application/xhtml+xml" => "html",
        "text/plain" => "txt",
        "text/markdown" | "text/x-markdown" => "md",
        "application/xml" | "text/xml" => "xml",
        "application/pdf" => "pdf",
        _ => "bin",
    }
}

/// Writes a page and then its sidecar `<name>.json`, each atomically, after checking that the page's path lies
/// inside `dir` and passes through no symbolic link there. Returns whether the page's bytes changed.
pub fn store(dir: &Path, page_path: &Path, body: &[u8], sidecar: &Sidecar) -> Result<bool> {
    check_inside(dir, page_path)?;
    let written = write_atomic(page_path, body)?;
    // `<name>.json` for every extension; for documents this is where `Sidecar::path_for` looks.
    let sidecar_path = page_path.with_extension("json");
    let mut json = serde_json::to_string_pretty(sidecar).map_err(|err| Error::Write {
        path: sidecar_path.clone(),
        source: std::io::Error::other(err),
    })?;
    json.push('\n');
    write_atomic(&sidecar_path, json.as_bytes())?;
    Ok(written)
}

/// The SHA-256 of `bytes` in lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref())
}

/// A time as RFC 3339 in UTC, to the second: `2026-11-28T08:30:19Z`.
pub fn format_rfc3339(time: SystemTime) -> String {
    let secs = time
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// Reads a UTC RFC 3339 time as [`format_rfc3339`] writes it (fractions of a second and offsets are accepted).
pub fn parse_rfc3339(text: &str) -> Option<SystemTime> {
    let text = text.trim();
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !matches!(text.as_bytes().get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    let mut tail = &text[19..];
    if let Some(fraction) = tail.strip_prefix('.') {
        tail = fraction.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let offset = match tail {
        "Z" | "z" => 0,
        _ => {
            let sign = match tail.as_bytes().first() {
                Some(b'+') => 1,
                Some(b'-') => -1,
                _ => return None,
            };
            let hours: i64 = tail.get(1..3)?.parse().ok()?;
            let minutes: i64 = tail.get(4..6)?.parse().ok()?;
            sign * (hours * 3600 + minutes * 60)
        }
    };
    let secs =
        days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset;
    u64::try_from(secs)
        .ok()
        .map(|s| UNIX_EPOCH + Duration::from_secs(s))
}

fn host_dir(url: &Url) -> String {
    let host = url.host_str().unwrap_or("no-host");
    let mapped: String = host
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '.' | '-' | '_' => c,
            _ => '-',
        })
        .collect();
    // `=` is never in a plain host, so a marked one cannot meet another host's folder.
    let host = if is_plain(&mapped) {
        mapped
    } else {
        marked(&mapped, host)
    };
    match url.port() {
        Some(port) => format!("{host}_{port}"),
        None => host,
    }
}

/// Whether a segment can be a file or folder name as it is, on any system.
fn is_plain(segment: &str) -> bool {
    !segment.is_empty()
        && segment.len() <= MAX_PLAIN_SEGMENT
        && !segment.starts_with('.')
        && !segment.ends_with('.')
        && !is_reserved(segment)
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._~@+-".contains(&b))
}

/// Whether Windows takes the name for a device: its part before the first dot is a reserved name.
fn is_reserved(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or(name).trim_end();
    RESERVED_NAMES
        .iter()
        .any(|reserved| base.eq_ignore_ascii_case(reserved))
}

fn folder_segment(segment: &str) -> String {
    let lower = segment.to_ascii_lowercase();
    if is_plain(segment) && !FILE_EXTENSIONS.iter().any(|ext| lower.ends_with(ext)) {
        segment.to_string()
    } else {
        marked(segment, segment)
    }
}

fn file_segment(segment: &str, query: Option<&str>) -> String {
    match query {
        None if segment.is_empty() => "index".to_string(),
        None if is_plain(segment) => segment.to_string(),
        None => marked(segment, segment),
        Some(query) => marked(segment, &format!("{segment}?{query}")),
    }
}

/// `<slug>=<first 10 hex digits of the SHA-256 of what>`.
fn marked(segment: &str, what: &str) -> String {
    let mut slug = String::new();
    for c in segment.chars() {
        if slug.len() >= MAX_SLUG {
            break;
        }
        if c.is_ascii_alphanumeric() || "._~@+-".contains(c) {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_start_matches('.');
    let guard = if is_reserved(slug) { "_" } else { "" };
    format!("{guard}{slug}={}", &sha256_hex(what.as_bytes())[..10])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The inverse of [`civil_from_days`].
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(url: &str) -> String {
        page_stem(&Url::parse(url).unwrap())
    }

    #[test]
    fn page_stem_keeps_readable_paths() {
        assert_eq!(
            stem("https://Example.org/news/2024/some-title"),
            "example.org/news/2024/some-title"
        );
        assert_eq!(
            stem("http://127.0.0.1:8080/a.html"),
            "127.0.0.1_8080/a.html"
        );
    }

    #[test]
    fn page_stem_marks_index_query_and_odd_segments() {
        assert_eq!(stem("https://x.org/"), "x.org/index");
        assert_eq!(stem("https://x.org/a/"), "x.org/a/index");
        assert!(stem("https://x.org/a?id=2").starts_with("x.org/a="));
        assert!(stem("https://x.org/caf%C3%A9").starts_with("x.org/caf-C3-A9="));
        assert!(stem("https://x.org/p.html/q").starts_with("x.org/p.html="));
    }

    #[test]
    fn page_name_follows_the_url() {
        let name = |url: &str, ext: &str| page_name(&Url::parse(url).unwrap(), ext);
        assert_eq!(
            name("https://x.org/articles/paradigm.html", "html"),
            "x.org/articles/paradigm.html"
        );
        assert_eq!(
            name("https://x.org/a/page.htm", "html"),
            "x.org/a/page.htm.html"
        );
        assert_eq!(
            name("https://x.org/articles/", "html"),
            "x.org/articles/index.html"
        );
        assert_eq!(name("https://x.org/", "html"), "x.org/index.html");
        assert_eq!(
            name("https://x.org/paper.pdf", "pdf"),
            "x.org/paper.pdf.pdf"
        );
        assert_eq!(
            name("https://x.org/paper.pdf", "html"),
            "x.org/paper.pdf.html"
        );
        assert!(name("https://x.org/a.html?id=2", "html").ends_with(".html"));
        assert!(name("https://x.org/a.html?id=2", "html").contains('='));
        // The documented collision: one page under two URLs.
        assert_eq!(
            name("https://x.org/a/x", "html"),
            name("https://x.org/a/x.html", "html")
        );
    }

    #[test]
    fn page_stem_separates_urls_that_look_alike() {
        let urls = [
            "https://x.org/a",
            "https://x.org/a/",
            "https://x.org/a/index=",
            "https://x.org/a?b",
            "https://x.org/a?c",
            "https://x.org/a%20b",
            "https://x.org/a-b",
            "https://x.org/A",
        ];
        let stems: std::collections::HashSet<String> = urls.iter().map(|u| stem(u)).collect();
        assert_eq!(stems.len(), urls.len(), "{stems:?}");
    }

    #[test]
    fn page_stem_never_leaves_the_folder_nor_names_a_device() {
        for url in [
            "http://../package",
            "http://./x",
            "http://%2e%2e/y",
            "http://con/nul",
            "http://x.org/aux.tar/lpt1",
            "http://x.org/a./b.",
        ] {
            let stem = stem(url);
            for part in stem.split('/') {
                assert!(
                    !part.starts_with('.') && !part.ends_with('.'),
                    "{url}: {stem}"
                );
                assert!(!is_reserved(part), "{url}: {stem}");
                assert!(
                    !part.contains('\\') && !part.contains('\0'),
                    "{url}: {stem}"
                );
            }
        }
    }

    #[test]
    fn page_stem_bounds_deep_paths() {
        let deep = format!("https://x.org/{}end?q=1", "segment/".repeat(500));
        let long = stem(&deep);
        assert!(long.len() <= MAX_STEM, "{} bytes", long.len());
        let other = stem(&deep.replace("end", "End"));
        assert_ne!(long, other, "the rest of the path is hashed");
    }

    #[test]
    fn page_stem_ignores_the_fragment() {
        assert_eq!(stem("https://x.org/a#top"), stem("https://x.org/a"));
    }

    #[test]
    fn rfc3339_round_trips() {
        let time = UNIX_EPOCH + Duration::from_secs(1_795_854_619);
        let text = format_rfc3339(time);
        assert_eq!(text, "2026-11-28T08:30:19Z");
        assert_eq!(parse_rfc3339(&text), Some(time));
        assert_eq!(parse_rfc3339("2026-11-28T09:30:19.5+01:00"), Some(time));
        assert_eq!(parse_rfc3339("yesterday"), None);
    }

    #[test]
    fn extension_follows_the_media_type() {
        assert_eq!(extension_for(Some("text/html; charset=utf-8")), "html");
        assert_eq!(extension_for(Some("application/pdf")), "pdf");
        assert_eq!(extension_for(None), "html");
    }
}
