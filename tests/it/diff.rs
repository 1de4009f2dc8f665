//! `rinse diff`: the CLI cases `tests/cmd/diff-*.toml`, and colour choices.

use std::process::{Command, Output};

#[test]
fn diff_cli_cases() {
    trycmd::TestCases::new()
        .register_bin("rinse", crate::harness::bin())
        .case("tests/cmd/diff-*.toml");
}

/// Runs `rinse --no-config diff ARGS… FIXTURE` with `NO_COLOR` set or unset.
fn diff(args: &[&str], no_color: bool) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rinse"));
    command
        .arg("--no-config")
        .arg("diff")
        .args(args)
        .arg("tests/fixtures/diff/trailing-blank-lines.md")
        .env_remove("NO_COLOR")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR_FORCE");
    if no_color {
        command.env("NO_COLOR", "1");
    }
    command.output().expect("the rinse binary runs")
}

fn is_coloured(output: &Output) -> bool {
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(!output.stdout.is_empty(), "{output:?}");
    output.stdout.contains(&0x1b)
}

#[test]
fn diff_is_plain_when_stdout_is_not_a_terminal() {
    assert!(!is_coloured(&diff(&[], false)));
}

#[test]
fn diff_color_always_colours_even_with_no_color_set() {
    assert!(is_coloured(&diff(&["--color", "always"], true)));
}

#[test]
fn diff_color_never_is_plain() {
    assert!(!is_coloured(&diff(&["--color", "never"], false)));
}

#[test]
fn diff_word_marks_changes_inline() {
    let output = diff(&["--word"], false);
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("[-") || text.contains("{+"), "{text}");
}

#[test]
fn force_color_colours_a_pipe_and_no_color_wins_over_it() {
    let run = |vars: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rinse"));
        command
            .args([
                "--no-config",
                "diff",
                "tests/fixtures/diff/trailing-blank-lines.md",
            ])
            .env_remove("NO_COLOR")
            .env_remove("FORCE_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .envs(vars.iter().copied());
        command.output().expect("the rinse binary runs")
    };
    assert!(is_coloured(&run(&[("FORCE_COLOR", "1")])));
    assert!(is_coloured(&run(&[("CLICOLOR_FORCE", "1")])));
    assert!(!is_coloured(&run(&[("CLICOLOR_FORCE", "0")])));
    assert!(!is_coloured(&run(&[
        ("FORCE_COLOR", "1"),
        ("NO_COLOR", "1")
    ])));
}

#[test]
fn color_is_a_global_flag() {
    let output = Command::new(env!("CARGO_BIN_EXE_rinse"))
        .args([
            "--color",
            "always",
            "--no-config",
            "diff",
            "tests/fixtures/diff/trailing-blank-lines.md",
        ])
        .env("NO_COLOR", "1")
        .output()
        .expect("the rinse binary runs");
    assert!(is_coloured(&output));
}
