//! Meaning checks over a parsed store: ids, references, required content and limits.
//! Every problem is collected; nothing stops at the first.

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
    checker.ids();
    checker.articles();
    checker.topics();
    checker.claims();
    checker.chains();
    checker.exercises();
    checker.prerequisite_cycles();
    let before = checker.problems.len();
    checker.questionnaire();
    checker.questionnaire_texts();
    checker.red_flag_texts();
    if checker.problems.len() == before {
        checker.model();
    }
    checker.plan();
    super::check_words::search_words(checker.store, checker.problems);
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

impl Checker<'_> {
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

    /// Record ids: well formed, and unique within their kind.
    fn ids(&mut self) {
        let s = self.store;
        let kinds: [(&str, Vec<(FileId, &Text)>); 5] = [
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
            // Hashed a word at a time: a large store has an id per exercise.
            let mut first: WordMap<&str, (FileId, &Text)> = WordMap::default();
            for (file, id) in ids {
                if !is_record_id(id) {
                    self.at(
                        file,
                        id,
                        format!("{kind} id {id:?} must be lowercase letters, digits and '-' (e.g. \"hip-hinge\")"),
                    );
                }
                if let Some(&(first_file, first_id)) = first.get(id.as_str()) {
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
    }

    fn place(&self, file: FileId, text: &Text) -> String {
        match self.store.files.get(file) {
            Some(source) => {
                let (line, col) = source.line_col(text.span().start);
                format!("{}:{line}:{col}", source.display)
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

    /// The questionnaire's text fields, which the app shows one question at a time.
    fn questionnaire_texts(&mut self) {
        let q = &self.store.questionnaire;
        let Some(file) = q.file else { return };
        for s in &q.sections {
            self.texts(
                file,
                "section",
                &s.id,
                &[("title", &s.title), ("intro", &s.intro)],
            );
        }
        for question in &q.questions {
            let qid = &question.id;
            self.texts(
                file,
                "question",
                qid,
                &[
                    ("prompt", &question.prompt),
                    ("how_to_check", &question.how_to_check),
                    ("why", &question.why),
                ],
            );
            // Red-flag options have their own check.
            for option in question.options.iter().filter(|o| o.red_flag.is_none()) {
                let kind = format!("question {qid:?} option");
                self.not_empty(file, &kind, &option.id, "label", &option.label);
                self.optional(file, &kind, &option.id, "note", &option.note);
            }
        }
    }

    /// A red flag is the one thing the app must say clearly: its label and its message must not be blank
    /// (a blank label printed just "[EMERGENCY] ").
    fn red_flag_texts(&mut self) {
        let q = &self.store.questionnaire;
        let Some(file) = q.file else { return };
        for question in &q.questions {
            for option in question.options.iter().filter(|o| o.red_flag.is_some()) {
                let kind = format!("question {:?} red-flag option", question.id);
                self.not_empty(file, &kind, &option.id, "label", &option.label);
                self.optional(file, &kind, &option.id, "message", &option.message);
            }
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

    fn exercises(&mut self) {
        let mut id_counts: WordMap<&str, usize> = WordMap::default();
        for e in &self.store.exercises {
            *id_counts.entry(e.id.as_str()).or_default() += 1;
        }
        for e in &self.store.exercises {
            self.texts(
                e.file,
                "exercise",
                &e.id,
                &[("name", &e.name), ("summary", &e.summary)],
            );
            for (field, items) in [
                ("aliases", &e.aliases),
                ("muscles", &e.muscles),
                ("steps", &e.steps),
                ("cues", &e.cues),
                ("cautions", &e.cautions),
            ] {
                self.items(e.file, "exercise", &e.id, field, items);
            }
            if Self::whole_record_needed(e) {
                for (field, len, min) in [
                    ("muscles", e.muscles.len(), 1),
                    ("steps", e.steps.len(), 2),
                    ("regions", e.regions.len(), 1),
                    // `equipment = ["none"]` when it needs nothing.
                    ("equipment", e.equipment.len(), 1),
                ] {
                    self.at_least(e.file, "exercise", &e.id, field, len, min);
                }
            }
            self.routine_parts(e);
            self.source(e);
            // A repeated id is reported as a duplicate; its file name then says nothing new.
            let repeated = id_counts.get(e.id.as_str()).is_some_and(|&n| n > 1);
            if let Some(source) = self.store.files.get(e.file)
                && !repeated
                && FileRole::of(&source.relative) == Some(FileRole::Exercise)
            {
                let stem = source
                    .relative
                    .rsplit('/')
                    .next()
                    .and_then(|n| n.strip_suffix(".toml"))
                    .unwrap_or_default();
                if stem != e.id.as_str() {
                    self.at(
                        e.file,
                        &e.id,
                        format!("exercise id {:?} does not match its file name {stem:?}.toml; rename one of them", e.id),
                    );
                }
            }
            if e.cautions.is_empty() {
                self.at(
                    e.file,
                    &e.id,
                    format!("exercise {:?}: `cautions` is empty; every exercise needs at least one (e.g. stop if it hurts)", e.id),
                );
            }
            self.refs(e.file, "exercise", &e.id, "chains", "chain", &e.chains);
            self.refs(
                e.file,
                "exercise",
                &e.id,
                "articles",
                "article",
                &e.articles,
            );
            if let (Some(source), Some(figure)) = (self.store.files.get(e.file), &e.figure) {
                super::check_figure::figure(source, &e.id, figure, self.problems);
            }
            if let Some(provenance) = &e.provenance {
                self.provenance(e, provenance);
            }
            if let Some(ladder) = &e.ladder {
                self.ladder(e, ladder);
            }
            self.refs(
                e.file,
                "exercise",
                &e.id,
                "requires",
                "exercise",
                &e.requires,
            );
            let Some(d) = &e.dosage else { continue };
            if d.sets == 0 || d.sets > 20 {
                self.at(
                    e.file,
                    &e.id,
                    format!("exercise {:?}: dosage `sets` must be 1 to 20", e.id),
                );
            }
            if d.reps.is_none()
                && d.breaths.is_none()
                && d.seconds.is_none()
                && d.hold_seconds.is_none()
            {
                self.at(
                    e.file,
                    &e.id,
                    format!("exercise {:?}: [dosage] needs one of `reps`, `breaths`, `seconds` or `hold_seconds`", e.id),
                );
            }
        }
    }

    /// Whether an exercise must be whole (steps, regions, equipment, position, dose, ladder, provenance):
    /// every one that serves a chain, since a routine gives it, and every one of our own. Only an
    /// imported exercise (with `[source]`) that serves no chain may leave out what its source does not say.
    fn whole_record_needed(e: &Exercise) -> bool {
        e.serves_a_chain() || e.source.is_none()
    }

    /// The parts a routine needs, where [`Self::whole_record_needed`]; placed at the first chain the
    /// exercise serves (the reason they are needed), else at its id.
    fn routine_parts(&mut self, e: &Exercise) {
        if !Self::whole_record_needed(e) {
            return;
        }
        let (at, why) = match e.chains.first() {
            Some(chain) => (
                chain,
                format!("it serves chain {chain:?}, so a routine can give it"),
            ),
            None => (
                &e.id,
                String::from(
                    "only an imported exercise (one with [source]) that serves no chain may leave it out",
                ),
            ),
        };
        let missing = [
            ("position", "`position`", e.position.is_none()),
            ("dosage", "[dosage]", e.dosage.is_none()),
            ("ladder", "[ladder]", e.ladder.is_none()),
            ("provenance", "[provenance]", e.provenance.is_none()),
            ("figure", "[figure]", e.figure.is_none()),
        ];
        for (_, field, absent) in missing {
            if absent {
                self.at(
                    e.file,
                    at,
                    format!("exercise {:?}: {field} is missing; {why}", e.id),
                );
            }
        }
    }

    /// An imported exercise's `[source]` names its database, licence, address and id there; `[import]`
    /// keys are the source's field names.
    fn source(&mut self, e: &Exercise) {
        if let Some(source) = &e.source {
            self.texts(
                e.file,
                "exercise",
                &e.id,
                &[
                    ("source.name", &source.name),
                    ("source.licence", &source.licence),
                    ("source.url", &source.url),
                    ("source.id", &source.id),
                ],
            );
        }
        for (key, values) in &e.import {
            if !is_answer_id(key) {
                self.at(
                    e.file,
                    &e.id,
                    format!(
                        "exercise {:?}: [import] key {} must be lowercase letters, digits and '_'",
                        e.id,
                        crate::text::quote(key)
                    ),
                );
            }
            self.items(e.file, "exercise", &e.id, &format!("import.{key}"), values);
        }
        if !e.import.is_empty() && e.source.is_none() {
            self.at(
                e.file,
                &e.id,
                format!(
                    "exercise {:?}: [import] holds a source's values, but there is no [source] naming it",
                    e.id
                ),
            );
        }
    }

    /// Each part of an exercise says where it comes from, and the articles back what is said to be theirs.
    fn provenance(&mut self, e: &Exercise, p: &Provenance) {
        if e.articles.is_empty() {
            for (name, source) in p.parts() {
                if source.get_ref().from_article() {
                    let problem = self.store.files.get(e.file).map(|f| {
                        f.problem(
                            source.span(),
                            format!(
                                "exercise {:?}: [provenance] gives its {name} as {:?}, but `articles` is empty; name the article it comes from",
                                e.id,
                                source.get_ref().as_str()
                            ),
                        )
                    });
                    self.problems.extend(problem);
                }
            }
        } else if p.parts().iter().all(|(_, s)| !s.get_ref().from_article()) {
            self.at(
                e.file,
                &e.articles[0],
                format!(
                    "exercise {:?}: cites {} but [provenance] marks idea, steps and dose all as \"suggestion\"; say which part the article gives (\"article\" or \"reconstruction\")",
                    e.id,
                    e.articles
                        .iter()
                        .map(|a| format!("{a:?}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        if let Some(note) = &p.note {
            self.not_empty(e.file, "exercise", &e.id, "provenance.note", note);
        }
    }

    /// A ladder has a way down and a way up, says when to move, and links only exercises that exist.
    fn ladder(&mut self, e: &Exercise, l: &Ladder) {
        self.not_empty(e.file, "exercise", &e.id, "ladder.move_up", &l.move_up);
        self.not_empty(e.file, "exercise", &e.id, "ladder.move_down", &l.move_down);
        for (side, rungs) in [("easier", &l.easier), ("harder", &l.harder)] {
            if rungs.is_empty() {
                self.at(
                    e.file,
                    &e.id,
                    format!(
                        "exercise {:?}: [ladder] needs at least one [[ladder.{side}]] rung",
                        e.id
                    ),
                );
            }
            for (n, rung) in rungs.iter().enumerate() {
                let n = n + 1;
                for (field, value) in [("name", &rung.name), ("change", &rung.change)] {
                    if value.trim().is_empty() {
                        self.at(
                            e.file,
                            value,
                            format!(
                                "exercise {:?}: ladder {side} rung {n} has an empty `{field}`",
                                e.id
                            ),
                        );
                    }
                }
                let Some(link) = &rung.exercise else { continue };
                if link == &e.id {
                    self.at(
                        e.file,
                        link,
                        format!(
                            "exercise {:?}: ladder {side} rung {n} links the exercise itself",
                            e.id
                        ),
                    );
                } else if self.store.exercise(link).is_none()
                    && !self.unreadable.covers("exercise", link)
                {
                    self.at(
                        e.file,
                        link,
                        format!(
                            "exercise {:?}: ladder {side} rung {n} names exercise {link:?}, which does not exist",
                            e.id
                        ),
                    );
                }
            }
        }
    }

    /// `requires` must not loop back: each cycle is reported once, at the entry that closes it.
    fn prerequisite_cycles(&mut self) {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            Open,
            Done,
        }
        let s = self.store;
        if s.exercises.iter().all(|e| e.requires.is_empty()) {
            return;
        }
        let positions: HashMap<&str, usize> = s
            .exercises
            .iter()
            .enumerate()
            .rev()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        let index = |id: &str| positions.get(id).copied();
        let mut marks = vec![Mark::New; s.exercises.len()];
        let mut found: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        for start in 0..s.exercises.len() {
            if marks[start] != Mark::New {
                continue;
            }
            // Depth-first, with the path kept so a cycle can be named.
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            marks[start] = Mark::Open;
            while let Some(&mut (at, ref mut next)) = stack.last_mut() {
                let requires = &s.exercises[at].requires;
                if *next >= requires.len() {
                    marks[at] = Mark::Done;
                    stack.pop();
                    continue;
                }
                let edge = *next;
                *next += 1;
                let Some(to) = index(&requires[edge]) else {
                    continue;
                };
                match marks[to] {
                    Mark::New => {
                        marks[to] = Mark::Open;
                        stack.push((to, 0));
                    }
                    Mark::Open => {
                        let from = stack.iter().position(|&(i, _)| i == to).unwrap_or(0);
                        let path: Vec<usize> = stack[from..].iter().map(|&(i, _)| i).collect();
                        found.push((at, edge, path));
                    }
                    Mark::Done => {}
                }
            }
        }
        for (at, edge, path) in found {
            let e = &s.exercises[at];
            let mut names: Vec<&str> = path.iter().map(|&i| s.exercises[i].id.as_str()).collect();
            names.push(s.exercises[path[0]].id.as_str());
            self.at(
                e.file,
                &e.requires[edge],
                format!(
                    "exercise {:?}: `requires` makes a cycle: {}",
                    e.id,
                    names.join(" → ")
                ),
            );
        }
    }

    fn questionnaire(&mut self) {
        let q = &self.store.questionnaire;
        let Some(file) = q.file else { return };
        let mut section_ids = HashSet::new();
        for s in &q.sections {
            if !is_answer_id(&s.id) {
                self.at(
                    file,
                    &s.id,
                    format!(
                        "section id {:?} must be lowercase letters, digits and '_'",
                        s.id
                    ),
                );
            }
            if !section_ids.insert(s.id.as_str()) {
                self.at(file, &s.id, format!("duplicate section id {:?}", s.id));
            }
        }
        let mut seen: HashMap<&str, &super::Question> = HashMap::new();
        let mut any_red_flag = false;
        for (n, question) in q.questions.iter().enumerate() {
            let qid = &question.id;
            if !is_answer_id(qid) {
                self.at(
                    file,
                    qid,
                    format!("question id {qid:?} must be lowercase letters, digits and '_'"),
                );
            }
            if seen.contains_key(qid.as_str()) {
                self.at(file, qid, format!("duplicate question id {qid:?}"));
            }
            if q.section(&question.section).is_none() {
                self.at(
                    file,
                    &question.section,
                    format!(
                        "question {qid:?}: `section` names section {:?}, which does not exist",
                        question.section
                    ),
                );
            }
            self.refs(
                file,
                "question",
                qid,
                "articles",
                "article",
                &question.articles,
            );
            if question.options.len() < 2 {
                self.at(
                    file,
                    qid,
                    format!("question {qid:?} needs at least two [[question.option]] entries"),
                );
            }
            let red_flags = question.is_red_flag_screen();
            if red_flags {
                any_red_flag = true;
                if n != 0 {
                    self.at(
                        file,
                        qid,
                        format!(
                            "question {qid:?} screens for red flags and must be the first question"
                        ),
                    );
                }
            }
            let mut option_ids = HashSet::new();
            for option in &question.options {
                let oid = &option.id;
                if !is_answer_id(oid) {
                    self.at(file, oid, format!("question {qid:?}: option id {oid:?} must be lowercase letters, digits and '_'"));
                }
                if !option_ids.insert(oid.as_str()) {
                    self.at(
                        file,
                        oid,
                        format!("question {qid:?}: duplicate option id {oid:?}"),
                    );
                }
                if option.red_flag.is_some() && option.message.is_none() {
                    self.at(file, oid, format!("question {qid:?}: red-flag option {oid:?} needs a `message` saying what to do"));
                }
                if option.exclusive && question.kind != QuestionKind::Multi {
                    self.at(file, oid, format!("question {qid:?}: `exclusive` only applies to kind = \"multi\" questions"));
                }
                if option.red_flag.is_some()
                    && option.short.as_ref().is_none_or(|t| t.trim().is_empty())
                {
                    self.at(file, oid, format!("question {qid:?}: red-flag option {oid:?} needs a `short` name for the disclaimer (e.g. \"saddle numbness\")"));
                }
                if option.red_flag == Some(Urgency::Soon) && q.red_flag_care.soon.is_none() {
                    self.at(file, oid, format!("question {qid:?}: red-flag option {oid:?} is `soon`, so [red_flag_care] needs a `soon` message"));
                }
            }
            self.likelihoods(file, question);
            if let Some(cond) = &question.show_if {
                match seen.get(cond.question.as_str()) {
                    None => self.at(
                        file,
                        &cond.question,
                        format!(
                            "question {qid:?}: `show_if` names question {:?}, which is not asked before it",
                            cond.question
                        ),
                    ),
                    Some(earlier) => {
                        for want in &cond.any {
                            if earlier.option(want).is_none() {
                                self.at(
                                    file,
                                    want,
                                    format!("question {qid:?}: `show_if` names option {want:?}, which question {:?} does not have", cond.question),
                                );
                            }
                        }
                    }
                }
            }
            seen.insert(qid, question);
        }
        if any_red_flag
            && (q.red_flag_care.emergency.trim().is_empty()
                || q.red_flag_care.urgent.trim().is_empty())
        {
            self.problems.push(self.store.files[file].problem(
                0..0,
                "questionnaire: [red_flag_care] needs `emergency` and `urgent` messages",
            ));
        }
    }

    /// The evidence model of one question: every row sums to 1, no probability below the floor, the
    /// same options in every row, and a row for every chain and for "none".
    fn likelihoods(&mut self, file: FileId, question: &Question) {
        let qid = &question.id;
        if question.likelihoods.is_empty() {
            return;
        }
        if question.kind != QuestionKind::Single {
            self.at(
                file,
                qid,
                format!("question {qid:?}: only kind = \"single\" questions can have [[question.likelihood]] rows"),
            );
            return;
        }
        let mut described: HashMap<&str, &Text> = HashMap::new();
        // Options the question does not have are reported once, on their row, not again as a mismatch.
        let typo = question
            .likelihoods
            .iter()
            .any(|row| row.p.keys().any(|k| question.option(k).is_none()));
        let first_keys: Option<Vec<&str>> = (!typo).then(|| {
            question.likelihoods[0]
                .p
                .keys()
                .map(|k| k.as_str())
                .collect()
        });
        for row in &question.likelihoods {
            self.likelihood_row(file, question, row, first_keys.as_deref());
            for chain in &row.chains {
                if chain != NONE
                    && self.store.chain(chain).is_none()
                    && !self.unreadable.covers("chain", chain)
                {
                    self.at(
                        file,
                        chain,
                        format!("question {qid:?}: likelihood row names chain {chain:?}, which does not exist (use a chain id or \"none\")"),
                    );
                }
                if let Some(earlier) = described.insert(chain.as_str(), chain) {
                    let place = self.place(file, earlier);
                    self.at(
                        file,
                        chain,
                        format!("question {qid:?}: {chain:?} already has a likelihood row (at {place}); give each chain one row"),
                    );
                }
            }
        }
        let missing: Vec<String> = self
            .store
            .chains
            .iter()
            .map(|c| c.id.as_str())
            .chain([NONE])
            .filter(|h| !described.contains_key(h))
            .map(|h| format!("{h:?}"))
            .collect();
        if !missing.is_empty() {
            self.at(
                file,
                qid,
                format!(
                    "question {qid:?} has likelihood rows but no row for {}; every chain and \"none\" needs one",
                    missing.join(", ")
                ),
            );
        }
    }

    fn likelihood_row(
        &mut self,
        file: FileId,
        question: &Question,
        row: &Likelihood,
        keys: Option<&[&str]>,
    ) {
        let qid = &question.id;
        let who = row.chains.first().map_or_else(
            || String::from("a likelihood row"),
            |c| format!("the likelihood row for {c:?}"),
        );
        let Some(anchor) = row.chains.first().or(row.p.keys().next()) else {
            self.at(
                file,
                qid,
                format!("question {qid:?}: a likelihood row has no `chains` and no `p`"),
            );
            return;
        };
        if row.chains.is_empty() {
            self.at(
                file,
                anchor,
                format!("question {qid:?}: {who} lists no `chains`"),
            );
        }
        if row.note.trim().is_empty() {
            self.at(
                file,
                anchor,
                format!(
                    "question {qid:?}: {who} needs a `note` saying where its numbers come from"
                ),
            );
        }
        if row.p.len() < 2 {
            self.at(
                file,
                anchor,
                format!("question {qid:?}: {who} must give `p` for at least two options"),
            );
        }
        let mut sum = 0.0;
        for (option, &p) in &row.p {
            match question.option(option) {
                None => {
                    let known: Vec<&str> = question.options.iter().map(|o| o.id.as_str()).collect();
                    self.at(
                        file,
                        option,
                        format!("question {qid:?}: {who} gives a probability for option {option:?}, which the question does not have (it has: {})", known.join(", ")),
                    );
                }
                Some(o) if o.red_flag.is_some() || o.exclusive => self.at(
                    file,
                    option,
                    format!("question {qid:?}: {who}: option {option:?} is a red flag or exclusive and cannot carry evidence"),
                ),
                Some(_) => {}
            }
            if !p.is_finite() || !(MIN_LIKELIHOOD..=1.0).contains(&p) {
                self.at(
                    file,
                    option,
                    format!("question {qid:?}: {who}: p[{option:?}] = {p} must be between {MIN_LIKELIHOOD} and 1 (no answer may rule a story out for good)"),
                );
            }
            sum += if p.is_finite() { p } else { 0.0 };
        }
        if (sum - 1.0).abs() > SUM_TOLERANCE {
            self.at(
                file,
                anchor,
                format!(
                    "question {qid:?}: {who} sums to {sum:.4}; its probabilities must add up to 1"
                ),
            );
        }
        let own: Vec<&str> = row.p.keys().map(|k| k.as_str()).collect();
        if let Some(keys) = keys
            && own != keys
        {
            self.at(
                file,
                anchor,
                format!(
                    "question {qid:?}: {who} covers options [{}] but the first row covers [{}]; every row must cover the same options",
                    own.join(", "),
                    keys.join(", ")
                ),
            );
        }
    }

    /// What the model as a whole must do: an answer that contradicts a story's premise keeps it from
    /// first place whatever else is answered, and every chain can come first for someone.
    fn model(&mut self) {
        let q = &self.store.questionnaire;
        let Some(file) = q.file else { return };
        if !q.questions.iter().any(|x| !x.likelihoods.is_empty()) {
            return;
        }
        let chains = self.store.chains.len();
        let none_prior = match &q.model {
            Some(m) if !(m.none_prior.is_finite() && m.none_prior > 0.0 && m.none_prior < 1.0) => {
                self.at(
                    file,
                    &m.note,
                    format!(
                        "[model] none_prior = {} must be between 0 and 1",
                        m.none_prior
                    ),
                );
                return;
            }
            Some(m) => m.none_prior,
            None => super::questionnaire::DEFAULT_NONE_PRIOR,
        };
        let prior_odds = (1.0 - none_prior) / chains.max(1) as f64 / none_prior;
        for question in &q.questions {
            for row in &question.likelihoods {
                for option in &row.contradicts {
                    if !row.p.contains_key(option.as_str()) {
                        self.at(
                            file,
                            option,
                            format!("question {:?}: `contradicts` names {option:?}, which this row gives no probability", question.id),
                        );
                        continue;
                    }
                    for chain in row.chains.iter().filter(|c| *c != NONE) {
                        let penalty = evidence::ratio(question, chain, option);
                        let (budget, _) = evidence::best_case(q, chain, Some(&question.id));
                        let odds = prior_odds * penalty * budget;
                        if odds >= 1.0 {
                            self.at(
                                file,
                                option,
                                format!(
                                    "question {:?}: {option:?} contradicts {chain:?}, but the story can still come first with it (its prior and other answers can lift its odds against \"none\" up to ×{:.1}); lower p[{option:?}] below {:.4} or soften its other rows",
                                    question.id,
                                    prior_odds * budget,
                                    likelihood_bound(question, chain, option, odds)
                                ),
                            );
                        }
                    }
                }
            }
        }
        for chain in &self.store.chains {
            let (_, picks) = evidence::best_case(q, &chain.id, None);
            let score = |h: &str, prior: f64| {
                picks.iter().fold(prior.ln(), |acc, (qid, oid)| {
                    let l = q
                        .question(qid)
                        .and_then(|question| evidence::likelihood(question, h, oid));
                    acc + l.map_or(0.0, f64::ln)
                })
            };
            let chain_prior = (1.0 - none_prior) / chains.max(1) as f64;
            let own = score(&chain.id, chain_prior);
            let ahead = self
                .store
                .chains
                .iter()
                .map(|c| (c.id.as_str(), score(&c.id, chain_prior)))
                .chain([(NONE, score(NONE, none_prior))])
                .filter(|(id, s)| *id != chain.id.as_str() && *s >= own)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            if let Some((other, _)) = ahead {
                self.at(
                    chain.file,
                    &chain.id,
                    format!(
                        "chain {:?} can never come first: even the answers that fit it best leave {other:?} ahead; give the questionnaire's likelihood rows an answer that tells it apart",
                        chain.id
                    ),
                );
            }
        }
    }
}

impl Checker<'_> {
    /// The plan's numbers in a sane range, and its texts present.
    fn plan(&mut self) {
        let Some(plan) = &self.store.plan else { return };
        let Some(file) = plan.file else { return };
        let id = Text::new("plan");
        self.texts(
            file,
            "plan",
            &id,
            &[
                ("note", &plan.note),
                ("move_on", &plan.move_on),
                ("see_clinician", &plan.see_clinician),
                ("progression.note", &plan.progression.note),
            ],
        );
        let problem = |span: std::ops::Range<usize>, message: String| {
            self.store.files.get(file).map(|f| f.problem(span, message))
        };
        let mut found = Vec::new();
        for (field, value, max) in [
            ("sessions_per_week", &plan.sessions_per_week, 14),
            ("weeks", &plan.weeks, 52),
            ("retest_weeks", &plan.retest_weeks, 52),
            (
                "progression.up_after_too_easy",
                &plan.progression.up_after_too_easy,
                10,
            ),
            (
                "progression.down_after_too_hard",
                &plan.progression.down_after_too_hard,
                10,
            ),
            (
                "progression.drop_after_hurt",
                &plan.progression.drop_after_hurt,
                10,
            ),
        ] {
            let n = *value.get_ref();
            if n == 0 || n > max {
                found.extend(problem(
                    value.span(),
                    format!("plan: `{field}` = {n} must be 1 to {max}"),
                ));
            }
        }
        if plan.retest_weeks.get_ref() > plan.weeks.get_ref() {
            found.extend(problem(
                plan.retest_weeks.span(),
                format!(
                    "plan: `retest_weeks` ({}) is longer than `weeks` ({}); re-check at least once within the plan",
                    plan.retest_weeks.get_ref(),
                    plan.weeks.get_ref()
                ),
            ));
        }
        self.problems.extend(found);
    }
}

/// The largest probability `option` could have for `chain` so that the premise holds.
fn likelihood_bound(question: &Question, chain: &str, option: &str, odds: f64) -> f64 {
    evidence::likelihood(question, chain, option).unwrap_or(1.0) / odds
}
