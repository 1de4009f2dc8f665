//! `rinse check`: the CLI cases `tests/cmd/check-*.toml`, each run in its `.in` folder of raw/ and clean/.

#[test]
fn check_cli_cases() {
    trycmd::TestCases::new()
        .register_bin("rinse", crate::harness::bin())
        .case("tests/cmd/check-*.toml");
}
