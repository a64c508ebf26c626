//! QR codes of share links as one SVG path, drawn locally (nothing leaves the device).
//!
//! Pure data so it is tested natively; the component only places the path in an `<svg>`.

use qrcodegen::{QrCode, QrCodeEcc};

/// Quiet zone around the code, in modules (the standard asks for 4).
pub const QUIET: usize = 4;

/// A QR code ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    /// Modules per side, without the quiet zone.
    pub size: usize,
    /// Path data of the dark modules, in module units, offset by the quiet zone.
    pub path: String,
}

impl Qr {
    /// The `viewBox` including the quiet zone.
    pub fn view_box(&self) -> String {
        let n = self.size + 2 * QUIET;
        format!("0 0 {n} {n}")
    }
}

/// Encodes `text` with medium error correction (readable with 15 % of it damaged or glared).
/// `None` when the text is too long for any QR code.
pub fn encode(text: &str) -> Option<Qr> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = usize::try_from(code.size()).ok()?;
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            let dark = |x: usize| code.get_module(x as i32, y as i32);
            if !dark(x) {
                x += 1;
                continue;
            }
            // One rectangle per horizontal run of dark modules keeps the path short.
            let start = x;
            while x < size && dark(x) {
                x += 1;
            }
            path.push_str(&format!(
                "M{} {}h{}v1h-{}z",
                start + QUIET,
                y + QUIET,
                x - start,
                x - start
            ));
        }
    }
    Some(Qr { size, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_link_makes_a_scannable_sized_code() {
        let url = format!("https://example.org/fasciamap/#b1.{}", "A".repeat(94));
        let qr = encode(&url).unwrap();
        // Version 8 (49 modules) at medium correction for a typical 30-spot link.
        assert!(qr.size <= 49, "{}", qr.size);
        assert!(qr.path.starts_with("M4 4h7v1h-7z"), "finder pattern first");
        assert_eq!(qr.view_box(), format!("0 0 {n} {n}", n = qr.size + 8));
    }

    #[test]
    fn the_runs_cover_exactly_the_dark_modules() {
        let text = "https://example.org/#b1.AQcBAQ";
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).unwrap();
        let dark = (0..code.size())
            .flat_map(|y| (0..code.size()).map(move |x| (x, y)))
            .filter(|&(x, y)| code.get_module(x, y))
            .count();
        let qr = encode(text).unwrap();
        let covered: usize = qr
            .path
            .split('h')
            .skip(1)
            .filter(|s| !s.starts_with('-'))
            .map(|s| s.split('v').next().unwrap().parse::<usize>().unwrap())
            .sum();
        assert_eq!(covered, dark);
    }

    #[test]
    fn text_too_long_for_any_code_is_none() {
        assert!(encode(&"x".repeat(5000)).is_none());
    }
}
