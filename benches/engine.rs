//! The engine on a key press: re-scoring every story and choosing the next question (`evaluate`), on the
//! built-in store, for a half-answered and a fully answered person (target well under 1 ms).

mod common;

use backchain::content::{SourceFile, Store, embedded};
use backchain::engine::{self, Answers};
use criterion::{Criterion, criterion_group};

fn answers(store: &Store, text: &str) -> Answers {
    Answers::parse(
        &SourceFile::named("bench", text.to_owned()),
        &store.questionnaire,
    )
    .expect("valid answers")
}

const HALF: &str = "red_flags = [\"none\"]\nbreathing = \"belly\"\nlow_back_shape = \"arched\"\nforward_bend = \"back_of_thighs\"\n";
const FULL: &str = include_str!("../tests/fixtures/answers/pelvic-pulley-reverse.toml");

fn benches(c: &mut Criterion) {
    let store = embedded();
    let mut group = c.benchmark_group("engine");
    for (name, text) in [("half_answered", HALF), ("fully_answered", FULL)] {
        let answers = answers(&store, text);
        group.bench_function(format!("evaluate_{name}"), |b| {
            b.iter(|| engine::evaluate(&store, &answers))
        });
    }
    group.finish();
}

criterion_group!(group, benches);

fn main() {
    group();
    let store = embedded();
    for (name, text) in [("half answered", HALF), ("fully answered", FULL)] {
        let answers = answers(&store, text);
        let run = common::stats(common::repeat(2_000, || engine::evaluate(&store, &answers)));
        common::verdict(
            &format!("re-score and next question, {name}, p95"),
            run.p95,
            " ms",
            1.0,
        );
    }
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}
