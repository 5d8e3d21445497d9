import { describe, expect, it } from "vitest";
import type { CatalogueSet } from "../../lib/bindings";
import { chosenCode, matchingSets } from "./sets";

const set = (code: string, name: string): CatalogueSet => ({
  game: "magic",
  code,
  name,
  released_on: null,
  cards: 1,
});

// Newest first, as the catalogue lists them.
const SETS = [
  set("MH3", "Modern Horizons 3"),
  set("MKM", "Murders at Karlov Manor"),
  set("MH2", "Modern Horizons 2"),
  set("SV1", "Scarlet & Violet Pokémon"),
  set("M", "Mirage"),
];

const codes = (sets: CatalogueSet[]) => sets.map((s) => s.code);

describe("matchingSets", () => {
  it("puts the exact code first, then codes starting with it, then names", () => {
    expect(codes(matchingSets(SETS, "m"))).toEqual(["M", "MH3", "MKM", "MH2", "SV1"]);
    expect(codes(matchingSets(SETS, "horizons"))).toEqual(["MH3", "MH2"]);
  });

  it("ignores case, accents and surrounding spaces", () => {
    expect(codes(matchingSets(SETS, " mh2 "))).toEqual(["MH2"]);
    expect(codes(matchingSets(SETS, "pokemon"))).toEqual(["SV1"]);
  });

  it("lists every set, newest first, for a blank search", () => {
    expect(codes(matchingSets(SETS, ""))).toEqual(codes(SETS));
  });
});

describe("chosenCode", () => {
  it("takes the exact code, or the only match", () => {
    expect(chosenCode(SETS, "mkm")).toBe("MKM");
    expect(chosenCode(SETS, "karlov")).toBe("MKM");
  });

  it("keeps a typed code the catalogue does not know, and an ambiguous name", () => {
    expect(chosenCode(SETS, "XYZ")).toBe("XYZ");
    expect(chosenCode(SETS, "horizons")).toBe("horizons");
  });
});
