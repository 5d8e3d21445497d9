// What the window learns at launch about its database: open (the screens
// show), not openable (the problem is explained), or being upgraded for this
// version of Trove (a full-window message until the upgrade's end event).
import type { AppInfo, ErrorCode } from "./bindings";
import { app } from "./app.svelte";
import { CommandError, describe, events, ipc } from "./ipc";
import { toasts } from "./toasts.svelte";

/** The code every command answers while the database is being upgraded. */
export const UPGRADING: ErrorCode = "upgrading";

/** Asks for the database's state and follows an upgrade to its end; returns the unlisten. */
export async function connectDatabase(): Promise<() => void> {
  // Listening comes first: the app sends what is being upgraded when it is
  // asked, and the end of an upgrade may come while it is being asked.
  const offs = await Promise.all([
    events.databaseUpgrading((pending) => {
      if (!app.info && !app.problem) app.upgrade = { pending };
    }),
    events.databaseOpened(opened),
    events.databaseFailed((e) => failed(e.message)),
  ]);
  try {
    opened(await ipc.appInfo());
  } catch (e) {
    if (e instanceof CommandError && e.code === UPGRADING) app.upgrade ??= { pending: null };
    else failed(describe(e));
  }
  return () => offs.forEach((off) => off());
}

function opened(info: AppInfo): void {
  // The launch's answer and the upgrade's end event can both arrive.
  const first = app.info === null;
  app.upgrade = null;
  app.info = info;
  if (first && info.upgrade_backup) {
    // Kept until closed: the path is worth copying down.
    toasts.show(
      "success",
      `Your database was upgraded for this version of Trove. ` +
        `A copy of it as it was is kept at ${info.upgrade_backup}`,
      undefined,
      0,
    );
  }
}

function failed(message: string): void {
  app.upgrade = null;
  app.problem = message;
}
