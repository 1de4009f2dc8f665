//! PDF input: the text layer read and repaired as paged text, metadata from the document, and bad PDFs (encrypted,
//! scanned, corrupt, truncated, bombs) each reported on one line while the rest of the batch is written. Every PDF
//! here is written by the test.

use std::io::Write;

use lopdf::content::{Content, Operation};
use lopdf::{
    dictionary, Dictionary, Document, EncryptionState, EncryptionVersion, Object, Permissions,
    Stream,
};

use crate::harness::{assert_code, code, run, run_with_stdin, scratch, stderr, stdout, write};

/// A PDF of US Letter pages, each a list of lines drawn top-down in 11 pt Helvetica, 14 pt apart, with an
/// information dictionary.
fn pdf(pages: &[Vec<String>], title: &str) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! {
        "Font" => dictionary! { "F1" => font_id },
    });
    let mut kids = Vec::new();
    for lines in pages {
        let mut operations = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![72.into(), 740.into()]),
        ];
        for line in lines {
            if !line.is_empty() {
                operations.push(Operation::new(
                    "Tj",
                    vec![Object::string_literal(line.as_str())],
                ));
            }
            operations.push(Operation::new("T*", vec![]));
        }
        operations.push(Operation::new("ET", vec![]));
        let content = Content { operations };
        let content_id = doc.add_object(Stream::new(
            dictionary! {},
            content.encode().expect("the content encodes"),
        ));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    let info_id = doc.add_object(dictionary! {
        "Title" => Object::string_literal(title),
        "Author" => Object::string_literal("Ada Winter"),
        "CreationDate" => Object::string_literal("D:20240305093000+01'00'"),
        "Producer" => Object::string_literal("rinse tests"),
    });
    doc.trailer.set("Root", catalog_id);
    doc.trailer.set("Info", info_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("the PDF is written");
    bytes
}

/// `doc` with one US Letter page drawn by `content` (with `resources`, if any), as bytes.
fn one_page(doc: Document, content: Vec<u8>, resources: Option<Dictionary>) -> Vec<u8> {
    one_page_with(doc, content, resources, dictionary! {})
}

/// [`one_page`] with more entries in the page's dictionary (`/Annots`).
fn one_page_with(
    mut doc: Document,
    content: Vec<u8>,
    resources: Option<Dictionary>,
    entries: Dictionary,
) -> Vec<u8> {
    let pages_id = doc.new_object_id();
    let content_id = doc.add_object(Stream::new(dictionary! {}, content));
    let mut page = dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    };
    if let Some(resources) = resources {
        page.set("Resources", resources);
    }
    for (key, value) in entries {
        page.set(key, value);
    }
    let page_id = doc.add_object(page);
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("the PDF is written");
    bytes
}
fn lines(text: &[&str]) -> Vec<String> {
    text.iter().map(|s| s.to_string()).collect()
}

/// Two printed pages: a running header and footer on each, one paragraph running over the page break.
pub(crate) fn printed_report() -> Vec<u8> {
    let page1 = lines(&[
        "Annual report 2024",
        "",
        "The committee met on Monday morning to discuss the budget for the next year,",
        "and after a long debate that went on for most of the afternoon the members",
        "agreed to extend the deadline for the proposals by one month, so that every",
        "",
        "https://example.org/report",
        "1/2",
    ]);
    let page2 = lines(&[
        "Annual report 2024",
        "",
        "group could take part in the consultation and send its comments in writing.",
        "The chair thanked everyone for their patience.",
        "",
        "https://example.org/report",
        "2/2",
    ]);
    pdf(&[page1, page2], "Annual report 2024")
}

#[test]
fn pdf_text_is_read_and_repaired_as_paged_text() {
    let dir = scratch();
    write(dir.path(), "raw/report.pdf", printed_report());
    let out = run(dir.path(), &["--no-config", "clean", "raw/report.pdf"]);
    assert_code(&out, 0);
    let md = stdout(&out);
    assert!(md.contains("title: \"Annual report 2024\""), "{md}");
    assert!(md.contains("authors:\n  - \"Ada Winter\""), "{md}");
    assert!(md.contains("date: \"2024-03-05\""), "{md}");
    assert!(md.contains("pages: 2"), "{md}");
    assert!(
        md.contains("so that every group could take part in the consultation"),
        "the paragraph is joined across the page break: {md}"
    );
    assert!(
        !md.contains("1/2") && !md.contains("https://example.org/report\n"),
        "{md}"
    );
}

#[test]
fn pdf_from_stdin_is_sniffed_by_its_magic() {
    let dir = scratch();
    let out = run_with_stdin(
        dir.path(),
        &["--no-config", "clean", "-"],
        Some(&printed_report()),
    );
    assert_code(&out, 0);
    assert!(stdout(&out).contains("pages: 2"), "{}", stdout(&out));
}

#[test]
fn diff_of_a_pdf_shows_the_rules_that_repaired_it() {
    let dir = scratch();
    write(dir.path(), "raw/report.pdf", printed_report());
    let out = run(
        dir.path(),
        &["--no-config", "diff", "--stat", "raw/report.pdf"],
    );
    assert_code(&out, 0);
    let stat = stdout(&out);
    for rule in ["B001", "B003", "B004"] {
        assert!(stat.contains(rule), "{rule} missing from {stat}");
    }
}

/// Cleans `raw/` with a good PDF beside the bad one; returns the run's output, after checking the good one was
/// written.
fn batch_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, std::process::Output) {
    let dir = scratch();
    write(dir.path(), "raw/good.pdf", printed_report());
    write(dir.path(), &format!("raw/{name}"), bytes);
    let out = run(dir.path(), &["--no-config", "clean", "-o", "out", "raw"]);
    assert!(
        dir.path().join("out/good.md").is_file(),
        "the good PDF is still written: {}",
        stderr(&out)
    );
    (dir, out)
}

/// The run failed with exit 2 and one `rinse: raw/<name>: …` line holding `needle`.
fn assert_one_error(out: &std::process::Output, name: &str, needle: &str) {
    assert_code(out, 2);
    let err = stderr(out);
    let lines: Vec<&str> = err
        .lines()
        .filter(|l| l.contains(&format!("raw/{name}")))
        .collect();
    assert_eq!(lines.len(), 1, "{err}");
    assert!(lines[0].contains(needle), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn scanned_pdf_without_text_says_it_needs_ocr() {
    let bytes = one_page(
        Document::with_version("1.5"),
        b"0 0 612 792 re f".to_vec(),
        None,
    );
    let (_dir, out) = batch_with("scan.pdf", &bytes);
    assert_one_error(&out, "scan.pdf", "needs OCR");
}

/// The report encrypted with RC4 (the standard security handler), with these passwords.
fn encrypted_report(owner: &str, user: &str) -> Vec<u8> {
    let mut doc = Document::load_mem(&printed_report()).expect("the report loads");
    // The standard security handler derives its key from the file identifier.
    let id = Object::string_literal(b"rinse-test-file-id".to_vec());
    doc.trailer.set("ID", vec![id.clone(), id]);
    let version = EncryptionVersion::V1 {
        document: &doc,
        owner_password: owner,
        user_password: user,
        permissions: Permissions::PRINTABLE,
    };
    let state = EncryptionState::try_from(version).expect("the encryption is set up");
    doc.encrypt(&state).expect("the report is encrypted");
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("the PDF is written");
    bytes
}

#[test]
fn encrypted_pdf_is_refused() {
    let bytes = encrypted_report("owner", "secret");
    let (_dir, out) = batch_with("secret.pdf", &bytes);
    assert_one_error(&out, "secret.pdf", "encrypted PDF");
}

#[test]
fn pdf_with_only_an_owner_password_is_read() {
    // An empty user password opens the document (it only restricts editing): it is read like any other.
    let dir = scratch();
    write(dir.path(), "raw/locked.pdf", encrypted_report("owner", ""));
    let out = run(dir.path(), &["--no-config", "clean", "raw/locked.pdf"]);
    assert_code(&out, 0);
    assert!(
        stdout(&out).contains("so that every group could take part"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn corrupt_and_truncated_pdfs_are_errors_not_panics() {
    let (_dir, out) = batch_with("junk.pdf", b"%PDF-1.7\nthis is not a PDF at all\n");
    assert_one_error(&out, "junk.pdf", "PDF");
    let good = printed_report();
    let (_dir, out) = batch_with("cut.pdf", &good[..good.len() / 3]);
    // A truncated file may still give up some of its text; it must never take the batch down.
    assert!(matches!(code(&out), 0 | 2), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
}

#[test]
fn deeply_nested_objects_are_refused() {
    let mut bytes = b"%PDF-1.7\n1 0 obj\n".to_vec();
    bytes.extend(std::iter::repeat_n(b'[', 100_000));
    bytes.extend(std::iter::repeat_n(b']', 100_000));
    bytes.extend(b"\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    let (_dir, out) = batch_with("nested.pdf", &bytes);
    assert_one_error(&out, "nested.pdf", "PDF");
}

#[test]
fn a_stream_that_inflates_past_the_limit_is_refused() {
    let mut doc = Document::load_mem(&printed_report()).expect("the report loads");
    // 80 MiB of spaces in a content stream: past the reader's 64 MiB per stream.
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let block = vec![b' '; 1 << 20];
    for _ in 0..80 {
        encoder.write_all(&block).expect("compresses");
    }
    let bomb = encoder.finish().expect("compresses");
    let page = *doc.get_pages().values().next().expect("a page");
    let stream_id = doc.add_object(Stream::new(dictionary! { "Filter" => "FlateDecode" }, bomb));
    doc.get_dictionary_mut(page)
        .expect("a page dictionary")
        .set("Contents", stream_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("the PDF is written");
    let (_dir, out) = batch_with("bomb.pdf", &bytes);
    assert_one_error(&out, "bomb.pdf", "PDF");
}

#[test]
fn thousands_of_pages_past_the_limit_are_refused() {
    let pages: Vec<Vec<String>> = (0..=rinse::read::pdf::MAX_PAGES)
        .map(|_| Vec::new())
        .collect();
    let bytes = pdf(&pages, "Many pages");
    let (_dir, out) = batch_with("many.pdf", &bytes);
    assert_one_error(&out, "many.pdf", "pages");
}

/// One page of `content` drawn with 11 pt Helvetica as `/F1`.
fn one_page_of_text(content: Vec<u8>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    one_page(
        doc,
        content,
        Some(dictionary! { "Font" => dictionary! { "F1" => font_id } }),
    )
}

#[test]
fn issue_17_graphics_state_nested_past_the_limit_is_refused() {
    // 2 MB of `q`: read one operation at a time it costs nothing, and the depth limit names it.
    let mut content = b"q ".repeat(1_000_000);
    content.extend_from_slice(b"BT /F1 11 Tf 72 740 Td (deep) Tj ET");
    let (_dir, out) = batch_with("deep.pdf", &one_page_of_text(content));
    assert_one_error(&out, "deep.pdf", "graphics state nested deeper than 256");
}

#[test]
fn issue_17_graphics_state_within_the_limit_is_read() {
    let mut content = b"q ".repeat(rinse::read::pdf::MAX_STATE_DEPTH);
    content.extend_from_slice(b"BT /F1 11 Tf 72 740 Td (Within the limit) Tj ET ");
    content.extend(b"Q ".repeat(rinse::read::pdf::MAX_STATE_DEPTH));
    let dir = scratch();
    write(dir.path(), "raw/q.pdf", one_page_of_text(content));
    let out = run(dir.path(), &["--no-config", "clean", "raw/q.pdf"]);
    assert_code(&out, 0);
    assert!(
        stdout(&out).contains("Within the limit"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_first_word_drawn_in_pieces_is_measured_whole() {
    // Browsers draw a line as strings parted by kerning (`[(Hyphen) -10 (ation) ( goes on)] TJ`): the first word
    // of the line, whose width says whether it would have fitted on the line above, spans them. Helvetica without
    // a widths table advances 5.5 pt a glyph at 11 pt.
    let content = b"BT /F1 11 Tf 72 740 Td [(Hyphen) -10 (ation) ( goes on)] TJ ET".to_vec();
    let text = rinse::read::pdf::read(&one_page_of_text(content)).expect("the PDF is read");
    let first = text.layout.lines[0].first_word;
    assert!((first - 11.0 * 5.5).abs() < 1.0, "{first}");
}

#[test]
fn issue_17_a_page_of_more_strings_than_the_limit_is_refused() {
    // Each string is a run of text that the page keeps until its lines are built: past the limit the page is
    // refused rather than held.
    let limit = rinse::read::pdf::MAX_PAGE_RUNS;
    let mut content = b"BT /F1 11 Tf 72 740 Td [".to_vec();
    content.extend(b"(x)".repeat(limit + 1));
    content.extend_from_slice(b"] TJ ET");
    let (_dir, out) = batch_with("strings.pdf", &one_page_of_text(content));
    assert_one_error(&out, "strings.pdf", "strings of text on one page");
}

#[test]
fn pdf_record_of_a_warc_is_read() {
    let dir = scratch();
    let pdf = printed_report();
    let mut http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\nContent-Length: {}\r\n\r\n",
        pdf.len()
    )
    .into_bytes();
    http.extend_from_slice(&pdf);
    let mut warc = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/report.pdf\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    warc.extend_from_slice(&http);
    warc.extend_from_slice(b"\r\n\r\n");
    write(dir.path(), "crawl.warc", &warc);
    let out = run(
        dir.path(),
        &["--no-config", "clean", "-o", "out", "crawl.warc"],
    );
    assert_code(&out, 0);
    let md = std::fs::read_to_string(dir.path().join("out/crawl/000001.md"))
        .expect("the record is written");
    assert!(
        md.contains("url: \"https://example.org/report.pdf\""),
        "{md}"
    );
    assert!(md.contains("pages: 2"), "{md}");
}

#[test]
fn subset_font_text_comes_from_its_to_unicode_map() {
    // Browsers write subset fonts whose `/Encoding` names made-up glyphs (`/g1`, `/g2`): only the `ToUnicode`
    // map says which character each code draws.
    let text = "Naïve café owners met in Zürich";
    let mut chars: Vec<char> = text.chars().collect();
    chars.sort_unstable();
    chars.dedup();
    let code = |c: char| chars.iter().position(|&d| d == c).expect("a mapped char") as u8 + 1;
    let mut cmap = format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n{} beginbfchar\n",
        chars.len()
    );
    let mut differences: Vec<Object> = vec![1.into()];
    for &c in &chars {
        cmap.push_str(&format!("<{:02X}> <{:04X}>\n", code(c), c as u32));
        differences.push(Object::Name(format!("g{}", code(c)).into_bytes()));
    }
    cmap.push_str("endbfchar\nendcmap\nend\nend\n");
    let mut doc = Document::with_version("1.5");
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, cmap.into_bytes()));
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "TrueType",
        "BaseFont" => "AAAAAA+Subset",
        "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => differences },
        "ToUnicode" => to_unicode,
    });
    let shown: Vec<u8> = text.chars().map(code).collect();
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
            Operation::new("Td", vec![72.into(), 740.into()]),
            Operation::new(
                "Tj",
                vec![Object::String(shown, lopdf::StringFormat::Hexadecimal)],
            ),
            Operation::new("ET", vec![]),
        ],
    };
    let bytes = one_page(
        doc,
        content.encode().expect("the content encodes"),
        Some(dictionary! { "Font" => dictionary! { "F1" => font_id } }),
    );
    let dir = scratch();
    write(dir.path(), "raw/subset.pdf", bytes);
    let out = run(
        dir.path(),
        &["--no-config", "clean", "--format", "text", "raw/subset.pdf"],
    );
    assert_code(&out, 0);
    assert!(stdout(&out).contains(text), "{}", stdout(&out));
}

/// A `/Link` annotation opening `uri`, over `rect` (`[x0 y0 x1 y1]`) or, when given, the quadrilaterals
/// `quads` (eight numbers each).
fn link_annotation(uri: &str, rect: [f32; 4], quads: &[f32]) -> Dictionary {
    let mut annot = dictionary! {
        "Type" => "Annot",
        "Subtype" => "Link",
        "Rect" => rect.iter().map(|&v| Object::Real(v)).collect::<Vec<_>>(),
        "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal(uri) },
    };
    if !quads.is_empty() {
        annot.set(
            "QuadPoints",
            quads.iter().map(|&v| Object::Real(v)).collect::<Vec<_>>(),
        );
    }
    annot
}

#[test]
fn link_annotations_become_markdown_links_over_their_text() {
    // Helvetica without `/Widths`: every code is 500/1000 of the size, 5.5 pt at 11 pt, so a character's place
    // on the line is known. Each line is one string: a link covers part of it, and one runs over a line end.
    let first = "Read the annual report before the meeting, and the";
    let second = "minutes of the last one, which the secretary posted.";
    let x = |chars: usize| 72.0 + 5.5 * chars as f32;
    let mut doc = Document::with_version("1.5");
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 11.into()]),
            Operation::new("TL", vec![14.into()]),
            Operation::new("Td", vec![72.into(), 740.into()]),
            Operation::new("Tj", vec![Object::string_literal(first)]),
            Operation::new("T*", vec![]),
            Operation::new("Tj", vec![Object::string_literal(second)]),
            Operation::new("ET", vec![]),
        ],
    };
    // "annual report" on the first line; "the" ending it and "minutes" starting the next, one annotation with a
    // quadrilateral per line; a script link over "secretary", which stays text; and the link of a bar printed
    // over the text, whose area ends inside "posted", which is not the text's link.
    let report = link_annotation(
        "https://example.org/report",
        [x(9), 737.0, x(22), 749.0],
        &[],
    );
    let (a0, a1) = (x(first.len() - 3), x(first.len()));
    let (b0, b1) = (x(0), x(7));
    let minutes = link_annotation(
        "https://example.org/minutes?year=2024",
        [b0, 723.0, a1, 749.0],
        &[
            a0, 749.0, a1, 749.0, a0, 737.0, a1, 737.0, //
            b0, 735.0, b1, 735.0, b0, 723.0, b1, 723.0,
        ],
    );
    let script = link_annotation("javascript:void(0)", [x(35), 723.0, x(44), 735.0], &[]);
    let posted = second.len() - "posted.".len();
    let overlay = link_annotation(
        "https://example.org/overlay",
        [x(posted - 2), 723.0, x(posted + 3), 735.0],
        &[],
    );
    let annots: Vec<Object> = [report, minutes, script, overlay]
        .into_iter()
        .map(|a| doc.add_object(a).into())
        .collect();
    let bytes = one_page_with(
        doc,
        content.encode().expect("the content encodes"),
        Some(dictionary! { "Font" => dictionary! { "F1" => font_id } }),
        dictionary! { "Annots" => annots },
    );
    let dir = scratch();
    write(dir.path(), "raw/minutes.pdf", bytes);
    let out = run(dir.path(), &["--no-config", "clean", "raw/minutes.pdf"]);
    assert_code(&out, 0);
    let md = stdout(&out);
    assert!(
        md.contains("Read the [annual report](https://example.org/report) before the meeting,"),
        "{md}"
    );
    assert!(
        md.contains("[the](https://example.org/minutes?year=2024)")
            && md.contains("[minutes](https://example.org/minutes?year=2024) of the last one"),
        "a link over a line end is a link on each line: {md}"
    );
    assert!(md.contains("which the secretary posted."), "{md}");
    assert!(
        !md.contains("javascript") && !md.contains("overlay"),
        "{md}"
    );
}

/// A user rule that drops a printed footer line (the project's `rules/10-print-copies.toml`) waits for the first
/// pass over the pages to end: taken first, the footer hid the page boundary, and the running header above the
/// next page's text stayed in the output (and went at the second clean).
#[test]
fn a_user_rule_on_footer_lines_leaves_the_page_repair_whole() {
    let page = |n: usize, text: &[&str]| {
        let mut page = lines(&[
            "12/2/26, 1:19 PM",
            "Annual report 2024 of the regional committee...",
            "",
        ]);
        page.extend(lines(text));
        page.extend(lines(&[
            "",
            &format!(
                "https://example.org/news/2024/annual-report-of-the-regional-committee... {n}/3"
            ),
        ]));
        page
    };
    let pages = [
        page(
            1,
            &[
                "The committee met on Monday morning to discuss the budget for the next year,",
                "and after a long debate that went on for most of the afternoon the members",
                "agreed to extend the deadline for the proposals by one month, so that every",
            ],
        ),
        page(
            2,
            &[
                "group could take part in the consultation and send its comments in writing.",
                "The chair thanked everyone for their patience and closed the meeting before",
            ],
        ),
        page(
            3,
            &["the members left for the evening session of the regional assembly."],
        ),
    ];
    let dir = scratch();
    write(
        dir.path(),
        "raw/report.pdf",
        pdf(&pages, "Annual report 2024"),
    );
    write(
        dir.path(),
        "rules/print.toml",
        "[[drop-line]]\nid = \"print-url-footer\"\npattern = '^\\s*https?://\\S+\\s+\\d{1,3}/\\d{1,3}\\s*$'\n",
    );
    let with_rule = run(dir.path(), &["clean", "raw/report.pdf"]);
    assert_code(&with_rule, 0);
    let without = run(dir.path(), &["--no-config", "clean", "raw/report.pdf"]);
    assert_code(&without, 0);
    let md = stdout(&with_rule);
    assert!(
        !md.contains("1:19 PM"),
        "the running header is dropped: {md}"
    );
    assert!(
        md.contains("so that every group could take part"),
        "the paragraph is joined across the page break: {md}"
    );
    assert_eq!(md, stdout(&without));
}
