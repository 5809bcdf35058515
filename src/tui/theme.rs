//! Styles, from `assets/theme.toml`; without colour under `NO_COLOR`. State is never shown by colour
//! alone: selections are also reversed or bold, relations also carry a symbol.

use crate::text::Role;
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::str::FromStr;

const THEME_TOML: &str = include_str!("../../assets/theme.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    accent: String,
    muted: String,
    good: String,
    bad: String,
    warn: String,
    danger: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    colour: bool,
    accent: Color,
    muted: Color,
    good: Color,
    bad: Color,
    warn: Color,
    danger: Color,
}

fn colour(name: &str, fallback: Color) -> Color {
    Color::from_str(&name.replace('-', "")).unwrap_or(fallback)
}

impl Theme {
    /// The built-in theme; colourless when `no_colour`.
    pub fn new(no_colour: bool) -> Theme {
        let file: Option<ThemeFile> = toml::from_str(THEME_TOML).ok();
        let pick = |f: fn(&ThemeFile) -> &String, fallback| {
            file.as_ref().map_or(fallback, |t| colour(f(t), fallback))
        };
        Theme {
            colour: !no_colour,
            accent: pick(|t| &t.accent, Color::Cyan),
            muted: pick(|t| &t.muted, Color::DarkGray),
            good: pick(|t| &t.good, Color::Green),
            bad: pick(|t| &t.bad, Color::LightRed),
            warn: pick(|t| &t.warn, Color::Yellow),
            danger: pick(|t| &t.danger, Color::Red),
        }
    }

    /// Honours the `NO_COLOR` convention (set and not empty).
    pub fn from_env() -> Theme {
        Theme::new(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()))
    }

    fn fg(&self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    pub fn plain(&self) -> Style {
        Style::new()
    }

    pub fn accent(&self) -> Style {
        self.fg(self.accent)
    }

    pub fn title(&self) -> Style {
        self.fg(self.accent).add_modifier(Modifier::BOLD)
    }

    pub fn muted(&self) -> Style {
        if self.colour {
            self.fg(self.muted)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn good(&self) -> Style {
        self.fg(self.good)
    }

    pub fn bad(&self) -> Style {
        self.fg(self.bad)
    }

    pub fn warn(&self) -> Style {
        self.fg(self.warn).add_modifier(Modifier::BOLD)
    }

    /// Red-flag banners: bold and reversed, so they stand out without colour too.
    pub fn danger(&self) -> Style {
        self.fg(self.danger)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    /// The selected row of a focused list.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// The selected row of a list without focus.
    pub fn selected_unfocused(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    /// Border of the focused pane: accent and bold (the title also gets a marker).
    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.accent).add_modifier(Modifier::BOLD)
        } else {
            self.muted()
        }
    }

    /// Matched letters in search results.
    pub fn highlight(&self) -> Style {
        self.fg(self.warn)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }

    pub fn has_colour(&self) -> bool {
        self.colour
    }

    /// The style of a piece of styled text by the role it plays.
    pub fn role(&self, role: Role) -> Style {
        match role {
            Role::Plain => self.plain(),
            Role::Muted => self.muted(),
            Role::Strong => Style::new().add_modifier(Modifier::BOLD),
            Role::Title => self.title(),
            Role::Heading => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Role::Accent => self.accent(),
            Role::Good => self.good(),
            Role::Bad => self.bad(),
            Role::Warn => self.warn(),
            Role::Danger => self.danger(),
            Role::Selected => self.selected(),
            Role::Match => self.highlight(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_theme_file_parses_and_names_real_colours() {
        let file: ThemeFile = toml::from_str(THEME_TOML).expect("assets/theme.toml parses");
        for name in [
            &file.accent,
            &file.muted,
            &file.good,
            &file.bad,
            &file.warn,
            &file.danger,
        ] {
            assert!(
                Color::from_str(&name.replace('-', "")).is_ok(),
                "{name} is a colour"
            );
        }
    }

    #[test]
    fn no_colour_keeps_modifiers_only() {
        let theme = Theme::new(true);
        assert_eq!(theme.accent().fg, None);
        assert_eq!(theme.danger().fg, None);
        assert!(theme.danger().add_modifier.contains(Modifier::REVERSED));
        assert!(theme.selected().add_modifier.contains(Modifier::REVERSED));
    }
}
