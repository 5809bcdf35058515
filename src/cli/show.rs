//! `backchain show KIND ID`: one record, readably (or as JSON).

use super::{Exit, Format, RecordKind, emit, output::emit_err};
use crate::content::{Article, Chain, Claim, Evidence, Exercise, Store, Topic};
use std::fmt::Write as _;

/// Width prose is wrapped to.
pub(super) const WIDTH: usize = 78;
/// Longest id the checker lets a record have.
pub const LONGEST_ID: usize = 64;

/// Cells the figure takes in `show exercise ID --figure`.
pub const FIGURE_COLS: usize = 40;
pub const FIGURE_ROWS: usize = 12;

pub fn run(store: &Store, kind: RecordKind, id: &str, format: Format, figure: bool) -> Exit {
    if figure && (kind != RecordKind::Exercise || format == Format::Json) {
        emit_err(
            "backchain: --figure draws an exercise's figure as text: use it with `show exercise ID` and no --format json\n",
        );
        return Exit::Usage;
    }
    let found = match kind {
        RecordKind::Article => store.article(id).map(|r| (json(r), article(store, r))),
        RecordKind::Claim => store.claim(id).map(|r| (json(r), claim(store, r))),
        RecordKind::Topic => store.topic(id).map(|r| (json(r), topic(store, r))),
        RecordKind::Chain => store.chain(id).map(|r| (json(r), chain(store, r))),
        RecordKind::Exercise => (store.exercise(id)).map(|r| (json(r), exercise(store, r, figure))),
    };
    let Some((json, text)) = found else {
        emit_err(&not_found(store, kind, id));
        return Exit::Usage;
    };
    match format {
        Format::Json => emit(&json),
        Format::Text => emit(&text),
    }
}

fn json<T: serde::Serialize>(record: &T) -> String {
    serde_json::to_string_pretty(record).map_or_else(
        |e| format!("{{\"error\": {:?}}}\n", e.to_string()),
        |s| s + "\n",
    )
}

fn ids(store: &Store, kind: RecordKind) -> Vec<&str> {
    match kind {
        RecordKind::Article => store.articles.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Claim => store.claims.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Topic => store.topics.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Chain => store.chains.iter().map(|r| r.id.as_str()).collect(),
        RecordKind::Exercise => store.exercises.iter().map(|r| r.id.as_str()).collect(),
    }
}

fn kind_name(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Article => "article",
        RecordKind::Claim => "claim",
        RecordKind::Topic => "topic",
        RecordKind::Chain => "chain",
        RecordKind::Exercise => "exercise",
    }
}

/// "no chain with id "x"; did you mean …" with the closest ids.
fn not_found(store: &Store, kind: RecordKind, id: &str) -> String {
    let name = kind_name(kind);
    let all = ids(store, kind);
    // Ids are short (the checker allows 64 characters): a longer one is no typo of any, and comparing
    // it with every id would take time that grows with its length.
    let mut close: Vec<(usize, &str)> = if id.len() > LONGEST_ID {
        Vec::new()
    } else {
        all.iter()
            .map(|known| (edit_distance(id, known), *known))
            .filter(|(d, known)| *d <= known.len() / 2 + 1 || known.contains(id))
            .collect()
    };
    close.sort();
    let mut message = format!("backchain: no {name} with id {}", crate::text::quote(id));
    if close.is_empty() {
        let _ = write!(message, "; {name} ids are: {}", all.join(", "));
    } else {
        let names: Vec<&str> = close.iter().take(3).map(|(_, k)| *k).collect();
        let _ = write!(message, "; did you mean {}?", names.join(", "));
    }
    message.push('\n');
    message
}

/// Levenshtein distance by characters (ids are short).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(here)
            };
            prev = here;
        }
    }
    row[b.len()]
}

/// Wraps prose to [`WIDTH`] columns, every line starting with `indent`; ends with a newline.
pub fn wrap(text: &str, indent: &str) -> String {
    wrap_with(text, indent, indent)
}

/// `text` after `mark` (say "  1. "), wrapped with the lines below it indented to line up after the mark.
pub fn hanging(mark: &str, text: &str) -> String {
    wrap_with(text, mark, &" ".repeat(crate::text::width(mark)))
}

fn wrap_with(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    for line in crate::text::wrap(text, WIDTH, first, rest) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A wrapped list item: `marker` on the first line, continuation lines aligned under the text.
pub fn bullet(text: &str, indent: &str, marker: &str) -> String {
    let first = format!("{indent}{marker}");
    let hang = format!("{indent}{}", " ".repeat(crate::text::width(marker)));
    let mut out = String::new();
    for line in crate::text::wrap(text, WIDTH, &first, &hang) {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(
        out,
        "{title}\n{}",
        "=".repeat(title.chars().count().min(WIDTH))
    );
}

fn field(out: &mut String, name: &str, value: &str) {
    let _ = writeln!(out, "\n{name}:");
    out.push_str(&wrap(value, "  "));
}

fn list(out: &mut String, name: &str, items: &[impl AsRef<str>], numbered: bool) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{name}:");
    for (i, item) in items.iter().enumerate() {
        let bullet = if numbered {
            format!("{}. ", i + 1)
        } else {
            String::from("- ")
        };
        out.push_str(&self::bullet(item.as_ref(), "  ", &bullet));
    }
}

/// "Evidence labels:" with the plain meaning of each label used, strongest first.
fn evidence_legend(out: &mut String, used: impl IntoIterator<Item = Evidence>) {
    let used: std::collections::BTreeSet<Evidence> = used.into_iter().collect();
    if used.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nEvidence labels:");
    for e in used {
        out.push_str(&bullet(
            &format!("{}: {}", e.as_str(), e.meaning()),
            "  ",
            "- ",
        ));
    }
}

fn names<T: AsRef<str>>(items: &[T]) -> String {
    items
        .iter()
        .map(|i| i.as_ref())
        .collect::<Vec<_>>()
        .join(", ")
}

fn article(store: &Store, a: &Article) -> String {
    let mut out = String::new();
    heading(
        &mut out,
        &format!("{} ({}) — article {}", a.title, a.id, a.number),
    );
    field(&mut out, "Source", &a.source);
    field(&mut out, "Thesis", &a.thesis);
    field(
        &mut out,
        &format!("Evidence: {}", a.evidence.as_str()),
        &format!("{}\n{}", a.evidence.meaning(), a.evidence_note),
    );
    if let Some(d) = &a.self_disclosure {
        field(&mut out, "What it says about itself", d);
    }
    let _ = writeln!(out, "\nSupports chains: {}", names(&a.chains));
    let claims: Vec<String> = store
        .claims_of(&a.id)
        .map(|c| {
            format!(
                "[{}] {} ({}; {}) — {}",
                c.id,
                c.statement,
                c.evidence.as_str(),
                c.location,
                c.topic
            )
        })
        .collect();
    list(&mut out, "Claims", &claims, false);
    evidence_legend(&mut out, store.claims_of(&a.id).map(|c| c.evidence));
    out
}

fn claim(store: &Store, c: &Claim) -> String {
    let mut out = String::new();
    heading(&mut out, &format!("Claim {}", c.id));
    out.push('\n');
    out.push_str(&wrap(&c.statement, ""));
    let article = store
        .article(&c.article)
        .map_or(c.article.as_str(), |a| a.title.as_str());
    let _ = writeln!(
        out,
        "\nArticle:  {} ({}), {}",
        article, c.article, c.location
    );
    let question = store
        .topic(&c.topic)
        .map_or(c.topic.as_str(), |t| t.question.as_str());
    let stance = store
        .topic(&c.topic)
        .and_then(|t| t.stance(&c.stance))
        .map_or(c.stance.as_str(), |s| s.label.as_str());
    let _ = writeln!(out, "Topic:    {question} ({})", c.topic);
    let _ = writeln!(out, "Stance:   {stance} ({})", c.stance);
    let _ = writeln!(out, "Evidence: {}", c.evidence.as_str());
    out.push_str(&wrap(c.evidence.meaning(), "          "));
    if let Some(note) = &c.note {
        field(&mut out, "Note", note);
    }
    let chains: Vec<&str> = store
        .chains_citing(&c.id)
        .map(|ch| ch.id.as_str())
        .collect();
    if !chains.is_empty() {
        let _ = writeln!(out, "\nUsed by chains: {}", chains.join(", "));
    }
    out
}

fn topic(store: &Store, t: &Topic) -> String {
    let mut out = String::new();
    heading(&mut out, &format!("{} ({})", t.question, t.id));
    out.push('\n');
    out.push_str(&wrap(&t.summary, ""));
    for stance in &t.stances {
        let _ = writeln!(out, "\n{} ({})", stance.label, stance.id);
        out.push_str(&wrap(&stance.meaning, "  "));
        for c in store
            .claims
            .iter()
            .filter(|c| c.topic == t.id && c.stance == stance.id)
        {
            out.push_str(
                &wrap(
                    &format!(
                        "- {} [{}, {}]: {}",
                        c.article,
                        c.id,
                        c.evidence.as_str(),
                        c.statement
                    ),
                    "    ",
                )
                .replacen("    -", "  -", 1),
            );
        }
    }
    evidence_legend(
        &mut out,
        store
            .claims
            .iter()
            .filter(|c| c.topic == t.id)
            .map(|c| c.evidence),
    );
    out
}

fn chain(store: &Store, ch: &Chain) -> String {
    let mut out = String::new();
    heading(&mut out, &format!("{} ({})", ch.title, ch.id));
    let _ = writeln!(
        out,
        "\nArticles: {}   Pelvic tilt: {}{}",
        names(&ch.articles),
        ch.tilt.as_str(),
        ch.tilt_source
            .marker()
            .map(|m| format!(" ({m})"))
            .unwrap_or_default()
    );
    field(&mut out, "Summary", &ch.summary);
    field(&mut out, "Who it describes", &ch.who);
    let _ = writeln!(out, "\nSteps (cause → symptom):");
    for (i, step) in ch.steps.iter().enumerate() {
        let _ = writeln!(out, "  {}. {}", i + 1, step.label);
        if let Some(marker) = step.source.marker() {
            let _ = writeln!(out, "     [{marker}]");
        }
        out.push_str(&wrap(&step.detail, "     "));
        let _ = writeln!(out, "     claims: {}", names(&step.claims));
        if let Some(note) = &step.source_note {
            out.push_str(&wrap(&format!("source: {note}"), "     "));
        }
        if i + 1 < ch.steps.len() {
            let _ = writeln!(out, "     ↓");
        }
    }
    field(&mut out, "Way out — first", &ch.way_out.first);
    field(&mut out, "Then", &ch.way_out.next);
    if let Some(avoid) = &ch.way_out.avoid {
        field(&mut out, "Avoid", avoid);
    }
    let exercises: Vec<&str> = store.exercises_for(&ch.id).map(|e| e.id.as_str()).collect();
    if !exercises.is_empty() {
        let _ = writeln!(out, "\nExercises: {}", exercises.join(", "));
    }
    out
}

fn exercise(store: &Store, e: &Exercise, figure: bool) -> String {
    let mut out = String::new();
    heading(&mut out, &format!("{} ({})", e.name, e.id));
    out.push('\n');
    out.push_str(&wrap(&e.summary, ""));
    if figure {
        out.push('\n');
        match e.figure.as_ref() {
            Some(spec) => out.push_str(&crate::figure::braille::key_pose_text(
                &spec.figure(),
                FIGURE_COLS,
                FIGURE_ROWS,
            )),
            None => out
                .push_str("(No figure: this exercise was imported and nobody has drawn it yet.)\n"),
        }
    }
    let regions: Vec<&str> = e.regions.iter().map(|r| r.as_str()).collect();
    let equipment: Vec<&str> = e.equipment.iter().map(|r| r.as_str()).collect();
    let _ = writeln!(out, "\nPhase:     {}", e.phase.as_str());
    match &e.dosage {
        Some(dosage) => {
            let _ = writeln!(
                out,
                "Dose:      {} (about {} min)",
                dosage.describe(),
                dosage.seconds_total().div_ceil(60)
            );
        }
        None => {
            let _ = writeln!(out, "Dose:      none given (not in any routine)");
        }
    }
    if let Some(position) = e.position {
        let _ = writeln!(out, "Position:  {}", position.as_str());
    }
    if let Some(level) = e.level {
        let _ = writeln!(out, "Level:     {}", level.as_str());
    }
    // Only an imported exercise may leave these out: its source does not say, or names none of ours.
    let or_unstated = |list: Vec<&str>| match list.join(", ") {
        joined if joined.is_empty() => String::from("not stated"),
        joined => joined,
    };
    let _ = writeln!(out, "Equipment: {}", or_unstated(equipment));
    let _ = writeln!(out, "Regions:   {}", or_unstated(regions));
    let _ = writeln!(out, "Muscles:   {}", names(&e.muscles));
    if !e.aliases.is_empty() {
        let _ = writeln!(out, "Also:      {}", names(&e.aliases));
    }
    list(&mut out, "Steps", &e.steps, true);
    list(&mut out, "Cues", &e.cues, false);
    list(&mut out, "Cautions", &e.cautions, false);
    if !e.requires.is_empty() {
        let _ = writeln!(out, "\nFirst make easy: {}", names(&e.requires));
    }
    if let Some(ladder) = &e.ladder {
        let rung = |r: &crate::content::Rung| match &r.exercise {
            Some(id) => format!("{} ({id}): {}", r.name, r.change),
            None => format!("{}: {}", r.name, r.change),
        };
        let easier: Vec<String> = ladder.easier.iter().map(rung).collect();
        let harder: Vec<String> = ladder.harder.iter().map(rung).collect();
        list(&mut out, "Easier (nearest first)", &easier, false);
        list(&mut out, "Harder (nearest first)", &harder, false);
        field(&mut out, "Move up", &ladder.move_up);
        field(&mut out, "Move down", &ladder.move_down);
    }
    if e.chains.is_empty() {
        let _ = writeln!(out, "\nServes chains: none");
    } else {
        let _ = writeln!(out, "\nServes chains: {}", names(&e.chains));
    }
    let on_ladders: Vec<&str> = store
        .ladders_linking(&e.id)
        .map(|x| x.id.as_str())
        .collect();
    if !on_ladders.is_empty() {
        let _ = writeln!(out, "On the ladders of: {}", on_ladders.join(", "));
    }
    let _ = writeln!(out, "Where it comes from: {}", store.provenance_line(e));
    if let Some(note) = e.provenance.as_ref().and_then(|p| p.note.as_ref()) {
        out.push_str(&wrap(note, "  "));
    }
    if let Some(source) = &e.source {
        let _ = writeln!(out, "Source:    {}", source.url);
    }
    for (field, values) in &e.import {
        let _ = writeln!(out, "  {field} (as the source says): {}", names(values));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::bullet;

    #[test]
    fn bullets_wrap_under_their_marker_and_blank_items_do_not_panic() {
        assert_eq!(bullet("", "  ", "- "), "  -\n");
        assert_eq!(bullet("   ", "  ", "≠ "), "  ≠\n");
        let long = "word ".repeat(30);
        let text = bullet(&long, "  ", "≠ ");
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("  ≠ word") && lines[1].starts_with("    word"));
        assert!(lines.iter().all(|l| crate::text::width(l) <= super::WIDTH));
    }
}
