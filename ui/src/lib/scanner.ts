// USB barcode scanners are keyboards: they "type" the code as a burst of
// keystrokes a few milliseconds apart and press Enter. They are told apart
// from people by timing alone: a burst of at least `minLength` printable keys
// ended by an Enter, at a scanner's pace (the mean gap at most `maxGapMs`),
// where every gap is within `maxGapMs` but one, which may be as long as
// `slowGapMs`. That one slow gap is there because scanners and busy
// computers jitter (WebKitWebDriver once delivered a burst with a single
// 43 ms gap while a build ran); a person types 100–300 ms apart, so their
// keys break a burst outright, and even a fast typist's quick pairs come
// with more than one slow gap. Nothing a person types is ever held back:
// keys always land where they normally would, and only when a burst turns
// out to be a scan are its characters taken back out of the field they
// landed in. A bin's own code (B1 to B999) is the one code shorter than
// `minLength`; its burst counts only with no slow gap at all, as no person
// types three keys 40 ms apart.

export interface ScannerOptions {
  /** Longest usual pause between two keys of one burst, in milliseconds. */
  maxGapMs: number;
  /**
   * Longest pause for the one gap per burst that may exceed `maxGapMs`, in
   * milliseconds; a longer pause always ends the burst.
   */
  slowGapMs: number;
  /** Fewest printable keys before the Enter for a burst to count as a scan. */
  minLength: number;
}

export const DEFAULT_SCANNER: ScannerOptions = { maxGapMs: 40, slowGapMs: 100, minLength: 4 };

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

/** A bin's code: shorter than `minLength`, and still printed on its label. */
const BIN_CODE = /^[Bb][0-9]{1,3}$/;

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
  /** Gaps over `maxGapMs` in the burst so far (at most one). */
  private slowGaps = 0;
  /** Sum of the burst's gaps so far, for its mean. */
  private totalGap = 0;

  constructor(options: Partial<ScannerOptions> = {}) {
    this.options = { ...DEFAULT_SCANNER, ...options };
  }

  /**
   * Feed every keydown in order. "start" = this printable key begins a new
   * potential burst (the caller snapshots the focused field *before* the key
   * lands); "scan" = this key is the Enter that completes a burst of
   * >= minLength printable keys whose gaps, the Enter's included, are each
   * <= maxGapMs but for at most one <= slowGapMs, with a mean <= maxGapMs.
   */
  key(k: ScanKey): ScanStep {
    if (k.ctrl || k.alt || k.meta) {
      // Shortcuts are a person at the keyboard; scanners never send them.
      this.reset();
      return NONE;
    }
    if (IGNORED_KEYS.has(k.key)) return NONE;
    if (k.key === "Enter") {
      const long = this.buffer.length >= this.options.minLength;
      const bin = !long && BIN_CODE.test(this.buffer);
      const step: ScanStep =
        (long || bin) && this.extend(k.time) && this.atPace() && (long || this.slowGaps === 0)
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
    // A burst broken by a second slow gap starts afresh at this key, not
    // after the first slow gap: the caller's snapshot is only ever taken at
    // a "start", and restoring an older one would take back a person's key.
    // The cost is that a key typed < slowGapMs before a scan joins it.
    const continues = this.buffer.length > 0 && this.extend(k.time);
    if (continues) {
      this.buffer += k.key;
    } else {
      this.reset();
      this.buffer = k.key;
    }
    this.last = k.time;
    return continues ? NONE : START;
  }

  /** Forgets any burst in progress. */
  reset(): void {
    this.buffer = "";
    this.slowGaps = 0;
    this.totalGap = 0;
  }

  /** Counts the gap up to `time` into the burst, if the burst can take it. */
  private extend(time: number): boolean {
    const gap = time - this.last;
    const slow = gap > this.options.maxGapMs;
    if (gap < 0 || gap > this.options.slowGapMs || (slow && this.slowGaps > 0)) return false;
    if (slow) this.slowGaps++;
    this.totalGap += gap;
    return true;
  }

  /**
   * The burst as a whole keeps a scanner's pace: its slow gap was made up
   * by fast ones, so a few keys each just under the limit plus a slow one
   * (a quick person's rollover at best) are not taken for a scan.
   */
  private atPace(): boolean {
    // One gap per printable key: before each key but the first, and the Enter's.
    return this.totalGap / this.buffer.length <= this.options.maxGapMs;
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
