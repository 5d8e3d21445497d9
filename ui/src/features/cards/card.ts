// The card form's text fields and their conversion to the core's Card, and
// the geometry of the small value charts (pure, so it is tested without a
// window).
import type { Card, CardKind, CollectionMode, Money, Tier } from "../../lib/bindings";
import { currencyDigits, decimalText } from "../../lib/money";

/** Every card field as the person types it. */
export interface CardForm {
  kind: CardKind;
  game: string;
  set_code: string;
  set_name: string;
  collector_number: string;
  rarity: string;
  finish: string;
  language: string;
  sport: string;
  year: string;
  series: string;
  player: string;
  team: string;
  rookie: boolean;
  parallel: string;
  insert_set: string;
  serial: string;
  grader: string;
  grade: string;
  cert_number: string;
  value: string;
  value_currency: string;
}

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

/** The form for `card`, or a blank TCG card valued in `currency`. */
export function cardForm(card: Card | null, currency: string): CardForm {
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
    cert_number: t(card?.cert_number),
    value: card?.value ? decimalText(card.value) : "",
    value_currency: card?.value?.currency ?? currency,
  };
}

/** Decimal text in `currency` as minor units; null when it is not a plain amount. */
export function parseAmount(text: string, currency: string): Money | null {
  const digits = currencyDigits(currency);
  const m = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim().replace(/\s/g, ""));
  if (!m) return null;
  const fraction = m[2] ?? "";
  if (fraction.length > digits) return null;
  const amount = Number(m[1] + fraction.padEnd(digits, "0"));
  return Number.isSafeInteger(amount) ? { amount, currency } : null;
}

/** The card the form describes, or the problems by field name. */
export function cardFromForm(
  form: CardForm,
  base: Card | null,
): { card: Card } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const opt = (v: string) => (v.trim() === "" ? null : v.trim());
  let year: number | null = null;
  if (form.year.trim()) {
    year = Number(form.year.trim());
    if (!Number.isInteger(year)) errors.year = "Enter a year such as 1986";
  }
  let grade: number | null = null;
  if (form.grade.trim()) {
    const g = Number(form.grade.trim().replace(",", "."));
    if (!Number.isFinite(g) || g < 0 || g > 10 || !Number.isInteger(g * 2))
      errors.grade = "Grades go from 0 to 10 in half steps";
    else grade = Math.round(g * 10);
  }
  let serial: Card["serial"] = null;
  if (form.serial.trim()) {
    const m = /^#?\s*(\d+)\s*(?:\/|of)\s*(\d+)$/.exec(form.serial.trim());
    if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) errors.serial = "Write it as 12/99";
    else serial = { number: Number(m[1]), total: Number(m[2]) };
  }
  let value: Money | null = null;
  if (form.value.trim()) {
    const currency = form.value_currency.trim().toUpperCase();
    value = parseAmount(form.value, currency);
    if (!value) errors.value = `Enter an amount such as 12.50`;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    card: {
      kind: form.kind,
      game: opt(form.game),
      set_code: opt(form.set_code),
      set_name: opt(form.set_name),
      collector_number: opt(form.collector_number),
      rarity: opt(form.rarity),
      finish: form.finish.trim() || "normal",
      language: opt(form.language),
      legality: base?.legality ?? null,
      sport: opt(form.sport),
      year,
      series: opt(form.series),
      player: opt(form.player),
      team: opt(form.team),
      rookie: form.rookie,
      parallel: opt(form.parallel),
      insert_set: opt(form.insert_set),
      serial,
      grader: opt(form.grader),
      grade,
      grade_label: base?.grade_label ?? null,
      cert_number: opt(form.cert_number),
      value,
      tier: null,
      catalogue_card_id: base?.catalogue_card_id ?? null,
    },
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
