//! Arbitrary bytes as a warc file → framing → decoding → mentions → claims.
#![no_main]

use claimscan::reader::{Format, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A small record limit also exercises the too-large paths.
    let opts = ReadOptions {
        max_size: 4096,
        ..ReadOptions::default()
    };
    claimscan_fuzz::read_and_check(data, Some(Format::Warc), &opts);
});
