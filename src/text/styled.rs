//! Styled text without a terminal: runs of text, each with the role it plays. The CLI prints the text,
//! Markdown marks up the roles it can, and the app maps each role to a style — one type for all three.

/// What a piece of text is. Renderers decide how it looks; state is never shown by colour alone, so a
/// role that matters (a warning, a selection) also carries a word or a symbol in the text itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Role {
    #[default]
    Plain,
    /// Secondary: sources, hints, notes.
    Muted,
    /// Emphasis inside a paragraph.
    Strong,
    /// A pane's or section's heading.
    Title,
    /// A smaller heading inside a pane.
    Heading,
    /// Something to act on, or a key to press.
    Accent,
    /// Counts for (a reason that makes a story likelier, an agreement).
    Good,
    /// Counts against.
    Bad,
    /// Needs care: a caution, a near-tie, a partial agreement.
    Warn,
    /// Stop: a red flag.
    Danger,
    /// The line under the cursor.
    Selected,
    /// Letters a search matched (underlined as well, so they show without colour).
    Match,
}

/// A piece of text in one role.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Run {
    pub role: Role,
    pub text: String,
}

impl Run {
    pub fn new(role: Role, text: impl Into<String>) -> Run {
        Run {
            role,
            text: text.into(),
        }
    }
}

/// One line of styled text (or, before wrapping, one paragraph).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Line {
    pub runs: Vec<Run>,
}

impl Line {
    pub fn new() -> Line {
        Line::default()
    }

    /// A line of one run.
    pub fn of(role: Role, text: impl Into<String>) -> Line {
        Line::new().with(role, text)
    }

    /// Adds a run, merging it into the last one when the role is the same.
    pub fn push(&mut self, role: Role, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.runs.last_mut() {
            Some(last) if last.role == role => last.text.push_str(text),
            _ => self.runs.push(Run::new(role, text)),
        }
    }

    /// Builder form of [`Line::push`].
    pub fn with(mut self, role: Role, text: impl Into<String>) -> Line {
        self.push(role, &text.into());
        self
    }

    pub fn is_empty(&self) -> bool {
        self.runs.iter().all(|r| r.text.is_empty())
    }

    /// The text without roles.
    pub fn plain(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// Columns the line takes.
    pub fn width(&self) -> usize {
        self.runs.iter().map(|r| super::width(&r.text)).sum()
    }

    /// The same text in another role throughout (a selected line, say).
    pub fn restyled(&self, role: Role) -> Line {
        Line::of(role, self.plain())
    }
}

impl From<&str> for Line {
    fn from(text: &str) -> Line {
        Line::of(Role::Plain, text)
    }
}

impl From<String> for Line {
    fn from(text: String) -> Line {
        Line::of(Role::Plain, text)
    }
}

/// Plain lines from styled ones (tests, plain-text output).
pub fn plain(lines: &[Line]) -> Vec<String> {
    lines.iter().map(Line::plain).collect()
}
