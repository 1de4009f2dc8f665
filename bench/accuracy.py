#!/usr/bin/env python3
"""Article-extraction accuracy on both dev sets, each split in two halves, with the shared scorers.

  python3 bench/accuracy.py --eval EVAL_DIR --aeb PRED_DIR --trafeval PRED_DIR [--json OUT] [--compare OLD.json]

Scores the AEB dev pages (aeb_score.py: shingle P/R/F1) and trafilatura's dev pages (trafeval/score.py: chunk
P/R/F1) with the scorers' own functions, then the same for each half of each set: a page is in half 0 or 1 by the
first byte of the sha256 of its name modulo 2 (the AEB id, the trafeval page key), the split the before-stop hook
uses. trafeval is also given per language (the scorer's `--by lang` groups). A change is kept only when it helps
both halves of both sets, or is neutral on one: a gain on one half alone is fitting those pages.

--json writes the figures and the per-page scores; --compare OLD.json lists the pages whose score changed since.
Python 3.11 standard library only.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
from collections import defaultdict
from pathlib import Path


def load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half(name: str) -> int:
    return hashlib.sha256(name.encode()).digest()[0] % 2


def aeb(scorer, truth_path: Path, pred: Path) -> tuple[dict, dict]:
    truth = scorer.load_json(truth_path)
    texts, _, _ = scorer.load_pred(pred, sorted(truth), False)
    figures = {}
    for label, keep in (("all", lambda i: True), ("half 0", lambda i: half(i) == 0), ("half 1", lambda i: half(i) == 1)):
        part = {i: t for i, t in truth.items() if keep(i)}
        res = scorer.score(part, texts)
        figures[label] = {"pages": len(part), "precision": res["precision"], "recall": res["recall"], "f1": res["f1"]}
    per = {d["id"]: d["f1"] for d in scorer.score(truth, texts)["per_doc"]}
    return figures, per


def trafeval(scorer, truth_path: Path, pred: Path) -> tuple[dict, dict, dict]:
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    _, per = scorer.score(truth, pred)
    groups = {"all": lambda n: True, "half 0": lambda n: half(n) == 0, "half 1": lambda n: half(n) == 1}
    figures = {label: totals(scorer, [per[n] for n in per if keep(n)]) for label, keep in groups.items()}
    by_lang = defaultdict(list)
    for n, v in per.items():
        by_lang[scorer.group_of(truth["pages"][n], "lang")].append(v)
    langs = {lang: totals(scorer, pages) for lang, pages in by_lang.items()}
    return figures, langs, {n: [v["tp"], v["fp"], v["fn"]] for n, v in per.items()}


def totals(scorer, pages: list[dict]) -> dict:
    m = scorer.metrics(*(sum(p[k] for p in pages) for k in ("tp", "fp", "fn", "tn")))
    return {"pages": len(pages), "precision": m["precision"], "recall": m["recall"], "f1": m["f1"]}


def row(label: str, f: dict) -> str:
    return f"  {label:<10} {f['pages']:>4} pages  P {f['precision']:.4f}  R {f['recall']:.4f}  F1 {f['f1']:.4f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", required=True, type=Path, help="the shared eval folder")
    ap.add_argument("--aeb", required=True, type=Path, help="rinse --format text output for aeb/dev/html")
    ap.add_argument("--trafeval", required=True, type=Path, help="rinse --format text output for trafeval/dev/html")
    ap.add_argument("--json", type=Path, help="write the figures and per-page scores here")
    ap.add_argument("--compare", type=Path, help="a --json file of an earlier run: list the pages that changed")
    a = ap.parse_args()

    aeb_figures, aeb_pages = aeb(load(a.eval / "aeb_score.py", "aeb_score"), a.eval / "aeb/dev/ground-truth.json", a.aeb)
    traf_scorer = load(a.eval / "trafeval/score.py", "trafeval_score")
    traf_figures, langs, traf_pages = trafeval(traf_scorer, a.eval / "trafeval/dev/truth.json", a.trafeval)

    print("AEB dev (shingle P/R/F1, mean over pages):")
    for label, f in aeb_figures.items():
        print(row(label, f))
    print("trafeval dev (chunk P/R/F1, summed over pages):")
    for label, f in traf_figures.items():
        print(row(label, f))
    print("trafeval dev by language:")
    for lang, f in sorted(langs.items(), key=lambda kv: (-kv[1]["pages"], kv[0])):
        print(row(lang, f))

    result = {"aeb": aeb_figures, "trafeval": traf_figures, "trafeval_lang": langs,
              "aeb_pages": aeb_pages, "trafeval_pages": traf_pages}
    if a.compare:
        old = json.loads(a.compare.read_text(encoding="utf-8"))
        print("changed since", a.compare)
        for label in ("all", "half 0", "half 1"):
            d_aeb = aeb_figures[label]["f1"] - old["aeb"][label]["f1"]
            d_traf = traf_figures[label]["f1"] - old["trafeval"][label]["f1"]
            print(f"  {label:<10} AEB F1 {d_aeb:+.4f}  trafeval F1 {d_traf:+.4f}")
        for i, f1 in sorted(aeb_pages.items()):
            before = old["aeb_pages"].get(i)
            if before is not None and abs(before - f1) > 0.0005:
                print(f"  aeb {i[:12]} (half {half(i)}) F1 {before:.3f} -> {f1:.3f}")
        for n, c in sorted(traf_pages.items()):
            before = old["trafeval_pages"].get(n)
            if before is not None and before != c:
                print(f"  trafeval {n} (half {half(n)}) tp/fp/fn {before} -> {c}")
    if a.json:
        a.json.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
