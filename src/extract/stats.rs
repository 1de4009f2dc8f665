//! The measures that scoring takes of every node (text, link text, punctuation, paragraphs) and the subtrees it
//! drops: what `score` computes and the passes it calls (`teasers`, `thread`) read, kept apart from `score` so
//! that they depend on the measures, not on the scorer.

use ego_tree::NodeId;

use crate::dom::{index, NodeSet};

use super::reason::Reason;

/// Text measures of one node's kept subtree (boilerplate left out), in characters that are not whitespace.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Measure {
    /// All text.
    pub text: u32,
    /// Text inside links.
    pub links: u32,
    /// Text inside links to a place on the page itself (`href="#…"`): a table of contents, footnote marks, "back
    /// to top". Counted in [`Measure::links`] as well.
    pub in_page_links: u32,
    /// Text reachable without crossing a block element: the node's own paragraph text.
    pub inline: u32,
    /// Punctuation in the inline text (commas and sentence ends, in any script).
    pub punct: u32,
    /// Link text in the inline text.
    pub inline_links: u32,
    /// Text of the paragraphs in the subtree that are mostly not links.
    pub good: u32,
}

/// The measures of every node, and the boilerplate subtrees left out of them.
pub(crate) struct Stats {
    /// Per node, by [`index`].
    pub measures: Vec<Measure>,
    /// Roots of dropped subtrees.
    pub dropped: NodeSet,
    /// Why each dropped subtree with text was dropped (hidden scripts and styles are not listed).
    pub reasons: Vec<(NodeId, Reason)>,
}

impl Stats {
    pub(crate) fn get(&self, id: NodeId) -> Measure {
        self.measures.get(index(id)).copied().unwrap_or_default()
    }
}
