//! N001 `nav-lines`: navigation before the article: skip links, menus, breadcrumbs, link lists.

use super::{is_cookie_notice, is_labelled_menu, is_menu};
use crate::document::Edit;
use crate::rules::body::{ending, removal_range, word_count, BlockKind, Ending};
use crate::rules::{Context, Question, Rule};

/// Navigation lines at the top of a body (see [`Rule::doc`]).
pub(crate) struct NavLines;

/// How many blocks from the top may be navigation.
const TOP_BLOCKS: usize = 10;
/// A paragraph of this many words that ends a sentence is the text, not a label (`Skip to main content` has four).
const MIN_SENTENCE_WORDS: usize = 6;
/// A paragraph of this many words is the text even without a sentence end (a lead cut short by the converter).
const MIN_PROSE_WORDS: usize = 20;
/// A label is a link's or a button's text (`Skip to main content`), not a phrase of the text.
const MAX_LABEL_WORDS: usize = 4;
/// See [`MAX_LABEL_WORDS`]: four long words are a title, not a label.
const MAX_LABEL_CHARS: usize = 40;
/// A button ending in `!` is shorter than a label (`Got it!`, `Accept all!`): a longer exclamation is the text's.
const MAX_BUTTON_WORDS: usize = 3;
/// The label before a figure (`Reading time`, `Stand`, `Published`) is a short phrase.
const MAX_FIGURE_LABEL_WORDS: usize = 3;
/// The unit after a figure is an abbreviation or a short word (`min`, `Min.`, `minutes`, `Minuten`).
const MAX_UNIT_CHARS: usize = 8;
/// A count above the article is a number and what it counts in a word or two (`44 comments`, `9 min read`,
/// `35 Min. Lesezeit`, `26 komentarzy`).
const MAX_COUNTED_WORDS: usize = 2;

impl Rule for NavLines {
    fn code(&self) -> &'static str {
        "N001"
    }

    fn trims(&self) -> bool {
        true
    }

    fn name(&self) -> &'static str {
        "nav-lines"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
Navigation a scraper kept above the article: skip links, menu words, breadcrumbs (`Home › News › World`,
`Front page :: Sports`, `You are here: Home ⟩ Sport`), menus (`Home | News | About`, `News – Sport – Weather`,
items set apart by runs of spaces) and lines made only of links; cookie notices and their `Got it!` button;
`Label: figure` lines (`Reading time: 4 min`, `Stand: 25.01.2022`) and counts (`44 comments`, `9 min read`,
`42 Kommentare`). Only lines before the first paragraph of
running text are looked at, so the article is never touched.

## Example
raw: `Skip to content` / `Home › News` / `The article starts here, in a sentence.`
clean: `The article starts here, in a sentence.`

## Evidence
Shapes, not words of one language: short items between separators (a breadcrumb's label before a colon
aside), labels of up to four words without digits or sentence punctuation, a button of up to three words
ending in `!`, a label, a colon and one figure with at most a unit word, a number and one or two words after
it. A cookie notice is a line naming a
cookie and the site or browsing, by the word stems of `src/rules/navigation/boilerplate_words.txt` (one list
for all languages); it is not running text, so it hides no navigation under it.

## Safety
A short label of one to four words without punctuation above the first sentence counts as navigation, so a
one-line lead such as a kicker or a section label there can be removed; so can a first line such as
`Population: 3200` or `3 eggs` above the first sentence."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        // Without running text near the top there is no article to find the navigation above: leave it all.
        let Some(first_prose) = (0..body.blocks.len().min(TOP_BLOCKS + 1)).find(|&i| {
            body.blocks[i].kind == BlockKind::Paragraph
                && cx.answer(Question::Prose, body.block_text(i), is_prose)
        }) else {
            return Vec::new();
        };
        (0..first_prose)
            .filter(|&i| {
                let block = &body.blocks[i];
                block.lines == 1
                    && matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
                    && cx.answer(Question::Navigation, body.block_text(i), is_navigation)
            })
            .map(|i| Edit::delete(removal_range(body, i)))
            .collect()
    }
}

/// A line above the article that is navigation or page furniture: a menu, a breadcrumb behind its label, a
/// label, a cookie notice, a `Label: 12 units` line (`Reading time: 4 min`, `Stand: 25.01.2022`).
fn is_navigation(text: &str) -> bool {
    is_menu(text)
        || is_labelled_menu(text)
        || is_label(text)
        || is_cookie_notice(text)
        || is_labelled_figure(text)
        || is_count(text)
}

/// A number and what it counts in a word or two, without sentence punctuation: `44 comments`, `9 min read`,
/// `35 Min. Lesezeit`.
fn is_count(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let number = words
        .next()
        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
    let counted: Vec<&str> = words.collect();
    number
        && (1..=MAX_COUNTED_WORDS).contains(&counted.len())
        && counted.iter().enumerate().all(|(k, w)| {
            let letters = w
                .strip_suffix('.')
                .filter(|_| k + 1 < counted.len())
                .unwrap_or(w);
            !letters.is_empty() && letters.chars().all(char::is_alphabetic)
        })
}

/// Running text, in a paragraph: several words that end a sentence, or many.
fn is_prose(text: &str) -> bool {
    !is_menu(text)
        && !is_cookie_notice(text)
        && ((word_count(text) >= MIN_SENTENCE_WORDS && ending(text) == Ending::Terminal)
            || word_count(text) >= MIN_PROSE_WORDS)
}

/// A short label without sentence punctuation or digits: `Menu`, `Sections`, `Skip to main content`; or a
/// button of up to three words that ends in `!` (`Got it!`, under a cookie notice).
fn is_label(text: &str) -> bool {
    let t = text.trim();
    // Menu icons and link brackets before the word: `☰ Menu`, `[Sections](#)`.
    let link_or_plain = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    let button = t.ends_with('!')
        && !t[..t.len() - 1].contains(['.', '!', '?'])
        && word_count(t) <= MAX_BUTTON_WORDS;
    (1..=MAX_LABEL_WORDS).contains(&word_count(t))
        && t.chars().count() <= MAX_LABEL_CHARS
        && !t.chars().any(|c| c.is_ascii_digit())
        && (button || !t.ends_with(['.', '!', '?', ':', ',']))
        && link_or_plain.starts_with(char::is_alphabetic)
}

/// A label, a colon and a figure with at most one word after it: `Reading time: 4 min`, `Lesezeit: 28 Min.`,
/// `Published: 18/11/2019`.
fn is_labelled_figure(text: &str) -> bool {
    let Some((label, figure)) = text.trim().split_once(':') else {
        return false;
    };
    let mut words = figure.split_whitespace();
    let number = words.next().is_some_and(|n| {
        n.starts_with(|c: char| c.is_ascii_digit())
            && n.chars().all(|c| c.is_ascii_digit() || "./-".contains(c))
    });
    let unit = words.next().is_none_or(|u| {
        u.chars().count() <= MAX_UNIT_CHARS
            && u.trim_end_matches('.').chars().all(char::is_alphabetic)
    });
    (1..=MAX_FIGURE_LABEL_WORDS).contains(&word_count(label))
        && label
            .chars()
            .all(|c| c.is_alphabetic() || c.is_whitespace())
        && number
        && unit
        && words.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nav_lines_stop_at_the_first_sentence() {
        let cx = Context::markdown(
            "Skip to content\n\nMenu\n\nThe article starts here, in a sentence.\n\nShort line\n",
        );
        let edits = NavLines.check(&cx);
        assert_eq!(edits.len(), 2);
    }

    #[test]
    fn cookie_notices_breadcrumbs_and_figures_above_the_article_go() {
        let cx = Context::markdown(
            "We use cookies to better your visit to our site. By continuing to browse, you agree.\n\nGot it!\n\nYou are here: Home ⟩ Sports\n\nReading time: 4 min\n\nThe article starts here, in a sentence.\n",
        );
        assert_eq!(NavLines.check(&cx).len(), 4);
        assert!(!is_labelled_figure("Score: 4 out of 5"));
        for count in [
            "44 comments",
            "9 min read",
            "35 Min. Lesezeit",
            "26 komentarzy",
        ] {
            assert!(is_navigation(count), "{count}");
        }
        for text in [
            "3 eggs, beaten",
            "2019",
            "12 Angry Men.",
            "In 2019 the team",
        ] {
            assert!(!is_count(text), "{text}");
        }
    }
}
