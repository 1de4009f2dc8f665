//! L001 `link-placeholder`: links that go nowhere (`[x](#)`, `[x]()`, `[x](javascript:…)`), reduced to their text.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Edit;
use crate::rules::body::BlockKind;
use crate::rules::{Context, Rule};

/// A link whose target is a placeholder (see [`Rule::doc`]).
pub(crate) struct LinkPlaceholder;

/// A markdown inline link whose target may hold one level of parentheses (`javascript:void(0)`).
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"!?\[[^\[\]\n]*\]\(\s*(?:[^()\s]|\([^()\s]*\))*\s*\)")
        .expect("the link pattern is valid")
});

impl Rule for LinkPlaceholder {
    fn code(&self) -> &'static str {
        "L001"
    }

    fn name(&self) -> &'static str {
        "link-placeholder"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
A link whose target goes nowhere: `#` or a fragment, an empty target, or `javascript:`. Its text stays, the
link markup goes. Real links are kept byte for byte.

## Example
raw: `conducted by People's Daily and [published](#) in Chinese`
clean: `conducted by People's Daily and published in Chinese`

## Safety
Safe: the text is kept. A link to an anchor of the same page (`[see below](#notes)`) loses its target too,
which is what a cleaned copy wants. Images and code are left alone."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        let body = &cx.body;
        let mut edits = Vec::new();
        for (i, block) in body.blocks.iter().enumerate() {
            if block.kind == BlockKind::Code {
                continue;
            }
            let text = body.block_text(i);
            // Matches are found without capture groups (much cheaper); the label and target are read back from
            // the match: the label holds no brackets, so the first `]` ends it.
            for whole in LINK.find_iter(text) {
                let link = whole.as_str();
                if link.starts_with('!') {
                    continue;
                }
                let Some(close) = link.find(']') else {
                    continue;
                };
                let label = &link[1..close];
                let target = link[close + 2..link.len() - 1].trim();
                let placeholder = target.is_empty()
                    || target.starts_with('#')
                    || target.to_ascii_lowercase().starts_with("javascript:");
                if placeholder {
                    let start = block.range.start + whole.start();
                    edits.push(Edit::replace(start..start + whole.len(), label));
                }
            }
        }
        edits
    }
}
