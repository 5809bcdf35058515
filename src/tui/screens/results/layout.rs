//! The Results frame, worked out once before it is drawn: where the verdict line, the stories, the
//! diagram, the reasons, the routine and the claims popup go (or the care message alone), with their text
//! wrapped to fit and every scroll kept within its text.

use super::canvas::chain_lines;
use super::diagram::{DiagramAreas, diagram_areas};
use super::drawings::{Sight, Source};
use super::kept::Lines;
use super::pane_text::{self, RoutineText};
use super::{Care, Pane, State};
use crate::text::Line;
use crate::tui::action::{Action, Screen::Results};
use crate::tui::keys::{self, Mode, Scope};
use crate::tui::screens::Context;
use crate::tui::ui::{self, list};
use ratatui::layout::{Constraint, Layout, Rect};

/// A bordered pane of text: where it goes, its title and its lines.
#[derive(Clone, Debug, Default)]
pub struct TextPane {
    pub area: Rect,
    pub title: String,
    pub lines: Lines,
}

impl TextPane {
    /// Rows of text inside the border.
    pub fn rows(&self) -> u16 {
        ui::inner(self.area).height
    }
}

/// The ranked stories: one row each, the first shown keeping the selected one in view.
#[derive(Clone, Debug, Default)]
pub struct Chains {
    pub area: Rect,
    pub title: String,
    pub rows: Vec<Line>,
    pub first: usize,
}

/// The diagram pane: the boxes, the selected step's text, the drawings.
#[derive(Clone, Debug)]
pub struct Diagram {
    pub area: Rect,
    pub title: String,
    pub parts: DiagramAreas,
    pub canvas: Vec<Line>,
    pub detail: Lines,
    /// Each of `parts.drawings` as it is seen this frame (its cells are kept in the screen's state).
    pub moving: Vec<Sight>,
}

/// The routine pane, and which lines each exercise takes.
#[derive(Clone, Debug, Default)]
pub struct Routine {
    pub pane: TextPane,
    pub exercises: Vec<(usize, usize)>,
    /// With the routine focused and room for it: the selected exercise's moving figure, under the list
    /// (its area and the exercise's id).
    pub figure: Option<(Rect, String)>,
    /// That figure as it is seen this frame, inside the pane's border.
    pub moving: Option<Sight>,
}

/// Rows the selected exercise's figure takes under the routine, and the least the list keeps above it.
const ROUTINE_FIGURE_ROWS: u16 = 12;
const ROUTINE_LIST_ROWS: u16 = 14;

/// One frame of the Results screen; `None` for parts not shown at this size or in this state.
#[derive(Clone, Debug, Default)]
pub struct Drawn {
    pub body: Rect,
    /// With a red flag or the safety question unanswered, this message takes the whole body.
    pub care: Option<TextPane>,
    pub notice: Option<(Rect, Vec<Line>)>,
    pub chains: Option<Chains>,
    pub diagram: Option<Diagram>,
    pub reasons: Option<TextPane>,
    pub routine: Option<Routine>,
    /// The claims popup, over everything.
    pub claims: Option<TextPane>,
}

impl Drawn {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::Chains => self.chains.as_ref().map(|c| c.area),
            Pane::Diagram => self.diagram.as_ref().map(|d| d.area),
            Pane::Reasons => self.reasons.as_ref().map(|r| r.area),
            Pane::Routine => self.routine.as_ref().map(|r| r.pane.area),
        }
    }

    /// Every pane shown at once (wide terminals); otherwise the lower area follows the focus.
    pub fn all_shown(&self) -> bool {
        Pane::ALL.iter().all(|&p| self.pane(p).is_some())
    }
}

/// Where each pane goes: `[chains, diagram, reasons, routine]` and the verdict line.
struct Areas {
    notice: Option<Rect>,
    panes: [Option<Rect>; 4],
}

/// Wide and tall enough to show all four panes at once.
fn roomy(area: Rect) -> bool {
    area.width >= 120 && area.height >= 30
}

fn areas(body: Rect, notice_rows: u16, stories: usize, focus: Pane) -> Areas {
    let mut out = Areas {
        notice: None,
        panes: [None; 4],
    };
    let mut rest = body;
    if body.height >= 12 {
        let [notice, r] =
            Layout::vertical([Constraint::Length(notice_rows), Constraint::Fill(1)]).areas(body);
        out.notice = Some(notice);
        rest = r;
    }
    let chains_height = ui::to_u16(stories.max(1)).saturating_add(2).min(9);
    if roomy(rest) {
        let side = (rest.width.saturating_mul(3) / 8).clamp(40, 64);
        let [left, right] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(side)]).areas(rest);
        let [chains, lower] =
            Layout::vertical([Constraint::Length(chains_height), Constraint::Fill(1)]).areas(left);
        let [diagram, reasons] =
            Layout::vertical([Constraint::Percentage(56), Constraint::Fill(1)]).areas(lower);
        out.panes = [Some(chains), Some(diagram), Some(reasons), Some(right)];
        return out;
    }
    let height = chains_height.min(rest.height / 2).max(3.min(rest.height));
    let [chains, lower] =
        Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(rest);
    out.panes[0] = Some(chains);
    if lower.width >= 120 {
        let [diagram, side] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(lower);
        out.panes[1] = Some(diagram);
        let side_pane = if focus == Pane::Reasons { 2 } else { 3 };
        out.panes[side_pane] = Some(side);
    } else {
        let lower_pane = match focus {
            Pane::Chains | Pane::Diagram => 1,
            Pane::Reasons => 2,
            Pane::Routine => 3,
        };
        out.panes[lower_pane] = Some(lower);
    }
    out
}

/// A figure as this frame shows it in `area`: at the clock's moment while things move.
fn sight(ctx: &Context, source: Source, area: Rect) -> Sight {
    Sight {
        source,
        area,
        at: ctx.motion.then_some(ctx.now),
        braille: ctx.braille,
        theme: *ctx.theme,
    }
}

impl State {
    /// Lays the frame out for `body` and keeps it for the view and for input.
    pub fn prepare(&mut self, ctx: &Context, body: Rect) {
        let mut drawn = Drawn {
            body,
            ..Drawn::default()
        };
        if let Some(care) = Care::of(ctx) {
            let enter = keys::label_in(Scope::Pane(Results, care.scope_name()), Action::Select);
            let title = match care {
                Care::RedFlag => String::from("Red flag · see a clinician"),
                Care::SafetyUnanswered => format!("Safety first · {enter} answers it"),
            };
            let lines = pane_text::care(ctx, care, usize::from(ui::inner(body).width));
            let pane = TextPane {
                area: body,
                title,
                lines: lines.into(),
            };
            self.care.clamp(pane.lines.len(), pane.rows());
            drawn.care = Some(pane);
            self.drawn = Some(drawn);
            return;
        }
        // Out of the state while the panes' text, which reads the state, is made.
        let mut kept = std::mem::take(&mut self.kept);
        let notice = pane_text::notice(ctx, usize::from(body.width.max(1)));
        let areas = areas(
            body,
            ui::to_u16(notice.len()).max(1),
            ctx.report.chains.len(),
            self.pane,
        );
        drawn.notice = areas.notice.map(|a| (a, notice));
        let shown = |p: Pane| areas.panes[p as usize].is_some();
        let all_shown = Pane::ALL.iter().all(|&p| shown(p));
        // When the lower area takes turns, each title says how to reach the panes not shown.
        let title = |title: String, pane: Pane| {
            let others: Vec<&str> = [Pane::Diagram, Pane::Reasons, Pane::Routine]
                .into_iter()
                .filter(|&p| p != pane && !shown(p))
                .map(Pane::name)
                .collect();
            if all_shown || others.is_empty() {
                title
            } else {
                let tab = keys::label_in(Scope::Panes, Action::NextPane);
                format!("{title} · {tab}: {}", others.join(", "))
            }
        };

        if let Some(area) = areas.panes[Pane::Chains as usize] {
            let inner = ui::inner(area);
            let rows = pane_text::chain_rows(ctx, self, usize::from(inner.width));
            let heights = vec![1; rows.len()];
            drawn.chains = Some(Chains {
                area,
                title: pane_text::chains_title(ctx),
                first: list::first_visible(&heights, inner.height, self.chain),
                rows,
            });
        }
        if let Some(area) = areas.panes[Pane::Diagram as usize] {
            let chain = self.selected_chain(ctx);
            let parts = diagram_areas(area, chain, self.step);
            let labels: Vec<&str> = chain.map_or_else(Vec::new, |c| {
                c.steps.iter().map(|s| s.label.as_str()).collect()
            });
            let canvas = chain_lines(&parts.layout, &labels, self.step);
            let width = usize::from(parts.detail.width.max(1));
            let id = chain.map(|c| c.id.to_string());
            let step = self.step;
            let detail = kept.detail.get(
                |k| k.0 == id && k.1 == step && k.2 == width,
                || (id.clone(), step, width),
                || pane_text::detail(ctx, self, width).into(),
            );
            self.detail.clamp(detail.len(), parts.detail.height);
            let name = chain.map_or_else(|| String::from("Chain"), |c| c.title.to_string());
            // The drawings move like the exercises' figures (the pelvis rocking into its tilt, the
            // belly or chest rising).
            let moving = (parts.drawings.iter())
                .map(|(name, area)| sight(ctx, Source::Diagram(name.clone()), *area))
                .collect();
            drawn.diagram = Some(Diagram {
                area,
                title: title(name, Pane::Diagram),
                parts,
                canvas,
                detail,
                moving,
            });
        }
        if let Some(area) = areas.panes[Pane::Reasons as usize] {
            let width = usize::from(ui::inner(area).width.max(1));
            let chain = self.chain;
            let lines = kept.reasons.get(
                |k| k.1 == chain && k.2 == width && k.0 == *ctx.report,
                || (ctx.report.clone(), chain, width),
                || pane_text::reasons(ctx, self, width).into(),
            );
            let name = self.selected(ctx).map_or_else(
                || String::from("Why"),
                |c| format!("Why {} · {:.0} %", c.short, c.percent()),
            );
            let pane = TextPane {
                area,
                title: title(name, Pane::Reasons),
                lines,
            };
            self.reasons.clamp(pane.lines.len(), pane.rows());
            drawn.reasons = Some(pane);
        }
        if let Some(mut area) = areas.panes[Pane::Routine as usize] {
            // The routine as the journal moved it, worked out once for this frame.
            let current = State::current_routine(ctx);
            // The selected exercise's figure under the list, while the routine has focus and there is room.
            let selected = (current.as_ref())
                .and_then(|r| r.items.get(self.exercise))
                .and_then(|item| item.shown(ctx.store))
                .filter(|e| e.figure.is_some())
                .map(|e| e.id.to_string());
            let figure = selected
                .filter(|_| {
                    self.pane == Pane::Routine
                        && area.height >= ROUTINE_FIGURE_ROWS + ROUTINE_LIST_ROWS
                        && usize::from(area.width.saturating_sub(2)) >= crate::figure::MIN_COLS
                })
                .map(|id| {
                    let [list, below] = Layout::vertical([
                        Constraint::Fill(1),
                        Constraint::Length(ROUTINE_FIGURE_ROWS),
                    ])
                    .areas(area);
                    area = list;
                    (below, id)
                });
            let width = usize::from(ui::inner(area).width.max(1));
            let (exercise, focused) = (self.exercise, self.pane == Pane::Routine);
            let (lines, exercises) = kept.routine.get(
                |k| {
                    (k.2, k.3, k.4) == (exercise, focused, width)
                        && k.0.as_ref() == current
                        && k.1 == *ctx.report
                },
                || {
                    (
                        current.cloned(),
                        ctx.report.clone(),
                        exercise,
                        focused,
                        width,
                    )
                },
                || {
                    let RoutineText { lines, exercises } =
                        pane_text::routine(ctx, self, focused, width);
                    (lines.into(), exercises)
                },
            );
            let name = match current {
                Some(r) => format!(
                    "Routine · about {} min · {} export",
                    r.total_seconds.div_ceil(60),
                    keys::label_in(Scope::Screen(Results), Action::Export)
                ),
                None => String::from("Verdict · no routine yet"),
            };
            let pane = TextPane {
                area,
                title: title(name, Pane::Routine),
                lines,
            };
            self.routine.clamp(pane.lines.len(), pane.rows());
            let moving = (figure.as_ref())
                .map(|(area, id)| sight(ctx, Source::Exercise(id.clone()), ui::inner(*area)));
            drawn.routine = Some(Routine {
                pane,
                exercises,
                figure,
                moving,
            });
        }
        if self.claims.is_some() {
            // As tall as its text, within the body.
            let width = body.width.saturating_sub(4).min(100);
            let lines: Lines =
                pane_text::claims(ctx, self, usize::from(width.saturating_sub(2).max(1))).into();
            let height = ui::to_u16(lines.len())
                .saturating_add(2)
                .min(body.height.saturating_sub(2));
            let close = keys::label_in(Scope::Mode(Mode::Popup), Action::Back);
            let pane = TextPane {
                area: ui::centered(body, width, height),
                title: format!("Claims behind this step · {close} closes"),
                lines,
            };
            if let Some(scroll) = self.claims.as_mut() {
                scroll.clamp(pane.lines.len(), pane.rows());
            }
            drawn.claims = Some(pane);
        }
        let scrolled = [
            drawn.reasons.as_ref().map(|p| (p, self.reasons)),
            drawn.routine.as_ref().map(|r| (&r.pane, self.routine)),
        ];
        let texts = scrolled.into_iter().flatten().map(|(pane, scroll)| {
            let offset = scroll.shown(pane.lines.len(), pane.rows());
            (&pane.lines, offset, ui::inner(pane.area))
        });
        self.text_cells.keep(texts, ctx.theme);
        let diagram = drawn.diagram.as_ref().map_or(&[][..], |d| &d.moving[..]);
        let routine = drawn.routine.as_ref().and_then(|r| r.moving.as_ref());
        self.drawings.keep(diagram.iter().chain(routine), ctx.store);
        self.kept = kept;
        self.drawn = Some(drawn);
    }
}
