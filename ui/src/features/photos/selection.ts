// Picking photos in the inbox grid the way file managers do: a click picks
// one, Ctrl/Cmd+click adds or removes one, Shift+click picks the run from
// the last plain or Ctrl click (the anchor), Ctrl+Shift+click adds that run.

export interface Selection {
  readonly ids: ReadonlySet<string>;
  /** Where the next Shift+click's run starts. */
  readonly anchor: string | null;
}

export const NOTHING: Selection = { ids: new Set(), anchor: null };

export interface ClickKeys {
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  toggle: boolean;
  range: boolean;
}

/** The selection after clicking `id`; `order` is the grid's order. */
export function clicked(
  sel: Selection,
  order: readonly string[],
  id: string,
  keys: ClickKeys,
): Selection {
  if (keys.range && sel.anchor !== null) {
    const from = order.indexOf(sel.anchor);
    const to = order.indexOf(id);
    if (from >= 0 && to >= 0) {
      const run = order.slice(Math.min(from, to), Math.max(from, to) + 1);
      const ids = keys.toggle ? new Set([...sel.ids, ...run]) : new Set(run);
      return { ids, anchor: sel.anchor };
    }
  }
  if (keys.toggle) {
    const ids = new Set(sel.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { ids, anchor: id };
  }
  return { ids: new Set([id]), anchor: id };
}

/** Everything in the grid. */
export function all(order: readonly string[]): Selection {
  return { ids: new Set(order), anchor: order[0] ?? null };
}

/** Without the photos no longer in the grid (assigned, deleted). */
export function within(sel: Selection, order: readonly string[]): Selection {
  const present = new Set(order);
  const ids = new Set([...sel.ids].filter((id) => present.has(id)));
  const anchor = sel.anchor !== null && present.has(sel.anchor) ? sel.anchor : null;
  return { ids, anchor };
}

/** The selected ids in grid order (the first becomes a new item's cover). */
export function inOrder(sel: Selection, order: readonly string[]): string[] {
  return order.filter((id) => sel.ids.has(id));
}
