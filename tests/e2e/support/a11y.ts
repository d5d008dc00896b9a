// The accessibility checks every spec makes: axe finds nothing serious, nothing scrolls sideways.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 375, height: 812 } as const;

/** No serious or critical axe violation on the page (or inside `selector` only). */
export async function expectNoSeriousA11yViolations(page: Page, selector?: string) {
  // Next streams a page's metadata (its <title>) after the body: judge the page once it has one.
  await expect(page).toHaveTitle(/\S/);
  const axe = new AxeBuilder({ page });
  const results = await (selector ? axe.include(selector) : axe).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** Nothing wider than the viewport. */
export async function expectNoSidewaysScroll(page: Page, what = page.url()) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

/** Both checks at desktop and phone sizes (`selector` narrows axe), then back to desktop size. */
export async function expectAccessibleAtBothSizes(page: Page, selector?: string) {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await expectNoSeriousA11yViolations(page, selector);
    if (!selector) await expectNoSidewaysScroll(page);
  }
  await page.setViewportSize(DESKTOP);
}
