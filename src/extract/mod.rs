//! Extraction: find the main content of a parsed page and the boilerplate inside it.

use std::collections::HashSet;

use ego_tree::NodeId;
use scraper::{Html, Selector};

/// What the user's HTML-stage rules ask of extraction.
#[derive(Debug, Default, Clone, Copy)]
pub struct ExtractOptions<'a> {
    /// Elements to drop before extraction (`remove` rules).
    pub remove: &'a [Selector],
    /// A selector for the main content that overrides extraction (`main` rules).
    pub main: Option<&'a Selector>,
}

/// The main content of a page: the subtrees to render, and the nodes inside them to leave out.
#[derive(Debug, Default, Clone)]
pub struct Article {
    /// Roots of the article's subtrees, in document order.
    pub roots: Vec<NodeId>,
    /// Nodes inside the roots that are boilerplate, with their subtrees.
    pub skip: HashSet<NodeId>,
}

impl Article {
    /// Whether an article was found.
    pub fn is_found(&self) -> bool {
        !self.roots.is_empty()
    }
}

/// Finds the main content of `html`.
pub fn extract(html: &Html, options: &ExtractOptions<'_>) -> Article {
    let _ = options;
    let body = Selector::parse("body").expect("`body` is a valid selector");
    Article {
        roots: html.select(&body).map(|e| e.id()).take(1).collect(),
        skip: HashSet::new(),
    }
}
