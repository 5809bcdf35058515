//! Checks of the questionnaire: ids, options, red flags, likelihoods and what the model as a whole must do.

use super::*;

impl Checker<'_> {
    /// The questionnaire's text fields, which the app shows one question at a time.
    pub(super) fn questionnaire_texts(&mut self) {
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
    pub(super) fn red_flag_texts(&mut self) {
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

    pub(super) fn questionnaire(&mut self) {
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
    pub(super) fn model(&mut self) {
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
            None => crate::content::questionnaire::DEFAULT_NONE_PRIOR,
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
/// The largest probability `option` could have for `chain` so that the premise holds.
fn likelihood_bound(question: &Question, chain: &str, option: &str, odds: f64) -> f64 {
    evidence::likelihood(question, chain, option).unwrap_or(1.0) / odds
}
