//! The Exercises screen's frame, worked out once before it is drawn: where the search box, the list, the
//! detail (and its moving figure) and the filter picker go, and their text built and wrapped to fit.

use super::detail::{self, Picture};
use super::figure::{self, FigureDrawn};
use super::picker::{self, PickerDrawn, picker_drawn};
use super::{Pane, State};
use crate::content::{Equipment, Exercise};
use crate::search::{Field, Hit, POSITIONED};
use crate::text::{self, Line, Role};
use crate::tui::action::{Action, Screen};
use crate::tui::keys::{self, Mode, Scope};
use crate::tui::screens::Context;
use crate::tui::ui;
use ratatui::layout::{Constraint, Layout, Rect};

/// Below this body width the list sits above the detail instead of beside it.
const SIDE_BY_SIDE: u16 = 70;
/// From this body width the figure goes beside the detail text instead of in it.
const PICTURE_BESIDE: u16 = 120;
/// Columns the detail text keeps beside the figure.
const TEXT_BESIDE: u16 = 40;
/// Rows the detail text usually takes above the figure: the name, a summary of two or three lines, the
/// facts, the dose and a blank line.
const ABOVE_FIGURE: usize = 8;
/// Widest the figure is drawn in the text, in columns.
const INLINE_COLS: usize = 36;
/// Columns of a name a row keeps before the equipment is cut too.
const MIN_NAME: usize = 10;
/// From this many columns a row says the phase before the equipment.
const ROOM_FOR_PHASE: usize = 48;

/// One frame of the Exercises screen.
#[derive(Clone, Debug, Default)]
pub struct Drawn {
    pub body: Rect,
    /// The search box, with its border.
    pub search: Rect,
    /// The query line and the filter line inside the box.
    pub search_lines: Vec<Line>,
    /// The list pane, with its border.
    pub list: Rect,
    /// Where the list's rows go, one hit a row.
    pub rows: Rect,
    pub list_title: String,
    /// The hit on the top row.
    pub first_row: usize,
    /// The rows shown, from `first_row` on.
    pub row_lines: Vec<Line>,
    /// What the list says when nothing matches, wrapped.
    pub empty: Vec<Line>,
    /// The detail pane, with its border.
    pub detail: Rect,
    /// Where the detail text goes (narrower than the pane when the figure is beside it).
    pub text: Rect,
    pub detail_lines: Vec<Line>,
    /// The figure beside the text on a canvas, on wide screens.
    pub figure: Option<FigureDrawn>,
    /// Which detail lines are the figure, when it is drawn in the text instead.
    pub figure_rows: Option<std::ops::Range<usize>>,
    pub picker: Option<PickerDrawn>,
}

impl State {
    /// Lays the frame out for `body` and keeps it for the view and for input.
    pub fn prepare(&mut self, ctx: &Context, body: Rect) {
        let search_height = if body.height >= 12 { 4 } else { 3 };
        let [search, rest] =
            Layout::vertical([Constraint::Length(search_height), Constraint::Fill(1)]).areas(body);
        let (list, detail_area) = if rest.width >= SIDE_BY_SIDE {
            let width = (rest.width * 9 / 20).clamp(32, 56);
            let [l, d] =
                Layout::horizontal([Constraint::Length(width), Constraint::Fill(1)]).areas(rest);
            (l, d)
        } else {
            let [l, d] =
                Layout::vertical([Constraint::Percentage(40), Constraint::Fill(1)]).areas(rest);
            (l, d)
        };
        let rows = ui::inner(list);
        let height = usize::from(rows.height);
        let total = self.total();
        let before = self.drawn.as_ref().map_or(0, |d| d.first_row);
        let first_row = list_offset(before, self.cursor, height, total);

        // The detail, with the figure beside it, in it, or noted.
        let inner = ui::inner(detail_area);
        let exercise = self.exercise(ctx);
        let moving = exercise.and_then(figure::figure);
        let pose = (moving.as_ref()).map(|f| figure::pose_now(f, ctx.now, ctx.motion));
        let beside_width = (inner.width / 3).clamp(24, 48);
        let beside = (moving.as_ref().zip(pose.as_ref()))
            .filter(|_| {
                body.width >= PICTURE_BESIDE && inner.width >= beside_width + 2 + TEXT_BESIDE
            })
            .and_then(|(f, pose)| {
                let labels = ui::to_u16(f.labels.len());
                let height = (beside_width / 3 + labels).min(inner.height);
                let [t, _, p] = Layout::horizontal([
                    Constraint::Fill(1),
                    Constraint::Length(2),
                    Constraint::Length(beside_width),
                ])
                .areas(inner);
                let drawn = figure::figure_drawn(f, pose, Rect { height, ..p }, ctx.braille)?;
                Some((t, drawn))
            });
        let (text_area, figure_beside) = match beside {
            Some((t, drawn)) => (t, Some(drawn)),
            None => (inner, None),
        };
        let width = usize::from(text_area.width);
        let cols = width.min(INLINE_COLS);
        let inline: Vec<String> = match (&moving, &pose, &figure_beside) {
            (Some(f), Some(pose), None) if cols >= crate::figure::MIN_COLS => {
                // Short enough to be seen whole under the name, summary and dose where it can.
                let room =
                    usize::from(text_area.height).saturating_sub(ABOVE_FIGURE + f.labels.len());
                let rows = room.clamp(
                    crate::figure::MIN_ROWS,
                    (cols / 3).max(crate::figure::MIN_ROWS),
                );
                figure::figure_lines(f, pose, cols, rows, ctx.braille)
            }
            _ => Vec::new(),
        };
        let placement = match &moving {
            None => Picture::None,
            Some(_) if figure_beside.is_some() => Picture::Beside,
            Some(_) if !inline.is_empty() => Picture::Inline(&inline),
            Some(_) => Picture::TooWide,
        };
        let (detail_lines, figure_rows) = exercise.map_or((Vec::new(), None), |e| {
            detail::lines_and_figure(ctx.store, e, placement, width)
        });
        self.detail.clamp(detail_lines.len(), text_area.height);

        let row_lines = (self.hits().iter().enumerate().skip(first_row).take(height))
            .filter_map(|(at, hit)| {
                let exercise = ctx.store.exercises.get(hit.index)?;
                Some(self.row(ctx, exercise, hit, usize::from(rows.width), at))
            })
            .collect();
        let list_title = match (total, self.session.query().trim().is_empty()) {
            (0, _) => String::from("Exercises"),
            (n, true) => format!("Exercises {}/{n} · A–Z", self.cursor + 1),
            (n, false) => format!("Exercises {}/{n} · best first", self.cursor + 1),
        };
        let empty = if total == 0 {
            text::wrap_pieces(
                &[(Role::Muted, &self.empty_message(ctx))],
                usize::from(rows.width.max(1)),
                0,
            )
        } else {
            Vec::new()
        };
        let picker = self.picker.as_ref().map(|p| {
            let before = self.drawn.as_ref().and_then(|d| d.picker.as_ref());
            picker_drawn(ctx, p, &self.filters, body, before.map_or(0, |d| d.first))
        });
        self.drawn = Some(Drawn {
            body,
            search,
            search_lines: self.search_lines(ctx, ui::inner(search).width),
            list,
            rows,
            list_title,
            first_row,
            row_lines,
            empty,
            detail: detail_area,
            text: text_area,
            detail_lines,
            figure: figure_beside,
            figure_rows,
            picker,
        });
    }

    /// The query line (with the count on the right) and the filter line (chips, then the keys).
    fn search_lines(&self, ctx: &Context, width: u16) -> Vec<Line> {
        let width = usize::from(width);
        let typing = self.pane == Pane::Search;
        // The count is the last query's while the search thread works on this one.
        let count = if self.searching() {
            String::from("searching…")
        } else {
            format!("{} of {}", self.total(), ctx.store.exercises.len())
        };
        let show_count = width >= text::width(&count) + 20;
        let left = if show_count {
            width - text::width(&count) - 1
        } else {
            width
        };
        let room = left.saturating_sub(3);
        let search_key = keys::label_in(Scope::Screen(Screen::Exercises), Action::FocusSearch);
        let mut query = Line::of(Role::Accent, "/ ");
        if self.query.is_empty() && !typing {
            let hint = format!("press {search_key} to search names, aliases, muscles…");
            query.push(Role::Muted, &text::truncate(&hint, room));
        } else {
            query.push(Role::Plain, &tail(&self.query, room));
            if typing {
                query.push(Role::Accent, "█");
                if self.query.is_empty() {
                    let hint =
                        text::truncate(" type a name, alias or muscle", room.saturating_sub(1));
                    query.push(Role::Muted, &hint);
                }
            }
        }
        if show_count {
            let pad = width.saturating_sub(query.width() + text::width(&count));
            query.push(Role::Plain, &" ".repeat(pad));
            query.push(Role::Muted, &count);
        }
        let mut filters = Line::new();
        let chips = picker::chips(ctx.store, &self.filters);
        if chips.is_empty() {
            filters.push(Role::Muted, "no filters");
        }
        for (i, chip) in chips.iter().enumerate() {
            if i > 0 {
                filters.push(Role::Plain, " ");
            }
            filters.push(Role::Accent, &format!("[{chip}]"));
        }
        let scope = Scope::Screen(Screen::Exercises);
        let keys = format!(
            "{} filter · {} clear",
            keys::label_in(scope, Action::PickFilter),
            keys::label_in(scope, Action::ClearFilters)
        );
        if filters.width() + 3 + text::width(&keys) <= width {
            filters.push(Role::Plain, "   ");
            filters.push(Role::Muted, &keys);
        }
        vec![
            text::truncate_line(&query, width),
            text::truncate_line(&filters, width),
        ]
    }

    /// One row of the list: the marker, the name with its matched letters marked, the alias that
    /// matched (dim), and the equipment (after the phase when there is room) on the right. A long name
    /// is cut with "…"; the equipment stays.
    fn row(&self, ctx: &Context, exercise: &Exercise, hit: &Hit, width: usize, at: usize) -> Line {
        let avail = width.saturating_sub(2);
        let kit: Vec<&str> = (exercise.equipment.iter())
            .filter(|e| **e != Equipment::None)
            .map(|e| e.as_str())
            .collect();
        let kit = if kit.is_empty() {
            String::from("none")
        } else {
            kit.join(", ")
        };
        let tag = if avail >= ROOM_FOR_PHASE {
            format!("{} · {kit}", exercise.phase.as_str())
        } else {
            kit
        };
        let tag = text::truncate(&tag, avail.saturating_sub(MIN_NAME + 1));
        let name_room = avail.saturating_sub(text::width(&tag) + 1);
        let name_width = text::width(&exercise.name);
        // What matched when it is not the name: an alias ("= hip IR") or a rung of the ladder, marked as
        // the detail marks it ("↑ Couch stretch", one step harder).
        let also = match hit.matched_field {
            Field::Alias(i) => exercise.aliases.get(i).map(|a| ("=", a.as_str())),
            Field::Rung(i) => {
                (exercise.rung(i)).map(|(side, rung)| (side.mark(), rung.name.as_str()))
            }
            _ => None,
        };
        // " = hip IR": the mark with a space each side.
        let lead = also.map_or(0, |(mark, _)| text::width(mark) + 2);
        let also_width = also.map_or(0, |(_, a)| lead + text::width(a));
        // When both do not fit, the name gives way to a short alias or rung, down to MIN_NAME columns.
        let name_fits = if name_width + also_width <= name_room {
            name_width
        } else {
            (name_room.saturating_sub(also_width.min(lead + 8))).max(MIN_NAME.min(name_room))
        };
        let name = text::truncate(&exercise.name, name_fits);
        let positions = if at >= POSITIONED && hit.name_positions.is_empty() {
            let query = self.session.query();
            if query.trim().is_empty() {
                Vec::new()
            } else {
                ctx.search.highlight(hit.index, query)
            }
        } else {
            hit.name_positions.clone()
        };
        let mut line = Line::of(Role::Plain, if at == self.cursor { "▶ " } else { "  " });
        for (i, c) in name.chars().enumerate() {
            let matched = c != '…' && positions.binary_search(&i).is_ok();
            let mut buf = [0u8; 4];
            line.push(
                if matched { Role::Match } else { Role::Plain },
                c.encode_utf8(&mut buf),
            );
        }
        let mut used = text::width(&name);
        if let Some((mark, also)) = also {
            let room = name_room.saturating_sub(used + lead);
            if room >= 4 {
                let also = text::truncate(also, room);
                used += lead + text::width(&also);
                line.push(Role::Muted, &format!(" {mark} {also}"));
            }
        }
        let pad = avail.saturating_sub(used + text::width(&tag));
        line.push(Role::Plain, &" ".repeat(pad));
        line.push(Role::Muted, &tag);
        line
    }

    /// What the list says when nothing matches; the keys it names come from the key table.
    fn empty_message(&self, ctx: &Context) -> String {
        if ctx.store.exercises.is_empty() {
            return String::from("This content store has no exercises.");
        }
        if self.searching() {
            return String::from("Searching…");
        }
        let clear = keys::label_in(Scope::Screen(Screen::Exercises), Action::ClearFilters);
        if self.query.trim().is_empty() {
            return format!("No exercise fits these filters. Clear them with {clear}.");
        }
        let leave = keys::label_in(Scope::Mode(Mode::Typing), Action::Back);
        let empty_box = keys::label_in(Scope::Mode(Mode::Typing), Action::ClearInput);
        let hint = match (self.has_filters(), self.pane == Pane::Search) {
            (true, false) => {
                format!("Try fewer letters, or clear the search and filters with {clear}.")
            }
            (true, true) => format!(
                "Try fewer letters, or press {leave} then {clear} to clear the search and filters."
            ),
            (false, false) => format!("Try fewer letters, or {clear} to clear the search."),
            (false, true) => format!("Try fewer letters ({empty_box} empties the box)."),
        };
        format!("No exercise matches “{}”. {hint}", self.query.trim())
    }
}

/// The last columns of `text` that fit in `width`, with "…" in front when the start was cut (the end
/// of a query is what was just typed).
fn tail(text: &str, width: usize) -> String {
    let reversed: String = text.chars().rev().collect();
    text::truncate(&reversed, width).chars().rev().collect()
}

/// The first hit to show in a list of `len` rows `height` high, starting from the last one shown, so
/// the cursor is visible and the list does not end early with room to spare.
pub fn list_offset(offset: usize, cursor: usize, height: usize, len: usize) -> usize {
    if height == 0 {
        return cursor;
    }
    let offset = offset.min(len.saturating_sub(height));
    if cursor < offset {
        cursor
    } else if cursor >= offset + height {
        cursor + 1 - height
    } else {
        offset
    }
}
