//! The verdict in words, shared by the CLI, the Markdown sheet and the app so they say the same thing:
//! a headline, what it rests on, and the questions that would settle it.

use super::next::NextQuestion;
use super::report::{MIN_EVIDENCE, NAMED_QUESTIONS, ROUTINE_MIN, Report, SETTLED, Standing};
use crate::content::{NONE, Store};

/// The verdict as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub headline: String,
    /// The verdict in one short sentence, for a status line.
    pub summary: String,
    /// Paragraphs under the headline.
    pub body: Vec<String>,
    /// "“Question?” — tells A from B", best first; empty when nothing is worth asking.
    pub ask: Vec<String>,
}

/// A story's short name: the chain's `short`, or "none of the stories".
pub fn story_name(store: &Store, id: &str) -> String {
    if id == NONE {
        return String::from("none of the stories");
    }
    store
        .chain(id)
        .map_or_else(|| id.to_owned(), |c| c.short.to_string())
}

/// "42 %".
pub fn percent(p: f64) -> String {
    format!("{:.0} %", (p * 100.0).clamp(0.0, 100.0))
}

/// Why a question is asked now: "this tells Brain guarding from Hip rotation".
pub fn why_ask(store: &Store, next: &NextQuestion) -> Option<String> {
    match next.tells_apart.as_slice() {
        [a, b] => Some(format!(
            "this tells {} from {}",
            story_name(store, a),
            story_name(store, b)
        )),
        _ => None,
    }
}

/// The questions to name, best first, with why each is asked.
fn ask_lines(store: &Store, report: &Report) -> Vec<String> {
    report
        .next_questions
        .iter()
        .take(NAMED_QUESTIONS)
        .map(|n| match why_ask(store, n) {
            Some(why) => format!("“{}” — {why}", n.prompt),
            None => format!("“{}”", n.prompt),
        })
        .collect()
}

pub fn verdict(store: &Store, report: &Report) -> Verdict {
    let top = report.chains.first();
    let second = report.chains.get(1);
    let mut body = Vec::new();
    let mut ask = Vec::new();
    let summary = summary(store, report);
    let headline = match report.standing {
        Standing::SafetyUnanswered => {
            body.push(report.care.clone().unwrap_or_default());
            String::from("Answer the safety question first")
        }
        Standing::RedFlag => {
            body.push(report.care.clone().unwrap_or_default());
            String::from("See a clinician — no routine")
        }
        Standing::Open => {
            if report.evidence_answers < MIN_EVIDENCE {
                body.push(format!(
                    "{} of the {MIN_EVIDENCE} answers needed to tell the stories apart {} in. \
                     A single answer, or a few, cannot tell which story is yours.",
                    report.evidence_answers,
                    if report.evidence_answers == 1 {
                        "is"
                    } else {
                        "are"
                    }
                ));
            } else if let Some(top) = top {
                let leader = if report.none_probability > top.probability {
                    format!(
                        "“none of the stories” leads at {}",
                        percent(report.none_probability)
                    )
                } else {
                    format!("{} leads at {}", top.short, percent(top.probability))
                };
                body.push(format!(
                    "No story holds {} of the probability yet: {leader}.",
                    percent(ROUTINE_MIN)
                ));
            }
            if let (Some(top), tied) = (top, report.near_tie())
                && !tied.is_empty()
            {
                let others: Vec<String> = tied.iter().map(|id| story_name(store, id)).collect();
                body.push(format!(
                    "{} is nearly tied with {} — your answers fit both about equally.",
                    top.short,
                    others.join(" and ")
                ));
            }
            ask = ask_lines(store, report);
            if ask.is_empty() {
                body.push(String::from(
                    "Every question is answered, and the answers still do not single out one story. \
                     Answers of “not sure” carry no evidence; checking one of them again may help, or \
                     a physiotherapist can look at your back in person.",
                ));
            }
            String::from("We can't tell yet")
        }
        Standing::NoneFits => {
            body.push(format!(
                "Your answers fit none of the {} stories well: “none of these” holds {}. The routines \
                 here are built on the articles' stories, so backchain gives none; a physiotherapist can \
                 look at your back in person.",
                count_in_words(store.chains.len()),
                percent(report.none_probability)
            ));
            ask = ask_lines(store, report);
            String::from("None of the stories fits you well")
        }
        Standing::Clear => {
            let Some(top) = top else {
                return Verdict {
                    headline: String::from("No story to show"),
                    summary,
                    body,
                    ask,
                };
            };
            if let Some(second) = second.filter(|s| s.probability >= super::report::SECOND_MIN) {
                body.push(format!(
                    "{} is strong too ({}), so its exercises join the routine.",
                    second.short,
                    percent(second.probability)
                ));
            }
            if top.probability >= SETTLED {
                body.push(String::from(
                    "This is settled enough that the remaining questions are optional.",
                ));
            } else {
                ask = ask_lines(store, report);
            }
            format!(
                "{} fits you best: {} likely",
                top.title,
                percent(top.probability)
            )
        }
    };
    Verdict {
        headline,
        summary,
        body,
        ask,
    }
}

fn summary(store: &Store, report: &Report) -> String {
    let top = report.chains.first();
    match (report.standing, top) {
        (Standing::SafetyUnanswered, _) => String::from("Answer the safety question first."),
        (Standing::RedFlag, _) => String::from("See a clinician — no routine."),
        (Standing::Open, _) if report.evidence_answers < MIN_EVIDENCE => format!(
            "We can't tell yet: {} of the {MIN_EVIDENCE} telling answers needed {} in.",
            report.evidence_answers,
            if report.evidence_answers == 1 {
                "is"
            } else {
                "are"
            }
        ),
        (Standing::Open, Some(top)) if !report.near_tie().is_empty() => {
            let others: Vec<String> = report
                .near_tie()
                .iter()
                .map(|id| story_name(store, id))
                .collect();
            format!(
                "We can't tell yet: {} and {} are nearly tied.",
                top.short,
                others.join(" and ")
            )
        }
        (Standing::Open, Some(top)) if report.none_probability > top.probability => format!(
            "We can't tell yet: no story holds {}; “none of these” leads at {}.",
            percent(ROUTINE_MIN),
            percent(report.none_probability)
        ),
        (Standing::Open, Some(top)) => format!(
            "We can't tell yet: no story holds {}; {} leads at {}.",
            percent(ROUTINE_MIN),
            top.short,
            percent(top.probability)
        ),
        (Standing::Open, None) => String::from("We can't tell yet."),
        (Standing::NoneFits, _) => format!(
            "None of the stories fits you well (“none of these”: {}).",
            percent(report.none_probability)
        ),
        (Standing::Clear, Some(top)) => {
            format!(
                "{} fits you best: {} likely.",
                top.short,
                percent(top.probability)
            )
        }
        (Standing::Clear, None) => String::from("No story to show."),
    }
}

/// "six" for 6; digits past twelve.
fn count_in_words(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// A reason's factor in words, with the story it weighed against (or for): "about 3× more likely if
/// this is your story; it goes against Hip rotation".
pub fn reason_in_words(store: &Store, reason: &super::score::Reason) -> String {
    let words = reason.in_words();
    match (reason.direction(), reason.versus.as_deref()) {
        ("up", Some(NONE)) => format!("{words} than for someone no story describes"),
        ("down", Some(NONE)) => format!("{words}; it is commoner in people no story describes"),
        ("up", Some(other)) => format!("{words}; it goes against {}", story_name(store, other)),
        ("down", Some(other)) => format!("{words}; it fits {} better", story_name(store, other)),
        _ => words,
    }
}
