//! The filter picker: every region, kind of equipment, phase and chain that some exercise has, under a
//! heading per filter with "any" first, laid out as a popup; and the chips that say which filters are on.

use super::layout::list_offset;
use crate::content::{Equipment, Phase, Region, Store};
use crate::search::Filters;
use crate::text::{self, Line, Role};
use crate::tui::screens::Context;
use crate::tui::ui;
use ratatui::layout::Rect;

/// One filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Region,
    Equipment,
    Phase,
    Chain,
}

impl Kind {
    pub fn title(self) -> &'static str {
        match self {
            Kind::Region => "Region",
            Kind::Equipment => "Equipment",
            Kind::Phase => "Phase",
            Kind::Chain => "Chain",
        }
    }
}

/// A value one filter can take; `None` lets everything through.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Region(Option<Region>),
    Equipment(Option<Equipment>),
    Phase(Option<Phase>),
    /// A chain id.
    Chain(Option<String>),
}

impl Choice {
    pub fn kind(&self) -> Kind {
        match self {
            Choice::Region(_) => Kind::Region,
            Choice::Equipment(_) => Kind::Equipment,
            Choice::Phase(_) => Kind::Phase,
            Choice::Chain(_) => Kind::Chain,
        }
    }

    /// Does this value restrict anything?
    pub fn is_set(&self) -> bool {
        !matches!(
            self,
            Choice::Region(None)
                | Choice::Equipment(None)
                | Choice::Phase(None)
                | Choice::Chain(None)
        )
    }

    /// Is this the value the filter has now?
    pub fn is_on(&self, filters: &Filters) -> bool {
        match self {
            Choice::Region(r) => filters.region == *r,
            Choice::Equipment(e) => filters.equipment == *e,
            Choice::Phase(p) => filters.phase == *p,
            Choice::Chain(c) => filters.chain == *c,
        }
    }

    /// Sets the filter to this value.
    pub fn apply(&self, filters: &mut Filters) {
        match self {
            Choice::Region(r) => filters.region = *r,
            Choice::Equipment(e) => filters.equipment = *e,
            Choice::Phase(p) => filters.phase = *p,
            Choice::Chain(c) => filters.chain.clone_from(c),
        }
    }

    /// How the picker writes it: "any", "hamstrings", a chain's short name.
    pub fn label(&self, store: &Store) -> String {
        let name = match self {
            Choice::Region(r) => r.map(Region::as_str),
            Choice::Equipment(e) => e.map(Equipment::as_str),
            Choice::Phase(p) => p.map(Phase::as_str),
            Choice::Chain(c) => c
                .as_deref()
                .map(|id| store.chain(id).map_or(id, |c| c.short.as_str())),
        };
        name.unwrap_or("any").to_owned()
    }
}

/// The open picker: the values to choose from and the one under the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picker {
    pub choices: Vec<Choice>,
    pub cursor: usize,
}

impl Picker {
    /// Every value some exercise in the store has (a value no exercise has would only ever show an
    /// empty list), each filter led by "any"; the cursor starts on the region filter's value.
    pub fn new(store: &Store, filters: &Filters) -> Picker {
        let exercises = &store.exercises;
        let mut choices = vec![Choice::Region(None)];
        choices.extend(
            (Region::ALL.into_iter())
                .filter(|r| exercises.iter().any(|e| e.regions.contains(r)))
                .map(|r| Choice::Region(Some(r))),
        );
        choices.push(Choice::Equipment(None));
        choices.extend(
            (Equipment::ALL.into_iter())
                .filter(|q| exercises.iter().any(|e| e.equipment.contains(q)))
                .map(|q| Choice::Equipment(Some(q))),
        );
        choices.push(Choice::Phase(None));
        choices.extend(
            (Phase::ALL.into_iter())
                .filter(|p| exercises.iter().any(|e| e.phase == *p))
                .map(|p| Choice::Phase(Some(p))),
        );
        choices.push(Choice::Chain(None));
        choices.extend(
            (store.chains.iter())
                .filter(|c| store.exercises_for(&c.id).next().is_some())
                .map(|c| Choice::Chain(Some(c.id.to_string()))),
        );
        let cursor = choices.iter().position(|c| c.is_on(filters)).unwrap_or(0);
        Picker { choices, cursor }
    }

    pub fn chosen(&self) -> Option<&Choice> {
        self.choices.get(self.cursor)
    }
}

/// What the chips in the search box say: "region: hamstrings", one per filter that is on.
pub fn chips(store: &Store, filters: &Filters) -> Vec<String> {
    [
        Choice::Region(filters.region),
        Choice::Equipment(filters.equipment),
        Choice::Phase(filters.phase),
        Choice::Chain(filters.chain.clone()),
    ]
    .into_iter()
    .filter(Choice::is_set)
    .map(|c| format!("{}: {}", c.kind().title().to_lowercase(), c.label(store)))
    .collect()
}

/// The filter picker as laid out: a popup with every line, a heading or a value.
#[derive(Clone, Debug, Default)]
pub struct PickerDrawn {
    pub area: Rect,
    pub rows: Rect,
    pub lines: Vec<Line>,
    /// Which choice each line is (`None` for headings and gaps).
    pub choice_at: Vec<Option<usize>>,
    /// The line on the top row.
    pub first: usize,
}

impl PickerDrawn {
    /// The choice drawn at a screen row, if any.
    pub fn choice_at_row(&self, row: u16) -> Option<usize> {
        let line = self.first + usize::from(row.checked_sub(self.rows.y)?);
        if row >= self.rows.bottom() {
            return None;
        }
        self.choice_at.get(line).copied().flatten()
    }
}

/// The picker in the middle of the body: a heading per filter, its values under it, the value that is
/// on marked, the cursor's line in view (with its heading when it is the first value).
pub fn picker_drawn(
    ctx: &Context,
    picker: &Picker,
    filters: &Filters,
    body: Rect,
    before: usize,
) -> PickerDrawn {
    let mut lines = Vec::new();
    let mut choice_at = Vec::new();
    let mut kind: Option<Kind> = None;
    for (i, choice) in picker.choices.iter().enumerate() {
        if kind != Some(choice.kind()) {
            if kind.is_some() {
                lines.push(Line::new());
                choice_at.push(None);
            }
            kind = Some(choice.kind());
            lines.push(Line::of(Role::Heading, choice.kind().title()));
            choice_at.push(None);
        }
        let mark = if choice.is_on(filters) {
            "(•)"
        } else {
            "( )"
        };
        let lead = if i == picker.cursor { "▶ " } else { "  " };
        let label = format!("{lead}{mark} {}", choice.label(ctx.store));
        let role = if i == picker.cursor {
            Role::Selected
        } else {
            Role::Plain
        };
        lines.push(Line::of(role, label));
        choice_at.push(Some(i));
    }
    let widest = lines.iter().map(Line::width).max().unwrap_or(0);
    let width = ui::to_u16(widest.max(24) + 4).min(body.width);
    let height = ui::to_u16(lines.len() + 2).min(body.height);
    let area = ui::centered(body, width, height);
    let rows = ui::inner(area);
    let lines: Vec<Line> = lines
        .iter()
        .map(|l| text::truncate_line(l, usize::from(rows.width)))
        .collect();
    let at = choice_at
        .iter()
        .position(|c| *c == Some(picker.cursor))
        .unwrap_or(0);
    let mut first = list_offset(before, at, usize::from(rows.height), lines.len());
    // The first value of a filter brings its heading into view.
    if first == at && at > 0 && choice_at[at - 1].is_none() && rows.height > 1 {
        first = at - 1;
    }
    PickerDrawn {
        area,
        rows,
        lines,
        choice_at,
        first,
    }
}
