//! A routine sheet in Markdown that a person can print or keep.

use super::report::Report;
use super::routine::GENERAL_CAUTIONS;
use crate::content::Store;
use std::fmt::Write as _;

/// Escapes the characters that would turn content text into Markdown markup.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn render(store: &Store, report: &Report) -> String {
    let mut out = String::from("# backchain — your routine\n\n");
    let _ = writeln!(out, "> {}\n", md(&super::disclaimer(&store.questionnaire)));
    if report.has_red_flags() {
        let _ = writeln!(out, "## Please see a clinician first\n");
        if let Some(care) = &report.care {
            let _ = writeln!(out, "**{}**\n", md(care));
        }
        for flag in &report.red_flags {
            let _ = writeln!(
                out,
                "- **{}** ({}): {}",
                md(&flag.label),
                flag.urgency.as_str(),
                md(&flag.message)
            );
        }
        out.push_str("\nNo routine is given while a red flag is present.\n");
        return out;
    }
    if !report.safety_checked {
        let _ = writeln!(out, "## The safety question is not answered\n");
        let _ = writeln!(
            out,
            "**{}**\n",
            md(report.care.as_deref().unwrap_or_default())
        );
        out.push_str("No ranking and no routine are given until it is answered.\n");
        return out;
    }
    let verdict = super::verdict::verdict(store, report);
    let _ = writeln!(
        out,
        "Safety question answered: no red flags. Answered {} of {} questions; {} tell the stories apart.\n",
        report.answered, report.asked, report.evidence_answers
    );
    let _ = writeln!(out, "## {}\n", md(&verdict.headline));
    for paragraph in &verdict.body {
        let _ = writeln!(out, "{}\n", md(paragraph));
    }
    if !verdict.ask.is_empty() {
        out.push_str("Questions that would settle it, best first:\n\n");
        for line in &verdict.ask {
            let _ = writeln!(out, "- {}", md(line));
        }
        out.push('\n');
    }
    out.push_str("## How likely each story is\n\n| story | probability |\n|---|---:|\n");
    let mut rows: Vec<(String, f64)> = report
        .chains
        .iter()
        .map(|c| (md(&c.title), c.probability))
        .collect();
    rows.push((
        String::from("None of these stories"),
        report.none_probability,
    ));
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (title, p) in rows {
        let _ = writeln!(out, "| {title} | {} |", super::verdict::percent(p));
    }
    if let Some(best) = report.chains.first() {
        let _ = writeln!(out, "\n### Why {}\n", md(&best.title));
        for r in &best.reasons {
            let _ = writeln!(
                out,
                "- {} → *{}*: {}{}",
                md(&r.prompt),
                md(&r.answer_label),
                md(&super::verdict::reason_in_words(store, r)),
                r.note
                    .as_deref()
                    .map(|n| format!(". {} ({})", md(n), r.basis.map_or("", |b| b.describe())))
                    .unwrap_or_default()
            );
        }
        if let Some(c) = &report.counterpoint {
            let _ = writeln!(
                out,
                "\n**The strongest word against it** — {} ({}: {}): {}",
                md(&c.article_name),
                md(&c.evidence),
                md(&c.evidence_gloss),
                md(&c.statement)
            );
        }
        if let Some(chain) = store.chain(&best.id) {
            out.push_str("\nThe chain, cause to symptom:\n\n");
            for (i, step) in chain.steps.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "{}. **{}** — {}{}",
                    i + 1,
                    md(&step.label),
                    md(&step.detail),
                    step.source
                        .marker()
                        .map(|m| format!(" *({m})*"))
                        .unwrap_or_default()
                );
            }
        }
    }
    let Some(routine) = &report.routine else {
        out.push_str("\nNo routine yet: backchain gives one only when one story clearly fits.\n");
        return out;
    };
    let _ = writeln!(
        out,
        "\n## Routine (about {} min)\n\nFor: {}\n",
        routine.total_seconds.div_ceil(60),
        routine
            .chains
            .iter()
            .map(|c| store.chain(c).map_or(c.clone(), |ch| md(&ch.title)))
            .collect::<Vec<_>>()
            .join(" + ")
    );
    out.push_str("| done | # | phase | exercise | dose |\n|---|---:|---|---|---|\n");
    for (i, item) in routine.items.iter().enumerate() {
        let _ = writeln!(
            out,
            "| [ ] | {} | {} | {} | {} |",
            i + 1,
            item.phase.as_str(),
            md(&item.name),
            md(&item.dose)
        );
    }
    for item in &routine.items {
        let _ = writeln!(out, "\n### {}\n", md(&item.name));
        let _ = writeln!(out, "*{}*\n", md(&item.provenance.summary));
        if let Some(e) = store.exercise(&item.exercise) {
            for (n, step) in e.steps.iter().enumerate() {
                let _ = writeln!(out, "{}. {}", n + 1, md(step));
            }
        }
        for c in &item.cautions {
            let _ = writeln!(out, "- ⚠ {}", md(c));
        }
    }
    if !routine.conflicts.is_empty() {
        out.push_str("\n## Where the sources disagree\n\n");
        for c in &routine.conflicts {
            let sides: Vec<String> = c
                .sides
                .iter()
                .map(|s| format!("{}: {}", md(&s.article_short), md(&s.stances.join(", "))))
                .collect();
            let _ = writeln!(out, "- **{}** — {}", md(&c.question), sides.join("; "));
        }
    }
    if !routine.avoid.is_empty() {
        out.push_str("\n## Avoid\n\n");
        for a in &routine.avoid {
            let _ = writeln!(out, "- {}", md(a));
        }
    }
    out.push_str("\n## Cautions\n\n");
    for c in GENERAL_CAUTIONS {
        let _ = writeln!(out, "- {c}");
    }
    out
}
