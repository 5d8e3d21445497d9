// The inventory table's columns: what each shows and which sort it offers.
import type { Item, Sort } from "../../lib/bindings";
import { formatMoney } from "../../lib/money";

/** The window's language when the engine knows it; where none is set (no
 * LANG, so the engine falls back to POSIX: "$ 19.99", no grouping) en-US. */
const LOCALE: string = (() => {
  try {
    return Intl.NumberFormat.supportedLocalesOf([...navigator.languages])[0] ?? "en-US";
  } catch {
    return "en-US";
  }
})();

export interface Column {
  id: string;
  label: string;
  width: string;
  sort?: Sort;
  align?: "right";
  mono?: boolean;
  value: (item: Item) => string;
}

export const COLUMNS: Column[] = [
  // The cover photo's thumbnail; drawn by the table itself.
  { id: "cover", label: "", width: "44px", value: () => "" },
  {
    id: "title",
    label: "Title",
    width: "minmax(220px, 3fr)",
    sort: "title",
    value: (i) => i.title,
  },
  { id: "sku", label: "SKU", width: "minmax(90px, 1fr)", mono: true, value: (i) => i.sku ?? "" },
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
    value: (i) => formatMoney(i.price, LOCALE),
  },
  {
    id: "updated",
    label: "Updated",
    width: "96px",
    sort: "updated",
    value: (i) => i.updated_at.slice(0, 10),
  },
];

export const GRID = COLUMNS.map((c) => c.width).join(" ");
