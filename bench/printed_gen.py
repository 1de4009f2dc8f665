#!/usr/bin/env python3
"""A second printed set, made the way ../shared/eval/printed/dev was made, from pages that set does not hold: real
trafeval pages (mostly German, also English, Spanish, French, Polish ...) printed to PDF by headless Chromium with
its default header and footer, their text taken out by pdftotext, and the page breaks, paragraph boundaries and
browser lines measured as that set's README describes, so that ../shared/eval/printed/score.py scores it as it is.
It checks that page-boundary repair on printed pages carries over to pages, languages and layouts nobody tuned on.

Source pages and their truth: the trafeval pages of bench/extract_gen.py's SOURCES.json (pages whose rinse output
held every `with` chunk of trafeval's truth and no `without` chunk; that output, frozen, is the page's article
text). The truth comes from an extractor, so read body F1 as agreement; page breaks, false joins and header/footer
lines are measured against the printed text itself and do not depend on it.

How a page is printed (as ../shared/eval/printed/README.md says for dev): served unchanged from a local server
that answers every host name, so Chromium loads it under its own URL (the page's canonical or og:url, else a
made-up one) and prints that URL in its footer; images are a 1x1 transparent PNG, stylesheets, scripts and frames
empty, and no script runs (a Content-Security-Policy header blocks them); Chromium's default print settings (US Letter, default margins, date stamp and title on
top, URL and n/N at the bottom). Then `pdftotext` (reading order, the default).

How it is measured: the browser's lines are found on each printed page (date stamp, title, URL, n/N, each as
printed); each truth paragraph is located in the rest of the text by its word characters, lower-cased (wraps,
punctuation and pdftotext's dropped hyphens ignored); a form feed inside a located paragraph is a page break inside
it (breaks.json), and consecutive located paragraphs give the true boundaries (boundaries.json).

Usage:
  printed_gen.py build --sources SOURCES.json --out DIR [--count N]   (prints, extracts and measures)
  printed_gen.py measure --dir DIR                                   (measures again from DIR/raw)
Needs /usr/bin/chromium and pdftotext (Debian's chromium and poppler-utils). Python 3.11 standard library only.
"""
from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import html
import http.server
import json
import os
import re
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
from pathlib import Path

CHROMIUM = "/usr/lib/chromium/chromium"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
# Chromium's date stamp: `12/7/26, 4:30 AM`.
DATE_STAMP = re.compile(r"^\d{1,2}/\d{1,2}/\d{2}, \d{1,2}:\d{2}\s?[AP]M$")
PAGE_NUMBER = re.compile(r"^(\d+)/(\d+)$")
# Characters of context on each side of a break or boundary, as in the dev set.
CONTEXT = 40


def page_url(raw: bytes, doc_id: str) -> str:
    text = raw[:200_000].decode("utf-8", "replace")
    for pattern in (
        r'<link[^>]+rel=["\']?canonical["\']?[^>]*href=["\']([^"\']+)',
        r'<link[^>]+href=["\']([^"\']+)["\'][^>]*rel=["\']?canonical',
        r'<meta[^>]+property=["\']og:url["\'][^>]*content=["\']([^"\']+)',
    ):
        m = re.search(pattern, text, re.I)
        if m and re.match(r"https?://[^/\s]+", m.group(1)):
            url = html.unescape(m.group(1)).strip()
            # Archived pages name the archive; the page's own URL follows it.
            inner = re.search(r"/web/\d+[a-z_]*/(https?://.+)$", url)
            return inner.group(1) if inner else url
    return f"https://www.example-{doc_id}.org/article/{doc_id}.html"


class Server:
    """Answers every host: the page for its own path, a 1x1 PNG for images, nothing for the rest."""

    def __init__(self):
        self.page: tuple[str, bytes] = ("", b"")
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                path, body = owner.page
                if self.path.split("?")[0] == path:
                    ctype, data = "text/html", body
                elif re.search(r"\.(png|jpe?g|gif|webp|svg|ico|avif)(\?|$)", self.path, re.I):
                    ctype, data = "image/png", PNG
                else:
                    ctype, data = "text/plain", b""
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                # No script runs: blocked by policy, the page's bytes unchanged (Chromium's
                # `scriptEnabled=false` setting also stops its printing).
                self.send_header("Content-Security-Policy", "script-src 'none'")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        # TLS with a throwaway self-signed certificate (Chromium runs with --ignore-certificate-errors), so that
        # https pages load, and print, under their own https URL.
        self.tls = tempfile.TemporaryDirectory()
        key, cert = (os.path.join(self.tls.name, n) for n in ("key.pem", "cert.pem"))
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                        "-days", "2", "-keyout", key, "-out", cert], check=True, capture_output=True)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


def print_page(server: Server, url: str, body: bytes, pdf: Path) -> bool:
    path = re.sub(r"^https?://[^/]+", "", url) or "/"
    server.page = (path.split("?")[0], body)
    with tempfile.TemporaryDirectory() as profile:
        cmd = [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-default-browser-check", "--disable-extensions", f"--user-data-dir={profile}",
            f"--host-resolver-rules=MAP * 127.0.0.1:{server.port}", "--ignore-certificate-errors",
            "--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable", "--lang=en-US",
            "--virtual-time-budget=5000", "--timeout=30000",
            f"--print-to-pdf={pdf}", url,
        ]
        try:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=90,
                           env={**os.environ, "TZ": "UTC"})
        except subprocess.TimeoutExpired:
            return False
    return pdf.exists() and pdf.stat().st_size > 0


def build(args) -> None:
    sources = json.loads(Path(args.sources).read_text(encoding="utf-8"))["docs"]
    docs = [d for d in sources if d["origin"] == "trafeval"]
    # A fixed, spread-out choice: by a hash of the id.
    docs.sort(key=lambda d: hashlib.sha256(d["id"].encode()).hexdigest())
    docs = docs[: args.count]
    out = Path(args.out)
    for sub in ("pdf", "raw"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    truth, log = {}, {}
    server = Server()
    for n, doc in enumerate(docs, 1):
        src = Path(doc["path"])
        if not src.is_absolute():
            src = Path(args.repo) / src
        raw = gzip.decompress(src.read_bytes()) if src.suffix == ".gz" else src.read_bytes()
        # Over TLS: the server speaks nothing else, and the printed footer shows the URL as loaded.
        url = re.sub(r"^http://", "https://", page_url(raw, doc["id"]))
        pdf = out / "pdf" / f"{doc['id']}.pdf"
        started = time.time()
        ok = pdf.exists() or print_page(server, url, raw, pdf)
        if ok:
            txt = out / "raw" / f"{doc['id']}.txt"
            if not txt.exists():
                subprocess.run(["pdftotext", str(pdf), str(txt)], check=True)
            truth[doc["id"]] = {"articleBody": doc["truth"], "url": url, "lang": doc.get("lang")}
        log[doc["id"]] = {"url": url, "ok": ok, "seconds": round(time.time() - started, 2)}
        print(f"{n}/{len(docs)} {doc['id']} {'ok' if ok else 'FAILED'}", file=sys.stderr)
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=0), encoding="utf-8")
    (out / "build-log.json").write_text(json.dumps(log, indent=1), encoding="utf-8")
    measure(out)


def reduce(text: str) -> tuple[str, list[int]]:
    """Word characters of `text`, lower-cased, and for each the index of its character in `text`."""
    chars, index = [], []
    for i, c in enumerate(text):
        if c.isalnum() or c == "_" or unicodedata.category(c).startswith("M"):
            chars.append(c.lower())
            index.append(i)
    return "".join(chars), index


def collapse(text: str) -> str:
    return " ".join(text.split())


def furniture_of(pages: list[list[str]], title: str, url: str) -> tuple[dict, list[set[int]]]:
    """The browser's lines on each printed page: their strings, and for each page the indexes of its lines that
    are browser lines."""
    dates, titles, urls, numbers = [], [], [], []
    found: list[set[int]] = []
    total = len(pages)
    title_c = collapse(title)
    for p, lines in enumerate(pages):
        mine: set[int] = set()
        # The browser prints the title once a page: the title itself, else the title elided (a line of the article
        # that looks like an elided title, its heading `Title …?` or a lone `…`, is text of the page).
        title_at = title_line(lines, title_c)
        for i, line in enumerate(lines):
            s = line.strip()
            if not s:
                continue
            m = PAGE_NUMBER.match(s)
            if DATE_STAMP.match(s):
                dates.append(s)
                mine.add(i)
            elif m and int(m.group(1)) == p + 1 and int(m.group(2)) == total:
                numbers.append(s)
                mine.add(i)
            elif i == title_at:
                titles.append(s)
                mine.add(i)
            elif s == url or ("…" in s and s.startswith(url.split("//")[0])
                              and all(part in url for part in s.split("…"))):
                urls.append(s)
                mine.add(i)
        found.append(mine)
    uniq = lambda xs: sorted(set(xs), key=xs.index)
    return {"pages": total, "date": uniq(dates), "title": uniq(titles), "url": uniq(urls),
            "page_numbers": uniq(numbers), "lines": len(dates) + len(titles) + len(urls) + len(numbers),
            "document_title": title_c}, found


def title_line(lines: list[str], title: str) -> int | None:
    """The index of the line of a page that is the browser's printed title: the title, else the title elided with
    `…` at its end, start or middle (some of the title on each side of the `…`); of several, the one nearest the
    page's date stamp (printed on the same row), else the first."""
    if not title:
        return None

    def elided(s: str) -> bool:
        if s.count("…") != 1 or len(s) >= len(title) + 1:
            return False
        head, tail = (part.strip() for part in s.split("…"))
        if not head and not tail:
            return False
        return title.startswith(head) and title.endswith(tail) and len(head) + len(tail) < len(title)

    stripped = [line.strip() for line in lines]
    exact = [i for i, s in enumerate(stripped) if s == title]
    candidates = exact or [i for i, s in enumerate(stripped) if s and elided(s)]
    if not candidates:
        return None
    dates = [i for i, s in enumerate(stripped) if DATE_STAMP.match(s)]
    if dates:
        return min(candidates, key=lambda i: (min(abs(i - d) for d in dates), i))
    return candidates[0]


def measure(out: Path) -> None:
    truth = json.loads((out / "truth.json").read_text(encoding="utf-8"))
    breaks, bounds, furniture, summary = {}, {}, {}, {"docs": 0, "breaks": 0, "boundaries": 0,
                                                       "located": 0, "paragraphs": 0}
    for doc_id, t in sorted(truth.items()):
        raw = (out / "raw" / f"{doc_id}.txt").read_text(encoding="utf-8")
        pages = [p.split("\n") for p in raw.split("\f")]
        if pages and pages[-1] == [""]:
            pages.pop()
        # The printed title is the document's title: the most common line right after a date stamp.
        after_date: dict[str, int] = {}
        for lines in pages:
            for i, line in enumerate(lines):
                if DATE_STAMP.match(line.strip()):
                    nxt = next((l.strip() for l in lines[i + 1:] if l.strip()), "")
                    after_date[nxt] = after_date.get(nxt, 0) + 1
        title = max(after_date, key=after_date.get) if after_date else ""
        f, found = furniture_of(pages, title, t["url"])
        # The body: the raw text with the browser's lines blanked out, a form feed kept where each page starts.
        body_parts = []
        for p, lines in enumerate(pages):
            kept = ["" if i in found[p] else line for i, line in enumerate(lines)]
            body_parts.append("\n".join(kept))
        body = "\f".join(body_parts)
        f["body_occurrences"] = {s: collapse(body).count(s) for s in f["date"] + f["title"] + f["url"]}
        f["page_number_body_occurrences"] = {
            s: len(re.findall(rf"(?<![\w/.:-]){re.escape(s)}(?![\w/])", collapse(body))) for s in f["page_numbers"]}
        furniture[doc_id] = f
        red, index = reduce(body)
        paragraphs = [p for p in re.split(r"\n", t["articleBody"]) if p.strip()]
        separators = []
        prev_end = 0
        for m in re.finditer(r"\n+", t["articleBody"].strip()):
            separators.append("blank" if m.group().count("\n") > 1 else "newline")
        spans: list[tuple[int, int] | None] = []
        for para in paragraphs:
            pr, _ = reduce(para)
            if len(pr) < 8:
                spans.append(None)
                continue
            at = red.find(pr, prev_end)
            if at < 0:
                spans.append(None)
                continue
            start, end = index[at], index[at + len(pr) - 1] + 1
            spans.append((start, end))
            prev_end = at + len(pr)
        summary["docs"] += 1
        summary["paragraphs"] += len(paragraphs)
        summary["located"] += sum(1 for s in spans if s)
        doc_breaks = []
        for k, (para, span) in enumerate(zip(paragraphs, spans)):
            if not span:
                continue
            start, end = span
            for fm in re.finditer("\f", body[start:end]):
                at = start + fm.start()
                left_raw = body[start:at]
                right_raw = body[at + 1:end]
                left = collapse(left_raw)[-CONTEXT:]
                right = collapse(right_raw)[:CONTEXT]
                # Cut at word boundaries, unless the whole side is shorter.
                if len(collapse(left_raw)) > CONTEXT and " " in left:
                    left = left[left.index(" ") + 1:]
                if len(collapse(right_raw)) > CONTEXT and " " in right:
                    right = right[: right.rindex(" ")]
                # The joiner: what the truth has between the last word character before the break and the first
                # after it.
                pr, pidx = reduce(para)
                lr, _ = reduce(left_raw)
                cut = len(lr)
                between = para[pidx[cut - 1] + 1: pidx[cut]] if 0 < cut < len(pidx) else " "
                entry = {"para_index": k, "page": body[:at].count("\f") + 1, "left_ctx": left,
                         "right_ctx": right, "joiner": " " if between.strip() == "" and between else "",
                         "furniture": []}
                if between.strip() in ("-", "‐") and not left_raw.rstrip().endswith(("-", "‐")):
                    entry["hyphen"] = "lost"
                if between and between.strip() and between.strip() not in ("-", "‐"):
                    entry["joiner"] = " " if " " in between else ""
                doc_breaks.append(entry)
        if doc_breaks:
            breaks[doc_id] = doc_breaks
            summary["breaks"] += len(doc_breaks)
        doc_bounds = []
        for k in range(len(paragraphs) - 1):
            a, b = spans[k], spans[k + 1]
            if not a or not b or b[0] < a[1]:
                continue
            gap = body[a[1]:b[0]]
            doc_bounds.append({
                "para_index": k,
                "truth_separator": separators[k] if k < len(separators) else "blank",
                "left_ctx": collapse(body[a[0]:a[1]])[-CONTEXT:].split(" ", 1)[-1]
                if len(collapse(body[a[0]:a[1]])) > CONTEXT else collapse(body[a[0]:a[1]]),
                "right_ctx": collapse(body[b[0]:b[1]])[:CONTEXT].rsplit(" ", 1)[0]
                if len(collapse(body[b[0]:b[1]])) > CONTEXT else collapse(body[b[0]:b[1]]),
                "blank_line_between": bool(re.search(r"\n[ \t\f]*\n", gap)) or "\f" in gap,
                "page_break_between": "\f" in gap,
                "lines_between": gap.count("\n"),
            })
        bounds[doc_id] = doc_bounds
        summary["boundaries"] += sum(1 for b in doc_bounds if b["truth_separator"] == "blank")
    for name, data in (("breaks", breaks), ("boundaries", bounds), ("furniture", furniture),
                       ("measure-summary", summary)):
        (out / f"{name}.json").write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
    print(json.dumps(summary), file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--sources", required=True)
    b.add_argument("--out", required=True)
    b.add_argument("--count", type=int, default=120)
    b.add_argument("--repo", default=".", help="folder the sources' relative paths start from")
    m = sub.add_parser("measure")
    m.add_argument("--dir", required=True)
    args = ap.parse_args()
    if args.cmd == "build":
        build(args)
    else:
        measure(Path(args.dir))


if __name__ == "__main__":
    main()
