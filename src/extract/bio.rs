//! Author bios: the short box about the writer that a site sets after the article's last paragraph (a portrait,
//! "About the author", a few sentences, a link to the writer's page), told by its shape, its place and where its
//! link leads, in any language.

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use crate::dom::{self, index, is_block, is_inside, walk, NodeSet};

use super::density;
use super::ending::names_page;
use super::reason::Reason;
use super::stats::Stats;

/// A bio box holds at most this many characters (not whitespace) of kept text: a heading, three or four sentences
/// about the writer and a link or two ("About the author" / "Jane Doe is a senior correspondent who …" / "More
/// articles by Jane Doe"), as a payment box is at most `ending::PAYMENT_BOX_MAX_CHARS`: Readability's
/// `charThreshold` (500), the text it counts as an article of its own, and a half again for the heading and links.
const BIO_MAX_CHARS: u32 = 750;

/// A bio box holds at most this many paragraphs of prose: a bio is a paragraph or two; a box with more is a section
/// of the article that happens to show its writer.
const BIO_MAX_PARAGRAPHS: usize = 2;

/// The words of a link's address that name the page of one of the site's writers (`/author/jane-doe`,
/// `/autoren/max-muster`, `/auteur/…`), in the languages of the pages we read: CMSs file a writer's page under
/// such a path (WordPress's `/author/`), and a bio box links to it ("All posts by …", "Zum Profil").
const AUTHOR_PAGE_WORDS: &[&str] = &[
    "auteur",
    "auteurs",
    "author",
    "authors",
    "autor",
    "autore",
    "autoren",
    "autores",
    "autori",
    "autorin",
    "autorzy",
    "journalist",
    "journaliste",
    "journalisten",
];

/// The author bios of the article (see the module documentation). For each link to a writer's page (see
/// [`AUTHOR_PAGE_WORDS`]) inside the article's containers `roots`, or in a small box around one of them, the bio is
/// the smallest block around the link that holds a picture (the portrait) over a paragraph of prose, when:
/// - the link is a line of its own or a heading's, not part of a paragraph of prose (a sentence of the article
///   that cites the writer's page), and lies outside any quotation;
/// - the block holds at most [`BIO_MAX_CHARS`] characters and [`BIO_MAX_PARAGRAPHS`] paragraphs, no headline and no
///   heading that is mostly a link (a teaser's title);
/// - it stands after the article's last paragraph, with more of the article's prose before it than in it.
///
/// Returned are the block when it lies inside a container, and the containers that lie inside it (a bio box the
/// scorer took as a container of its own). The link and the portrait are both needed: an interviewee's "Zur
/// Person" box under the interview, or a note on the article's subject with a photo, links to no writer's page; a
/// paragraph on the writer inside the article's prose has text of the article after it. A box before the article's
/// first paragraph is left alone: the byline with the writer's photo and link often shares its block with the
/// lead. It can be wrong on a box of the article's own that ends it with a photo of one of the site's writers over
/// a paragraph and a link to their page (a profile of a colleague).
pub(crate) fn author_boxes(
    html: &Html,
    roots: &[NodeId],
    stats: &Stats,
    skip: &NodeSet,
) -> Vec<(NodeId, Reason)> {
    let mut links = Vec::new();
    for root in roots.iter().filter_map(|id| html.tree.get(*id)) {
        // The root itself, or the small box around it when the scorer took a part of a box as a container.
        let scope = root
            .ancestors()
            .take_while(|a| {
                a.value().as_element().is_some_and(|e| e.name() != "body")
                    && stats.get(a.id()).text <= BIO_MAX_CHARS
            })
            .last()
            .unwrap_or(root);
        walk(scope, |n| {
            let Some(element) = n.value().as_element() else {
                return false;
            };
            if element.name() == "a"
                && dom::attr(element, "href").is_some_and(|h| names_page(h, AUTHOR_PAGE_WORDS))
                && !links.contains(&n.id())
            {
                links.push(n.id());
            }
            true
        });
    }
    if links.is_empty() {
        return Vec::new();
    }
    let prose = prose_blocks(html, roots, stats, skip);
    let mut found: Vec<(NodeId, Reason)> = Vec::new();
    for link in links.iter().filter_map(|id| html.tree.get(*id)) {
        let Some(bio) = bio_box(link, &prose, stats, skip) else {
            continue;
        };
        for id in std::iter::once(bio.id()).chain(roots.iter().copied()) {
            let inside = id == bio.id() || is_inside(bio, id, bio.id());
            let in_roots = roots.iter().any(|r| *r == id || is_inside(bio, id, *r));
            if inside && in_roots && !skip.contains(id) && !found.iter().any(|(f, _)| *f == id) {
                found.push((id, Reason::AuthorBio));
            }
        }
    }
    found
}

/// The smallest block around `link` that is a bio box (see [`author_boxes`]), if any.
fn bio_box<'a>(
    link: NodeRef<'a, Node>,
    prose: &[(usize, u32)],
    stats: &Stats,
    skip: &NodeSet,
) -> Option<NodeRef<'a, Node>> {
    if link.ancestors().any(|a| {
        a.value()
            .as_element()
            .is_some_and(|e| e.name() == "blockquote")
    }) {
        return None;
    }
    // A bio box's link is a line of its own ("All posts by …") or a heading's; a link inside a sentence of prose
    // cites the writer's page from the article's own text.
    let paragraph = link
        .ancestors()
        .find(|a| a.value().as_element().is_some_and(|e| is_block(e.name())))?;
    if prose.iter().any(|(i, _)| *i == index(paragraph.id())) {
        return None;
    }
    for ancestor in link.ancestors() {
        let element = ancestor.value().as_element()?;
        if element.name() == "body" || stats.get(ancestor.id()).text > BIO_MAX_CHARS {
            return None;
        }
        if !is_block(element.name()) {
            continue;
        }
        let Some(portrait) = first_picture(ancestor) else {
            continue;
        };
        let (lo, hi) = (index(ancestor.id()), index(last_descendant(ancestor).id()));
        let inside: Vec<(usize, u32)> = prose
            .iter()
            .copied()
            .filter(|(i, _)| (lo..=hi).contains(i))
            .collect();
        let Some((first, _)) = inside.first() else {
            continue;
        };
        // The portrait heads the box, over the bio; a picture under the paragraph is a byline's, at the end of
        // the article's own last paragraph's block.
        if index(portrait.id()) > *first {
            return None;
        }
        let before: u32 = prose.iter().filter(|(i, _)| *i < lo).map(|(_, g)| g).sum();
        let after = prose.iter().any(|(i, _)| *i > hi);
        let own: u32 = inside.iter().map(|(_, good)| good).sum();
        let ok = inside.len() <= BIO_MAX_PARAGRAPHS
            && !after
            && before > own
            && kept_text(ancestor, skip) <= BIO_MAX_CHARS
            && !holds_headline(ancestor)
            && !holds_linked_heading(ancestor, stats);
        return ok.then_some(ancestor);
    }
    None
}

/// The paragraphs of prose of the article, in document order: (node index, paragraph text) of each block inside
/// `roots`, outside `skip`, whose own text is a paragraph of prose (long enough, with punctuation, mostly not links).
fn prose_blocks(html: &Html, roots: &[NodeId], stats: &Stats, skip: &NodeSet) -> Vec<(usize, u32)> {
    let mut prose = Vec::new();
    for root in roots.iter().filter_map(|id| html.tree.get(*id)) {
        walk(root, |n| {
            let Some(element) = n.value().as_element() else {
                return false;
            };
            if skip.contains(n.id()) {
                return false;
            }
            let m = stats.get(n.id());
            if is_block(element.name())
                && m.inline > density::CONTINUATION_MIN_CHARS
                && m.punct > 0
                && density::is_paragraph(m.inline, m.inline_links)
            {
                prose.push((index(n.id()), m.inline));
            }
            true
        });
    }
    prose
}

/// Whether a block holds an `<h1>`: the headline's block, with its byline's link to the writer's page and the
/// picture over the story, opens the article and is no bio.
fn holds_headline(block: NodeRef<'_, Node>) -> bool {
    block
        .descendants()
        .any(|d| d.value().as_element().is_some_and(|e| e.name() == "h1"))
}

/// Whether a block holds a heading that is mostly a link (see `density::LINK_HEADING_DENSITY`): a teaser of
/// another page, whose byline links to its writer's page under the teaser's picture and over its excerpt.
fn holds_linked_heading(block: NodeRef<'_, Node>, stats: &Stats) -> bool {
    block.descendants().any(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| dom::is_heading(e.name()))
            && {
                let m = stats.get(d.id());
                m.text > 0 && density::link_density(m.text, m.links) > density::LINK_HEADING_DENSITY
            }
    })
}

/// The first picture (`<img>`, `<picture>`) inside a block: the writer's portrait.
fn first_picture(block: NodeRef<'_, Node>) -> Option<NodeRef<'_, Node>> {
    block.descendants().find(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "img" | "picture"))
    })
}

/// The last node of a subtree in document order.
fn last_descendant(node: NodeRef<'_, Node>) -> NodeRef<'_, Node> {
    let mut last = node;
    while let Some(child) = last.last_child() {
        last = child;
    }
    last
}

/// The characters (not whitespace) of a block's text outside `skip`.
fn kept_text(block: NodeRef<'_, Node>, skip: &NodeSet) -> u32 {
    let mut chars = 0;
    walk(block, |n| {
        if skip.contains(n.id()) {
            return false;
        }
        if let Some(text) = n.value().as_text() {
            chars += density::count(text).0;
        }
        true
    });
    chars
}
