//! What an import could not map onto backchain's fields, counted by field and value.

use std::collections::BTreeMap;

/// Values that did not map, or mapped with loss: for each field and what was done with it, how many
/// exercises had each value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    entries: BTreeMap<(String, String), BTreeMap<String, usize>>,
}

impl Report {
    /// One exercise had `value` in `field`, and `what` says what became of it.
    pub fn note(&mut self, field: &str, value: &str, what: &str) {
        *self
            .entries
            .entry((field.to_owned(), what.to_owned()))
            .or_default()
            .entry(value.to_owned())
            .or_default() += 1;
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many exercises had `value` in `field`, whatever became of it.
    pub fn count(&self, field: &str, value: &str) -> usize {
        self.entries
            .iter()
            .filter(|((f, _), _)| f == field)
            .filter_map(|(_, values)| values.get(value))
            .sum()
    }

    /// One line per field and outcome, values most frequent first:
    /// `equipment: "cable" ×81, "machine" ×67 — no backchain equipment; …`.
    pub fn lines(&self) -> Vec<String> {
        self.entries
            .iter()
            .map(|((field, what), values)| {
                let mut values: Vec<(&String, &usize)> = values.iter().collect();
                values.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                let listed = values
                    .iter()
                    .map(|(value, n)| format!("{} ×{n}", crate::text::quote(value)))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!("{field}: {listed} — {what}")
            })
            .collect()
    }
}
