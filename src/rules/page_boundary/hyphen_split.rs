//! B002 `hyphen-split`: a word or compound hyphenated across a page boundary, rejoined with or without its hyphen.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::page::Join;
use crate::document::Edit;
use crate::rules::body::{content_end, Body};
use crate::rules::Rule;

/// A word hyphenated across a page boundary (see [`Rule::doc`]).
pub(crate) struct HyphenSplit;

impl Rule for HyphenSplit {
    fn code(&self) -> &'static str {
        "B002"
    }

    fn name(&self) -> &'static str {
        "hyphen-split"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
A paragraph cut at a page boundary right after a hyphen. A hyphenated word (`inter-` / `national`) is joined
without the hyphen; a compound (`well-` / `known`) keeps it. Furniture between the halves goes.

## Example
raw: `an inter-` / `3` / `national group.`
clean: `an international group.`

## Safety
Decided by evidence, in order: a capital, a digit or a second hyphen in the parts means a compound; the
hyphenated or the joined form elsewhere in the document; the joined word in the shipped English word list
(derived from SCOWL); both parts as words of the list or of the document mean a compound. Otherwise the
hyphen is taken as hyphenation. A compound of two rare words never seen apart can lose its hyphen."
    }

    fn check(&self, body: &Body<'_>) -> Vec<Edit> {
        if body.paged_plan().is_some() {
            // Paged text: line-end hyphens are decided by `B004` with [`hyphen_judge`].
            return Vec::new();
        }
        let pages = body.pages();
        let mut vocabulary: Option<Vocabulary> = None;
        pages
            .breaks
            .iter()
            .filter(|b| b.join == Join::Hyphen)
            .filter_map(|b| {
                let end = content_end(body, b.prev);
                let next_start = body.blocks[b.next].range.start;
                let prev_text = &body.text[body.blocks[b.prev].range.start..end];
                let hyphen = prev_text.char_indices().next_back()?.0;
                let left = last_word(&prev_text[..hyphen]);
                let right = first_word(&body.text[next_start..]);
                let vocabulary = vocabulary.get_or_insert_with(|| Vocabulary::of(body.text));
                let keep = is_compound(left, right, vocabulary);
                let hyphen_start = body.blocks[b.prev].range.start + hyphen;
                Some(if keep {
                    Edit::delete(end..next_start)
                } else {
                    Edit::delete(hyphen_start..next_start)
                })
            })
            .collect()
    }
}

/// A judge of line-end hyphens in `document`, by the evidence of [`HyphenSplit`]: given the text before the hyphen
/// and the text after the break, whether the hyphen belongs to a compound and stays.
pub(crate) fn hyphen_judge(document: &str) -> impl Fn(&str, &str) -> bool {
    let vocabulary = Vocabulary::of(document);
    move |left, right| is_compound(last_word(left), first_word(right), &vocabulary)
}

/// The words of the document, lowercased: the joined and hyphenated forms it uses elsewhere.
struct Vocabulary {
    words: HashSet<String>,
}

impl Vocabulary {
    fn of(text: &str) -> Vocabulary {
        let words = text
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .filter(|w| !w.is_empty() && !w.ends_with('-') && !w.starts_with('-'))
            .map(str::to_lowercase)
            .collect();
        Vocabulary { words }
    }
}

/// The shipped word list: lowercase English words of five letters or more, from SCOWL (see words.COPYRIGHT).
static WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("words.txt").lines().collect());

fn is_compound(left: &str, right: &str, vocabulary: &Vocabulary) -> bool {
    if left.is_empty() || right.is_empty() {
        return true;
    }
    let structural = right.starts_with(char::is_uppercase)
        || left.contains('-')
        || right.contains('-')
        || left
            .chars()
            .chain(right.chars())
            .any(|c| c.is_ascii_digit())
        || left.chars().skip(1).any(char::is_uppercase);
    if structural {
        return true;
    }
    let left_lower = left.to_lowercase();
    let right_lower = right.to_lowercase();
    let joined = format!("{left_lower}{right_lower}");
    let hyphenated = format!("{left_lower}-{right_lower}");
    if vocabulary.words.contains(&hyphenated) {
        return true;
    }
    if vocabulary.words.contains(&joined) || WORDS.contains(joined.as_str()) {
        return false;
    }
    let whole_word = |w: &str| WORDS.contains(w) || vocabulary.words.contains(w);
    // A first part that is a word of its own makes a compound (`well-known`); so does a short first part before
    // a whole word (`four-stroke`). Hyphenation fragments (`pollu-`, `гото-`) are neither.
    whole_word(&left_lower) || (left.chars().count() <= 4 && WORDS.contains(right_lower.as_str()))
}

fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

fn first_word(text: &str) -> &str {
    let text = text.trim_start();
    let end = text
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '-' || *c == '\''))
        .map_or(text.len(), |(i, _)| i);
    text[..end].trim_end_matches('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decide(left: &str, right: &str, doc: &str) -> bool {
        is_compound(left, right, &Vocabulary::of(doc))
    }

    #[test]
    fn hyphenated_word_in_the_word_list_loses_its_hyphen() {
        assert!(!decide("inter", "national", ""));
        assert!(!decide("pollu", "tion", ""));
    }

    #[test]
    fn compound_of_two_words_keeps_its_hyphen() {
        assert!(decide("well", "known", ""));
        assert!(decide("Eva", "Marie", ""));
        assert!(decide("four", "stroke", ""));
    }

    #[test]
    fn document_evidence_wins() {
        assert!(decide("data", "base", "we use a data-base here"));
        assert!(!decide("гото", "вится", "суп готовится быстро"));
    }
}
