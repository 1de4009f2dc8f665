//! `rinse fetch` and `rinse clean URL` against a scripted server on 127.0.0.1: what lands in the output folder,
//! what the server was asked, and the exit status. Delays and backoff are turned down; nothing asserts on time.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crate::harness::files_under;
use crate::server::{Response, Server};

const PAGE: &str = "<!doctype html><html><head><title>A page</title></head><body><article><h1>A page</h1>\
<p>Enough words in one paragraph for the extractor to take this as the article of the page.</p></article></body></html>";

fn rinse(dir: &Path, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rinse"));
    for (key, _) in std::env::vars() {
        if key.starts_with("RINSE_") {
            command.env_remove(key);
        }
    }
    command
        .current_dir(dir)
        .arg("--no-config")
        .args(args)
        .output()
        .expect("rinse runs")
}

/// `rinse fetch -o out` with short delays and backoff, then `extra` and the URLs.
fn fetch(dir: &Path, extra: &[&str], urls: &[String]) -> Output {
    let mut args = vec![
        "fetch",
        "-o",
        "out",
        "--delay",
        "0",
        "--backoff",
        "10ms",
        "--timeout",
        "10s",
    ];
    args.extend_from_slice(extra);
    args.extend(urls.iter().map(String::as_str));
    rinse(dir, &args)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn sidecar(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

struct Case {
    dir: tempfile::TempDir,
    server: Server,
}

impl Case {
    fn new(
        handler: impl Fn(&crate::server::Request, usize) -> Response + Send + Sync + 'static,
    ) -> Case {
        Case {
            dir: tempfile::tempdir().unwrap(),
            server: Server::start(handler),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    /// Where a page of this server lands under out/, by its stored name.
    fn stored(&self, name: &str) -> PathBuf {
        self.path()
            .join("out")
            .join(self.server.host_dir())
            .join(name)
    }

    fn out_files(&self) -> Vec<String> {
        files_under(&self.path().join("out"))
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn windows_1252_page_is_stored_byte_for_byte_with_its_charset() {
    let body = b"<html><body><p>Caf\xe9 cr\xe8me \x93quoted\x94</p></body></html>".to_vec();
    let served = body.clone();
    let case = Case::new(move |_, _| {
        Response::status(200)
            .header("Content-Type", "text/html; charset=windows-1252")
            .body(served.clone())
    });
    let output = fetch(case.path(), &[], &[case.url("/cafe")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read(case.stored("cafe.html")).unwrap(), body);
    let meta = sidecar(&case.stored("cafe.json"));
    assert_eq!(meta["charset"], "windows-1252");
    assert_eq!(meta["status"], 200);
    assert_eq!(meta["url"], case.url("/cafe"));
    assert_eq!(meta["size"], body.len());
    assert_eq!(
        meta["sha256"].as_str().unwrap().len(),
        64,
        "sha256 is hex: {meta}"
    );
    assert!(
        stderr(&output).contains("fetched 1, unchanged 0"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn shift_jis_page_is_cleaned_with_the_declared_charset() {
    // "日本語のページ" in Shift_JIS, inside a paragraph long enough to be the article.
    let mut body = b"<html><head><title>t</title></head><body><article><p>".to_vec();
    for _ in 0..10 {
        body.extend_from_slice(b"\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x79\x81\x5b\x83\x57 ");
    }
    body.extend_from_slice(b"</p></article></body></html>");
    let served = body.clone();
    let case = Case::new(move |_, _| {
        Response::status(200)
            .header("Content-Type", "text/html; charset=Shift_JIS")
            .body(served.clone())
    });
    let output = fetch(case.path(), &[], &[case.url("/jp")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read(case.stored("jp.html")).unwrap(), body);
    assert_eq!(sidecar(&case.stored("jp.json"))["charset"], "Shift_JIS");
    let cleaned = rinse(
        case.path(),
        &["clean", case.stored("jp.html").to_str().unwrap()],
    );
    assert!(cleaned.status.success(), "{}", stderr(&cleaned));
    let markdown = String::from_utf8(cleaned.stdout).unwrap();
    assert!(markdown.contains("日本語のページ"), "{markdown}");
}

#[test]
fn gzip_body_is_stored_decompressed() {
    let case =
        Case::new(|_, _| Response::html(gzip(PAGE.as_bytes())).header("Content-Encoding", "gzip"));
    let output = fetch(case.path(), &[], &[case.url("/zipped")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(case.stored("zipped.html")).unwrap(),
        PAGE
    );
    let requests = case.server.requests_for("/zipped");
    let accepted = requests[0].header("Accept-Encoding").unwrap_or("");
    assert!(
        accepted.contains("gzip") && accepted.contains("br"),
        "{accepted}"
    );
}

#[test]
fn server_error_is_retried_until_the_page_comes() {
    let case = Case::new(|request, nth| match (request.path.as_str(), nth) {
        ("/flaky", 0) => Response::status(500),
        _ => Response::html(PAGE),
    });
    let output = fetch(case.path(), &[], &[case.url("/flaky")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(case.server.requests_for("/flaky").len(), 2);
    assert!(case.stored("flaky.html").is_file());
}

#[test]
fn too_many_requests_is_retried_after_retry_after() {
    let case = Case::new(|request, nth| match (request.path.as_str(), nth) {
        ("/busy", 0) => Response::status(429).header("Retry-After", "1"),
        _ => Response::html(PAGE),
    });
    let output = fetch(case.path(), &[], &[case.url("/busy")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(case.server.requests_for("/busy").len(), 2);
    assert!(case.stored("busy.html").is_file());
}

#[test]
fn retry_after_beyond_the_limit_fails_at_once() {
    let case = Case::new(|_, _| Response::status(429).header("Retry-After", "3600"));
    let output = fetch(case.path(), &[], &[case.url("/later")]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(case.server.requests_for("/later").len(), 1);
    assert!(
        stderr(&output).contains("--max-retry-wait"),
        "{}",
        stderr(&output)
    );
    assert!(case.out_files().is_empty());
}

#[test]
fn redirect_chain_is_followed_and_stored_under_the_asked_url() {
    let case = Case::new(|request, _| match request.path.as_str() {
        "/r1" => Response::redirect(301, "/r2"),
        "/r2" => Response::redirect(301, "/r3"),
        "/r3" => Response::redirect(301, "/final"),
        "/final" => Response::html(PAGE),
        _ => Response::status(404),
    });
    let output = fetch(case.path(), &[], &[case.url("/r1")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let meta = sidecar(&case.stored("r1.json"));
    assert_eq!(meta["url"], case.url("/r1"));
    assert_eq!(meta["final_url"], case.url("/final"));
    assert_eq!(case.out_files().len(), 2, "{:?}", case.out_files());
}

#[test]
fn redirect_loop_fails_and_writes_nothing() {
    let case = Case::new(|request, _| match request.path.as_str() {
        "/a" => Response::redirect(302, "/b"),
        _ => Response::redirect(302, "/a"),
    });
    let output = fetch(case.path(), &[], &[case.url("/a")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("redirect loop"),
        "{}",
        stderr(&output)
    );
    assert!(case.out_files().is_empty());
}

#[test]
fn too_many_redirects_fail() {
    let case = Case::new(|request, _| {
        let n: u32 = request.path.trim_start_matches("/hop").parse().unwrap_or(0);
        Response::redirect(302, &format!("/hop{}", n + 1))
    });
    let output = fetch(case.path(), &["--max-redirects", "3"], &[case.url("/hop0")]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("more than 3 redirects"),
        "{}",
        stderr(&output)
    );
    assert!(case.out_files().is_empty());
}

#[test]
fn body_over_the_limit_fails_and_writes_nothing() {
    let big = "x".repeat(5000);
    let case = Case::new(move |request, _| match request.path.as_str() {
        "/declared" => Response::html(big.clone()),
        _ => Response::html(big.clone()).until_close(),
    });
    let output = fetch(
        case.path(),
        &["--max-size", "1KiB"],
        &[case.url("/declared"), case.url("/streamed")],
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert_eq!(err.matches("larger than the limit").count(), 2, "{err}");
    assert!(case.out_files().is_empty());
}

#[test]
fn issue_17_gzip_body_that_inflates_over_the_limit_fails_and_writes_nothing() {
    // Some 200 bytes on the wire, 200 KB once inflated: the limit is on what the page holds, not what it sends.
    let bomb = gzip(" ".repeat(200_000).as_bytes());
    assert!(bomb.len() < 1024, "{}", bomb.len());
    let case =
        Case::new(move |_, _| Response::html(bomb.clone()).header("Content-Encoding", "gzip"));
    let output = fetch(case.path(), &["--max-size", "1KiB"], &[case.url("/bomb")]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("larger than the limit"), "{err}");
    assert!(case.out_files().is_empty());
}

#[test]
fn stall_mid_body_times_out_and_writes_nothing() {
    let case = Case::new(|_, _| {
        Response::html("y".repeat(10_000)).stall_after(100, Duration::from_secs(30))
    });
    let output = rinse(
        case.path(),
        &[
            "fetch",
            "-o",
            "out",
            "--delay",
            "0",
            "--timeout",
            "1s",
            "--retries",
            "0",
            &case.url("/slow"),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("timed out"), "{}", stderr(&output));
    assert!(case.out_files().is_empty());
}

#[test]
fn robots_txt_disallowed_path_is_skipped_not_failed() {
    let case = Case::new(|request, _| match request.path.as_str() {
        "/robots.txt" => Response::status(200)
            .header("Content-Type", "text/plain")
            .body("User-agent: *\nDisallow: /private\n"),
        _ => Response::html(PAGE),
    });
    let urls = [case.url("/private/a"), case.url("/public")];
    let output = fetch(case.path(), &[], &urls);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(case.server.requests_for("/private/a").is_empty());
    assert_eq!(case.server.requests_for("/robots.txt").len(), 1);
    assert_eq!(case.out_files().len(), 2, "{:?}", case.out_files());
    assert!(case.stored("public.html").is_file());
    let err = stderr(&output);
    assert!(err.contains("skipped by robots.txt 1"), "{err}");

    let output = fetch(case.path(), &["--ignore-robots"], &urls[..1]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(case.stored("private/a.html").is_file());
}

#[test]
fn robots_txt_names_rinse_user_agent() {
    let case = Case::new(|request, _| match request.path.as_str() {
        "/robots.txt" => Response::status(200).body("User-agent: rinse\nDisallow: /\n"),
        _ => Response::html(PAGE),
    });
    let output = fetch(case.path(), &[], &[case.url("/page")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(case.out_files().is_empty());
    let agent = case.server.requests()[0]
        .header("User-Agent")
        .unwrap_or("")
        .to_string();
    assert!(agent.starts_with("rinse/"), "{agent}");
}

#[test]
fn etag_answered_by_304_leaves_the_file_untouched() {
    let case = Case::new(|request, _| {
        if request.header("If-None-Match") == Some("\"v1\"") {
            Response::status(304)
        } else {
            Response::html(PAGE).header("ETag", "\"v1\"")
        }
    });
    let url = case.url("/tagged");
    let first = fetch(case.path(), &[], std::slice::from_ref(&url));
    assert!(first.status.success(), "{}", stderr(&first));
    let page = case.stored("tagged.html");
    let before = std::fs::metadata(&page).unwrap().modified().unwrap();
    let sidecar_before = std::fs::read(case.stored("tagged.json")).unwrap();

    let second = fetch(case.path(), &[], std::slice::from_ref(&url));
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("fetched 0, unchanged 1"),
        "{}",
        stderr(&second)
    );
    let requests = case.server.requests_for("/tagged");
    assert_eq!(requests[1].header("If-None-Match"), Some("\"v1\""));
    assert_eq!(
        std::fs::metadata(&page).unwrap().modified().unwrap(),
        before
    );
    assert_eq!(
        std::fs::read(case.stored("tagged.json")).unwrap(),
        sidecar_before
    );

    let third = fetch(case.path(), &["--refresh"], std::slice::from_ref(&url));
    assert!(third.status.success(), "{}", stderr(&third));
    assert_eq!(
        case.server.requests_for("/tagged")[2].header("If-None-Match"),
        None
    );
}

#[test]
fn max_age_skips_recent_copies_without_asking() {
    let case = Case::new(|_, _| Response::html(PAGE));
    let url = case.url("/recent");
    assert!(fetch(case.path(), &[], std::slice::from_ref(&url))
        .status
        .success());
    let output = fetch(
        case.path(),
        &["--max-age", "1h"],
        std::slice::from_ref(&url),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(case.server.requests_for("/recent").len(), 1);
    assert!(
        stderr(&output).contains("recent (--max-age) 1"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn failed_refetch_keeps_the_old_copy() {
    let case = Case::new(|request, nth| match (request.path.as_str(), nth) {
        ("/robots.txt", _) => Response::status(404),
        (_, 0) => Response::html(PAGE),
        _ => Response::status(503),
    });
    let url = case.url("/kept");
    assert!(fetch(case.path(), &[], std::slice::from_ref(&url))
        .status
        .success());
    let output = fetch(case.path(), &["--retries", "1"], std::slice::from_ref(&url));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("503"), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(case.stored("kept.html")).unwrap(),
        PAGE
    );
}

#[test]
fn sitemap_index_leads_to_every_page() {
    let case = Case::new(|request, _| {
        let port_url = |p: &str| format!("http://{}{p}", request.header("Host").unwrap());
        match request.path.as_str() {
            "/sitemap_index.xml" => Response::status(200)
                .header("Content-Type", "application/xml")
                .body(format!(
                    "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\
                     <sitemap><loc>{}</loc></sitemap><sitemap><loc>{}</loc></sitemap></sitemapindex>",
                    port_url("/s1.xml"),
                    port_url("/s2.xml.gz")
                )),
            "/s1.xml" => Response::status(200).header("Content-Type", "text/xml").body(format!(
                "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>{}</loc></url>\
                 <url><loc>{}</loc></url></urlset>",
                port_url("/a"),
                port_url("/b")
            )),
            "/s2.xml.gz" => Response::status(200)
                .header("Content-Type", "application/gzip")
                .body(gzip(
                    format!("<urlset><url><loc>{}</loc></url></urlset>", port_url("/c")).as_bytes(),
                )),
            "/robots.txt" => Response::status(404),
            _ => Response::html(PAGE),
        }
    });
    let output = rinse(
        case.path(),
        &[
            "fetch",
            "-o",
            "out",
            "--delay",
            "0",
            "--sitemap",
            &case.url("/sitemap_index.xml"),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    for name in ["a.html", "b.html", "c.html"] {
        assert!(
            case.stored(name).is_file(),
            "{name}: {:?}",
            case.out_files()
        );
    }
    assert_eq!(case.out_files().len(), 6, "sitemaps are not stored");
}

/// A sitemap index of `/s1.xml` (pages `/a`, `/b`) and `/s2.xml`, whose answer (`second`, given the server's
/// `http://host:port`) is held back until a page of `/s1.xml` has been asked for; after 5 s it is a 404 instead.
/// So `/s2.xml` gives anything only if rinse fetches the first sitemap's pages while it reads the second.
fn index_whose_second_sitemap_waits(second: fn(&str) -> Response) -> Case {
    let asked = Arc::new((Mutex::new(false), Condvar::new()));
    Case::new(move |request, _| {
        let port_url = |p: &str| format!("http://{}{p}", request.header("Host").unwrap());
        let (flag, signal) = &*asked;
        match request.path.as_str() {
            "/index.xml" => Response::status(200)
                .header("Content-Type", "application/xml")
                .body(format!(
                    "<sitemapindex><sitemap><loc>{}</loc></sitemap><sitemap><loc>{}</loc></sitemap></sitemapindex>",
                    port_url("/s1.xml"),
                    port_url("/s2.xml")
                )),
            "/s1.xml" => Response::status(200).header("Content-Type", "text/xml").body(format!(
                "<urlset><url><loc>{}</loc></url><url><loc>{}</loc></url></urlset>",
                port_url("/a"),
                port_url("/b")
            )),
            "/s2.xml" => {
                let (asked, _) = signal
                    .wait_timeout_while(flag.lock().unwrap(), Duration::from_secs(5), |asked| !*asked)
                    .unwrap();
                if *asked {
                    second(&port_url(""))
                } else {
                    Response::status(404)
                }
            }
            "/robots.txt" => Response::status(404),
            path => {
                if path == "/a" || path == "/b" {
                    *flag.lock().unwrap() = true;
                    signal.notify_all();
                }
                Response::html(PAGE)
            }
        }
    })
}

#[test]
fn sitemap_pages_are_fetched_while_the_next_sitemap_is_read() {
    let case = index_whose_second_sitemap_waits(|origin| {
        Response::status(200)
            .header("Content-Type", "application/xml")
            .body(format!("<urlset><url><loc>{origin}/c</loc></url></urlset>"))
    });
    let output = fetch(case.path(), &["--sitemap", &case.url("/index.xml")], &[]);
    let err = stderr(&output);
    assert!(output.status.success(), "{err}");
    for name in ["a.html", "b.html", "c.html"] {
        assert!(
            case.stored(name).is_file(),
            "{name}: {:?}",
            case.out_files()
        );
    }
    assert!(
        err.contains("fetched 3, unchanged 0, skipped by robots.txt 0, failed 0"),
        "{err}"
    );
    let order: Vec<String> = case.server.requests().into_iter().map(|r| r.path).collect();
    let at = |path: &str| order.iter().position(|p| p == path).unwrap();
    assert!(at("/s1.xml") < at("/a") && at("/a") < at("/c"), "{order:?}");
}

#[test]
fn bad_second_sitemap_is_one_error_line_and_the_first_sitemaps_pages_are_fetched() {
    let case =
        index_whose_second_sitemap_waits(|_| Response::html("<html><body>moved</body></html>"));
    let output = fetch(case.path(), &["--sitemap", &case.url("/index.xml")], &[]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    for name in ["a.html", "b.html"] {
        assert!(
            case.stored(name).is_file(),
            "{name}: {:?}",
            case.out_files()
        );
    }
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("rinse: ")).collect();
    assert_eq!(errors.len(), 1, "{err}");
    assert!(errors[0].contains("/s2.xml: invalid sitemap"), "{err}");
    assert!(
        err.contains("fetched 2, unchanged 0, skipped by robots.txt 0, failed 1"),
        "{err}"
    );
}

#[test]
fn pdf_is_fetched_and_stored_as_pdf() {
    let case = Case::new(|_, _| {
        Response::status(200)
            .header("Content-Type", "application/pdf")
            .body(&b"%PDF-1.4 not really"[..])
    });
    let url = case.url("/paper");
    let output = fetch(case.path(), &[], std::slice::from_ref(&url));
    assert!(output.status.success(), "{}", stderr(&output));
    let stored = std::fs::read(case.stored("paper.pdf"));
    assert_eq!(
        stored.ok().as_deref(),
        Some(&b"%PDF-1.4 not really"[..]),
        "{:?}",
        case.out_files()
    );
    assert!(case.stored("paper.json").is_file());
}

#[test]
fn other_binary_types_are_refused_unless_accept_any() {
    let case = Case::new(|_, _| {
        Response::status(200)
            .header("Content-Type", "image/png")
            .body(&b"\x89PNG"[..])
    });
    let url = case.url("/logo");
    let output = fetch(case.path(), &[], std::slice::from_ref(&url));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not HTML or PDF but image/png"),
        "{}",
        stderr(&output)
    );
    assert!(case.out_files().is_empty());
    let output = fetch(case.path(), &["--accept-any"], std::slice::from_ref(&url));
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(case.stored("logo.json").is_file(), "{:?}", case.out_files());
}

#[test]
fn urls_file_is_read_and_repeats_fetched_once() {
    let case = Case::new(|_, _| Response::html(PAGE));
    let list = format!(
        "# pages\n{}\n\n{}#section\n{}\n",
        case.url("/one"),
        case.url("/one"),
        case.url("/two")
    );
    std::fs::write(case.path().join("urls.txt"), list).unwrap();
    let output = fetch(case.path(), &["--urls", "urls.txt"], &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(case.server.requests_for("/one").len(), 1);
    assert!(case.stored("two.html").is_file());
}

#[test]
fn invalid_url_is_an_error_and_the_rest_go_on() {
    let case = Case::new(|_, _| Response::html(PAGE));
    let output = fetch(
        case.path(),
        &[],
        &["ftp://example.org/x".to_string(), case.url("/ok")],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not http or https"),
        "{}",
        stderr(&output)
    );
    assert!(case.stored("ok.html").is_file());
}

#[test]
fn clean_url_fetches_and_cleans_in_memory() {
    let case = Case::new(|_, _| Response::html(PAGE));
    let url = case.url("/article");
    let output = rinse(case.path(), &["clean", &url]);
    assert!(output.status.success(), "{}", stderr(&output));
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(markdown.contains(&format!("url: \"{url}\"")), "{markdown}");
    assert!(markdown.contains("Enough words"), "{markdown}");
    assert!(!case.path().join("raw").exists());
}

#[test]
fn clean_url_with_save_stores_the_page_in_raw() {
    let case = Case::new(|_, _| Response::html(PAGE));
    let url = case.url("/saved");
    let output = rinse(case.path(), &["clean", "--save", "-o", "clean", &url]);
    assert!(output.status.success(), "{}", stderr(&output));
    let host = case.server.host_dir();
    assert!(case.path().join(format!("raw/{host}/saved.html")).is_file());
    assert!(case.path().join(format!("raw/{host}/saved.json")).is_file());
    let cleaned =
        std::fs::read_to_string(case.path().join(format!("clean/{host}/saved.md"))).unwrap();
    assert!(cleaned.contains("Enough words"), "{cleaned}");
}

#[test]
fn clean_url_serving_a_pdf_reads_the_pdf() {
    let case = Case::new(|_, _| {
        Response::status(200)
            .header("Content-Type", "application/pdf")
            .body(&crate::pdf::printed_report()[..])
    });
    let url = case.url("/report");
    let output = rinse(case.path(), &["clean", &url]);
    assert!(output.status.success(), "{}", stderr(&output));
    let markdown = String::from_utf8(output.stdout).unwrap();
    assert!(markdown.contains("pages: 2"), "{markdown}");
    assert!(markdown.contains(&format!("url: \"{url}\"")), "{markdown}");
    assert!(
        markdown.contains("so that every group could take part"),
        "{markdown}"
    );
}

#[test]
fn stored_names_follow_the_url() {
    let case = Case::new(|_, _| Response::html(PAGE).header("ETag", "\"v1\""));
    let urls = [
        case.url("/articles/paradigm.html"),
        case.url("/docs/"),
        case.url("/notes"),
    ];
    let out = fetch(case.path(), &[], &urls);
    assert!(out.status.success(), "{}", stderr(&out));
    let host = case.server.host_dir();
    let expected: Vec<String> = [
        "articles/paradigm.html",
        "articles/paradigm.json",
        "docs/index.html",
        "docs/index.json",
        "notes.html",
        "notes.json",
    ]
    .iter()
    .map(|name| format!("{host}/{name}"))
    .collect();
    assert_eq!(case.out_files(), expected);

    // `/notes.html` shares `/notes`'s file (the documented collision): fetched in full, not revalidated with the
    // other URL's ETag, and its sidecar now names it.
    let other = case.url("/notes.html");
    let out = fetch(case.path(), &[], std::slice::from_ref(&other));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        case.server.requests_for("/notes.html")[0].header("If-None-Match"),
        None
    );
    assert_eq!(sidecar(&case.stored("notes.json"))["url"], other.as_str());
    assert_eq!(case.out_files(), expected);
}
