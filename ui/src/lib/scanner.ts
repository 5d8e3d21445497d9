// USB barcode scanners are keyboards: they "type" the code as a burst of
// keystrokes a few milliseconds apart and press Enter. They are told apart
// from people by timing alone: a burst of at least `minLength` printable keys,
// each within `maxGapMs` of the one before, ended by an Enter just as fast.
// People type ≥ ~60 ms apart, so their keys never form a burst, and nothing a
// person types is ever held back: keys always land where they normally would,
// and only when a burst turns out to be a scan are its characters taken back
// out of the field they landed in.

export interface ScannerOptions {
  /** Longest pause between two keys of one burst, in milliseconds. */
  maxGapMs: number;
  /** Fewest printable keys before the Enter for a burst to count as a scan. */
  minLength: number;
}

export const DEFAULT_SCANNER: ScannerOptions = { maxGapMs: 40, minLength: 4 };

/** One keydown, as much of it as the detector needs. */
export interface ScanKey {
  key: string;
  /** Event time in milliseconds (`event.timeStamp`). */
  time: number;
  ctrl?: boolean;
  alt?: boolean;
  meta?: boolean;
}

export type ScanStep = { kind: "none" } | { kind: "start" } | { kind: "scan"; code: string };

const NONE: ScanStep = { kind: "none" };
const START: ScanStep = { kind: "start" };

/** Keys that are pressed along with a character and so don't break a burst. */
const IGNORED_KEYS = new Set(["Shift"]);

/** A key value that is one character (one code point, so emoji count too). */
function isPrintable(key: string): boolean {
  if (key.length === 0 || key.length > 2) return false;
  return Array.from(key).length === 1;
}

/** The timing state machine, free of the DOM so it can be tested alone. */
export class ScanDetector {
  private readonly options: ScannerOptions;
  private buffer = "";
  private last = 0;

  constructor(options: Partial<ScannerOptions> = {}) {
    this.options = { ...DEFAULT_SCANNER, ...options };
  }

  /**
   * Feed every keydown in order. "start" = this printable key begins a new
   * potential burst (the caller snapshots the focused field *before* the key
   * lands); "scan" = this key is the Enter that completes a burst of
   * >= minLength printable keys each <= maxGapMs apart, with the Enter itself
   * <= maxGapMs after the last key.
   */
  key(k: ScanKey): ScanStep {
    if (k.ctrl || k.alt || k.meta) {
      // Shortcuts are a person at the keyboard; scanners never send them.
      this.reset();
      return NONE;
    }
    if (IGNORED_KEYS.has(k.key)) return NONE;
    if (k.key === "Enter") {
      const step: ScanStep =
        this.buffer.length >= this.options.minLength && this.inBurst(k.time)
          ? { kind: "scan", code: this.buffer }
          : NONE;
      this.reset();
      return step;
    }
    if (!isPrintable(k.key)) {
      // Backspace, arrows, Tab…: the person is editing, not a scanner.
      this.reset();
      return NONE;
    }
    const continues = this.buffer.length > 0 && this.inBurst(k.time);
    this.buffer = continues ? this.buffer + k.key : k.key;
    this.last = k.time;
    return continues ? NONE : START;
  }

  /** Forgets any burst in progress. */
  reset(): void {
    this.buffer = "";
  }

  private inBurst(time: number): boolean {
    const gap = time - this.last;
    return gap >= 0 && gap <= this.options.maxGapMs;
  }
}

/** The parts of <input>/<textarea> a scan needs to undo its typing. */
interface TextField extends EventTarget {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
  setSelectionRange(start: number | null, end: number | null): void;
}

interface Snapshot {
  field: TextField;
  value: string;
  start: number | null;
  end: number | null;
}

/** Input types that have no text for scanned characters to land in. */
const NON_TEXT_INPUTS = new Set([
  "button",
  "checkbox",
  "radio",
  "submit",
  "reset",
  "range",
  "color",
  "file",
  "image",
  "hidden",
]);

function asTextField(el: Element | null): TextField | null {
  if (!el) return null;
  if (el.tagName === "TEXTAREA") return el as unknown as TextField;
  if (el.tagName === "INPUT" && !NON_TEXT_INPUTS.has((el as HTMLInputElement).type)) {
    return el as unknown as TextField;
  }
  return null;
}

function snapshot(el: Element | null): Snapshot | null {
  const field = asTextField(el);
  if (!field) return null;
  return {
    field,
    value: field.value,
    start: field.selectionStart,
    end: field.selectionEnd,
  };
}

/** Puts the field back as it was before the burst and tells its bindings. */
function restore(s: Snapshot): void {
  s.field.value = s.value;
  if (s.start !== null && s.end !== null) {
    try {
      s.field.setSelectionRange(s.start, s.end);
    } catch {
      // Some input types (email, number) refuse selections; the value is
      // what matters.
    }
  }
  s.field.dispatchEvent(new Event("input", { bubbles: true }));
}

/**
 * Attaches a capture-phase keydown listener to `target` (the window), so a
 * scan is seen before any field or shortcut handler. On "start" it snapshots
 * the focused <input>/<textarea>; on "scan" it swallows the Enter, restores
 * the field (value, selection, then a bubbling "input" event) and calls
 * `onScan(code)`. Returns a function that detaches.
 */
export function installScanner(
  target: Window,
  onScan: (code: string) => void,
  options?: Partial<ScannerOptions>,
): () => void {
  const detector = new ScanDetector(options);
  let saved: Snapshot | null = null;
  const onKey = (e: KeyboardEvent) => {
    if (e.repeat) {
      // A held key auto-repeats as fast as a scanner types (15–35 ms), but
      // only a person holds keys.
      detector.reset();
      return;
    }
    const step = detector.key({
      key: e.key,
      time: e.timeStamp,
      ctrl: e.ctrlKey,
      alt: e.altKey,
      meta: e.metaKey,
    });
    if (step.kind === "start") {
      // Taken before the key's default action, so the value has none of
      // the burst in it.
      saved = snapshot(target.document.activeElement);
    } else if (step.kind === "scan") {
      e.preventDefault();
      e.stopPropagation();
      const s = saved;
      saved = null;
      if (s) restore(s);
      onScan(step.code);
    }
  };
  target.addEventListener("keydown", onKey, true);
  return () => target.removeEventListener("keydown", onKey, true);
}
