#!/usr/bin/env python3
"""The Python package against trafilatura and readability-lxml, in one process (issue 16); run by bench/python.sh.

Speed: the AEB dev pages (61, gzip undone beforehand, each tool given the page's bytes) go through
`rinse.clean(raw).text`, `rinse.extract(raw)` (trafilatura's signature, txt), `rinse.clean_many(pages, jobs=J)`,
`trafilatura.extract(raw)` (default and `fast=True`) and readability-lxml's `Document(raw).summary()`, one pass
of each per round, in a rotating order, for ROUNDS rounds after one warm-up round. Printed: each tool's best and
median round (ms and MB/s of HTML), and the ratios round by round (both tools of a round meet the same machine
speed), of which the median is the figure.

Accuracy: with --trafeval OUT, writes `rinse.extract(raw, output_format="txt")` of every trafeval dev page to
OUT/<n>.txt, for bench/python.sh to score beside the command line's `--format text`.
"""
from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from pathlib import Path


def pages(folder: Path) -> list[tuple[str, bytes]]:
    out = []
    for path in sorted(folder.iterdir()):
        if not path.name.endswith((".html", ".htm", ".html.gz", ".htm.gz")):
            continue
        raw = path.read_bytes()
        if path.name.endswith(".gz"):
            raw = gzip.decompress(raw)
        out.append((path.name.split(".")[0], raw))
    return out


def tools(jobs: int) -> dict:
    import rinse
    import trafilatura
    from readability import Document

    def rinse_clean(docs):
        for _, raw in docs:
            rinse.clean(raw).text

    def rinse_extract(docs):
        for _, raw in docs:
            rinse.extract(raw)

    def rinse_many(docs):
        for doc in rinse.clean_many((raw for _, raw in docs), jobs=jobs):
            doc.text

    def trafilatura_default(docs):
        for _, raw in docs:
            trafilatura.extract(raw)

    def trafilatura_fast(docs):
        for _, raw in docs:
            trafilatura.extract(raw, fast=True)

    def readability(docs):
        for _, raw in docs:
            Document(raw).summary()

    return {
        "rinse.clean": rinse_clean,
        "rinse.extract": rinse_extract,
        f"rinse.clean_many jobs={jobs}": rinse_many,
        "trafilatura.extract": trafilatura_default,
        "trafilatura.extract fast": trafilatura_fast,
        "readability-lxml": readability,
    }


def speed(docs: list[tuple[str, bytes]], rounds: int, jobs: int) -> None:
    import readability
    import trafilatura

    import rinse

    runs = tools(jobs)
    names = list(runs)
    size = sum(len(raw) for _, raw in docs)
    print(
        f"{len(docs)} pages, {size / 1e6:.2f} MB of HTML; rinse {rinse.__version__}, trafilatura "
        f"{trafilatura.__version__}, readability-lxml {getattr(readability, '__version__', '?')}, Python "
        f"{sys.version.split()[0]}; {rounds} rounds after a warm-up"
    )
    times: dict[str, list[float]] = {name: [] for name in names}
    for round_number in range(rounds + 1):
        order = names[round_number % len(names) :] + names[: round_number % len(names)]
        for name in order:
            start = time.perf_counter()
            runs[name](docs)
            took = time.perf_counter() - start
            if round_number > 0:
                times[name].append(took)
    print(f"\n{'tool':<28} {'best ms':>9} {'median ms':>10} {'best MB/s':>10} {'median MB/s':>12}")
    for name in names:
        best, median = min(times[name]), statistics.median(times[name])
        print(f"{name:<28} {best * 1e3:>9.0f} {median * 1e3:>10.0f} {size / best / 1e6:>10.2f} {size / median / 1e6:>12.2f}")

    def ratio(slow: str, fast: str) -> None:
        each = [s / f for s, f in zip(times[slow], times[fast])]
        print(
            f"{slow} / {fast}: median {statistics.median(each):.1f}x (rounds {min(each):.1f}x to {max(each):.1f}x)"
        )

    print("\nratios, round by round:")
    for other in ["trafilatura.extract", "trafilatura.extract fast", "readability-lxml"]:
        ratio(other, "rinse.clean")
    ratio("trafilatura.extract", "rinse.extract")
    ratio("rinse.clean", f"rinse.clean_many jobs={jobs}")


def trafeval(folder: Path, out: Path) -> None:
    import rinse

    out.mkdir(parents=True, exist_ok=True)
    empty = 0
    for name, raw in pages(folder):
        text = rinse.extract(raw, output_format="txt")
        if text is None:
            empty += 1
            text = ""
        (out / f"{name}.txt").write_text(text + "\n" if text else "", encoding="utf-8")
    print(f"rinse.extract: {len(list(out.iterdir()))} pages written to {out}, {empty} without an article")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eval", type=Path, default=Path("../shared/eval"), help="the shared evaluation folder")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2, help="threads of clean_many")
    parser.add_argument("--trafeval", type=Path, help="write rinse.extract's text of the trafeval pages here")
    parser.add_argument("--pages", type=Path, help="the HTML pages to time (default: EVAL/aeb/dev/html)")
    args = parser.parse_args()
    if args.trafeval:
        trafeval(args.eval / "trafeval/dev/html", args.trafeval)
    else:
        speed(pages(args.pages or args.eval / "aeb/dev/html"), args.rounds, args.jobs)


if __name__ == "__main__":
    main()
