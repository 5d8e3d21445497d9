//! Text measurement with Helvetica's metrics, so titles are cut to fit the
//! label instead of running off it. The PDF uses Helvetica itself; the SVG
//! asks for Helvetica or Arial, which share these widths.

/// How far above the baseline capitals reach, as a fraction of the font size.
pub(crate) const ASCENT: f64 = 0.75;
/// How far below the baseline descenders reach.
pub(crate) const DESCENT: f64 = 0.21;

/// Shown where text was cut short.
pub(crate) const ELLIPSIS: char = '…';

/// Helvetica advance widths (1/1000 em) of ' ' to '~', from Adobe's AFM.
#[rustfmt::skip]
const REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' ' to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
    278, 278, 584, 584, 584, 556, 1015, // : to @
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A to M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N to Z
    278, 278, 278, 469, 556, 333, // [ to `
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a to m
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n to z
    334, 260, 334, 584, // { to ~
];

/// Helvetica-Bold advance widths of ' ' to '~'.
#[rustfmt::skip]
const BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, // ' ' to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 to 9
    333, 333, 584, 584, 584, 611, 975, // : to @
    722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, // A to M
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N to Z
    333, 278, 333, 584, 556, 333, // [ to `
    556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, // a to m
    611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, // n to z
    389, 280, 389, 584, // { to ~
];

/// The unaccented letter whose width an accented Latin-1 letter shares.
fn base_letter(c: char) -> Option<char> {
    Some(match c {
        'À'..='Å' => 'A',
        'Ç' => 'C',
        'È'..='Ë' => 'E',
        'Ì'..='Ï' => 'I',
        'Ñ' => 'N',
        'Ò'..='Ö' => 'O',
        'Ù'..='Ü' => 'U',
        'Ý' => 'Y',
        'à'..='å' => 'a',
        'ç' => 'c',
        'è'..='ë' => 'e',
        'ñ' => 'n',
        'ò'..='ö' => 'o',
        'ù'..='ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => return None,
    })
}

/// A character's advance in 1/1000 em. Characters without a known width
/// count as a full em, so a line is cut early rather than overflowing.
pub(crate) fn advance(c: char, bold: bool) -> u16 {
    let table = if bold { &BOLD } else { &REGULAR };
    let ascii = |c: char| table.get((c as usize).wrapping_sub(32)).copied();
    match c {
        ' '..='~' => ascii(c).unwrap_or(1000),
        // Dotless-i accents are wider than 'i' in regular Helvetica.
        'ì'..='ï' => 278,
        _ => base_letter(c).and_then(ascii).unwrap_or(1000),
    }
}

/// Width in mm of `text` at `size` mm.
pub(crate) fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let units: u32 = text.chars().map(|c| u32::from(advance(c, bold))).sum();
    f64::from(units) / 1000.0 * size
}

/// `text` on at most `max_lines` lines of at most `max_w` mm: whitespace
/// (newlines included) collapses to single spaces, lines break between
/// words, and whatever does not fit ends in an ellipsis.
pub(crate) fn fit_lines(
    text: &str,
    max_w: f64,
    size: f64,
    bold: bool,
    max_lines: usize,
) -> Vec<String> {
    let fits = |s: &str| text_width(s, size, bold) <= max_w;
    let mut words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect();
    let mut lines = Vec::new();
    while !words.is_empty() && lines.len() < max_lines {
        let all = words.join(" ");
        if fits(&all) {
            lines.push(all);
            break;
        }
        // The most whole words that fit; the last line takes the rest, cut.
        let n = (1..words.len())
            .rev()
            .find(|&n| fits(&words[..n].join(" ")))
            .unwrap_or(0);
        if n == 0 || lines.len() + 1 == max_lines {
            lines.push(ellipsize(&all, max_w, size, bold));
            break;
        }
        lines.push(words[..n].join(" "));
        words.drain(..n);
    }
    lines.retain(|l| !l.is_empty());
    lines
}

/// The longest start of `text` that fits in `max_w` mm with an ellipsis.
fn ellipsize(text: &str, max_w: f64, size: f64, bold: bool) -> String {
    let budget = max_w * 1000.0 / size - f64::from(advance(ELLIPSIS, bold));
    if budget < 0.0 {
        return String::new();
    }
    let mut used = 0.0;
    let mut out: String = text
        .chars()
        .take_while(|&c| {
            used += f64::from(advance(c, bold));
            used <= budget
        })
        .collect();
    out.truncate(out.trim_end().len());
    out.push(ELLIPSIS);
    out
}

/// The largest size from `size` down to `min` at which `text` fits on one
/// line of `max_w` mm; `min` if none does (the caller then cuts the text).
pub(crate) fn shrink_to_fit(text: &str, max_w: f64, size: f64, min: f64, bold: bool) -> f64 {
    let at_one = text_width(text, 1.0, bold);
    if at_one <= 0.0 {
        return size;
    }
    (max_w / at_one).clamp(min, size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_match_helvetica() {
        // "Hello" in Helvetica is 722 + 556 + 222 + 222 + 556 units.
        assert!((text_width("Hello", 10.0, false) - 22.78).abs() < 1e-9);
        assert!(text_width("Hello", 10.0, true) > text_width("Hello", 10.0, false));
        assert_eq!(advance('é', false), advance('e', false));
        assert_eq!(advance('☆', false), 1000);
    }

    #[test]
    fn short_text_is_left_alone_and_whitespace_collapses() {
        assert_eq!(
            fit_lines("  Blue\n Vase ", 100.0, 4.0, true, 1),
            ["Blue Vase"]
        );
        assert!(fit_lines(" \n ", 100.0, 4.0, true, 2).is_empty());
    }

    #[test]
    fn long_text_wraps_then_ends_in_an_ellipsis_that_fits() {
        let text = "Vintage Pyrex Butterprint Cinderella Mixing Bowl Set";
        let lines = fit_lines(text, 30.0, 4.0, true, 2);
        assert_eq!(lines.len(), 2);
        assert!(!lines[0].ends_with(ELLIPSIS), "{lines:?}");
        assert!(lines[1].ends_with(ELLIPSIS), "{lines:?}");
        for l in &lines {
            assert!(text_width(l, 4.0, true) <= 30.0, "{l}");
        }
        let one = fit_lines(text, 30.0, 4.0, true, 1);
        assert!(
            one[0].starts_with("Vintage P") && one[0].ends_with(ELLIPSIS),
            "{one:?}"
        );
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        let lines = fit_lines("Supercalifragilisticexpialidocious", 20.0, 4.0, false, 2);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].ends_with(ELLIPSIS));
        assert!(text_width(&lines[0], 4.0, false) <= 20.0);
    }

    #[test]
    fn shrinking_stops_at_the_minimum() {
        assert_eq!(shrink_to_fit("B1", 50.0, 4.0, 2.0, false), 4.0);
        let s = shrink_to_fit("ABCDEFGHIJ", 30.0, 5.0, 2.0, false);
        assert!(s < 5.0 && text_width("ABCDEFGHIJ", s, false) <= 30.0 + 1e-9);
        assert_eq!(shrink_to_fit("ABCDEFGHIJ", 1.0, 5.0, 2.0, false), 2.0);
    }
}
