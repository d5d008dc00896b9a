// Alex Morgan's side of appointments: the next visit on My care, its .ics (downloaded and parsed
// with ical.js), My appointments, and a request to move a visit that reaches Sam Okafor.
import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { expect, test } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { patientId } from './support/api';
import { bookVisit, ownId } from './support/appointments';
import { DEMO, signedIn } from './support/session';

type Visit = { id: string; startsAt: string; endsAt: string; clinician: { name: string } };

test('Alex sees the next appointment, adds it to a calendar and asks to move a visit', async ({
  browser,
}) => {
  // Two pages checked by axe at two sizes each, on a shared machine.
  test.setTimeout(180_000);
  const okafor = await signedIn(browser, DEMO.sam);
  const alexId = await patientId(okafor, 'Alex Morgan');
  const booked = await bookVisit(okafor, alexId, await ownId(okafor), 12);

  const alex = await signedIn(browser, DEMO.alex, { home: '/my-care' });
  // The next visit is whichever comes first (the demo's own, or the one just booked).
  const upcoming = await alex.request.get(`/api/v1/patients/${alexId}/appointments?limit=1`);
  expect(upcoming.status()).toBe(200);
  const next = ((await upcoming.json()) as { items: Visit[] }).items[0]!;

  const card = alex.getByRole('region', { name: 'Your next appointment' });
  await expect(card).toBeVisible();
  await expect(card.getByText(`with ${next.clinician.name}`, { exact: false })).toBeVisible();
  await expectAccessibleAtBothSizes(alex);

  const [download] = await Promise.all([
    alex.waitForEvent('download'),
    card.getByRole('link', { name: 'Add to calendar', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^triad-appointment-\d{4}-\d{2}-\d{2}\.ics$/);
  const text = await readFile((await download.path())!, 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const [vevent, ...others] = calendar.getAllSubcomponents('vevent');
  expect(others).toHaveLength(0);
  const event = new ICAL.Event(vevent);
  expect(event.uid).toBe(`${next.id}@localhost`);
  expect(event.summary).toMatch(new RegExp(`with ${next.clinician.name}$`));
  expect(event.startDate.zone?.tzid).toBe('UTC');
  expect(event.startDate.toJSDate().toISOString()).toBe(next.startsAt);
  expect(event.endDate.toJSDate().toISOString()).toBe(next.endsAt);

  await alex.goto('/my-care');
  await alex
    .getByRole('navigation')
    .getByRole('link', { name: 'Appointments', exact: true })
    .first()
    .click();
  await expect(alex.getByRole('heading', { name: 'My appointments', level: 1 })).toBeVisible();
  const visit = alex.getByRole('listitem').filter({
    has: alex.locator(`a[href="/api/v1/appointments/${booked}/calendar.ics"]`),
  });
  await visit.getByRole('button', { name: 'Ask to cancel or reschedule' }).click();
  await visit.getByRole('radio', { name: 'Move it to another time' }).check();
  // A request without a reason is refused next to the field.
  await visit.getByRole('button', { name: 'Send request' }).click();
  await expect(visit.getByText('Tell your care team why, in a few words.')).toBeVisible();
  await expectAccessibleAtBothSizes(alex);
  await visit.getByLabel('Tell Sam Okafor why').fill('I have a work trip that week.');
  await visit.getByRole('button', { name: 'Send request' }).click();
  await expect(visit.getByText('Your request was sent to Sam Okafor.')).toBeVisible();

  await alex.reload();
  const after = alex.getByRole('listitem').filter({
    has: alex.locator(`a[href="/api/v1/appointments/${booked}/calendar.ics"]`),
  });
  await expect(after.getByText('You asked to move this visit.')).toBeVisible();
  await expect(after.getByRole('button', { name: 'Ask to cancel or reschedule' })).toHaveCount(0);

  // Sam Okafor has it in the inbox, with Alex's reason.
  const inbox = await okafor.request.get('/api/v1/notifications');
  expect(inbox.status()).toBe(200);
  const items = ((await inbox.json()) as { items: { kind: string; summary: string }[] }).items;
  expect(
    items.some((n) => n.kind === 'APPOINTMENT_CHANGE_REQUESTED' && n.summary.includes('work trip')),
  ).toBe(true);
});
