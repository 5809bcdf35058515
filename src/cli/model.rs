//! `backchain model`: re-measures the evidence model over every fully and definitely answered file and
//! a seeded sample of partial ones — which story wins how often, how often the top two are nearly tied,
//! and how many files get a routine — so anyone can check a change to the likelihood rows.

use super::{Exit, Format, emit};
use crate::content::Store;
use crate::engine::enumerate::{Rng, Tally, for_each_full, random_partial};
use crate::engine::model::Model;
use crate::engine::{self, Standing};
use serde_json::json;
use std::fmt::Write as _;

pub fn run(store: &Store, partial: usize, seed: u64, format: Format) -> Exit {
    let model = Model::new(store);
    let mut full = Tally::default();
    for_each_full(store, &model, |seen, posterior| {
        full.add(&model, posterior, seen.len());
    });
    // Partial files go through the whole engine, safety gate included.
    let mut sample = Tally::default();
    let mut rng = Rng::new(seed);
    let (mut gated, mut routines_without_safety) = (0usize, 0usize);
    for _ in 0..partial {
        let answers = random_partial(store, &mut rng, 10);
        let report = engine::evaluate(store, &answers);
        if !report.safety_checked {
            gated += 1;
            routines_without_safety += usize::from(report.routine.is_some());
            continue;
        }
        let seen = model.observations(store, &answers);
        sample.add(&model, &model.posterior(&seen), seen.len());
        debug_assert_eq!(report.standing == Standing::Clear, report.routine.is_some());
    }
    match format {
        Format::Json => emit(&format!(
            "{:#}\n",
            json!({
                "hypotheses": model.hypotheses,
                "questions": model.questions.iter().map(|q| q.question.id.as_str()).collect::<Vec<_>>(),
                "prior": model.prior,
                "full": full,
                "partial": {
                    "seed": seed,
                    "files": partial,
                    "safety_unanswered": gated,
                    "routines_without_safety": routines_without_safety,
                    "safety_answered": sample,
                },
            })
        )),
        Format::Text => {
            let mut out = String::new();
            let _ = writeln!(
                out,
                "Model: {} stories and \"none\" over {} questions that tell them apart; prior for \"none\" {:.2}.\n",
                model.hypotheses.len() - 1,
                model.questions.len(),
                model.prior.last().copied().unwrap_or(1.0)
            );
            describe(&mut out, "Every fully and definitely answered file", &full);
            let _ = writeln!(
                out,
                "\nRandom partial files (seed {seed}): {partial}, of which {gated} left the safety question unanswered ({routines_without_safety} of those got a routine)."
            );
            describe(
                &mut out,
                "Partial files with the safety question answered",
                &sample,
            );
            emit(&out)
        }
    }
}

fn describe(out: &mut String, title: &str, t: &Tally) {
    let pct = |n: usize| format!("{:5.1} %", t.share(n) * 100.0);
    let _ = writeln!(out, "{title}: {}", t.files);
    let mut winners: Vec<(&String, &usize)> = t.winners.iter().collect();
    winners.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let _ = writeln!(out, "  comes first:");
    for (id, n) in winners {
        let _ = writeln!(out, "    {id:<20} {}  ({n})", pct(*n));
    }
    let _ = writeln!(
        out,
        "  top two within 0.1:      {}  ({})",
        pct(t.near_ties),
        t.near_ties
    );
    let mut pairs: Vec<(&String, &usize)> = t.tie_pairs.iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (pair, n) in pairs.iter().take(6) {
        let _ = writeln!(out, "    {pair:<38} {}  ({n})", pct(**n));
    }
    let _ = writeln!(
        out,
        "  get a routine:           {}  ({})",
        pct(t.routines),
        t.routines
    );
    let _ = writeln!(
        out,
        "  \"none\" fits:             {}  ({})",
        pct(t.none_fits),
        t.none_fits
    );
    let open = t.files - t.routines - t.none_fits;
    let _ = writeln!(out, "  can't tell yet:          {}  ({open})", pct(open));
    let _ = writeln!(
        out,
        "  top story at 0.9 or more: {}  ({})",
        pct(t.settled),
        t.settled
    );
    let _ = writeln!(out, "  top probability by tenth:");
    for (i, n) in t.top_by_tenth.iter().enumerate() {
        let _ = writeln!(
            out,
            "    {:.1}–{:.1}  {}  ({n})",
            i as f64 / 10.0,
            (i + 1) as f64 / 10.0,
            pct(*n)
        );
    }
}
