//! `rinse._rinse`, the native module of the Python package: the library's pipeline for Python values (`clean`,
//! `clean_file`, `clean_many`), the cleaned document's types, and the command line run in-process (`run_cli`).
//! The pure-Python part (`rinse/__init__.py`) re-exports these and adds the trafilatura-compatible `extract`.

mod convert;
mod engine;
mod many;
mod markdown;
mod types;

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use engine::{clean_error, EngineKey, Request};
use types::{Document, Edit, Failure, Metadata};

pyo3::create_exception!(
    rinse,
    RinseError,
    pyo3::exceptions::PyException,
    "A document could not be read or cleaned, or a rule or configuration file is invalid. The message is the one \
     the `rinse` command prints (without its `rinse: ` prefix)."
);
pyo3::create_exception!(
    rinse,
    ConfigError,
    RinseError,
    "A configuration file (`rinse.toml`), a rule file or a rule selection is invalid."
);

/// Cleans one document: an HTML page, a PDF, or markdown or text that another scraper produced.
///
/// `content` is `str` or `bytes`; bytes are decoded as the `rinse` command decodes files (BOM, `<meta charset>`,
/// UTF-8, else charset detection). The kind (HTML, PDF, markdown, paged text) is sniffed unless `input_format`
/// names it. `url` is the page's address (metadata, relative links, rule scopes); `source` is the `source` metadata
/// (`rinse clean` writes the input's path). `select`/`ignore` pick built-in rules by code or prefix like
/// `--select`/`--ignore`; `config` is a `rinse.toml` (or a project folder) whose settings and rule files apply
/// as they do for the command line.
///
/// Raises `RinseError` when the document cannot be cleaned (empty input, binary data) and `ConfigError` for an
/// invalid configuration, rule file or rule code; `TypeError` when `content` is neither `str` nor `bytes`.
#[pyfunction]
#[pyo3(signature = (content, *, url=None, input_format=None, images=None, select=None, ignore=None, config=None, source=None))]
#[allow(
    clippy::too_many_arguments,
    reason = "Python keyword arguments, one per setting"
)]
fn clean(
    py: Python<'_>,
    content: &Bound<'_, PyAny>,
    url: Option<String>,
    input_format: Option<String>,
    images: Option<bool>,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    config: Option<PathBuf>,
    source: Option<String>,
) -> PyResult<Document> {
    let content = convert::content(content)?;
    let request = Request::new(
        EngineKey::new(config, select, ignore),
        input_format.as_deref(),
        images,
    )?;
    let sourced = request.raw_document(content, source, url, None);
    let engine = request.engine()?;
    let cleaned = py
        .detach(|| engine.clean(&sourced.doc, &request))
        .map_err(|err| clean_error(&err, None))?;
    Ok(Document::new(cleaned, None, sourced.source_given))
}

/// Cleans a file the way `rinse clean FILE` does: any document the command reads (HTML, PDF, markdown, text,
/// paged text, each also gzipped), with its fetch sidecar (`page.json`: URL, charset, fetch date) when there is one.
///
/// `source` defaults to the file's name, as `rinse clean FILE` writes it. A WARC or JSONL file holds many
/// documents: give them to `rinse clean` or `clean_many`. Raises `RinseError` with the command's message
/// (`path: reason`) when the file cannot be read or cleaned.
#[pyfunction]
#[pyo3(signature = (path, *, input_format=None, images=None, select=None, ignore=None, config=None, source=None))]
#[allow(
    clippy::too_many_arguments,
    reason = "Python keyword arguments, one per setting"
)]
fn clean_file(
    py: Python<'_>,
    path: PathBuf,
    input_format: Option<String>,
    images: Option<bool>,
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    config: Option<PathBuf>,
    source: Option<String>,
) -> PyResult<Document> {
    let request = Request::new(
        EngineKey::new(config, select, ignore),
        input_format.as_deref(),
        images,
    )?;
    let input = engine::file_input(&path)?;
    let engine = request.engine()?;
    let cleaned = py
        .detach(|| {
            let mut doc = rinse::read::load(&input, rinse::read::DEFAULT_MAX_SIZE)?;
            if let Some(source) = source {
                doc.source = source;
            }
            engine.clean(&doc, &request)
        })
        .map_err(|err| clean_error(&err, Some(&input)))?;
    Ok(Document::new(cleaned, None, true))
}

/// Runs the command line in this process with `args` (the program name first, each argument as bytes) and
/// returns its exit code: what the `rinse` command installed with this package does.
#[pyfunction]
fn run_cli(py: Python<'_>, args: Vec<Bound<'_, PyBytes>>) -> u8 {
    let args: Vec<std::ffi::OsString> = args
        .iter()
        .map(|a| convert::os_string(a.as_bytes()))
        .collect();
    py.detach(|| rinse_cli::run(args))
}

/// Removes the links of a markdown body, keeping their text (`[text](url)` → `text`), for `extract` with
/// `include_links=False`.
#[pyfunction]
fn strip_links(markdown: &str) -> String {
    markdown::strip_links(markdown)
}

/// Removes the tables of a markdown body, for `extract` with `include_tables=False`.
#[pyfunction]
fn strip_tables(markdown: &str) -> String {
    markdown::strip_tables(markdown)
}

/// The plain text of a markdown body, as `Document.text` and `rinse clean --format text` give it.
#[pyfunction]
fn markdown_to_text(markdown: &str) -> String {
    rinse::emit::to_text(markdown)
}

#[pymodule]
fn _rinse(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("RinseError", py.get_type::<RinseError>())?;
    m.add("ConfigError", py.get_type::<ConfigError>())?;
    m.add_class::<Document>()?;
    m.add_class::<Metadata>()?;
    m.add_class::<Edit>()?;
    m.add_class::<Failure>()?;
    m.add_class::<many::CleanMany>()?;
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(clean_file, m)?)?;
    m.add_function(wrap_pyfunction!(many::clean_many, m)?)?;
    m.add_function(wrap_pyfunction!(run_cli, m)?)?;
    m.add_function(wrap_pyfunction!(strip_links, m)?)?;
    m.add_function(wrap_pyfunction!(strip_tables, m)?)?;
    m.add_function(wrap_pyfunction!(markdown_to_text, m)?)?;
    Ok(())
}
