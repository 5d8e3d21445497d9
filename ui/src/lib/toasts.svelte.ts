// Messages at the bottom of the window: what just happened, what failed, and
// the undo of the last change. Nothing the app does fails silently; every
// caught error ends up here or beside the field it is about.
import { describe } from "./ipc";

export type ToastKind = "info" | "error" | "success";

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
  /** Shown as a button; the toast closes when it is pressed. */
  action?: { label: string; run: () => void | Promise<void> };
}

let next = 1;

class Toasts {
  list = $state<Toast[]>([]);

  show(kind: ToastKind, message: string, action?: Toast["action"], ms = 6000): number {
    const id = next++;
    this.list = [...this.list.slice(-3), { id, kind, message, action }];
    if (ms > 0) setTimeout(() => this.close(id), ms);
    return id;
  }

  info(message: string, action?: Toast["action"]): number {
    return this.show("info", message, action);
  }

  success(message: string, action?: Toast["action"]): number {
    return this.show("success", message, action);
  }

  /** An error, as the sentence the core wrote; errors stay until closed. */
  error(e: unknown, prefix?: string): number {
    const text = describe(e);
    return this.show("error", prefix ? `${prefix}: ${text}` : text, undefined, 0);
  }

  close(id: number): void {
    this.list = this.list.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
