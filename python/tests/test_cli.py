"""The `rinse` command installed with the package runs the command line, with its exit codes and streams."""

import pytest

from conftest import REPO, run_cli


def test_exit_codes(tmp_path):
    assert run_cli(["--help"]).stdout.decode().startswith("Turn saved or fetched web pages")
    bad = run_cli(["clean", "--bogus"], check=False)
    assert bad.returncode == 2 and b"unexpected argument '--bogus'" in bad.stderr
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "a.md").write_text("Some text.\n")
    done = run_cli(["clean"], cwd=tmp_path)
    assert done.stderr.decode().strip() == "cleaned 1, unchanged 0, errors 0"
    assert run_cli(["check"], cwd=tmp_path).returncode == 0
    (tmp_path / "clean" / "a.md").write_text("stale\n")
    stale = run_cli(["check"], cwd=tmp_path, check=False)
    assert stale.returncode == 1
    assert b"clean/ is stale: run `rinse clean` and commit clean/" in stale.stderr
    (tmp_path / "raw" / "b.html").write_bytes(b"")
    failed = run_cli(["clean"], cwd=tmp_path, check=False)
    assert failed.returncode == 2 and b"raw/b.html: empty input" in failed.stderr


def test_stdout_is_complete_and_a_closed_pipe_is_quiet():
    out = run_cli(["rules", "list"]).stdout.decode()
    assert out.splitlines()[0].startswith("B001") or "B001" in out
    assert out.endswith("\n")
    import subprocess

    from conftest import rinse_command

    done = subprocess.run(
        f"'{rinse_command()}' clean --format jsonl raw/pages raw/handmade | head -c 10",
        shell=True,
        cwd=REPO,
        capture_output=True,
    )
    assert done.returncode == 0 and len(done.stdout) == 10
    assert b"Broken pipe" not in done.stderr and b"Traceback" not in done.stderr


@pytest.mark.parametrize("module", [["-m", "rinse"]])
def test_python_m_rinse(module):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, *module, "--version"], capture_output=True)
    assert done.returncode == 0 and done.stdout.startswith(b"rinse ")
