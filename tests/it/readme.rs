//! The README's promises about the repository itself: the quick start's two commands and what CI runs.

use std::path::Path;

/// The commands of the README's "Quick start" block, without their comments.
fn quick_start_commands() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md is at the root of the package");
    let start = readme
        .find("## Quick start")
        .expect("the README has a Quick start");
    let block = readme[start..]
        .split("```sh\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the Quick start has a sh block");
    block
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn quick_start_commands_share_one_build_profile() {
    let commands = quick_start_commands();
    assert_eq!(commands.len(), 2, "{commands:?}");
    assert!(commands[0].starts_with("cargo run "), "{commands:?}");
    assert_eq!(commands[1], "cargo test", "{commands:?}");
    // `cargo test` builds in the dev profile: a `--release` or `--profile` run would compile every dependency twice.
    assert!(
        !commands[0].contains("--release") && !commands[0].contains("--profile"),
        "{commands:?}"
    );
}

#[test]
fn ci_runs_the_readme_test_command() {
    let test_command = quick_start_commands().remove(1);
    let ci = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run"))
        .expect(".ci/run is CI's script");
    assert!(
        ci.lines()
            .any(|line| line == test_command || line.starts_with(&format!("{test_command} --"))),
        "{ci}"
    );
}
