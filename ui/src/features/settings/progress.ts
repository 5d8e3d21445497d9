// How far an import job is through its file, as its progress line says it
// (pure, so it is tested without a window).
import type { JobDone, JobProgress } from "../../lib/bindings";
import { formatBytes } from "../../lib/bytes";

/** How far a job is through its file; `count` is rows or cards read. */
export interface FileProgress {
  count: number;
  bytes: number;
  total_bytes: number;
}

/** A CSV import counts rows, a catalogue cards; photo imports are not
 * files read through, so they have none. */
export function fileProgress({ kind, progress: p }: JobProgress): FileProgress | null {
  if (kind === "photos") return null;
  return { count: p.done, bytes: p.bytes, total_bytes: p.total_bytes };
}

/** How far through the file, 0–100; 0 until the size is known. */
export function percentThrough(p: FileProgress | null): number {
  if (!p || p.total_bytes <= 0) return 0;
  return Math.min(100, Math.round((p.bytes / p.total_bytes) * 100));
}

/** "12,345 cards · 4.2 MB of 80 MB"; "Starting…" before the first report. */
export function progressText(
  p: FileProgress | null,
  unit: "rows" | "cards",
  locale?: string,
): string {
  if (!p) return "Starting…";
  const count = `${p.count.toLocaleString(locale)} ${unit}`;
  if (p.total_bytes <= 0) return count;
  return `${count} · ${formatBytes(p.bytes, locale)} of ${formatBytes(p.total_bytes, locale)}`;
}

/** Whether the job ended because the person stopped it (an import then
 * keeps nothing of the file). */
export function stopped(d: JobDone): boolean {
  return d.error?.code === "cancelled";
}
