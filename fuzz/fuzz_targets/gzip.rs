//! Arbitrary bytes behind the gzip magic (and arbitrary bytes sniffed
//! for their format): decompression errors, truncation, size limits.
#![no_main]

use claimscan::reader::ReadOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = ReadOptions {
        max_size: 1 << 16,
        ..ReadOptions::default()
    };
    let mut gz = vec![0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0xff];
    gz.extend_from_slice(data);
    claimscan_fuzz::read_and_check(&gz, None, &opts);
    claimscan_fuzz::read_and_check(data, None, &opts);
});
