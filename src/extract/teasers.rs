//! Teasers of other pages inside the article's containers: a run of blocks built alike (the same tag and class
//! under one parent: `<div>`, `<article>`, `<section>` or list items, the class read without its numbered words),
//! each a short text with links to one other page ("related posts", "more on this topic"
//! grids). Their titles are links and drop as such, but the excerpt under each title is prose by every text
//! measure, so the blocks are told by their structure instead (issue 12, classes 2 and 4). After the article's
//! last paragraph, blocks of one tag that each open with a linked title to a page of the site are such a run
//! whatever their classes say ([`Around`]).

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

/// The share of the run's text that the article before it must reach, as [`MIN_PROSE_BEFORE_RUN`], for a run of
/// linked titles that closes the article in a box of its own ([`linked_title_runs`]): none, only an article of
/// [`MIN_ARTICLE_CHARS`] before it. The box under its heading and its place after the article's last paragraph
/// already tell it from a listing page's own items, whatever its length against a short story (a news item of a few
/// paragraphs over "More stories" with ten cards).
const BOXED_RUN_MIN_PROSE_BEFORE: f32 = 0.0;

/// The least paragraph text that is an article before a run of teasers: Readability's `charThreshold` (500), the
/// text it wants before it accepts a candidate as the article.
pub(super) const MIN_ARTICLE_CHARS: u32 = 500;

/// Where a container stands among the article's containers, for the runs of teasers inside it.
pub(crate) struct Around<'a> {
    /// The paragraph text of the article's containers before this one: a grid of teasers that the scorer took as a
    /// container of its own follows the article's text in the container before it.
    pub before: u32,
    /// Whether this is the article's last container: a run told by its structure alone must end the article.
    pub last: bool,
    /// Whether a link leads within the site (`ending::PageSite::holds`).
    pub within_site: &'a dyn Fn(&str) -> bool,
}

/// The tags of the blocks of a run of teasers.
const UNIT_TAGS: &[&str] = &["div", "article", "section", "li"];

/// The teaser blocks inside `root`, in document order (see the module documentation).
pub(crate) fn teasers(root: NodeRef<'_, Node>, stats: &Stats, around: &Around<'_>) -> Vec<NodeId> {
    let root_text = stats.get(root.id()).text;
    let mut found = Vec::new();
    walk(root, |node| {
        if node.value().as_element().is_none() || stats.dropped.contains(node.id()) {
            return false;
        }
        let groups = built_alike(node, UNIT_TAGS, |child| {
            !stats.dropped.contains(child.id()) && stats.get(child.id()).text > 0
        });
        for units in groups.values() {
            // A run whose titles are only linked lines (no heading, no picture) is told by the same weaker
            // evidence as a run of linked titles below: it must stand apart.
            if is_teaser_run(
                units,
                stats,
                root,
                root_text,
                around.before,
                MIN_PROSE_BEFORE_RUN,
            ) && !is_introduced(units[0], root, stats)
                && (units.iter().all(|u| has_title(*u)) || is_set_apart(units[0], root, stats))
            {
                found.extend(units.iter().map(|u| u.id()));
            }
        }
        // Cards whose classes split them into groups (a generated name on some, a numbered one on others) are
        // one run by what opens them, whether or not some of them already make a run built alike.
        if around.last {
            for units in linked_title_runs(node, stats).values() {
                if is_teaser_run(
                    units,
                    stats,
                    root,
                    root_text,
                    around.before,
                    BOXED_RUN_MIN_PROSE_BEFORE,
                ) && ends_article(node, root, stats)
                    && !is_introduced(units[0], root, stats)
                    && is_set_apart(units[0], root, stats)
                    && units
                        .iter()
                        .all(|u| target(*u, stats).is_some_and(|t| (around.within_site)(t)))
                {
                    found.extend(units.iter().map(|u| u.id()));
                }
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

/// Blocks grouped by how they are built: by their tag and the class words that name their kind ([`kind`]).
pub(super) type Alike<'a> = HashMap<(&'a str, String), Vec<NodeRef<'a, Node>>>;

/// The children of `node` that are elements of one of `tags` with text not dropped, grouped as [`built_alike`] groups
/// them; `None` when fewer than `min` children have one of the tags, which is most blocks: they are passed by
/// without grouping.
pub(super) fn live_alike<'a>(
    node: NodeRef<'a, Node>,
    tags: &[&str],
    min: usize,
    stats: &Stats,
) -> Option<Alike<'a>> {
    let tagged = node
        .children()
        .filter(|c| {
            c.value()
                .as_element()
                .is_some_and(|e| tags.contains(&e.name()))
        })
        .count();
    (tagged >= min).then(|| {
        built_alike(node, tags, |child| {
            !stats.dropped.contains(child.id()) && stats.get(child.id()).text > 0
        })
    })
}

/// The children of `node` that are elements of one of `tags` and that `keep` takes, grouped by how they are built:
/// the same tag and class (the class read without its numbered words, see [`kind`]).
pub(super) fn built_alike<'a>(
    node: NodeRef<'a, Node>,
    tags: &[&str],
    keep: impl Fn(NodeRef<'a, Node>) -> bool,
) -> Alike<'a> {
    let mut groups: Alike<'_> = HashMap::new();
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
/// container (`root`) or after an article in it of at least `min_before` of the run's text and
/// [`MIN_ARTICLE_CHARS`] (see [`MIN_PROSE_BEFORE_RUN`]).
fn is_teaser_run(
    units: &[NodeRef<'_, Node>],
    stats: &Stats,
    root: NodeRef<'_, Node>,
    root_text: u32,
    earlier: u32,
    min_before: f32,
) -> bool {
    if units.len() < MIN_RUN {
        return false;
    }
    let mut targets: Vec<&str> = Vec::with_capacity(units.len());
    let mut text = 0u32;
    for unit in units {
        let m = stats.get(unit.id());
        // A teaser is a title (a heading, a picture, or a line that is a link) over an excerpt; a paragraph that
        // quotes one link, written as a `<div>` by some editors, has its text inline and no title.
        if m.links == 0 || m.inline * 2 >= m.text || !(has_title(*unit) || opens_with_link(*unit)) {
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
    let before = earlier + prose_before(root, units[0], stats);
    before >= MIN_ARTICLE_CHARS && before as f32 >= min_before * text as f32
}

/// The children of `node` (of [`UNIT_TAGS`], with text) that open with a linked title ([`opens_with_link`]),
/// grouped by tag alone: cards that a theme gives a class each (`card-1`, a generated `css-…` name) or none, told
/// by what opens them.
fn linked_title_runs<'a>(
    node: NodeRef<'a, Node>,
    stats: &Stats,
) -> HashMap<&'a str, Vec<NodeRef<'a, Node>>> {
    let mut groups: HashMap<&str, Vec<NodeRef<'_, Node>>> = HashMap::new();
    for child in node.children() {
        let Some(element) = child.value().as_element() else {
            continue;
        };
        if UNIT_TAGS.contains(&element.name())
            && !stats.dropped.contains(child.id())
            && stats.get(child.id()).text > 0
            && opens_with_link(child)
        {
            groups.entry(element.name()).or_default().push(child);
        }
    }
    groups
}

/// Whether the first text of a block (white space aside) is inside a link within it, and that link is the whole
/// text of its own block (a heading, a `<div>` that holds only the link): a teaser's title over its excerpt. A
/// paragraph that opens with a link runs on after it.
fn opens_with_link(unit: NodeRef<'_, Node>) -> bool {
    let Some(first) = unit
        .descendants()
        .find(|d| d.value().as_text().is_some_and(|t| !t.trim().is_empty()))
    else {
        return false;
    };
    let Some(link) = first
        .ancestors()
        .take_while(|a| a.id() != unit.id())
        .find(|a| a.value().as_element().is_some_and(|e| e.name() == "a"))
    else {
        return false;
    };
    // The block the link stands in: the nearest block around it inside the unit, or the unit itself.
    let line = link
        .ancestors()
        .take_while(|a| a.id() != unit.id())
        .find(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| dom::is_block(e.name()))
        })
        .unwrap_or(unit);
    if line.id() == unit.id() {
        // The link opens the unit itself: it must be followed by a block, not by more of its sentence.
        return link.next_siblings().all(|s| match s.value() {
            Node::Text(t) => t.trim().is_empty(),
            Node::Element(e) => dom::is_block(e.name()),
            _ => true,
        });
    }
    line.descendants().all(|d| {
        d.value()
            .as_text()
            .is_none_or(|t| t.trim().is_empty() || d.ancestors().any(|a| a.id() == link.id()))
    })
}

/// Whether nothing of the article's prose follows the block `node` inside `root`: no sibling after it, or after one
/// of its ancestors below `root`, holds paragraph text. A run told by its structure alone closes the article; a
/// list of titles with summaries that more of the article's text follows is the article's own.
fn ends_article(node: NodeRef<'_, Node>, root: NodeRef<'_, Node>, stats: &Stats) -> bool {
    std::iter::once(node)
        .chain(node.ancestors())
        .take_while(|a| a.id() != root.id())
        .all(|a| {
            a.next_siblings().all(|s| {
                s.value().as_element().is_none()
                    || stats.dropped.contains(s.id())
                    || stats.get(s.id()).good == 0
            })
        })
}

/// Whether a run told by its structure alone stands in a box of its own after the article's text: inside the block
/// that holds it (its parent, or the parent of the list the run fills), the paragraph text before the run is less
/// than an article ([`MIN_ARTICLE_CHARS`]): a heading or a line over the cards. Items that follow the article's
/// paragraphs in their own container (a guide's places, each a linked name over a few lines, set right under the
/// story) are the article's, whatever their links.
fn is_set_apart(first: NodeRef<'_, Node>, root: NodeRef<'_, Node>, stats: &Stats) -> bool {
    let mut unit = first;
    // The run fills a list: the list is what stands in the box.
    while let Some(parent) = unit.parent() {
        let is_list = parent
            .value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "ul" | "ol"));
        if !is_list || parent.id() == root.id() {
            break;
        }
        unit = parent;
    }
    let before: u32 = unit
        .prev_siblings()
        .filter(|s| s.value().as_element().is_some() && !stats.dropped.contains(s.id()))
        .map(|s| stats.get(s.id()).good)
        .sum();
    before < MIN_ARTICLE_CHARS
}

/// A sentence that introduces what follows it has more than this many words before its colon: a label over a list
/// of other stories is a word or three ("Read also:", "Mehr zum Thema:"), as `ending::LABEL_MAX_WORDS` counts one.
const INTRO_MIN_WORDS: usize = 3;

/// Whether the run that `first` opens is introduced by the article's own text: the block right before it (or before
/// the list or the wrapper that the run opens, inside `root`) is a paragraph of more than [`INTRO_MIN_WORDS`] words that ends in a colon ("If you want to go
/// deeper, these three earlier pieces of ours explain the background:", "Cet article fait partie de notre série
/// :"), and a paragraph of prose comes before that one under the same parent, so that the sentence stands in the
/// article's flow, not at the head of a box of its own (a "You may also like:" over a grid of cards). The writer
/// chose the stories and said why: they are the article's further reading, whatever their shape. The colon and
/// the place say it in any language; it can be wrong on a template's long label set among the article's
/// paragraphs ("Here are more stories you may like:"), which leaves the teasers in.
fn is_introduced(first: NodeRef<'_, Node>, root: NodeRef<'_, Node>, stats: &Stats) -> bool {
    // The block before the run: before its first unit, or before the list or the wrapper that the run opens.
    let Some(intro) = std::iter::once(first)
        .chain(first.ancestors())
        .take_while(|a| a.id() != root.id())
        .find_map(|a| {
            a.prev_siblings().find(|s| match s.value() {
                Node::Element(_) => !stats.dropped.contains(s.id()) && stats.get(s.id()).text > 0,
                Node::Text(t) => !t.trim().is_empty(),
                _ => false,
            })
        })
    else {
        return false;
    };
    if stats.dropped.contains(intro.id())
        || intro.value().as_element().is_none_or(|e| e.name() != "p")
    {
        return false;
    }
    let text = dom::normalized_text(intro);
    text.ends_with([':', '：'])
        && text.split_whitespace().count() > INTRO_MIN_WORDS
        && intro.prev_siblings().any(|s| {
            s.value().as_element().is_some()
                && !stats.dropped.contains(s.id())
                && stats.get(s.id()).good > 0
        })
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
