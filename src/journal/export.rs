//! The journal as a table: one row per event, every kind in time order, with the same columns in CSV
//! (for a spreadsheet) and JSON.

use super::Event;
use serde_json::{Map, Value};

/// The columns, in order. A column an event does not have is empty (CSV) or null (JSON).
pub const COLUMNS: [&str; 14] = [
    "at",
    "kind",
    "id",
    "session_id",
    "exercise_id",
    "outcome",
    "skip_reason",
    "rating",
    "value",
    "measure",
    "ended_at",
    "pain_before",
    "pain_after",
    "note",
];

/// One event's cells, in [`COLUMNS`] order.
fn cells(event: &Event) -> [Value; 14] {
    let text = |s: &str| Value::from(s);
    let opt = |v: Option<Value>| v.unwrap_or(Value::Null);
    let mut row: [Value; 14] = Default::default();
    row[0] = text(event.at());
    row[1] = text(event.kind());
    row[2] = Value::from(event.id());
    match event {
        Event::Pain { value, note, .. } => {
            row[8] = Value::from(*value);
            row[13] = text(note);
        }
        Event::Session {
            ended_at,
            pain_before,
            pain_after,
            note,
            ..
        } => {
            row[10] = opt(ended_at.as_deref().map(text));
            row[11] = opt(pain_before.map(Value::from));
            row[12] = opt(pain_after.map(Value::from));
            row[13] = text(note);
        }
        Event::Exercise {
            session_id,
            exercise_id,
            outcome,
            skip_reason,
            rating,
            ..
        } => {
            row[3] = Value::from(*session_id);
            row[4] = text(exercise_id);
            row[5] = text(outcome);
            row[6] = opt(skip_reason.map(|r| text(r.as_str())));
            row[7] = opt(rating.map(|r| text(r.as_str())));
        }
        Event::Retest { measure, value, .. } => {
            row[8] = Value::from(*value);
            row[9] = text(measure);
        }
    }
    row
}

/// CSV (RFC 4180): a header row, then one row per event; a cell with a comma, a quote or a line break
/// is quoted, its quotes doubled. Lines end in `\n`.
pub fn csv(events: &[Event]) -> String {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for event in events {
        let row: Vec<String> = cells(event)
            .iter()
            .map(|cell| match cell {
                Value::Null => String::new(),
                Value::String(s) => csv_cell(s),
                other => other.to_string(),
            })
            .collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// A JSON array of objects with the [`COLUMNS`] as keys, pretty-printed, ending in a newline.
pub fn json(events: &[Event]) -> String {
    let rows: Vec<Value> = events
        .iter()
        .map(|event| {
            let row: Map<String, Value> = COLUMNS
                .iter()
                .map(|c| c.to_string())
                .zip(cells(event))
                .collect();
            Value::Object(row)
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&rows).unwrap_or_else(|_| String::from("[]"));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_what_needs_it() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        let events = [Event::Pain {
            id: 1,
            at: String::from("2026-11-30T08:27:00Z"),
            value: 4,
            note: String::from("stiff, \"bad\""),
        }];
        assert_eq!(
            csv(&events),
            format!(
                "{}\n2026-11-30T08:27:00Z,pain,1,,,,,,4,,,,,\"stiff, \"\"bad\"\"\"\n",
                COLUMNS.join(",")
            )
        );
    }
}
