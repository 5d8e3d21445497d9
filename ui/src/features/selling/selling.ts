// The selling screens' pure parts: names people read for platforms and
// statuses, an order as people refer to it, and which sales of the To ship
// queue have every line picked.
import type { ListingStatus, PickLine, Platform, Sale, SaleStatus } from "../../lib/bindings";

const PLATFORM_NAMES: Record<Platform, string> = {
  ebay: "eBay",
  etsy: "Etsy",
  shopify: "Shopify",
  poshmark: "Poshmark",
  mercari: "Mercari",
  depop: "Depop",
  whatnot: "Whatnot",
  facebook: "Facebook",
  other: "Other",
};

export const PLATFORMS = Object.keys(PLATFORM_NAMES) as Platform[];

export function platformName(p: Platform): string {
  return PLATFORM_NAMES[p];
}

const LISTING_ACTIONS: Record<ListingStatus, string> = {
  draft: "Back to draft",
  pending: "Publish",
  active: "Mark live",
  sold: "Mark sold",
  ended: "End",
  error: "Mark failed",
};

/** The button that moves a listing to `to`. */
export function listingAction(to: ListingStatus): string {
  return LISTING_ACTIONS[to];
}

export const LISTING_STATUSES: ListingStatus[] = [
  "draft",
  "pending",
  "active",
  "sold",
  "ended",
  "error",
];

/** "#1001 on eBay", or the sale's short id when the platform gave none. */
export function orderLabel(
  p: { platform: Platform; platform_order_id: string | null },
  id: string,
): string {
  const order = p.platform_order_id ? `#${p.platform_order_id}` : id.slice(-6);
  return `${order} on ${platformName(p.platform)}`;
}

/** Units of a sale, all lines. */
export function units(sale: Sale): number {
  return sale.lines.reduce((n, l) => n + l.quantity, 0);
}

/** A sale may still be shipped, cancelled or returned from here. */
export function canShip(s: SaleStatus): boolean {
  return s === "pending" || s === "confirmed";
}
export function canReturn(s: SaleStatus): boolean {
  return s === "shipped" || s === "delivered";
}

/** One sale of the queue, with how many of its lines are picked. */
export interface QueuedSale {
  saleId: string;
  label: string;
  lines: number;
  picked: number;
}

/** The sales in a pick walk, in the order their first line comes, with
 * their picked counts: a sale is ready to pack when every line is picked. */
export function queuedSales(lines: PickLine[]): QueuedSale[] {
  const bySale = new Map<string, QueuedSale>();
  for (const l of lines) {
    let s = bySale.get(l.sale_id);
    if (!s) {
      s = { saleId: l.sale_id, label: orderLabel(l, l.sale_id), lines: 0, picked: 0 };
      bySale.set(l.sale_id, s);
    }
    s.lines++;
    if (l.picked_at) s.picked++;
  }
  return [...bySale.values()];
}
