//! The kitchen's rules: stations (the owner maps menu categories to the places food is made:
//! oven, cold, drinks), which lines are done, when an order may go to the pass as ready (every
//! station finished its lines), and the recall of a bump (undo within a few minutes).

use chrono::{DateTime, Duration, Utc};

use crate::menu::Menu;
use crate::message::Message;
use crate::msg;
use crate::order::Order;
use crate::status::OrderStatus;
use crate::text;
use crate::validation::ValidationError;

/// How long after a step it may still be taken back (a recall on the kitchen screen, an undo on
/// the owner's board), in minutes.
pub const RECALL_MINUTES: i64 = 5;
/// The most stations a shop may set up.
pub const MAX_STATIONS: usize = 12;
pub const MAX_STATION_NAME_CHARS: usize = 40;
pub const MAX_STATION_CODE_CHARS: usize = 20;

/// A place in the kitchen with its own screen, and the menu categories it makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Station {
    /// Short, stable, lower case: `oven`, `cold`.
    pub code: String,
    /// What the cooks call it: "Oven".
    pub name: String,
    pub category_ids: Vec<i64>,
}

/// The shop's stations; none means the kitchen works as one station.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stations(pub Vec<Station>);

impl Stations {
    /// The stations as they are kept: names by the text rule, codes of `a-z 0-9 - _`, each code
    /// and each category once, every category on the menu.
    pub fn checked(self, menu: &Menu) -> Result<Stations, ValidationError> {
        if self.0.len() > MAX_STATIONS {
            return Err(ValidationError::field(
                "stations",
                msg!(
                    nl: "Maak hoogstens {MAX_STATIONS} stations.",
                    en: "Set up at most {MAX_STATIONS} stations."
                ),
            ));
        }
        let mut seen_codes: Vec<String> = Vec::new();
        let mut seen_categories: Vec<i64> = Vec::new();
        let mut stations = Vec::new();
        for (i, station) in self.0.into_iter().enumerate() {
            let name = text::one_line(
                &station.name,
                &format!("stations[{i}].name"),
                MAX_STATION_NAME_CHARS,
            )?;
            if name.is_empty() {
                return Err(ValidationError::field(
                    format!("stations[{i}].name"),
                    msg!(nl: "Geef het station een naam.", en: "Give the station a name."),
                ));
            }
            let code = station.code.trim().to_owned();
            let code_ok = !code.is_empty()
                && code.chars().count() <= MAX_STATION_CODE_CHARS
                && code.bytes().all(|b| {
                    b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'
                });
            if !code_ok {
                return Err(ValidationError::field(
                    format!("stations[{i}].code"),
                    msg!(
                        nl: "Een stationcode is kort en bestaat uit kleine letters, cijfers, - of _ (zoals oven).",
                        en: "A station code is short and uses lower-case letters, digits, - or _ (like oven)."
                    ),
                ));
            }
            if seen_codes.contains(&code) {
                return Err(ValidationError::field(
                    format!("stations[{i}].code"),
                    msg!(
                        nl: "Er is al een station met code {code}.",
                        en: "There is already a station with code {code}."
                    ),
                ));
            }
            for category_id in &station.category_ids {
                if menu.category(*category_id).is_none() {
                    return Err(ValidationError::field(
                        format!("stations[{i}].category_ids"),
                        msg!(
                            nl: "Categorie {category_id} staat niet op de kaart.",
                            en: "There is no menu category {category_id}."
                        ),
                    ));
                }
                if seen_categories.contains(category_id) {
                    return Err(ValidationError::field(
                        format!("stations[{i}].category_ids"),
                        msg!(
                            nl: "Categorie {category_id} hoort al bij een ander station; een categorie wordt op één station gemaakt.",
                            en: "Category {category_id} already belongs to another station; a category is made at one station."
                        ),
                    ));
                }
                seen_categories.push(*category_id);
            }
            seen_codes.push(code.clone());
            stations.push(Station {
                code,
                name,
                category_ids: station.category_ids,
            });
        }
        Ok(Stations(stations))
    }

    pub fn in_use(&self) -> bool {
        !self.0.is_empty()
    }

    /// The station that makes `item_id` (by its category), if any.
    pub fn for_item(&self, menu: &Menu, item_id: i64) -> Option<&Station> {
        let category = menu.item(item_id)?.category_id;
        self.0.iter().find(|s| s.category_ids.contains(&category))
    }

    /// The stations that still have lines of `order` to finish, in the shop's order. A line whose
    /// category no station makes is the pass's own and never holds an order back.
    pub fn waiting_for<'s>(&'s self, menu: &Menu, order: &Order) -> Vec<&'s Station> {
        self.0
            .iter()
            .filter(|station| {
                order.standing_lines().any(|(i, line)| {
                    !order.line_done(i)
                        && self
                            .for_item(menu, line.item_id)
                            .is_some_and(|s| s.code == station.code)
                })
            })
            .collect()
    }

    /// How `order`'s standing lines split over kitchen tickets: one per station that makes some
    /// of them (in the shop's order, naming the station), then one without a station for the
    /// lines no station makes. Without stations: one ticket with every standing line. A line
    /// voided before the order was sent is on no ticket.
    pub fn tickets<'s>(&'s self, menu: &Menu, order: &Order) -> Vec<KitchenTicket<'s>> {
        let mut tickets: Vec<KitchenTicket<'s>> = Vec::new();
        let mut rest = Vec::new();
        let stations_of: Vec<(usize, Option<&Station>)> = order
            .standing_lines()
            .map(|(i, line)| (i, self.for_item(menu, line.item_id)))
            .collect();
        for station in &self.0 {
            let lines: Vec<usize> = stations_of
                .iter()
                .filter(|(_, s)| s.is_some_and(|s| s.code == station.code))
                .map(|(i, _)| *i)
                .collect();
            if !lines.is_empty() {
                tickets.push(KitchenTicket {
                    station: Some(station),
                    lines,
                });
            }
        }
        for (i, station) in &stations_of {
            if station.is_none() {
                rest.push(*i);
            }
        }
        if !rest.is_empty() || tickets.is_empty() {
            tickets.push(KitchenTicket {
                station: None,
                lines: rest,
            });
        }
        tickets
    }

    /// The expo rule: with stations in use, an order becomes ready only when every station has
    /// finished its lines.
    pub fn check_ready(&self, menu: &Menu, order: &Order) -> Result<(), Message> {
        let waiting: Vec<&str> = self
            .waiting_for(menu, order)
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        if waiting.is_empty() {
            return Ok(());
        }
        let names = waiting.join(", ");
        let number = order.number();
        Err(msg!(
            nl: "Bestelling {number} is nog niet klaar: {names} is nog bezig.",
            en: "Order {number} is not ready yet: {names} has lines to finish."
        ))
    }
}

/// One kitchen ticket of an order: the station it is for (None: the whole kitchen, or the lines
/// no station makes) and its lines, by their position on the order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KitchenTicket<'s> {
    pub station: Option<&'s Station>,
    pub lines: Vec<usize>,
}

/// Why a step cannot be taken back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecallError {
    /// The last step was itself a recall, or the order never moved.
    NothingToRecall,
    /// The last step is older than [`RECALL_MINUTES`].
    TooLate { at: DateTime<Utc> },
}

impl RecallError {
    pub fn message(&self, order: &Order) -> Message {
        let number = order.number();
        match self {
            RecallError::NothingToRecall => msg!(
                nl: "Bij bestelling {number} valt niets terug te halen: de laatste stap is al teruggedraaid of er was nog geen stap.",
                en: "There is nothing to take back on order {number}: its last step was already undone, or it never moved."
            ),
            RecallError::TooLate { .. } => msg!(
                nl: "De laatste stap van bestelling {number} is langer dan {RECALL_MINUTES} minuten geleden en kan niet meer terug; zet de bestelling met de hand goed.",
                en: "The last step of order {number} was more than {RECALL_MINUTES} minutes ago and cannot be taken back; set its status by hand."
            ),
        }
    }
}

impl Order {
    /// Whether line `index` (its position on the order) is marked done in the kitchen.
    pub fn line_done(&self, index: usize) -> bool {
        self.done_lines.contains(&index)
    }

    /// Every line still standing is done (a voided line is nobody's work any more).
    pub fn all_lines_done(&self) -> bool {
        self.standing_lines().all(|(i, _)| self.line_done(i))
    }

    /// The status a recall (undo) at `now` takes the order back to: the one before its last
    /// step, when that step went forward (or cancelled, or rejected) less than
    /// [`RECALL_MINUTES`] ago. A recall is itself not recalled: bump again instead.
    pub fn recall(&self, now: DateTime<Utc>) -> Result<OrderStatus, RecallError> {
        let [.., before, last] = self.status_history.as_slice() else {
            return Err(RecallError::NothingToRecall);
        };
        let forward = match last.status {
            OrderStatus::Cancelled => before.status.is_open(),
            OrderStatus::Rejected => before.status == OrderStatus::Placed,
            to => before.status.next(self.fulfilment.is_delivery()) == Some(to),
        };
        if !forward || last.status != self.status {
            return Err(RecallError::NothingToRecall);
        }
        if now - last.at > Duration::minutes(RECALL_MINUTES) {
            return Err(RecallError::TooLate { at: last.at });
        }
        Ok(before.status)
    }

    /// Whether the last step can be taken back, to which status and until when (for an "undo"
    /// button; `recall` decides at the moment it is asked).
    pub fn recall_until(&self) -> Option<(OrderStatus, DateTime<Utc>)> {
        let last = self.status_history.last()?;
        let to = self.recall(last.at).ok()?;
        Some((to, last.at + Duration::minutes(RECALL_MINUTES)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::{Channel, Fulfilment, StatusEntry};
    use crate::{Category, Item, LineVoid, PricedLine, Translated, VatRate};
    use chrono::TimeZone;
    use std::collections::BTreeMap;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 2, 18, minute, 0).unwrap()
    }

    fn line(item_id: i64) -> PricedLine {
        PricedLine {
            item_id,
            item_name: format!("item {item_id}"),
            size_code: "regular".into(),
            size_name: "Normaal".into(),
            quantity: 1,
            extras: vec![],
            removed_ingredients: vec![],
            second_half: None,
            note: None,
            unit_price: 1000,
            total: 1000,
            vat_rate: VatRate::Reduced,
            vat: 83,
        }
    }

    fn order(history: &[(OrderStatus, u32)], lines: Vec<PricedLine>) -> Order {
        let status = history.last().unwrap().0;
        Order {
            id: 1,
            business_date: at(0).date_naive(),
            day_number: 7,
            tracking_token: "t".into(),
            status,
            channel: Channel::Web,
            fulfilment: Fulfilment::Pickup,
            zone: None,
            requested_time: None,
            estimated_ready_at: at(30),
            contact: None,
            customer_id: None,
            note: None,
            lines,
            subtotal: 0,
            delivery_fee: 0,
            total: 0,
            cancel_reason: None,
            customer_message: None,
            placed_at: at(0),
            updated_at: at(0),
            status_history: history
                .iter()
                .map(|(status, minute)| StatusEntry {
                    status: *status,
                    at: at(*minute),
                    staff_name: None,
                    reason: None,
                })
                .collect(),
            payments: vec![],
            discounts: vec![],
            done_lines: vec![],
            voids: vec![],
        }
    }

    fn menu() -> Menu {
        let category = |id| Category {
            id,
            name: Translated::new("c", "c"),
            position: id,
            halves_allowed: false,
            vat: VatRate::Reduced,
        };
        let item = |id, category_id| Item {
            id,
            category_id,
            name: Translated::new("i", "i"),
            description: Translated::new("", ""),
            vat: VatRate::Reduced,
            sizes: vec![],
            extras: vec![],
            ingredients: vec![],
            allergens: vec![],
            sold_out: false,
            position: 0,
            extra_prices: BTreeMap::new(),
            available: None,
            photo: None,
        };
        Menu {
            categories: vec![category(1), category(2), category(3)],
            items: vec![item(10, 1), item(20, 2), item(30, 3)],
            extras: vec![],
        }
    }

    fn stations() -> Stations {
        Stations(vec![
            Station {
                code: "oven".into(),
                name: "Oven".into(),
                category_ids: vec![1],
            },
            Station {
                code: "cold".into(),
                name: "Koud".into(),
                category_ids: vec![2],
            },
        ])
    }

    #[test]
    fn a_bump_is_recalled_within_the_window_and_only_once() {
        use OrderStatus::*;
        let bumped = order(
            &[(Placed, 0), (Accepted, 1), (Preparing, 2), (Ready, 10)],
            vec![],
        );
        assert_eq!(bumped.recall(at(14)), Ok(Preparing));
        assert_eq!(
            bumped.recall(at(16)),
            Err(RecallError::TooLate { at: at(10) })
        );
        let recalled = order(
            &[
                (Placed, 0),
                (Accepted, 1),
                (Preparing, 2),
                (Ready, 10),
                (Preparing, 11),
            ],
            vec![],
        );
        assert_eq!(recalled.recall(at(12)), Err(RecallError::NothingToRecall));
        let cancelled = order(&[(Placed, 0), (Accepted, 1), (Cancelled, 3)], vec![]);
        assert_eq!(cancelled.recall(at(4)), Ok(Accepted));
        assert_eq!(
            order(&[(Placed, 0)], vec![]).recall(at(1)),
            Err(RecallError::NothingToRecall)
        );
    }

    #[test]
    fn with_stations_an_order_is_ready_only_when_each_station_finished() {
        let menu = menu();
        let mut o = order(
            &[(OrderStatus::Preparing, 0)],
            vec![line(10), line(20), line(30)],
        );
        assert!(Stations::default().check_ready(&menu, &o).is_ok());
        let stations = stations();
        let waiting: Vec<&str> = stations
            .waiting_for(&menu, &o)
            .iter()
            .map(|s| s.code.as_str())
            .collect();
        assert_eq!(waiting, ["oven", "cold"]);
        o.done_lines = vec![0];
        let err = stations.check_ready(&menu, &o).unwrap_err();
        assert_eq!(
            err.nl(),
            "Bestelling #007 is nog niet klaar: Koud is nog bezig."
        );
        // Line 2's category has no station: the pass's own, it holds nothing back.
        o.done_lines = vec![0, 1];
        assert!(stations.check_ready(&menu, &o).is_ok());
    }

    #[test]
    fn each_station_gets_a_ticket_with_only_its_lines() {
        let menu = menu();
        let o = order(
            &[(OrderStatus::Accepted, 0)],
            vec![line(20), line(10), line(30), line(10)],
        );
        let stations = stations();
        let tickets: Vec<(Option<&str>, Vec<usize>)> = stations
            .tickets(&menu, &o)
            .into_iter()
            .map(|t| (t.station.map(|s| s.code.as_str()), t.lines))
            .collect();
        // The shop's order of stations, then the lines no station makes.
        assert_eq!(
            tickets,
            [
                (Some("oven"), vec![1, 3]),
                (Some("cold"), vec![0]),
                (None, vec![2])
            ]
        );
        // Only oven lines: one ticket, for the oven.
        let oven_only = order(&[(OrderStatus::Accepted, 0)], vec![line(10)]);
        let tickets = stations.tickets(&menu, &oven_only);
        assert_eq!(tickets.len(), 1);
        assert_eq!(tickets[0].station.map(|s| s.name.as_str()), Some("Oven"));
        // No stations: one ticket with every line.
        let none = Stations::default();
        let tickets = none.tickets(&menu, &o);
        assert_eq!(tickets.len(), 1);
        assert_eq!(tickets[0].station, None);
        assert_eq!(tickets[0].lines, vec![0, 1, 2, 3]);
        // A line voided before sending is on no ticket; a station left without lines gets none.
        let mut voided = o.clone();
        voided.voids = vec![LineVoid {
            id: 1,
            line: 0,
            amount: 0,
            reason: "toch niet".into(),
            staff_name: None,
            approved_by: None,
            at: voided.placed_at,
        }];
        let tickets: Vec<(Option<&str>, Vec<usize>)> = stations
            .tickets(&menu, &voided)
            .into_iter()
            .map(|t| (t.station.map(|s| s.code.as_str()), t.lines))
            .collect();
        assert_eq!(tickets, [(Some("oven"), vec![1, 3]), (None, vec![2])]);
        assert_eq!(none.tickets(&menu, &voided)[0].lines, vec![1, 2, 3]);
    }

    #[test]
    fn stations_are_checked() {
        let menu = menu();
        assert!(stations().checked(&menu).is_ok());
        let mut twice = stations();
        twice.0[1].category_ids = vec![1];
        let err = twice.checked(&menu).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("stations[1].category_ids"));
        let mut bad = stations();
        bad.0[0].code = "Oven!".into();
        let err = bad.checked(&menu).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("stations[0].code"));
        let mut unknown = stations();
        unknown.0[0].category_ids = vec![99];
        assert!(unknown.checked(&menu).is_err());
    }
}
