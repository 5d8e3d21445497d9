//! Printable labels for bins, sections and items: a barcode (Code 128 or QR),
//! a title, a detail line and the human-readable code, laid out for common
//! label stock and written as SVG (for the app's window) or PDF (for files
//! and printing).
//!
//! Layout happens once, in millimetres, in [`layout`]; [`svg`] and [`pdf`]
//! only serialise the result, so the two formats always agree.
//!
//! Pure: no store, no files. What a bin's or an item's label says, and
//! saving labels to a file, live in `trove_core::labels`, which re-exports
//! this crate.

pub mod code128;
mod layout;
mod pdf;
mod svg;
mod text;

use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};

/// How the code is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Symbology {
    /// A linear barcode of printable ASCII; what most handheld scanners read.
    Code128,
    /// A square matrix code; holds any text and reads from phone cameras.
    Qr,
}

impl Symbology {
    /// Every symbology, in the order a picker shows them.
    pub const ALL: [Symbology; 2] = [Symbology::Code128, Symbology::Qr];

    /// The stable name used by the CLI and the app (`code128`, `qr`).
    pub fn id(self) -> &'static str {
        match self {
            Symbology::Code128 => "code128",
            Symbology::Qr => "qr",
        }
    }

    /// The symbology with this id, ignoring case.
    pub fn parse(text: &str) -> Option<Symbology> {
        let t = text.trim();
        Symbology::ALL
            .into_iter()
            .find(|s| s.id().eq_ignore_ascii_case(t))
    }
}

impl fmt::Display for Symbology {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Symbology::Code128 => "Code 128",
            Symbology::Qr => "QR",
        })
    }
}

/// A kind of label stock: one label per page on a roll, or a sheet of many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
pub enum LabelSize {
    /// Dymo 30334 multipurpose, 57 × 32 mm.
    #[serde(rename = "dymo-30334")]
    Dymo30334,
    /// Dymo 30252 address, 89 × 28 mm.
    #[serde(rename = "dymo-30252")]
    Dymo30252,
    /// Dymo 30336 multipurpose, 54 × 25 mm.
    #[serde(rename = "dymo-30336")]
    Dymo30336,
    /// Brother DK-11209 small address, 62 × 29 mm.
    #[serde(rename = "brother-62x29")]
    Brother62x29,
    /// 2 × 1 inch thermal roll label (Zebra and compatibles), 51 × 25 mm.
    #[serde(rename = "zebra-2x1")]
    Zebra2x1,
    /// 4 × 6 inch thermal shipping label, 102 × 152 mm, portrait.
    #[serde(rename = "zebra-4x6")]
    Zebra4x6,
    /// Avery 5160 address labels, 66.7 × 25.4 mm, 30 on a US Letter sheet.
    #[serde(rename = "avery-5160")]
    Avery5160,
}

/// Where the labels sit on a sheet, in millimetres from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sheet {
    /// Page width and height.
    pub page: (f64, f64),
    /// Labels across.
    pub columns: usize,
    /// Labels down.
    pub rows: usize,
    /// The top-left corner of the first label.
    pub origin: (f64, f64),
    /// Distance from one label's corner to the next one's, across and down.
    pub pitch: (f64, f64),
}

impl Sheet {
    /// Labels on one sheet.
    pub fn capacity(&self) -> usize {
        self.columns * self.rows
    }
}

const INCH: f64 = 25.4;

impl LabelSize {
    /// Every size, in the order a picker shows them.
    pub const ALL: [LabelSize; 7] = [
        LabelSize::Dymo30334,
        LabelSize::Dymo30252,
        LabelSize::Dymo30336,
        LabelSize::Brother62x29,
        LabelSize::Zebra2x1,
        LabelSize::Zebra4x6,
        LabelSize::Avery5160,
    ];

    /// The stable name used by the CLI and the app (`dymo-30334`).
    pub fn id(self) -> &'static str {
        match self {
            LabelSize::Dymo30334 => "dymo-30334",
            LabelSize::Dymo30252 => "dymo-30252",
            LabelSize::Dymo30336 => "dymo-30336",
            LabelSize::Brother62x29 => "brother-62x29",
            LabelSize::Zebra2x1 => "zebra-2x1",
            LabelSize::Zebra4x6 => "zebra-4x6",
            LabelSize::Avery5160 => "avery-5160",
        }
    }

    /// What a person would call it, for pickers and messages.
    pub fn name(self) -> &'static str {
        match self {
            LabelSize::Dymo30334 => "Dymo 30334 (57 × 32 mm)",
            LabelSize::Dymo30252 => "Dymo 30252 address (89 × 28 mm)",
            LabelSize::Dymo30336 => "Dymo 30336 (54 × 25 mm)",
            LabelSize::Brother62x29 => "Brother DK-11209 (62 × 29 mm)",
            LabelSize::Zebra2x1 => "2 × 1 in thermal (51 × 25 mm)",
            LabelSize::Zebra4x6 => "4 × 6 in thermal (102 × 152 mm)",
            LabelSize::Avery5160 => "Avery 5160 sheet (30 per US Letter page)",
        }
    }

    /// One label's width and height in millimetres, as it is read.
    pub fn label_mm(self) -> (f64, f64) {
        match self {
            LabelSize::Dymo30334 => (57.0, 32.0),
            LabelSize::Dymo30252 => (89.0, 28.0),
            LabelSize::Dymo30336 => (54.0, 25.0),
            LabelSize::Brother62x29 => (62.0, 29.0),
            LabelSize::Zebra2x1 => (2.0 * INCH, INCH),
            LabelSize::Zebra4x6 => (4.0 * INCH, 6.0 * INCH),
            LabelSize::Avery5160 => (2.625 * INCH, INCH),
        }
    }

    /// The sheet layout for sheet stock; `None` for rolls (one label a page).
    pub fn sheet(self) -> Option<Sheet> {
        match self {
            // Avery's template: 3/16 in side margins, 1/2 in top margin,
            // 1/8 in between columns, no gap between rows.
            LabelSize::Avery5160 => Some(Sheet {
                page: (8.5 * INCH, 11.0 * INCH),
                columns: 3,
                rows: 10,
                origin: (0.1875 * INCH, 0.5 * INCH),
                pitch: (2.75 * INCH, INCH),
            }),
            _ => None,
        }
    }

    /// Blank space kept inside each label's edge: printers cannot reach the
    /// edge of die-cut labels, and sheets feed a millimetre or so off true.
    pub(crate) fn margin_mm(self) -> f64 {
        match self {
            LabelSize::Dymo30336 | LabelSize::Zebra2x1 => 1.5,
            LabelSize::Dymo30334 | LabelSize::Dymo30252 | LabelSize::Brother62x29 => 2.0,
            LabelSize::Avery5160 => 2.5,
            LabelSize::Zebra4x6 => 4.0,
        }
    }

    /// The size with this id, ignoring case, spaces and underscores
    /// (`dymo-30334`, `Dymo 30334`, `DYMO_30334`).
    pub fn parse(text: &str) -> Option<LabelSize> {
        let wanted: String = text
            .trim()
            .chars()
            .map(|c| match c {
                ' ' | '_' => '-',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        LabelSize::ALL.into_iter().find(|s| s.id() == wanted)
    }
}

impl fmt::Display for LabelSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What one label says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Label {
    /// What the barcode encodes and the small print under it: a location
    /// code (`B12-3`), a SKU or a GTIN.
    pub code: String,
    /// The big text: the bin or section name, or the item's title.
    pub title: String,
    /// A smaller second line, such as "Garage Tote / Top shelf" or a price.
    pub detail: Option<String>,
}

/// Why labels could not be drawn.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LabelError {
    /// Nothing was asked for.
    #[error("there are no labels to print")]
    NoLabels,
    /// A label has no code to encode.
    #[error("a label needs a code to put in its barcode")]
    EmptyCode,
    /// Code 128 holds printable ASCII only.
    #[error(
        "'{code}' can't be a Code 128 barcode because {ch:?} is not plain printable ASCII; use the QR symbology"
    )]
    NotCode128 { code: String, ch: char },
    /// The barcode would be too fine to scan, or the code too long for QR.
    #[error("{}", too_long_message(.code, *.symbology, *.size))]
    TooLong {
        code: String,
        symbology: Symbology,
        size: LabelSize,
    },
}

fn too_long_message(code: &str, symbology: Symbology, size: LabelSize) -> String {
    let advice = match symbology {
        Symbology::Code128 => "use a shorter code, a wider label or the QR symbology",
        Symbology::Qr => "use a shorter code or a larger label",
    };
    format!("'{code}' is too long for a {symbology} barcode on a {size} label; {advice}")
}

impl LabelError {
    /// The stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            LabelError::NoLabels => "no_labels",
            LabelError::EmptyCode => "label_code_empty",
            LabelError::NotCode128 { .. } => "label_code_not_code128",
            LabelError::TooLong { .. } => "label_code_too_long",
        }
    }
}

/// One SVG document holding every label. A single page is returned as is;
/// several pages (labels on a roll, or sheets) are stacked top to bottom in
/// one outer `<svg>` with a gap between them, for viewing. To print one page
/// per sheet of paper, use [`render_svg_pages`].
pub fn render_svg(
    labels: &[Label],
    size: LabelSize,
    symbology: Symbology,
) -> Result<String, LabelError> {
    Ok(svg::document(&layout::pages(labels, size, symbology)?))
}

/// One standalone SVG document per page: per label on roll stock, per
/// sheet of 30 on Avery 5160. Each is sized in millimetres for printing.
pub fn render_svg_pages(
    labels: &[Label],
    size: LabelSize,
    symbology: Symbology,
) -> Result<Vec<String>, LabelError> {
    let pages = layout::pages(labels, size, symbology)?;
    Ok(pages.iter().map(svg::standalone).collect())
}

/// A PDF 1.4 file with one page per label on roll stock, or one page per
/// sheet. Text uses the standard Helvetica fonts, which cover Western
/// European text only: other characters print as '?' (a QR code still
/// encodes them).
pub fn render_pdf(
    labels: &[Label],
    size: LabelSize,
    symbology: Symbology,
) -> Result<Vec<u8>, LabelError> {
    Ok(pdf::document(&layout::pages(labels, size, symbology)?))
}

/// A file format for labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum LabelFormat {
    /// One SVG document ([`render_svg`]).
    Svg,
    /// A PDF file ([`render_pdf`]).
    Pdf,
}

impl LabelFormat {
    /// The format a file name asks for by its extension (`.svg`, `.pdf`,
    /// any case); `None` for anything else.
    pub fn from_path(path: &Path) -> Option<LabelFormat> {
        let ext = path.extension()?.to_str()?;
        [LabelFormat::Svg, LabelFormat::Pdf]
            .into_iter()
            .find(|f| f.extension().eq_ignore_ascii_case(ext))
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            LabelFormat::Svg => "svg",
            LabelFormat::Pdf => "pdf",
        }
    }
}

/// The labels as the bytes of a file in `format`.
pub fn render(
    labels: &[Label],
    size: LabelSize,
    symbology: Symbology,
    format: LabelFormat,
) -> Result<Vec<u8>, LabelError> {
    match format {
        LabelFormat::Svg => render_svg(labels, size, symbology).map(String::into_bytes),
        LabelFormat::Pdf => render_pdf(labels, size, symbology),
    }
}

/// A QR code's modules without the quiet zone, row by row; `true` is dark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    width: usize,
    /// `width * width` modules, row-major.
    dark: Vec<bool>,
}

impl QrMatrix {
    /// Modules per side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the module at column `x`, row `y` is dark; outside the
    /// matrix (the quiet zone) is light.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }
}

/// Encodes `text` as UTF-8 bytes in a QR code with medium (15 %) error
/// correction, enough to survive a scuffed label; `None` when the text is
/// too long for the largest QR code.
pub fn qr_matrix(text: &str) -> Option<QrMatrix> {
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let dark = code
        .to_colors()
        .into_iter()
        .map(|c| c == qrcode::Color::Dark)
        .collect();
    Some(QrMatrix {
        width: code.width(),
        dark,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_from_their_ids_and_loose_spellings() {
        for size in LabelSize::ALL {
            assert_eq!(LabelSize::parse(size.id()), Some(size));
            let json = serde_json::to_string(&size).expect("serialises");
            assert_eq!(json, format!("\"{}\"", size.id()), "serde uses the id");
        }
        assert_eq!(LabelSize::parse(" Dymo 30334 "), Some(LabelSize::Dymo30334));
        assert_eq!(LabelSize::parse("AVERY_5160"), Some(LabelSize::Avery5160));
        assert_eq!(LabelSize::parse("dymo-99999"), None);
    }

    #[test]
    fn symbologies_parse_from_their_ids() {
        for s in Symbology::ALL {
            assert_eq!(Symbology::parse(s.id()), Some(s));
        }
        assert_eq!(Symbology::parse("QR"), Some(Symbology::Qr));
        assert_eq!(Symbology::parse("ean13"), None);
    }

    #[test]
    fn file_formats_come_from_the_extension() {
        assert_eq!(
            LabelFormat::from_path(Path::new("a/b.PDF")),
            Some(LabelFormat::Pdf)
        );
        assert_eq!(
            LabelFormat::from_path(Path::new("b.svg")),
            Some(LabelFormat::Svg)
        );
        assert_eq!(LabelFormat::from_path(Path::new("b.png")), None);
        assert_eq!(LabelFormat::from_path(Path::new("pdf")), None);
    }

    #[test]
    fn avery_5160_fits_on_us_letter() {
        let sheet = LabelSize::Avery5160.sheet().expect("a sheet");
        let (w, h) = LabelSize::Avery5160.label_mm();
        assert_eq!(sheet.capacity(), 30);
        let right = sheet.origin.0 + (sheet.columns - 1) as f64 * sheet.pitch.0 + w;
        let bottom = sheet.origin.1 + (sheet.rows - 1) as f64 * sheet.pitch.1 + h;
        assert!((right - (sheet.page.0 - sheet.origin.0)).abs() < 1e-9);
        assert!((bottom - (sheet.page.1 - sheet.origin.1)).abs() < 1e-9);
    }
}
