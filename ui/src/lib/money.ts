// Display of money kept as integer minor units (cents, yen, fils). The core
// owns how many digits a currency has (ISO 4217) and sends every amount with
// its decimal text ("50.00" for 5000 HUF). The web view's own Intl data is
// not asked: V8's ICU (Node, Chromium, WebView2) says HUF has 0 digits and
// would show 5000 HUF minor units as "5,000 Ft". Intl formats only the whole
// part (a safe integer, so exact), and the core's fraction digits are put
// back verbatim, in the locale's numbering system.
import type { Money } from "./bindings";

/** Whole and fractional digit strings of |amount| from the core's text, and its sign. */
function split(m: Money): { negative: boolean; whole: string; fraction: string } {
  const negative = m.decimal.startsWith("-");
  const unsigned = negative ? m.decimal.slice(1) : m.decimal;
  const dot = unsigned.indexOf(".");
  return dot < 0
    ? { negative, whole: unsigned, fraction: "" }
    : { negative, whole: unsigned.slice(0, dot), fraction: unsigned.slice(dot + 1) };
}

/** Plain decimal text for inputs, as the core wrote it: 123456 USD → "1234.56", 1500 JPY → "1500". */
export function decimalText(m: Money): string {
  return m.decimal;
}

interface Formatter {
  currency: Intl.NumberFormat;
  /** Formats a single digit 0–9 in the locale's numbering system. */
  digit: Intl.NumberFormat;
}

// A table shows thousands of prices; building a NumberFormat per cell is the
// expensive part, so formatters are kept per locale and currency.
const formatters = new Map<string, Formatter>();

function formatter(currency: string, digits: number, locale: string | undefined): Formatter {
  const key = `${locale ?? ""}|${currency}|${digits}`;
  let f = formatters.get(key);
  if (!f) {
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
  const { negative, whole, fraction } = split(m);
  const f = formatter(m.currency, fraction.length, locale);
  // -0 keeps the minus sign on amounts like -5 cents whose whole part is 0.
  const wholeNumber = negative ? -Number(whole) : Number(whole);
  const localFraction = Array.from(fraction, (d) => f.digit.format(Number(d))).join("");
  const text = f.currency
    .formatToParts(wholeNumber)
    .map((part) => (part.type === "fraction" ? localFraction : part.value))
    .join("");
  return isCurrencyFormat(f.currency) ? text : `${m.currency} ${text}`;
}
