// Lighthouse's performance score (its default mobile preset: a mid-range phone on slow 4G,
// simulated) for a page seen by a signed-in demo account, the median of several runs because two
// shared cores make single runs noisy.
import { writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result as LighthouseReport } from 'lighthouse';
import { percentile } from './support';

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export type LighthouseRun = {
  score: number;
  tbtMs: number;
  lcpMs: number;
  cls: number;
  /** Where the main thread spent its time and what the largest paint was: see profileLines. */
  report: LighthouseReport;
};

export type LighthouseResult = LighthouseRun & { runs: number[] };

async function runOnce(url: string, cookie: string, port: number): Promise<LighthouseRun> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    extraHeaders: { Cookie: cookie },
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const landed = new URL(lhr.finalDisplayedUrl).pathname;
  if (landed !== new URL(url).pathname) throw new Error(`Lighthouse on ${url} landed on ${landed}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    tbtMs: audit('total-blocking-time'),
    lcpMs: audit('largest-contentful-paint'),
    cls: audit('cumulative-layout-shift'),
    report: lhr,
  };
}

/** The run with the median score out of `runs` (each in a fresh Chromium). */
export async function lighthouseMedian(
  url: string,
  cookie: string,
  runs: number,
): Promise<LighthouseResult> {
  const results: LighthouseRun[] = [];
  for (let i = 0; i < runs; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      chromeFlags: CHROME_FLAGS,
    });
    try {
      // A loaded machine sometimes loses the trace (NO_NAVSTART): one more try, then give up.
      results.push(
        await runOnce(url, cookie, chrome.port).catch(() => runOnce(url, cookie, chrome.port)),
      );
    } finally {
      chrome.kill();
    }
  }
  const scores = results.map((r) => r.score);
  const median = percentile(scores, 50);
  return { ...results.find((r) => r.score === median)!, runs: scores };
}

type Item = Record<string, unknown>;

function auditItems(report: LighthouseReport, id: string): Item[] {
  const details = report.audits[id]?.details as { items?: Item[] } | undefined;
  return details?.items ?? [];
}

const ms = (n: unknown) => `${Math.round(Number(n))} ms`;

/**
 * Where one run's main thread spent its time (by kind of work and by script), its longest tasks
 * and its largest paint with the phases of its delay: what to fix first, in a few lines.
 */
export function profileLines(report: LighthouseReport): string[] {
  const lines: string[] = [];
  const work = auditItems(report, 'mainthread-work-breakdown')
    .slice(0, 5)
    .map((i) => `${String(i.groupLabel)} ${ms(i.duration)}`);
  lines.push(`main thread: ${work.join(', ')}`);
  for (const i of auditItems(report, 'bootup-time').slice(0, 5)) {
    const url = String(i.url).replace(/^https?:\/\/[^/]+/, '');
    lines.push(
      `  script ${url}: total ${ms(i.total)}, run ${ms(i.scripting)}, parse ${ms(i.scriptParseCompile)}`,
    );
  }
  const tasks = auditItems(report, 'long-tasks')
    .slice(0, 5)
    .map(
      (i) =>
        `${ms(i.duration)} at ${ms(i.startTime)} (${String(i.url).replace(/^https?:\/\/[^/]+/, '')})`,
    );
  lines.push(`long tasks: ${tasks.join('; ') || 'none'}`);
  const lcp = report.audits['largest-contentful-paint-element']?.details as
    { items?: { items?: Item[] }[] } | undefined;
  const [element, phases] = lcp?.items ?? [];
  const node = element?.items?.[0]?.node as { nodeLabel?: string; selector?: string } | undefined;
  const phaseText = (phases?.items ?? []).map((p) => `${String(p.phase)} ${ms(p.timing)}`);
  lines.push(`LCP element: ${node?.selector ?? '?'} "${(node?.nodeLabel ?? '').slice(0, 60)}"`);
  lines.push(`LCP phases: ${phaseText.join(', ')}`);
  return lines;
}

/** Writes a run's whole report, to open in Lighthouse's viewer. */
export function saveReport(report: LighthouseReport, file: string) {
  writeFileSync(file, JSON.stringify(report));
}
