"""Write a JSONL corpus for the Spark check from the repository's raw/ sample: every page and scraped document,
repeated under different ids and URLs, plus a few lines that must come out as error lines."""

import argparse
import gzip
import json
import pathlib


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("raw", type=pathlib.Path)
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    sources = []
    for path in sorted(args.raw.rglob("*")):
        name = path.name.lower()
        if not path.is_file():
            continue
        data = gzip.decompress(path.read_bytes()) if name.endswith(".gz") else path.read_bytes()
        text = data.decode("utf-8", errors="replace")
        stem = name.removesuffix(".gz")
        if stem.endswith((".html", ".htm")):
            sources.append(("html", text))
        elif stem.endswith((".md", ".txt")):
            sources.append(("markdown", text))
    with args.out.open("w", encoding="utf-8") as out:
        for i in range(args.count):
            if i % 97 == 42:
                out.write('{"id": %d, "broken": tru\n' % i)  # invalid JSON: an error line with no id
                continue
            if i % 89 == 7:
                out.write(json.dumps({"id": i, "note": "no content field"}) + "\n")
                continue
            kind, text = sources[i % len(sources)]
            doc = {"id": i, "url": f"https://corpus.example/{i}", kind: text}
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
