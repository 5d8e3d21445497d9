// What a photo import did, in one sentence for its toast or panel.
import type { PhotoImportReport } from "../../lib/bindings";

function count(n: number, what: string): string {
  return `${n.toLocaleString("en-US")} ${what}${n === 1 ? "" : "s"}`;
}

/**
 * The sentence for an import into the item titled `title` (null: the
 * inbox) that ended with `report` or `error`, or is still running.
 */
export function describeImport(
  title: string | null,
  report: PhotoImportReport | null,
  error: string | null,
): string {
  const where = title === null ? "the photo inbox" : `'${title}'`;
  if (error) return `Photo import failed: ${error}`;
  if (!report) return `Importing into ${where}`;
  const parts = [`Added ${count(report.imported.length, "photo")} to ${where}`];
  if (report.already.length > 0) parts.push(`${report.already.length} already there`);
  if (report.skipped.length > 0) parts.push(`${count(report.skipped.length, "file")} skipped`);
  if (report.ignored > 0) parts.push(`${count(report.ignored, "other file")} left alone`);
  if (report.cancelled) parts.push("stopped before the end");
  return parts.join("; ");
}
