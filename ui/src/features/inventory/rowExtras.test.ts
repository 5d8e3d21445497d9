import { describe, expect, it } from "vitest";
import { RowExtras } from "./rowExtras.svelte";

/** A fetch that records each call's ids and answers "extra of <id>". */
function recording() {
  const calls: string[][] = [];
  const fetch = async (ids: string[]) => {
    calls.push(ids);
    return ids.map((id) => [id, `extra of ${id}`] as const);
  };
  return { calls, fetch };
}

const settled = () => new Promise((r) => setTimeout(r, 0));

describe("RowExtras", () => {
  it("fetches once per page while on", async () => {
    const { calls, fetch } = recording();
    const extras = new RowExtras(fetch, "failed", true, 2);
    extras.load(["a", "b"]);
    extras.load(["c"]);
    await settled();
    expect(calls).toEqual([["a", "b"], ["c"]]);
    expect(extras.byItem.get("c")).toBe("extra of c");
  });

  it("when turned on, fills the remembered pages in one call", async () => {
    const { calls, fetch } = recording();
    const extras = new RowExtras(fetch, "failed", false, 2);
    extras.load(["a"]);
    extras.load(["b"]);
    extras.load(["c"]);
    await settled();
    expect(calls).toEqual([]);
    extras.setEnabled(true);
    extras.load(["d"]);
    await settled();
    // Only the last two pages are remembered, as the pager keeps no more.
    expect(calls).toEqual([["b", "c"], ["d"]]);
    expect(extras.byItem.has("a")).toBe(false);
  });

  it("drops answers that come after it is disposed", async () => {
    const { fetch } = recording();
    const extras = new RowExtras(fetch, "failed", true, 2);
    extras.load(["a"]);
    extras.dispose();
    await settled();
    expect(extras.byItem.size).toBe(0);
  });
});
