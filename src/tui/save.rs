//! Saving and restoring answers between sessions: atomic writes, and unreadable files set aside, never
//! silently dropped.

use crate::content::{Questionnaire, SourceFile};
use crate::engine::Answers;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What restoring found.
#[derive(Debug)]
pub struct Restored {
    pub answers: Answers,
    /// Something the person should be told (a file set aside, an unreadable folder).
    pub notice: Option<String>,
}

/// Reads saved answers. A missing file is a fresh start; a file that cannot be parsed is renamed to
/// `answers.toml.unreadable-<seconds>` (kept, not deleted) and the app starts fresh with a notice.
pub fn restore(path: &Path, questionnaire: &Questionnaire) -> Restored {
    let fresh = |notice: Option<String>| Restored {
        answers: Answers::new(),
        notice,
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return fresh(None),
        Err(e) => {
            return fresh(Some(format!(
                "could not read saved answers {}: {e}; starting fresh (the file is left as it is)",
                path.display()
            )));
        }
    };
    let problem = match String::from_utf8(bytes) {
        Err(_) => String::from("it is not valid UTF-8"),
        Ok(text) => {
            let file = SourceFile::named(&path.display().to_string(), text);
            match Answers::parse(&file, questionnaire) {
                Ok(answers) => {
                    return Restored {
                        answers,
                        notice: None,
                    };
                }
                Err(problems) => problems
                    .first()
                    .map(|p| format!("line {}: {}", p.line, p.message))
                    .unwrap_or_default(),
            }
        }
    };
    let aside = set_aside_path(path);
    match std::fs::rename(path, &aside) {
        Ok(()) => fresh(Some(format!(
            "saved answers could not be read ({problem}); kept them as {} and started fresh",
            aside.display()
        ))),
        Err(e) => fresh(Some(format!(
            "saved answers could not be read ({problem}) nor set aside ({e}); starting fresh without overwriting them"
        ))),
    }
}

fn set_aside_path(path: &Path) -> PathBuf {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".unreadable-{seconds}"));
    path.with_file_name(name)
}

/// Writes the answers atomically: to a temporary file beside the target, flushed to disk, then renamed
/// over it. A crash or kill mid-write leaves the old file whole.
pub fn save(path: &Path, answers: &Answers, questionnaire: &Questionnaire) -> std::io::Result<()> {
    write_atomic(path, answers.to_toml(questionnaire).as_bytes())
}

pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut tmp_name = path.file_name().unwrap_or_default().to_os_string();
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
