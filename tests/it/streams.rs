//! Pipelines past one machine: WARC files, JSONL streams, and deterministic shards.

use std::io::Write;

use crate::harness::{assert_code, run, run_with_stdin, scratch, stderr, stdout, write};

const ARTICLE: &str = "<html><head><link rel=canonical href=\"https://news.example/a\"></head><body><article><p>The council approved the new budget on Tuesday after a long debate about schools and roads.</p></article></body></html>";

pub(crate) fn warc_record(kind: &str, uri: &str, http: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-05-06T07:08:09Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    out.extend_from_slice(http);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

pub(crate) fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// A multi-member `.warc.gz`: warcinfo, an HTML page, an image, a corrupt member, a latin-1 page.
fn sample_warc() -> (Vec<u8>, u64) {
    let mut file = gzip(&warc_record("warcinfo", "", b"software: rinse-test\r\n"));
    file.extend(gzip(&warc_record(
        "response",
        "https://news.example/a?x=1#section-2",
        &http("text/html; charset=utf-8", ARTICLE.as_bytes()),
    )));
    file.extend(gzip(&warc_record(
        "response",
        "https://news.example/logo.png",
        &http("image/png", b"\x89PNG\r\n"),
    )));
    let corrupt_at = file.len() as u64;
    let mut bad = gzip(&warc_record(
        "response",
        "https://news.example/b",
        &http("text/html", ARTICLE.as_bytes()),
    ));
    let mid = bad.len() / 2;
    bad[mid] ^= 0x55;
    bad[mid + 1] ^= 0x55;
    file.extend(bad);
    let latin = b"<html><body><article><p>Le caf\xe9 du port a rouvert ses portes apr\xe8s six mois de travaux, pour la plus grande joie des habitu\xe9s.</p></article></body></html>";
    file.extend(gzip(&warc_record(
        "response",
        "https://news.example/c",
        &http("text/html; charset=iso-8859-1", latin),
    )));
    (file, corrupt_at)
}

#[test]
fn warc_responses_are_cleaned_with_url_and_fetch_date_and_corruption_is_reported() {
    let dir = scratch();
    let (warc, corrupt_at) = sample_warc();
    write(dir.path(), "crawl.warc.gz", &warc);
    let out = run(
        dir.path(),
        &["--no-config", "clean", "--format", "jsonl", "crawl.warc.gz"],
    );
    assert_code(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("crawl.warc.gz@{corrupt_at}: ")),
        "{err}"
    );
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pages: Vec<_> = lines.iter().filter(|v| v.get("error").is_none()).collect();
    assert_eq!(pages.len(), 2, "{}", stdout(&out));
    assert_eq!(
        pages[0]["metadata"]["url"],
        "https://news.example/a?x=1#section-2"
    );
    assert_eq!(pages[0]["metadata"]["fetched"], "2024-05-06T07:08:09Z");
    assert!(pages[0]["text"]
        .as_str()
        .unwrap()
        .contains("approved the new budget"));
    assert!(
        pages[1]["text"]
            .as_str()
            .unwrap()
            .contains("Le café du port"),
        "{}",
        pages[1]
    );
    assert_eq!(lines.iter().filter(|v| v.get("error").is_some()).count(), 1);
}

#[test]
fn warc_records_go_to_numbered_files_under_out() {
    let dir = scratch();
    let mut warc = Vec::new();
    for i in 0..3 {
        warc.extend(warc_record(
            "response",
            &format!("https://news.example/{i}"),
            &http("text/html", ARTICLE.as_bytes()),
        ));
    }
    write(dir.path(), "in/crawl.warc", &warc);
    let out = run(dir.path(), &["--no-config", "clean", "-o", "out", "in"]);
    assert_code(&out, 0);
    for i in 1..=3 {
        let path = dir.path().join(format!("out/crawl/{i:06}.md"));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} missing: {}", path.display(), stderr(&out)));
        assert!(
            text.contains(&format!("url: \"https://news.example/{}\"", i - 1)),
            "{text}"
        );
    }
}

#[test]
fn jsonl_stream_keeps_order_extra_fields_and_turns_errors_into_lines() {
    let dir = scratch();
    let input = format!(
        "{}\n{}\nnot json\n{}\n",
        serde_json::json!({"id": "a", "url": "https://x.example/1", "html": ARTICLE}),
        serde_json::json!({"id": "b", "markdown": "Some scraped text.\n\n[more](#)\n", "text": "clashes"}),
        serde_json::json!({"id": "c"}),
    );
    let out = run_with_stdin(
        dir.path(),
        &[
            "--no-config",
            "clean",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "-",
        ],
        Some(input.as_bytes()),
    );
    assert_code(&out, 2);
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["metadata"]["url"], "https://x.example/1");
    assert_eq!(lines[1]["id"], "b");
    assert_ne!(
        lines[1]["text"], "clashes",
        "rinse's own keys win over input fields"
    );
    assert!(lines[2]["error"]
        .as_str()
        .unwrap()
        .starts_with("invalid JSON"));
    assert_eq!(lines[2]["source"], "-:3");
    assert_eq!(lines[3]["id"], "c");
    assert!(lines[3]["error"].is_string());
}

#[test]
fn shards_cover_every_document_exactly_once() {
    let dir = scratch();
    let mut input = String::new();
    for i in 0..60 {
        input.push_str(&serde_json::json!({"id": i, "url": format!("https://s.example/{i}"), "markdown": format!("Document number {i}.\n")}).to_string());
        input.push('\n');
    }
    write(dir.path(), "docs.jsonl", &input);
    let mut seen = Vec::new();
    for k in 1..=3 {
        let shard = format!("{k}/3");
        let out = run(
            dir.path(),
            &[
                "--no-config",
                "clean",
                "--format",
                "jsonl",
                "--shard",
                &shard,
                "docs.jsonl",
            ],
        );
        assert_code(&out, 0);
        let ids: Vec<i64> = stdout(&out)
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                    .as_i64()
                    .unwrap()
            })
            .collect();
        assert!(
            !ids.is_empty() && ids.len() < 60,
            "shard {shard} has {} documents",
            ids.len()
        );
        seen.extend(ids);
    }
    seen.sort_unstable();
    assert_eq!(seen, (0..60).collect::<Vec<_>>());
    let out = run(
        dir.path(),
        &[
            "--no-config",
            "clean",
            "--format",
            "jsonl",
            "--shard",
            "4/3",
            "docs.jsonl",
        ],
    );
    assert_code(&out, 2);
}

#[test]
fn a_reader_that_stops_early_ends_the_stream_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let dir = scratch();
    let mut input = String::new();
    for i in 0..3000 {
        input.push_str(
            &serde_json::json!({"id": i, "markdown": format!("Document number {i}.\n")})
                .to_string(),
        );
        input.push('\n');
    }
    write(dir.path(), "docs.jsonl", &input);
    // One thread (-j 1) and a pool of threads take different paths through `rinse clean`.
    for jobs in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rinse"))
            .current_dir(dir.path())
            .args([
                "--no-config",
                "clean",
                "-j",
                jobs,
                "--format",
                "jsonl",
                "docs.jsonl",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("rinse starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut first)
            .expect("one line");
        // The pipe is closed here, like `rinse clean … | head -n 1`.
        let out = child.wait_with_output().expect("rinse ends");
        assert!(first.contains("\"id\":0"), "-j {jobs}: {first}");
        assert_eq!(
            out.status.code(),
            Some(0),
            "-j {jobs}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    }
}
