//! The Free Exercise DB (public domain): a JSON list of exercises with name, level, category,
//! equipment, muscles and instructions. <https://github.com/yuhonas/free-exercise-db>

use super::json::{self, Fields, InputError};
use super::{CAUTION, Converted, Report, Source};
use crate::content::{Equipment, Exercise, Level, Phase, Position, Region};
use crate::text::Text;
use serde_json::Value;
use std::collections::BTreeMap;

/// The Free Exercise DB's `exercises.json`.
#[derive(Clone, Copy, Debug, Default)]
pub struct FreeExerciseDb;

/// The fields its schema (`schema.json`) defines; any other is kept in `[import]` and reported.
const KNOWN: [&str; 11] = [
    "id",
    "name",
    "force",
    "level",
    "mechanic",
    "equipment",
    "primaryMuscles",
    "secondaryMuscles",
    "instructions",
    "category",
    "images",
];

impl Source for FreeExerciseDb {
    fn name(&self) -> &'static str {
        "Free Exercise DB"
    }

    fn licence(&self) -> &'static str {
        "public domain, Unlicense"
    }

    fn url(&self) -> &'static str {
        "https://github.com/yuhonas/free-exercise-db"
    }

    fn convert(&self, text: &str) -> Result<Converted, Vec<InputError>> {
        let document = json::parse(text).map_err(|e| vec![e])?;
        let Value::Array(items) = document else {
            return Err(vec![InputError {
                at: String::new(),
                message: format!(
                    "the file must be a list of exercises ([{{…}}, …]), found {}",
                    json::kind(&document)
                ),
            }]);
        };
        let mut converted = Converted::default();
        let mut errors = Vec::new();
        for (index, item) in items.iter().enumerate() {
            let Value::Object(object) = item else {
                errors.push(InputError {
                    at: format!("[{index}]"),
                    message: format!(
                        "each exercise must be an object, found {}",
                        json::kind(item)
                    ),
                });
                continue;
            };
            let mut fields = Fields {
                object,
                at: format!("[{index}]"),
                errors: Vec::new(),
            };
            match self.exercise(&mut fields, &mut converted.report) {
                Some(exercise) if fields.errors.is_empty() => converted.exercises.push(exercise),
                _ => errors.extend(fields.errors),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        super::assign_ids(&mut converted.exercises, &mut converted.report);
        Ok(converted)
    }
}

impl FreeExerciseDb {
    fn exercise(&self, fields: &mut Fields<'_>, report: &mut Report) -> Option<Exercise> {
        let id = fields.required_string("id");
        if let Some(id) = id {
            fields.at = format!("{} ({})", fields.at, crate::text::quote(id));
        }
        let name = fields.required_string("name");
        let level = fields.optional_string("level");
        let category = fields.optional_string("category");
        let equipment = fields.optional_string("equipment");
        let force = fields.optional_string("force");
        let mechanic = fields.optional_string("mechanic");
        let primary = fields.strings("primaryMuscles");
        let secondary = fields.strings("secondaryMuscles");
        let instructions = fields.strings("instructions");
        let images = fields.strings("images");
        let (id, name) = (id?, name?);

        let mut import: BTreeMap<String, Vec<Text>> = BTreeMap::new();
        let mut keep = |key: &str, values: &[&str]| keep_in(&mut import, key, values);
        keep("category", category.as_slice());
        keep("equipment", equipment.as_slice());
        keep("force", force.as_slice());
        keep("mechanic", mechanic.as_slice());
        keep("primary_muscles", &primary);
        keep("secondary_muscles", &secondary);
        keep("images", &images);

        let level = match level {
            None => {
                report.note(
                    "level",
                    "(none given)",
                    "the source does not say; `level` left out",
                );
                None
            }
            Some(word) => {
                let level = level_of(word);
                if level.is_none() {
                    report.note(
                        "level",
                        word,
                        "not a backchain level; `level` left out, the word kept in [import]",
                    );
                    keep("level", &[word]);
                }
                level
            }
        };
        for (field, value) in [("force", force), ("mechanic", mechanic)] {
            if let Some(value) = value {
                report.note(field, value, "no backchain field; kept in [import]");
            }
        }
        if !images.is_empty() {
            report.note(
                "images",
                "picture files",
                "no backchain field, and the pictures are not imported; their names kept in [import]",
            );
        }

        let phase = match category {
            Some(category) => match phase_of(category) {
                Some(phase) => phase,
                None => {
                    report.note(
                        "category",
                        category,
                        "no matching phase; phase \"pattern\" (a whole movement), the category kept in [import]",
                    );
                    Phase::Pattern
                }
            },
            None => {
                report.note(
                    "category",
                    "(none given)",
                    "the source does not say; phase \"pattern\" (a whole movement)",
                );
                Phase::Pattern
            }
        };

        let equipment = match equipment.map(|word| (word, equipment_of(word))) {
            Some((_, Some(kit))) => vec![kit],
            Some((word, None)) if word != "other" => {
                report.note(
                    "equipment",
                    word,
                    "no backchain equipment; `equipment` left empty, the word kept in [import]",
                );
                Vec::new()
            }
            // None given, or only "other": the steps may still name what is used ("loop a band round
            // your foot").
            unsaid => {
                let named = equipment_in_steps(&instructions);
                let taken = if named.is_empty() {
                    "`equipment` left empty"
                } else {
                    "`equipment` taken from what the steps name (a band, a towel, a foam roller)"
                };
                let (value, what) = match unsaid {
                    Some((word, _)) => (
                        word,
                        format!("no backchain equipment; {taken}, the word kept in [import]"),
                    ),
                    None => ("(none given)", format!("the source does not say; {taken}")),
                };
                report.note("equipment", value, &what);
                named
            }
        };

        let mut muscles: Vec<&str> = Vec::new();
        for m in primary.iter().chain(&secondary) {
            if !muscles.contains(m) {
                muscles.push(m);
            }
        }
        if muscles.is_empty() {
            report.note(
                "primaryMuscles",
                "(none given)",
                "the source names no muscle; `muscles` left empty",
            );
        }
        let mut regions: Vec<Region> = Vec::new();
        for m in &muscles {
            match region_of(m) {
                Some(region) if !regions.contains(&region) => regions.push(region),
                Some(_) => {}
                None => report.note("muscles", m, "no backchain region; kept in `muscles`"),
            }
        }

        let position = position_of(name);
        report.note(
            "position",
            position.map_or("(the name does not say)", |p| p.as_str()),
            "not in the source: taken from the exercise's name where it says (\"Seated …\"), else left out",
        );

        let steps: Vec<Text> = instructions
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| Text::new(s))
            .collect();
        if steps.len() < 2 {
            report.note(
                "instructions",
                &format!(
                    "{} step{}",
                    steps.len(),
                    if steps.len() == 1 { "" } else { "s" }
                ),
                "fewer than the 2 steps an exercise in a routine needs; imported as they are",
            );
        }

        for (field, value) in fields.object {
            if !KNOWN.contains(&field.as_str()) {
                report.note(field, "(not in the schema)", "kept in [import] as text");
                let key = super::slug::key(field);
                let texts = json::as_texts(value);
                keep(&key, &texts.iter().map(String::as_str).collect::<Vec<_>>());
            }
        }

        let summary = summary(category, &primary, level);
        Some(Exercise {
            id: Text::new(id),
            name: Text::new(name),
            aliases: Vec::new(),
            summary: Text::new(&summary),
            regions,
            muscles: muscles.iter().map(|m| Text::new(m)).collect(),
            equipment,
            position,
            phase,
            steps,
            cues: Vec::new(),
            cautions: vec![Text::new(CAUTION)],
            chains: Vec::new(),
            articles: Vec::new(),
            requires: Vec::new(),
            figure: Default::default(),
            dosage: None,
            provenance: None,
            ladder: None,
            level,
            source: Some(self.source_of(id)),
            import,
            file: 0,
        })
    }
}

/// Keeps the source's `values` under `key` in `[import]`; a key taken already (a field spelled two ways)
/// gets `_2`, `_3` … so nothing is overwritten.
fn keep_in(import: &mut BTreeMap<String, Vec<Text>>, key: &str, values: &[&str]) {
    if values.is_empty() {
        return;
    }
    let mut name = key.to_owned();
    let mut n = 2;
    while import.contains_key(&name) {
        name = format!("{key}_{n}");
        n += 1;
    }
    import.insert(name, values.iter().map(|v| Text::new(v)).collect());
}

/// "Strength exercise for the abdominals (beginner)." — built from the fields; the source has no summary.
fn summary(category: Option<&str>, primary: &[&str], level: Option<Level>) -> String {
    let kind = category.map_or_else(
        || String::from("Exercise"),
        |c| {
            let mut chars = c.chars();
            chars.next().map_or_else(
                || String::from("Exercise"),
                |first| format!("{}{} exercise", first.to_uppercase(), chars.as_str()),
            )
        },
    );
    let target = match primary {
        [] => String::new(),
        muscles => format!(" for the {}", muscles.join(" and ")),
    };
    let level = level.map_or_else(String::new, |l| format!(" ({})", l.as_str()));
    format!("{kind}{target}{level}.")
}

fn level_of(word: &str) -> Option<Level> {
    Level::ALL.into_iter().find(|l| l.as_str() == word)
}

/// The source's category as a routine phase. Stretching loosens (mobilise); lifting of any kind
/// strengthens. Cardio and plyometrics have no phase of their own and are reported.
fn phase_of(category: &str) -> Option<Phase> {
    match category {
        "stretching" => Some(Phase::Mobilise),
        "strength" | "powerlifting" | "olympic weightlifting" | "strongman" => {
            Some(Phase::Strengthen)
        }
        _ => None,
    }
}

/// The source's equipment as backchain's. Any free weight is a `weight`; machines, cables, exercise
/// balls and "other" have no backchain equivalent.
fn equipment_of(word: &str) -> Option<Equipment> {
    match word {
        "body only" => Some(Equipment::None),
        "foam roll" => Some(Equipment::FoamRoller),
        "bands" => Some(Equipment::Band),
        "dumbbell" | "barbell" | "kettlebells" | "e-z curl bar" | "medicine ball" => {
            Some(Equipment::Weight)
        }
        _ => None,
    }
}

/// The words of `text`, lower case: runs of letters and digits.
fn lower_words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The equipment the steps name in so many words: a band (not the IT band, a body part), a towel, a foam
/// roller. Belts, straps and ropes are left out: in the source they are as often a weight belt, suspension
/// straps or a climbing rope as something to loop round a foot.
fn equipment_in_steps(steps: &[&str]) -> Vec<Equipment> {
    let mut kit = Vec::new();
    for step in steps {
        let words = lower_words(step);
        for (i, word) in words.iter().enumerate() {
            let before = i.checked_sub(1).map(|b| words[b].as_str());
            let found = match word.as_str() {
                "band" | "bands" if !matches!(before, Some("it" | "iliotibial")) => {
                    Some(Equipment::Band)
                }
                "towel" | "towels" => Some(Equipment::Towel),
                "roll" | "roller" if before == Some("foam") => Some(Equipment::FoamRoller),
                _ => None,
            };
            if let Some(found) = found.filter(|f| !kit.contains(f)) {
                kit.push(found);
            }
        }
    }
    kit
}

/// The body region a muscle group belongs to, for the regions backchain knows.
fn region_of(muscle: &str) -> Option<Region> {
    match muscle {
        "abdominals" => Some(Region::Core),
        "abductors" | "adductors" => Some(Region::Hips),
        "glutes" => Some(Region::Glutes),
        "hamstrings" => Some(Region::Hamstrings),
        "lower back" => Some(Region::LowerBack),
        "quadriceps" => Some(Region::Quads),
        _ => None,
    }
}

/// The position an exercise's name states, when it states one plainly. "Lying" alone says neither
/// face up nor face down, so it gives none.
fn position_of(name: &str) -> Option<Position> {
    let words = lower_words(name);
    let has = |w: &str| words.iter().any(|word| word == w);
    let pair = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    if pair("side", "lying") {
        Some(Position::LyingSide)
    } else if pair("half", "kneeling") {
        Some(Position::HalfKneeling)
    } else if has("kneeling") {
        Some(Position::Kneeling)
    } else if has("seated") || has("sitting") {
        Some(Position::Seated)
    } else if has("standing") {
        Some(Position::Standing)
    } else if has("supine") {
        Some(Position::LyingBack)
    } else if has("prone") {
        Some(Position::LyingFront)
    } else if pair("all", "fours") || has("quadruped") {
        Some(Position::AllFours)
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
