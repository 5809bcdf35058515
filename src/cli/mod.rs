//! The command line: flags in one place, one function per command, one exit-code convention
//! (0 ok, 1 content or answers with problems, 2 usage or I/O error; a closed pipe is not an error).

mod check;
mod compare;
pub mod config;
mod generate;
mod history;
mod import;
mod journal;
mod model;
pub mod output;
mod progress;
mod quiz;
mod search;
mod session;
mod show;

use crate::config::ThemeName;
use crate::content::{Equipment, Layers, Phase, Problem, Region, Store};
use crate::paths;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub use output::{Exit, emit, emit_err};
pub use quiz::render_markdown;

/// Under `--help`. The full disclaimer, with every red flag, is built from the questionnaire and printed
/// with every result.
const AFTER_HELP: &str = "backchain is not medical advice. It summarises five public articles and cannot \
examine you. Its first question asks about the signs that need a clinician rather than exercises; it \
gives no routine until that question is answered, and none if any of them apply.";

#[derive(Debug, Parser)]
#[command(
    name = "backchain",
    version,
    about = "Which causal chain explains your tight hamstrings and lower back pain, why, and what to do.",
    after_help = AFTER_HELP
)]
pub struct Cli {
    /// Layer this content folder over the built-in store (and over the config file's content_dirs); its
    /// records replace those with the same id. Repeat it for more layers, later ones winning [env:
    /// BACKCHAIN_CONTENT, used when no --content is given; empty means none].
    #[arg(long, global = true, value_name = "DIR", action = clap::ArgAction::Append)]
    pub content: Vec<PathBuf>,

    /// Read only this content folder: no built-in store, no content_dirs, no BACKCHAIN_CONTENT. Repeat it
    /// to layer several, later ones winning.
    #[arg(long, global = true, value_name = "DIR", action = clap::ArgAction::Append,
          conflicts_with = "content")]
    pub only: Vec<PathBuf>,

    /// Print where content, answers, settings, exports and the journal are read and saved, then exit.
    #[arg(long, global = true)]
    pub show_paths: bool,

    /// Do not capture the mouse in the app (lets the terminal select text) [config: mouse = false].
    #[arg(long, global = true)]
    pub no_mouse: bool,

    /// Save exported routines in this folder [config: export_dir; default: the current folder]. When it
    /// is missing or cannot be written, they go to the exports folder in the state folder instead.
    #[arg(long, global = true, value_name = "DIR", value_parser = parse_folder)]
    pub export_dir: Option<PathBuf>,

    /// Colours in the app, over NO_COLOR and the config file [config: theme].
    #[arg(long, global = true, value_enum, value_name = "THEME")]
    pub theme: Option<ThemeName>,

    /// The app's journal, where guided sessions are written [env: BACKCHAIN_JOURNAL; default:
    /// journal.sqlite3 in the data folder].
    #[arg(long, value_name = "FILE", value_parser = parse_file)]
    pub journal: Option<PathBuf>,

    /// No terminal bell in the app's guided sessions [config: bell = false].
    #[arg(long)]
    pub quiet: bool,

    /// Still pictures in the app: gauges move once a second, nothing animates [config: motion = false].
    #[arg(long)]
    pub no_motion: bool,

    /// Figures in the app drawn in half blocks, for a font without braille [config: braille = false].
    #[arg(long)]
    pub no_braille: bool,

    /// Seconds of the countdown before each exercise and each side in the app's sessions (0 for none).
    #[arg(long, value_name = "SECONDS", default_value_t = crate::session::GET_READY_SECONDS,
          value_parser = clap::value_parser!(u32).range(0..=60))]
    pub get_ready: u32,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the content store and print counts; list every problem as path:line:col: message.
    Check {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also print to stderr how long each phase of the load took (reading, parsing, checking) and
        /// how many files came from the store cache.
        #[arg(long)]
        timings: bool,
    },
    /// Print one record: an article, claim, topic, chain or exercise.
    Show {
        #[arg(value_enum)]
        kind: RecordKind,
        /// The record's id, e.g. ribs-and-breathing
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// For an exercise: its figure in the key pose, drawn in braille, under the summary.
        #[arg(long)]
        figure: bool,
    },
    /// Answer the questionnaire (from a file, or line by line) and get your chains, reasons and routine.
    Quiz {
        /// TOML answers file: question_id = "option_id" (a list for multiple choice). Without it, the
        /// questions are asked one by one.
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = QuizFormat::Text)]
        format: QuizFormat,
        /// When asking: `best` asks next the question that tells the stories apart best; `file` asks
        /// in the questionnaire's order. The safety question always comes first.
        #[arg(long, value_enum, default_value_t = QuizOrder::Best)]
        order: QuizOrder,
        /// The journal whose ratings move the routine along its ladders (read, never created) [env:
        /// BACKCHAIN_JOURNAL; default: journal.sqlite3 in the data folder].
        #[arg(long, value_name = "FILE", value_parser = parse_file)]
        journal: Option<PathBuf>,
    },
    /// Do your routine, guided step by step on a plain terminal (for ssh and screen readers): get-ready
    /// countdowns, a line a second for each set and rest, ratings after each exercise, pain before and after.
    ///
    /// While it runs, type a letter and Enter: Enter alone pauses or goes on, n next exercise, p back, s skip
    /// this exercise, x end this step, + or - a rest 15 s longer or shorter, q leave.
    Session {
        /// TOML answers file; without it, the answers the app saved for this content.
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
        /// Seconds of the countdown before each exercise and each side (0 for none).
        #[arg(long, value_name = "SECONDS", default_value_t = crate::session::GET_READY_SECONDS,
              value_parser = clap::value_parser!(u32).range(0..=60))]
        get_ready: u32,
        /// No terminal bell at the end of each set and rest [config: bell = false].
        #[arg(long)]
        quiet: bool,
        /// The journal to write the session to [env: BACKCHAIN_JOURNAL; default: journal.sqlite3 in the
        /// data folder].
        #[arg(long, value_name = "FILE")]
        journal: Option<PathBuf>,
    },
    /// Fuzzy-search exercises by name, alias, muscle, equipment or goal.
    Search(SearchArgs),
    /// Re-measure the evidence model: winners, near-ties and routines over every fully answered file
    /// and a seeded sample of partial ones.
    Model {
        /// How many random partial answers files to add.
        #[arg(long, default_value_t = 100_000)]
        partial: usize,
        /// Seed for the partial files (the same seed gives the same files).
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Two articles side by side, their claims aligned by topic.
    Compare {
        /// First article, by id or number, e.g. ribs-and-breathing or 000
        a: String,
        /// Second article, by id or number, e.g. pelvic-pulley or 003
        b: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// The journal: pain ratings and sessions, kept private in a local SQLite file.
    Journal(JournalArgs),
    /// Progress over the weeks: pain since the first week (and whether the change is meaningful), when
    /// to see a clinician, whether a retest is due, and charts of pain, sessions per week and retests.
    Progress {
        #[arg(long, value_enum, default_value_t = ProgressFormat::Text)]
        format: ProgressFormat,
        /// The journal to read [env: BACKCHAIN_JOURNAL; default: journal.sqlite3 in the data folder].
        #[arg(long, value_name = "FILE", value_parser = parse_file)]
        journal: Option<PathBuf>,
        /// TOML answers file (for the red-flag check and the routine in Markdown); without it, the
        /// answers the app saved for this content.
        #[arg(long, value_name = "FILE")]
        answers: Option<PathBuf>,
    },
    /// The config file: where it is, what applies, or write a commented default one.
    Config {
        #[command(subcommand)]
        action: ConfigAction,
    },
    /// Convert an open exercise database's export into backchain exercise files (one per exercise,
    /// in DIR/exercises/), and report every value that does not map onto backchain's fields.
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },
    /// Print a shell completion script.
    ///
    /// Save it where your shell looks for completions, e.g. `backchain completions bash >
    /// ~/.local/share/bash-completion/completions/backchain`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    ///
    /// Read it with `backchain man | man -l -`, or save it as `~/.local/share/man/man1/backchain.1`.
    Man,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Subcommand)]
pub enum ConfigAction {
    /// Print the config file's path (whether or not it exists).
    Path,
    /// Print the settings that apply, as TOML, each with where it comes from (default, config file,
    /// flag, environment); exit 1 when the file has problems.
    Show,
    /// Write a config file with every key commented out at its default; never replaces an existing one.
    Init,
}

/// The databases `backchain import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// The Free Exercise DB's exercises.json (public domain; 873 exercises).
    FreeExerciseDb(ImportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The export to read, e.g. exercises.json.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The store folder to write into: the files go to DIR/exercises/ [default: a folder named after the
    /// source in the current folder, e.g. free-exercise-db].
    #[arg(long, value_name = "DIR", value_parser = parse_folder)]
    pub into: Option<PathBuf>,
    /// Replace exercise files that are already there (without it, nothing is written when any exists).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct JournalArgs {
    /// The journal database to use [env: BACKCHAIN_JOURNAL; default:
    /// $XDG_DATA_HOME/backchain/journal.sqlite3].
    #[arg(long, global = true, value_name = "FILE", value_parser = parse_file)]
    pub journal: Option<PathBuf>,
    #[command(subcommand)]
    pub action: JournalAction,
}

#[derive(Debug, Subcommand)]
pub enum JournalAction {
    /// Record how bad the pain is right now, 0 (none) to 10 (the worst imaginable).
    AddPain {
        /// 0 to 10
        #[arg(value_name = "N", value_parser = parse_pain, allow_negative_numbers = true)]
        pain: crate::journal::Pain,
        /// A few words to keep with it.
        #[arg(long, value_name = "TEXT", default_value = "")]
        note: String,
    },
    /// Print the journal's events in time order.
    List {
        /// Only events from this day on (UTC), e.g. 2026-11-30.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        since: Option<crate::date::Date>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print every event, one row each with the same columns, for a spreadsheet (csv) or a program (json).
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
    },
    /// Print the journal's path (whether or not it exists).
    Path,
    /// Record a retest: fingertip-to-floor distance in a standing forward bend, and how far each hip
    /// turns inward (the questionnaire's seated self-test). At least one measure.
    #[command(group = clap::ArgGroup::new("measure").required(true).multiple(true))]
    Retest {
        /// Centimetres from your fingertips to the floor, knees straight: 0 touching, below 0 past it
        /// (-40 to 100).
        #[arg(long, value_name = "CM", group = "measure", allow_negative_numbers = true,
              value_parser = parse_floor)]
        floor: Option<f64>,
        /// Degrees the left shin swings out in the seated hip test (0 to 90; most reach 35-40).
        #[arg(long, value_name = "DEG", group = "measure", allow_negative_numbers = true,
              value_parser = parse_hip)]
        hip_left: Option<f64>,
        /// Degrees the right shin swings out in the seated hip test (0 to 90; most reach 35-40).
        #[arg(long, value_name = "DEG", group = "measure", allow_negative_numbers = true,
              value_parser = parse_hip)]
        hip_right: Option<f64>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ProgressFormat {
    Text,
    Markdown,
    Json,
}

fn parse_measure(value: &str, measure: crate::progress::Measure) -> Result<f64, String> {
    value
        .trim()
        .parse::<f64>()
        .map_err(|_| measure.allowed())
        .and_then(|v| measure.check(v))
}

fn parse_floor(value: &str) -> Result<f64, String> {
    parse_measure(value, crate::progress::Measure::FingertipFloor)
}

fn parse_hip(value: &str) -> Result<f64, String> {
    parse_measure(value, crate::progress::Measure::HipInwardLeft)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}

fn parse_file(value: &str) -> Result<PathBuf, String> {
    if value.is_empty() {
        return Err(String::from(
            "the file name is empty; leave the flag out to use the default journal",
        ));
    }
    Ok(PathBuf::from(value))
}

fn parse_pain(value: &str) -> Result<crate::journal::Pain, String> {
    crate::journal::Pain::parse(value).ok_or_else(|| {
        String::from("pain is a whole number from 0 (none) to 10 (the worst imaginable)")
    })
}

fn parse_date(value: &str) -> Result<crate::date::Date, String> {
    crate::date::Date::parse(value)
        .ok_or_else(|| String::from("a date is written YYYY-MM-DD, e.g. 2026-11-30"))
}

#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// What to look for: "good mornin", "hip ir", "foam" …
    pub query: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// At most this many results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Only exercises for this body region.
    #[arg(long, value_parser = parse_region)]
    pub region: Option<Region>,
    /// Only exercises that need this equipment (none, foam-roller, small-ball, wall …).
    #[arg(long, value_parser = parse_equipment)]
    pub equipment: Option<Equipment>,
    /// Only exercises of this phase (release, breathe, mobilise, activate, strengthen, pattern).
    #[arg(long, value_parser = parse_phase)]
    pub phase: Option<Phase>,
    /// Only exercises that serve this chain id.
    #[arg(long)]
    pub chain: Option<String>,
    /// Type the query one character at a time and print load and per-keystroke times.
    #[arg(long)]
    pub timings: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QuizOrder {
    Best,
    File,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QuizFormat {
    Text,
    Json,
    Markdown,
}

fn parse_named<T: Copy>(
    value: &str,
    all: &[T],
    name: fn(T) -> &'static str,
    what: &str,
) -> Result<T, String> {
    all.iter()
        .copied()
        .find(|v| name(*v) == value)
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|v| name(*v)).collect();
            format!("unknown {what} {value:?}; use one of: {}", names.join(", "))
        })
}

fn parse_folder(value: &str) -> Result<PathBuf, String> {
    if value.is_empty() {
        return Err(String::from(
            "the folder is empty; leave the flag out to save in the current folder",
        ));
    }
    Ok(PathBuf::from(value))
}

fn parse_region(value: &str) -> Result<Region, String> {
    parse_named(value, &Region::ALL, Region::as_str, "region")
}

fn parse_equipment(value: &str) -> Result<Equipment, String> {
    parse_named(value, &Equipment::ALL, Equipment::as_str, "equipment")
}

fn parse_phase(value: &str) -> Result<Phase, String> {
    parse_named(value, &Phase::ALL, Phase::as_str, "phase")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum RecordKind {
    Article,
    Claim,
    Topic,
    Chain,
    Exercise,
}

/// Parses the command line and runs it; returns the process exit code.
pub fn run() -> Exit {
    crate::heap::grow_in_large_steps();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Rendered plain and through the printable gate: clap quotes the offending argument as typed.
            let text = e.render().to_string();
            if e.use_stderr() {
                output::emit_err(&text);
                return Exit::Usage;
            }
            return emit(&text);
        }
    };
    let reads_content = cli.show_paths
        || !matches!(
            cli.command,
            Some(
                Command::Journal(_)
                    | Command::Config { .. }
                    | Command::Completions { .. }
                    | Command::Man
                    | Command::Import { .. }
            )
        );
    if !reads_content {
        return run_without_content(&cli);
    }
    // The config file's `content_dirs` are layers: every command that reads content reads the file, and
    // says once when it cannot be used.
    let loaded = config::load(&cli);
    if let Some(warning) = loaded.warning() {
        output::emit_err(&warning);
    }
    let origin =
        paths::content_layers(&cli.content, &cli.only, &loaded.settings.content_dirs.value);
    if cli.show_paths {
        return show_paths(&loaded, &origin);
    }
    match cli.command {
        Some(Command::Check { format, timings }) => check::run(&origin, format, timings),
        Some(Command::Show {
            kind,
            ref id,
            format,
            figure,
        }) => with_store(&origin, |store| show::run(store, kind, id, format, figure)),
        Some(Command::Quiz {
            ref answers,
            format,
            order,
            ref journal,
        }) => {
            let journal_file = paths::journal_file(journal.clone());
            with_store(&origin, |store| {
                quiz::run(store, answers.as_deref(), format, order, &journal_file)
            })
        }
        Some(Command::Session {
            ref answers,
            get_ready,
            quiet,
            ref journal,
        }) => {
            let bell = !quiet && loaded.settings.bell.value;
            let saved = paths::answers_file(&origin);
            let journal_file = paths::journal_file(journal.clone());
            let options = session::Options {
                answers: answers.as_deref().unwrap_or(&saved),
                named: answers.is_some(),
                get_ready,
                bell,
                journal: &journal_file,
            };
            with_store(&origin, |store| session::run(store, &options))
        }
        Some(Command::Search(ref args)) => search::run(&origin, args),
        Some(Command::Model {
            partial,
            seed,
            format,
        }) => with_store(&origin, |store| model::run(store, partial, seed, format)),
        Some(Command::Compare {
            ref a,
            ref b,
            format,
        }) => with_store(&origin, |store| compare::run(store, a, b, format)),
        Some(Command::Progress {
            format,
            ref journal,
            ref answers,
        }) => {
            let saved = paths::answers_file(&origin);
            let journal_file = paths::journal_file(journal.clone());
            let options = progress::Options {
                answers: answers.as_deref().unwrap_or(&saved),
                named: answers.is_some(),
                journal: &journal_file,
                format,
            };
            with_store(&origin, |store| progress::run(store, &options))
        }
        Some(
            Command::Journal(_)
            | Command::Config { .. }
            | Command::Completions { .. }
            | Command::Man
            | Command::Import { .. },
        ) => run_without_content(&cli),
        None => app(&origin, &cli, &loaded),
    }
}

/// The commands that read no content (and so no `content_dirs`).
fn run_without_content(cli: &Cli) -> Exit {
    match cli.command {
        Some(Command::Journal(ref args)) => journal::run(args),
        Some(Command::Import { ref source }) => match source {
            ImportSource::FreeExerciseDb(args) => import::run(
                &crate::import::FreeExerciseDb,
                &args.file,
                args.into
                    .as_deref()
                    .unwrap_or(std::path::Path::new("free-exercise-db")),
                args.force,
            ),
        },
        Some(Command::Config { action }) => config::run(cli, action),
        Some(Command::Completions { shell }) => generate::completions(shell),
        Some(Command::Man) => generate::man(),
        _ => {
            output::emit_err("backchain: this command reads content\n");
            Exit::Usage
        }
    }
}

/// Opens the terminal app with the settings from flags, environment and the config file. The app loads
/// the content in the background; a store it cannot use is reported here, as every command reports it.
#[cfg(feature = "tui")]
fn app(origin: &Layers, cli: &Cli, loaded: &config::Loaded) -> Exit {
    let options = crate::tui::Options {
        mouse: loaded.settings.mouse.value,
        answers_path: paths::answers_file(origin),
        export_dir: loaded.settings.export_dir.value.clone(),
        fallback_export_dir: paths::fallback_export_dir(),
        no_colour: loaded.no_colour(),
        notice: loaded.notice(),
        journal: paths::journal_file(cli.journal.clone()),
        bell: loaded.settings.bell.value,
        motion: loaded.settings.motion.value,
        braille: loaded.settings.braille.value,
        get_ready: cli.get_ready,
    };
    let layers = origin.clone();
    let load = move |progress: &crate::content::LoadProgress| {
        usable(Store::load_layers_watched(&layers, progress))
    };
    match crate::tui::run(load, options) {
        Ok(Ok(())) => Exit::Ok,
        Ok(Err(unusable)) => report(origin, unusable),
        Err(e) => {
            output::emit_err(&format!("backchain: {e}\n"));
            Exit::Usage
        }
    }
}

/// Without the `tui` feature there is no app, only the commands.
#[cfg(not(feature = "tui"))]
fn app(origin: &Layers, _cli: &Cli, _loaded: &config::Loaded) -> Exit {
    if let Err(exit) = load_clean(origin) {
        return exit;
    }
    output::emit_err(
        "backchain: this build has no terminal app (built without the `tui` feature); use a command such as `backchain quiz`\n",
    );
    Exit::Usage
}

/// `--show-paths`: where everything is read from and saved to; the content layers lowest first, one line
/// each (`content layer 2: DIR` over the first).
fn show_paths(loaded: &config::Loaded, origin: &Layers) -> Exit {
    let path = crate::text::path;
    let mut content = String::new();
    for (i, layer) in origin.origins().iter().enumerate() {
        match i {
            0 => content.push_str(&format!("content: {layer}\n")),
            n => content.push_str(&format!("content layer {}: {layer}\n", n + 1)),
        }
    }
    // The cache serves folder layers only; the built-in store needs none.
    let cache = match paths::cache_dir() {
        Some(dir) => path(&dir),
        None if crate::content::cache::disabled_by_env() => {
            format!("off ({}=1)", crate::content::cache::NO_CACHE_ENV)
        }
        None => String::from("none (no cache folder found)"),
    };
    emit(&format!(
        "{content}cache: {cache}\nanswers: {}\nconfig: {}\nexports: {}\nexports fallback: {}\njournal: {}\n",
        path(&paths::answers_file(origin)),
        path(&loaded.path),
        path(&loaded.settings.export_dir.value),
        path(&paths::fallback_export_dir()),
        path(&paths::journal_file(None)),
    ))
}

/// Loads the store for a command that needs clean content; reports problems and stops otherwise.
pub fn with_store(origin: &Layers, command: impl FnOnce(&Store) -> Exit) -> Exit {
    match load_clean(origin) {
        Ok(store) => command(&store),
        Err(exit) => exit,
    }
}

/// The store, or the exit code after its problems have been printed to stderr.
pub fn load_clean(origin: &Layers) -> Result<Store, Exit> {
    usable(Store::load_layers(origin)).map_err(|unusable| report(origin, unusable))
}

/// Why a store cannot be used by a command or the app.
enum Unusable {
    /// A layer's folder cannot be read.
    Unreadable(crate::content::ReadError),
    /// The content has problems (at least one).
    Problems(Vec<Problem>),
}

/// A loaded store with no problems, or why it cannot be used.
fn usable(
    loaded: Result<(Store, Vec<Problem>), crate::content::ReadError>,
) -> Result<Store, Unusable> {
    match loaded {
        Err(e) => Err(Unusable::Unreadable(e)),
        Ok((_, problems)) if !problems.is_empty() => Err(Unusable::Problems(problems)),
        Ok((store, _)) => Ok(store),
    }
}

/// Prints why the store cannot be used to stderr; returns the exit code for it.
fn report(origin: &Layers, unusable: Unusable) -> Exit {
    match unusable {
        Unusable::Unreadable(e) => {
            output::emit_err(&format!("backchain: {e}\n"));
            Exit::Usage
        }
        Unusable::Problems(problems) => {
            report_problems(origin, &problems);
            Exit::Problems
        }
    }
}

fn report_problems(origin: &Layers, problems: &[Problem]) {
    let mut text = output::problem_lines(problems);
    text.push_str(&format!(
        "backchain: the content in {origin} has {} problem{}; fix {} and run `backchain check` again\n",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" },
        if problems.len() == 1 { "it" } else { "them" },
    ));
    output::emit_err(&text);
}
