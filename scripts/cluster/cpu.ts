// Where the machine's CPU goes during a measurement: /proc read before and after, the busy share
// of all cores and each part of the cluster's share of it (Linux only). cluster:check prints it
// beside each throughput run, so that a ratio can be read against the CPU there was to spend.
import { readFileSync, readdirSync } from 'node:fs';

const PARTS = [
  'app servers',
  'job worker',
  'PostgreSQL',
  'PgBouncer',
  'nginx',
  'load generator',
  'other',
] as const;
type Part = (typeof PARTS)[number];

export type CpuSnapshot = { busy: number; total: number; byPart: Map<Part, number> };

function read(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended between the listing and the read
  }
}

function partOf(pid: number, comm: string): Part {
  if (pid === process.pid) return 'load generator';
  if (comm === 'postgres') return 'PostgreSQL';
  if (comm === 'pgbouncer') return 'PgBouncer';
  if (comm === 'nginx') return 'nginx';
  const cmdline = read(`/proc/${pid}/cmdline`) ?? '';
  if (cmdline.includes('next-server')) return 'app servers';
  if (cmdline.includes('worker.ts')) return 'job worker';
  return 'other';
}

/** The CPU time (clock ticks) of the whole machine and of every process, by part. */
export function cpuSnapshot(): CpuSnapshot {
  const cpu = (read('/proc/stat') ?? '').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
  const total = cpu.slice(0, 8).reduce((sum, t) => sum + t, 0);
  const busy = total - (cpu[3] ?? 0) - (cpu[4] ?? 0);
  const byPart = new Map<Part, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    if (!stat) continue;
    // comm is in parentheses and may hold spaces; the fields after it are space-separated.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    const part = partOf(Number(entry), comm);
    byPart.set(part, (byPart.get(part) ?? 0) + ticks);
  }
  return { busy, total, byPart };
}

/**
 * Between two snapshots: the machine's busy share (100% = every core busy) and each part's share
 * of the machine. Processes that started or ended in between count only what they used while seen.
 */
export function cpuReport(before: CpuSnapshot, after: CpuSnapshot): string {
  const total = after.total - before.total;
  if (total <= 0) return 'CPU: not measured';
  const pct = (ticks: number) => `${Math.round((100 * ticks) / total)}%`;
  const parts = PARTS.map((part) => {
    const used = Math.max(0, (after.byPart.get(part) ?? 0) - (before.byPart.get(part) ?? 0));
    return used > 0 ? `${part} ${pct(used)}` : null;
  }).filter(Boolean);
  return `CPU busy ${pct(after.busy - before.busy)} of all cores (${parts.join(', ')})`;
}
