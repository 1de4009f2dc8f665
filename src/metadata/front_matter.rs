//! YAML front matter of a markdown input: read with yaml-rust2, merged into the metadata so that cleaning a
//! cleaned file changes nothing. Keys rinse does not know are kept, in order, as they were written.

use yaml_rust2::{Yaml, YamlLoader};

use crate::document::Metadata;

/// Splits a leading `---` front matter block off `text`. Returns the metadata it holds and the byte offset where
/// the rest of the document starts; `None` when `text` has no front matter or it is not valid YAML.
pub fn split(text: &str) -> Option<(Metadata, usize)> {
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != "---" {
        return None;
    }
    let mut offset = first_end + 1;
    let body_start;
    let yaml_end;
    loop {
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let line = text[offset..line_end].trim_end();
        if line == "---" || line == "..." {
            yaml_end = offset;
            body_start = (line_end + 1).min(text.len());
            break;
        }
        if line_end >= text.len() {
            return None;
        }
        offset = line_end + 1;
    }
    let yaml = &text[first_end + 1..yaml_end];
    let docs = YamlLoader::load_from_str(yaml).ok()?;
    let map = match docs.first() {
        Some(Yaml::Hash(map)) => map.clone(),
        None => Default::default(),
        Some(_) => return None,
    };
    let mut meta = Metadata::default();
    let raw_segments = segments(yaml);
    for (key, value) in map {
        let Some(key) = key.as_str() else { continue };
        let scalar = scalar(&value);
        match key {
            "title" => meta.title = scalar,
            "authors" | "author" => meta.authors = list(&value),
            "date" => meta.date = scalar,
            "modified" => meta.modified = scalar,
            "site" => meta.site = scalar,
            "url" => meta.url = scalar,
            "canonical" => meta.canonical = scalar,
            "language" => meta.language = scalar,
            "description" => meta.description = scalar,
            "pages" => meta.pages = scalar.and_then(|p| p.parse().ok()),
            "source" => meta.source = scalar,
            "fetched" => meta.fetched = scalar,
            other => {
                if let Some((_, raw)) = raw_segments.iter().find(|(k, _)| k == other) {
                    meta.extra.push((other.to_string(), raw.clone()));
                }
            }
        }
    }
    Some((meta, body_start))
}

fn scalar(value: &Yaml) -> Option<String> {
    let text = match value {
        Yaml::String(s) => s.clone(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Real(r) => r.clone(),
        Yaml::Boolean(b) => b.to_string(),
        _ => return None,
    };
    let text = text.trim().to_string();
    (!text.is_empty()).then_some(text)
}

fn list(value: &Yaml) -> Vec<String> {
    match value {
        Yaml::Array(items) => items.iter().filter_map(scalar).collect(),
        other => scalar(other).into_iter().collect(),
    }
}

/// Splits front matter text into top-level `(key, raw value)` segments, the value with its continuation lines.
fn segments(yaml: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in yaml.lines() {
        let top_level = !line.starts_with([' ', '\t', '-', '#']) && !line.trim().is_empty();
        match line.split_once(':') {
            Some((key, rest)) if top_level => {
                let key = key.trim().trim_matches(['"', '\'']).to_string();
                out.push((key, rest.trim_start().to_string()));
            }
            _ => {
                if let Some((_, raw)) = out.last_mut() {
                    raw.push('\n');
                    raw.push_str(line);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_known_and_keeps_unknown_keys() {
        let text = "---\ntitle: \"A: b\"\nauthors:\n  - \"X\"\n  - Y\ntags: [a, b]\n---\n\nBody\n";
        let (meta, start) = split(text).unwrap();
        assert_eq!(meta.title.as_deref(), Some("A: b"));
        assert_eq!(meta.authors, vec!["X", "Y"]);
        assert_eq!(meta.extra, vec![("tags".to_string(), "[a, b]".to_string())]);
        assert_eq!(&text[start..], "\nBody\n");
    }

    #[test]
    fn no_front_matter() {
        assert!(split("Title\n\n---\n").is_none());
        assert!(split("---\nunterminated: yes\n").is_none());
    }
}
