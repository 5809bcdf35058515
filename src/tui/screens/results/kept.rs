//! The panes' text as last laid out, each with what it was made from, laid out again only when that
//! changed: building and wrapping the reasons, the routine and the step's text is most of what laying a
//! Results frame out costs, and most frames (a key that moves focus, the figures' clock) change none of
//! it.

use crate::engine::{Report, Routine};
use crate::text::Line;
use std::sync::Arc;

/// A value made from a key, kept until the key changes.
#[derive(Clone, Debug)]
pub struct Kept<K, V> {
    made: Option<(K, V)>,
}

impl<K, V> Default for Kept<K, V> {
    fn default() -> Self {
        Kept { made: None }
    }
}

impl<K, V: Clone> Kept<K, V> {
    /// The kept value when `same` recognises the key it was made from; else `make`'s, kept with `key()`.
    /// The key is compared in place and built only when the value is made again, so a key that holds
    /// the whole report costs a comparison per frame, not a copy.
    pub fn get(
        &mut self,
        same: impl FnOnce(&K) -> bool,
        key: impl FnOnce() -> K,
        make: impl FnOnce() -> V,
    ) -> V {
        match &self.made {
            Some((k, v)) if same(k) => v.clone(),
            _ => {
                let v = make();
                self.made = Some((key(), v.clone()));
                v
            }
        }
    }
}

/// Lines shared between the frame that shows them and the next one that would make the same.
pub type Lines = Arc<[Line]>;

/// The Results screen's kept text.
#[derive(Clone, Debug, Default)]
pub struct Texts {
    /// From the report, the selected story and the width.
    pub reasons: Kept<(Report, usize, usize), Lines>,
    /// From the current routine (or, without one, the report), the exercise under the cursor, whether
    /// the pane has focus, and the width; with each exercise's first line and number of lines.
    pub routine: Kept<RoutineKey, (Lines, Vec<(usize, usize)>)>,
    /// From the selected chain, its selected step and the width.
    pub detail: Kept<(Option<String>, usize, usize), Lines>,
}

pub type RoutineKey = (Option<Routine>, Report, usize, bool, usize);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_made_again_only_when_its_key_changes() {
        let mut kept: Kept<u32, String> = Kept::default();
        let mut made = 0;
        let mut get = |key: u32| {
            kept.get(
                |k| *k == key,
                || key,
                || {
                    made += 1;
                    format!("made from {key}")
                },
            )
        };
        assert_eq!(get(1), "made from 1");
        assert_eq!(get(1), "made from 1");
        assert_eq!(get(2), "made from 2");
        assert_eq!(get(1), "made from 1");
        assert_eq!(made, 3);
    }
}
