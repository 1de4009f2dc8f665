"""The package gives the command line's results: byte for byte on the bundled sample."""

import json

import pytest

import rinse
from conftest import REPO, raw_files, run_cli

SAMPLE = raw_files()


def test_the_sample_is_found():
    assert len(SAMPLE) >= 9


@pytest.mark.parametrize("name", SAMPLE)
def test_clean_file_is_what_rinse_clean_committed(name):
    # clean/ is what `rinse clean` wrote for raw/ with the project's rules (CI's `rinse check` keeps it so).
    doc = rinse.clean_file(REPO / "raw" / name, source=name, config=REPO)
    base = name.removesuffix(".gz")
    expected = REPO / "clean" / (base.rsplit(".", 1)[0] + ".md")
    assert doc.to_markdown() == expected.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", SAMPLE)
def test_clean_of_the_bytes_is_what_rinse_clean_stdin_writes(name):
    path = REPO / "raw" / name
    raw = path.read_bytes()
    if name.endswith(".gz"):
        import gzip

        raw = gzip.decompress(raw)
    out = run_cli(["clean", "-"], stdin=raw).stdout.decode("utf-8")
    doc = rinse.clean(raw, source="-", config=REPO)
    assert doc.to_markdown() == out


@pytest.mark.parametrize("name", SAMPLE)
def test_text_and_json_are_what_the_formats_write(name):
    path = REPO / "raw" / name
    doc = rinse.clean_file(path, config=REPO)
    text = run_cli(["clean", "--format", "text", str(path)]).stdout.decode("utf-8")
    assert doc.text == text
    obj = json.loads(run_cli(["clean", "--format", "json", str(path)]).stdout)
    assert doc.to_dict() == obj
    assert list(doc.to_dict()) == list(obj)


def test_text_input_is_not_decoded_by_its_meta_charset():
    html = '<html><head><meta charset="windows-1252"><title>Café</title></head><body><p>Crème brûlée é</p></body></html>'
    assert "Crème brûlée é" in rinse.clean(html).markdown


def test_bytes_are_decoded_like_files():
    html = '<html><head><meta charset="windows-1252"></head><body><p>Crème brûlée</p></body></html>'
    doc = rinse.clean(html.encode("windows-1252"))
    assert "Crème brûlée" in doc.markdown


def test_source_is_left_out_unless_given():
    doc = rinse.clean("# A title\n\nSome text.\n")
    assert doc.metadata.source is None
    assert "source:" not in doc.to_markdown()
    assert rinse.clean("Some text.\n", source="a/b.md").metadata.source == "a/b.md"


def test_clean_file_names_the_file_like_the_command():
    doc = rinse.clean_file(REPO / "raw" / "handmade" / "tables-and-code.html")
    assert doc.metadata.source == "tables-and-code.html"
    assert doc.metadata.title == "Parsing CSV in Rust without tears"
    assert doc.metadata.authors == ["Ada Winter"]
    assert doc.to_markdown() == run_cli(["clean", "raw/handmade/tables-and-code.html"]).stdout.decode()
