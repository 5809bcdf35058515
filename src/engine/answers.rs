//! A person's answers: `question_id = "option_id"` (a list for multiple choice), read from and written to TOML.

use crate::content::{Problem, QuestionKind, Questionnaire, SourceFile};
use std::collections::BTreeMap;
use toml::de::{DeTable, DeValue};

/// Reserved key recording which answers format wrote a file; question ids never contain `-`.
pub const FORMAT_KEY: &str = "backchain-answers";
/// The answers format this build writes and reads.
pub const FORMAT_VERSION: i64 = 1;

/// The options picked for one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    One(String),
    Many(Vec<String>),
}

impl Answer {
    pub fn options(&self) -> &[String] {
        match self {
            Answer::One(one) => std::slice::from_ref(one),
            Answer::Many(many) => many,
        }
    }
}

/// Answers by question id. Answers to questions that are currently hidden are kept, not dropped:
/// changing an earlier answer back shows them again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    by_question: BTreeMap<String, Answer>,
}

impl Answers {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, question: &str) -> Option<&Answer> {
        self.by_question.get(question)
    }

    /// The options chosen for a question; empty when unanswered.
    pub fn chosen(&self, question: &str) -> &[String] {
        self.get(question).map_or(&[], Answer::options)
    }

    pub fn is_answered(&self, question: &str) -> bool {
        !self.chosen(question).is_empty()
    }

    pub fn len(&self) -> usize {
        self.by_question.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_question.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Answer)> {
        self.by_question.iter().map(|(q, a)| (q.as_str(), a))
    }

    /// Sets a single-choice answer.
    pub fn set(&mut self, question: &str, option: &str) {
        self.by_question
            .insert(question.to_owned(), Answer::One(option.to_owned()));
    }

    /// Sets a multiple-choice answer as given.
    pub fn set_many(&mut self, question: &str, options: Vec<String>) {
        if options.is_empty() {
            self.clear(question);
        } else {
            self.by_question
                .insert(question.to_owned(), Answer::Many(options));
        }
    }

    /// Picks or unpicks one option of a multiple-choice question. Picking an exclusive option ("none")
    /// clears the others; picking another option clears the exclusive ones.
    pub fn toggle(&mut self, questionnaire: &Questionnaire, question: &str, option: &str) {
        let Some(q) = questionnaire.question(question) else {
            return;
        };
        let exclusive = |id: &str| q.option(id).is_some_and(|o| o.exclusive);
        let mut chosen: Vec<String> = self.chosen(question).to_vec();
        if let Some(at) = chosen.iter().position(|c| c == option) {
            chosen.remove(at);
        } else if exclusive(option) {
            chosen = vec![option.to_owned()];
        } else {
            chosen.retain(|c| !exclusive(c));
            chosen.push(option.to_owned());
        }
        // Keep the questionnaire's order so saved files read naturally.
        chosen.sort_by_key(|c| q.options.iter().position(|o| o.id == c.as_str()));
        self.set_many(question, chosen);
    }

    pub fn clear(&mut self, question: &str) {
        self.by_question.remove(question);
    }

    pub fn clear_all(&mut self) {
        self.by_question.clear();
    }

    /// Reads an answers file, checking every id against the questionnaire. Reports every problem, each
    /// with the line it stands on.
    pub fn parse(
        file: &SourceFile,
        questionnaire: &Questionnaire,
    ) -> Result<Answers, Vec<Problem>> {
        let (answers, problems) = Answers::read(file, questionnaire);
        if problems.is_empty() {
            Ok(answers)
        } else {
            Err(problems)
        }
    }

    /// Every answer in the file that fits the questionnaire, and a problem for each one that does not.
    /// A file that is not TOML, or was written by a newer backchain, gives no answers at all.
    pub fn read(file: &SourceFile, questionnaire: &Questionnaire) -> (Answers, Vec<Problem>) {
        let (document, errors) = DeTable::parse_recoverable(&file.text);
        if !errors.is_empty() {
            let problems = errors
                .iter()
                .map(|e| crate::content::syntax_problem(file, e))
                .collect();
            return (Answers::new(), problems);
        }
        let document = document.into_inner();
        if let Some(problem) = format_problem(file, &document) {
            return (Answers::new(), vec![problem]);
        }
        let known: Vec<&str> = questionnaire
            .questions
            .iter()
            .map(|q| q.id.as_str())
            .collect();
        let known = known.join(", ");
        let mut problems = Vec::new();
        let mut answers = Answers::new();
        for (key, value) in document {
            let id = crate::text::clean(key.get_ref());
            let span = value.span();
            if id == FORMAT_KEY {
                continue;
            }
            let quoted = crate::text::quote(&id);
            let Some(question) = questionnaire.question(&id) else {
                problems.push(file.problem(
                    key.span(),
                    format!("unknown question id {quoted}; questions are: {known}"),
                ));
                continue;
            };
            let picked: Vec<(String, std::ops::Range<usize>)> = match value.get_ref() {
                DeValue::String(s) => vec![(crate::text::clean(s), span.clone())],
                DeValue::Array(items) => items
                    .iter()
                    .filter_map(|item| match item.get_ref() {
                        DeValue::String(s) => Some((crate::text::clean(s), item.span())),
                        _ => {
                            problems.push(file.problem(
                                item.span(),
                                format!("question {quoted}: each answer in the list must be an option id in quotes"),
                            ));
                            None
                        }
                    })
                    .collect(),
                _ => {
                    problems.push(file.problem(
                        span.clone(),
                        format!("question {quoted}: the answer must be an option id in quotes, or a list of them"),
                    ));
                    continue;
                }
            };
            let before = problems.len();
            let mut seen = std::collections::HashSet::new();
            for (option, at) in &picked {
                let option_quoted = crate::text::quote(option);
                if question.option(option).is_none() {
                    let options: Vec<&str> =
                        question.options.iter().map(|o| o.id.as_str()).collect();
                    problems.push(file.problem(
                        at.clone(),
                        format!(
                            "question {quoted} has no option {option_quoted}; its options are: {}",
                            options.join(", ")
                        ),
                    ));
                } else if !seen.insert(option.as_str()) {
                    problems.push(file.problem(
                        at.clone(),
                        format!("question {quoted}: option {option_quoted} is listed twice"),
                    ));
                }
            }
            if problems.len() > before {
                continue;
            }
            let options: Vec<String> = picked.into_iter().map(|(o, _)| o).collect();
            match question.kind {
                QuestionKind::Single if options.len() == 1 => answers.set(&id, &options[0]),
                QuestionKind::Single => problems.push(file.problem(
                    span,
                    format!("question {quoted} takes one answer, not {}", options.len()),
                )),
                QuestionKind::Multi => {
                    let exclusive = options
                        .iter()
                        .find(|o| question.option(o).is_some_and(|opt| opt.exclusive));
                    match exclusive {
                        Some(only) if options.len() > 1 => problems.push(file.problem(
                            span,
                            format!(
                                "question {quoted}: {} cannot be combined with other answers",
                                crate::text::quote(only)
                            ),
                        )),
                        _ => answers.set_many(&id, options),
                    }
                }
            }
        }
        (answers, problems)
    }

    /// The answers as a TOML answers file, in questionnaire order, readable by [`Answers::parse`] and
    /// by `backchain quiz --answers`.
    pub fn to_toml(&self, questionnaire: &Questionnaire) -> String {
        let mut out = format!(
            "# backchain answers: question_id = \"option_id\"\n{FORMAT_KEY} = {FORMAT_VERSION}\n"
        );
        let ordered = questionnaire
            .questions
            .iter()
            .filter_map(|q| self.get(&q.id).map(|a| (q.id.as_str(), a)));
        for (question, answer) in ordered {
            let quoted = |s: &str| toml_string(s);
            match answer {
                Answer::One(one) => out.push_str(&format!("{question} = {}\n", quoted(one))),
                Answer::Many(many) => {
                    let items: Vec<String> = many.iter().map(|m| quoted(m)).collect();
                    out.push_str(&format!("{question} = [{}]\n", items.join(", ")));
                }
            }
        }
        out
    }
}

/// The `backchain-answers` format key, when it says the file is from a newer backchain or is not a
/// whole number.
fn format_problem(file: &SourceFile, document: &DeTable<'_>) -> Option<Problem> {
    let value = document.get(FORMAT_KEY)?;
    let span = value.span();
    match value
        .get_ref()
        .as_integer()
        .and_then(|i| i.as_str().parse::<i64>().ok())
    {
        Some(v) if v <= FORMAT_VERSION => None,
        Some(v) => Some(file.problem(
            span,
            format!(
                "these answers were saved by a newer backchain (format {v}; this one reads {FORMAT_VERSION}); update backchain to read them"
            ),
        )),
        None => Some(file.problem(
            span,
            format!("`{FORMAT_KEY}` must be a whole number"),
        )),
    }
}

/// A TOML basic string with everything outside printable ASCII escaped.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c if (c as u32) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}
