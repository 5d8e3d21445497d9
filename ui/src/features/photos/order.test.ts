import { describe, expect, it } from "vitest";
import { gapAt, indexForGap, moved } from "./order";

describe("moved", () => {
  it("moves forward and back", () => {
    expect(moved(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moved(["a", "b", "c", "d"], 3, 0)).toEqual(["d", "a", "b", "c"]);
  });

  it("clamps past the ends and leaves a bad start alone", () => {
    expect(moved(["a", "b", "c"], 0, 9)).toEqual(["b", "c", "a"]);
    expect(moved(["a", "b", "c"], 2, -1)).toEqual(["c", "a", "b"]);
    expect(moved(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });

  it("does not change the list it was given", () => {
    const list = ["a", "b"];
    moved(list, 0, 1);
    expect(list).toEqual(["a", "b"]);
  });
});

describe("dragging a thumbnail", () => {
  // Three thumbnails 100 px wide: middles at 50, 150, 250.
  const mids = [50, 150, 250];

  it("finds the gap under the pointer", () => {
    expect(gapAt(mids, 10)).toBe(0);
    expect(gapAt(mids, 120)).toBe(1);
    expect(gapAt(mids, 260)).toBe(3);
  });

  it("drops the first photo after the last", () => {
    const order = moved(["a", "b", "c"], 0, indexForGap(0, gapAt(mids, 260)));
    expect(order).toEqual(["b", "c", "a"]);
  });

  it("drops the last photo first", () => {
    const order = moved(["a", "b", "c"], 2, indexForGap(2, gapAt(mids, 10)));
    expect(order).toEqual(["c", "a", "b"]);
  });

  it("leaves the order alone when dropped beside itself", () => {
    for (const x of [120, 180]) {
      expect(moved(["a", "b", "c"], 1, indexForGap(1, gapAt(mids, x)))).toEqual(["a", "b", "c"]);
    }
  });
});
