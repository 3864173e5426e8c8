//! What Forno says to a person, in the two languages the shop speaks. Every message exists in
//! Dutch and English from the moment it is written: `msg!` takes both formats, so a message
//! without its Dutch side does not compile. Which language a reader gets is decided at the edge
//! (the server reads `Accept-Language`); the rules only say what to say.

use std::fmt;

/// A language a person reads Forno in. Dutch first: the shop is Dutch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The language's code as in `Accept-Language` and `?lang=`: `nl` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// `nl` or `en`, with or without a region (`nl-NL`, `en-GB`), in any case.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL
            .into_iter()
            .find(|lang| primary.eq_ignore_ascii_case(lang.code()))
    }
}

/// One thing to tell a person, in Dutch and in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    nl: String,
    en: String,
}

impl Message {
    /// Prefer [`msg!`](crate::msg), which checks both formats at compile time.
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Message {
            nl: nl.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }

    pub fn nl(&self) -> &str {
        &self.nl
    }

    pub fn en(&self) -> &str {
        &self.en
    }

    /// Builds a message from one that is worded per language: `Message::each(|lang| ...)`.
    pub fn each(mut say: impl FnMut(Lang) -> String) -> Self {
        Message {
            nl: say(Lang::Nl),
            en: say(Lang::En),
        }
    }

    /// Both messages one after the other, per language ("Closed now." + " We open at 16:00.").
    pub fn then(mut self, more: &Message) -> Self {
        self.nl.push_str(&more.nl);
        self.en.push_str(&more.en);
        self
    }
}

/// Logs and the command line are read by whoever runs the server: they get English.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// A message in Dutch and English: `msg!(nl: "Kies een maat voor {name}.", en: "Choose a size
/// for {name}.")`. Both are `format!` strings, with captured or trailing arguments.
#[macro_export]
macro_rules! msg {
    (nl: $nl:literal, en: $en:literal $(,)?) => {
        $crate::message::Message::new(format!($nl), format!($en))
    };
    (nl: $nl:literal, en: $en:literal, $($arg:tt)+) => {
        $crate::message::Message::new(format!($nl, $($arg)+), format!($en, $($arg)+))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_speaks_both_languages() {
        let name = "Margherita";
        let m = msg!(nl: "{name} is op.", en: "{name} is sold out.");
        assert_eq!(m.get(Lang::Nl), "Margherita is op.");
        assert_eq!(m.get(Lang::En), "Margherita is sold out.");
        assert_eq!(m.to_string(), "Margherita is sold out.");
        let n = 3;
        let m = msg!(nl: "{} regels", en: "{} lines", n).then(&msg!(nl: ".", en: "!"));
        assert_eq!((m.nl(), m.en()), ("3 regels.", "3 lines!"));
    }

    #[test]
    fn languages_parse_with_regions_and_any_case() {
        assert_eq!(Lang::parse("nl-NL"), Some(Lang::Nl));
        assert_eq!(Lang::parse("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
