//! The one-line search box a screen keeps above what it searches: "/ query█" with a count on the right,
//! or a dim invitation while it is empty.

use crate::text::{self, Line, Role};

/// The search box as one line `width` columns wide. `typing` shows the cursor; `placeholder` shows while
/// the query is empty; `count` ("3 of 62") sits at the right when there is room for it.
pub fn line(query: &str, typing: bool, placeholder: &str, count: &str, width: usize) -> Line {
    let count_width = text::width(count);
    let show_count = !count.is_empty() && width >= count_width + 16;
    let room = if show_count {
        width - count_width - 1
    } else {
        width
    };
    let mut out = Line::of(Role::Accent, "/ ");
    let room_for_text = room.saturating_sub(2 + usize::from(typing));
    if query.is_empty() {
        if typing {
            out.push(Role::Accent, "█");
        }
        out.push(Role::Muted, &text::truncate(placeholder, room_for_text));
    } else {
        out.push(Role::Plain, &tail(query, room_for_text));
        if typing {
            out.push(Role::Accent, "█");
        }
    }
    let mut out = text::truncate_line(&out, room);
    if show_count {
        let gap = width.saturating_sub(out.width() + count_width);
        out.push(Role::Plain, &" ".repeat(gap));
        out.push(Role::Muted, count);
    }
    out
}

/// The end of `query` in `width` columns, starting with "…" when its beginning is cut: the letters
/// just typed stay in view.
fn tail(query: &str, width: usize) -> String {
    if text::width(query) <= width {
        return query.to_owned();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 1;
    for c in query.chars().rev() {
        let w = text::width(c.encode_utf8(&mut [0u8; 4]));
        if used + w > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    let mut out = String::from(if width > 0 { "…" } else { "" });
    out.extend(kept.into_iter().rev());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_keeps_the_latest_letters_and_its_count_in_width() {
        let l = line("pelvis", true, "type", "2 of 13", 30);
        assert_eq!(l.plain(), "/ pelvis█              2 of 13");
        let l = line("", false, "press / to search", "", 12);
        assert_eq!(l.plain(), "/ press / t…");
        let l = line("a long query indeed", true, "", "", 10);
        assert_eq!(l.plain(), "/ …indeed█");
        for width in 0..40 {
            assert!(line("hamstrings", true, "type", "1 of 9", width).width() <= width.max(2));
        }
    }
}
