import { describe, expect, it } from "vitest";
import type { Money } from "./bindings";
import { decimalText, formatMoney } from "./money";

/** Intl puts a no-break space between a code and the number; compare as plain spaces. */
const plain = (s: string) => s.replace(/\u00a0/g, " ");

/** Money as the core sends it: minor units, currency and the core's decimal text. */
const money = (amount: number, currency: string, decimal: string): Money => ({
  amount,
  currency,
  decimal,
});

describe("formatMoney", () => {
  it("formats minor units in the currency's own digits", () => {
    expect(formatMoney(money(123456, "USD", "1234.56"), "en-US")).toBe("$1,234.56");
    expect(formatMoney(money(1500, "JPY", "1500"), "en-US")).toBe("¥1,500");
    expect(plain(formatMoney(money(1234, "BHD", "1.234"), "en-US"))).toBe("BHD 1.234");
  });

  // Node's ICU (like Chromium's and WebView2's) says HUF and IQD have no minor
  // digits, while ISO 4217 and the core say 2 and 3. Asking Intl for the
  // digits showed 5000 HUF minor units (50.00 Ft) as "HUF 5,000".
  it("takes the digits from the core, not from the engine's ICU data", () => {
    expect(plain(formatMoney(money(5000, "HUF", "50.00"), "en-US"))).toBe("HUF 50.00");
    expect(plain(formatMoney(money(1250, "IQD", "1.250"), "en-US"))).toBe("IQD 1.250");
    expect(plain(formatMoney(money(123456, "IDR", "1234.56"), "en-US"))).toBe("IDR 1,234.56");
    expect(plain(formatMoney(money(99, "COP", "0.99"), "en-US"))).toBe("COP 0.99");
  });

  it("keeps leading zeros of the fraction and small amounts", () => {
    expect(formatMoney(money(5, "USD", "0.05"), "en-US")).toBe("$0.05");
    expect(formatMoney(money(0, "USD", "0.00"), "en-US")).toBe("$0.00");
    expect(plain(formatMoney(money(7, "BHD", "0.007"), "en-US"))).toBe("BHD 0.007");
  });

  it("shows negatives, including those under one unit", () => {
    expect(formatMoney(money(-123456, "USD", "-1234.56"), "en-US")).toBe("-$1,234.56");
    expect(formatMoney(money(-5, "USD", "-0.05"), "en-US")).toBe("-$0.05");
    expect(formatMoney(money(-1500, "JPY", "-1500"), "en-US")).toBe("-¥1,500");
  });

  it("is exact for the largest safe integer, where floats would round", () => {
    const m = money(Number.MAX_SAFE_INTEGER, "USD", "90071992547409.91");
    expect(formatMoney(m, "en-US")).toBe("$90,071,992,547,409.91");
    // 9007199254740899 / 100 is the double 90071992547408.98: one cent off.
    expect(formatMoney(money(9007199254740899, "USD", "90071992547408.99"), "en-US")).toBe(
      "$90,071,992,547,408.99",
    );
  });

  it("follows the locale's separators and digits", () => {
    expect(plain(formatMoney(money(123456, "EUR", "1234.56"), "de-DE"))).toBe("1.234,56 €");
    const arabic = formatMoney(money(123456, "USD", "1234.56"), "ar-EG");
    expect(arabic).toContain("١٬٢٣٤٫٥٦");
  });

  it("still shows amounts in a currency code Intl can't use", () => {
    expect(plain(formatMoney(money(1999, "US", "19.99"), "en-US"))).toBe("US 19.99");
  });

  it("is empty for no money", () => {
    expect(formatMoney(null)).toBe("");
    expect(formatMoney(undefined)).toBe("");
  });
});

describe("decimalText", () => {
  it("is the core's decimal text, untouched, for edit boxes", () => {
    expect(decimalText(money(5000, "HUF", "50.00"))).toBe("50.00");
    expect(decimalText(money(1250, "IQD", "1.250"))).toBe("1.250");
    expect(decimalText(money(1500, "JPY", "1500"))).toBe("1500");
    expect(decimalText(money(-5, "USD", "-0.05"))).toBe("-0.05");
  });
});
