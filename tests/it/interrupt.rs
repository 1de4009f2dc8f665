//! Ctrl-C during `rinse clean`: one line, exit 130, the files written complete and no temporary file left.

use std::io::Write;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{assert_code, command, run, scratch, stderr, stdout, write};

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>A quiet harbour</title></head>
<body><article><h1>A quiet harbour</h1>
<p>The harbour was quiet on Sunday morning, with only two boats moving between the piers and the old lighthouse.</p>
</article></body></html>"#;

/// Starts `rinse clean` on one thread over `a.html`, stdin and `b.html`: the run waits on stdin, the test's
/// pipe, until the test lets it go, so Ctrl-C lands mid-batch without any timing guess.
fn start_held_on_stdin(dir: &Path) -> Child {
    write(dir, "a.html", PAGE);
    write(dir, "b.html", PAGE);
    let child = command(
        dir,
        &[
            "--no-config",
            "clean",
            "-j",
            "1",
            "-o",
            "out",
            "a.html",
            "-",
            "b.html",
        ],
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("the rinse binary starts");
    let first = dir.join("out/a.md");
    let start = Instant::now();
    while !first.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "out/a.md never appeared"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    child
}

#[allow(
    unsafe_code,
    reason = "the standard library cannot send SIGINT; kill(2) on our own child's pid is sound"
)]
fn press_ctrl_c(child: &Child) {
    let pid = libc::pid_t::try_from(child.id()).expect("a pid fits pid_t");
    // SAFETY: kill has no memory effects; the pid is our child's, which has not been waited for.
    let sent = unsafe { libc::kill(pid, libc::SIGINT) };
    assert_eq!(sent, 0, "SIGINT could not be sent");
}

/// The files of `out`, sorted.
fn files(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out)
        .expect("the output folder exists")
        .map(|e| {
            e.expect("a folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn ctrl_c_stops_the_batch_with_one_line_and_exit_130() {
    let dir = scratch();
    let mut child = start_held_on_stdin(dir.path());
    press_ctrl_c(&child);
    // The handler only sets a flag; let it land before the document in progress (stdin) ends.
    std::thread::sleep(Duration::from_millis(300));
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin
        .write_all(b"# Piped\n\nSome text.\n")
        .expect("stdin accepts the input");
    drop(stdin);
    let out = child.wait_with_output().expect("rinse runs to completion");
    assert_code(&out, 130);
    assert_eq!(
        stderr(&out),
        "rinse: interrupted after 2 of 3 documents; the files written are complete\n"
    );
    // The document in progress was finished and written; b.html never started; nothing temporary is left.
    assert_eq!(files(&dir.path().join("out")), ["-.md", "a.md"]);
    let whole = run(dir.path(), &["--no-config", "clean", "a.html"]);
    assert_code(&whole, 0);
    let written = std::fs::read_to_string(dir.path().join("out/a.md")).expect("a.md was written");
    assert_eq!(written, stdout(&whole));
}

#[test]
fn second_ctrl_c_ends_the_run_at_once() {
    let dir = scratch();
    let mut child = start_held_on_stdin(dir.path());
    press_ctrl_c(&child);
    std::thread::sleep(Duration::from_millis(300));
    press_ctrl_c(&child);
    // Stdin stays open until the run ended: only the second Ctrl-C can end it.
    let stdin = child.stdin.take();
    let status = child.wait().expect("rinse runs to completion");
    drop(stdin);
    assert_eq!(status.code(), Some(130));
    assert_eq!(files(&dir.path().join("out")), ["a.md"]);
}
