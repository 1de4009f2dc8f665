//! Contact boxes inside the article: a press or media contact set as a few short lines (a label, a name, a role, an
//! organisation, a phone number, an e-mail address), told by their shape, not their words, so in any language.

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use crate::dom::{self, is_block, walk_with_close, NodeSet, Step};

use super::byline::text_of;
use super::ending::{keep_outermost, Measure};
use super::reason::Reason;

/// A contact box holds at most this many characters: a label and four or five lines of a name, a role, an
/// organisation, a phone number and an address (a press release's "Media contact" runs to about 150); the article's
/// own text around an address runs longer (as `widgets`' boxes around a control are bounded at the same 300).
const CONTACT_MAX_CHARS: u32 = 300;

/// A contact box holds at most one part in this many of the article's text (all its containers: a box set in a
/// container of its own beside the story, an infobox over it, is measured against the story, not against the
/// infobox): on a page whose article is a short notice, the box may be what the page says (a contact page), as
/// `widgets::WIDGET_ROOT_PARTS` bounds a box around a control.
const CONTACT_ROOT_PARTS: u32 = 4;

/// A root holding more e-mail addresses than this is a directory (a contact page, a staff list, an imprint): its
/// addresses are what it says, and judging each one's ancestors would cost the square of a long list.
const CONTACT_MAX_ADDRESSES: usize = 8;

/// A contact box has at least this many lines: a name, a way to reach them and one more (a role, a phone number, an
/// organisation); a sentence of the article that names an address ("… unter Tel. 02382 59743 (althausa@…)") is one
/// line, and stays.
const CONTACT_MIN_LINES: usize = 3;

/// Every line of a contact box has at most this many characters that are not white space: a role ("Referentin Presse- und
/// Öffentlichkeitsarbeit", 44) or a label ("For press inquiries, please contact:", 36) with room to spare; a line of
/// the article is a sentence, longer (`density::CONTINUATION_MIN_CHARS`, 80, is the shortest paragraph of prose).
const CONTACT_LINE_MAX_CHARS: usize = 80;

/// The contact boxes of the article: for each e-mail address outside a quotation, a table and a list (see
/// [`anchors`]), the largest block around it inside `root` of at most [`CONTACT_MAX_CHARS`] characters and one part in
/// [`CONTACT_ROOT_PARTS`] of the article's text (`article_text`, the text of all its containers), written as [`CONTACT_MIN_LINES`] or more lines of at most
/// [`CONTACT_LINE_MAX_CHARS`] characters each, holding no table, list, preformatted text or picture. A press release's
/// contact for journalists, an agency's or an editor's address under a story: the reader of the article is not who
/// they address, and their short lines of names and numbers are unlike the article's sentences in any language. A
/// phone number alone says less: a travel story gives a restaurant's address and number as such lines (trafeval
/// 0929), a press office always its e-mail. It can be wrong on an article's own address block that gives an e-mail
/// address: a venue's in a longer story, or the address on a page of legal notices (an imprint) whose text runs
/// longer than four times the address (trafeval 0766), and on text written to the reader in short lines (a
/// course's registration box, an author's closing "reach me at" block, a letter's signature). A page whose boxes
/// together hold more than one part in [`CONTACT_ROOT_PARTS`] of the article's text, or that holds more than
/// [`CONTACT_MAX_ADDRESSES`] addresses, keeps them all (a contact page, a staff directory).
pub(crate) fn contact_boxes(
    root: NodeRef<'_, Node>,
    article_text: u32,
    measure: Measure<'_>,
    skip: &NodeSet,
) -> Vec<(NodeId, Reason)> {
    let mut boxes: Vec<(NodeId, Reason)> = Vec::new();
    let anchors = anchors(root, measure, skip);
    if anchors.len() > CONTACT_MAX_ADDRESSES {
        return boxes;
    }
    for anchor in anchors {
        let mut found = None;
        for ancestor in anchor.ancestors() {
            if ancestor.id() == root.id() {
                break;
            }
            // The address's own line may be left out already (a paragraph of one `mailto:` link is mostly link
            // text); the box is around it.
            if skip.contains(ancestor.id()) {
                continue;
            }
            let Some(element) = ancestor.value().as_element() else {
                break;
            };
            if matches!(
                element.name(),
                "blockquote" | "li" | "dd" | "dt" | "td" | "th" | "table" | "pre" | "figure"
            ) {
                found = None;
                break;
            }
            let text = measure(ancestor.id()).0;
            if text > CONTACT_MAX_CHARS || text.saturating_mul(CONTACT_ROOT_PARTS) > article_text {
                break;
            }
            if is_block(element.name()) && text > 0 {
                if holds_other_content(ancestor) {
                    break;
                }
                if is_short_lines(ancestor, skip) {
                    found = Some(ancestor.id());
                }
            }
        }
        if let Some(id) = found {
            if !boxes.iter().any(|(b, _)| *b == id) {
                boxes.push((id, Reason::Contact));
            }
        }
    }
    // A box found from one address may hold the box found from another (a press office's and a person's): keep the
    // outer one.
    keep_outermost(root, &mut boxes);
    // Each box is a small part of the root, but several together may be what the page says (a contact page of
    // address blocks, an imprint): then none goes.
    let total: u32 = boxes.iter().map(|(id, _)| measure(*id).0).sum();
    if total.saturating_mul(CONTACT_ROOT_PARTS) > article_text {
        boxes.clear();
    }
    boxes
}

/// The nodes of `root` that hold an e-mail address, in document order: a `mailto:` link, a link whose whole text is
/// an address ([`is_email_link_text`]: a script link that decodes a hidden address), or a text of one line's
/// length that holds one ([`is_contact_line`]), those inside blocks already left out too (a paragraph of one link
/// dropped as link text): it still says what the box around it is.
fn anchors<'a>(
    root: NodeRef<'a, Node>,
    measure: Measure<'_>,
    skip: &NodeSet,
) -> Vec<NodeRef<'a, Node>> {
    let mut found = Vec::new();
    dom::walk(root, |n| match n.value() {
        Node::Element(element) => {
            if element.name() == "a"
                && (dom::attr(element, "href").is_some_and(|h| {
                    let h = h.trim_start();
                    starts_with_ignore_case(h, "mailto:")
                }) || is_email_link_text(n, measure, skip))
            {
                found.push(n);
                return false;
            }
            true
        }
        Node::Text(text) => {
            if is_contact_line(text) {
                found.push(n);
            }
            false
        }
        _ => false,
    });
    found
}

/// Whether a link's whole text, what `skip` drops left out, is one e-mail address ([`is_email`]), whatever its
/// target: a site that hides its addresses from harvesters links them to a script that decodes them
/// (`javascript:linkTo_UnCryptMailto(…)`) and may cut the address shown in two around a hidden decoy
/// (`name@<span style="display:none">…</span>example.org`), so the text is read whole, across its inline parts.
fn is_email_link_text(link: NodeRef<'_, Node>, measure: Measure<'_>, skip: &NodeSet) -> bool {
    let chars = measure(link.id()).0;
    if chars == 0 || chars as usize > CONTACT_LINE_MAX_CHARS {
        return false;
    }
    let text = text_of(link, skip);
    !text.contains(' ') && is_email(&text)
}

/// Whether `s` starts with `prefix`, ASCII case ignored.
fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Whether a text of one line's length ([`CONTACT_LINE_MAX_CHARS`]; a longer one is a sentence, not a line of a
/// contact box) holds an e-mail address ([`is_email`]).
fn is_contact_line(text: &str) -> bool {
    // Most texts hold no `@`: one search of the bytes answers them.
    if !text.contains('@') {
        return false;
    }
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    chars > 0 && chars <= CONTACT_LINE_MAX_CHARS && text.split_whitespace().any(is_email)
}

/// Whether a word is an e-mail address: a local part, an `@`, and a domain with a dot between two letters or
/// digits.
fn is_email(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let Some((local, domain)) = word.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "._%+-".contains(c))
        && domain
            .split_once('.')
            .is_some_and(|(host, tld)| !host.is_empty() && tld.chars().any(char::is_alphanumeric))
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || ".-".contains(c))
}

/// Whether a block holds content other than lines of text: a table, preformatted text, a list item, a figure or a
/// picture (a table of addresses, an author's card with a portrait).
fn holds_other_content(block: NodeRef<'_, Node>) -> bool {
    block.descendants().any(|d| {
        d.value().as_element().is_some_and(|e| {
            matches!(
                e.name(),
                "pre" | "table" | "figure" | "img" | "picture" | "li"
            )
        })
    })
}

/// Whether a block's kept text is [`CONTACT_MIN_LINES`] or more lines, each of at most [`CONTACT_LINE_MAX_CHARS`]
/// characters: lines end at a `<br>` and at the edges of blocks.
fn is_short_lines(block: NodeRef<'_, Node>, skip: &NodeSet) -> bool {
    let mut lines = 0;
    let mut current = 0;
    let mut too_long = false;
    let end_line = |current: &mut usize, lines: &mut usize| {
        if *current > 0 {
            *lines += 1;
            *current = 0;
        }
    };
    walk_with_close(block, |step| match step {
        Step::Open(n) => {
            if too_long || skip.contains(n.id()) {
                return false;
            }
            match n.value() {
                Node::Element(e) => {
                    if e.name() == "br" || is_block(e.name()) {
                        end_line(&mut current, &mut lines);
                    }
                    true
                }
                Node::Text(text) => {
                    current += text.chars().filter(|c| !c.is_whitespace()).count();
                    if current > CONTACT_LINE_MAX_CHARS {
                        too_long = true;
                    }
                    false
                }
                _ => false,
            }
        }
        Step::Close(n) => {
            if n.value().as_element().is_some_and(|e| is_block(e.name())) {
                end_line(&mut current, &mut lines);
            }
            true
        }
    });
    end_line(&mut current, &mut lines);
    !too_long && lines >= CONTACT_MIN_LINES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_needs_a_local_part_and_a_dotted_domain() {
        assert!(is_email("presse@example.org"));
        assert!(is_email("<jane.doe+news@mail.example.co.uk>,"));
        assert!(!is_email("@handle"));
        assert!(!is_email("user@localhost"));
        assert!(!is_email("a@b@c.de"));
    }

    #[test]
    fn box_is_measured_against_the_whole_article() {
        // An infobox chosen as a container of its own beside the story: against its own text the box is most of
        // it (a contact page), against the article's it is a small part.
        let html = scraper::Html::parse_document(
            "<body><div id='info'><strong>Kontakt</strong><p>Erika Muster<br>Beispiel-Institut<br>\
             <a href='mailto:erika@example.org'>E-Mail</a></p></div></body>",
        );
        let root = html
            .select(&scraper::Selector::parse("#info").expect("a valid selector"))
            .next()
            .expect("the infobox is on the page");
        let measure = |id: NodeId| {
            let node = html.tree.get(id).expect("a node of the page");
            let text: u32 = node
                .descendants()
                .filter_map(|d| {
                    d.value()
                        .as_text()
                        .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
                })
                .sum::<usize>()
                .try_into()
                .expect("a short page");
            (text, 0)
        };
        let skip = NodeSet::with_len(html.tree.nodes().count());
        let own = measure(root.id()).0;
        assert!(contact_boxes(*root, own, &measure, &skip).is_empty());
        assert_eq!(contact_boxes(*root, own * 10, &measure, &skip).len(), 1);
    }

    #[test]
    fn contact_line_is_one_line_long() {
        assert!(is_contact_line("E-Mail: presse@example.org"));
        let sentence = "Weitere Informationen erteilt Anne Althaus in der Leitstelle „Älter werden in Ahlen“ unter althausa@example.org.";
        assert!(!is_contact_line(sentence));
    }
}
