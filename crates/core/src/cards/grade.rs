//! The small text forms collectors type: grades ("9.5", "PSA 10", "BGS 9.5
//! Gem Mint"), serial numbering ("12/99"), finishes ("Foil", "reverse holo").

use serde::{Deserialize, Serialize};

/// A grade in tenths, half grades only: 9.5 is 95.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
pub struct Grade(pub u8);

impl Grade {
    /// Reads "10", "9.5", "9,5" or "8.0"; refuses anything that is not a
    /// half step from 0 to 10.
    pub fn parse(text: &str) -> Option<Grade> {
        let text = text.trim().replace(',', ".");
        let (whole, frac) = match text.split_once('.') {
            Some((w, f)) => (w, f),
            None => (text.as_str(), "0"),
        };
        let whole: u8 = whole.parse().ok()?;
        let half = match frac.trim_end_matches('0') {
            "" => 0,
            "5" => 5,
            _ => return None,
        };
        let tenths = whole.checked_mul(10)?.checked_add(half)?;
        (tenths <= 100).then_some(Grade(tenths))
    }

    pub fn tenths(self) -> u8 {
        self.0
    }
}

impl std::fmt::Display for Grade {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_multiple_of(10) {
            write!(f, "{}", self.0 / 10)
        } else {
            write!(f, "{}.{}", self.0 / 10, self.0 % 10)
        }
    }
}

/// A numbered card: `number` of `total` ("12/99").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Serial {
    pub number: u32,
    pub total: u32,
}

impl Serial {
    /// Reads "12/99", "#12/99", "12 of 99"; the number must not exceed the total.
    pub fn parse(text: &str) -> Option<Serial> {
        let text = text.trim().trim_start_matches('#');
        let (n, t) = text.split_once('/').or_else(|| text.split_once(" of "))?;
        let number: u32 = n.trim().parse().ok()?;
        let total: u32 = t.trim().parse().ok()?;
        (number >= 1 && number <= total).then_some(Serial { number, total })
    }
}

impl std::fmt::Display for Serial {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.number, self.total)
    }
}

/// The finishes Trove names; anything else a file says is kept as written
/// (lower case, spaces as underscores) rather than refused, since games keep
/// inventing them.
pub fn normalise_finish(text: &str) -> String {
    let t = text.trim().to_lowercase().replace(['-', ' '], "_");
    match t.as_str() {
        "" | "normal" | "nonfoil" | "non_foil" | "regular" | "unlimited" => "normal".into(),
        "foil" | "holo" | "holofoil" | "holo_foil" | "traditional_foil" => "foil".into(),
        "reverse" | "reverse_holo" | "reverse_holofoil" | "reverseholo" | "reverseholofoil" => {
            "reverse_holo".into()
        }
        "etched" | "etched_foil" | "foil_etched" => "etched".into(),
        other => other.to_owned(),
    }
}

/// The graders Trove knows by name, in their usual spelling.
pub fn normalise_grader(text: &str) -> String {
    let t = text.trim();
    match t.to_uppercase().as_str() {
        "PSA" | "BGS" | "CGC" | "SGC" | "HGA" | "CSG" | "TAG" | "ACE" | "AGS" | "GMA" | "ISA" => {
            t.to_uppercase()
        }
        "BECKETT" => "BGS".into(),
        _ => t.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_are_half_steps_from_0_to_10() {
        assert_eq!(Grade::parse("10"), Some(Grade(100)));
        assert_eq!(Grade::parse("9.5"), Some(Grade(95)));
        assert_eq!(Grade::parse("9,5"), Some(Grade(95)));
        assert_eq!(Grade::parse("8.0"), Some(Grade(80)));
        assert_eq!(Grade::parse("0"), Some(Grade(0)));
        assert_eq!(Grade::parse("9.7"), None);
        assert_eq!(Grade::parse("10.5"), None);
        assert_eq!(Grade::parse("11"), None);
        assert_eq!(Grade::parse("gem"), None);
        assert_eq!(Grade(95).to_string(), "9.5");
        assert_eq!(Grade(100).to_string(), "10");
    }

    #[test]
    fn serial_numbering_reads_the_forms_on_cards() {
        assert_eq!(
            Serial::parse("12/99"),
            Some(Serial {
                number: 12,
                total: 99
            })
        );
        assert_eq!(
            Serial::parse("#1/1"),
            Some(Serial {
                number: 1,
                total: 1
            })
        );
        assert_eq!(
            Serial::parse("5 of 25"),
            Some(Serial {
                number: 5,
                total: 25
            })
        );
        assert_eq!(Serial::parse("100/99"), None);
        assert_eq!(Serial::parse("0/10"), None);
        assert_eq!(Serial::parse("12"), None);
    }

    #[test]
    fn finishes_from_every_exporter_meet_in_one_vocabulary() {
        assert_eq!(normalise_finish("Foil"), "foil");
        assert_eq!(normalise_finish("Reverse Holo"), "reverse_holo");
        assert_eq!(normalise_finish("reverseHolofoil"), "reverse_holo");
        assert_eq!(normalise_finish("Normal"), "normal");
        assert_eq!(normalise_finish(""), "normal");
        assert_eq!(normalise_finish("etched"), "etched");
        assert_eq!(normalise_finish("Galaxy Foil"), "galaxy_foil");
        assert_eq!(normalise_grader("beckett"), "BGS");
        assert_eq!(normalise_grader("psa"), "PSA");
    }
}
