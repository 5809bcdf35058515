//! A parsed file's TOML tree in the cache: written as bytes (values, spans, keys), and read back as a
//! serde deserializer that gives what toml gave when the file was parsed.

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::ops::Range;
use toml::de::{DeTable, DeValue};

// The tree: each value is a tag, its span (start, then length) and its content; numbers other than floats
// are LEB128 varints. Tables hold their keys, each with its span: a key in [`KEYS`] as its place there, any
// other as its text.
const STR: u8 = 1;
const INT: u8 = 2;
const FLOAT: u8 = 3;
const BOOL: u8 = 4;
const ARRAY: u8 = 5;
pub(super) const TABLE: u8 = 6;

/// Keys the store's files use, written as one byte. Changing this list changes the format: bump [`super::FORMAT`].
const KEYS: [&str; 84] = [
    "id",
    "name",
    "aliases",
    "summary",
    "regions",
    "muscles",
    "equipment",
    "position",
    "phase",
    "steps",
    "cues",
    "cautions",
    "chains",
    "articles",
    "requires",
    "dosage",
    "sets",
    "reps",
    "breaths",
    "seconds",
    "hold_seconds",
    "per_side",
    "rest_seconds",
    "provenance",
    "idea",
    "dose",
    "note",
    "ladder",
    "move_up",
    "move_down",
    "easier",
    "harder",
    "change",
    "exercise",
    "level",
    "source",
    "licence",
    "url",
    "import",
    "figure",
    "steady",
    "props",
    "labels",
    "keyframe",
    "kind",
    "x",
    "at",
    "text",
    "trunk",
    "pelvis",
    "neck",
    "shoulder",
    "elbow",
    "hip",
    "knee",
    "ankle",
    "move_ms",
    "hold_ms",
    "key",
    "article",
    "topic",
    "claim",
    "chain",
    "stance",
    "statement",
    "evidence",
    "location",
    "label",
    "meaning",
    "question",
    "title",
    "short",
    "tilt",
    "tilt_source",
    "who",
    "step",
    "detail",
    "claims",
    "source_note",
    "way_out",
    "first",
    "next",
    "avoid",
    "counterpoints",
];

/// A parsed file's tree, or `None` when it holds what the cache does not keep (a date, an integer past
/// i64).
pub fn encode(document: &toml::Spanned<DeTable<'_>>) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(2048);
    head(&mut out, TABLE, document.span());
    table(document.get_ref(), &mut out)?;
    Some(out)
}

pub(super) fn varint(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn head(out: &mut Vec<u8>, tag: u8, span: Range<usize>) {
    out.push(tag);
    varint(out, span.start as u64);
    varint(out, span.end.saturating_sub(span.start) as u64);
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn table(table: &DeTable<'_>, out: &mut Vec<u8>) -> Option<()> {
    varint(out, table.len() as u64);
    for (spanned_key, value) in table {
        let key: &str = spanned_key.get_ref();
        match key_place(key) {
            Some(at) => varint(out, at as u64 + 1),
            None => {
                out.push(0);
                put_str(out, key);
            }
        }
        let span = spanned_key.span();
        varint(out, span.start as u64);
        varint(out, span.end.saturating_sub(span.start) as u64);
        encode_value(value, out)?;
    }
    Some(())
}

/// A key's place in [`KEYS`], looked up by hash: every key of every file is written this way.
fn key_place(key: &str) -> Option<usize> {
    type Places = crate::text::intern::WordMap<&'static str, usize>;
    static PLACES: std::sync::OnceLock<Places> = std::sync::OnceLock::new();
    // Inserted last to first, so a key listed twice has its first place, as a scan would give.
    let places = PLACES.get_or_init(|| {
        (KEYS.iter().enumerate().rev())
            .map(|(i, k)| (*k, i))
            .collect()
    });
    places.get(key).copied()
}

fn encode_value(value: &toml::Spanned<DeValue<'_>>, out: &mut Vec<u8>) -> Option<()> {
    let span = value.span();
    match value.get_ref() {
        DeValue::String(s) => {
            head(out, STR, span);
            put_str(out, s);
        }
        DeValue::Integer(n) => {
            // What toml's deserializer gives an integer that fits i64; larger ones are not cached.
            let n = i64::from_str_radix(n.as_str(), n.radix()).ok()?;
            head(out, INT, span);
            varint(out, ((n << 1) ^ (n >> 63)) as u64);
        }
        DeValue::Float(f) => {
            let x: f64 = f.as_str().parse().ok()?;
            if x.is_infinite() && !f.as_str().contains("inf") {
                return None;
            }
            head(out, FLOAT, span);
            out.extend_from_slice(&x.to_bits().to_le_bytes());
        }
        DeValue::Boolean(b) => {
            head(out, BOOL, span);
            out.push(u8::from(*b));
        }
        DeValue::Datetime(_) => return None,
        DeValue::Array(items) => {
            head(out, ARRAY, span);
            varint(out, items.len() as u64);
            for item in items {
                encode_value(item, out)?;
            }
        }
        DeValue::Table(t) => {
            head(out, TABLE, span);
            table(t, out)?;
        }
    }
    Some(())
}

/// Why a cached tree could not be read back; the file is then parsed from its text.
#[derive(Debug)]
pub struct DecodeError(String);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DecodeError {}

impl de::Error for DecodeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DecodeError(msg.to_string())
    }
}

fn short() -> DecodeError {
    DecodeError(String::from("cache entry cut short"))
}

pub(super) struct Reader<'a> {
    pub(super) buf: &'a [u8],
    pub(super) at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.at.checked_add(n).ok_or_else(short)?;
        let out = self.buf.get(self.at..end).ok_or_else(short)?;
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    pub(super) fn u32(&mut self) -> Result<u32, DecodeError> {
        self.array().map(u32::from_le_bytes)
    }

    pub(super) fn u64(&mut self) -> Result<u64, DecodeError> {
        self.array().map(u64::from_le_bytes)
    }

    pub(super) fn bytes(&mut self) -> Result<&'a [u8], DecodeError> {
        let len = self.u32()? as usize;
        self.take(len)
    }

    fn byte(&mut self) -> Result<u8, DecodeError> {
        let b = *self.buf.get(self.at).ok_or_else(short)?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, DecodeError> {
        // One byte is the common case (a length, a key's place): read at once.
        if let Some(&b) = self.buf.get(self.at)
            && b < 0x80
        {
            self.at += 1;
            return Ok(u64::from(b));
        }
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(DecodeError(String::from("varint too long")))
    }

    fn count(&mut self) -> Result<usize, DecodeError> {
        usize::try_from(self.varint()?).map_err(|_| short())
    }

    fn str(&mut self) -> Result<&'a str, DecodeError> {
        let len = self.count()?;
        std::str::from_utf8(self.take(len)?).map_err(|_| DecodeError(String::from("not UTF-8")))
    }

    fn key(&mut self) -> Result<(&'a str, Range<usize>), DecodeError> {
        let key = match self.count()? {
            0 => self.str()?,
            n => KEYS.get(n - 1).copied().ok_or_else(short)?,
        };
        let start = self.count()?;
        let len = self.count()?;
        Ok((key, start..start.saturating_add(len)))
    }

    fn head(&mut self) -> Result<(u8, Range<usize>), DecodeError> {
        let tag = self.byte()?;
        let start = self.count()?;
        let len = self.count()?;
        Ok((tag, start..start.saturating_add(len)))
    }

    /// Skips the content of a value whose head was read.
    fn skip(&mut self, tag: u8) -> Result<(), DecodeError> {
        match tag {
            STR => self.str().map(drop),
            INT => self.varint().map(drop),
            FLOAT => self.take(8).map(drop),
            BOOL => self.take(1).map(drop),
            ARRAY => {
                for _ in 0..self.count()? {
                    let (tag, _) = self.head()?;
                    self.skip(tag)?;
                }
                Ok(())
            }
            TABLE => {
                for _ in 0..self.count()? {
                    self.key()?;
                    let (tag, _) = self.head()?;
                    self.skip(tag)?;
                }
                Ok(())
            }
            _ => Err(DecodeError(format!("unknown tag {tag}"))),
        }
    }
}

/// A cached file's tree, read back as the document toml would give.
pub struct Document<'a> {
    reader: Reader<'a>,
}

impl<'a> Document<'a> {
    pub fn new(payload: &'a [u8]) -> Document<'a> {
        Document {
            reader: Reader {
                buf: payload,
                at: 0,
            },
        }
    }

    /// The whole file as one record (an exercise, the questionnaire).
    pub fn whole<T: de::DeserializeOwned>(mut self) -> Result<T, DecodeError> {
        let (tag, span) = self.reader.head()?;
        let out = T::deserialize(Value {
            r: &mut self.reader,
            tag,
            span,
        })?;
        self.end()?;
        Ok(out)
    }

    /// The records of an array-of-tables file whose only key is `key`.
    pub fn records<T: de::DeserializeOwned>(mut self, key: &str) -> Result<Vec<T>, DecodeError> {
        let r = &mut self.reader;
        let (tag, _) = r.head()?;
        if tag != TABLE {
            return Err(DecodeError(String::from("not a table")));
        }
        let mut out = Vec::new();
        for _ in 0..r.count()? {
            if r.key()?.0 != key {
                return Err(DecodeError(String::from("another key")));
            }
            let (tag, _) = r.head()?;
            if tag != ARRAY {
                return Err(DecodeError(String::from("not a list")));
            }
            for _ in 0..r.count()? {
                let (tag, span) = r.head()?;
                if tag != TABLE {
                    return Err(DecodeError(String::from("not a table")));
                }
                out.push(T::deserialize(Value {
                    r: &mut *r,
                    tag,
                    span,
                })?);
            }
        }
        self.end()?;
        Ok(out)
    }

    fn end(&self) -> Result<(), DecodeError> {
        if self.reader.at == self.reader.buf.len() {
            Ok(())
        } else {
            Err(DecodeError(String::from("bytes left over")))
        }
    }
}

/// One value whose head was read, as a serde deserializer that behaves like toml's for a value that
/// deserialized without error when the file was parsed.
struct Value<'r, 'a> {
    r: &'r mut Reader<'a>,
    tag: u8,
    span: Range<usize>,
}

impl<'de> IntoDeserializer<'de, DecodeError> for Value<'_, 'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for Value<'_, 'de> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        match self.tag {
            STR => visitor.visit_borrowed_str(self.r.str()?),
            INT => {
                let n = self.r.varint()?;
                visitor.visit_i64(((n >> 1) as i64) ^ -((n & 1) as i64))
            }
            FLOAT => visitor.visit_f64(f64::from_bits(self.r.u64()?)),
            BOOL => visitor.visit_bool(self.r.byte()? != 0),
            ARRAY => {
                let left = self.r.count()?;
                let mut seq = Seq { r: self.r, left };
                let out = visitor.visit_seq(&mut seq)?;
                seq.rest()?;
                Ok(out)
            }
            TABLE => {
                let left = self.r.count()?;
                let mut map = Map {
                    r: self.r,
                    left,
                    value_due: false,
                };
                let out = visitor.visit_map(&mut map)?;
                map.rest()?;
                Ok(out)
            }
            tag => Err(DecodeError(format!("unknown tag {tag}"))),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if name == crate::text::TEXT_NAME && self.tag == STR {
            let text = self.r.str()?;
            return visitor.visit_seq(TextParts {
                span: [self.span.start as u64, self.span.end as u64],
                text,
                at: 0,
            });
        }
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if serde_spanned::de::is_spanned(name) {
            let span = self.span.clone();
            return visitor.visit_map(serde_spanned::de::SpannedDeserializer::new(self, span));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if self.tag != STR {
            return Err(DecodeError(String::from("enum from a table")));
        }
        visitor.visit_enum(BorrowedStrDeserializer::new(self.r.str()?))
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        self.r.skip(self.tag)?;
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool u8 u16 u32 u64 i8 i16 i32 i64 i128 u128 f32 f64 char str string seq
        bytes byte_buf map unit unit_struct tuple_struct tuple identifier
    }
}

/// A table's key, as toml gives it: a string, or a spanned string.
struct Key<'a> {
    key: &'a str,
    span: Range<usize>,
}

impl<'de> IntoDeserializer<'de, DecodeError> for Key<'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> de::Deserializer<'de> for Key<'de> {
    type Error = DecodeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DecodeError> {
        visitor.visit_borrowed_str(self.key)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        if serde_spanned::de::is_spanned(name) {
            let span = self.span.clone();
            return visitor.visit_map(serde_spanned::de::SpannedDeserializer::new(self, span));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_enum(BorrowedStrDeserializer::new(self.key))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DecodeError> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool u8 u16 u32 u64 i8 i16 i32 i64 i128 u128 f32 f64 char str string seq option
        bytes byte_buf map unit unit_struct tuple_struct tuple identifier ignored_any
    }
}

/// A [`crate::text::Text`] as the sequence it reads from the cache: its span's start and end, then the string.
struct TextParts<'a> {
    span: [u64; 2],
    text: &'a str,
    at: usize,
}

impl<'de> SeqAccess<'de> for TextParts<'de> {
    type Error = DecodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DecodeError> {
        self.at += 1;
        match self.at {
            1 | 2 => seed
                .deserialize(self.span[self.at - 1].into_deserializer())
                .map(Some),
            3 => seed
                .deserialize(BorrowedStrDeserializer::new(self.text))
                .map(Some),
            _ => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(3usize.saturating_sub(self.at))
    }
}

struct Seq<'r, 'a> {
    r: &'r mut Reader<'a>,
    left: usize,
}

impl Seq<'_, '_> {
    /// Skips what the visitor left unread, so the next value starts where it should.
    fn rest(&mut self) -> Result<(), DecodeError> {
        while self.left > 0 {
            self.left -= 1;
            let (tag, _) = self.r.head()?;
            self.r.skip(tag)?;
        }
        Ok(())
    }
}

impl<'de> SeqAccess<'de> for Seq<'_, 'de> {
    type Error = DecodeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DecodeError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        let (tag, span) = self.r.head()?;
        seed.deserialize(Value {
            r: &mut *self.r,
            tag,
            span,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

struct Map<'r, 'a> {
    r: &'r mut Reader<'a>,
    left: usize,
    /// A key was read and its value not yet.
    value_due: bool,
}

impl Map<'_, '_> {
    fn rest(&mut self) -> Result<(), DecodeError> {
        loop {
            if self.value_due {
                self.value_due = false;
                let (tag, _) = self.r.head()?;
                self.r.skip(tag)?;
            }
            if self.left == 0 {
                return Ok(());
            }
            self.left -= 1;
            self.r.key()?;
            self.value_due = true;
        }
    }
}

impl<'de> MapAccess<'de> for Map<'_, 'de> {
    type Error = DecodeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DecodeError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        let (key, span) = self.r.key()?;
        self.value_due = true;
        seed.deserialize(Key { key, span }).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, DecodeError> {
        if !self.value_due {
            return Err(DecodeError(String::from("value without a key")));
        }
        self.value_due = false;
        let (tag, span) = self.r.head()?;
        seed.deserialize(Value {
            r: &mut *self.r,
            tag,
            span,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Text;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        id: Text,
        count: toml::Spanned<u32>,
        ratio: f64,
        on: bool,
        #[serde(default)]
        tags: Vec<Text>,
        nested: Nested,
        weights: std::collections::BTreeMap<toml::Spanned<String>, f64>,
        missing: Option<Text>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Nested {
        kind: crate::content::Phase,
        at: Option<toml::Spanned<f64>>,
    }

    const TEXT: &str = "id = \"one\"\ncount = 7\nratio = 2\non = true\ntags = [\"a\", \"bé\"]\nunknown_is_skipped_by_serde = 1\n\n[nested]\nkind = \"breathe\"\nat = -1.5\n\n[weights]\nx = 0.25\n\"y z\" = 1e3\n";

    fn both(text: &str) -> (Result<Sample, toml::de::Error>, Option<Vec<u8>>) {
        let (doc, errors) = DeTable::parse_recoverable(text);
        assert!(errors.is_empty());
        let tree = encode(&doc);
        (Sample::deserialize(doc.into_deserializer()), tree)
    }

    #[test]
    fn a_tree_reads_back_as_the_parsed_file_spans_included() {
        let text = TEXT.replace("unknown_is_skipped_by_serde = 1\n", "");
        let (parsed, tree) = both(&text);
        let parsed = parsed.unwrap();
        let cached: Sample = Document::new(&tree.unwrap()).whole().unwrap();
        assert_eq!(cached, parsed);
        assert_eq!(cached.id.span(), parsed.id.span());
        assert_eq!(cached.tags[1].span(), parsed.tags[1].span());
        assert_eq!(cached.count.span(), parsed.count.span());
        let keys: Vec<_> = cached.weights.keys().map(|k| k.span()).collect();
        let parsed_keys: Vec<_> = parsed.weights.keys().map(|k| k.span()).collect();
        assert_eq!(keys, parsed_keys);
        assert_eq!(
            cached.nested.at.as_ref().map(|a| a.span()),
            parsed.nested.at.map(|a| a.span())
        );
    }

    #[test]
    fn a_tree_cut_short_or_damaged_is_an_error_never_a_panic() {
        let text = TEXT.replace("unknown_is_skipped_by_serde = 1\n", "");
        let tree = both(&text).1.unwrap();
        for end in 0..tree.len() {
            assert!(
                Document::new(&tree[..end]).whole::<Sample>().is_err(),
                "cut at {end}"
            );
        }
        for at in 0..tree.len() {
            let mut damaged = tree.clone();
            damaged[at] = damaged[at].wrapping_add(0x41);
            // Either an error or some value: never a panic (the checksum keeps damage out in use).
            let _ = Document::new(&damaged).whole::<Sample>();
        }
    }

    #[test]
    fn what_the_cache_cannot_hold_is_not_encoded() {
        for text in [
            "when = 1979-05-27",
            "big = 0xffffffffffffffff",
            "x = [2024-01-01]",
        ] {
            let (doc, errors) = DeTable::parse_recoverable(text);
            assert!(errors.is_empty(), "{text}");
            assert!(encode(&doc).is_none(), "{text}");
        }
    }

    #[test]
    fn each_key_is_found_at_its_first_place_and_no_other_key_is() {
        for (i, key) in KEYS.iter().enumerate() {
            assert_eq!(key_place(key), KEYS.iter().position(|k| k == key), "{key}");
            assert_eq!(
                KEYS.iter().position(|k| k == key),
                Some(i),
                "{key} listed twice"
            );
        }
        assert_eq!(key_place("no-such-key"), None);
        assert_eq!(key_place(""), None);
    }

    #[test]
    fn varints_and_zigzag_round_trip() {
        for n in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            varint(&mut out, n);
            assert_eq!(Reader { buf: &out, at: 0 }.varint().unwrap(), n);
        }
    }
}
