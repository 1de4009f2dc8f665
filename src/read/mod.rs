//! Reading inputs: which files a command line names (folders walked in sorted order), where each one's output
//! goes, and the bytes of each (gzip undone), with the fetch sidecar when there is one.

use std::collections::HashMap;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

pub use crate::error::over_cap;
use crate::error::{Error, Result};
use kind::{kind_from_name, InputKind};

pub mod documents;
pub mod jsonl;
pub mod kind;
pub mod pdf;
pub mod warc;

/// Extensions of the documents a folder walk takes (each also with `.gz`).
pub const DOCUMENT_EXTENSIONS: &[&str] = &[
    "html", "htm", "xhtml", "md", "markdown", "txt", "pdf", "warc", "jsonl",
];

/// The default of `--max-size`: a document (a file, a WARC record or its body, a JSONL line) larger than this
/// once decompressed is refused with one error, so a decompression bomb cannot exhaust memory.
pub const DEFAULT_MAX_SIZE: u64 = 256 * 1024 * 1024;

/// One input document: a file, or stdin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file to read; `None` for stdin.
    pub path: Option<PathBuf>,
    /// The path relative to the input root, with `/` separators (`-` for stdin): the `source` metadata, and the
    /// output path before its extension changes.
    pub relative: String,
}

impl Input {
    /// Stdin.
    pub fn stdin() -> Self {
        Input {
            path: None,
            relative: "-".to_string(),
        }
    }

    /// The path shown in messages.
    pub fn display(&self) -> String {
        match &self.path {
            Some(path) => path.display().to_string(),
            None => "<stdin>".to_string(),
        }
    }

    /// The input kind its extension names, if any (`.gz` looked through).
    pub fn kind_from_extension(&self) -> Option<InputKind> {
        kind_from_name(&self.relative)
    }
}

/// One document's bytes and what is known about it from outside its content.
#[derive(Debug, Clone, Default)]
pub struct RawDocument {
    /// The content, decompressed.
    pub bytes: Vec<u8>,
    /// The path relative to the input root (`source` in the metadata).
    pub source: String,
    /// The kind its extension names, if any.
    pub kind_hint: Option<InputKind>,
    /// The URL it was fetched from, if known (fetch sidecar, WARC record).
    pub url: Option<String>,
    /// The charset declared outside the document (HTTP header).
    pub charset: Option<String>,
    /// When it was fetched (fetch sidecar, WARC record), for the `fetched` metadata.
    pub fetched: Option<String>,
}

/// Reads one input (a file, gzip undone, or stdin) with what its fetch sidecar tells: the document as every
/// command and binding cleans it. One larger than `max_size` bytes, decompressed, is refused.
pub fn load(input: &Input, max_size: u64) -> Result<RawDocument> {
    let bytes = read(input, max_size)?;
    let sidecar = match &input.path {
        Some(path) => Sidecar::load(path)?,
        None => None,
    };
    Ok(RawDocument {
        bytes,
        source: input.relative.clone(),
        kind_hint: input.kind_from_extension(),
        url: sidecar
            .as_ref()
            .and_then(|s| s.page_url())
            .map(str::to_string),
        charset: sidecar.as_ref().and_then(|s| s.charset.clone()),
        fetched: sidecar.and_then(|s| s.fetched_at),
    })
}

/// Expands the command line's INPUTs into documents, in order: files as given, folders walked recursively in
/// sorted order, `-` as stdin. Problems (missing paths, symlink loops, dangling links) come back beside the inputs
/// so that the rest of the batch goes on. [`survey`] also tells what the walks passed over.
pub fn discover(args: &[PathBuf]) -> (Vec<Input>, Vec<Error>) {
    let found = survey(args);
    (found.inputs, found.errors)
}

/// What the command line's INPUTs expand to: the documents, the problems, and what the folder walks passed over.
#[derive(Debug, Default)]
pub struct Survey {
    /// The documents, in order (see [`discover`]).
    pub inputs: Vec<Input>,
    /// Paths that could not be read as inputs.
    pub errors: Vec<Error>,
    /// Files in the walked folders that are not documents, in walk order. Fetch sidecars (`page.json` beside
    /// `page.html`) are read with their page and are not listed.
    pub skipped: Vec<SkippedFile>,
    /// The folders named as INPUT that yielded no document: empty, or holding only files rinse does not read.
    pub empty_folders: Vec<PathBuf>,
}

/// A file a folder walk passed over, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedFile {
    /// The file.
    pub path: PathBuf,
    /// Why it is not a document: `not a kind rinse reads (.docx)`.
    pub reason: String,
}

/// Like [`discover`], also listing the files the folder walks passed over and the folders that yielded nothing.
pub fn survey(args: &[PathBuf]) -> Survey {
    let mut found = Survey::default();
    for arg in args {
        if arg.as_os_str() == "-" {
            found.inputs.push(Input::stdin());
            continue;
        }
        match std::fs::metadata(arg) {
            Ok(meta) if meta.is_dir() => {
                let before = found.inputs.len();
                walk(arg, &mut found);
                if found.inputs.len() == before {
                    found.empty_folders.push(arg.clone());
                }
            }
            Ok(meta) if meta.is_file() => {
                let name = arg
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| arg.display().to_string());
                found.inputs.push(Input {
                    path: Some(arg.clone()),
                    relative: name,
                });
            }
            Ok(_) => found.errors.push(Error::BadInput {
                path: arg.clone(),
                reason: "not a regular file or folder".to_string(),
            }),
            Err(err) => {
                let reason = if std::fs::symlink_metadata(arg).is_ok() {
                    "dangling symbolic link".to_string()
                } else {
                    io_reason(&err)
                };
                found.errors.push(Error::BadInput {
                    path: arg.clone(),
                    reason,
                });
            }
        }
    }
    found
}

/// The file kinds a folder walk takes, for messages: `.html .htm … .jsonl, each also .gz`.
pub fn document_kinds() -> String {
    let list: Vec<String> = DOCUMENT_EXTENSIONS
        .iter()
        .map(|e| format!(".{e}"))
        .collect();
    format!("{}, each also .gz", list.join(" "))
}

/// Whether a folder's file should be taken as a document.
pub fn is_document_name(name: &str) -> bool {
    let name = name.strip_suffix(".gz").unwrap_or(name);
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|ext| DOCUMENT_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}

fn walk(root: &Path, found: &mut Survey) {
    let first_skip = found.skipped.len();
    let first_input = found.inputs.len();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by(|a, b| a.file_name().cmp(b.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| root.to_path_buf());
                let reason = if err.loop_ancestor().is_some() {
                    "symbolic link loop, not followed".to_string()
                } else if std::fs::symlink_metadata(&path).is_ok()
                    && std::fs::metadata(&path).is_err()
                {
                    "dangling symbolic link".to_string()
                } else if let Some(io) = err.io_error() {
                    io_reason(io)
                } else {
                    err.to_string()
                };
                // A dangling link or loop that would not have been a document anyway is not worth an error.
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                if err.loop_ancestor().is_none()
                    && name.as_deref().is_some_and(|n| !is_document_name(n))
                {
                    found.skipped.push(SkippedFile { path, reason });
                    continue;
                }
                found.errors.push(Error::Walk { path, reason });
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() {
            found.skipped.push(SkippedFile {
                path: entry.path().to_path_buf(),
                reason: "not a regular file".to_string(),
            });
            continue;
        }
        if !is_document_name(&name) {
            found.skipped.push(SkippedFile {
                path: entry.path().to_path_buf(),
                reason: not_a_document(&name),
            });
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        found.inputs.push(Input {
            path: Some(entry.path().to_path_buf()),
            relative,
        });
    }
    // A page's sidecar is part of the page, not a skipped file.
    let sidecars: std::collections::HashSet<PathBuf> = found.inputs[first_input..]
        .iter()
        .filter_map(|input| Sidecar::path_for(input.path.as_deref()?))
        .collect();
    let mut walked = found.skipped.split_off(first_skip);
    walked.retain(|skip| !sidecars.contains(&skip.path));
    found.skipped.append(&mut walked);
}

/// Why a file named `name` is not taken as a document.
fn not_a_document(name: &str) -> String {
    match Path::new(name.strip_suffix(".gz").unwrap_or(name)).extension() {
        Some(ext) => format!("not a kind rinse reads (.{})", ext.to_string_lossy()),
        None => "not a kind rinse reads (no extension)".to_string(),
    }
}

/// A short reason for an I/O error, without the OS error number.
pub fn io_reason(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(at) => text[..at].to_lowercase(),
        None => text.to_lowercase(),
    }
}

/// The output path of an input under `out`: its relative path with `.gz` and the document extension replaced by
/// `extension` (`a/b.html.gz` → `out/a/b.md`).
pub fn output_path(out: &Path, relative: &str, extension: &str) -> PathBuf {
    out.join(format!("{}.{extension}", output_stem(relative)))
}

/// A relative path without `.gz` and its document extension: `a/b.html.gz` → `a/b`.
pub fn output_stem(relative: &str) -> &str {
    let name = relative.strip_suffix(".gz").unwrap_or(relative);
    match name.rfind('.') {
        Some(dot) if !name[dot..].contains('/') && kind_from_name(name).is_some() => &name[..dot],
        _ => name,
    }
}

/// The inputs that some input's output under `out` would replace (`rinse clean -o d d` with markdown in d/),
/// compared by canonical path so that `d` and `./d` meet; in input order.
pub fn replaced_inputs(inputs: &[Input], out: &Path, extension: &str) -> Vec<PathBuf> {
    // Only an output that is there already can replace an input, and none is in a folder that is not there: the
    // paths are resolved (some system calls a component) only for outputs that resolve.
    if !out.exists() {
        return Vec::new();
    }
    let targets: Vec<(PathBuf, PathBuf)> = inputs
        .iter()
        .filter_map(|input| {
            let target = output_path(out, &input.relative, extension);
            let resolved = target.canonicalize().ok()?;
            Some((target, resolved))
        })
        .collect();
    if targets.is_empty() {
        return Vec::new();
    }
    let canonical: std::collections::HashSet<PathBuf> = inputs
        .iter()
        .filter_map(|input| input.path.as_ref()?.canonicalize().ok())
        .collect();
    targets
        .into_iter()
        .filter(|(_, resolved)| canonical.contains(resolved))
        .map(|(target, _)| target)
        .collect()
}

/// Maps each input to its output path under `out`; two inputs that map to one path are an error naming both, and
/// the second one is dropped from the batch.
pub fn plan_outputs(
    inputs: Vec<Input>,
    out: &Path,
    extension: &str,
) -> (Vec<(Input, PathBuf)>, Vec<Error>) {
    let mut outputs = OutputPlan::new(out, extension);
    let mut planned = Vec::with_capacity(inputs.len());
    let mut errors = Vec::new();
    for input in inputs {
        let target = outputs.path_of(&input.relative);
        let shown = input.path.clone().unwrap_or_else(|| PathBuf::from("-"));
        match outputs.claim(target, shown) {
            Ok(target) => planned.push((input, target)),
            Err(err) => errors.push(err),
        }
    }
    (planned, errors)
}

/// Where the documents of a batch are written: each one's path under the output folder, and no path twice.
#[derive(Debug)]
pub struct OutputPlan {
    out: PathBuf,
    extension: String,
    /// Output path → the document that claimed it first, as shown in messages.
    taken: HashMap<PathBuf, PathBuf>,
}

impl OutputPlan {
    /// A plan for outputs under `out` with `extension`.
    pub fn new(out: &Path, extension: &str) -> Self {
        OutputPlan {
            out: out.to_path_buf(),
            extension: extension.to_string(),
            taken: HashMap::new(),
        }
    }

    /// The output folder.
    pub fn folder(&self) -> &Path {
        &self.out
    }

    /// The output path of an input by its relative path (see [`output_path`]).
    pub fn path_of(&self, relative: &str) -> PathBuf {
        output_path(&self.out, relative, &self.extension)
    }

    /// The output path of a document that has a stem and no extension of its own (a WARC record, a JSONL line).
    pub fn path_of_stem(&self, stem: &str) -> PathBuf {
        self.out.join(format!("{stem}.{}", self.extension))
    }

    /// Claims `target` for the document shown as `shown`; a path claimed before is an error naming both.
    pub fn claim(&mut self, target: PathBuf, shown: PathBuf) -> Result<PathBuf> {
        if let Some(first) = self.taken.get(&target) {
            return Err(Error::OutputClash {
                first: first.clone(),
                second: shown,
                out: target,
            });
        }
        self.taken.insert(target.clone(), shown);
        Ok(target)
    }
}

/// Reads an input's bytes, undoing gzip when the name ends in `.gz` or the bytes start with the gzip magic. An
/// input larger than `max_size` bytes, decompressed, is refused without reading more than that.
pub fn read(input: &Input, max_size: u64) -> Result<Vec<u8>> {
    let shown = input
        .path
        .clone()
        .unwrap_or_else(|| PathBuf::from("<stdin>"));
    // A file's size, when known, sizes the buffer: read to its end from nothing, the buffer would grow by doubling,
    // a copy and a system call each time.
    let mut size = 0;
    let source: Box<dyn Read> = match &input.path {
        Some(path) => {
            let file = std::fs::File::open(path).map_err(|source| Error::ReadInput {
                path: path.clone(),
                source,
            })?;
            size = file.metadata().map_or(0, |meta| meta.len());
            Box::new(file)
        }
        None => Box::new(std::io::stdin().lock()),
    };
    let mut source = std::io::BufReader::new(source);
    let head = source.fill_buf().map_err(|err| Error::ReadInput {
        path: shown.clone(),
        source: err,
    })?;
    if head.starts_with(&[0x1f, 0x8b]) {
        return gunzip(source, &shown, max_size);
    }
    if input.relative.ends_with(".gz") {
        return Err(Error::Gzip {
            path: shown,
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, "no gzip header"),
        });
    }
    read_sized(source, max_size, size)
        .map_err(|source| Error::ReadInput {
            path: shown.clone(),
            source,
        })?
        .ok_or(Error::TooLarge {
            path: shown,
            limit: max_size,
        })
}

/// Decompresses a (possibly multi-member) gzip stream, refusing output beyond `max_size` bytes.
pub fn gunzip(compressed: impl BufRead, path: &Path, max_size: u64) -> Result<Vec<u8>> {
    read_capped(flate2::bufread::MultiGzDecoder::new(compressed), max_size)
        .map_err(|source| Error::Gzip {
            path: path.to_path_buf(),
            source,
        })?
        .ok_or_else(|| Error::TooLarge {
            path: path.to_path_buf(),
            limit: max_size,
        })
}

/// Reads `reader` to its end, but never more than `max_size` bytes into memory: `None` when it holds more.
pub(crate) fn read_capped(reader: impl Read, max_size: u64) -> std::io::Result<Option<Vec<u8>>> {
    read_sized(reader, max_size, 0)
}

/// [`read_capped`] of a reader expected to hold `size` bytes (0 when unknown), room for which is made up front.
fn read_sized(reader: impl Read, max_size: u64, size: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut out = Vec::with_capacity(usize::try_from(size.min(max_size)).unwrap_or(0));
    reader
        .take(max_size.saturating_add(1))
        .read_to_end(&mut out)?;
    Ok((out.len() as u64 <= max_size).then_some(out))
}

/// A deterministic share of the inputs, `K/N`: a stable hash (64-bit FNV-1a) of a document's key modulo N picks
/// its shard, so N workers that are given the same inputs cover each document exactly once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based shard number.
    pub index: u64,
    /// Number of shards.
    pub count: u64,
}

impl Shard {
    /// Whether the document with this key (its URL, else its path) belongs to this shard.
    pub fn contains(&self, key: &str) -> bool {
        fnv1a(key.as_bytes()) % self.count == self.index - 1
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, String> {
        let (k, n) = text
            .split_once('/')
            .ok_or_else(|| format!("{text:?} is not K/N"))?;
        let index: u64 = k
            .trim()
            .parse()
            .map_err(|_| format!("{k:?} is not a number"))?;
        let count: u64 = n
            .trim()
            .parse()
            .map_err(|_| format!("{n:?} is not a number"))?;
        if count == 0 || index == 0 || index > count {
            return Err(format!("shard {index}/{count}: need 1 <= K <= N"));
        }
        Ok(Shard { index, count })
    }
}

/// 64-bit FNV-1a: stable across platforms and releases, unlike the standard library's hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// What the fetcher recorded beside a page in `<page>.json`: the URL and the declared charset, and what a re-fetch
/// needs (validators, time) or a reader may check (status, type, hash, size).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub struct Sidecar {
    /// The URL that was asked for.
    #[serde(default)]
    pub url: Option<String>,
    /// The URL after redirects.
    #[serde(default)]
    pub final_url: Option<String>,
    /// The HTTP status of the final response.
    #[serde(default)]
    pub status: Option<u16>,
    /// The `Content-Type` header.
    #[serde(default)]
    pub content_type: Option<String>,
    /// The charset of the `Content-Type` header, as declared.
    #[serde(default)]
    pub charset: Option<String>,
    /// The `ETag` header, sent back as `If-None-Match` on a re-fetch.
    #[serde(default)]
    pub etag: Option<String>,
    /// The `Last-Modified` header, sent back as `If-Modified-Since` on a re-fetch.
    #[serde(default)]
    pub last_modified: Option<String>,
    /// When the page was fetched, RFC 3339 in UTC.
    #[serde(default)]
    pub fetched_at: Option<String>,
    /// The SHA-256 of the stored bytes, lowercase hex.
    #[serde(default)]
    pub sha256: Option<String>,
    /// The number of stored bytes.
    #[serde(default)]
    pub size: Option<u64>,
}

impl Sidecar {
    /// The path of the sidecar of a page: its path with `.gz` and the document extension replaced by `.json`.
    pub fn path_for(page: &Path) -> Option<PathBuf> {
        let name = page.file_name()?.to_str()?;
        let parent = page.parent().unwrap_or(Path::new(""));
        Some(output_path(parent, name, "json"))
    }

    /// Reads the sidecar of a page, if it has one. A sidecar that is not valid JSON is an error.
    pub fn load(page: &Path) -> Result<Option<Sidecar>> {
        let Some(path) = Self::path_for(page) else {
            return Ok(None);
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(Error::Read { path, source }),
        };
        serde_json::from_str(&text)
            .map(Some)
            .map_err(|err| Error::BadInput {
                path,
                reason: format!("invalid sidecar: {err}"),
            })
    }

    /// The page's URL: after redirects when known.
    pub fn page_url(&self) -> Option<&str> {
        self.final_url.as_deref().or(self.url.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_path_replaces_gz_and_document_extension() {
        let out = Path::new("out");
        assert_eq!(
            output_path(out, "a/b.html.gz", "md"),
            Path::new("out/a/b.md")
        );
        assert_eq!(
            output_path(out, "page.html", "txt"),
            Path::new("out/page.txt")
        );
        assert_eq!(
            output_path(out, "notes.v2.md", "json"),
            Path::new("out/notes.v2.json")
        );
        assert_eq!(output_path(out, "README", "md"), Path::new("out/README.md"));
    }

    #[test]
    fn plan_outputs_rejects_two_inputs_for_one_output() {
        let inputs = vec![
            Input {
                path: Some("r/a.html".into()),
                relative: "a.html".into(),
            },
            Input {
                path: Some("r/a.md".into()),
                relative: "a.md".into(),
            },
        ];
        let (planned, errors) = plan_outputs(inputs, Path::new("o"), "md");
        assert_eq!(planned.len(), 1);
        let message = errors[0].to_string();
        assert!(
            message.contains("r/a.html") && message.contains("r/a.md"),
            "{message}"
        );
    }

    #[test]
    fn shards_partition_the_keys() {
        let shards: Vec<Shard> = (1..=3).map(|k| format!("{k}/3").parse().unwrap()).collect();
        for i in 0..200 {
            let key = format!("https://example.com/page/{i}");
            assert_eq!(shards.iter().filter(|s| s.contains(&key)).count(), 1);
        }
        assert!("0/3".parse::<Shard>().is_err());
        assert!("4/3".parse::<Shard>().is_err());
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn sidecar_sits_beside_the_page() {
        assert_eq!(
            Sidecar::path_for(Path::new("raw/h/p.html")),
            Some(PathBuf::from("raw/h/p.json"))
        );
    }
}
