import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CommandError } from "../../lib/ipc";
import {
  daysUntil,
  formErrors,
  localDate,
  releaseWhen,
  slipHistory,
  typedMoney,
  wishAgain,
} from "./wants";

const slip = (from_on: string, to_on: string) => ({
  from_on,
  to_on,
  noted_at: "2026-05-01T10:00:00Z",
});

describe("slipHistory", () => {
  it("is empty for a date that never moved", () => {
    expect(slipHistory({ slips: [] })).toEqual({ count: 0, earlier: [] });
  });

  it("lists every earlier date, first promised first", () => {
    const h = slipHistory({
      slips: [slip("2026-12-01", "2027-01-15"), slip("2027-01-15", "2027-03-01")],
    });
    expect(h).toEqual({ count: 2, earlier: ["2026-12-01", "2027-01-15"] });
  });
});

describe("daysUntil and releaseWhen", () => {
  // Clocks in Berlin go forward in the night to 2026-03-29.
  beforeAll(() => vi.stubEnv("TZ", "Europe/Berlin"));
  afterAll(() => vi.unstubAllEnvs());
  const today = () => new Date(2026, 2, 28, 23, 30); // late in the day, local time

  it("counts calendar days, across a daylight-saving change", () => {
    expect(daysUntil("2026-03-28", today())).toBe(0);
    expect(daysUntil("2026-03-29", today())).toBe(1);
    expect(daysUntil("2026-04-30", today())).toBe(33);
    expect(daysUntil("2026-03-25", today())).toBe(-3);
  });

  it("reads nothing but YYYY-MM-DD", () => {
    expect(daysUntil("28/03/2026", today())).toBeNull();
    expect(releaseWhen(null)).toBe("");
  });

  it("says how far off a release is, or how late", () => {
    expect(releaseWhen(0)).toBe("today");
    expect(releaseWhen(1)).toBe("tomorrow");
    expect(releaseWhen(12)).toBe("in 12 days");
    expect(releaseWhen(-1)).toBe("1 day late");
    expect(releaseWhen(-4)).toBe("4 days late");
  });
});

describe("typedMoney and wishAgain", () => {
  it("gives money back as the text it is typed as, with its currency", () => {
    expect(typedMoney({ amount: 1250, currency: "EUR", decimal: "12.50" })).toBe("12.50 EUR");
    expect(typedMoney({ amount: 1500, currency: "JPY", decimal: "1500" })).toBe("1500 JPY");
    expect(typedMoney(null)).toBe("");
  });

  it("puts a removed wish back with its price and notes", () => {
    const wish = {
      id: "w1",
      title: "Black Lotus",
      catalogue_card_id: null,
      finish: null,
      max_price: { amount: 500000, currency: "USD", decimal: "5000.00" },
      notes: null,
      created_at: "2026-01-02T03:04:05Z",
    };
    expect(wishAgain(wish)).toEqual({ title: "Black Lotus", max_price: "5000.00 USD", notes: "" });
  });
});

describe("localDate", () => {
  beforeAll(() => vi.stubEnv("TZ", "America/New_York"));
  afterAll(() => vi.unstubAllEnvs());

  it("shows the date the time fell on where the person is", () => {
    expect(localDate("2026-01-02T12:00:00Z")).toBe("2026-01-02");
    expect(localDate("2026-01-02T03:00:00Z")).toBe("2026-01-01");
  });

  it("shows an unreadable time as it is", () => {
    expect(localDate("soon")).toBe("soon");
  });
});

describe("formErrors", () => {
  it("puts each field's problems beside it", () => {
    const e = new CommandError({
      code: "invalid",
      message: "max_price: not an amount",
      fields: [
        { field: "max_price", value: "abc", code: "money_not_amount", message: "not an amount" },
      ],
    });
    expect(formErrors(e)).toEqual({ fields: { max_price: "not an amount" }, general: null });
  });

  it("drops the field's name from a sentence shown beside it", () => {
    const e = new CommandError({
      code: "invalid",
      message: "release_on: write the date as YYYY-MM-DD",
      fields: [
        {
          field: "release_on",
          value: "soon",
          code: "date",
          message: "release_on: write the date as YYYY-MM-DD",
        },
      ],
    });
    expect(formErrors(e).fields).toEqual({ release_on: "write the date as YYYY-MM-DD" });
  });

  it("puts an unknown item at the item field, as the core names it", () => {
    const message = "no item has the id, SKU or barcode 'X-1'";
    const e = new CommandError({
      code: "invalid",
      message,
      fields: [{ field: "item", value: "X-1", code: "item_unknown", message }],
    });
    expect(formErrors(e)).toEqual({ fields: { item: message }, general: null });
  });

  it("says a failure no field is named in as one sentence", () => {
    const e = new CommandError({ code: "not_found", message: "no item matches 'X-1'", fields: [] });
    expect(formErrors(e)).toEqual({ fields: {}, general: "no item matches 'X-1'" });
  });

  it("keeps anything else as one sentence", () => {
    expect(formErrors(new Error("disk full"))).toEqual({ fields: {}, general: "disk full" });
  });
});
