//! Cleaning: content text cleaned once at load, and the one gate every other string passes on its way
//! out (paths, messages, arguments), so nothing backchain prints can drive the terminal.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;

/// Columns a tab expands to.
const TAB_WIDTH: usize = 4;

/// Removes control characters (C0 except newline, DEL, C1), whole ANSI escape sequences and bidirectional
/// overrides; expands tabs to spaces and turns `\r\n` / lone `\r` into newlines.
///
/// Everything shown by backchain passes through here once, at load, so neither the TUI nor the CLI can
/// be made to write an escape sequence by a content or answers file.
pub fn clean(input: &str) -> String {
    if is_clean(input) {
        return input.to_owned();
    }
    clean_dirty(input)
}

/// Nothing to remove: the common case, checked byte-wise for ASCII.
pub(super) fn is_clean(input: &str) -> bool {
    if input.is_ascii() {
        return input
            .bytes()
            .all(|b| b == b'\n' || (b' '..0x7f).contains(&b));
    }
    input.chars().all(|c| c == '\n' || is_plain(c))
}

fn clean_dirty(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    let mut column = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let pad = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', pad));
                column += pad;
            }
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' => skip_string(&mut chars),
            c if is_plain(c) => {
                out.push(c);
                column += 1;
            }
            _ => {}
        }
    }
    out
}

/// True for characters that are safe to print as they are (newline is handled by the callers).
fn is_plain(c: char) -> bool {
    !(c.is_control() || is_bidi_control(c))
}

/// The gate for everything backchain writes to stdout, stderr or the app's status line. Control
/// characters other than newline and tab (C0, DEL, C1) and bidirectional controls are shown escaped as
/// `\u001b`, which is also a valid escape inside a JSON string; every other character is kept as it is.
///
/// Content text is already clean (see [`clean`]); this catches what is not content: paths, file names,
/// TOML and command-line messages, arguments echoed back.
pub fn printable(text: &str) -> Cow<'_, str> {
    let safe = |c: char| c == '\n' || c == '\t' || is_plain(c);
    if text.chars().all(safe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if safe(c) {
            out.push(c);
        } else {
            push_escaped(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// `\u001b`: the JSON and TOML escape, readable in plain text too (controls are all in the BMP).
fn push_escaped(out: &mut String, c: char) {
    use fmt::Write as _;
    let _ = write!(out, "\\u{:04x}", c as u32);
}

/// Longest value (in characters) echoed back in a message; the rest is cut with "…".
pub const MAX_ECHO: usize = 80;

/// A value from a file or the command line, quoted for a message: escaped like `{:?}` and cut to
/// [`MAX_ECHO`] characters, so a huge or hostile value cannot flood or drive the terminal.
pub fn quote(value: &str) -> String {
    let cut = value.char_indices().nth(MAX_ECHO).map(|(at, _)| at);
    match cut {
        None => format!("{value:?}"),
        Some(at) => {
            let mut quoted = format!("{:?}", &value[..at]);
            quoted.insert(quoted.len() - 1, '…');
            quoted
        }
    }
}

/// A path as messages show it. Plain paths are shown as they are; a path holding a control character,
/// bytes that are not UTF-8, or a `:` `"` `\\` that would make `path:line:col` ambiguous is shown in
/// double quotes with those escaped (`\u001b`, `\xff`, `\"`, `\\`).
pub fn path(path: &Path) -> String {
    let bytes = path.as_os_str().as_encoded_bytes();
    // Most paths are printable ASCII, told a byte at a time (a large store shows 100,000 of them).
    let plain_ascii = |b: u8| matches!(b, b' '..=b'~') && !matches!(b, b':' | b'"' | b'\\');
    if let Some(text) = path.to_str()
        && text.bytes().all(plain_ascii)
    {
        return text.to_owned();
    }
    let plain = |c: char| is_plain(c) && !matches!(c, ':' | '"' | '\\');
    let needs_quotes = bytes
        .utf8_chunks()
        .any(|chunk| !chunk.invalid().is_empty() || !chunk.valid().chars().all(plain));
    if !needs_quotes {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let mut out = String::from("\"");
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '"' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                c if is_plain(c) => out.push(c),
                c => push_escaped(&mut out, c),
            }
        }
        for byte in chunk.invalid() {
            out.push_str(&format!("\\x{byte:02x}"));
        }
    }
    out.push('"');
    out
}

/// Bidirectional embedding, override and isolate controls, and the invisible direction marks.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// After ESC: drop the rest of the sequence it starts (CSI, OSC/DCS/APC strings, or a single character).
fn skip_escape(chars: &mut Chars) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']' | 'P' | '_' | '^' | 'X') => skip_string(chars),
        _ => {}
    }
}

/// Parameters and intermediates up to and including the final byte (`@`..`~`).
fn skip_csi(chars: &mut Chars) {
    for c in chars.by_ref() {
        if ('@'..='~').contains(&c) || !(' '..='~').contains(&c) {
            break;
        }
    }
}

/// A string sequence runs to BEL, ST (`ESC \` or U+009C) or the end of a line.
fn skip_string(chars: &mut Chars) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' | '\n' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{clean, path, printable, quote};
    use proptest::prelude::*;
    use std::path::Path;

    /// What must never reach a terminal: C0 controls (newline and tab aside), DEL, C1 controls and
    /// bidirectional controls.
    fn drives_terminal(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t') || super::is_bidi_control(c)
    }

    /// Any text, weighted towards the characters that matter here.
    fn hostile() -> impl Strategy<Value = String> {
        let risky = prop_oneof![
            (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
            (0x7fu32..0xa0).prop_map(|c| char::from_u32(c).unwrap()),
            prop::sample::select(vec![
                '\u{1b}', '\u{9b}', '\u{9d}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}',
                '\u{200e}', '\u{200f}', '\u{061c}', '[', ']', ';', '\\', '"', ':',
            ]),
            any::<char>(),
        ];
        prop::collection::vec(risky, 0..64).prop_map(|cs| cs.into_iter().collect())
    }

    /// Text with nothing to escape: any printable character, newline and tab.
    fn printable_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            any::<char>().prop_filter("printable", |c| !drives_terminal(*c)),
            0..64,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn nothing_that_drives_a_terminal_survives_printable(text in hostile()) {
            let out = printable(&text);
            prop_assert!(!out.chars().any(drives_terminal), "{out:?}");
        }

        #[test]
        fn printable_text_passes_unchanged(text in printable_text()) {
            prop_assert_eq!(printable(&text), text.as_str());
        }

        #[test]
        fn nothing_that_drives_a_terminal_survives_clean(text in hostile()) {
            let out = clean(&text);
            prop_assert!(!out.chars().any(|c| drives_terminal(c) || c == '\t'), "{out:?}");
        }

        #[test]
        fn clean_keeps_printable_text(text in printable_text()) {
            let plain: String = text.chars().filter(|c| *c != '\t').collect();
            prop_assert_eq!(clean(&plain), plain.as_str());
        }

        #[test]
        fn paths_and_quotes_print_safely(text in hostile()) {
            for out in [path(Path::new(&text)), quote(&text)] {
                prop_assert!(!out.chars().any(drives_terminal), "{out:?}");
                prop_assert!(!out.contains('\n') && !out.contains('\t'), "{out:?}");
            }
            prop_assert!(quote(&text).chars().count() <= super::MAX_ECHO * 10 + 3);
        }
    }

    #[test]
    fn paths_are_quoted_only_when_they_could_mislead() {
        assert_eq!(
            path(Path::new("/tmp/my store/a.toml")),
            "/tmp/my store/a.toml"
        );
        assert_eq!(
            path(Path::new("/tmp/\u{1b}]0;pwned\u{7}/a.toml")),
            "\"/tmp/\\u001b]0;pwned\\u0007/a.toml\""
        );
        assert_eq!(path(Path::new("/tmp/a:1:2.toml")), "\"/tmp/a:1:2.toml\"");
        assert_eq!(path(Path::new("a\nb")), "\"a\\u000ab\"");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let bytes = std::ffi::OsStr::from_bytes(b"caf\xe9.toml");
            assert_eq!(path(Path::new(bytes)), "\"caf\\xe9.toml\"");
        }
    }

    #[test]
    fn printable_escapes_like_json() {
        assert_eq!(printable("a\u{1b}[31mb\tc\n"), "a\\u001b[31mb\tc\n");
        assert_eq!(printable("\u{9b}\u{202e}"), "\\u009b\\u202e");
        assert_eq!(printable("plain — 髋关节"), "plain — 髋关节");
    }

    #[test]
    fn quotes_are_cut() {
        assert_eq!(quote("ok"), "\"ok\"");
        let long = quote(&"x".repeat(10_000));
        assert_eq!(long.chars().count(), super::MAX_ECHO + 3);
        assert!(long.ends_with("x…\""));
    }

    #[test]
    fn plain_text_is_unchanged() {
        assert_eq!(
            clean("Hip hinge — 3 × 10, 髋关节 🙂\nnext"),
            "Hip hinge — 3 × 10, 髋关节 🙂\nnext"
        );
    }

    #[test]
    fn escape_sequences_are_removed_whole() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("x\u{1b}]0;title\u{7}y"), "xy");
        assert_eq!(clean("x\u{1b}]8;;http://e\u{1b}\\link"), "xlink");
        assert_eq!(clean("c1\u{9b}2Jz"), "c1z");
    }

    #[test]
    fn controls_and_bidi_overrides_are_dropped() {
        assert_eq!(clean("be\u{7}ll\u{0}\u{7f}\u{85}"), "bell");
        assert_eq!(
            clean("\u{202e}evil\u{202c}\u{2066}x\u{2069}\u{200f}"),
            "evilx"
        );
    }

    #[test]
    fn tabs_expand_and_carriage_returns_become_newlines() {
        assert_eq!(clean("a\tb"), "a   b");
        assert_eq!(clean("\tx"), "    x");
        assert_eq!(clean("one\r\ntwo\rthree"), "one\ntwo\nthree");
    }
}
