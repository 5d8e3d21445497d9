// App-wide state: which screen is shown, which item is open, a pending
// put-away, and a revision counter that lists watch to refresh after writes.
import type { AppInfo, ItemChanges, PendingUpgrade, Photo } from "./bindings";

export type Screen =
  | "inventory"
  | "photos"
  | "locations"
  | "collections"
  | "wants"
  | "listings"
  | "sales"
  | "offers"
  | "notifications"
  | "labels"
  | "trash"
  | "settings";

/** The launch's database being upgraded; what is upgraded once the event says. */
export interface Upgrade {
  pending: PendingUpgrade | null;
}

export interface Editing {
  /** The item's id, or null for a new item. */
  key: string | null;
  /** Values a new item starts with (a scanned barcode). */
  prefill?: Partial<ItemChanges>;
  /** Inbox photos a new item gets when it is created, the first as its cover. */
  photos?: Photo[];
}

export interface PutAway {
  id: string;
  title: string;
  /** Where it was, for undo: a location code or "" for none. */
  from: string;
  at: number;
}

/** A put-away waits this long for its location scan. */
export const PUT_AWAY_MS = 120_000;

class AppModel {
  screen = $state<Screen>("inventory");
  editing = $state<Editing | null>(null);
  /** The bin or section the Locations screen shows. */
  locationCode = $state<string | null>(null);
  /** The collection (id) the Collections screen shows, or null for the list. */
  collectionKey = $state<string | null>(null);
  /** The set code whose completion the Collections screen shows. */
  completionSet = $state<string | null>(null);
  putAway = $state<PutAway | null>(null);
  /** Bumped after every write; lists and counts reload when it changes. */
  revision = $state(0);
  /** Photos waiting in the inbox, for the nav. */
  inboxCount = $state(0);
  info = $state<AppInfo | null>(null);
  /** Why the database could not be opened at launch, until another is. */
  problem = $state<string | null>(null);
  /** Set while the launch's database is being upgraded, before it opens. */
  upgrade = $state<Upgrade | null>(null);
  /** A scanned code nothing has: offered as a new item. */
  unknownCode = $state<{ code: string; barcode: string | null; problem: string | null } | null>(
    null,
  );
  /** The item (id, SKU or barcode) the Mark sold dialog is recording a sale of. */
  markSold = $state<string | null>(null);
  /** Unread notifications, for the bell. */
  unread = $state(0);

  openItem(key: string): void {
    this.editing = { key };
  }

  newItem(prefill?: Partial<ItemChanges>, photos?: Photo[]): void {
    this.editing = { key: null, prefill, photos };
  }

  closeEditor(): void {
    this.editing = null;
  }

  changed(): void {
    this.revision++;
  }

  show(screen: Screen): void {
    this.screen = screen;
  }
}

export const app = new AppModel();
