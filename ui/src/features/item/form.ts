// The item form: text fields as a person types them, turned into the
// changes the core validates. The core owns every rule; this only shapes
// the data and maps its errors back onto fields.
import type { FieldError, ItemChanges } from "../../lib/bindings";
import type { CommandError } from "../../lib/ipc";

/** Fields edited as plain text boxes. */
export type TextField =
  | "sku"
  | "barcode"
  | "brand"
  | "size"
  | "colour"
  | "material"
  | "price"
  | "cost"
  | "acquired_on"
  | "acquired_from";

/** Fields edited as whole numbers; blank means none. */
export type CountField =
  "quantity" | "low_stock_threshold" | "weight_grams" | "length_mm" | "width_mm" | "height_mm";

export const COUNT_FIELDS: readonly CountField[] = [
  "quantity",
  "low_stock_threshold",
  "weight_grams",
  "length_mm",
  "width_mm",
  "height_mm",
];

/** An empty form for a new item. */
export function blankForm(home: string): ItemChanges {
  return {
    title: "",
    sku: "",
    barcode: "",
    description: "",
    brand: "",
    category: "",
    size: "",
    colour: "",
    material: "",
    condition: "",
    quantity: 1,
    low_stock_threshold: null,
    cost: "",
    cost_currency: home,
    price: "",
    price_currency: home,
    weight_grams: null,
    length_mm: null,
    width_mm: null,
    height_mm: null,
    notes: "",
    status: "draft",
    location: "",
    tags: [],
    fields: {},
    acquired_on: "",
    acquired_from: "",
  };
}

/** Only what differs from `before` (everything, for a new item). */
export function changedFields(
  before: ItemChanges | null,
  after: ItemChanges,
): Partial<ItemChanges> {
  if (!before) return after;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof ItemChanges)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) out[key] = after[key];
  }
  // A cost or price is re-read with its currency, so send both together.
  for (const [amount, currency] of [
    ["cost", "cost_currency"],
    ["price", "price_currency"],
  ] as const) {
    if (amount in out || currency in out) {
      out[amount] = after[amount];
      out[currency] = after[currency];
    }
  }
  return out as Partial<ItemChanges>;
}

/** Field name → the sentences about it, from a failed save. */
export function fieldErrors(e: CommandError): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (f: Pick<FieldError, "field" | "message">) => {
    out[f.field] = out[f.field] ? `${out[f.field]}; ${f.message}` : f.message;
  };
  for (const f of e.fields) add(f);
  if (e.code === "sku_taken") add({ field: "sku", message: e.message });
  return out;
}

/** Tags as typed in one box: commas or semicolons between them. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}
