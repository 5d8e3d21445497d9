// Photo imports in flight, wherever they were started (the editor's "Add
// photos…", a drop on a row, a drop into the inbox): their progress, their
// cancel, and afterwards the files that were skipped and why. Kept outside
// any screen, so closing the editor does not lose an import.
import type { JobDone, PhotoImportReport, Progress } from "../../lib/bindings";
import { app } from "../../lib/app.svelte";
import { events, ipc } from "../../lib/ipc";
import { toasts } from "../../lib/toasts.svelte";
import { describeImport } from "./report";

/** Where an import puts its photos: an item, or the inbox when null. */
export type ImportTarget = { id: string; title: string } | null;

export interface PhotoImport {
  job: string;
  target: ImportTarget;
  progress: Progress | null;
  /** Set once it has ended. */
  report: PhotoImportReport | null;
  error: string | null;
}

/** A job's end that came before the command that started it answered. */
const EARLY_LIMIT = 16;

/** One sentence about what an import did (or is doing). */
export function summary(i: PhotoImport): string {
  return describeImport(i.target?.title ?? null, i.report, i.error);
}

class PhotoImports {
  list = $state<PhotoImport[]>([]);
  private early = new Map<string, JobDone>();
  private earlyProgress = new Map<string, Progress>();

  /** Starts importing `paths` (files and folders) into `target`. */
  async start(paths: string[], target: ImportTarget): Promise<string | null> {
    if (paths.length === 0) return null;
    let job: string;
    try {
      job = await ipc.importPhotos(paths, target?.id ?? null);
    } catch (e) {
      toasts.error(e, "Could not import the photos");
      return null;
    }
    this.list = [
      ...this.list,
      { job, target, progress: this.earlyProgress.get(job) ?? null, report: null, error: null },
    ];
    this.earlyProgress.delete(job);
    const done = this.early.get(job);
    if (done) {
      this.early.delete(job);
      this.finish(done);
    }
    return job;
  }

  /** The running import into item `id`, if any. */
  runningFor(id: string): PhotoImport | undefined {
    return this.list.find((i) => i.target?.id === id && !i.report && !i.error);
  }

  async cancel(job: string): Promise<void> {
    try {
      await ipc.cancelJob(job);
    } catch (e) {
      toasts.error(e, "Could not stop the import");
    }
  }

  /** Forgets a finished import (its skipped list is closed). */
  dismiss(job: string): void {
    this.list = this.list.filter((i) => i.job !== job);
  }

  /** Listens to the job events; returns the function that stops. */
  async install(): Promise<() => void> {
    const offs = await Promise.all([
      events.jobProgress((p) => {
        if (p.kind !== "photos") return;
        const i = this.list.find((x) => x.job === p.job);
        if (i) i.progress = p.progress;
        else this.remember(this.earlyProgress, p.job, p.progress);
      }),
      events.jobDone((d) => {
        if (d.report?.kind === "csv") return;
        if (this.list.some((x) => x.job === d.job)) this.finish(d);
        else this.remember(this.early, d.job, d);
      }),
    ]);
    return () => offs.forEach((off) => off());
  }

  private remember<T>(map: Map<string, T>, job: string, value: T): void {
    map.set(job, value);
    for (const key of map.keys()) {
      if (map.size <= EARLY_LIMIT) break;
      map.delete(key);
    }
  }

  private finish(d: JobDone): void {
    const i = this.list.find((x) => x.job === d.job);
    if (!i) return;
    i.report = d.report?.kind === "photos" ? d.report : null;
    i.error = d.error?.message ?? null;
    if (!i.report && !i.error) i.error = "the import ended without a report";
    app.changed();
    // A clean import says so and goes; one with skipped files stays in the
    // panel with the reasons until the person closes it.
    if (i.error) {
      toasts.error(summary(i));
      this.dismiss(i.job);
    } else if (i.report && i.report.skipped.length === 0) {
      toasts.success(summary(i));
      this.dismiss(i.job);
    }
  }
}

export const photoImports = new PhotoImports();
