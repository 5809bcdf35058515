//! `backchain search QUERY`: fuzzy search over exercises, as aligned lines or JSON, or timed keystroke
//! by keystroke with `--timings`.

use super::{Exit, Format, SearchArgs, emit, output::emit_err};
use crate::content::{Exercise, Layers, Store};
use crate::search::{Filters, Hit, MAX_QUERY_CHARS, SearchIndex, SearchSession, reference};
use serde::Serialize;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

pub fn run(layers: &Layers, args: &SearchArgs) -> Exit {
    let length = args.query.chars().count();
    if length > MAX_QUERY_CHARS {
        emit_err(&format!(
            "backchain: the query is {} characters long; searches take at most {MAX_QUERY_CHARS}\n",
            super::output::thousands(length)
        ));
        return Exit::Usage;
    }
    let started = Instant::now();
    let store = match super::load_clean(layers) {
        Ok(store) => store,
        Err(exit) => return exit,
    };
    let index = SearchIndex::new(&store);
    let load = started.elapsed();
    if let Some(chain) = &args.chain
        && store.chain(chain).is_none()
    {
        emit_err(&unknown_chain(&store, chain));
        return Exit::Usage;
    }
    let filters = Filters {
        region: args.region,
        equipment: args.equipment,
        phase: args.phase,
        chain: args.chain.clone(),
    };
    if args.timings {
        let lines = reference::floor_lines(&store);
        let keystrokes = type_slowly(&index, &lines, &args.query, &filters);
        return emit(&match args.format {
            Format::Text => timings_text(load, &keystrokes),
            Format::Json => timings_json(load, &keystrokes),
        });
    }
    let mut hits = index.search(&args.query, &filters);
    let found = hits.len();
    hits.truncate(args.limit);
    let shown = emit(&match args.format {
        Format::Text => text(&store, &hits),
        Format::Json => json(&store, &hits),
    });
    if found == 0 {
        emit_err(&format!(
            "backchain: no exercises match {}\n",
            crate::text::quote(&args.query)
        ));
        if shown == Exit::Ok {
            return Exit::Problems;
        }
    }
    shown
}

fn unknown_chain(store: &Store, chain: &str) -> String {
    let ids: Vec<&str> = store.chains.iter().map(|c| c.id.as_str()).collect();
    format!(
        "backchain: no chain with id {}; chain ids are: {}\n",
        crate::text::quote(chain),
        ids.join(", ")
    )
}

/// "(pattern; none)": the phase and the equipment.
fn detail(exercise: &Exercise) -> String {
    let equipment: Vec<&str> = exercise.equipment.iter().map(|e| e.as_str()).collect();
    // Only an imported exercise may leave its equipment out: its source does not say.
    let equipment = match equipment.join(", ") {
        listed if listed.is_empty() => String::from("equipment not stated"),
        listed => listed,
    };
    format!("({}; {equipment})", exercise.phase.as_str())
}

fn width<'a>(cells: impl Iterator<Item = &'a str>) -> usize {
    cells.map(|c| c.chars().count()).max().unwrap_or(0)
}

/// Pads to `width` chars (`format!`'s width counts chars too, but this keeps the intent visible).
fn pad(cell: &str, width: usize) -> String {
    let mut out = cell.to_owned();
    out.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(cell.chars().count()),
    ));
    out
}

/// One aligned line per hit: `id  name  (phase; equipment)  score`.
fn text(store: &Store, hits: &[Hit]) -> String {
    let rows: Vec<[String; 4]> = (hits.iter())
        .map(|hit| {
            let exercise = &store.exercises[hit.index];
            [
                exercise.id.to_string(),
                exercise.name.to_string(),
                detail(exercise),
                hit.score.to_string(),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..4)
        .map(|col| width(rows.iter().map(|row| row[col].as_str())))
        .collect();
    let mut out = String::new();
    for [id, name, detail, score] in &rows {
        let _ = writeln!(
            out,
            "{}  {}  {}  {score:>w$}",
            pad(id, widths[0]),
            pad(name, widths[1]),
            pad(detail, widths[2]),
            w = widths[3]
        );
    }
    out
}

#[derive(Serialize)]
struct JsonHit<'a> {
    id: &'a str,
    name: &'a str,
    score: i64,
    phase: &'a str,
    equipment: Vec<&'a str>,
    /// "name", "alias", "tag", "summary" or "rung".
    matched: &'a str,
    /// The alias that matched, when one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    alias: Option<&'a str>,
    /// The ladder rung whose name matched, when one did: its name and side ("easier" or "harder").
    #[serde(skip_serializing_if = "Option::is_none")]
    rung: Option<JsonRung<'a>>,
    /// Char indices of the name that matched.
    name_positions: &'a [usize],
}

#[derive(Serialize)]
struct JsonRung<'a> {
    name: &'a str,
    side: &'static str,
}

fn json(store: &Store, hits: &[Hit]) -> String {
    let rows: Vec<JsonHit> = (hits.iter())
        .map(|hit| {
            let exercise = &store.exercises[hit.index];
            let alias = match hit.matched_field {
                crate::search::Field::Alias(i) => exercise.aliases.get(i).map(|a| a.as_str()),
                _ => None,
            };
            let rung = match hit.matched_field {
                crate::search::Field::Rung(i) => (exercise.rung(i)).map(|(side, rung)| JsonRung {
                    name: &rung.name,
                    side: side.as_str(),
                }),
                _ => None,
            };
            JsonHit {
                id: &exercise.id,
                name: &exercise.name,
                score: hit.score,
                phase: exercise.phase.as_str(),
                equipment: exercise.equipment.iter().map(|e| e.as_str()).collect(),
                matched: hit.matched_field.label(),
                alias,
                rung,
                name_positions: &hit.name_positions,
            }
        })
        .collect();
    to_json(&rows)
}

fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).map_or_else(
        |e| format!("{{\"error\": {:?}}}\n", e.to_string()),
        |s| s + "\n",
    )
}

#[derive(Serialize)]
struct Keystroke {
    query: String,
    ms: f64,
    matches: usize,
    /// The plain byte-scan floor for the same text, timed right after (see [`reference::floor_count`]).
    floor_ms: f64,
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Types `query` into a session one char at a time, timing each search.
fn type_slowly(
    index: &SearchIndex,
    lines: &[String],
    query: &str,
    filters: &Filters,
) -> Vec<Keystroke> {
    let mut session = SearchSession::new();
    (query.char_indices())
        .map(|(at, c)| {
            let typed = &query[..at + c.len_utf8()];
            let started = Instant::now();
            session.search(index, typed, filters);
            let matches = session.total();
            let ms = millis(started.elapsed());
            let started = Instant::now();
            std::hint::black_box(reference::floor_count(lines, typed));
            Keystroke {
                query: typed.to_owned(),
                ms,
                matches,
                floor_ms: millis(started.elapsed()),
            }
        })
        .collect()
}

/// The median and 95th percentile of the keystrokes' times (or the floor's), in ms (nearest rank, as
/// the benches count).
fn percentiles(keystrokes: &[Keystroke], time: impl Fn(&Keystroke) -> f64) -> (f64, f64) {
    let mut ms: Vec<f64> = keystrokes.iter().map(time).collect();
    ms.sort_by(f64::total_cmp);
    let at = |q: f64| {
        let last = ms.len().saturating_sub(1);
        ms.get((last as f64 * q).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    (at(0.5), at(0.95))
}

fn timings_text(load: Duration, keystrokes: &[Keystroke]) -> String {
    let quoted: Vec<String> = keystrokes
        .iter()
        .map(|k| format!("{:?}", k.query))
        .collect();
    let times: Vec<String> = keystrokes.iter().map(|k| format!("{:.2}", k.ms)).collect();
    let query_width = width(quoted.iter().map(String::as_str));
    let time_width = width(times.iter().map(String::as_str));
    let mut out = format!("load: {:.2} ms\n", millis(load));
    for ((query, time), keystroke) in quoted.iter().zip(&times).zip(keystrokes) {
        let matches = keystroke.matches;
        let _ = writeln!(
            out,
            "{}  {time:>time_width$} ms  (floor {:.2} ms)  {matches} match{}",
            pad(query, query_width),
            keystroke.floor_ms,
            if matches == 1 { "" } else { "es" }
        );
    }
    let (p50, p95) = percentiles(keystrokes, |k| k.ms);
    let (floor_p50, floor_p95) = percentiles(keystrokes, |k| k.floor_ms);
    let _ = writeln!(
        out,
        "floor (a plain byte scan of one line per exercise, same run): median {floor_p50:.2} ms, p95 \
         {floor_p95:.2} ms; median {:.2}× the floor",
        p50 / floor_p50.max(1e-6)
    );
    let _ = writeln!(out, "per keystroke: median {p50:.2} ms, p95 {p95:.2} ms");
    out
}

fn timings_json(load: Duration, keystrokes: &[Keystroke]) -> String {
    #[derive(Serialize)]
    struct Timings<'a> {
        load_ms: f64,
        p50_ms: f64,
        p95_ms: f64,
        floor_p50_ms: f64,
        floor_p95_ms: f64,
        keystrokes: &'a [Keystroke],
    }
    let (p50_ms, p95_ms) = percentiles(keystrokes, |k| k.ms);
    let (floor_p50_ms, floor_p95_ms) = percentiles(keystrokes, |k| k.floor_ms);
    to_json(&Timings {
        load_ms: millis(load),
        p50_ms,
        p95_ms,
        floor_p50_ms,
        floor_p95_ms,
        keystrokes,
    })
}
