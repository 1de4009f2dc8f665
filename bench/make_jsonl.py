"""Write a JSONL stream of {"id", "url", "html"} lines of about SIZE_MB megabytes by cycling over saved pages."""

import gzip
import json
import pathlib
import sys


def main():
    pages_dir, out_path, size_mb = pathlib.Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    pages = []
    for path in sorted(pages_dir.iterdir()):
        if not path.name.removesuffix(".gz").endswith((".html", ".htm")):
            continue  # a NOTICE or README beside the pages
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        pages.append((path.name, data.decode("utf-8", errors="replace")))
    limit = int(size_mb * 1024 * 1024)
    written = 0
    i = 0
    with open(out_path, "w", encoding="utf-8") as out:
        while written < limit:
            name, html = pages[i % len(pages)]
            line = json.dumps({"id": i, "url": f"https://bench.example/{i}/{name}", "html": html}) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            i += 1
    print(f"{i} documents, {written / 1e6:.1f} MB", file=sys.stderr)


if __name__ == "__main__":
    main()
