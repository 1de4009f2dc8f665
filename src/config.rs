//! `rinse.toml`: where the project's folders are, which built-in rules run, and defaults for `rinse clean`.
//! Precedence: flags > the config file (`--config FILE`, else the nearest `rinse.toml` upward) > defaults.
//!
//! A `rinse.toml` key and its flag come from one struct ([`CleanConfig`], [`RuleSelection`]) that derives both
//! `clap::Args` and `Deserialize`, so they cannot drift apart; the command line flattens these structs into its
//! own, and [`Project::settings`] lays the flags over the file.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use url::Url;

use crate::emit::Format;
use crate::error::{Error, Result};
use crate::pipeline::Options;
use crate::read::kind::InputFormat;
use crate::rules::{RuleSelection, RuleSet};

/// The name of the configuration file looked up from the working directory upward.
pub const FILE_NAME: &str = "rinse.toml";

/// The contents of `rinse.toml`. Unknown keys are errors.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Where the project's folders are, relative to the file.
    #[serde(default)]
    pub paths: Paths,
    /// Which built-in rules run.
    #[serde(default)]
    pub rules: RuleSelection,
    /// Defaults for `rinse clean`.
    #[serde(default)]
    pub clean: CleanConfig,
}

/// `[paths]`: the project's folders.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Paths {
    /// Inputs, as fetched or saved (default `raw`).
    pub raw: Option<PathBuf>,
    /// Cleaned output (default `clean`).
    pub clean: Option<PathBuf>,
    /// User rule files `*.toml` (default `rules`).
    pub rules: Option<PathBuf>,
}

/// `[clean]` in `rinse.toml` and the same settings as flags of `rinse clean`; a flag overrides its key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, clap::Args)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CleanConfig {
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Read every input as this kind instead of guessing from the extension or the content.
    ///
    /// `jsonl` reads one document per line, `{"url", "html"}` or `{"url", "markdown"}`; `warc` reads the HTML
    /// responses of a WARC file (`.warc` and `.warc.gz` files are read as WARC without this flag); `text` keeps
    /// every line of plain text as written and cleans it by the `W` rules and rule files only (`.txt` files are
    /// markdown without this flag), so rinse's own `--format text` output read back with it changes nothing.
    #[arg(long, value_enum, value_name = "KIND")]
    pub input_format: Option<InputFormat>,
    /// Number of documents cleaned in parallel [default: all cores]. With 1, reading, cleaning and writing all run
    /// on one thread.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Keep images in the markdown as `![alt](src)`.
    #[arg(
        long,
        overrides_with = "no_images",
        num_args = 0,
        default_missing_value = "true"
    )]
    pub images: Option<bool>,
    /// Leave images out (the default).
    #[arg(long, overrides_with = "images")]
    #[serde(skip)]
    pub no_images: bool,
    /// Resolve the relative links and images of HTML inputs against URL when the document has no URL of its own.
    ///
    /// A page's own URL (its fetch sidecar, a WARC record, `url` of a JSONL line) wins; `--base-url` comes before
    /// the URL the page declares (`og:url`, canonical), and a `<base href>` resolves against it.
    ///
    /// Example: `rinse clean --base-url https://docs.example.org/guide/ saved/guide.html`
    #[arg(long, value_name = "URL")]
    #[serde(default, deserialize_with = "deserialize_url")]
    pub base_url: Option<Url>,
    /// Convert an HTML page's whole body, without looking for its article: for documentation and other pages that
    /// are not articles.
    ///
    /// Scripts, styles, hidden elements and what `remove` rules select are still dropped, and the text rules
    /// still run (`--ignore N` keeps navigation lines too).
    ///
    /// Example: rinse clean --whole-page -o docs-md/ saved-docs/
    #[arg(
        long,
        overrides_with = "no_whole_page",
        num_args = 0,
        default_missing_value = "true"
    )]
    pub whole_page: Option<bool>,
    /// Extract the article (the default).
    #[arg(long, overrides_with = "whole_page")]
    #[serde(skip)]
    pub no_whole_page: bool,
    /// Start the body with the title as `# Title` (the `markdown` and `text` of JSON output too).
    ///
    /// For pipelines that feed the body alone to a model; the front matter keeps `title` either way.
    #[arg(
        long,
        overrides_with = "no_title_heading",
        num_args = 0,
        default_missing_value = "true"
    )]
    pub title_heading: Option<bool>,
    /// Keep the title in the front matter only (the default).
    #[arg(long, overrides_with = "title_heading")]
    #[serde(skip)]
    pub no_title_heading: bool,
    /// Largest document read, once decompressed [default: 256MiB]; a larger one is one error and the batch goes
    /// on.
    ///
    /// It caps a file (`.gz` inflated), a WARC gzip member, record and decoded body, and a JSONL line, so that a
    /// decompression bomb costs time, not memory. Bytes, or with a unit: 64MiB, 1GB.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    #[serde(default, deserialize_with = "deserialize_size")]
    pub max_size: Option<u64>,
}

/// A size in `rinse.toml`: a number of bytes, or a string with a unit as on the command line (`"64MiB"`).
fn deserialize_size<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Size {
        Bytes(u64),
        Text(String),
    }
    match Size::deserialize(deserializer)? {
        Size::Bytes(n) => Ok(Some(n)),
        Size::Text(text) => parse_size(&text)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

/// Reads a size in bytes: a number with an optional unit `k`, `M`, `G` (powers of 1000) or `KiB`, `MiB`, `GiB`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let number: f64 = text[..split]
        .parse()
        .map_err(|_| format!("`{text}` is not a size such as 50MB"))?;
    let scale = match text[split..].trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        unit => {
            return Err(format!(
                "`{text}`: unknown unit `{unit}` (use k, M, G, KiB, MiB or GiB)"
            ))
        }
    };
    Ok((number * scale) as u64)
}

/// A URL in `rinse.toml`, checked when the file is read.
fn deserialize_url<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Option<Url>, D::Error> {
    let text = String::deserialize(deserializer)?;
    Url::parse(&text)
        .map(Some)
        .map_err(|err| serde::de::Error::custom(format!("invalid URL `{text}`: {err}")))
}

impl CleanConfig {
    /// These settings laid over `under`: each one given here wins.
    pub fn over(&self, under: &CleanConfig) -> CleanConfig {
        let images = if self.no_images {
            Some(false)
        } else {
            self.images.or(under.images)
        };
        CleanConfig {
            format: self.format.or(under.format),
            input_format: self.input_format.or(under.input_format),
            jobs: self.jobs.or(under.jobs),
            images,
            no_images: false,
            base_url: self.base_url.clone().or_else(|| under.base_url.clone()),
            whole_page: if self.no_whole_page {
                Some(false)
            } else {
                self.whole_page.or(under.whole_page)
            },
            no_whole_page: false,
            title_heading: if self.no_title_heading {
                Some(false)
            } else {
                self.title_heading.or(under.title_heading)
            },
            no_title_heading: false,
            max_size: self.max_size.or(under.max_size),
        }
    }
}

/// A project: the folder rinse works in and its configuration.
#[derive(Debug, Clone, Default)]
pub struct Project {
    /// The folder relative paths of the configuration are resolved against.
    pub root: PathBuf,
    /// The configuration file in use, if any.
    pub config_path: Option<PathBuf>,
    /// Its contents (all defaults without a file).
    pub file: ConfigFile,
}

impl Project {
    /// Reads the configuration file `path`, else the nearest `rinse.toml` from the working directory upward; a
    /// project without one has the defaults.
    pub fn load(path: Option<&Path>) -> Result<Project> {
        let cwd = current_dir()?;
        match path {
            Some(path) => Project::from_file(path, &cwd),
            None => Project::discover(&cwd),
        }
    }

    /// The project a run in `dir` works in: the nearest `rinse.toml` from `dir` upward, else the defaults with
    /// `dir` as the root (its `raw/`, `clean/` and `rules/`).
    pub fn discover(dir: &Path) -> Result<Project> {
        match find_upward(dir) {
            Some(path) => Project::from_file(&path, dir),
            None => Ok(Project {
                root: dir.to_path_buf(),
                ..Project::default()
            }),
        }
    }

    /// The project of the configuration file `path`, rooted at its folder (`dir` for a bare file name).
    fn from_file(path: &Path, dir: &Path) -> Result<Project> {
        let file = read_file(path)?;
        let root = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => dir.to_path_buf(),
        };
        Ok(Project {
            root,
            config_path: Some(path.to_path_buf()),
            file,
        })
    }

    /// The working directory with the defaults, reading no configuration file (`--no-config`).
    pub fn without_config() -> Result<Project> {
        Ok(Project {
            root: current_dir()?,
            ..Project::default()
        })
    }

    /// The raw folder.
    pub fn raw_dir(&self) -> PathBuf {
        self.resolve(self.file.paths.raw.as_deref(), "raw")
    }

    /// The clean folder.
    pub fn clean_dir(&self) -> PathBuf {
        self.resolve(self.file.paths.clean.as_deref(), "clean")
    }

    /// The rules folder.
    pub fn rules_dir(&self) -> PathBuf {
        self.resolve(self.file.paths.rules.as_deref(), "rules")
    }

    fn resolve(&self, configured: Option<&Path>, default: &str) -> PathBuf {
        let path = configured.unwrap_or_else(|| Path::new(default));
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            relative_to(&self.root, path)
        }
    }

    /// The settings of a cleaning run: `flags` and `rule_flags` over the `[clean]` and `[rules]` tables over the
    /// defaults. `--select` replaces `[rules] select`; `--ignore` adds to `[rules] ignore`.
    pub fn settings(&self, flags: &CleanConfig, rule_flags: &RuleSelection) -> Settings {
        let clean = flags.over(&self.file.clean);
        let file_rules = &self.file.rules;
        let rules = RuleSelection {
            select: rule_flags
                .select
                .clone()
                .or_else(|| file_rules.select.clone()),
            ignore: file_rules
                .ignore
                .iter()
                .chain(&rule_flags.ignore)
                .cloned()
                .collect(),
        };
        Settings {
            format: clean.format.unwrap_or_default(),
            input_format: clean.input_format,
            jobs: clean.jobs.filter(|&n| n > 0),
            images: clean.images.unwrap_or(false),
            base_url: clean.base_url,
            whole_page: clean.whole_page.unwrap_or(false),
            title_heading: clean.title_heading.unwrap_or(false),
            max_size: clean.max_size.unwrap_or(crate::read::DEFAULT_MAX_SIZE),
            rules,
            // An entry that matches no rule is blamed on where it was written: the flag that holds it, else the
            // configuration file.
            rules_origin: match bad_flag(rule_flags) {
                Some(flag) => PathBuf::from(flag),
                None => self
                    .config_path
                    .clone()
                    .unwrap_or_else(|| PathBuf::from("--select/--ignore")),
            },
        }
    }

    /// The rules a run with `settings` uses: the selected built-ins and the user rules of the rules folder.
    pub fn rules(&self, settings: &Settings) -> Result<RuleSet> {
        settings.rules(&self.rules_dir())
    }
}

/// The settings of a cleaning run after flags and configuration are merged.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Output format.
    pub format: Format,
    /// Forced input format.
    pub input_format: Option<InputFormat>,
    /// Parallel documents; `None` means all cores.
    pub jobs: Option<usize>,
    /// Keep images.
    pub images: bool,
    /// The URL the links of documents without a URL of their own resolve against.
    pub base_url: Option<Url>,
    /// Render HTML pages whole, without finding the article.
    pub whole_page: bool,
    /// Start the body with `# Title`.
    pub title_heading: bool,
    /// The largest document read, once decompressed (`--max-size`).
    pub max_size: u64,
    /// Which built-in rules run.
    pub rules: RuleSelection,
    /// Where the rule selection was written, named by its errors: the configuration file, or the flags.
    pub rules_origin: PathBuf,
}

impl Settings {
    /// The selected built-ins and the user rules of `rules_dir`: a folder of `*.toml` files, or one file.
    pub fn rules(&self, rules_dir: &Path) -> Result<RuleSet> {
        RuleSet::load(&self.rules, &self.rules_origin, rules_dir)
    }

    /// The pipeline's options for these settings: the one place they are made, so every command cleans alike.
    pub fn options<'a>(&'a self, rules: &'a RuleSet) -> Options<'a> {
        Options {
            rules,
            input_format: self.input_format.and_then(InputFormat::document_kind),
            images: self.images,
            base_url: self.base_url.as_ref(),
            whole_page: self.whole_page,
            title_heading: self.title_heading,
            resolve_language: true,
            language: true,
            max_size: self.max_size,
        }
    }
}

/// The flag, `--select` or `--ignore`, holding an entry that matches no rule.
fn bad_flag(flags: &RuleSelection) -> Option<&'static str> {
    let bad = |entries: &[String]| entries.iter().any(|e| !crate::rules::matches_a_rule(e));
    if bad(flags.select.as_deref().unwrap_or_default()) {
        Some("--select")
    } else if bad(&flags.ignore) {
        Some("--ignore")
    } else {
        None
    }
}

fn current_dir() -> Result<PathBuf> {
    std::env::current_dir().map_err(|source| Error::Read {
        path: PathBuf::from("."),
        source,
    })
}

/// Shortens `root/path` to `path` when `root` is the working directory, so messages show short paths.
fn relative_to(root: &Path, path: &Path) -> PathBuf {
    match std::env::current_dir() {
        Ok(cwd) if cwd == root => path.to_path_buf(),
        _ => root.join(path),
    }
}

fn find_upward(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

fn read_file(path: &Path) -> Result<ConfigFile> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    toml::from_str(&text).map_err(|err| Error::Config {
        path: path.to_path_buf(),
        message: toml_message(&text, &err),
    })
}

/// Formats a TOML error as `line N: message`, the line taken from the error's span.
pub fn toml_message(text: &str, err: &toml::de::Error) -> String {
    let message = err.message().trim_end_matches('.').to_string();
    match err.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("line {line}: {message}")
        }
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_an_error_with_its_line() {
        let text = "[paths]\nraw = \"in\"\nbogus = 1\n";
        let err = toml::from_str::<ConfigFile>(text).unwrap_err();
        let message = toml_message(text, &err);
        assert!(message.starts_with("line 3:"), "{message}");
        assert!(message.contains("bogus"), "{message}");
    }

    #[test]
    fn max_size_reads_bytes_or_a_unit() {
        let file = |text: &str| toml::from_str::<ConfigFile>(text).map(|f| f.clean.max_size);
        assert_eq!(
            file("[clean]\nmax-size = \"1MiB\"\n").ok(),
            Some(Some(1 << 20))
        );
        assert_eq!(file("[clean]\nmax-size = 1000\n").ok(), Some(Some(1000)));
        assert!(file("[clean]\nmax-size = \"lots\"\n").is_err());
    }

    #[test]
    fn flags_override_the_file() {
        let project = Project {
            file: toml::from_str(
                "[clean]\nformat = \"text\"\nimages = true\n[rules]\nselect = [\"B\"]\nignore = [\"B002\"]\n",
            )
            .unwrap(),
            ..Project::default()
        };
        let settings = project.settings(&CleanConfig::default(), &RuleSelection::default());
        assert_eq!(settings.format, Format::Text);
        assert!(settings.images);
        assert_eq!(settings.rules.select, Some(vec!["B".to_string()]));
        let flags = CleanConfig {
            format: Some(Format::Json),
            no_images: true,
            ..CleanConfig::default()
        };
        let rule_flags = RuleSelection {
            select: Some(vec!["L".to_string()]),
            ignore: vec!["W".to_string()],
        };
        let settings = project.settings(&flags, &rule_flags);
        assert_eq!(settings.format, Format::Json);
        assert!(!settings.images);
        assert_eq!(settings.rules.select, Some(vec!["L".to_string()]));
        assert_eq!(settings.rules.ignore, ["B002", "W"]);
    }
}
