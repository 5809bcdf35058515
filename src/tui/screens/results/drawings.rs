//! The Results screen's moving drawings (the pelvis and breathing figures beside the chain, the routine
//! exercise's figure) kept as drawn cells between frames: working out a figure's frame and drawing it on
//! a braille canvas costs more than the text around it, and a frame drawn for a key, a resize or a
//! second screen shows the same pose as the last, so a drawing is drawn again only when what it is
//! drawn from changed.

use crate::content::Store;
use crate::tui::screens::exercises::figure::{self as exercise_figure, FigureDrawn};
use crate::tui::theme::Theme;
use crate::tui::ui;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// Which figure a drawing shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A drawing beside the chain, by its name in `assets/diagrams/`.
    Diagram(String),
    /// An exercise's figure, by the exercise's id.
    Exercise(String),
}

/// Everything a drawing's cells depend on: the figure, where it goes, the moment of its movement
/// (`None` without motion: the key pose), braille or half blocks, and the theme's colours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sight {
    pub source: Source,
    pub area: Rect,
    pub at: Option<u64>,
    pub braille: bool,
    pub theme: Theme,
}

impl Sight {
    /// The figure's frame for this sight; `None` when its canvas cannot fit the area (or the figure is
    /// unknown).
    fn frame(&self, store: &Store) -> Option<FigureDrawn> {
        let figure = match &self.source {
            Source::Diagram(name) => {
                crate::assets::diagram_figure(name)?.preview(exercise_figure::PREVIEW_HOLD_MS)
            }
            Source::Exercise(id) => exercise_figure::figure(store.exercise(id)?)?,
        };
        let pose = exercise_figure::pose_now(&figure, self.at.unwrap_or(0), self.at.is_some());
        exercise_figure::figure_drawn(&figure, &pose, self.area, self.braille)
    }

    /// The drawing on a blank buffer of its own area; `None` when no canvas fits. The area is blank
    /// where the screen draws it (nothing else in its pane goes there), so these are the cells drawing
    /// it in place leaves.
    fn cells(&self, store: &Store) -> Option<Buffer> {
        let frame = self.frame(store)?;
        let mut buffer = Buffer::empty(self.area);
        exercise_figure::render_in(&frame, &mut buffer, &self.theme);
        Some(buffer)
    }
}

/// The drawings of the last frame, each as its cells (`None`: no canvas fits).
#[derive(Clone, Debug, Default)]
pub struct Drawings {
    kept: Vec<(Sight, Option<Buffer>)>,
}

impl Drawings {
    /// Keeps the cells of each of this frame's drawings, drawing only those not kept already; drawings
    /// no longer shown are let go.
    pub fn keep<'a>(&mut self, sights: impl IntoIterator<Item = &'a Sight>, store: &Store) {
        let mut kept = Vec::new();
        for sight in sights {
            let cells = match self.kept.iter().position(|(s, _)| s == sight) {
                Some(i) => self.kept.swap_remove(i).1,
                None => sight.cells(store),
            };
            kept.push((sight.clone(), cells));
        }
        self.kept = kept;
    }

    /// Puts a drawing on the frame's buffer: its kept cells, or drawn now when it was not kept (a frame
    /// drawn without [`Drawings::keep`], which the app never does). `false` when no canvas fits, for the
    /// caller to show something else.
    pub fn render(&self, sight: &Sight, store: &Store, buf: &mut Buffer) -> bool {
        match self.kept.iter().find(|(s, _)| s == sight) {
            Some((_, Some(cells))) => ui::paste(buf, cells),
            Some((_, None)) => return false,
            None => match sight.cells(store) {
                Some(cells) => ui::paste(buf, &cells),
                None => return false,
            },
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breathing(at: u64, area: Rect, braille: bool, colour: bool) -> Sight {
        Sight {
            source: Source::Diagram("breathing-belly".into()),
            area,
            at: Some(at),
            braille,
            theme: Theme::new(!colour),
        }
    }

    /// A screen's buffer with the drawing put down by `drawings`, and one with it drawn afresh.
    fn both(drawings: &Drawings, sight: &Sight, store: &Store) -> (Buffer, Buffer) {
        let screen = Rect::new(0, 0, 60, 30);
        let mut kept = Buffer::empty(screen);
        assert!(drawings.render(sight, store, &mut kept), "a canvas fits");
        let mut fresh = Buffer::empty(screen);
        let frame = sight.frame(store).expect("a canvas fits");
        exercise_figure::render_in(&frame, &mut fresh, &sight.theme);
        (kept, fresh)
    }

    fn kept_cells<'a>(drawings: &'a Drawings, sight: &Sight) -> Option<&'a Buffer> {
        (drawings.kept.iter())
            .find(|(s, _)| s == sight)
            .and_then(|(_, cells)| cells.as_ref())
    }

    /// The built-in store, and the drawings with `sight` kept.
    fn keeping(sight: &Sight) -> (Store, Drawings) {
        let store = crate::content::embedded();
        let mut drawings = Drawings::default();
        drawings.keep([sight], &store);
        (store, drawings)
    }

    #[test]
    fn kept_cells_are_the_cells_a_fresh_draw_makes() {
        let sight = breathing(0, Rect::new(7, 3, 14, 12), true, true);
        let (store, mut drawings) = keeping(&sight);
        let (kept, fresh) = both(&drawings, &sight, &store);
        assert_eq!(kept, fresh);
        assert!(kept.content.iter().any(|c| c.symbol() != " "), "drawn");
        // Kept again for the same sight: the same cells, not drawn again.
        let at = |d: &Drawings| kept_cells(d, &sight).expect("kept").content.as_ptr();
        let before = at(&drawings);
        drawings.keep([&sight], &store);
        let after = at(&drawings);
        let (kept, _) = both(&drawings, &sight, &store);
        assert_eq!(kept, fresh);
        assert!(
            std::ptr::eq(before, after),
            "the cells kept before, not drawn again"
        );
    }

    #[test]
    fn another_size_moment_marker_or_theme_is_drawn_fresh() {
        let store = crate::content::embedded();
        let area = Rect::new(7, 3, 14, 12);
        let first = breathing(0, area, true, true);
        let cycle = crate::assets::diagram_figure("breathing-belly")
            .expect("the breathing drawing")
            .preview(exercise_figure::PREVIEW_HOLD_MS)
            .cycle_ms();
        let moved = (1..20)
            .map(|n| breathing(cycle * n / 20, area, true, true))
            .find(|s| s.cells(&store) != first.cells(&store))
            .expect("the drawing moves");
        let others = [
            moved,
            breathing(0, Rect::new(9, 4, 18, 14), true, true),
            breathing(0, area, false, true),
            breathing(0, area, true, false),
        ];
        let mut drawings = Drawings::default();
        for other in &others {
            drawings.keep([&first], &store);
            let (old, _) = both(&drawings, &first, &store);
            drawings.keep([other], &store);
            assert!(kept_cells(&drawings, &first).is_none(), "let go");
            let (kept, fresh) = both(&drawings, other, &store);
            assert_eq!(kept, fresh);
            assert_ne!(kept, old, "{other:?} draws other cells");
        }
    }

    #[test]
    fn no_canvas_where_it_cannot_fit() {
        let sight = breathing(0, Rect::new(0, 0, 3, 2), true, true);
        let (store, drawings) = keeping(&sight);
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 10));
        assert!(!drawings.render(&sight, &store, &mut buf));
        assert_eq!(buf, Buffer::empty(Rect::new(0, 0, 10, 10)));
    }
}
