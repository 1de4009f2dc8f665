"""Bad input raises RinseError or TypeError with the command line's message, and never crashes the interpreter."""

import os

import pytest

import rinse
from conftest import run_cli

PAGE = "<html><head><title>T</title></head><body><article><p>" + "Plenty of words in a paragraph. " * 20 + "</p></article></body></html>"


@pytest.mark.parametrize("value", [None, 1, 2.5, ["<p>x</p>"], object()])
def test_wrong_types_are_type_errors(value):
    with pytest.raises(TypeError, match="content must be str or bytes"):
        rinse.clean(value)


def test_empty_input_is_the_command_s_error():
    for empty in ["", b"", "  \n\t ", b"\n"]:
        with pytest.raises(rinse.RinseError, match="^empty input$"):
            rinse.clean(empty)
    err = run_cli(["clean", "-"], stdin=b"", check=False)
    assert err.returncode == 2
    assert err.stderr.decode().strip() == "rinse: <stdin>: empty input"


def test_binary_data_is_refused():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(4096)
    with pytest.raises(rinse.RinseError, match="binary data"):
        rinse.clean(png)
    with pytest.raises(rinse.RinseError, match="binary data"):
        rinse.clean(os.urandom(100_000))


def test_invalid_utf8_bytes_are_decoded_as_the_command_decodes_them():
    raw = PAGE.replace("Plenty", "Caf\xe9 plenty").encode("latin-1") + b"\xff\xfe\x80"
    doc = rinse.clean(raw, source="-")
    assert doc.to_markdown() == run_cli(["clean", "-"], stdin=raw).stdout.decode("utf-8")
    assert "Café plenty" in doc.markdown


def test_lone_surrogates_are_a_rinse_error():
    with pytest.raises(rinse.RinseError, match="not valid Unicode"):
        rinse.clean("<p>\udc80</p>")


def test_a_50_mb_string_is_cleaned():
    paragraph = "<p>" + "A sentence of a long page that goes on. " * 25 + "</p>\n"
    page = "<html><body><article>" + paragraph * (50_000_000 // len(paragraph)) + "</article></body></html>"
    assert len(page) >= 49_000_000
    doc = rinse.clean(page)
    assert doc.markdown.startswith("A sentence of a long page")


def test_deep_nesting_is_cleaned():
    page = "<html><body>" + "<div>" * 100_000 + "<p>Deep down, a paragraph of text.</p>" + "</div>" * 100_000 + "</body></html>"
    doc = rinse.clean(page)
    assert isinstance(doc, rinse.Document)
    markdown = "> " * 5_000 + "quoted\n" + "- " * 5_000 + "item\n"
    assert isinstance(rinse.clean(markdown), rinse.Document)


def test_bad_arguments_name_themselves():
    with pytest.raises(ValueError, match="input_format='docx'"):
        rinse.clean(PAGE, input_format="docx")
    with pytest.raises(ValueError, match="input_format='jsonl' holds many documents"):
        rinse.clean(PAGE, input_format="jsonl")
    with pytest.raises(rinse.ConfigError, match="Z999"):
        rinse.clean(PAGE, select=["Z999"])
    with pytest.raises(TypeError):
        rinse.clean(PAGE, images="yes")


def test_clean_file_errors_are_the_command_s(tmp_path):
    missing = tmp_path / "missing.html"
    with pytest.raises(rinse.RinseError) as err:
        rinse.clean_file(missing)
    assert str(err.value) == f"{missing}: no such file or directory"
    cli = run_cli(["clean", str(missing)], check=False)
    assert cli.stderr.decode().strip() == f"rinse: {err.value}"
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    with pytest.raises(rinse.RinseError) as err:
        rinse.clean_file(empty)
    cli = run_cli(["clean", str(empty)], check=False)
    assert cli.stderr.decode().strip() == f"rinse: {err.value}"
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"\x1f\x8bnot gzip at all")
    with pytest.raises(rinse.RinseError, match="not a valid gzip stream"):
        rinse.clean_file(broken)
    with pytest.raises(rinse.RinseError, match="is a folder"):
        rinse.clean_file(tmp_path)
    warc = tmp_path / "crawl.warc"
    warc.write_bytes(b"WARC/1.0\r\n")
    with pytest.raises(rinse.RinseError, match="holds many documents"):
        rinse.clean_file(warc)
