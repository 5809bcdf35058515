//! Settings: the config file's keys and defaults, and which of flag, environment, file or default
//! decided each one.
//!
//! Precedence, highest first: command-line flags, the environment (`NO_COLOR`), the config file, the
//! defaults. A file that cannot be read or has a problem counts as absent: everything still runs on the
//! defaults, and the caller says why.

use crate::content::{Problem, SourceFile, syntax_problem};
use crate::files::{self, MAX_FILE_BYTES, ReadFailure};
use crate::text::quote;
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// Whether the app draws in colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    /// The built-in colours.
    #[default]
    #[serde(alias = "colour")]
    #[value(alias = "colour")]
    Color,
    /// No colours, as under NO_COLOR; selections still show by reverse video, bold and markers.
    Mono,
}

impl ThemeName {
    pub fn as_str(self) -> &'static str {
        match self {
            ThemeName::Color => "color",
            ThemeName::Mono => "mono",
        }
    }
}

/// The config file as written; every key may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    theme: Option<ThemeName>,
    export_dir: Option<Spanned<String>>,
    mouse: Option<bool>,
    bell: Option<bool>,
    motion: Option<bool>,
    braille: Option<bool>,
    content_dirs: Option<Vec<Spanned<String>>>,
}

/// What a config file sets, checked: `export_dir` and `content_dirs` are absolute paths with `~` expanded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub theme: Option<ThemeName>,
    pub export_dir: Option<PathBuf>,
    pub mouse: Option<bool>,
    pub bell: Option<bool>,
    pub motion: Option<bool>,
    pub braille: Option<bool>,
    /// Content folders layered over the built-in store, lowest first.
    pub content_dirs: Option<Vec<PathBuf>>,
}

/// The defaults, for what neither a flag, the environment nor the file sets.
pub const DEFAULT_THEME: ThemeName = ThemeName::Color;
pub const DEFAULT_MOUSE: bool = true;
pub const DEFAULT_BELL: bool = true;
pub const DEFAULT_MOTION: bool = true;
pub const DEFAULT_BRAILLE: bool = true;

impl Config {
    /// Reads a config file's text. `home` expands a leading `~` in `export_dir`. Every problem found
    /// is returned with its place; TOML syntax and type errors stop at the first.
    pub fn parse(file: &SourceFile, home: Option<&Path>) -> Result<Config, Vec<Problem>> {
        let raw: ConfigFile =
            toml::from_str(&file.text).map_err(|e| vec![syntax_problem(file, &e)])?;
        let export_dir = match raw.export_dir {
            None => None,
            Some(dir) => {
                let at = dir.span();
                Some(
                    folder("export_dir", dir.get_ref(), home)
                        .map_err(|m| vec![file.problem(at, m)])?,
                )
            }
        };
        let content_dirs = match raw.content_dirs {
            None => None,
            Some(dirs) => {
                let mut problems = Vec::new();
                let mut out = Vec::new();
                for dir in dirs {
                    match folder("content_dirs", dir.get_ref(), home) {
                        Ok(path) => out.push(path),
                        Err(m) => problems.push(file.problem(dir.span(), m)),
                    }
                }
                if !problems.is_empty() {
                    return Err(problems);
                }
                Some(out)
            }
        };
        Ok(Config {
            theme: raw.theme,
            export_dir,
            mouse: raw.mouse,
            bell: raw.bell,
            motion: raw.motion,
            braille: raw.braille,
            content_dirs,
        })
    }
}

/// A folder setting (`export_dir`, an entry of `content_dirs`): `~` and `~/…` expanded; anything else
/// must be absolute, since a relative path would depend on where backchain happens to be started.
fn folder(key: &str, value: &str, home: Option<&Path>) -> Result<PathBuf, String> {
    let shown = quote(value);
    if value.trim().is_empty() {
        return Err(match key {
            "export_dir" => String::from(
                "export_dir is empty; leave the key out to save in the folder backchain is started in",
            ),
            _ => format!("{key} holds an empty folder name; leave it out of the list"),
        });
    }
    if value.contains('\0') {
        return Err(format!("{key} {shown} holds a NUL character"));
    }
    let rest = match value.strip_prefix('~') {
        None => {
            let dir = PathBuf::from(value);
            return if dir.is_absolute() {
                Ok(dir)
            } else {
                Err(format!(
                    "{key} {shown} is a relative path; write it in full (\"/…\") or from your home folder (\"~/…\")"
                ))
            };
        }
        Some(rest) => rest,
    };
    if !(rest.is_empty() || rest.starts_with('/')) {
        return Err(format!(
            "{key} {shown}: only \"~\" and \"~/…\" are expanded, not another person's \"~name\""
        ));
    }
    let Some(home) = home else {
        return Err(format!(
            "{key} {shown} starts with ~, but there is no home folder to expand it to (HOME is not set)"
        ));
    };
    Ok(home.join(rest.trim_start_matches('/')))
}

/// The config file as found on disk.
#[derive(Debug)]
pub enum Found {
    /// Nothing there: the defaults apply, and nothing needs saying.
    Missing,
    Read(Config),
    /// It exists but cannot be read (a folder, a FIFO, permissions, too large): the defaults apply.
    Unreadable(String),
    /// It was read but is not a valid config: the defaults apply.
    Problems(Vec<Problem>),
}

/// Reads the config file at `path`. Only a regular file of at most [`MAX_FILE_BYTES`] is read.
pub fn load(path: &Path, home: Option<&Path>) -> Found {
    let shown = crate::text::path(path);
    let bytes = match files::read_regular(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadFailure::Missing) => return Found::Missing,
        Err(e) => return Found::Unreadable(e.to_string()),
    };
    match String::from_utf8(bytes) {
        Ok(text) => match Config::parse(&SourceFile::named(&shown, text), home) {
            Ok(config) => Found::Read(config),
            Err(problems) => Found::Problems(problems),
        },
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let file = SourceFile::named(
                &shown,
                String::from_utf8_lossy(&bytes[..valid]).into_owned(),
            );
            Found::Problems(vec![file.problem(
                valid..valid,
                format!(
                    "config file is not valid UTF-8 (bad byte at offset {valid}); save it as UTF-8"
                ),
            )])
        }
    }
}

/// Who decided a setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Default,
    File,
    /// The command-line flag, as typed (`--no-mouse`).
    Flag(&'static str),
    /// The environment variable.
    Env(&'static str),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::File => f.write_str("config file"),
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env(name) => write!(f, "environment {name}"),
        }
    }
}

/// One setting's value and who decided it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// What applies to this run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub theme: Setting<ThemeName>,
    /// Where exported routine sheets go (before any fallback).
    pub export_dir: Setting<PathBuf>,
    pub mouse: Setting<bool>,
    /// Ring the terminal bell when a timed step ends (read by guided sessions).
    pub bell: Setting<bool>,
    /// Animate (read by guided sessions); `false` keeps the screen still.
    pub motion: Setting<bool>,
    /// Draw figures in braille; `false` draws them in half blocks, for fonts without braille.
    pub braille: Setting<bool>,
    /// Content folders layered over the built-in store (read by every command that reads content);
    /// `--only` sets none.
    pub content_dirs: Setting<Vec<PathBuf>>,
}

/// What the command line and the environment say, read by the caller so resolving stays pure.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// `--theme`.
    pub theme: Option<ThemeName>,
    /// `--export-dir`, made absolute.
    pub export_dir: Option<PathBuf>,
    /// `--no-mouse`.
    pub no_mouse: bool,
    /// `--quiet`: no bell in the app's sessions.
    pub quiet: bool,
    /// `--no-motion`.
    pub no_motion: bool,
    /// `--no-braille`.
    pub no_braille: bool,
    /// `--only` was given: the config file's `content_dirs` are not read.
    pub only: bool,
    /// `NO_COLOR` is set and not empty.
    pub no_color: bool,
}

/// `NO_COLOR` as the convention reads it: set and not empty.
pub fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The first of `candidates` that is set, else the default.
fn pick<T>(candidates: impl IntoIterator<Item = (Option<T>, Source)>, default: T) -> Setting<T> {
    candidates
        .into_iter()
        .find_map(|(value, source)| value.map(|value| Setting { value, source }))
        .unwrap_or(Setting {
            value: default,
            source: Source::Default,
        })
}

/// Flags, then the environment, then the file, then the defaults. `current_dir` is the default export
/// folder (where exports went before there was a setting).
pub fn resolve(file: Option<&Config>, over: &Overrides, current_dir: &Path) -> Settings {
    let file = file.cloned().unwrap_or_default();
    Settings {
        theme: pick(
            [
                (over.theme, Source::Flag("--theme")),
                (
                    over.no_color.then_some(ThemeName::Mono),
                    Source::Env("NO_COLOR"),
                ),
                (file.theme, Source::File),
            ],
            DEFAULT_THEME,
        ),
        export_dir: pick(
            [
                (over.export_dir.clone(), Source::Flag("--export-dir")),
                (file.export_dir, Source::File),
            ],
            current_dir.to_path_buf(),
        ),
        mouse: pick(
            [
                (over.no_mouse.then_some(false), Source::Flag("--no-mouse")),
                (file.mouse, Source::File),
            ],
            DEFAULT_MOUSE,
        ),
        bell: pick(
            [
                (over.quiet.then_some(false), Source::Flag("--quiet")),
                (file.bell, Source::File),
            ],
            DEFAULT_BELL,
        ),
        motion: pick(
            [
                (over.no_motion.then_some(false), Source::Flag("--no-motion")),
                (file.motion, Source::File),
            ],
            DEFAULT_MOTION,
        ),
        braille: pick(
            [
                (
                    over.no_braille.then_some(false),
                    Source::Flag("--no-braille"),
                ),
                (file.braille, Source::File),
            ],
            DEFAULT_BRAILLE,
        ),
        content_dirs: pick(
            [
                (over.only.then(Vec::new), Source::Flag("--only")),
                (file.content_dirs, Source::File),
            ],
            Vec::new(),
        ),
    }
}

impl Settings {
    /// The settings as TOML lines, each with who decided it: what `backchain config show` prints.
    pub fn to_toml(&self) -> String {
        let path = |p: &Path| toml_string(&p.to_string_lossy());
        let rows = [
            (
                "theme",
                toml_string(self.theme.value.as_str()),
                self.theme.source,
            ),
            (
                "export_dir",
                path(&self.export_dir.value),
                self.export_dir.source,
            ),
            ("mouse", self.mouse.value.to_string(), self.mouse.source),
            ("bell", self.bell.value.to_string(), self.bell.source),
            ("motion", self.motion.value.to_string(), self.motion.source),
            (
                "braille",
                self.braille.value.to_string(),
                self.braille.source,
            ),
            (
                "content_dirs",
                format!(
                    "[{}]",
                    (self.content_dirs.value.iter())
                        .map(|dir| path(dir))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                self.content_dirs.source,
            ),
        ];
        let width = rows
            .iter()
            .map(|(key, value, _)| key.len() + 3 + value.chars().count())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for (key, value, source) in rows {
            let line = format!("{key} = {value}");
            let note = match (key, source) {
                ("export_dir", Source::Default) => {
                    String::from("default: the folder backchain is started in")
                }
                _ => source.to_string(),
            };
            let pad = width - line.chars().count();
            out.push_str(&format!("{line}{:pad$}  # {note}\n", ""));
        }
        out
    }
}

/// A TOML basic string, everything outside printable ASCII escaped, so the line can be pasted into a
/// config file and prints safely.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What `backchain config init` writes: every key, commented out at its default, with what it does.
pub const TEMPLATE: &str = r#"# backchain settings. Every key is optional: one left out (or commented out, as all are here) keeps
# its default. Flags win over the environment, which wins over this file; `backchain config show` prints
# what applies and where each value comes from.

# Colours in the app: "color", or "mono" for none. NO_COLOR (set and not empty) means "mono" and wins
# over this key; `--theme color` wins over both.
# theme = "color"

# Where exported routine sheets are saved (`e` on the Results screen). By default, the folder backchain
# is started in. An absolute path, or one starting with "~/". When the folder is missing or cannot be
# written, the sheet goes to the exports folder in backchain's state folder instead, and the app says so.
# `--export-dir DIR` wins over this key.
# export_dir = "~/Documents"

# Capture the mouse: the wheel scrolls the pane under the pointer and clicks select. false leaves the
# mouse to the terminal, so you can select text; `--no-mouse` does that for one run.
# mouse = true

# Ring the terminal bell when a timed hold or rest ends (guided sessions).
# bell = true

# Animate timers and transitions (guided sessions) and the exercises' figures. false keeps the screen still.
# motion = true

# Draw the exercises' figures in braille. false draws them in half blocks, for a font without braille;
# `--no-braille` does that for one run.
# braille = true
# Content folders layered over the built-in store, lowest first: a record in a later folder replaces the
# built-in record with the same id (`backchain check` notes each one). Absolute paths, or starting with
# "~/". `--content DIR` adds a layer over these for one run; `--only DIR` reads only DIR.
# content_dirs = ["~/exercises"]
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Vec<String>> {
        Config::parse(
            &SourceFile::named("config.toml", text.to_owned()),
            Some(Path::new("/home/pat")),
        )
        .map_err(|problems| problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn every_key_is_optional_and_the_template_sets_nothing() {
        assert_eq!(parse("").unwrap(), Config::default());
        assert_eq!(parse(TEMPLATE).unwrap(), Config::default());
        // Uncommented, the template's examples are all valid.
        let uncommented: String = TEMPLATE
            .lines()
            .map(|l| {
                l.strip_prefix("# ")
                    .filter(|l| l.contains(" = "))
                    .unwrap_or("")
            })
            .collect::<Vec<_>>()
            .join("\n");
        let config = parse(&uncommented).unwrap();
        assert_eq!(
            config,
            Config {
                theme: Some(ThemeName::Color),
                export_dir: Some(PathBuf::from("/home/pat/Documents")),
                mouse: Some(true),
                bell: Some(true),
                motion: Some(true),
                braille: Some(true),
                content_dirs: Some(vec![PathBuf::from("/home/pat/exercises")]),
            }
        );
    }

    #[test]
    fn values_are_read_and_home_is_expanded() {
        let config = parse(
            "theme = \"mono\"\nexport_dir = \"~/sheets\"\nmouse = false\nbell = false\nmotion = false\n",
        )
        .unwrap();
        assert_eq!(config.theme, Some(ThemeName::Mono));
        assert_eq!(config.export_dir, Some(PathBuf::from("/home/pat/sheets")));
        assert_eq!(
            (config.mouse, config.bell, config.motion),
            (Some(false), Some(false), Some(false))
        );
        assert_eq!(
            parse("theme = \"colour\"").unwrap().theme,
            Some(ThemeName::Color)
        );
        assert_eq!(
            parse("export_dir = \"~\"").unwrap().export_dir,
            Some(PathBuf::from("/home/pat"))
        );
        assert_eq!(
            parse("export_dir = \"/srv/x\"").unwrap().export_dir,
            Some(PathBuf::from("/srv/x"))
        );
    }

    #[test]
    fn problems_name_the_place_and_the_value() {
        let one = |text: &str| {
            let problems = parse(text).unwrap_err();
            assert_eq!(problems.len(), 1, "{problems:?}");
            problems[0].clone()
        };
        let typo = one("theme = \"mono\"\ncolour = \"mono\"\n");
        assert!(
            typo.starts_with("config.toml:2:1: unknown field `colour`, expected one of"),
            "{typo}"
        );
        let theme = one("theme = \"blue\"\n");
        assert!(
            theme.starts_with("config.toml:1:9: unknown variant `blue`"),
            "{theme}"
        );
        let mouse = one("\n\nmouse = \"yes\"\n");
        assert!(mouse.starts_with("config.toml:3:9:"), "{mouse}");
        assert!(mouse.contains("\"yes\""), "{mouse}");
        let syntax = one("theme = \n");
        assert!(syntax.starts_with("config.toml:1:"), "{syntax}");
        assert_eq!(
            one("bell = true\nexport_dir = \"sheets\"\n"),
            "config.toml:2:14: export_dir \"sheets\" is a relative path; write it in full (\"/…\") or from your home folder (\"~/…\")"
        );
        assert!(one("export_dir = \"\"").contains("export_dir is empty"));
        assert!(one("export_dir = \"~bob/x\"").contains("\"~bob/x\": only"));
        assert!(one("export_dir = \"/a\\u0000b\"").contains("NUL"));
    }

    #[test]
    fn content_dirs_are_folders_read_like_export_dir() {
        assert_eq!(
            parse("content_dirs = [\"~/a\", \"/b\"]")
                .unwrap()
                .content_dirs,
            Some(vec![PathBuf::from("/home/pat/a"), PathBuf::from("/b")])
        );
        assert_eq!(
            parse("content_dirs = []").unwrap().content_dirs,
            Some(Vec::new())
        );
        assert_eq!(
            parse("content_dirs = [\"/ok\", \"rel\", \"\"]").unwrap_err(),
            [
                "config.toml:1:24: content_dirs \"rel\" is a relative path; write it in full (\"/…\") or from your home folder (\"~/…\")",
                "config.toml:1:31: content_dirs holds an empty folder name; leave it out of the list",
            ]
        );
        assert!(parse("content_dirs = \"/one\"").unwrap_err()[0].starts_with("config.toml:1:16:"));
    }

    #[test]
    fn home_is_needed_only_for_a_tilde() {
        let file = |text: &str| SourceFile::named("c.toml", text.to_owned());
        assert!(Config::parse(&file("export_dir = \"/x\""), None).is_ok());
        let problems = Config::parse(&file("export_dir = \"~/x\""), None).unwrap_err();
        assert!(
            problems[0].message.contains("no home folder"),
            "{problems:?}"
        );
    }

    #[test]
    fn flags_beat_the_environment_which_beats_the_file_which_beats_the_defaults() {
        let here = Path::new("/work/here");
        let file = Config {
            theme: Some(ThemeName::Color),
            export_dir: Some(PathBuf::from("/sheets")),
            mouse: Some(false),
            bell: Some(false),
            motion: None,
            braille: Some(false),
            content_dirs: Some(vec![PathBuf::from("/mine")]),
        };
        let none = resolve(None, &Overrides::default(), here);
        assert_eq!(none.theme.value, ThemeName::Color);
        assert_eq!(none.export_dir.value, here);
        assert!(none.mouse.value && none.bell.value && none.motion.value);
        assert!(
            [
                none.theme.source,
                none.export_dir.source,
                none.mouse.source,
                none.bell.source,
                none.motion.source
            ]
            .iter()
            .all(|s| *s == Source::Default)
        );

        let from_file = resolve(Some(&file), &Overrides::default(), here);
        assert_eq!(from_file.export_dir.value, Path::new("/sheets"));
        assert_eq!(from_file.export_dir.source, Source::File);
        assert_eq!(
            (from_file.mouse.value, from_file.mouse.source),
            (false, Source::File)
        );
        assert_eq!(
            (from_file.bell.value, from_file.bell.source),
            (false, Source::File)
        );
        assert_eq!(from_file.motion.source, Source::Default);
        assert_eq!(
            (
                &from_file.content_dirs.value[..],
                from_file.content_dirs.source
            ),
            (&[PathBuf::from("/mine")][..], Source::File)
        );

        let env = Overrides {
            no_color: true,
            ..Overrides::default()
        };
        let with_env = resolve(Some(&file), &env, here);
        assert_eq!(
            (with_env.theme.value, with_env.theme.source),
            (ThemeName::Mono, Source::Env("NO_COLOR"))
        );

        let flags = Overrides {
            theme: Some(ThemeName::Color),
            export_dir: Some(PathBuf::from("/flag")),
            no_mouse: true,
            quiet: true,
            no_motion: true,
            no_braille: true,
            no_color: true,
            only: true,
        };
        let with_flags = resolve(Some(&file), &flags, here);
        assert_eq!(
            (with_flags.theme.value, with_flags.theme.source),
            (ThemeName::Color, Source::Flag("--theme"))
        );
        assert_eq!(with_flags.export_dir.value, Path::new("/flag"));
        assert_eq!(with_flags.export_dir.source, Source::Flag("--export-dir"));
        assert_eq!(
            (with_flags.mouse.value, with_flags.mouse.source),
            (false, Source::Flag("--no-mouse"))
        );
        // Without --no-mouse the file's `mouse = false` stands.
        assert!(!resolve(Some(&file), &env, here).mouse.value);
        assert_eq!(
            (with_flags.bell.value, with_flags.bell.source),
            (false, Source::Flag("--quiet"))
        );
        assert_eq!(
            (with_flags.motion.value, with_flags.motion.source),
            (false, Source::Flag("--no-motion"))
        );
        assert_eq!(
            (from_file.braille.value, from_file.braille.source),
            (false, Source::File)
        );
        assert_eq!(
            (with_flags.braille.value, with_flags.braille.source),
            (false, Source::Flag("--no-braille"))
        );
        assert!(none.braille.value && none.braille.source == Source::Default);
        assert_eq!(
            (
                with_flags.content_dirs.value.len(),
                with_flags.content_dirs.source
            ),
            (0, Source::Flag("--only"))
        );
    }

    #[test]
    fn shown_settings_say_where_each_comes_from_and_paste_back_as_toml() {
        let file = Config {
            bell: Some(false),
            ..Config::default()
        };
        let over = Overrides {
            no_color: true,
            ..Overrides::default()
        };
        let shown = resolve(Some(&file), &over, Path::new("/x/\"q\"\u{1b}")).to_toml();
        assert_eq!(
            shown,
            "theme = \"mono\"                 # environment NO_COLOR\n\
             export_dir = \"/x/\\\"q\\\"\\u001B\"  # default: the folder backchain is started in\n\
             mouse = true                   # default\n\
             bell = false                   # config file\n\
             motion = true                  # default\n\
             braille = true                 # default\n\
             content_dirs = []              # default\n"
        );
        let pasted: String = shown
            .lines()
            .map(|l| l.split("  #").next().unwrap_or("").to_owned() + "\n")
            .collect();
        let back = parse(&pasted).unwrap();
        assert_eq!(back.export_dir, Some(PathBuf::from("/x/\"q\"\u{1b}")));
    }
}
