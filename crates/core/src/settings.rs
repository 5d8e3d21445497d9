//! Small key-value preferences stored in the database file itself, so they
//! travel with it (home currency, value tiers…). Never secrets.

use rusqlite::Connection;
use trove_store::settings;

use crate::db::Store;
use crate::error::{Error, Result};
use crate::money::{Currency, Money};

const HOME_CURRENCY: &str = "home_currency";

/// The currency costs are converted to, and prices default to (USD until set).
pub(crate) fn home_currency(conn: &Connection) -> Result<Currency> {
    Ok(settings::get(conn, HOME_CURRENCY)?
        .and_then(|c| Currency::parse(&c).ok())
        .unwrap_or_else(|| Currency::parse("USD").expect("USD is ISO 4217")))
}

impl Store {
    /// The home currency.
    pub fn home_currency(&self) -> Result<Currency> {
        self.read(home_currency)
    }

    /// Reads an amount a person typed for `field`: decimal text in the home
    /// currency, or followed by a currency code (`12.50`, `12.50 EUR`).
    /// Blank text is no amount.
    pub fn typed_money(&self, field: &'static str, text: &str) -> Result<Option<Money>> {
        self.typed_money_with(field, text, || self.home_currency())
    }

    /// As [`Store::typed_money`], but an amount with no code is in
    /// `currency` (an offer on a listing priced in pounds is in pounds).
    pub fn typed_money_in(
        &self,
        field: &'static str,
        text: &str,
        currency: Currency,
    ) -> Result<Option<Money>> {
        self.typed_money_with(field, text, || Ok(currency))
    }

    fn typed_money_with(
        &self,
        field: &'static str,
        text: &str,
        unnamed: impl FnOnce() -> Result<Currency>,
    ) -> Result<Option<Money>> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        // A trailing currency code counts only after something that looks
        // like a number, so "a lot" is a wrong amount, not a wrong currency.
        let named = text
            .rsplit_once(char::is_whitespace)
            .filter(|(number, code)| {
                code.len() == 3
                    && code.chars().all(|c| c.is_ascii_alphabetic())
                    && number
                        .trim()
                        .starts_with(|c: char| c.is_ascii_digit() || c == '.')
            });
        let (number, currency) = match named {
            Some((number, code)) => {
                let currency = Currency::parse(code)
                    .map_err(|e| Error::invalid(field, text, e.code(), e.to_string()))?;
                (number.trim(), currency)
            }
            None => (text, unnamed()?),
        };
        Money::parse(number, currency)
            .map(Some)
            .map_err(|e| Error::invalid(field, text, e.code(), e.to_string()))
    }

    /// Sets the home currency.
    pub fn set_home_currency(&self, code: &str) -> Result<Currency> {
        let currency = Currency::parse(code)
            .map_err(|e| Error::invalid("home_currency", code, e.code(), e.to_string()))?;
        self.write(|tx| {
            settings::set(tx, HOME_CURRENCY, currency.code())?;
            Ok(currency)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_money_reads_home_or_named_currency_and_names_the_field() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("t.db")).unwrap();
        store.set_home_currency("EUR").unwrap();
        let eur = Currency::parse("EUR").unwrap();
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(store.typed_money("max_price", " ").unwrap(), None);
        assert_eq!(
            store.typed_money("max_price", "12.5").unwrap(),
            Some(Money::new(1250, eur))
        );
        assert_eq!(
            store.typed_money("max_price", "1200 jpy").unwrap(),
            Some(Money::new(1200, jpy))
        );
        for (wrong, code) in [("a lot", "amount_invalid"), ("12 XYZ", "currency_unknown")] {
            let e = store.typed_money("max_price", wrong).unwrap_err();
            assert_eq!(e.detail_code(), code, "{wrong}: {e}");
        }
        match store.typed_money("deposit", "twelve") {
            Err(Error::Invalid(errors)) => {
                assert_eq!(
                    (errors[0].field, errors[0].value.as_str()),
                    ("deposit", "twelve")
                )
            }
            other => panic!("expected a field error, got {other:?}"),
        }
    }
}
