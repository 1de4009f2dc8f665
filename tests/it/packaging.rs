//! `rinse completions SHELL` and `rinse man`: generated from the command line, usable as they come out.

use crate::harness::{assert_code, run, scratch, stdout, write};

#[test]
fn completions_cover_every_shell_and_the_subcommands() {
    let dir = scratch();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = run(dir.path(), &["completions", shell]);
        assert_code(&out, 0);
        let script = stdout(&out);
        for word in ["clean", "check", "fetch", "prune", "completions"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
    }
}

#[test]
fn bash_completion_script_loads_and_completes_subcommands() {
    let dir = scratch();
    let out = run(dir.path(), &["completions", "bash"]);
    assert_code(&out, 0);
    write(dir.path(), "rinse.bash", &out.stdout);
    // Sourced in a real bash, then asked what follows `rinse ch`.
    let probe = r#"source ./rinse.bash
COMP_WORDS=(rinse ch); COMP_CWORD=1; COMP_LINE="rinse ch"; COMP_POINT=8
_rinse rinse ch rinse
printf '%s\n' "${COMPREPLY[@]}""#;
    let shell = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", probe])
        .current_dir(dir.path())
        .output()
        .expect("bash runs");
    let replies = String::from_utf8_lossy(&shell.stdout);
    assert!(
        shell.status.success(),
        "{}",
        String::from_utf8_lossy(&shell.stderr)
    );
    assert_eq!(replies.trim(), "check", "{replies}");
}

#[test]
fn man_page_is_roff_with_the_subcommands_and_exit_status() {
    let dir = scratch();
    // A broken rinse.toml does not stop it: the page comes from the command line alone.
    write(dir.path(), "rinse.toml", "x = [\n");
    let out = run(dir.path(), &["man"]);
    assert_code(&out, 0);
    let page = stdout(&out);
    assert!(page.contains(".TH rinse 1"), "{page}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    assert!(page.contains("rinse\\-clean"), "{page}");
    assert!(page.contains(".SH \"EXIT STATUS\""), "{page}");
    assert!(page.contains("130"), "{page}");
}
