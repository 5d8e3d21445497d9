import { describe, expect, it } from "vitest";
import { all, clicked, inOrder, NOTHING, within, type Selection } from "./selection";

const order = ["a", "b", "c", "d", "e"];
const plain = { toggle: false, range: false };
const ctrl = { toggle: true, range: false };
const shift = { toggle: false, range: true };
const ctrlShift = { toggle: true, range: true };

function ids(sel: Selection): string[] {
  return inOrder(sel, order);
}

describe("clicked", () => {
  it("picks one photo on a plain click", () => {
    let sel = clicked(NOTHING, order, "b", plain);
    sel = clicked(sel, order, "d", plain);
    expect(ids(sel)).toEqual(["d"]);
    expect(sel.anchor).toBe("d");
  });

  it("adds and removes with Ctrl/Cmd", () => {
    let sel = clicked(NOTHING, order, "b", plain);
    sel = clicked(sel, order, "d", ctrl);
    expect(ids(sel)).toEqual(["b", "d"]);
    sel = clicked(sel, order, "b", ctrl);
    expect(ids(sel)).toEqual(["d"]);
  });

  it("picks the run from the anchor with Shift, either way", () => {
    let sel = clicked(NOTHING, order, "b", plain);
    expect(ids(clicked(sel, order, "d", shift))).toEqual(["b", "c", "d"]);
    sel = clicked(NOTHING, order, "d", plain);
    expect(ids(clicked(sel, order, "a", shift))).toEqual(["a", "b", "c", "d"]);
  });

  it("keeps the anchor, so a second Shift+click replaces the run", () => {
    let sel = clicked(NOTHING, order, "c", plain);
    sel = clicked(sel, order, "e", shift);
    sel = clicked(sel, order, "a", shift);
    expect(ids(sel)).toEqual(["a", "b", "c"]);
  });

  it("adds a run to what is picked with Ctrl+Shift", () => {
    let sel = clicked(NOTHING, order, "a", plain);
    sel = clicked(sel, order, "d", ctrl);
    sel = clicked(sel, order, "e", ctrlShift);
    expect(ids(sel)).toEqual(["a", "d", "e"]);
  });

  it("treats Shift with no anchor as a plain click", () => {
    expect(ids(clicked(NOTHING, order, "c", shift))).toEqual(["c"]);
  });
});

describe("all and within", () => {
  it("selects everything", () => {
    expect(ids(all(order))).toEqual(order);
  });

  it("forgets photos that left the grid, anchor included", () => {
    let sel = clicked(NOTHING, order, "b", plain);
    sel = clicked(sel, order, "d", shift);
    const left = within(sel, ["a", "c", "d", "e"]);
    expect(inOrder(left, order)).toEqual(["c", "d"]);
    expect(left.anchor).toBeNull();
  });
});
