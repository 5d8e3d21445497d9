// The Wants screen's pure parts: a pre-order's release-date history and how
// far off its release is, money turned back into the text it was typed as,
// and a failed save's errors put beside the fields they are about.
import type { Money, Preorder, Wish, WishInput } from "../../lib/bindings";
import { CommandError, describe } from "../../lib/ipc";
import { decimalText } from "../../lib/money";

/** How a pre-order's release date has moved. */
export interface SlipHistory {
  /** How many times the date moved. */
  count: number;
  /** The dates promised before the one now, first promised first. */
  earlier: string[];
}

/** What became of a pre-order's release date. */
export function slipHistory(p: Pick<Preorder, "slips">): SlipHistory {
  return { count: p.slips.length, earlier: p.slips.map((s) => s.from_on) };
}

const DAY_MS = 86_400_000;

/** Whole days from `today` to the `YYYY-MM-DD` date `on` (negative once past); null if unreadable. */
export function daysUntil(on: string, today: Date): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(on);
  if (!m) return null;
  // Calendar days, counted in UTC so a daylight-saving change is no day.
  const release = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const now = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((release - now) / DAY_MS);
}

/** "in 12 days", "tomorrow", "today", "3 days late" for a release `days` away. */
export function releaseWhen(days: number | null): string {
  if (days === null) return "";
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days > 1) return `in ${days} days`;
  return days === -1 ? "1 day late" : `${-days} days late`;
}

/** Money as a person would type it back: "12.50 EUR"; "" for none. */
export function typedMoney(m: Money | null): string {
  return m ? `${decimalText(m)} ${m.currency}` : "";
}

/** The wish, as typed, that puts a removed one back as it was. */
export function wishAgain(w: Wish): WishInput {
  return { title: w.title, max_price: typedMoney(w.max_price), notes: w.notes ?? "" };
}

/** The local date of an RFC 3339 time as `YYYY-MM-DD`, the way release dates are written beside it. */
export function localDate(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** A failed save, split into sentences per field and one for the rest. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
}

/** Where each problem of a failed save belongs: beside its field, or as
 * one sentence when no field is named. */
export function formErrors(e: unknown): FormErrors {
  const fields: Record<string, string> = {};
  if (e instanceof CommandError) {
    for (const f of e.fields) {
      // Beside the box, a sentence that starts with the field's name need not.
      const message = f.message.startsWith(`${f.field}: `)
        ? f.message.slice(f.field.length + 2)
        : f.message;
      fields[f.field] = fields[f.field] ? `${fields[f.field]}; ${message}` : message;
    }
  }
  const general = Object.keys(fields).length === 0 ? describe(e) : null;
  return { fields, general };
}

export const NO_ERRORS: FormErrors = { fields: {}, general: null };
