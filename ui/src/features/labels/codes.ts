// How the code box splits what is pasted, and what the rendered pages say
// about themselves; pure functions so the screen stays about the screen.
// What each code is (a bin, a section, an item) is the core's to say.

/**
 * The codes typed or pasted into the box: split on commas and semicolons
 * (SKUs may hold spaces), trimmed, blanks dropped.
 */
export function splitCodes(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
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
