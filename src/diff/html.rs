//! The side-by-side HTML report of `rinse diff --html`: one self-contained file, raw text left, cleaned text right.
