// The benchmark's table and the issue-15 targets, as Markdown (printed and written to
// bench/results/).
import type { Load } from './load';

export type Row = { endpoint: string; c: number; triad: Load; baseline: Load | null };

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const ratio = (a: number, b: number | undefined) => (b ? fmt(a / b, 2) : '–');

function locks(load: Load): string {
  const events = Object.entries(load.activity.lockEvents)
    .map(([event, n]) => `${event} ${n}`)
    .join(', ');
  return events ? `${load.activity.lockWaits} (${events})` : String(load.activity.lockWaits);
}

export function header(): string {
  return [
    '| endpoint | c | Triad req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | ratio req/s | ratio p99 | lock-wait samples Triad / baseline | max active conns | failures |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ].join('\n');
}

export function tableRow({ endpoint, c, triad, baseline: b }: Row): string {
  return `| ${[
    endpoint,
    c,
    fmt(triad.rps),
    fmt(triad.p50),
    fmt(triad.p99),
    b ? fmt(b.rps) : '–',
    b ? fmt(b.p50) : '–',
    b ? fmt(b.p99) : '–',
    ratio(triad.rps, b?.rps),
    b ? ratio(triad.p99, Math.max(b.p99, 1)) : '–',
    `${locks(triad)} / ${b ? locks(b) : '–'}`,
    `${triad.activity.maxActive} / ${b ? b.activity.maxActive : '–'}`,
    `${triad.failures} / ${b ? b.failures : '–'}`,
  ].join(' | ')} |`;
}

type Verdict = { target: string; met: boolean | null; detail: string };

function atC32(rows: Row[]): Verdict[] {
  const top = rows.filter((r) => r.c === 32 && r.baseline);
  if (top.length === 0) {
    return [{ target: 'c=32 throughput and p99 vs baseline', met: null, detail: 'not measured' }];
  }
  const thr = top.map((r) => `${r.endpoint} ${fmt(r.triad.rps / r.baseline!.rps, 2)}×`);
  // autocannon reports whole milliseconds: a p99 under 1 ms counts as 1 ms.
  const p99 = top.map(
    (r) => `${r.endpoint} ${fmt(r.triad.p99 / Math.max(r.baseline!.p99, 1), 1)}×`,
  );
  return [
    {
      target: 'c=32: Triad ≥ 0.5× the baseline’s req/s',
      met: top.every((r) => r.triad.rps >= 0.5 * r.baseline!.rps),
      detail: thr.join(', '),
    },
    {
      target: 'c=32: Triad p99 ≤ 3× the baseline’s',
      met: top.every((r) => r.triad.p99 <= 3 * Math.max(r.baseline!.p99, 1)),
      detail: p99.join(', '),
    },
  ];
}

export function verdicts(rows: Row[], caseloadSize: number): Verdict[] {
  const waits = rows.reduce((sum, r) => sum + r.triad.activity.lockWaits, 0);
  const samples = rows.reduce((sum, r) => sum + r.triad.activity.samples, 0);
  const caseload = rows.filter((r) => r.endpoint === 'caseload').sort((a, b) => a.c - b.c)[0];
  return [
    ...atC32(rows),
    {
      target: 'no lock waits (Triad runs)',
      met: waits === 0,
      detail: `${waits} lock-wait samples in ${samples} samples`,
    },
    {
      target: `caseload page p50 ≤ 40 ms (lowest concurrency measured; this caseload: ${caseloadSize} patients, the target is for 500)`,
      met: caseload ? caseload.triad.p50 <= 40 : null,
      detail: caseload ? `p50 ${fmt(caseload.triad.p50)} ms at c=${caseload.c}` : 'not measured',
    },
  ];
}

export function markdown(
  intro: string[],
  rows: Row[],
  notes: string[],
  caseloadSize: number,
): string {
  const lines = [
    ...intro,
    '',
    header(),
    ...rows.map(tableRow),
    '',
    '**Targets (issue 15)**',
    '',
    ...verdicts(rows, caseloadSize).map(
      (v) => `- ${v.met === null ? '–' : v.met ? 'MET' : 'NOT MET'}: ${v.target} (${v.detail})`,
    ),
    '',
    ...notes.map((n) => `- ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}
