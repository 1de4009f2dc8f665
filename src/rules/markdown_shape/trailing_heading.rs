//! M001 `trailing-heading`: headings with nothing under them at the end of the body.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::document::Edit;
use crate::rules::body::{content_end, BlockKind};
use crate::rules::{Context, Rule};

/// Headings that end the body (see [`Rule::doc`]).
pub(crate) struct TrailingHeading;

impl Rule for TrailingHeading {
    fn code(&self) -> &'static str {
        "M001"
    }

    fn name(&self) -> &'static str {
        "trailing-heading"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
A heading whose section is empty because it ends the body: the title of a comment thread, a related-articles
box or a newsletter form whose content the extractor or another rule left out (`### Comments`, `## Related`).
A run of such headings at the end goes too, and with them the blocks between them that show no text, only images
and links without text of their own (a row of teaser cards under the article, each an image link over a heading:
`[](…)` / `## Another story` / `![Video](…)` / `[](…)` / `## A third one`), so that the whole row goes at once
rather than a card per pass.

## Example
raw: `The article ends here.` / `` / `### Comments`
clean: `The article ends here.`

## Safety
Safe: only one-line ATX headings after the last block that is not a heading or an image, and the images and empty
links between them; an image under the last heading, or above the first, is kept; a body of headings alone is
kept. An image between two headings that end the body goes with them (a gallery section over an empty one)."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        let is_bare_heading =
            |i: usize| body.blocks[i].kind == BlockKind::Heading && body.blocks[i].lines == 1;
        // Walking up: headings, and the blocks without text that stand above one of them.
        let mut first = body.blocks.len();
        let mut heading_below = false;
        while first > 0 {
            if is_bare_heading(first - 1) {
                heading_below = true;
            } else if !(heading_below
                && body.blocks[first - 1].kind == BlockKind::Paragraph
                && shows_no_text(body.block_text(first - 1)))
            {
                break;
            }
            first -= 1;
        }
        // The run starts at a heading: an image right under the text above is the text's own.
        while first < body.blocks.len() && !is_bare_heading(first) {
            first += 1;
        }
        if first == 0 || first == body.blocks.len() {
            return Vec::new();
        }
        vec![Edit::replace(
            content_end(body, first - 1)..body.text.len(),
            "\n",
        )]
    }
}

/// Whether a paragraph shows nothing but images and links without text of their own (`[](…)`, `![Video](…)`,
/// `[![](…)](…)`): an image's description is not text a reader reads.
fn shows_no_text(block: &str) -> bool {
    let mut image = 0usize;
    let mut any = false;
    for event in Parser::new(block) {
        match event {
            Event::Start(Tag::Image { .. }) => {
                image += 1;
                any = true;
            }
            Event::End(TagEnd::Image) => image = image.saturating_sub(1),
            Event::Start(Tag::Link { .. }) => any = true,
            Event::Text(t) | Event::Code(t) if image == 0 && !t.trim().is_empty() => return false,
            Event::Html(_) | Event::InlineHtml(_) | Event::FootnoteReference(_) => return false,
            _ => {}
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(text: &str) -> Vec<Edit> {
        TrailingHeading.check(&Context::markdown(text))
    }

    #[test]
    fn trailing_headings_go() {
        let text = "Body text.\n\n## Related\n\n### Comments\n";
        let edits = fix(text);
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].range, "Body text.".len()..text.len());
    }

    #[test]
    fn heading_with_text_under_it_stays() {
        assert!(fix("Body.\n\n## Notes\nOne note.\n").is_empty());
        assert!(fix("Body.\n\n## Notes\n\nOne note.\n").is_empty());
    }

    #[test]
    fn a_row_of_cards_goes_with_its_headings() {
        let text =
            "Body text.\n\n![A figure](f.png)\n\n## More\n\n[](https://a.org/1)\n\n#### Topic\n\n\
                    ## A story\n\n![Video](v.svg)\n\n[](https://a.org/2)\n\n## Another story\n";
        let edits = fix(text);
        assert_eq!(edits.len(), 1);
        let start = "Body text.\n\n![A figure](f.png)".len();
        assert_eq!(edits[0].range, start..text.len());
        // An image under the last heading stays, with the headings above it (another pass takes what is below).
        assert!(fix("Body text.\n\n## Gallery\n\n![A photo](x.jpg)\n").is_empty());
        // Text in a link or beside an image is text.
        let linked = "Body.\n\n## A\n\n[Story](https://a.org/1)";
        let edits = fix(&format!("{linked}\n\n## B\n"));
        assert_eq!(edits.len(), 1);
        assert_eq!(edits[0].range.start, linked.len());
    }

    #[test]
    fn body_of_headings_alone_stays() {
        assert!(fix("# One\n\n## Two\n").is_empty());
    }
}
