//! The journal's own tests: records and reads back, migrates, sets aside, refuses.

use super::*;

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data/journal.sqlite3");
    (dir, path)
}

const T0: i64 = 1_796_027_220; // 2026-11-30T08:27:00Z

#[test]
fn records_every_kind_and_reads_them_back_in_time_order() {
    let (_dir, path) = temp();
    let (mut j, aside) = Journal::open(&path).unwrap();
    assert!(aside.is_none());
    assert_eq!(j.schema_version().unwrap(), schema::CURRENT);
    let s = j.start_session(T0, Pain::new(6)).unwrap();
    j.add_exercise(s, T0 + 60, "cat-cow", Outcome::Done(Some(Rating::TooEasy)))
        .unwrap();
    j.add_exercise(
        s,
        T0 + 120,
        "good-morning",
        Outcome::Skipped(Some(SkipReason::Pain)),
    )
    .unwrap();
    j.end_session(s, T0 + 180, Pain::new(4), "better").unwrap();
    j.add_retest(T0 + 240, "fingertip_floor_cm", 12.5).unwrap();
    j.add_pain(T0 - 86_400, Pain::new(7).unwrap(), "yesterday")
        .unwrap();
    let events = j.events(None).unwrap();
    let kinds: Vec<&str> = events.iter().map(Event::kind).collect();
    assert_eq!(kinds, ["pain", "session", "exercise", "exercise", "retest"]);
    assert!(matches!(
        &events[1],
        Event::Session { pain_before: Some(6), pain_after: Some(4), ended_at: Some(end), note, .. }
            if end == "2026-11-30T08:30:00Z" && note == "better"
    ));
    assert!(matches!(
        &events[3],
        Event::Exercise {
            outcome: "skipped",
            skip_reason: Some(SkipReason::Pain),
            rating: None,
            ..
        }
    ));
    let today = j.events(Date::parse("2026-11-30")).unwrap();
    assert_eq!(today.len(), 4);
    // Ending a session that does not exist is an error, not a silent no-op.
    assert!(j.end_session(SessionId(999), T0, None, "").is_err());
}

#[test]
fn a_version_1_journal_is_brought_forward_with_its_rows() {
    let (_dir, path) = temp();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.pragma_update(None, "application_id", schema::APPLICATION_ID)
            .unwrap();
        conn.execute(
            "INSERT INTO pain (at, value, note) VALUES ('2026-01-01T00:00:00Z', 3, 'old')",
            [],
        )
        .unwrap();
    }
    let (mut j, aside) = Journal::open(&path).unwrap();
    assert!(aside.is_none());
    assert_eq!(j.schema_version().unwrap(), 2);
    let s = j.start_session(T0, None).unwrap();
    j.add_exercise(s, T0, "x", Outcome::Done(None)).unwrap();
    assert_eq!(j.events(None).unwrap().len(), 3);
}

#[test]
fn garbage_is_set_aside_and_a_new_journal_started() {
    let (dir, path) = temp();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, b"not a database at all, just bytes ....................................................................................").unwrap();
    let (mut j, aside) = Journal::open(&path).unwrap();
    let aside = aside.expect("set aside");
    assert_eq!(aside.from, path);
    assert!(
        std::fs::read(&aside.to)
            .unwrap()
            .starts_with(b"not a database")
    );
    j.add_pain(T0, Pain::new(2).unwrap(), "").unwrap();
    drop(j);
    // A second bad file the same second gets its own name.
    std::fs::write(&path, b"garbage again, long enough to be a header..........................................................................").unwrap();
    let (_, again) = Journal::open(&path).unwrap();
    let again = again.expect("set aside");
    assert_ne!(again.to, aside.to);
    // Within the same second the name gets a "-2"; a second later it has its own time.
    let again_name = again.to.to_string_lossy().into_owned();
    assert!(
        again_name == format!("{}-2", aside.to.to_string_lossy())
            || !again_name.starts_with(&*aside.to.to_string_lossy()),
        "{again_name}"
    );
    assert!(dir.path().join("data").read_dir().unwrap().count() >= 3);
}

#[test]
fn another_programs_database_is_set_aside() {
    let (_dir, path) = temp();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE other (x)")
        .unwrap();
    let (_, aside) = Journal::open(&path).unwrap();
    assert!(aside.unwrap().why.contains("not a backchain journal"));
}

#[test]
fn a_newer_journal_is_refused_and_left_untouched() {
    let (_dir, path) = temp();
    drop(Journal::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Journal::open(&path).err().expect("refused");
    assert!(matches!(
        err,
        OpenError::Newer {
            found: 99,
            known: 2,
            ..
        }
    ));
    assert!(err.to_string().contains("left untouched"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
