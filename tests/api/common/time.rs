//! Just enough calendar arithmetic to write slot times (RFC 3339, UTC) without a date crate.

use std::time::{SystemTime, UNIX_EPOCH};

pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 3600;
pub const DAY: i64 = 86_400;

pub fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_secs() as i64
}

/// `2026-11-25T17:15:00Z` for a Unix time.
pub fn rfc3339(unix: i64) -> String {
    let days = unix.div_euclid(DAY);
    let secs = unix.rem_euclid(DAY);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / HOUR,
        secs % HOUR / MINUTE,
        secs % MINUTE
    )
}

/// Rounds down to a quarter of an hour (slots are 15 minutes).
pub fn quarter_floor(unix: i64) -> i64 {
    unix - unix.rem_euclid(15 * MINUTE)
}

/// 0 = Monday … 6 = Sunday, in UTC.
pub fn weekday(unix: i64) -> i64 {
    // 1970-01-01 was a Thursday.
    (unix.div_euclid(DAY) + 3).rem_euclid(7)
}

/// Monday 17:00 UTC of the coming week (18:00 or 19:00 in Amsterdam): a closed day for the
/// demo shop (Tue–Sun 16:00–22:00), and always in the future.
pub fn next_monday_17_utc() -> i64 {
    let now = now_unix();
    let today = now.div_euclid(DAY) * DAY;
    let mut days_ahead = (7 - weekday(now)) % 7;
    if days_ahead == 0 {
        days_ahead = 7;
    }
    today + days_ahead * DAY + 17 * HOUR
}

// Howard Hinnant's days → civil date algorithm.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Parses `2026-11-25T17:15:00Z`, `2026-11-25T17:15:00.123Z` or `…+01:00` into a Unix time.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let num = |a: usize, b: usize| s.get(a..b)?.parse::<i64>().ok();
    let (y, mo, d) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (h, mi, se) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    let rest = s.get(19..)?;
    let rest = rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset = match rest {
        "Z" | "z" => 0,
        tz if tz.len() == 6 => {
            let sign = if tz.starts_with('-') { -1 } else { 1 };
            let oh: i64 = tz.get(1..3)?.parse().ok()?;
            let om: i64 = tz.get(4..6)?.parse().ok()?;
            sign * (oh * HOUR + om * MINUTE)
        }
        _ => return None,
    };
    Some(days_from_civil(y, mo, d) * DAY + h * HOUR + mi * MINUTE + se - offset)
}

/// Howard Hinnant's civil date → days since 1970-01-01.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The last Sunday of a month at 01:00 UTC (when EU summer time starts or ends).
fn last_sunday_0100_utc(year: i64, month: i64) -> i64 {
    let first_of_next = if month == 12 {
        days_from_civil(year + 1, 1, 1)
    } else {
        days_from_civil(year, month + 1, 1)
    };
    let last_day = first_of_next - 1;
    let back = (weekday(last_day * DAY) + 1) % 7; // Monday=0 … Sunday=6
    (last_day - back) * DAY + HOUR
}

/// Europe/Amsterdam's offset from UTC at `unix` (CET, or CEST in EU summer time).
pub fn amsterdam_offset(unix: i64) -> i64 {
    let (year, _, _) = civil_from_days(unix.div_euclid(DAY));
    let summer = last_sunday_0100_utc(year, 3) <= unix && unix < last_sunday_0100_utc(year, 10);
    if summer { 2 * HOUR } else { HOUR }
}
