import { describe, expect, it } from "vitest";
import { currencyDigits, decimalText, formatMoney } from "./money";

/** Intl puts a no-break space between a code and the number; compare as plain spaces. */
const plain = (s: string) => s.replace(/\u00a0/g, " ");

describe("currencyDigits", () => {
  it("knows the minor units of common currencies", () => {
    expect(currencyDigits("USD")).toBe(2);
    expect(currencyDigits("EUR")).toBe(2);
    expect(currencyDigits("JPY")).toBe(0);
    expect(currencyDigits("BHD")).toBe(3);
  });

  it("falls back to 2 for codes it can't use", () => {
    expect(currencyDigits("US")).toBe(2);
    expect(currencyDigits("")).toBe(2);
    expect(currencyDigits("XYZ")).toBe(2);
  });
});

describe("formatMoney", () => {
  it("formats minor units in the currency's own digits", () => {
    expect(formatMoney({ amount: 123456, currency: "USD" }, "en-US")).toBe("$1,234.56");
    expect(formatMoney({ amount: 1500, currency: "JPY" }, "en-US")).toBe("¥1,500");
    expect(plain(formatMoney({ amount: 1234, currency: "BHD" }, "en-US"))).toBe("BHD 1.234");
  });

  it("keeps leading zeros of the fraction and small amounts", () => {
    expect(formatMoney({ amount: 5, currency: "USD" }, "en-US")).toBe("$0.05");
    expect(formatMoney({ amount: 0, currency: "USD" }, "en-US")).toBe("$0.00");
    expect(plain(formatMoney({ amount: 7, currency: "BHD" }, "en-US"))).toBe("BHD 0.007");
  });

  it("shows negatives, including those under one unit", () => {
    expect(formatMoney({ amount: -123456, currency: "USD" }, "en-US")).toBe("-$1,234.56");
    expect(formatMoney({ amount: -5, currency: "USD" }, "en-US")).toBe("-$0.05");
    expect(formatMoney({ amount: -1500, currency: "JPY" }, "en-US")).toBe("-¥1,500");
  });

  it("is exact for the largest safe integer, where floats would round", () => {
    const m = { amount: Number.MAX_SAFE_INTEGER, currency: "USD" };
    expect(formatMoney(m, "en-US")).toBe("$90,071,992,547,409.91");
    // 9007199254740899 / 100 is the double 90071992547408.98: one cent off.
    expect(formatMoney({ amount: 9007199254740899, currency: "USD" }, "en-US")).toBe(
      "$90,071,992,547,408.99",
    );
  });

  it("follows the locale's separators and digits", () => {
    expect(plain(formatMoney({ amount: 123456, currency: "EUR" }, "de-DE"))).toBe("1.234,56 €");
    const arabic = formatMoney({ amount: 123456, currency: "USD" }, "ar-EG");
    expect(arabic).toContain("١٬٢٣٤٫٥٦");
  });

  it("still shows amounts in a malformed currency code", () => {
    expect(plain(formatMoney({ amount: 1999, currency: "US" }, "en-US"))).toBe("US 19.99");
  });

  it("is empty for no money", () => {
    expect(formatMoney(null)).toBe("");
    expect(formatMoney(undefined)).toBe("");
  });
});

describe("decimalText", () => {
  it("gives plain decimal text for inputs", () => {
    expect(decimalText({ amount: 123456, currency: "USD" })).toBe("1234.56");
    expect(decimalText({ amount: 1500, currency: "JPY" })).toBe("1500");
    expect(decimalText({ amount: 1234, currency: "BHD" })).toBe("1.234");
    expect(decimalText({ amount: 5, currency: "USD" })).toBe("0.05");
    expect(decimalText({ amount: 0, currency: "JPY" })).toBe("0");
    expect(decimalText({ amount: -5, currency: "USD" })).toBe("-0.05");
    expect(decimalText({ amount: Number.MAX_SAFE_INTEGER, currency: "USD" })).toBe(
      "90071992547409.91",
    );
  });
});
