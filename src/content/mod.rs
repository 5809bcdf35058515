//! The content store: every record backchain shows, loaded from the built-in store or a folder, and checked.

pub mod cache;
mod check;
pub mod evidence;
pub mod exercise_toml;
mod layers;
mod lazy_figure;
mod load;
pub mod model;
pub mod plan;
mod progress;
pub mod questionnaire;
mod source;
pub mod synthetic;
mod verdict;
pub mod words;

pub use check::figure::figure as check_figure;
pub use layers::Layers;
pub use lazy_figure::LazyFigure;
use load::Unreadable;
pub use load::{FileRole, LAYOUT_HINT, syntax_problem};
pub use model::*;
pub use plan::{Plan, Progression};
pub use progress::{LoadCounts, LoadPhase, LoadProgress};
pub use questionnaire::*;
pub use source::{EMBEDDED_NAME, Origin, Problem, ReadError, SourceFile};
pub use source::{MAX_DEPTH, MAX_MESSAGE, MAX_PROBLEMS_PER_FILE, cap_per_file};
pub use words::{Alike, SearchWords, Synonym};

use std::path::PathBuf;

/// Everything read from one store, indexed by id.
#[derive(Clone, Debug, Default)]
pub struct Store {
    pub files: Vec<SourceFile>,
    pub articles: Vec<Article>,
    pub topics: Vec<Topic>,
    pub claims: Vec<Claim>,
    pub chains: Vec<Chain>,
    pub exercises: Vec<Exercise>,
    pub questionnaire: Questionnaire,
    /// How often and how long to do a routine; `None` when the store has no `plan.toml`.
    pub plan: Option<Plan>,
    /// Words people type for what the exercises call otherwise (`search.toml`, optional).
    pub search_words: Option<SearchWords>,
    /// The folder the files were read from (`content` for the built-in store); `None` for files made in
    /// code. Problems with the store as a whole (a missing file) are placed at a path below it.
    pub root: Option<PathBuf>,
    /// The layers read, lowest first, as messages name them (`built-in content`, a folder); one for a
    /// store read on its own. [`SourceFile::layer`] indexes this list.
    pub layers: Vec<String>,
    /// Records a later layer replaced, each at the record that replaced it: not problems, but worth
    /// saying (`check` prints them).
    pub notes: Vec<Problem>,
    /// Why the store cache could not be written, when it could not (the store is read all the same).
    pub cache_note: Option<String>,
    /// The checker's problems are the ones it found when this very store was last read (every file
    /// unchanged, see `verdict.rs`), not found again.
    pub verdict_kept: bool,
    index: Index,
}

/// Position of each record by id; the first record wins when ids repeat (the checker reports the rest).
#[derive(Clone, Debug, Default)]
struct Index {
    articles: IdIndex,
    topics: IdIndex,
    claims: IdIndex,
    chains: IdIndex,
    exercises: IdIndex,
}

/// Where each id's first record is. Keyed by the records' own (shared) ids, hashed a word at a time: a
/// large store has 100,000 exercise ids to index each time it loads.
type IdIndex = crate::text::intern::WordMap<crate::text::Text, usize>;

fn index_of<'a>(ids: impl ExactSizeIterator<Item = &'a crate::text::Text>) -> IdIndex {
    let mut map = IdIndex::with_capacity_and_hasher(ids.len(), Default::default());
    for (i, id) in ids.enumerate() {
        map.entry(id.clone()).or_insert(i);
    }
    map
}

/// Counts of each kind of record, as `check` prints them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub articles: usize,
    pub topics: usize,
    pub claims: usize,
    pub chains: usize,
    pub exercises: usize,
    pub questions: usize,
}

impl Store {
    /// Reads, parses and checks a store. `Err` only when the folder itself cannot be read; problems in
    /// the content come back alongside whatever could be read.
    pub fn load(origin: &Origin) -> Result<(Store, Vec<Problem>), ReadError> {
        Store::load_layers(&Layers::one(origin.clone()))
    }

    /// Reads every layer, lowest first, and checks the store they make together: a record in a later
    /// layer replaces the one with its id below (a note, in [`Store::notes`]), so a layer may hold only
    /// what it adds or changes. `Err` when a layer's folder cannot be read.
    pub fn load_layers(layers: &Layers) -> Result<(Store, Vec<Problem>), ReadError> {
        Store::load_layers_watched(layers, &LoadProgress::new())
    }

    /// [`Store::load_layers`], counting files found, read and parsed and each phase in `progress` as it
    /// goes, for another thread to show.
    pub fn load_layers_watched(
        layers: &Layers,
        progress: &LoadProgress,
    ) -> Result<(Store, Vec<Problem>), ReadError> {
        let cache_dir = crate::paths::cache_dir();
        Store::load_layers_with(layers, (cache_dir.as_deref(), cache::MIN_FILES), progress)
    }

    /// [`Store::load_layers`] with the store cache of folder layers in `cache_dir` (`None`: no cache),
    /// whatever their size.
    pub fn load_layers_cached(
        layers: &Layers,
        cache_dir: Option<&std::path::Path>,
    ) -> Result<(Store, Vec<Problem>), ReadError> {
        Store::load_layers_with(layers, (cache_dir, 0), &LoadProgress::new())
    }

    /// Reads every layer (through the cache in `cache_dir`, if any, for a folder of at least
    /// `min_files` files), counting in `progress` as it goes.
    fn load_layers_with(
        layers: &Layers,
        (cache_dir, min_files): (Option<&std::path::Path>, usize),
        progress: &LoadProgress,
    ) -> Result<(Store, Vec<Problem>), ReadError> {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        let mut unreadable = Unreadable::default();
        let mut caches = Vec::new();
        // Before any file is stamped: a file is cached only if it was changed well before this.
        let read_at = std::time::SystemTime::now();
        for (layer, origin) in layers.origins().iter().enumerate() {
            let opened = std::sync::OnceLock::new();
            let open = || match (origin, cache_dir) {
                (Origin::Dir(dir), Some(cache_dir)) => {
                    Some(opened.get_or_init(|| cache::LayerCache::open(cache_dir, dir)))
                }
                _ => None,
            };
            // The cache's index is read on another thread while the walk lists the folders (each tens
            // of milliseconds at 100k files); the first file looked up waits for it.
            let read = std::thread::scope(|scope| {
                if matches!((origin, cache_dir), (Origin::Dir(_), Some(_))) {
                    scope.spawn(open);
                }
                source::read_files_with(origin, &open, progress)
            })?;
            let mut cache = opened.into_inner();
            if let Some(cache) = &mut cache {
                cache.let_go_of_index();
            }
            // A small folder loads as fast without a cache: none is kept for it (and one it had while it
            // was larger is deleted).
            if read.files.len() + read.failed.len() < min_files
                && let Some(unused) = cache.take()
            {
                unused.delete();
            }
            caches.push(cache);
            for failed in read.failed {
                if let Some(kind) = failed.kind {
                    unreadable.file(kind);
                }
                problems.push(failed.problem);
            }
            let mut read = read.files;
            read.iter_mut().for_each(|file| file.layer = layer);
            // The first layer's list is taken as it is: a 100k store's files are not moved again.
            if files.is_empty() {
                files = read;
            } else {
                files.append(&mut read);
            }
        }
        let root = match layers.top() {
            Origin::Embedded => PathBuf::from("content"),
            Origin::Dir(dir) => dir.clone(),
        };
        let names = layers.origins().iter().map(ToString::to_string).collect();
        progress.set_phase(LoadPhase::Parsing);
        let store = Store::parse(
            files,
            Some(root),
            names,
            &mut problems,
            &mut unreadable,
            progress,
            (&caches, read_at),
        );
        Ok((store, problems))
    }

    /// Parses already-read files and checks the result, adding every problem found to `problems`.
    pub fn from_files(files: Vec<SourceFile>, problems: &mut Vec<Problem>) -> Store {
        let names = vec![String::from("files made in code")];
        let progress = LoadProgress::new();
        let no_cache = (&[][..], std::time::SystemTime::now());
        Store::parse(
            files,
            None,
            names,
            problems,
            &mut Unreadable::default(),
            &progress,
            no_cache,
        )
    }

    /// With the store cache of each layer (`None` for the built-in store and files made in code), and
    /// when the files were read: a cache that changed is written while the store is checked.
    fn parse(
        mut files: Vec<SourceFile>,
        root: Option<PathBuf>,
        layers: Vec<String>,
        problems: &mut Vec<Problem>,
        unreadable: &mut Unreadable,
        progress: &LoadProgress,
        (caches, read_at): (&[Option<cache::LayerCache>], std::time::SystemTime),
    ) -> Store {
        // Files are independent until the checker looks across them: parse them on every core, each
        // from its cached tree when the cache holds it, and let go of its text once parsed.
        // Each thread shares the strings its files repeat (muscles, ids, cautions …).
        // Room in each thread's pool for a few strings per file, so a large store's pools are not grown
        // (and rehashed) by doubling from nothing.
        let share = files.len().div_ceil(crate::par::workers());
        let pool = || crate::text::intern::Pool::with_capacity(share * 2);
        let parsed = crate::par::map_mut_with(&mut files, pool, |file_id, file| {
            let cache = caches.get(file.layer).and_then(Option::as_ref);
            if let (Some(cache), Some(entry)) = (cache, file.cached.clone())
                && let Some(parsed) =
                    cache.with_tree(&entry, |tree| load::parse_cached(file, file_id, tree))
            {
                file.release();
                progress.parsed_one();
                return (parsed, cache::Payload::Cached(entry));
            }
            file.cached = None;
            let mut parsed = load::parse_file(file, file_id, cache.is_some());
            file.release();
            // Into the new cache file at once, rather than held until every file is parsed.
            let tree = match (cache, parsed.tree.take()) {
                (Some(cache), Some(tree)) => {
                    let stamp = file.disk.as_ref().and_then(|(_, stamp)| *stamp);
                    cache.keep_new(&tree, stamp, read_at)
                }
                _ => cache::Payload::None,
            };
            progress.parsed_one();
            (parsed, tree)
        });
        let mut store = Store::default();
        let mut notes = Vec::new();
        // A questionnaire or plan from a later layer replaces the one below it whole.
        let mut replaces = |before: Option<FileId>, now: FileId| {
            let (Some(old), Some(new)) = (before.and_then(|b| files.get(b)), files.get(now)) else {
                return;
            };
            if old.layer < new.layer {
                let layer = layers
                    .get(old.layer)
                    .map_or("a lower layer", String::as_str);
                notes.push(new.problem(
                    0..0,
                    format!(
                        "note: {} replaces the one in {layer} ({})",
                        new.relative,
                        old.display()
                    ),
                ));
            }
        };
        // One exercise per file: room for all of them at once, not grown by doubling (a large store's
        // records are most of its memory).
        let exercises = (parsed.iter())
            .filter(|(p, _)| matches!(p.records, load::Records::Exercise(Some(_))))
            .count();
        store.exercises.reserve_exact(exercises);
        // Taken apart one by one, so the parsed files are not copied whole into two new lists.
        let mut trees = Vec::with_capacity(parsed.len());
        for (file_id, (file, tree)) in parsed.into_iter().enumerate() {
            trees.push(tree);
            problems.extend(file.problems);
            unreadable.merge(file.unreadable);
            match &file.records {
                load::Records::Questionnaire(Some(_)) => {
                    replaces(store.questionnaire.file, file_id)
                }
                load::Records::Plan(Some(_)) => {
                    replaces(store.plan.as_ref().and_then(|p| p.file), file_id);
                }
                load::Records::SearchWords(Some(_)) => {
                    replaces(store.search_words.as_ref().and_then(|w| w.file), file_id);
                }
                _ => {}
            }
            match file.records {
                load::Records::Articles(r) => store.articles.extend(r),
                load::Records::Topics(r) => store.topics.extend(r),
                load::Records::Claims(r) => store.claims.extend(r),
                load::Records::Chains(r) => store.chains.extend(r),
                load::Records::Exercise(r) => store.exercises.extend(r.map(|e| *e)),
                load::Records::Questionnaire(Some(q)) => store.questionnaire = *q,
                load::Records::Questionnaire(None) => {}
                load::Records::Plan(p) => store.plan = p.map(|p| *p),
                load::Records::SearchWords(w) => store.search_words = w.map(|w| *w),
            }
        }
        store.files = files;
        store.root = root;
        layers::overlay(&mut store, &layers, &mut notes);
        notes.sort();
        store.layers = layers;
        store.notes = notes;
        store.reindex();
        progress.set_phase(LoadPhase::Checking);
        // The checker runs on one core: the cache is written on another meanwhile.
        let write_caches = |store: &Store| {
            let mut note = None;
            for (layer, cache) in caches.iter().enumerate() {
                let Some(cache) = cache else { continue };
                let entries: Vec<_> = (store.files.iter().zip(&trees))
                    .filter(|(file, _)| file.layer == layer)
                    .filter_map(|(file, tree)| {
                        let (_, stamp) = file.disk.as_ref()?;
                        Some((file.relative.as_str(), *stamp, tree))
                    })
                    .collect();
                if let Err(e) = cache.update(&entries) {
                    note = Some(e);
                }
            }
            note
        };
        // A store read just as before (every file unchanged) has the problems the checker found then.
        let verdict = (problems.is_empty() && unreadable.is_empty())
            .then(|| caches.iter().flatten().last())
            .flatten()
            .and_then(|cache| {
                verdict::Verdict::for_store(cache.place(), &store.layers, &store.files, read_at)
            });
        let kept = verdict.as_ref().and_then(verdict::Verdict::kept);
        let verdict_kept = kept.is_some();
        let cache_note = std::thread::scope(|scope| {
            let writer = scope.spawn(|| write_caches(&store));
            match kept {
                Some(kept) => problems.extend(kept),
                None => {
                    check::check(&store, unreadable, problems);
                    if let Some(verdict) = &verdict {
                        // Not kept is only slower next time.
                        let _ = verdict.keep(problems);
                    }
                }
            }
            writer
                .join()
                .unwrap_or_else(|_| Some(String::from("note: the store cache was not written")))
        });
        store.cache_note = cache_note;
        store.verdict_kept = verdict_kept;
        problems.sort();
        problems.dedup();
        store
    }

    /// Rebuilds the id indexes after the record lists change.
    pub fn reindex(&mut self) {
        self.index = Index {
            articles: index_of(self.articles.iter().map(|r| &r.id)),
            topics: index_of(self.topics.iter().map(|r| &r.id)),
            claims: index_of(self.claims.iter().map(|r| &r.id)),
            chains: index_of(self.chains.iter().map(|r| &r.id)),
            exercises: index_of(self.exercises.iter().map(|r| &r.id)),
        };
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.index.articles.get(id).map(|&i| &self.articles[i])
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.index.topics.get(id).map(|&i| &self.topics[i])
    }

    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.index.claims.get(id).map(|&i| &self.claims[i])
    }

    pub fn chain(&self, id: &str) -> Option<&Chain> {
        self.index.chains.get(id).map(|&i| &self.chains[i])
    }

    pub fn exercise(&self, id: &str) -> Option<&Exercise> {
        self.index.exercises.get(id).map(|&i| &self.exercises[i])
    }

    pub fn counts(&self) -> Counts {
        Counts {
            articles: self.articles.len(),
            topics: self.topics.len(),
            claims: self.claims.len(),
            chains: self.chains.len(),
            exercises: self.exercises.len(),
            questions: self.questionnaire.questions.len(),
        }
    }

    /// The layer a record's file was read from (0 for the lowest).
    pub fn layer_of(&self, file: FileId) -> usize {
        self.files.get(file).map_or(0, |f| f.layer)
    }

    /// Counts of the records each layer gave, lowest layer first (one entry per layer read).
    pub fn counts_by_layer(&self) -> Vec<Counts> {
        let mut counts = vec![Counts::default(); self.layers.len().max(1)];
        let mut add = |file: FileId, field: fn(&mut Counts) -> &mut usize| {
            let layer = self.layer_of(file).min(counts.len() - 1);
            *field(&mut counts[layer]) += 1;
        };
        self.articles
            .iter()
            .for_each(|r| add(r.file, |c| &mut c.articles));
        self.topics
            .iter()
            .for_each(|r| add(r.file, |c| &mut c.topics));
        self.claims
            .iter()
            .for_each(|r| add(r.file, |c| &mut c.claims));
        self.chains
            .iter()
            .for_each(|r| add(r.file, |c| &mut c.chains));
        self.exercises
            .iter()
            .for_each(|r| add(r.file, |c| &mut c.exercises));
        if let Some(file) = self.questionnaire.file {
            let layer = self.layer_of(file).min(counts.len() - 1);
            counts[layer].questions = self.questionnaire.questions.len();
        }
        counts
    }

    /// Every record with its kind, id and file: what `check --format json` lists with each one's layer.
    pub fn records(&self) -> Vec<(&'static str, &str, FileId)> {
        let mut out = Vec::new();
        out.extend(
            self.articles
                .iter()
                .map(|r| ("article", r.id.as_str(), r.file)),
        );
        out.extend(self.topics.iter().map(|r| ("topic", r.id.as_str(), r.file)));
        out.extend(self.claims.iter().map(|r| ("claim", r.id.as_str(), r.file)));
        out.extend(self.chains.iter().map(|r| ("chain", r.id.as_str(), r.file)));
        out.extend(
            self.exercises
                .iter()
                .map(|r| ("exercise", r.id.as_str(), r.file)),
        );
        out
    }

    /// Claims made by one article, in file order.
    pub fn claims_of<'a>(&'a self, article: &'a str) -> impl Iterator<Item = &'a Claim> + 'a {
        self.claims.iter().filter(move |c| c.article == article)
    }

    /// Chains whose steps cite a claim.
    pub fn chains_citing<'a>(&'a self, claim: &'a str) -> impl Iterator<Item = &'a Chain> + 'a {
        self.chains
            .iter()
            .filter(move |ch| ch.steps.iter().any(|s| s.claims.iter().any(|c| c == claim)))
    }

    /// "001, 003": the numbers of these articles, in the order given (ids not in the store as they are).
    pub fn article_numbers(&self, ids: &[crate::text::Text]) -> String {
        ids.iter()
            .map(|id| self.article(id).map_or(id.as_str(), |a| a.number.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// "idea: 001 · steps: reconstructed from 001 · dose: our suggestion" for an exercise.
    /// An imported exercise names its source and licence instead, or as well.
    pub fn provenance_line(&self, exercise: &Exercise) -> String {
        let parts = exercise
            .provenance
            .as_ref()
            .map(|p| p.describe(&self.article_numbers(&exercise.articles)));
        let source = exercise
            .source
            .as_ref()
            .map(|s| format!("imported from {}", s.describe()));
        match (parts, source) {
            (Some(parts), Some(source)) => format!("{parts} · {source}"),
            (Some(line), None) | (None, Some(line)) => line,
            (None, None) => String::from("not stated"),
        }
    }

    /// Exercises whose ladder has a rung that is this exercise, in store order.
    pub fn ladders_linking<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Exercise> + 'a {
        self.exercises.iter().filter(move |e| {
            e.ladder.as_ref().is_some_and(|ladder| {
                (ladder.easier.iter())
                    .chain(&ladder.harder)
                    .any(|r| r.exercise.as_deref() == Some(id))
            })
        })
    }

    /// Exercises that serve a chain, in store order.
    pub fn exercises_for<'a>(&'a self, chain: &'a str) -> impl Iterator<Item = &'a Exercise> + 'a {
        self.exercises
            .iter()
            .filter(move |e| e.chains.iter().any(|c| c == chain))
    }
}

/// Loads the built-in store, which the test suite keeps free of problems.
pub fn embedded() -> Store {
    match Store::load(&Origin::Embedded) {
        Ok((store, _)) => store,
        Err(_) => Store::default(),
    }
}
