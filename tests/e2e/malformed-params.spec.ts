// Pages given malformed parameters in their URL (issue 10): a malformed or foreign id is the
// not-found page (404 where nothing streamed before it), a malformed cursor, date or page number
// the first page; never the error page, never a 500.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';

const PASSWORD = 'care-team-demo';
const NOT_FOUND = 'We couldn’t find that page';
const ERROR = 'Something went wrong';

async function signedIn(browser: Browser, email: string, home: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${home}$`));
  return page;
}

async function alexId(page: Page): Promise<string> {
  const response = await page.request.get('/api/v1/patients?q=Alex');
  const { items } = (await response.json()) as { items: { id: string; name: string }[] };
  return items.find((p) => p.name === 'Alex Morgan')!.id;
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Opens `path`; expects `status` (where nothing streams before the page; else any below 500), the
 * heading `heading`, and no error page.
 */
async function visit(page: Page, path: string, heading: string, status?: number) {
  const response = await page.goto(path);
  const got = response?.status() ?? 0;
  if (status) expect(got, path).toBe(status);
  else expect(got, path).toBeLessThan(500);
  await expect(page.getByRole('heading', { name: heading }).first(), path).toBeVisible();
  await expect(page.getByText(ERROR), path).toHaveCount(0);
}

// Each visit renders a whole chart page; on a busy machine a handful take a while.
test.describe.configure({ timeout: 180_000 });

async function chartOf(browser: Browser) {
  const page = await signedIn(browser, 'sam.okafor@riverbend.test', '/caseload');
  return { page, chart: `/patients/${await alexId(page)}` };
}

test('a chart with a malformed or unknown patient or note id is not found (404)', async ({
  browser,
}) => {
  const { page, chart } = await chartOf(browser);
  for (const id of ['not-a-uuid', 'x%00y', '%E2%80%AE', randomUUID()]) {
    await visit(page, `/patients/${id}`, NOT_FOUND, 404);
    await visit(page, `/patients/${id}/notes`, NOT_FOUND, 404);
  }
  for (const noteId of ['not-a-note', 'x%00y', randomUUID()]) {
    await visit(page, `${chart}/notes/${noteId}`, NOT_FOUND, 404);
  }
});

test('a chart’s lists with a malformed, forged or unknown cursor show their first page', async ({
  browser,
}) => {
  const { page, chart } = await chartOf(browser);
  for (const cursor of ['-'.repeat(36), randomUUID(), 'x%00y', 'a&cursor=b']) {
    await visit(page, `${chart}/notes?cursor=${cursor}`, 'Session notes', 200);
  }
  for (const cursor of [
    'garbage',
    base64url(['0001-01-01T00:00:00.000Z', 0, randomUUID()]),
    base64url(['9999-12-31T00:00:00.000Z', 0, randomUUID()]),
    base64url(['2026-01-01T00:00:00.000Z', 99, 'x']),
  ]) {
    await visit(page, `${chart}/timeline?cursor=${cursor}`, 'Timeline', 200);
  }
});

test('a chart with a malformed date, period or page number shows the default', async ({
  browser,
}) => {
  const { page, chart } = await chartOf(browser);
  for (const since of [
    '0001-01-01',
    '0000-01-01T00:00:00Z',
    '9999-12-31',
    'x%00y',
    '7d&since=8d',
  ]) {
    await visit(page, `${chart}?since=${since}`, 'Current medications', 200);
  }
  await visit(page, `${chart}/check-ins?days=%00`, 'Recent check-ins', 200);
  await visit(page, '/caseload?page=99999999999999999999&sort=%00&flag=x', 'Caseload', 200);
});

test('a malformed id in a chart’s address is refused in the audit trail without the raw input', async ({
  browser,
}) => {
  const therapist = await signedIn(browser, 'sam.okafor@riverbend.test', '/caseload');
  await visit(therapist, '/patients/x%00y', NOT_FOUND, 404);
  const admin = await signedIn(browser, 'admin@riverbend.test', '/admin');
  const users = await (await admin.request.get('/api/v1/users?q=okafor')).json();
  const sam = (users.items as { id: string }[])[0]!.id;
  const events = await (await admin.request.get(`/api/v1/audit-events?actorId=${sam}`)).json();
  const refused = (
    events.items as { outcome: string; detail: string; resourceId: string | null }[]
  ).find((e) => e.outcome === 'DENIED' && e.resourceId?.startsWith('unreadable:'));
  expect(refused?.detail).toBe('not-found');
});

test('the patient’s and the admin’s pages: malformed parameters are not found or the first page', async ({
  browser,
}) => {
  const patient = await signedIn(browser, 'alex.morgan@riverbend.test', '/my-care');
  await visit(patient, '/my-care/notes?cursor=x%00y', 'Session notes');
  await visit(patient, `/my-care/notes?cursor=${randomUUID()}`, 'Session notes');
  await visit(patient, '/my-care/assessments/%00', NOT_FOUND);
  await visit(patient, '/my-care/trends?days=-1e308', 'My trends');

  const admin = await signedIn(browser, 'admin@riverbend.test', '/admin');
  await visit(admin, '/admin/patients/not-a-uuid', NOT_FOUND);
  await visit(admin, '/admin/patients/x%00y', NOT_FOUND);
  await visit(admin, '/admin?users=99999999999999999999&teams=%00', 'Users and care teams');
  await visit(admin, '/admin/audit?from=0001-01-01&to=9999-12-31&cursor=x%00y', 'Audit log');
  await expect(admin.getByText('Enter a date from 1900-01-01 to 2100-12-31.')).toHaveCount(2);
  await visit(admin, `/admin/audit?patientId=x%00y&cursor=${randomUUID()}`, 'Audit log');
});
