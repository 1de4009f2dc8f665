#!/usr/bin/env python3
"""Scores rinse on whole-page markdown dumps (issue 19), the way ../shared/eval/scraped/README.md does, per set and
per half, and checks the markdown-input contract. Driven by bench/scraped.sh; stdlib only.

For every set NAME=DIR of dumps (<id>.md, ids of the AEB dev pages):
  - the dump as it is, and `rinse clean --format text` of it, scored with aeb_score.py against the AEB truth:
    F1 / precision / recall over all pages and over two halves split by the page id (first byte of the sha256 of
    the id, even or odd), a check of carry-over the dev set was not tuned on;
  - the markdown output run through rinse again: the number of files that change (must be 0).
Then the dev truths written as markdown (paragraphs separated by blank lines) through rinse: recall, and the number
of pages that lost text. And `clean/` run through rinse again: files that change.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path


def load_scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("aeb_score", eval_dir / "aeb_score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half(page_id: str) -> int:
    return hashlib.sha256(page_id.encode()).digest()[0] % 2


def rinse(binary: str, fmt: str, src: Path, out: Path) -> None:
    subprocess.run([binary, "clean", "-q", "--no-config", "--format", fmt, "-o", str(out), str(src)], check=True)


def read_dir(path: Path, ids, scorer) -> dict:
    texts = {}
    for i in ids:
        f = path / f"{i}.txt"
        if not f.is_file():
            f = path / f"{i}.md"
        texts[i] = scorer.strip_front_matter(f.read_text(encoding="utf-8", errors="replace")) if f.is_file() else ""
    return texts


def figures(scorer, truth: dict, texts: dict) -> list[tuple[str, dict]]:
    rows = []
    for label, keep in (("all", lambda i: True), ("half 0", lambda i: half(i) == 0), ("half 1", lambda i: half(i) == 1)):
        part = {i: t for i, t in truth.items() if keep(i)}
        rows.append((f"{label} ({len(part)})", scorer.score(part, texts)))
    return rows


def changed_files(a: Path, b: Path) -> list[str]:
    changed = []
    for f in sorted(a.rglob("*")):
        if f.is_file():
            other = b / f.relative_to(a)
            if not other.is_file() or other.read_bytes() != f.read_bytes():
                changed.append(str(f.relative_to(a)))
    return changed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", required=True, type=Path)
    ap.add_argument("--rinse", required=True)
    ap.add_argument("--work", required=True, type=Path)
    ap.add_argument("--clean", type=Path, help="the project's clean/ folder, run through rinse again")
    ap.add_argument("--json", type=Path, help="write the figures here")
    ap.add_argument("sets", nargs="+", metavar="NAME=DIR")
    a = ap.parse_args()
    scorer = load_scorer(a.eval)
    truth = scorer.load_json(a.eval / "aeb/dev/ground-truth.json")
    ids = sorted(truth)
    report = {}
    print(f"{'set':<12} {'pages':<11} {'as is F1':>8}   {'rinse F1':>8} {'P':>6} {'R':>6}")
    for spec in a.sets:
        name, src = spec.split("=", 1)
        src = Path(src)
        work = a.work / name
        rinse(a.rinse, "text", src, work / "text")
        rinse(a.rinse, "md", src, work / "md")
        rinse(a.rinse, "md", work / "md", work / "md-again")
        raw = read_dir(src, ids, scorer)
        out = read_dir(work / "text", ids, scorer)
        rows = []
        for (label, before), (_, after) in zip(figures(scorer, truth, raw), figures(scorer, truth, out)):
            print(f"{name:<12} {label:<11} {before['f1']:8.3f}   {after['f1']:8.3f} {after['precision']:6.3f} "
                  f"{after['recall']:6.3f}")
            rows.append({"pages": label, "as_is_f1": before["f1"], "f1": after["f1"],
                         "precision": after["precision"], "recall": after["recall"]})
        changed = changed_files(work / "md", work / "md-again")
        print(f"{name:<12} cleaned again: {len(changed)} of {len(ids)} outputs change" +
              (f" ({', '.join(changed[:5])})" if changed else ""))
        report[name] = {"rows": rows, "changed_again": len(changed)}

    # The truths written as markdown: rinse must leave an article that is already clean as it is.
    md = a.work / "truth-md"
    md.mkdir(parents=True, exist_ok=True)
    for i in ids:
        body = truth[i].get("articleBody") or ""
        paragraphs = [p.strip() for p in re.split(r"\n\s*", body) if p.strip()]
        (md / f"{i}.md").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    rinse(a.rinse, "text", md, a.work / "truth-text")
    res = scorer.score(truth, read_dir(a.work / "truth-text", ids, scorer))
    lost = [d for d in res["per_doc"] if d["recall"] is not None and d["recall"] < 0.999]
    print(f"truths as markdown: recall {res['recall']:.4f}, precision {res['precision']:.4f}, "
          f"{len(lost)} pages lose text" + (": " + ", ".join(f"{d['id'][:8]} {d['recall']:.3f}" for d in lost)
                                            if lost else ""))
    report["truths"] = {"recall": res["recall"], "pages_losing_text": len(lost)}
    rinse(a.rinse, "md", md, a.work / "truth-md-out")
    rinse(a.rinse, "md", a.work / "truth-md-out", a.work / "truth-md-again")
    changed = changed_files(a.work / "truth-md-out", a.work / "truth-md-again")
    print(f"truths as markdown, cleaned again: {len(changed)} of {len(ids)} outputs change")

    if a.clean:
        rinse(a.rinse, "md", a.clean, a.work / "clean-again")
        changed = changed_files(a.clean, a.work / "clean-again")
        total = sum(1 for f in a.clean.rglob("*") if f.is_file())
        print(f"clean/ cleaned again: {len(changed)} of {total} files change" +
              (f" ({', '.join(changed[:5])})" if changed else ""))
        report["clean_again"] = len(changed)
    if a.json:
        a.json.write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
