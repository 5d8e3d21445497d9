//! Product barcodes, validated and normalised to GTIN-14.
//!
//! UPC-A, EAN-13, EAN-8, GTIN-14 and ISBNs are all views of one GS1 number
//! space. Storing every code as its 14-digit GTIN means a UPC-A scanned by one
//! device and the same code read as EAN-13 by another find the same item.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A GTIN-14: exactly 14 ASCII digits whose last digit is the correct GS1 check digit.
#[derive(Clone, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, ts_rs::TS)]
#[ts(type = "string")]
pub struct Gtin(String);

/// Characters a person or label may put between digit groups ("0 12345 67890 5", "978-0-306-40615-7").
fn is_ignorable(c: char) -> bool {
    // All whitespace, not just ' ', because scanners in keyboard mode often
    // send a trailing tab or CR/LF.
    c == '-' || c.is_whitespace()
}

/// The input without its ignorable characters.
fn clean(input: &str) -> String {
    input.chars().filter(|c| !is_ignorable(*c)).collect()
}

/// The first character of a cleaned code that cannot be in a barcode, if any.
fn first_bad_character(cleaned: &str, length: usize) -> Option<char> {
    cleaned.chars().enumerate().find_map(|(index, c)| {
        // An ISBN-10's check "digit" is X when it works out to 10.
        let isbn_ten = length == 10 && index == 9 && matches!(c, 'X' | 'x');
        (!c.is_ascii_digit() && !isbn_ten).then_some(c)
    })
}

impl Gtin {
    /// Accepts UPC-A, EAN-13, EAN-8, GTIN-14, ISBN-13 and ISBN-10 (converted to its 978 ISBN-13), ignoring spaces and hyphens.
    pub fn parse(input: &str) -> Result<Gtin, GtinError> {
        let cleaned = clean(input);
        if cleaned.is_empty() {
            return Err(GtinError::Empty);
        }
        let length = cleaned.chars().count();
        if let Some(character) = first_bad_character(&cleaned, length) {
            return Err(GtinError::BadCharacter {
                value: input.trim().to_string(),
                character,
            });
        }
        match length {
            8 | 12 | 13 | 14 => {
                let Some((&check, body)) = cleaned.as_bytes().split_last() else {
                    return Err(GtinError::Empty);
                };
                let expected = char::from(b'0' + gs1_check_digit(body));
                let found = char::from(check);
                if found != expected {
                    return Err(GtinError::CheckDigit {
                        value: cleaned,
                        expected,
                        found,
                    });
                }
                Ok(Gtin(format!("{cleaned:0>14}")))
            }
            10 => from_isbn10(cleaned),
            _ => Err(GtinError::BadLength {
                value: cleaned,
                length,
            }),
        }
    }

    /// The 14 digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The shortest usual form for display: 12-digit UPC-A when the GTIN-14 starts with "00", else 13-digit EAN-13 when it starts with "0", else all 14.
    pub fn display_form(&self) -> &str {
        self.0
            .strip_prefix("00")
            .or_else(|| self.0.strip_prefix('0'))
            .unwrap_or(&self.0)
    }

    /// True when the text, ignoring spaces and hyphens, is digits of a barcode length (8, 10, 12, 13 or 14; an ISBN-10 may end in X).
    pub fn looks_like_barcode(input: &str) -> bool {
        let cleaned = clean(input);
        let length = cleaned.chars().count();
        matches!(length, 8 | 10 | 12 | 13 | 14) && first_bad_character(&cleaned, length).is_none()
    }
}

/// Checks an ISBN-10 (ten ASCII characters, digits with an optional final X)
/// and returns the GTIN-14 of its 978-prefixed ISBN-13.
fn from_isbn10(cleaned: String) -> Result<Gtin, GtinError> {
    let Some((&check, body)) = cleaned.as_bytes().split_last() else {
        return Err(GtinError::Empty);
    };
    // ISBN-10 uses its own mod-11 check, weights 10 down to 2 on the body.
    let sum: u32 = body
        .iter()
        .zip((2..=10u32).rev())
        .map(|(&digit, weight)| u32::from(digit - b'0') * weight)
        .sum();
    let expected = match (11 - sum % 11) % 11 {
        10 => 'X',
        value => char::from_digit(value, 10).unwrap_or('0'),
    };
    let found = char::from(check.to_ascii_uppercase());
    if found != expected {
        return Err(GtinError::CheckDigit {
            value: cleaned,
            expected,
            found,
        });
    }
    let mut isbn13 = b"978".to_vec();
    isbn13.extend_from_slice(body);
    // The ISBN-10 check digit is dropped: the ISBN-13 needs a GS1 one instead.
    isbn13.push(b'0' + gs1_check_digit(&isbn13));
    let digits = String::from_utf8_lossy(&isbn13);
    Ok(Gtin(format!("0{digits}")))
}

/// GS1 mod-10 check digit (0 to 9) for `body`, the ASCII digits of a GTIN without its check digit.
///
/// The caller guarantees `body` holds only ASCII digits; other bytes give a
/// meaningless digit but never a panic, whatever the length.
pub fn gs1_check_digit(body: &[u8]) -> u8 {
    // Weights alternate 3, 1, 3, … starting from the digit next to the check
    // digit, so walk from the right: that makes one rule fit every length.
    let sum = body
        .iter()
        .rev()
        .enumerate()
        .fold(0u8, |sum, (index, &byte)| {
            let digit = byte.wrapping_sub(b'0') % 10;
            let weight = if index % 2 == 0 { 3 } else { 1 };
            // Reduced every step so it stays below 10 and cannot overflow.
            (sum + digit * weight) % 10
        });
    (10 - sum) % 10
}

impl fmt::Display for Gtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Gtin {
    type Err = GtinError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Gtin::parse(s)
    }
}

impl Serialize for Gtin {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Gtin {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Validate on the way in so an imported file can't store a code with a wrong check digit.
        let text = String::deserialize(deserializer)?;
        Gtin::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// "digit" or "digits" to agree with a count.
fn digits_word(count: &usize) -> &'static str {
    if *count == 1 {
        "digit"
    } else {
        "digits"
    }
}

/// Why a barcode was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GtinError {
    /// Nothing but spaces and hyphens was given.
    #[error("the barcode is empty")]
    Empty,
    /// A character other than a digit (or an ISBN-10's final X).
    #[error("barcode {value} contains '{character}'; a barcode has only digits (an ISBN-10 may end in X)")]
    BadCharacter {
        /// The input, trimmed.
        value: String,
        /// The first character that is not allowed.
        character: char,
    },
    /// A digit count that no barcode has.
    #[error("barcode {value} has {length} {}; a barcode has 8, 12, 13 or 14 digits (or an ISBN-10)", digits_word(.length))]
    BadLength {
        /// The digits given, without spaces or hyphens.
        value: String,
        /// How many digits there are.
        length: usize,
    },
    /// The last digit does not match the others: usually a typo or a misread scan.
    #[error("barcode {value} has check digit {found} but it should be {expected}")]
    CheckDigit {
        /// The code given, without spaces or hyphens.
        value: String,
        /// The check digit the other digits call for ('X' for an ISBN-10 worth 10).
        expected: char,
        /// The check digit given.
        found: char,
    },
}

impl GtinError {
    /// A stable machine-readable code for the error, for API clients and tests.
    pub fn code(&self) -> &'static str {
        match self {
            GtinError::Empty | GtinError::BadCharacter { .. } | GtinError::BadLength { .. } => {
                "barcode_invalid"
            }
            GtinError::CheckDigit { .. } => "barcode_check_digit",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn gtin(input: &str) -> String {
        Gtin::parse(input).unwrap().as_str().to_string()
    }

    /// `body` followed by its GS1 check digit.
    fn with_check(body: &str) -> String {
        format!("{body}{}", gs1_check_digit(body.as_bytes()))
    }

    /// `body` (nine digits) followed by its ISBN-10 check character.
    fn isbn10_with_check(body: &str) -> String {
        let sum: u32 = body
            .bytes()
            .zip((2..=10u32).rev())
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        match (11 - sum % 11) % 11 {
            10 => format!("{body}X"),
            d => format!("{body}{d}"),
        }
    }

    #[test]
    fn upc_a_is_padded_to_gtin_14() {
        assert_eq!(gtin("036000291452"), "00036000291452");
    }

    #[test]
    fn ean_13_is_padded_to_gtin_14() {
        assert_eq!(gtin("4006381333931"), "04006381333931");
    }

    #[test]
    fn ean_8_is_padded_to_gtin_14() {
        assert_eq!(gtin("96385074"), "00000096385074");
    }

    #[test]
    fn gtin_14_is_kept_as_is() {
        assert_eq!(gtin("10012345678902"), "10012345678902");
    }

    #[test]
    fn isbn_13_is_an_ean_13() {
        assert_eq!(gtin("978-0-306-40615-7"), "09780306406157");
    }

    #[test]
    fn isbn_10_becomes_its_978_isbn_13() {
        assert_eq!(gtin("0-306-40615-2"), "09780306406157");
        assert_eq!(gtin("0306406152"), "09780306406157");
    }

    #[test]
    fn isbn_10_ending_in_x_becomes_its_978_isbn_13() {
        assert_eq!(gtin("080442957X"), "09780804429573");
        assert_eq!(gtin("0-8044-2957-x"), "09780804429573");
    }

    #[test]
    fn spaces_hyphens_and_scanner_line_endings_are_ignored() {
        assert_eq!(gtin("0 12345 67890 5"), "00012345678905");
        assert_eq!(gtin("036000291452\r\n"), "00036000291452");
        assert_eq!(gtin("\t4006381-333931 "), "04006381333931");
    }

    #[test]
    fn upc_a_with_wrong_check_digit_is_refused() {
        let err = Gtin::parse("036000291453").unwrap_err();
        assert_eq!(
            err,
            GtinError::CheckDigit {
                value: "036000291453".to_string(),
                expected: '2',
                found: '3'
            }
        );
        assert_eq!(err.code(), "barcode_check_digit");
        assert_eq!(
            err.to_string(),
            "barcode 036000291453 has check digit 3 but it should be 2"
        );
    }

    #[test]
    fn ean_13_ean_8_and_gtin_14_with_wrong_check_digit_are_refused() {
        for (code, expected) in [
            ("4006381333932", '1'),
            ("96385070", '4'),
            ("10012345678909", '2'),
        ] {
            match Gtin::parse(code) {
                Err(GtinError::CheckDigit { expected: e, .. }) => assert_eq!(e, expected, "{code}"),
                other => panic!("{code}: {other:?}"),
            }
        }
    }

    #[test]
    fn isbn_10_with_wrong_check_character_is_refused_naming_the_right_one() {
        let err = Gtin::parse("0-306-40615-3").unwrap_err();
        assert_eq!(
            err.to_string(),
            "barcode 0306406153 has check digit 3 but it should be 2"
        );
        match Gtin::parse("0804429571") {
            Err(GtinError::CheckDigit {
                expected, found, ..
            }) => assert_eq!((expected, found), ('X', '1')),
            other => panic!("{other:?}"),
        }
        match Gtin::parse("030640615X") {
            Err(GtinError::CheckDigit {
                expected, found, ..
            }) => assert_eq!((expected, found), ('2', 'X')),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn characters_other_than_digits_are_refused() {
        for (input, bad) in [
            ("03600029145A", 'A'),
            ("abc", 'a'),
            ("0360002914.52", '.'),
            ("12X45678", 'X'),
            ("X306406152", 'X'),
            ("03600029145X", 'X'),
            ("٠٣٦٠٠٠٢٩١٤٥٢", '٠'),
        ] {
            let err = Gtin::parse(input).unwrap_err();
            assert_eq!(
                err,
                GtinError::BadCharacter {
                    value: input.to_string(),
                    character: bad
                }
            );
            assert_eq!(err.code(), "barcode_invalid");
            assert!(err.to_string().contains(&format!("'{bad}'")), "{err}");
        }
    }

    #[test]
    fn lengths_no_barcode_has_are_refused() {
        let err = Gtin::parse("12345").unwrap_err();
        assert_eq!(err.code(), "barcode_invalid");
        assert_eq!(
            err.to_string(),
            "barcode 12345 has 5 digits; a barcode has 8, 12, 13 or 14 digits (or an ISBN-10)"
        );
        assert_eq!(
            Gtin::parse("7").unwrap_err().to_string(),
            "barcode 7 has 1 digit; a barcode has 8, 12, 13 or 14 digits (or an ISBN-10)"
        );
        for input in ["1234567", "123456789", "12345678901", "123456789012345"] {
            assert_eq!(
                Gtin::parse(input),
                Err(GtinError::BadLength {
                    value: input.to_string(),
                    length: input.len()
                })
            );
        }
    }

    #[test]
    fn empty_barcode_is_refused() {
        for input in ["", "   ", " - - ", "\n"] {
            let err = Gtin::parse(input).unwrap_err();
            assert_eq!(err, GtinError::Empty);
            assert_eq!(err.code(), "barcode_invalid");
        }
    }

    #[test]
    fn display_form_drops_the_padding_zeros_of_upc_a_and_ean_13() {
        let display = |input: &str| Gtin::parse(input).unwrap().display_form().to_string();
        assert_eq!(display("036000291452"), "036000291452");
        assert_eq!(display("4006381333931"), "4006381333931");
        assert_eq!(display("10012345678902"), "10012345678902");
        assert_eq!(display("0-306-40615-2"), "9780306406157");
        assert_eq!(display("96385074"), "000096385074");
    }

    #[test]
    fn barcode_like_text_is_told_apart_from_words() {
        for input in [
            "036000291452",
            "036000291453",
            "0-306-40615-2",
            "080442957x",
            "12345678",
            "10012345678902",
            " 4006381333931 ",
        ] {
            assert!(Gtin::looks_like_barcode(input), "{input}");
        }
        for input in [
            "",
            "nike",
            "12345",
            "123456789",
            "036000291452a",
            "12345678901X",
            "X123456789",
            "123456789012345",
        ] {
            assert!(!Gtin::looks_like_barcode(input), "{input}");
        }
    }

    #[test]
    fn gs1_check_digit_matches_published_codes() {
        assert_eq!(gs1_check_digit(b"03600029145"), 2);
        assert_eq!(gs1_check_digit(b"400638133393"), 1);
        assert_eq!(gs1_check_digit(b"9638507"), 4);
        assert_eq!(gs1_check_digit(b"1001234567890"), 2);
        assert_eq!(gs1_check_digit(b""), 0);
    }

    #[test]
    fn gs1_check_digit_survives_bytes_that_are_not_digits() {
        let long = vec![0xffu8; 100_000];
        assert!(gs1_check_digit(&long) < 10);
        assert!(gs1_check_digit(b"a\0/:") < 10);
    }

    #[test]
    fn gtin_displays_and_parses_as_its_14_digits() {
        let code: Gtin = "036000291452".parse().unwrap();
        assert_eq!(code.to_string(), "00036000291452");
        assert_eq!(code.as_str(), "00036000291452");
        assert!("036000291453".parse::<Gtin>().is_err());
    }

    #[test]
    fn gtin_serializes_as_its_14_digit_string_and_validates_when_read() {
        let code = Gtin::parse("036000291452").unwrap();
        assert_eq!(serde_json::to_string(&code).unwrap(), r#""00036000291452""#);
        assert_eq!(
            serde_json::from_str::<Gtin>(r#""00036000291452""#).unwrap(),
            code
        );
        assert_eq!(
            serde_json::from_str::<Gtin>(r#""036000291452""#).unwrap(),
            code
        );
        assert!(serde_json::from_str::<Gtin>(r#""00036000291453""#).is_err());
        assert!(serde_json::from_str::<Gtin>(r#""hello""#).is_err());
    }

    /// Valid codes of every accepted shape: GS1 codes of 8, 12, 13, 14 digits and ISBN-10s.
    fn any_valid_code() -> impl Strategy<Value = String> {
        prop_oneof![
            "[0-9]{7}".prop_map(|b| with_check(&b)),
            "[0-9]{11}".prop_map(|b| with_check(&b)),
            "[0-9]{12}".prop_map(|b| with_check(&b)),
            "[0-9]{13}".prop_map(|b| with_check(&b)),
            "[0-9]{9}".prop_map(|b| isbn10_with_check(&b)),
        ]
    }

    proptest! {
        #[test]
        fn any_gs1_body_with_its_check_digit_parses_and_keeps_its_digits(
            body in prop_oneof!["[0-9]{7}", "[0-9]{11}", "[0-9]{12}", "[0-9]{13}"],
        ) {
            let code = with_check(&body);
            let parsed = Gtin::parse(&code).unwrap();
            prop_assert_eq!(parsed.as_str().len(), 14);
            prop_assert!(parsed.as_str().ends_with(&code));
            prop_assert!(parsed.as_str()[..14 - code.len()].bytes().all(|b| b == b'0'));
        }

        #[test]
        fn any_isbn_10_parses_to_the_978_ean_of_its_first_nine_digits(body in "[0-9]{9}") {
            let parsed = Gtin::parse(&isbn10_with_check(&body)).unwrap();
            prop_assert_eq!(parsed.as_str(), format!("0{}", with_check(&format!("978{body}"))));
        }

        #[test]
        fn changing_the_check_digit_always_fails_with_check_digit(
            code in any_valid_code(),
            replacement in prop::sample::select(vec!['0','1','2','3','4','5','6','7','8','9','X']),
        ) {
            let (body, check) = code.split_at(code.len() - 1);
            let is_isbn10 = code.len() == 10;
            prop_assume!(check != replacement.to_string());
            prop_assume!(replacement != 'X' || is_isbn10);
            let changed = format!("{body}{replacement}");
            match Gtin::parse(&changed) {
                Err(GtinError::CheckDigit { expected, found, .. }) => {
                    prop_assert_eq!(expected.to_string(), check);
                    prop_assert_eq!(found, replacement);
                }
                other => prop_assert!(false, "{changed}: {other:?}"),
            }
        }

        #[test]
        fn parse_never_panics_on_any_text(text in any::<String>()) {
            let _ = Gtin::parse(&text);
            let _ = Gtin::looks_like_barcode(&text);
        }

        #[test]
        fn digit_like_text_parses_only_into_fourteen_checked_digits(text in "[0-9xX -]{0,20}") {
            if let Ok(code) = Gtin::parse(&text) {
                prop_assert!(Gtin::looks_like_barcode(&text));
                let digits = code.as_str().as_bytes();
                prop_assert_eq!(digits.len(), 14);
                prop_assert_eq!(digits[13] - b'0', gs1_check_digit(&digits[..13]));
            }
        }

        #[test]
        fn display_form_parses_to_the_same_gtin(code in any_valid_code(), hyphen_at in 1usize..8) {
            let original = Gtin::parse(&code).unwrap();
            prop_assert_eq!(Gtin::parse(original.display_form()), Ok(original.clone()));
            let hyphenated = format!("{}-{}", &code[..hyphen_at], &code[hyphen_at..]);
            prop_assert_eq!(Gtin::parse(&hyphenated), Ok(original));
        }
    }
}
