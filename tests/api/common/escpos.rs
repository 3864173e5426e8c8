//! An ESC/POS decoder for the tests, written from the Epson command reference and NOT from
//! Forno's encoder: it turns the bytes a printer received into text lines (read through its own
//! copy of code page PC858) and the commands among them. Anything it does not know is an
//! `Unknown` command, so a test can assert that a printout holds no command it did not expect.

#![allow(dead_code)]

/// A command found in the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cmd {
    /// ESC @
    Init,
    /// ESC t n
    CodeTable(u8),
    /// ESC a n
    Justify(u8),
    /// ESC E n
    Emphasis(u8),
    /// GS ! n
    CharSize(u8),
    /// ESC d n
    FeedLines(u8),
    /// GS V m [n]: partial when m is 1, 49 or 66.
    Cut { partial: bool },
    /// ESC p m t1 t2: pulse on pin m.
    DrawerKick { pin: u8 },
    /// GS ( k … fn 80: the data stored for the QR code.
    QrData(String),
    /// GS ( k other functions (model, size, error level, print).
    QrSetting(u8),
    /// GS v 0 m xL xH yL yH d…: a raster bit image, `width_bytes` a row (high bit leftmost,
    /// 1 = black), `height` rows.
    Raster {
        width_bytes: usize,
        height: usize,
        bits: Vec<u8>,
    },
    /// DLE EOT n
    StatusRequest(u8),
    /// A byte or sequence this decoder does not know.
    Unknown(Vec<u8>),
}

/// What came out of the printer between two resets (ESC @).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Printout {
    pub lines: Vec<String>,
    pub commands: Vec<Cmd>,
}

impl Printout {
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    pub fn has(&self, cmd: &Cmd) -> bool {
        self.commands.contains(cmd)
    }

    pub fn cuts(&self) -> usize {
        self.commands
            .iter()
            .filter(|c| matches!(c, Cmd::Cut { .. }))
            .count()
    }

    pub fn drawer_kicks(&self) -> usize {
        self.commands
            .iter()
            .filter(|c| matches!(c, Cmd::DrawerKick { .. }))
            .count()
    }

    pub fn unknown(&self) -> Vec<&Cmd> {
        self.commands
            .iter()
            .filter(|c| matches!(c, Cmd::Unknown(_)))
            .collect()
    }

    /// The first line containing `needle`.
    pub fn line_with(&self, needle: &str) -> Option<&str> {
        self.lines
            .iter()
            .find(|l| l.contains(needle))
            .map(String::as_str)
    }
}

/// PC858 (IBM code page 850 with € at 0xD5), bytes 0x80 to 0xFF, typed in from the code chart.
const CP858_HIGH: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈ€ÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u{AD}±‗¾¶§÷¸°¨·¹³²■\u{A0}";

fn cp858(byte: u8) -> char {
    if byte < 0x80 {
        byte as char
    } else {
        CP858_HIGH
            .chars()
            .nth(usize::from(byte - 0x80))
            .expect("128 characters")
    }
}

/// Splits the bytes into printouts at each ESC @ and decodes each.
/// What the QR codes in a printout's raster images say, read by an independent QR reader (rqrr)
/// from the dots as a printer would print them.
pub fn raster_qr_texts(printout: &Printout) -> Vec<String> {
    printout
        .commands
        .iter()
        .filter_map(|c| match c {
            Cmd::Raster {
                width_bytes,
                height,
                bits,
            } if bits.len() == width_bytes * height => {
                let (w, h) = (width_bytes * 8, *height);
                let mut image = rqrr::PreparedImage::prepare_from_bitmap(w, h, |x, y| {
                    bits[y * width_bytes + x / 8] & (0x80 >> (x % 8)) != 0
                });
                let grids = image.detect_grids();
                grids
                    .first()
                    .and_then(|g| g.decode().ok())
                    .map(|(_, text)| text)
            }
            _ => None,
        })
        .collect()
}

pub fn decode(bytes: &[u8]) -> Vec<Printout> {
    let mut printouts: Vec<Printout> = Vec::new();
    let mut current = Printout::default();
    let mut line = String::new();
    let mut started = false;
    let mut i = 0;
    let arg = |i: usize| bytes.get(i).copied();
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            0x0A => {
                current.lines.push(std::mem::take(&mut line));
                i += 1;
            }
            0x1B => {
                let Some(c) = arg(i + 1) else {
                    current.commands.push(Cmd::Unknown(vec![b]));
                    break;
                };
                match c {
                    b'@' => {
                        if started {
                            if !line.is_empty() {
                                current.lines.push(std::mem::take(&mut line));
                            }
                            printouts.push(std::mem::take(&mut current));
                        }
                        started = true;
                        current.commands.push(Cmd::Init);
                        i += 2;
                    }
                    b't' | b'a' | b'E' | b'd' => {
                        let n = arg(i + 2).unwrap_or(0);
                        current.commands.push(match c {
                            b't' => Cmd::CodeTable(n),
                            b'a' => Cmd::Justify(n),
                            b'E' => Cmd::Emphasis(n),
                            _ => {
                                // Printing and feeding: the current line ends, n empty lines.
                                if !line.is_empty() {
                                    current.lines.push(std::mem::take(&mut line));
                                }
                                Cmd::FeedLines(n)
                            }
                        });
                        i += 3;
                    }
                    b'p' => {
                        current.commands.push(Cmd::DrawerKick {
                            pin: arg(i + 2).unwrap_or(0),
                        });
                        i += 5;
                    }
                    _ => {
                        current.commands.push(Cmd::Unknown(vec![b, c]));
                        i += 2;
                    }
                }
            }
            0x1D => {
                let Some(c) = arg(i + 1) else {
                    current.commands.push(Cmd::Unknown(vec![b]));
                    break;
                };
                match c {
                    b'!' => {
                        current
                            .commands
                            .push(Cmd::CharSize(arg(i + 2).unwrap_or(0)));
                        i += 3;
                    }
                    b'V' => {
                        let m = arg(i + 2).unwrap_or(0);
                        if !line.is_empty() {
                            current.lines.push(std::mem::take(&mut line));
                        }
                        current.commands.push(Cmd::Cut {
                            partial: matches!(m, 1 | 49 | 66),
                        });
                        // Function B (65, 66) carries a feed amount.
                        i += if m >= 65 { 4 } else { 3 };
                    }
                    b'v' if arg(i + 2) == Some(b'0') => {
                        let at = |k: usize| usize::from(arg(i + k).unwrap_or(0));
                        let (width_bytes, height) = (at(4) + 256 * at(5), at(6) + 256 * at(7));
                        let start = (i + 8).min(bytes.len());
                        let end = (start + width_bytes * height).min(bytes.len());
                        if !line.is_empty() {
                            current.lines.push(std::mem::take(&mut line));
                        }
                        current.commands.push(Cmd::Raster {
                            width_bytes,
                            height,
                            bits: bytes[start..end].to_vec(),
                        });
                        i = end;
                    }
                    b'(' if arg(i + 2) == Some(b'k') => {
                        let len = usize::from(arg(i + 3).unwrap_or(0))
                            + 256 * usize::from(arg(i + 4).unwrap_or(0));
                        let body = &bytes[(i + 5).min(bytes.len())..(i + 5 + len).min(bytes.len())];
                        // body: cn (49 = QR), fn, parameters.
                        match body {
                            [49, 80, 48, data @ ..] => current
                                .commands
                                .push(Cmd::QrData(data.iter().map(|&b| cp858(b)).collect())),
                            [49, f, ..] => current.commands.push(Cmd::QrSetting(*f)),
                            _ => current.commands.push(Cmd::Unknown(body.to_vec())),
                        }
                        i += 5 + len;
                    }
                    _ => {
                        current.commands.push(Cmd::Unknown(vec![b, c]));
                        i += 2;
                    }
                }
            }
            0x10 if arg(i + 1) == Some(0x04) => {
                current
                    .commands
                    .push(Cmd::StatusRequest(arg(i + 2).unwrap_or(0)));
                i += 3;
            }
            0x00..=0x1F | 0x7F => {
                // Any other control byte (NUL, BEL, CR, DLE, FS, CAN, ...): not expected.
                current.commands.push(Cmd::Unknown(vec![b]));
                i += 1;
            }
            _ => {
                line.push(cp858(b));
                i += 1;
            }
        }
    }
    if !line.is_empty() {
        current.lines.push(line);
    }
    if started || !current.lines.is_empty() || !current.commands.is_empty() {
        printouts.push(current);
    }
    printouts
}
