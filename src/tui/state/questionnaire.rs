//! The questionnaire screen: one question at a time, its options, the self-test and why it is asked.

use crate::content::{Question, QuestionKind, Store};
use crate::engine::{Answers, Report, flow, next};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::layout::{self, contains};
use ratatui::layout::{Constraint, Layout, Rect};

/// Which pane has focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Options,
    Guide,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionnaireState {
    /// Index into the questionnaire's questions; always a question that is shown.
    pub current: usize,
    /// The option under the cursor.
    pub cursor: usize,
    pub pane: Pane,
    pub guide_scroll: u16,
    /// "Start over?" is being asked.
    pub confirm_reset: bool,
    /// Questions visited before this one, most recent last: `p` goes back through them.
    history: Vec<usize>,
    /// "The rest are optional" has been said for the current verdict.
    told_settled: bool,
    /// Questions skipped in this session: `n` does not come back to them (`]` and `[` still do).
    skipped: Vec<String>,
}

impl QuestionnaireState {
    /// Opens where the person should go on: the safety question while it is unanswered, then the most
    /// telling unanswered question, so a person picks up where they left off.
    pub fn new(store: &Store, answers: &Answers, report: &Report) -> Self {
        let current = next::next_index(store, &report.next_questions, answers).unwrap_or(0);
        let mut state = QuestionnaireState {
            current,
            cursor: 0,
            pane: Pane::Options,
            guide_scroll: 0,
            confirm_reset: false,
            history: Vec::new(),
            told_settled: report.settled,
            skipped: Vec::new(),
        };
        state.place_cursor(store, answers);
        state
    }

    pub fn confirming(&self) -> bool {
        self.confirm_reset
    }

    pub fn question<'a>(&self, store: &'a Store) -> Option<&'a Question> {
        store.questionnaire.questions.get(self.current)
    }

    /// Puts the cursor on the (first) chosen option, or the first option.
    fn place_cursor(&mut self, store: &Store, answers: &Answers) {
        self.cursor = self
            .question(store)
            .and_then(|q| {
                let chosen = answers.chosen(&q.id);
                q.options
                    .iter()
                    .position(|o| chosen.iter().any(|c| c == o.id.as_str()))
            })
            .unwrap_or(0);
        self.guide_scroll = 0;
    }

    /// The next (or previous) shown question in the questionnaire's own order, if any.
    fn neighbour(&self, store: &Store, answers: &Answers, forward: bool) -> Option<usize> {
        let q = &store.questionnaire;
        let shown = |i: &usize| flow::is_shown(q, &q.questions[*i], answers);
        if forward {
            (self.current + 1..q.questions.len()).find(shown)
        } else {
            (0..self.current).rev().find(shown)
        }
    }

    fn go_to(&mut self, store: &Store, answers: &Answers, index: usize) {
        if index != self.current {
            self.history.push(self.current);
        }
        self.current = index;
        self.place_cursor(store, answers);
    }

    /// Goes straight to a question (the Results screen's "answer the safety question").
    pub fn open(&mut self, store: &Store, answers: &Answers, id: &str) {
        if let Some(index) = store
            .questionnaire
            .questions
            .iter()
            .position(|q| q.id == id)
        {
            self.go_to(store, answers, index);
            self.pane = Pane::Options;
        }
    }
}

/// Said when a person tries to move past the unanswered safety question.
pub const SAFETY_FIRST: &str = "This question comes first and cannot be skipped: it checks for signs \
that need a clinician, not exercises. Pick every one that applies, or \"None of these\" (Enter or Space).";

/// The areas of the questionnaire screen: an optional red-flag banner, an optional progress list (wide
/// terminals), the question with its options, and the guide (self-test and why).
pub struct Areas {
    pub banner: Option<Rect>,
    pub progress: Option<Rect>,
    pub question: Rect,
    pub options: Rect,
    pub guide: Rect,
}

/// Rows the question's header takes above the options: section line, prompt (wrapped), a blank line.
pub fn header_height(question: &Question, width: u16) -> u16 {
    let prompt = layout::wrapped_height(&question.prompt, width);
    (1 + prompt + 1).min(8)
}

/// Columns before an option's label: cursor marker and choice mark, "▶ (•) ".
pub const OPTION_INDENT: u16 = 6;

/// Rows each option takes in an options area `width` wide (labels wrap under themselves).
pub fn option_heights(question: &Question, width: u16) -> Vec<u16> {
    let text_width = width.saturating_sub(OPTION_INDENT).max(1);
    question
        .options
        .iter()
        .map(|o| layout::wrapped_height(&o.label, text_width))
        .collect()
}

/// The first option shown in the options area, so the cursor stays visible.
pub fn first_option(question: &Question, options: Rect, cursor: usize) -> usize {
    layout::first_visible(
        &option_heights(question, options.width),
        options.height,
        cursor,
    )
}

/// Rows the red-flag banner needs at this width (0 without red flags): heading, care message, each flag.
pub fn banner_height(report: &Report, width: u16) -> u16 {
    if !report.has_red_flags() {
        return 0;
    }
    let inner = width.saturating_sub(2);
    let care = report
        .care
        .as_deref()
        .map_or(0, |c| layout::wrapped_height(c, inner));
    let flags: u16 = report
        .red_flags
        .iter()
        .map(|f| {
            layout::wrapped_height(
                &format!("[{}] {}: {}", f.urgency.as_str(), f.label, f.message),
                inner,
            )
        })
        .sum();
    2 + 1 + care + flags
}

pub fn areas(body: Rect, question: Option<&Question>, report: &Report) -> Areas {
    let wanted = banner_height(report, body.width);
    let (banner, rest) = if wanted > 0 {
        // The banner may take up to two thirds of the screen; the question stays reachable below it.
        let height = wanted.min(body.height * 2 / 3);
        let [b, r] =
            Layout::vertical([Constraint::Length(height), Constraint::Fill(1)]).areas(body);
        (Some(b), r)
    } else {
        (None, body)
    };
    let (progress, main) = if rest.width >= 110 {
        let [p, m] = Layout::horizontal([Constraint::Length(28), Constraint::Fill(1)]).areas(rest);
        (Some(p), m)
    } else {
        (None, rest)
    };
    let (question_area, guide) = if main.width >= 70 {
        let [q, g] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(main);
        (q, g)
    } else {
        let [q, g] =
            Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(main);
        (q, g)
    };
    let inner = question_area.inner(ratatui::layout::Margin::new(1, 1));
    let header = question.map_or(2, |q| header_height(q, inner.width));
    let [_, options] =
        Layout::vertical([Constraint::Length(header), Constraint::Fill(1)]).areas(inner);
    Areas {
        banner,
        progress,
        question: question_area,
        options,
        guide,
    }
}

pub fn update(app: &mut App, action: Action) {
    let blocked = safety_blocks(app);
    let on_safety = app
        .questionnaire
        .question(&app.store)
        .is_some_and(Question::is_red_flag_screen);
    let state = &mut app.questionnaire;
    if state.confirm_reset {
        if let Action::Confirm(yes) = action {
            state.confirm_reset = false;
            if yes {
                app.answers.clear_all();
                app.answers_changed();
                app.questionnaire = QuestionnaireState::new(&app.store, &app.answers, &app.report);
                app.info("Started over: all answers cleared.");
            }
        }
        return;
    }
    let Some(question) = state.question(&app.store) else {
        return;
    };
    let options = question.options.len();
    let question_id = question.id.to_string();
    let kind = question.kind;
    match action {
        Action::Up if state.pane == Pane::Options => state.cursor = state.cursor.saturating_sub(1),
        Action::Down if state.pane == Pane::Options => {
            state.cursor = (state.cursor + 1).min(options.saturating_sub(1))
        }
        Action::Top if state.pane == Pane::Options => state.cursor = 0,
        Action::Bottom if state.pane == Pane::Options => state.cursor = options.saturating_sub(1),
        Action::Up | Action::Top => {
            state.guide_scroll = if action == Action::Top {
                0
            } else {
                state.guide_scroll.saturating_sub(1)
            }
        }
        Action::Down => state.guide_scroll = state.guide_scroll.saturating_add(1),
        Action::PageDown => state.guide_scroll = state.guide_scroll.saturating_add(5),
        Action::PageUp => state.guide_scroll = state.guide_scroll.saturating_sub(5),
        Action::NextPane | Action::PrevPane => {
            state.pane = if state.pane == Pane::Options {
                Pane::Guide
            } else {
                Pane::Options
            };
        }
        Action::Select | Action::Toggle => choose(app, &question_id, kind),
        Action::NextQuestion | Action::NextInOrder if blocked => app.error(SAFETY_FIRST),
        Action::Skip if on_safety => {
            app.error(SAFETY_FIRST);
        }
        Action::NextQuestion => step(app),
        Action::NextInOrder => in_order(app, true),
        Action::PrevInOrder => in_order(app, false),
        Action::PrevQuestion => back(app),
        Action::Skip => {
            app.questionnaire.skipped.push(question_id.clone());
            if app.answers.is_answered(&question_id) {
                app.answers.clear(&question_id);
                app.answers_changed();
            }
            step(app);
        }
        Action::StartOver => state.confirm_reset = true,
        Action::Click { column, row }
        | Action::ScrollDown { column, row }
        | Action::ScrollUp { column, row } => {
            mouse(app, action, column, row);
        }
        _ => {}
    }
}

/// Is the open question a safety question that is still unanswered? Then nothing moves past it.
fn safety_blocks(app: &App) -> bool {
    app.questionnaire
        .question(&app.store)
        .is_some_and(|q| q.is_red_flag_screen() && !app.answers.is_answered(&q.id))
}

/// Picks the option under the cursor. A single answer moves on to the next question; in a multiple
/// choice the option is toggled and the cursor stays.
fn choose(app: &mut App, question_id: &str, kind: QuestionKind) {
    let Some(question) = app.questionnaire.question(&app.store) else {
        return;
    };
    let Some(option) = question.options.get(app.questionnaire.cursor) else {
        return;
    };
    let option_id = option.id.to_string();
    let exclusive = option.exclusive;
    let safety = question.is_red_flag_screen();
    match kind {
        QuestionKind::Single => app.answers.set(question_id, &option_id),
        QuestionKind::Multi => {
            app.answers
                .toggle(&app.store.questionnaire, question_id, &option_id)
        }
    }
    app.answers_changed();
    if app.report.has_red_flags() {
        app.error("A red flag: please read the message above. No routine will be given.");
        return;
    }
    if safety && !app.answers.is_answered(question_id) {
        app.error("Nothing is ticked, so the safety question is unanswered again: pick every sign that applies, or \"None of these\".");
        return;
    }
    if kind == QuestionKind::Single || (exclusive && app.answers.is_answered(question_id)) {
        step(app);
    }
}

/// Coming back to the questionnaire: an unanswered question stays open; from an answered one, go on to
/// the most telling question still open.
pub fn resume(app: &mut App) {
    let answered = app
        .questionnaire
        .question(&app.store)
        .is_some_and(|q| app.answers.is_answered(&q.id));
    let open = app
        .report
        .next_questions
        .iter()
        .any(|n| !app.questionnaire.skipped.contains(&n.id));
    if answered && open {
        step(app);
    }
}

/// On to the most telling question still unanswered (other than this one, and not one skipped), as
/// the engine ranks them.
fn step(app: &mut App) {
    let current = app.questionnaire.current;
    let q = &app.store.questionnaire;
    let skipped = &app.questionnaire.skipped;
    let open = |i: usize| i != current && !skipped.iter().any(|s| *s == q.questions[i].id.as_str());
    let target = app
        .report
        .next_questions
        .iter()
        .filter_map(|n| q.questions.iter().position(|x| x.id == n.id.as_str()))
        .find(|&i| open(i))
        .or_else(|| {
            q.questions.iter().enumerate().position(|(i, x)| {
                open(i) && flow::is_shown(q, x, &app.answers) && !app.answers.is_answered(&x.id)
            })
        });
    match target {
        Some(index) => {
            app.questionnaire.go_to(&app.store, &app.answers, index);
            settled_note(app);
        }
        None => {
            let (done, all) = flow::progress(&app.store.questionnaire, &app.answers);
            app.info(format!(
                "No more questions to ask: {done} of {all} answered, the rest skipped. Press 2 for your results, or ] to go through them in order."
            ));
        }
    }
}

/// Once the top story holds enough, say (once) that the rest is optional.
fn settled_note(app: &mut App) {
    if !app.report.settled {
        app.questionnaire.told_settled = false;
        return;
    }
    if app.questionnaire.told_settled {
        return;
    }
    app.questionnaire.told_settled = true;
    if let Some(top) = app.report.chains.first() {
        let text = format!(
            "{} now holds {}: the remaining questions are optional. Press 2 for your results.",
            top.short,
            crate::engine::verdict::percent(top.probability)
        );
        app.info(text);
    }
}

/// The next or previous question in the questionnaire's own order.
fn in_order(app: &mut App, forward: bool) {
    let state = &mut app.questionnaire;
    match state.neighbour(&app.store, &app.answers, forward) {
        Some(index) => state.go_to(&app.store, &app.answers, index),
        None if forward => {
            app.info("That is the last question. n goes to the most telling one still open.")
        }
        None => {}
    }
}

/// Back to the question seen before this one (or the previous one in order).
fn back(app: &mut App) {
    let q = &app.store.questionnaire;
    let state = &mut app.questionnaire;
    while let Some(index) = state.history.pop() {
        let shown = q
            .questions
            .get(index)
            .is_some_and(|x| flow::is_shown(q, x, &app.answers));
        if shown && index != state.current {
            state.current = index;
            state.place_cursor(&app.store, &app.answers);
            return;
        }
    }
    if let Some(index) = state.neighbour(&app.store, &app.answers, false) {
        state.current = index;
        state.place_cursor(&app.store, &app.answers);
    }
}

fn mouse(app: &mut App, action: Action, column: u16, row: u16) {
    let body = layout::frame(app.size).body;
    let question = app.questionnaire.question(&app.store);
    let areas = areas(body, question, &app.report);
    let options = question.map_or(0, |q| q.options.len());
    if let Some(progress) = areas.progress
        && contains(progress, column, row)
        && matches!(action, Action::Click { .. })
    {
        let shown: Vec<usize> = (0..app.store.questionnaire.questions.len())
            .filter(|&i| {
                flow::is_shown(
                    &app.store.questionnaire,
                    &app.store.questionnaire.questions[i],
                    &app.answers,
                )
            })
            .collect();
        let line = usize::from(row.saturating_sub(progress.y + 1));
        if let Some(&index) = shown.get(line) {
            app.questionnaire.go_to(&app.store, &app.answers, index);
        }
        return;
    }
    if contains(areas.options, column, row) {
        app.questionnaire.pane = Pane::Options;
        match action {
            Action::Click { .. } => {
                let Some(question) = app.questionnaire.question(&app.store) else {
                    return;
                };
                let heights = option_heights(question, areas.options.width);
                let first = first_option(question, areas.options, app.questionnaire.cursor);
                if let Some(line) = layout::item_at(&heights, first, row - areas.options.y)
                    && line < options
                {
                    app.questionnaire.cursor = line;
                    let q = app
                        .questionnaire
                        .question(&app.store)
                        .map(|q| (q.id.to_string(), q.kind));
                    if let Some((id, kind)) = q {
                        choose(app, &id, kind);
                    }
                }
            }
            Action::ScrollDown { .. } => update(app, Action::Down),
            _ => update(app, Action::Up),
        }
    } else if contains(areas.guide, column, row) {
        app.questionnaire.pane = Pane::Guide;
        match action {
            Action::ScrollDown { .. } => update(app, Action::Down),
            Action::ScrollUp { .. } => update(app, Action::Up),
            _ => {}
        }
    }
}
