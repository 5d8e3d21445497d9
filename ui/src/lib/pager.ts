// The rows behind a virtualised table over up to a million items, fetched
// with key-set paging: page p can only be asked for with the cursor the page
// before it returned. Rows are kept for at most `maxPages` pages (least
// recently used are dropped), but every page's starting cursor and length
// are kept for good, so a page scrolled away from can be fetched again
// directly and row numbers never shift.

export interface PageResult<T> {
  items: T[];
  next: string | null;
}

export type FetchPage<T> = (cursor: string | null, limit: number) => Promise<PageResult<T>>;

export interface PagerOptions {
  /** Rows asked for per page. */
  pageSize: number;
  /** Most pages whose rows are held at once. */
  maxPages: number;
  /** The next page is fetched once `last` comes this close to the end of the
   * known rows (default: a whole page, so scrolling never waits). */
  prefetchRows?: number;
}

export class Pager<T> {
  private readonly fetchPage: FetchPage<T>;
  private readonly pageSize: number;
  private readonly maxPages: number;
  private readonly prefetchRows: number;
  /** cursors[p] starts page p; one past the last fetched page while not done. */
  private readonly cursors: (string | null)[] = [null];
  /** sizes[p] is the length of page p, for every page fetched at least once. */
  private readonly sizes: number[] = [];
  /** starts[p] is the index of page p's first row; starts[sizes.length] = knownRows. */
  private readonly starts: number[] = [0];
  /** Loaded rows by page, in least-to-most recently used order. */
  private readonly pages = new Map<number, T[]>();
  private readonly inFlight = new Map<number, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private finished = false;
  private disposed = false;

  constructor(fetch: FetchPage<T>, options: PagerOptions) {
    if (!(options.pageSize >= 1) || !(options.maxPages >= 1)) {
      throw new RangeError("Pager needs pageSize >= 1 and maxPages >= 1");
    }
    this.fetchPage = fetch;
    this.pageSize = Math.floor(options.pageSize);
    this.maxPages = Math.floor(options.maxPages);
    this.prefetchRows = Math.max(0, Math.floor(options.prefetchRows ?? this.pageSize));
  }

  /** Rows known to exist so far (every page fetched at least once). Use for the scroll height. */
  get knownRows(): number {
    return this.starts[this.sizes.length];
  }

  /** True once a page with next === null has been seen. */
  get done(): boolean {
    return this.finished;
  }

  /** Number of pages currently holding rows. */
  get loadedPages(): number {
    return this.pages.size;
  }

  /** Row i if its page is loaded, else undefined (the table draws a placeholder). */
  row(i: number): T | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.knownRows) return undefined;
    const p = this.pageOf(i);
    return this.pages.get(p)?.[i - this.starts[p]];
  }

  /**
   * Makes sure rows first..last are loaded, and if `last` is within one page
   * of knownRows and not done, fetches the next page too. Pages whose cursor
   * is known load in parallel; pages past the end load one after another,
   * each with the cursor of the one before. Concurrent calls share in-flight
   * fetches. Errors reject; the pager stays usable and a retry refetches.
   */
  async ensure(first: number, last: number): Promise<void> {
    if (this.disposed) return;
    first = Math.max(0, Math.floor(first));
    last = Math.max(first, Math.floor(last));

    // Pages already known: refetch any that were evicted, in parallel.
    const known = this.knownPagesIn(first, last);
    for (const p of known) this.touch(p);
    await Promise.all(known.map((p) => this.load(p)));

    // Then walk forward past the end until `last` is a page clear of it.
    while (!this.disposed && !this.finished && last >= this.knownRows - this.prefetchRows) {
      await this.load(this.sizes.length);
    }
  }

  /** Called after any page loads or is evicted. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Stops all further fetching and notifications; in-flight results are dropped. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.pages.clear();
    this.inFlight.clear();
  }

  /** Indices of fetched-before pages that hold any of rows first..last. */
  private knownPagesIn(first: number, last: number): number[] {
    const known = this.knownRows;
    if (first >= known) return [];
    const from = this.pageOf(first);
    const to = this.pageOf(Math.min(last, known - 1));
    const out: number[] = [];
    for (let p = from; p <= to; p++) out.push(p);
    return out;
  }

  /** The page holding row i (i < knownRows): binary search over starts. */
  private pageOf(i: number): number {
    let lo = 0;
    let hi = this.sizes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Marks page p as just used, so it is the last to be evicted. */
  private touch(p: number): void {
    const rows = this.pages.get(p);
    if (rows) {
      this.pages.delete(p);
      this.pages.set(p, rows);
    }
  }

  /** Loads page p (whose cursor must be known) unless loaded or loading. */
  private load(p: number): Promise<void> {
    if (this.pages.has(p)) return Promise.resolve();
    const pending = this.inFlight.get(p);
    if (pending) return pending;
    const cursor = this.cursors[p];
    const run = this.fetchPage(cursor, this.pageSize).then(
      (result) => {
        if (this.inFlight.get(p) === run) this.inFlight.delete(p);
        if (this.disposed || this.cursors[p] !== cursor) return; // stale
        this.record(p, result);
      },
      (error: unknown) => {
        if (this.inFlight.get(p) === run) this.inFlight.delete(p);
        if (!this.disposed) throw error;
      },
    );
    this.inFlight.set(p, run);
    return run;
  }

  /** Stores a fetched page, learns the cursor after it, evicts, notifies. */
  private record(p: number, result: PageResult<T>): void {
    const { items } = result;
    // An empty page ends the list even if a cursor came with it, so a
    // misbehaving source can't make ensure() walk forward forever.
    const next = items.length === 0 ? null : result.next;
    const firstTime = p === this.sizes.length;
    const changed =
      !firstTime && (items.length !== this.sizes[p] || next !== (this.cursors[p + 1] ?? null));
    if (firstTime || changed) {
      // A refetched page that no longer matches means the data moved under
      // us: what was learned past it no longer holds, so forget it.
      this.truncateAfter(p);
      this.sizes.push(items.length);
      this.starts.push(this.starts[p] + items.length);
      if (next === null) this.finished = true;
      else this.cursors.push(next);
    }
    if (items.length > 0) {
      this.pages.delete(p);
      this.pages.set(p, items);
    }
    this.evict(p);
    this.notify();
  }

  /** Forgets pages p and beyond (their rows, sizes and all but p's cursor). */
  private truncateAfter(p: number): void {
    this.sizes.length = p;
    this.starts.length = p + 1;
    this.cursors.length = p + 1;
    this.finished = false;
    for (const q of [...this.pages.keys()]) if (q >= p) this.pages.delete(q);
    for (const q of [...this.inFlight.keys()]) if (q > p) this.inFlight.delete(q);
  }

  /** Drops least recently used pages beyond maxPages, never `keep`. */
  private evict(keep: number): void {
    for (const p of this.pages.keys()) {
      if (this.pages.size <= this.maxPages) break;
      if (p !== keep) this.pages.delete(p);
    }
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * Adapts an offset-paged source (search results) to cursors: the cursor is
 * the offset as a decimal string. `fetch(offset, limit)` returns items and
 * whether more exist.
 */
export function offsetPages<T>(
  fetch: (offset: number, limit: number) => Promise<{ items: T[]; more: boolean }>,
): FetchPage<T> {
  return async (cursor, limit) => {
    const offset = cursor === null ? 0 : Number(cursor);
    if (!Number.isSafeInteger(offset) || offset < 0) {
      throw new RangeError(`not an offset cursor: ${cursor}`);
    }
    const { items, more } = await fetch(offset, limit);
    return { items, next: more && items.length > 0 ? String(offset + items.length) : null };
  };
}
