//! The CSV columns Trove reads and writes: the canonical header, the names
//! other tools give the same columns, and the spreadsheet-formula guard.

/// The canonical header, in order.
pub const CANONICAL: [&str; 14] = [
    "sku",
    "barcode",
    "title",
    "description",
    "brand",
    "category",
    "condition",
    "quantity",
    "price",
    "cost",
    "currency",
    "location",
    "tags",
    "notes",
];

/// Further item fields, written after the canonical ones so that an export
/// carries everything and re-imports exactly.
pub const EXTRA: [&str; 12] = [
    "status",
    "size",
    "colour",
    "material",
    "cost_currency",
    "low_stock_threshold",
    "weight_grams",
    "length_mm",
    "width_mm",
    "height_mm",
    "acquired_on",
    "acquired_from",
];

/// Other names people's files use for the same columns (compared after
/// lower-casing and folding spaces, dashes and dots to underscores).
const ALIASES: &[(&str, &str)] = &[
    ("item_sku", "sku"),
    ("custom_label", "sku"),
    ("stock_code", "sku"),
    ("upc", "barcode"),
    ("ean", "barcode"),
    ("gtin", "barcode"),
    ("isbn", "barcode"),
    ("upc_ean", "barcode"),
    ("name", "title"),
    ("item_name", "title"),
    ("product_name", "title"),
    ("desc", "description"),
    ("qty", "quantity"),
    ("count", "quantity"),
    ("list_price", "price"),
    ("asking_price", "price"),
    ("price_currency", "currency"),
    ("purchase_price", "cost"),
    ("cost_price", "cost"),
    ("bin", "location"),
    ("storage_location", "location"),
    ("tag", "tags"),
    ("labels", "tags"),
    ("keywords", "tags"),
    ("note", "notes"),
    ("comments", "notes"),
    ("color", "colour"),
    ("weight_g", "weight_grams"),
    ("purchase_date", "acquired_on"),
    ("acquired", "acquired_on"),
    ("source", "acquired_from"),
    ("store", "acquired_from"),
];

/// The canonical name for a header cell, if Trove knows it.
pub fn canonical_name(header: &str) -> Option<&'static str> {
    let key: String = header
        .trim()
        .trim_start_matches('\u{feff}')
        .chars()
        .map(|c| {
            if matches!(c, ' ' | '-' | '.' | '/') {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    CANONICAL
        .iter()
        .chain(EXTRA.iter())
        .find(|c| **c == key)
        .copied()
        .or_else(|| {
            ALIASES
                .iter()
                .find(|(alias, _)| *alias == key)
                .map(|(_, c)| *c)
        })
}

fn is_formula_start(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '\'')
}

/// Makes a cell safe to open in a spreadsheet: text that would run as a
/// formula gets a leading apostrophe. Apostrophe-led text gets one too, so
/// [`unguard`] gives back exactly what was written.
pub fn guard(value: &str) -> std::borrow::Cow<'_, str> {
    match value.chars().next() {
        Some(c) if is_formula_start(c) => format!("'{value}").into(),
        _ => value.into(),
    }
}

/// Undoes [`guard`].
pub fn unguard(value: &str) -> &str {
    let mut chars = value.chars();
    match (chars.next(), chars.next()) {
        (Some('\''), Some(c)) if is_formula_start(c) => &value[1..],
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_case_map_to_canonical_columns() {
        assert_eq!(canonical_name("SKU"), Some("sku"));
        assert_eq!(canonical_name(" UPC "), Some("barcode"));
        assert_eq!(canonical_name("Qty"), Some("quantity"));
        assert_eq!(canonical_name("Name"), Some("title"));
        assert_eq!(canonical_name("\u{feff}sku"), Some("sku"));
        assert_eq!(canonical_name("Purchase Price"), Some("cost"));
        assert_eq!(canonical_name("Color"), Some("colour"));
        assert_eq!(canonical_name("favourite_food"), None);
    }

    #[test]
    fn guard_neutralises_formulas_and_round_trips() {
        for v in [
            "=SUM(A1)", "+1", "-5", "@cmd", "'quoted", "''", "'=x", "plain", "", "\tx",
        ] {
            let g = guard(v);
            if let Some(c) = v.chars().next() {
                if matches!(c, '=' | '+' | '-' | '@' | '\t') {
                    assert!(g.starts_with('\''), "{v} must be neutralised");
                }
            }
            assert_eq!(unguard(&g), v, "round trip of {v:?}");
        }
        assert_eq!(
            unguard("'hello"),
            "'hello",
            "a lone apostrophe someone typed stays"
        );
    }
}
