//! A printout as PDF (the receipt for staff to download, and later to attach to the
//! confirmation email): the same text the paper shows, in Courier on a page as wide as the roll.

use printpdf::{
    BuiltinFont, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, TextItem,
};

use crate::document::Document;

const FONT_PT: f32 = 8.5;
const LINE_PT: f32 = 10.5;
const MARGIN_PT: f32 = 12.0;

/// The document as a one-page PDF, `title` in its metadata.
pub fn to_pdf(doc: &Document, title: &str) -> Vec<u8> {
    let text = doc.to_text();
    // The paper-only marks (the cut, a drawer kick) are not on a PDF.
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !matches!(*l, "[cut]" | "[drawer]"))
        .collect();
    // Courier is 0.6 em wide: the page fits the columns.
    let width_pt = doc.columns as f32 * FONT_PT * 0.6 + 2.0 * MARGIN_PT;
    let height_pt = lines.len() as f32 * LINE_PT + 2.0 * MARGIN_PT;
    let mut ops = vec![
        Op::StartTextSection,
        Op::SetFont {
            font: PdfFontHandle::Builtin(BuiltinFont::Courier),
            size: Pt(FONT_PT),
        },
        Op::SetLineHeight { lh: Pt(LINE_PT) },
        Op::SetTextCursor {
            pos: Point {
                x: Pt(MARGIN_PT),
                y: Pt(height_pt - MARGIN_PT - FONT_PT),
            },
        },
    ];
    for line in lines {
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(line.to_owned())],
        });
        ops.push(Op::AddLineBreak);
    }
    ops.push(Op::EndTextSection);
    let page = PdfPage::new(Mm(width_pt * 25.4 / 72.0), Mm(height_pt * 25.4 / 72.0), ops);
    let mut warnings = Vec::new();
    PdfDocument::new(title)
        .with_pages(vec![page])
        .save(&PdfSaveOptions::default(), &mut warnings)
}
