//! How far a store load has got: counted by the loader as it goes, read from another thread by whoever
//! shows it (the app's status line). Counts only ever grow; a reader sees each count as it stood then.

use std::sync::atomic::{AtomicU8, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The steps of a load, in the order they run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum LoadPhase {
    /// Finding the files and reading them into memory.
    #[default]
    Reading,
    /// Parsing each file into records.
    Parsing,
    /// Checking the records against each other (ids, links, cycles).
    Checking,
    /// Building the search index over the exercises (done by the app, after the store is loaded).
    Indexing,
    /// Everything is ready.
    Done,
}

impl LoadPhase {
    /// How `check --timings` names it.
    pub fn name(self) -> &'static str {
        match self {
            LoadPhase::Reading => "reading",
            LoadPhase::Parsing => "parsing",
            LoadPhase::Checking => "checking",
            LoadPhase::Indexing => "indexing",
            LoadPhase::Done => "done",
        }
    }

    const ALL: [LoadPhase; 5] = [
        LoadPhase::Reading,
        LoadPhase::Parsing,
        LoadPhase::Checking,
        LoadPhase::Indexing,
        LoadPhase::Done,
    ];

    /// The share of a whole load done when this phase starts, and the share it takes: as watched on a
    /// 100k-exercise store (release, 2 busy cores), reading ≈ 15 %, parsing ≈ 65 %, checking ≈ 8 %,
    /// indexing ≈ 12 % of the time.
    fn span(self) -> (f64, f64) {
        match self {
            LoadPhase::Reading => (0.0, 0.15),
            LoadPhase::Parsing => (0.15, 0.65),
            LoadPhase::Checking => (0.80, 0.08),
            LoadPhase::Indexing => (0.88, 0.12),
            LoadPhase::Done => (1.0, 0.0),
        }
    }
}

/// The counters a load updates. Share it (`Arc`) between the loading thread and the one showing it.
#[derive(Debug)]
pub struct LoadProgress {
    phase: AtomicU8,
    found: AtomicUsize,
    read: AtomicUsize,
    parsed: AtomicUsize,
    /// When the load began (when this was made), and when each phase after the first began, in
    /// nanoseconds since then (0: not begun), for `check --timings`.
    began: Instant,
    phase_began: [AtomicU64; LoadPhase::ALL.len()],
}

impl Default for LoadProgress {
    fn default() -> LoadProgress {
        LoadProgress {
            phase: AtomicU8::default(),
            found: AtomicUsize::default(),
            read: AtomicUsize::default(),
            parsed: AtomicUsize::default(),
            began: Instant::now(),
            phase_began: Default::default(),
        }
    }
}

/// The counters as they stood at one moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadCounts {
    pub phase: LoadPhase,
    /// `.toml` files found so far (in every layer walked so far).
    pub found: usize,
    /// Files read into memory.
    pub read: usize,
    /// Files parsed into records.
    pub parsed: usize,
}

impl LoadProgress {
    pub fn new() -> LoadProgress {
        LoadProgress::default()
    }

    /// Moves on to `phase` (a load never goes back), noting when it began.
    pub fn set_phase(&self, phase: LoadPhase) {
        let before = self.phase.fetch_max(phase as u8, Ordering::Relaxed);
        if before < phase as u8
            && let Some(began) = self.phase_began.get(phase as usize)
        {
            let nanos = u64::try_from(self.began.elapsed().as_nanos()).unwrap_or(u64::MAX);
            began.store(nanos.max(1), Ordering::Relaxed);
        }
    }

    /// How long each phase took, from the start of the load until the next phase began or until now,
    /// for the phases that have begun (a phase moved past at once is left out).
    pub fn timings(&self) -> Vec<(LoadPhase, Duration)> {
        let now = u64::try_from(self.began.elapsed().as_nanos()).unwrap_or(u64::MAX);
        let mut starts: Vec<(LoadPhase, u64)> = vec![(LoadPhase::Reading, 0)];
        for phase in &LoadPhase::ALL[1..] {
            let at = self.phase_began[*phase as usize].load(Ordering::Relaxed);
            if at > 0 {
                starts.push((*phase, at));
            }
        }
        (starts.iter().enumerate())
            .map(|(i, (phase, at))| {
                let end = starts.get(i + 1).map_or(now, |(_, next)| *next);
                (*phase, Duration::from_nanos(end.saturating_sub(*at)))
            })
            .collect()
    }

    /// `n` more files found.
    pub fn found(&self, n: usize) {
        self.found.fetch_add(n, Ordering::Relaxed);
    }

    /// `n` more files read.
    pub fn read(&self, n: usize) {
        self.read.fetch_add(n, Ordering::Relaxed);
    }

    /// One more file parsed.
    pub fn parsed_one(&self) {
        self.parsed.fetch_add(1, Ordering::Relaxed);
    }

    pub fn snapshot(&self) -> LoadCounts {
        let phase = usize::from(self.phase.load(Ordering::Relaxed));
        LoadCounts {
            phase: LoadPhase::ALL
                .get(phase)
                .copied()
                .unwrap_or(LoadPhase::Done),
            found: self.found.load(Ordering::Relaxed),
            read: self.read.load(Ordering::Relaxed),
            parsed: self.parsed.load(Ordering::Relaxed),
        }
    }
}

impl LoadCounts {
    /// How much of the whole load is done, 0 to 1: each phase's share of the time, filled by its count
    /// where it has one (reading and parsing), else counted as just begun.
    pub fn fraction(&self) -> f64 {
        let (start, share) = self.phase.span();
        let within = match self.phase {
            LoadPhase::Reading => ratio(self.read, self.found),
            LoadPhase::Parsing => ratio(self.parsed, self.found.max(self.read)),
            _ => 0.0,
        };
        (start + share * within).clamp(0.0, 1.0)
    }
}

fn ratio(done: usize, of: usize) -> f64 {
    if of == 0 {
        0.0
    } else {
        (done as f64 / of as f64).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_phases_add_up_and_never_go_back() {
        let progress = LoadProgress::new();
        assert_eq!(progress.snapshot(), LoadCounts::default());
        assert_eq!(progress.snapshot().fraction(), 0.0);
        progress.found(100);
        progress.read(50);
        let half_read = progress.snapshot();
        assert_eq!((half_read.found, half_read.read), (100, 50));
        assert!((half_read.fraction() - 0.075).abs() < 1e-9);
        progress.read(50);
        progress.set_phase(LoadPhase::Parsing);
        for _ in 0..100 {
            progress.parsed_one();
        }
        progress.set_phase(LoadPhase::Checking);
        progress.set_phase(LoadPhase::Reading);
        let checking = progress.snapshot();
        assert_eq!(
            checking.phase,
            LoadPhase::Checking,
            "a load never goes back"
        );
        assert_eq!(checking.parsed, 100);
        progress.set_phase(LoadPhase::Done);
        assert_eq!(progress.snapshot().fraction(), 1.0);
    }

    #[test]
    fn each_phase_is_timed_from_its_start_to_the_next() {
        let progress = LoadProgress::new();
        std::thread::sleep(Duration::from_millis(5));
        progress.set_phase(LoadPhase::Parsing);
        progress.set_phase(LoadPhase::Reading);
        std::thread::sleep(Duration::from_millis(5));
        progress.set_phase(LoadPhase::Checking);
        let timings = progress.timings();
        let phases: Vec<_> = timings.iter().map(|(phase, _)| *phase).collect();
        assert_eq!(
            phases,
            [LoadPhase::Reading, LoadPhase::Parsing, LoadPhase::Checking]
        );
        assert!(timings[0].1 >= Duration::from_millis(5), "{timings:?}");
        assert!(timings[1].1 >= Duration::from_millis(5), "{timings:?}");
        let total: Duration = timings.iter().map(|(_, t)| *t).sum();
        assert!(total <= progress.began.elapsed(), "{timings:?}");
    }

    #[test]
    fn the_fraction_grows_with_every_step() {
        let steps = [
            LoadCounts::default(),
            LoadCounts {
                found: 10,
                read: 5,
                ..LoadCounts::default()
            },
            LoadCounts {
                phase: LoadPhase::Parsing,
                found: 10,
                read: 10,
                parsed: 2,
            },
            LoadCounts {
                phase: LoadPhase::Parsing,
                found: 10,
                read: 10,
                parsed: 9,
            },
            LoadCounts {
                phase: LoadPhase::Checking,
                found: 10,
                read: 10,
                parsed: 10,
            },
            LoadCounts {
                phase: LoadPhase::Indexing,
                found: 10,
                read: 10,
                parsed: 10,
            },
        ];
        for pair in steps.windows(2) {
            assert!(
                pair[0].fraction() < pair[1].fraction(),
                "{pair:?}: {} then {}",
                pair[0].fraction(),
                pair[1].fraction()
            );
        }
    }
}
