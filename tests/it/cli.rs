//! The `rinse clean` contract: inputs, output paths, formats, exit codes.

use crate::harness::{assert_code, run, run_with_stdin, scratch, stderr, stdout, write};

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>A quiet harbour</title></head>
<body><article><h1>A quiet harbour</h1>
<p>The harbour was quiet on Sunday morning, with only two boats moving between the piers and the old lighthouse.</p>
<p>Fishermen said the catch had been poor all week, and that the cold had kept the tourists away from the quay.</p>
</article></body></html>"#;

#[test]
fn single_file_goes_to_stdout_as_markdown_with_front_matter() {
    let dir = scratch();
    write(dir.path(), "page.html", PAGE);
    let out = run(dir.path(), &["--no-config", "clean", "page.html"]);
    assert_code(&out, 0);
    let text = stdout(&out);
    assert!(text.starts_with("---\n"), "{text}");
    assert!(text.contains("\nsource: \"page.html\"\n"), "{text}");
    assert!(text.contains("The harbour was quiet"), "{text}");
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{text:?}");
}

#[test]
fn out_dash_is_stdout_never_a_folder_named_dash() {
    let dir = scratch();
    write(dir.path(), "page.html", PAGE);
    let plain = run(dir.path(), &["--no-config", "clean", "page.html"]);
    let dash = run(
        dir.path(),
        &["--no-config", "clean", "-o", "-", "page.html"],
    );
    assert_code(&dash, 0);
    assert_eq!(stdout(&dash), stdout(&plain));
    assert!(!dir.path().join("-").exists());
}

#[test]
fn text_format_has_no_front_matter_and_no_urls() {
    let dir = scratch();
    write(
        dir.path(),
        "page.html",
        PAGE.replace(
            "two boats",
            "two <a href=\"https://boats.example/\">boats</a>",
        ),
    );
    let out = run(
        dir.path(),
        &["--no-config", "clean", "--format", "text", "page.html"],
    );
    assert_code(&out, 0);
    let text = stdout(&out);
    assert!(!text.contains("---"), "{text}");
    assert!(!text.contains("https://"), "{text}");
    assert!(text.contains("two boats moving"), "{text}");
}

#[test]
fn json_and_jsonl_carry_source_metadata_markdown_and_text() {
    let dir = scratch();
    write(dir.path(), "in/a.html", PAGE);
    write(dir.path(), "in/b.md", "# Notes\n\nSome text here.\n");
    let out = run(
        dir.path(),
        &["--no-config", "clean", "--format", "json", "in/a.html"],
    );
    assert_code(&out, 0);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(value["source"], "a.html");
    assert_eq!(value["metadata"]["source"], "a.html");
    assert!(value["markdown"]
        .as_str()
        .unwrap()
        .contains("harbour was quiet"));
    assert!(value["text"]
        .as_str()
        .unwrap()
        .contains("harbour was quiet"));

    let out = run(
        dir.path(),
        &["--no-config", "clean", "--format", "jsonl", "in"],
    );
    assert_code(&out, 0);
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let sources: Vec<_> = lines
        .iter()
        .map(|v| v["source"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(sources, vec!["a.html", "b.md"]);
}

#[test]
fn jsonl_refuses_out() {
    let dir = scratch();
    write(dir.path(), "a.html", PAGE);
    let out = run(
        dir.path(),
        &[
            "--no-config",
            "clean",
            "--format",
            "jsonl",
            "-o",
            "out",
            "a.html",
        ],
    );
    assert_code(&out, 2);
    assert!(stderr(&out).contains("--out"), "{}", stderr(&out));
}

#[test]
fn out_folder_mirrors_input_paths_with_the_format_extension() {
    let dir = scratch();
    write(dir.path(), "raw/a/b.html", PAGE);
    let gz = {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(PAGE.as_bytes()).unwrap();
        enc.finish().unwrap()
    };
    write(dir.path(), "raw/c.htm.gz", gz);
    write(dir.path(), "raw/notes.txt", "Plain notes.\n");
    write(dir.path(), "raw/ignored.pdf.bak", "x");
    let out = run(
        dir.path(),
        &[
            "--no-config",
            "clean",
            "--format",
            "text",
            "-o",
            "out",
            "raw",
        ],
    );
    assert_code(&out, 0);
    for name in ["out/a/b.txt", "out/c.txt", "out/notes.txt"] {
        assert!(
            dir.path().join(name).is_file(),
            "{name} missing; stderr: {}",
            stderr(&out)
        );
    }
    assert!(
        stderr(&out).contains("cleaned 3, unchanged 0, errors 0"),
        "{}",
        stderr(&out)
    );

    // A second run rewrites nothing.
    let out = run(
        dir.path(),
        &[
            "--no-config",
            "clean",
            "--format",
            "text",
            "-o",
            "out",
            "raw",
        ],
    );
    assert!(
        stderr(&out).contains("cleaned 0, unchanged 3, errors 0"),
        "{}",
        stderr(&out)
    );

    // A single file lands at the top of the output folder.
    let out = run(
        dir.path(),
        &["--no-config", "clean", "-o", "single", "raw/a/b.html"],
    );
    assert_code(&out, 0);
    assert!(dir.path().join("single/b.md").is_file());
}

#[test]
fn two_inputs_for_one_output_is_an_error_naming_both() {
    let dir = scratch();
    write(dir.path(), "raw/a.html", PAGE);
    write(dir.path(), "raw/a.md", "Text.\n");
    write(dir.path(), "raw/z.md", "Other text.\n");
    let out = run(dir.path(), &["--no-config", "clean", "-o", "out", "raw"]);
    assert_code(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains("raw/a.html") && err.contains("raw/a.md"),
        "{err}"
    );
    assert!(
        dir.path().join("out/z.md").is_file(),
        "the rest of the batch is written"
    );
}

#[test]
fn folder_without_out_suggests_out() {
    let dir = scratch();
    write(dir.path(), "raw/a.html", PAGE);
    let out = run(dir.path(), &["--no-config", "clean", "raw"]);
    assert_code(&out, 2);
    assert!(stderr(&out).contains("-o"), "{}", stderr(&out));
}

#[test]
fn no_input_cleans_raw_into_clean() {
    let dir = scratch();
    write(dir.path(), "raw/x/page.html", PAGE);
    let out = run(dir.path(), &["--no-config", "clean"]);
    assert_code(&out, 0);
    assert!(
        dir.path().join("clean/x/page.md").is_file(),
        "{}",
        stderr(&out)
    );
}

#[test]
fn config_names_other_folders() {
    let dir = scratch();
    write(
        dir.path(),
        "rinse.toml",
        "[paths]\nraw = \"pages\"\nclean = \"done\"\n\n[clean]\nformat = \"text\"\n",
    );
    write(dir.path(), "pages/p.html", PAGE);
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();
    let out = run(&dir.path().join("sub"), &["clean"]);
    assert_code(&out, 0);
    assert!(dir.path().join("done/p.txt").is_file(), "{}", stderr(&out));
}

#[test]
fn unknown_config_key_is_an_error_with_its_line() {
    let dir = scratch();
    write(
        dir.path(),
        "rinse.toml",
        "[clean]\nformat = \"md\"\ncolour = true\n",
    );
    write(dir.path(), "raw/p.html", PAGE);
    let out = run(dir.path(), &["clean"]);
    assert_code(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains("rinse.toml") && err.contains("line 3") && err.contains("colour"),
        "{err}"
    );
}

#[test]
fn stdin_is_read_with_dash_and_kind_is_sniffed() {
    let dir = scratch();
    let out = run_with_stdin(
        dir.path(),
        &["--no-config", "clean", "--format", "text", "-"],
        Some(PAGE.as_bytes()),
    );
    assert_code(&out, 0);
    assert!(
        stdout(&out).contains("harbour was quiet"),
        "{}",
        stdout(&out)
    );
    assert!(!stdout(&out).contains("<p>"));
}

#[test]
fn input_format_forces_the_kind() {
    let dir = scratch();
    write(
        dir.path(),
        "page.txt",
        "<p>Kept as <b>markdown</b> text, not parsed as a page.</p>\n",
    );
    // `.txt` is markdown that a scraper wrote, cleaned in place.
    let out = run(dir.path(), &["--no-config", "clean", "page.txt"]);
    assert_code(&out, 0);
    assert!(
        stdout(&out).contains(" <b>markdown</b>"),
        "{}",
        stdout(&out)
    );
    // Plain text on request: its markup characters are text, escaped in the markdown output.
    let out = run(
        dir.path(),
        &["--no-config", "clean", "--input-format", "text", "page.txt"],
    );
    assert_code(&out, 0);
    assert!(
        stdout(&out).contains("\\<b>markdown\\</b>"),
        "{}",
        stdout(&out)
    );
    let out = run(
        dir.path(),
        &["--no-config", "clean", "--input-format", "html", "page.txt"],
    );
    assert_code(&out, 0);
    assert!(!stdout(&out).contains("<b>"), "{}", stdout(&out));
}

/// Scrapers write `.txt` as often as `.md`, with the same damage: the seed saved as `.txt` is repaired as the `.md`
/// is (page-break splits joined, link placeholders made text, header lines read into the front matter).
#[test]
fn scraped_txt_is_cleaned_like_scraped_markdown() {
    let dir = scratch();
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed/china-cuba.md"),
    )
    .expect("seed fixture");
    write(dir.path(), "seed.md", &seed);
    write(dir.path(), "seed.txt", &seed);
    let md = run(dir.path(), &["--no-config", "clean", "seed.md"]);
    let txt = run(dir.path(), &["--no-config", "clean", "seed.txt"]);
    assert_code(&txt, 0);
    let body = stdout(&txt);
    assert!(body.contains("just a year after the 26th"), "{body}");
    assert!(!body.contains("](#)"), "{body}");
    assert_eq!(body.replace("seed.txt", "seed.md"), stdout(&md));
}

#[test]
fn one_bad_file_is_reported_and_the_batch_goes_on() {
    let dir = scratch();
    write(dir.path(), "raw/a.html", PAGE);
    write(dir.path(), "raw/b.html", "");
    write(dir.path(), "raw/c.md", "Fine text.\n");
    let out = run(dir.path(), &["--no-config", "clean", "-o", "out", "raw"]);
    assert_code(&out, 2);
    let err = stderr(&out);
    assert!(
        err.lines().any(|l| l.starts_with("rinse: raw/b.html: ")),
        "{err}"
    );
    assert!(dir.path().join("out/a.md").is_file());
    assert!(dir.path().join("out/c.md").is_file());
    assert!(!dir.path().join("out/b.md").exists());
}

#[test]
fn parallel_output_is_identical_to_serial() {
    let dir = scratch();
    for i in 0..12 {
        write(
            dir.path(),
            &format!("raw/p{i:02}.html"),
            PAGE.replace("Sunday", &format!("day {i}")),
        );
    }
    let serial = run(
        dir.path(),
        &[
            "--no-config",
            "clean",
            "--format",
            "jsonl",
            "-j",
            "1",
            "raw",
        ],
    );
    let parallel = run(
        dir.path(),
        &[
            "--no-config",
            "clean",
            "--format",
            "jsonl",
            "-j",
            "4",
            "raw",
        ],
    );
    assert_code(&serial, 0);
    assert_eq!(serial.stdout, parallel.stdout);
}

#[test]
fn help_lists_exit_codes() {
    let dir = scratch();
    let out = run(dir.path(), &["--help"]);
    assert_code(&out, 0);
    assert!(stdout(&out).contains("Exit status"), "{}", stdout(&out));
}

#[test]
fn clean_cli_cases() {
    trycmd::TestCases::new()
        .register_bin("rinse", std::path::Path::new(env!("CARGO_BIN_EXE_rinse")))
        .case("tests/cmd/clean-*.toml");
}

#[test]
fn empty_input_folder_is_a_warning_and_exit_2() {
    let dir = scratch();
    std::fs::create_dir(dir.path().join("empty")).expect("the folder can be made");
    let out = run(dir.path(), &["--no-config", "clean", "-o", "out", "empty"]);
    assert_code(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains("rinse: warning: empty: no document to clean (looked for .html"),
        "{err}"
    );
    assert!(err.contains("hint: the folder holds no files"), "{err}");

    // `-q` keeps it: the exit code alone would not say which folder.
    let out = run(
        dir.path(),
        &["--no-config", "-q", "clean", "-o", "out", "empty"],
    );
    assert_code(&out, 2);
    assert!(stderr(&out).contains("empty: no document to clean"));

    // The project's raw/ when no INPUT is given, and a stream to stdout, alike.
    std::fs::create_dir(dir.path().join("raw")).expect("the folder can be made");
    let out = run(dir.path(), &["--no-config", "clean"]);
    assert_code(&out, 2);
    assert!(stderr(&out).contains("raw: no document to clean"));
    let out = run(
        dir.path(),
        &["--no-config", "clean", "--format", "jsonl", "empty"],
    );
    assert_code(&out, 2);
    assert_eq!(stdout(&out), "");
}

#[test]
fn verbose_lists_skipped_files_but_not_sidecars() {
    let dir = scratch();
    write(dir.path(), "in/page.html", PAGE);
    write(
        dir.path(),
        "in/page.json",
        r#"{"url": "https://example.org/page"}"#,
    );
    write(dir.path(), "in/sub/data.csv", "a,b\n");
    let out = run(
        dir.path(),
        &["--no-config", "clean", "-v", "-o", "out", "in"],
    );
    assert_code(&out, 0);
    let err = stderr(&out);
    let skipped: Vec<&str> = err.lines().filter(|l| l.contains(": skipped: ")).collect();
    assert_eq!(
        skipped,
        ["rinse: warning: in/sub/data.csv: skipped: not a kind rinse reads (.csv)"],
        "{err}"
    );
    assert!(
        err.contains("cleaned 1, unchanged 0, errors 0, skipped 1 file rinse does not read"),
        "{err}"
    );
    assert!(!err.contains("no document to clean"), "{err}");

    // Without -v the files are counted, not listed.
    let out = run(dir.path(), &["--no-config", "clean", "-o", "out", "in"]);
    assert_code(&out, 0);
    assert!(!stderr(&out).contains(": skipped: "), "{}", stderr(&out));
}

#[test]
fn out_naming_a_file_with_the_format_extension_writes_that_file() {
    let dir = scratch();
    write(dir.path(), "page.html", PAGE);
    let out = run(
        dir.path(),
        &["--no-config", "clean", "-o", "new.md", "page.html"],
    );
    assert_code(&out, 0);
    let text = std::fs::read_to_string(dir.path().join("new.md")).expect("new.md is a file");
    assert!(text.contains("The harbour was quiet"), "{text}");

    // Stdin and other formats alike; `-o` naming an existing folder still means the folder.
    let out = run_with_stdin(
        dir.path(),
        &[
            "--no-config",
            "clean",
            "--format",
            "json",
            "-o",
            "new.json",
            "-",
        ],
        Some(PAGE.as_bytes()),
    );
    assert_code(&out, 0);
    let json = std::fs::read(dir.path().join("new.json")).expect("new.json is a file");
    let value: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
    assert_eq!(value["metadata"]["title"], "A quiet harbour");
    std::fs::create_dir(dir.path().join("folder.md")).expect("the folder can be made");
    let out = run(
        dir.path(),
        &["--no-config", "clean", "-o", "folder.md", "page.html"],
    );
    assert_code(&out, 0);
    assert!(dir.path().join("folder.md/page.md").is_file());
}

#[test]
fn out_naming_an_existing_file_with_several_inputs_is_one_error() {
    let dir = scratch();
    write(dir.path(), "a.html", PAGE);
    write(dir.path(), "b.html", PAGE);
    write(dir.path(), "taken.md", "mine\n");
    let out = run(
        dir.path(),
        &["--no-config", "clean", "-o", "taken.md", "a.html", "b.html"],
    );
    assert_code(&out, 2);
    let err = stderr(&out);
    assert_eq!(
        err.lines().filter(|l| l.starts_with("rinse:")).count(),
        1,
        "{err}"
    );
    assert!(err.contains("rinse: taken.md: is a file"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("taken.md")).expect("still there"),
        "mine\n"
    );
}

#[test]
fn out_file_that_is_the_input_needs_in_place() {
    let dir = scratch();
    write(
        dir.path(),
        "notes.md",
        "# Notes\n\nSome text here.\n\n\n\nMore text.\n",
    );
    let out = run(
        dir.path(),
        &["--no-config", "clean", "-o", "notes.md", "notes.md"],
    );
    assert_code(&out, 2);
    assert!(stderr(&out).contains("is the input"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.md")).expect("still there"),
        "# Notes\n\nSome text here.\n\n\n\nMore text.\n"
    );
    let out = run(
        dir.path(),
        &[
            "--no-config",
            "clean",
            "--in-place",
            "-o",
            "notes.md",
            "notes.md",
        ],
    );
    assert_code(&out, 0);
}

#[test]
fn prune_removes_outputs_of_gone_inputs_that_rinse_wrote() {
    let dir = scratch();
    write(dir.path(), "raw/a.html", PAGE);
    write(dir.path(), "raw/sub/b.html", PAGE);
    let out = run(dir.path(), &["--no-config", "clean"]);
    assert_code(&out, 0);
    std::fs::remove_file(dir.path().join("raw/sub/b.html")).expect("b.html removed");
    write(dir.path(), "clean/notes.md", "# Notes\n");
    let copy = std::fs::read(dir.path().join("clean/a.md")).expect("a.md written");
    write(dir.path(), "clean/renamed.md", copy);
    assert_code(&run(dir.path(), &["--no-config", "check"]), 1);

    let out = run(dir.path(), &["--no-config", "clean", "--prune"]);
    assert_code(&out, 0);
    assert!(
        !dir.path().join("clean/sub/b.md").exists(),
        "{}",
        stderr(&out)
    );
    for kept in ["clean/a.md", "clean/notes.md", "clean/renamed.md"] {
        assert!(dir.path().join(kept).is_file(), "{kept}: {}", stderr(&out));
    }
    assert!(stderr(&out).contains("pruned 1"), "{}", stderr(&out));

    // Refused before any work where it could remove outputs that still have an input.
    for args in [
        &["--no-config", "clean", "--prune", "--shard", "1/2"][..],
        &[
            "--no-config",
            "clean",
            "--prune",
            "-o",
            "clean",
            "raw/a.html",
        ],
        &["--no-config", "clean", "--prune", "raw/a.html"],
    ] {
        let out = run(dir.path(), args);
        assert_code(&out, 2);
        assert!(stderr(&out).contains("--prune"), "{}", stderr(&out));
    }
}

#[test]
fn no_progress_bar_in_a_pipe() {
    let dir = scratch();
    for name in ["in/a.html", "in/b.html", "in/c.html"] {
        write(dir.path(), name, PAGE);
    }
    let out = run(
        dir.path(),
        &[
            "--no-config",
            "clean",
            "--color",
            "always",
            "-o",
            "out",
            "in",
        ],
    );
    assert_code(&out, 0);
    let err = stderr(&out);
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "{err:?}");
    assert_eq!(err, "cleaned 3, unchanged 0, errors 0\n");
}
