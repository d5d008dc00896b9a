// The safety loop, live: a patient answers PHQ-9 item 9 with 1 and, within 10 seconds and without
// a reload, the header of their therapist's page (already open) shows one more urgent unread item.
// The submit → badge time is measured and logged.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectAccessibleAtBothSizes } from './support/a11y';
import { addToCareTeam, createAccount, findAccount, uniqueName } from './support/api';
import { DEMO, signedIn } from './support/session';

test.describe.configure({ mode: 'serial' });

const ANSWER_LABELS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
/** Item 9 ("thoughts that you would be better off dead, or of hurting yourself") answered 1. */
const ITEM9_ANSWERS = [1, 1, 0, 1, 0, 0, 0, 0, 1];

const robin = { name: uniqueName('Robin Ash'), email: '', password: '', patientId: '' };

test.beforeAll(async ({ browser }) => {
  const admin = await signedIn(browser, DEMO.admin, { home: '/admin' });
  const account = await createAccount(admin, { role: 'PATIENT', name: robin.name });
  Object.assign(robin, { email: account.email, password: account.password });
  robin.patientId = account.patientId!;
  await addToCareTeam(admin, robin.patientId, (await findAccount(admin, DEMO.sam)).id);
  await admin.context().close();
});

/** The header's inbox link, whose name carries the counts ("Inbox, 3 unread, 1 urgent"). */
const inboxLink = (page: Page): Locator =>
  page.getByRole('banner').getByRole('link', { name: /^Inbox/ });

async function countsOf(link: Locator): Promise<{ unread: number; urgent: number }> {
  await expect(link).toHaveAccessibleName(/^Inbox, (no|\d+) unread/);
  const name = (await link.getAttribute('aria-label'))!;
  const unread = /(\d+) unread/.exec(name)?.[1] ?? '0';
  const urgent = /(\d+) urgent/.exec(name)?.[1] ?? '0';
  return { unread: Number(unread), urgent: Number(urgent) };
}

test('an item-9 answer reaches the therapist’s open page within 10 s, without a reload', async ({
  browser,
}) => {
  const sam = await signedIn(browser, DEMO.sam, { home: '/caseload' });
  const badge = inboxLink(sam);
  const before = await countsOf(badge);
  // A reload would drop this mark.
  await sam.evaluate(() => ((window as unknown as { stillOpen: boolean }).stillOpen = true));

  const patient = await signedIn(browser, robin.email, {
    home: '/my-care',
    password: robin.password,
  });
  await patient.goto('/my-care/assessments/phq-9');
  for (const [index, answer] of ITEM9_ANSWERS.entries()) {
    const group = patient.getByRole('group', { name: new RegExp(`^${index + 1}\\. `) });
    await group.getByText(ANSWER_LABELS[answer]!, { exact: true }).click();
  }
  const submitted = Date.now();
  await patient.getByRole('button', { name: 'Submit my PHQ-9' }).click();

  await expect(badge).toHaveAccessibleName(
    new RegExp(`^Inbox, ${before.unread + 1} unread, ${before.urgent + 1} urgent$`),
    { timeout: 10_000 },
  );
  const elapsed = Date.now() - submitted;
  console.log(`safety loop: patient's submit → therapist's badge in ${elapsed} ms`);
  test.info().annotations.push({ type: 'submit → badge (ms)', description: String(elapsed) });
  expect(elapsed).toBeLessThan(10_000);
  await expect(badge).toHaveAttribute('data-urgent', 'true');
  await expect(badge).toContainText(`${before.urgent + 1} urgent`);
  await expect(sam.getByText(/^Urgent: \d+ urgent items? in your inbox\.$/)).toBeAttached();
  expect(await sam.evaluate(() => (window as unknown as { stillOpen?: boolean }).stillOpen)).toBe(
    true,
  );
  await expect(patient.getByRole('region', { name: /Help is available right now/ })).toBeVisible();

  await expectAccessibleAtBothSizes(sam);
  await expect(badge).toHaveAttribute('href', '/inbox');
});
