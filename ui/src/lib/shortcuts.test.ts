import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SCANNER } from "./scanner";
import { installShortcuts, LETTER_DELAY_MS } from "./shortcuts";

/** A window just real enough for the shortcut handler. */
function fakeWindow() {
  const listeners: ((e: KeyboardEvent) => void)[] = [];
  const win = {
    document: { activeElement: null as Element | null },
    addEventListener: (_: string, f: (e: KeyboardEvent) => void) => listeners.push(f),
    removeEventListener: (_: string, f: (e: KeyboardEvent) => void) =>
      listeners.splice(listeners.indexOf(f), 1),
  };
  const press = (key: string, mods: Partial<KeyboardEvent> = {}) => {
    const e = {
      key,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      defaultPrevented: false,
      preventDefault(this: { defaultPrevented: boolean }) {
        this.defaultPrevented = true;
      },
      ...mods,
    } as unknown as KeyboardEvent;
    listeners.forEach((f) => f(e));
    return e;
  };
  return { win: win as unknown as Window, press, listeners };
}

function handlers() {
  return {
    search: vi.fn(),
    newItem: vi.fn(),
    close: vi.fn(() => true),
    undo: vi.fn(),
  };
}

describe("shortcuts", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("opens a new item on N after a moment", () => {
    const { win, press } = fakeWindow();
    const h = handlers();
    installShortcuts(win, h);
    press("n");
    expect(h.newItem).not.toHaveBeenCalled();
    vi.advanceTimersByTime(LETTER_DELAY_MS);
    expect(h.newItem).toHaveBeenCalledTimes(1);
  });

  it("does not take an N that starts a scanned code for the shortcut", () => {
    const { win, press } = fakeWindow();
    const h = handlers();
    installShortcuts(win, h);
    for (const key of "N-100") press(key);
    press("Enter");
    vi.advanceTimersByTime(LETTER_DELAY_MS * 2);
    expect(h.newItem).not.toHaveBeenCalled();
  });

  it("waits out the scanner's one slow gap after the N of a scanned code", () => {
    const { win, press } = fakeWindow();
    const h = handlers();
    installShortcuts(win, h);
    press("N");
    vi.advanceTimersByTime(DEFAULT_SCANNER.slowGapMs);
    for (const key of "-100") press(key);
    press("Enter");
    vi.advanceTimersByTime(LETTER_DELAY_MS * 2);
    expect(h.newItem).not.toHaveBeenCalled();
  });

  it("leaves N alone while a text field has focus", () => {
    const { win, press } = fakeWindow();
    const h = handlers();
    (win.document as { activeElement: unknown }).activeElement = {
      tagName: "INPUT",
      type: "text",
    };
    installShortcuts(win, h);
    const e = press("n");
    vi.advanceTimersByTime(LETTER_DELAY_MS);
    expect(h.newItem).not.toHaveBeenCalled();
    expect(e.defaultPrevented).toBe(false);
  });

  it("focuses search on Ctrl+K and Cmd+K, even in a text field", () => {
    const { win, press } = fakeWindow();
    const h = handlers();
    (win.document as { activeElement: unknown }).activeElement = { tagName: "TEXTAREA" };
    installShortcuts(win, h);
    press("k", { ctrlKey: true });
    press("K", { metaKey: true });
    expect(h.search).toHaveBeenCalledTimes(2);
  });

  it("undoes on Ctrl+Z only outside text fields, where the field's own undo belongs", () => {
    const { win, press } = fakeWindow();
    const h = handlers();
    installShortcuts(win, h);
    press("z", { ctrlKey: true });
    expect(h.undo).toHaveBeenCalledTimes(1);
    (win.document as { activeElement: unknown }).activeElement = {
      tagName: "INPUT",
      type: "search",
    };
    press("z", { ctrlKey: true });
    expect(h.undo).toHaveBeenCalledTimes(1);
  });

  it("closes on Escape and stops listening once detached", () => {
    const { win, press, listeners } = fakeWindow();
    const h = handlers();
    const off = installShortcuts(win, h);
    press("Escape");
    expect(h.close).toHaveBeenCalledTimes(1);
    off();
    expect(listeners).toHaveLength(0);
    press("Escape");
    expect(h.close).toHaveBeenCalledTimes(1);
  });
});
