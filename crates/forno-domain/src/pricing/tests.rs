use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;
use crate::menu::{Category, Extra, Ingredient, Item, Size, Translated};
use crate::order::{Address, RequestedTime};

/// A tiny menu: pizzas Margherita (1) and Salami (2) in three sizes, a sold-out Tonno (3),
/// a beer at 21% (4), extra cheese (1) for pizzas only.
fn menu() -> Menu {
    let sizes = |base: Cents| {
        ["25", "30", "35"]
            .iter()
            .enumerate()
            .map(|(i, code)| Size {
                code: code.to_string(),
                name: Translated::new(&format!("{code} cm"), &format!("{code} cm")),
                price: base + 250 * i as Cents,
            })
            .collect::<Vec<_>>()
    };
    let pizza = |id: i64, name: &str, base: Cents| Item {
        id,
        category_id: 1,
        name: Translated::new(name, name),
        description: Translated::default(),
        vat: VatRate::Reduced,
        sizes: sizes(base),
        extras: vec![1],
        ingredients: vec![Ingredient {
            id: 10 + id,
            name: Translated::new("Basilicum", "Basil"),
        }],
        allergens: vec![],
        sold_out: false,
        position: id,
        extra_prices: BTreeMap::new(),
        available: None,
        photo: None,
    };
    let mut tonno = pizza(3, "Tonno", 1200);
    tonno.sold_out = true;
    Menu {
        categories: vec![
            Category {
                id: 1,
                name: Translated::new("Pizza's", "Pizzas"),
                position: 1,
                halves_allowed: true,
                vat: VatRate::Reduced,
            },
            Category {
                id: 2,
                name: Translated::new("Dranken", "Drinks"),
                position: 2,
                halves_allowed: false,
                vat: VatRate::Reduced,
            },
        ],
        items: vec![
            pizza(1, "Margherita", 950),
            pizza(2, "Salami", 1150),
            tonno,
            Item {
                id: 4,
                category_id: 2,
                name: Translated::new("Peroni", "Peroni"),
                description: Translated::default(),
                vat: VatRate::Standard,
                sizes: vec![Size {
                    code: "regular".into(),
                    name: Translated::new("33 cl", "33 cl"),
                    price: 350,
                }],
                extras: vec![],
                ingredients: vec![],
                allergens: vec![],
                sold_out: false,
                position: 1,
                extra_prices: BTreeMap::new(),
                available: None,
                photo: None,
            },
        ],
        extras: vec![Extra {
            id: 1,
            name: Translated::new("Extra kaas", "Extra cheese"),
            default_price: 100,
            price_by_size: BTreeMap::from([("30".into(), 150), ("35".into(), 201)]),
        }],
    }
}

fn zones() -> Vec<DeliveryZone> {
    vec![DeliveryZone {
        id: 1,
        name: "Centrum".into(),
        postcodes: vec!["1011-1018".into()],
        fee: 250,
        minimum_order: 1500,
        extra_minutes: 10,
    }]
}

fn line(item_id: i64, size: Option<&str>, quantity: i64) -> LineRequest {
    LineRequest {
        item_id,
        size: size.map(str::to_owned),
        quantity,
        ..LineRequest::default()
    }
}

fn pickup(lines: Vec<LineRequest>) -> OrderRequest {
    OrderRequest {
        channel: Channel::Web,
        lines,
        fulfilment: Fulfilment::Pickup,
        requested_time: RequestedTime::Asap,
        contact: Some(Contact {
            name: "Jan".into(),
            phone: "0612345678".into(),
            email: None,
        }),
        note: None,
        language: crate::Lang::Nl,
    }
}

fn delivery(lines: Vec<LineRequest>, postcode: &str) -> OrderRequest {
    OrderRequest {
        fulfilment: Fulfilment::Delivery {
            address: Address {
                street: "Kerkstraat".into(),
                house_number: "12".into(),
                postcode: postcode.into(),
                city: "Amsterdam".into(),
            },
        },
        ..pickup(lines)
    }
}

fn field_of(result: Result<PricedOrder, ValidationError>) -> String {
    result.unwrap_err().field.unwrap_or_default()
}

#[test]
fn a_pizza_and_a_beer_carry_their_own_vat() {
    let mut pizza = line(1, Some("30"), 2);
    pizza.extras = vec![1];
    let order = price_order(&menu(), &zones(), &pickup(vec![pizza, line(4, None, 1)])).unwrap();
    // Margherita 30 = 12.00 + extra cheese 1.50 = 13.50; ×2 = 27.00 at 9% -> 2.23
    assert_eq!(order.lines[0].unit_price, 1350);
    assert_eq!(order.lines[0].total, 2700);
    assert_eq!(order.lines[0].vat, 223);
    // Beer 3.50 at 21% -> 0.61
    assert_eq!(order.lines[1].vat, 61);
    assert_eq!(order.total, 3050);
    assert_eq!(order.vat.len(), 2);
    assert_eq!(order.lines[0].description(), "2× Margherita 30 cm");
    assert_eq!(order.lines[1].description(), "1× Peroni");
}

#[test]
fn half_and_half_costs_the_dearer_half_plus_half_extras() {
    let mut half = line(1, Some("35"), 1);
    half.second_half = Some(HalfRequest {
        item_id: 2,
        extras: vec![1],
        removed_ingredients: vec![12],
    });
    let order = price_order(&menu(), &zones(), &pickup(vec![half])).unwrap();
    // Salami 35 = 16.50 is dearer than Margherita 35 = 14.50; half extra cheese 2.01 -> 1.01
    assert_eq!(order.lines[0].unit_price, 1650 + 101);
    assert_eq!(
        order.lines[0]
            .second_half
            .as_ref()
            .unwrap()
            .removed_ingredients,
        vec!["Basilicum"]
    );
    assert_eq!(
        order.lines[0].description(),
        "1× ½ Margherita / ½ Salami 35 cm"
    );
}

#[test]
fn delivery_adds_the_zone_fee_and_checks_the_minimum() {
    let order = price_order(
        &menu(),
        &zones(),
        &delivery(vec![line(2, Some("30"), 2)], "1017 gm"),
    )
    .unwrap();
    assert_eq!(order.delivery_fee, 250);
    assert_eq!(order.total, 2 * 1400 + 250);
    assert_eq!(order.zone.unwrap().name, "Centrum");

    let small = price_order(
        &menu(),
        &zones(),
        &delivery(vec![line(1, Some("25"), 1)], "1017GM"),
    );
    let err = small.unwrap_err();
    assert!(
        err.message.en().contains("at least € 15,00"),
        "{}",
        err.message
    );
    assert!(
        err.message.nl().contains("kan vanaf € 15,00"),
        "{}",
        err.message.nl()
    );
    let outside = delivery(vec![line(2, Some("35"), 2)], "9999 ZZ");
    assert_eq!(
        field_of(price_order(&menu(), &zones(), &outside)),
        "fulfilment.address.postcode"
    );
}

#[test]
fn texts_with_printer_commands_are_refused_and_the_rest_is_trimmed() {
    let mut order = pickup(vec![line(1, Some("30"), 1)]);
    order.contact.as_mut().unwrap().name = "Jan\u{1b}p\u{0}".into();
    assert_eq!(
        field_of(price_order(&menu(), &zones(), &order)),
        "contact.name"
    );

    let mut order = pickup(vec![line(1, Some("30"), 1), line(4, None, 1)]);
    order.lines[1].note = Some("\u{1b}@\u{1d}V\u{0} cut".into());
    assert_eq!(
        field_of(price_order(&menu(), &zones(), &order)),
        "lines[1].note"
    );

    let mut order = delivery(vec![line(2, Some("35"), 2)], "1017 GM");
    if let Fulfilment::Delivery { address } = &mut order.fulfilment {
        address.street = "Kerkstraat\u{202E}".into();
    }
    assert_eq!(
        field_of(price_order(&menu(), &zones(), &order)),
        "fulfilment.address.street"
    );

    let mut order = pickup(vec![line(1, Some("30"), 1)]);
    order.note = Some("  Bel niet aan,\nbaby slaapt  ".into());
    order.lines[0].note = Some("   ".into());
    order.contact.as_mut().unwrap().name = " Jan ".into();
    let tidy = order.clone().tidy().unwrap();
    assert_eq!(tidy.note.as_deref(), Some("Bel niet aan,\nbaby slaapt"));
    assert_eq!(tidy.lines[0].note, None);
    assert_eq!(tidy.contact.unwrap().name, "Jan");
    let priced = price_order(&menu(), &zones(), &order).unwrap();
    assert_eq!(priced.lines[0].note, None);
}

#[test]
fn every_broken_rule_names_its_field() {
    let m = menu();
    let z = zones();
    let case = |lines: Vec<LineRequest>| field_of(price_order(&m, &z, &pickup(lines)));
    assert_eq!(case(vec![]), "lines");
    assert_eq!(case(vec![line(99, Some("30"), 1)]), "lines[0].item_id");
    assert_eq!(case(vec![line(3, Some("30"), 1)]), "lines[0].item_id");
    assert_eq!(case(vec![line(1, Some("40"), 1)]), "lines[0].size");
    assert_eq!(case(vec![line(1, None, 1)]), "lines[0].size");
    assert_eq!(
        case(vec![line(4, None, 1), line(1, Some("30"), 0)]),
        "lines[1].quantity"
    );
    assert_eq!(case(vec![line(1, Some("30"), 100)]), "lines[0].quantity");
    let mut beer_with_cheese = line(4, None, 1);
    beer_with_cheese.extras = vec![1];
    assert_eq!(case(vec![beer_with_cheese]), "lines[0].extras[0]");
    let mut half_beer = line(1, Some("30"), 1);
    half_beer.second_half = Some(HalfRequest {
        item_id: 4,
        ..HalfRequest::default()
    });
    assert_eq!(case(vec![half_beer]), "lines[0].second_half.item_id");

    let mut no_contact = pickup(vec![line(1, Some("30"), 1)]);
    no_contact.contact = None;
    assert_eq!(field_of(price_order(&m, &z, &no_contact)), "contact");
    no_contact.channel = Channel::Counter;
    assert!(
        price_order(&m, &z, &no_contact).is_ok(),
        "walk-ins may stay anonymous"
    );
    let mut bad_phone = pickup(vec![line(1, Some("30"), 1)]);
    bad_phone.contact.as_mut().unwrap().phone = "call me".into();
    assert_eq!(field_of(price_order(&m, &z, &bad_phone)), "contact.phone");
}

fn any_line() -> impl Strategy<Value = LineRequest> {
    (
        prop::sample::select(vec![1i64, 2, 4]),
        prop::sample::select(vec!["25", "30", "35"]),
        1i64..=99,
        any::<bool>(),
        prop::option::of(prop::sample::select(vec![1i64, 2])),
    )
        .prop_map(|(item_id, size, quantity, cheese, half)| {
            let is_pizza = item_id != 4;
            LineRequest {
                item_id,
                size: is_pizza.then(|| size.to_owned()),
                quantity,
                extras: if cheese && is_pizza { vec![1] } else { vec![] },
                second_half: half.filter(|_| is_pizza).map(|item_id| HalfRequest {
                    item_id,
                    extras: if cheese { vec![1] } else { vec![] },
                    removed_ingredients: vec![],
                }),
                ..LineRequest::default()
            }
        })
}

proptest! {
    /// Totals always come from the lines, VAT per rate sums the per-line VAT, and no line's VAT is
    /// off by more than half a cent from the exact figure.
    #[test]
    fn totals_and_vat_add_up(lines in prop::collection::vec(any_line(), 1..12), deliver in any::<bool>()) {
        let request = if deliver { delivery(lines, "1012 AB") } else { pickup(lines) };
        match price_order(&menu(), &zones(), &request) {
            Ok(order) => {
                let sum: Cents = order.lines.iter().map(|l| l.total).sum();
                prop_assert_eq!(order.subtotal, sum);
                prop_assert_eq!(order.total, sum + order.delivery_fee);
                let gross: Cents = order.vat.iter().map(|v| v.gross).sum();
                prop_assert_eq!(gross, order.total);
                let line_vat: Cents = order.lines.iter().map(|l| l.vat).sum::<Cents>()
                    + DELIVERY_FEE_VAT.vat_in(order.delivery_fee);
                prop_assert_eq!(order.vat.iter().map(|v| v.vat).sum::<Cents>(), line_vat);
                for l in &order.lines {
                    prop_assert_eq!(l.total, l.unit_price * l.quantity);
                    let exact = l.total as f64 * l.vat_rate.percent() as f64 / (100.0 + l.vat_rate.percent() as f64);
                    prop_assert!((l.vat as f64 - exact).abs() <= 0.5 + 1e-9);
                }
            }
            Err(e) => {
                // The only rule random valid lines can break is the delivery minimum.
                prop_assert!(deliver && e.message.en().contains("at least"), "{}", e.message);
            }
        }
    }

    /// A half-and-half never costs less than either half ordered whole (without extras).
    #[test]
    fn half_and_half_never_undercuts_a_whole_pizza(a in 1i64..=2, b in 1i64..=2, size in prop::sample::select(vec!["25", "30", "35"])) {
        let m = menu();
        let mut half = line(a, Some(size), 1);
        half.second_half = Some(HalfRequest { item_id: b, ..HalfRequest::default() });
        let price = price_order(&m, &zones(), &pickup(vec![half])).unwrap().total;
        for id in [a, b] {
            let whole = price_order(&m, &zones(), &pickup(vec![line(id, Some(size), 1)])).unwrap().total;
            prop_assert!(price >= whole);
        }
    }
}

#[test]
fn lines_alone_are_priced_as_in_an_order_and_sold_out_lines_are_named() {
    let m = menu();
    let lines = vec![line(1, Some("30"), 2), line(2, Some("25"), 1)];
    let alone = price_lines(&m, &lines).unwrap();
    let ordered = price_order(&m, &zones(), &pickup(lines)).unwrap();
    assert_eq!(alone.lines, ordered.lines);
    assert_eq!(alone.subtotal, ordered.subtotal);
    assert_eq!(alone.vat, ordered.vat);
    assert_eq!(alone.delivery_fee, 0);

    let sold_out = price_lines(&m, &[line(1, Some("30"), 1), line(3, Some("30"), 1)]).unwrap_err();
    assert_eq!(sold_out.field.as_deref(), Some("lines[1].item_id"));
}

#[test]
fn a_quote_before_the_contact_is_typed_prices_but_an_order_needs_one() {
    let m = menu();
    let mut request = pickup(vec![line(1, Some("30"), 1)]);
    request.contact = None;
    let quoted = price_quote(&m, &zones(), &request).unwrap();
    assert_eq!(quoted.total, 1200);
    let refused = price_order(&m, &zones(), &request).unwrap_err();
    assert_eq!(refused.field.as_deref(), Some("contact"));
    // A contact that is sent is checked, also in a quote.
    request.contact = Some(Contact {
        name: "Jan".into(),
        phone: "12".into(),
        email: None,
    });
    let bad_phone = price_quote(&m, &zones(), &request).unwrap_err();
    assert_eq!(bad_phone.field.as_deref(), Some("contact.phone"));
}

#[test]
fn an_items_own_extra_price_wins_over_the_extras_price_in_that_size_only() {
    let mut m = menu();
    m.items[0].extra_prices = BTreeMap::from([(1, BTreeMap::from([("30".to_string(), 275)]))]);
    let mut with_cheese = line(1, Some("30"), 1);
    with_cheese.extras = vec![1];
    let mut small = line(1, Some("25"), 1);
    small.extras = vec![1];
    let priced = price_lines(&m, &[with_cheese, small]).unwrap();
    let margherita = &m.items[0];
    let (size_30, size_25) = (
        margherita.size("30").unwrap().price,
        margherita.size("25").unwrap().price,
    );
    assert_eq!(priced.lines[0].unit_price, size_30 + 275);
    // 25 has no price of its own on this item: the extra's default (100).
    assert_eq!(priced.lines[1].unit_price, size_25 + 100);
}
