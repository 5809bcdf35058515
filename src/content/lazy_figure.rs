//! An exercise's figure, read from the store cache only when something asks for it.
//!
//! A figure is the largest part of an exercise (keyframes of eleven angles, each with its place in the
//! file) and the one a load needs least: it is drawn for the exercise on screen and checked when the
//! checker runs. From the store cache it stays as the bytes the cache keeps (about a fifth of its size
//! decoded) until first asked for; from a file it is parsed with the rest.

use crate::figure::FigureSpec;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::OnceLock;

/// An exercise's figure, if it has one (see the module).
#[derive(Clone, Default)]
pub struct LazyFigure {
    /// The figure as the store cache keeps it, when it came from there.
    kept: Option<Box<[u8]>>,
    /// The figure, once decoded (or as parsed).
    spec: OnceLock<Option<Box<FigureSpec>>>,
}

impl LazyFigure {
    /// A figure as the store cache keeps it ([`super::cache::exercise`]), decoded when first asked for.
    pub(crate) fn kept(bytes: &[u8]) -> LazyFigure {
        LazyFigure {
            kept: Some(bytes.into()),
            spec: OnceLock::new(),
        }
    }

    /// The bytes the store cache kept, while they are what the figure was read from.
    pub(crate) fn kept_bytes(&self) -> Option<&[u8]> {
        self.kept.as_deref()
    }

    /// The figure, decoded the first time. A kept figure that does not read back is no figure; the cache
    /// checks each entry's bytes against its checksum before any of it is read, so only a codec at odds
    /// with itself could make one (a test round-trips every kind of exercise).
    pub fn as_ref(&self) -> Option<&FigureSpec> {
        let spec = self.spec.get_or_init(|| {
            let kept = self.kept.as_deref()?;
            super::cache::exercise::decode_figure(kept).map(Box::new)
        });
        spec.as_deref()
    }

    pub fn is_some(&self) -> bool {
        self.as_ref().is_some()
    }

    pub fn is_none(&self) -> bool {
        !self.is_some()
    }

    /// A copy of the figure.
    pub fn cloned(&self) -> Option<FigureSpec> {
        self.as_ref().cloned()
    }
}

impl From<Option<FigureSpec>> for LazyFigure {
    fn from(spec: Option<FigureSpec>) -> LazyFigure {
        LazyFigure {
            kept: None,
            spec: OnceLock::from(spec.map(Box::new)),
        }
    }
}

/// As the figure it holds (`None` or the spec), so a figure read from the cache and one parsed compare
/// alike in messages and tests.
impl std::fmt::Debug for LazyFigure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_ref().fmt(f)
    }
}

impl Serialize for LazyFigure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_ref().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for LazyFigure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<FigureSpec>::deserialize(deserializer).map(LazyFigure::from)
    }
}

#[cfg(test)]
mod tests {
    use super::LazyFigure;
    use crate::content::Exercise;
    use crate::content::cache::exercise::{decode, encode};

    /// A built-in exercise with a figure, and the same exercise read back from its cache record.
    fn parsed_and_cached() -> (Exercise, Exercise) {
        let exercise = (crate::content::embedded().exercises.into_iter())
            .find(|e| e.figure.is_some())
            .expect("a built-in exercise with a figure");
        let back = decode(&encode(&exercise)).unwrap();
        (exercise, back)
    }

    #[test]
    fn a_kept_figure_is_decoded_when_asked_for_and_bad_bytes_are_no_figure() {
        let (exercise, back) = parsed_and_cached();
        let kept = back.figure.kept_bytes().expect("kept as bytes").to_vec();
        let lazy = LazyFigure::kept(&kept);
        assert!(
            lazy.spec.get().is_none(),
            "not decoded before it is asked for"
        );
        assert_eq!(lazy.as_ref(), exercise.figure.as_ref());
        assert!(lazy.spec.get().is_some());
        // Bytes that do not read back (cut short, or run on) are no figure, not a wrong one.
        for bad in [
            &kept[..kept.len() - 1],
            &[&kept[..], &[0]].concat()[..],
            &[0xff; 8][..],
        ] {
            let lazy = LazyFigure::kept(bad);
            assert!(lazy.is_none() && lazy.cloned().is_none());
        }
        assert!(LazyFigure::default().is_none());
    }

    /// An exercise read from the cache is written back with its figure's bytes as they were: not decoded
    /// on the way, and bytes that would not decode still make a record that reads back (as no figure).
    #[test]
    fn a_kept_figure_is_written_back_undecoded() {
        let (exercise, back) = parsed_and_cached();
        assert_eq!(encode(&back), encode(&exercise));
        assert!(back.figure.spec.get().is_none(), "decoded to be written");
        let mut broken = back.clone();
        broken.figure = LazyFigure::kept(&[0xff; 8]);
        let again = decode(&encode(&broken)).expect("the record reads back");
        assert!(again.figure.is_none());
        assert_eq!(again.name, exercise.name);
    }
}
