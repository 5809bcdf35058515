//! Shared by the benches: timing helpers and reading criterion's own estimates back.

#![allow(dead_code)]

use std::time::{Duration, Instant};

/// Median, min and max of a set of durations, in milliseconds.
pub struct Stats {
    pub median: f64,
    pub p95: f64,
    pub min: f64,
    pub max: f64,
}

pub fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| ms(samples[((samples.len() - 1) as f64 * q).round() as usize]);
    Stats {
        median: at(0.5),
        p95: at(0.95),
        min: ms(samples[0]),
        max: ms(samples[samples.len() - 1]),
    }
}

pub fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    // black_box keeps the compiler from dropping work whose result is not used.
    let out = std::hint::black_box(f());
    (out, start.elapsed())
}

/// Runs `f` `n` times and returns the timings.
pub fn repeat<T>(n: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    (0..n)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect()
}

/// Prints a verdict line: the measured value against its target.
pub fn verdict(what: &str, value: f64, unit: &str, target: f64) {
    let mark = if value <= target { "ok  " } else { "MISS" };
    println!("[{mark}] {what}: {value:.2}{unit} (target ≤ {target}{unit})");
}
