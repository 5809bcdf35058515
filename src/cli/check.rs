//! `backchain check`: validate a store (all its layers together), print its counts, every problem, and
//! each record a later layer replaced.

use super::{Exit, Format, emit, output::emit_err};
use crate::content::{Counts, Layers, LoadProgress, Store};

/// `timings`: how long each phase of the load took, printed to stderr before the report.
pub fn run(origin: &Layers, format: Format, timings: bool) -> Exit {
    let progress = LoadProgress::new();
    let (store, problems) = match Store::load_layers_watched(origin, &progress) {
        Ok(loaded) => loaded,
        Err(e) => {
            emit_err(&format!("backchain: {e}\n"));
            return Exit::Usage;
        }
    };
    if timings {
        emit_err(&timings_line(&progress, &store));
    }
    let counts = store.counts();
    let by_layer = store.counts_by_layer();
    let (shown, more) = crate::content::cap_per_file(&problems);
    let text = match format {
        Format::Json => {
            let layers: Vec<serde_json::Value> = (store.layers.iter().zip(&by_layer))
                .enumerate()
                .map(|(i, (name, counts))| {
                    serde_json::json!({ "layer": i + 1, "content": name, "counts": counts })
                })
                .collect();
            let records: Vec<serde_json::Value> = store
                .records()
                .into_iter()
                .map(|(kind, id, file)| {
                    let path = store.files.get(file).map_or("", |f| f.display());
                    serde_json::json!({
                        "kind": kind, "id": id, "layer": store.layer_of(file) + 1, "path": path,
                    })
                })
                .collect();
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
                "layers": layers,
                "notes": store.notes,
                "records": records,
            });
            format!("{report:#}\n")
        }
        Format::Text => {
            let mut text = super::output::problem_lines(&problems);
            text.push_str(
                &super::output::problem_lines(&store.notes).replace(" more problem", " more note"),
            );
            let mut verdict = match problems.len() {
                0 => String::from("no problems"),
                n => plural(n, "problem"),
            };
            if !store.notes.is_empty() {
                verdict.push_str(&format!(", {}", plural(store.notes.len(), "note")));
            }
            text.push_str(&format!("{origin}: {} — {verdict}\n", tally(&counts)));
            if by_layer.len() > 1 {
                for (name, counts) in store.layers.iter().zip(&by_layer) {
                    text.push_str(&format!("  from {name}: {}\n", tally(counts)));
                }
            }
            text
        }
    };
    if let Some(note) = &store.cache_note {
        emit_err(&format!("backchain: {note}\n"));
    }
    let exit = match emit(&text) {
        Exit::Ok if !problems.is_empty() => Exit::Problems,
        exit => exit,
    };
    // The process ends next: freeing a large store record by record would only delay the exit (0.5 s
    // at 100k exercises).
    std::mem::forget(store);
    exit
}

/// "5 articles, 6 topics, …, 17 questions".
fn tally(counts: &Counts) -> String {
    [
        (counts.articles, "article"),
        (counts.topics, "topic"),
        (counts.claims, "claim"),
        (counts.chains, "chain"),
        (counts.exercises, "exercise"),
        (counts.questions, "question"),
    ]
    .map(|(n, what)| plural(n, what))
    .join(", ")
}

/// `load: reading 412 ms, parsing 301 ms, checking 21 ms; 734 ms in all (100,064 files, 100,000 from
/// the store cache)`
fn timings_line(progress: &LoadProgress, store: &Store) -> String {
    let timings = progress.timings();
    let ms = |d: std::time::Duration| format!("{:.0} ms", d.as_secs_f64() * 1000.0);
    let phases: Vec<String> = (timings.iter())
        .map(|(phase, took)| format!("{} {}", phase.name(), ms(*took)))
        .collect();
    let total = timings.iter().map(|(_, took)| *took).sum();
    let cached = store.files.iter().filter(|f| f.from_cache()).count();
    format!(
        "load: {}; {} in all ({} files, {} from the store cache)\n",
        phases.join(", "),
        ms(total),
        crate::text::thousands(store.files.len()),
        crate::text::thousands(cached),
    )
}

/// "1 claim", "2 claims".
pub fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{} {what}s", super::output::thousands(n))
    }
}
