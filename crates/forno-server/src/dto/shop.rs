//! The shop on the wire: opening hours, zones, slots, settings, pausing, and health.

use chrono::{DateTime, NaiveDate, Utc};
use forno_app::{ShopSettings, ShopStatus};
use forno_domain::DeliveryZone;
use forno_domain::hours::{OpeningHours, OpeningPeriod, WEEKDAYS};
use forno_domain::msg;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::names::WeekdayName;
use crate::error::ApiError;

// ---------- shop and settings ----------

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PeriodDto {
    /// "mon" … "sun".
    #[schema(value_type = WeekdayName)]
    pub weekday: String,
    pub open: String,
    pub close: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ExceptionDto {
    pub date: NaiveDate,
    pub closed: bool,
    pub hours: Vec<PeriodDto>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ZoneDto {
    pub id: i64,
    pub name: String,
    pub postcodes: Vec<String>,
    pub fee_cents: i64,
    pub minimum_order_cents: i64,
    pub extra_minutes: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct FulfilmentOptionsDto {
    pub pickup: bool,
    pub delivery: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SlotsDto {
    pub pickup: Vec<DateTime<Utc>>,
    pub delivery: Vec<DateTime<Utc>>,
}

/// What a customer needs to know before ordering.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ShopDto {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub time_zone: String,
    pub open_now: bool,
    pub next_opening: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub paused: bool,
    pub prep_time_minutes: i64,
    pub fulfilment: FulfilmentOptionsDto,
    pub hours: Vec<PeriodDto>,
    pub exceptions: Vec<ExceptionDto>,
    pub zones: Vec<ZoneDto>,
    pub slots: SlotsDto,
}

fn periods_dto(weekday: &str, periods: &[OpeningPeriod]) -> Vec<PeriodDto> {
    periods
        .iter()
        .map(|p| PeriodDto {
            weekday: weekday.to_owned(),
            open: p.open.to_string(),
            close: p.close.to_string(),
        })
        .collect()
}

fn hours_dto(hours: &OpeningHours) -> (Vec<PeriodDto>, Vec<ExceptionDto>) {
    let weekly = WEEKDAYS
        .iter()
        .zip(hours.weekly.iter())
        .flat_map(|(day, periods)| periods_dto(day, periods))
        .collect();
    let exceptions = hours
        .exceptions
        .iter()
        .map(|(date, periods)| ExceptionDto {
            date: *date,
            closed: periods.is_empty(),
            hours: periods_dto("", periods),
        })
        .collect();
    (weekly, exceptions)
}

fn zone_dto(z: &DeliveryZone) -> ZoneDto {
    ZoneDto {
        id: z.id,
        name: z.name.clone(),
        postcodes: z.postcodes.clone(),
        fee_cents: z.fee,
        minimum_order_cents: z.minimum_order,
        extra_minutes: z.extra_minutes,
    }
}

impl ShopDto {
    pub fn new(settings: &ShopSettings, status: ShopStatus) -> ShopDto {
        let (hours, exceptions) = hours_dto(&settings.hours);
        ShopDto {
            name: settings.name.clone(),
            address: settings.address.clone(),
            phone: settings.phone.clone(),
            time_zone: settings.time_zone.clone(),
            open_now: status.open_now,
            next_opening: status.next_opening,
            closes_at: status.closes_at,
            paused: settings.paused,
            prep_time_minutes: settings.prep_time_minutes,
            fulfilment: FulfilmentOptionsDto {
                pickup: settings.pickup_enabled,
                delivery: settings.delivery_enabled,
            },
            hours,
            exceptions,
            zones: settings.zones.iter().map(zone_dto).collect(),
            slots: SlotsDto {
                pickup: status.pickup_slots,
                delivery: status.delivery_slots,
            },
        }
    }
}

/// Whether the shop delivers to a postcode (`GET /delivery-zones/check`), asked while the
/// customer types it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct PostcodeCheckDto {
    /// The postcode as the shop writes it: "1017 GM".
    pub postcode: String,
    pub delivers: bool,
    /// The zone that delivers there: its fee, minimum order and extra minutes.
    pub zone: Option<ZoneDto>,
}

impl PostcodeCheckDto {
    pub fn new(postcode: forno_domain::Postcode, zone: Option<&DeliveryZone>) -> Self {
        PostcodeCheckDto {
            postcode: postcode.to_string(),
            delivers: zone.is_some(),
            zone: zone.map(zone_dto),
        }
    }
}

/// The shop's settings as staff read and the owner writes them.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SettingsDto {
    pub name: String,
    pub address: String,
    pub phone: String,
    pub vat_number: String,
    pub time_zone: String,
    pub hours: Vec<PeriodDto>,
    #[serde(default)]
    pub exceptions: Vec<ExceptionDto>,
    pub zones: Vec<ZoneDto>,
    pub prep_time_minutes: i64,
    /// Online orders refused for now (the counter keeps working). Absent means false.
    #[serde(default)]
    pub paused: bool,
    pub pickup_enabled: bool,
    pub delivery_enabled: bool,
}

impl From<&ShopSettings> for SettingsDto {
    fn from(s: &ShopSettings) -> Self {
        let (hours, exceptions) = hours_dto(&s.hours);
        SettingsDto {
            name: s.name.clone(),
            address: s.address.clone(),
            phone: s.phone.clone(),
            vat_number: s.vat_number.clone(),
            time_zone: s.time_zone.clone(),
            hours,
            exceptions,
            zones: s.zones.iter().map(zone_dto).collect(),
            prep_time_minutes: s.prep_time_minutes,
            paused: s.paused,
            pickup_enabled: s.pickup_enabled,
            delivery_enabled: s.delivery_enabled,
        }
    }
}

fn parse_period(p: &PeriodDto, field: &str) -> Result<OpeningPeriod, ApiError> {
    let time = |t: &str, part: &str| {
        forno_domain::hours::ClockTime::parse(t).ok_or_else(|| {
            ApiError::invalid(
                &format!("{field}.{part}"),
                msg!(
                    nl: "\"{t}\" is geen tijd zoals 16:30.",
                    en: "\"{t}\" is not a time like 16:30."
                ),
            )
        })
    };
    Ok(OpeningPeriod {
        open: time(&p.open, "open")?,
        close: time(&p.close, "close")?,
    })
}

impl SettingsDto {
    pub fn into_settings(self) -> Result<ShopSettings, ApiError> {
        let mut hours = OpeningHours::default();
        for (i, p) in self.hours.iter().enumerate() {
            let day = WEEKDAYS
                .iter()
                .position(|d| *d == p.weekday)
                .ok_or_else(|| {
                    let weekday = &p.weekday;
                    ApiError::invalid(
                        &format!("hours[{i}].weekday"),
                        msg!(
                            nl: "\"{weekday}\" is geen weekdag; gebruik mon, tue, wed, thu, fri, sat of sun.",
                            en: "\"{weekday}\" is not a weekday; use mon, tue, wed, thu, fri, sat or sun."
                        ),
                    )
                })?;
            hours.weekly[day].push(parse_period(p, &format!("hours[{i}]"))?);
        }
        for (i, e) in self.exceptions.iter().enumerate() {
            let periods = if e.closed {
                Vec::new()
            } else {
                e.hours
                    .iter()
                    .enumerate()
                    .map(|(j, p)| parse_period(p, &format!("exceptions[{i}].hours[{j}]")))
                    .collect::<Result<_, _>>()?
            };
            hours.exceptions.insert(e.date, periods);
        }
        Ok(ShopSettings {
            name: self.name,
            address: self.address,
            phone: self.phone,
            vat_number: self.vat_number,
            time_zone: self.time_zone,
            hours,
            zones: self
                .zones
                .into_iter()
                .map(|z| DeliveryZone {
                    id: z.id,
                    name: z.name,
                    postcodes: z.postcodes,
                    fee: z.fee_cents,
                    minimum_order: z.minimum_order_cents,
                    extra_minutes: z.extra_minutes,
                })
                .collect(),
            prep_time_minutes: self.prep_time_minutes,
            paused: self.paused,
            pickup_enabled: self.pickup_enabled,
            delivery_enabled: self.delivery_enabled,
        })
    }
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PauseBody {
    pub paused: bool,
}

#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PrepTimeBody {
    /// Minutes from order to ready, for new orders: 1–240.
    pub prep_time_minutes: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct HealthDto {
    pub status: String,
    pub version: String,
    pub event_seq: i64,
    pub ws_connections: WsCountsDto,
    /// Outbox jobs per state: `failed` and `needs_attention` want a person.
    pub outbox: super::OutboxCountsDto,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct WsCountsDto {
    pub staff: usize,
    pub customer: usize,
    pub limit: usize,
}
