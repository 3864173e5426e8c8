//! Order request builders and the expected totals, computed in the test from the menu prices
//! with the rules of docs/api.md (never by asking the server).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::menu::{Item, Menu};

/// One cart line; `expected` knows how to price it from the menu.
#[derive(Debug, Clone)]
pub struct LineBuilder {
    item: Item,
    size: String,
    quantity: i64,
    extras: Vec<i64>,
    removed: Vec<i64>,
    note: Option<String>,
    second_half: Option<(Item, Vec<i64>)>,
}

impl LineBuilder {
    pub fn new(item: &Item, size: &str) -> Self {
        LineBuilder {
            item: item.clone(),
            size: size.to_string(),
            quantity: 1,
            extras: Vec::new(),
            removed: Vec::new(),
            note: None,
            second_half: None,
        }
    }

    pub fn quantity(mut self, n: i64) -> Self {
        self.quantity = n;
        self
    }

    pub fn extra(mut self, extra_id: i64) -> Self {
        self.extras.push(extra_id);
        self
    }

    pub fn without(mut self, ingredient_id: i64) -> Self {
        self.removed.push(ingredient_id);
        self
    }

    pub fn note(mut self, note: &str) -> Self {
        self.note = Some(note.to_string());
        self
    }

    /// Makes this a half-and-half pizza; `extras` are for the second half.
    pub fn second_half(mut self, item: &Item, extras: &[i64]) -> Self {
        self.second_half = Some((item.clone(), extras.to_vec()));
        self
    }

    pub fn json(&self) -> Value {
        let mut line = json!({
            "item_id": self.item.id,
            "size": self.size,
            "quantity": self.quantity,
            "extras": self.extras,
            "removed_ingredients": self.removed,
        });
        if let Some(note) = &self.note {
            line["note"] = json!(note);
        }
        if let Some((half, extras)) = &self.second_half {
            line["second_half"] =
                json!({ "item_id": half.id, "extras": extras, "removed_ingredients": [] });
        }
        line
    }

    /// The price of one unit: size price plus extras; for half-and-half the dearer half at
    /// this size, and each half's extras at half price, rounded up to a cent.
    pub fn unit_price(&self) -> i64 {
        let size = self.size.as_str();
        match &self.second_half {
            None => {
                self.item.price(size)
                    + self
                        .extras
                        .iter()
                        .map(|e| self.item.extra_price(*e, size))
                        .sum::<i64>()
            }
            Some((half, half_extras)) => {
                let halves = self.item.price(size).max(half.price(size));
                let first: i64 = self
                    .extras
                    .iter()
                    .map(|e| half_up_cents(self.item.extra_price(*e, size)))
                    .sum();
                let second: i64 = half_extras
                    .iter()
                    .map(|e| half_up_cents(half.extra_price(*e, size)))
                    .sum();
                halves + first + second
            }
        }
    }

    pub fn total(&self) -> i64 {
        self.unit_price() * self.quantity
    }

    pub fn vat_rate(&self) -> i64 {
        self.item.vat_rate_percent
    }
}

/// Half of a price, rounded up to a whole cent.
fn half_up_cents(cents: i64) -> i64 {
    (cents + 1) / 2
}

/// VAT contained in a VAT-inclusive amount: `round(gross × rate / (100 + rate))`, half up.
pub fn vat_in(gross: i64, rate: i64) -> i64 {
    (2 * gross * rate + (100 + rate)) / (2 * (100 + rate))
}

/// An order request (docs/api.md "Order request").
#[derive(Debug, Clone)]
pub struct OrderBuilder {
    lines: Vec<LineBuilder>,
    fulfilment: Value,
    requested_time: Value,
    contact: Option<Value>,
    note: Option<String>,
    channel: Option<String>,
}

impl OrderBuilder {
    /// A pickup order, ASAP, from Jan de Vries.
    pub fn pickup() -> Self {
        OrderBuilder {
            lines: Vec::new(),
            fulfilment: json!({ "type": "pickup" }),
            requested_time: Value::Null,
            contact: Some(json!({ "name": "Jan de Vries", "phone": "0612345678",
                                   "email": "jan@example.nl" })),
            note: None,
            channel: None,
        }
    }

    /// A delivery order to Kerkstraat 12a at `postcode`.
    pub fn delivery(postcode: &str) -> Self {
        OrderBuilder {
            fulfilment: json!({ "type": "delivery", "address": {
                "street": "Kerkstraat", "house_number": "12a",
                "postcode": postcode, "city": "Amsterdam" } }),
            ..OrderBuilder::pickup()
        }
    }

    /// A delivery order that forgot its address.
    pub fn delivery_without_address() -> Self {
        OrderBuilder {
            fulfilment: json!({ "type": "delivery" }),
            ..OrderBuilder::pickup()
        }
    }

    pub fn line(self, item: &Item, size: &str) -> Self {
        self.with(LineBuilder::new(item, size))
    }

    pub fn with(mut self, line: LineBuilder) -> Self {
        self.lines.push(line);
        self
    }

    pub fn contact(mut self, name: &str, phone: &str) -> Self {
        self.contact = Some(json!({ "name": name, "phone": phone }));
        self
    }

    pub fn no_contact(mut self) -> Self {
        self.contact = None;
        self
    }

    pub fn at(mut self, slot: &str) -> Self {
        self.requested_time = json!(slot);
        self
    }

    pub fn note(mut self, note: &str) -> Self {
        self.note = Some(note.to_string());
        self
    }

    pub fn channel(mut self, channel: &str) -> Self {
        self.channel = Some(channel.to_string());
        self
    }

    pub fn json(&self) -> Value {
        let mut body = json!({
            "lines": self.lines.iter().map(LineBuilder::json).collect::<Vec<_>>(),
            "fulfilment": self.fulfilment,
            "requested_time": self.requested_time,
        });
        if let Some(c) = &self.contact {
            body["contact"] = c.clone();
        }
        if let Some(n) = &self.note {
            body["note"] = json!(n);
        }
        if let Some(ch) = &self.channel {
            body["channel"] = json!(ch);
        }
        body
    }

    /// What the server must charge, given the zone's delivery fee (0 for pickup).
    pub fn expected(&self, delivery_fee_cents: i64) -> Expected {
        let lines: Vec<ExpectedLine> = self
            .lines
            .iter()
            .map(|l| ExpectedLine {
                unit_price_cents: l.unit_price(),
                total_cents: l.total(),
                vat_rate_percent: l.vat_rate(),
                vat_cents: vat_in(l.total(), l.vat_rate()),
            })
            .collect();
        let mut vat: BTreeMap<i64, (i64, i64)> = BTreeMap::new();
        for l in &lines {
            let g = vat.entry(l.vat_rate_percent).or_default();
            g.0 += l.total_cents;
            g.1 += l.vat_cents;
        }
        if delivery_fee_cents > 0 {
            let g = vat.entry(9).or_default();
            g.0 += delivery_fee_cents;
            g.1 += vat_in(delivery_fee_cents, 9);
        }
        let subtotal_cents = lines.iter().map(|l| l.total_cents).sum();
        Expected {
            lines,
            subtotal_cents,
            delivery_fee_cents,
            total_cents: subtotal_cents + delivery_fee_cents,
            vat,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedLine {
    pub unit_price_cents: i64,
    pub total_cents: i64,
    pub vat_rate_percent: i64,
    pub vat_cents: i64,
}

/// The totals an order or quote must show.
#[derive(Debug, Clone)]
pub struct Expected {
    pub lines: Vec<ExpectedLine>,
    pub subtotal_cents: i64,
    pub delivery_fee_cents: i64,
    pub total_cents: i64,
    /// rate → (gross, vat)
    pub vat: BTreeMap<i64, (i64, i64)>,
}

impl Expected {
    /// Compares the money of a quote or an order (staff or customer view) with this.
    pub fn assert_matches(&self, doc: &Value, what: &str) {
        let lines = doc["lines"]
            .as_array()
            .unwrap_or_else(|| panic!("{what} has no lines: {doc}"));
        assert_eq!(
            lines.len(),
            self.lines.len(),
            "{what}: number of lines in {doc}"
        );
        for (i, (got, want)) in lines.iter().zip(&self.lines).enumerate() {
            let got = ExpectedLine {
                unit_price_cents: got["unit_price_cents"].as_i64().unwrap_or(-1),
                total_cents: got["total_cents"].as_i64().unwrap_or(-1),
                vat_rate_percent: got["vat_rate_percent"].as_i64().unwrap_or(-1),
                vat_cents: got["vat_cents"].as_i64().unwrap_or(-1),
            };
            assert_eq!(&got, want, "{what}: line {i} (got vs. expected) in {doc}");
        }
        let cents = |k: &str| doc[k].as_i64().unwrap_or(-1);
        assert_eq!(
            cents("subtotal_cents"),
            self.subtotal_cents,
            "{what}: subtotal_cents"
        );
        assert_eq!(
            cents("delivery_fee_cents"),
            self.delivery_fee_cents,
            "{what}: delivery_fee_cents"
        );
        assert_eq!(
            cents("total_cents"),
            self.total_cents,
            "{what}: total_cents"
        );
        let vat: BTreeMap<i64, (i64, i64)> = doc["vat"]
            .as_array()
            .unwrap_or_else(|| panic!("{what} has no vat breakdown: {doc}"))
            .iter()
            .map(|g| {
                (
                    g["rate_percent"].as_i64().unwrap_or(-1),
                    (
                        g["gross_cents"].as_i64().unwrap_or(-1),
                        g["vat_cents"].as_i64().unwrap_or(-1),
                    ),
                )
            })
            .collect();
        assert_eq!(
            vat, self.vat,
            "{what}: VAT per rate (rate → (gross, vat)) in {doc}"
        );
    }
}

/// A big order (60 lines with long notes, some 30 KB as an event), so that the events for a
/// stuck client pile up quickly.
pub fn big_order(menu: &Menu, n: usize) -> Value {
    let pizza = menu.pizza();
    let mut order = OrderBuilder::pickup()
        .contact(&format!("Klant {n}"), "0612345678")
        .note(&"Bel aan bij de achterdeur, de voordeur klemt. ".repeat(10));
    for i in 0..60 {
        let size = &pizza.sizes[i % pizza.sizes.len()].code;
        let extra = pizza.extras[i % pizza.extras.len()].id;
        order = order.with(LineBuilder::new(pizza, size).extra(extra).note(&format!(
            "{i}: {}",
            "goed doorbakken, in stukken. ".repeat(10)
        )));
    }
    order.json()
}
