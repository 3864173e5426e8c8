//! Printing: printers and their rules, print jobs on the outbox (kind `print`), and the worker
//! that sends them.
//!
//! A print job is enqueued in the SAME transaction as the order change that causes it (a web
//! order accepted, a counter order sent to the kitchen; `enqueue_for`; a line voided or the order
//! cancelled after its kitchen tickets: the kitchen slips of `slips`), with a
//! `print.job_changed` event. The worker renders the ticket when it runs (forno-print), asks a two-way printer for its status
//! first, and sends it. Jobs for one printer go out in the order they were made: a job waits
//! while an older one for the same printer is still queued or printing, and when a ticket
//! prints, the printer's waiting tickets become due at once.
//!
//! The crash rule (`Effect::AskAPerson`): a job that was `printing` when Forno died, or whose
//! sending broke off half way, may have printed, so it is never printed again by itself. It
//! becomes `needs_attention`, shown on the staff page, where a person reprints it (a KOPIE) or
//! marks it done. A job that never reached the printer (unreachable, paper out: nothing was
//! sent) is retried with backoff until it prints or a person cancels it.

mod agents;
pub(crate) mod render;
mod slips;
mod worker;

use chrono::{DateTime, Utc};
use forno_domain::{Channel, Menu, Order, Permission, Stations, ValidationError, msg, text};
use forno_print::{Connection as Link, PrinterState, Profile, profile};
use forno_store::outbox::{Job, JobFilter, JobState, NewJob};
pub use forno_store::printers::PrintRule;
use forno_store::printers::{PrinterFields, PrinterRow, RuleFields};
use forno_store::{Connection, StoreError};
use serde::{Deserialize, Serialize};

use crate::events::{Event, PrintJobChange, PrinterChange, PublishedEvent, publish, record};
use crate::{Actor, AppError, Shop};

pub use agents::{AgentAnswer, AgentConnection, AgentJob, PrintAgents};
pub(crate) use slips::{enqueue_cancel_slips, enqueue_void_slips};
pub use worker::PrintHandler;
pub(crate) use worker::watch_printers;

/// The outbox kind of every print job.
pub const PRINT_KIND: &str = "print";
/// A print job retries this often (backing off to every 15 s) before it counts as failed.
const PRINT_ATTEMPTS: u32 = 1000;

/// What a print job prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    Kitchen,
    /// The kitchen slip for a line voided after its ticket (`slips`): VERVALLEN.
    KitchenVoid,
    /// The kitchen slip for an order cancelled after its tickets (`slips`): GEANNULEERD.
    KitchenCancel,
    Receipt,
    Drawer,
    Test,
}

impl Layout {
    pub const ALL: [Layout; 6] = [
        Layout::Kitchen,
        Layout::KitchenVoid,
        Layout::KitchenCancel,
        Layout::Receipt,
        Layout::Drawer,
        Layout::Test,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Kitchen => "kitchen",
            Layout::KitchenVoid => "kitchen_void",
            Layout::KitchenCancel => "kitchen_cancel",
            Layout::Receipt => "receipt",
            Layout::Drawer => "drawer",
            Layout::Test => "test",
        }
    }

    pub fn parse(s: &str) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A print job's payload (the order is the job's `order_id`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct PrintPayload {
    pub printer_id: i64,
    pub layout: Layout,
    /// A reprint: says KOPIE.
    #[serde(default)]
    pub copy: bool,
    /// A kitchen ticket or slip for one station: its name, printed on top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub station: Option<String>,
    /// A kitchen ticket for one station: the lines it holds (their positions on the order), as
    /// they were split when the order was sent. None: every line. A kitchen slip: the lines it
    /// takes back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Vec<usize>>,
}

impl PrintPayload {
    fn new(printer_id: i64, layout: Layout) -> PrintPayload {
        PrintPayload {
            printer_id,
            layout,
            copy: false,
            station: None,
            lines: None,
        }
    }
}

/// When print rules fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// The shop accepted a web order: it goes to the kitchen.
    WebOrderAccepted,
    /// A counter or phone order was sent to the kitchen (accepted). Placing it is not enough:
    /// the counter places an order to take its payment too.
    CounterOrderSent,
    /// The payment that covers the whole order (the receipt).
    OrderPaid,
    /// Any cash payment (the drawer kick).
    CashPaid,
}

impl Trigger {
    pub const ALL: [Trigger; 4] = [
        Trigger::WebOrderAccepted,
        Trigger::CounterOrderSent,
        Trigger::OrderPaid,
        Trigger::CashPaid,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Trigger::WebOrderAccepted => "web_order_accepted",
            Trigger::CounterOrderSent => "counter_order_sent",
            Trigger::OrderPaid => "order_paid",
            Trigger::CashPaid => "cash_paid",
        }
    }

    pub fn parse(s: &str) -> Option<Trigger> {
        Trigger::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The trigger for an order that was just accepted (sent to the kitchen).
    pub fn order_sent(order: &Order) -> Trigger {
        if order.channel == Channel::Web {
            Trigger::WebOrderAccepted
        } else {
            Trigger::CounterOrderSent
        }
    }
}

/// A printer as staff see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Printer {
    pub id: i64,
    pub name: String,
    pub profile: Profile,
    pub link: Link,
    pub enabled: bool,
    pub state: PrinterState,
    pub state_at: Option<DateTime<Utc>>,
    /// Jobs waiting for it (queued or printing).
    pub waiting: i64,
    /// Jobs that failed or need a person.
    pub problems: i64,
}

/// A printer as the owner fills it in.
#[derive(Debug, Clone)]
pub struct PrinterForm {
    pub name: String,
    pub profile: String,
    pub connection: String,
    pub address: String,
    pub enabled: bool,
}

/// A print job as staff see it.
#[derive(Debug, Clone)]
pub struct PrintJob {
    pub job: Job,
    pub printer_id: Option<i64>,
    pub printer_name: String,
    pub layout: String,
    pub copy: bool,
    /// A kitchen ticket for one station: the station's name.
    pub station: Option<String>,
    /// `queued`, `printing`, `printed`, `failed`, `needs_attention`, `cancelled`.
    pub state: &'static str,
}

/// The state a person reads for a print job.
pub fn job_state(job: &Job) -> &'static str {
    match job.state {
        JobState::Queued => "queued",
        JobState::InProgress => "printing",
        JobState::Done
            if job
                .outcome
                .as_ref()
                .is_some_and(|o| o.get("cancelled_by").is_some()) =>
        {
            "cancelled"
        }
        JobState::Done => "printed",
        JobState::Failed => "failed",
        JobState::NeedsAttention => "needs_attention",
    }
}

fn payload_of(job: &Job) -> Option<PrintPayload> {
    serde_json::from_value(job.payload.clone()).ok()
}

fn printer_state(row: &PrinterRow) -> PrinterState {
    PrinterState::parse(&row.state).unwrap_or(PrinterState::Unknown)
}

/// The event for a print job as it is now.
pub(crate) fn job_event(
    conn: &Connection,
    job: &Job,
    now: DateTime<Utc>,
) -> Result<PublishedEvent, StoreError> {
    let payload = payload_of(job);
    let printer_id = payload.as_ref().map(|p| p.printer_id);
    let printer_name = match printer_id {
        Some(id) => forno_store::printers::get(conn, id)?.map(|p| p.name),
        None => None,
    }
    .unwrap_or_default();
    let state = job_state(job);
    let error = match state {
        "queued" | "failed" | "needs_attention" => job.last_error.clone(),
        _ => None,
    };
    record(
        conn,
        now,
        Event::PrintJobChanged(PrintJobChange {
            job_id: job.id,
            printer_id,
            printer_name,
            order_id: job.order_id,
            layout: payload
                .as_ref()
                .map_or("?", |p| p.layout.as_str())
                .to_owned(),
            state: state.to_owned(),
            error,
            copy: payload.is_some_and(|p| p.copy),
        }),
    )
}

fn printer_event(
    conn: &Connection,
    row: &PrinterRow,
    removed: bool,
    now: DateTime<Utc>,
) -> Result<PublishedEvent, StoreError> {
    record(
        conn,
        now,
        Event::PrinterUpdated(PrinterChange {
            printer_id: row.id,
            name: row.name.clone(),
            state: row.state.clone(),
            removed,
        }),
    )
}

fn enqueue(
    conn: &Connection,
    payload: PrintPayload,
    order_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<(Job, PublishedEvent), StoreError> {
    let job = forno_store::outbox::enqueue(
        conn,
        &NewJob {
            kind: PRINT_KIND.into(),
            target: payload.printer_id.to_string(),
            payload: serde_json::to_value(payload).expect("a print payload serialises"),
            order_id,
            max_attempts: PRINT_ATTEMPTS,
            due_at: now,
        },
        now,
    )?;
    let event = job_event(conn, &job, now)?;
    Ok((job, event))
}

/// Inside an order's transaction: the print jobs its rules ask for, with their events. An order
/// prints its kitchen tickets when it is sent to the kitchen (accepted); the payment that covers
/// an order prints its receipt, and a cash payment opens the drawer.
///
/// Kitchen tickets, one per station ([`Stations::tickets`]): a rule that names a station prints
/// that station's ticket; a rule without one prints every other ticket (the stations no rule
/// names, and the lines no station makes). Without stations: one ticket with every line.
pub(crate) fn enqueue_for(
    conn: &Connection,
    trigger: Trigger,
    order: &Order,
    menu: &Menu,
    now: DateTime<Utc>,
) -> Result<Vec<PublishedEvent>, StoreError> {
    let targets = forno_store::printers::targets(conn, trigger.as_str())?;
    let stations = if targets.iter().any(|t| t.layout == Layout::Kitchen.as_str()) {
        crate::kitchen::load_stations(conn)?
    } else {
        Stations::default()
    };
    let tickets = stations.tickets(menu, order);
    let named = |code: &str| {
        targets
            .iter()
            .any(|t| t.layout == Layout::Kitchen.as_str() && t.station.as_deref() == Some(code))
    };
    let mut events = Vec::new();
    for target in &targets {
        let Some(layout) = Layout::parse(&target.layout) else {
            continue;
        };
        if layout != Layout::Kitchen {
            let payload = PrintPayload::new(target.printer.id, layout);
            events.push(enqueue(conn, payload, Some(order.id), now)?.1);
            continue;
        }
        for ticket in &tickets {
            let code = ticket.station.map(|s| s.code.as_str());
            let prints = match (target.station.as_deref(), code) {
                (Some(rule), Some(code)) => rule == code,
                (Some(_), None) => false,
                (None, Some(code)) => !named(code),
                (None, None) => true,
            };
            if !prints {
                continue;
            }
            let payload = PrintPayload {
                station: ticket.station.map(|s| s.name.clone()),
                lines: stations.in_use().then(|| ticket.lines.clone()),
                ..PrintPayload::new(target.printer.id, layout)
            };
            events.push(enqueue(conn, payload, Some(order.id), now)?.1);
        }
    }
    Ok(events)
}

fn no_such_printer(id: i64) -> AppError {
    AppError::not_found(msg!(nl: "Printer {id} bestaat niet.", en: "There is no printer {id}."))
}

fn no_such_job(id: i64) -> AppError {
    AppError::not_found(msg!(nl: "Printtaak {id} bestaat niet.", en: "There is no print job {id}."))
}

impl PrinterForm {
    fn checked(self) -> Result<PrinterFields, ValidationError> {
        let name = text::one_line(&self.name, "name", 60)?;
        if name.is_empty() {
            return Err(ValidationError::field(
                "name",
                msg!(nl: "Geef de printer een naam, bijvoorbeeld Keuken.", en: "Give the printer a name, for example Kitchen."),
            ));
        }
        if profile::by_id(&self.profile).is_none() {
            let known = profile::all()
                .into_iter()
                .map(|p| p.id)
                .collect::<Vec<_>>()
                .join(", ");
            return Err(ValidationError::field(
                "profile",
                msg!(nl: "Kies een van deze printertypes: {known}.", en: "Choose one of these printer types: {known}."),
            ));
        }
        let link = Link::parse(&self.connection, &self.address).map_err(|(nl, en)| {
            let field = if Link::KINDS.contains(&self.connection.as_str()) {
                "address"
            } else {
                "connection"
            };
            ValidationError::field(field, msg!(nl: "{nl}", en: "{en}"))
        })?;
        Ok(PrinterFields {
            name,
            profile: self.profile,
            connection: link.kind().to_owned(),
            address: link.address(),
            enabled: self.enabled,
        })
    }
}

fn to_printer(conn: &Connection, row: PrinterRow) -> Result<Printer, StoreError> {
    let (waiting, problems) =
        forno_store::outbox::open_counts(conn, PRINT_KIND, &row.id.to_string())?;
    Ok(Printer {
        id: row.id,
        name: row.name.clone(),
        profile: profile::by_id(&row.profile)
            .unwrap_or_else(|| profile::by_id(profile::DEFAULT_PROFILE).expect("built in")),
        link: Link::parse(&row.connection, &row.address).unwrap_or(Link::Agent {
            name: row.address.clone(),
        }),
        enabled: row.enabled,
        state: printer_state(&row),
        state_at: row.state_at,
        waiting,
        problems,
    })
}

fn print_job(conn: &Connection, job: Job) -> Result<PrintJob, StoreError> {
    let payload = payload_of(&job);
    let printer_id = payload.as_ref().map(|p| p.printer_id);
    let printer_name = match printer_id {
        Some(id) => forno_store::printers::get(conn, id)?.map(|p| p.name),
        None => None,
    }
    .unwrap_or_default();
    Ok(PrintJob {
        state: job_state(&job),
        printer_id,
        printer_name,
        layout: payload
            .as_ref()
            .map_or("?", |p| p.layout.as_str())
            .to_owned(),
        copy: payload.as_ref().is_some_and(|p| p.copy),
        station: payload.and_then(|p| p.station),
        job,
    })
}

impl Shop {
    /// A print agent connected: its jobs come on the returned connection, and its printers are
    /// ready (their waiting tickets go out now).
    pub async fn print_agent_connected(&self, actor: &Actor) -> Result<AgentConnection, AppError> {
        actor.require(Permission::RunPrintAgent)?;
        let connection = self.print_agents().connect(&actor.name);
        self.set_agent_printers(&actor.name, PrinterState::Online)
            .await?;
        tracing::info!(agent = %actor.name, "print agent connected");
        Ok(connection)
    }

    /// A print agent's connection ended: its printers wait for it (unless it is back already).
    pub async fn print_agent_gone(&self, connection: AgentConnection) {
        let name = connection.name().to_owned();
        drop(connection);
        if !self.print_agents().is_connected(&name) {
            tracing::info!(agent = %name, "print agent disconnected");
            if let Err(e) = self
                .set_agent_printers(&name, PrinterState::AgentAway)
                .await
            {
                tracing::error!(agent = %name, error = %e, "cannot record the agent's printers");
            }
        }
    }

    async fn set_agent_printers(&self, agent: &str, state: PrinterState) -> Result<(), AppError> {
        let agent = agent.to_owned();
        let ids: Vec<i64> = self
            .read(move |conn| {
                Ok(forno_store::printers::list(conn)?
                    .into_iter()
                    .filter(|p| p.connection == "agent" && p.address == agent)
                    .map(|p| p.id)
                    .collect())
            })
            .await?;
        for id in ids {
            worker::set_printer_state(self, id, state).await;
        }
        Ok(())
    }

    /// An order's receipt as PDF (48 columns, as on 80 mm paper): to download, later to mail.
    pub async fn receipt_pdf(
        &self,
        actor: &Actor,
        order_id: i64,
    ) -> Result<(String, Vec<u8>), AppError> {
        actor.require(Permission::ViewOrders)?;
        let order = self
            .read(move |conn| {
                forno_store::orders::get(conn, order_id)?.ok_or_else(|| {
                    AppError::not_found(msg!(
                        nl: "Bestelling {order_id} bestaat niet.",
                        en: "There is no order {order_id}."
                    ))
                })
            })
            .await?;
        let receipt = render::receipt(&order, &self.settings(), self.config().public_url(), false);
        let doc = forno_print::layout::receipt(&receipt, 48);
        let title = format!("Bon {}", order.number());
        Ok((title.clone(), forno_print::pdf::to_pdf(&doc, &title)))
    }

    /// Every printer with its state as last seen and its waiting and troubled jobs.
    pub async fn printers(&self, actor: &Actor) -> Result<Vec<Printer>, AppError> {
        actor.require(Permission::PrintTickets)?;
        self.read(|conn| {
            let rows = forno_store::printers::list(conn)?;
            Ok(rows
                .into_iter()
                .map(|row| to_printer(conn, row))
                .collect::<Result<_, _>>()?)
        })
        .await
    }

    /// Adds a printer. The first one added prints everything the default rules say.
    pub async fn add_printer(
        &self,
        actor: &Actor,
        form: PrinterForm,
        now: DateTime<Utc>,
    ) -> Result<Printer, AppError> {
        actor.require(Permission::ManagePrinters)?;
        let fields = form.checked()?;
        let bus = self.bus();
        self.store()
            .write(
                move |conn| -> Result<(Printer, Vec<PublishedEvent>), AppError> {
                    if forno_store::printers::by_name(conn, &fields.name)?.is_some() {
                        let name = fields.name.clone();
                        return Err(ValidationError::field(
                            "name",
                            msg!(nl: "Er is al een printer die {name} heet.", en: "There already is a printer called {name}."),
                        )
                        .into());
                    }
                    let row = forno_store::printers::insert(conn, &fields, now)?;
                    let event = printer_event(conn, &row, false, now)?;
                    Ok((to_printer(conn, row)?, vec![event]))
                },
                move |(_, events)| publish(&bus, events),
            )
            .await
            .map(|(printer, _)| printer)
    }

    pub async fn update_printer(
        &self,
        actor: &Actor,
        id: i64,
        form: PrinterForm,
        now: DateTime<Utc>,
    ) -> Result<Printer, AppError> {
        actor.require(Permission::ManagePrinters)?;
        let fields = form.checked()?;
        let bus = self.bus();
        let waker = self.outbox_waker();
        self.store()
            .write(
                move |conn| -> Result<(Printer, Vec<PublishedEvent>), AppError> {
                    if let Some(other) = forno_store::printers::by_name(conn, &fields.name)?
                        && other.id != id
                    {
                        let name = fields.name.clone();
                        return Err(ValidationError::field(
                            "name",
                            msg!(nl: "Er is al een printer die {name} heet.", en: "There already is a printer called {name}."),
                        )
                        .into());
                    }
                    let row = forno_store::printers::update(conn, id, &fields, now)?
                        .ok_or_else(|| no_such_printer(id))?;
                    // A changed address may be the fix: try its waiting tickets now.
                    forno_store::outbox::due_now(conn, PRINT_KIND, &id.to_string(), now)?;
                    let event = printer_event(conn, &row, false, now)?;
                    Ok((to_printer(conn, row)?, vec![event]))
                },
                move |(_, events)| {
                    publish(&bus, events);
                    waker.wake();
                },
            )
            .await
            .map(|(printer, _)| printer)
    }

    /// Removes a printer that has no tickets waiting (move or cancel them first).
    pub async fn remove_printer(
        &self,
        actor: &Actor,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        actor.require(Permission::ManagePrinters)?;
        let bus = self.bus();
        self.store()
            .write(
                move |conn| -> Result<Vec<PublishedEvent>, AppError> {
                    let row = forno_store::printers::get(conn, id)?.ok_or_else(|| no_such_printer(id))?;
                    let printer = to_printer(conn, row.clone())?;
                    if printer.waiting > 0 {
                        let n = printer.waiting;
                        return Err(AppError::Conflict(msg!(
                            nl: "Er wachten nog {n} bonnen op deze printer; verplaats of annuleer ze eerst.",
                            en: "{n} tickets are still waiting for this printer; move or cancel them first."
                        )));
                    }
                    forno_store::printers::delete(conn, id)?;
                    Ok(vec![printer_event(conn, &row, true, now)?])
                },
                move |events| publish(&bus, events),
            )
            .await
            .map(|_| ())
    }

    /// Prints a test page on a printer.
    pub async fn print_test_page(
        &self,
        actor: &Actor,
        id: i64,
        now: DateTime<Utc>,
    ) -> Result<PrintJob, AppError> {
        actor.require(Permission::ManagePrinters)?;
        self.enqueue_print(PrintPayload::new(id, Layout::Test), None, now)
            .await
    }

    /// Opens the cash drawer by hand (the counter's drawer button): a kick on the printer the
    /// `cash_paid` rule names (the first printer by default). 409 in words when no printer can
    /// open it, never a pretended success.
    pub async fn open_drawer(
        &self,
        actor: &Actor,
        now: DateTime<Utc>,
    ) -> Result<PrintJob, AppError> {
        actor.require(Permission::TakePayments)?;
        let printer_id = self
            .read(|conn| Ok(forno_store::printers::targets(conn, Trigger::CashPaid.as_str())?))
            .await?
            .into_iter()
            .find(|target| Layout::parse(&target.layout) == Some(Layout::Drawer))
            .map(|target| target.printer.id)
            .ok_or_else(|| {
                AppError::Conflict(msg!(
                    nl: "Er is geen printer ingesteld die de kassalade opent; voeg er een toe bij Printers.",
                    en: "No printer is set up to open the cash drawer; add one under Printers."
                ))
            })?;
        let (staff_id, by) = (actor.staff_id, actor.name.clone());
        let opened = move |conn: &forno_store::Connection| {
            forno_store::audit::record(
                conn,
                now,
                staff_id,
                "drawer.opened",
                None,
                &serde_json::json!({ "printer_id": printer_id, "by": by }),
            )
        };
        self.enqueue_print_with(
            PrintPayload::new(printer_id, Layout::Drawer),
            None,
            now,
            opened,
        )
        .await
    }

    /// Prints an order's kitchen ticket or receipt now, on `printer_id` or the first printer.
    /// A second print of the same layout for the order says KOPIE.
    pub async fn print_order(
        &self,
        actor: &Actor,
        order_id: i64,
        layout: Layout,
        printer_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<PrintJob, AppError> {
        actor.require(Permission::PrintTickets)?;
        if !matches!(layout, Layout::Kitchen | Layout::Receipt) {
            return Err(ValidationError::field(
                "layout",
                msg!(nl: "Kies kitchen of receipt.", en: "Choose kitchen or receipt."),
            )
            .into());
        }
        let printer_id = match printer_id {
            Some(id) => id,
            None => self
                .read(|conn| Ok(forno_store::printers::list(conn)?))
                .await?
                .into_iter()
                .find(|p| p.enabled)
                .map(|p| p.id)
                .ok_or_else(|| {
                    AppError::Conflict(msg!(
                        nl: "Er is nog geen printer ingesteld; voeg er een toe bij Printers.",
                        en: "No printer is set up yet; add one under Printers."
                    ))
                })?,
        };
        let copy = self
            .read(move |conn| {
                let (jobs, _) = forno_store::outbox::list(
                    conn,
                    &JobFilter {
                        kinds: vec![PRINT_KIND.into()],
                        order_id: Some(order_id),
                        limit: 500,
                        ..JobFilter::default()
                    },
                )?;
                Ok(jobs.iter().any(|j| {
                    job_state(j) == "printed" && payload_of(j).is_some_and(|p| p.layout == layout)
                }))
            })
            .await?;
        let payload = PrintPayload {
            copy,
            ..PrintPayload::new(printer_id, layout)
        };
        self.enqueue_print(payload, Some(order_id), now).await
    }

    async fn enqueue_print(
        &self,
        payload: PrintPayload,
        order_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<PrintJob, AppError> {
        self.enqueue_print_with(payload, order_id, now, |_| Ok(()))
            .await
    }

    /// `enqueue_print`, with `also` written in the same transaction (the drawer's audit entry).
    async fn enqueue_print_with(
        &self,
        payload: PrintPayload,
        order_id: Option<i64>,
        now: DateTime<Utc>,
        also: impl FnOnce(&forno_store::Connection) -> Result<(), forno_store::StoreError>
        + Send
        + 'static,
    ) -> Result<PrintJob, AppError> {
        let printer_id = payload.printer_id;
        let bus = self.bus();
        let waker = self.outbox_waker();
        self.store()
            .write(
                move |conn| -> Result<(PrintJob, Vec<PublishedEvent>), AppError> {
                    forno_store::printers::get(conn, printer_id)?
                        .ok_or_else(|| no_such_printer(printer_id))?;
                    if let Some(order_id) = order_id
                        && forno_store::orders::get(conn, order_id)?.is_none()
                    {
                        return Err(AppError::not_found(msg!(
                            nl: "Bestelling {order_id} bestaat niet.",
                            en: "There is no order {order_id}."
                        )));
                    }
                    let (job, event) = enqueue(conn, payload, order_id, now)?;
                    also(conn)?;
                    Ok((print_job(conn, job)?, vec![event]))
                },
                move |(_, events)| {
                    publish(&bus, events);
                    waker.wake();
                },
            )
            .await
            .map(|(job, _)| job)
    }

    /// Print jobs, newest first (`states`: outbox states; empty for all).
    pub async fn print_jobs(
        &self,
        actor: &Actor,
        states: Vec<JobState>,
        order_id: Option<i64>,
        limit: i64,
    ) -> Result<(Vec<PrintJob>, i64), AppError> {
        actor.require(Permission::PrintTickets)?;
        self.read(move |conn| {
            let (jobs, total) = forno_store::outbox::list(
                conn,
                &JobFilter {
                    states,
                    kinds: vec![PRINT_KIND.into()],
                    order_id,
                    limit,
                    offset: 0,
                },
            )?;
            let jobs = jobs
                .into_iter()
                .map(|job| print_job(conn, job))
                .collect::<Result<_, _>>()?;
            Ok((jobs, total))
        })
        .await
    }

    /// Prints a job again as a new job that says KOPIE (on the same printer, or `printer_id`).
    pub async fn reprint_job(
        &self,
        actor: &Actor,
        job_id: i64,
        printer_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<PrintJob, AppError> {
        actor.require(Permission::PrintTickets)?;
        let job = self
            .read(move |conn| {
                forno_store::outbox::get(conn, job_id)?
                    .filter(|j| j.kind == PRINT_KIND)
                    .ok_or_else(|| no_such_job(job_id))
            })
            .await?;
        let payload = payload_of(&job).ok_or_else(|| no_such_job(job_id))?;
        // The same ticket again (a station's ticket keeps its station and lines), saying KOPIE.
        let payload = PrintPayload {
            printer_id: printer_id.unwrap_or(payload.printer_id),
            copy: true,
            ..payload
        };
        self.enqueue_print(payload, job.order_id, now).await
    }

    /// Cancels a job that is waiting, failed or needs a person (also "it did print, leave it").
    pub async fn cancel_job(
        &self,
        actor: &Actor,
        job_id: i64,
        now: DateTime<Utc>,
    ) -> Result<PrintJob, AppError> {
        actor.require(Permission::PrintTickets)?;
        let by = actor.name.clone();
        self.change_job(job_id, now, move |conn| {
            forno_store::outbox::cancel(conn, job_id, &by, now)
        })
        .await
    }

    /// Sends a failed or troubled job again as it is (no KOPIE), optionally to another printer.
    pub async fn retry_job(
        &self,
        actor: &Actor,
        job_id: i64,
        printer_id: Option<i64>,
        now: DateTime<Utc>,
    ) -> Result<PrintJob, AppError> {
        actor.require(Permission::PrintTickets)?;
        let current = self
            .read(move |conn| {
                forno_store::outbox::get(conn, job_id)?
                    .filter(|j| j.kind == PRINT_KIND)
                    .ok_or_else(|| no_such_job(job_id))
            })
            .await?;
        let mut payload = payload_of(&current).ok_or_else(|| no_such_job(job_id))?;
        if let Some(printer_id) = printer_id {
            if self
                .read(move |conn| Ok(forno_store::printers::get(conn, printer_id)?))
                .await?
                .is_none()
            {
                return Err(ValidationError::field(
                    "printer_id",
                    msg!(nl: "Printer {printer_id} bestaat niet.", en: "There is no printer {printer_id}."),
                )
                .into());
            }
            payload.printer_id = printer_id;
        }
        let target = payload.printer_id.to_string();
        let payload = serde_json::to_value(&payload).expect("a print payload serialises");
        self.change_job(job_id, now, move |conn| {
            forno_store::outbox::requeue(
                conn,
                job_id,
                Some(target.as_str()),
                Some(&payload),
                20,
                now,
            )
        })
        .await
    }

    async fn change_job(
        &self,
        job_id: i64,
        now: DateTime<Utc>,
        change: impl FnOnce(&Connection) -> Result<Option<Job>, StoreError> + Send + 'static,
    ) -> Result<PrintJob, AppError> {
        let bus = self.bus();
        let waker = self.outbox_waker();
        self.store()
            .write(
                move |conn| -> Result<(PrintJob, Vec<PublishedEvent>), AppError> {
                    let existing = forno_store::outbox::get(conn, job_id)?
                        .filter(|j| j.kind == PRINT_KIND)
                        .ok_or_else(|| no_such_job(job_id))?;
                    let Some(job) = change(conn)? else {
                        let state = job_state(&existing);
                        return Err(AppError::Conflict(msg!(
                            nl: "Printtaak {job_id} is nu {state}; dat kan niet meer.",
                            en: "Print job {job_id} is {state} now; that is no longer possible."
                        )));
                    };
                    let event = job_event(conn, &job, now)?;
                    Ok((print_job(conn, job)?, vec![event]))
                },
                move |(_, events)| {
                    publish(&bus, events);
                    waker.wake();
                },
            )
            .await
            .map(|(job, _)| job)
    }
}

/// At most this many print rules (a shop has a handful).
pub const MAX_PRINT_RULES: usize = 40;

/// A print rule as the owner sets it: when `trigger` fires, print `layout` on `printer_id` (None:
/// the first enabled printer); a kitchen rule may be for one `station` (its code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintRuleForm {
    pub trigger: String,
    pub layout: String,
    pub printer_id: Option<i64>,
    pub station: Option<String>,
    pub enabled: bool,
}

/// The rules as they are kept, or the first field that is wrong (`rules[i].field`).
fn check_rules(
    forms: Vec<PrintRuleForm>,
    printers: &[PrinterRow],
    stations: &Stations,
) -> Result<Vec<RuleFields>, ValidationError> {
    if forms.len() > MAX_PRINT_RULES {
        return Err(ValidationError::field(
            "rules",
            msg!(nl: "Maak hoogstens {MAX_PRINT_RULES} printregels.", en: "Set up at most {MAX_PRINT_RULES} print rules."),
        ));
    }
    let mut rules: Vec<RuleFields> = Vec::new();
    for (i, form) in forms.into_iter().enumerate() {
        let field = |name: &str| format!("rules[{i}].{name}");
        let Some(trigger) = Trigger::parse(form.trigger.trim()) else {
            let known = Trigger::ALL.map(Trigger::as_str).join(", ");
            return Err(ValidationError::field(
                field("trigger"),
                msg!(nl: "Kies wanneer deze regel print: een van {known}.", en: "Choose when this rule prints: one of {known}."),
            ));
        };
        let layout = match Layout::parse(form.layout.trim()) {
            Some(layout @ (Layout::Kitchen | Layout::Receipt | Layout::Drawer)) => layout,
            _ => {
                return Err(ValidationError::field(
                    field("layout"),
                    msg!(nl: "Kies wat deze regel print: kitchen (keukenbon), receipt (kassabon) of drawer (kassalade open).", en: "Choose what this rule prints: kitchen (kitchen ticket), receipt or drawer (open the cash drawer)."),
                ));
            }
        };
        if let Some(id) = form.printer_id
            && !printers.iter().any(|p| p.id == id)
        {
            return Err(ValidationError::field(
                field("printer_id"),
                msg!(nl: "Printer {id} bestaat niet; kies een printer uit de lijst.", en: "There is no printer {id}; choose a printer from the list."),
            ));
        }
        let station = form
            .station
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty());
        if let Some(code) = &station {
            if layout != Layout::Kitchen {
                return Err(ValidationError::field(
                    field("station"),
                    msg!(nl: "Alleen een keukenbon hoort bij een station; laat het station leeg.", en: "Only a kitchen ticket belongs to a station; leave the station empty."),
                ));
            }
            if !stations.0.iter().any(|s| &s.code == code) {
                return Err(ValidationError::field(
                    field("station"),
                    msg!(nl: "Er is geen station met deze code; kies een station uit de lijst (de stations staan bij Instellingen).", en: "There is no station with this code; choose a station from the list (stations are under Settings)."),
                ));
            }
        }
        let rule = RuleFields {
            trigger: trigger.as_str().to_owned(),
            layout: layout.as_str().to_owned(),
            printer_id: form.printer_id,
            station,
            enabled: form.enabled,
        };
        if let Some(j) = rules.iter().position(|r| {
            (&r.trigger, &r.layout, r.printer_id, &r.station)
                == (&rule.trigger, &rule.layout, rule.printer_id, &rule.station)
        }) {
            let n = j + 1;
            return Err(ValidationError::field(
                field("trigger"),
                msg!(nl: "Deze regel staat er al (regel {n}); twee keer dezelfde regel print alles dubbel.", en: "This rule is already there (rule {n}); the same rule twice prints everything twice."),
            ));
        }
        rules.push(rule);
    }
    Ok(rules)
}

impl Shop {
    /// The print rules, in the order they were set.
    pub async fn print_rules(&self, actor: &Actor) -> Result<Vec<PrintRule>, AppError> {
        actor.require(Permission::ManagePrinters)?;
        self.read(|conn| Ok(forno_store::printers::rules(conn)?))
            .await
    }

    /// Replaces every print rule at once; nothing changes when one is wrong.
    pub async fn set_print_rules(
        &self,
        actor: &Actor,
        forms: Vec<PrintRuleForm>,
        now: DateTime<Utc>,
    ) -> Result<Vec<PrintRule>, AppError> {
        actor.require(Permission::ManagePrinters)?;
        let staff_id = actor.staff_id;
        self.store()
            .write(
                move |conn| -> Result<Vec<PrintRule>, AppError> {
                    let printers = forno_store::printers::list(conn)?;
                    let stations = crate::kitchen::load_stations(conn)?;
                    let rules = check_rules(forms, &printers, &stations)?;
                    forno_store::printers::replace_rules(conn, &rules)?;
                    let rules = forno_store::printers::rules(conn)?;
                    forno_store::audit::record(
                        conn,
                        now,
                        staff_id,
                        "print.rules_changed",
                        None,
                        &serde_json::json!({
                            "rules": rules.iter().map(|r| serde_json::json!({
                                "trigger": r.trigger,
                                "layout": r.layout,
                                "printer_id": r.printer_id,
                                "station": r.station,
                                "enabled": r.enabled,
                            })).collect::<Vec<_>>(),
                        }),
                    )?;
                    Ok(rules)
                },
                |_| {},
            )
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use forno_domain::Station;

    fn printer(id: i64) -> PrinterRow {
        let at = DateTime::<Utc>::UNIX_EPOCH;
        PrinterRow {
            id,
            name: format!("p{id}"),
            profile: "epson-tm-t20iii".into(),
            connection: "tcp".into(),
            address: "127.0.0.1:9100".into(),
            enabled: true,
            state: "unknown".into(),
            state_at: None,
            created_at: at,
            updated_at: at,
        }
    }

    fn rule(
        trigger: &str,
        layout: &str,
        printer_id: Option<i64>,
        station: Option<&str>,
    ) -> PrintRuleForm {
        PrintRuleForm {
            trigger: trigger.into(),
            layout: layout.into(),
            printer_id,
            station: station.map(str::to_owned),
            enabled: true,
        }
    }

    fn field_of(result: Result<Vec<RuleFields>, ValidationError>) -> String {
        result.unwrap_err().field.unwrap_or_default()
    }

    #[test]
    fn rules_are_checked_field_by_field() {
        let printers = [printer(1), printer(2)];
        let stations = Stations(vec![Station {
            code: "oven".into(),
            name: "Oven".into(),
            category_ids: vec![1],
        }]);
        let good = check_rules(
            vec![
                rule("counter_order_sent", "kitchen", Some(2), Some(" oven ")),
                rule("counter_order_sent", "kitchen", None, Some("")),
                rule("order_paid", "receipt", None, None),
            ],
            &printers,
            &stations,
        )
        .unwrap();
        assert_eq!(good[0].station.as_deref(), Some("oven"));
        assert_eq!(good[1].station, None);
        let check = |forms| check_rules(forms, &printers, &stations);
        assert_eq!(
            field_of(check(vec![
                rule("order_paid", "receipt", None, None),
                rule("counter_order_placed", "kitchen", None, None)
            ])),
            "rules[1].trigger"
        );
        assert_eq!(
            field_of(check(vec![rule("order_paid", "test", None, None)])),
            "rules[0].layout"
        );
        assert_eq!(
            field_of(check(vec![rule("order_paid", "receipt", Some(9), None)])),
            "rules[0].printer_id"
        );
        assert_eq!(
            field_of(check(vec![rule(
                "order_paid",
                "receipt",
                None,
                Some("oven")
            )])),
            "rules[0].station"
        );
        assert_eq!(
            field_of(check(vec![rule(
                "web_order_accepted",
                "kitchen",
                None,
                Some("bar")
            )])),
            "rules[0].station"
        );
        // The same rule twice would print everything twice.
        assert_eq!(
            field_of(check(vec![
                rule("cash_paid", "drawer", None, None),
                rule("cash_paid", "drawer", None, None)
            ])),
            "rules[1].trigger"
        );
    }
}
