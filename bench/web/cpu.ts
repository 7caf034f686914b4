/**
 * CPU seconds spent by the browser this process launched (all its processes: page, GPU, network),
 * read from /proc. Unlike wall time it hardly moves with what else the machine runs, so it is the
 * figure to compare between changes on a shared machine. Null where there is no /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

interface Stat {
  pid: number;
  ppid: number;
  comm: string;
  cpuTicks: number;
}

function stat(pid: string): Stat | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself hold spaces or parentheses.
    const close = s.lastIndexOf(')');
    const comm = s.slice(s.indexOf('(') + 1, close);
    const f = s.slice(close + 2).split(' ');
    return { pid: Number(pid), ppid: Number(f[1]), comm, cpuTicks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null; // gone since the directory was listed
  }
}

/** CPU ticks of each chromium process descended from this one, by pid; null where there is no /proc. */
export function browserCpu(): Map<number, number> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const all = pids.map(stat).filter((s): s is Stat => s !== null);
  const byPid = new Map(all.map((s) => [s.pid, s]));
  const ours = (s: Stat): boolean => {
    for (let p = s.ppid; p > 1; p = byPid.get(p)?.ppid ?? 0) if (p === process.pid) return true;
    return false;
  };
  const out = new Map<number, number>();
  for (const s of all) if (/chrom/i.test(s.comm) && ours(s)) out.set(s.pid, s.cpuTicks);
  return out;
}

/**
 * CPU seconds the browser's processes spent since `before`. Only processes alive now count: one that
 * exited in between (the previous page's renderer) would otherwise subtract its whole lifetime.
 */
export function browserCpuSecondsSince(before: Map<number, number> | null): number | null {
  const now = browserCpu();
  if (!before || !now) return null;
  let ticks = 0;
  for (const [pid, t] of now) ticks += t - (before.get(pid) ?? 0);
  return ticks / TICKS_PER_SECOND;
}
