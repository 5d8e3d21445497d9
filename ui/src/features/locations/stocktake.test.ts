import { describe, expect, it } from "vitest";
import { addScan, nameScan, scannedCodes, type ScanLine } from "./stocktake";

describe("a count's scans", () => {
  it("puts a new code on top and counts a repeat on its line", () => {
    let lines: ScanLine[] = [];
    for (const code of ["SKU-1", "SKU-2", " sku-1 ", "", "SKU-3"]) lines = addScan(lines, code);
    expect(lines.map((l) => [l.code, l.times])).toEqual([
      ["SKU-3", 1],
      ["SKU-1", 2],
      ["SKU-2", 1],
    ]);
    expect(scannedCodes(lines)).toEqual(["SKU-3", "SKU-1", "SKU-2"]);
  });

  it("names a line once its code is looked up", () => {
    const lines = nameScan(addScan(addScan([], "A"), "B"), "A", "Teapot");
    expect(lines.find((l) => l.code === "A")?.title).toBe("Teapot");
    expect(lines.find((l) => l.code === "B")?.title).toBeNull();
  });
});
