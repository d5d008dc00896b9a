import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { DEMO, signIn } from './support/session';

const landings = [
  {
    email: DEMO.rivera,
    name: 'Elena Rivera',
    path: '/caseload',
    sees: 'Alex Morgan',
  },
  {
    email: DEMO.sam,
    name: 'Sam Okafor',
    path: '/caseload',
    sees: 'Casey Nguyen',
  },
  {
    email: DEMO.alex,
    name: 'Alex Morgan',
    path: '/my-care',
    sees: 'Sertraline',
  },
  {
    email: DEMO.admin,
    name: 'Dana Brooks',
    path: '/admin',
    sees: DEMO.lee,
  },
] as const;

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
  await signIn(page, DEMO.chen);
  await expect(page).toHaveURL(/\/caseload$/);
  const main = page.getByRole('main');
  await expect(main).toContainText('Casey Nguyen');
  await expect(main).not.toContainText('Alex Morgan');
  await expect(main).not.toContainText('Jordan Lee');
});

test('a wrong password is refused with one generic message', async ({ page }) => {
  await signIn(page, DEMO.rivera, 'not-the-password');
  await expect(
    page.getByRole('alert').filter({ hasText: /match an active account/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test('sign-out ends the session', async ({ page }) => {
  await signIn(page, DEMO.jordan);
  await expect(page).toHaveURL(/\/my-care$/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto('/my-care');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a patient cannot open the caseload', async ({ page }) => {
  await signIn(page, DEMO.alex);
  await expect(page).toHaveURL(/\/my-care$/);
  const response = await page.goto('/caseload');
  expect(response?.status()).toBe(404);
});
