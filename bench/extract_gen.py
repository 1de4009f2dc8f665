#!/usr/bin/env python3
"""A generated extraction benchmark: real pages with known truth, with the boilerplate of issue 12's failing
classes injected into them, to measure whether extraction carries over to pages nobody tuned for.

Source pages (with the truth of their article):
* the AEB dev pages (../shared/eval/aeb/dev: html + ground-truth.json);
* the trafeval dev pages (../shared/eval/trafeval/dev) whose rinse output at the time the sources are collected
  holds every `with` chunk of the page's truth and no `without` chunk: that output is then the page's truth
  (frozen in SOURCES.json, so that later changes to extraction do not move it). Pages that are not UTF-8 are left
  out (an injection would have to be re-encoded).

Each page is read into a light element tree with source offsets (html.parser, with HTML's implicit closing of
`<p>`, `<li>`, table cells), the truth's paragraphs are found in its text, and the article's container is the
deepest element that holds them. Then, one class per variant, deterministically from the seed:

  consent-dialog     a consent dialog with a long cookie table, at the start of <body> (or its end)
  consent-after      a "privacy overview" with its categories ("Necessary / Always Enabled") after the article
  comments           a reader-comment thread of repeated author/date/body/reply units, longer than the article
  ticker             a news or stock ticker before the article
  author-bio         an author's bio box around the article
  related-after      a block of related-post cards (title, excerpt, date) after the article
  subscribe-box      a newsletter subscription box (pitch, form), around or inside the article
  browser-banner     an "update your browser" / "enable JavaScript" banner at the start of <body>
  embed-placeholder  the placeholder of a blocked embed ("this content is provided by …") inside the article
  appeal-inside      a donation or paywall appeal inside the article's container
  press-contact      a press contact at the end of the article's container
  photo-credit       photo credits under pictures inside the article's container
  helpful-widget     a "was this article helpful?" widget at the end of the article's container
  related-inside     a "read also" list of links inside the article's container
  popup-inside       a popup overlay (newsletter, paywall) inside the article's container
  name-container     a furniture-sounding class on the article's own container (teaser, header, tag-…,
                     category-…, sidebar, paywall, a WordPress post's class list)
  name-lead          the article's first block wrapped in a furniture-sounding container (teaser, header)

in several languages (the page's own mostly) and varied markup: class names from common CMSs and consent
managers, names that say nothing, generated (hashed) names; role=dialog, aria-modal or none; <div>, <section>,
<article> or <aside>. The prose that makes a block long (comment bodies, teaser excerpts) is borrowed from other
source pages in the same language. Every variant has a manifest entry: the class, where it went, its markup
choices and the text pieces it injected.

Scoring: the AEB metric (../shared/eval/aeb_score.py) of each variant's output against the untouched truth, beside
the output of the untouched page; per class, how often the article was still found (recall within FOUND_SLACK of
the untouched page's) and the injection dropped (at most LEAK_SLACK of its text, in pieces of MIN_PIECE_TOKENS
words or more, in the output). Halves are by seed: the tuning seeds are shown per class, the check seeds only as
totals.

Usage:
  extract_gen.py sources --eval ../shared/eval --rinse target/debug/rinse --out SOURCES.json
  extract_gen.py generate --sources SOURCES.json --seed N --out DIR [--per-page K]
  extract_gen.py base --sources SOURCES.json --out DIR
  extract_gen.py score --sources SOURCES.json --base PRED --tune SET:PRED ... --check SET:PRED ... [--worst K]
Python 3.11 standard library only.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import html
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from bisect import bisect_right
from html.parser import HTMLParser

sys.dont_write_bytecode = True  # no __pycache__ in the repository's bench/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import extract_gen_vocab as V  # noqa: E402

GENERATOR_VERSION = 1

CLASSES = [
    "consent-dialog", "consent-after", "comments", "ticker", "author-bio", "related-after", "subscribe-box",
    "browser-banner", "embed-placeholder", "appeal-inside", "press-contact", "photo-credit", "helpful-widget",
    "related-inside", "popup-inside", "name-container", "name-lead",
]

# The article counts as still found when its recall is at most this much below the untouched page's.
FOUND_SLACK = 0.1
# The injection counts as dropped when at most this share of its text (by characters) is in the output.
LEAK_SLACK = 0.1
# Pieces of injected text shorter than this many words ("Reply", "Yes") are not looked for: the article may say them.
MIN_PIECE_TOKENS = 3
# The share of variants in the page's own language (else another language of the vocabulary).
P_NATIVE = 0.8

WORD = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return WORD.findall(text.lower())


# --------------------------------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------------------------------

def read_page(path: str) -> bytes:
    data = open(path, "rb").read()
    return gzip.decompress(data) if path.endswith(".gz") else data


def html_lang(text: str) -> str | None:
    m = re.search(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", text[:5000])
    return m.group(1).lower() if m else None


# Function words that tell the languages of the vocabulary apart, for the paragraphs borrowed as prose and for
# the pages whose markup names no language.
FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "is", "that", "with", "for", "was", "are"},
    "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "den", "sich", "auch"},
    "fr": {"le", "la", "les", "et", "des", "est", "une", "pour", "dans", "qui"},
    "es": {"el", "los", "las", "y", "que", "es", "una", "del", "para", "por"},
    "it": {"il", "della", "che", "è", "non", "per", "gli", "di", "una", "sono"},
    "pl": {"nie", "się", "jest", "że", "na", "w", "z", "do", "to", "jak"},
    "nl": {"de", "het", "een", "en", "van", "is", "niet", "dat", "op", "zijn"},
    "pt": {"o", "os", "que", "não", "uma", "da", "do", "em", "para", "com"},
}


def guess_lang(text: str) -> str | None:
    words = tokens(text)
    best, score = None, 2
    for lang, common in FUNCTION_WORDS.items():
        n = sum(w in common for w in words)
        if n > score:
            best, score = lang, n
    return best


def build_sources(args) -> None:
    ev = args.eval
    docs = []
    truth = json.load(open(os.path.join(ev, "aeb/dev/ground-truth.json"), encoding="utf-8"))
    for key in sorted(truth):
        path = os.path.join(ev, "aeb/dev/html", key + ".html.gz")
        if not os.path.exists(path):
            continue
        text = read_page(path).decode("utf-8", errors="replace")
        docs.append({"id": "aeb-" + key[:16], "origin": "aeb", "path": path, "truth": truth[key]["articleBody"],
                     "lang": html_lang(text) or guess_lang(truth[key]["articleBody"]) or "en"})
    traf = json.load(open(os.path.join(ev, "trafeval/dev/truth.json"), encoding="utf-8"))["pages"]
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([args.rinse, "--no-config", "clean", "-q", "--format", "text", "-o", tmp,
                        os.path.join(ev, "trafeval/dev/html")], check=True)
        kept = skipped = 0
        for key in sorted(traf):
            page = traf[key]
            path = os.path.join(ev, "trafeval/dev/html", key + ".html.gz")
            out = os.path.join(tmp, key + ".txt")
            try:
                read_page(path).decode("utf-8")
            except UnicodeDecodeError:
                skipped += 1
                continue
            if not os.path.exists(out):
                skipped += 1
                continue
            text = open(out, encoding="utf-8").read()
            flat = " ".join(text.split())
            if not all(" ".join(c.split()) in flat for c in page["with"]) or any(
                    " ".join(c.split()) in flat for c in page["without"]):
                skipped += 1
                continue
            kept += 1
            docs.append({"id": "tv-" + key, "origin": "trafeval", "path": path, "truth": text,
                         "lang": page.get("html_lang") or guess_lang(text) or "en"})
    version = subprocess.run([args.rinse, "--version"], capture_output=True, text=True).stdout.strip()
    json.dump({"rinse": version, "docs": docs}, open(args.out, "w", encoding="utf-8"), ensure_ascii=False)
    print(f"sources: {len(docs)} pages ({kept} of trafeval's, {skipped} left out)", file=sys.stderr)


# --------------------------------------------------------------------------------------------------------------
# A light element tree with source offsets
# --------------------------------------------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "param", "keygen", "command", "basefont", "bgsound", "frame"}
NO_TEXT = {"script", "style", "noscript", "template", "textarea", "title", "head", "select", "option", "svg"}
P_CLOSERS = {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption",
             "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
             "menu", "nav", "ol", "p", "pre", "section", "table", "ul"}
IMPLIED = {"li": ({"li"}, {"ul", "ol"}), "dt": ({"dt", "dd"}, {"dl"}), "dd": ({"dt", "dd"}, {"dl"}),
           "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}), "td": ({"td", "th"}, {"tr"}),
           "th": ({"td", "th"}, {"tr"})}


class Tree(HTMLParser):
    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.name: list[str] = []
        self.start: list[int] = []
        self.start_end: list[int] = []
        self.end_start: list[int] = []
        self.end: list[int] = []
        self.parent: list[int] = []
        self.stack: list[int] = []
        self.chunks: list[tuple[int, int, str]] = []  # (offset, element, text)
        self.body_at: int | None = None
        self.body_end: int | None = None
        self.head_end: int | None = None
        self.no_text = 0
        self.feed(text)
        self.close()
        for i in self.stack:
            self.end_start[i] = self.end[i] = len(text)

    def pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def pop_to(self, index_in_stack: int, at: int) -> None:
        while len(self.stack) > index_in_stack:
            i = self.stack.pop()
            self.end_start[i] = self.end[i] = at
            if self.name[i] in NO_TEXT:
                self.no_text -= 1

    def find_open(self, names: set[str], boundary: set[str]) -> int | None:
        for k in range(len(self.stack) - 1, -1, -1):
            n = self.name[self.stack[k]]
            if n in names:
                return k
            if n in boundary:
                return None
        return None

    def handle_starttag(self, tag, attrs):
        at = self.pos()
        raw = self.get_starttag_text() or ""
        if tag in P_CLOSERS:
            k = self.find_open({"p"}, {"div", "td", "th", "li", "section", "article", "table", "body", "button"})
            if k is not None:
                self.pop_to(k, at)
        if tag in IMPLIED:
            names, boundary = IMPLIED[tag]
            k = self.find_open(names, boundary)
            if k is not None:
                self.pop_to(k, at)
        if tag == "body" and self.body_at is None:
            self.body_at = at + len(raw)
        if tag in VOID:
            return
        i = len(self.name)
        self.name.append(tag)
        self.start.append(at)
        self.start_end.append(at + len(raw))
        self.end_start.append(-1)
        self.end.append(-1)
        self.parent.append(self.stack[-1] if self.stack else -1)
        self.stack.append(i)
        if tag in NO_TEXT:
            self.no_text += 1

    def handle_startendtag(self, tag, attrs):
        if tag in VOID or tag not in ("div", "span", "p", "a"):
            return
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        at = self.pos()
        if tag == "head" and self.head_end is None:
            self.head_end = self.text.find(">", at) + 1
        if tag == "body" and self.body_end is None:
            self.body_end = at
        for k in range(len(self.stack) - 1, -1, -1):
            if self.name[self.stack[k]] == tag:
                i = self.stack[k]
                self.pop_to(k + 1, at)
                self.stack.pop()
                if tag in NO_TEXT:
                    self.no_text -= 1
                self.end_start[i] = at
                close = self.text.find(">", at)
                self.end[i] = close + 1 if close >= 0 else len(self.text)
                return

    def handle_data(self, data):
        if self.no_text or not self.stack or not data.strip():
            return
        self.chunks.append((self.pos(), self.stack[-1], data))

    def ancestors(self, i: int) -> list[int]:
        out = []
        while i >= 0:
            out.append(i)
            i = self.parent[i]
        return out


class Page:
    """A source page read for injection: its tree, the article's container and where its paragraphs are."""

    def __init__(self, doc: dict):
        self.doc = doc
        self.text = read_page(doc["path"]).decode("utf-8", errors="replace")
        self.tree = Tree(self.text)
        t = self.tree
        # The page's text as one string of lower-case words, each chunk's words from a known place.
        parts, starts, pos = [], [], 0
        for _, _, data in t.chunks:
            s = " ".join(tokens(data))
            starts.append(pos)
            parts.append(s)
            pos += len(s) + 1
        stream = " " + " ".join(parts) + " "
        self.hits: list[int] = []  # chunk indices of the truth's paragraphs found once, in document order
        for para in doc["truth"].split("\n"):
            words = tokens(para)
            if len(words) < 6:
                continue
            probe = " " + " ".join(words[:8]) + " "
            first = stream.find(probe)
            if first < 0 or stream.find(probe, first + 1) >= 0:
                continue
            self.hits.append(bisect_right(starts, first) - 1)
        self.hits = sorted(set(h for h in self.hits if h >= 0))
        self.container = self.find_container()
        self.body_at = t.body_at if t.body_at is not None else (t.head_end or 0)
        self.body_end = t.body_end if t.body_end is not None else len(self.text)
        self.truth_chars = len("".join(doc["truth"].split()))

    def find_container(self) -> int | None:
        t = self.tree
        if len(self.hits) < 2:
            return None
        cut = len(self.hits) // 10
        lo, hi = self.hits[cut], self.hits[-1 - cut]
        a = t.ancestors(t.chunks[lo][1])
        b = set(t.ancestors(t.chunks[hi][1]))
        for i in a:
            if i in b:
                # A table's rows take no blocks: the container is what holds the table.
                while i >= 0 and t.name[i] in ("table", "tbody", "thead", "tfoot", "tr"):
                    i = t.parent[i]
                return None if i < 0 or t.name[i] in ("html", "body") else i
        return None

    def child_of_container(self, hit: int) -> int | None:
        t = self.tree
        i = t.chunks[hit][1]
        while i >= 0 and t.parent[i] != self.container:
            i = t.parent[i]
        return i if i >= 0 else None

    def position(self, where: str, rng: random.Random) -> int:
        t, c = self.tree, self.container
        if where == "body_start":
            return self.body_at
        if where == "body_end":
            return self.body_end
        if c is None:
            raise ValueError("no container")
        if where == "before_container":
            return t.start[c]
        if where == "after_container":
            return t.end[c]
        if where == "container_start":
            return t.start_end[c]
        if where == "container_end":
            return t.end_start[c]
        if where == "inside":
            # After a block of the article that holds one of its paragraphs, not the last one.
            inner = self.hits[:-1] or self.hits
            for _ in range(4):
                child = self.child_of_container(rng.choice(inner))
                if child is not None:
                    return t.end[child]
            return t.end_start[c]
        raise ValueError(where)


# --------------------------------------------------------------------------------------------------------------
# Injection
# --------------------------------------------------------------------------------------------------------------

def esc(text: str) -> str:
    return html.escape(text, quote=False)


class Variant:
    """One injection into one page: the markup built, the text pieces it holds, and where it goes."""

    def __init__(self, page: Page, cls: str, seed: int, pool: dict[str, list[str]]):
        self.page = page
        self.cls = cls
        self.rng = random.Random(f"{seed}:{page.doc['id']}:{cls}")
        self.pool = pool
        lang = page.doc["lang"]
        if lang not in V.LANGS or self.rng.random() > P_NATIVE:
            lang = self.rng.choice([x for x in V.LANGS if x != lang]) if lang in V.LANGS else (
                "en" if self.rng.random() < 0.6 else self.rng.choice(V.LANGS))
        self.lang = lang
        self.pieces: list[str] = []
        self.edits: list[tuple[int, int, str]] = []  # (start, end, replacement)
        self.info: dict = {"class": cls, "lang": lang}

    # Small helpers ------------------------------------------------------------------------------------------
    def pick(self, table):
        if isinstance(table, dict):
            table = table.get(self.lang) or table["en"]
        return self.rng.choice(table)

    def say(self, text: str) -> str:
        """Text shown to the reader: recorded as a piece, returned escaped."""
        text = text.strip()
        if text:
            self.pieces.append(text)
        return esc(text)

    def fill(self, template: str, **extra) -> str:
        r = self.rng
        values = {"k": r.randint(2, 48), "n": r.randint(100, 99999), "name": self.rng.choice(V.NAMES),
                  "provider": r.choice(V.PROVIDERS), "date": self.date(), "time": f"{r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
                  "agency": r.choice(V.AGENCIES), "site": self.site(), "domain": self.domain()}
        values.update(extra)
        return template.format(**values)

    def date(self) -> str:
        r = self.rng
        d, m, y = r.randint(1, 28), r.randint(1, 12), r.randint(2015, 2025)
        return r.choice([f"{d:02d}.{m:02d}.{y}", f"{y}-{m:02d}-{d:02d}", f"{m}/{d}/{y}", f"{d}/{m}/{y}"])

    def site(self) -> str:
        return self.rng.choice(["Der Kurier", "The Morning Ledger", "La Gazette", "El Diario Nuevo", "Il Corriere Locale",
                                "Nowa Gazeta", "Het Dagblad", "Jornal do Dia"])

    def domain(self) -> str:
        return self.rng.choice(["example-news.com", "kurier-online.de", "lagazette.fr", "diarionuevo.es", "dagblad.nl"])

    def name_attr(self, kind: str) -> str:
        """A class or id for a block of `kind`: a name CMSs give it, a neutral one, or a generated one."""
        r = self.rng.random()
        if r < 0.5:
            name = self.fill(self.rng.choice(V.NAMED[kind]))
            style = "named"
        elif r < 0.8:
            name = self.rng.choice(V.NAMED["neutral"])
            style = "neutral"
        else:
            name = self.hashed()
            style = "hashed"
        self.info.setdefault("names", []).append(style)
        attr = "id" if style == "named" and self.rng.random() < 0.3 else "class"
        return f'{attr}="{esc(name)}"'

    def hashed(self) -> str:
        r = self.rng
        alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        body = "".join(r.choice(alnum) for _ in range(r.randint(5, 8)))
        return r.choice(["css-", "sc-", "jsx-", "_", "x"]) + body

    def neutral(self) -> str:
        return esc(self.rng.choice(V.NAMED["neutral"]) if self.rng.random() < 0.6 else self.hashed())

    def prose(self, min_chars: int, max_chars: int) -> str:
        """A paragraph of another source page in the variant's language, cut to a length at a word end."""
        pool = self.pool.get(self.lang) or self.pool["en"]
        for _ in range(20):
            p = self.rng.choice(pool)
            if p not in self.page.doc["truth"]:
                break
        target = self.rng.randint(min_chars, max_chars)
        if len(p) <= target:
            return p
        cut = p.rfind(" ", 0, target)
        return p[: cut if cut > min_chars // 2 else target].rstrip(",;:") + "…"

    def title(self) -> str:
        text = self.prose(40, 95).rstrip("….")
        return text[:1].upper() + text[1:]

    def insert(self, where: str, markup: str) -> None:
        at = self.page.position(where, self.rng)
        self.info.setdefault("where", []).append(where)
        self.edits.append((at, at, markup))

    def wrapper(self, kind: str, inner: str, tags=("div", "section"), attrs: str = "") -> str:
        tag = self.rng.choice(tags)
        return f"<{tag} {self.name_attr(kind)}{attrs}>{inner}</{tag}>"

    def heading(self, text: str) -> str:
        tag = self.rng.choice(["h2", "h3", "h4", "strong", "div", "p"])
        return f"<{tag}>{self.say(text)}</{tag}>"

    def dialog_attrs(self) -> str:
        choice = self.rng.choice(["dialog-modal", "dialog", "alertdialog", "modal", "none", "none", "fixed"])
        self.info["role"] = choice
        return {"dialog-modal": ' role="dialog" aria-modal="true"', "dialog": ' role="dialog"',
                "alertdialog": ' role="alertdialog"', "modal": ' aria-modal="true"', "none": "",
                "fixed": ' style="position: fixed; bottom: 0; z-index: 9999"'}[choice]

    def button(self, text: str) -> str:
        return self.rng.choice([
            f'<button type="button">{self.say(text)}</button>',
            f'<a href="#" class="{self.neutral()}">{self.say(text)}</a>',
            f'<span role="button" tabindex="0">{self.say(text)}</span>'])

    # The classes ---------------------------------------------------------------------------------------------
    def build(self) -> None:
        getattr(self, "make_" + self.cls.replace("-", "_"))()
        self.info["pieces"] = self.pieces

    def cookie_table(self) -> str:
        cols = V.COOKIE_COLUMNS.get(self.lang) or V.COOKIE_COLUMNS["en"]
        rows = []
        for _ in range(self.rng.randint(4, 14)):
            cells = [self.fill(self.rng.choice(V.COOKIE_NAMES)), self.rng.choice(V.PROVIDERS),
                     self.fill(self.pick(V.EXPIRY)), self.fill(self.pick(V.COOKIE_PURPOSES))]
            rows.append("<tr>" + "".join(f"<td>{self.say(c)}</td>" for c in cells) + "</tr>")
        head = "<tr>" + "".join(f"<th>{self.say(c)}</th>" for c in cols) + "</tr>"
        return f'<table class="{self.neutral()}"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'

    def consent_body(self, tables: bool) -> str:
        c = V.CONSENT.get(self.lang) or V.CONSENT["en"]
        cats = V.CONSENT_CATEGORIES.get(self.lang) or V.CONSENT_CATEGORIES["en"]
        parts = [self.heading(self.rng.choice(c["title"]))]
        for intro in self.rng.sample(c["intro"], self.rng.randint(1, len(c["intro"]))):
            parts.append(f"<p>{self.say(self.fill(intro))}</p>")
        shape = self.rng.choice(["accordion", "details", "headings"])
        for n, (cat, desc) in enumerate(cats[: self.rng.randint(3, len(cats))]):
            label = self.rng.choice(c["always"]) if n == 0 else ""
            table = self.cookie_table() if tables and self.rng.random() < 0.85 else ""
            on = f"<span>{self.say(label)}</span>" if label else '<input type="checkbox">'
            if shape == "accordion":
                parts.append(f'<div class="{self.neutral()}"><div class="{self.neutral()}"><button>{self.say(cat)}</button>'
                             f'{on}</div><div class="{self.neutral()}"><p>{self.say(desc)}</p>{table}</div></div>')
            elif shape == "details":
                parts.append(f"<details><summary>{self.say(cat)} {on}</summary><div>{self.say(desc)}</div>{table}</details>")
            else:
                parts.append(f"<h4>{self.say(cat)}</h4>{on}<p>{self.say(desc)}</p>{table}")
        parts.append("<div>" + "".join(self.button(b) for b in self.rng.sample(c["buttons"], 3)) + "</div>")
        return "".join(parts)

    def make_consent_dialog(self):
        inner = self.consent_body(tables=True)
        markup = self.wrapper("consent", f"<div class=\"{self.neutral()}\">{inner}</div>", attrs=self.dialog_attrs())
        self.insert("body_start" if self.rng.random() < 0.75 else "body_end", markup)

    def make_consent_after(self):
        inner = self.consent_body(tables=self.rng.random() < 0.5)
        attrs = self.dialog_attrs() if self.rng.random() < 0.4 else ""
        markup = self.wrapper("consent", inner, attrs=attrs)
        self.insert(self.rng.choice(["after_container", "body_end", "body_end"]), markup)

    def make_comments(self):
        c = V.COMMENTS.get(self.lang) or V.COMMENTS["en"]
        target = max(1500, int(self.page.truth_chars * self.rng.uniform(1.2, 3.0)))
        shape = self.rng.choice(["wordpress", "divs", "articles", "list"])
        self.info["shape"] = shape
        unit_class = self.neutral() if shape != "wordpress" else "comment"
        units, total, n = [], 0, 0
        while total < target and n < 80:
            n += 1
            name = self.rng.choice(V.NAMES)
            says = self.rng.choice(c["says"])
            when = self.fill(self.rng.choice(c["ago"]))
            body_paras = [self.prose(80, 600) for _ in range(self.rng.choice([1, 1, 1, 2, 3]))]
            total += sum(len("".join(p.split())) for p in body_paras)
            body = "".join(f"<p>{self.say(p)}</p>" for p in body_paras)
            votes = self.fill(self.rng.choice(c["votes"]))
            reply = self.rng.choice(c["reply"])
            cid = self.rng.randint(1000, 999999)
            if shape == "wordpress":
                units.append(
                    f'<li id="comment-{cid}" class="comment even thread-even depth-1"><article id="div-comment-{cid}" '
                    f'class="comment-body"><footer class="comment-meta"><div class="comment-author vcard">'
                    f'<img alt="" src="/avatar/{cid}.png" class="avatar"> <b class="fn">{self.say(name)}</b> '
                    f'<span class="says">{self.say(says)}</span></div><div class="comment-metadata">'
                    f'<a href="#comment-{cid}"><time>{self.say(when)}</time></a></div></footer>'
                    f'<div class="comment-content">{body}</div><div class="reply"><a rel="nofollow" '
                    f'class="comment-reply-link" href="?replytocom={cid}#respond">{self.say(reply)}</a></div>'
                    f'</article></li>')
            elif shape == "articles":
                units.append(f'<article class="{unit_class}"><header><strong>{self.say(name)}</strong> '
                             f'{self.say(says)} <time>{self.say(when)}</time></header>{body}<footer>'
                             f'<a href="#r{cid}">{self.say(reply)}</a> · <button>{self.say(votes)}</button></footer></article>')
            else:
                tag = "li" if shape == "list" else "div"
                units.append(f'<{tag} class="{unit_class}"><div class="{self.neutral()}"><span>{self.say(name)}</span> '
                             f'<span>{self.say(when)}</span></div><div>{body}</div><div><a href="#">{self.say(reply)}</a> '
                             f'<a href="#">{self.say(votes)}</a></div></{tag}>')
        heading = self.heading(self.fill(self.rng.choice(c["heading"]), k=n))
        listing = "".join(units)
        listing = f'<ol class="comment-list">{listing}</ol>' if shape == "wordpress" else (
            f"<ul>{listing}</ul>" if shape == "list" else f'<div class="{self.neutral()}">{listing}</div>')
        form = ""
        if self.rng.random() < 0.4:
            f = c["form"]
            form = (f'<div id="respond"><h3>{self.say(f[0])}</h3><form action="/comment" method="post"><p>'
                    f'{self.say(f[1])}</p><textarea name="comment"></textarea><input type="submit" value="{esc(f[2])}">'
                    f'</form></div>')
        markup = self.wrapper("comments", heading + listing + form, tags=("div", "section", "div"))
        self.info["units"] = n
        self.insert(self.rng.choice(["after_container"] * 9 + ["container_end"] * 4 + ["body_end"] * 7), markup)

    def make_ticker(self):
        label = self.pick(V.TICKER)
        items = []
        stocks = self.rng.random() < 0.3
        for _ in range(self.rng.randint(12, 40)):
            if stocks:
                v = self.rng.uniform(10, 40000)
                text = f"{self.rng.choice(V.STOCKS)} {v:,.2f} {self.rng.choice('+-')}{self.rng.uniform(0, 3):.2f}%"
            else:
                text = self.prose(60, 150)
            time = f"{self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}"
            inner = f'<a href="/news/{self.rng.randint(1000, 99999)}">{self.say(text)}</a>' if self.rng.random() < 0.5 else self.say(text)
            items.append(f"<li><time>{self.say(time)}</time> {inner}</li>")
        body = f"<span>{self.say(label)}</span><ul class=\"{self.neutral()}\">{''.join(items)}</ul>"
        if self.rng.random() < 0.2:
            body = f"<marquee>{body}</marquee>"
        self.insert("body_start" if self.rng.random() < 0.7 else "before_container", self.wrapper("ticker", body))

    def make_author_bio(self):
        b = V.AUTHOR_BIO.get(self.lang) or V.AUTHOR_BIO["en"]
        name = self.rng.choice(V.NAMES)
        bio = " ".join(self.fill(s, name=name) for s in self.rng.sample(b["bio"], self.rng.randint(2, len(b["bio"]))))
        more = self.fill(self.rng.choice(b["more"]), name=name)
        body = (f'<img src="/authors/{self.rng.randint(1, 999)}.jpg" alt="">{self.heading(self.fill(self.rng.choice(b["heading"]), name=name))}'
                f'<p>{self.say(bio)}</p><a href="/author/{self.rng.randint(1, 999)}">{self.say(more)}</a>')
        if self.rng.random() < 0.5:
            body += "<ul>" + "".join(f'<li><a href="/a/{i}">{self.say(self.title())}</a></li>' for i in range(self.rng.randint(2, 5))) + "</ul>"
        self.insert(self.rng.choice(["after_container"] * 5 + ["container_end"] * 3 + ["before_container", "body_end"]),
                    self.wrapper("bio", body, tags=("div", "section", "aside", "div")))

    def make_related_after(self):
        self.insert(self.rng.choice(["after_container"] * 3 + ["body_end"]), self.related_cards(self.rng.randint(4, 10)))

    def related_cards(self, count: int) -> str:
        shape = self.rng.choice(["divs", "articles", "list"])
        cards = []
        rm = self.pick(V.READ_MORE)
        for i in range(count):
            href = f"/{self.rng.randint(2015, 2025)}/{self.rng.randint(1000, 99999)}.html"
            title = f'<a href="{href}">{self.say(self.title())}</a>'
            title = self.rng.choice([f"<h3>{title}</h3>", f"<h4>{title}</h4>", f"<div>{title}</div>"])
            img = f'<img src="/img/{i}.jpg" alt="">' if self.rng.random() < 0.6 else ""
            excerpt = f"<p>{self.say(self.prose(120, 350))}</p>"
            date = f"<span>{self.say(self.date())}</span>" if self.rng.random() < 0.5 else ""
            more = f'<a href="{href}">{self.say(rm)}</a>' if self.rng.random() < 0.4 else ""
            inner = img + title + date + excerpt + more
            cls = self.neutral()
            cards.append({"divs": f'<div class="{cls}">{inner}</div>', "articles": f'<article class="{cls}">{inner}</article>',
                          "list": f"<li>{inner}</li>"}[shape])
        listing = "".join(cards)
        if shape == "list":
            listing = f"<ul>{listing}</ul>"
        return self.wrapper("related", self.heading(self.pick(V.RELATED)) + listing, tags=("div", "section", "aside", "div"))

    def make_subscribe_box(self):
        s = V.SUBSCRIBE.get(self.lang) or V.SUBSCRIBE["en"]
        pitch = "".join(f"<p>{self.say(self.fill(p))}</p>" for p in self.rng.sample(s["pitch"], self.rng.randint(1, 3)))
        form = (f'<form action="/newsletter" method="post"><input type="email" placeholder="{esc(self.rng.choice(s["field"]))}">'
                f'<button type="submit">{self.say(self.rng.choice(s["button"]))}</button></form>')
        body = self.heading(self.rng.choice(s["heading"])) + pitch + form
        self.insert(self.rng.choice(["after_container"] * 4 + ["container_end"] * 3 + ["inside"] * 2 + ["body_start"]),
                    self.wrapper("subscribe", body))

    def make_browser_banner(self):
        text = self.pick(V.BROWSER)
        links = " ".join(f'<a href="https://www.{b.lower()}.example/">{self.say(b)}</a>'
                         for b in ["Chrome", "Firefox", "Safari", "Edge"]) if self.rng.random() < 0.5 else ""
        attrs = ' role="alert"' if self.rng.random() < 0.3 else ""
        body = f"<p>{self.say(text)}</p>{links}"
        self.insert("body_start", self.wrapper("browser", body, attrs=attrs))

    def make_embed_placeholder(self):
        e = V.EMBED.get(self.lang) or V.EMBED["en"]
        provider = self.rng.choice(V.PROVIDERS)
        body = (self.heading(self.rng.choice(e["heading"])) + f"<p>{self.say(self.fill(self.rng.choice(e['text']), provider=provider))}</p>"
                + "".join(self.button(b) for b in self.rng.sample(e["button"], min(2, len(e["button"])))))
        if self.rng.random() < 0.4:
            body = f'<iframe data-src="https://www.{provider.lower().replace(" ", "")}.example/embed/{self.rng.randint(1, 99999)}"></iframe>' + body
        self.insert("inside", self.wrapper("embed", body))

    def make_appeal_inside(self):
        a = V.APPEAL.get(self.lang) or V.APPEAL["en"]
        texts = "".join(f"<p>{self.say(self.fill(t))}</p>" for t in self.rng.sample(a["text"], self.rng.randint(1, len(a["text"]))))
        target = self.fill(self.rng.choice(V.APPEAL_TARGETS))
        body = self.heading(self.rng.choice(a["heading"])) + texts + f'<a href="{target}">{self.say(self.rng.choice(a["button"]))}</a>'
        self.insert(self.rng.choice(["inside", "container_end"]), self.wrapper("appeal", body))

    def make_press_contact(self):
        label = self.pick(V.PRESS)
        name = self.rng.choice(V.NAMES)
        lines = [self.say(name), self.say(self.pick(V.ROLES)), self.say(self.rng.choice(V.COMPANIES)),
                 self.say(f"+{self.rng.randint(30, 49)} {self.rng.randint(10, 999)} {self.rng.randint(100000, 9999999)}")]
        mail = f"presse@{self.domain()}"
        lines.append(f'<a href="mailto:{mail}">{self.say(mail)}</a>')
        if self.rng.random() < 0.5:
            body = f"<p><strong>{self.say(label)}</strong><br>" + "<br>".join(lines) + "</p>"
        else:
            body = f"<h4>{self.say(label)}</h4>" + "".join(f"<p>{x}</p>" for x in lines)
        self.insert("container_end", self.wrapper("press", body))

    def make_photo_credit(self):
        for _ in range(self.rng.randint(1, 3)):
            credit = self.fill(self.pick(V.CREDITS), name=self.rng.choice(V.NAMES))
            img = f'<img src="/media/{self.rng.randint(1, 99999)}.jpg" alt="">'
            shape = self.rng.choice(["figure", "div-span", "p-after"])
            if shape == "figure":
                markup = f"<figure>{img}<figcaption>{self.say(credit)}</figcaption></figure>"
            elif shape == "div-span":
                markup = f'<div class="{self.neutral()}">{img}<span {self.name_attr("credit")}>{self.say(credit)}</span></div>'
            else:
                markup = f'<p>{img}</p><p {self.name_attr("credit")}><small>{self.say(credit)}</small></p>'
            self.insert("inside", markup)

    def make_helpful_widget(self):
        h = V.HELPFUL.get(self.lang) or V.HELPFUL["en"]
        question = self.rng.choice(h[:-3] if len(h) > 4 else h[:1])
        body = (f"<p>{self.say(question)}</p>" + self.button(h[-3] if len(h) > 4 else h[-2])
                + self.button(h[-2] if len(h) > 4 else h[-1]))
        thanks = [t for t in h if t.endswith("!")]
        if thanks and self.rng.random() < 0.5:
            body += f"<div>{self.say(thanks[0])}</div>"
        self.insert("container_end", self.wrapper("helpful", body))

    def make_related_inside(self):
        label = self.pick(V.RELATED)
        count = self.rng.randint(1, 5)
        links = [f'<a href="/{self.rng.randint(1000, 99999)}.html">{self.say(self.title())}</a>' for _ in range(count)]
        shape = self.rng.choice(["list", "paragraph", "excerpts"]) if count > 1 else "paragraph"
        if shape == "list":
            body = f"<strong>{self.say(label)}</strong><ul>" + "".join(f"<li>{a}</li>" for a in links) + "</ul>"
        elif shape == "paragraph":
            body = f"<p><strong>{self.say(label + ':')}</strong> " + " | ".join(links) + "</p>"
        else:
            body = f"<h4>{self.say(label)}</h4>" + "".join(f"<div>{a}<p>{self.say(self.prose(80, 200))}</p></div>" for a in links)
        self.insert("inside", self.wrapper("related_inside", body, tags=("div", "aside", "section")))

    def make_popup_inside(self):
        if self.rng.random() < 0.5:
            s = V.SUBSCRIBE.get(self.lang) or V.SUBSCRIBE["en"]
            body = (self.heading(self.rng.choice(s["heading"])) + f"<p>{self.say(self.fill(self.rng.choice(s['pitch'])))}</p>"
                    + f'<input type="email"><button>{self.say(self.rng.choice(s["button"]))}</button>')
        else:
            a = V.APPEAL.get(self.lang) or V.APPEAL["en"]
            body = (self.heading(self.rng.choice(a["heading"])) + f"<p>{self.say(self.fill(self.rng.choice(a['text'])))}</p>"
                    + f'<a href="/subscribe">{self.say(self.rng.choice(a["button"]))}</a>')
        body = '<button aria-label="close">×</button>' + body
        self.insert(self.rng.choice(["inside", "container_start", "container_end"]),
                    self.wrapper("popup", body, attrs=self.dialog_attrs()))

    def make_name_container(self):
        t, c = self.page.tree, self.page.container
        raw = self.page.text[t.start[c]:t.start_end[c]]
        sec = self.rng.choice(["news", "politik", "sport", "culture", "economia", "lokales", "world"])
        tokens_ = self.rng.choice([
            "teaser", "article-teaser", "teaser teaser--large", "header", "page-header", f"tag-{sec}",
            f"category-{sec}", "has-sidebar", "sidebar-right", "with-sidebar", "paywall", "paywalled",
            "ad-slot", "ads-enabled", "widget", "promo", "more", "tools", "meta",
            f"post-{self.rng.randint(10, 99999)} post type-post status-publish format-standard has-post-thumbnail "
            f"hentry category-{sec} tag-{sec} tag-{self.rng.choice(['update', 'feature', 'breaking'])}"])
        self.info["tokens"] = tokens_
        m = re.search(r"""\sclass\s*=\s*(?:(["'])(.*?)\1|([^\s"'>]+))""", raw, re.S | re.I)
        if m and m.group(2) is not None:
            new = raw[: m.start(2)] + m.group(2) + " " + tokens_ + raw[m.end(2):]
        elif m:
            new = raw[: m.start(3)] + '"' + m.group(3) + " " + tokens_ + '"' + raw[m.end(3):]
        else:
            new = re.sub(r"^<([a-zA-Z0-9]+)", lambda mm: f'<{mm.group(1)} class="{tokens_}"', raw, count=1)
        self.info.setdefault("where", []).append("container_tag")
        self.edits.append((t.start[c], t.start_end[c], new))

    def make_name_lead(self):
        child = self.page.child_of_container(self.page.hits[0])
        if child is None:
            raise ValueError("no lead block")
        t = self.page.tree
        tag, cls = self.rng.choice([("div", "teaser"), ("div", "article-teaser"), ("div", "teaser-text"),
                                   ("div", "header"), ("div", "article-header"), ("header", ""),
                                   ("section", "intro teaser"), ("div", "lead sidebar-lead"), ("div", "post-header"),
                                   ("div", "meta-lead"), ("div", "tags-lead")])
        self.info["tokens"] = f"{tag}.{cls}"
        attr = f' class="{cls}"' if cls else ""
        self.info.setdefault("where", []).append("lead_wrap")
        self.edits.append((t.start[child], t.start[child], f"<{tag}{attr}>"))
        self.edits.append((t.end[child], t.end[child], f"</{tag}>"))

    def render(self) -> str:
        text = self.page.text
        for start, end, new in sorted(self.edits, key=lambda e: (e[0], e[1]), reverse=True):
            text = text[:start] + new + text[end:]
        return text


NEEDS_CONTAINER = {c for c in CLASSES if c not in ("consent-dialog", "browser-banner")}


def prose_pool(docs: list[dict]) -> dict[str, list[str]]:
    pool: dict[str, list[str]] = {}
    for d in docs:
        for p in d["truth"].split("\n"):
            p = " ".join(p.split())
            if len(p.split()) >= 15 and re.search(r"[.!?…]$", p):
                pool.setdefault(guess_lang(p) or "other", []).append(p)
    for lang in V.LANGS:
        if len(pool.get(lang, [])) < 30:
            pool[lang] = pool.get(lang, []) + pool["en"]
    return pool


def generate(args) -> None:
    sources = json.load(open(args.sources, encoding="utf-8"))
    docs = sources["docs"]
    pool = prose_pool(docs)
    out = args.out
    os.makedirs(os.path.join(out, "html"), exist_ok=True)
    order = CLASSES[:]
    random.Random(args.seed).shuffle(order)
    manifest = {"seed": args.seed, "generator": GENERATOR_VERSION, "variants": {}}
    skipped = 0
    slot = 0
    for doc in docs:
        page = Page(doc)
        made = 0
        tries = 0
        while made < args.per_page and tries < len(CLASSES):
            cls = order[slot % len(order)]
            slot += 1
            tries += 1
            if page.container is None and cls in NEEDS_CONTAINER:
                continue
            v = Variant(page, cls, args.seed, pool)
            try:
                v.build()
            except ValueError:
                continue
            vid = f"{doc['id']}~{cls}"
            with gzip.open(os.path.join(out, "html", vid + ".html.gz"), "wb", compresslevel=1) as f:
                f.write(v.render().encode("utf-8"))
            manifest["variants"][vid] = {"source": doc["id"], **v.info}
            made += 1
        skipped += made == 0
    json.dump(manifest, open(os.path.join(out, "manifest.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=0)
    print(f"seed {args.seed}: {len(manifest['variants'])} variants of {len(docs)} pages ({skipped} pages without any)",
          file=sys.stderr)


def base(args) -> None:
    docs = json.load(open(args.sources, encoding="utf-8"))["docs"]
    os.makedirs(os.path.join(args.out, "html"), exist_ok=True)
    for doc in docs:
        dst = os.path.join(args.out, "html", doc["id"] + ".html.gz")
        if not os.path.exists(dst):
            with gzip.open(dst, "wb", compresslevel=1) as f:
                f.write(read_page(doc["path"]))


# --------------------------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------------------------

def load_scorer(eval_dir: str):
    spec = importlib.util.spec_from_file_location("aeb_score", os.path.join(eval_dir, "aeb_score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_pred(folder: str, key: str) -> str:
    for ext in (".txt", ".md"):
        path = os.path.join(folder, key + ext)
        if os.path.exists(path):
            return open(path, encoding="utf-8").read()
    return ""


def leak(pieces: list[str], truth_words: str, out_words: str) -> tuple[int, int]:
    """Characters of the injected pieces (of MIN_PIECE_TOKENS words or more, not in the truth), and of those found
    in the output."""
    total = found = 0
    for p in pieces:
        words = tokens(p)
        if len(words) < MIN_PIECE_TOKENS:
            continue
        key = " " + " ".join(words) + " "
        if key in truth_words:
            continue
        n = len("".join(words))
        total += n
        found += n if key in out_words else 0
    return total, found


def score(args) -> None:
    scorer = load_scorer(args.eval)
    docs = {d["id"]: d for d in json.load(open(args.sources, encoding="utf-8"))["docs"]}
    base_counts = {}
    for key, d in docs.items():
        base_counts[key] = scorer.doc_counts(d["truth"], read_pred(args.base, key))

    def run(pairs: list[str]):
        rows = []
        for pair in pairs:
            set_dir, pred = pair.split(":", 1)
            manifest = json.load(open(os.path.join(set_dir, "manifest.json"), encoding="utf-8"))
            for vid, info in manifest["variants"].items():
                d = docs[info["source"]]
                out = read_pred(pred, vid)
                c = scorer.doc_counts(d["truth"], out)
                b = base_counts[info["source"]]
                tw = " " + " ".join(tokens(d["truth"])) + " "
                ow = " " + " ".join(tokens(out)) + " "
                total, leaked = leak(info.get("pieces", []), tw, ow)
                r, rb = scorer.doc_recall(c) or 0.0, scorer.doc_recall(b) or 0.0
                rows.append({"id": vid, "set": os.path.basename(set_dir.rstrip("/")), "class": info["class"],
                             "counts": c, "base": b, "found": r >= rb - FOUND_SLACK,
                             "injected": total, "leaked": leaked,
                             "dropped": None if total == 0 else leaked <= LEAK_SLACK * total,
                             "f1": scorer.doc_f1(c), "f1_base": scorer.doc_f1(b), "info": info})
        return rows

    def figures(rows):
        agg = scorer.aggregate([r["counts"] for r in rows], [False] * len(rows))
        agg_b = scorer.aggregate([r["base"] for r in rows], [False] * len(rows))
        inj = [r for r in rows if r["dropped"] is not None]
        return {"n": len(rows), "found": sum(r["found"] for r in rows) / max(1, len(rows)),
                "dropped": (sum(r["dropped"] for r in inj) / len(inj)) if inj else None,
                "leaked_chars": sum(r["leaked"] for r in rows) / max(1, sum(r["injected"] for r in rows)),
                "p": agg["precision"], "r": agg["recall"], "f1": agg["f1"], "f1_base": agg_b["f1"]}

    def line(label, f):
        dropped = "    -" if f["dropped"] is None else f"{f['dropped']:.3f}"
        return (f"  {label:<18} {f['n']:>5}  found {f['found']:.3f}  dropped {dropped}  leaked {f['leaked_chars']:.3f}"
                f"  P {f['p']:.4f}  R {f['r']:.4f}  F1 {f['f1']:.4f} (untouched {f['f1_base']:.4f})")

    tune = run(args.tune)
    check = run(args.check)
    result = {"tune": {}, "check": {}}
    print("tuning half, per class (found: article recall within %.2f of the untouched page's; dropped: at most %.0f%% "
          "of the injected text kept)" % (FOUND_SLACK, LEAK_SLACK * 100))
    for cls in CLASSES:
        rows = [r for r in tune if r["class"] == cls]
        if rows:
            f = figures(rows)
            result["tune"][cls] = f
            print(line(cls, f))
    result["tune"]["total"] = figures(tune)
    print(line("total", result["tune"]["total"]))
    for origin in ("aeb", "tv"):
        rows = [r for r in tune if r["id"].startswith(origin + "-")]
        if rows:
            print(line("  from " + origin, figures(rows)))
    result["check"]["total"] = figures(check)
    print("check half, totals only")
    print(line("total", result["check"]["total"]))
    for origin in ("aeb", "tv"):
        rows = [r for r in check if r["id"].startswith(origin + "-")]
        if rows:
            print(line("  from " + origin, figures(rows)))
    if args.worst:
        print(f"tuning half, the {args.worst} worst variants per class (F1 - untouched F1)")
        for cls in CLASSES:
            rows = sorted((r for r in tune if r["class"] == cls), key=lambda r: (r["f1"] - r["f1_base"], r["id"]))
            for r in rows[: args.worst]:
                if r["f1"] - r["f1_base"] >= -0.005 and r["dropped"] is not False:
                    break
                print(f"  {cls:<18} {r['set']}/{r['id']}  F1 {r['f1_base']:.3f} -> {r['f1']:.3f}  found {r['found']}"
                      f"  leaked {r['leaked']}/{r['injected']}  {r['info'].get('where')} {r['info'].get('names', '')}"
                      f" {r['info'].get('role', '')} {r['info'].get('shape', '')} {r['info'].get('tokens', '')}")
    if args.json:
        result["tune_variants"] = {r["id"] + "@" + r["set"]: {"f1": r["f1"], "found": r["found"], "dropped": r["dropped"]}
                                   for r in tune}
        json.dump(result, open(args.json, "w", encoding="utf-8"), indent=1, sort_keys=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sources")
    s.add_argument("--eval", default="../shared/eval")
    s.add_argument("--rinse", default="target/debug/rinse")
    s.add_argument("--out", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--sources", required=True)
    g.add_argument("--out", required=True)
    g.add_argument("--seed", type=int, required=True)
    g.add_argument("--per-page", type=int, default=2)
    b = sub.add_parser("base")
    b.add_argument("--sources", required=True)
    b.add_argument("--out", required=True)
    c = sub.add_parser("score")
    c.add_argument("--eval", default="../shared/eval")
    c.add_argument("--sources", required=True)
    c.add_argument("--base", required=True, help="rinse --format text output of the untouched pages (base/html)")
    c.add_argument("--tune", nargs="+", required=True, help="SET_DIR:PRED_DIR of the tuning seeds")
    c.add_argument("--check", nargs="+", required=True, help="SET_DIR:PRED_DIR of the check seeds")
    c.add_argument("--worst", type=int, default=0)
    c.add_argument("--json")
    a = ap.parse_args(argv)
    {"sources": build_sources, "generate": generate, "base": base, "score": score}[a.cmd](a)
    return 0


if __name__ == "__main__":
    sys.exit(main())
