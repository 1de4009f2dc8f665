//! Metadata through the whole `rinse clean` command: an HTML page's front matter, and a scraped markdown
//! header turned into front matter, idempotently.

use std::io::Write;
use std::process::{Command, Stdio};

fn clean(args: &[&str], stdin: Option<&str>) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rinse"))
        .arg("clean")
        .args(args)
        .env_remove("RINSE_CONFIG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rinse runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin is piped")
            .write_all(input.as_bytes())
            .expect("stdin accepts the input");
    }
    drop(child.stdin.take());
    let output = child.wait_with_output().expect("rinse finishes");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("output is UTF-8")
}

fn front_matter(doc: &str) -> &str {
    let rest = doc
        .strip_prefix("---\n")
        .expect("output opens with front matter");
    &rest[..rest.find("\n---\n").expect("front matter is closed")]
}

#[test]
fn html_page_gives_displayed_headline_byline_and_local_day() {
    let out = clean(&["tests/fixtures/metadata/news.html"], None);
    let fm = front_matter(&out);
    assert!(
        fm.contains("title: \"Senate adjourns after two deaths\"\n"),
        "{fm}"
    );
    assert!(
        fm.contains("authors:\n  - \"Jane Roe\"\n  - \"John Doe\"\n"),
        "{fm}"
    );
    assert!(fm.contains("date: \"2019-11-18\"\n"), "{fm}");
    assert!(fm.contains("modified: \"2019-11-19T05:00:00Z\"\n"), "{fm}");
    assert!(fm.contains("site: \"The Daily Example\"\n"), "{fm}");
    assert!(
        fm.contains("canonical: \"https://daily.example.com/news/senate-adjourns\"\n"),
        "{fm}"
    );
    assert!(fm.contains("language: \"en\"\n"), "{fm}");
}

#[test]
fn scraped_markdown_header_moves_to_front_matter() {
    let out = clean(&["tests/fixtures/metadata/china-cuba.md"], None);
    let fm = front_matter(&out);
    assert!(
        fm.contains(
            "title: \"China and Cuba: A relationship of solidarity, friendship and cooperation\"\n"
        ),
        "{fm}"
    );
    assert!(
        fm.contains("authors:\n  - \"Friends of Socialist China\"\n"),
        "{fm}"
    );
    assert!(fm.contains("date: \"2022-10-24\"\n"), "{fm}");
    assert!(fm.contains("site: \"Struggle-La-Lucha.org\"\n"), "{fm}");
    let body = &out[fm.len() + 8..];
    for header_line in [
        "Struggle-La-Lucha.org",
        "written by",
        "October 24, 2022",
        "China and Cuba: A relationship",
    ] {
        assert!(
            !body.contains(header_line),
            "{header_line} left in the body"
        );
    }
    assert!(body.trim_start().starts_with("We are very pleased"));
}

#[test]
fn cleaning_cleaned_markdown_changes_nothing() {
    let once = clean(&["tests/fixtures/metadata/china-cuba.md"], None);
    let twice = clean(&["--input-format", "markdown", "-"], Some(&once));
    assert_eq!(once, twice);
}

#[test]
fn printed_page_headline_under_the_running_title_goes_in_the_first_clean() {
    // Two printed pages (browser header with the running title, footer with the URL and page number) and the
    // headline repeated on top of the body: the second clean reads the title from the front matter and would take
    // the headline then; the first clean takes it already.
    let header = "12/2/26, 1:21 PM\n\nA Harbour Reopens After the Storm – Coast Weekly\n\n";
    let footer = |n: u8| format!("https://example.org/2026/11/harbour-reopens/\n\n{n}/2\n");
    let paged = format!(
        "{header}A Harbour Reopens After the Storm\n\nThe harbour of the town reopened on Monday, three weeks after \
         the storm that\nsank eleven boats and tore the roof off the fish market.\n{}\u{c}{header}The mayor said \
         the repairs would cost more than the town had set aside, and that\nthe region would pay half of the bill.\n{}",
        footer(1),
        footer(2)
    );
    let once = clean(&["--input-format", "paged-text", "-"], Some(&paged));
    assert!(
        once.contains("title: \"A Harbour Reopens After the Storm – Coast Weekly\""),
        "{once}"
    );
    assert!(
        once.contains("---\nThe harbour of the town reopened"),
        "{once}"
    );
    let twice = clean(&["--input-format", "markdown", "-"], Some(&once));
    assert_eq!(once, twice);
}

#[test]
fn html_title_repeated_under_the_first_paragraph_goes_in_the_first_clean() {
    // The page's title in a header's shape (parts between `/`, a year) under the first paragraph: a second clean
    // reads the title from the front matter as the masthead and takes the line as a running header; the first
    // clean reads the body under the same masthead and takes it already.
    let page = "<html lang=\"en\"><head><title>Stone Cellars Rosé / Sweet 2015</title></head><body><main><article>\
        <h1>Stone Cellars Rosé / Sweet 2015</h1>\
        <p>In the glass the rosé shows a delicate, shining pink. The nose is lively and fresh, with red berries, \
        citrus and tropical fruit, and a subtle hint of nutmeg and clove.</p>\
        <p>Stone Cellars Rosé / Sweet 2015</p>\
        <p>The winery is one of the old houses of the valley. It was founded in 1868 by an emigrant who found \
        that the stony slopes and the fertile valley floor were much like the vineyards of his home.</p>\
        <p>This rosé is a balanced summer wine. It is made from one grape alone, a grape that is often made into \
        rosé there, and that came from the south of Italy.</p></article></main></body></html>";
    let once = clean(&["--input-format", "html", "-"], Some(page));
    assert_eq!(
        once.matches("Stone Cellars Rosé / Sweet 2015").count(),
        1,
        "{once}"
    );
    let twice = clean(&["--input-format", "markdown", "-"], Some(&once));
    assert_eq!(once, twice);
}

#[test]
fn front_matter_title_cuts_only_its_own_heading() {
    let input = "---\ntitle: \"Kept\"\n---\n\n# Kept\n\nBy the river we sat.\n";
    let out = clean(&["--input-format", "markdown", "-"], Some(input));
    assert!(out.contains("\nBy the river we sat.\n"), "{out}");
    assert!(!out.contains("# Kept"), "{out}");
    assert_eq!(out.matches("title:").count(), 1);
}

#[test]
fn issue_13_running_header_repeats_the_site_the_header_reader_took() {
    // The scraped header names the site and the date; the reader takes both into front matter before the
    // cleanup, and the running header that repeats the site once, under a page number, goes with the page.
    let sentence = |topic: &str| {
        format!("The {topic} committee met again on a rainy morning and agreed on nothing at all. ")
            .repeat(4)
    };
    let scraped = format!(
        "Deutsche Hebammen Zeitschrift\n\n07.02.2022, 07:42 Uhr\n\n{}\n\n· 1 ·\n\n2 · Deutsche Hebammen Zeitschrift\n\n{}\n",
        sentence("first").trim_end(),
        sentence("second").trim_end()
    );
    let once = clean(&["--input-format", "markdown", "-"], Some(&scraped));
    assert!(
        front_matter(&once).contains("site: \"Deutsche Hebammen Zeitschrift\""),
        "{once}"
    );
    let body = &once[front_matter(&once).len() + 8..];
    assert!(!body.contains("Hebammen"), "{once}");
    assert!(!body.contains("· 1 ·"), "{once}");
    let twice = clean(&["--input-format", "markdown", "-"], Some(&once));
    assert_eq!(once, twice);
}

#[test]
fn issue_13_headline_under_a_dated_running_header_is_the_title() {
    // A running header with the site and a date opens the page; a skip link hides the headline's own header from
    // the first reading. The date is read, and once the skip link is gone the signed headline is the title.
    let lead = "The committee met again on a rainy morning and agreed on nothing at all, as it had for a year.";
    let scraped = format!(
        "Daily Courier, November 19, 2019\n\nSkip navigation\n\nCouncil Votes To Close The Old Bridge – Daily Courier\n\n{lead}\n\n{lead}\n"
    );
    let once = clean(&["--input-format", "markdown", "-"], Some(&scraped));
    let fm = front_matter(&once);
    assert!(fm.contains("date: \"2019-11-19\""), "{once}");
    assert!(
        fm.contains("title: \"Council Votes To Close The Old Bridge – Daily Courier\""),
        "{once}"
    );
    let body = &once[fm.len() + 8..];
    assert!(body.trim_start().starts_with("The committee met"), "{once}");
    let twice = clean(&["--input-format", "markdown", "-"], Some(&once));
    assert_eq!(once, twice);
}

#[test]
fn front_matter_without_a_title_keeps_the_first_line() {
    // Front matter that gives no title is the writer's choice: the first line stays in the body.
    let input = "---\ndate: \"2019-11-19\"\n---\n\nCouncil Votes To Close The Old Bridge – Daily Courier\n\nThe committee met again on a rainy morning and agreed on nothing at all, as it had for a year.\n";
    let out = clean(&["--input-format", "markdown", "-"], Some(input));
    assert!(
        out.contains("\nCouncil Votes To Close The Old Bridge"),
        "{out}"
    );
    assert!(!out.contains("title:"), "{out}");
}
