//! Checks a cart against the menu and the delivery zones and prices it: per line, VAT per line,
//! totals from lines. The one place where Forno computes money.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::menu::{Item, Menu};
use crate::money::{Cents, VatRate, format_euro};
use crate::msg;
use crate::order::{Channel, Contact, Fulfilment, HalfRequest, LineRequest, OrderRequest};
use crate::validation::ValidationError;
use crate::zones::{DeliveryZone, Postcode, zone_for};

pub const MAX_QUANTITY: i64 = 99;
pub const MAX_LINES: usize = 100;
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

/// Checks every rule of a cart against the menu and zones and prices it, the texts the client
/// typed included (`OrderRequest::tidy`). Time and the shop's pause switch are checked
/// elsewhere (`hours`), since they need the clock.
pub fn price_order(
    menu: &Menu,
    zones: &[DeliveryZone],
    request: &OrderRequest,
) -> Result<PricedOrder, ValidationError> {
    price(menu, zones, request, ContactRule::Checked)
}

/// `price_order` for a quote: a contact, when sent, is checked as for an order; none yet is
/// fine (the checkout shows totals and the delivery fee before the customer types who they
/// are). Placing the order still needs one.
pub fn price_quote(
    menu: &Menu,
    zones: &[DeliveryZone],
    request: &OrderRequest,
) -> Result<PricedOrder, ValidationError> {
    let rule = if request.contact.is_some() {
        ContactRule::Checked
    } else {
        ContactRule::NotYet
    };
    price(menu, zones, request, rule)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ContactRule {
    Checked,
    NotYet,
}

fn price(
    menu: &Menu,
    zones: &[DeliveryZone],
    request: &OrderRequest,
    contact_rule: ContactRule,
) -> Result<PricedOrder, ValidationError> {
    if request.lines.is_empty() {
        return Err(ValidationError::field(
            "lines",
            msg!(
                nl: "Je bestelling is nog leeg: kies eerst iets van de kaart.",
                en: "The order is empty: add at least one item."
            ),
        ));
    }
    if request.lines.len() > MAX_LINES {
        return Err(ValidationError::field(
            "lines",
            msg!(
                nl: "Een bestelling heeft hooguit {MAX_LINES} regels.",
                en: "An order can have at most {MAX_LINES} lines."
            ),
        ));
    }
    let request = &request.clone().tidy()?;
    let lines = request
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| price_line(menu, line, &format!("lines[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let subtotal: Cents = lines.iter().map(|l| l.total).sum();

    if contact_rule == ContactRule::Checked {
        check_contact(
            request.channel,
            &request.fulfilment,
            request.contact.as_ref(),
        )?;
    }

    let (delivery_fee, zone) = match &request.fulfilment {
        Fulfilment::Pickup => (0, None),
        Fulfilment::Delivery { address } => {
            let zone = delivery_zone(zones, address)?;
            if subtotal < zone.minimum_order {
                let (zone_name, minimum, this_order, more) = (
                    &zone.name,
                    format_euro(zone.minimum_order),
                    format_euro(subtotal),
                    format_euro(zone.minimum_order - subtotal),
                );
                return Err(ValidationError::field(
                    "lines",
                    msg!(
                        nl: "Bezorgen in {zone_name} kan vanaf {minimum}; je bestelling is nu {this_order}. Bestel nog {more} bij of kies afhalen.",
                        en: "Delivery to {zone_name} needs an order of at least {minimum}; this order is {this_order}. Add {more} more or choose pickup."
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

/// Prices cart lines alone, before the customer has said how and when they want them: the
/// ordering page's item dialog and cart. Same checks and prices as `price_order` (the lines are
/// tidied and priced by the same code); no fulfilment, contact or delivery fee yet, so the
/// subtotal is the total and VAT covers the lines only.
pub fn price_lines(menu: &Menu, lines: &[LineRequest]) -> Result<PricedOrder, ValidationError> {
    // A pickup at the counter needs no contact and no address: what is left is the lines.
    let request = OrderRequest {
        channel: Channel::Counter,
        lines: lines.to_vec(),
        fulfilment: Fulfilment::Pickup,
        requested_time: crate::order::RequestedTime::Asap,
        contact: None,
        note: None,
        language: crate::Lang::default(),
    };
    price_order(menu, &[], &request)
}

fn price_line(menu: &Menu, line: &LineRequest, field: &str) -> Result<PricedLine, ValidationError> {
    if !(1..=MAX_QUANTITY).contains(&line.quantity) {
        let quantity = line.quantity;
        return Err(ValidationError::field(
            format!("{field}.quantity"),
            msg!(
                nl: "Het aantal ligt tussen 1 en {MAX_QUANTITY}; je koos {quantity}.",
                en: "Quantity must be between 1 and {MAX_QUANTITY}; got {quantity}."
            ),
        ));
    }
    let item = orderable_item(menu, line.item_id, &format!("{field}.item_id"))?;
    let (naam, name) = item.name.both();
    let sizes = item.size_codes().join(", ");
    let size_code = match &line.size {
        Some(code) => code.clone(),
        None if item.sizes.len() == 1 => item.sizes[0].code.clone(),
        None => {
            return Err(ValidationError::field(
                format!("{field}.size"),
                msg!(
                    nl: "Kies een maat voor {naam}: {sizes}.",
                    en: "Choose a size for {name}: {sizes}."
                ),
            ));
        }
    };
    let size = item.size(&size_code).ok_or_else(|| {
        ValidationError::field(
            format!("{field}.size"),
            msg!(
                nl: "{naam} hebben we niet in maat \"{size_code}\"; kies {sizes}.",
                en: "{name} does not come in size \"{size_code}\"; choose {sizes}."
            ),
        )
    })?;

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
                    msg!(
                        nl: "{naam} kun je niet half-half bestellen.",
                        en: "{name} cannot be ordered half-and-half."
                    ),
                ));
            }
            let half_field = format!("{field}.second_half");
            let other = orderable_item(menu, second.item_id, &format!("{half_field}.item_id"))?;
            let (andere, other_name) = other.name.both();
            if other.category_id != item.category_id {
                return Err(ValidationError::field(
                    format!("{half_field}.item_id"),
                    msg!(
                        nl: "Beide helften moeten uit dezelfde categorie komen; dat geldt niet voor {naam} en {andere}.",
                        en: "Both halves must come from the same category; {name} and {other_name} do not."
                    ),
                ));
            }
            let other_size = other.size(&size_code).ok_or_else(|| {
                ValidationError::field(
                    format!("{field}.size"),
                    msg!(
                        nl: "{andere} hebben we niet in maat \"{size_code}\", dus die kan niet de andere helft zijn.",
                        en: "{other_name} does not come in size \"{size_code}\", so it cannot be the other half."
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
        // Already checked and trimmed by `OrderRequest::tidy`.
        note: line.note.clone(),
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
            msg!(
                nl: "Product {id} staat niet (meer) op de kaart; laad de kaart opnieuw en probeer het nog eens.",
                en: "There is no item {id} on the menu; reload the menu and try again."
            ),
        )
    })?;
    if item.sold_out {
        let (naam, name) = item.name.both();
        return Err(ValidationError::field(
            field,
            msg!(
                nl: "{naam} is op dit moment uitverkocht; kies iets anders.",
                en: "{name} is sold out right now; please choose something else."
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
    let (naam, name) = item.name.both();
    for (i, extra_id) in half.extras.iter().enumerate() {
        let extra = menu
            .extra(*extra_id)
            .filter(|_| item.extras.contains(extra_id))
            .ok_or_else(|| {
                ValidationError::field(
                    format!("{field}.extras[{i}]"),
                    msg!(
                        nl: "Extra {extra_id} kan niet op {naam}.",
                        en: "Extra {extra_id} cannot be added to {name}."
                    ),
                )
            })?;
        if half.extras[..i].contains(extra_id) {
            let (extra_nl, extra_en) = extra.name.both();
            return Err(ValidationError::field(
                format!("{field}.extras[{i}]"),
                msg!(
                    nl: "{extra_nl} staat er twee keer in; kies het één keer.",
                    en: "{extra_en} is listed twice; add it once."
                ),
            ));
        }
        names.push(extra.name.nl.clone());
        price += (item.extra_price(extra, size_code) + parts - 1) / parts;
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
                    let (naam, name) = item.name.both();
                    ValidationError::field(
                        format!("{field}.removed_ingredients[{i}]"),
                        msg!(
                            nl: "{naam} heeft geen ingrediënt {id} om weg te laten.",
                            en: "{name} has no ingredient {id} to leave off."
                        ),
                    )
                })
        })
        .collect()
}

fn delivery_zone<'z>(
    zones: &'z [DeliveryZone],
    address: &crate::order::Address,
) -> Result<&'z DeliveryZone, ValidationError> {
    for (name, value, missing) in [
        (
            "street",
            &address.street,
            msg!(nl: "Vul je straat in voor de bezorging.", en: "Fill in the street for delivery."),
        ),
        (
            "house_number",
            &address.house_number,
            msg!(nl: "Vul je huisnummer in voor de bezorging.", en: "Fill in the house number for delivery."),
        ),
        (
            "city",
            &address.city,
            msg!(nl: "Vul je woonplaats in voor de bezorging.", en: "Fill in the city for delivery."),
        ),
    ] {
        if value.trim().is_empty() {
            return Err(ValidationError::field(
                format!("fulfilment.address.{name}"),
                missing,
            ));
        }
    }
    let typed = &address.postcode;
    let postcode = Postcode::parse(typed).ok_or_else(|| {
        ValidationError::field(
            "fulfilment.address.postcode",
            msg!(
                nl: "\"{typed}\" is geen Nederlandse postcode; schrijf hem als 1234 AB.",
                en: "\"{typed}\" is not a Dutch postcode; write it as 1234 AB."
            ),
        )
    })?;
    zone_for(zones, postcode).ok_or_else(|| {
        ValidationError::field(
            "fulfilment.address.postcode",
            msg!(
                nl: "Sorry, in {postcode} bezorgen we niet. Afhalen kan wel.",
                en: "Sorry, we do not deliver to {postcode}. You can choose pickup instead."
            ),
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
                msg!(
                    nl: "Vul je naam en telefoonnummer in, zodat we je kunnen bereiken.",
                    en: "Fill in a name and phone number so the shop can reach you."
                ),
            ))
        } else {
            Ok(())
        };
    };
    if required && contact.name.trim().is_empty() {
        return Err(ValidationError::field(
            "contact.name",
            msg!(nl: "Vul je naam in.", en: "Fill in your name."),
        ));
    }
    let digits = contact.phone.chars().filter(|c| c.is_ascii_digit()).count();
    let phone_ok = contact
        .phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c));
    if (required || !contact.phone.is_empty()) && (!phone_ok || !(8..=15).contains(&digits)) {
        let phone = &contact.phone;
        return Err(ValidationError::field(
            "contact.phone",
            msg!(
                nl: "\"{phone}\" is geen telefoonnummer; schrijf het als 06 12345678 of +31 6 12345678.",
                en: "\"{phone}\" is not a phone number; write it like 06 12345678 or +31 6 12345678."
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
                msg!(
                    nl: "\"{email}\" is geen e-mailadres; schrijf het als naam@voorbeeld.nl.",
                    en: "\"{email}\" is not an email address; write it like name@example.com."
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
