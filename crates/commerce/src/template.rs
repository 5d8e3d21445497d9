//! Listing templates and "list everywhere". A template's title and
//! description are text with the item's fields in braces (`{brand}
//! {title}, size {size}`), filled in when listing; its category maps to
//! each platform's own (`categories.platform_map`), and its shipping
//! profile goes with the listing.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;
use trove_core::{Error, FieldError, Item, Result};
use trove_store::{new_id, now};

use crate::listing::{Listing, ListingStatus};
use crate::platform::Platform;
use crate::shop::{insert_listing, live_item, set_status, Overrides};

/// The fields a template may name.
const FIELDS: &[&str] = &[
    "title",
    "sku",
    "brand",
    "category",
    "size",
    "colour",
    "material",
    "condition",
    "description",
    "notes",
    "location",
];

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Template {
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    pub description: Option<String>,
    /// The category's path (`Clothing > Women > Coats`).
    pub category: Option<String>,
    pub shipping_service: Option<String>,
    pub package: Option<String>,
    pub weight_grams: Option<i64>,
}

/// A template as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default, deny_unknown_fields)]
pub struct TemplateInput {
    pub name: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub category: Option<String>,
    pub shipping_service: Option<String>,
    pub package: Option<String>,
    pub weight_grams: Option<i64>,
}

/// `text` with each name in braces replaced by `value(name)`; a `{`
/// with no `}` after it is kept as written. `{field:Name}` is a custom
/// field.
fn fill(text: &str, mut value: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&value(&rest[start + 1..start + len]));
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The names in braces a template's text uses.
fn placeholders(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    fill(text, |name| {
        names.push(name.to_string());
        String::new()
    });
    names
}

fn check_text(field: &'static str, text: &str, errors: &mut Vec<FieldError>) {
    for name in placeholders(text) {
        if !FIELDS.contains(&name.as_str()) && !name.starts_with("field:") {
            errors.push(FieldError::new(
                field,
                text,
                "placeholder_unknown",
                format!(
                    "{{{name}}} is not an item field; use one of {}, or {{field:Name}} for a custom field",
                    FIELDS.iter().map(|f| format!("{{{f}}}")).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
    }
}

/// The template's text with the item's fields filled in; an empty field
/// leaves no doubled space or dangling comma behind.
pub fn render(text: &str, item: &Item) -> String {
    let f = &item.fields;
    let value = |name: &str| -> String {
        match name {
            "title" => f.title.clone(),
            "sku" => f.sku.clone().unwrap_or_default(),
            "brand" => f.brand.clone().unwrap_or_default(),
            "category" => f.category.clone().unwrap_or_default(),
            "size" => f.size.clone().unwrap_or_default(),
            "colour" => f.colour.clone().unwrap_or_default(),
            "material" => f.material.clone().unwrap_or_default(),
            "condition" => f
                .condition
                .map(|c| c.as_str().replace('_', " "))
                .unwrap_or_default(),
            "description" => f.description.clone().unwrap_or_default(),
            "notes" => f.notes.clone().unwrap_or_default(),
            "location" => f
                .location
                .as_ref()
                .map(|l| l.code.clone())
                .unwrap_or_default(),
            other => other
                .strip_prefix("field:")
                .and_then(|k| f.fields.get(k).cloned())
                .unwrap_or_default(),
        }
    };
    let out = fill(text, value);
    // Tidy what empty fields left: doubled spaces, a space before a comma.
    let lines: Vec<String> = out
        .lines()
        .map(|l| {
            let joined = l
                .split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            joined
                .replace(" ,", ",")
                .trim_matches(|c| c == ',' || c == ' ')
                .to_string()
        })
        .collect();
    lines.join("\n").trim().to_string()
}

const TEMPLATE_SELECT: &str = "SELECT t.id, t.name, t.title, t.description, c.path, t.shipping_service,
    t.package, t.weight_grams FROM listing_templates t LEFT JOIN categories c ON c.id = t.category_id";

fn template_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Template> {
    Ok(Template {
        id: r.get(0)?,
        name: r.get(1)?,
        title: r.get(2)?,
        description: r.get(3)?,
        category: r.get(4)?,
        shipping_service: r.get(5)?,
        package: r.get(6)?,
        weight_grams: r.get(7)?,
    })
}

fn template_named(conn: &Connection, name: &str) -> Result<Template> {
    conn.prepare_cached(&format!(
        "{TEMPLATE_SELECT} WHERE t.name = ?1 COLLATE NOCASE"
    ))?
    .query_row([name.trim()], template_from_row)
    .optional()?
    .ok_or_else(|| Error::not_found("listing template", name.trim()))
}

fn category_id(conn: &Connection, path: &str) -> Result<String> {
    conn.prepare_cached("SELECT id FROM categories WHERE path = ?1 COLLATE NOCASE")?
        .query_row([path.trim()], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::not_found("category", path.trim()))
}

/// The platform's category for `path` or its nearest ancestor that has one.
fn platform_category(conn: &Connection, path: &str, platform: Platform) -> Result<Option<String>> {
    let mut path = path.to_string();
    loop {
        let found: Option<String> = conn
            .prepare_cached(
                "SELECT json_extract(platform_map, '$.' || ?2) FROM categories WHERE path = ?1 COLLATE NOCASE",
            )?
            .query_row(params![path, platform.as_str()], |r| r.get(0))
            .optional()?
            .flatten();
        if found.is_some() {
            return Ok(found);
        }
        match path.rsplit_once(" > ") {
            Some((parent, _)) => path = parent.to_string(),
            None => return Ok(None),
        }
    }
}

/// What "list everywhere" did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Listed {
    /// The new listings, published (pending: the marketplace is told, or
    /// the checklist says what to do).
    pub created: Vec<Listing>,
    /// Platforms skipped, with why (already listed there).
    pub skipped: Vec<String>,
}

impl crate::Shop<'_> {
    /// Creates or replaces (by name) a template.
    pub fn save_template(&self, input: &TemplateInput) -> Result<Template> {
        let mut errors = Vec::new();
        let name = input.name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            errors.push(FieldError::new(
                "name",
                name,
                "name_invalid",
                "a template needs a name of 1 to 100 characters",
            ));
        }
        for (field, text) in [("title", &input.title), ("description", &input.description)] {
            if let Some(t) = text {
                check_text(field, t, &mut errors);
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let blank = |t: &Option<String>| crate::fields::blank_none(t.as_deref());
        self.store().write(|tx| {
            let category = input
                .category
                .as_deref()
                .filter(|c| !c.trim().is_empty())
                .map(|c| category_id(tx, c))
                .transpose()?;
            let t = now();
            tx.execute(
                "INSERT INTO listing_templates (id, name, title, description, category_id, shipping_service,
                    package, weight_grams, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)
                 ON CONFLICT (name COLLATE NOCASE) DO UPDATE SET title = excluded.title,
                    description = excluded.description, category_id = excluded.category_id,
                    shipping_service = excluded.shipping_service, package = excluded.package,
                    weight_grams = excluded.weight_grams, updated_at = excluded.updated_at",
                params![
                    new_id(),
                    name,
                    blank(&input.title),
                    blank(&input.description),
                    category,
                    blank(&input.shipping_service),
                    blank(&input.package),
                    input.weight_grams,
                    t
                ],
            )?;
            template_named(tx, name)
        })
    }

    /// Every template, by name.
    pub fn templates(&self) -> Result<Vec<Template>> {
        self.store().read(|conn| {
            let mut stmt =
                conn.prepare_cached(&format!("{TEMPLATE_SELECT} ORDER BY t.name COLLATE NOCASE"))?;
            let rows = stmt.query_map([], template_from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Says which category of `platform` the category `path` is.
    pub fn map_category(
        &self,
        path: &str,
        platform: Platform,
        platform_category: &str,
    ) -> Result<()> {
        self.store().write(|tx| {
            let id = category_id(tx, path)?;
            tx.execute(
                "UPDATE categories SET platform_map = json_set(coalesce(platform_map, '{}'), '$.' || ?2, ?3)
                 WHERE id = ?1",
                params![id, platform.as_str(), platform_category.trim()],
            )?;
            Ok(())
        })
    }

    /// "List everywhere": one listing per chosen platform from the item and
    /// a template, all published in one transaction. A platform the item is
    /// already listed on is skipped and said so.
    pub fn list_everywhere(
        &self,
        item: &str,
        platforms: &[Platform],
        template: Option<&str>,
    ) -> Result<Listed> {
        self.store().write(|tx| {
            let item = live_item(tx, item)?;
            let template = template.map(|t| template_named(tx, t)).transpose()?;
            let category = template
                .as_ref()
                .and_then(|t| t.category.clone())
                .or_else(|| item.fields.category.clone());
            let mut out = Listed {
                created: Vec::new(),
                skipped: Vec::new(),
            };
            for &platform in platforms {
                let taken: Option<String> = tx
                    .prepare_cached(
                        "SELECT status FROM listings WHERE item_id = ?1 AND platform = ?2",
                    )?
                    .query_row(params![item.id, platform.as_str()], |r| r.get(0))
                    .optional()?;
                if let Some(status) = taken {
                    out.skipped
                        .push(format!("{platform}: already listed ({status})"));
                    continue;
                }
                let fields = Overrides {
                    title: template
                        .as_ref()
                        .and_then(|t| t.title.as_deref())
                        .map(|t| render(t, &item))
                        .filter(|t| !t.is_empty()),
                    description: template
                        .as_ref()
                        .and_then(|t| t.description.as_deref())
                        .map(|t| render(t, &item))
                        .filter(|t| !t.is_empty()),
                    price: None,
                    shipping: None,
                };
                let mapped = match &category {
                    Some(c) => platform_category(tx, c, platform)?,
                    None => None,
                };
                let data = json!({
                    "category": category,
                    "platform_category": mapped,
                    "shipping": template.as_ref().map(|t| json!({
                        "service": t.shipping_service,
                        "package": t.package,
                        "weight_grams": t.weight_grams,
                    })),
                    "template": template.as_ref().map(|t| &t.name),
                });
                let listing = insert_listing(tx, &item, platform, &fields, Some(data))?;
                out.created
                    .push(set_status(tx, &listing.id, ListingStatus::Pending)?);
            }
            Ok(out)
        })
    }
}
