//! Outputs whose input is gone: the files of an output folder that no input makes any more (`rinse check` calls
//! them orphans), and the removal of those that rinse wrote (`rinse clean --prune`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::emit::Format;
use crate::error::{Error, Result};
use crate::metadata::front_matter;
use crate::read::output_path;

/// Files in the output folder `out` with the output extension that no input maps to (`expected`), sorted. Hidden
/// files (a `.gitkeep`, an editor's swap file) and hidden folders are not outputs.
pub fn orphans(out: &Path, extension: &str, expected: &HashSet<&Path>) -> Vec<PathBuf> {
    if !out.is_dir() {
        return Vec::new();
    }
    let walker = walkdir::WalkDir::new(out)
        .sort_by(|a, b| a.file_name().cmp(b.file_name()))
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    walker
        .filter_map(|entry| entry.ok())
        .filter(|entry| entry.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|path| {
            path.extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case(extension))
        })
        .filter(|path| !expected.contains(path.as_path()))
        .collect()
}

/// What [`prune`] did with an orphan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pruned {
    /// Removed: rinse wrote it from `source`, which no longer exists.
    Removed {
        /// The input path the file names as its source.
        source: String,
    },
    /// Left alone, with the reason: nothing shows that rinse wrote it.
    Kept(String),
}

/// Removes `path`, an orphan of the output folder `out` (see [`orphans`]), if rinse wrote it: a file is rinse's when
/// it is output of `format` that names its source (`source:` in the markdown front matter, the `source` key of a
/// JSON object) and that source's output path under `out` is this very file. A file written by hand or by another
/// tool, one moved or renamed since, plain text (which names no source) and output of stdin are kept.
pub fn prune(out: &Path, path: &Path, format: Format) -> Result<Pruned> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let source = match format {
        Format::Md => front_matter::written_source(&text),
        Format::Json | Format::Jsonl => json_source(&text),
        Format::Text => {
            return Ok(Pruned::Kept(
                "plain text names no source, so nothing shows that rinse wrote it".to_string(),
            ))
        }
    };
    let Some(source) = source else {
        return Ok(Pruned::Kept(
            "it names no source, so nothing shows that rinse wrote it".to_string(),
        ));
    };
    if source == "-" {
        return Ok(Pruned::Kept("it was cleaned from stdin".to_string()));
    }
    if output_path(out, &source, format.extension()) != path {
        return Ok(Pruned::Kept(format!(
            "its source `{source}` would be written elsewhere: renamed or moved by hand"
        )));
    }
    std::fs::remove_file(path).map_err(|source| Error::Remove {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(Pruned::Removed { source })
}

/// The top-level `source` of a JSON output.
fn json_source(text: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    value.get("source")?.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prune_removes_only_files_that_name_their_own_source() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let out = dir.path();
        let mine = out.join("old.md");
        std::fs::write(&mine, "---\nsource: \"old.html\"\n---\nText\n").expect("written");
        let moved = out.join("renamed.md");
        std::fs::write(&moved, "---\nsource: \"old.html\"\n---\nText\n").expect("written");
        let notes = out.join("notes.md");
        std::fs::write(&notes, "# My notes\n").expect("written");
        assert_eq!(
            prune(out, &mine, Format::Md).expect("pruned"),
            Pruned::Removed {
                source: "old.html".to_string()
            }
        );
        assert!(!mine.exists());
        assert!(matches!(
            prune(out, &moved, Format::Md),
            Ok(Pruned::Kept(_))
        ));
        assert!(matches!(
            prune(out, &notes, Format::Md),
            Ok(Pruned::Kept(_))
        ));
        assert!(moved.exists() && notes.exists());
    }
}
