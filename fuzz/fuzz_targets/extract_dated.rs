//! Like `extract`, with a document date taken from the first 4 bytes so
//! that year-less and relative dates ("last year", "Tuesday") resolve.
#![no_main]

use claimscan::extract::DocContext;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<4>() else { return };
    // What `--doc-date` accepts: any year, month 1-12, day 1-31 (no
    // per-month check). Years span 2000 ± 32768.
    let year = 2000 + i32::from(i16::from_le_bytes([head[0], head[1]]));
    let month = u32::from(head[2] % 12) + 1;
    let day = u32::from(head[3] % 31) + 1;
    let ctx = DocContext { date: Some((year, month, day)) };
    let text = String::from_utf8_lossy(rest);
    claimscan_fuzz::extract_and_check(&text, &ctx);
});
