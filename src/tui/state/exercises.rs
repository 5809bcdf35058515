//! The exercises screen: a search box matched as you type, filters, the list of matches and the detail
//! of the one under the cursor.
//!
//! Typing only edits the query and marks the search as pending; `refresh` runs it (through a
//! [`SearchSession`], which narrows from the last result) once per frame, so a burst of keys on a big
//! store costs one search, not one per key.

use crate::content::{Equipment, Exercise, Phase, Region, Store};
use crate::search::MAX_QUERY_CHARS;
use crate::search::{Field, Filters, Hit, SearchIndex, SearchSession};
use crate::tui::action::{Action, Filter};
use crate::tui::app::App;
use crate::tui::layout::{self, contains};
use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Detail lines one wheel notch scrolls.
const WHEEL_LINES: u16 = 3;
/// Below this body width the list sits above the detail instead of beside it.
const SIDE_BY_SIDE: u16 = 70;
/// From this body width the picture goes beside the detail text instead of after it.
const PICTURE_BESIDE: u16 = 120;

/// What has focus: the search box (keys are typed into it), the list, or the detail pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Search,
    List,
    Detail,
}

#[derive(Clone, Debug)]
pub struct ExercisesState {
    pub query: String,
    pub filters: Filters,
    pub focus: Focus,
    /// Position in [`ExercisesState::hits`] of the selected exercise.
    pub cursor: usize,
    /// The first hit the list showed last; [`list_offset`] turns it into the one shown now.
    pub list_offset: usize,
    pub detail_scroll: u16,
    /// The query or filters changed since the last search.
    pending: bool,
    /// After the next search, put the cursor back on this exercise (store index) when it still matches.
    keep: Option<usize>,
    /// The exercise last chosen by moving or clicking, so a filter that hid it and a later one that
    /// shows it again come back to it.
    anchor: Option<usize>,
    /// Holds the last search's hits, and narrows the next one from them.
    session: SearchSession,
}

impl ExercisesState {
    pub fn new(store: &Store, search: &SearchIndex) -> Self {
        let mut state = ExercisesState {
            query: String::new(),
            filters: Filters::default(),
            focus: Focus::List,
            cursor: 0,
            list_offset: 0,
            detail_scroll: 0,
            pending: true,
            keep: None,
            anchor: None,
            session: SearchSession::new(),
        };
        state.refresh(store, search);
        state
    }

    /// The search box has focus: keys are typed into it.
    pub fn typing(&self) -> bool {
        self.focus == Focus::Search
    }

    /// The query or filters changed and `refresh` has not searched yet.
    pub fn pending(&self) -> bool {
        self.pending
    }

    /// The matches of the last search, best first (store order for an empty query).
    pub fn hits(&self) -> &[Hit] {
        self.session.hits()
    }

    pub fn selected(&self) -> Option<&Hit> {
        self.hits().get(self.cursor)
    }

    /// The exercise under the cursor.
    pub fn exercise<'a>(&self, store: &'a Store) -> Option<&'a Exercise> {
        self.selected()
            .and_then(|hit| store.exercises.get(hit.index))
    }

    /// Shows one exercise: clears the query and filters so it is in the list, and selects it once the
    /// next search (before the next frame) has run.
    pub fn open(&mut self, store: &Store, id: &str) {
        let Some(index) = store.exercises.iter().position(|e| e.id == id) else {
            return;
        };
        self.query.clear();
        self.filters = Filters::default();
        self.focus = Focus::Detail;
        self.pending = true;
        self.keep = Some(index);
        self.anchor = Some(index);
        self.detail_scroll = 0;
    }

    /// Runs the search if the query or filters changed, and keeps the cursor on a hit.
    pub fn refresh(&mut self, store: &Store, index: &SearchIndex) {
        if self.pending {
            self.pending = false;
            let before = self.selected().map(|hit| hit.index);
            let keep = self.keep.take();
            let hits = self.session.search(index, &self.query, &self.filters);
            self.cursor = keep
                .and_then(|exercise| hits.iter().position(|hit| hit.index == exercise))
                .unwrap_or(0);
            if self.selected().map(|hit| hit.index) != before {
                self.detail_scroll = 0;
            }
        }
        let len = self.hits().len();
        self.cursor = self.cursor.min(len.saturating_sub(1));
        // A chain filter the store does not know (content reloaded) would hide everything.
        if let Some(chain) = &self.filters.chain
            && store.chain(chain).is_none()
        {
            self.filters.chain = None;
            self.pending = true;
            self.refresh(store, index);
        }
    }

    /// The query changed: search again, best match on top.
    fn query_edited(&mut self) {
        self.pending = true;
        self.keep = None;
        self.anchor = None;
        self.list_offset = 0;
    }

    /// The filters changed or the query was cleared: search again, staying on the same exercise if it
    /// is still there.
    fn ground_changed(&mut self) {
        self.pending = true;
        self.keep = self.anchor.or_else(|| self.selected().map(|hit| hit.index));
    }

    fn move_cursor(&mut self, down: bool, by: usize) {
        let last = self.hits().len().saturating_sub(1);
        let to = if down {
            self.cursor.saturating_add(by).min(last)
        } else {
            self.cursor.saturating_sub(by).min(last)
        };
        self.choose(to);
    }

    /// The person put the cursor on the hit at `at`: its detail starts at the top, and filters try to
    /// keep it.
    fn choose(&mut self, at: usize) {
        let before = self.selected().map(|hit| hit.index);
        self.cursor = at;
        let now = self.selected().map(|hit| hit.index);
        if now != before {
            self.detail_scroll = 0;
        }
        self.anchor = now;
    }

    fn cycle(&mut self, filter: Filter, store: &Store) {
        match filter {
            Filter::Region => {
                let used: Vec<Region> = (Region::ALL.into_iter())
                    .filter(|r| store.exercises.iter().any(|e| e.regions.contains(r)))
                    .collect();
                self.filters.region = next(self.filters.region.as_ref(), &used);
            }
            Filter::Equipment => {
                let used: Vec<Equipment> = (Equipment::ALL.into_iter())
                    .filter(|q| store.exercises.iter().any(|e| e.equipment.contains(q)))
                    .collect();
                self.filters.equipment = next(self.filters.equipment.as_ref(), &used);
            }
            Filter::Phase => {
                let used: Vec<Phase> = (Phase::ALL.into_iter())
                    .filter(|p| store.exercises.iter().any(|e| e.phase == *p))
                    .collect();
                self.filters.phase = next(self.filters.phase.as_ref(), &used);
            }
            Filter::Chain => {
                let ids: Vec<String> = (store.chains.iter())
                    .filter(|c| store.exercises_for(&c.id).next().is_some())
                    .map(|c| c.id.to_string())
                    .collect();
                self.filters.chain = next(self.filters.chain.as_ref(), &ids);
            }
        }
        self.ground_changed();
    }

    pub fn has_filters(&self) -> bool {
        self.filters != Filters::default()
    }
}

/// The value after `current` in `values`: `None` → the first → … → the last → `None`. The callers leave
/// out values no exercise in the store has, which would only ever show an empty list.
fn next<T: Clone + PartialEq>(current: Option<&T>, values: &[T]) -> Option<T> {
    match current {
        None => values.first().cloned(),
        Some(value) => values
            .iter()
            .position(|v| v == value)
            .and_then(|at| values.get(at + 1))
            .cloned(),
    }
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

/// The areas of the exercises screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    /// The search box, with its border.
    pub search: Rect,
    /// The list pane, with its border.
    pub list: Rect,
    /// Where the list's rows go, one hit a row.
    pub rows: Rect,
    /// The detail pane, with its border.
    pub detail: Rect,
    /// Where the detail text goes.
    pub text: Rect,
    /// Beside the text when the body is wide and the exercise has a picture this wide.
    pub picture: Option<Rect>,
}

/// Splits the body. `picture_width` is the width of the selected exercise's picture, if it has one.
pub fn areas(body: Rect, picture_width: Option<u16>) -> Areas {
    let search_height = if body.height >= 12 { 4 } else { 3 };
    let [search, rest] =
        Layout::vertical([Constraint::Length(search_height), Constraint::Fill(1)]).areas(body);
    let (list, detail) = if rest.width >= SIDE_BY_SIDE {
        let width = (rest.width * 9 / 20).clamp(28, 56);
        let [l, d] =
            Layout::horizontal([Constraint::Length(width), Constraint::Fill(1)]).areas(rest);
        (l, d)
    } else {
        let [l, d] =
            Layout::vertical([Constraint::Percentage(40), Constraint::Fill(1)]).areas(rest);
        (l, d)
    };
    let rows = list.inner(Margin::new(1, 1));
    let inner = detail.inner(Margin::new(1, 1));
    let (text, picture) = match picture_width {
        Some(width) if body.width >= PICTURE_BESIDE && inner.width >= width.saturating_add(30) => {
            let [t, _, p] = Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Length(2),
                Constraint::Length(width),
            ])
            .areas(inner);
            (t, Some(p))
        }
        _ => (inner, None),
    };
    Areas {
        search,
        list,
        rows,
        detail,
        text,
        picture,
    }
}

/// The selected exercise's picture, if it has one, cleaned like content text.
pub fn picture(exercise: &Exercise) -> Option<String> {
    let name = exercise.picture.as_deref()?;
    let text = crate::assets::picture(name)?;
    let text = crate::text::clean(text);
    let text = text.trim_end_matches('\n');
    (!text.trim().is_empty()).then(|| text.to_owned())
}

/// Columns the widest line of a picture takes.
pub fn picture_width(picture: &str) -> u16 {
    let widest = picture
        .lines()
        .map(|line| ratatui::text::Line::raw(line).width())
        .max()
        .unwrap_or(0);
    u16::try_from(widest).unwrap_or(u16::MAX)
}

/// The areas for the app as it is now: the selected exercise decides whether a picture goes beside.
pub fn screen_areas(app: &App, body: Rect) -> Areas {
    let width = app
        .exercises
        .exercise(&app.store)
        .and_then(picture)
        .map(|p| picture_width(&p));
    areas(body, width)
}

/// [`screen_areas`] in the body of a terminal of `app.size`, for mouse hit-testing.
pub fn current_areas(app: &App) -> Areas {
    screen_areas(app, layout::frame(app.size).body)
}

/// How a piece of the detail text is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Title,
    Heading,
    Plain,
    Muted,
    Caution,
    Picture,
}

/// One line of the detail pane, before wrapping: pieces of text and how each is drawn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailLine {
    pub pieces: Vec<(Tone, String)>,
}

impl DetailLine {
    fn one(tone: Tone, text: impl Into<String>) -> Self {
        DetailLine {
            pieces: vec![(tone, text.into())],
        }
    }

    fn labelled(label: &str, text: impl Into<String>) -> Self {
        DetailLine {
            pieces: vec![
                (Tone::Muted, format!("{label} ")),
                (Tone::Plain, text.into()),
            ],
        }
    }

    fn blank() -> Self {
        DetailLine { pieces: Vec::new() }
    }

    pub fn text(&self) -> String {
        self.pieces.iter().map(|(_, t)| t.as_str()).collect()
    }
}

/// "about 5 min" for a dose's rough time.
pub fn about(seconds: u32) -> String {
    if seconds < 60 {
        format!("about {seconds} s")
    } else {
        format!("about {} min", (seconds + 30) / 60)
    }
}

/// Everything the detail pane says about an exercise; the picture goes last when `picture` is given
/// (it is drawn beside the text on wide screens instead).
pub fn detail_lines(store: &Store, exercise: &Exercise, picture: Option<&str>) -> Vec<DetailLine> {
    let mut lines = vec![DetailLine::one(Tone::Title, exercise.name.as_str())];
    if !exercise.summary.is_empty() {
        lines.push(DetailLine::one(Tone::Plain, exercise.summary.as_str()));
    }
    let equipment = if exercise.equipment.is_empty() || exercise.equipment == [Equipment::None] {
        String::from("no equipment")
    } else {
        (exercise.equipment.iter())
            .filter(|e| **e != Equipment::None)
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    lines.push(DetailLine::one(
        Tone::Muted,
        format!(
            "{} · {} · {equipment}",
            exercise.phase.as_str(),
            exercise.position.as_str()
        ),
    ));
    lines.push(DetailLine::labelled(
        "Dose:",
        format!(
            "{} ({})",
            exercise.dosage.describe(),
            about(exercise.dosage.seconds_total())
        ),
    ));
    let mut section =
        |title: &str, tone: Tone, items: &[crate::text::Text], mark: &dyn Fn(usize) -> String| {
            if items.is_empty() {
                return;
            }
            lines.push(DetailLine::blank());
            lines.push(DetailLine::one(Tone::Heading, title));
            for (i, item) in items.iter().enumerate() {
                lines.push(DetailLine::one(
                    tone,
                    format!("{}{}", mark(i), item.as_str()),
                ));
            }
        };
    section("Steps", Tone::Plain, &exercise.steps, &|i| {
        format!("{}. ", i + 1)
    });
    section("Cues", Tone::Plain, &exercise.cues, &|_| String::from("• "));
    section("Cautions", Tone::Caution, &exercise.cautions, &|_| {
        String::from("⚠ ")
    });
    let ladder = &exercise.ladder;
    lines.push(DetailLine::blank());
    lines.push(DetailLine::one(Tone::Heading, "Easier and harder"));
    let rung = |mark: &str, r: &crate::content::Rung| DetailLine {
        pieces: vec![
            (Tone::Muted, format!("{mark} ")),
            (Tone::Plain, format!("{}: ", r.name)),
            (Tone::Muted, r.change.to_string()),
        ],
    };
    for r in ladder.easier.iter().rev() {
        lines.push(rung("↓", r));
    }
    for r in &ladder.harder {
        lines.push(rung("↑", r));
    }
    lines.push(DetailLine::labelled("Move up:", ladder.move_up.as_str()));
    lines.push(DetailLine::labelled(
        "Move down:",
        ladder.move_down.as_str(),
    ));
    if !exercise.requires.is_empty() {
        let names: Vec<String> = (exercise.requires.iter())
            .map(|id| {
                store
                    .exercise(id)
                    .map_or(id.to_string(), |e| e.name.to_string())
            })
            .collect();
        lines.push(DetailLine::labelled("First make easy:", names.join(", ")));
    }
    lines.push(DetailLine::blank());
    if !exercise.chains.is_empty() {
        let chains: Vec<String> = (exercise.chains.iter())
            .map(|id| {
                store
                    .chain(id)
                    .map_or(id.to_string(), |c| c.short.to_string())
            })
            .collect();
        lines.push(DetailLine::labelled("Serves:", chains.join(", ")));
    }
    let p = &exercise.provenance;
    lines.push(DetailLine::labelled(
        "From:",
        store.provenance_line(exercise),
    ));
    if let Some(note) = &p.note {
        lines.push(DetailLine::one(Tone::Muted, note.as_str()));
    }
    if !exercise.aliases.is_empty() {
        let aliases: Vec<&str> = exercise.aliases.iter().map(|a| a.as_str()).collect();
        lines.push(DetailLine::labelled("Also called:", aliases.join(", ")));
    }
    if !exercise.muscles.is_empty() {
        let muscles: Vec<&str> = exercise.muscles.iter().map(|m| m.as_str()).collect();
        lines.push(DetailLine::labelled("Muscles:", muscles.join(", ")));
    }
    if let Some(picture) = picture {
        lines.push(DetailLine::blank());
        for line in picture.lines() {
            lines.push(DetailLine::one(Tone::Picture, line));
        }
    }
    lines
}

/// Rows the detail lines take wrapped to `width`.
pub fn detail_height(lines: &[DetailLine], width: u16) -> u16 {
    lines.iter().fold(0u16, |sum, line| {
        sum.saturating_add(layout::wrapped_height(&line.text(), width))
    })
}

/// The detail lines for the selected exercise as drawn in `areas`, or none.
pub fn current_detail(app: &App, areas: &Areas) -> Vec<DetailLine> {
    let Some(exercise) = app.exercises.exercise(&app.store) else {
        return Vec::new();
    };
    let picture = picture(exercise);
    // After the text when it does not go beside it, and only if it fits without wrapping.
    let inline = picture
        .as_deref()
        .filter(|p| areas.picture.is_none() && picture_width(p) <= areas.text.width);
    detail_lines(&app.store, exercise, inline)
}

/// How far the detail can scroll: to where its last line is at the bottom.
fn max_detail_scroll(app: &App) -> u16 {
    let areas = current_areas(app);
    let lines = current_detail(app, &areas);
    detail_height(&lines, areas.text.width).saturating_sub(areas.text.height)
}

/// What the chips before the keys say: "region: hamstrings", one per active filter.
pub fn chips(store: &Store, filters: &Filters) -> Vec<String> {
    let mut chips = Vec::new();
    if let Some(region) = filters.region {
        chips.push(format!("region: {}", region.as_str()));
    }
    if let Some(equipment) = filters.equipment {
        chips.push(format!("equipment: {}", equipment.as_str()));
    }
    if let Some(phase) = filters.phase {
        chips.push(format!("phase: {}", phase.as_str()));
    }
    if let Some(chain) = &filters.chain {
        let name = store
            .chain(chain)
            .map_or(chain.as_str(), |c| c.short.as_str());
        chips.push(format!("chain: {name}"));
    }
    chips
}

/// The text shown dimly after a name when the match was on an alias: "= good morning".
pub fn alias_shown<'a>(exercise: &'a Exercise, hit: &Hit) -> Option<&'a str> {
    match hit.matched_field {
        Field::Alias(i) => exercise.aliases.get(i).map(|a| a.as_str()),
        _ => None,
    }
}

pub fn update(app: &mut App, action: Action) {
    let edits = matches!(
        action,
        Action::Input(_)
            | Action::Backspace
            | Action::ClearInput
            | Action::CycleFilter(_)
            | Action::ClearFilters
    );
    // Moving or clicking needs the list as it is now; edits wait for the next frame.
    if !edits {
        app.exercises.refresh(&app.store, &app.search);
    }
    let page = usize::from(current_areas(app).rows.height.max(1));
    let state = &mut app.exercises;
    match action {
        Action::Click { column, row }
        | Action::ScrollUp { column, row }
        | Action::ScrollDown { column, row } => mouse(app, action, column, row),
        Action::FocusSearch => state.focus = Focus::Search,
        Action::Input(c)
            if state.typing()
                && !c.is_control()
                && state.query.chars().count() < MAX_QUERY_CHARS =>
        {
            state.query.push(c);
            state.query_edited();
        }
        Action::Backspace if state.typing() && state.query.pop().is_some() => {
            state.query_edited();
        }
        Action::ClearInput if state.typing() && !state.query.is_empty() => {
            state.query.clear();
            state.query_edited();
        }
        Action::Select | Action::Back | Action::NextPane | Action::PrevPane if state.typing() => {
            state.focus = Focus::List;
        }
        Action::Back if !state.query.is_empty() => {
            state.query.clear();
            state.ground_changed();
            state.focus = Focus::List;
        }
        Action::Back | Action::NextPane | Action::PrevPane if state.focus == Focus::Detail => {
            state.focus = Focus::List;
        }
        Action::CycleFilter(filter) => state.cycle(filter, &app.store),
        Action::ClearFilters if state.has_filters() => {
            state.filters = Filters::default();
            state.ground_changed();
        }
        Action::Select | Action::Right | Action::NextPane | Action::PrevPane
            if state.focus == Focus::List && state.selected().is_some() =>
        {
            state.focus = Focus::Detail;
        }
        Action::Left if state.focus == Focus::Detail => state.focus = Focus::List,
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom
            if state.focus == Focus::Detail =>
        {
            scroll_detail(app, action, u16::try_from(page).unwrap_or(u16::MAX));
        }
        Action::Up => state.move_cursor(false, 1),
        Action::Down => state.move_cursor(true, 1),
        Action::PageUp => state.move_cursor(false, page.saturating_sub(1).max(1)),
        Action::PageDown => state.move_cursor(true, page.saturating_sub(1).max(1)),
        Action::Top => state.move_cursor(false, usize::MAX),
        Action::Bottom => state.move_cursor(true, usize::MAX),
        _ => {}
    }
    let state = &mut app.exercises;
    state.list_offset = list_offset(state.list_offset, state.cursor, page, state.hits().len());
}

fn scroll_detail(app: &mut App, action: Action, page: u16) {
    let max = max_detail_scroll(app);
    let scroll = &mut app.exercises.detail_scroll;
    let page = page.saturating_sub(1).max(1);
    *scroll = match action {
        Action::Up | Action::ScrollUp { .. } => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::ScrollDown { .. } => scroll.saturating_add(WHEEL_LINES),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::Top => 0,
        Action::Bottom => max,
        _ => *scroll,
    }
    .min(max);
}

fn mouse(app: &mut App, action: Action, column: u16, row: u16) {
    if layout::too_small(app.size) {
        return;
    }
    let areas = current_areas(app);
    let state = &mut app.exercises;
    let click = matches!(action, Action::Click { .. });
    if contains(areas.search, column, row) {
        if click {
            state.focus = Focus::Search;
        }
    } else if contains(areas.list, column, row) {
        match action {
            Action::Click { .. } => {
                state.focus = Focus::List;
                if contains(areas.rows, column, row) {
                    let height = usize::from(areas.rows.height);
                    let len = state.hits().len();
                    let offset = list_offset(state.list_offset, state.cursor, height, len);
                    let at = offset + usize::from(row - areas.rows.y);
                    if at < len {
                        state.choose(at);
                    }
                }
            }
            Action::ScrollDown { .. } => state.move_cursor(true, 1),
            _ => state.move_cursor(false, 1),
        }
    } else if contains(areas.detail, column, row) {
        if click {
            if state.selected().is_some() {
                state.focus = Focus::Detail;
            }
        } else {
            let page = areas.text.height;
            scroll_detail(app, action, page);
        }
    }
}
