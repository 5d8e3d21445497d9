// What the inventory screen is showing: search text, filters and order, as
// plain data with pure functions, so the screen can keep it in $state, save
// it between runs and turn it into the queries Rust expects.
import type { Condition, Filters, ListQuery, SearchQuery, Sort, Status } from "./bindings";

export interface ViewState {
  text: string;
  filters: Filters;
  sort: Sort;
  reverse: boolean;
}

export const EMPTY_FILTERS: Filters = {
  status: null,
  location: null,
  category: null,
  condition: null,
  price_min: null,
  price_max: null,
  currency: null,
};

export const INITIAL_VIEW: ViewState = {
  text: "",
  filters: EMPTY_FILTERS,
  sort: "newest",
  reverse: false,
};

// Runtime copies of the generated unions. Typing them as Record<Union, true>
// makes the compiler reject a missing or extra name when Rust changes.
const SORTS: Record<Sort, true> = {
  newest: true,
  title: true,
  price: true,
  quantity: true,
  updated: true,
};
const STATUSES: Record<Status, true> = { draft: true, active: true, sold: true, archived: true };
const CONDITIONS: Record<Condition, true> = {
  new: true,
  like_new: true,
  excellent: true,
  good: true,
  fair: true,
  poor: true,
};

function isKey<K extends string>(set: Record<K, true>, value: unknown): value is K {
  // Not Object.hasOwn: the build targets Safari 15.0, which lacks it.
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(set, value);
}

/** True when the view is a text search rather than the plain list. */
export function isSearch(v: ViewState): boolean {
  return v.text.trim() !== "";
}

/** Trimmed text, or null when there is none. */
function text(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/**
 * A price bound as typed, if it looks like a number: digits with `.` or `,`.
 * Whether it is a valid amount for the currency (separators, precision) is
 * Rust's to judge and explain; this only keeps words out of the query.
 */
function price(value: unknown): string | null {
  const t = text(value);
  return t !== null && /^[\d.,]+$/.test(t) && /\d/.test(t) ? t : null;
}

/**
 * Filters ready to send: text trimmed, blanks null, unknown enum values
 * dropped. The object is rebuilt with exactly the fields Rust knows, since
 * it rejects unknown ones, and in a fixed order, which viewKey relies on.
 */
export function cleanFilters(f: Filters): Filters {
  return {
    status: isKey(STATUSES, f.status) ? f.status : null,
    location: text(f.location),
    category: text(f.category),
    condition: isKey(CONDITIONS, f.condition) ? f.condition : null,
    price_min: price(f.price_min),
    price_max: price(f.price_max),
    currency: text(f.currency),
  };
}

/** How many filters are on, for the "Filters (2)" badge. */
export function activeFilterCount(f: Filters): number {
  const c = cleanFilters(f);
  // A price range is one filter however many ends it has; the currency only
  // says what the range is in.
  const price = c.price_min !== null || c.price_max !== null;
  const others = [c.status, c.location, c.category, c.condition].filter((x) => x !== null);
  return others.length + (price ? 1 : 0);
}

/** The list query for one page after key-set cursor `after`. */
export function toListQuery(v: ViewState, after: string | null, limit: number): ListQuery {
  return { filters: cleanFilters(v.filters), sort: v.sort, reverse: v.reverse, after, limit };
}

/** The search query for one page at `offset`; the text goes as typed. */
export function toSearchQuery(v: ViewState, offset: number, limit: number): SearchQuery {
  return { text: v.text, filters: cleanFilters(v.filters), limit, offset };
}

/** Clicking a column header: the same column flips direction, another starts ascending. */
export function toggleSort(v: ViewState, sort: Sort): ViewState {
  return v.sort === sort ? { ...v, reverse: !v.reverse } : { ...v, sort, reverse: false };
}

/**
 * A string that is equal for views that ask Rust the same thing, used to
 * drop responses to a view that has since changed. Blank text is the plain
 * list whatever spaces it has; filters compare as they'll be sent.
 */
export function viewKey(v: ViewState): string {
  return JSON.stringify([isSearch(v) ? v.text : "", cleanFilters(v.filters), v.sort, v.reverse]);
}

/** The view as JSON, for localStorage. */
export function saveView(v: ViewState): string {
  return JSON.stringify({
    text: v.text,
    filters: cleanFilters(v.filters),
    sort: v.sort,
    reverse: v.reverse,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A view saved by saveView (or by an older version of the app). Each field
 * that can't be read falls back to its initial value, so one stale setting
 * doesn't lose the rest; text that isn't a saved view at all gives
 * INITIAL_VIEW. Always a fresh object, safe to mutate.
 */
export function loadView(saved: string | null): ViewState {
  let data: unknown = null;
  try {
    data = saved === null ? null : JSON.parse(saved);
  } catch {
    data = null;
  }
  if (!isRecord(data)) return { ...INITIAL_VIEW, filters: { ...EMPTY_FILTERS } };
  const f = isRecord(data.filters) ? data.filters : {};
  return {
    text: typeof data.text === "string" ? data.text : "",
    filters: cleanFilters({
      status: isKey(STATUSES, f.status) ? f.status : null,
      location: text(f.location),
      category: text(f.category),
      condition: isKey(CONDITIONS, f.condition) ? f.condition : null,
      price_min: text(f.price_min),
      price_max: text(f.price_max),
      currency: text(f.currency),
    }),
    sort: isKey(SORTS, data.sort) ? data.sort : INITIAL_VIEW.sort,
    reverse: data.reverse === true,
  };
}
