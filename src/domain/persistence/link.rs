//! Share links: a body map packed into the URL fragment as `#b1.<base64url>`.
//!
//! The fragment never reaches a server, so a link carries a map from one phone to another
//! without either storing it anywhere. The format is small on purpose: a map with 30 marked
//! spots is a 94-character fragment, short enough for any messenger and for a QR code.
//!
//! # Wire format, version 1 (frozen: never change what these bytes mean)
//!
//! ```text
//! fragment = "b1." base64url-without-padding(bytes)
//! bytes    = version:u8(=1) flags:u8 [day:u16le] symptoms:u8 count:u8 mark*count
//!            [ccount:u8 condition*ccount] crc32:u32le
//! flags    = bit0 has day · bit1 acute flare · bit2 has conditions · bits 3–7 zero
//! day      = days since 2000-01-01
//! symptoms = bit i set ⇔ SYMPTOMS[i] ticked (bits 5–7 zero)
//! mark     = region:u8 (catalogue index) · side(bits 0–1: 0 left, 1 right, 2 mid)
//!            | severity(bits 2–3) | sore(bit 4) | bits 5–7 zero
//!            marks strictly increasing by (region, side): no duplicates, one canonical form
//! condition= id:u8 (CONDITIONS index) · detail:u8 = joint(bits 0–1: 0 none, 1+JOINTS index)
//!            | side(bits 2–3: 0 none, 1 left, 2 right, 3 mid) | has region(bit 4) | 5–7 zero
//!            [region:u8 when bit 4]
//! crc32    = CRC-32 (IEEE) of every byte before it
//! ```
//!
//! Decoding is a total function: any text gives a [`SharedMap`] or a [`LinkError`] with one
//! plain sentence for the person, never a panic. The order of checks: a length cap before
//! anything else, then the `b<version>.` prefix (a newer version is named as such, not as
//! damage), then the alphabet, the checksum, and finally every field against the catalogue.
//! Whitespace and percent-encoding that messengers and mail programs add are tolerated.

use crate::domain::calendar::Day;
use crate::domain::knowledge::mark::{Kind, Mark, Severity, Symptom};
use crate::domain::knowledge::region::{Side, REGIONS};
use crate::domain::knowledge::rule::Joint;
use crate::domain::persistence::store::crc32;
use crate::domain::planner::case::{Condition, ConditionId};
use crate::domain::records::body_map::BodyMap;
use crate::domain::records::shared::{condition_is_valid, SharedMap, MAX_CONDITIONS};
use std::fmt;

/// The link format version this app writes (and the only one it reads).
pub const VERSION: u8 = 1;
/// The fragment prefix of [`VERSION`].
pub const PREFIX: &str = "b1.";
/// Longest text [`decode`] looks at; anything longer is refused before decoding.
pub const MAX_INPUT: usize = 4096;
/// Longest base64url payload a version-1 link can have (every region-side marked plus the
/// most conditions), with room to spare.
const MAX_PAYLOAD: usize = 640;

/// Symptom order on the wire (bit i of the symptom byte). Append only.
const SYMPTOMS: [Symptom; 5] = [
    Symptom::LowBackPain,
    Symptom::MidBackAche,
    Symptom::MorningHeelPain,
    Symptom::NeckShoulderTension,
    Symptom::HipStiffness,
];
/// Condition order on the wire. Append only.
const CONDITIONS: [ConditionId; 7] = [
    ConditionId::Osteoporosis,
    ConditionId::Fibromyalgia,
    ConditionId::BloodThinners,
    ConditionId::BloodPressure,
    ConditionId::JointReplacement,
    ConditionId::PreviousSurgery,
    ConditionId::Pregnancy,
];
/// Joint order on the wire (stored as index + 1; 0 means none). Append only.
const JOINTS: [Joint; 3] = [Joint::Knee, Joint::Hip, Joint::Shoulder];

const FLAG_DAY: u8 = 1;
const FLAG_FLARE: u8 = 2;
const FLAG_CONDITIONS: u8 = 4;

/// Why a link could not be opened. [`fmt::Display`] is one plain sentence for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing after the `#`.
    Empty,
    /// Text that is not a FasciaMap share link at all.
    NotALink,
    /// Longer than any link the app makes.
    TooLong,
    /// Characters a link never contains.
    BadCharacters,
    /// A link format this app does not know (usually made by a newer version).
    UnsupportedVersion(u32),
    /// The link was cut short.
    Truncated,
    /// The checksum does not match: damaged or changed on the way.
    Damaged,
    /// Checksum fine, but a field is out of range (which field, for tests and logs).
    Invalid(&'static str),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::Empty => f.write_str("This link has no map in it."),
            LinkError::NotALink => f.write_str("This is not a FasciaMap share link."),
            LinkError::TooLong => f.write_str(
                "This link is much longer than any FasciaMap link, so it was not opened.",
            ),
            LinkError::BadCharacters => f.write_str(
                "This link contains characters a FasciaMap link never has. It may have been changed on the way.",
            ),
            LinkError::UnsupportedVersion(v) if u32::from(VERSION) < *v => write!(
                f,
                "This link was made by a newer version of FasciaMap (link format {v}). Update the app to open it: reload while online."
            ),
            LinkError::UnsupportedVersion(v) => write!(
                f,
                "This link uses a link format this version of FasciaMap does not know (format {v})."
            ),
            LinkError::Truncated => f.write_str(
                "This link looks incomplete. Ask for it to be sent again, or copy the whole link.",
            ),
            LinkError::Damaged => f.write_str(
                "This link is damaged or was changed after it was made, so it was not opened. Ask for it to be sent again.",
            ),
            LinkError::Invalid(_) => f.write_str(
                "This link holds a map this version of FasciaMap cannot read. Ask for it to be sent again.",
            ),
        }
    }
}

impl std::error::Error for LinkError {}

/// Packs a shared map into its binary form (before base64url).
pub fn to_bytes(s: &SharedMap) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + 2 * s.map.len());
    out.push(VERSION);
    let conditions: Vec<&Condition> = s
        .conditions
        .iter()
        .filter(|c| condition_is_valid(c))
        .take(MAX_CONDITIONS)
        .collect();
    let mut flags = 0;
    if s.day.is_some() {
        flags |= FLAG_DAY;
    }
    if s.map.acute_flare {
        flags |= FLAG_FLARE;
    }
    if !conditions.is_empty() {
        flags |= FLAG_CONDITIONS;
    }
    out.push(flags);
    if let Some(day) = s.day {
        out.extend_from_slice(&day.0.to_le_bytes());
    }
    let mut sym = 0u8;
    for (i, x) in SYMPTOMS.iter().enumerate() {
        if s.map.symptoms.contains(x) {
            sym |= 1 << i;
        }
    }
    out.push(sym);
    // A map holds at most one mark per region-side (130 < 256).
    let marks: Vec<Mark> = s.map.marks().filter(Mark::is_well_formed).collect();
    out.push(marks.len().min(255) as u8);
    for m in marks.iter().take(255) {
        out.push(m.region.index() as u8);
        let kind = if m.kind == Kind::Sore { 1 << 4 } else { 0 };
        out.push(side_code(m.side) | (m.severity.get() << 2) | kind);
    }
    if !conditions.is_empty() {
        out.push(conditions.len() as u8);
        for c in conditions {
            let id = CONDITIONS.iter().position(|x| *x == c.id).unwrap_or(0);
            out.push(id as u8);
            let joint = c
                .joint
                .and_then(|j| JOINTS.iter().position(|x| *x == j))
                .map_or(0, |i| i as u8 + 1);
            let side = c.side.map_or(0, |s| side_code(s) + 1);
            let has_region = if c.region.is_some() { 1 << 4 } else { 0 };
            out.push(joint | (side << 2) | has_region);
            if let Some(r) = c.region {
                out.push(r.index() as u8);
            }
        }
    }
    let crc = crc32(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

/// The fragment for a shared map, without the `#`: `b1.<base64url>`.
pub fn encode(s: &SharedMap) -> String {
    let mut text = String::from(PREFIX);
    text.push_str(&base64url_encode(&to_bytes(s)));
    text
}

fn side_code(side: Side) -> u8 {
    match side {
        Side::Left => 0,
        Side::Right => 1,
        Side::Mid => 2,
    }
}

fn side_of(code: u8) -> Option<Side> {
    match code {
        0 => Some(Side::Left),
        1 => Some(Side::Right),
        2 => Some(Side::Mid),
        _ => None,
    }
}

/// True when a URL fragment is meant to be a share link (`b` and a digit), so the app opens
/// it (and reports errors) instead of ignoring it like an in-page anchor such as `#main`.
pub fn looks_like_link(fragment: &str) -> bool {
    let t = fragment.trim_start_matches('#').trim_start();
    let mut c = t.chars();
    matches!(c.next(), Some('b' | 'B')) && c.next().is_some_and(|d| d.is_ascii_digit())
}

/// Decodes a fragment (with or without the leading `#`) into a shared map.
pub fn decode(fragment: &str) -> Result<SharedMap, LinkError> {
    if fragment.len() > MAX_INPUT {
        return Err(LinkError::TooLong);
    }
    let text = clean(fragment)?;
    let text = text.strip_prefix('#').unwrap_or(&text);
    if text.is_empty() {
        return Err(LinkError::Empty);
    }
    let (version, payload) = split_prefix(text)?;
    if version != u32::from(VERSION) {
        return Err(LinkError::UnsupportedVersion(version));
    }
    let payload = payload.trim_end_matches('=');
    if payload.len() > MAX_PAYLOAD {
        return Err(LinkError::TooLong);
    }
    let bytes = base64url_decode(payload)?;
    from_bytes(&bytes)
}

/// Removes whitespace (messengers wrap long links) and undoes percent-encoding (some apps
/// escape the fragment); refuses text that is not plain ASCII afterwards.
fn clean(input: &str) -> Result<String, LinkError> {
    let b = input.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' {
            let hex = |k: usize| b.get(k).and_then(|h| (*h as char).to_digit(16));
            match (hex(i + 1), hex(i + 2)) {
                (Some(h), Some(l)) => {
                    let v = (h * 16 + l) as u8;
                    if !v.is_ascii_whitespace() {
                        if !v.is_ascii() || v.is_ascii_control() {
                            return Err(LinkError::BadCharacters);
                        }
                        out.push(v as char);
                    }
                    i += 3;
                    continue;
                }
                _ => return Err(LinkError::BadCharacters),
            }
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_ascii() || c.is_ascii_control() {
            return Err(LinkError::BadCharacters);
        }
        out.push(c as char);
        i += 1;
    }
    Ok(out)
}

/// Splits `b<digits>.<payload>`; anything else is not a link.
fn split_prefix(text: &str) -> Result<(u32, &str), LinkError> {
    let rest = text
        .strip_prefix('b')
        .or_else(|| text.strip_prefix('B'))
        .ok_or(LinkError::NotALink)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return Err(LinkError::NotALink);
    }
    if digits > 6 {
        return Err(LinkError::UnsupportedVersion(u32::MAX));
    }
    let version: u32 = rest[..digits].parse().map_err(|_| LinkError::NotALink)?;
    match rest[digits..].strip_prefix('.') {
        Some(payload) => Ok((version, payload)),
        None if rest.len() == digits => Err(LinkError::Truncated),
        None => Err(LinkError::NotALink),
    }
}

/// A cursor over the decoded bytes that reports running out as [`LinkError::Truncated`].
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn u8(&mut self) -> Result<u8, LinkError> {
        let b = *self.bytes.get(self.at).ok_or(LinkError::Truncated)?;
        self.at += 1;
        Ok(b)
    }
}

/// Unpacks the binary form (the inverse of [`to_bytes`]).
pub fn from_bytes(bytes: &[u8]) -> Result<SharedMap, LinkError> {
    // Version, flags, symptoms, count and the checksum are the least a link has.
    if bytes.len() < 8 {
        return Err(LinkError::Truncated);
    }
    let (body, crc) = bytes.split_at(bytes.len() - 4);
    let want = u32::from_le_bytes([crc[0], crc[1], crc[2], crc[3]]);
    if crc32(body) != want {
        return Err(LinkError::Damaged);
    }
    let mut r = Reader { bytes: body, at: 0 };
    let version = r.u8()?;
    if version != VERSION {
        return Err(LinkError::UnsupportedVersion(u32::from(version)));
    }
    let flags = r.u8()?;
    if flags & !(FLAG_DAY | FLAG_FLARE | FLAG_CONDITIONS) != 0 {
        return Err(LinkError::Invalid("unknown flags"));
    }
    let day = if flags & FLAG_DAY != 0 {
        Some(Day(u16::from_le_bytes([r.u8()?, r.u8()?])))
    } else {
        None
    };
    let sym = r.u8()?;
    if sym >> SYMPTOMS.len() != 0 {
        return Err(LinkError::Invalid("unknown symptom"));
    }
    let symptoms = SYMPTOMS
        .iter()
        .enumerate()
        .filter(|(i, _)| sym & (1 << i) != 0)
        .map(|(_, s)| *s)
        .collect();
    let count = usize::from(r.u8()?);
    let mut marks = Vec::with_capacity(count);
    let mut last: Option<(u8, u8)> = None;
    for _ in 0..count {
        let region = r.u8()?;
        let bits = r.u8()?;
        let def = REGIONS
            .get(usize::from(region))
            .ok_or(LinkError::Invalid("unknown region"))?;
        if bits >> 5 != 0 {
            return Err(LinkError::Invalid("reserved bits in a mark"));
        }
        let side = side_of(bits & 3).ok_or(LinkError::Invalid("unknown side"))?;
        if !def.accepts(side) {
            return Err(LinkError::Invalid("side does not fit its region"));
        }
        let key = (region, bits & 3);
        if last.is_some_and(|l| l >= key) {
            return Err(LinkError::Invalid("marks out of order or repeated"));
        }
        last = Some(key);
        let severity = Severity::new((bits >> 2) & 3).ok_or(LinkError::Invalid("severity"))?;
        let kind = if bits & (1 << 4) != 0 {
            Kind::Sore
        } else {
            Kind::Tight
        };
        marks.push(Mark {
            region: def.id,
            side,
            severity,
            kind,
        });
    }
    let (mut map, rejected) = BodyMap::from_marks(marks);
    if !rejected.is_empty() {
        return Err(LinkError::Invalid("side does not fit its region"));
    }
    map.symptoms = symptoms;
    map.acute_flare = flags & FLAG_FLARE != 0;
    let mut shared = SharedMap {
        day,
        map,
        conditions: Vec::new(),
    };
    if flags & FLAG_CONDITIONS != 0 {
        let n = usize::from(r.u8()?);
        if n == 0 || n > MAX_CONDITIONS {
            return Err(LinkError::Invalid("number of conditions"));
        }
        for _ in 0..n {
            let id = *CONDITIONS
                .get(usize::from(r.u8()?))
                .ok_or(LinkError::Invalid("unknown condition"))?;
            let bits = r.u8()?;
            if bits >> 5 != 0 {
                return Err(LinkError::Invalid("reserved bits in a condition"));
            }
            let joint = match bits & 3 {
                0 => None,
                j => Some(JOINTS[usize::from(j - 1)]),
            };
            let side = match (bits >> 2) & 3 {
                0 => None,
                s => side_of(s - 1),
            };
            let region = if bits & (1 << 4) != 0 {
                let def = REGIONS
                    .get(usize::from(r.u8()?))
                    .ok_or(LinkError::Invalid("unknown region in a condition"))?;
                Some(def.id)
            } else {
                None
            };
            let c = Condition {
                id,
                joint,
                side,
                region,
            };
            if !condition_is_valid(&c) {
                return Err(LinkError::Invalid("incomplete condition"));
            }
            shared.conditions.push(c);
        }
    }
    if r.at != body.len() {
        return Err(LinkError::Invalid("bytes after the map"));
    }
    Ok(shared)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn sextet(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        // `+` and `/` are what a standard-base64 tool would write for `-` and `_`.
        b'-' | b'+' => 62,
        b'_' | b'/' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes unpadded base64url; refuses foreign characters, an impossible length, and
/// non-zero leftover bits (so every byte string has exactly one text form).
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, LinkError> {
    let b = text.as_bytes();
    if b.iter().any(|c| sextet(*c).is_none()) {
        return Err(LinkError::BadCharacters);
    }
    if b.len() % 4 == 1 {
        return Err(LinkError::Truncated);
    }
    let mut out = Vec::with_capacity(b.len() * 3 / 4);
    for chunk in b.chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            n |= sextet(*c).ok_or(LinkError::BadCharacters)? << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        let leftover = match chunk.len() {
            2 => n & 0xFFFF,
            3 => n & 0xFF,
            _ => 0,
        };
        if leftover != 0 {
            return Err(LinkError::Damaged);
        }
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::region::{RegionId, RegionSide};
    use crate::domain::records::body_map::Action;
    use crate::domain::records::document::Document;
    use crate::domain::records::document::{Imported, Moment};

    fn sample() -> SharedMap {
        let mut map = BodyMap::default();
        let rs = |region, side| RegionSide { region, side };
        map.apply(Action::SetSeverity(
            rs(RegionId::Calf, Side::Left),
            Severity::STRONG,
        ));
        map.apply(Action::SetKind(rs(RegionId::Calf, Side::Right), Kind::Sore));
        map.apply(Action::SetSeverity(
            rs(RegionId::Sternum, Side::Mid),
            Severity::FINE,
        ));
        map.apply(Action::ToggleSymptom(Symptom::LowBackPain));
        map.apply(Action::SetFlare(true));
        SharedMap {
            day: Day::from_ymd(2026, 11, 21),
            map,
            conditions: vec![
                Condition::plain(ConditionId::Osteoporosis),
                Condition::at_joint(ConditionId::JointReplacement, Joint::Knee, Side::Right),
                Condition {
                    id: ConditionId::PreviousSurgery,
                    joint: None,
                    side: None,
                    region: Some(RegionId::Sternum),
                },
            ],
        }
    }

    #[test]
    fn a_map_round_trips() {
        let s = sample();
        let text = encode(&s);
        assert!(text.starts_with("b1."), "{text}");
        assert_eq!(decode(&text), Ok(s.clone()));
        assert_eq!(decode(&format!("#{text}")), Ok(s));
    }

    #[test]
    fn the_empty_map_round_trips_and_is_tiny() {
        let s = SharedMap::default();
        let text = encode(&s);
        assert_eq!(text.len(), 3 + 11, "{text}");
        assert_eq!(decode(&text), Ok(s));
    }

    #[test]
    fn dates_convert_both_ways() {
        assert_eq!(Day::from_ymd(2000, 1, 1), Some(Day(0)));
        assert_eq!(Day::from_ymd(2000, 3, 1), Some(Day(60)));
        assert_eq!(Day(0).iso(), "2000-01-01");
        assert_eq!(Day::from_ymd(2179, 6, 6), Some(Day(u16::MAX)));
        assert_eq!(Day::from_ymd(2179, 6, 7), None);
        assert_eq!(Day::from_ymd(1999, 12, 31), None);
        assert_eq!(Day::from_ymd(2026, 2, 29), None);
        assert_eq!(
            Day::from_ymd(2028, 2, 29).map(|d| d.iso()).as_deref(),
            Some("2028-02-29")
        );
        for n in (0..=u16::MAX).step_by(7) {
            let d = Day(n);
            let (y, m, dd) = d.ymd();
            assert_eq!(Day::from_ymd(y, m, dd), Some(d));
            assert_eq!(Day::parse_iso(&d.iso()), Some(d));
        }
        assert_eq!(
            Day::parse_iso("2026-11-21T10:00:00.000Z")
                .map(Day::plain)
                .as_deref(),
            Some("21 November 2026")
        );
        for bad in [
            "",
            "2026",
            "2026-13-01",
            "2026-1-1",
            "２０２６-11-21",
            "abcd-ef-gh",
        ] {
            assert_eq!(Day::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn base64url_matches_rfc4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, enc) in vectors {
            assert_eq!(base64url_encode(plain.as_bytes()), enc);
            assert_eq!(base64url_decode(enc).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(
            base64url_decode("Zh"),
            Err(LinkError::Damaged),
            "leftover bits"
        );
        assert_eq!(base64url_decode("Z"), Err(LinkError::Truncated));
        assert_eq!(base64url_decode("Zm9v!"), Err(LinkError::BadCharacters));
    }

    /// The bad-input catalogue of reliability.md §5.2 (B12–B16, B18) for links.
    #[test]
    fn bad_links_give_typed_errors() {
        let good = encode(&sample());
        let cases: Vec<(String, LinkError)> = vec![
            (String::new(), LinkError::Empty),
            ("#".into(), LinkError::Empty),
            ("#main".into(), LinkError::NotALink),
            ("#b".into(), LinkError::NotALink),
            ("#b1".into(), LinkError::Truncated),
            ("#b1.".into(), LinkError::Truncated),
            ("#b1x".into(), LinkError::NotALink),
            ("#b9.AAAA".into(), LinkError::UnsupportedVersion(9)),
            ("#b2.".into(), LinkError::UnsupportedVersion(2)),
            ("#b0.AAAA".into(), LinkError::UnsupportedVersion(0)),
            (
                "#b99999999.AAAA".into(),
                LinkError::UnsupportedVersion(u32::MAX),
            ),
            (format!("#{good}!"), LinkError::BadCharacters),
            (format!("#{good}é"), LinkError::BadCharacters),
            (format!("#{good}%"), LinkError::BadCharacters),
            (format!("#{good}%00"), LinkError::BadCharacters),
            (
                format!("#{}", "b1.".to_string() + &"A".repeat(700)),
                LinkError::TooLong,
            ),
            ("#".to_string() + &"b1.A".repeat(2000), LinkError::TooLong),
            (format!("#{good}AAAA"), LinkError::Damaged),
        ];
        for (text, want) in cases {
            assert_eq!(decode(&text), Err(want.clone()), "{text}");
            let msg = want.to_string();
            assert!(msg.ends_with('.') && msg.len() < 160, "{msg}");
        }
    }

    #[test]
    fn messenger_damage_that_keeps_the_bytes_is_tolerated() {
        let s = sample();
        let good = encode(&s);
        let (a, b) = good.split_at(9);
        for variant in [
            format!("{a}\n{b}"),
            format!("  {a} {b}\r\n"),
            format!("{a}%20{b}"),
            good.replace('.', "%2E"),
            format!("{good}=="),
            format!("#{a}%0A{b}"),
        ] {
            assert_eq!(decode(&variant), Ok(s.clone()), "{variant:?}");
        }
    }

    #[test]
    fn every_truncation_is_rejected() {
        let good = encode(&sample());
        for n in 0..good.len() {
            assert!(decode(&good[..n]).is_err(), "prefix {n} accepted");
        }
    }

    #[test]
    fn every_single_byte_change_is_rejected() {
        let bytes = to_bytes(&sample());
        for i in 0..bytes.len() {
            for bit in 0..8 {
                let mut b = bytes.clone();
                b[i] ^= 1 << bit;
                assert!(from_bytes(&b).is_err(), "byte {i} bit {bit}");
            }
        }
    }

    /// Bytes with a correct checksum but wrong contents: each field check must catch them.
    #[test]
    fn fields_are_checked_after_the_checksum() {
        let seal = |mut body: Vec<u8>| {
            let crc = crc32(&body);
            body.extend_from_slice(&crc.to_le_bytes());
            body
        };
        let cases: [(Vec<u8>, LinkError); 11] = [
            (vec![2, 0, 0, 0], LinkError::UnsupportedVersion(2)),
            (vec![1, 8, 0, 0], LinkError::Invalid("unknown flags")),
            (vec![1, 0, 32, 0], LinkError::Invalid("unknown symptom")),
            (
                vec![1, 0, 0, 1, 200, 0],
                LinkError::Invalid("unknown region"),
            ),
            (vec![1, 0, 0, 1, 63, 3], LinkError::Invalid("unknown side")),
            (
                vec![1, 0, 0, 1, 63, 2],
                LinkError::Invalid("side does not fit its region"),
            ),
            (
                vec![1, 0, 0, 1, 63, 0x20],
                LinkError::Invalid("reserved bits in a mark"),
            ),
            (
                vec![1, 0, 0, 2, 63, 0, 63, 0],
                LinkError::Invalid("marks out of order or repeated"),
            ),
            (
                vec![1, 0, 0, 0, 0],
                LinkError::Invalid("bytes after the map"),
            ),
            (
                vec![1, 4, 0, 0, 1, 4, 0],
                LinkError::Invalid("incomplete condition"),
            ),
            (
                vec![1, 4, 0, 0, 0],
                LinkError::Invalid("number of conditions"),
            ),
        ];
        for (body, want) in cases {
            assert_eq!(from_bytes(&seal(body.clone())), Err(want), "{body:?}");
        }
        assert_eq!(
            from_bytes(&seal(vec![1, 0, 0, 2, 63, 0])),
            Err(LinkError::Truncated)
        );
    }

    #[test]
    fn looks_like_link_only_for_b_and_a_digit() {
        assert!(looks_like_link("#b1.AAAA"));
        assert!(looks_like_link("b2."));
        assert!(!looks_like_link("#main"));
        assert!(!looks_like_link("#"));
        assert!(!looks_like_link(""));
        assert!(!looks_like_link("#bx"));
    }

    #[test]
    fn conditions_are_left_out_unless_asked_for_and_invalid_ones_are_dropped() {
        let s = sample();
        let without = SharedMap::new(&s.map, s.day, &s.conditions, false);
        assert!(without.conditions.is_empty());
        let bad = Condition::plain(ConditionId::JointReplacement);
        let mut all = s.conditions.clone();
        all.push(bad);
        let with = SharedMap::new(&s.map, s.day, &all, true);
        assert_eq!(with.conditions, s.conditions);
        assert!(encode(&with).len() > encode(&without).len());
    }

    #[test]
    fn the_case_carries_marks_symptoms_flare_and_conditions() {
        let s = sample();
        let c = s.to_case();
        assert_eq!(c.marks.len(), 3);
        assert!(c.acute_flare && c.has_symptom(Symptom::LowBackPain));
        assert!(c.has_condition(ConditionId::Osteoporosis));
        assert!(c.validate().is_ok());
    }

    #[test]
    fn import_adds_and_never_replaces() {
        use crate::domain::records::body_map::Action;
        let mut own = Document::default();
        own.map.apply(Action::SetSeverity(
            RegionSide {
                region: RegionId::Hamstrings,
                side: Side::Right,
            },
            Severity::MODERATE,
        ));
        own.map_updated = Some("2026-11-20T08:00:00Z".into());
        let s = sample();
        let received = Moment {
            ms: crate::domain::calendar::parse_iso_ms("2026-11-21T10:00:00Z").unwrap(),
            salt: 1,
        };
        let later = Moment {
            ms: received.ms + 60_000,
            salt: 2,
        };
        let mut next = own.clone();
        assert_eq!(next.import_shared(&s, received), Imported::Added);
        assert_eq!(next.map, own.map, "own map untouched");
        assert_eq!(next.map_updated, own.map_updated);
        assert_eq!(next.imported.len(), 1);
        assert_eq!(next.imported[0].shared, s);
        // It is a new check-in of the history, after everything that was there.
        assert_eq!(next.checkins.len(), own.checkins.len() + 1);
        assert_eq!(next.checkins[..own.checkins.len()], own.checkins[..]);
        let added = next.checkins.last().expect("a check-in was added");
        assert_eq!(added.at, "2026-11-21T10:00:00.000Z");
        assert!(added.id.starts_with('c'), "a check-in id: {}", added.id);
        assert_eq!(added.map, s.map);
        let before = next.clone();
        assert_eq!(next.import_shared(&s, later), Imported::AlreadySaved);
        assert_eq!(next, before, "nothing changes");
        let mut other = s.clone();
        other.day = Day::from_ymd(2026, 11, 22);
        let mut third = next.clone();
        assert_eq!(
            third.import_shared(&other, later),
            Imported::Added,
            "a different map is added"
        );
        assert_eq!(third.imported[..1], next.imported[..]);
        // Stored and read back through the storage envelope.
        let raw = crate::domain::persistence::store::encode(&third, 3, "now");
        assert_eq!(
            crate::domain::persistence::store::decode(&raw).map(|s| s.doc),
            Ok(third)
        );
    }

    /// Format 1 is frozen: this exact text must decode to this exact map in every later
    /// version of the app (and the e2e suite opens it too).
    #[test]
    fn the_golden_link_of_format_1_still_decodes() {
        let s = sample();
        assert_eq!(encode(&s), GOLDEN);
        assert_eq!(decode(GOLDEN), Ok(s));
    }

    const GOLDEN: &str = "b1.AQddJgEDCwI-DD4VAwAABAkFEAtcHVzk";

    /// The wire tables are frozen: the catalogue may grow at the end but never reorder.
    #[test]
    fn wire_tables_are_frozen() {
        let keys: Vec<&str> = REGIONS.iter().take(71).map(|d| d.key).collect();
        assert_eq!(crc32(keys.join(",").as_bytes()), PINNED_REGION_ORDER);
        assert_eq!(SYMPTOMS, Symptom::ALL, "symptom order");
        let c: Vec<&str> = CONDITIONS.iter().map(|c| c.key()).collect();
        assert_eq!(
            c.join(","),
            "osteoporosis,fibromyalgia,blood_thinners,blood_pressure,joint_replacement,previous_surgery,pregnancy"
        );
        let j: Vec<&str> = JOINTS.iter().map(|j| j.key()).collect();
        assert_eq!(j.join(","), "knee,hip,shoulder");
    }

    /// CRC-32 of the first 71 region keys joined by commas, as of link format 1.
    const PINNED_REGION_ORDER: u32 = 2_045_082_938;
}
