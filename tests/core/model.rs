//! The evidence model held to the articles' logic over every fully and definitely answered file and a
//! seeded sample of partial ones: no story comes first against its own premise, probabilities sum to 1,
//! near-ties stay rare, and nothing gets past the safety gate.

use backchain::content::{SourceFile, Store, embedded, synthetic};
use backchain::engine::enumerate::{Rng, Tally, for_each_full, random_partial, to_answers};
use backchain::engine::model::Model;
use backchain::engine::{self, Answers, Standing};
use std::sync::OnceLock;

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(embedded)
}

/// The premises the articles' stories stand on: the chain that may never come first, and the answer
/// that rules it out.
const NEVER_FIRST: &[(&str, &str, &str)] = &[
    ("rib-stiffness", "breathing", "chest"),
    ("rib-stiffness", "rib_expand", "widen"),
    ("rib-stiffness", "low_back_shape", "flat"),
    ("sleepy-hamstrings", "low_back_shape", "flat"),
    ("tight-hamstrings", "low_back_shape", "arched"),
    ("tight-hamstrings", "forward_bend", "easy"),
    ("hip-rotation", "hip_rotation", "normal"),
    ("tight-hip-flexors", "hip_flexor_test", "stays_down"),
];

/// The id of the story (chain or "none") with the largest probability; ties keep store order.
fn first<'a>(model: &'a Model, posterior: &[f64]) -> &'a str {
    let mut best = 0;
    for (h, p) in posterior.iter().enumerate() {
        if *p > posterior[best] {
            best = h;
        }
    }
    model.hypotheses[best]
}

/// The premises as (chain, model question index, option index).
fn premises(model: &Model) -> Vec<(&'static str, usize, usize)> {
    NEVER_FIRST
        .iter()
        .map(|&(chain, question, option)| {
            let q = model
                .questions
                .iter()
                .position(|m| m.question.id == question)
                .unwrap_or_else(|| panic!("{question} is in the model"));
            let o = model.questions[q].option_index(option).unwrap();
            (chain, q, o)
        })
        .collect()
}

fn broken_premise(answers: &Answers, top: &str) -> Option<(&'static str, &'static str)> {
    NEVER_FIRST
        .iter()
        .find(|(chain, question, option)| {
            *chain == top && answers.chosen(question).iter().any(|c| c == option)
        })
        .map(|(_, q, o)| (*q, *o))
}

#[test]
fn every_full_file_respects_the_premises_and_sums_to_one() {
    let store = store();
    let model = Model::new(store);
    let mut tally = Tally::default();
    let premises = premises(&model);
    let mut broken = Vec::new();
    for_each_full(store, &model, |seen, posterior| {
        let sum: f64 = posterior.iter().sum();
        assert!((sum - 1.0).abs() < 1e-9, "sums to {sum}");
        let top = first(&model, posterior);
        let against = premises.iter().any(|&(chain, q, o)| {
            chain == top && seen.iter().any(|s| s.question == q && s.option == o)
        });
        if against && broken.len() < 5 {
            let answers = to_answers(store, &model, seen);
            broken.push((top.to_owned(), answers.to_toml(&store.questionnaire)));
        }
        tally.add(&model, posterior, seen.len());
    });
    assert!(
        broken.is_empty(),
        "stories first against their premise: {broken:#?}"
    );
    assert!(tally.files > 100_000, "{} files", tally.files);
    let ties = tally.share(tally.near_ties);
    assert!(
        ties < 0.15,
        "top two within 0.1 in {:.1} % of files",
        ties * 100.0
    );
    // Every story can come first, and a fully answered person usually gets a verdict.
    for h in &model.hypotheses {
        assert!(
            tally.winners.get(*h).is_some_and(|&n| n > 0),
            "{h} never comes first"
        );
    }
    assert!(tally.share(tally.routines) > 0.4, "{tally:?}");
}

#[test]
fn partial_files_respect_the_premises_and_the_gates() {
    let store = store();
    let model = Model::new(store);
    let mut rng = Rng::new(7);
    for _ in 0..8_000 {
        let answers = random_partial(store, &mut rng, 5);
        let report = engine::evaluate(store, &answers);
        if !report.safety_checked {
            assert!(report.routine.is_none() && report.chains.is_empty());
            assert_eq!(report.standing, Standing::SafetyUnanswered);
            continue;
        }
        let total: f64 =
            report.chains.iter().map(|c| c.probability).sum::<f64>() + report.none_probability;
        assert!((total - 1.0).abs() < 1e-9, "sums to {total}");
        let seen = model.observations(store, &answers);
        let top = first(&model, &model.posterior(&seen));
        assert_eq!(broken_premise(&answers, top), None, "{answers:?}");
        if report.routine.is_some() {
            assert!(seen.len() >= engine::report::MIN_EVIDENCE);
            assert!(report.chains[0].probability >= engine::report::ROUTINE_MIN);
            assert_eq!(report.standing, Standing::Clear);
        }
    }
}

/// The built-in store with its chains replaced by `chains` (TOML text); the rest as it is.
fn store_with_chains(chains: &str) -> Store {
    let files: Vec<SourceFile> = synthetic::store_files(0)
        .into_iter()
        .map(|mut f| {
            if f.relative == "chains.toml" {
                f.text = chains.to_owned();
            }
            f
        })
        .collect();
    // Problems (exercises naming chains that are gone) do not matter to the model.
    Store::from_files(files, &mut Vec::new())
}

fn chain_blocks() -> Vec<String> {
    let text = synthetic::store_files(0)
        .into_iter()
        .find(|f| f.relative == "chains.toml")
        .unwrap()
        .text;
    text.split("[[chain]]")
        .skip(1)
        .map(|b| format!("[[chain]]{b}"))
        .collect()
}

#[test]
fn probabilities_sum_to_one_with_one_chain_or_ten() {
    let blocks = chain_blocks();
    let one = store_with_chains(&blocks[0]);
    assert_eq!(one.chains.len(), 1);
    let mut ten = String::new();
    for i in 0..10 {
        let block = &blocks[i % blocks.len()];
        let id = one_id(block);
        ten.push_str(&block.replacen(&format!("id = \"{id}\""), &format!("id = \"{id}-{i}\""), 1));
    }
    let ten = store_with_chains(&ten);
    assert_eq!(ten.chains.len(), 10);
    for store in [&one, &ten] {
        let mut rng = Rng::new(3);
        for _ in 0..2_000 {
            let answers = random_partial(store, &mut rng, 0);
            let report = engine::evaluate(store, &answers);
            let total: f64 =
                report.chains.iter().map(|c| c.probability).sum::<f64>() + report.none_probability;
            assert!(
                (total - 1.0).abs() < 1e-9,
                "{} chains: {total}",
                store.chains.len()
            );
        }
    }
}

fn one_id(block: &str) -> String {
    block
        .lines()
        .find_map(|l| l.strip_prefix("id = \""))
        .and_then(|l| l.strip_suffix('"'))
        .unwrap()
        .to_owned()
}

#[test]
fn reasons_account_for_the_probability() {
    let store = store();
    let model = Model::new(store);
    let mut rng = Rng::new(11);
    for _ in 0..500 {
        let answers = random_partial(store, &mut rng, 0);
        let report = engine::evaluate(store, &answers);
        for chain in &report.chains {
            let prior_odds = chain.prior / (1.0 - chain.prior);
            let odds = chain.reasons.iter().fold(prior_odds, |o, r| o * r.factor);
            let p = odds / (1.0 + odds);
            assert!(
                (p - chain.probability).abs() < 1e-9,
                "{}: reasons give {p}, the model {}",
                chain.id,
                chain.probability
            );
        }
        assert_eq!(
            report.chains.first().map_or(0, |c| c.reasons.len()),
            model.observations(store, &answers).len()
        );
    }
}

#[test]
fn the_next_question_is_the_most_telling_one() {
    let store = store();
    let model = Model::new(store);
    let mut rng = Rng::new(5);
    for _ in 0..300 {
        let answers = random_partial(store, &mut rng, 0);
        let report = engine::evaluate(store, &answers);
        let posterior = model.posterior(&model.observations(store, &answers));
        let gains: Vec<f64> = report.next_questions.iter().map(|n| n.gain_bits).collect();
        assert!(
            gains.windows(2).all(|w| w[0] >= w[1]),
            "best first: {gains:?}"
        );
        for next in &report.next_questions {
            let q = store.questionnaire.question(&next.id).unwrap();
            assert!(!answers.is_answered(&q.id), "{} is answered", q.id);
            assert!(engine::flow::is_shown(&store.questionnaire, q, &answers));
            let i = model
                .questions
                .iter()
                .position(|m| m.question.id == q.id)
                .unwrap();
            let gain = engine::next::gain(&model, i, &posterior);
            assert!((gain - next.gain_bits).abs() < 1e-12);
            assert_eq!(next.tells_apart.len(), 2);
        }
    }
}

#[test]
fn odd_numbers_in_the_model_are_refused_and_never_break_the_sums() {
    // The integer overflow, in today's model: numbers a hostile store could write.
    for value in [
        "-2147483648",
        "nan",
        "inf",
        "-inf",
        "1e308",
        "1.7e308",
        "0.0",
        "-0.5",
    ] {
        let files: Vec<SourceFile> = synthetic::store_files(0)
            .into_iter()
            .map(|mut f| {
                if f.relative == "questionnaire.toml" {
                    f.text = f.text.replacen(
                        "p = { chest = 0.001, belly = 0.869, both = 0.13 }",
                        &format!("p = {{ chest = {value}, belly = 0.869, both = 0.13 }}"),
                        1,
                    );
                    assert!(f.text.contains(&format!("chest = {value},")));
                }
                f
            })
            .collect();
        let mut problems = Vec::new();
        let store = Store::from_files(files, &mut problems);
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("p[\"chest\"]") || p.message.contains("sums to")),
            "{value}: {problems:?}"
        );
        // A store that skipped the check still gives probabilities that sum to 1.
        let mut answers = Answers::new();
        answers.set_many("red_flags", vec!["none".into()]);
        answers.set("breathing", "chest");
        answers.set("low_back_shape", "arched");
        let report = engine::evaluate(&store, &answers);
        let total: f64 =
            report.chains.iter().map(|c| c.probability).sum::<f64>() + report.none_probability;
        assert!((total - 1.0).abs() < 1e-9, "{value}: {total}");
        assert!(report.chains.iter().all(|c| c.probability.is_finite()));
    }
}

#[test]
fn an_odd_prior_is_refused_and_never_breaks_the_sums() {
    for value in ["nan", "inf", "-1", "0.0", "1.0", "1e308"] {
        let files: Vec<SourceFile> = synthetic::store_files(0)
            .into_iter()
            .map(|mut f| {
                if f.relative == "questionnaire.toml" {
                    f.text =
                        f.text
                            .replacen("none_prior = 0.15", &format!("none_prior = {value}"), 1);
                }
                f
            })
            .collect();
        let mut problems = Vec::new();
        let store = Store::from_files(files, &mut problems);
        assert!(
            problems.iter().any(|p| p.message.contains("none_prior")),
            "{value}: {problems:?}"
        );
        let mut answers = Answers::new();
        answers.set_many("red_flags", vec!["none".into()]);
        let report = engine::evaluate(&store, &answers);
        let total: f64 =
            report.chains.iter().map(|c| c.probability).sum::<f64>() + report.none_probability;
        assert!((total - 1.0).abs() < 1e-9, "{value}: {total}");
    }
}
