import { describe, expect, it } from "vitest";
import { cssPoint, dropKey, dropScale, dropTargetOf, NEW_ITEM, type DropNode } from "./drop";

/** A chain of fake elements, innermost first, each with its attributes. */
function chain(...levels: Record<string, string>[]): DropNode {
  let parent: DropNode | null = null;
  for (const attrs of [...levels].reverse()) {
    const node: DropNode = { getAttribute: (n) => attrs[n] ?? null, parentElement: parent };
    parent = node;
  }
  if (!parent) throw new Error("empty chain");
  return parent;
}

describe("dropTargetOf", () => {
  it("finds the nearest item above the element under the pointer", () => {
    const cell = chain(
      {},
      { "data-drop-item": "item-1", "data-drop-title": "Blue Vase" },
      { "data-drop-item": "item-2" },
    );
    expect(dropTargetOf(cell)).toEqual({ kind: "item", id: "item-1", title: "Blue Vase" });
  });

  it("sends a drop outside any item to the inbox", () => {
    expect(dropTargetOf(chain({}, { class: "toolbar" }))).toEqual({ kind: "inbox" });
    expect(dropTargetOf(null)).toEqual({ kind: "inbox" });
  });

  it("knows the editor of an item not yet saved", () => {
    expect(dropTargetOf(chain({}, { "data-drop-item": NEW_ITEM }))).toEqual({ kind: "new" });
  });

  it("skips an empty attribute (a row still loading) and keeps looking up", () => {
    const node = chain({ "data-drop-item": "" }, {});
    expect(dropTargetOf(node)).toEqual({ kind: "inbox" });
  });
});

describe("dropScale", () => {
  const windows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Edg/120.0";
  const mac = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15";
  const linux = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15";

  it("divides by the ratio only where the position is physical (Windows)", () => {
    expect(dropScale(windows, 1.5)).toBe(1.5);
    expect(dropScale(mac, 2)).toBe(1);
    expect(dropScale(linux, 2)).toBe(1);
  });
});

describe("cssPoint", () => {
  it("divides physical pixels by the device pixel ratio", () => {
    expect(cssPoint({ x: 300, y: 150 }, 2)).toEqual({ x: 150, y: 75 });
    expect(cssPoint({ x: 300, y: 150 }, 1.5)).toEqual({ x: 200, y: 100 });
  });

  it("treats a missing ratio as 1", () => {
    expect(cssPoint({ x: 7, y: 9 }, 0)).toEqual({ x: 7, y: 9 });
  });
});

describe("dropKey", () => {
  it("tells targets apart", () => {
    expect(dropKey({ kind: "item", id: "a", title: "" })).toBe("item:a");
    expect(dropKey({ kind: "inbox" })).toBe("inbox");
    expect(dropKey({ kind: "new" })).toBe("new");
  });
});
