import { expect, test, type Browser } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { activeMedication, patientId } from './support/api';
import { DEMO, signedIn, signedInOn } from './support/session';

// The therapist's journey: the brief before a session, the session note, and the psychotherapy
// note that nobody else ever sees (docs/decisions/010-psychotherapy-notes.md). The tests run in
// order and share Alex's id and the note's marker.
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const NOTE_TEXT = `Reviewed the sleep routine after the dose change (${stamp}).`;
const MARKER = `PSYNOTE-MARKER-${stamp}`;
let alexId = '';

/** The page signed in as `email`, and closing its context. */
async function asUser(browser: Browser, email: string) {
  const page = await signedIn(browser, email);
  return { page, close: () => page.context().close() };
}

const CARE_TEAM_NOTE = `Sam, please watch sleep after this change (${stamp}).`;

/**
 * Dr. Rivera raises Alex's sertraline through the API, from whatever dose it is at (other specs
 * share this demo database and may have changed it), with a note meant for the care team.
 */
async function riveraRaisesSertraline(browser: Browser): Promise<string> {
  const rivera = await asUser(browser, DEMO.rivera);
  try {
    const id = await patientId(rivera.page, 'Alex Morgan');
    const sertraline = await activeMedication(rivera.page, id, /sertraline/i);
    const response = await rivera.page.request.post(`/api/v1/patients/${id}/medication-changes`, {
      data: {
        action: 'INCREASE',
        medication: sertraline.medication,
        dose: sertraline.dose + 25,
        unit: sertraline.unit,
        frequency: sertraline.frequency,
        effectiveDate: new Date().toISOString().slice(0, 10),
        reason: 'Partial response; tolerating the current dose well.',
        monitorFor: ['sleep'],
        noteForCareTeam: CARE_TEAM_NOTE,
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    return `Increased ${sertraline.medication} ${sertraline.dose + 25} ${sertraline.unit}`;
  } finally {
    await rivera.close();
  }
}

test('Sam opens Alex Morgan and reads the brief: Dr. Rivera’s dose change and her note', async ({
  page,
  browser,
}) => {
  const change = await riveraRaisesSertraline(browser);
  await signedInOn(page, DEMO.sam);
  await page.goto('/caseload');
  await page.getByRole('link', { name: 'Alex Morgan' }).first().click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  alexId = page.url().split('/').pop()!;

  const brief = page.getByRole('region', { name: /What changed/ });
  await expect(brief).toBeVisible();
  // The demo's last completed visit with Alex (a week ago) opens the brief's window.
  await expect(brief).toContainText('since your last session');
  const latest = brief.getByRole('article').filter({ hasText: change });
  await expect(latest).toContainText('recorded by Elena Rivera');
  await expect(latest).toContainText(CARE_TEAM_NOTE);
  await expectNoSeriousA11yViolations(page);

  await brief.getByRole('link', { name: 'Last 90 days' }).click();
  await expect(page).toHaveURL(/since=90d/);
  const medications = page.getByRole('region', { name: 'Medication changes' });
  // The demo lowers sertraline to 75 mg this morning and the test raises it by 25: found by its
  // note, the increase of 55 days ago is the one article of its kind.
  const increase = medications
    .getByRole('article')
    .filter({ hasText: 'Sam, worth reviewing the sleep routine' });
  await expect(increase).toContainText('Increased Sertraline 100 mg');
  await expect(increase).toContainText('recorded by Elena Rivera');
  await expect(increase).toContainText('Note for the care team');
  await expect(increase).toContainText('Sam, worth reviewing the sleep routine');
  await expect(page.getByRole('region', { name: 'Care-team messages' })).toContainText(
    'keep an eye on sleep',
  );
  await expectNoSeriousA11yViolations(page);
});

const SIGNED_PLAN = 'Keep the wake time; review in two weeks.';

test('Sam writes and signs a session note, and keeps a psychotherapy note', async ({ page }) => {
  await signedInOn(page, DEMO.sam);
  await page.goto(`/patients/${alexId}/notes`);
  await page.getByRole('link', { name: 'Write a session note' }).click();
  await page.getByLabel('Data').fill(NOTE_TEXT);
  await page.getByLabel('Assessment').fill('Sleep onset under 30 minutes most nights.');
  await page.getByLabel('Plan', { exact: true }).fill('Keep the wake time; review in a week.');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page).toHaveURL(/\/notes\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Only you can see this draft')).toBeVisible();

  // An edit not saved yet is saved by signing: the signed note is the one on screen.
  await page.getByLabel('Plan', { exact: true }).fill(SIGNED_PLAN);
  await page.getByRole('button', { name: 'Sign note' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign this note?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Sign note' }).click();
  await expect(page.getByText('Signed', { exact: true })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(NOTE_TEXT);
  await expect(page.getByRole('main')).toContainText(SIGNED_PLAN);
  await expectNoSeriousA11yViolations(page);

  await page.goto(`/patients/${alexId}/notes/psychotherapy`);
  await page.getByLabel('Process note').fill(`Countertransference: ${MARKER}`);
  await page.getByRole('button', { name: 'Save private note' }).click();
  await expect(page.getByRole('list', { name: 'Your psychotherapy notes' })).toContainText(MARKER);
  await expectNoSeriousA11yViolations(page);
});

test('Alex and Dr. Rivera read the signed note', async ({ browser }) => {
  const alex = await asUser(browser, DEMO.alex);
  await alex.page.goto('/my-care/notes');
  await expect(alex.page.getByRole('main')).toContainText(NOTE_TEXT);
  await expect(alex.page.getByRole('main')).toContainText('What we talked about');
  await expectNoSeriousA11yViolations(alex.page);
  await alex.close();

  const rivera = await asUser(browser, DEMO.rivera);
  await rivera.page.goto(`/patients/${alexId}/notes`);
  await expect(rivera.page.getByRole('main')).toContainText(NOTE_TEXT);
  await rivera.page.goto(`/patients/${alexId}/messages`);
  await expect(rivera.page.getByRole('list', { name: 'Messages, oldest first' })).toBeVisible();
  await expectNoSeriousA11yViolations(rivera.page);
  await rivera.page.goto(`/patients/${alexId}/timeline`);
  await expect(rivera.page.getByRole('main')).toContainText('Therapy note signed');
  await expectNoSeriousA11yViolations(rivera.page);
  await rivera.close();
});

test('Lee Park, not on Alex’s team, gets not-found on Alex’s chart', async ({ browser }) => {
  const lee = await asUser(browser, DEMO.lee);
  for (const tab of ['', '/notes', '/messages', '/timeline']) {
    await lee.page.goto(`/patients/${alexId}${tab}`);
    await expect(
      lee.page.getByRole('heading', { name: 'We couldn’t find that page' }),
    ).toBeVisible();
    await expect(lee.page.getByRole('main')).not.toContainText('Alex Morgan');
  }
  await lee.close();
});

test('the psychotherapy note reaches nobody but Sam', async ({ browser }) => {
  const sam = await asUser(browser, DEMO.sam);
  const own = await sam.page.request.get(`/patients/${alexId}/notes/psychotherapy`);
  expect(await own.text()).toContain(MARKER);
  await sam.close();

  const chart = [
    '',
    '/medications',
    '/plan',
    '/notes',
    '/notes/psychotherapy',
    '/check-ins',
    '/messages',
    '/timeline',
  ].map((tab) => `/patients/${alexId}${tab}`);
  const pages = [
    ...chart,
    `/patients/${alexId}?since=90d`,
    '/caseload',
    '/my-care',
    '/my-care/notes',
    '/my-care/who-viewed',
    '/my-care/check-in',
    '/my-care/trends',
    '/admin',
    '/admin/audit',
    `/admin/patients/${alexId}`,
    `/api/v1/patients/${alexId}/brief`,
    `/api/v1/patients/${alexId}/timeline?limit=100`,
    `/api/v1/patients/${alexId}/session-notes?limit=100`,
    `/api/v1/patients/${alexId}/psychotherapy-notes`,
    `/api/v1/patients/${alexId}/access-log?limit=100`,
    '/api/v1/audit-events?limit=100',
  ];
  for (const email of [
    DEMO.rivera,
    DEMO.chen,
    DEMO.lee,
    DEMO.alex,
    DEMO.casey,
    DEMO.admin,
    DEMO.otherOrganization,
  ]) {
    const user = await asUser(browser, email);
    for (const path of pages) {
      const response = await user.page.request.get(path);
      expect(await response.text(), `${email} ${path}`).not.toContain(MARKER);
    }
    await user.close();
  }
});
