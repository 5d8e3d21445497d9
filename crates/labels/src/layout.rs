//! Where everything goes on a label, in millimetres from the top-left
//! corner. The SVG and PDF writers only serialise these pages.

use super::code128::Code128;
use super::text::{fit_lines, shrink_to_fit, ASCENT, DESCENT};
use super::{qr_matrix, Label, LabelError, LabelSize, Symbology};

/// Printer dots at 300 dpi (Dymo LabelWriter, Brother QL, most thermal
/// printers). Modules are whole dots so every bar prints the same width.
const DOT: f64 = 25.4 / 300.0;
/// Below two dots a module cannot be printed reliably.
const MIN_DOTS: u32 = 2;
/// Wider Code 128 modules only make the barcode longer, not easier to scan.
const MAX_BAR_DOTS: u32 = 6;
/// White modules around a QR code.
const QR_QUIET_ZONE: u32 = 4;
/// Bars shorter than this are hard to hit with a handheld scanner's line.
const MIN_GRAPHIC_MM: f64 = 5.0;

/// One printed page: a label, or a sheet of them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Page {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
}

/// Text alignment relative to its `x`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mark {
    /// Dark rectangles on an integer module grid whose origin is (`x`, `y`)
    /// and whose cells are `module_w` × `module_h`; each rect is
    /// [column, row, columns, rows].
    Grid {
        symbology: Symbology,
        x: f64,
        y: f64,
        module_w: f64,
        module_h: f64,
        rects: Vec<[u32; 4]>,
    },
    /// One line of text; `size` is the font size (em height) in mm.
    Text {
        x: f64,
        baseline: f64,
        size: f64,
        bold: bool,
        anchor: Anchor,
        text: String,
    },
}

/// Every page for these labels: one per label on rolls, one per sheet.
pub(crate) fn pages(
    labels: &[Label],
    size: LabelSize,
    symbology: Symbology,
) -> Result<Vec<Page>, LabelError> {
    if labels.is_empty() {
        return Err(LabelError::NoLabels);
    }
    let (w, h) = size.label_mm();
    let Some(sheet) = size.sheet() else {
        return labels
            .iter()
            .map(|l| {
                Ok(Page {
                    width: w,
                    height: h,
                    marks: label_marks(l, size, symbology, 0.0, 0.0)?,
                })
            })
            .collect();
    };
    let mut pages = Vec::new();
    for chunk in labels.chunks(sheet.capacity()) {
        let mut marks = Vec::new();
        for (i, label) in chunk.iter().enumerate() {
            // Across first, then down, as people read a sheet.
            let x = sheet.origin.0 + (i % sheet.columns) as f64 * sheet.pitch.0;
            let y = sheet.origin.1 + (i / sheet.columns) as f64 * sheet.pitch.1;
            marks.extend(label_marks(label, size, symbology, x, y)?);
        }
        pages.push(Page {
            width: sheet.page.0,
            height: sheet.page.1,
            marks,
        });
    }
    Ok(pages)
}

/// Font sizes (mm) for a label, from its height, capped by its width so a
/// tall narrow label does not get a title a few letters long.
struct Fonts {
    title: f64,
    detail: f64,
    code: f64,
}

impl Fonts {
    fn for_label(w: f64, h: f64) -> Fonts {
        let title = (h * 0.15).min(w * 0.08).clamp(2.6, 9.0);
        Fonts {
            title,
            detail: (title * 0.7).max(2.2),
            code: (h * 0.1).min(w * 0.05).clamp(2.2, 5.0),
        }
    }
}

/// Line height as a multiple of the font size.
const LINE: f64 = 1.15;
/// The human-readable code shrinks to this size before it is cut.
const MIN_CODE_SIZE: f64 = 1.8;

/// A label's words fitted to a text column `width` mm wide.
struct Words {
    fonts: Fonts,
    title: Vec<String>,
    detail: Vec<String>,
    code: Vec<String>,
    code_size: f64,
}

impl Words {
    fn fit(
        label: &Label,
        fonts: Fonts,
        width: f64,
        title_lines: usize,
        detail_lines: usize,
    ) -> Words {
        let title = fit_lines(&label.title, width, fonts.title, true, title_lines);
        let detail = label
            .detail
            .as_deref()
            .map(|d| fit_lines(d, width, fonts.detail, false, detail_lines))
            .unwrap_or_default();
        // The code is what a person types when a scan fails: shrink it
        // before cutting it.
        let code_size = shrink_to_fit(&label.code, width, fonts.code, MIN_CODE_SIZE, false);
        let code = fit_lines(&label.code, width, code_size, false, 1);
        Words {
            fonts,
            title,
            detail,
            code,
            code_size,
        }
    }

    /// Height of the title and detail lines.
    fn header_height(&self) -> f64 {
        LINE * (self.title.len() as f64 * self.fonts.title
            + self.detail.len() as f64 * self.fonts.detail)
    }
}

/// Lines of text set one under another.
struct Column {
    x: f64,
    anchor: Anchor,
    /// The top of the next line.
    y: f64,
    marks: Vec<Mark>,
}

impl Column {
    fn lines(&mut self, lines: &[String], size: f64, bold: bool) {
        for text in lines {
            self.marks.push(Mark::Text {
                x: self.x,
                baseline: self.y + ASCENT * size,
                size,
                bold,
                anchor: self.anchor,
                text: text.clone(),
            });
            self.y += LINE * size;
        }
    }

    fn header(&mut self, words: &Words) {
        self.lines(&words.title, words.fonts.title, true);
        self.lines(&words.detail, words.fonts.detail, false);
    }
}

/// The marks of one label whose top-left corner is at (`ox`, `oy`).
fn label_marks(
    label: &Label,
    size: LabelSize,
    symbology: Symbology,
    ox: f64,
    oy: f64,
) -> Result<Vec<Mark>, LabelError> {
    if label.code.trim().is_empty() {
        return Err(LabelError::EmptyCode);
    }
    let (w, h) = size.label_mm();
    let mut marks = match symbology {
        // A wide label has room for the QR code beside the text; on other
        // labels it would leave the text a sliver, so it goes in the stack.
        Symbology::Qr if w >= 1.2 * h => qr_beside_text(label, size)?,
        _ => stacked(label, size, symbology)?,
    };
    for mark in &mut marks {
        match mark {
            Mark::Grid { x, y, .. } => {
                *x += ox;
                *y += oy;
            }
            Mark::Text { x, baseline, .. } => {
                *x += ox;
                *baseline += oy;
            }
        }
    }
    Ok(marks)
}

/// Title, detail, barcode and code, one above the other, centred; the
/// block is centred vertically when the barcode reaches its height cap.
fn stacked(label: &Label, size: LabelSize, symbology: Symbology) -> Result<Vec<Mark>, LabelError> {
    let (w, h) = size.label_mm();
    let m = size.margin_mm();
    // Tall labels (4 × 6 in) have room for a long title to wrap.
    let title_lines = if h >= 50.0 { 3 } else { 1 };
    let words = Words::fit(label, Fonts::for_label(w, h), w - 2.0 * m, title_lines, 1);
    let gap = m * 0.5;
    let footer = (ASCENT + DESCENT) * words.code_size;
    let room = h - 2.0 * m - words.header_height() - footer - 2.0 * gap;
    // Never so for the sizes above (a test lays out each); a new size
    // that is too small fails here instead of printing a useless label.
    if room < MIN_GRAPHIC_MM {
        return Err(too_long(label, symbology, size));
    }

    let (graphic, graphic_w, graphic_h) = match symbology {
        Symbology::Code128 => {
            let code = Code128::encode(&label.code)?;
            let modules = code.total_modules();
            // The quiet zones may reach into the margin: it is white too.
            let dots = dots_per_module(w - m, modules, MAX_BAR_DOTS)
                .ok_or_else(|| too_long(label, symbology, size))?;
            let module = f64::from(dots) * DOT;
            let bar_h = room.min((w * 0.3).max(15.0));
            let rects = code.bars().into_iter().map(|(x, w)| [x, 0, w, 1]).collect();
            let bars = Graphic::Bars {
                module,
                height: bar_h,
                rects,
            };
            (bars, f64::from(modules) * module, bar_h)
        }
        Symbology::Qr => {
            let side = room.min(w - m).min(60.0);
            let (module, rects, modules) = qr_grid(label, size, side)?;
            let actual = f64::from(modules) * module;
            (Graphic::Qr { module, rects }, actual, actual)
        }
    };

    let mut column = Column {
        x: w / 2.0,
        anchor: Anchor::Middle,
        y: m + (room - graphic_h).max(0.0) / 2.0,
        marks: Vec::new(),
    };
    column.header(&words);
    column.y += gap;
    let graphic = graphic.mark(symbology, (w - graphic_w) / 2.0, column.y);
    column.marks.push(graphic);
    column.y += graphic_h + gap;
    column.lines(&words.code, words.code_size, false);
    Ok(column.marks)
}

/// A QR code at the left, filling the label's height, with the text to its
/// right: title on up to two lines, detail, and the code at the bottom.
fn qr_beside_text(label: &Label, size: LabelSize) -> Result<Vec<Mark>, LabelError> {
    let (w, h) = size.label_mm();
    let m = size.margin_mm();
    // The quiet zone is part of the square and may reach into the margin.
    let (module, rects, modules) = qr_grid(label, size, h - m)?;
    let side = f64::from(modules) * module;
    let (qx, qy) = (m / 2.0, (h - side) / 2.0);
    let x = qx + side;
    let words = Words::fit(label, Fonts::for_label(w, h), w - x - m, 2, 2);

    let mut column = Column {
        x,
        anchor: Anchor::Start,
        y: m,
        marks: vec![Graphic::Qr { module, rects }.mark(Symbology::Qr, qx, qy)],
    };
    column.header(&words);
    // The code sits at the bottom, level with the QR code's lower part.
    column.y = h - m - (ASCENT + DESCENT) * words.code_size;
    column.lines(&words.code, words.code_size, false);
    Ok(column.marks)
}

/// A barcode drawn in the stack, before it is placed.
enum Graphic {
    Bars {
        module: f64,
        height: f64,
        rects: Vec<[u32; 4]>,
    },
    Qr {
        module: f64,
        rects: Vec<[u32; 4]>,
    },
}

impl Graphic {
    fn mark(self, symbology: Symbology, x: f64, y: f64) -> Mark {
        let (module_w, module_h, rects) = match self {
            Graphic::Bars {
                module,
                height,
                rects,
            } => (module, height, rects),
            Graphic::Qr { module, rects } => (module, module, rects),
        };
        Mark::Grid {
            symbology,
            x,
            y,
            module_w,
            module_h,
            rects,
        }
    }
}

/// The QR code of a label fitted into a square of `side` mm: the module
/// size, the dark runs (offset by the quiet zone) and the modules per side
/// including the quiet zones.
fn qr_grid(
    label: &Label,
    size: LabelSize,
    side: f64,
) -> Result<(f64, Vec<[u32; 4]>, u32), LabelError> {
    let too_long = || too_long(label, Symbology::Qr, size);
    let matrix = qr_matrix(&label.code).ok_or_else(too_long)?;
    let width = u32::try_from(matrix.width()).map_err(|_| too_long())?;
    let modules = width + 2 * QR_QUIET_ZONE;
    let dots = dots_per_module(side, modules, u32::MAX).ok_or_else(too_long)?;
    // One rect per horizontal run of dark modules keeps the files small.
    let mut rects = Vec::new();
    for row in 0..matrix.width() {
        let mut col = 0;
        while col < matrix.width() {
            if !matrix.is_dark(col, row) {
                col += 1;
                continue;
            }
            let start = col;
            while col < matrix.width() && matrix.is_dark(col, row) {
                col += 1;
            }
            // Each index is below `width`, which fits a u32.
            let [x, y, len] = [start, row, col - start].map(|n| n as u32);
            rects.push([x + QR_QUIET_ZONE, y + QR_QUIET_ZONE, len, 1]);
        }
    }
    Ok((f64::from(dots) * DOT, rects, modules))
}

/// The most whole printer dots per module (up to `max`) that fit `modules`
/// into `room` mm; `None` when even the minimum does not fit.
fn dots_per_module(room: f64, modules: u32, max: u32) -> Option<u32> {
    let dots = (room / f64::from(modules) / DOT).floor();
    (dots >= f64::from(MIN_DOTS)).then(|| (dots as u32).min(max))
}

fn too_long(label: &Label, symbology: Symbology, size: LabelSize) -> LabelError {
    LabelError::TooLong {
        code: label.code.clone(),
        symbology,
        size,
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::text_width;
    use super::*;

    fn label(code: &str, title: &str) -> Label {
        Label {
            code: code.into(),
            title: title.into(),
            detail: Some("Garage Tote 12 / Top shelf".into()),
        }
    }

    /// A mark's bounding box: left, top, right, bottom.
    fn bounds(mark: &Mark) -> [f64; 4] {
        match mark {
            Mark::Grid {
                x,
                y,
                module_w,
                module_h,
                rects,
                ..
            } => rects.iter().fold(
                [f64::MAX, f64::MAX, f64::MIN, f64::MIN],
                |[l, t, r, b], [c, row, cw, rh]| {
                    [
                        l.min(x + f64::from(*c) * module_w),
                        t.min(y + f64::from(*row) * module_h),
                        r.max(x + f64::from(c + cw) * module_w),
                        b.max(y + f64::from(row + rh) * module_h),
                    ]
                },
            ),
            Mark::Text {
                x,
                baseline,
                size,
                bold,
                anchor,
                text,
            } => {
                let tw = text_width(text, *size, *bold);
                let left = match anchor {
                    Anchor::Start => *x,
                    Anchor::Middle => x - tw / 2.0,
                };
                [
                    left,
                    baseline - ASCENT * size,
                    left + tw,
                    baseline + DESCENT * size,
                ]
            }
        }
    }

    /// Every mark inside `area` (left, top, right, bottom), and no two
    /// marks on top of each other.
    fn assert_inside(page: &Page, area: [f64; 4], what: &str) {
        let eps = 1e-9;
        for (i, a) in page.marks.iter().enumerate() {
            let [l, t, r, b] = bounds(a);
            assert!(
                l >= area[0] - eps && t >= area[1] - eps,
                "{what}: {a:?} starts outside"
            );
            assert!(
                r <= area[2] + eps && b <= area[3] + eps,
                "{what}: {a:?} overflows"
            );
            for other in &page.marks[i + 1..] {
                let [l2, t2, r2, b2] = bounds(other);
                let apart = r <= l2 || r2 <= l || b <= t2 || b2 <= t;
                assert!(apart, "{what}: {a:?} overlaps {other:?}");
            }
        }
    }

    #[test]
    fn every_size_and_symbology_lays_out_inside_the_label() {
        let long =
            "Vintage Pyrex Butterprint Cinderella Mixing Bowl Set of Four, Turquoise on White";
        let cases = [
            (Symbology::Code128, "B12-3"),
            (Symbology::Code128, "PYX-1042-BLUE"),
            (Symbology::Qr, "B12-3"),
            (Symbology::Qr, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
            (Symbology::Qr, "Pokémon ☆"),
        ];
        for size in LabelSize::ALL {
            for (symbology, code) in cases {
                let pages = pages(&[label(code, long)], size, symbology)
                    .unwrap_or_else(|e| panic!("{size:?} {code}: {e}"));
                assert_eq!(pages.len(), 1);
                let (w, h) = size.label_mm();
                let (x, y) = size.sheet().map_or((0.0, 0.0), |s| s.origin);
                assert_inside(
                    &pages[0],
                    [x, y, x + w, y + h],
                    &format!("{size:?} {symbology:?}"),
                );
            }
        }
    }

    #[test]
    fn a_sheet_holds_thirty_labels_then_starts_another() {
        let labels: Vec<Label> = (1..=31).map(|i| label(&format!("B{i}"), "Tote")).collect();
        let pages = pages(&labels, LabelSize::Avery5160, Symbology::Code128).expect("lays out");
        assert_eq!(pages.len(), 2);
        let grids = |p: &Page| {
            p.marks
                .iter()
                .filter(|m| matches!(m, Mark::Grid { .. }))
                .count()
        };
        assert_eq!((grids(&pages[0]), grids(&pages[1])), (30, 1));
        let sheet = pages[0].clone();
        assert_inside(&sheet, [0.0, 0.0, sheet.width, sheet.height], "sheet");
    }

    #[test]
    fn a_code_too_long_for_the_label_is_refused() {
        let id = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
        let result = pages(&[label(id, "Mug")], LabelSize::Zebra2x1, Symbology::Code128);
        assert!(
            matches!(result, Err(LabelError::TooLong { .. })),
            "{result:?}"
        );
        assert!(pages(&[label(id, "Mug")], LabelSize::Zebra2x1, Symbology::Qr).is_ok());
    }

    #[test]
    fn modules_are_whole_printer_dots() {
        let pages = pages(
            &[label("A-100", "Mug")],
            LabelSize::Dymo30334,
            Symbology::Code128,
        )
        .expect("lays out");
        let Some(Mark::Grid { module_w, .. }) = pages[0]
            .marks
            .iter()
            .find(|m| matches!(m, Mark::Grid { .. }))
        else {
            panic!("no barcode");
        };
        let dots = module_w / DOT;
        assert!((dots - dots.round()).abs() < 1e-9 && dots >= 2.0, "{dots}");
    }
}
