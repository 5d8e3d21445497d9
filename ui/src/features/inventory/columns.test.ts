import { describe, expect, it } from "vitest";
import type { Card, Item } from "../../lib/bindings";
import { cardForm, cardFromForm } from "../cards/card";
import { CARD_COLUMNS, gridOf } from "./columns";

const item = { id: "i1", title: "Ashen Lantern", sku: "MB-1", quantity: 3 } as Item;

function card(fields: Partial<Record<string, string>>): Card {
  const out = cardFromForm({ ...cardForm(null, "USD"), ...fields }, null);
  if (!("card" in out)) throw new Error(JSON.stringify(out.errors));
  return out.card;
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
      grade: "9.5",
      value: "1234.5",
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
