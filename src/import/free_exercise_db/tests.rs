//! The Free Exercise DB's fields, one mapping at a time, on small JSON snippets.

use super::super::{InputError, Source, exercise_toml};
use super::FreeExerciseDb;
use crate::content::{Equipment, Exercise, Level, Phase, Position, Region};

/// One exercise object with every schema field; `extra` is spliced in before the closing brace.
fn one(fields: &str) -> String {
    format!(
        r#"[{{"id": "90_90_Hamstring", "name": "Seated 90/90 Hamstring", "force": "push", "level": "beginner",
            "mechanic": null, "equipment": "body only", "primaryMuscles": ["hamstrings"],
            "secondaryMuscles": ["calves", "lower back"], "instructions": ["Lie down.", "Lift the leg."],
            "category": "stretching", "images": ["90_90_Hamstring/0.jpg"]{fields}}}]"#
    )
}

fn convert(text: &str) -> super::super::Converted {
    FreeExerciseDb.convert(text).expect("converts")
}

fn errors(text: &str) -> Vec<String> {
    FreeExerciseDb
        .convert(text)
        .expect_err("a bad file")
        .iter()
        .map(InputError::to_string)
        .collect()
}

#[test]
fn every_field_maps_or_is_kept() {
    let converted = convert(&one(""));
    let [e] = converted.exercises.as_slice() else {
        panic!("one exercise")
    };
    assert_eq!(e.id, "90-90-hamstring");
    assert_eq!(e.name, "Seated 90/90 Hamstring");
    assert_eq!(e.muscles, ["hamstrings", "calves", "lower back"]);
    assert_eq!(e.regions, [Region::Hamstrings, Region::LowerBack]);
    assert_eq!(e.equipment, [Equipment::None]);
    assert_eq!(e.phase, Phase::Mobilise);
    assert_eq!(e.position, Some(Position::Seated));
    assert_eq!(e.level, Some(Level::Beginner));
    assert_eq!(e.steps, ["Lie down.", "Lift the leg."]);
    assert!(e.chains.is_empty() && e.dosage.is_none() && e.ladder.is_none());
    assert!(e.provenance.is_none());
    assert_eq!(e.cautions.len(), 1);
    let source = e.source.as_ref().expect("a [source]");
    assert_eq!(
        (source.name.as_str(), source.id.as_str()),
        ("Free Exercise DB", "90_90_Hamstring")
    );
    assert_eq!(source.licence, "public domain, Unlicense");
    assert_eq!(
        e.summary,
        "Stretching exercise for the hamstrings (beginner)."
    );
    let kept = |key: &str| {
        e.import
            .get(key)
            .map(|v| v.iter().map(|t| t.to_string()).collect::<Vec<_>>())
    };
    assert_eq!(kept("category"), Some(vec![String::from("stretching")]));
    assert_eq!(kept("equipment"), Some(vec![String::from("body only")]));
    assert_eq!(kept("force"), Some(vec![String::from("push")]));
    assert_eq!(kept("mechanic"), None, "null is not a value");
    assert_eq!(
        kept("images"),
        Some(vec![String::from("90_90_Hamstring/0.jpg")])
    );
    let report = &converted.report;
    assert_eq!(report.count("force", "push"), 1);
    assert_eq!(report.count("muscles", "calves"), 1);
    assert_eq!(report.count("muscles", "hamstrings"), 0, "hamstrings map");
}

#[test]
fn categories_become_phases_and_the_rest_is_reported() {
    for (category, phase) in [
        ("stretching", Phase::Mobilise),
        ("strength", Phase::Strengthen),
        ("powerlifting", Phase::Strengthen),
        ("olympic weightlifting", Phase::Strengthen),
        ("strongman", Phase::Strengthen),
        ("cardio", Phase::Pattern),
        ("plyometrics", Phase::Pattern),
        ("yoga", Phase::Pattern),
    ] {
        let text = one("").replace("\"stretching\"", &format!("{category:?}"));
        let converted = convert(&text);
        assert_eq!(converted.exercises[0].phase, phase, "{category}");
        let reported = converted.report.count("category", category);
        assert_eq!(reported, usize::from(phase == Phase::Pattern), "{category}");
    }
}

#[test]
fn equipment_maps_onto_backchains_and_an_unknown_one_is_reported() {
    for (word, kit) in [
        ("body only", Some(Equipment::None)),
        ("foam roll", Some(Equipment::FoamRoller)),
        ("bands", Some(Equipment::Band)),
        ("dumbbell", Some(Equipment::Weight)),
        ("barbell", Some(Equipment::Weight)),
        ("kettlebells", Some(Equipment::Weight)),
        ("e-z curl bar", Some(Equipment::Weight)),
        ("medicine ball", Some(Equipment::Weight)),
        ("cable", None),
        ("machine", None),
        ("exercise ball", None),
        ("other", None),
        ("sled", None),
    ] {
        let text = one("").replace("\"body only\"", &format!("{word:?}"));
        let converted = convert(&text);
        let e = &converted.exercises[0];
        assert_eq!(e.equipment, kit.into_iter().collect::<Vec<_>>(), "{word}");
        assert_eq!(e.import["equipment"], [word], "{word} is kept");
        assert_eq!(
            converted.report.count("equipment", word),
            usize::from(kit.is_none()),
            "{word}"
        );
    }
    let none = convert(&one("").replace("\"body only\"", "null"));
    assert!(none.exercises[0].equipment.is_empty());
    assert_eq!(none.report.count("equipment", "(none given)"), 1);
    assert!(
        (none.report.lines().iter())
            .any(|l| l.ends_with("the source does not say; `equipment` left empty")),
        "{:?}",
        none.report.lines()
    );
    let lines = convert(&one("").replace("\"body only\"", "\"sled\""))
        .report
        .lines();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("equipment: \"sled\" ×1 — no backchain equipment")),
        "{lines:?}"
    );
}

#[test]
fn equipment_the_source_leaves_out_is_taken_from_what_the_steps_name() {
    let with_steps = |equipment: &str, steps: &str| {
        let text = one("").replace("\"body only\"", equipment).replace(
            "\"instructions\": [",
            &format!("\"instructions\": [{steps}, "),
        );
        convert(&text)
    };
    let strap = with_steps(
        "null",
        "\"Loop a belt, band, or rope over the ball of your foot.\", \"Pull on the towel.\"",
    );
    assert_eq!(
        strap.exercises[0].equipment,
        [Equipment::Band, Equipment::Towel]
    );
    assert!(
        (strap.report.lines().iter())
            .any(|l| l.contains("(none given)") && l.contains("taken from what the steps name")),
        "{:?}",
        strap.report.lines()
    );
    let roller = with_steps("\"other\"", "\"Lie on a foam roller.\"");
    assert_eq!(roller.exercises[0].equipment, [Equipment::FoamRoller]);
    assert_eq!(roller.exercises[0].import["equipment"], ["other"]);
    // Not equipment: the IT band is a body part; a belt or straps may be a weight belt or a
    // suspension trainer.
    for steps in [
        "\"Roll the IT band slowly.\"",
        "\"Wear a dip belt.\"",
        "\"Hold the straps.\"",
    ] {
        let none = with_steps("null", steps);
        assert!(none.exercises[0].equipment.is_empty(), "{steps}");
    }
    // Equipment the source names is never second-guessed from the steps.
    let cable = with_steps("\"cable\"", "\"Attach a band.\"");
    assert!(cable.exercises[0].equipment.is_empty());
}

#[test]
fn muscles_map_onto_regions_and_keep_their_words() {
    for (muscle, region) in [
        ("abdominals", Some(Region::Core)),
        ("abductors", Some(Region::Hips)),
        ("adductors", Some(Region::Hips)),
        ("glutes", Some(Region::Glutes)),
        ("hamstrings", Some(Region::Hamstrings)),
        ("lower back", Some(Region::LowerBack)),
        ("quadriceps", Some(Region::Quads)),
        ("biceps", None),
        ("neck", None),
    ] {
        let text = one("")
            .replace("[\"hamstrings\"]", &format!("[{muscle:?}]"))
            .replace("[\"calves\", \"lower back\"]", "[]");
        let converted = convert(&text);
        let e = &converted.exercises[0];
        assert_eq!(e.muscles, [muscle]);
        assert_eq!(
            e.regions,
            region.into_iter().collect::<Vec<_>>(),
            "{muscle}"
        );
        assert_eq!(
            converted.report.count("muscles", muscle),
            usize::from(region.is_none())
        );
    }
}

#[test]
fn position_comes_from_a_plain_word_in_the_name_only() {
    for (name, position) in [
        ("Seated Calf Raise", Some(Position::Seated)),
        ("Standing Hip Circles", Some(Position::Standing)),
        ("Kneeling Squat", Some(Position::Kneeling)),
        ("Half Kneeling Chop", Some(Position::HalfKneeling)),
        ("Side-Lying Floor Stretch", Some(Position::LyingSide)),
        ("Supine Chest Throw", Some(Position::LyingBack)),
        ("Prone Manual Hamstring", Some(Position::LyingFront)),
        ("All Fours Quad Stretch", Some(Position::AllFours)),
        ("Lying Leg Curls", None),
        ("Notstanding Thing", None),
    ] {
        let text = one("").replace("Seated 90/90 Hamstring", name);
        assert_eq!(convert(&text).exercises[0].position, position, "{name}");
    }
}

#[test]
fn an_unknown_field_or_level_is_kept_and_reported() {
    let converted = convert(
        &one(r#", "videoUrl": "https://example.org/v", "reps": [8, 12], "primary_muscles": "x""#)
            .replace("\"beginner\"", "\"master\""),
    );
    let e = &converted.exercises[0];
    assert_eq!(e.import["video_url"], ["https://example.org/v"]);
    assert_eq!(e.import["reps"], ["8", "12"]);
    assert_eq!(e.import["primary_muscles"], ["hamstrings"]);
    assert_eq!(
        e.import["primary_muscles_2"],
        ["x"],
        "a field spelled two ways overwrites nothing"
    );
    assert_eq!(e.level, None);
    assert_eq!(e.import["level"], ["master"]);
    assert_eq!(converted.report.count("videoUrl", "(not in the schema)"), 1);
    assert_eq!(converted.report.count("level", "master"), 1);
}

#[test]
fn ids_are_slugs_and_stay_unique() {
    let text = format!(
        "[{}, {}]",
        one("").trim_matches(['[', ']']),
        one("")
            .trim_matches(['[', ']'])
            .replace("90_90_Hamstring\"", "90-90 Hamstring\"")
    );
    let converted = convert(&text);
    let ids: Vec<&str> = converted.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["90-90-hamstring", "90-90-hamstring-2"]);
    assert_eq!(converted.report.count("id", "90-90 Hamstring"), 1);
}

#[test]
fn a_bad_file_names_the_place_and_what_is_wrong() {
    let truncated = &one("")[..60];
    let got = errors(truncated);
    assert_eq!(got.len(), 1);
    assert!(
        got[0].starts_with("1:") && got[0].contains("not valid JSON: EOF while parsing"),
        "{got:?}"
    );
    assert_eq!(
        errors(r#"{"id": "x"}"#),
        ["the file must be a list of exercises ([{…}, …]), found an object"]
    );
    assert_eq!(
        errors("[1, \"x\"]"),
        [
            "[0]: each exercise must be an object, found a number",
            "[1]: each exercise must be an object, found a string",
        ]
    );
    assert_eq!(
        errors(&one("").replace("\"Seated 90/90 Hamstring\"", "5")),
        ["[0] (\"90_90_Hamstring\").name: must be a string, found a number"]
    );
    assert_eq!(
        errors(&one("").replace("[\"Lie down.\", \"Lift the leg.\"]", "[\"Lie down.\", {}]")),
        ["[0] (\"90_90_Hamstring\").instructions[1]: must be a string, found an object"]
    );
    assert_eq!(
        errors(&one("").replace("\"id\": \"90_90_Hamstring\",", "")),
        ["[0]: `id` is missing"]
    );
    assert_eq!(
        errors(""),
        ["1:0: not valid JSON: EOF while parsing a value"]
    );
}

#[test]
fn the_written_file_reads_back_as_the_same_exercise() {
    let converted = convert(&one(r#", "note": "x\u001b[2Jy""#));
    let e = &converted.exercises[0];
    let text = exercise_toml(e).expect("serialises");
    assert!(
        text.starts_with(
            "# Imported from Free Exercise DB (public domain, Unlicense), id 90_90_Hamstring.\n"
        ),
        "{text}"
    );
    let back: Exercise = toml::from_str(&text).expect("reads back");
    assert_eq!(back.id, e.id);
    assert_eq!(back.steps, e.steps);
    assert_eq!(back.position, e.position);
    assert_eq!(back.import, e.import);
    assert_eq!(back.source, e.source);
    assert!(
        !text.contains('\u{1b}'),
        "control characters are cleaned before writing"
    );
}
