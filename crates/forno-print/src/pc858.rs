//! Code page PC858 (PC850 with the euro sign at 0xD5): the one way text becomes bytes.
//!
//! Architecture Invariant: [`encode`] returns only printable bytes, 0x20..=0x7E and 0x80..=0xFF.
//! No text, whatever a customer or staff member typed, can become a control byte (ESC, GS, FS,
//! DLE, NUL, BEL, CR, LF, ...): control and invisible characters become a space, characters the
//! code page lacks become a near equivalent or `?`. Commands are only ever written by
//! `encode::Encoder`, never derived from text. This is belt and braces on top of the input checks
//! of `forno_domain::text`.

/// PC858's upper half, 0x80..=0xFF, in order.
const HIGH: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å', // 0x80
    'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û', 'ù', 'ÿ', 'Ö', 'Ü', 'ø', '£', 'Ø', '×', 'ƒ', // 0x90
    'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', '¿', '®', '¬', '½', '¼', '¡', '«', '»', // 0xA0
    '░', '▒', '▓', '│', '┤', 'Á', 'Â', 'À', '©', '╣', '║', '╗', '╝', '¢', '¥', '┐', // 0xB0
    '└', '┴', '┬', '├', '─', '┼', 'ã', 'Ã', '╚', '╔', '╩', '╦', '╠', '═', '╬', '¤', // 0xC0
    'ð', 'Ð', 'Ê', 'Ë', 'È', '€', 'Í', 'Î', 'Ï', '┘', '┌', '█', '▄', '¦', 'Ì', '▀', // 0xD0
    'Ó', 'ß', 'Ô', 'Ò', 'õ', 'Õ', 'µ', 'þ', 'Þ', 'Ú', 'Û', 'Ù', 'ý', 'Ý', '¯', '´', // 0xE0
    '\u{AD}', '±', '‗', '¾', '¶', '§', '÷', '¸', '°', '¨', '·', '¹', '³', '²', '■',
    '\u{A0}', // 0xF0
];

/// The byte for one character, or a short ASCII stand-in (`ĳ` → `ij`, `—` → `-`), or `?`.
fn push_char(c: char, out: &mut Vec<u8>) {
    match c {
        ' '..='~' => out.push(c as u8),
        // Soft hyphen and no-break space are invisible or look like a space: print a space.
        '\u{A0}' | '\u{AD}' => out.push(b' '),
        c if c.is_control() || is_invisible(c) => out.push(b' '),
        c => {
            if let Some(i) = HIGH.iter().position(|&h| h == c) {
                out.push(0x80 + i as u8);
                return;
            }
            let stand_in: &str = match c {
                'ĳ' => "ij",
                'Ĳ' => "IJ",
                '‘' | '’' | '‚' | '′' => "'",
                '“' | '”' | '„' | '″' => "\"",
                '–' | '—' | '−' | '‐' | '‑' => "-",
                '…' => "...",
                '•' => "\u{B7}",
                _ => "",
            };
            if stand_in.is_empty() {
                // A letter with a mark the code page lacks: its base letter (ł → l is not
                // covered; `?` then).
                let base = strip_mark(c);
                if base != c {
                    push_char(base, out);
                } else {
                    out.push(b'?');
                }
            } else {
                for s in stand_in.chars() {
                    push_char(s, out);
                }
            }
        }
    }
}

/// Zero-width and direction marks: never printed as anything but a space.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// A few Latin letters with marks PC858 lacks, to their base letter.
fn strip_mark(c: char) -> char {
    match c {
        'ā' | 'ă' | 'ą' => 'a',
        'Ā' | 'Ă' | 'Ą' => 'A',
        'ć' | 'ĉ' | 'č' => 'c',
        'Ć' | 'Č' => 'C',
        'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'Ē' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'ğ' => 'g',
        'ī' | 'į' | 'ı' => 'i',
        'İ' => 'I',
        'ł' => 'l',
        'Ł' => 'L',
        'ń' | 'ň' => 'n',
        'ō' | 'ő' => 'o',
        'Ő' => 'O',
        'ř' => 'r',
        'ś' | 'š' | 'ş' => 's',
        'Ś' | 'Š' | 'Ş' => 'S',
        'ť' | 'ţ' => 't',
        'ū' | 'ů' | 'ű' => 'u',
        'Ū' | 'Ů' | 'Ű' => 'U',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        other => other,
    }
}

/// Text as PC858 bytes: only printable bytes, never a control byte.
pub fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        push_char(c, &mut out);
    }
    out
}

/// How many columns `text` takes once encoded (stand-ins may be longer than one character).
pub fn width(text: &str) -> usize {
    encode(text).len()
}

/// The text as the printer will show it (for the plain-text rendering and the PDF): every
/// character replaced as [`encode`] does, read back through the table.
pub fn printable(text: &str) -> String {
    encode(text).into_iter().map(byte_to_char).collect()
}

fn byte_to_char(b: u8) -> char {
    if b >= 0x80 {
        HIGH[(b - 0x80) as usize]
    } else {
        b as char
    }
}

/// True for a byte [`encode`] may produce.
pub fn is_printable(b: u8) -> bool {
    (0x20..=0x7E).contains(&b) || b >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euro_and_dutch_letters_map_to_their_bytes() {
        assert_eq!(encode("€"), [0xD5]);
        assert_eq!(
            encode("é ë ï ö ü"),
            [0x82, 0x20, 0x89, 0x20, 0x8B, 0x20, 0x94, 0x20, 0x81]
        );
        assert_eq!(encode("ĳs"), b"ijs");
        assert_eq!(
            encode("Café – 1½"),
            [b'C', b'a', b'f', 0x82, b' ', b'-', b' ', b'1', 0xAB]
        );
    }

    #[test]
    fn no_character_becomes_a_control_byte() {
        for cp in 0u32..0x3000 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let bytes = encode(&c.to_string());
            assert!(!bytes.is_empty());
            assert!(
                bytes.iter().all(|&b| is_printable(b)),
                "{cp:#x} → {bytes:?}"
            );
        }
        let attack = "\u{1b}@\u{1d}V\u{0}\u{7}\u{10}\u{4}\u{1b}p\u{0}\u{19}\u{fa}\r\n\u{7f}\u{9b}";
        assert!(encode(attack).iter().all(|&b| is_printable(b)));
    }

    #[test]
    fn the_table_has_no_duplicates() {
        for (i, a) in HIGH.iter().enumerate() {
            assert!(!HIGH[i + 1..].contains(a), "{a:?} twice");
        }
    }
}
