"""The typed API: version, docstrings, stubs, configuration and user rules as in the command line."""

import pydoc
import re
from importlib import resources

import pytest

import rinse
from conftest import REPO, run_cli

PAGE = (
    "<html lang=en><head><title>Title of it</title><link rel=canonical href='https://ex.org/a'></head><body>"
    "<article><h1>Title of it</h1><p>Read <a href='/docs/x'>the docs</a> or <a href='#'>published</a>. "
    + "More words in the paragraph. " * 10
    + "</p><p><img src='/i.png' alt='A picture'></p></article></body></html>"
)


def test_version_is_the_command_s():
    assert re.fullmatch(r"\d+\.\d+\.\d+", rinse.__version__)
    assert run_cli(["--version"]).stdout.decode().strip() == f"rinse {rinse.__version__}"


def test_help_shows_docstrings():
    for item, words in [
        (rinse.clean, "Cleans one document"),
        (rinse.clean_many, "in input order"),
        (rinse.clean_file, "rinse clean FILE"),
        (rinse.extract, "trafilatura"),
        (rinse.Document, "to_markdown"),
        (rinse.RinseError, "rinse"),
    ]:
        assert words in pydoc.render_doc(item), item


def test_the_package_is_typed():
    files = resources.files("rinse")
    assert files.joinpath("py.typed").is_file()
    assert "def clean(" in files.joinpath("_rinse.pyi").read_text()


def test_document_attributes():
    doc = rinse.clean(PAGE, url="https://ex.org/a")
    meta = doc.metadata
    assert meta.title == "Title of it"
    assert meta.canonical == "https://ex.org/a"
    assert meta.language == "en"
    assert meta.date is None and meta.authors == []
    assert "[the docs](https://ex.org/docs/x)" in doc.markdown
    assert "published" in doc.markdown and "](#)" not in doc.markdown
    scraped = rinse.clean("Some text, [published](#) today, and more.\n")
    assert [e.rule for e in scraped.edits] == ["L001"]
    edit = scraped.edits[0]
    assert (edit.before, edit.after, edit.pass_number) == ("[published](#)", "published", 0)
    assert scraped.markdown[edit.start : edit.start + len("published")] == "published"
    assert "the docs" in doc.text and "https" not in doc.text
    assert doc.to_markdown().startswith('---\ntitle: "Title of it"\n')
    d = doc.to_dict()
    assert list(d) == ["source", "metadata", "markdown", "text", "stats"]
    assert d["metadata"] == meta.to_dict()
    assert "A picture" not in doc.markdown
    assert "![A picture](https://ex.org/i.png)" in rinse.clean(PAGE, url="https://ex.org/a", images=True).markdown
    assert "Title of it" in repr(doc)


def test_select_and_ignore_pick_rules():
    scraped = "Some text, [published](#) today, and more.\n"
    assert rinse.clean(scraped, ignore=["L"]).edits == []
    assert "[published](#)" in rinse.clean(scraped, select=["W"]).markdown


def test_config_applies_settings_and_user_rules(tmp_path):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "10-docs.toml").write_text(
        '# test rules\n[[replace]]\nid = "more"\npattern = "More words"\nwith = "Other words"\n'
    )
    (tmp_path / "rinse.toml").write_text('[clean]\nimages = true\n[rules]\nignore = ["L001"]\n')
    doc = rinse.clean(PAGE, url="https://ex.org/a", config=tmp_path / "rinse.toml")
    assert "Other words" in doc.markdown and "More words" not in doc.markdown
    assert {e.rule for e in doc.edits} == {"10-docs/more"}
    assert "![A picture]" in doc.markdown
    assert "![A picture]" not in rinse.clean(PAGE, config=tmp_path / "rinse.toml", images=False).markdown
    # A folder is the project a run there would use: the same file.
    assert rinse.clean(PAGE, url="https://ex.org/a", config=tmp_path).to_markdown() == doc.to_markdown()
    # The command line agrees.
    (tmp_path / "page.html").write_text(PAGE)
    assert run_cli(["clean", "page.html"], cwd=tmp_path).stdout.decode() == rinse.clean_file(
        tmp_path / "page.html", config=tmp_path
    ).to_markdown()
    # A changed rule file is read again.
    (tmp_path / "rules" / "10-docs.toml").write_text(
        '# test rules\n[[replace]]\nid = "more"\npattern = "More words"\nwith = "Changed words"\n'
    )
    assert "Changed words" in rinse.clean(PAGE, config=tmp_path).markdown


def test_invalid_configuration_is_a_config_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rinse.toml").write_text("[paths]\nbogus = 1\n")
    with pytest.raises(rinse.ConfigError, match=r"rinse.toml: line 2: unknown field `bogus`"):
        rinse.clean(PAGE, config=tmp_path / "rinse.toml")
    (tmp_path / "rinse.toml").write_text("")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "bad.toml").write_text('[[replace]]\nid = "x"\npattern = "("\nwith = ""\n')
    with pytest.raises(rinse.ConfigError) as err:
        rinse.clean(PAGE, config=tmp_path)
    cli = run_cli(["clean", "-"], cwd=tmp_path, stdin=PAGE.encode(), check=False)
    assert cli.returncode == 2
    assert cli.stderr.decode().strip() == f"rinse: {err.value}"
    assert issubclass(rinse.ConfigError, rinse.RinseError)
