//! Meaning checks over a parsed store: ids, references, required content and limits.
//! Every problem is collected; nothing stops at the first. Each part of the store has its own file:
//! exercises, the questionnaire, the plan, the search words and the figures; this one holds ids,
//! references, articles, topics, claims and chains.

mod exercises;
pub(super) mod figure;
mod plan;
mod questionnaire;
mod words;

use super::evidence;
use super::load::Unreadable;
use super::model::*;
use super::questionnaire::{
    Likelihood, MIN_LIKELIHOOD, NONE, Question, QuestionKind, SUM_TOLERANCE, Urgency,
};
use super::source::Problem;
use super::{FileRole, Store};
use crate::text::Text;
use crate::text::intern::WordMap;
use std::collections::{HashMap, HashSet};

/// Longest `short` label for articles and chains (narrow table columns).
pub const MAX_SHORT: usize = 24;
/// Longest chain step label (drawn inside a box).
pub const MAX_STEP_LABEL: usize = 28;

pub fn check(store: &Store, unreadable: &Unreadable, problems: &mut Vec<Problem>) {
    let mut checker = Checker {
        store,
        unreadable,
        problems,
    };
    let repeated = checker.ids();
    checker.articles();
    checker.topics();
    checker.claims();
    checker.chains();
    checker.exercises(&repeated);
    checker.prerequisite_cycles();
    let before = checker.problems.len();
    checker.questionnaire();
    checker.questionnaire_texts();
    checker.red_flag_texts();
    if checker.problems.len() == before {
        checker.model();
    }
    checker.plan();
    words::search_words(checker.store, checker.problems);
    checker.store_shape();
}

struct Checker<'a> {
    store: &'a Store,
    unreadable: &'a Unreadable,
    problems: &'a mut Vec<Problem>,
}

/// `ribs-and-breathing`: lowercase ASCII letters and digits joined by `-`.
fn is_record_id(id: &str) -> bool {
    is_id_with(id, '-')
}

/// `low_back_shape`: lowercase ASCII letters and digits joined by `_`.
fn is_answer_id(id: &str) -> bool {
    is_id_with(id, '_')
}

fn is_id_with(id: &str, joiner: char) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with(joiner)
        && !id.ends_with(joiner)
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == joiner)
}

/// Ids defined more than once, with their kind: `("exercise", "bird-dog")`.
type Repeated<'a> = HashSet<(&'static str, &'a str)>;

impl<'a> Checker<'a> {
    fn at(&mut self, file: FileId, text: &Text, message: String) {
        let problem = match self.store.files.get(file) {
            Some(source) => source.problem(text.span(), message),
            None => Problem {
                path: String::from("<unknown file>"),
                line: 1,
                col: 1,
                message,
            },
        };
        self.problems.push(problem);
    }

    /// Record ids: well formed, and unique within their kind. Gives the ids defined more than once.
    fn ids(&mut self) -> Repeated<'a> {
        let mut repeated = Repeated::new();
        let s = self.store;
        let kinds: [(&'static str, Vec<(FileId, &'a Text)>); 5] = [
            (
                "article",
                s.articles.iter().map(|r| (r.file, &r.id)).collect(),
            ),
            ("topic", s.topics.iter().map(|r| (r.file, &r.id)).collect()),
            ("claim", s.claims.iter().map(|r| (r.file, &r.id)).collect()),
            ("chain", s.chains.iter().map(|r| (r.file, &r.id)).collect()),
            (
                "exercise",
                s.exercises.iter().map(|r| (r.file, &r.id)).collect(),
            ),
        ];
        for (kind, ids) in kinds {
            // Hashed a word at a time, room made at once: a large store has an id per exercise.
            let mut first: WordMap<&str, (FileId, &Text)> =
                WordMap::with_capacity_and_hasher(ids.len(), Default::default());
            for (file, id) in ids {
                if !is_record_id(id) {
                    self.at(
                        file,
                        id,
                        format!("{kind} id {id:?} must be lowercase letters, digits and '-' (e.g. \"hip-hinge\")"),
                    );
                }
                if let Some(&(first_file, first_id)) = first.get(id.as_str()) {
                    repeated.insert((kind, id.as_str()));
                    let place = self.place(first_file, first_id);
                    self.at(
                        file,
                        id,
                        format!("duplicate {kind} id {id:?}; first defined at {place}"),
                    );
                } else {
                    first.insert(id, (file, id));
                }
            }
        }
        repeated
    }

    fn place(&self, file: FileId, text: &Text) -> String {
        match self.store.files.get(file) {
            Some(source) => {
                let (line, col) = source.line_col(text.span().start);
                format!("{}:{line}:{col}", source.display())
            }
            None => String::from("<unknown file>"),
        }
    }

    fn short(
        &mut self,
        file: FileId,
        kind: &str,
        id: &Text,
        field: &str,
        value: &Text,
        max: usize,
    ) {
        let len = value.chars().count();
        if len > max {
            self.at(
                file,
                value,
                format!("{kind} {id:?}: `{field}` is {len} characters; keep it to {max} or fewer"),
            );
        }
    }

    fn not_empty(&mut self, file: FileId, kind: &str, id: &Text, field: &str, value: &Text) {
        if value.trim().is_empty() {
            self.at(file, value, format!("{kind} {id:?}: `{field}` is empty"));
        }
    }

    /// Text fields the app shows: every one must say something.
    fn texts(&mut self, file: FileId, kind: &str, id: &Text, fields: &[(&str, &Text)]) {
        for (field, value) in fields {
            self.not_empty(file, kind, id, field, value);
        }
    }

    /// An optional text field: absent is fine, present must not be blank.
    fn optional(&mut self, file: FileId, kind: &str, id: &Text, field: &str, value: &Option<Text>) {
        if let Some(value) = value {
            self.not_empty(file, kind, id, field, value);
        }
    }

    /// A list the app shows, which says nothing with fewer than `min` entries.
    fn at_least(
        &mut self,
        file: FileId,
        kind: &str,
        id: &Text,
        field: &str,
        len: usize,
        min: usize,
    ) {
        if len < min {
            let wanted = match min {
                1 => String::from("at least one"),
                n => format!("at least {n}"),
            };
            self.at(
                file,
                id,
                format!("{kind} {id:?}: `{field}` has {len}; it needs {wanted}"),
            );
        }
    }

    /// A list of text shown item by item: none of its items may be blank.
    fn items(&mut self, file: FileId, kind: &str, id: &Text, field: &str, items: &[Text]) {
        for (n, item) in items.iter().enumerate() {
            if item.trim().is_empty() {
                self.at(
                    file,
                    item,
                    format!("{kind} {id:?}: `{field}` item {} is empty", n + 1),
                );
            }
        }
    }

    /// Where a problem with the store as a whole is placed: the path of the file or folder that is
    /// missing, below the store's folder.
    fn store_problem(&mut self, name: &str, message: String) {
        let path = match &self.store.root {
            Some(root) => crate::text::path(&root.join(name)),
            None => name.to_owned(),
        };
        self.problems.push(Problem {
            path,
            line: 1,
            col: 1,
            message,
        });
    }

    /// What the app needs to run at all: questions to ask, chains to rank, exercises for a routine.
    /// (Chains cite claims, which name articles and topics, so those follow.) Nothing is said about a
    /// part whose file could not be read: that problem is already reported.
    fn store_shape(&mut self) {
        let s = self.store;
        let file_of = |role: FileRole| {
            s.files
                .iter()
                .position(|f| FileRole::of(&f.relative) == Some(role))
        };
        match (
            s.questionnaire.file,
            self.unreadable.covers_any("questionnaire"),
        ) {
            (None, false) => self.store_problem(
                "questionnaire.toml",
                String::from(
                    "questionnaire.toml is missing; the app needs its [[question]] entries",
                ),
            ),
            (Some(file), _) if s.questionnaire.questions.is_empty() => {
                self.problems.push(s.files[file].problem(
                    0..0,
                    "questionnaire has no [[question]] entries; the app needs at least one",
                ))
            }
            _ => {}
        }
        if s.chains.is_empty() && !self.unreadable.covers_any("chain") {
            match file_of(FileRole::Chains) {
                Some(file) => self.problems.push(s.files[file].problem(
                    0..0,
                    "chains.toml has no [[chain]] entries; results need at least one",
                )),
                None => self.store_problem(
                    "chains.toml",
                    String::from("chains.toml is missing; results need at least one [[chain]]"),
                ),
            }
        }
        if s.exercises.is_empty() && !self.unreadable.covers_any("exercise") {
            self.store_problem(
                "exercises",
                String::from("no exercises; a routine needs at least one exercises/<id>.toml file"),
            );
        }
    }

    fn refs(
        &mut self,
        file: FileId,
        kind: &str,
        id: &Text,
        field: &str,
        target: &str,
        refs: &[Text],
    ) {
        for r in refs {
            let exists = match target {
                "article" => self.store.article(r).is_some(),
                "chain" => self.store.chain(r).is_some(),
                "claim" => self.store.claim(r).is_some(),
                "topic" => self.store.topic(r).is_some(),
                "exercise" => self.store.exercise(r).is_some(),
                _ => true,
            };
            if !exists && !self.unreadable.covers(target, r) {
                self.at(
                    file,
                    r,
                    format!("{kind} {id:?}: `{field}` names {target} {r:?}, which does not exist"),
                );
            }
        }
    }

    fn articles(&mut self) {
        for a in &self.store.articles {
            self.texts(
                a.file,
                "article",
                &a.id,
                &[
                    ("number", &a.number),
                    ("title", &a.title),
                    ("short", &a.short),
                    ("source", &a.source),
                    ("thesis", &a.thesis),
                    ("evidence_note", &a.evidence_note),
                ],
            );
            self.optional(
                a.file,
                "article",
                &a.id,
                "self_disclosure",
                &a.self_disclosure,
            );
            self.at_least(a.file, "article", &a.id, "chains", a.chains.len(), 1);
            self.short(a.file, "article", &a.id, "short", &a.short, MAX_SHORT);
            self.refs(a.file, "article", &a.id, "chains", "chain", &a.chains);
        }
    }

    fn topics(&mut self) {
        for t in &self.store.topics {
            self.texts(
                t.file,
                "topic",
                &t.id,
                &[("question", &t.question), ("summary", &t.summary)],
            );
            for stance in &t.stances {
                let kind = format!("topic {:?} stance", t.id);
                self.texts(
                    t.file,
                    &kind,
                    &stance.id,
                    &[("label", &stance.label), ("meaning", &stance.meaning)],
                );
            }
            if t.stances.len() < 2 {
                self.at(
                    t.file,
                    &t.id,
                    format!(
                        "topic {:?} needs at least two [[topic.stance]] entries to compare",
                        t.id
                    ),
                );
            }
            let mut seen = HashSet::new();
            for stance in &t.stances {
                if !is_record_id(&stance.id) {
                    self.at(
                        t.file,
                        &stance.id,
                        format!(
                            "topic {:?}: stance id {:?} must be lowercase letters, digits and '-'",
                            t.id, stance.id
                        ),
                    );
                }
                if !seen.insert(stance.id.as_str()) {
                    self.at(
                        t.file,
                        &stance.id,
                        format!("topic {:?}: duplicate stance id {:?}", t.id, stance.id),
                    );
                }
            }
        }
    }

    fn claims(&mut self) {
        for c in &self.store.claims {
            self.not_empty(c.file, "claim", &c.id, "statement", &c.statement);
            self.not_empty(c.file, "claim", &c.id, "location", &c.location);
            self.optional(c.file, "claim", &c.id, "note", &c.note);
            self.refs(
                c.file,
                "claim",
                &c.id,
                "article",
                "article",
                std::slice::from_ref(&c.article),
            );
            match self.store.topic(&c.topic) {
                None if self.unreadable.covers("topic", &c.topic) => {}
                None => self.at(
                    c.file,
                    &c.topic,
                    format!(
                        "claim {:?}: `topic` names topic {:?}, which does not exist",
                        c.id, c.topic
                    ),
                ),
                Some(topic) if topic.stance(&c.stance).is_none() => {
                    let known: Vec<&str> = topic.stances.iter().map(|s| s.id.as_str()).collect();
                    self.at(
                        c.file,
                        &c.stance,
                        format!(
                            "claim {:?}: topic {:?} has no stance {:?} (it has: {})",
                            c.id,
                            c.topic,
                            c.stance,
                            known.join(", ")
                        ),
                    );
                }
                Some(_) => {}
            }
        }
    }

    fn chains(&mut self) {
        for ch in &self.store.chains {
            self.short(ch.file, "chain", &ch.id, "short", &ch.short, MAX_SHORT);
            self.texts(
                ch.file,
                "chain",
                &ch.id,
                &[
                    ("title", &ch.title),
                    ("short", &ch.short),
                    ("summary", &ch.summary),
                    ("who", &ch.who),
                    ("way_out.first", &ch.way_out.first),
                    ("way_out.next", &ch.way_out.next),
                ],
            );
            self.optional(ch.file, "chain", &ch.id, "way_out.avoid", &ch.way_out.avoid);
            self.at_least(ch.file, "chain", &ch.id, "articles", ch.articles.len(), 1);
            self.refs(
                ch.file,
                "chain",
                &ch.id,
                "counterpoints",
                "claim",
                &ch.counterpoints,
            );
            for id in &ch.counterpoints {
                if let Some(claim) = self.store.claim(id)
                    && ch.articles.iter().any(|a| *a == claim.article.as_str())
                {
                    self.at(
                        ch.file,
                        id,
                        format!(
                            "chain {:?}: counterpoint {id:?} comes from {:?}, one of the chain's own articles; a counterpoint must come from another article",
                            ch.id, claim.article
                        ),
                    );
                }
            }
            self.refs(
                ch.file,
                "chain",
                &ch.id,
                "articles",
                "article",
                &ch.articles,
            );
            if ch.steps.len() < 2 {
                self.at(
                    ch.file,
                    &ch.id,
                    format!("chain {:?} needs at least two [[chain.step]] entries (cause → … → symptom)", ch.id),
                );
            }
            for (n, step) in ch.steps.iter().enumerate() {
                let n = n + 1;
                self.texts(
                    ch.file,
                    "chain",
                    &ch.id,
                    &[
                        (&format!("step {n} label"), &step.label),
                        (&format!("step {n} detail"), &step.detail),
                    ],
                );
                self.short(
                    ch.file,
                    "chain",
                    &ch.id,
                    &format!("step {n} label"),
                    &step.label,
                    MAX_STEP_LABEL,
                );
                if step.claims.is_empty() {
                    self.at(
                        ch.file,
                        &step.label,
                        format!(
                            "chain {:?} step {n} ({:?}) cites no claims; list the claim ids that support it in `claims`",
                            ch.id, step.label
                        ),
                    );
                }
                self.refs(
                    ch.file,
                    "chain",
                    &ch.id,
                    &format!("step {n} claims"),
                    "claim",
                    &step.claims,
                );
            }
        }
    }
}
