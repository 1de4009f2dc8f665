"""rinse.extract: trafilatura.extract's signature and return values, every argument honoured or refused by name."""

import inspect
import json

import pytest

import rinse

PAGE = (
    "<html lang=en><head><title>The title</title><meta name=author content='Ann Lee'>"
    "<meta property='article:published_time' content='2024-03-05T09:30:00Z'><meta property=og:site_name content='Site'>"
    "<meta name=description content='About it.'></head><body><article><h1>The title</h1>"
    "<p>First paragraph with <b>bold</b> and <a href='https://ex.org/l'>a link</a>, long enough to be kept.</p>"
    "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"
    "<p>Second paragraph, also long enough to be an article paragraph of its own.</p></article></body></html>"
)

# trafilatura 2.3's signature, the names and their order (a one-line import change must keep working).
TRAFILATURA_ARGS = [
    "filecontent", "url", "record_id", "fast", "no_fallback", "favor_precision", "favor_recall",
    "include_comments", "output_format", "tei_validation", "target_language", "include_tables",
    "include_images", "include_formatting", "include_links", "deduplicate", "date_extraction_params",
    "with_metadata", "only_with_metadata", "max_tree_size", "url_blacklist", "author_blacklist", "settingsfile",
    "prune_xpath", "config", "options",
]


def test_signature_is_trafilatura_s():
    assert list(inspect.signature(rinse.extract).parameters) == TRAFILATURA_ARGS


def test_txt_is_one_block_per_line():
    text = rinse.extract(PAGE, url="https://ex.org/p")
    doc = rinse.clean(PAGE, url="https://ex.org/p")
    assert text == doc.text.strip("\n").replace("\n\n", "\n")
    assert text.splitlines()[0].startswith("First paragraph with bold and a link")
    assert "https://ex.org/l" not in text


def test_markdown_has_formatting_and_links_only_when_asked():
    md = rinse.extract(PAGE, output_format="markdown")
    assert "**bold**" in md and "a link" in md and "](https://ex.org/l)" not in md
    assert "| a | b |" in md
    linked = rinse.extract(PAGE, output_format="markdown", include_links=True)
    assert "[a link](https://ex.org/l)" in linked
    plain = rinse.extract(PAGE, output_format="markdown", include_formatting=False)
    assert plain == rinse.extract(PAGE)
    assert "**bold**" in rinse.extract(PAGE, include_formatting=True)


def test_tables_can_be_left_out():
    text = rinse.extract(PAGE, include_tables=False)
    assert "a\tb" not in text and "Second paragraph" in text
    assert "| a |" not in rinse.extract(PAGE, output_format="markdown", include_tables=False)


def test_metadata_header():
    out = rinse.extract(PAGE, url="https://www.ex.org/p", with_metadata=True, record_id="r1")
    header, body = out.split("---\n")[1], out.split("---\n", 2)[2]
    assert header.splitlines() == [
        "title: The title",
        "author: Ann Lee",
        "url: https://www.ex.org/p",
        "hostname: ex.org",
        "description: About it.",
        "sitename: Site",
        'date: "2024-03-05"',
        "id: r1",
    ]
    assert body.startswith("First paragraph")


def test_json_has_trafilatura_s_keys():
    plain = json.loads(rinse.extract(PAGE, output_format="json"))
    assert plain == {"text": rinse.extract(PAGE), "comments": ""}
    full = json.loads(rinse.extract(PAGE, output_format="json", with_metadata=True, url="https://ex.org/p"))
    assert list(full) == [
        "title", "author", "hostname", "date", "fingerprint", "id", "license", "comments", "raw_text", "text",
        "language", "image", "pagetype", "filedate", "source", "source-hostname", "excerpt", "categories", "tags",
    ]
    assert full["title"] == "The title" and full["source"] == "https://ex.org/p" and full["language"] == "en"


def test_none_when_nothing_is_extracted():
    assert rinse.extract("") is None
    assert rinse.extract(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10) is None
    assert rinse.extract("<html><body><nav><a href=/>Home</a></nav></body></html>") is None
    assert rinse.extract(PAGE, target_language="de") is None
    assert rinse.extract(PAGE, target_language="en") is not None
    assert rinse.extract(PAGE, url="https://ex.org/p", url_blacklist={"https://ex.org/p"}) is None
    assert rinse.extract("<p>" + "Words of text. " * 30 + "</p>", only_with_metadata=True) is None


def test_author_blacklist():
    out = rinse.extract(PAGE, author_blacklist={"Ann Lee"}, with_metadata=True)
    assert "author:" not in out


@pytest.mark.parametrize(
    "argument, value",
    [
        ("favor_precision", True),
        ("favor_recall", True),
        ("include_comments", True),
        ("tei_validation", True),
        ("deduplicate", True),
        ("date_extraction_params", {"extensive_search": False}),
        ("max_tree_size", 1000),
        ("settingsfile", "settings.cfg"),
        ("prune_xpath", "//div"),
        ("options", object()),
        ("output_format", "xml"),
        ("output_format", "csv"),
    ],
)
def test_an_argument_rinse_cannot_honour_is_refused_by_name(argument, value):
    with pytest.raises(rinse.UnsupportedArgumentError, match=f"^{argument}="):
        rinse.extract(PAGE, **{argument: value})


def test_refusals_are_value_errors_and_rinse_errors():
    import configparser

    with pytest.raises(ValueError, match="^config: a trafilatura ConfigParser"):
        rinse.extract(PAGE, config=configparser.ConfigParser())
    with pytest.raises(rinse.RinseError, match="^include_links=True"):
        rinse.extract(PAGE, include_links=True)
    with pytest.raises(TypeError, match="filecontent"):
        rinse.extract(None)


def test_fast_and_no_fallback_change_nothing():
    assert rinse.extract(PAGE, fast=True) == rinse.extract(PAGE) == rinse.extract(PAGE, no_fallback=True)


def test_filecontent_is_html_whatever_it_starts_with():
    # More than the sniffed head (2 kB) of script before <html>: still HTML, as in `rinse clean page.html`.
    page = "<script>\n" + "var x = 1;\n" * 300 + "</script>\n" + PAGE
    assert "var x" in rinse.clean(page).markdown
    text = rinse.extract(page)
    assert text.splitlines()[0].startswith("First paragraph") and "var x" not in text
    assert text == rinse.clean(page, input_format="html").text.strip("\n").replace("\n\n", "\n")
