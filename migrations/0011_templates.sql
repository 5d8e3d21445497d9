-- Trove schema 11: listing templates. Text blocks with the item's fields
-- filled in, a category, and a shipping profile, applied when listing.
-- (Each category's platform categories live in `categories.platform_map`,
-- laid down in schema 1.)

CREATE TABLE listing_templates (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    title            TEXT,          -- "{brand} {title} {size}"
    description      TEXT,
    category_id      TEXT REFERENCES categories(id) ON DELETE SET NULL,
    shipping_service TEXT,          -- "USPS Ground Advantage"
    package          TEXT,          -- "30 x 20 x 10 cm", "padded envelope"
    weight_grams     INTEGER CHECK (weight_grams IS NULL OR weight_grams > 0),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX listing_templates_by_name ON listing_templates(name COLLATE NOCASE);
