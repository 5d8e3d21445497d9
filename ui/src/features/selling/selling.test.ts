import { describe, expect, it } from "vitest";
import type { PickLine } from "../../lib/bindings";
import { canReturn, canShip, orderLabel, queuedSales } from "./selling";

function line(sale: string, item: string, picked: boolean): PickLine {
  return {
    sale_id: sale,
    platform: "ebay",
    platform_order_id: sale === "s1" ? "1001" : null,
    buyer: null,
    sold_at: "2026-12-01T10:00:00Z",
    item_id: item,
    title: item,
    sku: null,
    quantity: 1,
    location_code: null,
    location: null,
    picked_at: picked ? "2026-12-02T10:00:00Z" : null,
  };
}

describe("orderLabel", () => {
  it("names the platform's order number, else the end of the id", () => {
    expect(orderLabel({ platform: "etsy", platform_order_id: "77" }, "x")).toBe("#77 on Etsy");
    expect(orderLabel({ platform: "ebay", platform_order_id: null }, "0190-abcdef")).toBe(
      "abcdef on eBay",
    );
  });
});

describe("queuedSales", () => {
  it("counts picked lines per sale in walk order", () => {
    const sales = queuedSales([
      line("s2", "a", true),
      line("s1", "b", false),
      line("s2", "c", true),
    ]);
    expect(sales.map((s) => [s.saleId, s.lines, s.picked])).toEqual([
      ["s2", 2, 2],
      ["s1", 1, 0],
    ]);
    expect(sales[1].label).toBe("#1001 on eBay");
  });
});

describe("sale actions", () => {
  it("ships only unshipped sales and takes returns only of shipped ones", () => {
    expect(canShip("pending") && canShip("confirmed")).toBe(true);
    expect(canShip("shipped")).toBe(false);
    expect(canReturn("shipped") && canReturn("delivered")).toBe(true);
    expect(canReturn("pending") || canReturn("returned")).toBe(false);
  });
});
