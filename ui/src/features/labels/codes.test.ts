import { describe, expect, it } from "vitest";
import { addCodes, pageMm, splitCodes } from "./codes";

describe("splitCodes", () => {
  it("splits pasted lists on commas and semicolons but not spaces", () => {
    expect(splitCodes("b1, B2;SKU 9,,")).toEqual(["b1", "B2", "SKU 9"]);
  });

  it("gives nothing for blank input", () => {
    expect(splitCodes("   ")).toEqual([]);
  });
});

describe("addCodes", () => {
  it("appends only codes not already listed, in order", () => {
    expect(addCodes(["B1", "X"], ["X", "B2", "B2"])).toEqual(["B1", "X", "B2"]);
  });
});

describe("pageMm", () => {
  it("reads the size of the outer svg element", () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="62mm" height="29.5mm" viewBox="0 0 62 29.5">' +
      '<svg width="10mm" height="10mm"></svg></svg>';
    expect(pageMm(svg)).toEqual({ width: 62, height: 29.5 });
  });

  it("gives null when the size is not in millimetres", () => {
    expect(pageMm('<svg width="100" height="50"></svg>')).toBeNull();
    expect(pageMm("not svg")).toBeNull();
  });
});
