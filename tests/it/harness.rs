//! Running the `rinse` binary in tests: a clean environment, a scratch folder, and readable failures.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The command under test: `RINSE_TEST_BIN` when set (CI sets it to the Python package's `rinse` command to run
/// the CLI cases against it), else the cargo-built binary.
pub fn bin() -> PathBuf {
    std::env::var_os("RINSE_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_rinse")))
}

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `rinse` with `args` in `cwd`, stdin empty, `RINSE_*` and colour variables cleared.
pub fn run(cwd: &Path, args: &[&str]) -> Output {
    run_with_stdin(cwd, args, None)
}

/// The `rinse` command with `args` in `cwd`, `RINSE_*` and colour variables cleared, not started.
pub fn command(cwd: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(bin());
    cmd.args(args).current_dir(cwd);
    for (key, _) in std::env::vars() {
        if key.starts_with("RINSE_") {
            cmd.env_remove(key);
        }
    }
    cmd.env("NO_COLOR", "1")
        .env_remove("FORCE_COLOR")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// Runs `rinse` with `args` in `cwd`, feeding `stdin`.
pub fn run_with_stdin(cwd: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = command(cwd, args);
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the rinse binary starts");
    if let Some(bytes) = stdin {
        use std::io::Write;
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(bytes).expect("stdin accepts the input");
    }
    child.wait_with_output().expect("rinse runs to completion")
}

/// A scratch folder, removed when dropped.
pub fn scratch() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder can be made")
}

/// Writes `bytes` to `dir/name`, making parent folders.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("parent folders can be made");
    }
    std::fs::write(&path, bytes).expect("the fixture can be written");
    path
}

/// Every file under `dir`, relative and sorted.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .expect("under the walked folder")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    files.sort();
    files
}

/// Stdout as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The exit code, with stderr in the failure message when the process was killed.
pub fn code(out: &Output) -> i32 {
    out.status
        .code()
        .unwrap_or_else(|| panic!("rinse was killed by a signal; stderr:\n{}", stderr(out)))
}

/// Asserts that the run did not panic and ended with `expected`.
#[track_caller]
pub fn assert_code(out: &Output, expected: i32) {
    let err = stderr(out);
    assert!(!err.contains("panicked"), "rinse panicked:\n{err}");
    assert_eq!(
        code(out),
        expected,
        "stderr:\n{err}\nstdout:\n{}",
        stdout(out)
    );
}
