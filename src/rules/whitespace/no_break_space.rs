//! W004 `no-break-space`: no-break spaces, replaced by plain spaces.

use crate::document::Edit;
use crate::rules::{by_segments, Context, Rule, Segment};

/// A no-break space (see [`Rule::doc`]).
pub(crate) struct NoBreakSpace;

impl Rule for NoBreakSpace {
    fn code(&self) -> &'static str {
        "W004"
    }

    fn name(&self) -> &'static str {
        "no-break-space"
    }

    fn doc(&self) -> &'static str {
        "## What it repairs
No-break spaces (U+00A0) that HTML `&nbsp;` and word processors leave in text, replaced by plain spaces.

## Example
raw: `Now we\\u{a0}spend`
clean: `Now we spend`

## Safety
Safe for reading; a line break may now fall where the page kept two words together."
    }

    fn check(&self, cx: &Context<'_>) -> Vec<Edit> {
        by_segments(self, &cx.body)
    }

    fn segment_local(&self) -> bool {
        true
    }

    fn check_segment(&self, segment: &Segment<'_>) -> Vec<Edit> {
        // U+00A0 is the bytes 0xC2 0xA0: its lead byte is looked for (memchr needs no searcher built for each
        // segment, as `memmem` does, which cost more than the search on the short segments of most texts).
        let bytes = segment.text.as_bytes();
        memchr::memchr_iter(0xC2, bytes)
            .filter(|&i| bytes.get(i + 1) == Some(&0xA0))
            .map(|i| Edit::replace(i..i + '\u{a0}'.len_utf8(), " "))
            .collect()
    }
}
