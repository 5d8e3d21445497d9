//! Printable labels: the barcodes decode back to their codes with decoders
//! written here (Code 128) or taken from another project (QR, `rqrr`), the
//! SVG and PDF files are well-formed, and the store and CLI give the right
//! labels for bins, sections and items.

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;
use trove_core::labels::code128::Code128;
use trove_core::labels::{
    qr_matrix, render_pdf, render_svg, render_svg_pages, Label, LabelError, LabelSize, Symbology,
};
use trove_core::{ItemChanges, Store};

use crate::common::{assert_exit, new_store, stdout_json, temp_dir, titled, trove};

// ---------------------------------------------------------------------------
// An independent Code 128 decoder.

/// Symbol values 0 to 106 as the standard prints them: one character per
/// module, '1' for bar and '0' for space. Written out separately from the
/// encoder's width table so a typo in either shows up as a failed decode.
#[rustfmt::skip]
const CODE128_BITS: [&str; 107] = [
    "11011001100", "11001101100", "11001100110", "10010011000", "10010001100",
    "10001001100", "10011001000", "10011000100", "10001100100", "11001001000",
    "11001000100", "11000100100", "10110011100", "10011011100", "10011001110",
    "10111001100", "10011101100", "10011100110", "11001110010", "11001011100",
    "11001001110", "11011100100", "11001110100", "11101101110", "11101001100",
    "11100101100", "11100100110", "11101100100", "11100110100", "11100110010",
    "11011011000", "11011000110", "11000110110", "10100011000", "10001011000",
    "10001000110", "10110001000", "10001101000", "10001100010", "11010001000",
    "11000101000", "11000100010", "10110111000", "10110001110", "10001101110",
    "10111011000", "10111000110", "10001110110", "11101110110", "11010001110",
    "11000101110", "11011101000", "11011100010", "11011101110", "11101011000",
    "11101000110", "11100010110", "11101101000", "11101100010", "11100011010",
    "11101111010", "11001000010", "11110001010", "10100110000", "10100001100",
    "10010110000", "10010000110", "10000101100", "10000100110", "10110010000",
    "10110000100", "10011010000", "10011000010", "10000110100", "10000110010",
    "11000010010", "11001010000", "11110111010", "11000010100", "10001111010",
    "10100111100", "10010111100", "10010011110", "10111100100", "10011110100",
    "10011110010", "11110100100", "11110010100", "11110010010", "11011011110",
    "11011110110", "11110110110", "10101111000", "10100011110", "10001011110",
    "10111101000", "10111100010", "11110101000", "11110100010", "10111011110",
    "10111101110", "11101011110", "11110101110", "11010000100", "11010010000",
    "11010011100", "1100011101011",
];

/// Bar/space widths (bar first) back to module bits.
fn bits(widths: &[u8]) -> String {
    widths
        .iter()
        .enumerate()
        .map(|(i, &w)| (if i % 2 == 0 { "1" } else { "0" }).repeat(usize::from(w)))
        .collect()
}

/// Reads bar/space widths (from the first bar to the termination bar) back
/// into symbol values and then text, checking the check symbol.
fn decode_code128(widths: &[u8]) -> Result<(String, Vec<usize>), String> {
    let all = bits(widths);
    let stop = CODE128_BITS[106];
    let body = all
        .strip_suffix(stop)
        .ok_or_else(|| format!("no stop pattern at the end of {all}"))?;
    if body.len() % 11 != 0 {
        return Err(format!("{} modules before the stop", body.len()));
    }
    let values: Vec<usize> = (0..body.len() / 11)
        .map(|i| {
            let symbol = &body[i * 11..(i + 1) * 11];
            CODE128_BITS[..106]
                .iter()
                .position(|p| *p == symbol)
                .ok_or_else(|| format!("unknown symbol {symbol}"))
        })
        .collect::<Result<_, _>>()?;
    let (check, data) = values.split_last().ok_or("no symbols")?;
    let sum: usize = data.iter().enumerate().map(|(i, v)| v * i.max(1)).sum();
    if sum % 103 != *check {
        return Err(format!("check symbol {check}, expected {}", sum % 103));
    }
    let mut in_c = match data.first() {
        Some(104) => false,
        Some(105) => true,
        other => return Err(format!("start symbol {other:?}")),
    };
    let mut text = String::new();
    for &v in &data[1..] {
        match (in_c, v) {
            (false, 0..=94) => text.push(char::from(v as u8 + 32)),
            (false, 99) => in_c = true,
            (true, 0..=99) => text.push_str(&format!("{v:02}")),
            (true, 100) => in_c = false,
            _ => return Err(format!("symbol {v} unexpected")),
        }
    }
    Ok((text, values))
}

#[test]
fn code128_check_symbols_match_hand_computed_values() {
    // Worked by hand from the standard: start value plus each data value
    // times its position, modulo 103.
    // "B12-3" in set B: 104 + 34·1 + 17·2 + 18·3 + 13·4 + 19·5 = 373 → 64.
    // "12345678" in set C: 105 + 12·1 + 34·2 + 56·3 + 78·4 = 665 → 47.
    // "A-100" in set B (a 3-digit tail is not worth a switch):
    //   104 + 33·1 + 13·2 + 17·3 + 16·4 + 16·5 = 358 → 49.
    // "X1234": B, then CODE C for the 4-digit tail:
    //   104 + 56·1 + 99·2 + 12·3 + 34·4 = 530 → 15.
    for (text, check) in [
        ("B12-3", 64),
        ("12345678", 47),
        ("A-100", 49),
        ("X1234", 15),
    ] {
        let code = Code128::encode(text).expect("encodes");
        assert_eq!(code.check_symbol(), check, "{text}");
        let (decoded, _) = decode_code128(&code.widths()).expect("decodes");
        assert_eq!(decoded, text);
    }
}

#[test]
fn code128_uses_set_c_only_where_it_is_shorter() {
    let symbols = |t: &str| Code128::encode(t).expect("encodes").symbols().to_vec();
    assert_eq!(symbols("12345678")[0], 105, "all digits start in set C");
    assert_eq!(symbols("B12-3")[0], 104);
    assert!(!symbols("A-100").contains(&99), "no switch for 3 digits");
    assert!(
        !symbols("X1234Y").contains(&99),
        "4 digits mid-text save nothing"
    );
    assert!(
        symbols("X123456Y").contains(&99),
        "6 digits mid-text are shorter in C"
    );
    // A GTIN: 12 digits are 6 symbols in set C instead of 12 in set B.
    assert_eq!(symbols("036000291452").len(), 1 + 6 + 2);
}

#[test]
fn code128_has_the_stop_pattern_and_quiet_zones() {
    let code = Code128::encode("B12-3").expect("encodes");
    let widths = code.widths();
    assert_eq!(&widths[widths.len() - 7..], &[2, 3, 3, 1, 1, 1, 2]);
    let bars = code.bars();
    assert_eq!(bars[0].0, 10, "ten quiet modules before the first bar");
    let (x, w) = bars[bars.len() - 1];
    assert_eq!(code.total_modules() - (x + w), 10, "and after the last");
}

#[test]
fn code128_refuses_text_it_cannot_hold_with_a_clear_message() {
    let err = Code128::encode("Pokémon").expect_err("é is not ASCII");
    assert!(matches!(err, LabelError::NotCode128 { ch: 'é', .. }));
    let message = err.to_string();
    assert!(
        message.contains("'Pokémon'") && message.contains("QR"),
        "{message}"
    );
}

proptest! {
    #[test]
    fn code128_round_trips_any_printable_ascii(text in "[ -~]{1,40}") {
        let code = Code128::encode(&text).expect("printable ASCII encodes");
        let (decoded, values) = decode_code128(&code.widths()).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&decoded, &text);
        // Never longer than plain set B: start, one symbol a character, check.
        prop_assert!(values.len() <= text.len() + 2);
    }

    #[test]
    fn code128_round_trips_digit_runs(text in "[A-Z]{0,2}[0-9]{0,13}-?[0-9]{0,9}[a-z]{0,2}") {
        prop_assume!(!text.is_empty());
        let code = Code128::encode(&text).expect("encodes");
        let (decoded, values) = decode_code128(&code.widths()).map_err(TestCaseError::fail)?;
        prop_assert_eq!(&decoded, &text);
        prop_assert!(values.len() <= text.len() + 2);
    }
}

// ---------------------------------------------------------------------------
// A small XML reader, strict enough to reject malformed SVG.

#[derive(Debug)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn attr(&self, name: &str) -> &str {
        self.attrs
            .get(name)
            .unwrap_or_else(|| panic!("<{}> has no {name}", self.name))
    }

    /// This element and every descendant, depth first.
    fn all(&self) -> Vec<&Element> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.all());
        }
        out
    }
}

fn unescape(raw: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(i) = rest.find(['&', '<']) {
        out.push_str(&rest[..i]);
        if rest[i..].starts_with('<') {
            return Err(format!("raw '<' in {raw}"));
        }
        let end = rest[i..].find(';').ok_or("unterminated entity")? + i;
        out.push(match &rest[i + 1..end] {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            other => return Err(format!("unknown entity &{other};")),
        });
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Parses one element (and its children) at the start of `s`; returns it
/// and the rest.
fn parse_element(s: &str) -> Result<(Element, &str), String> {
    let s = s.strip_prefix('<').ok_or("expected '<'")?;
    let name_end = s
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .ok_or("unterminated tag")?;
    let name = s[..name_end].to_string();
    let mut rest = &s[name_end..];
    let mut attrs = BTreeMap::new();
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("/>") {
            let el = Element {
                name,
                attrs,
                children: vec![],
                text: String::new(),
            };
            return Ok((el, r));
        }
        if let Some(r) = rest.strip_prefix('>') {
            rest = r;
            break;
        }
        let eq = rest.find('=').ok_or("attribute without value")?;
        let key = rest[..eq].trim().to_string();
        let r = rest[eq + 1..]
            .strip_prefix('"')
            .ok_or("unquoted attribute")?;
        let close = r.find('"').ok_or("unterminated attribute")?;
        if attrs.insert(key.clone(), unescape(&r[..close])?).is_some() {
            return Err(format!("duplicate attribute {key}"));
        }
        rest = &r[close + 1..];
    }
    let mut children = Vec::new();
    let mut text = String::new();
    loop {
        let lt = rest.find('<').ok_or(format!("<{name}> is never closed"))?;
        text.push_str(&unescape(&rest[..lt])?);
        rest = &rest[lt..];
        if let Some(r) = rest.strip_prefix("</") {
            let gt = r.find('>').ok_or("unterminated end tag")?;
            if r[..gt] != name {
                return Err(format!("<{name}> closed by </{}>", &r[..gt]));
            }
            return Ok((
                Element {
                    name,
                    attrs,
                    children,
                    text,
                },
                &r[gt + 1..],
            ));
        }
        let (child, r) = parse_element(rest)?;
        children.push(child);
        rest = r;
    }
}

fn parse_svg(svg: &str) -> Element {
    let (root, rest) = parse_element(svg.trim_start()).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    assert!(rest.trim().is_empty(), "content after the root: {rest}");
    assert_eq!(root.name, "svg");
    root
}

/// A barcode group's (translate x, y, scale x, y) and its rects.
fn grid(g: &Element) -> ([f64; 4], Vec<[u32; 4]>) {
    let t = g.attr("transform");
    let nums: Vec<f64> = t
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-'))
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().expect("a number"))
        .collect();
    assert_eq!(nums.len(), 4, "translate(x y) scale(x y): {t}");
    assert_eq!(g.attr("shape-rendering"), "crispEdges");
    let rects = g
        .children
        .iter()
        .map(|r| {
            // Integer module coordinates: parsing as u32 fails otherwise.
            ["x", "y", "width", "height"].map(|a| {
                r.attr(a)
                    .parse::<u32>()
                    .unwrap_or_else(|_| panic!("{a}={} is not whole modules", r.attr(a)))
            })
        })
        .collect();
    ([nums[0], nums[1], nums[2], nums[3]], rects)
}

fn groups<'a>(root: &'a Element, class: &str) -> Vec<&'a Element> {
    root.all()
        .into_iter()
        .filter(|e| e.name == "g" && e.attrs.get("class").map(String::as_str) == Some(class))
        .collect()
}

fn label(code: &str, title: &str, detail: Option<&str>) -> Label {
    Label {
        code: code.into(),
        title: title.into(),
        detail: detail.map(Into::into),
    }
}

// ---------------------------------------------------------------------------
// SVG.

#[test]
fn svg_is_well_formed_sized_in_mm_and_escapes_text() {
    let labels = [label(
        "B1-2",
        "Bottom shelf & <misc>",
        Some("Tote \"12\" / Bottom"),
    )];
    let svg = render_svg(&labels, LabelSize::Dymo30334, Symbology::Code128).expect("renders");
    let root = parse_svg(&svg);
    assert_eq!(root.attr("width"), "57mm");
    assert_eq!(root.attr("height"), "32mm");
    assert_eq!(root.attr("viewBox"), "0 0 57 32");
    assert!(svg.contains("Bottom shelf &amp; &lt;misc&gt;"), "{svg}");
    let texts: Vec<&str> = root
        .all()
        .into_iter()
        .filter(|e| e.name == "text")
        .map(|e| e.text.as_str())
        .collect();
    assert_eq!(
        texts,
        ["Bottom shelf & <misc>", "Tote \"12\" / Bottom", "B1-2"]
    );
}

#[test]
fn svg_bars_decode_back_to_the_code() {
    for code in ["B12-3", "PYX-1042", "036000291452", "a b~{}"] {
        let svg = render_svg(
            &[label(code, "Mug", None)],
            LabelSize::Dymo30252,
            Symbology::Code128,
        )
        .expect("renders");
        let root = parse_svg(&svg);
        let g = groups(&root, "barcode code128");
        assert_eq!(g.len(), 1);
        let ([x, _, module, _], rects) = grid(g[0]);
        // Bars back to bar/space widths: a space is the gap between bars.
        let mut widths = Vec::new();
        for (i, [rx, ry, rw, rh]) in rects.iter().enumerate() {
            assert_eq!((*ry, *rh), (0, 1), "bars span the grid's height");
            if i > 0 {
                let [px, _, pw, _] = rects[i - 1];
                widths.push((rx - px - pw) as u8);
            }
            widths.push(*rw as u8);
        }
        let (decoded, _) = decode_code128(&widths).expect("decodes");
        assert_eq!(decoded, code);
        // Ten quiet modules on each side, all of them on the label.
        let [lx, _, lw, _] = rects[rects.len() - 1];
        assert_eq!(rects[0][0], 10);
        assert!(x >= 0.0 && x + f64::from(lx + lw + 10) * module <= 89.0 + 1e-6);
    }
}

#[test]
fn long_titles_are_cut_with_an_ellipsis() {
    let title = "Vintage Pyrex Butterprint Cinderella Mixing Bowl Set of Four, Turquoise on White";
    let svg = render_svg(
        &[label("A-1", title, None)],
        LabelSize::Dymo30334,
        Symbology::Code128,
    )
    .expect("renders");
    let root = parse_svg(&svg);
    let shown = &root
        .all()
        .into_iter()
        .find(|e| e.name == "text")
        .expect("a title")
        .text;
    assert!(shown.ends_with('…') && shown.len() < title.len(), "{shown}");
    assert!(title.starts_with(shown.trim_end_matches('…')));
}

#[test]
fn several_labels_are_stacked_or_given_as_pages() {
    let labels: Vec<Label> = (1..=3)
        .map(|i| label(&format!("B{i}"), "Tote", None))
        .collect();
    let pages =
        render_svg_pages(&labels, LabelSize::Dymo30334, Symbology::Code128).expect("renders");
    assert_eq!(pages.len(), 3, "one page per label on a roll");
    for p in &pages {
        parse_svg(p);
    }
    let stacked =
        parse_svg(&render_svg(&labels, LabelSize::Dymo30334, Symbology::Code128).expect("renders"));
    assert_eq!(
        stacked.children.iter().filter(|c| c.name == "svg").count(),
        3
    );

    let sheet =
        render_svg_pages(&labels, LabelSize::Avery5160, Symbology::Code128).expect("renders");
    assert_eq!(sheet.len(), 1, "one Avery sheet holds 30");
    let root = parse_svg(&sheet[0]);
    assert_eq!(root.attr("width"), "215.9mm");
    assert_eq!(groups(&root, "barcode code128").len(), 3);
}

#[test]
fn code128_labels_refuse_non_ascii_codes_and_qr_takes_them() {
    let labels = [label("Pokémon ☆", "Card", None)];
    let err = render_svg(&labels, LabelSize::Dymo30334, Symbology::Code128).expect_err("not ASCII");
    assert!(err.to_string().contains("'Pokémon ☆'"), "{err}");
    assert!(render_pdf(&labels, LabelSize::Dymo30334, Symbology::Qr).is_ok());
    assert_eq!(
        render_svg(&[], LabelSize::Dymo30334, Symbology::Qr),
        Err(LabelError::NoLabels)
    );
}

// ---------------------------------------------------------------------------
// QR, decoded by rqrr.

/// Decodes the single QR code drawn in a greyscale image.
fn read_qr(width: usize, height: usize, pixel: impl FnMut(usize, usize) -> u8) -> String {
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(width, height, pixel);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code found");
    grids[0].decode().expect("the QR code decodes").1
}

#[test]
fn qr_matrix_decodes_to_the_same_text() {
    for text in [
        "B12-3",
        "Pokémon ☆",
        "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
        "日本のカード",
    ] {
        let m = qr_matrix(text).expect("fits a QR code");
        let scale = 4;
        let side = (m.width() + 8) * scale;
        let decoded = read_qr(side, side, |x, y| {
            let (mx, my) = ((x / scale).wrapping_sub(4), (y / scale).wrapping_sub(4));
            if m.is_dark(mx, my) {
                0
            } else {
                255
            }
        });
        assert_eq!(decoded, text);
    }
}

#[test]
fn qr_drawn_in_the_svg_decodes_to_the_code() {
    for (code, size) in [
        ("Pokémon ☆", LabelSize::Dymo30334),
        ("B12-3", LabelSize::Zebra4x6),
        ("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", LabelSize::Avery5160),
    ] {
        let svg = render_svg(&[label(code, "Card", Some("£4.50"))], size, Symbology::Qr)
            .expect("renders");
        let root = parse_svg(&svg);
        let g = groups(&root, "barcode qr");
        assert_eq!(g.len(), 1);
        let ([_, _, mw, mh], rects) = grid(g[0]);
        assert_eq!(mw, mh, "square modules");
        // Paint the module grid, quiet zone included, 3 pixels a module.
        let modules = rects.iter().map(|[x, _, w, _]| x + w).max().expect("rects") as usize + 4;
        let scale = 3;
        let side = modules * scale;
        let mut px = vec![255u8; side * side];
        for [x, y, w, h] in &rects {
            for yy in *y as usize * scale..(y + h) as usize * scale {
                for xx in *x as usize * scale..(x + w) as usize * scale {
                    px[yy * side + xx] = 0;
                }
            }
        }
        assert_eq!(read_qr(side, side, |x, y| px[y * side + x]), code);
    }
}

// ---------------------------------------------------------------------------
// PDF.

/// Checks the file's structure: header, trailer, and that every xref entry
/// points at its object. Returns the number of pages.
fn check_pdf(pdf: &[u8]) -> usize {
    assert!(pdf.starts_with(b"%PDF-1.4\n"));
    let text = String::from_utf8_lossy(pdf);
    assert!(text.trim_end().ends_with("%%EOF"));
    let startxref: usize = text
        .rsplit("startxref")
        .next()
        .and_then(|t| t.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("a startxref offset");
    let xref = &pdf[startxref..];
    assert!(
        xref.starts_with(b"xref\n0 "),
        "startxref points at the table"
    );
    let table = String::from_utf8_lossy(xref);
    let mut lines = table.lines().skip(1);
    let count: usize = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .expect("an entry count");
    // Entries are exactly 20 bytes each, after "xref\n0 N\n".
    let header = format!("xref\n0 {count}\n").len();
    for n in 0..count {
        let entry = &xref[header + 20 * n..header + 20 * (n + 1)];
        let entry = std::str::from_utf8(entry).expect("ASCII entry");
        assert!(
            entry.ends_with(" \n") || entry.ends_with("\r\n"),
            "{entry:?}"
        );
        if n == 0 {
            assert_eq!(entry, "0000000000 65535 f \n");
            continue;
        }
        let offset: usize = entry[..10].parse().expect("an offset");
        let at = &pdf[offset..];
        assert!(
            at.starts_with(format!("{n} 0 obj").as_bytes()),
            "object {n} is not at {offset}: {:?}",
            String::from_utf8_lossy(&at[..20.min(at.len())])
        );
    }
    assert!(text.contains(&format!("/Size {count}")));
    // Every stream's /Length is its real length.
    for part in text.split("/Length ").skip(1) {
        let len: usize = part
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a length");
        let data = part.split_once("stream\n").expect("stream").1;
        assert_eq!(&data.as_bytes()[len..len + 10], b"\nendstream");
    }
    text.matches("/Type /Page ").count()
}

#[test]
fn pdf_has_a_correct_cross_reference_table_and_a_page_per_label() {
    let labels = [
        label("B1", "Garage (Tote) \\ 12", None),
        label("B1-1", "Top shelf", Some("Garage Tote 12 / Top shelf")),
        label("PYX-1042", "Pokémon ☆ Pyrex", Some("B1-1 · 24.99 USD")),
    ];
    let pdf = render_pdf(&labels, LabelSize::Dymo30334, Symbology::Code128).expect("renders");
    assert_eq!(check_pdf(&pdf), 3);
    let text = String::from_utf8_lossy(&pdf);
    assert!(text.contains("/BaseFont /Helvetica"));
    assert!(
        text.contains("(Garage \\(Tote\\) \\\\ 12) Tj"),
        "parentheses escaped"
    );
    assert!(
        text.contains("(Pok\\351mon ? Pyrex) Tj"),
        "WinAnsi é, unknown ☆"
    );
    assert!(text.contains(" re\n"), "bars are rectangles");

    let many: Vec<Label> = (1..=31)
        .map(|i| label(&format!("B{i}"), "Tote", None))
        .collect();
    let sheets = render_pdf(&many, LabelSize::Avery5160, Symbology::Qr).expect("renders");
    assert_eq!(check_pdf(&sheets), 2, "30 to a sheet");
    assert!(
        String::from_utf8_lossy(&sheets).contains("/MediaBox [0 0 612 792]"),
        "US Letter"
    );
}

// ---------------------------------------------------------------------------
// The store.

fn storage_fixture(store: &Store) {
    let bin = store.add_bin("Garage Tote", None).expect("bin");
    store
        .add_section(&bin.code, "Top shelf", None)
        .expect("section");
    store
        .add_section(&bin.code, "Bottom shelf", None)
        .expect("section");
}

#[test]
fn a_bin_gives_its_label_and_one_per_section() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    storage_fixture(&store);
    let labels = store.location_labels("B1").expect("labels");
    let codes: Vec<&str> = labels.iter().map(|l| l.code.as_str()).collect();
    assert_eq!(codes, ["B1", "B1-1", "B1-2"]);
    assert_eq!(labels[0].title, "Garage Tote");
    assert_eq!(labels[2].title, "Bottom shelf");
    assert_eq!(
        labels[2].detail.as_deref(),
        Some("Garage Tote / Bottom shelf")
    );

    let one = store.location_labels("b1-2").expect("lower case works too");
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].code, "B1-2");
    let err = store.location_labels("B9").expect_err("no such bin");
    assert_eq!(err.detail_code(), "not_found");
}

#[test]
fn an_item_label_uses_its_sku_then_barcode_then_id() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    storage_fixture(&store);
    store
        .create_item(&ItemChanges {
            sku: Some("PYX-1042".into()),
            barcode: Some("036000291452".into()),
            price: Some("24.99".into()),
            price_currency: Some("USD".into()),
            location: Some("B1-1".into()),
            ..titled("Pyrex bowl")
        })
        .expect("item");
    let l = store.item_label("PYX-1042").expect("label");
    assert_eq!(l.code, "PYX-1042");
    assert_eq!(l.title, "Pyrex bowl");
    let detail = l.detail.expect("a detail");
    assert!(
        detail.contains("B1-1") && detail.contains("24.99"),
        "{detail}"
    );

    store
        .create_item(&ItemChanges {
            barcode: Some("4006381333931".into()),
            ..titled("Pen")
        })
        .expect("item");
    assert_eq!(
        store.item_label("4006381333931").expect("label").code,
        "4006381333931"
    );

    let plain = store.create_item(&titled("Mug")).expect("item");
    let l = store.item_label(&plain.id).expect("label");
    assert_eq!((l.code.as_str(), l.detail), (plain.id.as_str(), None));

    store.trash_item(&plain.id).expect("trash");
    assert_eq!(
        store
            .item_label(&plain.id)
            .expect_err("trashed")
            .detail_code(),
        "in_trash"
    );

    let mixed = store.labels_for(&["B1-2", "PYX-1042"]).expect("labels");
    assert_eq!(
        mixed.iter().map(|l| l.code.as_str()).collect::<Vec<_>>(),
        ["B1-2", "PYX-1042"]
    );
}

// ---------------------------------------------------------------------------
// The CLI.

fn cli_fixture(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("trove.db");
    assert_exit(&trove(&db, &["bin", "add", "Garage Tote"]), 0, "bin add");
    assert_exit(
        &trove(&db, &["bin", "add-section", "B1", "Top shelf"]),
        0,
        "section",
    );
    assert_exit(
        &trove(&db, &["bin", "add-section", "B1", "Bottom"]),
        0,
        "section",
    );
    db
}

#[test]
fn cli_writes_a_pdf_and_prints_its_path() {
    let dir = temp_dir();
    let db = cli_fixture(dir.path());
    let out_file = dir.path().join("x.pdf");
    let out_arg = out_file.to_str().expect("UTF-8 path");
    let out = trove(&db, &["label", "B1", "--out", out_arg]);
    assert_exit(&out, 0, "label B1");
    assert!(String::from_utf8_lossy(&out.stdout).contains("x.pdf"));
    let pdf = std::fs::read(&out_file).expect("the file was written");
    assert_eq!(check_pdf(&pdf), 3, "the bin and its two sections");

    let svg_file = dir.path().join("x.svg");
    let out = trove(
        &db,
        &[
            "label",
            "B1-1",
            "--size",
            "brother-62x29",
            "--symbology",
            "qr",
            "--json",
            "--out",
            svg_file.to_str().expect("UTF-8"),
        ],
    );
    assert_exit(&out, 0, "label --json");
    assert_eq!(stdout_json(&out)["labels"], 1);
    let svg = std::fs::read_to_string(&svg_file).expect("the SVG was written");
    assert_eq!(parse_svg(&svg).attr("width"), "62mm");
}

#[test]
fn save_labels_writes_the_whole_file_or_none_and_names_a_wrong_format() {
    let dir = temp_dir();
    let store = new_store(dir.path());
    let bin = store.add_bin("Garage Tote", None).expect("bin");
    store
        .add_section(&bin.code, "Top shelf", None)
        .expect("section");
    let path = dir.path().join("tote.pdf");
    let saved = store
        .save_labels(
            &[bin.code.as_str()],
            LabelSize::Dymo30334,
            Symbology::Code128,
            &path,
        )
        .expect("saved");
    assert_eq!(saved.labels, 2, "the bin and its section");
    assert_eq!(saved.path, path.display().to_string());
    assert_eq!(check_pdf(&std::fs::read(&path).expect("written")), 2);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no partial file is left: {leftovers:?}"
    );

    let png = dir.path().join("tote.png");
    let wrong = store
        .save_labels(
            &[bin.code.as_str()],
            LabelSize::Dymo30334,
            Symbology::Code128,
            &png,
        )
        .expect_err("png");
    assert_eq!(wrong.detail_code(), "label_format");
    assert!(wrong.to_string().contains(".pdf or .svg"), "{wrong}");
    assert!(!png.exists());

    // A folder that is not there: an I/O error naming the file, no file.
    let lost = dir.path().join("gone").join("tote.pdf");
    let err = store
        .save_labels(
            &[bin.code.as_str()],
            LabelSize::Dymo30334,
            Symbology::Code128,
            &lost,
        )
        .expect_err("no folder");
    assert!(err.to_string().contains("tote.pdf"), "{err}");
    assert!(!lost.exists());
}

#[test]
fn cli_rejects_unknown_codes_and_formats_with_a_sentence() {
    let dir = temp_dir();
    let db = cli_fixture(dir.path());
    let target = dir.path().join("x.pdf");
    let target = target.to_str().expect("UTF-8 path");
    for (args, says) in [
        (
            vec!["label", "B9", "--out", target],
            "no location matches 'B9'",
        ),
        (
            vec!["label", "no-such-sku", "--out", target],
            "no item matches 'no-such-sku'",
        ),
        (vec!["label", "B1", "--out", "labels.png"], ".pdf or .svg"),
    ] {
        let out = trove(&db, &args);
        assert_exit(&out, 1, &args.join(" "));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
    assert!(!Path::new(target).exists(), "nothing written on error");
}
