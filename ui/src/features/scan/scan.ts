// What a scan does: an item opens (and waits for a location scan to be put
// away), a location opens, or — with an item waiting — receives that item;
// an unknown code is offered as a new item.
import { app, PUT_AWAY_MS } from "../../lib/app.svelte";
import { ipc } from "../../lib/ipc";
import { toasts } from "../../lib/toasts.svelte";
import { done } from "../../lib/undo.svelte";
import { labelSelection } from "../labels/selection.svelte";

/** Whatever is waiting for scans (the item picker, the To ship queue), the
 * latest first: it takes every scan until released. */
const captures: ((code: string) => void)[] = [];

/** Sends every scan to `f` until the returned release is called. */
export function captureScans(f: (code: string) => void): () => void {
  captures.push(f);
  return () => {
    const at = captures.lastIndexOf(f);
    if (at >= 0) captures.splice(at, 1);
  };
}

export async function handleScan(code: string): Promise<void> {
  const capture = captures.at(-1);
  if (capture) {
    capture(code);
    return;
  }
  // On the Labels screen a scan adds the code to the labels to print.
  if (app.screen === "labels") {
    if (!labelSelection.codes.includes(code)) labelSelection.codes.push(code);
    return;
  }
  let found;
  try {
    found = await ipc.scanCode(code);
  } catch (e) {
    toasts.error(e, `Scan ${code}`);
    return;
  }
  switch (found.kind) {
    case "item": {
      const item = found.item;
      app.putAway = {
        id: item.id,
        title: item.title,
        from: item.location?.code ?? "",
        at: Date.now(),
      };
      app.openItem(item.id);
      if (found.matches > 1) {
        toasts.info(`${found.matches} items share barcode ${code}; showing the newest`);
      }
      return;
    }
    case "location": {
      const loc = found.location;
      const target = loc.type === "bin" ? loc.code : loc.section.code;
      const pending = app.putAway;
      if (pending && Date.now() - pending.at < PUT_AWAY_MS) {
        app.putAway = null;
        await putAway(pending.id, pending.title, pending.from, target);
        return;
      }
      app.locationCode = target;
      app.closeEditor();
      app.show("locations");
      return;
    }
    case "none":
      app.unknownCode = { code: found.code, barcode: found.barcode, problem: found.problem };
      return;
  }
}

async function putAway(id: string, title: string, from: string, to: string): Promise<void> {
  try {
    await ipc.moveItem(id, to);
    app.changed();
    done(`Put '${title}' away in ${to}`, () =>
      from ? ipc.moveItem(id, from) : ipc.editItem(id, { location: "" }),
    );
  } catch (e) {
    toasts.error(e, `Put away in ${to}`);
  }
}
