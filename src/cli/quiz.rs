//! `backchain quiz`: answers in (a TOML file, or asked line by line), chains + reasons + routine out.

use super::output::emit_err;
use super::show::{WIDTH, wrap};
use super::{Exit, QuizFormat, QuizOrder, emit};
use crate::content::{QuestionKind, SourceFile, Store};
use crate::engine::{self, Answers, Report, flow};
use crate::files;
use crate::journal::Event;
use crate::session::progression;
use std::fmt::Write as _;
use std::io::BufRead;
use std::path::Path;

/// Scores the answers and prints the report; the routine in it is the person's current one, as the
/// ratings in the journal at `journal` have moved it.
pub fn run(
    store: &Store,
    answers: Option<&Path>,
    format: QuizFormat,
    order: QuizOrder,
    journal: &Path,
) -> Exit {
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
    // Only a routine has anything to move; without one the journal is not looked at.
    let events = if report.routine.is_some() {
        super::history::journal_events(journal)
    } else {
        Vec::new()
    };
    let text = match format {
        QuizFormat::Json => format!(
            "{:#}\n",
            progression::current_report(store, &report, &events)
                .to_json(&engine::disclaimer(&store.questionnaire))
        ),
        QuizFormat::Markdown => render_markdown(store, &report, &events),
        QuizFormat::Text => render_text(store, &report, &events),
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

/// The report for a plain terminal, with the routine as the journal's `events` have moved it. The safety
/// status and the verdict come first.
pub fn render_text(store: &Store, report: &Report, events: &[Event]) -> String {
    engine::present::cli_report(store, report, events).to_text(WIDTH)
}

/// The sheet to print or keep, dated today, with the routine as the journal's `events` have moved it.
pub fn render_markdown(store: &Store, report: &Report, events: &[Event]) -> String {
    engine::present::sheet(
        store,
        report,
        events,
        &crate::date::Date::today().to_string(),
    )
    .to_markdown()
}
