// Casey Nguyen opens Reminders from My care, sees the hour on her own clock and her time zone,
// moves the check-in reminder and turns the plan reminder off; the page keeps it after a reload.
// axe finds nothing serious at 1280 and 375 px.
import { expect, test } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { DEMO, signedIn } from './support/session';

test.slow();

test('a patient sets the hour of her reminders and turns one off, from My care', async ({
  browser,
}) => {
  const page = await signedIn(browser, DEMO.casey, { home: '/my-care' });
  await page.getByRole('link', { name: 'Reminders', exact: true }).click();
  await expect(page).toHaveURL(/\/my-care\/reminders$/);
  await expect(page.getByRole('heading', { name: 'Reminders', level: 1 })).toBeVisible();
  // The hour is read on her own clock, and the page says which.
  await expect(page.getByText(/^In your time zone, [A-Z][A-Za-z]+\/[A-Za-z ]+\./)).toBeVisible();
  await expectAccessibleAtBothSizes(page);

  const hour = page.getByLabel('What time should we remind you?');
  await hour.selectOption({ label: '8:00 pm' });
  await page.getByLabel('When my plan has something new to read').uncheck();
  await page.getByLabel('To check in each day').check();
  await page.getByRole('button', { name: 'Save reminders' }).click();
  await expect(page.getByText('Your reminders are saved.')).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('What time should we remind you?')).toHaveValue('20');
  await expect(page.getByLabel('When my plan has something new to read')).not.toBeChecked();
  await expect(page.getByLabel('To check in each day')).toBeChecked();

  // Put it back as the demo had it, for the next run.
  await page.getByLabel('What time should we remind you?').selectOption('8');
  await page.getByLabel('When my plan has something new to read').check();
  await page.getByRole('button', { name: 'Save reminders' }).click();
  await expect(page.getByText('Your reminders are saved.')).toBeVisible();
  await page.context().close();
});

test('an admin sets when an unacknowledged urgent flag is escalated; a bad value is refused at the field', async ({
  browser,
}) => {
  const page = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await page.goto('/admin/security');
  const minutes = page.getByLabel('Minutes before the first email');
  await expect(minutes).toHaveValue('60');
  await minutes.fill('4');
  await page.getByRole('button', { name: 'Save escalation time' }).click();
  await expect(page.getByText('At least 5 minutes.')).toBeVisible();
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await minutes.fill('45');
  await page.getByRole('button', { name: 'Save escalation time' }).click();
  await expect(page.getByText('Saved: the first email goes after 45 minutes.')).toBeVisible();
  await expectAccessibleAtBothSizes(page);
  await page.reload();
  await expect(page.getByLabel('Minutes before the first email')).toHaveValue('45');

  // Back to the demo's default, for the next run.
  await page.getByLabel('Minutes before the first email').fill('60');
  await page.getByRole('button', { name: 'Save escalation time' }).click();
  await expect(page.getByText('Saved: the first email goes after 60 minutes.')).toBeVisible();
  await page.context().close();
});
