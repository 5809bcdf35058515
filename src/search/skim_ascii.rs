//! skim's V2 "simple match" score worked out on ASCII bytes, without allocating: the same numbers and
//! positions fuzzy-matcher 0.3.7 gives with `respect_case().element_limit(1)` (a test holds it to that),
//! without its per-call `Vec<char>` copies, thread-local lookups and index vector.
//!
//! The quirks are skim's and are kept on purpose, so scores do not move: a one-char needle scores only
//! its place bonus; the window found by the backward pass starts at an offset relative to the first
//! match rather than an absolute one; the window's first char is scored as if it followed nothing.

const SCORE_MATCH: i64 = 16;
const GAP_START: i64 = -3;
const GAP_EXTENSION: i64 = -1;
const BONUS_HEAD: i64 = SCORE_MATCH / 2;
const BONUS_BREAK: i64 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i64 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i64 = -(GAP_START + GAP_EXTENSION);

/// The most a needle of `chars` chars can score, in any text: each matched char earns the match score
/// and at most the biggest bonus (a one-char needle earns its place bonus alone); gaps only take away.
pub fn max_score(chars: usize) -> i64 {
    let most_bonus = BONUS_HEAD
        .max(BONUS_BREAK)
        .max(BONUS_CAMEL)
        .max(BONUS_CONSECUTIVE);
    match chars {
        0 => 0,
        1 => most_bonus,
        n => (SCORE_MATCH + most_bonus) * n as i64,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

const fn classify(b: u8) -> CharType {
    match b {
        0 => CharType::Empty,
        b' ' | b'/' | b'\\' | b'|' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => CharType::HardSep,
        b'!'..=b'\'' | b'*'..=b'.' | b':'..=b'@' | b'^'..=b'`' | b'~' => CharType::SoftSep,
        b'0'..=b'9' => CharType::Number,
        b'A'..=b'Z' => CharType::Upper,
        _ => CharType::Lower,
    }
}

/// Every byte's type, looked up rather than worked out in the scoring loop.
static CHAR_TYPES: [CharType; 256] = {
    let mut types = [CharType::Lower; 256];
    let mut b = 0;
    while b < 256 {
        types[b] = classify(b as u8);
        b += 1;
    }
    types
};

/// The bonus for a char of type `cur` after one of type `prev`: a word start, after punctuation, or a
/// camel-case hump.
#[inline]
fn place_bonus(prev: u8, cur: u8) -> i64 {
    match (CHAR_TYPES[prev as usize], CHAR_TYPES[cur as usize]) {
        (CharType::Empty | CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower | CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// skim's score of `needle` in `hay` (both ASCII), or `None` when the needle's bytes do not appear in
/// order. Matched byte indices (which are char indices in ASCII) go to `positions` when given.
pub fn score(hay: &[u8], needle: &[u8], mut positions: Option<&mut Vec<usize>>) -> Option<i64> {
    let Some((&last, _)) = needle.split_last() else {
        return Some(0);
    };
    // The earliest match of each needle byte in turn: where the first and the last land.
    let mut first = None;
    let mut end = 0;
    let mut wanted = needle.iter();
    let mut next = wanted.next();
    for (at, &b) in hay.iter().enumerate() {
        match next {
            Some(&n) if n == b => {
                first.get_or_insert(at);
                end = at;
                next = wanted.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    if next.is_some() {
        return None;
    }
    let first = first?;
    if needle.len() == 1 {
        let prev = if first > 0 { hay[first - 1] } else { 0 };
        if let Some(positions) = positions {
            positions.push(first);
        }
        return Some(place_bonus(prev, hay[first]));
    }
    debug_assert_eq!(hay[end], last);
    // Backwards from the last match for the tightest window ending there; skim keeps the offset of its
    // start within `first..=end` as if it were an index into `hay`.
    let mut start = first;
    let mut wanted = needle.iter().rev().peekable();
    for (offset, &b) in hay[first..=end].iter().enumerate().rev() {
        match wanted.peek() {
            Some(&&n) => {
                if n == b {
                    wanted.next();
                    start = offset;
                }
            }
            None => break,
        }
    }
    let mut score = 0;
    let mut in_gap = false;
    let mut prev_match_bonus = 0;
    let mut prev = 0u8;
    let mut wanted = needle.iter().peekable();
    for (at, &b) in hay[start..=end].iter().enumerate() {
        let Some(&&n) = wanted.peek() else {
            break;
        };
        let bonus = place_bonus(prev, b);
        if n == b {
            if let Some(positions) = positions.as_deref_mut() {
                positions.push(start + at);
            }
            score += SCORE_MATCH;
            let consecutive = prev_match_bonus.max(bonus.max(BONUS_CONSECUTIVE));
            prev_match_bonus = consecutive;
            if !in_gap {
                score += consecutive;
            }
            in_gap = false;
            wanted.next();
        } else {
            if !in_gap {
                score += GAP_START;
            }
            score += GAP_EXTENSION;
            in_gap = true;
            prev_match_bonus = 0;
        }
        prev = b;
    }
    Some(score)
}
