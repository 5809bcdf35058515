//! What a session leaves behind: how each exercise went, and the pain before and after. The ids
//! (`too_easy`, `no_equipment`, …) are the ones the journal stores and exports: a contract.

use serde::Serialize;

/// After an exercise: one key to say how it went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    TooEasy,
    AboutRight,
    TooHard,
    Hurt,
}

impl Rating {
    pub const ALL: [Rating; 4] = [
        Rating::TooEasy,
        Rating::AboutRight,
        Rating::TooHard,
        Rating::Hurt,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rating::TooEasy => "too_easy",
            Rating::AboutRight => "about_right",
            Rating::TooHard => "too_hard",
            Rating::Hurt => "hurt",
        }
    }

    /// The rating an id names (as stored in the journal).
    pub fn parse(id: &str) -> Option<Rating> {
        Rating::ALL.into_iter().find(|r| r.as_str() == id)
    }

    pub fn words(self) -> &'static str {
        match self {
            Rating::TooEasy => "too easy",
            Rating::AboutRight => "about right",
            Rating::TooHard => "too hard",
            Rating::Hurt => "it hurt",
        }
    }
}

/// Why an exercise was skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    Pain,
    TooHard,
    NoEquipment,
    Other,
}

impl SkipReason {
    pub const ALL: [SkipReason; 4] = [
        SkipReason::Pain,
        SkipReason::TooHard,
        SkipReason::NoEquipment,
        SkipReason::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Pain => "pain",
            SkipReason::TooHard => "too_hard",
            SkipReason::NoEquipment => "no_equipment",
            SkipReason::Other => "other",
        }
    }

    /// The reason an id names (as stored in the journal).
    pub fn parse(id: &str) -> Option<SkipReason> {
        SkipReason::ALL.into_iter().find(|r| r.as_str() == id)
    }

    pub fn words(self) -> &'static str {
        match self {
            SkipReason::Pain => "pain",
            SkipReason::TooHard => "too hard",
            SkipReason::NoEquipment => "no equipment",
            SkipReason::Other => "another reason",
        }
    }
}

/// How one exercise of the routine went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Not reached (the session was left before it).
    NotReached,
    /// Done to the end, with the rating given (if any).
    Done(Option<Rating>),
    Skipped(Option<SkipReason>),
}

/// A pain rating: a whole number from 0 (none) to 10 (the worst imaginable), or `None` when the text is
/// anything else.
pub fn parse_pain(text: &str) -> Option<u8> {
    let n: u8 = text.trim().parse().ok()?;
    (n <= 10).then_some(n)
}

/// A choice typed as its number (1-based) among `count`.
pub fn parse_choice(text: &str, count: usize) -> Option<usize> {
    let n: usize = text.trim().parse().ok()?;
    (1..=count).contains(&n).then(|| n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pain_is_a_whole_number_from_nought_to_ten() {
        assert_eq!(parse_pain(" 7 "), Some(7));
        assert_eq!(parse_pain("0"), Some(0));
        assert_eq!(parse_pain("10"), Some(10));
        for bad in ["11", "-1", "3.5", "", "seven", "300"] {
            assert_eq!(parse_pain(bad), None, "{bad}");
        }
    }

    #[test]
    fn choices_are_numbered_from_one() {
        assert_eq!(parse_choice("1", 4), Some(0));
        assert_eq!(parse_choice("4", 4), Some(3));
        assert_eq!(parse_choice("0", 4), None);
        assert_eq!(parse_choice("5", 4), None);
    }
}
