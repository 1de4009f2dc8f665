"""Shared helpers: the repository, and the `rinse` command installed with the package."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def rinse_command() -> str:
    """The `rinse` console script of the environment the tests run in (installed with the package)."""
    beside = Path(sys.executable).with_name("rinse")
    if beside.exists():
        return str(beside)
    found = shutil.which("rinse")
    if found is None:
        pytest.fail("the `rinse` command is not installed: pip install ./python")
    return found


def run_cli(args, cwd=REPO, stdin=None, check=True):
    """Runs the installed `rinse` command with `args`, no config variables, and returns the finished process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("RINSE_")}
    env["NO_COLOR"] = "1"
    done = subprocess.run(
        [rinse_command(), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=300,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"rinse {' '.join(args)} exited {done.returncode}: {done.stderr.decode()}")
    return done


def raw_files():
    """Every document of the bundled sample raw/, relative to raw/."""
    root = REPO / "raw"
    names = (".html", ".htm", ".md", ".txt", ".html.gz", ".htm.gz", ".md.gz", ".txt.gz")
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.name.endswith(names))
