//! Draws the questionnaire: the question and its options, the self-test and why it is asked, progress,
//! and — when a red flag is picked — the care message above everything.

use crate::content::QuestionKind;
use crate::engine::flow;
use crate::tui::app::App;
use crate::tui::layout;
use crate::tui::state::questionnaire::{OPTION_INDENT, Pane, areas, first_option};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, Wrap};

pub fn render(app: &App, frame: &mut Frame, body: Rect) {
    let store = &app.store;
    let theme = &app.theme;
    let q = &store.questionnaire;
    let state = &app.questionnaire;
    let Some(question) = state.question(store) else {
        let text =
            "This content store has no questionnaire. Browse the exercises (4) and library (5).";
        frame.render_widget(
            Paragraph::new(text).block(super::pane("Questionnaire", true, theme)),
            body,
        );
        return;
    };
    let areas = areas(body, Some(question), &app.report);

    if let Some(banner) = areas.banner {
        let mut lines = vec![Line::styled(
            " ⚠ STOP — PLEASE SEE A CLINICIAN. No routine is given. ",
            theme.danger(),
        )];
        if let Some(care) = &app.report.care {
            lines.push(Line::styled(care.clone(), theme.warn()));
        }
        for flag in &app.report.red_flags {
            lines.push(Line::from(vec![
                Span::styled(format!("[{}] ", flag.urgency.as_str()), theme.warn()),
                Span::raw(format!("{}: {}", flag.label, flag.message)),
            ]));
        }
        let block = super::pane("Red flag", false, theme).border_style(theme.danger());
        frame.render_widget(
            Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
            banner,
        );
    }

    let shown: Vec<usize> = (0..q.questions.len())
        .filter(|&i| flow::is_shown(q, &q.questions[i], &app.answers))
        .collect();
    if let Some(progress) = areas.progress {
        let items: Vec<ListItem> = shown
            .iter()
            .map(|&i| {
                let item = &q.questions[i];
                let mark = if app.answers.is_answered(&item.id) {
                    "✓"
                } else {
                    "·"
                };
                let current = if i == state.current { "▶" } else { " " };
                ListItem::new(format!("{current}{mark} {}", item.prompt))
            })
            .collect();
        let (done, all) = flow::progress(q, &app.answers);
        let mut list_state =
            ListState::default().with_selected(shown.iter().position(|&i| i == state.current));
        let list = List::new(items)
            .block(super::pane(&format!("Progress {done}/{all}"), false, theme))
            .highlight_style(theme.selected_unfocused());
        frame.render_stateful_widget(list, progress, &mut list_state);
    }

    // The question and its options.
    let focused = state.pane == Pane::Options && app.help.is_none();
    let section = q
        .section(&question.section)
        .map_or(question.section.as_str(), |s| s.title.as_str());
    // Questions come in the order that tells the stories apart best, so the count is of answers.
    let (done, all) = flow::progress(q, &app.answers);
    let title = if app.answers.is_answered(&question.id) {
        format!("Answered · {done} of {all} done · {section}")
    } else {
        format!("Question {} of {all} · {section}", done + 1)
    };
    frame.render_widget(super::pane(&title, focused, theme), areas.question);
    let inner = areas.question.inner(ratatui::layout::Margin::new(1, 1));
    let answered = app.answers.is_answered(&question.id);
    let kind_hint = match (question.kind, question.is_red_flag_screen(), answered) {
        (_, true, false) => Span::styled(
            "required: pick all that apply, or None of these",
            theme.warn(),
        ),
        (QuestionKind::Single, _, _) => Span::styled("pick one", theme.muted()),
        (QuestionKind::Multi, _, _) => {
            Span::styled("pick all that apply, then n for next", theme.muted())
        }
    };
    let header = vec![
        Line::from(kind_hint),
        Line::styled(question.prompt.to_string(), theme.title()),
    ];
    frame.render_widget(Paragraph::new(header).wrap(Wrap { trim: true }), inner);
    let chosen = app.answers.chosen(&question.id);
    let text_width = areas.options.width.saturating_sub(OPTION_INDENT).max(1);
    let first = first_option(question, areas.options, state.cursor);
    let mut lines = Vec::new();
    for (i, o) in question.options.iter().enumerate().skip(first) {
        let picked = chosen.iter().any(|c| c == o.id.as_str());
        let mark = match (question.kind, picked) {
            (QuestionKind::Single, true) => "(•)",
            (QuestionKind::Single, false) => "( )",
            (QuestionKind::Multi, true) => "[x]",
            (QuestionKind::Multi, false) => "[ ]",
        };
        let under_cursor = i == state.cursor;
        let mut style = if o.red_flag.is_some() && picked {
            theme.warn()
        } else {
            theme.plain()
        };
        if under_cursor {
            style = style.patch(if focused {
                theme.selected()
            } else {
                theme.selected_unfocused()
            });
        }
        for (n, part) in layout::wrap_lines(&o.label, text_width)
            .into_iter()
            .enumerate()
        {
            let lead = match (n, under_cursor) {
                (0, true) => format!("▶ {mark} "),
                (0, false) => format!("  {mark} "),
                _ => " ".repeat(usize::from(OPTION_INDENT)),
            };
            lines.push(Line::from(vec![Span::raw(lead), Span::styled(part, style)]));
        }
    }
    frame.render_widget(Paragraph::new(lines), areas.options);

    // The guide: how to check, why, and what the option under the cursor means.
    let why_now = app
        .report
        .next_questions
        .iter()
        .find(|n| n.id == question.id.as_str())
        .and_then(|n| crate::engine::verdict::why_ask(store, n));
    let mut guide = Vec::new();
    if let Some(why) = why_now {
        guide.push(Line::from(vec![
            Span::styled("Asked now: ", theme.title()),
            Span::raw(why),
        ]));
        guide.push(Line::raw(""));
    }
    guide.extend([
        Line::styled("How to check", theme.title()),
        Line::raw(question.how_to_check.to_string()),
        Line::raw(""),
        Line::styled("Why we ask", theme.title()),
        Line::raw(question.why.to_string()),
    ]);
    let sources: Vec<String> = question
        .articles
        .iter()
        .map(|a| {
            store
                .article(a)
                .map_or(a.to_string(), |art| format!("{} {}", art.number, art.short))
        })
        .collect();
    if !sources.is_empty() {
        guide.push(Line::from(vec![
            Span::styled("Used by: ", theme.muted()),
            Span::raw(sources.join(", ")),
        ]));
    }
    if let Some(option) = question.options.get(state.cursor)
        && let Some(note) = &option.note
    {
        guide.push(Line::raw(""));
        guide.push(Line::styled(
            format!("If you answer “{}”", option.label),
            theme.title(),
        ));
        guide.push(Line::raw(note.to_string()));
    }
    let guide_focused = state.pane == Pane::Guide && app.help.is_none();
    frame.render_widget(
        Paragraph::new(guide)
            .block(super::pane("Check yourself", guide_focused, theme))
            .wrap(Wrap { trim: true })
            .scroll((state.guide_scroll, 0)),
        areas.guide,
    );

    if state.confirm_reset {
        let area = layout::centered(body, 46, 6);
        frame.render_widget(Clear, area);
        let text = vec![
            Line::raw("Start over? This clears all your answers."),
            Line::raw(""),
            Line::styled("y  yes, clear them    n  no, keep them", theme.accent()),
        ];
        frame.render_widget(
            Paragraph::new(text)
                .block(super::pane("Start over", true, theme))
                .wrap(Wrap { trim: true }),
            area,
        );
    }
}
