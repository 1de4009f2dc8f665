//! JSON-LD: the article, publisher and site facts of a page's `application/ld+json` blocks, including `@graph`
//! documents and blocks that are not valid JSON (unescaped quotes, `//` comments, trailing data).

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::entities::decode;

/// What a page's JSON-LD says about its article.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Facts {
    /// `headline` (or `name`) of the article.
    pub headline: Option<String>,
    /// Author names, with whether each is an organisation.
    pub authors: Vec<(String, bool)>,
    /// `datePublished` of the article (or of the page when no article has one).
    pub published: Option<String>,
    /// `dateModified`.
    pub modified: Option<String>,
    /// The publisher's name.
    pub publisher: Option<String>,
    /// The `WebSite` node's name.
    pub website: Option<String>,
    /// `description` of the article.
    pub description: Option<String>,
    /// `inLanguage`.
    pub language: Option<String>,
    /// The article's `url` or `mainEntityOfPage` URL.
    pub url: Option<String>,
}

/// Reads the facts of every JSON-LD block, the first article's facts winning.
pub fn read<'a>(blocks: impl IntoIterator<Item = &'a str>) -> Facts {
    let mut nodes = Vec::new();
    let mut fallback = Vec::new();
    for block in blocks {
        match parse_lenient(block) {
            Some(value) => flatten(value, &mut nodes),
            None => fallback.push(block),
        }
    }
    let mut facts = Facts::default();
    let ids: Vec<(&str, &Value)> = nodes
        .iter()
        .filter_map(|n| Some((n.get("@id")?.as_str()?, n)))
        .collect();
    let resolve = |value: &'_ Value| -> Option<Value> {
        let id = value.get("@id")?.as_str()?;
        if value.as_object().is_some_and(|o| o.len() > 1) {
            return None;
        }
        ids.iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| (*n).clone())
    };
    let articles: Vec<&Value> = nodes.iter().filter(|n| is_article(n)).collect();
    for article in &articles {
        if facts.headline.is_none() {
            facts.headline = text(article.get("headline")).or_else(|| text(article.get("name")));
        }
        if facts.authors.is_empty() {
            if let Some(author) = article.get("author").or_else(|| article.get("creator")) {
                facts.authors = people(author, &resolve);
            }
        }
        fill(&mut facts.published, text(article.get("datePublished")));
        fill(&mut facts.modified, text(article.get("dateModified")));
        fill(&mut facts.description, text(article.get("description")));
        fill(&mut facts.language, text(article.get("inLanguage")));
        fill(
            &mut facts.url,
            text(article.get("url")).or_else(|| {
                article.get("mainEntityOfPage").and_then(|m| {
                    m.as_str()
                        .map(str::to_string)
                        .or_else(|| text(m.get("@id")))
                })
            }),
        );
        if facts.publisher.is_none() {
            if let Some(publisher) = article.get("publisher") {
                let publisher = resolve(publisher).unwrap_or_else(|| publisher.clone());
                facts.publisher = text(publisher.get("name")).or_else(|| text(Some(&publisher)));
            }
        }
    }
    for node in &nodes {
        let kind = types(node);
        if kind.iter().any(|t| t == "WebSite") {
            fill(&mut facts.website, text(node.get("name")));
        }
        if kind.iter().any(|t| t.ends_with("Organization")) && facts.publisher.is_none() {
            facts.publisher = text(node.get("name"));
        }
        if kind.iter().any(|t| t == "WebPage") {
            if facts.authors.is_empty() {
                if let Some(author) = node.get("author") {
                    facts.authors = people(author, &resolve);
                }
            }
            fill(&mut facts.published, text(node.get("datePublished")));
            fill(&mut facts.language, text(node.get("inLanguage")));
            if facts.publisher.is_none() {
                facts.publisher = node
                    .get("publisher")
                    .and_then(|p| text(p.get("name")).or_else(|| text(Some(p))));
            }
        }
    }
    for block in fallback {
        scavenge(block, &mut facts);
    }
    facts
}

fn fill(slot: &mut Option<String>, value: Option<String>) {
    if slot.is_none() {
        *slot = value;
    }
}

fn types(node: &Value) -> Vec<String> {
    match node.get("@type") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn is_article(node: &Value) -> bool {
    types(node)
        .iter()
        .any(|t| t.ends_with("Article") || t.ends_with("Posting") || t == "Report" || t == "Review")
}

/// Every object of a JSON-LD document: top-level arrays and `@graph` lists are opened.
fn flatten(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|i| flatten(i, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten(graph, out);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

/// A trimmed, entity-decoded, whitespace-collapsed string value (first of an array).
fn text(value: Option<&Value>) -> Option<String> {
    let value = match value? {
        Value::Array(items) => items.first()?,
        other => other,
    };
    let raw = value.as_str()?;
    let clean = decode(raw).split_whitespace().collect::<Vec<_>>().join(" ");
    (!clean.is_empty()).then_some(clean)
}

/// Names in an `author` value: a string, a `Person`/`Organization`, an `@id` reference or a list of them.
fn people(value: &Value, resolve: &dyn Fn(&Value) -> Option<Value>) -> Vec<(String, bool)> {
    match value {
        Value::Array(items) => items.iter().flat_map(|i| people(i, resolve)).collect(),
        Value::String(_) => text(Some(value))
            .map(|n| vec![(n, false)])
            .unwrap_or_default(),
        Value::Object(_) => {
            let node = resolve(value).unwrap_or_else(|| value.clone());
            let is_org = types(&node).iter().any(|t| t.ends_with("Organization"));
            text(node.get("name"))
                .map(|n| vec![(n, is_org)])
                .unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// Parses a block as JSON, else repairs what publishers get wrong: `//` and `/* */` comments, raw control
/// characters in strings, trailing commas and data after the first value.
fn parse_lenient(block: &str) -> Option<Value> {
    let block = block
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim();
    if let Ok(value) = serde_json::from_str(block) {
        return Some(value);
    }
    let repaired = repair(block);
    let mut stream = serde_json::Deserializer::from_str(&repaired).into_iter::<Value>();
    stream.next()?.ok()
}

fn repair(block: &str) -> String {
    let mut out = String::with_capacity(block.len());
    let mut chars = block.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    out.push(c);
                    if let Some(next) = chars.next() {
                        out.push(next);
                    }
                }
                '"' => {
                    // A quote that does not end the string (the next meaningful character is not a delimiter)
                    // is an unescaped quote inside it.
                    let rest: String = chars.clone().take(8).collect();
                    let next = rest.trim_start().chars().next();
                    if matches!(next, Some(',' | ':' | '}' | ']') | None) {
                        in_string = false;
                        out.push(c);
                    } else {
                        out.push_str("\\\"");
                    }
                }
                c if c.is_control() => out.push(' '),
                c => out.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '/' if chars.peek() == Some(&'/') => {
                for next in chars.by_ref() {
                    if next == '\n' {
                        break;
                    }
                }
                out.push('\n');
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for next in chars.by_ref() {
                    if prev == '*' && next == '/' {
                        break;
                    }
                    prev = next;
                }
            }
            ',' => {
                let rest: String = chars.clone().take(64).collect();
                let next = rest.trim_start().chars().next();
                if !matches!(next, Some('}' | ']')) {
                    out.push(c);
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Last resort for a block no repair makes parse: pick the well-known keys out with patterns.
fn scavenge(block: &str, facts: &mut Facts) {
    static KEY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#""(headline|datePublished|dateModified)"\s*:\s*"((?:[^"\\]|\\.)*)""#)
            .expect("JSON-LD key pattern is valid")
    });
    for caps in KEY.captures_iter(block) {
        let value = decode(&caps[2]);
        let value = value.trim().to_string();
        if value.is_empty() {
            continue;
        }
        match &caps[1] {
            "headline" => fill(&mut facts.headline, Some(value)),
            "datePublished" => fill(&mut facts.published, Some(value)),
            _ => fill(&mut facts.modified, Some(value)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_article_with_referenced_author() {
        let block = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"Organization","@id":"#org","name":"Inexhibit"},
            {"@type":"Person","@id":"#p1","name":"Federica Lusiardi"},
            {"@type":"Article","headline":"A &#8217; b","author":{"@id":"#p1"},"publisher":{"@id":"#org"},
             "datePublished":"2018-04-18T10:00:00+00:00"}]}"##;
        let facts = read([block]);
        assert_eq!(facts.headline.as_deref(), Some("A \u{2019} b"));
        assert_eq!(
            facts.authors,
            vec![("Federica Lusiardi".to_string(), false)]
        );
        assert_eq!(facts.publisher.as_deref(), Some("Inexhibit"));
        assert_eq!(
            facts.published.as_deref(),
            Some("2018-04-18T10:00:00+00:00")
        );
    }

    #[test]
    fn invalid_json_is_repaired() {
        let block = "{\"@type\": \"NewsArticle\", // comment\n \"headline\": \"He said \"no\" today\",\n \"datePublished\": \"2019-11-18\",} trailing";
        let facts = read([block]);
        assert_eq!(facts.headline.as_deref(), Some("He said \"no\" today"));
        assert_eq!(facts.published.as_deref(), Some("2019-11-18"));
    }
}
