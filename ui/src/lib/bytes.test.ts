import { describe, expect, it } from "vitest";
import { formatBytes } from "./bytes";

describe("formatBytes", () => {
  it("counts small files in bytes", () => {
    expect(formatBytes(512, "en")).toBe("512 bytes");
    expect(formatBytes(1, "en")).toBe("1 byte");
  });

  it("steps up by thousands with one decimal", () => {
    expect(formatBytes(4096, "en")).toBe("4.1 kB");
    expect(formatBytes(2_400_000, "en")).toBe("2.4 MB");
    expect(formatBytes(1_250_000_000, "en")).toBe("1.3 GB");
  });

  it("stays in the largest unit past it", () => {
    expect(formatBytes(5e15, "en")).toBe("5,000 TB");
  });

  it("steps up when rounding would reach a thousand", () => {
    expect(formatBytes(999_960, "en")).toBe("1 MB");
    expect(formatBytes(999_940, "en")).toBe("999.9 kB");
  });
});
