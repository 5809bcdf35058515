//! Checks of an exercise's `[figure]`: at least one keyframe and not too many, every angle within its
//! joint's range, move and hold times in range, props placed where they can be drawn, labels short and
//! pointing at a known place on the body.

use crate::content::source::{Problem, SourceFile};
use crate::figure::spec::{
    FigureSpec, HOLD_MS, MAX_KEYFRAMES, MAX_LABEL, MAX_LABELS, MOVE_MS, RANGES,
};
use crate::figure::{Anchor, PropKind};
use crate::text::Text;

fn known_places() -> String {
    Anchor::NAMES.join(", ")
}

/// Every problem with `spec`, the figure of exercise `id` read from `file`.
pub fn figure(file: &SourceFile, id: &str, spec: &FigureSpec, problems: &mut Vec<Problem>) {
    let mut at = |span: std::ops::Range<usize>, message: String| {
        problems.push(file.problem(span, format!("exercise {id:?}: {message}")));
    };
    let keyframes = spec.keyframes.get_ref();
    if keyframes.is_empty() {
        at(
            spec.keyframes.span(),
            String::from("[figure] needs at least one [[figure.keyframe]]"),
        );
    }
    if keyframes.len() > MAX_KEYFRAMES {
        at(
            spec.keyframes.span(),
            format!(
                "[figure] has {} keyframes; keep it to {MAX_KEYFRAMES} or fewer",
                keyframes.len()
            ),
        );
    }
    for (n, k) in keyframes.iter().enumerate() {
        for (joint, values, span) in k.angles() {
            let (_, lo, hi) = RANGES
                .iter()
                .find(|r| r.0 == joint)
                .copied()
                .unwrap_or((joint, -180.0, 180.0));
            if let Some(v) = values.iter().find(|v| !(lo..=hi).contains(*v)) {
                at(
                    span,
                    format!(
                        "figure keyframe {}: `{joint}` is {v}°; it must be from {lo}° to {hi}°",
                        n + 1
                    ),
                );
            }
        }
        for (name, value, (lo, hi)) in [
            ("move_ms", &k.move_ms, MOVE_MS),
            ("hold_ms", &k.hold_ms, HOLD_MS),
        ] {
            let v = *value.get_ref();
            if !(lo..=hi).contains(&v) {
                at(
                    value.span(),
                    format!(
                        "figure keyframe {}: `{name}` is {v}; it must be from {lo} to {hi} ms",
                        n + 1
                    ),
                );
            }
        }
    }
    if keyframes.iter().filter(|k| k.key).count() > 1 {
        at(
            spec.keyframes.span(),
            String::from("[figure] marks more than one keyframe `key = true`; mark one"),
        );
    }
    let place = |at: &mut dyn FnMut(std::ops::Range<usize>, String), text: &Text, what: &str| {
        if Anchor::parse(text).is_none() {
            at(
                text.span(),
                format!(
                    "{what} {:?} is no place on the figure; use one of {}",
                    text.as_str(),
                    known_places()
                ),
            );
        }
    };
    if let Some(steady) = &spec.steady {
        place(&mut at, steady, "figure `steady`");
    }
    for prop in &spec.props {
        let kind = *prop.kind.get_ref();
        match (&prop.at, kind.follows_body()) {
            (Some(text), true) => place(&mut at, text, "prop `at`"),
            (None, true) => at(
                prop.kind.span(),
                format!(
                    "figure prop {:?} needs `at`, the place on the body it sits under or in",
                    kind.as_str()
                ),
            ),
            (Some(text), false) => at(
                text.span(),
                format!(
                    "figure prop {:?} takes no `at`; it stands in the room",
                    kind.as_str()
                ),
            ),
            (None, false) => {}
        }
        match (&prop.x, kind == PropKind::Wall) {
            (None, true) => at(
                prop.kind.span(),
                String::from(
                    "figure prop \"wall\" needs `x`, where it stands (figure units from the steady point)",
                ),
            ),
            (Some(x), true) if !(-20.0..=20.0).contains(x.get_ref()) => at(
                x.span(),
                format!(
                    "figure prop \"wall\": `x` is {}; keep it from -20 to 20 figure units",
                    x.get_ref()
                ),
            ),
            (Some(x), false) => at(
                x.span(),
                format!("figure prop {:?} takes no `x`", kind.as_str()),
            ),
            _ => {}
        }
    }
    if spec.labels.len() > MAX_LABELS {
        at(
            spec.labels[MAX_LABELS].text.span(),
            format!(
                "[figure] has {} labels; keep it to {MAX_LABELS} or fewer",
                spec.labels.len()
            ),
        );
    }
    for label in &spec.labels {
        let len = label.text.chars().count();
        if label.text.trim().is_empty() {
            at(
                label.text.span(),
                String::from("figure label `text` is empty"),
            );
        } else if len > MAX_LABEL {
            at(
                label.text.span(),
                format!("figure label `text` is {len} characters; keep it to {MAX_LABEL} or fewer"),
            );
        }
        place(&mut at, &label.at, "label `at`");
    }
}
