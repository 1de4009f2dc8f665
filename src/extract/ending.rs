//! The end of the article: what editors add under a story that is not the story (appeals to follow, subscribe or
//! install an app; a list of other stories), found by where it sits and where it leads, in any language.

use std::cell::OnceCell;

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

use crate::dom::{self, is_block, walk, NodeSet};
use crate::metadata::site::registrable;

use super::density::{MIN_PARAGRAPH, PARAGRAPH_LINK_PARTS, SENTENCE_ENDS};
use super::reason::Reason;

/// A paragraph at the end of the article is an appeal when it has at most this many characters: "Follow us on …",
/// "Subscribe for the full story", "Sign up here", a two-sentence disclosure; longer, and it is the article's own
/// closing paragraph, however it is set.
const APPEAL_MAX_CHARS: u32 = 300;

/// A paragraph at the end of the article that is set apart (all of it in italics or bold, see [`is_set_apart`]) is
/// an appeal up to this many characters: the author's bio that closes a column ("Jane Doe is the founder of …,
/// follow her on …, email: …") runs to three or four sentences, and the editor sets it apart from the article all
/// the same; Readability's `charThreshold` (500), the text it counts as an article of its own.
const SET_APART_MAX_CHARS: u32 = 500;

/// At most this many blocks at the end of the article are looked at as appeals or lists of other stories.
const APPEAL_MAX_RUN: usize = 3;

/// The fewest items of a list of other stories: two could be the article's pair of sources, three is a list (the
/// fewest blocks that make a run of teasers, as `teasers::MIN_RUN` counts them).
const STORY_LIST_MIN_ITEMS: usize = 3;

/// The text of a block's kept subtree and the part of it in links, in characters that are not whitespace (what
/// `stats::Stats` measured).
pub(crate) type Measure<'m> = &'m dyn Fn(NodeId) -> (u32, u32);

/// An item of a list of other stories is at most this many characters: a headline (up to about a hundred) with a
/// few words around its link ("Torn between phones? Check out our buying guide"); an item of the article's own
/// list that says more is text of its own.
const STORY_ITEM_MAX_CHARS: u32 = 200;

/// The blocks at the end of the article (`root`, its last container; `roots`, all of them) that are not the
/// article, with the reason to drop each: appeals (see [`is_appeal`]) and a list of other stories (see
/// [`is_story_list`]). The run is read from the last block up, [`APPEAL_MAX_RUN`] blocks at most, and stops at the
/// first block that is neither. A block is a `<p>`, a list (`<ul>`, `<ol>`), or a block of inline content only
/// (see [`is_inline_paragraph`]) of [`MIN_PARAGRAPH`] characters or more: a shorter one is a label
/// ("Advertisement", "Related topics") and neither an appeal nor the article's end. Issue 12's "appeals
/// (subscribe/donate) as plain `<p>` inside the article" and "partly linked More stories lists after the article".
pub(crate) fn trailing_furniture(
    site: &PageSite<'_>,
    root: NodeRef<'_, Node>,
    measure: Measure<'_>,
    skip: &NodeSet,
) -> Vec<(NodeId, Reason)> {
    let blocks = blocks(root, measure, skip);
    let mut found = Vec::new();
    for block in blocks.into_iter().rev().take(APPEAL_MAX_RUN) {
        let reason = if is_list(block) {
            is_story_list(block, measure, skip).then_some(Reason::Teasers)
        } else {
            is_appeal(block, measure, skip, site.get()).then_some(Reason::Appeal)
        };
        match reason {
            Some(reason) => found.push((block.id(), reason)),
            None => break,
        }
    }
    found
}

/// The disclosure that opens the article, if it has one: its first block (see [`trailing_furniture`] for what a
/// block is) when that is a paragraph of at most [`APPEAL_MAX_CHARS`] characters, all of it in italics (see
/// [`is_set_apart`]), outside a quotation (an epigraph), with a link off the page ("*This post contains affiliate
/// links. See our <a>policy</a>.*", "*Werbung für <a>…</a>*"). Editors set the notes they put above a story that
/// way, in any language, and point to the policy or the sponsor; a lead set in bold is the article's own first
/// paragraph, so bold does not count here.
pub(crate) fn leading_disclosure(
    root: NodeRef<'_, Node>,
    measure: Measure<'_>,
    skip: &NodeSet,
) -> Option<(NodeId, Reason)> {
    let first = blocks(root, measure, skip).into_iter().next()?;
    let disclosure = !is_list(first)
        && measure(first.id()).0 <= APPEAL_MAX_CHARS
        && !is_quoted(first)
        && !link_targets(first, skip).is_empty()
        && is_set_apart(first, skip, ITALICS);
    disclosure.then_some((first.id(), Reason::Appeal))
}

/// A rule line is at least this many marks: "___", "* * *", "---"; one or two are punctuation of a line.
const RULE_MIN_MARKS: usize = 3;

/// A rule line is at most this many characters: a row of underscores or dashes as wide as the column, as a printed
/// line is; more text is no rule.
const RULE_MAX_CHARS: u32 = 80;

/// The marks a rule line is made of, one or more of each, white space between them or not.
const RULE_MARKS: &[char] = &[
    '_', '-', '\u{2013}', '\u{2014}', '*', '=', '~', '\u{2022}', '\u{00b7}',
];

/// The postscript under the article: the last rule line of `root` (a block whose whole text is [`RULE_MIN_MARKS`]
/// or more of [`RULE_MARKS`] and nothing else: "___", "* * *", "------") and everything after it up to the end of
/// `root`, when what follows is at most [`APPEAL_MAX_CHARS`] characters, holds no heading, and at least
/// [`SET_APART_MAX_CHARS`] characters of the article stand before the rule. Editors draw a rule under the story and
/// set their notes under it: a link to the rest of their coverage ("Follow our full coverage of … at …"), the
/// writer's line ("Jane Doe is our deals editor"), a disclaimer; wire stories and blogs do it in any language, and
/// the rule and its position say it, not the words. A section of the article under a rule runs on longer, or opens
/// with its heading. It can be wrong on an essay whose last section is one short paragraph under "* * *".
pub(crate) fn postscript(
    root: NodeRef<'_, Node>,
    measure: Measure<'_>,
    skip: &NodeSet,
) -> Vec<(NodeId, Reason)> {
    let mut rule = None;
    walk(root, |n| {
        let Some(element) = n.value().as_element() else {
            return false;
        };
        if skip.contains(n.id()) {
            return false;
        }
        if n.id() != root.id() && is_block(element.name()) {
            let text = measure(n.id()).0;
            if (RULE_MIN_MARKS as u32..=RULE_MAX_CHARS).contains(&text)
                && is_rule_line(&super::byline::text_of(n, skip))
            {
                rule = Some(n);
                return false;
            }
        }
        true
    });
    let Some(rule) = rule else {
        return Vec::new();
    };
    let mut found = vec![(rule.id(), Reason::Appeal)];
    let mut chars = 0u32;
    for at in std::iter::once(rule)
        .chain(rule.ancestors())
        .take_while(|a| a.id() != root.id())
    {
        for sibling in at.next_siblings() {
            match sibling.value() {
                // Text outside any element can't be left out alone: the notes are not set apart.
                Node::Text(text) if !text.trim().is_empty() => return Vec::new(),
                Node::Element(_) if !skip.contains(sibling.id()) => {
                    let text = measure(sibling.id()).0;
                    if text == 0 {
                        continue;
                    }
                    if std::iter::once(sibling)
                        .chain(sibling.descendants())
                        .any(|d| {
                            d.value()
                                .as_element()
                                .is_some_and(|e| dom::is_heading(e.name()))
                        })
                    {
                        return Vec::new();
                    }
                    chars += text;
                    found.push((sibling.id(), Reason::Appeal));
                }
                _ => {}
            }
        }
    }
    let before = measure(root.id())
        .0
        .saturating_sub(chars + measure(rule.id()).0);
    if chars == 0 || chars > APPEAL_MAX_CHARS || before < SET_APART_MAX_CHARS {
        return Vec::new();
    }
    found
}

/// Whether a line's text is a rule: [`RULE_MIN_MARKS`] or more of [`RULE_MARKS`], white space between them or not,
/// and nothing else.
fn is_rule_line(text: &str) -> bool {
    let mut marks = 0;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if !RULE_MARKS.contains(&c) {
            return false;
        }
        marks += 1;
    }
    marks >= RULE_MIN_MARKS
}

/// The short blocks of the article that link to a page to subscribe or to donate on (see [`asks_for_payment`]):
/// a paragraph of at most [`APPEAL_MAX_CHARS`] characters outside a quotation, anywhere in `root` ("Subscribe to
/// WIRED and stay smart …" between two paragraphs, "Die aktuelle Ausgabe … im Abo" under the story). Where the link
/// leads says what the block is in any language: the article's own sentences cite sources, not the site's
/// checkout.
pub(crate) fn payment_appeals(
    root: NodeRef<'_, Node>,
    measure: Measure<'_>,
    skip: &NodeSet,
) -> Vec<(NodeId, Reason)> {
    blocks(root, measure, skip)
        .into_iter()
        .filter(|block| {
            let (text, links) = measure(block.id());
            !is_list(*block)
                && links > 0
                && text <= APPEAL_MAX_CHARS
                && !is_quoted(*block)
                && link_targets(*block, skip)
                    .iter()
                    .any(|href| asks_for_payment(href))
        })
        .map(|block| (block.id(), Reason::Appeal))
        .collect()
}

/// The label of a label line (see [`label_lines`]) has at most this many words: "Filed under", "Related Roundup",
/// "Tags", "Mehr zum Thema"; more words before a colon are a sentence that introduces its link.
const LABEL_MAX_WORDS: usize = 3;

/// A label line (see [`label_lines`]) has at most this many characters: a label and a few names of sections or
/// tags; a longer line lists more than a page's filing.
const LABEL_LINE_MAX_CHARS: u32 = 120;

/// The label lines of the article: a paragraph (a `<p>` or a div of inline content) outside a quotation, of at
/// most [`LABEL_LINE_MAX_CHARS`] characters, that is a label of at most [`LABEL_MAX_WORDS`] words ending in a colon
/// followed by links only (separators between them), every one of which leads within the site (a relative link, or
/// one to the site's own domain: see [`Site`]). "Filed under: <a>Politics</a> |", "Related Roundup: <a>MacBook
/// Pro</a>": the page's filing in the site's sections and tags, in any language, which the link density alone keeps
/// when the label is as long as the names. A label before a link off the site ("Source: <a>Reuters</a>",
/// "Homepage: …") names the article's source and stays.
pub(crate) fn label_lines(
    site: &PageSite<'_>,
    measure: Measure<'_>,
    skip: &NodeSet,
) -> Vec<(NodeId, Reason)> {
    let mut found = Vec::new();
    for root in site.roots.iter().filter_map(|id| site.html.tree.get(*id)) {
        walk(root, |n| {
            let Some(element) = n.value().as_element() else {
                return false;
            };
            if skip.contains(n.id()) {
                return false;
            }
            let paragraph =
                element.name() == "p" || (n.id() != root.id() && is_inline_paragraph(n));
            if !paragraph {
                return true;
            }
            let (text, links) = measure(n.id());
            if links > 0 && text <= LABEL_LINE_MAX_CHARS && !is_quoted(n) {
                if let Some(targets) = labelled_links(n, skip) {
                    if targets.iter().all(|href| site.get().holds(href)) {
                        found.push((n.id(), Reason::LinkDense));
                    }
                }
            }
            false
        });
    }
    found
}

/// The link targets of a paragraph that is a label and links (see [`label_lines`]): text before the first link of
/// 1 to [`LABEL_MAX_WORDS`] words ending in a colon, and no letter or digit outside the links after it. `None` for
/// any other paragraph.
fn labelled_links<'a>(p: NodeRef<'a, Node>, skip: &NodeSet) -> Option<Vec<&'a str>> {
    let mut label = String::new();
    let mut targets = Vec::new();
    let mut other = false;
    walk(p, |n| {
        if other || skip.contains(n.id()) {
            return false;
        }
        match n.value() {
            Node::Element(e) if e.name() == "a" => {
                match dom::attr(e, "href").map(str::trim) {
                    Some(href) => targets.push(href),
                    None => other = true,
                }
                false
            }
            Node::Element(_) => true,
            Node::Text(t) if targets.is_empty() => {
                label.push_str(t);
                false
            }
            Node::Text(t) => {
                other |= t.chars().any(char::is_alphanumeric);
                false
            }
            _ => false,
        }
    });
    let label = label.trim();
    let words = label.split_whitespace().count();
    let labelled = label.ends_with(':') && (1..=LABEL_MAX_WORDS).contains(&words);
    (labelled && !other && !targets.is_empty()).then_some(targets)
}

/// A box of the article around a link to a page to subscribe or to donate on (see [`asks_for_payment`]) holds at
/// most this many characters: a heading, a sentence or two of pitch and a button ("A Small Request" / "If
/// this story was useful to you, we have an offer for you: Become … Interested?" / "Join"), sometimes the same pitch
/// twice for the desktop and the mobile layout; Readability's `charThreshold` (500) and a half again for the
/// second copy. The article's own text around such a link runs longer.
pub(crate) const PAYMENT_BOX_MAX_CHARS: u32 = 750;

/// The paragraph that holds a link to a payment page in such a box has at most this many characters: a pitch of a
/// sentence or three ("If this story was useful to you, we have an offer for you: Become …, members receive …"); a
/// longer paragraph is the article's own text that cites the page (a story on an appeal for donations), as
/// Readability's `charThreshold` (500) counts text that stands as an article of its own.
const PAYMENT_PARAGRAPH_MAX_CHARS: u32 = SET_APART_MAX_CHARS;

/// A box around a link to a payment page holds at most one part in this many of its root's text: on a page whose
/// article is a few lines, a box of a few lines may be the article itself (a short item whose last line asks to
/// subscribe), and only the paragraph with the link goes (see [`payment_appeals`]).
const PAYMENT_BOX_ROOT_PARTS: u32 = 4;

/// The boxes of the article that hold a link to a page to subscribe or to donate on (see [`asks_for_payment`]) and
/// little else: for each such link outside a quotation, the largest block around it inside `root` of at most
/// [`PAYMENT_BOX_MAX_CHARS`] characters and one part in [`PAYMENT_BOX_ROOT_PARTS`] of the root's text. A site's
/// pitch to subscribe comes as a box of a heading, a paragraph or two and a button that leads to the checkout, with
/// no class word that names it (`nrplus-cta`); where the button leads says what the box is, in any language. A link
/// inside a paragraph longer than a pitch ([`PAYMENT_PARAGRAPH_MAX_CHARS`]) cites the page, and its paragraph stays;
/// a link that stands as the box's own line (a button after the pitch's paragraphs) is in no paragraph: its nearest
/// block holds blocks ([`holds_block`]).
pub(crate) fn payment_boxes(
    root: NodeRef<'_, Node>,
    measure: Measure<'_>,
    skip: &NodeSet,
) -> Vec<(NodeId, Reason)> {
    let root_text = measure(root.id()).0;
    let mut boxes: Vec<(NodeId, Reason)> = Vec::new();
    for href_node in link_nodes(root, skip) {
        let Some(href) = href_node
            .value()
            .as_element()
            .and_then(|e| dom::attr(e, "href"))
        else {
            continue;
        };
        if !asks_for_payment(href) || is_quoted(href_node) {
            continue;
        }
        let mut found = None;
        for ancestor in href_node.ancestors() {
            if ancestor.id() == root.id() {
                break;
            }
            let text = measure(ancestor.id()).0;
            let block = ancestor
                .value()
                .as_element()
                .is_some_and(|e| is_block(e.name()));
            // The link's own paragraph is a pitch's: in a longer one it cites the page. A block of blocks is the
            // box the link stands in as a line of its own, no paragraph.
            if block
                && found.is_none()
                && text > PAYMENT_PARAGRAPH_MAX_CHARS
                && !holds_block(ancestor)
            {
                break;
            }
            if text > PAYMENT_BOX_MAX_CHARS
                || text.saturating_mul(PAYMENT_BOX_ROOT_PARTS) > root_text
            {
                break;
            }
            if block {
                found = Some(ancestor.id());
            }
        }
        if let Some(id) = found {
            if !boxes.iter().any(|(b, _)| *b == id) {
                boxes.push((id, Reason::Appeal));
            }
        }
    }
    boxes
}

/// The label of a button that closes a pitch has at most this many words: "Support us", "Donate now", "Become a
/// member", "Subscribe for $1", "Jetzt unterstützen"; a link of more words is a headline or a sentence.
const BUTTON_MAX_WORDS: usize = 4;

/// The title line of a pitch box that is no heading element has at most this many words ("Support independent
/// journalism", "Unabhängigen Journalismus unterstützen", "Before you go"), as a headline does; it ends with no
/// sentence's end.
const TITLE_MAX_WORDS: usize = 9;

/// A path segment of at most this many words, with no digit, names a page of the site (`/membership`,
/// `/jetzt-mitglied-werden`, `/support`): a story's address carries a date, a number or the words of its headline.
const SITE_PAGE_MAX_WORDS: usize = 3;

/// The boxes of the article that pitch something to the reader and close on a button to a page that is no story: a
/// block that opens with a heading or a short line that is no sentence, then one paragraph or more, and ends on a
/// lone link of at most [`BUTTON_MAX_WORDS`] words (its own line, nothing after it in the box) whose address names a
/// page, not a story (see [`names_site_page`]), on the site or off it; at most [`PAYMENT_BOX_MAX_CHARS`] characters
/// and one part in [`PAYMENT_BOX_ROOT_PARTS`] of its root's text, outside a quotation and a list's item. A site's
/// appeal to support it, become a member or subscribe is built that way whatever its words ("We need your help" / a
/// pitch / "Become a member"), and its button leads to one of the site's pages or to the checkout of the service
/// that takes the payments, on that service's domain (`pay.example-billing.com/plans`): the shape says what the box
/// is, where the button leads does not, so the domain is not read. The article's own sections cite sources inside
/// their sentences, and a box of the article does not end on a lone button to a page. A button that opens in a new
/// window or that the site vouches not for (see [`leaves_site`]) is a download or a partner's page, and its box
/// stays. It can be wrong on a fact box of the article that ends on a link to a section of a site ("All
/// exhibitions", "Tickets").
pub(crate) fn pitch_boxes(
    root: NodeRef<'_, Node>,
    measure: Measure<'_>,
    skip: &NodeSet,
) -> Vec<(NodeId, Reason)> {
    let root_text = measure(root.id()).0;
    let mut boxes: Vec<(NodeId, Reason)> = Vec::new();
    for link in root.descendants() {
        let Some(element) = link.value().as_element().filter(|e| e.name() == "a") else {
            continue;
        };
        let Some(href) = dom::attr(element, "href") else {
            continue;
        };
        if leaves_site(element) {
            continue;
        }
        let label = dom::normalized_text(link);
        let words = label.split_whitespace().count();
        if words == 0 || words > BUTTON_MAX_WORDS || !names_site_page(href) {
            continue;
        }
        // The button's own line: the wrappers around the link that hold nothing else.
        let mut line = link;
        while let Some(parent) = line.parent().filter(|p| p.id() != root.id()) {
            if dom::normalized_text(parent) != label {
                break;
            }
            line = parent;
        }
        let Some(pitch) = line.parent().filter(|p| p.id() != root.id()) else {
            continue;
        };
        if !is_pitch_box(pitch, line, measure, skip)
            || closes_like_a_sibling(pitch)
            || is_quoted(pitch)
            || measure(pitch.id()).0 > PAYMENT_BOX_MAX_CHARS
            || measure(pitch.id()).0.saturating_mul(PAYMENT_BOX_ROOT_PARTS) > root_text
            || in_list_item(pitch, root)
            || std::iter::once(pitch)
                .chain(pitch.ancestors())
                .any(|a| skip.contains(a.id()))
        {
            continue;
        }
        if !boxes.iter().any(|(b, _)| *b == pitch.id()) {
            boxes.push((pitch.id(), Reason::Appeal));
        }
    }
    keep_outermost(root, &mut boxes);
    boxes
}

/// Whether `block`, or one of its ancestors below `root`, is an item of a list (`<li>`, `<dd>`): one of the
/// article's items, not a box of its own.
pub(crate) fn in_list_item(block: NodeRef<'_, Node>, root: NodeRef<'_, Node>) -> bool {
    std::iter::once(block)
        .chain(block.ancestors())
        .take_while(|a| a.id() != root.id())
        .any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "li" | "dd"))
        })
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

/// Whether a sibling of `pitch` of the same element name also closes on a lone link, one that stands as a line of its
/// own ([`stands_as_line`]): `pitch` is then one item of a run of like boxes (teasers of other pages, each with its
/// "More" link), not the one appeal a page makes. A paragraph of the article whose last sentence ends in a link
/// ("… the council <a>voted on it last night</a>", as sites that write paragraphs as `<div>`s do) closes on no
/// button.
fn closes_like_a_sibling(pitch: NodeRef<'_, Node>) -> bool {
    let Some(name) = pitch.value().as_element().map(|e| e.name()) else {
        return false;
    };
    pitch.parent().is_some_and(|parent| {
        parent.children().any(|sibling| {
            sibling.id() != pitch.id()
                && sibling
                    .value()
                    .as_element()
                    .is_some_and(|e| e.name() == name)
                && sibling
                    .children()
                    .filter(|c| !dom::normalized_text(*c).is_empty())
                    .last()
                    .is_some_and(|last| {
                        if !stands_as_line(last) {
                            return false;
                        }
                        let text = dom::normalized_text(last);
                        std::iter::once(last).chain(last.descendants()).any(|d| {
                            d.value().as_element().is_some_and(|e| e.name() == "a")
                                && dom::normalized_text(d) == text
                        })
                    })
        })
    })
}

/// Whether a block holds a block element as a child: it is a box of lines (a pitch's title, its paragraphs and its
/// button), not a paragraph.
fn holds_block(node: NodeRef<'_, Node>) -> bool {
    node.children()
        .any(|c| c.value().as_element().is_some_and(|e| is_block(e.name())))
}

/// Whether the last child with text of a block stands as a line of its own: a block, or after a block or a line
/// break, or the block's only child with text; not the end of a run of text ("… the council <a>voted on it</a>").
fn stands_as_line(last: NodeRef<'_, Node>) -> bool {
    if last
        .value()
        .as_element()
        .is_some_and(|e| is_block(e.name()))
    {
        return true;
    }
    let mut at = last.prev_sibling();
    while let Some(n) = at {
        match n.value() {
            Node::Text(t) if t.trim().is_empty() => {}
            Node::Text(_) => return false,
            Node::Element(e) => {
                if is_block(e.name()) || e.name() == "br" {
                    return true;
                }
                if !dom::normalized_text(n).is_empty() {
                    return false;
                }
            }
            _ => {}
        }
        at = n.prev_sibling();
    }
    true
}

/// Whether a link says that it leaves the site whatever its address: it opens in a new window (`target=_blank`) or
/// the site vouches not for it (`rel=nofollow`, `sponsored`, `ugc`), as a redirect script does for a download or a
/// partner's page ("Hier als online PDF"). A button to the site's own page opens where the reader is.
fn leaves_site(link: &scraper::node::Element) -> bool {
    dom::attr(link, "target").is_some_and(|t| t.trim().eq_ignore_ascii_case("_blank"))
        || dom::attr(link, "rel").is_some_and(|rel| {
            rel.split_whitespace().any(|r| {
                ["nofollow", "sponsored", "ugc"]
                    .iter()
                    .any(|kind| r.eq_ignore_ascii_case(kind))
            })
        })
}

/// Whether `pitch`, a block whose child `button` holds a lone link, is shaped as a pitch: nothing with text after the
/// button, and before it a heading or a short line that is no sentence (a title such as "Before you go"), then one
/// paragraph (`<p>`) or more and nothing else with text.
fn is_pitch_box(
    pitch: NodeRef<'_, Node>,
    button: NodeRef<'_, Node>,
    measure: Measure<'_>,
    skip: &NodeSet,
) -> bool {
    if !pitch
        .value()
        .as_element()
        .is_some_and(|e| is_block(e.name()))
    {
        return false;
    }
    let says = |n: &NodeRef<'_, Node>| match n.value() {
        Node::Text(t) => !t.trim().is_empty(),
        Node::Element(_) => !skip.contains(n.id()) && measure(n.id()).0 > 0,
        _ => false,
    };
    if button.next_siblings().any(|n| says(&n)) {
        return false;
    }
    let before: Vec<NodeRef<'_, Node>> = pitch
        .children()
        .take_while(|c| c.id() != button.id())
        .filter(|c| says(c))
        .collect();
    let Some((title, paragraphs)) = before.split_first() else {
        return false;
    };
    let Some(title_element) = title.value().as_element() else {
        return false;
    };
    let title_text = dom::normalized_text(*title);
    let is_title = dom::is_heading(title_element.name())
        || (title_text.split_whitespace().count() <= TITLE_MAX_WORDS
            && !title_text.trim_end().ends_with(SENTENCE_ENDS)
            && !matches!(title_element.name(), "ul" | "ol" | "table" | "a"));
    is_title
        && !paragraphs.is_empty()
        && paragraphs
            .iter()
            .all(|p| p.value().as_element().is_some_and(|e| e.name() == "p"))
}

/// Whether a link leads to a page of a site that is no story: a path of one segment or more, each of at most
/// [`SITE_PAGE_MAX_WORDS`] words and with no digit (`/membership`, `/abo/`, `/jetzt-mitglied-werden`, a checkout's
/// `/plans`), not a fragment or another scheme. A story's address holds its headline's words, a date or an id.
fn names_site_page(href: &str) -> bool {
    let href = href.trim();
    let path = match host_and_path(href) {
        Some((_, path)) => path,
        None => {
            if href.starts_with('#')
                || href[..href.find(['/', '?', '#']).unwrap_or(href.len())].contains(':')
            {
                return false;
            }
            &href[..href.find(['?', '#']).unwrap_or(href.len())]
        }
    };
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    !segments.is_empty()
        && segments.iter().all(|segment| {
            !segment.chars().any(|c| c.is_ascii_digit())
                && segment
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .count()
                    <= SITE_PAGE_MAX_WORDS
        })
}

/// The words of a link's address that name a page to subscribe or to donate on, in the languages of the pages we
/// read: the same words that name such boxes in class names (`boilerplate`'s furniture words), read here in the
/// host (`subscribe.example.com`) or in a short path segment (`/abo`, `/nrplus-subscribe`, `/support/donate`).
const PAYMENT_PAGE_WORDS: &[&str] = &[
    "abo",
    "abonnement",
    "abonnieren",
    "donate",
    "donation",
    "donations",
    "spende",
    "spenden",
    "subscribe",
    "subscription",
    "subscriptions",
];

/// A path segment of at most this many words names a page of the site (`abo.html`, `nrplus-subscribe`); a longer
/// one is the slug of an article, whose words are its headline's (`netflix-raises-subscription-prices`), and a
/// link there cites the article.
const PAGE_NAME_MAX_WORDS: usize = 2;

/// Whether a link leads to a page to subscribe or to donate on (see [`names_page`] and [`PAYMENT_PAGE_WORDS`]).
fn asks_for_payment(href: &str) -> bool {
    names_page(href, PAYMENT_PAGE_WORDS)
}

/// Whether a link leads to a page of the site that one of `words` names: a label of its host (not the top-level
/// domain) or a path segment of at most [`PAGE_NAME_MAX_WORDS`] words holds one of them, as a whole word in any
/// case. Relative links are read by their path.
pub(crate) fn names_page(href: &str, words: &[&str]) -> bool {
    let is_page_word = |word: &str| words.iter().any(|w| w.eq_ignore_ascii_case(word));
    let path = match host_and_path(href) {
        Some((host, path)) => {
            // Every label but the top-level domain.
            if host
                .rsplit_once('.')
                .is_some_and(|(labels, _)| labels.split('.').any(is_page_word))
            {
                return true;
            }
            path
        }
        None => {
            let href = href.trim();
            &href[..href.find(['?', '#']).unwrap_or(href.len())]
        }
    };
    path.split('/').any(|segment| {
        let words = || {
            segment
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
        };
        words().count() <= PAGE_NAME_MAX_WORDS && words().any(is_page_word)
    })
}

/// The blocks inside `root`, in document order: `<p>`, lists (`<ul>`, `<ol>`), and blocks of inline content only
/// (see [`is_inline_paragraph`]) of [`MIN_PARAGRAPH`] characters or more, with text kept.
fn blocks<'a>(
    root: NodeRef<'a, Node>,
    measure: Measure<'_>,
    skip: &NodeSet,
) -> Vec<NodeRef<'a, Node>> {
    let mut blocks = Vec::new();
    walk(root, |n| {
        let Some(element) = n.value().as_element() else {
            return false;
        };
        if skip.contains(n.id()) {
            return false;
        }
        let inner = n.id() != root.id();
        let inline_paragraph =
            inner && is_inline_paragraph(n) && measure(n.id()).0 >= MIN_PARAGRAPH;
        let list = inner && is_list(n);
        if element.name() == "p" || inline_paragraph || list {
            if measure(n.id()).0 > 0 {
                blocks.push(n);
            }
            return false;
        }
        true
    });
    blocks
}

/// Whether a paragraph at the end of the article is an appeal: short (see [`APPEAL_MAX_CHARS`]), with a link, and
/// either set apart from the article's text (all of it in italics or bold, `<p><em>Follow us on …</em></p>`) or
/// with a link that leads where appeals lead (see [`leads_where_appeals_lead`]). Editors set the appeals,
/// disclosures and sign-up lines they add under a story that way, in any language, and they lead somewhere (a form,
/// a feed, a shop, an app store); the article's own text is set in roman and cites its sources, and an italic
/// closing line without a link (a sign-off, a dateline) stays. A paragraph inside a quotation (an embedded post, an
/// epigraph) is someone else's text, never the site's appeal.
fn is_appeal(p: NodeRef<'_, Node>, measure: Measure<'_>, skip: &NodeSet, site: &Site) -> bool {
    let (text, links) = measure(p.id());
    if text > SET_APART_MAX_CHARS || links == 0 {
        return false;
    }
    if is_set_apart(p, skip, EMPHASIS) {
        return true;
    }
    if text > APPEAL_MAX_CHARS {
        return false;
    }
    !is_quoted(p)
        && link_targets(p, skip)
            .iter()
            .any(|href| leads_where_appeals_lead(href, site))
}

/// Whether a block is a list (`<ul>`, `<ol>`).
fn is_list(block: NodeRef<'_, Node>) -> bool {
    block
        .value()
        .as_element()
        .is_some_and(|e| matches!(e.name(), "ul" | "ol"))
}

/// Whether a block is inside a `<blockquote>`.
fn is_quoted(block: NodeRef<'_, Node>) -> bool {
    block.ancestors().any(|a| {
        a.value()
            .as_element()
            .is_some_and(|e| e.name() == "blockquote")
    })
}

/// Whether a link leads where the appeals under a story lead: to an app store, to a profile or channel on a
/// social or messaging platform (`t.me/name`, `instagram.com/name`: one path segment; a link to one post cites
/// it), or off the site to a domain that the page also links to outside the article (the e-paper kiosk of the
/// header, the social icons of the footer). The article's own closing links cite a source once; the site's appeals
/// lead where its furniture leads.
fn leads_where_appeals_lead(href: &str, site: &Site) -> bool {
    let Some((host, path)) = host_and_path(href) else {
        return false;
    };
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if APP_STORE_HOSTS.contains(&host) {
        return true;
    }
    let path = path.trim_matches('/');
    if PROFILE_HOSTS.contains(&host) && !path.is_empty() && !path.contains('/') {
        return true;
    }
    let domain = registrable(host);
    !site.domains.iter().any(|d| d == domain) && site.linked_outside.iter().any(|d| d == domain)
}

/// The hosts of app stores: a link there asks the reader to install the site's app.
const APP_STORE_HOSTS: &[&str] = &["apps.apple.com", "itunes.apple.com", "play.google.com"];

/// Social and messaging platforms whose one-segment paths are profiles or channels (`t.me/name`): a link to one
/// asks the reader to follow it. Video hosts are not listed: a link to a channel there is as often the article's
/// source.
const PROFILE_HOSTS: &[&str] = &[
    "facebook.com",
    "instagram.com",
    "linkedin.com",
    "pinterest.com",
    "t.me",
    "telegram.me",
    "tiktok.com",
    "twitter.com",
    "wa.me",
    "whatsapp.com",
    "x.com",
];

/// The [`Site`] of a page and its article's containers, read when a rule first asks for it: one walk of the
/// document however many rules ask, none when no paragraph needs it.
pub(crate) struct PageSite<'a> {
    html: &'a Html,
    roots: &'a [NodeId],
    site: OnceCell<Site>,
}

impl<'a> PageSite<'a> {
    pub(crate) fn new(html: &'a Html, roots: &'a [NodeId]) -> Self {
        PageSite {
            html,
            roots,
            site: OnceCell::new(),
        }
    }

    fn get(&self) -> &Site {
        self.site.get_or_init(|| Site::of(self.html, self.roots))
    }

    /// Whether a link leads within the site (see [`Site::holds`]).
    pub(crate) fn holds(&self, href: &str) -> bool {
        self.get().holds(href)
    }
}

/// What the page says about its own site, read once per page and only when a paragraph at the end needs it.
struct Site {
    /// The site's own domains (see [`registrable`]): of the page's canonical URL (`<link rel=canonical>`, `og:url`),
    /// and the one its absolute links name most (a site serves its pages under one domain and links them under
    /// another: `bbc.com` and `bbc.co.uk`).
    domains: Vec<String>,
    /// The domains that links outside the article lead to, in the order first seen.
    linked_outside: Vec<String>,
}

impl Site {
    fn of(html: &Html, roots: &[NodeId]) -> Site {
        let mut canonical = None;
        let mut counts: Vec<(String, usize)> = Vec::new();
        let mut linked_outside: Vec<String> = Vec::new();
        for n in html.tree.root().descendants() {
            let Some(element) = n.value().as_element() else {
                continue;
            };
            let attr = |name: &str| dom::attr(element, name).map(str::trim);
            match element.name() {
                "link" if attr("rel") == Some("canonical") => {
                    canonical = canonical.or(attr("href"))
                }
                "meta" if attr("property") == Some("og:url") => {
                    canonical = canonical.or(attr("content"));
                }
                "a" => {
                    let Some((host, _)) = attr("href").and_then(host_and_path) else {
                        continue;
                    };
                    let domain = registrable(&host).to_string();
                    if !n.ancestors().any(|a| roots.contains(&a.id()))
                        && !linked_outside.contains(&domain)
                    {
                        linked_outside.push(domain.clone());
                    }
                    match counts.iter_mut().find(|(d, _)| *d == domain) {
                        Some((_, c)) => *c += 1,
                        None => counts.push((domain, 1)),
                    }
                }
                _ => {}
            }
        }
        let mut domains: Vec<String> = canonical
            .and_then(host_and_path)
            .map(|(h, _)| registrable(&h).to_string())
            .into_iter()
            .collect();
        // The most linked domain; on a tie, the first seen.
        let mut most: Option<(String, usize)> = None;
        for (d, c) in counts {
            if most.as_ref().is_none_or(|(_, m)| c > *m) {
                most = Some((d, c));
            }
        }
        domains.extend(most.map(|(d, _)| d));
        Site {
            domains,
            linked_outside,
        }
    }

    /// Whether a link leads within the site: a relative link (`/tag/x`, `roundup/x`), or an absolute one to the
    /// first of the site's [`domains`](Site::domains) (the canonical URL's when the page gives one: the domain its
    /// links name most may be a social platform's, on a page that lists accounts), never to a social platform. A
    /// fragment, another scheme (`mailto:`) or another domain does not.
    fn holds(&self, href: &str) -> bool {
        match host_and_path(href) {
            Some((host, _)) => {
                let host = host.strip_prefix("www.").unwrap_or(&host);
                !PROFILE_HOSTS.contains(&host)
                    && self.domains.first().is_some_and(|d| d == registrable(host))
            }
            None => {
                !href.is_empty()
                    && !href.starts_with('#')
                    && !href[..href.find(['/', '?', '#']).unwrap_or(href.len())].contains(':')
            }
        }
    }
}

/// The lower-case host and the path (query and fragment cut off) of an absolute link (`https:`, `http:` or
/// scheme-relative `//`); `None` for a link within the site (`/path`, `page.html`) or of another scheme.
fn host_and_path(href: &str) -> Option<(String, &str)> {
    let href = href.trim();
    let rest = ["https://", "http://", "//"].iter().find_map(|scheme| {
        href.get(..scheme.len())
            .filter(|p| p.eq_ignore_ascii_case(scheme))
            .map(|_| &href[scheme.len()..])
    })?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host);
    if host.is_empty() {
        return None;
    }
    let path = &rest[end..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    Some((host.to_ascii_lowercase(), path))
}

/// The links (`<a>` with an `href`) inside a block, in document order (what `skip` drops left out).
fn link_nodes<'a>(block: NodeRef<'a, Node>, skip: &NodeSet) -> Vec<NodeRef<'a, Node>> {
    let mut links = Vec::new();
    walk(block, |n| {
        let Some(element) = n.value().as_element() else {
            return false;
        };
        if skip.contains(n.id()) {
            return false;
        }
        if element.name() == "a" && dom::attr(element, "href").is_some() {
            links.push(n);
        }
        true
    });
    links
}

/// The link targets inside a block, in document order (what `skip` drops left out).
fn link_targets<'a>(block: NodeRef<'a, Node>, skip: &NodeSet) -> Vec<&'a str> {
    link_nodes(block, skip)
        .into_iter()
        .filter_map(|n| n.value().as_element().and_then(|e| dom::attr(e, "href")))
        .map(str::trim)
        .filter(|href| !href.is_empty() && !href.starts_with('#'))
        .collect()
}

/// Whether a list at the end of the article lists other stories: at least [`STORY_LIST_MIN_ITEMS`] items, each
/// short (see [`STORY_ITEM_MAX_CHARS`]) with a link, the first links of the items all different, and its link text
/// too much for a paragraph (one part in [`PARAGRAPH_LINK_PARTS`] or more). "More stories" lists link part of each
/// line (`Could an astronaut lost in space <a>use gravity to get around</a>?`), below the link-list line; the
/// article's own list links a source here and there, or says more in each item.
fn is_story_list(list: NodeRef<'_, Node>, measure: Measure<'_>, skip: &NodeSet) -> bool {
    let (text, links) = measure(list.id());
    if links.saturating_mul(PARAGRAPH_LINK_PARTS) < text {
        return false;
    }
    let mut targets: Vec<&str> = Vec::new();
    for item in list.children() {
        if item.value().as_element().is_none_or(|e| e.name() != "li") || skip.contains(item.id()) {
            continue;
        }
        let (text, links) = measure(item.id());
        if text == 0 {
            continue;
        }
        if links == 0 || text > STORY_ITEM_MAX_CHARS {
            return false;
        }
        let Some(first) = link_targets(item, skip).first().copied() else {
            return false;
        };
        if targets.contains(&first) {
            return false;
        }
        targets.push(first);
    }
    targets.len() >= STORY_LIST_MIN_ITEMS
}

/// Whether a node is a `<div>` whose children are all inline (text, emphasis, links): a paragraph that the page
/// writes without a `<p>`, as page builders do (`<div class="section-text"><em>Sign up …</em></div>`).
fn is_inline_paragraph(node: NodeRef<'_, Node>) -> bool {
    node.value().as_element().is_some_and(|e| e.name() == "div")
        && !node
            .children()
            .any(|c| c.value().as_element().is_some_and(|e| is_block(e.name())))
}

/// The tags that set text apart from the article's roman: italics and bold.
const EMPHASIS: &[&str] = &["em", "i", "strong", "b"];

/// Italics alone (see [`leading_disclosure`]).
const ITALICS: &[&str] = &["em", "i"];

/// Whether all the text of a paragraph is inside one of the `tags` (see [`EMPHASIS`], [`ITALICS`]).
fn is_set_apart(p: NodeRef<'_, Node>, skip: &NodeSet, tags: &[&str]) -> bool {
    let mut roman = false;
    let mut any = false;
    walk(p, |n| {
        if roman || skip.contains(n.id()) {
            return false;
        }
        match n.value() {
            Node::Element(e) if tags.contains(&e.name()) => {
                any |= n
                    .descendants()
                    .any(|d| d.value().as_text().is_some_and(|t| !t.trim().is_empty()));
                false
            }
            Node::Element(_) => true,
            Node::Text(t) => {
                roman |= !t.trim().is_empty();
                false
            }
            _ => false,
        }
    });
    any && !roman
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_and_path_reads_absolute_links_only() {
        assert_eq!(
            host_and_path("https://User@WWW.Example.com:8080/a/b?q#f"),
            Some(("www.example.com".to_string(), "/a/b"))
        );
        assert_eq!(
            host_and_path("//t.me/channel"),
            Some(("t.me".to_string(), "/channel"))
        );
        assert_eq!(host_and_path("/local/page"), None);
        assert_eq!(host_and_path("mailto:a@b.c"), None);
    }

    #[test]
    fn payment_pages_are_told_by_host_and_short_path_segments() {
        for href in [
            "https://subscribe.example.com/splits/x",
            "https://www.example.com/nrplus-subscribe?utm_source=a",
            "/support/donate",
            "https://www.example.de/no_cache/abo.html",
            "/spenden/",
        ] {
            assert!(asks_for_payment(href), "{href}");
        }
        for href in [
            "https://www.example.com/2019/11/netflix-raises-subscription-prices",
            "https://www.example.com/about",
            "https://www.example.com/how-to-cancel-an-abo",
            "mailto:subscribe@example.com",
        ] {
            assert!(!asks_for_payment(href), "{href}");
        }
    }

    #[test]
    fn profile_links_lead_where_appeals_lead_and_posts_do_not() {
        let site = Site {
            domains: vec!["example.com".to_string()],
            linked_outside: vec!["example.com".to_string(), "kiosk.net".to_string()],
        };
        assert!(leads_where_appeals_lead("https://t.me/examplenews", &site));
        assert!(leads_where_appeals_lead(
            "https://play.google.com/store/apps/details?id=x",
            &site
        ));
        assert!(leads_where_appeals_lead(
            "https://shop.kiosk.net/landing",
            &site
        ));
        assert!(!leads_where_appeals_lead(
            "https://twitter.com/someone/status/1",
            &site
        ));
        assert!(!leads_where_appeals_lead(
            "https://www.example.com/subscribe",
            &site
        ));
        assert!(!leads_where_appeals_lead(
            "https://journal.org/paper",
            &site
        ));
    }
}
