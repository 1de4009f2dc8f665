//! The fuzz targets: one function per stage that takes untrusted bytes, each asserting what must hold for any input
//! (no panic, output bounded by the input, and for the cleaning stages `clean(clean(x)) == clean(x)`). Shared by
//! the stable-Rust fuzz tests (`tests/it/fuzz.rs`) and the cargo-fuzz crate (`fuzz/`), so both check the same.

use std::path::Path;
use std::sync::OnceLock;

use rinse::read::kind::InputKind;
use rinse::rules::RuleSet;

/// A target: its name (the folder of its corpus under `tests/fixtures/fuzz/`), what it checks, and the tokens its
/// inputs are made of (a dictionary, as AFL and libFuzzer use one).
pub struct Target {
    /// The name of the target and of its corpus folder.
    pub name: &'static str,
    /// Panics when the input breaks a property.
    pub check: fn(&[u8]),
    /// Tokens that mutations insert.
    pub tokens: &'static [&'static str],
}

/// Every target, in pipeline order.
pub const TARGETS: &[Target] = &[
    Target {
        name: "decode",
        check: decode,
        tokens: &[
            "<meta charset=\"",
            "shift_jis",
            "utf-16le",
            "windows-1252",
            "iso-2022-jp",
            "\">",
            "\u{feff}",
            "\x1b$B",
            "\0",
            "\u{fffd}",
            "é",
            "\u{10ffff}",
            "\x1f\u{8b}",
            "%PDF-",
        ],
    },
    Target {
        name: "gzip",
        check: gzip,
        tokens: &["\x1f\u{8b}\x08\0\0\0\0\0\0\x03", "\x03\0", "\0\0\0\0"],
    },
    Target {
        name: "html",
        check: html,
        tokens: HTML_TOKENS,
    },
    Target {
        name: "markdown",
        check: markdown,
        tokens: MARKDOWN_TOKENS,
    },
    Target {
        name: "paged",
        check: paged,
        tokens: MARKDOWN_TOKENS,
    },
    Target {
        name: "front_matter",
        check: front_matter,
        tokens: &[
            "---\n",
            "title: ",
            "authors:\n  - ",
            "date: 2024-05-06\n",
            "source: \"a.md\"\n",
            "&a ",
            "*a",
            "[*a,*a,*a]",
            "!!python/object/apply:os.system ",
            "!custom ",
            "--- #x\n",
            "...\n",
            "? ",
            ": ",
            "\"\\u0000\"",
            "'it''s'",
            "|\n  ",
            ">-\n  ",
            "{a: [b, {c: d}]}",
            "\n",
            "  ",
            "\t",
            "# rinse\n",
        ],
    },
    Target {
        name: "jsonl",
        check: jsonl,
        tokens: &[
            "{\"url\": \"https://x.org/a\", ",
            "\"html\": \"<p>",
            "\"markdown\": \"# A\\n",
            "\"error\": \"x\"",
            "\"id\": 7",
            "\"}",
            "}\n",
            "\n",
            "\r\n",
            "\u{feff}",
            "\\u0000",
            "\\ud800",
            "null",
            "[1,",
            "{",
        ],
    },
    Target {
        name: "warc",
        check: warc,
        tokens: &[
            "WARC/1.0\r\n",
            "WARC/1.1\n",
            "WARC-Type: response\r\n",
            "WARC-Type: resource\r\n",
            "WARC-Type: conversion\r\n",
            "WARC-Type: revisit\r\n",
            "WARC-Type: request\r\n",
            "WARC-Type: metadata\r\n",
            "WARC-Target-URI: http://../x\r\n",
            "Content-Length: 0\r\n",
            "Content-Length: 99999999999\r\n",
            "Content-Length: -1\r\n",
            "Content-Type: application/http; msgtype=response\r\n",
            "\r\n\r\n",
            "HTTP/1.1 200 OK\r\n",
            "Content-Type: text/html; charset=shift_jis\r\n",
            "Content-Encoding: gzip\r\n",
            "Content-Encoding: br\r\n",
            "Transfer-Encoding: chunked\r\n",
            "ffffffff\r\n",
            "0\r\n\r\n",
            "<p>x</p>",
            "\x1f\u{8b}\x08\0",
        ],
    },
    Target {
        name: "robots",
        check: robots,
        tokens: &[
            "User-agent: *\n",
            "User-agent: rinse\n",
            "Disallow: /\n",
            "Disallow: /a*b$\n",
            "Allow: /a/\n",
            "Allow: $\n",
            "Disallow: ****************\n",
            "Disallow: /%2e%2e/\n",
            "# c\n",
            "Sitemap: http://x/s.xml\n",
            "\r\n",
            ":",
            "\u{feff}",
        ],
    },
    Target {
        name: "sitemap",
        check: sitemap,
        tokens: &[
            "<?xml version=\"1.0\"?>",
            "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">",
            "</urlset>",
            "<sitemapindex>",
            "</sitemapindex>",
            "<url><loc>",
            "</loc></url>",
            "<sitemap><loc>",
            "</loc></sitemap>",
            "https://x.org/a",
            "&amp;",
            "&#x0;",
            "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>",
            "&a;",
            "<a>",
            "</a>",
            "<![CDATA[",
            "]]>",
            "\n",
        ],
    },
    Target {
        name: "rules",
        check: rules,
        tokens: &[
            "[scope]\n",
            "url = \"https://x.org/**\"\n",
            "path = \"**/*.md\"\n",
            "domain = \"x.org\"\n",
            "[[remove]]\n",
            "[main]\n",
            "selector = \"nav, a.x, :not(p) > *\"\n",
            "[[replace]]\n",
            "[[drop-line]]\n",
            "id = \"r\"\n",
            "pattern = '(?m)^\\s*Menu\\s*$'\n",
            "pattern = ''\n",
            "pattern = 'a'\n",
            "pattern = '(a*)*b'\n",
            "pattern = '\\b'\n",
            "pattern = '^'\n",
            "with = ''\n",
            "with = 'aa'\n",
            "with = '$1$1$0'\n",
            "with = '\\n\\n'\n",
            "[[example]]\n",
            "raw = \"Intro\\n\\nMenu\\n\"\n",
            "clean = \"Intro\\n\"\n",
            "input-format = \"html\"\n",
            "{{{{{{{{",
            "**/**/**/**",
            "\n",
        ],
    },
    Target {
        name: "pdf",
        check: pdf,
        tokens: &[
            "%PDF-1.5\n",
            "obj\n",
            "endobj\n",
            "stream\n",
            "endstream\n",
            "/Filter /FlateDecode",
            "/Length 99999999",
            "/Type /Page",
            "/Kids [",
            "]",
            "<<",
            ">>",
            "BT /F1 11 Tf 72 740 Td (x) Tj ET",
            "q q q q q q q q",
            "T*",
            "/Encrypt",
            "xref\n",
            "trailer\n",
            "startxref\n",
            "%%EOF",
            "1 0 R",
        ],
    },
];

const HTML_TOKENS: &[&str] = &[
    "<html>",
    "<head>",
    "<title>",
    "</title>",
    "<meta charset=\"windows-1252\">",
    "<meta property=\"og:title\" content=\"A\">",
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"author\":{\"name\":\"Ann\"}}</script>",
    "<body>",
    "<article>",
    "</article>",
    "<nav>",
    "</nav>",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<br>",
    "<h1>",
    "</h1>",
    "<h2>",
    "<ul><li>",
    "<ol start=\"99999999999\"><li>",
    "</li>",
    "<table><tr><td>",
    "</td><td>",
    "</td></tr></table>",
    "<th colspan=\"1000\">",
    "<pre>",
    "</pre>",
    "<code>",
    "<a href=\"javascript:void(0)\">",
    "<a href=\"https://x.org/a b\">",
    "<a href=\"#\">",
    "</a>",
    "<b><i><u><s>",
    "<img src=\"x.png\" alt=\"*\">",
    "<blockquote>",
    "<!--",
    "-->",
    "<![CDATA[",
    "&amp;",
    "&nbsp;",
    "&#0;",
    "&#x110000;",
    "*",
    "_",
    "`",
    "#",
    "|",
    "[x](#)",
    "\\",
    "Menu",
    "By Jane Doe",
    "May 5, 2024",
    "A sentence of running text with enough words in it to read as the body of an article. ",
    "\n",
    " ",
];

const MARKDOWN_TOKENS: &[&str] = &[
    "---\n",
    "title: A\n",
    "source: \"a.md\"\n",
    "# ",
    "## ",
    "- ",
    "1. ",
    "> ",
    "```",
    "~~~",
    "    ",
    "| a | b |\n|---|---|\n",
    "[x](#)",
    "[y]()",
    "[z](javascript:void(0))",
    "[real](https://example.com/)",
    "![i](x.png)",
    "<div>",
    "</div>",
    "*",
    "_",
    "\\",
    "inter-",
    "national",
    "word",
    "Word",
    "the",
    ".",
    ",",
    "12",
    "- 4 -",
    "Page 3 of 9",
    "\u{c}",
    "Home | News | About",
    "Share this:",
    "Menu",
    "By Jane Doe",
    "May 5, 2024",
    "© 2019 Site.",
    "\u{a0}",
    "\u{ad}",
    "\u{200b}",
    "e\u{301}",
    "Мир",
    "日本語。",
    "“",
    "—",
    " ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
];

/// How much larger than its input an output may be: markdown escapes double a character at most, list numbers,
/// quote and list prefixes (16 levels at most) and table pipes add a few bytes to an element of a few bytes, a link
/// left open is written again around each text html5ever rebuilds it for, and the front matter adds its keys.
fn output_bound(input: usize) -> usize {
    16 * input + 4096
}

/// Decoding: any bytes give text without NUL bytes, at most three bytes of UTF-8 per input byte (one for the
/// replacement character of each bad byte), or an error.
pub fn decode(data: &[u8]) {
    for kind in [InputKind::Html, InputKind::Markdown, InputKind::PagedText] {
        for declared in [
            None,
            Some("utf-8"),
            Some("windows-1252"),
            Some("shift_jis"),
            Some("utf-16le"),
            Some("x"),
        ] {
            if let Ok(text) = rinse::decode::decode(data, kind, declared) {
                assert!(!text.contains('\0'), "a NUL byte in decoded text");
                assert!(
                    text.len() <= 3 * data.len() + 3,
                    "{} bytes decoded to {}",
                    data.len(),
                    text.len()
                );
            }
        }
    }
}

/// The cap on decompressed sizes in the targets: small, so that bombs meet it quickly.
const CAP: u64 = 64 * 1024;

/// Gzip: never more than the cap comes out, whatever the members hold.
pub fn gzip(data: &[u8]) {
    if let Ok(out) = rinse::read::gunzip(data, Path::new("fuzz.gz"), CAP) {
        assert!(out.len() as u64 <= CAP, "{} bytes past the cap", out.len());
    }
}

/// HTML, the whole pipeline: bounded output, and cleaning the output again changes nothing.
pub fn html(data: &[u8]) {
    clean_twice(data, InputKind::Html, output_bound(data.len()));
}

/// Markdown input, the whole pipeline (front matter, header lines, the rules): bounded, idempotent.
pub fn markdown(data: &[u8]) {
    clean_twice(data, InputKind::Markdown, output_bound(data.len()));
}

/// Paged text (the page-boundary repairs): bounded, and its markdown cleaned again changes nothing.
pub fn paged(data: &[u8]) {
    clean_twice(data, InputKind::PagedText, output_bound(data.len()));
}

/// Front matter: what is read is written back as YAML that a safe loader reads as one mapping, which reads back
/// to the same metadata; and the document as a whole cleans idempotently.
pub fn front_matter(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some((meta, offset)) = rinse::metadata::front_matter::split(text) {
        assert!(offset <= text.len() && text.is_char_boundary(offset));
        let written = rinse::metadata::front_matter::render(&meta);
        assert!(
            written.len() <= output_bound(offset),
            "{offset} bytes of front matter written as {}",
            written.len()
        );
        let block = written
            .strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---\n"))
            .map_or("", |(block, _)| block);
        let docs = yaml_rust2::YamlLoader::load_from_str(block).unwrap_or_else(|err| {
            panic!("the front matter written is not YAML ({err}):\n{written}")
        });
        assert!(docs.len() <= 1, "{} YAML documents:\n{written}", docs.len());
        if !written.is_empty() {
            let (again, _) = rinse::metadata::front_matter::split(&written).unwrap_or_else(|| {
                panic!("the front matter written does not read back:\n{written}")
            });
            let mut expected = meta.clone();
            expected.notes.clear();
            assert_eq!(
                again, expected,
                "the front matter changed on a round trip:\n{written}"
            );
        }
    }
    clean_twice(data, InputKind::Markdown, output_bound(data.len()));
}

/// JSONL: no more documents than lines, none longer than the cap.
pub fn jsonl(data: &[u8]) {
    let lines = data.split(|b| *b == b'\n').count();
    let mut count = 0;
    for line in rinse::read::jsonl::JsonlReader::new(data).max_line(CAP) {
        count += 1;
        assert!(count <= lines, "more documents than lines");
        if let Ok(doc) = line.document {
            assert!(
                doc.content.len() as u64 <= CAP,
                "a {}-byte document past the cap",
                doc.content.len()
            );
        }
    }
}

/// WARC: every record read ends (no endless loop), no body past the cap, at most one item per input byte.
pub fn warc(data: &[u8]) {
    let Ok(reader) = rinse::read::warc::WarcReader::new(data, Path::new("fuzz.warc")) else {
        return;
    };
    let mut count = 0;
    for item in reader.max_size(CAP) {
        count += 1;
        assert!(count <= data.len() + 1, "more records than bytes");
        if let rinse::read::warc::WarcItem::Page(page) = item {
            assert!(
                page.body.len() as u64 <= CAP,
                "a {}-byte body past the cap",
                page.body.len()
            );
        }
    }
}

/// robots.txt: any text parses, and any path gets an answer.
pub fn robots(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let robots = rinse::fetch::robots::Robots::parse(&text, "rinse");
    for path in [
        "/",
        "/a",
        "/a/b?c=d",
        "/%2e%2e/x",
        "",
        "/ä/*$",
        text.lines().next().unwrap_or(""),
    ] {
        robots.allows(path);
    }
}

/// Sitemaps: no more URLs than bytes, and no URL made of bytes the sitemap did not hold.
pub fn sitemap(data: &[u8]) {
    if let Ok(map) = rinse::fetch::sitemap::parse(data) {
        let urls = match map {
            rinse::fetch::sitemap::Sitemap::Pages(urls)
            | rinse::fetch::sitemap::Sitemap::Index(urls) => urls,
        };
        let total: usize = urls.iter().map(String::len).sum();
        assert!(
            total <= data.len(),
            "{total} bytes of URLs from {} bytes",
            data.len()
        );
    }
}

/// Rule files: any text is a rule file or an error naming the file; a rule file that reads grows a body by at
/// most the engine's limit, and its selectors run on a page without a panic.
pub fn rules(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("rules/10-fuzz.toml");
    let Ok(file) = rinse::rules::rule_file::parse(path, text) else {
        return;
    };
    let rules = RuleSet::with_files(vec![file]);
    let body = "Intro\n\nMenu\n\na banana and a papaya\n\nShare this:\n";
    for source in ["a.md", "x/y/page.md"] {
        let scope = rinse::rules::Scope {
            url: Some("https://x.org/a"),
            source,
            ..Default::default()
        };
        if let Ok((out, _)) = rules.clean(body, &scope) {
            let limit = rinse::rules::MAX_GROWTH * body.len() + rinse::rules::GROWTH_SLACK;
            assert!(
                out.len() <= limit,
                "a {}-byte body grew to {}",
                body.len(),
                out.len()
            );
        }
    }
    let page = "<html><body><nav><a href=\"/\">Home</a></nav><article><h1>A</h1><p>Menu</p>\
                <p>Some text of the article, with a banana in it.</p></article></body></html>";
    let _ = clean_with(page.as_bytes(), InputKind::Html, &rules);
}

/// PDF: any bytes read as text within the limits or fail with an error; its markdown, cleaned again as markdown,
/// is then stable. (The first clean reads the page layout, which its markdown no longer carries: `B003` takes a
/// running header from the markdown that the layout showed to be the only line of its page, as
/// `pdf/running-header-without-layout.pdf` shows. Until that differs no more, the PDF target checks the markdown
/// from the second clean on.)
pub fn pdf(data: &[u8]) {
    if let Ok(pdf) = rinse::read::pdf::read(data) {
        assert!(pdf.text.chars().count() <= rinse::read::pdf::MAX_TEXT_CHARS + pdf.pages);
        assert!(pdf.pages <= rinse::read::pdf::MAX_PAGES);
        // Compressed streams: the output is bounded by the text, not by the file.
        let bound = output_bound(data.len() + pdf.text.len());
        if let Ok(once) = clean(data, InputKind::Pdf) {
            assert!(
                once.len() <= bound,
                "{} input bytes gave {} output bytes",
                data.len(),
                once.len()
            );
            clean_twice(once.as_bytes(), InputKind::Markdown, bound);
        }
    }
}

/// The built-in rules, made once.
fn builtin() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(RuleSet::builtin)
}

/// Cleans `data` as `kind` the way `rinse clean` does, rendered as markdown with front matter.
fn clean(data: &[u8], kind: InputKind) -> Result<String, rinse::Error> {
    clean_with(data, kind, builtin())
}

/// Cleans `data` as `kind` with `rules`.
fn clean_with(data: &[u8], kind: InputKind, rules: &RuleSet) -> Result<String, rinse::Error> {
    let options = rinse::pipeline::Options {
        rules,
        input_format: Some(kind),
        images: false,
        base_url: None,
        whole_page: false,
        title_heading: false,
        resolve_language: true,
        language: true,
        max_size: CAP,
    };
    let doc = rinse::pipeline::RawDocument {
        bytes: data.to_vec(),
        source: "x".to_string(),
        kind_hint: Some(kind),
        url: Some("https://x.org/a".to_string()),
        ..Default::default()
    };
    rinse::pipeline::clean(&doc, &options)
        .map(|cleaned| rinse::emit::render(&cleaned, rinse::emit::Format::Md))
}

/// Cleans `data` as `kind`, then cleans the markdown that gave again: the second clean must change nothing, and
/// the first output must be bounded by the input.
fn clean_twice(data: &[u8], kind: InputKind, bound: usize) {
    let Ok(once) = clean(data, kind) else {
        return;
    };
    assert!(
        once.len() <= bound,
        "{} input bytes gave {} output bytes",
        data.len(),
        once.len()
    );
    let twice = clean(once.as_bytes(), InputKind::Markdown)
        .unwrap_or_else(|err| panic!("rinse's own output does not clean ({err}):\n{once}"));
    assert!(
        twice == once,
        "a second clean changed the output:\n--- once\n{once}\n--- twice\n{twice}"
    );
}
