import { describe, expect, it } from "vitest";
import type { Photo, PhotoImportReport } from "../../lib/bindings";
import { describeImport } from "./report";

const photo = { id: "p" } as Photo;

function report(over: Partial<PhotoImportReport>): PhotoImportReport {
  return { imported: [], already: [], skipped: [], ignored: 0, cancelled: false, ...over };
}

describe("describeImport", () => {
  it("says where the photos went", () => {
    expect(describeImport("Blue Vase", report({ imported: [photo, photo] }), null)).toBe(
      "Added 2 photos to 'Blue Vase'",
    );
    expect(describeImport(null, report({ imported: [photo] }), null)).toBe(
      "Added 1 photo to the photo inbox",
    );
  });

  it("counts what was not added, and a cancel", () => {
    const r = report({
      imported: [photo],
      already: [photo],
      skipped: [{ path: "/a/notes.jpg", reason: "not a photo" }],
      ignored: 3,
      cancelled: true,
    });
    expect(describeImport(null, r, null)).toBe(
      "Added 1 photo to the photo inbox; 1 already there; 1 file skipped; " +
        "3 other files left alone; stopped before the end",
    );
  });

  it("puts a failure first and says a running import is running", () => {
    expect(describeImport("Lamp", null, "no item matches 'x'")).toBe(
      "Photo import failed: no item matches 'x'",
    );
    expect(describeImport("Lamp", null, null)).toBe("Importing into 'Lamp'");
  });
});
