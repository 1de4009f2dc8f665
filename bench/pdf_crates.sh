#!/usr/bin/env bash
# The PDF crate comparison of the README: builds a throwaway crate (outside the repository) with each candidate's
# plain text extraction, runs it on the printed dev PDFs one process per file, and scores the raw text with the
# printed scorer as `identity` is scored; wall time of the 61 files and peak RSS on the largest, pdftotext beside.
# Usage: bench/pdf_crates.sh [SHARED_EVAL_DIR]   (CRATES_DIR: where the crate is built, default /tmp/rinse-pdf-crates;
# the first build compiles about a million lines of PDF crates: expect many minutes on two cores)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir="$(cd "${1:-../shared/eval}" && pwd)"
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
rinse="$PWD/target/release/rinse"
pdfs=("$eval_dir"/printed/dev/pdf/*.pdf)
largest=$(ls -S "${pdfs[@]}" | head -1)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
for engine in pdftotext rinse pdf_oxide pdf-extract lopdf oxidize-pdf; do
  mkdir -p "$engine"
  run() { # file -> stdout
    case "$engine" in
      pdftotext) pdftotext "$1" - ;;
      rinse) "$rinse" --no-config clean --select W001 --format text "$1" ;;
      *) timeout 120 "$dir/target/release/cmp" "$engine" "$1" ;;
    esac
  }
  fails=0
  start=$(date +%s.%N)
  for f in "${pdfs[@]}"; do run "$f" > "$engine/$(basename "$f" .pdf).txt" 2>/dev/null || fails=$((fails + 1)); done
  end=$(date +%s.%N)
  /usr/bin/time -f "%M" -o rss.txt bash -c "$(declare -f run); engine=$engine; rinse=$rinse; dir=$dir; run $largest" >/dev/null 2>&1 || true
  echo "$engine: $(echo "$end - $start" | bc) s wall for ${#pdfs[@]} files, $fails failed, peak RSS $(( $(cat rss.txt) / 1024 )) MiB (largest PDF)"
  python3 "$eval_dir/printed/score.py" --pred "$engine" --worst 0 | grep -E '^\((a|b|c|e)\)'
done
