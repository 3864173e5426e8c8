//! ESC/POS: a [`Document`] for a [`Profile`] as the bytes a printer takes.
//!
//! Architecture Invariant: text reaches the bytes only through `pc858::encode` (printable bytes
//! only); every command byte comes from `commands` below. So no text can become a command.

use crate::document::{Align, Block, Document};
use crate::pc858;
use crate::profile::{Cut, Profile};

/// The few ESC/POS commands Forno sends, each in one place.
pub mod commands {
    pub const ESC: u8 = 0x1B;
    pub const GS: u8 = 0x1D;
    pub const DLE: u8 = 0x10;
    pub const EOT: u8 = 0x04;
    pub const LF: u8 = 0x0A;

    /// ESC @: reset to the power-on state.
    pub fn init() -> Vec<u8> {
        vec![ESC, b'@']
    }
    /// ESC t n: the character table.
    pub fn code_page(n: u8) -> Vec<u8> {
        vec![ESC, b't', n]
    }
    /// ESC a n: 0 left, 1 centre.
    pub fn justify(center: bool) -> Vec<u8> {
        vec![ESC, b'a', u8::from(center)]
    }
    /// ESC E n: bold on or off.
    pub fn bold(on: bool) -> Vec<u8> {
        vec![ESC, b'E', u8::from(on)]
    }
    /// GS ! n: double width and height, or normal.
    pub fn big(on: bool) -> Vec<u8> {
        vec![GS, b'!', if on { 0x11 } else { 0x00 }]
    }
    /// ESC d n: print and feed n lines.
    pub fn feed(n: u8) -> Vec<u8> {
        vec![ESC, b'd', n]
    }
    /// GS V m n: feed n dots and cut (66: partial, 65: full).
    pub fn cut(partial: bool) -> Vec<u8> {
        vec![GS, b'V', if partial { 66 } else { 65 }, 3]
    }
    /// ESC p m t1 t2: a pulse on drawer pin 2 (m = 0), 50 ms on, 500 ms off.
    pub fn drawer_kick() -> Vec<u8> {
        vec![ESC, b'p', 0, 25, 250]
    }
    /// GS ( k: a QR code (model 2, module size 6, error correction M) holding `data`.
    pub fn qr(data: &[u8]) -> Vec<u8> {
        let mut out = Vec::with_capacity(data.len() + 32);
        out.extend([GS, b'(', b'k', 4, 0, 49, 65, 50, 0]); // model 2
        out.extend([GS, b'(', b'k', 3, 0, 49, 67, 6]); // module size
        out.extend([GS, b'(', b'k', 3, 0, 49, 69, 49]); // error correction M
        let len = data.len() + 3;
        out.extend([
            GS,
            b'(',
            b'k',
            (len % 256) as u8,
            (len / 256) as u8,
            49,
            80,
            48,
        ]);
        out.extend_from_slice(data);
        out.extend([GS, b'(', b'k', 3, 0, 49, 81, 48]); // print it
        out
    }
    /// DLE EOT n: ask for status n (1 printer, 2 offline cause, 4 paper roll).
    pub fn status_request(n: u8) -> [u8; 3] {
        [DLE, EOT, n]
    }
}

/// The bytes for `doc` on a printer of `profile`: reset, code page, the blocks, and the cut the
/// profile has (or a feed to tear off).
pub fn encode(doc: &Document, profile: &Profile) -> Vec<u8> {
    let mut out = Vec::with_capacity(2048);
    out.extend(commands::init());
    out.extend(commands::code_page(profile.code_page_number));
    for block in &doc.blocks {
        match block {
            Block::Line {
                text,
                bold,
                big,
                align,
            } => {
                let center = *align == Align::Center;
                if center {
                    out.extend(commands::justify(true));
                }
                if *bold {
                    out.extend(commands::bold(true));
                }
                if *big {
                    out.extend(commands::big(true));
                }
                out.extend(pc858::encode(text.trim_end()));
                out.push(commands::LF);
                if *big {
                    out.extend(commands::big(false));
                }
                if *bold {
                    out.extend(commands::bold(false));
                }
                if center {
                    out.extend(commands::justify(false));
                }
            }
            Block::Rule => {
                out.extend(std::iter::repeat_n(b'-', doc.columns));
                out.push(commands::LF);
            }
            Block::Feed(n) => out.extend(commands::feed(*n)),
            Block::Qr(data) => {
                let data = pc858::encode(data);
                out.extend(commands::justify(true));
                if profile.qr && data.len() <= 700 {
                    out.extend(commands::qr(&data));
                } else {
                    out.extend(data);
                    out.push(commands::LF);
                }
                out.extend(commands::justify(false));
            }
            Block::Cut => match profile.cut {
                Cut::Full => {
                    out.extend(commands::feed(3));
                    out.extend(commands::cut(false));
                }
                Cut::Partial => {
                    out.extend(commands::feed(3));
                    out.extend(commands::cut(true));
                }
                Cut::None => out.extend(commands::feed(5)),
            },
            Block::DrawerKick => {
                if profile.drawer_kick {
                    out.extend(commands::drawer_kick());
                }
            }
        }
    }
    out
}
