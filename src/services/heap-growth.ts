import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 may grow the old generation past what a collection found live, while a long
 * streaming job runs: to twice that. Left to itself V8 picks up to four times; a collection that ran
 * while a batch was in flight (a PostgreSQL import: its rows unpacked, their COPY text built) counted
 * every object made during it as live, 96 MB against the usual 30, and the next one waited for
 * 390 MB: peak RSS 600-630 MB in 3 of 9 imports of a million UCDP rows (one of them in 1,000-row
 * batches), 312-390 MB in the others. Held to twice, the heap peaked at 95-147 MB and RSS at
 * 306-354 MB in three imports, for 3-6% more CPU (42.7-43.1 s against 40.4 unbounded, same
 * hour); held to one and a half, 280-294 MB, for a quarter more.
 */
const STEADY_GROWTH_PERCENT = 100;

let holders = 0;

/**
 * Bounds the heap's growth until the returned function is called (V8's flag is the process's, so
 * overlapping holders share it; the last to let go gives V8 back its own choice).
 */
export function holdHeapSteady(setFlags: (flags: string) => void = setFlagsFromString): () => void {
  if (holders++ === 0) setFlags(`--heap-growing-percent=${STEADY_GROWTH_PERCENT}`);
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    // 0 is V8's default: no fixed factor.
    if (--holders === 0) setFlags('--heap-growing-percent=0');
  };
}
