import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

const PASSWORD = 'care-team-demo';

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function signedIn(browser: Browser, email: string, home: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page).toHaveURL(new RegExp(`${home}$`));
  return page;
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

async function alexId(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/patients?q=Alex');
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { id: string; name: string }[] };
  const alex = items.find((p) => p.name === 'Alex Morgan');
  expect(alex).toBeDefined();
  return alex!.id;
}

test('a patient sees, in plain words, that their prescriber viewed their record', async ({
  browser,
}) => {
  const rivera = await signedIn(browser, 'dr.rivera@riverbend.test', '/caseload');
  const patientId = await alexId(rivera);
  const profile = await rivera.request.get(`/api/v1/patients/${patientId}`);
  expect(profile.status()).toBe(200);
  // A clinician on the team may not read the patient's access log: a refusal the patient sees.
  const refused = await rivera.request.get(`/api/v1/patients/${patientId}/access-log`);
  expect(refused.status()).toBe(403);

  const alex = await signedIn(browser, 'alex.morgan@riverbend.test', '/my-care');
  await alex.getByRole('link', { name: 'See who viewed your record' }).click();
  await expect(alex).toHaveURL(/\/my-care\/who-viewed$/);
  await expect(alex.getByRole('heading', { level: 1, name: 'Who viewed my record' })).toBeVisible();
  const nav = alex.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Who viewed my record' })).toBeVisible();

  const entries = alex.getByRole('main').getByRole('listitem');
  await expect(
    entries.filter({
      hasText: 'Elena Rivera, your prescriber, viewed your profile and care team.',
    }),
  ).not.toHaveCount(0);
  const refusal = entries.filter({
    hasText:
      'Elena Rivera, a prescriber, tried to view the list of who viewed your record and was refused.',
  });
  await expect(refusal).toHaveCount(1);
  await expect(refusal.getByText('Refused', { exact: true })).toBeVisible();
  // Newest first: the refusal came after the view.
  await expect(entries.first()).toContainText(/Elena Rivera|You/);
  await expect(entries.locator('time').first()).toContainText(/ago|just now/);

  await expectNoSeriousA11yViolations(alex);
  await alex.setViewportSize({ width: 375, height: 812 });
  await expectNoSeriousA11yViolations(alex);
});

test('"Show older" appends the next page and moves focus to it', async ({ browser }) => {
  const rivera = await signedIn(browser, 'dr.rivera@riverbend.test', '/caseload');
  const patientId = await alexId(rivera);
  for (let i = 0; i < 30; i += 1) {
    expect((await rivera.request.get(`/api/v1/patients/${patientId}`)).status()).toBe(200);
  }

  const alex = await signedIn(browser, 'alex.morgan@riverbend.test', '/my-care');
  await alex
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Who viewed my record' })
    .click();
  const entries = alex.getByRole('main').getByRole('listitem');
  await expect(entries).toHaveCount(25);
  await alex.getByRole('button', { name: 'Show older' }).click();
  await expect.poll(() => entries.count()).toBeGreaterThan(25);
  await expect(entries.nth(25)).toBeFocused();
  await expect(alex.getByRole('status').filter({ hasText: /older entr/ })).toBeAttached();
});

test('other roles cannot open the page', async ({ browser }) => {
  const admin = await signedIn(browser, 'admin@riverbend.test', '/admin');
  const response = await admin.goto('/my-care/who-viewed');
  expect(response?.status()).toBe(404);
});
