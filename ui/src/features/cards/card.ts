// A card's details as the editor's fields hold them, and the geometry of
// the small value charts (pure, so it is tested without a window). Reading
// what was typed (grades, serials, years, amounts) is the core's job: the
// form sends text and shows the errors it gets back.
import type { Card, CardInput, CollectionMode, Tier } from "../../lib/bindings";
import { decimalText } from "../../lib/money";

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

/** The fields for `card` as text, or a blank TCG card valued in
 * `currency`. Legality and the grade's label have no field: they go back
 * as they came, so a save does not drop them. */
export function cardInput(card: Card | null, currency: string): CardInput {
  const t = (v: string | null | undefined) => v ?? "";
  return {
    kind: card?.kind ?? "tcg",
    game: t(card?.game),
    set_code: t(card?.set_code),
    set_name: t(card?.set_name),
    collector_number: t(card?.collector_number),
    rarity: t(card?.rarity),
    finish: card?.finish ?? "normal",
    language: t(card?.language),
    legality: t(card?.legality),
    sport: t(card?.sport),
    year: card?.year != null ? String(card.year) : "",
    series: t(card?.series),
    player: t(card?.player),
    team: t(card?.team),
    rookie: card?.rookie ?? false,
    parallel: t(card?.parallel),
    insert_set: t(card?.insert_set),
    serial: card?.serial ? `${card.serial.number}/${card.serial.total}` : "",
    grader: t(card?.grader),
    grade: gradeText(card?.grade ?? null),
    grade_label: t(card?.grade_label),
    cert_number: t(card?.cert_number),
    value: card?.value ? decimalText(card.value) : "",
    value_currency: card?.value?.currency ?? currency,
  };
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
