//! `backchain session`: the guided session on a plain terminal, for ssh and screen readers. Line prompts
//! before and after, then the routine step by step with a line a second ("0:25 left · 12 % · Glute bridge
//! · set 1 of 3 · rep 3 of 10"). Commands are typed as a line: Enter pauses and resumes, `n`/`p` move
//! between exercises, `s` skips one (and asks why), `x` ends the step (a rest cut short), `+`/`-` change
//! a rest by 15 s, `q` leaves (and keeps what was done).

use super::output::emit_err;
use super::show::{hanging, wrap};
use super::{Exit, emit};
use crate::content::Store;
use crate::date;
use crate::engine::{self, Routine, Standing};
use crate::journal;
use crate::journal::{Journal, SessionId};
use crate::session::progression;
use crate::session::{
    self, Event, Outcome, Pain, Rating, Run, SkipReason, StepKind, clock, pace, pace_words,
    parse_choice, step_title,
};
use std::io::{BufRead, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// What the command was asked to do.
pub struct Options<'a> {
    /// An answers file given with `--answers`, else the app's saved answers.
    pub answers: &'a Path,
    /// Whether the answers file was named on the command line (the messages differ).
    pub named: bool,
    pub get_ready: u32,
    pub bell: bool,
    /// The journal the session is written to.
    pub journal: &'a Path,
}

pub fn run(store: &Store, options: &Options) -> Exit {
    if !options.named && !options.answers.exists() {
        emit_err(&format!(
            "backchain: no saved answers yet ({}). Answer the questionnaire first: open the app \
             (`backchain`) or run `backchain quiz`, or pass --answers FILE.\n",
            crate::text::path(options.answers)
        ));
        return Exit::Problems;
    }
    let answers = match super::quiz::read_answers(store, options.answers) {
        Ok(answers) => answers,
        Err(exit) => return exit,
    };
    let report = engine::evaluate(store, &answers);
    let routine = match (&report.routine, report.standing) {
        (Some(routine), Standing::Clear) => routine,
        _ => {
            // The same words as `quiz`, then why there is no session: the safety question first.
            let _ = emit(&super::quiz::render_text(store, &report, &[]));
            emit_err(&refusal(report.standing));
            return Exit::Problems;
        }
    };
    let input = lines();
    let mut screen = Screen {
        bell: options.bell,
        input,
        record: Recorder::open(options.journal),
    };
    screen.guide(store, routine, options.get_ready)
}

/// Why no session starts, for each standing without a routine.
fn refusal(standing: Standing) -> String {
    let why = match standing {
        Standing::SafetyUnanswered => {
            "the safety question is not answered. Answer it first (the app, or `backchain quiz`)."
        }
        Standing::RedFlag => {
            "one of the signs that need a clinician is answered yes: see one before exercising. No routine is given."
        }
        Standing::NoneFits | Standing::Open | Standing::Clear => {
            "there is no routine yet: no story fits your answers clearly enough. Answer the questions named above."
        }
    };
    format!("backchain: no session: {why}\n")
}

/// Lines typed on standard input, read on their own thread so countdowns run while nobody types.
/// `None` arrives once when input ends.
fn lines() -> Receiver<Option<String>> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            match line {
                Ok(line) => {
                    if tx.send(Some(line)).is_err() {
                        return;
                    }
                }
                Err(_) => break,
            }
        }
        let _ = tx.send(None);
    });
    rx
}

struct Screen {
    bell: bool,
    input: Receiver<Option<String>>,
    record: Recorder,
}

/// Writes the session to the journal as it goes: the start with the pain before, each exercise as it is
/// done or skipped, the end with the pain after and the note. Each is one transaction, so leaving (or a
/// crash) keeps what was done. A journal that cannot be opened or written is said once, plainly, and the
/// session goes on unsaved.
struct Recorder {
    journal: Option<Journal>,
    session: Option<SessionId>,
}

impl Recorder {
    fn open(path: &Path) -> Recorder {
        let journal = match Journal::open(path) {
            Ok((journal, set_aside)) => {
                if let Some(aside) = set_aside {
                    emit_err(&format!("backchain: {aside}\n"));
                }
                Some(journal)
            }
            Err(e) => {
                emit_err(&format!(
                    "backchain: {e}\nbackchain: this session will not be saved.\n"
                ));
                None
            }
        };
        Recorder {
            journal,
            session: None,
        }
    }

    /// Runs one write; on failure says so and stops writing.
    fn write(&mut self, what: impl FnOnce(&mut Journal) -> crate::journal::Result<()>) {
        let Some(journal) = self.journal.as_mut() else {
            return;
        };
        if let Err(e) = what(journal) {
            emit_err(&format!(
                "backchain: {e}\nbackchain: the rest of this session will not be saved.\n"
            ));
            self.journal = None;
        }
    }

    fn start(&mut self, pain: Option<Pain>) {
        let mut id = None;
        self.write(|j| {
            id = Some(j.start_session(date::unix_now(), pain)?);
            Ok(())
        });
        self.session = id;
    }

    fn exercise(&mut self, exercise: &str, outcome: Outcome) {
        let Some(session) = self.session else { return };
        self.write(|j| {
            j.add_exercise(session, date::unix_now(), exercise, outcome)
                .map(drop)
        });
    }

    fn end(&mut self, pain: Option<Pain>, note: &str) {
        let Some(session) = self.session else { return };
        self.write(|j| j.end_session(session, date::unix_now(), pain, note));
    }

    /// Everything in the journal so far, oldest first (nothing when it cannot be read, which is said).
    fn events(&self) -> Vec<journal::Event> {
        let Some(journal) = &self.journal else {
            return Vec::new();
        };
        journal.events(None).unwrap_or_else(|e| {
            emit_err(&format!("backchain: {e}\n"));
            Vec::new()
        })
    }

    /// Where the session went, for the summary.
    fn saved_in(&self) -> Option<&Path> {
        self.journal
            .as_ref()
            .filter(|_| self.session.is_some())
            .map(Journal::path)
    }
}

/// What a typed line asks of a running session.
enum Command {
    Pause,
    Next,
    Previous,
    Skip,
    EndStep,
    /// `+` (true) or `-` (false): a rest 15 s longer or shorter.
    Rest(bool),
    Quit,
    Help,
}

fn command(line: &str) -> Command {
    match line.trim() {
        "" | " " => Command::Pause,
        "n" => Command::Next,
        "p" => Command::Previous,
        "s" => Command::Skip,
        "x" => Command::EndStep,
        "+" => Command::Rest(true),
        "-" => Command::Rest(false),
        "q" => Command::Quit,
        _ => Command::Help,
    }
}

const HELP: &str = "Type a letter and Enter: Enter alone pauses or goes on · n next exercise · p back · \
s skip this exercise · x end this step · + or - a rest 15 s longer or shorter · q leave";

impl Screen {
    fn say(&self, text: &str) {
        let _ = emit(&format!("{text}\n"));
    }

    /// Prose, wrapped to the width the other commands use.
    fn say_wrapped(&self, text: &str) {
        let _ = emit(&wrap(text, ""));
    }

    fn ring(&self) {
        if self.bell {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(b"\x07");
            let _ = out.flush();
        }
    }

    /// Waits for one typed line; `None` when input has ended (then every question is skipped).
    fn ask(&mut self, prompt: &str) -> Option<String> {
        let _ = emit(&format!("{prompt} "));
        let _ = std::io::stdout().flush();
        let answer = self.input.recv().ok().flatten();
        if answer.is_none() {
            self.say("");
        }
        answer
    }

    /// Pain 0–10, asked until it is a number or skipped (Enter, or the end of input).
    fn ask_pain(&mut self, prompt: &str) -> Option<Pain> {
        loop {
            let line = self.ask(prompt)?;
            if line.trim().is_empty() {
                return None;
            }
            match Pain::parse(&line) {
                Some(pain) => return Some(pain),
                None => self
                    .say("  A whole number from 0 (no pain) to 10 (the worst), or Enter to skip."),
            }
        }
    }

    fn ask_choice(&mut self, prompt: &str, words: &[&str]) -> Option<usize> {
        let menu: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(i, w)| format!("{} {w}", i + 1))
            .collect();
        loop {
            let line = self.ask(&format!("{prompt} {} · Enter to skip:", menu.join(" · ")))?;
            if line.trim().is_empty() {
                return None;
            }
            match parse_choice(&line, words.len()) {
                Some(i) => return Some(i),
                None => self.say(&format!("  Type a number from 1 to {}.", words.len())),
            }
        }
    }

    /// An exercise's start: its name and dose, how to do it, and what to watch for.
    fn announce(&self, store: &Store, item: &engine::RoutineItem) {
        let mut out = format!("\n== {} — {}\n", item.title(), item.dose);
        if let Some(rung) = &item.rung {
            out.push_str(&hanging("  > ", &format!("{}: {}", rung.name, rung.change)));
        }
        if let Some(exercise) = item.shown(store) {
            for (i, step) in exercise.steps.iter().enumerate() {
                out.push_str(&hanging(&format!("  {}. ", i + 1), step.as_str()));
            }
        }
        for caution in item.shown_cautions(store) {
            out.push_str(&hanging("  ! ", caution));
        }
        let _ = emit(&out);
    }

    /// The routine as the journal has moved it ([`progression::current`]): a line for each exercise
    /// that changed rung or was left out, and why.
    fn progress(&self, store: &Store, routine: &Routine) -> Vec<engine::RoutineItem> {
        let now = progression::current(store, routine, &self.record.events());
        if !now.changes.is_empty() {
            self.say("Since your last sessions:");
            for change in &now.changes {
                let _ = emit(&hanging("  ", &change.sentence()));
            }
        }
        now.items
    }

    fn guide(&mut self, store: &Store, routine: &Routine, get_ready: u32) -> Exit {
        let items = &self.progress(store, routine);
        if items.is_empty() {
            self.say(
                "Every exercise of this routine is left out for now. See a physiotherapist or GP.",
            );
            return Exit::Ok;
        }
        let steps = session::timeline(items, get_ready);
        let total: u64 = steps.iter().map(|s| u64::from(s.seconds) * 1000).sum();
        self.say(&format!(
            "Your routine: {} exercises, about {}.",
            items.len(),
            clock(total)
        ));
        for (i, item) in items.iter().enumerate() {
            self.say(&format!("  {}. {} — {}", i + 1, item.title(), item.dose));
        }
        self.say("Stop any exercise that hurts. backchain is not medical advice.");
        if let Some(plan) = &store.plan {
            self.say_wrapped(&format!(
                "After each exercise you rate it. {}",
                plan.progression.note.as_str()
            ));
        }
        let pain_before = self.ask_pain("How bad is the pain right now? 0–10, Enter to skip:");
        self.record.start(pain_before);
        self.say_wrapped(HELP);
        // `None`: not reached (yet).
        let mut outcomes: Vec<Option<Outcome>> = vec![None; items.len()];
        let origin = Instant::now();
        let now = move || u64::try_from(origin.elapsed().as_millis()).unwrap_or(u64::MAX);
        let mut run = Run::new(steps, now());
        let mut shown: Option<(usize, u64)> = None;
        let mut input_open = true;
        let quit = loop {
            let events = run.tick(now());
            if self.handle(&mut run, &events, items, &mut outcomes, &now) {
                break false;
            }
            let status = run.status(now());
            let Some(step) = status.step.copied() else {
                break false;
            };
            let first_of_item =
                status.index == 0 || run.steps()[status.index - 1].item != step.item;
            if first_of_item && shown.is_none_or(|(index, _)| index != status.index) {
                self.announce(store, &items[step.item]);
            }
            let second = status.elapsed_ms / 1000;
            if !status.paused && shown != Some((status.index, second)) {
                let moment = match step.kind {
                    StepKind::Set { work, .. } => {
                        format!(" · {}", pace_words(pace(work, status.elapsed_ms)))
                    }
                    _ => format!(" · {} s", session::seconds_up(status.left_ms)),
                };
                self.say(&format!(
                    "{} left · {:>3} % · {}{moment}",
                    clock(status.session_left_ms),
                    status.done_permille / 10,
                    step_title(&step, items),
                ));
            }
            shown = Some((status.index, second));
            // Wake at the next whole second of the step, or when a line is typed.
            let wait = if status.paused {
                Duration::from_secs(3600)
            } else {
                Duration::from_millis(1000 - status.elapsed_ms % 1000)
            };
            if !input_open {
                std::thread::sleep(wait);
                continue;
            }
            let line = match self.input.recv_timeout(wait) {
                Ok(Some(line)) => line,
                Ok(None) | Err(RecvTimeoutError::Disconnected) => {
                    input_open = false;
                    if status.paused {
                        run.toggle_pause(now());
                    }
                    continue;
                }
                Err(RecvTimeoutError::Timeout) => continue,
            };
            let t = now();
            let events = match command(&line) {
                Command::Pause => {
                    let events = run.toggle_pause(t);
                    self.say(if run.is_paused() {
                        "Paused. Enter goes on."
                    } else {
                        "Going on."
                    });
                    shown = None;
                    events
                }
                Command::Next => run.next_exercise(t),
                Command::Previous => run.previous_exercise(t),
                Command::EndStep => run.skip_step(t),
                Command::Skip => run.skip_exercise(t),
                Command::Rest(longer) => {
                    if !run.adjust_rest(t, longer) {
                        self.say("  + and - change a rest; this is not one.");
                    }
                    shown = None;
                    Vec::new()
                }
                Command::Quit => {
                    let was_running = !run.is_paused();
                    if was_running {
                        run.toggle_pause(t);
                    }
                    let answer = self.ask("Leave the session? What you did is kept. y/N:");
                    if answer.is_some_and(|a| a.trim().eq_ignore_ascii_case("y")) {
                        break true;
                    }
                    if was_running {
                        run.toggle_pause(now());
                    }
                    shown = None;
                    Vec::new()
                }
                Command::Help => {
                    self.say_wrapped(HELP);
                    Vec::new()
                }
            };
            if self.handle(&mut run, &events, items, &mut outcomes, &now) {
                break false;
            }
        };
        self.finish(items, &outcomes, pain_before, quit)
    }

    /// Rings, asks for ratings and reasons; true once the session has finished.
    fn handle(
        &mut self,
        run: &mut Run,
        events: &[Event],
        items: &[engine::RoutineItem],
        outcomes: &mut [Option<Outcome>],
        clock: &impl Fn() -> u64,
    ) -> bool {
        let mut finished = false;
        for event in events {
            match *event {
                Event::StepEnded { bell, .. } => {
                    if bell {
                        self.ring();
                    }
                }
                Event::ExerciseEnded { item } => {
                    // The clock stops while the question waits for an answer.
                    let was_running = !run.is_paused() && !run.is_finished();
                    if was_running {
                        run.toggle_pause(clock());
                    }
                    let words: Vec<&str> = Rating::ALL.iter().map(|r| r.words()).collect();
                    let rating = self
                        .ask_choice(&format!("How was {}?", items[item].name), &words)
                        .map(|i| Rating::ALL[i]);
                    let outcome = Outcome::Done(rating);
                    outcomes[item] = Some(outcome);
                    self.record.exercise(&items[item].exercise, outcome);
                    if rating == Some(Rating::Hurt) {
                        self.say("  Noted. Leave it out until it stops hurting; if it keeps hurting, see a physiotherapist or GP.");
                    }
                    if was_running {
                        run.toggle_pause(clock());
                    }
                }
                Event::ExerciseSkipped { item } => {
                    let words: Vec<&str> = SkipReason::ALL.iter().map(|r| r.words()).collect();
                    let reason = self
                        .ask_choice(&format!("Why skip {}?", items[item].name), &words)
                        .map(|i| SkipReason::ALL[i]);
                    let outcome = Outcome::Skipped(reason);
                    outcomes[item] = Some(outcome);
                    self.record.exercise(&items[item].exercise, outcome);
                }
                Event::Finished => finished = true,
            }
        }
        finished
    }

    fn finish(
        &mut self,
        items: &[engine::RoutineItem],
        outcomes: &[Option<Outcome>],
        pain_before: Option<Pain>,
        left_early: bool,
    ) -> Exit {
        self.say(if left_early {
            "Session left. What you did is kept."
        } else {
            "Session done."
        });
        let pain_after = self.ask_pain("How bad is the pain now? 0–10, Enter to skip:");
        let note = self
            .ask("A note for yourself? Enter to skip:")
            .filter(|n| !n.trim().is_empty());
        self.record
            .end(pain_after, note.as_deref().map_or("", str::trim));
        let mut out = String::from("\nThis session:\n");
        for (item, outcome) in items.iter().zip(outcomes) {
            let how = session::outcome_words(*outcome, false);
            out.push_str(&format!("  {} — {how}\n", item.name));
        }
        out.push_str(&format!(
            "Pain before: {} · after: {}\n",
            Pain::words(pain_before),
            Pain::words(pain_after)
        ));
        if let Some(note) = note {
            out.push_str(&format!("Note: {}\n", note.trim()));
        }
        match self.record.saved_in() {
            Some(path) => out.push_str(&format!(
                "Saved in your journal ({}); `backchain journal list` shows it.\n",
                crate::text::path(path)
            )),
            None => out.push_str("Not saved: the journal could not be used (see above).\n"),
        }
        emit(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_lines_are_commands() {
        assert!(matches!(command(""), Command::Pause));
        assert!(matches!(command(" n "), Command::Next));
        assert!(matches!(command("+"), Command::Rest(true)));
        assert!(matches!(command("what"), Command::Help));
    }

    #[test]
    fn each_standing_without_a_routine_says_why() {
        for s in [
            Standing::SafetyUnanswered,
            Standing::RedFlag,
            Standing::Open,
        ] {
            assert!(refusal(s).starts_with("backchain: no session:"));
        }
        assert!(refusal(Standing::RedFlag).contains("clinician"));
    }
}
