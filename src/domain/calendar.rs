//! Dates and times as plain numbers, so history, trends and the programme are tested natively.
//!
//! Stored times are ISO 8601 strings (what `Date.toISOString()` writes). The domain turns them
//! into milliseconds since 1970 with [`parse_iso_ms`] and into *day numbers* (days since
//! 1970-01-01) of the person's local calendar with a [`LocalTime`], a function from an instant
//! to the local UTC offset in minutes. The browser passes one backed by `Date` (so summer time
//! is right for every entry); tests pass [`utc`]. Every function here is total: bad text gives
//! `None`, never a panic.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;

/// The local UTC offset in minutes (east positive) at an instant given in ms since 1970.
pub type LocalTime<'a> = &'a dyn Fn(i64) -> i32;

/// The offset function for UTC (tests, the benchmark).
pub fn utc(_ms: i64) -> i32 {
    0
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `(year, month 1–12, day 1–31)` of a day number.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn digits(s: &str, from: usize, len: usize) -> Option<i64> {
    let part = s.get(from..from + len)?;
    if !part.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    part.parse().ok()
}

/// The number of days in month `m` (1–12) of year `y`.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Parses `YYYY-MM-DD` into a day number.
pub fn parse_day(s: &str) -> Option<i64> {
    if s.len() != 10 || s.as_bytes().get(4) != Some(&b'-') || s.as_bytes().get(7) != Some(&b'-') {
        return None;
    }
    let y = digits(s, 0, 4)?;
    let m = u32::try_from(digits(s, 5, 2)?).ok()?;
    let d = u32::try_from(digits(s, 8, 2)?).ok()?;
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Formats a day number as `YYYY-MM-DD`.
pub fn format_day(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parses an ISO 8601 date-time (`2026-11-21T08:14:05.123Z`, or with `+01:00`) into ms since
/// 1970. Seconds and fractions are optional; a missing zone means UTC.
pub fn parse_iso_ms(s: &str) -> Option<i64> {
    let day = parse_day(s.get(0..10)?)?;
    let b = s.as_bytes();
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') {
        return None;
    }
    let h = digits(s, 11, 2)?;
    let mi = digits(s, 14, 2)?;
    let mut i = 16;
    let mut sec = 0;
    let mut ms = 0;
    if b.get(i) == Some(&b':') {
        sec = digits(s, i + 1, 2)?;
        i += 3;
        if b.get(i) == Some(&b'.') {
            let start = i + 1;
            let mut end = start;
            while b.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            if end == start {
                return None;
            }
            let frac = s.get(start..end.min(start + 3))?;
            ms = frac.parse::<i64>().ok()? * 10_i64.pow(3 - frac.len() as u32);
            i = end;
        }
    }
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let offset_min = match b.get(i) {
        None | Some(b'Z' | b'z') if s.len() <= i + 1 => 0,
        Some(&sign @ (b'+' | b'-')) if s.len() == i + 6 && b.get(i + 3) == Some(&b':') => {
            let oh = digits(s, i + 1, 2)?;
            let om = digits(s, i + 4, 2)?;
            let o = oh * 60 + om;
            if sign == b'-' {
                -o
            } else {
                o
            }
        }
        _ => return None,
    };
    Some(day * DAY_MS + ((h * 60 + mi - offset_min) * 60 + sec) * 1000 + ms)
}

/// An instant as ISO 8601 in UTC with milliseconds, as `Date.toISOString()` writes it.
pub fn iso_from_ms(ms: i64) -> String {
    let day = ms.div_euclid(DAY_MS);
    let rest = ms.rem_euclid(DAY_MS);
    format!(
        "{}T{:02}:{:02}:{:02}.{:03}Z",
        format_day(day),
        rest / 3_600_000,
        rest / 60_000 % 60,
        rest / 1000 % 60,
        rest % 1000
    )
}

/// The local day number of an instant.
pub fn local_day(ms: i64, tz: LocalTime<'_>) -> i64 {
    (ms + i64::from(tz(ms)) * 60_000).div_euclid(DAY_MS)
}

/// The local time of day of an instant as `HH:MM`.
pub fn local_clock(ms: i64, tz: LocalTime<'_>) -> String {
    let in_day = (ms + i64::from(tz(ms)) * 60_000).rem_euclid(DAY_MS) / 60_000;
    format!("{:02}:{:02}", in_day / 60, in_day % 60)
}

/// Day of the week, 0 = Monday … 6 = Sunday.
pub fn weekday(day: i64) -> usize {
    // 1970-01-01 was a Thursday.
    (day + 3).rem_euclid(7) as usize
}

/// Short weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// Month names in full, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A short date such as `21 Nov` (with the year when it is not `this_year`).
pub fn short_date(day: i64, this_year: Option<i64>) -> String {
    let (y, m, d) = civil_from_days(day);
    let month = MONTHS.get(m as usize - 1).copied().unwrap_or("");
    if this_year == Some(y) {
        format!("{d} {month}")
    } else {
        format!("{d} {month} {y}")
    }
}

/// A date with its weekday, such as `Sat 21 Nov`.
pub fn long_date(day: i64, this_year: Option<i64>) -> String {
    format!("{} {}", WEEKDAYS[weekday(day)], short_date(day, this_year))
}

/// The year of a day number.
pub fn year_of(day: i64) -> i64 {
    civil_from_days(day).0
}

/// 2000-01-01 as a day number (days since 1970-01-01).
const DAY_ZERO: i64 = 10_957;

/// A calendar day, counted from 2000-01-01 (day 0) to 2179-06-06 (day 65535).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub u16);

impl Day {
    /// The day of a date; `None` when the date does not exist or is out of range.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Day> {
        let y = i64::from(y);
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Day::from_calendar(days_from_civil(y, m, d))
    }

    /// The day of a day number (days since 1970-01-01); `None` outside the range.
    pub fn from_calendar(day: i64) -> Option<Day> {
        u16::try_from(day - DAY_ZERO).ok().map(Day)
    }

    /// Year, month and day.
    pub fn ymd(self) -> (i32, u32, u32) {
        let (y, m, d) = civil_from_days(i64::from(self.0) + DAY_ZERO);
        // Day 65535 is in 2179, well inside i32.
        (y as i32, m, d)
    }

    /// The ISO date `2026-11-21`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Reads the date at the start of an ISO date or timestamp (`2026-11-21T…`).
    pub fn parse_iso(s: &str) -> Option<Day> {
        Day::from_calendar(parse_day(s.get(..10)?)?)
    }

    /// A plain date such as "21 November 2026".
    pub fn plain(self) -> String {
        let (y, m, d) = self.ymd();
        let month = MONTH_NAMES.get(m as usize - 1).copied().unwrap_or("");
        format!("{d} {month} {y}")
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Day::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a date")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_over_centuries() {
        for day in (-200_000..200_000).step_by(7) {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(format_day(days_from_civil(2024, 2, 29)), "2024-02-29");
    }

    #[test]
    fn iso_times_parse_with_zones_and_fractions() {
        assert_eq!(parse_iso_ms("1970-01-01T00:00:00.000Z"), Some(0));
        assert_eq!(parse_iso_ms("1970-01-01T00:00:01Z"), Some(1000));
        assert_eq!(parse_iso_ms("1970-01-01T01:00+01:00"), Some(0));
        for ms in [0, 1, 999, DAY_MS - 1, 1_790_000_123_456, -5_000] {
            assert_eq!(parse_iso_ms(&iso_from_ms(ms)), Some(ms));
        }
        assert_eq!(parse_iso_ms("1970-01-01T00:00:00.5Z"), Some(500));
        assert_eq!(
            parse_iso_ms("1970-01-02T00:00:00-00:30"),
            Some(DAY_MS + 1_800_000)
        );
        for bad in [
            "",
            "2026",
            "2026-13-01T00:00Z",
            "2026-02-30T00:00Z",
            "2026-01-01X00:00Z",
            "2026-01-01T24:00Z",
            "2026-01-01T00:00:00.Z",
            "2026-01-01T00:00:00Zjunk",
            "2026-01-01T00:00+1",
            "２０２６-01-01T00:00Z",
        ] {
            assert_eq!(parse_iso_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn local_day_and_clock_follow_the_offset() {
        let ms = parse_iso_ms("2026-11-21T23:30:00Z").unwrap();
        assert_eq!(format_day(local_day(ms, &utc)), "2026-11-21");
        let plus_one = |_| 60;
        assert_eq!(format_day(local_day(ms, &plus_one)), "2026-11-22");
        assert_eq!(local_clock(ms, &plus_one), "00:30");
        assert_eq!(local_clock(ms, &utc), "23:30");
    }

    #[test]
    fn weekday_and_names() {
        let d = parse_day("2026-11-21").unwrap();
        assert_eq!(WEEKDAYS[weekday(d)], "Sat");
        assert_eq!(long_date(d, Some(2026)), "Sat 21 Nov");
        assert_eq!(short_date(d, Some(2025)), "21 Nov 2026");
    }

    #[test]
    fn never_panics_on_odd_text() {
        for s in [
            "\u{0}\u{0}\u{0}\u{0}-\u{0}\u{0}-\u{0}\u{0}",
            "2026-1é-01",
            "9999-99-99T99:99",
        ] {
            let _ = parse_iso_ms(s);
            let _ = parse_day(s);
        }
    }
}
