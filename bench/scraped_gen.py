#!/usr/bin/env python3
"""A second set of whole-page markdown dumps (issue 19): trafilatura's 467 dev pages, converted the way
../shared/eval/scraped/ converted the AEB pages, scored with trafilatura's own chunk metric. Driven by
bench/scraped_gen.sh.

The dump rules were built and tuned on the AEB pages' dumps; these pages (mostly German, also English, Spanish,
French, Polish and others) were never looked at as dumps, and their truth (must-have and must-not-have chunks,
../shared/eval/trafeval/README.md) was written by people, not by an extractor.

  convert HTML_DIR OUT_DIR   (run with a Python that has html2text and markdownify, as bench/scraped_gen.sh does)
      writes OUT_DIR/html2text/<n>.md (`HTML2Text()` with `body_width = 0`) and OUT_DIR/markdownify/<n>.md
      (`markdownify(page)`, defaults) from the pages of HTML_DIR (<n>.html, scripts, styles and noscript removed).
  score --eval EVAL --rinse BIN --work WORK [--json OUT] NAME=DIR...   (standard library only)
      for each set: the dump as it is and `rinse clean --format text` of it, chunk P/R/F1 summed over all pages and
      over two halves (first byte of the sha256 of the page key, even or odd, as bench/accuracy.py splits them);
      the markdown output run through rinse again (files that change, must be 0). A set named `html` is the pages
      themselves: rinse's HTML path on the same pages, the reference the dumps are compared with.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scraped_score import changed_files, half  # noqa: E402


def convert(html_dir: Path, out: Path) -> None:
    import html2text  # noqa: PLC0415 (only the converting Python has them)
    from markdownify import markdownify  # noqa: PLC0415

    for name in ("html2text", "markdownify"):
        (out / name).mkdir(parents=True, exist_ok=True)
    for page in sorted(html_dir.glob("*.html")):
        html = page.read_text(encoding="utf-8", errors="replace")
        h = html2text.HTML2Text()
        h.body_width = 0
        (out / "html2text" / f"{page.stem}.md").write_text(h.handle(html), encoding="utf-8")
        (out / "markdownify" / f"{page.stem}.md").write_text(markdownify(html), encoding="utf-8")


def rinse(binary: str, fmt: str, src: Path, out: Path) -> list[str]:
    """Cleans SRC into OUT; returns the files rinse refused (an empty dump, say), which then score as missing."""
    run = subprocess.run([binary, "clean", "-q", "--no-config", "--format", fmt, "-o", str(out), str(src)],
                         capture_output=True, text=True)
    if run.returncode not in (0, 2):
        sys.exit(f"rinse failed on {src} (exit {run.returncode}): {run.stderr.strip()}")
    return [line for line in run.stderr.splitlines() if line.startswith("rinse:")]


def totals(scorer, per: dict, keep) -> dict:
    pages = [v for n, v in per.items() if keep(n)]
    m = scorer.metrics(*(sum(p[k] for p in pages) for k in ("tp", "fp", "fn", "tn")))
    return {"pages": len(pages), "precision": m["precision"], "recall": m["recall"], "f1": m["f1"]}


def figures(scorer, truth: dict, pred: Path) -> list[tuple[str, dict]]:
    _, per = scorer.score(truth, pred)
    groups = (("all", lambda n: True), ("half 0", lambda n: half(n) == 0), ("half 1", lambda n: half(n) == 1))
    return [(label, totals(scorer, per, keep)) for label, keep in groups]


def score(a: argparse.Namespace) -> int:
    spec = importlib.util.spec_from_file_location("trafeval_score", a.eval / "trafeval/score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    truth = json.loads((a.eval / "trafeval/dev/truth.json").read_text(encoding="utf-8"))
    report = {}
    print(f"{'set':<12} {'pages':<12} {'as is F1':>8}   {'rinse F1':>8} {'P':>6} {'R':>6}")
    for spec_arg in a.sets:
        name, src = spec_arg.split("=", 1)
        src, work = Path(src), a.work / name
        refused = rinse(a.rinse, "text", src, work / "text")
        before = None if name == "html" else figures(scorer, truth, src)
        after = figures(scorer, truth, work / "text")
        rows = []
        for k, (label, f) in enumerate(after):
            as_is = f"{before[k][1]['f1']:8.3f}" if before else f"{'-':>8}"
            print(f"{name:<12} {label + ' (' + str(f['pages']) + ')':<12} {as_is}   {f['f1']:8.4f} "
                  f"{f['precision']:6.3f} {f['recall']:6.3f}")
            rows.append({"pages": label, "as_is_f1": before[k][1]["f1"] if before else None, **f})
        if refused:
            print(f"{name:<12} {len(refused)} files refused (scored as missing): " +
                  "; ".join(line.removeprefix("rinse: ") for line in refused[:3]))
        report[name] = {"rows": rows, "refused": len(refused)}
        if name != "html":
            rinse(a.rinse, "md", src, work / "md")
            rinse(a.rinse, "md", work / "md", work / "md-again")
            changed = changed_files(work / "md", work / "md-again")
            print(f"{name:<12} cleaned again: {len(changed)} outputs change" +
                  (f" ({', '.join(changed[:5])})" if changed else ""))
            report[name]["changed_again"] = len(changed)
    if a.json:
        a.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert")
    c.add_argument("html_dir", type=Path)
    c.add_argument("out", type=Path)
    s = sub.add_parser("score")
    s.add_argument("--eval", required=True, type=Path)
    s.add_argument("--rinse", required=True)
    s.add_argument("--work", type=Path, help="keep the outputs here (default: a temporary folder)")
    s.add_argument("--json", type=Path, help="write the figures here")
    s.add_argument("sets", nargs="+", metavar="NAME=DIR")
    a = ap.parse_args()
    if a.cmd == "convert":
        convert(a.html_dir, a.out)
        return 0
    if a.work:
        return score(a)
    with tempfile.TemporaryDirectory() as tmp:
        a.work = Path(tmp)
        return score(a)


if __name__ == "__main__":
    sys.exit(main())
