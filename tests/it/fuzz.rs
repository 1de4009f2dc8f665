//! Fuzzing on stable Rust (issue 17): each target of `fuzz/targets.rs` runs on inputs mutated from its corpus in
//! `tests/fixtures/fuzz/<target>/` with its dictionary of tokens, for a fixed number of cases (`RINSE_FUZZ_CASES`,
//! 64 by default; set it to 100000 for a long run). A failing input is shrunk and written into the corpus, which
//! `every_corpus_file_passes` replays on every run: commit it with the fix. A failure found and not fixed yet is
//! committed as `open-<what>`: it is no seed, and `open_corpus_files_still_fail` checks that it still fails, so
//! that the fix that mends it renames it. cargo-fuzz runs the same targets for longer on nightly (`fuzz/`, see
//! CONTRIBUTING.md).

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestError, TestRunner};

#[path = "../../fuzz/targets.rs"]
mod targets;

use targets::{Target, TARGETS};

/// Cases per target when `RINSE_FUZZ_CASES` is not set: a few seconds each on the dev profile.
const DEFAULT_CASES: u32 = 64;

/// The largest input a mutation makes (repeats included): big enough for nesting and bombs, small enough to stay
/// quick.
const MAX_INPUT: usize = 64 * 1024;

/// One change to an input; positions and lengths are fractions of the input (out of `u16::MAX`), so that they
/// shrink towards the start and stay valid whatever the input's length.
#[derive(Debug, Clone, Copy)]
enum Mutation {
    /// Inserts the dictionary's token number `.1` at `.0`.
    Token(u16, usize),
    /// Inserts a byte.
    Byte(u16, u8),
    /// Removes `.1` bytes at `.0`.
    Remove(u16, u16),
    /// Repeats the `.1` bytes at `.0` `.2` times (nesting, long runs, bombs).
    Repeat(u16, u16, u16),
    /// Overwrites the byte at `.0`.
    Set(u16, u8),
}

fn mutation(tokens: usize) -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<u16>(), 0..tokens).prop_map(|(at, t)| Mutation::Token(at, t)),
        2 => (any::<u16>(), any::<u8>()).prop_map(|(at, b)| Mutation::Byte(at, b)),
        2 => (any::<u16>(), 1..64u16).prop_map(|(at, n)| Mutation::Remove(at, n)),
        1 => (any::<u16>(), 1..32u16, 1..2000u16).prop_map(|(at, n, k)| Mutation::Repeat(at, n, k)),
        2 => (any::<u16>(), any::<u8>()).prop_map(|(at, b)| Mutation::Set(at, b)),
    ]
}

/// The position `at` stands for in an input of `len` bytes.
fn position(at: u16, len: usize) -> usize {
    (at as usize * len) / u16::MAX as usize
}

/// `seed` changed by `mutations` in turn.
fn mutate(seed: &[u8], mutations: &[Mutation], tokens: &[&str]) -> Vec<u8> {
    let mut data = seed.to_vec();
    for m in mutations {
        let len = data.len();
        match *m {
            Mutation::Token(at, t) => {
                let at = position(at, len);
                data.splice(at..at, tokens[t].bytes());
            }
            Mutation::Byte(at, b) => data.insert(position(at, len), b),
            Mutation::Remove(at, n) => {
                let at = position(at, len);
                data.drain(at..(at + n as usize).min(len));
            }
            Mutation::Repeat(at, n, times) => {
                let at = position(at, len);
                let piece = data[at..(at + n as usize).min(len)].to_vec();
                let times =
                    (times as usize).min(MAX_INPUT.saturating_sub(len) / piece.len().max(1));
                let copies: Vec<u8> = piece
                    .iter()
                    .copied()
                    .cycle()
                    .take(piece.len() * times)
                    .collect();
                data.splice(at..at, copies);
            }
            Mutation::Set(at, b) => {
                if let Some(byte) = data.get_mut(position(at, len)) {
                    *byte = b;
                }
            }
        }
        data.truncate(MAX_INPUT);
    }
    data
}

/// The corpus folder of a target.
fn corpus_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(name)
}

/// The files of a target's corpus but the open failures, sorted by name.
fn corpus(name: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = corpus_all(name);
    files.retain(|(path, _)| !is_open(path));
    files
}

/// Whether a corpus file is a known failure not fixed yet.
fn is_open(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with("open-"))
}

/// Every file of a target's corpus, sorted by name.
fn corpus_all(name: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(corpus_dir(name))
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.is_file())
                .map(|path| {
                    let bytes = std::fs::read(&path).expect("a corpus file can be read");
                    (path, bytes)
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Inputs for `target`: a corpus file (or nothing) with mutations, or plain random bytes.
fn inputs(target: &Target) -> impl Strategy<Value = Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = corpus(target.name)
        .into_iter()
        .map(|(_, bytes)| bytes)
        .collect();
    seeds.push(Vec::new());
    let tokens = target.tokens;
    prop_oneof![
        8 => (prop::sample::select(seeds), prop::collection::vec(mutation(tokens.len()), 0..24))
            .prop_map(move |(seed, mutations)| mutate(&seed, &mutations, tokens)),
        1 => prop::collection::vec(any::<u8>(), 0..512),
    ]
}

/// The number of cases per target: `RINSE_FUZZ_CASES`, else [`DEFAULT_CASES`].
fn cases() -> u32 {
    std::env::var("RINSE_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

/// Runs `name`'s target on mutated inputs; a failure is shrunk, written into the corpus, and fails the test.
fn fuzz(name: &str) {
    let target = TARGETS
        .iter()
        .find(|t| t.name == name)
        .expect("a target of that name");
    // A fixed seed per run of the default budget keeps `cargo test` deterministic; a long run draws fresh inputs.
    let rng = match std::env::var("RINSE_FUZZ_CASES") {
        Ok(_) => proptest::test_runner::TestRng::from_seed(
            proptest::test_runner::RngAlgorithm::ChaCha,
            &fresh_seed(),
        ),
        Err(_) => proptest::test_runner::TestRng::deterministic_rng(
            proptest::test_runner::RngAlgorithm::ChaCha,
        ),
    };
    let config = Config {
        cases: cases(),
        failure_persistence: None,
        max_shrink_iters: 2000,
        ..Config::default()
    };
    let mut runner = TestRunner::new_with_rng(config, rng);
    let result = runner.run(&inputs(target), |data| {
        (target.check)(&data);
        Ok(())
    });
    match result {
        Ok(()) => {}
        Err(TestError::Fail(reason, data)) => {
            let path = save(name, &data);
            panic!(
                "fuzz target `{name}` failed: {reason}\nthe input ({} bytes) is saved as {}: commit it with the fix",
                data.len(),
                path.display()
            );
        }
        Err(TestError::Abort(reason)) => panic!("fuzz target `{name}` aborted: {reason}"),
    }
}

/// 32 bytes of seed that differ between runs, from the clock and the process id (no extra crate needed).
fn fresh_seed() -> [u8; 32] {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut seed = [0u8; 32];
    seed[..16].copy_from_slice(&nanos.to_le_bytes());
    seed[16..20].copy_from_slice(&std::process::id().to_le_bytes());
    seed
}

/// Writes a failing input into the target's corpus, named by its FNV-1a hash so that a repeat finds the same file.
fn save(name: &str, data: &[u8]) -> PathBuf {
    let hash = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3)
    });
    let dir = corpus_dir(name);
    let path = dir.join(format!("found-{hash:016x}"));
    if let Err(err) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, data)) {
        panic!(
            "the failing input could not be saved as {}: {err}",
            path.display()
        );
    }
    path
}

#[test]
fn every_corpus_file_passes() {
    let mut failed = Vec::new();
    for target in TARGETS {
        let files = corpus(target.name);
        assert!(
            !files.is_empty(),
            "tests/fixtures/fuzz/{} has no corpus",
            target.name
        );
        for (path, data) in files {
            if std::panic::catch_unwind(|| (target.check)(&data)).is_err() {
                failed.push(path.display().to_string());
            }
        }
    }
    assert!(
        failed.is_empty(),
        "corpus files that fail their target: {failed:#?}"
    );
}

#[test]
fn open_corpus_files_still_fail() {
    let mut mended = Vec::new();
    for target in TARGETS {
        for (path, data) in corpus_all(target.name) {
            if is_open(&path) && std::panic::catch_unwind(|| (target.check)(&data)).is_ok() {
                mended.push(path.display().to_string());
            }
        }
    }
    assert!(
        mended.is_empty(),
        "these known failures pass now: drop `open-` from their names so that they stay fixed: {mended:#?}"
    );
}

#[test]
fn every_target_has_a_cargo_fuzz_binary() {
    for target in TARGETS {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("fuzz/fuzz_targets/{}.rs", target.name));
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} is missing", path.display()));
        assert!(
            source.contains(&format!("targets::{}(", target.name)),
            "{} runs another target",
            path.display()
        );
    }
}

#[test]
fn mutations_stay_within_the_input_limit() {
    let seed = vec![b'x'; 100];
    let grown = mutate(&seed, &[Mutation::Repeat(0, 31, 1999); 8], &["a"]);
    assert!(grown.len() <= MAX_INPUT);
    assert!(mutate(
        b"",
        &[Mutation::Remove(u16::MAX, 9), Mutation::Set(3, 1)],
        &["a"]
    )
    .is_empty());
    assert_eq!(
        mutate(b"ab", &[Mutation::Token(u16::MAX, 0)], &["<p>"]),
        b"ab<p>"
    );
}

macro_rules! fuzz_tests {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                fuzz(stringify!($name));
            }
        )*

        #[test]
        fn every_target_has_a_test() {
            let tested = [$(stringify!($name)),*];
            for target in TARGETS {
                assert!(tested.contains(&target.name), "no test runs the target `{}`", target.name);
            }
        }
    };
}

mod target {
    use super::{fuzz, TARGETS};

    fuzz_tests!(
        decode,
        gzip,
        html,
        markdown,
        paged,
        front_matter,
        jsonl,
        warc,
        robots,
        sitemap,
        rules,
        pdf
    );
}
