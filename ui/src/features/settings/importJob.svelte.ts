// An import running as a job (a CSV file, a card app's file, a catalogue):
// its progress, and its end, which can come before the command that
// started it answers (a small file, a dry run).
import type { JobDone, Progress } from "../../lib/bindings";
import { events, ipc } from "../../lib/ipc";
import { toasts } from "../../lib/toasts.svelte";

/** How far a job is through its file; `count` is rows or cards read. */
export interface FileProgress {
  count: number;
  bytes: number;
  total_bytes: number;
}

/** A CSV import counts rows, a catalogue cards; photo imports are not files read through. */
function fileProgress(p: Progress): FileProgress | null {
  if (p.kind === "csv") return { count: p.rows, bytes: p.bytes, total_bytes: p.total_bytes };
  if (p.kind === "catalogue") return { count: p.cards, bytes: p.bytes, total_bytes: p.total_bytes };
  return null;
}

export class ImportJob {
  /** The running job's id; null when none runs. */
  id = $state<string | null>(null);
  progress = $state<FileProgress | null>(null);
  /** Ends seen while a start waited for its job id, by job id. */
  private readonly early = new Map<string, JobDone>();
  private starting = false;
  private offs: (() => void)[] = [];
  private disposed = false;

  constructor(private readonly onDone: (d: JobDone) => void) {}

  /** Starts listening to job events; call once, when the panel mounts. */
  async listen(): Promise<void> {
    const offs = [
      await events.jobProgress((p) => {
        if (p.job === this.id) this.progress = fileProgress(p.progress) ?? this.progress;
      }),
      await events.jobDone((d) => {
        if (d.job === this.id) this.end(d);
        else if (this.starting) this.early.set(d.job, d);
      }),
    ];
    if (this.disposed) offs.forEach((off) => off());
    else this.offs = offs;
  }

  /** Runs `begin` (a command answering with a job id) unless a job runs. */
  async start(begin: () => Promise<string>): Promise<void> {
    if (this.id !== null || this.starting) return;
    this.progress = null;
    this.starting = true;
    try {
      const id = await begin();
      const ended = this.early.get(id);
      if (ended) this.onDone(ended);
      else this.id = id;
    } catch (e) {
      toasts.error(e, "Could not start the import");
    } finally {
      this.starting = false;
      this.early.clear();
    }
  }

  cancel(): void {
    if (this.id) void ipc.cancelJob(this.id);
  }

  /** How far through the file it is, 0–100. */
  get percent(): number {
    const p = this.progress;
    return p && p.total_bytes > 0 ? Math.min(100, Math.round((p.bytes / p.total_bytes) * 100)) : 0;
  }

  dispose(): void {
    this.disposed = true;
    this.offs.forEach((off) => off());
  }

  private end(d: JobDone): void {
    this.id = null;
    this.onDone(d);
  }
}
