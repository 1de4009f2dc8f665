//! `rinse::Error`: every way a library call can fail, each variant naming the operation and its subject.

use std::path::PathBuf;

/// An error from the rinse library. Messages are lowercase, subject first, no final period.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input file or folder could not be read.
    #[error("failed to read {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An input document's own bytes could not be read (a sidecar, rule or config file is [`Error::Read`]).
    #[error("{path}: {}", READ_FAILED)]
    ReadInput {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A gzip-compressed input did not decompress.
    #[error("{path}: {}", NOT_GZIP)]
    Gzip {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An input, a WARC record or a JSONL line larger than the `--max-size` cap (after decompression): refused
    /// before it fills memory.
    #[error("{path}: {}", over_cap(*.limit))]
    TooLarge { path: PathBuf, limit: u64 },
    /// The input holds no text at all.
    #[error("empty input")]
    Empty,
    /// The input looks like binary data, not a document.
    #[error("binary data ({reason}), not an HTML, PDF or text document")]
    Binary { reason: String },
    /// A path given on the command line does not exist or is not a file or folder.
    #[error("{path}: {reason}")]
    BadInput { path: PathBuf, reason: String },
    /// Walking an input folder failed (a symlink loop, a dangling link, an unreadable entry).
    #[error("{path}: {reason}")]
    Walk { path: PathBuf, reason: String },
    /// Two inputs would be written to the same output file.
    #[error("{first} and {second} would both be written to {out}")]
    OutputClash {
        first: PathBuf,
        second: PathBuf,
        out: PathBuf,
    },
    /// An output path that would leave the output folder or pass through a symbolic link; nothing was written.
    #[error("{path}: refused to write: {reason}")]
    UnsafePath { path: PathBuf, reason: String },
    /// An output file could not be written.
    #[error("failed to write {path}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// An output file could not be removed (`rinse clean --prune`).
    #[error("failed to remove {path}")]
    Remove {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The configuration file is invalid.
    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },
    /// A rule file is invalid: unknown key, bad selector or bad regex.
    #[error("{path}:{line}: {message}")]
    RuleFile {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// The cleanup rules kept changing their own output.
    #[error("cleanup did not converge after {passes} passes (last rules to edit: {rules})")]
    NoConvergence { passes: usize, rules: String },
    /// A rule's edits would make the body more than [`crate::rules::MAX_GROWTH`] times its size before cleanup (plus
    /// [`crate::rules::GROWTH_SLACK`] bytes): stopped before the text is built, so a rule such as `a` → `aa` cannot
    /// exhaust memory.
    #[error("rule {rule} grows the text from {from} to {to} bytes, more than {times} times its size: check its pattern and replacement")]
    RuleGrowth {
        rule: String,
        from: usize,
        to: usize,
        /// The limit, [`crate::rules::MAX_GROWTH`].
        times: usize,
    },
    /// A URL could not be fetched, or its response was refused (status, content type, size). Nothing was written.
    #[error("{url}: {reason}")]
    Fetch { url: String, reason: String },
    /// A URL on the command line or in a list is not an http(s) URL.
    #[error("{url}: invalid URL: {reason}")]
    BadUrl { url: String, reason: String },
    /// A sitemap could not be read.
    #[error("{url}: invalid sitemap: {reason}")]
    Sitemap { url: String, reason: String },
    /// The async runtime for fetching could not start.
    #[error("failed to start the fetch runtime")]
    Runtime {
        #[source]
        source: std::io::Error,
    },
    /// A usage error: options that cannot be combined or are missing.
    #[error("{0}")]
    Usage(String),
    /// A PDF whose text could not be read.
    #[error("{0}")]
    Pdf(PdfProblem),
    /// rinse itself failed on a document (a panic inside a stage): reported as this document's error, so that the
    /// rest of a batch goes on.
    #[error("internal error: {0} (a bug in rinse: please report it with this input)")]
    Internal(String),
}

impl Error {
    /// The message with its causes, `: `-separated, on one line.
    pub fn chain(&self) -> String {
        self.with_causes(self.to_string())
    }

    /// The message with its causes, without the document it is about: what is shown after a document's name
    /// when a batch reports it (`raw/a.html.gz` + `not a valid gzip stream: no gzip header`). The errors about an
    /// input document or URL ([`Error::ReadInput`], [`Error::Gzip`], [`Error::TooLarge`], [`Error::Fetch`]) leave
    /// their subject out; every other error names no document (`empty input`) or names another file (a sidecar,
    /// an output), which stays.
    pub fn reason(&self) -> String {
        let text = match self {
            Error::ReadInput { .. } => READ_FAILED.to_string(),
            Error::Gzip { .. } => NOT_GZIP.to_string(),
            Error::TooLarge { limit, .. } => over_cap(*limit),
            Error::Fetch { reason, .. } => reason.clone(),
            other => other.to_string(),
        };
        self.with_causes(text)
    }

    /// `text` followed by this error's causes, each after `: `.
    fn with_causes(&self, mut text: String) -> String {
        let mut source = std::error::Error::source(self);
        while let Some(cause) = source {
            text.push_str(": ");
            text.push_str(&cause.to_string());
            source = cause.source();
        }
        text
    }
}

/// What [`Error::ReadInput`] says after the input's name.
const READ_FAILED: &str = "failed to read";

/// What [`Error::Gzip`] says after the input's name.
const NOT_GZIP: &str = "not a valid gzip stream";

/// Why a PDF's text could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PdfProblem {
    /// It is encrypted with a password.
    #[error("encrypted PDF: rinse cannot read password-protected documents\nhint: remove the password first (for example `qpdf --decrypt`)")]
    Encrypted,
    /// It holds no text layer: scanned page images.
    #[error("PDF without a text layer ({pages} pages of images): it needs OCR first\nhint: add a text layer with an OCR tool (for example `ocrmypdf`), then clean the result")]
    NoText {
        /// The number of pages.
        pages: usize,
    },
    /// It is corrupt or truncated.
    #[error("corrupt or truncated PDF: {0}")]
    Corrupt(String),
    /// It goes past one of the reader's limits (a PDF bomb, or a document too big to read safely).
    #[error("PDF past a safety limit: {0}")]
    Limit(String),
}

/// The result type of the rinse library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Runs `stage` and turns a panic inside it into [`Error::Internal`] with the panic's message: a bug met on one
/// document fails that document, not the batch or the process around it (a Python interpreter, a Spark worker).
/// The panic hook still prints where it happened, for the bug report.
pub fn catch_panic<T>(stage: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(stage)).unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|text| text.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without a message".to_string());
        Err(Error::Internal(message))
    })
}

/// Why a document over the cap `limit` was refused, as every reader words it (and [`Error::TooLarge`]).
pub fn over_cap(limit: u64) -> String {
    format!("larger than the --max-size cap of {limit} bytes once decompressed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_leaves_out_the_input_but_not_another_file() {
        let gzip = Error::Gzip {
            path: "raw/a.html.gz".into(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, "no gzip header"),
        };
        assert_eq!(
            gzip.chain(),
            "raw/a.html.gz: not a valid gzip stream: no gzip header"
        );
        assert_eq!(gzip.reason(), "not a valid gzip stream: no gzip header");
        let sidecar = Error::Read {
            path: "raw/a.json".into(),
            source: std::io::Error::other("denied"),
        };
        assert_eq!(sidecar.reason(), "failed to read raw/a.json: denied");
        assert_eq!(Error::Empty.reason(), "empty input");
    }

    #[test]
    fn a_panic_in_a_stage_is_that_documents_error() {
        let failed: Result<()> = catch_panic(|| panic!("index out of range"));
        let err = failed.expect_err("the panic is an error");
        assert_eq!(
            err.reason(),
            "internal error: index out of range (a bug in rinse: please report it with this input)"
        );
        let formatted: Result<()> = catch_panic(|| panic!("byte {} of {}", 3, 2));
        assert!(formatted
            .expect_err("an error")
            .to_string()
            .contains("byte 3 of 2"));
        assert_eq!(catch_panic(|| Ok(7)).ok(), Some(7));
    }
}
