//! `backchain quiz`: answers in (a TOML file, or asked line by line), chains + reasons + routine out.

use super::output::emit_err;
use super::show::{bullet, wrap};
use super::{Exit, QuizFormat, emit};
use crate::content::{QuestionKind, SourceFile, Store};
use crate::engine::{self, Answers, Report, flow};
use crate::files;
use std::fmt::Write as _;
use std::io::BufRead;
use std::path::Path;

pub fn run(store: &Store, answers: Option<&Path>, format: QuizFormat) -> Exit {
    let answers = match answers {
        Some(path) => match read_answers(store, path) {
            Ok(answers) => answers,
            Err(exit) => return exit,
        },
        None => match ask(store) {
            Ok(answers) => answers,
            Err(exit) => return exit,
        },
    };
    let report = engine::evaluate(store, &answers);
    let text = match format {
        QuizFormat::Json => format!("{:#}\n", report.to_json()),
        QuizFormat::Markdown => engine::markdown::render(store, &report),
        QuizFormat::Text => render_text(store, &report),
    };
    emit(&text)
}

/// Reads and checks an answers file; problems are printed and give exit 2.
pub fn read_answers(store: &Store, path: &Path) -> Result<Answers, Exit> {
    let shown = crate::text::path(path);
    let bytes = files::read_regular(path, files::MAX_FILE_BYTES).map_err(|e| {
        emit_err(&format!(
            "backchain: cannot read answers file {shown}: {e}\n"
        ));
        Exit::Usage
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let file = SourceFile::named(
            &shown,
            String::from_utf8_lossy(&bytes[..valid]).into_owned(),
        );
        let problem = file.problem(
            valid..valid,
            format!("answers file is not valid UTF-8 (bad byte at offset {valid})"),
        );
        emit_err(&format!("{problem}\n"));
        Exit::Usage
    })?;
    let file = SourceFile::named(&shown, text);
    Answers::parse(&file, &store.questionnaire).map_err(|problems| {
        let mut out = super::output::problem_lines(&problems);
        let _ = writeln!(
            out,
            "backchain: the answers file has {} problem{}; every question and option id is in content/questionnaire.toml, or run `backchain quiz` without --answers to be asked",
            super::output::thousands(problems.len()),
            if problems.len() == 1 { "" } else { "s" }
        );
        emit_err(&out);
        Exit::Usage
    })
}

/// Asks every question on a plain terminal, one at a time. Stops at a red flag.
fn ask(store: &Store) -> Result<Answers, Exit> {
    let q = &store.questionnaire;
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut answers = Answers::new();
    let mut section = String::new();
    eprintln!("{}\n", wrap(crate::DISCLAIMER, "").trim_end());
    eprintln!("Answer with the option number (several numbers separated by commas where allowed).");
    eprintln!("Enter on its own skips a question; q finishes early.\n");
    let mut index = 0;
    while let Some(question) = q.questions.get(index) {
        index += 1;
        if !flow::is_shown(q, question, &answers) {
            continue;
        }
        if question.section != section.as_str() {
            section = question.section.to_string();
            if let Some(s) = q.section(&section) {
                eprintln!("== {} ==\n{}", s.title, wrap(&s.intro, "").trim_end());
            }
        }
        let (done, all) = flow::progress(q, &answers);
        eprintln!("\n[{}/{}] {}", done + 1, all, question.prompt);
        eprint!(
            "{}",
            wrap(&format!("How to check: {}", question.how_to_check), "  ")
        );
        for (n, option) in question.options.iter().enumerate() {
            eprintln!("  {}) {}", n + 1, option.label);
        }
        loop {
            eprint!(
                "{}> ",
                if question.kind == QuestionKind::Multi {
                    "numbers"
                } else {
                    "number"
                }
            );
            let line = match lines.next() {
                Some(Ok(line)) => line,
                // The bytes of a line that is not UTF-8 are consumed with it: ask again.
                Some(Err(e)) if e.kind() == std::io::ErrorKind::InvalidData => {
                    emit_err("\n  That line is not UTF-8 text; please type the option number.\n");
                    continue;
                }
                Some(Err(e)) => {
                    emit_err(&format!("\nbackchain: cannot read the answer: {e}\n"));
                    return Err(Exit::Usage);
                }
                None => {
                    emit_err("\n(input ended: the results use the answers given so far)\n");
                    return Ok(answers);
                }
            };
            let line = line.trim();
            if line.eq_ignore_ascii_case("q") {
                return Ok(answers);
            }
            if line.is_empty() {
                break;
            }
            let picked: Option<Vec<String>> = line
                .split([',', ' '])
                .filter(|p| !p.is_empty())
                .map(|p| {
                    p.parse::<usize>()
                        .ok()
                        .and_then(|n| n.checked_sub(1))
                        .and_then(|n| question.options.get(n))
                        .or_else(|| question.option(p))
                        .map(|o| o.id.to_string())
                })
                .collect();
            match picked {
                Some(ids) if question.kind == QuestionKind::Single && ids.len() == 1 => {
                    answers.set(&question.id, &ids[0]);
                    break;
                }
                Some(ids) if question.kind == QuestionKind::Multi && !ids.is_empty() => {
                    for id in ids {
                        answers.toggle(q, &question.id, &id);
                    }
                    break;
                }
                _ => eprintln!(
                    "  Please type {} from 1 to {}.",
                    if question.kind == QuestionKind::Multi {
                        "numbers"
                    } else {
                        "one number"
                    },
                    question.options.len()
                ),
            }
        }
        if !engine::red_flags::red_flags(q, &answers).is_empty() {
            break;
        }
    }
    Ok(answers)
}

/// The report for a plain terminal.
pub fn render_text(store: &Store, report: &Report) -> String {
    let mut out = String::new();
    if report.has_red_flags() {
        let _ = writeln!(out, "!! SEE A CLINICIAN — NO ROUTINE !!\n");
        if let Some(care) = &report.care {
            out.push_str(&wrap(care, ""));
        }
        for flag in &report.red_flags {
            let _ = writeln!(
                out,
                "\n[{}] {}",
                flag.urgency.as_str().to_uppercase(),
                flag.label
            );
            out.push_str(&wrap(&flag.message, "  "));
        }
        let _ = writeln!(out, "\n{}", wrap(crate::DISCLAIMER, "").trim_end());
        return out;
    }
    let _ = writeln!(
        out,
        "Answered {} of {} questions.\n",
        report.answered, report.asked
    );
    let _ = writeln!(out, "Chains, best fit first:");
    for (rank, c) in report.chains.iter().enumerate() {
        let bar = "#".repeat((c.score / 5.0).round() as usize);
        let tie = if c.close_to.is_empty() {
            String::new()
        } else {
            format!("  ≈ near-tie with {}", c.close_to.join(", "))
        };
        let _ = writeln!(
            out,
            "  {}. {:<24} {:>3.0}  {:<20} {:>3.0}% unknown{}",
            rank + 1,
            c.short,
            c.score,
            bar,
            c.unknown * 100.0,
            tie
        );
    }
    if let Some(best) = report.chains.first() {
        let _ = writeln!(out, "\nWhy {} ({}):", best.title, best.id);
        if best.reasons.is_empty() {
            let _ = writeln!(out, "  No answer so far speaks to this chain.");
        }
        for r in &best.reasons {
            let sign = if r.weight > 0 { "▲" } else { "▼" };
            let _ = writeln!(
                out,
                "  {sign} {:+5.1}  {} → {}",
                r.points, r.prompt, r.answer_label
            );
            if let Some(note) = &r.note {
                out.push_str(&wrap(note, "           "));
            }
        }
    }
    match &report.routine {
        None => {
            let _ = writeln!(
                out,
                "\nNo chain stands out yet, so no routine. Answer more questions."
            );
        }
        Some(routine) => {
            let names: Vec<String> = routine
                .chains
                .iter()
                .map(|c| store.chain(c).map_or(c.clone(), |ch| ch.short.to_string()))
                .collect();
            let _ = writeln!(
                out,
                "\nRoutine for {} — about {} min:",
                names.join(" + "),
                routine.total_seconds.div_ceil(60)
            );
            for (i, item) in routine.items.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  {:>2}. {:<10} {:<34} {}",
                    i + 1,
                    item.phase.as_str(),
                    item.name,
                    item.dose
                );
            }
            if !routine.conflicts.is_empty() {
                let _ = writeln!(out, "\nWhere the sources disagree:");
                for c in &routine.conflicts {
                    let sides: Vec<String> = c
                        .sides
                        .iter()
                        .map(|s| format!("{}: {}", s.article_short, s.stances.join(", ")))
                        .collect();
                    out.push_str(&bullet(
                        &format!("{} — {}", c.question, sides.join("; ")),
                        "  ",
                        "≠ ",
                    ));
                }
            }
            if !routine.avoid.is_empty() {
                let _ = writeln!(out, "\nAvoid:");
                for a in &routine.avoid {
                    out.push_str(&bullet(a, "  ", "- "));
                }
            }
            let _ = writeln!(out, "\nCautions:");
            for c in engine::routine::GENERAL_CAUTIONS {
                out.push_str(&bullet(c, "  ", "- "));
            }
        }
    }
    let _ = writeln!(out, "\n{}", wrap(crate::DISCLAIMER, "").trim_end());
    out
}
