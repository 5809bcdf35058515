//! `backchain import SOURCE FILE [--into DIR] [--force]`: converts an open exercise database's export
//! into backchain exercise files and says what did not map.

use super::check::plural;
use super::output::{Exit, emit, emit_err, thousands};
use crate::content::{Layers, Origin, Store};
use crate::files;
use crate::import::{Source, write_store};
use crate::text;
use std::path::Path;

/// Largest export read: the Free Exercise DB is 1 MB; larger databases stay well below this.
const MAX_EXPORT_BYTES: u64 = 64 * 1024 * 1024;

/// Problems shown from a bad export; the rest are counted.
const MAX_SHOWN: usize = 20;

pub fn run(source: &dyn Source, file: &Path, into: &Path, force: bool) -> Exit {
    let shown = text::path(file);
    let bytes = match files::read_regular(file, MAX_EXPORT_BYTES) {
        Ok(bytes) => bytes,
        Err(e) => {
            emit_err(&format!("backchain: cannot read {shown}: {e}\n"));
            return Exit::Usage;
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        emit_err(&format!(
            "backchain: {shown} is not UTF-8 text; a {} export is JSON\n",
            source.name()
        ));
        return Exit::Usage;
    };
    let converted = match source.convert(&text) {
        Ok(converted) => converted,
        Err(errors) => {
            let mut out = String::new();
            for error in errors.iter().take(MAX_SHOWN) {
                // `file:line:col: …` for a syntax error, `file: [12].name: …` for a wrong shape.
                let line = match error.at.as_str() {
                    "" => format!("{shown}: {}", error.message),
                    at if at.starts_with(|c: char| c.is_ascii_digit()) => {
                        format!("{shown}:{at}: {}", error.message)
                    }
                    at => format!("{shown}: {at}: {}", error.message),
                };
                out.push_str(&line);
                out.push('\n');
            }
            if errors.len() > MAX_SHOWN {
                out.push_str(&format!(
                    "backchain: … and {} more problems in {shown}\n",
                    thousands(errors.len() - MAX_SHOWN)
                ));
            }
            out.push_str(&format!(
                "backchain: {shown} is not a {} export that can be imported; nothing was written\n",
                source.name()
            ));
            emit_err(&out);
            return Exit::Usage;
        }
    };
    let written = match write_store(&converted.exercises, into, force) {
        Ok(written) => written,
        Err(e) => {
            emit_err(&format!("backchain: {e}\n"));
            return Exit::Usage;
        }
    };
    let mut out = format!(
        "Read {} from {shown} ({}, {}).\nWrote {} to {}{}.\n",
        plural(converted.exercises.len(), "exercise"),
        source.name(),
        source.licence(),
        plural(written.files, "file"),
        text::path(&written.folder),
        match written.replaced {
            0 => String::new(),
            n => format!(" ({} replaced)", thousands(n)),
        },
    );
    // The folder as it will be used, over the built-in store, must pass `check`.
    let layers = Layers::new(vec![Origin::Embedded, Origin::Dir(into.to_path_buf())]);
    match Store::load_layers(&layers) {
        Ok((store, problems)) if problems.is_empty() => out.push_str(&format!(
            "Checked {layers}: {} exercises, no problems.\n",
            thousands(store.exercises.len())
        )),
        Ok((_, problems)) => {
            emit(&out);
            emit_err(&format!(
                "{}backchain: {layers} has {} problem{}; `backchain --content {} check` lists them\n",
                super::output::problem_lines(&problems),
                thousands(problems.len()),
                if problems.len() == 1 { "" } else { "s" },
                text::path(into),
            ));
            return Exit::Problems;
        }
        Err(e) => {
            emit(&out);
            emit_err(&format!("backchain: {e}\n"));
            return Exit::Usage;
        }
    }
    if !converted.report.is_empty() {
        out.push_str("\nWhat did not map onto backchain's fields (exercises with each value):\n");
        for line in converted.report.lines() {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out.push_str(&format!(
        "\nImported exercises are in search and the Exercises screen, never in a routine until content links one \
to a chain with a dose. Use them with `backchain --content {}` (over the built-in store), or add the folder to \
`content_dirs` in the config file; `backchain --content {} check` checks them.\n",
        text::path(into),
        text::path(into),
    ));
    emit(&out)
}
