//! Printer profiles: what a model can do (paper, columns, code page, cutter, drawer port, QR,
//! status read-back), as data files in the repository's `printers/` folder, built in.

use serde::Deserialize;

/// How the paper is cut after a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cut {
    Full,
    Partial,
    /// No cutter: feed so the paper can be torn off.
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub id: String,
    pub name: String,
    pub paper_mm: u32,
    /// Characters per line in the normal font: 48 or 42 on 80 mm, 32 on 58 mm.
    pub columns: usize,
    /// Only `PC858` is supported (the euro sign and the Dutch letters).
    pub code_page: String,
    /// The number `ESC t n` selects the code page with on this model.
    pub code_page_number: u8,
    pub cut: Cut,
    pub drawer_kick: bool,
    /// Prints QR codes itself (`GS ( k`).
    pub qr: bool,
    /// Prints raster bit images (`GS v 0`): a model without its own QR command gets the QR code
    /// drawn as an image. Without either, the link is printed as text.
    #[serde(default)]
    pub raster: bool,
    /// Answers `DLE EOT` (online, paper, cover) on a two-way link.
    pub status: bool,
}

impl Profile {
    /// Whether a QR code comes out as a QR code (its own command, or drawn as an image).
    pub fn prints_qr(&self) -> bool {
        self.qr || self.raster
    }

    /// The dots a line is wide: 12 a character of Font A (576 on 48 columns, 384 on 32).
    pub fn dots(&self) -> usize {
        self.columns * 12
    }
}

const FILES: [&str; 4] = [
    include_str!("../../../printers/epson-tm-t20iii.toml"),
    include_str!("../../../printers/epson-tm-t88.toml"),
    include_str!("../../../printers/generic-58mm.toml"),
    include_str!("../../../printers/star-escpos.toml"),
];

/// Every built-in profile, in the order of `printers/`.
pub fn all() -> Vec<Profile> {
    FILES
        .iter()
        .map(|text| {
            let profile: Profile =
                toml::from_str(text).expect("a built-in printer profile is broken");
            assert_eq!(profile.code_page, "PC858", "only PC858 is supported");
            assert!([32, 42, 48].contains(&profile.columns));
            profile
        })
        .collect()
}

/// The profile with this id.
pub fn by_id(id: &str) -> Option<Profile> {
    all().into_iter().find(|p| p.id == id)
}

/// The profile a new printer gets when none is chosen.
pub const DEFAULT_PROFILE: &str = "epson-tm-t20iii";

#[cfg(test)]
mod tests {
    #[test]
    fn every_profile_reads() {
        let all = super::all();
        assert_eq!(all.len(), 4);
        assert!(super::by_id(super::DEFAULT_PROFILE).is_some());
        assert_eq!(super::by_id("generic-58mm").unwrap().columns, 32);
    }
}
