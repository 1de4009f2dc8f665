//! WARC input: the `response` records of a `.warc` or `.warc.gz` file (one gzip member per record, as Common Crawl
//! and warcio write them), each with its HTTP headers stripped and its transfer and content encodings undone.
//!
//! The `warc` crate was considered and not used: it decompresses a `.warc.gz` as one stream, so it can neither
//! report the byte offset of a record nor skip a corrupt member and go on, which both matter on web-archive scale.
//! Records are read one at a time, so memory stays bounded by the largest record.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use super::kind::{is_pdf, sniff, InputKind};
use super::{over_cap, read_capped, DEFAULT_MAX_SIZE};
use crate::error::{Error, Result};

/// One thing read from a WARC file.
#[derive(Debug)]
pub enum WarcItem {
    /// An HTML response: its payload, ready for the pipeline.
    Page(WarcPage),
    /// A response that is not HTML (an image, a PDF, a redirect without body…): skipped and counted.
    Skipped {
        /// Byte offset of the record in the file.
        offset: u64,
        /// Why it was skipped.
        reason: String,
    },
    /// A truncated or corrupt record; reading goes on after it.
    Corrupt {
        /// Byte offset where the problem starts.
        offset: u64,
        /// What is wrong.
        reason: String,
    },
}

/// An HTML response record.
#[derive(Debug)]
pub struct WarcPage {
    /// Byte offset of the record in the (compressed) file.
    pub offset: u64,
    /// `WARC-Target-URI`, exactly as written.
    pub url: Option<String>,
    /// `WARC-Date`.
    pub date: Option<String>,
    /// The charset of the HTTP `Content-Type`, when declared.
    pub charset: Option<String>,
    /// The payload, decoded from its transfer and content encodings.
    pub body: Vec<u8>,
}

/// Reads the records of a WARC file one by one.
pub struct WarcReader<R: Read> {
    input: BufReader<Counting<R>>,
    gzip: bool,
    path: PathBuf,
    /// Records of the current gzip member not handed out yet (a member normally holds one).
    pending: std::collections::VecDeque<WarcItem>,
    done: bool,
    /// The cap on a gzip member, a record and a decoded body (`--max-size`).
    max_size: u64,
    /// The start of a record that the last gzip member ended in the middle of, with that member's offset and why
    /// it could not be read alone: the next member goes on with it, as warcio reads a gzip file as one stream.
    carry: Option<(Vec<u8>, u64, String)>,
}

impl WarcReader<std::fs::File> {
    /// Opens a WARC file; gzip is recognised by its magic bytes.
    pub fn open(path: &Path) -> Result<Self> {
        let file = std::fs::File::open(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        Self::new(file, path)
    }
}

impl<R: Read> WarcReader<R> {
    /// Reads WARC records from `reader`; `path` names it in messages.
    pub fn new(reader: R, path: &Path) -> Result<Self> {
        let mut input = BufReader::with_capacity(
            64 * 1024,
            Counting {
                inner: reader,
                count: 0,
            },
        );
        let head = input.fill_buf().map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let gzip = head.starts_with(&[0x1f, 0x8b]);
        Ok(WarcReader {
            input,
            gzip,
            path: path.to_path_buf(),
            pending: Default::default(),
            done: false,
            max_size: DEFAULT_MAX_SIZE,
            carry: None,
        })
    }

    /// Refuses gzip members, records and decoded bodies larger than `max_size` bytes (`--max-size`) with one
    /// error each, reading on after them [default: [`DEFAULT_MAX_SIZE`]].
    pub fn max_size(mut self, max_size: u64) -> Self {
        self.max_size = max_size;
        self
    }

    fn offset_now(&self) -> u64 {
        self.input.get_ref().count - self.input.buffer().len() as u64
    }

    /// Reads the next gzip member and parses the records it holds.
    fn next_member(&mut self) -> Option<()> {
        let offset = self.offset_now();
        match self.input.fill_buf() {
            Ok([]) => {
                let (_, offset, reason) = self.carry.take()?;
                self.pending.push_back(WarcItem::Corrupt { offset, reason });
                return Some(());
            }
            Ok(_) => {}
            Err(err) => {
                self.pending.push_back(WarcItem::Corrupt {
                    offset,
                    reason: format!("read error: {err}"),
                });
                self.done = true;
                return Some(());
            }
        }
        let mut decoder = flate2::bufread::GzDecoder::new(&mut self.input);
        let max_size = self.max_size;
        match read_capped(&mut decoder, max_size) {
            Ok(None) => {
                // Decompressed into nothing, so that a bomb costs time, not memory, and reading goes on after it.
                let rest = std::io::copy(&mut decoder, &mut std::io::sink());
                self.pending.push_back(WarcItem::Corrupt {
                    offset,
                    reason: format!("gzip member {}", over_cap(max_size)),
                });
                if let Err(err) = rest {
                    self.pending.push_back(WarcItem::Corrupt {
                        offset,
                        reason: format!("corrupt gzip member: {err}"),
                    });
                    self.resync_gzip(offset);
                }
            }
            Ok(Some(member)) => {
                let (member, offset) = match self.carry.take() {
                    // A member that starts a record of its own does not go on with the one before: that one was
                    // cut short.
                    Some((_, start_offset, reason)) if starts_record(&member) => {
                        self.pending.push_back(WarcItem::Corrupt {
                            offset: start_offset,
                            reason,
                        });
                        (member, offset)
                    }
                    Some((mut start, start_offset, _)) => {
                        start.extend_from_slice(&member);
                        (start, start_offset)
                    }
                    None => (member, offset),
                };
                let mut at = 0;
                let mut carried = None;
                while at < member.len() {
                    match parse_record(&member[at..], offset, max_size) {
                        Ok((item, used)) => {
                            self.pending.push_back(item);
                            at += used.max(1);
                        }
                        // The record goes on in the next member (within the cap on a record).
                        Err(Unparsed {
                            reason,
                            incomplete: true,
                        }) if ((member.len() - at) as u64) < max_size => {
                            carried = Some(reason);
                            break;
                        }
                        Err(Unparsed { reason, .. }) => {
                            self.pending.push_back(WarcItem::Corrupt { offset, reason });
                            break;
                        }
                    }
                    if member[at..].iter().all(|b| b.is_ascii_whitespace()) {
                        break;
                    }
                }
                if let Some(reason) = carried {
                    // The buffer itself is carried, not a copy: a record split over many members is read in
                    // time linear in its size.
                    let mut start = member;
                    start.drain(..at);
                    self.carry = Some((start, offset, reason));
                }
            }
            Err(err) => {
                self.pending.push_back(WarcItem::Corrupt {
                    offset,
                    reason: format!("corrupt gzip member: {err}"),
                });
                self.resync_gzip(offset);
            }
        }
        Some(())
    }

    /// Skips to the next gzip member header after a corrupt one.
    fn resync_gzip(&mut self, from: u64) {
        // Start one byte past the bad member's header, then look for the next `1f 8b 08`.
        while self.offset_now() <= from {
            match self.input.fill_buf() {
                Ok([]) | Err(_) => return,
                Ok(_) => self.input.consume(1),
            }
        }
        loop {
            let buf = match self.input.fill_buf() {
                Ok([]) | Err(_) => return,
                Ok(buf) => buf,
            };
            if let Some(at) = buf.windows(3).position(|w| w == [0x1f, 0x8b, 0x08]) {
                self.input.consume(at);
                return;
            }
            let keep = buf.len().min(2);
            let skip = buf.len() - keep;
            if skip == 0 {
                // Fewer than 3 bytes left and no header: the end.
                let n = buf.len();
                self.input.consume(n);
                return;
            }
            self.input.consume(skip);
        }
    }

    /// Reads the next record of an uncompressed WARC.
    fn next_plain(&mut self) -> Option<()> {
        let offset = self.offset_now();
        let mut header = Vec::new();
        loop {
            let mut line = Vec::new();
            match self.input.read_until(b'\n', &mut line) {
                Ok(0) => {
                    if header.iter().all(|b: &u8| b.is_ascii_whitespace()) {
                        return None;
                    }
                    self.pending.push_back(WarcItem::Corrupt {
                        offset,
                        reason: "truncated record header".to_string(),
                    });
                    self.done = true;
                    return Some(());
                }
                Ok(_) => {}
                Err(err) => {
                    self.pending.push_back(WarcItem::Corrupt {
                        offset,
                        reason: format!("read error: {err}"),
                    });
                    self.done = true;
                    return Some(());
                }
            }
            let blank = line.iter().all(|b| b.is_ascii_whitespace());
            if blank && header.iter().all(|b: &u8| b.is_ascii_whitespace()) {
                header.clear();
                continue;
            }
            header.extend_from_slice(&line);
            if blank || header.len() > 1 << 20 {
                break;
            }
        }
        let headers = match parse_headers(&header) {
            Ok(headers) => headers,
            Err(reason) => {
                self.pending.push_back(WarcItem::Corrupt { offset, reason });
                self.resync_plain();
                return Some(());
            }
        };
        let length = match headers.content_length(self.max_size) {
            Ok(length) => length,
            Err(reason) => {
                match headers.declared_length() {
                    // Over the cap: stream past its block unread (a resync would read it line by line, and a
                    // block without line ends whole), as an error only for a record that would be cleaned.
                    Some(declared) => {
                        let kind = headers.kind();
                        self.pending.push_back(if kind == "response" {
                            WarcItem::Corrupt { offset, reason }
                        } else {
                            WarcItem::Skipped {
                                offset,
                                reason: format!("{kind} record"),
                            }
                        });
                        let skipped = std::io::copy(
                            &mut (&mut self.input).take(declared),
                            &mut std::io::sink(),
                        );
                        if skipped.map_or(true, |n| n < declared) {
                            self.done = true;
                        }
                    }
                    None => {
                        self.pending.push_back(WarcItem::Corrupt { offset, reason });
                        self.resync_plain();
                    }
                }
                return Some(());
            }
        };
        let mut block = Vec::with_capacity(length.min(1 << 24) as usize);
        match (&mut self.input).take(length).read_to_end(&mut block) {
            Ok(n) if (n as u64) < length => {
                self.pending.push_back(WarcItem::Corrupt {
                    offset,
                    reason: format!("truncated record: {n} of {length} bytes"),
                });
                self.done = true;
            }
            Ok(_) => self
                .pending
                .push_back(record_item(&headers, &block, offset, self.max_size)),
            Err(err) => {
                self.pending.push_back(WarcItem::Corrupt {
                    offset,
                    reason: format!("read error: {err}"),
                });
                self.done = true;
            }
        }
        Some(())
    }

    /// Skips to the next line that starts a WARC record, holding at most a few kilobytes of a line at a time.
    fn resync_plain(&mut self) {
        let mut line_start = true;
        let mut piece = Vec::new();
        loop {
            let buf = match self.input.fill_buf() {
                Ok([]) | Err(_) => return,
                Ok(buf) => buf,
            };
            if line_start && buf.starts_with(b"WARC/") {
                return;
            }
            piece.clear();
            match (&mut self.input).take(8192).read_until(b'\n', &mut piece) {
                Ok(0) | Err(_) => return,
                Ok(_) => line_start = piece.ends_with(b"\n"),
            }
        }
    }

    /// The file's path, for messages.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl<R: Read> Iterator for WarcReader<R> {
    type Item = WarcItem;

    fn next(&mut self) -> Option<WarcItem> {
        loop {
            if let Some(item) = self.pending.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            let more = if self.gzip {
                self.next_member()
            } else {
                self.next_plain()
            };
            if more.is_none() {
                self.done = true;
            }
        }
    }
}

/// Counts the bytes read through it, so record offsets can be reported.
struct Counting<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

/// The header fields of a WARC record or an HTTP message, names lower-cased.
#[derive(Debug, Default)]
struct Headers {
    first_line: String,
    fields: Vec<(String, String)>,
}

impl Headers {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// `WARC-Type`, lower-cased (`untyped` when missing).
    fn kind(&self) -> String {
        match self.get("warc-type").map(str::trim) {
            Some(kind) if !kind.is_empty() => kind.to_ascii_lowercase(),
            _ => "untyped".to_string(),
        }
    }

    /// `Content-Length` as a number, whatever its size.
    fn declared_length(&self) -> Option<u64> {
        self.get("content-length")?.trim().parse().ok()
    }

    fn content_length(&self, max_size: u64) -> std::result::Result<u64, String> {
        self.get("content-length")
            .ok_or_else(|| "record without Content-Length".to_string())?
            .trim()
            .parse::<u64>()
            .map_err(|_| "invalid Content-Length".to_string())
            .and_then(|n| {
                if n > max_size {
                    Err(format!("record of {n} bytes {}", over_cap(max_size)))
                } else {
                    Ok(n)
                }
            })
    }
}

/// Parses `WARC/1.x` and its header fields (up to the blank line).
fn parse_headers(bytes: &[u8]) -> std::result::Result<Headers, String> {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = text.split('\n').map(|l| l.trim_end_matches('\r'));
    let first = lines.next().unwrap_or_default().trim();
    if !first.starts_with("WARC/") {
        return Err("not a WARC record (no WARC/ version line)".to_string());
    }
    let mut headers = Headers {
        first_line: first.to_string(),
        fields: Vec::new(),
    };
    for line in lines {
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.fields.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers
                .fields
                .push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    Ok(headers)
}

/// The end of the first blank line (`\n\n` or `\n\r\n`), which ends a record's header. Some writers end header
/// lines with LF alone; the HTTP headers inside the block then still hold a CRLF blank line, so the header ends at
/// whichever blank line comes first. One scan that stops there: a record cut across many gzip members is parsed
/// again as each one arrives, and a search of the whole buffer each time was quadratic in the record's size.
fn blank_line_end(bytes: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = bytes[from..].iter().position(|&b| b == b'\n') {
        let newline = from + i;
        match &bytes[newline + 1..] {
            [b'\n', ..] => return Some(newline + 2),
            [b'\r', b'\n', ..] => return Some(newline + 3),
            _ => from = newline + 1,
        }
    }
    None
}

/// Whether `bytes` start with a WARC record's version line (after white space).
fn starts_record(bytes: &[u8]) -> bool {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    start.is_some_and(|i| bytes[i..].starts_with(b"WARC/"))
}

/// Why a record could not be parsed, and whether more bytes could complete it (a header or block cut short).
struct Unparsed {
    reason: String,
    incomplete: bool,
}

impl From<String> for Unparsed {
    fn from(reason: String) -> Self {
        Unparsed {
            reason,
            incomplete: false,
        }
    }
}

/// Parses one record at the start of `bytes` (a decompressed gzip member). Returns the item and the bytes used.
fn parse_record(
    bytes: &[u8],
    offset: u64,
    max_size: u64,
) -> std::result::Result<(WarcItem, usize), Unparsed> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let bytes = &bytes[start..];
    let header_end = blank_line_end(bytes).ok_or_else(|| Unparsed {
        reason: "truncated record header".to_string(),
        incomplete: true,
    })?;
    let headers = parse_headers(&bytes[..header_end])?;
    let length = headers.content_length(max_size)? as usize;
    let block_end = header_end + length;
    if block_end > bytes.len() {
        return Err(Unparsed {
            reason: format!(
                "truncated record: {} of {length} bytes",
                bytes.len() - header_end
            ),
            incomplete: true,
        });
    }
    let item = record_item(&headers, &bytes[header_end..block_end], offset, max_size);
    Ok((item, start + block_end))
}

/// Turns a record into a page, a skip or an error.
fn record_item(headers: &Headers, block: &[u8], offset: u64, max_size: u64) -> WarcItem {
    let _ = &headers.first_line;
    let kind = headers
        .get("warc-type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    if kind != "response" {
        return WarcItem::Skipped {
            offset,
            reason: format!("{} record", if kind.is_empty() { "untyped" } else { &kind }),
        };
    }
    let url = headers.get("warc-target-uri").map(|u| {
        u.trim()
            .trim_start_matches('<')
            .trim_end_matches('>')
            .to_string()
    });
    let date = headers.get("warc-date").map(str::to_string);
    match http_payload(block, max_size) {
        Ok(Payload::Html { charset, body }) => WarcItem::Page(WarcPage {
            offset,
            url,
            date,
            charset,
            body,
        }),
        Ok(Payload::Other(reason)) => WarcItem::Skipped { offset, reason },
        Err(reason) => WarcItem::Corrupt { offset, reason },
    }
}

enum Payload {
    Html {
        charset: Option<String>,
        body: Vec<u8>,
    },
    Other(String),
}

/// Strips the HTTP status line and headers off a response block and undoes its encodings.
fn http_payload(block: &[u8], max_size: u64) -> std::result::Result<Payload, String> {
    let mut fields = [httparse::EMPTY_HEADER; 256];
    let mut response = httparse::Response::new(&mut fields);
    let header_len = match response.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => return Err("truncated HTTP headers".to_string()),
        Err(err) => return Err(format!("invalid HTTP response: {err}")),
    };
    let status = response.code.unwrap_or(0);
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let content_type = header("content-type").unwrap_or_default();
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let mut body = block[header_len..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        body = dechunk(&body)?;
    }
    if let Some(encoding) = header("content-encoding") {
        body = decode_content(&encoding.to_ascii_lowercase(), body, max_size)?;
    }
    let is_html = matches!(
        mime.as_str(),
        "text/html" | "application/xhtml+xml" | "application/pdf"
    ) || is_pdf(&body)
        || (mime.is_empty() && sniff(&body) == InputKind::Html);
    if !(200..300).contains(&status) {
        return Ok(Payload::Other(format!("HTTP status {status}")));
    }
    if !is_html {
        let shown = if mime.is_empty() {
            "no content type"
        } else {
            &mime
        };
        return Ok(Payload::Other(format!("not HTML or PDF ({shown})")));
    }
    let charset = content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']).to_string())
    });
    Ok(Payload::Html { charset, body })
}

/// Undoes HTTP chunked transfer encoding.
fn dechunk(bytes: &[u8]) -> std::result::Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    loop {
        let line_end = find(&bytes[at..], b"\r\n").ok_or("truncated chunked body")? + at;
        let size_text = String::from_utf8_lossy(&bytes[at..line_end]);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("invalid chunk size {size_text:?}"))?;
        at = line_end + 2;
        if size == 0 {
            return Ok(out);
        }
        let end = at
            .checked_add(size)
            .filter(|&e| e <= bytes.len())
            .ok_or("truncated chunk")?;
        out.extend_from_slice(&bytes[at..end]);
        at = end + 2;
        if at > bytes.len() {
            return Ok(out);
        }
    }
}

/// Undoes a `Content-Encoding` (gzip, deflate, br; `identity` and empty do nothing), refusing a body that
/// decodes to more than `max_size` bytes.
fn decode_content(
    encoding: &str,
    body: Vec<u8>,
    max_size: u64,
) -> std::result::Result<Vec<u8>, String> {
    let result = match encoding.trim() {
        "" | "identity" | "none" => return Ok(body),
        "gzip" | "x-gzip" => {
            read_capped(flate2::read::MultiGzDecoder::new(body.as_slice()), max_size)
        }
        // Servers send zlib-wrapped or raw deflate under this name.
        "deflate" => read_capped(flate2::read::ZlibDecoder::new(body.as_slice()), max_size)
            .or_else(|_| read_capped(flate2::read::DeflateDecoder::new(body.as_slice()), max_size)),
        "br" => read_capped(
            brotli_decompressor::Decompressor::new(body.as_slice(), 64 * 1024),
            max_size,
        ),
        other => return Err(format!("unsupported content encoding {other:?}")),
    };
    result
        .map_err(|err| format!("content encoding {encoding}: {err}"))?
        .ok_or_else(|| format!("{encoding} body {}", over_cap(max_size)))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, uri: &str, http: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\nContent-Length: {}\r\n\r\n",
            http.len()
        )
        .into_bytes();
        out.extend_from_slice(http);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    const PAGE: &[u8] =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>caf\xe9</p>";

    #[test]
    fn reads_html_responses_and_skips_the_rest() {
        let mut file = record("warcinfo", "", b"software: test");
        file.extend(record("response", "https://a.example/x#frag", PAGE));
        file.extend(record(
            "response",
            "https://a.example/img.png",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        let items: Vec<_> = WarcReader::new(file.as_slice(), Path::new("t.warc"))
            .unwrap()
            .collect();
        assert_eq!(items.len(), 3);
        match &items[1] {
            WarcItem::Page(page) => {
                assert_eq!(page.url.as_deref(), Some("https://a.example/x#frag"));
                assert_eq!(page.charset.as_deref(), Some("ISO-8859-1"));
                assert_eq!(page.body, b"<p>caf\xe9</p>");
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(&items[2], WarcItem::Skipped { reason, .. } if reason.contains("image/png"))
        );
    }

    #[test]
    fn gzip_members_give_offsets_and_a_corrupt_member_is_skipped() {
        let first = gz(&record("response", "https://a.example/1", PAGE));
        let mut bad = gz(&record("response", "https://a.example/2", PAGE));
        let len = bad.len();
        bad[len / 2] ^= 0xff;
        bad[len / 2 + 1] ^= 0xff;
        let third = gz(&record("response", "https://a.example/3", PAGE));
        let mut file = first.clone();
        file.extend(&bad);
        file.extend(&third);
        let items: Vec<_> = WarcReader::new(file.as_slice(), Path::new("t.warc.gz"))
            .unwrap()
            .collect();
        let pages: Vec<_> = items
            .iter()
            .filter_map(|i| match i {
                WarcItem::Page(p) => Some((p.offset, p.url.clone().unwrap())),
                _ => None,
            })
            .collect();
        assert_eq!(pages[0], (0, "https://a.example/1".to_string()));
        assert_eq!(
            pages.last().unwrap(),
            &(
                (first.len() + bad.len()) as u64,
                "https://a.example/3".to_string()
            )
        );
        assert!(items.iter().any(
            |i| matches!(i, WarcItem::Corrupt { offset, .. } if *offset == first.len() as u64)
        ));
    }

    /// warcio's `example-wrong-chunks.warc.gz`: gzip members that do not start where records do.
    #[test]
    fn issue_17_a_record_split_across_gzip_members_is_read() {
        let mut records = record("response", "https://a.example/1", PAGE);
        records.extend(record("response", "https://a.example/2", PAGE));
        records.extend(record("response", "https://a.example/3", PAGE));
        let (a, rest) = records.split_at(40);
        let (b, c) = rest.split_at(rest.len() / 2);
        let mut file = gz(a);
        file.extend(gz(b));
        file.extend(gz(c));
        let items: Vec<_> = WarcReader::new(file.as_slice(), Path::new("t.warc.gz"))
            .unwrap()
            .collect();
        let urls: Vec<_> = items
            .iter()
            .filter_map(|i| match i {
                WarcItem::Page(p) => Some(p.url.as_deref().unwrap()),
                _ => None,
            })
            .collect();
        assert_eq!(
            urls,
            [
                "https://a.example/1",
                "https://a.example/2",
                "https://a.example/3"
            ],
            "{items:?}"
        );
        // A record whose end never comes is still one error, and a member after it that does not go on with it
        // is read alone.
        let mut broken =
            gz(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9000\r\n\r\nHTTP/1.1");
        broken.extend(gz(&record("response", "https://a.example/4", PAGE)));
        let items: Vec<_> = WarcReader::new(broken.as_slice(), Path::new("t.warc.gz"))
            .unwrap()
            .collect();
        assert!(
            matches!(&items[..], [WarcItem::Corrupt { .. }, WarcItem::Page(p)] if p.url.as_deref() == Some("https://a.example/4")),
            "{items:?}"
        );
        let cut = gz(&records[..records.len() - 30]);
        let items: Vec<_> = WarcReader::new(cut.as_slice(), Path::new("t.warc.gz"))
            .unwrap()
            .collect();
        assert!(
            matches!(items.last(), Some(WarcItem::Corrupt { reason, .. }) if reason.starts_with("truncated record")),
            "{items:?}"
        );
    }

    #[test]
    fn issue_17_lf_only_warc_headers_in_a_gzip_member_are_read() {
        let record = |uri: &str| {
            let mut out = format!(
                "WARC/1.0\nWARC-Type: response\nWARC-Target-URI: {uri}\nContent-Length: {}\n\n",
                PAGE.len()
            )
            .into_bytes();
            out.extend_from_slice(PAGE);
            out.extend_from_slice(b"\n\n");
            out
        };
        let mut file = gz(&record("https://a.example/1"));
        file.extend(gz(&record("https://a.example/2")));
        let items: Vec<_> = WarcReader::new(file.as_slice(), Path::new("t.warc.gz"))
            .unwrap()
            .collect();
        let bodies: Vec<_> = items
            .iter()
            .filter_map(|i| match i {
                WarcItem::Page(p) => Some(p.body.as_slice()),
                _ => None,
            })
            .collect();
        assert_eq!(bodies, [b"<p>caf\xe9</p>".as_slice(); 2], "{items:?}");
    }

    #[test]
    fn truncated_plain_record_is_reported() {
        let mut file = record("response", "https://a.example/1", PAGE);
        let mut cut = record("response", "https://a.example/2", PAGE);
        cut.truncate(cut.len() - 20);
        file.extend(cut);
        let items: Vec<_> = WarcReader::new(file.as_slice(), Path::new("t.warc"))
            .unwrap()
            .collect();
        assert!(matches!(items[0], WarcItem::Page(_)));
        assert!(
            matches!(&items[1], WarcItem::Corrupt { reason, .. } if reason.contains("truncated"))
        );
    }

    #[test]
    fn chunked_and_gzip_encodings_are_undone() {
        let body = gz(b"<p>hello</p>");
        let mut chunked = format!("{:x}\r\n", body.len()).into_bytes();
        chunked.extend(&body);
        chunked.extend(b"\r\n0\r\n\r\n");
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        http.extend(chunked);
        let file = record("response", "u", &http);
        let items: Vec<_> = WarcReader::new(file.as_slice(), Path::new("t.warc"))
            .unwrap()
            .collect();
        assert!(
            matches!(&items[0], WarcItem::Page(p) if p.body == b"<p>hello</p>"),
            "{items:?}"
        );
    }
}
