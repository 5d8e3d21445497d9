// The one place the UI calls Rust. Every command is typed with the
// generated bindings; every failure arrives as an ErrorBody {code, message,
// fields} and is thrown as a CommandError the screens can show.
import { convertFileSrc, invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview, type DragDropEvent } from "@tauri-apps/api/webview";
import type {
  AppInfo,
  Bin,
  Card,
  CardForm,
  CardInput,
  CatalogueSet,
  Collection,
  CollectionEntry,
  CollectionFormat,
  CollectionMode,
  Completion,
  Edit,
  ErrorBody,
  ErrorCode,
  ExportReport,
  Item,
  ItemCard,
  ItemChanges,
  ItemDetail,
  JobDone,
  JobProgress,
  LabelKey,
  LabelSize,
  LabelSizeInfo,
  ListQuery,
  Location,
  Page,
  PendingUpgrade,
  Photo,
  Preorder,
  PreorderInput,
  Preset,
  PricePoint,
  Scanned,
  SearchQuery,
  SearchResults,
  Section,
  Startup,
  Stats,
  Symbology,
  TierThresholds,
  Totals,
  Wish,
  WishInput,
  ValuePoint,
  Vocabulary,
  AssistedTask,
  ItemListings,
  LineInput,
  Listed,
  Listing,
  ListingInput,
  ListingPage,
  ListingQuery,
  ListingStatus,
  Notification,
  Offer,
  OfferInput,
  PickLine,
  Platform,
  Recorded,
  Rule,
  RuleRun,
  RuleSettings,
  Sale,
  SaleDefaults,
  SaleInput,
  StockTake,
  Template,
  TemplateInput,
  UnlistedPage,
  Unverified,
} from "./bindings";

/** A failed command: `code` is stable, `message` is for people. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly fields: ErrorBody["fields"];
  constructor(body: ErrorBody) {
    super(body.message);
    this.code = body.code;
    this.fields = body.fields ?? [];
  }
}

function isErrorBody(e: unknown): e is ErrorBody {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

async function call<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isErrorBody(e)) throw new CommandError(e);
    throw new CommandError({ code: "ipc", message: String(e), fields: [] });
  }
}

export const ipc = {
  listItems: (query: ListQuery) => call<Page>("list_items", { query }),
  searchItems: (query: SearchQuery) => call<SearchResults>("search_items", { query }),
  scanCode: (code: string) => call<Scanned>("scan_code", { code }),
  itemDetail: (key: string) => call<ItemDetail>("item_detail", { key }),
  createItem: (changes: Partial<ItemChanges>) => call<Item>("create_item", { changes }),
  editItem: (key: string, changes: Partial<ItemChanges>) =>
    call<Edit>("edit_item", { key, changes }),
  trashItem: (key: string) => call<Item>("trash_item", { key }),
  restoreItem: (key: string) => call<Item>("restore_item", { key }),
  trashList: (limit: number) => call<Item[]>("trash_list", { limit }),
  emptyTrash: () => call<number>("empty_trash"),
  moveItem: (key: string, location: string, quantity: number | null = null) =>
    call<Item>("move_item", { key, location, quantity }),
  vocabulary: () => call<Vocabulary>("vocabulary"),
  stats: () => call<Stats>("stats"),
  totals: () => call<Totals>("totals"),
  listBins: () => call<Bin[]>("list_bins"),
  location: (code: string) => call<Location>("location", { code }),
  addBin: (name: string, kind: string | null) => call<Bin>("add_bin", { name, kind }),
  addSection: (bin: string, name: string, capacity: number | null) =>
    call<Section>("add_section", { bin, name, capacity }),
  renameLocation: (code: string, name: string) => call<Location>("rename_location", { code, name }),
  deleteLocation: (code: string) => call<null>("delete_location", { code }),
  importCsv: (path: string, dryRun: boolean, skipInvalid: boolean, createLocations: boolean) =>
    call<string>("import_csv", { path, dryRun, skipInvalid, createLocations }),
  cancelJob: (job: string) => call<boolean>("cancel_job", { job }),
  exportCsv: (path: string) => call<ExportReport>("export_csv", { path }),
  /** Starts importing files and folders onto `item` (id, SKU or barcode), or into the inbox; returns the job id. */
  importPhotos: (paths: string[], item: string | null) =>
    call<string>("import_photos", { paths, item }),
  itemPhotos: (item: string) => call<Photo[]>("item_photos", { item }),
  /** Inbox photos after the photo `after` (by id), oldest import first. */
  inboxPhotos: (after: string | null, limit: number) =>
    call<Photo[]>("inbox_photos", { after, limit }),
  inboxCount: () => call<number>("inbox_count"),
  /** Small cover thumbnails of a page of items, by item id (items without photos are absent). */
  photoCovers: (items: string[]) =>
    call<Partial<Record<string, string>>>("photo_covers", { items }),
  /** Puts photos on an item after its own; returns the item's photos. */
  assignPhotos: (photos: string[], item: string) =>
    call<Photo[]>("assign_photos", { photos, item }),
  /** Back to the inbox: the undo of assignPhotos. */
  unassignPhotos: (photos: string[]) => call<null>("unassign_photos", { photos }),
  reorderPhotos: (item: string, photos: string[]) =>
    call<Photo[]>("reorder_photos", { item, photos }),
  setCoverPhoto: (photo: string) => call<Photo[]>("set_cover_photo", { photo }),
  deletePhotos: (photos: string[]) => call<number>("delete_photos", { photos }),
  appInfo: () => call<AppInfo>("app_info"),
  openDatabase: (path: string) => call<AppInfo>("open_database", { path }),
  /** Opens the sample inventory (made first if it is not there yet). */
  openSample: () => call<AppInfo>("open_sample"),
  setHomeCurrency: (code: string) => call<AppInfo>("set_home_currency", { code }),
  uiReady: () => call<Startup>("ui_ready"),
  printWindow: () => call<null>("print_window"),
  labelSizes: () => call<LabelSizeInfo[]>("label_sizes"),
  /** Labels for location codes (a bin gives its sections too) or item ids/SKUs, as one SVG per label. */
  labelSvg: (codes: string[], size: LabelSize, symbology: Symbology) =>
    call<string[]>("label_svg", { codes, size, symbology }),
  /** The codes as the list shows them (location codes in capitals), each a bin, section or item. */
  labelKeys: (codes: string[]) => call<LabelKey[]>("label_keys", { codes }),
  /** Writes the labels to `path`; `.pdf` or `.svg` decides the format. */
  saveLabels: (codes: string[], size: LabelSize, symbology: Symbology, path: string) =>
    call<string>("save_labels", { codes, size, symbology, path }),
  /** An item's card details (null when it is not a card) and the editor's fields filled from them. */
  cardForm: (item: string) => call<CardForm>("card_form", { item }),
  setCard: (item: string, card: Card) => call<Card>("set_card", { item, card }),
  /** The card details as typed; wrong fields come back named (`fields`), nothing written.
   * The saved card comes back with its fields refilled. */
  setCardInput: (item: string, input: CardInput) =>
    call<CardForm>("set_card_input", { item, input }),
  clearCard: (item: string) => call<null>("clear_card", { item }),
  /** The card details of those of `items` (ids, one table page) that are cards. */
  cardsOf: (items: string[]) => call<ItemCard[]>("cards_of", { items }),
  tierThresholds: () => call<TierThresholds>("tier_thresholds"),
  /** Thresholds as typed, in the home currency; they must rise. */
  setTierThresholds: (mid: string, high: string, grail: string) =>
    call<TierThresholds>("set_tier_thresholds", { mid, high, grail }),
  /** An item's value history, oldest first. */
  priceHistory: (item: string) => call<PricePoint[]>("price_history", { item }),
  collections: () => call<Collection[]>("collections"),
  collection: (key: string) => call<Collection>("collection", { key }),
  createCollection: (name: string, kind: string, mode: CollectionMode) =>
    call<Collection>("create_collection", { name, kind, mode }),
  setCollectionMode: (key: string, mode: CollectionMode) =>
    call<Collection>("set_collection_mode", { key, mode }),
  /** Adds items (ids, SKUs or barcodes) at the end of a collection. */
  addToCollection: (key: string, items: string[]) =>
    call<Collection>("add_to_collection", { key, items }),
  removeFromCollection: (key: string, items: string[]) =>
    call<Collection>("remove_from_collection", { key, items }),
  reorderCollection: (key: string, items: string[]) =>
    call<Collection>("reorder_collection", { key, items }),
  /** Up to `limit` entries after the cursor `after`, in the collection's order. */
  collectionPage: (key: string, after: string | null, limit: number) =>
    call<CollectionEntry[]>("collection_page", { key, after, limit }),
  collectionValueHistory: (key: string) => call<ValuePoint[]>("collection_value_history", { key }),
  exportCollection: (key: string, format: CollectionFormat, path: string) =>
    call<ExportReport>("export_collection", { key, format, path }),
  /** The catalogue's sets, newest release first. */
  catalogueSets: () => call<CatalogueSet[]>("catalogue_sets"),
  completion: (setCode: string) => call<Completion>("completion", { setCode }),
  /** Starts importing a catalogue file; returns the job id. */
  importCatalogue: (path: string) => call<string>("import_catalogue", { path }),
  /** Starts importing a card collection file (preset from its header when null); returns the job id. */
  importCards: (
    path: string,
    preset: Preset | null,
    dryRun: boolean,
    skipInvalid: boolean,
    createLocations: boolean,
  ) => call<string>("import_cards", { path, preset, dryRun, skipInvalid, createLocations }),
  wishlist: () => call<Wish[]>("wishlist"),
  /** The price as typed ("12.50", or "12.50 EUR"), blank for none. */
  addWish: (wish: WishInput) => call<Wish>("add_wish", { wish }),
  removeWish: (id: string) => call<null>("remove_wish", { id }),
  /** Pre-orders not yet received, soonest release first. */
  preorders: () => call<Preorder[]>("preorders"),
  /** Dates `YYYY-MM-DD`; deposit as typed, blank for none. A new release date is kept as a slip. */
  setPreorder: (preorder: PreorderInput) => call<Preorder>("set_preorder", { preorder }),
  receivePreorder: (item: string) => call<Preorder>("receive_preorder", { item }),

  // Selling.
  /** An item's listings (each with its sync jobs), stock, the templates and the platforms. */
  itemListings: (item: string) => call<ItemListings>("item_listings", { item }),
  /** A draft listing; blank fields show the item's own through. */
  addListing: (item: string, platform: Platform, input: ListingInput) =>
    call<Listing>("add_listing", { item, platform, input }),
  editListing: (id: string, input: ListingInput) => call<Listing>("edit_listing", { id, input }),
  setListingStatus: (id: string, status: ListingStatus) =>
    call<Listing>("set_listing_status", { id, status }),
  /** One published listing per platform from the item and a template (by name). */
  listEverywhere: (item: string, platforms: Platform[], template: string | null) =>
    call<Listed>("list_everywhere", { item, platforms, template }),
  listingTemplates: () => call<Template[]>("listing_templates"),
  saveTemplate: (input: TemplateInput) => call<Template>("save_template", { input }),
  listings: (query: ListingQuery) => call<ListingPage>("listings", { query }),
  /** Items in stock that no platform shows. */
  unlisted: (after: string | null, limit: number) =>
    call<UnlistedPage>("unlisted", { after, limit }),
  /** What to do by hand on the platforms without an API, oldest first. */
  checklist: (platform: Platform | null) => call<AssistedTask[]>("checklist", { platform }),
  checklistDone: (id: string) => call<null>("checklist_done", { id }),
  /** "Mark sold": the platform and price from the item's live listing, and whether to ask how many. */
  saleDefaults: (item: string) => call<SaleDefaults>("sale_defaults", { item }),
  recordSale: (input: SaleInput) => call<Recorded>("record_sale", { input }),
  sales: () => call<Sale[]>("sales"),
  /** The To ship queue's lines, in shelf order or oldest sale first. */
  pickList: (byLocation: boolean) => call<PickLine[]>("pick_list", { byLocation }),
  /** A scan in the queue: picks the item's line; a wrong item is refused with why. */
  pickItem: (code: string) => call<PickLine>("pick_item", { code }),
  /** Counts a bin or section against the codes scanned there; stamps it counted. */
  stockTake: (code: string, scanned: string[]) => call<StockTake>("stock_take", { code, scanned }),
  /** Bins and sections not counted in `days` days (or never), the longest unchecked first. */
  unverifiedLocations: (days: number) => call<Unverified[]>("unverified_locations", { days }),
  shipSale: (id: string, carrier: string | null, tracking: string | null) =>
    call<Sale>("ship_sale", { id, carrier, tracking }),
  cancelSale: (id: string) => call<Sale>("cancel_sale", { id }),
  /** Units back (every unit when `lines` is empty), a refund as typed, onto shelf `to` or the item's own. */
  returnSale: (id: string, lines: LineInput[], refund: string | null, to: string | null) =>
    call<Sale>("return_sale", { id, lines, refund, to }),
  offers: (listing: string | null) => call<Offer[]>("offers", { listing }),
  addOffer: (listing: string, input: OfferInput) => call<Offer>("add_offer", { listing, input }),
  acceptOffer: (id: string) => call<Recorded>("accept_offer", { id }),
  declineOffer: (id: string) => call<Offer>("decline_offer", { id }),
  counterOffer: (id: string, amount: string) => call<Offer>("counter_offer", { id, amount }),
  rules: () => call<Rule[]>("rules"),
  saveRule: (name: string, settings: RuleSettings) => call<Rule>("save_rule", { name, settings }),
  /** Runs a rule, or (dry run) says what it would do and changes nothing. */
  runRule: (name: string, dryRun: boolean) => call<RuleRun>("run_rule", { name, dryRun }),
  ruleRuns: (name: string) => call<RuleRun[]>("rule_runs", { name }),
  /** Only enabled rules run on their own (every few minutes while the app is open). */
  setRuleEnabled: (name: string, enabled: boolean) =>
    call<Rule>("set_rule_enabled", { name, enabled }),
  notifications: (unreadOnly: boolean) => call<Notification[]>("notifications", { unreadOnly }),
  unreadNotifications: () => call<number>("unread_notifications"),
  markNotificationsRead: (ids: string[]) => call<number>("mark_notifications_read", { ids }),
};

export type { LabelSizeInfo, LabelSize, Symbology };
export type LabelSymbology = Symbology;

export const events = {
  jobProgress: (f: (p: JobProgress) => void): Promise<UnlistenFn> =>
    listen<JobProgress>("job-progress", (e) => f(e.payload)),
  jobDone: (f: (d: JobDone) => void): Promise<UnlistenFn> =>
    listen<JobDone>("job-done", (e) => f(e.payload)),
  /** Files dragged over and dropped on the window from outside (positions in physical pixels). */
  dragDrop: (f: (e: DragDropEvent) => void): Promise<UnlistenFn> =>
    getCurrentWebview().onDragDropEvent((e) => f(e.payload)),
  /** The launch's database is being upgraded (answers an `appInfo` that failed with `upgrading`). */
  databaseUpgrading: (f: (u: PendingUpgrade) => void): Promise<UnlistenFn> =>
    listen<PendingUpgrade>("database-upgrading", (e) => f(e.payload)),
  /** The upgraded database is open. */
  databaseOpened: (f: (info: AppInfo) => void): Promise<UnlistenFn> =>
    listen<AppInfo>("database-opened", (e) => f(e.payload)),
  /** The upgrade failed; the database is not open. */
  /** The schedule (offer reminders, enabled rules) changed something. */
  sellingChanged: (f: () => void): Promise<UnlistenFn> => listen("selling-changed", () => f()),
  databaseFailed: (f: (e: ErrorBody) => void): Promise<UnlistenFn> =>
    listen<ErrorBody>("database-failed", (e) => f(e.payload)),
};

export type { DragDropEvent };

/** The URL the window loads a photo file by (the asset protocol, which may
 * read only the open database's photo store). */
export function photoSrc(path: string): string {
  return convertFileSrc(path);
}

/** The sentence to show for any failure. */
export function describe(e: unknown): string {
  if (e instanceof CommandError) return e.message;
  if (e instanceof Error) return e.message;
  return String(e);
}
