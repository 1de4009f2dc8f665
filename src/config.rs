//! `rinse.toml`: where the project's folders are, which built-in rules run, and defaults for `rinse clean`.
//! Precedence: flags > the config file (`--config FILE`, else the nearest `rinse.toml` upward) > defaults.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::cli::{CleanArgs, GlobalArgs};
use crate::emit::Format;
use crate::error::{Error, Result};
use crate::read::kind::InputFormat;

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
    pub clean: CleanDefaults,
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

/// `[rules]`: which built-in rules run, by code or prefix (`B`, `B00`, `B001`, or `ALL`), the way ruff selects.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleSelection {
    /// Rules to enable (default: every safe rule).
    pub select: Option<Vec<String>>,
    /// Rules to disable; wins over `select` for an equally or more specific prefix.
    #[serde(default)]
    pub ignore: Vec<String>,
}

/// `[clean]`: defaults for `rinse clean`, each overridden by its flag.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CleanDefaults {
    /// `--format`.
    pub format: Option<Format>,
    /// `--input-format`.
    pub input_format: Option<InputFormat>,
    /// `--jobs`.
    pub jobs: Option<usize>,
    /// `--images`.
    pub images: Option<bool>,
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
    /// Finds and reads the configuration the global flags ask for.
    pub fn load(global: &GlobalArgs) -> Result<Project> {
        let cwd = std::env::current_dir().map_err(|source| Error::Read {
            path: PathBuf::from("."),
            source,
        })?;
        if global.no_config {
            return Ok(Project {
                root: cwd,
                ..Project::default()
            });
        }
        let path = match &global.config {
            Some(path) => Some(path.clone()),
            None => find_upward(&cwd),
        };
        let Some(path) = path else {
            return Ok(Project {
                root: cwd,
                ..Project::default()
            });
        };
        let file = read_file(&path)?;
        let root = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => cwd,
        };
        Ok(Project {
            root,
            config_path: Some(path),
            file,
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

    /// The settings of `rinse clean`: its flags over the `[clean]` table over the defaults.
    pub fn clean_settings(&self, args: &CleanArgs) -> CleanSettings {
        let defaults = &self.file.clean;
        let images = if args.images {
            true
        } else if args.no_images {
            false
        } else {
            defaults.images.unwrap_or(false)
        };
        CleanSettings {
            format: args.format.or(defaults.format).unwrap_or_default(),
            input_format: args.input_format.or(defaults.input_format),
            jobs: args.jobs.or(defaults.jobs).filter(|&n| n > 0),
            images,
        }
    }
}

/// The settings of `rinse clean` after flags and configuration are merged.
#[derive(Debug, Clone, Copy, Default)]
pub struct CleanSettings {
    /// Output format.
    pub format: Format,
    /// Forced input format.
    pub input_format: Option<InputFormat>,
    /// Parallel documents; `None` means all cores.
    pub jobs: Option<usize>,
    /// Keep images.
    pub images: bool,
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
    fn flags_override_the_file() {
        let project = Project {
            file: toml::from_str("[clean]\nformat = \"text\"\nimages = true\n").unwrap(),
            ..Project::default()
        };
        let settings = project.clean_settings(&CleanArgs::default());
        assert_eq!(settings.format, Format::Text);
        assert!(settings.images);
        let args = CleanArgs {
            format: Some(Format::Json),
            no_images: true,
            ..CleanArgs::default()
        };
        let settings = project.clean_settings(&args);
        assert_eq!(settings.format, Format::Json);
        assert!(!settings.images);
    }
}
