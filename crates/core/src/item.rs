//! The item: the one physical thing (or stack of identical things) that
//! everything else points at. Types and the pure rules for changing one.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::error::FieldError;
use crate::gtin::Gtin;
use crate::money::{Currency, Money};

/// How worn an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    New,
    LikeNew,
    Excellent,
    Good,
    Fair,
    Poor,
}

impl Condition {
    /// Every condition, best first.
    pub const ALL: [Condition; 6] = [
        Condition::New,
        Condition::LikeNew,
        Condition::Excellent,
        Condition::Good,
        Condition::Fair,
        Condition::Poor,
    ];

    /// The stored name (`like_new`).
    pub fn as_str(self) -> &'static str {
        match self {
            Condition::New => "new",
            Condition::LikeNew => "like_new",
            Condition::Excellent => "excellent",
            Condition::Good => "good",
            Condition::Fair => "fair",
            Condition::Poor => "poor",
        }
    }

    /// Reads a condition as people write it: `Like New`, `like-new`, `LIKE_NEW`.
    pub fn parse(text: &str) -> Option<Condition> {
        let key: String = text
            .trim()
            .chars()
            .map(|c| {
                if c == ' ' || c == '-' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect();
        Condition::ALL.into_iter().find(|c| c.as_str() == key)
    }
}

/// Where an item is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Draft,
    Active,
    Sold,
    Archived,
}

impl Status {
    /// Every status.
    pub const ALL: [Status; 4] = [
        Status::Draft,
        Status::Active,
        Status::Sold,
        Status::Archived,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Active => "active",
            Status::Sold => "sold",
            Status::Archived => "archived",
        }
    }

    /// Reads a status, case-insensitively.
    pub fn parse(text: &str) -> Option<Status> {
        let key = text.trim().to_ascii_lowercase();
        Status::ALL.into_iter().find(|s| s.as_str() == key)
    }
}

/// Where an item sits: a bin, or a section of a bin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct LocationRef {
    /// The bin.
    pub bin_id: String,
    /// The section within the bin, if any.
    pub section_id: Option<String>,
    /// The printed location code (`B12` or `B12-3`).
    pub code: String,
    /// "Garage Tote 12 / Top shelf", for display and export.
    pub path: String,
}

/// Every persisted field of an item that a person can change. This is what
/// validation produces and what the activity log diffs.
#[derive(Debug, Clone, PartialEq, Serialize, Default, ts_rs::TS)]
pub struct ItemFields {
    pub title: String,
    pub sku: Option<String>,
    pub barcode: Option<Gtin>,
    pub description: Option<String>,
    pub brand: Option<String>,
    pub category: Option<String>,
    pub size: Option<String>,
    pub colour: Option<String>,
    pub material: Option<String>,
    pub condition: Option<Condition>,
    pub quantity: i64,
    pub low_stock_threshold: Option<i64>,
    pub cost: Option<Money>,
    pub price: Option<Money>,
    pub weight_grams: Option<i64>,
    pub length_mm: Option<i64>,
    pub width_mm: Option<i64>,
    pub height_mm: Option<i64>,
    pub notes: Option<String>,
    pub status: Status,
    pub location: Option<LocationRef>,
    pub tags: Vec<String>,
    pub fields: BTreeMap<String, String>,
    pub acquired_on: Option<String>,
    pub acquired_from: Option<String>,
}

/// An item as read back from the store.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Item {
    /// UUIDv7.
    pub id: String,
    /// The row number: insertion order, and the search index's key.
    #[serde(skip)]
    pub seq: i64,
    #[serde(flatten)]
    pub fields: ItemFields,
    /// Units promised to sales not yet shipped (never more than the
    /// quantity); available = quantity − committed. Changed only through
    /// the stock ledger.
    pub committed: i64,
    /// The row this one was split from, if any.
    pub origin_id: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// Set while the item is in the trash.
    pub deleted_at: Option<String>,
}

impl Item {
    /// The item's title.
    pub fn title(&self) -> &str {
        &self.fields.title
    }
}

/// A change to an item as a person or a file states it: text as typed, to be
/// checked against the rules. `None` leaves a field as it is; for optional
/// text an empty string clears it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct ItemChanges {
    pub title: Option<String>,
    pub sku: Option<String>,
    pub barcode: Option<String>,
    pub description: Option<String>,
    pub brand: Option<String>,
    pub category: Option<String>,
    pub size: Option<String>,
    pub colour: Option<String>,
    pub material: Option<String>,
    pub condition: Option<String>,
    pub quantity: Option<i64>,
    #[serde(deserialize_with = "clearable")]
    pub low_stock_threshold: Option<Option<i64>>,
    /// Decimal text in `cost_currency` (or the item's or home currency).
    pub cost: Option<String>,
    pub cost_currency: Option<String>,
    /// Decimal text in `price_currency` (or the item's or home currency).
    pub price: Option<String>,
    pub price_currency: Option<String>,
    #[serde(deserialize_with = "clearable")]
    pub weight_grams: Option<Option<i64>>,
    #[serde(deserialize_with = "clearable")]
    pub length_mm: Option<Option<i64>>,
    #[serde(deserialize_with = "clearable")]
    pub width_mm: Option<Option<i64>>,
    #[serde(deserialize_with = "clearable")]
    pub height_mm: Option<Option<i64>>,
    pub notes: Option<String>,
    pub status: Option<String>,
    /// A location code (`B12-3`) or a path of names (`Garage Tote/Top`);
    /// empty takes the item out of storage.
    pub location: Option<String>,
    /// Replaces the item's tags.
    pub tags: Option<Vec<String>>,
    /// Sets custom fields; an empty value removes that field.
    pub fields: Option<BTreeMap<String, String>>,
    /// `YYYY-MM-DD`.
    pub acquired_on: Option<String>,
    pub acquired_from: Option<String>,
}

impl ItemChanges {
    /// Every field of `fields` as text, the way a person would type it: what
    /// the item editor starts from, and what undo sends back to restore an
    /// item exactly as it was. Applying it to any item makes it `fields`.
    pub fn form(fields: &ItemFields) -> ItemChanges {
        let text = |v: &Option<String>| Some(v.clone().unwrap_or_default());
        let money = |m: &Option<Money>| match m {
            Some(m) => (
                Some(m.to_decimal_string()),
                Some(m.currency.code().to_string()),
            ),
            None => (Some(String::new()), None),
        };
        let (cost, cost_currency) = money(&fields.cost);
        let (price, price_currency) = money(&fields.price);
        // Custom fields the item lacks are not listed, so they stay absent;
        // the caller clears removed ones by sending them empty.
        ItemChanges {
            title: Some(fields.title.clone()),
            sku: text(&fields.sku),
            barcode: Some(
                fields
                    .barcode
                    .as_ref()
                    .map(|g| g.display_form().to_string())
                    .unwrap_or_default(),
            ),
            description: text(&fields.description),
            brand: text(&fields.brand),
            category: text(&fields.category),
            size: text(&fields.size),
            colour: text(&fields.colour),
            material: text(&fields.material),
            condition: Some(
                fields
                    .condition
                    .map(|c| c.as_str().to_string())
                    .unwrap_or_default(),
            ),
            quantity: Some(fields.quantity),
            low_stock_threshold: Some(fields.low_stock_threshold),
            cost,
            cost_currency,
            price,
            price_currency,
            weight_grams: Some(fields.weight_grams),
            length_mm: Some(fields.length_mm),
            width_mm: Some(fields.width_mm),
            height_mm: Some(fields.height_mm),
            notes: text(&fields.notes),
            status: Some(fields.status.as_str().to_string()),
            location: Some(
                fields
                    .location
                    .as_ref()
                    .map(|p| p.code.clone())
                    .unwrap_or_default(),
            ),
            tags: Some(fields.tags.clone()),
            fields: Some(fields.fields.clone()),
            acquired_on: text(&fields.acquired_on),
            acquired_from: text(&fields.acquired_from),
        }
    }
}

/// `null` means "clear", absent means "leave as it is".
fn clearable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// A whole-number field: its name, the change given, and where it goes.
type CountField<'a> = (&'static str, Option<Option<i64>>, &'a mut Option<i64>);

const MAX_TEXT: usize = 10_000;
const MAX_SHORT: usize = 200;

/// Applies `changes` on top of `base`, checking every rule that needs no
/// database. Location text is left to the caller (it needs the store);
/// `home` is the currency used when a price or cost names none.
pub fn apply_changes(
    base: &ItemFields,
    changes: &ItemChanges,
    home: Currency,
) -> Result<ItemFields, Vec<FieldError>> {
    let mut out = base.clone();
    let mut errors = Vec::new();

    if let Some(title) = &changes.title {
        let t = title.trim();
        if t.is_empty() {
            errors.push(FieldError::new(
                "title",
                title,
                "title_required",
                "an item needs a title",
            ));
        } else if t.chars().count() > MAX_SHORT * 2 {
            errors.push(FieldError::new(
                "title",
                title,
                "too_long",
                "a title can be at most 400 characters",
            ));
        }
        out.title = t.to_string();
    } else if out.title.trim().is_empty() {
        errors.push(FieldError::new(
            "title",
            "",
            "title_required",
            "an item needs a title",
        ));
    }

    if let Some(sku) = &changes.sku {
        out.sku = match clean_sku(sku) {
            Ok(s) => s,
            Err(e) => {
                errors.push(e);
                None
            }
        };
    }

    if let Some(code) = &changes.barcode {
        out.barcode = if code.trim().is_empty() {
            None
        } else {
            match Gtin::parse(code) {
                Ok(g) => Some(g),
                Err(e) => {
                    errors.push(FieldError::new("barcode", code, e.code(), e.to_string()));
                    None
                }
            }
        };
    }

    let texts: [(&'static str, &Option<String>, &mut Option<String>, usize); 9] = [
        (
            "description",
            &changes.description,
            &mut out.description,
            MAX_TEXT,
        ),
        ("brand", &changes.brand, &mut out.brand, MAX_SHORT),
        (
            "category",
            &changes.category,
            &mut out.category,
            MAX_SHORT * 2,
        ),
        ("size", &changes.size, &mut out.size, MAX_SHORT),
        ("colour", &changes.colour, &mut out.colour, MAX_SHORT),
        ("material", &changes.material, &mut out.material, MAX_SHORT),
        ("notes", &changes.notes, &mut out.notes, MAX_TEXT),
        (
            "acquired_from",
            &changes.acquired_from,
            &mut out.acquired_from,
            MAX_SHORT,
        ),
        (
            "acquired_on",
            &changes.acquired_on,
            &mut out.acquired_on,
            10,
        ),
    ];
    for (field, given, slot, max) in texts {
        if let Some(text) = given {
            let t = text.trim();
            if t.chars().count() > max {
                errors.push(FieldError::new(
                    field,
                    text,
                    "too_long",
                    format!("{field} can be at most {max} characters"),
                ));
            }
            *slot = (!t.is_empty()).then(|| t.to_string());
        }
    }
    if let Some(category) = &mut out.category {
        *category = normalise_category(category);
    }
    if let (Some(given), Some(date)) = (&changes.acquired_on, &out.acquired_on) {
        if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() {
            errors.push(FieldError::new(
                "acquired_on",
                given,
                "date_invalid",
                format!("'{given}' is not a date; write it as YYYY-MM-DD"),
            ));
        }
    }

    if let Some(text) = &changes.condition {
        out.condition = if text.trim().is_empty() {
            None
        } else {
            match Condition::parse(text) {
                Some(c) => Some(c),
                None => {
                    errors.push(FieldError::new(
                        "condition",
                        text,
                        "condition_unknown",
                        format!(
                            "condition '{}' is not one of: new, like_new, excellent, good, fair, poor",
                            text.trim()
                        ),
                    ));
                    None
                }
            }
        };
    }

    if let Some(q) = changes.quantity {
        if q < 0 {
            errors.push(FieldError::new(
                "quantity",
                q.to_string(),
                "quantity_negative",
                format!("quantity cannot be below zero (got {q})"),
            ));
        }
        out.quantity = q;
    }

    let counts: [CountField<'_>; 5] = [
        (
            "low_stock_threshold",
            changes.low_stock_threshold,
            &mut out.low_stock_threshold,
        ),
        ("weight_grams", changes.weight_grams, &mut out.weight_grams),
        ("length_mm", changes.length_mm, &mut out.length_mm),
        ("width_mm", changes.width_mm, &mut out.width_mm),
        ("height_mm", changes.height_mm, &mut out.height_mm),
    ];
    for (field, given, slot) in counts {
        if let Some(value) = given {
            if let Some(v) = value.filter(|v| *v < 0) {
                errors.push(FieldError::new(
                    field,
                    v.to_string(),
                    "number_negative",
                    format!("{field} cannot be below zero (got {v})"),
                ));
            }
            *slot = value;
        }
    }

    apply_money(
        "cost",
        &changes.cost,
        &changes.cost_currency,
        &mut out.cost,
        home,
        &mut errors,
    );
    apply_money(
        "price",
        &changes.price,
        &changes.price_currency,
        &mut out.price,
        home,
        &mut errors,
    );

    if let Some(text) = &changes.status {
        match Status::parse(text) {
            Some(s) => out.status = s,
            None => errors.push(FieldError::new(
                "status",
                text,
                "status_unknown",
                format!(
                    "status '{}' is not one of: draft, active, sold, archived",
                    text.trim()
                ),
            )),
        }
    }

    if let Some(tags) = &changes.tags {
        out.tags = clean_tags(tags, &mut errors);
    }

    if let Some(fields) = &changes.fields {
        for (name, value) in fields {
            let name = name.trim();
            if name.is_empty() || name.chars().count() > MAX_SHORT {
                errors.push(FieldError::new(
                    "fields",
                    name,
                    "field_name_invalid",
                    "a custom field needs a name of 1 to 200 characters",
                ));
                continue;
            }
            let value = value.trim();
            if value.is_empty() {
                out.fields.remove(name);
            } else if value.chars().count() > MAX_TEXT {
                errors.push(FieldError::new(
                    "fields",
                    value,
                    "too_long",
                    format!("custom field {name} can be at most {MAX_TEXT} characters"),
                ));
            } else {
                out.fields.insert(name.to_string(), value.to_string());
            }
        }
    }

    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The rule that needs the resolved location: an item cannot be active
/// unless it is somewhere a person can find it.
pub fn check_location(fields: &ItemFields) -> Result<(), FieldError> {
    if fields.status == Status::Active && fields.location.is_none() {
        return Err(FieldError::new(
            "location",
            "",
            "active_without_location",
            format!(
                "'{}' cannot be active without a storage location; put it in a bin first",
                fields.title
            ),
        ));
    }
    Ok(())
}

fn apply_money(
    field: &'static str,
    amount: &Option<String>,
    currency: &Option<String>,
    slot: &mut Option<Money>,
    home: Currency,
    errors: &mut Vec<FieldError>,
) {
    let currency_field = if field == "cost" {
        "cost_currency"
    } else {
        "price_currency"
    };
    let cur = match currency.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => match Currency::parse(code) {
            Ok(c) => c,
            Err(e) => {
                errors.push(FieldError::new(
                    currency_field,
                    code,
                    e.code(),
                    e.to_string(),
                ));
                return;
            }
        },
        None => slot.map_or(home, |m| m.currency),
    };
    match amount {
        Some(text) if text.trim().is_empty() => *slot = None,
        Some(text) => match Money::parse(text, cur) {
            Ok(m) => *slot = Some(m),
            Err(e) => errors.push(FieldError::new(
                field,
                text,
                e.code(),
                format!("{field}: {e}"),
            )),
        },
        // A new currency alone re-reads the same digits in that currency
        // would be a guess; refuse only if it cannot hold the amount.
        None => {
            if let Some(m) = slot.as_mut() {
                if m.currency != cur {
                    match Money::parse(&m.to_decimal_string(), cur) {
                        Ok(v) => *m = v,
                        Err(e) => errors.push(FieldError::new(
                            field,
                            m.to_decimal_string(),
                            e.code(),
                            e.to_string(),
                        )),
                    }
                }
            }
        }
    }
}

fn clean_sku(sku: &str) -> Result<Option<String>, FieldError> {
    let s = sku.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > 64 || s.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(FieldError::new(
            "sku",
            sku,
            "sku_invalid",
            format!("SKU '{s}' must be 1 to 64 characters with no spaces"),
        ));
    }
    Ok(Some(s.to_string()))
}

fn clean_tags(tags: &[String], errors: &mut Vec<FieldError>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let t = tag.trim();
        if t.is_empty() {
            continue;
        }
        if t.contains(';') || t.chars().count() > 64 || t.chars().any(char::is_control) {
            errors.push(FieldError::new(
                "tags",
                tag,
                "tag_invalid",
                format!("tag '{t}' must be 1 to 64 characters without ';'"),
            ));
            continue;
        }
        if !out.iter().any(|o| o.to_lowercase() == t.to_lowercase()) {
            out.push(t.to_string());
        }
    }
    out
}

/// "Clothing>Women >  Coats" → "Clothing > Women > Coats": one spelling per
/// path so the same category is never stored twice.
pub fn normalise_category(path: &str) -> String {
    path.split('>')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" > ")
}

/// Splits `a; b ;c` tag text as found in CSV files.
pub fn split_tags(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}
