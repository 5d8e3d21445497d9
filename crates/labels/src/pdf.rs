//! Pages as a minimal PDF 1.4 file, written by hand: vector bars as filled
//! rectangles, text in the standard Helvetica fonts (which every reader
//! has, so nothing is embedded), and an exact cross-reference table.

use std::fmt::Write;

use super::layout::{Anchor, Mark, Page};
use super::svg::num;
use super::text::advance;

/// PDF points per millimetre.
const PT: f64 = 72.0 / 25.4;

/// Fixed object numbers; each page then takes two: the page and its content.
const CATALOG: usize = 1;
const PAGES: usize = 2;
const FONT_REGULAR: usize = 3;
const FONT_BOLD: usize = 4;
const FIRST_PAGE: usize = 5;

/// The whole file.
pub(crate) fn document(pages: &[Page]) -> Vec<u8> {
    let mut w = Writer::default();
    // The binary comment tells transfer tools the file is not plain text.
    w.out.extend_from_slice(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n");
    w.object(CATALOG, &format!("<< /Type /Catalog /Pages {PAGES} 0 R >>"));
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", FIRST_PAGE + 2 * i))
        .collect();
    w.object(
        PAGES,
        &format!(
            "<< /Type /Pages /Kids [{}] /Count {} >>",
            kids.join(" "),
            pages.len()
        ),
    );
    for (id, name) in [(FONT_REGULAR, "Helvetica"), (FONT_BOLD, "Helvetica-Bold")] {
        w.object(
            id,
            &format!(
                "<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>"
            ),
        );
    }
    for (i, page) in pages.iter().enumerate() {
        let id = FIRST_PAGE + 2 * i;
        w.object(
            id,
            &format!(
                "<< /Type /Page /Parent {PAGES} 0 R /MediaBox [0 0 {} {}] \
                 /Resources << /Font << /F1 {FONT_REGULAR} 0 R /F2 {FONT_BOLD} 0 R >> >> \
                 /Contents {} 0 R >>",
                num(page.width * PT),
                num(page.height * PT),
                id + 1
            ),
        );
        let content = content(page);
        w.stream(id + 1, content.as_bytes());
    }
    w.finish()
}

/// Collects objects and remembers where each starts.
#[derive(Default)]
struct Writer {
    out: Vec<u8>,
    /// Byte offset of object n at index n - 1.
    offsets: Vec<usize>,
}

impl Writer {
    fn begin(&mut self, id: usize) {
        // Objects are written in number order, so the table has no holes.
        debug_assert_eq!(id, self.offsets.len() + 1, "objects in order");
        self.offsets.push(self.out.len());
        self.out
            .extend_from_slice(format!("{id} 0 obj\n").as_bytes());
    }

    fn object(&mut self, id: usize, dict: &str) {
        self.begin(id);
        self.out.extend_from_slice(dict.as_bytes());
        self.out.extend_from_slice(b"\nendobj\n");
    }

    fn stream(&mut self, id: usize, data: &[u8]) {
        self.begin(id);
        self.out
            .extend_from_slice(format!("<< /Length {} >>\nstream\n", data.len()).as_bytes());
        self.out.extend_from_slice(data);
        self.out.extend_from_slice(b"\nendstream\nendobj\n");
    }

    fn finish(mut self) -> Vec<u8> {
        let xref = self.out.len();
        let count = self.offsets.len() + 1;
        let mut table = format!("xref\n0 {count}\n0000000000 65535 f \n");
        for offset in &self.offsets {
            // Each entry is exactly 20 bytes, ending in space + newline.
            let _ = writeln!(table, "{offset:010} 00000 n ");
        }
        let _ = write!(
            table,
            "trailer\n<< /Size {count} /Root {CATALOG} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
        );
        self.out.extend_from_slice(table.as_bytes());
        self.out
    }
}

/// A page's drawing operators. PDF's origin is the bottom-left corner and
/// its unit the point, so y is flipped and everything scaled.
fn content(page: &Page) -> String {
    let mut s = String::new();
    let top = page.height * PT;
    for mark in &page.marks {
        match mark {
            Mark::Grid {
                x,
                y,
                module_w,
                module_h,
                rects,
                ..
            } => {
                // Map the module grid into place (y down, like the SVG) so
                // every rectangle is whole modules.
                let _ = writeln!(
                    s,
                    "q 0 g {} 0 0 {} {} {} cm",
                    num(module_w * PT),
                    num(-module_h * PT),
                    num(x * PT),
                    num(top - y * PT)
                );
                for [rx, ry, rw, rh] in rects {
                    let _ = writeln!(s, "{rx} {ry} {rw} {rh} re");
                }
                s.push_str("f Q\n");
            }
            Mark::Text {
                x,
                baseline,
                size,
                bold,
                anchor,
                text,
            } => {
                let bytes = win_ansi(text);
                let x = match anchor {
                    Anchor::Start => *x,
                    Anchor::Middle => x - width(&bytes, *size, *bold) / 2.0,
                };
                let _ = writeln!(
                    s,
                    "BT 0 g /{} {} Tf {} {} Td ({}) Tj ET",
                    if *bold { "F2" } else { "F1" },
                    num(size * PT),
                    num(x * PT),
                    num(top - baseline * PT),
                    literal(&bytes)
                );
            }
        }
    }
    s
}

/// Text as WinAnsiEncoding bytes; characters the standard fonts cannot
/// show become '?'.
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            // Latin-1's printable upper half is the same in WinAnsi.
            '\u{A0}'..='\u{FF}' => c as u32 as u8,
            '€' => 0x80,
            '‚' => 0x82,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '™' => 0x99,
            _ => b'?',
        })
        .collect()
}

/// Width in mm of WinAnsi bytes, for centring.
fn width(bytes: &[u8], size: f64, bold: bool) -> f64 {
    let units: u32 = bytes
        .iter()
        .map(|&b| u32::from(advance(win_ansi_char(b), bold)))
        .sum();
    f64::from(units) / 1000.0 * size
}

fn win_ansi_char(b: u8) -> char {
    match b {
        0x85 => '…',
        // The other punctuation is measured as a full em, like unknowns.
        0x80..=0x9F => '\u{FFFD}',
        b => char::from(b),
    }
}

/// A PDF literal string body: delimiters escaped, and bytes outside
/// printable ASCII as octal so the file stays readable.
fn literal(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len());
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => {
                s.push('\\');
                s.push(char::from(b));
            }
            b' '..=b'~' => s.push(char::from(b)),
            _ => {
                let _ = write!(s, "\\{b:03o}");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_encoded_for_the_standard_fonts() {
        assert_eq!(
            literal(&win_ansi("Pokémon (☆) 5\\6…")),
            "Pok\\351mon \\(?\\) 5\\\\6\\205"
        );
    }

    #[test]
    fn an_empty_document_still_has_a_valid_table() {
        let pdf = document(&[]);
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/Count 0"));
        assert!(text.ends_with("%%EOF\n"));
    }
}
