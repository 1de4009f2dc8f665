//! Cleanup rules: every change rinse makes to a markdown body is an [`Edit`] returned by a named rule, applied by
//! the engine here in passes until no rule has anything left to change.

use scraper::Selector;

use crate::config::Project;
use crate::document::{AppliedEdit, Edit};
use crate::error::Result;

/// Where a document comes from, for scoping user rules.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scope<'a> {
    /// The page's URL, when known.
    pub url: Option<&'a str>,
    /// The input path relative to the input root.
    pub source: &'a str,
}

/// The HTML-stage rules that apply to one page.
#[derive(Debug, Default)]
pub struct HtmlRules<'a> {
    /// Selectors of elements to drop before extraction.
    pub remove: Vec<Selector>,
    /// A selector for the main content, overriding extraction.
    pub main: Option<&'a Selector>,
}

/// The built-in and user rules in force for a run.
#[derive(Debug, Default)]
pub struct RuleSet {}

impl RuleSet {
    /// The built-in rules with their default selection and no user rules.
    pub fn builtin() -> RuleSet {
        RuleSet {}
    }

    /// The rules a project asks for: built-ins selected by `rinse.toml`, and the user rules of its rules folder.
    pub fn load(project: &Project) -> Result<RuleSet> {
        let _ = project;
        Ok(RuleSet::builtin())
    }

    /// The HTML-stage rules for a page.
    pub fn html_rules(&self, scope: &Scope<'_>) -> HtmlRules<'_> {
        let _ = scope;
        HtmlRules::default()
    }

    /// Cleans a markdown body. Returns the cleaned text and the edits that made it.
    pub fn clean(&self, body: &str, scope: &Scope<'_>) -> Result<(String, Vec<AppliedEdit>)> {
        let _ = scope;
        let trimmed = body.trim_end();
        let mut out = trimmed.trim_start_matches('\n').to_string();
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = Edit::delete(0..0);
        Ok((out, Vec::new()))
    }
}
