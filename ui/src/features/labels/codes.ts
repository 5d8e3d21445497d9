// What the code box accepts, and what the rendered pages say about
// themselves; pure functions so the screen stays about the screen.

/** A location code as Trove gives them out (`B12`, `B12-3`), any case. */
const LOCATION = /^b\d{1,9}(-\d{1,9})?$/i;

/**
 * The codes typed or pasted into the box: split on commas and semicolons
 * (SKUs may hold spaces), trimmed, location codes in capitals as printed.
 */
export function parseCodes(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .map((c) => (LOCATION.test(c) ? c.toUpperCase() : c));
}

/** A bin's code (`B12`), whose labels include one per section. */
export function isBinCode(code: string): boolean {
  return /^B\d{1,9}$/i.test(code);
}

/** `list` followed by those of `more` it does not already hold. */
export function addCodes(list: readonly string[], more: readonly string[]): string[] {
  const out = [...list];
  for (const c of more) if (!out.includes(c)) out.push(c);
  return out;
}

/** The page size, in mm, an SVG document from the label renderer declares. */
export function pageMm(svg: string): { width: number; height: number } | null {
  const open = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!open) return null;
  const width = /\swidth="([\d.]+)mm"/.exec(open)?.[1];
  const height = /\sheight="([\d.]+)mm"/.exec(open)?.[1];
  if (!width || !height) return null;
  return { width: Number(width), height: Number(height) };
}
