//! Search over the built-in exercises: what comes first for what people type, filters, narrowing as the
//! user types, highlights, and the `search` command.

use backchain::content::{Equipment, Phase, Region, Side, Store, embedded};
use backchain::search::{
    Field, Filters, Hit, RANKED, Scorer, SearchIndex, SearchSession, SkimScorer, reference,
};
use backchain::text::Text;
use proptest::prelude::*;
use std::process::Command;
use std::sync::OnceLock;

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(embedded)
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new(store()))
}

fn ids(hits: &[Hit]) -> Vec<&'static str> {
    hits.iter()
        .map(|h| store().exercises[h.index].id.as_str())
        .collect()
}

fn first(query: &str) -> &'static str {
    let hits = index().search(query, &Filters::default());
    assert!(!hits.is_empty(), "nothing found for {query:?}");
    store().exercises[hits[0].index].id.as_str()
}

#[test]
fn the_bundled_store_has_exercises_to_search() {
    assert!(store().exercises.len() >= 20);
    assert_eq!(index().len(), store().exercises.len());
}

#[test]
fn what_people_type_finds_the_exercise_they_mean() {
    let hamstring = &store().exercises[index().search("hamstrng", &Filters::default())[0].index];
    assert!(
        hamstring.name.to_lowercase().contains("hamstring"),
        "{}",
        hamstring.name
    );
    assert_eq!(first("good mornin"), "modified-good-morning");
    assert!(first("hip ir").contains("hip-ir"), "{}", first("hip ir"));
    assert_eq!(
        first("hip ir"),
        "standing-hip-ir-drill",
        "its alias is exactly \"hip IR\""
    );
    assert_eq!(first("foam"), "hamstring-foam-roll");
    assert!(first("90/90").starts_with("ninety-ninety"));
    let breathing = store().exercise(first("brth")).unwrap();
    assert_eq!(breathing.phase, Phase::Breathe, "{}", breathing.id);
    assert_eq!(first("kneel rot"), "kneeling-hip-ir-stretch");
}

#[test]
fn case_accents_and_extra_spaces_do_not_matter() {
    assert_eq!(first("  GOOD   Mornin "), "modified-good-morning");
    assert_eq!(first("Hip IR"), "standing-hip-ir-drill");
    assert_eq!(first("crocodile bréathing"), "crocodile-breathing");
}

#[test]
fn every_word_must_match_somewhere() {
    let hits = index().search("foam dog", &Filters::default());
    assert!(hits.is_empty(), "{:?}", ids(&hits));
    assert!(index().search("zzzz", &Filters::default()).is_empty());
}

#[test]
fn one_wrong_or_swapped_letter_is_forgiven_in_long_words() {
    let swapped = &store().exercises[index().search("hmastring", &Filters::default())[0].index];
    assert!(swapped.name.to_lowercase().contains("hamstring"));
    assert_eq!(first("crocodiel"), "crocodile-breathing");
    assert!(first("bridgw").contains("bridge"));
    assert_eq!(first("clamshelp"), "clamshell");
    // Short words must be right: too many things are one letter away from them.
    assert!(index().search("fozm", &Filters::default()).is_empty());
}

#[test]
fn hits_are_sorted_by_score_then_shorter_name_then_name() {
    for query in ["h", "hip", "bridge", "brth", "hamstrng", "mat"] {
        let hits = index().search(query, &Filters::default());
        for pair in hits.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let names = (
                store().exercises[a.index].name.to_lowercase(),
                store().exercises[b.index].name.to_lowercase(),
            );
            // Equal scores: the shorter name first (the plain name before its variants), then by name.
            let lengths = (names.0.chars().count(), names.1.chars().count());
            assert!(
                a.score > b.score
                    || (a.score == b.score && (lengths.0, &names.0) <= (lengths.1, &names.1)),
                "{query:?}: {a:?} before {b:?}"
            );
        }
    }
}

#[test]
fn names_and_aliases_outrank_tags_and_summary() {
    // "diaphragm" is only a muscle (a tag); "bridge" is in names and aliases.
    let diaphragm = index().search("diaphragm", &Filters::default());
    assert!(!diaphragm.is_empty());
    assert!(diaphragm.iter().all(|h| h.matched_field == Field::Tag));
    let bridge = index().search("bridge", &Filters::default());
    assert!(matches!(
        bridge[0].matched_field,
        Field::Name | Field::Alias(_)
    ));
    let best_tag_score = diaphragm[0].score;
    assert!(bridge[0].score > best_tag_score);
    // "firm" is in two summaries, and one of the two also has it in a rung's name ("Firmer ball, slower
    // passes"), which weighs as a tag: more than a summary word.
    let firm = index().search("firm", &Filters::default());
    assert_eq!(
        ids(&firm),
        ["hamstring-small-ball-release", "hamstring-foam-roll"]
    );
    assert!(matches!(firm[0].matched_field, Field::Rung(_)));
    assert_eq!(firm[1].matched_field, Field::Summary);
}

#[test]
fn matched_field_names_the_alias() {
    let hits = index().search("90/90", &Filters::default());
    for hit in &hits[..2] {
        let exercise = &store().exercises[hit.index];
        let Field::Alias(i) = hit.matched_field else {
            panic!("{hit:?}")
        };
        assert_eq!(exercise.aliases[i], "90/90");
    }
    assert_eq!(
        index().search("good mornin", &Filters::default())[0].matched_field,
        Field::Name
    );
}

#[test]
fn a_ladder_rung_is_found_by_its_name_and_named_as_the_match() {
    // "Couch stretch" is a harder rung of the side-lying quad stretch, not an exercise of its own.
    let hits = index().search("couch", &Filters::default());
    assert_eq!(ids(&hits[..1]), ["side-lying-quad-stretch"]);
    let Field::Rung(i) = hits[0].matched_field else {
        panic!("{:?} matched on its rung \"Couch stretch\"", hits[0])
    };
    let (side, rung) = store().exercises[hits[0].index].rung(i).unwrap();
    assert_eq!((side, rung.name.as_str()), (Side::Harder, "Couch stretch"));
    // A rung weighs as a tag: below a name that holds the word.
    let hinge = index().search("wall hinge", &Filters::default());
    assert_eq!(ids(&hinge[..1]), ["hip-hinge-practice"]);
    // A rung that is another exercise of the store is found as that exercise: "Hamstring bridge" is a
    // harder rung of the glute bridge and an exercise of its own.
    let bridge = index().search("hamstring bridge", &Filters::default());
    assert_eq!(ids(&bridge[..1]), ["hamstring-bridge"]);
    assert!(
        bridge
            .iter()
            .all(|h| !matches!(h.matched_field, Field::Rung(_))),
        "{bridge:?}"
    );
}

#[test]
fn the_empty_query_returns_everything_by_name() {
    for query in ["", "   "] {
        let hits = index().search(query, &Filters::default());
        assert_eq!(hits.len(), store().exercises.len());
        let names: Vec<String> = hits
            .iter()
            .map(|h| backchain::search::fold(&store().exercises[h.index].name))
            .collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
        let mut seen: Vec<usize> = hits.iter().map(|h| h.index).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..store().exercises.len()).collect::<Vec<_>>());
        for hit in &hits {
            assert_eq!(hit.score, 0);
            assert!(hit.name_positions.is_empty());
        }
    }
}

fn filter_cases() -> Vec<Filters> {
    vec![
        Filters {
            region: Some(Region::Ribcage),
            ..Filters::default()
        },
        Filters {
            equipment: Some(Equipment::Wall),
            ..Filters::default()
        },
        Filters {
            phase: Some(Phase::Mobilise),
            ..Filters::default()
        },
        Filters {
            chain: Some("hip-rotation".into()),
            ..Filters::default()
        },
        Filters {
            region: Some(Region::Hamstrings),
            equipment: Some(Equipment::Mat),
            phase: Some(Phase::Activate),
            chain: Some("sleepy-hamstrings".into()),
        },
    ]
}

fn passes(filters: &Filters, index: usize) -> bool {
    let e = &store().exercises[index];
    filters.region.is_none_or(|r| e.regions.contains(&r))
        && filters.equipment.is_none_or(|q| e.equipment.contains(&q))
        && filters.phase.is_none_or(|p| e.phase == p)
        && filters
            .chain
            .as_ref()
            .is_none_or(|c| e.chains.iter().any(|x| x == c.as_str()))
}

#[test]
fn filters_narrow_to_exactly_the_exercises_that_pass() {
    for filters in filter_cases() {
        let all = index().search("", &filters);
        // Without a query, every exercise that passes, by the name shown.
        let mut expected: Vec<usize> = (0..store().exercises.len())
            .filter(|&i| passes(&filters, i))
            .collect();
        expected.sort_by_key(|&i| backchain::search::fold(&store().exercises[i].name));
        assert!(!expected.is_empty(), "{filters:?}");
        assert!(expected.len() < store().exercises.len(), "{filters:?}");
        assert_eq!(all.iter().map(|h| h.index).collect::<Vec<_>>(), expected);
        for query in ["hip", "h", "brth", "bridge", "hamstrng"] {
            let unfiltered = index().search(query, &Filters::default());
            let kept: Vec<&Hit> = unfiltered
                .iter()
                .filter(|h| passes(&filters, h.index))
                .collect();
            let filtered = index().search(query, &filters);
            assert!(filtered.iter().all(|h| passes(&filters, h.index)));
            // Typo tolerance starts only when nothing passing the filters matches as typed, so the
            // two agree whenever something does.
            if !kept.is_empty() {
                assert_eq!(
                    filtered.iter().collect::<Vec<_>>(),
                    kept,
                    "{query:?} {filters:?}"
                );
            }
        }
    }
}

#[test]
fn typos_are_forgiven_only_when_nothing_passing_the_filters_matches() {
    let ribcage = Filters {
        region: Some(Region::Ribcage),
        ..Filters::default()
    };
    // "bridge" is in no ribcage exercise; "brain-guarding" is "bridg" with letters between.
    let hits = index().search("bridge", &ribcage);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.matched_field == Field::Tag));
    assert!(hits.iter().all(|h| passes(&ribcage, h.index)));
}

#[test]
fn a_filter_by_phase_keeps_only_that_phase() {
    let filters = Filters {
        phase: Some(Phase::Breathe),
        ..Filters::default()
    };
    let hits = index().search("hip", &filters);
    // "hip" is a word of the first name; the second has it in a rung's name ("Pillow under the hips");
    // the third has h, i, p in "child's pose".
    assert_eq!(
        ids(&hits),
        [
            "ninety-ninety-breathing",
            "crocodile-breathing",
            "childs-pose-breathing"
        ]
    );
    assert!(hits.iter().all(|h| passes(&filters, h.index)));
}

#[test]
fn an_unknown_chain_matches_nothing() {
    let filters = Filters {
        chain: Some("no-such-chain".into()),
        ..Filters::default()
    };
    assert!(index().search("", &filters).is_empty());
    assert!(index().search("hip", &filters).is_empty());
}

/// Every prefix of `query`, as typed one char at a time.
fn prefixes(query: &str) -> impl Iterator<Item = &str> {
    query
        .char_indices()
        .map(|(at, c)| &query[..at + c.len_utf8()])
}

#[test]
fn a_name_typed_in_full_finds_its_exercise_whatever_the_words_table_makes_of_it() {
    // Names that hold a synonym key ("it band" → "iliotibial") or filler words ("on", "your").
    let mut store = embedded();
    let template = store.exercises[0].clone();
    for (id, name) in [
        ("it-band-and-glute-stretch", "IT Band and Glute Stretch"),
        ("on-your-side-quad-stretch", "On Your Side Quad Stretch"),
    ] {
        let mut exercise = template.clone();
        exercise.id = Text::new(id);
        exercise.name = Text::new(name);
        exercise.aliases.clear();
        store.exercises.push(exercise);
    }
    store.reindex();
    let index = SearchIndex::new(&store);
    for (query, want) in [
        ("IT Band and Glute Stretch", "it-band-and-glute-stretch"),
        ("it band and glute stretch ", "it-band-and-glute-stretch"),
        ("On Your Side Quad Stretch", "on-your-side-quad-stretch"),
    ] {
        let hits = index.search(query, &Filters::default());
        let top = hits.first().map(|h| store.exercises[h.index].id.as_str());
        assert_eq!(top, Some(want), "{query:?}");
        assert_eq!(
            reference::rank(&index, query, &Filters::default(), 1)[0],
            hits[0]
        );
    }
}

#[test]
fn among_near_equal_matches_backchains_own_exercise_comes_before_an_imported_one() {
    // The same exercise twice, once imported: equal matches, the own one first, a twentieth ahead.
    let mut store = embedded();
    let own = store.exercise("hamstring-bridge").unwrap().clone();
    let mut imported = own.clone();
    imported.id = Text::new("hamstring-bridge-imported");
    imported.source = Some(backchain::content::ExerciseSource {
        name: Text::new("Free Exercise DB"),
        licence: Text::new("public domain, Unlicense"),
        url: Text::new("https://github.com/yuhonas/free-exercise-db"),
        id: Text::new("Hamstring_Bridge"),
    });
    // Imported first in the store, so only the score can put the own one ahead.
    store.exercises.insert(0, imported);
    store.reindex();
    let index = SearchIndex::new(&store);
    for query in ["hamstring bridge", "hamstrng brdge", "bridge"] {
        let hits = index.search(query, &Filters::default());
        let place = |id: &str| hits.iter().position(|h| store.exercises[h.index].id == id);
        let (own_at, imported_at) = (
            place("hamstring-bridge"),
            place("hamstring-bridge-imported"),
        );
        assert!(own_at.unwrap() < imported_at.unwrap(), "{query:?}");
        let (a, b) = (&hits[own_at.unwrap()], &hits[imported_at.unwrap()]);
        assert_eq!(a.score, b.score + b.score / 20, "{query:?}");
        assert_eq!(
            reference::rank(&index, query, &Filters::default(), hits.len()),
            hits,
            "{query:?}"
        );
    }
}

fn assert_session_matches_fresh(index: &SearchIndex, typed: &[&str], filters: &Filters) {
    let mut session = SearchSession::new();
    for query in typed {
        let fresh = index.search(query, filters);
        let ranked = session.search(index, query, filters).len();
        // A large store's many matches are ranked in part: the part is the fresh search's top.
        assert_eq!(session.hits(), &fresh[..ranked], "{query:?}");
        assert!(
            ranked >= fresh.len().min(backchain::search::RANKED),
            "{query:?}"
        );
        assert_eq!(session.total(), fresh.len(), "{query:?}");
        assert_eq!(session.query(), *query);
        // Ranking the rest gives the whole fresh search, and typing on narrows from it as before.
        if ranked < fresh.len() && query.len() % 2 == 0 {
            session.rank_all(index);
            assert_eq!(session.hits(), &fresh[..], "{query:?} ranked in full");
        }
    }
}

#[test]
fn a_session_gives_the_same_hits_as_a_fresh_search_for_every_prefix() {
    let queries = [
        "hamstrng",
        "good mornin",
        "hip ir",
        "kneel rot",
        "90/90",
        "brth",
        "foam roll",
        "hmastring bridgw",
        "crocodiel",
        "crocodielb reathing",
        "hamstrnig brdige",
        "zzz hip",
        "  h i p  ",
        "the hammies bridge with a strap",
    ];
    for query in queries {
        let typed: Vec<&str> = prefixes(query).collect();
        assert_session_matches_fresh(index(), &typed, &Filters::default());
        for filters in filter_cases() {
            assert_session_matches_fresh(index(), &typed, &filters);
        }
        // Typing, then deleting back to nothing, then typing again.
        let mut back_and_forth = typed.clone();
        back_and_forth.extend(typed.iter().rev());
        back_and_forth.push("");
        back_and_forth.extend(typed.iter());
        assert_session_matches_fresh(index(), &back_and_forth, &Filters::default());
    }
}

#[test]
fn a_session_only_rechecks_the_last_matches_when_the_query_grows() {
    let mut session = SearchSession::new();
    let filters = Filters::default();
    session.search(index(), "hip", &filters);
    assert_eq!(session.checked(), store().exercises.len());
    let before = session.hits().len();
    session.search(index(), "hip ", &filters);
    assert_eq!(session.checked(), before);
    session.search(index(), "hip i", &filters);
    assert_eq!(session.checked(), before);
    let narrowed = session.hits().len();
    session.search(index(), "hip ir", &filters);
    // "ir" is read as "internal rotation", narrowing from "hip i"; its words as typed are a second
    // reading, new at this keystroke, that narrows from "hip i" as well.
    assert_eq!(session.checked(), 2 * narrowed);
    session.search(index(), "hip ir", &filters);
    assert_eq!(session.checked(), 0, "the same query again is not searched");
    session.search(index(), "hip", &filters);
    assert_eq!(
        session.checked(),
        store().exercises.len(),
        "a shorter query starts over"
    );
    // Another filter starts over too.
    let breathe = Filters {
        phase: Some(Phase::Breathe),
        ..Filters::default()
    };
    session.search(index(), "hip i", &breathe);
    assert_eq!(
        session.hits().len(),
        index().search("hip i", &breathe).len()
    );
}

#[test]
fn a_session_narrows_typo_tolerant_matches_too() {
    let mut session = SearchSession::new();
    let filters = Filters::default();
    let all = store().exercises.len();
    session.search(index(), "crocodie", &filters);
    assert_eq!(session.hits().len(), 1);
    // Nothing fits "crocodiel" as typed: the one exact candidate, then everything, with typos.
    session.search(index(), "crocodiel", &filters);
    assert_eq!(session.checked(), 1 + all);
    let loose = session.hits().len();
    assert!(loose >= 1);
    // Still misspelt: only what matched with a typo last time is looked at again.
    let hits = session.search(index(), "crocodielb", &filters).to_vec();
    assert_eq!(session.checked(), loose);
    assert_eq!(hits, index().search("crocodielb", &filters));
    assert_eq!(ids(&hits), ["crocodile-breathing"]);
}

#[test]
fn a_session_does_not_carry_results_over_to_another_index() {
    let mut small = store().clone();
    small.exercises.truncate(3);
    small.reindex();
    let small_index = SearchIndex::new(&small);
    let mut session = SearchSession::new();
    session.search(&small_index, "h", &Filters::default());
    let hits = session.search(index(), "ha", &Filters::default()).to_vec();
    assert_eq!(hits, index().search("ha", &Filters::default()));
}

fn highlighted(hit: &Hit) -> String {
    let name: Vec<char> = store().exercises[hit.index].name.chars().collect();
    hit.name_positions.iter().map(|&i| name[i]).collect()
}

#[test]
fn name_positions_point_at_the_matched_chars() {
    let foam = &index().search("foam", &Filters::default())[0];
    assert_eq!(foam.name_positions, [10, 11, 12, 13]);
    assert_eq!(highlighted(foam), "foam");
    let morning = &index().search("good mornin", &Filters::default())[0];
    assert_eq!(highlighted(morning), "goodmornin");
    let kneel = &index().search("kneel rot", &Filters::default())[0];
    assert_eq!(highlighted(kneel).to_lowercase(), "kneelrot");
    let hamstring = &index().search("HAMSTRNG", &Filters::default())[0];
    assert_eq!(highlighted(hamstring).to_lowercase(), "hamstrng");
    for hit in index().search("hip ir", &Filters::default()) {
        let name = &store().exercises[hit.index].name;
        assert!(hit.name_positions.iter().all(|&i| i < name.chars().count()));
        assert!(hit.name_positions.windows(2).all(|w| w[0] < w[1]));
    }
}

#[test]
fn a_hit_lit_up_later_is_lit_as_the_search_read_its_query() {
    // Hits past the first few are lit up on demand (`highlight`), and must light what the search
    // would have wherever the query matched the name: "hammies" is read as "hamstring", "it band" also
    // as typed, "single leg" also as "one leg".
    for query in [
        "hammies str",
        "it band glute",
        "good mornings",
        "single leg brid",
    ] {
        let hits = index().search(query, &Filters::default());
        for hit in hits.iter().filter(|h| !h.name_positions.is_empty()) {
            assert_eq!(
                index().highlight(hit.index, query),
                hit.name_positions,
                "{query:?} in {:?}",
                store().exercises[hit.index].name
            );
        }
    }
}

#[test]
fn name_positions_are_empty_when_only_an_alias_matched() {
    let hits = index().search("balasana", &Filters::default());
    assert_eq!(ids(&hits), ["childs-pose-breathing"]);
    assert_eq!(hits[0].matched_field, Field::Alias(2));
    assert!(hits[0].name_positions.is_empty(), "{:?}", hits[0]);
}

#[test]
fn positions_are_char_indices_even_after_wide_chars() {
    let mut store = Store::default();
    let mut exercise = embedded().exercises[0].clone();
    exercise.name = Text::new("Étirement — ischio 髋 hamstring");
    exercise.aliases.clear();
    store.exercises.push(exercise);
    store.reindex();
    let index = SearchIndex::new(&store);
    let hit = &index.search("ham", &Filters::default())[0];
    let name: Vec<char> = store.exercises[0].name.chars().collect();
    let found: String = hit.name_positions.iter().map(|&i| name[i]).collect();
    assert_eq!(found, "ham");
    assert_eq!(hit.name_positions, [21, 22, 23]);
    assert_eq!(index.search("etir", &Filters::default()).len(), 1);
}

/// Counts matched chars; no bonuses. Shows that another scorer can be plugged in.
struct Plain;

impl Scorer for Plain {
    fn score(&self, haystack: &str, needle: &str) -> Option<(i64, Vec<usize>)> {
        let mut positions = Vec::new();
        let mut wanted = needle.chars().peekable();
        for (i, c) in haystack.chars().enumerate() {
            if wanted.peek() == Some(&c) {
                positions.push(i);
                wanted.next();
            }
        }
        let score = positions.len() as i64;
        wanted.peek().is_none().then_some((score, positions))
    }
}

#[test]
fn another_scorer_can_be_swapped_in() {
    let plain = SearchIndex::with_scorer(store(), Plain);
    let hits = plain.search("good mornin", &Filters::default());
    assert_eq!(store().exercises[hits[0].index].id, "modified-good-morning");
    let skim = index().search("hip", &Filters::default());
    let mut plain_ids = ids(&plain.search("hip", &Filters::default()));
    let mut skim_ids = ids(&skim);
    plain_ids.sort();
    skim_ids.sort();
    assert_eq!(
        plain_ids, skim_ids,
        "the scorer changes the order, not what matches"
    );
}

/// The bundled exercises copied until there are `n`, each copy with its own id and name.
fn big_store(n: usize) -> Store {
    let base = embedded();
    let mut store = Store::default();
    for i in 0..n {
        let mut exercise = base.exercises[i % base.exercises.len()].clone();
        exercise.id = Text::new(&format!("{}-{i}", exercise.id));
        exercise.name = Text::new(&format!("{} {}", exercise.name, i / base.exercises.len()));
        store.exercises.push(exercise);
    }
    store.reindex();
    store
}

#[test]
fn a_session_over_ten_thousand_exercises_matches_fresh_searches() {
    let mut store = big_store(10_000);
    // With the words table: "hams", "ir", "it band" and "single leg" give a query two readings, each
    // with hundreds of matches, ranked in part and merged.
    store.search_words = embedded().search_words;
    let index = SearchIndex::new(&store);
    assert_eq!(index.len(), 10_000);
    for query in [
        "hip ir 12",
        "brth",
        "good mornin 3",
        "hams smr",
        "the hams with a ball",
        "it band 2",
        "rdl",
        "hip er",
        "sl bridge",
        "db hinge",
        "butt bridge",
        // Words names use alike: two readings, the second counting in full ("single leg 1" fails when
        // the session cuts the second reading off as if it counted half).
        "single leg bridge",
        "single leg 1",
    ] {
        let typed: Vec<&str> = prefixes(query).collect();
        assert_session_matches_fresh(&index, &typed, &Filters::default());
    }
    let hits = index.search("good mornin 1", &Filters::default());
    assert!(
        store.exercises[hits[0].index]
            .id
            .starts_with("modified-good-morning")
    );
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn session_equals_fresh_for_any_typing(
        query in "[abeghilmnoprst ]{1,10}",
        filter in 0..=filter_cases().len(),
    ) {
        let filters = filter_cases().get(filter).cloned().unwrap_or_default();
        let typed: Vec<&str> = prefixes(&query).collect();
        let mut session = SearchSession::new();
        for q in &typed {
            let fresh = index().search(q, &filters);
            let ranked = session.search(index(), q, &filters).len();
            prop_assert_eq!(session.hits(), &fresh[..ranked]);
            prop_assert_eq!(session.total(), fresh.len());
        }
    }
}

#[test]
fn the_skim_scorer_keeps_no_state_between_calls() {
    let scorer = SkimScorer::default();
    let alone = SkimScorer::default().score("quadruped reach", "eea");
    let long =
        "on all fours, reach one arm and the opposite leg out long while the spine stays still";
    scorer.score_only(long, "ea");
    assert_eq!(scorer.score("quadruped reach", "eea"), alone);
}

#[test]
fn scores_do_not_depend_on_what_other_threads_or_earlier_searches_did() {
    // fuzzy-matcher's full skim alignment keeps a per-thread matrix that leaks between calls; the
    // search must not inherit that.
    let queries = [
        "eea",
        "hip ir",
        "brth",
        "a",
        "ee",
        "good mornin",
        "rot",
        "hamstrng",
    ];
    let alone: Vec<Vec<Hit>> = queries
        .iter()
        .map(|q| SearchIndex::new(store()).search(q, &Filters::default()))
        .collect();
    std::thread::scope(|scope| {
        for shift in 0..8 {
            let alone = &alone;
            scope.spawn(move || {
                for round in 0..queries.len() {
                    let at = (round + shift) % queries.len();
                    let hits = index().search(queries[at], &Filters::default());
                    assert_eq!(hits, alone[at], "{:?}", queries[at]);
                }
            });
        }
    });
}

fn backchain(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_backchain"))
        .args(args)
        .env_remove("BACKCHAIN_CONTENT")
        .output()
        .expect("the backchain binary runs")
}

fn json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

#[test]
fn the_command_prints_json_hits() {
    let out = backchain(&["search", "good mornin", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let hits = json(&out);
    let first = &hits.as_array().unwrap()[0];
    assert_eq!(first["id"], "modified-good-morning");
    assert_eq!(first["name"], "Modified good morning");
    assert!(first["score"].as_i64().unwrap() > 0);
    assert_eq!(first["phase"], "pattern");
    assert_eq!(first["matched"], "name");
}

#[test]
fn the_command_names_the_rung_that_matched() {
    let out = backchain(&["search", "couch", "--format", "json", "--limit", "1"]);
    assert_eq!(out.status.code(), Some(0));
    let first = &json(&out)[0];
    assert_eq!(first["id"], "side-lying-quad-stretch");
    assert_eq!(first["matched"], "rung");
    assert_eq!(first["rung"]["name"], "Couch stretch");
    assert_eq!(first["rung"]["side"], "harder");
    assert!(first.get("alias").is_none(), "{first}");
}

#[test]
fn the_command_prints_aligned_lines_and_respects_the_limit() {
    let out = backchain(&["search", "bridge", "--limit", "2"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines[0].starts_with("glute-bridge  "), "{text}");
    assert!(lines[0].contains("Glute bridge"));
    assert!(lines[0].contains("(activate; mat)"));
    assert_eq!(lines[0].len(), lines[1].len(), "aligned:\n{text}");
}

#[test]
fn the_command_applies_filters() {
    let out = backchain(&[
        "search", "", "--phase", "breathe", "--limit", "100", "--format", "json",
    ]);
    let hits = json(&out);
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 4);
    assert!(hits.iter().all(|h| h["phase"] == "breathe"));
}

#[test]
fn no_match_is_exit_one_with_a_message() {
    let out = backchain(&["search", "xyzzy"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "backchain: no exercises match \"xyzzy\"\n"
    );
}

#[test]
fn an_unknown_chain_is_a_usage_error_listing_the_chains() {
    let out = backchain(&["search", "hip", "--chain", "tight-ribs"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("\"tight-ribs\""), "{err}");
    assert!(err.contains("rib-stiffness"), "{err}");
    assert!(err.contains("hip-rotation"), "{err}");
}

#[test]
fn timings_report_load_and_one_keystroke_per_char() {
    let out = backchain(&["search", "hip ir", "--timings", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let timings = json(&out);
    assert!(timings["load_ms"].as_f64().unwrap() >= 0.0);
    let (p50, p95) = (timings["p50_ms"].as_f64(), timings["p95_ms"].as_f64());
    assert!(p50.unwrap() <= p95.unwrap(), "{timings}");
    let (floor_p50, floor_p95) = (
        timings["floor_p50_ms"].as_f64(),
        timings["floor_p95_ms"].as_f64(),
    );
    assert!(floor_p50.unwrap() <= floor_p95.unwrap(), "{timings}");
    let keystrokes = timings["keystrokes"].as_array().unwrap();
    let typed: Vec<&str> = keystrokes
        .iter()
        .map(|k| k["query"].as_str().unwrap())
        .collect();
    assert_eq!(typed, ["h", "hi", "hip", "hip ", "hip i", "hip ir"]);
    for k in keystrokes {
        assert!(k["ms"].as_f64().unwrap() >= 0.0);
        assert!(k["floor_ms"].as_f64().unwrap() >= 0.0);
        assert!(k["matches"].as_u64().unwrap() >= 1);
    }

    let out = backchain(&["search", "brth", "--timings"]);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("load: ") && lines[0].ends_with(" ms"),
        "{text}"
    );
    assert_eq!(lines.len(), 1 + 4 + 2, "{text}");
    assert!(lines[1].starts_with("\"b\"  "), "{text}");
    assert!(
        lines[4].contains(" ms  (floor ") && lines[4].ends_with(" matches"),
        "{text}"
    );
    assert!(
        lines[5].starts_with("floor (a plain byte scan") && lines[5].contains("× the floor"),
        "{text}"
    );
    assert!(
        lines[6].starts_with("per keystroke: median ") && lines[6].contains(" ms, p95 "),
        "{text}"
    );
}

/// A synthetic store of `n` exercises varied from the bundled ones (`content::synthetic`).
fn synthetic_store(n: usize) -> Store {
    let mut problems = Vec::new();
    let store = Store::from_files(backchain::content::synthetic::store_files(n), &mut problems);
    assert!(problems.is_empty(), "{:?}", problems.first());
    store
}

/// How many hits the reference comparison looks at: more than a screen's worth.
const TOP: usize = 20;

fn assert_top_matches_reference(index: &SearchIndex, query: &str, filters: &Filters) {
    let mut session = SearchSession::new();
    for typed in prefixes(query) {
        let hits = session.search(index, typed, filters);
        let expected = reference::rank(index, typed, filters, TOP);
        let got = &hits[..hits.len().min(TOP)];
        assert_eq!(got, &expected[..], "{typed:?} with {filters:?}");
        assert!(hits.len() >= expected.len());
    }
}

#[test]
fn typing_over_ten_thousand_exercises_ranks_the_top_like_the_reference() {
    let store = synthetic_store(10_000);
    let index = SearchIndex::new(&store);
    for query in [
        "hamstrng",
        "good mornin",
        "hip ir",
        "kneel rot",
        "brth",
        "hmastring bridgw",
        "banded tempo 12",
        "zzz",
    ] {
        assert_top_matches_reference(&index, query, &Filters::default());
    }
    for filters in filter_cases() {
        assert_top_matches_reference(&index, "hip ir", &filters);
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 2000,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// The scorer scores ASCII text itself; it must give fuzzy-matcher's numbers and positions.
    #[test]
    fn the_skim_scorer_agrees_with_fuzzy_matcher(
        hay in "[abrdgei 0-9/.(\\-A]{0,24}",
        needle in "[abrdgei 0-9/.(\\-A]{0,6}",
    ) {
        use fuzzy_matcher::FuzzyMatcher;
        let skim = fuzzy_matcher::skim::SkimMatcherV2::default()
            .respect_case()
            .element_limit(1);
        let ours = SkimScorer::default();
        prop_assert_eq!(ours.score(&hay, &needle), skim.fuzzy_indices(&hay, &needle));
        prop_assert_eq!(ours.score_only(&hay, &needle), skim.fuzzy_match(&hay, &needle));
        if let Some(score) = skim.fuzzy_match(&hay, &needle) {
            prop_assert!(score <= ours.max_score(&needle).unwrap(), "{score}");
        }
    }
}

#[test]
fn among_equal_scores_the_plain_name_comes_before_its_longer_variants() {
    // The bundled exercises among 10,000 synthetic ones, whose names are the bundled names with words
    // around them ("banded tempo Hamstring bridge 52").
    let mut store = synthetic_store(10_000);
    store.exercises.extend(embedded().exercises);
    store.reindex();
    let index = SearchIndex::new(&store);
    let plain = store
        .exercises
        .iter()
        .position(|e| e.id == "hamstring-bridge");
    let plain = plain.expect("the bundled hamstring bridge");
    assert_eq!(store.exercises[plain].name, "Hamstring bridge");
    let mut session = SearchSession::new();
    for typed in prefixes("hamstring bridge") {
        let hits = session.search(&index, typed, &Filters::default());
        let at = hits.iter().position(|h| h.index == plain);
        let at = at.unwrap_or_else(|| panic!("{typed:?} misses it"));
        let ahead_and_equal: Vec<&str> = (hits[..at].iter())
            .filter(|h| h.score == hits[at].score)
            .map(|h| store.exercises[h.index].name.as_str())
            .collect();
        assert!(
            ahead_and_equal
                .iter()
                .all(|name| name.chars().count() <= 16),
            "{typed:?}: {ahead_and_equal:?}"
        );
        if typed == "hamstring" {
            assert!(ahead_and_equal.is_empty(), "{ahead_and_equal:?}");
            session.rank_all(&index);
            let hits = session.hits();
            // Ordered by name alone, hundreds of its variants would come first.
            let variants_before_by_name = (hits.iter())
                .filter(|h| h.score == hits[at].score)
                .filter(|h| {
                    backchain::search::fold(&store.exercises[h.index].name).as_str()
                        < "hamstring bridge"
                })
                .count();
            assert!(variants_before_by_name > 100, "{variants_before_by_name}");
        }
    }
    assert_eq!(session.hits()[0].index, plain, "the whole name typed");
}

#[test]
fn a_large_store_ranks_only_its_settled_top_until_asked_for_more() {
    let store = big_store(10_000);
    let index = SearchIndex::new(&store);
    let filters = Filters::default();
    let mut session = SearchSession::new();
    // Nearly every exercise has an "h"; the first RANKED of them score all a letter can, in tie
    // order, so nothing after them can come first.
    let fresh = index.search("h", &filters);
    assert!(fresh.len() > 2 * RANKED, "{}", fresh.len());
    session.search(&index, "h", &filters);
    assert_eq!(session.hits(), &fresh[..RANKED]);
    assert_eq!(session.total(), fresh.len());
    session.rank_all(&index);
    assert_eq!(session.hits(), &fresh[..]);
    // Narrowing from a part-ranked search gives what a fresh search gives.
    session.search(&index, "ha", &filters);
    session.rank_all(&index);
    assert_eq!(session.hits(), &index.search("ha", &filters)[..]);
    // A spelling no name holds in one run ("hamstrng") reaches no word's full bound; the threshold
    // (the worst of the best so far) still leaves most matches unscored, and the top is the same.
    session.search(&index, "hamstrng", &filters);
    let fresh = index.search("hamstrng", &filters);
    assert_eq!(session.total(), fresh.len());
    assert!(
        session.hits().len() < fresh.len(),
        "{}",
        session.hits().len()
    );
    assert_eq!(session.hits(), &fresh[..session.hits().len()]);
}
