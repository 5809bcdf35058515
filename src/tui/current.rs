//! The routine as the journal's ratings have moved it, and those ratings: worked out when the answers
//! or the journal change, not on every frame. With years of journal this is most of what a Results or
//! Session frame would otherwise cost (every event read again).

use crate::content::Store;
use crate::engine::{Report, Routine};
use crate::journal::Event;
use crate::session::Rating;
use crate::session::progression;
use std::collections::HashMap;

/// Each exercise's ratings in the journal, oldest first.
pub type Ratings = HashMap<String, Vec<Rating>>;

#[derive(Clone, Debug, Default)]
pub struct Current {
    /// What it was worked out from: the journal's length and last event (the journal only grows, or
    /// is read again whole); `None` until worked out, and after the answers change.
    from: Option<(usize, Option<Event>)>,
    /// The report's routine as progression moved it; `None` when the report has none.
    pub routine: Option<Routine>,
    pub ratings: Ratings,
}

impl Current {
    /// Works it out for `report` and `events`.
    pub fn of(store: &Store, report: &Report, events: &[Event]) -> Current {
        let mut current = Current::default();
        current.refresh(store, report, events);
        current
    }

    /// Works it out again if the journal changed since; [`Current::forget`] first when the answers did.
    pub fn refresh(&mut self, store: &Store, report: &Report, events: &[Event]) {
        let from = (events.len(), events.last().cloned());
        if self.from.as_ref() == Some(&from) {
            return;
        }
        self.ratings = progression::ratings_of(events);
        self.routine = (report.routine.as_ref())
            .map(|routine| progression::current_routine(store, routine, events));
        self.from = Some(from);
    }

    /// The report changed: the next [`Current::refresh`] works everything out again.
    pub fn forget(&mut self) {
        self.from = None;
    }
}
