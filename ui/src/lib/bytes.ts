// File sizes for people, in the decimal units file managers show
// (1 MB = 1,000,000 bytes), with at most one decimal.

const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** 512 → "512 bytes", 2_400_000 → "2.4 MB" (in `locale`'s words and digits). */
export function formatBytes(bytes: number, locale?: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  // Stepping on the rounded value keeps 999,960 bytes from reading "1,000 kB".
  while (Math.round(value * 10) / 10 >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: "unit",
    unit: UNITS[unit],
    unitDisplay: unit === 0 ? "long" : "short",
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
