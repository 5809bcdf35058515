//! The content read on a thread of its own, then indexed for search there too, while the app draws the
//! load's progress; what it gives back is all the app needs to open on its screens.

use crate::content::{LoadCounts, LoadPhase, LoadProgress, Store};
use crate::search::SearchIndex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

/// How long start-up waits for the load before drawing the loading frame: a store that loads within it
/// (the built-in one takes about 2 ms) opens straight on its screens, with no loading frame flashing by,
/// and a large one still shows its first frame well within 50 ms.
pub const GRACE: Duration = Duration::from_millis(30);

/// A store of at most this many files is ready in moments even on a busy machine: start-up waits up to
/// [`SMALL_GRACE`] for it rather than flash a loading frame (the built-in store has about 40 files).
const SMALL_STORE: usize = 2_000;
const SMALL_GRACE: Duration = Duration::from_millis(250);

/// A loaded store and its search index, ready for [`super::App::with_search`].
pub struct Loaded {
    pub store: Store,
    pub search: SearchIndex,
}

/// A load running on its own thread. Dropping it abandons the load: the thread finishes what it is
/// doing, skips the index and ends; quitting the app does not wait for it.
pub struct Loader<E> {
    progress: Arc<LoadProgress>,
    done: mpsc::Receiver<Result<Loaded, E>>,
    abandoned: Arc<AtomicBool>,
}

impl<E: Send + 'static> Loader<E> {
    /// Starts `load` on a new thread; the store it returns is indexed for search on that thread too.
    /// `Err` only when no thread can be started.
    pub fn start(
        load: impl FnOnce(&LoadProgress) -> Result<Store, E> + Send + 'static,
    ) -> std::io::Result<Loader<E>> {
        let progress = Arc::new(LoadProgress::new());
        let abandoned = Arc::new(AtomicBool::new(false));
        let (send, done) = mpsc::sync_channel(1);
        let (counts, gone) = (Arc::clone(&progress), Arc::clone(&abandoned));
        std::thread::Builder::new()
            .name(String::from("backchain-load"))
            .spawn(move || {
                let result = load(&counts);
                if gone.load(Ordering::Relaxed) {
                    return;
                }
                let result = result.map(|store| {
                    counts.set_phase(LoadPhase::Indexing);
                    let search = SearchIndex::new(&store);
                    counts.set_phase(LoadPhase::Done);
                    Loaded { store, search }
                });
                // Nobody may be waiting any more (the app was quit): nothing to do then.
                let _ = send.send(result);
            })?;
        Ok(Loader {
            progress,
            done,
            abandoned,
        })
    }

    /// The load's counts as they stand now.
    pub fn progress(&self) -> LoadCounts {
        self.progress.snapshot()
    }

    /// The load's result if it is ready when the first frame is due: after [`GRACE`], or a little later
    /// for a store known by then to be small (all its files found, few of them). `None`: draw the loading
    /// frame.
    pub fn wait_first_frame(&self) -> std::io::Result<Option<Result<Loaded, E>>> {
        if let Some(done) = self.wait(GRACE)? {
            return Ok(Some(done));
        }
        let counts = self.progress();
        if counts.phase > LoadPhase::Reading && counts.found <= SMALL_STORE {
            return self.wait(SMALL_GRACE);
        }
        Ok(None)
    }

    /// The load's result, waiting at most `timeout` for it; `None` while it is still running. `Err`
    /// when the loading thread ended without a result (it panicked).
    pub fn wait(&self, timeout: Duration) -> std::io::Result<Option<Result<Loaded, E>>> {
        match self.done.recv_timeout(timeout) {
            Ok(result) => Ok(Some(result)),
            Err(mpsc::RecvTimeoutError::Timeout) => Ok(None),
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(std::io::Error::other(
                "the content could not be loaded: the loading thread stopped",
            )),
        }
    }
}

impl<E> Drop for Loader<E> {
    fn drop(&mut self) {
        self.abandoned.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_load_gives_its_store_indexed_or_its_refusal() {
        let loader = Loader::<()>::start(|progress| {
            Store::load_layers_watched(&crate::content::Layers::new(Vec::new()), progress)
                .map(|(store, _)| store)
                .map_err(drop)
        })
        .unwrap();
        let loaded = loop {
            if let Some(done) = loader.wait(Duration::from_secs(1)).unwrap() {
                break done.unwrap();
            }
        };
        assert!(!loaded.store.exercises.is_empty());
        let counts = loader.progress();
        assert_eq!(counts.phase, LoadPhase::Done);
        assert!(counts.found > 0 && counts.read == counts.found && counts.parsed == counts.found);

        let refused = Loader::start(|_| Err::<Store, _>("problems")).unwrap();
        let result = refused.wait(Duration::from_secs(10)).unwrap();
        assert!(matches!(result, Some(Err("problems"))));
    }

    #[test]
    fn a_small_store_is_waited_for_a_little_longer_a_large_one_is_not() {
        let slow = |files: usize| {
            Loader::<()>::start(move |progress| {
                progress.found(files);
                progress.read(files);
                progress.set_phase(LoadPhase::Parsing);
                std::thread::sleep(GRACE + Duration::from_millis(60));
                Ok(Store::default())
            })
            .unwrap()
        };
        assert!(slow(40).wait_first_frame().unwrap().is_some());
        // Had it waited as for a small store, the load would have ended meanwhile.
        assert!(slow(100_000).wait_first_frame().unwrap().is_none());
    }

    #[test]
    fn a_load_that_dies_is_an_error_not_a_hang() {
        let loader = Loader::<()>::start(|_| {
            // Quietly, without the test's panic message: the thread ends without sending.
            std::panic::resume_unwind(Box::new("the load failed"))
        })
        .unwrap();
        assert!(loader.wait(Duration::from_secs(10)).is_err());
    }
}
