import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, PHONE } from './support/a11y';
import { uniqueEmail, uniqueName } from './support/api';
import { DEMO, newPage, signIn, signedIn } from './support/session';

async function openCreateAccount(admin: Page) {
  await admin.goto('/admin');
  await admin.getByRole('link', { name: 'Create an account' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
}

async function openCareTeam(admin: Page, patientName: string) {
  await admin.goto('/admin');
  await admin.getByRole('link', { name: `Manage care team of ${patientName}` }).click();
  await expect(
    admin.getByRole('heading', { level: 1, name: `${patientName}’s care team` }),
  ).toBeVisible();
}

test('an admin creates a therapist, manages their care team, then disables them', async ({
  browser,
}) => {
  const name = uniqueName('Robin Ellis');
  const email = uniqueEmail('robin.ellis');
  const password = 'a-long-initial-password';

  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await openCreateAccount(admin);
  await admin.getByRole('radio', { name: 'Therapist', exact: true }).check();
  await admin.getByLabel('Full name').fill(name);
  await admin.getByLabel('Email').fill(email);
  await admin.getByRole('radio', { name: 'Set an initial password' }).check();
  await admin.getByLabel('Initial password', { exact: true }).fill(password);
  await admin.getByRole('button', { name: 'Create account' }).click();
  await expect(admin.getByRole('heading', { name: 'Account created' })).toBeFocused();
  await expect(admin.getByRole('main')).toContainText('They can sign in now');

  const therapist = await signedIn(browser, email, { home: '/caseload', password });
  await expect(therapist.getByRole('main')).toContainText('No patients on your caseload yet');

  await openCareTeam(admin, 'Jordan Lee');
  await admin.getByLabel('Clinician', { exact: true }).selectOption({ label: name });
  await admin.getByRole('button', { name: 'Add to care team' }).click();
  await expect(
    admin.getByRole('status').filter({ hasText: `${name} is now on the care team.` }),
  ).toBeVisible();
  const members = admin.getByRole('region', { name: 'Active members' });
  await expect(members).toContainText(name);
  await expect(
    admin.getByLabel('Clinician', { exact: true }).locator('option', { hasText: name }),
  ).toHaveCount(0);

  await therapist.goto('/caseload');
  await expect(therapist.getByRole('main')).toContainText('Jordan Lee');

  await admin.getByRole('button', { name: `End membership of ${name}` }).click();
  const endDialog = admin.getByRole('dialog', {
    name: `Remove ${name} from Jordan Lee’s care team?`,
  });
  await expect(endDialog).toBeVisible();
  await expect(endDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await endDialog.getByRole('button', { name: 'End membership' }).click();
  await expect(endDialog).toBeHidden();
  await expect(members).not.toContainText(name);

  await therapist.goto('/caseload');
  await expect(therapist.getByRole('main')).not.toContainText('Jordan Lee');
  await expect(therapist.getByRole('main')).toContainText('No patients on your caseload yet');

  await admin.goto('/admin');
  const disable = admin.getByRole('button', { name: `Disable ${name}’s account` });
  await disable.click();
  const disableDialog = admin.getByRole('dialog', { name: `Disable ${name}’s account?` });
  await expect(disableDialog).toContainText('signed out everywhere at once');
  // Escape cancels and gives focus back to the button that opened the dialog.
  await admin.keyboard.press('Escape');
  await expect(disableDialog).toBeHidden();
  await expect(disable).toBeFocused();
  await disable.click();
  await disableDialog.getByRole('button', { name: 'Disable account' }).click();
  await expect(disableDialog).toBeHidden();
  const row = admin.getByRole('listitem').filter({ hasText: email });
  await expect(row).toContainText('Disabled');
  await expect(row.getByRole('button', { name: /Disable/ })).toHaveCount(0);

  // The therapist's open session ends at their next navigation.
  await therapist.goto('/caseload');
  await expect(therapist).toHaveURL(/\/sign-in/);
});

test('an admin is not offered to disable their own account', async ({ browser }) => {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await expect(admin.getByRole('button', { name: 'Disable Dana Brooks’s account' })).toHaveCount(0);
  await expect(admin.getByRole('button', { name: 'Disable Lee Park’s account' })).toBeVisible();
});

test('an email already in use is shown next to the email field', async ({ browser }) => {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await openCreateAccount(admin);
  await admin.getByRole('radio', { name: 'Prescriber', exact: true }).check();
  await admin.getByLabel('Full name').fill('Elena Rivera Two');
  await admin.getByLabel('Email').fill(DEMO.rivera);
  await admin.getByRole('button', { name: 'Create account' }).click();
  const emailField = admin.getByLabel('Email');
  await expect(emailField).toHaveAttribute('aria-invalid', 'true');
  await expect(emailField).toHaveAccessibleDescription(/already exists/);
  await expect(emailField).toBeFocused();
});

test('the form checks its fields with the API’s own rules before sending', async ({ browser }) => {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await openCreateAccount(admin);
  await admin.getByRole('radio', { name: 'Patient', exact: true }).check();
  await admin.getByLabel('Full name').fill('Sky Rowan');
  await admin.getByLabel('Email').fill('not-an-email');
  await admin.getByRole('radio', { name: 'Set an initial password' }).check();
  await admin.getByLabel('Initial password', { exact: true }).fill('short');
  await admin.getByRole('button', { name: 'Create account' }).click();
  await expect(admin.getByLabel('Email')).toHaveAccessibleDescription(/valid email/);
  await expect(admin.getByLabel('Initial password', { exact: true })).toHaveAccessibleDescription(
    /12 characters/,
  );
  await admin.getByLabel('Email').fill('sky.rowan@riverbend.test');
  await admin.getByLabel('Initial password', { exact: true }).fill('long-enough-password');
  await admin.getByRole('button', { name: 'Create account' }).click();
  await expect(admin.getByLabel('Date of birth')).toHaveAccessibleDescription(/Required/);
});

test('a set-password link works once', async ({ browser }) => {
  const name = 'Morgan Vale';
  const email = uniqueEmail('morgan.vale');
  const password = 'river-stone-lantern-42';

  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await openCreateAccount(admin);
  await admin.getByRole('radio', { name: 'Patient', exact: true }).check();
  await admin.getByLabel('Full name').fill(name);
  await admin.getByLabel('Email').fill(email);
  await admin.getByLabel('Date of birth').fill('1994-05-17');
  await admin.getByLabel('Pronouns').fill('they/them');
  await admin.getByRole('button', { name: 'Create account' }).click();
  await expect(admin.getByRole('heading', { name: 'Account created' })).toBeVisible();
  await expect(admin.getByRole('main')).toContainText('This link is shown only once.');
  const link = await admin.getByLabel('One-time set-password link').inputValue();
  expect(link).toMatch(/\/set-password\?token=[A-Za-z0-9_-]{43}$/);
  await expectNoSeriousA11yViolations(admin);

  const holder = await newPage(browser);
  await holder.goto(link);
  await expect(holder.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible();
  await expectNoSeriousA11yViolations(holder);
  await holder.getByLabel('New password', { exact: true }).fill(password);
  await holder.getByLabel('New password again').fill(`${password}-typo`);
  await holder.getByRole('button', { name: 'Set password' }).click();
  await expect(holder.getByLabel('New password again')).toHaveAccessibleDescription(/do not match/);
  await holder.getByLabel('New password again').fill(password);
  await holder.getByRole('button', { name: 'Set password' }).click();
  await expect(holder.getByRole('heading', { name: 'Your password is set' })).toBeFocused();
  await holder.getByRole('link', { name: 'Sign in' }).click();
  await expect(holder).toHaveURL(/\/sign-in/);
  await signIn(holder, email, password);
  await expect(holder).toHaveURL(/\/my-care$/);

  const again = await newPage(browser);
  await again.goto(link);
  await again.getByLabel('New password', { exact: true }).fill('another-long-password');
  await again.getByLabel('New password again').fill('another-long-password');
  await again.getByRole('button', { name: 'Set password' }).click();
  await expect(again.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
  await expect(again.getByRole('main')).toContainText('ask your administrator for a new link');
  await expectNoSeriousA11yViolations(again);
});

test('the audit log filters by patient and pages through older events', async ({ browser }) => {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await admin
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Audit log' })
    .click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const table = admin.getByRole('table', { name: 'Audit events, newest first' });
  await expect(table.getByRole('columnheader')).toHaveText([
    'When',
    'Actor',
    'Role',
    'Action',
    'Resource',
    'Patient',
    'Outcome',
    'IP',
  ]);
  await expectNoSeriousA11yViolations(admin);

  await admin.getByLabel('Patient').selectOption({ label: 'Jordan Lee' });
  await admin.getByRole('button', { name: 'Apply filters' }).click();
  await expect(admin).toHaveURL(/patientId=/);
  const rows = table.getByRole('row');
  await expect(rows.nth(1)).toBeVisible();
  const patientCells = table.locator('tbody tr td:nth-child(6)');
  // Events about Jordan alone, or list views that showed Jordan among others.
  for (const text of await patientCells.allTextContents()) expect(text).toMatch(/^Jordan Lee/);

  await admin.getByLabel('From (UTC)').fill('2000-01-02');
  await admin.getByLabel('To (UTC, inclusive)').fill('2000-01-01');
  await admin.getByRole('button', { name: 'Apply filters' }).click();
  await expect(admin.getByLabel('To (UTC, inclusive)')).toHaveAccessibleDescription(
    /not be before/,
  );

  await admin.getByRole('link', { name: 'Clear filters' }).click();
  await expect(admin).toHaveURL(/\/admin\/audit$/);
  const older = admin.getByRole('link', { name: 'Older events' });
  if (await older.count()) {
    await older.click();
    await expect(admin).toHaveURL(/cursor=/);
    await expect(admin.getByRole('link', { name: 'Newest events' })).toBeVisible();
  }
});

test('admin pages have no serious accessibility violations, on a phone too', async ({
  browser,
}) => {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await expectNoSeriousA11yViolations(admin);
  await openCareTeam(admin, 'Jordan Lee');
  await expectNoSeriousA11yViolations(admin);
  await admin.getByRole('button', { name: 'End membership of Lee Park' }).click();
  await expect(admin.getByRole('dialog')).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  await admin.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await openCreateAccount(admin);
  await expectNoSeriousA11yViolations(admin);

  await admin.setViewportSize(PHONE);
  for (const path of ['/admin', '/admin/audit', '/admin/accounts/new']) {
    await admin.goto(path);
    await expectNoSeriousA11yViolations(admin);
    await expectNoSidewaysScroll(admin, path);
  }
});

test('a set-password page without a usable token explains calmly', async ({ page }) => {
  await page.goto('/set-password?token=not-a-token');
  await expect(page.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('ask your administrator for a new link');
  await expectNoSeriousA11yViolations(page);
});
