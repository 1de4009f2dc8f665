//! Whole pages: extraction plus markdown rendering against expected files in `tests/fixtures/pages/<site>/`
//! (`<page>.in.html` → `<page>.out.md`; refresh with `SNAPSHOTS=overwrite cargo test`), and the same pages
//! through the binary.

use std::path::{Path, PathBuf};
use std::process::Command;

use rinse::extract::{self, ExtractOptions};
use rinse::markdown::{self, RenderOptions};
use url::Url;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages")
}

/// Every `*.in.html` fixture, sorted.
fn pages() -> Vec<PathBuf> {
    let mut pages = Vec::new();
    for site in std::fs::read_dir(fixtures()).expect("fixtures folder exists") {
        let site = site.expect("fixtures folder is readable").path();
        for page in std::fs::read_dir(&site).expect("site folder is readable") {
            let page = page.expect("site folder is readable").path();
            if page.to_string_lossy().ends_with(".in.html") {
                pages.push(page);
            }
        }
    }
    pages.sort();
    pages
}

fn render(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("fixture is readable");
    let page = rinse::parse::parse_page(&text, &|_| false);
    let html = page.html;
    let article = extract::extract(&html, &ExtractOptions::default());
    let base = Url::parse("https://example.com/section/page.html").expect("valid URL");
    let options = RenderOptions {
        base_url: Some(&base),
        images: false,
    };
    // As the pipeline does: a page that holds its article in script data is rendered from there.
    let title = rinse::metadata::from_html(&html, None).title;
    let templates: Vec<&str> = page.templates.iter().map(|r| &text[r.clone()]).collect();
    match extract::script_article(&html, &article, &templates, title.as_deref()) {
        Some(script) => markdown::render(&script.html, &script.article, &options),
        None => markdown::render(&html, &article, &options),
    }
}

#[test]
fn pages_render_as_expected() {
    let pages = pages();
    assert!(pages.len() >= 3);
    for page in pages {
        let expected = PathBuf::from(page.to_string_lossy().replace(".in.html", ".out.md"));
        // Paths are not normalised: a `\` in markdown is an escape, not a Windows separator.
        snapbox::Assert::new()
            .action_env(snapbox::assert::DEFAULT_ACTION_ENV)
            .normalize_paths(false)
            .eq(render(&page), snapbox::Data::read_from(&expected, None));
    }
}

#[test]
fn rendered_markdown_reads_back_as_plain_text() {
    for page in pages() {
        let text = rinse::emit::to_text(&render(&page));
        for markup in ["\\", "**", "```", "| ---"] {
            assert!(
                !text.contains(markup),
                "{}: `{markup}` left in the text:\n{text}",
                page.display()
            );
        }
    }
}

#[test]
fn page_furniture_is_left_out() {
    let md = render(&fixtures().join("news/article.in.html"));
    for furniture in [
        "should never appear",
        "Sport",
        "cookies",
        "Share",
        "Photo: J. Doe",
        "Related stories",
        "Ferry timetable",
        "Great news, finally",
        "Copyright",
    ] {
        assert!(!md.contains(furniture), "`{furniture}` kept:\n{md}");
    }
    assert!(md.contains("The harbour bridge reopened on Tuesday"));
    assert!(md.contains("Residents on both banks"));
}

#[test]
fn text_format_through_the_binary_has_no_markup() {
    let output = Command::new(env!("CARGO_BIN_EXE_rinse"))
        .args(["clean", "-q", "--no-config", "--format", "text"])
        .arg(fixtures().join("docs/code-and-tables.in.html"))
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{output:?}");
    let text = String::from_utf8(output.stdout).expect("output is UTF-8");
    assert!(text.contains("Option\tDefault\tMeaning"), "{text}");
    assert!(text.contains("a | b"), "{text}");
    assert!(!text.contains("Introduction"), "{text}");
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
}

#[test]
fn teasers_of_other_posts_are_left_out_and_paragraph_divs_kept() {
    let md = render(&fixtures().join("blog/related-posts.in.html"));
    for teaser in [
        "You might also like",
        "Linseed or tung oil",
        "Read more",
        "dovetail",
    ] {
        assert!(!md.contains(teaser), "`{teaser}` kept:\n{md}");
    }
    // Paragraphs written as `<div>`s that each quote one link are not teasers: they have no title.
    assert!(md.contains("Hand caning is slow work"), "{md}");
    assert!(md.contains("The diagonals come last"), "{md}");
}

#[test]
fn article_text_in_its_own_header_is_kept() {
    // The intro is all the prose of the article: its `<header>` is the article's, not the site's banner.
    let md = render(&fixtures().join("news/intro-in-header.in.html"));
    assert!(
        md.contains("Nach einer Wahl ist in den Nachrichten"),
        "{md}"
    );
    assert!(md.contains("Unsere Grafik zeigt"), "{md}");
}

#[test]
fn article_held_only_in_script_data_is_found() {
    let blog = render(&fixtures().join("script/blog-template.in.html"));
    assert!(blog.contains("After eleven winters in the shed"), "{blog}");
    assert!(!blog.contains("We use cookies"), "{blog}");
    let news = render(&fixtures().join("script/news-json-ld.in.html"));
    assert!(news.contains("The ferry to the outer islands"), "{news}");
    assert!(!news.contains("Read on with a subscription"), "{news}");
}
