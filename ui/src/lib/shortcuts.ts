// Keyboard shortcuts: Ctrl/Cmd+K search, N new item, Esc close, Ctrl/Cmd+Z
// undo. Single letters and undo act only when no text field has focus, so
// typing is never hijacked. A single letter waits a moment before it acts:
// a barcode scanner types letters too (a SKU like "N-100"), and a key that
// is followed within that moment by another is part of a scan, not a
// shortcut.
import { DEFAULT_SCANNER } from "./scanner";

/**
 * How long a single-letter shortcut waits to be sure it is not a scan: past
 * the detector's one slow gap, which may fall right after the letter.
 */
export const LETTER_DELAY_MS = DEFAULT_SCANNER.slowGapMs + 20;

export interface ShortcutHandlers {
  search: () => void;
  newItem: () => void;
  close: () => boolean;
  undo: () => void;
}

export function isTextField(el: Element | null): boolean {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (el as HTMLInputElement).type;
    return !["button", "checkbox", "radio", "submit", "reset", "range", "color"].includes(type);
  }
  return (el as HTMLElement).isContentEditable === true;
}

export function installShortcuts(target: Window, h: ShortcutHandlers): () => void {
  let pending: ReturnType<typeof setTimeout> | null = null;
  const cancelPending = () => {
    if (pending !== null) clearTimeout(pending);
    pending = null;
  };
  const onKey = (e: KeyboardEvent) => {
    if (pending !== null && e.key.length === 1) cancelPending();
    if (e.defaultPrevented) return;
    const mod = e.ctrlKey || e.metaKey;
    const typing = isTextField(target.document.activeElement);
    if (mod && !e.altKey && e.key.toLowerCase() === "k") {
      e.preventDefault();
      h.search();
    } else if (e.key === "Escape") {
      if (h.close()) e.preventDefault();
    } else if (mod && !e.shiftKey && e.key.toLowerCase() === "z" && !typing) {
      e.preventDefault();
      h.undo();
    } else if (!mod && !e.altKey && (e.key === "n" || e.key === "N") && !typing) {
      e.preventDefault();
      pending = setTimeout(() => {
        pending = null;
        h.newItem();
      }, LETTER_DELAY_MS);
    }
  };
  target.addEventListener("keydown", onKey);
  return () => {
    cancelPending();
    target.removeEventListener("keydown", onKey);
  };
}
