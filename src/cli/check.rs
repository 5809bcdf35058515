//! `backchain check`: validate a store, print its counts and every problem.

use super::{Exit, Format, emit, output::emit_err};
use crate::content::{Origin, Store};

pub fn run(origin: &Origin, format: Format) -> Exit {
    let (store, problems) = match Store::load(origin) {
        Ok(loaded) => loaded,
        Err(e) => {
            emit_err(&format!("backchain: {e}\n"));
            return Exit::Usage;
        }
    };
    let counts = store.counts();
    let (shown, more) = crate::content::cap_per_file(&problems);
    let text = match format {
        Format::Json => {
            let report = serde_json::json!({
                "content": origin.to_string(),
                "articles": counts.articles,
                "topics": counts.topics,
                "claims": counts.claims,
                "chains": counts.chains,
                "exercises": counts.exercises,
                "questions": counts.questions,
                "ok": problems.is_empty(),
                "problem_count": problems.len(),
                "problems": shown,
                "more_problems": more
                    .iter()
                    .map(|(path, count)| serde_json::json!({ "path": path, "count": count }))
                    .collect::<Vec<_>>(),
            });
            format!("{report:#}\n")
        }
        Format::Text => {
            let mut text = super::output::problem_lines(&problems);
            let tally = [
                (counts.articles, "article"),
                (counts.topics, "topic"),
                (counts.claims, "claim"),
                (counts.chains, "chain"),
                (counts.exercises, "exercise"),
                (counts.questions, "question"),
            ]
            .map(|(n, what)| plural(n, what))
            .join(", ");
            let verdict = match problems.len() {
                0 => String::from("no problems"),
                n => plural(n, "problem"),
            };
            text.push_str(&format!("{origin}: {tally} — {verdict}\n"));
            text
        }
    };
    match emit(&text) {
        Exit::Ok if !problems.is_empty() => Exit::Problems,
        exit => exit,
    }
}

/// "1 claim", "2 claims".
pub fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{} {what}s", super::output::thousands(n))
    }
}
