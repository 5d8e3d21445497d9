// The scans of a count, as the person made them: a code scanned again (a
// stack of the same item) is one line with its count, in first-scan order,
// newest line on top.

export interface ScanLine {
  code: string;
  times: number;
  /** What the code is, once looked up; null while unknown or not an item. */
  title: string | null;
}

/** The lines after scanning `code` (trimmed; blank ignored). */
export function addScan(lines: ScanLine[], code: string): ScanLine[] {
  const c = code.trim();
  if (c === "") return lines;
  const at = lines.findIndex((l) => l.code.toLowerCase() === c.toLowerCase());
  if (at >= 0) {
    const bumped = { ...lines[at], times: lines[at].times + 1 };
    return [bumped, ...lines.slice(0, at), ...lines.slice(at + 1)];
  }
  return [{ code: c, times: 1, title: null }, ...lines];
}

/** `code`'s line named `title`. */
export function nameScan(lines: ScanLine[], code: string, title: string): ScanLine[] {
  return lines.map((l) => (l.code === code ? { ...l, title } : l));
}

/** Every scan, as many times as it was made (the core counts repeats once). */
export function scannedCodes(lines: ScanLine[]): string[] {
  return lines.map((l) => l.code);
}
