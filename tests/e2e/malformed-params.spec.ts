// Pages given malformed parameters in their URL (docs/decisions/014-input-bounds.md): a malformed
// or foreign id is the not-found page (404 where nothing streamed before it), a malformed cursor,
// date or page number the first page; never the error page, never a 500.
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { patientId } from './support/api';
import { DEMO, signedIn } from './support/session';

const NOT_FOUND = 'We couldn’t find that page';
const ERROR = 'Something went wrong';

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
  const page = await signedIn(browser, DEMO.sam, { home: '/caseload' });
  return { page, chart: `/patients/${await patientId(page, 'Alex Morgan')}` };
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
  const therapist = await signedIn(browser, DEMO.sam, { home: '/caseload' });
  await visit(therapist, '/patients/x%00y', NOT_FOUND, 404);
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
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
  const patient = await signedIn(browser, DEMO.alex, { home: '/my-care' });
  await visit(patient, '/my-care/notes?cursor=x%00y', 'Session notes');
  await visit(patient, `/my-care/notes?cursor=${randomUUID()}`, 'Session notes');
  await visit(patient, '/my-care/assessments/%00', NOT_FOUND);
  await visit(patient, '/my-care/trends?days=-1e308', 'My trends');

  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  await visit(admin, '/admin/patients/not-a-uuid', NOT_FOUND);
  await visit(admin, '/admin/patients/x%00y', NOT_FOUND);
  await visit(admin, '/admin?users=99999999999999999999&teams=%00', 'Users and care teams');
  await visit(admin, '/admin/audit?from=0001-01-01&to=9999-12-31&cursor=x%00y', 'Audit log');
  await expect(admin.getByText('Enter a date from 1900-01-01 to 2100-12-31.')).toHaveCount(2);
  await visit(admin, `/admin/audit?patientId=x%00y&cursor=${randomUUID()}`, 'Audit log');
});
