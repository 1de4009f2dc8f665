//! Controls of the page inside the article: a small box around a button or a script link (report an error, rate the
//! story, register or log in to read on), told by its controls, not its words, so in any language.

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use crate::dom::{self, is_block, walk, NodeSet};

use super::ending::Measure;
use super::reason::Reason;

/// A box around a control holds at most this many characters: a label and a line or two on what the control does
/// ("［有料会員限定］ この記事は会員限定です。…" over its register and log-in links, "19.509 signatures / Signez avec
/// votre email", "Escuchá este artículo / Leído por …"), as an appeal under the article is at most
/// `ending::APPEAL_MAX_CHARS`; the article's own text around a control runs longer.
const WIDGET_MAX_CHARS: u32 = 300;

/// A box around a control holds at most one part in this many of its root's text: on a page whose article is a few
/// lines, the box may be the article itself (as `ending::PAYMENT_BOX_ROOT_PARTS` bounds a payment box).
const WIDGET_ROOT_PARTS: u32 = 4;

/// The boxes of the article around a control (see [`controls`]): for each control outside a quotation, the largest
/// block around it inside `root` of at most [`WIDGET_MAX_CHARS`] characters and one part in [`WIDGET_ROOT_PARTS`] of
/// the root's text, holding no paragraph of prose (`is_prose`), heading, preformatted text, table or picture: a lead
/// with a button to listen to it, a section under its heading, a code block's copy button, a table's sort button
/// and a gallery's arrows sit beside the article's own content. A reader acts on such a box, the page says nothing
/// in it: register or log in to read on, report an error, rate the story, sign a petition, play a video. What the
/// controls are tells it in any language; Readability's `_cleanConditionally` likewise drops a block with more form
/// inputs than a third of its paragraphs. A control that stands in a row of controls ([`in_row_of_controls`]) asks
/// the reader to choose, and its box may hold prose and a heading: a question and its answers (a blocked embed's
/// notice over "Load content" / "Always allow", a sign-up pitch over its address field and button), unless it opens
/// its root, is a list's item or one of like items ([`is_question_box`]). It can be wrong on a short item of the
/// article's own that holds a control and no sentence of 80 characters (an answer of a few words under a quiz's
/// button, a standfirst shorter than a sentence of prose beside a "Listen" button), or a short section of it, a
/// heading and a paragraph between its other paragraphs, that ends in a row of buttons ("Save" / "Print").
pub(crate) fn control_boxes(
    root: NodeRef<'_, Node>,
    measure: Measure<'_>,
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
) -> Vec<(NodeId, Reason)> {
    let root_text = measure(root.id()).0;
    let mut boxes: Vec<(NodeId, Reason)> = Vec::new();
    for control in controls(root) {
        if control.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| e.name() == "blockquote")
        }) {
            continue;
        }
        // A question and its answers: a row of controls asks the reader to choose.
        let choice = in_row_of_controls(control);
        let mut found = None;
        for ancestor in control.ancestors() {
            if ancestor.id() == root.id() {
                break;
            }
            // The control's own wrapper may be left out already (a hidden button bar, a link list of two
            // buttons); the box is around it.
            if skip.contains(ancestor.id()) {
                continue;
            }
            let Some(element) = ancestor.value().as_element() else {
                break;
            };
            let text = measure(ancestor.id()).0;
            // A heading that holds the controls is the article's own (a recipe's "Ingredients" over its servings
            // buttons): the box may hold a heading beside its controls, never around them.
            if dom::is_heading(element.name())
                || text > WIDGET_MAX_CHARS
                || text.saturating_mul(WIDGET_ROOT_PARTS) > root_text
                || holds_content_beside_controls(ancestor)
            {
                break;
            }
            // Prose or a heading beside the controls is the article's, unless the box is a question (see
            // [`is_question_box`]).
            let says_something = holds_heading(ancestor) || holds_prose(ancestor, is_prose, skip);
            if says_something
                && !(choice && is_question_box(ancestor, root, measure, is_prose, skip))
            {
                break;
            }
            if is_block(element.name()) && text > 0 {
                found = Some(ancestor.id());
            }
        }
        if let Some(id) = found {
            if !boxes.iter().any(|(b, _)| *b == id) {
                boxes.push((id, Reason::Widget));
            }
        }
    }
    // A box found from one control may hold the box found from another: keep the outer one.
    keep_outermost(root, &mut boxes);
    boxes
}

/// Keeps the boxes that no other box of the list holds: a box found around one mark (a control, an address) may
/// hold the box found around another, and the outer one says what the whole is.
pub(crate) fn keep_outermost(root: NodeRef<'_, Node>, boxes: &mut Vec<(NodeId, Reason)>) {
    let inner: Vec<NodeId> = boxes
        .iter()
        .filter(|(id, _)| {
            boxes.iter().any(|(other, _)| {
                other != id
                    && root
                        .tree()
                        .get(*id)
                        .is_some_and(|n| n.ancestors().any(|a| a.id() == *other))
            })
        })
        .map(|(id, _)| *id)
        .collect();
    boxes.retain(|(id, _)| !inner.contains(id));
}

/// The controls inside `root`, in document order (see [`is_control`]), those inside blocks already left out too (a
/// button bar hidden on this screen size, a pair of sign-up links dropped as a link list): form controls are never
/// content, so left out already, but they still say what the box around them is. A script link inside a paragraph
/// ([`in_paragraph`]) and an accordion's or a tab's title ([`is_titled_toggle`]) are not controls, unless the title
/// stands beside a real control ([`in_row_of_controls`]).
fn controls<'a>(root: NodeRef<'a, Node>) -> Vec<NodeRef<'a, Node>> {
    let mut found = Vec::new();
    walk(root, |n| {
        let Some(element) = n.value().as_element() else {
            return false;
        };
        if is_control(element)
            && !in_paragraph(n)
            && (!is_titled_toggle(n) || in_row_of_controls(n))
        {
            found.push(n);
            return false;
        }
        true
    });
    found
}

/// Whether a node is a titled toggle: a link to a bare `#` with text, the title of an accordion's item or a tab,
/// which a script opens to show the content under it, not a button (a star of a rating, an icon) that acts on the
/// page.
fn is_titled_toggle(node: NodeRef<'_, Node>) -> bool {
    node.value().as_element().is_some_and(is_bare_link)
        && node
            .descendants()
            .any(|d| d.value().as_text().is_some_and(|t| !t.trim().is_empty()))
}

/// Whether an element is a link to a bare `#`, which scripts use for buttons and for the titles of tabs alike.
fn is_bare_link(element: &scraper::node::Element) -> bool {
    element.name() == "a" && dom::attr(element, "href").is_some_and(|h| h.trim() == "#")
}

/// Whether the element next to a control, before or after it (white space between passed over), is a real control:
/// a row of buttons side by side, such as the `Yes` / `No` of "was this article helpful?" written as a `#` link
/// beside a button. A link to a bare `#` is no real control here ([`is_bare_link`]): `#` links side by side are as
/// often a tab list's titles. An accordion's title is followed by the
/// panel it opens (0873's modules: `<li><a href="#">Grundmodul</a><div>…`), a tab's title stands alone in its list
/// item. Only the two neighbours are read.
fn in_row_of_controls(node: NodeRef<'_, Node>) -> bool {
    let is_real_control = |n: Option<NodeRef<'_, Node>>| {
        n.and_then(|n| {
            n.value()
                .as_element()
                .map(|e| is_control(e) && !is_bare_link(e))
        })
        .unwrap_or(false)
    };
    is_real_control(next_element(node, |n| n.next_sibling()))
        || is_real_control(next_element(node, |n| n.prev_sibling()))
}

/// The nearest sibling of `node` in one direction (`step`) that is an element, passing over white space and comments;
/// `None` at text or at the end.
fn next_element<'a>(
    node: NodeRef<'a, Node>,
    step: impl Fn(NodeRef<'a, Node>) -> Option<NodeRef<'a, Node>>,
) -> Option<NodeRef<'a, Node>> {
    let mut at = step(node);
    while let Some(n) = at {
        match n.value() {
            Node::Element(_) => return Some(n),
            Node::Text(text) if !text.trim().is_empty() => return None,
            _ => at = step(n),
        }
    }
    None
}

/// Whether a node sits in a paragraph (`<p>`): a script link there is a word of the text that a script explains (a
/// dictionary's entry, a footnote's popup), not a control.
fn in_paragraph(node: NodeRef<'_, Node>) -> bool {
    node.ancestors()
        .filter_map(|a| a.value().as_element())
        .find(|e| is_block(e.name()))
        .is_some_and(|e| e.name() == "p")
}

/// Whether an element is a control a reader acts on: a form control other than a hidden input, a checkbox or a radio
/// button (a recipe's ingredients and a to-do list tick their items), a link that leads nowhere but runs a script
/// (`href="javascript:…"`, or a bare `#`, which scripts use for buttons), or any element whose ARIA role says it is a
/// button (`<span role="button" tabindex="0">Yes</span>`: the role is what a screen reader announces, in any
/// language).
fn is_control(element: &scraper::node::Element) -> bool {
    if dom::attr(element, "role").is_some_and(|r| r.trim().eq_ignore_ascii_case("button")) {
        return true;
    }
    match element.name() {
        "button" | "select" | "textarea" => true,
        "input" => !dom::attr(element, "type").is_some_and(|t| {
            ["hidden", "checkbox", "radio"]
                .iter()
                .any(|kind| t.trim().eq_ignore_ascii_case(kind))
        }),
        "a" => dom::attr(element, "href").is_some_and(|href| {
            let href = href.trim();
            href == "#" || dom::runs_script(href)
        }),
        _ => false,
    }
}

/// Whether a block holds a paragraph of prose (`is_prose`: a sentence or more, not links), what `skip` drops left
/// out: a lead with a button to listen to the story beside it is the article's, whatever box holds both.
fn holds_prose(
    block: NodeRef<'_, Node>,
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
) -> bool {
    let mut found = false;
    walk(block, |n| {
        if found || skip.contains(n.id()) || n.value().as_element().is_none() {
            return false;
        }
        found = is_prose(n.id());
        !found
    });
    found
}

/// Whether a block holds content that a control may sit beside without being its box: preformatted text (a code
/// block's copy button), a table (a sort button), a figure or a picture (a gallery's arrows, a zoom button).
fn holds_content_beside_controls(block: NodeRef<'_, Node>) -> bool {
    block.descendants().any(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "pre" | "table" | "figure" | "img" | "picture"))
    })
}

/// Whether a block holds a heading: a section's own button sits beside it, unless the box is a question's
/// ([`is_question_box`]), whose heading is part of it.
fn holds_heading(block: NodeRef<'_, Node>) -> bool {
    block.descendants().any(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| dom::is_heading(e.name()))
    })
}

/// Whether a box around a row of controls ([`in_row_of_controls`]) that holds prose or a heading is a question put
/// to the reader (a blocked embed's notice over "Load content" / "Always allow", a sign-up pitch over its field and
/// button), not the article's own text beside its buttons. It is not when it opens its root, with no paragraph of
/// prose before it ([`follows_prose`]): a headline and a standfirst over "Listen" / "Share" side by side; a notice
/// stands between the article's paragraphs or after them. Nor when it is one of a run of like items
/// ([`is_repeated_item`]): a roundup's products over "Buy" / "Compare", a quiz's questions over their answers; a
/// page asks such a question once. Nor in a list's item (`li`, `dd`): a how-to's step over "Done" / "Skip" is one
/// of the steps the article lists. It can still be wrong on a single short section of the article, a heading and
/// a paragraph between its other paragraphs, that ends in a row of buttons ("Save" / "Print").
fn is_question_box(
    block: NodeRef<'_, Node>,
    root: NodeRef<'_, Node>,
    measure: Measure<'_>,
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
) -> bool {
    let in_list_item = std::iter::once(block)
        .chain(block.ancestors())
        .take_while(|a| a.id() != root.id())
        .any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "li" | "dd"))
        });
    !in_list_item && follows_prose(block, root, is_prose, skip) && !is_repeated_item(block, measure)
}

/// Whether a paragraph of prose (`is_prose`, what `skip` drops left out) comes before `block` inside `root`: the
/// siblings before it, nearest first, and then those before each of its ancestors up to the root.
fn follows_prose(
    block: NodeRef<'_, Node>,
    root: NodeRef<'_, Node>,
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
) -> bool {
    for at in std::iter::once(block).chain(block.ancestors()) {
        if at.id() == root.id() {
            break;
        }
        if at
            .prev_siblings()
            .any(|s| !skip.contains(s.id()) && holds_prose(s, is_prose, skip))
        {
            return true;
        }
    }
    false
}

/// Whether a sibling of `block` of the same element name and at most [`WIDGET_MAX_CHARS`] characters holds a row of
/// controls too: the items of a list the article gives (products, a quiz's questions), not one question.
fn is_repeated_item(block: NodeRef<'_, Node>, measure: Measure<'_>) -> bool {
    let Some(name) = block.value().as_element().map(|e| e.name()) else {
        return false;
    };
    let Some(parent) = block.parent() else {
        return false;
    };
    parent.children().any(|s| {
        s.id() != block.id()
            && s.value().as_element().is_some_and(|e| e.name() == name)
            && measure(s.id()).0 <= WIDGET_MAX_CHARS
            && s.descendants()
                .any(|d| d.value().as_element().is_some_and(is_control) && in_row_of_controls(d))
    })
}
