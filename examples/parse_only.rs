//! Parse-only reference for `bench/speed.sh`: reads every file given (gzip undone), parses it with scraper, and
//! prints the bytes parsed and the seconds spent parsing, so the whole pipeline can be compared with parsing alone.

use std::io::Read;
use std::time::Instant;

fn main() -> std::io::Result<()> {
    let mut texts = Vec::new();
    for path in std::env::args().skip(1) {
        let raw = std::fs::read(&path)?;
        let bytes = if path.ends_with(".gz") {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(raw.as_slice()).read_to_end(&mut out)?;
            out
        } else {
            raw
        };
        texts.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    let total: usize = texts.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let start = Instant::now();
        for text in &texts {
            let html = scraper::Html::parse_document(text);
            std::hint::black_box(&html);
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mb = total as f64 / 1e6;
    println!(
        "parse_only bytes={total} seconds={best:.4} mb_per_s={:.1}",
        mb / best
    );
    Ok(())
}
