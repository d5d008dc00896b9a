// What bench:client measures in Chromium on one page load: the JavaScript it downloads (gzipped)
// and how much its layout shifts.
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from '@playwright/test';
import { DESKTOP, PHONE } from '@/tests/e2e/support/a11y';
import { pageAs, type BenchPage } from './client-pages';

export type Load = {
  /** Gzipped kB of the scripts the server's HTML names: what hydrating the page waits on. */
  firstLoadKb: number;
  /** Gzipped kB of the other scripts (dynamic imports such as the charts, prefetched pages). */
  laterKb: number;
  cls: number;
};

/** Time the page gets, after the network goes quiet, to finish drawing (late shifts count too). */
const SETTLE_MS = 1_500;

// Layout shifts without recent input, as Core Web Vitals count them (buffered, so the shifts
// before this script's observer started are included).
const OBSERVE_SHIFTS = `
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`;

const PHONE_CONTEXT = { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Bodies are re-gzipped (level 6, as servers do) so the figure does not depend on the server. */
async function gzippedBytes(response: Response): Promise<number> {
  const body = await response.body().catch(() => Buffer.alloc(0));
  return gzipSync(body, { level: 6 }).length;
}

/**
 * The script paths the document names, in its tags or in the inline React Server Components
 * payload (which lists the client components' chunks): all that hydrating the page needs, as
 * Next's "First Load JS" counts. Other scripts are dynamic imports and prefetches of other pages.
 */
function documentScripts(html: string): Set<string> {
  return new Set(html.match(/\/_next\/static\/[\w./-]+?\.js/g) ?? []);
}

/** One cold load (fresh context, empty cache) of `target` at desktop or phone size. */
export async function measureLoad(
  browser: Browser,
  baseURL: string,
  target: BenchPage,
  size: 'desktop' | 'phone',
): Promise<Load> {
  const options = size === 'phone' ? PHONE_CONTEXT : { viewport: DESKTOP };
  const page = await pageAs(browser, target.as, { baseURL, ...options });
  // Signing in loaded the app's shared chunks: start from an empty cache like a first visit.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await page.addInitScript(OBSERVE_SHIFTS);
  const scripts: Promise<{ url: string; bytes: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.push(gzippedBytes(response).then((bytes) => ({ url: response.url(), bytes })));
  });
  const documentResponse = await page.goto(target.path, { waitUntil: 'networkidle' });
  await page.waitForTimeout(SETTLE_MS);
  const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
  const html = (await documentResponse?.text()) ?? '';
  const named = documentScripts(html);
  let first = 0;
  let later = 0;
  for (const { url, bytes } of await Promise.all(scripts)) {
    if (named.has(new URL(url).pathname)) first += bytes;
    else later += bytes;
  }
  await page.context().close();
  return { firstLoadKb: first / 1024, laterKb: later / 1024, cls };
}
