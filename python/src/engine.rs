//! Settings to a cleaning run: a `rinse.toml` (or none) and a rule selection made into the rule set the pipeline
//! runs, kept between calls while its files are unchanged; and library errors made into the Python exceptions,
//! with the messages the command line prints.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use clap::ValueEnum;
use pyo3::prelude::*;

use rinse::config::{CleanConfig, Project, Settings};
use rinse::pipeline;
use rinse::read::kind::{is_container_name, InputFormat};
use rinse::read::{Input, RawDocument};
use rinse::rules::{RuleSelection, RuleSet};
use rinse::{Cleaned, Error};

use crate::{ConfigError, RinseError};

/// What a rule set is made from: the configuration and the `select`/`ignore` arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineKey {
    config: Option<PathBuf>,
    selection: RuleSelection,
}

impl EngineKey {
    /// The key of these arguments.
    pub fn new(
        config: Option<PathBuf>,
        select: Option<Vec<String>>,
        ignore: Option<Vec<String>>,
    ) -> Self {
        EngineKey {
            config,
            selection: RuleSelection {
                select,
                ignore: ignore.unwrap_or_default(),
            },
        }
    }
}

/// One call's settings: the rule set's key and the per-document settings given as arguments.
#[derive(Debug, Clone)]
pub struct Request {
    key: EngineKey,
    flags: CleanConfig,
}

impl Request {
    /// Checks the arguments: `input_format` must name a one-document kind.
    pub fn new(key: EngineKey, input_format: Option<&str>, images: Option<bool>) -> PyResult<Self> {
        let input_format = input_format.map(parse_input_format).transpose()?;
        Ok(Request {
            key,
            flags: CleanConfig {
                input_format,
                images,
                ..CleanConfig::default()
            },
        })
    }

    /// The rule set and configuration for this request, loaded or taken from the cache.
    pub fn engine(&self) -> PyResult<Arc<Engine>> {
        Engine::get(&self.key).map_err(|err| clean_error(&err, None))
    }

    /// A document from a Python value: text is declared UTF-8 (a `<meta charset>` in it must not be believed),
    /// bytes are decoded like a file's. Without a `source`, the metadata gets none.
    pub fn raw_document(
        &self,
        content: crate::convert::Content,
        source: Option<String>,
        url: Option<String>,
        kind_hint: Option<rinse::InputKind>,
    ) -> SourcedDocument {
        SourcedDocument {
            source_given: source.is_some(),
            doc: RawDocument {
                bytes: content.bytes,
                source: source.unwrap_or_default(),
                kind_hint,
                url,
                charset: content.is_text.then(|| "utf-8".to_string()),
                fetched: None,
            },
        }
    }
}

/// A document to clean, and whether the caller named its source.
#[derive(Debug, Clone)]
pub struct SourcedDocument {
    /// The document.
    pub doc: RawDocument,
    /// Whether `doc.source` came from the caller (else it is empty and the metadata gets no source).
    pub source_given: bool,
}

/// The rules and configuration of a run.
#[derive(Debug)]
pub struct Engine {
    project: Option<Project>,
    rules: RuleSet,
}

/// Rule sets by key, with the state of the files they were read from.
type Cache = Vec<(EngineKey, Vec<FileStamp>, Arc<Engine>)>;

/// How many rule sets are kept: a program uses one or two configurations.
const CACHE_SIZE: usize = 8;

static CACHE: Mutex<Cache> = Mutex::new(Vec::new());

impl Engine {
    /// The engine of `key`: from the cache while the configuration and rule files are unchanged, else loaded.
    fn get(key: &EngineKey) -> Result<Arc<Engine>, Error> {
        let project = key.config.as_deref().map(load_project).transpose()?;
        let stamps = project.as_ref().map(stamps).unwrap_or_default();
        {
            let cache = CACHE.lock().unwrap_or_else(|poison| poison.into_inner());
            if let Some((_, _, engine)) = cache.iter().find(|(k, s, _)| k == key && *s == stamps) {
                return Ok(Arc::clone(engine));
            }
        }
        let engine = Arc::new(Engine::load(project, &key.selection)?);
        let mut cache = CACHE.lock().unwrap_or_else(|poison| poison.into_inner());
        cache.retain(|(k, _, _)| k != key);
        if cache.len() >= CACHE_SIZE {
            cache.remove(0);
        }
        cache.push((key.clone(), stamps, Arc::clone(&engine)));
        Ok(engine)
    }

    /// Reads the rules: with a project, the built-ins its `[rules]` and `selection` pick and the user rules of its
    /// rules folder, as the command line does; without one, the selected built-ins only (no file is read).
    fn load(project: Option<Project>, selection: &RuleSelection) -> Result<Engine, Error> {
        let rules = match &project {
            Some(project) => {
                project.rules(&project.settings(&CleanConfig::default(), selection))?
            }
            None => RuleSet::selected(selection, Path::new("select=/ignore="))?,
        };
        Ok(Engine { project, rules })
    }

    /// The settings of a call: its arguments over the project's `[clean]` table over the defaults.
    pub fn settings(&self, request: &Request) -> Settings {
        match &self.project {
            Some(project) => project.settings(&request.flags, &request.key.selection),
            None => Project::default().settings(&request.flags, &request.key.selection),
        }
    }

    /// Cleans one document with the request's settings; its language is left to its clues, for the `Document`.
    pub fn clean(&self, doc: &RawDocument, request: &Request) -> Result<Cleaned, Error> {
        let settings = self.settings(request);
        let mut options = settings.options(&self.rules);
        // A `Document` decides its language when its metadata is first read.
        options.resolve_language = false;
        pipeline::clean(doc, &options)
    }
}

/// The project a `config=` argument names: a `rinse.toml` file, or a folder (the project a run there would use).
fn load_project(config: &Path) -> Result<Project, Error> {
    if config.is_dir() {
        // Absolute, so that paths inside the working directory are shown short, as the command line shows them.
        let dir = std::path::absolute(config).map_err(|source| Error::Read {
            path: config.to_path_buf(),
            source,
        })?;
        Project::discover(&dir)
    } else {
        Project::load(Some(config))
    }
}

/// A file a rule set was read from, with its size and modification time, to notice changes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileStamp {
    path: PathBuf,
    modified: Option<SystemTime>,
    len: u64,
}

/// The configuration file and the rules folder's entries (or rules file) as they are now.
fn stamps(project: &Project) -> Vec<FileStamp> {
    let mut paths: Vec<PathBuf> = project.config_path.iter().cloned().collect();
    let rules = project.rules_dir();
    paths.push(rules.clone());
    if let Ok(entries) = std::fs::read_dir(&rules) {
        let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        paths.extend(files);
    }
    paths
        .into_iter()
        .map(|path| {
            let meta = std::fs::metadata(&path).ok();
            FileStamp {
                modified: meta.as_ref().and_then(|m| m.modified().ok()),
                len: meta.map_or(0, |m| m.len()),
                path,
            }
        })
        .collect()
}

/// `input_format=`: one of the kinds that hold one document.
fn parse_input_format(text: &str) -> PyResult<InputFormat> {
    let format = InputFormat::from_str(text, false).map_err(|_| {
        pyo3::exceptions::PyValueError::new_err(format!(
            "input_format='{text}': expected 'html', 'markdown', 'text', 'paged-text' or 'pdf'"
        ))
    })?;
    if format.document_kind().is_none() {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "input_format='{text}' holds many documents: read them into clean_many, or run `rinse clean`"
        )));
    }
    Ok(format)
}

/// The input of `clean_file(path)`, with the command line's message when the path cannot be one document.
pub fn file_input(path: &Path) -> PyResult<Input> {
    if path.is_dir() {
        return Err(RinseError::new_err(format!(
            "{} is a folder: clean_file reads one document\nhint: rinse.clean_many(...), or rinse clean -o OUT {}",
            path.display(),
            path.display()
        )));
    }
    let (inputs, errors) = rinse::read::discover(std::slice::from_ref(&path.to_path_buf()));
    if let Some(err) = errors.first() {
        return Err(clean_error(err, None));
    }
    let input = inputs
        .into_iter()
        .next()
        .expect("a path that is no folder and gave no error is one input");
    if is_container_name(&input.relative) {
        return Err(RinseError::new_err(format!(
            "{}: a WARC or JSONL file holds many documents\nhint: rinse clean -o OUT {}",
            path.display(),
            path.display()
        )));
    }
    Ok(input)
}

/// The exception for a library error: `ConfigError` for configuration, rule files and rule selections,
/// `RinseError` otherwise, with the command line's message (`<path>: <reason>` for a file).
pub fn clean_error(err: &Error, input: Option<&Input>) -> PyErr {
    let message = match input {
        Some(input) => format!("{}: {}", input.display(), err.reason()),
        None => err.chain(),
    };
    match err {
        Error::Config { .. } | Error::RuleFile { .. } => ConfigError::new_err(message),
        _ => RinseError::new_err(message),
    }
}
