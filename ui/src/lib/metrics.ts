// Timings the end-to-end harness reads back (window.__trove): how long the
// first screen took, and how long each search took from the keystroke to
// its results on screen.

export interface Metrics {
  /** Milliseconds from process start (main) to the first inventory page drawn. */
  startupMs: number | null;
  /** Milliseconds from page load to the first inventory page drawn. */
  firstPageMs: number | null;
  /** One entry per search drawn: last keystroke to results painted. */
  searchMs: number[];
  /** One entry per search: the command's round trip alone (IPC + core). */
  searchIpcMs: number[];
}

declare global {
  interface Window {
    __trove: Metrics;
  }
}

export const metrics: Metrics = {
  startupMs: null,
  firstPageMs: null,
  searchMs: [],
  searchIpcMs: [],
};
window.__trove = metrics;
