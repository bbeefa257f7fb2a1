//! Arbitrary bytes as an HTML page → main text → mentions → claims.
#![no_main]

use claimscan::reader::{Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    claimscan_fuzz::read_and_check(data, Some(Format::Html), &ReadOptions::default());
});
