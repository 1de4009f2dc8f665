//! cargo-fuzz binary for the `pdf` target of `fuzz/targets.rs`.
#![no_main]

#[path = "../targets.rs"]
#[allow(dead_code, reason = "each binary runs one of the targets")]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::pdf(data));
