//! A printout as lines that already fit the paper: what the layouts build, what the encoder turns
//! into ESC/POS and what the plain-text rendering (golden files, the PDF) shows.

use crate::pc858;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
}

/// One piece of a printout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// One printed line; it fits the paper (half the columns when `big`).
    Line {
        text: String,
        bold: bool,
        /// Double width and height: the order number.
        big: bool,
        align: Align,
    },
    /// A line of dashes across the paper.
    Rule,
    /// Empty lines.
    Feed(u8),
    /// A QR code of this text (a profile without QR gets the text instead).
    Qr(String),
    /// Feed and cut (or feed to tear off, without a cutter).
    Cut,
    /// Open the cash drawer (pin 2).
    DrawerKick,
}

/// A printout for paper `columns` wide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub columns: usize,
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn new(columns: usize) -> Document {
        Document {
            columns,
            blocks: Vec::new(),
        }
    }

    /// A left-aligned line, wrapped at word boundaries; leading spaces stay, and continuation
    /// lines get `indent` more.
    pub fn text(&mut self, text: &str, bold: bool, indent: usize) {
        let body = text.trim_start_matches(' ');
        let lead = (text.len() - body.len()).min(self.columns / 2);
        for line in wrap(body, self.columns - lead, indent) {
            self.blocks.push(Block::Line {
                text: format!("{}{line}", " ".repeat(lead)),
                bold,
                big: false,
                align: Align::Left,
            });
        }
    }

    /// A line laid out by the caller (a table row): kept as it is, cut at the paper's width.
    pub fn raw(&mut self, text: &str) {
        let text: String = pc858::printable(text).chars().take(self.columns).collect();
        self.blocks.push(Block::Line {
            text,
            bold: false,
            big: false,
            align: Align::Left,
        });
    }

    pub fn centered(&mut self, text: &str, bold: bool) {
        for line in wrap(text, self.columns, 0) {
            self.blocks.push(Block::Line {
                text: line,
                bold,
                big: false,
                align: Align::Center,
            });
        }
    }

    /// Double width and height, centred.
    pub fn big(&mut self, text: &str) {
        for line in wrap(text, self.columns / 2, 0) {
            self.blocks.push(Block::Line {
                text: line,
                bold: true,
                big: true,
                align: Align::Center,
            });
        }
    }

    /// `left` and `right` on one line, `right` flush right (an amount); `left` wraps above it
    /// when both do not fit.
    pub fn columns(&mut self, left: &str, right: &str, bold: bool) {
        let right_w = pc858::width(right);
        let room = self.columns.saturating_sub(right_w + 1).max(1);
        let mut lines = wrap(left, room, 3);
        let last = lines.pop().unwrap_or_default();
        for line in lines {
            self.blocks.push(Block::Line {
                text: line,
                bold,
                big: false,
                align: Align::Left,
            });
        }
        let gap = self
            .columns
            .saturating_sub(pc858::width(&last) + right_w)
            .max(1);
        self.blocks.push(Block::Line {
            text: format!("{last}{}{right}", " ".repeat(gap)),
            bold,
            big: false,
            align: Align::Left,
        });
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    /// The printout as plain text, as the paper shows it: for review (golden files) and the PDF.
    /// Big lines are centred on half the columns' characters; a QR code is `[QR …]`.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            match block {
                Block::Line {
                    text, big, align, ..
                } => {
                    let text = pc858::printable(text);
                    let width = if *big { self.columns / 2 } else { self.columns };
                    let pad = match align {
                        Align::Left => 0,
                        Align::Center => width.saturating_sub(text.chars().count()) / 2,
                    };
                    let line = if *big {
                        // Each character twice as wide: spaced out.
                        text.chars().flat_map(|c| [c, ' ']).collect::<String>()
                    } else {
                        text
                    };
                    let pad = if *big { pad * 2 } else { pad };
                    out.push_str(&format!("{}{}", " ".repeat(pad), line.trim_end()));
                    out.push('\n');
                }
                Block::Rule => {
                    out.push_str(&"-".repeat(self.columns));
                    out.push('\n');
                }
                Block::Feed(n) => {
                    for _ in 0..*n {
                        out.push('\n');
                    }
                }
                Block::Qr(data) => {
                    out.push_str(&format!("[QR {}]\n", pc858::printable(data)));
                }
                Block::Cut => out.push_str("[cut]\n"),
                Block::DrawerKick => out.push_str("[drawer]\n"),
            }
        }
        out
    }
}

/// Splits `text` into lines of at most `width` columns at spaces; a word longer than a line is
/// broken. Newlines in the text start a new line. Continuation lines begin with `indent` spaces.
pub fn wrap(text: &str, width: usize, indent: usize) -> Vec<String> {
    let width = width.max(1);
    let indent = indent.min(width / 2);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in paragraph.split_whitespace() {
            let word: String = pc858::printable(word);
            let mut word_chars: Vec<char> = word.chars().collect();
            loop {
                let prefix = if !lines.is_empty() && line.is_empty() {
                    indent
                } else {
                    0
                };
                let sep = usize::from(!line.is_empty());
                let room = width.saturating_sub(line_w + sep + prefix);
                if word_chars.len() <= room {
                    if sep == 1 {
                        line.push(' ');
                    } else if prefix > 0 {
                        line.push_str(&" ".repeat(prefix));
                        line_w += prefix;
                    }
                    line.extend(word_chars.iter());
                    line_w += sep + word_chars.len();
                    break;
                }
                if line.is_empty() {
                    // The word alone is too long: break it.
                    let take = room.max(1);
                    let (head, tail) = word_chars.split_at(take.min(word_chars.len()));
                    lines.push(format!(
                        "{}{}",
                        " ".repeat(prefix),
                        head.iter().collect::<String>()
                    ));
                    word_chars = tail.to_vec();
                    if word_chars.is_empty() {
                        break;
                    }
                } else {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0;
                }
            }
        }
        if !line.is_empty() || paragraph.trim().is_empty() && !text.is_empty() {
            lines.push(line);
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_words_and_indents() {
        assert_eq!(
            wrap("een twee drie vier", 9, 2),
            ["een twee", "  drie", "  vier"]
        );
        assert_eq!(wrap("abcdefghij", 4, 0), ["abcd", "efgh", "ij"]);
        for line in wrap(
            "Extra kaas, ui, paprika, olijven, ansjovis en nog veel meer",
            32,
            3,
        ) {
            assert!(line.chars().count() <= 32);
        }
    }

    #[test]
    fn amounts_sit_flush_right() {
        let mut doc = Document::new(32);
        doc.columns("2x Margherita (Groot)", "€ 21,00", false);
        let text = doc.to_text();
        assert_eq!(text.lines().next().unwrap().chars().count(), 32);
        assert!(text.trim_end().ends_with("€ 21,00"));
    }
}
