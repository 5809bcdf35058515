//! Width-aware layout of text for a terminal: how wide a string is, word wrapping (plain and styled),
//! and cutting to a width with "…". The one set of helpers the CLI and the app both use.

use super::styled::{Line, Role, Run};

/// Columns `text` takes in a terminal (wide CJK and emoji count two).
pub fn width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// `text` word-wrapped to `width` columns: the first line starts with `first`, every other line with
/// `rest`; a newline starts a new line; a word longer than a line is broken. The one wrapper for plain
/// text, used by the CLI and the terminal app alike.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::from(first);
    let mut lead = self::width(first);
    let mut used = lead;
    for (n, paragraph) in text.split('\n').enumerate() {
        if n > 0 {
            lines.push(std::mem::replace(&mut line, String::from(rest)));
            lead = self::width(rest);
            used = lead;
        }
        for word in paragraph.split_whitespace() {
            let w = self::width(word);
            if used > lead && used + 1 + w > width {
                lines.push(std::mem::replace(&mut line, String::from(rest)));
                lead = self::width(rest);
                used = lead;
            }
            if used > lead {
                line.push(' ');
                used += 1;
            }
            for c in word.chars() {
                let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                if used + cw > width && used > lead {
                    lines.push(std::mem::replace(&mut line, String::from(rest)));
                    lead = self::width(rest);
                    used = lead;
                }
                line.push(c);
                used += cw;
            }
        }
    }
    lines.push(line);
    lines
}

/// `text` cut to `width` columns, ending in "…" when anything was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if self::width(text) <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + cw > width - 1 {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

/// A styled line cut to `width` columns, ending in "…" (in the role of the run it cut) when anything
/// was cut.
pub fn truncate_line(line: &Line, width: usize) -> Line {
    if line.width() <= width {
        return line.clone();
    }
    let mut out = Line::new();
    let mut used = 0;
    for run in &line.runs {
        let room = width.saturating_sub(used);
        let w = self::width(&run.text);
        if w < room {
            out.push(run.role, &run.text);
            used += w;
        } else {
            out.push(run.role, &truncate(&run.text, room));
            break;
        }
    }
    out
}

enum Token {
    Word(Vec<Run>),
    Space(Role, usize),
    Break,
}

fn push_piece(runs: &mut Vec<Run>, role: Role, text: &str) {
    match runs.last_mut() {
        Some(last) if last.role == role => last.text.push_str(text),
        _ => runs.push(Run::new(role, text)),
    }
}

/// Word-wraps styled text to `width` columns. Continuation lines start with `hang` spaces (dropped when
/// the width leaves no room for them); spaces at the start of the text and after a newline are kept, so
/// prefixes and indents line up; a word longer than a line is broken.
pub fn wrap_styled(runs: &[Run], width: usize, hang: usize) -> Vec<Line> {
    let width = width.max(1);
    let hang = if hang + 8 > width { 0 } else { hang };
    let mut tokens = Vec::new();
    let mut word: Vec<Run> = Vec::new();
    for run in runs {
        for c in run.text.chars() {
            if c.is_whitespace() {
                if !word.is_empty() {
                    tokens.push(Token::Word(std::mem::take(&mut word)));
                }
                if c == '\n' {
                    tokens.push(Token::Break);
                } else if let Some(Token::Space(_, n)) = tokens.last_mut() {
                    *n += 1;
                } else {
                    tokens.push(Token::Space(run.role, 1));
                }
            } else {
                let mut buf = [0u8; 4];
                push_piece(&mut word, run.role, c.encode_utf8(&mut buf));
            }
        }
    }
    if !word.is_empty() {
        tokens.push(Token::Word(word));
    }

    let mut lines: Vec<Line> = Vec::new();
    let mut line = Line::new();
    let mut used = 0usize;
    let mut fresh = true;
    let mut keep_leading = true;
    let mut pending: Option<(Role, usize)> = None;
    let new_line = |lines: &mut Vec<Line>, line: &mut Line, used: &mut usize| {
        lines.push(std::mem::take(line));
        if hang > 0 {
            line.push(Role::Plain, &" ".repeat(hang));
        }
        *used = hang;
    };
    for token in tokens {
        match token {
            Token::Space(role, n) => {
                pending = Some(pending.map_or((role, n), |(r, m)| (r, m + n)));
            }
            Token::Break => {
                new_line(&mut lines, &mut line, &mut used);
                fresh = true;
                keep_leading = true;
                pending = None;
            }
            Token::Word(pieces) => {
                let w: usize = pieces.iter().map(|r| self::width(&r.text)).sum();
                let gap = pending.map_or(0, |(_, n)| n);
                if !fresh && used + gap + w > width {
                    new_line(&mut lines, &mut line, &mut used);
                    fresh = true;
                    keep_leading = false;
                    pending = None;
                }
                if let Some((role, n)) = pending.take()
                    && (!fresh || keep_leading)
                {
                    line.push(role, &" ".repeat(n));
                    used += n;
                }
                for piece in pieces {
                    for c in piece.text.chars() {
                        let mut buf = [0u8; 4];
                        let s = c.encode_utf8(&mut buf);
                        let cw = self::width(s);
                        if used + cw > width && used > hang {
                            new_line(&mut lines, &mut line, &mut used);
                        }
                        line.push(piece.role, s);
                        used += cw;
                    }
                }
                fresh = false;
            }
        }
    }
    if !line.runs.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// [`wrap_styled`] for a list of `(role, text)` pieces.
pub fn wrap_pieces(pieces: &[(Role, &str)], width: usize, hang: usize) -> Vec<Line> {
    let runs: Vec<Run> = pieces.iter().map(|(r, t)| Run::new(*r, *t)).collect();
    wrap_styled(&runs, width, hang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::styled::plain;

    #[test]
    fn truncation_ends_in_an_ellipsis_and_counts_wide_chars() {
        assert_eq!(truncate("Questionnaire", 8), "Questio…");
        assert_eq!(truncate("short", 8), "short");
        assert_eq!(truncate("髋关节内旋", 5), "髋关…");
        assert_eq!(truncate("abc", 0), "");
        let line = Line::of(Role::Title, "Tight ").with(Role::Muted, "hamstrings");
        let cut = truncate_line(&line, 10);
        assert_eq!(cut.plain(), "Tight ham…");
        assert_eq!(cut.runs[1].role, Role::Muted);
    }

    #[test]
    fn styled_wrapping_keeps_roles_hangs_and_breaks() {
        let lines = wrap_pieces(
            &[(Role::Accent, "? "), (Role::Plain, "one two three four")],
            10,
            2,
        );
        assert_eq!(plain(&lines), ["? one two", "  three", "  four"]);
        assert_eq!(lines[0].runs[0].role, Role::Accent);
        assert_eq!(
            plain(&wrap_pieces(&[(Role::Plain, "a\nb")], 10, 0)),
            ["a", "b"]
        );
        assert_eq!(
            plain(&wrap_pieces(&[(Role::Plain, "abcdefghij")], 4, 0)),
            ["abcd", "efgh", "ij"]
        );
        assert_eq!(plain(&wrap_pieces(&[], 4, 0)), [""]);
    }

    #[test]
    fn wrapping_keeps_words_whole_breaks_long_ones_and_counts_wide_chars() {
        assert_eq!(wrap("one two three", 7, "", ""), ["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4, "", ""), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\nb", 10, "", ""), ["a", "b"]);
        assert_eq!(wrap("", 5, "", ""), [""]);
        assert_eq!(
            wrap("alpha beta gamma", 12, "- ", "  "),
            ["- alpha beta", "  gamma"]
        );
        assert_eq!(wrap("髋关节 内旋", 7, "", ""), ["髋关节", "内旋"]);
    }
}
