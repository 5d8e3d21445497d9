//! Code 128 (ISO/IEC 15417), written by hand: code set B for text, code set
//! C (two digits per symbol) for digit runs where that makes the barcode
//! shorter, the modulo-103 check symbol, and the stop pattern.
//!
//! Code set A (control characters) is never needed for what Trove prints,
//! so text outside printable ASCII is refused rather than half-supported.

use super::LabelError;

/// White modules required on each side of the bars.
pub const QUIET_ZONE: u32 = 10;

/// Bar and space widths (in modules, bar first) of symbol values 0 to 105,
/// from the standard's symbol table. Every symbol is 11 modules wide.
const PATTERNS: [[u8; 6]; 106] = [
    [2, 1, 2, 2, 2, 2], // 0
    [2, 2, 2, 1, 2, 2],
    [2, 2, 2, 2, 2, 1],
    [1, 2, 1, 2, 2, 3],
    [1, 2, 1, 3, 2, 2],
    [1, 3, 1, 2, 2, 2],
    [1, 2, 2, 2, 1, 3],
    [1, 2, 2, 3, 1, 2],
    [1, 3, 2, 2, 1, 2],
    [2, 2, 1, 2, 1, 3],
    [2, 2, 1, 3, 1, 2], // 10
    [2, 3, 1, 2, 1, 2],
    [1, 1, 2, 2, 3, 2],
    [1, 2, 2, 1, 3, 2],
    [1, 2, 2, 2, 3, 1],
    [1, 1, 3, 2, 2, 2],
    [1, 2, 3, 1, 2, 2],
    [1, 2, 3, 2, 2, 1],
    [2, 2, 3, 2, 1, 1],
    [2, 2, 1, 1, 3, 2],
    [2, 2, 1, 2, 3, 1], // 20
    [2, 1, 3, 2, 1, 2],
    [2, 2, 3, 1, 1, 2],
    [3, 1, 2, 1, 3, 1],
    [3, 1, 1, 2, 2, 2],
    [3, 2, 1, 1, 2, 2],
    [3, 2, 1, 2, 2, 1],
    [3, 1, 2, 2, 1, 2],
    [3, 2, 2, 1, 1, 2],
    [3, 2, 2, 2, 1, 1],
    [2, 1, 2, 1, 2, 3], // 30
    [2, 1, 2, 3, 2, 1],
    [2, 3, 2, 1, 2, 1],
    [1, 1, 1, 3, 2, 3],
    [1, 3, 1, 1, 2, 3],
    [1, 3, 1, 3, 2, 1],
    [1, 1, 2, 3, 1, 3],
    [1, 3, 2, 1, 1, 3],
    [1, 3, 2, 3, 1, 1],
    [2, 1, 1, 3, 1, 3],
    [2, 3, 1, 1, 1, 3], // 40
    [2, 3, 1, 3, 1, 1],
    [1, 1, 2, 1, 3, 3],
    [1, 1, 2, 3, 3, 1],
    [1, 3, 2, 1, 3, 1],
    [1, 1, 3, 1, 2, 3],
    [1, 1, 3, 3, 2, 1],
    [1, 3, 3, 1, 2, 1],
    [3, 1, 3, 1, 2, 1],
    [2, 1, 1, 3, 3, 1],
    [2, 3, 1, 1, 3, 1], // 50
    [2, 1, 3, 1, 1, 3],
    [2, 1, 3, 3, 1, 1],
    [2, 1, 3, 1, 3, 1],
    [3, 1, 1, 1, 2, 3],
    [3, 1, 1, 3, 2, 1],
    [3, 3, 1, 1, 2, 1],
    [3, 1, 2, 1, 1, 3],
    [3, 1, 2, 3, 1, 1],
    [3, 3, 2, 1, 1, 1],
    [3, 1, 4, 1, 1, 1], // 60
    [2, 2, 1, 4, 1, 1],
    [4, 3, 1, 1, 1, 1],
    [1, 1, 1, 2, 2, 4],
    [1, 1, 1, 4, 2, 2],
    [1, 2, 1, 1, 2, 4],
    [1, 2, 1, 4, 2, 1],
    [1, 4, 1, 1, 2, 2],
    [1, 4, 1, 2, 2, 1],
    [1, 1, 2, 2, 1, 4],
    [1, 1, 2, 4, 1, 2], // 70
    [1, 2, 2, 1, 1, 4],
    [1, 2, 2, 4, 1, 1],
    [1, 4, 2, 1, 1, 2],
    [1, 4, 2, 2, 1, 1],
    [2, 4, 1, 2, 1, 1],
    [2, 2, 1, 1, 1, 4],
    [4, 1, 3, 1, 1, 1],
    [2, 4, 1, 1, 1, 2],
    [1, 3, 4, 1, 1, 1],
    [1, 1, 1, 2, 4, 2], // 80
    [1, 2, 1, 1, 4, 2],
    [1, 2, 1, 2, 4, 1],
    [1, 1, 4, 2, 1, 2],
    [1, 2, 4, 1, 1, 2],
    [1, 2, 4, 2, 1, 1],
    [4, 1, 1, 2, 1, 2],
    [4, 2, 1, 1, 1, 2],
    [4, 2, 1, 2, 1, 1],
    [2, 1, 2, 1, 4, 1],
    [2, 1, 4, 1, 2, 1], // 90
    [4, 1, 2, 1, 2, 1],
    [1, 1, 1, 1, 4, 3],
    [1, 1, 1, 3, 4, 1],
    [1, 3, 1, 1, 4, 1],
    [1, 1, 4, 1, 1, 3],
    [1, 1, 4, 3, 1, 1],
    [4, 1, 1, 1, 1, 3],
    [4, 1, 1, 3, 1, 1],
    [1, 1, 3, 1, 4, 1],
    [1, 1, 4, 1, 3, 1], // 100
    [3, 1, 1, 1, 4, 1],
    [4, 1, 1, 1, 3, 1],
    [2, 1, 1, 4, 1, 2], // 103 start A
    [2, 1, 1, 2, 1, 4], // 104 start B
    [2, 1, 1, 2, 3, 2], // 105 start C
];

/// The stop symbol (value 106): 13 modules, ending in the termination bar.
const STOP_PATTERN: [u8; 7] = [2, 3, 3, 1, 1, 1, 2];

/// Start symbol for code set B (printable ASCII).
pub const START_B: u8 = 104;
/// Start symbol for code set C (digit pairs).
pub const START_C: u8 = 105;
/// In code set B: switch to code set C.
pub const CODE_C: u8 = 99;
/// In code set C: switch to code set B.
pub const CODE_B: u8 = 100;
/// The stop symbol.
pub const STOP: u8 = 106;

/// An encoded Code 128 symbol: start, data, check and stop symbol values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code128 {
    values: Vec<u8>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Set {
    B,
    C,
}

impl Code128 {
    /// Encodes printable ASCII text, choosing code sets for the fewest symbols.
    pub fn encode(text: &str) -> Result<Code128, LabelError> {
        if text.is_empty() {
            return Err(LabelError::EmptyCode);
        }
        if let Some(ch) = text.chars().find(|c| !(' '..='~').contains(c)) {
            return Err(LabelError::NotCode128 {
                code: text.to_string(),
                ch,
            });
        }
        let bytes = text.as_bytes();
        let mut values = Vec::with_capacity(bytes.len() + 3);
        let mut set: Option<Set> = None;
        let mut i = 0;
        while i < bytes.len() {
            let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
            let text_after = i + run < bytes.len();
            if run >= 2 && set_c_is_shorter(run, set, text_after) {
                let pairs = &bytes[i..i + run];
                // Mid-text, an odd digit goes first in set B so the C block
                // ends with the run; at the very start it goes last, because
                // a Start C saves the switch.
                let (lead, pairs, trail) = match (run % 2, set) {
                    (0, _) => (None, pairs, None),
                    (_, None) => (None, &pairs[..run - 1], Some(pairs[run - 1])),
                    (_, Some(_)) => (Some(pairs[0]), &pairs[1..], None),
                };
                if let Some(d) = lead {
                    values.push(d - b' ');
                }
                values.push(if set.is_none() { START_C } else { CODE_C });
                for pair in pairs.chunks_exact(2) {
                    values.push((pair[0] - b'0') * 10 + (pair[1] - b'0'));
                }
                set = Some(Set::C);
                if let Some(d) = trail {
                    values.push(CODE_B);
                    values.push(d - b' ');
                    set = Some(Set::B);
                }
                i += run;
            } else {
                // Text, or digits too few to be worth a switch: all in set B.
                let take = run.max(1);
                match set {
                    None => values.push(START_B),
                    Some(Set::C) => values.push(CODE_B),
                    Some(Set::B) => {}
                }
                set = Some(Set::B);
                values.extend(bytes[i..i + take].iter().map(|b| b - b' '));
                i += take;
            }
        }
        values.push(check_symbol(&values));
        values.push(STOP);
        Ok(Code128 { values })
    }

    /// Every symbol value in order: start, data, check, stop.
    pub fn symbols(&self) -> &[u8] {
        &self.values
    }

    /// The modulo-103 check symbol.
    pub fn check_symbol(&self) -> u8 {
        self.values[self.values.len() - 2]
    }

    /// Bar and space widths in modules, starting with a bar and ending with
    /// the stop pattern's termination bar; quiet zones not included.
    pub fn widths(&self) -> Vec<u8> {
        self.values
            .iter()
            .flat_map(|&v| match PATTERNS.get(usize::from(v)) {
                Some(p) => p.as_slice(),
                None => STOP_PATTERN.as_slice(),
            })
            .copied()
            .collect()
    }

    /// The whole symbol's width in modules, quiet zones included.
    pub fn total_modules(&self) -> u32 {
        let bars: u32 = self.widths().iter().map(|&w| u32::from(w)).sum();
        bars + 2 * QUIET_ZONE
    }

    /// Each bar as (first module, width in modules), counted from the left
    /// edge of the leading quiet zone.
    pub fn bars(&self) -> Vec<(u32, u32)> {
        let mut x = QUIET_ZONE;
        let mut bars = Vec::new();
        for (i, w) in self.widths().into_iter().map(u32::from).enumerate() {
            if i % 2 == 0 {
                bars.push((x, w));
            }
            x += w;
        }
        bars
    }
}

/// Whether a digit run is shorter in set C, counting the switches it costs.
/// A run in set B costs one symbol a digit.
fn set_c_is_shorter(run: usize, set: Option<Set>, text_after: bool) -> bool {
    let odd = run % 2;
    let cost = run / 2
        + odd
        + match set {
            // Start C costs nothing extra; going back to B costs a CODE B
            // when an odd digit or more text follows.
            None => usize::from(odd == 1 || text_after),
            // CODE C in, and CODE B out again if text follows.
            Some(_) => 1 + usize::from(text_after),
        };
    cost < run
}

/// The start value plus each data value times its position, modulo 103.
fn check_symbol(values: &[u8]) -> u8 {
    let sum: u32 = values
        .iter()
        .enumerate()
        .map(|(i, &v)| u32::from(v) * (i as u32).max(1))
        .sum();
    (sum % 103) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_symbol_is_eleven_modules_with_even_bars() {
        for (value, p) in PATTERNS.iter().enumerate() {
            let bars: u8 = p.iter().step_by(2).sum();
            let spaces: u8 = p.iter().skip(1).step_by(2).sum();
            assert_eq!(bars + spaces, 11, "value {value}");
            // The standard's parity rule: bar modules even, space modules odd.
            assert_eq!(bars % 2, 0, "value {value}");
        }
        assert_eq!(STOP_PATTERN.iter().map(|&w| u32::from(w)).sum::<u32>(), 13);
        let mut unique = PATTERNS.to_vec();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), PATTERNS.len(), "patterns are distinct");
    }

    #[test]
    fn text_uses_set_b_and_long_digit_runs_use_set_c() {
        let b = Code128::encode("B12-3").expect("encodes");
        assert_eq!(b.symbols(), &[START_B, 34, 17, 18, 13, 19, 64, STOP]);
        let c = Code128::encode("12345678").expect("encodes");
        assert_eq!(c.symbols(), &[START_C, 12, 34, 56, 78, 47, STOP]);
        let mixed = Code128::encode("X1234").expect("encodes");
        assert_eq!(mixed.symbols(), &[START_B, 56, CODE_C, 12, 34, 15, STOP]);
        let odd_start = Code128::encode("12345X").expect("encodes");
        assert_eq!(
            &odd_start.symbols()[..6],
            &[START_C, 12, 34, CODE_B, 21, 56]
        );
    }

    #[test]
    fn bars_add_up_to_the_symbol_width() {
        let code = Code128::encode("A-100").expect("encodes");
        let (x, w) = *code.bars().last().expect("bars");
        assert_eq!(x + w + QUIET_ZONE, code.total_modules());
        assert_eq!(code.total_modules(), 2 * QUIET_ZONE + 11 * 7 + 13);
    }

    #[test]
    fn non_ascii_and_empty_codes_are_refused() {
        assert_eq!(
            Code128::encode("Pokémon"),
            Err(LabelError::NotCode128 {
                code: "Pokémon".into(),
                ch: 'é'
            })
        );
        assert!(Code128::encode("tab\there").is_err());
        assert_eq!(Code128::encode(""), Err(LabelError::EmptyCode));
    }
}
