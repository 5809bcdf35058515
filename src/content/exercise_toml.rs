//! An exercise made straight from toml's parsed tree, for a file that holds one as expected: serde's
//! derive and toml's span protocol (a keyed map for every text and every figure number) were a fifth of a
//! cold load of a large store.
//!
//! Anything unexpected (a missing field, an unknown one, a value of another type) gives `None`, and the
//! file goes through serde as before, whose message names the fault; so this only ever makes what serde
//! would. Numbers, booleans and enums are still read by serde, one small value at a time, so they accept
//! exactly what serde does. A test holds the two to the same records, spans included, over every kind of
//! exercise and over broken variants of them.

use super::model::{Dosage, Exercise, ExerciseSource, Ladder, Provenance, Rung};
use crate::figure::spec::{FigureSpec, KeyframeSpec, LabelSpec, PropSpec};
use crate::text::Text;
use serde::Deserialize;
use serde::de::IntoDeserializer;
use std::collections::BTreeMap;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

type Value<'i> = Spanned<DeValue<'i>>;

/// The exercise a whole file holds, when it holds exactly what [`Exercise`]'s serde reading accepts.
pub fn exercise(document: &Spanned<DeTable<'_>>) -> Option<Exercise> {
    let mut e = Partial::default();
    for (key, value) in document.get_ref() {
        match key.get_ref().as_ref() {
            "id" => e.id = Some(text(value)?),
            "name" => e.name = Some(text(value)?),
            "aliases" => e.aliases = Some(texts(value)?),
            "summary" => e.summary = Some(text(value)?),
            "regions" => e.regions = Some(list(value, small)?),
            "muscles" => e.muscles = Some(texts(value)?),
            "equipment" => e.equipment = Some(list(value, small)?),
            "position" => e.position = Some(small(value)?),
            "phase" => e.phase = Some(small(value)?),
            "steps" => e.steps = Some(texts(value)?),
            "cues" => e.cues = Some(texts(value)?),
            "cautions" => e.cautions = Some(texts(value)?),
            "chains" => e.chains = Some(texts(value)?),
            "articles" => e.articles = Some(texts(value)?),
            "requires" => e.requires = Some(texts(value)?),
            "dosage" => e.dosage = Some(dosage(value)?),
            "provenance" => e.provenance = Some(provenance(value)?),
            "ladder" => e.ladder = Some(ladder(value)?),
            "level" => e.level = Some(small(value)?),
            "source" => e.source = Some(source(value)?),
            "import" => e.import = Some(import(value)?),
            "figure" => e.figure = Some(figure(value)?),
            _ => return None,
        }
    }
    Some(Exercise {
        id: e.id?,
        name: e.name?,
        aliases: e.aliases?,
        summary: e.summary?,
        regions: e.regions?,
        muscles: e.muscles?,
        equipment: e.equipment?,
        position: e.position,
        phase: e.phase?,
        steps: e.steps?,
        cues: e.cues?,
        cautions: e.cautions?,
        chains: e.chains?,
        articles: e.articles?,
        requires: e.requires.unwrap_or_default(),
        dosage: e.dosage,
        provenance: e.provenance,
        ladder: e.ladder,
        level: e.level,
        source: e.source,
        import: e.import.unwrap_or_default(),
        figure: e.figure.into(),
        file: Default::default(),
    })
}

/// The fields of an exercise as they are found.
#[derive(Default)]
struct Partial {
    id: Option<Text>,
    name: Option<Text>,
    aliases: Option<Vec<Text>>,
    summary: Option<Text>,
    regions: Option<Vec<super::model::Region>>,
    muscles: Option<Vec<Text>>,
    equipment: Option<Vec<super::model::Equipment>>,
    position: Option<super::model::Position>,
    phase: Option<super::model::Phase>,
    steps: Option<Vec<Text>>,
    cues: Option<Vec<Text>>,
    cautions: Option<Vec<Text>>,
    chains: Option<Vec<Text>>,
    articles: Option<Vec<Text>>,
    requires: Option<Vec<Text>>,
    dosage: Option<Dosage>,
    provenance: Option<Provenance>,
    ladder: Option<Ladder>,
    level: Option<super::model::Level>,
    source: Option<ExerciseSource>,
    import: Option<BTreeMap<String, Vec<Text>>>,
    figure: Option<FigureSpec>,
}

/// A string, cleaned and shared as serde's reading of a [`Text`] makes it, with the value's span.
fn text(value: &Value<'_>) -> Option<Text> {
    match value.get_ref() {
        DeValue::String(s) => Some(Text::in_file(s, value.span())),
        _ => None,
    }
}

fn texts(value: &Value<'_>) -> Option<Vec<Text>> {
    list(value, text)
}

/// Made to size, as serde makes a list (a large store holds millions of them: room to grow would cost
/// a third more memory).
fn list<T>(value: &Value<'_>, item: impl Fn(&Value<'_>) -> Option<T>) -> Option<Vec<T>> {
    let DeValue::Array(items) = value.get_ref() else {
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    for one in items.iter() {
        out.push(item(one)?);
    }
    Some(out)
}

/// A number, a boolean or an enum, read by serde from this one value (a copy of it: a scalar's text is
/// borrowed from the file).
fn small<T: for<'de> Deserialize<'de>>(value: &Value<'_>) -> Option<T> {
    if matches!(value.get_ref(), DeValue::Table(_) | DeValue::Array(_)) {
        return None;
    }
    T::deserialize(value.clone().into_deserializer()).ok()
}

fn spanned<T>(value: &Value<'_>, read: impl Fn(&Value<'_>) -> Option<T>) -> Option<Spanned<T>> {
    Some(Spanned::new(value.span(), read(value)?))
}

/// The entries of a table, each given to `field` by name; `None` when it is no table, or `field` refuses
/// an entry (an unknown name, a value of the wrong kind).
fn table(value: &Value<'_>, mut field: impl FnMut(&str, &Value<'_>) -> Option<()>) -> Option<()> {
    let DeValue::Table(entries) = value.get_ref() else {
        return None;
    };
    for (key, value) in entries {
        field(key.get_ref(), value)?;
    }
    Some(())
}

fn dosage(value: &Value<'_>) -> Option<Dosage> {
    let mut d = Dosage {
        sets: 1,
        ..Dosage::default()
    };
    table(value, |key, v| {
        match key {
            "sets" => d.sets = small(v)?,
            "reps" => d.reps = Some(small(v)?),
            "breaths" => d.breaths = Some(small(v)?),
            "seconds" => d.seconds = Some(small(v)?),
            "hold_seconds" => d.hold_seconds = Some(small(v)?),
            "per_side" => d.per_side = small(v)?,
            "rest_seconds" => d.rest_seconds = Some(small(v)?),
            _ => return None,
        }
        Some(())
    })?;
    Some(d)
}

fn provenance(value: &Value<'_>) -> Option<Provenance> {
    let (mut idea, mut steps, mut dose, mut note) = (None, None, None, None);
    table(value, |key, v| {
        match key {
            "idea" => idea = Some(spanned(v, small)?),
            "steps" => steps = Some(spanned(v, small)?),
            "dose" => dose = Some(spanned(v, small)?),
            "note" => note = Some(text(v)?),
            _ => return None,
        }
        Some(())
    })?;
    Some(Provenance {
        idea: idea?,
        steps: steps?,
        dose: dose?,
        note,
    })
}

fn ladder(value: &Value<'_>) -> Option<Ladder> {
    let (mut move_up, mut move_down, mut easier, mut harder) = (None, None, None, None);
    table(value, |key, v| {
        match key {
            "move_up" => move_up = Some(text(v)?),
            "move_down" => move_down = Some(text(v)?),
            "easier" => easier = Some(list(v, rung)?),
            "harder" => harder = Some(list(v, rung)?),
            _ => return None,
        }
        Some(())
    })?;
    Some(Ladder {
        move_up: move_up?,
        move_down: move_down?,
        easier: easier.unwrap_or_default(),
        harder: harder.unwrap_or_default(),
    })
}

fn rung(value: &Value<'_>) -> Option<Rung> {
    let (mut name, mut change, mut exercise) = (None, None, None);
    table(value, |key, v| {
        match key {
            "name" => name = Some(text(v)?),
            "change" => change = Some(text(v)?),
            "exercise" => exercise = Some(text(v)?),
            _ => return None,
        }
        Some(())
    })?;
    Some(Rung {
        name: name?,
        change: change?,
        exercise,
    })
}

fn source(value: &Value<'_>) -> Option<ExerciseSource> {
    let (mut name, mut licence, mut url, mut id) = (None, None, None, None);
    table(value, |key, v| {
        match key {
            "name" => name = Some(text(v)?),
            "licence" => licence = Some(text(v)?),
            "url" => url = Some(text(v)?),
            "id" => id = Some(text(v)?),
            _ => return None,
        }
        Some(())
    })?;
    Some(ExerciseSource {
        name: name?,
        licence: licence?,
        url: url?,
        id: id?,
    })
}

fn import(value: &Value<'_>) -> Option<BTreeMap<String, Vec<Text>>> {
    let mut out = BTreeMap::new();
    table(value, |key, v| {
        out.insert(key.to_owned(), texts(v)?);
        Some(())
    })?;
    Some(out)
}

fn figure(value: &Value<'_>) -> Option<FigureSpec> {
    let (mut steady, mut props, mut labels, mut keyframes) = (None, None, None, None);
    table(value, |key, v| {
        match key {
            "steady" => steady = Some(text(v)?),
            "props" => props = Some(list(v, prop)?),
            "labels" => labels = Some(list(v, label)?),
            "keyframe" => keyframes = Some(spanned(v, |v| list(v, keyframe))?),
            _ => return None,
        }
        Some(())
    })?;
    Some(FigureSpec {
        steady,
        props: props.unwrap_or_default(),
        labels: labels.unwrap_or_default(),
        keyframes: keyframes?,
    })
}

fn prop(value: &Value<'_>) -> Option<PropSpec> {
    let (mut kind, mut x, mut at) = (None, None, None);
    table(value, |key, v| {
        match key {
            "kind" => kind = Some(spanned(v, small)?),
            "x" => x = Some(spanned(v, small)?),
            "at" => at = Some(text(v)?),
            _ => return None,
        }
        Some(())
    })?;
    Some(PropSpec { kind: kind?, x, at })
}

fn label(value: &Value<'_>) -> Option<LabelSpec> {
    let (mut text_, mut at) = (None, None);
    table(value, |key, v| {
        match key {
            "text" => text_ = Some(text(v)?),
            "at" => at = Some(text(v)?),
            _ => return None,
        }
        Some(())
    })?;
    Some(LabelSpec {
        text: text_?,
        at: at?,
    })
}

fn keyframe(value: &Value<'_>) -> Option<KeyframeSpec> {
    let mut k = KeyframeSpec {
        trunk: None,
        pelvis: None,
        neck: None,
        shoulder: None,
        elbow: None,
        hip: None,
        knee: None,
        ankle: None,
        move_ms: Spanned::new(0..0, 0),
        hold_ms: Spanned::new(0..0, 0),
        key: false,
    };
    let (mut move_ms, mut hold_ms) = (None, None);
    table(value, |key, v| {
        match key {
            "trunk" => k.trunk = Some(spanned(v, small)?),
            "pelvis" => k.pelvis = Some(spanned(v, small)?),
            "neck" => k.neck = Some(spanned(v, small)?),
            "shoulder" => k.shoulder = Some(spanned(v, sides)?),
            "elbow" => k.elbow = Some(spanned(v, sides)?),
            "hip" => k.hip = Some(spanned(v, sides)?),
            "knee" => k.knee = Some(spanned(v, sides)?),
            "ankle" => k.ankle = Some(spanned(v, sides)?),
            "move_ms" => move_ms = Some(spanned(v, small)?),
            "hold_ms" => hold_ms = Some(spanned(v, small)?),
            "key" => k.key = small(v)?,
            _ => return None,
        }
        Some(())
    })?;
    k.move_ms = move_ms?;
    k.hold_ms = hold_ms?;
    Some(k)
}

/// An angle for both sides, or `[near, far]`: read by serde whole (a short array of numbers).
fn sides(value: &Value<'_>) -> Option<crate::figure::spec::Sides> {
    crate::figure::spec::Sides::deserialize(value.clone().into_deserializer()).ok()
}
