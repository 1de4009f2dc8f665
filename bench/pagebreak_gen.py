#!/usr/bin/env python3
"""A second page-break benchmark, generated: real article texts, damage in shapes the dev set never shows.

The shared pagebreak dev set (../shared/eval/pagebreak) has 61 documents whose furniture, navigation and trailer
strings the rules have seen. This generator builds another set in the same format (raw/, expected/, manifest/,
scored by ../shared/eval/pagebreak/score.py) from other texts and other shapes, to measure what carries over:

* texts: the AEB dev article bodies (ground-truth.json) and the articles of the trafeval dev pages (German,
  English, Spanish, French, Polish, ...), the latter extracted by rinse with its text rules off and kept only
  where every `with` chunk of the page's truth is found and no `without` chunk is;
* page breaks at a word boundary (capitalised continuations favoured: names, "I", acronyms, quoted words), at a
  sentence end, inside a long word (soft hyphenation) and after the hyphen of a compound the text really has
  (`Franco-German`, `mid-2020s`, `CDU-Politiker`), with page furniture between the halves or at a boundary between
  paragraphs: page numbers in many shapes and languages, running headers with a page number inside or a section
  name that changes, 2-3 repetitions only in short documents, footers, counted URLs, browser-print stamps;
* top lines: skip links, breadcrumbs with other separators, menus (one line or one item per line), the site name,
  the headline in other shapes (`| Site`, `- Site`, upper case, inside a link), bylines and dates in the language;
* bottom lines: share rows, "Read more"/"Next article" blocks with other articles' titles, cookie notices,
  newsletter and comment calls, tags, footer menus, copyright lines in many languages;
* link placeholders with other targets (`#!`, `javascript:;`), real links (absolute and site-relative) as traps;
* stray whitespace as in the dev set.

Usage:
  pagebreak_gen.py sources --eval ../shared/eval --rinse target/debug/rinse --out SOURCES.json
  pagebreak_gen.py generate --sources SOURCES.json --out DIR [--seed N]
The second step writes DIR/a and DIR/b (the two halves, by a hash of the document id), each with raw/, expected/,
manifest/ and summary.json. Everything is deterministic: one random.Random per document, seeded from the seed and
the document id. Python 3.11 standard library only.
"""
from __future__ import annotations

import argparse
import bisect
import collections
import datetime
import gzip
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the repository's bench/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pagebreak_vocab as V  # noqa: E402

GENERATOR_VERSION = 1
DEFAULT_SEED = 20240613

CONFIG = {
    "page_chars": 1800, "page_chars_jitter": 0.35, "min_page_breaks": 1, "max_page_breaks": 10,
    "p_boundary_event": 0.2, "p_furniture": 0.5,
    "kind_weights": {"split": 0.55, "split_sentence": 0.1, "hyphen_soft": 0.13, "hyphen_compound": 0.22},
    "p_prefer_upper": 0.35, "min_side_words": 4, "min_split_gap_chars": 80, "ctx_chars": 40,
    "furniture_styles": {"page_number": 3, "running_header": 2, "header_with_number": 2, "section_header": 2,
                         "header+page_number": 2, "footer+page_number": 2, "continued+page_number": 1,
                         "browser_print": 1, "counted_url": 1, "none": 1},
    "p_header_on_first_page": 0.3, "p_front_matter": 0.15,
    "p_real_links": 0.5, "max_real_links": 2, "min_placeholders": 1, "max_placeholders": 4,
    "p_native_vocab": 0.85, "whitespace_events": [2, 5],
}

# --------------------------------------------------------------------------------------------------------------
# Text helpers, the scorer's normalisation
# --------------------------------------------------------------------------------------------------------------

INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
WS = re.compile(r"\s+")
LINK_RE = re.compile(r"\[([^\[\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))*)\)")
# A sentence end, maybe followed by closing quotes, brackets or emphasis (`end.**`).
TERMINAL_END = re.compile(r"[.!?…。！？]['\"”’»)\]*_]*$")
LIST_START = re.compile(r"^(?:[-*+•>#|]|\d{1,9}[.)]|[a-z]\))(?:\s|$)")


def norm_ws(text: str) -> str:
    return WS.sub(" ", text).strip()


def lenient(text: str) -> str:
    return norm_ws(LINK_RE.sub(lambda m: m.group(1), INVISIBLE.sub("", text)))


def expected_para(text: str) -> str:
    return norm_ws(INVISIBLE.sub("", text))


def is_prose(p: str) -> bool:
    return len(p.split()) >= 12 and TERMINAL_END.search(p) is not None and not LIST_START.match(p)


# --------------------------------------------------------------------------------------------------------------
# Step 1: sources
# --------------------------------------------------------------------------------------------------------------

def rinse_json(rinse: str, html_dir: str, out: str) -> None:
    # Text rules off but whitespace and links (W, L): the source text is what the page shows, not what rinse's
    # page-boundary and navigation rules would leave of it.
    subprocess.run([rinse, "clean", "--no-config", "-q", "--select", "W,L", "--format", "json", "-o", out,
                    html_dir], check=True)


def markdown_paragraphs(md: str) -> list[str]:
    out = []
    for block in re.split(r"\n\s*\n", md):
        # A hard line break in mid-sentence (`<br>` in the page) is read as a space, as the page reads.
        lines: list[str] = []
        for line in re.split(r"\\\n|\n", block):
            line = line.strip()
            if lines and line[:1].islower() and not TERMINAL_END.search(lines[-1]) and not lines[-1].endswith(":"):
                lines[-1] += " " + line
            else:
                lines.append(line)
        for line in lines:
            if not line or line.startswith(("![", "|", "```", "<")):
                continue
            line = re.sub(r"^#{1,6}\s+", "", line)
            # Keep real absolute links; any other link becomes its text, so that expected holds no placeholder.
            line = LINK_RE.sub(lambda m: m.group(0) if re.match(r"https?://", m.group(2)) else m.group(1), line)
            p = expected_para(line)
            if p:
                out.append(p)
    return out


def clean_title(title: str | None, site: str | None) -> str | None:
    if not title:
        return None
    t = re.split(r" [|•»] | [-–—] (?=[^-–—]*$)", title)[0].strip() if (" | " in title or " - " in title
                                                                        or " – " in title) else title.strip()
    if site and t.endswith(site) and len(t) > len(site) + 10:
        t = t[: -len(site)].rstrip(" -|–—:")
    return t if len(t.split()) >= 3 else None


def build_sources(args) -> None:
    ev = args.eval
    tmp = tempfile.mkdtemp(prefix="pagebreak-gen-")
    try:
        rinse_json(args.rinse, os.path.join(ev, "aeb/dev/html"), os.path.join(tmp, "aeb"))
        rinse_json(args.rinse, os.path.join(ev, "trafeval/dev/html"), os.path.join(tmp, "traf"))
        docs = []
        truth = json.load(open(os.path.join(ev, "aeb/dev/ground-truth.json"), encoding="utf-8"))
        for key, v in sorted(truth.items()):
            meta = json.load(open(os.path.join(tmp, "aeb", key + ".json"), encoding="utf-8"))["metadata"]
            paras = [p for p in (expected_para(line) for line in v["articleBody"].split("\n")) if p]
            docs.append(source_doc("aeb-" + key[:16], "aeb", v["url"], meta, paras))
        pages = json.load(open(os.path.join(ev, "trafeval/dev/truth.json"), encoding="utf-8"))["pages"]
        skipped = collections.Counter()
        for key, v in sorted(pages.items()):
            path = os.path.join(tmp, "traf", key + ".json")
            if not os.path.exists(path):
                skipped["no output"] += 1
                continue
            out = json.load(open(path, encoding="utf-8"))
            paras = article_region(markdown_paragraphs(out["markdown"]), v["with"], v["without"])
            if isinstance(paras, str):
                skipped[paras] += 1
                continue
            meta = out["metadata"]
            meta.setdefault("language", v.get("html_lang") or None)
            url = v["url"] if v["url"].startswith("http") else None
            docs.append(source_doc("traf-" + key, "trafeval", url, meta, paras))
        print(f"sources: {len(docs)} documents; trafeval pages skipped: {dict(skipped)}", file=sys.stderr)
        with open(args.out, "w", encoding="utf-8") as fh:
            json.dump({"generator_version": GENERATOR_VERSION, "docs": docs}, fh, ensure_ascii=False, indent=0)
    finally:
        shutil.rmtree(tmp)


def source_doc(key, origin, url, meta, paras) -> dict:
    site = meta.get("site")
    return {"id": key, "origin": origin, "url": url, "lang": (meta.get("language") or "en")[:2],
            "title": clean_title(meta.get("title"), site), "site": site, "authors": meta.get("authors") or [],
            "date": meta.get("date"), "paragraphs": paras}


def article_region(paras: list[str], with_chunks: list[str], without_chunks: list[str]):
    """The paragraphs from the first to the last `with` chunk, widened by prose paragraphs on either side."""
    plain = [lenient(p) for p in paras]
    full = " ".join(plain)
    starts, o = [], 0
    for p in plain:
        starts.append(o)
        o += len(p) + 1
    idx = []
    for chunk in with_chunks:
        c = lenient(chunk)
        k = full.find(c)
        if not c or k < 0:
            return "with chunk not found"
        idx += [bisect.bisect_right(starts, k) - 1, bisect.bisect_right(starts, k + len(c) - 1) - 1]
    a, b = min(idx), max(idx)
    while a > 0 and is_prose(paras[a - 1]):
        a -= 1
    while b + 1 < len(paras) and is_prose(paras[b + 1]):
        b += 1
    region = paras[a:b + 1]
    joined = " ".join(plain[a:b + 1])
    if any(lenient(w) and lenient(w) in joined for w in without_chunks):
        return "without chunk inside"
    if len(region) < 4 or sum(map(len, region)) < 1200:
        return "too short"
    return region


# --------------------------------------------------------------------------------------------------------------
# Step 2: generate
# --------------------------------------------------------------------------------------------------------------

class Para:
    """A paragraph as tokens: expected markup, plain (lenient) text and raw markup, aligned one to one."""

    def __init__(self, text: str):
        self.exp = text.split(" ")
        self.plain = lenient(text).split(" ")
        self.raw = list(self.exp)
        self.ok = len(self.plain) == len(self.exp)
        # Boundaries (before token k) that may not be broken: inside a link.
        self.locked: set[int] = set()
        self.linked: set[int] = set()
        for m in LINK_RE.finditer(text):
            a = text.count(" ", 0, m.start())
            b = text.count(" ", 0, m.end())
            self.locked.update(range(a + 1, b + 1))
            self.linked.update(range(a, b + 1))

    def text(self, which: str) -> str:
        return " ".join(getattr(self, which))


PUNCT_LEAD = "\"'“‘«(¿¡„"
PUNCT_TAIL = ".,;:!?\"'”’»)…"


def wrap_span(tokens: list[str], i: int, j: int, target: str) -> str | None:
    """Wraps tokens i..j in a link `[..](target)`, punctuation outside. Returns the link text."""
    first, last = tokens[i], tokens[j]
    lead = first[: len(first) - len(first.lstrip(PUNCT_LEAD))]
    tail = last[len(last.rstrip(PUNCT_TAIL)):]
    inner = [t for t in tokens[i:j + 1]]
    inner[0] = inner[0][len(lead):]
    inner[-1] = inner[-1][: len(inner[-1]) - len(tail)] if tail else inner[-1]
    text = " ".join(inner)
    if not text or not re.search(r"\w", text) or "[" in text or "]" in text:
        return None
    if i == j:
        tokens[i] = f"{lead}[{text}]({target}){tail}"
    else:
        tokens[i] = f"{lead}[{inner[0]}"
        for k in range(i + 1, j):
            tokens[k] = inner[k - i]
        tokens[j] = f"{inner[-1]}]({target}){tail}"
    return text


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return "-".join(s.split("-")[:6]) or "article"


def ascii_domain(site: str, lang: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "", site.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"))
    tld = {"en": "com", "de": "de", "es": "es", "fr": "fr", "pl": "pl", "pt": "com.br", "it": "it", "ru": "ru"}
    return (base or "news") + "." + tld.get(lang, "com")


class Doc:
    def __init__(self, src: dict, seed: int, others: list[dict]):
        self.src = src
        self.id = src["id"]
        self.rng = random.Random(hashlib.sha256(f"{seed}|{self.id}".encode()).digest())
        lang = src["lang"] if src["lang"] in V.LANGS else "en"
        self.lang = lang
        self.paras = [Para(p) for p in src["paragraphs"]]
        self.damages: list[dict] = []
        self.next_id = 0
        rng = self.rng
        self.site = src.get("site") or self._invent_site()
        self.domain = ascii_domain(self.site, lang) if not src.get("url") else re.sub(
            r"^https?://(www\.)?([^/]+).*$", r"\2", src["url"])
        self.url = src.get("url") or f"https://www.{self.domain}/{rng.choice(V.SECTIONS[lang]).lower()}/{slug(src['title'] or self.id)}"
        self.title = src.get("title")
        self.day = self._date()
        self.others = [o["title"] for o in others if o.get("title") and o["id"] != self.id][:40]

    # -- vocabulary ---------------------------------------------------------------------------------------------

    def vocab(self, table: dict) -> list[str]:
        """The templates in the document's language, or sometimes English ones (sites mix them)."""
        lang = self.lang if self.rng.random() < CONFIG["p_native_vocab"] else "en"
        return table.get(lang) or table["en"]

    def pick(self, table: dict) -> str:
        return self.rng.choice(self.vocab(table))

    def _invent_site(self) -> str:
        lang = self.src["lang"] if self.src["lang"] in V.LANGS else "en"
        return self.rng.choice(V.SITE_TEMPLATES[lang]).format(City=self.rng.choice(V.CITIES[lang]))

    def _date(self) -> datetime.datetime:
        if self.src.get("date") and re.match(r"\d{4}-\d\d-\d\d", self.src["date"]):
            d = datetime.date.fromisoformat(self.src["date"][:10])
        else:
            d = datetime.date(2015, 1, 1) + datetime.timedelta(days=self.rng.randrange(2900))
        return datetime.datetime(d.year, d.month, d.day, self.rng.randrange(6, 23), self.rng.randrange(60))

    def fill(self, template: str, **extra) -> str:
        d = self.day
        lang = self.lang
        month = V.MONTHS[lang][d.month - 1]
        values = {
            "site": self.site, "SITE": self.site.upper(), "domain": self.domain, "url": self.url,
            "d": d.day, "dd": f"{d.day:02}", "m": d.month, "mm": f"{d.month:02}", "yy": f"{d.year % 100:02}",
            "yyyy": d.year, "HH": f"{d.hour:02}", "MM": f"{d.minute:02}", "h": (d.hour - 1) % 12 + 1,
            "ampm": "p.m." if d.hour >= 12 else "a.m.", "Month": month, "Mon": month[:3] + ".",
            "date": f"{d.day:02}.{d.month:02}.{d.year}" if lang in ("de", "pl", "ru") else
            f"{d.day} {month} {d.year}" if lang != "en" else f"{month} {d.day}, {d.year}",
            "k": self.rng.randrange(2, 48), "title": self.title or self.site, "handle": slug(self.site).replace("-", ""),
            "other": self.rng.choice(self.others) if self.others else self.site,
        }
        values.update(extra)
        return template.format(**values)

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id - 1

    # -- links ----------------------------------------------------------------------------------------------------

    def spans(self, p: Para, width: int) -> list[int]:
        n = len(p.exp)
        return [i for i in range(1, n - width - 1)
                if not any(k in p.linked for k in range(i, i + width))
                and all(re.search(r"\w", t) for t in p.exp[i:i + width])]

    def inject_links(self) -> None:
        rng = self.rng
        prose = [i for i, p in enumerate(self.paras) if p.ok and is_prose(p.text("exp"))]
        if not prose:
            return
        if rng.random() < CONFIG["p_real_links"]:
            for _ in range(rng.randint(1, CONFIG["max_real_links"])):
                j = rng.choice(prose)
                p = self.paras[j]
                w = rng.randint(1, 4)
                cands = self.spans(p, w)
                if not cands:
                    continue
                i = rng.choice(cands)
                sec = rng.choice(V.SECTIONS[self.lang]).lower()
                url = rng.choice([f"https://www.{self.domain}/{sec}/{slug(' '.join(p.plain[i:i + w]))}",
                                  f"/{sec}/{slug(' '.join(p.plain[i:i + w]))}.html", self.url])
                text = wrap_span(p.exp, i, i + w - 1, url)
                if text is None:
                    continue
                p.raw = list(p.exp)
                p.locked.update(range(i + 1, i + w))
                p.linked.update(range(i, i + w))
                self.add(kind="real_link", para=j, text=text, url=url, markdown=f"[{text}]({url})")
        for _ in range(rng.randint(CONFIG["min_placeholders"], CONFIG["max_placeholders"])):
            j = rng.choice(prose)
            p = self.paras[j]
            w = rng.randint(1, 4)
            cands = self.spans(p, w)
            if not cands:
                continue
            i = rng.choice(cands)
            target, sub = rng.choice(V.PLACEHOLDER_TARGETS)
            text = wrap_span(p.raw, i, i + w - 1, target)
            if text is None:
                continue
            p.locked.update(range(i + 1, i + w))
            p.linked.update(range(i, i + w))
            self.add(kind="placeholder", subkind=sub, para=j, text=text, target=target,
                     markdown=f"[{text}]({target})")

    def add(self, **d) -> dict:
        d["id"] = self.new_id()
        self.damages.append(d)
        return d

    # -- page breaks ---------------------------------------------------------------------------------------------

    def plan_breaks(self) -> None:
        rng = self.rng
        total = sum(len(p.text("plain")) for p in self.paras)
        page = CONFIG["page_chars"] * (1 + rng.uniform(-1, 1) * CONFIG["page_chars_jitter"])
        nb = max(CONFIG["min_page_breaks"], min(CONFIG["max_page_breaks"], round(total / page)))
        weights = dict(self._style_weights())
        self.style = rng.choices(list(weights), list(weights.values()))[0]
        self.pages = nb + 1
        self.breaks: dict[int, list[dict]] = collections.defaultdict(list)  # para -> in-paragraph events
        self.boundary: dict[int, dict] = {}  # para j -> event between j and j+1
        starts, o = [], 0
        for p in self.paras:
            starts.append(o)
            o += len(p.text("plain")) + 1
        self.full_plain = "\u2029".join(p.text("plain") for p in self.paras)
        page_no = 0
        for b in range(nb):
            target = (b + 1) * total / (nb + 1) + rng.uniform(-0.15, 0.15) * total / (nb + 1)
            j = max(0, bisect.bisect_right(starts, target) - 1)
            local = int(target - starts[j])
            event = None
            if rng.random() >= CONFIG["p_boundary_event"]:
                event = self._in_paragraph(j, local)
            if event is None:
                event = self._at_boundary(j)
            if event is None:
                continue
            page_no += 1
            event["page"] = page_no
        self._number_pages()

    def _style_weights(self):
        return CONFIG["furniture_styles"].items()

    def _in_paragraph(self, j: int, local: int) -> dict | None:
        rng = self.rng
        p = self.paras[j]
        text = p.text("exp")
        if not p.ok or not is_prose(text):
            return None
        kinds = CONFIG["kind_weights"]
        kind = rng.choices(list(kinds), list(kinds.values()))[0]
        cands = self._positions(j, kind)
        # Hyphenated words are rarer than word boundaries: look for one in the next paragraphs too, as a page
        # boundary a little further on would fall there.
        for jj in range(j + 1, min(len(self.paras), j + 4)):
            if cands or kind not in ("hyphen_soft", "hyphen_compound"):
                break
            if self.paras[jj].ok and is_prose(self.paras[jj].text("exp")):
                cands = self._positions(jj, kind)
                if cands:
                    j, local = jj, 0
                    p = self.paras[j]
        if not cands and kind != "split":
            kind = "split"
            cands = self._positions(j, kind)
        if not cands:
            return None
        if kind == "split" and rng.random() < CONFIG["p_prefer_upper"]:
            upper = [c for c in cands if c["next_upper"]]
            cands = upper or cands
        cands.sort(key=lambda c: abs(c["off"] - local) + rng.random() * 200)
        c = cands[0]
        ev = self.add(kind=kind, para=j, offset=c["off"], left_ctx=c["left"], right_ctx=c["right"],
                      joiner=c["joiner"], next_upper=c["next_upper"], prev_char=c["prev_char"], furniture=[],
                      furniture_ids=[])
        if "word" in c:
            ev["word"] = c["word"]
            ev["subkind"] = "next_upper" if c["next_upper"] else "next_lower"
        ev["_at"] = (c["tok"], c["cut"], c["hyphen"])
        self.breaks[j].append(ev)
        return ev

    def _positions(self, j: int, kind: str) -> list[dict]:
        p = self.paras[j]
        n = len(p.plain)
        side = CONFIG["min_side_words"]
        taken = [ev["_at"][0] for ev in self.breaks[j]]
        out = []
        for k in range(side, n - side + 1):
            if any(abs(k - t) < side for t in taken):
                continue
            prev_tok, tok = p.plain[k - 1], p.plain[k]
            if kind in ("split", "split_sentence"):
                if k in p.locked or k - 1 in p.linked and k in p.linked:
                    continue
                if prev_tok.endswith((":", "—", "–")) or prev_tok in ("-", "—", "–") or LIST_START.match(tok):
                    continue
                ends = TERMINAL_END.search(prev_tok) is not None
                if (kind == "split") == ends:
                    continue
                out.append(self._cand(j, k, 0, "", " "))
            elif kind == "hyphen_soft":
                word = tok
                if k in p.linked or not re.fullmatch(r"[^\W\d_]{8,}[.,;]?", word) or not word[0].islower():
                    continue
                core = word.rstrip(".,;")
                h = self._hyphen_point(core)
                if h is None:
                    continue
                hyph = (core[:h] + "-" + core[h:]).lower()
                if hyph in self.full_plain.lower():
                    continue
                c = self._cand(j, k, h, "-", "")
                if c:
                    c["word"] = core
                out.append(c)
            elif kind == "hyphen_compound":
                word = tok
                if k in p.linked:
                    continue
                m = re.fullmatch(r"[(\"“„']?(\w+(?:-\w+)+)[.,;:!?\"”)']*", word)
                if not m or "_" in word:
                    continue
                core = m.group(1)
                lead = word.index(core)
                hs = [i for i, ch in enumerate(core) if ch == "-"]
                h = self.rng.choice(hs)
                if core.replace("-", "").lower() in self.full_plain.lower().replace(core.lower(), ""):
                    continue
                c = self._cand(j, k, lead + h + 1, "", "")
                if c:
                    c["word"] = core
                out.append(c)
        return [c for c in out if c]

    def _hyphen_point(self, word: str) -> int | None:
        vowels = "aeiouyäöüéèáíóúàâêîôûąęóëïœæåøа еиоуыэюяё".replace(" ", "")
        points = [i for i in range(3, len(word) - 2)
                  if word[i - 1].lower() in vowels and word[i].lower() not in vowels]
        return self.rng.choice(points) if points else None

    def _cand(self, j: int, k: int, cut: int, add: str, joiner: str) -> dict | None:
        """A break before token k (cut=0) or inside it after `cut` characters; `add` is what raw adds (`-`)."""
        p = self.paras[j]
        plain = p.text("plain")
        off = len(" ".join(p.plain[:k])) + (1 if k > 0 else 0) + cut
        left = plain[:off].rstrip(" ") if cut == 0 else plain[:off]
        right = plain[off:]
        ctx = CONFIG["ctx_chars"]
        lc = left[-ctx:]
        if len(left) > ctx and left[-ctx - 1] != " ":
            lc = lc.split(" ", 1)[1] if " " in lc else lc
        rc = right[:ctx]
        if len(right) > ctx and right[ctx] != " ":
            rc = rc.rsplit(" ", 1)[0] if " " in rc else rc
        if not lc.strip() or not rc.strip():
            return None
        joined = lc + joiner + rc
        if self.full_plain.count(joined) != 1:
            return None
        first = rc.lstrip(PUNCT_LEAD)[:1]
        return {"tok": k, "cut": cut, "hyphen": add, "off": off, "left": lc, "right": rc, "joiner": joiner,
                "next_upper": first.isupper() or rc[:1] in PUNCT_LEAD and first.isupper(),
                "prev_char": lc[-1:] if joiner else ""}

    def _at_boundary(self, j: int) -> dict | None:
        if self.style == "none":
            return None
        n = len(self.paras)
        for jj in sorted(range(n - 1), key=lambda x: abs(x - j)):
            if jj in self.boundary:
                continue
            a, b = self.paras[jj].text("exp"), self.paras[jj + 1].text("exp")
            # Never where the boundary itself looks like a split.
            if not TERMINAL_END.search(a) and b[:1].islower():
                continue
            ev = self.add(kind="page_break_boundary", para=jj, style=self.style, furniture=[], furniture_ids=[])
            self.boundary[jj] = ev
            return ev
        return None

    # -- furniture -------------------------------------------------------------------------------------------------

    def _number_pages(self) -> None:
        """Furniture lines of every event, now that the page count is known."""
        rng = self.rng
        events = sorted([e for evs in self.breaks.values() for e in evs] + list(self.boundary.values()),
                        key=lambda e: e["page"])
        self.pages = len(events) + 1
        for i, e in enumerate(events):
            e["page"] = i + 1
        style = self.style
        lang = self.lang
        self.page_fmt = rng.choice(V.PAGE_NUMBERS["any"] + V.PAGE_NUMBERS.get(lang, V.PAGE_NUMBERS["en"]) * 2)
        self.header_fmt = rng.choice(V.RUNNING_HEADERS)
        if style == "header_with_number":
            self.header_fmt = rng.choice([h for h in V.RUNNING_HEADERS if "{n}" in h])
        if style == "section_header":
            self.header_fmt = rng.choice([h for h in V.RUNNING_HEADERS if "{section}" in h])
        self.sections = rng.sample(V.SECTIONS[lang], k=min(3, len(V.SECTIONS[lang])))
        self.section_every = rng.choice([1, 2])
        self.printed_fmt = self.pick(V.FOOTERS_PRINTED)
        self.continued_fmt = self.pick(V.FOOTERS_CONTINUED)
        self.counted_fmt = rng.choice(V.COUNTED_URL)
        self.browser_fmt = rng.choice(V.BROWSER_HEADERS)
        words = (self.title or self.site).split()
        cut = rng.randint(3, 6)
        self.short = " ".join(words[:cut]) if len(words) > cut else (self.title or self.site)
        for e in events:
            in_par = e["kind"] != "page_break_boundary"
            if style == "none" or (in_par and rng.random() >= CONFIG["p_furniture"]):
                continue
            for sub, line in self.furniture_lines(e["page"]):
                e["furniture"].append(line)
                f = self.add(kind="furniture", subkind=sub, event=e["id"], page=e["page"], para=e["para"], text=line)
                e["furniture_ids"].append(f["id"])

    def header(self, n: int) -> str:
        section = self.sections[((n - 1) // self.section_every) % len(self.sections)]
        return self.fill(self.header_fmt, n=n, N=self.pages, section=section, short=self.short)

    def furniture_lines(self, n: int) -> list[tuple[str, str]]:
        """The lines at the boundary after page n: the bottom of page n, then the top of page n + 1."""
        s, rng = self.style, self.rng
        N = self.pages
        pn = ("page_number", self.page_fmt.format(n=n, N=N))
        hdr = ("running_header", self.header(n + 1))
        if s == "page_number":
            return [pn]
        if s in ("running_header", "header_with_number", "section_header"):
            return [hdr]
        if s == "header+page_number":
            return [pn, hdr] if rng.random() < 0.7 else [hdr, ("page_number", self.page_fmt.format(n=n + 1, N=N))]
        if s == "footer+page_number":
            return [("footer", self.fill(self.printed_fmt)), pn]
        if s == "continued+page_number":
            return [("footer", self.fill(self.continued_fmt, next=n + 1)), pn]
        if s == "counted_url":
            return [("footer", self.fill(self.counted_fmt, n=n, N=N))]
        if s == "browser_print":
            return [("footer", self.fill(self.counted_fmt, n=n, N=N)), ("running_header", self.fill(self.browser_fmt))]
        return []

    # -- top and bottom --------------------------------------------------------------------------------------------

    def top_lines(self) -> list[tuple[str, str]]:
        rng, lang = self.rng, self.lang
        out: list[tuple[str, str]] = []
        if rng.random() < 0.1:
            out.append(("cookie", self.pick(V.COOKIES)))
        if rng.random() < 0.35:
            skip = self.pick(V.SKIP_LINKS)
            out.append(("skip_link", f"[{skip}](#main)" if rng.random() < 0.2 else skip))
        if rng.random() < 0.55:
            out.extend(("nav", line) for line in self.nav_lines())
        if self.style in ("running_header", "header_with_number", "section_header", "header+page_number") \
                and rng.random() < CONFIG["p_header_on_first_page"]:
            out.insert(0, ("running_header", self.header(1)))
        if rng.random() < 0.7:
            out.append(("site_name", rng.choice([self.site, self.site, self.site.upper(), self.domain])))
        if self.title and rng.random() < 0.7:
            t = self.title
            shape = rng.choice(V.TITLE_SHAPES)
            out.append(("title", shape.format(t=t, T=t.upper(), site=self.site, url=self.url)))
        meta = []
        if rng.random() < 0.5:
            a = self.src["authors"][0] if self.src["authors"] else rng.choice(V.NAMES[lang])
            meta.append(("byline", self.pick(V.BYLINES).format(a=a)))
        if rng.random() < 0.55:
            meta.append(("date", self.fill(self.pick(V.DATES))))
        if rng.random() < 0.3:
            meta.append(("other", self.fill(self.pick(V.TOP_OTHER))))
        rng.shuffle(meta)
        out.extend(meta)
        return out

    def nav_lines(self) -> list[str]:
        rng, lang = self.rng, self.lang
        secs = rng.sample(V.SECTIONS[lang], k=min(len(V.SECTIONS[lang]), rng.randint(3, 5)))
        kind = rng.choice(["breadcrumb", "breadcrumb", "menu", "vertical", "label", "linked"])
        home = rng.choice(V.HOME.get(lang, V.HOME["en"]))
        if kind == "breadcrumb":
            sep = rng.choice(V.BREADCRUMB_SEPARATORS)
            line = sep.join([home] + secs[:rng.randint(1, 2)])
            return [(V.HERE[lang] if rng.random() < 0.3 else "") + line]
        if kind == "menu":
            return [rng.choice(V.MENU_SEPARATORS).join(secs)]
        if kind == "vertical":
            return secs
        if kind == "label":
            return [self.pick(V.MENU_LABELS)]
        sep = rng.choice(V.BREADCRUMB_SEPARATORS)
        return [sep.join(f"[{s}](/{slug(s) or 'x'}/)" for s in [home] + secs[:2])]

    def bottom_lines(self) -> list[tuple[str, str]]:
        rng = self.rng
        pool = [
            lambda: [self.pick(V.SHARE)],
            lambda: self.read_more(),
            lambda: [self.fill(self.pick(V.NEXT_PREV))],
            lambda: [self.pick(V.COOKIES)],
            lambda: [self.pick(V.NEWSLETTER)],
            lambda: [self.fill(self.pick(V.COMMENTS))],
            lambda: [self.pick(V.BACK_TO_TOP)],
            lambda: [self.tags()],
            lambda: [self.pick(V.FOOTER_MENUS)],
            lambda: [self.fill(self.pick(V.FOLLOW))],
            lambda: [self.fill(self.pick(V.COPYRIGHT))],
        ]
        out = []
        for make in rng.sample(pool, k=rng.randint(1, 4)):
            out.extend(line for line in make() if line)
        return [("bottom", line) for line in out]

    def read_more(self) -> list[str]:
        rng = self.rng
        head = self.fill(self.pick(V.READ_MORE))
        if "{other}" in head or not self.others or rng.random() < 0.4:
            return [head]
        titles = rng.sample(self.others, k=min(len(self.others), rng.randint(1, 3)))
        bullet = rng.choice(["", "→ ", "» ", "- "])
        return [head] + [f"{bullet}[{t}](https://www.{self.domain}/{slug(t)})" if rng.random() < 0.6 else bullet + t
                         for t in titles]

    def tags(self) -> str:
        words = sorted({w.strip(".,;:!?\"“”()") for p in self.paras for w in p.plain
                        if re.fullmatch(r"[A-ZÄÖÜ][\w-]{3,}[.,]?", w)})
        picks = self.rng.sample(words, k=3) if len(words) >= 3 else ["News", "Local", "Update"]
        return self.fill(self.pick(V.TAGS), t1=picks[0], t2=picks[1], t3=picks[2])

    # -- output ------------------------------------------------------------------------------------------------------

    def build(self) -> tuple[str, str, dict]:
        self.inject_links()
        self.plan_breaks()
        rng = self.rng
        expected = [p.text("exp") for p in self.paras]
        forbidden = set(expected) | {lenient(e) for e in expected}
        heads = [lenient(e) for e in expected[:3]]

        def fits(line: str) -> bool:
            ll = lenient(line)
            return bool(ll) and ll not in forbidden and not any(ll in h or (h in ll and len(h) <= 80) for h in heads)

        # (text, role, damage or event): role is top, body (a paragraph or a piece of one), furniture or bottom.
        blocks: list[tuple[str, str, dict | None]] = []
        for sub, line in self.top_lines():
            if fits(line):
                blocks.append((line, "top", self.add(kind="boilerplate", subkind=sub, where="top", text=line)))
        for j, p in enumerate(self.paras):
            events = sorted(self.breaks.get(j, []), key=lambda e: e["_at"][0])
            pieces = self.pieces(p, events)
            for i, piece in enumerate(pieces):
                blocks.append((piece, "body", events[i] if i < len(events) else None))
                if i < len(events):
                    blocks.extend(self.furniture_blocks(events[i], forbidden))
            if j in self.boundary:
                blocks.extend(self.furniture_blocks(self.boundary[j], forbidden))
        for sub, line in self.bottom_lines():
            if fits(line):
                blocks.append((line, "bottom", self.add(kind="boilerplate", subkind=sub, where="bottom", text=line)))
        texts = self.whitespace(blocks)
        raw, line = [], 1
        for (text, role, d), (sep, body) in zip(blocks, texts):
            line += sep.count("\n")
            if d is not None:
                d.setdefault("raw_line", line)
            raw.append(sep + body)
            line += body.count("\n")
        for e in self.damages:
            e.setdefault("raw_line", 0)
            e.pop("_at", None)
        raw_text = "".join(raw) + "\n"
        if rng.random() < CONFIG["p_front_matter"] and self.title:
            fm = f"---\ntitle: {json.dumps(self.title, ensure_ascii=False)}\nurl: {self.url}\n---\n"
            raw_text = fm + raw_text
        expected_text = "\n\n".join(expected) + "\n"
        return raw_text, expected_text, self.manifest(expected)

    def furniture_blocks(self, ev: dict, forbidden: set[str]) -> list[tuple[str, str, dict]]:
        """The furniture lines of an event; a line that equals a paragraph would be ambiguous and is dropped."""
        out = []
        for fid, line in list(zip(ev["furniture_ids"], ev["furniture"])):
            d = self.damage(fid)
            if lenient(line) and lenient(line) not in forbidden:
                out.append((line, "furniture", d))
                continue
            self.damages.remove(d)
            k = ev["furniture_ids"].index(fid)
            del ev["furniture_ids"][k]
            del ev["furniture"][k]
        return out

    def damage(self, did: int) -> dict:
        return next(d for d in self.damages if d["id"] == did)

    def pieces(self, p: Para, events: list[dict]) -> list[str]:
        out, tokens = [], list(p.raw)
        start = 0
        for ev in sorted(events, key=lambda e: e["_at"][0]):
            k, cut, add = ev["_at"]
            if cut == 0:
                out.append(" ".join(tokens[start:k]))
                start = k
            else:
                word = tokens[k]
                out.append(" ".join(tokens[start:k] + [word[:cut] + add]))
                tokens[k] = word[cut:]
                start = k
        out.append(" ".join(tokens[start:]))
        return out

    def whitespace(self, blocks: list[tuple[str, str, dict | None]]) -> list[tuple[str, str]]:
        """Separators and texts, with stray whitespace injected into body blocks."""
        rng = self.rng
        seps = ["" if i == 0 else "\n\n" for i in range(len(blocks))]
        texts = [b[0] for b in blocks]
        body = [i for i, b in enumerate(blocks) if b[1] == "body" and len(b[0].split()) >= 6]
        lo, hi = CONFIG["whitespace_events"]
        for _ in range(rng.randint(lo, hi)):
            if not body:
                break
            kind = rng.choices(["trailing_space", "nbsp", "blank_lines", "soft_hyphen", "zero_width",
                                "leading_blank_lines"], [3, 3, 2, 2, 2, 1])[0]
            i = rng.choice(body)
            t = texts[i]
            if kind == "trailing_space":
                texts[i] = t + rng.choice([" ", "  ", "\t"])
            elif kind == "nbsp":
                spaces = [m.start() for m in re.finditer(" ", t)]
                for s in rng.sample(spaces, k=min(len(spaces), rng.randint(1, 3))):
                    t = t[:s] + "\u00a0" + t[s + 1:]
                texts[i] = t
            elif kind == "blank_lines" and i > 0:
                seps[i] = "\n" * rng.randint(4, 6)
            elif kind in ("soft_hyphen", "zero_width"):
                links = [range(m.start(), m.end()) for m in LINK_RE.finditer(t)]
                words = [m for m in re.finditer(r"[^\W\d_]{6,}", t) if not any(m.start() in r for r in links)]
                if words:
                    m = rng.choice(words)
                    ch = "\u00ad" if kind == "soft_hyphen" else rng.choice(["\u200b", "\u2060", "\ufeff"])
                    at = m.start() + rng.randint(2, len(m.group(0)) - 2) if kind == "soft_hyphen" else \
                        rng.choice([m.start(), m.start() + len(m.group(0)) // 2, m.end()])
                    texts[i] = t[:at] + ch + t[at:]
            elif kind == "leading_blank_lines":
                seps[0] = "\n" * rng.randint(1, 4)
            else:
                continue
            self.add(kind="whitespace", subkind=kind)
        return list(zip(seps, texts))

    def manifest(self, expected: list[str]) -> dict:
        look = [j for j in range(len(expected) - 1)
                if not TERMINAL_END.search(expected[j]) and expected[j + 1][:1].islower()]
        damages = sorted(self.damages, key=lambda d: (d["raw_line"], d["id"]))
        counts = collections.Counter(d["kind"] for d in damages)
        sub = collections.Counter(d["kind"] + ":" + d["subkind"] for d in damages if d.get("subkind"))
        return {"id": self.id, "url": self.url, "origin": self.src["origin"], "lang": self.lang,
                "title": self.title, "site_name": self.site, "furniture_style": self.style,
                "n_paragraphs": len(expected), "lookalike_boundaries": look, "counts": dict(sorted(counts.items())),
                "subkind_counts": dict(sorted(sub.items())), "generator_version": GENERATOR_VERSION,
                "damages": damages}


def fits_furniture(text: str, forbidden: set[str]) -> bool:
    return bool(lenient(text)) and lenient(text) not in forbidden


def half(doc_id: str) -> str:
    return "a" if hashlib.sha256(doc_id.encode()).digest()[0] % 2 == 0 else "b"


def choose_docs(docs: list[dict]) -> list[dict]:
    """All AEB texts, all trafeval texts not in German, and German ones up to 80, picked by a hash of the id."""
    german = sorted((d for d in docs if d["origin"] == "trafeval" and d["lang"] == "de"),
                    key=lambda d: hashlib.sha256(d["id"].encode()).hexdigest())[:80]
    keep = {d["id"] for d in german}
    return [d for d in docs if d["origin"] == "aeb" or d["lang"] != "de" or d["id"] in keep]


def generate(args) -> None:
    src = json.load(open(args.sources, encoding="utf-8"))
    docs = choose_docs(src["docs"])
    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    totals = {h: collections.Counter() for h in "ab"}
    subtotals = {h: collections.Counter() for h in "ab"}
    ndocs = collections.Counter()
    langs = {h: collections.Counter() for h in "ab"}
    for d in docs:
        same_lang = [o for o in src["docs"] if o["lang"] == d["lang"]] or src["docs"]
        raw, expected, manifest = Doc(d, args.seed, same_lang).build()
        h = half(d["id"])
        manifest["split"] = h
        manifest["seed"] = args.seed
        for sub in ("raw", "expected", "manifest"):
            os.makedirs(os.path.join(args.out, h, sub), exist_ok=True)
        with open(os.path.join(args.out, h, "raw", d["id"] + ".md"), "w", encoding="utf-8", newline="") as fh:
            fh.write(raw)
        with open(os.path.join(args.out, h, "expected", d["id"] + ".md"), "w", encoding="utf-8", newline="") as fh:
            fh.write(expected)
        with open(os.path.join(args.out, h, "manifest", d["id"] + ".json"), "w", encoding="utf-8") as fh:
            json.dump(manifest, fh, ensure_ascii=False, indent=1, sort_keys=True)
        totals[h].update(manifest["counts"])
        subtotals[h].update(manifest["subkind_counts"])
        langs[h][manifest["lang"]] += 1
        ndocs[h] += 1
    for h in "ab":
        summary = {"docs": ndocs[h], "seed": args.seed, "generator_version": GENERATOR_VERSION, "config": CONFIG,
                   "languages": dict(langs[h].most_common()), "damage_counts": dict(sorted(totals[h].items())),
                   "subkind_counts": dict(sorted(subtotals[h].items()))}
        with open(os.path.join(args.out, h, "summary.json"), "w", encoding="utf-8") as fh:
            json.dump(summary, fh, ensure_ascii=False, indent=1, sort_keys=True)
        print(f"half {h}: {ndocs[h]} docs, languages {dict(langs[h].most_common())}, "
              f"damages {dict(sorted(totals[h].items()))}", file=sys.stderr)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sources", help="collect the article texts (needs a rinse binary)")
    s.add_argument("--eval", default="../shared/eval")
    s.add_argument("--rinse", default="target/debug/rinse")
    s.add_argument("--out", required=True)
    g = sub.add_parser("generate", help="write the two halves of the generated set")
    g.add_argument("--sources", required=True)
    g.add_argument("--out", required=True)
    g.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = ap.parse_args(argv)
    if args.cmd == "sources":
        build_sources(args)
    else:
        generate(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
