// Cover thumbnails for the inventory table: one covers call per page of
// rows the pager fetches (never one per row), asked after the page itself
// so the rows are drawn first and the thumbnails fill in.
import { SvelteMap } from "svelte/reactivity";
import { ipc } from "../../lib/ipc";
import { toasts } from "../../lib/toasts.svelte";

export class Covers {
  /** Item id → small thumbnail path; items without photos are absent. */
  readonly byItem = new SvelteMap<string, string>();
  private disposed = false;
  private warned = false;

  /** Fetches the covers of a page of items, after the page has come. */
  load(ids: string[]): void {
    if (ids.length === 0) return;
    ipc.photoCovers(ids).then(
      (found) => {
        if (this.disposed) return;
        for (const [id, path] of Object.entries(found)) if (path) this.byItem.set(id, path);
      },
      // Said once, not over every page scrolled to.
      (e) => {
        if (this.disposed || this.warned) return;
        this.warned = true;
        toasts.error(e, "Could not load the cover photos");
      },
    );
  }

  dispose(): void {
    this.disposed = true;
  }
}
