"""``rinse.extract``: ``trafilatura.extract``'s signature and return values on rinse's engine.

Every argument is either honoured or refused with ``UnsupportedArgumentError`` naming it: never a silent
difference. The README's "From trafilatura" table lists the mapping.
"""

from __future__ import annotations

import json
import os
from typing import Any, Optional, Union
from urllib.parse import urlsplit

from rinse._rinse import RinseError, ConfigError, clean, markdown_to_text, strip_links, strip_tables

_FORMATS = ("txt", "markdown", "json")

# trafilatura's metadata header keys, in its order (`determine_returnstring`).
_YAML_FIELDS = ("title", "author", "url", "hostname", "description", "sitename", "date", "id")
_YAML_RESERVED = {"null", "true", "false", "yes", "no", "on", "off", "~"}


class UnsupportedArgumentError(RinseError, ValueError):
    """An argument of ``trafilatura.extract`` that rinse cannot honour was given a value other than its default."""


def extract(
    filecontent: Union[str, bytes],
    url: Optional[str] = None,
    record_id: Optional[str] = None,
    fast: bool = False,
    no_fallback: bool = False,
    favor_precision: bool = False,
    favor_recall: bool = False,
    include_comments: bool = False,
    output_format: str = "txt",
    tei_validation: bool = False,
    target_language: Optional[str] = None,
    include_tables: bool = True,
    include_images: bool = False,
    include_formatting: Optional[bool] = None,
    include_links: bool = False,
    deduplicate: bool = False,
    date_extraction_params: Optional[dict] = None,
    with_metadata: bool = False,
    only_with_metadata: bool = False,
    max_tree_size: Optional[int] = None,
    url_blacklist: Optional[set] = None,
    author_blacklist: Optional[set] = None,
    settingsfile: Optional[str] = None,
    prune_xpath: Any = None,
    config: Any = None,
    options: Any = None,
) -> Optional[str]:
    """Extracts the main text of an HTML page like ``trafilatura.extract``, with rinse's engine.

    ``filecontent`` is read as HTML, as trafilatura reads it. Returns the text as ``output_format`` says
    (``"txt"``: one paragraph per line; ``"markdown"``; ``"json"``:
    trafilatura's JSON object), or ``None`` when the page has no article or cannot be read (empty, binary),
    when ``target_language`` is not the text's language, when ``only_with_metadata`` finds no title, date or URL,
    or when the URL is in ``url_blacklist``.

    Honoured: ``url``, ``record_id``, ``fast`` and ``no_fallback`` (rinse has one fast path), ``output_format``
    (``txt``, ``markdown``, ``json``), ``target_language``, ``include_tables``, ``include_images``,
    ``include_formatting``, ``include_links`` (markdown), ``with_metadata``, ``only_with_metadata``,
    ``url_blacklist``, ``author_blacklist``, and ``config`` as a ``rinse.toml`` path. rinse never keeps
    comments, so ``include_comments`` defaults to ``False`` here (``True`` in trafilatura). Refused with
    ``UnsupportedArgumentError`` naming the argument: ``favor_precision``, ``favor_recall``, ``include_comments``,
    ``tei_validation``, ``deduplicate``, ``date_extraction_params``, ``max_tree_size``, ``settingsfile``,
    ``prune_xpath``, ``options``, a trafilatura ``ConfigParser`` as ``config``, other output formats, and
    ``include_links`` with text output. The title is in the metadata: the body does not repeat it.
    """
    _refuse(
        favor_precision=(favor_precision, False, "rinse has one extraction setting"),
        favor_recall=(favor_recall, False, "rinse has one extraction setting"),
        include_comments=(include_comments, False, "rinse always leaves comments out"),
        tei_validation=(tei_validation, False, "rinse writes no XML-TEI"),
        deduplicate=(deduplicate, False, "rinse does not deduplicate across documents"),
        date_extraction_params=(date_extraction_params, None, "rinse's date finder takes no parameters"),
        max_tree_size=(max_tree_size, None, "rinse bounds the tree itself"),
        settingsfile=(settingsfile, None, "trafilatura settings files do not apply: pass config='rinse.toml'"),
        prune_xpath=(prune_xpath, None, "rinse takes CSS selectors in rule files (`remove`), not XPath"),
        options=(options, None, "trafilatura Extractor objects do not apply"),
    )
    if output_format not in _FORMATS:
        raise UnsupportedArgumentError(
            f"output_format={output_format!r}: rinse.extract writes {', '.join(map(repr, _FORMATS))}"
        )
    if config is not None and not isinstance(config, (str, bytes, os.PathLike)):
        raise UnsupportedArgumentError(
            "config: a trafilatura ConfigParser does not apply; pass a rinse.toml path (or leave it out)"
        )
    formatting = output_format == "markdown" if include_formatting is None else include_formatting
    if output_format == "json":
        formatting = False
    if include_links and not formatting:
        raise UnsupportedArgumentError(
            "include_links=True: rinse's text output has no links; use output_format='markdown'"
        )
    if not isinstance(filecontent, (str, bytes, bytearray)):
        raise TypeError(f"filecontent must be str or bytes, not {type(filecontent).__name__}")
    try:
        # trafilatura.extract reads HTML: never sniff a page that opens with a script or a PHP warning as text, as
        # the command reads a `.html` file as HTML whatever it starts with.
        doc = clean(filecontent, url=url, input_format="html", images=include_images, config=config)
    except ConfigError:
        raise
    except RinseError:
        return None
    meta = doc.metadata
    page_url = meta.url or url or meta.canonical
    if url_blacklist and page_url in url_blacklist:
        return None
    if target_language is not None and meta.language != target_language:
        return None
    if only_with_metadata and not (meta.title and meta.date and page_url):
        return None
    markdown = doc.markdown
    if not include_tables:
        markdown = strip_tables(markdown)
    if not markdown.strip():
        return None
    if formatting:
        body = markdown if include_links else strip_links(markdown)
        body = body.rstrip("\n")
    else:
        body = _lines(markdown_to_text(markdown))
    authors = [a for a in meta.authors if not author_blacklist or a not in author_blacklist]
    fields = {
        "title": meta.title,
        "author": "; ".join(authors) or None,
        "url": page_url,
        "hostname": _hostname(page_url),
        "description": meta.description,
        "sitename": meta.site,
        "date": meta.date[:10] if meta.date else None,
        "id": record_id,
    }
    if output_format == "json":
        return _json(body, fields, meta.language, with_metadata or bool(url_blacklist or author_blacklist))
    if with_metadata or only_with_metadata or url_blacklist or author_blacklist:
        header = "".join(
            f"{key}: {_yaml_scalar(fields[key])}\n" for key in _YAML_FIELDS if fields[key]
        )
        return f"---\n{header}---\n{body}"
    return body


def _refuse(**arguments: tuple) -> None:
    for name, (value, default, why) in arguments.items():
        if value is not default and value != default:
            raise UnsupportedArgumentError(f"{name}={value!r}: {why}")


def _lines(text: str) -> str:
    """rinse's text (blocks separated by a blank line) as trafilatura's: one block per line."""
    return "\n".join(block for block in text.strip("\n").split("\n\n") if block)


def _hostname(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = urlsplit(url).hostname
    if host and host.startswith("www."):
        host = host[4:]
    return host


def _yaml_scalar(value: str) -> str:
    """A plain YAML scalar when that is safe, else a double-quoted one (trafilatura's rule)."""
    if (
        value
        and value == value.strip()
        and value[0].isalpha()
        and ": " not in value
        and " #" not in value
        and not value.endswith(":")
        and value.lower() not in _YAML_RESERVED
        and all(ch >= " " and ch != "\x7f" for ch in value)
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def _json(text: str, fields: dict, language: Optional[str], with_metadata: bool) -> str:
    """trafilatura's JSON object: the text and comments, and with metadata its fields in its order."""
    if not with_metadata:
        return json.dumps({"text": text, "comments": ""}, ensure_ascii=False)
    out = {
        "title": fields["title"],
        "author": fields["author"],
        "hostname": fields["hostname"],
        "date": fields["date"],
        "fingerprint": None,
        "id": fields["id"],
        "license": None,
        "comments": "",
        "raw_text": " ".join(text.split("\n")),
        "text": text,
        "language": language,
        "image": None,
        "pagetype": None,
        "filedate": None,
        "source": fields["url"],
        "source-hostname": fields["sitename"],
        "excerpt": fields["description"],
        "categories": "",
        "tags": "",
    }
    return json.dumps(out, ensure_ascii=False)
