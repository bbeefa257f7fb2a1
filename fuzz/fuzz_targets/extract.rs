//! Arbitrary bytes (lossily decoded) → mentions → claims, no document date.
#![no_main]

use claimscan::extract::DocContext;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    claimscan_fuzz::extract_and_check(&text, &DocContext::default());
});
