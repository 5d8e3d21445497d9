import { describe, expect, it } from "vitest";
import type { Card, Item } from "../../lib/bindings";
import { CARD_COLUMNS, gridOf } from "./columns";

const item = { id: "i1", title: "Ashen Lantern", sku: "MB-1", quantity: 3 } as Item;

/** A TCG card with `fields` over blank details. */
function card(fields: Partial<Card>): Card {
  return {
    kind: "tcg",
    game: null,
    set_code: null,
    set_name: null,
    collector_number: null,
    rarity: null,
    finish: "normal",
    language: null,
    legality: null,
    sport: null,
    year: null,
    series: null,
    player: null,
    team: null,
    rookie: false,
    parallel: null,
    insert_set: null,
    serial: null,
    grader: null,
    grade: null,
    grade_label: null,
    cert_number: null,
    value: null,
    tier: null,
    catalogue_card_id: null,
    ...fields,
  };
}

const cell = (id: string, c: Card | undefined) =>
  CARD_COLUMNS.find((col) => col.id === id)!.value(item, c);

describe("card columns", () => {
  it("show a graded foil card's set, number, finish, grade and value", () => {
    const c = card({
      set_code: "TRV",
      collector_number: "2a",
      finish: "reverse_holo",
      grader: "PSA",
      grade: 95,
      value: { amount: 123450, currency: "USD", decimal: "1234.50" },
    });
    expect(cell("set", c)).toBe("TRV");
    expect(cell("number", c)).toBe("2a");
    expect(cell("finish", c)).toBe("reverse holo");
    expect(cell("grade", c)).toBe("PSA 9.5");
    expect(cell("value", c)).toMatch(/1,234\.50/);
  });

  it("leave a normal finish, and every card cell of a plain item, blank", () => {
    expect(cell("finish", card({}))).toBe("");
    for (const id of ["set", "number", "rarity", "finish", "grade", "value"])
      expect(cell(id, undefined)).toBe("");
  });

  it("fit beside the nav in a 1280-pixel-wide window without scrolling sideways", () => {
    // The table is 1,112 px wide there; 1,100 leaves room for a scroll bar.
    const least = (width: string) => Number(/^(?:minmax\()?(\d+)px/.exec(width)?.[1]);
    const total = CARD_COLUMNS.reduce((sum, c) => sum + least(c.width), 0);
    expect(total).toBeLessThanOrEqual(1100);
    expect(gridOf(CARD_COLUMNS)).toMatch(/^44px minmax\(200px, 3fr\) /);
  });
});
