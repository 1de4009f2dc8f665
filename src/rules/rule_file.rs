//! User rule files `rules/*.toml`: scoped `remove`/`main` selectors for the HTML stage, `replace`/`drop-line`
//! regexes for the text stage, and examples. Every error names the file and the line.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobMatcher};
use regex::Regex;
use scraper::Selector;
use serde::Deserialize;
use toml::Spanned;

use super::body::{lines, Body};
use super::{RuleInfo, Scope};
use crate::document::Edit;
use crate::error::{Error, Result};
use crate::read::kind::InputKind;

/// A parsed, validated rule file.
#[derive(Debug)]
pub struct RuleFile {
    /// Where it was read from.
    pub path: PathBuf,
    /// The file name without `.toml`: the prefix of its rules' ids.
    pub stem: String,
    scope: FileScope,
    /// `remove` rules: elements dropped before extraction.
    pub remove: Vec<SelectorRule>,
    /// The `main` rule: the selector of the main content.
    pub main: Option<SelectorRule>,
    replace: Vec<ReplaceRule>,
    drop_line: Vec<DropLineRule>,
    /// The examples, run through the whole pipeline by `rinse rules test` and `rinse check`.
    pub examples: Vec<Example>,
}

/// An HTML-stage rule.
#[derive(Debug)]
pub struct SelectorRule {
    /// Its id within the file.
    pub id: String,
    /// The CSS selector.
    pub selector: Selector,
    /// The selector as written.
    pub source: String,
}

#[derive(Debug)]
struct ReplaceRule {
    id: String,
    pattern: Regex,
    with: String,
}

#[derive(Debug)]
struct DropLineRule {
    id: String,
    pattern: Regex,
}

/// An example of a rule file: a raw input and the clean body the whole pipeline must make of it.
#[derive(Debug, Clone)]
pub struct Example {
    /// The 1-based line of the example in its file.
    pub line: usize,
    /// The rule it illustrates, if named.
    pub rule: Option<String>,
    /// The input.
    pub raw: String,
    /// The expected markdown body (no front matter).
    pub clean: String,
    /// The input's path, for path-scoped files.
    pub source: String,
    /// The input's URL, for URL- or domain-scoped files.
    pub url: Option<String>,
    /// How to read the input (default markdown).
    pub input_format: InputKind,
}

#[derive(Debug, Default)]
struct FileScope {
    url: Option<GlobMatcher>,
    domain: Option<String>,
    path: Option<(GlobMatcher, bool)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FileSpec {
    scope: Option<ScopeSpec>,
    #[serde(default)]
    remove: Vec<SelectorSpec>,
    main: Option<SelectorSpec>,
    #[serde(default)]
    replace: Vec<ReplaceSpec>,
    #[serde(default)]
    drop_line: Vec<DropLineSpec>,
    #[serde(default)]
    example: Vec<Spanned<ExampleSpec>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ScopeSpec {
    url: Option<Spanned<String>>,
    domain: Option<String>,
    path: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct SelectorSpec {
    id: String,
    selector: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ReplaceSpec {
    id: String,
    pattern: Spanned<String>,
    with: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct DropLineSpec {
    id: String,
    pattern: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ExampleSpec {
    rule: Option<String>,
    raw: String,
    clean: String,
    source: Option<String>,
    url: Option<String>,
    input_format: Option<InputKind>,
}

/// Reads every `*.toml` file of a folder in file-name order, or one file. A missing folder holds no rules.
pub fn load_dir(path: &Path) -> Result<Vec<RuleFile>> {
    if path.is_file() {
        return Ok(vec![load_file(path)?]);
    }
    if !path.is_dir() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut paths = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let p = entry.path();
        if p.extension().is_some_and(|e| e == "toml") && p.is_file() {
            paths.push(p);
        }
    }
    paths.sort();
    paths.iter().map(|p| load_file(p)).collect()
}

/// Reads and validates one rule file.
pub fn load_file(path: &Path) -> Result<RuleFile> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse(path, &text)
}

/// The longest `[scope]` glob: globset compiles a glob to a regex and panicked past its size limit (a 100 000
/// character glob aborted the run).
const MAX_GLOB: usize = 1024;

/// The longest selector or regex pattern of a rule.
const MAX_PATTERN: usize = 4096;

/// A selector or pattern shown in an error is cut to this many characters.
const MAX_SHOWN: usize = 80;

/// Parses and validates the text of a rule file read from `path`.
pub fn parse(path: &Path, text: &str) -> Result<RuleFile> {
    let err = |span: std::ops::Range<usize>, message: String| Error::RuleFile {
        path: path.to_path_buf(),
        line: line_of(text, span.start),
        message,
    };
    let spec: FileSpec = toml::from_str(text).map_err(|e| {
        let message = e.message().trim_end_matches('.').to_string();
        err(e.span().unwrap_or(0..0), message)
    })?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();

    let mut scope = FileScope::default();
    let mut literal_path = None;
    let mut literal_url = None;
    if let Some(s) = spec.scope {
        if let Some(url) = s.url {
            too_long(url.get_ref(), "url glob", MAX_GLOB).map_err(|m| err(url.span(), m))?;
            let glob = Glob::new(url.get_ref())
                .map_err(|e| err(url.span(), format!("bad url glob: {e}")))?;
            if !url.get_ref().contains(['*', '?', '[', '{']) {
                literal_url = Some(url.get_ref().clone());
            }
            scope.url = Some(glob.compile_matcher());
        }
        if let Some(domain) = s.domain {
            literal_url.get_or_insert_with(|| format!("https://{domain}/"));
            scope.domain = Some(domain.to_ascii_lowercase());
        }
        if let Some(p) = s.path {
            too_long(p.get_ref(), "path glob", MAX_GLOB).map_err(|m| err(p.span(), m))?;
            let glob =
                Glob::new(p.get_ref()).map_err(|e| err(p.span(), format!("bad path glob: {e}")))?;
            if !p.get_ref().contains(['*', '?', '[', '{']) {
                literal_path = Some(p.get_ref().clone());
            }
            scope.path = Some((glob.compile_matcher(), !p.get_ref().contains('/')));
        }
    }
    let selector = |s: &Spanned<String>| {
        too_long(s.get_ref(), "selector", MAX_PATTERN).map_err(|m| err(s.span(), m))?;
        Selector::parse(s.get_ref()).map_err(|e| {
            err(
                s.span(),
                format!("bad selector `{}`: {e}", cut(s.get_ref())),
            )
        })
    };
    let regex = |s: &Spanned<String>| {
        too_long(s.get_ref(), "regex", MAX_PATTERN).map_err(|m| err(s.span(), m))?;
        Regex::new(s.get_ref())
            .map_err(|e| err(s.span(), format!("bad regex: {}", cut(&e.to_string()))))
    };
    let remove = spec
        .remove
        .iter()
        .map(|r| {
            Ok(SelectorRule {
                id: r.id.clone(),
                selector: selector(&r.selector)?,
                source: r.selector.get_ref().clone(),
            })
        })
        .collect::<Result<_>>()?;
    let main = spec
        .main
        .as_ref()
        .map(|r| {
            Ok::<_, Error>(SelectorRule {
                id: r.id.clone(),
                selector: selector(&r.selector)?,
                source: r.selector.get_ref().clone(),
            })
        })
        .transpose()?;
    let replace = spec
        .replace
        .iter()
        .map(|r| {
            Ok(ReplaceRule {
                id: r.id.clone(),
                pattern: regex(&r.pattern)?,
                with: r.with.clone(),
            })
        })
        .collect::<Result<_>>()?;
    let drop_line = spec
        .drop_line
        .iter()
        .map(|r| {
            Ok(DropLineRule {
                id: r.id.clone(),
                pattern: regex(&r.pattern)?,
            })
        })
        .collect::<Result<_>>()?;
    let examples = spec
        .example
        .into_iter()
        .map(|e| {
            let line = line_of(text, e.span().start);
            let e = e.into_inner();
            Example {
                line,
                rule: e.rule,
                raw: e.raw,
                clean: e.clean,
                source: e
                    .source
                    .or_else(|| literal_path.clone())
                    .unwrap_or_else(|| format!("{stem}.md")),
                url: e.url.or_else(|| literal_url.clone()),
                input_format: e.input_format.unwrap_or(InputKind::Markdown),
            }
        })
        .collect();
    Ok(RuleFile {
        path: path.to_path_buf(),
        stem,
        scope,
        remove,
        main,
        replace,
        drop_line,
        examples,
    })
}

impl RuleFile {
    /// Whether the file's scope covers a document.
    pub fn applies(&self, scope: &Scope<'_>) -> bool {
        if let Some(glob) = &self.scope.url {
            if !scope.url.is_some_and(|u| glob.is_match(u)) {
                return false;
            }
        }
        if let Some(domain) = &self.scope.domain {
            let host = scope
                .url
                .and_then(|u| url::Url::parse(u).ok())
                .and_then(|u| u.host_str().map(str::to_ascii_lowercase));
            let matches = host.is_some_and(|h| h == *domain || h.ends_with(&format!(".{domain}")));
            if !matches {
                return false;
            }
        }
        if let Some((glob, by_name)) = &self.scope.path {
            let name = scope
                .source
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(scope.source);
            if !(glob.is_match(scope.source) || (*by_name && glob.is_match(name))) {
                return false;
            }
        }
        true
    }

    /// The text-stage edits of this file's rules, each attributed to `<stem>/<id>`.
    pub(crate) fn check(&self, body: &Body<'_>) -> Vec<(String, Vec<Edit>)> {
        let mut out = Vec::new();
        for rule in &self.replace {
            let edits = rule
                .pattern
                .captures_iter(body.text)
                .filter_map(|caps| {
                    let whole = caps.get(0)?;
                    let mut replacement = String::new();
                    caps.expand(&rule.with, &mut replacement);
                    Some(Edit::replace(whole.range(), replacement))
                })
                .collect();
            out.push((format!("{}/{}", self.stem, rule.id), edits));
        }
        for rule in &self.drop_line {
            let edits = lines(body.text)
                .filter(|(_, line)| rule.pattern.is_match(line))
                .map(|(start, line)| {
                    let end = (start + line.len() + 1).min(body.text.len());
                    Edit::delete(start..end)
                })
                .collect();
            out.push((format!("{}/{}", self.stem, rule.id), edits));
        }
        out
    }

    /// This file's rules for `rinse rules list`.
    pub fn list(&self) -> Vec<RuleInfo> {
        let origin = self.path.display().to_string();
        let row = |id: &str, kind: &str| RuleInfo {
            code: format!("{}/{}", self.stem, id),
            name: kind.to_string(),
            origin: origin.clone(),
            enabled: true,
        };
        let mut rows: Vec<RuleInfo> = self.remove.iter().map(|r| row(&r.id, "remove")).collect();
        rows.extend(self.main.iter().map(|r| row(&r.id, "main")));
        rows.extend(self.replace.iter().map(|r| row(&r.id, "replace")));
        rows.extend(self.drop_line.iter().map(|r| row(&r.id, "drop-line")));
        rows
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// An error message when `text` is longer than `max` bytes.
fn too_long(text: &str, what: &str, max: usize) -> std::result::Result<(), String> {
    if text.len() > max {
        Err(format!(
            "{what} of {} bytes, longer than the {max} allowed",
            text.len()
        ))
    } else {
        Ok(())
    }
}

/// `text` cut to [`MAX_SHOWN`] characters, for an error line.
fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_SHOWN) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_17_huge_glob_and_selector_are_short_errors() {
        let glob = "a".repeat(100_000);
        let text =
            format!("[scope]\nurl = \"{glob}\"\n[[remove]]\nid = \"x\"\nselector = \"nav\"\n");
        let message = parse(Path::new("r.toml"), &text).unwrap_err().to_string();
        assert!(
            message.starts_with("r.toml:2: url glob of 100000 bytes"),
            "{message}"
        );
        let selector = format!(
            "[[remove]]\nid = \"x\"\nselector = \"{}\"\n",
            "div ".repeat(1000) + "!!"
        );
        let message = parse(Path::new("r.toml"), &selector)
            .unwrap_err()
            .to_string();
        assert!(message.len() < 300, "{message}");
    }

    #[test]
    fn unknown_key_names_its_line() {
        let err = parse(
            Path::new("rules/10-x.toml"),
            "[[replace]]\nid = \"a\"\npattern = \"x\"\nwith = \"\"\nbogus = 1\n",
        )
        .unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("rules/10-x.toml:5:"), "{message}");
    }

    #[test]
    fn bad_regex_names_its_line() {
        let err = parse(
            Path::new("r.toml"),
            "[[drop-line]]\nid = \"a\"\npattern = \"(\"\n",
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("r.toml:3: bad regex"), "{err}");
    }

    #[test]
    fn bad_selector_names_its_line() {
        let err = parse(
            Path::new("r.toml"),
            "[[remove]]\nid = \"a\"\nselector = \"div[\"\n",
        )
        .unwrap_err();
        assert!(
            err.to_string().starts_with("r.toml:3: bad selector"),
            "{err}"
        );
    }

    #[test]
    fn path_scope_matches_the_file_name() {
        let file =
            parse(Path::new("r.toml"), "[scope]\npath = \"china-cuba.md\"\n").expect("valid file");
        let inside = Scope {
            url: None,
            source: "raw/china-cuba.md",
            paged: false,
            layout: None,
            extracted: false,
            plain: false,
            masthead: &[],
        };
        assert!(file.applies(&inside));
        assert!(!file.applies(&Scope::default()));
    }
}
