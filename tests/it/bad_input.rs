//! Bad input never panics: each case gets a clear per-file error or a sane output, and the batch goes on.

use crate::harness::{assert_code, code, run, scratch, stderr, stdout, write};

const GOOD: &str = "<html><body><article><p>A perfectly ordinary paragraph of text that is long enough to be an article body.</p></article></body></html>";

/// Cleans `raw/` with one good page beside the bad one; returns the run's output.
fn batch_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, std::process::Output) {
    let dir = scratch();
    write(dir.path(), "raw/good.html", GOOD);
    write(dir.path(), &format!("raw/{name}"), bytes);
    let out = run(dir.path(), &["--no-config", "clean", "-o", "out", "raw"]);
    assert!(
        dir.path().join("out/good.md").is_file(),
        "the good page is still written: {}",
        stderr(&out)
    );
    (dir, out)
}

#[test]
fn empty_file_is_an_error() {
    let (_dir, out) = batch_with("empty.html", b"");
    assert_code(&out, 2);
    assert!(
        stderr(&out).contains("raw/empty.html: empty input"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn binary_file_is_an_error() {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    let (_dir, out) = batch_with("image.html", &bytes);
    assert_code(&out, 2);
    assert!(
        stderr(&out).contains("raw/image.html: binary data"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn control_bytes_are_an_error() {
    let bytes: Vec<u8> = (0..2048u32).map(|i| (i % 9) as u8).collect();
    let (_dir, out) = batch_with("noise.md", &bytes);
    assert_code(&out, 2);
    assert!(
        stderr(&out).contains("raw/noise.md: binary data"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn invalid_utf8_is_decoded_by_guess() {
    let (dir, out) = batch_with(
        "latin.md",
        b"Gr\xfc\xdfe aus M\xfcnchen: die sch\xf6nste Stra\xdfe der Stadt ist heute gesperrt.\n",
    );
    assert_code(&out, 0);
    let text = std::fs::read_to_string(dir.path().join("out/latin.md")).unwrap();
    assert!(text.contains("Grüße aus München"), "{text}");
}

#[test]
fn legacy_charsets_are_decoded() {
    let dir = scratch();
    write(
        dir.path(),
        "meta.html",
        b"<html><head><meta charset=\"windows-1252\"></head><body><article><p>Caf\xe9 cr\xe8me \x93quoted\x94 and a long enough sentence to keep.</p></article></body></html>".as_slice(),
    );
    write(
        dir.path(),
        "sjis.html",
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><article><p>\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x95\xb6\x8f\xcd\x82\xc5\x82\xb7\x81\x42</p></article></body></html>".as_slice(),
    );
    write(
        dir.path(),
        "bom.md",
        b"\xff\xfeH\0i\0 \0t\0h\0e\0r\0e\0\n\0".as_slice(),
    );
    let out = run(
        dir.path(),
        &["--no-config", "clean", "--format", "text", "meta.html"],
    );
    assert_code(&out, 0);
    assert!(
        stdout(&out).contains("Café crème “quoted”"),
        "{}",
        stdout(&out)
    );
    let out = run(
        dir.path(),
        &["--no-config", "clean", "--format", "text", "sjis.html"],
    );
    assert_code(&out, 0);
    assert!(
        stdout(&out).contains("日本語の文章です。"),
        "{}",
        stdout(&out)
    );
    let out = run(
        dir.path(),
        &["--no-config", "clean", "--format", "text", "bom.md"],
    );
    assert_code(&out, 0);
    assert_eq!(stdout(&out), "Hi there\n");
}

#[test]
fn nul_bytes_are_dropped() {
    let (dir, out) = batch_with(
        "nul.md",
        b"Text with a stray\0 NUL byte in the middle of a sentence.\n",
    );
    assert_code(&out, 0);
    let text = std::fs::read_to_string(dir.path().join("out/nul.md")).unwrap();
    assert!(text.contains("stray NUL byte"), "{text}");
}

#[test]
fn deeply_nested_divs_do_not_overflow_the_stack() {
    let depth = 100_000;
    let mut page = String::with_capacity(depth * 11 + 200);
    page.push_str("<html><body>");
    page.push_str(&"<div>".repeat(depth));
    page.push_str(
        "<p>Deep inside, a paragraph that is long enough to be the article of this page.</p>",
    );
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>");
    let (_dir, out) = batch_with("deep.html", page.as_bytes());
    assert!(code(&out) == 0 || code(&out) == 2, "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("panicked") && !stderr(&out).contains("overflow"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_50_mb_page_is_cleaned() {
    let para = "<p>Paragraph of a very long page, repeated many times over to make it large.</p>\n";
    let mut page = String::from("<html><body><article>");
    while page.len() < 50 * 1024 * 1024 {
        page.push_str(para);
    }
    page.push_str("</article></body></html>");
    let (_dir, out) = batch_with("huge.html", page.as_bytes());
    assert_code(&out, 0);
}

#[cfg(unix)]
#[test]
fn dangling_symlink_is_reported() {
    let dir = scratch();
    write(dir.path(), "raw/good.html", GOOD);
    std::os::unix::fs::symlink(
        dir.path().join("nowhere.html"),
        dir.path().join("raw/broken.html"),
    )
    .unwrap();
    let out = run(dir.path(), &["--no-config", "clean", "-o", "out", "raw"]);
    assert_code(&out, 2);
    assert!(
        stderr(&out).contains("broken.html: dangling symbolic link"),
        "{}",
        stderr(&out)
    );
    assert!(dir.path().join("out/good.md").is_file());
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_not_followed_forever() {
    let dir = scratch();
    write(dir.path(), "raw/sub/good.html", GOOD);
    std::os::unix::fs::symlink(dir.path().join("raw"), dir.path().join("raw/sub/loop")).unwrap();
    let out = run(dir.path(), &["--no-config", "clean", "-o", "out", "raw"]);
    assert_code(&out, 2);
    assert!(
        stderr(&out).contains("symbolic link loop"),
        "{}",
        stderr(&out)
    );
    assert!(dir.path().join("out/sub/good.md").is_file());
}

#[test]
fn a_folder_named_like_a_page_is_walked_not_read() {
    let dir = scratch();
    write(dir.path(), "raw/x.html/inner.html", GOOD);
    let out = run(dir.path(), &["--no-config", "clean", "-o", "out", "raw"]);
    assert_code(&out, 0);
    assert!(
        dir.path().join("out/x.html/inner.md").is_file(),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_input_is_reported() {
    let dir = scratch();
    write(dir.path(), "good.html", GOOD);
    let out = run(
        dir.path(),
        &[
            "--no-config",
            "clean",
            "--format",
            "jsonl",
            "good.html",
            "missing.html",
        ],
    );
    assert_code(&out, 2);
    assert!(
        stderr(&out).contains("rinse: missing.html: "),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out).lines().count(), 1);
}

#[test]
fn corrupt_gzip_is_reported() {
    let (_dir, out) = batch_with("broken.html.gz", b"\x1f\x8b\x08\x00garbage");
    assert_code(&out, 2);
    assert!(
        stderr(&out).contains("raw/broken.html.gz: not a valid gzip stream"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn inputs_are_never_modified_and_outputs_leave_no_temp_files() {
    let (dir, _out) = batch_with("other.md", b"Some scraped text.\n");
    assert_eq!(
        std::fs::read(dir.path().join("raw/good.html")).unwrap(),
        GOOD.as_bytes()
    );
    let leftovers: Vec<_> = walk(&dir.path().join("out"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// The bytes of a PNG image saved under a page's name.
fn png() -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    bytes
}

#[cfg(unix)]
#[test]
fn clean_and_check_name_a_document_that_fails_once_before_the_reason() {
    let dir = scratch();
    write(dir.path(), "raw/good.html", GOOD);
    write(dir.path(), "raw/image.html", png());
    write(dir.path(), "raw/broken.html.gz", b"not gzip");
    let out = run(
        dir.path(),
        &[
            "--no-config",
            "clean",
            "-o",
            "clean",
            "raw/good.html",
            "raw/nowhere.html",
            "raw/image.html",
            "raw/broken.html.gz",
        ],
    );
    assert_code(&out, 2);
    assert_eq!(
        stderr(&out),
        "rinse: raw/nowhere.html: no such file or directory\n\
         rinse: raw/image.html: binary data (a PNG image), not an HTML, PDF or text document\n\
         rinse: raw/broken.html.gz: not a valid gzip stream: no gzip header\n\
         cleaned 1, unchanged 0, errors 3\n"
    );

    std::os::unix::fs::symlink("nowhere.html", dir.path().join("raw/gone.html")).unwrap();
    let out = run(dir.path(), &["--no-config", "check"]);
    assert_code(&out, 2);
    assert_eq!(
        stderr(&out),
        "rinse: raw/gone.html: dangling symbolic link\n\
         rinse: raw/broken.html.gz: not a valid gzip stream: no gzip header\n\
         rinse: raw/image.html: binary data (a PNG image), not an HTML, PDF or text document\n\
         checked 3: 1 up to date, 0 stale, 0 missing, 0 orphans, 0 failing examples, 3 errors\n"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_input_is_named_once_before_the_read_error() {
    let dir = scratch();
    std::fs::create_dir(dir.path().join("folder")).unwrap();
    // A folder opened as a file: the open succeeds and the first read fails.
    let folder = std::fs::File::open(dir.path().join("folder")).unwrap();
    let out = crate::harness::command(dir.path(), &["--no-config", "clean", "-"])
        .stdin(folder)
        .output()
        .expect("rinse runs to completion");
    assert_code(&out, 2);
    assert!(
        stderr(&out).starts_with("rinse: <stdin>: failed to read: "),
        "{}",
        stderr(&out)
    );
}
