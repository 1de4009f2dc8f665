#!/usr/bin/env bash
# The adversarial catalog (issue 17): generates hostile inputs in families (markup-dense HTML, deep nesting,
# decompression bombs, YAML alias bombs, huge front matter, WARC variants, JSONL, sitemaps, rule files, path tricks,
# markdown and paged text, PDF bombs), runs `rinse` on each under `/usr/bin/time -v` with a timeout, and prints per
# family: cases, passed, failed, worst seconds per MB and worst peak RSS per input MB, then every failed case and why.
#
# A case passes when rinse does not panic, is not killed and does not time out, exits as expected (with the error
# message expected, for refusals), leaves every input byte for byte as it was, writes nothing outside the output
# folder, and peaks within 8 x its input + 64 MiB of memory. Its input is what rinse has to hold: the file, or for a
# compressed one what it inflates to, up to the `--max-size` cap the case sets. Per-MB figures divide by the input
# size, counted as at least 1 MB so that process start-up does not dominate small cases.
#
# SIZE_MB (default 8) sets the size of the big cases, TIMEOUT (default 120) the seconds per case, FAMILIES (default
# all) a space-separated subset, RINSE the binary (default: a release build of this checkout), KEEP=1 keeps the
# generated cases (printed path). The per-case figures go to $WORK/cases.tsv. Takes about 3 minutes on 2 cores at
# the default size.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB=${SIZE_MB:-8}
TIMEOUT=${TIMEOUT:-120}
FAMILIES=${FAMILIES:-}
if [ -z "${RINSE:-}" ]; then
    cargo build --release --quiet --bin rinse
    target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
    RINSE="$target_dir/release/rinse"
fi
RINSE=$(cd "$(dirname "$RINSE")" && pwd)/$(basename "$RINSE")
[ -x /usr/bin/time ] || { echo "adversarial.sh needs GNU time (/usr/bin/time -v)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/rinse-adversarial.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then
    echo "cases kept in $work" >&2
else
    # python3 runs as a child (not `exec`), so that this trap removes the cases (hundreds of MB) when it ends, also
    # on Ctrl-C or a kill.
    trap 'rm -rf "$work"' EXIT
    trap 'exit 130' INT TERM
fi

python3 - "$work" "$SIZE_MB" "$TIMEOUT" "$RINSE" "$FAMILIES" <<'PY'
import gzip, hashlib, http.server, json, os, re, subprocess, sys, threading, time, zlib

work, size_mb, timeout, rinse, only = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5].split()
SIZE = size_mb * 1_000_000
MIB = 1 << 20
# The cap the decompression cases set with --max-size, and how far past it their bombs inflate.
CAP_MIB = 2 * size_mb
BOMB = 16 * CAP_MIB * MIB

# ---------------------------------------------------------------------------------------------------------------
# A local HTTP server for `fetch` cases: paths are looked up in PAGES (bytes and headers); a proxied request (an
# absolute URL as its path) gets an article page.
PAGE = (b"<!doctype html><html><head><title>A page</title></head><body><article><h1>A page</h1><p>Enough words "
        b"in one paragraph for the extractor to take this as the article of the page.</p></article></body></html>")
PAGES = {}

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        path = self.path
        body, headers, status = PAGES.get(path, (PAGE, {"Content-Type": "text/html"}, 200))
        if not path.startswith("/") and path not in PAGES:
            body, headers, status = PAGE, {"Content-Type": "text/html"}, 200
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass

server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
threading.Thread(target=server.serve_forever, daemon=True).start()
BASE = f"http://127.0.0.1:{server.server_address[1]}"

# ---------------------------------------------------------------------------------------------------------------
# Cases. Each is a folder under work/cases/<family>/<name>/ holding its inputs; rinse runs in it and writes to out/.
CASES = []

def case(family, name, files, args, codes=(0, 2), needle=None, size=None, env=None, cwd="", out="out"):
    """files: {relative path: bytes}; args: rinse's arguments after --no-config; codes: the exit codes allowed;
    needle: text stderr must hold; size: the input bytes the memory bound is taken from (default: the files)."""
    if only and family not in only:
        return
    folder = os.path.join(work, "cases", family, name)
    for rel, data in files.items():
        path = os.path.join(folder, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if isinstance(data, str):
            data = data.encode()
        with open(path, "wb") as f:
            f.write(data)
    os.makedirs(folder, exist_ok=True)
    total = sum(len(d) for d in files.values())
    CASES.append(dict(family=family, name=name, folder=folder, cwd=os.path.join(folder, cwd), args=args,
                      out=os.path.join(folder, out),
                      codes=codes, needle=needle, size=size if size is not None else total, env=env or {}))

def fill(unit, n_bytes, head="", tail=""):
    unit = unit.encode() if isinstance(unit, str) else unit
    head = head.encode() if isinstance(head, str) else head
    tail = tail.encode() if isinstance(tail, str) else tail
    return head + unit * max(1, (n_bytes - len(head) - len(tail)) // len(unit)) + tail

def gz(data, level=6):
    return gzip.compress(data, level)

def zeros_gz(n):
    """A gzip member inflating to n spaces, made without holding them."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b" " * MIB
    out = [z.compress(chunk) for _ in range(n // MIB)]
    out.append(z.flush())
    return b"".join(out)

HEAD = "<!doctype html><html><head><title>Dense</title></head><body><article><h1>Dense</h1>"
TAIL = "</article></body></html>"
def clean(family, name, files, extra=(), **kw):
    inputs = [p for p in files if not p.startswith("rules/")]
    case(family, name, files, ["clean", "-o", "out", *extra, *inputs], **kw)

# Markup-dense HTML: one element repeated over SIZE bytes.
for name, unit, prefix in [
    ("br", "<br>", ""), ("empty-p", "<p>", ""), ("comments", "<!---->", ""), ("spans", "<span>w</span> ", ""),
    ("links", '<a href="/x">x</a> ', ""), ("empty-divs", "<div></div>", ""),
    ("table", "<tr><td>1</td><td>2</td><td>3</td></tr>", "<table>"),
    ("list", "<li>item", "<ul>"), ("entities", "&amp;&lt;&#x2014;&nbsp;", "<p>"),
    ("attributes", "<i " + " ".join(f"a{j}" for j in range(200)) + "></i>", ""),
    ("formatting", "<p>x", "".join(f'<div><b c="{j}"></div>' for j in range(50))),
    ("paragraphs", "<p>A short sentence of plain words in a paragraph.</p>", ""),
]:
    clean("dense-html", name, {"page.html": fill(unit, SIZE, HEAD + prefix, TAIL)})

# Deep nesting, in HTML (flattened past 512) and markdown.
for name, unit in [("div", "<div>"), ("blockquote", "<blockquote>d"), ("list", "<ul><li>x"),
                   ("table", "<table><tr><td>x"), ("bold", "<b>"), ("select", "<select><option>x")]:
    clean("deep-nesting", name, {"page.html": fill(unit, SIZE // 2, HEAD, TAIL)})
clean("deep-nesting", "md-blockquote", {"a.md": "> " * 100_000 + "deep\n"})
clean("deep-nesting", "md-list", {"a.md": "".join("  " * i + "- x\n" for i in range(2000))})
clean("deep-nesting", "md-emphasis", {"a.md": "*a " * 200_000 + "\n"})
clean("deep-nesting", "md-brackets", {"a.md": "[" * 500_000 + "\n"})

# Decompression bombs: every path that inflates, against --max-size.
cap = ["--max-size", f"{CAP_MIB}MiB"]
bomb_size = min(BOMB, CAP_MIB * MIB)
clean("decompression", "html-gz", {"page.html.gz": zeros_gz(BOMB)}, cap, needle="--max-size", size=bomb_size)
clean("decompression", "many-members", {"page.html.gz": b"".join(gz(b" " * MIB) for _ in range(4 * CAP_MIB))},
      cap, needle="--max-size", size=bomb_size)
def warc_record(kind, uri, payload, ctype="application/http; msgtype=response", nl=b"\r\n"):
    head = nl.join([b"WARC/1.0", b"WARC-Type: " + kind.encode(), b"WARC-Target-URI: " + uri.encode(),
                    b"WARC-Date: 2024-05-06T07:08:09Z", b"Content-Type: " + ctype.encode(),
                    b"Content-Length: " + str(len(payload)).encode(), b"", b""])
    return head + payload + b"\r\n\r\n"
def http_response(body, ctype="text/html", extra=b""):
    return (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\n" + extra +
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
ok_record = gz(warc_record("response", "https://x.org/ok", http_response(PAGE)))
clean("decompression", "warc-gzip-body", {"crawl.warc.gz": gz(warc_record("response", "https://x.org/a",
      http_response(zeros_gz(BOMB), extra=b"Content-Encoding: gzip\r\n"))) + ok_record}, cap, needle="--max-size",
      size=bomb_size)
big_member = warc_record("response", "https://x.org/a", http_response(b" " * (CAP_MIB * MIB + 10)))
clean("decompression", "warc-member", {"crawl.warc.gz": gz(big_member, 1) + ok_record}, cap, needle="--max-size",
      size=bomb_size)
PAGES["/bomb"] = (zeros_gz(BOMB), {"Content-Type": "text/html", "Content-Encoding": "gzip"}, 200)
case("decompression", "http-gzip-body", {}, ["fetch", "-o", "out", "--delay", "0", "--ignore-robots", *cap,
     BASE + "/bomb"], codes=(2,), needle="--max-size", size=bomb_size)
PAGES["/sitemap-bomb.xml.gz"] = (zeros_gz(BOMB), {"Content-Type": "application/gzip"}, 200)
case("decompression", "sitemap-gz", {}, ["fetch", "-o", "out", "--delay", "0", "--ignore-robots", *cap,
     "--sitemap", BASE + "/sitemap-bomb.xml.gz"], codes=(2,), size=bomb_size)

# YAML alias bombs in markdown front matter.
def laughs(width, depth, merge=False):
    lines = ["---", "a0: &a0 [" + ",".join(['"lol"'] * width) + "]"]
    for d in range(1, depth):
        refs = ",".join([f"*a{d-1}"] * width)
        lines.append(f"a{d}: &a{d} [{refs}]")
    if merge:
        lines.append(f"m: {{<<: *a{depth-1}}}")
    return "\n".join(lines) + "\n---\n\nBody text.\n"
clean("yaml-alias", "laughs-9x6", {"a.md": laughs(9, 6)})
clean("yaml-alias", "laughs-9x9", {"a.md": laughs(9, 9)})
clean("yaml-alias", "laughs-30x8", {"a.md": laughs(30, 8)})
clean("yaml-alias", "merge-key", {"a.md": laughs(9, 7, merge=True)})
clean("yaml-alias", "map-aliases", {"a.md": "---\nm0: &m0 {a: 1, b: 2}\n" + "".join(
      f"m{i}: &m{i} {{x: *m{i-1}, y: *m{i-1}, z: *m{i-1}}}\n" for i in range(1, 12)) + "---\n\nBody.\n"})

# Huge front matter.
clean("front-matter", "100k-keys", {"a.md": "---\n" + "".join(f"k{i}: v{i}\n" for i in range(100_000)) +
      "---\n\nBody.\n"})
clean("front-matter", "2mb-value", {"a.md": "---\ntitle: " + "x" * 2_000_000 + "\n---\n\nBody.\n"})
clean("front-matter", "size-mb-of-keys", {"a.md": fill("key: value of a key\n", SIZE, "---\n", "---\n\nBody.\n")})
clean("front-matter", "deep-flow", {"a.md": "---\nk: " + "[" * 100_000 + "]" * 100_000 + "\n---\n\nBody.\n"})
clean("front-matter", "long-list", {"a.md": "---\ntags:\n" + "  - tag\n" * 300_000 + "---\n\nBody.\n"})
clean("front-matter", "unclosed", {"a.md": "---\n" + "k: v\n" * 200_000 + "\nBody.\n"})
clean("front-matter", "many-documents", {"a.md": "---\na: 1\n" + "--- #x\nb: 2\n" * 50_000 + "---\n\nBody.\n"})

# WARC variants.
page_http = http_response(PAGE)
clean("warc", "lf-headers", {"c.warc.gz": gz(warc_record("response", "https://x.org/a", page_http, nl=b"\n"))})
whole = warc_record("response", "https://x.org/a", page_http) + warc_record("response", "https://x.org/b", page_http)
clean("warc", "wrong-chunks", {"c.warc.gz": b"".join(gz(whole[i:i + 100]) for i in range(0, len(whole), 100))})
clean("warc", "100k-records", {"c.warc": b"".join(warc_record("response", f"https://x.org/{i}", page_http)
                                                 for i in range(20_000))})
clean("warc", "truncated", {"c.warc.gz": gz(warc_record("response", "https://x.org/a", page_http))[:-30] + ok_record})
clean("warc", "huge-length", {"c.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999999\r\n\r\nx"})
clean("warc", "chunked-huge", {"c.warc": warc_record("response", "https://x.org/a", b"HTTP/1.1 200 OK\r\n"
      b"Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffff\r\n<p>x</p>\r\n0\r\n\r\n")})
clean("warc", "dot-dot-uri", {"c.warc": warc_record("response", "http://../../x", page_http) +
                              warc_record("response", "http://x.org/../../../y", page_http)})
clean("warc", "big-response", {"c.warc": warc_record("response", "https://x.org/a", http_response(
      fill("<p>A short sentence of plain words in a paragraph.</p>", SIZE, HEAD, TAIL)))})
for kind in ["response", "resource", "conversion", "revisit", "request", "metadata"]:
    payload = http_response(b" " * (CAP_MIB * MIB + 10)) if kind in ("response", "revisit") else b" " * (CAP_MIB * MIB + 10)
    ctype = "application/http; msgtype=response" if kind in ("response", "revisit") else "text/html"
    clean("warc", f"over-cap-{kind}", {"c.warc": warc_record(kind, "https://x.org/a", payload, ctype)}, cap,
          size=CAP_MIB * MIB)

# JSONL, written to stdout.
line = lambda **kw: json.dumps(kw) + "\n"
def jsonl(name, text, codes=(0,), needle=None, extra=()):
    case("jsonl", name, {"in.jsonl": text}, ["clean", "--format", "jsonl", *extra, "in.jsonl"], codes=codes,
         needle=needle)
jsonl("bom", "\ufeff" + line(url="https://x.org/a", html=PAGE.decode()))
jsonl("big-line", line(url="https://x.org/a", html=fill("<p>A short sentence of plain words in a paragraph.</p>",
      SIZE, HEAD, TAIL).decode()))
jsonl("200k-lines", line(markdown="x") * 200_000)
jsonl("nested-json", '{"html": ' + "[" * 100_000 + "]" * 100_000 + "}\n", codes=(2,))
jsonl("bad-lines", "not json\n[1]\n{\"url\": 3}\n\n" + line(html=PAGE.decode(), error="x"), codes=(2,))
jsonl("over-cap", line(url="https://x.org/a", html=" " * (CAP_MIB * MIB + 10)) + line(html=PAGE.decode()),
      codes=(2,), needle="--max-size", extra=cap)
clean("jsonl", "dot-dot-url", {"in.jsonl": line(url="http://../../x", html=PAGE.decode()) +
      line(url="file:///etc/passwd", html=PAGE.decode())})

# Sitemaps (fetch from the local server; robots.txt disallows the pages, so only the sitemaps are requested).
PAGES["/robots.txt"] = (b"User-agent: *\nDisallow: /p/\n", {"Content-Type": "text/plain"}, 200)
def sitemap_case(name, body, needle=None, codes=(0, 2)):
    PAGES[f"/{name}.xml"] = (body, {"Content-Type": "application/xml"}, 200)
    case("sitemap", name, {}, ["fetch", "-o", "out", "--delay", "0", "--sitemap", f"{BASE}/{name}.xml"],
         codes=codes, needle=needle, size=len(body))
sitemap_case("nested-20k", ("<urlset>" + "<a>" * 20_000 + "</a>" * 20_000 + "</urlset>").encode(),
             needle="nested deeper", codes=(2,))
sitemap_case("100k-urls", ("<urlset>" + "".join(f"<url><loc>{BASE}/p/{i}</loc></url>" for i in range(100_000))
                           + "</urlset>").encode())
sitemap_case("index-loop", f"<sitemapindex><sitemap><loc>{BASE}/index-loop.xml</loc></sitemap></sitemapindex>".encode())
sitemap_case("entities", ('<?xml version="1.0"?><!DOCTYPE u [<!ENTITY a0 "aaaaaaaaaa">' + "".join(
    f'<!ENTITY a{i} "' + f"&a{i-1};" * 10 + '">' for i in range(1, 9)) +
    ']><urlset><url><loc>&a8;</loc></url></urlset>').encode())
sitemap_case("not-xml", b"\x00\x01binary" * 1000)

# Rule files.
body = {"a.md": "a banana and a papaya\n" * 2_000}
clean("rules", "huge-glob", {**body, "rules/10-x.toml": '[scope]\nurl = "' + "*a" * 50_000 + '"\n[[replace]]\nid = "x"\n'
      'pattern = "x"\nwith = ""\n'}, needle="10-x.toml", codes=(2,))
clean("rules", "huge-selector", {**body, "rules/10-x.toml": '[[remove]]\nid = "x"\nselector = "' + "div " * 8000 +
      '"\n'}, needle="10-x.toml", codes=(2,))
for i, (pattern, with_) in enumerate([("a", "aa"), ("", "x"), ("a", "a" * 60), ("(?m)$", "\\n\\n")]):
    clean("rules", f"grows-{i}", {**body, "rules/10-x.toml": f"[[replace]]\nid = \"grow\"\npattern = '{pattern}'\n"
          f"with = \"{with_}\"\n"}, needle="grows the text", codes=(2,))
clean("rules", "regex-blowup", {**body, "rules/10-x.toml": "[[replace]]\nid = \"x\"\npattern = 'a{1000}{1000}'\n"
      "with = ''\n"}, needle="10-x.toml", codes=(2,))
clean("rules", "backtracking-shape", {"a.md": "a" * 1_000_000 + "\n", "rules/10-x.toml":
      "[[replace]]\nid = \"x\"\npattern = '(a*)*b'\nwith = ''\n"})
clean("rules", "2k-rules", {**body, "rules/10-x.toml": "".join(
      f"[[replace]]\nid = \"r{i}\"\npattern = 'word{i}\\b'\nwith = ''\n" for i in range(2_000))})
clean("rules", "bad-toml", {**body, "rules/10-x.toml": "[[replace\n" + "x" * 100_000}, needle="10-x.toml", codes=(2,))

# Path tricks: outputs outside the output folder, inputs overwritten.
md = "---\ntitle: \"A\"\n---\n\n# A\n\nSome   text with   spaces.\n"
case("paths", "out-is-input-folder", {"d/a.md": md, "d/b.html": PAGE}, ["clean", "-o", "d", "d"], codes=(2,),
     needle="--in-place")
case("paths", "out-is-input-file", {"a.md": md}, ["clean", "-o", "a.md", "a.md"], codes=(2,))
case("paths", "out-inside-input", {"raw/a.md": md, "raw/out/b.md": md}, ["clean", "-o", "raw/out", "raw"],
     codes=(0, 2), out="raw/out")
case("paths", "long-and-odd-names", {("x" * 200) + ".md": md, "new\nline.md": md, "-dash.md": md, " .md": md},
     ["clean", "-o", "out", "."], codes=(0, 2))
for name, url in [("proxy-dot-dot", "http://../package"), ("proxy-dot", "http://./x"),
                  ("proxy-encoded", "http://%2e%2e/y"), ("proxy-reserved", "http://con/nul"),
                  ("proxy-encoded-slash", "http://x.org/a/..%2f..%2fz")]:
    case("paths", name, {}, ["fetch", "-o", "out", "--delay", "0", "--ignore-robots", url], codes=(0, 2),
         env={"http_proxy": BASE, "HTTP_PROXY": BASE}, cwd="")
PAGES["/to-file"] = (b"", {"Location": "file:///etc/passwd"}, 302)
case("paths", "redirect-to-file", {}, ["fetch", "-o", "out", "--delay", "0", "--ignore-robots", BASE + "/to-file"],
     codes=(2,), needle="http and https")

# Markdown and paged text.
para = "A sentence of running text that reads like the body of an article, with enough words in it.\n\n"
clean("markdown", "paragraphs", {"a.md": fill(para, SIZE)})
clean("markdown", "paged-text", {"a.txt": fill("the committee agreed to extend the deadline by a year and\n"
      "met again in the spring to hear the reports of the groups.\n\n- 12 -\n\f", SIZE)},
      ["--input-format", "paged-text"])
clean("markdown", "one-line", {"a.md": fill("word ", SIZE, tail="\n")})
clean("markdown", "short-lines", {"a.md": fill("x\n", SIZE // 4)})
clean("markdown", "link-placeholders", {"a.md": fill("[published](#) and [x]() ", SIZE // 2)})
clean("markdown", "nav-lines", {"a.md": fill("Home | News | About\n\n[Share](#)\n\n", SIZE // 2)})
clean("markdown", "table", {"a.md": fill("| 1 | 2 |\n", SIZE // 2, "| a | b |\n|---|---|\n")})
clean("markdown", "fences", {"a.md": fill("```\n\n\n```\n", SIZE // 4)})
clean("markdown", "headings", {"a.md": fill("# A\n\n", SIZE // 4)})
clean("markdown", "hyphen-splits", {"a.md": fill("inter-\nnational ", SIZE // 2)})
clean("markdown", "control-bytes", {"a.md": fill("tld)\x01ti# \n", 200_000)})
clean("markdown", "blank-lines", {"a.md": fill("\n", SIZE, "A line.\n", "Another line.\n")})
clean("markdown", "tiny-pages", {"a.txt": fill("a line\n3\n\f", SIZE)}, ["--input-format", "paged-text"])
clean("markdown", "one-paragraph-pages", {"a.txt": fill("the committee agreed to extend the deadline by a year and\n"
      "the members of the board\fPage 2 of 9\n", SIZE)}, ["--input-format", "paged-text"])
clean("markdown", "md-lists", {"a.md": fill("- [x](#)\n  - y\n", SIZE // 2)})
# The same list loose, ordered, as a million tiny items, nested 1,000 deep (trees one after the other), and as
# one item holding the rest.
clean("markdown", "md-lists-loose", {"a.md": fill("- [x](#)\n  - y\n\n", SIZE // 2)})
ordered, n = [], 0
while n < SIZE // 2:
    ordered.append(f"{len(ordered) + 1}. [x](/x)\n")
    n += len(ordered[-1])
clean("markdown", "md-lists-ordered", {"a.md": "".join(ordered)})
clean("markdown", "md-lists-1e6-items", {"a.md": "- [a](b)\n" * 1_000_000})
tree = "".join("  " * i + "- [x](/x)\n" for i in range(1000))
clean("markdown", "md-lists-1000-deep", {"a.md": tree * max(1, SIZE // 2 // len(tree))})
clean("markdown", "md-lists-one-item", {"a.md": fill("  - [y](/y)\n", SIZE // 2, "- [x](#)\n")})
# The same item holding a loose list, a list two levels down, and one paragraph of continuation lines.
clean("markdown", "md-lists-loose-nested", {"a.md": fill("  - [y](/y)\n\n", SIZE // 2, "- [x](#)\n")})
clean("markdown", "md-lists-two-down", {"a.md": fill("    - [z](/z)\n", SIZE // 2, "- [x](#)\n  - [y](/y)\n")})
clean("markdown", "md-lists-one-paragraph", {"a.md": fill("  [y](/y) word\n", SIZE // 2, "- [x](#)\n")})
# One paragraph of 4 MB in a list item with an item after it, and at the top level between blocks of links.
clean("markdown", "md-lists-one-paragraph-then-item",
      {"a.md": fill("  [y](/y) word\n", SIZE // 2, "- [x](#)\n", "- [z](/z)\n\nA closing paragraph.\n")})
clean("markdown", "md-one-paragraph",
      {"a.md": fill("[y](/y) word\n", SIZE // 2, "Intro paragraph.\n\n", "\n[a](/a)\n\n[b](/b)\n")})
# The same paragraph full of emphasis and code spans, each closed on its line.
clean("markdown", "md-one-paragraph-spans",
      {"a.md": fill("[y](/y) *word* and `code`, **bold** _x_ <b>z</b>\n", SIZE // 2, "Intro paragraph.\n\n",
                    "\n[a](/a)\n\n[b](/b)\n")})
# The same paragraph with emphasis, a code span and a tag each left open over a line end: no line of it leaves
# nothing open.
clean("markdown", "md-one-paragraph-open-spans",
      {"a.md": fill("[y](/y) *word and\nmore* and `code\nspan` word, <b\nclass=\"x\">z</b>\n", SIZE // 2,
                    "Intro paragraph.\n\n", "\n[a](/a)\n\n[b](/b)\n")})

# The same paragraph with lines that start with a quote or a parenthesis.
clean("markdown", "md-one-paragraph-quotes",
      {"a.md": fill("\"[y](/y)\" word and\n(2019) [z](/z) more\n", SIZE // 2, "Intro paragraph.\n\n",
                    "\n[a](/a)\n\n[b](/b)\n")})

# A paragraph whose every line ends inside an HTML tag, so that no line break shows between two lines where a run
# could be left out (page_chrome's Hollow), with lines that open emphasis and code spans and start with a year or a
# mark. Twice SIZE: 294 MB at 16 MB before it was read in pieces (issue 17).
clean("markdown", "md-one-paragraph-tags-at-line-ends",
      {"a.md": fill("2019 was word *open and `code` more [y](/y) text <b\nclass=\"y\">z</b> close* and more\n"
                    "*x* was word *open and `code` more [y](/y) text <b\nclass=\"y\">z</b> close* and more\n",
                    SIZE * 2, "Intro paragraph.\n\n", "\n[a](/a)\n\n[b](/b)\n")})

# The same with a link reference definition in the segment, after the paragraph (twice SIZE: 297 MB at 16 MB
# before a definition outside the paragraph's block let it be read in pieces).
clean("markdown", "md-one-paragraph-definition",
      {"a.md": fill("2019 was word *open and `code` more [y][r] text <b\nclass=\"y\">z</b> close* and more\n",
                    SIZE * 2, "Intro paragraph.\n\n", "\n[r]: /r 'title'\n\n[a](/a)\n")})

# A long paragraph inside a container. In a quote every line starts with `> `, which no run of plain lines held
# until a run's lines could share their quote marks; in a tight list item the paragraph has no events of its own,
# so only a line break showed the join, and a tag at every line end hid it (now the tag that crosses the line end
# shows it). Twice SIZE: 220 MB and 329 MB at 16 MB before (bound 186 MB), 94 MB each after (issue 17).
clean("markdown", "md-quote-one-paragraph",
      {"a.md": fill("> [y](/y) word and more words here\n", SIZE * 2, "[a](/a)\n\n> Intro\n", "\n[c](/c)\n")})
clean("markdown", "md-item-one-paragraph-tags-at-line-ends",
      {"a.md": fill("  word *open and `code` more [y](/y) text <b\n  class=\"y\">z</b> close* and more\n", SIZE * 2,
                    "[a](/a)\n\n- Intro item\n", "- [b](/b)\n\n[c](/c)\n")})

# PDF bombs.
def pdf(objs, root=1):
    out = b"%PDF-1.5\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
def stream(data, flate=True):
    if flate:
        data = zlib.compress(data, 9)
        return f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream"
    return f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
def one_page(content, flate=True):
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [4 0 R] /Count 1 /Resources << /Font << /F1 3 0 R >> >> /MediaBox [0 0 612 792] >>",
                FONT, b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>", stream(content, flate)])
def bomb_stream(n):
    z = zlib.compressobj(9)
    return b"".join([z.compress(b" " * MIB) for _ in range(n // MIB)] + [z.flush()])
raw = bomb_stream(256 * MIB)
clean("pdf", "inflating-stream", {"a.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
      b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", FONT, b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R >>",
      f"<< /Length {len(raw)} /Filter /FlateDecode >>\nstream\n".encode() + raw + b"\nendstream"])},
      size=64 * MIB)
clean("pdf", "text-operators", {"a.pdf": one_page(b"BT /F1 11 Tf 72 740 Td " + b"(word) Tj " * 2_000_000 + b"ET")},
      size=20 * MIB)
clean("pdf", "state-nesting", {"a.pdf": one_page(b"q " * 1_000_000 + b"BT /F1 11 Tf (x) Tj ET")})
n_pages = 12_000
kids = " ".join(f"{4 + i} 0 R" for i in range(n_pages))
clean("pdf", "12k-pages", {"a.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
      f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode(), FONT] +
      [b"<< /Type /Page /Parent 2 0 R >>"] * n_pages)})
clean("pdf", "deep-objects", {"a.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R /X " + b"[" * 100_000 + b"]" * 100_000
      + b" >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])})
clean("pdf", "form-recursion", {"a.pdf": pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
      b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", FONT,
      b"<< /Type /Page /Parent 2 0 R /Contents 5 0 R /Resources << /XObject << /X 6 0 R >> /Font << /F1 3 0 R >> >> >>",
      stream(b"/X Do", False),
      b"<< /Type /XObject /Subtype /Form /Length 5 /Resources << /XObject << /X 6 0 R >> >> >>\nstream\n/X Do\nendstream"])})
clean("pdf", "huge-xref", {"a.pdf": one_page(b"BT /F1 11 Tf (x) Tj ET").replace(b"/Size 6", b"/Size 999999999")})
clean("pdf", "truncated", {"a.pdf": one_page(b"BT /F1 11 Tf 72 740 Td (text) Tj ET")[:200]})

# ---------------------------------------------------------------------------------------------------------------
def snapshot(folder, skip):
    """Every file under folder, outside skip, with its sha256 (inputs) or its size and time (others)."""
    files = {}
    for root, dirs, names in os.walk(folder):
        if root == skip or root.startswith(skip + os.sep):
            continue
        for n in names:
            p = os.path.join(root, n)
            st = os.lstat(p)
            files[p] = (st.st_size, st.st_mtime_ns)
    return files

def digests(folder, skip):
    out = {}
    for p in snapshot(folder, skip):
        if os.path.islink(p):
            out[p] = "link"
        else:
            with open(p, "rb") as f:
                out[p] = hashlib.sha256(f.read()).hexdigest()
    return out

def run(c):
    cases = os.path.join(work, "cases")
    before = snapshot(cases, c["out"])
    inputs = digests(c["folder"], c["out"])
    env = {k: v for k, v in os.environ.items() if not k.startswith("RINSE_") and not k.lower().endswith("_proxy")}
    env.update(c["env"])
    timing = os.path.join(work, "time.txt")
    start = time.monotonic()
    # time measures timeout and, once it has waited for it, rinse: the peak is rinse's.
    proc = subprocess.run(["/usr/bin/time", "-v", "-o", timing, "timeout", "-s", "KILL", str(timeout), rinse,
                           "--no-config", *c["args"]], cwd=c["cwd"], env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE)
    seconds = time.monotonic() - start
    err = proc.stderr.decode("utf-8", "replace")
    text = open(timing).read() if os.path.exists(timing) else ""
    if os.path.exists(timing):
        os.remove(timing)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    rss_mb = int(rss.group(1)) / 1024 if rss else float("nan")
    code = proc.returncode
    problems = []
    if code == 137:
        problems.append(f"timed out after {timeout} s")
    elif code > 128:
        problems.append(f"killed by signal {code - 128}")
    if "panicked" in err or code == 101:
        problems.append("panicked: " + next((l for l in err.splitlines() if "panicked" in l), "exit 101")[:120])
    elif code < 128 and code not in c["codes"]:
        problems.append(f"exit {code}, expected {'/'.join(map(str, c['codes']))}: {err.strip()[:160]!r}")
    if c["needle"] and c["needle"] not in err and not problems:
        problems.append(f"stderr lacks {c['needle']!r}: {err.strip()[:160]!r}")
    now = digests(c["folder"], c["out"])
    changed = [p for p, h in inputs.items() if now.get(p) != h]
    if changed:
        problems.append("inputs changed: " + ", ".join(os.path.relpath(p, c["folder"]) for p in changed[:3]))
    after = snapshot(cases, c["out"])
    new = [p for p in after if p not in before]
    if new:
        problems.append("written outside the output folder: " + ", ".join(os.path.relpath(p, cases) for p in new[:3]))
        for p in new:
            os.remove(p)
    size_mb = c["size"] / 1e6
    bound = 8 * c["size"] / MIB + 64
    if not rss_mb <= bound:
        problems.append(f"peak {rss_mb:.0f} MB over the bound {bound:.0f} MB")
    subprocess.run(["rm", "-rf", c["out"]])
    return dict(seconds=seconds, rss=rss_mb, size_mb=size_mb, per_mb=seconds / max(size_mb, 1),
                rss_per_mb=rss_mb / max(size_mb, 1), problems=problems, code=code)

results = []
with open(os.path.join(work, "cases.tsv"), "w") as tsv:
    tsv.write("family\tcase\tinput_MB\tseconds\tpeak_MB\texit\tproblems\n")
    for c in CASES:
        r = run(c)
        results.append((c, r))
        tsv.write(f"{c['family']}\t{c['name']}\t{r['size_mb']:.2f}\t{r['seconds']:.2f}\t{r['rss']:.0f}\t{r['code']}\t"
                  f"{'; '.join(r['problems'])}\n")
server.shutdown()

families = []
for c, _ in results:
    if c["family"] not in families:
        families.append(c["family"])
print(f"rinse adversarial catalog: SIZE_MB={size_mb}, --max-size {CAP_MIB} MiB in the bomb cases, timeout {timeout} s")
print(f"({rinse})\n")
print("| family | cases | passed | failed | worst s/MB | worst peak RSS / input MB |")
print("|---|---:|---:|---:|---:|---:|")
total = [0, 0]
for fam in families:
    rs = [r for c, r in results if c["family"] == fam]
    failed = sum(1 for r in rs if r["problems"])
    total[0] += len(rs)
    total[1] += failed
    print(f"| {fam} | {len(rs)} | {len(rs) - failed} | {failed} | {max(r['per_mb'] for r in rs):.2f} | "
          f"{max(r['rss_per_mb'] for r in rs):.1f} |")
print(f"| all | {total[0]} | {total[0] - total[1]} | {total[1]} | | |")
bad = [(c, r) for c, r in results if r["problems"]]
if bad:
    print("\nfailed:")
    for c, r in bad:
        print(f"- {c['family']}/{c['name']} ({r['size_mb']:.1f} MB, {r['seconds']:.1f} s, {r['rss']:.0f} MB): "
              + "; ".join(r["problems"]))
sys.exit(1 if bad else 0)
PY
