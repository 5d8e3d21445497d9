//! What every form and row reader in selling shares: blank text is none,
//! a field's refusals are gathered so a form names all of them at once,
//! stored currencies, and "N days ago" as stored times compare.

use trove_core::money::{Currency, Money};
use trove_core::{Error, FieldError, Result};

/// Trimmed text; blank is none.
pub(crate) fn blank_none(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// The value of a field's reading, or none with its refusals added to
/// `errors`; any other failure ends the reading.
pub(crate) fn gather<T>(result: Result<T>, errors: &mut Vec<FieldError>) -> Result<Option<T>> {
    match result {
        Ok(v) => Ok(Some(v)),
        Err(Error::Invalid(mut e)) => {
            errors.append(&mut e);
            Ok(None)
        }
        Err(other) => Err(other),
    }
}

/// An amount read from a row: `amount` minor units of the currency in
/// column `col`. Trove writes only codes `Currency::parse` accepted, so an
/// unknown one is a damaged row, reported as such.
pub(crate) fn stored_money(amount: i64, code: &str, col: usize) -> rusqlite::Result<Money> {
    let currency = Currency::stored(code).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            col,
            rusqlite::types::Type::Text,
            format!("unknown currency {code}").into(),
        )
    })?;
    Ok(Money::new(amount, currency))
}

/// The time `days` days ago, as timestamps are stored (UTC RFC 3339 with
/// milliseconds, which sorts as text).
pub(crate) fn days_ago(days: u32) -> String {
    (chrono::Utc::now() - chrono::Duration::days(days.into()))
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
