//! Sharing repeated strings while a store loads: muscles, chain and article ids, cautions and cues recur in
//! thousands of exercises, and each [`super::Text`] read while a [`Pool`] is open on the thread points at
//! one shared copy, cleaned once.

use super::clean::{clean, is_clean};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

thread_local! {
    static POOL: RefCell<Option<Strings>> = const { RefCell::new(None) };
}

/// Each text as read (the key) and as cleaned (the value; the same `Arc` when it needed no cleaning).
type Strings = WordMap<Raw, Arc<str>>;

/// A text as read, looked up by its bytes: text the store cache gives is found before it is checked as
/// UTF-8, which only a text not seen before then needs.
#[derive(PartialEq, Eq)]
struct Raw(Arc<str>);

impl std::hash::Hash for Raw {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // As its bytes, so a lookup by `&[u8]` finds it (`Borrow` asks for the same hash).
        self.0.as_bytes().hash(state);
    }
}

impl std::borrow::Borrow<[u8]> for Raw {
    fn borrow(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// A map whose keys (ids, paths, texts) are hashed by [`WordHasher`]: the maps a large store fills while
/// it loads, where SipHash's per-byte rounds dominate.
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// While it lives, texts read on this thread share their repeated strings. Opening one where one is
/// already open changes nothing; the strings are let go of when the first one closes.
#[must_use = "the pool closes when dropped"]
pub struct Pool {
    opened: bool,
}

impl Pool {
    pub fn open() -> Pool {
        Pool::with_capacity(0)
    }

    /// A pool with room for `strings` distinct texts before it grows.
    pub fn with_capacity(strings: usize) -> Pool {
        let opened = POOL.with(|pool| {
            let mut pool = pool.borrow_mut();
            let opened = pool.is_none();
            if opened {
                *pool = Some(Strings::with_capacity_and_hasher(
                    strings,
                    Default::default(),
                ));
            }
            opened
        });
        Pool { opened }
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        if self.opened {
            // Taken out first: the map is freed outside the borrow.
            let strings = POOL.with(|pool| pool.borrow_mut().take());
            drop(strings);
        }
    }
}

/// `raw` cleaned, shared with every equal text read on this thread while a [`Pool`] is open.
pub fn shared(raw: &str) -> Arc<str> {
    // Never `None`: `raw` is text already.
    share(raw.as_bytes(), || Some(raw)).unwrap_or_else(|| Arc::from(clean(raw)))
}

/// Like [`shared`], for bytes that should be UTF-8 (the store cache's): `None` when they are not. Bytes
/// the pool has seen are not checked again.
pub fn shared_bytes(raw: &[u8]) -> Option<Arc<str>> {
    share(raw, || std::str::from_utf8(raw).ok())
}

/// `raw` looked up in the pool by its bytes; `text` gives it as text when it is not there yet.
fn share<'a>(raw: &'a [u8], text: impl FnOnce() -> Option<&'a str>) -> Option<Arc<str>> {
    POOL.with(|pool| match pool.borrow_mut().as_mut() {
        Some(strings) => {
            if let Some(cleaned) = strings.get(raw) {
                return Some(Arc::clone(cleaned));
            }
            let raw = text()?;
            let (key, cleaned): (Arc<str>, Arc<str>) = if is_clean(raw) {
                let text: Arc<str> = Arc::from(raw);
                (Arc::clone(&text), text)
            } else {
                (Arc::from(raw), Arc::from(clean(raw)))
            };
            strings.insert(Raw(key), Arc::clone(&cleaned));
            Some(cleaned)
        }
        None => Some(Arc::from(clean(text()?))),
    })
}

/// A hasher that takes eight bytes at a time (the multiply-rotate of rustc's `FxHasher`): the pool hashes
/// millions of short strings, where SipHash's per-byte rounds dominate.
#[derive(Default)]
pub struct WordHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.add(bytes.len() as u64);
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(word);
            self.add(u64::from_le_bytes(eight));
        }
        let rest = words.remainder();
        if rest.is_empty() {
        } else if let Some(last) = bytes.last_chunk::<8>() {
            // The last eight bytes, overlapping the word before: no copy of a tail of odd length.
            self.add(u64::from_le_bytes(*last));
        } else {
            let tail = (rest.iter().enumerate()).fold(0, |w, (i, b)| w | u64::from(*b) << (8 * i));
            self.add(tail);
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_share_one_string_while_a_pool_is_open() {
        let pool = Pool::open();
        let a = shared("hamstrings");
        let b = shared("hamstrings");
        assert!(Arc::ptr_eq(&a, &b));
        // A second pool opened inside the first changes nothing.
        drop(Pool::open());
        assert!(Arc::ptr_eq(&a, &shared("hamstrings")));
        drop(pool);
        assert!(!Arc::ptr_eq(&a, &shared("hamstrings")));
    }

    #[test]
    fn texts_are_cleaned_with_or_without_a_pool() {
        let dirty = "tab\there\u{7}";
        let without = shared(dirty);
        let _pool = Pool::open();
        let first = shared(dirty);
        let again = shared(dirty);
        assert_eq!(&*without, &*first);
        assert_eq!(&*first, clean(dirty));
        assert!(Arc::ptr_eq(&first, &again));
        // The raw text and the cleaned one are different keys.
        assert_eq!(&*shared(&first), &*first);
    }

    #[test]
    fn the_hasher_tells_strings_apart_by_their_tail_and_length() {
        let hash = |s: &str| {
            let mut h = WordHasher::default();
            std::hash::Hash::hash(s, &mut h);
            h.finish()
        };
        assert_ne!(hash("abcdefgh1"), hash("abcdefgh2"));
        assert_ne!(hash("a"), hash("a\0"));
        assert_eq!(hash("same text"), hash("same text"));
    }
}
