//! Pages as SVG, one user unit per millimetre. Barcodes are drawn on an
//! integer module grid scaled into place, with crisp edges, so a viewer
//! never blurs a bar edge across two pixels.

use std::fmt::Write;

use super::layout::{Anchor, Mark, Page};

const NS: &str = "http://www.w3.org/2000/svg";
/// Helvetica where it exists; Arial and Liberation Sans share its widths.
const FONTS: &str = "Helvetica, Arial, 'Liberation Sans', sans-serif";
/// Space between stacked pages in [`document`], in mm.
const PAGE_GAP: f64 = 4.0;

/// One page as a standalone SVG document sized in millimetres.
pub(crate) fn standalone(page: &Page) -> String {
    let (w, h) = (num(page.width), num(page.height));
    let mut out = format!(
        "<svg xmlns=\"{NS}\" width=\"{w}mm\" height=\"{h}mm\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONTS}\">\n"
    );
    body(&mut out, page);
    out.push_str("</svg>\n");
    out
}

/// Every page in one document: a single page as is, several stacked.
pub(crate) fn document(pages: &[Page]) -> String {
    if let [page] = pages {
        return standalone(page);
    }
    let width = pages.iter().map(|p| p.width).fold(0.0, f64::max);
    let height = pages.iter().map(|p| p.height).sum::<f64>()
        + PAGE_GAP * pages.len().saturating_sub(1) as f64;
    let (w, h) = (num(width), num(height));
    let mut out = format!(
        "<svg xmlns=\"{NS}\" width=\"{w}mm\" height=\"{h}mm\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONTS}\">\n"
    );
    let mut y = 0.0;
    for page in pages {
        let (pw, ph) = (num(page.width), num(page.height));
        let _ = writeln!(
            out,
            "<svg x=\"0\" y=\"{}\" width=\"{pw}\" height=\"{ph}\" viewBox=\"0 0 {pw} {ph}\">",
            num(y)
        );
        body(&mut out, page);
        out.push_str("</svg>\n");
        y += page.height + PAGE_GAP;
    }
    out.push_str("</svg>\n");
    out
}

/// A white page with its marks. (Writing to a String cannot fail, so the
/// `fmt::Result`s are ignored.)
fn body(out: &mut String, page: &Page) {
    let _ = writeln!(
        out,
        "<rect width=\"{}\" height=\"{}\" fill=\"#fff\"/>",
        num(page.width),
        num(page.height)
    );
    for mark in &page.marks {
        match mark {
            Mark::Grid {
                symbology,
                x,
                y,
                module_w,
                module_h,
                rects,
            } => {
                let _ = writeln!(
                    out,
                    "<g class=\"barcode {}\" transform=\"translate({} {}) scale({} {})\" fill=\"#000\" shape-rendering=\"crispEdges\">",
                    symbology.id(),
                    num(*x),
                    num(*y),
                    num(*module_w),
                    num(*module_h)
                );
                for [rx, ry, rw, rh] in rects {
                    let _ = writeln!(
                        out,
                        "<rect x=\"{rx}\" y=\"{ry}\" width=\"{rw}\" height=\"{rh}\"/>"
                    );
                }
                out.push_str("</g>\n");
            }
            Mark::Text {
                x,
                baseline,
                size,
                bold,
                anchor,
                text,
            } => {
                let _ = writeln!(
                    out,
                    "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{}{}>{}</text>",
                    num(*x),
                    num(*baseline),
                    num(*size),
                    if *bold { " font-weight=\"bold\"" } else { "" },
                    match anchor {
                        Anchor::Start => "",
                        Anchor::Middle => " text-anchor=\"middle\"",
                    },
                    escape(text)
                );
            }
        }
    }
}

/// Text safe inside an element or a quoted attribute. Characters XML 1.0
/// forbids (most control characters, U+FFFE, U+FFFF) are dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A number with at most five decimals and no trailing zeros: enough for a
/// module of a few printer dots to keep its width across a whole barcode.
pub(crate) fn num(v: f64) -> String {
    let s = format!("{v:.5}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    match s {
        "-0" | "" => "0".to_string(),
        s => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            escape("<b>Tom & Jerry's \"mug\"</b>\u{1}"),
            "&lt;b&gt;Tom &amp; Jerry&apos;s &quot;mug&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(57.0), "57");
        assert_eq!(num(0.169333333), "0.16933");
        assert_eq!(num(-0.000001), "0");
        assert_eq!(num(12.5), "12.5");
    }
}
