"""rinse: web pages and scraped markdown to clean markdown with metadata, in-process.

The same engine as the ``rinse`` command (the results are the same, byte for byte):

>>> import rinse
>>> doc = rinse.clean(html, url="https://example.com/post")
>>> doc.metadata.title, doc.markdown, doc.text
>>> doc.to_markdown()      # what `rinse clean` writes: front matter, then the body
>>> for doc in rinse.clean_many(pages):   # in parallel, in input order
...     ...

``rinse.extract`` takes the arguments of ``trafilatura.extract`` that people use most, so that moving is an
import change; an argument rinse cannot honour raises ``UnsupportedArgumentError`` naming it.
"""

from rinse._rinse import (
    ConfigError,
    Document,
    Edit,
    Failure,
    Metadata,
    RinseError,
    __version__,
    clean,
    clean_file,
    clean_many,
)
from rinse._extract import UnsupportedArgumentError, extract

__all__ = [
    "ConfigError",
    "Document",
    "Edit",
    "Failure",
    "Metadata",
    "RinseError",
    "UnsupportedArgumentError",
    "__version__",
    "clean",
    "clean_file",
    "clean_many",
    "extract",
]
