//! The retest form: three boxes (fingertips to floor, left hip, right hip), typed into one at a time;
//! any may stay empty, but not all. Values are checked against each measure's range before anything is
//! written, and kept to a tenth.

use crate::progress::Measure;

/// The most characters a box takes ("-40.5" is five).
const MAX_CHARS: usize = 6;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form {
    /// What is typed in each box, in [`Measure::ALL`] order.
    pub fields: [String; 3],
    /// The box that takes the keys.
    pub focus: usize,
    /// Why the last Enter saved nothing.
    pub error: Option<String>,
}

/// A measure's value in tenths of its unit (12.5 cm is 125): exact, so it can be compared and sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tenths(pub i32);

impl Tenths {
    pub fn value(self) -> f64 {
        f64::from(self.0) / 10.0
    }
}

impl Form {
    pub fn new() -> Form {
        Form::default()
    }

    /// Types a character into the focused box: digits, one `-` at the start, one decimal point (`,` is
    /// taken as one). Anything else is refused (`false`).
    pub fn type_char(&mut self, c: char) -> bool {
        let field = &mut self.fields[self.focus];
        let c = if c == ',' { '.' } else { c };
        let fits = field.chars().count() < MAX_CHARS;
        let ok = fits
            && (c.is_ascii_digit()
                || (c == '-' && field.is_empty())
                || (c == '.' && !field.contains('.')));
        if ok {
            field.push(c);
            self.error = None;
        }
        ok
    }

    /// Deletes the last character of the focused box; `false` when it was empty.
    pub fn backspace(&mut self) -> bool {
        self.fields[self.focus].pop().is_some()
    }

    /// Empties the focused box; `false` when it was empty.
    pub fn clear(&mut self) -> bool {
        let field = &mut self.fields[self.focus];
        let had = !field.is_empty();
        field.clear();
        had
    }

    /// The next (or previous) box, round the three.
    pub fn step(&mut self, forward: bool) {
        let n = self.fields.len();
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    pub fn focused(&self) -> Measure {
        Measure::ALL[self.focus]
    }

    /// The values typed, when every filled box holds a number in its measure's range and at least one
    /// is filled; otherwise what is wrong, naming the box.
    pub fn values(&self) -> Result<Vec<(Measure, Tenths)>, String> {
        let mut out = Vec::new();
        for (measure, text) in Measure::ALL.into_iter().zip(&self.fields) {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let value = text
                .parse::<f64>()
                .map_err(|_| measure.allowed())
                .and_then(|v| measure.check(v))
                .map_err(|why| format!("{}: {why}.", measure.name()))?;
            out.push((measure, Tenths((value * 10.0).round() as i32)));
        }
        if out.is_empty() {
            return Err(String::from(
                "Nothing to save: fill in at least one of the three (or Esc to leave).",
            ));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_take_numbers_and_values_are_checked() {
        let mut form = Form::new();
        assert!(form.values().is_err());
        for c in "-3.5".chars() {
            assert!(form.type_char(c));
        }
        assert!(!form.type_char('-'));
        assert!(!form.type_char('.'));
        assert!(!form.type_char('x'));
        form.step(true);
        for c in "95".chars() {
            form.type_char(c);
        }
        let why = form.values().unwrap_err();
        assert!(why.starts_with("Left hip inward turn: "), "{why}");
        assert!(why.contains("from 0 to 90"), "{why}");
        assert!(form.backspace());
        assert_eq!(
            form.values(),
            Ok(vec![
                (Measure::FingertipFloor, Tenths(-35)),
                (Measure::HipInwardLeft, Tenths(90)),
            ])
        );
        form.step(false);
        form.step(false);
        assert_eq!(form.focused(), Measure::HipInwardRight);
        assert!(!form.clear());
        assert_eq!(Tenths(-35).value(), -3.5);
    }
}
