/**
 * Timings the benchmark and the browser tests read (window.__vigilPerf): when the map first drew
 * incidents, and how long the latest filter change took to redraw.
 */
interface VigilPerf {
  firstMapRender: number | null;
  filterStart: number | null;
  lastRedrawMs: number | null;
  redraws: number;
  /** Named moments of the latest load (ms since navigation), for finding where time goes. */
  marks: Record<string, number>;
}

declare global {
  interface Window {
    __vigilPerf: VigilPerf;
  }
}

window.__vigilPerf = { firstMapRender: null, filterStart: null, lastRedrawMs: null, redraws: 0, marks: {} };

export function markFilterChange(): void {
  window.__vigilPerf.filterStart = performance.now();
}

export function markPerf(what: 'map-drawn'): void {
  const p = window.__vigilPerf;
  if (what !== 'map-drawn') return;
  const now = performance.now();
  if (p.firstMapRender === null) p.firstMapRender = now;
  if (p.filterStart !== null) {
    p.lastRedrawMs = now - p.filterStart;
    p.filterStart = null;
  }
  p.redraws++;
}

/** `at`: when it happened, if not now (a worker's moment, in this page's time). */
export function mark(name: string, at = performance.now()): void {
  window.__vigilPerf.marks[name] = Math.round(at);
}
