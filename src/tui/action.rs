//! What the person can ask the app to do; every key, click and resize becomes one of these.

/// The main screens, on the number keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Screen {
    Questionnaire,
    Results,
    Compare,
    Exercises,
    Library,
    Session,
    Progress,
}

impl Screen {
    pub const ALL: [Screen; 7] = [
        Screen::Questionnaire,
        Screen::Results,
        Screen::Compare,
        Screen::Exercises,
        Screen::Library,
        Screen::Session,
        Screen::Progress,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Screen::Questionnaire => "Questionnaire",
            Screen::Results => "Results",
            Screen::Compare => "Compare",
            Screen::Exercises => "Exercises",
            Screen::Library => "Library",
            Screen::Session => "Session",
            Screen::Progress => "Progress",
        }
    }

    /// A shorter title for narrow tab bars: the questionnaire is "Quiz" (as `backchain quiz`).
    pub fn short(self) -> &'static str {
        match self {
            Screen::Questionnaire => "Quiz",
            other => other.title(),
        }
    }

    /// The number key that opens it.
    pub fn key(self) -> char {
        match self {
            Screen::Questionnaire => '1',
            Screen::Results => '2',
            Screen::Compare => '3',
            Screen::Exercises => '4',
            Screen::Library => '5',
            Screen::Session => '6',
            Screen::Progress => '7',
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Suspend,
    ToggleHelp,
    /// `i`: the introduction again.
    ShowIntro,
    /// Close the message or the introduction.
    Dismiss,
    /// Esc: close the popup or text box, or step back.
    Back,
    Goto(Screen),
    NextPane,
    PrevPane,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Enter.
    Select,
    /// Space.
    Toggle,
    /// `/`: focus the search box.
    FocusSearch,
    /// A character typed into the focused text box.
    Input(char),
    Backspace,
    /// Ctrl-U: empty the text box.
    ClearInput,
    // Questionnaire
    /// Back to the question seen before.
    PrevQuestion,
    /// On to the most telling open question.
    NextQuestion,
    /// The next question in the questionnaire's own order.
    NextInOrder,
    /// The previous question in the questionnaire's own order.
    PrevInOrder,
    Skip,
    StartOver,
    /// y / n in a confirmation.
    Confirm(bool),
    // Results
    Export,
    // Compare
    PickA,
    PickB,
    Swap,
    // Exercises
    /// Open the filter picker (region, equipment, phase, chain).
    PickFilter,
    /// Clear the search and the filters.
    ClearFilters,
    // Library
    OpenArticle,
    OpenChains,
    // Session
    /// `p` on Results: open the Session screen ready to start the routine.
    StartSession,
    /// Space: pause or go on.
    Pause,
    NextExercise,
    PrevExercise,
    /// `x`: end the step running now.
    EndStep,
    /// `+` / `-`: the rest running now 15 s longer or shorter.
    RestLonger,
    RestShorter,
    /// `q` on the Session screen: leave the session (asks first).
    Leave,
    /// A digit key where a number is asked for (a pain rating, a choice).
    Digit(u8),
    // Progress
    /// `r` on the Progress screen: open the retest form.
    RecordRetest,
    // Mouse
    ScrollUp {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    Click {
        column: u16,
        row: u16,
    },
}
