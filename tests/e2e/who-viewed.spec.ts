import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, PHONE } from './support/a11y';
import { addToCareTeam, createAccount, findAccount, patientId, uniqueName } from './support/api';
import { DEMO, signedIn } from './support/session';

const alexId = (page: Parameters<typeof patientId>[0]) => patientId(page, 'Alex Morgan');

test('a patient sees, in plain words, that their prescriber viewed their record', async ({
  browser,
}) => {
  // A patient of this test's own, so no other spec's reads show in their log.
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  const robin = await createAccount(admin, { role: 'PATIENT', name: uniqueName('Robin Vale') });
  const patientId = robin.patientId!;
  await addToCareTeam(admin, patientId, (await findAccount(admin, DEMO.rivera)).id);
  await admin.context().close();

  const rivera = await signedIn(browser, DEMO.rivera, { home: '/caseload' });
  const profile = await rivera.request.get(`/api/v1/patients/${patientId}`);
  expect(profile.status()).toBe(200);
  // A clinician on the team may not read the patient's access log: a refusal the patient sees.
  const refused = await rivera.request.get(`/api/v1/patients/${patientId}/access-log`);
  expect(refused.status()).toBe(403);

  const patient = await signedIn(browser, robin.email, {
    home: '/my-care',
    password: robin.password,
  });
  await patient.getByRole('link', { name: 'See who viewed your record' }).click();
  await expect(patient).toHaveURL(/\/my-care\/who-viewed$/);
  await expect(
    patient.getByRole('heading', { level: 1, name: 'Who viewed my record' }),
  ).toBeVisible();
  const nav = patient.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Who viewed my record' })).toBeVisible();

  const entries = patient.getByRole('main').getByRole('listitem');
  await expect(
    entries.filter({
      hasText: 'Elena Rivera, your prescriber, viewed your profile and care team.',
    }),
  ).not.toHaveCount(0);
  const refusal = entries.filter({
    hasText:
      'Elena Rivera, a prescriber, tried to view the list of who viewed your record and was refused.',
  });
  await expect(refusal).toHaveCount(1);
  await expect(refusal.getByText('Refused', { exact: true })).toBeVisible();
  // Newest first: the refusal came after the view.
  await expect(entries.first()).toContainText(/Elena Rivera|You/);
  await expect(entries.locator('time').first()).toContainText(/ago|just now/);

  await expectNoSeriousA11yViolations(patient);
  await patient.setViewportSize(PHONE);
  await expectNoSeriousA11yViolations(patient);
});

test('"Show older" appends the next page and moves focus to it', async ({ browser }) => {
  const rivera = await signedIn(browser, DEMO.rivera, { home: '/caseload' });
  const patientId = await alexId(rivera);
  for (let i = 0; i < 30; i += 1) {
    expect((await rivera.request.get(`/api/v1/patients/${patientId}`)).status()).toBe(200);
  }

  const alex = await signedIn(browser, DEMO.alex, { home: '/my-care' });
  await alex
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Who viewed my record' })
    .click();
  const entries = alex.getByRole('main').getByRole('listitem');
  await expect(entries).toHaveCount(25);
  await alex.getByRole('button', { name: 'Show older' }).click();
  await expect.poll(() => entries.count()).toBeGreaterThan(25);
  await expect(entries.nth(25)).toBeFocused();
  await expect(alex.getByRole('status').filter({ hasText: /older entr/ })).toBeAttached();
});

test('other roles cannot open the page', async ({ browser }) => {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  const response = await admin.goto('/my-care/who-viewed');
  expect(response?.status()).toBe(404);
});
