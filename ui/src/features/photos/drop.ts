// Where files dropped on the window go. Tauri reports a native drop with
// its position in physical pixels; the element under it, found with
// elementFromPoint in CSS pixels, decides: the nearest ancestor carrying
// `data-drop-item` names an item (or the item being created), and anything
// else means the photo inbox.

/** `data-drop-item` on the editor of an item that is not saved yet. */
export const NEW_ITEM = "new";

export type DropTarget =
  { kind: "item"; id: string; title: string } | { kind: "new" } | { kind: "inbox" };

/** The parts of an Element that target resolution reads. */
export interface DropNode {
  getAttribute(name: string): string | null;
  readonly parentElement: DropNode | null;
}

/** The target of a drop on `el` (the element under the pointer, or null). */
export function dropTargetOf(el: DropNode | null): DropTarget {
  for (let node = el; node; node = node.parentElement) {
    const id = node.getAttribute("data-drop-item");
    if (id === null) continue;
    if (id === NEW_ITEM) return { kind: "new" };
    if (id !== "") return { kind: "item", id, title: node.getAttribute("data-drop-title") ?? "" };
  }
  return { kind: "inbox" };
}

/**
 * What to divide a drop position by to get CSS pixels. Tauri types it as
 * physical pixels, and on Windows (WebView2) it is; WebKitGTK and WKWebView
 * report it in the view's logical points already, so dividing there by a
 * HiDPI screen's ratio would aim at the wrong element.
 */
export function dropScale(userAgent: string, devicePixelRatio: number): number {
  return /Windows/.test(userAgent) ? devicePixelRatio : 1;
}

/** A drop position in CSS pixels, for elementFromPoint (`scale` from dropScale). */
export function cssPoint(
  position: { x: number; y: number },
  scale: number,
): { x: number; y: number } {
  const ratio = scale > 0 ? scale : 1;
  return { x: position.x / ratio, y: position.y / ratio };
}

/** A stable key for a target, for comparing and for highlighting. */
export function dropKey(target: DropTarget): string {
  return target.kind === "item" ? `item:${target.id}` : target.kind;
}
