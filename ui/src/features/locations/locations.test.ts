import { describe, expect, it } from "vitest";
import type { Bin } from "../../lib/bindings";
import { counts, findLocation } from "./locations";

const bin: Bin = {
  id: "b1",
  code: "B12",
  name: "Garage tote",
  kind: "general",
  notes: null,
  items: 3,
  units: 7,
  sections: [
    { id: "s1", bin_id: "b1", code: "B12-3", name: "Top", capacity: null, items: 1, units: 1 },
  ],
};

describe("findLocation", () => {
  it("finds a bin or a section by code, ignoring case", () => {
    expect(findLocation([bin], "b12")).toEqual({ type: "bin", bin });
    expect(findLocation([bin], "B12-3")).toEqual({
      type: "section",
      bin,
      section: bin.sections[0],
    });
  });

  it("gives null for a code nothing has", () => {
    expect(findLocation([bin], "B1")).toBeNull();
    expect(findLocation([], "B12")).toBeNull();
  });
});

describe("counts", () => {
  it("says items and units with plurals", () => {
    expect(counts({ items: 1, units: 1 })).toBe("1 item · 1 unit");
    expect(counts({ items: 3, units: 1200 })).toBe(`3 items · ${(1200).toLocaleString()} units`);
  });
});
