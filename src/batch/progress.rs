//! The progress bar on stderr (indicatif): documents done, MB/s, ETA. Only
//! shown when asked for (the command line asks when stderr is a terminal).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Progress of a batch; a no-op when disabled.
pub struct Progress {
    bar: Option<ProgressBar>,
    docs: u64,
    total_docs: Option<u64>,
}

impl Progress {
    /// A progress display. `totals` (documents, bytes) gives a bar with an ETA;
    /// without it a spinner counts documents and bytes.
    pub fn new(enabled: bool, totals: Option<(u64, u64)>) -> Progress {
        if !enabled {
            return Progress {
                bar: None,
                docs: 0,
                total_docs: None,
            };
        }
        let (bar, style) = match totals {
            Some((_, bytes)) => (
                ProgressBar::with_draw_target(Some(bytes), ProgressDrawTarget::stderr()),
                "{spinner} [{elapsed_precise}] {wide_bar} {msg} {binary_bytes}/{binary_total_bytes} \
                 {binary_bytes_per_sec} ETA {eta}",
            ),
            None => (
                ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
                "{spinner} [{elapsed_precise}] {msg} {binary_bytes} {binary_bytes_per_sec}",
            ),
        };
        if let Ok(s) = ProgressStyle::with_template(style) {
            bar.set_style(s);
        }
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        Progress {
            bar: Some(bar),
            docs: 0,
            total_docs: totals.map(|(d, _)| d),
        }
    }

    /// Records one finished document of `bytes` bytes.
    pub fn inc(&mut self, bytes: u64) {
        self.docs += 1;
        if let Some(bar) = &self.bar {
            bar.inc(bytes);
            match self.total_docs {
                Some(t) => bar.set_message(format!("{}/{t} files", self.docs)),
                None => bar.set_message(format!("{} files", self.docs)),
            }
        }
    }

    /// Prints a line on stderr without garbling the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the bar (before the summary line is printed).
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
