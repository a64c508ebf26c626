//! A quick look at stored text: only the marks of the body map, for the first paint.
//!
//! The full decoder ([`crate::domain::persistence::store::decode`], with [`crate::domain::persistence::sync`] around it)
//! reads the whole document with serde_json, migrates old versions, merges with other tabs and
//! handles every fault. All of that is a large part of the app's code, so it is loaded just after
//! the first paint. Until then the map shows what [`map`] reads here: a small scanner that
//! understands exactly the JSON the app writes, and reads only the marks (what the drawing shows).
//!
//! The rule is "never draw marks other than the full decoder's": [`map`] returns `Some` only for
//! the current schema in its own envelope (`fmt`, `v`), with a check value (`crc`) that matches
//! the exact text of `data`, and marks the full decoder reads the same way (the same required
//! and optional fields, no unknown or repeated ones, only whole severities 0–3, region and side
//! ids of the catalogue). Anything else, including migrations, escaped strings and damaged
//! text, gives `None`: the map starts empty and the full decoder decides a moment later, with its
//! messages and its backup. The other fields of the document are skipped, not type-checked: text
//! whose check value matches but whose history has the wrong shape (only a hand-made copy can)
//! shows its marks until the full decoder sets it aside. Property tests (`tests/store_fuzz.rs`)
//! check that [`map`] reads the marks of every document the app writes, and that whenever both
//! read marks, they are the same.

use crate::domain::knowledge::mark::{Kind, Mark, Severity};
use crate::domain::knowledge::region::{RegionId, Side};
use crate::domain::persistence::store::{crc32, FORMAT, SCHEMA};
use crate::domain::records::body_map::BodyMap;

/// Reads the marks of the body map from stored text (symptoms and flare left empty), or `None`
/// when only the full decoder can tell.
pub fn map(raw: &str) -> Option<BodyMap> {
    let mut s = Scan {
        s: raw,
        b: raw.as_bytes(),
        at: 0,
    };
    let mut fmt_ok = false;
    let mut v_ok = false;
    let mut crc = None;
    let mut data: Option<(BodyMap, &str)> = None;
    let mut seen = Seen::default();
    s.object(|s, key| {
        match key {
            "fmt" => {
                seen.once(0)?;
                fmt_ok = s.string()? == FORMAT;
            }
            "v" => {
                seen.once(1)?;
                v_ok = s.number()? == SCHEMA;
            }
            "crc" => {
                seen.once(2)?;
                crc = Some(s.number()?);
            }
            "data" => {
                seen.once(3)?;
                let start = s.at;
                let map = data_map(s)?;
                data = Some((map, s.s.get(start..s.at)?));
            }
            "rev" => {
                // The write counter is a whole number; anything else (even valid JSON such as
                // `1e999`, which the full decoder refuses as out of range) is left to it.
                seen.once(4)?;
                s.number()?;
            }
            // `saved_at` and anything a later version adds: not needed here.
            _ => {
                s.skip()?;
            }
        }
        Some(())
    })?;
    s.ws();
    if s.at != s.b.len() || !fmt_ok || !v_ok {
        return None;
    }
    let (map, text) = data?;
    (crc? == u64::from(crc32(text.as_bytes()))).then_some(map)
}

/// The `data` object: its `map` (empty when absent), every other field skipped.
fn data_map(s: &mut Scan<'_>) -> Option<BodyMap> {
    let mut map = None;
    let mut seen = Seen::default();
    // The document's fields, in the order the app writes them; each may appear once.
    const FIELDS: [&str; 11] = [
        "map",
        "map_updated",
        "checkins",
        "sessions",
        "programme",
        "last_export",
        "profile",
        "screen",
        "paused",
        "running",
        "imported",
    ];
    s.object(|s, key| {
        if let Some(i) = FIELDS.iter().position(|f| *f == key) {
            seen.once(i)?;
        }
        if key == "map" {
            map = Some(body_map(s)?);
        } else {
            s.skip()?;
        }
        Some(())
    })?;
    Some(map.unwrap_or_default())
}

/// `{"marks":[…],"symptoms":[…],"acute_flare":false}`, each field optional. Only the marks are
/// read: they are what the first paint draws; the symptoms and the flare, shown by the symptom
/// picker, come with the whole document.
fn body_map(s: &mut Scan<'_>) -> Option<BodyMap> {
    let mut marks = Vec::new();
    let mut seen = Seen::default();
    s.object(|s, key| {
        match key {
            "marks" => {
                seen.once(0)?;
                s.array(|s| {
                    marks.push(mark(s)?);
                    Some(())
                })?;
            }
            "symptoms" => {
                seen.once(1)?;
                s.skip()?;
            }
            "acute_flare" => {
                seen.once(2)?;
                s.skip()?;
            }
            _ => {
                s.skip()?;
            }
        }
        Some(())
    })?;
    let (map, rejected) = BodyMap::from_marks(marks);
    rejected.is_empty().then_some(map)
}

/// `{"region":"calf","side":"left","severity":2,"kind":"sore"}` (`kind` optional, nothing else).
fn mark(s: &mut Scan<'_>) -> Option<Mark> {
    let (mut region, mut side, mut severity, mut kind) = (None, None, None, None);
    s.object(|s, key| {
        match key {
            "region" if region.is_none() => region = Some(RegionId::from_key(s.string()?)?),
            "side" if side.is_none() => side = Some(Side::from_key(s.string()?)?),
            "severity" if severity.is_none() => {
                severity = Some(Severity::new(u8::try_from(s.number()?).ok()?)?);
            }
            "kind" if kind.is_none() => {
                kind = Some(match s.string()? {
                    "tight" => Kind::Tight,
                    "sore" => Kind::Sore,
                    _ => return None,
                });
            }
            // Unknown or repeated: the full decoder refuses the mark.
            _ => return None,
        }
        Some(())
    })?;
    Some(Mark {
        region: region?,
        side: side?,
        severity: severity?,
        kind: kind.unwrap_or_default(),
    })
}

/// Which fields of one object were read (a repeated field makes the full decoder refuse it).
#[derive(Default)]
struct Seen(u32);

impl Seen {
    fn once(&mut self, i: usize) -> Option<()> {
        let bit = 1u32 << i;
        if self.0 & bit != 0 {
            return None;
        }
        self.0 |= bit;
        Some(())
    }
}

/// How deep skipped arrays and objects may nest (the app writes at most a few levels).
const MAX_DEPTH: u32 = 64;

/// A cursor over JSON text. Every method returns `None` on anything it does not expect.
struct Scan<'a> {
    /// The text (slices of it are returned without copying or re-checking UTF-8).
    s: &'a str,
    /// The same text as bytes.
    b: &'a [u8],
    at: usize,
}

impl<'a> Scan<'a> {
    fn ws(&mut self) {
        while matches!(self.b.get(self.at), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// Consumes `c` after optional whitespace.
    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.b.get(self.at) == Some(&c) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    /// The text of a string without escapes (an escape gives `None`).
    fn string(&mut self) -> Option<&'a str> {
        if !self.eat(b'"') {
            return None;
        }
        let start = self.at;
        loop {
            match *self.b.get(self.at)? {
                b'"' => break,
                b'\\' => return None,
                c if c < 0x20 => return None,
                _ => self.at += 1,
            }
        }
        self.at += 1;
        self.s.get(start..self.at - 1)
    }

    /// A whole number without sign, fraction or exponent (as the app writes them).
    fn number(&mut self) -> Option<u64> {
        self.ws();
        let start = self.at;
        let mut n: u64 = 0;
        while let Some(d) = self.b.get(self.at).filter(|c| c.is_ascii_digit()) {
            n = n.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
            self.at += 1;
        }
        let len = self.at - start;
        // No leading zeros ("01" is not JSON), and not followed by a fraction or exponent.
        if len == 0 || (len > 1 && self.b[start] == b'0') {
            return None;
        }
        if matches!(self.b.get(self.at), Some(b'.' | b'e' | b'E')) {
            return None;
        }
        Some(n)
    }

    fn boolean(&mut self) -> Option<bool> {
        self.ws();
        for (word, value) in [(&b"true"[..], true), (&b"false"[..], false)] {
            if self.b.get(self.at..self.at + word.len()) == Some(word) {
                self.at += word.len();
                return Some(value);
            }
        }
        None
    }

    /// An object, calling `field` with each key; `field` must consume the value.
    fn object(&mut self, mut field: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        if !self.eat(b'{') {
            return None;
        }
        if self.eat(b'}') {
            return Some(());
        }
        loop {
            let key = self.string()?;
            if !self.eat(b':') {
                return None;
            }
            field(self, key)?;
            if self.eat(b'}') {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// An array, calling `item` for each element; `item` must consume it.
    fn array(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        if !self.eat(b'[') {
            return None;
        }
        if self.eat(b']') {
            return Some(());
        }
        loop {
            item(self)?;
            if self.eat(b']') {
                return Some(());
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// Skips any value.
    fn skip(&mut self) -> Option<()> {
        self.skip_at(0)
    }

    fn skip_at(&mut self, depth: u32) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.ws();
        match *self.b.get(self.at)? {
            b'{' => self.object(|s, _| s.skip_at(depth + 1)),
            b'[' => self.array(|s| s.skip_at(depth + 1)),
            b'"' => self.skip_string(),
            b't' | b'f' => self.boolean().map(drop),
            b'n' if self.b.get(self.at..self.at + 4) == Some(b"null") => {
                self.at += 4;
                Some(())
            }
            _ => self.skip_number(),
        }
    }

    /// Skips a string, checking its escapes as JSON does.
    fn skip_string(&mut self) -> Option<()> {
        if !self.eat(b'"') {
            return None;
        }
        loop {
            match *self.b.get(self.at)? {
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                b'\\' => match *self.b.get(self.at + 1)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.at += 2,
                    b'u' => {
                        let hex = self.b.get(self.at + 2..self.at + 6)?;
                        if !hex.iter().all(u8::is_ascii_hexdigit) {
                            return None;
                        }
                        self.at += 6;
                    }
                    _ => return None,
                },
                c if c < 0x20 => return None,
                _ => self.at += 1,
            }
        }
    }

    /// Skips a number, exactly as JSON writes them: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn skip_number(&mut self) -> Option<()> {
        let digits = |s: &mut Self| {
            let start = s.at;
            while s.b.get(s.at).is_some_and(u8::is_ascii_digit) {
                s.at += 1;
            }
            s.at > start
        };
        if self.b.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        if self.b.get(self.at) == Some(&b'0') {
            self.at += 1;
        } else if !digits(self) {
            return None;
        }
        if self.b.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        if matches!(self.b.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.b.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::mark::Symptom;
    use crate::domain::knowledge::region::RegionSide;
    use crate::domain::persistence::store::{decode, encode};
    use crate::domain::records::body_map::Action;
    use crate::domain::records::document::Document;

    fn sample() -> Document {
        let mut doc = Document::default();
        for (region, side, sev) in [
            (RegionId::from_key("calf"), Side::Left, 2),
            (RegionId::from_key("calf"), Side::Right, 1),
            (RegionId::from_key("sacrum"), Side::Mid, 3),
        ] {
            let at = RegionSide {
                region: region.unwrap(),
                side,
            };
            doc.map
                .apply(Action::SetSeverity(at, Severity::new(sev).unwrap()));
        }
        doc.map.symptoms.insert(Symptom::LowBackPain);
        doc.map.acute_flare = true;
        doc
    }

    /// The map with only its marks (what [`map`] reads).
    fn marks_only(m: &BodyMap) -> BodyMap {
        BodyMap::from_marks(m.marks()).0
    }

    #[test]
    fn reads_the_marks_the_app_wrote() {
        let doc = sample();
        let raw = encode(&doc, 7, "2026-11-21T08:00:00.000Z");
        assert_eq!(map(&raw), Some(marks_only(&doc.map)));
        assert_eq!(map(&raw).unwrap().marks().count(), 3);
        assert_eq!(decode(&raw).unwrap().doc.map, doc.map);
    }

    #[test]
    fn an_empty_document_gives_an_empty_map() {
        let raw = encode(&Document::default(), 1, "2026-11-21T08:00:00.000Z");
        assert_eq!(map(&raw), Some(BodyMap::default()));
    }

    #[test]
    fn reads_the_v2_fixture_like_the_full_decoder() {
        let raw = include_str!("../../../tests/fixtures/store/v2.json").trim();
        let full = decode(raw).unwrap().doc.map;
        assert_eq!(map(raw), Some(marks_only(&full)));
    }

    #[test]
    fn leaves_everything_else_to_the_full_decoder() {
        let doc = sample();
        let good = encode(&doc, 7, "2026-11-21T08:00:00.000Z");
        let v1 = include_str!("../../../tests/fixtures/store/v1.json").trim();
        let cases = [
            String::new(),
            "null".into(),
            "{}".into(),
            v1.into(),
            good.replace("\"v\":2", "\"v\":3"),
            good.replace("\"fmt\":\"fasciamap\"", "\"fmt\":\"other\""),
            good.replace("\"severity\":2", "\"severity\":5"),
            good.replace("\"severity\":2", "\"severity\":2.0"),
            good.replace("\"calf\"", "\"c\\u0061lf\""),
            good.replace("\"crc\":", "\"crc\":1"),
            // Outside `data` (no check value there): still exactly JSON, as the full decoder wants.
            good.replace("\"rev\":7", "\"rev\":7-1"),
            good.replace("\"rev\":7", "\"rev\":07"),
            good.replace("\"rev\":7", "\"rev\":7."),
            good.replace("\"rev\":7", "\"rev\":7e9999"),
            good.replace("\"saved_at\":\"", "\"saved_at\":\"\\x"),
            good.replace("\"saved_at\":\"", "\"saved_at\":\"\\u12zz"),
            good[..good.len() - 1].to_string(),
            format!("{good} x"),
        ];
        for raw in cases {
            assert_eq!(map(&raw), None, "{raw}");
        }
    }
}
