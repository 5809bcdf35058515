//! Turning the files of a store into records, collecting every syntax and shape problem on the way.

use super::model::{Article, Chain, Claim, Exercise, FileId, Topic};
use super::plan::Plan;
use super::questionnaire::Questionnaire;
use super::source::{Problem, SourceFile};
use super::words::SearchWords;
use serde::de::{DeserializeOwned, IntoDeserializer};
use std::collections::HashSet;
use toml::de::{DeTable, DeValue};

/// Records that exist in the files but could not be read. References to them are not reported as
/// missing: the problem that made them unreadable already is.
#[derive(Debug, Default)]
pub struct Unreadable {
    /// `kind:id` of single records that failed.
    ids: HashSet<String>,
    /// Kinds with a whole file that failed, so any id of that kind may be among the lost records.
    kinds: HashSet<&'static str>,
}

impl Unreadable {
    pub fn record(&mut self, kind: &'static str, id: Option<String>) {
        match id {
            Some(id) => {
                self.ids.insert(format!("{kind}:{id}"));
            }
            None => {
                self.kinds.insert(kind);
            }
        }
    }

    pub fn file(&mut self, kind: &'static str) {
        self.kinds.insert(kind);
    }

    /// May a record of this kind and id have been lost?
    pub fn covers(&self, kind: &str, id: &str) -> bool {
        self.kinds.contains(kind)
            || (!self.ids.is_empty() && self.ids.contains(&format!("{kind}:{id}")))
    }

    /// May some record of this kind have been lost (so an empty list of them is no news)?
    pub fn covers_any(&self, kind: &str) -> bool {
        let prefix = format!("{kind}:");
        self.kinds.contains(kind) || self.ids.iter().any(|id| id.starts_with(&prefix))
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty() && self.kinds.is_empty()
    }

    pub fn merge(&mut self, other: Unreadable) {
        self.ids.extend(other.ids);
        self.kinds.extend(other.kinds);
    }
}

/// A record that remembers which file it came from.
pub trait Record: DeserializeOwned {
    /// What the record is called in messages: "article", "exercise" …
    const KIND: &'static str;
    fn set_file(&mut self, file: FileId);
}

macro_rules! record {
    ($ty:ty, $kind:literal) => {
        impl Record for $ty {
            const KIND: &'static str = $kind;
            fn set_file(&mut self, file: FileId) {
                self.file = file;
            }
        }
    };
}

record!(Article, "article");
record!(Topic, "topic");
record!(Claim, "claim");
record!(Chain, "chain");
record!(Exercise, "exercise");

/// What a file holds, decided by where it sits in the store.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileRole {
    Articles,
    Topics,
    Claims,
    Chains,
    Exercise,
    Questionnaire,
    Plan,
    SearchWords,
}

pub const LAYOUT_HINT: &str = "expected articles.toml, topics.toml, chains.toml, questionnaire.toml, \
plan.toml, claims/<article>.toml or exercises/<id>.toml";

impl FileRole {
    /// The kind of record the file holds, as named in messages.
    pub fn kind(self) -> &'static str {
        match self {
            FileRole::Articles => "article",
            FileRole::Topics => "topic",
            FileRole::Claims => "claim",
            FileRole::Chains => "chain",
            FileRole::Exercise => "exercise",
            FileRole::Questionnaire => "questionnaire",
            FileRole::Plan => "plan",
            FileRole::SearchWords => "search words",
        }
    }

    pub fn of(relative: &str) -> Option<FileRole> {
        let in_folder = |folder: &str| {
            relative
                .strip_prefix(folder)
                .and_then(|rest| rest.strip_prefix('/'))
                .is_some_and(|name| !name.contains('/'))
        };
        match relative {
            "articles.toml" => Some(FileRole::Articles),
            "topics.toml" => Some(FileRole::Topics),
            "chains.toml" => Some(FileRole::Chains),
            "questionnaire.toml" => Some(FileRole::Questionnaire),
            "plan.toml" => Some(FileRole::Plan),
            "search.toml" => Some(FileRole::SearchWords),
            _ if in_folder("claims") => Some(FileRole::Claims),
            _ if in_folder("exercises") => Some(FileRole::Exercise),
            _ => None,
        }
    }
}

/// Parses a whole file, reporting every syntax error it holds.
/// With `tree`, the document is also encoded for the store cache (`None` inside when it cannot be).
fn parse_document<'a>(
    file: &'a SourceFile,
    problems: &mut Vec<Problem>,
    tree: Option<&mut Option<Vec<u8>>>,
) -> Option<toml::Spanned<DeTable<'a>>> {
    let (table, errors) = DeTable::parse_recoverable(file.contents());
    if errors.is_empty() {
        if let Some(tree) = tree {
            *tree = super::cache::encode(&table);
        }
        return Some(table);
    }
    problems.extend(errors.iter().map(|error| syntax_problem(file, error)));
    None
}

/// A TOML syntax error as a problem at its place in the file.
pub fn syntax_problem(file: &SourceFile, error: &toml::de::Error) -> Problem {
    match error.span() {
        Some(span) => file.problem(span, error.message()),
        None => file.problem(
            first_line_failing(file.contents(), error.message()),
            format!(
                "{}: keys, tables or lists are nested too deep",
                error.message()
            ),
        ),
    }
}

/// Where an error the parser gave without a place (the nesting limit) stands: the start of the first line
/// such that the text up to and including it gives that error. Found by bisection, so a few parses.
fn first_line_failing(text: &str, message: &str) -> std::ops::Range<usize> {
    let fails = |end: usize| {
        let (_, errors) = DeTable::parse_recoverable(&text[..end]);
        errors
            .iter()
            .any(|e| e.span().is_none() && e.message() == message)
    };
    let ends: Vec<usize> = text
        .match_indices('\n')
        .map(|(at, _)| at + 1)
        .chain(std::iter::once(text.len()))
        .collect();
    // The smallest prefix (in whole lines) that fails; the whole text does.
    let at = ends.partition_point(|&end| !fails(end));
    let line_end = ends.get(at).copied().unwrap_or(text.len());
    let line_start = at.checked_sub(1).map_or(0, |before| ends[before]);
    let indent = text[line_start..line_end].len() - text[line_start..line_end].trim_start().len();
    let start = (line_start + indent).min(line_end);
    start..start
}

/// The `id` of a record table, if it has a string one: used to name the record in messages.
fn id_of(value: &DeValue<'_>) -> Option<String> {
    value
        .get("id")
        .and_then(|id| id.get_ref().as_str())
        .map(crate::text::clean)
}

fn deserialize_problem(
    file: &SourceFile,
    kind: &str,
    id: Option<String>,
    fallback: std::ops::Range<usize>,
    error: &toml::de::Error,
) -> Problem {
    let named = match id {
        Some(id) => format!("{kind} {}: {}", crate::text::quote(&id), error.message()),
        None => format!("{kind}: {}", error.message()),
    };
    file.problem(error.span().unwrap_or(fallback), named)
}

/// Records of an array-of-tables file (`[[article]]` …). Each record is read on its own, so one bad record
/// does not hide the problems of the next.
pub fn records<T: Record>(
    file: &SourceFile,
    file_id: FileId,
    key: &str,
    problems: &mut Vec<Problem>,
    unreadable: &mut Unreadable,
    tree: Option<&mut Option<Vec<u8>>>,
) -> Vec<T> {
    let Some(document) = parse_document(file, problems, tree) else {
        unreadable.file(T::KIND);
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, value) in document.into_inner() {
        if name.get_ref() != key {
            problems.push(file.problem(
                name.span(),
                format!(
                    "unknown table {}; this file holds [[{key}]] tables",
                    crate::text::quote(&crate::text::clean(name.get_ref()))
                ),
            ));
            unreadable.file(T::KIND);
            continue;
        }
        let span = value.span();
        let DeValue::Array(items) = value.into_inner() else {
            problems.push(file.problem(
                span,
                format!("`{key}` must be a list of tables written as [[{key}]]"),
            ));
            unreadable.file(T::KIND);
            continue;
        };
        for item in items {
            let item_span = item.span();
            if !item.get_ref().is_table() {
                problems.push(file.problem(item_span, format!("each `{key}` must be a table")));
                unreadable.file(T::KIND);
                continue;
            }
            let id = id_of(item.get_ref());
            match T::deserialize(item.into_deserializer()) {
                Ok(mut record) => {
                    record.set_file(file_id);
                    out.push(record);
                }
                Err(error) => {
                    problems.push(deserialize_problem(
                        file,
                        T::KIND,
                        id.clone(),
                        item_span,
                        &error,
                    ));
                    unreadable.record(T::KIND, id);
                }
            }
        }
    }
    out
}

impl Record for SearchWords {
    const KIND: &'static str = "search words";
    fn set_file(&mut self, file: FileId) {
        self.file = Some(file);
    }
}

impl Record for Plan {
    const KIND: &'static str = "plan";
    fn set_file(&mut self, file: FileId) {
        self.file = Some(file);
    }
}

impl Record for Questionnaire {
    const KIND: &'static str = "questionnaire";
    fn set_file(&mut self, file: FileId) {
        self.file = Some(file);
    }
}

/// A file that is one record as a whole (an exercise, the questionnaire), tagged with its file.
pub fn whole_record<T: Record>(
    file: &SourceFile,
    file_id: FileId,
    problems: &mut Vec<Problem>,
    unreadable: &mut Unreadable,
    tree: Option<&mut Option<Vec<u8>>>,
) -> Option<T> {
    whole_record_with(file, file_id, (problems, unreadable), tree, |_| None)
}

/// [`whole_record`], trying `direct` on the parsed document first: a record it makes is taken as it is;
/// when it gives `None`, serde reads the document and words any fault.
fn whole_record_with<T: Record>(
    file: &SourceFile,
    file_id: FileId,
    (problems, unreadable): (&mut Vec<Problem>, &mut Unreadable),
    tree: Option<&mut Option<Vec<u8>>>,
    direct: impl FnOnce(&toml::Spanned<DeTable<'_>>) -> Option<T>,
) -> Option<T> {
    let Some(document) = parse_document(file, problems, tree) else {
        unreadable.file(T::KIND);
        return None;
    };
    let mut record = match direct(&document) {
        Some(record) => record,
        None => {
            let span = document.span();
            let id = document
                .get_ref()
                .get("id")
                .and_then(|v| v.get_ref().as_str())
                .map(crate::text::clean);
            match T::deserialize(document.into_deserializer()) {
                Ok(record) => record,
                Err(error) => {
                    problems.push(deserialize_problem(
                        file,
                        T::KIND,
                        id.clone(),
                        span.start..span.start,
                        &error,
                    ));
                    unreadable.record(T::KIND, id);
                    return None;
                }
            }
        }
    };
    record.set_file(file_id);
    Some(record)
}

/// The records one file holds.
pub enum Records {
    Articles(Vec<Article>),
    Topics(Vec<Topic>),
    Claims(Vec<Claim>),
    Chains(Vec<Chain>),
    Exercise(Option<Box<Exercise>>),
    Questionnaire(Option<Box<Questionnaire>>),
    Plan(Option<Box<Plan>>),
    SearchWords(Option<Box<SearchWords>>),
}

/// What parsing one file gave: its records, its problems, and what it could not read.
pub struct Parsed {
    pub records: Records,
    pub problems: Vec<Problem>,
    pub unreadable: Unreadable,
    /// What the store cache keeps of the file (an exercise's record, any other file's tree), when asked
    /// for and the file has no problem.
    pub tree: Option<Vec<u8>>,
}

/// Parses one file by the role its place in the store gives it; with `encode`, also encodes it for the
/// store cache.
pub fn parse_file(file: &SourceFile, file_id: FileId, encode: bool) -> Parsed {
    let mut problems = Vec::new();
    let mut unreadable = Unreadable::default();
    let mut tree = None;
    let (p, u) = (&mut problems, &mut unreadable);
    let t = encode.then_some(&mut tree);
    let records = match FileRole::of(&file.relative) {
        Some(FileRole::Articles) => Records::Articles(records(file, file_id, "article", p, u, t)),
        Some(FileRole::Topics) => Records::Topics(records(file, file_id, "topic", p, u, t)),
        Some(FileRole::Claims) => Records::Claims(records(file, file_id, "claim", p, u, t)),
        Some(FileRole::Chains) => Records::Chains(records(file, file_id, "chain", p, u, t)),
        Some(FileRole::Exercise) => {
            // Cached as the record itself, not its tree (see `cache::exercise`).
            let exercise: Option<Exercise> =
                whole_record_with(file, file_id, (p, u), None, super::exercise_toml::exercise);
            if encode && let Some(exercise) = &exercise {
                tree = Some(super::cache::exercise::encode(exercise));
            }
            Records::Exercise(exercise.map(Box::new))
        }
        Some(FileRole::Questionnaire) => {
            Records::Questionnaire(whole_record(file, file_id, p, u, t).map(Box::new))
        }
        Some(FileRole::Plan) => Records::Plan(whole_record(file, file_id, p, u, t).map(Box::new)),
        Some(FileRole::SearchWords) => {
            Records::SearchWords(whole_record(file, file_id, p, u, t).map(Box::new))
        }
        None => {
            p.push(file.problem(
                0..0,
                format!(
                    "unexpected file {}; {LAYOUT_HINT}",
                    crate::text::quote(&file.relative)
                ),
            ));
            Records::Exercise(None)
        }
    };
    // A file with a problem is parsed every time, so its problems are found the way they always are.
    if !problems.is_empty() || !unreadable.is_empty() {
        tree = None;
    }
    Parsed {
        records,
        problems,
        unreadable,
        tree,
    }
}

/// A file's records from what the cache keeps of it (an exercise's record, any other file's tree), as
/// [`parse_file`] gives them for a file without problems;
/// `None` when it does not read back (the file is then parsed from its text).
pub fn parse_cached(file: &SourceFile, file_id: FileId, tree: &[u8]) -> Option<Parsed> {
    use super::cache::Document;
    fn tagged<T: Record>(mut records: Vec<T>, file_id: FileId) -> Vec<T> {
        records.iter_mut().for_each(|r| r.set_file(file_id));
        records
    }
    fn one<T: Record>(record: Option<T>, file_id: FileId) -> Option<Box<T>> {
        let mut record = record?;
        record.set_file(file_id);
        Some(Box::new(record))
    }
    let document = Document::new(tree);
    let records = match FileRole::of(&file.relative)? {
        FileRole::Articles => Records::Articles(tagged(document.records("article").ok()?, file_id)),
        FileRole::Topics => Records::Topics(tagged(document.records("topic").ok()?, file_id)),
        FileRole::Claims => Records::Claims(tagged(document.records("claim").ok()?, file_id)),
        FileRole::Chains => Records::Chains(tagged(document.records("chain").ok()?, file_id)),
        // An exercise is cached as its record, not its tree (see `cache::exercise`).
        FileRole::Exercise => {
            Records::Exercise(Some(one(super::cache::exercise::decode(tree), file_id)?))
        }
        FileRole::Questionnaire => {
            Records::Questionnaire(Some(one(document.whole().ok(), file_id)?))
        }
        FileRole::Plan => Records::Plan(Some(one(document.whole().ok(), file_id)?)),
        FileRole::SearchWords => Records::SearchWords(Some(one(document.whole().ok(), file_id)?)),
    };
    Some(Parsed {
        records,
        problems: Vec::new(),
        unreadable: Unreadable::default(),
        tree: None,
    })
}
