//! The library screen: keys and mouse through `update`, search, jumps from a claim to its article and
//! chains and back with Esc, an empty store, and whole frames as snapshots.

use backchain::content::{Store, embedded};
use backchain::engine::Answers;
use backchain::tui::keys::{KeyContext, Mode, Scope, hints, map_key};
use backchain::tui::screens::Msg;
use backchain::tui::screens::library::{self, Drawn, Kind, Pane, Target, detail::detail};
use backchain::tui::theme::Theme;
use backchain::tui::{Action, App, Screen, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use crate::common::fixture_answers as answers;

/// The app on the library screen at `width`×`height`, with realistic answers, laid out.
fn app(width: u16, height: u16) -> App {
    let store = embedded();
    let answers = answers(&store, "ribs-and-breathing.toml");
    open(App::new(store, answers, Theme::new(true)), width, height)
}

fn empty_app(width: u16, height: u16) -> App {
    open(
        App::new(Store::default(), Answers::default(), Theme::new(true)),
        width,
        height,
    )
}

fn open(mut app: App, width: u16, height: u16) -> App {
    app.size = Rect::new(0, 0, width, height);
    app.handle(vec![Msg::Goto(Screen::Library)]);
    app.prepare();
    app
}

fn terminal(app: &mut App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| view::draw(app, f)).unwrap();
    terminal
}

fn screen_text(app: &mut App) -> String {
    terminal(app).backend().to_string()
}

/// An action as the event loop does it: `update`, then the next frame laid out.
fn act(app: &mut App, action: Action) -> bool {
    let meant = update(app, action);
    app.prepare();
    meant
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        if let Some(action) = map_key(&app.key_context(), KeyEvent::new(code, KeyModifiers::NONE)) {
            act(app, action);
        }
    }
}

fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

fn selected(app: &App) -> Option<Target> {
    app.library.selected(&app.store)
}

fn drawn(app: &App) -> &Drawn {
    app.library.drawn.as_ref().expect("laid out")
}

fn kind(app: &App) -> Kind {
    app.library.place.kind
}

fn pane(app: &App) -> Pane {
    app.library.place.pane
}

/// Puts the claims list's cursor on a claim, as moving there with j/k would.
fn select_claim(app: &mut App, id: &str) {
    while kind(app) != Kind::Claims {
        press(app, &[KeyCode::Right]);
    }
    let rows = app.library.rows(&app.store, Kind::Claims);
    let position = rows
        .iter()
        .position(|&i| app.store.claims[i].id == id)
        .unwrap();
    press(app, &[ch('g')]);
    for _ in 0..position {
        press(app, &[ch('j')]);
    }
    assert_eq!(selected(app), Some(Target::Claim(id.into())));
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn keys_move_between_tabs_panes_and_rows() {
    let mut app = app(80, 24);
    assert_eq!(kind(&app), Kind::Articles);
    assert_eq!(pane(&app), Pane::List);
    press(&mut app, &[ch('j')]);
    assert_eq!(
        selected(&app),
        Some(Target::Article("brain-and-hinge".into()))
    );
    // Enter opens the detail; Tab and Shift-Tab go between list and detail only.
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(pane(&app), Pane::Detail);
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(pane(&app), Pane::List);
    press(&mut app, &[KeyCode::BackTab]);
    assert_eq!(pane(&app), Pane::Detail);
    // h/l change the tab from either pane; each kind keeps its own cursor.
    press(&mut app, &[ch('l'), ch('l')]);
    assert_eq!(kind(&app), Kind::Claims);
    press(&mut app, &[KeyCode::Tab, ch('h'), ch('h')]);
    assert_eq!(kind(&app), Kind::Articles);
    assert_eq!(
        selected(&app),
        Some(Target::Article("brain-and-hinge".into()))
    );
    press(&mut app, &[ch('l'), ch('l'), ch('l'), ch('l'), ch('l')]);
    assert_eq!(kind(&app), Kind::Chains, "stops at the last tab");
    // Esc without history steps from the detail back to the list.
    press(&mut app, &[KeyCode::Enter, KeyCode::Esc]);
    assert_eq!(pane(&app), Pane::List);
}

#[test]
fn the_tab_strip_is_not_a_focus_stop() {
    let mut app = app(80, 24);
    for _ in 0..6 {
        press(&mut app, &[KeyCode::Tab]);
        assert!(matches!(pane(&app), Pane::List | Pane::Detail));
        // j/k always move something: the list's cursor or the detail.
        let before = (app.library.place.clone(), kind(&app));
        press(&mut app, &[ch('j')]);
        assert_eq!(kind(&app), before.1, "j never changes the tab");
        assert_ne!(
            app.library.place,
            before.0,
            "j does something in {:?}",
            pane(&app)
        );
        press(&mut app, &[ch('k')]);
    }
}

#[test]
fn the_cursor_stays_inside_the_list_and_on_screen() {
    let mut app = app(80, 24);
    press(&mut app, &[ch('k'), ch('k'), KeyCode::PageUp]);
    assert_eq!(app.library.place.cursors[Kind::Articles.index()], 0);
    press(&mut app, &[ch('G'), ch('j'), KeyCode::PageDown]);
    assert_eq!(app.library.place.cursors[Kind::Articles.index()], 4);

    press(&mut app, &[ch('l'), ch('l')]);
    let claims = app.store.claims.len();
    let height = drawn(&app).list_height();
    press(&mut app, &[KeyCode::PageDown]);
    assert_eq!(app.library.place.cursors[Kind::Claims.index()], height - 1);
    press(&mut app, &[ch('G')]);
    assert_eq!(app.library.place.cursors[Kind::Claims.index()], claims - 1);
    assert_eq!(
        drawn(&app).offset,
        claims - height,
        "the last row sits at the bottom"
    );
    press(&mut app, &[ch('g')]);
    assert_eq!(app.library.place.cursors[Kind::Claims.index()], 0);
    assert_eq!(drawn(&app).offset, 0);
}

#[test]
fn c_narrows_the_chains_to_those_citing_the_claim_and_esc_returns() {
    let mut app = app(80, 24);
    select_claim(&mut app, "rb-stiff-ribs");
    press(&mut app, &[ch('c')]);
    let citing: Vec<String> = app
        .store
        .chains_citing("rb-stiff-ribs")
        .map(|c| c.id.to_string())
        .collect();
    assert!(!citing.is_empty());
    assert_eq!(kind(&app), Kind::Chains);
    assert_eq!(
        app.library.place.chains_claim.as_deref(),
        Some("rb-stiff-ribs")
    );
    let listed: Vec<String> = app
        .library
        .rows(&app.store, Kind::Chains)
        .iter()
        .map(|&i| app.store.chains[i].id.to_string())
        .collect();
    assert_eq!(listed, citing);
    let count = citing.len();
    let expected = if count == 1 {
        "1 chain cites claim rb-stiff-ribs".to_string()
    } else {
        format!("{count} chains cite claim rb-stiff-ribs")
    };
    assert!(status(&app).starts_with(&expected), "{}", status(&app));

    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(kind(&app), Kind::Claims);
    assert_eq!(selected(&app), Some(Target::Claim("rb-stiff-ribs".into())));
    assert_eq!(app.library.place.chains_claim, None);
    assert!(app.library.history.is_empty());
}

#[test]
fn o_opens_the_claims_article_and_esc_returns() {
    let mut app = app(80, 24);
    select_claim(&mut app, "bh-brain-signal");
    press(&mut app, &[ch('o')]);
    assert_eq!(kind(&app), Kind::Articles);
    assert_eq!(
        selected(&app),
        Some(Target::Article("brain-and-hinge".into()))
    );
    assert_eq!(app.library.history.len(), 1);
    assert!(status(&app).contains("Esc goes back"), "{}", status(&app));
    // A tab change from there, then one step back.
    press(&mut app, &[ch('l'), ch('l')]);
    assert_eq!(kind(&app), Kind::Claims);
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(kind(&app), Kind::Claims, "Esc goes back, not a tab left");
    assert_eq!(
        selected(&app),
        Some(Target::Claim("bh-brain-signal".into()))
    );
    assert!(status(&app).contains("Back to claim bh-brain-signal"));
}

#[test]
fn o_and_c_without_a_claim_explain_themselves() {
    let mut app = app(80, 24);
    press(&mut app, &[ch('o')]);
    assert_eq!(kind(&app), Kind::Articles);
    assert!(app.library.history.is_empty());
    assert!(
        status(&app).contains("o and c work on a claim"),
        "{}",
        status(&app)
    );
    press(&mut app, &[ch('c')]);
    assert_eq!(kind(&app), Kind::Articles);
    // The message goes with the next key.
    press(&mut app, &[ch('j')]);
    assert_eq!(app.status, None);
}

#[test]
fn hints_follow_the_focus() {
    let mut app = app(80, 24);
    let listed =
        |app: &App| -> Vec<&str> { hints(&app.key_context()).iter().map(|h| h.0).collect() };
    assert!(
        !listed(&app).contains(&"o"),
        "no claim in focus: {:?}",
        listed(&app)
    );
    assert!(listed(&app).contains(&"/"));
    select_claim(&mut app, "rb-stiff-ribs");
    assert_eq!(&listed(&app)[..2], ["o", "c"], "a claim in focus");
    press(&mut app, &[KeyCode::Enter]);
    let detail = hints(&app.key_context());
    assert!(detail.contains(&("Enter", "open the link")), "{detail:?}");
    press(&mut app, &[ch('/')]);
    assert_eq!(app.key_context().mode(), Some(Mode::Typing));
}

#[test]
fn no_key_is_listed_twice_with_two_meanings() {
    let mut app = app(80, 24);
    select_claim(&mut app, "rb-stiff-ribs");
    for setup in [Pane::List, Pane::Detail] {
        app.library.place.pane = setup;
        let bindings = app.key_context().bindings();
        for (i, a) in bindings.iter().enumerate() {
            for b in &bindings[i + 1..] {
                for key in a.keys {
                    assert!(
                        !b.keys.contains(key),
                        "{key:?} is both {} and {}",
                        a.what,
                        b.what
                    );
                }
            }
        }
    }
}

#[test]
fn search_filters_the_open_list_and_x_clears_it() {
    let mut app = app(80, 24);
    press(&mut app, &[ch('l'), ch('l'), ch('j'), ch('j'), ch('/')]);
    assert!(app.library.typing);
    // Letters go into the box, even those that are keys elsewhere.
    for c in "hamstrings q".chars() {
        press(&mut app, &[ch(c)]);
    }
    press(&mut app, &[KeyCode::Backspace, KeyCode::Backspace]);
    assert!(app.running, "q was typed, not quit");
    assert_eq!(app.library.place.query, "hamstrings");
    let rows = app.library.rows(&app.store, Kind::Claims);
    assert!(!rows.is_empty() && rows.len() < app.store.claims.len());
    for &i in &rows {
        let claim = &app.store.claims[i];
        assert!(
            claim.statement.to_lowercase().contains("hamstring") || claim.id.contains("hamstring"),
            "{}",
            claim.id
        );
    }
    assert_eq!(
        app.library.place.cursors[Kind::Claims.index()],
        0,
        "the first match"
    );
    let text = screen_text(&mut app);
    assert!(
        text.contains("/ hamstrings█"),
        "the box shows the query and cursor:\n{text}"
    );
    assert!(text.contains(&format!("Claims {}/{}", rows.len(), app.store.claims.len())));
    // ↓ moves in the matches while typing; Enter opens the one under the cursor.
    press(&mut app, &[KeyCode::Down, KeyCode::Enter]);
    assert!(!app.library.typing);
    assert_eq!(pane(&app), Pane::Detail);
    let picked = selected(&app);
    // The search stays on other tabs.
    press(&mut app, &[ch('h')]);
    assert_eq!(kind(&app), Kind::Topics);
    assert!(app.library.rows(&app.store, Kind::Topics).len() < app.store.topics.len());
    press(&mut app, &[ch('l')]);
    // x clears it and keeps the cursor on the same claim.
    press(&mut app, &[ch('x')]);
    assert_eq!(app.library.place.query, "");
    assert_eq!(selected(&app), picked);
    assert_eq!(
        app.library.rows(&app.store, Kind::Claims).len(),
        app.store.claims.len()
    );
    // A search that finds nothing says so, and how to clear it.
    press(
        &mut app,
        &[ch('/'), ch('z'), ch('q'), ch('x'), KeyCode::Esc],
    );
    let text = screen_text(&mut app);
    assert!(text.contains("No claims match “zqx”. x"), "{text}");
    assert!(text.contains("clears the search."), "{text}");
}

#[test]
fn a_jump_to_a_record_the_search_hides_drops_the_search_and_esc_restores_it() {
    let mut app = app(80, 24);
    select_claim(&mut app, "rb-stiff-ribs");
    press(
        &mut app,
        &[
            ch('/'),
            ch('s'),
            ch('t'),
            ch('i'),
            ch('f'),
            ch('f'),
            KeyCode::Enter,
        ],
    );
    assert_eq!(selected(&app), Some(Target::Claim("rb-stiff-ribs".into())));
    press(&mut app, &[ch('o')]);
    assert_eq!(kind(&app), Kind::Articles);
    assert_eq!(
        selected(&app),
        Some(Target::Article("ribs-and-breathing".into()))
    );
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.library.place.query, "stiff");
    assert_eq!(selected(&app), Some(Target::Claim("rb-stiff-ribs".into())));
}

#[test]
fn detail_links_open_with_enter_and_esc_comes_back_to_the_link() {
    let mut app = app(160, 48);
    // Article 000's detail: j moves from link to link; the first links are its chains, then claims.
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(pane(&app), Pane::Detail);
    let d = drawn(&app).detail.clone();
    // The first claim link whose claim some chain cites.
    let first_claim = d
        .links
        .iter()
        .position(
            |t| matches!(t, Target::Claim(id) if app.store.chains_citing(id).next().is_some()),
        )
        .unwrap();
    let chains_before = d
        .links
        .iter()
        .filter(|t| matches!(t, Target::Chain(_)))
        .count();
    assert!(chains_before > 0, "the article's chains come first");
    // j steps link by link; all of them are on screen at this size.
    for _ in 0..=first_claim {
        press(&mut app, &[ch('j')]);
    }
    assert_eq!(app.library.place.link, Some(first_claim));
    let Target::Claim(claim) = d.links[first_claim].clone() else {
        unreachable!()
    };
    assert!(
        screen_text(&mut app).contains(&format!("▶ {claim}")),
        "the focused link is marked"
    );
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(kind(&app), Kind::Claims);
    assert_eq!(selected(&app), Some(Target::Claim(claim.clone())));
    assert_eq!(pane(&app), Pane::Detail, "focus stays in the detail");
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(kind(&app), Kind::Articles);
    assert_eq!(app.library.place.link, Some(first_claim));
    // o and c act on the focused claim link too.
    press(&mut app, &[ch('c')]);
    assert_eq!(
        app.library.place.chains_claim.as_deref(),
        Some(claim.as_str())
    );
}

#[test]
fn an_article_can_narrow_the_claims_list_to_its_own() {
    let mut app = app(160, 48);
    press(&mut app, &[KeyCode::Enter]);
    let link = drawn(&app)
        .detail
        .links
        .iter()
        .position(|t| matches!(t, Target::ClaimsOf(_)))
        .unwrap();
    // Straight to the bottom of the detail, then up to the last link.
    press(&mut app, &[ch('G'), ch('k')]);
    assert_eq!(app.library.place.link, Some(link));
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(kind(&app), Kind::Claims);
    let mine = app.store.claims_of("ribs-and-breathing").count();
    assert_eq!(app.library.rows(&app.store, Kind::Claims).len(), mine);
    assert!(screen_text(&mut app).contains("Claims of 000 Ribs & breathing"));
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.library.place.claims_article, None);
}

/// The detail of record `i` of `kind`, as plain lines.
fn detail_text(app: &App, kind: Kind, i: usize, width: u16) -> Vec<String> {
    let mut state = app.library.clone();
    state.place.kind = kind;
    state.place.cursors[kind.index()] = i;
    detail(&app.store, &state, width).plain()
}

#[test]
fn topics_say_when_no_article_holds_a_stance() {
    let app = app(160, 48);
    let store = &app.store;
    let i = store
        .topics
        .iter()
        .position(|t| {
            t.stances.iter().any(|s| {
                !store
                    .claims
                    .iter()
                    .any(|c| c.topic == t.id && c.stance == s.id)
            })
        })
        .expect("some stance is held by no article");
    let text = detail_text(&app, Kind::Topics, i, 80);
    assert!(text.iter().any(|l| l.contains("No article holds this.")));
}

#[test]
fn reconstructed_steps_and_tilts_say_they_are_ours() {
    let app = app(160, 48);
    let i = app
        .store
        .chains
        .iter()
        .position(|c| c.id == "tight-hip-flexors")
        .expect("the sixth chain");
    let text = detail_text(&app, Kind::Chains, i, 140);
    assert!(
        text.iter()
            .any(|l| l
                .contains("predicts anterior pelvic tilt (our reconstruction, not the article's)")),
        "{text:#?}"
    );
    let marked = text
        .iter()
        .filter(|l| l.contains("◇ our reconstruction, not the article's"))
        .count();
    let ours = app.store.chains[i]
        .steps
        .iter()
        .filter(|s| s.source.marker().is_some())
        .count();
    assert_eq!(marked, ours, "one marker per reconstructed step");
    assert!(
        text.iter()
            .any(|l| l.starts_with("    Source: Inferred from 003"))
    );
    // A chain told wholly by its articles carries no marker.
    let text = detail_text(&app, Kind::Chains, 0, 100);
    assert!(
        !text.iter().any(|l| l.contains("reconstruction")),
        "{text:#?}"
    );
}

#[test]
fn evidence_labels_are_explained_where_they_are_shown() {
    let mut app = app(160, 48);
    let article = detail_text(&app, Kind::Articles, 0, 100).join("\n");
    assert!(
        article.contains("clinical-opinion — The author's own professional view"),
        "{article}"
    );
    let claim = detail_text(&app, Kind::Claims, 0, 100).join("\n");
    assert!(
        claim.contains("Evidence  clinical-opinion — The author's own"),
        "{claim}"
    );
    let screen = screen_text(&mut app);
    for gloss in [
        "research claimed",
        "textbook fact",
        "author's view",
        "a personal story",
    ] {
        assert!(screen.contains(gloss), "the kinds column explains {gloss}");
    }
}

#[test]
fn detail_lines_never_exceed_their_width() {
    let app = app(80, 24);
    for kind in Kind::ALL {
        let mut state = app.library.clone();
        state.place.kind = kind;
        for n in 0..state.rows(&app.store, kind).len() {
            state.place.cursors[kind.index()] = n;
            for width in [1, 7, 20, 46, 83] {
                let d = detail(&app.store, &state, width);
                for line in &d.lines {
                    assert!(
                        line.line.width() <= usize::from(width),
                        "{kind:?} {n} {width}: {:?}",
                        line.line.plain()
                    );
                }
                for link in 0..d.links.len() {
                    assert!(d.link_lines(link).is_some(), "every link has a line");
                }
            }
        }
    }
}

#[test]
fn scroll_cues_show_and_nothing_scrolls_into_blank_space() {
    let mut app = app(80, 24);
    press(&mut app, &[ch('l'), ch('l')]);
    let text = screen_text(&mut app);
    assert!(
        text.contains("▼ more below · 1/73"),
        "the list says there is more:\n{text}"
    );
    press(&mut app, &[ch('G')]);
    let text = screen_text(&mut app);
    assert!(text.contains("▲ more above · 73/73"), "{text}");
    // The detail: a scrollbar and cues, and G puts its last line on the last row, no further.
    press(&mut app, &[KeyCode::Tab, ch('G')]);
    let d = drawn(&app);
    let rows = d.detail_rows();
    let lines = d.detail.lines.len();
    assert!(lines > usize::from(rows));
    assert_eq!(
        usize::from(app.library.place.detail.offset),
        lines - usize::from(rows)
    );
    press(&mut app, &[KeyCode::PageDown, ch('j')]);
    assert_eq!(
        usize::from(app.library.place.detail.offset),
        lines - usize::from(rows)
    );
    assert!(screen_text(&mut app).contains("▲ more above"));
}

#[test]
fn titles_and_tabs_are_cut_with_an_ellipsis() {
    let mut app = app(50, 14);
    select_claim(&mut app, "rb-stiff-ribs");
    press(&mut app, &[ch('c'), ch('/'), ch('s')]);
    let text = screen_text(&mut app);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].ends_with("[Ch…\""), "the tab row is cut:\n{text}");
    // Rows too long for the list are cut too.
    press(&mut app, &[KeyCode::Esc, KeyCode::Esc, KeyCode::Esc]);
    let text = screen_text(&mut app);
    assert!(
        text.contains("▶ [000] An in-breath needs room around the lung…"),
        "{text}"
    );
}

#[test]
fn an_empty_store_renders_and_takes_every_key() {
    for (w, h) in [(80, 24), (160, 48), (50, 14), (60, 20)] {
        let mut app = empty_app(w, h);
        let text = screen_text(&mut app);
        assert!(text.contains("No articles in this store."), "{text}");
        for key in [
            ch('j'),
            ch('k'),
            ch('G'),
            ch('g'),
            KeyCode::PageDown,
            KeyCode::Enter,
            ch('o'),
            ch('c'),
            KeyCode::Tab,
            ch('j'),
            ch('l'),
            ch('l'),
            KeyCode::Enter,
            KeyCode::Enter,
            ch('o'),
            ch('c'),
            ch('/'),
            ch('z'),
            KeyCode::Enter,
            ch('x'),
            KeyCode::Esc,
            KeyCode::Esc,
            KeyCode::BackTab,
        ] {
            press(&mut app, &[key]);
            screen_text(&mut app);
        }
        for row in 0..h {
            for column in (0..w).step_by(7) {
                act(&mut app, Action::Click { column, row });
                act(&mut app, Action::ScrollDown { column, row });
                act(&mut app, Action::ScrollUp { column, row });
            }
        }
        screen_text(&mut app);
    }
}

#[test]
fn no_size_panics() {
    let mut app = app(80, 24);
    select_claim(&mut app, "rb-stiff-ribs");
    press(&mut app, &[KeyCode::Enter]);
    for (w, h) in [
        (1, 1),
        (10, 5),
        (49, 13),
        (50, 14),
        (69, 20),
        (70, 20),
        (119, 30),
        (120, 30),
        (120, 16),
        (200, 60),
    ] {
        app.size = Rect::new(0, 0, w, h);
        app.prepare();
        press(&mut app, &[ch('j'), ch('G'), ch('k'), ch('/'), ch('r')]);
        screen_text(&mut app);
        press(&mut app, &[KeyCode::Esc, KeyCode::Tab]);
        screen_text(&mut app);
        let d = drawn(&app);
        for rect in [Some(d.kinds), d.list, d.detail_pane].into_iter().flatten() {
            assert!(rect.right() <= d.body.right() && rect.bottom() <= d.body.bottom());
        }
    }
}

#[test]
fn clicks_pick_tabs_and_rows_and_open_links() {
    let mut app = app(80, 24);
    assert!(drawn(&app).kinds_as_row);
    // A click on the Claims tab opens the claims.
    let (_, start, _) = drawn(&app)
        .tabs
        .iter()
        .copied()
        .find(|(k, _, _)| *k == Kind::Claims)
        .unwrap();
    let row = drawn(&app).kinds.y;
    act(
        &mut app,
        Action::Click {
            column: start + 1,
            row,
        },
    );
    assert_eq!(kind(&app), Kind::Claims);
    assert_eq!(pane(&app), Pane::List);
    // A click on the fourth row selects it; a second click opens it.
    let list = drawn(&app).rows_area;
    let (column, row) = (list.x + 3, list.y + 3);
    act(&mut app, Action::Click { column, row });
    assert_eq!(app.library.place.cursors[Kind::Claims.index()], 3);
    assert_eq!(pane(&app), Pane::List);
    act(&mut app, Action::Click { column, row });
    assert_eq!(pane(&app), Pane::Detail);
    // The wheel over the list moves its cursor.
    act(
        &mut app,
        Action::ScrollDown {
            column: list.x + 1,
            row: list.y,
        },
    );
    assert_eq!(app.library.place.cursors[Kind::Claims.index()], 4);
    assert_eq!(pane(&app), Pane::List);
    // A click on a link in the detail follows it.
    let d = drawn(&app);
    let inside = d
        .detail_pane
        .map(|p| p.inner(ratatui::layout::Margin::new(1, 1)))
        .unwrap();
    let line = d
        .detail
        .lines
        .iter()
        .position(|l| {
            l.link
                .is_some_and(|k| matches!(d.detail.links[k], Target::Article(_)))
        })
        .unwrap();
    let claim = selected(&app);
    act(
        &mut app,
        Action::Click {
            column: inside.x + 2,
            row: inside.y + line as u16,
        },
    );
    assert_eq!(kind(&app), Kind::Articles);
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(selected(&app), claim);
    // A click on the search row opens the box.
    press(&mut app, &[ch('/'), ch('r'), KeyCode::Esc]);
    let (search, _) = drawn(&app)
        .search
        .clone()
        .expect("the box shows while it holds text");
    act(
        &mut app,
        Action::Click {
            column: search.x + 2,
            row: search.y,
        },
    );
    assert!(app.library.typing);
}

#[test]
fn the_wheel_scrolls_the_detail_and_the_kinds_column_takes_clicks() {
    let mut app = app(160, 48);
    assert!(!drawn(&app).kinds_as_row);
    // The Chains row of the kinds column.
    let kinds = drawn(&app).kinds;
    act(
        &mut app,
        Action::Click {
            column: kinds.x + 3,
            row: kinds.y + 4,
        },
    );
    assert_eq!(kind(&app), Kind::Chains);
    let detail_pane = drawn(&app).detail_pane.unwrap();
    let (column, row) = (detail_pane.x + 5, detail_pane.y + 5);
    act(&mut app, Action::ScrollDown { column, row });
    assert_eq!(pane(&app), Pane::Detail);
    assert_eq!(app.library.place.detail.offset, 3);
    act(&mut app, Action::ScrollUp { column, row });
    act(&mut app, Action::ScrollUp { column, row });
    assert_eq!(app.library.place.detail.offset, 0);
    // The wheel over the kinds changes the kind.
    act(
        &mut app,
        Action::ScrollUp {
            column: kinds.x + 2,
            row: kinds.y + 1,
        },
    );
    assert_eq!(kind(&app), Kind::Claims);
}

#[test]
fn narrow_terminals_show_the_list_or_the_detail() {
    let mut app = app(60, 20);
    assert!(drawn(&app).detail_pane.is_none());
    press(&mut app, &[KeyCode::Enter]);
    assert!(drawn(&app).list.is_none());
    let text = screen_text(&mut app);
    assert!(text.contains("Says of itself"), "{text}");
    // The search box brings the list back.
    press(&mut app, &[ch('/')]);
    assert!(drawn(&app).list.is_some());
}

#[test]
fn describe_names_records_for_messages() {
    let store = embedded();
    assert_eq!(
        library::describe(&store, &Target::Article("ribs-and-breathing".into())),
        "article 000 Ribs & breathing"
    );
    assert_eq!(
        library::describe(&store, &Target::Claim("rb-stiff-ribs".into())),
        "claim rb-stiff-ribs"
    );
}

/// The states to try each key in: the list (articles and a claim), the detail (with history, with a
/// link in focus), and the search box holding text.
fn states() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let mut list = app(100, 30);
    press(&mut list, &[ch('j'), ch('/'), ch('b'), KeyCode::Esc]);
    out.push(("articles list, searched", list));
    let mut claim = app(100, 30);
    select_claim(&mut claim, "rb-stiff-ribs");
    out.push(("a claim in the list", claim));
    let mut detail = app(100, 30);
    press(&mut detail, &[ch('l'), ch('l'), ch('o'), KeyCode::Enter]);
    out.push(("the detail, with history", detail));
    let mut link = app(100, 30);
    press(&mut link, &[ch('j'), KeyCode::Enter, ch('j')]);
    out.push(("a link in focus", link));
    let mut typing = app(100, 30);
    press(&mut typing, &[ch('l'), ch('l'), ch('/'), ch('r'), ch('i')]);
    out.push(("typing", typing));
    out
}

#[test]
fn every_library_key_does_something() {
    use backchain::tui::keys::all;
    let ours = |scope: &Scope| {
        matches!(
            scope,
            Scope::Screen(Screen::Library)
                | Scope::Pane(Screen::Library, _)
                | Scope::Mode(Mode::Typing)
        )
    };
    for binding in all().filter(|b| ours(&b.scope)) {
        let done = states().into_iter().any(|(_, mut app)| {
            let ctx: KeyContext = app.key_context();
            let active = ctx
                .bindings()
                .iter()
                .any(|b| b.scope == binding.scope && b.action == binding.action);
            active && act(&mut app, binding.action)
        });
        assert!(done, "{:?} {} does nothing", binding.scope, binding.what);
    }
}

// Snapshots -----------------------------------------------------------------------------------------

#[test]
fn snapshot_articles_80x24() {
    let mut app = app(80, 24);
    insta::assert_snapshot!("library_articles_80x24", terminal(&mut app).backend());
}

#[test]
fn snapshot_articles_160x48() {
    let mut app = app(160, 48);
    insta::assert_snapshot!("library_articles_160x48", terminal(&mut app).backend());
}

#[test]
fn snapshot_claim_selected_80x24() {
    let mut app = app(80, 24);
    select_claim(&mut app, "rb-stiff-ribs");
    insta::assert_snapshot!("library_claim_80x24", terminal(&mut app).backend());
}

#[test]
fn snapshot_claim_selected_160x48() {
    let mut app = app(160, 48);
    select_claim(&mut app, "rb-stiff-ribs");
    press(&mut app, &[KeyCode::Enter, ch('j')]);
    insta::assert_snapshot!("library_claim_160x48", terminal(&mut app).backend());
}

#[test]
fn snapshot_chains_of_a_claim_80x24() {
    let mut app = app(80, 24);
    select_claim(&mut app, "rb-stiff-ribs");
    press(&mut app, &[ch('c')]);
    insta::assert_snapshot!(
        "library_chains_of_claim_80x24",
        terminal(&mut app).backend()
    );
}

#[test]
fn snapshot_topic_detail_60x20() {
    let mut app = app(60, 20);
    press(&mut app, &[ch('l'), KeyCode::Enter]);
    insta::assert_snapshot!("library_topic_60x20", terminal(&mut app).backend());
}

#[test]
fn snapshot_search_80x24() {
    let mut app = app(80, 24);
    press(&mut app, &[ch('l'), ch('l'), ch('/')]);
    for c in "pelvis".chars() {
        press(&mut app, &[ch(c)]);
    }
    insta::assert_snapshot!("library_search_80x24", terminal(&mut app).backend());
}

#[test]
fn snapshot_tiny_50x14() {
    let mut app = app(50, 14);
    press(&mut app, &[ch('l'), ch('l')]);
    insta::assert_snapshot!("library_claims_50x14", terminal(&mut app).backend());
}
