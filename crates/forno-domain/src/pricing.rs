//! Checks a cart against the menu and the delivery zones and prices it: per line, VAT per line,
//! totals from lines. The one place where Forno computes money.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::menu::{Item, Menu};
use crate::money::{Cents, VatRate, format_euro};
use crate::order::{Channel, Contact, Fulfilment, HalfRequest, LineRequest, OrderRequest};
use crate::validation::ValidationError;
use crate::zones::{DeliveryZone, Postcode, zone_for};

pub const MAX_QUANTITY: i64 = 99;
pub const MAX_LINES: usize = 100;
pub const MAX_NOTE_CHARS: usize = 500;
/// The delivery fee follows the main supply (the food), so it carries the reduced rate.
pub const DELIVERY_FEE_VAT: VatRate = VatRate::Reduced;

/// One half of a half-and-half pizza, as sold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricedHalf {
    pub item_id: i64,
    pub item_name: String,
    pub extras: Vec<String>,
    pub removed_ingredients: Vec<String>,
}

/// A cart line as sold: names are copied so the order keeps what was sold when the menu changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricedLine {
    pub item_id: i64,
    pub item_name: String,
    pub size_code: String,
    pub size_name: String,
    pub quantity: i64,
    pub extras: Vec<String>,
    pub removed_ingredients: Vec<String>,
    pub second_half: Option<PricedHalf>,
    pub note: Option<String>,
    pub unit_price: Cents,
    pub total: Cents,
    pub vat_rate: VatRate,
    pub vat: Cents,
}

impl PricedLine {
    /// "2× Margherita / Salami 30 cm", as a ticket or receipt shows it.
    pub fn description(&self) -> String {
        let name = match &self.second_half {
            Some(half) => format!("½ {} / ½ {}", self.item_name, half.item_name),
            None => self.item_name.clone(),
        };
        if self.size_code == "regular" {
            format!("{}× {}", self.quantity, name)
        } else {
            format!("{}× {} {}", self.quantity, name, self.size_name)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatTotal {
    pub rate: VatRate,
    pub gross: Cents,
    pub vat: Cents,
}

/// The zone an order is delivered in, as it was when ordered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneRef {
    pub id: i64,
    pub name: String,
    pub extra_minutes: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PricedOrder {
    pub lines: Vec<PricedLine>,
    pub subtotal: Cents,
    pub delivery_fee: Cents,
    pub total: Cents,
    pub vat: Vec<VatTotal>,
    pub zone: Option<ZoneRef>,
}

impl PricedOrder {
    /// VAT totals per rate from the lines and the delivery fee; each line was rounded on its own.
    pub fn vat_totals(lines: &[PricedLine], delivery_fee: Cents) -> Vec<VatTotal> {
        let mut by_rate: BTreeMap<VatRate, (Cents, Cents)> = BTreeMap::new();
        for line in lines {
            let entry = by_rate.entry(line.vat_rate).or_default();
            entry.0 += line.total;
            entry.1 += line.vat;
        }
        if delivery_fee > 0 {
            let entry = by_rate.entry(DELIVERY_FEE_VAT).or_default();
            entry.0 += delivery_fee;
            entry.1 += DELIVERY_FEE_VAT.vat_in(delivery_fee);
        }
        by_rate
            .into_iter()
            .map(|(rate, (gross, vat))| VatTotal { rate, gross, vat })
            .collect()
    }
}

/// Checks every rule of a cart against the menu and zones and prices it. Time and the shop's
/// pause switch are checked elsewhere (`hours`), since they need the clock.
pub fn price_order(
    menu: &Menu,
    zones: &[DeliveryZone],
    request: &OrderRequest,
) -> Result<PricedOrder, ValidationError> {
    if request.lines.is_empty() {
        return Err(ValidationError::field(
            "lines",
            "The order is empty: add at least one item.",
        ));
    }
    if request.lines.len() > MAX_LINES {
        return Err(ValidationError::field(
            "lines",
            format!("An order can have at most {MAX_LINES} lines."),
        ));
    }
    let lines = request
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| price_line(menu, line, &format!("lines[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let subtotal: Cents = lines.iter().map(|l| l.total).sum();

    check_note(request.note.as_deref(), "note")?;
    check_contact(
        request.channel,
        &request.fulfilment,
        request.contact.as_ref(),
    )?;

    let (delivery_fee, zone) = match &request.fulfilment {
        Fulfilment::Pickup => (0, None),
        Fulfilment::Delivery { address } => {
            let zone = delivery_zone(zones, address)?;
            if subtotal < zone.minimum_order {
                return Err(ValidationError::field(
                    "lines",
                    format!(
                        "Delivery to {} needs an order of at least {}; this order is {}. Add {} more or choose pickup.",
                        zone.name,
                        format_euro(zone.minimum_order),
                        format_euro(subtotal),
                        format_euro(zone.minimum_order - subtotal)
                    ),
                ));
            }
            (
                zone.fee,
                Some(ZoneRef {
                    id: zone.id,
                    name: zone.name.clone(),
                    extra_minutes: zone.extra_minutes,
                }),
            )
        }
    };

    let vat = PricedOrder::vat_totals(&lines, delivery_fee);
    Ok(PricedOrder {
        subtotal,
        delivery_fee,
        total: subtotal + delivery_fee,
        vat,
        zone,
        lines,
    })
}

fn price_line(menu: &Menu, line: &LineRequest, field: &str) -> Result<PricedLine, ValidationError> {
    if !(1..=MAX_QUANTITY).contains(&line.quantity) {
        return Err(ValidationError::field(
            format!("{field}.quantity"),
            format!(
                "Quantity must be between 1 and {MAX_QUANTITY}; got {}.",
                line.quantity
            ),
        ));
    }
    let item = orderable_item(menu, line.item_id, &format!("{field}.item_id"))?;
    let size_code = match &line.size {
        Some(code) => code.clone(),
        None if item.sizes.len() == 1 => item.sizes[0].code.clone(),
        None => {
            return Err(ValidationError::field(
                format!("{field}.size"),
                format!(
                    "Choose a size for {}: {}.",
                    item.name.nl,
                    item.size_codes().join(", ")
                ),
            ));
        }
    };
    let size = item.size(&size_code).ok_or_else(|| {
        ValidationError::field(
            format!("{field}.size"),
            format!(
                "{} does not come in size \"{}\"; choose {}.",
                item.name.nl,
                size_code,
                item.size_codes().join(", ")
            ),
        )
    })?;
    check_note(line.note.as_deref(), &format!("{field}.note"))?;

    let first = HalfRequest {
        item_id: line.item_id,
        extras: line.extras.clone(),
        removed_ingredients: line.removed_ingredients.clone(),
    };
    let (base_price, extras, removed, extras_price, second_half) = match &line.second_half {
        None => {
            let (extras, extras_price) = chosen_extras(menu, item, &first, &size_code, field, 1)?;
            let removed = removed_ingredients(item, &first, field)?;
            (size.price, extras, removed, extras_price, None)
        }
        Some(second) => {
            let category = menu.category(item.category_id);
            if !category.is_some_and(|c| c.halves_allowed) {
                return Err(ValidationError::field(
                    format!("{field}.second_half"),
                    format!("{} cannot be ordered half-and-half.", item.name.nl),
                ));
            }
            let half_field = format!("{field}.second_half");
            let other = orderable_item(menu, second.item_id, &format!("{half_field}.item_id"))?;
            if other.category_id != item.category_id {
                return Err(ValidationError::field(
                    format!("{half_field}.item_id"),
                    format!(
                        "Both halves must come from the same category; {} and {} do not.",
                        item.name.nl, other.name.nl
                    ),
                ));
            }
            let other_size = other.size(&size_code).ok_or_else(|| {
                ValidationError::field(
                    format!("{field}.size"),
                    format!(
                        "{} does not come in size \"{}\", so it cannot be the other half.",
                        other.name.nl, size_code
                    ),
                )
            })?;
            let (extras, first_extras_price) =
                chosen_extras(menu, item, &first, &size_code, field, 2)?;
            let removed = removed_ingredients(item, &first, field)?;
            let (other_extras, other_extras_price) =
                chosen_extras(menu, other, second, &size_code, &half_field, 2)?;
            let other_removed = removed_ingredients(other, second, &half_field)?;
            (
                size.price.max(other_size.price),
                extras,
                removed,
                first_extras_price + other_extras_price,
                Some(PricedHalf {
                    item_id: other.id,
                    item_name: other.name.nl.clone(),
                    extras: other_extras,
                    removed_ingredients: other_removed,
                }),
            )
        }
    };

    let unit_price = base_price + extras_price;
    let total = unit_price * line.quantity;
    Ok(PricedLine {
        item_id: item.id,
        item_name: item.name.nl.clone(),
        size_code: size.code.clone(),
        size_name: size.name.nl.clone(),
        quantity: line.quantity,
        extras,
        removed_ingredients: removed,
        second_half,
        note: clean_note(line.note.as_deref()),
        unit_price,
        total,
        vat_rate: item.vat,
        vat: item.vat.vat_in(total),
    })
}

fn orderable_item<'m>(menu: &'m Menu, id: i64, field: &str) -> Result<&'m Item, ValidationError> {
    let item = menu.item(id).ok_or_else(|| {
        ValidationError::field(
            field,
            format!("There is no item {id} on the menu; reload the menu and try again."),
        )
    })?;
    if item.sold_out {
        return Err(ValidationError::field(
            field,
            format!(
                "{} is sold out right now; please choose something else.",
                item.name.nl
            ),
        ));
    }
    Ok(item)
}

/// The chosen extras' names and price. On a half-and-half pizza (`parts` = 2) an extra covers
/// half the pizza and costs half its price, rounded up to the cent.
fn chosen_extras(
    menu: &Menu,
    item: &Item,
    half: &HalfRequest,
    size_code: &str,
    field: &str,
    parts: i64,
) -> Result<(Vec<String>, Cents), ValidationError> {
    let mut names = Vec::new();
    let mut price = 0;
    for (i, extra_id) in half.extras.iter().enumerate() {
        let extra = menu
            .extra(*extra_id)
            .filter(|_| item.extras.contains(extra_id))
            .ok_or_else(|| {
                ValidationError::field(
                    format!("{field}.extras[{i}]"),
                    format!("Extra {extra_id} cannot be added to {}.", item.name.nl),
                )
            })?;
        if half.extras[..i].contains(extra_id) {
            return Err(ValidationError::field(
                format!("{field}.extras[{i}]"),
                format!("{} is listed twice; add it once.", extra.name.nl),
            ));
        }
        names.push(extra.name.nl.clone());
        price += (extra.price_for(size_code) + parts - 1) / parts;
    }
    Ok((names, price))
}

fn removed_ingredients(
    item: &Item,
    half: &HalfRequest,
    field: &str,
) -> Result<Vec<String>, ValidationError> {
    half.removed_ingredients
        .iter()
        .enumerate()
        .map(|(i, id)| {
            item.ingredients
                .iter()
                .find(|ing| ing.id == *id)
                .map(|ing| ing.name.nl.clone())
                .ok_or_else(|| {
                    ValidationError::field(
                        format!("{field}.removed_ingredients[{i}]"),
                        format!("{} has no ingredient {id} to leave off.", item.name.nl),
                    )
                })
        })
        .collect()
}

fn delivery_zone<'z>(
    zones: &'z [DeliveryZone],
    address: &crate::order::Address,
) -> Result<&'z DeliveryZone, ValidationError> {
    for (name, value) in [
        ("street", &address.street),
        ("house_number", &address.house_number),
        ("city", &address.city),
    ] {
        if value.trim().is_empty() {
            return Err(ValidationError::field(
                format!("fulfilment.address.{name}"),
                format!("Fill in the {} for delivery.", name.replace('_', " ")),
            ));
        }
    }
    let postcode = Postcode::parse(&address.postcode).ok_or_else(|| {
        ValidationError::field(
            "fulfilment.address.postcode",
            format!(
                "\"{}\" is not a Dutch postcode; write it as 1234 AB.",
                address.postcode
            ),
        )
    })?;
    zone_for(zones, postcode).ok_or_else(|| {
        ValidationError::field(
            "fulfilment.address.postcode",
            format!("Sorry, we do not deliver to {postcode}. You can choose pickup instead."),
        )
    })
}

fn check_contact(
    channel: Channel,
    fulfilment: &Fulfilment,
    contact: Option<&Contact>,
) -> Result<(), ValidationError> {
    // A walk-in at the counter may stay anonymous; anyone we must call or find needs a name and
    // phone number.
    let required = channel == Channel::Web || fulfilment.is_delivery();
    let Some(contact) = contact else {
        return if required {
            Err(ValidationError::field(
                "contact",
                "Fill in a name and phone number so the shop can reach you.",
            ))
        } else {
            Ok(())
        };
    };
    if required && contact.name.trim().is_empty() {
        return Err(ValidationError::field("contact.name", "Fill in your name."));
    }
    if contact.name.chars().count() > 100 {
        return Err(ValidationError::field(
            "contact.name",
            "The name is too long (at most 100 characters).",
        ));
    }
    let digits = contact.phone.chars().filter(|c| c.is_ascii_digit()).count();
    let phone_ok = contact
        .phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c));
    if (required || !contact.phone.is_empty()) && (!phone_ok || !(8..=15).contains(&digits)) {
        return Err(ValidationError::field(
            "contact.phone",
            format!(
                "\"{}\" is not a phone number; write it like 06 12345678 or +31 6 12345678.",
                contact.phone
            ),
        ));
    }
    if let Some(email) = contact.email.as_deref().filter(|e| !e.is_empty()) {
        let valid = email.len() <= 254
            && email
                .split_once('@')
                .is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.'))
            && !email.contains(char::is_whitespace);
        if !valid {
            return Err(ValidationError::field(
                "contact.email",
                format!("\"{email}\" is not an email address."),
            ));
        }
    }
    Ok(())
}

fn check_note(note: Option<&str>, field: &str) -> Result<(), ValidationError> {
    match note {
        Some(note) if note.chars().count() > MAX_NOTE_CHARS => Err(ValidationError::field(
            field,
            format!("The note is too long (at most {MAX_NOTE_CHARS} characters)."),
        )),
        _ => Ok(()),
    }
}

fn clean_note(note: Option<&str>) -> Option<String> {
    note.map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests;
