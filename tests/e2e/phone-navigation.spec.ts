// Phone navigation at 375 px: the patient's tab bar and its "More" panel, the chart's section menu,
// and nothing that can only be reached by scrolling sideways.
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, PHONE } from './support/a11y';
import { DEMO, signedIn } from './support/session';

const TABS = [
  ['My plan', '/my-care/plan'],
  ['Check in', '/my-care/check-in'],
  ['Messages', '/my-care/messages'],
  ['My care', '/my-care'],
] as const;

const MORE = [
  ['Appointments', '/my-care/appointments'],
  ['Trends', '/my-care/trends'],
  ['Session notes', '/my-care/notes'],
  ['Safety plan', '/my-care/safety-plan'],
  ['Who viewed my record', '/my-care/who-viewed'],
  ['My record', '/my-care/record'],
  ['My contact details', '/my-care/contact'],
  ['Reminders', '/my-care/reminders'],
  ['Inbox', '/inbox'],
  ['Email notifications', '/account/notifications'],
  ['Account security', '/account/security'],
] as const;

const CHART_SECTIONS = [
  ['Medications', '/medications'],
  ['Plan', '/plan'],
  ['Safety plan', '/safety-plan'],
  ['Notes', '/notes'],
  ['Check-ins and measures', '/check-ins'],
  ['Conversation', '/conversation'],
  ['Care-team messages', '/messages'],
  ['Timeline', '/timeline'],
  ['Contact', '/contact'],
  ['Overview', ''],
] as const;

// Each test walks a dozen pages with an axe check on each.
test.describe.configure({ timeout: 240_000 });

const escape = (path: string) => path.replace(/[/-]/g, '\\$&');

/** The page arrived: its URL, its heading, and no layout wider than the phone. */
async function expectArrived(page: Page, path: string) {
  await expect(page).toHaveURL(new RegExp(`${escape(path)}(\\?.*)?$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page);
}

test('the patient reaches every page from the tab bar and More on a phone', async ({ browser }) => {
  const jordan = await signedIn(browser, DEMO.jordan, { home: '/my-care' });
  await jordan.setViewportSize(PHONE);
  const nav = jordan.getByRole('navigation', { name: 'Main' });
  const more = nav.getByRole('button', { name: 'More' });

  for (const [label, path] of TABS) {
    const tab = nav.getByRole('link', { name: label, exact: true });
    await tab.click();
    await expectArrived(jordan, path);
    await expect(tab).toHaveAttribute('aria-current', 'page');
    const box = await tab.boundingBox();
    expect(box!.height, `${label} is tall enough to tap`).toBeGreaterThanOrEqual(44);
    expect(box!.width, `${label} is wide enough to tap`).toBeGreaterThanOrEqual(44);
  }
  await expectNoSeriousA11yViolations(jordan);

  for (const [label, path] of MORE) {
    await more.click();
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    // Opening moves focus into the panel, to its first link.
    await expect(nav.getByRole('link', { name: MORE[0][0] })).toBeFocused();
    const link = nav.getByRole('link', { name: label, exact: true });
    const box = await link.boundingBox();
    expect(box!.height, `${label} is tall enough to tap`).toBeGreaterThanOrEqual(44);
    await link.click();
    await expectArrived(jordan, path);
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(link).toBeHidden();
    await expectNoSeriousA11yViolations(jordan);
  }

  // Escape closes the panel and gives focus back to More.
  await more.click();
  await expect(nav.getByRole('link', { name: 'Trends' })).toBeVisible();
  await jordan.keyboard.press('Escape');
  await expect(nav.getByRole('link', { name: 'Trends' })).toBeHidden();
  await expect(more).toBeFocused();
  // Where the current page sits in More, the link inside says so.
  await more.click();
  await expect(nav.getByRole('link', { name: 'Account security' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await jordan.keyboard.press('Escape');

  // The bar never covers the page: scrolled to the end, the footer ends above it.
  await jordan.goto('/my-care');
  await jordan.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const footerBottom = await jordan
    .getByRole('contentinfo')
    .evaluate((el) => el.getBoundingClientRect().bottom);
  const barTop = await nav.evaluate((el) => el.getBoundingClientRect().top);
  expect(footerBottom).toBeLessThanOrEqual(barTop + 0.5);

  await more.click();
  await nav.getByRole('button', { name: 'Sign out' }).click();
  await expect(jordan).toHaveURL(/\/sign-in/);
  await jordan.context().close();
});

test('a clinician reaches every chart section from the section menu on a phone', async ({
  browser,
}) => {
  const rivera = await signedIn(browser, DEMO.rivera, { home: '/caseload' });
  await rivera.setViewportSize(PHONE);
  // The app's own sections wrap instead of scrolling out of sight.
  const main = rivera.getByRole('navigation', { name: 'Main' });
  for (const link of await main.getByRole('link').all()) {
    const box = await link.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  }
  await expectNoSidewaysScroll(rivera);

  await rivera.getByRole('main').getByRole('link', { name: 'Jordan Lee', exact: true }).click();
  await expect(rivera).toHaveURL(/\/patients\/[^/]+$/);
  const base = new URL(rivera.url()).pathname;
  const sections = rivera.getByRole('navigation', { name: 'Chart sections' });
  const menu = sections.getByRole('button', { name: /^Section: / });
  await expect(menu).toHaveAccessibleName(/Section: Overview/);
  // Closed, the menu's links are out of sight; open, they are all listed.
  await expect(sections.getByRole('link')).toHaveCount(0);
  await expectNoSeriousA11yViolations(rivera);

  for (const [label, path] of CHART_SECTIONS) {
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(sections.getByRole('link')).toHaveCount(CHART_SECTIONS.length);
    await sections.getByRole('link', { name: new RegExp(`^${label}`) }).click();
    await expectArrived(rivera, base + path);
    await expect(menu).toHaveAccessibleName(new RegExp(`Section: ${label}`));
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expectNoSeriousA11yViolations(rivera);
  }

  await menu.click();
  await expect(sections.getByRole('link', { name: 'Overview' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await rivera.keyboard.press('Escape');
  await expect(sections.getByRole('link')).toHaveCount(0);
  await expect(menu).toBeFocused();
});

test('the admin’s sections fit a phone without sideways scrolling', async ({ browser }) => {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await admin.setViewportSize(PHONE);
  const main = admin.getByRole('navigation', { name: 'Main' });
  for (const link of await main.getByRole('link').all()) {
    await expect(link).toBeInViewport();
    const box = await link.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  }
  await expectNoSidewaysScroll(admin);
});
