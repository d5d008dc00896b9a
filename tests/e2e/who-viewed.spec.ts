import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, expectNoSidewaysScroll, PHONE } from './support/a11y';
import { addToCareTeam, createAccount, findAccount, uniqueName } from './support/api';
import { DEMO, signedIn } from './support/session';

type Entry = { id: string; who: string; did: string };
type Visit = { id: string; summary: string; eventCount: number; events: Entry[] };

/** Every page of one of the patient's logs, through the API as `page`'s account. */
async function walk<T>(page: Page, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `limit=100${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await page.request.get(`${path}?${query}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { items: T[]; nextCursor: string | null };
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

/** A patient of the test's own (so no other spec's reads show in their log), Rivera on the team. */
async function freshPatient(browser: Browser) {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  const robin = await createAccount(admin, { role: 'PATIENT', name: uniqueName('Robin Vale') });
  await addToCareTeam(admin, robin.patientId!, (await findAccount(admin, DEMO.rivera)).id);
  await admin.context().close();
  return robin;
}

/** The visits on the page: the items of the list itself, not the accesses folded inside them. */
const visitsOn = (page: Page) =>
  page.getByRole('list', { name: 'Visits to your record' }).locator(':scope > li');

// First in this file, so what it counts is what the specs before it (the clinicians' and the
// patient's journeys) left in Alex Morgan's log, not this file's own reads.
test('Alex Morgan’s log after the walkthrough: every access behind the visits', async ({
  browser,
}) => {
  const alex = await signedIn(browser, DEMO.alex, { home: '/my-care' });
  // Alex's own id, from Alex's own session: asking a clinician would add to the log being counted.
  const id = ((await (await alex.request.get('/api/v1/me')).json()) as { patientId: string })
    .patientId;
  const visits = await walk<Visit>(alex, `/api/v1/patients/${id}/access-log/visits`);
  const flat = await walk<Entry>(alex, `/api/v1/patients/${id}/access-log`);
  // The patient's own views stay out of the visits; their own downloads are shown (issue 17).
  const shown = flat.filter((e) => e.who !== 'You' || e.did.startsWith('downloaded'));
  const behind = visits.flatMap((v) => v.events.map((e) => e.id));
  const figures = {
    visits: visits.length,
    eventsBehindVisits: visits.reduce((sum, v) => sum + v.eventCount, 0),
    each: visits.map((v) => `${v.eventCount}: ${v.summary}`),
    flatLogEntries: flat.length,
    patientsOwnEntriesLeftOut: flat.length - shown.length,
  };
  console.log(`Alex Morgan's access log: ${JSON.stringify(figures)}`);
  test.info().annotations.push({ type: 'figures', description: JSON.stringify(figures) });
  expect(figures.eventsBehindVisits).toBe(shown.length);
  // Short visits carry every access; a long one its newest 50 (the rest: its person's flat log).
  for (const visit of visits) {
    expect(visit.events).toHaveLength(Math.min(visit.eventCount, 50));
  }
  expect(shown.map((e) => e.id)).toEqual(expect.arrayContaining(behind));
});

test('a patient reads, at 375 px, one sentence per visit with every access behind it', async ({
  browser,
}) => {
  const robin = await freshPatient(browser);
  const rivera = await signedIn(browser, DEMO.rivera, { home: '/caseload' });
  expect((await rivera.request.get(`/api/v1/patients/${robin.patientId}`)).status()).toBe(200);
  // A clinician on the team may not read the patient's access log: a refusal the patient sees.
  const refused = await rivera.request.get(`/api/v1/patients/${robin.patientId}/access-log`);
  expect(refused.status()).toBe(403);

  const patient = await signedIn(browser, robin.email, {
    home: '/my-care',
    password: robin.password,
  });
  await patient.setViewportSize(PHONE);
  await patient.goto('/my-care');
  await patient.getByRole('link', { name: 'See who viewed your record' }).click();
  await expect(patient).toHaveURL(/\/my-care\/who-viewed$/);
  await expect(
    patient.getByRole('heading', { level: 1, name: 'Who viewed my record' }),
  ).toBeVisible();

  const visits = visitsOn(patient);
  // Her sign-in's caseload, the profile and the refusal: one sitting, one sentence.
  const riveraVisit = visits.filter({ hasText: 'Elena Rivera, your prescriber, looked at' });
  await expect(riveraVisit).toHaveCount(1);
  await expect(riveraVisit).toContainText('your profile and care team');
  await expect(riveraVisit).toContainText(
    'tried to view the list of who viewed your record and was refused.',
  );
  // The visit's own badge, not the one of the refused access folded inside it.
  await expect(
    riveraVisit.locator(':scope > p').getByText('Refused', { exact: true }),
  ).toBeVisible();
  // The patient's own look at the page is theirs: never a visit to them.
  await expect(visits.filter({ hasText: /^You / })).toHaveCount(0);

  await riveraVisit.getByText(/^Show all \d+ accesses/).click();
  const accesses = riveraVisit.getByRole('listitem');
  await expect(accesses.filter({ hasText: 'viewed your profile and care team' })).toHaveCount(1);
  await expect(accesses.getByText('Refused', { exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(patient);
  await expectNoSidewaysScroll(patient);

  // Only Rivera's visits: the choice is in the URL.
  await patient
    .getByLabel('Who', { exact: true })
    .selectOption({ label: 'Elena Rivera, your prescriber' });
  await patient.getByLabel('When', { exact: true }).selectOption({ label: 'The last 7 days' });
  await patient.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(patient).toHaveURL(/person=[0-9a-f-]{36}.*period=7d/);
  await expect(visits).toHaveCount(1);
  await expect(visits.first()).toContainText('Elena Rivera');
  await expectNoSeriousA11yViolations(patient);

  // A filter the URL gets wrong is not applied, never an error.
  const response = await patient.goto('/my-care/who-viewed?period=yesterday&person=nobody');
  expect(response?.status()).toBe(200);
  await expect(patient.getByLabel('When', { exact: true })).toHaveValue('all');
  await expect(patient.getByLabel('Who', { exact: true })).toHaveValue('');
  await expect(visits.filter({ hasText: 'Elena Rivera' })).toHaveCount(1);
});

test('one sitting of many reads is one visit; expanding it reaches every read', async ({
  browser,
}) => {
  const robin = await freshPatient(browser);
  const rivera = await signedIn(browser, DEMO.rivera, { home: '/caseload' });
  for (let i = 0; i < 12; i += 1) {
    expect((await rivera.request.get(`/api/v1/patients/${robin.patientId}`)).status()).toBe(200);
  }
  const patient = await signedIn(browser, robin.email, {
    home: '/my-care',
    password: robin.password,
  });
  await patient.setViewportSize(PHONE);
  await patient.goto('/my-care/who-viewed');
  const visit = visitsOn(patient).filter({ hasText: 'Elena Rivera' });
  await expect(visit).toHaveCount(1);
  await expect(visit).toContainText('looked at');
  await visit.getByText(/^Show all \d+ accesses/).click();
  const reads = visit
    .getByRole('listitem')
    .filter({ hasText: 'viewed your profile and care team' });
  await expect(reads).toHaveCount(12);
  await expectNoSeriousA11yViolations(patient);
});

test('other roles cannot open the page', async ({ browser }) => {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  const response = await admin.goto('/my-care/who-viewed');
  expect(response?.status()).toBe(404);
});
