//! Printers, their profiles and print jobs on the wire, and the staff stream's print events.

use chrono::{DateTime, Utc};
use forno_app::{PrintJob, PrintJobChange, PrintRule, Printer, PrinterChange};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A printer model Forno knows (a file in `printers/`).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PrinterProfileDto {
    pub id: String,
    pub name: String,
    pub paper_mm: u32,
    /// Characters per line: 48 or 42 on 80 mm, 32 on 58 mm.
    pub columns: usize,
    pub code_page: String,
    /// `full`, `partial` or `none`.
    pub cut: String,
    pub drawer_kick: bool,
    /// Prints the receipt's tracking QR code (with its own QR command, or drawn as a raster
    /// image); otherwise the link is printed as text.
    pub qr: bool,
    /// Answers status requests (paper out, cover open) on a network or serial link.
    pub status: bool,
}

impl From<&forno_print::Profile> for PrinterProfileDto {
    fn from(p: &forno_print::Profile) -> Self {
        PrinterProfileDto {
            id: p.id.clone(),
            name: p.name.clone(),
            paper_mm: p.paper_mm,
            columns: p.columns,
            code_page: p.code_page.clone(),
            cut: match p.cut {
                forno_print::profile::Cut::Full => "full",
                forno_print::profile::Cut::Partial => "partial",
                forno_print::profile::Cut::None => "none",
            }
            .into(),
            drawer_kick: p.drawer_kick,
            qr: p.prints_qr(),
            status: p.status,
        }
    }
}

/// A printer with its state as last seen.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PrinterDto {
    pub id: i64,
    pub name: String,
    pub profile: PrinterProfileDto,
    /// `tcp`, `serial`, `usb`, `cups` or `agent`.
    pub connection: String,
    /// `192.168.1.50:9100`, `/dev/ttyUSB0@19200`, `/dev/usb/lp0`, a queue name; empty for an agent.
    pub address: String,
    pub enabled: bool,
    /// `online`, `paper_low`, `paper_out`, `cover_open`, `error`, `offline`, `unknown`, `agent_away`.
    pub state: String,
    /// The state in words, Dutch.
    pub state_nl: String,
    /// The state in words, English.
    pub state_en: String,
    /// Whether it can print now, as far as Forno knows.
    pub ready: bool,
    pub state_at: Option<DateTime<Utc>>,
    /// Tickets waiting for it or printing.
    pub waiting: i64,
    /// Tickets that failed or need a person.
    pub problems: i64,
}

impl From<&Printer> for PrinterDto {
    fn from(p: &Printer) -> Self {
        let (nl, en) = p.state.words();
        PrinterDto {
            id: p.id,
            name: p.name.clone(),
            profile: PrinterProfileDto::from(&p.profile),
            connection: p.link.kind().into(),
            address: p.link.address(),
            enabled: p.enabled,
            state: p.state.as_str().into(),
            state_nl: nl.into(),
            state_en: en.into(),
            ready: p.state.can_print(),
            state_at: p.state_at,
            waiting: p.waiting,
            problems: p.problems,
        }
    }
}

/// `POST /printers`, `PUT /printers/{id}`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrinterBody {
    pub name: String,
    /// A profile id from `GET /printers/profiles`.
    pub profile: String,
    /// `tcp`, `serial`, `usb`, `cups` or `agent`.
    pub connection: String,
    #[serde(default)]
    pub address: String,
    #[serde(default = "yes")]
    pub enabled: bool,
}

fn yes() -> bool {
    true
}

/// A print job.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PrintJobDto {
    pub id: i64,
    pub printer_id: Option<i64>,
    pub printer_name: String,
    pub order_id: Option<i64>,
    /// `kitchen`, `kitchen_void` (a line voided after its kitchen ticket: VERVALLEN),
    /// `kitchen_cancel` (the order cancelled after its kitchen tickets: GEANNULEERD), `receipt`,
    /// `drawer` or `test`.
    pub layout: String,
    /// `queued`, `printing`, `printed`, `failed`, `needs_attention` or `cancelled`.
    pub state: String,
    /// A reprint: says KOPIE.
    pub copy: bool,
    /// A kitchen ticket or slip for one station: the station's name.
    pub station: Option<String>,
    pub attempts: u32,
    /// Why the last try failed, or why it needs a person.
    pub error: Option<String>,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<&PrintJob> for PrintJobDto {
    fn from(j: &PrintJob) -> Self {
        PrintJobDto {
            id: j.job.id,
            printer_id: j.printer_id,
            printer_name: j.printer_name.clone(),
            order_id: j.job.order_id,
            layout: j.layout.clone(),
            state: j.state.into(),
            copy: j.copy,
            station: j.station.clone(),
            attempts: j.job.attempts,
            error: match j.state {
                "printed" | "printing" => None,
                _ => j.job.last_error.clone(),
            },
            next_attempt_at: j.job.next_attempt_at,
            created_at: j.job.created_at,
            updated_at: j.job.updated_at,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PrintJobListDto {
    pub jobs: Vec<PrintJobDto>,
    pub total: i64,
}

/// `POST /orders/{id}/print`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrintOrderBody {
    /// `kitchen` or `receipt`.
    pub layout: String,
    /// The printer; the first one when left out.
    pub printer_id: Option<i64>,
}

/// `POST /print-jobs/{id}/reprint`, `/retry`: optionally on another printer.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrintJobMoveBody {
    pub printer_id: Option<i64>,
}

/// A print rule: when `trigger` fires, print `layout` on `printer_id` (null: the first enabled
/// printer); a kitchen rule with `station` prints only that station's ticket.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PrintRuleDto {
    /// `web_order_accepted`, `counter_order_sent`, `order_paid` or `cash_paid`.
    pub trigger: String,
    /// `kitchen`, `receipt` or `drawer`.
    pub layout: String,
    pub printer_id: Option<i64>,
    /// A station's code (kitchen tickets only); null: every station no other rule names.
    pub station: Option<String>,
    pub enabled: bool,
}

impl From<&PrintRule> for PrintRuleDto {
    fn from(r: &PrintRule) -> Self {
        PrintRuleDto {
            trigger: r.trigger.clone(),
            layout: r.layout.clone(),
            printer_id: r.printer_id,
            station: r.station.clone(),
            enabled: r.enabled,
        }
    }
}

/// `GET /print-rules`: the rules, and the choices a rule has.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PrintRulesDto {
    pub rules: Vec<PrintRuleDto>,
    /// Every trigger a rule may name.
    pub triggers: Vec<String>,
    /// Every layout a rule may print.
    pub layouts: Vec<String>,
}

/// One rule in `PUT /print-rules`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrintRuleBody {
    pub trigger: String,
    pub layout: String,
    /// Left out or null: the first enabled printer.
    #[serde(default)]
    pub printer_id: Option<i64>,
    /// A station code, for a kitchen rule that prints one station's ticket.
    #[serde(default)]
    pub station: Option<String>,
    #[serde(default = "yes")]
    pub enabled: bool,
}

/// `PUT /print-rules`: every rule, replacing the ones there are.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrintRulesBody {
    pub rules: Vec<PrintRuleBody>,
}

/// `data` of `print.job_changed` (staff only).
#[derive(Debug, Clone, Serialize)]
pub struct PrintJobChangeData {
    pub job_id: i64,
    pub printer_id: Option<i64>,
    pub printer_name: String,
    pub order_id: Option<i64>,
    pub layout: String,
    pub state: String,
    pub error: Option<String>,
    pub copy: bool,
}

impl From<&PrintJobChange> for PrintJobChangeData {
    fn from(c: &PrintJobChange) -> Self {
        PrintJobChangeData {
            job_id: c.job_id,
            printer_id: c.printer_id,
            printer_name: c.printer_name.clone(),
            order_id: c.order_id,
            layout: c.layout.clone(),
            state: c.state.clone(),
            error: c.error.clone(),
            copy: c.copy,
        }
    }
}

/// `data` of `printer.updated` (staff only).
#[derive(Debug, Clone, Serialize)]
pub struct PrinterChangeData {
    pub printer_id: i64,
    pub name: String,
    pub state: String,
    pub state_nl: String,
    pub state_en: String,
    pub ready: bool,
    pub removed: bool,
}

impl From<&PrinterChange> for PrinterChangeData {
    fn from(c: &PrinterChange) -> Self {
        let state = forno_print::PrinterState::parse(&c.state)
            .unwrap_or(forno_print::PrinterState::Unknown);
        let (nl, en) = state.words();
        PrinterChangeData {
            printer_id: c.printer_id,
            name: c.name.clone(),
            state: c.state.clone(),
            state_nl: nl.into(),
            state_en: en.into(),
            ready: state.can_print(),
            removed: c.removed,
        }
    }
}
