//! Checks of each exercise: required parts, sources, provenance, ladders, and prerequisites that loop.

use super::*;

impl Checker<'_> {
    /// `repeated`: the ids [`Checker::ids`] found defined more than once.
    pub(super) fn exercises(&mut self, repeated: &Repeated<'_>) {
        // Each exercise is checked on its own (the references it makes are looked up in the store, not
        // changed), so a large store's are checked on every core; problems are sorted once all are in.
        let found = crate::par::map(&self.store.exercises, |e| {
            let mut problems = Vec::new();
            let mut checker = Checker {
                store: self.store,
                unreadable: self.unreadable,
                problems: &mut problems,
            };
            checker.exercise(e, repeated);
            problems
        });
        self.problems.extend(found.into_iter().flatten());
    }

    /// The checks of one exercise.
    fn exercise(&mut self, e: &Exercise, repeated: &Repeated<'_>) {
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
        let repeated = repeated.contains(&("exercise", e.id.as_str()));
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
        if let (Some(source), Some(figure)) = (self.store.files.get(e.file), e.figure.as_ref()) {
            super::figure::figure(source, &e.id, figure, self.problems);
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
        let Some(d) = &e.dosage else { return };
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
    pub(super) fn prerequisite_cycles(&mut self) {
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
}
