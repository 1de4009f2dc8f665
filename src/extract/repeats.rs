//! Blocks that say again what the block beside them says: the same text in blocks built alike under one parent
//! (a slideshow that prints its title on every slide, a credit line under every picture of a gallery). A reader
//! sees it once at most; the copies after the first go, whatever the language.

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use crate::dom::{self, walk, NodeSet};

use super::byline::text_of;
use super::ending::Measure;
use super::reason::Reason;
use super::teasers::built_alike;

/// The fewest blocks built alike that say the same for the copies to go: two could be a heading and its echo in a
/// layout for another screen size, which the page hides by a class we do not read; three or more is a title or a
/// credit printed on every slide or picture of a run (the fewest blocks of a run, as `teasers::MIN_RUN` counts).
const MIN_COPIES: usize = 3;

/// The copies in `root` (see the module documentation): among the children of one parent that are blocks built
/// alike (the same tag and class, see [`built_alike`]), with text, when there are at least [`MIN_COPIES`] of them
/// and they all hold the same text (white space collapsed), every one after the first. Blocks are `<div>`,
/// `<section>`, `<article>` and `<figure>`, the containers a template repeats: a paragraph (`<p>`) is the
/// writer's own text, which may say a line again (a refrain), and list items and table cells that repeat a value
/// ("Yes", "✓") are data. When the output keeps pictures (`images`), the copies must show the same pictures too:
/// a slide that repeats the gallery's title under a picture of its own is not said again.
pub(crate) fn repeated_blocks(
    root: NodeRef<'_, Node>,
    measure: Measure<'_>,
    skip: &NodeSet,
    images: bool,
) -> Vec<(NodeId, Reason)> {
    let mut found = Vec::new();
    let mut copies = NodeSet::default();
    walk(root, |node| {
        if node.value().as_element().is_none()
            || skip.contains(node.id())
            || copies.contains(node.id())
        {
            return false;
        }
        let groups = built_alike(node, &["div", "section", "article", "figure"], |child| {
            !skip.contains(child.id()) && measure(child.id()).0 > 0
        });
        for units in groups.values().filter(|units| units.len() >= MIN_COPIES) {
            let first = text_of(units[0], skip);
            // Blocks whose text went for another reason say nothing again.
            if first.is_empty() {
                continue;
            }
            let first_pictures = images.then(|| pictures(units[0]));
            let same = |unit: NodeRef<'_, Node>| {
                text_of(unit, skip) == first
                    && first_pictures
                        .as_ref()
                        .is_none_or(|first| pictures(unit) == *first)
            };
            if units[1..].iter().all(|unit| same(*unit)) {
                for unit in &units[1..] {
                    copies.insert(unit.id());
                    found.push((unit.id(), Reason::Repeated));
                }
            }
        }
        true
    });
    found.sort_by_key(|(id, _)| dom::index(*id));
    found
}

/// The sources of the pictures inside `block`, in document order.
fn pictures<'a>(block: NodeRef<'a, Node>) -> Vec<&'a str> {
    block
        .descendants()
        .filter_map(|node| node.value().as_element())
        .filter(|element| element.name() == "img")
        .filter_map(|element| dom::attr(element, "src"))
        .collect()
}
