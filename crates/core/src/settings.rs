//! Small key-value preferences stored in the database file itself, so they
//! travel with it (home currency, value tiers…). Never secrets.

use rusqlite::{Connection, OptionalExtension};

use crate::db::Store;
use crate::error::{Error, Result};
use crate::money::Currency;

const HOME_CURRENCY: &str = "home_currency";

/// The currency costs are converted to, and prices default to (USD until set).
pub(crate) fn home_currency(conn: &Connection) -> Result<Currency> {
    let code: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([HOME_CURRENCY], |r| r.get(0))
        .optional()?;
    Ok(code
        .and_then(|c| Currency::parse(&c).ok())
        .unwrap_or_else(|| Currency::parse("USD").expect("USD is ISO 4217")))
}

impl Store {
    /// The home currency.
    pub fn home_currency(&self) -> Result<Currency> {
        self.read(home_currency)
    }

    /// Sets the home currency.
    pub fn set_home_currency(&self, code: &str) -> Result<Currency> {
        let currency = Currency::parse(code)
            .map_err(|e| Error::invalid("home_currency", code, e.code(), e.to_string()))?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [HOME_CURRENCY, currency.code()],
            )?;
            Ok(currency)
        })
    }
}
