import { describe, expect, it } from "vitest";
import { gradeText, linePoints } from "./card";

describe("gradeText", () => {
  it("writes whole grades without a decimal", () => {
    expect(gradeText(100)).toBe("10");
    expect(gradeText(5)).toBe("0.5");
    expect(gradeText(null)).toBe("");
  });
});

describe("linePoints", () => {
  it("puts the highest value at the top and spans the width", () => {
    expect(linePoints([1, 3, 2], 100, 20, 0)).toBe("0,20 50,0 100,10");
  });

  it("draws a single value level across the middle", () => {
    expect(linePoints([5], 100, 20, 2)).toBe("2,10 98,10");
    expect(linePoints([], 100, 20)).toBe("");
  });
});
