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
    /// GS ( k: a QR code (model 2, `module` dots a module, error correction M) holding `data`.
    pub fn qr(data: &[u8], module: u8) -> Vec<u8> {
        let mut out = Vec::with_capacity(data.len() + 32);
        out.extend([GS, b'(', b'k', 4, 0, 49, 65, 50, 0]); // model 2
        out.extend([GS, b'(', b'k', 3, 0, 49, 67, module]); // module size
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
    /// GS v 0 m xL xH yL yH d…: a raster bit image, `width_bytes` bytes a row (the leftmost dot
    /// the high bit, 1 = black), `rows.len() / width_bytes` rows, at normal size (m = 0).
    pub fn raster(width_bytes: u16, rows: &[u8]) -> Vec<u8> {
        let height = u16::try_from(rows.len() / usize::from(width_bytes.max(1))).unwrap_or(0);
        let mut out = Vec::with_capacity(rows.len() + 8);
        out.extend([GS, b'v', b'0', 0]);
        out.extend(width_bytes.to_le_bytes());
        out.extend(height.to_le_bytes());
        out.extend_from_slice(rows);
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
                match qr_plan(profile, &data) {
                    QrPlan::Native { module } => out.extend(commands::qr(&data, module)),
                    QrPlan::Raster { code, module } => out.extend(raster_qr(&code, module)),
                    QrPlan::Text => {
                        out.extend(data);
                        out.push(commands::LF);
                    }
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

/// The largest module (dots a side) a QR code is printed with, and the smallest that phones still
/// read off thermal paper at 203 dpi.
const QR_MODULE_MAX: usize = 6;
const QR_MODULE_MIN: usize = 3;
/// The quiet zone around a QR code, in modules.
const QR_QUIET: usize = 4;

/// How a QR code goes on paper.
enum QrPlan {
    /// The printer's own QR command, `module` dots a module.
    Native { module: u8 },
    /// Drawn here as a raster image.
    Raster { code: qrcode::QrCode, module: usize },
    /// As text: the model prints no QR, or it would not fit the paper.
    Text,
}

/// A QR code of `data` (error correction M, as the native command uses) with the module that
/// fits the paper: at most 6 dots, and never so wide that the printer drops it (an Epson prints
/// nothing for a QR code wider than the paper). Too long for the paper at 3 dots: as text.
fn qr_plan(profile: &Profile, data: &[u8]) -> QrPlan {
    if !profile.prints_qr() {
        return QrPlan::Text;
    }
    let Ok(code) = qrcode::QrCode::with_error_correction_level(data, qrcode::EcLevel::M) else {
        return QrPlan::Text;
    };
    let side = code.width() + 2 * QR_QUIET;
    let module = (profile.dots() / side).min(QR_MODULE_MAX);
    if module < QR_MODULE_MIN {
        return QrPlan::Text;
    }
    if profile.qr {
        QrPlan::Native {
            module: u8::try_from(module).unwrap_or(3),
        }
    } else {
        QrPlan::Raster { code, module }
    }
}

/// `code` as a raster image, `module` dots a module, with its quiet zone.
fn raster_qr(code: &qrcode::QrCode, module: usize) -> Vec<u8> {
    let width = code.width();
    let side = (width + 2 * QR_QUIET) * module;
    let width_bytes = side.div_ceil(8);
    let mut rows = vec![0u8; width_bytes * side];
    let colors = code.to_colors();
    for y in 0..side {
        for x in 0..side {
            let (mx, my) = (x / module, y / module);
            let dark = (QR_QUIET..QR_QUIET + width).contains(&mx)
                && (QR_QUIET..QR_QUIET + width).contains(&my)
                && colors[(my - QR_QUIET) * width + (mx - QR_QUIET)] == qrcode::Color::Dark;
            if dark {
                rows[y * width_bytes + x / 8] |= 0x80 >> (x % 8);
            }
        }
    }
    commands::raster(u16::try_from(width_bytes).unwrap_or(0), &rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile;

    fn qr_profile(id: &str, qr: bool, raster: bool) -> Profile {
        Profile {
            qr,
            raster,
            ..profile::by_id(id).unwrap()
        }
    }

    #[test]
    fn the_qr_module_fits_the_paper() {
        let url = b"https://pizzeria-da-marco.example.nl/track/3f9a0c7d1e2b4a68";
        // 80 mm (576 dots): the full 6 dots.
        let wide = qr_profile("epson-tm-t20iii", true, false);
        assert!(matches!(qr_plan(&wide, url), QrPlan::Native { module: 6 }));
        // 58 mm (384 dots) with the QR command: smaller modules when the code is bigger.
        let narrow = qr_profile("generic-58mm", true, false);
        let QrPlan::Native { module } = qr_plan(&narrow, &[b'a'; 300]) else {
            panic!("300 bytes still fit 58 mm at 3 dots");
        };
        assert!((3..6).contains(&module), "{module}");
        // Far too long for the paper: as text, never a code the printer drops.
        assert!(matches!(qr_plan(&narrow, &[b'a'; 1000]), QrPlan::Text));
        // No QR command, no raster: text.
        assert!(matches!(
            qr_plan(&qr_profile("generic-58mm", false, false), url),
            QrPlan::Text
        ));
    }

    #[test]
    fn a_raster_qr_is_as_wide_as_its_modules_and_no_wider_than_the_paper() {
        let profile = qr_profile("generic-58mm", false, true);
        let url = b"https://pizza.example.nl/track/AbC123";
        let QrPlan::Raster { code, module } = qr_plan(&profile, url) else {
            panic!("a raster QR on the generic 58 mm");
        };
        let bytes = raster_qr(&code, module);
        assert_eq!(&bytes[..4], &[0x1D, b'v', b'0', 0]);
        let width_bytes = usize::from(u16::from_le_bytes([bytes[4], bytes[5]]));
        let height = usize::from(u16::from_le_bytes([bytes[6], bytes[7]]));
        assert_eq!(height, (code.width() + 8) * module);
        assert!(width_bytes * 8 <= profile.dots(), "fits 384 dots");
        assert_eq!(bytes.len(), 8 + width_bytes * height);
    }
}
