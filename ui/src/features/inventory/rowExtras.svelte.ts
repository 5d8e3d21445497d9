// Extra data drawn in the inventory table's rows (cover thumbnails, card
// details): one call per page of rows the pager fetches (never one per
// row), asked after the page itself so the rows are drawn first and the
// extras fill in.
import { SvelteMap } from "svelte/reactivity";
import { ipc } from "../../lib/ipc";
import type { Card } from "../../lib/bindings";
import { toasts } from "../../lib/toasts.svelte";

type Fetch<V> = (ids: string[]) => Promise<Iterable<readonly [string, V]>>;

export class RowExtras<V> {
  /** Item id → its extra; items without one are absent. */
  readonly byItem = new SvelteMap<string, V>();
  /** The ids of the last pages fetched, so that turning the extras on
   * fills in the rows already on screen without refetching the rows. */
  private readonly recent: string[][] = [];
  private disposed = false;
  private warned = false;

  constructor(
    private readonly fetch: Fetch<V>,
    /** Said when a fetch fails. */
    private readonly failure: string,
    /** Off: pages are only remembered, until `setEnabled(true)`. */
    private enabled: boolean,
    /** How many pages to remember (the pager holds no more than this). */
    private readonly keep: number,
  ) {}

  /** Fetches the extras of a page of items, after the page has come. */
  load(ids: string[]): void {
    if (ids.length === 0) return;
    this.recent.push(ids);
    if (this.recent.length > this.keep) this.recent.shift();
    if (this.enabled) this.ask(ids);
  }

  /** Turned on, fetches at once for the pages already fetched (in one
   * call), then for every page that comes; turned off, stops fetching. */
  setEnabled(on: boolean): void {
    if (on && !this.enabled) this.ask(this.recent.flat());
    this.enabled = on;
  }

  dispose(): void {
    this.disposed = true;
  }

  private ask(ids: string[]): void {
    if (ids.length === 0) return;
    this.fetch(ids).then(
      (found) => {
        if (this.disposed) return;
        for (const [id, value] of found) this.byItem.set(id, value);
      },
      // Said once, not over every page scrolled to.
      (e) => {
        if (this.disposed || this.warned) return;
        this.warned = true;
        toasts.error(e, this.failure);
      },
    );
  }
}

/** Small cover thumbnails, by item id. */
export function coverExtras(keep: number): RowExtras<string> {
  return new RowExtras(
    async (ids) => {
      const found = await ipc.photoCovers(ids);
      return Object.entries(found).filter((e): e is [string, string] => !!e[1]);
    },
    "Could not load the cover photos",
    true,
    keep,
  );
}

/** Card details, by item id; fetched only while the card columns show. */
export function cardExtras(keep: number, shown: boolean): RowExtras<Card> {
  return new RowExtras(
    async (ids) => (await ipc.cardsOf(ids)).map((c) => [c.item, c.card] as const),
    "Could not load the card details",
    shown,
    keep,
  );
}
