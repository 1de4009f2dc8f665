//! N001 `nav-lines`: navigation before the article: skip links, menus, breadcrumbs, link lists.

use super::is_menu;
use crate::document::Edit;
use crate::rules::body::{ending, removal_range, word_count, BlockKind, Body, Ending};
use crate::rules::{Context, Rule};

/// Navigation lines at the top of a body (see [`Rule::doc`]).
pub(crate) struct NavLines;

/// How many blocks from the top may be navigation.
const TOP_BLOCKS: usize = 10;

impl Rule for NavLines {
    fn code(&self) -> &'static str {
        "N001"
    }

    fn name(&self) -> &'static str {
        "nav-lines"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
Navigation a scraper kept above the article: skip links, menu words, breadcrumbs (`Home › News › World`),
menus (`Home | News | About`) and lines made only of links. Only lines before the first paragraph of running
text are looked at, so the article is never touched.

## Example
raw: `Skip to content` / `Home › News` / `The article starts here, in a sentence.`
clean: `The article starts here, in a sentence.`

## Safety
A short label of one to four words without punctuation above the first sentence counts as navigation, so a
one-line lead such as a kicker or a section label there can be removed."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        // Without running text near the top there is no article to find the navigation above: leave it all.
        let Some(first_prose) =
            (0..body.blocks.len().min(TOP_BLOCKS + 1)).find(|&i| is_prose(body, i))
        else {
            return Vec::new();
        };
        (0..first_prose)
            .filter(|&i| {
                let block = &body.blocks[i];
                block.lines == 1
                    && matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem)
                    && (is_menu(body.block_text(i)) || is_label(body.block_text(i)))
            })
            .map(|i| Edit::delete(removal_range(body, i)))
            .collect()
    }
}

/// Running text: a paragraph of several words that ends a sentence, or a long one.
fn is_prose(body: &Body<'_>, i: usize) -> bool {
    let text = body.block_text(i);
    body.blocks[i].kind == BlockKind::Paragraph
        && !is_menu(text)
        && ((word_count(text) >= 6 && ending(text) == Ending::Terminal) || word_count(text) >= 20)
}

/// A short label without sentence punctuation or digits: `Menu`, `Sections`, `Skip to main content`.
fn is_label(text: &str) -> bool {
    let t = text.trim();
    // Menu icons and link brackets before the word: `☰ Menu`, `[Sections](#)`.
    let link_or_plain = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    (1..=4).contains(&word_count(t))
        && t.chars().count() <= 40
        && !t.chars().any(|c| c.is_ascii_digit())
        && !t.ends_with(['.', '!', '?', ':', ','])
        && link_or_plain.starts_with(char::is_alphabetic)
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
}
