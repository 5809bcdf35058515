//! Byte-level tests run before the scorer: cheap, and never false when the scorer would match.
//!
//! A needle's chars appear in order in a haystack only if its UTF-8 bytes do, so a failed byte test
//! means the scorer cannot match either.

/// True when the bytes of `needle`, spaces skipped, appear in order in `hay`.
pub fn is_subsequence(hay: &[u8], needle: &[u8]) -> bool {
    let mut rest = hay;
    for &b in needle {
        if b == b' ' {
            continue;
        }
        match rest.iter().position(|&h| h == b) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    true
}

/// [`is_subsequence`] for longer haystacks: `memchr` looks for each byte several at a time, which pays
/// off over an exercise's hundreds of bytes but not over one short field.
pub fn is_subsequence_long(hay: &[u8], needle: &[u8]) -> bool {
    let mut rest = hay;
    for &b in needle {
        if b == b' ' {
            continue;
        }
        match memchr::memchr(b, rest) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    true
}

/// Which bytes occur in `text`: a bit per letter, the other bytes share six bits; spaces are left out,
/// as the subsequence tests skip them in a needle. A needle whose mask has a bit the haystack's lacks
/// cannot match it, and that costs one `&` to find out (kept for every piece and both halves of every
/// exercise, so it is 32 bits).
pub fn byte_mask(text: &[u8]) -> u32 {
    text.iter().fold(0, |mask, &b| mask | byte_bit(b))
}

fn byte_bit(b: u8) -> u32 {
    match b {
        b' ' => 0,
        b'a'..=b'z' => 1 << (b - b'a'),
        0x80.. => 1 << 31,
        _ => 1 << (26 + b % 5),
    }
}

/// The bit of a lower-case ASCII letter, which no other byte shares: for these, a mask says for sure
/// whether the letter is there.
pub fn letter_bit(b: u8) -> Option<u32> {
    b.is_ascii_lowercase().then(|| byte_bit(b))
}

/// Which bytes start a word in `text` (as [`is_anchored_subsequence`] reads a word start), in
/// [`byte_mask`]'s bits.
pub fn word_start_mask(text: &[u8]) -> u32 {
    let mut mask = 0;
    let mut in_word = false;
    for &b in text {
        if !in_word {
            mask |= byte_bit(b);
        }
        in_word = b.is_ascii_alphanumeric() || b >= 0x80;
    }
    mask
}

/// True when every byte `needle` needs may be in a haystack with mask `hay`.
pub fn may_contain(hay: u32, needle: u32) -> bool {
    needle & !hay == 0
}

/// Like [`is_subsequence`], with the needle's first byte at the start of a word of `hay`. Used for tags
/// and summary words, where a match from the middle of a word is mostly noise.
///
/// A prefix of a needle that passes also passes, which keeps narrowing a session correct.
pub fn is_anchored_subsequence(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let mut in_word = false;
    for (at, &b) in hay.iter().enumerate() {
        // The earliest word start with the right byte leaves the most room for the rest.
        if b == first && !in_word {
            return is_subsequence(&hay[at + 1..], rest);
        }
        in_word = b.is_ascii_alphanumeric() || b >= 0x80;
    }
    false
}

/// True when `needle` with at most one byte left out is a subsequence of `hay`: the typo test (a wrong,
/// extra or swapped letter all pass once one letter is dropped). Linear in both lengths.
pub fn is_subsequence_but_one(hay: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() {
        return true;
    }
    // ends[k]: bytes of hay used to match needle[..k] as early as possible, up to the first miss. On
    // the stack for the word lengths typos are looked for in; this runs once per exercise.
    let mut on_stack = [0usize; 160];
    let mut on_heap = Vec::new();
    let ends: &mut [usize] = if needle.len() < on_stack.len() {
        &mut on_stack
    } else {
        on_heap.resize(needle.len() + 1, 0);
        &mut on_heap
    };
    let mut matched = 0;
    let mut used = 0;
    for &b in needle {
        match hay[used..].iter().position(|&h| h == b) {
            Some(at) => {
                used += at + 1;
                matched += 1;
                ends[matched] = used;
            }
            None => break,
        }
    }
    if matched == needle.len() {
        return true;
    }
    // Walk from the back: `start` is where needle[k + 1..] begins when matched as late as possible.
    let mut start = hay.len();
    for k in (0..needle.len()).rev() {
        if k <= matched && ends[k] <= start {
            return true;
        }
        match hay[..start].iter().rposition(|&h| h == needle[k]) {
            Some(at) => start = at,
            None => return false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsequence_skips_spaces_in_the_needle() {
        assert!(is_subsequence(b"modified good morning", b"good mornin"));
        assert!(is_subsequence(b"hamstring foam roll", b"hamstrng"));
        assert!(is_subsequence(b"abc", b""));
        assert!(!is_subsequence(b"hamstring", b"hamz"));
        assert!(!is_subsequence(b"ab", b"ba"));
    }

    #[test]
    fn the_long_version_agrees() {
        for (hay, needle) in [
            ("modified good morning", "good mornin"),
            ("hamstring", "hamz"),
            ("ab", "ba"),
            ("髋 hip", "髋p"),
            ("", ""),
        ] {
            assert_eq!(
                is_subsequence_long(hay.as_bytes(), needle.as_bytes()),
                is_subsequence(hay.as_bytes(), needle.as_bytes())
            );
            if is_subsequence(hay.as_bytes(), needle.as_bytes()) {
                let (hay, needle) = (byte_mask(hay.as_bytes()), byte_mask(needle.as_bytes()));
                assert!(may_contain(hay, needle));
            }
        }
    }

    #[test]
    fn a_mask_rules_out_what_is_missing() {
        let hay = byte_mask(b"hamstring bridge 12");
        assert!(may_contain(hay, byte_mask(b"brdg 1")));
        assert!(!may_contain(hay, byte_mask(b"brdgz")));
        assert!(!may_contain(hay, byte_mask(b"3")));
        assert!(!may_contain(byte_mask(b"ab"), byte_mask("é".as_bytes())));
    }

    #[test]
    fn anchored_needs_a_word_start() {
        assert!(is_anchored_subsequence(b"foam-roller", b"rol"));
        assert!(is_anchored_subsequence(b"breathing", b"brth"));
        assert!(!is_anchored_subsequence(b"firm", b"ir"));
        assert!(is_anchored_subsequence(b"firm ir", b"ir"));
        assert!(!is_anchored_subsequence(b"", b"a"));
    }

    #[test]
    fn one_byte_may_be_left_out() {
        assert!(is_subsequence_but_one(b"hamstring", b"hamstring"));
        assert!(is_subsequence_but_one(b"hamstring", b"hamstrong"));
        assert!(is_subsequence_but_one(b"hamstring", b"hmastring"));
        assert!(is_subsequence_but_one(b"hamstring", b"xhamstring"));
        assert!(is_subsequence_but_one(b"hamstring", b"hamstringx"));
        assert!(!is_subsequence_but_one(b"hamstring", b"hxmstrxng"));
        assert!(!is_subsequence_but_one(b"", b"ab"));
        assert!(is_subsequence_but_one(b"", b"a"));
    }

    #[test]
    fn one_left_out_agrees_with_trying_every_deletion() {
        let hays: [&[u8]; 4] = [b"hamstring bridge", b"abcabc", b"", b"good morning"];
        let needles: [&[u8]; 6] = [b"hamsrting", b"cba", b"gdmrn", b"bridgw", b"aa", b"zz"];
        for hay in hays {
            for needle in needles {
                let brute = (0..needle.len()).any(|k| {
                    let mut v = needle.to_vec();
                    v.remove(k);
                    is_subsequence(hay, &v)
                });
                assert_eq!(
                    is_subsequence_but_one(hay, needle),
                    brute || is_subsequence(hay, needle),
                    "{:?} in {:?}",
                    String::from_utf8_lossy(needle),
                    String::from_utf8_lossy(hay)
                );
            }
        }
    }
}
