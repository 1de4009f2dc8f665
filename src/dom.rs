//! The one vocabulary for the parsed tree: walking it without recursion, per-node tables ([`NodeSet`], [`index`]),
//! and the one table of element classes that extraction, rendering, the metadata scan and the boilerplate signals
//! share ([`class`]).

use std::hash::{Hash, Hasher};

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

/// What an element is to every stage that reads the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Starts a block: its text is not part of its parent's paragraph (extraction), it ends the paragraph being
    /// written (markdown), and its start and end break the text (metadata).
    Block,
    /// Flows inside a line: the text on either side of it joins without a break.
    Inline,
    /// Never holds article text (form controls, embedded media, dialogs, the head): dropped before extraction
    /// and rendering read its text (the metadata scan still walks it).
    Hidden,
    /// Not text of the page at all but code or markup for the browser (scripts, styles, templates, vector
    /// graphics, `noscript` fallbacks): hidden from every stage, the metadata scan included (it reads JSON-LD
    /// scripts on their own).
    Code,
    /// Anything else (images, line breaks, labels, unknown and custom elements): its text stays in the paragraph,
    /// but the metadata scan reads it as a break.
    Other,
}

/// The class of an element by its (lower-case) name. Where the copies of this table disagreed, the HTML standard's
/// rendering section settles it: `legend` and `search` are blocks (`display: block`), and `dialog`, a block too,
/// is hidden, as boilerplate always dropped it before its blockness mattered.
pub fn class(name: &str) -> Class {
    match name {
        "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "nav"
        | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "li" | "dl" | "dt" | "dd"
        | "blockquote" | "pre" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th"
        | "caption" | "figure" | "figcaption" | "form" | "fieldset" | "legend" | "address"
        | "hr" | "center" | "details" | "summary" | "body" | "html" | "menu" | "hgroup"
        | "search" => Class::Block,
        "a" | "span" | "em" | "strong" | "b" | "i" | "u" | "small" | "abbr" | "time" | "sup"
        | "sub" | "mark" | "cite" | "q" | "font" | "code" | "s" | "del" | "ins" | "bdi" | "bdo"
        | "wbr" | "data" => Class::Inline,
        "script" | "style" | "noscript" | "template" | "svg" => Class::Code,
        "iframe" | "button" | "select" | "option" | "textarea" | "input" | "canvas" | "object"
        | "embed" | "head" | "title" | "meta" | "link" | "dialog" | "audio" | "video" | "map"
        | "rt" | "rp" => Class::Hidden,
        _ => Class::Other,
    }
}

/// Whether an element starts a block (see [`Class::Block`]).
pub fn is_block(name: &str) -> bool {
    class(name) == Class::Block
}

/// The value of an element's attribute `name` (lower-case, no namespace), as [`scraper::node::Element::attr`] gives
/// it, without its cost: `attr` makes an atom of the name (a hash and a table lookup) on every call, and the
/// stages ask every element of a page; this compares the names of the few attributes the element has.
pub fn attr<'a>(element: &'a scraper::node::Element, name: &str) -> Option<&'a str> {
    element
        .attrs
        .iter()
        .find(|(key, _)| key.ns.is_empty() && &*key.local == name)
        .map(|(_, value)| &**value)
}

/// Whether an element never holds article text (see [`Class::Hidden`] and [`Class::Code`]).
pub fn is_hidden(name: &str) -> bool {
    matches!(class(name), Class::Hidden | Class::Code)
}

/// Whether a `class` attribute holds a name that CSS frameworks use to hide an element (`hide`, `hidden`, `d-none`,
/// and the screen-reader-only text of `sr-only`, `visually-hidden`, Drupal's `element-invisible`).
pub fn is_hidden_class(class: &str) -> bool {
    class.split_ascii_whitespace().any(|token| {
        [
            "hide",
            "hidden",
            "d-none",
            "is-hidden",
            "visually-hidden",
            "visuallyhidden",
            "sr-only",
            "screen-reader-text",
            "element-invisible",
        ]
        .iter()
        .any(|h| token.eq_ignore_ascii_case(h))
    })
}

/// Whether an element is a heading, `<h1>` to `<h6>`.
pub fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Whether `node` is a heading or holds one.
pub fn holds_heading(node: NodeRef<'_, Node>) -> bool {
    node.descendants()
        .any(|d| d.value().as_element().is_some_and(|e| is_heading(e.name())))
}

/// Whether a link's `href` runs a script instead of leading anywhere (`javascript:…`, the scheme in any case).
pub fn runs_script(href: &str) -> bool {
    href.trim()
        .get(..11)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("javascript:"))
}

/// Whether an element flows inside a line (see [`Class::Inline`]).
pub fn is_inline(name: &str) -> bool {
    class(name) == Class::Inline
}

/// Walks the subtree of `root` in document order without recursion. `visit` returns whether to walk a node's
/// children.
pub fn walk<'a>(root: NodeRef<'a, Node>, mut visit: impl FnMut(NodeRef<'a, Node>) -> bool) {
    walk_with_close(root, |step| match step {
        Step::Open(node) => visit(node),
        Step::Close(_) => true,
    });
}

/// A step of [`walk_with_close`].
pub enum Step<'a> {
    /// A node is reached; return whether to walk its children.
    Open(NodeRef<'a, Node>),
    /// The children of a node whose `Open` returned true are done.
    Close(NodeRef<'a, Node>),
}

/// Like [`walk`], and also reports the end of every node whose children were walked.
pub fn walk_with_close<'a>(root: NodeRef<'a, Node>, mut visit: impl FnMut(Step<'a>) -> bool) {
    let mut node = root;
    loop {
        if visit(Step::Open(node)) {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            visit(Step::Close(node));
        }
        loop {
            if node.id() == root.id() {
                return;
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) => {
                    node = parent;
                    visit(Step::Close(node));
                }
                None => return,
            }
        }
    }
}

/// The text of a node's subtree, every run of white space as one space, none at either end.
pub fn normalized_text(node: NodeRef<'_, Node>) -> String {
    let mut text = String::new();
    for d in node.descendants() {
        if let Some(t) = d.value().as_text() {
            text.push_str(t);
            text.push(' ');
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `inner` lies inside `outer` (a strict descendant of it), in the tree `node` belongs to.
pub fn is_inside(node: NodeRef<'_, Node>, inner: NodeId, outer: NodeId) -> bool {
    node.tree()
        .get(inner)
        .is_some_and(|node| node.ancestors().any(|a| a.id() == outer))
}

/// The position of a node in its tree's storage, for per-node tables. ego-tree keeps it private but hashes it as
/// a single `usize` (one more than the index); the test below pins that down.
pub fn index(id: NodeId) -> usize {
    let mut hasher = IndexHasher(0);
    id.hash(&mut hasher);
    hasher.0.saturating_sub(1)
}

/// A hasher that keeps the last `usize` written to it.
struct IndexHasher(usize);

impl Hasher for IndexHasher {
    fn finish(&self) -> u64 {
        self.0 as u64
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.wrapping_mul(31).wrapping_add(usize::from(*b));
        }
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = n;
    }
}

/// A set of nodes of one tree, as a bit per node.
#[derive(Debug, Default, Clone)]
pub struct NodeSet {
    bits: Vec<u64>,
}

impl NodeSet {
    /// An empty set for a tree of `len` nodes (it grows when needed).
    pub fn with_len(len: usize) -> Self {
        NodeSet {
            bits: vec![0; len.div_ceil(64)],
        }
    }

    /// Adds a node.
    pub fn insert(&mut self, id: NodeId) {
        let i = index(id);
        if i / 64 >= self.bits.len() {
            self.bits.resize(i / 64 + 1, 0);
        }
        self.bits[i / 64] |= 1 << (i % 64);
    }

    /// Whether the node is in the set.
    pub fn contains(&self, id: NodeId) -> bool {
        let i = index(id);
        self.bits
            .get(i / 64)
            .is_some_and(|word| word & (1 << (i % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn the_tags_the_old_copies_disagreed_on_are_settled() {
        assert_eq!(class("legend"), Class::Block);
        assert_eq!(class("search"), Class::Block);
        assert_eq!(class("dialog"), Class::Hidden);
        assert!(is_hidden("dialog") && is_hidden("script"));
        assert_eq!(class("svg"), Class::Code);
        assert!(is_inline("cite") && !is_block("cite"));
        assert_eq!(class("my-widget"), Class::Other);
    }

    #[test]
    fn index_follows_tree_storage_order() {
        let html = Html::parse_document("<p>a<b>b</b></p><div>c</div>");
        for (i, node) in html.tree.nodes().enumerate() {
            assert_eq!(index(node.id()), i);
        }
    }

    #[test]
    fn node_set_holds_its_members() {
        let html = Html::parse_document("<p>a</p><p>b</p>");
        let ids: Vec<NodeId> = html.tree.nodes().map(|n| n.id()).collect();
        let mut set = NodeSet::with_len(1);
        set.insert(ids[3]);
        assert!(set.contains(ids[3]));
        assert!(!set.contains(ids[2]));
    }

    #[test]
    fn attr_answers_as_scraper_does() {
        let html = Html::parse_document(
            "<p ID=a xml:lang=de data-x=1>t</p><svg><a xlink:href=/x href=/y></a></svg>",
        );
        for node in html.tree.nodes() {
            if let Some(element) = node.value().as_element() {
                for name in ["id", "xml:lang", "data-x", "href", "lang", "class"] {
                    assert_eq!(attr(element, name), element.attr(name), "{name}");
                }
            }
        }
    }
}
