//! Reading the audit log (S3) for the owner and managers: filtered by who, what and when, newest
//! first, a page at a time. Entries are written by the use cases themselves, each inside its own
//! transaction (`forno_store::audit::record`); nothing here or anywhere changes or removes one.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use forno_domain::{Permission, ValidationError, msg};
use forno_store::audit::{AuditEntry, AuditFilter};

use crate::auth::Actor;
use crate::{AppError, Shop};

/// The most entries one page holds.
pub const MAX_AUDIT_PAGE: i64 = 200;

/// What the audit page asks for.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub staff_id: Option<i64>,
    /// An action (`order.cancelled`) or a family of them ending in a dot (`staff.`).
    pub action: Option<String>,
    /// The first day, in the shop's time zone.
    pub from: Option<NaiveDate>,
    /// The last day (included), in the shop's time zone.
    pub to: Option<NaiveDate>,
    /// Entries older than this entry (the `next_before` of the previous page).
    pub before: Option<i64>,
    pub limit: Option<i64>,
}

/// One page of the audit log, and where the next (older) page starts, if there is one.
#[derive(Debug, Clone)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub next_before: Option<i64>,
}

impl Shop {
    /// When `day` begins in the shop's time zone (the earlier instant when clocks go back).
    fn start_of_day(&self, day: NaiveDate) -> DateTime<Utc> {
        let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
        self.settings()
            .tz()
            .from_local_datetime(&midnight)
            .earliest()
            .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
    }

    /// A page of the audit log, newest first, filtered by who, what and which days.
    pub async fn audit_log(&self, actor: &Actor, query: AuditQuery) -> Result<AuditPage, AppError> {
        actor.require(Permission::ViewAuditLog)?;
        let limit = query.limit.unwrap_or(50);
        if !(1..=MAX_AUDIT_PAGE).contains(&limit) {
            return Err(ValidationError::field(
                "limit",
                msg!(
                    nl: "Vraag 1 tot {MAX_AUDIT_PAGE} regels tegelijk.",
                    en: "Ask for 1 to {MAX_AUDIT_PAGE} entries at a time."
                ),
            )
            .into());
        }
        if let (Some(from), Some(to)) = (query.from, query.to)
            && to < from
        {
            return Err(ValidationError::field(
                "to",
                msg!(
                    nl: "De einddatum ligt voor de begindatum; draai ze om.",
                    en: "The end date is before the start date; swap them."
                ),
            )
            .into());
        }
        if let Some(action) = &query.action {
            forno_domain::text::one_line(action, "action", 60)?;
        }
        let filter = AuditFilter {
            staff_id: query.staff_id,
            action: query.action.filter(|a| !a.trim().is_empty()),
            from: query.from.map(|day| self.start_of_day(day)),
            until: query
                .to
                .and_then(|day| day.succ_opt())
                .map(|day| self.start_of_day(day)),
            before: query.before,
            // One more than asked: whether an older page exists.
            limit: limit + 1,
        };
        let mut entries = self
            .read(move |conn| Ok(forno_store::audit::find(conn, &filter)?))
            .await?;
        let next_before = if entries.len() as i64 > limit {
            entries.truncate(limit as usize);
            entries.last().map(|e| e.id)
        } else {
            None
        };
        Ok(AuditPage {
            entries,
            next_before,
        })
    }
}
