// Display of money kept as integer minor units (cents, yen, fils). The
// amount never goes through floating point: the minor units are split into
// whole and fractional digits as text, Intl formats only the whole part (a
// safe integer, so exact), and the fractional digits are put back verbatim.
import type { Money } from "./bindings";

/** Fraction digits when the runtime doesn't know a currency code. */
const FALLBACK_DIGITS = 2;

const digitsCache = new Map<string, number>();

/** How many minor-unit digits `code` has: USD 2, JPY 0, BHD 3; 2 if unknown. */
export function currencyDigits(code: string): number {
  const cached = digitsCache.get(code);
  if (cached !== undefined) return cached;
  let digits = FALLBACK_DIGITS;
  try {
    const resolved = new Intl.NumberFormat("en", { style: "currency", currency: code });
    digits = resolved.resolvedOptions().maximumFractionDigits ?? FALLBACK_DIGITS;
  } catch {
    // A malformed code (not three letters) is a RangeError; show it like
    // any other unknown currency rather than failing the whole table.
  }
  digitsCache.set(code, digits);
  return digits;
}

/** Whole and fractional digit strings of |amount|, and its sign. */
function split(m: Money): { negative: boolean; whole: string; fraction: string } {
  const digits = currencyDigits(m.currency);
  // String() of a safe integer is exact; padding makes "5" cents "005"
  // so that slicing off the fraction always leaves at least one digit.
  const text = String(Math.abs(m.amount)).padStart(digits + 1, "0");
  return {
    negative: m.amount < 0,
    whole: text.slice(0, text.length - digits),
    fraction: text.slice(text.length - digits),
  };
}

/** Plain decimal text for inputs: 123456 USD → "1234.56", 1500 JPY → "1500". */
export function decimalText(m: Money): string {
  const { negative, whole, fraction } = split(m);
  const sign = negative ? "-" : "";
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

interface Formatter {
  currency: Intl.NumberFormat;
  /** Formats a single digit 0–9 in the locale's numbering system. */
  digit: Intl.NumberFormat;
}

// A table shows thousands of prices; building a NumberFormat per cell is the
// expensive part, so formatters are kept per locale and currency.
const formatters = new Map<string, Formatter>();

function formatter(currency: string, locale: string | undefined): Formatter {
  const key = `${locale ?? ""}|${currency}`;
  let f = formatters.get(key);
  if (!f) {
    const digits = currencyDigits(currency);
    let nf: Intl.NumberFormat;
    try {
      nf = new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      // An unusable currency code: still show the number, with the code.
      nf = new Intl.NumberFormat(locale, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    }
    const numberingSystem = nf.resolvedOptions().numberingSystem;
    f = { currency: nf, digit: new Intl.NumberFormat(locale, { numberingSystem }) };
    formatters.set(key, f);
  }
  return f;
}

/** Whether `currency` formats as a currency (else the code is added as text). */
function isCurrencyFormat(nf: Intl.NumberFormat): boolean {
  return nf.resolvedOptions().style === "currency";
}

/** The window's language when the engine knows it; where none is set (no
 * LANG, so the engine falls back to POSIX: "$ 19.99", no grouping) en-US. */
export const DISPLAY_LOCALE: string = (() => {
  try {
    return Intl.NumberFormat.supportedLocalesOf([...navigator.languages])[0] ?? "en-US";
  } catch {
    return "en-US";
  }
})();

/**
 * Money for people, in `locale` (the window's language if not given):
 * {123456, "USD"} → "$1,234.56", {1500, "JPY"} → "¥1,500". "" for none.
 */
export function formatMoney(m: Money | null | undefined, locale: string = DISPLAY_LOCALE): string {
  if (!m) return "";
  const f = formatter(m.currency, locale);
  const { negative, whole, fraction } = split(m);
  // -0 keeps the minus sign on amounts like -5 cents whose whole part is 0.
  const wholeNumber = negative ? -Number(whole) : Number(whole);
  const localFraction = Array.from(fraction, (d) => f.digit.format(Number(d))).join("");
  const text = f.currency
    .formatToParts(wholeNumber)
    .map((part) => (part.type === "fraction" ? localFraction : part.value))
    .join("");
  return isCurrencyFormat(f.currency) ? text : `${m.currency} ${text}`;
}
