//! An exercise as the store cache keeps it: its fields in order, each text with its span, each number
//! with its place, read straight back into an [`Exercise`] without serde.
//!
//! A large store is almost all exercise files, and replaying each one's TOML tree through serde (its keyed
//! maps, the span protocol of every figure number) was three quarters of a warm load. The other files (a
//! few dozen at most) keep their trees. [`fingerprint`] goes into the cache file's header, so a cache
//! written by a build whose exercise types or codec differ is not read at all.
//!
//! The encoder takes every struct apart with an exhaustive pattern: a field added to a record type stops
//! the build here until the codec writes it.
//!
//! The figure is written last, its length first, so a load keeps its bytes as they are and decodes them
//! only when the figure is first asked for ([`LazyFigure`]).

use super::tree::varint;
use crate::content::LazyFigure;
use crate::content::model::{
    Dosage, Equipment, Exercise, ExerciseSource, Ladder, Level, PartSource, Phase, Position,
    Provenance, Region, Rung,
};
use crate::figure::PropKind;
use crate::figure::spec::{FigureSpec, KeyframeSpec, LabelSpec, PropSpec, Sides};
use crate::text::Text;
use std::ops::Range;
use toml::Spanned;

/// The sources whose text decides the layout below: a change to any of them makes caches written before
/// it count as missing (see [`fingerprint`]).
const SOURCES: [&str; 4] = [
    include_str!("exercise.rs"),
    include_str!("../model.rs"),
    include_str!("../../figure/spec.rs"),
    include_str!("../../figure/props.rs"),
];

/// A checksum of [`SOURCES`], written into each cache file's header.
pub fn fingerprint() -> u64 {
    SOURCES.iter().fold(0, |h, source| {
        h ^ super::checksum(source.as_bytes()).rotate_left(7)
    })
}

/// The exercise's fields as bytes.
pub fn encode(exercise: &Exercise) -> Vec<u8> {
    let mut out = Out(Vec::with_capacity(1024));
    out.exercise(exercise);
    out.0
}

/// The exercise the bytes of [`encode`] hold; `None` when they do not read back whole (the file is then
/// parsed from its text).
pub fn decode(bytes: &[u8]) -> Option<Exercise> {
    let mut input = In { bytes, at: 0 };
    let exercise = input.exercise()?;
    (input.at == bytes.len()).then_some(exercise)
}

/// A figure as [`encode`] writes it within an exercise; `None` when the bytes do not read back whole.
pub(crate) fn decode_figure(bytes: &[u8]) -> Option<FigureSpec> {
    let mut input = In { bytes, at: 0 };
    let figure = input.figure()?;
    (input.at == bytes.len()).then_some(figure)
}

/// A fieldless enum written as its place in a list of its variants.
trait Code: Copy + PartialEq + Sized + 'static {
    const ALL: &'static [Self];
    fn code(self) -> u8;
}

/// Lists each enum's variants. The list is matched against the enum, so a variant left out of it stops
/// the build.
macro_rules! code {
    ($($ty:ident: [$($variant:ident),+ $(,)?];)+) => {$(
        impl Code for $ty {
            const ALL: &'static [$ty] = &[$($ty::$variant),+];
            fn code(self) -> u8 {
                match self {
                    $($ty::$variant)|+ => {}
                }
                Self::ALL.iter().position(|v| *v == self).unwrap_or(usize::from(u8::MAX)) as u8
            }
        }
    )+};
}

code! {
    Region: [Ribcage, Core, LowerBack, Pelvis, Hips, Glutes, Hamstrings, Quads, HipFlexors, Nerves];
    Equipment: [None, Mat, FoamRoller, SmallBall, Wall, Chair, Band, Weight, Towel, Step];
    Position: [Standing, Seated, Kneeling, HalfKneeling, AllFours, LyingBack, LyingFront, LyingSide];
    Phase: [Release, Breathe, Mobilise, Activate, Strengthen, Pattern];
    Level: [Beginner, Intermediate, Expert];
    PartSource: [Article, Reconstruction, Suggestion];
    PropKind: [Floor, Wall, Chair, Ball, FoamRoller, Weight];
}

struct Out(Vec<u8>);

impl Out {
    fn n(&mut self, n: u64) {
        varint(&mut self.0, n);
    }

    fn flag(&mut self, on: bool) {
        self.0.push(u8::from(on));
    }

    fn span(&mut self, span: Range<usize>) {
        self.n(span.start as u64);
        self.n(span.end.saturating_sub(span.start) as u64);
    }

    fn str(&mut self, s: &str) {
        self.n(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn text(&mut self, text: &Text) {
        self.span(text.span());
        self.str(text.as_str());
    }

    fn texts(&mut self, texts: &[Text]) {
        self.list(texts, Out::text);
    }

    fn code<T: Code>(&mut self, value: T) {
        self.0.push(value.code());
    }

    fn codes<T: Code>(&mut self, values: &[T]) {
        self.list(values, |out, v| out.code(*v));
    }

    /// Writes a flag, then the value when there is one.
    fn option<T>(&mut self, value: &Option<T>, write: impl FnOnce(&mut Self, &T)) {
        self.flag(value.is_some());
        if let Some(value) = value {
            write(self, value);
        }
    }

    fn list<T>(&mut self, values: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.n(values.len() as u64);
        values.iter().for_each(|v| write(self, v));
    }

    fn f64(&mut self, x: f64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }

    fn exercise(&mut self, exercise: &Exercise) {
        let Exercise {
            id,
            name,
            aliases,
            summary,
            regions,
            muscles,
            equipment,
            position,
            phase,
            steps,
            cues,
            cautions,
            chains,
            articles,
            requires,
            dosage,
            provenance,
            ladder,
            level,
            source,
            import,
            figure,
            file: _,
        } = exercise;
        self.text(id);
        self.text(name);
        self.texts(aliases);
        self.text(summary);
        self.codes(regions);
        self.texts(muscles);
        self.codes(equipment);
        self.option(position, |out, p| out.code(*p));
        self.code(*phase);
        for texts in [steps, cues, cautions, chains, articles, requires] {
            self.texts(texts);
        }
        self.option(dosage, Out::dosage);
        self.option(provenance, Out::provenance);
        self.option(ladder, Out::ladder);
        self.option(level, |out, l| out.code(*l));
        self.option(source, |out, source| {
            let ExerciseSource {
                name,
                licence,
                url,
                id,
            } = source;
            [name, licence, url, id]
                .into_iter()
                .for_each(|t| out.text(t));
        });
        self.n(import.len() as u64);
        for (key, texts) in import {
            self.str(key);
            self.texts(texts);
        }
        // Length first, so a load can keep the figure's bytes without reading them (see `LazyFigure`).
        // Bytes the cache kept are written back as they are, not decoded to be encoded again.
        let written: Option<std::borrow::Cow<[u8]>> = match figure.kept_bytes() {
            Some(kept) => Some(kept.into()),
            None => figure.as_ref().map(|spec| {
                let mut one = Out(Vec::with_capacity(256));
                one.figure(spec);
                one.0.into()
            }),
        };
        self.option(&written, |out, bytes| {
            out.n(bytes.len() as u64);
            out.0.extend_from_slice(bytes);
        });
    }

    fn dosage(&mut self, dosage: &Dosage) {
        let Dosage {
            sets,
            reps,
            breaths,
            seconds,
            hold_seconds,
            per_side,
            rest_seconds,
        } = dosage;
        self.n(u64::from(*sets));
        for n in [reps, breaths, seconds, hold_seconds, rest_seconds] {
            self.option(n, |out, n| out.n(u64::from(*n)));
        }
        self.flag(*per_side);
    }

    fn provenance(&mut self, provenance: &Provenance) {
        let Provenance {
            idea,
            steps,
            dose,
            note,
        } = provenance;
        for part in [idea, steps, dose] {
            self.span(part.span());
            self.code(*part.get_ref());
        }
        self.option(note, Out::text);
    }

    fn ladder(&mut self, ladder: &Ladder) {
        let Ladder {
            move_up,
            move_down,
            easier,
            harder,
        } = ladder;
        self.text(move_up);
        self.text(move_down);
        for rungs in [easier, harder] {
            self.list(rungs, |out, rung| {
                let Rung {
                    name,
                    change,
                    exercise,
                } = rung;
                out.text(name);
                out.text(change);
                out.option(exercise, Out::text);
            });
        }
    }

    fn figure(&mut self, figure: &FigureSpec) {
        let FigureSpec {
            steady,
            props,
            labels,
            keyframes,
        } = figure;
        self.option(steady, Out::text);
        self.list(props, |out, prop| {
            let PropSpec { kind, x, at } = prop;
            out.span(kind.span());
            out.code(*kind.get_ref());
            out.option(x, |out, x| out.spanned_f64(x));
            out.option(at, Out::text);
        });
        self.list(labels, |out, label| {
            let LabelSpec { text, at } = label;
            out.text(text);
            out.text(at);
        });
        self.span(keyframes.span());
        self.list(keyframes.get_ref(), Out::keyframe);
    }

    fn spanned_f64(&mut self, x: &Spanned<f64>) {
        self.span(x.span());
        self.f64(*x.get_ref());
    }

    fn keyframe(&mut self, keyframe: &KeyframeSpec) {
        let KeyframeSpec {
            trunk,
            pelvis,
            neck,
            shoulder,
            elbow,
            hip,
            knee,
            ankle,
            move_ms,
            hold_ms,
            key,
        } = keyframe;
        for angle in [trunk, pelvis, neck] {
            self.option(angle, Out::spanned_f64);
        }
        for sides in [shoulder, elbow, hip, knee, ankle] {
            self.option(sides, |out, sides| {
                out.span(sides.span());
                out.f64(sides.get_ref().near);
                out.f64(sides.get_ref().far);
            });
        }
        for ms in [move_ms, hold_ms] {
            self.span(ms.span());
            self.n(u64::from(*ms.get_ref()));
        }
        self.flag(*key);
    }
}

/// The bytes being read back, and how far.
struct In<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl In<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn n(&mut self) -> Option<u64> {
        let first = self.byte()?;
        if first < 0x80 {
            return Some(u64::from(first));
        }
        let mut n = u64::from(first & 0x7f);
        let mut shift = 7;
        loop {
            let b = self.byte()?;
            if shift > 63 {
                return None;
            }
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(n);
            }
            shift += 7;
        }
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.n()?).ok()
    }

    fn len(&mut self) -> Option<usize> {
        // A list is never longer than the bytes left to hold it: a damaged length cannot ask for GBs.
        let n = usize::try_from(self.n()?).ok()?;
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn span(&mut self) -> Option<Range<usize>> {
        let start = usize::try_from(self.n()?).ok()?;
        let len = usize::try_from(self.n()?).ok()?;
        Some(start..start.checked_add(len)?)
    }

    fn bytes(&mut self) -> Option<&[u8]> {
        let len = self.len()?;
        let bytes = self.bytes.get(self.at..self.at + len)?;
        self.at += len;
        Some(bytes)
    }

    fn str(&mut self) -> Option<&str> {
        std::str::from_utf8(self.bytes()?).ok()
    }

    fn text(&mut self) -> Option<Text> {
        let span = self.span()?;
        Text::from_cache(self.bytes()?, span)
    }

    fn texts(&mut self) -> Option<Vec<Text>> {
        self.list(In::text)
    }

    fn code<T: Code>(&mut self) -> Option<T> {
        T::ALL.get(usize::from(self.byte()?)).copied()
    }

    fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.flag()? {
            true => read(self).map(Some),
            false => Some(None),
        }
    }

    fn list<T>(&mut self, mut read: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let len = self.len()?;
        let mut out = Vec::with_capacity(len);
        for _ in 0..len {
            out.push(read(self)?);
        }
        Some(out)
    }

    fn f64(&mut self) -> Option<f64> {
        let bytes = self.bytes.get(self.at..self.at + 8)?;
        self.at += 8;
        Some(f64::from_le_bytes(bytes.try_into().ok()?))
    }

    fn exercise(&mut self) -> Option<Exercise> {
        Some(Exercise {
            id: self.text()?,
            name: self.text()?,
            aliases: self.texts()?,
            summary: self.text()?,
            regions: self.list(In::code)?,
            muscles: self.texts()?,
            equipment: self.list(In::code)?,
            position: self.option(In::code)?,
            phase: self.code()?,
            steps: self.texts()?,
            cues: self.texts()?,
            cautions: self.texts()?,
            chains: self.texts()?,
            articles: self.texts()?,
            requires: self.texts()?,
            dosage: self.option(In::dosage)?,
            provenance: self.option(In::provenance)?,
            ladder: self.option(In::ladder)?,
            level: self.option(In::code)?,
            source: self.option(|input| {
                Some(ExerciseSource {
                    name: input.text()?,
                    licence: input.text()?,
                    url: input.text()?,
                    id: input.text()?,
                })
            })?,
            import: {
                let len = self.len()?;
                let mut import = std::collections::BTreeMap::new();
                for _ in 0..len {
                    let key = self.str()?.to_owned();
                    import.insert(key, self.texts()?);
                }
                import
            },
            figure: match self.flag()? {
                true => LazyFigure::kept(self.bytes()?),
                false => LazyFigure::default(),
            },
            file: Default::default(),
        })
    }

    fn dosage(&mut self) -> Option<Dosage> {
        let sets = self.u32()?;
        let mut n = || self.option(In::u32);
        let (reps, breaths, seconds, hold_seconds, rest_seconds) = (n()?, n()?, n()?, n()?, n()?);
        Some(Dosage {
            sets,
            reps,
            breaths,
            seconds,
            hold_seconds,
            per_side: self.flag()?,
            rest_seconds,
        })
    }

    fn spanned<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Spanned<T>> {
        let span = self.span()?;
        Some(Spanned::new(span, read(self)?))
    }

    fn provenance(&mut self) -> Option<Provenance> {
        Some(Provenance {
            idea: self.spanned(In::code)?,
            steps: self.spanned(In::code)?,
            dose: self.spanned(In::code)?,
            note: self.option(In::text)?,
        })
    }

    fn ladder(&mut self) -> Option<Ladder> {
        let rung = |input: &mut Self| {
            Some(Rung {
                name: input.text()?,
                change: input.text()?,
                exercise: input.option(In::text)?,
            })
        };
        Some(Ladder {
            move_up: self.text()?,
            move_down: self.text()?,
            easier: self.list(rung)?,
            harder: self.list(rung)?,
        })
    }

    fn figure(&mut self) -> Option<FigureSpec> {
        Some(FigureSpec {
            steady: self.option(In::text)?,
            props: self.list(|input| {
                Some(PropSpec {
                    kind: input.spanned(In::code)?,
                    x: input.option(|input| input.spanned(In::f64))?,
                    at: input.option(In::text)?,
                })
            })?,
            labels: self.list(|input| {
                Some(LabelSpec {
                    text: input.text()?,
                    at: input.text()?,
                })
            })?,
            keyframes: self.spanned(|input| input.list(In::keyframe))?,
        })
    }

    fn keyframe(&mut self) -> Option<KeyframeSpec> {
        let mut angle = || self.option(|input| input.spanned(In::f64));
        let (trunk, pelvis, neck) = (angle()?, angle()?, angle()?);
        let mut sides = || {
            self.option(|input| {
                input.spanned(|input| {
                    Some(Sides {
                        near: input.f64()?,
                        far: input.f64()?,
                    })
                })
            })
        };
        let (shoulder, elbow, hip, knee, ankle) =
            (sides()?, sides()?, sides()?, sides()?, sides()?);
        Some(KeyframeSpec {
            trunk,
            pelvis,
            neck,
            shoulder,
            elbow,
            hip,
            knee,
            ankle,
            move_ms: self.spanned(In::u32)?,
            hold_ms: self.spanned(In::u32)?,
            key: self.flag()?,
        })
    }
}
