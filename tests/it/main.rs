//! Integration tests, one module per topic, in one test binary.

mod pages;
