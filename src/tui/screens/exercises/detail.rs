//! What the detail pane says about an exercise, wrapped to the pane: what it is and its dose, the
//! figure (when it goes in the text), the steps, cues and cautions, the ladder and what to make easy first, and where each part
//! comes from.

use crate::content::{Equipment, Exercise, Rung, Side, Store};
use crate::text::{self, Line, Role, Run};

/// Where the exercise's figure goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture<'a> {
    /// Nowhere (tests of the text alone).
    None,
    /// In the text, right after the dose, where it is seen without scrolling: braille lines.
    Inline(&'a [String]),
    /// Beside the text (wide screens), on a canvas: not in the text.
    Beside,
    /// The pane is too narrow to draw it: the text says so.
    TooWide,
}

/// "about 5 min" for a dose's rough time.
pub fn about(seconds: u32) -> String {
    if seconds < 60 {
        format!("about {seconds} s")
    } else {
        format!("about {} min", (seconds + 30) / 60)
    }
}

/// Everything the detail pane says about `exercise`, wrapped to `width` columns.
pub fn lines(store: &Store, exercise: &Exercise, picture: Picture, width: usize) -> Vec<Line> {
    lines_and_figure(store, exercise, picture, width).0
}

/// [`lines`], and which of them are the figure when it is in the text.
pub fn lines_and_figure(
    store: &Store,
    exercise: &Exercise,
    picture: Picture,
    width: usize,
) -> (Vec<Line>, Option<std::ops::Range<usize>>) {
    let mut figure_rows = None;
    let mut out = Text {
        lines: Vec::new(),
        width: width.max(1),
    };
    out.para(&[(Role::Title, &exercise.name)], 0);
    if !exercise.summary.is_empty() {
        out.para(&[(Role::Plain, &exercise.summary)], 0);
    }
    let equipment = if exercise.equipment.is_empty() {
        // Only an imported exercise may leave it out: its source does not say.
        String::from("equipment not stated")
    } else if exercise.equipment == [Equipment::None] {
        String::from("no equipment")
    } else {
        (exercise.equipment.iter())
            .filter(|e| **e != Equipment::None)
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let facts = [
        Some(exercise.phase.as_str()),
        exercise.position.map(|p| p.as_str()),
        exercise.level.map(|l| l.as_str()),
        Some(equipment.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    out.para(&[(Role::Muted, &facts)], 0);
    let dose = match &exercise.dosage {
        Some(dosage) => format!("{} ({})", dosage.describe(), about(dosage.seconds_total())),
        None => String::from("none given: this exercise is in no routine"),
    };
    out.labelled("Dose:", &dose);
    match picture {
        Picture::Inline(art) => {
            out.blank();
            let start = out.lines.len();
            for line in art {
                // Drawn as it is: wrapping would break the drawing.
                out.lines
                    .push(text::truncate_line(&Line::of(Role::Plain, line), out.width));
            }
            figure_rows = Some(start..out.lines.len());
        }
        Picture::TooWide => {
            out.para(
                &[(
                    Role::Muted,
                    "(A wider window shows this exercise's moving figure.)",
                )],
                0,
            );
        }
        Picture::None | Picture::Beside => {}
    }
    out.section("Steps", Role::Plain, &exercise.steps, |i| {
        format!("{}. ", i + 1)
    });
    out.section("Cues", Role::Plain, &exercise.cues, |_| String::from("• "));
    out.section("Cautions", Role::Warn, &exercise.cautions, |_| {
        String::from("⚠ ")
    });
    if let Some(ladder) = &exercise.ladder {
        out.blank();
        out.para(&[(Role::Heading, "Easier and harder")], 0);
        let rung = |out: &mut Text, mark: &str, r: &Rung| {
            out.para(
                &[
                    (Role::Muted, &format!("{mark} ")),
                    (Role::Plain, &format!("{}: ", r.name)),
                    (Role::Muted, &r.change),
                ],
                2,
            );
        };
        for r in ladder.easier.iter().rev() {
            rung(&mut out, Side::Easier.mark(), r);
        }
        for r in &ladder.harder {
            rung(&mut out, Side::Harder.mark(), r);
        }
        out.labelled("Move up:", &ladder.move_up);
        out.labelled("Move down:", &ladder.move_down);
    }
    if !exercise.requires.is_empty() {
        let names: Vec<&str> = (exercise.requires.iter())
            .map(|id| store.exercise(id).map_or(id.as_str(), |e| e.name.as_str()))
            .collect();
        out.labelled("First make easy:", &names.join(", "));
    }
    out.blank();
    if !exercise.chains.is_empty() {
        let chains: Vec<&str> = (exercise.chains.iter())
            .map(|id| store.chain(id).map_or(id.as_str(), |c| c.short.as_str()))
            .collect();
        out.labelled("Serves:", &chains.join(", "));
    }
    out.labelled("From:", &store.provenance_line(exercise));
    if let Some(note) = exercise.provenance.as_ref().and_then(|p| p.note.as_ref()) {
        out.para(&[(Role::Muted, note)], 0);
    }
    if !exercise.aliases.is_empty() {
        let aliases: Vec<&str> = exercise.aliases.iter().map(|a| a.as_str()).collect();
        out.labelled("Also called:", &aliases.join(", "));
    }
    if !exercise.muscles.is_empty() {
        let muscles: Vec<&str> = exercise.muscles.iter().map(|m| m.as_str()).collect();
        out.labelled("Muscles:", &muscles.join(", "));
    }
    (out.lines, figure_rows)
}

/// Wrapped lines being built.
struct Text {
    lines: Vec<Line>,
    width: usize,
}

impl Text {
    /// A paragraph wrapped to the width, continuation lines indented by `hang`.
    fn para(&mut self, pieces: &[(Role, &str)], hang: usize) {
        let runs: Vec<Run> = pieces.iter().map(|(r, t)| Run::new(*r, *t)).collect();
        self.lines
            .extend(text::wrap_styled(&runs, self.width, hang));
    }

    fn blank(&mut self) {
        self.lines.push(Line::new());
    }

    /// "Dose: 3 × 10 reps": a dim label, then the text.
    fn labelled(&mut self, label: &str, value: &str) {
        self.para(
            &[(Role::Muted, &format!("{label} ")), (Role::Plain, value)],
            0,
        );
    }

    /// A heading and its items, each marked ("1. ", "• ") and wrapped under its own text.
    fn section(
        &mut self,
        title: &str,
        role: Role,
        items: &[text::Text],
        mark: impl Fn(usize) -> String,
    ) {
        if items.is_empty() {
            return;
        }
        self.blank();
        self.para(&[(Role::Heading, title)], 0);
        for (i, item) in items.iter().enumerate() {
            let mark = mark(i);
            let hang = text::width(&mark);
            self.para(&[(Role::Muted, &mark), (role, item)], hang);
        }
    }
}
