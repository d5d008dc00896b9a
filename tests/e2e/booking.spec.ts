// Dana, the demo clinic's admin, books a visit for Jordan Lee with Lee Park from the schedule,
// sees it on the week's schedule, and booking the same slot again puts the 409 next to the start
// field. axe finds nothing serious at 1280 and 375 px on both pages.
import { expect, test } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { DEMO, signedInOn } from './support/session';

test.describe.configure({ mode: 'serial' });

const ZONE = 'America/New_York';
/** Three weeks ahead, on the admin's (New York) clock: clear of the demo's week of visits. */
const day = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
}).format(new Date(Date.now() + 21 * 86_400_000));
const SLOT = `${day}T07:30`;

async function bookJordanWithLee(page: import('@playwright/test').Page) {
  await page.getByLabel('Patient', { exact: true }).selectOption({ label: 'Jordan Lee' });
  const clinician = page.getByLabel('Clinician', { exact: true });
  await expect(clinician.locator('option', { hasText: 'Lee Park' })).toBeAttached();
  await clinician.selectOption({ label: 'Lee Park' });
  await page.getByLabel('Date and time', { exact: true }).fill(SLOT);
  await page.getByLabel('Length', { exact: true }).selectOption('50');
  await page.getByLabel('Kind of visit', { exact: true }).selectOption('THERAPY');
  await page.getByLabel('How', { exact: true }).selectOption('PHONE');
  await page.getByRole('button', { name: 'Book the visit' }).click();
}

test('the admin books a visit for Jordan Lee with Lee Park and finds it on the schedule', async ({
  page,
}) => {
  await signedInOn(page, DEMO.admin, { home: '/admin' });
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Schedule', exact: true })
    .click();
  await expect(page).toHaveURL(/\/admin\/schedule/);
  await expect(page.getByRole('heading', { name: 'Schedule', level: 1 })).toBeVisible();
  // The demo's week: today's visits are there, with their clinicians, never a reason.
  const today = page.getByRole('region', { name: /\(today\)$/ });
  await expect(today).toContainText('Sam Okafor');
  await expectAccessibleAtBothSizes(page);

  await page.getByRole('link', { name: 'Book a visit', exact: true }).click();
  await expect(page).toHaveURL(/\/appointments\/new$/);
  await expect(page.getByRole('heading', { name: 'Book a visit', level: 1 })).toBeVisible();
  await expectAccessibleAtBothSizes(page);

  await bookJordanWithLee(page);
  await expect(page).toHaveURL(/\/appointments\/[0-9a-f-]{36}$/, { timeout: 20_000 });

  await page.goto(`/admin/schedule?week=${day}`);
  const theDay = page.getByRole('region', {
    name: new Intl.DateTimeFormat('en-US', {
      timeZone: 'UTC',
      weekday: 'long',
      month: 'long',
      day: 'numeric',
    }).format(new Date(`${day}T12:00:00Z`)),
  });
  const visit = theDay.getByRole('listitem').filter({ hasText: 'Jordan Lee' });
  await expect(visit).toContainText('7:30 AM');
  await expect(visit).toContainText('with Lee Park');
  await expect(visit).toContainText('Therapy');
  await expect(visit).toContainText('Scheduled');

  // Narrowed to Lee Park, it is still there; narrowed to Dr. Rivera, it is not.
  await page.getByLabel('Clinician', { exact: true }).selectOption({ label: 'Lee Park' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page).toHaveURL(/clinicianId=/);
  await expect(theDay.getByRole('listitem').filter({ hasText: 'Jordan Lee' })).toBeVisible();
  await page.getByLabel('Clinician', { exact: true }).selectOption({ label: 'Elena Rivera' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(theDay).toContainText('No visits.');
});

test('booking the same slot again is refused next to the start field', async ({ page }) => {
  await signedInOn(page, DEMO.admin, { home: '/admin' });
  await page.goto('/appointments/new');
  await bookJordanWithLee(page);
  const start = page.getByLabel('Date and time', { exact: true });
  const error = page.getByText(/The clinician already has a visit then/);
  await expect(error).toBeVisible();
  const errorId = await error.getAttribute('id');
  expect(errorId).toBeTruthy();
  await expect(start).toHaveAttribute('aria-describedby', new RegExp(errorId!));
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/appointments\/new$/);
});
