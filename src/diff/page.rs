//! An HTML page's whole text with the reason extraction dropped each part of it, so that `rinse diff` labels a
//! dropped block `extract/navigation`, `extract/comments`, … instead of a bare `extract`.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The text of an HTML page's whole `<body>`, rendered like an article, and the lines of it that extraction drops,
/// each with the label of its reason.
#[derive(Debug, Clone, Default)]
pub struct PageText {
    /// The page's text.
    pub text: String,
    /// Byte ranges of `text`, whole lines in order and apart, with the label of the reason extraction drops them
    /// for (`extract/navigation`). A dropped line outside every range is labelled [`super::EXTRACT`].
    pub labels: Vec<(Range<usize>, &'static str)>,
}

impl PageText {
    /// A page text whose drops have no reasons: `rinse diff` labels them all [`super::EXTRACT`].
    pub fn new(text: String) -> PageText {
        PageText {
            text,
            labels: Vec::new(),
        }
    }

    /// Labels the lines of `text`. `dropped` holds each block extraction dropped, rendered alone, with the label of
    /// its reason; `containers` is the text of the containers chosen as the article, before anything inside them was
    /// dropped. A line one of the dropped blocks renders gets its label (the first block's, when several do); a line
    /// that is in neither gets `outside` (the page around the article). Lines are compared without their markdown
    /// prefixes (list markers, quote marks, heading hashes, indentation), which depend on where a block sits.
    pub fn labelled(
        text: String,
        dropped: &[(&'static str, String)],
        containers: &str,
        outside: &'static str,
    ) -> PageText {
        let mut reasons: HashMap<&str, &'static str> = HashMap::new();
        for (label, block) in dropped {
            for line in block.lines() {
                let key = line_key(line);
                if !key.is_empty() {
                    reasons.entry(key).or_insert(label);
                }
            }
        }
        let inside: HashSet<&str> = containers.lines().map(line_key).collect();
        let mut labels: Vec<(Range<usize>, &'static str)> = Vec::new();
        let mut start = 0;
        for line in text.split_inclusive('\n') {
            let range = start..start + line.len();
            start = range.end;
            let key = line_key(line);
            if key.is_empty() {
                continue;
            }
            let label = match reasons.get(key) {
                Some(label) => *label,
                None if !inside.contains(key) => outside,
                None => continue,
            };
            match labels.last_mut() {
                // A run of lines with one reason, blank lines between them included, is one labelled range.
                Some((last, previous))
                    if *previous == label && text[last.end..range.start].trim().is_empty() =>
                {
                    last.end = range.end;
                }
                _ => labels.push((range, label)),
            }
        }
        PageText { text, labels }
    }

    /// The label of the line that starts at or contains byte `pos`, if it has one.
    pub(super) fn label_at(&self, pos: usize) -> Option<&'static str> {
        let i = self.labels.partition_point(|(range, _)| range.end <= pos);
        self.labels
            .get(i)
            .filter(|(range, _)| range.start <= pos)
            .map(|(_, label)| *label)
    }
}

/// A line without what its place in the markdown adds: surrounding whitespace, quote marks, heading hashes, list
/// markers (`-`, `*`, `+`, `1.`).
fn line_key(line: &str) -> &str {
    let mut s = line.trim();
    loop {
        let t = s.trim_start_matches(['>', '#']).trim_start();
        let t = ["- ", "* ", "+ "]
            .iter()
            .find_map(|m| t.strip_prefix(m))
            .unwrap_or(t);
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let t = match t[digits..].strip_prefix(". ") {
            Some(rest) if digits > 0 => rest,
            _ => t,
        };
        let t = t.trim_start();
        if t.len() == s.len() {
            return t;
        }
        s = t;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_key_drops_markdown_prefixes() {
        assert_eq!(line_key("  > - **Share** this\n"), "**Share** this");
        assert_eq!(line_key("12. Item"), "Item");
        assert_eq!(line_key("## Related"), "Related");
        assert_eq!(line_key("2020\\. A year"), "2020\\. A year");
    }

    #[test]
    fn lines_get_the_label_of_the_block_that_renders_them() {
        let text = "Menu\n\n- Home\n- News\n\nThe story.\n\n## Comments\n\nGood read!\n\nFooter\n";
        let dropped = [
            ("extract/navigation", "- Home\n- News\n".to_string()),
            (
                "extract/comments",
                "## Comments\n\nGood read!\n".to_string(),
            ),
        ];
        let page = PageText::labelled(
            text.to_string(),
            &dropped,
            "The story.\n\nComments\n\nGood read!\n",
            "extract/outside-article",
        );
        let at = |line: &str| page.label_at(text.find(line).expect("line is in the text"));
        assert_eq!(at("Menu"), Some("extract/outside-article"));
        assert_eq!(at("- Home"), Some("extract/navigation"));
        assert_eq!(at("- News"), Some("extract/navigation"));
        assert_eq!(at("The story."), None);
        assert_eq!(at("Good read!"), Some("extract/comments"));
        assert_eq!(at("Footer"), Some("extract/outside-article"));
        assert_eq!(
            page.labels
                .iter()
                .filter(|(_, l)| *l == "extract/comments")
                .count(),
            1,
            "the heading and the comment are one range"
        );
    }
}
