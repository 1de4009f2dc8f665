//! The HTML report of `rinse diff --html` opened in a real headless browser (Debian's `chromium`): it renders, both
//! panes and the legend are there, and a screenshot is taken. Without the browser the test fails when `CI` is set
//! (`.ci/browser.sh` installs it) and is skipped with a note otherwise.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

const CHROMIUM: &str = "/usr/bin/chromium";

#[test]
fn html_report_renders_in_a_headless_browser() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().expect("a temporary folder can be made");
    let report = dir.path().join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_rinse"))
        .args(["--no-config", "-q", "diff", "--html"])
        .arg(&report)
        .arg("tests/cmd/diff.in/raw/page.html")
        .status()
        .expect("the rinse binary runs");
    assert!(status.success(), "rinse diff --html failed: {status}");

    let url = format!("file://{}", report.display());
    let dom = run_browser(&browser, dir.path(), &["--dump-dom", &url]);
    let dom = String::from_utf8_lossy(&dom);
    for needle in [
        "id=\"raw-pane\"",
        "id=\"clean-pane\"",
        "id=\"legend\"",
        "Night ferries",
    ] {
        assert!(
            dom.contains(needle),
            "the rendered page lacks {needle}:\n{dom}"
        );
    }

    let shot = dir.path().join("report.png");
    let screenshot_arg = format!("--screenshot={}", shot.display());
    run_browser(
        &browser,
        dir.path(),
        &[
            &screenshot_arg,
            "--window-size=1280,800",
            "--hide-scrollbars",
            &url,
        ],
    );
    let png = std::fs::read(&shot).expect("the browser wrote a screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 1000,
        "not a PNG screenshot"
    );
}

/// The browser, or `None` (after a note) when it is missing outside CI.
fn browser() -> Option<PathBuf> {
    let path = PathBuf::from(CHROMIUM);
    if path.is_file() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{CHROMIUM} is missing and CI is set: run .ci/browser.sh to install Debian's chromium"
    );
    eprintln!("note: skipping the browser test: {CHROMIUM} is missing (run .ci/browser.sh)");
    None
}

/// Runs the headless browser with a fresh profile; returns its stdout. A browser still running after two minutes is
/// killed, so that a hung browser fails the test instead of stalling CI.
fn run_browser(browser: &Path, scratch: &Path, args: &[&str]) -> Vec<u8> {
    let profile = tempfile::tempdir_in(scratch).expect("a profile folder can be made");
    // Files, not pipes: a page dump bigger than a pipe's buffer would block the browser while we poll it.
    let stdout_path = profile.path().join("stdout");
    let stderr_path = profile.path().join("stderr");
    let stdout = std::fs::File::create(&stdout_path).expect("stdout file");
    let stderr = std::fs::File::create(&stderr_path).expect("stderr file");
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.path().join("profile").display()
        ))
        .args(args)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(stderr)
        .spawn()
        .expect("the browser starts");
    let mut waited = Duration::ZERO;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for the browser") {
            break status;
        }
        if waited > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the browser did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
        waited += Duration::from_millis(100);
    };
    assert!(
        status.success(),
        "the browser failed: {status}\n{}",
        std::fs::read_to_string(&stderr_path).unwrap_or_default()
    );
    std::fs::read(&stdout_path).expect("the browser's output")
}

#[test]
fn html_report_with_a_long_file_name_fits_1280_pixels() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().expect("a temporary folder can be made");
    // One long name without a hyphen or space to break at: the case that pushed the column headers into each
    // other and the page past the window.
    let name = format!(
        "{}x.html",
        "saved_page_from_the_archive_of_the_evening_news_".repeat(4)
    );
    let input = dir.path().join(&name);
    std::fs::copy("tests/cmd/diff.in/raw/page.html", &input).expect("the page can be copied");
    let report = dir.path().join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_rinse"))
        .args(["--no-config", "-q", "diff", "--html"])
        .arg(&report)
        .arg(&input)
        .status()
        .expect("the rinse binary runs");
    assert!(status.success(), "rinse diff --html failed: {status}");

    // The browser measures its own layout; the figures come back in the dumped DOM.
    let probe = r#"<script>
const raw = document.getElementById('raw-pane'), clean = document.getElementById('clean-pane');
const spill = [...document.querySelectorAll('.pane-head, h1')].map(e => e.scrollWidth - e.clientWidth);
document.body.setAttribute('data-layout', [document.documentElement.scrollWidth, innerWidth,
  Math.round(raw.getBoundingClientRect().right), Math.round(clean.getBoundingClientRect().left),
  Math.max(...spill)].join(' '));
</script></body>"#;
    let html = std::fs::read_to_string(&report).expect("the report was written");
    let probed = dir.path().join("probed.html");
    std::fs::write(&probed, html.replace("</body>", probe)).expect("the probe can be written");
    let url = format!("file://{}", probed.display());
    let dom = run_browser(
        &browser,
        dir.path(),
        &["--window-size=1280,800", "--dump-dom", &url],
    );
    let dom = String::from_utf8_lossy(&dom);
    let layout: Vec<i64> = dom
        .split("data-layout=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the probe ran")
        .split(' ')
        .map(|n| n.parse().expect("a number"))
        .collect();
    let [page_width, window, raw_right, clean_left, spill] = layout[..] else {
        panic!("five figures expected: {layout:?}");
    };
    assert!(
        page_width <= window,
        "the page is {page_width}px wide in a {window}px window"
    );
    assert!(raw_right <= clean_left, "the headers overlap: {layout:?}");
    assert_eq!(spill, 0, "a header's text runs out of its box: {layout:?}");
}
