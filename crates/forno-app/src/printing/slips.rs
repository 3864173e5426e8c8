//! Kitchen slips: when a line is voided or an order cancelled after its kitchen tickets were
//! made, the kitchen hears it on paper too, not only on the screen (a kitchen that works from
//! tickets would go on making food nobody pays for).
//!
//! A slip goes to every printer that got a kitchen ticket holding the line (a station's ticket
//! holds only its lines; a reprint or a ticket printed by hand counts too, since that paper is in
//! the kitchen as well), once per printer. The tickets are found among the order's print jobs
//! rather than by asking the rules again: the rules may have changed since, and a ticket may have
//! been moved to another printer. No ticket, no slip: there is nothing to take back.
//!
//! The slip is an ordinary print job (`kitchen_void`, `kitchen_cancel`) written in the void's or
//! cancellation's own transaction; its payload names the printer, the station and the lines, and
//! the worker reads the reason and the time from the order when it prints, so a reprint is the
//! same slip again.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use forno_domain::Order;
use forno_store::outbox::JobFilter;
use forno_store::{Connection, StoreError};

use super::{Layout, PRINT_KIND, PrintPayload, enqueue, payload_of};
use crate::events::PublishedEvent;

/// What one printer got of an order's kitchen tickets.
#[derive(Debug, Default)]
struct Printed {
    /// Each ticket's station (None: no station) and lines, oldest first.
    tickets: Vec<(Option<String>, Vec<usize>)>,
}

impl Printed {
    fn holds(&self, line: usize) -> Option<&Option<String>> {
        self.tickets
            .iter()
            .find(|(_, lines)| lines.contains(&line))
            .map(|(station, _)| station)
    }
}

/// The printers that got a kitchen ticket of `order`, by printer id.
fn kitchen_printers(
    conn: &Connection,
    order: &Order,
) -> Result<BTreeMap<i64, Printed>, StoreError> {
    let (jobs, _) = forno_store::outbox::list(
        conn,
        &JobFilter {
            kinds: vec![PRINT_KIND.into()],
            order_id: Some(order.id),
            limit: 1000,
            ..JobFilter::default()
        },
    )?;
    let every_line: Vec<usize> = (0..order.lines.len()).collect();
    let mut printers: BTreeMap<i64, Printed> = BTreeMap::new();
    // Listed newest first; the oldest ticket names the station.
    for payload in jobs.iter().rev().filter_map(payload_of) {
        if payload.layout != Layout::Kitchen {
            continue;
        }
        let lines = payload.lines.unwrap_or_else(|| every_line.clone());
        printers
            .entry(payload.printer_id)
            .or_default()
            .tickets
            .push((payload.station, lines));
    }
    Ok(printers)
}

fn slip(
    conn: &Connection,
    order: &Order,
    printer_id: i64,
    layout: Layout,
    station: Option<String>,
    lines: Vec<usize>,
    now: DateTime<Utc>,
) -> Result<PublishedEvent, StoreError> {
    let payload = PrintPayload {
        station,
        lines: Some(lines),
        ..PrintPayload::new(printer_id, layout)
    };
    Ok(enqueue(conn, payload, Some(order.id), now)?.1)
}

/// Inside a void's transaction: a VERVALLEN slip for `line` on each printer whose kitchen ticket
/// held it, naming that ticket's station. Nothing when no ticket held it.
pub(crate) fn enqueue_void_slips(
    conn: &Connection,
    order: &Order,
    line: usize,
    now: DateTime<Utc>,
) -> Result<Vec<PublishedEvent>, StoreError> {
    let mut events = Vec::new();
    for (printer_id, printed) in kitchen_printers(conn, order)? {
        if let Some(station) = printed.holds(line) {
            let station = station.clone();
            events.push(slip(
                conn,
                order,
                printer_id,
                Layout::KitchenVoid,
                station,
                vec![line],
                now,
            )?);
        }
    }
    Ok(events)
}

/// Inside a cancellation's transaction: one GEANNULEERD slip per printer that got a kitchen
/// ticket, with every line its tickets held that still stands (a voided line had its own slip),
/// naming the station when all its tickets were one station's. Nothing without tickets.
pub(crate) fn enqueue_cancel_slips(
    conn: &Connection,
    order: &Order,
    now: DateTime<Utc>,
) -> Result<Vec<PublishedEvent>, StoreError> {
    let mut events = Vec::new();
    for (printer_id, printed) in kitchen_printers(conn, order)? {
        let mut lines: Vec<usize> = printed
            .tickets
            .iter()
            .flat_map(|(_, lines)| lines.iter().copied())
            .filter(|i| !order.is_voided(*i))
            .collect();
        lines.sort_unstable();
        lines.dedup();
        if lines.is_empty() {
            continue;
        }
        let first = &printed.tickets[0].0;
        let station = printed
            .tickets
            .iter()
            .all(|(station, _)| station == first)
            .then(|| first.clone())
            .flatten();
        events.push(slip(
            conn,
            order,
            printer_id,
            Layout::KitchenCancel,
            station,
            lines,
            now,
        )?);
    }
    Ok(events)
}
