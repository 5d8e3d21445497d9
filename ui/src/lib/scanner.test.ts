import { describe, expect, it } from "vitest";
import { DEFAULT_SCANNER, ScanDetector, installScanner, type ScanStep } from "./scanner";

/** Feeds `text` as keys `gap` ms apart from `t0`, then Enter `enterGap` later. */
function typeInto(
  d: ScanDetector,
  text: string,
  t0: number,
  gap: number,
  enterGap = gap,
): { steps: ScanStep[]; enter: ScanStep; end: number } {
  const steps: ScanStep[] = [];
  let t = t0;
  for (const [i, ch] of Array.from(text).entries()) {
    if (i > 0) t += gap;
    steps.push(d.key({ key: ch, time: t }));
  }
  t += enterGap;
  return { steps, enter: d.key({ key: "Enter", time: t }), end: t };
}

/** Feeds `text` then Enter from `t0`, `gaps[i]` ms before key i + 1 (the last before Enter). */
function typeWithGaps(d: ScanDetector, text: string, t0: number, gaps: number[]): ScanStep[] {
  const keys = [...Array.from(text), "Enter"];
  expect(gaps.length).toBe(keys.length - 1);
  let t = t0;
  return keys.map((key, i) => {
    if (i > 0) t += gaps[i - 1];
    return d.key({ key, time: t });
  });
}

/** `n` gaps of `fast` ms with `slow` ones at the given positions. */
function gapsWith(n: number, fast: number, slow: Record<number, number>): number[] {
  return Array.from({ length: n }, (_, i) => slow[i] ?? fast);
}

describe("ScanDetector", () => {
  it("has the documented defaults", () => {
    expect(DEFAULT_SCANNER).toEqual({ maxGapMs: 40, slowGapMs: 100, minLength: 4 });
  });

  it("recognises a fast burst ended by Enter as a scan", () => {
    const d = new ScanDetector();
    const { steps, enter } = typeInto(d, "0123456789012", 1000, 8);
    expect(steps[0]).toEqual({ kind: "start" });
    expect(steps.slice(1).every((s) => s.kind === "none")).toBe(true);
    expect(enter).toEqual({ kind: "scan", code: "0123456789012" });
  });

  it("accepts gaps of exactly maxGapMs", () => {
    const d = new ScanDetector({ maxGapMs: 20 });
    expect(typeInto(d, "ABCD", 0, 20).enter).toEqual({ kind: "scan", code: "ABCD" });
  });

  it("tolerates one slow gap in an otherwise fast burst, wherever it falls", () => {
    // The e2e burst that once failed: a single 43 ms gap from a busy machine.
    const code = "SCAN-0001";
    for (const slow of [43, 90, 100]) {
      for (const at of [0, 4, code.length - 1]) {
        const d = new ScanDetector();
        const steps = typeWithGaps(d, code, 1000, gapsWith(code.length, 5, { [at]: slow }));
        expect(steps[0]).toEqual({ kind: "start" });
        expect(steps.slice(1, -1).every((s) => s.kind === "none")).toBe(true);
        expect(steps.at(-1)).toEqual({ kind: "scan", code });
      }
    }
  });

  it("rejects a burst with two slow gaps, and starts afresh at the second", () => {
    const d = new ScanDetector();
    const steps = typeWithGaps(d, "SCAN-0001", 0, gapsWith(9, 5, { 2: 43, 6: 43 }));
    expect(steps.map((s) => s.kind)).toEqual([
      ...["start", "none", "none", "none", "none", "none", "none"],
      ...["start", "none", "none"],
    ]);
    expect(steps.at(-1)).toEqual({ kind: "none" });
  });

  it("ends a burst at any gap over slowGapMs, the Enter's too", () => {
    const d = new ScanDetector();
    const mid = typeWithGaps(d, "SCAN-0001", 0, gapsWith(9, 5, { 3: 101 }));
    expect(mid[4]).toEqual({ kind: "start" });
    // What is left after the gap ("-0001") is a burst of its own.
    expect(mid.at(-1)).toEqual({ kind: "scan", code: "-0001" });
    expect(typeWithGaps(d, "SCAN-0001", 1000, gapsWith(9, 5, { 8: 101 })).at(-1)).toEqual({
      kind: "none",
    });
  });

  it("wants the burst's mean gap within maxGapMs", () => {
    const d = new ScanDetector();
    // Four gaps: 30 + 30 + 30 + 70 = 160, a mean of exactly 40 ms.
    expect(typeWithGaps(d, "ABCD", 0, [30, 30, 70, 30]).at(-1)).toEqual({
      kind: "scan",
      code: "ABCD",
    });
    expect(typeWithGaps(d, "ABCD", 1000, [30, 31, 70, 30]).at(-1)).toEqual({ kind: "none" });
  });

  it("treats a burst shorter than minLength as an ordinary Enter", () => {
    const d = new ScanDetector({ minLength: 4 });
    expect(typeInto(d, "ABC", 0, 5).enter).toEqual({ kind: "none" });
    expect(typeInto(d, "ABCD", 100, 5).enter).toEqual({ kind: "scan", code: "ABCD" });
  });

  it("takes a bin's short code for a scan only at a steady scanner's pace", () => {
    const d = new ScanDetector();
    expect(typeInto(d, "B1", 0, 5).enter).toEqual({ kind: "scan", code: "B1" });
    expect(typeInto(d, "B12", 100, 6).enter).toEqual({ kind: "scan", code: "B12" });
    // One slow gap, which a longer code may have, is a person here.
    expect(typeWithGaps(d, "B7", 200, [5, 60]).at(-1)).toEqual({ kind: "none" });
    expect(typeInto(d, "B1", 400, 60).enter).toEqual({ kind: "none" });
    // Other short words stay words, however fast.
    expect(typeInto(d, "ok", 600, 5).enter).toEqual({ kind: "none" });
    expect(typeInto(d, "BB1", 800, 5).enter).toEqual({ kind: "none" });
  });

  it("never sees a scan in a person's typing, and starts afresh on every key", () => {
    const d = new ScanDetector();
    const { steps, enter } = typeInto(d, "ABC12345", 0, 120);
    expect(steps.every((s) => s.kind === "start")).toBe(true);
    expect(enter).toEqual({ kind: "none" });
  });

  it("never sees a scan in a fast typist's steady 60 ms either", () => {
    const d = new ScanDetector();
    expect(typeInto(d, "ABC12345", 0, 60).enter).toEqual({ kind: "none" });
  });

  it("does not take a fast typist's short word for a scan", () => {
    const d = new ScanDetector();
    // Rolled-over pairs are quick, the pauses between them are not.
    expect(typeWithGaps(d, "word", 0, [35, 80, 30, 70]).at(-1)).toEqual({ kind: "none" });
    // Shorter than minLength, however fast.
    expect(typeWithGaps(d, "the", 1000, [25, 30, 30]).at(-1)).toEqual({ kind: "none" });
  });

  it("does not count an Enter that comes too long after a fast burst", () => {
    const d = new ScanDetector();
    expect(typeInto(d, "ABCDEF", 0, 5, 200).enter).toEqual({ kind: "none" });
  });

  it("returns none for Enter with nothing typed", () => {
    const d = new ScanDetector();
    expect(d.key({ key: "Enter", time: 0 })).toEqual({ kind: "none" });
    expect(d.key({ key: "Enter", time: 5 })).toEqual({ kind: "none" });
  });

  it("restarts the burst after a gap, emitting start for the key after it", () => {
    const d = new ScanDetector();
    const keys = ["X", "Y", "1", "2", "3", "4"];
    const times = [0, 10, 500, 510, 520, 530];
    const steps = keys.map((key, i) => d.key({ key, time: times[i] }));
    expect(steps.map((s) => s.kind)).toEqual(["start", "none", "start", "none", "none", "none"]);
    expect(d.key({ key: "Enter", time: 540 })).toEqual({ kind: "scan", code: "1234" });
  });

  it("does not let modifier combos start or extend a burst", () => {
    const d = new ScanDetector();
    expect(d.key({ key: "k", time: 0, ctrl: true })).toEqual({ kind: "none" });
    expect(d.key({ key: "A", time: 5 })).toEqual({ kind: "start" });
    expect(d.key({ key: "B", time: 10 })).toEqual({ kind: "none" });
    // Ctrl+K inside a fast burst breaks it: the key after starts over.
    expect(d.key({ key: "k", time: 15, ctrl: true })).toEqual({ kind: "none" });
    expect(d.key({ key: "C", time: 20 })).toEqual({ kind: "start" });
    expect(d.key({ key: "D", time: 25, alt: true })).toEqual({ kind: "none" });
    expect(d.key({ key: "E", time: 30, meta: true })).toEqual({ kind: "none" });
    expect(d.key({ key: "Enter", time: 35 })).toEqual({ kind: "none" });
  });

  it("ignores Shift inside a burst but breaks it on other non-printable keys", () => {
    const d = new ScanDetector();
    d.key({ key: "a", time: 0 });
    d.key({ key: "Shift", time: 5 });
    d.key({ key: "B", time: 10 });
    d.key({ key: "c", time: 15 });
    d.key({ key: "Shift", time: 20 });
    d.key({ key: "D", time: 25 });
    expect(d.key({ key: "Enter", time: 30 })).toEqual({ kind: "scan", code: "aBcD" });

    d.key({ key: "a", time: 100 });
    d.key({ key: "b", time: 105 });
    d.key({ key: "Backspace", time: 110 });
    expect(d.key({ key: "c", time: 115 })).toEqual({ kind: "start" });
    d.key({ key: "d", time: 120 });
    expect(d.key({ key: "Enter", time: 125 })).toEqual({ kind: "none" });
  });

  it("recognises two scans back to back", () => {
    const d = new ScanDetector();
    const first = typeInto(d, "111111", 0, 5);
    const second = typeInto(d, "222222", first.end + 5, 5);
    expect(first.enter).toEqual({ kind: "scan", code: "111111" });
    expect(second.steps[0]).toEqual({ kind: "start" });
    expect(second.enter).toEqual({ kind: "scan", code: "222222" });
  });

  it("forgets a burst in progress on reset", () => {
    const d = new ScanDetector();
    typeInto(d, "ABCDE", 0, 5, 0);
    d.key({ key: "A", time: 100 });
    d.key({ key: "B", time: 105 });
    d.key({ key: "C", time: 110 });
    d.key({ key: "D", time: 115 });
    d.reset();
    expect(d.key({ key: "Enter", time: 120 })).toEqual({ kind: "none" });
  });
});

// Minimal stand-ins for the DOM: enough of a window, a focused text field
// and keyboard events for installScanner, including the browser's default
// action of inserting a typed character at the caret.

class FakeField extends EventTarget {
  tagName: string;
  type: string;
  value = "";
  selectionStart: number | null = 0;
  selectionEnd: number | null = 0;
  inputEvents = 0;

  constructor(tagName = "INPUT", type = "text") {
    super();
    this.tagName = tagName;
    this.type = type;
    this.addEventListener("input", (e) => {
      if (e.bubbles) this.inputEvents++;
    });
  }

  setSelectionRange(start: number | null, end: number | null): void {
    this.selectionStart = start;
    this.selectionEnd = end;
  }

  /** What the browser does with an unprevented printable keydown. */
  insert(ch: string): void {
    const start = this.selectionStart ?? this.value.length;
    const end = this.selectionEnd ?? start;
    this.value = this.value.slice(0, start) + ch + this.value.slice(end);
    this.selectionStart = this.selectionEnd = start + ch.length;
  }
}

class FakeKey {
  defaultPrevented = false;
  propagationStopped = false;
  readonly key: string;
  readonly timeStamp: number;
  readonly ctrlKey: boolean;
  readonly altKey = false;
  readonly metaKey = false;
  readonly repeat: boolean;

  constructor(key: string, timeStamp: number, ctrlKey = false, repeat = false) {
    this.key = key;
    this.timeStamp = timeStamp;
    this.ctrlKey = ctrlKey;
    this.repeat = repeat;
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
  stopPropagation(): void {
    this.propagationStopped = true;
  }
}

type Listener = (e: FakeKey) => void;

class FakeWindow {
  document: { activeElement: FakeField | null } = { activeElement: null };
  capture: Listener[] = [];
  /** Enters that reached the app (not swallowed by the scanner). */
  entersSeen = 0;

  addEventListener(type: string, listener: Listener, capture?: boolean): void {
    if (type === "keydown" && capture === true) this.capture.push(listener);
  }
  removeEventListener(type: string, listener: Listener, capture?: boolean): void {
    if (type === "keydown" && capture === true) {
      this.capture = this.capture.filter((l) => l !== listener);
    }
  }

  /** Dispatches a keydown as the browser would: capture listeners, then the default. */
  press(key: string, time: number, ctrl = false, repeat = false): FakeKey {
    const e = new FakeKey(key, time, ctrl, repeat);
    for (const l of this.capture) l(e);
    const field = this.document.activeElement;
    if (!e.propagationStopped && key === "Enter") this.entersSeen++;
    if (!e.defaultPrevented && field && key.length === 1 && !ctrl) field.insert(key);
    return e;
  }

  type(text: string, t0: number, gap: number): number {
    let t = t0;
    for (const ch of text) {
      this.press(ch, t);
      t += gap;
    }
    return t;
  }

  asWindow(): Window {
    return this as unknown as Window;
  }
}

function setup(field: FakeField | null = new FakeField()) {
  const win = new FakeWindow();
  win.document.activeElement = field;
  const scans: string[] = [];
  const detach = installScanner(win.asWindow(), (code) => scans.push(code));
  return { win, field, scans, detach };
}

describe("installScanner", () => {
  it("swallows the Enter of a scan, empties the burst from the field and reports the code", () => {
    const { win, field, scans } = setup();
    const t = win.type("4006381333931", 0, 5);
    const enter = win.press("Enter", t);
    expect(scans).toEqual(["4006381333931"]);
    expect(enter.defaultPrevented).toBe(true);
    expect(enter.propagationStopped).toBe(true);
    expect(win.entersSeen).toBe(0);
    expect(field?.value).toBe("");
    expect(field?.inputEvents).toBe(1);
  });

  it("keeps the person's earlier text and caret when a scan lands in the same field", () => {
    const { win, field, scans } = setup();
    let t = win.type("Blue mug", 0, 120);
    t = win.type("SKU-0042", t + 500, 4);
    expect(field?.value).toBe("Blue mugSKU-0042");
    win.press("Enter", t);
    expect(scans).toEqual(["SKU-0042"]);
    expect(field?.value).toBe("Blue mug");
    expect([field?.selectionStart, field?.selectionEnd]).toEqual([8, 8]);
  });

  it("takes a burst with one slow gap back out of the field too", () => {
    const { win, field, scans } = setup();
    let t = win.type("Blue mug", 0, 120);
    t = win.type("SKU-", t + 500, 4);
    t = win.type("0042", t + 39, 4);
    expect(field?.value).toBe("Blue mugSKU-0042");
    win.press("Enter", t);
    expect(scans).toEqual(["SKU-0042"]);
    expect(field?.value).toBe("Blue mug");
    expect(win.entersSeen).toBe(0);
  });

  it("restores a selection the burst replaced", () => {
    const field = new FakeField();
    field.value = "hello world";
    field.setSelectionRange(0, 5);
    const { win, scans } = setup(field);
    win.press("Enter", win.type("12345678", 0, 3));
    expect(scans).toEqual(["12345678"]);
    expect(field.value).toBe("hello world");
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, 5]);
  });

  it("neither eats nor delays slow typing, and lets its Enter through", () => {
    const { win, field, scans } = setup();
    const t = win.type("ABC12345", 0, 60);
    const enter = win.press("Enter", t);
    expect(scans).toEqual([]);
    expect(enter.defaultPrevented).toBe(false);
    expect(win.entersSeen).toBe(1);
    expect(field?.value).toBe("ABC12345");
    expect(field?.inputEvents).toBe(0);
  });

  it("does not mistake a held key's auto-repeat for a scan", () => {
    const { win, field, scans } = setup();
    win.press("a", 0);
    for (let t = 500; t <= 650; t += 30) win.press("a", t, false, true);
    win.press("Enter", 670);
    expect(scans).toEqual([]);
    expect(win.entersSeen).toBe(1);
    expect(field?.value).toBe("aaaaaaa");
  });

  it("lets a short fast burst's Enter through untouched", () => {
    const { win, field, scans } = setup();
    win.press("Enter", win.type("ok", 0, 5));
    expect(scans).toEqual([]);
    expect(win.entersSeen).toBe(1);
    expect(field?.value).toBe("ok");
  });

  it("scans with no text field focused and touches nothing", () => {
    const { win, scans } = setup(null);
    win.press("Enter", win.type("B12-3", 0, 5));
    expect(scans).toEqual(["B12-3"]);
    expect(win.entersSeen).toBe(0);
  });

  it("does not restore a non-text input such as a checkbox", () => {
    const box = new FakeField("INPUT", "checkbox");
    box.value = "on";
    const { win, scans } = setup(box);
    win.press("Enter", win.type("ABCD", 0, 5));
    expect(scans).toEqual(["ABCD"]);
    expect(box.inputEvents).toBe(0);
  });

  it("handles textareas and two scans back to back", () => {
    const area = new FakeField("TEXTAREA");
    area.value = "notes: ";
    area.setSelectionRange(7, 7);
    const { win, scans } = setup(area);
    let t = win.type("AAAA1111", 0, 5);
    win.press("Enter", t);
    t = win.type("BBBB2222", t + 5, 5);
    win.press("Enter", t);
    expect(scans).toEqual(["AAAA1111", "BBBB2222"]);
    expect(area.value).toBe("notes: ");
    expect(area.inputEvents).toBe(2);
  });

  it("stops listening once detached", () => {
    const { win, field, scans, detach } = setup();
    detach();
    win.press("Enter", win.type("12345678", 0, 5));
    expect(scans).toEqual([]);
    expect(field?.value).toBe("12345678");
    expect(win.entersSeen).toBe(1);
  });
});
