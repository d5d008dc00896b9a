// Lighthouse's performance score (its default mobile preset: a mid-range phone on slow 4G,
// simulated) for a page seen by a signed-in demo account, the median of several runs because two
// shared cores make single runs noisy.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
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

export type LighthouseRun = { score: number; tbtMs: number; lcpMs: number; cls: number };

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
