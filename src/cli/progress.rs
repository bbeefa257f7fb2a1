/*!
The progress bar: on a terminal only (never on a pipe, never with
`--quiet`), drawn on stderr by indicatif. It shows the files done, the MB
read, MB/s and, once a background walk has summed the input sizes, a bar
and an ETA. Per-file messages are printed above it.
*/

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A progress bar, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar when stderr is a terminal and `quiet` is off.
    pub fn new(quiet: bool, paths: &[PathBuf]) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = ProgressBar::with_draw_target(
            None,
            ProgressDrawTarget::stderr_with_hz(10),
        );
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {msg}: {decimal_bytes} ({decimal_bytes_per_sec}) [{elapsed}]",
            )
            .expect("valid template"),
        );
        bar.set_message("0 files done");
        bar.enable_steady_tick(Duration::from_millis(100));
        // Sum the input sizes in the background: then the bar knows its
        // length and can show an ETA. Standard input has no size.
        if !paths.iter().any(|p| p.as_os_str() == "-") {
            let b = bar.clone();
            let paths = paths.to_vec();
            std::thread::spawn(move || {
                let opts = claimscan::source::WalkOptions::default();
                let total: u64 = claimscan::source::walk(&paths, &opts)
                    .filter_map(|w| match w {
                        claimscan::record::Walk::Source(s) => s.size,
                        _ => None,
                    })
                    .sum();
                b.set_length(total);
                b.set_style(
                    ProgressStyle::with_template(
                        "{spinner} {msg} [{bar:30}] {decimal_bytes}/{decimal_total_bytes} ({decimal_bytes_per_sec}, ETA {eta})",
                    )
                    .expect("valid template")
                    .progress_chars("=> "),
                );
            });
        }
        Progress { bar: Some(bar) }
    }

    /// Updates the bar from the running summary.
    pub fn update(&self, s: &claimscan::sink::Summary) {
        if let Some(b) = &self.bar {
            b.set_position(s.bytes);
            b.set_message(format!(
                "{} files done, {} errors",
                s.read + s.failed,
                s.failed
            ));
        }
    }

    /// Prints a message above the bar.
    pub fn println(&self, msg: &str) {
        match &self.bar {
            Some(b) => b.suspend(|| eprintln!("claimscan: {msg}")),
            None => eprintln!("claimscan: {msg}"),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
