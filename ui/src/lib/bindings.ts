// Generated from the Rust types by src-tauri/src/bindings.rs; do not edit.
// Regenerate: TROVE_WRITE_BINDINGS=1 cargo test -p trove-app bindings

export type Condition = "new" | "like_new" | "excellent" | "good" | "fair" | "poor";

export type Status = "draft" | "active" | "sold" | "archived";

export type LocationRef = { 
/**
 * The bin.
 */
bin_id: string, 
/**
 * The section within the bin, if any.
 */
section_id: string | null, 
/**
 * The printed location code (`B12` or `B12-3`).
 */
code: string, 
/**
 * "Garage Tote 12 / Top shelf", for display and export.
 */
path: string, };

export type ItemFields = { title: string, sku: string | null, barcode: Gtin | null, description: string | null, brand: string | null, category: string | null, size: string | null, colour: string | null, material: string | null, condition: Condition | null, quantity: number, low_stock_threshold: number | null, cost: Money | null, price: Money | null, weight_grams: number | null, length_mm: number | null, width_mm: number | null, height_mm: number | null, notes: string | null, status: Status, location: LocationRef | null, tags: Array<string>, fields: { [key in string]: string }, acquired_on: string | null, acquired_from: string | null, };

export type Item = { 
/**
 * UUIDv7.
 */
id: string, 
/**
 * Units promised to sales not yet shipped (never more than the
 * quantity); available = quantity − committed. Changed only through
 * the stock ledger.
 */
committed: number, 
/**
 * The row this one was split from, if any.
 */
origin_id: string | null, created_at: string, updated_at: string, 
/**
 * Set while the item is in the trash.
 */
deleted_at: string | null, title: string, sku: string | null, barcode: Gtin | null, description: string | null, brand: string | null, category: string | null, size: string | null, colour: string | null, material: string | null, condition: Condition | null, quantity: number, low_stock_threshold: number | null, cost: Money | null, price: Money | null, weight_grams: number | null, length_mm: number | null, width_mm: number | null, height_mm: number | null, notes: string | null, status: Status, location: LocationRef | null, tags: Array<string>, fields: { [key in string]: string }, acquired_on: string | null, acquired_from: string | null, };

export type ItemChanges = { title: string | null, sku: string | null, barcode: string | null, description: string | null, brand: string | null, category: string | null, size: string | null, colour: string | null, material: string | null, condition: string | null, quantity: number | null, low_stock_threshold: number | null | null, 
/**
 * Decimal text in `cost_currency` (or the item's or home currency).
 */
cost: string | null, cost_currency: string | null, 
/**
 * Decimal text in `price_currency` (or the item's or home currency).
 */
price: string | null, price_currency: string | null, weight_grams: number | null | null, length_mm: number | null | null, width_mm: number | null | null, height_mm: number | null | null, notes: string | null, status: string | null, 
/**
 * A location code (`B12-3`) or a path of names (`Garage Tote/Top`);
 * empty takes the item out of storage.
 */
location: string | null, 
/**
 * Replaces the item's tags.
 */
tags: Array<string> | null, 
/**
 * Sets custom fields; an empty value removes that field.
 */
fields: { [key in string]: string } | null, 
/**
 * `YYYY-MM-DD`.
 */
acquired_on: string | null, acquired_from: string | null, };

export type Edit = { item: Item, undo: ItemChanges, };

export type Move = { quantity: number, from: string | null, to: string | null, moved_at: string, };

export type Currency = string;

export type Money = { 
/**
 * Count of minor units, e.g. 1250 for 12.50 USD.
 */
amount: number, 
/**
 * The currency the amount is counted in.
 */
currency: Currency, 
/**
 * The amount as decimal text in the currency's own digits; what an edit
 * box shows and what the core reads back unchanged.
 */
decimal: string, };

export type Gtin = string;

export type Filters = { status: Status | null, 
/**
 * A bin or section code; a bin includes its sections.
 */
location: string | null, 
/**
 * A category path; includes its sub-categories.
 */
category: string | null, condition: Condition | null, 
/**
 * Lowest price, decimal text in `currency` (or the home currency).
 */
price_min: string | null, 
/**
 * Highest price, likewise.
 */
price_max: string | null, currency: string | null, };

export type Sort = "newest" | "title" | "price" | "quantity" | "updated";

export type ListQuery = { filters: Filters, sort: Sort, 
/**
 * Reverse the sort's natural direction (newest is already descending).
 */
reverse: boolean, 
/**
 * The `next` cursor of the previous page.
 */
after: string | null, 
/**
 * Rows per page (1 to 500; default 50).
 */
limit: number | null, };

export type Page = { items: Array<Item>, 
/**
 * Pass as `after` to get the next page; absent on the last page.
 */
next: string | null, };

export type SearchQuery = { text: string, filters: Filters, 
/**
 * Results wanted (1 to 500; default 50).
 */
limit: number | null, 
/**
 * Results to skip, for the next screenful.
 */
offset: number, };

export type SearchResults = { items: Array<Item>, 
/**
 * How many of `items`, from the top, matched exactly (SKU, barcode, title).
 */
exact: number, 
/**
 * Matches found; a floor when `more` is set.
 */
total: number, 
/**
 * More items match than were ranked ([`CANDIDATES`] or more).
 */
more: boolean, };

export type Scanned = { "kind": "item", item: Item, matches: number, } | { "kind": "location", location: Location, } | { "kind": "none", code: string, barcode: string | null, problem: string | null, };

export type Bin = { id: string, code: string, name: string, kind: string, notes: string | null, 
/**
 * Live items directly in the bin or in any of its sections.
 */
items: number, 
/**
 * The sum of their quantities.
 */
units: number, sections: Array<Section>, };

export type Section = { id: string, bin_id: string, code: string, name: string, capacity: number | null, items: number, units: number, };

export type Location = { "type": "bin" } & Bin | { "type": "section", bin: Bin, section: Section, };

export type Activity = { id: string, at: string, 
/**
 * `create`, `update`, `trash`, `restore`, `purge`, `move`, `import`…
 */
action: string, record_type: string, record_id: string, 
/**
 * The import this change was part of, if any.
 */
batch_id: string | null, before: unknown, after: unknown, };

export type Stats = { 
/**
 * Live items (rows), not counting the trash.
 */
items: number, 
/**
 * The sum of their quantities.
 */
units: number, trashed: number, bins: number, sections: number, 
/**
 * Live items per status.
 */
by_status: { [key in string]: number }, 
/**
 * Asking price × quantity, per currency, in minor units.
 */
list_value: { [key in string]: number }, 
/**
 * Cost × quantity, per currency, in minor units.
 */
cost_value: { [key in string]: number }, };

export type Totals = { items: number, units: number, };

export type Vocabulary = { 
/**
 * Category paths (`Clothing > Women > Coats`).
 */
categories: Array<string>, tags: Array<string>, 
/**
 * Custom field names.
 */
fields: Array<string>, 
/**
 * The currency a price without one is in.
 */
home_currency: string, };

export type FieldError = { 
/**
 * The field, as named in the CSV header and the UI (`barcode`, `quantity`).
 */
field: string, 
/**
 * What was given, verbatim.
 */
value: string, 
/**
 * Stable machine code (`barcode_check_digit`).
 */
code: string, 
/**
 * The sentence to show.
 */
message: string, };

export type ErrorBody = { 
/**
 * What kind of failure.
 */
code: ErrorCode, 
/**
 * Human sentence.
 */
message: string, 
/**
 * Per-field problems, when there are any.
 */
fields: Array<FieldError>, };

export type RowError = { file: string, 
/**
 * The line the row starts on, counting the header as line 1.
 */
line: number, column: string, value: string, code: string, message: string, };

export type RepeatedSku = { sku: string, 
/**
 * Every line the SKU is on, in order.
 */
lines: Array<number>, };

export type ImportReport = { file: string, 
/**
 * The layout the file was read as, when it was another app's (as
 * chosen, or recognised from its header); none for Trove's own CSV
 * and the generic mapping.
 */
layout: Preset | null, 
/**
 * Data rows read.
 */
rows: number, created: number, updated: number, unchanged: number, 
/**
 * Rows left out because they had errors.
 */
skipped: number, 
/**
 * True when the changes were committed.
 */
committed: boolean, dry_run: boolean, 
/**
 * Header columns Trove does not know, which were ignored.
 */
ignored_columns: Array<string>, 
/**
 * Bins and sections the file's locations created (or, dry, would).
 */
locations_created: number, 
/**
 * SKUs on more than one line, up to [`MAX_ERRORS_LISTED`].
 */
repeated_skus: Array<RepeatedSku>, 
/**
 * How many SKUs were repeated in all.
 */
repeated_sku_count: number, 
/**
 * Every error, up to [`MAX_ERRORS_LISTED`].
 */
errors: Array<RowError>, 
/**
 * How many errors there were in all.
 */
error_count: number, };

export type ExportReport = { file: string, rows: number, };

export type PhotoFormat = "jpeg" | "png" | "webp" | "gif" | "tiff";

export type Thumbnails = { 
/**
 * Long edge 256 px.
 */
small: string, 
/**
 * Long edge 1024 px.
 */
large: string, };

export type Photo = { id: string, 
/**
 * BLAKE3 of the original's bytes (hex): the file's name in the store.
 */
hash: string, 
/**
 * The name it was imported under.
 */
file_name: string, format: PhotoFormat, 
/**
 * Upright size in pixels.
 */
width: number, height: number, byte_size: number, taken_at: string | null, 
/**
 * EXIF orientation 1–8 of the original (thumbnails are already upright).
 */
orientation: number, imported_at: string, 
/**
 * The item it belongs to; `None` in the inbox.
 */
item_id: string | null, position: number | null, cover: boolean, 
/**
 * Where its files are, for the window and for the person.
 */
original: string, thumbnails: Thumbnails, };

export type JobKind = "csv" | "photos" | "catalogue";

export type Progress = { 
/**
 * Rows, cards or files finished.
 */
done: number, 
/**
 * How many there are, when the job knows before the end (a photo
 * import counts the files first); 0 when it does not (a CSV file is
 * measured in bytes).
 */
total: number, 
/**
 * Bytes read (or, for photos, of the files finished).
 */
bytes: number, total_bytes: number, 
/**
 * What it has just finished, when that is worth showing (the photo
 * file); empty otherwise.
 */
current: string, };

export type JobReport = { "kind": "csv" } & ImportReport | { "kind": "photos" } & PhotoImportReport | { "kind": "catalogue" } & CatalogueReport;

export type PhotoSkip = { path: string, reason: string, };

export type PhotoImportReport = { 
/**
 * New photos in the target place (a file the store already had is
 * linked again, not copied).
 */
imported: Array<Photo>, 
/**
 * Files that were already in the target place: nothing changed.
 */
already: Array<Photo>, skipped: Array<PhotoSkip>, 
/**
 * Files in the given folders that are not photos by their extension.
 */
ignored: number, cancelled: boolean, };

export type ItemDetail = { item: Item, 
/**
 * Every field as text, ready for the form.
 */
form: ItemChanges, 
/**
 * Changes, newest first.
 */
history: Array<Activity>, 
/**
 * Moves, newest first.
 */
moves: Array<Move>, };

export type AppInfo = { version: string, 
/**
 * The open database file.
 */
db_path: string, 
/**
 * The copy written before the last schema upgrade, if there was one.
 */
upgrade_backup: string | null, schema_version: number, home_currency: string, 
/**
 * False when this database's photos cannot be shown until the app
 * restarts (it was open before, in this process, and then left).
 */
photos_visible: boolean, 
/**
 * This process, for measuring it from outside.
 */
pid: number, };

export type Startup = { 
/**
 * From `main` to the first inventory page drawn.
 */
process_ms: number, };

export type JobProgress = { job: string, kind: JobKind, progress: Progress, };

export type JobDone = { job: string, report: JobReport | null, error: ErrorBody | null, };

export type LabelSizeInfo = { id: LabelSize, name: string, width_mm: number, height_mm: number, };

export type LabelSize = "dymo-30334" | "dymo-30252" | "dymo-30336" | "brother-62x29" | "zebra-2x1" | "zebra-4x6" | "avery-5160";

export type Symbology = "code128" | "qr";

export type LabelKind = "bin" | "section" | "item";

export type LabelKey = { 
/**
 * Trimmed; a location code in capitals, as its label prints it.
 */
text: string, kind: LabelKind, };

export type CardKind = "tcg" | "sports";

export type Grade = number;

export type Serial = { number: number, total: number, };

export type Tier = "low" | "mid" | "high" | "grail";

export type Card = { kind: CardKind, game: string | null, set_code: string | null, set_name: string | null, collector_number: string | null, rarity: string | null, 
/**
 * `normal`, `foil`, `reverse_holo`, `etched`, or as a file named it.
 */
finish: string, language: string | null, legality: string | null, sport: string | null, year: number | null, series: string | null, player: string | null, team: string | null, rookie: boolean, parallel: string | null, insert_set: string | null, serial: Serial | null, grader: string | null, grade: Grade | null, grade_label: string | null, cert_number: string | null, 
/**
 * What it is worth now.
 */
value: Money | null, 
/**
 * Where `value` falls under the user's thresholds (read only).
 */
tier: Tier | null, catalogue_card_id: string | null, };

export type CardInput = { 
/**
 * `tcg` or `sports`.
 */
kind: string, game: string, set_code: string, set_name: string, collector_number: string, rarity: string, finish: string, language: string, legality: string, sport: string, year: string, series: string, player: string, team: string, rookie: boolean, parallel: string, insert_set: string, 
/**
 * `12/99`, `#12/99` or `12 of 99`.
 */
serial: string, grader: string, 
/**
 * A half step from 0 to 10 (`9.5`).
 */
grade: string, grade_label: string, cert_number: string, 
/**
 * Decimal text in `value_currency`.
 */
value: string, value_currency: string, };

export type CardForm = { card: Card | null, input: CardInput, };

export type WishInput = { title: string, max_price: string, notes: string, };

export type PreorderInput = { item: string, release_on: string, deposit: string, seller: string, ordered_on: string, };

export type ErrorCode = "invalid" | "sku_taken" | "not_found" | "name_taken" | "not_empty" | "in_trash" | "import_rejected" | "schema_too_new" | "database_busy" | "database_in_use" | "upgrading" | "cancelled" | "io" | "unavailable" | "migration_failed" | "database" | "ipc";

export type ItemCard = { item: string, card: Card, };

export type CatalogueSet = { game: string, code: string, name: string, released_on: string | null, 
/**
 * Distinct collector numbers listed.
 */
cards: number, };

export type Wish = { id: string, title: string, catalogue_card_id: string | null, finish: string | null, 
/**
 * The most the collector will pay.
 */
max_price: Money | null, notes: string | null, created_at: string, };

export type Preorder = { item_id: string, title: string, ordered_on: string | null, seller: string | null, deposit: Money | null, 
/**
 * The release date promised now.
 */
release_on: string, received_at: string | null, 
/**
 * Every change of the release date, oldest first.
 */
slips: Array<DateSlip>, };

export type DateSlip = { from_on: string, to_on: string, noted_at: string, };

export type PendingUpgrade = { 
/**
 * The schema version the file is at.
 */
from: number, 
/**
 * The version this build writes.
 */
to: number, 
/**
 * The database file's size in bytes (the upgrade copies it first, and
 * its time grows with it).
 */
bytes: number, };

export type TierThresholds = { mid: Money, high: Money, grail: Money, };

export type PricePoint = { at: string, value: Money, finish: string, 
/**
 * `manual`, `import` or `catalogue`.
 */
source: string, };

export type CollectionMode = "set" | "value" | "player" | "custom";

export type Collection = { id: string, name: string, 
/**
 * binder, box, set, personal or other.
 */
kind: string, mode: CollectionMode, notes: string | null, items: number, created_at: string, };

export type CollectionEntry = { item: Item, card: Card | null, 
/**
 * Pass as `after` for the next page.
 */
cursor: string, };

export type ValuePoint = { 
/**
 * YYYY-MM-DD (UTC).
 */
on: string, value: Money, };

export type CatalogueReport = { 
/**
 * mtgjson, scryfall or pokemontcg.
 */
source: string, sets: number, cards: number, 
/**
 * Price points written (only where the price moved).
 */
prices: number, };

export type CompletionCard = { number: string, name: string, rarity: string | null, copies: number, 
/**
 * The finishes owned, ';'-separated.
 */
finishes: string, };

export type Completion = { game: string, set_code: string, set_name: string, 
/**
 * Distinct collector numbers in the catalogue's list of the set.
 */
total: number, 
/**
 * Of those, how many are owned (any finish, at least one copy).
 */
owned: number, 
/**
 * Owned in a foil finish (foil, etched, reverse holo…).
 */
owned_foil: number, 
/**
 * Copies beyond the first of each owned number, all finishes together.
 */
duplicates: number, 
/**
 * owned / total, in percent with one decimal.
 */
percent: number, 
/**
 * What the owned copies are worth, in the home currency: each card's
 * own value, else its catalogue card's latest market price for its
 * finish (cards valued in another currency are left out, and counted
 * in `unvalued`).
 */
value_owned: Money, unvalued: number, 
/**
 * Cards of the set whose number the catalogue does not list (promos,
 * typos): owned but not counted.
 */
unlisted: number, cards: Array<CompletionCard>, };

export type Preset = "mana_box" | "tcgplayer_collection" | "tcgplayer_seller" | "dragon_shield" | "homebox" | "generic";

export type CollectionFormat = "trove" | "mana_box" | "tcgplayer";

export type Stock = { 
/**
 * Units on hand.
 */
quantity: number, 
/**
 * Units promised to sales not yet shipped.
 */
committed: number, 
/**
 * What a listing may offer: on hand, less committed.
 */
available: number, };

export type Platform = "ebay" | "etsy" | "shopify" | "poshmark" | "mercari" | "depop" | "whatnot" | "facebook" | "other";

export type PlatformInfo = { platform: Platform, name: string, 
/**
 * Worked through the sync outbox; the others through the checklist.
 */
has_api: boolean, };

export type ListingStatus = "draft" | "pending" | "active" | "sold" | "ended" | "error";

export type Listing = { id: string, item_id: string, platform: Platform, status: ListingStatus, 
/**
 * The listing's own title, when it differs from the item's.
 */
title: string | null, description: string | null, 
/**
 * The listing's price, when it differs from the item's.
 */
price: Money | null, 
/**
 * What the buyer pays for shipping, if set.
 */
shipping: Money | null, platform_listing_id: string | null, url: string | null, listed_at: string | null, sold_at: string | null, ended_at: string | null, last_error: string | null, created_at: string, updated_at: string, 
/**
 * What the platform needs beyond the common fields: its category,
 * the shipping profile (from a template).
 */
platform_data: unknown, };

export type ListingInput = { title: string | null, description: string | null, 
/**
 * `12.50`, or `12.50 EUR` in another currency than the home one.
 */
price: string | null, shipping: string | null, };

export type OutboxKind = "create" | "update" | "update_quantity" | "end" | "answer_offer";

export type OutboxJob = { id: string, platform: Platform, 
/**
 * `None` for a kind this build does not know (a newer Trove's).
 */
kind: OutboxKind | null, listing_id: string | null, 
/**
 * What to send, as JSON.
 */
payload: unknown, idempotency_key: string, 
/**
 * `pending`, `running`, `done` or `dead`.
 */
state: string, attempts: number, last_error: string | null, created_at: string, };

export type ListingWithJobs = { listing: Listing, 
/**
 * Where its status may go from here (the core's rule), for the buttons.
 */
next: Array<ListingStatus>, jobs: Array<OutboxJob>, };

export type ItemListings = { listings: Array<ListingWithJobs>, stock: Stock, templates: Array<Template>, platforms: Array<PlatformInfo>, };

export type Template = { id: string, name: string, title: string | null, description: string | null, 
/**
 * The category's path (`Clothing > Women > Coats`).
 */
category: string | null, shipping_service: string | null, package: string | null, weight_grams: number | null, };

export type TemplateInput = { name: string, title: string | null, description: string | null, category: string | null, shipping_service: string | null, package: string | null, weight_grams: number | null, };

export type Listed = { 
/**
 * The new listings, published (pending: the marketplace is told, or
 * the checklist says what to do).
 */
created: Array<Listing>, 
/**
 * Platforms skipped, with why (already listed there).
 */
skipped: Array<string>, };

export type ListingView = { "view": "all" } | { "view": "stale", days: number, } | { "view": "without_stock" };

export type ListingQuery = { view: ListingView, platform: Platform | null, status: ListingStatus | null, after: string | null, limit: number, };

export type ListingRow = { listing: Listing, title: string, sku: string | null, location: string | null, available: number, 
/**
 * The item's own price: what the listing asks when it sets none.
 */
item_price: Money | null, };

export type ListingPage = { rows: Array<ListingRow>, 
/**
 * Where the next page starts; none on the last.
 */
next: string | null, };

export type UnlistedItem = { item_id: string, title: string, sku: string | null, location: string | null, available: number, };

export type UnlistedPage = { items: Array<UnlistedItem>, next: string | null, };

export type AssistedTask = { id: string, listing_id: string | null, platform: Platform, 
/**
 * `create`, `update`, `update_quantity`, `end`, `answer_offer`.
 */
action: string, 
/**
 * What to paste: title, description, price, quantity, as relevant.
 */
payload: unknown, 
/**
 * The sentence to show.
 */
reason: string, created_at: string, done_at: string | null, };

export type SaleStatus = "pending" | "confirmed" | "shipped" | "delivered" | "cancelled" | "returned";

export type SaleLine = { item_id: string, title: string, quantity: number, 
/**
 * Units of this line that came back.
 */
returned: number, };

export type Sale = { id: string, platform: Platform, platform_order_id: string | null, listing_id: string | null, buyer: string | null, 
/**
 * What the buyer paid for the items.
 */
price: Money, 
/**
 * What the buyer paid for shipping.
 */
shipping: Money, 
/**
 * Sales tax collected (shown, not income).
 */
tax: Money, 
/**
 * Given back to the buyer (a return, or a partial refund).
 */
refunded: Money, status: SaleStatus, carrier: string | null, tracking: string | null, sold_at: string, shipped_at: string | null, lines: Array<SaleLine>, };

export type LineInput = { item: string, quantity: number, };

export type SaleInput = { platform: string, 
/**
 * The platform's order number: recording the same one twice changes
 * nothing.
 */
order_id: string | null, buyer: string | null, lines: Array<LineInput>, 
/**
 * `12.50`, or `12.50 EUR`.
 */
price: string, shipping: string | null, tax: string | null, };

export type Recorded = { sale: Sale, 
/**
 * False when this order was recorded before: nothing changed.
 */
new: boolean, };

export type SaleDefaults = { item_id: string, title: string, sku: string | null, 
/**
 * Units free to sell (on hand less those committed to unshipped sales).
 */
available: number, 
/**
 * True for a stack (or a card with copies): the form asks how many.
 */
asks_quantity: boolean, 
/**
 * The platform of its live listing (the newest, active before
 * pending), if any.
 */
platform: Platform | null, 
/**
 * That listing's price, else the item's.
 */
price: Money | null, };

export type PickLine = { sale_id: string, platform: Platform, platform_order_id: string | null, buyer: string | null, sold_at: string, item_id: string, title: string, sku: string | null, quantity: number, 
/**
 * The section's code, else the bin's: what is printed on the shelf.
 */
location_code: string | null, 
/**
 * Bin and section names, or the free-text location.
 */
location: string | null, picked_at: string | null, };

export type CountedItem = { item_id: string, title: string, sku: string | null, 
/**
 * Where the item is recorded.
 */
location: string | null, 
/**
 * Its pending or active listings.
 */
live_listings: number, };

export type StockTake = { 
/**
 * The bin or section counted.
 */
location: string, 
/**
 * Recorded here and scanned.
 */
found: Array<CountedItem>, 
/**
 * Recorded here, not scanned: find them, or end their listings.
 */
missing: Array<CountedItem>, 
/**
 * Scanned here, recorded somewhere else: move them here.
 */
elsewhere: Array<CountedItem>, 
/**
 * Scanned codes that are no item.
 */
unknown: Array<string>, verified_at: string, };

export type Unverified = { code: string, name: string, 
/**
 * Never, when none.
 */
verified_at: string | null, };

export type OfferStatus = "pending" | "accepted" | "declined" | "countered" | "expired" | "cancelled";

export type Offer = { id: string, listing_id: string, platform: Platform, item_id: string, title: string, buyer: string | null, amount: Money, counter: Money | null, status: OfferStatus, expires_at: string | null, created_at: string, };

export type OfferInput = { 
/**
 * `30`, or `30 EUR`.
 */
amount: string, buyer: string | null, 
/**
 * The platform's own id for it, when it came from one.
 */
platform_offer_id: string | null, 
/**
 * Hours until it lapses (none: it waits for an answer).
 */
expires_in_hours: number | null, };

export type RuleSettings = { "kind": "answer_offers", accept_at: number, decline_below: number, counter_at: number, } | { "kind": "price_drop", after_days: number, percent: number, floor: Money | null, } | { "kind": "relist", after_days: number, };

export type Rule = { id: string, name: string, settings: RuleSettings, enabled: boolean, };

export type Decision = { record_type: string, record_id: string, 
/**
 * `accept`, `decline`, `counter`, `price`, `relist`, `skip`.
 */
action: string, 
/**
 * The sentence shown.
 */
detail: string, };

export type RuleRun = { rule: string, dry_run: boolean, at: string, decisions: Array<Decision>, };

export type Notification = { id: string, 
/**
 * `double_sale`, `sale`, `offer`, `low_stock`, …
 */
kind: string, record_type: string | null, record_id: string | null, message: string, created_at: string, read_at: string | null, };
