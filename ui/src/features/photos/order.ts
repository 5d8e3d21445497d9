// Reordering an item's photos by dragging (pointer events, not HTML5 drag
// and drop, which fights the native file drop on Windows) or by keyboard.

/** `list` with the element at `from` moved so that it ends up at `to`. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  if (from < 0 || from >= out.length) return out;
  const [x] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, x);
  return out;
}

/** The gap the pointer at `x` is over: how many thumbnails have their
 * middle to its left (`mids` in order, as on screen). */
export function gapAt(mids: readonly number[], x: number): number {
  let gap = 0;
  while (gap < mids.length && mids[gap] < x) gap++;
  return gap;
}

/** Where the photo at `from` ends up when dropped in gap `gap`. */
export function indexForGap(from: number, gap: number): number {
  return gap > from ? gap - 1 : gap;
}

/** Pointer travel (CSS px) before a press on a thumbnail becomes a drag. */
export const DRAG_THRESHOLD = 5;
