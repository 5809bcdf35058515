//! The Exercises search on a thread of its own, for a store large enough that a search can take longer
//! than a frame: the screen keeps drawing (and taking keys) while it runs.
//!
//! One search runs at a time. A query typed while one runs waits; a later one replaces it, so a burst of
//! keys costs the search running now and one more, never one per key (a superseded query is cancelled
//! before it starts). Each search narrows from the one before, as on the UI thread.

use crate::search::{Filters, SearchIndex, SearchSession};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

/// From this many exercises the search runs on its own thread. Below it a search takes a few
/// milliseconds at most (p95 4.7 ms at 10k, benches/README.md), and its result is best shown in the same
/// frame as the key that asked for it.
pub const BACKGROUND_FROM: usize = 20_000;

/// What the thread is asked: narrow `session` to `query` and `filters`.
struct Job {
    session: SearchSession,
    query: String,
    filters: Filters,
}

/// The search thread, seen from the screen.
pub struct Searcher {
    jobs: Sender<Job>,
    done: Receiver<SearchSession>,
    /// A search is running.
    running: bool,
    /// The query asked for while one ran: the next to run.
    queued: Option<(String, Filters)>,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("running", &self.running)
            .field("queued", &self.queued)
            .finish_non_exhaustive()
    }
}

impl Searcher {
    /// Starts the thread; it ends when the `Searcher` is dropped (after the search it is running).
    pub fn start(index: Arc<SearchIndex>) -> std::io::Result<Searcher> {
        let (jobs, inbox) = mpsc::channel::<Job>();
        let (outbox, done) = mpsc::channel();
        std::thread::Builder::new()
            .name(String::from("search"))
            .spawn(move || {
                while let Ok(mut job) = inbox.recv() {
                    job.session.search(&index, &job.query, &job.filters);
                    if outbox.send(job.session).is_err() {
                        return;
                    }
                }
            })?;
        Ok(Searcher {
            jobs,
            done,
            running: false,
            queued: None,
        })
    }

    /// Asks for `query` and `filters`, narrowing from `session` (the last search's): at once when no
    /// search is running, else after it, in place of anything asked for meanwhile.
    pub fn ask(&mut self, session: &SearchSession, query: &str, filters: &Filters) {
        if self.running {
            self.queued = Some((query.to_owned(), filters.clone()));
        } else {
            self.send(session.clone(), query.to_owned(), filters.clone());
        }
    }

    fn send(&mut self, session: SearchSession, query: String, filters: Filters) {
        self.running = self
            .jobs
            .send(Job {
                session,
                query,
                filters,
            })
            .is_ok();
    }

    /// The finished search of the last query asked for, once there is one. A search finished while a
    /// later query waited starts that one instead (from the finished search) and gives nothing yet.
    pub fn finished(&mut self) -> Option<SearchSession> {
        if !self.running {
            return None;
        }
        match self.done.try_recv() {
            Ok(session) => self.landed(session),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => self.gone(),
        }
    }

    /// Waits for the search asked for (and any query waiting behind it): a move or click acts on the
    /// list of the query as typed.
    pub fn wait(&mut self) -> Option<SearchSession> {
        while self.running {
            let landed = match self.done.recv() {
                Ok(session) => self.landed(session),
                Err(_) => self.gone(),
            };
            if landed.is_some() {
                return landed;
            }
        }
        None
    }

    /// A search came back: it is the answer, unless a later query waited (which then starts from it).
    fn landed(&mut self, session: SearchSession) -> Option<SearchSession> {
        self.running = false;
        match self.queued.take() {
            Some((query, filters)) => {
                self.send(session, query, filters);
                None
            }
            None => Some(session),
        }
    }

    /// The thread is gone (it panicked): nothing more will come.
    fn gone(&mut self) -> Option<SearchSession> {
        self.running = false;
        self.queued = None;
        None
    }

    /// A search is running (or waits to): what the list shows is the last query's.
    pub fn busy(&self) -> bool {
        self.running
    }
}
