#!/usr/bin/env python3
"""Split a printed set (truth.json, breaks.json, boundaries.json, furniture.json) into two halves by a hash of
each document's id, so that a figure can be checked on a half it was not tuned on.

Usage: printed_split.py SET_DIR OUT_DIR    -> OUT_DIR/a and OUT_DIR/b, each a set folder for score.py --dir
"""
import hashlib
import json
import sys
from pathlib import Path

src, out = Path(sys.argv[1]), Path(sys.argv[2])
for half in "ab":
    (out / half).mkdir(parents=True, exist_ok=True)
for name in ("truth.json", "breaks.json", "boundaries.json", "furniture.json"):
    data = json.loads((src / name).read_text(encoding="utf-8"))
    for half in "ab":
        keep = {k: v for k, v in data.items()
                if ("a" if hashlib.sha256(k.encode()).digest()[0] % 2 == 0 else "b") == half}
        (out / half / name).write_text(json.dumps(keep, ensure_ascii=False), encoding="utf-8")
