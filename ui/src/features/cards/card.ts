// A card's details as short text, and the geometry of the small value
// charts (pure, so it is tested without a window). The editor's fields are
// the core's: it fills them from a card and reads back what was typed.
import type { Card, CollectionMode, Tier } from "../../lib/bindings";

export const TIER_LABELS: Record<Tier, string> = {
  low: "Low",
  mid: "Mid",
  high: "High",
  grail: "Grail",
};

/** "9.5" for 95 tenths. */
export function gradeText(tenths: number | null): string {
  if (tenths === null) return "";
  return tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** Short text for a card's grade: "PSA 9.5". */
export function gradeLabel(card: Card | null): string {
  if (!card || card.grade === null) return "";
  return [card.grader, gradeText(card.grade)].filter(Boolean).join(" ");
}

/** A finish as a person reads it: "reverse holo"; nothing for normal. */
export function finishText(finish: string | null | undefined): string {
  return !finish || finish === "normal" ? "" : finish.replaceAll("_", " ");
}

/** An SVG polyline's points for `values` in a `width`×`height` box with
 * `pad` inside: oldest left, highest at the top; a flat or single value is
 * drawn level across the middle. */
export function linePoints(values: number[], width: number, height: number, pad = 2): string {
  if (values.length === 0) return "";
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) =>
    span === 0 ? height / 2 : pad + (height - 2 * pad) * (1 - (v - min) / span);
  const points = values.map((v, i) => `${round(pad + i * step)},${round(y(v))}`);
  // One point is a line across, so it still shows.
  if (values.length === 1) points.push(`${round(width - pad)},${round(y(values[0]))}`);
  return points.join(" ");
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

export const MODE_LABELS: Record<CollectionMode, string> = {
  set: "By set and number",
  value: "Most valuable first",
  player: "By player and year",
  custom: "My own order",
};
