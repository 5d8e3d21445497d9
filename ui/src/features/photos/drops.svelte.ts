// Files dropped on the window from outside (Tauri's native drag and drop;
// the webview's own HTML5 drop never sees them): onto an item's row or its
// open editor they go to that item, onto the editor of an item not saved
// yet they wait for its save, anywhere else into the photo inbox.
import { events } from "../../lib/ipc";
import { cssPoint, dropKey, dropScale, dropTargetOf, type DropTarget } from "./drop";
import { photoImports } from "./imports.svelte";

/** What the pointer carrying files is over, for highlighting it. */
export const dropZone = $state({ over: null as string | null });

/** The editor of an unsaved item takes its drops itself. */
let newItemDrop: ((paths: string[]) => void) | null = null;

/** Lets the open new-item editor receive drops; returns the release. */
export function receiveNewItemDrops(f: (paths: string[]) => void): () => void {
  newItemDrop = f;
  return () => {
    if (newItemDrop === f) newItemDrop = null;
  };
}

function targetAt(position: { x: number; y: number }): DropTarget {
  const { x, y } = cssPoint(position, dropScale(navigator.userAgent, window.devicePixelRatio));
  return dropTargetOf(document.elementFromPoint(x, y));
}

function route(paths: string[], target: DropTarget): void {
  if (target.kind === "new" && newItemDrop) newItemDrop(paths);
  else if (target.kind === "item")
    void photoImports.start(paths, { id: target.id, title: target.title });
  else void photoImports.start(paths, null);
}

/** Starts listening for dropped files; returns the function that stops. */
export async function installDrops(): Promise<() => void> {
  return events.dragDrop((e) => {
    switch (e.type) {
      case "enter":
      case "over":
        dropZone.over = dropKey(targetAt(e.position));
        return;
      case "drop":
        dropZone.over = null;
        if (e.paths.length > 0) route(e.paths, targetAt(e.position));
        return;
      case "leave":
        dropZone.over = null;
        return;
    }
  });
}
