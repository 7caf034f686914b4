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

/**
 * The map drew a new view (a load or a filter change). `handover`: the page's own clusters replacing
 * the server's first ones, the same view again: not counted unless a filter change is waiting for
 * it. Returns whether it counted.
 */
export function markPerf(what: 'map-drawn', { handover = false } = {}): boolean {
  const p = window.__vigilPerf;
  if (what !== 'map-drawn') return false;
  if (handover && p.filterStart === null) {
    mark('handover');
    return false;
  }
  const now = performance.now();
  if (p.firstMapRender === null) p.firstMapRender = now;
  if (p.filterStart !== null) {
    p.lastRedrawMs = now - p.filterStart;
    p.filterStart = null;
  }
  p.redraws++;
  return true;
}

/** `at`: when it happened, if not now (a worker's moment, in this page's time). */
export function mark(name: string, at = performance.now()): void {
  window.__vigilPerf.marks[name] = Math.round(at);
}
