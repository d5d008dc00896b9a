import { expect, test } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { DEMO, signedInOn } from './support/session';

// The clinician's day (issue 14): Sam Okafor opens Today, sees Alex Morgan's session at the top of
// this hour with Dr. Rivera's sertraline change from this morning in its headline (the demo's
// appointments, DEMO_CONTRACT), opens the brief, comes back, marks the session completed and
// writes its note from the visit. axe finds nothing serious at 1280 and 375 px on Today, the
// week and the visit.

const stamp = Date.now().toString(36);
const NOTE_TEXT = `Talked through the dose change and the relapse signs (${stamp}).`;

test('Sam runs the session with Alex from Today and writes its note', async ({ page }) => {
  test.setTimeout(180_000); // a long journey: three pages checked by axe at two sizes
  await signedInOn(page, DEMO.sam);
  await page
    .getByRole('navigation', { name: /main/i })
    .getByRole('link', { name: 'Today', exact: true })
    .click();
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Today', exact: true })).toBeVisible();

  const sessions = page.getByRole('list', { name: 'Sessions, earliest first' });
  const alex = sessions
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Alex Morgan', exact: true }) });
  await expect(alex).toHaveCount(1);
  await expect(alex).toContainText('Therapy · Video');
  await expect(
    alex.getByRole('list', { name: 'What changed since the last session' }),
  ).toContainText('Sertraline');
  await expectAccessibleAtBothSizes(page);

  // One click to the brief, which opens on the same window: since the last session.
  await alex.getByRole('link', { name: 'Open brief for Alex Morgan', exact: true }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const brief = page.getByRole('region', { name: 'What changed since your last session' });
  await expect(brief).toBeVisible();
  await expect(brief.getByRole('region', { name: 'Medication changes' })).toContainText(
    'Sertraline',
  );
  await page.goBack();
  await expect(page).toHaveURL(/\/today$/);

  // One click to the visit.
  await alex.getByRole('link', { name: /^Open visit with Alex Morgan at / }).click();
  await expect(page).toHaveURL(/\/appointments\/[0-9a-f-]{36}$/);
  const visitUrl = page.url();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Therapy with Alex Morgan' }),
  ).toBeVisible();
  const details = page.getByRole('region', { name: 'Visit details', exact: true });
  await expect(details).toContainText('https://meet.riverbend.test/okafor');
  await expect(page.getByRole('button', { name: 'Cancel visit' })).toBeVisible();
  await expectAccessibleAtBothSizes(page);

  await page.getByRole('button', { name: 'Mark completed', exact: true }).click();
  await expect(details.getByText('Completed', { exact: true })).toBeVisible();
  await expect(page.getByText('This visit is completed')).toBeVisible();

  // The note from the visit: its kind and date come from the visit.
  await page.getByRole('link', { name: 'Write the session note', exact: true }).click();
  await expect(page).toHaveURL(/\/notes\/new\?appointmentId=[0-9a-f-]{36}$/);
  await expect(page.getByText(/^For the visit on /)).toBeVisible();
  await expect(page.getByLabel('Kind of session')).toHaveValue('THERAPY');
  await page.getByLabel('Data').fill(NOTE_TEXT);
  await page.getByLabel('Assessment').fill('Mood steady after the reduction; no early waking.');
  await page.getByLabel('Plan', { exact: true }).fill('Review the warning signs next week.');
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page).toHaveURL(/\/notes\/[0-9a-f-]{36}$/);
  const noteUrl = page.url();

  await page.goto(visitUrl);
  const openNote = page.getByRole('link', { name: 'Open the note', exact: true });
  await expect(openNote).toBeVisible();
  await expect(page.getByRole('link', { name: 'Write the session note' })).toHaveCount(0);
  await openNote.click();
  await expect(page).toHaveURL(noteUrl);
  await expect(page.getByLabel('Data')).toHaveValue(NOTE_TEXT);
});

test('the week shows Sam’s sessions day by day, and a day can be chosen', async ({ page }) => {
  test.slow();
  await signedInOn(page, DEMO.sam);
  await page.goto('/today/week');
  await expect(page.getByRole('heading', { level: 1, name: /^Week of / })).toBeVisible();
  const days = page.getByRole('region', { name: 'Sessions this week' }).getByRole('listitem');
  await expect(page.getByRole('link', { name: 'Alex Morgan' }).first()).toBeVisible();
  expect(await days.count()).toBeGreaterThanOrEqual(7);
  await expectAccessibleAtBothSizes(page);

  // The date picker and the day links lead to a day of its own.
  await page.goto('/today');
  await page.getByRole('link', { name: 'Next day', exact: true }).click();
  await expect(page).toHaveURL(/\/today\?date=\d{4}-\d{2}-\d{2}$/);
  await page.getByLabel('Go to a date').fill('2020-01-06');
  await page.getByRole('button', { name: 'Go', exact: true }).click();
  await expect(page).toHaveURL(/\/today\?date=2020-01-06$/);
  await expect(page.getByText('No sessions on this day')).toBeVisible();
});
