// Undo of the last change: every write that can be taken back registers its
// inverse here, shown as a toast button and bound to Ctrl/Cmd+Z.
import { app } from "./app.svelte";
import { toasts } from "./toasts.svelte";

interface Undoable {
  label: string;
  run: () => Promise<unknown>;
  toast: number;
}

let last: Undoable | null = null;

/** Records `run` as the undo of the change just made and tells the person. */
export function done(message: string, run: () => Promise<unknown>): void {
  if (last) toasts.close(last.toast);
  const entry: Undoable = { label: message, run, toast: 0 };
  entry.toast = toasts.success(message, { label: "Undo", run: () => undoLast() });
  last = entry;
}

/** Takes back the last change, if there is one. */
export async function undoLast(): Promise<void> {
  const entry = last;
  if (!entry) {
    toasts.info("Nothing to undo");
    return;
  }
  last = null;
  toasts.close(entry.toast);
  try {
    await entry.run();
    app.changed();
    toasts.info(`Undone: ${entry.label}`);
  } catch (e) {
    toasts.error(e, "Could not undo");
  }
}
