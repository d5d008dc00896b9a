import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const PASSWORD = 'care-team-demo';

const landings = [
  {
    email: 'dr.rivera@riverbend.test',
    name: 'Elena Rivera',
    path: '/caseload',
    sees: 'Alex Morgan',
  },
  {
    email: 'sam.okafor@riverbend.test',
    name: 'Sam Okafor',
    path: '/caseload',
    sees: 'Casey Nguyen',
  },
  {
    email: 'alex.morgan@riverbend.test',
    name: 'Alex Morgan',
    path: '/my-care',
    sees: 'Sertraline',
  },
  {
    email: 'admin@riverbend.test',
    name: 'Dana Brooks',
    path: '/admin',
    sees: 'lee.park@riverbend.test',
  },
] as const;

async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test('a signed-out visitor is sent to sign-in', async ({ page }) => {
  await page.goto('/caseload');
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

for (const who of landings) {
  test(`${who.email} signs in and lands on ${who.path}`, async ({ page }) => {
    await signIn(page, who.email);
    await expect(page).toHaveURL(new RegExp(`${who.path}$`));
    await expect(page.getByRole('banner')).toContainText(who.name);
    await expect(page.getByRole('main')).toContainText(who.sees);
    await expectNoSeriousA11yViolations(page);
  });
}

test('the caseload shows only patients on the clinician’s active teams', async ({ page }) => {
  await signIn(page, 'dr.chen@riverbend.test');
  await expect(page).toHaveURL(/\/caseload$/);
  const main = page.getByRole('main');
  await expect(main).toContainText('Casey Nguyen');
  await expect(main).not.toContainText('Alex Morgan');
  await expect(main).not.toContainText('Jordan Lee');
});

test('a wrong password is refused with one generic message', async ({ page }) => {
  await signIn(page, 'dr.rivera@riverbend.test', 'not-the-password');
  await expect(
    page.getByRole('alert').filter({ hasText: /match an active account/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('sign-out ends the session', async ({ page }) => {
  await signIn(page, 'jordan.lee@riverbend.test');
  await expect(page).toHaveURL(/\/my-care$/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/my-care');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a patient cannot open the caseload', async ({ page }) => {
  await signIn(page, 'alex.morgan@riverbend.test');
  await expect(page).toHaveURL(/\/my-care$/);
  const response = await page.goto('/caseload');
  expect(response?.status()).toBe(404);
});
