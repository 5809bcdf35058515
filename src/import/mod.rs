//! Importing exercises from open databases into backchain exercise files. Each database is one module
//! implementing [`Source`]; what they share (ids, the report, writing the files) lives beside them.

mod free_exercise_db;
mod json;
mod report;
mod slug;
mod write;

pub use free_exercise_db::FreeExerciseDb;
pub use json::InputError;
pub use report::Report;
pub use write::{WriteError, Written, exercise_toml, write_store};

use crate::content::{Exercise, ExerciseSource};
use crate::text::Text;

/// An open exercise database that backchain can read.
pub trait Source {
    /// The database's name, as `[source] name` and messages give it: "Free Exercise DB".
    fn name(&self) -> &'static str;
    /// Its licence, as `[source] licence` gives it.
    fn licence(&self) -> &'static str;
    /// Where the database is published.
    fn url(&self) -> &'static str;
    /// Turns the text of one export into exercises. Every value the model has no place for is kept in the
    /// exercise's `[import]` table and counted in the report; anything that makes the file unreadable is an
    /// error naming the place in it.
    fn convert(&self, text: &str) -> Result<Converted, Vec<InputError>>;

    /// The `[source]` table of an exercise this database calls `id`.
    fn source_of(&self, id: &str) -> ExerciseSource {
        ExerciseSource {
            name: Text::new(self.name()),
            licence: Text::new(self.licence()),
            url: Text::new(self.url()),
            id: Text::new(id),
        }
    }
}

/// What a source's export became: backchain exercises, and what did not map.
#[derive(Debug, Default)]
pub struct Converted {
    pub exercises: Vec<Exercise>,
    pub report: Report,
}

/// Says on every imported exercise that backchain has not vetted it; the databases give no cautions.
pub const CAUTION: &str = "backchain has not checked this exercise for a sore back: stop if it hurts, and ask a physiotherapist before adding load.";

/// Gives each exercise a unique backchain id made from the source's id: `3_4_Sit-Up` → `3-4-sit-up`,
/// `-2`, `-3` … when two come out the same or the built-in store has the id already (an imported
/// "Dead Bug" must add to the built-in one, not replace it: a later layer wins by id). A changed id is
/// reported.
fn assign_ids(exercises: &mut [Exercise], report: &mut Report) {
    let built_in = crate::content::embedded();
    let mut taken: std::collections::HashSet<String> = built_in
        .exercises
        .iter()
        .map(|e| e.id.to_string())
        .collect();
    let reserved = taken.clone();
    let mut own = std::collections::HashSet::new();
    for e in exercises.iter_mut() {
        let base = slug::slug(&e.id);
        let mut id = base.clone();
        let mut n = 2;
        while !taken.insert(id.clone()) {
            id = slug::numbered(&base, n);
            n += 1;
        }
        if reserved.contains(&base) {
            report.note(
                "id",
                e.id.as_str(),
                "the built-in store has an exercise with this id; numbered -2 so it adds to it, not replaces it",
            );
        } else if !own.insert(base) {
            report.note(
                "id",
                e.id.as_str(),
                "two ids make the same file name; numbered -2, -3 …",
            );
        }
        e.id = Text::new(&id);
    }
}
