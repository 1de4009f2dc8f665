//! Photo credits inside the article: the short line under a picture that names who took it or the agency that
//! sells it ("Foto: dpa", "© AFP", "Credit: Name/Agency"), told by where it sits and how it is written, in any
//! language that writes a label before a colon (or an abbreviated one before a photographer and an agency).

use ego_tree::{NodeId, NodeRef};
use scraper::Node;

use crate::dom::{walk, NodeSet};

use super::byline::text_of;
use super::ending::Measure;
use super::reason::Reason;
use super::widgets::next_element;

/// A credit line has at most this many characters (not counting white space): a label and a name or two with an
/// agency ("Foto: picture alliance/Anna-Lena Vogt", 35); a caption that says what the picture shows runs longer,
/// and a figure with less text than `score::FIGURE_MAX_CHARS` is dropped whole already.
const CREDIT_MAX_CHARS: u32 = 60;

/// A credit line has at most this many words (runs between white space): "Photo: Jonas Becker / iStock" is five.
const CREDIT_MAX_WORDS: usize = 8;

/// The label of a credit line has at most this many words: "Foto", "Crédit photo", "Photo credit".
const LABEL_MAX_WORDS: usize = 2;

/// The copyright sign: a short line under a picture that carries it is the picture's credit, in every language.
const COPYRIGHT: char = '©';

/// The credit lines of the article's pictures inside `root` (see [`is_credit`]): an element of at most
/// [`CREDIT_MAX_CHARS`] characters that comes right after a picture (see [`follows_picture`]) and is written as a
/// credit. A `<figcaption>` and a short `<figure>` are dropped as captions already (`score::prune`); a credit set
/// outside a figure (`<div><img><span>Foto: dpa</span></div>`, `<p><img></p><p><small>© AFP</small></p>`) stays
/// in the article's text otherwise, one line of names between its paragraphs. It can be wrong on a caption of the
/// same shape, a label of a word and a colon before words that all start with a capital or hold a slash
/// ("Nordplatz: Neue Haltestelle"): the article's caption then goes with the credit, as a figure's caption does.
pub(crate) fn image_credits(
    root: NodeRef<'_, Node>,
    measure: Measure<'_>,
    skip: &NodeSet,
) -> Vec<(NodeId, Reason)> {
    let mut found = Vec::new();
    walk(root, |n| {
        if n.value().as_element().is_none() || skip.contains(n.id()) {
            return false;
        }
        let text = measure(n.id()).0;
        if text == 0 {
            return false;
        }
        if n.id() != root.id()
            && text <= CREDIT_MAX_CHARS
            && follows_picture(n)
            && is_credit(&text_of(n, skip))
            && !before_like_line(n, skip)
        {
            found.push((n.id(), Reason::Caption));
            return false;
        }
        true
    });
    found
}

/// Whether the element before a node (white space and comments passed over) is a picture with no text: an `<img>`,
/// a `<picture>`, or an element that holds one and no text (`<p><img></p>`, `<a><img></a>`). A credit sits right
/// under its picture; a line further down is the article's.
fn follows_picture(node: NodeRef<'_, Node>) -> bool {
    let Some(n) = next_element(node, |n| n.prev_sibling()) else {
        return false;
    };
    let is_picture = |name: &str| matches!(name, "img" | "picture");
    let picture =
        |n: NodeRef<'_, Node>| n.value().as_element().is_some_and(|e| is_picture(e.name()));
    picture(n)
        || (n.descendants().any(picture)
            && !n
                .descendants()
                .any(|d| d.value().as_text().is_some_and(|t| !t.trim().is_empty())))
}

/// Whether the element after a node (white space and comments passed over) is written as a credit too, and holds
/// no picture (that is the next picture's credit): a run of labelled lines under a picture is the article's list
/// (an outfit's "Pullover: H&M" / "Rock: Zara", a recipe's facts), where a picture has one credit.
fn before_like_line(node: NodeRef<'_, Node>, skip: &NodeSet) -> bool {
    let mut at = node.next_sibling();
    while let Some(n) = at {
        match n.value() {
            // Another picture with its credit is no second line of a list.
            Node::Element(_) => return !holds_picture(n) && is_credit(&text_of(n, skip)),
            Node::Text(t) if !t.trim().is_empty() => return is_credit(t),
            _ => at = n.next_sibling(),
        }
    }
    false
}

/// Whether a node is or holds an `<img>` or a `<picture>`.
fn holds_picture(node: NodeRef<'_, Node>) -> bool {
    node.descendants().any(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "img" | "picture"))
    })
}

/// Whether a short line is written as a credit: at most [`CREDIT_MAX_WORDS`] words, brackets around it passed over,
/// and either the copyright sign ([`COPYRIGHT`]) or a label (a word, or two whose second starts in lower case:
/// "Foto", "Crédit photo"; letters only, so no "Step 1" or "Figure 2") before a colon (`:`, or the full-width `：`)
/// or an abbreviation before names with a slash ([`abbreviated_label`]: "Fot. Name / Agency"),
/// followed by names (and no second label: a list of labelled items is the article's): words that all start with a
/// capital or a digit ("Katrin L.", "AP Photo"), or any words with a
/// slash between them ("picture alliance/Name"), or one word ("dpa", a photographer's handle). A caption or a tip
/// after a label ("Tip: use a sharp knife", "Berlin: Blick auf den Platz") holds words in lower case; a sentence
/// ends as one, which a credit does only after an initial ("Foto: Katrin L.").
fn is_credit(text: &str) -> bool {
    let text = text
        .trim()
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']'])
        .trim();
    if text.is_empty() || text.split_whitespace().count() > CREDIT_MAX_WORDS {
        return false;
    }
    if text.contains(COPYRIGHT) {
        return true;
    }
    let Some((label, names)) = text
        .split_once([':', '：'])
        .or_else(|| abbreviated_label(text))
    else {
        return false;
    };
    // A second label is a second line: a list of labelled items ("Pullover: H&M Rock: Zara"), no credit.
    if names.contains([':', '：']) {
        return false;
    }
    let label: Vec<&str> = label.split_whitespace().collect();
    let label_is_word = |w: &str| w.chars().all(char::is_alphabetic);
    let is_label = !label.is_empty()
        && label.len() <= LABEL_MAX_WORDS
        && label.iter().all(|w| label_is_word(w))
        && label
            .get(1)
            .is_none_or(|w| w.chars().next().is_some_and(char::is_lowercase));
    let names: Vec<&str> = names.split_whitespace().collect();
    let capitalised = |w: &&str| {
        w.chars()
            .find(|c| c.is_alphanumeric())
            .is_none_or(|c| c.is_uppercase() || c.is_numeric())
    };
    let ends_as_sentence = names.last().is_some_and(|last| {
        let word = last.trim_end_matches(['.', '!', '?']);
        last.len() > word.len() && word.chars().count() > 1
    });
    is_label
        && !names.is_empty()
        && !ends_as_sentence
        && (names.len() == 1 || names.iter().all(capitalised) || names.join(" ").contains('/'))
}

/// A label written as an abbreviation has at most this many letters before its period: "Fot.", "Abb.", "Ph.".
const ABBREVIATION_MAX_LETTERS: usize = 4;

/// A credit's label written as an abbreviation instead of a word and a colon ("Fot. Jan Nowak / PAP"): a first word
/// of 2 to [`ABBREVIATION_MAX_LETTERS`] letters and a period, before names with a slash between them (a
/// photographer and an agency). Without the slash, a short line after such a word is a caption ("St. Paul at dawn",
/// "Dr. Anna Berger").
fn abbreviated_label(text: &str) -> Option<(&str, &str)> {
    let (first, rest) = text.split_once(char::is_whitespace)?;
    let word = first.strip_suffix('.')?;
    ((2..=ABBREVIATION_MAX_LETTERS).contains(&word.chars().count())
        && word.chars().all(char::is_alphabetic)
        && rest.contains('/'))
    .then_some((word, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_are_told_by_label_and_names() {
        for credit in [
            "Foto: dpa",
            "Foto: Katrin L.",
            "Credit: lucia_g/Getty Images",
            "Foto: picture alliance/Anna-Lena Vogt",
            "Crédit photo : oldtimer77",
            "© AFP",
            "(Foto: Max Muster / Reuters)",
            "写真：共同",
            "Fot. Jan Nowak / PAP",
        ] {
            assert!(is_credit(credit), "{credit}");
        }
    }

    #[test]
    fn captions_and_tips_after_a_label_are_no_credits() {
        for line in [
            "Tip: use a sharp knife for the onions",
            "Berlin: Blick auf den neuen Platz",
            "Step 1: Open The Lid",
            "Figure 2 : Le tracé de la ligne",
            "Anna Berger: Stadtplanerin",
            "The planned stop at Nordplatz, as drawn by the architects.",
            "Mayor: We Did It.",
            "Foto:",
            "Pullover: H&M Flauschjacke: Bershka Rock: Zara",
            "St. Paul at dawn",
            "Dr. Anna Berger",
        ] {
            assert!(!is_credit(line), "{line}");
        }
    }
}
