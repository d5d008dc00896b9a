// The safety loop end to end, live: a patient answers PHQ-9 item 9 with 1 and, within 10 seconds
// and without a reload, the header of their therapist's page (already open) shows an urgent unread
// item; the therapist opens it from the inbox, sees the answers and the patient's phone,
// acknowledges; the patient's page says the team has seen it; the therapist resolves it with an
// outcome and a note; the caseload flag clears and the history keeps it. The submit → badge time
// is measured and logged.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { addToCareTeam, createAccount, uniqueName } from './support/api';
import { DEMO, signedIn } from './support/session';

test.describe.configure({ mode: 'serial' });

const ANSWER_LABELS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
/** Item 9 ("thoughts that you would be better off dead, or of hurting yourself") answered 1. */
const ITEM9_ANSWERS = [1, 1, 0, 1, 0, 0, 0, 0, 1];
const PHONE_NUMBER = '(555) 010-4477';

type Account = Awaited<ReturnType<typeof createAccount>>;
let patient: Account;
let therapist: Account;

test.beforeAll(async ({ browser }) => {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  patient = await createAccount(admin, { role: 'PATIENT', name: uniqueName('Robin Ash') });
  therapist = await createAccount(admin, { role: 'THERAPIST', name: uniqueName('Tamsin Reyes') });
  await addToCareTeam(admin, patient.patientId!, therapist.id);
  await admin.context().close();
});

/**
 * The header's inbox badge, once its name carries the counts ("Inbox, 3 unread, 1 urgent"); the
 * main navigation's "Inbox" tab is another link.
 */
const inboxLink = (page: Page): Locator =>
  page.getByRole('banner').getByRole('link', { name: /^Inbox, / });

const signedInAs = (browser: Parameters<typeof signedIn>[0], who: Account, home: string) =>
  signedIn(browser, who.email, { home, password: who.password });

test('an item-9 answer reaches the therapist live, and the flag is seen, acknowledged and resolved', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const robin = await signedInAs(browser, patient, '/my-care');
  const phone = await robin.request.put(`/api/v1/patients/${patient.patientId}/contact`, {
    data: { phone: PHONE_NUMBER, preferredContact: 'PHONE' },
  });
  expect(phone.status(), await phone.text()).toBe(200);

  // The therapist's page is open before anything happens; a reload would drop this mark.
  const tamsin = await signedInAs(browser, therapist, '/caseload');
  const badge = inboxLink(tamsin);
  await expect(badge).toHaveAccessibleName('Inbox, no unread');
  await tamsin.evaluate(() => ((window as unknown as { stillOpen: boolean }).stillOpen = true));

  await robin.goto('/my-care/assessments/phq-9');
  for (const [index, answer] of ITEM9_ANSWERS.entries()) {
    const group = robin.getByRole('group', { name: new RegExp(`^${index + 1}\\. `) });
    await group.getByText(ANSWER_LABELS[answer]!, { exact: true }).click();
  }
  const submitted = Date.now();
  await robin.getByRole('button', { name: 'Submit my PHQ-9' }).click();
  await expect(badge).toHaveAccessibleName('Inbox, 1 unread, 1 urgent', { timeout: 10_000 });
  const elapsed = Date.now() - submitted;
  console.log(`safety loop: patient's submit → therapist's badge in ${elapsed} ms`);
  test.info().annotations.push({ type: 'submit → badge (ms)', description: String(elapsed) });
  expect(elapsed).toBeLessThan(10_000);
  await expect(badge).toHaveAttribute('data-urgent', 'true');
  await expect(badge).toContainText('1 urgent');
  await expect(tamsin.getByText('Urgent: 1 urgent item in your inbox.')).toBeAttached();
  expect(
    await tamsin.evaluate(() => (window as unknown as { stillOpen?: boolean }).stillOpen),
  ).toBe(true);
  await expectAccessibleAtBothSizes(tamsin);
  await expect(robin.getByRole('region', { name: /Help is available right now/ })).toBeVisible();

  // From the badge to the inbox, and from the item to the flag on the chart.
  await badge.click();
  await expect(tamsin).toHaveURL(/\/inbox$/);
  await expect(tamsin.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expectAccessibleAtBothSizes(tamsin);
  await tamsin.getByRole('link', { name: /^Unread: Urgent safety flag: PHQ-9 item 9/ }).click();
  await expect(tamsin).toHaveURL(new RegExp(`/patients/${patient.patientId}#flag-`));
  const open = tamsin
    .getByRole('list', { name: 'Open safety flags' })
    .getByRole('listitem')
    .first();
  await expect(open).toContainText('PHQ-9 item 9 (thoughts of self-harm) answered 1 of 3');
  await expect(open).toContainText('Several days (1)');
  await expect(
    tamsin.getByRole('link', { name: `Call ${patient.name}: ${PHONE_NUMBER}` }),
  ).toBeVisible();
  await expectAccessibleAtBothSizes(tamsin);

  await open.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(open).toContainText(`acknowledged by ${therapist.name}`);
  // Read when opened, no longer urgent once acknowledged: the header says so without a reload.
  await expect(badge).toHaveAccessibleName('Inbox, no unread');
  await expect(badge).not.toHaveAttribute('data-urgent', 'true');

  await robin.goto('/my-care');
  await expect(robin.getByRole('region', { name: 'About your recent answers' })).toHaveText(
    'Your care team has seen your answer.',
  );

  const resolve = tamsin.getByRole('form', { name: 'Resolve this flag' });
  await resolve.getByLabel('Outcome').selectOption({ label: 'Contacted the patient' });
  const note = 'Called Robin; safe at home, safety plan reviewed, session moved to Thursday.';
  await resolve.getByLabel('Note').fill(note);
  await resolve.getByRole('button', { name: 'Resolve flag' }).click();
  await tamsin
    .getByRole('dialog', { name: 'Resolve this safety flag?' })
    .getByRole('button', { name: 'Resolve flag' })
    .click();
  await expect(tamsin.getByRole('list', { name: 'Open safety flags' })).toHaveCount(0);
  const history = tamsin.getByRole('region', { name: 'Flag history' });
  await expect(history).toContainText('Contacted the patient');
  await expect(history).toContainText(note);

  await tamsin.goto('/caseload');
  const row = tamsin.getByRole('main').getByRole('listitem').filter({ hasText: patient.name });
  await expect(row.first()).toBeVisible();
  await expect(row.first()).not.toContainText('Safety flag');
});
