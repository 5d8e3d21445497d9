//! What each code asked for on the Labels screen is: the screen shows
//! location codes as printed and says when a bin brings its sections, by
//! the same rule that decides which labels a code draws.

use serde::Serialize;

use crate::locations::looks_like_location_code;

/// What a code's labels are for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum LabelKind {
    /// A bin's code (`B12`): its label and one per section.
    Bin,
    /// A section's code (`B12-3`).
    Section,
    /// Anything else: an item's id, SKU or barcode.
    Item,
}

/// A code as the Labels screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct LabelKey {
    /// Trimmed; a location code in capitals, as its label prints it.
    pub text: String,
    pub kind: LabelKind,
}

/// Each code trimmed and told apart; blank ones are dropped. SKUs keep
/// their case, as an item is found by them as typed.
pub fn classify_codes<S: AsRef<str>>(codes: &[S]) -> Vec<LabelKey> {
    codes
        .iter()
        .map(|c| c.as_ref().trim())
        .filter(|c| !c.is_empty())
        .map(|c| {
            if !looks_like_location_code(c) {
                return LabelKey {
                    text: c.to_string(),
                    kind: LabelKind::Item,
                };
            }
            let kind = if c.contains('-') {
                LabelKind::Section
            } else {
                LabelKind::Bin
            };
            LabelKey {
                text: c.to_uppercase(),
                kind,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classified(codes: &[&str]) -> Vec<(String, LabelKind)> {
        classify_codes(codes)
            .into_iter()
            .map(|k| (k.text, k.kind))
            .collect()
    }

    #[test]
    fn location_codes_are_capitalised_and_told_from_items() {
        assert_eq!(
            classified(&[
                " b12 ",
                "b12-3",
                "blue-vase",
                "a-100",
                "B1234567890",
                "sku 9"
            ]),
            [
                ("B12".into(), LabelKind::Bin),
                ("B12-3".into(), LabelKind::Section),
                ("blue-vase".into(), LabelKind::Item),
                ("a-100".into(), LabelKind::Item),
                ("B1234567890".into(), LabelKind::Item),
                ("sku 9".into(), LabelKind::Item),
            ]
        );
    }

    #[test]
    fn blank_codes_are_dropped() {
        assert_eq!(
            classified(&["", "  ", "B1"]),
            [("B1".into(), LabelKind::Bin)]
        );
    }
}
