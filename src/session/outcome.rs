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

/// How one exercise of a session went: done (perhaps rated) or skipped (perhaps with why). What the
/// journal writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Done(Option<Rating>),
    Skipped(Option<SkipReason>),
}

/// A pain rating on the usual 0–10 scale (0 no pain, 10 the worst imaginable).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Pain(u8);

impl Pain {
    pub const MAX: u8 = 10;

    pub fn new(value: u8) -> Option<Pain> {
        (value <= Pain::MAX).then_some(Pain(value))
    }

    /// A rating typed as text: a whole number from 0 to 10 (spaces around it are fine); `None` for
    /// anything else.
    pub fn parse(text: &str) -> Option<Pain> {
        text.trim().parse().ok().and_then(Pain::new)
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// A rating in words: "3/10", or "not given" when it was skipped.
    pub fn words(pain: Option<Pain>) -> String {
        pain.map_or(String::from("not given"), |p| format!("{}/10", p.value()))
    }
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
        let value = |text| Pain::parse(text).map(Pain::value);
        assert_eq!(value(" 7 "), Some(7));
        assert_eq!(value("0"), Some(0));
        assert_eq!(value("10"), Some(10));
        for bad in ["11", "-1", "3.5", "", "seven", "300"] {
            assert_eq!(value(bad), None, "{bad}");
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
