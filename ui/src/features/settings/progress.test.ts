import { describe, expect, it } from "vitest";
import type { ErrorCode, JobDone, JobKind, JobProgress } from "../../lib/bindings";
import { fileProgress, percentThrough, progressText, stopped } from "./progress";

describe("import progress", () => {
  it("counts a catalogue's cards and a CSV file's rows, not photos", () => {
    const job = (kind: JobKind, done: number, bytes: number, total_bytes: number): JobProgress => ({
      job: "job-1",
      kind,
      progress: { done, total: 0, bytes, total_bytes, current: "" },
    });
    expect(fileProgress(job("catalogue", 1200, 4_000_000, 80_000_000))).toEqual({
      count: 1200,
      bytes: 4_000_000,
      total_bytes: 80_000_000,
    });
    expect(fileProgress(job("csv", 7, 10, 20))).toEqual({ count: 7, bytes: 10, total_bytes: 20 });
    expect(fileProgress(job("photos", 1, 10, 20))).toBeNull();
  });

  it("is a percentage of the file's bytes, never past 100", () => {
    expect(percentThrough({ count: 0, bytes: 4_000_000, total_bytes: 80_000_000 })).toBe(5);
    expect(percentThrough({ count: 0, bytes: 90, total_bytes: 80 })).toBe(100);
    expect(percentThrough({ count: 3, bytes: 10, total_bytes: 0 })).toBe(0);
    expect(percentThrough(null)).toBe(0);
  });

  it("says the count so far and the bytes read of the file's size", () => {
    const p = { count: 12_345, bytes: 4_200_000, total_bytes: 80_000_000 };
    expect(progressText(p, "cards", "en")).toBe("12,345 cards · 4.2 MB of 80 MB");
    expect(progressText({ ...p, total_bytes: 0 }, "rows", "en")).toBe("12,345 rows");
    expect(progressText(null, "cards", "en")).toBe("Starting…");
  });

  it("tells a job the person stopped from one that failed", () => {
    const end = (code: ErrorCode): JobDone => ({
      job: "job-1",
      report: null,
      error: { code, message: "", fields: [] },
    });
    expect(stopped(end("cancelled"))).toBe(true);
    expect(stopped(end("invalid"))).toBe(false);
    expect(stopped({ job: "job-1", report: null, error: null })).toBe(false);
  });
});
