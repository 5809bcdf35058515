//! Calendar dates, without a date crate: today's date on this machine, days counted from 1970, and UTC
//! timestamps as RFC 3339 text (the journal's `at` columns).

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The date of a day counted from 1970-01-01 (Howard Hinnant's civil-from-days).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Days from 1970-01-01 to this date.
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Today on this machine's clock, in its local time zone where it can be read (else UTC).
    pub fn today() -> Date {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Date::from_days((now + local_offset_seconds(now)).div_euclid(86_400))
    }

    /// `2026-11-30`.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.parse().ok()?;
        let date = Date { year, month, day };
        // Round-tripping rejects 2026-02-30 and friends.
        (Date::from_days(date.days()) == date).then_some(date)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Seconds since 1970-01-01 UTC on this machine's clock (0 if the clock is before 1970).
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// `2026-11-30T08:27:00Z`: RFC 3339 in UTC, whole seconds. Text in this form sorts in time order.
pub fn rfc3339_utc(unix: i64) -> String {
    let (date, secs) = (
        Date::from_days(unix.div_euclid(86_400)),
        unix.rem_euclid(86_400),
    );
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// `20261130T082700Z`: the same instant in ISO 8601's basic form, for file names (no `:`).
pub fn compact_utc(unix: i64) -> String {
    rfc3339_utc(unix).replace(['-', ':'], "")
}

#[cfg(unix)]
fn local_offset_seconds(now: i64) -> i64 {
    let t = now as libc::time_t;
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: localtime_r writes into the `tm` we own and reads only `t`.
    let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
    if ok { tm.tm_gmtoff } else { 0 }
}

#[cfg(not(unix))]
fn local_offset_seconds(_now: i64) -> i64 {
    0
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn days_and_dates_round_trip() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(20_423).to_string(), "2025-12-01");
        for days in [-1_000_000, -1, 0, 59, 60, 11_016, 20_787, 2_932_896] {
            assert_eq!(Date::from_days(days).days(), days);
        }
        assert_eq!(Date::parse("2026-11-30").unwrap().to_string(), "2026-11-30");
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Some(29));
        assert_eq!(Date::parse("2026-02-29"), None);
        assert_eq!(Date::parse("yesterday"), None);
        assert!(Date::today().year >= 2024);
    }

    #[test]
    fn timestamps_are_rfc3339_utc() {
        use super::{compact_utc, rfc3339_utc};
        assert_eq!(rfc3339_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339_utc(1_796_027_220), "2026-11-30T08:27:00Z");
        assert_eq!(rfc3339_utc(-1), "1969-12-31T23:59:59Z");
        assert_eq!(compact_utc(1_796_027_220), "20261130T082700Z");
    }
}
