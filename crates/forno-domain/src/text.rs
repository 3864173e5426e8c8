//! Text is text: the one rule for every text a client sends (names, phone numbers, addresses,
//! notes, reasons, settings, menu names). Texts end up on screens and, later, on printed tickets,
//! where a control character is a printer command (ESC/POS: `ESC @` resets, `GS V` cuts, a drawer
//! kick opens the till). So:
//!
//! - refused everywhere: C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls
//!   (U+0080–U+009F), except a newline in texts that may span lines (notes, reasons); a Windows
//!   line end (`\r\n`) counts as a newline;
//! - refused everywhere: characters that reorder or hide text and so could make a ticket or a
//!   screen show something else than what is stored: the bidi controls (U+061C, U+200E, U+200F,
//!   U+202A–U+202E, U+2066–U+2069), invisible spaces and joiners that carry no meaning in a name
//!   or note (U+200B, U+2060–U+2064, U+FEFF) and the line and paragraph separators (U+2028,
//!   U+2029), which are newlines in disguise;
//! - allowed: every other character, including emoji with their joiners (U+200C, U+200D) and
//!   variation selectors, accents and other scripts;
//! - trimmed at both ends first (so a pasted trailing newline is no reason to refuse a name),
//!   then held to a length in characters (not bytes).
//!
//! A refused text is a 422 naming the field; nothing is stripped silently, so what a customer
//! typed is either stored as they see it or refused with a reason.

use crate::message::Message;
use crate::msg;
use crate::validation::ValidationError;

/// Names of people and places, phone numbers, e-mail addresses: one line.
pub fn one_line(value: &str, field: &str, max_chars: usize) -> Result<String, ValidationError> {
    checked(value, field, max_chars, false)
}

/// Notes and reasons: may span lines.
pub fn multi_line(value: &str, field: &str, max_chars: usize) -> Result<String, ValidationError> {
    checked(value, field, max_chars, true).map(|text| text.replace("\r\n", "\n"))
}

/// An optional note: `None` and a blank note both become `None`.
pub fn optional_note(
    value: Option<&str>,
    field: &str,
    max_chars: usize,
) -> Result<Option<String>, ValidationError> {
    value
        .map(|v| multi_line(v, field, max_chars))
        .transpose()
        .map(|note| note.filter(|n| !n.is_empty()))
}

fn checked(
    value: &str,
    field: &str,
    max_chars: usize,
    multi_line: bool,
) -> Result<String, ValidationError> {
    // Whitespace at the ends goes first: a name pasted with a newline after it is still a name.
    let trimmed = value.trim();
    if let Some((position, refused)) = first_refused(trimmed, multi_line) {
        let code = format!("U+{:04X}", u32::from(refused));
        let position = position + 1;
        return Err(ValidationError::field(
            field,
            msg!(
                nl: "Hier staat een onzichtbaar teken of stuurteken in ({code}, teken {position}); typ de tekst opnieuw zonder.",
                en: "This text contains an invisible or control character ({code}, character {position}); type it again without it."
            ),
        ));
    }
    let length = trimmed.chars().count();
    if length > max_chars {
        return Err(ValidationError::field(field, too_long(max_chars, length)));
    }
    Ok(trimmed.to_owned())
}

fn too_long(max_chars: usize, length: usize) -> Message {
    msg!(
        nl: "Dit is te lang: maximaal {max_chars} tekens, het zijn er nu {length}.",
        en: "This is too long: at most {max_chars} characters, it has {length}."
    )
}

/// The first character the rule refuses, with its position (in characters).
fn first_refused(value: &str, multi_line: bool) -> Option<(usize, char)> {
    let mut chars = value.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        let newline = multi_line
            && (c == '\n' || (c == '\r' && chars.peek().is_some_and(|(_, next)| *next == '\n')));
        if !newline && is_refused(c) {
            return Some((i, c));
        }
    }
    None
}

fn is_refused(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200B}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn printer_commands_are_refused_naming_the_field() {
        for bad in [
            "Jan\u{1b}p\u{0}",
            "\u{1b}@\u{1d}V\u{0} cut",
            "tab\there",
            "del\u{7f}",
        ] {
            let err = one_line(bad, "contact.name", 100).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("contact.name"), "{bad:?}");
            assert!(err.message.en().contains("control character"), "{bad:?}");
            assert!(err.message.nl().contains("stuurteken"), "{bad:?}");
        }
        let err = multi_line("a\u{1b}@", "note", 500).unwrap_err();
        assert!(err.message.en().contains("U+001B, character 2"), "{err}");
        // C1 controls and a NEL hidden among them.
        assert!(one_line("x\u{85}y", "name", 10).is_err());
        assert!(one_line("x\u{9b}y", "name", 10).is_err());
    }

    #[test]
    fn spoofing_characters_are_refused_but_emoji_are_not() {
        for bad in [
            "Jan\u{202E}kees",
            "a\u{2066}b",
            "zero\u{200B}width",
            "\u{FEFF}bom",
            "line\u{2028}sep",
        ] {
            assert!(one_line(bad, "contact.name", 100).is_err(), "{bad:?}");
            assert!(multi_line(bad, "note", 100).is_err(), "{bad:?}");
        }
        for good in [
            "👨‍👩‍👧 familie",
            "❤️",
            "Ünal Çelik",
            "محمد",
            "Zoë 's-Hertogenbosch",
        ] {
            assert_eq!(one_line(good, "contact.name", 100).unwrap(), good);
        }
    }

    #[test]
    fn newlines_only_in_texts_that_span_lines() {
        assert!(one_line("Kerk\nstraat", "street", 100).is_err());
        assert_eq!(
            one_line("Kerkstraat\r\n", "street", 100).unwrap(),
            "Kerkstraat"
        );
        assert_eq!(
            multi_line(" Bel niet aan\r\nbaby slaapt \n", "note", 500).unwrap(),
            "Bel niet aan\nbaby slaapt"
        );
        assert!(multi_line("lone\rreturn", "note", 500).is_err());
    }

    #[test]
    fn texts_are_trimmed_and_held_to_a_length_in_characters() {
        assert_eq!(one_line("  Jan  ", "contact.name", 3).unwrap(), "Jan");
        assert_eq!(one_line("ëëë", "contact.name", 3).unwrap(), "ëëë");
        let err = one_line("Jans", "contact.name", 3).unwrap_err();
        assert!(err.message.en().contains("at most 3"), "{err}");
        assert!(err.message.nl().contains("maximaal 3"), "{err}");
        assert_eq!(optional_note(Some("   "), "note", 10), Ok(None));
        assert_eq!(optional_note(None, "note", 10), Ok(None));
    }

    proptest! {
        /// Whatever a client sends, an accepted text holds no character a printer would obey.
        #[test]
        fn accepted_texts_hold_no_control_characters(text in any::<String>(), lines in any::<bool>()) {
            let checked = if lines { multi_line(&text, "note", 10_000) } else { one_line(&text, "name", 10_000) };
            if let Ok(kept) = checked {
                prop_assert!(kept.chars().all(|c| !is_refused(c) || (lines && c == '\n')), "{kept:?}");
            }
        }
    }
}
