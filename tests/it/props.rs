//! Property tests of the cleanup engine: no panic, idempotent (also `--format text` read back as plain text), one
//! final newline, a rule's edits never overlap.

use proptest::prelude::*;
use rinse::read::kind::InputKind;
use rinse::rules::{RuleSet, Scope};

/// Pieces that exercise every rule: words, breaks, furniture, placeholders, markup and odd whitespace.
fn fragment() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "word",
        "the",
        "Word",
        "inter-",
        "national",
        "well-",
        "known",
        ".",
        ",",
        ":",
        "?",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\n\n\n",
        "\t",
        "\u{a0}",
        "\u{ad}",
        "\u{200b}",
        "\u{feff}",
        "e\u{301}",
        "- ",
        "# ",
        "> ",
        "| a | b |",
        "1. ",
        "```",
        "12",
        "Page 3 of 9",
        "- 4 -",
        "https://example.com/a 2/9",
        "© 2019 Site.",
        "[x](#)",
        "[y]()",
        "[z](javascript:void(0))",
        "[real](https://example.com/)",
        "Home | News | About",
        "Share this:",
        "Menu",
        "Tags: a, b",
        "Мир",
        "и",
        "日本語。",
        "“",
        "”",
        "—",
        "\r\n",
    ])
    .prop_map(str::to_string)
}

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..60).prop_map(|parts| parts.concat())
}

fn clean(text: &str) -> Result<String, TestCaseError> {
    RuleSet::builtin()
        .clean(text, &Scope::default())
        .map(|(out, _)| out)
        .map_err(|e| TestCaseError::fail(format!("{e}")))
}

/// Cleans `text` read as the kind of a file named `name`, into what `--format text` writes.
fn clean_to_text(text: &str, kind: InputKind) -> Result<String, TestCaseError> {
    crate::hostile::clean_as(text.as_bytes(), Some(kind), rinse::emit::Format::Text)
        .map_err(TestCaseError::fail)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn cleaning_never_panics_on_any_text(text in any::<String>()) {
        clean(&text)?;
    }

    #[test]
    fn cleaning_is_idempotent(text in document()) {
        let once = clean(&text)?;
        let twice = clean(&once)?;
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn text_output_read_back_as_plain_text_is_unchanged(text in document()) {
        // An empty file (or one of white space) is no document: an error, read or read back.
        prop_assume!(!text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}').is_empty());
        let once = clean_to_text(&text, InputKind::Markdown)?;
        prop_assume!(!once.is_empty());
        let twice = clean_to_text(&once, InputKind::Text)?;
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn output_is_empty_or_ends_in_one_newline(text in document()) {
        let out = clean(&text)?;
        prop_assert!(out.is_empty() || (out.ends_with('\n') && !out.ends_with("\n\n")), "{:?}", out);
        // Blank lines inside fenced code are kept.
        let fenced = out.contains("```") || out.contains("~~~");
        prop_assert!(fenced || !out.contains("\n\n\n"), "{:?}", out);
    }

    #[test]
    fn edits_of_one_rule_never_overlap(text in document()) {
        for (rule, mut edits) in RuleSet::builtin().proposals(&text, &Scope::default()) {
            edits.sort_by_key(|e| (e.range.start, e.range.end));
            for pair in edits.windows(2) {
                prop_assert!(pair[0].range.end <= pair[1].range.start, "{} overlaps: {:?}", rule, pair);
            }
        }
    }
}
