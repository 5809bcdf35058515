//! The report as a document: each section written once (safety, verdict, stories, reasons, the word
//! against, routine, plan, sources, disclaimer) and put together for the CLI, the Markdown sheet and the
//! app's panes, so they cannot drift apart.

use super::report::Report;
use super::routine::{GENERAL_CAUTIONS, Routine, RoutineChange};
use super::verdict::{self, percent, reason_in_words, story_name};
use crate::content::{Basis, Progression, Store};
use crate::document::Document;
use crate::journal::Event;
use crate::session::progression::current_report;
use crate::text::{Line, Role, Run};

/// The safety status: the care message with every flag, the unanswered gate, or "answered".
pub fn safety(store: &Store, report: &Report) -> Document {
    let mut doc = Document::new();
    if report.has_red_flags() {
        doc.heading(2, "!! See a clinician — no routine");
        if let Some(care) = &report.care {
            doc.paragraph(Line::of(Role::Warn, care.as_str()));
        }
        for flag in &report.red_flags {
            doc.item(
                Run::new(
                    Role::Danger,
                    format!("[{}] ", flag.urgency.as_str().to_uppercase()),
                ),
                Line::of(Role::Strong, flag.label.as_str()),
            );
            doc.note(flag.message.as_str(), 0);
        }
        doc.paragraph(
            "No routine is given while a red flag is present: these signs need someone who can examine you.",
        );
    } else if !report.safety_checked {
        doc.heading(
            2,
            "!! Safety question not answered — no ranking, no routine",
        );
        doc.paragraph(report.care.as_deref().unwrap_or_default());
    } else {
        let (done, all) = (report.answered, report.asked);
        doc.paragraph(format!(
            "Safety question answered: no red flags. Answered {done} of {all} questions; {} of them tell the stories apart.",
            report.evidence_answers
        ));
    }
    let _ = store;
    doc
}

/// The verdict: headline, what it rests on, and the questions that would settle it.
pub fn verdict(store: &Store, report: &Report) -> Document {
    let v = verdict::verdict(store, report);
    let mut doc = Document::new();
    doc.heading(2, v.headline);
    for paragraph in v.body {
        doc.paragraph(paragraph);
    }
    if !v.ask.is_empty() {
        doc.paragraph(Line::of(
            Role::Strong,
            "Questions that would settle it, best first:",
        ));
        for line in v.ask {
            doc.item(Run::new(Role::Accent, "? "), line);
        }
    }
    doc
}

/// Every story's probability, "none of these" included, most likely first.
pub fn stories(report: &Report) -> Document {
    let mut doc = Document::new();
    if report.chains.is_empty() {
        return doc;
    }
    doc.heading(2, "How likely each story is (together 100 %)");
    let mut rows: Vec<(String, f64, Vec<String>)> = report
        .chains
        .iter()
        .map(|c| (c.short.clone(), c.probability, c.close_to.clone()))
        .collect();
    rows.push((
        String::from("None of these stories"),
        report.none_probability,
        Vec::new(),
    ));
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    let table = rows
        .into_iter()
        .map(|(name, p, close)| {
            let bar = "#".repeat((p * 20.0).round() as usize);
            let mut last = Line::of(Role::Accent, bar);
            if !close.is_empty() {
                last.push(Role::Warn, " ≈ near-tie");
            }
            vec![Line::from(name), Line::from(percent(p)), last]
        })
        .collect();
    doc.table(&["story", "probability", ""], table);
    doc
}

/// Why a chain is as likely as it is: each answer, the factor it gave, and the note behind the numbers.
pub fn reasons(store: &Store, report: &Report, chain: &str) -> Document {
    let mut doc = Document::new();
    let Some(score) = report.chain(chain) else {
        return doc;
    };
    doc.heading(2, format!("Why {} ({})", score.title, score.id));
    doc.paragraph(Line::of(
        Role::Muted,
        format!(
            "{} likely; it started at {} before any answer.",
            percent(score.probability),
            percent(score.prior)
        ),
    ));
    if !score.close_to.is_empty() {
        let names: Vec<String> = score
            .close_to
            .iter()
            .map(|id| match report.chain(id) {
                Some(c) => format!("{} ({})", c.short, percent(c.probability)),
                None => format!("none of these ({})", percent(report.none_probability)),
            })
            .collect();
        doc.paragraph(
            Line::of(Role::Warn, "≈ near-tie with ").with(Role::Strong, names.join(", ")),
        );
    }
    if score.reasons.is_empty() {
        doc.paragraph(Line::of(
            Role::Muted,
            "No answer so far tells this story apart.",
        ));
    }
    for r in &score.reasons {
        let (mark, role) = match r.direction() {
            "up" => ("▲ ", Role::Good),
            "down" => ("▼ ", Role::Bad),
            _ => ("· ", Role::Muted),
        };
        doc.item(
            Run::new(role, mark),
            Line::of(Role::Plain, format!("{} → ", r.prompt))
                .with(Role::Strong, r.answer_label.as_str())
                .with(Role::Plain, ": ")
                .with(role, reason_in_words(store, r))
                .with(Role::Plain, "."),
        );
        if let Some(note) = &r.note {
            let basis = r
                .basis
                .map_or(String::new(), |b| format!(" ({})", b.describe()));
            doc.note(Line::of(Role::Muted, format!("{note}{basis}")), 0);
        }
    }
    doc
}

/// The strongest word against the top story, from another article.
pub fn counterpoint(report: &Report) -> Document {
    let mut doc = Document::new();
    if let Some(c) = &report.counterpoint {
        doc.heading(2, "The strongest word against it");
        doc.item(
            Run::new(Role::Warn, "≠ "),
            Line::of(
                Role::Strong,
                format!("{} ({}: {})", c.article_name, c.evidence, c.evidence_gloss),
            )
            .with(Role::Plain, format!(": {}", c.statement)),
        );
    }
    doc
}

/// A chain from cause to symptom, with the steps that are our reconstruction marked.
pub fn chain_steps(store: &Store, chain: &str) -> Document {
    let mut doc = Document::new();
    let Some(chain) = store.chain(chain) else {
        return doc;
    };
    doc.heading(3, "The chain, cause to symptom");
    for (i, step) in chain.steps.iter().enumerate() {
        let mut line = Line::of(Role::Strong, step.label.as_str())
            .with(Role::Plain, format!(" — {}", step.detail));
        if let Some(marker) = step.source.marker() {
            line.push(Role::Warn, &format!(" ({marker})"));
        }
        doc.item(Run::new(Role::Muted, format!("{}. ", i + 1)), line);
    }
    doc
}

/// The routine in its parts, so the app can put a cursor on one exercise: what comes before the
/// exercises (stories, length, plan), each exercise (its line and where it comes from), and what comes
/// after (moving on, disagreements, what to avoid, cautions). [`routine`] is the three put together.
pub struct RoutineParts {
    pub head: Document,
    pub items: Vec<Document>,
    pub tail: Document,
}

impl RoutineParts {
    pub fn into_document(self) -> Document {
        let mut doc = self.head;
        for item in self.items {
            doc.append(item);
        }
        doc.append(self.tail);
        doc
    }
}

/// The person's current routine — as the ratings in `events` (the journal's, oldest first; none for a
/// routine as built) have moved it: its stories and length, the plan, what changed since the last
/// sessions and why, each exercise with its dose and where it comes from, where the sources disagree,
/// what to avoid, and the cautions. Empty without a routine.
pub fn routine(store: &Store, report: &Report, events: &[Event]) -> Document {
    routine_parts(store, report, events).map_or_else(Document::new, RoutineParts::into_document)
}

/// [`routine`] in its parts; `None` without a routine.
pub fn routine_parts(store: &Store, report: &Report, events: &[Event]) -> Option<RoutineParts> {
    let shown = current_report(store, report, events);
    parts_of(store, shown.routine.as_ref()?)
}

/// The parts of a routine already brought up to date (the app keeps its current routine, worked out
/// when the journal changes).
pub fn parts_of(store: &Store, routine: &Routine) -> Option<RoutineParts> {
    let names: Vec<String> = routine
        .chains
        .iter()
        .map(|c| story_name(store, c))
        .collect();
    let mut head = Document::new();
    head.heading(
        2,
        format!(
            "Routine for {} — about {} min",
            names.join(" + "),
            routine.total_seconds.div_ceil(60)
        ),
    );
    if let Some(plan) = &store.plan {
        head.paragraph(
            Line::of(Role::Strong, format!("{}.", capitalised(&plan.describe())))
                .with(Role::Muted, format!(" ({})", plan_basis(plan.basis))),
        );
    }
    if !routine.changes.is_empty() {
        head.append(changes(store, &routine.changes));
        head.heading(3, "Your exercises now");
    }
    if routine.items.is_empty() {
        head.paragraph(Line::of(
            Role::Warn,
            "Every exercise of this routine is left out for now: see a physiotherapist or GP before going on.",
        ));
    }
    let items = (0..routine.items.len())
        .map(|i| routine_item(store, routine, i))
        .collect();
    let mut doc = Document::new();
    if let Some(plan) = &store.plan {
        doc.heading(3, "Moving on");
        doc.bullet(plan.move_on.as_str());
        doc.bullet(Line::of(Role::Warn, plan.see_clinician.as_str()));
    }
    if !routine.conflicts.is_empty() {
        doc.heading(3, "Where the sources disagree");
        for c in &routine.conflicts {
            let sides: Vec<String> = c
                .sides
                .iter()
                .map(|s| format!("{}: {}", s.article_short, s.stances.join(", ")))
                .collect();
            doc.item(
                Run::new(Role::Warn, "≠ "),
                Line::of(
                    Role::Plain,
                    format!("{} — {}", c.question, sides.join("; ")),
                ),
            );
        }
    }
    if !routine.avoid.is_empty() {
        doc.heading(3, "Avoid");
        for a in &routine.avoid {
            doc.item(Run::new(Role::Bad, "✗ "), a.as_str());
        }
    }
    doc.heading(3, "Cautions");
    for c in GENERAL_CAUTIONS {
        doc.item(Run::new(Role::Warn, "! "), c);
    }
    Some(RoutineParts {
        head,
        items,
        tail: doc,
    })
}

/// What the journal's ratings changed since the last sessions, and why: each exercise moved along its
/// ladder or left out, and the rules that did it, with where they come from.
fn changes(store: &Store, changes: &[RoutineChange]) -> Document {
    let mut doc = Document::new();
    doc.heading(3, "What changed since your last sessions, and why");
    for c in changes {
        let line = if c.left_out {
            Line::of(Role::Strong, c.name.as_str())
                .with(Role::Warn, " is left out")
                .with(Role::Plain, format!(": {}.", c.why))
        } else {
            Line::of(Role::Strong, c.name.as_str())
                .with(Role::Plain, format!(": {}: {}.", c.what, c.why))
        };
        let marker = if c.left_out {
            Run::new(Role::Warn, "✗ ")
        } else {
            Run::new(Role::Accent, "» ")
        };
        doc.item(marker, line);
    }
    if let Some(plan) = &store.plan {
        doc.paragraph(Line::of(Role::Muted, rules_source(&plan.progression)));
    }
    doc
}

/// Where the changes come from: the journal's ratings, and the plan's rules with their basis.
fn rules_source(p: &Progression) -> String {
    let source = match p.basis {
        Basis::Suggestion => "our suggestion, not an article's",
        other => other.describe(),
    };
    format!(
        "From the ratings in your journal, by the plan's progression rules ([progression] in plan.toml): {source}."
    )
}

/// One exercise of the routine: number, phase, name (with the rung to do it at) and dose (rests
/// included), the story it serves when it is only there for the second one, and where its idea, steps
/// and dose come from. Empty when there is no such exercise.
fn routine_item(store: &Store, routine: &Routine, index: usize) -> Document {
    let mut doc = Document::new();
    let Some(item) = routine.items.get(index) else {
        return doc;
    };
    let top = routine.chains.first();
    let only_second = routine.chains.len() > 1
        && !item.serves.is_empty()
        && !item.serves.iter().any(|s| Some(s) == top);
    let mut line = Line::of(Role::Accent, format!("{:<10} ", item.phase.as_str()))
        .with(Role::Strong, item.title())
        .with(Role::Plain, format!(" · {}", item.dose));
    if only_second {
        let second = routine
            .chains
            .get(1)
            .map_or_else(String::new, |c| story_name(store, c));
        line.push(Role::Muted, &format!(" (for {second})"));
    }
    doc.item(Run::new(Role::Muted, format!("{:>2}. ", index + 1)), line);
    doc.note(Line::of(Role::Muted, item.provenance.summary.as_str()), 1);
    doc
}

/// Where the plan's numbers come from, in words.
fn plan_basis(basis: crate::content::Basis) -> &'static str {
    match basis {
        crate::content::Basis::Suggestion => "our suggestion; no article gives a schedule",
        other => other.describe(),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Cells the key pose takes on the sheet.
const SHEET_COLS: usize = 32;
const SHEET_ROWS: usize = 9;

/// Each exercise of the current routine (see [`routine`]) in full: the rung to do it at, its figure in
/// the key pose, steps, cues and cautions (for the sheet a person keeps).
pub fn exercise_sheets(store: &Store, report: &Report, events: &[Event]) -> Document {
    let shown = current_report(store, report, events);
    shown
        .routine
        .as_ref()
        .map_or_else(Document::new, |r| sheets_of(store, r))
}

fn sheets_of(store: &Store, routine: &Routine) -> Document {
    let mut doc = Document::new();
    for item in &routine.items {
        doc.heading(3, item.title());
        doc.paragraph(
            Line::of(Role::Strong, item.dose.as_str())
                .with(Role::Muted, format!(" · {}", item.provenance.summary)),
        );
        if let Some(rung) = &item.rung {
            doc.paragraph(
                Line::of(Role::Accent, format!("As {}: ", rung.name))
                    .with(Role::Plain, rung.change.as_str()),
            );
        }
        if let Some(e) = item.shown(store) {
            if let Some(spec) = e.figure.as_ref() {
                let drawing =
                    crate::figure::braille::key_pose_text(&spec.figure(), SHEET_COLS, SHEET_ROWS);
                doc.preformatted(drawing.lines().map(str::to_owned).collect());
            }
            for (n, step) in e.steps.iter().enumerate() {
                doc.item(Run::new(Role::Muted, format!("{}. ", n + 1)), step.as_str());
            }
            for cue in &e.cues {
                doc.bullet(Line::of(Role::Muted, cue.as_str()));
            }
        }
        for c in item.shown_cautions(store) {
            doc.item(Run::new(Role::Warn, "⚠ "), c);
        }
    }
    doc
}

/// The five articles the stories come from, by number and title.
pub fn sources(store: &Store) -> Document {
    let mut doc = Document::new();
    doc.heading(2, "Sources");
    for a in &store.articles {
        doc.item(
            Run::new(Role::Muted, format!("{} ", a.number)),
            Line::of(Role::Strong, a.title.as_str()).with(Role::Muted, format!(" — {}", a.short)),
        );
    }
    doc
}

pub fn disclaimer(store: &Store) -> Document {
    let mut doc = Document::new();
    doc.paragraph(Line::of(
        Role::Muted,
        super::disclaimer(&store.questionnaire),
    ));
    doc
}

/// What `backchain quiz` prints: the safety status and verdict first, then the stories, why the top one,
/// the word against it, the current routine (moved by the ratings in `events`, the journal's) and the
/// disclaimer.
pub fn cli_report(store: &Store, report: &Report, events: &[Event]) -> Document {
    let mut doc = safety(store, report);
    if report.safety_checked && !report.has_red_flags() {
        doc.append(verdict(store, report));
        doc.append(stories(report));
        if let Some(top) = report.chains.first() {
            doc.append(reasons(store, report, &top.id));
        }
        doc.append(counterpoint(report));
        if report.routine.is_some() {
            doc.append(routine(store, report, events));
        } else {
            doc.paragraph(Line::of(
                Role::Muted,
                "No routine yet: backchain gives one only when one story clearly fits.",
            ));
        }
    } else if !report.safety_checked {
        doc.paragraph(
            "Run `backchain quiz` to be asked it, or add `red_flags = [\"none\"]` (or the flags that apply) to your answers file.",
        );
    }
    doc.append(disclaimer(store));
    doc
}

/// The sheet a person prints or keeps (`quiz --format markdown`, the app's export): dated, with the
/// safety status, the verdict, the current routine (moved by the ratings in `events`, the journal's;
/// none without a journal) with what changed and why and a box to tick for each exercise, every exercise
/// in full, and the sources.
pub fn sheet(store: &Store, report: &Report, events: &[Event], date: &str) -> Document {
    let shown = current_report(store, report, events);
    let report = shown.as_ref();
    let mut doc = Document::new();
    doc.heading(1, "backchain — your routine");
    doc.paragraph(Line::of(
        Role::Muted,
        format!("Made on {date} by backchain {}.", env!("CARGO_PKG_VERSION")),
    ));
    doc.append(disclaimer(store));
    doc.append(safety(store, report));
    if report.safety_checked && !report.has_red_flags() {
        doc.append(verdict(store, report));
        doc.append(stories(report));
        if let Some(top) = report.chains.first() {
            doc.append(reasons(store, report, &top.id));
            doc.append(counterpoint(report));
            doc.append(chain_steps(store, &top.id));
        }
        match &report.routine {
            Some(r) => {
                doc.append(
                    parts_of(store, r).map_or_else(Document::new, RoutineParts::into_document),
                );
                doc.heading(3, "Tick as you go");
                let rows = r
                    .items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        vec![
                            Line::from("☐"),
                            Line::from((i + 1).to_string()),
                            Line::from(item.phase.as_str()),
                            Line::from(item.title()),
                            Line::from(item.dose.as_str()),
                        ]
                    })
                    .collect();
                doc.table(&["done", "#", "phase", "exercise", "dose"], rows);
                doc.heading(2, "The exercises");
                doc.append(sheets_of(store, r));
            }
            None => {
                doc.paragraph(
                    "No routine yet: backchain gives one only when one story clearly fits.",
                );
            }
        }
    }
    doc.append(sources(store));
    doc
}
