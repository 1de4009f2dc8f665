//! Rule fixtures (`tests/fixtures/rules/<CODE-name>/<case>.in.md` → `<case>.out.md`, each rule run alone;
//! `<case>.in.txt` is paged text, cleaned as `rinse clean --input-format paged-text` cleans it), the
//! seed article, user rule files and the `rinse rules` command.

use std::path::{Path, PathBuf};
use std::process::Command;

use rinse::rules::{RuleSelection, RuleSet, Scope};

fn only(code: &str) -> RuleSet {
    let selection = RuleSelection {
        select: Some(vec![code.to_string()]),
        ignore: Vec::new(),
    };
    RuleSet::load(
        &selection,
        Path::new("--select"),
        Path::new("tests/fixtures/no-rules-here"),
    )
    .expect("the selection is valid")
}

fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

#[test]
fn every_rule_fixture_matches_its_expected_output() {
    let mut cases = 0;
    let mut dirs: Vec<_> = std::fs::read_dir(fixture_root())
        .expect("fixtures exist")
        .map(|e| e.expect("readable entry").path())
        .collect();
    dirs.sort();
    for dir in dirs {
        let name = dir
            .file_name()
            .expect("a folder name")
            .to_string_lossy()
            .into_owned();
        let code = name.split('-').next().expect("CODE-name");
        let rules = only(code);
        let mut inputs: Vec<_> = std::fs::read_dir(&dir)
            .expect("readable fixture folder")
            .map(|e| e.expect("readable entry").path())
            .filter(|p| {
                let name = p.to_string_lossy();
                name.ends_with(".in.md") || name.ends_with(".in.txt")
            })
            .collect();
        inputs.sort();
        for input in inputs {
            let raw = std::fs::read_to_string(&input).expect("readable input");
            let name = input.to_string_lossy().into_owned();
            let paged = name.ends_with(".in.txt");
            let scope = Scope {
                paged,
                ..Scope::default()
            };
            let (mut cleaned, _) = rules.clean(&raw, &scope).expect("cleanup converges");
            // D001 runs once after the passes, as in the pipeline.
            if let Some((_, range)) = rules.header_lines(&cleaned, &rinse::Metadata::default()) {
                cleaned.replace_range(range, "");
            }
            let expected = PathBuf::from(
                name.replace(".in.md", ".out.md")
                    .replace(".in.txt", ".out.md"),
            );
            snapbox::assert_data_eq!(cleaned, snapbox::Data::read_from(&expected, None));
            cases += 1;
        }
    }
    assert!(cases >= 20, "only {cases} fixture cases");
}

#[test]
fn every_builtin_rule_has_a_fixture_it_must_not_touch() {
    let rules = RuleSet::builtin();
    for row in rules.list() {
        let dir = std::fs::read_dir(fixture_root())
            .expect("fixtures exist")
            .map(|e| e.expect("readable entry").path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&row.code))
            });
        let dir = dir.unwrap_or_else(|| panic!("no fixture folder for {}", row.code));
        let untouched = std::fs::read_dir(&dir)
            .expect("readable fixture folder")
            .map(|e| e.expect("readable entry").path())
            .filter(|p| p.to_string_lossy().ends_with(".in.md"))
            .any(|input| {
                let out = PathBuf::from(input.to_string_lossy().replace(".in.md", ".out.md"));
                std::fs::read(&input).ok() == std::fs::read(&out).ok()
            });
        assert!(untouched, "{} has no case it must leave alone", row.code);
    }
}

#[test]
fn seed_article_is_repaired_without_merging_real_paragraphs() {
    let raw = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed/china-cuba.md"),
    )
    .expect("the seed fixture exists");
    let (cleaned, edits) = RuleSet::builtin()
        .clean(
            &raw,
            &Scope {
                url: None,
                source: "china-cuba.md",
                paged: false,
                layout: None,
                extracted: false,
                plain: false,
                masthead: &[],
            },
        )
        .expect("cleanup converges");
    assert!(!cleaned.contains("(#)"));
    for joined in [
        "just a year after the 26th",
        "China’s sovereignty",
        "electronic commerce",
        "innovative products of Cuban biotechnology",
    ] {
        assert!(cleaned.contains(joined), "not rejoined: {joined}");
    }
    let paragraphs: Vec<&str> = cleaned.split("\n\n").collect();
    let question = paragraphs
        .iter()
        .position(|p| p.starts_with("The Communist Party of China and the Communist Party of Cuba"))
        .expect("the question is a paragraph of its own");
    assert!(paragraphs[question].trim_end().ends_with('?'));
    assert!(
        paragraphs[question + 1].starts_with("The relations between the Communist Party of Cuba")
    );
    assert!(edits.iter().any(|e| e.rule == "B001"));
    assert!(edits.iter().any(|e| e.rule == "L001"));
}

#[test]
fn cleaning_is_idempotent_on_the_seed() {
    let raw = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed/china-cuba.md"),
    )
    .expect("the seed fixture exists");
    let rules = RuleSet::builtin();
    let (once, _) = rules.clean(&raw, &Scope::default()).expect("converges");
    let (twice, edits) = rules.clean(&once, &Scope::default()).expect("converges");
    assert_eq!(once, twice);
    assert!(edits.is_empty());
}

/// A join that gives the evidence for another (joining `from` / `Wall Street …` writes `Wall Street` on one line, the
/// phrase that joins `on Wall` / `Street lost …` in the next pass) settles in one clean: cleaning the cleaned text
/// again changes nothing.
#[test]
fn a_join_that_gives_the_evidence_for_another_settles_in_one_clean() {
    // The second first half is one sentence: it reads the style of all paragraphs, the heading's too, which leaves
    // it no evidence but the phrase.
    let chained = "Investors have watched the markets closely all through this long year. Many of the bankers \
                   who moved here from\n\nWall Street and the City of London say that the mood has changed since \
                   the spring.\n\nThe index fell sharply in the autumn, and the losses spread to the smaller \
                   markets until on Monday the traders on Wall\n\nStreet lost what they had gained in a week of \
                   buying.\n\nThe Markets at a Glance for the Third Quarter and the Year in Review\n\nAnalysts \
                   expect a calmer winter once the central banks have spoken about their plans for rates.\n";
    let rules = RuleSet::builtin();
    // Without the first join the document writes no `Wall Street`, and the second split stays.
    let alone = chained.replace("from\n\nWall Street and", "from Boston and");
    let (kept, _) = rules.clean(&alone, &Scope::default()).expect("converges");
    assert!(kept.contains("on Wall\n\nStreet lost"), "{kept}");
    let (once, _) = rules.clean(chained, &Scope::default()).expect("converges");
    assert!(once.contains("from Wall Street and"), "{once}");
    assert!(once.contains("on Wall Street lost"), "{once}");
    assert!(once.contains("Review\n\nAnalysts"), "{once}");
    let (twice, edits) = rules.clean(&once, &Scope::default()).expect("converges");
    assert_eq!(once, twice);
    assert!(edits.is_empty(), "{edits:?}");
}

fn rinse(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_rinse"))
        .current_dir(dir)
        .arg("--no-config")
        .args(args)
        .env_remove("RINSE_CONFIG")
        .output()
        .expect("rinse runs")
}

#[test]
fn rules_test_passes_on_the_project_rules() {
    let out = rinse(Path::new(env!("CARGO_MANIFEST_DIR")), &["rules", "test"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
}

#[test]
fn rules_test_fails_with_a_diff_on_a_wrong_example() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(dir.path().join("rules")).expect("mkdir rules");
    std::fs::write(
        dir.path().join("rules/10-x.toml"),
        "[[drop-line]]\nid = \"ad\"\npattern = '^Advertisement$'\n\n[[example]]\nraw = \"Text.\\n\\nAdvertisement\\n\"\nclean = \"Text.\\nAdvertisement\\n\"\n",
    )
    .expect("write the rule file");
    let out = rinse(dir.path(), &["rules", "test"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("FAIL rules/10-x.toml:5"), "{stdout}");
    assert!(stdout.contains("-Advertisement"), "{stdout}");
}

#[test]
fn invalid_rule_file_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir(dir.path().join("rules")).expect("mkdir rules");
    std::fs::write(
        dir.path().join("rules/10-x.toml"),
        "[[replace]]\nid = \"a\"\npattern = '('\nwith = ''\n",
    )
    .expect("write the rule file");
    let out = rinse(dir.path(), &["rules", "list"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("10-x.toml:3: bad regex"), "{stderr}");
}

#[test]
fn user_rule_edits_are_attributed_to_file_and_id() {
    let file = rinse::rules::rule_file::parse(
        Path::new("rules/30-site.toml"),
        "[scope]\npath = \"*.md\"\n[[replace]]\nid = \"brand\"\npattern = 'ACME Corp'\nwith = 'Acme'\n",
    )
    .expect("a valid rule file");
    let rules = RuleSet::with_files(vec![file]);
    let (cleaned, edits) = rules
        .clean(
            "We met ACME Corp today.\n",
            &Scope {
                url: None,
                source: "a/page.md",
                paged: false,
                layout: None,
                extracted: false,
                plain: false,
                masthead: &[],
            },
        )
        .expect("converges");
    assert_eq!(cleaned, "We met Acme today.\n");
    assert_eq!(
        edits.iter().next().map(|edit| edit.rule),
        Some("30-site/brand")
    );
    let (untouched, _) = rules
        .clean(
            "We met ACME Corp today.\n",
            &Scope {
                url: None,
                source: "page.html",
                paged: false,
                layout: None,
                extracted: false,
                plain: false,
                masthead: &[],
            },
        )
        .expect("converges");
    assert_eq!(untouched, "We met ACME Corp today.\n");
}

#[test]
fn rules_explain_prints_the_doc() {
    let out = rinse(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["rules", "explain", "B001"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout.starts_with("# B001 page-break-split"), "{stdout}");
    assert!(stdout.contains("## Safety"));
    let out = rinse(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["rules", "explain", "Z999"],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rules_explain_tells_what_an_extraction_label_means() {
    let out = rinse(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["rules", "explain", "extract/comments"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout.starts_with("# extract/comments\n"), "{stdout}");
    assert!(stdout.contains("reader comments"), "{stdout}");
}

#[test]
fn select_and_ignore_flags_choose_the_rules() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("page.md"), "See [here](#) now.  \n").expect("write the input");
    let out = rinse(dir.path(), &["clean", "--select", "W", "page.md"]);
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("\nSee [here](#) now.\n"));
    let out = rinse(dir.path(), &["clean", "--ignore", "W001,W002", "page.md"]);
    assert!(String::from_utf8_lossy(&out.stdout).ends_with("\nSee here now.  \n"));
    let out = rinse(dir.path(), &["clean", "--select", "Q9", "page.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`Q9` matches no rule"));
}

#[test]
fn remove_rules_see_the_attributes_the_parser_otherwise_drops() {
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::create_dir_all(dir.path().join("rules")).expect("mkdir rules");
    std::fs::create_dir_all(dir.path().join("raw")).expect("mkdir raw");
    std::fs::write(
        dir.path().join("rules/10-x.toml"),
        "[[remove]]\nid = \"related\"\nselector = '[data-component=\"related\"], [onclick]'\n",
    )
    .expect("write the rule file");
    let paragraph = "<p>A paragraph of the article that is long enough to be its main text, with a comma, and a full stop.</p>";
    std::fs::write(
        dir.path().join("raw/page.html"),
        format!(
            "<html><body><article><h1>Title</h1>{p}{p}<div data-component=\"related\"><p>Related stories \
             that stay inside the article container, with commas, and sentences.</p></div>\
             <p onclick=\"x()\">Clickable teaser text, with a comma, and a stop.</p>{p}</article></body></html>",
            p = paragraph
        ),
    )
    .expect("write the page");
    let out = rinse(
        dir.path(),
        &["clean", "-q", "--format", "text", "-o", "out", "raw"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(dir.path().join("out/page.txt")).expect("the output");
    assert!(text.contains("A paragraph of the article"), "{text}");
    assert!(!text.contains("Related stories"), "{text}");
    assert!(!text.contains("Clickable teaser"), "{text}");
}
