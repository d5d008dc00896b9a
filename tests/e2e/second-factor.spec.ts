import { expect, test, type Browser, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { createAccount, INITIAL_PASSWORD } from './support/api';
import { DEMO, newPage, signIn, signedIn } from './support/session';

// Each test signs in several times and runs axe at two sizes on several pages.
test.slow();

/** The code an authenticator app shows `stepsAhead` 30-second steps from now. */
function codeFor(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * stepsAhead });
}

/** The demo admin, signed in. */
function signedInAdmin(browser: Browser): Promise<Page> {
  return signedIn(browser, DEMO.admin, { home: '/admin' });
}

/** The demo admin creates a therapist with a password through the API; returns their email. */
async function createClinician(admin: Page, name: string): Promise<string> {
  return (await createAccount(admin, { role: 'THERAPIST', name })).email;
}

/** On /account/security: set up two-step sign-in with the secret shown; returns it and the code used. */
async function enrolOnSecurityPage(
  page: Page,
  checkA11y = false,
): Promise<{ secret: string; code: string }> {
  await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  const secret = await page.getByTestId('totp-secret').getAttribute('data-secret');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  if (checkA11y) await expectAccessibleAtBothSizes(page);

  await page
    .getByLabel('6-digit code')
    .fill('000000' === (await codeFor(secret!)) ? '111111' : '000000');
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByText('That code is not right')).toBeVisible();

  const code = await codeFor(secret!);
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
  await expect(page.getByRole('heading', { name: 'Save your recovery codes' })).toBeVisible();
  await expect(page.getByTestId('recovery-code')).toHaveCount(10);
  await expect(page.getByRole('button', { name: 'Download as text' })).toBeVisible();
  return { secret: secret!, code };
}

test('a clinician sets up two-step sign-in, then signs in with password and code', async ({
  browser,
}) => {
  const admin = await signedInAdmin(browser);
  const email = await createClinician(admin, 'Quinn Harper');

  const page = await newPage(browser);
  await signIn(page, email, INITIAL_PASSWORD);
  await expect(page).toHaveURL(/\/caseload$/);
  await page.getByRole('link', { name: 'Security' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Two-step sign-in is off' })).toBeVisible();

  const { secret, code: spent } = await enrolOnSecurityPage(page, true);
  const recoveryCode = (await page.getByTestId('recovery-code').first().textContent())!;
  await page.getByRole('button', { name: 'I have saved my codes' }).click();
  await expect(page).toHaveURL(/\/caseload$/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The password alone is not enough now: the form asks for the code.
  await signIn(page, email, INITIAL_PASSWORD);
  const code = page.getByLabel('Code from your authenticator app');
  await expect(code).toBeVisible();
  await expect(code).toBeFocused();
  await expectAccessibleAtBothSizes(page);

  // The code that turned it on was spent (or is too old by now); the next one signs in.
  await code.fill(spent);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That code isn' })).toBeVisible();
  await expectAccessibleAtBothSizes(page);
  await page.getByLabel('Code from your authenticator app').fill(await codeFor(secret, 1));
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page).toHaveURL(/\/caseload$/);

  // A recovery code signs in once.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, INITIAL_PASSWORD);
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel('Recovery code').fill(recoveryCode);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  await page.goto('/account/security');
  await expect(page.getByText('9 of 10 recovery codes left.')).toBeVisible();
});

test('an organization that requires two-step sign-in sends a clinician without it to set it up', async ({
  browser,
}) => {
  const admin = await signedInAdmin(browser);
  const email = await createClinician(admin, 'Rowan Tanaka');

  let adminSecret: string | null = null;
  try {
    // The admin sets up their own first, then requires it of everyone.
    await admin.goto('/account/security');
    adminSecret = (await enrolOnSecurityPage(admin)).secret;
    await admin.getByRole('button', { name: 'I have saved my codes' }).click();
    await admin.getByRole('link', { name: 'Security' }).click();
    await expect(admin).toHaveURL(/\/admin\/security$/);
    await expectAccessibleAtBothSizes(admin);
    await admin.getByRole('button', { name: 'Require two-step sign-in' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Require it' }).click();
    await expect(admin.getByText('Required: every prescriber')).toBeVisible();

    const page = await newPage(browser);
    await signIn(page, email, INITIAL_PASSWORD);
    await expect(page).toHaveURL(/\/account\/security$/);
    await expect(page.getByText('Your organization requires two-step sign-in')).toBeVisible();
    await page.goto('/caseload');
    await expect(page).toHaveURL(/\/account\/security$/);
    expect((await page.request.get('/api/v1/patients')).status()).toBe(403);
    await expectAccessibleAtBothSizes(page);

    await enrolOnSecurityPage(page);
    await page.getByRole('button', { name: 'I have saved my codes' }).click();
    await expect(page).toHaveURL(/\/caseload$/);
  } finally {
    // The demo organization leaves it off, and the demo admin signs in with a password alone.
    const off = await admin.request.put('/api/v1/organization/security', {
      data: { requireSecondFactor: false },
    });
    expect(off.status()).toBe(200);
    if (adminSecret) {
      const disabled = await admin.request.post('/api/v1/me/second-factor/disable', {
        data: { code: await codeFor(adminSecret, 1) },
      });
      expect(disabled.status()).toBe(200);
    }
  }
});
