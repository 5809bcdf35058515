//! `backchain compare A B`: two articles' claims aligned by topic, in two columns or as JSON.

use super::show::{LONGEST_ID, edit_distance};
use super::{Exit, Format, emit, output::emit_err};
use crate::compare::{CompareError, Comparison, Relation, Row, Tally, compare};
use crate::content::{Article, Claim, Store, Topic};
use serde::Serialize;
use std::fmt::Write as _;

/// Width of the whole output.
const WIDTH: usize = 78;
/// Width of the left column; the right one is one less so both and the gutter fit in [`WIDTH`].
const LEFT: usize = 38;
const RIGHT: usize = 37;
const GUTTER: &str = " │ ";

pub fn run(store: &Store, a: &str, b: &str, format: Format) -> Exit {
    let comparison = match compare(store, resolve(store, a), resolve(store, b)) {
        Ok(c) => c,
        Err(e) => {
            emit_err(&unknown_article(store, &e));
            return Exit::Usage;
        }
    };
    match format {
        Format::Text => emit(&text(&comparison)),
        Format::Json => emit(&json(&comparison)),
    }
}

/// An article id for what was asked: the id itself, or an article number as the app labels articles
/// ("003", or "3"); anything else is passed on as it is, to be reported.
fn resolve<'a>(store: &'a Store, asked: &'a str) -> &'a str {
    if store.article(asked).is_some() {
        return asked;
    }
    let number = asked.parse::<u32>().ok();
    store
        .articles
        .iter()
        .find(|r| {
            r.number == asked || number.is_some_and(|n| r.number.parse::<u32>().ok() == Some(n))
        })
        .map_or(asked, |r| r.id.as_str())
}

/// The error, with the closest article id when one is near enough (an article number or short name
/// counts as near).
fn unknown_article(store: &Store, e: &CompareError) -> String {
    let asked = e.unknown.to_lowercase();
    let by_alias = store
        .articles
        .iter()
        .find(|r| r.number == asked.as_str() || r.short.to_lowercase() == asked)
        .map(|r| r.id.as_str());
    let closest = by_alias.or_else(|| {
        if asked.len() > LONGEST_ID {
            return None;
        }
        store
            .articles
            .iter()
            .map(|r| (edit_distance(&asked, &r.id), r.id.as_str()))
            .filter(|(d, id)| {
                *d <= id.len() / 2 + 1 || (!asked.is_empty() && id.contains(asked.as_str()))
            })
            .min()
            .map(|(_, id)| id)
    });
    match closest {
        Some(id) => format!(
            "backchain: no article with id or number {}; did you mean {id}? Article ids are: {}\n",
            crate::text::quote(&e.unknown),
            e.known.join(", ")
        ),
        None => format!("backchain: {e}\n"),
    }
}

// ---- text ----

fn text(c: &Comparison) -> String {
    let mut out = String::new();
    let title = format!("{} vs {}", c.a.short, c.b.short);
    let _ = writeln!(out, "{title}\n{}", "=".repeat(width(&title).min(WIDTH)));
    out.push('\n');
    for (side, article) in [("A", c.a), ("B", c.b)] {
        let heading = format!("{} ({})", article.title, article.id);
        let first = format!("{side}  {}  ", article.number);
        paragraph(&mut out, &heading, &first, "        ");
        paragraph(&mut out, &about(article), "        ", "        ");
    }
    if c.rows.is_empty() {
        out.push_str("\nNeither article makes a claim on any topic.\n");
    }
    for row in &c.rows {
        out.push('\n');
        topic_row(&mut out, c, row);
    }
    let _ = writeln!(out, "\n{}", c.counts());
    let used = c.evidence_used();
    out.push_str("\nEvidence labels:\n");
    for e in used {
        paragraph(
            &mut out,
            &format!("{}: {}", e.as_str(), e.meaning()),
            "- ",
            "  ",
        );
    }
    out
}

/// Wraps a paragraph to [`WIDTH`] and appends it.
fn paragraph(out: &mut String, text: &str, first: &str, rest: &str) {
    for line in crate::text::wrap(text, WIDTH, first, rest) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// One line (wrapped) on what backs the article and what it says about itself.
fn about(article: &Article) -> String {
    let mut line = format!(
        "evidence: {} ({})",
        article.evidence.as_str(),
        article.evidence.gloss()
    );
    match &article.self_disclosure {
        Some(d) => {
            let _ = write!(line, " · says of itself: {d}");
        }
        None => line.push_str(" · says nothing about itself"),
    }
    line
}

fn topic_row(out: &mut String, c: &Comparison, row: &Row) {
    paragraph(
        out,
        &format!("{}  ({})", row.topic.question, row.topic.id),
        "",
        "",
    );
    let _ = writeln!(
        out,
        "{} {}",
        row.relation.symbol(),
        row.relation.label(&c.a.short, &c.b.short)
    );
    let left = column(row.topic, &row.a, &format!("A · {}", c.a.short), LEFT);
    let right = column(row.topic, &row.b, &format!("B · {}", c.b.short), RIGHT);
    let rule = format!("{}─┼─{}", "─".repeat(LEFT), "─".repeat(RIGHT));
    for i in 0..left.len().max(right.len()) {
        if i == 1 {
            let _ = writeln!(out, "{rule}");
        }
        let l = left.get(i).map_or("", String::as_str);
        let r = right.get(i).map_or("", String::as_str);
        let line = format!("{}{GUTTER}{r}", pad(l, LEFT));
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// A column's lines: its heading, then per claim the stance label, statement, evidence and location, and
/// our note when there is one.
fn column(topic: &Topic, claims: &[&Claim], heading: &str, cols: usize) -> Vec<String> {
    let mut lines = crate::text::wrap(heading, cols, "", "");
    if claims.is_empty() {
        lines.push(String::from("(says nothing on this)"));
    }
    for (i, claim) in claims.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        let stance = topic
            .stance(&claim.stance)
            .map_or(claim.stance.as_str(), |s| s.label.as_str());
        lines.extend(crate::text::wrap(stance, cols, "• ", "  "));
        lines.extend(crate::text::wrap(&claim.statement, cols, "  ", "  "));
        lines.extend(crate::text::wrap(
            &format!("[{} · {}]", claim.evidence.as_str(), claim.location),
            cols,
            "  ",
            "   ",
        ));
        if let Some(note) = &claim.note {
            lines.extend(crate::text::wrap(
                &format!("note: {note}"),
                cols,
                "  ",
                "  ",
            ));
        }
    }
    lines
}

use crate::text::width;

/// Pads with spaces to `cols` display columns.
fn pad(s: &str, cols: usize) -> String {
    let mut padded = String::from(s);
    padded.extend(std::iter::repeat_n(' ', cols.saturating_sub(width(s))));
    padded
}

// ---- JSON ----

#[derive(Serialize)]
struct JsonComparison<'a> {
    a: JsonArticle<'a>,
    b: JsonArticle<'a>,
    rows: Vec<JsonRow<'a>>,
    counts: Tally,
}

#[derive(Serialize)]
struct JsonArticle<'a> {
    id: &'a str,
    number: &'a str,
    title: &'a str,
    short: &'a str,
    evidence: &'a str,
    evidence_meaning: &'a str,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    topic: &'a str,
    question: &'a str,
    relation: Relation,
    a: Vec<JsonClaim<'a>>,
    b: Vec<JsonClaim<'a>>,
}

#[derive(Serialize)]
struct JsonClaim<'a> {
    id: &'a str,
    stance: &'a str,
    stance_label: &'a str,
    statement: &'a str,
    evidence: &'a str,
    evidence_meaning: &'a str,
    location: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

fn json_article(a: &Article) -> JsonArticle<'_> {
    JsonArticle {
        id: &a.id,
        number: &a.number,
        title: &a.title,
        short: &a.short,
        evidence: a.evidence.as_str(),
        evidence_meaning: a.evidence.meaning(),
    }
}

fn json_claims<'a>(topic: &'a Topic, claims: &[&'a Claim]) -> Vec<JsonClaim<'a>> {
    claims
        .iter()
        .map(|c| JsonClaim {
            id: &c.id,
            stance: &c.stance,
            stance_label: topic.stance(&c.stance).map_or(&c.stance, |s| &s.label),
            statement: &c.statement,
            evidence: c.evidence.as_str(),
            evidence_meaning: c.evidence.meaning(),
            location: &c.location,
            note: c.note.as_deref(),
        })
        .collect()
}

fn json(c: &Comparison) -> String {
    let doc = JsonComparison {
        a: json_article(c.a),
        b: json_article(c.b),
        rows: c
            .rows
            .iter()
            .map(|r| JsonRow {
                topic: &r.topic.id,
                question: &r.topic.question,
                relation: r.relation,
                a: json_claims(r.topic, &r.a),
                b: json_claims(r.topic, &r.b),
            })
            .collect(),
        counts: c.counts(),
    };
    serde_json::to_string_pretty(&doc).map_or_else(
        |e| format!("{{\"error\": {:?}}}\n", e.to_string()),
        |s| s + "\n",
    )
}

#[cfg(test)]
mod tests {
    use super::{pad, width};

    #[test]
    fn pad_counts_wide_characters_as_two() {
        assert_eq!(width(&pad("髋", 4)), 4);
        assert_eq!(pad("髋", 4), "髋  ");
    }
}
