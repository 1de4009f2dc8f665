//! Controls of the page inside the article: a small box around a button or a script link (report an error, rate the
//! story, register or log in to read on), told by its controls, not its words, so in any language.

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use crate::dom::{self, is_block, walk, NodeSet};

use super::boilerplate::for_each_word;
use super::ending::{in_list_item, keep_outermost, Measure};
use super::reason::Reason;

/// A box around a control holds at most this many characters: a label and a line or two on what the control does
/// ("［有料会員限定］ この記事は会員限定です。…" over its register and log-in links, "19.509 signatures / Signez avec
/// votre email", "Escuchá este artículo / Leído por …"), as an appeal under the article is at most
/// `ending::APPEAL_MAX_CHARS`; the article's own text around a control runs longer.
const WIDGET_MAX_CHARS: u32 = 300;

/// A box around a field that asks who the reader is ([`is_identity_field`]: a sign-up's address) holds at most this
/// many characters: a heading, a pitch of two or three paragraphs ("Sign up to receive …", "Join more than 20,000
/// readers …", "You can unsubscribe at any time …") and the form, as a box that leads to a page to subscribe on holds
/// at most `ending::PAYMENT_BOX_MAX_CHARS`. The field says what the box is in any language; the article's own text
/// around a form runs longer.
const SIGNUP_BOX_MAX_CHARS: u32 = super::ending::PAYMENT_BOX_MAX_CHARS;

/// A box around a control holds at most one part in this many of its root's text: on a page whose article is a few
/// lines, the box may be the article itself (as `ending::PAYMENT_BOX_ROOT_PARTS` bounds a payment box).
const WIDGET_ROOT_PARTS: u32 = 4;

/// The boxes of the article around a control (see [`controls`]): for each control outside a quotation, the largest
/// block around it inside `root` of at most [`WIDGET_MAX_CHARS`] characters ([`SIGNUP_BOX_MAX_CHARS`] when it holds a
/// field that asks who the reader is) and one part in [`WIDGET_ROOT_PARTS`] of the root's text, holding no paragraph of prose (`is_prose`), heading, preformatted text, table, picture or list of
/// choices ([`holds_choices`]: a quiz's answers), and no slide between a carousel's arrows ([`is_slide`]): a lead
/// with a button to listen to it, a section under its heading, a code block's copy button, a table's sort button
/// and a gallery's arrows sit beside the article's own content. A reader acts on such a box, the page says nothing
/// in it: register or log in to read on, report an error, rate the story, sign a petition, play a video. What the
/// controls are tells it in any language; Readability's `_cleanConditionally` likewise drops a block with more form
/// inputs than a third of its paragraphs. A control that stands in a row of controls ([`in_row_of_controls`]) asks
/// the reader to choose, and its box may hold prose and a heading: a question and its answers (a blocked embed's
/// notice over "Load content" / "Always allow", a sign-up pitch over its address field and button; two script links
/// side by side are such a row only here, see [`in_pair_of_script_links`]), unless it opens
/// its root, is a list's item or one of like items ([`is_question_box`]). It can be wrong on a short item of the
/// article's own that holds a control and no sentence of 80 characters (an answer of a few words under a quiz's
/// button, a standfirst of a few words beside a "Listen" button, see [`holds_standfirst`]); a question box must also carry a
/// mark of another voice than the article's (a sign-up field, an embed's frame, an embed service's name, a button
/// that asks to load or allow it).
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
        // A question and its answers: a row of controls asks the reader to choose. Two script links side by side
        // are a row only around a question ([`in_pair_of_script_links`]).
        let choice = in_row_of_controls(control);
        let paired = !choice && in_pair_of_script_links(control);
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
                || (text > WIDGET_MAX_CHARS
                    && (text > SIGNUP_BOX_MAX_CHARS || !holds_identity_field(ancestor)))
                || text.saturating_mul(WIDGET_ROOT_PARTS) > root_text
                || holds_content_beside_controls(ancestor)
                || holds_choices(ancestor, skip)
                || is_slide(ancestor, skip)
            {
                break;
            }
            // Prose or a heading beside the controls is the article's (a section's own button sits beside its
            // heading), unless the box is a question (see [`is_question_box`]), whose heading is part of it.
            let says_something = dom::holds_heading(ancestor)
                || holds_prose(ancestor, is_prose, skip)
                || (holds_standfirst(ancestor, skip)
                    && !follows_prose(ancestor, root, is_prose, skip));
            if says_something
                && !((choice || paired) && is_question_box(ancestor, root, measure, is_prose, skip))
            {
                break;
            }
            if is_block(element.name())
                && text > 0
                && (says_something || !paired || is_question_over_pair(ancestor))
            {
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
            && (!is_titled_toggle(n) || in_row_of_controls(n) || in_pair_of_script_links(n))
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

/// Whether a node is a link to a bare `#` with text ([`is_titled_toggle`]) beside another such link, the two as
/// siblings with nothing but white space between them: "Load content" / "Always allow" under a blocked embed's
/// notice, written as script links. Such a pair is as often a tab list's titles or a slider's "Prev" / "Next", so it
/// counts as a row of controls only in a box that is a question put to the reader ([`is_question_box`]), never as
/// a box of controls alone.
fn in_pair_of_script_links(node: NodeRef<'_, Node>) -> bool {
    let is_toggle = |n: Option<NodeRef<'_, Node>>| n.is_some_and(is_titled_toggle);
    is_titled_toggle(node)
        && (is_toggle(next_element(node, |n| n.next_sibling()))
            || is_toggle(next_element(node, |n| n.prev_sibling())))
}

/// The most words a label of a question's answer holds ([`is_question_over_pair`]): "Yes", "No", "Not really",
/// "Oui" / "Non", "Ja" / "Nein"; a tab's title is as short, so the question mark carries the evidence.
const ANSWER_MAX_WORDS: usize = 2;

/// Whether a block is a question put to the reader over its two answers, and nothing else: its text outside its
/// controls is one line (one block holds all of it) that ends in a question mark (`?`, `？`, closing quotes and
/// brackets after it passed over), before exactly two controls, both script links ([`is_control`]'s `#` or
/// `javascript:` links) of one or two words each ([`ANSWER_MAX_WORDS`]): "Was this article helpful?" over "Yes" /
/// "No". Such a pair of links is as often a tab list's titles ([`in_pair_of_script_links`]), which stand under a
/// heading or beside a section's text, not under a line that asks; the question mark is the one label read, and it
/// is written so in every language that has one (Chinese and Japanese as `？`). The article's own poll asks in the
/// same shape; a reader answers it on the site, so it is no text of the article either.
fn is_question_over_pair(block: NodeRef<'_, Node>) -> bool {
    let mut answers = 0;
    let mut other_controls = false;
    let mut question_block = None;
    let mut question = String::new();
    let mut after_answer = false;
    for node in block.descendants() {
        match node.value() {
            Node::Element(element) if is_control(element) => {
                let words = dom::normalized_text(node).split_whitespace().count();
                if element.name() == "a" && (1..=ANSWER_MAX_WORDS).contains(&words) {
                    answers += 1;
                } else {
                    other_controls = true;
                }
            }
            Node::Element(element) => {
                if matches!(
                    element.name(),
                    "img" | "picture" | "svg" | "iframe" | "input" | "select" | "textarea"
                ) {
                    return false;
                }
            }
            Node::Text(text) if !text.trim().is_empty() => {
                let in_control = node
                    .ancestors()
                    .take_while(|a| a.id() != block.id())
                    .any(|a| a.value().as_element().is_some_and(is_control));
                if in_control {
                    continue;
                }
                if answers > 0 {
                    after_answer = true;
                }
                let line = node
                    .ancestors()
                    .find(|a| {
                        a.id() == block.id()
                            || a.value().as_element().is_some_and(|e| is_block(e.name()))
                    })
                    .map(|a| a.id());
                if question_block.is_some_and(|b| Some(b) != line) {
                    return false;
                }
                question_block = line;
                question.push_str(text);
            }
            _ => {}
        }
    }
    let end = without_closers(question.trim_end());
    answers == 2 && !other_controls && !after_answer && end.ends_with(['?', '？'])
}

/// The nearest sibling of `node` in one direction (`step`) that is an element, passing over white space and comments;
/// `None` at text or at the end.
pub(super) fn next_element<'a>(
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

/// A paragraph of at least this many words that ends as a sentence ends is a standfirst when it opens the article:
/// it sums the story up in a clause or two ("After a decade of debate the northern line goes ahead.", "Nach zehn
/// Jahren Streit fährt die Straßenbahn bald in den Norden."), shorter than a paragraph of prose
/// (`density::CONTINUATION_MIN_CHARS`) but longer than what a player or a paywall prints over its buttons ("Listen
/// to this article", "Leído por …", "This article is for subscribers only.": three to seven words).
const STANDFIRST_MIN_WORDS: usize = 8;

/// Whether a block holds a paragraph (`<p>`, what `skip` drops left out) of at least [`STANDFIRST_MIN_WORDS`] words
/// (runs between white space) whose text ends with a sentence's end (`.`, `!`, `?`, `。`, `！`, `？`, quotes and
/// brackets after it passed over). Read only for a box that opens the article, where a standfirst stands beside the
/// buttons to listen to the story or share it. Text without spaces between words (Chinese, Japanese) is one word
/// here, so such a standfirst is not seen.
fn holds_standfirst(block: NodeRef<'_, Node>, skip: &NodeSet) -> bool {
    block.descendants().any(|d| {
        if skip.contains(d.id()) || d.value().as_element().is_none_or(|e| e.name() != "p") {
            return false;
        }
        let text = dom::normalized_text(d);
        without_closers(&text).ends_with(super::density::SENTENCE_ENDS)
            && text.split_whitespace().count() >= STANDFIRST_MIN_WORDS
    })
}

/// `text` without the quotes and brackets that close it, which stand after a sentence's end.
fn without_closers(text: &str) -> &str {
    text.trim_end_matches(['"', '\'', '»', '”', '’', ')', '」'])
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

/// The fewest labelled options to tick that make a list of choices of the article's own: two are a form's yes or no
/// ("Was this article helpful?"), three are answers to choose among or items to tick off, as `teasers::MIN_RUN`
/// counts a run.
const MIN_CHOICES: usize = 3;

/// Whether a block holds a list of choices (at least [`MIN_CHOICES`] checkboxes or radio buttons, each on a line of
/// its own with words outside any control: a quiz's answers "Cinco" / "Diez" / "Veinte", a checklist's "Read the
/// meters" / "Take photos") and no field to type in or pick from. The reader ticks them, but what they say is the
/// article's: the question and its answers, the steps to take. A sign-up or a log-in box asks for an address in a
/// field, a feedback widget asks yes or no, a rating's stars have no words, a reader's settings bar picks a font
/// from a list; choices inside a `<form>` (a site's poll, which sends them to the site) or inside a block left out
/// already are no evidence.
fn holds_choices(block: NodeRef<'_, Node>, skip: &NodeSet) -> bool {
    let is_form = |n: NodeRef<'_, Node>| n.value().as_element().is_some_and(|e| e.name() == "form");
    if std::iter::once(block).chain(block.ancestors()).any(is_form) {
        return false;
    }
    let mut choices = 0;
    let mut field = false;
    walk(block, |n| {
        let Some(element) = n.value().as_element() else {
            return false;
        };
        match element.name() {
            "textarea" | "select" => field = true,
            "input" if is_tick(element) => {
                let own_line = n.parent().is_some_and(|line| {
                    has_own_words(line)
                        && line
                            .descendants()
                            .filter(|d| d.value().as_element().is_some_and(is_tick))
                            .count()
                            == 1
                });
                choices += usize::from(own_line);
            }
            "input" => {
                let kind = dom::attr(element, "type").unwrap_or("text").trim();
                field |= !["hidden", "button", "submit", "reset", "image"]
                    .iter()
                    .any(|k| kind.eq_ignore_ascii_case(k));
            }
            _ => {}
        }
        // A form control is left out as such but still counts (it is reached before this test); a block left out
        // for what it is hides what it holds, and so does a form, which sends the choices to the site (a poll).
        element.name() != "form" && !skip.contains(n.id())
    });
    !field && choices >= MIN_CHOICES
}

/// Whether an element is a checkbox or a radio button: an option a reader ticks.
fn is_tick(element: &scraper::node::Element) -> bool {
    element.name() == "input"
        && dom::attr(element, "type").is_some_and(|t| {
            ["checkbox", "radio"]
                .iter()
                .any(|kind| t.trim().eq_ignore_ascii_case(kind))
        })
}

/// Whether a line holds words outside any control: a checkbox's label, not a button's.
fn has_own_words(line: NodeRef<'_, Node>) -> bool {
    line.descendants().any(|d| {
        d.value()
            .as_text()
            .is_some_and(|t| t.chars().any(char::is_alphanumeric))
            && !d
                .ancestors()
                .take_while(|a| a.id() != line.id())
                .any(|a| a.value().as_element().is_some_and(is_control))
    })
}

/// Whether a block is a slide of a carousel: its text stands between controls, one before all of it and one after
/// (the arrows "‹" / "›", "Précédent" / "Suivant"), it holds no field to type in, and its text is a sentence of the
/// article's own ([`holds_standfirst`]): a caption whose picture a script loads. A notice puts its controls after what
/// it says (report an error, "was this helpful?", register to read on), and a player's line between its buttons is
/// a few words ("Listen to this article").
fn is_slide(block: NodeRef<'_, Node>, skip: &NodeSet) -> bool {
    // The marks in document order: a control (true) or a text outside controls (false).
    let mut marks: Vec<bool> = Vec::new();
    let mut field = false;
    walk(block, |n| match n.value() {
        Node::Element(element) => {
            if is_control(element) {
                field |= matches!(element.name(), "input" | "select" | "textarea");
                marks.push(true);
                return false;
            }
            !skip.contains(n.id())
        }
        Node::Text(text) => {
            if !text.trim().is_empty() {
                marks.push(false);
            }
            false
        }
        _ => false,
    });
    !field
        && marks.first() == Some(&true)
        && marks.last() == Some(&true)
        && marks.contains(&false)
        && holds_standfirst(block, skip)
}

/// Whether a box around a row of controls ([`in_row_of_controls`]) that holds prose or a heading is a question put
/// to the reader (a blocked embed's notice over "Load content" / "Always allow", a sign-up pitch over its field and
/// button), not the article's own text beside its buttons. It is not when it opens its root, with no paragraph of
/// prose before it ([`follows_prose`]): a headline and a standfirst over "Listen" / "Share" side by side; a notice
/// stands between the article's paragraphs or after them. Nor when it is one of a run of like items
/// ([`is_repeated_item`]): a roundup's products over "Buy" / "Compare", a quiz's questions over their answers; a
/// page asks such a question once. Nor in a list's item (`li`, `dd`): a how-to's step over "Done" / "Skip" is one
/// of the steps the article lists. And it must carry a mark of a voice other than the article's
/// ([`speaks_for_another`]): a short section of the article, a heading and a paragraph between its other paragraphs,
/// may end in a row of buttons ("Save" / "Print", "Buy" / "Compare", a poll's "Yes" / "No", an FAQ's "Expand"), in
/// the same shape as a notice. It can still be wrong on such a section that names an embed service (a review of a
/// streaming app over "Buy" / "Compare"), holds a sign-up field of the article's own or a button to load more of
/// it.
fn is_question_box(
    block: NodeRef<'_, Node>,
    root: NodeRef<'_, Node>,
    measure: Measure<'_>,
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
) -> bool {
    !in_list_item(block, root)
        && follows_prose(block, root, is_prose, skip)
        && !is_repeated_item(block, measure)
        && speaks_for_another(block)
}

/// The kinds of form field (`<input type=…>`) that ask a reader who they are: a sign-up's address, a log-in's
/// password. A field of the article's own tool asks for what it computes with (a number, a date, a choice), never
/// the reader's address (Readability's `_cleanConditionally` reads a form's inputs; here only their kind).
const IDENTITY_FIELD_TYPES: &[&str] = &["email", "password"];

/// Whether an element is a form field that asks who the reader is ([`IDENTITY_FIELD_TYPES`]).
fn is_identity_field(element: &scraper::node::Element) -> bool {
    element.name() == "input"
        && dom::attr(element, "type").is_some_and(|t| {
            IDENTITY_FIELD_TYPES
                .iter()
                .any(|kind| t.trim().eq_ignore_ascii_case(kind))
        })
}

/// Whether a block holds a field that asks who the reader is ([`is_identity_field`]): a sign-up's or a log-in's form.
fn holds_identity_field(block: NodeRef<'_, Node>) -> bool {
    block
        .descendants()
        .any(|d| d.value().as_element().is_some_and(is_identity_field))
}

/// The elements a blocked embed leaves in its place, or that a notice stands beside: the frame, or the plug-in
/// object, whose content comes from another site.
const EMBED_ELEMENTS: &[&str] = &["iframe", "embed", "object"];

/// Services whose players and posts pages embed, and whose embeds consent managers block behind a notice that names
/// them ("This content is provided by YouTube", "Externer Inhalt von Datawrapper", "Contenu fourni par
/// SoundCloud"): brand names are written alike in every language, so the name is evidence in any of them. Only
/// names that are no common word of a language are listed (not `X` or `Threads`), lower case, each one word as
/// [`speaks_for_another`] reads the text. A short section of the article that names one of them beside a row of
/// buttons (a review of a streaming app) is the case this can be wrong on.
const EMBED_SERVICES: &[&str] = &[
    "bluesky",
    "brightcove",
    "dailymotion",
    "datawrapper",
    "deezer",
    "facebook",
    "flourish",
    "giphy",
    "glomex",
    "google",
    "infogram",
    "instagram",
    "issuu",
    "linkedin",
    "mastodon",
    "openstreetmap",
    "outbrain",
    "pinterest",
    "podigee",
    "reddit",
    "scribd",
    "slideshare",
    "soundcloud",
    "spotify",
    "taboola",
    "tiktok",
    "twitch",
    "twitter",
    "typeform",
    "vimeo",
    "wistia",
    "youtube",
];

/// Whole words of a class or id name that name a stand-in for content from another site: the box a consent manager
/// or a lazy loader puts where an embed would be (`privacy-embed`, `external-content`, `lazy-embed`,
/// `embed-privacy-container`, `content-blocker`). A name is weak evidence, read only on a box already shaped as a
/// question over a row of controls ([`is_question_box`]); `embed` alone also names a real embed's wrapper
/// (`wp-block-embed`), whose text is the embedded post's and holds no such row.
const STAND_IN_NAME_WORDS: &[&str] = &[
    "blocker",
    "embed",
    "embedding",
    "embeds",
    "external",
    "privacy",
];

/// Whether a question box ([`is_question_box`]) carries a mark of a voice other than the article's, by structure or
/// by a name written alike in every language: a field that asks who the reader is ([`IDENTITY_FIELD_TYPES`]: a
/// sign-up, a log-in), the frame of an embed ([`EMBED_ELEMENTS`], or an element other than a picture whose source
/// waits in `data-src`, as consent managers keep a blocked frame's address), the name of an embed service in its
/// text ([`EMBED_SERVICES`]: a blocked embed's notice), a whole word of its class or id, or of an element's inside
/// it, that names a stand-in for another site's content ([`STAND_IN_NAME_WORDS`]), or a control whose label asks
/// to load, allow or accept what the box stands for ([`LOAD_CONSENT_WORDS`]: "Inhalt laden", "Always allow"). Without
/// one, a heading and a paragraph over a row of buttons are as likely the article's own short section.
fn speaks_for_another(block: NodeRef<'_, Node>) -> bool {
    let mut text = String::new();
    for node in block.descendants() {
        match node.value() {
            Node::Element(element) => {
                let name = element.name();
                if names_stand_in(element)
                    || EMBED_ELEMENTS.contains(&name)
                    || (!matches!(name, "img" | "source")
                        && dom::attr(element, "data-src").is_some())
                    || is_identity_field(element)
                    || (is_control(element) && asks_to_load(node))
                {
                    return true;
                }
            }
            Node::Text(t) => {
                text.push_str(t);
                text.push(' ');
            }
            _ => {}
        }
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .any(|word| {
            EMBED_SERVICES
                .iter()
                .any(|service| service.eq_ignore_ascii_case(word))
        })
}

/// The verbs with which a consent manager's stand-in for a blocked embed asks the reader to let it in, on its
/// buttons ("Load content", "Always allow", "Accept and play"; "Inhalt laden", "Immer erlauben"; "Toujours
/// autoriser"; "Cargar contenido"), in the languages rinse reads (those of `src/rules/page_boundary/languages`),
/// lower case, each one word as [`asks_to_load`] reads a label. Only verbs that load, allow, accept, consent or
/// unblock are listed, not those that show or open ("Show more", "Expand": an FAQ's item, a section's toggle), nor
/// those that act on the article ("Save", "Print", "Buy", "Compare", a poll's "Yes" / "No"). A label is evidence
/// only on a box already shaped as a question after the article's first paragraph over a row of controls
/// ([`is_question_box`]): issue 12's placeholder of a blocked embed, whose service a notice need not name. Consent
/// managers print these verbs on every blocked embed, as sites print "Anzeige" over an ad (`boilerplate::AD_LABELS`).
const LOAD_CONSENT_WORDS: &[&str] = &[
    // English, German, French, Spanish, Italian, Dutch, Polish, Portuguese, Indonesian, Russian; a word two of them
    // share (`laden`, `permitir`, `desbloquear`) once.
    "accept",
    "allow",
    "load",
    "unblock",
    "akzeptieren",
    "erlauben",
    "laden",
    "zulassen",
    "zustimmen",
    "entsperren",
    "accepter",
    "autoriser",
    "charger",
    "débloquer",
    "aceptar",
    "permitir",
    "cargar",
    "desbloquear",
    "accetta",
    "accetto",
    "consenti",
    "carica",
    "sblocca",
    "accepteren",
    "accepteer",
    "toestaan",
    "deblokkeren",
    "akceptuj",
    "akceptuję",
    "zezwalaj",
    "zezwól",
    "załaduj",
    "wczytaj",
    "odblokuj",
    "aceitar",
    "aceito",
    "carregar",
    "terima",
    "izinkan",
    "muat",
    "принять",
    "разрешить",
    "загрузить",
];

/// Whether the label of a control (its text) holds one of [`LOAD_CONSENT_WORDS`] as a whole word, in any case.
fn asks_to_load(control: NodeRef<'_, Node>) -> bool {
    dom::normalized_text(control)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .any(|word| {
            let word = word.to_lowercase();
            LOAD_CONSENT_WORDS.contains(&word.as_str())
        })
}

/// An element's class attribute, trimmed; empty when it has none.
fn class_of(element: &scraper::node::Element) -> &str {
    dom::attr(element, "class").map_or("", str::trim)
}

/// Whether a whole word of an element's class or id is one of [`STAND_IN_NAME_WORDS`].
fn names_stand_in(element: &scraper::node::Element) -> bool {
    let mut found = false;
    for name in [dom::attr(element, "class"), dom::attr(element, "id")]
        .into_iter()
        .flatten()
    {
        for_each_word(name, |word| {
            found |= STAND_IN_NAME_WORDS
                .iter()
                .any(|w| w.eq_ignore_ascii_case(word));
        });
    }
    found
}

/// Whether a paragraph of prose (`is_prose`, what `skip` drops left out) comes before `block` inside `root`: the
/// siblings before it, nearest first, and then those before each of its ancestors up to the root.
fn follows_prose(
    block: NodeRef<'_, Node>,
    root: NodeRef<'_, Node>,
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
) -> bool {
    prose_beside(block, root, is_prose, skip, false)
}

/// Whether a paragraph of prose (`is_prose`, what `skip` drops left out) comes after `block` inside `root`: the
/// siblings after it, and then those after each of its ancestors up to the root (the mirror of [`follows_prose`]).
fn precedes_prose(
    block: NodeRef<'_, Node>,
    root: NodeRef<'_, Node>,
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
) -> bool {
    prose_beside(block, root, is_prose, skip, true)
}

/// Whether a paragraph of prose stands after (`after`) or before `block`, or one of its ancestors below `root`.
fn prose_beside(
    block: NodeRef<'_, Node>,
    root: NodeRef<'_, Node>,
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
    after: bool,
) -> bool {
    let holds = |s: NodeRef<'_, Node>| !skip.contains(s.id()) && holds_prose(s, is_prose, skip);
    std::iter::once(block)
        .chain(block.ancestors())
        .take_while(|at| at.id() != root.id())
        .any(|at| {
            if after {
                at.next_siblings().any(holds)
            } else {
                at.prev_siblings().any(holds)
            }
        })
}

/// Whether a sibling of `block` built like it (the same element name and the same class, none being one) and of at
/// most [`WIDGET_MAX_CHARS`] characters holds a row of controls too: the items of a list the article gives
/// (products, a quiz's questions), which one template writes, not one question. A box of another kind beside it (a
/// sign-up form's field and button under the notice of a blocked embed) is no like item.
fn is_repeated_item(block: NodeRef<'_, Node>, measure: Measure<'_>) -> bool {
    let Some(element) = block.value().as_element() else {
        return false;
    };
    let Some(parent) = block.parent() else {
        return false;
    };
    parent.children().any(|s| {
        s.id() != block.id()
            && s.value()
                .as_element()
                .is_some_and(|e| e.name() == element.name() && class_of(e) == class_of(element))
            && measure(s.id()).0 <= WIDGET_MAX_CHARS
            && s.descendants()
                .any(|d| d.value().as_element().is_some_and(is_control) && in_row_of_controls(d))
    })
}

/// The fewest toggles of a panel of settings: one checkbox is a form's "I agree", two or more are settings to choose
/// among (a consent panel's categories, "Necessary" / "Analytics" / "Marketing").
const PANEL_MIN_TOGGLES: usize = 2;

/// A toggle of a panel is labelled by at most this many characters of its line: a setting's name ("Analytics
/// cookies", "Always enabled"); a longer line is the article's own item that a reader ticks (a checklist's step), as
/// a paragraph of prose starts past `density::CONTINUATION_MIN_CHARS` (80), the bound itself.
const TOGGLE_LABEL_MAX_CHARS: usize = super::density::CONTINUATION_MIN_CHARS as usize;

/// At most this many paragraphs of prose stand in a panel before its first toggle: what the panel is for (CookieLaw
/// Info's "Privacy Overview", a consent manager's one to three paragraphs) and a setting that is always on, so has no
/// toggle of its own. More, and the block around the toggles holds the article's own paragraphs.
const PANEL_INTRO_MAX_PARAGRAPHS: usize = 4;

/// At most this many paragraphs of prose follow a panel's last toggle: what the last setting does, and a line on
/// changing the choice later; the page's own text runs on longer.
const PANEL_OUTRO_MAX_PARAGRAPHS: usize = 2;

/// The panels of settings after the article inside `root`: the smallest block around [`PANEL_MIN_TOGGLES`] toggles
/// or more ([`is_toggle`]: a checkbox, an element whose ARIA role is `switch` or `checkbox`) and a control
/// ([`is_control`]: the button that saves the choice), when each toggle's line is a short label
/// ([`TOGGLE_LABEL_MAX_CHARS`]) outside a list's item, a table or a quotation, its paragraphs of prose explain each
/// toggle ([`explains_each_toggle`]), and it comes after a paragraph of the article's prose with none after it ([`follows_prose`]), not
/// beside the article's paragraphs in their container but after it ([`beside_paragraphs`]). A
/// consent manager's settings (a privacy overview over "Necessary: Always enabled", "Analytics" and their
/// toggles, "Save" / "Accept all") are told by this shape in any language when their names say nothing
/// (generated class names, a theme's own). Readability's `_cleanConditionally` likewise drops a block with more
/// form inputs than a third of its paragraphs. Not a panel: a recipe's ingredients or a checklist with their
/// checkboxes (list items, or lines longer than a label), a quiz's answers under one question and a booking form's
/// extras (no paragraph between them), a form between the article's paragraphs or at their end in their container (a checklist whose items
/// are explained). It can be wrong on a form of the article's own with explained options in a block of its own
/// after the article's paragraphs (a checklist set apart from the story's text).
pub(crate) fn settings_panels(
    root: NodeRef<'_, Node>,
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
) -> Vec<(NodeId, Reason)> {
    panels(root, is_prose, skip, &|panel| {
        follows_prose(panel, root, is_prose, skip)
            && !precedes_prose(panel, root, is_prose, skip)
            && !beside_paragraphs(panel, is_prose, skip)
    })
}

/// The panels of settings (as [`settings_panels`] tells them) inside `body` that stand where a consent manager's
/// dialog stands, whatever its names say, and not beside paragraphs of prose ([`beside_paragraphs`]): before the
/// page's headline ([`before_headline`]), written at the top of the body over the site's header and the article; or
/// after all of the page's prose (a paragraph of prose before them, none after them: [`settings_panels`]' own test,
/// read over the whole body) and holding no `<h1>`, appended to the body after the footer or after the article's
/// container. They go before the article is chosen, since their cookie tables and the paragraph under each setting
/// can outweigh a short article and be output instead of it. A form of the article's own stands under its headline,
/// and a block that holds the headline holds the article, however its toggles fall (a menu's checkbox above it, a
/// sign-up's below). It can be wrong on a page that puts its headline under a form of explained options (a settings
/// page whose `<h1>` closes it). The outermost of nested panels, in document order.
pub(crate) fn page_panels(
    body: NodeRef<'_, Node>,
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
) -> Vec<NodeId> {
    panels(body, is_prose, skip, &|panel| {
        !beside_paragraphs(panel, is_prose, skip)
            && (before_headline(panel, body)
                || (!holds_h1(panel)
                    && follows_prose(panel, body, is_prose, skip)
                    && !precedes_prose(panel, body, is_prose, skip)))
    })
    .into_iter()
    .map(|(id, _)| id)
    .collect()
}

/// Whether a node holds an `<h1>`.
fn holds_h1(node: NodeRef<'_, Node>) -> bool {
    node.descendants()
        .any(|d| d.value().as_element().is_some_and(|e| e.name() == "h1"))
}

/// Whether the page's first `<h1>` comes after `block`: inside a block after it, or after one of its ancestors below
/// `root`, and none stands before it that way or inside it.
fn before_headline(block: NodeRef<'_, Node>, root: NodeRef<'_, Node>) -> bool {
    if holds_h1(block) {
        return false;
    }
    let mut after = false;
    for at in std::iter::once(block)
        .chain(block.ancestors())
        .take_while(|at| at.id() != root.id())
    {
        if at.prev_siblings().any(holds_h1) {
            return false;
        }
        after |= at.next_siblings().any(holds_h1);
    }
    after
}

/// The panels of settings inside `root` (see [`settings_panels`]) that stand where `placed` says a panel of the
/// page's own stands.
fn panels(
    root: NodeRef<'_, Node>,
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
    placed: &dyn Fn(NodeRef<'_, Node>) -> bool,
) -> Vec<(NodeId, Reason)> {
    let toggles = labelled_toggles(root);
    if toggles.len() < PANEL_MIN_TOGGLES {
        return Vec::new();
    }
    let holds = |block: NodeRef<'_, Node>, node: NodeRef<'_, Node>| {
        node.ancestors().any(|a| a.id() == block.id())
    };
    let mut panels: Vec<(NodeId, Reason)> = Vec::new();
    for toggle in &toggles {
        if panels
            .iter()
            .any(|(p, _)| root.tree().get(*p).is_some_and(|p| holds(p, *toggle)))
        {
            continue;
        }
        // The smallest block around this toggle, others and a control.
        let Some(panel) = toggle
            .ancestors()
            .take_while(|a| a.id() != root.id())
            .find(|a| {
                toggles.iter().filter(|t| holds(*a, **t)).count() >= PANEL_MIN_TOGGLES
                    && a.descendants()
                        .any(|d| d.value().as_element().is_some_and(is_control))
            })
        else {
            continue;
        };
        if !panel
            .value()
            .as_element()
            .is_some_and(|e| is_block(e.name()))
            || std::iter::once(panel)
                .chain(panel.ancestors())
                .take_while(|a| a.id() != root.id())
                .any(|a| skip.contains(a.id()))
        {
            continue;
        }
        let inside: Vec<NodeId> = toggles
            .iter()
            .filter(|t| holds(panel, **t))
            .map(|t| t.id())
            .collect();
        if explains_each_toggle(panel, &inside, is_prose, skip) && placed(panel) {
            panels.push((panel.id(), Reason::Consent));
        }
    }
    keep_outermost(root, &mut panels);
    panels
}

/// Whether the paragraphs of prose of a panel (`is_prose`, what `skip` drops left out, outside its tables) explain
/// its `toggles` one by one: at most [`PANEL_INTRO_MAX_PARAGRAPHS`] before the first toggle, one or more between
/// each toggle and the next, and at most [`PANEL_OUTRO_MAX_PARAGRAPHS`] after the last. A consent manager's
/// categories each say what their cookies do; a booking form's extras (towels, a cot) have a price, not a paragraph,
/// and the page's own text (the answers of its FAQ) runs on after them.
fn explains_each_toggle(
    panel: NodeRef<'_, Node>,
    toggles: &[NodeId],
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
) -> bool {
    // The paragraphs before the first toggle, then after each toggle.
    let mut runs: Vec<usize> = vec![0];
    walk(panel, |n| {
        if toggles.contains(&n.id()) {
            runs.push(0);
            return false;
        }
        let Some(element) = n.value().as_element() else {
            return false;
        };
        if skip.contains(n.id()) || element.name() == "table" {
            return false;
        }
        if is_prose(n.id()) {
            if let Some(run) = runs.last_mut() {
                *run += 1;
            }
        }
        true
    });
    let (Some(intro), Some(outro)) = (runs.first(), runs.last()) else {
        return false;
    };
    runs.len() > PANEL_MIN_TOGGLES
        && *intro <= PANEL_INTRO_MAX_PARAGRAPHS
        && *outro <= PANEL_OUTRO_MAX_PARAGRAPHS
        && runs[1..runs.len() - 1].iter().all(|run| *run > 0)
}

/// The toggles inside `root` in document order (see [`is_toggle`]), left out already or not (form controls are never
/// content), whose line is a short label: the text of the nearest block around the toggle, not counting the blocks
/// inside it, is at most [`TOGGLE_LABEL_MAX_CHARS`] characters. Toggles in a list's item or a table's cell (a
/// recipe's ingredients, a checklist) or a quotation are the article's.
fn labelled_toggles(root: NodeRef<'_, Node>) -> Vec<NodeRef<'_, Node>> {
    let mut found = Vec::new();
    walk(root, |n| {
        let Some(element) = n.value().as_element() else {
            return false;
        };
        if matches!(
            element.name(),
            "li" | "dd" | "dt" | "td" | "th" | "blockquote" | "table"
        ) {
            return false;
        }
        if is_toggle(element) {
            if line_chars(n, root) <= TOGGLE_LABEL_MAX_CHARS {
                found.push(n);
            }
            return false;
        }
        true
    });
    found
}

/// Whether an element is a toggle a reader sets: a checkbox, or an element whose ARIA role is `switch` or
/// `checkbox` (what a screen reader announces, in any language).
fn is_toggle(element: &scraper::node::Element) -> bool {
    let role_is =
        |r: &str| dom::attr(element, "role").is_some_and(|v| v.trim().eq_ignore_ascii_case(r));
    role_is("switch")
        || role_is("checkbox")
        || (element.name() == "input"
            && dom::attr(element, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("checkbox")))
}

/// The characters (not white space) of the line a node stands on: the text of its nearest block ancestor inside
/// `root` (or the root), without the blocks inside that one.
fn line_chars(node: NodeRef<'_, Node>, root: NodeRef<'_, Node>) -> usize {
    let line = node
        .ancestors()
        .find(|a| a.id() == root.id() || a.value().as_element().is_some_and(|e| is_block(e.name())))
        .unwrap_or(root);
    let mut chars = 0;
    walk(line, |n| match n.value() {
        Node::Element(e) => n.id() == line.id() || !is_block(e.name()),
        Node::Text(t) => {
            chars += t.chars().filter(|c| !c.is_whitespace()).count();
            false
        }
        _ => false,
    });
    chars
}

/// Whether a sibling of `block` is a paragraph of prose (`is_prose`, what `skip` drops left out), or the wrapper of
/// one (an element whose one element child is such a paragraph, as page builders wrap each paragraph): then
/// `block` stands among the article's paragraphs, in its container. A page's panels stand after that container (a
/// consent manager appends its panel to the body), beside the blocks that hold the article's paragraphs, not
/// beside the paragraphs.
fn beside_paragraphs(
    block: NodeRef<'_, Node>,
    is_prose: &dyn Fn(NodeId) -> bool,
    skip: &NodeSet,
) -> bool {
    let is_paragraph = |n: NodeRef<'_, Node>| !skip.contains(n.id()) && is_prose(n.id());
    block.prev_siblings().chain(block.next_siblings()).any(|s| {
        let mut children = s.children().filter(|c| c.value().is_element());
        is_paragraph(s)
            || match (children.next(), children.next()) {
                (Some(only), None) => is_paragraph(only),
                _ => false,
            }
    })
}
