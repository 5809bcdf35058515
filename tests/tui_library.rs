//! The library screen: keys and mouse through `update`, jumps from a claim to its article and chains and
//! back with Esc, an empty store, and whole frames as snapshots.

mod common;

use backchain::content::{Store, embedded};
use backchain::engine::Answers;
use backchain::tui::keys::map_key;
use backchain::tui::layout;
use backchain::tui::state::library::{
    self, Kind, Pane, Target, areas, detail, inner, kind_tabs, list_offset,
};
use backchain::tui::theme::Theme;
use backchain::tui::{Action, App, Screen, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use common::fixture_answers as answers;

/// The app on the library screen at `width`×`height`, with realistic answers.
fn app(width: u16, height: u16) -> App {
    let store = embedded();
    let answers = answers(&store, "ribs-and-breathing.toml");
    let mut app = App::new(store, answers, Theme::new(true));
    app.screen = Screen::Library;
    app.size = Rect::new(0, 0, width, height);
    app
}

fn empty_app(width: u16, height: u16) -> App {
    let mut app = App::new(Store::default(), Answers::default(), Theme::new(true));
    app.screen = Screen::Library;
    app.size = Rect::new(0, 0, width, height);
    app
}

fn terminal(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| view::render(app, f)).unwrap();
    terminal
}

fn screen_text(app: &App) -> String {
    terminal(app).backend().to_string()
}

fn press(app: &mut App, keys: &[KeyCode]) {
    for &code in keys {
        if let Some(action) = map_key(&app.key_context(), KeyEvent::new(code, KeyModifiers::NONE)) {
            update(app, action);
        }
    }
}

fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

fn selected(app: &App) -> Option<Target> {
    app.library.selected(&app.store)
}

/// Puts the claims list's cursor on a claim, as moving there with j/k would.
fn select_claim(app: &mut App, id: &str) {
    press(app, &[KeyCode::Right, KeyCode::Right]);
    assert_eq!(app.library.kind, Kind::Claims);
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
fn keys_move_between_kinds_panes_and_rows() {
    let mut app = app(80, 24);
    assert_eq!(app.library.kind, Kind::Articles);
    assert_eq!(app.library.pane, Pane::List);
    press(&mut app, &[ch('j')]);
    assert_eq!(
        selected(&app),
        Some(Target::Article("brain-and-hinge".into()))
    );
    // Enter opens the detail; Tab goes round to the kinds and back to the list.
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.library.pane, Pane::Detail);
    press(&mut app, &[KeyCode::Tab]);
    assert_eq!(app.library.pane, Pane::Kinds);
    press(&mut app, &[KeyCode::BackTab]);
    assert_eq!(app.library.pane, Pane::Detail);
    press(&mut app, &[KeyCode::Tab]);
    // In the kinds, j/k change the kind; Enter moves into its list.
    press(&mut app, &[ch('j'), ch('j')]);
    assert_eq!(app.library.kind, Kind::Claims);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.library.pane, Pane::List);
    // h/l change the kind from anywhere; each kind keeps its own cursor.
    press(&mut app, &[ch('h'), ch('h')]);
    assert_eq!(app.library.kind, Kind::Articles);
    assert_eq!(
        selected(&app),
        Some(Target::Article("brain-and-hinge".into()))
    );
    press(&mut app, &[ch('l'), ch('l'), ch('l'), ch('l'), ch('l')]);
    assert_eq!(app.library.kind, Kind::Chains, "stops at the last kind");
    // Esc without history steps focus back: detail → list → kinds.
    press(&mut app, &[KeyCode::Enter, KeyCode::Esc]);
    assert_eq!(app.library.pane, Pane::List);
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.library.pane, Pane::Kinds);
}

#[test]
fn the_cursor_stays_inside_the_list_and_on_screen() {
    let mut app = app(80, 24);
    press(&mut app, &[ch('k'), ch('k'), KeyCode::PageUp]);
    assert_eq!(app.library.cursors[Kind::Articles.index()], 0);
    press(&mut app, &[ch('G'), ch('j'), KeyCode::PageDown]);
    assert_eq!(app.library.cursors[Kind::Articles.index()], 4);

    press(&mut app, &[ch('l'), ch('l')]);
    let claims = app.store.claims.len();
    let list = areas(layout::frame(app.size).body, app.library.pane)
        .list
        .unwrap();
    let height = usize::from(inner(list).height);
    press(&mut app, &[KeyCode::PageDown]);
    assert_eq!(app.library.cursors[Kind::Claims.index()], height - 1);
    press(&mut app, &[ch('G')]);
    assert_eq!(app.library.cursors[Kind::Claims.index()], claims - 1);
    let offset = list_offset(&app.store, &app.library, list);
    assert_eq!(offset, claims - height, "the last row sits at the bottom");
    press(&mut app, &[ch('g')]);
    assert_eq!(app.library.cursors[Kind::Claims.index()], 0);
    assert_eq!(list_offset(&app.store, &app.library, list), 0);
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
    assert_eq!(app.library.kind, Kind::Chains);
    assert_eq!(app.library.chains_claim.as_deref(), Some("rb-stiff-ribs"));
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
    assert_eq!(app.library.kind, Kind::Claims);
    assert_eq!(selected(&app), Some(Target::Claim("rb-stiff-ribs".into())));
    assert_eq!(app.library.chains_claim, None);
    assert!(app.library.history.is_empty());
}

#[test]
fn a_opens_the_claims_article_and_esc_returns() {
    let mut app = app(80, 24);
    select_claim(&mut app, "bh-brain-signal");
    press(&mut app, &[ch('a')]);
    assert_eq!(app.library.kind, Kind::Articles);
    assert_eq!(
        selected(&app),
        Some(Target::Article("brain-and-hinge".into()))
    );
    assert_eq!(app.library.history.len(), 1);
    // A jump from there, then two steps back.
    press(&mut app, &[ch('l'), ch('l')]);
    assert_eq!(app.library.kind, Kind::Claims);
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(
        app.library.kind,
        Kind::Claims,
        "Esc goes back, not a kind left"
    );
    assert_eq!(
        selected(&app),
        Some(Target::Claim("bh-brain-signal".into()))
    );
    assert!(status(&app).contains("Back to claim bh-brain-signal"));
}

#[test]
fn a_and_c_without_a_claim_explain_themselves() {
    let mut app = app(80, 24);
    press(&mut app, &[ch('a')]);
    assert_eq!(app.library.kind, Kind::Articles);
    assert!(app.library.history.is_empty());
    assert!(status(&app).contains("work on a claim"));
    press(&mut app, &[ch('c')]);
    assert_eq!(app.library.kind, Kind::Articles);
    // The message goes with the next key.
    press(&mut app, &[ch('j')]);
    assert_eq!(app.status, None);
}

#[test]
fn detail_links_open_with_enter_and_esc_comes_back_to_the_link() {
    let mut app = app(160, 48);
    // Article 000's detail: j moves from link to link; the first links are its chains, then claims.
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.library.pane, Pane::Detail);
    let body = layout::frame(app.size).body;
    let width = inner(areas(body, Pane::Detail).detail.unwrap()).width;
    let d = detail(&app.store, &app.library, width);
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
    assert_eq!(app.library.link, Some(first_claim));
    let Target::Claim(claim) = d.links[first_claim].clone() else {
        unreachable!()
    };
    // a and c act on the focused claim link too.
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.library.kind, Kind::Claims);
    assert_eq!(selected(&app), Some(Target::Claim(claim.clone())));
    assert_eq!(app.library.pane, Pane::Detail, "focus stays in the detail");
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.library.kind, Kind::Articles);
    assert_eq!(app.library.link, Some(first_claim));
    press(&mut app, &[ch('c')]);
    assert_eq!(app.library.chains_claim.as_deref(), Some(claim.as_str()));
}

#[test]
fn an_article_can_narrow_the_claims_list_to_its_own() {
    let mut app = app(160, 48);
    press(&mut app, &[KeyCode::Enter]);
    let body = layout::frame(app.size).body;
    let width = inner(areas(body, Pane::Detail).detail.unwrap()).width;
    let d = detail(&app.store, &app.library, width);
    let link = d
        .links
        .iter()
        .position(|t| matches!(t, Target::ClaimsOf(_)))
        .unwrap();
    // Straight to the bottom of the detail, then up to the last link.
    press(&mut app, &[ch('G'), ch('k')]);
    assert_eq!(app.library.link, Some(link));
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(app.library.kind, Kind::Claims);
    let mine = app.store.claims_of("ribs-and-breathing").count();
    assert_eq!(app.library.rows(&app.store, Kind::Claims).len(), mine);
    assert!(screen_text(&app).contains("Claims of 000 Ribs & breathing"));
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.library.claims_article, None);
}

#[test]
fn topics_say_when_no_article_holds_a_stance() {
    let app = app(160, 48);
    let store = &app.store;
    let (i, _) = store
        .topics
        .iter()
        .enumerate()
        .find(|(_, t)| {
            t.stances.iter().any(|s| {
                !store
                    .claims
                    .iter()
                    .any(|c| c.topic == t.id && c.stance == s.id)
            })
        })
        .expect("some stance is held by no article");
    let mut state = app.library.clone();
    state.kind = Kind::Topics;
    state.cursors[Kind::Topics.index()] = i;
    let d = detail(store, &state, 80);
    let text: Vec<String> = d
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|(_, s)| s.as_str()).collect())
        .collect();
    assert!(text.iter().any(|l| l.contains("No article holds this.")));
}

/// The detail of record `i` of `kind`, as plain lines.
fn detail_text(app: &App, kind: Kind, i: usize, width: u16) -> Vec<String> {
    let mut state = app.library.clone();
    state.kind = kind;
    state.cursors[kind.index()] = i;
    detail(&app.store, &state, width)
        .lines
        .iter()
        .map(|l| l.spans.iter().map(|(_, s)| s.as_str()).collect())
        .collect()
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
    let app = app(160, 48);
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
    let screen = screen_text(&app);
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
        state.kind = kind;
        for n in 0..state.rows(&app.store, kind).len() {
            state.cursors[kind.index()] = n;
            for width in [1, 7, 20, 46, 83] {
                let d = detail(&app.store, &state, width);
                for line in &d.lines {
                    let text: String = line.spans.iter().map(|(_, s)| s.as_str()).collect();
                    let w = ratatui::text::Span::raw(text.as_str()).width();
                    assert!(
                        w <= usize::from(width).max(1),
                        "{kind:?} {n} {width}: {text:?}"
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
fn an_empty_store_renders_and_takes_every_key() {
    for (w, h) in [(80, 24), (160, 48), (50, 14), (60, 20)] {
        let mut app = empty_app(w, h);
        let text = screen_text(&app);
        assert!(text.contains("No articles in this store."), "{text}");
        for key in [
            ch('j'),
            ch('k'),
            ch('G'),
            ch('g'),
            KeyCode::PageDown,
            KeyCode::Enter,
            ch('a'),
            ch('c'),
            KeyCode::Tab,
            ch('j'),
            ch('l'),
            ch('l'),
            KeyCode::Enter,
            KeyCode::Enter,
            ch('a'),
            ch('c'),
            KeyCode::Esc,
            KeyCode::Esc,
            KeyCode::BackTab,
        ] {
            press(&mut app, &[key]);
            screen_text(&app);
        }
        for row in 0..h {
            for column in (0..w).step_by(7) {
                update(&mut app, Action::Click { column, row });
                update(&mut app, Action::ScrollDown { column, row });
                update(&mut app, Action::ScrollUp { column, row });
            }
        }
        screen_text(&app);
    }
}

#[test]
fn no_size_panics_and_small_areas_are_safe() {
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
        (200, 60),
    ] {
        app.size = Rect::new(0, 0, w, h);
        press(&mut app, &[ch('j'), ch('G'), ch('k')]);
        screen_text(&app);
    }
    for body in [
        Rect::new(0, 0, 0, 0),
        Rect::new(0, 0, 1, 1),
        Rect::new(3, 3, 5, 2),
    ] {
        for pane in [Pane::Kinds, Pane::List, Pane::Detail] {
            let a = areas(body, pane);
            for rect in [Some(a.kinds), a.list, a.detail].into_iter().flatten() {
                assert!(
                    rect.right() <= body.right().max(rect.x)
                        && rect.bottom() <= body.bottom().max(rect.y)
                );
            }
        }
    }
}

#[test]
fn clicks_pick_kinds_and_rows_and_open_links() {
    let mut app = app(80, 24);
    let body = layout::frame(app.size).body;
    let a = areas(body, app.library.pane);
    assert!(a.kinds_as_row);
    // A click on the Claims tab opens the claims.
    let (_, start, _) = kind_tabs(&app.store, &app.library, a.kinds)
        .into_iter()
        .find(|(k, _, _)| *k == Kind::Claims)
        .unwrap();
    update(
        &mut app,
        Action::Click {
            column: start + 1,
            row: a.kinds.y,
        },
    );
    assert_eq!(app.library.kind, Kind::Claims);
    assert_eq!(app.library.pane, Pane::Kinds);
    // A click on the fourth row selects it; a second click opens it.
    let list = inner(a.list.unwrap());
    update(
        &mut app,
        Action::Click {
            column: list.x + 3,
            row: list.y + 3,
        },
    );
    assert_eq!(app.library.cursors[Kind::Claims.index()], 3);
    assert_eq!(app.library.pane, Pane::List);
    update(
        &mut app,
        Action::Click {
            column: list.x + 3,
            row: list.y + 3,
        },
    );
    assert_eq!(app.library.pane, Pane::Detail);
    // The wheel over the list moves its cursor.
    update(
        &mut app,
        Action::ScrollDown {
            column: list.x + 1,
            row: list.y,
        },
    );
    assert_eq!(app.library.cursors[Kind::Claims.index()], 4);
    assert_eq!(app.library.pane, Pane::List);
    // A click on a link in the detail follows it.
    let pane = areas(body, app.library.pane).detail.unwrap();
    let inside = inner(pane);
    let d = detail(&app.store, &app.library, inside.width);
    let line = d
        .lines
        .iter()
        .position(|l| {
            l.link
                .is_some_and(|k| matches!(d.links[k], Target::Article(_)))
        })
        .unwrap();
    let claim = selected(&app);
    update(
        &mut app,
        Action::Click {
            column: inside.x + 2,
            row: inside.y + line as u16,
        },
    );
    assert_eq!(app.library.kind, Kind::Articles);
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(selected(&app), claim);
}

#[test]
fn the_wheel_scrolls_the_detail_and_the_kinds_column_takes_clicks() {
    let mut app = app(160, 48);
    let body = layout::frame(app.size).body;
    let a = areas(body, app.library.pane);
    assert!(!a.kinds_as_row);
    // The Chains row of the kinds column.
    let kinds = inner(a.kinds);
    update(
        &mut app,
        Action::Click {
            column: kinds.x + 2,
            row: kinds.y + 3,
        },
    );
    assert_eq!(app.library.kind, Kind::Chains);
    let detail_pane = a.detail.unwrap();
    let (column, row) = (detail_pane.x + 5, detail_pane.y + 5);
    update(&mut app, Action::ScrollDown { column, row });
    assert_eq!(app.library.pane, Pane::Detail);
    assert_eq!(app.library.detail_scroll, 3);
    update(&mut app, Action::ScrollUp { column, row });
    update(&mut app, Action::ScrollUp { column, row });
    assert_eq!(app.library.detail_scroll, 0);
    // The wheel over the kinds changes the kind.
    update(
        &mut app,
        Action::ScrollUp {
            column: kinds.x + 2,
            row: kinds.y,
        },
    );
    assert_eq!(app.library.kind, Kind::Claims);
}

#[test]
fn narrow_terminals_show_the_list_or_the_detail() {
    let mut app = app(60, 20);
    let body = layout::frame(app.size).body;
    assert!(areas(body, Pane::List).detail.is_none());
    assert!(areas(body, Pane::Detail).list.is_none());
    press(&mut app, &[KeyCode::Enter]);
    let text = screen_text(&app);
    assert!(text.contains("Says of itself"), "{text}");
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

// Snapshots -----------------------------------------------------------------------------------------

#[test]
fn snapshot_articles_80x24() {
    let app = app(80, 24);
    insta::assert_snapshot!("library_articles_80x24", terminal(&app).backend());
}

#[test]
fn snapshot_articles_160x48() {
    let app = app(160, 48);
    insta::assert_snapshot!("library_articles_160x48", terminal(&app).backend());
}

#[test]
fn snapshot_claim_selected_80x24() {
    let mut app = app(80, 24);
    select_claim(&mut app, "rb-stiff-ribs");
    insta::assert_snapshot!("library_claim_80x24", terminal(&app).backend());
}

#[test]
fn snapshot_claim_selected_160x48() {
    let mut app = app(160, 48);
    select_claim(&mut app, "rb-stiff-ribs");
    press(&mut app, &[KeyCode::Enter, ch('j')]);
    insta::assert_snapshot!("library_claim_160x48", terminal(&app).backend());
}

#[test]
fn snapshot_chains_of_a_claim_80x24() {
    let mut app = app(80, 24);
    select_claim(&mut app, "rb-stiff-ribs");
    press(&mut app, &[ch('c')]);
    insta::assert_snapshot!("library_chains_of_claim_80x24", terminal(&app).backend());
}

#[test]
fn snapshot_topic_detail_60x20() {
    let mut app = app(60, 20);
    press(&mut app, &[ch('l'), KeyCode::Enter]);
    insta::assert_snapshot!("library_topic_60x20", terminal(&app).backend());
}
