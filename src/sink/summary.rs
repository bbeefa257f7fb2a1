/*!
The run summary: what was found, read, lost and extracted.

Every input is accounted for: `found = read + failed`, where `failed`
counts inputs lost to an error; warnings (degraded but extracted
documents) are counted among `read` and separately.
*/

use std::fmt;
use std::time::Duration;

use crate::record::Kind;

/// Counts for one run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Inputs found (files and stdin), excluding files skipped by type.
    pub found: u64,
    /// Documents read and extracted.
    pub read: u64,
    /// Inputs lost to an error.
    pub failed: u64,
    /// Documents extracted with a warning.
    pub warnings: u64,
    /// Files skipped by type inside folders (and container records that
    /// hold no document, such as WARC request records).
    pub skipped: u64,
    /// READMEs skipped inside folders (not data; see
    /// [`crate::source::WalkOptions::readme`]).
    pub readmes: u64,
    /// Inputs skipped because an earlier run finished them (`--resume`).
    pub resumed: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Mentions by kind, indexed by [`Kind::index`].
    pub mentions: [u64; 5],
    /// Claims.
    pub claims: u64,
    /// Sentences longer than [`crate::claim::MAX_SENTENCE`] bytes, cut at
    /// their best breaks (a flattened table, a list run together): their
    /// parts give claims only for comparisons.
    pub cut_sentences: u64,
    /// Wall time.
    pub elapsed: Duration,
}

impl Summary {
    /// Adds another summary's counts (not its time).
    pub fn add(&mut self, o: &Summary) {
        self.found += o.found;
        self.read += o.read;
        self.failed += o.failed;
        self.warnings += o.warnings;
        self.skipped += o.skipped;
        self.readmes += o.readmes;
        self.resumed += o.resumed;
        self.bytes += o.bytes;
        for k in 0..5 {
            self.mentions[k] += o.mentions[k];
        }
        self.claims += o.claims;
        self.cut_sentences += o.cut_sentences;
    }

    /// All mentions.
    pub fn total_mentions(&self) -> u64 {
        self.mentions.iter().sum()
    }

    /// True when nothing was lost or degraded.
    pub fn clean(&self) -> bool {
        self.failed == 0 && self.warnings == 0
    }

    /// Throughput in MB/s (10^6 bytes).
    pub fn mb_per_s(&self) -> f64 {
        let s = self.elapsed.as_secs_f64();
        if s > 0.0 { self.bytes as f64 / 1e6 / s } else { 0.0 }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "claimscan: {} documents found, {} read, {} errors, {} warnings, {} skipped by type",
            self.found, self.read, self.failed, self.warnings, self.skipped,
        )?;
        if self.readmes > 0 {
            let s = if self.readmes == 1 { "" } else { "s" };
            write!(f, ", skipped {} README{s}", self.readmes)?;
        }
        write!(
            f,
            "; {:.1} MB; mentions {}:",
            self.bytes as f64 / 1e6,
            self.total_mentions(),
        )?;
        for k in Kind::ALL {
            write!(f, " {}={}", k, self.mentions[k.index()])?;
        }
        write!(f, "; claims {}", self.claims)?;
        if self.cut_sentences > 0 {
            write!(
                f,
                " ({} sentences over {} bytes cut)",
                self.cut_sentences,
                crate::claim::MAX_SENTENCE
            )?;
        }
        if self.resumed > 0 {
            write!(f, "; {} inputs done earlier (resumed)", self.resumed)?;
        }
        write!(
            f,
            "; {:.2} s, {:.1} MB/s",
            self.elapsed.as_secs_f64(),
            self.mb_per_s()
        )
    }
}
