//! The documents of a run, in input order: a file or stdin is one document, a WARC file one per HTML record, a
//! JSONL file one per line; with a shard, only the documents whose key falls in it. Containers are read lazily,
//! one record at a time, so a huge WARC file never sits in memory.

use std::io::BufReader;
use std::path::Path;

use serde_json::{Map, Value};

use super::jsonl::JsonlReader;
use super::kind::{container_format, container_stem, InputFormat, InputKind};
use super::warc::{WarcItem, WarcReader};
use super::{Input, RawDocument, Shard, DEFAULT_MAX_SIZE};
use crate::error::Error;

/// One item of the stream of documents.
#[derive(Debug)]
pub enum Item {
    /// A file or stdin holding one document, read when its turn comes (see [`super::load`]).
    File(Input),
    /// A document read out of a container (WARC record, JSONL line).
    Record {
        /// Shown in messages: `crawl.warc.gz@1234`, `in.jsonl:7`.
        display: String,
        /// Its output path under the output folder, without extension: `crawl/000001`.
        stem: String,
        /// The document.
        doc: RawDocument,
        /// The other fields of a JSONL line, passed through to JSON output.
        extra: Map<String, Value>,
    },
    /// A container, record or line that could not be read.
    Failed {
        /// Shown in messages.
        display: String,
        /// Why, with its causes.
        reason: String,
        /// The other fields of a JSONL line.
        extra: Map<String, Value>,
    },
    /// A WARC record that is not a page.
    Skipped {
        /// Shown in messages.
        display: String,
        /// Why.
        reason: String,
    },
}

/// The documents of a list of inputs, produced lazily in order (see the module doc).
pub struct Documents {
    inputs: std::vec::IntoIter<Input>,
    format: Option<InputFormat>,
    shard: Option<Shard>,
    max_size: u64,
    current: Option<Box<dyn Iterator<Item = Item> + Send>>,
}

impl Documents {
    /// The documents of `inputs`, read as containers when `format` says so or their names do, filtered by `shard`.
    pub fn new(inputs: Vec<Input>, format: Option<InputFormat>, shard: Option<Shard>) -> Self {
        Documents {
            inputs: inputs.into_iter(),
            format,
            shard,
            max_size: DEFAULT_MAX_SIZE,
            current: None,
        }
    }

    /// Refuses WARC records and JSONL lines larger than `max_size` bytes once decompressed (`--max-size`), one
    /// error each [default: [`DEFAULT_MAX_SIZE`]]. Files are capped when they are loaded (see [`super::load`]).
    pub fn max_size(mut self, max_size: u64) -> Self {
        self.max_size = max_size;
        self
    }

    fn container(&self, input: &Input) -> Option<InputFormat> {
        match self.format {
            Some(f @ (InputFormat::Jsonl | InputFormat::Warc)) => Some(f),
            Some(_) => None,
            None => container_format(&input.relative),
        }
    }

    fn keep(&self, item: &Item) -> bool {
        let Some(shard) = self.shard else { return true };
        match item {
            Item::File(input) => shard.contains(&input.relative),
            Item::Record { doc, display, .. } => {
                shard.contains(doc.url.as_deref().unwrap_or(display))
            }
            Item::Failed { display, .. } | Item::Skipped { display, .. } => shard.contains(display),
        }
    }
}

impl Iterator for Documents {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(current) = &mut self.current {
                match current.next() {
                    Some(item) if self.keep(&item) => return Some(item),
                    Some(_) => continue,
                    None => self.current = None,
                }
            }
            let input = self.inputs.next()?;
            match self.container(&input) {
                Some(InputFormat::Warc) => self.current = Some(warc_records(input, self.max_size)),
                Some(InputFormat::Jsonl) => self.current = Some(jsonl_lines(input, self.max_size)),
                _ => {
                    let item = Item::File(input);
                    if self.keep(&item) {
                        return Some(item);
                    }
                }
            }
        }
    }
}

/// The documents of a WARC file.
fn warc_records(input: Input, max_size: u64) -> Box<dyn Iterator<Item = Item> + Send> {
    let base = container_stem(&input.relative);
    let relative = input.relative.clone();
    let reader = match &input.path {
        Some(path) => WarcReader::open(path)
            .map(|r| Box::new(r.max_size(max_size)) as Box<dyn Iterator<Item = WarcItem> + Send>),
        None => WarcReader::new(std::io::stdin(), Path::new("<stdin>"))
            .map(|r| Box::new(r.max_size(max_size)) as Box<dyn Iterator<Item = WarcItem> + Send>),
    };
    let reader = match reader {
        Ok(reader) => reader,
        Err(err) => return failed(&input, &err),
    };
    let mut ordinal = 0usize;
    Box::new(reader.map(move |item| match item {
        WarcItem::Page(page) => {
            ordinal += 1;
            let display = format!("{relative}@{}", page.offset);
            Item::Record {
                stem: format!("{base}/{ordinal:06}"),
                doc: RawDocument {
                    bytes: page.body,
                    source: display.clone(),
                    kind_hint: Some(InputKind::Html),
                    url: page.url,
                    charset: page.charset,
                    fetched: page.date,
                },
                display,
                extra: Map::new(),
            }
        }
        WarcItem::Skipped { offset, reason } => Item::Skipped {
            display: format!("{relative}@{offset}"),
            reason,
        },
        WarcItem::Corrupt { offset, reason } => Item::Failed {
            display: format!("{relative}@{offset}"),
            reason,
            extra: Map::new(),
        },
    }))
}

/// The documents of a JSONL file or stream.
fn jsonl_lines(input: Input, max_size: u64) -> Box<dyn Iterator<Item = Item> + Send> {
    let base = container_stem(&input.relative);
    let relative = input.relative.clone();
    let open = |path: &Path| {
        std::fs::File::open(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })
    };
    let lines: Box<dyn Iterator<Item = _> + Send> = match &input.path {
        None => Box::new(JsonlReader::new(BufReader::new(std::io::stdin())).max_line(max_size)),
        Some(path) => match open(path) {
            Ok(file) if path.to_string_lossy().ends_with(".gz") => Box::new(
                JsonlReader::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
                    .max_line(max_size),
            ),
            Ok(file) => Box::new(JsonlReader::new(BufReader::new(file)).max_line(max_size)),
            Err(err) => return failed(&input, &err),
        },
    };
    Box::new(lines.map(move |line| {
        let display = format!("{relative}:{}", line.number);
        match line.document {
            Ok(doc) => Item::Record {
                stem: format!("{base}/{:06}", line.number),
                doc: RawDocument {
                    bytes: doc.content.into_bytes(),
                    source: display.clone(),
                    kind_hint: Some(doc.kind),
                    url: doc.url,
                    charset: None,
                    fetched: None,
                },
                display,
                extra: doc.extra,
            },
            Err((reason, extra)) => Item::Failed {
                display,
                reason,
                extra,
            },
        }
    }))
}

/// A container that could not be opened: one failed item.
fn failed(input: &Input, err: &Error) -> Box<dyn Iterator<Item = Item> + Send> {
    Box::new(std::iter::once(Item::Failed {
        display: input.display(),
        reason: err.reason(),
        extra: Map::new(),
    }))
}
