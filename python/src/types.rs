//! The Python types of a result: `Document` (body, text, metadata, edits, and the command line's outputs),
//! `Metadata`, `Edit`, and `Failure`, the item `clean_many` yields for a document it could not clean.

use std::sync::OnceLock;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use rinse::emit::{self, Format};
use rinse::{pipeline, Cleaned};

use crate::RinseError;

/// A cleaned document: the markdown body, its plain text, the metadata, the edits cleanup made, and the outputs
/// of `rinse clean` (`to_markdown()`, `to_dict()`).
#[pyclass(module = "rinse", frozen)]
pub struct Document {
    cleaned: Cleaned,
    text: OnceLock<String>,
    /// The document with its language decided, made when its metadata is first read if the language waited on
    /// its clues (see [`Document::decided`]).
    decided: OnceLock<Cleaned>,
    extra: Option<Py<PyDict>>,
}

impl Document {
    /// A document from the pipeline's result. Without a source from the caller, the metadata has none (unless the
    /// document's own front matter gave one).
    pub fn new(mut cleaned: Cleaned, extra: Option<Py<PyDict>>, source_given: bool) -> Self {
        if !source_given && cleaned.metadata.source.as_deref() == Some("") {
            cleaned.metadata.source = None;
        }
        Document {
            cleaned,
            text: OnceLock::new(),
            decided: OnceLock::new(),
            extra,
        }
    }

    /// The document with its language decided. The engine leaves the language detector (a third of the
    /// metadata's cost) to the first read of the metadata, so that a caller of `.markdown` or `.text` alone does
    /// not pay for it.
    fn decided(&self) -> &Cleaned {
        if self.cleaned.language_clues.is_none() {
            return &self.cleaned;
        }
        self.decided.get_or_init(|| {
            let mut cleaned = self.cleaned.clone();
            pipeline::resolve_language(&mut cleaned);
            cleaned
        })
    }
}

#[pymethods]
impl Document {
    /// The cleaned markdown body, without front matter; empty when no article was found.
    #[getter]
    fn markdown(&self) -> &str {
        &self.cleaned.markdown
    }

    /// The body as plain text (`rinse clean --format text`): one block per paragraph, heading, list item, table
    /// row or code block, separated by a blank line; no markup, no URLs.
    #[getter]
    fn text(&self) -> &str {
        self.text
            .get_or_init(|| emit::to_text(&self.cleaned.markdown))
    }

    /// What is known about the document: title, authors, dates, site, URLs, language, description.
    #[getter]
    fn metadata(&self) -> Metadata {
        Metadata {
            inner: self.decided().metadata.clone(),
        }
    }

    /// Every edit the cleanup rules applied, in order.
    #[getter]
    fn edits(&self) -> Vec<Edit> {
        // The log keeps what each edit put in; what it removed comes from replaying it on the body before cleanup.
        self.cleaned
            .edits
            .applied(&self.cleaned.raw_body)
            .into_iter()
            .map(|edit| Edit {
                rule: edit.rule,
                pass_number: edit.pass,
                start: edit.range.start,
                end: edit.range.end,
                before: edit.before,
                after: edit.after,
            })
            .collect()
    }

    /// Things `rinse -v` would warn about, such as "no article found: the body is empty".
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.cleaned.warnings.clone()
    }

    /// The other fields of the `clean_many` item this document came from (empty for other documents).
    #[getter]
    fn extra<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        match &self.extra {
            Some(extra) => extra.bind(py).copy(),
            None => Ok(PyDict::new(py)),
        }
    }

    /// The document as `rinse clean` writes it: YAML front matter, then the markdown body.
    fn to_markdown(&self) -> String {
        emit::render(self.decided(), Format::Md)
    }

    /// The JSON object of `rinse clean --format json`: `{"source", "metadata", "markdown", "text", "stats"}`,
    /// plus the other fields of a `clean_many` item where they do not clash.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        // Parsed from what `--format jsonl` writes, so that the keys come in the command's documented order.
        let line = emit::json_document(self.decided(), &serde_json::Map::new(), Format::Jsonl);
        let value = py.import("json")?.call_method1("loads", (line,))?;
        if let (Some(extra), Ok(dict)) = (&self.extra, value.cast::<PyDict>()) {
            for (key, field) in extra.bind(py).iter() {
                if !dict.contains(&key)? {
                    dict.set_item(key, field)?;
                }
            }
        }
        Ok(value)
    }

    fn __repr__(&self) -> String {
        let title = self.cleaned.metadata.title.as_deref().unwrap_or("");
        format!(
            "<rinse.Document title={title:?} markdown={} chars, {} edits>",
            self.cleaned.markdown.chars().count(),
            self.cleaned.edits.len()
        )
    }
}

/// A document's metadata. Every field is `None` (or an empty list) when unknown.
#[pyclass(module = "rinse", frozen)]
pub struct Metadata {
    inner: rinse::Metadata,
}

#[pymethods]
impl Metadata {
    /// The headline as the page displays it.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title.as_deref()
    }

    /// The people (or agencies) in the byline.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.inner.authors.clone()
    }

    /// Published: `YYYY-MM-DD`, or RFC 3339 when the time is known.
    #[getter]
    fn date(&self) -> Option<&str> {
        self.inner.date.as_deref()
    }

    /// Last modified, in the format of `date`.
    #[getter]
    fn modified(&self) -> Option<&str> {
        self.inner.modified.as_deref()
    }

    /// The publication's name.
    #[getter]
    fn site(&self) -> Option<&str> {
        self.inner.site.as_deref()
    }

    /// The URL the page was fetched from or declares.
    #[getter]
    fn url(&self) -> Option<&str> {
        self.inner.url.as_deref()
    }

    /// The page's `<link rel=canonical>`.
    #[getter]
    fn canonical(&self) -> Option<&str> {
        self.inner.canonical.as_deref()
    }

    /// ISO 639-1 code of the text.
    #[getter]
    fn language(&self) -> Option<&str> {
        self.inner.language.as_deref()
    }

    /// The page's summary.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.inner.description.as_deref()
    }

    /// The input's path (`source=`, or the file name for `clean_file`).
    #[getter]
    fn source(&self) -> Option<&str> {
        self.inner.source.as_deref()
    }

    /// When the page was fetched, from a fetch sidecar (never the clock).
    #[getter]
    fn fetched(&self) -> Option<&str> {
        self.inner.fetched.as_deref()
    }

    /// The metadata object of `--format json` (unknown fields left out).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(&self.inner).expect("metadata always serializes");
        crate::convert::json(py, &value)
    }

    fn __repr__(&self) -> String {
        let value = serde_json::to_string(&self.inner).expect("metadata always serializes");
        format!("<rinse.Metadata {value}>")
    }
}

/// One edit a cleanup rule applied.
#[pyclass(module = "rinse", frozen, get_all)]
pub struct Edit {
    /// The rule's code (`L001`) or, for a user rule, `<file stem>/<id>`.
    rule: String,
    /// The cleanup pass (0-based) that applied it.
    pass_number: usize,
    /// Where it applied: UTF-8 byte offsets in the body as it was before that pass.
    start: usize,
    /// End of the range (exclusive).
    end: usize,
    /// The text it removed.
    before: String,
    /// The text it put in.
    after: String,
}

#[pymethods]
impl Edit {
    fn __repr__(&self) -> String {
        format!(
            "<rinse.Edit {} {:?} -> {:?}>",
            self.rule, self.before, self.after
        )
    }
}

/// What `clean_many` yields for an item it could not clean, in that item's place: the reason, the item's
/// position, and its other fields.
#[pyclass(module = "rinse", frozen)]
pub struct Failure {
    index: usize,
    message: String,
    source: Option<String>,
    extra: Option<Py<PyDict>>,
}

impl Failure {
    /// A failure of item `index`.
    pub fn new(
        index: usize,
        message: String,
        source: Option<String>,
        extra: Option<Py<PyDict>>,
    ) -> Self {
        Failure {
            index,
            message,
            source,
            extra,
        }
    }
}

#[pymethods]
impl Failure {
    /// The item's position in the input, from 0.
    #[getter]
    fn index(&self) -> usize {
        self.index
    }

    /// Why it failed, as `rinse` reports it.
    #[getter]
    fn message(&self) -> &str {
        &self.message
    }

    /// The item's `source`, if it gave one.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }

    /// The error as an exception, to raise: `raise failure.error`.
    #[getter]
    fn error(&self) -> PyErr {
        RinseError::new_err(self.message.clone())
    }

    /// The other fields of the item, when it was a dict.
    #[getter]
    fn extra<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        match &self.extra {
            Some(extra) => extra.bind(py).copy(),
            None => Ok(PyDict::new(py)),
        }
    }

    /// The object `rinse clean --format jsonl` writes for a bad line: `{"source", "error", ...other fields}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("source", &self.source)?;
        dict.set_item("error", &self.message)?;
        if let Some(extra) = &self.extra {
            for (key, field) in extra.bind(py).iter() {
                if !dict.contains(&key)? {
                    dict.set_item(key, field)?;
                }
            }
        }
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!("<rinse.Failure item {}: {}>", self.index, self.message)
    }

    fn __str__(&self) -> String {
        self.message.clone()
    }
}
