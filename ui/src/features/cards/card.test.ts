import { describe, expect, it } from "vitest";
import type { Card } from "../../lib/bindings";
import { cardInput, gradeText, linePoints } from "./card";

const graded: Card = {
  kind: "sports",
  game: null,
  set_code: null,
  set_name: null,
  collector_number: null,
  rarity: null,
  finish: "refractor",
  language: null,
  legality: "legal",
  sport: "Basketball",
  year: 1986,
  series: "Fleer",
  player: "Michael Jordan",
  team: null,
  rookie: true,
  parallel: null,
  insert_set: null,
  serial: { number: 12, total: 99 },
  grader: "PSA",
  grade: 95,
  grade_label: "GEM MT",
  cert_number: "123",
  value: { amount: 1250, currency: "EUR", decimal: "12.50" },
  tier: "mid",
  catalogue_card_id: null,
};

describe("card fields", () => {
  it("show a card's details as the text a person would type", () => {
    expect(cardInput(graded, "USD")).toMatchObject({
      kind: "sports",
      year: "1986",
      serial: "12/99",
      grade: "9.5",
      value: "12.50",
      value_currency: "EUR",
      team: "",
      rookie: true,
    });
  });

  it("send back what has no field, so a save keeps it", () => {
    expect(cardInput(graded, "USD")).toMatchObject({ legality: "legal", grade_label: "GEM MT" });
  });

  it("start a new card as a normal TCG card in the home currency", () => {
    const blank = cardInput(null, "JPY");
    expect(blank).toMatchObject({
      kind: "tcg",
      finish: "normal",
      value: "",
      value_currency: "JPY",
    });
    expect(Object.entries(blank).filter(([, v]) => v !== "" && v !== false)).toEqual([
      ["kind", "tcg"],
      ["finish", "normal"],
      ["value_currency", "JPY"],
    ]);
  });

  it("write whole grades without a decimal", () => {
    expect(gradeText(100)).toBe("10");
    expect(gradeText(5)).toBe("0.5");
    expect(gradeText(null)).toBe("");
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
