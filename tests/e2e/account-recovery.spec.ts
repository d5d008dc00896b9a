import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll } from './support/a11y';
import { createAccount, uniqueEmail, uniqueName } from './support/api';
import { DEMO, newPage, signIn, signedIn } from './support/session';

/** A disabled therapist made through the API with the admin's session. */
async function disabledTherapist(admin: Page, name: string, email: string, password: string) {
  const { id } = await createAccount(admin, { role: 'THERAPIST', name, email, password });
  expect((await admin.request.post(`/api/v1/users/${id}/disable`)).status()).toBe(200);
  return id;
}

test('an admin re-enables an account, makes a set-password link and renames it', async ({
  browser,
}) => {
  const name = uniqueName('Quinn Harper');
  const email = uniqueEmail('quinn.harper');
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await admin.setViewportSize({ width: 1280, height: 900 });
  await disabledTherapist(admin, name, email, 'the-first-password-1');

  await admin.goto('/admin');
  await admin.getByRole('link', { name: `Manage ${name}’s account` }).click();
  await expect(admin.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(admin.getByRole('main')).toContainText('This account is disabled.');
  await expectNoSeriousA11yViolations(admin);

  // Re-enable, after a confirmation.
  await admin.getByRole('button', { name: `Re-enable ${name}’s account` }).click();
  const enableDialog = admin.getByRole('dialog', { name: `Re-enable ${name}’s account?` });
  await expect(enableDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await enableDialog.getByRole('button', { name: 'Re-enable account' }).click();
  await expect(enableDialog).toBeHidden();
  await expect(admin.getByRole('button', { name: `Disable ${name}’s account` })).toBeVisible();

  // A new set-password link, shown once, that the holder uses.
  await admin.getByRole('button', { name: `Make a new set-password link for ${name}` }).click();
  const linkDialog = admin.getByRole('dialog', {
    name: `Make a new set-password link for ${name}?`,
  });
  await expect(linkDialog).toContainText('signed out everywhere else');
  await linkDialog.getByRole('button', { name: 'Make the link' }).click();
  await expect(linkDialog).toBeHidden();
  await expect(admin.getByRole('main')).toContainText('This link is shown only once.');
  const link = await admin.getByLabel('One-time set-password link').inputValue();
  expect(link).toMatch(/\/set-password\?token=[A-Za-z0-9_-]{43}$/);
  await expectNoSeriousA11yViolations(admin);

  const newPassword = 'harbour-lantern-meadow-7';
  const holder = await newPage(browser);
  await holder.goto(link);
  await holder.getByLabel('New password', { exact: true }).fill(newPassword);
  await holder.getByLabel('New password again').fill(newPassword);
  await holder.getByRole('button', { name: 'Set password' }).click();
  await expect(holder.getByRole('heading', { name: 'Your password is set' })).toBeFocused();
  await signIn(holder, email, newPassword);
  await expect(holder).toHaveURL(/\/caseload$/);

  // Rename, and a new sign-in email after its own confirmation.
  const renamed = `${name}-Diaz`;
  const newEmail = uniqueEmail('quinn.diaz');
  await admin.getByRole('textbox', { name: 'Full name' }).fill(renamed);
  await admin.getByRole('textbox', { name: 'Email' }).fill(newEmail);
  await admin.getByRole('button', { name: 'Save name and email' }).click();
  const emailDialog = admin.getByRole('dialog', { name: `Change the sign-in email of ${name}?` });
  await expect(emailDialog).toContainText(newEmail);
  await emailDialog.getByRole('button', { name: 'Change email' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(admin.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

  const again = await signedIn(browser, newEmail, { home: '/caseload', password: newPassword });
  await expect(again.getByRole('banner')).toContainText(renamed);

  // The same page at 375 px: nothing sideways, still accessible.
  await admin.setViewportSize({ width: 375, height: 800 });
  await admin.reload();
  await expect(admin.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expectNoSidewaysScroll(admin);
  await expectNoSeriousA11yViolations(admin);
});

test('an email already in use is shown next to the email field, and nothing changes', async ({
  browser,
}) => {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await admin.getByRole('link', { name: 'Manage Lee Park’s account' }).click();
  await admin.getByRole('textbox', { name: 'Email' }).fill(DEMO.rivera);
  await admin.getByRole('button', { name: 'Save name and email' }).click();
  await admin
    .getByRole('dialog', { name: 'Change the sign-in email of Lee Park?' })
    .getByRole('button', { name: 'Change email' })
    .click();
  const emailField = admin.getByRole('textbox', { name: 'Email' });
  await expect(emailField).toHaveAttribute('aria-invalid', 'true');
  await expect(emailField).toHaveAccessibleDescription(/already exists/);
  await admin.reload();
  await expect(admin.getByRole('textbox', { name: 'Email' })).toHaveValue(DEMO.lee);
});

test('after failed attempts, the owner is told once they sign in, and can dismiss it', async ({
  browser,
}) => {
  // A clinician of its own, so that no other spec's sign-ins change the count.
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  const { email, password } = await createAccount(admin, {
    role: 'THERAPIST',
    name: 'Avery Stone',
  });
  const page = await newPage(browser);
  await page.setViewportSize({ width: 375, height: 800 });
  for (const guess of ['not-it-1', 'not-it-2']) {
    await signIn(page, email, guess);
    await expect(
      page.getByRole('alert').filter({ hasText: /match an active account/ }),
    ).toBeVisible();
  }
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/caseload$/);
  const notice = page.getByRole('region', { name: 'Failed attempts to sign in to your account' });
  await expect(notice).toContainText('There were 2 failed attempts to sign in to your account');
  await expectNoSeriousA11yViolations(page);
  await notice.getByRole('button', { name: /Dismiss/ }).click();
  await expect(notice).toBeHidden();
  await page.reload();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(notice).toHaveCount(0);
});
