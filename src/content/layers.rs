//! Stores layered over one another: the built-in store, then folders over it, later layers winning by id.

use super::Store;
use super::model::FileId;
use super::source::{Origin, Problem};
use crate::text::Text;
use crate::text::intern::WordMap;
use std::fmt;

/// The stores read, lowest first. A record in a later layer replaces the record with the same id in an
/// earlier one; `questionnaire.toml` and `plan.toml` are replaced whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layers(Vec<Origin>);

impl Layers {
    /// One store on its own.
    pub fn one(origin: Origin) -> Layers {
        Layers(vec![origin])
    }

    /// These stores, lowest first; the built-in store alone when the list is empty.
    pub fn new(origins: Vec<Origin>) -> Layers {
        if origins.is_empty() {
            Layers::one(Origin::Embedded)
        } else {
            Layers(origins)
        }
    }

    pub fn origins(&self) -> &[Origin] {
        &self.0
    }

    /// The top layer, whose folder holds what a store lacks as a whole (a missing `chains.toml`).
    pub fn top(&self) -> &Origin {
        self.0.last().unwrap_or(&Origin::Embedded)
    }
}

impl fmt::Display for Layers {
    /// "built-in content + /home/pat/exercises": lowest first.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&names.join(" + "))
    }
}

/// Drops the records an upper layer replaces and
/// notes each replacement at the record that replaced it.
pub fn overlay(store: &mut Store, layer_names: &[String], notes: &mut Vec<Problem>) {
    if layer_names.len() < 2 {
        return;
    }
    let files = &store.files;
    let layer_of = |file: FileId| files.get(file).map_or(0, |f| f.layer);
    let mut noted = Vec::new();
    macro_rules! kind {
        ($list:expr, $kind:literal) => {
            let all = std::mem::take(&mut $list);
            let winners: WordMap<String, usize> =
                top_layers(all.iter().map(|r| (r.id.as_str(), layer_of(r.file))))
                    .into_iter()
                    .map(|(id, layer)| (id.to_owned(), layer))
                    .collect();
            let mut kept = Vec::with_capacity(all.len());
            let mut replaced: Vec<(String, FileId, Text)> = Vec::new();
            for record in all {
                let top = winners.get(record.id.as_str()).copied().unwrap_or(0);
                if layer_of(record.file) < top {
                    replaced.push((record.id.to_string(), record.file, record.id.clone()));
                } else {
                    kept.push(record);
                }
            }
            let first_kept: WordMap<&str, usize> = kept
                .iter()
                .enumerate()
                .rev()
                .map(|(i, r)| (r.id.as_str(), i))
                .collect();
            for (id, file, at) in replaced {
                if let Some(winner) = first_kept.get(id.as_str()).map(|&i| &kept[i]) {
                    noted.push(($kind, id, file, at, winner.file, winner.id.clone()));
                }
            }
            $list = kept;
        };
    }
    kind!(store.articles, "article");
    kind!(store.topics, "topic");
    kind!(store.claims, "claim");
    kind!(store.chains, "chain");
    kind!(store.exercises, "exercise");
    for (kind, id, old_file, old_at, new_file, new_at) in noted {
        let (Some(old), Some(new)) = (store.files.get(old_file), store.files.get(new_file)) else {
            continue;
        };
        let (line, col) = old.line_col(old_at.span().start);
        let layer = layer_names
            .get(old.layer)
            .map_or("a lower layer", String::as_str);
        notes.push(new.problem(
            new_at.span(),
            format!(
                "note: {kind} {id:?} replaces the one in {layer} ({}:{line}:{col})",
                old.display()
            ),
        ));
    }
}

/// The highest layer each id appears in.
fn top_layers<'a>(records: impl Iterator<Item = (&'a str, usize)>) -> WordMap<&'a str, usize> {
    let mut top = WordMap::default();
    for (id, layer) in records {
        let at = top.entry(id).or_insert(layer);
        *at = (*at).max(layer);
    }
    top
}
