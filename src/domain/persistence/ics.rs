//! Reminders without a server: the 28-day programme as a calendar file (iCalendar, RFC 5545)
//! that the person adds to their own calendar, which then sends the reminders.
//!
//! One event a day for the days of the programme still ahead, at a local time the person
//! picks, each with a display alarm. The title is neutral ("FasciaMap session") and the file
//! carries no region, condition or other health detail: a calendar is often synced and shared.
//!
//! Times are *floating* local times (no time zone): 18:00 stays 18:00 wherever the phone is,
//! which is what a daily habit wants. Lines end in CRLF and are folded at 75 octets, text is
//! escaped, and every event has a stable `UID`, so importing the file twice updates the same
//! events instead of doubling them.

use crate::domain::calendar;

/// The neutral event title (no health detail, ever).
pub const TITLE: &str = "FasciaMap session";
/// How long an event lasts in the calendar, in minutes.
pub const DURATION_MIN: u32 = 15;

/// A time of day for the reminders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
}

impl Clock {
    /// Early evening, the default.
    pub const DEFAULT: Clock = Clock {
        hour: 18,
        minute: 0,
    };

    /// Reads `HH:MM` (what an `<input type=time>` gives); `None` for anything else.
    pub fn parse(s: &str) -> Option<Clock> {
        let (h, m) = s.split_once(':')?;
        if h.len() != 2 || m.len() < 2 {
            return None;
        }
        let hour: u8 = h.parse().ok()?;
        let minute: u8 = m.get(..2)?.parse().ok()?;
        (hour < 24 && minute < 60).then_some(Clock { hour, minute })
    }
}

/// What to put in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reminders {
    /// First day with a reminder (a day number of [`calendar`]).
    pub first_day: i64,
    /// How many daily events.
    pub days: u32,
    /// Local time of each event.
    pub at: Clock,
    /// Minutes before the event that the alarm rings (0 = at the time).
    pub alarm_before_min: u32,
    /// The programme's start day, which makes the events' ids stable across downloads.
    pub programme_start: i64,
    /// Creation time stamp, UTC, `YYYYMMDDTHHMMSSZ` (the caller passes now).
    pub stamp_utc: i64,
}

/// The days still ahead in a 28-day programme started on `start`, counted from `today`
/// (today included): `(first_day, count)`; zero days once it is over.
pub fn days_left(start: i64, today: i64, length: i64) -> (i64, u32) {
    let first = today.max(start);
    let end = start + length; // exclusive
    let count = (end - first).max(0);
    (first, u32::try_from(count).unwrap_or(0))
}

fn stamp(ms: i64) -> String {
    let day = ms.div_euclid(calendar::DAY_MS);
    let (y, m, d) = calendar::civil_from_days(day);
    let secs = ms.rem_euclid(calendar::DAY_MS) / 1000;
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

fn local(day: i64, at: Clock) -> String {
    let (y, m, d) = calendar::civil_from_days(day);
    format!("{y:04}{m:02}{d:02}T{:02}{:02}00", at.hour, at.minute)
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets (never inside a UTF-8 character), CRLF.
fn line(out: &mut String, text: &str) {
    let mut count = 0;
    for c in text.chars() {
        let n = c.len_utf8();
        if count + n > 75 {
            out.push_str("\r\n ");
            count = 1;
        }
        out.push(c);
        count += n;
    }
    out.push_str("\r\n");
}

/// The whole calendar file.
pub fn calendar_file(r: &Reminders) -> String {
    let mut out = String::with_capacity(400 + 420 * r.days as usize);
    let stamp = stamp(r.stamp_utc);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//FasciaMap//Programme reminders//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(TITLE)));
    for i in 0..i64::from(r.days) {
        let day = r.first_day + i;
        line(&mut out, "BEGIN:VEVENT");
        line(
            &mut out,
            &format!(
                "UID:fasciamap-{}-{}@fasciamap.invalid",
                calendar::format_day(r.programme_start),
                calendar::format_day(day)
            ),
        );
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART:{}", local(day, r.at)));
        line(&mut out, &format!("DURATION:PT{DURATION_MIN}M"));
        line(&mut out, &format!("SUMMARY:{}", escape(TITLE)));
        line(
            &mut out,
            &format!(
                "DESCRIPTION:{}",
                escape("Time for today's session. Open FasciaMap to see it.")
            ),
        );
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "BEGIN:VALARM");
        line(&mut out, "ACTION:DISPLAY");
        line(&mut out, &format!("DESCRIPTION:{}", escape(TITLE)));
        line(&mut out, &format!("TRIGGER:-PT{}M", r.alarm_before_min));
        line(&mut out, "END:VALARM");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// The file name to offer.
pub const FILE_NAME: &str = "fasciamap-reminders.ics";

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(days: u32) -> String {
        let start = calendar::parse_day("2026-11-30").unwrap();
        calendar_file(&Reminders {
            first_day: start,
            days,
            at: Clock::DEFAULT,
            alarm_before_min: 0,
            programme_start: start,
            stamp_utc: calendar::parse_iso_ms("2026-11-30T09:15:00Z").unwrap(),
        })
    }

    #[test]
    fn one_event_and_alarm_a_day_with_crlf_lines() {
        let text = sample(3);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 3);
        assert_eq!(text.matches("BEGIN:VALARM").count(), 3);
        assert!(text.contains("DTSTART:20261130T180000\r\n"));
        assert!(text.contains("DTSTART:20261202T180000\r\n"));
        assert!(text.contains("DTSTAMP:20261130T091500Z\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'), "bare newlines");
        for l in text.split("\r\n") {
            assert!(l.len() <= 75, "{l}");
        }
    }

    #[test]
    fn uids_are_stable_and_unique() {
        let a = sample(28);
        let b = sample(28);
        let uids: Vec<&str> = a.lines().filter(|l| l.starts_with("UID:")).collect();
        assert_eq!(uids.len(), 28);
        let mut u = uids.clone();
        u.sort();
        u.dedup();
        assert_eq!(u.len(), 28);
        assert_eq!(a, b);
    }

    #[test]
    fn no_health_detail_in_the_file() {
        let text = sample(28).to_lowercase();
        for word in [
            "back", "pain", "thigh", "calf", "hip", "osteopor", "knee", "shoulder",
        ] {
            assert!(!text.contains(word), "{word}");
        }
    }

    #[test]
    fn days_left_counts_what_remains_of_the_programme() {
        assert_eq!(days_left(100, 100, 28), (100, 28));
        assert_eq!(days_left(100, 110, 28), (110, 18));
        assert_eq!(days_left(100, 127, 28), (127, 1));
        assert_eq!(days_left(100, 128, 28).1, 0);
        assert_eq!(days_left(100, 90, 28), (100, 28));
    }

    #[test]
    fn clock_reads_what_a_time_input_gives() {
        assert_eq!(Clock::parse("18:00"), Some(Clock::DEFAULT));
        assert_eq!(
            Clock::parse("07:30"),
            Some(Clock {
                hour: 7,
                minute: 30
            })
        );
        assert_eq!(
            Clock::parse("07:30:00"),
            Some(Clock {
                hour: 7,
                minute: 30
            })
        );
        for bad in ["", "7:30", "24:00", "12:60", "ab:cd", "12"] {
            assert_eq!(Clock::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        line(&mut out, &format!("DESCRIPTION:{}", "é".repeat(100)));
        for l in out.split("\r\n") {
            assert!(l.len() <= 75);
        }
        assert_eq!(
            out.replace("\r\n ", "").trim_end(),
            format!("DESCRIPTION:{}", "é".repeat(100))
        );
    }
}
