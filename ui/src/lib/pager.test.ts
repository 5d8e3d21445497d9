import { describe, expect, it } from "vitest";
import { Pager, offsetPages, type FetchPage, type PageResult } from "./pager";

interface Row {
  id: number;
}

/**
 * An in-memory key-set source: the cursor is the opaque key of the last row
 * of the previous page ("k" + id), so a page can't be reached without the
 * one before it.
 */
function source(total: number) {
  const calls: (string | null)[] = [];
  const fetch: FetchPage<Row> = async (cursor, limit) => {
    calls.push(cursor);
    if (cursor !== null && !/^k\d+$/.test(cursor)) throw new Error(`bad cursor ${cursor}`);
    const start = cursor === null ? 0 : Number(cursor.slice(1)) + 1;
    const end = Math.min(total, start + limit);
    const items: Row[] = [];
    for (let id = start; id < end; id++) items.push({ id });
    return { items, next: end < total ? `k${end - 1}` : null };
  };
  return { fetch, calls };
}

/** A source whose fetches wait until the test settles them, one by one. */
function manualSource() {
  const pending: {
    cursor: string | null;
    resolve: (r: PageResult<Row>) => void;
    reject: (e: Error) => void;
  }[] = [];
  const fetch: FetchPage<Row> = (cursor) =>
    new Promise((resolve, reject) => pending.push({ cursor, resolve, reject }));
  return { fetch, pending };
}

/** Lets queued promise callbacks run. */
const flush = () => new Promise<void>((r) => setTimeout(r, 0));

describe("Pager", () => {
  it("scrolls through 10,000 rows in order with every row in its place", async () => {
    const src = source(10_000);
    const pager = new Pager(src.fetch, { pageSize: 100, maxPages: 5 });
    const viewport = 37;
    for (let first = 0; !pager.done || first < pager.knownRows; first += viewport) {
      const last = first + viewport - 1;
      await pager.ensure(first, last);
      for (let i = first; i <= Math.min(last, pager.knownRows - 1); i++) {
        expect(pager.row(i)?.id).toBe(i);
      }
      expect(pager.loadedPages).toBeLessThanOrEqual(5);
    }
    expect(pager.done).toBe(true);
    expect(pager.knownRows).toBe(10_000);
    expect(pager.row(10_000)).toBeUndefined();
    // Every page was fetched exactly once on the way down.
    expect(src.calls.length).toBe(100);
    expect(new Set(src.calls).size).toBe(100);
  });

  it("grows knownRows a page at a time, prefetching one page ahead", async () => {
    const src = source(1_000);
    const pager = new Pager(src.fetch, { pageSize: 100, maxPages: 40 });
    expect(pager.knownRows).toBe(0);
    expect(pager.done).toBe(false);
    await pager.ensure(0, 49);
    // Page 0 for the rows, page 1 because row 49 is within a page of the end.
    expect(src.calls).toEqual([null, "k99"]);
    expect(pager.knownRows).toBe(200);
    await pager.ensure(50, 99);
    expect(src.calls.length).toBe(2);
    await pager.ensure(100, 149);
    expect(src.calls).toEqual([null, "k99", "k199"]);
    expect(pager.row(250)?.id).toBe(250);
    expect(pager.row(300)).toBeUndefined();
  });

  it("prefetches only as close to the end as asked", async () => {
    const src = source(1_000);
    const pager = new Pager(src.fetch, { pageSize: 50, maxPages: 40, prefetchRows: 10 });
    await pager.ensure(0, 30);
    // Row 30 is 20 rows from the end of page 0: no second page yet.
    expect(src.calls).toEqual([null]);
    expect(pager.knownRows).toBe(50);
    await pager.ensure(10, 40);
    // Row 40 is within 10 rows of the end: the next page comes.
    expect(src.calls).toEqual([null, "k49"]);
    expect(pager.knownRows).toBe(100);
  });

  it("ensures a far range by walking the cursors in order", async () => {
    const src = source(10_000);
    const pager = new Pager(src.fetch, { pageSize: 100, maxPages: 3 });
    await pager.ensure(950, 960);
    expect(pager.row(950)?.id).toBe(950);
    expect(pager.row(960)?.id).toBe(960);
    expect(src.calls.slice(0, 3)).toEqual([null, "k99", "k199"]);
    expect(pager.knownRows).toBeGreaterThan(960);
    expect(pager.loadedPages).toBeLessThanOrEqual(3);
  });

  it("keeps at most maxPages pages and refetches an evicted one by its kept cursor", async () => {
    const src = source(10_000);
    const pager = new Pager(src.fetch, { pageSize: 100, maxPages: 4 });
    for (let first = 0; first < 2_000; first += 50) {
      await pager.ensure(first, first + 49);
      expect(pager.loadedPages).toBeLessThanOrEqual(4);
    }
    expect(pager.row(0)).toBeUndefined();
    expect(pager.row(1_999)?.id).toBe(1_999);
    const before = src.calls.length;
    const knownBefore = pager.knownRows;

    await pager.ensure(0, 49);
    expect(src.calls.slice(before)).toEqual([null]);
    expect(pager.row(0)?.id).toBe(0);
    expect(pager.row(49)?.id).toBe(49);

    // A page in the middle comes back with its own cursor, not a walk.
    await pager.ensure(1_250, 1_260);
    expect(src.calls.slice(before + 1)).toEqual(["k1199"]);
    expect(pager.row(1_255)?.id).toBe(1_255);
    expect(pager.knownRows).toBe(knownBefore);
    expect(pager.loadedPages).toBeLessThanOrEqual(4);
  });

  it("evicts the least recently used page, not the oldest loaded", async () => {
    const src = source(10_000);
    const pager = new Pager(src.fetch, { pageSize: 10, maxPages: 3 });
    await pager.ensure(0, 0); // pages 0 and 1 (prefetch)
    await pager.ensure(20, 20); // page 2, then 3 (prefetch) evicts page 0
    expect(pager.row(0)).toBeUndefined();
    await pager.ensure(10, 10); // touches page 1
    await pager.ensure(40, 40); // pages 4 and 5 evict 2 and 3, keep 1
    expect(pager.row(10)?.id).toBe(10);
    expect(pager.row(20)).toBeUndefined();
    expect(pager.row(30)).toBeUndefined();
  });

  it("shares in-flight fetches between concurrent ensure calls", async () => {
    const src = source(10_000);
    const pager = new Pager(src.fetch, { pageSize: 100, maxPages: 40 });
    await Promise.all([
      pager.ensure(0, 50),
      pager.ensure(0, 50),
      pager.ensure(10, 90),
      pager.ensure(150, 250),
    ]);
    expect(src.calls).toEqual([null, "k99", "k199", "k299"]);
    for (let i = 0; i < pager.knownRows; i++) expect(pager.row(i)?.id).toBe(i);
  });

  it("never fetches the same page twice at once", async () => {
    const src = manualSource();
    const pager = new Pager(src.fetch, { pageSize: 10, maxPages: 40 });
    const a = pager.ensure(0, 5);
    const b = pager.ensure(0, 5);
    await flush();
    expect(src.pending.map((p) => p.cursor)).toEqual([null]);
    src.pending[0].resolve({ items: rows(0, 10), next: "k9" });
    await flush();
    expect(src.pending.map((p) => p.cursor)).toEqual([null, "k9"]);
    src.pending[1].resolve({ items: rows(10, 20), next: null });
    await Promise.all([a, b]);
    expect(pager.knownRows).toBe(20);
    expect(pager.done).toBe(true);
  });

  it("notifies subscribers on every load until they unsubscribe", async () => {
    const src = source(1_000);
    const pager = new Pager(src.fetch, { pageSize: 100, maxPages: 2 });
    let calls = 0;
    const off = pager.subscribe(() => calls++);
    await pager.ensure(0, 10);
    expect(calls).toBe(2);
    await pager.ensure(300, 310); // pages 2, 3, 4 (prefetch), each evicting one
    expect(calls).toBe(5);
    off();
    await pager.ensure(0, 10);
    expect(calls).toBe(5);
  });

  it("drops late results and stops fetching once disposed", async () => {
    const src = manualSource();
    const pager = new Pager(src.fetch, { pageSize: 10, maxPages: 40 });
    let notified = 0;
    pager.subscribe(() => notified++);
    const pending = pager.ensure(0, 5);
    await flush();
    pager.dispose();
    src.pending[0].resolve({ items: rows(0, 10), next: "k9" });
    await pending;
    expect(notified).toBe(0);
    expect(pager.knownRows).toBe(0);
    expect(pager.row(0)).toBeUndefined();
    expect(pager.loadedPages).toBe(0);
    await pager.ensure(0, 100);
    expect(src.pending.length).toBe(1);
  });

  it("rejects on a failed fetch and works on retry", async () => {
    let fail = true;
    const src = source(500);
    const flaky: FetchPage<Row> = (cursor, limit) => {
      if (cursor === "k99" && fail) {
        fail = false;
        return Promise.reject(new Error("database busy"));
      }
      return src.fetch(cursor, limit);
    };
    const pager = new Pager(flaky, { pageSize: 100, maxPages: 40 });
    await expect(pager.ensure(0, 150)).rejects.toThrow("database busy");
    expect(pager.row(50)?.id).toBe(50);
    expect(pager.knownRows).toBe(100);
    await pager.ensure(0, 150);
    expect(pager.row(150)?.id).toBe(150);
    expect(src.calls.filter((c) => c === "k99").length).toBe(1);
  });

  it("reports an empty source as done with no rows", async () => {
    const src = source(0);
    const pager = new Pager(src.fetch, { pageSize: 100, maxPages: 40 });
    await pager.ensure(0, 30);
    expect(pager.knownRows).toBe(0);
    expect(pager.done).toBe(true);
    expect(pager.loadedPages).toBe(0);
    expect(pager.row(0)).toBeUndefined();
    await pager.ensure(0, 30);
    expect(src.calls).toEqual([null]);
  });

  it("ends the list at an empty page even if it carries a cursor", async () => {
    let calls = 0;
    const pager = new Pager<Row>(
      async () => {
        // Fail loudly rather than hang if the pager keeps following the cursor.
        if (++calls > 3) throw new Error("kept walking past an empty page");
        return { items: [], next: "k0" };
      },
      { pageSize: 10, maxPages: 4 },
    );
    await pager.ensure(0, 100);
    expect(calls).toBe(1);
    expect(pager.done).toBe(true);
  });

  it("forgets what lay past a refetched page that changed", async () => {
    let total = 30;
    const calls: (string | null)[] = [];
    const fetch: FetchPage<Row> = async (cursor, limit) => {
      calls.push(cursor);
      return source(total).fetch(cursor, limit);
    };
    const pager = new Pager(fetch, { pageSize: 10, maxPages: 1 });
    await pager.ensure(0, 29);
    expect(pager.knownRows).toBe(30);
    expect(pager.done).toBe(true);
    total = 5; // rows were deleted elsewhere
    await pager.ensure(0, 0);
    expect(pager.knownRows).toBe(5);
    expect(pager.done).toBe(true);
    expect(pager.row(4)?.id).toBe(4);
    expect(pager.row(5)).toBeUndefined();
  });

  it("rejects nonsensical options", () => {
    const src = source(10);
    expect(() => new Pager(src.fetch, { pageSize: 0, maxPages: 4 })).toThrow(RangeError);
    expect(() => new Pager(src.fetch, { pageSize: 10, maxPages: 0 })).toThrow(RangeError);
  });
});

function rows(from: number, to: number): Row[] {
  return Array.from({ length: to - from }, (_, i) => ({ id: from + i }));
}

describe("offsetPages", () => {
  it("pages an offset source through the pager with decimal cursors", async () => {
    const seen: [number, number][] = [];
    const fetch = offsetPages<Row>(async (offset, limit) => {
      seen.push([offset, limit]);
      const items = rows(offset, Math.min(offset + limit, 250));
      return { items, more: offset + limit < 250 };
    });
    expect(await fetch(null, 100)).toEqual({ items: rows(0, 100), next: "100" });
    expect(await fetch("200", 100)).toEqual({ items: rows(200, 250), next: null });

    const pager = new Pager(fetch, { pageSize: 100, maxPages: 2 });
    await pager.ensure(0, 249);
    expect(pager.done).toBe(true);
    expect(pager.knownRows).toBe(250);
    expect(pager.row(249)?.id).toBe(249);
    expect(seen.slice(2)).toEqual([
      [0, 100],
      [100, 100],
      [200, 100],
    ]);
  });

  it("rejects a cursor that is not an offset", async () => {
    const fetch = offsetPages<Row>(async () => ({ items: [], more: false }));
    await expect(fetch("k12", 10)).rejects.toThrow(RangeError);
    await expect(fetch("-5", 10)).rejects.toThrow(RangeError);
  });
});
