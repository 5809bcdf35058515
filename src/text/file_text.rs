//! Text read from a content or answers file: cleaned, and remembering the byte range it came from.

use super::clean::{clean, clean_owned, quote};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, Range};

/// A cleaned string from a content or answers file, with the byte range it came from in that file.
///
/// Equality, ordering and hashing look at the text only, so a `Text` can key a map looked up by `&str`.
///
/// Kept small (24 bytes: a boxed `str` and a span of two `u32`, as files are at most a few MiB), since a
/// large store holds millions of them.
#[derive(Clone, Default)]
pub struct Text {
    text: Box<str>,
    start: u32,
    end: u32,
}

impl Text {
    /// Text made in code (tests, generated stores): cleaned like file text, with an empty span.
    pub fn new(text: &str) -> Self {
        Text {
            text: clean(text).into_boxed_str(),
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

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = toml::Spanned::<String>::deserialize(deserializer)?;
        let span = spanned.span();
        // A span past 4 GiB cannot occur (files are read up to a few MiB); it would only misplace a message.
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Ok(Text {
            text: clean_owned(spanned.into_inner()).into_boxed_str(),
            start: at(span.start),
            end: at(span.end),
        })
    }
}
