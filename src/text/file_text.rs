//! Text read from a content or answers file: cleaned, and remembering the byte range it came from.

use super::clean::{clean, quote};
use super::intern;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, Range};
use std::sync::Arc;

/// A cleaned string from a content or answers file, with the byte range it came from in that file.
///
/// Equality, ordering and hashing look at the text only, so a `Text` can key a map looked up by `&str`.
///
/// Kept small (24 bytes: a shared `str` and a span of two `u32`, as files are at most a few MiB), since a
/// large store holds millions of them; texts read while an [`intern::Pool`] is open share repeated strings.
#[derive(Clone, Default)]
pub struct Text {
    text: Arc<str>,
    start: u32,
    end: u32,
}

impl Text {
    /// Text made in code (tests, generated stores): cleaned like file text, with an empty span.
    pub fn new(text: &str) -> Self {
        Text {
            text: Arc::from(clean(text)),
            start: 0,
            end: 0,
        }
    }

    /// Where the text stood in its file (byte offsets); `0..0` when it was not read from a file.
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Do both point at one string in memory (texts a store shares while it loads, see [`intern`])?
    pub fn shares_with(&self, other: &Text) -> bool {
        Arc::ptr_eq(&self.text, &other.text)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::new(text)
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.text
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &*self.text == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &*self.text == *other
    }
}

impl PartialOrd for Text {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.text.cmp(&other.text)
    }
}

impl Hash for Text {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text.hash(state)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Quoted for messages, cut to [`super::MAX_ECHO`] characters (see [`quote`]).
impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&quote(&self.text))
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

/// The name a [`Text`] asks a deserializer for. Any deserializer hands itself on (toml's, JSON's), and the
/// text is read with its span through toml's span protocol; the store cache's instead gives the span and
/// the string as a sequence of three (`start`, `end`, the string), which skips that protocol's keyed map.
pub const TEXT_NAME: &str = "$backchain::Text";

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Text, D::Error> {
                let spanned = toml::Spanned::<Shared>::deserialize(d)?;
                let span = spanned.span();
                Ok(Text::spanned(spanned.into_inner().0, span.start, span.end))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
                let mut next = |n: usize| {
                    seq.next_element::<u64>()?
                        .ok_or_else(|| serde::de::Error::invalid_length(n, &self))
                };
                let (start, end) = (next(0)?, next(1)?);
                let text = seq
                    .next_element::<Shared>()?
                    .ok_or_else(|| serde::de::Error::invalid_length(2, &self))?;
                let at = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
                Ok(Text::spanned(text.0, at(start), at(end)))
            }
        }
        deserializer.deserialize_newtype_struct(TEXT_NAME, Visit)
    }
}

impl Text {
    /// Text at `span` of a file, as toml parsed it: cleaned and shared as serde's reading of a `Text`
    /// makes it (for readers of toml's tree that do without serde).
    pub fn in_file(text: &str, span: Range<usize>) -> Text {
        Text::spanned(intern::shared(text), span.start, span.end)
    }

    /// Text the store cache kept, read as [`Text::in_file`]; `None` when the bytes are not UTF-8.
    pub fn from_cache(text: &[u8], span: Range<usize>) -> Option<Text> {
        Some(Text::spanned(
            intern::shared_bytes(text)?,
            span.start,
            span.end,
        ))
    }

    fn spanned(text: Arc<str>, start: usize, end: usize) -> Text {
        // A span past 4 GiB cannot occur (files are read up to a few MiB); it would only misplace a message.
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Text {
            text,
            start: at(start),
            end: at(end),
        }
    }
}

/// A string read without a copy of its own: cleaned and shared through [`intern::shared`].
struct Shared(Arc<str>);

impl<'de> Deserialize<'de> for Shared {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Shared;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Shared, E> {
                Ok(Shared(intern::shared(text)))
            }
        }
        deserializer.deserialize_str(Visit)
    }
}
