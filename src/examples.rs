//! Rule-file examples run through the whole pipeline: what `rinse rules test` and `rinse check` report.

use std::path::PathBuf;

use crate::pipeline::{self, Options, RawDocument};
use crate::rules::RuleSet;

/// The outcome of one example.
#[derive(Debug, Clone)]
pub struct ExampleOutcome {
    /// The rule file.
    pub file: PathBuf,
    /// The example's line in it.
    pub line: usize,
    /// The rule it illustrates (`<stem>/<id>`), or the file stem when it names none.
    pub rule: String,
    /// The input.
    pub raw: String,
    /// The expected body.
    pub expected: String,
    /// The body the pipeline made, or the error it failed with.
    pub actual: String,
    /// Whether they are equal.
    pub passed: bool,
}

/// Runs every example of every rule file in `rules` through the pipeline with `options`.
pub fn run(rules: &RuleSet, options: &Options<'_>) -> Vec<ExampleOutcome> {
    let mut outcomes = Vec::new();
    for file in rules.files() {
        for example in &file.examples {
            let doc = RawDocument {
                bytes: example.raw.clone().into_bytes(),
                source: example.source.clone(),
                kind_hint: Some(example.input_format),
                url: example.url.clone(),
                charset: None,
                fetched: None,
            };
            let options = Options {
                input_format: Some(example.input_format),
                ..*options
            };
            let actual = match pipeline::clean(&doc, &options) {
                Ok(cleaned) => cleaned.markdown,
                Err(err) => format!("error: {err}"),
            };
            let expected = normalise_expected(&example.clean);
            outcomes.push(ExampleOutcome {
                file: file.path.clone(),
                line: example.line,
                rule: example
                    .rule
                    .as_ref()
                    .map_or_else(|| file.stem.clone(), |r| format!("{}/{}", file.stem, r)),
                raw: example.raw.clone(),
                passed: actual == expected,
                expected,
                actual,
            });
        }
    }
    outcomes
}

/// An expected body ends in exactly one newline (or is empty), like every cleaned body.
fn normalise_expected(clean: &str) -> String {
    let trimmed = clean.trim_end_matches('\n');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}\n")
    }
}
