//! M001 `trailing-heading`: headings with nothing under them at the end of the body.

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
A run of such headings at the end goes too.

## Example
raw: `The article ends here.` / `` / `### Comments`
clean: `The article ends here.`

## Safety
Safe: only one-line ATX headings after the last block that is not a heading; a body of headings alone is kept."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        let is_bare_heading =
            |i: usize| body.blocks[i].kind == BlockKind::Heading && body.blocks[i].lines == 1;
        let mut first = body.blocks.len();
        while first > 0 && is_bare_heading(first - 1) {
            first -= 1;
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
    fn body_of_headings_alone_stays() {
        assert!(fix("# One\n\n## Two\n").is_empty());
    }
}
