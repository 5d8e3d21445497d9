import { describe, expect, it } from "vitest";
import type { Filters } from "./bindings";
import {
  EMPTY_FILTERS,
  INITIAL_VIEW,
  activeFilterCount,
  cleanFilters,
  isSearch,
  loadView,
  saveView,
  toListQuery,
  toSearchQuery,
  toggleSort,
  viewKey,
  type ViewState,
} from "./viewState";

const filters = (f: Partial<Filters>): Filters => ({ ...EMPTY_FILTERS, ...f });
const view = (v: Partial<ViewState>): ViewState => ({ ...INITIAL_VIEW, ...v });

describe("initial state", () => {
  it("is the plain newest-first list with no filters", () => {
    expect(INITIAL_VIEW).toEqual({
      text: "",
      filters: {
        status: null,
        location: null,
        category: null,
        condition: null,
        price_min: null,
        price_max: null,
        currency: null,
      },
      sort: "newest",
      reverse: false,
    });
    expect(isSearch(INITIAL_VIEW)).toBe(false);
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
  });
});

describe("isSearch", () => {
  it("is true only for non-blank text", () => {
    expect(isSearch(view({ text: "   \t" }))).toBe(false);
    expect(isSearch(view({ text: "mug" }))).toBe(true);
    expect(isSearch(view({ text: " 0 " }))).toBe(true);
  });
});

describe("cleanFilters", () => {
  it("trims text and turns blanks into null", () => {
    const f = cleanFilters(
      filters({ location: "  B12-3 ", category: "   ", currency: " EUR ", price_min: "" }),
    );
    expect(f).toEqual(filters({ location: "B12-3", currency: "EUR" }));
  });

  it("keeps price text that looks like a number and drops anything else", () => {
    const f = (price_min: string) => cleanFilters(filters({ price_min })).price_min;
    expect(f(" 12.50 ")).toBe("12.50");
    expect(f("12,50")).toBe("12,50");
    expect(f("7")).toBe("7");
    expect(f(".5")).toBe(".5");
    expect(f("cheap")).toBeNull();
    expect(f("$5")).toBeNull();
    expect(f("-5")).toBeNull();
    expect(f(".")).toBeNull();
    expect(cleanFilters(filters({ price_max: " 99 " })).price_max).toBe("99");
  });

  it("drops enum values Rust wouldn't accept and fields it doesn't know", () => {
    const dirty = {
      ...filters({ status: "active", condition: "like_new" }),
      extra: "x",
    } as Filters;
    expect(cleanFilters(dirty)).toEqual(filters({ status: "active", condition: "like_new" }));
    expect(Object.keys(cleanFilters(dirty))).not.toContain("extra");
    const bad = { ...EMPTY_FILTERS, status: "lost", condition: "mint" } as unknown as Filters;
    expect(cleanFilters(bad)).toEqual(EMPTY_FILTERS);
  });

  it("does not change its argument", () => {
    const f = filters({ location: " B1 " });
    cleanFilters(f);
    expect(f.location).toBe(" B1 ");
  });
});

describe("activeFilterCount", () => {
  it("counts each filter that is set", () => {
    expect(activeFilterCount(filters({ status: "sold" }))).toBe(1);
    expect(
      activeFilterCount(
        filters({ status: "sold", location: "B1", category: "Books", condition: "good" }),
      ),
    ).toBe(4);
  });

  it("counts a price range as one filter and a currency alone as none", () => {
    expect(activeFilterCount(filters({ price_min: "5", price_max: "10" }))).toBe(1);
    expect(activeFilterCount(filters({ price_max: "10" }))).toBe(1);
    expect(activeFilterCount(filters({ currency: "USD" }))).toBe(0);
    expect(activeFilterCount(filters({ price_min: "5", currency: "USD", location: "B1" }))).toBe(2);
  });

  it("ignores blank filters", () => {
    expect(activeFilterCount(filters({ location: "  ", price_min: " " }))).toBe(0);
  });
});

describe("queries", () => {
  it("builds a list query with cleaned filters, order and cursor", () => {
    const v = view({ filters: filters({ location: " B1 " }), sort: "price", reverse: true });
    expect(toListQuery(v, "c42", 100)).toEqual({
      filters: filters({ location: "B1" }),
      sort: "price",
      reverse: true,
      after: "c42",
      limit: 100,
    });
    expect(toListQuery(INITIAL_VIEW, null, 50).after).toBeNull();
  });

  it("builds a search query with the text as typed", () => {
    const v = view({ text: "  blue MUG* ", filters: filters({ category: "Kitchen " }) });
    expect(toSearchQuery(v, 200, 100)).toEqual({
      text: "  blue MUG* ",
      filters: filters({ category: "Kitchen" }),
      limit: 100,
      offset: 200,
    });
  });
});

describe("toggleSort", () => {
  it("flips direction on the same column and resets it on another", () => {
    const byTitle = toggleSort(INITIAL_VIEW, "title");
    expect([byTitle.sort, byTitle.reverse]).toEqual(["title", false]);
    const reversed = toggleSort(byTitle, "title");
    expect([reversed.sort, reversed.reverse]).toEqual(["title", true]);
    expect(toggleSort(reversed, "title").reverse).toBe(false);
    const byPrice = toggleSort(reversed, "price");
    expect([byPrice.sort, byPrice.reverse]).toEqual(["price", false]);
    expect(toggleSort(INITIAL_VIEW, "newest").reverse).toBe(true);
  });

  it("leaves the other fields and the original view alone", () => {
    const v = view({ text: "mug", filters: filters({ status: "active" }) });
    const t = toggleSort(v, "quantity");
    expect(t.text).toBe("mug");
    expect(t.filters).toEqual(v.filters);
    expect(v.sort).toBe("newest");
  });
});

describe("viewKey", () => {
  it("is equal for views that ask the same thing", () => {
    const a = view({ filters: filters({ location: "B1" }), sort: "title" });
    const b = view({ filters: filters({ location: " B1 ", category: "" }), sort: "title" });
    expect(viewKey(a)).toBe(viewKey(b));
    expect(viewKey(view({ text: "   " }))).toBe(viewKey(INITIAL_VIEW));
    expect(viewKey(structuredClone(a))).toBe(viewKey(a));
  });

  it("differs when anything that changes the results differs", () => {
    const base = view({ text: "mug" });
    const keys = [
      base,
      view({ text: "mugs" }),
      view({ text: "mug", sort: "price" }),
      view({ text: "mug", reverse: true }),
      view({ text: "mug", filters: filters({ status: "draft" }) }),
      view({ text: "mug", filters: filters({ price_min: "5" }) }),
      view({ text: "mug", filters: filters({ price_max: "5" }) }),
      view({ text: "mug", filters: filters({ currency: "EUR" }) }),
      INITIAL_VIEW,
    ].map(viewKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("saveView / loadView", () => {
  it("round-trips a view", () => {
    const v = view({
      text: "blue mug",
      filters: filters({
        status: "active",
        condition: "like_new",
        price_max: "20",
        currency: "EUR",
      }),
      sort: "updated",
      reverse: true,
    });
    expect(loadView(saveView(v))).toEqual(v);
  });

  it("gives the initial view for missing or unreadable text", () => {
    for (const bad of [null, "", "{", "null", "42", '"text"', "[1,2]"]) {
      expect(loadView(bad)).toEqual(INITIAL_VIEW);
    }
  });

  it("keeps what it can read of a damaged or older save", () => {
    const v = loadView(
      JSON.stringify({
        text: 7,
        filters: { status: "lost", location: " B2 ", price_min: 5, extra: 1 },
        sort: "colour",
        reverse: "yes",
      }),
    );
    expect(v).toEqual(view({ filters: filters({ location: "B2" }) }));
    expect(loadView('{"sort":"price"}')).toEqual(view({ sort: "price" }));
    expect(loadView('{"filters":[1]}')).toEqual(INITIAL_VIEW);
  });

  it("returns a fresh object that can be changed without touching INITIAL_VIEW", () => {
    const v = loadView(null);
    v.filters.location = "B9";
    v.text = "x";
    expect(INITIAL_VIEW.filters.location).toBeNull();
    expect(EMPTY_FILTERS.location).toBeNull();
    expect(INITIAL_VIEW.text).toBe("");
  });
});
