//! `backchain quiz`: answers in (a TOML file, or asked line by line), chains + reasons + routine out.

use super::output::emit_err;
use super::show::{bullet, wrap};
use super::{Exit, QuizFormat, QuizOrder, emit};
use crate::content::{QuestionKind, SourceFile, Store};
use crate::engine::{self, Answers, Report, flow};
use crate::files;
use std::fmt::Write as _;
use std::io::BufRead;
use std::path::Path;

pub fn run(store: &Store, answers: Option<&Path>, format: QuizFormat, order: QuizOrder) -> Exit {
    let answers = match answers {
        Some(path) => match read_answers(store, path) {
            Ok(answers) => answers,
            Err(exit) => return exit,
        },
        None => match ask(store, order) {
            Ok(answers) => answers,
            Err(exit) => return exit,
        },
    };
    let report = engine::evaluate(store, &answers);
    let text = match format {
        QuizFormat::Json => format!(
            "{:#}\n",
            report.to_json(&engine::disclaimer(&store.questionnaire))
        ),
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

/// Asks the questions on a plain terminal, one at a time: the safety question first (it cannot be
/// skipped), then, in `Best` order, the question that would tell the stories apart best. Stops at a
/// red flag; says when the rest are optional.
fn ask(store: &Store, order: QuizOrder) -> Result<Answers, Exit> {
    let q = &store.questionnaire;
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut answers = Answers::new();
    let mut skipped: Vec<String> = Vec::new();
    let mut section = String::new();
    let mut said_settled = false;
    eprintln!("{}\n", wrap(&engine::disclaimer(q), "").trim_end());
    eprintln!("Answer with the option number (several numbers separated by commas where allowed).");
    eprintln!("Enter on its own skips a question (not the safety question); q finishes early.\n");
    loop {
        let report = engine::evaluate(store, &answers);
        if report.has_red_flags() {
            break;
        }
        if report.settled && !said_settled {
            said_settled = true;
            if let Some(top) = report.chains.first() {
                eprintln!(
                    "\n{} now holds {}: the remaining questions are optional (q to finish).",
                    top.short,
                    engine::verdict::percent(top.probability)
                );
            }
        }
        let pending = |question: &&crate::content::Question| {
            flow::is_shown(q, question, &answers)
                && !answers.is_answered(&question.id)
                && !skipped.iter().any(|s| s == question.id.as_str())
        };
        let best = report
            .next_questions
            .iter()
            .find(|n| q.question(&n.id).as_ref().is_some_and(pending));
        let question = match order {
            QuizOrder::Best => best
                .and_then(|n| q.question(&n.id))
                .or_else(|| q.questions.iter().find(pending)),
            QuizOrder::File => q.questions.iter().find(pending),
        };
        let Some(question) = question else { break };
        if question.section != section.as_str() {
            section = question.section.to_string();
            if let Some(s) = q.section(&section) {
                eprintln!("\n== {} ==\n{}", s.title, wrap(&s.intro, "").trim_end());
            }
        }
        let (done, all) = flow::progress(q, &answers);
        eprintln!("\n[{}/{}] {}", done + 1, all, question.prompt);
        if let Some(why) = best
            .filter(|n| n.id == question.id.as_str())
            .and_then(|n| engine::verdict::why_ask(store, n))
        {
            eprintln!("  (asked now because {why})");
        }
        eprint!(
            "{}",
            wrap(&format!("How to check: {}", question.how_to_check), "  ")
        );
        for (n, option) in question.options.iter().enumerate() {
            eprintln!("  {}) {}", n + 1, option.label);
        }
        let safety = question.is_red_flag_screen();
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
                if safety {
                    eprintln!(
                        "  This question cannot be skipped: backchain gives no ranking and no routine until it is answered. Type the numbers that apply, or {} for None of these.",
                        question
                            .options
                            .iter()
                            .position(|o| o.exclusive)
                            .map_or_else(|| String::from("the last"), |i| (i + 1).to_string())
                    );
                    continue;
                }
                skipped.push(question.id.to_string());
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
    }
    Ok(answers)
}

/// The report for a plain terminal. The safety status and the verdict come first.
pub fn render_text(store: &Store, report: &Report) -> String {
    let mut out = String::new();
    let disclaimer = engine::disclaimer(&store.questionnaire);
    let verdict = engine::verdict::verdict(store, report);
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
        let _ = writeln!(out, "\n{}", wrap(&disclaimer, "").trim_end());
        return out;
    }
    if !report.safety_checked {
        let _ = writeln!(
            out,
            "!! SAFETY QUESTION NOT ANSWERED — NO RANKING, NO ROUTINE !!\n"
        );
        out.push_str(&wrap(report.care.as_deref().unwrap_or_default(), ""));
        let _ = writeln!(
            out,
            "\nRun `backchain quiz` to be asked it, or add `red_flags = [\"none\"]` (or the flags that apply) to your answers file."
        );
        let _ = writeln!(out, "\n{}", wrap(&disclaimer, "").trim_end());
        return out;
    }
    let _ = writeln!(
        out,
        "Safety question answered: no red flags.\nAnswered {} of {} questions; {} of them tell the stories apart.\n",
        report.answered, report.asked, report.evidence_answers
    );
    let _ = writeln!(out, "{}.", verdict.headline);
    for paragraph in &verdict.body {
        out.push_str(&wrap(paragraph, "  "));
    }
    if !verdict.ask.is_empty() {
        let _ = writeln!(out, "\nQuestions that would settle it, best first:");
        for line in &verdict.ask {
            out.push_str(&bullet(line, "  ", "? "));
        }
    }
    let _ = writeln!(
        out,
        "\nStories, most likely first (probabilities add up to 100 %):"
    );
    let mut rows: Vec<(String, f64, &[String])> = report
        .chains
        .iter()
        .map(|c| (c.short.clone(), c.probability, c.close_to.as_slice()))
        .collect();
    rows.push((
        String::from("None of these stories"),
        report.none_probability,
        &[],
    ));
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (name, p, close) in rows {
        let bar = "#".repeat((p * 20.0).round() as usize);
        let tie = if close.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = close
                .iter()
                .map(|id| engine::verdict::story_name(store, id))
                .collect();
            format!("  ≈ near-tie with {}", names.join(", "))
        };
        let _ = writeln!(
            out,
            "  {:<24} {:>5}  {:<20}{}",
            name,
            engine::verdict::percent(p),
            bar,
            tie
        );
    }
    if let Some(best) = report.chains.first() {
        let _ = writeln!(out, "\nWhy {} ({}):", best.title, best.id);
        if best.reasons.is_empty() {
            let _ = writeln!(out, "  No answer so far speaks to this story.");
        }
        for r in &best.reasons {
            let sign = match r.direction() {
                "up" => "▲",
                "down" => "▼",
                _ => "·",
            };
            out.push_str(&bullet(
                &format!(
                    "{} → {}: {}.",
                    r.prompt,
                    r.answer_label,
                    engine::verdict::reason_in_words(store, r)
                ),
                "  ",
                &format!("{sign} "),
            ));
            if let Some(note) = &r.note {
                let basis = r.basis.map_or("", |b| b.describe());
                out.push_str(&wrap(&format!("{note} ({basis})"), "      "));
            }
        }
    }
    if let Some(c) = &report.counterpoint {
        let _ = writeln!(out, "\nThe strongest word against it:");
        out.push_str(&bullet(
            &format!(
                "{} ({}: {}): {}",
                c.article_name, c.evidence, c.evidence_gloss, c.statement
            ),
            "  ",
            "≠ ",
        ));
    }
    match &report.routine {
        None => {
            let _ = writeln!(
                out,
                "\nNo routine yet: backchain gives one only when one story clearly fits."
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
                out.push_str(&wrap(&item.provenance.summary, "                "));
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
    let _ = writeln!(out, "\n{}", wrap(&disclaimer, "").trim_end());
    out
}
