//! Teasers of other pages inside the article's containers: a run of blocks built alike (the same tag and class
//! under one parent: `<div>`, `<article>`, `<section>` or list items, the class read without its numbered words),
//! each a short text with links to one other page ("related posts", "more on this topic"
//! grids). Their titles are links and drop as such, but the excerpt under each title is prose by every text
//! measure, so the blocks are told by their structure instead (issue 12, classes 2 and 4).

use std::collections::HashMap;

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use crate::dom::{self, index, walk, NodeSet};

use super::stats::Stats;

/// The fewest blocks built alike that make a run of teasers: two could be an article's two columns, three is a
/// grid or a list (Readability's and trafilatura's "related" blocks hold three to six).
pub(super) const MIN_RUN: usize = 3;

/// A teaser is at most this many characters (not whitespace): a title of up to a hundred and an excerpt of the
/// length CMSs cut them to (WordPress's 55 words, about 330 characters, with room for a date and a "read more").
/// An article's section that links one source is longer.
const MAX_TEASER_CHARS: u32 = 500;

/// A run of teasers is at most this share of the container's text; more, and it is the page's content (a blog's
/// index, a list of products the page is about), as [`super::density::LINK_LIST_MAX_SHARE`] keeps link lists,
/// unless an article comes before it (see [`MIN_PROSE_BEFORE_RUN`]).
const MAX_RUN_SHARE: f32 = 0.5;

/// A teaser whose title is a link (a heading inside a link, or a link inside the heading) is at most this many
/// characters: a card that links its title is a teaser whatever its excerpt, which some themes leave uncut (an
/// excerpt of 600 characters, markup and all); twice [`MAX_TEASER_CHARS`]. An article's section does not link
/// its own heading.
const MAX_LINKED_TITLE_TEASER_CHARS: u32 = 2 * MAX_TEASER_CHARS;

/// A run larger than [`MAX_RUN_SHARE`] of its container is still teasers when the paragraph text before it in the
/// container is at least this share of the run's text, and at least [`MIN_ARTICLE_CHARS`]: an article with a grid
/// of other stories under it that outgrows the story (a magazine that lists its latest twenty pieces under each
/// one). A listing page's own items come first, or after an intro of a sentence or two.
const MIN_PROSE_BEFORE_RUN: f32 = 0.5;

/// The least paragraph text that is an article before a run of teasers: Readability's `charThreshold` (500), the
/// text it wants before it accepts a candidate as the article.
pub(super) const MIN_ARTICLE_CHARS: u32 = 500;

/// The teaser blocks inside `root`, in document order (see the module documentation).
pub(crate) fn teasers(root: NodeRef<'_, Node>, stats: &Stats) -> Vec<NodeId> {
    let root_text = stats.get(root.id()).text;
    let mut found = Vec::new();
    walk(root, |node| {
        if node.value().as_element().is_none() || stats.dropped.contains(node.id()) {
            return false;
        }
        let groups = built_alike(node, &["div", "article", "section", "li"], |child| {
            !stats.dropped.contains(child.id()) && stats.get(child.id()).text > 0
        });
        for units in groups.values() {
            if is_teaser_run(units, stats, root, root_text) {
                found.extend(units.iter().map(|u| u.id()));
            }
        }
        true
    });
    found.sort_by_key(|id| index(*id));
    found.dedup();
    // A run found inside another run's block is part of it.
    let mut outer = NodeSet::with_len(stats.measures.len());
    for id in &found {
        outer.insert(*id);
    }
    found.retain(|id| {
        root.tree()
            .get(*id)
            .is_some_and(|n| !n.ancestors().any(|a| outer.contains(a.id())))
    });
    found
}

/// The children of `node` that are elements of one of `tags` and that `keep` takes, grouped by how they are built:
/// the same tag and class (the class read without its numbered words, see [`kind`]).
pub(super) fn built_alike<'a>(
    node: NodeRef<'a, Node>,
    tags: &[&str],
    keep: impl Fn(NodeRef<'a, Node>) -> bool,
) -> HashMap<(&'a str, String), Vec<NodeRef<'a, Node>>> {
    let mut groups: HashMap<(&str, String), Vec<NodeRef<'_, Node>>> = HashMap::new();
    for child in node.children() {
        let Some(element) = child.value().as_element() else {
            continue;
        };
        if !tags.contains(&element.name()) || !keep(child) {
            continue;
        }
        let class = kind(dom::attr(element, "class").unwrap_or(""));
        groups
            .entry((element.name(), class))
            .or_default()
            .push(child);
    }
    groups
}

/// The words of a class attribute that name a block's kind: those without a digit. A word with one numbers the
/// block among its siblings or names its record (`views-row-3`, `post-1234`, `item-2`), so that blocks of one kind
/// differ by it.
fn kind(class: &str) -> String {
    class
        .split_ascii_whitespace()
        .filter(|word| !word.bytes().any(|b| b.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether blocks built alike are a run of teasers: at least [`MIN_RUN`], each short (see
/// [`MAX_LINKED_TITLE_TEASER_CHARS`] for a linked title), titled (a heading or an
/// image over its text), with one link target, the targets all different, and together a minor part of the
/// container (`root`) or after an article in it (see [`MIN_PROSE_BEFORE_RUN`]).
fn is_teaser_run(
    units: &[NodeRef<'_, Node>],
    stats: &Stats,
    root: NodeRef<'_, Node>,
    root_text: u32,
) -> bool {
    if units.len() < MIN_RUN {
        return false;
    }
    let mut targets: Vec<&str> = Vec::with_capacity(units.len());
    let mut text = 0u32;
    for unit in units {
        let m = stats.get(unit.id());
        // A teaser is a title (a heading or a picture) over an excerpt; a paragraph that quotes one link, written
        // as a `<div>` by some editors, has its text inline and no title.
        if m.links == 0 || m.inline * 2 >= m.text || !has_title(*unit) {
            return false;
        }
        if m.text > MAX_TEASER_CHARS
            && (m.text > MAX_LINKED_TITLE_TEASER_CHARS || !has_linked_title(*unit))
        {
            return false;
        }
        text += m.text;
        let Some(target) = target(*unit, stats) else {
            return false;
        };
        if targets.contains(&target) {
            return false;
        }
        targets.push(target);
    }
    if (text as f32) < MAX_RUN_SHARE * root_text as f32 {
        return true;
    }
    let before = prose_before(root, units[0], stats);
    before >= MIN_ARTICLE_CHARS && before as f32 >= MIN_PROSE_BEFORE_RUN * text as f32
}

/// The paragraph text inside `root` that comes before `unit` in document order (dropped blocks left out).
pub(super) fn prose_before(root: NodeRef<'_, Node>, unit: NodeRef<'_, Node>, stats: &Stats) -> u32 {
    let mut good = 0;
    let mut node = unit;
    while node.id() != root.id() {
        for sibling in node.prev_siblings() {
            if sibling.value().as_element().is_some() && !stats.dropped.contains(sibling.id()) {
                good += stats.get(sibling.id()).good;
            }
        }
        match node.parent() {
            Some(parent) => node = parent,
            None => break,
        }
    }
    good
}

/// The heading tags.
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Whether a block holds a heading or an image: the title of a teaser.
fn has_title(unit: NodeRef<'_, Node>) -> bool {
    unit.descendants().any(|n| {
        n.value()
            .as_element()
            .is_some_and(|e| HEADINGS.contains(&e.name()) || matches!(e.name(), "img" | "picture"))
    })
}

/// Whether a block holds a heading inside a link, or a link inside a heading: a teaser's linked title.
fn has_linked_title(unit: NodeRef<'_, Node>) -> bool {
    let is_heading = |n: NodeRef<'_, Node>| {
        n.value()
            .as_element()
            .is_some_and(|e| HEADINGS.contains(&e.name()))
    };
    let is_link = |n: NodeRef<'_, Node>| n.value().as_element().is_some_and(|e| e.name() == "a");
    unit.descendants().filter(|n| is_heading(*n)).any(|h| {
        h.descendants().any(is_link)
            || h.ancestors()
                .take_while(|a| a.id() != unit.id())
                .any(is_link)
    })
}

/// The one page a block's links lead to, if they all lead to one (in-page and script links aside).
fn target<'a>(unit: NodeRef<'a, Node>, stats: &Stats) -> Option<&'a str> {
    let mut target: Option<&'a str> = None;
    let mut same = true;
    walk(unit, |n| {
        let Some(element) = n.value().as_element() else {
            return false;
        };
        if stats.dropped.contains(n.id()) || !same {
            return false;
        }
        if element.name() == "a" {
            if let Some(href) = dom::attr(element, "href").map(str::trim) {
                if !href.is_empty() && !href.starts_with('#') && !dom::runs_script(href) {
                    match target {
                        None => target = Some(href),
                        Some(t) if t == href => {}
                        Some(_) => same = false,
                    }
                }
            }
        }
        true
    });
    target.filter(|_| same)
}
