//! The card catalogue: sets and their card lists, imported from public data
//! files a collector downloads (MTGJSON set files and Scryfall bulk card
//! JSON for Magic, the Pokémon TCG data set's set and card files), and set
//! completion against it.
//!
//! Files are read as a stream where they can be large (Scryfall's bulk
//! file is a single JSON array of hundreds of MB): one card in memory at a
//! time, written in one transaction.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};
use serde::de::{DeserializeOwned, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::value::record_catalogue_value;
use crate::cards::language::language_code;
use crate::db::Store;
use crate::error::{Error, Result};
use crate::jobs::{Job, Progress};
use crate::money::{Currency, Money};

/// What a catalogue import did.
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS)]
pub struct CatalogueReport {
    /// mtgjson, scryfall or pokemontcg.
    pub source: String,
    #[ts(type = "number")]
    pub sets: u64,
    #[ts(type = "number")]
    pub cards: u64,
    /// Price points written (only where the price moved).
    #[ts(type = "number")]
    pub prices: u64,
}

/// Cards between progress reports (and chances to cancel).
const PROGRESS_EVERY: u64 = 2_000;

/// Counts the bytes read through it, for progress.
struct Counted<R> {
    inner: R,
    read: std::rc::Rc<std::cell::Cell<u64>>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(out)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// Counts the cards read and reports them to the job every
/// [`PROGRESS_EVERY`] cards; a cancel comes back as [`Error::Cancelled`],
/// which rolls the import's transaction back.
struct Watch<'j, 'a> {
    job: &'j mut Job<'a>,
    read: std::rc::Rc<std::cell::Cell<u64>>,
    total_bytes: u64,
    cards: u64,
}

impl Watch<'_, '_> {
    fn card(&mut self) -> Result<()> {
        self.cards += 1;
        if self.cards.is_multiple_of(PROGRESS_EVERY) {
            let p = self.progress();
            self.job.tick(|| p)?;
        }
        Ok(())
    }

    fn progress(&self) -> Progress {
        Progress::through_file(self.cards, self.read.get(), self.total_bytes)
    }

    fn finish(&mut self) {
        let p = self.progress();
        self.job.finish(p);
    }
}

/// A card as the catalogue stores it, whatever file it came from.
struct CatalogueCard {
    number: String,
    name: String,
    rarity: Option<String>,
    finishes: Vec<String>,
    language: String,
    external_id: Option<String>,
    /// Market prices by finish, in minor units.
    prices: Vec<(String, Money)>,
}

struct NewSet {
    game: &'static str,
    code: String,
    name: String,
    released_on: Option<String>,
    card_count: Option<i64>,
}

/// Sorts collector numbers naturally: digits are compared as numbers, so
/// "2" < "10" < "10a" < "★1" (a leading non-digit sorts after numbers).
pub fn number_sort_key(number: &str) -> String {
    let digits: String = number.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &number[digits.len()..];
    match digits.parse::<u64>() {
        Ok(n) => format!("{n:010}{rest}"),
        Err(_) => format!("~{number}"),
    }
}

fn io(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::io(
        path,
        std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()),
    )
}

impl Store {
    /// Imports a catalogue file, recognising its source from its content,
    /// reporting the cards read to `job`; a cancel stops it and nothing of
    /// it is kept ([`Error::Cancelled`]).
    pub fn import_catalogue(&self, path: &Path, job: &mut Job<'_>) -> Result<CatalogueReport> {
        let file = File::open(path).map_err(|e| Error::io(path, e))?;
        let total_bytes = file.metadata().map(|m| m.len()).unwrap_or(0);
        let read = std::rc::Rc::new(std::cell::Cell::new(0));
        let mut reader = BufReader::with_capacity(
            1 << 20,
            Counted {
                inner: file,
                read: read.clone(),
            },
        );
        let head = String::from_utf8_lossy(reader.fill_buf().map_err(|e| Error::io(path, e))?)
            .trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .take(4096)
            .collect::<String>();
        let mut watch = Watch {
            job,
            read,
            total_bytes,
            cards: 0,
        };
        let report = if head.starts_with('{')
            && head.contains("\"meta\"")
            && head.contains("\"data\"")
        {
            self.import_mtgjson(path, reader, &mut watch)
        } else if head.starts_with('[') && head.contains("\"object\"") && head.contains("\"card\"")
        {
            self.import_scryfall(path, reader, &mut watch)
        } else if head.starts_with('[')
            && (head.contains("\"printedTotal\"") || head.contains("\"series\""))
        {
            self.import_pokemon_sets(path, reader)
        } else if head.starts_with('[') && head.contains("\"number\"") && head.contains("\"id\"") {
            self.import_pokemon_cards(path, PokemonCards::List, reader, &mut watch)
        } else if head.starts_with('{')
            && head.contains("\"data\"")
            && head.contains("\"number\"")
            && head.contains("\"supertype\"")
        {
            // The Pokémon TCG API's v2 answer: {"data": [cards], "page": …}.
            self.import_pokemon_cards(path, PokemonCards::ApiPage, reader, &mut watch)
        } else {
            Err(io(
                path,
                "not a catalogue file Trove reads: expected an MTGJSON set file, Scryfall bulk card \
                 JSON, a Pokémon TCG data sets/en.json or cards/en/<set>.json, or a saved Pokémon \
                 TCG API /v2/cards answer",
            ))
        }?;
        watch.finish();
        Ok(report)
    }

    fn import_mtgjson(
        &self,
        path: &Path,
        reader: impl Read,
        watch: &mut Watch<'_, '_>,
    ) -> Result<CatalogueReport> {
        #[derive(Deserialize)]
        struct File {
            data: Set,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Set {
            code: String,
            name: String,
            release_date: Option<String>,
            base_set_size: Option<i64>,
            #[serde(default)]
            cards: Vec<Card>,
        }
        #[derive(Deserialize)]
        struct Card {
            uuid: Option<String>,
            name: String,
            number: String,
            /// A double-faced card has one entry per face ("a", "b"),
            /// sharing its number; the front stands for the printing.
            side: Option<String>,
            rarity: Option<String>,
            #[serde(default)]
            finishes: Vec<String>,
            language: Option<String>,
        }
        let file: File = serde_json::from_reader(reader).map_err(|e| io(path, e))?;
        let set = NewSet {
            game: "magic",
            code: file.data.code,
            name: file.data.name,
            released_on: file.data.release_date,
            card_count: file.data.base_set_size,
        };
        let cards = file
            .data
            .cards
            .into_iter()
            .filter(|c| c.side.as_deref().is_none_or(|s| s == "a"))
            .map(|c| CatalogueCard {
                number: c.number,
                name: c.name,
                rarity: c.rarity,
                finishes: c
                    .finishes
                    .iter()
                    .map(|f| super::normalise_finish(f))
                    .collect(),
                language: language_code(c.language.as_deref().unwrap_or("English")),
                external_id: c.uuid,
                prices: Vec::new(),
            });
        self.write(|tx| {
            let mut report = CatalogueReport {
                source: "mtgjson".into(),
                ..Default::default()
            };
            let set_id = upsert_set(tx, &set, "mtgjson")?;
            report.sets = 1;
            for card in cards {
                report.prices += upsert_card(tx, &set_id, &card)?;
                report.cards += 1;
                watch.card()?;
            }
            Ok(report)
        })
    }

    fn import_scryfall(
        &self,
        path: &Path,
        reader: impl Read,
        watch: &mut Watch<'_, '_>,
    ) -> Result<CatalogueReport> {
        #[derive(Deserialize)]
        struct Card {
            #[serde(default)]
            object: String,
            id: String,
            name: String,
            lang: Option<String>,
            set: String,
            set_name: String,
            collector_number: String,
            rarity: Option<String>,
            #[serde(default)]
            finishes: Vec<String>,
            released_at: Option<String>,
            #[serde(default)]
            prices: HashMap<String, Option<String>>,
        }
        let usd = Currency::parse("USD").expect("USD");
        let eur = Currency::parse("EUR").expect("EUR");
        self.write(|tx| {
            let mut report = CatalogueReport {
                source: "scryfall".into(),
                ..Default::default()
            };
            let mut sets: HashMap<String, String> = HashMap::new();
            for_each_in_array(path, reader, |card: Card| {
                if card.object != "card" {
                    return Ok(());
                }
                let set_id = match sets.get(&card.set) {
                    Some(id) => id.clone(),
                    None => {
                        let set = NewSet {
                            game: "magic",
                            code: card.set.to_uppercase(),
                            name: card.set_name.clone(),
                            released_on: card.released_at.clone(),
                            card_count: None,
                        };
                        let id = upsert_set(tx, &set, "scryfall")?;
                        sets.insert(card.set.clone(), id.clone());
                        report.sets += 1;
                        id
                    }
                };
                let mut prices = Vec::new();
                for (key, finish, currency) in [
                    ("usd", "normal", usd),
                    ("usd_foil", "foil", usd),
                    ("usd_etched", "etched", usd),
                    ("eur", "normal", eur),
                    ("eur_foil", "foil", eur),
                ] {
                    if let Some(Some(text)) = card.prices.get(key) {
                        if let Ok(m) = Money::parse(text, currency) {
                            prices.push((finish.to_owned(), m));
                        }
                    }
                }
                let entry = CatalogueCard {
                    number: card.collector_number,
                    name: card.name,
                    rarity: card.rarity,
                    finishes: card
                        .finishes
                        .iter()
                        .map(|f| super::normalise_finish(f))
                        .collect(),
                    language: card.lang.unwrap_or_else(|| "en".into()),
                    external_id: Some(card.id),
                    prices,
                };
                report.prices += upsert_card(tx, &set_id, &entry)?;
                report.cards += 1;
                watch.card()
            })?;
            Ok(report)
        })
    }

    fn import_pokemon_sets(&self, path: &Path, reader: impl Read) -> Result<CatalogueReport> {
        let sets: Vec<PokemonSet> = serde_json::from_reader(reader).map_err(|e| io(path, e))?;
        self.write(|tx| {
            for s in &sets {
                upsert_set(tx, &s.to_new_set(), "pokemontcg")?;
            }
            Ok(CatalogueReport {
                source: "pokemontcg".into(),
                sets: sets.len() as u64,
                ..Default::default()
            })
        })
    }

    fn import_pokemon_cards(
        &self,
        path: &Path,
        shape: PokemonCards,
        reader: impl Read,
        watch: &mut Watch<'_, '_>,
    ) -> Result<CatalogueReport> {
        #[derive(Deserialize)]
        struct Card {
            id: String,
            name: String,
            number: String,
            rarity: Option<String>,
            /// The API embeds the card's set; the data set's files do not.
            set: Option<PokemonSet>,
            #[serde(default)]
            tcgplayer: Option<TcgPlayer>,
        }
        #[derive(Deserialize)]
        struct TcgPlayer {
            #[serde(default)]
            prices: HashMap<String, PriceBand>,
        }
        #[derive(Deserialize)]
        struct PriceBand {
            market: Option<f64>,
        }
        #[derive(Deserialize)]
        struct ApiPage {
            data: Vec<Card>,
        }
        let usd = Currency::parse("USD").expect("USD");
        let cards: Vec<Card> = match shape {
            PokemonCards::List => serde_json::from_reader(reader).map_err(|e| io(path, e))?,
            PokemonCards::ApiPage => {
                let page: ApiPage = serde_json::from_reader(reader).map_err(|e| io(path, e))?;
                page.data
            }
        };
        if cards.is_empty() {
            return Err(io(path, "the file has no cards"));
        }
        self.write(|tx| {
            let mut report = CatalogueReport {
                source: "pokemontcg".into(),
                ..Default::default()
            };
            // Set code → catalogue id. An API answer may span several sets.
            let mut sets: HashMap<String, String> = HashMap::new();
            for c in cards {
                // A data set file is named after its set (cards/en/base1.json)
                // and its card ids carry it too (base1-4).
                let code = c
                    .set
                    .as_ref()
                    .map(|s| s.id.clone())
                    .or_else(|| c.id.rsplit_once('-').map(|(s, _)| s.to_owned()))
                    .or_else(|| path.file_stem().map(|s| s.to_string_lossy().into_owned()))
                    .unwrap_or_default();
                let set_id = match sets.get(&code) {
                    Some(id) => id.clone(),
                    None => {
                        let id = pokemon_set_id(tx, &code, c.set.as_ref())?;
                        sets.insert(code, id.clone());
                        id
                    }
                };
                let mut prices = Vec::new();
                let mut finishes = Vec::new();
                if let Some(t) = &c.tcgplayer {
                    for (band, p) in &t.prices {
                        let finish = super::normalise_finish(band);
                        finishes.push(finish.clone());
                        // The data gives dollars as a JSON number; rounded
                        // to cents once, here, and never a float after.
                        if let Some(market) = p.market.filter(|m| m.is_finite() && *m >= 0.0) {
                            prices.push((finish, Money::new((market * 100.0).round() as i64, usd)));
                        }
                    }
                }
                finishes.sort();
                finishes.dedup();
                let entry = CatalogueCard {
                    number: c.number,
                    name: c.name,
                    rarity: c.rarity,
                    finishes,
                    language: "en".into(),
                    external_id: Some(c.id),
                    prices,
                };
                report.prices += upsert_card(tx, &set_id, &entry)?;
                report.cards += 1;
                watch.card()?;
            }
            report.sets = sets.len() as u64;
            Ok(report)
        })
    }
}

/// How a file lists Pokémon cards.
enum PokemonCards {
    /// The data set's `cards/en/<set>.json`: a bare array.
    List,
    /// A saved API v2 answer: `{"data": [...], "page": ...}`.
    ApiPage,
}

/// A Pokémon set as the data set's `sets/en.json` and the API write it.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PokemonSet {
    id: String,
    name: String,
    printed_total: Option<i64>,
    release_date: Option<String>,
}

impl PokemonSet {
    fn to_new_set(&self) -> NewSet {
        NewSet {
            game: "pokemon",
            code: self.id.clone(),
            name: self.name.clone(),
            // Written 1999/01/09.
            released_on: self.release_date.as_ref().map(|d| d.replace('/', "-")),
            card_count: self.printed_total,
        }
    }
}

/// The catalogue id of the Pokémon set `code`: updated from `known` when
/// the file describes it, kept as it is when already imported, or a
/// placeholder named by its code until its sets file comes.
fn pokemon_set_id(tx: &Connection, code: &str, known: Option<&PokemonSet>) -> Result<String> {
    if let Some(set) = known {
        return upsert_set(tx, &set.to_new_set(), "pokemontcg");
    }
    let existing: Option<String> = tx
        .prepare_cached("SELECT id FROM catalogue_sets WHERE game = 'pokemon' AND code = ?1")?
        .query_row([code], |r| r.get(0))
        .optional()?;
    match existing {
        Some(id) => Ok(id),
        None => upsert_set(
            tx,
            &NewSet {
                game: "pokemon",
                code: code.to_owned(),
                name: code.to_owned(),
                released_on: None,
                card_count: None,
            },
            "pokemontcg",
        ),
    }
}

fn upsert_set(tx: &Connection, set: &NewSet, source: &str) -> Result<String> {
    let existing: Option<String> = tx
        .prepare_cached("SELECT id FROM catalogue_sets WHERE game = ?1 AND code = ?2")?
        .query_row(params![set.game, set.code], |r| r.get(0))
        .optional()?;
    let id = existing.unwrap_or_else(crate::new_id);
    tx.prepare_cached(
        "INSERT INTO catalogue_sets (id, game, code, name, released_on, card_count, source, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name,
             released_on = coalesce(excluded.released_on, released_on),
             card_count = coalesce(excluded.card_count, card_count),
             source = excluded.source, imported_at = excluded.imported_at",
    )?
    .execute(params![
        id,
        set.game,
        set.code,
        set.name,
        set.released_on,
        set.card_count,
        source,
        crate::now()
    ])?;
    Ok(id)
}

/// Writes one card (new or updated in place); returns the price points
/// written.
fn upsert_card(tx: &Connection, set_id: &str, card: &CatalogueCard) -> Result<u64> {
    let existing: Option<String> = tx
        .prepare_cached(
            "SELECT id FROM catalogue_cards WHERE set_id = ?1 AND number = ?2 AND language = ?3",
        )?
        .query_row(params![set_id, card.number, card.language], |r| r.get(0))
        .optional()?;
    let id = existing.unwrap_or_else(crate::new_id);
    tx.prepare_cached(
        "INSERT INTO catalogue_cards (id, set_id, number, number_sort, name, rarity, finishes, language, external_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, rarity = excluded.rarity,
             finishes = excluded.finishes, external_id = coalesce(excluded.external_id, external_id)",
    )?
    .execute(params![
        id,
        set_id,
        card.number,
        number_sort_key(&card.number),
        card.name,
        card.rarity,
        (!card.finishes.is_empty()).then(|| card.finishes.join(";")),
        card.language,
        card.external_id,
    ])?;
    let mut written = 0;
    for (finish, money) in &card.prices {
        if record_catalogue_value(tx, &id, finish, *money)? {
            written += 1;
        }
    }
    Ok(written)
}

/// Calls `each` for every element of the JSON array `reader` holds, one at
/// a time, so a file of any size needs the memory of one element.
fn for_each_in_array<T: DeserializeOwned>(
    path: &Path,
    reader: impl Read,
    each: impl FnMut(T) -> Result<()>,
) -> Result<()> {
    struct Each<T, F> {
        each: F,
        /// The error `each` stopped with, kept whole (serde can only carry text).
        failed: Option<Error>,
        _t: std::marker::PhantomData<T>,
    }
    impl<'de, T: DeserializeOwned, F: FnMut(T) -> Result<()>> Visitor<'de> for &mut Each<T, F> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON array")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<(), A::Error> {
            while let Some(item) = seq.next_element::<T>()? {
                if let Err(e) = (self.each)(item) {
                    self.failed = Some(e);
                    return Err(serde::de::Error::custom("stopped"));
                }
            }
            Ok(())
        }
    }
    let mut state = Each {
        each,
        failed: None,
        _t: std::marker::PhantomData,
    };
    let mut de = serde_json::Deserializer::from_reader(reader);
    let result = serde::Deserializer::deserialize_seq(&mut de, &mut state);
    if let Some(e) = state.failed {
        return Err(e);
    }
    result.map_err(|e| io(path, e))
}

/// A set in the catalogue, for picking one.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CatalogueSet {
    pub game: String,
    pub code: String,
    pub name: String,
    pub released_on: Option<String>,
    /// Distinct collector numbers listed.
    #[ts(type = "number")]
    pub cards: u64,
}

impl Store {
    /// The catalogue's sets, newest release first (then by code).
    pub fn catalogue_sets(&self) -> Result<Vec<CatalogueSet>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT s.game, s.code, s.name, s.released_on,
                        (SELECT count(DISTINCT number) FROM catalogue_cards c WHERE c.set_id = s.id)
                   FROM catalogue_sets s
                  ORDER BY s.released_on IS NULL, s.released_on DESC, s.code",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok(CatalogueSet {
                    game: r.get(0)?,
                    code: r.get(1)?,
                    name: r.get(2)?,
                    released_on: r.get(3)?,
                    cards: r.get::<_, i64>(4)? as u64,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }
}

/// How complete a set is in the collection.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Completion {
    pub game: String,
    pub set_code: String,
    pub set_name: String,
    /// Distinct collector numbers in the catalogue's list of the set.
    #[ts(type = "number")]
    pub total: u64,
    /// Of those, how many are owned (any finish, at least one copy).
    #[ts(type = "number")]
    pub owned: u64,
    /// Owned in a foil finish (foil, etched, reverse holo…).
    #[ts(type = "number")]
    pub owned_foil: u64,
    /// Copies beyond the first of each owned number, all finishes together.
    #[ts(type = "number")]
    pub duplicates: u64,
    /// owned / total, in percent with one decimal.
    pub percent: f64,
    /// What the owned copies are worth, in the home currency: each card's
    /// own value, else its catalogue card's latest market price for its
    /// finish (cards valued in another currency are left out, and counted
    /// in `unvalued`).
    pub value_owned: Money,
    #[ts(type = "number")]
    pub unvalued: u64,
    /// Cards of the set whose number the catalogue does not list (promos,
    /// typos): owned but not counted.
    #[ts(type = "number")]
    pub unlisted: u64,
    pub cards: Vec<CompletionCard>,
}

/// One card of the set's list, owned or not, in collector-number order.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CompletionCard {
    pub number: String,
    pub name: String,
    pub rarity: Option<String>,
    #[ts(type = "number")]
    pub copies: u64,
    /// The finishes owned, ';'-separated.
    pub finishes: String,
}

impl Store {
    /// Set completion for `set_code` (case-insensitive), against the
    /// catalogue's list of the set.
    pub fn completion(&self, set_code: &str) -> Result<Completion> {
        self.read(|conn| {
            let set: Option<(String, String, String, String)> = conn
                .prepare_cached(
                    "SELECT id, game, code, name FROM catalogue_sets WHERE code = ?1 COLLATE NOCASE
                      ORDER BY released_on DESC LIMIT 1",
                )?
                .query_row([set_code.trim()], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .optional()?;
            let (set_id, game, code, name) = set.ok_or_else(|| {
                Error::invalid(
                    "set",
                    set_code,
                    "set_not_in_catalogue",
                    format!(
                        "set {set_code} is not in the catalogue; import its data file first \
                         (trove catalogue import FILE)"
                    ),
                )
            })?;
            let home = crate::settings::home_currency(conn)?;
            // Every owned copy of the set, one row per card item.
            let mut mine: HashMap<String, (u64, Vec<String>)> = HashMap::new();
            let mut value = 0i64;
            let mut unvalued = 0u64;
            let mut stmt = conn.prepare_cached(
                // A card without a value of its own is worth its catalogue
                // card's latest market price for its finish, when there is one
                // in the home currency.
                "SELECT c.collector_number, c.finish, i.quantity,
                        coalesce(c.value_amount, m.amount),
                        CASE WHEN c.value_amount IS NOT NULL THEN c.value_currency
                             WHEN m.amount IS NOT NULL THEN ?2 END
                   FROM cards c JOIN items i ON i.id = c.item_id
                   LEFT JOIN price_points m ON m.seq = (
                        SELECT p.seq FROM price_points p
                         WHERE p.catalogue_card_id = c.catalogue_card_id AND p.finish = c.finish
                           AND p.currency = ?2 ORDER BY p.seq DESC LIMIT 1)
                  WHERE c.set_code = ?1 COLLATE NOCASE AND i.deleted_at IS NULL AND i.quantity > 0
                    AND c.collector_number IS NOT NULL",
            )?;
            let rows = stmt.query_map(params![&code, home.code()], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            })?;
            for row in rows {
                let (number, finish, quantity, amount, currency) = row?;
                let quantity = quantity.max(0) as u64;
                let entry = mine.entry(number.trim().to_lowercase()).or_default();
                entry.0 += quantity;
                if !entry.1.contains(&finish) {
                    entry.1.push(finish);
                }
                match (amount, currency) {
                    (Some(a), Some(c)) if c == home.code() => value += a * quantity as i64,
                    (Some(_), Some(_)) => unvalued += quantity,
                    _ => {}
                }
            }
            let mut list = conn.prepare_cached(
                "SELECT number, min(name), min(rarity) FROM catalogue_cards WHERE set_id = ?1
                  GROUP BY number ORDER BY min(number_sort)",
            )?;
            let listed: Vec<(String, String, Option<String>)> = list
                .query_map([&set_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let mut completion = Completion {
                game,
                set_code: code,
                set_name: name,
                total: listed.len() as u64,
                owned: 0,
                owned_foil: 0,
                duplicates: 0,
                percent: 0.0,
                value_owned: Money::new(value, home),
                unvalued,
                unlisted: 0,
                cards: Vec::with_capacity(listed.len()),
            };
            let mut seen = std::collections::HashSet::new();
            for (number, name, rarity) in listed {
                let key = number.to_lowercase();
                let (copies, finishes) = mine.get(&key).cloned().unwrap_or_default();
                seen.insert(key);
                if copies > 0 {
                    completion.owned += 1;
                    completion.duplicates += copies - 1;
                    if finishes.iter().any(|f| f != "normal") {
                        completion.owned_foil += 1;
                    }
                }
                let mut finishes = finishes;
                finishes.sort();
                completion.cards.push(CompletionCard {
                    number,
                    name,
                    rarity,
                    copies,
                    finishes: finishes.join(";"),
                });
            }
            completion.unlisted = mine
                .iter()
                .filter(|(k, (copies, _))| *copies > 0 && !seen.contains(*k))
                .count() as u64;
            if completion.total > 0 {
                completion.percent =
                    (completion.owned as f64 * 1000.0 / completion.total as f64).round() / 10.0;
            }
            Ok(completion)
        })
    }
}
