#!/usr/bin/env bash
# The PDF crate comparison of the README, by measurement: builds a throwaway crate (outside the repository) with
# each candidate's plain text extraction, runs every engine on the printed dev PDFs one process per file, and scores
# each one's raw text with the printed scorer as `identity` is scored, on the whole set and on its two halves (split
# by a hash of the document id, bench/printed_split.py). Beside the candidates, in the same run: poppler's
# pdftotext (the reference, GPL, not a candidate) and rinse's whole PDF path (`rinse clean`, every rule on).
# Per engine: failures, wall and CPU time of the 61 files with pages/s and MB/s of each, peak RSS on the largest PDF;
# then each crate's licence (cargo metadata) and release history (cargo's local copy of the crates.io index).
# Usage: bench/pdf_crates.sh [SHARED_EVAL_DIR]   (CRATES_DIR: where the crate is built, default /tmp/rinse-pdf-crates;
# the first build compiles about a million lines of PDF crates: expect many minutes on two cores. Run it with
# `nice`, once: it is a benchmark, not a test)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
eval_dir="$(cd "${1:-../shared/eval}" && pwd)"
set_dir="$eval_dir/printed/dev"
dir="${CRATES_DIR:-/tmp/rinse-pdf-crates}"
mkdir -p "$dir/src"
cat > "$dir/Cargo.toml" <<'TOML'
[package]
name = "cmp"
version = "0.1.0"
edition = "2021"

[dependencies]
pdf_oxide = { version = "=0.3.78", default-features = false }
pdf-extract = "=0.12.1"
lopdf = { version = "=0.47.0", default-features = false }
oxidize-pdf = { version = "=5.5.6", default-features = false, features = ["compression"] }

[profile.release]
debug = false
codegen-units = 16
TOML
cat > "$dir/src/main.rs" <<'RS'
use std::io::Write;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (engine, path) = (args[1].as_str(), &args[2]);
    let pages: Vec<String> = match engine {
        "pdf_oxide" => {
            let doc = pdf_oxide::PdfDocument::open(path).expect("open");
            let n = doc.page_count().expect("count");
            (0..n).map(|i| doc.extract_text(i).unwrap_or_default()).collect()
        }
        "pdf-extract" => pdf_extract::extract_text_by_pages(path).expect("extract"),
        "lopdf" => {
            let doc = lopdf::Document::load(path).expect("load");
            let nums: Vec<u32> = doc.get_pages().keys().copied().collect();
            nums.iter().map(|n| doc.extract_text(&[*n]).unwrap_or_default()).collect()
        }
        "oxidize-pdf" => {
            let doc = oxidize_pdf::parser::PdfDocument::open(path).expect("open");
            doc.extract_text().expect("text").into_iter().map(|p| p.text).collect()
        }
        _ => panic!("unknown engine {engine}"),
    };
    let mut out = std::io::stdout().lock();
    for (i, p) in pages.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\x0c").unwrap();
        }
        out.write_all(p.as_bytes()).unwrap();
        if !p.ends_with('\n') {
            out.write_all(b"\n").unwrap();
        }
    }
}
RS
(cd "$dir" && cargo build --release --quiet)
cargo build --release --quiet
rinse="$repo/target/release/rinse"
cmp="$dir/target/release/cmp"
pdfs=("$set_dir"/pdf/*.pdf)
largest=$(ls -S "${pdfs[@]}" | sed -n 1p)
bytes=$(cat "${pdfs[@]}" | wc -c)
pages=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(v['pdf_pages'] for k,v in d.items() if k!='_env'))" "$set_dir/build-log.json")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$repo/bench/printed_split.py" "$set_dir" "$work/halves"
cd "$work"   # no rinse.toml, no rules/ here: the built-in rules only
echo "${#pdfs[@]} PDFs, $pages pages, $((bytes / 1000)) kB; largest $(basename "$largest") ($(( $(wc -c < "$largest") / 1000 )) kB); rinse $(git -C "$repo" rev-parse --short HEAD); $(pdftotext -v 2>&1 | sed -n 1p)"
# One file through one engine, its text on stdout.
extract() { # engine file
  case "$1" in
    pdftotext) pdftotext "$2" - ;;
    rinse) "$rinse" --no-config clean --select W001 --format text "$2" ;;
    "rinse clean") "$rinse" --no-config clean --format text "$2" ;;
    *) timeout 120 "$cmp" "$1" "$2" ;;
  esac
}
all() { # engine out-dir: every file, counting failures into out-dir/failed
  local fails=0
  for f in "${pdfs[@]}"; do extract "$1" "$f" > "$2/$(basename "$f" .pdf).txt" 2>/dev/null || fails=$((fails + 1)); done
  echo "$fails" > "$2/failed"
}
export -f extract all
export rinse cmp
printf '%-14s %6s %8s %9s %8s %8s %9s %8s %5s   %5s %7s %11s %10s   %5s %5s\n' engine failed "wall s" pages/s MB/s "cpu s" pages/s MB/s RSS F1 breaks "false joins" "hdr/ftr" "F1 a" "F1 b"
for engine in pdftotext rinse pdf_oxide pdf-extract lopdf oxidize-pdf "rinse clean"; do
  out="$work/out/${engine// /-}"
  mkdir -p "$out"
  /usr/bin/time -f "%U %S %e" -o t.txt bash -c "$(declare -p pdfs); all '$engine' '$out'" >/dev/null 2>&1 || true
  read -r user sys wall < t.txt
  failed=$(cat "$out/failed"); rm "$out/failed"
  /usr/bin/time -f "%M" -o m.txt bash -c "extract '$engine' '$largest'" >/dev/null 2>&1 || true
  python3 "$eval_dir/printed/score.py" --pred "$out" --dir "$set_dir" --worst 0 --json all.json >/dev/null
  python3 "$eval_dir/printed/score.py" --pred "$out" --dir halves/a --worst 0 --json a.json >/dev/null
  python3 "$eval_dir/printed/score.py" --pred "$out" --dir halves/b --worst 0 --json b.json >/dev/null
  python3 - "$engine" "$failed" "$user" "$sys" "$wall" "$(cat m.txt)" "$pages" "$bytes" <<'PY'
import json, sys
engine, failed = sys.argv[1], int(sys.argv[2])
user, sys_, wall = map(float, sys.argv[3:6])
rss_kib, pages, size = int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8])
cpu = user + sys_
r = {h: json.load(open(f"{h}.json")) for h in ("all", "a", "b")}
b, pb, fj, fu = r["all"]["body"], r["all"]["page_breaks"], r["all"]["false_joins"], r["all"]["furniture"]
print(f"{engine:<14} {failed:>6} {wall:8.2f} {pages / wall:9.0f} {size / wall / 1e6:8.2f} {cpu:8.2f} {pages / cpu:9.0f} "
      f"{size / cpu / 1e6:8.2f} {rss_kib // 1024:4d}M   {b['f1']:.3f} {pb['repaired']:>3}/{pb['total']:<3} "
      f"{fj['rate']:11.3f} {fu['left'] / max(1, fu['printed_lines']):10.3f}   {r['a']['body']['f1']:.3f} {r['b']['body']['f1']:.3f}")
PY
done
echo
echo "wall and cpu: the 61 files one process each (pages/s and MB/s of the PDF bytes); RSS: peak on the largest PDF;"
echo "F1, breaks, false joins, hdr/ftr (header/footer lines left): the printed scorer on the raw text (rinse clean: the"
echo "cleaned text); F1 a / F1 b: the two halves of the set"
echo
echo "crate           licence               releases  last 12 months  latest"
(cd "$dir" && cargo metadata --format-version 1 --locked --offline 2>/dev/null) > meta.json || echo '{"packages": []}' > meta.json
python3 - meta.json "$(date -u +%Y-%m-%d)" <<'PY'
import datetime, glob, json, os, re, sys
meta = json.load(open(sys.argv[1]))
today = datetime.date.fromisoformat(sys.argv[2])
licences = {p["name"]: p.get("license") or "?" for p in meta["packages"]}
def releases(name):
    """Release dates from cargo's cached copy of the crates.io index entry (what `cargo build` resolved against)."""
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    lower = name.lower()
    prefix = {1: "1", 2: "2", 3: f"3/{lower[0]}"}.get(len(lower), f"{lower[:2]}/{lower[2:4]}")
    for path in glob.glob(f"{home}/registry/index/*/.cache/{prefix}/{lower}"):
        data = open(path, "rb").read()
        out = []
        for chunk in data.split(b"\0"):
            if chunk.startswith(b"{"):
                try:
                    entry = json.loads(chunk)
                except ValueError:
                    continue
                if entry.get("pubtime"):
                    out.append((datetime.date.fromisoformat(entry["pubtime"][:10]), entry["vers"]))
        return sorted(out)
    return []
for name in ("lopdf", "pdf_oxide", "pdf-extract", "oxidize-pdf"):
    rel = releases(name)
    recent = [d for d, _ in rel if (today - d).days <= 365]
    latest = f"{rel[-1][1]} ({rel[-1][0]})" if rel else "?"
    print(f"{name:<15} {licences.get(name, '?'):<21} {len(rel):>8}  {len(recent):>14}  {latest}")
PY
