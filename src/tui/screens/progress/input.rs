//! The Progress screen's input: scrolling the summary, opening the retest form and typing into it,
//! exporting. Writing the journal and the file is the app's (through messages).

use super::{Form, State};
use crate::date::Date;
use crate::progress::export;
use crate::tui::action::Action;
use crate::tui::screens::{Context, Msg, Record};
use crate::tui::ui;

impl State {
    pub fn update(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        if self.form.is_some() {
            return self.form_update(ctx, action);
        }
        match action {
            Action::RecordRetest => {
                self.form = Some(Form::new());
                Some(Vec::new())
            }
            Action::Export => Some(vec![Msg::ExportProgress(self.markdown(ctx))]),
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => {
                let drawn = self.drawn.as_ref()?;
                let (lines, rows) = (drawn.summary_lines.len(), drawn.summary_rows());
                // Nothing to scroll when the summary fits: the key means nothing here.
                (lines > usize::from(rows)).then_some(())?;
                self.scroll.apply(action, lines, rows);
                Some(Vec::new())
            }
            Action::ScrollUp { column, row } | Action::ScrollDown { column, row } => {
                let drawn = self.drawn.as_ref()?;
                ui::contains(drawn.summary, column, row).then_some(())?;
                let (lines, rows) = (drawn.summary_lines.len(), drawn.summary_rows());
                self.scroll.apply(action, lines, rows);
                Some(Vec::new())
            }
            _ => None,
        }
    }

    fn form_update(&mut self, ctx: &Context, action: Action) -> Option<Vec<Msg>> {
        let form = self.form.as_mut()?;
        match action {
            Action::Input(c) => {
                if !form.type_char(c) {
                    form.error = Some(String::from(
                        "Type a number: digits, a minus sign first for past the floor, one decimal point.",
                    ));
                }
            }
            Action::Backspace => {
                form.backspace();
            }
            Action::ClearInput => {
                form.clear();
            }
            Action::Down | Action::NextPane => form.step(true),
            Action::Up | Action::PrevPane => form.step(false),
            Action::Back => {
                self.form = None;
                return Some(vec![Msg::Info(String::from(
                    "Retest not recorded: nothing was written.",
                ))]);
            }
            Action::Select => match form.values() {
                Ok(values) => {
                    self.form = None;
                    let said: Vec<String> = values
                        .iter()
                        .map(|(m, v)| format!("{} {}", m.name().to_lowercase(), m.show(v.value())))
                        .collect();
                    let stories = crate::progress::ranking::snapshot(ctx.report)
                        .into_iter()
                        .map(|(story, percent)| {
                            // Percent to one decimal: exact in tenths.
                            (story, super::form::Tenths((percent * 10.0).round() as i32))
                        })
                        .collect();
                    return Some(vec![
                        Msg::Record(Record::Retest { values, stories }),
                        Msg::Info(format!("Retest recorded: {}.", said.join(", "))),
                    ]);
                }
                Err(why) => form.error = Some(why),
            },
            _ => return None,
        }
        Some(Vec::new())
    }

    /// The summary, the charts as text and the routine sheet (or why there is none), as Markdown.
    fn markdown(&mut self, ctx: &Context) -> String {
        let today = Date::from_days(self.now().div_euclid(86_400)).to_string();
        let progress = self.progress(ctx);
        export::markdown(progress, ctx.store, Some(ctx.report), ctx.events, &today)
    }
}
