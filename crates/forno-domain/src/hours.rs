//! Opening hours per weekday with exceptions (holidays), the kitchen's prep time, and the
//! 15-minute time slots a customer may pick: only inside opening hours, never in the past, never
//! sooner than the kitchen can make it.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::message::{Lang, Message};
use crate::msg;
use crate::validation::ValidationError;

pub const SLOT_MINUTES: i64 = 15;

/// A time of day in minutes after midnight, 0..=1440, written "HH:MM" ("24:00" is the end of
/// the day, so a shop can be open until midnight).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClockTime(pub u16);

impl ClockTime {
    pub fn parse(text: &str) -> Option<ClockTime> {
        let (h, m) = text.split_once(':')?;
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        let minutes = h * 60 + m;
        (m < 60 && minutes <= 24 * 60).then_some(ClockTime(minutes))
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        ClockTime::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("\"{text}\" is not a time like 16:30")))
    }
}

/// One stretch of opening on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningPeriod {
    pub open: ClockTime,
    pub close: ClockTime,
}

/// Weekly hours (index 0 = Monday) and dated exceptions; an exception with no periods is a day
/// the shop is closed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OpeningHours {
    pub weekly: [Vec<OpeningPeriod>; 7],
    #[serde(default)]
    pub exceptions: BTreeMap<NaiveDate, Vec<OpeningPeriod>>,
}

pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

impl OpeningHours {
    pub fn periods_on(&self, date: NaiveDate) -> &[OpeningPeriod] {
        self.exceptions
            .get(&date)
            .unwrap_or(&self.weekly[date.weekday().num_days_from_monday() as usize])
    }

    pub fn validate(&self) -> Result<(), ValidationError> {
        let days = self
            .weekly
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("hours.{}", WEEKDAYS[i]), p))
            .chain(
                self.exceptions
                    .iter()
                    .map(|(d, p)| (format!("exceptions.{d}"), p)),
            );
        for (field, periods) in days {
            let mut sorted = periods.clone();
            sorted.sort_by_key(|p| p.open);
            for p in &sorted {
                if p.open >= p.close {
                    let (open, close) = (p.open, p.close);
                    return Err(ValidationError::field(
                        field,
                        msg!(
                            nl: "Open om {open} en dicht om {close} kan niet: de sluitingstijd moet later zijn dan de openingstijd.",
                            en: "Opening at {open} and closing at {close} is not a period; closing must be later than opening."
                        ),
                    ));
                }
            }
            if sorted.windows(2).any(|w| w[0].close > w[1].open) {
                return Err(ValidationError::field(
                    field,
                    msg!(
                        nl: "Deze openingstijden overlappen elkaar.",
                        en: "Opening periods overlap."
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// A bookable 15-minute slot start, in UTC.
pub type TimeSlot = DateTime<Utc>;

/// The shop's clock: its time zone, its hours and its kitchen's prep time. All functions take
/// `now` as an argument.
#[derive(Debug, Clone)]
pub struct ShopClock<'a> {
    pub tz: Tz,
    pub hours: &'a OpeningHours,
    pub prep_minutes: i64,
}

impl ShopClock<'_> {
    fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&self.tz).naive_local()
    }

    fn to_utc(&self, date: NaiveDate, minutes: u16) -> Option<DateTime<Utc>> {
        let naive = date.and_time(NaiveTime::MIN) + Duration::minutes(minutes as i64);
        self.tz
            .from_local_datetime(&naive)
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    }

    /// The shop's calendar date at `at` (orders are numbered per business date).
    pub fn business_date(&self, at: DateTime<Utc>) -> NaiveDate {
        self.local(at).date()
    }

    /// The shop's time of day at `at` (an item's `available` hours are in it).
    pub fn time_of_day(&self, at: DateTime<Utc>) -> ClockTime {
        ClockTime(Self::minute_of_day(self.local(at)))
    }

    fn minute_of_day(t: NaiveDateTime) -> u16 {
        (t.time().num_seconds_from_midnight() / 60) as u16
    }

    /// The period the shop is open in at `at`, if any.
    fn period_at(&self, at: DateTime<Utc>) -> Option<OpeningPeriod> {
        let local = self.local(at);
        let minute = Self::minute_of_day(local);
        self.hours
            .periods_on(local.date())
            .iter()
            .copied()
            .find(|p| p.open.0 <= minute && minute < p.close.0)
    }

    pub fn is_open(&self, at: DateTime<Utc>) -> bool {
        self.period_at(at).is_some()
    }

    pub fn closes_at(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let period = self.period_at(at)?;
        self.to_utc(self.local(at).date(), period.close.0)
    }

    /// The next moment the shop opens after `at` (within two weeks), or `None` when it is open.
    pub fn next_opening(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if self.is_open(at) {
            return None;
        }
        let today = self.local(at).date();
        (0..14)
            .filter_map(|d| today.checked_add_signed(Duration::days(d)))
            .flat_map(|date| {
                let mut periods = self.hours.periods_on(date).to_vec();
                periods.sort_by_key(|p| p.open);
                periods
                    .into_iter()
                    .filter_map(move |p| self.to_utc(date, p.open.0))
            })
            .find(|open| *open > at)
    }

    /// Minutes from ordering until the order can be ready.
    pub fn lead_minutes(&self, extra_minutes: i64) -> i64 {
        self.prep_minutes + extra_minutes
    }

    /// Bookable slots from `now` over `days` calendar days: every 15 minutes inside an opening
    /// period (closing time included), at least the lead time from now.
    pub fn slots(&self, now: DateTime<Utc>, extra_minutes: i64, days: i64) -> Vec<TimeSlot> {
        let earliest = now + Duration::minutes(self.lead_minutes(extra_minutes));
        let today = self.local(now).date();
        let mut slots = Vec::new();
        for d in 0..days {
            let Some(date) = today.checked_add_signed(Duration::days(d)) else {
                continue;
            };
            let mut periods = self.hours.periods_on(date).to_vec();
            periods.sort_by_key(|p| p.open);
            for p in periods {
                let first = p.open.0.div_ceil(SLOT_MINUTES as u16) * SLOT_MINUTES as u16;
                for minute in (first..=p.close.0).step_by(SLOT_MINUTES as usize) {
                    if let Some(slot) = self.to_utc(date, minute)
                        && slot >= earliest
                        && slots.last().is_none_or(|last| *last < slot)
                    {
                        slots.push(slot);
                    }
                }
            }
        }
        slots
    }

    /// Checks a requested time and returns when the order is expected to be ready.
    /// ASAP needs the shop to be open now; a slot must be on the 15-minute grid, inside opening
    /// hours and at least the lead time away.
    pub fn check_requested_time(
        &self,
        now: DateTime<Utc>,
        requested: crate::order::RequestedTime,
        extra_minutes: i64,
    ) -> Result<DateTime<Utc>, ValidationError> {
        let lead = Duration::minutes(self.lead_minutes(extra_minutes));
        match requested {
            crate::order::RequestedTime::Asap => {
                if self.is_open(now) {
                    Ok(now + lead)
                } else {
                    let (wanneer, when) = match self.next_opening(now) {
                        Some(t) => {
                            let (wanneer, when) = self.described(t);
                            (
                                format!(" We zijn weer open op {wanneer}."),
                                format!(" We open again {when}."),
                            )
                        }
                        None => Default::default(),
                    };
                    Err(ValidationError::field(
                        "requested_time",
                        msg!(
                            nl: "We zijn nu gesloten.{wanneer} Je kunt wel een tijd voor later kiezen.",
                            en: "We are closed right now.{when} You can choose a time slot for later."
                        ),
                    ))
                }
            }
            crate::order::RequestedTime::Slot(at) => {
                let (wanneer, when) = self.described(at);
                if at < now {
                    return Err(ValidationError::field(
                        "requested_time",
                        self.in_the_past(at),
                    ));
                }
                let local = self.local(at);
                let minute = Self::minute_of_day(local);
                if local.second() != 0 || minute as i64 % SLOT_MINUTES != 0 {
                    return Err(ValidationError::field(
                        "requested_time",
                        msg!(
                            nl: "Kies een van de aangeboden tijden (elk kwartier).",
                            en: "Choose one of the offered times (every 15 minutes)."
                        ),
                    ));
                }
                let inside = self
                    .hours
                    .periods_on(local.date())
                    .iter()
                    .any(|p| p.open.0 <= minute && minute <= p.close.0);
                if !inside {
                    return Err(ValidationError::field(
                        "requested_time",
                        msg!(
                            nl: "Op {wanneer} zijn we gesloten; kies een tijd binnen onze openingstijden.",
                            en: "We are closed at {when}; choose a time within our opening hours."
                        ),
                    ));
                }
                if at < now + lead {
                    let hint = match self.slots(now, extra_minutes, 2).into_iter().next() {
                        Some(t) => {
                            let (vroegst, earliest) = self.described(t);
                            msg!(
                                nl: " Het vroegste tijdstip dat we halen is {vroegst}.",
                                en: " The earliest time we can do is {earliest}."
                            )
                        }
                        None => Message::new("", ""),
                    };
                    return Err(ValidationError::field(
                        "requested_time",
                        msg!(
                            nl: "{wanneer} is te vroeg voor de keuken.",
                            en: "{when} is too soon for the kitchen."
                        )
                        .then(&hint),
                    ));
                }
                Ok(at)
            }
        }
    }

    /// "tue 25-11 18:15" ("di 25-11 18:15" in Dutch) in the shop's time zone, for messages.
    pub fn describe(&self, at: DateTime<Utc>, lang: Lang) -> String {
        const DUTCH_WEEKDAYS: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
        let local = self.local(at);
        let day = local.weekday().num_days_from_monday() as usize;
        let weekday = match lang {
            Lang::Nl => DUTCH_WEEKDAYS[day],
            Lang::En => WEEKDAYS[day],
        };
        format!(
            "{weekday} {} {}",
            local.format("%d-%m"),
            local.format("%H:%M")
        )
    }

    /// `describe` in Dutch and in English, for a message.
    pub fn described(&self, at: DateTime<Utc>) -> (String, String) {
        (self.describe(at, Lang::Nl), self.describe(at, Lang::En))
    }

    /// "That time has passed": for any requested time before now.
    pub fn in_the_past(&self, at: DateTime<Utc>) -> Message {
        let (wanneer, when) = self.described(at);
        msg!(
            nl: "{wanneer} is al voorbij; kies een later tijdstip.",
            en: "{when} is in the past; choose a later time."
        )
    }
}

use chrono::Timelike;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::RequestedTime;

    /// Tue–Sun 16:00–22:00, closed Mondays, closed on 25 December.
    fn demo_hours() -> OpeningHours {
        let period = OpeningPeriod {
            open: ClockTime::parse("16:00").unwrap(),
            close: ClockTime::parse("22:00").unwrap(),
        };
        let mut hours = OpeningHours::default();
        for day in 1..7 {
            hours.weekly[day] = vec![period];
        }
        hours
            .exceptions
            .insert(NaiveDate::from_ymd_opt(2026, 12, 25).unwrap(), vec![]);
        hours
    }

    fn clock(hours: &OpeningHours) -> ShopClock<'_> {
        ShopClock {
            tz: chrono_tz::Europe::Amsterdam,
            hours,
            prep_minutes: 20,
        }
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn open_and_closed_follow_local_time() {
        let hours = demo_hours();
        let c = clock(&hours);
        // Wednesday 25 Nov 2026, 17:00 local = 16:00 UTC.
        assert!(c.is_open(utc("2026-11-25T16:00:00Z")));
        // 22:00 local is closing time: closed.
        assert!(!c.is_open(utc("2026-11-25T21:00:00Z")));
        // Monday is closed; next opening is Tuesday 16:00 local.
        let monday = utc("2026-11-23T17:00:00Z");
        assert!(!c.is_open(monday));
        assert_eq!(c.next_opening(monday), Some(utc("2026-11-24T15:00:00Z")));
        // Christmas (a Friday) is an exception.
        assert!(!c.is_open(utc("2026-12-25T17:00:00Z")));
    }

    #[test]
    fn slots_are_inside_hours_on_the_grid_and_after_the_lead_time() {
        let hours = demo_hours();
        let c = clock(&hours);
        let now = utc("2026-11-25T16:07:00Z"); // 17:07 local
        let slots = c.slots(now, 10, 1);
        // 17:07 + 30 min = 17:37 -> first slot 17:45 local = 16:45 UTC; last 22:00 local.
        assert_eq!(slots.first(), Some(&utc("2026-11-25T16:45:00Z")));
        assert_eq!(slots.last(), Some(&utc("2026-11-25T21:00:00Z")));
        assert!(
            slots
                .windows(2)
                .all(|w| w[1] - w[0] == Duration::minutes(15))
        );
    }

    #[test]
    fn requested_times_are_checked() {
        let hours = demo_hours();
        let c = clock(&hours);
        let now = utc("2026-11-25T16:07:00Z");
        assert!(c.check_requested_time(now, RequestedTime::Asap, 0).is_ok());
        let past = c.check_requested_time(now, RequestedTime::Slot(utc("2026-11-25T16:00:00Z")), 0);
        assert!(past.unwrap_err().message.en().contains("past"));
        let soon = c.check_requested_time(now, RequestedTime::Slot(utc("2026-11-25T16:15:00Z")), 0);
        assert!(soon.unwrap_err().message.en().contains("too soon"));
        let monday =
            c.check_requested_time(now, RequestedTime::Slot(utc("2026-11-30T17:00:00Z")), 0);
        assert!(monday.unwrap_err().message.en().contains("closed"));
        let off_grid =
            c.check_requested_time(now, RequestedTime::Slot(utc("2026-11-25T17:10:00Z")), 0);
        assert!(off_grid.is_err());
        let ok = c.check_requested_time(now, RequestedTime::Slot(utc("2026-11-25T17:00:00Z")), 0);
        assert_eq!(ok.unwrap(), utc("2026-11-25T17:00:00Z"));
        let closed_now = utc("2026-11-23T12:00:00Z");
        let asap = c
            .check_requested_time(closed_now, RequestedTime::Asap, 0)
            .unwrap_err();
        assert!(
            asap.message.en().contains("open again tue 24-11 16:00"),
            "{}",
            asap.message
        );
        assert!(
            asap.message
                .nl()
                .contains("We zijn weer open op di 24-11 16:00"),
            "{}",
            asap.message.nl()
        );
    }

    #[test]
    fn overlapping_or_reversed_periods_are_refused() {
        let mut hours = demo_hours();
        hours.weekly[0] = vec![OpeningPeriod {
            open: ClockTime::parse("22:00").unwrap(),
            close: ClockTime::parse("16:00").unwrap(),
        }];
        assert_eq!(
            hours.validate().unwrap_err().field.as_deref(),
            Some("hours.mon")
        );
        assert!(ClockTime::parse("24:00").is_some());
        assert!(ClockTime::parse("24:01").is_none());
    }
}
