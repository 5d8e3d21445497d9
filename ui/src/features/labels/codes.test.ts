import { describe, expect, it } from "vitest";
import { addCodes, isBinCode, pageMm, parseCodes } from "./codes";

describe("parseCodes", () => {
  it("capitalises location codes and keeps SKUs as typed", () => {
    expect(parseCodes(" b12 ")).toEqual(["B12"]);
    expect(parseCodes("b12-3")).toEqual(["B12-3"]);
    expect(parseCodes("blue-vase")).toEqual(["blue-vase"]);
    expect(parseCodes("a-100")).toEqual(["a-100"]);
  });

  it("splits pasted lists on commas and semicolons but not spaces", () => {
    expect(parseCodes("B1, B2;SKU 9,,")).toEqual(["B1", "B2", "SKU 9"]);
  });

  it("gives nothing for blank input", () => {
    expect(parseCodes("   ")).toEqual([]);
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

describe("isBinCode", () => {
  it("is true for a bin's code only", () => {
    expect(isBinCode("B12")).toBe(true);
    expect(isBinCode("B12-3")).toBe(false);
    expect(isBinCode("SKU-1")).toBe(false);
  });
});
