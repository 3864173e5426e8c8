//! What a printer says about itself when asked with DLE EOT on a two-way link.

use serde::{Deserialize, Serialize};

/// A printer's state, as Forno last knew it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrinterState {
    /// Answered, and ready.
    Online,
    /// Ready, but the roll is almost empty.
    PaperLow,
    PaperOut,
    CoverOpen,
    /// Answered with an error (a cutter jam, overheated head).
    Error,
    /// Could not be reached (off, unplugged, wrong address) or did not answer.
    Offline,
    /// Last print went out, but the link cannot tell more (one-way: USB file, OS queue).
    Unknown,
    /// A print agent's printer whose agent is not connected.
    AgentAway,
}

impl PrinterState {
    pub const ALL: [PrinterState; 8] = [
        PrinterState::Online,
        PrinterState::PaperLow,
        PrinterState::PaperOut,
        PrinterState::CoverOpen,
        PrinterState::Error,
        PrinterState::Offline,
        PrinterState::Unknown,
        PrinterState::AgentAway,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PrinterState::Online => "online",
            PrinterState::PaperLow => "paper_low",
            PrinterState::PaperOut => "paper_out",
            PrinterState::CoverOpen => "cover_open",
            PrinterState::Error => "error",
            PrinterState::Offline => "offline",
            PrinterState::Unknown => "unknown",
            PrinterState::AgentAway => "agent_away",
        }
    }

    pub fn parse(s: &str) -> Option<PrinterState> {
        PrinterState::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Whether it can print now.
    pub fn can_print(self) -> bool {
        matches!(
            self,
            PrinterState::Online | PrinterState::PaperLow | PrinterState::Unknown
        )
    }

    /// In Dutch and English, for a person.
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            PrinterState::Online => ("klaar", "ready"),
            PrinterState::PaperLow => ("papier bijna op", "paper almost out"),
            PrinterState::PaperOut => ("papier op", "out of paper"),
            PrinterState::CoverOpen => ("klep open", "cover open"),
            PrinterState::Error => ("storing", "printer error"),
            PrinterState::Offline => ("niet bereikbaar", "not reachable"),
            PrinterState::Unknown => ("geen terugmelding", "no status read-back"),
            PrinterState::AgentAway => ("printagent niet verbonden", "print agent not connected"),
        }
    }
}

/// Reads the answers to DLE EOT 1 (printer), 2 (offline cause) and 4 (paper roll).
pub fn from_status_bytes(printer: u8, offline_cause: u8, paper: u8) -> PrinterState {
    // Every status byte has bits 1 and 4 set and bit 7 clear; anything else is no answer.
    let valid = |b: u8| b & 0x93 == 0x12;
    if !(valid(printer) && valid(offline_cause) && valid(paper)) {
        return PrinterState::Error;
    }
    if offline_cause & 0x04 != 0 {
        return PrinterState::CoverOpen;
    }
    if paper & 0x60 != 0 || offline_cause & 0x20 != 0 {
        return PrinterState::PaperOut;
    }
    if offline_cause & 0x40 != 0 {
        return PrinterState::Error;
    }
    if printer & 0x08 != 0 {
        return PrinterState::Offline;
    }
    if paper & 0x0C != 0 {
        return PrinterState::PaperLow;
    }
    PrinterState::Online
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_status_bits() {
        assert_eq!(from_status_bytes(0x12, 0x12, 0x12), PrinterState::Online);
        assert_eq!(from_status_bytes(0x1A, 0x32, 0x72), PrinterState::PaperOut);
        assert_eq!(from_status_bytes(0x1A, 0x16, 0x12), PrinterState::CoverOpen);
        assert_eq!(from_status_bytes(0x12, 0x12, 0x1E), PrinterState::PaperLow);
        assert_eq!(from_status_bytes(0x00, 0x12, 0x12), PrinterState::Error);
    }
}
