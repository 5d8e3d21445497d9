import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AppInfo, ErrorBody, PendingUpgrade } from "./bindings";

// The app's side, faked: what appInfo answers, and the three events.
const order: string[] = [];
const heard: {
  upgrading?: (u: PendingUpgrade) => void;
  opened?: (i: AppInfo) => void;
  failed?: (e: ErrorBody) => void;
} = {};
let answer: () => Promise<AppInfo> = () => Promise.reject(new Error("unset"));

vi.mock("./ipc", async (original) => {
  const real = await original<typeof import("./ipc")>();
  const listener =
    <T>(name: keyof typeof heard) =>
    async (f: (x: T) => void) => {
      order.push(`listen ${name}`);
      (heard as Record<string, unknown>)[name] = f;
      return () => {};
    };
  return {
    ...real,
    ipc: {
      appInfo: () => {
        order.push("appInfo");
        return answer();
      },
    },
    events: {
      databaseUpgrading: listener<PendingUpgrade>("upgrading"),
      databaseOpened: listener<AppInfo>("opened"),
      databaseFailed: listener<ErrorBody>("failed"),
    },
  };
});

const { app } = await import("./app.svelte");
const { toasts } = await import("./toasts.svelte");
const { CommandError } = await import("./ipc");
const { connectDatabase } = await import("./launch");

const info = (backup: string | null): AppInfo => ({
  version: "0.1.0",
  db_path: "/data/shop.db",
  upgrade_backup: backup,
  schema_version: 4,
  home_currency: "EUR",
  photos_visible: true,
  pid: 1,
});
const pending: PendingUpgrade = { from: 3, to: 4, bytes: 1_000_000 };
const upgrading = () =>
  Promise.reject(
    new CommandError({ code: "upgrading", message: "shop.db is being upgraded", fields: [] }),
  );

beforeEach(() => {
  order.length = 0;
  app.info = null;
  app.problem = null;
  app.upgrade = null;
  toasts.list = [];
});

describe("connectDatabase", () => {
  it("listens before it asks, so an upgrade's end is never missed", async () => {
    answer = async () => info(null);
    await connectDatabase();
    expect(order.indexOf("appInfo")).toBe(3);
    expect(app.info?.db_path).toBe("/data/shop.db");
    expect(app.upgrade).toBeNull();
    expect(toasts.list).toEqual([]);
  });

  it("shows the upgrade, then the open database and where the old file's copy is", async () => {
    answer = upgrading;
    await connectDatabase();
    expect(app.upgrade).toEqual({ pending: null });
    heard.upgrading!(pending);
    expect(app.upgrade).toEqual({ pending });
    heard.opened!(info("/data/shop.db.schema3-20260101T000000Z.bak"));
    expect(app.upgrade).toBeNull();
    expect(app.info?.upgrade_backup).toContain(".bak");
    expect(toasts.list.map((t) => t.message)).toEqual([
      expect.stringContaining("/data/shop.db.schema3-20260101T000000Z.bak"),
    ]);
  });

  it("tells of the copy once when the end event and the answer both arrive", async () => {
    const done = info("/data/shop.db.schema3-x.bak");
    answer = async () => {
      heard.opened!(done);
      return done;
    };
    await connectDatabase();
    expect(toasts.list).toHaveLength(1);
  });

  it("ignores word of an upgrade that comes after the database opened", async () => {
    answer = async () => info(null);
    await connectDatabase();
    heard.upgrading!(pending);
    expect(app.upgrade).toBeNull();
  });

  it("ends a failed upgrade on the could-not-open screen", async () => {
    answer = upgrading;
    await connectDatabase();
    heard.failed!({ code: "migration_failed", message: "/data/shop.db: table exists", fields: [] });
    expect(app.upgrade).toBeNull();
    expect(app.problem).toBe("/data/shop.db: table exists");
  });

  it("shows any other refusal as the problem", async () => {
    answer = () =>
      Promise.reject(new CommandError({ code: "io", message: "disk gone", fields: [] }));
    await connectDatabase();
    expect(app.problem).toBe("disk gone");
    expect(app.upgrade).toBeNull();
  });
});
