//! The text of each pane, wrapped to its width. What the report says — safety, verdict, reasons, the
//! word against, routine and plan — comes from `engine::present`, the same document the CLI prints and
//! the export writes; this adds only what belongs to the app: the chain's steps and claims, the ranked
//! rows, and prose naming the keys that work here (from the key table).

use super::{Care, State};
use crate::content::Chain;
use crate::document::Document;
use crate::engine::{present, verdict};
use crate::text::{self, Line, Role};
use crate::tui::action::{Action, Screen};
use crate::tui::keys::{self, Scope};
use crate::tui::screens::Context;

fn key(scope: Scope, action: Action) -> &'static str {
    keys::label_in(scope, action)
}

/// The verdict in a line or two above the stories, so it is never behind a Tab.
pub fn notice(ctx: &Context, width: usize) -> Vec<Line> {
    let report = ctx.report;
    let mut summary = verdict::verdict(ctx.store, report).summary;
    if report.routine.is_none() && !report.next_questions.is_empty() {
        summary.push_str(&format!(
            " Press {} for the most telling question.",
            key(Scope::Global, Action::Goto(Screen::Questionnaire))
        ));
    }
    let role = if report.routine.is_some() {
        Role::Title
    } else {
        Role::Warn
    };
    let mut lines = text::wrap_pieces(&[(role, &summary)], width, 0);
    if lines.len() > 2 {
        let rest: Vec<String> = lines[1..].iter().map(Line::plain).collect();
        lines.truncate(1);
        lines.push(text::truncate_line(&Line::of(role, rest.join(" ")), width));
    }
    lines
}

/// Instead of the results: the safety status from the report, then what to do here and the key for it.
/// The heading keeps its words and takes the colour of the danger.
pub fn care(ctx: &Context, care: Care, width: usize) -> Vec<Line> {
    let safety = present::safety(ctx.store, ctx.report);
    let enter = key(
        Scope::Pane(Screen::Results, care.scope_name()),
        Action::Select,
    );
    let mut lines: Vec<Line> = Vec::new();
    for (n, block) in safety.block_lines(width).into_iter().enumerate() {
        if n == 0 {
            let role = match care {
                Care::RedFlag => Role::Danger,
                Care::SafetyUnanswered => Role::Warn,
            };
            lines.extend(block.iter().map(|l| l.restyled(role)));
        } else {
            lines.extend(block);
        }
    }
    lines.push(Line::new());
    let (before, after) = match care {
        Care::SafetyUnanswered => {
            lines.extend(text::wrap_pieces(
                &[(
                    Role::Plain,
                    "It asks about signs that need a clinician rather than exercises: numbness between the legs, bladder or bowel changes, weakness, fever and others. It takes a minute.",
                )],
                width,
                0,
            ));
            lines.push(Line::new());
            ("Press ", " to answer it now.")
        }
        Care::RedFlag => (
            "Press ",
            " to review the answer that raised it: if you picked a sign by mistake, untick it there.",
        ),
    };
    lines.extend(text::wrap_pieces(
        &[
            (Role::Plain, before),
            (Role::Accent, enter),
            (Role::Plain, after),
        ],
        width,
        0,
    ));
    lines
}

/// The chains pane's title: "none of these", how many questions are answered, and whether any two
/// stories are too close to call.
pub fn chains_title(ctx: &Context) -> String {
    let report = ctx.report;
    let ties = report.chains.iter().any(|c| !c.close_to.is_empty());
    format!(
        "Stories, most likely first · none of these {} · {} of {} answered{}",
        verdict::percent(report.none_probability),
        report.answered,
        report.asked,
        if ties { " · ≈ near-tie" } else { "" }
    )
}

/// One row per story: marker, rank, name, probability, a bar, and a near-tie when there is room.
pub fn chain_rows(ctx: &Context, state: &State, width: usize) -> Vec<Line> {
    let report = ctx.report;
    let name_width = report
        .chains
        .iter()
        .map(|c| text::width(&c.short))
        .max()
        .unwrap_or(0)
        .min(24);
    // "▶ 1. " name " 85% " bar " ≈ "
    let fixed = 5 + name_width + 6 + 3;
    let bar = width.saturating_sub(fixed + 5).min(20);
    let bar = if bar < 5 { 0 } else { bar };
    report
        .chains
        .iter()
        .enumerate()
        .map(|(i, chain)| {
            let name = text::truncate(&chain.short, name_width);
            let pad = " ".repeat(name_width.saturating_sub(text::width(&name)));
            let mut line = Line::of(Role::Plain, if i == state.chain { "▶ " } else { "  " })
                .with(Role::Muted, format!("{}. ", i + 1))
                .with(Role::Plain, format!("{name}{pad}"))
                .with(Role::Strong, format!(" {:>3}% ", chain.percent().round()));
            if bar > 0 {
                let filled = (chain.probability * bar as f64)
                    .round()
                    .clamp(0.0, bar as f64) as usize;
                line.push(Role::Accent, &"█".repeat(filled));
                line.push(Role::Muted, &"░".repeat(bar - filled));
            }
            if !chain.close_to.is_empty() {
                line.push(Role::Warn, " ≈ ");
                let names: Vec<&str> = chain
                    .close_to
                    .iter()
                    .map(|id| report.chain(id).map_or(id.as_str(), |c| c.short.as_str()))
                    .collect();
                let tie = format!(" near-tie with {}", names.join(", "));
                if line.width() + text::width(&tie) <= width {
                    line.push(Role::Warn, &tie);
                }
            }
            text::truncate_line(&line, width)
        })
        .collect()
}

fn step_heading(chain: &Chain, step: usize) -> String {
    let label = chain.steps.get(step).map_or("", |s| s.label.as_str());
    format!("Step {} of {} · {label}", step + 1, chain.steps.len())
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

/// The selected step's text under the boxes, then who the story describes and its way out.
pub fn detail(ctx: &Context, state: &State, width: usize) -> Vec<Line> {
    let Some(chain) = state.selected_chain(ctx) else {
        return text::wrap_pieces(&[(Role::Muted, "No chain to draw.")], width, 0);
    };
    let mut out = Vec::new();
    if let Some(step) = chain.steps.get(state.step) {
        out.extend(text::wrap_pieces(
            &[(Role::Title, &step_heading(chain, state.step))],
            width,
            0,
        ));
        out.extend(text::wrap_pieces(&[(Role::Plain, &step.detail)], width, 0));
        if let Some(marker) = step.source.marker() {
            let note = step.source_note.as_deref().unwrap_or_default();
            out.extend(text::wrap_pieces(
                &[
                    (Role::Warn, "◇ "),
                    (Role::Warn, marker),
                    (Role::Muted, ". "),
                    (Role::Muted, note),
                ],
                width,
                2,
            ));
        }
        let enter = key(Scope::Pane(Screen::Results, "diagram"), Action::Select);
        let hint = format!(
            " opens the {} behind this step",
            plural(step.claims.len(), "claim")
        );
        out.extend(text::wrap_pieces(
            &[(Role::Accent, enter), (Role::Muted, &hint)],
            width,
            0,
        ));
        out.push(Line::new());
    }
    out.extend(text::wrap_pieces(
        &[(Role::Title, "Who this story describes")],
        width,
        0,
    ));
    out.extend(text::wrap_pieces(&[(Role::Plain, &chain.who)], width, 0));
    out.push(Line::new());
    out.extend(text::wrap_pieces(
        &[(Role::Title, "The way out it suggests")],
        width,
        0,
    ));
    out.extend(text::wrap_pieces(
        &[
            (Role::Muted, "First: "),
            (Role::Plain, &chain.way_out.first),
        ],
        width,
        2,
    ));
    out.extend(text::wrap_pieces(
        &[(Role::Muted, "Then: "), (Role::Plain, &chain.way_out.next)],
        width,
        2,
    ));
    out
}

/// The claims behind the selected step, each with its article, evidence, location and note.
pub fn claims(ctx: &Context, state: &State, width: usize) -> Vec<Line> {
    let store = ctx.store;
    let Some(chain) = state.selected_chain(ctx) else {
        return text::wrap_pieces(&[(Role::Muted, "No chain to draw.")], width, 0);
    };
    let Some(step) = chain.steps.get(state.step) else {
        return text::wrap_pieces(&[(Role::Muted, "This chain has no steps.")], width, 0);
    };
    let mut out = text::wrap_pieces(&[(Role::Title, &step_heading(chain, state.step))], width, 0);
    out.extend(text::wrap_pieces(
        &[(Role::Muted, "in "), (Role::Muted, &chain.title)],
        width,
        0,
    ));
    out.extend(text::wrap_pieces(&[(Role::Plain, &step.detail)], width, 0));
    out.push(Line::new());
    let heading = format!("{} behind this step", plural(step.claims.len(), "claim"));
    out.extend(text::wrap_pieces(&[(Role::Title, &heading)], width, 0));
    for id in &step.claims {
        out.push(Line::new());
        let Some(claim) = store.claim(id) else {
            let missing = format!("claim {id} is not in the content store");
            out.extend(text::wrap_pieces(
                &[(Role::Warn, "? "), (Role::Plain, &missing)],
                width,
                2,
            ));
            continue;
        };
        out.extend(text::wrap_pieces(
            &[(Role::Accent, "• "), (Role::Strong, &claim.statement)],
            width,
            2,
        ));
        let article = store.article(&claim.article).map_or_else(
            || claim.article.to_string(),
            |a| format!("{} {} — {}", a.number, a.short, a.title),
        );
        let rows: [(&str, Role, &str); 3] = [
            ("  Article  ", Role::Plain, &article),
            ("  Evidence ", Role::Accent, claim.evidence.as_str()),
            ("  Where    ", Role::Plain, &claim.location),
        ];
        for (label, role, value) in rows {
            out.extend(text::wrap_pieces(
                &[(Role::Muted, label), (role, value)],
                width,
                11,
            ));
        }
        if let Some(note) = &claim.note {
            out.extend(text::wrap_pieces(
                &[(Role::Muted, "  Note     "), (Role::Plain, note)],
                width,
                11,
            ));
        }
    }
    out
}

/// Why the selected story is as likely as it is, and the strongest word against it when it is the
/// story that word is about.
pub fn reasons(ctx: &Context, state: &State, width: usize) -> Vec<Line> {
    let Some(chain) = state.selected(ctx) else {
        return text::wrap_pieces(&[(Role::Muted, "No story to explain.")], width, 0);
    };
    let mut doc = present::reasons(ctx.store, ctx.report, &chain.id);
    if ctx
        .report
        .counterpoint
        .as_ref()
        .is_some_and(|c| c.chain == chain.id)
    {
        doc.append(present::counterpoint(ctx.report));
    }
    doc.to_lines(width)
}

/// The routine pane's lines and, for each exercise, the lines it takes (for the cursor and clicks).
#[derive(Clone, Debug, Default)]
pub struct RoutineText {
    pub lines: Vec<Line>,
    /// Each exercise's first line and number of lines.
    pub exercises: Vec<(usize, usize)>,
}

/// The person's current routine (moved along its ladders by the journal's ratings, with what changed
/// and why) as the CLI and the sheet give it, with the exercise under the cursor marked; without a
/// routine, where the verdict stands and the questions that would settle it.
pub fn routine(ctx: &Context, state: &State, focused: bool, width: usize) -> RoutineText {
    let current = ctx.current.routine.as_ref();
    let Some(parts) = current.and_then(|routine| present::parts_of(ctx.store, routine)) else {
        let mut doc = present::verdict(ctx.store, ctx.report);
        doc.paragraph(Line::of(
            Role::Muted,
            "No routine yet: backchain gives one only when one story clearly fits.",
        ));
        if !ctx.report.next_questions.is_empty() {
            let enter = key(Scope::Pane(Screen::Results, "verdict"), Action::Select);
            doc.paragraph(
                Line::of(Role::Plain, "Press ")
                    .with(Role::Accent, enter)
                    .with(Role::Plain, " to answer the most telling question."),
            );
        }
        return RoutineText {
            lines: doc.to_lines(width),
            exercises: Vec::new(),
        };
    };
    // One document, so the spacing is the CLI's; the block ranges say which lines are which exercise.
    let mut doc = Document::new();
    doc.append(parts.head);
    let mut ranges = Vec::new();
    for item in parts.items {
        let first = doc.blocks.len();
        doc.append(item);
        ranges.push(first..doc.blocks.len());
    }
    doc.append(parts.tail);
    let blocks = doc.block_lines(width);
    let starts: Vec<usize> = blocks
        .iter()
        .scan(0, |line, b| {
            let start = *line;
            *line += b.len();
            Some(start)
        })
        .collect();
    let mut lines: Vec<Line> = blocks.concat();
    let exercises: Vec<(usize, usize)> = ranges
        .iter()
        .map(|r| {
            let start = starts.get(r.start).copied().unwrap_or(0);
            let len = blocks[r.clone()].iter().map(Vec::len).sum();
            (start, len)
        })
        .collect();
    // The exercise's own line is marked: ▶ and reversed when the pane has focus, bold when not.
    if let Some(range) = ranges.get(state.exercise) {
        let start = starts.get(range.start).copied().unwrap_or(0);
        let len = blocks.get(range.start).map_or(0, Vec::len);
        for (n, line) in lines.iter_mut().skip(start).take(len).enumerate() {
            let mut plain = line.plain();
            if n == 0 && plain.starts_with(' ') {
                plain.replace_range(..1, "▶");
            }
            *line = if focused {
                Line::of(Role::Selected, plain)
            } else {
                Line::of(Role::Strong, plain)
            };
        }
    }
    RoutineText { lines, exercises }
}
