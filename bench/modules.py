#!/usr/bin/env python3
"""The module dependency graph of src/, from its `use` paths, and the layering checks of ARCHITECTURE.md.

Usage: bench/modules.py [--files] [--check]

Prints one line per module: `module -> the modules it uses`, top-level modules by default, every file with
`--files`. Then it lists what breaks the layering (exit 1 with `--check`):
  - a circle between two or more top-level modules of the library;
  - a circle inside a folder, between its files and subfolders (its `mod.rs` excepted: it declares them);
  - a library module that uses the command line (`src/bin/`);
  - a library module that prints (`println!`, `eprintln!`, `print!`, `eprint!`, `dbg!`).
It reads the source with regular expressions, so it sees `crate::a::b`, `super::x` and `use` trees with braces;
doc comments and string literals are skipped.
"""

import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def module_of(rel):
    """`rules/page.rs` -> ('rules', 'page'); `rules/mod.rs` -> ('rules',); `bin/rinse/cli.rs` -> ('bin', 'rinse', 'cli')."""
    parts = rel[:-3].split("/")
    if parts[-1] in ("mod", "lib"):
        parts = parts[:-1]
    if parts[:2] == ["bin", "rinse"] and parts[-1] == "main":
        parts = parts[:-1]
    return tuple(parts)


def strip(text):
    """Source without comments, string and char literals, so that docs and messages do not count as uses."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
        elif (m := re.match(r'b?r(#*)"', text[i : i + 40])) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            close = '"' + m.group(1)
            j = text.find(close, i + m.end())
            out.append('""')
            i = n if j < 0 else j + len(close)
        elif c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            out.append('""')
            i += 1
        elif c == "'" and (m := re.match(r"'(\\.[^']*|[^\\'])'", text[i : i + 12])):
            out.append("' '")
            i += m.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)


def expand(tree):
    """Paths of a `use` tree: `a::{b, c::{d, e}}` -> [a::b, a::c::d, a::c::e]."""
    tree = re.sub(r"\s+", "", tree)
    depth, start, parts = 0, 0, []
    brace = tree.find("{")
    if brace < 0:
        return [re.sub(r"as\w+$", "", tree)]
    prefix, inner = tree[:brace], tree[brace + 1 : tree.rfind("}")]
    for i, c in enumerate(inner):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(inner[start:i])
            start = i + 1
    parts.append(inner[start:])
    return [p for part in parts if part for p in expand(prefix + part)]


def resolve(path, here, modules):
    """The module a path names, as the longest known module prefix, or None outside the crate."""
    segs = [s for s in path.split("::") if s]
    if not segs:
        return None
    if segs[0] == "crate":
        cur, segs = list(here[:2]) if here[:1] == ("bin",) else [], segs[1:]
    elif segs[0] == "rinse" and here[:1] == ("bin",):
        cur, segs = [], segs[1:]
    elif segs[0] in ("super", "self"):
        cur = list(here)
        while segs and segs[0] in ("super", "self"):
            if segs[0] == "super":
                cur = cur[:-1]
            segs = segs[1:]
    elif tuple(here) + (segs[0],) in modules:
        # A child module named at the start of a path (`mod x; use x::Y`).
        cur = list(here)
    else:
        return None
    best = None
    for n in range(len(segs) + 1):
        cand = tuple(cur + segs[:n])
        if cand in modules:
            best = cand
    return best


def main():
    files = {}
    for dirpath, _, names in os.walk(ROOT):
        for name in names:
            if name.endswith(".rs"):
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, ROOT).replace(os.sep, "/")
                files[rel] = full
    modules = {module_of(rel): rel for rel in files}
    edges = {}
    prints = []
    for rel, full in sorted(files.items()):
        here = module_of(rel)
        text = strip(open(full, encoding="utf-8").read())
        # Unit tests may use anything; they are not part of the layering.
        text = re.split(r"#\[cfg\(test\)\]\s*mod\s+tests", text)[0]
        paths = []
        for tree in re.findall(r"\buse\s+([^;]+);", text):
            paths.extend(expand(tree))
        text_without_uses = re.sub(r"\buse\s+[^;]+;", "", text)
        paths.extend(re.findall(r"(?<![\w:])((?:[a-z_]\w*)(?:::\w+)+)", text_without_uses))
        targets = set()
        for path in paths:
            target = resolve(path, here, modules)
            if target is not None and target != here:
                targets.add(target)
        edges[here] = targets
        if here[:1] != ("bin",) and re.search(r"\b(e?println|e?print|dbg)!", text):
            prints.append(rel)

    def top(m):
        return m[:1] if m[:1] != ("bin",) else ("bin",)

    lib_top = {}
    for m, ts in edges.items():
        for t in ts:
            a, b = top(m), top(t)
            if a != b:
                lib_top.setdefault(a, set()).add(b)
            lib_top.setdefault(a, set())

    show_files = "--files" in sys.argv
    graph = edges if show_files else lib_top
    name = lambda m: "::".join(m) if m else "lib"
    for m in sorted(graph):
        print(f"{name(m):24} -> {', '.join(sorted(name(t) for t in graph[m])) or '-'}")

    problems = []
    for cycle in cycles({m: ts for m, ts in lib_top.items() if m != ("bin",)}):
        problems.append("circle between top-level modules: " + " -> ".join(name(m) for m in cycle))
    # Within every folder, the files and subfolders it holds must not use one another in a circle (a subfolder
    # counts as one node; the folder's own mod.rs, which declares them, is left out).
    for folder in sorted({m[:n] for m in edges for n in range(1, len(m))}):
        inside = {}
        for m, ts in edges.items():
            if m[: len(folder)] != folder or len(m) <= len(folder):
                continue
            a = m[: len(folder) + 1]
            for t in ts:
                if t[: len(folder)] == folder and len(t) > len(folder) and t[: len(folder) + 1] != a:
                    inside.setdefault(a, set()).add(t[: len(folder) + 1])
        for cycle in cycles(inside):
            problems.append(f"circle inside {name(folder)}/: " + " -> ".join(name(m) for m in cycle))
    for m, ts in sorted(edges.items()):
        if m[:1] != ("bin",) and any(t[:1] == ("bin",) for t in ts):
            problems.append(f"library module {name(m)} uses the command line")
    for rel in prints:
        problems.append(f"library file src/{rel} prints")
    print()
    print(f"{len(modules)} files, {sum(len(t) for t in edges.values())} file-to-file uses")
    for problem in problems:
        print("problem:", problem)
    if not problems:
        print("no circles, no library module uses the command line or prints")
    if "--check" in sys.argv and problems:
        sys.exit(1)


def cycles(graph):
    """The strongly connected components with more than one node (Tarjan), each as a sorted list."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


if __name__ == "__main__":
    main()
