// A clinician's private calendar link: made on the Calendar feed page, read by a calendar (here
// the request API) with initials and kinds only, turned off, and then gone (404).
import ICAL from 'ical.js';
import { expect, test } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { patientId } from './support/api';
import { bookVisit, ownId } from './support/appointments';
import { DEMO, signedIn } from './support/session';

test('Sam Okafor makes a calendar link, a calendar reads initials only, and the link is turned off', async ({
  browser,
}) => {
  // Two pages checked by axe at two sizes each, on a shared machine.
  test.setTimeout(180_000);
  const okafor = await signedIn(browser, DEMO.sam);
  const booked = await bookVisit(
    okafor,
    await patientId(okafor, 'Alex Morgan'),
    await ownId(okafor),
    15,
  );

  await okafor
    .getByRole('navigation')
    .getByRole('link', { name: 'Calendar feed', exact: true })
    .first()
    .click();
  await expect(okafor.getByRole('heading', { name: 'Calendar feed', level: 1 })).toBeVisible();
  await expect(okafor.getByText('You have no calendar link.')).toBeVisible();
  await expectAccessibleAtBothSizes(okafor);

  await okafor.getByRole('button', { name: 'Create a calendar link', exact: true }).click();
  const field = okafor.getByRole('textbox', { name: 'Your calendar link' });
  await expect(field).toHaveValue(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  await expect(okafor.getByText('Your calendar link is on.')).toBeVisible();
  await expectAccessibleAtBothSizes(okafor);
  const url = new URL(await field.inputValue());

  // A calendar app holds no session: read it from a context with no cookies.
  const calendarApp = await browser.newContext();
  const fetched = await calendarApp.request.get(url.pathname);
  expect(fetched.status()).toBe(200);
  expect(fetched.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const text = await fetched.text();
  const events = new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v));
  const mine = events.find((e) => e.uid === `${booked}@localhost`);
  expect(mine?.summary).toBe('A.M. – Therapy');
  expect(mine?.location ?? null).toBeNull();
  expect(text).not.toContain('Alex');
  expect(text).not.toContain('Morgan');
  expect(text).not.toContain('meet.riverbend.test');

  await okafor.reload();
  await expect(okafor.getByText('Your calendar link is on.')).toBeVisible();
  await expect(okafor.getByRole('textbox', { name: 'Your calendar link' })).toHaveCount(0);
  await okafor.getByRole('button', { name: 'Turn off', exact: true }).click();
  const dialog = okafor.getByRole('dialog', { name: 'Turn off your calendar link?' });
  await dialog.getByRole('button', { name: 'Turn off', exact: true }).click();
  await expect(okafor.getByText('You have no calendar link.')).toBeVisible();
  expect((await calendarApp.request.get(url.pathname)).status()).toBe(404);
  await calendarApp.close();
});
