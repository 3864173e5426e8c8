//! Kitchen slips: when a line is voided or an order cancelled after its kitchen tickets were
//! made, the kitchen hears it on paper too, not only on the screen (a kitchen that works from
//! tickets would go on making food nobody pays for).
//!
//! A slip goes to every printer that got a kitchen ticket holding the line (a station's ticket
//! holds only its lines; a reprint or a ticket printed by hand counts too, since that paper is in
//! the kitchen as well), once per printer. The tickets are found among the order's print jobs
//! rather than by asking the rules again: the rules may have changed since, and a ticket may have
//! been moved to another printer. No ticket on paper, no slip: there is nothing to take back.
//! A ticket still waiting for its printer (queued, or failed without sending anything) is not on
//! paper: after a void it prints without the line (it is rendered when it prints), and a
//! cancellation calls it off, so a cancelled order's ticket never reaches the kitchen at all.
//!
//! The slip is an ordinary print job (`kitchen_void`, `kitchen_cancel`) written in the void's or
//! cancellation's own transaction; its payload names the printer, the station and the lines, and
//! the worker reads the reason and the time from the order when it prints, so a reprint is the
//! same slip again.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use forno_domain::Order;
use forno_store::outbox::{Job, JobFilter, JobState};
use forno_store::{Connection, StoreError};

use super::{Layout, PRINT_KIND, PrintPayload, enqueue, job_event, payload_of};
use crate::events::PublishedEvent;

/// The `cancelled_by` of a kitchen ticket called off because its order was cancelled (a person's
/// own cancellation names them).
const CALLED_OFF_BY: &str = "order_cancelled";

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

/// Whether a print job may have put its ticket on paper: not while it waits its turn or after
/// every attempt failed without sending anything (a run that broke off half way is
/// `needs_attention`, and counts).
fn may_be_on_paper(job: &Job) -> bool {
    !matches!(job.state, JobState::Queued | JobState::Failed)
}

/// The order's kitchen tickets, oldest first, each with what it printed.
fn kitchen_tickets(
    conn: &Connection,
    order: &Order,
) -> Result<Vec<(Job, PrintPayload)>, StoreError> {
    let (jobs, _) = forno_store::outbox::list(
        conn,
        &JobFilter {
            kinds: vec![PRINT_KIND.into()],
            order_id: Some(order.id),
            limit: 1000,
            ..JobFilter::default()
        },
    )?;
    // Listed newest first.
    Ok(jobs
        .into_iter()
        .rev()
        .filter_map(|job| payload_of(&job).map(|payload| (job, payload)))
        .filter(|(_, payload)| payload.layout == Layout::Kitchen)
        .collect())
}

/// The printers whose kitchen tickets of `order` may be on paper, by printer id.
fn kitchen_printers(tickets: &[(Job, PrintPayload)], order: &Order) -> BTreeMap<i64, Printed> {
    let every_line: Vec<usize> = (0..order.lines.len()).collect();
    let mut printers: BTreeMap<i64, Printed> = BTreeMap::new();
    // The oldest ticket names the station.
    for (_, payload) in tickets.iter().filter(|(job, _)| may_be_on_paper(job)) {
        let lines = payload.lines.clone().unwrap_or_else(|| every_line.clone());
        printers
            .entry(payload.printer_id)
            .or_default()
            .tickets
            .push((payload.station.clone(), lines));
    }
    printers
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
    let tickets = kitchen_tickets(conn, order)?;
    let mut events = Vec::new();
    for (printer_id, printed) in kitchen_printers(&tickets, order) {
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

/// Inside a cancellation's transaction: the order's kitchen tickets that are not running are
/// called off (one still waiting never prints; one waiting for a person needs no decision any
/// more), then one GEANNULEERD slip per printer whose ticket may be on paper, with every line its
/// tickets held that still stands (a voided line had its own slip), naming the station when all
/// its tickets were one station's. Nothing when no ticket reached paper.
pub(crate) fn enqueue_cancel_slips(
    conn: &Connection,
    order: &Order,
    now: DateTime<Utc>,
) -> Result<Vec<PublishedEvent>, StoreError> {
    let tickets = kitchen_tickets(conn, order)?;
    let mut events = Vec::new();
    for (job, _) in &tickets {
        if let Some(called_off) = forno_store::outbox::cancel(conn, job.id, CALLED_OFF_BY, now)? {
            events.push(job_event(conn, &called_off, now)?);
        }
    }
    for (printer_id, printed) in kitchen_printers(&tickets, order) {
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
