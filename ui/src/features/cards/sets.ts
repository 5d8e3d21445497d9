// Finding a catalogue set by what a collector remembers of it: its code
// ("MH3") or part of its name ("horizons").
import type { CatalogueSet } from "../../lib/bindings";

/** Lower case without accents, so "pokemon" finds "Pokémon". */
function folded(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/** The sets matching `text`: the set with that exact code first, then
 * codes starting with it, then names containing it; each group in the
 * order given (newest first). Every set when `text` is blank. */
export function matchingSets(sets: readonly CatalogueSet[], text: string): CatalogueSet[] {
  const t = folded(text.trim());
  if (!t) return [...sets];
  const exact: CatalogueSet[] = [];
  const prefix: CatalogueSet[] = [];
  const named: CatalogueSet[] = [];
  for (const s of sets) {
    const code = folded(s.code);
    if (code === t) exact.push(s);
    else if (code.startsWith(t)) prefix.push(s);
    else if (folded(s.name).includes(t)) named.push(s);
  }
  return [...exact, ...prefix, ...named];
}

/** The set code a submitted search means: the set with exactly that code,
 * else the only match, else the text itself (the completion view then says
 * the catalogue has no such set). */
export function chosenCode(sets: readonly CatalogueSet[], text: string): string {
  const matches = matchingSets(sets, text);
  const t = folded(text.trim());
  if (matches.length > 0 && (folded(matches[0].code) === t || matches.length === 1))
    return matches[0].code;
  return text.trim();
}
