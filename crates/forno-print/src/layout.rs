//! The layouts: a kitchen ticket, the slip that takes lines back from the kitchen, and a customer
//! receipt, from plain data (the caller converts its
//! order; this crate knows no domain type), for any paper width. Paper speaks the shop's language:
//! Dutch.

use crate::document::{Block, Document};

/// One half of a half-and-half pizza.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Half {
    pub name: String,
    pub extras: Vec<String>,
    pub removed: Vec<String>,
}

/// A line of an order, as the kitchen and the receipt need it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    pub quantity: i64,
    pub name: String,
    /// Empty for items with one size.
    pub size: String,
    pub extras: Vec<String>,
    pub removed: Vec<String>,
    pub second_half: Option<Half>,
    pub note: Option<String>,
    /// Line total in cents (receipt only).
    pub total_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fulfilment {
    Pickup,
    Delivery { address: String },
}

/// What a kitchen ticket shows: no prices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    /// "#017".
    pub number: String,
    pub fulfilment: Fulfilment,
    /// When it must be ready, in the shop's time: "18:45".
    pub due: String,
    /// True when the customer asked for a time slot (not "as soon as possible").
    pub scheduled: bool,
    /// When it came in, in the shop's time: "18:20".
    pub placed: String,
    /// "Web", "Balie", "Telefoon".
    pub channel: String,
    pub customer: Option<String>,
    pub note: Option<String>,
    pub lines: Vec<Line>,
    /// The kitchen station this ticket is for, when the kitchen has more than one.
    pub station: Option<String>,
    /// A reprint: says KOPIE.
    pub copy: bool,
}

/// What a kitchen slip takes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlipKind {
    /// A line came off the order: VERVALLEN.
    LineVoided,
    /// The whole order is off: GEANNULEERD.
    OrderCancelled,
}

/// A slip for the kitchen that stops work on lines it had on a ticket: a line voided or the order
/// cancelled. Like the ticket: no prices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitchenSlip {
    pub kind: SlipKind,
    /// "#017".
    pub number: String,
    /// When the line was voided or the order cancelled, in the shop's time: "18:52".
    pub at: String,
    /// The lines to stop making, as the ticket showed them.
    pub lines: Vec<Line>,
    /// Why, in the staff's words.
    pub reason: String,
    /// The kitchen station whose ticket held the lines, when the kitchen has more than one.
    pub station: Option<String>,
    /// A reprint: says KOPIE.
    pub copy: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shop {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub vat_number: String,
}

/// VAT of one rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatLine {
    pub percent: i64,
    /// Incl. VAT.
    pub gross_cents: i64,
    pub vat_cents: i64,
}

/// What a customer receipt shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub shop: Shop,
    pub number: String,
    /// "02-12-2026 18:20", in the shop's time.
    pub date: String,
    pub fulfilment: Fulfilment,
    pub lines: Vec<Line>,
    pub delivery_fee_cents: i64,
    /// Discounts given ("Korting 10%", the amount off, positive); already off `total_cents`.
    pub discounts: Vec<(String, i64)>,
    pub total_cents: i64,
    pub vat: Vec<VatLine>,
    /// How it was paid ("Contant" with what was handed over, "PIN") and how much.
    pub payments: Vec<(String, i64)>,
    pub change_cents: i64,
    /// The tracking page (a QR code).
    pub tracking_url: Option<String>,
    pub footer: String,
    pub copy: bool,
}

/// `€ 12,50`, as on a Dutch receipt.
pub fn euro(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.abs();
    format!("{sign}€ {},{:02}", abs / 100, abs % 100)
}

fn line_title(line: &Line) -> String {
    let name = match &line.second_half {
        Some(half) => format!("½ {} / ½ {}", line.name, half.name),
        None => line.name.clone(),
    };
    if line.size.is_empty() {
        format!("{}x {name}", line.quantity)
    } else {
        format!("{}x {name} ({})", line.quantity, line.size)
    }
}

/// The extras, removals, halves and note under a line, indented.
fn line_details(doc: &mut Document, line: &Line, bold_note: bool) {
    let halves = line.second_half.is_some();
    let first = if halves {
        format!("½ {}: ", line.name)
    } else {
        String::new()
    };
    for extra in &line.extras {
        doc.text(&format!("   {first}+ {extra}"), false, 5);
    }
    for removed in &line.removed {
        doc.text(&format!("   {first}- ZONDER {removed}"), false, 5);
    }
    if let Some(half) = &line.second_half {
        for extra in &half.extras {
            doc.text(&format!("   ½ {}: + {extra}", half.name), false, 5);
        }
        for removed in &half.removed {
            doc.text(&format!("   ½ {}: - ZONDER {removed}", half.name), false, 5);
        }
    }
    if let Some(note) = line.note.as_deref().filter(|n| !n.trim().is_empty()) {
        doc.text(&format!("   ! {note}"), bold_note, 5);
    }
}

/// A kitchen ticket: big number, pickup or delivery, due time, the lines with everything the
/// kitchen must do, no prices; a cut at the end.
pub fn kitchen_ticket(ticket: &Ticket, columns: usize) -> Document {
    let mut doc = Document::new(columns);
    if ticket.copy {
        doc.big("KOPIE");
    }
    if let Some(station) = &ticket.station {
        doc.centered(&station.to_uppercase(), true);
    }
    doc.big(&ticket.number);
    let kind = match &ticket.fulfilment {
        Fulfilment::Pickup => "AFHALEN",
        Fulfilment::Delivery { .. } => "BEZORGEN",
    };
    doc.big(kind);
    let due = if ticket.scheduled {
        format!("Klaar om {} (gepland)", ticket.due)
    } else {
        format!("Klaar om {}", ticket.due)
    };
    doc.centered(&due, true);
    doc.centered(
        &format!("{} · ontvangen {}", ticket.channel, ticket.placed),
        false,
    );
    doc.push(Block::Rule);
    for line in &ticket.lines {
        doc.text(&line_title(line), true, 3);
        line_details(&mut doc, line, true);
    }
    doc.push(Block::Rule);
    if let Some(note) = ticket.note.as_deref().filter(|n| !n.trim().is_empty()) {
        doc.text(&format!("Opmerking: {note}"), true, 3);
    }
    if let Some(customer) = ticket.customer.as_deref().filter(|c| !c.trim().is_empty()) {
        doc.text(&format!("Naam: {customer}"), false, 3);
    }
    if let Fulfilment::Delivery { address } = &ticket.fulfilment {
        doc.text(&format!("Adres: {address}"), false, 3);
    }
    doc.push(Block::Cut);
    doc
}

/// A kitchen slip: VERVALLEN or GEANNULEERD big, the order number big, when, the lines to stop
/// making as the ticket showed them, the reason; a cut at the end.
pub fn kitchen_slip(slip: &KitchenSlip, columns: usize) -> Document {
    let mut doc = Document::new(columns);
    if slip.copy {
        doc.big("KOPIE");
    }
    if let Some(station) = &slip.station {
        doc.centered(&station.to_uppercase(), true);
    }
    let (title, when) = match slip.kind {
        SlipKind::LineVoided => ("VERVALLEN", "Regel vervallen om"),
        SlipKind::OrderCancelled => ("GEANNULEERD", "Bestelling geannuleerd om"),
    };
    doc.big(title);
    doc.big(&slip.number);
    doc.centered(&format!("{when} {}", slip.at), true);
    doc.push(Block::Rule);
    doc.text("NIET MAKEN:", true, 0);
    for line in &slip.lines {
        doc.text(&line_title(line), true, 3);
        line_details(&mut doc, line, true);
    }
    doc.push(Block::Rule);
    if !slip.reason.trim().is_empty() {
        doc.text(&format!("Reden: {}", slip.reason), true, 3);
    }
    doc.push(Block::Cut);
    doc
}

/// A customer receipt: the shop, the lines with amounts, VAT per rate (base and tax), the total,
/// payments, the order number and date, a QR code to the tracking page, the footer.
pub fn receipt(receipt: &Receipt, columns: usize) -> Document {
    let mut doc = Document::new(columns);
    if receipt.copy {
        doc.big("KOPIE");
    }
    doc.centered(&receipt.shop.name, true);
    if !receipt.shop.address.is_empty() {
        doc.centered(&receipt.shop.address, false);
    }
    if !receipt.shop.phone.is_empty() {
        doc.centered(&format!("Tel. {}", receipt.shop.phone), false);
    }
    if !receipt.shop.vat_number.is_empty() {
        doc.centered(&format!("Btw-nr. {}", receipt.shop.vat_number), false);
    }
    doc.push(Block::Rule);
    doc.columns(
        &format!("Bestelling {}", receipt.number),
        &receipt.date,
        true,
    );
    let kind = match &receipt.fulfilment {
        Fulfilment::Pickup => "Afhalen".to_owned(),
        Fulfilment::Delivery { address } => format!("Bezorgen: {address}"),
    };
    doc.text(&kind, false, 3);
    doc.push(Block::Rule);
    for line in &receipt.lines {
        doc.columns(&line_title(line), &euro(line.total_cents), false);
        line_details(&mut doc, line, false);
    }
    if receipt.delivery_fee_cents != 0 {
        doc.columns("Bezorgkosten", &euro(receipt.delivery_fee_cents), false);
    }
    for (label, cents) in &receipt.discounts {
        doc.columns(label, &euro(-cents), false);
    }
    doc.push(Block::Rule);
    doc.columns("TOTAAL", &euro(receipt.total_cents), true);
    for (method, cents) in &receipt.payments {
        doc.columns(method, &euro(*cents), false);
    }
    if receipt.change_cents != 0 {
        doc.columns("Wisselgeld", &euro(receipt.change_cents), false);
    }
    doc.push(Block::Rule);
    // VAT per rate: the base (excl.), the tax, the amount incl.
    let narrow = columns < 40;
    let row = |a: &str, b: &str, c: &str, d: &str| {
        if narrow {
            format!("{a:<4}{b:>10}{c:>9}{d:>9}")
        } else {
            let rest = columns - 6;
            let w = rest / 3;
            format!("{a:<6}{b:>w$}{c:>w$}{d:>w2$}", w2 = rest - 2 * w)
        }
    };
    doc.raw(&row("Btw", "Excl.", "Btw", "Incl."));
    for vat in &receipt.vat {
        doc.raw(&row(
            &format!("{}%", vat.percent),
            &euro(vat.gross_cents - vat.vat_cents),
            &euro(vat.vat_cents),
            &euro(vat.gross_cents),
        ));
    }
    doc.push(Block::Rule);
    if let Some(url) = &receipt.tracking_url {
        doc.centered("Volg je bestelling:", false);
        doc.push(Block::Qr(url.clone()));
    }
    if !receipt.footer.is_empty() {
        doc.push(Block::Feed(1));
        doc.centered(&receipt.footer, false);
    }
    doc.push(Block::Cut);
    doc
}

/// A test page: the profile, every Dutch character and the euro sign, a rule and a cut.
pub fn test_page(printer_name: &str, profile_name: &str, columns: usize, at: &str) -> Document {
    let mut doc = Document::new(columns);
    doc.big("TESTPAGINA");
    doc.centered(printer_name, true);
    doc.centered(&format!("{profile_name}, {columns} tekens"), false);
    doc.centered(at, false);
    doc.push(Block::Rule);
    doc.text(
        "€ 12,50  café  reünie  ĳs  Curaçao  ü ö ï ë é è à",
        false,
        0,
    );
    doc.raw(&"1234567890".repeat(columns / 10 + 1)[..columns]);
    doc.push(Block::Rule);
    doc.centered("Forno", false);
    doc.push(Block::Cut);
    doc
}

/// Opens the cash drawer and prints nothing.
pub fn drawer_kick(columns: usize) -> Document {
    let mut doc = Document::new(columns);
    doc.push(Block::DrawerKick);
    doc
}
