// Opening another database file (or a new one) from a file dialog: used by
// Settings, and by the start-up screen when the launch's database could not
// be opened.
import { open, save } from "@tauri-apps/plugin-dialog";
import type { AppInfo } from "../../lib/bindings";
import { app } from "../../lib/app.svelte";
import { ipc } from "../../lib/ipc";
import { toasts } from "../../lib/toasts.svelte";

/** Asks for a file and opens it; true when it is now the open database. */
export async function chooseDatabase(create: boolean): Promise<boolean> {
  const path = create
    ? await save({ filters: [{ name: "Trove database", extensions: ["db"] }] })
    : await open({ filters: [{ name: "Trove database", extensions: ["db", "sqlite"] }] });
  if (typeof path !== "string") return false;
  return switchTo(() => ipc.openDatabase(path), "Could not open the database");
}

/** Opens the sample inventory (made first if it is not there yet). */
export async function openSample(): Promise<boolean> {
  return switchTo(() => ipc.openSample(), "Could not open the sample inventory");
}

/** Runs `open` and shows the database it opened; true when it did. */
async function switchTo(open: () => Promise<AppInfo>, failed: string): Promise<boolean> {
  try {
    app.info = await open();
    app.problem = null;
    app.changed();
    toasts.success(`Opened ${app.info.db_path}`);
    if (!app.info.photos_visible) {
      toasts.info("This database was open earlier; its photos show again after Trove restarts");
    }
    return true;
  } catch (e) {
    toasts.error(e, failed);
    return false;
  }
}
