//! The exercise's moving figure in the detail pane: worked out for the frame (the pose at the app's clock,
//! or the key pose without motion) and drawn on a braille canvas (half blocks with `--no-braille`), with
//! its labels under it.

use crate::content::Exercise;
use crate::figure::{Figure, Part, Pose, Shape, View, braille};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::{Line as TuiLine, Span};
use ratatui::widgets::canvas::{Canvas, Circle, Line};
use ratatui::widgets::{Paragraph, Widget};
use std::time::Duration;

/// Longest a hold lasts in the Exercises screen's loop, so the whole movement is seen in a few seconds.
pub const PREVIEW_HOLD_MS: u32 = 2000;
/// How often the figure is redrawn while it moves: ten frames a second is smooth enough for a drawing.
pub const FRAME: Duration = Duration::from_millis(100);

/// The figure for an exercise as the screen shows it: a short loop of its movement; `None` for an
/// imported exercise nobody has drawn yet.
pub fn figure(exercise: &Exercise) -> Option<Figure> {
    Some(exercise.figure.as_ref()?.figure().preview(PREVIEW_HOLD_MS))
}

/// The pose shown now: moving with the clock, or the key pose without motion.
pub fn pose_now(figure: &Figure, now: u64, motion: bool) -> Pose {
    if motion {
        figure.at(now)
    } else {
        figure.key_pose()
    }
}

/// One frame of the figure on a canvas: the shapes, the window of figure units the canvas shows, and
/// the labels for the rows under it.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureDrawn {
    /// The whole area: the canvas, then one row per label.
    pub area: Rect,
    pub canvas: Rect,
    pub shapes: Vec<Shape>,
    pub view: View,
    pub labels: Vec<String>,
    /// Braille dots, else half blocks.
    pub braille: bool,
}

/// The frame of `figure` in `area` (labels take rows at the bottom), or `None` when the canvas would be
/// smaller than [`crate::figure::MIN_COLS`] × [`crate::figure::MIN_ROWS`].
pub fn figure_drawn(
    figure: &Figure,
    pose: &Pose,
    area: Rect,
    braille: bool,
) -> Option<FigureDrawn> {
    let labels: Vec<String> = figure
        .labels
        .iter()
        .map(|l| format!("○ {}", l.text))
        .collect();
    let label_rows = crate::tui::ui::to_u16(labels.len());
    let canvas = Rect {
        height: area.height.saturating_sub(label_rows),
        ..area
    };
    if usize::from(canvas.width) < crate::figure::MIN_COLS
        || usize::from(canvas.height) < crate::figure::MIN_ROWS
    {
        return None;
    }
    let bounds = figure.bounds();
    let (across, down) = if braille { (2, 4) } else { (1, 2) };
    let view = View::fit(
        bounds,
        usize::from(canvas.width) * across,
        usize::from(canvas.height) * down,
        1.0,
    );
    Some(FigureDrawn {
        area,
        canvas,
        shapes: figure.shapes(pose, &bounds),
        view,
        labels,
        braille,
    })
}

/// The figure as text lines `cols` × `rows` (braille, else half blocks), for where it goes in the
/// scrolled text.
pub fn figure_lines(
    figure: &Figure,
    pose: &Pose,
    cols: usize,
    rows: usize,
    in_braille: bool,
) -> Vec<String> {
    let blank_cell = if in_braille { '\u{2800}' } else { ' ' };
    let blank = |line: &str| line.chars().all(|c| c == blank_cell);
    let mut lines = braille::pose_lines_in(figure, pose, cols, rows, in_braille);
    // Blank rows above and below say nothing: the text keeps its room.
    while lines.first().is_some_and(|l| blank(l)) {
        lines.remove(0);
    }
    while lines.last().is_some_and(|l| blank(l)) {
        lines.pop();
    }
    lines
        .into_iter()
        .map(|l| l.trim_end_matches(blank_cell).to_owned())
        .chain(figure.labels.iter().map(|l| format!("○ {}", l.text)))
        .collect()
}

/// Draws a frame laid out by [`figure_drawn`].
pub fn render(drawn: &FigureDrawn, frame: &mut Frame, theme: &Theme) {
    render_in(drawn, frame.buffer_mut(), theme);
}

/// [`render`] into a buffer of cells: what a frame kept between frames is drawn into.
pub fn render_in(drawn: &FigureDrawn, buf: &mut Buffer, theme: &Theme) {
    let colour = |part: Part| {
        let style = match part {
            Part::Far | Part::Prop => theme.muted(),
            Part::Near => theme.plain(),
            Part::Mark => theme.accent(),
        };
        style.fg.unwrap_or(Color::Reset)
    };
    let v = drawn.view;
    let canvas = Canvas::default()
        .marker(if drawn.braille {
            Marker::Braille
        } else {
            Marker::HalfBlock
        })
        .x_bounds([v.left, v.right])
        .y_bounds([v.bottom, v.top])
        .paint(|ctx| {
            for shape in &drawn.shapes {
                match *shape {
                    Shape::Line { from, to, part } => {
                        ctx.draw(&Line::new(from.x, from.y, to.x, to.y, colour(part)));
                    }
                    Shape::Circle {
                        center,
                        radius,
                        part,
                    } => ctx.draw(&Circle {
                        x: center.x,
                        y: center.y,
                        radius,
                        color: colour(part),
                    }),
                }
            }
        });
    canvas.render(drawn.canvas, buf);
    let rows = Rect {
        y: drawn.canvas.bottom(),
        height: drawn.area.bottom().saturating_sub(drawn.canvas.bottom()),
        ..drawn.area
    };
    let lines: Vec<TuiLine> = (drawn.labels.iter())
        .map(|l| TuiLine::from(Span::styled(l.as_str(), theme.accent())))
        .collect();
    Paragraph::new(lines).render(rows, buf);
}
