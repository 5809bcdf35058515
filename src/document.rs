//! A document made of headings, paragraphs, list items, notes and tables, in styled text — written once,
//! then rendered as plain text (the CLI), Markdown (the sheet a person keeps) or lines for the app, so the
//! three can never say different things.

use crate::text::{self, Line, Role, Run};
use std::fmt::Write as _;

/// One block of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// 1: the document's title; 2: a section; 3: a sub-section.
    Heading(u8, String),
    Paragraph(Line),
    /// A list item: its marker ("- ", "▲ ", "3. "), its text, and how deep it sits (0 = top level).
    Item {
        marker: Run,
        text: Line,
        depth: u8,
    },
    /// Text that belongs to the item or paragraph above it, indented under its text.
    Note {
        text: Line,
        depth: u8,
    },
    /// Rows of cells; the first row is the header.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Line>>,
    },
    /// Text kept as it is, never wrapped (a drawing): a fenced code block in Markdown.
    Preformatted(Vec<String>),
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn new() -> Document {
        Document::default()
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading(level, text.into()));
        self
    }

    pub fn paragraph(&mut self, text: impl Into<Line>) -> &mut Self {
        self.blocks.push(Block::Paragraph(text.into()));
        self
    }

    pub fn item(&mut self, marker: Run, text: impl Into<Line>) -> &mut Self {
        self.blocks.push(Block::Item {
            marker,
            text: text.into(),
            depth: 0,
        });
        self
    }

    pub fn bullet(&mut self, text: impl Into<Line>) -> &mut Self {
        self.item(Run::new(Role::Muted, "- "), text)
    }

    pub fn note(&mut self, text: impl Into<Line>, depth: u8) -> &mut Self {
        self.blocks.push(Block::Note {
            text: text.into(),
            depth,
        });
        self
    }

    pub fn table(&mut self, header: &[&str], rows: Vec<Vec<Line>>) -> &mut Self {
        self.blocks.push(Block::Table {
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows,
        });
        self
    }

    /// Lines kept exactly as they are, such as a figure drawn in braille.
    pub fn preformatted(&mut self, lines: Vec<String>) -> &mut Self {
        self.blocks.push(Block::Preformatted(lines));
        self
    }

    pub fn append(&mut self, other: Document) -> &mut Self {
        self.blocks.extend(other.blocks);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// Styled lines `width` columns wide, as the app draws them.
    pub fn to_lines(&self, width: usize) -> Vec<Line> {
        self.block_lines(width).concat()
    }

    /// [`Document::to_lines`] split by block: the lines of each block, a blank line that separates it
    /// from the block above included, so the app can tell which lines show which block (a routine's
    /// exercise under the cursor, say).
    pub fn block_lines(&self, width: usize) -> Vec<Vec<Line>> {
        let width = width.max(1);
        let mut out: Vec<Vec<Line>> = Vec::with_capacity(self.blocks.len());
        let mut last_blank = false;
        for (n, block) in self.blocks.iter().enumerate() {
            let mut lines: Vec<Line> = Vec::new();
            match block {
                Block::Heading(_, title) => {
                    if n > 0 && !last_blank {
                        lines.push(Line::new());
                    }
                    lines.extend(text::wrap_pieces(&[(Role::Title, title)], width, 0));
                }
                Block::Paragraph(line) => {
                    // A paragraph after a list or a table starts after a blank line.
                    let after_list = n > 0
                        && matches!(
                            self.blocks[n - 1],
                            Block::Item { .. } | Block::Note { .. } | Block::Table { .. }
                        );
                    if after_list && !last_blank {
                        lines.push(Line::new());
                    }
                    lines.extend(text::wrap_styled(&line.runs, width, 0));
                }
                Block::Item {
                    marker,
                    text: line,
                    depth,
                } => {
                    let indent = " ".repeat(usize::from(*depth) * 2);
                    let mut runs = vec![Run::new(Role::Plain, indent.clone()), marker.clone()];
                    runs.extend(line.runs.iter().cloned());
                    let hang = indent.chars().count() + text::width(&marker.text);
                    lines.extend(text::wrap_styled(&runs, width, hang));
                }
                Block::Note { text: line, depth } => {
                    let indent = " ".repeat(usize::from(*depth) * 2 + 2);
                    let mut runs = vec![Run::new(Role::Plain, indent.clone())];
                    runs.extend(line.runs.iter().cloned());
                    lines.extend(text::wrap_styled(&runs, width, indent.chars().count()));
                }
                Block::Table { header, rows } => lines.extend(table_lines(header, rows, width)),
                Block::Preformatted(text) => {
                    if n > 0 && !last_blank {
                        lines.push(Line::new());
                    }
                    // Cut, never wrapped: a wrapped drawing is no drawing.
                    lines.extend(
                        text.iter()
                            .map(|l| text::truncate_line(&Line::of(Role::Plain, l), width)),
                    );
                    lines.push(Line::new());
                }
            }
            if let Some(last) = lines.last() {
                last_blank = last.is_empty();
            }
            out.push(lines);
        }
        out
    }

    /// Plain text `width` columns wide, for a terminal or a pipe.
    pub fn to_text(&self, width: usize) -> String {
        let mut out = String::new();
        for line in self.to_lines(width) {
            out.push_str(line.plain().trim_end());
            out.push('\n');
        }
        out
    }

    /// Markdown: headings as `#`, items as lists, tables as pipe tables; text escaped.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        let mut in_list = false;
        for block in &self.blocks {
            let list_block = matches!(block, Block::Item { .. } | Block::Note { .. });
            if in_list && !list_block {
                out.push('\n');
            }
            in_list = list_block;
            match block {
                Block::Heading(level, title) => {
                    let _ = writeln!(out, "{} {}\n", "#".repeat(usize::from(*level)), md(title));
                }
                Block::Paragraph(line) => {
                    let _ = writeln!(out, "{}\n", md_block(md_line(line)));
                }
                Block::Item {
                    marker,
                    text: line,
                    depth,
                } => {
                    let indent = "  ".repeat(usize::from(*depth));
                    let marker = marker.text.trim();
                    let bullet = if marker.ends_with('.')
                        && marker[..marker.len() - 1]
                            .chars()
                            .all(|c| c.is_ascii_digit())
                    {
                        marker.to_owned()
                    } else if marker == "-" {
                        String::from("-")
                    } else {
                        format!("- {}", md(marker))
                    };
                    let _ = writeln!(out, "{indent}{bullet} {}", md_line(line));
                }
                Block::Note { text: line, depth } => {
                    let indent = "  ".repeat(usize::from(*depth) + 1);
                    let _ = writeln!(out, "{indent}*{}*", md(&line.plain()).trim());
                }
                Block::Table { header, rows } => {
                    let _ = writeln!(
                        out,
                        "| {} |\n|{}",
                        header.iter().map(|h| md(h)).collect::<Vec<_>>().join(" | "),
                        "---|".repeat(header.len())
                    );
                    for row in rows {
                        let cells: Vec<String> = row.iter().map(md_line).collect();
                        let _ = writeln!(out, "| {} |", cells.join(" | "));
                    }
                    out.push('\n');
                }
                Block::Preformatted(text) => {
                    // A fence longer than any run of backticks inside, so nothing closes it early.
                    let longest = (text.iter())
                        .flat_map(|l| l.split(|c| c != '`'))
                        .map(str::len)
                        .max()
                        .unwrap_or(0);
                    let fence = "`".repeat(longest.max(2) + 1);
                    let _ = writeln!(out, "{fence}text");
                    for line in text {
                        let _ = writeln!(out, "{line}");
                    }
                    let _ = writeln!(out, "{fence}\n");
                }
            }
        }
        out
    }
}

/// Columns aligned with two spaces between them; the last column takes what is left and wraps.
fn table_lines(header: &[String], rows: &[Vec<Line>], width: usize) -> Vec<Line> {
    let columns = header
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    if columns == 0 {
        return Vec::new();
    }
    let mut widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(Line::width)
                .max()
                .unwrap_or(0)
        })
        .collect();
    // Keep the fixed columns within half the width; the last column wraps in what remains.
    let fixed: usize = widths[..columns - 1].iter().map(|w| w + 2).sum();
    if fixed > width / 2 + width / 4 && columns > 1 {
        let cap = ((width * 3 / 4) / (columns - 1)).saturating_sub(2).max(4);
        for w in &mut widths[..columns - 1] {
            *w = (*w).min(cap);
        }
    }
    let lead: usize = widths[..columns - 1].iter().map(|w| w + 2).sum();
    let mut out = Vec::new();
    for row in rows {
        let mut line = Line::new();
        for (c, w) in widths.iter().enumerate().take(columns - 1) {
            let cell = row.get(c).cloned().unwrap_or_default();
            let cell = text::truncate_line(&cell, *w);
            let pad = w.saturating_sub(cell.width()) + 2;
            for run in cell.runs {
                line.push(run.role, &run.text);
            }
            line.push(Role::Plain, &" ".repeat(pad));
        }
        let last = row.get(columns - 1).cloned().unwrap_or_default();
        let mut runs = line.runs;
        runs.extend(last.runs);
        out.extend(text::wrap_styled(&runs, width, lead));
    }
    out
}

/// Escapes the characters that would turn text into Markdown markup inside a line.
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A paragraph must not start a heading or a quote either.
fn md_block(text: String) -> String {
    if text.starts_with('#') || text.starts_with('>') {
        format!("\\{text}")
    } else {
        text
    }
}

/// A styled line in Markdown: strong and title runs in bold, the rest as text.
fn md_line(line: &Line) -> String {
    line.runs
        .iter()
        .map(|run| match run.role {
            Role::Strong | Role::Title if !run.text.trim().is_empty() => {
                let inner = run.text.trim();
                let lead = &run.text[..run.text.len() - run.text.trim_start().len()];
                let tail = &run.text[run.text.trim_end().len()..];
                format!("{lead}**{}**{tail}", md(inner))
            }
            _ => md(&run.text),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        let mut doc = Document::new();
        doc.heading(1, "Your result")
            .paragraph(Line::of(Role::Strong, "Stiff ribs").with(Role::Plain, " fits you best."))
            .heading(2, "Why")
            .item(
                Run::new(Role::Good, "▲ "),
                "Belly breathing: about 3× more likely",
            )
            .note("000 reads a rising belly as stiff ribs.", 0)
            .table(
                &["#", "exercise", "dose"],
                vec![vec![
                    Line::from("1."),
                    Line::from("Rib breathing"),
                    Line::from("2 × 6 breaths"),
                ]],
            );
        doc
    }

    #[test]
    fn one_document_three_renderings() {
        let doc = sample();
        let text = doc.to_text(40);
        assert!(
            text.starts_with("Your result\nStiff ribs fits you best.\n\nWhy\n▲ Belly breathing: about 3× more likely\n  000 reads a rising belly as stiff\n  ribs.\n"),
            "{text}"
        );
        assert!(text.contains("1.  Rib breathing  2 × 6 breaths"), "{text}");
        let md = doc.to_markdown();
        assert!(
            md.starts_with(
                "# Your result\n\n**Stiff ribs** fits you best.\n\n## Why\n\n- ▲ Belly breathing"
            ),
            "{md}"
        );
        assert!(
            md.contains(
                "| # | exercise | dose |\n|---|---|---|\n| 1. | Rib breathing | 2 × 6 breaths |"
            ),
            "{md}"
        );
        let lines = doc.to_lines(40);
        assert_eq!(lines[0].runs[0].role, Role::Title);
        assert_eq!(
            lines.iter().map(Line::plain).collect::<Vec<_>>().join("\n") + "\n",
            text.replace(" \n", "\n")
        );
    }

    #[test]
    fn lines_by_block_are_the_lines_with_each_separator_on_the_block_it_opens() {
        let doc = sample();
        let blocks = doc.block_lines(40);
        assert_eq!(blocks.len(), doc.blocks.len());
        assert_eq!(blocks.concat(), doc.to_lines(40));
        // "Why" opens with the blank line that separates it from the paragraph above.
        assert_eq!(text::styled::plain(&blocks[2]), ["", "Why"]);
        assert_eq!(blocks[3].len(), 1, "the item");
    }

    #[test]
    fn markdown_escapes_markup_in_text() {
        let mut doc = Document::new();
        doc.paragraph("a *b* [c] | d");
        assert_eq!(doc.to_markdown(), "a \\*b\\* \\[c\\] \\| d\n\n");
    }

    #[test]
    fn preformatted_text_is_kept_as_it_is_and_fenced_in_markdown() {
        let mut doc = Document::new();
        doc.paragraph("Above.");
        doc.preformatted(vec![String::from("⠀⢀⠔ *a* ``b``"), String::from("⠣⠤")]);
        assert_eq!(
            doc.to_markdown(),
            "Above.\n\n```text\n⠀⢀⠔ *a* ``b``\n⠣⠤\n```\n\n"
        );
        // Cut at the width, never wrapped: the paragraph wraps, the drawing does not.
        assert_eq!(doc.to_text(4), "Abov\ne.\n\n⠀⢀⠔…\n⠣⠤\n\n");
    }
}
