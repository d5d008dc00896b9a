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
