//! Golden text renderings of a kitchen ticket, a kitchen slip and a receipt on every paper width (committed in
//! `tests/golden/` for review; `UPDATE_GOLDEN=1 cargo test -p forno-print` rewrites them), and
//! the ESC/POS bytes read back by the tests' independent decoder.

#[path = "../../../tests/api/common/escpos.rs"]
mod escpos;

use escpos::{Cmd, decode};
use forno_print::layout::{
    self, Fulfilment, Half, KitchenSlip, Line, Receipt, Shop, SlipKind, Ticket, VatLine,
};
use forno_print::{encode, profile};

fn lines() -> Vec<Line> {
    vec![
        Line {
            quantity: 2,
            name: "Margherita".into(),
            size: "Groot 35 cm".into(),
            extras: vec!["Extra mozzarella".into(), "Champignons".into()],
            removed: vec!["Basilicum".into()],
            second_half: None,
            note: Some("Goed doorbakken, niet té donker".into()),
            total_cents: 2590,
        },
        Line {
            quantity: 1,
            name: "Quattro Formaggi".into(),
            size: "Medium".into(),
            extras: vec![],
            removed: vec![],
            second_half: Some(Half {
                name: "Salami piccante".into(),
                extras: vec!["Jalapeño".into()],
                removed: vec!["Uien".into()],
            }),
            note: None,
            total_cents: 1450,
        },
        Line {
            quantity: 2,
            name: "Heineken".into(),
            size: String::new(),
            total_cents: 550,
            ..Line::default()
        },
    ]
}

fn ticket(copy: bool) -> Ticket {
    Ticket {
        number: "#017".into(),
        fulfilment: Fulfilment::Delivery {
            address: "Kerkstraat 12a, 1017 GC Amsterdam".into(),
        },
        due: "18:45".into(),
        scheduled: false,
        placed: "18:20".into(),
        channel: "Web".into(),
        customer: Some("Anaïs van der Ĳssel".into()),
        note: Some("Bel aan bij de zijdeur; hond is lief".into()),
        lines: lines(),
        station: None,
        copy,
    }
}

/// The half-and-half pizza of the ticket voided at the oven, or the whole order cancelled.
fn slip(kind: SlipKind, copy: bool) -> KitchenSlip {
    let lines = lines();
    KitchenSlip {
        kind,
        number: "#017".into(),
        at: "18:52".into(),
        lines: match kind {
            SlipKind::LineVoided => vec![lines[1].clone()],
            SlipKind::OrderCancelled => lines,
        },
        reason: "Klant wil toch geen pizza, belde net".into(),
        station: (kind == SlipKind::LineVoided).then(|| "Oven".into()),
        copy,
    }
}

fn receipt(copy: bool) -> Receipt {
    Receipt {
        shop: Shop {
            name: "Pizzeria Da Marco".into(),
            address: "Kerkstraat 1, 1017 GC Amsterdam".into(),
            phone: "020 123 4567".into(),
            vat_number: "NL001234567B01".into(),
        },
        number: "#017".into(),
        date: "02-12-2026 18:20".into(),
        fulfilment: Fulfilment::Pickup,
        lines: lines(),
        delivery_fee_cents: 250,
        discounts: vec![],
        total_cents: 4840,
        vat: vec![
            VatLine {
                percent: 9,
                gross_cents: 4290,
                vat_cents: 354,
            },
            VatLine {
                percent: 21,
                gross_cents: 550,
                vat_cents: 95,
            },
        ],
        payments: vec![("Contant".into(), 5000)],
        change_cents: 160,
        tracking_url: Some("https://pizza.example.nl/track/AbC123".into()),
        footer: "Bedankt en eet smakelijk!".into(),
        copy,
    }
}

fn golden(name: &str, text: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with UPDATE_GOLDEN=1 to write it)",
            path.display()
        )
    });
    assert_eq!(text, expected, "{name} differs from its golden file");
}

#[test]
fn golden_kitchen_tickets_and_receipts() {
    for profile in profile::all() {
        let cols = profile.columns;
        if profile.id == "star-escpos" {
            continue; // same width as the TM-T20III
        }
        let t = layout::kitchen_ticket(&ticket(false), cols);
        golden(&format!("ticket-{cols}.txt"), &t.to_text());
        let r = layout::receipt(&receipt(false), cols);
        golden(&format!("receipt-{cols}.txt"), &r.to_text());
        for doc in [&t, &r] {
            for line in doc.to_text().lines().filter(|l| !l.starts_with("[QR")) {
                assert!(line.chars().count() <= cols, "{line:?} wider than {cols}");
            }
        }
    }
    golden(
        "ticket-48-kopie.txt",
        &layout::kitchen_ticket(&ticket(true), 48).to_text(),
    );
}

#[test]
fn golden_kitchen_slips() {
    for cols in [32, 42, 48] {
        for (kind, name) in [
            (SlipKind::LineVoided, "void"),
            (SlipKind::OrderCancelled, "cancel"),
        ] {
            let doc = layout::kitchen_slip(&slip(kind, false), cols);
            let text = doc.to_text();
            for line in text.lines() {
                assert!(line.chars().count() <= cols, "{line:?} wider than {cols}");
            }
            golden(&format!("slip-{name}-{cols}.txt"), &text);
        }
    }
    golden(
        "slip-void-48-kopie.txt",
        &layout::kitchen_slip(&slip(SlipKind::LineVoided, true), 48).to_text(),
    );
}

/// What the kitchen must not miss is printed big and bold: VERVALLEN or GEANNULEERD and the
/// number; the line as on the ticket (halves, extras, without, note) and the reason follow.
#[test]
fn a_kitchen_slip_says_big_what_is_off_and_shows_the_line_as_the_ticket_did() {
    let profile = profile::by_id("epson-tm-t20iii").unwrap();
    for (kind, title) in [
        (SlipKind::LineVoided, "VERVALLEN"),
        (SlipKind::OrderCancelled, "GEANNULEERD"),
    ] {
        let doc = layout::kitchen_slip(&slip(kind, false), profile.columns);
        let big: Vec<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                forno_print::Block::Line {
                    text, big: true, ..
                } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(big, [title, "#017"], "{kind:?}");
        let printouts = decode(&encode::encode(&doc, &profile));
        assert_eq!(printouts.len(), 1);
        let p = &printouts[0];
        assert!(p.unknown().is_empty(), "{:?}", p.unknown());
        assert!(p.has(&Cmd::CharSize(0x11)), "printed double size");
        assert_eq!(p.cuts(), 1);
        assert_eq!(p.drawer_kicks(), 0);
        let text = p.text();
        assert!(text.contains(title), "{text}");
        assert!(
            text.contains("1x ½ Quattro Formaggi / ½ Salami") && text.contains("(Medium)"),
            "the line as the ticket shows it:\n{text}"
        );
        assert!(text.contains("½ Salami piccante: + Jalapeño"), "{text}");
        assert!(text.contains("½ Salami piccante: - ZONDER Uien"), "{text}");
        assert!(
            text.contains("Reden: Klant wil toch geen pizza, belde net"),
            "{text}"
        );
        assert!(text.contains("om 18:52"), "{text}");
        assert!(!text.contains('€'), "no prices:\n{text}");
        assert!(!text.contains("KOPIE"));
        match kind {
            SlipKind::LineVoided => {
                assert!(text.contains("OVEN"), "the station:\n{text}");
                assert!(
                    !text.contains("Margherita"),
                    "only the voided line:\n{text}"
                );
            }
            SlipKind::OrderCancelled => {
                assert!(text.contains("2x Margherita (Groot 35 cm)"), "{text}");
                assert!(text.contains("! Goed doorbakken"), "{text}");
                assert!(text.contains("2x Heineken"), "every line:\n{text}");
            }
        }
    }
}

#[test]
fn the_bytes_decode_to_the_same_text_with_the_expected_commands() {
    let profile = profile::by_id("epson-tm-t20iii").unwrap();
    let doc = layout::receipt(&receipt(true), profile.columns);
    let bytes = encode::encode(&doc, &profile);
    let printouts = decode(&bytes);
    assert_eq!(printouts.len(), 1);
    let p = &printouts[0];
    assert!(p.unknown().is_empty(), "{:?}", p.unknown());
    assert_eq!(p.commands[0], Cmd::Init);
    assert!(p.has(&Cmd::CodeTable(19)), "PC858");
    assert!(p.has(&Cmd::Cut { partial: true }));
    assert_eq!(p.drawer_kicks(), 0);
    assert!(p.has(&Cmd::QrData("https://pizza.example.nl/track/AbC123".into())));
    let text = p.text();
    assert!(text.contains("KOPIE"));
    assert!(text.contains("€ 48,40"), "{text}");
    assert!(text.contains("Anaïs") || !text.contains("Ana?s"));
    assert!(text.contains("Jalapeño"), "{text}");
    assert!(text.contains("té donker"), "{text}");
    // Every text line the decoder saw is a line of the plain rendering (big lines aside).
    let plain = doc.to_text();
    for line in p
        .lines
        .iter()
        .filter(|l| !l.trim().is_empty() && !l.contains("KOPIE"))
    {
        assert!(plain.contains(line.trim()), "{line:?} not in\n{plain}");
    }
}

#[test]
fn the_drawer_kick_is_a_pulse_on_pin_2_and_only_where_the_printer_has_a_port() {
    let with_port = profile::by_id("epson-tm-t88").unwrap();
    let printouts = decode(&encode::encode(&layout::drawer_kick(42), &with_port));
    assert_eq!(printouts[0].drawer_kicks(), 1);
    assert!(printouts[0].has(&Cmd::DrawerKick { pin: 0 }));
    assert!(printouts[0].lines.is_empty(), "prints nothing");
    let without = profile::by_id("generic-58mm").unwrap();
    assert_eq!(
        decode(&encode::encode(&layout::drawer_kick(32), &without))[0].drawer_kicks(),
        0
    );
}

#[test]
fn hostile_text_in_every_field_yields_no_command() {
    let attack = "\u{1b}@\u{1d}V\u{41}\u{0}\u{7}\u{1b}p\u{0}\u{19}\u{fa}\u{10}\u{4}\u{1}\u{1c}\u{9b}\r\n\u{7f}";
    let mut t = ticket(false);
    t.note = Some(attack.into());
    t.customer = Some(attack.into());
    t.lines[0].name = attack.into();
    t.lines[0].extras = vec![attack.into()];
    t.lines[0].note = Some(attack.into());
    let profile = profile::by_id("epson-tm-t20iii").unwrap();
    let p = &decode(&encode::encode(&layout::kitchen_ticket(&t, 48), &profile))[0];
    assert!(p.unknown().is_empty(), "{:?}", p.unknown());
    assert_eq!(p.cuts(), 1);
    assert_eq!(p.drawer_kicks(), 0);
    assert_eq!(p.commands.iter().filter(|c| **c == Cmd::Init).count(), 1);
    assert!(
        !p.commands
            .iter()
            .any(|c| matches!(c, Cmd::StatusRequest(_)))
    );
}

/// The 58 mm receipt's QR code: the generic 58 mm model has no QR command, so the code is drawn
/// as a raster image no wider than its 384 dots, and an independent QR reader reads the link.
#[test]
fn the_58mm_receipt_carries_a_qr_code_a_phone_can_read() {
    let profile = profile::by_id("generic-58mm").unwrap();
    let doc = layout::receipt(&receipt(false), profile.columns);
    let printouts = decode(&encode::encode(&doc, &profile));
    assert_eq!(printouts.len(), 1);
    let p = &printouts[0];
    assert!(p.unknown().is_empty(), "{:?}", p.unknown());
    assert!(
        !p.commands.iter().any(|c| matches!(c, Cmd::QrData(_))),
        "no GS ( k for a model without it"
    );
    for command in &p.commands {
        if let Cmd::Raster { width_bytes, .. } = command {
            assert!(
                width_bytes * 8 <= 384,
                "{width_bytes} bytes wider than 58 mm"
            );
        }
    }
    assert_eq!(
        escpos::raster_qr_texts(p),
        ["https://pizza.example.nl/track/AbC123"]
    );
    assert!(
        !p.text().contains("https://"),
        "the link is the QR code, not text:\n{}",
        p.text()
    );
}
