//! Reading a JSON export: syntax errors with line and column, wrong shapes with the JSON path.

use serde_json::Value;
use std::fmt;

/// Something in the export that makes it unreadable, at a JSON path (`[12].name`) or at a line and
/// column (a syntax error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// `[12].name`, or `3:17` for a syntax error; empty for the document as a whole.
    pub at: String,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.at, self.message)
        }
    }
}

/// Parses the whole text; a syntax error (a truncated file, a stray comma) names its line and column.
pub fn parse(text: &str) -> Result<Value, InputError> {
    serde_json::from_str(text).map_err(|e| InputError {
        at: format!("{}:{}", e.line(), e.column()),
        message: format!("not valid JSON: {}", without_position(&e.to_string())),
    })
}

/// serde_json ends its messages with " at line L column C", which [`InputError::at`] already says.
fn without_position(message: &str) -> &str {
    message
        .rfind(" at line ")
        .map_or(message, |at| &message[..at])
}

/// What a JSON value is, in words: "a string", "null" …
pub fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The fields of one exercise object, read with the path of the exercise for messages.
pub struct Fields<'a> {
    pub object: &'a serde_json::Map<String, Value>,
    /// `[12]`, or `[12] ("Push_Press")` once the id is known.
    pub at: String,
    pub errors: Vec<InputError>,
}

impl<'a> Fields<'a> {
    fn wrong(&mut self, field: &str, wanted: &str, found: &Value) {
        self.errors.push(InputError {
            at: format!("{}.{field}", self.at),
            message: format!("must be {wanted}, found {}", kind(found)),
        });
    }

    /// A string field that must be there.
    pub fn required_string(&mut self, field: &str) -> Option<&'a str> {
        match self.object.get(field) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(s),
            Some(Value::String(_)) => {
                self.errors.push(InputError {
                    at: format!("{}.{field}", self.at),
                    message: String::from("is empty"),
                });
                None
            }
            Some(other) => {
                self.wrong(field, "a string", other);
                None
            }
            None => {
                self.errors.push(InputError {
                    at: self.at.clone(),
                    message: format!("`{field}` is missing"),
                });
                None
            }
        }
    }

    /// A string field that may be missing or null.
    pub fn optional_string(&mut self, field: &str) -> Option<&'a str> {
        match self.object.get(field) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s),
            Some(other) => {
                self.wrong(field, "a string or null", other);
                None
            }
        }
    }

    /// A list of strings that may be missing (then empty).
    pub fn strings(&mut self, field: &str) -> Vec<&'a str> {
        match self.object.get(field) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(items)) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    match item {
                        Value::String(s) => out.push(s.as_str()),
                        other => self.errors.push(InputError {
                            at: format!("{}.{field}[{i}]", self.at),
                            message: format!("must be a string, found {}", kind(other)),
                        }),
                    }
                }
                out
            }
            Some(other) => {
                self.wrong(field, "a list of strings", other);
                Vec::new()
            }
        }
    }
}

/// A value the model has no field for, kept as text: a string as it is, anything else as JSON.
pub fn as_texts(value: &Value) -> Vec<String> {
    match value {
        Value::Null => Vec::new(),
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items
            .iter()
            .flat_map(|item| match item {
                Value::String(s) => vec![s.clone()],
                other => vec![other.to_string()],
            })
            .collect(),
        other => vec![other.to_string()],
    }
}
