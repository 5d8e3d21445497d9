// An import running as a job (a CSV file, a card app's file, a catalogue):
// its progress, and its end, which can come before the command that
// started it answers (a small file, a dry run).
import type { JobDone } from "../../lib/bindings";
import { events, ipc } from "../../lib/ipc";
import { toasts } from "../../lib/toasts.svelte";
import { fileProgress, percentThrough, type FileProgress } from "./progress";

export class ImportJob {
  /** The running job's id; null when none runs. */
  id = $state<string | null>(null);
  progress = $state<FileProgress | null>(null);
  /** Asked to stop, and not ended yet. */
  stopping = $state(false);
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
        if (p.job === this.id) this.progress = fileProgress(p) ?? this.progress;
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
    this.stopping = false;
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

  /** Asks the running job to stop; its end comes as usual, as an error
   * with the code `cancelled`. */
  cancel(): void {
    if (!this.id || this.stopping) return;
    this.stopping = true;
    ipc.cancelJob(this.id).catch((e) => {
      this.stopping = false;
      toasts.error(e, "Could not stop the import");
    });
  }

  /** How far through the file it is, 0–100. */
  get percent(): number {
    return percentThrough(this.progress);
  }

  dispose(): void {
    this.disposed = true;
    this.offs.forEach((off) => off());
  }

  private end(d: JobDone): void {
    this.id = null;
    this.stopping = false;
    this.onDone(d);
  }
}
