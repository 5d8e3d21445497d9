import { describe, expect, it } from "vitest";
import type { Card } from "../../lib/bindings";
import { cardForm, cardFromForm, gradeText, linePoints, parseAmount } from "./card";

describe("card form", () => {
  it("round-trips a graded, valued card", () => {
    const form = cardForm(null, "USD");
    Object.assign(form, {
      set_code: "MH3",
      collector_number: "12",
      grader: "PSA",
      grade: "9.5",
      value: "12.50",
    });
    const out = cardFromForm(form, null);
    expect("card" in out).toBe(true);
    const card = (out as { card: Card }).card;
    expect(card.grade).toBe(95);
    expect(card.value).toEqual({ amount: 1250, currency: "USD" });
    expect(cardForm(card, "USD").grade).toBe("9.5");
    expect(cardForm(card, "USD").value).toBe("12.50");
  });

  it("refuses quarter grades, bad serials and amounts with too many decimals", () => {
    const form = cardForm(null, "USD");
    Object.assign(form, { grade: "9.25", serial: "100/99", value: "1.234" });
    const out = cardFromForm(form, null);
    expect(out).toEqual({
      errors: { grade: expect.any(String), serial: expect.any(String), value: expect.any(String) },
    });
  });

  it("reads amounts in the currency's minor units", () => {
    expect(parseAmount("1500", "JPY")).toEqual({ amount: 1500, currency: "JPY" });
    expect(parseAmount("3,5", "EUR")).toEqual({ amount: 350, currency: "EUR" });
    expect(parseAmount("-2", "USD")).toBeNull();
    expect(gradeText(100)).toBe("10");
  });
});

describe("linePoints", () => {
  it("puts the highest value at the top and spans the width", () => {
    expect(linePoints([1, 3, 2], 100, 20, 0)).toBe("0,20 50,0 100,10");
  });

  it("draws a single value level across the middle", () => {
    expect(linePoints([5], 100, 20, 2)).toBe("2,10 98,10");
    expect(linePoints([], 100, 20)).toBe("");
  });
});
