// Finding a bin or section by its code in the list the core sent, so the
// detail pane shows exactly the counts the list shows.
import type { Bin, Section } from "../../lib/bindings";

export type Selected = { type: "bin"; bin: Bin } | { type: "section"; bin: Bin; section: Section };

/** The bin or section with `code` (printed in capitals, often typed in lower case). */
export function findLocation(bins: readonly Bin[], code: string): Selected | null {
  const wanted = code.trim().toUpperCase();
  for (const bin of bins) {
    if (bin.code.toUpperCase() === wanted) return { type: "bin", bin };
    const section = bin.sections.find((s) => s.code.toUpperCase() === wanted);
    if (section) return { type: "section", bin, section };
  }
  return null;
}

/** "1 item · 3 units". */
export function counts(x: { items: number; units: number }): string {
  return `${plural(x.items, "item")} · ${plural(x.units, "unit")}`;
}

export function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? "" : "s"}`;
}
