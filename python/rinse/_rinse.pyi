"""Types of the native module ``rinse._rinse`` (re-exported by ``rinse``)."""

import os
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence, Union

__version__: str

Content = Union[str, bytes, bytearray]
Item = Union[str, bytes, bytearray, Mapping[str, Any]]
PathLike = Union[str, "os.PathLike[str]"]

class RinseError(Exception):
    """A document could not be read or cleaned, or a rule or configuration file is invalid.

    The message is the one the ``rinse`` command prints (without its ``rinse: `` prefix)."""

class ConfigError(RinseError):
    """A configuration file (``rinse.toml``), a rule file or a rule selection is invalid."""

class Metadata:
    """A document's metadata. Every field is ``None`` (or an empty list) when unknown."""

    @property
    def title(self) -> Optional[str]:
        """The headline as the page displays it."""
    @property
    def authors(self) -> list[str]:
        """The people (or agencies) in the byline."""
    @property
    def date(self) -> Optional[str]:
        """Published: ``YYYY-MM-DD``, or RFC 3339 when the time is known."""
    @property
    def modified(self) -> Optional[str]:
        """Last modified, in the format of ``date``."""
    @property
    def site(self) -> Optional[str]:
        """The publication's name."""
    @property
    def url(self) -> Optional[str]:
        """The URL the page was fetched from or declares."""
    @property
    def canonical(self) -> Optional[str]:
        """The page's ``<link rel=canonical>``."""
    @property
    def language(self) -> Optional[str]:
        """ISO 639-1 code of the text."""
    @property
    def description(self) -> Optional[str]:
        """The page's summary."""
    @property
    def source(self) -> Optional[str]:
        """The input's path (``source=``, or the file name for ``clean_file``)."""
    @property
    def fetched(self) -> Optional[str]:
        """When the page was fetched, from a fetch sidecar (never the clock)."""
    def to_dict(self) -> dict[str, Any]:
        """The metadata object of ``--format json`` (unknown fields left out)."""

class Edit:
    """One edit a cleanup rule applied."""

    rule: str
    """The rule's code (``L001``) or, for a user rule, ``<file stem>/<id>``."""
    pass_number: int
    """The cleanup pass (0-based) that applied it."""
    start: int
    """Where it applied: UTF-8 byte offsets in the body as it was before that pass."""
    end: int
    """End of the range (exclusive)."""
    before: str
    """The text it removed."""
    after: str
    """The text it put in."""

class Document:
    """A cleaned document: the markdown body, its plain text, the metadata, the edits cleanup made, and the
    outputs of ``rinse clean`` (``to_markdown()``, ``to_dict()``)."""

    @property
    def markdown(self) -> str:
        """The cleaned markdown body, without front matter; empty when no article was found."""
    @property
    def text(self) -> str:
        """The body as plain text (``rinse clean --format text``): one block per paragraph, heading, list item,
        table row or code block, separated by a blank line; no markup, no URLs."""
    @property
    def metadata(self) -> Metadata:
        """What is known about the document: title, authors, dates, site, URLs, language, description."""
    @property
    def edits(self) -> list[Edit]:
        """Every edit the cleanup rules applied, in order."""
    @property
    def warnings(self) -> list[str]:
        """Things ``rinse -v`` would warn about, such as "no article found: the body is empty"."""
    @property
    def extra(self) -> dict[str, Any]:
        """The other fields of the ``clean_many`` item this document came from (empty for other documents)."""
    def to_markdown(self) -> str:
        """The document as ``rinse clean`` writes it: YAML front matter, then the markdown body."""
    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``rinse clean --format json``: ``{"source", "metadata", "markdown", "text",
        "stats"}``,
        plus the other fields of a ``clean_many`` item where they do not clash."""

class Failure:
    """What ``clean_many`` yields for an item it could not clean, in that item's place."""

    @property
    def index(self) -> int:
        """The item's position in the input, from 0."""
    @property
    def message(self) -> str:
        """Why it failed, as ``rinse`` reports it."""
    @property
    def source(self) -> Optional[str]:
        """The item's ``source``, if it gave one."""
    @property
    def error(self) -> RinseError:
        """The error as an exception, to raise: ``raise failure.error``."""
    @property
    def extra(self) -> dict[str, Any]:
        """The other fields of the item, when it was a dict."""
    def to_dict(self) -> dict[str, Any]:
        """The object ``rinse clean --format jsonl`` writes for a bad line: ``{"source", "error", ...}``."""

class CleanMany(Iterator[Union[Document, Failure]]):
    """The iterator ``clean_many`` returns: one ``Document`` or ``Failure`` per item, in input order."""

    def __iter__(self) -> "CleanMany": ...
    def __next__(self) -> Union[Document, Failure]: ...

def clean(
    content: Content,
    *,
    url: Optional[str] = None,
    input_format: Optional[str] = None,
    images: Optional[bool] = None,
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    config: Optional[PathLike] = None,
    source: Optional[str] = None,
) -> Document:
    """Cleans one document: an HTML page, a PDF, or markdown or text that another scraper produced.

    ``content`` is ``str`` or ``bytes``; bytes are decoded as the ``rinse`` command decodes files (BOM,
    ``<meta charset>``, UTF-8, else charset detection). The kind (``"html"``, ``"pdf"``, ``"markdown"``, ``"text"``,
    ``"paged-text"``) is sniffed unless ``input_format`` names it. ``url`` is the page's address (metadata, relative links, rule
    scopes); ``source`` is the ``source`` metadata (``rinse clean`` writes the input's path). ``select`` and
    ``ignore`` pick built-in rules by code or prefix like ``--select``/``--ignore``; ``config`` is a
    ``rinse.toml`` (or a project folder) whose settings and rule files apply as they do for the command line.

    Raises ``RinseError`` when the document cannot be cleaned (empty input, binary data), ``ConfigError`` for an
    invalid configuration, rule file or rule code, ``TypeError`` when ``content`` is neither ``str`` nor
    ``bytes``."""

def clean_file(
    path: PathLike,
    *,
    input_format: Optional[str] = None,
    images: Optional[bool] = None,
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    config: Optional[PathLike] = None,
    source: Optional[str] = None,
) -> Document:
    """Cleans a file the way ``rinse clean FILE`` does: HTML, PDF, markdown, text or paged text, each also gzipped,
    with its fetch sidecar (``page.json``: URL, charset, fetch date) when there is one.

    ``source`` defaults to the file's name, as ``rinse clean FILE`` writes it. A WARC or JSONL file holds many
    documents: give them to ``rinse clean`` or ``clean_many``. Raises ``RinseError`` with the command's message
    (``path: reason``) when the file cannot be read or cleaned."""

def clean_many(
    items: Iterable[Item],
    *,
    jobs: Optional[int] = None,
    input_format: Optional[str] = None,
    images: Optional[bool] = None,
    select: Optional[Sequence[str]] = None,
    ignore: Optional[Sequence[str]] = None,
    config: Optional[PathLike] = None,
) -> CleanMany:
    """Cleans many documents in parallel and yields the results in input order.

    Items are ``str``, ``bytes``, or dicts with the document under ``content`` (kind sniffed), ``html`` or
    ``markdown``, and optionally ``url`` and ``source``; a dict's other keys come back in ``Document.extra``
    (and ``to_dict()``). An item that cannot be cleaned (wrong type, empty, binary) yields a ``Failure`` in its
    place and the rest go on. ``jobs`` threads clean (default: the configuration's ``jobs``, else one per core)
    with the GIL released; items are read as the window of work moves on, so a generator of millions of
    documents runs in bounded memory. Ctrl-C raises ``KeyboardInterrupt`` from the loop and stops the work."""

def run_cli(args: list[bytes]) -> int:
    """Runs the command line in this process with ``args`` (the program name first) and returns its exit code."""

def strip_links(markdown: str) -> str:
    """Removes the links of a markdown body, keeping their text."""

def strip_tables(markdown: str) -> str:
    """Removes the tables of a markdown body."""

def markdown_to_text(markdown: str) -> str:
    """The plain text of a markdown body, as ``Document.text`` gives it."""
