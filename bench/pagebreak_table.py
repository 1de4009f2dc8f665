#!/usr/bin/env python3
"""Every figure of the pagebreak scorer for several sets side by side, as a markdown table.

Usage: pagebreak_table.py LABEL=score.json [LABEL=score.json ...]   (files written by score.py --json)
"""
import json
import sys

TARGET_KINDS = ("split", "hyphen_soft", "hyphen_compound")


def frac(num, den, pct=False):
    if not den:
        return "n/a"
    r = num / den
    return f"{100 * r:.1f}% ({num}/{den})" if pct else f"{r:.3f} ({num}/{den})"


def rows(s):
    P = s["paragraph"]
    S = s.get("split_repair", {})
    B = S.get("breakdown", {})
    F = s["false_join"]
    L = s["links"]
    FL = s.get("furniture_left", {})
    W = s["whitespace_left"]

    def br(key):
        v = B.get(key)
        return frac(v["repaired"], v["injected"]) if v else "n/a"

    target = [B.get("kind:" + k, {"repaired": 0, "injected": 0}) for k in TARGET_KINDS]
    out = [
        ("paragraph P / R / F1", f"{P['precision']:.3f} / {P['recall']:.3f} / {P['f1']:.3f}"),
        ("paragraph macro F1", f"{P['macro_f1']:.3f}"),
        ("split repair, all four kinds", br("all")),
        ("split repair, split + hyphen kinds (target)",
         frac(sum(t["repaired"] for t in target), sum(t["injected"] for t in target))),
    ]
    for k in ("split", "split_sentence", "hyphen_soft", "hyphen_compound"):
        out.append((f"— {k}", br("kind:" + k)))
    for k in ("next_upper:yes", "next_upper:no", "furniture:yes", "furniture:no"):
        out.append((f"— {k}", br(k)))
    out.append(("— outcomes", ", ".join(f"{k} {v}" for k, v in S.get("outcomes", {}).items())))
    out += [
        ("false joins, all", frac(F["merged"], F["boundaries"], pct=True)),
        ("false joins, look-alike", frac(F["lookalike_merged"], F["lookalike_boundaries"], pct=True)),
        ("false joins, with furniture", frac(F["furniture_boundary_merged"], F["furniture_boundaries"], pct=True)),
        ("placeholders left", f"{L['placeholders_left']}/{L.get('placeholders_injected', 'n/a')}"),
        ("real links lost", f"{L['real_links_lost']}/{L['real_links_expected']}"),
    ]
    for top in ("furniture", "boilerplate"):
        v = FL.get(top)
        out.append((f"{top} left", frac(v["left"], v["injected"], pct=True) if v else "n/a"))
        for k, v in sorted(FL.items()):
            if k.startswith(top + ":"):
                out.append((f"— {top} {k.split(':', 1)[1]}", f"{v['left']}/{v['injected']}"))
    out.append(("whitespace residue (trailing, 3+ blank, leading, NBSP, U+00AD, zero-width)",
                ", ".join(str(W.get(k, 0)) for k in ("trailing_whitespace_lines", "blank_line_runs_3plus",
                                                      "leading_blank_lines", "nbsp", "soft_hyphen", "zero_width"))))
    out.append(("char similarity", f"{s['char_similarity']:.4f}"))
    return out


def main(argv):
    sets = []
    for arg in argv:
        label, path = arg.split("=", 1)
        with open(path, encoding="utf-8") as fh:
            sets.append((label, dict(rows(json.load(fh)["summary"]))))
    keys = []
    for _, r in sets:
        for k in r:
            if k not in keys:
                # A row only some sets have goes after the last row of its group.
                group = k.split()[:2]
                at = max((i for i, x in enumerate(keys) if x.split()[:2] == group), default=len(keys) - 1)
                keys.insert(at + 1, k)
    print("| figure | " + " | ".join(f"{label}" for label, _ in sets) + " |")
    print("|---|" + "---:|" * len(sets))
    for k in keys:
        print(f"| {k} | " + " | ".join(r.get(k, "—") for _, r in sets) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
