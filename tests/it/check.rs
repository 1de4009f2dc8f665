//! `rinse check`: the CLI cases `tests/cmd/check-*.toml`, each run in its `.in` folder of raw/ and clean/.

use std::path::Path;

#[test]
fn check_cli_cases() {
    trycmd::TestCases::new()
        .register_bin("rinse", Path::new(env!("CARGO_BIN_EXE_rinse")))
        .case("tests/cmd/check-*.toml");
}
