//! Speed references for `bench/speed.sh`: scraper's parse-only speed on the given pages, and rinse's in-process
//! pipeline time per page against scraper's parse of the same page (slowest page against the median, in ms per MB).
//!
//! Usage: `parse_only [--rounds N] [--pages | --stages] FILE...` (`.gz` files are decompressed first, outside the
//! timing). Without `--pages` or `--stages` it parses every page `N` times (default 5) and prints the best round.

use std::io::Read;
use std::time::Instant;

use rinse::pipeline::{self, Options, RawDocument};
use rinse::rules::RuleSet;
use rinse::InputKind;

fn main() -> std::io::Result<()> {
    let mut per_page = false;
    let mut stages = false;
    let mut rounds = 5usize;
    let mut pages: Vec<(String, String)> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--rounds" {
            rounds = args
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or(rounds)
                .max(1);
            continue;
        }
        if arg == "--pages" {
            per_page = true;
            continue;
        }
        if arg == "--stages" {
            stages = true;
            continue;
        }
        let raw = std::fs::read(&arg)?;
        let bytes = if arg.ends_with(".gz") {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(raw.as_slice()).read_to_end(&mut out)?;
            out
        } else {
            raw
        };
        pages.push((arg, String::from_utf8_lossy(&bytes).into_owned()));
    }
    let total: usize = pages.iter().map(|(_, text)| text.len()).sum();
    let mb = total as f64 / 1e6;
    if stages {
        time_stages(&pages);
        return Ok(());
    }
    if per_page {
        pipeline_per_page(&pages, rounds);
        return Ok(());
    }
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    for _ in 0..rounds {
        let start = Instant::now();
        let cpu_start = cpu_seconds();
        for (_, text) in &pages {
            let html = scraper::Html::parse_document(text);
            std::hint::black_box(&html);
        }
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_start, cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    println!(
        "parse-only: {} pages, {mb:.2} MB: wall {best:.3} s = {:.1} MB/s; CPU {best_cpu:.3} s = {:.1} MB/s",
        pages.len(),
        mb / best,
        mb / best_cpu
    );
    Ok(())
}

/// CPU time of the current thread in seconds, which other jobs on a busy machine disturb less than wall time.
#[allow(
    unsafe_code,
    reason = "clock_gettime is the one way to read a thread's CPU time"
)]
fn cpu_seconds() -> Option<f64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9)
}

/// Seconds spent running `f` (CPU time when available, else wall time), and what it returned.
fn spent_on<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let out = f();
    let spent = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) => b - a,
        _ => start.elapsed().as_secs_f64(),
    };
    (spent, out)
}

/// Times the whole in-memory pipeline (decode, parse, metadata, extract, render, cleanup) page by page, best of `rounds`, in CPU time
/// when available.
fn pipeline_per_page(pages: &[(String, String)], rounds: usize) {
    let rules = RuleSet::builtin();
    let options = Options {
        rules: &rules,
        input_format: Some(InputKind::Html),
        images: false,
        base_url: None,
        whole_page: false,
        title_heading: false,
        resolve_language: true,
        language: true,
        max_size: rinse::read::DEFAULT_MAX_SIZE,
    };
    let mut rates: Vec<(f64, f64, &str)> = Vec::new();
    let mut total_time = 0.0;
    let mut total_parse = 0.0;
    let mut total_bytes = 0usize;
    for (path, text) in pages {
        let doc = RawDocument {
            bytes: text.as_bytes().to_vec(),
            source: path.clone(),
            kind_hint: Some(InputKind::Html),
            url: None,
            charset: None,
            fetched: None,
        };
        let mut best = f64::INFINITY;
        let mut best_parse = f64::INFINITY;
        for _ in 0..rounds {
            // The cleaned document is dropped after the clock stops.
            let (spent, cleaned) = spent_on(|| pipeline::clean(&doc, &options));
            drop(std::hint::black_box(cleaned));
            best = best.min(spent);
            // scraper's parse of the same page, right after, timed the same way (its tree dropped inside).
            let (spent, ()) =
                spent_on(|| drop(std::hint::black_box(scraper::Html::parse_document(text))));
            best_parse = best_parse.min(spent);
        }
        total_time += best;
        total_parse += best_parse;
        total_bytes += text.len();
        let mb = text.len() as f64 / 1e6;
        rates.push((best * 1000.0 / mb, best * 1000.0, path));
    }
    rates.sort_by(|a, b| a.0.total_cmp(&b.0));
    let median = rates.get(rates.len() / 2).map_or(0.0, |r| r.0);
    let mb = total_bytes as f64 / 1e6;
    println!(
        "in-process, page by page, best of {rounds} each (CPU time): pipeline {:.1} MB/s, scraper parse-only {:.1} MB/s, ratio {:.0}%",
        mb / total_time,
        mb / total_parse,
        100.0 * total_parse / total_time
    );
    if let Some((ms_per_mb, ms, path)) = rates.last() {
        println!(
            "slowest page (pipeline, in-process): {ms_per_mb:.1} ms/MB ({ms:.1} ms, {:.1}x the median {median:.1} ms/MB) {path}",
            ms_per_mb / median.max(f64::MIN_POSITIVE)
        );
    }
}

/// Times every stage separately over all pages (best of 3 each), each on the previous stage's output.
fn time_stages(pages: &[(String, String)]) {
    use rinse::emit::{self, Format};
    use rinse::extract::{self, ExtractOptions};
    use rinse::markdown::{self, RenderOptions};
    use rinse::metadata;
    use rinse::rules::Scope;
    let mb = pages.iter().map(|(_, t)| t.len()).sum::<usize>() as f64 / 1e6;
    let rules = RuleSet::builtin();
    let names = [
        "decode", "parse", "metadata", "extract", "render", "rules", "language", "emit",
    ];
    let mut best = [f64::INFINITY; 8];
    for _ in 0..3 {
        let mut spent = [0.0f64; 8];
        for (path, text) in pages {
            let mut clock = Instant::now();
            let mut lap = |i: usize| {
                spent[i] += clock.elapsed().as_secs_f64();
                clock = Instant::now();
            };
            let decoded = rinse::decode::decode(text.as_bytes(), InputKind::Html, None).unwrap();
            lap(0);
            let html = rinse::parse::parse(&decoded);
            lap(1);
            let meta = metadata::from_html(&html, None);
            lap(2);
            let article = extract::extract(&html, &ExtractOptions::default());
            lap(3);
            let rendered = markdown::render(&html, &article, &RenderOptions::default());
            lap(4);
            let scope = Scope {
                url: None,
                source: path,
                paged: false,
                layout: None,
                extracted: true,
                plain: false,
                masthead: &[],
            };
            let (markdown, edits) = rules.clean(&rendered, &scope).unwrap();
            lap(5);
            let language = metadata::detect_language(&markdown);
            lap(6);
            let cleaned = rinse::Cleaned {
                metadata: meta,
                raw_body: rendered,
                markdown,
                edits,
                warnings: Vec::new(),
                language_clues: None,
            };
            std::hint::black_box((emit::render(&cleaned, Format::Text), language));
            lap(7);
            drop(html);
        }
        for (b, s) in best.iter_mut().zip(spent) {
            *b = b.min(s);
        }
    }
    let total: f64 = best.iter().sum();
    for (name, t) in names.iter().zip(best) {
        println!(
            "{name:9} {:7.1} ms  {:5.1}%  {:8.1} MB/s",
            t * 1000.0,
            100.0 * t / total,
            mb / t
        );
    }
    println!(
        "total     {:7.1} ms          {:8.1} MB/s",
        total * 1000.0,
        mb / total
    );
}
