//! File names for imported exercises: backchain ids (lowercase letters, digits and `-`, at most 64).

/// Longest record id `check` accepts.
const MAX_ID: usize = 64;

/// `3_4_Sit-Up` → `3-4-sit-up`; letters are lowercased, every other run of characters becomes one `-`;
/// `exercise` when nothing is left.
pub fn slug(from: &str) -> String {
    cut(&joined(from, '-'), MAX_ID)
}

/// The ASCII letters and digits of `from`, lowercased, each other run of characters one `joiner`.
fn joined(from: &str, joiner: char) -> String {
    let mut out = String::new();
    for c in from.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with(joiner) {
            out.push(joiner);
        }
    }
    out.trim_end_matches(joiner).to_owned()
}

/// A source's field name as an `[import]` key: `primaryMuscles` → `primary_muscles`, `video-url` →
/// `video_url`; `field` when nothing is left.
pub fn key(from: &str) -> String {
    let mut spaced = String::new();
    let mut before: Option<char> = None;
    for c in from.chars() {
        if c.is_ascii_uppercase()
            && before.is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            spaced.push(' ');
        }
        spaced.push(c);
        before = Some(c);
    }
    match joined(&spaced, '_') {
        key if key.is_empty() => String::from("field"),
        // ASCII only, so bytes are characters.
        key => key[..key.len().min(MAX_ID)]
            .trim_end_matches('_')
            .to_owned(),
    }
}

/// `base` with `-n` after it, still within the longest id.
pub fn numbered(base: &str, n: usize) -> String {
    let suffix = format!("-{n}");
    format!("{}{suffix}", cut(base, MAX_ID - suffix.len()))
}

fn cut(id: &str, max: usize) -> String {
    // ASCII only, so bytes are characters.
    let id = id[..id.len().min(max)].trim_end_matches('-');
    if id.is_empty() {
        String::from("exercise")
    } else {
        id.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_record_ids() {
        assert_eq!(slug("3_4_Sit-Up"), "3-4-sit-up");
        assert_eq!(slug("90_90_Hamstring"), "90-90-hamstring");
        assert_eq!(slug("  Barbell Squat (Olympic)  "), "barbell-squat-olympic");
        assert_eq!(slug("Ünïcode__only"), "n-code-only");
        assert_eq!(slug("???"), "exercise");
        let long = slug(&"ab-".repeat(40));
        assert!(long.len() <= 64 && !long.ends_with('-'), "{long}");
        assert_eq!(key("primaryMuscles"), "primary_muscles");
        assert_eq!(key("video-URL"), "video_url");
        assert_eq!(key("€"), "field");
        let n = numbered(&"x".repeat(64), 12);
        assert_eq!(n.len(), 64);
        assert!(n.ends_with("x-12"));
    }
}
