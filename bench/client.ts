// bench:client — what a browser downloads and sees on every page of a production build: the
// gzipped JavaScript of the first load, the layout shift on desktop and phone sizes, and
// Lighthouse's mobile performance score on the chart overview and the patient home.
//
//   npm run bench:client [-- --url http://localhost:3000] [--port N] [--only SUBSTRING]
//                        [--lighthouse-runs N] [--no-lighthouse] [--profile]
//                        [--save-lighthouse DIR]
//
// --profile prints, for the median Lighthouse run of each page, where the main thread spent its
// time (by kind of work, by script, longest tasks) and the largest paint with its phases;
// --save-lighthouse writes that run's whole report as JSON (for Lighthouse's viewer).
//
// Without --url it starts `tsx scripts/serve.ts start --fresh-database --seed` (a fresh database
// on DATABASE_URL's server, or an embedded one), building first when the sources changed.
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import path from 'node:path';
import {
  lighthouseMedian,
  profileLines,
  saveReport,
  type LighthouseResult,
} from './client-lighthouse';
import { measureLoad, type Load } from './client-measure';
import { benchPages, pageAs, type BenchPage } from './client-pages';

const BUDGET = { firstLoadKb: 200, cls: 0.05, lighthouse: 90 };

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    port: { type: 'string', default: '3402' },
    only: { type: 'string' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'no-lighthouse': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'save-lighthouse': { type: 'string' },
  },
});

/** Polls `url` until it answers 200 (the first start builds, which takes minutes). */
async function waitUntilUp(url: string, server: ChildProcess, timeoutMs = 900_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  throw new Error(`${url} did not come up`);
}

async function startServer(port: string): Promise<{ baseURL: string; stop: () => Promise<void> }> {
  const baseURL = `http://localhost:${port}`;
  // Another server there would answer in place of the build being measured.
  if (
    await fetch(baseURL).then(
      () => true,
      () => false,
    )
  ) {
    throw new Error(`port ${port} is taken: stop what runs there, or pass --url to measure it`);
  }
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/serve.ts', 'start', '--fresh-database', '--seed', '--port', port],
    { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NEXTAUTH_URL: baseURL } },
  );
  // SIGTERM, so the server drops its fresh database on the way out.
  const stop = async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilUp(`${baseURL}/sign-in`, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, stop };
}

type Row = { page: BenchPage; desktop: Load; phone: Load };

const kb = (n: number) => n.toFixed(1);
const shift = (n: number) => n.toFixed(3);

function printLoads(rows: Row[]): number {
  let over = 0;
  console.log('| page | as | first-load JS kB gz | later JS kB gz | CLS desktop | CLS phone | |');
  console.log('|---|---|---:|---:|---:|---:|---|');
  for (const { page, desktop, phone } of rows) {
    const flags = [
      desktop.firstLoadKb > BUDGET.firstLoadKb || phone.firstLoadKb > BUDGET.firstLoadKb
        ? 'JS'
        : '',
      desktop.cls > BUDGET.cls ? 'CLS desktop' : '',
      phone.cls > BUDGET.cls ? 'CLS phone' : '',
    ].filter(Boolean);
    if (flags.length > 0) over++;
    const js = Math.max(desktop.firstLoadKb, phone.firstLoadKb);
    const later = Math.max(desktop.laterKb, phone.laterKb);
    const cells = [page.path, page.as, kb(js), kb(later), shift(desktop.cls), shift(phone.cls)];
    console.log(`| ${cells.join(' | ')} | ${flags.length ? `OVER: ${flags.join(', ')}` : ''} |`);
  }
  return over;
}

function printLighthouse(results: { label: string; result: LighthouseResult }[]): number {
  let over = 0;
  console.log('\n| Lighthouse mobile | score (median) | runs | TBT ms | LCP ms | CLS | |');
  console.log('|---|---:|---|---:|---:|---:|---|');
  for (const { label, result } of results) {
    const flag = result.score < BUDGET.lighthouse ? 'OVER' : '';
    if (flag) over++;
    const cells = [label, result.score, result.runs.join(' '), Math.round(result.tbtMs)];
    cells.push(Math.round(result.lcpMs), shift(result.cls), flag);
    console.log(`| ${cells.join(' | ')} |`);
  }
  for (const { label, result } of values.profile ? results : []) {
    console.log(`\n${label}, the median run:`);
    for (const line of profileLines(result.report)) console.log(`  ${line}`);
  }
  return over;
}

async function measureAll(browser: Browser, baseURL: string, pages: BenchPage[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const page of pages) {
    const desktop = await measureLoad(browser, baseURL, page, 'desktop');
    const phone = await measureLoad(browser, baseURL, page, 'phone');
    rows.push({ page, desktop, phone });
    process.stderr.write(`measured ${page.path}\n`);
  }
  return rows;
}

/** The session cookie of `account`, for Lighthouse's own Chromium. */
async function cookieOf(browser: Browser, baseURL: string, account: BenchPage['as']) {
  const page = await pageAs(browser, account, { baseURL });
  const cookies = await page.context().cookies(baseURL);
  await page.context().close();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

async function lighthouseAll(browser: Browser, baseURL: string, pages: BenchPage[]) {
  const runs = Number(values['lighthouse-runs']);
  const targets = [
    {
      label: 'chart overview (Dr. Rivera)',
      page: pages.find((p) => /^\/patients\/[^/]+$/.test(p.path))!,
    },
    { label: 'patient home (Alex)', page: pages.find((p) => p.path === '/my-care')! },
  ];
  const results = [];
  for (const { label, page } of targets) {
    const cookie = await cookieOf(browser, baseURL, page.as);
    const result = await lighthouseMedian(`${baseURL}${page.path}`, cookie, runs);
    const dir = values['save-lighthouse'];
    if (dir) saveReport(result.report, path.join(dir, `lighthouse-${results.length + 1}.json`));
    results.push({ label: `${label} ${page.path}`, result });
  }
  return results;
}

function machineLoad(): string {
  return `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} on ${availableParallelism()} cores`;
}

async function bench(baseURL: string) {
  const browser = await chromium.launch({
    executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const before = machineLoad();
    const pages = await benchPages(browser, baseURL);
    const chosen = pages.filter((p) => !values.only || p.path.includes(values.only));
    const rows = await measureAll(browser, baseURL, chosen);
    console.log(`\nbench:client ${new Date().toISOString()}, ${baseURL}; at start: ${before}`);
    // Printed before Lighthouse runs, so that a Lighthouse failure loses nothing measured.
    let over = printLoads(rows);
    const lighthouse = values['no-lighthouse'] ? [] : await lighthouseAll(browser, baseURL, pages);
    over += printLighthouse(lighthouse);
    console.log(`\nat end: ${machineLoad()}`);
    const { firstLoadKb, cls, lighthouse: score } = BUDGET;
    console.log(
      `budgets: first-load JS <= ${firstLoadKb} kB gz, CLS <= ${cls}, Lighthouse >= ${score}`,
    );
    console.log(over ? `${over} over budget` : 'everything within budget');
  } finally {
    await browser.close();
  }
}

const server = values.url ? undefined : await startServer(values.port!);
try {
  await bench(values.url ?? server!.baseURL);
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await server?.stop();
}
