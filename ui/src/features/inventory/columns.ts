// The inventory table's columns: what each shows and which sort it offers.
// With the card columns on, a card's details take the place of the
// general columns a collector looks at least (condition, category, dates).
import type { Card, Item, Sort } from "../../lib/bindings";
import { formatMoney } from "../../lib/money";
import { finishText, gradeLabel } from "../cards/card";

export interface Column {
  id: string;
  label: string;
  width: string;
  sort?: Sort;
  align?: "right";
  mono?: boolean;
  /** Long text a narrow cell cuts off: shown whole as its tooltip. */
  tooltip?: boolean;
  /** The cell's text; `card` is the row's card details, when it is a card
   * and they have come. */
  value: (item: Item, card: Card | undefined) => string;
}

// The cover photo's thumbnail; drawn by the table itself.
const COVER: Column = { id: "cover", label: "", width: "44px", value: () => "" };

const TITLE: Column = {
  id: "title",
  label: "Title",
  width: "minmax(220px, 3fr)",
  sort: "title",
  tooltip: true,
  value: (i) => i.title,
};

const SKU: Column = {
  id: "sku",
  label: "SKU",
  width: "minmax(90px, 1fr)",
  mono: true,
  value: (i) => i.sku ?? "",
};

export const COLUMNS: Column[] = [
  COVER,
  TITLE,
  SKU,
  {
    id: "status",
    label: "Status",
    width: "80px",
    value: (i) => i.status,
  },
  {
    id: "condition",
    label: "Condition",
    width: "90px",
    value: (i) => (i.condition ?? "").replace("_", " "),
  },
  {
    id: "location",
    label: "Location",
    width: "minmax(90px, 1fr)",
    mono: true,
    value: (i) => i.location?.code ?? "",
  },
  {
    id: "category",
    label: "Category",
    width: "minmax(100px, 1.2fr)",
    tooltip: true,
    value: (i) => i.category ?? "",
  },
  {
    id: "quantity",
    label: "Qty",
    width: "60px",
    sort: "quantity",
    align: "right",
    value: (i) => String(i.quantity),
  },
  {
    id: "price",
    label: "Price",
    width: "100px",
    sort: "price",
    align: "right",
    value: (i) => formatMoney(i.price),
  },
  {
    id: "updated",
    label: "Updated",
    width: "96px",
    sort: "updated",
    value: (i) => i.updated_at.slice(0, 10),
  },
];

const byId = (id: string): Column => {
  const c = COLUMNS.find((c) => c.id === id);
  if (!c) throw new Error(`no column ${id}`);
  return c;
};

/** The card columns, in place of status, condition, category and updated. */
export const CARD_COLUMNS: Column[] = [
  COVER,
  { ...TITLE, width: "minmax(200px, 3fr)" },
  SKU,
  { id: "set", label: "Set", width: "64px", mono: true, value: (_, c) => c?.set_code ?? "" },
  {
    id: "number",
    label: "No.",
    width: "56px",
    mono: true,
    value: (_, c) => c?.collector_number ?? "",
  },
  { id: "rarity", label: "Rarity", width: "96px", tooltip: true, value: (_, c) => c?.rarity ?? "" },
  {
    id: "finish",
    label: "Finish",
    width: "96px",
    tooltip: true,
    value: (_, c) => finishText(c?.finish),
  },
  { id: "grade", label: "Grade", width: "72px", value: (_, c) => gradeLabel(c ?? null) },
  // Drawn by the table with the value's tier badge before the amount
  // (mid and up: a badge on every bulk card would only be noise).
  {
    id: "value",
    label: "Value",
    width: "136px",
    align: "right",
    value: (_, c) => (c?.value ? formatMoney(c.value) : ""),
  },
  { ...byId("quantity"), width: "52px" },
  { ...byId("location"), width: "minmax(80px, 1fr)" },
  { ...byId("price"), width: "96px" },
];

/** The CSS grid columns for `columns`. */
export function gridOf(columns: Column[]): string {
  return columns.map((c) => c.width).join(" ");
}
